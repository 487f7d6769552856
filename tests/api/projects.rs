//! Staff publish and edit projects; everyone reads them, archived ones included.

use crate::helpers::{post_as, spawn_app, TestApp};
use stadtlabor::domain::accounts::Role;

/// A complete, valid project form; tests replace single fields.
fn project_form(slug: &str) -> Vec<(String, String)> {
    [
        ("slug", slug),
        ("title", "Digitale Bürgerdienste in Lippstadt"),
        ("summary", "Anträge online stellen, ohne Wartezeit."),
        ("description", "## Ziel\n\nWeniger Wege ins **Rathaus**."),
        ("phase", "running"),
        ("funding", "1.250.000,50 €"),
        ("responsible_body", "Stadt Lippstadt"),
        ("contact", "digital@lippstadt.example"),
        ("category", "verwaltung"),
        ("districts[0]", "kreis-soest"),
        ("districts[3]", "lippstadt"),
        ("starts_on", "2026-01-01"),
        ("ends_on", "31.12.2027"),
        ("support_limit", "3"),
        ("accepts_ideas", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn with(form: &[(String, String)], field: &str, value: &str) -> Vec<(String, String)> {
    let mut form: Vec<_> = form.iter().filter(|(k, _)| k != field).cloned().collect();
    form.push((field.to_owned(), value.to_owned()));
    form
}

fn refs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn staff_app() -> TestApp {
    let app = spawn_app().await;
    let moderator = app.create_user(Role::Moderator, true).await;
    app.log_in(&moderator).await;
    app
}

async fn save(app: &TestApp, form: &[(String, String)]) -> reqwest::Response {
    app.post("projects/save", &refs(form)).await
}

async fn field_errors(response: reqwest::Response) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    body["Validation"]["errors"].clone()
}

#[tokio::test]
async fn staff_publish_a_project_that_everyone_can_read_with_its_facts() {
    let app = staff_app().await;
    let response = save(&app, &project_form("buergerdienste-lippstadt")).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["location"],
        "/projekte/buergerdienste-lippstadt"
    );

    let (status, html) = anonymous_page(&app, "/projekte/buergerdienste-lippstadt").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1>Digitale Bürgerdienste in Lippstadt</h1>"));
    assert!(html.contains("<strong>Rathaus</strong>"));
    assert!(html.contains("1,25 Mio. €"), "funding shown");
    assert!(html.contains("01.01.2026 – 31.12.2027"));
    assert!(html.contains("Kreis Soest, Lippstadt"));
    assert!(html.contains("Digitale Verwaltung"));

    let (_, catalogue) = app.page("/projekte?kreis=lippstadt").await;
    assert!(catalogue.contains("Digitale Bürgerdienste in Lippstadt"));
    // It takes ideas: it is offered in the idea form.
    let (_, idea_form) = app.page("/ideen/neu").await;
    assert!(idea_form.contains("value=\"buergerdienste-lippstadt\""));
}

/// A page as an anonymous visitor gets it.
async fn anonymous_page(app: &TestApp, path: &str) -> (u16, String) {
    app.page_as(&crate::helpers::browser_client(), path).await
}

#[tokio::test]
async fn only_moderators_and_admins_may_create_or_edit_projects() {
    let app = spawn_app().await;
    let form = project_form("nur-fuer-verwaltung");
    let anonymous = app.post("projects/save", &refs(&form)).await;
    assert_eq!(anonymous.status().as_u16(), 401);
    let (status, _) = app.page("/projekte/neu").await;
    assert_eq!(status, 401, "the form page says so too");
    let (status, _) = app.page("/projekte/big-bird-westfalen/bearbeiten").await;
    assert_eq!(status, 401);

    for (i, (role, verified, expected)) in [
        (Role::Citizen, false, 403),
        (Role::Citizen, true, 403),
        (Role::Business, true, 403),
        (Role::Moderator, true, 200),
        (Role::Admin, true, 200),
    ]
    .into_iter()
    .enumerate()
    {
        let user = app.create_user(role, verified).await;
        let client = app.client_for(&user).await;
        let form = project_form(&format!("projekt-{i}"));
        let response = post_as(&client, &app.address, "projects/save", &refs(&form)).await;
        assert_eq!(response.status().as_u16(), expected, "{role:?} {verified}");
        let edit = with(&form, "current_slug", "big-bird-westfalen");
        let edit = with(&edit, "slug", "big-bird-westfalen");
        let response = post_as(&client, &app.address, "projects/save", &refs(&edit)).await;
        assert_eq!(response.status().as_u16(), expected, "edit {role:?}");
        let response = client
            .get(format!(
                "{}/projekte/big-bird-westfalen/bearbeiten",
                app.address
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), expected, "form {role:?}");
    }
    for (i, created) in [(0, false), (1, false), (2, false), (3, true), (4, true)] {
        let (status, _) = app.page(&format!("/projekte/projekt-{i}")).await;
        assert_eq!(status == 200, created, "projekt-{i}");
    }
}

#[tokio::test]
async fn bad_project_input_is_refused_field_by_field_and_stores_nothing() {
    let app = staff_app().await;
    let form = project_form("gute-adresse");
    let cases: Vec<(&str, String, &str)> = vec![
        ("slug", "Mit Leerzeichen".into(), "InvalidSlug"),
        ("slug", "neu".into(), "SlugTaken"),
        ("slug", "big-bird-westfalen".into(), "SlugTaken"),
        ("title", "".into(), "Required"),
        ("title", "x".repeat(151), "TooLong"),
        ("summary", "Zeile\u{7}".into(), "InvalidCharacters"),
        ("description", " ".into(), "Required"),
        ("phase", "archived".into(), "Invalid"),
        ("funding", "viel Geld".into(), "InvalidAmount"),
        ("funding", "-5".into(), "InvalidAmount"),
        ("starts_on", "31.02.2027".into(), "InvalidDate"),
        ("ends_on", "2025-12-31".into(), "EndBeforeStart"),
        ("category", "unbekannt".into(), "Invalid"),
        ("districts[0]", "atlantis".into(), "Invalid"),
        ("support_limit", "0".into(), "NumberOutOfRange"),
        ("support_limit", "2.5".into(), "NumberOutOfRange"),
        ("contact", "".into(), "Required"),
    ];
    for (field, value, expected) in cases {
        let errors = field_errors(save(&app, &with(&form, field, &value)).await).await;
        let key = field.split('[').next().unwrap();
        let error = &errors[key];
        let name = error.as_str().map(str::to_owned).unwrap_or_else(|| {
            error
                .as_object()
                .and_then(|o| o.keys().next().cloned())
                .unwrap_or_default()
        });
        assert_eq!(name, expected, "{field}={value:?}: {errors}");
    }
    let (status, _) = app.page("/projekte/gute-adresse").await;
    assert_eq!(status, 404, "nothing stored");

    // Without JavaScript the form comes back with the message and the typed values.
    let bad = with(&form, "funding", "viel Geld");
    let response = app
        .client
        .post(format!("{}/api/projects/save", app.address))
        .header("Origin", crate::helpers::BASE_URL)
        .header("Accept", "text/html")
        .header("Referer", format!("{}/projekte/neu", app.address))
        .form(&refs(&bad))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302, "back to the form");
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = app.page(location.trim_start_matches(&app.address)).await;
    assert!(html.contains("Bitte geben Sie einen Betrag in Euro ein"));
    assert!(html.contains("value=\"viel Geld\""));
    assert!(html.contains("value=\"gute-adresse\""));
}

