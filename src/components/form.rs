//! Form building blocks: labelled fields that show their error next to them and keep what
//! the user typed (passwords excepted), and the alert above a form.

use crate::domain::validation::WHOLE_FORM_KEYS;
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::prelude::*;

/// The error of the last submission of a form, if it failed.
pub fn action_error<T, S>(value: S) -> Signal<Option<AppError>>
where
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || value.get().and_then(Result::err))
}

/// The message of field `name` in a refused submission, in the reader's language.
pub fn field_error(error: Option<AppError>, name: &str) -> Option<String> {
    let t = use_texts();
    match error {
        Some(AppError::Validation(fields)) => fields.get(name).map(|e| (t.validation)(e)),
        _ => None,
    }
}

/// The ids of a field's hint and error, for `aria-describedby`.
fn described_by(name: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let ids: Vec<String> = [(has_hint, "hint"), (has_error, "error")]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, part)| format!("{name}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What the person typed into field `name` before the submission was refused.
pub fn kept_value(error: Option<AppError>, name: &str) -> Option<String> {
    match error {
        Some(AppError::Validation(fields)) => fields.values.get(name).cloned(),
        _ => None,
    }
}

/// A field's label, hint and error message, with the ids `aria-describedby` points at.
/// `id` is the input's id: its name, unless a page holds the same form several times.
#[component]
fn FieldHead(
    name: &'static str,
    #[prop(into)] id: String,
    label: &'static str,
    hint: Option<&'static str>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <label for=id.clone()>{label}</label>
        {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
        {move || field_error(error.get(), name).map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
    }
}

/// A labelled single-line input with optional hint and its error message.
#[component]
pub fn TextField(
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] maxlength: Option<usize>,
    /// The file types a `kind="file"` input offers.
    #[prop(optional)]
    accept: Option<&'static str>,
    /// Shown before any submission (e.g. the stored profile value).
    #[prop(optional, into)]
    initial: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let secret = kind == "password";
    let initial = StoredValue::new(initial);
    let message = move || field_error(error.get(), name);
    let value = move || {
        if secret {
            String::new()
        } else {
            kept_value(error.get(), name).unwrap_or_else(|| initial.get_value())
        }
    };
    let described_by = move || described_by(name, hint.is_some(), message().is_some());
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <FieldHead name id=name label hint error/>
            <input
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                maxlength=maxlength.map(|m| m.to_string())
                accept=accept
                // Kept values come back in the server-rendered attribute.
                value=value
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described_by
            />
        </div>
    }
}

/// The summary above a form after a failed submission, after the GOV.UK error summary:
/// announced (role=alert) and, with JavaScript, focused (`components::feedback::LiveRegion`
/// does that, and makes its links put the cursor into the field); one link per field error, to its
/// field, labelled with the field's name (`fields`: the form's fields in their order, as
/// (field name, label)); and "Fehler: " before the page title while it shows. An error of a
/// field the list does not name (numbered rows, questions) still gets its link, after the
/// others, with its message alone. `ids` says where the links go.
#[component]
pub fn FormAlert(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] fields: Vec<(&'static str, &'static str)>,
    #[prop(optional)] ids: FieldIds,
) -> impl IntoView {
    let t = use_texts();
    let fields = StoredValue::new(fields);
    let ids = StoredValue::new(ids);
    move || {
        error.get().map(|e| {
            let links: Vec<_> = match &e {
                AppError::Validation(errors) => fields.with_value(|fields| {
                    let labelled = fields.iter().filter_map(|&(name, label)| {
                        errors.get(name).map(|error| (name, Some(label), error))
                    });
                    let unlabelled = errors
                        .errors
                        .iter()
                        .filter(|(name, _)| {
                            !WHOLE_FORM_KEYS.contains(&name.as_str())
                                && fields.iter().all(|(listed, _)| listed != name)
                        })
                        .map(|(name, error)| (name.as_str(), None, error));
                    labelled
                        .chain(unlabelled)
                        .filter_map(|(name, label, error)| {
                            let message = (t.validation)(error);
                            let text = match label {
                                Some(label) => format!("{label}: {message}"),
                                None => message,
                            };
                            let id = ids.with_value(|ids| ids.of(name))?;
                            Some(view! {
                                <li><a href=format!("#{id}")>{text}</a></li>
                            })
                        })
                        .collect()
                }),
                _ => Vec::new(),
            };
            view! {
                <ErrorTitle/>
                <div class="notice notice-error error-summary" role="alert" tabindex="-1">
                    <p>{t.error_message(&e)}</p>
                    {(!links.is_empty()).then(|| view! { <ul class="error-links">{links}</ul> })}
                </div>
            }
        })
    }
}

