//! Building and running the application: router, middleware, listener, graceful shutdown.

use crate::app::{shell, App};
use crate::server::config::Settings;
use crate::server::db::Db;
use crate::server::mail::worker::MailWorker;
use crate::server::mail::{MailSignal, MailTransport};
use crate::server::sessions::{session_layer, DbSessionStore};
use crate::server::signing::SigningKey;
use crate::server::state::AppState;
use crate::server::{csrf, health, language, notifications, unsubscribe};
use anyhow::Context;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use std::any::Any;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

/// A bound, ready-to-serve instance. Tests build it on port 0 and read the port.
pub struct Application {
    listener: TcpListener,
    router: Router,
    db: Db,
    worker: MailWorker,
    state: AppState,
}

impl Application {
    /// Connects to the database, applies migrations and binds the listener.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = Db::connect(&settings.database_url, settings.db_max_connections).await?;
        db.migrate().await?;
        Self::build_with_db(settings, db).await
    }

    /// Binds the listener for an already connected and migrated database.
    pub async fn build_with_db(settings: Settings, db: Db) -> anyhow::Result<Self> {
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
        let worker = MailWorker {
            db: db.clone(),
            transport,
            from: settings.mail_from.clone(),
            retry_base: settings.mail_retry_base,
            signal: mail_signal.clone(),
            sessions: sessions.clone(),
        };
        let unsubscribe_key = SigningKey::load_or_create(&db, "unsubscribe").await?;
        let state = AppState {
            leptos_options: settings.leptos_options(),
            db: db.clone(),
            settings: Arc::new(settings),
            mail_signal,
            unsubscribe_key,
        };
        Ok(Application {
            listener,
            router: router(state.clone(), sessions),
            db,
            worker,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default()
    }

    /// Serves (with the outbox worker beside it) until `shutdown` completes, then lets running
    /// requests finish, stops the worker and closes the database pool.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let address = self.listener.local_addr()?;
        tracing::info!(%address, database = self.db.engine(), "Stadtlabor is listening");
        let (stop_worker, worker_stopped) = watch::channel(false);
        let digests = tokio::spawn(send_digests_until_stopped(
            self.state,
            worker_stopped.clone(),
        ));
        let worker = tokio::spawn(self.worker.run(worker_stopped));
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        let _ = stop_worker.send(true);
        let _ = worker.await;
        let _ = digests.await;
        served?;
        self.db.close().await;
        tracing::info!("Stadtlabor stopped");
        Ok(())
    }
}

/// Checks once a minute whether digests are due. Each instance may do so: the digest record
/// per person and period keeps a digest from going out twice.
async fn send_digests_until_stopped(state: AppState, mut stopped: watch::Receiver<bool>) {
    loop {
        if let Err(err) = notifications::send_due_digests(&state, chrono::Utc::now()).await {
            tracing::error!(error = %err, "sending digests failed; retrying in a minute");
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
            _ = stopped.changed() => return,
        }
    }
}

/// All routes: health and language endpoints, the Leptos pages and server functions, static
/// files, and the German 404 page for everything else.
pub fn router(state: AppState, sessions: DbSessionStore) -> Router {
    let routes = generate_route_list(App);
    let secure_cookies = state.settings.secure_cookies();
    let app_router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/sprache/{code}", get(language::switch_language))
        .leptos_routes_with_context(&state, routes, || {}, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            || {},
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            csrf::reject_cross_site_requests,
        ))
        .layer(session_layer(sessions, secure_cookies))
        .with_state(state.clone());
    // Authorised by its signed token alone, so outside the CSRF check and the sessions.
    let one_click = Router::new()
        .route(
            unsubscribe::ONE_CLICK_PATH,
            get(unsubscribe::confirm_page).post(unsubscribe::one_click),
        )
        .with_state(state);
    with_middleware(one_click.merge(app_router))
}

/// Request logging and panic isolation around any router.
pub fn with_middleware(router: Router) -> Router {
    router
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(TraceLayer::new_for_http())
}

/// A panicking handler answers a plain 500 page; the panic message goes to the log only.
fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
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
