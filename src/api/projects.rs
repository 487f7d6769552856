//! Reading the project catalogue.

use crate::domain::ideas::Choice;
use crate::domain::programmes::ProgrammeView;
use crate::domain::projects::{ProjectListItem, ProjectView};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The catalogue's filters as they appear in the URL (`/projekte?phase=running&kreis=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectQuery {
    pub phase: Option<String>,
    pub kreis: Option<String>,
    pub kategorie: Option<String>,
}

/// The projects matching `query`, running first, with their idea counts.
#[server(endpoint = "projects/list")]
pub async fn list_projects(
    #[server(default)] query: ProjectQuery,
) -> Result<Vec<ProjectListItem>, AppError> {
    use crate::server::db::projects::ProjectFilter;
    use crate::server::{db, respond::fail, state::app_state};
    let non_empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let filter = ProjectFilter {
        // Unknown values in a hand-edited URL mean "no filter".
        phase: non_empty(query.phase).and_then(|p| p.parse().ok()),
        category: non_empty(query.kategorie),
        district: non_empty(query.kreis),
    };
    db::projects::list_projects(&app_state()?.db, &filter)
        .await
        .map_err(fail)
}

/// Districts (slug, name) and categories for the catalogue filters.
#[server(endpoint = "projects/filters")]
pub async fn project_filters() -> Result<(Vec<(String, String)>, Vec<Choice>), AppError> {
    use crate::server::{db, respond::fail, state::app_state};
    let state = app_state()?;
    let districts = db::projects::list_districts(&state.db)
        .await
        .map_err(fail)?;
    let categories = db::ideas::list_categories(&state.db).await.map_err(fail)?;
    Ok((districts, categories))
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
