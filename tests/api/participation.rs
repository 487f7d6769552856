//! Comments, supports, following, notifications, digests and unsubscribing.

use crate::helpers::{post_as, spawn_app, with_pool, TestApp, TestUser, BASE_URL};
use stadtlabor::domain::accounts::Role;
use stadtlabor::server::db::votes;

/// A verified citizen's idea in the Big-Bird project; returns the author, their client and
/// the idea's id.
pub(crate) async fn idea_by_new_author(
    app: &TestApp,
    title: &str,
) -> (TestUser, reqwest::Client, i64) {
    let (author, client) = app.signed_in(Role::Citizen).await;
    let id = submitted_idea(app, &client, title, "Bitte prüfen.").await;
    (author, client, id)
}

/// Submits an idea in the demo project as `client`; it must succeed. Returns its id.
pub(crate) async fn submitted_idea(
    app: &TestApp,
    client: &reqwest::Client,
    title: &str,
    body: &str,
) -> i64 {
    let response = post_as(
        client,
        &app.address,
        "ideas/create",
        &[
            ("title", title),
            ("body", body),
            ("category", "mobilitaet"),
            ("project", "big-bird-westfalen"),
        ],
    )
    .await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
    location(&response)
        .trim_start_matches("/ideen/")
        .parse()
        .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// Posts a comment (or reply) as `client`; returns the response.
pub(crate) async fn comment(
    app: &TestApp,
    client: &reqwest::Client,
    idea: i64,
    parent: Option<i64>,
    body: &str,
) -> reqwest::Response {
    let idea = idea.to_string();
    let parent = parent.map(|p| p.to_string());
    let mut form = vec![("idea_id", idea.as_str()), ("body", body)];
    if let Some(parent) = &parent {
        form.push(("parent_id", parent));
    }
    post_as(client, &app.address, "comments/create", &form).await
}

/// Posts a comment that must succeed; returns its id (from the redirect's anchor).
pub(crate) async fn comment_id(
    app: &TestApp,
    client: &reqwest::Client,
    idea: i64,
    parent: Option<i64>,
    body: &str,
) -> i64 {
    let response = comment(app, client, idea, parent, body).await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap()
    );
    location(&response)
        .rsplit("#kommentar-")
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub(crate) async fn validation_error(
    response: reqwest::Response,
    field: &str,
) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    body["Validation"]["errors"][field].clone()
}

/// A new comment is refused as "DiscussionClosed" and the idea page gives `why`.
async fn assert_discussion_closed(app: &TestApp, client: &reqwest::Client, idea: i64, why: &str) {
    assert_eq!(
        validation_error(comment(app, client, idea, None, "Noch was").await, "body").await,
        "DiscussionClosed"
    );
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(html.contains(why), "{why}");
}

async fn stored_count(app: &TestApp, sql: &str, id: i64) -> i64 {
    with_pool!(&app.db, pool => {
        sqlx::query_scalar::<_, i64>(sql).bind(id).fetch_one(pool).await.unwrap()
    })
}

