//! The limits of issue 15: password attempts counted before they are checked, account mail
//! per recipient and per client, slow clients disconnected, oversized bodies refused. Client
//! addresses are real: the tests connect from different loopback addresses (127.0.0.x).

use crate::helpers::{post_as, spawn_app, spawn_app_with_settings, TestApp, BASE_URL};
use stadtlabor::domain::accounts::Role;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A browser-like client whose connections come from `ip` (any 127.0.0.0/8 address).
fn client_from(ip: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .local_address(ip.parse::<std::net::IpAddr>().unwrap())
        .build()
        .unwrap()
}

async fn login_status(app: &TestApp, client: &reqwest::Client, email: &str, password: &str) -> u16 {
    post_as(
        client,
        &app.address,
        "accounts/login",
        &[("email", email), ("password", password)],
    )
    .await
    .status()
    .as_u16()
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

#[tokio::test]
async fn parallel_wrong_passwords_are_all_counted_before_any_is_checked() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let user = app.create_user(Role::Citizen, true).await;
    let client = client_from("127.0.0.2");
    let attempts = (0..30).map(|_| login_status(&app, &client, &user.email, "falsches passwort"));
    let statuses = futures::future::join_all(attempts).await;
    // Before the fix all 30 were checked (30 × 422, F-02); now five are, the rest wait.
    assert_eq!(count(&statuses, 429), 25, "{statuses:?}");
    assert_eq!(count(&statuses, 422), 5, "{statuses:?}");
}

#[tokio::test]
async fn someone_elses_wrong_passwords_do_not_lock_the_owner_out() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let user = app.create_user(Role::Citizen, true).await;
    let attacker = client_from("127.0.0.2");
    for _ in 0..5 {
        assert_eq!(
            login_status(&app, &attacker, &user.email, "geraten!!").await,
            422
        );
    }
    assert_eq!(
        login_status(&app, &attacker, &user.email, "geraten!!").await,
        429
    );
    // Even the right password waits on the attacker's address…
    assert_eq!(
        login_status(&app, &attacker, &user.email, &user.password).await,
        429
    );
    // …but the owner, elsewhere, gets in (before the fix: 429, F-03).
    let owner = client_from("127.0.0.3");
    assert_eq!(
        login_status(&app, &owner, &user.email, &user.password).await,
        200
    );
}

#[tokio::test]
async fn one_address_spraying_passwords_over_many_accounts_is_stopped() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let sprayer = client_from("127.0.0.4");
    let mut statuses = Vec::new();
    for n in 0..21 {
        let email = format!("opfer-{n}@example.org");
        statuses.push(login_status(&app, &sprayer, &email, "sommer2026!").await);
    }
    assert_eq!(count(&statuses[..20], 422), 20, "{statuses:?}");
    assert_eq!(statuses[20], 429);
    // Another address is not affected.
    let other = client_from("127.0.0.5");
    assert_eq!(
        login_status(&app, &other, "opfer-0@example.org", "x-y-z-w").await,
        422
    );
}

#[tokio::test]
async fn a_stolen_session_cannot_guess_the_current_password() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let (_, client) = app.signed_in(Role::Citizen).await;
    let change = |current: &'static str| {
        let client = client.clone();
        let address = app.address.clone();
        async move {
            let form = [
                ("current_password", current),
                ("new_password", "ein ganz neues passwort"),
            ];
            post_as(&client, &address, "accounts/change-password", &form)
                .await
                .status()
                .as_u16()
        }
    };
    for _ in 0..5 {
        assert_eq!(change("geraten").await, 422);
    }
    // Before the fix: 422 forever (F-12).
    assert_eq!(change("geraten").await, 429);
    let email_form = [
        ("new_email", "neu@example.org"),
        ("email_password", "geraten"),
    ];
    let email = post_as(&client, &app.address, "accounts/change-email", &email_form).await;
    assert_eq!(
        email.status().as_u16(),
        429,
        "the email change shares the limit"
    );
}

#[tokio::test]
async fn account_mail_to_one_mailbox_is_limited_whether_or_not_it_has_an_account() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let user = app.create_user(Role::Citizen, true).await;
    let (local, domain) = user.email.split_once('@').unwrap();
    let alias = format!("{local}+x@{domain}");
    for address in ["niemand@example.org", user.email.as_str()] {
        let mut statuses = Vec::new();
        for n in 0..6 {
            // Each request from another client, so only the recipient's limit applies.
            let client = client_from(&format!("127.0.1.{n}"));
            // The aliases of a mailbox count as the mailbox.
            let asked = if n == 5 && address == user.email {
                alias.as_str()
            } else {
                address
            };
            let form = [("email", asked)];
            let response = post_as(
                &client,
                &app.address,
                "accounts/request-password-reset",
                &form,
            )
            .await;
            statuses.push(response.status().as_u16());
        }
        // The same answers for a known and an unknown address: nothing is learnt.
        assert_eq!(statuses, [200, 200, 200, 200, 200, 429], "{address}");
    }
    assert_eq!(app.queued_mails_to(&user.email).await, 5);
}

