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
    use crate::server::{auth, db, respond::fail, state::app_state};
    let state = app_state()?;
    match auth::current_user(&state).await.map_err(fail)? {
        Some(user) => {
            let unread = db::notifications::count_unread(&state.db, user.id)
                .await
                .map_err(fail)?;
            Ok(Some(user.to_current_user(unread).map_err(fail)?))
        }
        None => Ok(None),
    }
}

/// When the registration form was rendered (Unix seconds), for the minimum fill time.
#[server(endpoint = "accounts/form-started")]
pub async fn form_started_at() -> Result<i64, AppError> {
    Ok(chrono::Utc::now().timestamp())
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
) -> Result<(), AppError> {
    use crate::server::accounts::{self, Registration};
    use crate::server::{language::request_locale, respond::fail, state::app_state};
    let state = app_state()?;
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
    };
    accounts::register(&state, form, request_locale(), chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/registrieren/danke");
    Ok(())
}

/// Confirms a new account's address (the link from the mail).
#[server(endpoint = "accounts/verify")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::server::{accounts, respond::fail, state::app_state};
    accounts::verify_email(&app_state()?, &token, chrono::Utc::now())
        .await
        .map_err(fail)
}

#[server(endpoint = "accounts/resend-verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    use crate::server::{accounts, auth, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    accounts::resend_verification(&state, &user, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/konto?gespeichert=bestaetigung");
    Ok(())
}

#[server(endpoint = "accounts/login")]
pub async fn login(
    email: String,
    password: String,
    weiter: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{accounts, auth, respond::fail, state::app_state};
    let state = app_state()?;
    let client = auth::client_address(&state).await;
    let user = accounts::authenticate(&state, &email, &password, &client, chrono::Utc::now())
        .await
        .map_err(fail)?;
    auth::log_in(&auth::session().await?, &user)
        .await
        .map_err(fail)?;
    let target = weiter
        .filter(|p| crate::domain::paths::is_local_path(p))
        .unwrap_or_else(|| "/konto".to_owned());
    leptos_axum::redirect(&target);
    Ok(())
}

#[server(endpoint = "accounts/logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{auth, respond::fail};
    auth::log_out(&auth::session().await?).await.map_err(fail)?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(endpoint = "accounts/request-password-reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::server::{accounts, respond::fail, state::app_state};
    accounts::request_password_reset(&app_state()?, &email, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/passwort-vergessen?gesendet=1");
    Ok(())
}

#[server(endpoint = "accounts/reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::server::{accounts, respond::fail, state::app_state};
    accounts::reset_password(&app_state()?, &token, &password, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/anmelden?zurueckgesetzt=1");
    Ok(())
}

#[server(endpoint = "accounts/change-password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::server::{accounts, auth, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    let version = accounts::change_password(
        &state,
        &user,
        &current_password,
        &new_password,
        chrono::Utc::now(),
    )
    .await
    .map_err(fail)?;
    auth::refresh_login_version(&auth::session().await?, version)
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/konto?gespeichert=passwort");
    Ok(())
}

#[server(endpoint = "accounts/change-email")]
pub async fn change_email(new_email: String, email_password: String) -> Result<(), AppError> {
    use crate::server::{accounts, auth, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    accounts::request_email_change(
        &state,
        &user,
        &new_email,
        &email_password,
        chrono::Utc::now(),
    )
    .await
    .map_err(fail)?;
    leptos_axum::redirect("/konto?gespeichert=email");
    Ok(())
}

#[server(endpoint = "accounts/confirm-email-change")]
pub async fn confirm_email_change(token: String) -> Result<(), AppError> {
    use crate::server::{accounts, respond::fail, state::app_state};
    accounts::confirm_email_change(&app_state()?, &token, chrono::Utc::now())
        .await
        .map_err(fail)
}

#[server(endpoint = "accounts/update-profile")]
pub async fn update_profile(
    display_name: String,
    organisation_name: Option<String>,
    organisation_website: Option<String>,
    locale: String,
) -> Result<(), AppError> {
    use crate::server::accounts::{self, ProfileForm};
    use crate::server::{auth, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    let form = ProfileForm {
        display_name,
        organisation_name: organisation_name.unwrap_or_default(),
        organisation_website: organisation_website.unwrap_or_default(),
        locale,
    };
    accounts::update_profile(&state, &user, form, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/konto?gespeichert=profil");
    Ok(())
}