/// Where the error summary's links go: the ids of the form's fields.
#[derive(Debug, Clone, Default)]
pub enum FieldIds {
    /// Each field's id is its name.
    #[default]
    Names,
    /// `{prefix}-{name}`, as the field components build them where a form repeats on a page.
    Prefixed(String),
    /// The form has one field, with this id.
    Only(String),
    /// No links: the summary stands for several forms at once.
    Unlinked,
}

impl FieldIds {
    fn of(&self, name: &str) -> Option<String> {
        match self {
            FieldIds::Names => Some(name.to_owned()),
            FieldIds::Prefixed(prefix) => Some(format!("{prefix}-{name}")),
            FieldIds::Only(id) => Some(id.clone()),
            FieldIds::Unlinked => None,
        }
    }
}

/// The id of choice `i` in a group of radios or checkboxes: the first carries the group's
/// own id, so that an error summary's link to the group lands on it (as GOV.UK's do).
fn choice_id(group: &str, i: usize) -> String {
    match i {
        0 => group.to_owned(),
        i => format!("{group}-{i}"),
    }
}

/// "Fehler: " before the page's title (the last formatter given wins in leptos_meta; this one
/// goes away with the summary).
#[component]
fn ErrorTitle() -> impl IntoView {
    let t = use_texts();
    view! {
        <leptos_meta::Title formatter=move |page: String| {
            format!("{}{}", t.error_title_prefix, crate::components::layout::page_title(&page, t.site_name))
        }/>
    }
}

/// A confirmation shown after a successful form post (the redirect's query says which).
#[component]
pub fn SuccessNotice(message: &'static str) -> impl IntoView {
    view! { <div class="notice notice-success" role="status"><p>{message}</p></div> }
}

/// A labelled multi-line input with hint and error, keeping what the user typed.
#[component]
pub fn TextArea(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(default = 10)] rows: u32,
    /// Optional fields say so with `required=false`.
    #[prop(default = true)]
    required: bool,
    /// Shown before any submission (e.g. the stored text when editing).
    #[prop(optional, into)]
    initial: String,
    #[prop(into)] error: Signal<Option<AppError>>,
    /// The element id where the same form appears several times on a page (replies).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let message = move || field_error(error.get(), name);
    let initial = StoredValue::new(initial);
    let value = move || kept_value(error.get(), name).unwrap_or_else(|| initial.get_value());
    let id = id.unwrap_or_else(|| name.to_owned());
    let described_by = {
        let id = id.clone();
        move || described_by(&id, hint.is_some(), message().is_some())
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <FieldHead name id=id.clone() label hint error/>
            <textarea
                id=id
                name=name
                rows=rows
                required=required
                maxlength=maxlength.map(|m| m.to_string())
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described_by
            >
                {value}
            </textarea>
        </div>
    }
}