#[tokio::test]
async fn one_client_cannot_send_account_mail_to_many_addresses() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let client = client_from("127.0.0.6");
    let mut statuses = Vec::new();
    for n in 0..11 {
        let form = [("email", format!("fremd-{n}@example.net"))];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = post_as(
            &client,
            &app.address,
            "accounts/request-password-reset",
            &form,
        )
        .await;
        statuses.push(response.status().as_u16());
    }
    assert_eq!(count(&statuses[..10], 200), 10, "{statuses:?}");
    assert_eq!(statuses[10], 429);
    // A signed-in person changing the address to a stranger's counts the same way.
    let (_, signed_in) = app.signed_in(Role::Citizen).await;
    let mut changes = Vec::new();
    for _ in 0..6 {
        let form = [
            ("new_email", "dritte@example.net"),
            ("email_password", "ein langes passwort"),
        ];
        let response = post_as(&signed_in, &app.address, "accounts/change-email", &form).await;
        changes.push(response.status().as_u16());
    }
    assert_eq!(changes, [200, 200, 200, 200, 200, 429]);
    assert_eq!(app.queued_mails_to("dritte@example.net").await, 5);
}

#[tokio::test]
async fn only_the_public_origin_counts_not_the_listening_address() {
    let app = spawn_app().await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    // The Host header names the listening address; an Origin equal to it used to pass (F-21).
    let response = client
        .post(format!("{}/api/accounts/logout", app.address))
        .header("Origin", app.address.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    let response = client
        .post(format!("{}/api/accounts/logout", app.address))
        .header("Origin", BASE_URL)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
}

/// Reads until the server closes the connection; panics if it never does (a guard against a
/// hang, not a speed goal: the timeouts under test are one and two seconds).
async fn read_until_closed(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(120), stream.read_to_end(&mut answer))
        .await
        .expect("the server closes a stalled connection")
        .ok();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn stalled_clients_are_disconnected_while_others_are_served() {
    let app = spawn_app_with_settings(&[
        ("STADTLABOR_HEADER_TIMEOUT_SECS", "1"),
        ("STADTLABOR_REQUEST_TIMEOUT_SECS", "2"),
    ])
    .await;
    let address = app.address.trim_start_matches("http://").to_owned();
    // 200 slowloris connections: a request line and half a header, then silence.
    let mut stalled = Vec::new();
    for _ in 0..200 {
        let mut stream = TcpStream::connect(&address).await.unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: stadtlabor.test\r\nX-Langsam: ")
            .await
            .unwrap();
        stalled.push(stream);
    }
    // A stalled body: complete headers, 7 of 100 announced bytes.
    let mut stalled_body = TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /api/accounts/login HTTP/1.1\r\nHost: stadtlabor.test\r\nOrigin: {BASE_URL}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=a"
    );
    stalled_body.write_all(head.as_bytes()).await.unwrap();

    let (status, _) = app.page("/healthz").await;
    assert_eq!(status, 200, "others are served meanwhile");
    for stream in &mut stalled {
        read_until_closed(stream).await;
    }
    let answer = read_until_closed(&mut stalled_body).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let (status, _) = app.page("/healthz").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413_before_it_is_read() {
    let app = spawn_app().await;
    let (_, client) = app.signed_in(Role::Citizen).await;
    let body = format!("title=x&body={}", "a".repeat(300 * 1024));
    let response = client
        .post(format!("{}/api/ideas/create", app.address))
        .header("Origin", BASE_URL)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
}

#[tokio::test]
async fn the_markdown_preview_is_for_verified_people_and_limited() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let form = [("body", "**fett** <script>x</script>")];
    let anonymous = app.post("ideas/preview", &form).await;
    assert_eq!(anonymous.status().as_u16(), 401);
    let unverified = app.create_user(Role::Citizen, false).await;
    let client = app.client_for(&unverified).await;
    let refused = post_as(&client, &app.address, "ideas/preview", &form).await;
    assert_eq!(refused.status().as_u16(), 403);

    let (_, client) = app.signed_in(Role::Citizen).await;
    let mut statuses = Vec::new();
    for _ in 0..31 {
        let response = post_as(&client, &app.address, "ideas/preview", &form).await;
        statuses.push(response.status().as_u16());
        if statuses.len() == 1 {
            let html: String = response.json().await.unwrap();
            assert!(html.contains("<strong>fett</strong>"), "{html}");
            assert!(!html.contains("<script"), "{html}");
        }
    }
    assert_eq!(count(&statuses[..30], 200), 30, "{statuses:?}");
    assert_eq!(statuses[30], 429);
}
