//! A project as a card in lists.

use crate::components::project_picture::ProjectPicture;
use crate::domain::projects::ProjectListItem;
use crate::i18n::{use_locale, use_texts};
use leptos::prelude::*;

#[component]
pub fn ProjectCard(project: ProjectListItem) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let href = format!("/projekte/{}", project.slug);
    let category = project.category.as_ref().map(|c| locale.pick(c).to_owned());
    let districts = project.districts.join(", ");
    view! {
        <article class="card project-card">
            <h3><a href=href>{project.title}</a></h3>
            // First on screen (CSS), after the heading for screen readers.
            <ProjectPicture image=project.image category_slug=project.category_slug lazy=true/>
            <p class="badges">
                <span class=format!("badge phase-{}", project.phase.as_str())>{t.phase(project.phase)}</span>
                {project.archived.then(|| view! { <span class="badge badge-muted">{t.archived}</span> })}
                {(project.accepts_ideas && !project.archived)
                    .then(|| view! { <span class="badge badge-open">{t.accepts_ideas}</span> })}
            </p>
            <p>{project.summary}</p>
            <dl class="card-facts">
                {category.map(|c| view! { <div><dt>{t.fact_category}</dt><dd>{c}</dd></div> })}
                {(!districts.is_empty()).then(|| view! { <div><dt>{t.fact_districts}</dt><dd>{districts}</dd></div> })}
                <div><dt>{t.fact_ideas}</dt><dd>{(t.idea_count)(project.idea_count)}</dd></div>
            </dl>
        </article>
    }
}

/// Projects as a grid of cards (home page, catalogue).
#[component]
pub fn ProjectGrid(projects: Vec<ProjectListItem>) -> impl IntoView {
    view! {
        <div class="card-grid">
            {projects.into_iter().map(|project| view! { <ProjectCard project/> }).collect_view()}
        </div>
    }
}
