//! Email: composing (templates), delivering (SMTP or `.eml` files) and the outbox worker.
//!
//! Nothing sends directly: actions write to the outbox in their own transaction and the
//! worker delivers, so a mail is never lost when the SMTP server is down or the app restarts.

pub mod moderation_mails;
pub mod notification_mails;
pub mod templates;
pub mod worker;
pub mod workshop_mails;

use crate::server::db::outbox::{enqueue_mail, NewMail, OutboxMail};
use crate::server::db::{DbError, Tx};
use anyhow::Context;
use chrono::{DateTime, Utc};
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use templates::ComposedMail;
use tokio::sync::Notify;

/// Where mail goes.
#[derive(Clone)]
pub enum MailTransport {
    /// A real SMTP server (STARTTLS/TLS and authentication as the URL says).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// No SMTP configured: each mail becomes an `.eml` file (development, demo).
    Files(PathBuf),
}

impl MailTransport {
    /// `smtp://…`/`smtps://…` URL when given, else the files folder.
    pub fn from_settings(smtp_url: Option<&str>, mail_dir: PathBuf) -> anyhow::Result<Self> {
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("STADTLABOR_SMTP_URL: not a valid smtp:// or smtps:// URL")?
                    .timeout(Some(Duration::from_secs(20)))
                    .build();
                Ok(MailTransport::Smtp(transport))
            }
            None => Ok(MailTransport::Files(mail_dir)),
        }
    }

    async fn deliver(&self, mail: &OutboxMail, message: Message) -> anyhow::Result<()> {
        match self {
            MailTransport::Smtp(transport) => {
                transport.send(message).await?;
            }
            MailTransport::Files(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let path = dir.join(format!("{:08}-{}.eml", mail.id, mail.kind));
                tokio::fs::write(&path, message.formatted()).await?;
                // The path says which mail; the address stays out of the log (F-18).
                tracing::info!(path = %path.display(), "mail written to a file (no SMTP server configured)");
            }
        }
        Ok(())
    }
}

/// Puts a composed mail into the outbox, inside the transaction of the action causing it.
pub async fn queue(
    tx: &mut Tx,
    user_id: Option<i64>,
    to: &str,
    mail: &ComposedMail,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    queue_about(tx, user_id, to, mail, None, now).await
}

/// [`queue`] for a mail about content (idea, and comment): hiding the content withdraws it
/// while it is unsent.
pub async fn queue_about(
    tx: &mut Tx,
    user_id: Option<i64>,
    to: &str,
    mail: &ComposedMail,
    about: Option<(i64, Option<i64>)>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    enqueue_mail(
        tx,
        &NewMail {
            recipient_user_id: user_id,
            recipient_email: to,
            kind: mail.kind,
            subject: &mail.subject,
            body_text: &mail.text,
            body_html: &mail.html,
            unsubscribe_url: mail.unsubscribe_url.as_deref(),
            about,
            calendar: mail.calendar.as_ref().map(|c| (c.ics.as_str(), c.method)),
        },
        now,
    )
    .await
}

/// Wakes the outbox worker right after a transaction queued mail, instead of waiting for its
/// next poll.
#[derive(Clone, Default)]
pub struct MailSignal(Arc<Notify>);

impl MailSignal {
    pub fn wake(&self) {
        self.0.notify_one();
    }

    pub async fn woken(&self) {
        self.0.notified().await;
    }
}

/// Builds the MIME message (text and HTML alternatives) for a stored mail.
pub fn build_message(from: &Mailbox, mail: &OutboxMail) -> anyhow::Result<Message> {
    let to: Mailbox = mail
        .recipient_email
        .parse()
        .with_context(|| format!("invalid recipient address {}", mail.recipient_email))?;
    let body = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(mail.body_text.clone()),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(mail.body_html.clone()),
        );
    // A stable Message-ID from the outbox row: if a crash comes between the server taking a
    // mail and the outbox marking it sent, the repeat carries the same id and receivers (and
    // people) can recognise it.
    let message_id = format!("<outbox.{}@{}>", mail.id, from.email.domain());
    let mut builder = Message::builder()
        .message_id(Some(message_id))
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone());
    if let Some(url) = &mail.unsubscribe_url {
        // RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click"
        // to the link, which our server honours without a login.
        builder = builder
            .header(ListUnsubscribe(format!("<{url}>")))
            .header(ListUnsubscribePost);
    }
    match (&mail.calendar_ics, &mail.calendar_method) {
        (Some(ics), Some(method)) => {
            // The calendar entry as an attachment that calendar programs recognise as an
            // invitation (or its cancellation) by the iTIP method in its content type.
            let calendar_type =
                ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))?;
            let attachment =
                Attachment::new("workshop.ics".to_owned()).body(ics.clone(), calendar_type);
            Ok(builder.multipart(MultiPart::mixed().multipart(body).singlepart(attachment))?)
        }
        _ => Ok(builder.multipart(body)?),
    }
}

/// The `List-Unsubscribe` header (RFC 2369), holding `<url>`.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// The `List-Unsubscribe-Post: List-Unsubscribe=One-Click` header (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(
            Self::name(),
            "List-Unsubscribe=One-Click".to_owned(),
        )
    }
}
