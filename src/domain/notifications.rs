//! What people hear about, and how: notification kinds, mail delivery choices, the in-app
//! list, and the digest schedule (Europe/Berlin).

use super::stored::{stored_enum, UnknownVariant};
use super::time::berlin_local;
use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

stored_enum! {
    /// Events that notify.
    pub enum NotificationKind("notification kind") {
        /// A comment on an idea you follow.
        CommentOnFollowed = "comment_on_followed",
        /// A reply to your comment.
        ReplyToComment = "reply_to_comment",
        /// A status change or official answer on an idea you follow or support.
        StatusChange = "status_change",
        /// A new idea in a project you follow.
        NewIdeaInProject = "new_idea_in_project",
    }
}

impl NotificationKind {
    /// The settings form's field of this kind's mail choice, `deliveries[<kind>]`: the choices
    /// are posted as (kind, delivery) pairs, so a new kind needs no new endpoint argument.
    pub fn delivery_field(self) -> &'static str {
        static FIELDS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            NotificationKind::ALL
                .iter()
                .map(|kind| format!("deliveries[{}]", kind.as_str()))
                .collect()
        });
        let index = NotificationKind::ALL
            .iter()
            .position(|kind| *kind == self)
            .expect("every kind is in ALL");
        &FIELDS[index]
    }
}

stored_enum! {
    /// How a kind of notification reaches someone by mail (it always appears in the app).
    #[derive(Default)]
    pub enum Delivery("delivery") {
        #[default]
        Immediate = "immediate",
        Daily = "daily",
        Weekly = "weekly",
        Off = "off",
    }
}

/// What an unsubscribe link turns off: the mails of one kind, or one digest (every kind
/// delivered in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnsubscribeScope {
    Kind(NotificationKind),
    Digest(DigestPeriod),
}

impl UnsubscribeScope {
    pub fn as_string(self) -> String {
        match self {
            UnsubscribeScope::Kind(kind) => kind.as_str().to_owned(),
            UnsubscribeScope::Digest(period) => format!("digest_{}", period.as_str()),
        }
    }
}

impl FromStr for UnsubscribeScope {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, UnknownVariant> {
        match s {
            "digest_daily" => Ok(UnsubscribeScope::Digest(DigestPeriod::Daily)),
            "digest_weekly" => Ok(UnsubscribeScope::Digest(DigestPeriod::Weekly)),
            kind => kind.parse().map(UnsubscribeScope::Kind),
        }
    }
}

/// Someone's notification settings, as the preferences page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationSettings {
    pub deliveries: Vec<(NotificationKind, Delivery)>,
    pub follow_on_comment: bool,
    pub follow_on_vote: bool,
}

/// One entry of the in-app list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub kind: NotificationKind,
    pub actor: Option<String>,
    pub idea_id: Option<i64>,
    pub idea_title: Option<String>,
    pub comment_id: Option<i64>,
    pub project_title: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read: bool,
    /// About content that moderation hid: shown as a placeholder, without title or link.
    pub hidden: bool,
}

impl NotificationView {
    /// Where the notification leads: the comment, else the idea.
    pub fn href(&self) -> String {
        match (self.idea_id, self.comment_id) {
            (Some(idea), Some(comment)) => format!("/ideen/{idea}#kommentar-{comment}"),
            (Some(idea), None) => format!("/ideen/{idea}"),
            _ => "/projekte".to_owned(),
        }
    }
}

/// The digest periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DigestPeriod {
    Daily,
    Weekly,
}

impl DigestPeriod {
    pub fn as_str(self) -> &'static str {
        match self {
            DigestPeriod::Daily => "daily",
            DigestPeriod::Weekly => "weekly",
        }
    }

    pub fn delivery(self) -> Delivery {
        match self {
            DigestPeriod::Daily => Delivery::Daily,
            DigestPeriod::Weekly => Delivery::Weekly,
        }
    }
}

/// The period a digest sent at `at` stands for, named by the Berlin date it starts: the day
/// (daily) or the Monday of the week (weekly). Digests are due once the local hour reaches
/// `hour` (and, for weekly ones, on Mondays); `None` while not due. Storing (person, period,
/// start) once makes sending twice for the same period impossible.
pub fn due_period_start(period: DigestPeriod, at: DateTime<Utc>, hour: u32) -> Option<NaiveDate> {
    use chrono::Timelike;
    let local = berlin_local(at);
    if local.hour() < hour {
        return None;
    }
    let date = local.date();
    match period {
        DigestPeriod::Daily => Some(date),
        DigestPeriod::Weekly => (date.weekday() == Weekday::Mon).then_some(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn kinds_and_deliveries_round_trip() {
        for kind in NotificationKind::ALL {
            assert_eq!(kind.as_str().parse(), Ok(kind));
        }
        for delivery in Delivery::ALL {
            assert_eq!(delivery.as_str().parse(), Ok(delivery));
        }
        for scope in [
            UnsubscribeScope::Kind(NotificationKind::ReplyToComment),
            UnsubscribeScope::Digest(DigestPeriod::Weekly),
        ] {
            assert_eq!(scope.as_string().parse(), Ok(scope));
        }
    }

    #[test]
    fn digests_fall_due_at_the_local_hour() {
        // 07:00 in Berlin is 06:00 UTC in winter and 05:00 UTC in summer.
        let winter_day = NaiveDate::from_ymd_opt(2026, 11, 24);
        assert_eq!(
            due_period_start(DigestPeriod::Daily, utc("2026-11-24T05:59:00Z"), 7),
            None
        );
        assert_eq!(
            due_period_start(DigestPeriod::Daily, utc("2026-11-24T06:00:00Z"), 7),
            winter_day
        );
        assert_eq!(
            due_period_start(DigestPeriod::Daily, utc("2026-07-01T05:00:00Z"), 7),
            NaiveDate::from_ymd_opt(2026, 7, 1)
        );
        // Weekly digests go out on Mondays (2026-11-23 is one).
        assert_eq!(
            due_period_start(DigestPeriod::Weekly, utc("2026-11-23T09:00:00Z"), 7),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(
            due_period_start(DigestPeriod::Weekly, utc("2026-11-24T09:00:00Z"), 7),
            None
        );
    }
}
