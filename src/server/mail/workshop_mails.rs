//! The mails about a workshop registration. The words live with the interface texts
//! (`i18n::workshops`); every mail links the workshop page and, while the person holds a
//! place or a waitlist position, the signed link that gives it up without a login.

use super::templates::{compose, CalendarAttachment, ComposedMail};
use crate::domain::workshops::WorkshopFormat;
use crate::i18n::Locale;
use crate::server::db::workshops::WorkshopRow;

/// What happened to the person's registration, or to the workshop.
pub enum WorkshopNews<'a> {
    Registered { places: i64 },
    Waitlisted { position: i64 },
    Promoted,
    Cancelled,
    Changed,
    WorkshopCancelled { message: &'a str },
    Reminder,
}

impl WorkshopNews<'_> {
    fn kind(&self) -> &'static str {
        match self {
            WorkshopNews::Registered { .. } => "workshop_registered",
            WorkshopNews::Waitlisted { .. } => "workshop_waitlisted",
            WorkshopNews::Promoted => "workshop_promoted",
            WorkshopNews::Cancelled => "workshop_registration_cancelled",
            WorkshopNews::Changed => "workshop_changed",
            WorkshopNews::WorkshopCancelled { .. } => "workshop_cancelled",
            WorkshopNews::Reminder => "workshop_reminder",
        }
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
    };
    let mut paragraphs = vec![text];
    if calendar.is_some() {
        paragraphs.push(m.calendar_hint.to_owned());
    }
    paragraphs.push(format!("{}: {}", m.page_link, links.page));
    let action = links.cancel.map(|url| (m.cancel_link, url));
    let mut mail = compose(
        news.kind(),
        locale,
        subject,
        name,
        &paragraphs,
        action,
        m.footer,
    );
    mail.calendar = calendar;
    mail
}
