//! The state every handler and server function shares. No globals.

use crate::error::AppError;
use crate::server::clock::Clock;
use crate::server::config::Settings;
use crate::server::db::Db;
use crate::server::jobs::Heartbeat;
use crate::server::mail::MailSignal;
use crate::server::signing::SigningKey;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
    pub mail_signal: MailSignal,
    /// Signs the links in mails that work without a login: one-click unsubscribe, giving up
    /// a workshop place.
    pub unsubscribe_key: SigningKey,
    /// Where `now` comes from (movable in tests).
    pub clock: Clock,
    /// One per background job, read by `/healthz`.
    pub heartbeats: Arc<[Heartbeat]>,
    /// The database holds the invented demo participation: every page says so.
    pub demo_installation: bool,
}

/// The state inside a server function (leptos_axum provides it as context).
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState is missing from the server function context");
        AppError::Internal
    })
}
