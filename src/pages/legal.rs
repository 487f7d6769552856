//! Imprint, privacy notice and accessibility statement (required on German public sites).

use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
fn TextPage(title: &'static str, paragraphs: &'static [&'static str]) -> impl IntoView {
    view! {
        <Title text=title/>
        <article class="container page narrow">
            <h1>{title}</h1>
            {paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
        </article>
    }
}

#[component]
pub fn ImprintPage() -> impl IntoView {
    let t = use_texts();
    view! { <TextPage title=t.imprint_title paragraphs=t.imprint_body/> }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = use_texts();
    view! { <TextPage title=t.privacy_title paragraphs=t.privacy_body/> }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_texts();
    view! { <TextPage title=t.accessibility_title paragraphs=t.accessibility_body/> }
}
