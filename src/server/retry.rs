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

/// Runs a POST (the only method that changes anything) a second time when its first run
/// ended in contention. The body is a form of a few kilobytes at most: the body limit
/// outside this layer refuses larger ones before they are read.
pub async fn retry_once_on_contention(request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return without_marker(next.run(request).await);
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(err) => return unreadable_body(err),
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

/// A body over the limit (the limit's own error) is 413; one that broke off is 400.
fn unreadable_body(err: axum::Error) -> Response {
    use std::error::Error;
    let too_large = err
        .source()
        .is_some_and(|cause| cause.is::<http_body_util::LengthLimitError>());
    if too_large {
        StatusCode::PAYLOAD_TOO_LARGE.into_response()
    } else {
        (
            StatusCode::BAD_REQUEST,
            "the request body could not be read",
        )
            .into_response()
    }
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

    async fn post_form(app: Router) -> (StatusCode, bool, String) {
        let response = app
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
        (status, marked, String::from_utf8(body.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn an_aborted_request_runs_once_more_with_the_same_body() {
        let calls = Arc::new(AtomicUsize::new(0));
        let (status, marked, body) = post_form(app(1, calls.clone())).await;
        assert_eq!((status, marked), (StatusCode::OK, false));
        assert_eq!(body, "done: text=Hallo");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_second_abort_is_answered_busy_without_a_third_run() {
        let calls = Arc::new(AtomicUsize::new(0));
        let (status, marked, _) = post_form(app(5, calls.clone())).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(!marked, "the marker never leaves the server");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_request_that_went_through_runs_once() {
        let calls = Arc::new(AtomicUsize::new(0));
        let (status, _, _) = post_form(app(0, calls.clone())).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
