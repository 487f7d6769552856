//! `/ideen/{id}`: one idea with its facts.

use crate::api::ideas::{get_idea, ChangeIdeaStatus, WithdrawIdea};
use crate::components::author_name::AuthorName;
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, FormAlert, SelectField, SuccessNotice, TextArea};
use crate::domain::content::ContentRef;
use crate::domain::ideas::{IdeaStatus, IdeaView, BODY_MAX_CHARS};
use crate::i18n::{use_locale, use_texts};
use crate::pages::idea_discussion::DiscussionSection;
use crate::pages::idea_support::SupportBox;
use crate::pages::{fetch_by_id, use_number_param};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn IdeaPage() -> impl IntoView {
    let id = use_number_param("id");
    let idea = Resource::new(id, |id| fetch_by_id(id, get_idea));
    view! {
        <Suspense fallback=move || view! { <p class="container">{use_texts().loading}</p> }>
            {move || Suspend::new(async move {
                match idea.await {
                    Ok(idea) => view! { <IdeaDetails idea/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn IdeaDetails(mut idea: IdeaView) -> impl IntoView {
    let t = use_texts();
    // Taken out first: the boxes below get copies of the idea, not of its discussion.
    let discussion = std::mem::take(&mut idea.discussion);
    let locale = use_locale();
    let answer = idea.official_answer_html.clone().map(|html| {
        let by = idea.answered_by.clone().unwrap_or_default();
        let at = idea.answered_at.map(|a| t.day_of(a)).unwrap_or_default();
        view! {
            <section class="official-answer" aria-labelledby="answer-title">
                <h2 id="answer-title">{t.official_answer_title}</h2>
                <p class="meta"><span class="badge">{t.staff_badge}</span>" "{by}", "{at}</p>
                <div class="prose" inner_html=html></div>
            </section>
        }
    });
    let history = (!idea.history.is_empty()).then(|| {
        let entries = idea.history.clone();
        view! {
            <section aria-labelledby="history-title">
                <h2 id="history-title">{t.history_title}</h2>
                <ol class="history">
                    {entries.into_iter().map(|change| view! {
                        <li>
                            {format!("{}: {} → ", t.day_of(change.at), t.idea_status(change.from))}
                            <strong>{t.idea_status(change.to)}</strong>
                            {format!(" ({})", change.changed_by)}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    });
    let author_actions = idea
        .viewer_is_author
        .then(|| view! { <AuthorActions idea=idea.clone()/> });
    let staff_form = (idea.viewer_is_staff && idea.status != IdeaStatus::Withdrawn)
        .then(|| view! { <StaffAnswerForm id=idea.id/> });
    let idea_for_support = idea.clone();
    // After a report, the redirect comes back with `?gemeldet=1`.
    let reported = use_query_map().read_untracked().get("gemeldet").is_some();
    let report_link = (!idea.viewer_is_author
        && !idea.hidden_by_moderation
        && !idea.awaiting_approval)
        .then(|| {
            let href = format!("/melden/{}", ContentRef::Idea(idea.id).param());
            view! { " · "<a class="report-link" href=href>{t.moderation.report_link}</a> }
        });
    view! {
        <Title text=idea.title.clone()/>
        <article class="container page idea">
            <p><a href="/ideen">{t.ideas_title}</a></p>
            <h1>{idea.title}</h1>
            <p class="badges">
                <span class=format!("badge status-{}", idea.status.as_str())>{t.idea_status(idea.status)}</span>
                {idea.edited.then(|| view! { <span class="badge badge-muted">{t.edited_marker}</span> })}
            </p>
            <p class="meta">
                {t.by_author}" "<AuthorName author=idea.author.clone()/>
                " · "{t.day_of(idea.created_at)}
                {report_link}
            </p>
            {reported.then(|| view! { <SuccessNotice message=t.moderation.report_done/> })}
            {idea.awaiting_approval.then(|| view! {
                <div class="notice" role="note"><p>{t.moderation.own_held_notice}</p></div>
            })}
            {idea.hidden_by_moderation.then(|| view! {
                <div class="notice notice-error" role="note">
                    <p>{t.moderation.own_hidden_notice}</p>
                    <p><a href="/benachrichtigungen">{t.notifications_title}</a></p>
                </div>
            })}
            <div class="project-layout">
                // Rendered from markdown and sanitised on the server (server::markdown).
                <div class="prose" inner_html=idea.body_html></div>
                <aside class="project-facts" aria-labelledby="idea-facts-title">
                    <h2 id="idea-facts-title">{t.idea_facts_title}</h2>
                    <dl>
                        <dt>{t.filter_status}</dt><dd>{t.idea_status(idea.status)}</dd>
                        <dt>{t.field_category}</dt><dd>{locale.pick(&idea.category).to_owned()}</dd>
                        {idea.project_title.map(|title| {
                            let href = format!("/projekte/{}", idea.project_slug.unwrap_or_default());
                            view! { <dt>{t.filter_project}</dt><dd><a href=href>{title}</a></dd> }
                        })}
                        {idea.location.map(|l| view! { <dt>{t.field_location_label}</dt><dd>{l}</dd> })}
                        <dt>{t.fact_response}</dt>
                        <dd>{(t.support_count)(idea.vote_count)}", "{(t.comment_count)(idea.comment_count)}</dd>
                    </dl>
                </aside>
            </div>
            <SupportBox idea=idea_for_support/>
            {answer}
            {history}
            {author_actions}
            {staff_form}
            <DiscussionSection idea_id=idea.id discussion/>
        </article>
    }
}

/// What the author may do: edit while nobody has reacted, withdraw until decided.
#[component]
fn AuthorActions(idea: IdeaView) -> impl IntoView {
    let t = use_texts();
    let withdraw = ServerAction::<WithdrawIdea>::new();
    let error = action_error(withdraw.value());
    view! {
        <section class="author-actions" aria-label=t.your_idea>
            <h2>{t.your_idea}</h2>
            <FormAlert error/>
            {if idea.editable {
                view! { <p><a class="button button-secondary" href=format!("/ideen/{}/bearbeiten", idea.id)>{t.edit_link}</a></p> }.into_any()
            } else {
                view! { <p class="hint">{t.frozen_note}</p> }.into_any()
            }}
            // Asked once more inside the disclosure: it cannot be undone.
            {idea.status.may_be_withdrawn().then(|| view! {
                <details class="confirm-action">
                    <summary class="button button-secondary">{t.withdraw_submit}</summary>
                    <ActionForm action=withdraw attr:class="form">
                        <input type="hidden" name="id" value=idea.id/>
                        <p class="hint">{t.withdraw_hint}</p>
                        <p><strong>{t.withdraw_confirm}</strong></p>
                        <button type="submit" class="button button-danger">{t.withdraw_confirm_submit}</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

/// Staff set the status with an official answer.
#[component]
fn StaffAnswerForm(id: i64) -> impl IntoView {
    let t = use_texts();
    let change = ServerAction::<ChangeIdeaStatus>::new();
    let error = action_error(change.value());
    let statuses = IdeaStatus::STAFF_CHOICES
        .into_iter()
        .map(|s| (s.as_str().to_owned(), t.idea_status(s).to_owned()))
        .collect();
    view! {
        <section class="staff-form" aria-labelledby="staff-form-title">
            <h2 id="staff-form-title">{t.staff_form_title}</h2>
            <FormAlert error fields=vec![("status", t.field_status), ("answer", t.field_answer)]/>
            <ActionForm action=change attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id/>
                <SelectField name="status" label=t.field_status options=statuses error/>
                <TextArea name="answer" label=t.field_answer hint=t.field_body_hint
                    maxlength=BODY_MAX_CHARS rows=6 error/>
                <button type="submit" class="button">{t.status_submit}</button>
            </ActionForm>
        </section>
    }
}
