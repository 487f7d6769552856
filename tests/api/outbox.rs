use crate::helpers::{
    browser_client, fresh_database, post_as, start_app, start_stoppable_app, with_pool,
    TestDatabase,
};
use crate::mail_server::MailServer;
use stadtlabor::server::clock::Clock;
use stadtlabor::server::db::outbox::count_unsent;
use std::net::TcpListener;

fn registration(email: &str) -> Vec<(&str, String)> {
    vec![
        ("display_name", "Anna".to_owned()),
        ("email", email.to_owned()),
        ("password", "mein sicheres passwort".to_owned()),
        ("account_type", "citizen".to_owned()),
        ("privacy_consent", "ja".to_owned()),
        (
            "started_at",
            (chrono::Utc::now().timestamp() - 10).to_string(),
        ),
    ]
}

/// A database whose outbox holds one registration mail per address, queued while the SMTP
/// server at the returned port and URL was down: each was tried and waits for its retry,
/// none is lost, and the app that queued them has stopped.
async fn mails_queued_while_smtp_is_down(addresses: &[&str]) -> (TestDatabase, u16, String) {
    // A port with no SMTP server behind it (yet).
    let reserved = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = reserved.local_addr().unwrap().port();
    drop(reserved);
    let smtp_url = format!("smtp://127.0.0.1:{port}");
    let database = fresh_database().await;

    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (address, db, running) =
        start_stoppable_app(&database, &smtp_url, Clock::settable(), async {
            let _ = stopped.await;
        })
        .await;
    let client = browser_client();
    for email in addresses {
        let form = registration(email);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            post_as(&client, &address, "accounts/register", &form)
                .await
                .status()
                .as_u16(),
            200
        );
    }
    let queued = i64::try_from(addresses.len()).unwrap();
    wait_until(|| async { failed_attempts(&db).await >= queued }).await;
    assert_eq!(count_unsent(&db).await.unwrap(), queued);
    stop.send(()).unwrap();
    running.await.unwrap().unwrap();
    (database, port, smtp_url)
}

#[tokio::test]
async fn mail_queued_while_smtp_is_down_is_delivered_exactly_once_after_a_restart() {
    let addresses = ["eins@example.org", "zwei@example.org", "drei@example.org"];
    let (database, port, smtp_url) = mails_queued_while_smtp_is_down(&addresses).await;
    // Restart: the SMTP server comes up on its port, the app starts again on the same
    // database.
    let mail = MailServer::start_on(TcpListener::bind(("127.0.0.1", port)).unwrap());
    let (_restarted, db) = start_app(&database, &smtp_url).await;
    // Every mail is marked sent only after the server took it: once none is unsent, no
    // second delivery can follow.
    wait_until(|| async { count_unsent(&db).await.unwrap() == 0 }).await;
    for email in addresses {
        assert_eq!(
            mail.wait_for(email, 1).await.len(),
            1,
            "{email} got exactly one mail"
        );
    }
    assert_eq!(mail.all().len(), 3);
    assert_eq!(count_unsent(&db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_mail_claimed_by_an_instance_that_died_waits_only_for_its_short_lease() {
    use stadtlabor::server::db::outbox::claim_next_mail;
    use stadtlabor::server::mail::worker::LEASE;
    let addresses = [
        "erste@example.org",
        "zweite@example.org",
        "dritte@example.org",
    ];
    let (database, port, smtp_url) = mails_queued_while_smtp_is_down(&addresses).await;

    // A day later (every retry due), one instance claims a mail as its worker does, and dies
    // before sending it.
    let settings = crate::helpers::test_settings(&database.url);
    let db = stadtlabor::server::db::Db::connect(&settings.database_url, 1)
        .await
        .unwrap();
    let clock = Clock::settable();
    clock.advance(chrono::TimeDelta::days(1));
    let now = clock.now();
    let in_flight = claim_next_mail(&db, now, now + LEASE)
        .await
        .unwrap()
        .expect("a due mail");

    // Another instance delivers the other two at once: the dead one held back only its own.
    let mail = MailServer::start_on(TcpListener::bind(("127.0.0.1", port)).unwrap());
    let (_other, db, _running) =
        start_stoppable_app(&database, &smtp_url, clock.clone(), std::future::pending()).await;
    wait_until(|| async { count_unsent(&db).await.unwrap() == 1 }).await;
    assert!(mail
        .all()
        .iter()
        .all(|m| !m.raw.contains(&in_flight.recipient_email)));

    // Once the lease has run out, the held mail goes out too, once.
    clock.advance(LEASE + chrono::TimeDelta::seconds(1));
    wait_until(|| async { count_unsent(&db).await.unwrap() == 0 }).await;
    for email in addresses {
        assert_eq!(
            mail.wait_for(email, 1).await.len(),
            1,
            "{email} got one mail"
        );
    }
    assert_eq!(mail.all().len(), 3);
}

/// Polls `condition` until it holds (at most 15 s).
async fn wait_until<F, Fut>(condition: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..300 {
        if condition().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("condition not reached in 15 s");
}

/// Mails with at least one failed delivery attempt.
async fn failed_attempts(db: &stadtlabor::server::db::Db) -> i64 {
    let sql = "SELECT count(*) FROM outbox WHERE attempts > 0 AND sent_at IS NULL";
    with_pool!(db, pool => sqlx::query_scalar(sql).fetch_one(pool).await).unwrap()
}

#[tokio::test]
async fn without_smtp_mail_is_written_as_eml_files() {
    use stadtlabor::server::startup::Application;
    let database = fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let settings =
        crate::helpers::test_settings_with(&database.url, None, dir.path().to_str().unwrap());
    let app = Application::build(settings, Clock::settable())
        .await
        .unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let form = registration("datei@example.org");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        post_as(&browser_client(), &address, "accounts/register", &form)
            .await
            .status()
            .as_u16(),
        200
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let file = loop {
        let found = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .ends_with("-verify_email.eml")
            });
        if let Some(entry) = found {
            break entry.path();
        }
        assert!(std::time::Instant::now() < deadline, "no .eml file written");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let content = std::fs::read_to_string(file).unwrap();
    assert!(content.contains("To: datei@example.org"));
}

#[tokio::test]
async fn every_mail_carries_a_message_id_made_from_its_outbox_row() {
    let app = crate::helpers::spawn_app().await;
    let form = registration("kennung@example.org");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.post("accounts/register", &form).await.status().as_u16(),
        200
    );
    let mail = app.mail.wait_for("kennung@example.org", 1).await.remove(0);
    let id = app
        .scalar("SELECT id FROM outbox WHERE recipient_email = 'kennung@example.org'")
        .await;
    assert!(
        mail.raw
            .contains(&format!("Message-ID: <outbox.{id}@localhost>")),
        "{}",
        mail.raw
    );
}
