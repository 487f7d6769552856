//! Workshops: staff publish them, people register, the waitlist promotes on every freed
//! place (also under concurrent requests), mails carry calendar files, the signed link gives
//! a place up without a login, and who may do which of it.

use crate::helpers::{browser_client, post_as, spawn_app, with_pool, TestApp};
use crate::participation::validation_error;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use stadtlabor::domain::accounts::Role;
use stadtlabor::domain::time::berlin_date;

/// The Berlin day `days` after the app's now, as a date input sends it.
fn day_in(app: &TestApp, days: i64) -> String {
    berlin_date(app.clock.now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A complete workshop form for `slug` (in person, 16:00–18:00 in ten days, `capacity`).
fn workshop_form(app: &TestApp, slug: &str, capacity: &str) -> Vec<(String, String)> {
    [
        ("title", "3-D-Stadtmodell für das Dachdeckerhandwerk"),
        ("slug", slug),
        ("project", "3d-stadtmodell"),
        (
            "description",
            "Dachflächen **vermessen** mit dem Stadtmodell.",
        ),
        ("format", "in_person"),
        ("location", "Kreishaus Soest, Raum 2"),
        ("start_date", &day_in(app, 10)),
        ("start_time", "16:00"),
        ("end_time", "18:00"),
        ("capacity", capacity),
        ("places_per_registration", "1"),
        ("audience", "everyone"),
        ("waitlist", "on"),
        ("published", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn with(form: &[(String, String)], key: &str, value: &str) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = form.iter().filter(|(k, _)| k != key).cloned().collect();
    form.push((key.to_owned(), value.to_owned()));
    form
}

fn refs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// A staff member's client.
async fn staff(app: &TestApp) -> reqwest::Client {
    app.signed_in(Role::Moderator).await.1
}

async fn publish(app: &TestApp, staff: &reqwest::Client, form: &[(String, String)]) {
    let response = post_as(staff, &app.address, "workshops/save", &refs(form)).await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
}

async fn register(app: &TestApp, client: &reqwest::Client, slug: &str) -> reqwest::Response {
    post_as(
        client,
        &app.address,
        "workshops/register",
        &[("slug", slug), ("consent", "on")],
    )
    .await
}

async fn registered(app: &TestApp, client: &reqwest::Client, slug: &str) -> String {
    let response = register(app, client, slug).await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
    response.json().await.unwrap()
}

async fn status_of(app: &TestApp, user_id: i64, slug: &str) -> String {
    app.scalar_text(&format!(
        "SELECT r.status FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id \
          WHERE r.user_id = {user_id} AND w.slug = '{slug}'"
    ))
    .await
}

async fn starts_at(app: &TestApp, slug: &str) -> DateTime<Utc> {
    with_pool!(&app.db, pool => {
        sqlx::query_scalar::<_, DateTime<Utc>>("SELECT starts_at FROM workshops WHERE slug = $1")
            .bind(slug)
            .fetch_one(pool)
            .await
    })
    .expect("the workshop")
}

async fn places_taken(app: &TestApp, slug: &str) -> i64 {
    app.scalar(&format!(
        "SELECT places_taken FROM workshops WHERE slug = '{slug}'"
    ))
    .await
}

/// The newest mail to `email` of `kind`: (body text, calendar method).
async fn last_mail(
    app: &TestApp,
    email: &str,
    kind: &str,
) -> (String, Option<String>, Option<String>) {
    let sql = "SELECT body_text, calendar_method, calendar_ics FROM outbox \
               WHERE recipient_email = $1 AND kind = $2 ORDER BY id DESC LIMIT 1";
    with_pool!(&app.db, pool => {
        sqlx::query_as::<_, (String, Option<String>, Option<String>)>(sql)
            .bind(email)
            .bind(kind)
            .fetch_one(pool)
            .await
    })
    .unwrap_or_else(|e| panic!("no {kind} mail to {email}: {e}"))
}

#[tokio::test]
async fn staff_publish_a_workshop_that_everyone_sees_in_berlin_time_with_its_free_places() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "dach-workshop", "12")).await;

    let visitor = browser_client();
    let (status, html) = app.page_as(&visitor, "/workshops/dach-workshop").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1>3-D-Stadtmodell für das Dachdeckerhandwerk</h1>"));
    assert!(html.contains("16:00–18:00 Uhr"), "Berlin wall-clock time");
    assert!(html.contains("noch 12 Plätze"));
    assert!(
        html.contains("<strong>vermessen</strong>"),
        "markdown rendered"
    );
    assert!(html.contains("Kreishaus Soest, Raum 2"));
    let (_, list) = app.page_as(&visitor, "/workshops").await;
    assert!(list.contains("/workshops/dach-workshop"));
    assert!(
        list.contains("Big-Bird-App im Test"),
        "the demo workshops are listed"
    );
    let (_, project) = app.page_as(&visitor, "/projekte/3d-stadtmodell").await;
    assert!(
        project.contains("/workshops/dach-workshop"),
        "the project lists it"
    );

    // A draft is for staff only.
    let draft = with(
        &workshop_form(&app, "entwurf-workshop", "5"),
        "published",
        "",
    );
    let draft: Vec<_> = draft
        .into_iter()
        .filter(|(k, _)| k != "published")
        .collect();
    publish(&app, &staff, &draft).await;
    let (status, _) = app.page_as(&visitor, "/workshops/entwurf-workshop").await;
    assert_eq!(status, 404);
    let (_, list) = app.page_as(&visitor, "/workshops").await;
    assert!(!list.contains("entwurf-workshop"));
    let response = register(
        &app,
        &app.signed_in(Role::Citizen).await.1,
        "entwurf-workshop",
    )
    .await;
    assert_eq!(
        response.status().as_u16(),
        404,
        "nobody registers for a draft"
    );
}

#[tokio::test]
async fn places_fill_then_the_waitlist_and_every_freed_place_promotes_the_next_person() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "klein", "2")).await;
    let (anna, anna_client) = app.signed_in(Role::Business).await;
    let (_, ben_client) = app.signed_in(Role::Citizen).await;
    let (cem, cem_client) = app.signed_in(Role::Citizen).await;
    let (dora, dora_client) = app.signed_in(Role::Citizen).await;

    assert_eq!(registered(&app, &anna_client, "klein").await, "Registered");
    assert_eq!(registered(&app, &ben_client, "klein").await, "Registered");
    assert_eq!(registered(&app, &cem_client, "klein").await, "Waitlisted");
    assert_eq!(registered(&app, &dora_client, "klein").await, "Waitlisted");
    assert_eq!(places_taken(&app, "klein").await, 2);

    let (text, method, ics) = last_mail(&app, &anna.email, "workshop_registered").await;
    assert!(text.contains("/workshops/abmelden?t="), "the cancel link");
    assert_eq!(method.as_deref(), Some("REQUEST"));
    assert!(ics.unwrap().contains("BEGIN:VEVENT"));
    let (text, method, _) = last_mail(&app, &cem.email, "workshop_waitlisted").await;
    assert!(text.contains("Platz 1 der Warteliste"), "{text}");
    assert_eq!(method, None, "no calendar entry without a place");
    let (_, page) = app.page_as(&dora_client, "/workshops/klein").await;
    assert!(page.contains("Sie stehen auf Platz 2 der Warteliste."));
    assert!(page.contains("ausgebucht – Warteliste"));
    let (_, account) = app.page_as(&dora_client, "/konto").await;
    assert!(
        account.contains("Sie stehen auf Platz 2 der Warteliste."),
        "on /konto too"
    );

    // Anna gives her place up: Cem, first on the waitlist, gets it at once.
    let response = post_as(
        &anna_client,
        &app.address,
        "workshops/cancel-registration",
        &[("slug", "klein")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(status_of(&app, anna.id, "klein").await, "cancelled");
    assert_eq!(status_of(&app, cem.id, "klein").await, "registered");
    assert_eq!(status_of(&app, dora.id, "klein").await, "waitlisted");
    assert_eq!(places_taken(&app, "klein").await, 2);
    let (_, method, _) = last_mail(&app, &anna.email, "workshop_registration_cancelled").await;
    assert_eq!(
        method.as_deref(),
        Some("CANCEL"),
        "her calendar entry is removed"
    );
    let (text, method, _) = last_mail(&app, &cem.email, "workshop_promoted").await;
    assert!(text.contains("Platz frei geworden"));
    assert_eq!(method.as_deref(), Some("REQUEST"));
    let (_, page) = app.page_as(&dora_client, "/workshops/klein").await;
    assert!(page.contains("Sie stehen auf Platz 1 der Warteliste."));

    // Staff raise the capacity: Dora moves up in the same transaction.
    let more = with(&workshop_form(&app, "klein", "3"), "current_slug", "klein");
    publish(&app, &staff, &more).await;
    assert_eq!(status_of(&app, dora.id, "klein").await, "registered");
    assert_eq!(places_taken(&app, "klein").await, 3);

    // Fewer places than taken is refused; nothing changes.
    let fewer = with(&workshop_form(&app, "klein", "2"), "current_slug", "klein");
    let response = post_as(&staff, &app.address, "workshops/save", &refs(&fewer)).await;
    assert_eq!(
        validation_error(response, "capacity").await,
        serde_json::json!({"CapacityBelowTaken": {"taken": 3}})
    );
}

#[tokio::test]
async fn a_registration_that_needs_more_places_than_are_free_does_not_block_those_behind_it() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let form = with(
        &workshop_form(&app, "gruppen", "3"),
        "places_per_registration",
        "3",
    );
    publish(&app, &staff, &form).await;
    let (_, first) = app.signed_in(Role::Business).await;
    let places = |n: &'static str| [("slug", "gruppen"), ("places", n), ("consent", "on")];
    let response = post_as(&first, &app.address, "workshops/register", &places("2")).await;
    assert_eq!(response.json::<String>().await.unwrap(), "Registered");
    let (group, group_client) = app.signed_in(Role::Business).await;
    let response = post_as(
        &group_client,
        &app.address,
        "workshops/register",
        &places("3"),
    )
    .await;
    assert_eq!(
        response.json::<String>().await.unwrap(),
        "Waitlisted",
        "3 of 1 free"
    );
    let (single, single_client) = app.signed_in(Role::Citizen).await;
    let response = post_as(
        &single_client,
        &app.address,
        "workshops/register",
        &places("1"),
    )
    .await;
    assert_eq!(
        response.json::<String>().await.unwrap(),
        "Registered",
        "1 of 1 free"
    );
    // More than a registration may take is a field error.
    let (_, greedy) = app.signed_in(Role::Business).await;
    let response = post_as(&greedy, &app.address, "workshops/register", &places("4")).await;
    assert_eq!(
        validation_error(response, "places").await,
        serde_json::json!({"NumberOutOfRange": {"min": 1, "max": 3}})
    );
    // The single person leaves: 1 free, the group of 3 still waits (first fit).
    post_as(
        &single_client,
        &app.address,
        "workshops/cancel-registration",
        &[("slug", "gruppen")],
    )
    .await;
    assert_eq!(status_of(&app, group.id, "gruppen").await, "waitlisted");
    assert_eq!(status_of(&app, single.id, "gruppen").await, "cancelled");
    assert_eq!(places_taken(&app, "gruppen").await, 2);
}

