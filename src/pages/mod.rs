//! One component per route.

pub mod account;
pub mod admin_users;
pub mod block_account;
pub mod email_links;
pub mod held_contributions;
pub mod home;
pub mod idea;
pub mod idea_discussion;
pub mod idea_edit;
pub mod idea_new;
pub mod idea_support;
pub mod ideas;
pub mod legal;
pub mod login;
pub mod moderation_log;
pub mod moderation_queue;
pub mod moderation_review;
pub mod not_found;
pub mod notifications;
pub mod objection;
pub mod organisation_claims;
pub mod password_reset;
pub mod profile;
pub mod project;
pub mod project_form;
pub mod projects;
pub mod register;
pub mod report;
pub mod workshop;
pub mod workshop_attendees;
pub mod workshop_cancel_link;
pub mod workshop_form;
pub mod workshops;

use crate::domain::accounts::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in person of this page load, loaded once by the app shell.
#[derive(Clone, Copy)]
pub struct CurrentUserResource(pub Resource<Result<Option<CurrentUser>, AppError>>);

pub fn use_current_user() -> Resource<Result<Option<CurrentUser>, AppError>> {
    expect_context::<CurrentUserResource>().0
}

/// The page's numeric path parameter `name` (`/ideen/:id`); `None` when it is no number.
pub fn use_number_param(name: &'static str) -> impl Fn() -> Option<i64> + Copy + Send + Sync {
    let params = leptos_router::hooks::use_params_map();
    move || params.read().get(name).and_then(|v| v.parse::<i64>().ok())
}

/// What `fetch` loads for `id`; an address whose id is no number names no page.
pub async fn fetch_by_id<T, F>(id: Option<i64>, fetch: impl FnOnce(i64) -> F) -> Result<T, AppError>
where
    F: std::future::Future<Output = Result<T, AppError>>,
{
    match id {
        Some(id) => fetch(id).await,
        None => Err(AppError::NotFound),
    }
}
