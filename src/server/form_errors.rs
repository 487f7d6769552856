//! A refused form comes back to its page with the errors and what was typed (every form is a
//! plain post, with JavaScript too: pages are server-rendered islands), but not through the
//! address: Leptos would append both (base64, `__err=`) to the
//! page's URL, putting e-mail addresses, names and whole idea texts into browser history and
//! access logs, and past proxies' header limits for long texts (issue 14, F-24). Instead the
//! refusal waits in the visitor's session for the one next visit of that page, which renders
//! it (`app.rs`).

use axum::extract::Request;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

/// The session key of the refusal waiting for its page.
const REFUSED_KEY: &str = "refused_form";

/// A refusal on its way back to the form: the page (path and query) it returns to, the
/// server function that refused, and Leptos' encoding of the error (with the typed values).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct RefusedForm {
    pub page: String,
    pub function: String,
    pub error: String,
}

/// Moves Leptos' error redirect (`Location: /page?__path=…&__err=…`) into the session, and
/// hands a waiting refusal to the rendering of the page it belongs to (a request extension
/// that `startup::page_context` provides to the page).
pub async fn keep_out_of_urls(session: Session, mut request: Request, next: Next) -> Response {
    let page = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    if request.method() == Method::GET && !page.starts_with("/api/") && !page.starts_with("/pkg/") {
        if let Ok(Some(refused)) = session.get::<RefusedForm>(REFUSED_KEY).await {
            if refused.page == page {
                // Shown once: a reload shows the form as it is.
                let _ = session.remove::<RefusedForm>(REFUSED_KEY).await;
                request.extensions_mut().insert(refused);
            }
        }
    }
    let mut response = next.run(request).await;
    let refused = response
        .headers()
        .get(LOCATION)
        .and_then(|l| l.to_str().ok())
        .and_then(split_error_redirect);
    if let Some((clean, refused)) = refused {
        if session.insert(REFUSED_KEY, &refused).await.is_ok() {
            if let Ok(value) = HeaderValue::from_str(&clean) {
                response.headers_mut().insert(LOCATION, value);
            }
        } else {
            tracing::warn!("a refused form's errors could not be kept in the session");
        }
    }
    response
}

/// Splits Leptos' error redirect into the address without the error and the refusal; `None`
/// for every other address. The address is made local (path and query), as every redirect of
/// ours is: Leptos builds it from the form page's `Referer`.
fn split_error_redirect(location: &str) -> Option<(String, RefusedForm)> {
    let url = url::Url::parse(location)
        .or_else(|_| url::Url::parse("http://local.invalid")?.join(location))
        .ok()?;
    let mut function = None;
    let mut error = None;
    let mut kept = url::form_urlencoded::Serializer::new(String::new());
    let mut any_kept = false;
    for (key, value) in url.query_pairs() {
        match key.as_ref() {
            "__path" => function = Some(value.into_owned()),
            "__err" => error = Some(value.into_owned()),
            _ => {
                kept.append_pair(&key, &value);
                any_kept = true;
            }
        }
    }
    let (function, error) = (function?, error?);
    let mut page = url.path().to_owned();
    if any_kept {
        page.push('?');
        page.push_str(&kept.finish());
    }
    Some((
        page.clone(),
        RefusedForm {
            page,
            function,
            error,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_leaves_the_address_and_the_rest_stays() {
        let (clean, refused) = split_error_redirect(
            "http://127.0.0.1:3000/ideen/neu?projekt=big-bird&__path=%2Fapi%2Fideas%2Fcreate&__err=eyJ4Ijox",
        )
        .unwrap();
        assert_eq!(clean, "/ideen/neu?projekt=big-bird");
        assert_eq!(
            refused,
            RefusedForm {
                page: "/ideen/neu?projekt=big-bird".into(),
                function: "/api/ideas/create".into(),
                error: "eyJ4Ijox".into(),
            }
        );
        let (clean, _) = split_error_redirect("/anmelden?__path=%2Fapi%2Fx&__err=e30").unwrap();
        assert_eq!(clean, "/anmelden");
    }

    #[test]
    fn other_redirects_are_left_alone() {
        for location in [
            "/konto",
            "/ideen/5?erledigt=unterstuetzt#unterstuetzen",
            "/a?__path=x",
        ] {
            assert_eq!(split_error_redirect(location), None, "{location}");
        }
    }
}
