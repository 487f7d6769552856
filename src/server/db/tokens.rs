//! Single-use tokens sent by mail. Only hashes are stored (see `server::tokens`).

use super::{with_pool, with_tx, Db, DbError, Tx};
use chrono::{DateTime, Utc};

/// What a token allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::ChangeEmail => "change_email",
        }
    }
}

pub async fn insert_token(
    tx: &mut Tx,
    user_id: i64,
    purpose: TokenPurpose,
    token_hash: &str,
    new_email: Option<&str>,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "INSERT INTO user_tokens (user_id, purpose, token_hash, new_email, \
            expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(user_id)
            .bind(purpose.as_str())
            .bind(token_hash)
            .bind(new_email)
            .bind(expires_at)
            .bind(now)
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Marks an unused, unexpired token as used and returns its user and new email. `None` for
/// unknown, used, expired or other-purpose tokens alike: the caller tells the user the link
/// is invalid or expired. The single UPDATE makes "used exactly once" hold under concurrency.
pub async fn consume_token(
    tx: &mut Tx,
    purpose: TokenPurpose,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(i64, Option<String>)>, DbError> {
    const SQL: &str = "UPDATE user_tokens SET used_at = $3 \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 \
         RETURNING user_id, new_email";
    Ok(with_tx!(tx, conn => {
        sqlx::query_as(SQL)
            .bind(token_hash)
            .bind(purpose.as_str())
            .bind(now)
            .fetch_optional(conn)
            .await?
    }))
}

/// Whether `token_hash` is an unused, unexpired token of `purpose` (read only: checked before
/// expensive work such as hashing a new password, then consumed in the transaction).
pub async fn token_is_open(
    db: &Db,
    purpose: TokenPurpose,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM user_tokens \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3)";
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar(SQL).bind(token_hash).bind(purpose.as_str()).bind(now).fetch_one(pool).await?
    }))
}

/// Invalidates the open tokens of one purpose (e.g. older reset links after a reset).
pub async fn revoke_tokens(
    tx: &mut Tx,
    user_id: i64,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE user_tokens SET used_at = $3 \
         WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL";
    with_tx!(tx, conn => {
        sqlx::query(SQL).bind(user_id).bind(purpose.as_str()).bind(now).execute(conn).await?;
    });
    Ok(())
}
