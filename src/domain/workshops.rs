//! Workshops of the city lab: what staff publish, what people register for, and the rules of
//! places and the waitlist. The waitlist rule lives in [`first_fitting`], in one place.

use crate::domain::stored::stored_enum;
use crate::domain::time::ZONE;
use crate::domain::validation::{parse_line, FieldErrors, ValidationError};
use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

stored_enum! {
    /// Where a workshop takes place.
    pub enum WorkshopFormat("workshop format") {
        InPerson = "in_person",
        Online = "online",
        Hybrid = "hybrid",
    }
}

stored_enum! {
    /// Who may register.
    pub enum Audience("audience") {
        Everyone = "everyone",
        Businesses = "businesses",
    }
}

stored_enum! {
    /// Where one registration stands. Waitlisted registrations never count as participants;
    /// an offered one holds its places until the person confirms or the offer runs out.
    pub enum RegistrationStatus("registration status") {
        Registered = "registered",
        Offered = "offered",
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
    }
}

stored_enum! {
    /// What happens when a place frees up for the first person on the waitlist.
    pub enum Confirmation("confirmation") {
        /// Promoted at once, with the calendar entry and a link to give the place up.
        Automatic = "automatic",
        /// The place is offered and held for a while; unconfirmed, it moves on.
        Claim = "claim",
    }
}

stored_enum! {
    /// The kind of answer a registration question takes.
    pub enum QuestionKind("question kind") {
        Text = "text",
        Choice = "choice",
        YesNo = "yes_no",
    }
}

impl RegistrationStatus {
    /// Whether the registration's places count as taken.
    pub fn holds_places(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Registered | RegistrationStatus::Offered
        )
    }
}

impl WorkshopFormat {
    pub fn has_place(self) -> bool {
        matches!(self, WorkshopFormat::InPerson | WorkshopFormat::Hybrid)
    }

    pub fn has_link(self) -> bool {
        matches!(self, WorkshopFormat::Online | WorkshopFormat::Hybrid)
    }
}

pub const WORKSHOP_TITLE_MAX_CHARS: usize = 150;
pub const WORKSHOP_DESCRIPTION_MAX_CHARS: usize = 20_000;
pub const LOCATION_MAX_CHARS: usize = 300;
pub const ONLINE_URL_MAX_CHARS: usize = 500;
pub const CAPACITY_MAX: i64 = 10_000;
pub const ACCESS_NEEDS_MAX_CHARS: usize = 1_000;
pub const CANCEL_MESSAGE_MAX_CHARS: usize = 2_000;
/// A message of staff to everyone registered.
pub const MESSAGE_MAX_CHARS: usize = 5_000;
/// Registration answers are deleted this many days after the workshop ended.
pub const ANSWERS_KEPT_DAYS: i64 = 90;
/// Registered people see the online link from this many minutes before the start.
pub const ONLINE_LINK_LEAD_MINUTES: i64 = 30;
/// Closer than this to the start, a freed place is not given away automatically (nobody
/// could still plan to come); staff are told instead.
pub const NO_PROMOTION_HOURS_BEFORE_START: i64 = 2;
/// Questions per workshop, and their limits.
pub const QUESTIONS_MAX: usize = 10;
pub const QUESTION_PROMPT_MAX_CHARS: usize = 300;
pub const CHOICES_MAX: usize = 10;
pub const CHOICE_MAX_CHARS: usize = 100;
pub const ANSWER_MAX_CHARS: usize = 1_000;
/// Empty question rows the staff form offers below the filled ones (without JavaScript,
/// saving brings the next ones).
pub const BLANK_QUESTION_ROWS: usize = 3;
/// The version of the consent line shown on the registration form, stored with each
/// registration (so it is known later which text someone agreed to).
pub const CONSENT_VERSION: &str = "2026-12-v1";

/// One workshop in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopListItem {
    pub slug: String,
    pub title: String,
    pub project: Option<(String, String)>,
    pub format: WorkshopFormat,
    pub location: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub audience: Audience,
    pub places: Places,
    pub published: bool,
    pub cancelled: bool,
    /// Over by the request's clock (one clock for everything the page shows).
    pub past: bool,
}

/// The places of a workshop as everyone may see them (counts only, never who).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    pub capacity: i64,
    pub taken: i64,
    pub waitlisted: i64,
    pub waitlist: bool,
}

impl Places {
    pub fn free(self) -> i64 {
        (self.capacity - self.taken).max(0)
    }
}

