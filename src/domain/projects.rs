//! Digitalization projects of the model region.

use crate::domain::stored::stored_enum;
use crate::domain::validation::{parse_line, FieldErrors, ValidationError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

stored_enum! {
    /// Where a project stands.
    pub enum Phase("phase") {
        Planned = "planned",
        Running = "running",
        Completed = "completed",
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
    pub category_slug: Option<String>,
    pub image: Option<ProjectImage>,
}

/// A project's picture as pages show it: its address (by content hash), the words that
/// stand for it, and its size (so the page keeps its place while it loads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectImage {
    pub src: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// The picture section of a project's edit page: the current picture, and the errors of
/// this visitor's upload that was just refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectImageForm {
    pub image: Option<ProjectImage>,
    pub refused: Option<FieldErrors>,
}

/// An uploaded file at most (a phone's photo is 3–8 MB).
pub const IMAGE_MAX_MEGABYTES: usize = 12;
pub const IMAGE_MAX_BYTES: usize = IMAGE_MAX_MEGABYTES * 1024 * 1024;
/// Neither side of an uploaded picture longer than this (36 megapixels in a square): the
/// limit keeps a small file that claims a huge picture from taking the server's memory.
pub const IMAGE_MAX_SIDE: u32 = 6_000;
pub const IMAGE_ALT_MAX_CHARS: usize = 250;
/// The fields of the picture form (`/projekte/{slug}/bild`).
pub const FILE_FIELD: &str = "image";
pub const ALT_FIELD: &str = "image_alt";

impl ProjectImage {
    /// The picture stored under `hash`, served there: the address changes with the content,
    /// so browsers may keep it for good.
    pub fn stored(hash: &str, alt: String, width: i64, height: i64) -> Self {
        ProjectImage {
            src: format!("/bilder/projekte/{hash}.jpg"),
            alt,
            width: u32::try_from(width).unwrap_or_default(),
            height: u32::try_from(height).unwrap_or_default(),
        }
    }
}

/// The words that stand for the picture for people who cannot see it: required.
pub fn parse_image_alt(raw: &str) -> Result<String, ValidationError> {
    parse_line(raw, IMAGE_ALT_MAX_CHARS)
}

/// The Themenfelder with an illustration of their own (`public/illustrationen/`).
const ILLUSTRATED: [&str; 6] = [
    "mobilitaet",
    "bauen-wohnen",
    "wirtschaft-handwerk",
    "beteiligung",
    "verwaltung",
    "bildung",
];

/// The illustration a project without a picture shows: its Themenfeld's, or a general one.
pub fn illustration_src(category_slug: Option<&str>) -> String {
    let name = category_slug
        .filter(|slug| ILLUSTRATED.contains(slug))
        .unwrap_or("projekt");
    format!("/illustrationen/{name}.svg")
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
    pub category_slug: Option<String>,
    pub image: Option<ProjectImage>,
}

pub const SLUG_MIN_CHARS: usize = 3;
pub const SLUG_MAX_CHARS: usize = 80;
pub const PROJECT_TITLE_MAX_CHARS: usize = 150;
pub const SUMMARY_MAX_CHARS: usize = 300;
pub const DESCRIPTION_MAX_CHARS: usize = 20_000;
/// Responsible body and contact.
pub const FACT_MAX_CHARS: usize = 200;
pub const SUPPORT_LIMIT_MAX: i64 = 1_000;
/// Funding above this (10 billion €) is a typing error, not a district project.
const FUNDING_MAX_CENTS: i64 = 1_000_000_000_000;
/// Path segments below `/projekte/` that are pages, not projects.
const RESERVED_SLUGS: [&str; 1] = ["neu"];

/// The address part of a project (`/projekte/{slug}`): 3–80 of `a–z`, `0–9` and single
/// inner hyphens. Upper case is folded so that "3D-Stadtmodell" becomes "3d-stadtmodell".
pub fn parse_slug(raw: &str) -> Result<String, ValidationError> {
    let slug = raw.trim().to_ascii_lowercase();
    let count = slug.chars().count();
    if slug.is_empty() {
        Err(ValidationError::Required)
    } else if count < SLUG_MIN_CHARS {
        Err(ValidationError::TooShort {
            min: SLUG_MIN_CHARS,
        })
    } else if count > SLUG_MAX_CHARS {
        Err(ValidationError::TooLong {
            max: SLUG_MAX_CHARS,
        })
    } else if !slug
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || slug.starts_with('-')
        || slug.ends_with('-')
        || slug.contains("--")
    {
        Err(ValidationError::InvalidSlug)
    } else if RESERVED_SLUGS.contains(&slug.as_str()) {
        Err(ValidationError::SlugTaken)
    } else {
        Ok(slug)
    }
}

/// An optional amount in euros as people type it, in cents: "4800000", "4.800.000",
/// "1.250.000,50 €", "980,5", "1,250,000.00". The last separator followed by one or two
/// digits is the decimal mark; every other separator must group exactly three digits.
pub fn parse_euros(raw: &str) -> Result<Option<i64>, ValidationError> {
    let text: String = raw
        .trim()
        .trim_end_matches('€')
        .trim_start_matches('€')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if text.is_empty() {
        return Ok(None);
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(ValidationError::InvalidAmount);
    }
    let (whole, fraction) = match text.rfind(['.', ',']) {
        Some(at) if (1..=2).contains(&(text.len() - at - 1)) => (&text[..at], &text[at + 1..]),
        _ => (text.as_str(), ""),
    };
    let mut groups = whole.split(['.', ',']);
    let first = groups.next().unwrap_or_default();
    let grouped_well = groups.all(|g| g.len() == 3);
    if first.is_empty() || first.len() > 13 || !grouped_well {
        return Err(ValidationError::InvalidAmount);
    }
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    let euros: i64 = digits.parse().map_err(|_| ValidationError::InvalidAmount)?;
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => {
            fraction
                .parse::<i64>()
                .map_err(|_| ValidationError::InvalidAmount)?
                * 10
        }
        _ => fraction
            .parse()
            .map_err(|_| ValidationError::InvalidAmount)?,
    };
    euros
        .checked_mul(100)
        .and_then(|c| c.checked_add(cents))
        .filter(|c| *c <= FUNDING_MAX_CENTS)
        .map(Some)
        .ok_or(ValidationError::InvalidAmount)
}

