//! Security headers of every response: the Content-Security-Policy of pages (with the nonce
//! Leptos puts on its inline scripts, so no other script runs), and the static headers that
//! stop sniffing, framing, referrer leaks, and caching of what signed-in people see.

use crate::server::sessions::session_cookie_name;
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy of a page rendered with `nonce`. Styles come from our stylesheet only (no
/// inline styles on any page), images from our host (markdown images from elsewhere are not
/// rendered either), WebAssembly may be compiled; nothing may frame the page. In development
/// (`cargo leptos watch`) the live-reload socket is allowed too.
pub fn page_policy(nonce: &str, reload_port: Option<u32>) -> String {
    let reload = reload_port
        .map(|port| format!(" ws://127.0.0.1:{port} ws://localhost:{port}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'{reload}; font-src 'self'; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
    )
}

/// For responses that are not pages (JSON, CSV, calendars, files): nothing may run or frame.
const NOT_A_PAGE_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The nonce of one request: made by [`add_security_headers`] before the page renders, given
/// to Leptos by [`provide_request_nonce`] (so its scripts carry it), and written into the
/// page's policy by the same middleware — one value, no dependence on when the renderer
/// hands over its headers.
#[derive(Clone, Debug)]
pub struct RequestNonce(pub String);

/// Leptos's render context for a page: replaces the nonce Leptos made itself by this
/// request's (called from the routes' context closure, after Leptos's own contexts).
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestNonce>().cloned());
    if let Some(RequestNonce(value)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(value));
    }
}

/// Adds the security headers to every response: the page policy with this request's nonce on
/// HTML, a deny-all policy on everything else, the static headers, HSTS when the site is
/// served over https.
pub async fn add_security_headers(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = leptos::nonce::Nonce::new().to_string();
    request.extensions_mut().insert(RequestNonce(nonce.clone()));
    let reload = std::env::var_os("LEPTOS_WATCH").map(|_| state.leptos_options.reload_port);
    let cookie = format!("{}=", session_cookie_name(state.settings.secure_cookies()));
    let signed_in = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|cookies| {
            cookies
                .split(';')
                .any(|c| c.trim_start().starts_with(&cookie))
        });
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(
        headers,
        header::REFERRER_POLICY,
        "strict-origin-when-cross-origin",
    );
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    );
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    let policy = if html {
        HeaderValue::from_str(&page_policy(&nonce, reload))
            .unwrap_or(HeaderValue::from_static(NOT_A_PAGE_POLICY))
    } else {
        HeaderValue::from_static(NOT_A_PAGE_POLICY)
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    if state.settings.secure_cookies() {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    // What a signed-in person sees (pages, server-function answers, exports) is theirs:
    // no shared or browser cache keeps it. Static files stay cacheable.
    let personal = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            [
                "text/html",
                "application/json",
                "text/csv",
                "text/calendar",
                "text/plain",
            ]
            .iter()
            .any(|kind| t.starts_with(kind))
        });
    if signed_in && personal {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::page_policy;

    #[test]
    fn the_page_policy_allows_only_the_nonce_and_our_origin() {
        let policy = page_policy("abc", None);
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(page_policy("abc", Some(3001)).contains("ws://127.0.0.1:3001"));
    }
}
