//! What a page shows when its data could not be loaded.

use crate::error::AppError;
use crate::i18n::use_texts;
use crate::pages::not_found::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let t = use_texts();
    match error {
        AppError::NotFound => view! { <NotFoundPage/> }.into_any(),
        _ => view! {
            <section class="notice notice-error" role="alert">
                <h1>{t.error_title}</h1>
                <p>{t.error_text}</p>
            </section>
        }
        .into_any(),
    }
}
