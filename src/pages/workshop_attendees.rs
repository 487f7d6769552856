//! `/workshops/{slug}/teilnehmende`: who registered and who waits (staff only), with the CSV
//! download, the message to everyone registered and, from the start on, attendance.
//! Attendee data appears on no other page.

use crate::api::workshops::{
    workshop_attendees, AttendeeList, MarkAttendance, MessageParticipants,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, FormAlert, SuccessNotice, TextArea};
use crate::domain::workshops::{RegistrationStatus, MESSAGE_MAX_CHARS};
use crate::i18n::use_texts;
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
    let data = Resource::new(
        move || (slug(), attendance.version().get()),
        |(slug, _)| workshop_attendees(slug),
    );
    let success = move || match query.read().get("erfolg").as_deref() {
        Some("nachricht") => Some(w.message_sent),
        Some("anwesenheit") => Some(w.attendance_saved),
        _ => None,
    };
    view! {
        <Title text=w.attendees_title/>
        <div class="container page">
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! {
                            <AttendeeTable list slug=slug() success=success() attendance message/>
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
) -> impl IntoView {
    let w = use_texts().workshops;
    let attendance_error = action_error(attendance.value());
    let message_error = action_error(message.value());
    let AttendeeList {
        title,
        attendees,
        started,
    } = list;
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
            view! {
                <tr>
                    <td>{a.display_name}</td>
                    <td>{a.organisation.unwrap_or_default()}</td>
                    <td>{a.email}</td>
                    <td>{(w.status)(a.status)}</td>
                    <td>{a.places}</td>
                    <td>{a.access_needs}</td>
                    <td>{(w.at)(a.queued_at)}</td>
                    {started.then(|| view! { <td>{mark}</td> })}
                </tr>
            }
        })
        .collect_view();
    let message_slug = slug.clone();
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
            <FormAlert error=message_error/>
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
    }
}
