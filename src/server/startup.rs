//! Building and running the application: router, middleware, listener, graceful shutdown.

use crate::app::{shell, App};
use crate::domain::moderation::LOG_CSV_PATH;
use crate::domain::projects::IMAGE_MAX_BYTES;
use crate::server::clock::Clock;
use crate::server::config::Settings;
use crate::server::db::Db;
use crate::server::jobs::{self, Heartbeat};
use crate::server::mail::worker::MailWorker;
use crate::server::mail::{MailSignal, MailTransport};
use crate::server::sessions::{session_layer, DbSessionStore};
use crate::server::signing::SigningKey;
use crate::server::state::AppState;
use crate::server::{
    csrf, health, language, malformed_input, moderation_export, project_images, request,
    security_headers, unsubscribe, workshop_export, workshop_feeds,
};
use anyhow::Context;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use std::any::Any;
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// A bound, ready-to-serve instance. Tests build it on port 0 and read the port.
pub struct Application {
    listener: TcpListener,
    router: Router,
    db: Db,
    worker: MailWorker,
    scheduled_heartbeat: Heartbeat,
    state: AppState,
}

impl Application {
    /// Connects to the database, applies migrations and binds the listener, reading time from
    /// `clock` (the system's in production; tests pass one they can move). Several instances
    /// may do so at the same moment (see [`Db::open`]).
    pub async fn build(settings: Settings, clock: Clock) -> anyhow::Result<Self> {
        let db = Db::open(&settings.database_url, settings.db_max_connections).await?;
        Self::build_with_db(settings, db, clock).await
    }

    /// Binds the listener for an already connected and migrated database, reading time from
    /// `clock` (tests pass one they can move).
    pub async fn build_with_db(settings: Settings, db: Db, clock: Clock) -> anyhow::Result<Self> {
        crate::server::single_node::claim(&db, clock.now()).await?;
        crate::server::renderings::refresh_stored_renderings(&db)
            .await
            .context("rendering stored markdown anew")?;
        let listener = TcpListener::bind(settings.site_addr)
            .await
            .with_context(|| {
                format!("LEPTOS_SITE_ADDR: cannot listen on {}", settings.site_addr)
            })?;
        let transport = MailTransport::from_settings(
            settings
                .smtp_url
                .as_ref()
                .map(secrecy::ExposeSecret::expose_secret),
            settings.mail_dir.clone(),
        )?;
        let sessions = DbSessionStore::new(&db);
        let mail_signal = MailSignal::default();
        let mail_heartbeat = Heartbeat::new("mail", crate::server::mail::worker::MAX_SILENCE);
        let scheduled_heartbeat = Heartbeat::new("scheduled", jobs::SCHEDULED_MAX_SILENCE);
        let worker = MailWorker {
            db: db.clone(),
            transport,
            from: settings.mail_from.clone(),
            retry_base: settings.mail_retry_base,
            signal: mail_signal.clone(),
            sessions: sessions.clone(),
            clock: clock.clone(),
            heartbeat: mail_heartbeat.clone(),
        };
        let unsubscribe_key = SigningKey::load_or_create(&db, "unsubscribe").await?;
        let demo_installation =
            crate::server::seed_participation::is_demo_installation(&db).await?;
        let state = AppState {
            leptos_options: settings.leptos_options(),
            db: db.clone(),
            settings: Arc::new(settings),
            mail_signal,
            unsubscribe_key,
            clock,
            heartbeats: Arc::new([mail_heartbeat, scheduled_heartbeat.clone()]),
            demo_installation,
        };
        Ok(Application {
            listener,
            router: router(state.clone(), sessions),
            db,
            worker,
            scheduled_heartbeat,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default()
    }

    /// Serves (with the supervised background jobs beside it) until `shutdown` completes, then
    /// lets running requests finish, stops the jobs and closes the database pool.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let address = self.listener.local_addr()?;
        let header_timeout = self.state.settings.header_timeout;
        tracing::info!(%address, database = self.db.engine(), "Stadtlabor is listening");
        let (stop_jobs, jobs_stopped) = watch::channel(false);
        let scheduled = tokio::spawn({
            let (state, stopped, beat) =
                (self.state, jobs_stopped.clone(), self.scheduled_heartbeat);
            jobs::supervise("scheduled", jobs_stopped.clone(), move || {
                jobs::run_scheduled_until_stopped(state.clone(), stopped.clone(), beat.clone())
            })
        });
        let worker = Arc::new(self.worker);
        let mail = tokio::spawn(jobs::supervise("mail", jobs_stopped.clone(), move || {
            let (worker, stopped) = (Arc::clone(&worker), jobs_stopped.clone());
            async move { worker.run(stopped).await }
        }));
        crate::server::serve::serve(self.listener, self.router, header_timeout, shutdown).await;
        let _ = stop_jobs.send(true);
        for job in [mail, scheduled] {
            if let Err(err) = job.await {
                tracing::error!(error = %err, "a background job ended abnormally");
            }
        }
        if let Err(err) = crate::server::single_node::release(&self.db).await {
            tracing::error!(error = %err, "cannot give the SQLite file free for another machine");
        }
        self.db.close().await;
        tracing::info!("Stadtlabor stopped");
        Ok(())
    }
}

/// The largest request body accepted: the longest form (an idea of 10,000 characters, each
/// percent-encoded to up to 9 bytes) fits more than twice.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// What every rendered page gets from the server besides the request: this response's
/// script nonce, and whether this is a demo installation.
fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let demo = crate::app::DemoInstallation(state.demo_installation);
    move || {
        security_headers::provide_request_nonce();
        leptos::prelude::provide_context(demo);
    }
}

