//! Security headers of every response: the Content-Security-Policy of pages (with the nonce
//! Leptos puts on its inline scripts, so no other script runs), and the static headers that
//! stop sniffing, framing, referrer leaks, and caching of what signed-in people see.

use crate::server::sessions::SESSION_COOKIE;
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::config::LeptosOptions;

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

/// Called by the shell while it renders: sets the page's policy with this response's nonce.
pub fn set_page_policy(options: &LeptosOptions) {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let reload = std::env::var_os("LEPTOS_WATCH").map(|_| options.reload_port);
    if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce.to_string(), reload)) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Adds the static headers to every response (and HSTS when the site is served over https).
pub async fn add_security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let signed_in = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|cookies| {
            cookies
                .split(';')
                .any(|c| c.trim_start().starts_with(&format!("{SESSION_COOKIE}=")))
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
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(headers, header::CONTENT_SECURITY_POLICY, NOT_A_PAGE_POLICY);
    }
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
