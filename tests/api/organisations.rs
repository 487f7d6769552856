//! Business accounts are verified by staff: the organisation a business account names is
//! shown ("für Firma X") and admits to workshops for businesses only after a moderator
//! verified it from the queue; a rejection needs a reason; renaming asks again; every
//! decision is logged and mailed once, also when two moderators decide at the same moment.

use crate::helpers::{post_as, spawn_app, TestApp, TestUser};
use crate::participation::{submitted_idea, validation_error};
use crate::workshops::question_id;
use stadtlabor::domain::accounts::Role;

/// A business account that registered a moment ago: its organisation waits for staff.
async fn new_business(app: &TestApp) -> (TestUser, reqwest::Client) {
    let (user, client) = app.signed_in(Role::Business).await;
    app.execute(&format!(
        "UPDATE users SET organisation_status = 'pending' WHERE id = {}",
        user.id
    ))
    .await;
    (user, client)
}

async fn decide(
    app: &TestApp,
    staff: &reqwest::Client,
    user_id: i64,
    decision: &str,
    reason: &str,
) -> reqwest::Response {
    post_as(
        staff,
        &app.address,
        "moderation/decide-organisation",
        &[
            ("user_id", &user_id.to_string()),
            ("decision", decision),
            ("reason", reason),
        ],
    )
    .await
}

async fn claims(app: &TestApp, staff: &reqwest::Client) -> Vec<serde_json::Value> {
    let response = post_as(staff, &app.address, "moderation/organisations", &[]).await;
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.unwrap()
}

const BADGE: &str = "<span class=\"author-organisation\">für Tischlerei Test</span>";

