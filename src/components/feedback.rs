//! Feedback after an action or a navigation, for everyone and for screen readers
//! (WCAG 2.4.3 focus order, 4.1.3 status messages): one polite live region per page, the
//! visible confirmation of what was just done, and the focus moved to where it happened.

use crate::domain::feedback::{Done, PARAM};
use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use std::time::Duration;

/// The page's polite live region: what is written here is read out once.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

/// Gives the page its announcer (in the layout, above everything that announces).
pub fn provide_announcer() {
    provide_context(Announcer(RwSignal::new(String::new())));
}

/// The live region, once in the layout (it must exist before a message arrives, or screen
/// readers miss it).
#[component]
pub fn LiveRegion() -> impl IntoView {
    let Announcer(message) = expect_context::<Announcer>();
    view! {
        <div id="ansage" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || message.get()}
        </div>
    }
}

impl Announcer {
    /// Reads `text` out. Emptied first, so that the same message twice is read twice.
    pub fn say(self, text: &'static str) {
        self.0.set(String::new());
        set_timeout(
            move || self.0.set(text.to_owned()),
            Duration::from_millis(100),
        );
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
/// nearest one with `tabindex="-1"`). With JavaScript it is also announced and that element
/// takes the focus.
#[component]
fn DoneNotice(done: Done) -> impl IntoView {
    let t = use_texts();
    let text = t.done(done);
    let announcer = use_context::<Announcer>();
    let heading_focus = use_context::<HeadingFocus>();
    let notice = NodeRef::<leptos::html::P>::new();
    // Effects run only in the browser, after the notice is in the page.
    Effect::new(move |_| {
        let Some(notice) = notice.get() else { return };
        if let Some(announcer) = announcer {
            announcer.say(text);
        }
        // The focus belongs here now, not to the heading of the page opened before.
        if let Some(HeadingFocus(navigations)) = heading_focus {
            navigations.update_value(|n| *n += 1);
        }
        focus_landing_place(&notice);
    });
    view! { <p class="notice notice-success done-notice" node_ref=notice>{text}</p> }
}

/// Moves the focus to the element around `notice` that the page landed on, and into view.
fn focus_landing_place(notice: &leptos::web_sys::Element) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(place) = notice
        .closest("[tabindex='-1']")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = place.focus();
        place.scroll_into_view();
    }
}

/// After the router changed the page (not on the first load, which the browser handles),
/// the focus moves to the new page's `<h1>`, so that a screen reader reads where one is
/// and the next Tab starts there. A person typing into a field keeps their focus.
pub fn focus_heading_after_navigation() {
    let location = use_location();
    let navigations = StoredValue::new(0u32);
    provide_context(HeadingFocus(navigations));
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            navigations.update_value(|n| *n += 1);
            let this = navigations.get_value();
            // After the router's own rendering of the new page in this turn.
            set_timeout(
                move || settle_focus(navigations, this, WATCH_TRIES, None),
                Duration::ZERO,
            );
        }
        path
    });
}

/// Counts navigations, so that a heading watch stops when the next one (or an action's
/// confirmation) takes over.
#[derive(Clone, Copy)]
struct HeadingFocus(StoredValue<u32>);

/// How long (× 50 ms) the heading is watched after a navigation: pages render it once their
/// data is there, and a page still leaving may hold the old one for a moment.
const WATCH_TRIES: u32 = 60;

/// Focuses the page's heading, and again the new one if the focused heading left the page
/// while the focus had nowhere else to be; stops when another navigation started.
fn settle_focus(
    navigations: StoredValue<u32>,
    this: u32,
    tries: u32,
    focused: Option<leptos::web_sys::HtmlElement>,
) {
    use leptos::wasm_bindgen::JsCast;
    if tries == 0 || navigations.try_get_value() != Some(this) {
        return;
    }
    let document = document();
    let still_there = focused.as_ref().is_some_and(|h| h.is_connected());
    let active = document.active_element().map(|active| active.tag_name());
    // Nobody moved the focus since (it fell back to the body), nor is typing.
    let focus_is_free = active.as_deref().is_none_or(|tag| tag == "BODY");
    let typing = matches!(active.as_deref(), Some("INPUT" | "TEXTAREA" | "SELECT"));
    let focused = if still_there || typing || (focused.is_some() && !focus_is_free) {
        focused
    } else {
        let heading = document
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok());
        if let Some(heading) = &heading {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
        heading
    };
    set_timeout(
        move || settle_focus(navigations, this, tries - 1, focused),
        Duration::from_millis(50),
    );
}
