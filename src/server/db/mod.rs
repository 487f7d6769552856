//! The database seam: one `Db` over two engines, chosen at start-up by the URL scheme.
//!
//! SQLite is the embedded default; PostgreSQL serves installations with several app
//! instances. Both drivers are always compiled in. Queries are written once with `$n`
//! placeholders (sqlx binds them by number on SQLite too) and expanded per engine by
//! [`with_pool!`]/[`with_tx!`], so each arm is type-checked against its own driver. Where the
//! dialects truly differ, the code matches on the variant and says why.

pub mod blocks;
pub mod comments;
pub mod counters;
pub mod follows;
pub mod ideas;
pub mod moderation;
pub mod notifications;
pub mod objections;
pub mod outbox;
pub mod participation;
pub mod programmes;
pub mod project_images;
pub mod projects;
pub mod rate_counters;
pub mod reference;
pub mod renderings;
pub mod serving_hosts;
pub mod stored;
pub mod tokens;
pub mod users;
pub mod votes;
pub mod workshops;

use crate::server::config::DatabaseUrl;
use anyhow::Context;
use chrono::{DateTime, Utc};
use secrecy::ExposeSecret;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;

pub static SQLITE_MIGRATOR: Migrator = sqlx::migrate!("migrations/sqlite");
pub static POSTGRES_MIGRATOR: Migrator = sqlx::migrate!("migrations/postgres");

/// A connection pool on one of the two supported engines. Cheap to clone.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// An open transaction on either engine. Dropping it without `commit` rolls it back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Expands `$body` once per engine with `$pool` bound to that engine's pool.
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::server::db::Db::Sqlite($pool) => $body,
            $crate::server::db::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use with_pool;

/// Expands `$body` once per engine with `$conn` bound to the transaction's connection.
macro_rules! with_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::server::db::Tx::Sqlite(tx) => {
                let $conn = &mut **tx;
                $body
            }
            $crate::server::db::Tx::Postgres(tx) => {
                let $conn = &mut **tx;
                $body
            }
        }
    };
}
pub(crate) use with_tx;

/// The organisation shown for the account `$users` (an alias of `users` in the query): a
/// business account's, once staff verified it; NULL otherwise. The SQL twin of
/// `UserRow::verified_organisation`, for every read that shows who wrote something.
macro_rules! verified_organisation {
    ($users:literal) => {
        concat!(
            "CASE WHEN ",
            $users,
            ".role = 'business' AND ",
            $users,
            ".organisation_status = 'verified' THEN ",
            $users,
            ".organisation_name END"
        )
    };
}
pub(crate) use verified_organisation;

/// The id the name of the account `$users` links to: its public profile's, unless the person
/// chose to show none (then NULL, and the name shows without a link).
macro_rules! profile_id {
    ($users:literal) => {
        concat!(
            "CASE WHEN ",
            $users,
            ".profile_public THEN ",
            $users,
            ".id END"
        )
    };
}
pub(crate) use profile_id;

/// An account as named in running text (notifications, an idea's history, the queue): the
/// display name, followed by the verified organisation in brackets.
macro_rules! shown_name {
    ($users:literal) => {
        concat!(
            "COALESCE(",
            $users,
            ".display_name || ' (' || ",
            $crate::server::db::verified_organisation!($users),
            " || ')', ",
            $users,
            ".display_name)"
        )
    };
}
pub(crate) use shown_name;

/// A value bound to a query whose `WHERE` is put together from optional filters.
pub(super) enum Bind {
    Int(i64),
    Text(String),
    Time(DateTime<Utc>),
}

/// SQL with its bound values, built clause by clause: each `?` of a pushed clause becomes the
/// next `$n`, so filters never splice values into the text.
pub(super) struct FilteredSql {
    pub sql: String,
    pub binds: Vec<Bind>,
}

impl FilteredSql {
    pub fn new(sql: impl Into<String>) -> Self {
        FilteredSql {
            sql: sql.into(),
            binds: Vec::new(),
        }
    }

    /// Appends `clause`, binding `values` to its `?` in order.
    pub fn push(&mut self, clause: &str, values: impl IntoIterator<Item = Bind>) {
        let mut values = values.into_iter();
        let mut parts = clause.split('?');
        if let Some(first) = parts.next() {
            self.sql.push_str(first);
        }
        for part in parts {
            let value = values.next().expect("a value for every `?`");
            self.binds.push(value);
            self.sql.push_str(&format!("${}", self.binds.len()));
            self.sql.push_str(part);
        }
    }

    pub fn push_str(&mut self, sql: &str) {
        self.sql.push_str(sql);
    }
}

/// Binds a [`FilteredSql`]'s values to `$query` (any sqlx query type) in order.
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for bind in $binds {
            query = match bind {
                $crate::server::db::Bind::Int(v) => query.bind(v),
                $crate::server::db::Bind::Text(v) => query.bind(v),
                $crate::server::db::Bind::Time(v) => query.bind(v),
            };
        }
        query
    }};
}
pub(crate) use bind_all;

