//! The texts of notification mails (one event, or a digest of several), German and English,
//! each with a one-click unsubscribe link for its kind.

use super::templates::{compose, ComposedMail};
use crate::domain::notifications::{DigestPeriod, NotificationKind};
use crate::i18n::Locale;

/// One event, as its mail tells it.
pub struct EventText<'a> {
    pub kind: NotificationKind,
    /// Who did it (name or organisation); `None` for the administration's status changes.
    pub actor: Option<&'a str>,
    pub idea_title: &'a str,
    pub project_title: Option<&'a str>,
    /// The new status, in the recipient's language (status changes only).
    pub status: Option<&'a str>,
    /// The recipient wrote the idea (status changes: "your idea").
    pub recipient_is_author: bool,
}

fn summary(locale: Locale, e: &EventText<'_>) -> String {
    let actor = e.actor.unwrap_or(match locale {
        Locale::De => "Jemand",
        Locale::En => "Someone",
    });
    let idea = e.idea_title;
    let status = e.status.unwrap_or_default();
    let project = e.project_title.unwrap_or_default();
    match (locale, e.kind) {
        (Locale::De, NotificationKind::CommentOnFollowed) => {
            format!("{actor} hat die Idee „{idea}“ kommentiert.")
        }
        (Locale::De, NotificationKind::ReplyToComment) => {
            format!("{actor} hat auf Ihren Kommentar zur Idee „{idea}“ geantwortet.")
        }
        (Locale::De, NotificationKind::StatusChange) if e.recipient_is_author => {
            format!("Die Verwaltung hat Ihre Idee „{idea}“ bearbeitet. Neuer Status: {status}.")
        }
        (Locale::De, NotificationKind::StatusChange) => {
            format!("Die Idee „{idea}“ hat einen neuen Status: {status}.")
        }
        (Locale::De, NotificationKind::NewIdeaInProject) => {
            format!("{actor} hat im Projekt „{project}“ die Idee „{idea}“ eingereicht.")
        }
        (Locale::En, NotificationKind::CommentOnFollowed) => {
            format!("{actor} commented on the idea “{idea}”.")
        }
        (Locale::En, NotificationKind::ReplyToComment) => {
            format!("{actor} replied to your comment on the idea “{idea}”.")
        }
        (Locale::En, NotificationKind::StatusChange) if e.recipient_is_author => {
            format!("The administration has dealt with your idea “{idea}”. New status: {status}.")
        }
        (Locale::En, NotificationKind::StatusChange) => {
            format!("The idea “{idea}” has a new status: {status}.")
        }
        (Locale::En, NotificationKind::NewIdeaInProject) => {
            format!("{actor} submitted the idea “{idea}” in the project “{project}”.")
        }
    }
}

fn subject(locale: Locale, e: &EventText<'_>) -> String {
    let idea = e.idea_title;
    let status = e.status.unwrap_or_default();
    match (locale, e.kind) {
        (Locale::De, NotificationKind::CommentOnFollowed) => {
            format!("Neuer Kommentar zu „{idea}“")
        }
        (Locale::De, NotificationKind::ReplyToComment) => {
            format!("Antwort auf Ihren Kommentar zu „{idea}“")
        }
        (Locale::De, NotificationKind::StatusChange) if e.recipient_is_author => {
            format!("Ihre Idee „{idea}“: {status}")
        }
        (Locale::De, NotificationKind::StatusChange) => format!("„{idea}“: {status}"),
        (Locale::De, NotificationKind::NewIdeaInProject) => format!(
            "Neue Idee im Projekt „{}“",
            e.project_title.unwrap_or_default()
        ),
        (Locale::En, NotificationKind::CommentOnFollowed) => {
            format!("New comment on “{idea}”")
        }
        (Locale::En, NotificationKind::ReplyToComment) => {
            format!("Reply to your comment on “{idea}”")
        }
        (Locale::En, NotificationKind::StatusChange) if e.recipient_is_author => {
            format!("Your idea “{idea}”: {status}")
        }
        (Locale::En, NotificationKind::StatusChange) => format!("“{idea}”: {status}"),
        (Locale::En, NotificationKind::NewIdeaInProject) => format!(
            "New idea in the project “{}”",
            e.project_title.unwrap_or_default()
        ),
    }
}

