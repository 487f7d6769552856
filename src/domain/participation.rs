//! "Meine Beteiligung" on `/konto`: what the signed-in person contributed, supports and
//! follows, newest first, each entry a link to where it lives.

use crate::domain::ideas::IdeaStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How many entries each list shows (the newest).
pub const MY_LIST_MAX: i64 = 50;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MyParticipation {
    pub ideas: Vec<IdeaEntry>,
    pub comments: Vec<CommentEntry>,
    pub supported: Vec<LinkedIdea>,
    pub followed_ideas: Vec<LinkedIdea>,
    pub followed_projects: Vec<LinkedProject>,
}

/// One of the person's ideas; they see their own also while it waits or is hidden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaEntry {
    pub id: i64,
    pub title: String,
    pub status: IdeaStatus,
    pub created_at: DateTime<Utc>,
    pub visibility: OwnVisibility,
}

/// One of the person's comments (deleted ones are gone from here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentEntry {
    pub id: i64,
    pub idea_id: i64,
    pub idea_title: String,
    /// The first characters, as plain text.
    pub excerpt: String,
    pub created_at: DateTime<Utc>,
    pub visibility: OwnVisibility,
}

/// Whether others see a contribution of the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OwnVisibility {
    Public,
    /// Pre-moderation holds it until staff approve it.
    Waiting,
    /// Moderation hid it.
    Hidden,
}

impl OwnVisibility {
    /// From the two moderation marks of a row (a held item is hidden as well).
    pub fn of(hidden: bool, held: bool) -> Self {
        match (hidden, held) {
            (_, true) => OwnVisibility::Waiting,
            (true, false) => OwnVisibility::Hidden,
            (false, false) => OwnVisibility::Public,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdea {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedProject {
    pub slug: String,
    pub title: String,
}

/// A person's public profile (`/personen/:id`): their name as authors show it, since when
/// they take part, and their visible ideas and comments. Never their e-mail address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicProfile {
    pub author: crate::domain::ideas::AuthorView,
    pub since: DateTime<Utc>,
    pub ideas: Vec<IdeaEntry>,
    pub comments: Vec<CommentEntry>,
}
