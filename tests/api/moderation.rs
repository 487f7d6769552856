//! Moderation: reports, the queue, decisions (hide, keep, restore; one or many), the notices
//! and mails they cause, the log and its CSV, and who may do which of it.

use crate::helpers::{
    browser_client, post_as, spawn_app, spawn_app_with_smtp_down, TestApp, TestUser,
};
use crate::participation::{comment_id, idea_by_new_author, validation_error};
use stadtlabor::domain::accounts::Role;

/// Reports `item` (`idee-5`, `kommentar-7`) as `client`.
async fn report(
    app: &TestApp,
    client: &reqwest::Client,
    item: &str,
    reason: &str,
    note: &str,
) -> reqwest::Response {
    post_as(
        client,
        &app.address,
        "moderation/report",
        &[("item", item), ("reason", reason), ("note", note)],
    )
    .await
}

async fn reported(app: &TestApp, client: &reqwest::Client, item: &str) {
    let response = report(app, client, item, "offensive", "Beleidigt andere.").await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
}

/// Decides on `items` as `client`.
async fn decide(
    app: &TestApp,
    client: &reqwest::Client,
    items: &[&str],
    decision: &str,
    rule: &str,
    reason: &str,
) -> reqwest::Response {
    let names: Vec<String> = (0..items.len()).map(|i| format!("items[{i}]")).collect();
    let mut form: Vec<(&str, &str)> = names
        .iter()
        .map(String::as_str)
        .zip(items.iter().copied())
        .collect();
    form.extend([("decision", decision), ("rule", rule), ("reason", reason)]);
    post_as(client, &app.address, "moderation/decide", &form).await
}

async fn queue(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&str, &str)],
) -> serde_json::Value {
    let response = post_as(client, &app.address, "moderation/queue", form).await;
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.unwrap()
}

async fn current_user(app: &TestApp, client: &reqwest::Client) -> serde_json::Value {
    post_as(client, &app.address, "accounts/current", &[])
        .await
        .json()
        .await
        .unwrap()
}

/// A citizen's idea with a rude comment by another citizen: (comment author, their client,
/// idea id, comment item).
async fn rude_comment(app: &TestApp) -> (TestUser, reqwest::Client, i64, String) {
    let (_, _, idea) = idea_by_new_author(app, "Mehr Bänke am Bahnhof").await;
    let (author, client) = app.signed_in(Role::Citizen).await;
    let id = comment_id(app, &client, idea, None, "Ihr seid alle Idioten.").await;
    (author, client, idea, format!("kommentar-{id}"))
}

#[tokio::test]
async fn a_reported_comment_is_hidden_from_the_queue_and_everyone_is_told() {
    let app = spawn_app().await;
    let (author, author_client, idea, item) = rude_comment(&app).await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;

    reported(&app, &reporter, &item).await;
    let user = current_user(&app, &moderator).await;
    assert_eq!(
        user["moderation_queue"]["open"], 1,
        "the staff header counts it"
    );
    let page = queue(&app, &moderator, &[]).await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["text"], "Ihr seid alle Idioten.");
    assert_eq!(items[0]["reports"][0]["reason"], "Offensive");
    assert_eq!(items[0]["reports"][0]["note"], "Beleidigt andere.");
    let (status, html) = app.page_as(&moderator, "/verwaltung/moderation").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ihr seid alle Idioten.") && html.contains("1 Meldung"));

    let response = decide(
        &app,
        &moderator,
        &[&item],
        "hide",
        "offensive",
        "Bitte bleiben Sie sachlich.",
    )
    .await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );

    // The thread keeps the comment's place; its text is gone for everyone.
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(!html.contains("Idioten"));
    assert!(html.contains("Dieser Beitrag wurde von der Moderation ausgeblendet."));
    assert_eq!(
        app.scalar(&format!(
            "SELECT comment_count FROM ideas WHERE id = {idea}"
        ))
        .await,
        0
    );
    // The author: a notice with the reasons, and the statement of reasons by mail.
    let (_, html) = app.page_as(&author_client, "/benachrichtigungen").await;
    assert!(html.contains("wurde von der Moderation ausgeblendet"));
    assert!(html.contains("Bitte bleiben Sie sachlich."));
    assert_eq!(app.queued_mails_to(&author.email).await, 1);
    let mail: String = app
        .scalar_text(&format!(
            "SELECT body_text FROM outbox WHERE recipient_email = '{}'",
            author.email
        ))
        .await;
    assert!(mail.contains("Beleidigung oder Herabwürdigung"));
    assert!(mail.contains("Bitte bleiben Sie sachlich."));
    assert!(mail.contains("widersprechen") || mail.contains("nicht einverstanden"));
    // The reporter: the outcome, without the moderator or the reasons given to the author.
    let (_, html) = app.page_as(&reporter, "/benachrichtigungen").await;
    assert!(html.contains("Der Beitrag wurde ausgeblendet"));
    assert!(!html.contains("Bitte bleiben Sie sachlich."));
    assert!(!html.contains("Test Person (Moderation)"));
    assert_eq!(
        current_user(&app, &reporter).await["unread_notifications"],
        1
    );
    // The queue is empty; the log holds the report and the decision.
    let page = queue(&app, &moderator, &[]).await;
    assert!(page["items"].as_array().unwrap().is_empty());
    assert_eq!(
        current_user(&app, &moderator).await["moderation_queue"]["open"],
        0
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_log WHERE action IN ('report', 'hide')")
            .await,
        2
    );
}

