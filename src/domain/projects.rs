//! Digitalization projects of the model region.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a project stands. Stored as its `as_str()` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    Planned,
    Running,
    Completed,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Planned, Phase::Running, Phase::Completed];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Planned => "planned",
            Phase::Running => "running",
            Phase::Completed => "completed",
        }
    }
}

/// A stored value that is not one of the known variants.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} '{value}'")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}

impl FromStr for Phase {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Phase::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| UnknownVariant {
                kind: "phase",
                value: s.to_owned(),
            })
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name kept in both interface languages (categories are data, not code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedName {
    pub de: String,
    pub en: String,
}

/// One project as a card in lists: everything the catalogue shows, read in one query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectListItem {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub phase: Phase,
    pub category: Option<LocalizedName>,
    pub districts: Vec<String>,
    pub accepts_ideas: bool,
    pub archived: bool,
    pub idea_count: i64,
}

/// One project with all its facts, for the project page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Sanitised HTML rendered on the server from the markdown description.
    pub description_html: String,
    pub phase: Phase,
    pub funding_cents: Option<i64>,
    pub responsible_body: String,
    pub contact: String,
    pub category: Option<LocalizedName>,
    pub districts: Vec<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub accepts_ideas: bool,
    pub archived: bool,
    pub idea_count: i64,
}

/// Splits the `|`-joined district names a list query aggregates per project.
pub fn split_districts(joined: Option<&str>) -> Vec<String> {
    joined
        .map(|s| {
            s.split('|')
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phase_round_trips_through_its_stored_text() {
        for phase in Phase::ALL {
            assert_eq!(phase.as_str().parse::<Phase>(), Ok(phase));
        }
        assert!("archived".parse::<Phase>().is_err());
    }

    #[test]
    fn districts_are_split_and_empty_parts_dropped() {
        assert_eq!(
            split_districts(Some("Kreis Soest|Kreis Unna")),
            vec!["Kreis Soest", "Kreis Unna"]
        );
        assert!(split_districts(None).is_empty());
        assert!(split_districts(Some("")).is_empty());
    }
}
