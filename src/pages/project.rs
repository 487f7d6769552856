//! `/projekte/{slug}`: one project with its facts and description.

use crate::api::ideas::{list_ideas, IdeaQuery};
use crate::api::participation::{project_follow_state, FollowProject};
use crate::api::projects::get_project;
use crate::api::workshops::project_workshops;
use crate::components::error_notice::ErrorNotice;
use crate::components::feedback::{done_here, use_done};
use crate::components::idea_card::IdeaCard;
use crate::components::project_picture::ProjectPicture;
use crate::components::workshop_card::WorkshopGrid;
use crate::domain::feedback::Done;
use crate::domain::projects::ProjectView;
use crate::i18n::{use_locale, use_texts};
use crate::pages::use_current_user;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProjectPage() -> impl IntoView {
    let params = use_params_map();
    let project = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_project,
    );
    view! {
        <Suspense fallback=move || view! { <p class="container">{use_texts().loading}</p> }>
            {move || Suspend::new(async move {
                match project.await {
                    Ok(project) => view! { <ProjectDetails project/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProjectDetails(project: ProjectView) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let or_unknown =
        move |value: Option<String>| value.unwrap_or_else(|| t.not_specified.to_owned());
    let funding = or_unknown(project.funding_cents.map(t.money));
    let period = match (project.starts_on, project.ends_on) {
        (None, None) => None,
        (start, end) => Some(format!(
            "{} – {}",
            start.map(t.date).unwrap_or_default(),
            end.map(t.date).unwrap_or_default()
        )),
    };
    let category = or_unknown(project.category.as_ref().map(|c| locale.pick(c).to_owned()));
    let districts =
        or_unknown((!project.districts.is_empty()).then(|| project.districts.join(", ")));
    view! {
        <Title text=project.title.clone()/>
        <article class="container page project">
            <p><a href="/projekte">{t.back_to_projects}</a></p>
            <h1>{project.title}</h1>
            <StaffProjectActions slug=project.slug.clone()/>
            <ProjectFollow slug=project.slug.clone()/>
            <p class="badges">
                <span class=format!("badge phase-{}", project.phase.as_str())>{t.phase(project.phase)}</span>
                {project.archived.then(|| view! { <span class="badge badge-muted">{t.archived}</span> })}
            </p>
            <p class="lead">{project.summary}</p>
            <ProjectPicture image=project.image category_slug=project.category_slug/>
            <div class="project-layout">
                <section aria-labelledby="description-title" class="project-description">
                    <h2 id="description-title">{t.project_description_title}</h2>
                    // Rendered from markdown and sanitised on the server (server::markdown).
                    <div class="prose" inner_html=project.description_html></div>
                </section>
                <aside aria-labelledby="facts-title" class="project-facts">
                    <h2 id="facts-title">{t.project_facts_title}</h2>
                    <dl>
                        <dt>{t.fact_phase}</dt><dd>{t.phase(project.phase)}</dd>
                        <dt>{t.fact_category}</dt><dd>{category}</dd>
                        <dt>{t.fact_districts}</dt><dd>{districts}</dd>
                        <dt>{t.fact_funding}</dt><dd>{funding}</dd>
                        <dt>{t.fact_period}</dt><dd>{or_unknown(period)}</dd>
                        <dt>{t.fact_responsible}</dt><dd>{project.responsible_body}</dd>
                        <dt>{t.fact_contact}</dt><dd>{project.contact}</dd>
                        <dt>{t.fact_ideas}</dt><dd>{(t.idea_count)(project.idea_count)}</dd>
                    </dl>
                    <p class="badges">
                        {if project.accepts_ideas && !project.archived {
                            view! { <span class="badge badge-open">{t.accepts_ideas}</span> }.into_any()
                        } else {
                            view! { <span class="badge badge-muted">{t.closed_for_ideas}</span> }.into_any()
                        }}
                    </p>
                </aside>
            </div>
            <ProjectWorkshops slug=project.slug.clone()/>
            <ProjectIdeas slug=project.slug open=project.accepts_ideas && !project.archived/>
        </article>
    }
}

/// The edit link, for staff only (the form and its server function check the role again).
#[component]
fn StaffProjectActions(slug: String) -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    let staff = matches!(user.await, Ok(Some(u)) if u.role.is_staff());
                    staff.then(|| view! {
                        <p class="page-actions">
                            <a class="button button-secondary" href=format!("/projekte/{slug}/bearbeiten")>
                                {t.project_edit_link}
                            </a>
                        </p>
                    })
                })
            }}
        </Suspense>
    }
}

