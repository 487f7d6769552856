//! Turning server-side failures into `AppError` answers with the right HTTP status.

use crate::error::AppError;
use crate::server::db::DbError;
use axum::http::StatusCode;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

impl From<DbError> for AppError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound => AppError::NotFound,
            DbError::Conflict { .. } => AppError::Conflict,
            // Rolled back as a whole: run once more (server::retry), then "try again in a
            // second", not an internal error.
            DbError::Contention => {
                crate::server::retry::mark_contention();
                AppError::Busy {
                    retry_after_secs: 1,
                }
            }
            DbError::Other(cause) => {
                // Logged once here with its cause; the client only learns "internal".
                tracing::error!(error = %cause, "database error");
                AppError::Internal
            }
        }
    }
}

/// Converts `err` into the wire error and sets the response status accordingly, both for
/// server-function calls and for pages rendered on the server that called one.
pub fn fail(err: impl Into<AppError>) -> AppError {
    let err = err.into();
    set_response_status(&err);
    err
}

/// Whether this is a plain HTML form posting to a server function (no JavaScript). Its
/// answer must stay the redirect back to the form, which carries the error in the URL.
fn is_plain_form_post() -> bool {
    use_context::<axum::http::request::Parts>().is_some_and(|parts| {
        parts.method == axum::http::Method::POST
            && parts.uri.path().starts_with("/api/")
            && parts
                .headers
                .get(axum::http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}

/// Sets the status of the response being built (if any) to the one `err` calls for.
pub fn set_response_status(err: &AppError) {
    if is_plain_form_post() {
        return;
    }
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(
            StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        );
        if let Some(seconds) = err.retry_after_secs() {
            response.insert_header(axum::http::header::RETRY_AFTER, seconds.into());
        }
    }
}

/// The answer of a plain axum handler (a download, an upload) that failed: the error's status
/// and its one-line description.
pub fn plain_error_response(error: AppError) -> axum::response::Response {
    use axum::response::IntoResponse;
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}
