//! `/workshops/{slug}`: one workshop with its time, place and free places; registration for
//! verified accounts, the person's own registration with the button that gives it up, and
//! for staff the links to edit and to the participants, and the cancellation form. Every
//! form is a plain post that works without JavaScript.

use crate::api::workshops::{
    get_workshop, CancelRegistration, CancelWorkshop, ConfirmPlace, RegisterForWorkshop,
    WorkshopPageData,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{
    action_error, field_error, kept_value, CheckboxField, FormAlert, SuccessNotice, TextArea,
    TextField,
};
use crate::components::unverified_notice::UnverifiedNotice;
use crate::domain::workshops::{
    Question, QuestionKind, RegistrationStatus, WorkshopView, ACCESS_NEEDS_MAX_CHARS,
    ANSWER_MAX_CHARS, CANCEL_MESSAGE_MAX_CHARS, NO, YES,
};
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let register = ServerAction::<RegisterForWorkshop>::new();
    let cancel = ServerAction::<CancelRegistration>::new();
    let confirm = ServerAction::<ConfirmPlace>::new();
    let cancel_workshop = ServerAction::<CancelWorkshop>::new();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_workshop,
    );
    let success = move || {
        let w = t.workshops;
        match query.read().get("erfolg").as_deref() {
            Some("registered") => Some(w.registered_done),
            Some("waitlisted") => Some(w.waitlisted_done),
            Some("cancelled") => Some(w.cancelled_done),
            Some("confirmed") => Some(w.confirmed_done),
            _ => None,
        }
    };
    view! {
        <Suspense fallback=move || view! { <p class="container">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! {
                        <WorkshopDetails data success=success() register cancel confirm cancel_workshop/>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WorkshopDetails(
    data: WorkshopPageData,
    success: Option<&'static str>,
    register: ServerAction<RegisterForWorkshop>,
    cancel: ServerAction<CancelRegistration>,
    confirm: ServerAction<ConfirmPlace>,
    cancel_workshop: ServerAction<CancelWorkshop>,
) -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let workshop = data.workshop.clone();
    let place = if workshop.format.has_place() {
        workshop.location.clone()
    } else {
        (w.format)(workshop.format).to_owned()
    };
    let slug = workshop.slug.clone();
    view! {
        <Title text=workshop.title.clone()/>
        <article class="container page workshop">
            <p><a href="/workshops">{w.list_title}</a></p>
            <h1>{workshop.title.clone()}</h1>
            {success.map(|message| view! { <SuccessNotice message/> })}
            {workshop.cancelled.then(|| view! {
                <div class="notice notice-error" role="note">
                    <p><strong>{w.cancelled_notice}</strong></p>
                    {workshop.cancel_message.clone().map(|m| view! { <p>{m}</p> })}
                </div>
            })}
            <p class="badges">
                {workshop.past.then(|| view! { <span class="badge badge-muted">{w.badge_past}</span> })}
                {(!workshop.published).then(|| view! { <span class="badge badge-muted">{w.badge_draft}</span> })}
            </p>
            <div class="project-layout">
                <section aria-labelledby="description-title" class="project-description">
                    <h2 id="description-title">{t.project_description_title}</h2>
                    // Rendered from markdown and sanitised on the server (server::markdown).
                    <div class="prose" inner_html=workshop.description_html.clone()></div>
                </section>
                <aside aria-labelledby="facts-title" class="project-facts">
                    <h2 id="facts-title">{t.project_facts_title}</h2>
                    <dl>
                        <dt>{w.fact_when}</dt><dd>{(w.when)(workshop.starts_at, workshop.ends_at)}</dd>
                        <dt>{w.fact_where}</dt><dd>{place}</dd>
                        <dt>{w.fact_format}</dt><dd>{(w.format)(workshop.format)}</dd>
                        {workshop.project.clone().map(|(slug, title)| view! {
                            <dt>{w.fact_project}</dt>
                            <dd><a href=format!("/projekte/{slug}")>{title}</a></dd>
                        })}
                        <dt>{w.fact_organiser}</dt><dd>{workshop.organiser.clone()}</dd>
                        <dt>{w.fact_audience}</dt><dd>{(w.audience)(workshop.audience)}</dd>
                        <dt>{w.fact_places}</dt><dd>{(w.places)(workshop.places)}</dd>
                        <dt>{w.fact_deadline}</dt><dd>{(w.at)(workshop.registration_closes_at)}</dd>
                    </dl>
                    <p><a href=format!("/workshops/{slug}/kalender.ics")>{w.download_ics}</a></p>
                </aside>
            </div>
            <OnlineLink workshop=workshop.clone()/>
            <Registration data=data.clone() register cancel confirm/>
            {data.staff.then(|| view! { <StaffTools workshop cancel_workshop/> })}
        </article>
    }
}

/// The online link, for those allowed to see it now; else when it will appear.
#[component]
fn OnlineLink(workshop: WorkshopView) -> impl IntoView {
    let w = use_texts().workshops;
    if !workshop.format.has_link() || workshop.cancelled || workshop.past {
        return ().into_any();
    }
    match workshop.online_url {
        Some(url) => {
            let href = url.clone();
            view! {
                <p class="notice"><strong>{w.online_link_label}": "</strong><a href=href>{url}</a></p>
            }
            .into_any()
        }
        None => view! { <p class="hint">{w.online_link_later}</p> }.into_any(),
    }
}

#[component]
fn Registration(
    data: WorkshopPageData,
    register: ServerAction<RegisterForWorkshop>,
    cancel: ServerAction<CancelRegistration>,
    confirm: ServerAction<ConfirmPlace>,
) -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let workshop = data.workshop;
    let slug = workshop.slug.clone();
    let body = if let Some(mine) = workshop.mine.clone() {
        let error = action_error(cancel.value());
        let confirm_error = action_error(confirm.value());
        let offer = mine
            .offered_until
            .filter(|_| mine.status == RegistrationStatus::Offered);
        let confirm_slug = slug.clone();
        view! {
            <p><strong>{(w.mine)(mine.status, mine.places, mine.waitlist_position)}</strong></p>
            {offer.map(|until| view! {
                <p>{(w.offer_text)(until)}</p>
                <FormAlert error=confirm_error/>
                <ActionForm action=confirm attr:class="inline-form">
                    <input type="hidden" name="slug" value=confirm_slug/>
                    <button type="submit" class="button">{w.confirm_submit}</button>
                </ActionForm>
            })}
            <FormAlert error/>
            {(!workshop.past).then(|| view! {
                <ActionForm action=cancel attr:class="inline-form">
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <button type="submit" class="button button-secondary">{w.cancel_submit}</button>
                </ActionForm>
            })}
        }
        .into_any()
    } else if !data.signed_in {
        if !workshop.open {
            view! { <p>{w.closed_text}</p> }.into_any()
        } else {
            let back = format!("/anmelden?weiter=/workshops/{slug}");
            view! {
                <p>{w.register_login}</p>
                <p><a class="button" href=back>{t.nav_login}</a></p>
            }
            .into_any()
        }
    } else if !data.verified {
        view! { <UnverifiedNotice/> }.into_any()
    } else if let Some(refusal) = data.refusal {
        view! { <p>{(t.validation)(&refusal)}</p> }.into_any()
    } else {
        let error = action_error(register.value());
        let full = workshop.places.free() == 0;
        let many = workshop.places_per_registration > 1;
        let questions = workshop
            .questions
            .into_iter()
            .map(|question| view! { <QuestionField question error/> })
            .collect_view();
        view! {
            <FormAlert error fields=vec![("places", w.places_label), ("access_needs", w.access_needs_label), ("consent", w.consent_label)]/>
            <ActionForm action=register attr:class="form" attr:novalidate=true>
                <input type="hidden" name="slug" value=slug.clone()/>
                {many.then(|| view! {
                    <TextField name="places" label=w.places_label kind="number" initial="1" error/>
                })}
                {questions}
                <TextArea name="access_needs" label=w.access_needs_label hint=w.access_needs_hint
                    maxlength=ACCESS_NEEDS_MAX_CHARS rows=3 required=false error/>
                <CheckboxField name="consent" label=w.consent_label error/>
                <button type="submit" class="button">
                    {if full { w.waitlist_submit } else { w.register_submit }}
                </button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section class="workshop-register" aria-labelledby="register-heading" id="anmeldung">
            <h2 id="register-heading">{w.register_heading}</h2>
            {body}
        </section>
    }
}

/// One registration question, posted as `answers[<id>]` (error and kept value under
/// `answer_<id>`): a text field, or radio buttons for a choice or yes/no.
#[component]
fn QuestionField(
    question: Question,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let w = use_texts().workshops;
    let key = question.field();
    let name = format!("answers[{}]", question.id);
    let message = {
        let key = key.clone();
        Signal::derive(move || field_error(error.get(), &key))
    };
    let kept = {
        let key = key.clone();
        Signal::derive(move || kept_value(error.get(), &key).unwrap_or_default())
    };
    let label = if question.required {
        question.prompt.clone()
    } else {
        format!("{}{}", question.prompt, w.optional_mark)
    };
    let error_id = format!("{key}-error");
    let error_line = {
        let error_id = error_id.clone();
        move || {
            message
                .get()
                .map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
        }
    };
    let invalid = move || message.get().is_some().then_some("true");
    let described = move || message.get().is_some().then(|| error_id.clone());
    let options: Vec<(String, String)> = match question.kind {
        QuestionKind::Text => Vec::new(),
        QuestionKind::Choice => question
            .choices
            .iter()
            .map(|c| (c.clone(), c.clone()))
            .collect(),
        QuestionKind::YesNo => vec![
            (YES.to_owned(), w.answer_yes.to_owned()),
            (NO.to_owned(), w.answer_no.to_owned()),
        ],
    };
    if question.kind == QuestionKind::Text {
        return view! {
            <div class="field" class:field-invalid=move || message.get().is_some()>
                <label for=key.clone()>{label}</label>
                {error_line}
                <input id=key type="text" name=name required=question.required
                    maxlength=ANSWER_MAX_CHARS.to_string() value=kept
                    aria-invalid=invalid aria-describedby=described/>
            </div>
        }
        .into_any();
    }
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, text))| {
            let id = format!("{key}-{i}");
            let checked = {
                let value = value.clone();
                move || kept.get() == value
            };
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name=name.clone() value=value checked=checked
                        aria-invalid=invalid/>
                    <label for=id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" class:field-invalid=move || message.get().is_some()
            aria-describedby=described>
            <legend>{label}</legend>
            {error_line}
            {radios}
        </fieldset>
    }
    .into_any()
}

