//! Reading the project catalogue.

use crate::domain::programmes::ProgrammeView;
use crate::domain::projects::{ProjectListItem, ProjectView};
use crate::error::AppError;
use leptos::prelude::*;

/// All published projects, newest phase first, with their idea counts.
#[server(endpoint = "projects/list")]
pub async fn list_projects() -> Result<Vec<ProjectListItem>, AppError> {
    use crate::server::{db, respond::fail, state::app_state};
    db::projects::list_projects(&app_state()?.db)
        .await
        .map_err(fail)
}

/// One project by its slug; `NotFound` for unknown slugs.
#[server(endpoint = "projects/get")]
pub async fn get_project(slug: String) -> Result<ProjectView, AppError> {
    use crate::server::{db, markdown, respond::fail, state::app_state};
    let project = db::projects::find_project_by_slug(&app_state()?.db, &slug)
        .await
        .map_err(fail)?;
    project.into_view(markdown::render).map_err(fail)
}

/// The funding programme's headline figures; `None` before any programme was entered.
#[server(endpoint = "programmes/current")]
pub async fn current_programme() -> Result<Option<ProgrammeView>, AppError> {
    use crate::server::{db, respond::fail, state::app_state};
    db::programmes::find_current_programme(&app_state()?.db)
        .await
        .map_err(fail)
}
