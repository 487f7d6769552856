//! The home page: an invitation to take part (submit an idea, search), the newest and most
//! supported ideas, the next workshops, the programme in figures, the projects.

use crate::api::ideas::{list_ideas, IdeaQuery};
use crate::api::projects::{current_programme, list_projects};
use crate::api::workshops::list_workshops;
use crate::components::error_notice::ErrorNotice;
use crate::components::idea_card::IdeaCard;
use crate::components::project_card::ProjectGrid;
use crate::components::workshop_card::WorkshopCard;
use crate::domain::ideas::{IdeaListItem, IdeaSort};
use crate::domain::programmes::ProgrammeView;
use crate::domain::workshops::WorkshopListItem;
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

/// How many ideas and workshops each section of the home page shows.
const SHOWN: usize = 3;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let programme = Resource::new(|| (), |_| current_programme());
    let projects = Resource::new(|| (), |_| list_projects(Default::default()));
    // Each resource loads only what the page shows.
    let newest = Resource::new(|| (), |_| first_ideas(IdeaSort::Newest));
    let supported = Resource::new(|| (), |_| first_ideas(IdeaSort::MostSupported));
    let workshops = Resource::new(|| (), |_| upcoming_workshops());
    view! {
        <Title text=""/>
        <section class="hero">
            <div class="container">
                <h1>{t.home_title}</h1>
                <p class="lead">{t.home_intro}</p>
                <p class="hero-actions">
                    <a class="button" href="/ideen/neu">{t.home_submit_idea}</a>
                    <a class="button button-secondary" href="/workshops">{t.home_all_workshops}</a>
                </p>
                <form method="get" action="/ideen" class="home-search" role="search">
                    <label for="home-suche">{t.home_search_label}</label>
                    <div class="home-search-row">
                        <input id="home-suche" name="suche" type="search" maxlength="200"/>
                        <button type="submit" class="button">{t.home_search_submit}</button>
                    </div>
                </form>
            </div>
        </section>
        <div class="container page">
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match (newest.await, supported.await) {
                        (Ok(newest), _) if newest.is_empty() => view! {
                            <section aria-labelledby="newest-title">
                                <h2 id="newest-title">{t.home_newest_title}</h2>
                                <p>{t.home_no_ideas}</p>
                            </section>
                        }.into_any(),
                        (Ok(newest), Ok(supported)) => view! {
                            <IdeaSection id="newest-title" title=t.home_newest_title ideas=newest/>
                            <IdeaSection id="supported-title" title=t.home_supported_title ideas=supported/>
                            <p><a class="button button-secondary" href="/ideen">{t.home_all_ideas}</a></p>
                        }.into_any(),
                        (Err(error), _) | (_, Err(error)) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let upcoming = workshops.await.unwrap_or_default();
                    (!upcoming.is_empty()).then(|| view! {
                        <section aria-labelledby="workshops-title">
                            <h2 id="workshops-title">{t.home_workshops_title}</h2>
                            <div class="card-grid">
                                {upcoming.into_iter().map(|workshop| view! { <WorkshopCard workshop/> }).collect_view()}
                            </div>
                        </section>
                    })
                })}
            </Suspense>
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
                        let funded = programme.await.ok().flatten().map(|p| p.funded_projects);
                        match projects.await {
                            Ok(list) => {
                                // The figures count the whole programme; say how much of it
                                // is here, so "12 funded projects" above 3 cards adds up.
                                let listed = list.len();
                                let more = funded.is_some_and(|f| usize::try_from(f).is_ok_and(|f| f > listed));
                                view! {
                                    {more.then(|| view! { <p>{(t.home_projects_listed)(listed)}</p> })}
                                    <ProjectGrid projects=list/>
                                }.into_any()
                            }
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })}
                </Suspense>
                <p><a class="button" href="/projekte">{t.home_all_projects}</a></p>
            </section>
        </div>
    }
}

/// The first [`SHOWN`] ideas in `sort` order.
async fn first_ideas(sort: IdeaSort) -> Result<Vec<IdeaListItem>, AppError> {
    let query = IdeaQuery {
        sortierung: Some(sort.as_param().to_owned()),
        ..IdeaQuery::default()
    };
    let mut ideas = list_ideas(query).await?.items;
    ideas.truncate(SHOWN);
    Ok(ideas)
}

/// The next [`SHOWN`] published workshops that are neither over nor cancelled (the list puts
/// upcoming ones first).
async fn upcoming_workshops() -> Result<Vec<WorkshopListItem>, AppError> {
    Ok(list_workshops(Default::default())
        .await?
        .workshops
        .into_iter()
        .filter(|w| w.published && !w.past && !w.cancelled)
        .take(SHOWN)
        .collect())
}

/// A heading and a few ideas.
#[component]
fn IdeaSection(id: &'static str, title: &'static str, ideas: Vec<IdeaListItem>) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title}</h2>
            <div class="card-grid">
                {ideas.into_iter().map(|idea| view! { <IdeaCard idea/> }).collect_view()}
            </div>
        </section>
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
