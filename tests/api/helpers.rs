use crate::mail_server::MailServer;
use stadtlabor::domain::accounts::{Email, Role};
use stadtlabor::i18n::Locale;
use stadtlabor::server::clock::Clock;
use stadtlabor::server::config::Settings;
use stadtlabor::server::db::users::{insert_user, NewUser};
use stadtlabor::server::db::Db;
use stadtlabor::server::passwords::hash_password;
use stadtlabor::server::seed::seed_demo;
use stadtlabor::server::startup::Application;

/// Runs `$body` with `$pool` bound to the app's pool on either engine (raw SQL in tests).
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            stadtlabor::server::db::Db::Sqlite($pool) => $body,
            stadtlabor::server::db::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use with_pool;

/// Where a test's database lives; dropping it removes an SQLite file (PostgreSQL test
/// databases live in the throw-away cluster that `scripts/postgres.sh` starts).
pub struct TestDatabase {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

/// A fresh, empty database on the engine under test.
pub async fn fresh_database() -> TestDatabase {
    match std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        Some(server_url) => {
            let name = format!("stadtlabor_test_{}", uuid::Uuid::new_v4().simple());
            let admin = sqlx::PgPool::connect(&server_url)
                .await
                .expect("TEST_DATABASE_URL must point at a running PostgreSQL server");
            sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                .execute(&admin)
                .await
                .expect("create test database");
            admin.close().await;
            let mut url = url::Url::parse(&server_url).expect("TEST_DATABASE_URL is a URL");
            url.set_path(&name);
            TestDatabase {
                url: url.to_string(),
                _dir: None,
            }
        }
        None => {
            let dir = tempfile::tempdir().expect("temp dir");
            TestDatabase {
                url: format!("sqlite://{}", dir.path().join("stadtlabor.db").display()),
                _dir: Some(dir),
            }
        }
    }
}

/// Settings for a test app: random port, the given database and SMTP server, fast retries.
pub fn test_settings_with(database_url: &str, smtp_url: Option<&str>, mail_dir: &str) -> Settings {
    test_settings_overriding(database_url, smtp_url, mail_dir, &[])
}

/// [`test_settings_with`] with some variables set to other values (`extra`).
fn test_settings_overriding(
    database_url: &str,
    smtp_url: Option<&str>,
    mail_dir: &str,
    extra: &[(&str, &str)],
) -> Settings {
    Settings::from_lookup(|key| {
        if let Some((_, value)) = extra.iter().find(|(k, _)| *k == key) {
            return Some((*value).to_owned());
        }
        match key {
            "DATABASE_URL" => Some(database_url.to_owned()),
            "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".to_owned()),
            "STADTLABOR_BASE_URL" => Some(BASE_URL.to_owned()),
            "STADTLABOR_SMTP_URL" => smtp_url.map(str::to_owned),
            "STADTLABOR_MAIL_DIR" => Some(mail_dir.to_owned()),
            "STADTLABOR_MAIL_RETRY_SECS" => Some("0.2".to_owned()),
            _ => None,
        }
    })
    .expect("test settings are valid")
}

pub fn test_settings(database_url: &str) -> Settings {
    test_settings_with(database_url, None, "target/test-mail")
}

/// The public address in tests: what mails link to, and the only origin the CSRF check
/// accepts (the app listens on 127.0.0.1, a different origin, F-21).
pub const BASE_URL: &str = "http://stadtlabor.test";

/// A running app on a random port with the demo content loaded and its own SMTP server.
pub struct TestApp {
    pub address: String,
    pub db: Db,
    /// Keeps cookies like a browser, does not follow redirects (tests look at them).
    pub client: reqwest::Client,
    pub mail: MailServer,
    /// The app's clock: tests move it instead of sleeping.
    pub clock: Clock,
    _database: TestDatabase,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with_mail(MailServer::start()).await
}

/// An app on `database` (migrated and seeded if new) that sends to `smtp_url`.
pub async fn start_app(database: &TestDatabase, smtp_url: &str) -> (String, Db) {
    let (address, db, _running) = start_stoppable_app(
        database,
        smtp_url,
        Clock::settable(),
        std::future::pending(),
    )
    .await;
    (address, db)
}

