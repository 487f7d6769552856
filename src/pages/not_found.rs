//! The 404 page, for unknown URLs and for unknown records.

use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_texts();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t.not_found_title/>
        <section class="container page narrow">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p><a class="button" href="/">{t.to_home}</a></p>
        </section>
    }
}