#[tokio::test]
async fn the_link_in_a_workshop_mail_gives_the_place_up_without_a_login_and_cannot_be_tampered_with(
) {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "link-test", "1")).await;
    let (anna, anna_client) = app.signed_in(Role::Citizen).await;
    let (ben, ben_client) = app.signed_in(Role::Citizen).await;
    registered(&app, &anna_client, "link-test").await;
    registered(&app, &ben_client, "link-test").await;
    let (text, _, _) = last_mail(&app, &anna.email, "workshop_registered").await;
    let token = text
        .split("/workshops/abmelden?t=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a link with a token")
        .to_owned();

    let stranger = browser_client();
    let (status, page) = app
        .page_as(&stranger, &format!("/workshops/abmelden?t={token}"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Platz freigeben"), "the GET only asks");
    assert_eq!(status_of(&app, anna.id, "link-test").await, "registered");

    let tampered = token.replacen('.', ".9", 1);
    let response = post_as(
        &stranger,
        &app.address,
        "workshops/cancel-by-link",
        &[("token", &tampered)],
    )
    .await;
    assert_eq!(validation_error(response, "token").await, "InvalidLink");
    assert_eq!(status_of(&app, anna.id, "link-test").await, "registered");

    let response = post_as(
        &stranger,
        &app.address,
        "workshops/cancel-by-link",
        &[("token", &token)],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(status_of(&app, anna.id, "link-test").await, "cancelled");
    assert_eq!(
        status_of(&app, ben.id, "link-test").await,
        "registered",
        "promoted"
    );
    // A second click says so and changes nothing.
    let response = post_as(
        &stranger,
        &app.address,
        "workshops/cancel-by-link",
        &[("token", &token)],
    )
    .await;
    assert_eq!(validation_error(response, "form").await, "NotRegistered");
    assert_eq!(places_taken(&app, "link-test").await, 1);
}

#[tokio::test]
async fn every_workshop_function_checks_the_role_itself() {
    let app = spawn_app().await;
    let form = workshop_form(&app, "rollen", "5");
    let anonymous = browser_client();
    let unverified = app.create_user(Role::Citizen, false).await;
    let unverified = app.client_for(&unverified).await;
    let (_, citizen) = app.signed_in(Role::Citizen).await;
    let (business_user, business) = app.signed_in(Role::Business).await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let (_, admin) = app.signed_in(Role::Admin).await;
    let (blocked_user, blocked) = app.signed_in(Role::Citizen).await;
    app.execute(&format!(
        "UPDATE users SET blocked_at = '2020-01-01T00:00:00Z' WHERE id = {}",
        blocked_user.id
    ))
    .await;
    let cases: [(&str, &reqwest::Client, u16, u16, u16); 7] = [
        // (who, client, save, register, attendees)
        ("anonymous", &anonymous, 401, 401, 401),
        ("unverified", &unverified, 403, 403, 403),
        ("citizen", &citizen, 403, 200, 403),
        ("business", &business, 403, 200, 403),
        ("blocked", &blocked, 401, 401, 401),
        ("moderator", &moderator, 200, 200, 200),
        ("admin", &admin, 200, 200, 200),
    ];
    for (i, (who, client, save, register_status, attendees)) in cases.into_iter().enumerate() {
        let slug = format!("rollen-{i}");
        let own = with(&form, "slug", &slug);
        let response = post_as(client, &app.address, "workshops/save", &refs(&own)).await;
        assert_eq!(response.status().as_u16(), save, "{who} saves");
        let response = register(&app, client, "big-bird-app-test").await;
        assert_eq!(
            response.status().as_u16(),
            register_status,
            "{who} registers"
        );
        let response = post_as(
            client,
            &app.address,
            "workshops/attendees",
            &[("slug", "big-bird-app-test")],
        )
        .await;
        assert_eq!(
            response.status().as_u16(),
            attendees,
            "{who} sees attendees"
        );
        let response = client
            .get(format!(
                "{}/workshops/big-bird-app-test/teilnehmende.csv",
                app.address
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status().as_u16(),
            attendees,
            "{who} downloads the CSV"
        );
        // Staff get past the role check and find no such registration here.
        let response = post_as(
            client,
            &app.address,
            "workshops/remove-registration",
            &[("slug", "big-bird-app-test"), ("registration", "999999")],
        )
        .await;
        let expected = if attendees == 200 { 404 } else { attendees };
        assert_eq!(
            response.status().as_u16(),
            expected,
            "{who} removes a registration"
        );
        let response = post_as(
            client,
            &app.address,
            "workshops/cancel-workshop",
            &[
                ("slug", "3d-stadtmodell-handwerk"),
                ("message", "Fällt aus."),
                ("confirm", "on"),
            ],
        )
        .await;
        let expected = if save == 200 && who == "moderator" {
            200
        } else if save == 200 {
            422
        } else {
            save
        };
        assert_eq!(
            response.status().as_u16(),
            expected,
            "{who} cancels a workshop"
        );
    }
    assert_eq!(
        app.scalar("SELECT count(*) FROM workshops WHERE slug LIKE 'rollen-%'")
            .await,
        2,
        "only staff created workshops"
    );
    // Attendee data is on no page for others.
    let (_, page) = app.page_as(&citizen, "/workshops/big-bird-app-test").await;
    assert!(
        !page.contains(&business_user.email),
        "no data of other participants"
    );
    assert!(!page.contains("Tischlerei Test"));
}

#[tokio::test]
async fn a_bad_workshop_form_gets_a_field_error_for_each_mistake_and_stores_nothing() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let good = workshop_form(&app, "gut", "10");
    let before = app.scalar("SELECT count(*) FROM workshops").await;
    let yesterday = day_in(&app, -1);
    let long_title = "x".repeat(151);
    let after_start = day_in(&app, 11);
    for (field, value, error_field, expected) in [
        ("title", "", "title", serde_json::json!("Required")),
        (
            "title",
            long_title.as_str(),
            "title",
            serde_json::json!({"TooLong": {"max": 150}}),
        ),
        (
            "slug",
            "Mit Leerzeichen",
            "slug",
            serde_json::json!("InvalidSlug"),
        ),
        ("slug", "abmelden", "slug", serde_json::json!("SlugTaken")),
        (
            "slug",
            "big-bird-app-test",
            "slug",
            serde_json::json!("SlugTaken"),
        ),
        (
            "project",
            "gibt-es-nicht",
            "project",
            serde_json::json!("Invalid"),
        ),
        (
            "format",
            "telepathie",
            "format",
            serde_json::json!("Invalid"),
        ),
        ("location", "", "location", serde_json::json!("Required")),
        (
            "start_date",
            "31.02.2027",
            "start_date",
            serde_json::json!("InvalidDate"),
        ),
        (
            "start_date",
            yesterday.as_str(),
            "start_date",
            serde_json::json!("StartInPast"),
        ),
        (
            "start_time",
            "25:00",
            "start_time",
            serde_json::json!("InvalidTime"),
        ),
        (
            "end_time",
            "15:00",
            "end_time",
            serde_json::json!("EndBeforeStart"),
        ),
        (
            "capacity",
            "0",
            "capacity",
            serde_json::json!({"NumberOutOfRange": {"min": 1, "max": 10000}}),
        ),
        (
            "capacity",
            "10001",
            "capacity",
            serde_json::json!({"NumberOutOfRange": {"min": 1, "max": 10000}}),
        ),
        (
            "capacity",
            "zwölf",
            "capacity",
            serde_json::json!({"NumberOutOfRange": {"min": 1, "max": 10000}}),
        ),
        (
            "places_per_registration",
            "11",
            "places_per_registration",
            serde_json::json!("PlacesAboveCapacity"),
        ),
        ("audience", "alle", "audience", serde_json::json!("Invalid")),
        (
            "closes_date",
            after_start.as_str(),
            "closes_date",
            serde_json::json!("DeadlineAfterStart"),
        ),
    ] {
        let mut form = with(&good, field, value);
        if field == "closes_date" {
            form = with(&form, "closes_time", "12:00");
        }
        let response = post_as(&staff, &app.address, "workshops/save", &refs(&form)).await;
        let body: serde_json::Value = {
            assert_eq!(response.status().as_u16(), 422, "{field}={value}");
            response.json().await.unwrap()
        };
        assert_eq!(
            body["Validation"]["errors"][error_field], expected,
            "{field}={value}"
        );
        assert_eq!(
            body["Validation"]["values"]["title"],
            form.iter().find(|(k, _)| k == "title").unwrap().1,
            "values kept"
        );
    }
    // Online needs a link, https only.
    let online = with(&good, "format", "online");
    for (url, expected) in [
        ("", "Required"),
        ("javascript:alert(1)", "InvalidUrl"),
        ("http://meet.example.org", "InvalidUrl"),
    ] {
        let response = post_as(
            &staff,
            &app.address,
            "workshops/save",
            &refs(&with(&online, "online_url", url)),
        )
        .await;
        assert_eq!(
            validation_error(response, "online_url").await,
            expected,
            "{url}"
        );
    }
    assert_eq!(
        app.scalar("SELECT count(*) FROM workshops").await,
        before,
        "nothing stored"
    );

    // Hostile markup is stored as typed and shown as text.
    let hostile = with(
        &good,
        "description",
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
    );
    publish(&app, &staff, &hostile).await;
    let (_, page) = app.page("/workshops/gut").await;
    assert!(!page.contains("<script>alert(1)"));
    assert!(!page.contains("<img src=x"));
}

#[tokio::test]
async fn registration_is_refused_with_a_clear_reason_and_nothing_is_stored() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let (citizen_user, citizen) = app.signed_in(Role::Citizen).await;
    // Businesses only.
    let response = register(&app, &citizen, "3d-stadtmodell-handwerk").await;
    assert_eq!(validation_error(response, "form").await, "BusinessesOnly");
    let (_, business) = app.signed_in(Role::Business).await;
    // The demo workshop asks a required question.
    let software = question_id(&app, "3d-stadtmodell-handwerk", 1).await;
    let answer = format!("answers[{software}]");
    let response = post_as(
        &business,
        &app.address,
        "workshops/register",
        &[
            ("slug", "3d-stadtmodell-handwerk"),
            ("consent", "on"),
            (&answer, "Revit"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let organisation = app
        .scalar_text("SELECT organisation FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id WHERE w.slug = '3d-stadtmodell-handwerk'")
        .await;
    assert_eq!(
        organisation, "Tischlerei Test",
        "in the name of the organisation"
    );
    // Twice (a second tab).
    let response = post_as(
        &business,
        &app.address,
        "workshops/register",
        &[
            ("slug", "3d-stadtmodell-handwerk"),
            ("consent", "on"),
            (&answer, "Revit"),
        ],
    )
    .await;
    assert_eq!(
        validation_error(response, "form").await,
        "AlreadyRegistered"
    );
    // Without consent.
    let response = post_as(
        &citizen,
        &app.address,
        "workshops/register",
        &[("slug", "big-bird-app-test")],
    )
    .await;
    assert_eq!(
        validation_error(response, "consent").await,
        "ConfirmationRequired"
    );
    // Full without a waitlist.
    let no_waitlist: Vec<_> = workshop_form(&app, "ohne-warteliste", "1")
        .into_iter()
        .filter(|(k, _)| k != "waitlist")
        .collect();
    publish(&app, &staff, &no_waitlist).await;
    registered(&app, &business, "ohne-warteliste").await;
    let response = register(&app, &citizen, "ohne-warteliste").await;
    assert_eq!(validation_error(response, "form").await, "WorkshopFull");
    // Registration closed.
    let closed = with(
        &with(
            &workshop_form(&app, "geschlossen", "5"),
            "closes_date",
            &day_in(&app, 2),
        ),
        "closes_time",
        "12:00",
    );
    publish(&app, &staff, &closed).await;
    app.clock.advance(Duration::days(3));
    let response = register(&app, &citizen, "geschlossen").await;
    assert_eq!(
        validation_error(response, "form").await,
        "RegistrationClosed"
    );
    // Cancelled.
    let response = post_as(
        &staff,
        &app.address,
        "workshops/cancel-workshop",
        &[
            ("slug", "big-bird-app-test"),
            ("message", "Der Bus ist kaputt."),
        ],
    )
    .await;
    assert_eq!(
        validation_error(response, "confirm").await,
        "ConfirmationRequired"
    );
    let response = post_as(
        &staff,
        &app.address,
        "workshops/cancel-workshop",
        &[
            ("slug", "big-bird-app-test"),
            ("message", "Der Bus ist kaputt."),
            ("confirm", "on"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let response = register(&app, &citizen, "big-bird-app-test").await;
    assert_eq!(
        validation_error(response, "form").await,
        "WorkshopCancelled"
    );
    // Someone else's registration cannot be given up by the signed-in function.
    let response = post_as(
        &citizen,
        &app.address,
        "workshops/cancel-registration",
        &[("slug", "3d-stadtmodell-handwerk")],
    )
    .await;
    assert_eq!(validation_error(response, "form").await, "NotRegistered");
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workshop_registrations WHERE user_id = {}",
            citizen_user.id
        ))
        .await,
        0,
        "nothing stored for the refused person"
    );
}

#[tokio::test]
async fn cancelling_a_workshop_tells_everyone_and_cancels_their_calendar_entries() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "absage", "1")).await;
    let (anna, anna_client) = app.signed_in(Role::Citizen).await;
    let (ben, ben_client) = app.signed_in(Role::Citizen).await;
    registered(&app, &anna_client, "absage").await;
    registered(&app, &ben_client, "absage").await;
    let (_, _, first) = last_mail(&app, &anna.email, "workshop_registered").await;
    let response = post_as(
        &staff,
        &app.address,
        "workshops/cancel-workshop",
        &[
            ("slug", "absage"),
            ("message", "Die Referentin ist krank."),
            ("confirm", "on"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let (text, method, ics) = last_mail(&app, &anna.email, "workshop_cancelled").await;
    assert!(text.contains("Die Referentin ist krank."));
    assert_eq!(method.as_deref(), Some("CANCEL"));
    let uid = |ics: &str| {
        ics.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_owned()
    };
    let seq = |ics: &str| {
        ics.lines()
            .find(|l| l.starts_with("SEQUENCE:"))
            .unwrap()
            .to_owned()
    };
    let (ics, first) = (ics.unwrap(), first.unwrap());
    assert_eq!(uid(&ics), uid(&first), "the same calendar entry");
    assert_eq!(seq(&first), "SEQUENCE:0");
    assert_eq!(seq(&ics), "SEQUENCE:1");
    assert!(ics.contains("STATUS:CANCELLED") && ics.contains("METHOD:CANCEL"));
    let (_, method, _) = last_mail(&app, &ben.email, "workshop_cancelled").await;
    assert_eq!(method, None, "the waitlisted person had no entry to cancel");
    let feed = app.get("/workshops.ics").await.text().await.unwrap();
    assert!(
        feed.contains("STATUS:CANCELLED"),
        "it stays in the feed, cancelled"
    );
    let (_, page) = app.page("/workshops/absage").await;
    assert!(page.contains("Dieser Workshop wurde abgesagt."));
}

/// The next last Sunday of March after `now`, as a Berlin date.
fn next_march_switch(now: DateTime<Utc>) -> NaiveDate {
    let today = berlin_date(now);
    let mut year = today.year();
    loop {
        let mut day = NaiveDate::from_ymd_opt(year, 3, 31).unwrap();
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().unwrap();
        }
        if day > today + chrono::Days::new(2) {
            return day;
        }
        year += 1;
    }
}

#[tokio::test]
async fn calendar_files_are_valid_rfc5545_in_berlin_time_across_the_switch_and_never_hold_the_online_link(
) {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let switch = next_march_switch(app.clock.now());
    for (slug, day) in [
        ("vor-der-umstellung", switch - chrono::Days::new(1)),
        ("nach-der-umstellung", switch + chrono::Days::new(1)),
    ] {
        let form = with(
            &with(
                &with(
                    &workshop_form(&app, slug, "5"),
                    "start_date",
                    &day.to_string(),
                ),
                "format",
                "hybrid",
            ),
            "online_url",
            "https://meet.example.org/geheim",
        );
        publish(&app, &staff, &form).await;
    }
    for (slug, offset) in [("vor-der-umstellung", 1), ("nach-der-umstellung", 2)] {
        let response = app.get(&format!("/workshops/{slug}/kalender.ics")).await;
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        let text = response.text().await.unwrap();
        assert!(
            !text.contains("geheim"),
            "no online link in public calendar files"
        );
        assert!(
            text.lines().all(|l| l.len() <= 75),
            "lines folded at 75 octets"
        );
        assert!(text.contains("\r\n"), "CRLF line ends");
        let calendar: icalendar::Calendar = text.parse().expect("parses back");
        let zone = calendar
            .components
            .iter()
            .find_map(|c| match c {
                icalendar::CalendarComponent::Other(o) => {
                    Some(icalendar::Component::property_value(o, "TZID"))
                }
                _ => None,
            })
            .flatten();
        assert_eq!(zone, Some("Europe/Berlin"), "the VTIMEZONE");
        let event = calendar.events().next().expect("one event");
        use icalendar::Component;
        assert_eq!(
            event.get_summary(),
            Some("3-D-Stadtmodell für das Dachdeckerhandwerk")
        );
        assert_eq!(event.get_sequence(), Some(0));
        assert!(event.get_uid().unwrap().starts_with("workshop-"));
        assert!(event
            .get_url()
            .unwrap()
            .ends_with(&format!("/workshops/{slug}")));
        match event.get_start() {
            Some(icalendar::DatePerhapsTime::DateTime(
                icalendar::CalendarDateTime::WithTimezone { date_time, tzid },
            )) => {
                assert_eq!(tzid, "Europe/Berlin");
                assert_eq!(
                    date_time.format("%H:%M").to_string(),
                    "16:00",
                    "wall-clock time"
                );
            }
            other => panic!("DTSTART with TZID expected, got {other:?}"),
        }
        // The stored instant is 16:00 minus Berlin's offset on that day.
        let stored = starts_at(&app, slug).await;
        assert_eq!(
            stored.format("%H").to_string(),
            format!("{:02}", 16 - offset),
            "{slug}"
        );
    }
    // The online link: not for visitors, not for registered people before 30 minutes ahead.
    let (person, citizen) = app.signed_in(Role::Citizen).await;
    registered(&app, &citizen, "nach-der-umstellung").await;
    let (_, page) = app
        .page_as(&citizen, "/workshops/nach-der-umstellung")
        .await;
    assert!(!page.contains("geheim"));
    let (_, visitor_page) = app
        .page_as(&browser_client(), "/workshops/nach-der-umstellung")
        .await;
    assert!(!visitor_page.contains("geheim"));
    let starts = starts_at(&app, "nach-der-umstellung").await;
    app.clock.set(starts - Duration::minutes(20));
    // Months later the old login has expired: the person signs in again.
    let citizen = app.client_for(&person).await;
    let (_, page) = app
        .page_as(&citizen, "/workshops/nach-der-umstellung")
        .await;
    assert!(
        page.contains("https://meet.example.org/geheim"),
        "shown shortly before the start"
    );
    let (_, visitor_page) = app
        .page_as(&browser_client(), "/workshops/nach-der-umstellung")
        .await;
    assert!(!visitor_page.contains("geheim"), "never to visitors");
}

#[tokio::test]
async fn staff_download_the_attendees_as_csv_safe_for_spreadsheets() {
    let app = spawn_app().await;
    let staff_client = staff(&app).await;
    let (business, client) = app.signed_in(Role::Business).await;
    let response = post_as(
        &client,
        &app.address,
        "workshops/register",
        &[
            ("slug", "big-bird-app-test"),
            ("consent", "on"),
            ("access_needs", "=HYPERLINK(\"http://x\")"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let csv = staff_client
        .get(format!(
            "{}/workshops/big-bird-app-test/teilnehmende.csv",
            app.address
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        csv.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheet programs"
    );
    assert!(csv.contains(&business.email));
    assert!(csv.contains("Tischlerei Test"));
    assert!(csv.contains("'=HYPERLINK"), "formulas neutralised: {csv}");
    let (_, page) = app
        .page_as(&staff_client, "/workshops/big-bird-app-test/teilnehmende")
        .await;
    assert!(page.contains(&business.email));
}

#[tokio::test]
async fn the_reminder_goes_once_per_registration_also_when_the_job_runs_again() {
    let app = spawn_app().await;
    let (person, client) = app.signed_in(Role::Citizen).await;
    registered(&app, &client, "big-bird-app-test").await;
    let state = app.state().await;
    let starts = starts_at(&app, "big-bird-app-test").await;
    let reminders = || app.queued_mails_to(&person.email);
    let before = reminders().await;
    let sent =
        stadtlabor::server::workshops::send_due_reminders(&state, starts - Duration::hours(25))
            .await
            .unwrap();
    assert_eq!(sent, 0, "not yet");
    let sent =
        stadtlabor::server::workshops::send_due_reminders(&state, starts - Duration::hours(23))
            .await
            .unwrap();
    assert!(sent >= 1);
    let again =
        stadtlabor::server::workshops::send_due_reminders(&state, starts - Duration::hours(22))
            .await
            .unwrap();
    assert_eq!(again, 0, "a second run (or another instance) sends nothing");
    assert_eq!(reminders().await, before + 1);
    let (text, _, _) = last_mail(&app, &person.email, "workshop_reminder").await;
    assert!(text.contains("Zur Erinnerung"));
}

#[tokio::test]
async fn concurrent_registrations_take_exactly_the_free_places_and_concurrent_cancellations_promote_exactly_as_many(
) {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "ansturm", "20")).await;
    let people = app.create_users_quickly(200, Role::Citizen).await;
    let mut clients = Vec::with_capacity(people.len());
    for person in &people {
        clients.push(app.client_for(person).await);
    }
    let answers =
        futures::future::join_all(clients.iter().map(|c| register(&app, c, "ansturm"))).await;
    assert!(
        answers.iter().all(|r| r.status().as_u16() == 200),
        "every request answered"
    );
    let db = &app;
    let count = move |status: &'static str| {
        let sql = format!(
            "SELECT count(*) FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id \
              WHERE w.slug = 'ansturm' AND r.status = '{status}'"
        );
        async move { db.scalar(&sql).await }
    };
    assert_eq!(count("registered").await, 20);
    assert_eq!(count("waitlisted").await, 180);
    assert_eq!(places_taken(&app, "ansturm").await, 20);

    // The 20 with a place all give it up at the same moment: exactly the first 20 waiting
    // move up, in queue order.
    let holders: Vec<usize> = {
        let mut holders = Vec::new();
        for (i, person) in people.iter().enumerate() {
            if status_of(&app, person.id, "ansturm").await == "registered" {
                holders.push(i);
            }
        }
        holders
    };
    let first_waiting: Vec<i64> = with_pool!(&app.db, pool => {
        sqlx::query_scalar::<_, i64>(
            "SELECT r.user_id FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id \
              WHERE w.slug = 'ansturm' AND r.status = 'waitlisted' ORDER BY r.queued_at, r.id LIMIT 20",
        )
        .fetch_all(pool)
        .await
    })
    .unwrap();
    let cancellations = futures::future::join_all(holders.iter().map(|&i| {
        post_as(
            &clients[i],
            &app.address,
            "workshops/cancel-registration",
            &[("slug", "ansturm")],
        )
    }))
    .await;
    assert!(cancellations.iter().all(|r| r.status().as_u16() == 200));
    assert_eq!(count("registered").await, 20);
    assert_eq!(count("waitlisted").await, 160);
    assert_eq!(count("cancelled").await, 20);
    assert_eq!(places_taken(&app, "ansturm").await, 20);
    for user_id in first_waiting {
        let promoted = app
            .scalar(&format!("SELECT count(*) FROM workshop_registrations WHERE user_id = {user_id} AND status = 'registered'"))
            .await;
        assert_eq!(promoted, 1, "the first 20 waiting were promoted");
    }
}

#[tokio::test]
async fn blocking_an_account_gives_its_workshop_place_to_the_next_person_waiting() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "sperre", "1")).await;
    let (rude, rude_client) = app.signed_in(Role::Citizen).await;
    let (patient, patient_client) = app.signed_in(Role::Citizen).await;
    registered(&app, &rude_client, "sperre").await;
    registered(&app, &patient_client, "sperre").await;
    let user_id = rude.id.to_string();
    let response = post_as(
        &staff,
        &app.address,
        "moderation/block",
        &[
            ("user_id", user_id.as_str()),
            ("rule", "offensive"),
            ("reason", "Wiederholte Beleidigungen anderer."),
            ("duration", "7"),
        ],
    )
    .await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
    assert_eq!(status_of(&app, rude.id, "sperre").await, "cancelled");
    assert_eq!(status_of(&app, patient.id, "sperre").await, "registered");
    assert_eq!(places_taken(&app, "sperre").await, 1);
    last_mail(&app, &patient.email, "workshop_promoted").await;
}

/// Mails of `kind` ever queued for `email`.
async fn mails_of_kind(app: &TestApp, email: &str, kind: &str) -> i64 {
    with_pool!(&app.db, pool => {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM outbox WHERE recipient_email = $1 AND kind = $2")
            .bind(email)
            .bind(kind)
            .fetch_one(pool)
            .await
    })
    .unwrap()
}

#[tokio::test]
async fn the_organiser_hears_once_at_80_and_at_100_percent_and_nobody_moves_up_in_the_last_two_hours(
) {
    let app = spawn_app().await;
    let (organiser, staff) = app.signed_in(Role::Moderator).await;
    publish(&app, &staff, &workshop_form(&app, "schwellen", "5")).await;
    let people = app.create_users_quickly(7, Role::Citizen).await;
    let mut clients = Vec::new();
    for person in &people {
        clients.push(app.client_for(person).await);
    }
    for client in &clients[..3] {
        registered(&app, client, "schwellen").await;
    }
    assert_eq!(
        mails_of_kind(&app, &organiser.email, "workshop_places_taken").await,
        0,
        "60 %"
    );
    registered(&app, &clients[3], "schwellen").await;
    assert_eq!(
        mails_of_kind(&app, &organiser.email, "workshop_places_taken").await,
        1,
        "80 %"
    );
    registered(&app, &clients[4], "schwellen").await;
    let (text, _, _) = last_mail(&app, &organiser.email, "workshop_places_taken").await;
    assert!(text.contains("5 von 5 Plätzen"), "{text}");
    assert_eq!(
        mails_of_kind(&app, &organiser.email, "workshop_places_taken").await,
        2,
        "100 %"
    );
    registered(&app, &clients[5], "schwellen").await;
    registered(&app, &clients[6], "schwellen").await;
    // A cancellation promotes: still full, nobody is told again.
    post_as(
        &clients[0],
        &app.address,
        "workshops/cancel-registration",
        &[("slug", "schwellen")],
    )
    .await;
    assert_eq!(
        mails_of_kind(&app, &organiser.email, "workshop_places_taken").await,
        2
    );

    // An hour before the start a freed place is not given away; the organiser is told.
    let starts = starts_at(&app, "schwellen").await;
    app.clock.set(starts - Duration::hours(1));
    let leaving = app.client_for(&people[1]).await;
    let response = post_as(
        &leaving,
        &app.address,
        "workshops/cancel-registration",
        &[("slug", "schwellen")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        status_of(&app, people[6].id, "schwellen").await,
        "waitlisted"
    );
    let (text, _, _) = last_mail(&app, &organiser.email, "workshop_no_promotion").await;
    assert!(
        text.contains("ist 1 Platz kurz vor Beginn frei geworden, 1 warten"),
        "{text}"
    );
}

#[tokio::test]
async fn staff_message_everyone_registered_and_mark_attendance_after_the_start() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "nachricht", "1")).await;
    let (came, came_client) = app.signed_in(Role::Citizen).await;
    let (waiting, waiting_client) = app.signed_in(Role::Citizen).await;
    registered(&app, &came_client, "nachricht").await;
    registered(&app, &waiting_client, "nachricht").await;

    let (_, citizen) = app.signed_in(Role::Citizen).await;
    let form = [
        ("slug", "nachricht"),
        ("message", "Bitte Laptop mitbringen."),
    ];
    let response = post_as(&citizen, &app.address, "workshops/message", &form).await;
    assert_eq!(response.status().as_u16(), 403);
    let response = post_as(
        &staff,
        &app.address,
        "workshops/message",
        &[("slug", "nachricht"), ("message", " ")],
    )
    .await;
    assert_eq!(validation_error(response, "message").await, "Required");
    let response = post_as(&staff, &app.address, "workshops/message", &form).await;
    assert_eq!(response.status().as_u16(), 200);
    let (text, _, _) = last_mail(&app, &came.email, "workshop_message").await;
    assert!(text.contains("Bitte Laptop mitbringen."));
    assert_eq!(
        mails_of_kind(&app, &waiting.email, "workshop_message").await,
        0,
        "not the waitlist"
    );

    let registration = app
        .scalar(&format!(
            "SELECT id FROM workshop_registrations WHERE user_id = {}",
            came.id
        ))
        .await
        .to_string();
    let attendance = [
        ("slug", "nachricht"),
        ("attended[0]", registration.as_str()),
    ];
    let response = post_as(&staff, &app.address, "workshops/attendance", &attendance).await;
    assert_eq!(
        validation_error(response, "form").await,
        "NotAllowed",
        "not before the start"
    );
    let starts = starts_at(&app, "nachricht").await;
    app.clock.set(starts + Duration::hours(3));
    let staff = app.signed_in(Role::Moderator).await.1;
    let response = post_as(&citizen, &app.address, "workshops/attendance", &attendance).await;
    assert_eq!(response.status().as_u16(), 403, "a citizen may not");
    let response = post_as(&staff, &app.address, "workshops/attendance", &attendance).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM workshop_registrations WHERE user_id = {} AND attended",
            came.id
        ))
        .await,
        1
    );
    let (_, page) = app
        .page_as(&staff, "/workshops/nachricht/teilnehmende")
        .await;
    assert!(page.contains("Anwesenheit speichern"));
}