#[tokio::test]
async fn restoring_brings_content_back_and_tells_the_author() {
    let app = spawn_app().await;
    let (author, author_client, title_idea) = idea_by_new_author(&app, "Radweg nach Werl").await;
    let item = format!("idee-{title_idea}");
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let hide = decide(&app, &moderator, &[&item], "hide", "spam", "").await;
    assert_eq!(
        hide.status().as_u16(),
        200,
        "staff may hide without a report"
    );
    assert_eq!(app.page(&format!("/ideen/{title_idea}")).await.0, 404);
    assert!(!app.page("/ideen").await.1.contains("Radweg nach Werl"));
    // Its author still sees it, with the notice, and cannot take part in it.
    let (status, html) = app
        .page_as(&author_client, &format!("/ideen/{title_idea}"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Nur Sie sehen sie noch"));
    assert!(!html.contains("Kommentar veröffentlichen") && !html.contains("Melden"));
    // The review page shows the hidden idea to staff, with "restore" as the one choice.
    let (status, html) = app
        .page_as(
            &moderator,
            &format!("/verwaltung/moderation/beitrag/{item}"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Radweg nach Werl") && html.contains("Wieder einblenden"));

    let again = decide(&app, &moderator, &[&item], "hide", "spam", "").await;
    assert_eq!(validation_error(again, "form").await, "AlreadyDecided");
    let restore = decide(&app, &moderator, &[&item], "restore", "no_violation", "").await;
    assert_eq!(restore.status().as_u16(), 200);
    assert_eq!(app.page(&format!("/ideen/{title_idea}")).await.0, 200);
    assert!(app.page("/ideen").await.1.contains("Radweg nach Werl"));
    assert_eq!(
        app.queued_mails_to(&author.email).await,
        2,
        "hidden, restored"
    );
    let restore_again = decide(&app, &moderator, &[&item], "restore", "no_violation", "").await;
    assert_eq!(
        validation_error(restore_again, "form").await,
        "AlreadyDecided"
    );
}

#[tokio::test]
async fn keeping_dismisses_the_reports_and_tells_the_reporters_only() {
    let app = spawn_app().await;
    let (author, _, _, item) = rude_comment(&app).await;
    let (_, first) = app.signed_in(Role::Citizen).await;
    let (_, second) = app.signed_in(Role::Business).await;
    reported(&app, &first, &item).await;
    reported(&app, &second, &item).await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let page = queue(&app, &moderator, &[]).await;
    assert_eq!(
        page["items"].as_array().unwrap().len(),
        1,
        "grouped per item"
    );
    assert_eq!(page["items"][0]["reports"].as_array().unwrap().len(), 2);

    let keep = decide(&app, &moderator, &[&item], "keep", "no_violation", "").await;
    assert_eq!(keep.status().as_u16(), 200);
    for reporter in [&first, &second] {
        let (_, html) = app.page_as(reporter, "/benachrichtigungen").await;
        assert!(html.contains("keinen Verstoß festgestellt"));
    }
    assert_eq!(
        app.queued_mails_to(&author.email).await,
        0,
        "nothing changed for the author"
    );
    let again = decide(&app, &moderator, &[&item], "keep", "no_violation", "").await;
    assert_eq!(validation_error(again, "form").await, "AlreadyDecided");
    // Kept content can be reported afresh.
    let (_, third) = app.signed_in(Role::Citizen).await;
    reported(&app, &third, &item).await;
    reported(&app, &first, &item).await;
}

#[tokio::test]
async fn reports_refuse_bad_input_and_store_nothing() {
    let app = spawn_app().await;
    let (_, author_client, idea, item) = rude_comment(&app).await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    let count = || app.scalar("SELECT count(*) FROM reports");

    let own = report(&app, &author_client, &item, "spam", "").await;
    assert_eq!(validation_error(own, "reason").await, "OwnContent");
    for (reason, note, field, error) in [
        ("rude", "", "reason", serde_json::json!("Invalid")),
        ("", "", "reason", serde_json::json!("Invalid")),
        ("other", "  ", "note", serde_json::json!("Required")),
        ("illegal", "", "note", serde_json::json!("Required")),
        (
            "spam",
            &"x".repeat(1_001),
            "note",
            serde_json::json!({"TooLong": {"max": 1000}}),
        ),
        (
            "spam",
            "Steuer\u{7}zeichen",
            "note",
            serde_json::json!("InvalidCharacters"),
        ),
    ] {
        let response = report(&app, &reporter, &item, reason, note).await;
        assert_eq!(
            validation_error(response, field).await,
            error,
            "{reason} / {field}"
        );
    }
    let no_reason = post_as(
        &reporter,
        &app.address,
        "moderation/report",
        &[("item", &item)],
    )
    .await;
    assert_eq!(validation_error(no_reason, "reason").await, "Invalid");
    let illegal = report(&app, &reporter, &item, "illegal", "§ 185 StGB").await;
    assert_eq!(
        validation_error(illegal, "good_faith").await,
        "ConfirmationRequired"
    );
    for missing in [
        "kommentar-999999",
        "idee-999999",
        "beitrag-1",
        "kommentar-abc",
    ] {
        let response = report(&app, &reporter, missing, "spam", "").await;
        assert_eq!(response.status().as_u16(), 404, "{missing}");
    }
    assert_eq!(count().await, 0);

    // A note with markup is kept as text and shown escaped.
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let response = report(&app, &reporter, &item, "other", hostile).await;
    assert_eq!(response.status().as_u16(), 200);
    let duplicate = report(&app, &reporter, &item, "spam", "").await;
    assert_eq!(
        validation_error(duplicate, "reason").await,
        "AlreadyReported"
    );
    assert_eq!(count().await, 1);
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let (_, html) = app.page_as(&moderator, "/verwaltung/moderation").await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script"));

    // Hidden content cannot be reported (and is not confirmed to exist).
    let hide = decide(&app, &moderator, &[&item], "hide", "offensive", "").await;
    assert_eq!(hide.status().as_u16(), 200);
    let (_, other) = app.signed_in(Role::Citizen).await;
    assert_eq!(
        report(&app, &other, &item, "spam", "")
            .await
            .status()
            .as_u16(),
        404
    );
    let idea_item = format!("idee-{idea}");
    reported(&app, &other, &idea_item).await;
}

#[tokio::test]
async fn the_eleventh_report_within_an_hour_waits() {
    let app = spawn_app().await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    let (_, writer) = app.signed_in(Role::Citizen).await;
    let (_, _, idea) = idea_by_new_author(&app, "Viele Kommentare").await;
    let mut items = Vec::new();
    for i in 0..11 {
        let id = comment_id(&app, &writer, idea, None, &format!("Kommentar {i}")).await;
        items.push(format!("kommentar-{id}"));
        // Past the comment rate limit, not past the report limit's hour.
        app.clock.advance(chrono::Duration::seconds(7));
    }
    for item in &items[..10] {
        reported(&app, &reporter, item).await;
    }
    let eleventh = report(&app, &reporter, &items[10], "spam", "").await;
    assert_eq!(eleventh.status().as_u16(), 429);
    app.clock.advance(chrono::Duration::minutes(61));
    reported(&app, &reporter, &items[10]).await;
}

#[tokio::test]
async fn two_reports_at_the_same_moment_are_stored_once() {
    let app = spawn_app().await;
    let (_, _, _, item) = rude_comment(&app).await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    let (a, b) = tokio::join!(
        report(&app, &reporter, &item, "spam", ""),
        report(&app, &reporter, &item, "spam", "")
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 422]);
    assert_eq!(app.scalar("SELECT count(*) FROM reports").await, 1);
}

#[tokio::test]
async fn two_moderators_deciding_at_once_decide_once() {
    let app = spawn_app().await;
    let (author, _, _, item) = rude_comment(&app).await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    reported(&app, &reporter, &item).await;
    let (_, first) = app.signed_in(Role::Moderator).await;
    let (_, second) = app.signed_in(Role::Admin).await;
    let items = [item.as_str()];
    let (a, b) = tokio::join!(
        decide(&app, &first, &items, "hide", "offensive", ""),
        decide(&app, &second, &items, "hide", "offensive", "")
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 422]);
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_log WHERE action = 'hide'")
            .await,
        1
    );
    assert_eq!(app.queued_mails_to(&author.email).await, 1);
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_notices WHERE audience = 'reporter'")
            .await,
        1
    );
    // Two "keep" at the same moment: the reports are dismissed once.
    let (_, _, _, other) = rude_comment(&app).await;
    reported(&app, &reporter, &other).await;
    let others = [other.as_str()];
    let (a, b) = tokio::join!(
        decide(&app, &first, &others, "keep", "no_violation", ""),
        decide(&app, &second, &others, "keep", "no_violation", "")
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 422]);
    assert_eq!(
        app.scalar("SELECT count(*) FROM reports WHERE decided_at IS NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn a_bulk_decision_applies_to_each_selected_item_and_skips_the_decided() {
    let app = spawn_app().await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    let mut items = Vec::new();
    for _ in 0..3 {
        let (_, _, _, item) = rude_comment(&app).await;
        reported(&app, &reporter, &item).await;
        items.push(item);
    }
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let first = decide(&app, &moderator, &[&items[0]], "hide", "offensive", "").await;
    assert_eq!(first.status().as_u16(), 200);
    let refs: Vec<&str> = items.iter().map(String::as_str).collect();
    let bulk = decide(&app, &moderator, &refs, "hide", "offensive", "").await;
    assert_eq!(bulk.status().as_u16(), 200);
    assert_eq!(
        bulk.headers()["location"],
        "/verwaltung/moderation?entschieden=2&uebersprungen=1"
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL")
            .await,
        3
    );
    let (_, html) = app
        .page_as(
            &moderator,
            "/verwaltung/moderation?entschieden=2&uebersprungen=1",
        )
        .await;
    assert!(html.contains("Entscheidung für 2 gespeichert; 1 waren schon entschieden"));
    // Nothing selected, an unknown decision, or "other" without own words change nothing.
    let none = decide(&app, &moderator, &[], "hide", "offensive", "").await;
    assert_eq!(validation_error(none, "form").await, "NothingSelected");
    let unknown = decide(&app, &moderator, &refs, "delete", "offensive", "").await;
    assert_eq!(validation_error(unknown, "decision").await, "Invalid");
    let vague = decide(&app, &moderator, &refs, "restore", "other", "nein").await;
    assert_eq!(
        validation_error(vague, "reason").await,
        serde_json::json!({"TooShort": {"min": 15}})
    );
    let no_rule = decide(&app, &moderator, &refs, "restore", "", "").await;
    assert_eq!(validation_error(no_rule, "rule").await, "Invalid");
    assert_eq!(
        app.scalar("SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL")
            .await,
        3
    );
}

#[tokio::test]
async fn staff_do_not_decide_on_their_own_content_or_their_own_reports() {
    let app = spawn_app().await;
    let (moderator, moderator_client) = app.signed_in(Role::Moderator).await;
    let (_, _, idea) = idea_by_new_author(&app, "Parkhaus am Ring").await;
    let own = comment_id(&app, &moderator_client, idea, None, "Offizielle Auskunft.").await;
    let own = format!("kommentar-{own}");
    let (_, citizen) = app.signed_in(Role::Citizen).await;
    reported(&app, &citizen, &own).await;
    let response = decide(&app, &moderator_client, &[&own], "keep", "no_violation", "").await;
    assert_eq!(
        validation_error(response, "form").await,
        "ConflictOfInterest"
    );
    let (_, html) = app
        .page_as(
            &moderator_client,
            &format!("/verwaltung/moderation/beitrag/{own}"),
        )
        .await;
    assert!(html.contains("Darüber entscheidet eine andere Person"));
    assert!(!html.contains("Entscheidung speichern"));

    let (_, _, _, rude) = rude_comment(&app).await;
    reported(&app, &moderator_client, &rude).await;
    let response = decide(&app, &moderator_client, &[&rude], "hide", "offensive", "").await;
    assert_eq!(
        validation_error(response, "form").await,
        "ConflictOfInterest"
    );
    let _ = moderator;
    // Another moderator decides both.
    let (_, other) = app.signed_in(Role::Moderator).await;
    let both = decide(&app, &other, &[&own, &rude], "keep", "no_violation", "").await;
    assert_eq!(both.status().as_u16(), 200);
}

#[tokio::test]
async fn the_queue_is_paged_by_reports_then_age_and_filtered() {
    let app = spawn_app().await;
    let (_, _, idea) = idea_by_new_author(&app, "Spielplatz im Park").await;
    let idea_item = format!("idee-{idea}");
    let (_, writer) = app.signed_in(Role::Citizen).await;
    let mut reporters = Vec::new();
    for _ in 0..3 {
        reporters.push(app.signed_in(Role::Citizen).await.1);
    }
    // 27 comments with one report each; the idea gets three.
    for i in 0..27 {
        let id = comment_id(&app, &writer, idea, None, &format!("Beitrag {i}")).await;
        let reporter = &reporters[i % 3];
        reported(&app, reporter, &format!("kommentar-{id}")).await;
        // Past the comment rate limit; the reports get distinct ages.
        app.clock.advance(chrono::Duration::seconds(7));
    }
    for reporter in &reporters {
        reported(&app, reporter, &idea_item).await;
    }
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let first = queue(&app, &moderator, &[]).await;
    let items = first["items"].as_array().unwrap();
    assert_eq!(items.len(), 25);
    assert_eq!(items[0]["target"]["Idea"], idea, "most reports first");
    assert_eq!(items[1]["text"], "Beitrag 0", "then the longest waiting");
    assert_eq!(items[24]["text"], "Beitrag 23");
    let cursor = first["next"].clone();
    assert!(cursor.is_object());
    let param = format!(
        "{}.{}.{}.kommentar-{}",
        u8::from(cursor["pending"].as_bool().unwrap()),
        cursor["reports"],
        chrono::DateTime::parse_from_rfc3339(cursor["oldest"].as_str().unwrap())
            .unwrap()
            .timestamp_micros(),
        cursor["target"]["Comment"]
    );
    let second = queue(&app, &moderator, &[("after", &param)]).await;
    let texts: Vec<&str> = second["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Beitrag 24", "Beitrag 25", "Beitrag 26"]);
    assert!(second["next"].is_null());

    let ideas = queue(&app, &moderator, &[("kind", "ideen")]).await;
    assert_eq!(ideas["items"].as_array().unwrap().len(), 1);
    let comments = queue(&app, &moderator, &[("kind", "kommentare")]).await;
    assert_eq!(comments["items"].as_array().unwrap().len(), 25);
    let spam = queue(&app, &moderator, &[("reason", "spam")]).await;
    assert!(spam["items"].as_array().unwrap().is_empty());
    let project = queue(&app, &moderator, &[("project", "big-bird-westfalen")]).await;
    assert_eq!(project["items"].as_array().unwrap().len(), 25);
    for other in ["3d-stadtmodell", "gibt-es-nicht"] {
        let page = queue(&app, &moderator, &[("project", other)]).await;
        assert!(page["items"].as_array().unwrap().is_empty(), "{other}");
    }
    // The page's "more" link carries the cursor.
    let (_, html) = app.page_as(&moderator, "/verwaltung/moderation").await;
    assert!(html.contains(&format!("nach={param}")));
}