#[tokio::test]
async fn verified_people_discuss_in_threads_and_edit_or_delete_their_own_comments() {
    let app = spawn_app().await;
    let (_author, author_client, idea) = idea_by_new_author(&app, "Sitzbänke am Markt").await;
    let (_, citizen_client) = app.signed_in(Role::Citizen).await;

    let first = comment_id(&app, &citizen_client, idea, None, "Gute **Idee**!").await;
    let reply = comment_id(&app, &author_client, idea, Some(first), "Danke!").await;
    let deeper = comment_id(&app, &citizen_client, idea, Some(reply), "Gern.").await;
    // Below the third level replies join it: same parent as the comment answered.
    let deepest = comment_id(&app, &author_client, idea, Some(deeper), "Noch eins.").await;
    let parent_of = |id: i64| {
        let db = app.db.clone();
        async move {
            with_pool!(&db, pool => {
                sqlx::query_scalar::<_, Option<i64>>("SELECT parent_id FROM comments WHERE id = $1")
                    .bind(id)
                    .fetch_one(pool)
                    .await
                    .unwrap()
            })
        }
    };
    assert_eq!(parent_of(deeper).await, Some(reply));
    assert_eq!(parent_of(deepest).await, Some(reply));

    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(html.contains("Gute <strong>Idee</strong>!"));
    assert!(html.contains(&format!("id=\"kommentar-{first}\"")));
    assert!(html.contains("4 Kommentare"));
    // The markdown source goes only to its author (for the edit form), never to others.
    assert!(
        !html.contains("Gute **Idee**!"),
        "anonymous readers get the rendering only"
    );
    let page_for = |client: &reqwest::Client| {
        let request = client.get(format!("{}/ideen/{idea}", app.address));
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let own_page = page_for(&citizen_client).await;
    assert!(own_page.contains(&format!("id=\"bearbeiten-{first}\"")));
    assert!(own_page.contains("Gute **Idee**!"));
    let others_page = page_for(&author_client).await;
    assert!(!others_page.contains(&format!("id=\"bearbeiten-{first}\"")));
    assert!(!others_page.contains("Gute **Idee**!"));
    // Comments stored before their rendering was (migration 0005) are rendered on reading.
    app.execute(&format!(
        "UPDATE comments SET body_html = '' WHERE id = {deeper}"
    ))
    .await;
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(html.contains("<p>Gern.</p>"));

    // Edit: marked as edited. Others may neither edit nor delete it.
    let first_text = first.to_string();
    let edit = post_as(
        &citizen_client,
        &app.address,
        "comments/update",
        &[("id", &first_text), ("body", "Sehr gute Idee!")],
    )
    .await;
    assert_eq!(edit.status().as_u16(), 200);
    for endpoint in ["comments/update", "comments/delete"] {
        let response = post_as(
            &author_client,
            &app.address,
            endpoint,
            &[("id", &first_text), ("body", "Fremd")],
        )
        .await;
        assert_eq!(response.status().as_u16(), 403, "{endpoint}");
    }
    let delete = post_as(
        &citizen_client,
        &app.address,
        "comments/delete",
        &[("id", &first_text)],
    )
    .await;
    assert_eq!(delete.status().as_u16(), 200);
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(!html.contains("Sehr gute Idee!"), "the text is gone");
    assert!(html.contains("Dieser Kommentar wurde gelöscht."));
    assert!(html.contains("Danke!"), "the thread stays");
    assert!(html.contains("3 Kommentare"));
    assert_eq!(
        stored_count(&app, "SELECT comment_count FROM ideas WHERE id = $1", idea).await,
        3
    );
    // A deleted comment cannot be edited back.
    let revive = post_as(
        &citizen_client,
        &app.address,
        "comments/update",
        &[("id", &first_text), ("body", "Wieder da")],
    )
    .await;
    assert_eq!(revive.status().as_u16(), 422);
}

#[tokio::test]
async fn comments_need_a_verified_account_an_open_idea_and_sane_input() {
    let app = spawn_app().await;
    let (_author, author_client, idea) = idea_by_new_author(&app, "Leihfahrräder").await;
    let idea_text = idea.to_string();
    let anonymous = app
        .post(
            "comments/create",
            &[("idea_id", &idea_text), ("body", "Hallo")],
        )
        .await;
    assert_eq!(anonymous.status().as_u16(), 401);
    let unverified = app.create_user(Role::Citizen, false).await;
    let client = app.client_for(&unverified).await;
    assert_eq!(
        comment(&app, &client, idea, None, "Hallo")
            .await
            .status()
            .as_u16(),
        403
    );
    for role in [Role::Citizen, Role::Business, Role::Moderator, Role::Admin] {
        let user = app.create_user(role, true).await;
        let client = app.client_for(&user).await;
        comment_id(&app, &client, idea, None, &format!("Beitrag {role:?}")).await;
    }
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(
        html.contains("Tischlerei Test"),
        "business accounts show the organisation"
    );
    assert!(html.contains("Verwaltung"), "staff carry the badge");

    let (_, client) = app.signed_in(Role::Citizen).await;
    assert_eq!(
        validation_error(comment(&app, &client, idea, None, "  ").await, "body").await,
        "Required"
    );
    let long = "x".repeat(5_001);
    assert_eq!(
        validation_error(comment(&app, &client, idea, None, &long).await, "body").await["TooLong"]
            ["max"],
        5000
    );
    assert_eq!(
        comment(&app, &client, 999_999, None, "Hallo")
            .await
            .status()
            .as_u16(),
        404
    );
    // A reply must answer a comment of the same idea.
    let (_, _, other_idea) = idea_by_new_author(&app, "Andere Idee").await;
    let elsewhere = comment_id(&app, &client, other_idea, None, "Dort").await;
    assert_eq!(
        validation_error(
            comment(&app, &client, idea, Some(elsewhere), "Hier").await,
            "parent_id"
        )
        .await,
        "Invalid"
    );
    assert_eq!(
        validation_error(
            comment(&app, &client, idea, Some(987_654), "Hier").await,
            "parent_id"
        )
        .await,
        "Invalid"
    );

    // Hostile markdown is rendered harmless.
    comment_id(
        &app,
        &client,
        idea,
        None,
        "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>",
    )
    .await;
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        !html.contains("href=\"javascript:"),
        "never a live javascript: link"
    );
    assert!(!html.contains("<img src=\"x\" onerror"));

    // Withdrawn: the discussion is closed and says so.
    let withdraw = post_as(
        &author_client,
        &app.address,
        "ideas/withdraw",
        &[("id", &idea_text)],
    )
    .await;
    assert_eq!(withdraw.status().as_u16(), 200);
    assert_discussion_closed(
        &app,
        &client,
        idea,
        "Die Idee wurde zurückgezogen. Die Diskussion ist geschlossen.",
    )
    .await;
}

