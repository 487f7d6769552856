//! Notification mails (one event, or a digest of several), each with a one-click unsubscribe
//! link for its kind. The words live with the interface texts (`i18n::mails`).

use super::templates::{compose, ComposedMail};
use crate::domain::notifications::{DigestPeriod, NotificationKind};
use crate::i18n::mails::EventWords;
use crate::i18n::Locale;

/// One event, as its mail tells it.
pub struct EventText<'a> {
    pub kind: NotificationKind,
    /// Who did it (with the verified organisation); `None` for the administration's status changes.
    pub actor: Option<&'a str>,
    pub idea_title: &'a str,
    pub project_title: Option<&'a str>,
    /// The new status, in the recipient's language (status changes only).
    pub status: Option<&'a str>,
    /// The recipient wrote the idea (status changes: "your idea").
    pub recipient_is_author: bool,
}

impl EventText<'_> {
    fn words(&self) -> EventWords<'_> {
        EventWords {
            kind: self.kind,
            actor: self.actor,
            idea: self.idea_title,
            project: self.project_title.unwrap_or_default(),
            status: self.status.unwrap_or_default(),
            own: self.recipient_is_author,
        }
    }
}

/// The mail for one event, sent right away.
pub fn event_mail(
    locale: Locale,
    name: &str,
    event: &EventText<'_>,
    link: &str,
    unsubscribe_url: &str,
    settings_url: &str,
) -> ComposedMail {
    let m = locale.texts().mails;
    let words = event.words();
    let why = (m.event_why)(event.kind);
    let mut mail = compose(
        event.kind.as_str(),
        locale,
        (m.event_subject)(&words),
        name,
        &[(m.event_summary)(&words)],
        Some((m.event_action, link)),
        &(m.unsubscribe_footer)(why, unsubscribe_url, settings_url),
    );
    mail.unsubscribe_url = Some(unsubscribe_url.to_owned());
    mail
}

/// One mail with everything since the last digest: a line and a link per event. The
/// unsubscribe link stops the digest's first kind; the settings link covers the rest.
pub fn digest_mail(
    locale: Locale,
    name: &str,
    period: DigestPeriod,
    events: &[(EventText<'_>, String)],
    unsubscribe_url: &str,
    settings_url: &str,
) -> ComposedMail {
    let m = locale.texts().mails;
    let subject = (m.digest_subject)(period, events.len());
    let mut paragraphs = vec![m.digest_intro.to_owned()];
    paragraphs.extend(
        events
            .iter()
            .map(|(event, link)| format!("• {} {link}", (m.event_summary)(&event.words()))),
    );
    let reason = (m.unsubscribe_footer)(m.digest_why, unsubscribe_url, settings_url);
    let mut mail = compose("digest", locale, subject, name, &paragraphs, None, &reason);
    mail.unsubscribe_url = Some(unsubscribe_url.to_owned());
    mail
}
