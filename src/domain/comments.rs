//! Comments on ideas: threads of replies, edited and deleted marks.

use crate::domain::ideas::AuthorView;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const COMMENT_MAX_CHARS: usize = 5_000;
/// Levels 0, 1 and 2: a reply to a comment at the deepest level joins that level.
pub const MAX_DEPTH: i64 = 2;
/// Comments one person may post per minute.
pub const COMMENTS_PER_MINUTE: i64 = 10;

/// Where a new reply goes: below `parent`, or beside it when `parent` is already at the
/// deepest level (then it answers the same comment `parent` answered).
pub fn reply_position(
    parent_id: i64,
    parent_depth: i64,
    grandparent_id: Option<i64>,
) -> (Option<i64>, i64) {
    if parent_depth >= MAX_DEPTH {
        (grandparent_id, MAX_DEPTH)
    } else {
        (Some(parent_id), parent_depth + 1)
    }
}

/// One comment as the idea page shows it (empty fields are left out of its JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: i64,
    pub author: AuthorView,
    /// Sanitised HTML; `None` once deleted or hidden (the thread keeps its place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_html: Option<String>,
    /// The markdown source, for its author's edit form only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_md: Option<String>,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub viewer_is_author: bool,
    /// Hidden by moderation (shown as a placeholder, its replies stay).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Waiting for approval; only its author gets it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub awaiting_approval: bool,
}

/// A comment with its replies, in the order they were written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentNode {
    pub comment: CommentView,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<CommentNode>,
}

/// Why nobody can comment (or support) an idea any more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClosedReason {
    Withdrawn,
    ProjectCompleted,
}

/// The discussion of one idea.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discussion {
    pub threads: Vec<CommentNode>,
    pub count: usize,
    pub closed: Option<ClosedReason>,
    /// Signed in with a verified address: may write (unless closed).
    pub viewer_may_comment: bool,
    pub viewer_signed_in: bool,
}

/// Builds the threads from comments in writing order (`created_at`, `id`), each with the id
/// of the comment it answers. A reply whose parent is missing (cannot happen with the
/// foreign key, but data outlives code) becomes a thread of its own rather than disappearing.
pub fn build_threads(comments: Vec<(Option<i64>, CommentView)>) -> Vec<CommentNode> {
    use std::collections::HashMap;
    let ids: std::collections::HashSet<i64> = comments.iter().map(|(_, c)| c.id).collect();
    let mut children: HashMap<i64, Vec<CommentView>> = HashMap::new();
    let mut roots = Vec::new();
    for (parent_id, comment) in comments {
        match parent_id {
            Some(parent) if ids.contains(&parent) => {
                children.entry(parent).or_default().push(comment)
            }
            _ => roots.push(comment),
        }
    }
    fn attach(comment: CommentView, children: &mut HashMap<i64, Vec<CommentView>>) -> CommentNode {
        let replies = children
            .remove(&comment.id)
            .unwrap_or_default()
            .into_iter()
            .map(|reply| attach(reply, children))
            .collect();
        CommentNode { comment, replies }
    }
    roots
        .into_iter()
        .map(|root| attach(root, &mut children))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: i64, parent_id: Option<i64>) -> (Option<i64>, CommentView) {
        let view = CommentView {
            id,
            author: AuthorView {
                name: "A".into(),
                organisation: None,
                is_staff: false,
                profile_id: None,
            },
            body_html: Some(String::new()),
            body_md: None,
            created_at: Utc::now(),
            edited_at: None,
            viewer_is_author: false,
            hidden: false,
            awaiting_approval: false,
        };
        (parent_id, view)
    }

    #[test]
    fn threads_keep_writing_order_at_every_level() {
        let threads = build_threads(vec![
            comment(1, None),
            comment(2, Some(1)),
            comment(3, None),
            comment(4, Some(2)),
            comment(5, Some(1)),
            comment(6, Some(99)),
        ]);
        let shape: Vec<(i64, Vec<i64>)> = threads
            .iter()
            .map(|n| {
                (
                    n.comment.id,
                    n.replies.iter().map(|r| r.comment.id).collect(),
                )
            })
            .collect();
        assert_eq!(shape, vec![(1, vec![2, 5]), (3, vec![]), (6, vec![])]);
        assert_eq!(threads[0].replies[0].replies[0].comment.id, 4);
    }

    #[test]
    fn replies_below_the_deepest_level_join_it() {
        assert_eq!(reply_position(7, 0, None), (Some(7), 1));
        assert_eq!(reply_position(8, 1, Some(7)), (Some(8), 2));
        assert_eq!(reply_position(9, 2, Some(8)), (Some(8), 2));
    }
}
