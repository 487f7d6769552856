//! The home page: what the city lab is, the programme in figures, the projects.

use crate::api::projects::{current_programme, list_projects};
use crate::components::error_notice::ErrorNotice;
use crate::components::project_card::ProjectGrid;
use crate::domain::programmes::ProgrammeView;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let programme = Resource::new(|| (), |_| current_programme());
    let projects = Resource::new(|| (), |_| list_projects(Default::default()));
    view! {
        <Title text=""/>
        <section class="hero">
            <div class="container">
                <h1>{t.home_title}</h1>
                <p class="lead">{t.home_intro}</p>
            </div>
        </section>
        <div class="container page">
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match programme.await {
                        Ok(Some(p)) => view! { <ProgrammeFacts programme=p/> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
            <section class="how" aria-labelledby="how-title">
                <h2 id="how-title">{t.home_how_title}</h2>
                <ul class="steps">
                    {t.home_how_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="projects-title">
                <h2 id="projects-title">{t.home_projects_title}</h2>
                <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                    {move || Suspend::new(async move {
                        match projects.await {
                            Ok(list) => view! {
                                <ProjectGrid projects=list/>
                            }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })}
                </Suspense>
                <p><a class="button" href="/projekte">{t.home_all_projects}</a></p>
            </section>
        </div>
    }
}

#[component]
fn ProgrammeFacts(programme: ProgrammeView) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="facts" aria-labelledby="facts-title">
            <h2 id="facts-title">{t.facts_title}</h2>
            <p>{programme.summary}</p>
            <dl class="fact-grid">
                <div><dt>{t.facts_funded_projects}</dt><dd>{programme.funded_projects}</dd></div>
                <div><dt>{t.facts_funding}</dt><dd>{(t.money)(programme.funded_cents)}</dd></div>
                <div><dt>{t.facts_proposed_projects}</dt><dd>{programme.proposed_projects}</dd></div>
                <div><dt>{t.facts_proposed_funding}</dt><dd>{(t.money)(programme.proposed_cents)}</dd></div>
            </dl>
        </section>
    }
}
