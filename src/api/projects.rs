//! Reading the project catalogue.

use crate::domain::ideas::Choice;
use crate::domain::programmes::ProgrammeView;
use crate::domain::projects::{ProjectDraft, ProjectImageForm, ProjectListItem, ProjectView};
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
    use crate::server::{db, request::serve};
    let non_empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let filter = ProjectFilter {
        // Unknown values in a hand-edited URL mean "no filter".
        phase: non_empty(query.phase).and_then(|p| p.parse().ok()),
        category: non_empty(query.kategorie),
        district: non_empty(query.kreis),
    };
    serve(|ctx| async move { Ok(db::projects::list_projects(&ctx.state.db, &filter).await?) }).await
}

/// Districts (slug, name) and categories for the catalogue filters.
#[server(endpoint = "projects/filters")]
pub async fn project_filters() -> Result<(Vec<(String, String)>, Vec<Choice>), AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let districts = db::projects::list_districts(&ctx.state.db).await?;
        let categories = db::ideas::list_categories(&ctx.state.db).await?;
        Ok((districts, categories))
    })
    .await
}

/// Every project (slug, title), for choosing one (workshop filter and form).
#[server(endpoint = "projects/names")]
pub async fn project_names() -> Result<Vec<(String, String)>, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move { Ok(db::projects::list_project_names(&ctx.state.db).await?) }).await
}

/// One project by its slug; `NotFound` for unknown slugs.
#[server(endpoint = "projects/get")]
pub async fn get_project(slug: String) -> Result<ProjectView, AppError> {
    use crate::server::{db, markdown, request::serve};
    serve(|ctx| async move {
        let project = db::projects::find_project_by_slug(&ctx.state.db, &slug).await?;
        Ok(project.into_view(markdown::render)?)
    })
    .await
}

/// The funding programme's headline figures; `None` before any programme was entered.
#[server(endpoint = "programmes/current")]
pub async fn current_programme() -> Result<Option<ProgrammeView>, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move { Ok(db::programmes::find_current_programme(&ctx.state.db).await?) })
        .await
}

/// The empty form of a new project (staff only): planned, open for ideas.
#[server(endpoint = "projects/new-draft")]
pub async fn new_project_draft() -> Result<ProjectDraft, AppError> {
    use crate::domain::projects::Phase;
    use crate::server::request::serve;
    serve(|ctx| async move {
        ctx.staff().await?;
        Ok(ProjectDraft {
            phase: Phase::Planned.as_str().to_owned(),
            accepts_ideas: true,
            ..ProjectDraft::default()
        })
    })
    .await
}

/// A project's fields for its edit form (staff only).
#[server(endpoint = "projects/draft")]
pub async fn get_project_draft(slug: String) -> Result<ProjectDraft, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        let (_, draft) = db::projects::find_project_draft(&ctx.state.db, &slug).await?;
        Ok(draft)
    })
    .await
}

/// The picture section of the edit page (staff only): the current picture, and the errors
/// of this visitor's upload that was just refused (once; they wait in the session). The
/// upload itself is a plain multipart form (`server::project_images`).
#[server(endpoint = "projects/image-form")]
pub async fn project_picture_form(slug: String) -> Result<ProjectImageForm, AppError> {
    use crate::server::{auth, db, project_images, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        let image = db::project_images::find_image_of_project(&ctx.state.db, &slug).await?;
        let refused = project_images::take_refusal(&auth::session().await?, &slug).await?;
        Ok(ProjectImageForm { image, refused })
    })
    .await
}

pub use save::{save_project, SaveProject};

/// The project form posts one argument per field, like every other form; the client stub
/// that `#[server]` generates from them cannot carry an attribute of its own, hence the
/// module-wide allowance.
#[allow(clippy::too_many_arguments)]
mod save {
    use super::*;

    /// Staff publish a project (`current_slug` empty) or change the one at `current_slug`.
    /// One argument per form field, posted flat like every other form; unticked boxes and an
    /// empty district list are simply absent from the post.
    #[server(endpoint = "projects/save")]
    pub async fn save_project(
        #[server(default)] current_slug: String,
        slug: String,
        title: String,
        summary: String,
        description: String,
        phase: String,
        #[server(default)] funding: String,
        responsible_body: String,
        contact: String,
        #[server(default)] category: String,
        #[server(default)] districts: Vec<String>,
        #[server(default)] starts_on: String,
        #[server(default)] ends_on: String,
        #[server(default)] support_limit: String,
        #[server(default)] accepts_ideas: Option<String>,
        #[server(default)] archived: Option<String>,
    ) -> Result<(), AppError> {
        use crate::server::{projects, request::serve};
        let draft = ProjectDraft {
            slug,
            title,
            summary,
            description,
            phase,
            funding,
            responsible_body,
            contact,
            category,
            districts,
            starts_on,
            ends_on,
            support_limit,
            accepts_ideas: accepts_ideas.is_some(),
            archived: archived.is_some(),
        };
        serve(|ctx| async move {
            let staff = ctx.staff().await?;
            let saved_slug = match current_slug.trim() {
                "" => projects::create_project(&ctx.state, &staff, &draft, ctx.now).await?,
                current => projects::update_project(&ctx.state, current, &draft, ctx.now).await?,
            };
            leptos_axum::redirect(&format!("/projekte/{saved_slug}"));
            Ok(())
        })
        .await
    }
}
