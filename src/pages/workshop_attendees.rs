//! `/workshops/{slug}/teilnehmende`: who registered and who waits (staff only), with the CSV
//! download. Attendee data appears on no other page.

use crate::api::workshops::workshop_attendees;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn WorkshopAttendeesPage() -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new(slug, workshop_attendees);
    view! {
        <Title text=w.attendees_title/>
        <div class="container page">
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let (title, attendees) = match data.await {
                        Ok(data) => data,
                        Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                    };
                    let slug = slug();
                    view! {
                        <p><a href=format!("/workshops/{slug}")>{title.clone()}</a></p>
                        <h1>{w.attendees_title}": "{title}</h1>
                        <p><a href=format!("/workshops/{slug}/teilnehmende.csv")>{w.attendees_csv}</a></p>
                        {if attendees.is_empty() {
                            view! { <p>{w.attendees_empty}</p> }.into_any()
                        } else {
                            view! {
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
                                        </tr></thead>
                                        <tbody>
                                            {attendees.into_iter().map(|a| view! {
                                                <tr>
                                                    <td>{a.display_name}</td>
                                                    <td>{a.organisation.unwrap_or_default()}</td>
                                                    <td>{a.email}</td>
                                                    <td>{(w.status)(a.status)}</td>
                                                    <td>{a.places}</td>
                                                    <td>{a.access_needs}</td>
                                                    <td>{(w.at)(a.queued_at)}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any()
                        }}
                    }.into_any()
                })}
            </Suspense>
        </div>
    }
}