/// The project's published workshops (shown only if it has any), with its calendar feed.
#[component]
fn ProjectWorkshops(slug: String) -> impl IntoView {
    let w = use_texts().workshops;
    let feed = format!("/projekte/{slug}/workshops.ics");
    let workshops = Resource::new(move || slug.clone(), project_workshops);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let feed = feed.clone();
                Suspend::new(async move {
                    let list = workshops.await.unwrap_or_default();
                    (!list.is_empty()).then(|| view! {
                        <section aria-labelledby="project-workshops-title" class="project-workshops">
                            <h2 id="project-workshops-title">{w.project_heading}</h2>
                            <WorkshopGrid workshops=list empty=w.list_empty/>
                            <p><a href=feed>{w.feed_link}</a></p>
                        </section>
                    })
                })
            }}
        </Suspense>
    }
}

/// The newest ideas of the project (one list query, as on `/ideen`), with a link to all.
#[component]
fn ProjectIdeas(slug: String, open: bool) -> impl IntoView {
    let t = use_texts();
    let query = IdeaQuery {
        projekt: Some(slug.clone()),
        ..IdeaQuery::default()
    };
    let ideas = Resource::new(move || query.clone(), list_ideas);
    let all_href = format!("/ideen?projekt={slug}");
    let new_href = format!("/ideen/neu?projekt={slug}");
    view! {
        <section aria-labelledby="project-ideas-title" class="project-ideas">
            <h2 id="project-ideas-title">{t.project_ideas_title}</h2>
            {open.then(|| view! { <p><a class="button" href=new_href>{t.project_submit_idea}</a></p> })}
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || {
                    let all_href = all_href.clone();
                    Suspend::new(async move {
                        match ideas.await {
                            Ok(page) if page.items.is_empty() => view! { <p>{t.project_ideas_none}</p> }.into_any(),
                            Ok(page) => view! {
                                <div class="card-grid">
                                    {page.items.into_iter().map(|idea| view! { <IdeaCard idea/> }).collect_view()}
                                </div>
                                {page.next_cursor.map(|_| view! { <p><a href=all_href>{t.project_ideas_all}</a></p> })}
                            }.into_any(),
                            Err(error) => view! { <ErrorNotice error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// Follow or unfollow the project (signed-in people): new ideas in it then notify.
#[component]
fn ProjectFollow(slug: String) -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    let follow = ServerAction::<FollowProject>::new();
    let done = use_done();
    let state = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        project_follow_state,
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    let signed_in = matches!(user.await, Ok(Some(_)));
                    let following = state.await.unwrap_or(false);
                    signed_in.then(|| {
                        let (label, value) = if following {
                            (t.unfollow_submit, "false")
                        } else {
                            (t.follow_project_submit, "true")
                        };
                        view! {
                            <div id="folgen" class="page-actions" tabindex="-1">
                                {done_here(done, |d| matches!(d, Done::Followed | Done::Unfollowed))}
                                {following.then(|| view! { <p class="hint">{t.following_project_note}</p> })}
                                <ActionForm action=follow attr:class="inline-form">
                                    <input type="hidden" name="slug" value=slug/>
                                    <input type="hidden" name="follow" value=value/>
                                    <button type="submit" class="button button-secondary button-small">{label}</button>
                                </ActionForm>
                            </div>
                        }
                    })
                })
            }}
        </Suspense>
    }
}
