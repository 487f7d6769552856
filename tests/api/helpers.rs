use stadtlabor::server::config::Settings;
use stadtlabor::server::db::Db;
use stadtlabor::server::seed::seed_demo;
use stadtlabor::server::startup::Application;

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

pub fn test_settings(database_url: &str) -> Settings {
    Settings::from_lookup(|key| match key {
        "DATABASE_URL" => Some(database_url.to_owned()),
        "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".to_owned()),
        _ => None,
    })
    .expect("test settings are valid")
}

/// A running app on a random port with the demo content loaded.
pub struct TestApp {
    pub address: String,
    pub db: Db,
    /// Keeps cookies like a browser, does not follow redirects (tests look at them).
    pub client: reqwest::Client,
    _database: TestDatabase,
}

pub async fn spawn_app() -> TestApp {
    let database = fresh_database().await;
    let settings = test_settings(&database.url);
    let db = Db::connect(&settings.database_url, 5)
        .await
        .expect("connect");
    db.migrate().await.expect("migrate");
    seed_demo(&db, chrono::Utc::now()).await.expect("seed");
    let app = Application::build_with_db(settings, db.clone())
        .await
        .expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address,
        db,
        client,
        _database: database,
    }
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{}", self.address, path))
            .send()
            .await
            .expect("request")
    }

    /// GETs a page and returns status and body.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}