#[tokio::test]
async fn hostile_markup_in_a_staff_project_is_shown_as_text() {
    let app = staff_app().await;
    let form = project_form("feindlich-verwaltung");
    let form = with(&form, "title", "<script>alert(1)</script>");
    let form = with(
        &form,
        "description",
        "<img src=x onerror=alert(1)>\n\n[Link](javascript:alert(1))",
    );
    assert_eq!(save(&app, &form).await.status().as_u16(), 200);
    let (_, html) = app.page("/projekte/feindlich-verwaltung").await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(!html.contains("<img src=x onerror"));
    assert!(!html.contains("javascript:alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[tokio::test]
async fn staff_edit_a_project_rename_it_and_archive_it_which_keeps_it_readable() {
    let app = staff_app().await;
    let form = project_form("alter-name");
    assert_eq!(save(&app, &form).await.status().as_u16(), 200);

    let (status, html) = app.page("/projekte/alter-name/bearbeiten").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("value=\"1250000,50\""),
        "amount as typed back"
    );
    assert!(html.contains("value=\"2027-12-31\""));

    let renamed = with(&form, "current_slug", "alter-name");
    let renamed = with(&renamed, "slug", "neuer-name");
    let renamed = with(&renamed, "phase", "completed");
    let renamed = with(&renamed, "archived", "on");
    let renamed: Vec<_> = renamed
        .into_iter()
        .filter(|(k, _)| k != "districts[3]" && k != "accepts_ideas")
        .collect();
    let response = save(&app, &renamed).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["location"], "/projekte/neuer-name");

    let (status, _) = app.page("/projekte/alter-name").await;
    assert_eq!(status, 404);
    let (status, html) = app.page("/projekte/neuer-name").await;
    assert_eq!(status, 200, "archived projects stay readable");
    assert!(html.contains("Archiviert"));
    assert!(html.contains("Nimmt derzeit keine Ideen an"));
    assert!(html.contains("<dd>Kreis Soest</dd>"), "district removed");

    // No longer offered for ideas, and an idea naming it is refused.
    let (_, idea_form) = app.page("/ideen/neu").await;
    assert!(!idea_form.contains("value=\"neuer-name\""));
    let response = app
        .post(
            "ideas/create",
            &[
                ("title", "Noch eine Idee"),
                ("body", "Text"),
                ("category", "verwaltung"),
                ("project", "neuer-name"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);

    // Renaming onto another project's address is a field error, not a crash.
    let clash = with(&renamed, "current_slug", "neuer-name");
    let clash = with(&clash, "slug", "big-bird-westfalen");
    let errors = field_errors(save(&app, &clash).await).await;
    assert_eq!(errors["slug"], "SlugTaken");

    let unknown = with(&renamed, "current_slug", "gibt-es-nicht");
    assert_eq!(save(&app, &unknown).await.status().as_u16(), 404);
}

#[tokio::test]
async fn a_project_page_lists_its_ideas() {
    let app = staff_app().await;
    let response = app
        .post(
            "ideas/create",
            &[
                ("title", "Haltestellen-Display mit Vorlesefunktion"),
                ("body", "Für Menschen mit Sehbehinderung."),
                ("category", "mobilitaet"),
                ("project", "big-bird-westfalen"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, html) = app.page("/projekte/big-bird-westfalen").await;
    assert!(html.contains("Haltestellen-Display mit Vorlesefunktion"));
    assert!(html.contains("/ideen/neu?projekt=big-bird-westfalen"));
    let (_, form) = app.page("/ideen/neu?projekt=big-bird-westfalen").await;
    assert!(form.contains("value=\"big-bird-westfalen\" selected"));

    // Following the project is shown on its page, and can be undone.
    assert!(html.contains("Projekt folgen"));
    for (follow, shown) in [("true", true), ("false", false)] {
        let response = app
            .post(
                "follows/project",
                &[("slug", "big-bird-westfalen"), ("follow", follow)],
            )
            .await;
        assert_eq!(response.status().as_u16(), 200);
        let (_, html) = app.page("/projekte/big-bird-westfalen").await;
        assert_eq!(html.contains("Sie folgen diesem Projekt"), shown);
    }
    let unknown = app
        .post(
            "follows/project",
            &[("slug", "gibt-es-nicht"), ("follow", "true")],
        )
        .await;
    assert_eq!(unknown.status().as_u16(), 404);
}