/// What a database call failed with, in terms the layers above can act on.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("row not found")]
    NotFound,
    #[error("unique constraint violated ({constraint})")]
    Conflict { constraint: String },
    /// PostgreSQL gave up the transaction to resolve a deadlock or a serialization failure;
    /// nothing of it was kept, and the same request again will go through.
    #[error("transaction aborted by lock contention")]
    Contention,
    #[error(transparent)]
    Other(sqlx::Error),
}

impl From<sqlx::Error> for DbError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => DbError::Conflict {
                constraint: db.constraint().unwrap_or("unique").to_owned(),
            },
            // deadlock_detected, serialization_failure
            sqlx::Error::Database(db)
                if matches!(db.code().as_deref(), Some("40P01" | "40001")) =>
            {
                tracing::warn!(error = %db, "transaction aborted by lock contention");
                DbError::Contention
            }
            _ => DbError::Other(err),
        }
    }
}

/// Creates the directory a SQLite file goes into, naming the setting when it cannot.
fn create_parent_dir(database: &std::path::Path) -> anyhow::Result<()> {
    if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "DATABASE_URL: cannot create the directory {}",
                dir.display()
            )
        })?;
    }
    Ok(())
}

/// Waits for (and holds, until dropped) the lock of `<database>.start-lock`.
async fn start_lock(database: &std::path::Path) -> anyhow::Result<std::fs::File> {
    create_parent_dir(database)?;
    let mut name = database.as_os_str().to_owned();
    name.push(".start-lock");
    let path = std::path::PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("DATABASE_URL: cannot create {}", path.display()))?;
    // Blocking until the other process is done: off the async threads.
    tokio::task::spawn_blocking(move || file.lock().map(|()| file))
        .await?
        .with_context(|| format!("DATABASE_URL: cannot lock {}", path.display()))
}

impl DbError {
    /// A stored value the code does not know (e.g. a phase written by a newer version).
    pub fn corrupt(err: impl std::error::Error + Send + Sync + 'static) -> Self {
        DbError::Other(sqlx::Error::Decode(Box::new(err)))
    }
}

impl Db {
    /// Opens the pool named by `DATABASE_URL`. Errors name the setting and never contain the
    /// password.
    pub async fn connect(url: &DatabaseUrl, max_connections: u32) -> anyhow::Result<Db> {
        match url {
            DatabaseUrl::Sqlite(path) => {
                create_parent_dir(path)?;
                let options = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5));
                let pool = SqlitePoolOptions::new()
                    .max_connections(max_connections)
                    .connect_with(options)
                    .await
                    .with_context(|| {
                        format!(
                            "DATABASE_URL: cannot open the SQLite database {}",
                            path.display()
                        )
                    })?;
                Ok(Db::Sqlite(pool))
            }
            DatabaseUrl::Postgres(secret) => {
                let redacted = url.redacted();
                let options = PgConnectOptions::from_str(secret.expose_secret())
                    .with_context(|| format!("DATABASE_URL: invalid PostgreSQL URL {redacted}"))?;
                let pool = PgPoolOptions::new()
                    .max_connections(max_connections)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await
                    .with_context(|| {
                        format!("DATABASE_URL: cannot connect to PostgreSQL at {redacted}")
                    })?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    /// Connects and applies the pending migrations. Processes that start at the same moment
    /// take turns: PostgreSQL's migrations take its advisory lock; for SQLite, whose first
    /// opening (switching to WAL) and migrations fail with "database is locked" when two
    /// run at once, a lock on a file beside the database serialises the whole start.
    pub async fn open(url: &DatabaseUrl, max_connections: u32) -> anyhow::Result<Db> {
        let _turn = match url {
            DatabaseUrl::Sqlite(path) => Some(start_lock(path).await?),
            DatabaseUrl::Postgres(_) => None,
        };
        let db = Db::connect(url, max_connections).await?;
        db.migrate().await?;
        Ok(db)
    }

    /// Applies the pending migrations of this engine.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATOR.run(pool).await,
            Db::Postgres(pool) => POSTGRES_MIGRATOR.run(pool).await,
        }
        .context("applying the database migrations failed")
    }

    /// Short name of the engine, for logs and `/healthz`.
    pub fn engine(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), DbError> {
        with_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(drop))?;
        Ok(())
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once (`IMMEDIATE`), so
    /// two writers queue on the busy timeout instead of failing when a read upgrades to a write.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn versions(migrator: &Migrator) -> Vec<(i64, String)> {
        migrator
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
            .map(|m| (m.version, m.description.to_string()))
            .collect()
    }

    #[test]
    fn both_engines_have_the_same_migration_versions_and_names() {
        let sqlite = versions(&SQLITE_MIGRATOR);
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, versions(&POSTGRES_MIGRATOR));
    }
}