#[tokio::test]
async fn registration_answers_are_deleted_90_days_after_the_workshop_and_attendance_stays() {
    let app = spawn_app().await;
    let (person, client) = app.signed_in(Role::Citizen).await;
    let question = question_id(&app, "big-bird-app-test", 1).await;
    let response = post_as(
        &client,
        &app.address,
        "workshops/register",
        &[
            ("slug", "big-bird-app-test"),
            ("consent", "on"),
            ("access_needs", "Rollstuhlplatz"),
            (&format!("answers[{question}]"), "iPhone mit VoiceOver"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let state = app.state().await;
    let ends = starts_at(&app, "big-bird-app-test").await + Duration::hours(2);
    let answers = || app.scalar("SELECT count(*) FROM workshop_answers");
    assert_eq!(answers().await, 1);
    let answer_sql = format!(
        "SELECT access_needs FROM workshop_registrations WHERE user_id = {}",
        person.id
    );
    let answer = || app.scalar_text(&answer_sql);
    stadtlabor::server::workshops::delete_old_answers(&state, ends + Duration::days(89))
        .await
        .unwrap();
    assert_eq!(answer().await, "Rollstuhlplatz");
    stadtlabor::server::workshops::delete_old_answers(&state, ends + Duration::days(91))
        .await
        .unwrap();
    assert_eq!(answer().await, "");
    assert_eq!(answers().await, 0, "the answers to the questions go too");
    assert_eq!(
        app.scalar(&format!("SELECT count(*) FROM workshop_registrations WHERE user_id = {} AND status = 'registered'", person.id)).await,
        1,
        "the registration itself stays"
    );
}

/// The id of question `position` of the workshop at `slug`.
pub(crate) async fn question_id(app: &TestApp, slug: &str, position: i64) -> i64 {
    app.scalar(&format!(
        "SELECT q.id FROM workshop_questions q JOIN workshops w ON w.id = q.workshop_id \
          WHERE w.slug = '{slug}' AND q.position = {position}"
    ))
    .await
}

/// The token of the signed link in the newest mail of `kind` to `email`.
async fn link_token(app: &TestApp, email: &str, kind: &str) -> String {
    let (text, _, _) = last_mail(app, email, kind).await;
    text.split("/workshops/abmelden?t=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a link with a token")
        .to_owned()
}

fn with_questions(
    form: &[(String, String)],
    rows: &[(&str, &str, &str, bool)],
) -> Vec<(String, String)> {
    let mut form = form.to_vec();
    for (i, (prompt, kind, choices, required)) in rows.iter().enumerate() {
        form.push((format!("questions[{i}][prompt]"), (*prompt).to_owned()));
        form.push((format!("questions[{i}][kind]"), (*kind).to_owned()));
        form.push((format!("questions[{i}][choices]"), (*choices).to_owned()));
        if *required {
            form.push((format!("questions[{i}][required]"), "on".to_owned()));
        }
    }
    form
}

#[tokio::test]
async fn registration_questions_are_checked_shown_only_to_staff_and_kept_once_answered() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let base = workshop_form(&app, "fragen", "5");
    // A choice with one option, and an empty row in between (ignored).
    let bad = with_questions(
        &base,
        &[
            ("Welche Software nutzen Sie?", "choice", "AutoCAD", true),
            ("", "text", "", false),
            ("", "yes_no", "", true),
        ],
    );
    let response = post_as(&staff, &app.address, "workshops/save", &refs(&bad)).await;
    assert_eq!(
        validation_error(response, "question_0_choices").await,
        "TooFewChoices"
    );
    let response = post_as(
        &staff,
        &app.address,
        "workshops/save",
        &refs(&with_questions(
            &base,
            &[("<script>x</script>", "kein-typ", "", false)],
        )),
    )
    .await;
    assert_eq!(
        validation_error(response, "question_0_kind").await,
        "Invalid"
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM workshops WHERE slug = 'fragen'")
            .await,
        0
    );

    let good = with_questions(
        &base,
        &[
            (
                "Welche Software nutzen Sie?",
                "choice",
                "AutoCAD\nArchiCAD\n\nRevit",
                true,
            ),
            ("", "text", "", false),
            ("Bringen Sie einen Laptop mit?", "yes_no", "", false),
            ("Ihre Frage an uns", "text", "", false),
        ],
    );
    publish(&app, &staff, &good).await;
    assert_eq!(
        app.scalar("SELECT count(*) FROM workshop_questions q JOIN workshops w ON w.id = q.workshop_id WHERE w.slug = 'fragen'").await,
        3,
        "the empty row is no question"
    );
    let software = question_id(&app, "fragen", 1).await;
    let laptop = question_id(&app, "fragen", 2).await;
    let (_, page) = app.page_as(&browser_client(), "/workshops/fragen").await;
    assert!(
        !page.contains("name=\"answers["),
        "the form is for signed-in people"
    );

    let (person, client) = app.signed_in(Role::Business).await;
    let (_, page) = app.page_as(&client, "/workshops/fragen").await;
    assert!(page.contains("Welche Software nutzen Sie?"));
    assert!(page.contains(&format!("name=\"answers[{software}]\"")));
    assert!(page.contains("Bringen Sie einen Laptop mit? (freiwillig)"));

    // The required choice missing, then a choice that is not offered, then a tampered yes/no.
    for (answers, field, error) in [
        (vec![], format!("answer_{software}"), "Required"),
        (
            vec![(software, "Excel")],
            format!("answer_{software}"),
            "Invalid",
        ),
        (
            vec![(software, "Revit"), (laptop, "vielleicht")],
            format!("answer_{laptop}"),
            "Invalid",
        ),
    ] {
        let mut form = vec![
            ("slug".to_owned(), "fragen".to_owned()),
            ("consent".to_owned(), "on".to_owned()),
        ];
        form.extend(
            answers
                .iter()
                .map(|(id, a)| (format!("answers[{id}]"), (*a).to_owned())),
        );
        let response = post_as(&client, &app.address, "workshops/register", &refs(&form)).await;
        assert_eq!(
            validation_error(response, &field).await,
            error,
            "{answers:?}"
        );
    }
    assert_eq!(
        app.scalar("SELECT count(*) FROM workshop_registrations")
            .await,
        0,
        "nothing stored"
    );
    let response = post_as(
        &client,
        &app.address,
        "workshops/register",
        &[
            ("slug", "fragen"),
            ("consent", "on"),
            (&format!("answers[{software}]"), "Revit"),
            (&format!("answers[{laptop}]"), "yes"),
            (
                &format!("answers[{}]", question_id(&app, "fragen", 3).await),
                "Bitte mit Parkplatz",
            ),
        ],
    )
    .await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );

    // Staff see the answers (page, list, CSV); other people see none of them.
    let (_, page) = app.page_as(&staff, "/workshops/fragen/teilnehmende").await;
    assert!(page.contains("Welche Software nutzen Sie?") && page.contains("Revit"));
    let csv = staff
        .get(format!("{}/workshops/fragen/teilnehmende.csv", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(
            "Welche Software nutzen Sie?,Bringen Sie einen Laptop mit?,Ihre Frage an uns"
        ),
        "{header}"
    );
    assert!(
        csv.contains(&format!("{},registered,1,,", person.email)),
        "{csv}"
    );
    assert!(csv.contains(",Revit,ja,Bitte mit Parkplatz"), "{csv}");
    let (_, other) = app.signed_in(Role::Citizen).await;
    let (_, page) = app.page_as(&other, "/workshops/fragen").await;
    assert!(
        !page.contains("Bitte mit Parkplatz") && !page.contains(&person.email),
        "answers appear to staff only"
    );

    // Once answered, the questions stay as they are, whatever the form sends.
    let changed = with_questions(
        &with(&base, "current_slug", "fragen"),
        &[("Ganz andere Frage", "text", "", true)],
    );
    publish(&app, &staff, &changed).await;
    let (_, page) = app.page_as(&staff, "/workshops/fragen/bearbeiten").await;
    assert!(page.contains("Es liegen schon Antworten vor"));
    assert_eq!(
        app.scalar_text(&format!(
            "SELECT prompt FROM workshop_questions WHERE id = {software}"
        ))
        .await,
        "Welche Software nutzen Sie?"
    );
    assert_eq!(app.scalar("SELECT count(*) FROM workshop_answers").await, 3);
}

#[tokio::test]
async fn registration_opens_when_staff_say_and_not_before() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let base = workshop_form(&app, "ab-morgen", "5");
    let late = with(
        &with(&base, "opens_date", &day_in(&app, 11)),
        "opens_time",
        "09:00",
    );
    let response = post_as(&staff, &app.address, "workshops/save", &refs(&late)).await;
    assert_eq!(
        validation_error(response, "opens_date").await,
        "OpeningAfterDeadline"
    );
    let tomorrow = with(
        &with(&base, "opens_date", &day_in(&app, 1)),
        "opens_time",
        "09:00",
    );
    publish(&app, &staff, &tomorrow).await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    let response = register(&app, &client, "ab-morgen").await;
    let error = validation_error(response, "form").await;
    assert!(
        error["RegistrationNotOpen"]["opens_at"].is_string(),
        "{error}"
    );
    let (_, page) = app.page_as(&client, "/workshops/ab-morgen").await;
    assert!(
        page.contains("Die Anmeldung öffnet am"),
        "the page says when"
    );
    app.clock.advance(Duration::days(2));
    assert_eq!(registered(&app, &client, "ab-morgen").await, "Registered");
}

#[tokio::test]
async fn in_claim_mode_a_freed_place_is_held_for_one_click_and_otherwise_passed_on() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let form = with(
        &workshop_form(&app, "bestaetigen", "1"),
        "confirmation",
        "claim",
    );
    publish(&app, &staff, &form).await;
    let people = app.create_users_quickly(4, Role::Citizen).await;
    let mut clients = Vec::new();
    for person in &people {
        clients.push(app.client_for(person).await);
    }
    let [anna, ben, cem, dora] = [&people[0], &people[1], &people[2], &people[3]];
    registered(&app, &clients[0], "bestaetigen").await;
    registered(&app, &clients[1], "bestaetigen").await;
    registered(&app, &clients[2], "bestaetigen").await;

    // Anna gives up: the place is held for Ben (still taken), with a confirm link, no .ics.
    let response = post_as(
        &clients[0],
        &app.address,
        "workshops/cancel-registration",
        &[("slug", "bestaetigen")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(status_of(&app, ben.id, "bestaetigen").await, "offered");
    assert_eq!(status_of(&app, cem.id, "bestaetigen").await, "waitlisted");
    assert_eq!(
        places_taken(&app, "bestaetigen").await,
        1,
        "the held place counts as taken"
    );
    let (text, method, _) = last_mail(&app, &ben.email, "workshop_offered").await;
    assert!(
        text.contains("reserviert") && text.contains("Platz bestätigen"),
        "{text}"
    );
    assert_eq!(
        method, None,
        "the calendar entry comes with the confirmation"
    );
    assert_eq!(
        registered(&app, &clients[3], "bestaetigen").await,
        "Waitlisted",
        "a newcomer queues"
    );
    let (_, page) = app.page_as(&clients[1], "/workshops/bestaetigen").await;
    assert!(page.contains("Platz bestätigen"));

    // Ben confirms by the link in the mail, without a login; a second click says so.
    let token = link_token(&app, &ben.email, "workshop_offered").await;
    let stranger = browser_client();
    let (_, page) = app
        .page_as(&stranger, &format!("/workshops/abmelden?t={token}"))
        .await;
    assert!(
        page.contains("Platz bestätigen"),
        "the link page offers to confirm"
    );
    let response = post_as(
        &stranger,
        &app.address,
        "workshops/confirm-by-link",
        &[("token", &token)],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(status_of(&app, ben.id, "bestaetigen").await, "registered");
    let (_, method, _) = last_mail(&app, &ben.email, "workshop_registered").await;
    assert_eq!(method.as_deref(), Some("REQUEST"));
    let response = post_as(
        &stranger,
        &app.address,
        "workshops/confirm-by-link",
        &[("token", &token)],
    )
    .await;
    assert_eq!(validation_error(response, "form").await, "NoOffer");
    let response = post_as(
        &clients[2],
        &app.address,
        "workshops/confirm-place",
        &[("slug", "bestaetigen")],
    )
    .await;
    assert_eq!(
        validation_error(response, "form").await,
        "NoOffer",
        "nothing is offered to Cem"
    );

    // Ben gives up too: Cem is offered the place and lets it run out; it moves on to Dora.
    let response = post_as(
        &clients[1],
        &app.address,
        "workshops/cancel-registration",
        &[("slug", "bestaetigen")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(status_of(&app, cem.id, "bestaetigen").await, "offered");
    let state = app.state().await;
    let now = app.clock.now();
    assert_eq!(
        stadtlabor::server::workshops::expire_offers(&state, now + Duration::hours(23))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        stadtlabor::server::workshops::expire_offers(&state, now + Duration::hours(25))
            .await
            .unwrap(),
        1
    );
    assert_eq!(status_of(&app, cem.id, "bestaetigen").await, "cancelled");
    assert_eq!(status_of(&app, dora.id, "bestaetigen").await, "offered");
    assert_eq!(places_taken(&app, "bestaetigen").await, 1);
    let (text, _, _) = last_mail(&app, &cem.email, "workshop_offer_expired").await;
    assert!(text.contains("nicht rechtzeitig bestätigt"), "{text}");
    assert_eq!(
        stadtlabor::server::workshops::expire_offers(&state, now + Duration::hours(26))
            .await
            .unwrap(),
        0,
        "each offer runs out once"
    );
    // Dora confirms on the page.
    let response = post_as(
        &clients[3],
        &app.address,
        "workshops/confirm-place",
        &[("slug", "bestaetigen")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(status_of(&app, dora.id, "bestaetigen").await, "registered");
    assert_eq!(status_of(&app, anna.id, "bestaetigen").await, "cancelled");
}

#[tokio::test]
async fn staff_remove_a_registration_the_person_is_told_and_the_place_moves_up() {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    publish(&app, &staff, &workshop_form(&app, "entfernen", "1")).await;
    let (anna, anna_client) = app.signed_in(Role::Business).await;
    let (ben, ben_client) = app.signed_in(Role::Citizen).await;
    registered(&app, &anna_client, "entfernen").await;
    registered(&app, &ben_client, "entfernen").await;
    let anna_registration = app
        .scalar(&format!(
            "SELECT id FROM workshop_registrations WHERE user_id = {}",
            anna.id
        ))
        .await
        .to_string();
    // Not staff: refused. Another workshop's registration: not found here.
    let response = post_as(
        &ben_client,
        &app.address,
        "workshops/remove-registration",
        &[("slug", "entfernen"), ("registration", &anna_registration)],
    )
    .await;
    assert_eq!(response.status().as_u16(), 403);
    let response = post_as(
        &staff,
        &app.address,
        "workshops/remove-registration",
        &[
            ("slug", "big-bird-app-test"),
            ("registration", &anna_registration),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 404);
    let response = post_as(
        &staff,
        &app.address,
        "workshops/remove-registration",
        &[("slug", "entfernen"), ("registration", "")],
    )
    .await;
    assert_eq!(validation_error(response, "registration").await, "Required");
    assert_eq!(status_of(&app, anna.id, "entfernen").await, "registered");

    let response = post_as(
        &staff,
        &app.address,
        "workshops/remove-registration",
        &[
            ("slug", "entfernen"),
            ("registration", &anna_registration),
            ("message", "Ihr Betrieb ist doppelt angemeldet."),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(status_of(&app, anna.id, "entfernen").await, "cancelled");
    assert_eq!(
        status_of(&app, ben.id, "entfernen").await,
        "registered",
        "the place moved up"
    );
    let (text, method, _) = last_mail(&app, &anna.email, "workshop_registration_removed").await;
    assert!(text.contains("doppelt angemeldet"), "{text}");
    assert_eq!(
        method.as_deref(),
        Some("CANCEL"),
        "the calendar entry is withdrawn"
    );
    let response = post_as(
        &staff,
        &app.address,
        "workshops/remove-registration",
        &[("slug", "entfernen"), ("registration", &anna_registration)],
    )
    .await;
    assert_eq!(
        validation_error(response, "form").await,
        "NotRegistered",
        "twice changes nothing"
    );
    assert_eq!(places_taken(&app, "entfernen").await, 1);
}

/// One step of the registration state machine, by person index.
#[derive(Clone, Copy, Debug)]
enum Step {
    Register(usize),
    Cancel(usize),
    Remove(usize),
    Confirm(usize),
    /// The scheduled job a day later: offers nobody confirmed move on.
    Expire,
    Capacity(&'static str),
}

/// (step, answer status, each person's status afterwards ("-": never registered), places taken)
type Row = (Step, u16, [&'static str; 4], i64);

async fn run_state_machine(confirmation: &str, table: &[Row]) {
    let app = spawn_app().await;
    let staff = staff(&app).await;
    let slug = "zustaende";
    let form = with(
        &workshop_form(&app, slug, "1"),
        "confirmation",
        confirmation,
    );
    publish(&app, &staff, &form).await;
    let people = app.create_users_quickly(4, Role::Citizen).await;
    let mut clients = Vec::new();
    for person in &people {
        clients.push(app.client_for(person).await);
    }
    let state = app.state().await;
    for (n, (step, expected, statuses, taken)) in table.iter().enumerate() {
        let status = match *step {
            Step::Register(i) => register(&app, &clients[i], slug).await.status().as_u16(),
            Step::Cancel(i) => {
                let form = [("slug", slug)];
                post_as(
                    &clients[i],
                    &app.address,
                    "workshops/cancel-registration",
                    &form,
                )
                .await
                .status()
                .as_u16()
            }
            Step::Confirm(i) => {
                let form = [("slug", slug)];
                post_as(&clients[i], &app.address, "workshops/confirm-place", &form)
                    .await
                    .status()
                    .as_u16()
            }
            Step::Remove(i) => {
                let sql = format!(
                    "SELECT id FROM workshop_registrations WHERE user_id = {}",
                    people[i].id
                );
                let id = app.scalar(&sql).await.to_string();
                let form = [("slug", slug), ("registration", id.as_str())];
                post_as(&staff, &app.address, "workshops/remove-registration", &form)
                    .await
                    .status()
                    .as_u16()
            }
            Step::Expire => {
                let later = app.clock.now() + Duration::hours(25);
                stadtlabor::server::workshops::expire_offers(&state, later)
                    .await
                    .unwrap();
                200
            }
            Step::Capacity(capacity) => {
                let form = with(&with(&form, "capacity", capacity), "current_slug", slug);
                post_as(&staff, &app.address, "workshops/save", &refs(&form))
                    .await
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(status, *expected, "row {n}: {step:?}");
        for (i, want) in statuses.iter().enumerate() {
            let sql = format!(
                "SELECT COALESCE((SELECT status FROM workshop_registrations WHERE user_id = {}), '-')",
                people[i].id
            );
            assert_eq!(
                app.scalar_text(&sql).await,
                *want,
                "row {n}: {step:?}, person {i}"
            );
        }
        assert_eq!(places_taken(&app, slug).await, *taken, "row {n}: {step:?}");
    }
}

#[tokio::test]
async fn the_registration_state_machine_with_automatic_promotion() {
    use Step::*;
    const R: &str = "registered";
    const W: &str = "waitlisted";
    const C: &str = "cancelled";
    run_state_machine(
        "automatic",
        &[
            (Register(0), 200, [R, "-", "-", "-"], 1),
            (Register(1), 200, [R, W, "-", "-"], 1),
            (Register(1), 422, [R, W, "-", "-"], 1),
            (Register(2), 200, [R, W, W, "-"], 1),
            (Cancel(0), 200, [C, R, W, "-"], 1),
            (Cancel(0), 422, [C, R, W, "-"], 1),
            (Remove(1), 200, [C, C, R, "-"], 1),
            (Capacity("2"), 200, [C, C, R, "-"], 1),
            (Register(3), 200, [C, C, R, R], 2),
            (Register(0), 200, [W, C, R, R], 2),
            (Cancel(2), 200, [R, C, C, R], 2),
            (Confirm(0), 422, [R, C, C, R], 2),
            (Capacity("1"), 422, [R, C, C, R], 2),
        ],
    )
    .await;
}

#[tokio::test]
async fn the_registration_state_machine_with_claimed_places() {
    use Step::*;
    const R: &str = "registered";
    const O: &str = "offered";
    const W: &str = "waitlisted";
    const C: &str = "cancelled";
    run_state_machine(
        "claim",
        &[
            (Register(0), 200, [R, "-", "-", "-"], 1),
            (Register(1), 200, [R, W, "-", "-"], 1),
            (Register(2), 200, [R, W, W, "-"], 1),
            (Cancel(0), 200, [C, O, W, "-"], 1),
            (Confirm(2), 422, [C, O, W, "-"], 1),
            (Register(3), 200, [C, O, W, W], 1),
            (Expire, 200, [C, C, O, W], 1),
            (Confirm(2), 200, [C, C, R, W], 1),
            (Confirm(2), 422, [C, C, R, W], 1),
            (Remove(2), 200, [C, C, C, O], 1),
            (Capacity("2"), 200, [C, C, C, O], 1),
            (Register(0), 200, [R, C, C, O], 2),
            (Cancel(3), 200, [R, C, C, C], 1),
        ],
    )
    .await;
}
