use crate::helpers::{spawn_app, TestApp};
use stadtlabor::domain::accounts::Role;
use stadtlabor::server::db::ideas::{find_category_id, insert_idea, NewIdea};

/// Stores an idea directly (for list and search tests); returns its id.
async fn stored_idea(
    app: &TestApp,
    author_id: i64,
    title: &str,
    body: &str,
    category: &str,
) -> i64 {
    let mut tx = app.db.begin().await.unwrap();
    let category_id = find_category_id(&mut tx, category).await.unwrap().unwrap();
    let id = insert_idea(
        &mut tx,
        &NewIdea {
            author_id,
            project_id: None,
            category_id,
            title,
            body_md: body,
            body_html: &stadtlabor::server::markdown::render(body),
            location: None,
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn list(app: &TestApp, query: &[(&str, &str)]) -> serde_json::Value {
    let form: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (format!("query[{k}]"), v.to_string()))
        .collect();
    let response = app
        .client
        .post(format!("{}/api/ideas/list", app.address))
        .header("Origin", crate::helpers::BASE_URL)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "{query:?}");
    response.json().await.unwrap()
}

fn ids(page: serde_json::Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

fn titles(page: &serde_json::Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title_html"].as_str().unwrap().to_owned())
        .collect()
}

/// A form, the field expected to be refused, and the expected error.
type BadCase<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);

fn idea_form<'a>(title: &'a str, body: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("body", body),
        ("category", "mobilitaet"),
        ("project", "big-bird-westfalen"),
        ("location", "Soest"),
    ]
}

#[tokio::test]
async fn a_verified_citizen_submits_an_idea_with_markdown_that_appears_in_lists() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    app.log_in(&user).await;
    let response = app
        .post(
            "ideas/create",
            &idea_form(
                "Busse am Sonntag",
                "Mehr **Busse** am Sonntag.\n\n- Linie R41\n- Linie R43",
            ),
        )
        .await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/ideen/"));

    let (status, html) = app.page(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("<strong>Busse</strong>"));
    assert!(html.contains("<li>Linie R41</li>"));
    assert!(html.contains("Test Person"));
    assert!(html.contains("Big-Bird-Westfalen"));
    assert!(html.contains("Eingereicht"));
    // The page shows the rendering stored when the idea was written, not a fresh one of the
    // markdown; rows from before that column (empty) are rendered when read.
    let id = location.trim_start_matches("/ideen/");
    app.execute(&format!(
        "UPDATE ideas SET body_md = 'Nur **neu**' WHERE id = {id}"
    ))
    .await;
    let (_, html) = app.page(&location).await;
    assert!(html.contains("<strong>Busse</strong>") && !html.contains("<strong>neu</strong>"));
    app.execute(&format!("UPDATE ideas SET body_html = '' WHERE id = {id}"))
        .await;
    let (_, html) = app.page(&location).await;
    assert!(html.contains("Nur <strong>neu</strong>"));

    let (_, html) = app.page("/ideen").await;
    assert!(html.contains("Busse am Sonntag"));
    let (_, html) = app.page("/projekte").await;
    assert!(html.contains("1 Idee"), "the catalogue counts the idea");
}

#[tokio::test]
async fn only_verified_accounts_of_any_role_may_submit() {
    let app = spawn_app().await;
    let anonymous = app.post("ideas/create", &idea_form("Titel", "Text")).await;
    assert_eq!(anonymous.status().as_u16(), 401);
    let unverified = app.create_user(Role::Citizen, false).await;
    app.log_in(&unverified).await;
    let response = app.post("ideas/create", &idea_form("Titel", "Text")).await;
    assert_eq!(response.status().as_u16(), 403);
    assert!(response.text().await.unwrap().contains("EmailNotVerified"));
    for role in [Role::Citizen, Role::Business, Role::Moderator, Role::Admin] {
        let user = app.create_user(role, true).await;
        let client = app.client_for(&user).await;
        let response = crate::helpers::post_as(
            &client,
            &app.address,
            "ideas/create",
            &idea_form("Titel", "Text"),
        )
        .await;
        assert_eq!(response.status().as_u16(), 200, "{role:?}");
    }
}

