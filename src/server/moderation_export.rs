//! `LOG_CSV_PATH` (`domain::moderation`): the moderation log as CSV, for admins. A plain
//! axum handler (a download, not a page), behind the same session as the pages.

use crate::domain::accounts::Role;
use crate::domain::content::ContentRef;
use crate::domain::moderation::LogEntry;
use crate::error::AppError;
use crate::server::auth::user_of_session_with_role;
use crate::server::db::moderation::{list_log, LogFilter};
use crate::server::respond::plain_error_response;
use crate::server::state::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// At most this many entries per file, newest first; older ones with `vor=<id>`.
const ROWS_PER_FILE: i64 = 50_000;

#[derive(serde::Deserialize)]
pub struct ExportQuery {
    aktion: Option<String>,
    person: Option<i64>,
    vor: Option<i64>,
}

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<ExportQuery>,
) -> Response {
    match export(&state, &session, query).await {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"moderationsprotokoll.csv\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            csv,
        )
            .into_response(),
        Err(error) => plain_error_response(error),
    }
}

async fn export(
    state: &AppState,
    session: &Session,
    query: ExportQuery,
) -> Result<String, AppError> {
    user_of_session_with_role(state, session, &[Role::Admin]).await?;
    let filter = LogFilter {
        action: query.aktion.as_deref().and_then(|a| a.parse().ok()),
        person_id: query.person,
        before: query.vor,
    };
    let entries = list_log(&state.db, &filter, ROWS_PER_FILE).await?;
    to_csv(&entries).map_err(|err| {
        tracing::error!(error = %err, "writing the log as CSV failed");
        AppError::Internal
    })
}

/// One row per entry. Every cell is neutralised against formula injection.
fn to_csv(entries: &[LogEntry]) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "id",
        "zeitpunkt",
        "aktion",
        "wer",
        "betroffen",
        "beitrag",
        "regel",
        "begruendung",
        "auszug",
    ])?;
    for entry in entries {
        let item = entry.target.map(|t| match t {
            ContentRef::Idea(id) => format!("idee {id}"),
            ContentRef::Comment(id) => format!("kommentar {id}"),
        });
        let cells = [
            entry.id.to_string(),
            entry.created_at.to_rfc3339(),
            entry.action.as_str().to_owned(),
            entry.actor.clone().unwrap_or_default(),
            entry.subject.clone().unwrap_or_default(),
            item.unwrap_or_default(),
            entry.rule.clone().unwrap_or_default(),
            entry.reason.clone().unwrap_or_default(),
            entry.excerpt.clone().unwrap_or_default(),
        ];
        out.write_record(cells.iter().map(|c| spreadsheet_safe(c)))?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"))
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return
/// first, OWASP's list) gets a leading apostrophe, so it is shown as text.
pub(crate) fn spreadsheet_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_shown_as_text() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("-1+2"), "'-1+2");
        assert_eq!(spreadsheet_safe("Spam"), "Spam");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
