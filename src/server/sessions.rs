//! Server-side sessions (tower-sessions) stored in our own database on either engine, and
//! what a session knows about its login.

use crate::server::db::Db;
use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "stadtlabor_session";
/// The cookie's name over https: the `__Host-` prefix makes browsers refuse it unless it is
/// `Secure`, has `Path=/` and no `Domain`, so no subdomain can plant or overwrite it (F-17).
pub const SECURE_SESSION_COOKIE: &str = "__Host-stadtlabor_session";

/// The session cookie's name for a site that is (`secure`) or is not served over https.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}
/// A session unused this long ends (idle expiry).
pub const IDLE_EXPIRY: TimeDelta = TimeDelta::hours(12);
/// A login ends this long after it happened, however active (absolute expiry).
pub const ABSOLUTE_EXPIRY: TimeDelta = TimeDelta::days(30);

/// The session store of the engine in use; the tables come from our migrations.
#[derive(Clone, Debug)]
pub enum DbSessionStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl DbSessionStore {
    pub fn new(db: &Db) -> Self {
        const INVALID: &str = "the sessions table name is a valid identifier";
        match db {
            Db::Sqlite(pool) => DbSessionStore::Sqlite(
                SqliteStore::new(pool.clone())
                    .with_table_name("sessions")
                    .expect(INVALID),
            ),
            Db::Postgres(pool) => DbSessionStore::Postgres(
                PostgresStore::new(pool.clone())
                    .with_schema_name("public")
                    .expect(INVALID)
                    .with_table_name("sessions")
                    .expect(INVALID),
            ),
        }
    }
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            DbSessionStore::Sqlite(store) => store.create(record).await,
            DbSessionStore::Postgres(store) => store.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            DbSessionStore::Sqlite(store) => store.save(record).await,
            DbSessionStore::Postgres(store) => store.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            DbSessionStore::Sqlite(store) => store.load(id).await,
            DbSessionStore::Postgres(store) => store.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            DbSessionStore::Sqlite(store) => store.delete(id).await,
            DbSessionStore::Postgres(store) => store.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            DbSessionStore::Sqlite(store) => store.delete_expired().await,
            DbSessionStore::Postgres(store) => store.delete_expired().await,
        }
    }
}

/// The session middleware: `HttpOnly`, `SameSite=Lax`, `Secure` behind https, idle expiry.
pub fn session_layer(store: DbSessionStore, secure: bool) -> SessionManagerLayer<DbSessionStore> {
    SessionManagerLayer::new(store)
        .with_name(session_cookie_name(secure))
        .with_path("/")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_expiry(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::seconds(IDLE_EXPIRY.num_seconds()),
        ))
}

/// What the session remembers about a login.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionLogin {
    pub user_id: i64,
    /// The account's session version at login; a password change raises it.
    pub session_version: i64,
    pub logged_in_at: DateTime<Utc>,
}

/// Session key of [`SessionLogin`].
pub const LOGIN_KEY: &str = "login";

/// Session key of the account this browser just registered (its id), until the address is
/// confirmed: confirming it in the same browser signs the person in.
pub const REGISTERED_KEY: &str = "registered";

impl SessionLogin {
    /// Whether this login still counts: within the absolute expiry and not outdated by a
    /// password change.
    pub fn is_valid(&self, current_version: i64, now: DateTime<Utc>) -> bool {
        self.session_version == current_version && now - self.logged_in_at < ABSOLUTE_EXPIRY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_https_the_session_cookie_carries_the_host_prefix() {
        assert_eq!(session_cookie_name(true), "__Host-stadtlabor_session");
        assert_eq!(session_cookie_name(false), "stadtlabor_session");
    }
}
