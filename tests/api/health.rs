use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_reports_the_database_engine() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status().as_u16(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], app.db.engine());
}

#[tokio::test]
async fn healthz_answers_503_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.db.close().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status().as_u16(), 503);
}
