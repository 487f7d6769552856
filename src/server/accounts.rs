//! Account flows: registration, verification, login, password reset, password and email
//! change, roles. Each runs its writes and the mails they cause in one transaction.

use crate::domain::accounts::{
    canonical_address, parse_website, DisplayName, Email, NewPassword, OrganisationName, Role,
};
use crate::domain::moderation::LogAction;
use crate::domain::paths::with_return_path;
use crate::domain::validation::{FieldErrors, ValidationError};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::blocks;
use crate::server::db::moderation::{self, NewLogEntry};
use crate::server::db::tokens::{
    consume_token, insert_token, revoke_tokens, token_is_open, TokenPurpose,
};
use crate::server::db::users::{self, find_user_by_email, NewUser, ProfileUpdate, UserRow};
use crate::server::db::{Db, DbError, Tx};
use crate::server::mail::{self, templates};
use crate::server::passwords::{hash_password, verify_password};
use crate::server::rate_limits::{self, log_pseudonym, Hit};
use crate::server::state::AppState;
use crate::server::tokens::{generate_token, hash_token};
use chrono::{DateTime, TimeDelta, Utc};

pub const VERIFY_EMAIL_VALIDITY: TimeDelta = TimeDelta::hours(48);
pub const RESET_PASSWORD_VALIDITY: TimeDelta = TimeDelta::hours(1);
/// A registration is never completed sooner than this after its form was rendered: a robot
/// posting at once waits it out. People with autofill can be as quick, so they wait too,
/// unknowingly, instead of being refused.
pub const MIN_FORM_FILL_TIME: TimeDelta = TimeDelta::seconds(3);

/// Where a token's link leads and how long it is valid.
fn link_target(purpose: TokenPurpose) -> (&'static str, TimeDelta) {
    match purpose {
        TokenPurpose::VerifyEmail => ("/konto/bestaetigen", VERIFY_EMAIL_VALIDITY),
        TokenPurpose::ResetPassword => ("/passwort-zuruecksetzen", RESET_PASSWORD_VALIDITY),
        TokenPurpose::ChangeEmail => ("/konto/email-bestaetigen", VERIFY_EMAIL_VALIDITY),
    }
}

/// How many hours a link of `purpose` is valid (what its mail says).
fn valid_hours(purpose: TokenPurpose) -> i64 {
    link_target(purpose).1.num_hours()
}

