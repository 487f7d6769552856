//! `/projekte/neu` and `/projekte/{slug}/bearbeiten`: staff publish and edit projects.

use crate::api::projects::{
    get_project_draft, new_project_draft, project_filters, project_picture_form, SaveProject,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{
    action_error, CheckboxField, CheckboxGroup, FormAlert, SelectField, SuccessNotice, TextArea,
    TextField,
};
use crate::domain::projects::{
    Phase, ProjectDraft, ProjectImageForm, ALT_FIELD, DESCRIPTION_MAX_CHARS, FACT_MAX_CHARS,
    FILE_FIELD, IMAGE_ALT_MAX_CHARS, PROJECT_TITLE_MAX_CHARS, SLUG_MAX_CHARS, SUMMARY_MAX_CHARS,
};
use crate::error::AppError;
use crate::i18n::{use_locale, use_texts};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn NewProjectPage() -> impl IntoView {
    let t = use_texts();
    // Only staff get the draft; everyone else gets the server's 401/403 here.
    let draft = Resource::new(|| (), |_| new_project_draft());
    view! {
        <ProjectFormPage heading=t.project_new_title draft/>
        <p class="container narrow hint">{t.image_later}</p>
    }
}

#[component]
pub fn EditProjectPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let draft = Resource::new(slug, get_project_draft);
    let picture = Resource::new(slug, project_picture_form);
    view! {
        <ProjectFormPage heading=t.project_edit_title draft/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                picture.await.ok().map(|form| view! { <PictureSection slug=slug() form/> })
            })}
        </Suspense>
    }
}

/// The project's picture: what it is now, a new one, or none. A plain multipart form (files
/// do not travel in the other forms' encoding); the server sends it back here.
#[component]
fn PictureSection(slug: String, form: ProjectImageForm) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let done = move || match query.read().get("bild").as_deref() {
        Some("gespeichert") => Some(t.image_saved),
        Some("entfernt") => Some(t.image_removed),
        _ => None,
    };
    let error = Signal::derive({
        let refused = form.refused.clone();
        move || refused.clone().map(AppError::Validation)
    });
    let current = form.image.clone().map(|image| {
        let remove = format!("/projekte/{slug}/bild/entfernen");
        view! {
            <figure class="current-picture">
                <img src=image.src alt=image.alt.clone() width=image.width height=image.height/>
                <figcaption>{t.image_current}": "{image.alt}</figcaption>
            </figure>
            <form method="post" action=remove class="inline-form">
                <button type="submit" class="button button-secondary">{t.image_remove}</button>
            </form>
        }
    });
    view! {
        <section id="bild" class="container page narrow" aria-labelledby="bild-title" tabindex="-1">
            <h2 id="bild-title">{t.image_section_title}</h2>
            {move || done().map(|message| view! { <SuccessNotice message/> })}
            <p>{t.image_intro}</p>
            <FormAlert error fields=vec![(FILE_FIELD, t.field_image), (ALT_FIELD, t.field_image_alt)]/>
            {current}
            <form method="post" action=format!("/projekte/{slug}/bild") enctype="multipart/form-data"
                class="form" novalidate>
                <TextField name=FILE_FIELD label=t.field_image kind="file" hint=t.field_image_hint
                    accept="image/jpeg,image/png,image/webp" error/>
                <TextField name=ALT_FIELD label=t.field_image_alt hint=t.field_image_alt_hint
                    maxlength=IMAGE_ALT_MAX_CHARS initial=form.image.map(|i| i.alt).unwrap_or_default() error/>
                <button type="submit" class="button">{t.image_submit}</button>
            </form>
        </section>
    }
}

