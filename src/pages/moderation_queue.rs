//! `/verwaltung/moderation`: the open reports, grouped per item, for moderators and admins.
//! Several items can be decided at once (one form around the list); each links to its review
//! page. Filters are a GET form, the decision a plain POST: both work without JavaScript.

use crate::api::ideas::idea_choices;
use crate::api::moderation::{
    held_items, list_objections, moderation_queue, organisation_claims, DecideItems,
    DecideObjection,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::filter_select::FilterSelect;
use crate::components::form::{
    action_error, FieldIds, FormAlert, RadioGroup, SelectField, SuccessNotice, TextArea,
};
use crate::domain::content::ContentRef;
use crate::domain::moderation::{
    Decision, DecisionRule, ObjectionView, QueueItem, ReportReason, DECISION_REASON_MAX_CHARS,
};
use crate::error::AppError;
use crate::i18n::moderation::ModerationTexts;
use crate::i18n::{use_texts, Texts};
use crate::pages::held_contributions::HeldContributions;
use crate::pages::organisation_claims::OrganisationClaims;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

/// Where a staff page sends a visitor, or what it says to someone without the role.
pub fn refused_view(error: AppError, back: &str) -> AnyView {
    let t = use_texts();
    match error {
        AppError::Unauthenticated => {
            let path = format!("/anmelden?weiter={back}");
            view! { <Redirect path/> }.into_any()
        }
        AppError::Forbidden => view! {
            <div class="notice notice-error" role="alert"><p>{t.forbidden}</p></div>
        }
        .into_any(),
        error => view! { <ErrorNotice error/> }.into_any(),
    }
}

#[component]
pub fn ModerationQueuePage() -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let params = use_query_map();
    let query = move || {
        let p = params.read();
        (
            p.get("art"),
            p.get("grund"),
            p.get("projekt"),
            p.get("nach"),
        )
    };
    // Each decision is a post answered with this page, loaded anew.
    let decide_objection = ServerAction::<DecideObjection>::new();
    let queue = Resource::new(query, |(kind, reason, project, after)| {
        moderation_queue(kind, reason, project, after)
    });
    let choices = Resource::new(|| (), |_| idea_choices());
    let objection_error = action_error(decide_objection.value());
    let objections = Resource::new(|| (), |_| list_objections());
    let held = Resource::new(|| (), |_| held_items());
    let claims = Resource::new(|| (), |_| organisation_claims());
    let outcome = move || {
        let p = params.read();
        let decided = p.get("entschieden")?.parse::<usize>().ok()?;
        let skipped = p
            .get("uebersprungen")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Some((m.decided)(decided, skipped))
    };
    view! {
        <Title text=m.queue_title/>
        <div class="container page">
            <h1>{m.queue_title}</h1>
            <p class="lead">{m.queue_intro}</p>
            {move || outcome().map(|message| view! {
                <div class="notice notice-success" role="status"><p>{message}</p></div>
            })}
            <Show when=move || params.read().get("widerspruch").is_some()>
                <SuccessNotice message=m.objection_decided/>
            </Show>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    objections.await.ok().filter(|o| !o.is_empty()).map(|list| view! {
                        <section aria-labelledby="objections-heading">
                            <h2 id="objections-heading">{m.objections_heading}</h2>
                            <FormAlert error=objection_error ids=FieldIds::Unlinked/>
                            <ol class="queue">
                                {list.into_iter().map(|o| view! { <ObjectionEntry o decide=decide_objection error=objection_error/> }).collect_view()}
                            </ol>
                        </section>
                    })
                })}
            </Suspense>
            <Show when=move || params.read().get("freigabe").is_some()>
                <SuccessNotice message=m.held_decided/>
            </Show>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    held.await.ok().filter(|h| !h.is_empty()).map(|items| view! {
                        <HeldContributions items/>
                    })
                })}
            </Suspense>
            <Show when=move || params.read().get("unternehmen").is_some()>
                <SuccessNotice message=m.organisation_decided/>
            </Show>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    claims.await.ok().filter(|c| !c.is_empty()).map(|claims| view! {
                        <OrganisationClaims claims/>
                    })
                })}
            </Suspense>
            <form method="get" action="/verwaltung/moderation" class="filters" aria-label=m.filter_legend>
                <FilterSelect name="art" label=m.filter_kind options=vec![
                    ("ideen".to_owned(), m.kind_ideas.to_owned()),
                    ("kommentare".to_owned(), m.kind_comments.to_owned()),
                    ("automatisch".to_owned(), m.kind_pending.to_owned()),
                ]/>
                <FilterSelect name="grund" label=m.filter_reason
                    options=ReportReason::ALL.into_iter().map(|r| (r.as_str().to_owned(), (m.reason)(r).to_owned())).collect()/>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let (_, projects) = choices.await.unwrap_or_default();
                        view! { <FilterSelect name="projekt" label=m.filter_project options=projects/> }
                    })}
                </Suspense>
                <button type="submit" class="button">{m.filter_submit}</button>
            </form>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(page) if page.items.is_empty() => view! { <p>{m.queue_empty}</p> }.into_any(),
                        Ok(page) => {
                            let next = page.next.map(|cursor| {
                                let p = params.read_untracked();
                                let mut href = format!("/verwaltung/moderation?nach={}", cursor.param());
                                for key in ["art", "grund", "projekt"] {
                                    if let Some(value) = p.get(key).filter(|v| !v.is_empty()) {
                                        href.push_str(&format!("&{key}={}", crate::domain::paths::encode_query_value(&value)));
                                    }
                                }
                                href
                            });
                            view! {
                                <QueueList items=page.items/>
                                {next.map(|href| view! { <p><a href=href>{m.next_page}</a></p> })}
                            }.into_any()
                        }
                        Err(error) => refused_view(error, "/verwaltung/moderation"),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn QueueList(items: Vec<QueueItem>) -> impl IntoView {
    let t = use_texts();
    let decide = ServerAction::<DecideItems>::new();
    let m = t.moderation;
    let error = action_error(decide.value());
    view! {
        <FormAlert error fields=decision_labels(m)/>
        <ActionForm action=decide>
            <ol class="queue">
                {items.into_iter().enumerate().map(|(i, item)| queue_entry(t, i, item)).collect_view()}
            </ol>
            <fieldset class="card">
                <legend>{m.bulk_legend}</legend>
                <DecisionFields decisions=vec![Decision::Hide, Decision::Keep] error/>
                <button type="submit" class="button">{m.bulk_submit}</button>
            </fieldset>
        </ActionForm>
    }
}

