//! `/ideen/{id}/bearbeiten`: the author edits an idea nobody has reacted to yet.

use crate::api::ideas::{get_idea, idea_choices, UpdateIdea};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, FormAlert, SelectField, TextArea, TextField};
use crate::domain::ideas::{IdeaView, BODY_MAX_CHARS, LOCATION_MAX_CHARS, TITLE_MAX_CHARS};
use crate::error::AppError;
use crate::i18n::{use_locale, use_texts};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EditIdeaPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let idea = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
        },
        |id| async move {
            match id {
                Some(id) => get_idea(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=t.edit_title/>
        <Suspense fallback=move || view! { <p class="container">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match idea.await {
                    Ok(idea) if idea.viewer_is_author && idea.editable => view! { <EditForm idea/> }.into_any(),
                    Ok(idea) if idea.viewer_is_author => view! {
                        <div class="container page narrow"><h1>{t.edit_title}</h1><p>{t.frozen_note}</p></div>
                    }.into_any(),
                    Ok(_) => view! { <ErrorNotice error=AppError::Forbidden/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditForm(idea: IdeaView) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let update = ServerAction::<UpdateIdea>::new();
    let error = action_error(update.value());
    let choices = Resource::new(|| (), |_| idea_choices());
    let category = idea.category_slug.clone();
    let project = idea.project_slug.clone().unwrap_or_default();
    view! {
        <div class="container page narrow">
            <h1>{t.edit_title}</h1>
            <FormAlert error/>
            <ActionForm action=update attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=idea.id/>
                <TextField name="title" label=t.field_title maxlength=TITLE_MAX_CHARS initial=idea.title.clone() error/>
                <TextArea name="body" label=t.field_body hint=t.field_body_hint maxlength=BODY_MAX_CHARS
                    initial=idea.body_md.clone().unwrap_or_default() error/>
                <Suspense fallback=|| ()>
                    {move || {
                        let category = category.clone();
                        let project = project.clone();
                        Suspend::new(async move {
                            let (categories, projects) = choices.await.unwrap_or_default();
                            let categories = categories
                                .into_iter()
                                .map(|c| (c.slug, locale.pick(&c.name).to_owned()))
                                .collect();
                            let projects = std::iter::once((String::new(), t.no_project.to_owned()))
                                .chain(projects)
                                .collect();
                            view! {
                                <SelectField name="category" label=t.field_category options=categories initial=category error/>
                                <SelectField name="project" label=t.field_project options=projects initial=project error/>
                            }
                        })
                    }}
                </Suspense>
                <TextField name="location" label=t.field_location required=false maxlength=LOCATION_MAX_CHARS
                    initial=idea.location.clone().unwrap_or_default() error/>
                <button type="submit" class="button">{t.save_idea}</button>
            </ActionForm>
        </div>
    }
}
