//! Pre-moderation: with `STADTLABOR_PREMODERATION_FIRST` the first contributions of an
//! account wait for staff, seen by nobody but their author; a very first contribution with
//! more than two links always waits. Approving shows it everywhere and announces it as the
//! publication would have; hiding keeps it hidden with a statement of reasons.

use crate::helpers::{browser_client, post_as, spawn_app, spawn_app_with_settings, TestApp};
use crate::participation::{comment, submitted_idea, validation_error};
use stadtlabor::domain::accounts::Role;

async fn decide(
    app: &TestApp,
    staff: &reqwest::Client,
    item: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let mut all = vec![("item", item)];
    all.extend_from_slice(form);
    post_as(staff, &app.address, "moderation/decide-held", &all).await
}

async fn held(app: &TestApp, staff: &reqwest::Client) -> Vec<serde_json::Value> {
    let response = post_as(staff, &app.address, "moderation/held", &[]).await;
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_first_contributions_wait_for_approval_and_are_announced_once_approved() {
    let app = spawn_app_with_settings(&[("STADTLABOR_PREMODERATION_FIRST", "2")]).await;
    let (idea_author, staff_author) = app.signed_in(Role::Moderator).await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    // Staff never wait.
    let idea = submitted_idea(&app, &staff_author, "Busse am Sonntag", "Bitte öfter.").await;
    let (newcomer, client) = app.signed_in(Role::Citizen).await;

    let response = comment(
        &app,
        &client,
        idea,
        None,
        "Sehr gute Idee, ich fahre jeden Sonntag.",
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let comment_id = app
        .scalar(&format!(
            "SELECT id FROM comments WHERE author_id = {}",
            newcomer.id
        ))
        .await;
    // Nobody else sees it, it does not count, nobody was told.
    let (_, page) = app
        .page_as(&browser_client(), &format!("/ideen/{idea}"))
        .await;
    assert!(!page.contains("ich fahre jeden Sonntag"));
    assert!(
        !page.contains("ausgeblendet"),
        "no placeholder for what never appeared"
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT comment_count FROM ideas WHERE id = {idea}"
        ))
        .await,
        0
    );
    let announced = format!(
        "SELECT count(*) FROM notifications WHERE user_id = {} AND comment_id = {comment_id}",
        idea_author.id
    );
    assert_eq!(app.scalar(&announced).await, 0);
    // Its author sees it, marked as waiting, without a reply form under it.
    let (_, own) = app.page_as(&client, &format!("/ideen/{idea}")).await;
    assert!(own.contains("ich fahre jeden Sonntag"));
    assert!(own.contains("wartet auf Freigabe"));
    // The queue lists it; the header counts it.
    let waiting = held(&app, &moderator).await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        waiting[0]["text"],
        "Sehr gute Idee, ich fahre jeden Sonntag."
    );
    let (_, queue) = app.page_as(&moderator, "/verwaltung/moderation").await;
    assert!(queue.contains("Wartet auf Freigabe"));
    assert!(queue.contains("1 offen"), "the header counts it");

    // Approved: everyone sees it, it counts, the idea's author hears of it, it is logged,
    // and its author is told.
    let item = format!("kommentar-{comment_id}");
    let response = decide(&app, &moderator, &item, &[("decision", "approve")]).await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, page) = app
        .page_as(&browser_client(), &format!("/ideen/{idea}"))
        .await;
    assert!(page.contains("ich fahre jeden Sonntag"));
    assert_eq!(
        app.scalar(&format!(
            "SELECT comment_count FROM ideas WHERE id = {idea}"
        ))
        .await,
        1
    );
    assert_eq!(app.scalar(&announced).await, 1);
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM moderation_log WHERE action = 'approve' \
              AND comment_id = {comment_id}"
        ))
        .await,
        1
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM moderation_notices WHERE user_id = {}",
            newcomer.id
        ))
        .await,
        1
    );
    assert!(held(&app, &moderator).await.is_empty());
    // Deciding it again: decided.
    let response = decide(&app, &moderator, &item, &[("decision", "approve")]).await;
    assert_eq!(validation_error(response, "form").await, "AlreadyDecided");

    // The second contribution waits too, the third does not.
    let second = submitted_idea(&app, &client, "Radweg", "Ein Radweg nach Werl.").await;
    let (status, _) = app
        .page_as(&browser_client(), &format!("/ideen/{second}"))
        .await;
    assert_eq!(status, 404);
    let (_, own) = app.page_as(&client, &format!("/ideen/{second}")).await;
    assert!(own.contains("wartet auf Freigabe durch die Moderation"));
    let third = submitted_idea(&app, &client, "Carsharing", "Carsharing am Bahnhof.").await;
    let (status, _) = app
        .page_as(&browser_client(), &format!("/ideen/{third}"))
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_very_first_contribution_with_many_links_waits_even_without_pre_moderation() {
    let app = spawn_app().await;
    let (author, client) = app.signed_in(Role::Citizen).await;
    let spam = "Billig: https://a.example/1 https://b.example/2 www.c.example";
    let idea = submitted_idea(&app, &client, "Sonderposten Quxal", spam).await;
    let (status, _) = app
        .page_as(&browser_client(), &format!("/ideen/{idea}"))
        .await;
    assert_eq!(status, 404);
    let (_, list) = app.page("/ideen").await;
    assert!(!list.contains("Quxal"));
    let (_, search) = app.page("/ideen?q=Billig").await;
    assert!(!search.contains("Quxal"));
    // Two links are fine; so are many once the account has written something.
    let later = submitted_idea(&app, &client, "Noch eins", spam).await;
    let (status, _) = app
        .page_as(&browser_client(), &format!("/ideen/{later}"))
        .await;
    assert_eq!(status, 200);

    // Bad decisions change nothing: no decision, a hide without a rule.
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let item = format!("idee-{idea}");
    let response = decide(&app, &moderator, &item, &[("decision", "löschen")]).await;
    assert_eq!(validation_error(response, "decision").await, "Required");
    let response = decide(&app, &moderator, &item, &[("decision", "hide")]).await;
    assert_eq!(validation_error(response, "rule").await, "Invalid");
    assert_eq!(held(&app, &moderator).await.len(), 1);

    // Hidden with a reason: it stays hidden, is no longer waiting, the author gets the
    // statement of reasons.
    let response = decide(
        &app,
        &moderator,
        &item,
        &[
            ("decision", "hide"),
            ("rule", "spam"),
            ("reason", "Werbung."),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(held(&app, &moderator).await.is_empty());
    let (status, _) = app
        .page_as(&browser_client(), &format!("/ideen/{idea}"))
        .await;
    assert_eq!(status, 404);
    let (_, own) = app.page_as(&client, &format!("/ideen/{idea}")).await;
    assert!(!own.contains("wartet auf Freigabe"));
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM outbox WHERE recipient_email = '{}' \
              AND subject = 'Ihr Beitrag wurde ausgeblendet'",
            author.email
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn two_moderators_approving_at_the_same_moment_count_and_announce_it_once() {
    let app = spawn_app_with_settings(&[("STADTLABOR_PREMODERATION_FIRST", "1")]).await;
    let (idea_author, staff_author) = app.signed_in(Role::Admin).await;
    let idea = submitted_idea(&app, &staff_author, "Bänke am Markt", "Mehr Bänke.").await;
    let (newcomer, client) = app.signed_in(Role::Business).await;
    let response = comment(&app, &client, idea, None, "Wir spenden zwei Bänke.").await;
    assert_eq!(response.status().as_u16(), 200);
    let comment_id = app
        .scalar(&format!(
            "SELECT id FROM comments WHERE author_id = {}",
            newcomer.id
        ))
        .await;
    let item = format!("kommentar-{comment_id}");
    let (_, first) = app.signed_in(Role::Moderator).await;
    let (_, second) = app.signed_in(Role::Moderator).await;
    let (a, b) = tokio::join!(
        decide(&app, &first, &item, &[("decision", "approve")]),
        decide(&app, &second, &item, &[("decision", "approve")]),
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 422]);
    assert_eq!(
        app.scalar(&format!(
            "SELECT comment_count FROM ideas WHERE id = {idea}"
        ))
        .await,
        1
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_log WHERE action = 'approve'")
            .await,
        1
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM notifications WHERE user_id = {} AND comment_id = {comment_id}",
            idea_author.id
        ))
        .await,
        1
    );
}
