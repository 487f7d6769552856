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
    use crate::server::{ideas, request::serve};
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
    serve(|ctx| async move { Ok(ideas::idea_page(&ctx.state, &filter).await?) }).await
}

#[server(endpoint = "ideas/get")]
pub async fn get_idea(id: i64) -> Result<IdeaView, AppError> {
    use crate::server::{db, ideas, request::serve};
    serve(|ctx| async move {
        let viewer = ctx.viewer().await?;
        let page =
            db::ideas::find_idea_page(&ctx.state.db, id, viewer.as_ref().map(|v| v.id)).await?;
        ideas::idea_view(&ctx.state, page, viewer.as_ref()).await
    })
    .await
}

/// Categories and the projects that accept ideas now, for the idea form and the filters.
#[server(endpoint = "ideas/choices")]
pub async fn idea_choices() -> Result<(Vec<Choice>, Vec<(String, String)>), AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let categories = db::ideas::list_categories(&ctx.state.db).await?;
        let projects = db::projects::list_projects_accepting_ideas(&ctx.state.db).await?;
        Ok((categories, projects))
    })
    .await
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
    use crate::server::request::serve;
    serve(|ctx| async move {
        let author = ctx.verified_user().await?;
        let form = IdeaForm::new(title, body, category, project, location);
        let id = ideas::submit_idea(&ctx.state, &author, form, ctx.now).await?;
        leptos_axum::redirect(&format!("/ideen/{id}"));
        Ok(())
    })
    .await
}

/// The sanitised HTML a markdown text will show as (the preview before posting). Only for
/// the people who may post (verified accounts), and limited per person: rendering is the
/// most expensive thing an anonymous caller could otherwise ask for.
#[server(endpoint = "ideas/preview")]
pub async fn preview_markdown(body: String) -> Result<String, AppError> {
    use crate::domain::ideas::BODY_MAX_CHARS;
    use crate::server::{markdown, rate_limits, request::serve};
    serve(|ctx| async move {
        let user = ctx.verified_user().await?;
        let subject = user.id.to_string();
        rate_limits::hit(
            &ctx.state.db,
            rate_limits::PREVIEWS_PER_PERSON,
            &subject,
            ctx.now,
        )
        .await?;
        let body: String = body.chars().take(BODY_MAX_CHARS).collect();
        Ok(markdown::render(&body))
    })
    .await
}

/// Staff set a status with an official answer (markdown).
#[server(endpoint = "ideas/change-status")]
pub async fn change_idea_status(id: i64, status: String, answer: String) -> Result<(), AppError> {
    use crate::server::{ideas, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        ideas::change_status(&ctx.state, &staff, id, &status, &answer, ctx.now).await?;
        leptos_axum::redirect(&format!("/ideen/{id}"));
        Ok(())
    })
    .await
}

/// The author withdraws the idea.
#[server(endpoint = "ideas/withdraw")]
pub async fn withdraw_idea(id: i64) -> Result<(), AppError> {
    use crate::server::{ideas, request::serve};
    serve(|ctx| async move {
        let author = ctx.user().await?;
        ideas::withdraw(&ctx.state, &author, id, ctx.now).await?;
        leptos_axum::redirect(&format!("/ideen/{id}"));
        Ok(())
    })
    .await
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
    use crate::server::request::serve;
    serve(|ctx| async move {
        let author = ctx.verified_user().await?;
        let form = IdeaForm::new(title, body, category, project, location);
        ideas::edit(&ctx.state, &author, id, form, ctx.now).await?;
        leptos_axum::redirect(&format!("/ideen/{id}"));
        Ok(())
    })
    .await
}
