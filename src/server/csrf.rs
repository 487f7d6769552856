//! Cross-site request forgery protection: a state-changing request must come from our own
//! pages. Browsers say where a request comes from: `Sec-Fetch-Site` (every current browser,
//! and it cannot be set by a page) is decided on first, as Go's `CrossOriginProtection` does;
//! without it, `Origin` (sent with every cross-site POST), then `Referer`. A POST with no
//! origin signal at all is refused (F-20): it is no browser form of ours. (The RFC 8058
//! one-click unsubscribe, which mail programs post without any, is routed outside this
//! check.) Together with `SameSite=Lax` cookies this keeps other sites from acting in a
//! user's name.

use crate::server::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Url;

/// `scheme://host[:port]` of a URL, normalised by the URL parser.
fn origin_of(raw: &str) -> Option<String> {
    let url = Url::parse(raw).ok()?;
    Some(url.origin().ascii_serialization())
}

pub async fn reject_cross_site_requests(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none": the person started it (typed, bookmarked), no page did.
        Some("same-origin" | "none") => return next.run(request).await,
        Some(_) => return refuse(&request, "sec-fetch-site"),
        None => {}
    }
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .map(|v| origin_of(v).unwrap_or_else(|| "null".to_owned()));
    let Some(claimed) = claimed else {
        return refuse(&request, "no origin");
    };
    // Only the configured public address counts, not whatever `Host` the request names: a
    // DNS-rebinding page sends a matching Host (F-21).
    let own = state.settings.base_url.origin().ascii_serialization();
    if claimed == own {
        next.run(request).await
    } else {
        refuse(&request, &claimed)
    }
}

fn refuse(request: &Request, origin: &str) -> Response {
    tracing::warn!(origin, path = %request.uri().path(), "cross-site request refused");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        Body::from(
            "Diese Anfrage kam nicht von den Seiten des Stadtlabors und wurde abgelehnt. \
             Bitte senden Sie das Formular erneut von stadtlabor aus.\n\
             This request did not come from Stadtlabor's own pages and was refused.",
        ),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn origins_are_normalised() {
        assert_eq!(
            origin_of("http://127.0.0.1:3000/konto?x").as_deref(),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(
            origin_of("https://example.org:443/").as_deref(),
            Some("https://example.org")
        );
        assert_eq!(origin_of("null"), None);
    }
}
