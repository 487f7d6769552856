//! The mails about a workshop registration. The words live with the interface texts
//! (`i18n::workshops`); every mail links the workshop page and, while the person holds a
//! place or a waitlist position, the signed link that gives it up without a login.

use super::templates::{compose, CalendarAttachment, ComposedMail};
use crate::domain::workshops::WorkshopFormat;
use crate::i18n::Locale;
use crate::server::db::workshops::WorkshopRow;
use chrono::{DateTime, Utc};

/// What happened to the person's registration, or to the workshop.
pub enum WorkshopNews<'a> {
    Registered {
        places: i64,
    },
    Waitlisted {
        position: i64,
    },
    Promoted,
    /// Claim mode: a place is held for the person until `until`.
    Offered {
        until: DateTime<Utc>,
    },
    /// The held place was not confirmed in time and went on.
    OfferExpired,
    /// Staff removed the registration, with their message (may be empty).
    Removed {
        message: &'a str,
    },
    Cancelled,
    Changed,
    WorkshopCancelled {
        message: &'a str,
    },
    Reminder,
    /// Staff's words to everyone registered.
    Message {
        text: &'a str,
    },
    /// To the organiser: this share of the places is taken.
    PlacesTaken {
        percent: i64,
    },
    /// To the organiser: places are free shortly before the start and people wait, but nobody
    /// is promoted automatically any more.
    NoAutomaticPromotion {
        free: i64,
        waiting: i64,
    },
}

impl WorkshopNews<'_> {
    fn kind(&self) -> &'static str {
        match self {
            WorkshopNews::Registered { .. } => "workshop_registered",
            WorkshopNews::Waitlisted { .. } => "workshop_waitlisted",
            WorkshopNews::Promoted => "workshop_promoted",
            WorkshopNews::Offered { .. } => "workshop_offered",
            WorkshopNews::OfferExpired => "workshop_offer_expired",
            WorkshopNews::Removed { .. } => "workshop_registration_removed",
            WorkshopNews::Cancelled => "workshop_registration_cancelled",
            WorkshopNews::Changed => "workshop_changed",
            WorkshopNews::WorkshopCancelled { .. } => "workshop_cancelled",
            WorkshopNews::Reminder => "workshop_reminder",
            WorkshopNews::Message { .. } => "workshop_message",
            WorkshopNews::PlacesTaken { .. } => "workshop_places_taken",
            WorkshopNews::NoAutomaticPromotion { .. } => "workshop_no_promotion",
        }
    }

    /// Mails to the organiser, not to a participant.
    fn for_staff(&self) -> bool {
        matches!(
            self,
            WorkshopNews::PlacesTaken { .. } | WorkshopNews::NoAutomaticPromotion { .. }
        )
    }
}

/// Where the workshop takes place, for a mail (never the online link: mails get forwarded).
pub fn place_text(locale: Locale, workshop: &WorkshopRow) -> String {
    let texts = locale.texts().workshops;
    match workshop.format {
        WorkshopFormat::InPerson => workshop.location.clone(),
        WorkshopFormat::Online => (texts.format)(WorkshopFormat::Online).to_owned(),
        WorkshopFormat::Hybrid => format!(
            "{} / {}",
            workshop.location,
            (texts.format)(WorkshopFormat::Online)
        ),
    }
}

pub struct Links<'a> {
    pub page: &'a str,
    /// The signed "give up my place" link, while the person holds one.
    pub cancel: Option<&'a str>,
}

pub fn workshop_mail(
    locale: Locale,
    name: &str,
    workshop: &WorkshopRow,
    news: &WorkshopNews<'_>,
    links: &Links<'_>,
    calendar: Option<CalendarAttachment>,
) -> ComposedMail {
    let texts = locale.texts().workshops;
    let m = &texts.mail;
    let title = workshop.title.as_str();
    let when = (texts.when)(workshop.starts_at, workshop.ends_at);
    let place = place_text(locale, workshop);
    let (subject, text) = match news {
        WorkshopNews::Registered { places } => (
            (m.registered_subject)(title),
            (m.registered_text)(title, &when, *places),
        ),
        WorkshopNews::Waitlisted { position } => (
            (m.waitlisted_subject)(title),
            (m.waitlisted_text)(title, &when, *position),
        ),
        WorkshopNews::Promoted => ((m.promoted_subject)(title), (m.promoted_text)(title, &when)),
        WorkshopNews::Offered { until } => (
            (m.offered_subject)(title),
            (m.offered_text)(title, &when, &(texts.at)(*until)),
        ),
        WorkshopNews::OfferExpired => (
            (m.offer_expired_subject)(title),
            (m.offer_expired_text)(title),
        ),
        WorkshopNews::Removed { message } => {
            ((m.removed_subject)(title), (m.removed_text)(title, message))
        }
        WorkshopNews::Cancelled => ((m.cancelled_subject)(title), (m.cancelled_text)(title)),
        WorkshopNews::Changed => (
            (m.changed_subject)(title),
            (m.changed_text)(title, &when, &place),
        ),
        WorkshopNews::WorkshopCancelled { message } => (
            (m.workshop_cancelled_subject)(title),
            (m.workshop_cancelled_text)(title, message),
        ),
        WorkshopNews::Reminder => (
            (m.reminder_subject)(title),
            (m.reminder_text)(title, &when, &place),
        ),
        WorkshopNews::Message { text } => (
            (m.message_subject)(title),
            format!("{}\n\n{text}", (m.message_intro)(title, &when)),
        ),
        WorkshopNews::PlacesTaken { percent } => (
            (m.places_taken_subject)(title, *percent),
            (m.places_taken_text)(title, &when, workshop.places_taken, workshop.capacity),
        ),
        WorkshopNews::NoAutomaticPromotion { free, waiting } => (
            (m.no_promotion_subject)(title),
            (m.no_promotion_text)(title, *free, *waiting),
        ),
    };
    let mut paragraphs = vec![text];
    if calendar.is_some() {
        paragraphs.push(m.calendar_hint.to_owned());
    }
    paragraphs.push(format!("{}: {}", m.page_link, links.page));
    // The link page of an offer confirms the place (or gives it up).
    let label = match news {
        WorkshopNews::Offered { .. } => m.offer_link,
        _ => m.cancel_link,
    };
    let action = links.cancel.map(|url| (label, url));
    let footer = if news.for_staff() {
        m.staff_footer
    } else {
        m.footer
    };
    let mut mail = compose(
        news.kind(),
        locale,
        subject,
        name,
        &paragraphs,
        action,
        footer,
    );
    mail.calendar = calendar;
    mail
}
