//! `/projekte`: the project catalogue, filterable by phase, district and topic. The filter
//! form is a plain GET form, so every combination has its own URL.

use crate::api::projects::{list_projects, project_filters, ProjectQuery};
use crate::components::error_notice::ErrorNotice;
use crate::components::filter_select::FilterSelect;
use crate::components::project_card::ProjectGrid;
use crate::domain::projects::Phase;
use crate::i18n::{use_locale, use_texts};
use crate::pages::use_current_user;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let params = use_query_map();
    let query = move || {
        let p = params.read();
        ProjectQuery {
            phase: p.get("phase"),
            kreis: p.get("kreis"),
            kategorie: p.get("kategorie"),
        }
    };
    let projects = Resource::new(query, list_projects);
    let filters = Resource::new(|| (), |_| project_filters());
    view! {
        <Title text=t.projects_title/>
        <div class="container page">
            <h1>{t.projects_title}</h1>
            <p class="lead">{t.projects_intro}</p>
            <NewProjectLink/>
            <form method="get" action="/projekte" class="filters" aria-label=t.filter_label>
                <FilterSelect name="phase" label=t.fact_phase
                    options=Phase::ALL.into_iter().map(|p| (p.as_str().to_owned(), t.phase(p).to_owned())).collect()/>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let (districts, categories) = filters.await.unwrap_or_default();
                        let categories = categories
                            .into_iter()
                            .map(|c| (c.slug, locale.pick(&c.name).to_owned()))
                            .collect();
                        view! {
                            <FilterSelect name="kreis" label=t.fact_districts options=districts/>
                            <FilterSelect name="kategorie" label=t.fact_category options=categories/>
                        }
                    })}
                </Suspense>
                <button type="submit" class="button">{t.filter_submit}</button>
            </form>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(list) if list.is_empty() => {
                            let filtered = query() != ProjectQuery::default();
                            view! { <p>{if filtered { t.projects_none_match } else { t.projects_empty }}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <p class="count" role="status">{(t.project_count)(list.len())}</p>
                            <ProjectGrid projects=list/>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The way to the new-project form, for staff only.
#[component]
fn NewProjectLink() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let staff = matches!(user.await, Ok(Some(u)) if u.role.is_staff());
                staff.then(|| view! {
                    <p class="page-actions"><a class="button" href="/projekte/neu">{t.project_new_link}</a></p>
                })
            })}
        </Suspense>
    }
}
