//! Comments: writing, editing, deleting, and an idea's whole discussion in one query.

use super::ideas::{author_view, stored_time};
use super::{with_tx, DbError, Tx};
use crate::domain::accounts::Role;
use crate::domain::ideas::AuthorView;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// A stored comment with its author, in the idea's discussion. Read from the JSON array the
/// idea page query builds (`db::ideas::find_idea_page`), field by field in this order.
#[derive(serde::Deserialize)]
pub struct CommentRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    /// Only for the viewer's own comments (their edit form) and for rows stored before
    /// `body_html` existed (rendered then).
    pub body_md: Option<String>,
    /// Rendered when written; `None` once deleted.
    pub body_html: Option<String>,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    /// Hidden by moderation: its place in the thread stays, its text is not sent.
    pub hidden_at: Option<DateTime<Utc>>,
    /// Waiting for approval (pre-moderation): only its author sees it, text and all.
    pub held_at: Option<DateTime<Utc>>,
    display_name: String,
    organisation_name: Option<String>,
    #[serde(deserialize_with = "super::stored::from_stored_text")]
    role: Role,
    profile_id: Option<i64>,
}

impl CommentRow {
    pub fn author(&self) -> AuthorView {
        author_view(
            &self.display_name,
            &self.organisation_name,
            self.role,
            self.profile_id,
        )
    }
}

/// The columns of [`CommentRow`] for `json_array`/`json_build_array`; `$2` is the viewer.
macro_rules! comment_row_columns {
    () => {
        concat!(
            "c.id, c.parent_id, c.author_id, \
         CASE WHEN c.hidden_at IS NULL AND (c.author_id = $2 OR c.body_html = '') \
              THEN c.body_md END, \
         CASE WHEN c.deleted_at IS NULL \
               AND (c.hidden_at IS NULL OR (c.held_at IS NOT NULL AND c.author_id = $2)) \
              THEN c.body_html END, \
         c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.held_at, \
         cu.display_name, ",
            $crate::server::db::verified_organisation!("cu"),
            ", cu.role, ",
            $crate::server::db::profile_id!("cu")
        )
    };
}
pub(super) use comment_row_columns;

/// What a change to a comment needs to know about it.
#[derive(FromRow)]
pub struct CommentState {
    pub idea_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub depth: i64,
    pub deleted: bool,
}

/// A visible comment; `DbError::NotFound` for unknown or hidden ones.
pub async fn find_comment_state(tx: &mut Tx, id: i64) -> Result<CommentState, DbError> {
    const SQL: &str = "SELECT idea_id, parent_id, author_id, depth, \
            deleted_at IS NOT NULL AS deleted \
         FROM visible_comments WHERE id = $1";
    Ok(with_tx!(tx, conn => sqlx::query_as(SQL).bind(id).fetch_one(conn).await?))
}

/// A new comment, validated and placed.
pub struct NewComment<'a> {
    pub idea_id: i64,
    pub parent_id: Option<i64>,
    pub depth: i64,
    pub author_id: i64,
    pub body_md: &'a str,
    /// The sanitised HTML of `body_md`.
    pub body_html: &'a str,
}

/// Stores a comment and counts it on the idea; returns its id.
pub async fn insert_comment(
    tx: &mut Tx,
    comment: &NewComment<'_>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    const INSERT: &str = "INSERT INTO comments (idea_id, parent_id, depth, author_id, body_md, \
            body_html, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let now = stored_time(now);
    let id: i64 = with_tx!(tx, conn => {
        sqlx::query_scalar(INSERT)
            .bind(comment.idea_id)
            .bind(comment.parent_id)
            .bind(comment.depth)
            .bind(comment.author_id)
            .bind(comment.body_md)
            .bind(comment.body_html)
            .bind(now)
            .fetch_one(conn)
            .await?
    });
    move_comment_count(tx, comment.idea_id, 1).await?;
    Ok(id)
}

/// Replaces a comment's text (markdown and its rendering) and marks it edited; `false` (and
/// no change) when it was deleted or hidden meanwhile (the read before took no lock).
pub async fn update_comment_body(
    tx: &mut Tx,
    id: i64,
    body_md: &str,
    body_html: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let changed = with_tx!(tx, conn => {
        sqlx::query(
            "UPDATE comments SET body_md = $2, body_html = $3, edited_at = $4 \
             WHERE id = $1 AND deleted_at IS NULL AND hidden_at IS NULL",
        )
            .bind(id)
            .bind(body_md)
            .bind(body_html)
            .bind(stored_time(now))
            .execute(conn)
            .await?
            .rows_affected()
    });
    Ok(changed == 1)
}

/// Deletes a comment's text (the thread keeps its place) and uncounts it; `false` (and no
/// change) when it was deleted or hidden already. The condition is in the update itself:
/// two deletes at the same moment (a double click, two instances) both passed the unlocked
/// read before, and only one may move the counter (issue 13).
pub async fn mark_deleted(
    tx: &mut Tx,
    id: i64,
    idea_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let changed = with_tx!(tx, conn => {
        sqlx::query(
            "UPDATE comments SET body_md = '', body_html = '', deleted_at = $2 \
             WHERE id = $1 AND deleted_at IS NULL AND hidden_at IS NULL",
        )
            .bind(id)
            .bind(stored_time(now))
            .execute(conn)
            .await?
            .rows_affected()
    });
    if changed == 1 {
        move_comment_count(tx, idea_id, -1).await?;
    }
    Ok(changed == 1)
}

/// The one place an idea's `comment_count` changes: it counts comments that are neither
/// deleted nor hidden, so posting, deleting, hiding and restoring each move it by one.
pub async fn move_comment_count(tx: &mut Tx, idea_id: i64, by: i64) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query("UPDATE ideas SET comment_count = comment_count + $2 WHERE id = $1")
            .bind(idea_id)
            .bind(by)
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Comments `author_id` wrote since `since` (for the rate limit; uses the author index).
pub async fn count_comments_since(
    tx: &mut Tx,
    author_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "SELECT count(*) FROM comments WHERE author_id = $1 AND created_at > $2";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(author_id).bind(stored_time(since)).fetch_one(conn).await?
    }))
}
