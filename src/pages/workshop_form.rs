//! `/workshops/neu` and `/workshops/{slug}/bearbeiten`: staff publish and edit workshops,
//! with up to ten registration questions (rows of plain fields, so no JavaScript is needed).

use crate::api::projects::project_names;
use crate::api::workshops::{get_workshop_draft, new_workshop_draft, SaveWorkshop};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{
    action_error, field_error, kept_value, CheckboxField, FormAlert, SelectField, TextArea,
    TextField,
};
use crate::domain::projects::SLUG_MAX_CHARS;
use crate::domain::workshops::{
    Audience, Confirmation, QuestionDraft, QuestionKind, WorkshopDraft, WorkshopFormat,
    BLANK_QUESTION_ROWS, CHOICES_MAX, CHOICE_MAX_CHARS, LOCATION_MAX_CHARS, ONLINE_URL_MAX_CHARS,
    QUESTIONS_MAX, QUESTION_PROMPT_MAX_CHARS, WORKSHOP_DESCRIPTION_MAX_CHARS,
    WORKSHOP_TITLE_MAX_CHARS,
};
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewWorkshopPage() -> impl IntoView {
    let w = use_texts().workshops;
    // Only staff get the draft; everyone else gets the server's 401/403 here.
    let draft = Resource::new(|| (), |_| new_workshop_draft());
    view! { <WorkshopFormPage heading=w.form_new_title draft/> }
}

#[component]
pub fn EditWorkshopPage() -> impl IntoView {
    let w = use_texts().workshops;
    let params = use_params_map();
    let draft = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_workshop_draft,
    );
    view! { <WorkshopFormPage heading=w.form_edit_title draft/> }
}