/// The form once its draft arrived, or why it cannot be shown.
#[component]
fn ProjectFormPage(
    heading: &'static str,
    draft: Resource<Result<ProjectDraft, AppError>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=heading/>
        <Suspense fallback=move || view! { <p class="container">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match draft.await {
                    Ok(draft) => {
                        // A new project's draft has no slug yet.
                        let current_slug = draft.slug.clone();
                        view! { <ProjectForm heading draft current_slug/> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The form for a new project (`current_slug` empty) or for the one at `current_slug`.
#[component]
fn ProjectForm(heading: &'static str, draft: ProjectDraft, current_slug: String) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let save = ServerAction::<SaveProject>::new();
    let error = action_error(save.value());
    let choices = Resource::new(|| (), |_| project_filters());
    let phases: Vec<(String, String)> = Phase::ALL
        .into_iter()
        .map(|p| (p.as_str().to_owned(), t.phase(p).to_owned()))
        .collect();
    let category = draft.category.clone();
    let districts = draft.districts.clone();
    view! {
        <div class="container page narrow">
            <h1>{heading}</h1>
            <FormAlert error fields=vec![
                ("title", t.field_project_title), ("slug", t.field_slug), ("summary", t.field_summary),
                ("description", t.field_description), ("phase", t.fact_phase), ("category", t.fact_category),
                ("districts", t.field_districts), ("funding", t.field_funding), ("starts_on", t.field_starts_on),
                ("ends_on", t.field_ends_on), ("responsible_body", t.field_responsible),
                ("contact", t.field_contact), ("support_limit", t.field_support_limit),
            ]/>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="current_slug" value=current_slug/>
                <TextField name="title" label=t.field_project_title maxlength=PROJECT_TITLE_MAX_CHARS
                    initial=draft.title error/>
                <TextField name="slug" label=t.field_slug hint=t.field_slug_hint maxlength=SLUG_MAX_CHARS
                    initial=draft.slug error/>
                <TextField name="summary" label=t.field_summary hint=t.field_summary_hint
                    maxlength=SUMMARY_MAX_CHARS initial=draft.summary error/>
                <TextArea name="description" label=t.field_description hint=t.field_body_hint
                    maxlength=DESCRIPTION_MAX_CHARS rows=14 initial=draft.description error/>
                <SelectField name="phase" label=t.fact_phase options=phases initial=draft.phase error/>
                <Suspense fallback=|| ()>
                    {move || {
                        let category = category.clone();
                        let districts = districts.clone();
                        Suspend::new(async move {
                            let (district_choices, categories) = choices.await.unwrap_or_default();
                            let categories = std::iter::once((String::new(), t.no_category.to_owned()))
                                .chain(categories.into_iter().map(|c| (c.slug, locale.pick(&c.name).to_owned())))
                                .collect();
                            view! {
                                <SelectField name="category" label=t.fact_category options=categories initial=category error/>
                                <CheckboxGroup name="districts" legend=t.field_districts options=district_choices
                                    initial=districts error/>
                            }
                        })
                    }}
                </Suspense>
                <TextField name="funding" label=t.field_funding hint=t.field_funding_hint required=false
                    initial=draft.funding error/>
                <div class="field-row">
                    <TextField name="starts_on" label=t.field_starts_on kind="date" hint=t.field_date_hint
                        required=false initial=draft.starts_on error/>
                    <TextField name="ends_on" label=t.field_ends_on kind="date" hint=t.field_date_hint
                        required=false initial=draft.ends_on error/>
                </div>
                <TextField name="responsible_body" label=t.field_responsible maxlength=FACT_MAX_CHARS
                    initial=draft.responsible_body error/>
                <TextField name="contact" label=t.field_contact maxlength=FACT_MAX_CHARS
                    initial=draft.contact error/>
                <TextField name="support_limit" label=t.field_support_limit hint=t.field_support_limit_hint
                    required=false initial=draft.support_limit error/>
                <CheckboxField name="accepts_ideas" label=t.field_accepts_ideas initial=draft.accepts_ideas error/>
                <CheckboxField name="archived" label=t.field_archived hint=t.field_archived_hint
                    initial=draft.archived error/>
                <button type="submit" class="button">{t.project_save}</button>
            </ActionForm>
        </div>
    }
}
