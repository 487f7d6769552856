//! One request's context for server functions: the state, the clock's `now`, and the signed-in
//! person, loaded at most once per request. A server function body is then "parse, authorise,
//! one transaction, answer" with plain `?`:
//!
//! ```ignore
//! serve(|ctx| async move {
//!     let author = ctx.verified_user().await?;
//!     comments::post_comment(&ctx.state, &author, idea_id, parent_id, &body, ctx.now).await?;
//!     Ok(())
//! })
//! .await
//! ```

use crate::domain::accounts::Role;
use crate::error::AppError;
use crate::server::auth;
use crate::server::db::users::UserRow;
use crate::server::respond::fail;
use crate::server::state::{app_state, AppState};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, Utc};
use std::future::Future;
use std::sync::Arc;
use tokio::sync::OnceCell;

pub struct Ctx {
    pub state: AppState,
    /// The request's instant, from the state's clock (one value for the whole request).
    pub now: DateTime<Utc>,
}

/// Runs a server function's body with the request's context. An error from anywhere in the
/// body sets the response status here, once.
pub async fn serve<T, F, Fut>(body: F) -> Result<T, AppError>
where
    F: FnOnce(Ctx) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let result = async {
        let state = app_state()?;
        let now = state.clock.now();
        body(Ctx { state, now }).await
    }
    .await;
    result.map_err(fail)
}

impl Ctx {
    /// The signed-in account, or `None`.
    /// Read from the session and the database once per request (a page render calls several
    /// server functions that each ask).
    pub async fn viewer(&self) -> Result<Option<UserRow>, AppError> {
        let load = || auth::load_current_user(&self.state, self.now);
        match request_viewer() {
            Some(cache) => cache.get_or_try_init(load).await.cloned(),
            None => load().await,
        }
    }

    /// The signed-in account, or `Unauthenticated`.
    pub async fn user(&self) -> Result<UserRow, AppError> {
        self.viewer().await?.ok_or(AppError::Unauthenticated)
    }

    /// The signed-in account if its address is verified: needed to post, comment and vote.
    pub async fn verified_user(&self) -> Result<UserRow, AppError> {
        let user = self.user().await?;
        if user.email_verified_at.is_some() {
            Ok(user)
        } else {
            Err(AppError::EmailNotVerified)
        }
    }

    /// The signed-in account if it has one of `roles`; `Unauthenticated` or `Forbidden`.
    pub async fn user_with_role(&self, roles: &[Role]) -> Result<UserRow, AppError> {
        let user = self.user().await?;
        if roles.contains(&user.role) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// A moderator or an administrator.
    pub async fn staff(&self) -> Result<UserRow, AppError> {
        self.user_with_role(&[Role::Moderator, Role::Admin]).await
    }
}

/// Forgets the cached viewer after a login or logout within the same request.
pub fn forget_viewer() {
    if let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() {
        if let Some(cache) = parts.extensions.get::<ViewerCache>() {
            cache.0.lock().map(|mut c| *c = Arc::default()).ok();
        }
    }
}

/// The per-request slot for the signed-in account, placed into every request's extensions
/// by [`provide_viewer_cache`]. Cloning shares the slot (leptos clones the request parts into
/// each server function's and page's context).
#[derive(Clone, Default)]
pub struct ViewerCache(Arc<std::sync::Mutex<Arc<OnceCell<Option<UserRow>>>>>);

fn request_viewer() -> Option<Arc<OnceCell<Option<UserRow>>>> {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
    let cache = parts.extensions.get::<ViewerCache>()?;
    cache.0.lock().ok().map(|c| Arc::clone(&c))
}

/// Middleware: gives each request an empty viewer slot.
pub async fn provide_viewer_cache(mut request: Request, next: Next) -> Response {
    request.extensions_mut().insert(ViewerCache::default());
    next.run(request).await
}
