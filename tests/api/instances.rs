//! Several instances on one database, as the README's scale-out runs them (on PostgreSQL in
//! CI): they start together on an empty database, share sessions and limits, and stop
//! gracefully on SIGTERM. And the one thing SQLite must refuse: a second machine.

use crate::helpers::{
    browser_client, fresh_database, post_as, spawn_app, test_settings, test_settings_with, BASE_URL,
};
use crate::mail_server::MailServer;
use crate::participation::{comment_id, idea_by_new_author, prefer};
use stadtlabor::domain::accounts::Role;
use stadtlabor::server::clock::Clock;
use stadtlabor::server::db::Db;
use stadtlabor::server::startup::Application;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::test]
async fn three_instances_started_at_the_same_moment_on_an_empty_database_all_come_up() {
    let database = fresh_database().await;
    let mail = MailServer::start();
    let smtp_url = mail.url();
    let start = || {
        Application::build(
            test_settings_with(&database.url, Some(&smtp_url), "target/test-mail"),
            Clock::settable(),
        )
    };
    // Before migrations were serialised, the later two failed on tables the first had made.
    let (a, b, c) = tokio::join!(start(), start(), start());
    let mut addresses = Vec::new();
    for app in [a, b, c] {
        let app = app.expect("every instance starts");
        addresses.push(format!("http://127.0.0.1:{}", app.port()));
        tokio::spawn(app.run_until_stopped(std::future::pending()));
    }
    for address in &addresses {
        let response = reqwest::get(format!("{address}/healthz")).await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "{address}");
    }
}

/// Every instance runs the scheduled job each minute; each digest still goes out once per
/// person and period: while three instances run it at the same moment, and when the instance
/// that had claimed a digest dies before finishing (its claim goes with its transaction).
#[tokio::test]
async fn each_digest_goes_out_once_across_instances_also_when_one_dies_mid_run() {
    use stadtlabor::domain::notifications::DigestPeriod;
    use stadtlabor::server::db::notifications::claim_digest;
    use stadtlabor::server::notifications::send_due_digests;
    let app = spawn_app().await;
    let (_, commenter) = app.signed_in(Role::Citizen).await;
    let mut authors = Vec::new();
    for n in 1..=4 {
        let (author, client, idea) = idea_by_new_author(&app, &format!("Gesammelt {n}")).await;
        prefer(&app, &client, "daily").await;
        comment_id(
            &app,
            &commenter,
            idea,
            None,
            "Ein Kommentar für die Zusammenfassung",
        )
        .await;
        authors.push(author);
    }
    // Three instances: each its own pool on the one database, as on three machines.
    let mut instances = Vec::new();
    for _ in 0..3 {
        let mut state = app.state().await;
        state.db = Db::connect(&test_settings(app.database_url()).database_url, 2)
            .await
            .unwrap();
        instances.push(state);
    }
    // 07:30 in Berlin (UTC+1 in January): the daily digests of 8 January are due.
    let now = "2030-01-08T06:30:00Z"
        .parse::<chrono::DateTime<chrono::Utc>>()
        .unwrap();
    let day = now.date_naive();

    // A fourth instance claimed the first author's digest and holds the claim while the
    // three run; then it dies: its connections close without a commit.
    let dying = Db::connect(&test_settings(app.database_url()).database_url, 1)
        .await
        .unwrap();
    let mut claim = dying.begin().await.unwrap();
    assert!(
        claim_digest(&mut claim, authors[0].id, DigestPeriod::Daily, day, now)
            .await
            .unwrap()
    );
    let die = async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        drop(claim);
        dying.close().await;
    };
    let run = |state| async move { send_due_digests(state, now).await.expect("the job runs") };
    let ((), a, b, c) = tokio::join!(
        die,
        run(&instances[0]),
        run(&instances[1]),
        run(&instances[2])
    );
    // A run that met the dead claim waited for it and then sent that digest itself.
    assert_eq!(a + b + c, 4, "four digests between them: {a} {b} {c}");
    assert_eq!(run(&instances[2]).await, 0, "nothing twice");
    app.clock.set(now);
    app.drain_outbox().await;
    for author in &authors {
        let digests: Vec<_> = app
            .mail
            .all()
            .into_iter()
            .filter(|m| m.to.contains(&author.email) && m.subject.contains("Zusammenfassung"))
            .collect();
        assert_eq!(digests.len(), 1, "{}: {digests:?}", author.email);
    }
}

