//! What people write and moderation acts on: an idea or a comment.

use serde::{Deserialize, Serialize};

/// An idea or a comment, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContentRef {
    Idea(i64),
    Comment(i64),
}

impl ContentRef {
    /// From the pair of nullable columns that reference an idea or a comment (a comment's
    /// rows may name its idea too: the comment wins).
    pub fn from_columns(idea_id: Option<i64>, comment_id: Option<i64>) -> Option<Self> {
        match (idea_id, comment_id) {
            (_, Some(id)) => Some(ContentRef::Comment(id)),
            (Some(id), None) => Some(ContentRef::Idea(id)),
            (None, None) => None,
        }
    }

    /// The pair of columns (`idea_id`, `comment_id`) for a row about this content alone.
    pub fn columns(self) -> (Option<i64>, Option<i64>) {
        match self {
            ContentRef::Idea(id) => (Some(id), None),
            ContentRef::Comment(id) => (None, Some(id)),
        }
    }
}