/// An amount as the edit form shows it, readable back by `parse_euros`: "4800000" or
/// "980,50".
pub fn euros_input(cents: i64) -> String {
    match (cents / 100, cents % 100) {
        (euros, 0) => euros.to_string(),
        (euros, rest) => format!("{euros},{rest:02}"),
    }
}

/// An optional date from a date input (`2027-03-01`) or typed the German way (`01.03.2027`).
pub fn parse_date(raw: &str) -> Result<Option<NaiveDate>, ValidationError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map(Some)
        .map_err(|_| ValidationError::InvalidDate)
}

/// An optional whole number in `1..=max` (empty means "no limit").
pub fn parse_limit(raw: &str, max: i64) -> Result<Option<i64>, ValidationError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(Some(n)),
        _ => Err(ValidationError::NumberOutOfRange { min: 1, max }),
    }
}

/// What the staff's project form shows and sends: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDraft {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub phase: String,
    pub funding: String,
    pub responsible_body: String,
    pub contact: String,
    pub category: String,
    /// District slugs.
    pub districts: Vec<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub support_limit: String,
    pub accepts_ideas: bool,
    pub archived: bool,
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

    #[test]
    fn slugs_are_folded_and_checked() {
        assert_eq!(
            parse_slug(" 3D-Stadtmodell "),
            Ok("3d-stadtmodell".to_owned())
        );
        assert_eq!(parse_slug(""), Err(ValidationError::Required));
        assert_eq!(parse_slug("ab"), Err(ValidationError::TooShort { min: 3 }));
        for bad in [
            "mit leerzeichen",
            "-vorne",
            "hinten-",
            "dop--pelt",
            "bürger",
            "a/b",
            "<x>",
        ] {
            assert_eq!(parse_slug(bad), Err(ValidationError::InvalidSlug), "{bad}");
        }
        assert_eq!(parse_slug("neu"), Err(ValidationError::SlugTaken));
        assert!(parse_slug(&"a".repeat(81)).is_err());
    }

    #[test]
    fn euro_amounts_are_read_as_people_type_them() {
        let cents = |s: &str| parse_euros(s);
        assert_eq!(cents(""), Ok(None));
        assert_eq!(cents("4800000"), Ok(Some(480_000_000)));
        assert_eq!(cents("4.800.000"), Ok(Some(480_000_000)));
        assert_eq!(cents("1.250.000,50 €"), Ok(Some(125_000_050)));
        assert_eq!(cents("1,250,000.00"), Ok(Some(125_000_000)));
        assert_eq!(cents("980,5"), Ok(Some(98_050)));
        assert_eq!(cents("€ 12"), Ok(Some(1_200)));
        for stored in [0, 1_200, 98_050, 480_000_001] {
            assert_eq!(cents(&euros_input(stored)), Ok(Some(stored)));
        }
        for bad in [
            "-5",
            "12.34.5",
            "1.2345",
            "zehn",
            "1e9",
            ",5",
            "99999999999999",
        ] {
            assert_eq!(cents(bad), Err(ValidationError::InvalidAmount), "{bad}");
        }
    }

    #[test]
    fn dates_come_from_date_inputs_or_german_typing() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 1);
        assert_eq!(parse_date("2027-03-01"), Ok(day));
        assert_eq!(parse_date("01.03.2027"), Ok(day));
        assert_eq!(parse_date(" "), Ok(None));
        assert_eq!(parse_date("31.02.2027"), Err(ValidationError::InvalidDate));
        assert_eq!(parse_date("morgen"), Err(ValidationError::InvalidDate));
    }

    #[test]
    fn limits_are_optional_whole_numbers_in_range() {
        assert_eq!(parse_limit("", 1000), Ok(None));
        assert_eq!(parse_limit("5", 1000), Ok(Some(5)));
        for bad in ["0", "-1", "1001", "2.5", "fünf"] {
            assert!(parse_limit(bad, 1000).is_err(), "{bad}");
        }
    }
}
