//! One more try for a request whose transaction PostgreSQL aborted to resolve a deadlock or
//! a serialization failure (issue 13). Such a transaction kept nothing, and the same request
//! run again a moment later almost always goes through; answering "busy" would make the
//! person repeat it by hand. The request is run once more, whole, and only then does its
//! 503 reach the browser.
//!
//! Whole requests rather than single transactions: every mutating server function runs its
//! change in one transaction, so repeating the request repeats exactly the lost work. What a
//! request did before that transaction (counting a hit against a request limit) counts
//! twice, which only ever errs on the strict side.

use crate::server::malformed_input::SERVER_FUNCTION_PREFIX;
use crate::server::startup::MAX_BODY_BYTES;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// Set on a response by [`mark_contention`] and taken off again here; never leaves the server.
const CONTENTION: HeaderName = HeaderName::from_static("x-stadtlabor-contention");

/// Notes on the response being built that its transaction was aborted by contention (called
/// where a `DbError::Contention` becomes the answer). Outside a request it does nothing.
pub fn mark_contention() {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.insert_header(CONTENTION, HeaderValue::from_static("1"));
    }
}

/// Runs a server-function post (the only kind of request that changes anything and that
/// [`mark_contention`] can mark) a second time when its first run ended in contention.
/// `malformed_input`, outside this layer, has already read its body into memory within the
/// form limit, so keeping it for the second run costs a reference count.
pub async fn retry_once_on_contention(request: Request, next: Next) -> Response {
    if request.method() != Method::POST || !request.uri().path().starts_with(SERVER_FUNCTION_PREFIX)
    {
        return without_marker(next.run(request).await);
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY_BYTES).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let first = next
        .clone()
        .run(Request::from_parts(
            parts.clone(),
            Body::from(bytes.clone()),
        ))
        .await;
    if !first.headers().contains_key(CONTENTION) {
        return first;
    }
    tracing::info!(path = %parts.uri.path(), "transaction aborted by contention; running the request once more");
    without_marker(
        next.run(Request::from_parts(parts, Body::from(bytes)))
            .await,
    )
}

fn without_marker(mut response: Response) -> Response {
    response.headers_mut().remove(CONTENTION);
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::post;
    use axum::Router;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use tower::ServiceExt;

    /// A route that answers like a server function whose transaction was aborted the first
    /// `aborted` times, and echoes the body it got.
    fn app(aborted: usize, calls: Arc<AtomicUsize>) -> Router {
        Router::new()
            .route(
                "/api/change",
                post(move |body: String| {
                    let call = calls.fetch_add(1, Ordering::SeqCst);
                    async move {
                        if call < aborted {
                            let mut busy = StatusCode::SERVICE_UNAVAILABLE.into_response();
                            busy.headers_mut()
                                .insert(CONTENTION, HeaderValue::from_static("1"));
                            busy
                        } else {
                            format!("done: {body}").into_response()
                        }
                    }
                }),
            )
            .layer(axum::middleware::from_fn(retry_once_on_contention))
    }

    /// Posts a form to a route whose first `aborted` runs end in contention; returns the
    /// answer's status, whether the marker left the server, the body and how often it ran.
    async fn post_form(aborted: usize) -> (StatusCode, bool, String, usize) {
        let calls = Arc::new(AtomicUsize::new(0));
        let response = app(aborted, calls.clone())
            .oneshot(
                Request::post("/api/change")
                    .body(Body::from("text=Hallo"))
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = response.status();
        let marked = response.headers().contains_key(CONTENTION);
        let body = to_bytes(response.into_body(), 1024).await.unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        (status, marked, body, calls.load(Ordering::SeqCst))
    }

    #[tokio::test]
    async fn an_aborted_request_runs_once_more_with_the_same_body() {
        let (status, marked, body, calls) = post_form(1).await;
        assert_eq!((status, marked), (StatusCode::OK, false));
        assert_eq!(body, "done: text=Hallo");
        assert_eq!(calls, 2);
    }

    #[tokio::test]
    async fn a_second_abort_is_answered_busy_without_a_third_run() {
        let (status, marked, _, calls) = post_form(5).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(!marked, "the marker never leaves the server");
        assert_eq!(calls, 2);
    }

    #[tokio::test]
    async fn a_request_that_went_through_runs_once() {
        let (status, _, _, calls) = post_form(0).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(calls, 1);
    }
}
