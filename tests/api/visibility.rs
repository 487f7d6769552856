//! One rule for "visible": hidden ideas and comments disappear from every surface that shows,
//! counts or mails them, and come back when restored.

use crate::helpers::{post_as, spawn_app, TestApp};
use crate::participation::{comment, comment_id, idea_by_new_author, prefer};
use stadtlabor::domain::accounts::Role;
use stadtlabor::domain::content::ContentRef;
use stadtlabor::server::db::{projects, votes};

const PROJECT: &str = "big-bird-westfalen";

async fn unread(app: &TestApp, client: &reqwest::Client) -> i64 {
    let user: serde_json::Value = post_as(client, &app.address, "accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    user["unread_notifications"].as_i64().unwrap()
}

async fn project_idea_count(app: &TestApp) -> i64 {
    let list: serde_json::Value = post_as(&app.client, &app.address, "projects/list", &[])
        .await
        .json()
        .await
        .unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == PROJECT)
        .unwrap()["idea_count"]
        .as_i64()
        .unwrap()
}

async fn supports_counted_in_project(app: &TestApp, user_id: i64) -> i64 {
    let project = projects::find_project_id(&app.db, PROJECT).await.unwrap();
    let mut tx = app.db.begin().await.unwrap();
    votes::count_votes_in_project(&mut tx, user_id, project)
        .await
        .unwrap()
}

async fn comment_count(app: &TestApp, idea: i64) -> i64 {
    app.scalar(&format!(
        "SELECT comment_count FROM ideas WHERE id = {idea}"
    ))
    .await
}

#[tokio::test]
async fn a_hidden_idea_leaves_lists_search_projects_counters_limits_notifications_and_digests() {
    use stadtlabor::server::notifications::send_due_digests;
    let app = spawn_app().await;
    let title = "Versteckspiel am Marktplatz";
    // What every surface shows of the title (search results mark the matched word).
    let shown = "am Marktplatz";
    let (_author, author_client, idea) = idea_by_new_author(&app, title).await;
    prefer(&app, &author_client, "daily").await;
    let (supporter, supporter_client) = app.signed_in(Role::Citizen).await;
    let idea_text = idea.to_string();
    let support = [("idea_id", idea_text.as_str()), ("support", "true")];
    let response = post_as(&supporter_client, &app.address, "votes/set", &support).await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, commenter) = app.signed_in(Role::Citizen).await;
    comment_id(&app, &commenter, idea, None, "Gute Idee").await;

    let surfaces = [
        "/ideen".to_owned(),
        "/ideen?suche=Versteckspiel".to_owned(),
        format!("/projekte/{PROJECT}"),
    ];
    for path in &surfaces {
        assert!(app.page(path).await.1.contains(shown), "{path} before");
    }
    let (_, notices) = app.page_as(&author_client, "/benachrichtigungen").await;
    assert!(notices.contains(shown));
    assert_eq!(unread(&app, &author_client).await, 1);
    let ideas_in_project = project_idea_count(&app).await;
    assert_eq!(supports_counted_in_project(&app, supporter.id).await, 1);

    assert!(app.set_hidden(ContentRef::Idea(idea), true).await);
    assert!(
        !app.set_hidden(ContentRef::Idea(idea), true).await,
        "hiding twice changes nothing"
    );

    for path in &surfaces {
        assert!(!app.page(path).await.1.contains(shown), "{path} after");
    }
    assert_eq!(app.page(&format!("/ideen/{idea}")).await.0, 404);
    assert_eq!(project_idea_count(&app).await, ideas_in_project - 1);
    assert_eq!(
        supports_counted_in_project(&app, supporter.id).await,
        0,
        "a support that cannot be taken back does not use up the limit"
    );
    let (_, notices) = app.page_as(&author_client, "/benachrichtigungen").await;
    assert!(!notices.contains(shown), "no hidden title in the list");
    // The row stays, as a placeholder without title, name or link to the idea.
    assert!(
        notices.contains("den die Moderation ausgeblendet hat"),
        "{notices}"
    );
    assert!(!notices.contains(&format!("href=\"/ideen/{idea}")));
    assert_eq!(unread(&app, &author_client).await, 0);
    let state = app.state().await;
    let at = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    assert_eq!(
        send_due_digests(&state, at("2030-01-08T06:00:00Z"))
            .await
            .unwrap(),
        0,
        "no digest about a hidden idea"
    );

    // Restored, it is back everywhere (so the checks above can tell the difference).
    assert!(app.set_hidden(ContentRef::Idea(idea), false).await);
    for path in &surfaces {
        assert!(app.page(path).await.1.contains(shown), "{path} restored");
    }
    assert_eq!(unread(&app, &author_client).await, 1);
    let (_, notices) = app.page_as(&author_client, "/benachrichtigungen").await;
    assert!(notices.contains(shown), "the notification is whole again");
    assert!(!notices.contains("den die Moderation ausgeblendet hat"));
    assert_eq!(
        send_due_digests(&state, at("2030-01-09T06:00:00Z"))
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn a_hidden_comment_keeps_its_place_and_its_replies_and_stops_counting() {
    let app = spawn_app().await;
    let (_, _, idea) = idea_by_new_author(&app, "Sitzbänke").await;
    let (_, rude) = app.signed_in(Role::Citizen).await;
    let first = comment_id(&app, &rude, idea, None, "Ein grober Beitrag").await;
    let (_, kind) = app.signed_in(Role::Citizen).await;
    comment_id(&app, &kind, idea, Some(first), "Eine sachliche Antwort").await;
    assert_eq!(comment_count(&app, idea).await, 2);

    assert!(app.set_hidden(ContentRef::Comment(first), true).await);
    assert!(!app.set_hidden(ContentRef::Comment(first), true).await);
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(!html.contains("Ein grober Beitrag"));
    assert!(html.contains("Dieser Beitrag wurde von der Moderation ausgeblendet."));
    assert!(
        html.contains(&format!("id=\"kommentar-{first}\"")),
        "its place stays"
    );
    assert!(html.contains("Eine sachliche Antwort"), "the reply stays");
    assert_eq!(
        comment_count(&app, idea).await,
        1,
        "counted once, not twice"
    );
    let (_, own_page) = app.page_as(&rude, &format!("/ideen/{idea}")).await;
    assert!(
        !own_page.contains("Ein grober Beitrag"),
        "no edit form with the text"
    );
    let edit = post_as(
        &rude,
        &app.address,
        "comments/update",
        &[("id", &first.to_string()), ("body", "Jetzt netter")],
    )
    .await;
    assert_eq!(
        edit.status().as_u16(),
        404,
        "a hidden comment cannot be edited"
    );
    assert_eq!(
        comment(&app, &kind, idea, Some(first), "Noch eine Antwort")
            .await
            .status()
            .as_u16(),
        422,
        "nor answered"
    );
    assert_eq!(comment_count(&app, idea).await, 1);

    assert!(app.set_hidden(ContentRef::Comment(first), false).await);
    assert_eq!(comment_count(&app, idea).await, 2);
    let (_, html) = app.page(&format!("/ideen/{idea}")).await;
    assert!(html.contains("Ein grober Beitrag"));
}
