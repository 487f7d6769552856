use crate::helpers::spawn_app;

#[tokio::test]
async fn the_browser_language_selects_english() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/projekte", app.address))
        .header("Accept-Language", "en-GB,en;q=0.9,de;q=0.5")
        .send()
        .await
        .unwrap();
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("3 projects"));
    assert!(html.contains("Skip to content"));
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_returns_to_the_page() {
    let app = spawn_app().await;
    let response = app
        .get("/sprache/en?zurueck=%2Fprojekte%2Fbig-bird-westfalen")
        .await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        response.headers()["location"],
        "/projekte/big-bird-westfalen"
    );
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));

    // The cookie now wins over a German browser.
    let html = app
        .client
        .get(format!("{}/projekte/big-bird-westfalen", app.address))
        .header("Accept-Language", "de-DE")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Key facts"));

    let response = app.get("/sprache/de?zurueck=/").await;
    assert_eq!(response.status().as_u16(), 303);
    let (_, html) = app.page("/").await;
    assert!(html.contains(r#"<html lang="de""#));
}

#[tokio::test]
async fn the_language_switch_never_redirects_off_site() {
    let app = spawn_app().await;
    for target in [
        "https%3A%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
    ] {
        let response = app.get(&format!("/sprache/en?zurueck={target}")).await;
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(response.headers()["location"], "/", "{target}");
    }
}

#[tokio::test]
async fn an_unknown_language_changes_nothing() {
    let app = spawn_app().await;
    let response = app.get("/sprache/xx?zurueck=/projekte").await;
    assert_eq!(response.status().as_u16(), 303);
    assert!(response.headers().get("set-cookie").is_none());
}
