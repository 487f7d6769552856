//! The living demo of `seed-demo`: invented participation across the projects, marked as
//! demo content on every page, loaded once however often the command runs.

use crate::helpers::{spawn_app, spawn_demo_app};
use stadtlabor::server::db::counters::recount;
use stadtlabor::server::seed_participation::{seed_participation, Added};

const NOTICE: &str = "Demo: Die Personen, Ideen und Kommentare auf dieser Seite sind erfunden.";

#[tokio::test]
async fn the_demo_fills_every_project_with_participation_in_every_state() {
    let app = spawn_demo_app().await;
    assert_eq!(app.scalar("SELECT count(*) FROM visible_ideas").await, 25);
    assert_eq!(
        app.scalar("SELECT count(DISTINCT project_id) FROM ideas")
            .await,
        3,
        "every demo project has ideas (and some belong to none)"
    );
    assert!(
        app.scalar("SELECT count(*) FROM ideas WHERE project_id IS NULL")
            .await
            > 0
    );
    assert!(
        app.scalar("SELECT count(DISTINCT category_id) FROM ideas")
            .await
            >= 5
    );
    assert!(app.scalar("SELECT count(*) FROM comments").await >= 30);
    assert!(
        app.scalar("SELECT count(*) FROM comments WHERE depth = 2")
            .await
            > 0,
        "threads"
    );
    assert!(app.scalar("SELECT count(*) FROM votes").await >= 80);
    assert_eq!(
        app.scalar(
            "SELECT count(DISTINCT status) FROM ideas \
             WHERE official_answer_md IS NOT NULL AND answered_by IS NOT NULL"
        )
        .await,
        4,
        "answers under review, accepted, rejected and implemented"
    );
    assert_eq!(
        app.scalar("SELECT count(*) FROM users WHERE organisation_status = 'verified'")
            .await,
        2
    );
    let fixed = recount(&app.db).await.unwrap();
    assert_eq!(
        (fixed.ideas, fixed.workshops),
        (0, 0),
        "counters equal the rows"
    );

    let (status, home) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(home.contains(NOTICE), "every page says it is a demo");
    assert!(
        home.contains("Solarpotenzial für jedes Dach anzeigen"),
        "most supported"
    );
    let (_, list) = app.page("/ideen?sortierung=unterstuetzt").await;
    assert!(list.contains(NOTICE));
    assert!(
        list.contains("für Schulte Bedachungen GmbH"),
        "verified business shown"
    );
}

#[tokio::test]
async fn loading_the_demo_again_adds_nothing() {
    let app = spawn_demo_app().await;
    let before = app.scalar("SELECT count(*) FROM comments").await;
    let again = seed_participation(&app.db, app.clock.now()).await.unwrap();
    assert_eq!(again, Added::default());
    assert_eq!(app.scalar("SELECT count(*) FROM visible_ideas").await, 25);
    assert_eq!(app.scalar("SELECT count(*) FROM comments").await, before);
}

#[tokio::test]
async fn an_installation_without_the_demo_people_says_nothing_about_a_demo() {
    let app = spawn_app().await;
    let (_, home) = app.page("/").await;
    assert!(!home.contains(NOTICE));
}

#[tokio::test]
async fn nobody_can_sign_in_as_a_demo_person() {
    let app = spawn_demo_app().await;
    let hashes = app
        .scalar("SELECT count(DISTINCT password_hash) FROM users WHERE email LIKE '%@demo.stadtlabor.invalid'")
        .await;
    assert_eq!(hashes, 1, "one hash of a random password nobody was shown");
    for password in ["", "demo", "passwort", "bench-passwort-stadtlabor"] {
        let response = app
            .post(
                "accounts/login",
                &[
                    ("email", "anna.keller@demo.stadtlabor.invalid"),
                    ("password", password),
                ],
            )
            .await;
        let (_, account) = app.page("/konto").await;
        assert!(
            !account.contains("Anna Keller"),
            "{password:?}: {}",
            response.status()
        );
    }
}
