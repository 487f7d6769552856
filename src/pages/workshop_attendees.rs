//! `/workshops/{slug}/teilnehmende`: who registered and who waits (staff only), with the CSV
//! download, the answers to the registration questions, the message to everyone registered,
//! the removal of a registration and, from the start on, attendance.
//! Attendee data appears on no other page.

use crate::api::workshops::{
    workshop_attendees, AttendeeList, MarkAttendance, MessageParticipants, RemoveRegistration,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, FormAlert, SelectField, SuccessNotice, TextArea};
use crate::domain::workshops::{
    Attendee, Question, QuestionKind, RegistrationStatus, MESSAGE_MAX_CHARS, NO, YES,
};
use crate::i18n::use_texts;
use crate::i18n::workshops::WorkshopTexts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn WorkshopAttendeesPage() -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let attendance = ServerAction::<MarkAttendance>::new();
    let message = ServerAction::<MessageParticipants>::new();
    let remove = ServerAction::<RemoveRegistration>::new();
    let data = Resource::new(slug, workshop_attendees);
    let success = move || match query.read().get("erfolg").as_deref() {
        Some("nachricht") => Some(w.message_sent),
        Some("anwesenheit") => Some(w.attendance_saved),
        Some("entfernt") => Some(w.removed_done),
        _ => None,
    };
    view! {
        <Title text=w.attendees_title/>
        <div class="container page">
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! {
                            <AttendeeTable list slug=slug() success=success() attendance message remove/>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn AttendeeTable(
    list: AttendeeList,
    slug: String,
    success: Option<&'static str>,
    attendance: ServerAction<MarkAttendance>,
    message: ServerAction<MessageParticipants>,
    remove: ServerAction<RemoveRegistration>,
) -> impl IntoView {
    let w = use_texts().workshops;
    let attendance_error = action_error(attendance.value());
    let message_error = action_error(message.value());
    let AttendeeList {
        title,
        questions,
        attendees,
        started,
    } = list;
    let removable: Vec<(String, String)> = attendees
        .iter()
        .map(|a| (a.id.to_string(), person_label(w, a)))
        .collect();
    let question_heads = questions
        .iter()
        .map(|q| view! { <th scope="col">{q.prompt.clone()}</th> })
        .collect_view();
    let empty = attendees.is_empty();
    let registered = attendees
        .iter()
        .filter(|a| a.status == RegistrationStatus::Registered)
        .count();
    let rows = attendees
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let checkbox = format!("attended-{}", a.id);
            let mark = (started && a.status == RegistrationStatus::Registered).then(|| {
                view! {
                    <label class="visually-hidden" for=checkbox.clone()>{(w.attended_label)(&a.display_name)}</label>
                    <input type="checkbox" id=checkbox name=format!("attended[{i}]") value=a.id
                        checked=a.attended == Some(true)/>
                }
            });
            let status = match a.offered_until {
                Some(until) => (w.offered_until)(until),
                None => (w.status)(a.status).to_owned(),
            };
            let answers = questions
                .iter()
                .zip(a.answers)
                .map(|(q, answer)| view! { <td>{answer_text(w, q, answer)}</td> })
                .collect_view();
            view! {
                <tr>
                    <td>{a.display_name}</td>
                    <td>{a.organisation.unwrap_or_default()}</td>
                    <td>{a.email}</td>
                    <td>{status}</td>
                    <td>{a.places}</td>
                    <td>{a.access_needs}</td>
                    {answers}
                    <td>{(w.at)(a.queued_at)}</td>
                    {started.then(|| view! { <td>{mark}</td> })}
                </tr>
            }
        })
        .collect_view();
    let message_slug = slug.clone();
    let remove_slug = slug.clone();
    view! {
        <p><a href=format!("/workshops/{slug}")>{title.clone()}</a></p>
        <h1>{w.attendees_title}": "{title}</h1>
        {success.map(|message| view! { <SuccessNotice message/> })}
        <p><a href=format!("/workshops/{slug}/teilnehmende.csv")>{w.attendees_csv}</a></p>
        {empty.then(|| view! { <p>{w.attendees_empty}</p> })}
        <FormAlert error=attendance_error/>
        <ActionForm action=attendance>
            <input type="hidden" name="slug" value=slug.clone()/>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{w.col_name}</th>
                        <th scope="col">{w.col_organisation}</th>
                        <th scope="col">{w.col_email}</th>
                        <th scope="col">{w.col_status}</th>
                        <th scope="col">{w.col_places}</th>
                        <th scope="col">{w.col_access_needs}</th>
                        {question_heads}
                        <th scope="col">{w.col_registered_at}</th>
                        {started.then(|| view! { <th scope="col">{w.col_attended}</th> })}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(started && registered > 0).then(|| view! {
                <p class="hint">{w.attendance_hint}</p>
                <button type="submit" class="button">{w.attendance_submit}</button>
            })}
        </ActionForm>
        {(registered > 0).then(|| view! {
            <FormAlert error=message_error fields=vec![("message", w.message_label)]/>
            <ActionForm action=message attr:class="form" attr:novalidate=true>
                <fieldset>
                    <legend>{w.message_legend}</legend>
                    <input type="hidden" name="slug" value=message_slug.clone()/>
                    <TextArea name="message" label=w.message_label hint=w.message_hint
                        maxlength=MESSAGE_MAX_CHARS rows=5 error=message_error/>
                    <button type="submit" class="button">{w.message_submit}</button>
                </fieldset>
            </ActionForm>
        })}
        {(!removable.is_empty()).then(|| view! { <RemoveForm slug=remove_slug people=removable remove/> })}
    }
}

/// One form for removing any one registration (a form per row cannot sit inside the
/// attendance form's table).
#[component]
fn RemoveForm(
    slug: String,
    people: Vec<(String, String)>,
    remove: ServerAction<RemoveRegistration>,
) -> impl IntoView {
    let w = use_texts().workshops;
    let error = action_error(remove.value());
    let options = std::iter::once((String::new(), "–".to_owned()))
        .chain(people)
        .collect();
    view! {
        <FormAlert error fields=vec![("registration", w.col_name), ("message", w.remove_message_label)]/>
        <ActionForm action=remove attr:class="form" attr:novalidate=true>
            <fieldset>
                <legend>{w.remove_submit}</legend>
                <input type="hidden" name="slug" value=slug/>
                <SelectField name="registration" label=w.col_name options error/>
                <TextArea name="message" label=w.remove_message_label maxlength=MESSAGE_MAX_CHARS
                    rows=3 required=false error/>
                <button type="submit" class="button button-danger">{w.remove_submit}</button>
            </fieldset>
        </ActionForm>
    }
}

/// "Name (Organisation) – status", to pick a person in the removal form.
fn person_label(w: &WorkshopTexts, a: &Attendee) -> String {
    let who = match &a.organisation {
        Some(org) => format!("{} ({org})", a.display_name),
        None => a.display_name.clone(),
    };
    format!("{who} – {}", (w.status)(a.status))
}

/// An answer as staff read it (yes/no in the reader's language).
fn answer_text(w: &WorkshopTexts, question: &Question, answer: Option<String>) -> String {
    match (question.kind, answer.as_deref()) {
        (QuestionKind::YesNo, Some(YES)) => w.answer_yes.to_owned(),
        (QuestionKind::YesNo, Some(NO)) => w.answer_no.to_owned(),
        _ => answer.unwrap_or_default(),
    }
}
