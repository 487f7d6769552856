//! `/passwort-vergessen` asks for a reset link; `/passwort-zuruecksetzen?token=` sets a new
//! password with it.

use crate::api::accounts::{RequestPasswordReset, ResetPassword};
use crate::components::form::{action_error, FormAlert, SuccessNotice, TextField};
use crate::domain::accounts::{EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS};
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_texts();
    let request = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(request.value());
    let query = use_query_map();
    let sent = move || query.read().get("gesendet").is_some();
    view! {
        <Title text=t.forgot_title/>
        <div class="container page narrow">
            <h1>{t.forgot_title}</h1>
            <Show when=sent>
                <SuccessNotice message=t.forgot_sent/>
            </Show>
            <p>{t.forgot_intro}</p>
            <FormAlert error fields=vec![("email", t.field_email)]/>
            <ActionForm action=request attr:class="form" attr:novalidate=true>
                <TextField name="email" label=t.field_email kind="email" autocomplete="email"
                    maxlength=EMAIL_MAX_CHARS error/>
                <button type="submit" class="button">{t.forgot_submit}</button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = use_texts();
    let reset = ServerAction::<ResetPassword>::new();
    let error = action_error(reset.value());
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    view! {
        <Title text=t.reset_title/>
        <div class="container page narrow">
            <h1>{t.reset_title}</h1>
            <FormAlert error fields=vec![("password", t.field_new_password)]/>
            {move || match error.get() {
                Some(crate::error::AppError::Validation(f)) if f.get("token").is_some() => {
                    view! { <p><a href="/passwort-vergessen">{t.forgot_submit}</a></p> }.into_any()
                }
                _ => ().into_any(),
            }}
            <ActionForm action=reset attr:class="form" attr:novalidate=true>
                <input type="hidden" name="token" value=token/>
                <TextField name="password" label=t.field_new_password kind="password"
                    hint=t.field_password_hint autocomplete="new-password"
                    maxlength=PASSWORD_MAX_CHARS error/>
                <button type="submit" class="button">{t.reset_submit}</button>
            </ActionForm>
        </div>
    }
}
