//! `/ideen`: all ideas with filters, German full-text search, sort orders and keyset pages.
//! The filter form is a plain GET form, so every combination is a shareable URL.

use crate::api::ideas::{idea_choices, list_ideas, IdeaQuery};
use crate::components::error_notice::ErrorNotice;
use crate::components::filter_select::FilterSelect;
use crate::components::idea_card::IdeaCard;
use crate::domain::ideas::{IdeaSort, IdeaStatus};
use crate::i18n::{use_locale, use_texts};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Builds the query string of a list URL, leaving out empty values.
fn list_href(query: &IdeaQuery) -> String {
    let pairs = [
        ("suche", &query.suche),
        ("projekt", &query.projekt),
        ("kategorie", &query.kategorie),
        ("status", &query.status),
        ("sortierung", &query.sortierung),
        ("nach", &query.nach),
    ];
    let encoded: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().filter(|v| !v.is_empty()).map(|v| (k, v)))
        .map(|(k, v)| format!("{k}={}", crate::domain::paths::encode_query_value(v)))
        .collect();
    if encoded.is_empty() {
        "/ideen".to_owned()
    } else {
        format!("/ideen?{}", encoded.join("&"))
    }
}

#[component]
pub fn IdeasPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let params = use_query_map();
    let query = move || {
        let p = params.read();
        IdeaQuery {
            projekt: p.get("projekt"),
            kategorie: p.get("kategorie"),
            status: p.get("status"),
            suche: p.get("suche"),
            sortierung: p.get("sortierung"),
            nach: p.get("nach"),
        }
    };
    let ideas = Resource::new(query, list_ideas);
    // A search or a filter narrows the list (the sort order does not).
    let filtered = move || {
        let q = query();
        [q.suche, q.projekt, q.kategorie, q.status]
            .into_iter()
            .any(|v| v.is_some_and(|v| !v.is_empty()))
    };
    let choices = Resource::new(|| (), |_| idea_choices());
    view! {
        <Title text=t.ideas_title/>
        <div class="container page">
            <h1>{t.ideas_title}</h1>
            <p class="lead">{t.ideas_intro}</p>
            <p><a class="button" href="/ideen/neu">{t.new_idea}</a></p>
            <form method="get" action="/ideen" class="filters" role="search" aria-label=t.filter_label>
                <div class="field">
                    <label for="suche">{t.filter_search}</label>
                    <input id="suche" name="suche" type="search" maxlength="200"
                        value=move || params.read().get("suche").unwrap_or_default()/>
                </div>
                // Phones: the choices fold behind a toggle that needs no JavaScript (a
                // checkbox without a name, so the form never sends it); open while a filter
                // is active. Wider screens show them and hide the toggle (CSS).
                <input type="checkbox" id="filter-toggle" class="filter-toggle"
                    aria-controls="filter-choices" checked=filtered/>
                <label for="filter-toggle" class="filter-toggle-label">{t.filter_toggle}</label>
                <div id="filter-choices" class="filter-choices">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let (categories, projects) = choices.await.unwrap_or_default();
                        let categories = categories
                            .into_iter()
                            .map(|c| (c.slug, locale.pick(&c.name).to_owned()))
                            .collect();
                        view! {
                            <FilterSelect name="projekt" label=t.filter_project options=projects/>
                            <FilterSelect name="kategorie" label=t.field_category options=categories/>
                        }
                    })}
                </Suspense>
                <FilterSelect name="status" label=t.filter_status
                    options=IdeaStatus::ALL.into_iter().map(|s| (s.as_str().to_owned(), t.idea_status(s).to_owned())).collect()/>
                <FilterSelect name="sortierung" label=t.filter_sort any=false
                    options=IdeaSort::ALL.into_iter().map(|s| (s.as_param().to_owned(), t.idea_sort(s).to_owned())).collect()/>
                </div>
                <button type="submit" class="button">{t.filter_submit}</button>
                {move || filtered().then(|| view! { <a class="filter-reset" href="/ideen">{t.filter_reset}</a> })}
            </form>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match ideas.await {
                        Ok(page) if page.items.is_empty() => view! {
                            <div class="empty-state">
                                <p><strong>{t.ideas_empty}</strong></p>
                                {filtered().then(|| view! { <p>{t.ideas_empty_filtered}</p> })}
                                <p><a class="button" href="/ideen/neu">{t.home_submit_idea}</a></p>
                            </div>
                        }.into_any(),
                        Ok(page) => {
                            let next = page.next_cursor.map(|cursor| {
                                list_href(&IdeaQuery { nach: Some(cursor), ..query() })
                            });
                            // Keyset pages lead forward; the way back is to the first page.
                            let first = query()
                                .nach
                                .is_some_and(|n| !n.is_empty())
                                .then(|| list_href(&IdeaQuery { nach: None, ..query() }));
                            view! {
                                <p class="result-count">{(t.ideas_found)(page.total)}</p>
                                <div class="card-grid">
                                    {page.items.into_iter().map(|idea| view! { <IdeaCard idea/> }).collect_view()}
                                </div>
                                <p class="pager">
                                    {first.map(|href| view! { <a class="button button-secondary" href=href rel="first">{t.first_ideas}</a> })}
                                    {next.map(|href| view! { <a class="button button-secondary" href=href rel="next">{t.next_ideas}</a> })}
                                </p>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
