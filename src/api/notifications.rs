//! The in-app notifications, mail preferences, and one-click unsubscribe.

use crate::domain::notifications::{NotificationSettings, NotificationView, UnsubscribeScope};
use crate::error::AppError;
use leptos::prelude::*;

/// The newest notifications of the signed-in person.
#[server(endpoint = "notifications/list")]
pub async fn list_notifications() -> Result<Vec<NotificationView>, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        Ok(db::notifications::list_notifications(&ctx.state.db, user.id, 100).await?)
    })
    .await
}

/// Marks one notification (`id`) or all of them (and the moderation notices) as read.
#[server(endpoint = "notifications/read")]
pub async fn mark_notifications_read(#[server(default)] id: Option<i64>) -> Result<(), AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        let mut tx = ctx.state.db.begin().await?;
        db::notifications::mark_read(&mut tx, user.id, id, ctx.now).await?;
        if id.is_none() {
            db::moderation::mark_notices_read(&mut tx, user.id, ctx.now).await?;
        }
        tx.commit().await?;
        leptos_axum::redirect("/benachrichtigungen");
        Ok(())
    })
    .await
}

/// The signed-in person's mail choices and follow switches.
#[server(endpoint = "notifications/settings")]
pub async fn get_notification_settings() -> Result<NotificationSettings, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        let deliveries = db::notifications::deliveries(&ctx.state.db, user.id).await?;
        Ok(NotificationSettings {
            deliveries,
            follow_on_comment: user.follow_on_comment,
            follow_on_vote: user.follow_on_vote,
        })
    })
    .await
}

/// Saves the mail choice per kind, posted as pairs (`deliveries[comment_on_followed]=daily`,
/// …; a kind left out keeps its choice), and the follow switches (ticked boxes are sent,
/// unticked ones are absent).
#[server(endpoint = "notifications/save-settings")]
pub async fn save_notification_settings(
    #[server(default)] deliveries: std::collections::BTreeMap<String, String>,
    #[server(default)] follow_on_comment: Option<String>,
    #[server(default)] follow_on_vote: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::notifications::{Delivery, NotificationKind};
    use crate::domain::validation::{FieldErrors, ValidationError};
    use crate::server::{db, request::serve};
    let mut errors = FieldErrors::new();
    let mut parsed = Vec::with_capacity(deliveries.len());
    for (kind, delivery) in &deliveries {
        match (
            kind.parse::<NotificationKind>(),
            delivery.parse::<Delivery>(),
        ) {
            (Ok(kind), Ok(delivery)) => parsed.push((kind, delivery)),
            (Ok(kind), Err(_)) => errors.add(kind.delivery_field(), ValidationError::Invalid),
            (Err(_), _) => errors.add(&format!("deliveries[{kind}]"), ValidationError::Invalid),
        }
    }
    serve(|ctx| async move {
        let user = ctx.user().await?;
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let mut tx = ctx.state.db.begin().await?;
        for (kind, delivery) in parsed {
            db::notifications::set_delivery(&mut tx, user.id, kind, delivery).await?;
        }
        let (on_comment, on_vote) = (follow_on_comment.is_some(), follow_on_vote.is_some());
        db::notifications::set_follow_flags(&mut tx, user.id, on_comment, on_vote).await?;
        tx.commit().await?;
        leptos_axum::redirect("/konto/benachrichtigungen?gespeichert=1");
        Ok(())
    })
    .await
}

/// Applies an unsubscribe link from a mail (no login needed); the page's button posts here.
#[server(endpoint = "notifications/unsubscribe")]
pub async fn unsubscribe(t: String) -> Result<UnsubscribeScope, AppError> {
    use crate::server::{notifications, request::serve};
    serve(|ctx| async move {
        let scope = notifications::unsubscribe(&ctx.state, &t, ctx.now).await?;
        leptos_axum::redirect(&format!("/abmelden?t={t}&erledigt=1"));
        Ok(scope)
    })
    .await
}

/// What an unsubscribe link would turn off, for its confirmation page; an error for a
/// tampered or expired link.
#[server(endpoint = "notifications/unsubscribe-scope")]
pub async fn check_unsubscribe_link(t: String) -> Result<UnsubscribeScope, AppError> {
    use crate::domain::validation::{FieldErrors, ValidationError};
    use crate::server::request::serve;
    serve(|ctx| async move {
        ctx.state
            .unsubscribe_key
            .verify_unsubscribe(&t, ctx.now)
            .map(|(_, scope)| scope)
            .ok_or_else(|| {
                let mut errors = FieldErrors::new();
                errors.add("token", ValidationError::InvalidLink);
                AppError::Validation(errors)
            })
    })
    .await
}
