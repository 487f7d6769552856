use crate::helpers::{spawn_app, TestApp};
use stadtlabor::domain::accounts::Role;

/// Each kind of visitor, logged in on a fresh client (or anonymous).
async fn visitor(app: &TestApp, who: &str) -> reqwest::Client {
    let (role, verified) = match who {
        "anonymous" => return crate::helpers::browser_client(),
        "unverified" => (Role::Citizen, false),
        "citizen" => (Role::Citizen, true),
        "business" => (Role::Business, true),
        "moderator" => (Role::Moderator, true),
        "admin" => (Role::Admin, true),
        _ => unreachable!(),
    };
    let user = app.create_user(role, verified).await;
    app.client_for(&user).await
}

#[tokio::test]
async fn only_admins_list_users_and_change_roles() {
    let app = spawn_app().await;
    let target = app.create_user(Role::Citizen, true).await;
    let target_id = target.id.to_string();
    for (who, expected) in [
        ("anonymous", 401),
        ("unverified", 403),
        ("citizen", 403),
        ("business", 403),
        ("moderator", 403),
        ("admin", 200),
    ] {
        let client = visitor(&app, who).await;
        let list =
            crate::helpers::post_as(&client, &app.address, "admin/users", &[("after", "0")]).await;
        assert_eq!(list.status().as_u16(), expected, "{who} lists users");
        let change = crate::helpers::post_as(
            &client,
            &app.address,
            "admin/change-role",
            &[("user_id", &target_id), ("role", "moderator")],
        )
        .await;
        let expected_change = expected;
        assert_eq!(
            change.status().as_u16(),
            expected_change,
            "{who} changes a role"
        );
    }
    app.log_in(&target).await;
    let me: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        me["role"], "Moderator",
        "only the admin's change took effect"
    );
}

#[tokio::test]
async fn admins_cannot_lock_themselves_out_or_make_businesses_without_organisation() {
    let app = spawn_app().await;
    let admin = app.create_user(Role::Admin, true).await;
    let citizen = app.create_user(Role::Citizen, true).await;
    app.log_in(&admin).await;
    let own = app
        .post(
            "admin/change-role",
            &[("user_id", &admin.id.to_string()), ("role", "citizen")],
        )
        .await;
    assert_eq!(own.status().as_u16(), 422);
    let business = app
        .post(
            "admin/change-role",
            &[("user_id", &citizen.id.to_string()), ("role", "business")],
        )
        .await;
    assert_eq!(business.status().as_u16(), 422);
    let bogus = app
        .post(
            "admin/change-role",
            &[("user_id", &citizen.id.to_string()), ("role", "kaiser")],
        )
        .await;
    assert_eq!(bogus.status().as_u16(), 422);
    let missing = app
        .post(
            "admin/change-role",
            &[("user_id", "999999"), ("role", "moderator")],
        )
        .await;
    assert_eq!(missing.status().as_u16(), 404);
}

#[tokio::test]
async fn the_admin_page_lists_accounts_for_admins_only() {
    let app = spawn_app().await;
    let citizen = app.create_user(Role::Citizen, true).await;
    app.log_in(&citizen).await;
    let (status, html) = app.page("/verwaltung/benutzer").await;
    assert_eq!(status, 403);
    assert!(html.contains("der Verwaltung vorbehalten"));

    let admin_app_client = visitor(&app, "admin").await;
    let html = admin_app_client
        .get(format!("{}/verwaltung/benutzer", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(&citizen.email));
    assert!(html.contains("Rolle ändern"));
}