#[tokio::test]
async fn bad_ideas_get_field_errors_and_nothing_is_stored() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    app.log_in(&user).await;
    let long_title = "a".repeat(121);
    let long_body = "b".repeat(10_001);
    let cases: Vec<BadCase> = vec![
        (idea_form("", "Text"), "title", "Required"),
        (idea_form(&long_title, "Text"), "title", "TooLong"),
        (idea_form("Titel", "   "), "body", "Required"),
        (idea_form("Titel", &long_body), "body", "TooLong"),
        (
            vec![
                ("title", "Titel"),
                ("body", "Text"),
                ("category", "gibt-es-nicht"),
            ],
            "category",
            "Invalid",
        ),
        (
            vec![
                ("title", "Titel"),
                ("body", "Text"),
                ("category", "mobilitaet"),
                ("project", "gibt-es-nicht"),
            ],
            "project",
            "NotAllowed",
        ),
    ];
    for (form, field, expected) in cases {
        let response = app.post("ideas/create", &form).await;
        assert_eq!(response.status().as_u16(), 422, "{field}");
        let body: serde_json::Value = response.json().await.unwrap();
        let error = &body["Validation"]["errors"][field];
        assert!(
            error == expected || error.get(expected).is_some(),
            "{field}: {body}"
        );
    }
    let page = list(&app, &[]).await;
    assert!(titles(&page).is_empty());
}

#[tokio::test]
async fn hostile_markdown_is_stored_but_never_executed() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    app.log_in(&user).await;
    let body =
        "<script>alert(1)</script>\n\n[klick](javascript:alert(2))\n\n<img src=x onerror=alert(3)>";
    let response = app
        .post("ideas/create", &idea_form("<b>Titel</b>", body))
        .await;
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = app.page(&location).await;
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("href=\"javascript:"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;b&gt;Titel&lt;/b&gt;"));
    let (_, list_html) = app.page("/ideen").await;
    assert!(!list_html.contains("<b>Titel</b>"));
}

#[tokio::test]
async fn search_understands_german_word_forms() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let helpers = stored_idea(
        &app,
        user.id,
        "Mehr Bürgern helfen",
        "Digitale Sprechstunde im Rathaus",
        "verwaltung",
    )
    .await;
    let projects = stored_idea(
        &app,
        user.id,
        "Neue Projekte für Schulen",
        "Tablets für die Grundschule",
        "bildung",
    )
    .await;
    let street = stored_idea(
        &app,
        user.id,
        "Sichere Straße",
        "Beleuchtung am Radweg",
        "mobilitaet",
    )
    .await;
    assert_eq!(ids(list(&app, &[("suche", "Bürger")]).await), vec![helpers]);
    assert_eq!(
        ids(list(&app, &[("suche", "Projekt")]).await),
        vec![projects]
    );
    assert_eq!(ids(list(&app, &[("suche", "strasse")]).await), vec![street]);
    assert_eq!(
        ids(list(&app, &[("suche", "Grundschule Tablets")]).await),
        vec![projects]
    );
    let page = list(&app, &[("suche", "bürger")]).await;
    assert_eq!(
        page["items"][0]["title_html"],
        "Mehr <mark>Bürgern</mark> helfen"
    );
    for hostile in [
        "\"",
        "*",
        "NEAR",
        "OR",
        ":",
        "\"a\" OR b*",
        "title:x",
        "NEAR(a b)",
        "'; DROP TABLE ideas; --",
    ] {
        let page = list(&app, &[("suche", hostile)]).await;
        assert!(page["items"].is_array(), "{hostile}");
    }
    let (status, _) = app.page("/ideen?suche=%22%2A+NEAR+OR+%3A").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn pages_of_20_stay_stable_while_new_ideas_arrive() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    for n in 0..45 {
        stored_idea(&app, user.id, &format!("Idee {n}"), "Text", "mobilitaet").await;
    }
    let first = list(&app, &[]).await;
    assert_eq!(titles(&first).len(), 20);
    assert_eq!(titles(&first)[0], "Idee 44");
    // New ideas arrive between two page loads; the next page continues where the first ended.
    for n in 0..3 {
        stored_idea(&app, user.id, &format!("Neu {n}"), "Text", "mobilitaet").await;
    }
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();
    let second = list(&app, &[("nach", &cursor)]).await;
    assert_eq!(titles(&second)[0], "Idee 24");
    let cursor = second["next_cursor"].as_str().unwrap().to_owned();
    let third = list(&app, &[("nach", &cursor)]).await;
    assert_eq!(titles(&third).len(), 5);
    assert!(third["next_cursor"].is_null());
    let mut all: Vec<String> = [titles(&first), titles(&second), titles(&third)].concat();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 45, "no idea twice, none missing");

    // A tampered cursor starts from the top instead of failing.
    assert_eq!(titles(&list(&app, &[("nach", "x_y")]).await).len(), 20);
}

