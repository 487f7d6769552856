//! `/widerspruch/:log_id`: the author of hidden content objects to the decision (once). The
//! notice about the decision links here.

use crate::api::moderation::{get_objection_target, FileObjection};
use crate::components::form::{action_error, FormAlert, SuccessNotice, TextArea};
use crate::domain::moderation::{ObjectionTarget, OBJECTION_MAX_CHARS};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::moderation_queue::refused_view;
use crate::pages::use_number_param;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ObjectionPage() -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let param = use_number_param("log_id");
    let log_id = move || param().unwrap_or(0);
    let target = Resource::new(log_id, get_objection_target);
    let sent = move || use_query_map().read().get("gesendet").is_some();
    view! {
        <Title text=m.objection_title/>
        <div class="container page narrow">
            <h1>{m.objection_title}</h1>
            <Show when=sent>
                <SuccessNotice message=m.objection_sent/>
            </Show>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match target.await {
                        Ok(target) => view! { <Objection target/> }.into_any(),
                        Err(error @ AppError::Unauthenticated) => {
                            refused_view(error, &format!("/widerspruch/{}", log_id()))
                        }
                        Err(error) => refused_view(error, "/benachrichtigungen"),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Objection(target: ObjectionTarget) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let object = ServerAction::<FileObjection>::new();
    let error = action_error(object.value());
    let why = target
        .rule
        .map(|rule| (m.mail.why)((m.rule)(rule), target.reason.as_deref()));
    view! {
        <section class="card" aria-labelledby="decision-heading">
            <h2 id="decision-heading" class="h3">{m.objection_decision}</h2>
            <blockquote class="quoted-text">{target.excerpt.unwrap_or_default()}</blockquote>
            <p>{t.day_of(target.decided_at)}{why.map(|w| view! { " · "{w} })}</p>
        </section>
        {if target.objected {
            view! { <p>{m.objection_done}</p> }.into_any()
        } else {
            view! {
                <p>{m.objection_intro}</p>
                <FormAlert error fields=vec![("body", m.objection_label)]/>
                <ActionForm action=object>
                    <input type="hidden" name="log_id" value=target.log_id/>
                    <TextArea name="body" label=m.objection_label hint=m.objection_hint
                        maxlength=OBJECTION_MAX_CHARS rows=6 error/>
                    <button type="submit" class="button">{m.objection_submit}</button>
                </ActionForm>
            }.into_any()
        }}
        <p><a href="/benachrichtigungen">{t.notifications_title}</a></p>
    }
}
