use crate::helpers::{spawn_app, TestApp, BASE_URL};
use stadtlabor::domain::accounts::Role;

/// The registration form as a person sends it (rendered 10 s ago).
pub(crate) fn registration<'a>(email: &'a str, started_at: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("display_name", "Anna Schmidt"),
        ("email", email),
        ("password", "mein sicheres passwort"),
        ("account_type", "citizen"),
        ("privacy_consent", "ja"),
        ("fax", ""),
        ("started_at", started_at),
    ]
}

pub(crate) fn ten_seconds_ago() -> String {
    (chrono::Utc::now().timestamp() - 10).to_string()
}

async fn count_users(app: &TestApp) -> i64 {
    app.scalar("SELECT count(*) FROM users").await
}

async fn errors_of(response: reqwest::Response) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    body["Validation"]["errors"].clone()
}

#[tokio::test]
async fn registering_mails_a_link_that_verifies_the_address() {
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let response = app
        .post(
            "accounts/register",
            &registration("Anna@Example.org", &started),
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["location"], "/registrieren/danke");

    let mail = app.mail.wait_for("anna@example.org", 1).await.remove(0);
    assert_eq!(mail.subject, "Bitte bestätigen Sie Ihre E-Mail-Adresse");
    assert!(mail.html.contains("/konto/bestaetigen?token="));
    assert!(
        mail.raw.contains("Stadtlabor <stadtlabor@localhost>"),
        "sender is the platform"
    );
    let link = mail.link_starting_with(BASE_URL);
    let path = link.strip_prefix(BASE_URL).unwrap();

    // Unverified accounts can log in, and are told they are unverified.
    app.post(
        "accounts/login",
        &[
            ("email", "anna@example.org"),
            ("password", "mein sicheres passwort"),
        ],
    )
    .await;
    let (_, html) = app.page("/konto").await;
    assert!(html.contains("noch nicht bestätigt"));

    // Opening the link (as mail scanners do) only asks; the button confirms.
    let (status, html) = app.page(path).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Bitte bestätigen Sie mit einem Klick"),
        "{html}"
    );
    let (_, html) = app.page("/konto").await;
    assert!(
        html.contains("noch nicht bestätigt"),
        "a GET confirms nothing"
    );
    let token = path.split("token=").nth(1).unwrap();
    let response = app.post("accounts/verify", &[("token", token)]).await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, html) = app.page("/konto/bestaetigen?erledigt=1").await;
    assert!(html.contains("Ihre E-Mail-Adresse ist bestätigt"), "{html}");
    let (_, html) = app.page("/konto").await;
    assert!(!html.contains("noch nicht bestätigt"));

    // The link is single-use.
    let again = errors_of(app.post("accounts/verify", &[("token", token)]).await).await;
    assert_eq!(again["token"], "InvalidLink");
}

#[tokio::test]
async fn a_mail_to_an_unconfirmed_address_does_not_carry_the_chosen_name() {
    // The review's example (F-15): a name that turns the municipality's mail into an advert.
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let mut form = registration("opfer@example.net", &started);
    form[0].1 = "Gewinn! Jetzt abholen: www.evil.example/x";
    assert_eq!(
        app.post("accounts/register", &form).await.status().as_u16(),
        200
    );
    let mail = app.mail.wait_for("opfer@example.net", 1).await.remove(0);
    for part in [&mail.text, &mail.html, &mail.raw] {
        assert!(!part.contains("evil.example"), "{part}");
    }
    assert!(mail.text.contains("/konto/bestaetigen?token="));
}

#[tokio::test]
async fn registering_a_taken_address_answers_the_same_and_tells_the_owner() {
    let app = spawn_app().await;
    let owner = app.create_user(Role::Citizen, true).await;
    let started = ten_seconds_ago();
    let response = app
        .post("accounts/register", &registration(&owner.email, &started))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["location"], "/registrieren/danke");
    let mail = app.mail.wait_for(&owner.email, 1).await.remove(0);
    assert_eq!(mail.subject, "Ihr Konto bei Stadtlabor besteht bereits");
    assert_eq!(count_users(&app).await, 1);
}