/// A labelled select whose options are (value, label) pairs, keeping the submitted choice.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    /// The value chosen before any submission.
    #[prop(optional, into)]
    initial: String,
    #[prop(into)] error: Signal<Option<AppError>>,
    /// The element id where the same form appears several times on a page.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let message = move || field_error(error.get(), name);
    let initial = StoredValue::new(initial);
    let chosen = move || kept_value(error.get(), name).unwrap_or_else(|| initial.get_value());
    let id = id.unwrap_or_else(|| name.to_owned());
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <FieldHead name id=id.clone() label hint=None error/>
            <select
                id=id
                name=name
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=move || message().map(|_| error_id.clone())
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = {
                            let value = value.clone();
                            move || chosen() == value
                        };
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A single checkbox with its label after it; sends `on` when ticked.
#[component]
pub fn CheckboxField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// Ticked before any submission.
    #[prop(optional)]
    initial: bool,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move || field_error(error.get(), name);
    let checked = move || {
        kept_value(error.get(), name)
            .map(|kept| kept == "on")
            .unwrap_or(initial)
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            {move || message().map(|m| view! { <p class="field-error" id=format!("{name}-error")>{m}</p> })}
            <div class="choice">
                <input
                    type="checkbox"
                    id=name
                    name=name
                    checked=checked
                    aria-invalid=move || message().is_some().then_some("true")
                    aria-describedby=move || described_by(name, hint.is_some(), message().is_some())
                />
                <label for=name>{label}</label>
            </div>
            {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{h}</p> })}
        </div>
    }
}

/// One choice of several, as radio buttons in a fieldset with a legend, keeping the submitted
/// choice. Nothing is chosen before the person chooses (where the choice matters).
#[component]
pub fn RadioGroup(
    name: &'static str,
    legend: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<&'static str>,
    /// The value chosen before any submission.
    #[prop(optional, into)]
    initial: String,
    #[prop(into)] error: Signal<Option<AppError>>,
    /// The id prefix where the same form appears several times on a page.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let message = move || field_error(error.get(), name);
    let initial = StoredValue::new(initial);
    let chosen = move || kept_value(error.get(), name).unwrap_or_else(|| initial.get_value());
    let prefix = StoredValue::new(id.unwrap_or_else(|| name.to_owned()));
    view! {
        <fieldset
            class="field"
            class:field-invalid=move || message().is_some()
            aria-describedby=move || prefix.with_value(|p| described_by(p, hint.is_some(), message().is_some()))
        >
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=prefix.with_value(|p| format!("{p}-hint"))>{h}</p> })}
            {move || message().map(|m| view! { <p class="field-error" id=prefix.with_value(|p| format!("{p}-error"))>{m}</p> })}
            {options
                .into_iter()
                .enumerate()
                .map(|(i, (value, text))| {
                    // The first choice carries the group's id: an error summary links there.
                    let id = prefix.with_value(|p| choice_id(p, i));
                    let checked = {
                        let value = value.clone();
                        move || chosen() == value
                    };
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name=name value=value checked=checked
                                aria-invalid=move || message().is_some().then_some("true")/>
                            <label for=id>{text}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A group of checkboxes for a list field, inside a fieldset with a legend. Each box is
/// posted as `name[i]`, the indexed form the server's query-string decoder reads as a list
/// (with and without JavaScript).
#[component]
pub fn CheckboxGroup(
    name: &'static str,
    legend: &'static str,
    options: Vec<(String, String)>,
    /// The values ticked before any submission.
    #[prop(optional)]
    initial: Vec<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move || field_error(error.get(), name);
    let initial = StoredValue::new(initial);
    let ticked = move |value: &str| match kept_value(error.get(), name) {
        Some(kept) => kept.split('|').any(|v| v == value),
        None => initial.with_value(|values| values.iter().any(|v| v == value)),
    };
    view! {
        <fieldset
            class="field"
            class:field-invalid=move || message().is_some()
            aria-describedby=move || message().map(|_| format!("{name}-error"))
        >
            <legend>{legend}</legend>
            {move || message().map(|m| view! { <p class="field-error" id=format!("{name}-error")>{m}</p> })}
            {options
                .into_iter()
                .enumerate()
                .map(|(i, (value, text))| {
                    let id = choice_id(name, i);
                    let checked = {
                        let value = value.clone();
                        move || ticked(&value)
                    };
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone() name=format!("{name}[{i}]") value=value checked=checked/>
                            <label for=id>{text}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
