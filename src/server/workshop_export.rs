//! `/workshops/{slug}/teilnehmende.csv`: the registrations of a workshop as CSV, for staff
//! (UTF-8 with a byte-order mark, so spreadsheet programs read the umlauts; every cell
//! neutralised against formula injection).

use crate::domain::accounts::Role;
use crate::domain::time::berlin_local;
use crate::domain::workshops::{Attendee, Question, QuestionKind, NO, YES};
use crate::error::AppError;
use crate::server::auth::user_of_session_with_role;
use crate::server::db::workshops::{find_workshop_by_slug, list_attendees, list_questions};
use crate::server::moderation_export::spreadsheet_safe;
use crate::server::respond::plain_error_response;
use crate::server::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
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
        Err(error) => plain_error_response(error),
    }
}

async fn export(state: &AppState, session: &Session, slug: &str) -> Result<String, AppError> {
    user_of_session_with_role(state, session, &[Role::Moderator, Role::Admin]).await?;
    let workshop = find_workshop_by_slug(&state.db, slug).await?;
    let questions = list_questions(&state.db, workshop.id).await?;
    let attendees = list_attendees(&state.db, workshop.id, &questions).await?;
    to_csv(&questions, &attendees).map_err(|err| {
        tracing::error!(error = %err, "writing the attendees as CSV failed");
        AppError::Internal
    })
}

/// One column per question, headed by its text; yes/no answers in German like the headers.
fn to_csv(questions: &[Question], attendees: &[Attendee]) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "name",
        "organisation",
        "email",
        "status",
        "plaetze",
        "unterstuetzungsbedarf",
        "angemeldet",
    ]
    .map(str::to_owned)
    .into_iter()
    .chain(questions.iter().map(|q| q.prompt.clone()));
    out.write_record(header.map(|c| spreadsheet_safe(&c)))?;
    for a in attendees {
        let answers =
            questions
                .iter()
                .zip(&a.answers)
                .map(|(q, answer)| match (q.kind, answer.as_deref()) {
                    (QuestionKind::YesNo, Some(YES)) => "ja".to_owned(),
                    (QuestionKind::YesNo, Some(NO)) => "nein".to_owned(),
                    (_, answer) => answer.unwrap_or_default().to_owned(),
                });
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
        ]
        .into_iter()
        .chain(answers);
        out.write_record(cells.map(|c| spreadsheet_safe(&c)))?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    let text = String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8");
    Ok(format!("\u{feff}{text}"))
}
