//! The interface language: read from the request, switched by a plain link.

use crate::domain::paths::is_local_path;
use crate::i18n::{Locale, LOCALE_COOKIE};
use crate::server::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The language of a request: the `lang` cookie, else `Accept-Language`, else German.
pub fn locale_from_headers(headers: &HeaderMap) -> Locale {
    let cookie = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == LOCALE_COOKIE).then_some(value)
        });
    let accept = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    Locale::negotiate(cookie, accept)
}

/// The language of the request being rendered (the app shell calls this on the server).
pub fn request_locale() -> Locale {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .map(|parts| locale_from_headers(&parts.headers))
        .unwrap_or_default()
}

#[derive(Deserialize)]
pub struct SwitchQuery {
    /// The page to return to.
    zurueck: Option<String>,
}

/// `GET /sprache/{code}?zurueck=/path`: remembers the language for a year and returns to the
/// page. A link rather than a form, so it works without JavaScript and from every page.
pub async fn switch_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<SwitchQuery>,
) -> Response {
    let target = query
        .zurueck
        .filter(|p| is_local_path(p))
        .unwrap_or_else(|| "/".to_owned());
    let Some(locale) = Locale::from_code(&code) else {
        return Redirect::to(&target).into_response();
    };
    let secure = if state.settings.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        locale.code()
    );
    ([(SET_COOKIE, cookie)], Redirect::to(&target)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, "a=1; lang=en; b=2".parse().unwrap());
        headers.insert(ACCEPT_LANGUAGE, "de".parse().unwrap());
        assert_eq!(locale_from_headers(&headers), Locale::En);
    }
}
