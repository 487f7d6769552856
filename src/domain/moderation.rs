//! Moderation's rules: what a report needs, what a decision needs, how the queue is paged and
//! what the log and the notices show.

use super::content::ContentRef;
use super::stored::stored_enum;
use super::validation::{FieldErrors, ValidationError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A report's optional note, and the explanation an "illegal" report needs.
pub const REPORT_NOTE_MAX_CHARS: usize = 1_000;
/// Reports one person may file per hour.
pub const REPORTS_PER_HOUR: i64 = 10;
/// A decision's own words, when no rule fits ("other"), are at least this long: the author
/// is owed a statement of reasons, not "no".
pub const DECISION_REASON_MIN_CHARS: usize = 15;
pub const DECISION_REASON_MAX_CHARS: usize = 1_000;
/// An objection's text.
pub const OBJECTION_MAX_CHARS: usize = 2_000;
/// Items per queue page.
pub const QUEUE_PAGE_SIZE: i64 = 25;
/// The CSV download of the log (an axum route beside the pages).
pub const LOG_CSV_PATH: &str = "/verwaltung/moderation/protokoll.csv";
/// Entries per log page.
pub const LOG_PAGE_SIZE: i64 = 100;
/// An item waiting longer than this is flagged in the staff header.
pub const QUEUE_WARN_AFTER_HOURS: i64 = 24;

stored_enum! {
    /// Why someone reports content (EU Digital Services Act Art. 16 for "illegal").
    pub enum ReportReason("report reason") {
        Spam = "spam",
        Offensive = "offensive",
        PersonalData = "personal_data",
        OffTopic = "off_topic",
        Illegal = "illegal",
        Other = "other",
    }
}

stored_enum! {
    /// What a log entry records.
    pub enum LogAction("moderation action") {
        Report = "report",
        Hide = "hide",
        Restore = "restore",
        Keep = "keep",
        ChangeRole = "change_role",
        Block = "block",
        Unblock = "unblock",
        /// An author objected to a decision.
        Objection = "objection",
        ObjectionUpheld = "objection_upheld",
        ObjectionGranted = "objection_granted",
        /// A business account's organisation was confirmed, or not.
        VerifyOrganisation = "verify_organisation",
        RejectOrganisation = "reject_organisation",
        /// A pre-moderated contribution was let through.
        Approve = "approve",
    }
}

stored_enum! {
    /// The rule a decision applies, shown to the author with the staff member's words.
    pub enum DecisionRule("moderation rule") {
        Offensive = "offensive",
        Spam = "spam",
        PersonalData = "personal_data",
        OffTopic = "off_topic",
        Illegal = "illegal",
        NoViolation = "no_violation",
        Other = "other",
    }
}

impl From<ReportReason> for DecisionRule {
    /// The rule an automatic hide applies: the reporters' reason.
    fn from(reason: ReportReason) -> Self {
        match reason {
            ReportReason::Spam => DecisionRule::Spam,
            ReportReason::Offensive => DecisionRule::Offensive,
            ReportReason::PersonalData => DecisionRule::PersonalData,
            ReportReason::OffTopic => DecisionRule::OffTopic,
            ReportReason::Illegal => DecisionRule::Illegal,
            ReportReason::Other => DecisionRule::Other,
        }
    }
}

/// What staff decide on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// The content disappears for everyone but its author and staff; open reports are closed.
    Hide,
    /// The reports are dismissed; the content stays.
    Keep,
    /// Hidden content is shown again.
    Restore,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Hide, Decision::Keep, Decision::Restore];

    pub fn as_param(self) -> &'static str {
        match self {
            Decision::Hide => "hide",
            Decision::Keep => "keep",
            Decision::Restore => "restore",
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        Decision::ALL.into_iter().find(|d| d.as_param() == value)
    }

    pub fn log_action(self) -> LogAction {
        match self {
            Decision::Hide => LogAction::Hide,
            Decision::Keep => LogAction::Keep,
            Decision::Restore => LogAction::Restore,
        }
    }
}