#[tokio::test]
async fn the_log_lists_every_step_and_its_csv_is_spreadsheet_safe() {
    let app = spawn_app().await;
    let (_, _, _, item) = rude_comment(&app).await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    let formula = "=HYPERLINK(\"http://evil.example\";\"klick\")";
    let response = report(&app, &reporter, &item, "other", formula).await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let hide = decide(&app, &moderator, &[&item], "hide", "offensive", "@SUM(1+1)").await;
    assert_eq!(hide.status().as_u16(), 200);
    let (_, admin) = app.signed_in(Role::Admin).await;

    let (status, html) = app
        .page_as(&admin, "/verwaltung/moderation/protokoll")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Ausgeblendet") && html.contains("Meldung"));
    assert!(html.contains("Automatisches Ausblenden: aus"));
    let log: serde_json::Value = post_as(
        &admin,
        &app.address,
        "moderation/log",
        &[("action", "hide")],
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(log.as_array().unwrap().len(), 1);

    let csv = admin
        .get(format!(
            "{}/verwaltung/moderation/protokoll.csv",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status().as_u16(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = csv.text().await.unwrap();
    assert!(body.starts_with("id,zeitpunkt,aktion"));
    assert!(body.contains("'=HYPERLINK"), "{body}");
    assert!(body.contains("'@SUM(1+1)"));
    assert!(!body.contains(",=HYPERLINK") && !body.contains("\"=HYPERLINK"));

    // Only admins read the log.
    for client in [&moderator, &reporter, &browser_client()] {
        let response = client
            .get(format!(
                "{}/verwaltung/moderation/protokoll.csv",
                app.address
            ))
            .send()
            .await
            .unwrap();
        assert!([401, 403].contains(&response.status().as_u16()));
    }
}

/// An endpoint, its form, and the status expected for each caller of the matrix.
type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, [u16; 8]);

/// Every moderation server function, for every kind of caller: nobody gets further than
/// their role allows, and a refused call changes nothing.
#[tokio::test]
async fn the_permission_matrix_shows_no_escalation() {
    let app = spawn_app().await;
    let (_, author_client, _, item) = rude_comment(&app).await;
    let (_, reporter) = app.signed_in(Role::Citizen).await;
    reported(&app, &reporter, &item).await;

    let unverified = app.create_user(Role::Citizen, false).await;
    // A blocked person: signed in before the block, which ends the session at once.
    let (blocked, blocked_client) = app.signed_in(Role::Citizen).await;
    let (_, admin) = app.signed_in(Role::Admin).await;
    let blocked_id = blocked.id.to_string();
    let block = post_as(
        &admin,
        &app.address,
        "moderation/block",
        &[
            ("user_id", blocked_id.as_str()),
            ("rule", "spam"),
            ("duration", "7"),
        ],
    )
    .await;
    assert_eq!(block.status().as_u16(), 200);
    let callers: Vec<(&str, reqwest::Client)> = vec![
        ("anonymous", browser_client()),
        ("blocked", blocked_client),
        ("unverified", app.client_for(&unverified).await),
        ("citizen", app.signed_in(Role::Citizen).await.1),
        ("business", app.signed_in(Role::Business).await.1),
        ("author", author_client),
        ("moderator", app.signed_in(Role::Moderator).await.1),
        ("admin", admin),
    ];
    // (endpoint, form, expected status per caller in the order above). Deciding is tried
    // with a rule that fails validation for staff, so the matrix changes nothing.
    let item_form = [("item", item.as_str())];
    let decide_form = [
        ("items[0]", item.as_str()),
        ("decision", "keep"),
        ("rule", "not-a-rule"),
    ];
    let cases: Vec<Case> = vec![
        (
            "moderation/queue",
            vec![],
            [401, 401, 403, 403, 403, 403, 200, 200],
        ),
        (
            "moderation/item",
            item_form.to_vec(),
            [401, 401, 403, 403, 403, 403, 200, 200],
        ),
        (
            "moderation/decide",
            decide_form.to_vec(),
            [401, 401, 403, 403, 403, 403, 422, 422],
        ),
        (
            "moderation/log",
            vec![],
            [401, 401, 403, 403, 403, 403, 403, 200],
        ),
        (
            "moderation/settings",
            vec![],
            [401, 401, 403, 403, 403, 403, 403, 200],
        ),
        (
            "moderation/objections",
            vec![],
            [401, 401, 403, 403, 403, 403, 200, 200],
        ),
        (
            "moderation/decide-objection",
            vec![("objection_id", "1"), ("outcome", "grant"), ("rule", "x")],
            [401, 401, 403, 403, 403, 403, 422, 422],
        ),
        (
            "moderation/notices",
            vec![],
            [401, 401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "moderation/block",
            vec![
                ("user_id", blocked_id.as_str()),
                ("rule", "x"),
                ("duration", "7"),
            ],
            [401, 401, 403, 403, 403, 403, 422, 422],
        ),
        (
            "moderation/unblock",
            vec![("user_id", blocked_id.as_str()), ("rule", "x")],
            [401, 401, 403, 403, 403, 403, 422, 422],
        ),
        (
            "moderation/held",
            vec![],
            [401, 401, 403, 403, 403, 403, 200, 200],
        ),
        (
            "moderation/decide-held",
            vec![("item", item.as_str()), ("decision", "x")],
            [401, 401, 403, 403, 403, 403, 422, 422],
        ),
        (
            "moderation/organisations",
            vec![],
            [401, 401, 403, 403, 403, 403, 200, 200],
        ),
        (
            "moderation/decide-organisation",
            vec![("user_id", blocked_id.as_str()), ("decision", "x")],
            [401, 401, 403, 403, 403, 403, 422, 422],
        ),
        (
            "moderation/block-target",
            vec![("user_id", blocked_id.as_str())],
            [401, 401, 403, 403, 403, 403, 200, 200],
        ),
        (
            "moderation/report",
            vec![("item", item.as_str()), ("reason", "spam")],
            [401, 401, 403, 200, 200, 422, 200, 200],
        ),
    ];
    for (endpoint, form, expected) in &cases {
        for ((who, client), want) in callers.iter().zip(expected) {
            let response = post_as(client, &app.address, endpoint, form).await;
            assert_eq!(response.status().as_u16(), *want, "{who} → {endpoint}");
        }
    }
    assert_eq!(
        app.scalar("SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM reports WHERE decided_at IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM users WHERE blocked_at IS NOT NULL")
            .await,
        1,
        "the one block of the setup, still running"
    );
    // The pages say the same: visitors are sent to log in, citizens are refused.
    let (status, _) = app
        .page_as(&browser_client(), "/verwaltung/moderation")
        .await;
    assert!([200, 302, 303].contains(&status));
    let (_, html) = app.page_as(&callers[3].1, "/verwaltung/moderation").await;
    assert!(
        html.contains("Diese Seite ist der Verwaltung vorbehalten."),
        "{html}"
    );
}

#[tokio::test]
async fn visitors_see_the_report_link_and_are_led_to_log_in_and_back() {
    let app = spawn_app().await;
    let (_, _, idea, item) = rude_comment(&app).await;
    let visitor = browser_client();
    let (_, html) = app.page_as(&visitor, &format!("/ideen/{idea}")).await;
    assert!(html.contains(&format!("/melden/{item}")));
    assert!(html.contains(&format!("/melden/idee-{idea}")));
    let (status, html) = app.page_as(&visitor, &format!("/melden/{item}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/anmelden?weiter=/melden/{item}")));
    assert!(html.contains("Ihr seid alle Idioten."));
    // A missing item says so.
    let (_, html) = app.page("/melden/kommentar-999999").await;
    assert!(html.contains("gibt es nicht oder nicht mehr"), "{html}");
}

#[tokio::test]
async fn hiding_withdraws_the_unsent_mails_about_the_content() {
    // Mail cannot leave: every mail waits in the outbox for its retry.
    let app = spawn_app_with_smtp_down().await;
    let (idea_author, _, idea) = idea_by_new_author(&app, "Ladesäulen am Rathaus").await;
    let (_, writer) = app.signed_in(Role::Citizen).await;
    let first = comment_id(&app, &writer, idea, None, "Ihr seid alle Idioten.").await;
    comment_id(&app, &writer, idea, None, "Und noch etwas Sachliches.").await;
    let unsent = format!(
        "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND recipient_email = '{}'",
        idea_author.email
    );
    let unsent_to_author = || app.scalar(&unsent);
    assert_eq!(unsent_to_author().await, 2, "the author follows their idea");
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let item = format!("kommentar-{first}");
    let hide = decide(&app, &moderator, &[&item], "hide", "offensive", "").await;
    assert_eq!(hide.status().as_u16(), 200);
    // The mail about the hidden comment is gone; the other one and the statement of
    // reasons to the comment's author wait.
    assert_eq!(unsent_to_author().await, 1);
    // Hiding the idea withdraws every mail about it and its comments.
    let idea_item = format!("idee-{idea}");
    let hide = decide(&app, &moderator, &[&idea_item], "hide", "spam", "").await;
    assert_eq!(hide.status().as_u16(), 200);
    assert_eq!(unsent_to_author().await, 1, "only the statement of reasons");
    assert_eq!(
        app.scalar_text(&format!(
            "SELECT kind FROM outbox WHERE recipient_email = '{}'",
            idea_author.email
        ))
        .await,
        "moderation_decision"
    );
}

/// The app's state with automatic hiding at `threshold`, for calling the report flow.
async fn state_with_auto_hide(
    app: &TestApp,
    threshold: i64,
) -> stadtlabor::server::state::AppState {
    let mut state = app.state().await;
    std::sync::Arc::make_mut(&mut state.settings).auto_hide_reports = Some(threshold);
    state
}

async fn report_via_flow(
    app: &TestApp,
    state: &stadtlabor::server::state::AppState,
    reporter: &TestUser,
    item: &str,
) -> Result<i64, stadtlabor::error::AppError> {
    use stadtlabor::domain::content::ContentRef;
    let row = stadtlabor::server::db::users::find_user_by_id(&app.db, reporter.id)
        .await
        .unwrap();
    let target = ContentRef::from_param(item).unwrap();
    stadtlabor::server::moderation::report(
        state,
        &row,
        target,
        "offensive",
        "",
        false,
        app.clock.now(),
    )
    .await
}

#[tokio::test]
async fn automatic_hiding_takes_n_distinct_established_reporters_and_waits_for_review() {
    let app = spawn_app().await;
    let (author, _, _, item) = rude_comment(&app).await;
    let mut established = Vec::new();
    for _ in 0..3 {
        established.push(app.create_user(Role::Citizen, true).await);
    }
    app.clock.advance(chrono::Duration::hours(25));
    let newcomer = app.create_user(Role::Citizen, true).await;
    let state = state_with_auto_hide(&app, 3).await;
    let hidden = || app.scalar("SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL");

    report_via_flow(&app, &state, &established[0], &item)
        .await
        .unwrap();
    report_via_flow(&app, &state, &established[1], &item)
        .await
        .unwrap();
    report_via_flow(&app, &state, &newcomer, &item)
        .await
        .unwrap();
    assert_eq!(hidden().await, 0, "a day-old account does not count yet");
    let twice = report_via_flow(&app, &state, &established[1], &item).await;
    assert!(twice.is_err(), "one open report per person");
    assert_eq!(hidden().await, 0, "not N reports by one person");

    report_via_flow(&app, &state, &established[2], &item)
        .await
        .unwrap();
    assert_eq!(hidden().await, 1);
    assert_eq!(
        app.scalar(
            "SELECT count(*) FROM moderation_log WHERE action = 'hide' AND actor_id IS NULL"
        )
        .await,
        1
    );
    let mail = app
        .scalar_text(&format!(
            "SELECT body_text FROM outbox WHERE recipient_email = '{}'",
            author.email
        ))
        .await;
    assert!(mail.contains("automatisch ausgeblendet"), "{mail}");
    // At the top of the queue, marked; the reports stay open for the decision.
    let (_, _, _, other) = rude_comment(&app).await;
    let (_, citizen) = app.signed_in(Role::Citizen).await;
    reported(&app, &citizen, &other).await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let page = queue(&app, &moderator, &[]).await;
    assert_eq!(page["items"][0]["pending"], true);
    assert_eq!(page["items"][0]["reports"].as_array().unwrap().len(), 4);
    let pending = queue(&app, &moderator, &[("kind", "automatisch")]).await;
    assert_eq!(pending["items"].as_array().unwrap().len(), 1);
    let (_, html) = app.page_as(&moderator, "/verwaltung/moderation").await;
    assert!(html.contains("automatisch ausgeblendet"));

    // "Keep" shows it again and dismisses the reports; the author is told.
    let keep = decide(&app, &moderator, &[&item], "keep", "no_violation", "").await;
    assert_eq!(
        keep.status().as_u16(),
        200,
        "{}",
        keep.text().await.unwrap()
    );
    assert_eq!(hidden().await, 0);
    assert_eq!(app.queued_mails_to(&author.email).await, 2);
    let again = decide(&app, &moderator, &[&item], "hide", "offensive", "").await;
    assert_eq!(
        again.status().as_u16(),
        200,
        "kept content may still be hidden later"
    );
}

#[tokio::test]
async fn a_confirmed_automatic_hide_closes_the_reports_and_staff_content_is_never_hidden_automatically(
) {
    let app = spawn_app().await;
    let (_, _, idea, item) = rude_comment(&app).await;
    let (_, staff_client) = app.signed_in(Role::Moderator).await;
    let staff_comment =
        comment_id(&app, &staff_client, idea, None, "Auskunft der Verwaltung").await;
    let staff_item = format!("kommentar-{staff_comment}");
    let mut reporters = Vec::new();
    for _ in 0..2 {
        reporters.push(app.create_user(Role::Business, true).await);
    }
    app.clock.advance(chrono::Duration::days(2));
    let state = state_with_auto_hide(&app, 2).await;
    for reporter in &reporters {
        report_via_flow(&app, &state, reporter, &staff_item)
            .await
            .unwrap();
        report_via_flow(&app, &state, reporter, &item)
            .await
            .unwrap();
    }
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL AND id = {staff_comment}"
        ))
        .await,
        0
    );
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let confirm = decide(&app, &moderator, &[&item], "hide", "offensive", "").await;
    assert_eq!(confirm.status().as_u16(), 200);
    let twice = decide(&app, &moderator, &[&item], "hide", "offensive", "").await;
    assert_eq!(validation_error(twice, "form").await, "AlreadyDecided");
    assert_eq!(
        app.scalar("SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL")
            .await,
        1
    );
}