/// All routes: the files (outside the sessions), health and language endpoints, the Leptos
/// pages and server functions, and the German 404 page for everything else.
pub fn router(state: AppState, sessions: DbSessionStore) -> Router {
    let routes = generate_route_list(App);
    let secure_cookies = state.settings.secure_cookies();
    let app_router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/sprache/{code}", get(language::switch_language))
        .route(LOG_CSV_PATH, get(moderation_export::download))
        .route(
            workshop_feeds::FEED_PATH,
            get(workshop_feeds::all_workshops),
        )
        .route(
            workshop_feeds::WORKSHOP_ICS_PATH,
            get(workshop_feeds::one_workshop),
        )
        .route(
            workshop_feeds::PROJECT_FEED_PATH,
            get(workshop_feeds::project_workshops),
        )
        .route(
            workshop_export::ATTENDEES_CSV_PATH,
            get(workshop_export::download),
        )
        .route(project_images::REMOVE_PATH, post(project_images::remove))
        .leptos_routes_with_context(&state, routes, page_context(&state), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            page_context(&state),
            shell,
        ))
        // Inside the body limit, which bounds what it keeps for a second run.
        .layer(axum::middleware::from_fn(
            crate::server::retry::retry_once_on_contention,
        ))
        // A form is a few kilobytes; anything larger is refused with 413 before it is read.
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        // Added after that limit, so outside it: a picture may be up to IMAGE_MAX_BYTES (the
        // form says so when it is larger); twice that is refused with 413 before it is read.
        .merge(
            Router::new()
                .route(project_images::UPLOAD_PATH, post(project_images::upload))
                .layer(DefaultBodyLimit::disable())
                .layer(RequestBodyLimitLayer::new(2 * IMAGE_MAX_BYTES)),
        )
        // After the CSRF check: a foreign site's post is refused as that, whatever it sends.
        .layer(axum::middleware::from_fn(
            malformed_input::refuse_malformed_input,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            csrf::reject_cross_site_requests,
        ))
        // Inside the sessions: a refused form's errors wait in the visitor's session.
        .layer(axum::middleware::from_fn(
            crate::server::form_errors::keep_out_of_urls,
        ))
        .layer(session_layer(sessions, secure_cookies))
        .layer(axum::middleware::from_fn(request::provide_viewer_cache))
        .with_state(state.clone());
    // Authorised by its signed token alone, so outside the CSRF check and the sessions.
    let one_click = Router::new()
        .route(
            unsubscribe::ONE_CLICK_PATH,
            get(unsubscribe::confirm_page).post(unsubscribe::one_click),
        )
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .with_state(state.clone());
    let request_timeout = state.settings.request_timeout;
    let routes = files(&state)
        .merge(one_click)
        .merge(app_router)
        // A request whose body stalls, or whose work hangs, ends with 408 (F-13).
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            request_timeout,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state,
            security_headers::add_security_headers,
        ))
        // Pages, styles and the WebAssembly travel compressed (brotli or gzip, as the browser
        // accepts; `Vary: Accept-Encoding`). Level 4: on the fly, the best levels cost more
        // CPU per request than they save in transfer (issue 13).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)));
    with_middleware(routes)
}