#[tokio::test]
async fn hidden_ideas_take_no_comments_supports_or_follows() {
    let app = spawn_app().await;
    let (_author, _client, idea) = idea_by_new_author(&app, "Versteckt").await;
    app.execute(&format!(
        "UPDATE ideas SET hidden_at = created_at WHERE id = {idea}"
    ))
    .await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    assert_eq!(
        comment(&app, &client, idea, None, "Hallo")
            .await
            .status()
            .as_u16(),
        404
    );
    let idea_text = idea.to_string();
    for (endpoint, form) in [
        (
            "votes/set",
            vec![("idea_id", idea_text.as_str()), ("support", "true")],
        ),
        (
            "follows/idea",
            vec![("idea_id", idea_text.as_str()), ("follow", "true")],
        ),
    ] {
        let response = post_as(&client, &app.address, endpoint, &form).await;
        assert_eq!(response.status().as_u16(), 404, "{endpoint}");
    }
    assert_eq!(votes::count_votes(&app.db, idea).await.unwrap(), 0);
}

#[tokio::test]
async fn comments_on_ideas_of_completed_projects_are_closed() {
    let app = spawn_app().await;
    let (_author, _client, idea) = idea_by_new_author(&app, "Abgeschlossen").await;
    app.execute("UPDATE projects SET phase = 'completed' WHERE slug = 'big-bird-westfalen'")
        .await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    assert_discussion_closed(
        &app,
        &client,
        idea,
        "Das Projekt ist abgeschlossen. Die Diskussion ist geschlossen.",
    )
    .await;
}

#[tokio::test]
async fn more_than_ten_comments_a_minute_are_refused_with_a_german_message() {
    let app = spawn_app().await;
    let (_author, _client, idea) = idea_by_new_author(&app, "Viel zu sagen").await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    for n in 0..10 {
        comment_id(&app, &client, idea, None, &format!("Punkt {n}")).await;
    }
    let refused = comment(&app, &client, idea, None, "Punkt 11").await;
    assert_eq!(refused.status().as_u16(), 429);
    let body = refused.text().await.unwrap();
    assert!(body.contains("RateLimited"), "{body}");
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(!html.contains("Punkt 11"));
    assert!(html.contains("10 Kommentare"));
}

#[tokio::test]
async fn supports_count_once_per_person_never_for_the_author_and_can_be_taken_back() {
    let app = spawn_app().await;
    let (_author, author_client, idea) = idea_by_new_author(&app, "Unterstützenswert").await;
    let idea_text = idea.to_string();
    let vote = |client: reqwest::Client, support: &'static str| {
        let address = app.address.clone();
        let idea_text = idea_text.clone();
        async move {
            post_as(
                &client,
                &address,
                "votes/set",
                &[("idea_id", &idea_text), ("support", support)],
            )
            .await
        }
    };
    assert_eq!(
        app.post("votes/set", &[("idea_id", &idea_text), ("support", "true")])
            .await
            .status()
            .as_u16(),
        401
    );
    let unverified = app.create_user(Role::Citizen, false).await;
    assert_eq!(
        vote(app.client_for(&unverified).await, "true")
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        validation_error(vote(author_client.clone(), "true").await, "vote").await,
        "OwnIdea"
    );
    let (_, client) = app.signed_in(Role::Business).await;
    assert_eq!(vote(client.clone(), "true").await.status().as_u16(), 200);
    assert_eq!(
        vote(client.clone(), "true").await.status().as_u16(),
        200,
        "a second tab"
    );
    assert_eq!(votes::count_votes(&app.db, idea).await.unwrap(), 1);
    assert_eq!(
        stored_count(&app, "SELECT vote_count FROM ideas WHERE id = $1", idea).await,
        1
    );
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(html.contains("1 Unterstützung"));
    assert_eq!(vote(client.clone(), "false").await.status().as_u16(), 200);
    assert_eq!(vote(client.clone(), "false").await.status().as_u16(), 200);
    assert_eq!(
        stored_count(&app, "SELECT vote_count FROM ideas WHERE id = $1", idea).await,
        0
    );
    let wrong_type = vote(client.clone(), "vielleicht").await;
    assert!(
        wrong_type.status().is_client_error(),
        "{}",
        wrong_type.status()
    );
    assert_eq!(votes::count_votes(&app.db, idea).await.unwrap(), 0);
}

#[tokio::test]
async fn concurrent_supports_neither_get_lost_nor_count_twice() {
    let app = spawn_app().await;
    let (_author, _client, idea) = idea_by_new_author(&app, "Beliebt").await;
    let idea_text = idea.to_string();
    let mut clients = Vec::new();
    for _ in 0..8 {
        let user = app.create_user(Role::Citizen, true).await;
        clients.push(app.client_for(&user).await);
    }
    // Every person clicks twice at once (two tabs), all at the same time.
    let requests = clients.iter().flat_map(|client| {
        [client.clone(), client.clone()].map(|client| {
            let address = app.address.clone();
            let idea_text = idea_text.clone();
            async move {
                post_as(
                    &client,
                    &address,
                    "votes/set",
                    &[("idea_id", &idea_text), ("support", "true")],
                )
                .await
                .status()
                .as_u16()
            }
        })
    });
    let statuses = futures_join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    assert_eq!(votes::count_votes(&app.db, idea).await.unwrap(), 8);
    assert_eq!(
        stored_count(&app, "SELECT vote_count FROM ideas WHERE id = $1", idea).await,
        8
    );
}

