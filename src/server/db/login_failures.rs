//! The login throttle's memory: failed attempts per client address and per account. Kept in
//! the database so that several app instances share one count.

use super::{with_pool, Db, DbError};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy)]
pub enum FailureScope {
    ClientAddress,
    Account,
}

impl FailureScope {
    fn as_str(self) -> &'static str {
        match self {
            FailureScope::ClientAddress => "ip",
            FailureScope::Account => "account",
        }
    }
}

/// How many failures `subject` had since `since`, and the oldest of them.
pub async fn recent_failures(
    db: &Db,
    scope: FailureScope,
    subject: &str,
    since: DateTime<Utc>,
) -> Result<(i64, Option<DateTime<Utc>>), DbError> {
    const SQL: &str = "SELECT count(*), min(failed_at) FROM login_failures \
         WHERE scope = $1 AND subject = $2 AND failed_at > $3";
    Ok(with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(scope.as_str()).bind(subject).bind(since).fetch_one(pool).await?
    }))
}

pub async fn record_failure(
    db: &Db,
    scope: FailureScope,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "INSERT INTO login_failures (scope, subject, failed_at) VALUES ($1, $2, $3)";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(scope.as_str()).bind(subject).bind(now).execute(pool).await?;
    });
    Ok(())
}

/// Forgets an account's failures after a successful login.
pub async fn clear_failures(db: &Db, scope: FailureScope, subject: &str) -> Result<(), DbError> {
    const SQL: &str = "DELETE FROM login_failures WHERE scope = $1 AND subject = $2";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(scope.as_str()).bind(subject).execute(pool).await?;
    });
    Ok(())
}

/// Drops failures older than the window (run by the background worker).
pub async fn delete_failures_before(db: &Db, before: DateTime<Utc>) -> Result<(), DbError> {
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM login_failures WHERE failed_at < $1").bind(before).execute(pool).await?;
    });
    Ok(())
}
