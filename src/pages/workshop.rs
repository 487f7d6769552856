//! `/workshops/{slug}`: one workshop with its time, place and free places; registration for
//! verified accounts, the person's own registration with the button that gives it up, and
//! for staff the links to edit and to the participants, and the cancellation form. Every
//! form is a plain post that works without JavaScript.

use crate::api::workshops::{
    get_workshop, CancelRegistration, CancelWorkshop, RegisterForWorkshop, WorkshopPageData,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{
    action_error, CheckboxField, FormAlert, SuccessNotice, TextArea, TextField,
};
use crate::domain::workshops::{WorkshopView, ACCESS_NEEDS_MAX_CHARS, CANCEL_MESSAGE_MAX_CHARS};
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
    let cancel_workshop = ServerAction::<CancelWorkshop>::new();
    let data = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                register.version().get() + cancel.version().get() + cancel_workshop.version().get(),
            )
        },
        |(slug, _)| get_workshop(slug),
    );
    let success = move || {
        let w = t.workshops;
        match query.read().get("erfolg").as_deref() {
            Some("registered") => Some(w.registered_done),
            Some("waitlisted") => Some(w.waitlisted_done),
            Some("cancelled") => Some(w.cancelled_done),
            _ => None,
        }
    };
    view! {
        <Suspense fallback=move || view! { <p class="container">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! {
                        <WorkshopDetails data success=success() register cancel cancel_workshop/>
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
            <Registration data=data.clone() register cancel/>
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
) -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let workshop = data.workshop;
    let slug = workshop.slug.clone();
    let body = if let Some(mine) = workshop.mine.clone() {
        let error = action_error(cancel.value());
        view! {
            <p><strong>{(w.mine)(mine.status, mine.places, mine.waitlist_position)}</strong></p>
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
        view! { <div class="notice" role="note"><p>{t.unverified_notice}</p></div> }.into_any()
    } else if let Some(refusal) = data.refusal {
        view! { <p>{(t.validation)(&refusal)}</p> }.into_any()
    } else {
        let error = action_error(register.value());
        let full = workshop.places.free() == 0;
        let many = workshop.places_per_registration > 1;
        view! {
            <FormAlert error/>
            <ActionForm action=register attr:class="form" attr:novalidate=true>
                <input type="hidden" name="slug" value=slug.clone()/>
                {many.then(|| view! {
                    <TextField name="places" label=w.places_label kind="number" initial="1" error/>
                })}
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
                <FormAlert error/>
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
