//! Accounts: inserting, finding and changing users.

use super::{with_pool, with_tx, Db, DbError, Tx};
use crate::domain::accounts::{
    CurrentUser, Email, OrganisationStatus, QueueSize, Role, UserListItem,
};
use crate::domain::organisations::OrganisationClaim;
use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// A stored account, with the fields only the server may see (the password hash).
#[derive(FromRow, Clone)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
    pub organisation_name: Option<String>,
    pub organisation_website: Option<String>,
    pub organisation_status: OrganisationStatus,
    pub organisation_review_reason: Option<String>,
    pub locale: String,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub blocked_at: Option<DateTime<Utc>>,
    /// The end of the running block (`None` with `blocked_at`: unlimited).
    pub blocked_until: Option<DateTime<Utc>>,
    pub session_version: i64,
    /// Commenting and supporting follow the idea unless turned off.
    pub follow_on_comment: bool,
    pub follow_on_vote: bool,
    /// The name links to a public profile of the person's visible contributions.
    pub profile_public: bool,
}

const USER_COLUMNS: &str = "id, email, display_name, password_hash, role, organisation_name, \
    organisation_website, organisation_status, organisation_review_reason, locale, email_verified_at, blocked_at, blocked_until, session_version, \
    follow_on_comment, follow_on_vote, profile_public";

impl UserRow {
    /// Whether a block runs at `now` (one whose end has come is over, even before the
    /// scheduled job lifts it).
    pub fn is_blocked(&self, now: DateTime<Utc>) -> bool {
        self.blocked_at.is_some() && self.blocked_until.is_none_or(|until| until > now)
    }

    /// The organisation the platform shows for this account: a business account's, once
    /// staff verified it. The SQL twin for reads that show authors is
    /// [`verified_organisation`](super::verified_organisation).
    pub fn verified_organisation(&self) -> Option<&str> {
        (self.role == Role::Business && self.organisation_status == OrganisationStatus::Verified)
            .then_some(self.organisation_name.as_deref())
            .flatten()
    }

    /// The account as named in running text, like `shown_name!` in SQL: the display name,
    /// followed by the verified organisation in brackets.
    pub fn shown_name(&self) -> String {
        match self.verified_organisation() {
            Some(organisation) => format!("{} ({organisation})", self.display_name),
            None => self.display_name.clone(),
        }
    }

    /// The language the account's mail is written in.
    pub fn mail_locale(&self) -> Locale {
        Locale::from_code(&self.locale).unwrap_or_default()
    }

    /// The public view of the account, for the pages.
    pub fn to_current_user(
        &self,
        unread_notifications: i64,
        moderation_queue: Option<QueueSize>,
    ) -> CurrentUser {
        CurrentUser {
            id: self.id,
            display_name: self.display_name.clone(),
            email: self.email.clone(),
            role: self.role,
            organisation_name: self.organisation_name.clone(),
            organisation_website: self.organisation_website.clone(),
            organisation_status: self.organisation_status,
            organisation_review_reason: self.organisation_review_reason.clone(),
            locale: self.locale.clone(),
            email_verified: self.email_verified_at.is_some(),
            profile_public: self.profile_public,
            unread_notifications,
            moderation_queue,
        }
    }
}

/// A new account.
pub struct NewUser<'a> {
    pub email: &'a Email,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub organisation_name: Option<&'a str>,
    pub organisation_website: Option<&'a str>,
    pub locale: &'a str,
    pub email_verified_at: Option<DateTime<Utc>>,
}

/// Inserts an account; `DbError::Conflict` when the email is taken.
pub async fn insert_user(
    tx: &mut Tx,
    user: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "INSERT INTO users (email, display_name, password_hash, role, \
            organisation_name, organisation_website, locale, email_verified_at, \
            privacy_consent_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9) RETURNING id";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL)
            .bind(user.email.as_ref())
            .bind(user.display_name)
            .bind(user.password_hash)
            .bind(user.role.as_str())
            .bind(user.organisation_name)
            .bind(user.organisation_website)
            .bind(user.locale)
            .bind(user.email_verified_at)
            .bind(now)
            .fetch_one(conn)
            .await?
    }))
}

pub async fn find_user_by_email(db: &Db, email: &Email) -> Result<Option<UserRow>, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
    Ok(with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(email.as_ref()).fetch_optional(pool).await?
    }))
}

/// The account with `id`, or `DbError::NotFound`.
pub async fn find_user_by_id(db: &Db, id: i64) -> Result<UserRow, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    Ok(with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_one(pool).await?))
}

/// Same as [`find_user_by_id`] inside a transaction.
pub async fn find_user_by_id_in(tx: &mut Tx, id: i64) -> Result<UserRow, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    Ok(with_tx!(tx, conn => sqlx::query_as(&sql).bind(id).fetch_one(conn).await?))
}

pub async fn mark_email_verified(
    tx: &mut Tx,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2), \
         updated_at = $2 WHERE id = $1";
    with_tx!(tx, conn => {
        sqlx::query(SQL).bind(user_id).bind(now).execute(conn).await?;
    });
    Ok(())
}

