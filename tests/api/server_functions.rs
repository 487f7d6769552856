use crate::helpers::spawn_app;

#[tokio::test]
async fn the_project_list_endpoint_returns_the_seeded_projects() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/projects/list", app.address))
        .header("Origin", crate::helpers::BASE_URL)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let projects: Vec<serde_json::Value> = response.json().await.unwrap();
    assert_eq!(projects.len(), 3);
    assert!(projects.iter().all(|p| p["phase"] == "Running"));
}

#[tokio::test]
async fn an_unknown_slug_is_answered_404_with_a_typed_error() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/projects/get", app.address))
        .header("Origin", crate::helpers::BASE_URL)
        .form(&[("slug", "gibt-es-nicht")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
    let body = response.text().await.unwrap();
    assert!(body.contains("NotFound"), "{body}");
}

#[tokio::test]
async fn a_malformed_call_is_a_bad_request_not_a_server_error() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/api/projects/get", app.address))
        .header("Origin", crate::helpers::BASE_URL)
        .form(&[("nonsense", "1")])
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    assert!((400..500).contains(&status), "got {status}");
}
