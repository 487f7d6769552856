//! `/projekte`: the project catalogue.

use crate::api::projects::list_projects;
use crate::components::error_notice::ErrorNotice;
use crate::components::project_card::ProjectCard;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let t = use_texts();
    let projects = Resource::new(|| (), |_| list_projects());
    view! {
        <Title text=t.projects_title/>
        <div class="container page">
            <h1>{t.projects_title}</h1>
            <p class="lead">{t.projects_intro}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(list) if list.is_empty() => view! { <p>{t.projects_empty}</p> }.into_any(),
                        Ok(list) => view! {
                            <p class="count">{(t.project_count)(list.len())}</p>
                            <div class="card-grid">
                                {list.into_iter().map(|project| view! { <ProjectCard project/> }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