/// Sets a new password hash and raises the session version, which logs out every other
/// session of the account.
pub async fn update_password(
    tx: &mut Tx,
    user_id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str =
        "UPDATE users SET password_hash = $2, session_version = session_version + 1, \
         updated_at = $3 WHERE id = $1 RETURNING session_version";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(user_id).bind(password_hash).bind(now).fetch_one(conn).await?
    }))
}

/// Replaces the email with one proven by a confirmation link; every session ends.
pub async fn update_email(
    tx: &mut Tx,
    user_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    // A new address ends every session, like a new password: a session someone else holds
    // must not survive the owner moving the account.
    const SQL: &str = "UPDATE users SET email = $2, email_verified_at = $3, updated_at = $3, \
            session_version = session_version + 1 WHERE id = $1";
    with_tx!(tx, conn => {
        sqlx::query(SQL).bind(user_id).bind(email).bind(now).execute(conn).await?;
    });
    Ok(())
}

/// The editable profile of an account.
pub struct ProfileUpdate<'a> {
    pub display_name: &'a str,
    pub organisation_name: Option<&'a str>,
    pub organisation_website: Option<&'a str>,
    pub locale: &'a str,
    /// A renamed organisation is verified anew.
    pub organisation_renamed: bool,
    pub profile_public: bool,
}

pub async fn update_profile(
    db: &Db,
    user_id: i64,
    profile: &ProfileUpdate<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE users SET display_name = $2, organisation_name = $3, \
         organisation_website = $4, locale = $5, updated_at = $6, \
         organisation_status = CASE WHEN $7 THEN 'pending' ELSE organisation_status END, \
         organisation_review_reason = CASE WHEN $7 THEN NULL ELSE organisation_review_reason END, \
         profile_public = $8 \
         WHERE id = $1";
    with_pool!(db, pool => {
        sqlx::query(SQL)
            .bind(user_id)
            .bind(profile.display_name)
            .bind(profile.organisation_name)
            .bind(profile.organisation_website)
            .bind(profile.locale)
            .bind(now)
            .bind(profile.organisation_renamed)
            .bind(profile.profile_public)
            .execute(pool)
            .await?;
    });
    Ok(())
}

pub async fn update_role(
    tx: &mut Tx,
    user_id: i64,
    role: Role,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE users SET role = $2, updated_at = $3 WHERE id = $1";
    let affected = with_tx!(tx, conn => {
        sqlx::query(SQL).bind(user_id).bind(role.as_str()).bind(now).execute(conn).await?.rows_affected()
    });
    if affected == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

#[derive(FromRow)]
struct UserListRow {
    id: i64,
    display_name: String,
    email: String,
    role: Role,
    organisation_name: Option<String>,
    verified: bool,
}

/// One page of accounts in id order, starting after `after_id` (keyset pagination).
pub async fn list_users(db: &Db, after_id: i64, limit: i64) -> Result<Vec<UserListItem>, DbError> {
    const SQL: &str = "SELECT id, display_name, email, role, organisation_name, \
            email_verified_at IS NOT NULL AS verified \
         FROM users WHERE id > $1 ORDER BY id LIMIT $2";
    let rows: Vec<UserListRow> = with_pool!(db, pool => sqlx::query_as(SQL).bind(after_id).bind(limit).fetch_all(pool).await?);
    rows.into_iter()
        .map(|r| {
            Ok(UserListItem {
                id: r.id,
                role: r.role,
                display_name: r.display_name,
                email: r.email,
                organisation_name: r.organisation_name,
                email_verified: r.verified,
            })
        })
        .collect()
}

#[derive(FromRow)]
struct ClaimRow {
    id: i64,
    display_name: String,
    email: String,
    organisation_name: Option<String>,
    organisation_website: Option<String>,
    created_at: DateTime<Utc>,
}

/// Business accounts (with a confirmed address) whose organisation waits for staff, oldest
/// first.
pub async fn pending_organisations(db: &Db, limit: i64) -> Result<Vec<OrganisationClaim>, DbError> {
    const SQL: &str = "SELECT id, display_name, email, organisation_name, organisation_website, \
            created_at \
         FROM users \
         WHERE role = 'business' AND organisation_status = 'pending' \
           AND email_verified_at IS NOT NULL \
         ORDER BY created_at, id LIMIT $1";
    let rows: Vec<ClaimRow> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(limit).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|r| OrganisationClaim {
            user_id: r.id,
            display_name: r.display_name,
            email: r.email,
            organisation_name: r.organisation_name.unwrap_or_default(),
            organisation_website: r.organisation_website,
            registered_at: r.created_at,
        })
        .collect())
}

/// Decides a pending organisation; `false` if it was not pending (any more): decided by
/// someone else a moment ago, renamed, or not a business account.
pub async fn decide_organisation(
    tx: &mut Tx,
    user_id: i64,
    status: OrganisationStatus,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE users SET organisation_status = $2, \
            organisation_review_reason = $3, updated_at = $4 \
         WHERE id = $1 AND role = 'business' AND organisation_status = 'pending'";
    let affected = with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(user_id)
            .bind(status.as_str())
            .bind(reason)
            .bind(now)
            .execute(conn)
            .await?
            .rows_affected()
    });
    Ok(affected == 1)
}
