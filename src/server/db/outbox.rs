//! The durable mail outbox. Mails are inserted in the same transaction as the action that
//! causes them; the worker claims due rows with a lease, sends, and marks them sent.

use super::{with_pool, with_tx, Db, DbError, Tx};
use crate::domain::content::ContentRef;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// A mail to send.
pub struct NewMail<'a> {
    pub recipient_user_id: Option<i64>,
    pub recipient_email: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub unsubscribe_url: Option<&'a str>,
    /// The content the mail is about (its idea, and the comment if it is about one).
    pub about: Option<(i64, Option<i64>)>,
    /// A calendar file to attach: its text and iTIP method.
    pub calendar: Option<(&'a str, &'a str)>,
}

pub async fn enqueue_mail(
    tx: &mut Tx,
    mail: &NewMail<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "INSERT INTO outbox (recipient_user_id, recipient_email, kind, subject, \
            body_text, body_html, unsubscribe_url, next_attempt_at, created_at, idea_id, \
            comment_id, calendar_ics, calendar_method) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12)";
    with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(mail.recipient_user_id)
            .bind(mail.recipient_email)
            .bind(mail.kind)
            .bind(mail.subject)
            .bind(mail.body_text)
            .bind(mail.body_html)
            .bind(mail.unsubscribe_url)
            .bind(now)
            .bind(mail.about.map(|(idea, _)| idea))
            .bind(mail.about.and_then(|(_, comment)| comment))
            .bind(mail.calendar.map(|(ics, _)| ics))
            .bind(mail.calendar.map(|(_, method)| method))
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Withdraws the unsent mails about `content` (being hidden): about the idea and its
/// comments, or about the one comment. A mail being sent at this very moment may still go.
pub async fn withdraw_unsent_about(tx: &mut Tx, content: ContentRef) -> Result<u64, DbError> {
    let (sql, id) = match content {
        ContentRef::Idea(id) => (
            "DELETE FROM outbox WHERE sent_at IS NULL AND idea_id = $1",
            id,
        ),
        ContentRef::Comment(id) => (
            "DELETE FROM outbox WHERE sent_at IS NULL AND comment_id = $1",
            id,
        ),
    };
    Ok(with_tx!(tx, conn => sqlx::query(sql).bind(id).execute(conn).await?.rows_affected()))
}

/// A claimed mail, ready to send.
#[derive(FromRow, Debug, Clone)]
pub struct OutboxMail {
    pub id: i64,
    pub recipient_email: String,
    pub kind: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub unsubscribe_url: Option<String>,
    pub calendar_ics: Option<String>,
    pub calendar_method: Option<String>,
    pub attempts: i64,
}

/// The claim: the oldest due, unsent mail whose lease (if any) has run out gets a new lease
/// until `lease_until`. One mail per claim, so an instance that dies mid-delivery holds back
/// only that one mail, and only until its short lease runs out. On PostgreSQL
/// `FOR UPDATE SKIP LOCKED` makes concurrent workers of several instances take different rows;
/// SQLite has a single writer, so the UPDATE alone is atomic.
macro_rules! claim_sql {
    ($lock:literal) => {
        concat!(
            "UPDATE outbox SET locked_until = $2 WHERE id IN (\
                SELECT id FROM outbox \
                 WHERE sent_at IS NULL AND next_attempt_at <= $1 \
                   AND (locked_until IS NULL OR locked_until <= $1) \
                 ORDER BY id LIMIT 1",
            $lock,
            ") RETURNING id, recipient_email, kind, subject, body_text, body_html, \
               unsubscribe_url, calendar_ics, calendar_method, attempts"
        )
    };
}

pub async fn claim_next_mail(
    db: &Db,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> Result<Option<OutboxMail>, DbError> {
    Ok(match db {
        Db::Sqlite(pool) => {
            sqlx::query_as(claim_sql!(""))
                .bind(now)
                .bind(lease_until)
                .fetch_optional(pool)
                .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_as(claim_sql!(" FOR UPDATE SKIP LOCKED"))
                .bind(now)
                .bind(lease_until)
                .fetch_optional(pool)
                .await?
        }
    })
}

/// The kinds of mail whose body holds a usable account link (only the token's hash is kept in
/// `user_tokens`): once sent, their text is forgotten, so a copy of the database holds no
/// link that resets a password or confirms an address (F-07).
pub const SECRET_LINK_KINDS: [&str; 3] = ["verify_email", "reset_password", "change_email"];

/// Marks a mail sent (and forgets the body of a [`SECRET_LINK_KINDS`] mail). The
/// `sent_at IS NULL` guard makes this happen once per mail.
pub async fn mark_sent(db: &Db, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE outbox SET sent_at = $2, locked_until = NULL, \
            body_text = CASE WHEN kind IN ($3, $4, $5) THEN '' ELSE body_text END, \
            body_html = CASE WHEN kind IN ($3, $4, $5) THEN '' ELSE body_html END \
         WHERE id = $1 AND sent_at IS NULL";
    let [a, b, c] = SECRET_LINK_KINDS;
    Ok(with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(now).bind(a).bind(b).bind(c).execute(pool).await?.rows_affected() == 1
    }))
}

/// Deletes mails sent before `before` (the outbox is no archive of personal data).
pub async fn delete_sent_before(db: &Db, before: DateTime<Utc>) -> Result<u64, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1")
            .bind(before)
            .execute(pool)
            .await?
            .rows_affected()
    }))
}

/// Records a failed attempt and when to try again.
pub async fn mark_failed(
    db: &Db,
    id: i64,
    error: &str,
    next_attempt_at: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE outbox SET attempts = attempts + 1, last_error = $2, \
         next_attempt_at = $3, locked_until = NULL WHERE id = $1";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(error).bind(next_attempt_at).execute(pool).await?;
    });
    Ok(())
}

/// Mails not yet sent (for tests and operators).
pub async fn count_unsent(db: &Db) -> Result<i64, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetch_one(pool).await?
    }))
}