/// The kind of an item and where it is, as one line.
pub fn item_heading(t: &'static Texts, item: &QueueItem) -> String {
    let m = t.moderation;
    match item.target {
        ContentRef::Idea(_) => format!("{} „{}“", m.item_idea, item.idea_title),
        ContentRef::Comment(_) => {
            format!("{} {} „{}“", m.item_comment, m.on_idea, item.idea_title)
        }
    }
}

fn queue_entry(t: &'static Texts, index: usize, item: QueueItem) -> impl IntoView {
    let m = t.moderation;
    let checkbox = format!("auswahl-{index}");
    let heading = item_heading(t, &item);
    let reasons = item
        .reason_counts()
        .into_iter()
        .map(|(reason, n)| format!("{} ({n})", (m.reason)(reason)))
        .collect::<Vec<_>>()
        .join(", ");
    let notes: Vec<String> = item.reports.iter().filter_map(|r| r.note.clone()).collect();
    let review = format!("/verwaltung/moderation/beitrag/{}", item.target.param());
    view! {
        <li class="card queue-item">
            <div class="choice">
                <input type="checkbox" id=checkbox.clone() name=format!("items[{index}]")
                    value=item.target.param()/>
                <label for=checkbox>{m.select_item}": "{heading.clone()}</label>
            </div>
            <p class="meta">
                <strong>{(m.report_count)(item.reports.len())}</strong>
                " · "{reasons}
                " · "{m.by_author}" "{item.author.clone()}
                {item.project_title.clone().map(|p| view! { " · "{p} })}
                " · "{m.oldest_report}": "{t.day_of(item.oldest)}
                {if item.pending {
                    Some(view! { " "<span class="badge badge-warning">{m.pending_badge}</span> })
                } else {
                    None
                }}
                {(item.hidden && !item.pending).then(|| view! { " "<span class="badge">{m.hidden_badge}</span> })}
            </p>
            <blockquote class="quoted-text">{item.text.clone()}</blockquote>
            {(!notes.is_empty()).then(|| view! {
                <ul class="report-notes">
                    {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            })}
            <p><a href=review>{m.review_link}<span class="visually-hidden">": "{heading}</span></a></p>
        </li>
    }
}

/// An objection with its decision and the form to decide on it.
#[component]
fn ObjectionEntry(
    o: ObjectionView,
    decide: ServerAction<DecideObjection>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let prefix = format!("widerspruch-{}", o.id);
    let why = o
        .rule
        .map(|rule| (m.mail.why)((m.rule)(rule), o.reason.as_deref()));
    let review = o
        .target
        .map(|target| format!("/verwaltung/moderation/beitrag/{}", target.param()));
    let outcomes = vec![
        ("uphold".to_owned(), m.objection_uphold.to_owned()),
        ("grant".to_owned(), m.objection_grant.to_owned()),
    ];
    view! {
        <li class="card queue-item">
            <p class="meta">
                <strong>{m.objection_by}" "{o.objector.clone()}</strong>
                " · "{t.day_of(o.created_at)}
                " · "{m.objection_decided_by}" "{o.decided_by.clone().unwrap_or_else(|| m.pending_badge.to_owned())}
            </p>
            <blockquote class="quoted-text">{o.excerpt.clone().unwrap_or_default()}</blockquote>
            {why.map(|w| view! { <p>{w}</p> })}
            <blockquote class="quoted-text">{o.body.clone()}</blockquote>
            {review.map(|href| view! { <p><a href=href>{m.review_link}</a></p> })}
            {if o.viewer_may_decide {
                view! {
                    <ActionForm action=decide>
                        <input type="hidden" name="objection_id" value=o.id/>
                        <RadioGroup name="outcome" id=format!("{prefix}-outcome")
                            legend=m.objection_outcome_legend options=outcomes error/>
                        <SelectField name="rule" id=format!("{prefix}-rule") label=m.rule_label
                            options=rule_choices(DecisionRule::ALL) error/>
                        <TextArea name="reason" id=format!("{prefix}-reason") label=m.reason_label
                            hint=m.reason_hint maxlength=DECISION_REASON_MAX_CHARS rows=3
                            required=false error/>
                        <button type="submit" class="button">{m.objection_decide_submit}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! { <p class="notice" role="note">{m.objection_conflict}</p> }.into_any()
            }}
        </li>
    }
}

/// `rules` to choose from, after an empty first choice (none is preselected).
pub fn rule_choices(rules: impl IntoIterator<Item = DecisionRule>) -> Vec<(String, String)> {
    let m = use_texts().moderation;
    let mut choices = vec![(String::new(), "–".to_owned())];
    choices.extend(
        rules
            .into_iter()
            .map(|r| (r.as_str().to_owned(), (m.rule)(r).to_owned())),
    );
    choices
}

/// The labels of [`DecisionFields`], for the error summary above them.
pub fn decision_labels(m: &'static ModerationTexts) -> Vec<(&'static str, &'static str)> {
    vec![
        ("decision", m.decision_legend),
        ("rule", m.rule_label),
        ("reason", m.reason_label),
    ]
}

/// The decision's fields: what (of `decisions`), which rule, in which words.
#[component]
pub fn DecisionFields(
    decisions: Vec<Decision>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let m = use_texts().moderation;
    let decisions = decisions
        .into_iter()
        .map(|d| (d.as_param().to_owned(), (m.decision)(d).to_owned()))
        .collect();
    view! {
        <RadioGroup name="decision" legend=m.decision_legend options=decisions error/>
        <SelectField name="rule" label=m.rule_label options=rule_choices(DecisionRule::ALL) error/>
        <TextArea name="reason" label=m.reason_label hint=m.reason_hint
            maxlength=DECISION_REASON_MAX_CHARS rows=3 required=false error/>
    }
}
