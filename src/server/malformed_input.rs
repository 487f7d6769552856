//! Input that is not what a form of ours sends is refused before any handler sees it: a query
//! string or form body whose percent-decoded bytes are not UTF-8 (400; the form decoder would
//! otherwise store it lossily, with U+FFFD in place of the bytes), and a server-function post
//! in a content type that no form sends (415).

use crate::server::startup::MAX_BODY_BYTES;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Where the server functions live (everything posted there is a form).
pub const SERVER_FUNCTION_PREFIX: &str = "/api/";

pub async fn refuse_malformed_input(request: Request, next: Next) -> Response {
    if request
        .uri()
        .query()
        .is_some_and(|q| !decodes_to_utf8(q.as_bytes()))
    {
        return refuse(StatusCode::BAD_REQUEST, &request);
    }
    if request.method() != Method::POST || !request.uri().path().starts_with(SERVER_FUNCTION_PREFIX)
    {
        return next.run(request).await;
    }
    let form_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if form_type == Some(false) {
        return refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, &request);
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            &Request::from_parts(parts, Body::empty()),
        );
    };
    // No content type is fine for an empty post (a button without fields, e.g. log out).
    if form_type.is_none() && !bytes.is_empty() {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &Request::from_parts(parts, Body::empty()),
        );
    }
    if !decodes_to_utf8(&bytes) {
        return refuse(
            StatusCode::BAD_REQUEST,
            &Request::from_parts(parts, Body::empty()),
        );
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Whether `encoded` (a query string or form body) is UTF-8 both as sent and once its
/// `%XX` escapes are decoded.
fn decodes_to_utf8(encoded: &[u8]) -> bool {
    std::str::from_utf8(encoded).is_ok()
        && std::str::from_utf8(&percent_encoding::percent_decode(encoded).collect::<Vec<u8>>())
            .is_ok()
}

fn refuse(status: StatusCode, request: &Request) -> Response {
    tracing::info!(%status, path = %request.uri().path(), "malformed request refused");
    let message = if status == StatusCode::BAD_REQUEST {
        "Die Anfrage enthielt ungültig kodierte Zeichen und wurde nicht verarbeitet. Bitte \
         senden Sie das Formular erneut.\nThe request contained invalid characters (not UTF-8) \
         and was not processed."
    } else if status == StatusCode::UNSUPPORTED_MEDIA_TYPE {
        "Diese Adresse nimmt nur Formulare an (application/x-www-form-urlencoded).\nThis \
         address only accepts form posts (application/x-www-form-urlencoded)."
    } else {
        "Die Anfrage war zu groß und wurde nicht verarbeitet.\nThe request was too large and \
         was not processed."
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::decodes_to_utf8;

    #[test]
    fn invalid_utf8_raw_or_percent_encoded_is_found() {
        assert!(decodes_to_utf8(b"title=Gr%C3%BC%C3%9Fe&body=a+b"));
        assert!(decodes_to_utf8("title=Grüße".as_bytes()));
        assert!(!decodes_to_utf8(b"title=%FF%FE"));
        assert!(!decodes_to_utf8(b"title=%C3"));
        assert!(!decodes_to_utf8(b"title=\xff"));
        // A lone % is not an escape; the decoder keeps it.
        assert!(decodes_to_utf8(b"rabatt=50%"));
    }
}
