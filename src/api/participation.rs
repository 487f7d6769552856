//! Taking part in an idea: comments, supports, following.

use crate::error::AppError;
use leptos::prelude::*;

/// A comment on an idea, or with `parent_id` a reply to one of its comments.
#[server(endpoint = "comments/create")]
pub async fn create_comment(
    idea_id: i64,
    #[server(default)] parent_id: Option<i64>,
    body: String,
) -> Result<(), AppError> {
    use crate::server::{auth, comments, respond::fail, state::app_state};
    let state = app_state()?;
    let author = auth::require_verified(&state).await.map_err(fail)?;
    let id = comments::post_comment(
        &state,
        &author,
        idea_id,
        parent_id,
        &body,
        chrono::Utc::now(),
    )
    .await
    .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{idea_id}#kommentar-{id}"));
    Ok(())
}

/// The author changes their comment.
#[server(endpoint = "comments/update")]
pub async fn update_comment(id: i64, body: String) -> Result<(), AppError> {
    use crate::server::{auth, comments, respond::fail, state::app_state};
    let state = app_state()?;
    let author = auth::require_verified(&state).await.map_err(fail)?;
    let idea_id = comments::edit_comment(&state, &author, id, &body, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{idea_id}#kommentar-{id}"));
    Ok(())
}

/// The author deletes their comment (its place in the thread stays).
#[server(endpoint = "comments/delete")]
pub async fn delete_comment(id: i64) -> Result<(), AppError> {
    use crate::server::{auth, comments, respond::fail, state::app_state};
    let state = app_state()?;
    let author = auth::require_user(&state).await.map_err(fail)?;
    let idea_id = comments::delete_comment(&state, &author, id, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{idea_id}#kommentar-{id}"));
    Ok(())
}

/// Supports an idea (`support = true`) or takes the support back.
#[server(endpoint = "votes/set")]
pub async fn set_support(idea_id: i64, support: bool) -> Result<(), AppError> {
    use crate::server::{auth, respond::fail, state::app_state, votes};
    let state = app_state()?;
    let voter = auth::require_verified(&state).await.map_err(fail)?;
    if support {
        votes::support(&state, &voter, idea_id, chrono::Utc::now()).await
    } else {
        votes::withdraw_support(&state, &voter, idea_id).await
    }
    .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{idea_id}#unterstuetzen"));
    Ok(())
}

/// Follows or unfollows an idea.
#[server(endpoint = "follows/idea")]
pub async fn follow_idea(idea_id: i64, follow: bool) -> Result<(), AppError> {
    use crate::server::db::{follows, ideas};
    use crate::server::{auth, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    let mut tx = state.db.begin().await.map_err(fail)?;
    ideas::find_idea_state(&mut tx, idea_id)
        .await
        .map_err(fail)?;
    let idea = follows::Followed::Idea(idea_id);
    follows::set_following(&mut tx, user.id, idea, follow, chrono::Utc::now())
        .await
        .map_err(fail)?;
    tx.commit().await.map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{idea_id}#folgen"));
    Ok(())
}

/// Whether the signed-in person follows the project (`false` when signed out).
#[server(endpoint = "follows/project-state")]
pub async fn project_follow_state(slug: String) -> Result<bool, AppError> {
    use crate::server::db::follows;
    use crate::server::{auth, respond::fail, state::app_state};
    let state = app_state()?;
    match auth::current_user(&state).await.map_err(fail)? {
        Some(user) => follows::follows_project(&state.db, user.id, &slug)
            .await
            .map_err(fail),
        None => Ok(false),
    }
}

/// Follows or unfollows a project (new ideas in it notify).
#[server(endpoint = "follows/project")]
pub async fn follow_project(slug: String, follow: bool) -> Result<(), AppError> {
    use crate::server::db::{follows, projects};
    use crate::server::{auth, respond::fail, state::app_state};
    let state = app_state()?;
    let user = auth::require_user(&state).await.map_err(fail)?;
    let project_id = projects::find_project_id(&state.db, &slug)
        .await
        .map_err(fail)?;
    let mut tx = state.db.begin().await.map_err(fail)?;
    let project = follows::Followed::Project(project_id);
    follows::set_following(&mut tx, user.id, project, follow, chrono::Utc::now())
        .await
        .map_err(fail)?;
    tx.commit().await.map_err(fail)?;
    leptos_axum::redirect(&format!("/projekte/{slug}#folgen"));
    Ok(())
}
