//! The machines that serve from a SQLite file and when each was last seen (the rule lives in
//! `server::single_node`). SQLite only: PostgreSQL installations have no such table.

use super::DbError;
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

/// Every machine other than `host` with the time it was last seen, the latest first.
pub async fn others(
    pool: &SqlitePool,
    host: &str,
) -> Result<Vec<(String, DateTime<Utc>)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT host, seen_at FROM serving_hosts WHERE host <> $1 ORDER BY seen_at DESC",
    )
    .bind(host)
    .fetch_all(pool)
    .await?)
}

/// Records that `host` is serving at `now`.
pub async fn seen(pool: &SqlitePool, host: &str, now: DateTime<Utc>) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO serving_hosts (host, seen_at) VALUES ($1, $2) \
         ON CONFLICT (host) DO UPDATE SET seen_at = excluded.seen_at",
    )
    .bind(host)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Forgets `host` (it stopped), so that another machine may take over at once.
pub async fn gone(pool: &SqlitePool, host: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM serving_hosts WHERE host = $1")
        .bind(host)
        .execute(pool)
        .await?;
    Ok(())
}
