//! Ideas: what citizens and businesses propose, and where each stands.

use crate::domain::comments::{ClosedReason, Discussion};
use crate::domain::projects::LocalizedName;
use crate::domain::stored::stored_enum;
use crate::domain::validation::{parse_line, parse_markdown, ValidationError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX_CHARS: usize = 120;
pub const BODY_MAX_CHARS: usize = 10_000;
pub const LOCATION_MAX_CHARS: usize = 200;
/// Ideas per list page.
pub const PAGE_SIZE: usize = 20;

stored_enum! {
    /// The life of an idea: submitted → under review → accepted / rejected / implemented, or
    /// withdrawn by its author.
    pub enum IdeaStatus("idea status") {
        Submitted = "submitted",
        UnderReview = "under_review",
        Accepted = "accepted",
        Rejected = "rejected",
        Implemented = "implemented",
        Withdrawn = "withdrawn",
    }
}

impl IdeaStatus {
    /// The states staff may set (withdrawing is the author's alone).
    pub const STAFF_CHOICES: [IdeaStatus; 5] = [
        IdeaStatus::Submitted,
        IdeaStatus::UnderReview,
        IdeaStatus::Accepted,
        IdeaStatus::Rejected,
        IdeaStatus::Implemented,
    ];

    /// An author may withdraw an idea until the administration has decided on it.
    pub fn may_be_withdrawn(self) -> bool {
        matches!(self, IdeaStatus::Submitted | IdeaStatus::UnderReview)
    }
}

/// How a list of ideas is ordered. Each order has its own index and keyset cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum IdeaSort {
    #[default]
    Newest,
    MostSupported,
    MostDiscussed,
}

impl IdeaSort {
    pub const ALL: [IdeaSort; 3] = [
        IdeaSort::Newest,
        IdeaSort::MostSupported,
        IdeaSort::MostDiscussed,
    ];

    /// The value in the URL (`?sortierung=`).
    pub fn as_param(self) -> &'static str {
        match self {
            IdeaSort::Newest => "neueste",
            IdeaSort::MostSupported => "unterstuetzt",
            IdeaSort::MostDiscussed => "diskutiert",
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        IdeaSort::ALL.into_iter().find(|s| s.as_param() == value)
    }
}

/// A validated idea title: 1–120 characters on one line.
pub struct IdeaTitle(String);

impl IdeaTitle {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_line(raw, TITLE_MAX_CHARS).map(IdeaTitle)
    }
}

impl AsRef<str> for IdeaTitle {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A validated markdown body: 1–10,000 characters; line breaks and tabs allowed.
pub struct IdeaBody(String);

impl IdeaBody {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_markdown(raw, BODY_MAX_CHARS).map(IdeaBody)
    }
}

impl AsRef<str> for IdeaBody {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An optional place the idea is about (free text).
pub fn parse_location(raw: &str) -> Result<Option<String>, ValidationError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse_line(raw, LOCATION_MAX_CHARS).map(Some)
    }
}

/// Who wrote something, as shown on every card and comment (false and empty fields are left
/// out of its JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorView {
    pub name: String,
    /// A business account's organisation, once staff verified it ("für Firma X").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Staff get the "Verwaltung" badge.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_staff: bool,
    /// The public profile the name links to, unless the person shows none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<i64>,
}

/// An idea as a card in lists, read in one query with its author, project and counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaListItem {
    pub id: i64,
    /// Escaped title with search matches in `<mark>`.
    pub title_html: String,
    /// Escaped plain-text excerpt with search matches in `<mark>`.
    pub excerpt_html: String,
    pub author: AuthorView,
    pub project_title: Option<String>,
    pub category: LocalizedName,
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: DateTime<Utc>,
}

/// One page of ideas, the cursor of the next page if there is one, and how many ideas the
/// filters match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaPage {
    pub items: Vec<IdeaListItem>,
    pub next_cursor: Option<String>,
    pub total: MatchCount,
}

