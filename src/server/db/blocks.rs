//! Blocked accounts: the running block on `users` (what sessions, mail and mutating calls
//! check) and every block with its reasons in `account_blocks`.

use super::ideas::stored_time;
use super::{with_pool, with_tx, Db, DbError, Tx};
use crate::domain::content::ContentRef;
use crate::domain::moderation::{BlockNotice, DecisionRule};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// Starts a block of `user_id` until `until` (`None`: unlimited) and ends all of their
/// sessions; `false` when a block runs already.
pub async fn start_block(
    tx: &mut Tx,
    user_id: i64,
    until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE users SET blocked_at = $2, blocked_until = $3, \
         session_version = session_version + 1, updated_at = $2 \
         WHERE id = $1 AND blocked_at IS NULL";
    let changed = with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(user_id)
            .bind(stored_time(now))
            .bind(until.map(stored_time))
            .execute(conn)
            .await?
            .rows_affected()
    });
    Ok(changed == 1)
}

/// One block, with its statement of reasons.
pub struct NewBlock<'a> {
    pub user_id: i64,
    pub actor_id: i64,
    pub rule: DecisionRule,
    pub reason: Option<&'a str>,
    pub hide_content: bool,
    pub email_hash: &'a str,
    pub ends_at: Option<DateTime<Utc>>,
}

pub async fn insert_block(
    tx: &mut Tx,
    block: &NewBlock<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "INSERT INTO account_blocks (user_id, actor_id, rule, reason, \
         hide_content, email_hash, created_at, ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(block.user_id)
            .bind(block.actor_id)
            .bind(block.rule.as_str())
            .bind(block.reason)
            .bind(block.hide_content)
            .bind(block.email_hash)
            .bind(stored_time(now))
            .bind(block.ends_at.map(stored_time))
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Ends the running block of `user_id`; `false` when none ran.
pub async fn end_block(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE users SET blocked_at = NULL, blocked_until = NULL, updated_at = $2 \
         WHERE id = $1 AND blocked_at IS NOT NULL";
    let changed = with_tx!(tx, conn => {
        sqlx::query(SQL).bind(user_id).bind(stored_time(now)).execute(conn).await?.rows_affected()
    });
    if changed == 1 {
        close_block_rows(tx, user_id, now).await?;
    }
    Ok(changed == 1)
}

async fn close_block_rows(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> Result<(), DbError> {
    const SQL: &str =
        "UPDATE account_blocks SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL";
    with_tx!(tx, conn => {
        sqlx::query(SQL).bind(user_id).bind(stored_time(now)).execute(conn).await?;
    });
    Ok(())
}

/// Ends every block whose end has come; returns the accounts concerned.
pub async fn end_expired_blocks(tx: &mut Tx, now: DateTime<Utc>) -> Result<Vec<i64>, DbError> {
    const SQL: &str = "UPDATE users SET blocked_at = NULL, blocked_until = NULL, updated_at = $1 \
         WHERE blocked_at IS NOT NULL AND blocked_until IS NOT NULL AND blocked_until <= $1 \
         RETURNING id";
    let ids: Vec<i64> = with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(stored_time(now)).fetch_all(conn).await?
    });
    for &id in &ids {
        close_block_rows(tx, id, now).await?;
    }
    Ok(ids)
}

#[derive(FromRow)]
struct NoticeRow {
    rule: String,
    reason: Option<String>,
    ends_at: Option<DateTime<Utc>>,
}

/// The reasons of the running block of `user_id`, if one runs.
pub async fn running_block(db: &Db, user_id: i64) -> Result<Option<BlockNotice>, DbError> {
    const SQL: &str = "SELECT b.rule, b.reason, b.ends_at FROM account_blocks b \
         JOIN users u ON u.id = b.user_id AND u.blocked_at IS NOT NULL \
         WHERE b.user_id = $1 AND b.ended_at IS NULL ORDER BY b.id DESC LIMIT 1";
    let row: Option<NoticeRow> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(user_id).fetch_optional(pool).await?);
    row.map(|row| {
        Ok(BlockNotice {
            until: row.ends_at,
            rule: row.rule.parse().map_err(DbError::corrupt)?,
            reason: row.reason,
        })
    })
    .transpose()
}

/// Whether a running block keeps the address with this hash (of its canonical form).
pub async fn address_blocked(
    db: &Db,
    email_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM account_blocks WHERE email_hash = $1 \
         AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > $2))";
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar(SQL).bind(email_hash).bind(stored_time(now)).fetch_one(pool).await?
    }))
}

/// What others can see of `user_id`: their visible ideas and comments.
pub async fn visible_content_of(tx: &mut Tx, user_id: i64) -> Result<Vec<ContentRef>, DbError> {
    const IDEAS: &str = "SELECT id FROM visible_ideas WHERE author_id = $1 ORDER BY id";
    const COMMENTS: &str = "SELECT id FROM visible_comments \
         WHERE author_id = $1 AND deleted_at IS NULL ORDER BY id";
    let ideas: Vec<i64> =
        with_tx!(tx, conn => sqlx::query_scalar(IDEAS).bind(user_id).fetch_all(conn).await?);
    let comments: Vec<i64> =
        with_tx!(tx, conn => sqlx::query_scalar(COMMENTS).bind(user_id).fetch_all(conn).await?);
    Ok(ideas
        .into_iter()
        .map(ContentRef::Idea)
        .chain(comments.into_iter().map(ContentRef::Comment))
        .collect())
}
