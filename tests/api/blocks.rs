//! Blocking accounts: at once, with reasons, without evasion, ending by itself; and who may.

use crate::helpers::{browser_client, post_as, spawn_app, TestApp, TestUser};
use crate::participation::{comment_id, idea_by_new_author, validation_error};
use stadtlabor::domain::accounts::Role;

async fn block(
    app: &TestApp,
    client: &reqwest::Client,
    user: i64,
    duration: &str,
    hide_content: bool,
) -> reqwest::Response {
    let user = user.to_string();
    let mut form = vec![
        ("user_id", user.as_str()),
        ("rule", "offensive"),
        ("reason", "Wiederholte Beleidigungen anderer."),
        ("duration", duration),
    ];
    if hide_content {
        form.push(("hide_content", "on"));
    }
    post_as(client, &app.address, "moderation/block", &form).await
}

async fn login(app: &TestApp, user: &TestUser) -> reqwest::Response {
    post_as(
        &browser_client(),
        &app.address,
        "accounts/login",
        &[("email", &user.email), ("password", &user.password)],
    )
    .await
}

async fn signed_in_as(app: &TestApp, client: &reqwest::Client) -> bool {
    let user: serde_json::Value = post_as(client, &app.address, "accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    !user.is_null()
}

#[tokio::test]
async fn a_block_ends_the_sessions_refuses_login_and_registration_and_ends_by_itself() {
    let app = spawn_app().await;
    let (_, _, idea) = idea_by_new_author(&app, "Bessere Busanbindung").await;
    let (person, person_client) = app.signed_in(Role::Citizen).await;
    comment_id(&app, &person_client, idea, None, "Ich folge dieser Idee.").await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;

    let response = block(&app, &moderator, person.id, "7", false).await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
    // At once: the running session is over, the next call is refused.
    assert!(!signed_in_as(&app, &person_client).await);
    let refused = post_as(
        &person_client,
        &app.address,
        "comments/create",
        &[
            ("idea_id", &idea.to_string()),
            ("body", "Noch ein Kommentar"),
        ],
    )
    .await;
    assert_eq!(refused.status().as_u16(), 401);
    // Logging in shows the block's reasons instead of the account.
    let response = login(&app, &person).await;
    assert_eq!(response.status().as_u16(), 403);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["Blocked"]["rule"], "Offensive");
    assert_eq!(
        body["Blocked"]["reason"],
        "Wiederholte Beleidigungen anderer."
    );
    assert!(body["Blocked"]["until"].is_string());
    // The statement of reasons went out; notifications do not.
    let mails_before = app.queued_mails_to(&person.email).await;
    assert_eq!(mails_before, 1);
    let (_, other) = app.signed_in(Role::Citizen).await;
    comment_id(&app, &other, idea, None, "Ein Kommentar für die Folgenden").await;
    assert_eq!(app.queued_mails_to(&person.email).await, mails_before);
    // No new account with the same address or an alias of it.
    let alias = person.email.replace('@', "+neu@").to_uppercase();
    let started = crate::accounts::ten_seconds_ago();
    let register = post_as(
        &browser_client(),
        &app.address,
        "accounts/register",
        &crate::accounts::registration(&alias, &started),
    )
    .await;
    assert_eq!(
        validation_error(register, "email").await,
        "RegistrationRefused"
    );
    // Reading stays possible.
    assert_eq!(
        app.page_as(&person_client, &format!("/ideen/{idea}"))
            .await
            .0,
        200
    );

    // Seven days later the block is over.
    app.clock
        .advance(chrono::Duration::days(7) + chrono::Duration::minutes(1));
    let response = login(&app, &person).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM moderation_log WHERE action = 'unblock' \
             AND actor_id IS NULL AND subject_id = {}",
            person.id
        ))
        .await,
        1
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM users WHERE id = {} AND blocked_at IS NULL",
            person.id
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn the_scheduled_job_ends_blocks_whose_end_has_come() {
    use stadtlabor::server::blocks::end_expired_blocks;
    let app = spawn_app().await;
    let (person, _) = app.signed_in(Role::Business).await;
    let (endless, _) = app.signed_in(Role::Citizen).await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    assert_eq!(
        block(&app, &moderator, person.id, "1", false)
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        block(&app, &moderator, endless.id, "unbefristet", false)
            .await
            .status()
            .as_u16(),
        200
    );
    let state = app.state().await;
    assert_eq!(
        end_expired_blocks(&state, app.clock.now()).await.unwrap(),
        0
    );
    let later = app.clock.now() + chrono::Duration::days(2);
    assert_eq!(end_expired_blocks(&state, later).await.unwrap(), 1);
    assert_eq!(end_expired_blocks(&state, later).await.unwrap(), 0, "once");
    assert_eq!(
        app.scalar("SELECT count(*) FROM users WHERE blocked_at IS NOT NULL")
            .await,
        1,
        "the unlimited block runs on"
    );
}

