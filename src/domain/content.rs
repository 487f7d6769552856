//! What people write and moderation acts on: an idea or a comment.

use serde::{Deserialize, Serialize};

/// An idea or a comment, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContentRef {
    Idea(i64),
    Comment(i64),
}
