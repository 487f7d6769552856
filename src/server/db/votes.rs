//! Supports: one row per person and idea, and the idea's counter kept equal to the rows.

use super::ideas::stored_time;
use super::{with_pool, with_tx, Db, DbError, Tx};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// Adds `user_id`'s support; `false` when it already existed (two tabs, double clicks).
/// The counter moves only with an inserted row, in the same transaction.
pub async fn add_vote(
    tx: &mut Tx,
    user_id: i64,
    idea_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let inserted = with_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO votes (user_id, idea_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, idea_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(idea_id)
        .bind(stored_time(now))
        .execute(conn)
        .await?
        .rows_affected()
    }) == 1;
    if inserted {
        with_tx!(tx, conn => {
            sqlx::query("UPDATE ideas SET vote_count = vote_count + 1 WHERE id = $1")
                .bind(idea_id)
                .execute(conn)
                .await?;
        });
    }
    Ok(inserted)
}

/// Takes `user_id`'s support back; `false` when there was none.
pub async fn remove_vote(tx: &mut Tx, user_id: i64, idea_id: i64) -> Result<bool, DbError> {
    let deleted = with_tx!(tx, conn => {
        sqlx::query("DELETE FROM votes WHERE user_id = $1 AND idea_id = $2")
            .bind(user_id)
            .bind(idea_id)
            .execute(conn)
            .await?
            .rows_affected()
    }) == 1;
    if deleted {
        with_tx!(tx, conn => {
            sqlx::query("UPDATE ideas SET vote_count = vote_count - 1 WHERE id = $1")
                .bind(idea_id)
                .execute(conn)
                .await?;
        });
    }
    Ok(deleted)
}

/// Serialises one person's supports on PostgreSQL (a row lock on the account), so that two
/// concurrent supports cannot both pass the project's limit. SQLite write transactions are
/// serial already (`BEGIN IMMEDIATE`). `NO KEY UPDATE`, not `UPDATE`: the foreign-key checks
/// of other transactions (a comment's notification to this person takes a key-share lock on
/// the account after it updated the idea) do not wait for it, so a support and a comment
/// cannot deadlock over the account and the idea row (issue 13).
pub async fn lock_voter(tx: &mut Tx, user_id: i64) -> Result<(), DbError> {
    if let Tx::Postgres(tx) = tx {
        sqlx::query("SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE")
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub async fn has_vote(tx: &mut Tx, user_id: i64, idea_id: i64) -> Result<bool, DbError> {
    let found: Option<i64> = with_tx!(tx, conn => {
        sqlx::query_scalar("SELECT idea_id FROM votes WHERE user_id = $1 AND idea_id = $2")
            .bind(user_id)
            .bind(idea_id)
            .fetch_optional(conn)
            .await?
    });
    Ok(found.is_some())
}

/// Supports `user_id` gave to visible ideas of `project_id`: a support on an idea that
/// moderation hid cannot be taken back, so it no longer counts against the limit.
pub async fn count_votes_in_project(
    tx: &mut Tx,
    user_id: i64,
    project_id: i64,
) -> Result<i64, DbError> {
    const SQL: &str = "SELECT count(*) FROM votes v JOIN visible_ideas i ON i.id = v.idea_id \
         WHERE v.user_id = $1 AND i.project_id = $2";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(user_id).bind(project_id).fetch_one(conn).await?
    }))
}

/// The viewer's relation to an idea, in one query.
#[derive(FromRow, Default)]
pub struct ViewerState {
    pub supports: bool,
    pub follows: bool,
    /// Supports given in the idea's project (0 without a project).
    pub used_in_project: i64,
}

pub async fn viewer_state(
    db: &Db,
    user_id: i64,
    idea_id: i64,
    project_id: Option<i64>,
) -> Result<ViewerState, DbError> {
    const SQL: &str = "SELECT \
            EXISTS (SELECT 1 FROM votes WHERE user_id = $1 AND idea_id = $2) AS supports, \
            EXISTS (SELECT 1 FROM idea_follows WHERE user_id = $1 AND idea_id = $2) AS follows, \
            (SELECT count(*) FROM votes v JOIN visible_ideas i ON i.id = v.idea_id \
              WHERE v.user_id = $1 AND i.project_id = $3) AS used_in_project";
    Ok(with_pool!(db, pool => {
        sqlx::query_as(SQL)
            .bind(user_id)
            .bind(idea_id)
            .bind(project_id)
            .fetch_one(pool)
            .await?
    }))
}

/// The stored supports of an idea, counted (tests compare it to the idea's counter).
pub async fn count_votes(db: &Db, idea_id: i64) -> Result<i64, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar("SELECT count(*) FROM votes WHERE idea_id = $1")
            .bind(idea_id)
            .fetch_one(pool)
            .await?
    }))
}
