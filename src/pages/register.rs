//! `/registrieren`: a new account, as a citizen or a business; `/registrieren/danke` after.

use crate::api::accounts::{form_started_at, Register};
use crate::components::form::{action_error, FormAlert, TextField};
use crate::domain::accounts::{
    EMAIL_MAX_CHARS, NAME_MAX_CHARS, ORGANISATION_MAX_CHARS, PASSWORD_MAX_CHARS, WEBSITE_MAX_CHARS,
};
use crate::domain::paths::with_return_path;
use crate::error::AppError;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_texts();
    let register = ServerAction::<Register>::new();
    let error = action_error(register.value());
    let started = Resource::new(|| (), |_| form_started_at());
    // Where the person was going: the verification link leads there.
    let query = use_query_map();
    let weiter = move || query.read().get("weiter").unwrap_or_default();
    let kept = move |name: &str| match error.get() {
        Some(AppError::Validation(f)) => f.values.get(name).cloned(),
        _ => None,
    };
    let business = move || kept("account_type").as_deref() == Some("business");
    let consent_error = move || match error.get() {
        Some(AppError::Validation(f)) => f.get("privacy_consent").map(|e| (t.validation)(e)),
        _ => None,
    };
    view! {
        <Title text=t.register_title/>
        <div class="container page narrow">
            <h1>{t.register_title}</h1>
            <p>{t.register_intro}</p>
            <FormAlert error fields=vec![
                ("display_name", t.field_display_name),
                ("email", t.field_email),
                ("password", t.field_password),
                ("organisation_name", t.field_organisation_name),
                ("organisation_website", t.field_organisation_website),
                ("privacy_consent", t.footer_privacy),
            ]/>
            // The form comes with the time it was rendered (the minimum fill time), so a
            // person is never taken for a robot for sending it without one.
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let started_at = started.await.unwrap_or_default();
                    view! {
                    <ActionForm action=register attr:class="form" attr:novalidate=true>
                        <fieldset class="field">
                            <legend>{t.account_type_legend}</legend>
                            <label class="choice">
                                <input type="radio" name="account_type" value="citizen" checked=move || !business()/>
                                {t.account_citizen}
                            </label>
                            <label class="choice">
                                <input type="radio" name="account_type" value="business" checked=business/>
                                {t.account_business}
                            </label>
                        </fieldset>
                        <TextField name="display_name" label=t.field_display_name hint=t.field_display_name_hint
                            autocomplete="nickname" maxlength=NAME_MAX_CHARS error/>
                        <TextField name="email" label=t.field_email kind="email" autocomplete="email"
                            maxlength=EMAIL_MAX_CHARS error/>
                        <TextField name="password" label=t.field_password kind="password" hint=t.field_password_hint
                            autocomplete="new-password" maxlength=PASSWORD_MAX_CHARS error/>
                        <TextField name="organisation_name" label=t.field_organisation_name hint=t.field_organisation_hint
                            autocomplete="organization" required=false maxlength=ORGANISATION_MAX_CHARS error/>
                        <TextField name="organisation_website" label=t.field_organisation_website kind="url"
                            autocomplete="url" required=false maxlength=WEBSITE_MAX_CHARS error/>
                        <div class="field" class:field-invalid=move || consent_error().is_some()>
                            {move || consent_error().map(|m| view! { <p class="field-error" id="privacy_consent-error">{m}</p> })}
                            <label class="choice">
                                <input type="checkbox" id="privacy_consent" name="privacy_consent" value="ja" required=true
                                    aria-invalid=move || consent_error().is_some().then_some("true")
                                    aria-describedby=move || consent_error().map(|_| "privacy_consent-error")/>
                                <span>{t.privacy_consent_label}" "<a href="/datenschutz">{t.footer_privacy}</a></span>
                            </label>
                        </div>
                        // Robots fill in every field; people never see this one.
                        <div class="hp">
                            <label for="fax">{t.honeypot_label}</label>
                            <input id="fax" name="fax" type="text" tabindex="-1" autocomplete="off"/>
                        </div>
                        <input type="hidden" name="started_at" value=started_at/>
                        <input type="hidden" name="weiter" value=weiter/>
                        <button type="submit" class="button">{t.register_submit}</button>
                    </ActionForm>
                    }
                })}
            </Suspense>
            <p>{t.have_account}" "<a href=move || with_return_path("/anmelden", Some(&weiter()))>{t.nav_login}</a></p>
        </div>
    }
}

#[component]
pub fn RegisterDonePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.register_done_title/>
        <div class="container page narrow">
            <h1>{t.register_done_title}</h1>
            <p role="status">{t.register_done_text}</p>
            <p><a class="button" href="/anmelden">{t.nav_login}</a></p>
        </div>
    }
}
