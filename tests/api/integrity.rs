//! Integrity under concurrency (issue 13): state changes that race are decided by the
//! conditional update itself, counters move only with a changed row, and `recount` repairs
//! what older versions let drift. Real concurrent requests, on both engines.

use crate::helpers::{post_as, spawn_app, TestApp};
use crate::participation::{comment_id, idea_by_new_author};
use stadtlabor::domain::accounts::Role;
use stadtlabor::server::db::counters::{recount, Recounted};

async fn comment_count(app: &TestApp, idea: i64) -> i64 {
    app.scalar(&format!(
        "SELECT comment_count FROM ideas WHERE id = {idea}"
    ))
    .await
}

#[tokio::test]
async fn deleting_a_comment_twice_at_the_same_moment_uncounts_it_once() {
    let app = spawn_app().await;
    let (_, author, idea) = idea_by_new_author(&app, "Doppelklick").await;
    let keep = comment_id(&app, &author, idea, None, "Bleibt stehen").await;
    // Twenty double clicks (or one request reaching two instances): the race shows in some.
    let mut doomed = Vec::new();
    for n in 0..20 {
        if n % 9 == 8 {
            // Past the limit of ten comments a minute.
            app.clock.advance(chrono::TimeDelta::minutes(1));
        }
        doomed.push(comment_id(&app, &author, idea, None, &format!("Weg {n}")).await);
    }
    assert_eq!(comment_count(&app, idea).await, 21);
    for id in doomed {
        let id = id.to_string();
        let form = [("id", id.as_str())];
        let (a, b) = tokio::join!(
            post_as(&author, &app.address, "comments/delete", &form),
            post_as(&author, &app.address, "comments/delete", &form),
        );
        let mut statuses = [a.status().as_u16(), b.status().as_u16()];
        statuses.sort_unstable();
        // Before the fix, on PostgreSQL: sometimes [200, 200], the count moved twice.
        assert_eq!(statuses, [200, 422], "comment {id}");
    }
    assert_eq!(comment_count(&app, idea).await, 1);
    // The remaining comment can still be deleted (the counter never went below its rows).
    let id = keep.to_string();
    let response = post_as(
        &author,
        &app.address,
        "comments/delete",
        &[("id", id.as_str())],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(comment_count(&app, idea).await, 0);
    assert_eq!(recount(&app.db).await.unwrap(), Recounted::default());
}

#[tokio::test]
async fn supports_and_comments_on_one_idea_at_once_never_fail() {
    let app = spawn_app().await;
    let (_, _, idea) = idea_by_new_author(&app, "Viel Betrieb").await;
    let idea_id = idea.to_string();
    // The supporter follows the idea (by supporting it), so every comment notifies them: the
    // comment's transaction updates the idea and then references the supporter's account,
    // while the support locks the account and then updates the idea (a deadlock before).
    let (_, supporter) = app.signed_in(Role::Citizen).await;
    let commenters = app.create_users_quickly(12, Role::Citizen).await;
    let mut failures = Vec::new();
    for (round, commenter) in commenters.iter().enumerate() {
        let client = app.client_for(commenter).await;
        let support = if round % 2 == 0 { "true" } else { "false" };
        let vote = [("idea_id", idea_id.as_str()), ("support", support)];
        let body = format!("Beitrag {round}");
        let comment = [("idea_id", idea_id.as_str()), ("body", body.as_str())];
        let (a, b) = tokio::join!(
            post_as(&supporter, &app.address, "votes/set", &vote),
            post_as(&client, &app.address, "comments/create", &comment),
        );
        for response in [a, b] {
            if !response.status().is_success() {
                failures.push((round, response.status().as_u16()));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(comment_count(&app, idea).await, 12);
    assert_eq!(recount(&app.db).await.unwrap(), Recounted::default());
}

#[tokio::test]
async fn recount_corrects_drifted_counters_and_reports_them() {
    let app = spawn_app().await;
    let (_, author, idea) = idea_by_new_author(&app, "Verzählt").await;
    comment_id(&app, &author, idea, None, "Eins").await;
    assert_eq!(recount(&app.db).await.unwrap(), Recounted::default());
    app.execute(&format!(
        "UPDATE ideas SET comment_count = 0, vote_count = 4 WHERE id = {idea}"
    ))
    .await;
    app.execute("UPDATE workshops SET places_taken = 3 WHERE slug = 'big-bird-app-test'")
        .await;
    let fixed = recount(&app.db).await.unwrap();
    assert_eq!(
        fixed,
        Recounted {
            ideas: 1,
            workshops: 1
        }
    );
    assert_eq!(comment_count(&app, idea).await, 1);
    let votes = app
        .scalar(&format!("SELECT vote_count FROM ideas WHERE id = {idea}"))
        .await;
    assert_eq!(votes, 0);
    let places = app
        .scalar("SELECT places_taken FROM workshops WHERE slug = 'big-bird-app-test'")
        .await;
    assert_eq!(places, 0);
    assert_eq!(recount(&app.db).await.unwrap(), Recounted::default());
}
