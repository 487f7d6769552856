//! Comments: writing, editing, deleting, and an idea's whole discussion in one query.

use super::ideas::{author_view, stored_time};
use super::{with_tx, Db, DbError, Tx};
use crate::domain::ideas::AuthorView;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// A stored comment with its author, in the idea's discussion.
#[derive(serde::Deserialize)]
pub struct CommentRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub body_md: String,
    /// Rendered when written; empty for rows older than that column.
    pub body_html: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    display_name: String,
    organisation_name: Option<String>,
    role: String,
}

impl CommentRow {
    pub fn author(&self) -> AuthorView {
        author_view(&self.display_name, &self.organisation_name, &self.role)
    }
}

/// The discussion as one JSON array in one row. sqlx's SQLite driver hands every row from
/// its worker thread to the async task separately; for 200 comments those hand-overs cost
/// more than the query (bench/run.sh: 560 → see the issue note for the idea page).
macro_rules! list_comments_sql {
    ($array:literal, $object:literal, $order:literal, $as_text:literal) => {
        concat!(
            "SELECT ",
            $array,
            "(",
            $object,
            "('id', c.id, 'parent_id', c.parent_id, \
                    'author_id', c.author_id, 'body_md', c.body_md, 'body_html', c.body_html, \
                    'created_at', c.created_at, 'edited_at', c.edited_at, \
                    'deleted_at', c.deleted_at, 'display_name', u.display_name, \
                    'organisation_name', u.organisation_name, 'role', u.role)",
            $order,
            ")",
            $as_text,
            " FROM comments c JOIN users u ON u.id = c.author_id \
              WHERE c.idea_id = $1 AND c.hidden_at IS NULL"
        )
    };
}

/// Every visible comment of an idea in writing order: one query and one row, whatever the
/// size of the discussion.
pub async fn list_comments(db: &Db, idea_id: i64) -> Result<Vec<CommentRow>, DbError> {
    let json: Option<String> = match db {
        Db::Sqlite(pool) => {
            sqlx::query_scalar(list_comments_sql!(
                "json_group_array",
                "json_object",
                "",
                ""
            ))
            .bind(idea_id)
            .fetch_one(pool)
            .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_scalar(list_comments_sql!(
                "json_agg",
                "json_build_object",
                " ORDER BY c.created_at, c.id",
                "::text"
            ))
            .bind(idea_id)
            .fetch_one(pool)
            .await?
        }
    };
    let mut rows: Vec<CommentRow> = match json {
        Some(json) => serde_json::from_str(&json).map_err(DbError::corrupt)?,
        None => Vec::new(),
    };
    // SQLite's json_group_array has no ORDER BY of its own.
    rows.sort_by_key(|r| (r.created_at, r.id));
    Ok(rows)
}

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
         FROM comments WHERE id = $1 AND hidden_at IS NULL";
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
    with_tx!(tx, conn => {
        sqlx::query("UPDATE ideas SET comment_count = comment_count + 1 WHERE id = $1")
            .bind(comment.idea_id)
            .execute(conn)
            .await?;
    });
    Ok(id)
}

/// Replaces a comment's text (markdown and its rendering) and marks it edited.
pub async fn update_comment_body(
    tx: &mut Tx,
    id: i64,
    body_md: &str,
    body_html: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query(
            "UPDATE comments SET body_md = $2, body_html = $3, edited_at = $4 WHERE id = $1",
        )
            .bind(id)
            .bind(body_md)
            .bind(body_html)
            .bind(stored_time(now))
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Deletes a comment's text (the thread keeps its place) and uncounts it.
pub async fn mark_deleted(
    tx: &mut Tx,
    id: i64,
    idea_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query(
            "UPDATE comments SET body_md = '', body_html = '', deleted_at = $2 WHERE id = $1",
        )
            .bind(id)
            .bind(stored_time(now))
            .execute(conn)
            .await?;
    });
    with_tx!(tx, conn => {
        sqlx::query("UPDATE ideas SET comment_count = comment_count - 1 WHERE id = $1")
            .bind(idea_id)
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
