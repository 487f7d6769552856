//! Who is asking: the session's login, role checks, and logging in and out. Every mutating
//! server function starts here; the UI only hides what these checks would refuse.

use crate::error::AppError;
use crate::server::db::users::{find_user_by_id, UserRow};
use crate::server::db::DbError;
use crate::server::request::forget_viewer;
use crate::server::sessions::{SessionLogin, LOGIN_KEY};
use crate::server::state::AppState;
use axum::extract::ConnectInfo;
use chrono::{DateTime, Utc};
use std::net::SocketAddr;
use tower_sessions::Session;

fn session_failed(err: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %err, "session store failed");
    AppError::Internal
}

/// The session of the current request.
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(session_failed)
}

/// The signed-in account, or `None`, read afresh from the session and the database (server
/// functions ask through `request::Ctx::viewer`, which keeps the answer for the request). A
/// login that outlived its absolute expiry, belongs to a blocked or deleted account, or
/// predates a password change is ended here.
pub async fn load_current_user(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<Option<UserRow>, AppError> {
    load_user_of_session(state, &session().await?, now).await
}

/// [`load_current_user`] for a plain axum handler, which extracts the session itself.
pub async fn load_user_of_session(
    state: &AppState,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<Option<UserRow>, AppError> {
    let Some(login) = session
        .get::<SessionLogin>(LOGIN_KEY)
        .await
        .map_err(session_failed)?
    else {
        return Ok(None);
    };
    let user = match find_user_by_id(&state.db, login.user_id).await {
        Ok(user) => Some(user),
        Err(DbError::NotFound) => None,
        Err(err) => return Err(err.into()),
    };
    match user {
        Some(user) if !user.is_blocked(now) && login.is_valid(user.session_version, now) => {
            Ok(Some(user))
        }
        _ => {
            session.flush().await.map_err(session_failed)?;
            Ok(None)
        }
    }
}

/// Starts a login: a new session id (no fixation), then the login record.
pub async fn log_in(session: &Session, user: &UserRow, now: DateTime<Utc>) -> Result<(), AppError> {
    session.cycle_id().await.map_err(session_failed)?;
    forget_viewer();
    let login = SessionLogin {
        user_id: user.id,
        session_version: user.session_version,
        logged_in_at: now,
    };
    session
        .insert(LOGIN_KEY, login)
        .await
        .map_err(session_failed)
}

/// Keeps the current session valid after its own password change raised the version.
pub async fn refresh_login_version(session: &Session, version: i64) -> Result<(), AppError> {
    if let Some(mut login) = session
        .get::<SessionLogin>(LOGIN_KEY)
        .await
        .map_err(session_failed)?
    {
        login.session_version = version;
        session
            .insert(LOGIN_KEY, login)
            .await
            .map_err(session_failed)?;
    }
    Ok(())
}

/// Ends the session entirely (data and cookie).
pub async fn log_out(session: &Session) -> Result<(), AppError> {
    forget_viewer();
    session.flush().await.map_err(session_failed)
}

/// The client's address for rate limiting: the peer, or behind a trusted reverse proxy the
/// address it appended last to `X-Forwarded-For`.
pub async fn client_address(state: &AppState) -> String {
    if state.settings.trust_proxy {
        if let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() {
            if let Some(forwarded) = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
            {
                return forwarded.trim().to_owned();
            }
        }
    }
    match leptos_axum::extract::<ConnectInfo<SocketAddr>>().await {
        Ok(ConnectInfo(addr)) => addr.ip().to_string(),
        Err(_) => "unknown".to_owned(),
    }
}
