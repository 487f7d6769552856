//! Feedback after an action, for everyone and for screen readers (WCAG 2.4.3 focus order,
//! 4.1.3 status messages): the visible confirmation of what was just done where the page
//! lands, and one island per page, the polite live region, which with JavaScript reads that
//! confirmation (or a form's error summary) out and moves the focus there.
//!
//! Every action is a form post answered by a redirect to a freshly rendered page, with and
//! without JavaScript alike, so "what just happened" is always in the page the browser
//! loaded: the island only has to find it.

use crate::domain::feedback::{Done, PARAM};
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page's polite live region (it must exist before a message arrives, or screen readers
/// miss it), once in the layout. An island: with JavaScript, right after the page loaded, it
/// puts the focus where the page wants it and reads out what was just done.
#[island]
pub fn LiveRegion() -> impl IntoView {
    let message = RwSignal::new(String::new());
    // Effects run only in the browser, once the page is there.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        browser::settle_page(message);
    });
    view! {
        <div id="ansage" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || message.get()}
        </div>
    }
}

/// The action named in this page's address (`?erledigt=…`), if any.
pub fn use_done() -> Memo<Option<Done>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get(PARAM).and_then(|v| Done::from_param(&v)))
}

/// The confirmation of the action in the address when `here` says it belongs at this place.
pub fn done_here(
    done: Memo<Option<Done>>,
    here: impl Fn(Done) -> bool + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        done.get()
            .filter(|d| here(*d))
            .map(|done| view! { <DoneNotice done/> })
    }
}

/// The visible confirmation of `done`, placed inside the element the page lands on (the
/// nearest one with `tabindex="-1"`, which the live region focuses).
#[component]
fn DoneNotice(done: Done) -> impl IntoView {
    let t = use_texts();
    view! { <p class="notice notice-success done-notice">{t.done(done)}</p> }
}

/// What the live region does in the browser: plain DOM work on the page the server rendered.
#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{Element, HtmlElement, MouseEvent};
    use std::time::Duration;

    /// A form's error summary (`components::form::FormAlert`) takes the focus, so that the
    /// next Tab leads through its links; else the element around an action's confirmation
    /// takes it and the confirmation is read out. Links in an error summary put the cursor
    /// into their field (a fragment link alone only scrolls there).
    pub fn settle_page(message: RwSignal<String>) {
        let document = document();
        if let Some(summary) = find(&document, ".error-summary") {
            focus(&summary);
        } else if let Some(notice) = find(&document, ".done-notice") {
            if let Some(place) = notice.closest("[tabindex='-1']").ok().flatten() {
                focus(&place);
            }
            // Later than the page's own load, so that screen readers take it as news.
            let text = notice.text_content().unwrap_or_default();
            set_timeout(move || message.set(text), Duration::from_millis(100));
        }
        // For the page's life (dropping the handle keeps the listener).
        let _ = window_event_listener(leptos::ev::click, focus_field_of_summary_link);
    }

    fn find(document: &leptos::web_sys::Document, selector: &str) -> Option<Element> {
        document.query_selector(selector).ok().flatten()
    }

    fn focus(element: &Element) {
        if let Some(element) = element.dyn_ref::<HtmlElement>() {
            let _ = element.focus();
            element.scroll_into_view();
        }
    }

    fn focus_field_of_summary_link(ev: MouseEvent) {
        let link = ev
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|target| target.closest(".error-summary a[href^='#']").ok().flatten());
        let field = link
            .and_then(|link| link.get_attribute("href"))
            .and_then(|href| document().get_element_by_id(&href[1..]))
            .and_then(|field| field.dyn_into::<HtmlElement>().ok());
        if let Some(field) = field {
            ev.prevent_default();
            let _ = field.focus();
        }
    }
}