/// A workshop's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopView {
    pub slug: String,
    pub title: String,
    pub project: Option<(String, String)>,
    pub description_html: String,
    pub format: WorkshopFormat,
    pub location: String,
    /// Only for registered people from shortly before the start, and for staff.
    pub online_url: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub audience: Audience,
    pub places: Places,
    pub places_per_registration: i64,
    pub registration_closes_at: DateTime<Utc>,
    pub published: bool,
    pub cancelled: bool,
    pub cancel_message: Option<String>,
    pub organiser: String,
    /// Whether registering is open now (not cancelled, before the deadline, published).
    pub open: bool,
    pub past: bool,
    /// The viewer's own registration, if any.
    pub mine: Option<MyRegistration>,
    /// Asked on the registration form, in order.
    pub questions: Vec<Question>,
}

/// One question of a workshop's registration form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: i64,
    pub kind: QuestionKind,
    pub prompt: String,
    /// The options of a choice question.
    pub choices: Vec<String>,
    pub required: bool,
}

impl Question {
    /// The form field (and error key) of this question's answer.
    pub fn field(&self) -> String {
        format!("answer_{}", self.id)
    }

    /// Checks an answer; `None` for a skipped optional question.
    pub fn parse_answer(&self, raw: &str) -> Result<Option<String>, ValidationError> {
        let answer = raw.trim();
        if answer.is_empty() {
            return if self.required {
                Err(ValidationError::Required)
            } else {
                Ok(None)
            };
        }
        match self.kind {
            QuestionKind::Text => parse_line(answer, ANSWER_MAX_CHARS).map(Some),
            QuestionKind::Choice if self.choices.iter().any(|c| c == answer) => {
                Ok(Some(answer.to_owned()))
            }
            QuestionKind::YesNo if matches!(answer, YES | NO) => Ok(Some(answer.to_owned())),
            _ => Err(ValidationError::Invalid),
        }
    }
}

/// The stored answers of a yes/no question (shown in the reader's language).
pub const YES: &str = "yes";
pub const NO: &str = "no";

/// One question row of the staff form, as typed (`questions[i][prompt]`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionDraft {
    pub prompt: String,
    pub kind: String,
    /// One option per line.
    pub choices: String,
    /// `Some` when the box is ticked.
    pub required: Option<String>,
}

/// A question row that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionSpec {
    pub kind: QuestionKind,
    pub prompt: String,
    pub choices: Vec<String>,
    pub required: bool,
}

impl QuestionDraft {
    /// A row left empty is not a question.
    pub fn is_blank(&self) -> bool {
        self.prompt.trim().is_empty() && self.choices.trim().is_empty()
    }

    /// The field names of row `i` in errors and kept values.
    pub fn field(i: usize, part: &str) -> String {
        format!("question_{i}_{part}")
    }

    /// Checks the row; errors under the row's field names.
    pub fn parse(&self, i: usize, errors: &mut FieldErrors) -> Option<QuestionSpec> {
        let prompt = errors.check(
            &Self::field(i, "prompt"),
            parse_line(&self.prompt, QUESTION_PROMPT_MAX_CHARS),
        );
        let kind: Option<QuestionKind> = errors.check(
            &Self::field(i, "kind"),
            self.kind.parse().map_err(|_| ValidationError::Invalid),
        );
        let choices = match kind {
            Some(QuestionKind::Choice) => {
                errors.check(&Self::field(i, "choices"), parse_choices(&self.choices))
            }
            _ => Some(Vec::new()),
        };
        Some(QuestionSpec {
            kind: kind?,
            prompt: prompt?,
            choices: choices?,
            required: self.required.is_some(),
        })
    }
}