/// Creates a token of `purpose` (only its hash is stored) and returns the absolute link
/// that carries it, for the mail.
async fn token_link(
    state: &AppState,
    tx: &mut Tx,
    user_id: i64,
    purpose: TokenPurpose,
    new_email: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String, DbError> {
    let (path, validity) = link_target(purpose);
    let token = generate_token();
    insert_token(
        tx,
        user_id,
        purpose,
        &hash_token(&token),
        new_email,
        now + validity,
        now,
    )
    .await?;
    Ok(state.settings.link(&format!("{path}?token={token}")))
}

/// What the registration form sends.
pub struct Registration {
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub account_type: String,
    pub organisation_name: String,
    pub organisation_website: String,
    pub privacy_consent: bool,
    /// The honeypot: a field people never see and robots fill in.
    pub honeypot: String,
    /// When the form was rendered (Unix seconds).
    pub started_at: Option<i64>,
    /// Where the person was going (carried by the verification link; only a local path).
    pub return_to: Option<String>,
}

/// Registers an account and mails the verification link. Answers the same whether or not
/// the address is taken: the owner of an existing account gets a notice instead. Returns
/// the new account's id (`None` when the address was taken), which stays on the server.
pub async fn register(
    state: &AppState,
    form: Registration,
    locale: Locale,
    client: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, AppError> {
    let mut errors = FieldErrors::new();
    for (field, value) in [
        ("display_name", &form.display_name),
        ("email", &form.email),
        ("account_type", &form.account_type),
        ("organisation_name", &form.organisation_name),
        ("organisation_website", &form.organisation_website),
    ] {
        errors.keep(field, value);
    }
    // Robots fill in the field people never see, or post without the time the form was
    // rendered (or with one it cannot have been).
    let started = form
        .started_at
        .and_then(|t| DateTime::from_timestamp(t, 0))
        .filter(|started| *started <= now);
    if !form.honeypot.is_empty() || started.is_none() {
        errors.add("form", ValidationError::FormRejected);
    }
    let name = errors.check("display_name", DisplayName::parse(&form.display_name));
    let email = errors.check("email", Email::parse(&form.email));
    let password = errors.check("password", NewPassword::parse(&form.password));
    let role = match form.account_type.as_str() {
        "citizen" => Role::Citizen,
        "business" => Role::Business,
        _ => {
            errors.add("account_type", ValidationError::Invalid);
            Role::Citizen
        }
    };
    let (organisation, website) = if role == Role::Business {
        (
            errors.check(
                "organisation_name",
                OrganisationName::parse(&form.organisation_name),
            ),
            errors
                .check(
                    "organisation_website",
                    parse_website(&form.organisation_website),
                )
                .flatten(),
        )
    } else {
        (None, None)
    };
    if !form.privacy_consent {
        errors.add("privacy_consent", ValidationError::ConsentRequired);
    }
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        return Err(AppError::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    if let Some(wait) = started
        .map(|started| MIN_FORM_FILL_TIME - (now - started))
        .and_then(|left| left.to_std().ok())
    {
        tokio::time::sleep(wait).await;
    }

    count_mail_request(state, &email, client, now).await?;
    if blocks::address_blocked(state, &email, now).await? {
        errors.add("email", ValidationError::RegistrationRefused);
        return Err(AppError::Validation(errors));
    }
    // Hash first in both cases so the answer takes the same time for known addresses.
    let password_hash = hash_password(password.expose().to_owned()).await?;
    let existing = find_user_by_email(&state.db, &email).await?;
    let mut tx = state.db.begin().await?;
    let registered = match existing {
        Some(user) => {
            let mail = templates::already_registered(
                user.mail_locale(),
                &user.display_name,
                &state.settings.link("/passwort-vergessen"),
            );
            mail::queue(&mut tx, Some(user.id), &user.email, &mail, now).await?;
            None
        }
        None => {
            let new = NewUser {
                email: &email,
                display_name: name.as_ref(),
                password_hash: &password_hash,
                role,
                organisation_name: organisation.as_ref().map(AsRef::as_ref),
                organisation_website: website.as_deref(),
                locale: locale.code(),
                email_verified_at: None,
            };
            let user_id = users::insert_user(&mut tx, &new, now).await?;
            let link = token_link(
                state,
                &mut tx,
                user_id,
                TokenPurpose::VerifyEmail,
                None,
                now,
            )
            .await?;
            let link = with_return_path(&link, form.return_to.as_deref());
            let mail =
                templates::verify_email(locale, &link, valid_hours(TokenPurpose::VerifyEmail));
            mail::queue(&mut tx, Some(user_id), email.as_ref(), &mail, now).await?;
            Some(user_id)
        }
    };
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(registered)
}

fn invalid_link() -> AppError {
    let mut errors = FieldErrors::new();
    errors.add("token", ValidationError::InvalidLink);
    AppError::Validation(errors)
}

/// Confirms the address of a new account with the token from the mail; returns its id.
pub async fn verify_email(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let mut tx = state.db.begin().await?;
    let Some((user_id, _)) =
        consume_token(&mut tx, TokenPurpose::VerifyEmail, &hash_token(token), now).await?
    else {
        return Err(invalid_link());
    };
    users::mark_email_verified(&mut tx, user_id, now).await?;
    tx.commit().await?;
    Ok(user_id)
}

/// Sends a fresh verification link (older ones stop working), leading back to `return_to`.
pub async fn resend_verification(
    state: &AppState,
    user: &UserRow,
    return_to: Option<&str>,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if user.email_verified_at.is_some() {
        return Ok(());
    }
    // A stored address was parsed when it was stored.
    let address = Email::parse(&user.email).map_err(|_| AppError::Internal)?;
    count_mail_request(state, &address, client, now).await?;
    let mut tx = state.db.begin().await?;
    revoke_tokens(&mut tx, user.id, TokenPurpose::VerifyEmail, now).await?;
    let link = token_link(
        state,
        &mut tx,
        user.id,
        TokenPurpose::VerifyEmail,
        None,
        now,
    )
    .await?;
    let link = with_return_path(&link, return_to);
    let mail = templates::verify_email(
        user.mail_locale(),
        &link,
        valid_hours(TokenPurpose::VerifyEmail),
    );
    mail::queue(&mut tx, Some(user.id), &user.email, &mail, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// A password attempt, counted against the login limits before the password is checked.
struct PasswordAttempt {
    pair: Hit,
    address: Hit,
    account: Hit,
}

impl PasswordAttempt {
    /// Counts an attempt for `account` (its lower-case address) from `client`; refused with
    /// `RateLimited` once one of the three limits is reached.
    async fn count(
        db: &Db,
        account: &str,
        client: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let pair = format!("{account} {client}");
        Ok(Self {
            pair: rate_limits::hit(db, rate_limits::LOGIN_PER_ACCOUNT_AND_ADDRESS, &pair, now)
                .await?,
            address: rate_limits::hit(db, rate_limits::LOGIN_PER_ADDRESS, client, now).await?,
            account: rate_limits::hit(db, rate_limits::LOGIN_PER_ACCOUNT, account, now).await?,
        })
    }

    /// The password was right: this attempt does not count, and the pair's earlier failures
    /// are forgotten (the address and account ceilings keep other people's failures).
    async fn succeeded(self, db: &Db) -> Result<(), AppError> {
        self.pair.forget_all(db).await?;
        self.address.undo(db).await?;
        self.account.undo(db).await
    }
}

/// Checks a signed-in person's current password (password and email change) under the same
/// limits as a login, so a stolen session cannot be used to guess it (F-12).
async fn check_current_password(
    state: &AppState,
    user: &UserRow,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let attempt = PasswordAttempt::count(&state.db, &user.email, client, now).await?;
    let matches = verify_password(password.to_owned(), Some(user.password_hash.clone())).await?;
    if matches {
        attempt.succeeded(&state.db).await?;
    } else {
        tracing::warn!(account = %log_pseudonym(&user.email), %client, "current password wrong");
    }
    Ok(matches)
}

/// Counts a request that mails an address against the limits per client address and per
/// recipient (F-08; its aliases `name+tag@` count as one). Counted whether or not the address
/// has an account, so a refusal tells nothing about it.
async fn count_mail_request(
    state: &AppState,
    recipient: &Email,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let per_address = rate_limits::mail_requests_per_address(state.settings.mail_requests_per_hour);
    rate_limits::hit(&state.db, per_address, client, now).await?;
    let mailbox = canonical_address(recipient);
    rate_limits::hit(&state.db, rate_limits::MAILS_PER_RECIPIENT, &mailbox, now).await?;
    Ok(())
}

/// Checks email and password. Unknown addresses are verified against a dummy hash, and both
/// failures get the same answer. The attempt is counted before the password is checked
/// ([`PasswordAttempt`]): five per quarter hour for one account from one address, and
/// higher ceilings per address and per account, answer `RateLimited` with the wait.
pub async fn authenticate(
    state: &AppState,
    email_raw: &str,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<UserRow, AppError> {
    let mut errors = FieldErrors::new();
    errors.keep("email", email_raw);
    // An empty field is a slip to point at, not a wrong password: the field is named, and
    // nothing is counted against the limits or hashed. Any other bad address is answered as
    // a wrong login (no hint whether an account exists).
    let email = Email::parse(email_raw);
    if let Err(ValidationError::Required) = email {
        errors.add("email", ValidationError::Required);
    }
    if password.is_empty() {
        errors.add("password", ValidationError::Required);
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let email = email.ok();
    let account_subject = email
        .as_ref()
        .map_or(email_raw.trim().to_lowercase(), |e| e.as_ref().to_owned());
    let attempt = PasswordAttempt::count(&state.db, &account_subject, client, now).await?;

    let user = match &email {
        Some(email) => find_user_by_email(&state.db, email).await?,
        None => None,
    };
    let matches = verify_password(
        password.to_owned(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    match user {
        Some(user) if matches && user.is_blocked(now) => {
            attempt.succeeded(&state.db).await?;
            Err(blocks::refuse_login(state, &user).await)
        }
        Some(user) if matches => {
            if user.blocked_at.is_some() {
                // A block whose end has come: lifted now rather than at the next job run.
                blocks::end_expired_blocks(state, now).await?;
            }
            attempt.succeeded(&state.db).await?;
            Ok(user)
        }
        _ => {
            tracing::warn!(
                account = %log_pseudonym(&account_subject),
                // The client address in clear, so the proxy's fail2ban can act on it.
                %client,
                known = user.is_some(),
                "login failed"
            );
            errors.add("form", ValidationError::WrongPassword);
            Err(AppError::Validation(errors))
        }
    }
}

/// Mails a reset link if the address belongs to an account; the answer is the same if not.
pub async fn request_password_reset(
    state: &AppState,
    email_raw: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    errors.keep("email", email_raw);
    let Some(email) = errors.check("email", Email::parse(email_raw)) else {
        return Err(AppError::Validation(errors));
    };
    count_mail_request(state, &email, client, now).await?;
    let Some(user) = find_user_by_email(&state.db, &email).await? else {
        return Ok(());
    };
    let mut tx = state.db.begin().await?;
    let link = token_link(
        state,
        &mut tx,
        user.id,
        TokenPurpose::ResetPassword,
        None,
        now,
    )
    .await?;
    let mail = templates::reset_password(
        user.mail_locale(),
        &user.display_name,
        &link,
        valid_hours(TokenPurpose::ResetPassword),
    );
    mail::queue(&mut tx, Some(user.id), &user.email, &mail, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// Sets a new password with a reset token. Proves the mailbox too, so the address counts as
/// verified; every session of the account ends.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let Some(password) = errors.check("password", NewPassword::parse(password)) else {
        return Err(AppError::Validation(errors));
    };
    // The token first: a made-up one must not cost a password hash (F-01).
    if !token_is_open(
        &state.db,
        TokenPurpose::ResetPassword,
        &hash_token(token),
        now,
    )
    .await?
    {
        return Err(invalid_link());
    }
    let password_hash = hash_password(password.expose().to_owned()).await?;
    let mut tx = state.db.begin().await?;
    let Some((user_id, _)) = consume_token(
        &mut tx,
        TokenPurpose::ResetPassword,
        &hash_token(token),
        now,
    )
    .await?
    else {
        return Err(invalid_link());
    };
    users::update_password(&mut tx, user_id, &password_hash, now).await?;
    revoke_account_links(&mut tx, user_id, now).await?;
    users::mark_email_verified(&mut tx, user_id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the password after checking the current one; returns the new session version.
pub async fn change_password(
    state: &AppState,
    user: &UserRow,
    current: &str,
    new: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let mut errors = FieldErrors::new();
    let new = errors.check("new_password", NewPassword::parse(new));
    if !check_current_password(state, user, current, client, now).await? {
        errors.add("current_password", ValidationError::WrongPassword);
    }
    let (Some(new), true) = (new, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let password_hash = hash_password(new.expose().to_owned()).await?;
    let mut tx = state.db.begin().await?;
    let version = users::update_password(&mut tx, user.id, &password_hash, now).await?;
    revoke_account_links(&mut tx, user.id, now).await?;
    tx.commit().await?;
    Ok(version)
}

/// A new password makes every link of the old state void: a pending email change (someone
/// who once had the password may have asked for it, F-06), reset and verification links.
async fn revoke_account_links(
    tx: &mut Tx,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    for purpose in [
        TokenPurpose::ResetPassword,
        TokenPurpose::ChangeEmail,
        TokenPurpose::VerifyEmail,
    ] {
        revoke_tokens(tx, user_id, purpose, now).await?;
    }
    Ok(())
}

/// Starts an email change: a confirmation link to the new address, a notice to the old one.
pub async fn request_email_change(
    state: &AppState,
    user: &UserRow,
    new_email_raw: &str,
    current_password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    errors.keep("new_email", new_email_raw);
    let new_email = errors.check("new_email", Email::parse(new_email_raw));
    if !check_current_password(state, user, current_password, client, now).await? {
        errors.add("email_password", ValidationError::WrongPassword);
    }
    let Some(new_email) = new_email else {
        return Err(AppError::Validation(errors));
    };
    if new_email.as_ref() == user.email {
        errors.add("new_email", ValidationError::EmailTaken);
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    count_mail_request(state, &new_email, client, now).await?;
    let locale = user.mail_locale();
    let mut tx = state.db.begin().await?;
    match find_user_by_email(&state.db, &new_email).await? {
        // Another account's address: the answer is the same as for a free one (no one
        // learns who has an account, F-11); that account's owner is told instead.
        Some(owner) => {
            let mail = templates::address_in_use(owner.mail_locale(), &owner.display_name);
            mail::queue(&mut tx, Some(owner.id), &owner.email, &mail, now).await?;
        }
        None => {
            revoke_tokens(&mut tx, user.id, TokenPurpose::ChangeEmail, now).await?;
            let link = token_link(
                state,
                &mut tx,
                user.id,
                TokenPurpose::ChangeEmail,
                Some(new_email.as_ref()),
                now,
            )
            .await?;
            let confirm =
                templates::confirm_new_email(locale, &link, valid_hours(TokenPurpose::ChangeEmail));
            mail::queue(&mut tx, Some(user.id), new_email.as_ref(), &confirm, now).await?;
        }
    }
    let notice = templates::email_change_requested(locale, &user.display_name, new_email.as_ref());
    mail::queue(&mut tx, Some(user.id), &user.email, &notice, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// Completes an email change with the token sent to the new address.
pub async fn confirm_email_change(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let Some((user_id, Some(new_email))) =
        consume_token(&mut tx, TokenPurpose::ChangeEmail, &hash_token(token), now).await?
    else {
        return Err(invalid_link());
    };
    match users::update_email(&mut tx, user_id, &new_email, now).await {
        Ok(()) => {}
        // Someone registered the address in the meantime.
        Err(DbError::Conflict { .. }) => return Err(invalid_link()),
        Err(err) => return Err(err.into()),
    }
    tx.commit().await?;
    Ok(())
}

/// What the profile form sends.
pub struct ProfileForm {
    pub display_name: String,
    pub organisation_name: String,
    pub organisation_website: String,
    pub locale: String,
    pub profile_public: bool,
}

pub async fn update_profile(
    state: &AppState,
    user: &UserRow,
    form: ProfileForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    for (field, value) in [
        ("display_name", &form.display_name),
        ("organisation_name", &form.organisation_name),
        ("organisation_website", &form.organisation_website),
    ] {
        errors.keep(field, value);
    }
    let name = errors.check("display_name", DisplayName::parse(&form.display_name));
    let locale = errors.check(
        "locale",
        Locale::from_code(&form.locale).ok_or(ValidationError::Invalid),
    );
    let business = user.role == Role::Business;
    // Organisation fields belong to business accounts; others keep theirs empty.
    let organisation = if business {
        errors.check(
            "organisation_name",
            OrganisationName::parse(&form.organisation_name),
        )
    } else {
        None
    };
    let website = if business {
        errors
            .check(
                "organisation_website",
                parse_website(&form.organisation_website),
            )
            .flatten()
    } else {
        None
    };
    let (Some(name), Some(locale), true) = (name, locale, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let organisation_name = organisation
        .as_ref()
        .map(AsRef::as_ref)
        .or(user.organisation_name.as_deref().filter(|_| business));
    let update = ProfileUpdate {
        display_name: name.as_ref(),
        organisation_name,
        organisation_website: website.as_deref(),
        locale: locale.code(),
        // Staff verified a name, not an account: another name waits for them again.
        organisation_renamed: organisation_name != user.organisation_name.as_deref(),
        profile_public: form.profile_public,
    };
    users::update_profile(&state.db, user.id, &update, now).await?;
    Ok(())
}

/// An admin changes someone's role. Admins cannot change their own (no lock-out), and a
/// business role needs an organisation name.
pub async fn change_role(
    state: &AppState,
    admin: &UserRow,
    user_id: i64,
    role_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let Some(role) = errors.check(
        "role",
        role_raw.parse::<Role>().map_err(ValidationError::from),
    ) else {
        return Err(AppError::Validation(errors));
    };
    if user_id == admin.id {
        errors.add("role", ValidationError::NotAllowed);
        return Err(AppError::Validation(errors));
    }
    let mut tx = state.db.begin().await?;
    let target = users::find_user_by_id_in(&mut tx, user_id).await?;
    if role == Role::Business && target.organisation_name.is_none() {
        errors.add("role", ValidationError::NotAllowed);
        return Err(AppError::Validation(errors));
    }
    users::update_role(&mut tx, user_id, role, now).await?;
    let entry = NewLogEntry {
        actor_id: Some(admin.id),
        action: LogAction::ChangeRole,
        target: None,
        subject_id: Some(user_id),
        rule: Some(role.as_str()),
        reason: None,
        excerpt: None,
    };
    moderation::append_log(&mut tx, &entry, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The first admin, from the command line: creates the account (verified), or makes an
/// existing account an admin.
pub async fn create_admin(
    db: &Db,
    email_raw: &str,
    display_name: &str,
    password: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<bool> {
    let email = Email::parse(email_raw).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let mut tx = db.begin().await?;
    if let Some(user) = find_user_by_email(db, &email).await? {
        users::update_role(&mut tx, user.id, Role::Admin, now).await?;
        users::mark_email_verified(&mut tx, user.id, now).await?;
        tx.commit().await?;
        return Ok(false);
    }
    let name = DisplayName::parse(display_name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
    let password = NewPassword::parse(password).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let password_hash = hash_password(password.expose().to_owned()).await?;
    users::insert_user(
        &mut tx,
        &NewUser {
            email: &email,
            display_name: name.as_ref(),
            password_hash: &password_hash,
            role: Role::Admin,
            organisation_name: None,
            organisation_website: None,
            locale: Locale::De.code(),
            email_verified_at: Some(now),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
