//! `/workshops`: upcoming workshops first, then past ones; filter by project and audience
//! (a plain GET form, so every combination has its own URL).

use crate::api::projects::project_names;
use crate::api::workshops::{list_workshops, WorkshopQuery};
use crate::components::error_notice::ErrorNotice;
use crate::components::filter_select::FilterSelect;
use crate::components::workshop_card::WorkshopGrid;
use crate::domain::workshops::Audience;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn WorkshopsPage() -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let params = use_query_map();
    let query = move || {
        let p = params.read();
        WorkshopQuery {
            projekt: p.get("projekt"),
            zielgruppe: p.get("zielgruppe"),
        }
    };
    let workshops = Resource::new(query, list_workshops);
    let projects = Resource::new(|| (), |_| project_names());
    let audiences = Audience::ALL
        .into_iter()
        .map(|a| (a.as_str().to_owned(), (w.audience)(a).to_owned()))
        .collect();
    view! {
        <Title text=w.list_title/>
        <div class="container page">
            <h1>{w.list_title}</h1>
            <p class="lead">{w.list_intro}</p>
            <p><a href="/workshops.ics">{w.feed_link}</a></p>
            <form method="get" action="/workshops" class="filters" aria-label=t.filter_label>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let options = projects.await.unwrap_or_default();
                        view! { <FilterSelect name="projekt" label=w.filter_project options/> }
                    })}
                </Suspense>
                <FilterSelect name="zielgruppe" label=w.filter_audience options=audiences/>
                <button type="submit" class="button">{w.filter_submit}</button>
            </form>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match workshops.await {
                        Ok(list) => view! {
                            {list.staff.then(|| view! {
                                <p class="page-actions"><a class="button" href="/workshops/neu">{w.new_link}</a></p>
                            })}
                            <WorkshopGrid workshops=list.workshops empty=w.list_empty/>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
