//! `/ideen/{id}/bearbeiten`: the author edits an idea nobody has reacted to yet.

use crate::api::ideas::{get_idea, UpdateIdea};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, FormAlert, TextArea, TextField};
use crate::domain::ideas::{IdeaView, BODY_MAX_CHARS, LOCATION_MAX_CHARS, TITLE_MAX_CHARS};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::idea_new::IdeaChoiceFields;
use crate::pages::{fetch_by_id, use_number_param};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn EditIdeaPage() -> impl IntoView {
    let t = use_texts();
    let idea = Resource::new(use_number_param("id"), |id| fetch_by_id(id, get_idea));
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
    let update = ServerAction::<UpdateIdea>::new();
    let error = action_error(update.value());
    view! {
        <div class="container page narrow">
            <h1>{t.edit_title}</h1>
            <FormAlert error fields=vec![("title", t.field_title), ("body", t.field_body), ("category", t.field_category), ("project", t.field_project), ("location", t.field_location)]/>
            <ActionForm action=update attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=idea.id/>
                <TextField name="title" label=t.field_title maxlength=TITLE_MAX_CHARS initial=idea.title.clone() error/>
                <TextArea name="body" label=t.field_body hint=t.field_body_hint maxlength=BODY_MAX_CHARS
                    initial=idea.body_md.clone().unwrap_or_default() error/>
                <IdeaChoiceFields category=idea.category_slug.clone()
                    project=idea.project_slug.clone().unwrap_or_default() error/>
                <TextField name="location" label=t.field_location required=false maxlength=LOCATION_MAX_CHARS
                    initial=idea.location.clone().unwrap_or_default() error/>
                <button type="submit" class="button">{t.save_idea}</button>
            </ActionForm>
        </div>
    }
}
