//! The notice for a signed-in person whose address is not confirmed yet, wherever taking
//! part needs it, with a button for a fresh link. The link leads back to this page.

use crate::api::accounts::ResendVerification;
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn UnverifiedNotice() -> impl IntoView {
    let t = use_texts();
    let resend = ServerAction::<ResendVerification>::new();
    let location = use_location();
    // The router's `search` comes without its `?`.
    let here = move || {
        let (path, query) = (location.pathname.get(), location.search.get());
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    view! {
        <div class="notice" role="note">
            <p>{t.unverified_notice}</p>
            <ActionForm action=resend>
                <input type="hidden" name="weiter" value=here/>
                <button type="submit" class="button button-secondary">{t.resend_submit}</button>
            </ActionForm>
        </div>
    }
}