#[tokio::test]
async fn registration_errors_are_per_field_keep_the_input_and_change_nothing() {
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let long_name = "x".repeat(81);
    for (field, value, expected) in [
        ("email", "keine-adresse", "InvalidEmail"),
        ("password", "kurz", "TooShort"),
        ("display_name", "Anna\u{7}", "InvalidCharacters"),
        ("display_name", long_name.as_str(), "TooLong"),
        ("account_type", "admin", "Invalid"),
    ] {
        let mut form = registration("neu@example.org", &started);
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let errors = errors_of(app.post("accounts/register", &form).await).await;
        let error = &errors[field];
        assert!(
            error == expected || error.get(expected).is_some(),
            "{field}={value:?}: {errors}"
        );
    }
    let mut form = registration("neu@example.org", &started);
    form.retain(|(k, _)| *k != "privacy_consent");
    let response = app.post("accounts/register", &form).await;
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        body["Validation"]["errors"]["privacy_consent"],
        "ConsentRequired"
    );
    assert_eq!(
        body["Validation"]["values"]["display_name"], "Anna Schmidt",
        "input is kept"
    );
    assert!(
        body["Validation"]["values"].get("password").is_none(),
        "passwords are never echoed"
    );

    let mut business = registration("firma@example.org", &started);
    business.retain(|(k, _)| *k != "account_type");
    business.push(("account_type", "business"));
    business.push(("organisation_website", "javascript:alert(1)"));
    let errors = errors_of(app.post("accounts/register", &business).await).await;
    assert_eq!(errors["organisation_name"], "Required");
    assert_eq!(errors["organisation_website"], "InvalidUrl");

    assert_eq!(count_users(&app).await, 0);
    assert!(app.mail.all().is_empty());
}

#[tokio::test]
async fn robots_are_stopped_by_the_honeypot_and_a_missing_start_while_quick_people_wait() {
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let mut filled = registration("bot@example.org", &started);
    filled.retain(|(k, _)| *k != "fax");
    filled.push(("fax", "0292112345"));
    assert_eq!(
        errors_of(app.post("accounts/register", &filled).await).await["form"],
        "FormRejected"
    );
    let mut unstarted = registration("bot@example.org", "");
    unstarted.retain(|(k, _)| *k != "started_at");
    assert_eq!(
        errors_of(app.post("accounts/register", &unstarted).await).await["form"],
        "FormRejected"
    );
    let future = (chrono::Utc::now() + chrono::TimeDelta::hours(1))
        .timestamp()
        .to_string();
    let forged = registration("bot@example.org", &future);
    assert_eq!(
        errors_of(app.post("accounts/register", &forged).await).await["form"],
        "FormRejected"
    );
    assert_eq!(count_users(&app).await, 0);

    // Autofill is as quick as a robot: the person is not refused, the answer comes once the
    // minimum fill time has passed.
    let just_now = chrono::Utc::now().timestamp().to_string();
    let fast = registration("schnell@example.org", &just_now);
    let response = app.post("accounts/register", &fast).await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        chrono::Utc::now().timestamp() - just_now.parse::<i64>().unwrap() >= 2,
        "answered after the rest of the fill time (whole seconds)"
    );
    assert_eq!(count_users(&app).await, 1);
}

#[tokio::test]
async fn a_business_registers_with_its_organisation() {
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let mut form = registration("info@tischlerei.example", &started);
    form.retain(|(k, _)| *k != "account_type");
    form.extend([
        ("account_type", "business"),
        ("organisation_name", "Tischlerei Becker"),
        ("organisation_website", "https://tischlerei.example"),
    ]);
    assert_eq!(
        app.post("accounts/register", &form).await.status().as_u16(),
        200
    );
    app.mail.wait_for("info@tischlerei.example", 1).await;
    app.post(
        "accounts/login",
        &[
            ("email", "info@tischlerei.example"),
            ("password", "mein sicheres passwort"),
        ],
    )
    .await;
    let user: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(user["role"], "Business");
    assert_eq!(user["organisation_name"], "Tischlerei Becker");
}

#[tokio::test]
async fn login_sets_a_safe_session_cookie_and_logout_ends_it() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let response = app
        .post(
            "accounts/login",
            &[
                ("email", &user.email),
                ("password", &user.password),
                ("weiter", "/projekte"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["location"], "/projekte");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("stadtlabor_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests");

    let me: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], user.email.as_str());

    assert_eq!(
        app.post("accounts/logout", &[]).await.status().as_u16(),
        200
    );
    let me: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert!(me.is_null());
}