/// The options of a choice question, one per line: two to [`CHOICES_MAX`], each at most
/// [`CHOICE_MAX_CHARS`], none twice.
pub fn parse_choices(raw: &str) -> Result<Vec<String>, ValidationError> {
    let choices: Vec<String> = raw
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    if choices.len() < 2 {
        return Err(ValidationError::TooFewChoices);
    }
    if choices.len() > CHOICES_MAX {
        return Err(ValidationError::TooManyChoices { max: CHOICES_MAX });
    }
    if choices.iter().any(|c| c.chars().count() > CHOICE_MAX_CHARS) {
        return Err(ValidationError::TooLong {
            max: CHOICE_MAX_CHARS,
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    if !choices.iter().all(|c| seen.insert(c.to_lowercase())) {
        return Err(ValidationError::DuplicateChoice);
    }
    Ok(choices)
}

/// A person's registration, as they see it (on the workshop page and on `/konto`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRegistration {
    pub id: i64,
    pub workshop_slug: String,
    pub workshop_title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: RegistrationStatus,
    pub places: i64,
    /// 1 for the first waitlisted registration; `None` unless waitlisted.
    pub waitlist_position: Option<i64>,
    /// Until when an offered place is held.
    pub offered_until: Option<DateTime<Utc>>,
    pub workshop_cancelled: bool,
}

/// One registration as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub status: RegistrationStatus,
    pub places: i64,
    pub access_needs: String,
    pub queued_at: DateTime<Utc>,
    /// Until when an offered place is held.
    pub offered_until: Option<DateTime<Utc>>,
    /// Marked by staff after the event.
    pub attended: Option<bool>,
    /// The answer to each of the workshop's questions, in their order (`None`: none given).
    pub answers: Vec<Option<String>>,
}

/// What the staff's workshop form shows and sends: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopDraft {
    pub slug: String,
    pub title: String,
    pub project: String,
    pub description: String,
    pub format: String,
    pub location: String,
    pub online_url: String,
    pub start_date: String,
    pub start_time: String,
    pub end_date: String,
    pub end_time: String,
    pub capacity: String,
    pub places_per_registration: String,
    pub audience: String,
    pub opens_date: String,
    pub opens_time: String,
    pub closes_date: String,
    pub closes_time: String,
    pub waitlist: bool,
    pub confirmation: String,
    pub published: bool,
    pub questions: Vec<QuestionDraft>,
    /// Someone answered already: the questions stay as they are.
    pub questions_locked: bool,
}

/// A time of day from a time input (`16:00`) or typed `16.00` / `16 Uhr`.
pub fn parse_time(raw: &str) -> Result<NaiveTime, ValidationError> {
    let text = raw.trim().trim_end_matches("Uhr").trim().replace('.', ":");
    if text.is_empty() {
        return Err(ValidationError::Required);
    }
    let text = if text.contains(':') {
        text
    } else {
        format!("{text}:00")
    };
    NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| ValidationError::InvalidTime)
}

/// A date from a date input (`2027-01-14`) or typed the German way (`14.01.2027`).
pub fn parse_day(raw: &str) -> Result<NaiveDate, ValidationError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ValidationError::Required);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map_err(|_| ValidationError::InvalidDate)
}

/// The instant of a Berlin wall-clock time. A time that does not exist (the hour skipped in
/// March) is refused; one that exists twice (October) means the first.
pub fn berlin_instant(day: NaiveDate, time: NaiveTime) -> Result<DateTime<Utc>, ValidationError> {
    match ZONE.from_local_datetime(&day.and_time(time)) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(at.with_timezone(&Utc)),
        LocalResult::None => Err(ValidationError::InvalidTime),
    }
}

/// A whole number in `1..=max`.
pub fn parse_count(raw: &str, max: i64) -> Result<i64, ValidationError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(ValidationError::Required);
    }
    match text.parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(ValidationError::NumberOutOfRange { min: 1, max }),
    }
}

/// An online meeting link: https only (it is handed to registered people to click).
pub fn parse_meeting_url(raw: &str) -> Result<String, ValidationError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(ValidationError::Required);
    }
    if value.chars().count() > ONLINE_URL_MAX_CHARS {
        return Err(ValidationError::TooLong {
            max: ONLINE_URL_MAX_CHARS,
        });
    }
    match value.to_ascii_lowercase().strip_prefix("https://") {
        Some(host)
            if host.contains('.')
                && !value.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(value.to_owned())
        }
        _ => Err(ValidationError::InvalidUrl),
    }
}

/// The waitlist rule: walking the waitlist in order (queue time, then id), each registration
/// that fits into the places still free is promoted; one that needs more places than are free
/// is passed over — it does not block smaller ones behind it — and keeps its position for the
/// next freed place. Returns the ids to promote.
pub fn first_fitting(mut free: i64, waiting: &[(i64, i64)]) -> Vec<i64> {
    let mut promoted = Vec::new();
    for &(id, places) in waiting {
        if free <= 0 {
            break;
        }
        if places <= free {
            free -= places;
            promoted.push(id);
        }
    }
    promoted
}

