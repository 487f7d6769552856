//! `AppError`: the one error type that crosses the wire between server functions and pages.

use crate::domain::moderation::BlockNotice;
use crate::domain::validation::FieldErrors;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a request failed with, as far as the user may know. Internal causes are logged on the
/// server and never serialised: `Internal` carries no detail on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("malformed request")]
    BadRequest,
    #[error("login required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("the email address is not verified yet")]
    EmailNotVerified,
    #[error("not found")]
    NotFound,
    #[error("conflicts with existing data")]
    Conflict,
    /// The account is blocked: what the login form shows instead of the account.
    #[error("the account is blocked")]
    Blocked(BlockNotice),
    #[error("too many requests, retry after {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// The server is at its limit of expensive work (password hashing); try again shortly.
    #[error("busy, retry after {retry_after_secs} s")]
    Busy { retry_after_secs: u64 },
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// A refusal with one field's error (`form` for the message above a form).
    pub fn invalid(field: &str, error: crate::domain::validation::ValidationError) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, error);
        AppError::Validation(errors)
    }

    /// How long the client should wait before trying again (the `Retry-After` header).
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            AppError::RateLimited { retry_after_secs } | AppError::Busy { retry_after_secs } => {
                Some(*retry_after_secs)
            }
            _ => None,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Validation(_) => 422,
            AppError::BadRequest => 400,
            AppError::Unauthenticated => 401,
            AppError::Forbidden | AppError::EmailNotVerified | AppError::Blocked(_) => 403,
            AppError::NotFound => 404,
            AppError::Conflict => 409,
            AppError::RateLimited { .. } => 429,
            AppError::Busy { .. } => 503,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let err = match value {
            // The client sent something we cannot decode: its fault, not ours.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            _ => AppError::Internal,
        };
        // Runs on the server when a call cannot even reach our code (undecodable arguments):
        // answer with the matching status instead of server_fn's blanket 500.
        #[cfg(feature = "ssr")]
        crate::server::respond::set_response_status(&err);
        err
    }
}