/// The account page as a browser with `cookie` navigates to it: the person's own, or the
/// way to the login.
async fn account_page(address: &str, cookie: &str) -> (u16, String) {
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{address}/konto"))
        .header("Accept", "text/html")
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn a_login_on_one_instance_holds_on_the_others_and_a_logout_ends_it_everywhere() {
    let app = spawn_app().await;
    let (second, third) = (app.another_instance().await, app.another_instance().await);
    let user = app.create_user(Role::Citizen, true).await;
    // Behind a load balancer one browser's requests reach any instance with the same cookie.
    let form = [("email", user.email.as_str()), ("password", &user.password)];
    let login = post_as(&reqwest::Client::new(), &second, "accounts/login", &form).await;
    assert_eq!(login.status().as_u16(), 200);
    let cookie = login.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    for address in [&app.address, &third] {
        let (status, page) = account_page(address, &cookie).await;
        assert_eq!(status, 200, "{address}");
        assert!(page.contains(&user.email), "{address}: {page}");
    }
    let logout = reqwest::Client::new()
        .post(format!("{third}/api/accounts/logout"))
        .header("Origin", BASE_URL)
        .header("Cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status().as_u16(), 200);
    // The session is gone, not only the cookie: a copy of it opens nothing anywhere.
    for address in [&app.address, &second, &third] {
        let (status, _) = account_page(address, &cookie).await;
        assert_eq!(status, 302, "{address}");
    }
}

#[tokio::test]
async fn wrong_passwords_count_together_across_instances() {
    let app = spawn_app().await;
    app.at_the_start_of_a_limit_window();
    let instances = [
        app.address.clone(),
        app.another_instance().await,
        app.another_instance().await,
    ];
    let user = app.create_user(Role::Citizen, true).await;
    let guesser = browser_client();
    let mut statuses = Vec::new();
    for n in 0..6 {
        let form = [("email", user.email.as_str()), ("password", "geraten!!")];
        let response = post_as(&guesser, &instances[n % 3], "accounts/login", &form).await;
        statuses.push(response.status().as_u16());
    }
    // Five guesses per account and address in all, not five per instance (F-02, F-03).
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429]);
}

#[tokio::test]
async fn a_second_machine_on_the_same_sqlite_file_is_refused_at_start() {
    let app = spawn_app().await;
    let Db::Sqlite(pool) = &app.db else {
        // PostgreSQL is meant for several machines; the rule does not apply there.
        return;
    };
    let seen = |ago: chrono::TimeDelta| app.clock.now() - ago;
    sqlx::query("INSERT INTO serving_hosts (host, seen_at) VALUES ('rechner-im-keller', $1)")
        .bind(seen(chrono::TimeDelta::minutes(1)))
        .execute(pool)
        .await
        .unwrap();
    let settings = || test_settings_with(app.database_url(), None, "target/test-mail");
    let refused = Application::build(settings(), app.clock.clone()).await;
    let message = format!("{:#}", refused.err().expect("a second machine is refused"));
    assert!(message.contains("\"rechner-im-keller\""), "{message}");
    assert!(message.contains("PostgreSQL"), "{message}");

    // A machine not seen for longer than three beats is gone: the file may be taken over.
    sqlx::query("UPDATE serving_hosts SET seen_at = $1 WHERE host = 'rechner-im-keller'")
        .bind(seen(chrono::TimeDelta::minutes(4)))
        .execute(pool)
        .await
        .unwrap();
    Application::build(settings(), app.clock.clone())
        .await
        .expect("the file is free again");
}

/// Reads the binary's log (JSON lines) until it says where it listens.
fn listening_address(log: &mut impl BufRead) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            log.read_line(&mut line).unwrap() > 0,
            "the server ended before listening"
        );
        let Ok(event) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if event["message"] == "Stadtlabor is listening" {
            return event["address"].as_str().unwrap().to_owned();
        }
    }
}

#[tokio::test]
async fn sigterm_lets_a_running_request_finish_refuses_new_ones_and_exits() {
    let database = fresh_database().await;
    let mut server = Command::new(env!("CARGO_BIN_EXE_stadtlabor"))
        .arg("serve")
        .env("DATABASE_URL", &database.url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("STADTLABOR_BASE_URL", BASE_URL)
        .env("STADTLABOR_MAIL_DIR", "target/test-mail")
        .env("STADTLABOR_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the binary");
    let address = listening_address(&mut BufReader::new(server.stdout.take().unwrap()));

    // A request under way: its headers are in, half its body is not.
    let mut running = TcpStream::connect(&address).await.unwrap();
    let (first_half, second_half) = ("email=niemand%40example.org", "&password=x");
    let head = format!(
        "POST /api/accounts/login HTTP/1.1\r\nHost: stadtlabor.test\r\nOrigin: {BASE_URL}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{first_half}",
        first_half.len() + second_half.len()
    );
    running.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;

    let kill = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    assert!(kill.unwrap().success());
    // The stop closes the listener: new clients are turned away…
    let mut refused = false;
    for _ in 0..100 {
        if TcpStream::connect(&address).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(refused, "the listener stays open after SIGTERM");
    // …while the running request gets its whole answer.
    running.write_all(second_half.as_bytes()).await.unwrap();
    let mut answer = String::new();
    running.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 422"), "{answer}");

    // Within the 30 s grace period, and cleanly.
    let status = tokio::task::spawn_blocking(move || {
        for _ in 0..300 {
            if let Some(status) = server.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        server.kill().ok();
        None
    })
    .await
    .unwrap();
    assert!(status.expect("exits within 30 s").success());
}