/// Runs the futures concurrently on the test's runtime and collects their outputs in order.
async fn futures_join_all<F: std::future::Future<Output = u16> + Send + 'static>(
    futures: impl IntoIterator<Item = F>,
) -> Vec<u16> {
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

#[tokio::test]
async fn a_project_limit_caps_supports_per_person_and_the_page_shows_what_is_left() {
    let app = spawn_app().await;
    app.execute("UPDATE projects SET support_limit = 1 WHERE slug = 'big-bird-westfalen'")
        .await;
    let (_, _, first) = idea_by_new_author(&app, "Erste").await;
    let (_, _, second) = idea_by_new_author(&app, "Zweite").await;
    let voter = app.create_user(Role::Citizen, true).await;
    app.log_in(&voter).await;
    let (_, html) = app.page(&format!("/ideen/{first}")).await;
    assert!(
        html.contains("Sie können in diesem Projekt noch 1 von 1 Ideen unterstützen."),
        "{html}"
    );
    let app = &app;
    let support = |id: i64| {
        let id = id.to_string();
        async move {
            app.post("votes/set", &[("idea_id", &id), ("support", "true")])
                .await
        }
    };
    assert_eq!(support(first).await.status().as_u16(), 200);
    assert_eq!(
        support(first).await.status().as_u16(),
        200,
        "again: not a new support"
    );
    let refused = validation_error(support(second).await, "vote").await;
    assert_eq!(refused["SupportLimitReached"]["limit"], 1);
    let (_, html) = app.page(&format!("/ideen/{second}")).await;
    assert!(html.contains("noch 0 von 1 Ideen"));
}

/// The mails `user` received so far whose subject contains `subject`.
async fn mails_about(
    app: &TestApp,
    user: &TestUser,
    subject: &str,
) -> Vec<crate::mail_server::ReceivedMail> {
    app.mail
        .all()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == &user.email) && m.subject.contains(subject))
        .collect()
}

#[tokio::test]
async fn events_notify_followers_supporters_and_repliers_but_never_the_actor() {
    let app = spawn_app().await;
    let (author, author_client, idea) = idea_by_new_author(&app, "Mehr Bänke").await;
    let (commenter, commenter_client) = app.signed_in(Role::Citizen).await;
    let (replier, replier_client) = app.signed_in(Role::Citizen).await;
    let (supporter, supporter_client) = app.signed_in(Role::Citizen).await;
    let bystander = app.create_user(Role::Citizen, true).await;

    let first = comment_id(&app, &commenter_client, idea, None, "Ja, bitte.").await;
    comment_id(&app, &replier_client, idea, Some(first), "Finde ich auch.").await;
    let idea_text = idea.to_string();
    post_as(
        &supporter_client,
        &app.address,
        "votes/set",
        &[("idea_id", &idea_text), ("support", "true")],
    )
    .await;
    app.drain_outbox().await;

    // The author follows their idea: two comments → two mails.
    assert_eq!(
        mails_about(&app, &author, "Neuer Kommentar zu „Mehr Bänke“")
            .await
            .len(),
        2
    );
    // The commenter follows by commenting and hears of the reply once, as a reply.
    assert_eq!(
        mails_about(&app, &commenter, "Antwort auf Ihren Kommentar")
            .await
            .len(),
        1
    );
    assert_eq!(
        mails_about(&app, &commenter, "Neuer Kommentar").await.len(),
        0
    );
    // Nobody hears of their own action; bystanders hear nothing.
    assert!(mails_about(&app, &replier, "")
        .await
        .iter()
        .all(|m| !m.subject.contains("Kommentar")));
    assert!(mails_about(&app, &bystander, "").await.is_empty());

    // Staff answer: author ("your idea"), commenter, replier, supporter; not the staff member.
    let (moderator, staff) = app.signed_in(Role::Moderator).await;
    let answer = post_as(
        &staff,
        &app.address,
        "ideas/change-status",
        &[
            ("id", &idea_text),
            ("status", "accepted"),
            ("answer", "Kommt."),
        ],
    )
    .await;
    assert_eq!(answer.status().as_u16(), 200);
    app.drain_outbox().await;
    assert_eq!(
        mails_about(&app, &author, "Ihre Idee „Mehr Bänke“: Angenommen")
            .await
            .len(),
        1
    );
    for person in [&commenter, &replier, &supporter] {
        assert_eq!(
            mails_about(&app, person, "„Mehr Bänke“: Angenommen")
                .await
                .len(),
            1
        );
    }
    assert!(mails_about(&app, &moderator, "").await.is_empty());

    // In the app: the commenter sees the reply and the status change, unread in the header.
    app.log_in(&commenter).await;
    let (_, html) = app.page("/benachrichtigungen").await;
    assert!(html.contains("hat auf Ihren Kommentar"));
    assert!(html.contains("neuen Status"));
    assert!(html.contains("2 ungelesene"), "{html}");
    let read = app.post("notifications/read", &[]).await;
    assert_eq!(read.status().as_u16(), 200);
    let (_, html) = app.page("/benachrichtigungen").await;
    assert!(!html.contains("ungelesene"));

    // A new idea in a followed project.
    let follow = post_as(
        &supporter_client,
        &app.address,
        "follows/project",
        &[("slug", "big-bird-westfalen"), ("follow", "true")],
    )
    .await;
    assert_eq!(follow.status().as_u16(), 200);
    post_as(
        &author_client,
        &app.address,
        "ideas/create",
        &[
            ("title", "Noch eine Idee"),
            ("body", "Text"),
            ("category", "mobilitaet"),
            ("project", "big-bird-westfalen"),
        ],
    )
    .await;
    app.drain_outbox().await;
    assert_eq!(
        mails_about(&app, &supporter, "Neue Idee im Projekt")
            .await
            .len(),
        1
    );
    assert!(mails_about(&app, &author, "Neue Idee im Projekt")
        .await
        .is_empty());
}

