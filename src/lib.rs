//! Stadtlabor: the citizen participation platform of the digital model region Soest.
//!
//! One crate, two compile targets: `ssr` (the axum server, `server/`, which renders every
//! page) and `hydrate` (the WebAssembly half: the few interactive islands of those pages, see
//! `#[island]`; Leptos' islands mode keeps everything else out of the browser).
// wasm-bindgen's generated glue contains `unsafe`, so the lint can only be forbidden natively.
#![cfg_attr(not(feature = "hydrate"), forbid(unsafe_code))]
#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the WebAssembly bundle, run on every page before its islands hydrate.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // Tells tests (and CSS) that the page's JavaScript runs.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