#[tokio::test]
async fn block_and_hide_hides_everything_the_person_wrote() {
    let app = spawn_app().await;
    let (author, author_client, idea) = idea_by_new_author(&app, "Sperrige Idee").await;
    let (_, _, other_idea) = idea_by_new_author(&app, "Andere Idee").await;
    comment_id(&app, &author_client, other_idea, None, "Erster Kommentar").await;
    comment_id(&app, &author_client, other_idea, None, "Zweiter Kommentar").await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let response = block(&app, &moderator, author.id, "30", true).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(app.page(&format!("/ideen/{idea}")).await.0, 404);
    let (_, html) = app.page(&format!("/ideen/{other_idea}")).await;
    assert!(!html.contains("Erster Kommentar") && !html.contains("Zweiter Kommentar"));
    assert_eq!(
        app.scalar(&format!(
            "SELECT comment_count FROM ideas WHERE id = {other_idea}"
        ))
        .await,
        0
    );
    let mail = app
        .scalar_text(&format!(
            "SELECT body_text FROM outbox WHERE recipient_email = '{}' AND kind = 'moderation_block'",
            author.email
        ))
        .await;
    assert!(mail.contains("Ihre 3 Beiträge ausgeblendet"), "{mail}");
}

#[tokio::test]
async fn lifting_a_block_lets_the_person_back_in() {
    let app = spawn_app().await;
    let (person, _) = app.signed_in(Role::Citizen).await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;
    assert_eq!(
        block(&app, &moderator, person.id, "unbefristet", false)
            .await
            .status()
            .as_u16(),
        200
    );
    let (status, html) = app
        .page_as(
            &moderator,
            &format!("/verwaltung/benutzer/{}/sperren", person.id),
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("ist gesperrt") && html.contains("ohne zeitliche Begrenzung"));
    let id = person.id.to_string();
    let lift = post_as(
        &moderator,
        &app.address,
        "moderation/unblock",
        &[("user_id", id.as_str()), ("rule", "no_violation")],
    )
    .await;
    assert_eq!(lift.status().as_u16(), 200);
    assert_eq!(login(&app, &person).await.status().as_u16(), 200);
    assert_eq!(
        app.queued_mails_to(&person.email).await,
        2,
        "blocked, lifted"
    );
    let again = post_as(
        &moderator,
        &app.address,
        "moderation/unblock",
        &[("user_id", id.as_str()), ("rule", "no_violation")],
    )
    .await;
    assert_eq!(validation_error(again, "form").await, "AlreadyDecided");
}

#[tokio::test]
async fn only_staff_block_nobody_blocks_themselves_and_only_admins_block_staff() {
    let app = spawn_app().await;
    let (citizen, citizen_client) = app.signed_in(Role::Citizen).await;
    let (_, business) = app.signed_in(Role::Business).await;
    let (moderator, moderator_client) = app.signed_in(Role::Moderator).await;
    let (other_moderator, _) = app.signed_in(Role::Moderator).await;
    let (admin, admin_client) = app.signed_in(Role::Admin).await;

    assert_eq!(
        block(&app, &browser_client(), citizen.id, "7", false)
            .await
            .status()
            .as_u16(),
        401
    );
    for client in [&citizen_client, &business] {
        assert_eq!(
            block(&app, client, citizen.id, "7", false)
                .await
                .status()
                .as_u16(),
            403
        );
    }
    let own = block(&app, &moderator_client, moderator.id, "7", false).await;
    assert_eq!(validation_error(own, "form").await, "NotAllowed");
    let own = block(&app, &admin_client, admin.id, "7", false).await;
    assert_eq!(validation_error(own, "form").await, "NotAllowed");
    for staff in [other_moderator.id, admin.id] {
        let response = block(&app, &moderator_client, staff, "7", false).await;
        assert_eq!(response.status().as_u16(), 403);
    }
    let bad = block(&app, &moderator_client, citizen.id, "365", false).await;
    assert_eq!(validation_error(bad, "duration").await, "Invalid");
    let missing = block(&app, &moderator_client, 999_999, "7", false).await;
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(
        app.scalar("SELECT count(*) FROM users WHERE blocked_at IS NOT NULL")
            .await,
        0,
        "nothing refused changed anything"
    );
    let by_admin = block(&app, &admin_client, other_moderator.id, "1", false).await;
    assert_eq!(by_admin.status().as_u16(), 200);
    let twice = block(&app, &admin_client, other_moderator.id, "1", false).await;
    assert_eq!(validation_error(twice, "form").await, "AlreadyDecided");
    // The block form is for staff only.
    let form = format!("/verwaltung/benutzer/{}/sperren", citizen.id);
    let (_, html) = app.page_as(&citizen_client, &form).await;
    assert!(html.contains("Diese Seite ist der Verwaltung vorbehalten."));
}
