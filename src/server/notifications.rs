//! Telling people what happened: the fan-out of an event to in-app notifications and
//! immediate mails (in the transaction of the event), digests, and one-click unsubscribe.

use crate::domain::ideas::IdeaStatus;
use crate::domain::notifications::{
    due_period_start, Delivery, DigestPeriod, NotificationKind, NotificationView, UnsubscribeScope,
};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::db::notifications::{self as store, Audience, Recipient, Subject};
use crate::server::db::users::UserRow;
use crate::server::db::{DbError, Tx};
use crate::server::mail;
use crate::server::mail::notification_mails::{digest_mail, event_mail, EventText};
use crate::server::state::AppState;
use chrono::{DateTime, Utc};

/// Something that happened, as far as notifications care.
pub enum Event<'a> {
    /// A comment on an idea; `replied_to` is the author of the comment it answers.
    Comment {
        idea_id: i64,
        idea_title: &'a str,
        comment_id: i64,
        replied_to: Option<i64>,
    },
    /// Staff set a status (with an official answer).
    StatusChange {
        idea_id: i64,
        idea_title: &'a str,
        author_id: i64,
        status: IdeaStatus,
    },
    /// A new idea in a project.
    NewIdea {
        idea_id: i64,
        idea_title: &'a str,
        project_id: i64,
        project_title: &'a str,
    },
}

/// One group of recipients of an event.
struct Group {
    audience: Audience,
    kind: NotificationKind,
    subject: Subject,
    /// Besides the actor, who must not get this one (told by an earlier group).
    also_excluded: Option<i64>,
    link_path: String,
}

fn groups(actor: &UserRow, event: &Event<'_>) -> Vec<Group> {
    match *event {
        Event::Comment {
            idea_id,
            comment_id,
            replied_to,
            ..
        } => {
            let subject = Subject {
                actor_id: Some(actor.id),
                idea_id: Some(idea_id),
                comment_id: Some(comment_id),
                project_id: None,
            };
            let link_path = format!("/ideen/{idea_id}#kommentar-{comment_id}");
            let mut groups = Vec::new();
            if let Some(parent_author) = replied_to {
                groups.push(Group {
                    audience: Audience::Person(parent_author),
                    kind: NotificationKind::ReplyToComment,
                    subject,
                    also_excluded: None,
                    link_path: link_path.clone(),
                });
            }
            groups.push(Group {
                audience: Audience::IdeaFollowers(idea_id),
                kind: NotificationKind::CommentOnFollowed,
                subject,
                also_excluded: replied_to,
                link_path,
            });
            groups
        }
        Event::StatusChange { idea_id, .. } => vec![Group {
            audience: Audience::IdeaFollowersSupportersAndAuthor(idea_id),
            kind: NotificationKind::StatusChange,
            subject: Subject {
                actor_id: Some(actor.id),
                idea_id: Some(idea_id),
                ..Subject::default()
            },
            also_excluded: None,
            link_path: format!("/ideen/{idea_id}"),
        }],
        Event::NewIdea {
            idea_id,
            project_id,
            ..
        } => vec![Group {
            audience: Audience::ProjectFollowers(project_id),
            kind: NotificationKind::NewIdeaInProject,
            subject: Subject {
                actor_id: Some(actor.id),
                idea_id: Some(idea_id),
                project_id: Some(project_id),
                comment_id: None,
            },
            also_excluded: None,
            link_path: format!("/ideen/{idea_id}"),
        }],
    }
}

/// Notifies everyone concerned by `event` except `actor`: an in-app notification each, and
/// a mail in the outbox for those who want it immediately. Runs inside the event's
/// transaction, so both happen exactly when the event does. Returns whether mail was queued.
pub async fn notify(
    state: &AppState,
    tx: &mut Tx,
    actor: &UserRow,
    event: &Event<'_>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let mut queued = false;
    let actor_name = actor.shown_name();
    for group in groups(actor, event) {
        let excluded = [actor.id, group.also_excluded.unwrap_or(actor.id)];
        let recipients = store::recipients(tx, group.audience, group.kind, &excluded).await?;
        for recipient in recipients {
            let delivery = recipient.delivery();
            if delivery == Delivery::Immediate {
                let locale = Locale::from_code(&recipient.locale).unwrap_or_default();
                let status = match event {
                    Event::StatusChange { status, .. } => Some(locale.texts().idea_status(*status)),
                    _ => None,
                };
                let text = event_text(&actor_name, event, group.kind, status, &recipient);
                let mail = event_mail(
                    locale,
                    &recipient.display_name,
                    &text,
                    &state.settings.link(&group.link_path),
                    &unsubscribe_url(state, recipient.id, UnsubscribeScope::Kind(group.kind), now),
                    &state.settings.link("/konto/benachrichtigungen"),
                );
                let about = group
                    .subject
                    .idea_id
                    .map(|idea| (idea, group.subject.comment_id));
                mail::queue_about(tx, Some(recipient.id), &recipient.email, &mail, about, now)
                    .await?;
                queued = true;
            }
            // Mailed now, or no mail wanted: either way no digest picks it up.
            let settled = matches!(delivery, Delivery::Immediate | Delivery::Off);
            store::insert_notification(tx, recipient.id, group.kind, &group.subject, settled, now)
                .await?;
        }
    }
    Ok(queued)
}