/// Like [`start_app`], stopping gracefully when `shutdown` completes; the handle ends then.
pub async fn start_stoppable_app(
    database: &TestDatabase,
    smtp_url: &str,
    clock: Clock,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> (String, Db, tokio::task::JoinHandle<std::io::Result<()>>) {
    start_app_overriding(database, smtp_url, clock, &[], shutdown).await
}

async fn start_app_overriding(
    database: &TestDatabase,
    smtp_url: &str,
    clock: Clock,
    extra: &[(&str, &str)],
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> (String, Db, tokio::task::JoinHandle<std::io::Result<()>>) {
    // Warnings and errors of the app show up in a failing test's output.
    stadtlabor::server::telemetry::init(stadtlabor::server::config::LogFormat::Text);
    let settings =
        test_settings_overriding(&database.url, Some(smtp_url), "target/test-mail", extra);
    let db = Db::open(&settings.database_url, 5)
        .await
        .expect("connect and migrate");
    seed_demo(&db, clock.now()).await.expect("seed");
    let app = Application::build_with_db(settings, db.clone(), clock)
        .await
        .expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    let running = tokio::spawn(app.run_until_stopped(shutdown));
    (address, db, running)
}

pub fn browser_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

pub async fn spawn_app_with_mail(mail: MailServer) -> TestApp {
    let smtp_url = mail.url();
    spawn_app_sending_to(mail, &smtp_url).await
}

/// An app whose SMTP server is unreachable: every mail stays in the outbox, waiting for its
/// retry (the test app's own `mail` server receives nothing).
pub async fn spawn_app_with_smtp_down() -> TestApp {
    let reserved = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = reserved.local_addr().unwrap().port();
    drop(reserved);
    spawn_app_sending_to(MailServer::start(), &format!("smtp://127.0.0.1:{port}")).await
}

async fn spawn_app_sending_to(mail: MailServer, smtp_url: &str) -> TestApp {
    spawn_app_overriding(mail, smtp_url, &[]).await
}

/// A test app with some settings changed (e.g. short timeouts), as `(variable, value)`.
pub async fn spawn_app_with_settings(extra: &[(&str, &str)]) -> TestApp {
    let mail = MailServer::start();
    let smtp_url = mail.url();
    spawn_app_overriding(mail, &smtp_url, extra).await
}

async fn spawn_app_overriding(mail: MailServer, smtp_url: &str, extra: &[(&str, &str)]) -> TestApp {
    spawn_app_on(
        fresh_database().await,
        Clock::settable(),
        mail,
        smtp_url,
        extra,
    )
    .await
}

/// An app whose database holds the invented participation of `seed-demo` as well.
pub async fn spawn_demo_app() -> TestApp {
    let database = fresh_database().await;
    let clock = Clock::settable();
    let db = Db::connect(&test_settings(&database.url).database_url, 2)
        .await
        .expect("connect");
    db.migrate().await.expect("migrate");
    seed_demo(&db, clock.now()).await.expect("seed");
    stadtlabor::server::seed_participation::seed_participation(&db, clock.now())
        .await
        .expect("demo participation");
    db.close().await;
    let mail = MailServer::start();
    let smtp_url = mail.url();
    spawn_app_on(database, clock, mail, &smtp_url, &[]).await
}

async fn spawn_app_on(
    database: TestDatabase,
    clock: Clock,
    mail: MailServer,
    smtp_url: &str,
    extra: &[(&str, &str)],
) -> TestApp {
    let (address, db, _running) = start_app_overriding(
        &database,
        smtp_url,
        clock.clone(),
        extra,
        std::future::pending(),
    )
    .await;
    TestApp {
        address,
        db,
        client: browser_client(),
        mail,
        clock,
        _database: database,
    }
}

/// An account made directly in the database.
pub struct TestUser {
    pub id: i64,
    pub email: String,
    pub password: String,
}

impl TestApp {
    /// Another instance of the app on this app's database, SMTP server and clock, as a
    /// second machine behind the load balancer runs it; returns its address.
    pub async fn another_instance(&self) -> String {
        let smtp_url = self.mail.url();
        let (address, _db, _running) = start_stoppable_app(
            &self._database,
            &smtp_url,
            self.clock.clone(),
            std::future::pending(),
        )
        .await;
        address
    }

    /// Where this app's database is (another instance or the binary can be pointed at it).
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    /// Moves the clock to the start of the next full hour. The request limits count in fixed
    /// windows (minute, quarter hour, hour), and a test that counts hits against one must
    /// not see its window end halfway, however slowly the machine runs.
    pub fn at_the_start_of_a_limit_window(&self) {
        let hour = chrono::TimeDelta::hours(1).num_seconds();
        let next = (self.clock.now().timestamp().div_euclid(hour) + 1) * hour;
        self.clock
            .set(chrono::DateTime::from_timestamp(next, 0).expect("a time within range"));
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        // Browsers ask for HTML when they navigate; redirects depend on it.
        self.client
            .get(format!("{}{}", self.address, path))
            .header("Accept", "text/html")
            .send()
            .await
            .expect("request")
    }

    /// GETs a page and returns status and body.
    pub async fn page(&self, path: &str) -> (u16, String) {
        self.page_as(&self.client, path).await
    }

    /// GETs a page as `client` (another person, or a fresh anonymous browser).
    pub async fn page_as(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let response = client
            .get(format!("{}{}", self.address, path))
            .header("Accept", "text/html")
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// POSTs a form to a server function as a same-site browser would.
    pub async fn post(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        post_as(&self.client, &self.address, endpoint, form).await
    }

    pub async fn create_user(&self, role: Role, verified: bool) -> TestUser {
        let email = format!("{}@example.org", uuid::Uuid::new_v4().simple());
        let password = "ein langes passwort".to_owned();
        let hash = hash_password(password.clone()).await.unwrap();
        let parsed = Email::parse(&email).unwrap();
        let now = self.clock.now();
        let mut tx = self.db.begin().await.unwrap();
        let id = insert_user(
            &mut tx,
            &NewUser {
                email: &parsed,
                display_name: "Test Person",
                password_hash: &hash,
                role,
                organisation_name: (role == Role::Business).then_some("Tischlerei Test"),
                organisation_website: None,
                locale: Locale::De.code(),
                email_verified_at: verified.then_some(now),
            },
            now,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        if role == Role::Business {
            self.verify_organisation_of(id).await;
        }
        TestUser {
            id,
            email,
            password,
        }
    }

    /// Marks a business account's organisation as verified by staff: the accounts tests
    /// create are established ones (tests/api/organisations.rs goes through the queue).
    pub async fn verify_organisation_of(&self, user_id: i64) {
        self.execute(&format!(
            "UPDATE users SET organisation_status = 'verified' WHERE id = {user_id}"
        ))
        .await;
    }

    /// `n` verified accounts of `role` at once. Their password hash uses argon2's smallest
    /// parameters (hashed once; logins verify with the parameters stored in the hash), so a
    /// test can sign in hundreds of people without hashing for minutes.
    pub async fn create_users_quickly(&self, n: usize, role: Role) -> Vec<TestUser> {
        use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
        let password = "ein langes passwort".to_owned();
        let params = argon2::Params::new(8, 1, 1, None).unwrap();
        let hash = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
            .hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        let now = self.clock.now();
        let mut tx = self.db.begin().await.unwrap();
        let mut users = Vec::with_capacity(n);
        for _ in 0..n {
            let email = format!("{}@example.org", uuid::Uuid::new_v4().simple());
            let id = insert_user(
                &mut tx,
                &NewUser {
                    email: &Email::parse(&email).unwrap(),
                    display_name: "Test Person",
                    password_hash: &hash,
                    role,
                    organisation_name: (role == Role::Business).then_some("Tischlerei Test"),
                    organisation_website: None,
                    locale: Locale::De.code(),
                    email_verified_at: Some(now),
                },
                now,
            )
            .await
            .unwrap();
            users.push(TestUser {
                id,
                email,
                password: password.clone(),
            });
        }
        tx.commit().await.unwrap();
        if role == Role::Business {
            for user in &users {
                self.verify_organisation_of(user.id).await;
            }
        }
        users
    }

    /// Logs the app's own client in as `user`; panics unless the login succeeds.
    pub async fn log_in(&self, user: &TestUser) {
        log_in_client(&self.client, &self.address, user).await;
    }

    /// Changes data directly, the way no endpoint does yet (moderation, project phases,
    /// statuses set without an answer).
    pub async fn execute(&self, sql: &str) {
        with_pool!(&self.db, pool => sqlx::query(sql).execute(pool).await.map(|_| ()))
            .expect("test SQL runs");
    }

    /// Waits until no mail that is due by the app's clock is left in the outbox (the worker
    /// polls with that clock, so a test that moved it forward sees later mails go out too).
    pub async fn drain_outbox(&self) {
        for _ in 0..300 {
            let now = self.clock.now();
            let pending: i64 = self
                .scalar_with_time(
                    "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1",
                    now,
                )
                .await;
            if pending == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the outbox did not drain");
    }

    /// Mails ever queued for `address`. Mail is queued in the same transaction as the action
    /// that causes it, so right after the response this count is final: no waiting for a
    /// mail that might still come.
    pub async fn queued_mails_to(&self, address: &str) -> i64 {
        let sql = "SELECT count(*) FROM outbox WHERE recipient_email = $1";
        with_pool!(&self.db, pool => sqlx::query_scalar(sql).bind(address).fetch_one(pool).await)
            .expect("count queued mails")
    }

    /// A number from `sql` (raw SQL in tests).
    pub async fn scalar(&self, sql: &str) -> i64 {
        with_pool!(&self.db, pool => sqlx::query_scalar(sql).fetch_one(pool).await)
            .expect("test SQL runs")
    }

    /// A text from `sql` (raw SQL in tests).
    pub async fn scalar_text(&self, sql: &str) -> String {
        with_pool!(&self.db, pool => sqlx::query_scalar(sql).fetch_one(pool).await)
            .expect("test SQL runs")
    }

    /// A count from `sql` with `$1` bound to an instant.
    pub async fn scalar_with_time(&self, sql: &str, at: chrono::DateTime<chrono::Utc>) -> i64 {
        with_pool!(&self.db, pool => sqlx::query_scalar(sql).bind(at).fetch_one(pool).await)
            .expect("test SQL runs")
    }

    /// Sets a timestamp column of one row directly (dates shown on pages).
    pub async fn set_time(
        &self,
        table: &str,
        column: &str,
        id: i64,
        at: chrono::DateTime<chrono::Utc>,
    ) {
        let sql = format!("UPDATE {table} SET {column} = $1 WHERE id = $2");
        with_pool!(&self.db, pool => sqlx::query(&sql).bind(at).bind(id).execute(pool).await.map(|_| ()))
            .expect("test SQL runs");
    }

    /// Hides or restores content the way moderation will (one place writes `hidden_at`).
    pub async fn set_hidden(
        &self,
        content: stadtlabor::domain::content::ContentRef,
        hidden: bool,
    ) -> bool {
        use stadtlabor::server::db::moderation;
        let mut tx = self.db.begin().await.unwrap();
        let changed = if hidden {
            moderation::hide(&mut tx, content, self.clock.now()).await
        } else {
            moderation::restore(&mut tx, content).await
        }
        .unwrap();
        tx.commit().await.unwrap();
        changed
    }

    /// Server state over the app's database, for calling flows directly with a chosen clock
    /// (digests). Its key and links are the running app's.
    pub async fn state(&self) -> stadtlabor::server::state::AppState {
        let settings = test_settings(&self._database.url);
        stadtlabor::server::state::AppState {
            leptos_options: settings.leptos_options(),
            db: self.db.clone(),
            settings: std::sync::Arc::new(settings),
            mail_signal: Default::default(),
            unsubscribe_key: stadtlabor::server::signing::SigningKey::load_or_create(
                &self.db,
                "unsubscribe",
            )
            .await
            .expect("signing key"),
            clock: self.clock.clone(),
            heartbeats: std::sync::Arc::new([]),
            demo_installation: false,
        }
    }

    /// A new verified person of `role` with a client of their own, signed in.
    pub async fn signed_in(&self, role: Role) -> (TestUser, reqwest::Client) {
        let user = self.create_user(role, true).await;
        let client = self.client_for(&user).await;
        (user, client)
    }

    /// A fresh browser-like client, logged in as `user` (a second tab, another person).
    pub async fn client_for(&self, user: &TestUser) -> reqwest::Client {
        let client = browser_client();
        log_in_client(&client, &self.address, user).await;
        client
    }
}

/// POSTs a form as a browser without JavaScript does, from the page at `page`, expects to be
/// sent back there and returns that page as it then shows (with the refusal, if any).
pub async fn post_without_js(
    client: &reqwest::Client,
    address: &str,
    endpoint: &str,
    page: &str,
    form: &[(&str, &str)],
) -> String {
    let response = client
        .post(format!("{address}/api/{endpoint}"))
        .header("Origin", BASE_URL)
        .header("Accept", "text/html")
        .header("Referer", format!("{address}{page}"))
        .form(form)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 302, "back to {page}");
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location.trim_start_matches(address), page);
    client
        .get(format!("{address}{page}"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("the page")
}

/// POSTs a form to `/api/{endpoint}` with an `Origin` of the app itself.
pub async fn post_as(
    client: &reqwest::Client,
    address: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(format!("{address}/api/{endpoint}"))
        .header("Origin", BASE_URL)
        .form(form)
        .send()
        .await
        .expect("request")
}

async fn log_in_client(client: &reqwest::Client, address: &str, user: &TestUser) {
    let response = post_as(
        client,
        address,
        "accounts/login",
        &[("email", &user.email), ("password", &user.password)],
    )
    .await;
    assert_eq!(
        response.status().as_u16(),
        200,
        "login failed: {}",
        response.text().await.unwrap()
    );
}
