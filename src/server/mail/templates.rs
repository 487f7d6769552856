//! The account mails and the one layout of every mail: a plain-text and an HTML body, a
//! greeting, an optional button link and a footer that says why the recipient got it. The
//! words live with the interface texts (`i18n::mails`).

use crate::i18n::Locale;

/// A mail ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComposedMail {
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The one-click unsubscribe link (RFC 8058) of notification mails.
    pub unsubscribe_url: Option<String>,
    /// A calendar file sent along (workshop mails).
    pub calendar: Option<CalendarAttachment>,
}

/// An iCalendar file and its iTIP method (`REQUEST` or `CANCEL`), attached to a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarAttachment {
    pub ics: String,
    pub method: &'static str,
}

pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Assembles a mail from a greeting, paragraphs, an optional button link and the footer. An
/// empty `name` greets without one.
pub(super) fn compose(
    kind: &'static str,
    locale: Locale,
    subject: String,
    name: &str,
    paragraphs: &[String],
    action: Option<(&str, &str)>,
    why: &str,
) -> ComposedMail {
    let texts = locale.texts().mails;
    let greeting = if name.is_empty() {
        texts.greeting_without_name.to_owned()
    } else {
        (texts.greeting)(name)
    };
    let signature = texts.signature;
    let mut text = format!("{greeting}\n\n");
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body style=\"font-family:sans-serif;line-height:1.5;color:#1b1b1b;max-width:40rem\">\
         <p>{}</p>",
        locale.code(),
        escape(&subject),
        escape(&greeting)
    );
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    if let Some((label, url)) = action {
        text.push_str(&format!("{label}:\n{url}\n\n"));
        html.push_str(&format!(
            "<p><a href=\"{0}\" style=\"display:inline-block;background:#0b5394;color:#fff;\
             padding:.6rem 1rem;border-radius:6px;text-decoration:none\">{1}</a></p>\
             <p style=\"font-size:.9rem\">{0}</p>",
            escape(url),
            escape(label)
        ));
    }
    text.push_str(&format!("{signature}\n\n-- \n{why}\n"));
    html.push_str(&format!(
        "<p>{}</p><hr><p style=\"font-size:.85rem;color:#4a4a4a\">{}</p></body></html>",
        escape(signature),
        escape(why)
    ));
    ComposedMail {
        kind,
        subject,
        text,
        html,
        unsubscribe_url: None,
        calendar: None,
    }
}

/// To an address nobody has confirmed yet: greets without the name the registrant chose.
pub fn verify_email(locale: Locale, link: &str, valid_hours: i64) -> ComposedMail {
    let m = locale.texts().mails;
    compose(
        "verify_email",
        locale,
        m.verify_subject.to_owned(),
        "",
        &[(m.verify_text)(valid_hours)],
        Some((m.verify_action, link)),
        m.verify_why,
    )
}

pub fn already_registered(locale: Locale, name: &str, reset_link: &str) -> ComposedMail {
    let m = locale.texts().mails;
    compose(
        "already_registered",
        locale,
        m.already_registered_subject.to_owned(),
        name,
        &[m.already_registered_text.to_owned()],
        Some((m.already_registered_action, reset_link)),
        m.already_registered_why,
    )
}

pub fn reset_password(locale: Locale, name: &str, link: &str, valid_hours: i64) -> ComposedMail {
    let m = locale.texts().mails;
    compose(
        "reset_password",
        locale,
        m.reset_subject.to_owned(),
        name,
        &[(m.reset_text)(valid_hours)],
        Some((m.reset_action, link)),
        m.reset_why,
    )
}

/// To the new, not yet confirmed address: greets without the account's name.
pub fn confirm_new_email(locale: Locale, link: &str, valid_hours: i64) -> ComposedMail {
    let m = locale.texts().mails;
    compose(
        "change_email",
        locale,
        m.new_email_subject.to_owned(),
        "",
        &[(m.new_email_text)(valid_hours)],
        Some((m.new_email_action, link)),
        m.new_email_why,
    )
}

/// To the owner of an address someone tried to move another account to.
pub fn address_in_use(locale: Locale, name: &str) -> ComposedMail {
    let m = locale.texts().mails;
    compose(
        "address_in_use",
        locale,
        m.address_in_use_subject.to_owned(),
        name,
        &[m.address_in_use_text.to_owned()],
        None,
        m.address_in_use_why,
    )
}

pub fn email_change_requested(locale: Locale, name: &str, new_email: &str) -> ComposedMail {
    let m = locale.texts().mails;
    compose(
        "email_change_notice",
        locale,
        m.email_change_notice_subject.to_owned(),
        name,
        &[(m.email_change_notice_text)(new_email)],
        None,
        m.email_change_notice_why,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_have_both_bodies_the_link_and_a_footer() {
        let mail = verify_email(
            Locale::De,
            "https://x.example/konto/bestaetigen?token=abc",
            48,
        );
        assert!(mail
            .text
            .contains("https://x.example/konto/bestaetigen?token=abc"));
        assert!(mail
            .html
            .contains("href=\"https://x.example/konto/bestaetigen?token=abc\""));
        assert!(
            mail.text.starts_with("Guten Tag,"),
            "no self-chosen name to an unconfirmed address"
        );
        let notice = email_change_requested(Locale::De, "Anna <b>", "neu@example.org");
        assert!(
            notice.html.contains("Hallo Anna &lt;b&gt;,"),
            "names are escaped"
        );
        assert!(mail.text.contains("registriert wurde"), "footer says why");
        assert!(mail.text.contains("48 Stunden gültig"));
        assert!(reset_password(Locale::En, "Anna", "u", 1)
            .subject
            .contains("Reset"));
    }
}
