//! The pages behind the links in account mails: `/konto/bestaetigen?token=` confirms a new
//! account's address, `/konto/email-bestaetigen?token=` a changed one. The GET only asks;
//! the button posts (mail scanners open links, and must not confirm an address for anyone).

use crate::api::accounts::{ConfirmEmailChange, VerifyEmail};
use crate::components::form::{action_error, FormAlert};
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What both pages show: the question with its button, or (after the post) the outcome.
#[component]
fn TokenConfirmation(
    title: &'static str,
    intro: &'static str,
    success: &'static str,
    /// Whether the post succeeded (`?erledigt=1` after a post without JavaScript).
    done: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let t = use_texts();
    let form = children();
    view! {
        <Title text=title/>
        <div class="container page narrow">
            <h1>{title}</h1>
            <Show when=move || done.get() fallback=move || ()>
                <div class="notice notice-success" role="status"><p>{success}</p></div>
                <p><a class="button" href="/konto">{t.nav_account}</a></p>
            </Show>
            <div hidden=move || done.get()>
                <p>{intro}</p>
                {form}
            </div>
        </div>
    }
}

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let verify = ServerAction::<VerifyEmail>::new();
    let error = action_error(verify.value());
    let done = Signal::derive(move || {
        query.read().get("erledigt").is_some() || matches!(verify.value().get(), Some(Ok(())))
    });
    let token = move || query.read().get("token").unwrap_or_default();
    let weiter = move || query.read().get("weiter").unwrap_or_default();
    view! {
        <TokenConfirmation title=t.verify_title intro=t.verify_intro success=t.verify_success done>
            <FormAlert error/>
            <ActionForm action=verify>
                <input type="hidden" name="token" value=token/>
                <input type="hidden" name="weiter" value=weiter/>
                <button type="submit" class="button">{t.verify_title}</button>
            </ActionForm>
        </TokenConfirmation>
    }
}

#[component]
pub fn ConfirmEmailChangePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let confirm = ServerAction::<ConfirmEmailChange>::new();
    let error = action_error(confirm.value());
    let done = Signal::derive(move || {
        query.read().get("erledigt").is_some() || matches!(confirm.value().get(), Some(Ok(())))
    });
    let token = move || query.read().get("token").unwrap_or_default();
    view! {
        <TokenConfirmation title=t.email_title intro=t.email_confirm_intro success=t.email_changed done>
            <FormAlert error/>
            <ActionForm action=confirm>
                <input type="hidden" name="token" value=token/>
                <button type="submit" class="button">{t.email_confirm_submit}</button>
            </ActionForm>
        </TokenConfirmation>
    }
}