#[tokio::test]
async fn concurrent_reports_around_the_threshold_hide_once() {
    let app = spawn_app().await;
    let (author, _, _, item) = rude_comment(&app).await;
    let mut reporters = Vec::new();
    for _ in 0..5 {
        reporters.push(app.create_user(Role::Citizen, true).await);
    }
    app.clock.advance(chrono::Duration::days(2));
    let state = state_with_auto_hide(&app, 3).await;
    let results = futures::future::join_all(
        reporters
            .iter()
            .map(|reporter| report_via_flow(&app, &state, reporter, &item)),
    )
    .await;
    // Reports that arrive once it is hidden find nothing to report.
    let filed = results.iter().filter(|r| r.is_ok()).count();
    assert!(
        filed >= 3
            && results
                .iter()
                .all(|r| matches!(r, Ok(_) | Err(stadtlabor::error::AppError::NotFound))),
        "{results:?}"
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_log WHERE action = 'hide'")
            .await,
        1
    );
    assert_eq!(app.queued_mails_to(&author.email).await, 1);
}

/// The id of the newest hide in the log.
async fn hide_log_id(app: &TestApp) -> i64 {
    app.scalar("SELECT max(id) FROM moderation_log WHERE action = 'hide'")
        .await
}

#[tokio::test]
async fn the_author_objects_once_and_another_moderator_decides() {
    let app = spawn_app().await;
    let (author, author_client, idea, item) = rude_comment(&app).await;
    let (_, first) = app.signed_in(Role::Moderator).await;
    let hide = decide(
        &app,
        &first,
        &[&item],
        "hide",
        "offensive",
        "Bitte sachlich bleiben.",
    )
    .await;
    assert_eq!(hide.status().as_u16(), 200);
    let log_id = hide_log_id(&app).await.to_string();

    // The notice links to the objection form.
    let (_, html) = app.page_as(&author_client, "/benachrichtigungen").await;
    assert!(html.contains(&format!("/widerspruch/{log_id}")));
    let (status, html) = app
        .page_as(&author_client, &format!("/widerspruch/{log_id}"))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Widerspruch senden") && html.contains("Bitte sachlich bleiben."));

    let object = |client: reqwest::Client, body: String| {
        let log_id = log_id.clone();
        let address = app.address.clone();
        async move {
            post_as(
                &client,
                &address,
                "moderation/object",
                &[("log_id", log_id.as_str()), ("body", body.as_str())],
            )
            .await
        }
    };
    let empty = object(author_client.clone(), "  ".into()).await;
    assert_eq!(validation_error(empty, "body").await, "Required");
    let long = object(author_client.clone(), "x".repeat(2_001)).await;
    assert_eq!(
        validation_error(long, "body").await,
        serde_json::json!({"TooLong": {"max": 2000}})
    );
    let (_, stranger) = app.signed_in(Role::Citizen).await;
    let foreign = object(stranger, "Ich widerspreche für andere.".into()).await;
    assert_eq!(foreign.status().as_u16(), 404);
    let filed = object(
        author_client.clone(),
        "Das war Ironie, keine Beleidigung.".into(),
    )
    .await;
    assert_eq!(filed.status().as_u16(), 200);
    let twice = object(author_client.clone(), "Noch einmal.".into()).await;
    assert_eq!(validation_error(twice, "body").await, "AlreadyObjected");

    // The moderator who decided may not decide the objection; another one may.
    let list: serde_json::Value = post_as(&first, &app.address, "moderation/objections", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["viewer_may_decide"], false);
    let objection_id = list[0]["id"].to_string();
    let form = |outcome: &'static str| {
        vec![
            ("objection_id", objection_id.clone()),
            ("outcome", outcome.to_owned()),
            ("rule", "no_violation".to_owned()),
            ("reason", "Im Zusammenhang als Ironie erkennbar.".to_owned()),
        ]
    };
    let send = |client: reqwest::Client, form: Vec<(&'static str, String)>| {
        let address = app.address.clone();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_as(&client, &address, "moderation/decide-objection", &form).await
        }
    };
    let own = send(first.clone(), form("grant")).await;
    assert_eq!(validation_error(own, "form").await, "ConflictOfInterest");
    let (_, second) = app.signed_in(Role::Moderator).await;
    let (_, html) = app.page_as(&second, "/verwaltung/moderation").await;
    assert!(
        html.contains("Das war Ironie, keine Beleidigung.") && html.contains("Offene Widersprüche")
    );
    let bad = send(second.clone(), form("maybe")).await;
    assert_eq!(validation_error(bad, "outcome").await, "Invalid");
    let granted = send(second.clone(), form("grant")).await;
    assert_eq!(
        granted.status().as_u16(),
        200,
        "{}",
        granted.text().await.unwrap()
    );
    let again = send(second.clone(), form("uphold")).await;
    assert_eq!(validation_error(again, "form").await, "AlreadyDecided");

    // The comment is back, and the author is told.
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(html.contains("Ihr seid alle Idioten."));
    let (_, html) = app.page_as(&author_client, "/benachrichtigungen").await;
    assert!(html.contains("Ihr Widerspruch war erfolgreich"));
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM outbox WHERE recipient_email = '{}' AND kind = 'moderation_objection'",
            author.email
        ))
        .await,
        1
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_log WHERE action IN ('objection', 'objection_granted')")
            .await,
        2
    );
}
