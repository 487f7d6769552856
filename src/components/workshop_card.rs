//! A workshop in a list: title, Berlin time, place, free places and its badges. Used by
//! `/workshops` and by each project's page.

use crate::domain::workshops::{Audience, WorkshopListItem};
use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn WorkshopCard(workshop: WorkshopListItem) -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let past = workshop.past;
    let place = if workshop.format.has_place() {
        format!("{} · {}", (w.format)(workshop.format), workshop.location)
    } else {
        (w.format)(workshop.format).to_owned()
    };
    view! {
        <article class="card workshop-card" class:card-muted=past || workshop.cancelled>
            <h3><a href=format!("/workshops/{}", workshop.slug)>{workshop.title}</a></h3>
            <p class="workshop-when">{(w.when)(workshop.starts_at, workshop.ends_at)}</p>
            <p>{place}</p>
            {workshop.project.map(|(_, title)| view! { <p class="hint">{title}</p> })}
            <p class="badges">
                {workshop.cancelled.then(|| view! { <span class="badge badge-danger">{w.badge_cancelled}</span> })}
                {past.then(|| view! { <span class="badge badge-muted">{w.badge_past}</span> })}
                {(!workshop.published).then(|| view! { <span class="badge badge-muted">{w.badge_draft}</span> })}
                {(workshop.audience == Audience::Businesses)
                    .then(|| view! { <span class="badge">{(w.audience)(Audience::Businesses)}</span> })}
                {(!past && !workshop.cancelled)
                    .then(|| view! { <span class="badge badge-open">{(w.places)(workshop.places)}</span> })}
            </p>
        </article>
    }
}

/// Workshops as a grid of cards, or the empty text.
#[component]
pub fn WorkshopGrid(workshops: Vec<WorkshopListItem>, empty: &'static str) -> impl IntoView {
    if workshops.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <div class="card-grid">
            {workshops.into_iter().map(|workshop| view! { <WorkshopCard workshop/> }).collect_view()}
        </div>
    }
    .into_any()
}
