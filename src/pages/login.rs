//! `/anmelden`: log in; `?weiter=` says where to go afterwards.

use crate::api::accounts::Login;
use crate::components::form::{action_error, FormAlert, SuccessNotice, TextField};
use crate::domain::accounts::{EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS};
use crate::domain::paths::with_return_path;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_texts();
    let login = ServerAction::<Login>::new();
    let error = action_error(login.value());
    let query = use_query_map();
    let weiter = move || query.read().get("weiter").unwrap_or_default();
    let reset_done = move || query.read().get("zurueckgesetzt").is_some();
    view! {
        <Title text=t.login_title/>
        <div class="container page narrow">
            <h1>{t.login_title}</h1>
            <Show when=reset_done>
                <SuccessNotice message=t.password_reset_done/>
            </Show>
            <FormAlert error fields=vec![("email", t.field_email), ("password", t.field_password)]/>
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                <input type="hidden" name="weiter" value=weiter/>
                <TextField name="email" label=t.field_email kind="email" autocomplete="username"
                    maxlength=EMAIL_MAX_CHARS error/>
                <TextField name="password" label=t.field_password kind="password"
                    autocomplete="current-password" maxlength=PASSWORD_MAX_CHARS error/>
                <button type="submit" class="button">{t.login_submit}</button>
            </ActionForm>
            <p><a href="/passwort-vergessen">{t.forgot_password_link}</a></p>
            <p>{t.no_account}" "<a href=move || with_return_path("/registrieren", Some(&weiter()))>{t.nav_register}</a></p>
        </div>
    }
}
