//! Stadtlabor: the citizen participation platform of the digital model region Soest.
//!
//! One crate, two compile targets: `ssr` (the axum server, `server/`) and `hydrate` (the
//! WebAssembly half that makes the server-rendered pages interactive).
// wasm-bindgen's generated glue contains `unsafe`, so the lint can only be forbidden natively.
#![cfg_attr(not(feature = "hydrate"), forbid(unsafe_code))]
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the WebAssembly bundle: attaches the client to the server-rendered HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
