//! Site header with the main navigation, and the footer with legal links and the language
//! switch.

use crate::i18n::{use_locale, use_texts, Locale};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_texts();
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/">
                    <span class="brand-name">{t.site_name}</span>
                    <span class="brand-tagline">{t.site_tagline}</span>
                </a>
                <nav aria-label=t.nav_label>
                    <ul class="nav-list">
                        // `A` marks the current page with aria-current="page".
                        <li><A href="/" exact=true>{t.nav_home}</A></li>
                        <li><A href="/projekte">{t.nav_projects}</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// Percent-encodes a path for use as a query value.
fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    let current = use_locale();
    let location = use_location();
    let switch_href = move |target: Locale| {
        let back = format!("{}{}", location.pathname.get(), location.search.get());
        format!(
            "/sprache/{}?zurueck={}",
            target.code(),
            encode_query_value(&back)
        )
    };
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <p>{t.footer_operator}</p>
                <nav aria-label=t.footer_label>
                    <ul class="footer-links">
                        <li><A href="/impressum">{t.footer_imprint}</A></li>
                        <li><A href="/datenschutz">{t.footer_privacy}</A></li>
                        <li><A href="/barrierefreiheit">{t.footer_accessibility}</A></li>
                    </ul>
                </nav>
                <div class="language-switch" role="group" aria-label=t.language_label>
                    <span class="language-label">{t.language_label}": "</span>
                    {Locale::ALL
                        .into_iter()
                        .map(|locale| {
                            let name = locale.texts().language_name;
                            if locale == current {
                                view! {
                                    <span class="language-current" lang=locale.code() aria-current="true">{name}</span>
                                }
                                    .into_any()
                            } else {
                                // rel=external: a full page load, so the server sets the cookie
                                // and renders the page in the new language.
                                view! {
                                    <a href=move || switch_href(locale) rel="external" lang=locale.code() hreflang=locale.code()>
                                        {name}
                                    </a>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn return_paths_are_encoded() {
        assert_eq!(
            encode_query_value("/projekte?a=b&c"),
            "/projekte%3Fa%3Db%26c"
        );
        assert_eq!(encode_query_value("/ü"), "/%C3%BC");
    }
}
