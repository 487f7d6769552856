//! Site header with the main navigation, and the footer with legal links and the language
//! switch.

use crate::api::accounts::Logout;
use crate::domain::accounts::{CurrentUser, Role};
use crate::i18n::{use_locale, use_texts, Locale};
use crate::pages::use_current_user;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/">
                    <span class="brand-name">{t.header_name}</span>
                    <span class="brand-tagline">{t.site_tagline}</span>
                </a>
                // Phones: both lists fold behind "Menü", a toggle that needs no JavaScript (a
                // checkbox without a name, as the idea list's filters). Wider screens show the
                // lists and hide the toggle (CSS).
                <input type="checkbox" id="menu-toggle" class="menu-toggle"
                    aria-controls="site-menu"/>
                <label for="menu-toggle" class="menu-toggle-label">{t.menu_toggle}</label>
                <div id="site-menu" class="site-menu">
                <nav aria-label=t.nav_label>
                    <ul class="nav-list">
                        // `A` marks the current page with aria-current="page".
                        <li><A href="/" exact=true>{t.nav_home}</A></li>
                        <li><A href="/projekte">{t.nav_projects}</A></li>
                        <li><A href="/ideen">{t.nav_ideas}</A></li>
                        <li><A href="/workshops">{t.workshops.nav}</A></li>
                    </ul>
                </nav>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match user.await {
                            Ok(Some(user)) => view! { <UserMenu user/> }.into_any(),
                            _ => view! {
                                <ul class="nav-list user-menu">
                                    <li><A href="/anmelden">{t.nav_login}</A></li>
                                    <li><A href="/registrieren">{t.nav_register}</A></li>
                                </ul>
                            }.into_any(),
                        }
                    })}
                </Suspense>
                </div>
            </div>
        </header>
    }
}

/// The signed-in person's links and the logout button: a plain form post, so that the page
/// reloads without any trace of the session, with or without JavaScript.
#[component]
fn UserMenu(user: CurrentUser) -> impl IntoView {
    let t = use_texts();
    view! {
        <ul class="nav-list user-menu">
            {user.moderation_queue.map(|queue| {
                let m = t.moderation;
                view! {
                    <li>
                        <A href="/verwaltung/moderation">
                            {m.nav_moderation}
                            {(queue.open > 0).then(|| view! {
                                " "<span class="badge badge-count">{(m.open_items)(queue.open)}</span>
                            })}
                        </A>
                        {(queue.overdue > 0).then(|| view! {
                            " "<span class="badge badge-warning" role="note">{(m.overdue_items)(queue.overdue)}</span>
                        })}
                    </li>
                }
            })}
            {(user.role == Role::Admin).then(|| view! {
                <li><A href="/verwaltung/moderation/protokoll">{t.moderation.log_title}</A></li>
                <li><A href="/verwaltung/benutzer">{t.nav_admin}</A></li>
            })}
            <li>
                <A href="/benachrichtigungen">
                    {t.nav_notifications}
                    {(user.unread_notifications > 0).then(|| view! {
                        " "<span class="badge badge-count">{(t.unread_count)(user.unread_notifications)}</span>
                    })}
                </A>
            </li>
            // On phones the name gives way to a compact header (CSS).
            <li><A href="/konto">{t.nav_account}<span class="account-name">" ("{user.display_name}")"</span></A></li>
            <li>
                <form method="post" action=Logout::url() class="inline-form">
                    <button type="submit" class="link-button">{t.logout}</button>
                </form>
            </li>
        </ul>
    }
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
            crate::domain::paths::encode_query_value(&back)
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
                                view! {
                                    <a href=move || switch_href(locale) lang=locale.code() hreflang=locale.code()>
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

/// "Page – Stadtlabor". leptos_meta writes the `<title>` without escaping it, so a title like
/// `</title><script>…` from user content would break out of the element; escaped here.
pub fn page_title(page: &str, site_name: &str) -> String {
    let title = if page.is_empty() {
        site_name.to_owned()
    } else {
        format!("{page} – {site_name}")
    };
    title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
