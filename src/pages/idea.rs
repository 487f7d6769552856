//! `/ideen/{id}`: one idea with its facts.

use crate::api::ideas::get_idea;
use crate::components::error_notice::ErrorNotice;
use crate::domain::ideas::IdeaView;
use crate::error::AppError;
use crate::i18n::{use_locale, use_texts};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn IdeaPage() -> impl IntoView {
    let params = use_params_map();
    let idea = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
        },
        |id| async move {
            match id {
                Some(id) => get_idea(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p class="container">{use_texts().loading}</p> }>
            {move || Suspend::new(async move {
                match idea.await {
                    Ok(idea) => view! { <IdeaDetails idea/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn IdeaDetails(idea: IdeaView) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    view! {
        <Title text=idea.title.clone()/>
        <article class="container page idea">
            <p><a href="/ideen">{t.ideas_title}</a></p>
            <h1>{idea.title}</h1>
            <p class="badges">
                <span class=format!("badge status-{}", idea.status.as_str())>{t.idea_status(idea.status)}</span>
                {idea.edited.then(|| view! { <span class="badge badge-muted">{t.edited_marker}</span> })}
            </p>
            <p class="meta">
                {t.by_author}" "{idea.author.shown_name().to_owned()}
                {idea.author.is_staff.then(|| view! { " "<span class="badge">{t.staff_badge}</span> })}
                " · "{(t.date)(idea.created_at.date_naive())}
            </p>
            <div class="project-layout">
                // Rendered from markdown and sanitised on the server (server::markdown).
                <div class="prose" inner_html=idea.body_html></div>
                <aside class="project-facts" aria-labelledby="idea-facts-title">
                    <h2 id="idea-facts-title">{t.idea_facts_title}</h2>
                    <dl>
                        <dt>{t.filter_status}</dt><dd>{t.idea_status(idea.status)}</dd>
                        <dt>{t.field_category}</dt><dd>{locale.pick(&idea.category).to_owned()}</dd>
                        {idea.project_title.map(|title| {
                            let href = format!("/projekte/{}", idea.project_slug.unwrap_or_default());
                            view! { <dt>{t.filter_project}</dt><dd><a href=href>{title}</a></dd> }
                        })}
                        {idea.location.map(|l| view! { <dt>{t.field_location_label}</dt><dd>{l}</dd> })}
                        <dt>{t.fact_ideas}</dt>
                        <dd>{(t.support_count)(idea.vote_count)}", "{(t.comment_count)(idea.comment_count)}</dd>
                    </dl>
                </aside>
            </div>
        </article>
    }
}
