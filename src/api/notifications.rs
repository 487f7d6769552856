//! The in-app notifications, mail preferences, and one-click unsubscribe.

use crate::domain::notifications::{NotificationSettings, NotificationView, UnsubscribeScope};
use crate::error::AppError;
use leptos::prelude::*;

/// The newest notifications of the signed-in person.
#[server(endpoint = "notifications/list")]
pub async fn list_notifications() -> Result<Vec<NotificationView>, AppError> {
    use crate::server::{auth, db, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    db::notifications::list_notifications(&state.db, user.id, 100)
        .await
        .map_err(fail)
}

/// Marks one notification (`id`) or all of them as read.
#[server(endpoint = "notifications/read")]
pub async fn mark_notifications_read(#[server(default)] id: Option<i64>) -> Result<(), AppError> {
    use crate::server::{auth, db, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    let mut tx = state.db.begin().await.map_err(fail)?;
    db::notifications::mark_read(&mut tx, user.id, id, chrono::Utc::now())
        .await
        .map_err(fail)?;
    tx.commit().await.map_err(fail)?;
    leptos_axum::redirect("/benachrichtigungen");
    Ok(())
}

/// The signed-in person's mail choices and follow switches.
#[server(endpoint = "notifications/settings")]
pub async fn get_notification_settings() -> Result<NotificationSettings, AppError> {
    use crate::server::{auth, db, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    let deliveries = db::notifications::deliveries(&state.db, user.id)
        .await
        .map_err(fail)?;
    Ok(NotificationSettings {
        deliveries,
        follow_on_comment: user.follow_on_comment,
        follow_on_vote: user.follow_on_vote,
    })
}

/// Saves the mail choice per kind (`comment_on_followed=daily`, …) and the follow switches
/// (ticked boxes are sent, unticked ones are absent).
#[server(endpoint = "notifications/save-settings")]
pub async fn save_notification_settings(
    comment_on_followed: String,
    reply_to_comment: String,
    status_change: String,
    new_idea_in_project: String,
    #[server(default)] follow_on_comment: Option<String>,
    #[server(default)] follow_on_vote: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::notifications::{Delivery, NotificationKind};
    use crate::domain::validation::{FieldErrors, ValidationError};
    use crate::server::{auth, db, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    let chosen = [
        (NotificationKind::CommentOnFollowed, comment_on_followed),
        (NotificationKind::ReplyToComment, reply_to_comment),
        (NotificationKind::StatusChange, status_change),
        (NotificationKind::NewIdeaInProject, new_idea_in_project),
    ];
    let mut errors = FieldErrors::new();
    let mut parsed = Vec::with_capacity(chosen.len());
    for (kind, raw) in &chosen {
        match raw.parse::<Delivery>() {
            Ok(delivery) => parsed.push((*kind, delivery)),
            Err(()) => errors.add(kind.as_str(), ValidationError::Invalid),
        }
    }
    if !errors.is_empty() {
        return Err(fail(AppError::Validation(errors)));
    }
    let mut tx = state.db.begin().await.map_err(fail)?;
    for (kind, delivery) in parsed {
        db::notifications::set_delivery(&mut tx, user.id, kind, delivery)
            .await
            .map_err(fail)?;
    }
    db::notifications::set_follow_flags(
        &mut tx,
        user.id,
        follow_on_comment.is_some(),
        follow_on_vote.is_some(),
    )
    .await
    .map_err(fail)?;
    tx.commit().await.map_err(fail)?;
    leptos_axum::redirect("/konto/benachrichtigungen?gespeichert=1");
    Ok(())
}

/// Applies an unsubscribe link from a mail (no login needed); the page's button posts here.
#[server(endpoint = "notifications/unsubscribe")]
pub async fn unsubscribe(t: String) -> Result<UnsubscribeScope, AppError> {
    use crate::server::{notifications, respond::fail, state::app_state};
    let state = app_state()?;
    let scope = notifications::unsubscribe(&state, &t, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/abmelden?t={t}&erledigt=1"));
    Ok(scope)
}

/// What an unsubscribe link would turn off, for its confirmation page; an error for a
/// tampered or expired link.
#[server(endpoint = "notifications/unsubscribe-scope")]
pub async fn check_unsubscribe_link(t: String) -> Result<UnsubscribeScope, AppError> {
    use crate::domain::validation::{FieldErrors, ValidationError};
    use crate::server::{respond::fail, state::app_state};
    let state = app_state()?;
    state
        .unsubscribe_key
        .verify_unsubscribe(&t, chrono::Utc::now())
        .map(|(_, scope)| scope)
        .ok_or_else(|| {
            let mut errors = FieldErrors::new();
            errors.add("token", ValidationError::InvalidLink);
            fail(AppError::Validation(errors))
        })
}
