use crate::helpers::{fresh_database, test_settings};
use stadtlabor::server::db::projects::count_projects;
use stadtlabor::server::db::Db;
use stadtlabor::server::seed::seed_demo;

/// (table or view, column) pairs of the migrated schema, from the engine's own catalogue. The
/// search index is engine-specific by design (FTS5 tables on SQLite, a GIN index on
/// PostgreSQL) and left out, as is `serving_hosts`: the record of the one machine serving a
/// SQLite file (server::single_node), which PostgreSQL with its several machines has no use
/// for (its migration 0017 is an explained no-op).
async fn columns(db: &Db) -> Vec<(String, String)> {
    let mut columns: Vec<(String, String)> = match db {
        Db::Sqlite(pool) => sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' \
               AND m.name NOT LIKE 'ideas_search%' AND m.name <> 'serving_hosts'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
        Db::Postgres(pool) => sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
    };
    columns.sort();
    columns
}

async fn migrated(url: &str) -> Db {
    let settings = test_settings(url);
    let db = Db::connect(&settings.database_url, 2).await.unwrap();
    db.migrate().await.unwrap();
    db
}

#[tokio::test]
async fn migrations_create_the_same_tables_and_columns_on_both_engines() {
    let sqlite_dir = tempfile::tempdir().unwrap();
    let sqlite = migrated(&format!("sqlite://{}/s.db", sqlite_dir.path().display())).await;
    let sqlite_columns = columns(&sqlite).await;
    assert!(sqlite_columns
        .iter()
        .any(|(t, c)| t == "ideas" && c == "vote_count"));

    // The PostgreSQL half runs where a server is given (always in the README's test command).
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty()) {
        let database = fresh_database().await;
        let postgres = migrated(&database.url).await;
        assert_eq!(sqlite_columns, columns(&postgres).await);
    }
}

#[tokio::test]
async fn migrating_twice_is_harmless() {
    let database = fresh_database().await;
    let db = migrated(&database.url).await;
    db.migrate().await.unwrap();
}

#[tokio::test]
async fn seeding_the_demo_content_twice_adds_nothing_the_second_time() {
    let database = fresh_database().await;
    let db = migrated(&database.url).await;
    seed_demo(&db, chrono::Utc::now()).await.unwrap();
    seed_demo(&db, chrono::Utc::now()).await.unwrap();
    assert_eq!(count_projects(&db).await.unwrap(), 3);
}
