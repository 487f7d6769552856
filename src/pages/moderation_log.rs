//! `/verwaltung/moderation/protokoll`: the append-only moderation log, for admins, with a
//! filter by action and person and a CSV download of the same selection.

use crate::api::moderation::{moderation_log, moderation_settings};
use crate::components::filter_select::FilterSelect;
use crate::domain::moderation::{LogAction, LogEntry, LOG_CSV_PATH, LOG_PAGE_SIZE};
use crate::domain::paths::encode_query_value;
use crate::i18n::use_texts;
use crate::pages::moderation_queue::refused_view;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ModerationLogPage() -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let params = use_query_map();
    let query = move || {
        let p = params.read();
        (
            p.get("aktion").filter(|a| !a.is_empty()),
            p.get("person").and_then(|v| v.parse::<i64>().ok()),
            p.get("vor").and_then(|v| v.parse::<i64>().ok()),
        )
    };
    let entries = Resource::new(query, |(action, person, before)| {
        moderation_log(action, person, before)
    });
    let selection = move || {
        let (action, person, _) = query();
        let mut pairs = Vec::new();
        if let Some(action) = action {
            pairs.push(format!("aktion={}", encode_query_value(&action)));
        }
        if let Some(person) = person {
            pairs.push(format!("person={person}"));
        }
        pairs
    };
    let settings = Resource::new(|| (), |_| moderation_settings());
    let csv_href = move || {
        let pairs = selection();
        if pairs.is_empty() {
            LOG_CSV_PATH.to_owned()
        } else {
            format!("{}?{}", LOG_CSV_PATH, pairs.join("&"))
        }
    };
    view! {
        <Title text=m.log_title/>
        <div class="container page">
            <h1>{m.log_title}</h1>
            <p class="lead">{m.log_intro}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    settings.await.ok().map(|settings| view! {
                        <div class="notice" role="note">
                            <p>{(m.settings_auto_hide)(settings.auto_hide_reports)}</p>
                            <p>{(m.settings_premoderation)(settings.premoderation_first)}</p>
                        </div>
                    })
                })}
            </Suspense>
            <form method="get" action="/verwaltung/moderation/protokoll" class="filters" aria-label=m.log_action_filter>
                <FilterSelect name="aktion" label=m.log_action_filter
                    options=LogAction::ALL.into_iter().map(|a| (a.as_str().to_owned(), (m.action)(a).to_owned())).collect()/>
                {move || query().1.map(|person| view! { <input type="hidden" name="person" value=person/> })}
                <button type="submit" class="button">{m.filter_submit}</button>
            </form>
            <p><a href=csv_href download="moderationsprotokoll.csv">{m.log_csv}</a></p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(list) if list.is_empty() => view! { <p>{m.log_empty}</p> }.into_any(),
                        Ok(list) => {
                            let next = (list.len() as i64 == LOG_PAGE_SIZE)
                                .then(|| list.last().map(|e| e.id))
                                .flatten()
                                .map(|id| {
                                    let mut pairs = selection();
                                    pairs.push(format!("vor={id}"));
                                    format!("/verwaltung/moderation/protokoll?{}", pairs.join("&"))
                                });
                            view! {
                                <LogTable entries=list/>
                                {next.map(|href| view! { <p><a href=href>{t.next_page}</a></p> })}
                            }.into_any()
                        }
                        Err(error) => refused_view(error, "/verwaltung/moderation/protokoll"),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn LogTable(entries: Vec<LogEntry>) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    // A name links to the person's entries; a deleted account has neither.
    let person = move |id: Option<i64>, name: Option<String>| match (id, name) {
        (Some(id), Some(name)) => Either::Left(view! {
            <a href=format!("/verwaltung/moderation/protokoll?person={id}")>{name}</a>
        }),
        _ => Either::Right(m.deleted_account),
    };
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{m.col_when}</th>
                        <th scope="col">{m.col_action}</th>
                        <th scope="col">{m.col_actor}</th>
                        <th scope="col">{m.col_subject}</th>
                        <th scope="col">{m.col_item}</th>
                        <th scope="col">{m.col_rule}</th>
                        <th scope="col">{m.col_reason}</th>
                    </tr>
                </thead>
                <tbody>
                    {entries.into_iter().map(|entry| {
                        let item = entry.target.map(|target| view! {
                            <a href=format!("/verwaltung/moderation/beitrag/{}", target.param())>
                                {entry.excerpt.clone().unwrap_or_else(|| target.param())}
                            </a>
                        });
                        view! {
                            <tr>
                                <td>{t.day_of(entry.created_at)}" "{crate::domain::time::berlin_local(entry.created_at).format("%H:%M").to_string()}</td>
                                <td>{(m.action)(entry.action)}</td>
                                <td>{person(entry.actor_id, entry.actor)}</td>
                                <td>{entry.subject_id.map(|id| person(Some(id), entry.subject))}</td>
                                <td>{item}</td>
                                <td>{entry.rule}</td>
                                <td>{entry.reason}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
