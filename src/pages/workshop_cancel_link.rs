//! `/workshops/abmelden?t=…`: the signed link in every workshop mail. The GET only shows
//! what the link stands for (link scanners prefetch); the buttons post, without a login.
//! For a place held in claim mode, the page asks first to confirm it.

use crate::api::workshops::{cancel_link_target, CancelByLink, ConfirmByLink};
use crate::components::error_notice::ErrorNotice;
use crate::components::form::{action_error, FormAlert};
use crate::i18n::use_texts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn WorkshopCancelLinkPage() -> impl IntoView {
    let t = use_texts();
    let w = t.workshops;
    let query = use_query_map();
    let token = move || query.read().get("t").unwrap_or_default();
    let target = Resource::new(token, cancel_link_target);
    let cancel = ServerAction::<CancelByLink>::new();
    let confirm = ServerAction::<ConfirmByLink>::new();
    let error = action_error(cancel.value());
    let confirm_error = action_error(confirm.value());
    view! {
        <Title text=w.link_cancel_title/>
        <div class="container page narrow">
            <h1>{w.link_cancel_title}</h1>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    let target = match target.await {
                        Ok(target) => target,
                        Err(error) => return view! { <ErrorNotice error/> }.into_any(),
                    };
                    let link = format!("/workshops/{}", target.workshop_slug);
                    view! {
                        <p><a href=link>{target.workshop_title}</a></p>
                        <p>{(w.when)(target.starts_at, target.ends_at)}</p>
                        {if target.cancelled {
                            view! { <p>{w.cancelled_done}</p> }.into_any()
                        } else {
                            view! {
                                {target.offered_until.map(|until| view! {
                                    <p>{(w.offer_text)(until)}</p>
                                    <FormAlert error=confirm_error/>
                                    <ActionForm action=confirm>
                                        <input type="hidden" name="token" value=token()/>
                                        <button type="submit" class="button">{w.confirm_submit}</button>
                                    </ActionForm>
                                })}
                                <p>{w.link_cancel_intro}</p>
                                <FormAlert error/>
                                <ActionForm action=cancel>
                                    <input type="hidden" name="token" value=token()/>
                                    <button type="submit" class="button">{w.cancel_submit}</button>
                                </ActionForm>
                            }.into_any()
                        }}
                    }.into_any()
                })}
            </Suspense>
        </div>
    }
}
