//! `/healthz`: answers 200 when the database answers and every background job has ticked
//! recently, 503 with the reason otherwise.

use crate::server::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    database: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database = state.db.engine();
    let reason = match state.db.ping().await {
        Err(err) => {
            tracing::error!(error = %err, "health check: database unavailable");
            Some("database unavailable".to_owned())
        }
        Ok(()) => state.heartbeats.iter().find_map(|beat| {
            let silent = beat.overdue()?;
            tracing::error!(
                job = beat.job,
                silent_secs = silent.as_secs(),
                "health check: background job silent"
            );
            Some(format!(
                "{} job silent for {} s",
                beat.job,
                silent.as_secs()
            ))
        }),
    };
    let status = match reason {
        None => (StatusCode::OK, "ok"),
        Some(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
    };
    (
        status.0,
        Json(Health {
            status: status.1,
            database,
            reason,
        }),
    )
}
