//! Calendar feeds of the published workshops (`/workshops.ics`, per project) and the `.ics`
//! download of one workshop: plain axum handlers, public, without the online links.

use crate::server::db::workshops::{find_workshop_by_slug, list_feed_workshops};
use crate::server::db::DbError;
use crate::server::state::AppState;
use crate::server::workshops::public_calendar;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub const FEED_PATH: &str = "/workshops.ics";
pub const WORKSHOP_ICS_PATH: &str = "/workshops/{slug}/kalender.ics";
pub const PROJECT_FEED_PATH: &str = "/projekte/{slug}/workshops.ics";

fn calendar_response(ics: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}.ics\""),
            ),
            (header::CACHE_CONTROL, "public, max-age=300".to_owned()),
        ],
        ics,
    )
        .into_response()
}

fn failed(error: DbError) -> Response {
    match error {
        DbError::NotFound => StatusCode::NOT_FOUND.into_response(),
        other => {
            tracing::error!(error = %other, "reading workshops for a calendar failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn all_workshops(State(state): State<AppState>) -> Response {
    match list_feed_workshops(&state.db, None).await {
        Ok(workshops) => calendar_response(
            public_calendar(&state, &workshops, "Workshops – City-Lab SO Digital"),
            "workshops",
        ),
        Err(error) => failed(error),
    }
}

pub async fn project_workshops(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Response {
    match list_feed_workshops(&state.db, Some(&slug)).await {
        Ok(workshops) => {
            let title = workshops
                .first()
                .and_then(|w| w.project_title.clone())
                .unwrap_or_else(|| "Workshops".to_owned());
            calendar_response(
                public_calendar(&state, &workshops, &format!("Workshops – {title}")),
                &slug,
            )
        }
        Err(error) => failed(error),
    }
}

pub async fn one_workshop(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    match find_workshop_by_slug(&state.db, &slug).await {
        Ok(workshop) if workshop.published_at.is_some() => {
            let title = workshop.title.clone();
            calendar_response(
                public_calendar(&state, std::slice::from_ref(&workshop), &title),
                &slug,
            )
        }
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => failed(error),
    }
}
