//! The texts of the account mails, German and English, each with a plain-text and an HTML
//! body and a footer that says why the recipient got it.

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

/// Assembles a mail from a greeting, paragraphs, an optional button link and the footer.
pub(super) fn compose(
    kind: &'static str,
    locale: Locale,
    subject: String,
    name: &str,
    paragraphs: &[String],
    action: Option<(&str, &str)>,
    why: &str,
) -> ComposedMail {
    let (greeting, signature) = match locale {
        Locale::De => (format!("Hallo {name},"), "Ihr Team vom City-Lab SO Digital"),
        Locale::En => (
            format!("Hello {name},"),
            "The team of the city lab SO Digital",
        ),
    };
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

pub fn verify_email(locale: Locale, name: &str, link: &str) -> ComposedMail {
    match locale {
        Locale::De => compose(
            "verify_email",
            locale,
            "Bitte bestätigen Sie Ihre E-Mail-Adresse".into(),
            name,
            &[
                "willkommen bei Stadtlabor, der Beteiligungsplattform der Digitalen Modellregion \
               Kreis Soest. Bitte bestätigen Sie Ihre E-Mail-Adresse, damit Sie Ideen \
               einreichen, kommentieren und unterstützen können. Der Link ist 48 Stunden gültig."
                    .into(),
            ],
            Some(("E-Mail-Adresse bestätigen", link)),
            "Sie erhalten diese E-Mail, weil mit Ihrer Adresse ein Konto bei Stadtlabor \
             registriert wurde. Waren Sie das nicht, können Sie sie einfach ignorieren.",
        ),
        Locale::En => compose(
            "verify_email",
            locale,
            "Please confirm your email address".into(),
            name,
            &[
                "welcome to Stadtlabor, the participation platform of the digital model region \
               Kreis Soest. Please confirm your email address so that you can submit, discuss \
               and support ideas. The link is valid for 48 hours."
                    .into(),
            ],
            Some(("Confirm email address", link)),
            "You receive this email because an account was registered at Stadtlabor with your \
             address. If that was not you, simply ignore it.",
        ),
    }
}

pub fn already_registered(locale: Locale, name: &str, reset_link: &str) -> ComposedMail {
    match locale {
        Locale::De => compose(
            "already_registered",
            locale,
            "Ihr Konto bei Stadtlabor besteht bereits".into(),
            name,
            &[
                "gerade wurde versucht, mit Ihrer E-Mail-Adresse ein neues Konto anzulegen. Sie \
               haben bereits ein Konto und können sich damit anmelden. Falls Sie Ihr Passwort \
               vergessen haben, setzen Sie es hier zurück."
                    .into(),
            ],
            Some(("Passwort zurücksetzen", reset_link)),
            "Sie erhalten diese E-Mail, weil mit Ihrer Adresse eine Registrierung bei \
             Stadtlabor versucht wurde. Waren Sie das nicht, ist nichts weiter zu tun.",
        ),
        Locale::En => compose(
            "already_registered",
            locale,
            "You already have a Stadtlabor account".into(),
            name,
            &[
                "someone just tried to create a new account with your email address. You already \
               have an account and can log in with it. If you forgot your password, reset it \
               here."
                    .into(),
            ],
            Some(("Reset password", reset_link)),
            "You receive this email because a registration at Stadtlabor was attempted with \
             your address. If that was not you, there is nothing to do.",
        ),
    }
}

pub fn reset_password(locale: Locale, name: &str, link: &str) -> ComposedMail {
    match locale {
        Locale::De => compose(
            "reset_password",
            locale,
            "Passwort zurücksetzen".into(),
            name,
            &[
                "Sie haben ein neues Passwort für Ihr Konto bei Stadtlabor angefordert. Der Link \
               ist eine Stunde gültig und kann einmal verwendet werden."
                    .into(),
            ],
            Some(("Neues Passwort festlegen", link)),
            "Sie erhalten diese E-Mail, weil für Ihre Adresse ein neues Passwort angefordert \
             wurde. Waren Sie das nicht, bleibt Ihr Passwort unverändert.",
        ),
        Locale::En => compose(
            "reset_password",
            locale,
            "Reset your password".into(),
            name,
            &[
                "You asked for a new password for your Stadtlabor account. The link is valid for \
               one hour and can be used once."
                    .into(),
            ],
            Some(("Choose a new password", link)),
            "You receive this email because a new password was requested for your address. If \
             that was not you, your password stays unchanged.",
        ),
    }
}

pub fn confirm_new_email(locale: Locale, name: &str, link: &str) -> ComposedMail {
    match locale {
        Locale::De => compose(
            "change_email",
            locale,
            "Bitte bestätigen Sie Ihre neue E-Mail-Adresse".into(),
            name,
            &[
                "Sie möchten die E-Mail-Adresse Ihres Kontos bei Stadtlabor ändern. Bestätigen \
               Sie die neue Adresse mit diesem Link (48 Stunden gültig)."
                    .into(),
            ],
            Some(("Neue Adresse bestätigen", link)),
            "Sie erhalten diese E-Mail, weil diese Adresse für ein Konto bei Stadtlabor \
             angegeben wurde.",
        ),
        Locale::En => compose(
            "change_email",
            locale,
            "Please confirm your new email address".into(),
            name,
            &[
                "You want to change the email address of your Stadtlabor account. Confirm the new \
               address with this link (valid for 48 hours)."
                    .into(),
            ],
            Some(("Confirm new address", link)),
            "You receive this email because this address was entered for a Stadtlabor account.",
        ),
    }
}

pub fn email_change_requested(locale: Locale, name: &str, new_email: &str) -> ComposedMail {
    match locale {
        Locale::De => compose(
            "email_change_notice",
            locale,
            "Änderung Ihrer E-Mail-Adresse angefordert".into(),
            name,
            &[format!(
                "für Ihr Konto bei Stadtlabor wurde die neue E-Mail-Adresse {new_email} \
                 angegeben. Sie wird erst nach Bestätigung aktiv. Waren Sie das nicht, ändern \
                 Sie bitte Ihr Passwort."
            )],
            None,
            "Sie erhalten diese E-Mail zu Ihrer Sicherheit, weil sich die Adresse Ihres Kontos \
             ändern soll.",
        ),
        Locale::En => compose(
            "email_change_notice",
            locale,
            "A change of your email address was requested".into(),
            name,
            &[format!(
                "the new email address {new_email} was entered for your Stadtlabor account. It \
                 becomes active only once confirmed. If that was not you, please change your \
                 password."
            )],
            None,
            "You receive this email for your security, because the address of your account is \
             about to change.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_have_both_bodies_the_link_and_a_footer() {
        let mail = verify_email(
            Locale::De,
            "Anna <b>",
            "https://x.example/konto/bestaetigen?token=abc",
        );
        assert!(mail
            .text
            .contains("https://x.example/konto/bestaetigen?token=abc"));
        assert!(mail
            .html
            .contains("href=\"https://x.example/konto/bestaetigen?token=abc\""));
        assert!(
            mail.html.contains("Hallo Anna &lt;b&gt;,"),
            "names are escaped"
        );
        assert!(mail.text.contains("registriert wurde"), "footer says why");
        assert!(reset_password(Locale::En, "Anna", "u")
            .subject
            .contains("Reset"));
    }
}