#[tokio::test]
async fn the_list_page_leads_back_resets_filters_and_suggests_what_to_do_when_empty() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    for n in 0..25 {
        stored_idea(&app, user.id, &format!("Idee {n}"), "Text", "mobilitaet").await;
    }
    let (_, first) = app.page("/ideen").await;
    assert!(first.contains(r#"rel="next""#));
    assert!(
        !first.contains(r#"rel="first""#),
        "already on the first page"
    );
    assert!(!first.contains("Filter zurücksetzen"), "nothing to reset");
    let next = first
        .split(r#"href=""#)
        .find_map(|rest| {
            rest.split_once(r#"" rel="next""#)
                .map(|(href, _)| href.to_owned())
        })
        .unwrap()
        .replace("&amp;", "&");
    let (_, second) = app.page(&next).await;
    assert!(second.contains(r#"href="/ideen" rel="first""#));

    let (_, none) = app
        .page("/ideen?suche=Wolkenkratzer&kategorie=mobilitaet")
        .await;
    assert!(none.contains("Keine Ideen gefunden."));
    assert!(none.contains("setzen Sie die Filter zurück"));
    assert!(none.contains(r#"<a href="/ideen" class="filter-reset">Filter zurücksetzen</a>"#));
    let empty = none
        .split(r#"<div class="empty-state">"#)
        .nth(1)
        .expect("the empty state");
    assert!(empty.contains(r#"<a href="/ideen/neu" class="button">Idee einreichen</a>"#));
}

#[tokio::test]
async fn the_list_says_how_many_ideas_match_and_stops_counting_past_a_thousand() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    for n in 0..24 {
        stored_idea(&app, user.id, &format!("Idee {n}"), "Text", "mobilitaet").await;
    }
    stored_idea(&app, user.id, "Schulweg", "Radweg zur Schule", "bildung").await;
    let count = |html: &str| {
        html.split(r#"<p class="result-count">"#)
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .map(str::to_owned)
    };
    let (_, first) = app.page("/ideen").await;
    assert_eq!(count(&first).as_deref(), Some("25 Ideen"));
    // A later page counts what the filters match, not what is left.
    let next = list(&app, &[]).await["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, second) = app.page(&format!("/ideen?nach={next}")).await;
    assert_eq!(count(&second).as_deref(), Some("25 Ideen"));
    let (_, one) = app.page("/ideen?kategorie=bildung").await;
    assert_eq!(count(&one).as_deref(), Some("1 Idee"));
    let (_, searched) = app.page("/ideen?suche=Radwege&kategorie=bildung").await;
    assert_eq!(count(&searched).as_deref(), Some("1 Idee"));
    let (_, none) = app.page("/ideen?suche=Wolkenkratzer").await;
    assert_eq!(count(&none), None, "the empty state says it in words");
    assert_eq!(
        list(&app, &[("kategorie", "mobilitaet")]).await["total"],
        serde_json::json!({ "Exactly": 24 })
    );
    let english = app
        .client
        .get(format!("{}/ideen", app.address))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(count(&english).as_deref(), Some("25 ideas"));

    let mut tx = app.db.begin().await.unwrap();
    let category_id = find_category_id(&mut tx, "verwaltung")
        .await
        .unwrap()
        .unwrap();
    for n in 0..1000 {
        let title = format!("Baum {n}");
        let new = NewIdea {
            author_id: user.id,
            project_id: None,
            category_id,
            title: &title,
            body_md: "Text",
            body_html: "<p>Text</p>",
            location: None,
        };
        insert_idea(&mut tx, &new, chrono::Utc::now())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let (_, many) = app.page("/ideen").await;
    assert_eq!(count(&many).as_deref(), Some("Mehr als 1.000 Ideen"));
    let (_, exactly) = app.page("/ideen?kategorie=verwaltung").await;
    assert_eq!(count(&exactly).as_deref(), Some("1.000 Ideen"));
}

#[tokio::test]
async fn filters_and_sort_orders_combine() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let bus = stored_idea(&app, user.id, "Bus", "Text", "mobilitaet").await;
    let school = stored_idea(&app, user.id, "Schule", "Text", "bildung").await;
    let popular = stored_idea(&app, user.id, "Beliebt", "Text", "mobilitaet").await;
    app.execute(&format!(
        "UPDATE ideas SET vote_count = 7 WHERE id = {popular}"
    ))
    .await;
    app.execute(&format!(
        "UPDATE ideas SET status = 'accepted' WHERE id = {school}"
    ))
    .await;
    assert_eq!(
        ids(list(&app, &[("kategorie", "bildung")]).await),
        vec![school]
    );
    assert_eq!(
        ids(list(&app, &[("status", "accepted")]).await),
        vec![school]
    );
    assert_eq!(
        ids(list(
            &app,
            &[("kategorie", "mobilitaet"), ("sortierung", "unterstuetzt")]
        )
        .await),
        vec![popular, bus]
    );
    assert_eq!(
        ids(list(&app, &[("status", "unbekannt")]).await).len(),
        3,
        "unknown values mean no filter"
    );
    let (status, html) = app
        .page("/ideen?kategorie=bildung&sortierung=diskutiert")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Schule") && !html.contains(">Bus<"));
}

#[tokio::test]
async fn unknown_ideas_are_404() {
    let app = spawn_app().await;
    assert_eq!(app.page("/ideen/999999").await.0, 404);
    assert_eq!(app.page("/ideen/keine-zahl").await.0, 404);
    let (status, html) = app.page("/ideen/neu").await;
    assert_eq!(status, 200);
    assert!(html.contains("Melden Sie sich an oder registrieren Sie sich"));
}

#[tokio::test]
async fn the_idea_form_chooses_no_themenfeld_for_the_person() {
    let app = spawn_app().await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    let (_, html) = app
        .page_as(&client, "/ideen/neu?projekt=big-bird-westfalen")
        .await;
    let select = html
        .split(r#"<select id="category""#)
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .expect("the Themenfeld select");
    let options: Vec<&str> = select.split("<option").skip(1).collect();
    assert!(options[0].contains(r#"value="""#) && options[0].contains("Bitte wählen"));
    assert!(options[0].contains("selected"), "{select}");
    assert!(
        options[1..].iter().all(|o| !o.contains("selected")),
        "{select}"
    );
    // The project a "Neue Idee" link named is chosen, though.
    assert!(
        html.contains(r#"<option value="big-bird-westfalen" selected"#),
        "{html}"
    );
}

#[tokio::test]
async fn the_way_to_a_first_idea_keeps_its_project_through_registration_and_verification() {
    use crate::accounts::{registration, ten_seconds_ago};
    let app = spawn_app().await;
    let back = "/ideen/neu%3Fprojekt%3Dbig-bird-westfalen";
    let (_, html) = app.page("/ideen/neu?projekt=big-bird-westfalen").await;
    assert!(
        html.contains(&format!(r#"href="/anmelden?weiter={back}""#)),
        "{html}"
    );
    assert!(html.contains(&format!(r#"href="/registrieren?weiter={back}""#)));
    // The login page's way to registration keeps it too, and the registration form posts it.
    let (_, html) = app.page(&format!("/anmelden?weiter={back}")).await;
    assert!(html.contains(&format!(r#"href="/registrieren?weiter={back}""#)));
    let (_, html) = app.page(&format!("/registrieren?weiter={back}")).await;
    assert!(html.contains(r#"name="weiter" value="/ideen/neu?projekt=big-bird-westfalen""#));

    let started = ten_seconds_ago();
    let mut form = registration("erste-idee@example.org", &started);
    form.push(("weiter", "/ideen/neu?projekt=big-bird-westfalen"));
    assert_eq!(
        app.post("accounts/register", &form).await.status().as_u16(),
        200
    );
    let mail = app
        .mail
        .wait_for("erste-idee@example.org", 1)
        .await
        .remove(0);
    let link = mail.link_starting_with(crate::helpers::BASE_URL);
    assert!(link.ends_with(&format!("&weiter={back}")), "{link}");
    let path = link.strip_prefix(crate::helpers::BASE_URL).unwrap();
    let (_, html) = app.page(path).await;
    assert!(html.contains(r#"name="weiter" value="/ideen/neu?projekt=big-bird-westfalen""#));
    let token = path
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let response = app
        .post(
            "accounts/verify",
            &[
                ("token", token),
                ("weiter", "/ideen/neu?projekt=big-bird-westfalen"),
            ],
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        "/ideen/neu?projekt=big-bird-westfalen"
    );
    // The browser that registered is signed in now: the form itself, its project chosen.
    let (_, html) = app.page("/ideen/neu?projekt=big-bird-westfalen").await;
    assert!(html.contains(r#"name="title""#), "{html}");
    assert!(html.contains(r#"<option value="big-bird-westfalen" selected"#));

    // Somewhere else is never a target: the link leaves it out, the confirmation ignores it.
    let mut form = registration("anderswo@example.org", &started);
    form.push(("weiter", "https://evil.example/"));
    app.post("accounts/register", &form).await;
    let mail = app.mail.wait_for("anderswo@example.org", 1).await.remove(0);
    let link = mail.link_starting_with(crate::helpers::BASE_URL);
    assert!(!link.contains("weiter"), "{link}");
    let token = link.split("token=").nth(1).unwrap();
    let response = app
        .post(
            "accounts/verify",
            &[("token", token), ("weiter", "//evil.example")],
        )
        .await;
    assert_eq!(
        response.headers()["location"],
        "/konto/bestaetigen?erledigt=1"
    );
}

#[tokio::test]
async fn a_link_opened_elsewhere_confirms_without_signing_in_and_a_fresh_link_keeps_the_way_back() {
    use crate::accounts::{registration, ten_seconds_ago};
    use crate::helpers::{browser_client, post_as};
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let form = registration("zwei-geraete@example.org", &started);
    assert_eq!(
        app.post("accounts/register", &form).await.status().as_u16(),
        200
    );
    let first = app
        .mail
        .wait_for("zwei-geraete@example.org", 1)
        .await
        .remove(0);

    // Signed in on the computer, the address still unconfirmed: the idea form offers a fresh
    // link, which leads back to it.
    let computer = browser_client();
    post_as(
        &computer,
        &app.address,
        "accounts/login",
        &[
            ("email", "zwei-geraete@example.org"),
            ("password", "mein sicheres passwort"),
        ],
    )
    .await;
    let (_, html) = app
        .page_as(&computer, "/ideen/neu?projekt=big-bird-westfalen")
        .await;
    assert!(html.contains("noch nicht bestätigt"), "{html}");
    assert!(html.contains(r#"name="weiter" value="/ideen/neu?projekt=big-bird-westfalen""#));
    post_as(
        &computer,
        &app.address,
        "accounts/resend-verification",
        &[("weiter", "/ideen/neu?projekt=big-bird-westfalen")],
    )
    .await;
    let fresh = app
        .mail
        .wait_for("zwei-geraete@example.org", 2)
        .await
        .remove(1);
    let link = fresh.link_starting_with(crate::helpers::BASE_URL);
    assert!(
        link.ends_with("&weiter=/ideen/neu%3Fprojekt%3Dbig-bird-westfalen"),
        "{link}"
    );
    assert_ne!(link, first.link_starting_with(crate::helpers::BASE_URL));

    // Opened on the phone: the address is confirmed, but the phone is not signed in.
    let token = link
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let phone = browser_client();
    let response = post_as(
        &phone,
        &app.address,
        "accounts/verify",
        &[
            ("token", token),
            ("weiter", "/ideen/neu?projekt=big-bird-westfalen"),
        ],
    )
    .await;
    assert_eq!(
        response.headers()["location"],
        "/ideen/neu?projekt=big-bird-westfalen"
    );
    let (_, html) = app
        .page_as(&phone, "/ideen/neu?projekt=big-bird-westfalen")
        .await;
    assert!(html.contains("Melden Sie sich an oder registrieren Sie sich"));
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM users \
             WHERE email = 'zwei-geraete@example.org' AND email_verified_at IS NOT NULL"
        )
        .await,
        1
    );
    // The computer, signed in all along, may now submit.
    let (_, html) = app
        .page_as(&computer, "/ideen/neu?projekt=big-bird-westfalen")
        .await;
    assert!(html.contains(r#"name="title""#));
}

/// An idea of a fresh verified citizen, submitted through the API; returns (author, id).
async fn submitted_idea(app: &TestApp) -> (crate::helpers::TestUser, i64) {
    let (author, client) = app.signed_in(Role::Citizen).await;
    let response = crate::helpers::post_as(
        &client,
        &app.address,
        "ideas/create",
        &idea_form("Radweg beleuchten", "Bitte **Licht**."),
    )
    .await;
    let id = response.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/ideen/")
        .parse()
        .unwrap();
    (author, id)
}

#[tokio::test]
async fn staff_answer_officially_the_history_grows_and_the_author_gets_mail() {
    let app = spawn_app().await;
    let (author, id) = submitted_idea(&app).await;
    let moderator = app.create_user(Role::Moderator, true).await;
    app.log_in(&moderator).await;
    let id_text = id.to_string();
    let review = app
        .post(
            "ideas/change-status",
            &[
                ("id", &id_text),
                ("status", "under_review"),
                ("answer", "Wir prüfen das."),
            ],
        )
        .await;
    assert_eq!(
        review.status().as_u16(),
        200,
        "{}",
        review.text().await.unwrap()
    );
    let accept = app
        .post(
            "ideas/change-status",
            &[
                ("id", &id_text),
                ("status", "accepted"),
                ("answer", "Wird **2027** umgesetzt."),
            ],
        )
        .await;
    assert_eq!(accept.status().as_u16(), 200);

    let (_, html) = app.page(&format!("/ideen/{id}")).await;
    assert!(html.contains("Offizielle Antwort"));
    assert!(html.contains("Wird <strong>2027</strong> umgesetzt."));
    assert!(html.contains("Angenommen"));
    assert!(
        html.contains("Eingereicht → <strong>In Prüfung</strong>"),
        "history is shown"
    );
    assert!(html.contains("In Prüfung → <strong>Angenommen</strong>"));
    // The answer too is shown as rendered when given (and rendered when read for older rows).
    app.execute(&format!(
        "UPDATE ideas SET official_answer_md = 'Nur **neu**' WHERE id = {id}"
    ))
    .await;
    let (_, html) = app.page(&format!("/ideen/{id}")).await;
    assert!(html.contains("Wird <strong>2027</strong> umgesetzt."));
    app.execute(&format!(
        "UPDATE ideas SET official_answer_html = NULL WHERE id = {id}"
    ))
    .await;
    let (_, html) = app.page(&format!("/ideen/{id}")).await;
    assert!(html.contains("Nur <strong>neu</strong>"));

    let mails = app.mail.wait_for(&author.email, 2).await;
    assert!(
        mails
            .iter()
            .any(|m| m.subject == "Ihre Idee „Radweg beleuchten“: Angenommen"),
        "{mails:?}"
    );
    assert!(mails[0].text.contains(&format!("/ideen/{id}")));
}

#[tokio::test]
async fn only_staff_set_statuses_and_bad_answers_are_refused() {
    let app = spawn_app().await;
    let (_author, id) = submitted_idea(&app).await;
    let id_text = id.to_string();
    let form = [
        ("id", id_text.as_str()),
        ("status", "accepted"),
        ("answer", "Ja."),
    ];
    assert_eq!(
        app.post("ideas/change-status", &form)
            .await
            .status()
            .as_u16(),
        401,
        "anonymous"
    );
    for (role, verified, expected) in [
        (Role::Citizen, false, 403),
        (Role::Citizen, true, 403),
        (Role::Business, true, 403),
        (Role::Moderator, true, 200),
        (Role::Admin, true, 200),
    ] {
        let user = app.create_user(role, verified).await;
        let client = app.client_for(&user).await;
        let response =
            crate::helpers::post_as(&client, &app.address, "ideas/change-status", &form).await;
        assert_eq!(
            response.status().as_u16(),
            expected,
            "{role:?} verified={verified}"
        );
    }
    let admin = app.create_user(Role::Admin, true).await;
    app.log_in(&admin).await;
    for (status, answer, field) in [
        ("withdrawn", "x", "status"),
        ("kaputt", "x", "status"),
        ("accepted", "", "answer"),
    ] {
        let response = app
            .post(
                "ideas/change-status",
                &[("id", &id_text), ("status", status), ("answer", answer)],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422, "{status}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(body["Validation"]["errors"].get(field).is_some(), "{body}");
    }
    let missing = app
        .post(
            "ideas/change-status",
            &[("id", "999999"), ("status", "accepted"), ("answer", "x")],
        )
        .await;
    assert_eq!(missing.status().as_u16(), 404);
}

#[tokio::test]
async fn authors_edit_until_someone_reacts_and_may_withdraw() {
    let app = spawn_app().await;
    let (author, id) = submitted_idea(&app).await;
    let id_text = id.to_string();
    let edit = |title: &'static str| {
        vec![
            ("id", id_text.clone()),
            ("title", title.to_owned()),
            ("body", "Neuer **Text**".to_owned()),
            ("category", "mobilitaet".to_owned()),
        ]
    };
    let stranger = app.create_user(Role::Citizen, true).await;
    app.log_in(&stranger).await;
    let form: Vec<(&str, String)> = edit("Fremd");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.post("ideas/update", &form).await.status().as_u16(),
        403,
        "not the author"
    );
    assert_eq!(
        app.post("ideas/withdraw", &[("id", &id_text)])
            .await
            .status()
            .as_u16(),
        403
    );

    app.log_in(&author).await;
    let form: Vec<(&str, String)> = edit("Radweg am Ring beleuchten");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.post("ideas/update", &form).await.status().as_u16(), 200);
    let (_, html) = app.page(&format!("/ideen/{id}")).await;
    assert!(html.contains("Radweg am Ring beleuchten") && html.contains("bearbeitet"));
    assert!(
        html.contains("Neuer <strong>Text</strong>"),
        "the new text, rendered"
    );
    let page = list(&app, &[("suche", "Ring")]).await;
    assert_eq!(
        page["items"].as_array().unwrap().len(),
        1,
        "the search index follows the edit"
    );

    // A support freezes the text.
    let (_, supporter) = app.signed_in(Role::Citizen).await;
    let support = crate::helpers::post_as(
        &supporter,
        &app.address,
        "votes/set",
        &[("idea_id", &id_text), ("support", "true")],
    )
    .await;
    assert_eq!(support.status().as_u16(), 200);
    let frozen = app.post("ideas/update", &form).await;
    assert_eq!(frozen.status().as_u16(), 422);
    let (_, html) = app.page(&format!("/ideen/{id}")).await;
    assert!(html.contains("kann sie nicht mehr bearbeitet werden"));

    assert_eq!(
        app.post("ideas/withdraw", &[("id", &id_text)])
            .await
            .status()
            .as_u16(),
        200
    );
    let (status, html) = app.page(&format!("/ideen/{id}")).await;
    assert_eq!(status, 200, "withdrawn ideas stay readable");
    assert!(html.contains("Zurückgezogen"));
    assert_eq!(
        app.post("ideas/withdraw", &[("id", &id_text)])
            .await
            .status()
            .as_u16(),
        422,
        "only once"
    );
}

/// Without JavaScript a refused form returns to its page with the errors and the typed text,
/// but nothing typed travels in the address (issue 14: history, access logs, header limits).
#[tokio::test]
async fn a_refused_idea_without_javascript_keeps_what_was_typed_out_of_the_address() {
    let app = spawn_app().await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    let body = format!(
        "Mein geheimer Vorschlag {}",
        "x".repeat(stadtlabor::domain::ideas::BODY_MAX_CHARS)
    );
    let form_page = "/ideen/neu?projekt=big-bird-westfalen";
    let response = client
        .post(format!("{}/api/ideas/create", app.address))
        .header("Origin", crate::helpers::BASE_URL)
        .header("Accept", "text/html")
        .header("Referer", format!("{}{form_page}", app.address))
        .form(&[
            ("title", "Titel mit Namen Erika Mustermann"),
            ("body", body.as_str()),
            ("category", "mobilitaet"),
            ("project", "big-bird-westfalen"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(
        response.headers()["location"],
        form_page,
        "the page, as it was"
    );
    for (name, value) in response.headers() {
        let value = String::from_utf8_lossy(value.as_bytes());
        assert!(
            !value.contains("Erika") && !value.contains("geheimer") && value.len() < 1_000,
            "{name}: {value}"
        );
    }

    let (status, html) = app.page_as(&client, form_page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Bitte geben Sie höchstens 10000 Zeichen ein."));
    assert!(html.contains("Mein geheimer Vorschlag"), "the text is kept");
    assert!(html.contains("Titel mit Namen Erika Mustermann"));
    assert!(html.contains("<title>Fehler: "));
    // Once: a reload shows the form as it is.
    let (_, again) = app.page_as(&client, form_page).await;
    assert!(!again.contains("Mein geheimer Vorschlag"));
    assert!(!again.contains("Bitte geben Sie höchstens 10000 Zeichen ein."));
}

/// On phones the list's choices fold behind a toggle that needs no JavaScript: a checkbox
/// without a name (the filter form never sends it) that is ticked while a filter is active.
#[tokio::test]
async fn the_filter_choices_fold_behind_a_toggle_that_the_form_never_sends() {
    let app = spawn_app().await;
    let toggle = |html: &str| {
        let at = html.find(r#"id="filter-toggle""#).expect("the toggle");
        let start = html[..at].rfind("<input").unwrap();
        html[start..start + html[start..].find('>').unwrap()].to_owned()
    };
    let (_, plain) = app.page("/ideen").await;
    let input = toggle(&plain);
    assert!(
        input.contains(r#"type="checkbox""#) && !input.contains("name="),
        "{input}"
    );
    assert!(
        !input.contains("checked"),
        "folded without a filter: {input}"
    );
    assert!(plain.contains(
        r#"<label for="filter-toggle" class="filter-toggle-label">Filter und Sortierung</label>"#
    ));
    let choices = &plain[plain.find(r#"id="filter-choices""#).unwrap()..];
    assert!(
        choices.find(r#"name="kategorie""#).is_some()
            && choices.find(r#"name="sortierung""#).is_some()
    );
    let (_, filtered) = app.page("/ideen?kategorie=mobilitaet").await;
    assert!(
        toggle(&filtered).contains("checked"),
        "open while a filter is active"
    );
}