#[component]
fn WorkshopFormPage(
    heading: &'static str,
    draft: Resource<Result<WorkshopDraft, AppError>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=heading/>
        <Suspense fallback=move || view! { <p class="container">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match draft.await {
                    Ok(draft) => {
                        let current_slug = draft.slug.clone();
                        view! { <WorkshopForm heading draft current_slug/> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WorkshopForm(
    heading: &'static str,
    draft: WorkshopDraft,
    current_slug: String,
) -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let save = ServerAction::<SaveWorkshop>::new();
    let error = action_error(save.value());
    let projects = Resource::new(|| (), |_| project_names());
    let formats = WorkshopFormat::ALL
        .into_iter()
        .map(|f| (f.as_str().to_owned(), (w.format)(f).to_owned()))
        .collect();
    let audiences = Audience::ALL
        .into_iter()
        .map(|a| (a.as_str().to_owned(), (w.audience)(a).to_owned()))
        .collect();
    let confirmations = Confirmation::ALL
        .into_iter()
        .map(|c| (c.as_str().to_owned(), (w.confirmation)(c).to_owned()))
        .collect();
    let project = draft.project.clone();
    view! {
        <div class="container page narrow">
            <h1>{heading}</h1>
            <FormAlert error fields=vec![
                ("title", w.field_title), ("slug", t.field_slug), ("project", w.field_project),
                ("description", w.field_description), ("format", w.field_format),
                ("location", w.field_location), ("online_url", w.field_online_url),
                ("start_date", w.field_start_date), ("start_time", w.field_start_time),
                ("end_date", w.field_end_date), ("end_time", w.field_end_time),
                ("capacity", w.field_capacity), ("places_per_registration", w.field_places_per_registration),
                ("audience", w.field_audience), ("closes_date", w.field_closes_date),
                ("closes_time", w.field_closes_time), ("opens_date", w.field_opens_date),
                ("opens_time", w.field_opens_time), ("confirmation", w.field_confirmation),
            ]/>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="current_slug" value=current_slug/>
                <TextField name="title" label=w.field_title maxlength=WORKSHOP_TITLE_MAX_CHARS
                    initial=draft.title error/>
                <TextField name="slug" label=t.field_slug hint=w.field_slug_hint maxlength=SLUG_MAX_CHARS
                    initial=draft.slug error/>
                <Suspense fallback=|| ()>
                    {move || {
                        let project = project.clone();
                        Suspend::new(async move {
                            let options = std::iter::once((String::new(), w.no_project.to_owned()))
                                .chain(projects.await.unwrap_or_default())
                                .collect();
                            view! { <SelectField name="project" label=w.field_project options initial=project error/> }
                        })
                    }}
                </Suspense>
                <TextArea name="description" label=w.field_description hint=t.field_body_hint
                    maxlength=WORKSHOP_DESCRIPTION_MAX_CHARS rows=10 initial=draft.description error/>
                <SelectField name="format" label=w.field_format options=formats initial=draft.format error/>
                <TextField name="location" label=w.field_location hint=w.field_location_hint required=false
                    maxlength=LOCATION_MAX_CHARS initial=draft.location error/>
                <TextField name="online_url" label=w.field_online_url hint=w.field_online_url_hint kind="url"
                    required=false maxlength=ONLINE_URL_MAX_CHARS initial=draft.online_url error/>
                <div class="field-row">
                    <TextField name="start_date" label=w.field_start_date kind="date" hint=t.field_date_hint
                        initial=draft.start_date error/>
                    <TextField name="start_time" label=w.field_start_time kind="time" hint=w.field_time_hint
                        initial=draft.start_time error/>
                </div>
                <div class="field-row">
                    <TextField name="end_date" label=w.field_end_date kind="date" hint=w.field_end_date_hint
                        required=false initial=draft.end_date error/>
                    <TextField name="end_time" label=w.field_end_time kind="time" hint=w.field_time_hint
                        initial=draft.end_time error/>
                </div>
                <div class="field-row">
                    <TextField name="capacity" label=w.field_capacity kind="number" initial=draft.capacity error/>
                    <TextField name="places_per_registration" label=w.field_places_per_registration kind="number"
                        hint=w.field_places_per_registration_hint initial=draft.places_per_registration error/>
                </div>
                <SelectField name="audience" label=w.field_audience options=audiences initial=draft.audience error/>
                <div class="field-row">
                    <TextField name="closes_date" label=w.field_closes_date kind="date" hint=w.field_closes_hint
                        required=false initial=draft.closes_date error/>
                    <TextField name="closes_time" label=w.field_closes_time kind="time" hint=w.field_time_hint
                        required=false initial=draft.closes_time error/>
                </div>
                <div class="field-row">
                    <TextField name="opens_date" label=w.field_opens_date kind="date" hint=w.field_opens_hint
                        required=false initial=draft.opens_date error/>
                    <TextField name="opens_time" label=w.field_opens_time kind="time" hint=w.field_time_hint
                        required=false initial=draft.opens_time error/>
                </div>
                <CheckboxField name="waitlist" label=w.field_waitlist initial=draft.waitlist error/>
                <SelectField name="confirmation" label=w.field_confirmation options=confirmations
                    initial=draft.confirmation error/>
                <Questions questions=draft.questions locked=draft.questions_locked error/>
                <CheckboxField name="published" label=w.field_published hint=w.field_published_hint
                    initial=draft.published error/>
                <button type="submit" class="button">{w.form_save}</button>
            </ActionForm>
        </div>
    }
}

/// The question rows: the stored ones and a few empty ones, up to [`QUESTIONS_MAX`]; only a
/// read-only list once someone answered.
#[component]
fn Questions(
    questions: Vec<QuestionDraft>,
    locked: bool,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let w = use_texts().workshops;
    if locked {
        return view! {
            <section class="field" aria-labelledby="questions-heading">
                <h2 id="questions-heading">{w.questions_legend}</h2>
                <p class="hint">{w.questions_locked}</p>
                <ol>{questions.into_iter().map(|q| view! { <li>{q.prompt}</li> }).collect_view()}</ol>
            </section>
        }
        .into_any();
    }
    let rows = (questions.len() + BLANK_QUESTION_ROWS).min(QUESTIONS_MAX);
    let rows = (0..rows)
        .map(|i| {
            let question = questions.get(i).cloned().unwrap_or_default();
            view! { <QuestionRow i question error/> }
        })
        .collect_view();
    view! {
        <fieldset class="field questions">
            <legend>{w.questions_legend}</legend>
            <p class="hint">{w.questions_hint}</p>
            {rows}
        </fieldset>
    }
    .into_any()
}

/// Row `i`: posted as `questions[i][prompt]`, …; errors and kept values under
/// `question_i_prompt`, … (see [`QuestionDraft::field`]).
#[component]
fn QuestionRow(
    i: usize,
    question: QuestionDraft,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let w = use_texts().workshops;
    let part = move |part: &str| QuestionDraft::field(i, part);
    let name = move |part: &str| format!("questions[{i}][{part}]");
    let message = move |part: &'static str| {
        Signal::derive(move || field_error(error.get(), &QuestionDraft::field(i, part)))
    };
    let kept = move |part: &'static str, initial: String| {
        Signal::derive(move || {
            kept_value(error.get(), &QuestionDraft::field(i, part))
                .unwrap_or_else(|| initial.clone())
        })
    };
    let (prompt_error, kind_error, choices_error) =
        (message("prompt"), message("kind"), message("choices"));
    let prompt = kept("prompt", question.prompt);
    let kind = kept("kind", question.kind);
    let choices = kept("choices", question.choices);
    let required = kept("required", question.required.unwrap_or_default());
    let error_line = move |part: &'static str, m: Signal<Option<String>>| {
        move || {
            m.get().map(|m| view! { <p class="field-error" id=format!("question_{i}_{part}-error")>{m}</p> })
        }
    };
    let kinds = QuestionKind::ALL
        .into_iter()
        .map(|k| {
            let value = k.as_str();
            view! { <option value=value selected=move || kind.get() == value>{(w.question_kind)(k)}</option> }
        })
        .collect_view();
    view! {
        <div class="question-row">
            <div class="field" class:field-invalid=move || prompt_error.get().is_some()>
                <label for=part("prompt")>{(w.question_label)(i + 1)}</label>
                {error_line("prompt", prompt_error)}
                <input type="text" id=part("prompt") name=name("prompt") value=prompt
                    maxlength=QUESTION_PROMPT_MAX_CHARS.to_string()
                    aria-invalid=move || prompt_error.get().is_some().then_some("true")/>
            </div>
            <div class="field" class:field-invalid=move || kind_error.get().is_some()>
                <label for=part("kind")>{w.question_kind_label}</label>
                {error_line("kind", kind_error)}
                <select id=part("kind") name=name("kind")
                    aria-invalid=move || kind_error.get().is_some().then_some("true")>{kinds}</select>
            </div>
            <div class="field" class:field-invalid=move || choices_error.get().is_some()>
                <label for=part("choices")>{w.question_choices_label}</label>
                <p class="hint" id=format!("question_{i}_choices-hint")>{w.question_choices_hint}</p>
                {error_line("choices", choices_error)}
                <textarea id=part("choices") name=name("choices") rows=3
                    maxlength=(CHOICES_MAX * (CHOICE_MAX_CHARS + 1)).to_string()
                    aria-describedby=format!("question_{i}_choices-hint")
                    aria-invalid=move || choices_error.get().is_some().then_some("true")>{choices}</textarea>
            </div>
            <div class="choice">
                <input type="checkbox" id=part("required") name=name("required")
                    checked=move || required.get() == "on"/>
                <label for=part("required")>{w.question_required_label}</label>
            </div>
        </div>
    }
}
