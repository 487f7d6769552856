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

#[tokio::test]
async fn healthz_answers_503_naming_a_background_job_that_went_silent() {
    use axum::extract::State;
    use stadtlabor::server::health::healthz;
    use stadtlabor::server::jobs::Heartbeat;
    use std::time::Duration;
    let app = spawn_app().await;
    let mut state = app.state().await;
    state.heartbeats = std::sync::Arc::new([Heartbeat::new("mail", Duration::from_secs(3600))]);
    assert_eq!(healthz(State(state.clone())).await.0.as_u16(), 200);
    state.heartbeats = std::sync::Arc::new([Heartbeat::new("mail", Duration::ZERO)]);
    tokio::time::sleep(Duration::from_millis(5)).await;
    let (status, body) = healthz(State(state)).await;
    assert_eq!(status.as_u16(), 503);
    let body = serde_json::to_value(&body.0).unwrap();
    assert_eq!(body["status"], "unavailable");
    assert!(body["reason"]
        .as_str()
        .unwrap()
        .starts_with("mail job silent"));
}
