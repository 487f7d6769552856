//! Objections to moderation decisions.

use super::ideas::stored_time;
use super::{with_pool, with_tx, Db, DbError, Tx};
use crate::domain::content::ContentRef;
use crate::domain::moderation::{DecisionRule, LogAction};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// A logged decision with what an objection to it needs.
#[derive(FromRow)]
pub struct DecisionRow {
    pub id: i64,
    pub action: String,
    pub actor_id: Option<i64>,
    pub subject_id: Option<i64>,
    pub idea_id: Option<i64>,
    pub comment_id: Option<i64>,
    pub rule: Option<String>,
    pub reason: Option<String>,
    pub excerpt: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl DecisionRow {
    pub fn action(&self) -> Option<LogAction> {
        self.action.parse().ok()
    }

    pub fn target(&self) -> Option<ContentRef> {
        ContentRef::from_columns(self.idea_id, self.comment_id)
    }

    pub fn rule(&self) -> Option<DecisionRule> {
        self.rule.as_deref().and_then(|r| r.parse().ok())
    }
}

const DECISION_COLUMNS: &str = "l.id, l.action, l.actor_id, l.subject_id, l.idea_id, \
    l.comment_id, l.rule, l.reason, l.excerpt, l.created_at";

pub async fn find_decision(db: &Db, log_id: i64) -> Result<DecisionRow, DbError> {
    let sql = format!("SELECT {DECISION_COLUMNS} FROM moderation_log l WHERE l.id = $1");
    Ok(with_pool!(db, pool => sqlx::query_as(&sql).bind(log_id).fetch_one(pool).await?))
}

pub async fn has_objected(db: &Db, log_id: i64, user_id: i64) -> Result<bool, DbError> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM objections WHERE log_id = $1 AND user_id = $2)";
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar(SQL).bind(log_id).bind(user_id).fetch_one(pool).await?
    }))
}

/// Files an objection; `false` when the person objected to this decision already.
pub async fn insert_objection(
    tx: &mut Tx,
    log_id: i64,
    user_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "INSERT INTO objections (log_id, user_id, body, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
    let inserted = with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(log_id)
            .bind(user_id)
            .bind(body)
            .bind(stored_time(now))
            .execute(conn)
            .await?
            .rows_affected()
    });
    Ok(inserted == 1)
}

/// An open objection with its decision and the objector.
#[derive(FromRow)]
pub struct ObjectionRow {
    pub objection_id: i64,
    pub user_id: i64,
    pub objector: String,
    pub body: String,
    pub filed_at: DateTime<Utc>,
    pub decided_by: Option<String>,
    #[sqlx(flatten)]
    pub decision: DecisionRow,
}

const OBJECTION_COLUMNS: &str = "SELECT o.id AS objection_id, o.user_id, \
        u.display_name AS objector, o.body, o.created_at AS filed_at, \
        a.display_name AS decided_by";

/// The open objections, oldest first.
pub async fn open_objections(db: &Db) -> Result<Vec<ObjectionRow>, DbError> {
    let sql = format!(
        "{OBJECTION_COLUMNS}, {DECISION_COLUMNS} FROM objections o \
         JOIN moderation_log l ON l.id = o.log_id JOIN users u ON u.id = o.user_id \
         LEFT JOIN users a ON a.id = l.actor_id \
         WHERE o.decided_at IS NULL ORDER BY o.created_at, o.id LIMIT 200"
    );
    Ok(with_pool!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

pub async fn find_objection(tx: &mut Tx, id: i64) -> Result<ObjectionRow, DbError> {
    let sql = format!(
        "{OBJECTION_COLUMNS}, {DECISION_COLUMNS} FROM objections o \
         JOIN moderation_log l ON l.id = o.log_id JOIN users u ON u.id = o.user_id \
         LEFT JOIN users a ON a.id = l.actor_id WHERE o.id = $1"
    );
    Ok(with_tx!(tx, conn => sqlx::query_as(&sql).bind(id).fetch_one(conn).await?))
}

/// Closes an objection with the decision `decision_id`; `false` when it was decided
/// meanwhile (of two staff deciding at once, one wins).
pub async fn close_objection(
    tx: &mut Tx,
    id: i64,
    decision_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE objections SET decided_at = $2, decision_id = $3 \
         WHERE id = $1 AND decided_at IS NULL";
    let changed = with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(id)
            .bind(stored_time(now))
            .bind(decision_id)
            .execute(conn)
            .await?
            .rows_affected()
    });
    Ok(changed == 1)
}
