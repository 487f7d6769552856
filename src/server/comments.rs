//! Comment flows: writing (with the rate limit), replying, editing, deleting, and the
//! discussion as the idea page shows it.

use crate::domain::comments::{
    build_threads, reply_position, ClosedReason, CommentView, Discussion, COMMENTS_PER_MINUTE,
    COMMENT_MAX_CHARS,
};
use crate::domain::content::ContentRef;
use crate::domain::validation::{parse_markdown, FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::db::comments::{self, CommentRow, NewComment};
use crate::server::db::follows::{self, Followed};
use crate::server::db::ideas;
use crate::server::db::users::UserRow;
use crate::server::notifications::{self, Event};
use crate::server::state::AppState;
use crate::server::{markdown, premoderation};
use chrono::{DateTime, Duration, Utc};

/// A comment's text, checked like every markdown text.
fn comment_body(raw: &str) -> Result<String, AppError> {
    parse_markdown(raw, COMMENT_MAX_CHARS).map_err(|e| field_error("body", e, raw))
}

fn field_error(field: &str, error: ValidationError, body: &str) -> AppError {
    let mut errors = FieldErrors::new();
    errors.keep("body", body);
    errors.add(field, error);
    AppError::Validation(errors)
}

/// A stored comment: its id, and whether it waits for staff (pre-moderation).
pub struct PostedComment {
    pub id: i64,
    pub held: bool,
}

/// Posts a comment of `author` (verified) on an idea, or a reply to `parent_id` there.
/// Returns the new comment's id.
pub async fn post_comment(
    state: &AppState,
    author: &UserRow,
    idea_id: i64,
    parent_id: Option<i64>,
    body_raw: &str,
    now: DateTime<Utc>,
) -> Result<PostedComment, AppError> {
    let body = comment_body(body_raw)?;
    let mut tx = state.db.begin().await?;
    let recent =
        comments::count_comments_since(&mut tx, author.id, now - Duration::minutes(1)).await?;
    if recent >= COMMENTS_PER_MINUTE {
        return Err(AppError::RateLimited {
            retry_after_secs: 60,
        });
    }
    let idea = ideas::find_idea_state(&mut tx, idea_id).await?;
    if idea.closed().is_some() {
        return Err(field_error(
            "body",
            ValidationError::DiscussionClosed,
            body_raw,
        ));
    }
    let (parent_id, depth, parent_author) = match parent_id {
        None => (None, 0, None),
        Some(parent_id) => {
            let parent = match comments::find_comment_state(&mut tx, parent_id).await {
                Ok(parent) if parent.idea_id == idea_id => parent,
                // A reply to a comment of another idea, or to none at all.
                Ok(_) | Err(crate::server::db::DbError::NotFound) => {
                    return Err(field_error("parent_id", ValidationError::Invalid, body_raw))
                }
                Err(other) => return Err(other.into()),
            };
            let (placed_under, depth) = reply_position(parent_id, parent.depth, parent.parent_id);
            (placed_under, depth, Some(parent.author_id))
        }
    };
    let html = markdown::render(&body);
    let new = NewComment {
        idea_id,
        parent_id,
        depth,
        author_id: author.id,
        body_md: &body,
        body_html: &html,
    };
    let id = comments::insert_comment(&mut tx, &new, now).await?;
    if author.follow_on_comment {
        follows::set_following(&mut tx, author.id, Followed::Idea(idea_id), true, now).await?;
    }
    let held = premoderation::hold_if_required(
        state,
        &mut tx,
        author,
        ContentRef::Comment(id),
        &body,
        now,
    )
    .await?;
    let event = Event::Comment {
        idea_id,
        idea_title: &idea.title,
        comment_id: id,
        replied_to: parent_author,
    };
    // A held comment is announced when staff approve it.
    let mailed = !held && notifications::notify(state, &mut tx, author, &event, now).await?;
    tx.commit().await?;
    if mailed {
        state.mail_signal.wake();
    }
    Ok(PostedComment { id, held })
}

/// Checks that `user` may change comment `id` and returns its idea's id.
async fn own_open_comment(
    tx: &mut crate::server::db::Tx,
    user: &UserRow,
    id: i64,
    body_raw: &str,
) -> Result<i64, AppError> {
    let comment = comments::find_comment_state(tx, id).await?;
    if comment.author_id != user.id {
        return Err(AppError::Forbidden);
    }
    if comment.deleted {
        return Err(field_error("body", ValidationError::NotAllowed, body_raw));
    }
    let idea = ideas::find_idea_state(tx, comment.idea_id).await?;
    if idea.closed().is_some() {
        return Err(field_error(
            "body",
            ValidationError::DiscussionClosed,
            body_raw,
        ));
    }
    Ok(comment.idea_id)
}

/// The author changes the text of their comment; it is marked edited. Returns the idea id.
pub async fn edit_comment(
    state: &AppState,
    user: &UserRow,
    id: i64,
    body_raw: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let body = comment_body(body_raw)?;
    let mut tx = state.db.begin().await?;
    let idea_id = own_open_comment(&mut tx, user, id, body_raw).await?;
    if !comments::update_comment_body(&mut tx, id, &body, &markdown::render(&body), now).await? {
        return Err(field_error("body", ValidationError::NotAllowed, body_raw));
    }
    tx.commit().await?;
    Ok(idea_id)
}

/// The author deletes their comment: the text goes, its place in the thread stays.
pub async fn delete_comment(
    state: &AppState,
    user: &UserRow,
    id: i64,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let mut tx = state.db.begin().await?;
    let idea_id = own_open_comment(&mut tx, user, id, "").await?;
    if !comments::mark_deleted(&mut tx, id, idea_id, now).await? {
        return Err(field_error("body", ValidationError::NotAllowed, ""));
    }
    tx.commit().await?;
    Ok(idea_id)
}

/// The discussion of a visible idea as `viewer` sees it, from the rows the idea page query
/// read (`db::ideas::find_idea_page`).
pub fn discussion(
    rows: Vec<CommentRow>,
    closed: Option<ClosedReason>,
    viewer: Option<&UserRow>,
) -> Discussion {
    let count = rows
        .iter()
        .filter(|r| r.deleted_at.is_none() && r.hidden_at.is_none())
        .count();
    let views = rows
        .into_iter()
        // A contribution waiting for approval is its author's alone.
        .filter(|row| row.held_at.is_none() || viewer.is_some_and(|v| v.id == row.author_id))
        .map(|row| {
            let awaiting_approval = row.held_at.is_some();
            let hidden = row.hidden_at.is_some() && !awaiting_approval;
            let deleted = row.deleted_at.is_some() || hidden;
            let own = viewer.is_some_and(|v| v.id == row.author_id);
            let author = row.author();
            let body_md = row.body_md.as_deref().unwrap_or_default();
            let body_html = row
                .body_html
                .map(|html| markdown::stored_or_render(html, body_md));
            let view = CommentView {
                id: row.id,
                author,
                body_html,
                body_md: row.body_md.filter(|_| own && !deleted),
                created_at: row.created_at,
                edited_at: row.edited_at,
                viewer_is_author: own,
                hidden,
                awaiting_approval,
            };
            (row.parent_id, view)
        })
        .collect();
    Discussion {
        threads: build_threads(views),
        count,
        closed,
        viewer_may_comment: viewer.is_some_and(|v| v.email_verified_at.is_some()),
        viewer_signed_in: viewer.is_some(),
    }
}
