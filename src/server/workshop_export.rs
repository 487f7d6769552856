//! `/workshops/{slug}/teilnehmende.csv`: the registrations of a workshop as CSV, for staff
//! (UTF-8 with a byte-order mark, so spreadsheet programs read the umlauts; every cell
//! neutralised against formula injection).

use crate::domain::time::berlin_local;
use crate::domain::workshops::Attendee;
use crate::error::AppError;
use crate::server::auth::load_user_of_session;
use crate::server::db::workshops::{find_workshop_by_slug, list_attendees};
use crate::server::moderation_export::spreadsheet_safe;
use crate::server::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

pub const ATTENDEES_CSV_PATH: &str = "/workshops/{slug}/teilnehmende.csv";

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(slug): Path<String>,
) -> Response {
    match export(&state, &session, &slug).await {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"teilnehmende-{slug}.csv\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            csv,
        )
            .into_response(),
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, error.to_string()).into_response()
        }
    }
}

async fn export(state: &AppState, session: &Session, slug: &str) -> Result<String, AppError> {
    let user = load_user_of_session(state, session, state.clock.now())
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !user.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    let workshop = find_workshop_by_slug(&state.db, slug).await?;
    let attendees = list_attendees(&state.db, workshop.id).await?;
    to_csv(&attendees).map_err(|err| {
        tracing::error!(error = %err, "writing the attendees as CSV failed");
        AppError::Internal
    })
}

fn to_csv(attendees: &[Attendee]) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "name",
        "organisation",
        "email",
        "status",
        "plaetze",
        "unterstuetzungsbedarf",
        "angemeldet",
    ])?;
    for a in attendees {
        let cells = [
            a.display_name.clone(),
            a.organisation.clone().unwrap_or_default(),
            a.email.clone(),
            a.status.as_str().to_owned(),
            a.places.to_string(),
            a.access_needs.clone(),
            berlin_local(a.queued_at)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        ];
        out.write_record(cells.iter().map(|c| spreadsheet_safe(c)))?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    let text = String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8");
    Ok(format!("\u{feff}{text}"))
}