#[component]
fn StaffTools(
    workshop: WorkshopView,
    cancel_workshop: ServerAction<CancelWorkshop>,
) -> impl IntoView {
    let w = use_texts().workshops;
    let slug = workshop.slug.clone();
    let error = action_error(cancel_workshop.value());
    view! {
        <section aria-labelledby="staff-heading" class="workshop-staff">
            <h2 id="staff-heading">{w.staff_heading}</h2>
            <p class="page-actions">
                <a class="button button-secondary" href=format!("/workshops/{slug}/bearbeiten")>{w.edit_link}</a>
                " "
                <a class="button button-secondary" href=format!("/workshops/{slug}/teilnehmende")>{w.attendees_link}</a>
            </p>
            {(!workshop.cancelled && !workshop.past).then(|| view! {
                <FormAlert error fields=vec![("message", w.cancel_message_label), ("confirm", w.cancel_confirm_label)]/>
                <ActionForm action=cancel_workshop attr:class="form" attr:novalidate=true>
                    <fieldset>
                        <legend>{w.cancel_workshop_legend}</legend>
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <TextArea name="message" label=w.cancel_message_label hint=w.cancel_message_hint
                            maxlength=CANCEL_MESSAGE_MAX_CHARS rows=3 error/>
                        <CheckboxField name="confirm" label=w.cancel_confirm_label error/>
                        <button type="submit" class="button button-danger">{w.cancel_workshop_submit}</button>
                    </fieldset>
                </ActionForm>
            })}
        </section>
    }
}
