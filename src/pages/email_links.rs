//! The pages behind the links in account mails: `/konto/bestaetigen?token=` confirms a new
//! account's address, `/konto/email-bestaetigen?token=` a changed one.

use crate::api::accounts::{confirm_email_change, verify_email};
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
fn TokenOutcome(result: Result<(), AppError>, success: &'static str) -> impl IntoView {
    let t = use_texts();
    match result {
        Ok(()) => view! {
            <div class="notice notice-success" role="status"><p>{success}</p></div>
            <p><a class="button" href="/konto">{t.nav_account}</a></p>
        }
        .into_any(),
        Err(error) => view! {
            <div class="notice notice-error" role="alert"><p>{t.error_message(&error)}</p></div>
            <p><a href="/konto">{t.resend_submit}</a></p>
        }
        .into_any(),
    }
}

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let outcome = Resource::new(
        move || query.read().get("token").unwrap_or_default(),
        verify_email,
    );
    view! {
        <Title text=t.verify_title/>
        <div class="container page narrow">
            <h1>{t.verify_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    view! { <TokenOutcome result=outcome.await success=t.verify_success/> }
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn ConfirmEmailChangePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let outcome = Resource::new(
        move || query.read().get("token").unwrap_or_default(),
        confirm_email_change,
    );
    view! {
        <Title text=t.email_title/>
        <div class="container page narrow">
            <h1>{t.email_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    view! { <TokenOutcome result=outcome.await success=t.email_changed/> }
                })}
            </Suspense>
        </div>
    }
}
