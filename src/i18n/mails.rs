//! The texts of the account and notification mails, German and English, next to the interface
//! texts so a missing translation is a compile error. Facts such as how long a link is valid
//! are passed in from the constants that decide them, never restated as prose. (Workshop and
//! moderation mails have their texts in `workshops` and `moderation`.)

use crate::domain::notifications::{DigestPeriod, NotificationKind};

/// One notification event as its mail tells it (what `server::mail::notification_mails`
/// passes in; names and titles as stored).
pub struct EventWords<'a> {
    pub kind: NotificationKind,
    /// Who did it; `None` for the administration's status changes.
    pub actor: Option<&'a str>,
    pub idea: &'a str,
    pub project: &'a str,
    /// The new status, in the recipient's language (status changes only).
    pub status: &'a str,
    /// The recipient wrote the idea (status changes: "your idea").
    pub own: bool,
}

pub struct MailTexts {
    /// "Hallo Anna,"
    pub greeting: fn(&str) -> String,
    /// For addresses nobody has confirmed yet: no self-chosen name goes out to them (F-15).
    pub greeting_without_name: &'static str,
    pub signature: &'static str,

    pub verify_subject: &'static str,
    /// How many hours the link is valid.
    pub verify_text: fn(i64) -> String,
    pub verify_action: &'static str,
    pub verify_why: &'static str,
    pub already_registered_subject: &'static str,
    pub already_registered_text: &'static str,
    pub already_registered_action: &'static str,
    pub already_registered_why: &'static str,
    pub reset_subject: &'static str,
    /// How many hours the link is valid.
    pub reset_text: fn(i64) -> String,
    pub reset_action: &'static str,
    pub reset_why: &'static str,
    pub new_email_subject: &'static str,
    /// How many hours the link is valid.
    pub new_email_text: fn(i64) -> String,
    pub new_email_action: &'static str,
    pub new_email_why: &'static str,
    pub email_change_notice_subject: &'static str,
    /// The new address.
    pub email_change_notice_text: fn(&str) -> String,
    pub email_change_notice_why: &'static str,
    pub address_in_use_subject: &'static str,
    pub address_in_use_text: &'static str,
    pub address_in_use_why: &'static str,