impl ContentRef {
    /// The item as one path segment or form value: `idee-5`, `kommentar-7`.
    pub fn param(self) -> String {
        match self {
            ContentRef::Idea(id) => format!("idee-{id}"),
            ContentRef::Comment(id) => format!("kommentar-{id}"),
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        let (kind, id) = value.split_once('-')?;
        let id = id.parse().ok().filter(|id: &i64| *id > 0)?;
        match kind {
            "idee" => Some(ContentRef::Idea(id)),
            "kommentar" => Some(ContentRef::Comment(id)),
            _ => None,
        }
    }
}

/// A report as the person filed it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportInput {
    pub reason: ReportReason,
    pub note: Option<String>,
}

/// Checks a report form: a reason from the list; "other" and "illegal" need a note (for
/// "illegal" the explanation Art. 16 DSA asks for, and the good-faith confirmation).
pub fn parse_report(
    reason_raw: &str,
    note_raw: &str,
    good_faith: bool,
) -> Result<ReportInput, FieldErrors> {
    let mut errors = FieldErrors::new();
    errors.keep("note", note_raw);
    errors.keep("reason", reason_raw);
    let reason = errors.check(
        "reason",
        reason_raw
            .parse::<ReportReason>()
            .map_err(ValidationError::from),
    );
    let note = note_raw.trim();
    let note = if note.chars().count() > REPORT_NOTE_MAX_CHARS {
        errors.add(
            "note",
            ValidationError::TooLong {
                max: REPORT_NOTE_MAX_CHARS,
            },
        );
        None
    } else if note
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        errors.add("note", ValidationError::InvalidCharacters);
        None
    } else {
        Some(note.to_owned()).filter(|n| !n.is_empty())
    };
    if matches!(reason, Some(ReportReason::Other | ReportReason::Illegal))
        && note.is_none()
        && errors.get("note").is_none()
    {
        errors.add("note", ValidationError::Required);
    }
    if reason == Some(ReportReason::Illegal) && !good_faith {
        errors.add("good_faith", ValidationError::ConfirmationRequired);
    }
    match reason {
        Some(reason) if errors.is_empty() => Ok(ReportInput { reason, note }),
        _ => Err(errors),
    }
}

/// A decision's reason, checked: a rule, and own words (required for "other").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionReason {
    pub rule: DecisionRule,
    pub text: Option<String>,
}

pub fn parse_decision_reason(
    rule_raw: &str,
    text_raw: &str,
) -> Result<DecisionReason, FieldErrors> {
    let mut errors = FieldErrors::new();
    errors.keep("reason", text_raw);
    let rule = errors.check(
        "rule",
        rule_raw
            .parse::<DecisionRule>()
            .map_err(ValidationError::from),
    );
    let text = text_raw.trim();
    let length = text.chars().count();
    let text = if length > DECISION_REASON_MAX_CHARS {
        errors.add(
            "reason",
            ValidationError::TooLong {
                max: DECISION_REASON_MAX_CHARS,
            },
        );
        None
    } else if rule == Some(DecisionRule::Other) && length < DECISION_REASON_MIN_CHARS {
        errors.add(
            "reason",
            ValidationError::TooShort {
                min: DECISION_REASON_MIN_CHARS,
            },
        );
        None
    } else {
        Some(text.to_owned()).filter(|t| !t.is_empty())
    };
    match rule {
        Some(rule) if errors.is_empty() => Ok(DecisionReason { rule, text }),
        _ => Err(errors),
    }
}

/// A first contribution with more links than this waits for staff, pre-moderation on or
/// off: it is what spam accounts post first.
pub const FIRST_CONTRIBUTION_LINKS_MAX: usize = 2;
/// Held contributions listed at once in the queue (oldest first).
pub const HELD_SHOWN: i64 = 50;

/// The web links in a text: every `http://`, `https://` and `www.` (markdown links and
/// bare addresses alike).
pub fn count_links(text: &str) -> usize {
    let lower = text.to_lowercase();
    ["http://", "https://", "www."]
        .iter()
        .map(|marker| lower.matches(marker).count())
        .sum::<usize>()
        // "https://www.x" is one link, not two.
        - lower.matches("://www.").count()
}

