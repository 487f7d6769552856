//! Accounts: register, verify, log in and out, reset and change password and email, profile.
//! Successful form posts answer with a redirect, so they work the same without JavaScript.
// A server function takes one argument per form field (so plain HTML forms can post to it);
// the registration form has nine. The allow sits here because #[server] also generates the
// client-side function, which an attribute on the item would not reach.
#![allow(clippy::too_many_arguments)]

use crate::domain::accounts::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in person, or `None`.
#[server(endpoint = "accounts/current")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    use crate::domain::accounts::QueueSize;
    use crate::domain::moderation::QUEUE_WARN_AFTER_HOURS;
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        match ctx.viewer().await? {
            Some(user) => {
                let db = &ctx.state.db;
                let unread = db::notifications::count_unread(db, user.id).await?;
                let queue = if user.role.is_staff() {
                    let since = ctx.now - chrono::Duration::hours(QUEUE_WARN_AFTER_HOURS);
                    let (open, overdue) = db::moderation::count_open_items(db, since).await?;
                    Some(QueueSize { open, overdue })
                } else {
                    None
                };
                Ok(Some(user.to_current_user(unread, queue)))
            }
            None => Ok(None),
        }
    })
    .await
}

/// When the registration form was rendered (Unix seconds), for the minimum fill time.
#[server(endpoint = "accounts/form-started")]
pub async fn form_started_at() -> Result<i64, AppError> {
    use crate::server::request::serve;
    serve(|ctx| async move { Ok(ctx.now.timestamp()) }).await
}

#[server(endpoint = "accounts/register")]
pub async fn register(
    display_name: String,
    email: String,
    password: String,
    account_type: String,
    organisation_name: Option<String>,
    organisation_website: Option<String>,
    privacy_consent: Option<String>,
    fax: Option<String>,
    started_at: Option<i64>,
    weiter: Option<String>,
) -> Result<(), AppError> {
    use crate::server::accounts::{self, Registration};
    use crate::server::{auth, language::request_locale, request::serve};
    let form = Registration {
        display_name,
        email,
        password,
        account_type,
        organisation_name: organisation_name.unwrap_or_default(),
        organisation_website: organisation_website.unwrap_or_default(),
        privacy_consent: privacy_consent.is_some(),
        honeypot: fax.unwrap_or_default(),
        started_at,
        return_to: weiter,
    };
    serve(|ctx| async move {
        let client = auth::client_address(&ctx.state).await;
        if let Some(user_id) =
            accounts::register(&ctx.state, form, request_locale(), &client, ctx.now).await?
        {
            auth::remember_registration(&auth::session().await?, user_id).await?;
        }
        leptos_axum::redirect("/registrieren/danke");
        Ok(())
    })
    .await
}

/// Confirms a new account's address (the link from the mail), signs the person in when it
/// is the browser that registered, then leads on to where the person started (`weiter`,
/// e.g. the idea form of a project) or to the confirmation.
#[server(endpoint = "accounts/verify")]
pub async fn verify_email(token: String, weiter: Option<String>) -> Result<(), AppError> {
    use crate::server::{accounts, auth, request::serve};
    serve(|ctx| async move {
        let user_id = accounts::verify_email(&ctx.state, &token, ctx.now).await?;
        auth::log_in_after_confirmation(&ctx.state, &auth::session().await?, user_id, ctx.now)
            .await?;
        let target = weiter
            .filter(|p| crate::domain::paths::is_local_path(p))
            .unwrap_or_else(|| "/konto/bestaetigen?erledigt=1".to_owned());
        leptos_axum::redirect(&target);
        Ok(())
    })
    .await
}

/// A fresh confirmation link, leading back to `weiter` (the page it was asked for on).
#[server(endpoint = "accounts/resend-verification")]
pub async fn resend_verification(weiter: Option<String>) -> Result<(), AppError> {
    use crate::server::{accounts, auth, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        let client = auth::client_address(&ctx.state).await;
        let back = weiter.filter(|p| crate::domain::paths::is_local_path(p));
        accounts::resend_verification(&ctx.state, &user, back.as_deref(), &client, ctx.now).await?;
        leptos_axum::redirect("/konto?gespeichert=bestaetigung");
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/login")]
pub async fn login(
    email: String,
    password: String,
    weiter: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{accounts, auth, request::serve};
    serve(|ctx| async move {
        let client = auth::client_address(&ctx.state).await;
        let user = accounts::authenticate(&ctx.state, &email, &password, &client, ctx.now).await?;
        auth::log_in(&auth::session().await?, &user, ctx.now).await?;
        let target = weiter
            .filter(|p| crate::domain::paths::is_local_path(p))
            .unwrap_or_else(|| "/konto".to_owned());
        leptos_axum::redirect(&target);
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{auth, request::serve};
    serve(|_| async move {
        auth::log_out(&auth::session().await?).await?;
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/request-password-reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::server::{accounts, auth, request::serve};
    serve(|ctx| async move {
        let client = auth::client_address(&ctx.state).await;
        accounts::request_password_reset(&ctx.state, &email, &client, ctx.now).await?;
        leptos_axum::redirect("/passwort-vergessen?gesendet=1");
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::server::{accounts, request::serve};
    serve(|ctx| async move {
        accounts::reset_password(&ctx.state, &token, &password, ctx.now).await?;
        leptos_axum::redirect("/anmelden?zurueckgesetzt=1");
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/change-password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::server::{accounts, auth, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        let client = auth::client_address(&ctx.state).await;
        let (current, new) = (&current_password, &new_password);
        let version =
            accounts::change_password(&ctx.state, &user, current, new, &client, ctx.now).await?;
        auth::refresh_login_version(&auth::session().await?, version).await?;
        leptos_axum::redirect("/konto?gespeichert=passwort");
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/change-email")]
pub async fn change_email(new_email: String, email_password: String) -> Result<(), AppError> {
    use crate::server::{accounts, auth, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        let client = auth::client_address(&ctx.state).await;
        let (email, password) = (&new_email, &email_password);
        accounts::request_email_change(&ctx.state, &user, email, password, &client, ctx.now)
            .await?;
        leptos_axum::redirect("/konto?gespeichert=email");
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/confirm-email-change")]
pub async fn confirm_email_change(token: String) -> Result<(), AppError> {
    use crate::server::{accounts, request::serve};
    serve(|ctx| async move {
        accounts::confirm_email_change(&ctx.state, &token, ctx.now).await?;
        leptos_axum::redirect("/konto/email-bestaetigen?erledigt=1");
        Ok(())
    })
    .await
}

#[server(endpoint = "accounts/update-profile")]
pub async fn update_profile(
    display_name: String,
    organisation_name: Option<String>,
    organisation_website: Option<String>,
    locale: String,
    /// A checkbox: sent only when ticked.
    #[server(default)]
    profile_public: Option<String>,
) -> Result<(), AppError> {
    use crate::server::accounts::{self, ProfileForm};
    use crate::server::request::serve;
    let form = ProfileForm {
        display_name,
        organisation_name: organisation_name.unwrap_or_default(),
        organisation_website: organisation_website.unwrap_or_default(),
        locale,
        profile_public: profile_public.is_some(),
    };
    serve(|ctx| async move {
        let user = ctx.user().await?;
        accounts::update_profile(&ctx.state, &user, form, ctx.now).await?;
        leptos_axum::redirect("/konto?gespeichert=profil");
        Ok(())
    })
    .await
}
