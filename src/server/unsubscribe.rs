//! The RFC 8058 one-click endpoint named in every notification mail's `List-Unsubscribe`
//! header. Mail programs POST `List-Unsubscribe=One-Click` to it from their own servers,
//! without cookies or an `Origin` of ours: the signed token is the authorisation, so it sits
//! outside the CSRF check. A GET (a person who copied the link) leads to the page that asks
//! before changing anything, since link scanners prefetch with GET.

use crate::error::AppError;
use crate::server::notifications;
use crate::server::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub const ONE_CLICK_PATH: &str = "/abmelden/ein-klick";

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    t: String,
}

pub async fn one_click(State(state): State<AppState>, Query(query): Query<TokenQuery>) -> Response {
    match notifications::unsubscribe(&state, &query.t, state.clock.now()).await {
        Ok(_) => (StatusCode::OK, "Abgemeldet. / Unsubscribed.").into_response(),
        Err(AppError::Validation(_)) => (
            StatusCode::BAD_REQUEST,
            "Dieser Abmeldelink ist ungültig oder abgelaufen. / This link is invalid or expired.",
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

pub async fn confirm_page(Query(query): Query<TokenQuery>) -> Redirect {
    let token: String = url::form_urlencoded::byte_serialize(query.t.as_bytes()).collect();
    Redirect::to(&format!("/abmelden?t={token}"))
}