/// Sets `user`'s delivery for one kind through the preferences form.
pub(crate) async fn prefer(app: &TestApp, client: &reqwest::Client, comment_on_followed: &str) {
    let response = post_as(
        client,
        &app.address,
        "notifications/save-settings",
        &[
            ("deliveries[comment_on_followed]", comment_on_followed),
            ("deliveries[reply_to_comment]", "immediate"),
            ("deliveries[status_change]", "immediate"),
            ("deliveries[new_idea_in_project]", "immediate"),
            ("follow_on_comment", "on"),
            ("follow_on_vote", "on"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
}

#[tokio::test]
async fn digests_group_everything_once_per_period_at_the_berlin_hour() {
    use stadtlabor::server::notifications::send_due_digests;
    let app = spawn_app().await;
    let (author, author_client, idea) = idea_by_new_author(&app, "Gesammelt").await;
    prefer(&app, &author_client, "daily").await;
    let bad = post_as(
        &author_client,
        &app.address,
        "notifications/save-settings",
        &[
            ("deliveries[comment_on_followed]", "stündlich"),
            ("deliveries[reply_to_comment]", "daily"),
        ],
    )
    .await;
    assert_eq!(
        validation_error(bad, "deliveries[comment_on_followed]").await,
        "Invalid",
        "unknown choices change nothing"
    );
    let bad = post_as(
        &author_client,
        &app.address,
        "notifications/save-settings",
        &[("deliveries[hourly_news]", "daily")],
    )
    .await;
    assert_eq!(
        validation_error(bad, "deliveries[hourly_news]").await,
        "Invalid",
        "an unknown kind is refused"
    );
    let (_, client) = app.signed_in(Role::Citizen).await;
    comment_id(&app, &client, idea, None, "Erstens").await;
    comment_id(&app, &client, idea, None, "Zweitens").await;
    app.drain_outbox().await;
    assert!(
        mails_about(&app, &author, "Neuer Kommentar")
            .await
            .is_empty(),
        "not immediately"
    );

    let state = app.state().await;
    let at = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    // (Berlin is UTC+1 in January; digests are due from 07:00 local time.)
    let sends = |when: &'static str| {
        let state = &state;
        async move { send_due_digests(state, at(when)).await.unwrap() }
    };
    assert_eq!(sends("2030-01-08T05:59:00Z").await, 0, "06:59: not yet");
    assert_eq!(sends("2030-01-08T06:00:00Z").await, 1, "07:00: one digest");
    assert_eq!(
        sends("2030-01-08T06:01:00Z").await,
        0,
        "the same day again: nothing"
    );
    comment_id(&app, &client, idea, None, "Drittens").await;
    assert_eq!(sends("2030-01-08T20:00:00Z").await, 0, "once per day");
    assert_eq!(
        sends("2030-01-09T06:30:00Z").await,
        1,
        "next morning: the new comment"
    );
    assert_eq!(
        sends("2030-01-10T06:30:00Z").await,
        0,
        "nothing new, no mail"
    );
    // The digests were queued "in 2030": move the app's clock there; its worker delivers them.
    app.clock.set(at("2030-01-10T07:00:00Z"));
    app.drain_outbox().await;
    let digests = mails_about(&app, &author, "Ihre tägliche Zusammenfassung").await;
    assert_eq!(digests.len(), 2, "{digests:?}");
    // Both were delivered after the clock moved, in either order.
    let first = digests
        .iter()
        .find(|m| m.subject.ends_with(": 2 Neuigkeiten"))
        .unwrap();
    let second = digests
        .iter()
        .find(|m| m.subject.ends_with(": 1 Neuigkeit"))
        .unwrap_or_else(|| {
            panic!(
                "{:?}",
                digests.iter().map(|m| &m.subject).collect::<Vec<_>>()
            )
        });
    let told = "hat die Idee „Gesammelt“ kommentiert";
    assert_eq!(first.text.matches(told).count(), 2);
    assert_eq!(second.text.matches(told).count(), 1);
    assert!(first
        .raw
        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
}

/// The one-click address from a mail's `List-Unsubscribe` header, on the test server.
fn one_click_address(app: &TestApp, mail: &crate::mail_server::ReceivedMail) -> String {
    let header = mail
        .raw
        .lines()
        .find(|l| l.starts_with("List-Unsubscribe: <"))
        .unwrap_or_else(|| panic!("no List-Unsubscribe in {}", mail.raw));
    let url = header
        .trim_start_matches("List-Unsubscribe: <")
        .trim_end_matches('>');
    assert!(url.starts_with(BASE_URL), "{url}");
    url.replacen(BASE_URL, &app.address, 1)
}

#[tokio::test]
async fn unsubscribing_by_rfc_8058_post_or_by_the_page_stops_that_kind_of_mail() {
    let app = spawn_app().await;
    let (author, _author_client, idea) = idea_by_new_author(&app, "Abbestellen").await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    comment_id(&app, &client, idea, None, "Erster Kommentar").await;
    let mails = app.mail.wait_for(&author.email, 1).await;
    let mail = mails
        .iter()
        .find(|m| m.subject.contains("Neuer Kommentar"))
        .unwrap();
    assert!(mail
        .raw
        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let address = one_click_address(&app, mail);

    // Tampered: refused, nothing changes.
    let tampered = address.replacen("t=", "t=9", 1);
    let mail_client = reqwest::Client::new();
    let refused = mail_client
        .post(&tampered)
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 400);
    // A GET (link scanner, or a person) changes nothing and leads to the page that asks.
    let get = crate::helpers::browser_client()
        .get(&address)
        .send()
        .await
        .unwrap();
    assert_eq!(get.status().as_u16(), 303);
    let page = get.headers()["location"].to_str().unwrap().to_owned();
    let (status, html) = app.page(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Kommentare zu Ideen, denen Sie folgen"),
        "{html}"
    );
    comment_id(&app, &client, idea, None, "Zweiter Kommentar").await;
    app.drain_outbox().await;
    assert_eq!(mails_about(&app, &author, "Neuer Kommentar").await.len(), 2);

    // The mail program's one-click POST, from its own server: no cookie, no Origin.
    let done = mail_client
        .post(&address)
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status().as_u16(), 200);
    comment_id(&app, &client, idea, None, "Dritter Kommentar").await;
    app.drain_outbox().await;
    assert_eq!(
        mails_about(&app, &author, "Neuer Kommentar").await.len(),
        2,
        "no more mail"
    );
    // In the app it still shows up; other kinds still mail.
    let author_client = app.client_for(&author).await;
    let list = post_as(&author_client, &app.address, "notifications/list", &[]).await;
    let list: serde_json::Value = list.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 3);

    // The page's button does the same for a person (here: the reply kind of `other`).
    let token = page
        .split("t=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    let by_page = app
        .post("notifications/unsubscribe", &[("t", &token)])
        .await;
    assert_eq!(by_page.status().as_u16(), 200);
    let bad = app
        .post(
            "notifications/unsubscribe",
            &[("t", "1.status_change.99999999999.00")],
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
}

#[tokio::test]
async fn weekly_digests_go_out_on_mondays_once() {
    use stadtlabor::server::notifications::send_due_digests;
    let app = spawn_app().await;
    let (author, author_client, idea) = idea_by_new_author(&app, "Wöchentlich").await;
    prefer(&app, &author_client, "weekly").await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    comment_id(&app, &client, idea, None, "Ein Beitrag").await;
    let state = app.state().await;
    let at = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    // 2030-01-08 is a Tuesday, 2030-01-14 a Monday.
    assert_eq!(
        send_due_digests(&state, at("2030-01-08T09:00:00Z"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        send_due_digests(&state, at("2030-01-14T06:00:00Z"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        send_due_digests(&state, at("2030-01-14T18:00:00Z"))
            .await
            .unwrap(),
        0
    );
    let queued: Vec<String> = with_pool!(&app.db, pool => {
        sqlx::query_scalar("SELECT subject FROM outbox WHERE recipient_email = $1")
            .bind(&author.email)
            .fetch_all(pool)
            .await
            .unwrap()
    });
    assert!(
        queued
            .iter()
            .any(|s| s == "Ihre wöchentliche Zusammenfassung: 1 Neuigkeit"),
        "{queued:?}"
    );
}

/// Where an action leads, and what the page there says (without JavaScript; with it the
/// same address is rendered in place, see end2end/tests/feedback.spec.ts).
#[tokio::test]
async fn every_action_lands_where_it_happened_and_confirms_what_was_done() {
    let app = spawn_app().await;
    let (_, _, idea) = idea_by_new_author(&app, "Trinkbrunnen am Markt").await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    let at = |response: &reqwest::Response| location(response);
    let page = |path: String| {
        let client = client.clone();
        let app = &app;
        async move { app.page_as(&client, &path).await.1 }
    };

    let commented = comment(&app, &client, idea, None, "Sehr gern").await;
    let landing = at(&commented);
    let id: i64 = landing
        .rsplit("#kommentar-")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        landing,
        format!("/ideen/{idea}?erledigt=kommentiert-{id}#kommentar-{id}")
    );
    let html = page(landing.split('#').next().unwrap().to_owned()).await;
    let comment_at = html.find(&format!("id=\"kommentar-{id}\"")).unwrap();
    let notice_at = html.find("Ihr Kommentar wurde veröffentlicht.").unwrap();
    assert!(
        notice_at > comment_at,
        "the confirmation is inside the comment"
    );
    assert!(!page(format!("/ideen/{idea}"))
        .await
        .contains("wurde veröffentlicht"));

    let supported = post_as(
        &client,
        &app.address,
        "votes/set",
        &[("idea_id", &idea.to_string()), ("support", "true")],
    )
    .await;
    assert_eq!(
        at(&supported),
        format!("/ideen/{idea}?erledigt=unterstuetzt#unterstuetzen")
    );
    let html = page(format!("/ideen/{idea}?erledigt=unterstuetzt")).await;
    assert!(html.contains("Ihre Unterstützung wurde gezählt."));

    let unfollowed = post_as(
        &client,
        &app.address,
        "follows/idea",
        &[("idea_id", &idea.to_string()), ("follow", "false")],
    )
    .await;
    assert_eq!(
        at(&unfollowed),
        format!("/ideen/{idea}?erledigt=entfolgt#folgen")
    );
    let followed = post_as(
        &client,
        &app.address,
        "follows/project",
        &[("slug", "big-bird-westfalen"), ("follow", "true")],
    )
    .await;
    assert_eq!(
        at(&followed),
        "/projekte/big-bird-westfalen?erledigt=gefolgt#folgen"
    );
    let html = page("/projekte/big-bird-westfalen?erledigt=gefolgt".to_owned()).await;
    assert!(html.contains("Sie folgen jetzt"));

    // A made-up or hostile value confirms nothing, and nothing of it reaches the page.
    for value in ["%3Cscript%3E", "kommentiert-999999", "unterstuetzt-1"] {
        let html = page(format!("/ideen/{idea}?erledigt={value}")).await;
        assert!(!html.contains("done-notice"), "{value}");
        assert!(!html.contains("<script>"), "{value}");
    }
}

/// Withdrawing an idea and deleting a comment cannot be undone: their buttons sit inside a
/// disclosure that asks once more (a plain `<details>`, so also without JavaScript).
#[tokio::test]
async fn destructive_actions_ask_once_more_before_their_button() {
    let app = spawn_app().await;
    let (_, client, idea) = idea_by_new_author(&app, "Bänke im Park").await;
    comment_id(&app, &client, idea, None, "Und Papierkörbe").await;
    let (_, html) = app.page_as(&client, &format!("/ideen/{idea}")).await;
    for (question, button) in [
        (
            "Möchten Sie Ihre Idee wirklich zurückziehen?",
            "Ja, Idee zurückziehen",
        ),
        (
            "Möchten Sie diesen Kommentar wirklich löschen?",
            "Ja, Kommentar löschen",
        ),
    ] {
        let button_at = html.find(button).expect(button);
        let disclosure_at = html[..button_at]
            .rfind(r#"<details class="#)
            .expect("inside a disclosure");
        let between = &html[disclosure_at..button_at];
        assert!(between.contains("confirm-action"), "{between}");
        assert!(between.contains(question), "{between}");
        assert!(!between.contains("</details>"), "{between}");
    }
}

/// "Meine Beteiligung" on `/konto` lists the person's own contributions, supports and
/// follows — and nobody else's.
#[tokio::test]
async fn the_account_page_lists_what_the_person_took_part_in() {
    let app = spawn_app().await;
    let (_, author_client, idea) = idea_by_new_author(&app, "Wasserspender im Rathaus").await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    comment_id(
        &app,
        &client,
        idea,
        None,
        "Unbedingt, **auch** im Bürgerbüro",
    )
    .await;
    post_as(
        &client,
        &app.address,
        "votes/set",
        &[("idea_id", &idea.to_string()), ("support", "true")],
    )
    .await;
    post_as(
        &client,
        &app.address,
        "follows/project",
        &[("slug", "3d-stadtmodell"), ("follow", "true")],
    )
    .await;
    let mine = submitted_idea(&app, &client, "Meine eigene Idee", "Text").await;
    with_pool!(&app.db, pool => {
        sqlx::query("UPDATE ideas SET hidden_at = created_at WHERE id = $1")
            .bind(mine)
            .execute(pool)
            .await
            .unwrap();
    });

    let (status, html) = app.page_as(&client, "/konto").await;
    assert_eq!(status, 200);
    let section = &html[html.find("Meine Beteiligung").expect("the section")..];
    assert!(
        section.contains(&format!(r#"href="/ideen/{mine}""#)),
        "own idea"
    );
    assert!(
        section.contains("ausgeblendet"),
        "hidden, said so to its author"
    );
    assert!(
        section.contains("Unbedingt, auch im Bürgerbüro"),
        "comment as plain text"
    );
    assert!(section.contains("zu „Wasserspender im Rathaus“"));
    assert!(
        section.contains(&format!(r#"href="/ideen/{idea}""#)),
        "supported"
    );
    assert!(
        section.contains(r#"href="/projekte/3d-stadtmodell""#),
        "followed project"
    );

    let (_, other) = app.page_as(&author_client, "/konto").await;
    let section = &other[other.find("Meine Beteiligung").unwrap()..];
    assert!(!section.contains("Unbedingt"), "another person's comment");
    assert!(!section.contains("Meine eigene Idee"));

    let anonymous = post_as(
        &crate::helpers::browser_client(),
        &app.address,
        "participation/mine",
        &[],
    )
    .await;
    assert_eq!(anonymous.status().as_u16(), 401);
}

/// Authors' names lead to a public profile of their visible contributions — never their
/// e-mail address, nothing hidden, waiting or deleted — unless they chose to show none.
#[tokio::test]
async fn public_profiles_show_only_what_everyone_sees_and_can_be_turned_off() {
    let app = spawn_app().await;
    let (author, author_client, idea) = idea_by_new_author(&app, "Sonnensegel am Spielplatz").await;
    let kept = comment_id(&app, &author_client, idea, None, "Gern **bald**").await;
    let deleted = comment_id(&app, &author_client, idea, None, "Ein Tippfehler").await;
    post_as(
        &author_client,
        &app.address,
        "comments/delete",
        &[("id", &deleted.to_string())],
    )
    .await;
    let hidden = submitted_idea(&app, &author_client, "Ausgeblendete Idee", "Text").await;
    with_pool!(&app.db, pool => {
        sqlx::query("UPDATE ideas SET hidden_at = created_at WHERE id = $1")
            .bind(hidden)
            .execute(pool)
            .await
            .unwrap();
    });

    let visitor = crate::helpers::browser_client();
    let (_, idea_page) = app.page_as(&visitor, &format!("/ideen/{idea}")).await;
    let profile = format!("/personen/{}", author.id);
    assert!(
        idea_page.contains(&format!(r#"href="{profile}""#)),
        "the name links"
    );
    let (status, html) = app.page_as(&visitor, &profile).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<h1><span class=\"author-name\">Test Person</span>"),
        "{html}"
    );
    assert!(html.contains("Sonnensegel am Spielplatz"));
    assert!(html.contains(&format!("#kommentar-{kept}")));
    assert!(html.contains("Gern bald"));
    assert!(!html.contains("Tippfehler"), "deleted");
    assert!(!html.contains("Ausgeblendete Idee"), "hidden");
    assert!(!html.contains(&author.email), "no address");
    assert!(!html.contains("@"), "no address of anyone");

    // The person turns the profile off: no page, no link (the name stays).
    let off = post_as(
        &author_client,
        &app.address,
        "accounts/update-profile",
        &[("display_name", "Test Person"), ("locale", "de")],
    )
    .await;
    assert_eq!(off.status().as_u16(), 200);
    let (status, _) = app.page_as(&visitor, &profile).await;
    assert_eq!(status, 404);
    let (_, idea_page) = app.page_as(&visitor, &format!("/ideen/{idea}")).await;
    assert!(!idea_page.contains(&format!(r#"href="{profile}""#)));
    assert!(idea_page.contains("Test Person"));
    let (_, list) = app.page_as(&visitor, "/ideen").await;
    assert!(!list.contains(&format!(r#"href="{profile}""#)));
    let profile_box = |html: &str| {
        let at = html.find(r#"id="profile_public""#).expect("the checkbox");
        let start = html[..at].rfind("<input").unwrap();
        html[start..start + html[start..].find('>').unwrap()].to_owned()
    };
    let (_, account) = app.page_as(&author_client, "/konto").await;
    assert!(
        !profile_box(&account).contains("checked"),
        "{}",
        profile_box(&account)
    );

    // And on again.
    post_as(
        &author_client,
        &app.address,
        "accounts/update-profile",
        &[
            ("display_name", "Test Person"),
            ("locale", "de"),
            ("profile_public", "ja"),
        ],
    )
    .await;
    assert_eq!(app.page_as(&visitor, &profile).await.0, 200);
    let (_, account) = app.page_as(&author_client, "/konto").await;
    assert!(
        profile_box(&account).contains("checked"),
        "{}",
        profile_box(&account)
    );
    assert_eq!(app.page_as(&visitor, "/personen/999999").await.0, 404);
    assert_eq!(app.page_as(&visitor, "/personen/abc").await.0, 404);
}
