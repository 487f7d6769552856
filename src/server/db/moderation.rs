//! Hiding and restoring content. Visibility itself is defined once, by the `visible_*` views
//! (migration 0007) that every read uses; these are the only writes of `hidden_at`.

use super::comments::move_comment_count;
use super::{with_tx, DbError, Tx};
use crate::domain::content::ContentRef;
use chrono::{DateTime, Utc};

/// Hides `content`; `false` (and no change) when it was hidden already or does not exist.
/// A hidden comment stops counting in its idea's `comment_count`.
pub async fn hide(tx: &mut Tx, content: ContentRef, now: DateTime<Utc>) -> Result<bool, DbError> {
    set_hidden(tx, content, Some(super::ideas::stored_time(now))).await
}

/// Shows hidden `content` again; `false` when it was not hidden.
pub async fn restore(tx: &mut Tx, content: ContentRef) -> Result<bool, DbError> {
    set_hidden(tx, content, None).await
}

/// One conditional update per change, so two moderators acting at once change (and count)
/// it once.
async fn set_hidden(
    tx: &mut Tx,
    content: ContentRef,
    hidden_at: Option<DateTime<Utc>>,
) -> Result<bool, DbError> {
    let hiding = hidden_at.is_some();
    let condition = if hiding {
        "hidden_at IS NULL"
    } else {
        "hidden_at IS NOT NULL"
    };
    match content {
        ContentRef::Idea(id) => {
            let sql = format!("UPDATE ideas SET hidden_at = $2 WHERE id = $1 AND {condition}");
            let changed = with_tx!(tx, conn => {
                sqlx::query(&sql).bind(id).bind(hidden_at).execute(conn).await?.rows_affected()
            });
            Ok(changed == 1)
        }
        ContentRef::Comment(id) => {
            let sql = format!(
                "UPDATE comments SET hidden_at = $2 WHERE id = $1 AND {condition} \
                 RETURNING idea_id, deleted_at IS NULL AS counted"
            );
            let changed: Option<(i64, bool)> = with_tx!(tx, conn => {
                sqlx::query_as(&sql).bind(id).bind(hidden_at).fetch_optional(conn).await?
            });
            match changed {
                Some((idea_id, counted)) => {
                    if counted {
                        move_comment_count(tx, idea_id, if hiding { -1 } else { 1 }).await?;
                    }
                    Ok(true)
                }
                None => Ok(false),
            }
        }
    }
}
