//! Ideas: the list with filters and search, one idea, submitting, the markdown preview.

use crate::domain::ideas::{Choice, IdeaPage, IdeaView};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The list's filters as they appear in the URL; every combination has an address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaQuery {
    pub projekt: Option<String>,
    pub kategorie: Option<String>,
    pub status: Option<String>,
    pub suche: Option<String>,
    pub sortierung: Option<String>,
    pub nach: Option<String>,
}

#[server(endpoint = "ideas/list")]
pub async fn list_ideas(#[server(default)] query: IdeaQuery) -> Result<IdeaPage, AppError> {
    use crate::domain::ideas::IdeaSort;
    use crate::server::db::ideas::IdeaFilter;
    use crate::server::{ideas, respond::fail, state::app_state};
    let non_empty = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = IdeaFilter {
        project: non_empty(query.projekt),
        category: non_empty(query.kategorie),
        // Unknown values in a hand-edited URL mean "no filter", not an error page.
        status: non_empty(query.status).and_then(|s| s.parse().ok()),
        query: non_empty(query.suche).map(|q| q.chars().take(200).collect()),
        sort: query
            .sortierung
            .as_deref()
            .and_then(IdeaSort::from_param)
            .unwrap_or_default(),
        cursor: non_empty(query.nach),
    };
    ideas::idea_page(&app_state()?, &filter).await.map_err(fail)
}

#[server(endpoint = "ideas/get")]
pub async fn get_idea(id: i64) -> Result<IdeaView, AppError> {
    use crate::server::{auth, db, ideas, respond::fail, state::app_state};
    let state = app_state()?;
    let viewer = auth::current_user(&state).await.map_err(fail)?;
    let page = db::ideas::find_idea_page(&state.db, id, viewer.as_ref().map(|v| v.id))
        .await
        .map_err(fail)?;
    ideas::idea_view(&state, page, viewer.as_ref())
        .await
        .map_err(fail)
}

/// Categories and the projects that accept ideas now, for the idea form and the filters.
#[server(endpoint = "ideas/choices")]
pub async fn idea_choices() -> Result<(Vec<Choice>, Vec<(String, String)>), AppError> {
    use crate::server::{db, respond::fail, state::app_state};
    let state = app_state()?;
    let categories = db::ideas::list_categories(&state.db).await.map_err(fail)?;
    let projects = db::projects::list_projects_accepting_ideas(&state.db)
        .await
        .map_err(fail)?;
    Ok((categories, projects))
}

#[server(endpoint = "ideas/create")]
pub async fn create_idea(
    title: String,
    body: String,
    category: String,
    project: Option<String>,
    location: Option<String>,
) -> Result<(), AppError> {
    use crate::server::ideas::{self, IdeaForm};
    use crate::server::{auth, respond::fail, state::app_state};
    let state = app_state()?;
    let author = auth::require_verified(&state).await.map_err(fail)?;
    let form = IdeaForm::new(title, body, category, project, location);
    let id = ideas::submit_idea(&state, &author, form, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{id}"));
    Ok(())
}

/// The sanitised HTML a markdown text will show as (the preview before posting).
#[server(endpoint = "ideas/preview")]
pub async fn preview_markdown(body: String) -> Result<String, AppError> {
    use crate::domain::ideas::BODY_MAX_CHARS;
    let body: String = body.chars().take(BODY_MAX_CHARS).collect();
    Ok(crate::server::markdown::render(&body))
}

/// Staff set a status with an official answer (markdown).
#[server(endpoint = "ideas/change-status")]
pub async fn change_idea_status(id: i64, status: String, answer: String) -> Result<(), AppError> {
    use crate::domain::accounts::Role;
    use crate::server::{auth, ideas, respond::fail, state::app_state};
    let state = app_state()?;
    let staff = auth::require_role(&state, &[Role::Moderator, Role::Admin])
        .await
        .map_err(fail)?;
    ideas::change_status(&state, &staff, id, &status, &answer, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{id}"));
    Ok(())
}

/// The author withdraws the idea.
#[server(endpoint = "ideas/withdraw")]
pub async fn withdraw_idea(id: i64) -> Result<(), AppError> {
    use crate::server::{auth, ideas, respond::fail, state::app_state};
    let state = app_state()?;
    let author = auth::require_user(&state).await.map_err(fail)?;
    ideas::withdraw(&state, &author, id, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{id}"));
    Ok(())
}

/// The author edits the idea while nobody has supported or commented on it.
#[server(endpoint = "ideas/update")]
pub async fn update_idea(
    id: i64,
    title: String,
    body: String,
    category: String,
    project: Option<String>,
    location: Option<String>,
) -> Result<(), AppError> {
    use crate::server::ideas::{self, IdeaForm};
    use crate::server::{auth, respond::fail, state::app_state};
    let state = app_state()?;
    let author = auth::require_verified(&state).await.map_err(fail)?;
    let form = IdeaForm::new(title, body, category, project, location);
    ideas::edit(&state, &author, id, form, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideen/{id}"));
    Ok(())
}