/// Whether a new contribution waits for staff: it is among the account's first `first`
/// (pre-moderation on), or it is the account's very first and carries many links.
/// `earlier`: the account's contributions before this one.
pub fn must_wait(earlier: i64, first: Option<i64>, links: usize) -> bool {
    first.is_some_and(|n| earlier < n) || (earlier == 0 && links > FIRST_CONTRIBUTION_LINKS_MAX)
}

/// The thresholds of this installation, set by environment, shown read-only to admins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ModerationThresholds {
    pub auto_hide_reports: Option<i64>,
    pub premoderation_first: Option<i64>,
}

/// A contribution waiting for approval, for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldItem {
    pub target: ContentRef,
    pub idea_id: i64,
    pub idea_title: String,
    pub author: String,
    pub text: String,
    pub held_at: DateTime<Utc>,
}

/// What staff decide about a held contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeldDecision {
    /// Everyone sees it, and those following are notified as at publication.
    Approve,
    /// It stays hidden, with a statement of reasons to the author.
    Hide,
}

impl HeldDecision {
    pub const ALL: [HeldDecision; 2] = [HeldDecision::Approve, HeldDecision::Hide];

    pub fn as_param(self) -> &'static str {
        match self {
            HeldDecision::Approve => "approve",
            HeldDecision::Hide => "hide",
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_param() == value)
    }
}

/// Where the queue continues: the last item of a page, in the queue's order (most reports,
/// then oldest report, then the item).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCursor {
    /// Hidden automatically and waiting for review: these come first.
    pub pending: bool,
    pub reports: i64,
    pub oldest: DateTime<Utc>,
    pub target: ContentRef,
}

impl QueueCursor {
    /// As one query value: `0.3.1764670000000000.idee-5` (pending, count, oldest in
    /// microseconds, item).
    pub fn param(&self) -> String {
        format!(
            "{}.{}.{}.{}",
            u8::from(self.pending),
            self.reports,
            self.oldest.timestamp_micros(),
            self.target.param()
        )
    }

    pub fn from_param(value: &str) -> Option<Self> {
        let mut parts = value.splitn(4, '.');
        let pending = match parts.next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        };
        let reports = parts.next()?.parse().ok()?;
        let oldest = DateTime::from_timestamp_micros(parts.next()?.parse().ok()?)?;
        let target = ContentRef::from_param(parts.next()?)?;
        Some(QueueCursor {
            pending,
            reports,
            oldest,
            target,
        })
    }
}

/// The queue's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// `Some(true)`: ideas only; `Some(false)`: comments only.
    pub ideas: Option<bool>,
    pub reason: Option<ReportReason>,
    pub project_id: Option<i64>,
    /// Only items hidden automatically, waiting for review.
    pub pending_only: bool,
}

/// One report as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub reason: ReportReason,
    pub note: Option<String>,
    /// The text as it was reported.
    pub snapshot: String,
    pub created_at: DateTime<Utc>,
}

/// A reported item with its open reports: the queue's unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub target: ContentRef,
    pub author_id: i64,
    pub author: String,
    /// The idea the item is (on): its id and title.
    pub idea_id: i64,
    pub idea_title: String,
    pub project_title: Option<String>,
    /// The current text (markdown source, shown as plain text: staff read what was written).
    pub text: String,
    pub hidden: bool,
    /// Hidden automatically by reports, waiting for a decision.
    pub pending: bool,
    pub reports: Vec<ReportView>,
    pub oldest: DateTime<Utc>,
}