/// Counting stops here: past it the list says "more than 1,000", so a count never reads
/// more than this many rows, however large the installation or common the search word.
pub const COUNT_CAP: i64 = 1000;

/// How many ideas a list's filters match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchCount {
    Exactly(i64),
    MoreThan(i64),
}

impl MatchCount {
    /// From a count that read at most `COUNT_CAP + 1` rows.
    pub fn from_capped(counted: i64) -> Self {
        if counted > COUNT_CAP {
            MatchCount::MoreThan(COUNT_CAP)
        } else {
            MatchCount::Exactly(counted)
        }
    }
}

/// An idea with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaView {
    pub id: i64,
    /// Hidden by moderation (then only its author sees this page).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden_by_moderation: bool,
    /// Waiting for approval (pre-moderation): only its author sees it so far.
    pub awaiting_approval: bool,
    pub title: String,
    /// Sanitised HTML rendered from the markdown body.
    pub body_html: String,
    /// The markdown source, for the author's edit form only.
    pub body_md: Option<String>,
    pub author: AuthorView,
    pub project_title: Option<String>,
    pub project_slug: Option<String>,
    pub category: LocalizedName,
    pub category_slug: String,
    pub location: Option<String>,
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: DateTime<Utc>,
    pub edited: bool,
    /// The latest official answer, rendered and sanitised.
    pub official_answer_html: Option<String>,
    /// Who answered (the staff member's organisation or name) and when.
    pub answered_by: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Every status change, oldest first.
    pub history: Vec<StatusChangeView>,
    /// What the person looking may do with it.
    pub viewer_is_author: bool,
    pub viewer_is_staff: bool,
    /// Authors edit only until the first comment or support arrives.
    pub editable: bool,
    /// Why comments and supports are closed, if they are.
    pub closed: Option<ClosedReason>,
    /// Signed in with a verified address.
    pub viewer_may_participate: bool,
    pub viewer_supports: bool,
    pub viewer_follows: bool,
    /// Supports the viewer has left in the idea's project, when it sets a limit.
    pub supports_left: Option<i64>,
    pub support_limit: Option<i64>,
    pub discussion: Discussion,
}

/// One entry of an idea's status history (the latest official answer is shown on its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChangeView {
    pub from: IdeaStatus,
    pub to: IdeaStatus,
    pub changed_by: String,
    pub at: DateTime<Utc>,
}

/// A choice in a select: slug and name in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub slug: String,
    pub name: LocalizedName,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_one_line_of_at_most_120_characters() {
        assert_eq!(
            IdeaTitle::parse("  Busse am Sonntag ").unwrap().as_ref(),
            "Busse am Sonntag"
        );
        assert!(matches!(
            IdeaTitle::parse(""),
            Err(ValidationError::Required)
        ));
        assert!(matches!(
            IdeaTitle::parse(&"ä".repeat(121)),
            Err(ValidationError::TooLong { .. })
        ));
        assert!(IdeaTitle::parse(&"ä".repeat(120)).is_ok());
        assert!(matches!(
            IdeaTitle::parse("a\nb"),
            Err(ValidationError::InvalidCharacters)
        ));
    }

    #[test]
    fn bodies_allow_lines_but_not_control_characters() {
        assert!(IdeaBody::parse("Erste Zeile\n\n- Punkt\tmit Tab").is_ok());
        assert!(matches!(
            IdeaBody::parse("x\u{0}"),
            Err(ValidationError::InvalidCharacters)
        ));
        assert!(matches!(
            IdeaBody::parse(&"x".repeat(10_001)),
            Err(ValidationError::TooLong { .. })
        ));
    }

    #[test]
    fn statuses_and_sorts_round_trip() {
        for s in IdeaStatus::ALL {
            assert_eq!(s.as_str().parse::<IdeaStatus>(), Ok(s));
        }
        for s in IdeaSort::ALL {
            assert_eq!(IdeaSort::from_param(s.as_param()), Some(s));
        }
    }
}
