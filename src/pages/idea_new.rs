//! `/ideen/neu`: submitting an idea (verified accounts), with a markdown preview.

use crate::api::ideas::{idea_choices, preview_markdown, CreateIdea};
use crate::components::form::{action_error, FormAlert, SelectField, TextArea, TextField};
use crate::components::unverified_notice::UnverifiedNotice;
use crate::domain::ideas::{BODY_MAX_CHARS, LOCATION_MAX_CHARS, TITLE_MAX_CHARS};
use crate::domain::paths::{encode_query_value, with_return_path};
use crate::error::AppError;
use crate::i18n::{use_locale, use_texts};
use crate::pages::use_current_user;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewIdeaPage() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    view! {
        <Title text=t.idea_form_title/>
        <div class="container page narrow">
            <h1>{t.idea_form_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) if user.may_participate() => view! { <IdeaForm/> }.into_any(),
                        Ok(Some(_)) => view! { <UnverifiedNotice/> }.into_any(),
                        _ => view! { <SignInFirst/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// For visitors: log in or register, and come back to this form with its project chosen.
#[component]
fn SignInFirst() -> impl IntoView {
    let t = use_texts();
    let back = match use_query_map().read_untracked().get("projekt") {
        Some(project) if !project.is_empty() => {
            format!("/ideen/neu?projekt={}", encode_query_value(&project))
        }
        _ => "/ideen/neu".to_owned(),
    };
    view! {
        <p>{t.login_to_submit}</p>
        <p class="hero-actions">
            <a class="button" href=with_return_path("/anmelden", Some(&back))>{t.nav_login}</a>
            <a class="button button-secondary" href=with_return_path("/registrieren", Some(&back))>{t.nav_register}</a>
        </p>
    }
}

#[component]
fn IdeaForm() -> impl IntoView {
    let t = use_texts();
    let create = ServerAction::<CreateIdea>::new();
    let error = action_error(create.value());
    // "Submit an idea for this project" links here with `?projekt=<slug>`.
    let initial_project = use_query_map()
        .read_untracked()
        .get("projekt")
        .unwrap_or_default();
    view! {
        <FormAlert error fields=vec![("title", t.field_title), ("body", t.field_body), ("category", t.field_category), ("project", t.field_project), ("location", t.field_location)]/>
        <ActionForm action=create attr:class="form" attr:novalidate=true>
            <TextField name="title" label=t.field_title maxlength=TITLE_MAX_CHARS error/>
            <TextArea name="body" label=t.field_body hint=t.field_body_hint maxlength=BODY_MAX_CHARS
                error/>
            <MarkdownPreview field="body".to_owned() button=t.preview_button.to_owned()
                title=t.preview_title.to_owned() failed=t.preview_failed.to_owned()/>
            <IdeaChoiceFields category=String::new() project=initial_project error/>
            <TextField name="location" label=t.field_location required=false
                maxlength=LOCATION_MAX_CHARS error/>
            <button type="submit" class="button">{t.submit_idea}</button>
        </ActionForm>
    }
}

/// With JavaScript, a button that shows the text of the textarea `field` as it will be
/// published: rendered and sanitised by the server, exactly as the idea will be. An island
/// (the one piece of this page that runs in the browser); without JavaScript it is not there.
#[island]
fn MarkdownPreview(field: String, button: String, title: String, failed: String) -> impl IntoView {
    let preview = Action::new(|text: &String| preview_markdown(text.clone()));
    // The button appears once the island runs: before, it could do nothing.
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    let show = move |_| {
        preview.dispatch(textarea_value(&field));
    };
    view! {
        <Show when=move || hydrated.get()>
            <button type="button" class="button button-secondary" on:click=show.clone()>
                {button.clone()}
            </button>
        </Show>
        {move || preview.value().get().map(|result| match result {
            Ok(html) => view! {
                <section class="preview" aria-labelledby="preview-title" aria-live="polite">
                    <h2 id="preview-title">{title.clone()}</h2>
                    <div class="prose" inner_html=html></div>
                </section>
            }.into_any(),
            // A limit reached or the session ended: the post of the form names the reason.
            Err(_) => view! {
                <div class="notice notice-error" role="alert"><p>{failed.clone()}</p></div>
            }.into_any(),
        })}
    }
}

/// What the textarea with this id holds now.
fn textarea_value(id: &str) -> String {
    use leptos::wasm_bindgen::JsCast;
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlTextAreaElement>().ok())
        .map(|textarea| textarea.value())
        .unwrap_or_default()
}

/// The category and project selects of the idea forms (new and edit), filled from the
/// categories and the projects that accept ideas now.
#[component]
pub fn IdeaChoiceFields(
    category: String,
    project: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let choices = Resource::new(|| (), |_| idea_choices());
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let category = category.clone();
                let project = project.clone();
                Suspend::new(async move {
                    let (categories, projects) = choices.await.unwrap_or_default();
                    // Nothing is chosen for the person: the Themenfeld matters, and a
                    // preselected first entry would be taken unread.
                    let categories = std::iter::once((String::new(), t.choose_option.to_owned()))
                        .chain(categories.into_iter().map(|c| (c.slug, locale.pick(&c.name).to_owned())))
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
    }
}