fn event_text<'a>(
    actor_name: &'a str,
    event: &'a Event<'a>,
    kind: NotificationKind,
    status: Option<&'a str>,
    recipient: &Recipient,
) -> EventText<'a> {
    let (idea_title, project_title, author_id) = match event {
        Event::Comment { idea_title, .. } => (*idea_title, None, None),
        Event::StatusChange {
            idea_title,
            author_id,
            ..
        } => (*idea_title, None, Some(*author_id)),
        Event::NewIdea {
            idea_title,
            project_title,
            ..
        } => (*idea_title, Some(*project_title), None),
    };
    EventText {
        kind,
        actor: (kind != NotificationKind::StatusChange).then_some(actor_name),
        idea_title,
        project_title,
        status,
        recipient_is_author: author_id == Some(recipient.id),
    }
}

/// The one-click address (RFC 8058) of an unsubscribe link; opened in a browser it leads
/// to the confirmation page.
fn unsubscribe_url(
    state: &AppState,
    user_id: i64,
    scope: UnsubscribeScope,
    now: DateTime<Utc>,
) -> String {
    let token = state.unsubscribe_key.unsubscribe_token(user_id, scope, now);
    state.settings.link(&format!(
        "{}?t={token}",
        crate::server::unsubscribe::ONE_CLICK_PATH
    ))
}

/// Sends the digests due at `now` (daily at the configured Berlin hour, weekly on Mondays):
/// one mail per person and period with everything not mailed yet, never twice for the same
/// period, nothing when there is nothing new. Returns how many were queued.
pub async fn send_due_digests(state: &AppState, now: DateTime<Utc>) -> Result<usize, DbError> {
    let mut sent = 0;
    for period in [DigestPeriod::Daily, DigestPeriod::Weekly] {
        let Some(start) = due_period_start(period, now, state.settings.digest_hour) else {
            continue;
        };
        for recipient in store::digest_recipients(&state.db, period).await? {
            let mut tx = state.db.begin().await?;
            if !store::claim_digest(&mut tx, recipient.id, period, start, now).await? {
                continue;
            }
            let items = store::take_digest_items(&mut tx, recipient.id, period, now).await?;
            if !items.is_empty() {
                let locale = Locale::from_code(&recipient.locale).unwrap_or_default();
                let mail = compose_digest(state, &recipient, locale, period, &items, now);
                mail::queue(&mut tx, Some(recipient.id), &recipient.email, &mail, now).await?;
                sent += 1;
            }
            tx.commit().await?;
        }
    }
    if sent > 0 {
        state.mail_signal.wake();
    }
    Ok(sent)
}

fn compose_digest(
    state: &AppState,
    recipient: &Recipient,
    locale: Locale,
    period: DigestPeriod,
    items: &[NotificationView],
    now: DateTime<Utc>,
) -> mail::templates::ComposedMail {
    let events: Vec<(EventText<'_>, String)> = items
        .iter()
        .map(|item| {
            let text = EventText {
                kind: item.kind,
                actor: item.actor.as_deref(),
                idea_title: item.idea_title.as_deref().unwrap_or_default(),
                project_title: item.project_title.as_deref(),
                status: None,
                recipient_is_author: false,
            };
            (text, state.settings.link(&item.href()))
        })
        .collect();
    digest_mail(
        locale,
        &recipient.display_name,
        period,
        &events,
        &unsubscribe_url(state, recipient.id, UnsubscribeScope::Digest(period), now),
        &state.settings.link("/konto/benachrichtigungen"),
    )
}

/// Applies a one-click unsubscribe link: the kind (or every kind of the digest) stops
/// being mailed. Works without a login; a tampered or expired link changes nothing.
pub async fn unsubscribe(
    state: &AppState,
    token: &str,
    now: DateTime<Utc>,
) -> Result<UnsubscribeScope, AppError> {
    let (user_id, scope) = state
        .unsubscribe_key
        .verify_unsubscribe(token, now)
        .ok_or_else(|| {
            let mut errors = crate::domain::validation::FieldErrors::new();
            errors.add(
                "token",
                crate::domain::validation::ValidationError::InvalidLink,
            );
            AppError::Validation(errors)
        })?;
    let deliveries = store::deliveries(&state.db, user_id).await?;
    let mut tx = state.db.begin().await?;
    for (kind, delivery) in deliveries {
        let stop = match scope {
            UnsubscribeScope::Kind(k) => k == kind,
            UnsubscribeScope::Digest(period) => delivery == period.delivery(),
        };
        if stop {
            store::set_delivery(&mut tx, user_id, kind, Delivery::Off).await?;
        }
    }
    tx.commit().await?;
    Ok(scope)
}