/// Why the mail came and how to stop it (the footer).
fn why(locale: Locale, kind: NotificationKind, unsubscribe: &str, settings: &str) -> String {
    let reason = match (locale, kind) {
        (Locale::De, NotificationKind::CommentOnFollowed) => {
            "Sie erhalten diese E-Mail, weil Sie dieser Idee folgen."
        }
        (Locale::De, NotificationKind::ReplyToComment) => {
            "Sie erhalten diese E-Mail, weil jemand auf Ihren Kommentar geantwortet hat."
        }
        (Locale::De, NotificationKind::StatusChange) => {
            "Sie erhalten diese E-Mail, weil Sie diese Idee eingereicht, unterstützt oder ihr \
             gefolgt sind."
        }
        (Locale::De, NotificationKind::NewIdeaInProject) => {
            "Sie erhalten diese E-Mail, weil Sie diesem Projekt folgen."
        }
        (Locale::En, NotificationKind::CommentOnFollowed) => {
            "You receive this email because you follow this idea."
        }
        (Locale::En, NotificationKind::ReplyToComment) => {
            "You receive this email because someone replied to your comment."
        }
        (Locale::En, NotificationKind::StatusChange) => {
            "You receive this email because you submitted, supported or followed this idea."
        }
        (Locale::En, NotificationKind::NewIdeaInProject) => {
            "You receive this email because you follow this project."
        }
    };
    match locale {
        Locale::De => format!(
            "{reason} Mit einem Klick abbestellen: {unsubscribe} – alle Einstellungen: {settings}"
        ),
        Locale::En => {
            format!("{reason} Unsubscribe with one click: {unsubscribe} – all settings: {settings}")
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
    let label = match locale {
        Locale::De => "Ansehen",
        Locale::En => "View",
    };
    let mut mail = compose(
        event.kind.as_str(),
        locale,
        subject(locale, event),
        name,
        &[summary(locale, event)],
        Some((label, link)),
        &why(locale, event.kind, unsubscribe_url, settings_url),
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
    let count = match (locale, events.len()) {
        (Locale::De, 1) => "1 Neuigkeit".to_owned(),
        (Locale::De, n) => format!("{n} Neuigkeiten"),
        (Locale::En, 1) => "1 update".to_owned(),
        (Locale::En, n) => format!("{n} updates"),
    };
    let subject = match (locale, period) {
        (Locale::De, DigestPeriod::Daily) => format!("Ihre tägliche Zusammenfassung: {count}"),
        (Locale::De, DigestPeriod::Weekly) => format!("Ihre wöchentliche Zusammenfassung: {count}"),
        (Locale::En, DigestPeriod::Daily) => format!("Your daily summary: {count}"),
        (Locale::En, DigestPeriod::Weekly) => format!("Your weekly summary: {count}"),
    };
    let intro = match locale {
        Locale::De => "das ist seit der letzten Zusammenfassung passiert:".to_owned(),
        Locale::En => "this is what happened since the last summary:".to_owned(),
    };
    let mut paragraphs = vec![intro];
    paragraphs.extend(
        events
            .iter()
            .map(|(event, link)| format!("• {} {link}", summary(locale, event))),
    );
    let reason = match locale {
        Locale::De => format!(
            "Sie erhalten diese Zusammenfassung, weil Sie sie in Ihren Einstellungen gewählt \
             haben. Mit einem Klick abbestellen: {unsubscribe_url} – alle Einstellungen: \
             {settings_url}"
        ),
        Locale::En => format!(
            "You receive this summary because you chose it in your settings. Unsubscribe with \
             one click: {unsubscribe_url} – all settings: {settings_url}"
        ),
    };
    let mut mail = compose("digest", locale, subject, name, &paragraphs, None, &reason);
    mail.unsubscribe_url = Some(unsubscribe_url.to_owned());
    mail
}
