//! Counters of requests per (limit, subject, fixed window), kept in the database so that
//! several app instances share one count. The rules (which limit, how many, how long) live
//! in `server::rate_limits`; this is only their memory.

use super::{with_pool, Db, DbError};
use chrono::{DateTime, Utc};

/// Counts one hit and returns the window's count including it. One upsert, so parallel
/// requests each see a different count (on SQLite the single writer, on PostgreSQL the row
/// lock of `ON CONFLICT DO UPDATE` serialise them).
pub async fn count_hit(
    db: &Db,
    scope: &str,
    subject: &str,
    window_start: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "INSERT INTO rate_counters (scope, subject, window_start, hits) \
         VALUES ($1, $2, $3, 1) \
         ON CONFLICT (scope, subject, window_start) \
         DO UPDATE SET hits = rate_counters.hits + 1 RETURNING hits";
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar(SQL).bind(scope).bind(subject).bind(window_start).fetch_one(pool).await?
    }))
}

/// Takes back one hit of the window (a request that turned out to be legitimate).
pub async fn undo_hit(
    db: &Db,
    scope: &str,
    subject: &str,
    window_start: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE rate_counters SET hits = hits - 1 \
         WHERE scope = $1 AND subject = $2 AND window_start = $3 AND hits > 0";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(scope).bind(subject).bind(window_start).execute(pool).await?;
    });
    Ok(())
}

/// Forgets every window of a subject (e.g. an account's failures after it logged in).
pub async fn forget(db: &Db, scope: &str, subject: &str) -> Result<(), DbError> {
    const SQL: &str = "DELETE FROM rate_counters WHERE scope = $1 AND subject = $2";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(scope).bind(subject).execute(pool).await?;
    });
    Ok(())
}

/// Drops windows that started before `before` (run by the background worker).
pub async fn delete_windows_before(db: &Db, before: DateTime<Utc>) -> Result<(), DbError> {
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM rate_counters WHERE window_start < $1").bind(before).execute(pool).await?;
    });
    Ok(())
}
