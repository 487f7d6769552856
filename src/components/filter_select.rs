//! A select in a GET filter form: it shows the value the URL currently holds.

use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `name` is both the query parameter and the element id; `options` are (value, label).
/// With `any`, a first option "Alle" stands for no filter.
#[component]
pub fn FilterSelect(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(default = true)] any: bool,
) -> impl IntoView {
    let t = use_texts();
    let current = use_query_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default();
    view! {
        <div class="field">
            <label for=name>{label}</label>
            <select id=name name=name>
                {any.then(|| view! { <option value="">{t.all_option}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == current;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