/// Whether people see the online link now: registered, and from shortly before the start.
pub fn shows_online_link(
    status: Option<RegistrationStatus>,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    status == Some(RegistrationStatus::Registered)
        && now >= starts_at - chrono::Duration::minutes(ONLINE_LINK_LEAD_MINUTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_enums_round_trip() {
        for f in WorkshopFormat::ALL {
            assert_eq!(f.as_str().parse::<WorkshopFormat>(), Ok(f));
        }
        for a in Audience::ALL {
            assert_eq!(a.as_str().parse::<Audience>(), Ok(a));
        }
        for s in RegistrationStatus::ALL {
            assert_eq!(s.as_str().parse::<RegistrationStatus>(), Ok(s));
        }
        for c in Confirmation::ALL {
            assert_eq!(c.as_str().parse::<Confirmation>(), Ok(c));
        }
        for k in QuestionKind::ALL {
            assert_eq!(k.as_str().parse::<QuestionKind>(), Ok(k));
        }
    }

    #[test]
    fn the_waitlist_promotes_in_order_and_skips_what_does_not_fit() {
        /// Free places, the waitlist as (id, places), the ids promoted.
        type Case = (i64, &'static [(i64, i64)], &'static [i64]);
        let table: [Case; 7] = [
            (0, &[(1, 1)], &[]),
            (1, &[(1, 1), (2, 1)], &[1]),
            (2, &[(1, 1), (2, 1), (3, 1)], &[1, 2]),
            // The first needs 3 of 2 free places: the two behind it get them.
            (2, &[(1, 3), (2, 1), (3, 1)], &[2, 3]),
            (3, &[(1, 3), (2, 1)], &[1]),
            (4, &[(1, 2), (2, 3), (3, 2)], &[1, 3]),
            (5, &[], &[]),
        ];
        for (free, waiting, expected) in table {
            assert_eq!(first_fitting(free, waiting), expected, "{free} {waiting:?}");
        }
    }

    #[test]
    fn berlin_wall_clock_times_become_instants() {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let time = |s| parse_time(s).unwrap();
        assert_eq!(
            berlin_instant(day("2027-01-14"), time("16:00")).unwrap(),
            "2027-01-14T15:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        assert_eq!(
            berlin_instant(day("2027-07-14"), time("16 Uhr")).unwrap(),
            "2027-07-14T14:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        // 28 March 2027, 02:30 does not exist in Berlin.
        assert_eq!(
            berlin_instant(day("2027-03-28"), time("02:30")),
            Err(ValidationError::InvalidTime)
        );
        // 31 October 2027, 02:30 exists twice: the first (summer time) is meant.
        assert_eq!(
            berlin_instant(day("2027-10-31"), time("02.30")).unwrap(),
            "2027-10-31T00:30:00Z".parse::<DateTime<Utc>>().unwrap()
        );
    }

    #[test]
    fn bad_times_counts_and_links_are_refused() {
        assert_eq!(parse_time(""), Err(ValidationError::Required));
        assert_eq!(parse_time("25:00"), Err(ValidationError::InvalidTime));
        assert_eq!(parse_day("31.02.2027"), Err(ValidationError::InvalidDate));
        assert_eq!(parse_day("14.01.2027"), parse_day("2027-01-14"));
        assert_eq!(
            parse_count("0", CAPACITY_MAX),
            Err(ValidationError::NumberOutOfRange {
                min: 1,
                max: CAPACITY_MAX
            })
        );
        assert!(parse_count("10001", CAPACITY_MAX).is_err());
        assert!(parse_count("zwölf", CAPACITY_MAX).is_err());
        assert_eq!(parse_count(" 20 ", CAPACITY_MAX), Ok(20));
        assert_eq!(
            parse_meeting_url("https://meet.example.org/so-digital"),
            Ok("https://meet.example.org/so-digital".to_owned())
        );
        for bad in [
            "http://meet.example.org",
            "javascript:alert(1)",
            "https://x y.de",
            "meet",
        ] {
            assert_eq!(parse_meeting_url(bad), Err(ValidationError::InvalidUrl));
        }
    }

    #[test]
    fn the_online_link_shows_to_registered_people_shortly_before_the_start() {
        let start: DateTime<Utc> = "2027-01-14T15:00:00Z".parse().unwrap();
        let early = start - chrono::Duration::minutes(31);
        let soon = start - chrono::Duration::minutes(30);
        let registered = Some(RegistrationStatus::Registered);
        assert!(!shows_online_link(registered, start, early));
        assert!(shows_online_link(registered, start, soon));
        assert!(!shows_online_link(
            Some(RegistrationStatus::Waitlisted),
            start,
            soon
        ));
        assert!(!shows_online_link(None, start, soon));
    }
}
