//! The HTML shell, the router and the page layout. Pages render on the server only (Leptos
//! islands): the browser loads the WebAssembly for the few interactive islands alone.

use crate::api::accounts::get_current_user;
use crate::components::layout::{page_title, SiteFooter, SiteHeader};
use crate::i18n::use_locale;
use crate::pages::account::AccountPage;
use crate::pages::admin_users::AdminUsersPage;
use crate::pages::block_account::BlockAccountPage;
use crate::pages::email_links::{ConfirmEmailChangePage, VerifyEmailPage};
use crate::pages::home::HomePage;
use crate::pages::idea::IdeaPage;
use crate::pages::idea_edit::EditIdeaPage;
use crate::pages::idea_new::NewIdeaPage;
use crate::pages::ideas::IdeasPage;
use crate::pages::legal::{AccessibilityPage, ImprintPage, PrivacyPage};
use crate::pages::login::LoginPage;
use crate::pages::moderation_log::ModerationLogPage;
use crate::pages::moderation_queue::ModerationQueuePage;
use crate::pages::moderation_review::ModerationReviewPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::notifications::{NotificationSettingsPage, NotificationsPage, UnsubscribePage};
use crate::pages::objection::ObjectionPage;
use crate::pages::password_reset::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::profile::ProfilePage;
use crate::pages::project::ProjectPage;
use crate::pages::project_form::{EditProjectPage, NewProjectPage};
use crate::pages::projects::ProjectsPage;
use crate::pages::register::{RegisterDonePage, RegisterPage};
use crate::pages::report::ReportPage;
use crate::pages::workshop::WorkshopPage;
use crate::pages::workshop_attendees::WorkshopAttendeesPage;
use crate::pages::workshop_cancel_link::WorkshopCancelLinkPage;
use crate::pages::workshop_form::{EditWorkshopPage, NewWorkshopPage};
use crate::pages::workshops::WorkshopsPage;
use crate::pages::CurrentUserResource;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = crate::server::language::request_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Marks an installation whose database holds the invented demo participation (read once at
/// start; the server provides it to every page it renders).
#[derive(Clone, Copy)]
pub struct DemoInstallation(pub bool);

/// Whether this page belongs to a demo installation.
fn is_demo_installation() -> bool {
    use_context::<DemoInstallation>().is_some_and(|demo| demo.0)
}

/// A refused form post returning to this page (`server::form_errors`), as the error its
/// server action shows, with what was typed.
fn refused_form() -> Option<leptos::server::ServerActionError> {
    let parts = use_context::<axum::http::request::Parts>()?;
    let refused = parts
        .extensions
        .get::<crate::server::form_errors::RefusedForm>()?;
    Some(leptos::server::ServerActionError::new(
        &refused.function,
        &refused.error,
    ))
}

/// Header, routes and footer, with who is signed in (loaded once per page).
#[component]
fn SiteLayout() -> impl IntoView {
    let t = use_locale().texts();
    let user = Resource::new(|| (), |_| get_current_user());
    provide_context(CurrentUserResource(user));
    // Where Leptos would read a refusal from the address; ours comes with the request.
    if let Some(refused) = refused_form() {
        provide_context(refused);
    }
    view! {
        <a class="skip-link" href="#inhalt">{t.skip_to_content}</a>
        {is_demo_installation().then(|| view! { <p class="demo-notice" role="note">{t.demo_notice}</p> })}
        <SiteHeader/>
        <main id="inhalt" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/projekte") view=ProjectsPage ssr=SsrMode::Async/>
                <Route path=path!("/projekte/neu") view=NewProjectPage ssr=SsrMode::Async/>
                <Route path=path!("/projekte/:slug") view=ProjectPage ssr=SsrMode::Async/>
                <Route path=path!("/projekte/:slug/bearbeiten") view=EditProjectPage ssr=SsrMode::Async/>
                <Route path=path!("/ideen") view=IdeasPage ssr=SsrMode::Async/>
                <Route path=path!("/ideen/neu") view=NewIdeaPage ssr=SsrMode::Async/>
                <Route path=path!("/ideen/:id") view=IdeaPage ssr=SsrMode::Async/>
                <Route path=path!("/ideen/:id/bearbeiten") view=EditIdeaPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops") view=WorkshopsPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/neu") view=NewWorkshopPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/abmelden") view=WorkshopCancelLinkPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/:slug") view=WorkshopPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/:slug/bearbeiten") view=EditWorkshopPage ssr=SsrMode::Async/>
                <Route path=path!("/workshops/:slug/teilnehmende") view=WorkshopAttendeesPage ssr=SsrMode::Async/>
                <Route path=path!("/personen/:id") view=ProfilePage ssr=SsrMode::Async/>
                <Route path=path!("/impressum") view=ImprintPage ssr=SsrMode::Async/>
                <Route path=path!("/datenschutz") view=PrivacyPage ssr=SsrMode::Async/>
                <Route path=path!("/barrierefreiheit") view=AccessibilityPage ssr=SsrMode::Async/>
                <Route path=path!("/registrieren") view=RegisterPage ssr=SsrMode::Async/>
                <Route path=path!("/registrieren/danke") view=RegisterDonePage ssr=SsrMode::Async/>
                <Route path=path!("/anmelden") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/konto") view=AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/konto/bestaetigen") view=VerifyEmailPage ssr=SsrMode::Async/>
                <Route path=path!("/konto/email-bestaetigen") view=ConfirmEmailChangePage ssr=SsrMode::Async/>
                <Route path=path!("/passwort-vergessen") view=ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/passwort-zuruecksetzen") view=ResetPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/benutzer") view=AdminUsersPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/benutzer/:id/sperren") view=BlockAccountPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/moderation") view=ModerationQueuePage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/moderation/protokoll") view=ModerationLogPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/moderation/beitrag/:item") view=ModerationReviewPage ssr=SsrMode::Async/>
                <Route path=path!("/melden/:item") view=ReportPage ssr=SsrMode::Async/>
                <Route path=path!("/widerspruch/:log_id") view=ObjectionPage ssr=SsrMode::Async/>
                <Route path=path!("/benachrichtigungen") view=NotificationsPage ssr=SsrMode::Async/>
                <Route path=path!("/konto/benachrichtigungen") view=NotificationSettingsPage ssr=SsrMode::Async/>
                <Route path=path!("/abmelden") view=UnsubscribePage ssr=SsrMode::Async/>
            </Routes>
        </main>
        <SiteFooter/>
        <crate::components::feedback::LiveRegion/>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = crate::server::language::request_locale();
    provide_context(locale);
    let t = locale.texts();

    view! {
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Meta name="description" content=t.site_tagline/>
        <Title formatter=move |page: String| page_title(&page, t.site_name)/>
        <Router>
            <SiteLayout/>
        </Router>
    }
}
