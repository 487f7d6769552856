//! Who is asking: the session's login, role checks, and logging in and out. Every mutating
//! server function starts here; the UI only hides what these checks would refuse.

use crate::domain::accounts::Role;
use crate::error::AppError;
use crate::server::db::users::{find_user_by_id, UserRow};
use crate::server::db::DbError;
use crate::server::request::forget_viewer;
use crate::server::sessions::{SessionLogin, LOGIN_KEY, REGISTERED_KEY};
use crate::server::state::AppState;
use axum::extract::ConnectInfo;
use chrono::{DateTime, Utc};
use ipnet::{IpNet, Ipv6Net};
use std::net::{IpAddr, SocketAddr};
use tower_sessions::Session;

fn session_failed(err: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %err, "session store failed");
    AppError::Internal
}

/// The session of the current request.
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(session_failed)
}

/// The signed-in account, or `None`, read afresh from the session and the database (server
/// functions ask through `request::Ctx::viewer`, which keeps the answer for the request). A
/// login that outlived its absolute expiry, belongs to a blocked or deleted account, or
/// predates a password change is ended here.
pub async fn load_current_user(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<Option<UserRow>, AppError> {
    load_user_of_session(state, &session().await?, now).await
}

/// [`load_current_user`] for a plain axum handler, which extracts the session itself.
pub async fn load_user_of_session(
    state: &AppState,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<Option<UserRow>, AppError> {
    let Some(login) = session
        .get::<SessionLogin>(LOGIN_KEY)
        .await
        .map_err(session_failed)?
    else {
        return Ok(None);
    };
    let user = match find_user_by_id(&state.db, login.user_id).await {
        Ok(user) => Some(user),
        Err(DbError::NotFound) => None,
        Err(err) => return Err(err.into()),
    };
    match user {
        Some(user) if !user.is_blocked(now) && login.is_valid(user.session_version, now) => {
            Ok(Some(user))
        }
        _ => {
            session.flush().await.map_err(session_failed)?;
            Ok(None)
        }
    }
}

/// [`load_user_of_session`] for a plain axum handler that only some roles may use: 401 for
/// nobody signed in, 403 for another role.
pub async fn user_of_session_with_role(
    state: &AppState,
    session: &Session,
    roles: &[Role],
) -> Result<UserRow, AppError> {
    let user = load_user_of_session(state, session, state.clock.now())
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Starts a login: a new session id (no fixation), then the login record.
pub async fn log_in(session: &Session, user: &UserRow, now: DateTime<Utc>) -> Result<(), AppError> {
    session.cycle_id().await.map_err(session_failed)?;
    forget_viewer();
    let login = SessionLogin {
        user_id: user.id,
        session_version: user.session_version,
        logged_in_at: now,
    };
    session
        .insert(LOGIN_KEY, login)
        .await
        .map_err(session_failed)
}

/// Remembers that this browser registered `user_id` (it knows the password).
pub async fn remember_registration(session: &Session, user_id: i64) -> Result<(), AppError> {
    session
        .insert(REGISTERED_KEY, user_id)
        .await
        .map_err(session_failed)
}

/// After `user_id` confirmed the address: signs the person in if this is the browser that
/// registered the account. A link opened anywhere else (another device, a forwarded mail)
/// confirms the address and no more; the person then logs in with the password.
pub async fn log_in_after_confirmation(
    state: &AppState,
    session: &Session,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let registered = session
        .remove::<i64>(REGISTERED_KEY)
        .await
        .map_err(session_failed)?;
    if registered != Some(user_id) {
        return Ok(false);
    }
    let user = find_user_by_id(&state.db, user_id).await?;
    if user.is_blocked(now) {
        return Ok(false);
    }
    log_in(session, &user, now).await?;
    Ok(true)
}

/// Keeps the current session valid after its own password change raised the version.
pub async fn refresh_login_version(session: &Session, version: i64) -> Result<(), AppError> {
    if let Some(mut login) = session
        .get::<SessionLogin>(LOGIN_KEY)
        .await
        .map_err(session_failed)?
    {
        login.session_version = version;
        session
            .insert(LOGIN_KEY, login)
            .await
            .map_err(session_failed)?;
    }
    Ok(())
}

/// Ends the session entirely (data and cookie).
pub async fn log_out(session: &Session) -> Result<(), AppError> {
    forget_viewer();
    session.flush().await.map_err(session_failed)
}

/// The client's address for rate limiting: the peer, or, when the peer is one of the
/// trusted proxies, the right-most address in `X-Forwarded-For` that is not a trusted proxy.
pub async fn client_address(state: &AppState) -> String {
    let Ok(ConnectInfo(peer)) = leptos_axum::extract::<ConnectInfo<SocketAddr>>().await else {
        return "unknown".to_owned();
    };
    let forwarded = leptos::prelude::use_context::<axum::http::request::Parts>().and_then(|p| {
        p.headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    });
    client_key(
        peer.ip(),
        forwarded.as_deref(),
        &state.settings.trusted_proxies,
    )
}

/// The rate-limit key of a client. Behind trusted proxies, `X-Forwarded-For` is read from
/// the right (each proxy appends the address it saw) past the proxies themselves; an entry
/// that is no address ends the walk at the last trusted hop. IPv6 clients are keyed by their
/// /64: one connection usually owns the whole network, so a /128 key is free to rotate (F-19).
pub fn client_key(peer: IpAddr, forwarded: Option<&str>, trusted: &[IpNet]) -> String {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer.to_canonical();
    if is_trusted(&client) {
        for entry in forwarded.unwrap_or_default().rsplit(',') {
            match entry.trim().parse::<IpAddr>() {
                Ok(hop) => {
                    client = hop.to_canonical();
                    if !is_trusted(&client) {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
    }
    match client {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => Ipv6Net::new(v6, 64)
            .map(|net| net.trunc().to_string())
            .unwrap_or_else(|_| v6.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::client_key;
    use ipnet::IpNet;

    fn key(peer: &str, forwarded: Option<&str>, trusted: &[&str]) -> String {
        let trusted: Vec<IpNet> = trusted.iter().map(|n| n.parse().unwrap()).collect();
        client_key(peer.parse().unwrap(), forwarded, &trusted)
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        // Without a trusted proxy, a client naming any address in the header is ignored.
        assert_eq!(key("203.0.113.9", Some("198.51.100.1"), &[]), "203.0.113.9");
        // From an untrusted peer, even with a proxy list.
        assert_eq!(
            key("203.0.113.9", Some("1.2.3.4"), &["127.0.0.1/32"]),
            "203.0.113.9"
        );
        // From the proxy: the address it appended.
        assert_eq!(
            key(
                "127.0.0.1",
                Some("6.6.6.6, 198.51.100.1"),
                &["127.0.0.1/32"]
            ),
            "198.51.100.1"
        );
    }

    #[test]
    fn a_chain_of_trusted_proxies_is_walked_past() {
        let trusted = ["127.0.0.1/32", "10.0.0.0/8"];
        let chain = Some("6.6.6.6, 198.51.100.1, 10.1.2.3");
        assert_eq!(key("127.0.0.1", chain, &trusted), "198.51.100.1");
        // Garbage ends the walk at the last trusted hop rather than trusting what follows.
        assert_eq!(
            key("127.0.0.1", Some("198.51.100.1, nonsense"), &trusted),
            "127.0.0.1"
        );
        // No header: the proxy itself.
        assert_eq!(key("127.0.0.1", None, &trusted), "127.0.0.1");
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64_network() {
        assert_eq!(key("2001:db8:1:2:aaaa::1", None, &[]), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:bbbb::9", None, &[]), "2001:db8:1:2::/64");
        // IPv4 mapped into IPv6 (a dual-stack listener) is the IPv4 address.
        assert_eq!(key("::ffff:192.0.2.7", None, &[]), "192.0.2.7");
    }
}