impl QueueItem {
    /// The reasons with how often each was given, in the order of [`ReportReason::ALL`].
    pub fn reason_counts(&self) -> Vec<(ReportReason, usize)> {
        ReportReason::ALL
            .into_iter()
            .map(|r| (r, self.reports.iter().filter(|v| v.reason == r).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub next: Option<QueueCursor>,
}

/// One decision about an item, as its review page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub id: i64,
    pub action: LogAction,
    /// Who acted; `None` once their account is deleted.
    pub actor_id: Option<i64>,
    pub actor: Option<String>,
    pub subject_id: Option<i64>,
    pub subject: Option<String>,
    pub target: Option<ContentRef>,
    pub rule: Option<String>,
    pub reason: Option<String>,
    pub excerpt: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// An item with everything staff need to decide: the queue item, the decisions so far, and
/// whether the viewer may decide (not on their own content or reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemReview {
    pub item: QueueItem,
    pub history: Vec<LogEntry>,
    pub viewer_may_decide: bool,
}

/// Whom a notice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeAudience {
    /// The author of the content decided on.
    Author,
    /// Someone whose report was decided.
    Reporter,
}

impl NoticeAudience {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeAudience::Author => "author",
            NoticeAudience::Reporter => "reporter",
        }
    }
}

/// A decision as the author or a reporter is told about it (never with the moderator's
/// name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationNotice {
    pub id: i64,
    /// The decision told of (an objection refers to it).
    pub log_id: i64,
    pub audience: NoticeAudience,
    pub action: LogAction,
    /// Decided by the reports themselves (automatic hiding), not by a person.
    pub automatic: bool,
    pub target: Option<ContentRef>,
    pub rule: Option<DecisionRule>,
    pub reason: Option<String>,
    pub excerpt: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// How long a block lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockDuration {
    Days(i64),
    Unlimited,
}

impl BlockDuration {
    /// The choices the block form offers.
    pub const CHOICES: [BlockDuration; 4] = [
        BlockDuration::Days(1),
        BlockDuration::Days(7),
        BlockDuration::Days(30),
        BlockDuration::Unlimited,
    ];

    pub fn as_param(self) -> String {
        match self {
            BlockDuration::Days(days) => days.to_string(),
            BlockDuration::Unlimited => "unbefristet".to_owned(),
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        BlockDuration::CHOICES
            .into_iter()
            .find(|d| d.as_param() == value)
    }

    /// When a block starting at `from` ends; `None`: it does not end by itself.
    pub fn end(self, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            BlockDuration::Days(days) => Some(from + chrono::Duration::days(days)),
            BlockDuration::Unlimited => None,
        }
    }
}

/// What a blocked person is told when they try to log in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockNotice {
    pub until: Option<DateTime<Utc>>,
    pub rule: DecisionRule,
    pub reason: Option<String>,
}

/// An account as the block form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockTarget {
    pub id: i64,
    pub name: String,
    pub is_staff: bool,
    /// The running block, if any.
    pub block: Option<BlockNotice>,
}

/// What the report page shows of the item being reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTarget {
    pub target: ContentRef,
    pub idea_id: i64,
    pub idea_title: String,
    pub excerpt: String,
}

/// A decision an author may object to, as the objection form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectionTarget {
    pub log_id: i64,
    pub excerpt: Option<String>,
    pub rule: Option<DecisionRule>,
    pub reason: Option<String>,
    pub decided_at: DateTime<Utc>,
    /// The person objected already (once per decision).
    pub objected: bool,
}

/// An open objection, for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectionView {
    pub id: i64,
    pub target: Option<ContentRef>,
    pub excerpt: Option<String>,
    pub rule: Option<DecisionRule>,
    pub reason: Option<String>,
    /// Who decided (`None`: automatic, or a deleted account).
    pub decided_by: Option<String>,
    pub objector: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// Not the viewer's own decision or own content.
    pub viewer_may_decide: bool,
}

/// What staff decide on an objection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ObjectionOutcome {
    /// The decision stands.
    Uphold,
    /// The objection is granted: the content is shown again.
    Grant,
}

impl ObjectionOutcome {
    pub fn from_param(value: &str) -> Option<Self> {
        match value {
            "uphold" => Some(ObjectionOutcome::Uphold),
            "grant" => Some(ObjectionOutcome::Grant),
            _ => None,
        }
    }