/// The files: the built script, WebAssembly and stylesheet (`/pkg`), the files from `public/`
/// and the project pictures. They are outside the sessions on purpose. A file needs no
/// session, so a browser's files cost no session lookup in the database. And a file requested
/// with a session cookie that a login has just replaced (a login gives the session a new id,
/// and the old one is deleted at once) would find no session; the session layer answers that
/// with a removal of the cookie, and if that answer reaches the browser after the login's
/// answer, it removes the new cookie: the person is signed out again right after signing in
/// (found in the round-robin run of the browser journeys: a stylesheet still loading on a
/// slow instance while the person confirmed the address).
fn files(state: &AppState) -> Router {
    let site_root = std::path::Path::new(&state.settings.site_root);
    // Served by tower-http itself so that conditional requests get their 304 (the Leptos
    // file handler passes only `Accept-Encoding` on). Like that handler, it prefers a
    // `.br`/`.gz` file beside the original when the browser accepts it.
    let built_files = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let mut files = Router::new()
        .nest_service("/pkg", built_files)
        .layer(axum::middleware::from_fn(cache_built_files))
        .route(project_images::SERVE_PATH, get(project_images::serve))
        .with_state(state.clone());
    // What cargo-leptos copied from `public/` (favicon, robots.txt, illustrations), one route
    // per entry found at start.
    let public = std::fs::read_dir(site_root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_name() != "pkg");
    for entry in public {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let path = entry.path();
        files = if path.is_dir() {
            files.nest_service(&format!("/{name}"), ServeDir::new(path))
        } else {
            files.route_service(&format!("/{name}"), ServeFile::new(path))
        };
    }
    files
}

/// How long a browser may keep a built file. One whose name carries its content's hash
/// (`stadtlabor.<hash>.wasm`, from cargo-leptos `hash-files`) never changes: a year, without
/// asking again. One with a plain name (a build without hashes) must be revalidated (a 304
/// without body while unchanged, thanks to `Last-Modified`), or new pages would load their islands from
/// an old WebAssembly.
async fn cache_built_files(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let hashed = has_content_hash(request.uri().path());
    let mut response = next.run(request).await;
    let rule = if hashed && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static(rule),
    );
    response
}

/// Whether a file name is `<name>.<hash>.<extension>` with cargo-leptos' hash (the MD5 of
/// the content, 22 characters of unpadded URL-safe base64).
fn has_content_hash(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    matches!(parts.as_slice(), [_, hash, _] if hash.len() == 22
        && hash.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
}

/// Request logging and panic isolation around any router.
pub fn with_middleware(router: Router) -> Router {
    router
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(TraceLayer::new_for_http())
}

/// A panicking handler answers a plain 500 page; the panic message goes to the log only.
fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = jobs::panic_message(panic.as_ref());
    tracing::error!(panic = message, "a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        PANIC_PAGE,
    )
        .into_response()
}

const PANIC_PAGE: &str = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">\
<title>Interner Fehler – Stadtlabor</title></head><body><main><h1>Ein Fehler ist aufgetreten</h1>\
<p>Die Seite konnte gerade nicht geladen werden. Bitte versuchen Sie es in einigen Minuten \
erneut.</p><p><a href=\"/\">Zur Startseite</a></p></main></body></html>";

/// Completes on Ctrl-C or SIGTERM (what systemd sends on stop).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing running requests");
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_answers_500_without_leaking_the_message() {
        let router = with_middleware(Router::new().route(
            "/boom",
            get(|| async {
                panic!("secret detail");
                #[allow(unreachable_code)]
                ""
            }),
        ));
        let response = router
            .oneshot(
                axum::http::Request::get("/boom")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let body = String::from_utf8_lossy(&body);
        assert!(body.contains("Ein Fehler ist aufgetreten"));
        assert!(!body.contains("secret detail"));
    }
}