#[tokio::test]
async fn a_login_never_redirects_off_site() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let response = app
        .post(
            "accounts/login",
            &[
                ("email", &user.email),
                ("password", &user.password),
                ("weiter", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(response.headers()["location"], "/konto");
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let wrong = errors_of(
        app.post(
            "accounts/login",
            &[("email", &user.email), ("password", "falsches passwort")],
        )
        .await,
    )
    .await;
    let unknown = errors_of(
        app.post(
            "accounts/login",
            &[
                ("email", "niemand@example.org"),
                ("password", "falsches passwort"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(wrong, unknown);
    assert_eq!(wrong["form"], "WrongPassword");
}

#[tokio::test]
async fn an_empty_login_names_the_empty_field_and_counts_no_failed_attempt() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let user = app.create_user(Role::Citizen, true).await;
    let both = errors_of(
        app.post("accounts/login", &[("email", "  "), ("password", "")])
            .await,
    )
    .await;
    assert_eq!(both["email"], "Required");
    assert_eq!(both["password"], "Required");
    assert_eq!(both.get("form"), None);

    // More empty passwords than the limit allows failures: none is a failed attempt.
    for _ in 0..6 {
        let errors = errors_of(
            app.post(
                "accounts/login",
                &[("email", &user.email), ("password", "")],
            )
            .await,
        )
        .await;
        assert_eq!(errors["password"], "Required");
        assert_eq!(errors.get("email"), None);
        assert_eq!(errors.get("form"), None);
    }
    let response = app
        .post(
            "accounts/login",
            &[("email", &user.email), ("password", &user.password)],
        )
        .await;
    assert_eq!(response.headers()["location"], "/konto");
}

#[tokio::test]
async fn five_failed_logins_lock_the_account_for_a_while() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let user = app.create_user(Role::Citizen, true).await;
    for _ in 0..5 {
        let response = app
            .post(
                "accounts/login",
                &[("email", &user.email), ("password", "falsches passwort")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
    }
    let response = app
        .post(
            "accounts/login",
            &[("email", &user.email), ("password", &user.password)],
        )
        .await;
    assert_eq!(response.status().as_u16(), 429);
    let body: serde_json::Value = response.json().await.unwrap();
    let wait = body["RateLimited"]["retry_after_secs"].as_u64().unwrap();
    assert!(wait > 800 && wait <= 900, "{wait}");

    // The page tells the user in German how long to wait.
    let t = stadtlabor::i18n::Locale::De.texts();
    assert!((t.rate_limited)(wait).contains("15 Minuten"));
}

#[tokio::test]
async fn a_password_reset_link_sets_a_new_password_once() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, false).await;
    let response = app
        .post("accounts/request-password-reset", &[("email", &user.email)])
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["location"],
        "/passwort-vergessen?gesendet=1"
    );
    let mail = app.mail.wait_for(&user.email, 1).await.remove(0);
    let link = mail.link_starting_with(BASE_URL);
    let token = link.split("token=").nth(1).unwrap().to_owned();

    let response = app
        .post(
            "accounts/reset-password",
            &[("token", &token), ("password", "ganz neues passwort")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let again = errors_of(
        app.post(
            "accounts/reset-password",
            &[("token", &token), ("password", "noch ein passwort")],
        )
        .await,
    )
    .await;
    assert_eq!(again["token"], "InvalidLink");
    let tampered = errors_of(
        app.post(
            "accounts/reset-password",
            &[("token", "abc"), ("password", "noch ein passwort")],
        )
        .await,
    )
    .await;
    assert_eq!(tampered["token"], "InvalidLink");

    assert_eq!(
        app.post(
            "accounts/login",
            &[("email", &user.email), ("password", "ganz neues passwort")]
        )
        .await
        .status()
        .as_u16(),
        200
    );
    let me: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["email_verified"], true, "the reset proved the mailbox");
}

#[tokio::test]
async fn a_reset_for_an_unknown_address_answers_the_same_and_sends_nothing() {
    let app = spawn_app().await;
    let response = app
        .post(
            "accounts/request-password-reset",
            &[("email", "niemand@example.org")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["location"],
        "/passwort-vergessen?gesendet=1"
    );
    assert_eq!(app.queued_mails_to("niemand@example.org").await, 0);
    assert!(app.mail.all().is_empty());
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    app.log_in(&user).await;
    let other = app.client_for(&user).await;

    let errors = errors_of(
        app.post(
            "accounts/change-password",
            &[("current_password", "falsch falsch"), ("new_password", "x")],
        )
        .await,
    )
    .await;
    assert_eq!(errors["current_password"], "WrongPassword");
    assert!(errors["new_password"].get("TooShort").is_some());

    let response = app
        .post(
            "accounts/change-password",
            &[
                ("current_password", &user.password),
                ("new_password", "ein ganz neues passwort"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let me: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], user.email.as_str(), "this session stays");
    let them: serde_json::Value =
        crate::helpers::post_as(&other, &app.address, "accounts/current", &[])
            .await
            .json()
            .await
            .unwrap();
    assert!(them.is_null(), "the other session ended");
}

#[tokio::test]
async fn changing_the_email_takes_effect_after_the_new_address_confirms() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let taken = app.create_user(Role::Citizen, true).await;
    app.log_in(&user).await;

    // Another account's address gets the same answer as a free one (no enumeration, F-11);
    // its owner is told, and no confirmation link goes anywhere.
    let response = app
        .post(
            "accounts/change-email",
            &[
                ("new_email", &taken.email),
                ("email_password", &user.password),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let told = app.mail.wait_for(&taken.email, 1).await.remove(0);
    assert_eq!(
        told.subject,
        "Ihre E-Mail-Adresse wurde für ein anderes Konto angegeben"
    );
    assert!(!told.text.contains("token="), "no link to take the address");
    assert_eq!(
        app.scalar(&format!(
            "SELECT count(*) FROM user_tokens WHERE user_id = {} AND purpose = 'change_email'",
            user.id
        ))
        .await,
        0
    );
    // One's own address is a plain mistake, said as such.
    let errors = errors_of(
        app.post(
            "accounts/change-email",
            &[
                ("new_email", &user.email),
                ("email_password", &user.password),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(errors["new_email"], "EmailTaken");

    let response = app
        .post(
            "accounts/change-email",
            &[
                ("new_email", "neu@example.org"),
                ("email_password", &user.password),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    // The owner's old address hears of both attempts.
    let notices = app.mail.wait_for(&user.email, 2).await;
    assert!(notices.iter().any(|n| n.text.contains("neu@example.org")));
    let confirm = app.mail.wait_for("neu@example.org", 1).await.remove(0);
    let path = confirm.link_starting_with(BASE_URL).replace(BASE_URL, "");
    let (status, html) = app.page(&path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Neue Adresse bestätigen"), "a GET only asks");
    let token = path.split("token=").nth(1).unwrap();
    let response = app
        .post("accounts/confirm-email-change", &[("token", token)])
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let (_, html) = app.page("/konto/email-bestaetigen?erledigt=1").await;
    assert!(html.contains("Ihre neue E-Mail-Adresse ist bestätigt"));
    assert_eq!(
        app.scalar_text(&format!("SELECT email FROM users WHERE id = {}", user.id))
            .await,
        "neu@example.org"
    );
    // Every session ended with the move (F-16): this one is signed out now.
    let me: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert!(me.is_null(), "{me}");
}

#[tokio::test]
async fn an_unverified_user_can_have_the_mail_sent_again() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, false).await;
    app.log_in(&user).await;
    let response = app.post("accounts/resend-verification", &[]).await;
    assert_eq!(response.status().as_u16(), 200);
    let mail = app.mail.wait_for(&user.email, 1).await.remove(0);
    assert!(mail.text.contains("/konto/bestaetigen?token="));
}

#[tokio::test]
async fn the_profile_is_validated_and_saved() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    app.log_in(&user).await;
    let errors = errors_of(
        app.post(
            "accounts/update-profile",
            &[("display_name", ""), ("locale", "fr")],
        )
        .await,
    )
    .await;
    assert_eq!(errors["display_name"], "Required");
    assert_eq!(errors["locale"], "Invalid");
    let response = app
        .post(
            "accounts/update-profile",
            &[("display_name", "Anna S."), ("locale", "en")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let me: serde_json::Value = app
        .post("accounts/current", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["display_name"], "Anna S.");
    assert_eq!(me["locale"], "en");
}

#[tokio::test]
async fn account_actions_need_a_login() {
    let app = spawn_app().await;
    for endpoint in [
        "accounts/change-password",
        "accounts/change-email",
        "accounts/update-profile",
        "accounts/resend-verification",
    ] {
        let response = app
            .post(
                endpoint,
                &[
                    ("current_password", "x"),
                    ("new_password", "x"),
                    ("new_email", "x"),
                    ("email_password", "x"),
                    ("display_name", "x"),
                    ("locale", "de"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 401, "{endpoint}");
    }
    let response = app.get("/konto").await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(response.headers()["location"], "/anmelden?weiter=/konto");
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let response = app
        .client
        .post(format!("{}/api/accounts/login", app.address))
        .header("Origin", "https://evil.example")
        .form(&[
            ("email", user.email.as_str()),
            ("password", user.password.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    assert!(response.text().await.unwrap().contains("abgelehnt"));
    let referer_only = app
        .client
        .post(format!("{}/api/accounts/logout", app.address))
        .header("Referer", "https://evil.example/form")
        .send()
        .await
        .unwrap();
    assert_eq!(referer_only.status().as_u16(), 403);
    // No origin signal at all (F-20), or a browser's word that another site sent it.
    let silent = app
        .client
        .post(format!("{}/api/accounts/logout", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(silent.status().as_u16(), 403);
    let cross = app
        .client
        .post(format!("{}/api/accounts/logout", app.address))
        .header("Sec-Fetch-Site", "cross-site")
        .header("Origin", crate::helpers::BASE_URL)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status().as_u16(), 403, "Sec-Fetch-Site decides first");
    let same = app
        .client
        .post(format!("{}/api/accounts/logout", app.address))
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(same.status().as_u16(), 200);
}

#[tokio::test]
async fn auth_pages_render_in_german() {
    let app = spawn_app().await;
    for (path, heading) in [
        ("/registrieren", "Registrieren"),
        ("/anmelden", "Anmelden"),
        ("/passwort-vergessen", "Passwort vergessen"),
        (
            "/passwort-zuruecksetzen?token=x",
            "Neues Passwort festlegen",
        ),
        ("/registrieren/danke", "Fast geschafft"),
    ] {
        let (status, html) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains(&format!("<h1>{heading}</h1>")), "{path}");
    }
}

#[tokio::test]
async fn without_javascript_forms_redirect_with_their_errors_or_to_the_next_page() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let form_post = |form: Vec<(&'static str, String)>| {
        app.client
            .post(format!("{}/api/accounts/login", app.address))
            .header("Origin", crate::helpers::BASE_URL)
            .header("Accept", "text/html")
            .header("Referer", format!("{}/anmelden", app.address))
            .form(&form)
            .send()
    };
    let failed = form_post(vec![
        ("email", user.email.clone()),
        ("password", "falsch falsch".into()),
    ])
    .await
    .unwrap();
    assert_eq!(failed.status().as_u16(), 302);
    let location = failed.headers()["location"].to_str().unwrap().to_owned();
    // Back to the form, with nothing typed (nor the error) in the address (issue 14).
    assert_eq!(location, "/anmelden");
    // The login page shows the error from the session, in German, with the email kept.
    let (_, html) = app.page(location.trim_start_matches(&app.address)).await;
    assert!(
        html.contains("E-Mail-Adresse oder Passwort sind nicht richtig."),
        "{html}"
    );
    assert!(html.contains(&format!("value=\"{}\"", user.email)));

    let ok = form_post(vec![
        ("email", user.email.clone()),
        ("password", user.password.clone()),
    ])
    .await
    .unwrap();
    assert_eq!(ok.status().as_u16(), 302);
    assert_eq!(ok.headers()["location"], "/konto");
}

#[tokio::test]
async fn a_refused_form_sums_up_its_errors_with_links_to_the_fields() {
    let app = spawn_app().await;
    let started = ten_seconds_ago();
    let form: Vec<(&str, &str)> = registration("keine-adresse", &started)
        .into_iter()
        .filter(|(name, _)| *name != "privacy_consent")
        .collect();
    let failed = app
        .client
        .post(format!("{}/api/accounts/register", app.address))
        .header("Origin", crate::helpers::BASE_URL)
        .header("Accept", "text/html")
        .header("Referer", format!("{}/registrieren", app.address))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status().as_u16(), 302);
    let location = failed.headers()["location"].to_str().unwrap().to_owned();
    let (_, html) = app.page(location.trim_start_matches(&app.address)).await;
    assert!(
        html.contains("<title>Fehler: Registrieren – Stadtlabor</title>"),
        "{html}"
    );
    // In the order of the form, each error a link to its field, which says it is invalid.
    let email = html
        .find(
            r##"<a href="#email">E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse ein"##,
        )
        .expect("a link to the email field");
    let consent = html
        .find(r##"<a href="#privacy_consent">Datenschutz: Ohne Ihre Einwilligung"##)
        .expect("a link to the consent box");
    assert!(email < consent);
    assert!(
        !html.contains(r##"href="#display_name""##),
        "no link for a valid field"
    );
    assert!(html.contains(r#"id="privacy_consent""#));
    assert_eq!(html.matches(r#"aria-invalid="true""#).count(), 2, "{html}");
}

#[tokio::test]
async fn logging_in_gives_the_session_a_new_id() {
    let app = spawn_app().await;
    let user = app.create_user(Role::Citizen, true).await;
    let cookie_of = |response: &reqwest::Response| {
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned()
    };
    let first = app
        .post(
            "accounts/login",
            &[("email", &user.email), ("password", &user.password)],
        )
        .await;
    let second = app
        .post(
            "accounts/login",
            &[("email", &user.email), ("password", &user.password)],
        )
        .await;
    assert_ne!(
        cookie_of(&first),
        cookie_of(&second),
        "a login never reuses a session id"
    );
}
