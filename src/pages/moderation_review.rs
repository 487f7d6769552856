//! `/verwaltung/moderation/beitrag/:item`: one reported (or hidden) item with its current
//! text, the text of every open report as it was then, its history, and the decision form.

use crate::api::moderation::{review_item, DecideItems};
use crate::components::form::{action_error, FormAlert};
use crate::domain::moderation::{Decision, ItemReview};
use crate::i18n::use_texts;
use crate::pages::moderation_queue::{decision_labels, item_heading, refused_view, DecisionFields};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ModerationReviewPage() -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let params = use_params_map();
    let item = move || params.read().get("item").unwrap_or_default();
    let review = Resource::new(item, review_item);
    view! {
        <Title text=m.review_title/>
        <div class="container page">
            <p><a href="/verwaltung/moderation">{m.back_to_queue}</a></p>
            <h1>{m.review_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match review.await {
                        Ok(review) => view! { <Review review/> }.into_any(),
                        Err(error) => {
                            let back = format!("/verwaltung/moderation/beitrag/{}", item());
                            refused_view(error, &back)
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Review(review: ItemReview) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let decide = ServerAction::<DecideItems>::new();
    let error = action_error(decide.value());
    let item = review.item;
    let heading = item_heading(t, &item);
    let decisions = if item.pending {
        // Hidden automatically: confirm, or show it again and dismiss the reports.
        vec![Decision::Hide, Decision::Keep]
    } else if item.hidden {
        vec![Decision::Restore]
    } else if item.reports.is_empty() {
        vec![Decision::Hide]
    } else {
        vec![Decision::Hide, Decision::Keep]
    };
    let current = item.text.clone();
    let reports = item.reports.clone();
    view! {
        <section aria-labelledby="item-heading">
            <h2 id="item-heading">{heading}</h2>
            <p class="meta">
                {m.by_author}" "{item.author.clone()}
                {item.project_title.clone().map(|p| view! { " · "{p} })}
                {item.hidden.then(|| view! {
                    " "<span class="badge">{if item.pending { m.pending_badge } else { m.hidden_badge }}</span>
                })}
                " · "<a href=format!("/ideen/{}", item.idea_id)>{item.idea_title.clone()}</a>
            </p>
            <p><a href=format!("/verwaltung/benutzer/{}/sperren", item.author_id)>{m.block_link}</a></p>
            <h3>{m.current_text}</h3>
            <blockquote class="quoted-text">{current.clone()}</blockquote>
        </section>
        <section aria-labelledby="reports-heading">
            <h2 id="reports-heading">{m.open_reports}" ("{reports.len()}")"</h2>
            {reports.is_empty().then(|| view! { <p>{m.no_open_reports}</p> })}
            <ol class="report-list">
                {reports.into_iter().map(|report| {
                    let changed = report.snapshot != current;
                    view! {
                        <li class="card">
                            <p class="meta">
                                <strong>{(m.reason)(report.reason)}</strong>
                                " · "{t.day_of(report.created_at)}
                            </p>
                            {report.note.map(|note| view! { <p>{note}</p> })}
                            {changed.then(|| view! {
                                <p><strong>{m.snapshot_changed}</strong></p>
                                <h3 class="h4">{m.snapshot_text}</h3>
                                <blockquote class="quoted-text">{report.snapshot}</blockquote>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{m.history}</h2>
            {review.history.is_empty().then(|| view! { <p>{m.no_history}</p> })}
            <ul>
                {review.history.into_iter().map(|entry| view! {
                    <li>
                        {t.day_of(entry.created_at)}": "<strong>{(m.action)(entry.action)}</strong>
                        " · "{entry.actor.unwrap_or_else(|| m.deleted_account.to_owned())}
                        {entry.reason.map(|r| view! { " · "{r} })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {if review.viewer_may_decide {
            view! {
                <section aria-labelledby="decision-heading" class="card">
                    <h2 id="decision-heading">{m.decision_legend}</h2>
                    <FormAlert error fields=decision_labels(m)/>
                    <ActionForm action=decide>
                        <input type="hidden" name="items[0]" value=item.target.param()/>
                        <DecisionFields decisions error/>
                        <button type="submit" class="button">{m.decide_submit}</button>
                    </ActionForm>
                </section>
            }.into_any()
        } else {
            view! { <div class="notice" role="note"><p>{m.conflict_notice}</p></div> }.into_any()
        }}
    }
}
