//! `/melden/:item`: anyone who can see an idea or a comment can report it (a visitor is led
//! to log in and back here). Works as a plain form post without JavaScript.

use crate::api::moderation::{get_report_target, ReportContent};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, CheckboxField, FormAlert, RadioGroup, TextArea};
use crate::components::unverified_notice::UnverifiedNotice;
use crate::domain::moderation::{ReportReason, ReportTarget, REPORT_NOTE_MAX_CHARS};
use crate::i18n::use_texts;
use crate::pages::use_current_user;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReportPage() -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let params = use_params_map();
    let item = move || params.read().get("item").unwrap_or_default();
    let target = Resource::new(item, get_report_target);
    let user = use_current_user();
    view! {
        <Title text=m.report_title/>
        <div class="container page narrow">
            <h1>{m.report_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let target = match target.await {
                        Ok(target) => target,
                        Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                    };
                    match user.await {
                        Ok(Some(user)) if user.may_participate() => {
                            view! { <ReportForm target/> }.into_any()
                        }
                        Ok(Some(_)) => view! { <UnverifiedNotice/> }.into_any(),
                        _ => {
                            let back = format!("/anmelden?weiter=/melden/{}", target.target.param());
                            view! {
                                <ReportedItem target/>
                                <p>{m.report_login}</p>
                                <p><a class="button" href=back>{t.nav_login}</a></p>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ReportedItem(target: ReportTarget) -> impl IntoView {
    let m = use_texts().moderation;
    view! {
        <section class="card" aria-labelledby="reported-heading">
            <h2 id="reported-heading" class="h3">{m.reported_item}</h2>
            <blockquote><p>{target.excerpt}</p></blockquote>
            <p><a href=format!("/ideen/{}", target.idea_id)>{target.idea_title}</a></p>
        </section>
    }
}

#[component]
fn ReportForm(target: ReportTarget) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let report = ServerAction::<ReportContent>::new();
    let error = action_error(report.value());
    let reasons = ReportReason::ALL
        .into_iter()
        .map(|r| (r.as_str().to_owned(), (m.reason)(r).to_owned()))
        .collect();
    let item = target.target.param();
    let back = format!("/ideen/{}", target.idea_id);
    view! {
        <p>{m.report_intro}</p>
        <ReportedItem target/>
        <FormAlert error fields=vec![("reason", m.reason_legend), ("note", m.note_label), ("good_faith", m.good_faith_label)]/>
        <ActionForm action=report>
            <input type="hidden" name="item" value=item/>
            <RadioGroup name="reason" legend=m.reason_legend options=reasons error/>
            <TextArea name="note" label=m.note_label hint=m.note_hint
                maxlength=REPORT_NOTE_MAX_CHARS rows=5 required=false error/>
            <CheckboxField name="good_faith" label=m.good_faith_label error/>
            <div class="form-actions">
                <button type="submit" class="button">{m.report_submit}</button>
                <a href=back>{m.back_to_idea}</a>
            </div>
        </ActionForm>
    }
}