    /// The line that tells one event (also a digest's bullet).
    pub event_summary: fn(&EventWords<'_>) -> String,
    pub event_subject: fn(&EventWords<'_>) -> String,
    pub event_action: &'static str,
    /// Why a mail of this kind came.
    pub event_why: fn(NotificationKind) -> &'static str,
    /// The footer of every notification mail: the reason, the one-click unsubscribe link,
    /// the settings link.
    pub unsubscribe_footer: fn(&str, &str, &str) -> String,
    /// The digest's subject: period and number of updates.
    pub digest_subject: fn(DigestPeriod, usize) -> String,
    pub digest_intro: &'static str,
    pub digest_why: &'static str,
}

fn hours_de(hours: i64) -> String {
    if hours == 1 {
        "eine Stunde".to_owned()
    } else {
        format!("{hours} Stunden")
    }
}

fn hours_en(hours: i64) -> String {
    if hours == 1 {
        "one hour".to_owned()
    } else {
        format!("{hours} hours")
    }
}

pub const DE: MailTexts = MailTexts {
    greeting: |name| format!("Hallo {name},"),
    greeting_without_name: "Guten Tag,",
    signature: "Ihr Team vom City-Lab SO Digital",

    verify_subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
    verify_text: |hours| format!("willkommen bei Stadtlabor, der Beteiligungsplattform der Digitalen Modellregion Kreis Soest. Bitte bestätigen Sie Ihre E-Mail-Adresse, damit Sie Ideen einreichen, kommentieren und unterstützen können. Der Link ist {} gültig.", hours_de(hours)),
    verify_action: "E-Mail-Adresse bestätigen",
    verify_why: "Sie erhalten diese E-Mail, weil mit Ihrer Adresse ein Konto bei Stadtlabor registriert wurde. Waren Sie das nicht, können Sie sie einfach ignorieren.",
    already_registered_subject: "Ihr Konto bei Stadtlabor besteht bereits",
    already_registered_text: "gerade wurde versucht, mit Ihrer E-Mail-Adresse ein neues Konto anzulegen. Sie haben bereits ein Konto und können sich damit anmelden. Falls Sie Ihr Passwort vergessen haben, setzen Sie es hier zurück.",
    already_registered_action: "Passwort zurücksetzen",
    already_registered_why: "Sie erhalten diese E-Mail, weil mit Ihrer Adresse eine Registrierung bei Stadtlabor versucht wurde. Waren Sie das nicht, ist nichts weiter zu tun.",
    reset_subject: "Passwort zurücksetzen",
    reset_text: |hours| format!("Sie haben ein neues Passwort für Ihr Konto bei Stadtlabor angefordert. Der Link ist {} gültig und kann einmal verwendet werden.", hours_de(hours)),
    reset_action: "Neues Passwort festlegen",
    reset_why: "Sie erhalten diese E-Mail, weil für Ihre Adresse ein neues Passwort angefordert wurde. Waren Sie das nicht, bleibt Ihr Passwort unverändert.",
    new_email_subject: "Bitte bestätigen Sie Ihre neue E-Mail-Adresse",
    new_email_text: |hours| format!("Sie möchten die E-Mail-Adresse Ihres Kontos bei Stadtlabor ändern. Bestätigen Sie die neue Adresse mit diesem Link ({} gültig).", hours_de(hours)),
    new_email_action: "Neue Adresse bestätigen",
    new_email_why: "Sie erhalten diese E-Mail, weil diese Adresse für ein Konto bei Stadtlabor angegeben wurde.",
    email_change_notice_subject: "Änderung Ihrer E-Mail-Adresse angefordert",
    email_change_notice_text: |new_email| format!("für Ihr Konto bei Stadtlabor wurde die neue E-Mail-Adresse {new_email} angegeben. Sie wird erst nach Bestätigung aktiv. Waren Sie das nicht, ändern Sie bitte Ihr Passwort."),
    email_change_notice_why: "Sie erhalten diese E-Mail zu Ihrer Sicherheit, weil sich die Adresse Ihres Kontos ändern soll.",
    address_in_use_subject: "Ihre E-Mail-Adresse wurde für ein anderes Konto angegeben",
    address_in_use_text: "jemand hat versucht, ein anderes Konto bei Stadtlabor auf Ihre E-Mail-Adresse umzustellen. Ihr Konto bleibt, wie es ist; Sie müssen nichts tun.",
    address_in_use_why: "Sie erhalten diese E-Mail zu Ihrer Sicherheit, weil Ihre Adresse bei Stadtlabor für ein anderes Konto angegeben wurde.",

    event_summary: |e| {
        let actor = e.actor.unwrap_or("Jemand");
        let (idea, project, status) = (e.idea, e.project, e.status);
        match e.kind {
            NotificationKind::CommentOnFollowed => format!("{actor} hat die Idee „{idea}“ kommentiert."),
            NotificationKind::ReplyToComment => format!("{actor} hat auf Ihren Kommentar zur Idee „{idea}“ geantwortet."),
            NotificationKind::StatusChange if e.own => format!("Die Verwaltung hat Ihre Idee „{idea}“ bearbeitet. Neuer Status: {status}."),
            NotificationKind::StatusChange => format!("Die Idee „{idea}“ hat einen neuen Status: {status}."),
            NotificationKind::NewIdeaInProject => format!("{actor} hat im Projekt „{project}“ die Idee „{idea}“ eingereicht."),
        }
    },
    event_subject: |e| {
        let (idea, project, status) = (e.idea, e.project, e.status);
        match e.kind {
            NotificationKind::CommentOnFollowed => format!("Neuer Kommentar zu „{idea}“"),
            NotificationKind::ReplyToComment => format!("Antwort auf Ihren Kommentar zu „{idea}“"),
            NotificationKind::StatusChange if e.own => format!("Ihre Idee „{idea}“: {status}"),
            NotificationKind::StatusChange => format!("„{idea}“: {status}"),
            NotificationKind::NewIdeaInProject => format!("Neue Idee im Projekt „{project}“"),
        }
    },
    event_action: "Ansehen",
    event_why: |kind| match kind {
        NotificationKind::CommentOnFollowed => "Sie erhalten diese E-Mail, weil Sie dieser Idee folgen.",
        NotificationKind::ReplyToComment => "Sie erhalten diese E-Mail, weil jemand auf Ihren Kommentar geantwortet hat.",
        NotificationKind::StatusChange => "Sie erhalten diese E-Mail, weil Sie diese Idee eingereicht, unterstützt oder ihr gefolgt sind.",
        NotificationKind::NewIdeaInProject => "Sie erhalten diese E-Mail, weil Sie diesem Projekt folgen.",
    },
    unsubscribe_footer: |reason, unsubscribe, settings| format!("{reason} Mit einem Klick abbestellen: {unsubscribe} – alle Einstellungen: {settings}"),
    digest_subject: |period, count| {
        let count = if count == 1 { "1 Neuigkeit".to_owned() } else { format!("{count} Neuigkeiten") };
        match period {
            DigestPeriod::Daily => format!("Ihre tägliche Zusammenfassung: {count}"),
            DigestPeriod::Weekly => format!("Ihre wöchentliche Zusammenfassung: {count}"),
        }
    },
    digest_intro: "das ist seit der letzten Zusammenfassung passiert:",
    digest_why: "Sie erhalten diese Zusammenfassung, weil Sie sie in Ihren Einstellungen gewählt haben.",
};

pub const EN: MailTexts = MailTexts {
    greeting: |name| format!("Hello {name},"),
    greeting_without_name: "Hello,",
    signature: "The team of the city lab SO Digital",

    verify_subject: "Please confirm your email address",
    verify_text: |hours| format!("welcome to Stadtlabor, the participation platform of the digital model region Kreis Soest. Please confirm your email address so that you can submit, discuss and support ideas. The link is valid for {}.", hours_en(hours)),
    verify_action: "Confirm email address",
    verify_why: "You receive this email because an account was registered at Stadtlabor with your address. If that was not you, simply ignore it.",
    already_registered_subject: "You already have a Stadtlabor account",
    already_registered_text: "someone just tried to create a new account with your email address. You already have an account and can log in with it. If you forgot your password, reset it here.",
    already_registered_action: "Reset password",
    already_registered_why: "You receive this email because a registration at Stadtlabor was attempted with your address. If that was not you, there is nothing to do.",
    reset_subject: "Reset your password",
    reset_text: |hours| format!("You asked for a new password for your Stadtlabor account. The link is valid for {} and can be used once.", hours_en(hours)),
    reset_action: "Choose a new password",
    reset_why: "You receive this email because a new password was requested for your address. If that was not you, your password stays unchanged.",
    new_email_subject: "Please confirm your new email address",
    new_email_text: |hours| format!("You want to change the email address of your Stadtlabor account. Confirm the new address with this link (valid for {}).", hours_en(hours)),
    new_email_action: "Confirm new address",
    new_email_why: "You receive this email because this address was entered for a Stadtlabor account.",
    email_change_notice_subject: "A change of your email address was requested",
    email_change_notice_text: |new_email| format!("the new email address {new_email} was entered for your Stadtlabor account. It becomes active only once confirmed. If that was not you, please change your password."),
    email_change_notice_why: "You receive this email for your security, because the address of your account is about to change.",
    address_in_use_subject: "Your email address was entered for another account",
    address_in_use_text: "someone tried to move another Stadtlabor account to your email address. Your account stays as it is; there is nothing to do.",
    address_in_use_why: "You receive this email for your security, because your address was entered for another Stadtlabor account.",

    event_summary: |e| {
        let actor = e.actor.unwrap_or("Someone");
        let (idea, project, status) = (e.idea, e.project, e.status);
        match e.kind {
            NotificationKind::CommentOnFollowed => format!("{actor} commented on the idea “{idea}”."),
            NotificationKind::ReplyToComment => format!("{actor} replied to your comment on the idea “{idea}”."),
            NotificationKind::StatusChange if e.own => format!("The administration has dealt with your idea “{idea}”. New status: {status}."),
            NotificationKind::StatusChange => format!("The idea “{idea}” has a new status: {status}."),
            NotificationKind::NewIdeaInProject => format!("{actor} submitted the idea “{idea}” in the project “{project}”."),
        }
    },
    event_subject: |e| {
        let (idea, project, status) = (e.idea, e.project, e.status);
        match e.kind {
            NotificationKind::CommentOnFollowed => format!("New comment on “{idea}”"),
            NotificationKind::ReplyToComment => format!("Reply to your comment on “{idea}”"),
            NotificationKind::StatusChange if e.own => format!("Your idea “{idea}”: {status}"),
            NotificationKind::StatusChange => format!("“{idea}”: {status}"),
            NotificationKind::NewIdeaInProject => format!("New idea in the project “{project}”"),
        }
    },
    event_action: "View",
    event_why: |kind| match kind {
        NotificationKind::CommentOnFollowed => "You receive this email because you follow this idea.",
        NotificationKind::ReplyToComment => "You receive this email because someone replied to your comment.",
        NotificationKind::StatusChange => "You receive this email because you submitted, supported or followed this idea.",
        NotificationKind::NewIdeaInProject => "You receive this email because you follow this project.",
    },
    unsubscribe_footer: |reason, unsubscribe, settings| format!("{reason} Unsubscribe with one click: {unsubscribe} – all settings: {settings}"),
    digest_subject: |period, count| {
        let count = if count == 1 { "1 update".to_owned() } else { format!("{count} updates") };
        match period {
            DigestPeriod::Daily => format!("Your daily summary: {count}"),
            DigestPeriod::Weekly => format!("Your weekly summary: {count}"),
        }
    },
    digest_intro: "this is what happened since the last summary:",
    digest_why: "You receive this summary because you chose it in your settings.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_is_said_from_the_number_of_hours() {
        assert!((DE.reset_text)(1).contains("eine Stunde gültig"));
        assert!((DE.verify_text)(48).contains("48 Stunden gültig"));
        assert!((EN.new_email_text)(48).contains("valid for 48 hours"));
        assert!((EN.reset_text)(1).contains("valid for one hour"));
    }
}