    pub fn log_action(self) -> LogAction {
        match self {
            ObjectionOutcome::Uphold => LogAction::ObjectionUpheld,
            ObjectionOutcome::Grant => LogAction::ObjectionGranted,
        }
    }
}

/// The first characters of a text, for log entries and notices.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 120;
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= MAX {
        line
    } else {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_counted_once_each_whatever_their_form() {
        assert_eq!(count_links("Kein Link, nur soest.de"), 0);
        assert_eq!(
            count_links("[Plan](https://www.soest.de/plan) und http://x.org"),
            2
        );
        assert_eq!(count_links("WWW.A.DE www.b.de HTTPS://c.de"), 3);
    }

    #[test]
    fn the_first_contributions_wait_when_pre_moderation_is_on() {
        assert!(must_wait(0, Some(2), 0));
        assert!(must_wait(1, Some(2), 0));
        assert!(!must_wait(2, Some(2), 0));
        assert!(!must_wait(0, None, 0));
        // A very first contribution with more than two links waits anyway.
        assert!(!must_wait(0, None, 2));
        assert!(must_wait(0, None, 3));
        assert!(!must_wait(1, None, 5));
    }

    #[test]
    fn items_round_trip_through_their_parameter() {
        for target in [ContentRef::Idea(5), ContentRef::Comment(12)] {
            assert_eq!(ContentRef::from_param(&target.param()), Some(target));
        }
        for bad in [
            "",
            "idee",
            "idee-",
            "idee-0",
            "idee--3",
            "beitrag-4",
            "kommentar-x",
        ] {
            assert_eq!(ContentRef::from_param(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_cursor_round_trips() {
        let cursor = QueueCursor {
            pending: true,
            reports: 3,
            oldest: "2026-12-02T10:00:00.123456Z".parse().unwrap(),
            target: ContentRef::Comment(9),
        };
        assert_eq!(QueueCursor::from_param(&cursor.param()), Some(cursor));
        assert_eq!(QueueCursor::from_param("0.3.x.idee-1"), None);
        assert_eq!(QueueCursor::from_param("2.3.1.idee-1"), None);
    }

    #[test]
    fn reports_need_a_reason_and_for_other_or_illegal_a_note() {
        assert!(parse_report("spam", "", false).is_ok());
        assert_eq!(
            parse_report("rude", "", false).unwrap_err().get("reason"),
            Some(&ValidationError::Invalid)
        );
        assert_eq!(
            parse_report("other", "  ", false).unwrap_err().get("note"),
            Some(&ValidationError::Required)
        );
        let illegal = parse_report("illegal", "", false).unwrap_err();
        assert_eq!(illegal.get("note"), Some(&ValidationError::Required));
        assert_eq!(
            illegal.get("good_faith"),
            Some(&ValidationError::ConfirmationRequired)
        );
        assert!(parse_report("illegal", "Volksverhetzung, § 130 StGB", true).is_ok());
        let long = "x".repeat(REPORT_NOTE_MAX_CHARS + 1);
        assert_eq!(
            parse_report("spam", &long, false).unwrap_err().get("note"),
            Some(&ValidationError::TooLong {
                max: REPORT_NOTE_MAX_CHARS
            })
        );
    }

    #[test]
    fn a_decision_of_other_needs_own_words() {
        assert!(parse_decision_reason("offensive", "").is_ok());
        assert_eq!(
            parse_decision_reason("other", "nein")
                .unwrap_err()
                .get("reason"),
            Some(&ValidationError::TooShort {
                min: DECISION_REASON_MIN_CHARS
            })
        );
        assert!(parse_decision_reason("other", "Werbung für ein Produkt").is_ok());
        assert!(parse_decision_reason("", "").is_err());
    }

    #[test]
    fn excerpts_are_one_short_line() {
        assert_eq!(excerpt("Ein\n\nkurzer   Text"), "Ein kurzer Text");
        let long = excerpt(&"Wort ".repeat(100));
        assert!(long.chars().count() <= 120 && long.ends_with('…'));
    }
}