#[tokio::test]
async fn the_organisation_is_shown_only_once_staff_verified_it_and_again_after_a_rename() {
    let app = spawn_app().await;
    let (business, client) = new_business(&app).await;
    let idea = submitted_idea(
        &app,
        &client,
        "Werkstatt im 3-D-Stadtmodell",
        "Aufmaß von Dächern direkt im Modell.",
    )
    .await;
    let (_, moderator) = app.signed_in(Role::Moderator).await;

    // Unverified: the person's name, no organisation, on the idea page and in the list.
    let (_, page) = app.page(&format!("/ideen/{idea}")).await;
    // The name links to the person's profile.
    let name = format!(
        "<a href=\"/personen/{}\" class=\"author-name\">Test Person</a>",
        business.id
    );
    assert!(page.contains(&name), "{page}");
    assert!(!page.contains("Tischlerei Test"), "{page}");
    let (_, list) = app.page("/ideen").await;
    assert!(!list.contains("Tischlerei Test"));

    // The queue lists the claim with what staff need to check it.
    let listed = claims(&app, &moderator).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["user_id"], business.id);
    assert_eq!(listed[0]["organisation_name"], "Tischlerei Test");
    assert_eq!(listed[0]["email"], business.email.as_str());
    let (_, queue) = app.page_as(&moderator, "/verwaltung/moderation").await;
    assert!(queue.contains("Unternehmen bestätigen"), "{queue}");
    assert!(queue.contains(&business.email));

    let response = decide(&app, &moderator, business.id, "verify", "").await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, page) = app.page(&format!("/ideen/{idea}")).await;
    assert!(page.contains(BADGE), "{page}");
    let (_, list) = app.page("/ideen").await;
    assert!(list.contains(BADGE));
    assert!(claims(&app, &moderator).await.is_empty());
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM moderation_log WHERE action = 'verify_organisation' \
              AND subject_id = {} AND excerpt = 'Tischlerei Test'",
            business.id
        ))
        .await,
        1
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM outbox WHERE recipient_email = '{}' \
              AND subject = 'Ihr Unternehmen auf dem Stadtlabor'",
            business.email
        ))
        .await,
        1
    );
    let (_, account) = app.page_as(&client, "/konto").await;
    assert!(
        account.contains("Ihr Unternehmen ist bestätigt"),
        "{account}"
    );

    // Renamed: staff verified a name, not an account. The new one waits for them again.
    let response = post_as(
        &client,
        &app.address,
        "accounts/update-profile",
        &[
            ("display_name", "Test Person"),
            ("organisation_name", "Kreisverwaltung Soest"),
            ("organisation_website", ""),
            ("locale", "de"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, page) = app.page(&format!("/ideen/{idea}")).await;
    assert!(!page.contains("author-organisation"));
    assert!(!page.contains("Kreisverwaltung Soest"));
    assert_eq!(claims(&app, &moderator).await.len(), 1);
    // Changing only the display name keeps the verification.
    app.execute(&format!(
        "UPDATE users SET organisation_status = 'verified' WHERE id = {}",
        business.id
    ))
    .await;
    let response = post_as(
        &client,
        &app.address,
        "accounts/update-profile",
        &[
            ("display_name", "Toni Test"),
            ("organisation_name", "Kreisverwaltung Soest"),
            ("locale", "de"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        app.scalar_text(&format!(
            "SELECT organisation_status FROM users WHERE id = {}",
            business.id
        ))
        .await,
        "verified"
    );
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_tells_the_account_why() {
    let app = spawn_app().await;
    let (business, client) = new_business(&app).await;
    let (_, admin) = app.signed_in(Role::Admin).await;

    // Bad input: no decision, an unknown one, a rejection without enough reason, too long.
    for (decision, reason, field, error) in [
        ("", "", "decision", "Required"),
        ("delete", "", "decision", "Required"),
        ("reject", "nein", "reason", "TooShort"),
    ] {
        let response = decide(&app, &admin, business.id, decision, reason).await;
        let refused = validation_error(response, field).await;
        assert!(refused.to_string().contains(error), "{decision}: {refused}");
    }
    let long = "x".repeat(1_001);
    let response = decide(&app, &admin, business.id, "verify", &long).await;
    assert!(validation_error(response, "reason")
        .await
        .to_string()
        .contains("TooLong"));
    // Not a business account, or no account at all: nothing to decide.
    let (citizen, _) = app.signed_in(Role::Citizen).await;
    let response = decide(&app, &admin, citizen.id, "verify", "").await;
    assert_eq!(response.status().as_u16(), 404);
    let response = decide(&app, &admin, 999_999, "verify", "").await;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_log WHERE action LIKE '%organisation'")
            .await,
        0,
        "nothing logged"
    );
    assert_eq!(app.queued_mails_to(&business.email).await, 0);

    // Hostile markup in the reason is text, in the mail and on the account page.
    let reason = "Kein Eintrag im Handelsregister <script>alert(1)</script>";
    let response = decide(&app, &admin, business.id, "reject", reason).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        app.scalar_text(&format!(
            "SELECT organisation_status FROM users WHERE id = {}",
            business.id
        ))
        .await,
        "rejected"
    );
    let (_, account) = app.page_as(&client, "/konto").await;
    assert!(account.contains("nicht bestätigen"), "{account}");
    assert!(account.contains("Kein Eintrag im Handelsregister &lt;script&gt;"));
    let body = app
        .scalar_text(&format!(
            "SELECT body_html FROM outbox WHERE recipient_email = '{}'",
            business.email
        ))
        .await;
    assert!(body.contains("&lt;script&gt;") && !body.contains("<script>"));
    // A second decision on it is refused: it is decided.
    let response = decide(&app, &admin, business.id, "verify", "").await;
    assert_eq!(validation_error(response, "form").await, "AlreadyDecided");
}

#[tokio::test]
async fn two_moderators_deciding_at_the_same_moment_log_and_mail_it_once() {
    let app = spawn_app().await;
    let (business, _) = new_business(&app).await;
    let (_, first) = app.signed_in(Role::Moderator).await;
    let (_, second) = app.signed_in(Role::Admin).await;
    let (a, b) = tokio::join!(
        decide(&app, &first, business.id, "verify", ""),
        decide(
            &app,
            &second,
            business.id,
            "reject",
            "Die Website gehört jemand anderem."
        ),
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 422]);
    assert_eq!(
        app.scalar("SELECT count(*) FROM moderation_log WHERE action LIKE '%organisation'")
            .await,
        1
    );
    assert_eq!(app.queued_mails_to(&business.email).await, 1);
}

#[tokio::test]
async fn workshops_for_businesses_admit_a_business_once_its_organisation_is_verified() {
    let app = spawn_app().await;
    let (business, client) = new_business(&app).await;
    let software = question_id(&app, "3d-stadtmodell-handwerk", 1).await;
    let answer = format!("answers[{software}]");
    let form = [
        ("slug", "3d-stadtmodell-handwerk"),
        ("consent", "on"),
        (answer.as_str(), "Revit"),
    ];
    let response = post_as(&client, &app.address, "workshops/register", &form).await;
    assert_eq!(
        validation_error(response, "form").await,
        "OrganisationNotVerified"
    );
    let (_, page) = app
        .page_as(&client, "/workshops/3d-stadtmodell-handwerk")
        .await;
    assert!(page.contains("prüft Ihr Unternehmen noch"), "{page}");
    assert_eq!(
        app.scalar("SELECT count(*) FROM workshop_registrations")
            .await,
        0
    );

    let (_, moderator) = app.signed_in(Role::Moderator).await;
    let response = decide(&app, &moderator, business.id, "verify", "").await;
    assert_eq!(response.status().as_u16(), 200);
    let response = post_as(&client, &app.address, "workshops/register", &form).await;
    assert_eq!(response.status().as_u16(), 200);
}
