//! Typed settings from defaults and the environment. Every variable is listed in the README.

use ipnet::IpNet;
use leptos::config::{Env, LeptosOptions};
use secrecy::{ExposeSecret, SecretString};
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use url::Url;

/// A setting that could not be used, named so the operator knows what to fix.
#[derive(Debug, thiserror::Error)]
#[error("{setting}: {message}")]
pub struct ConfigError {
    pub setting: &'static str,
    pub message: String,
}

impl ConfigError {
    fn new(setting: &'static str, message: impl Into<String>) -> Self {
        ConfigError {
            setting,
            message: message.into(),
        }
    }
}

/// Which database to use: an SQLite file (default) or a PostgreSQL server.
#[derive(Clone)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(SecretString),
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/stadtlabor.db";

impl DatabaseUrl {
    /// Accepts `sqlite://relative/path.db`, `sqlite:///absolute/path.db`, `sqlite:path.db`
    /// and `postgres://` / `postgresql://` URLs.
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let raw = raw.trim();
        if let Some(rest) = raw.strip_prefix("sqlite:") {
            let rest = rest.strip_prefix("//").unwrap_or(rest);
            let path = rest.split('?').next().unwrap_or_default();
            if path.is_empty() || path.starts_with(':') {
                return Err(ConfigError::new(
                    "DATABASE_URL",
                    "an SQLite URL needs a file path, e.g. sqlite://data/stadtlabor.db",
                ));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        let url = Url::parse(raw).map_err(|e| {
            ConfigError::new("DATABASE_URL", format!("not a valid database URL ({e})"))
        })?;
        match url.scheme() {
            "postgres" | "postgresql" if url.host_str().is_some_and(|h| !h.is_empty()) => {
                Ok(DatabaseUrl::Postgres(SecretString::from(raw.to_owned())))
            }
            "postgres" | "postgresql" => Err(ConfigError::new(
                "DATABASE_URL",
                "a PostgreSQL URL needs a host, e.g. postgres://user:password@localhost/stadtlabor",
            )),
            other => Err(ConfigError::new(
                "DATABASE_URL",
                format!("unsupported scheme '{other}:' (use sqlite: or postgres:)"),
            )),
        }
    }

    /// The URL with any password replaced, safe for logs and error messages.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres(secret) => match Url::parse(secret.expose_secret()) {
                Ok(mut url) => {
                    if url.password().is_some() {
                        let _ = url.set_password(Some("***"));
                    }
                    url.to_string()
                }
                Err(_) => "postgres://***".to_owned(),
            },
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// All settings of one running instance.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub db_max_connections: u32,
    pub site_addr: SocketAddr,
    pub site_root: String,
    /// `LEPTOS_ENV=PROD` in production (Leptos then omits development helpers).
    pub production: bool,
    /// The public address of the site, for links in mails and the `Secure` cookie flag.
    pub base_url: Url,
    pub log_format: LogFormat,
    /// `smtp://` or `smtps://` URL of the mail server; without it mail goes to `mail_dir`.
    pub smtp_url: Option<SecretString>,
    /// Sender of every mail ("Name <address>").
    pub mail_from: lettre::message::Mailbox,
    pub mail_dir: PathBuf,
    /// First retry delay of a failed mail; it doubles with every attempt.
    pub mail_retry_base: std::time::Duration,
    /// The reverse proxies (addresses or networks) whose `X-Forwarded-For` is believed; empty:
    /// the peer address is the client's.
    pub trusted_proxies: Vec<IpNet>,
    /// Mail-sending account requests allowed per client address and hour.
    pub mail_requests_per_hour: i64,
    /// How long a client may take to send a request's headers (slowloris) and, on a kept-alive
    /// connection, to start the next request.
    pub header_timeout: std::time::Duration,
    /// How long a request may take from its headers to the response (a stalled body included).
    pub request_timeout: std::time::Duration,
    /// The hour (0–23, Europe/Berlin) from which daily and weekly digests are sent.
    pub digest_hour: u32,
    /// Automatic hiding: an item reported by this many distinct verified accounts (each
    /// older than a day) is hidden pending review. `None`: off (the default; a group could
    /// silence a critic).
    pub auto_hide_reports: Option<i64>,
    /// Pre-moderation: this many first contributions (ideas and comments) of an account wait
    /// for staff before others see them. `None`: off (the default).
    pub premoderation_first: Option<i64>,
    /// How many hours before a workshop's start registered people get the reminder (1–72).
    pub workshop_reminder_hours: i64,
    /// How long a place offered from the waitlist (claim mode) is held for one click (1–168).
    pub workshop_claim_hours: i64,
}

/// The proxy list: addresses or networks, separated by commas (`127.0.0.1, 10.0.0.0/8`).
/// The former `true` is refused with a hint: believing `X-Forwarded-For` from anyone lets a
/// client name any address and slip past the login limits (F-19).
fn parse_proxy_list(list: &str) -> Result<Vec<IpNet>, ConfigError> {
    const KEY: &str = "STADTLABOR_TRUST_PROXY";
    if matches!(list.trim(), "false" | "0") {
        return Ok(Vec::new());
    }
    list.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<IpNet>()
                .or_else(|_| part.parse::<std::net::IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    ConfigError::new(
                        KEY,
                        format!(
                            "expected the proxy's addresses or networks, e.g. 127.0.0.1 or \
                             10.0.0.0/8, not {part:?}"
                        ),
                    )
                })
        })
        .collect()
}

/// A number (of `unit`s, for the message) within `range` from the variable `key`, else
/// `default`.
fn number_setting(
    lookup: &impl Fn(&str) -> Option<String>,
    key: &'static str,
    unit: &str,
    range: std::ops::RangeInclusive<i64>,
    default: i64,
) -> Result<i64, ConfigError> {
    match lookup(key) {
        None => Ok(default),
        Some(v) => v
            .parse::<i64>()
            .ok()
            .filter(|h| range.contains(h))
            .ok_or_else(|| {
                ConfigError::new(
                    key,
                    format!(
                        "expected a number of {unit} from {} to {}, e.g. {default}",
                        range.start(),
                        range.end()
                    ),
                )
            }),
    }
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok().filter(|v| !v.is_empty()))
    }

    /// Reads the settings through `lookup` (the environment in production, a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = DatabaseUrl::parse(
            &lookup("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
        )?;
        let db_max_connections = match lookup("STADTLABOR_DB_MAX_CONNECTIONS") {
            None => 10,
            Some(v) => v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                ConfigError::new(
                    "STADTLABOR_DB_MAX_CONNECTIONS",
                    "expected a positive number",
                )
            })?,
        };
        let site_addr: SocketAddr = lookup("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".to_owned())
            .parse()
            .map_err(|_| {
                ConfigError::new(
                    "LEPTOS_SITE_ADDR",
                    "expected host:port, e.g. 127.0.0.1:3000",
                )
            })?;
        let site_root = lookup("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned());
        let production = match lookup("LEPTOS_ENV")
            .map(|v| v.to_ascii_lowercase())
            .as_deref()
        {
            None | Some("dev" | "development") => false,
            Some("prod" | "production") => true,
            Some(_) => return Err(ConfigError::new("LEPTOS_ENV", "expected DEV or PROD")),
        };
        let base_url =
            lookup("STADTLABOR_BASE_URL").unwrap_or_else(|| format!("http://{site_addr}"));
        let base_url = Url::parse(&base_url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
            .ok_or_else(|| ConfigError::new("STADTLABOR_BASE_URL", "expected an http(s) URL"))?;
        // Session cookies are `Secure` only with an https base URL: in production a plain
        // http address (other than this machine's, for a local trial) is a mistake (F-17).
        let local = matches!(
            base_url.host_str(),
            Some("localhost" | "127.0.0.1" | "[::1]")
        );
        if production && base_url.scheme() != "https" && !local {
            return Err(ConfigError::new(
                "STADTLABOR_BASE_URL",
                "must be an https URL with LEPTOS_ENV=PROD (session cookies would go out \
                 without Secure), e.g. https://stadtlabor.kreis-soest.de",
            ));
        }
        let log_format = match lookup("STADTLABOR_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(_) => {
                return Err(ConfigError::new(
                    "STADTLABOR_LOG_FORMAT",
                    "expected text or json",
                ))
            }
        };
        let smtp_url = lookup("STADTLABOR_SMTP_URL").map(SecretString::from);
        if let Some(url) = &smtp_url {
            let scheme = url.expose_secret().split(':').next().unwrap_or_default();
            if !matches!(scheme, "smtp" | "smtps") {
                return Err(ConfigError::new(
                    "STADTLABOR_SMTP_URL",
                    "expected smtp://user:password@host:587?tls=required or smtps://…",
                ));
            }
            // `smtp://` without `tls=required` is plaintext: passwords and mail in clear on
            // the wire. Only to a relay on this machine (F-26).
            let parsed = Url::parse(url.expose_secret()).map_err(|_| {
                ConfigError::new("STADTLABOR_SMTP_URL", "expected an smtp:// or smtps:// URL")
            })?;
            let local = matches!(parsed.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
            let tls = scheme == "smtps"
                || parsed
                    .query_pairs()
                    .any(|(k, v)| k == "tls" && v == "required");
            if !tls && !local {
                return Err(ConfigError::new(
                    "STADTLABOR_SMTP_URL",
                    "plaintext SMTP only to this machine: add ?tls=required (STARTTLS) or use \
                     smtps://",
                ));
            }
        }
        let mail_from = lookup("STADTLABOR_MAIL_FROM")
            .unwrap_or_else(|| "Stadtlabor <stadtlabor@localhost>".to_owned())
            .parse()
            .map_err(|_| {
                ConfigError::new(
                    "STADTLABOR_MAIL_FROM",
                    "expected Name <address@example.org>",
                )
            })?;
        let mail_dir =
            PathBuf::from(lookup("STADTLABOR_MAIL_DIR").unwrap_or_else(|| "data/mail".to_owned()));
        let mail_retry_base = match lookup("STADTLABOR_MAIL_RETRY_SECS") {
            None => std::time::Duration::from_secs(30),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|s| *s > 0.0 && s.is_finite())
                .map(std::time::Duration::from_secs_f64)
                .ok_or_else(|| {
                    ConfigError::new(
                        "STADTLABOR_MAIL_RETRY_SECS",
                        "expected a positive number of seconds",
                    )
                })?,
        };
        let trusted_proxies = match lookup("STADTLABOR_TRUST_PROXY") {
            None => Vec::new(),
            Some(list) => parse_proxy_list(&list)?,
        };
        let digest_hour = match lookup("STADTLABOR_DIGEST_HOUR") {
            None => 7,
            Some(v) => v.parse::<u32>().ok().filter(|h| *h < 24).ok_or_else(|| {
                ConfigError::new("STADTLABOR_DIGEST_HOUR", "expected an hour from 0 to 23")
            })?,
        };
        let auto_hide_reports = match lookup("STADTLABOR_AUTO_HIDE_REPORTS").as_deref() {
            None | Some("0" | "off") => None,
            Some(v) => Some(
                v.parse::<i64>()
                    .ok()
                    .filter(|n| (2..=100).contains(n))
                    .ok_or_else(|| {
                        ConfigError::new(
                            "STADTLABOR_AUTO_HIDE_REPORTS",
                            "expected off (0) or a number of reporters from 2 to 100, e.g. 3",
                        )
                    })?,
            ),
        };
        let premoderation_first = match lookup("STADTLABOR_PREMODERATION_FIRST").as_deref() {
            None | Some("0" | "off") => None,
            Some(_) => Some(number_setting(
                &lookup,
                "STADTLABOR_PREMODERATION_FIRST",
                "contributions",
                1..=20,
                3,
            )?),
        };
        let workshop_reminder_hours = number_setting(
            &lookup,
            "STADTLABOR_WORKSHOP_REMINDER_HOURS",
            "hours",
            1..=72,
            24,
        )?;
        let workshop_claim_hours = number_setting(
            &lookup,
            "STADTLABOR_WORKSHOP_CLAIM_HOURS",
            "hours",
            1..=168,
            24,
        )?;
        let mail_requests_per_hour = number_setting(
            &lookup,
            "STADTLABOR_MAIL_REQUESTS_PER_HOUR",
            "requests",
            1..=100_000,
            10,
        )?;
        let header_timeout_secs = number_setting(
            &lookup,
            "STADTLABOR_HEADER_TIMEOUT_SECS",
            "seconds",
            1..=300,
            10,
        )?;
        let request_timeout_secs = number_setting(
            &lookup,
            "STADTLABOR_REQUEST_TIMEOUT_SECS",
            "seconds",
            1..=600,
            30,
        )?;
        Ok(Settings {
            digest_hour,
            mail_requests_per_hour,
            header_timeout: std::time::Duration::from_secs(header_timeout_secs.unsigned_abs()),
            request_timeout: std::time::Duration::from_secs(request_timeout_secs.unsigned_abs()),
            auto_hide_reports,
            premoderation_first,
            workshop_reminder_hours,
            workshop_claim_hours,
            smtp_url,
            mail_from,
            mail_dir,
            mail_retry_base,
            trusted_proxies,
            database_url,
            db_max_connections,
            site_addr,
            site_root,
            production,
            base_url,
            log_format,
        })
    }

    /// An absolute link to `path_and_query` on the public site, for mails.
    pub fn link(&self, path_and_query: &str) -> String {
        let base = self.base_url.as_str().trim_end_matches('/');
        format!("{base}{path_and_query}")
    }

    /// Whether cookies must carry the `Secure` flag.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.scheme() == "https"
    }

    /// The options Leptos renders with (asset paths, the address of the site).
    pub fn leptos_options(&self) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("stadtlabor")
            .site_root(self.site_root.as_str())
            .site_pkg_dir("pkg")
            .hash_files(built_with_hashes())
            .site_addr(self.site_addr)
            .env(if self.production { Env::PROD } else { Env::DEV })
            .build()
    }
}

/// Whether `cargo leptos build` gave the built files hashed names: it then writes
/// `hash.txt` (the hashes) beside the binary, where Leptos reads it. A binary built without
/// it (the tests) links the plain names.
fn built_with_hashes() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|file| file.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_give_an_embedded_sqlite_database_on_port_3000() {
        let s = settings(&[]).unwrap();
        assert!(
            matches!(&s.database_url, DatabaseUrl::Sqlite(p) if p == &PathBuf::from("data/stadtlabor.db"))
        );
        assert_eq!(s.site_addr.port(), 3000);
        assert_eq!(s.base_url.as_str(), "http://127.0.0.1:3000/");
        assert!(!s.secure_cookies());
    }

    #[test]
    fn plaintext_smtp_goes_only_to_this_machine() {
        let smtp = |url: &str| settings(&[("STADTLABOR_SMTP_URL", url)]).map(|_| ());
        assert!(smtp("smtp://user:pw@mail.kreis-soest.de:587").is_err());
        assert!(smtp("smtp://user:pw@mail.kreis-soest.de:587?tls=required").is_ok());
        assert!(smtp("smtps://user:pw@mail.kreis-soest.de:465").is_ok());
        assert!(smtp("smtp://127.0.0.1:2525").is_ok());
        assert!(smtp("smtp://localhost:25").is_ok());
    }

    #[test]
    fn production_refuses_a_plain_http_base_url_except_on_this_machine() {
        let err = settings(&[
            ("LEPTOS_ENV", "PROD"),
            ("STADTLABOR_BASE_URL", "http://stadtlabor.kreis-soest.de"),
        ])
        .unwrap_err();
        assert_eq!(err.setting, "STADTLABOR_BASE_URL");
        assert!(settings(&[
            ("LEPTOS_ENV", "PROD"),
            ("STADTLABOR_BASE_URL", "https://stadtlabor.kreis-soest.de"),
        ])
        .unwrap()
        .secure_cookies());
        assert!(
            settings(&[("LEPTOS_ENV", "PROD")]).is_ok(),
            "a local trial on 127.0.0.1"
        );
        assert!(settings(&[("STADTLABOR_BASE_URL", "http://stadtlabor.example")]).is_ok());
    }

    #[test]
    fn sqlite_urls_in_all_spellings_are_understood() {
        for (raw, path) in [
            ("sqlite://data/x.db", "data/x.db"),
            (
                "sqlite:///var/lib/stadtlabor/x.db",
                "/var/lib/stadtlabor/x.db",
            ),
            ("sqlite:x.db?mode=rwc", "x.db"),
        ] {
            assert!(
                matches!(DatabaseUrl::parse(raw), Ok(DatabaseUrl::Sqlite(p)) if p == std::path::Path::new(path)),
                "{raw}"
            );
        }
    }

    #[test]
    fn malformed_or_foreign_urls_are_refused_naming_the_setting() {
        for raw in [
            "mysql://localhost/x",
            "not a url",
            "sqlite:",
            "sqlite::memory:",
            "postgres:///x",
        ] {
            let err = DatabaseUrl::parse(raw).unwrap_err();
            assert_eq!(err.setting, "DATABASE_URL", "{raw}");
        }
    }

    #[test]
    fn postgres_passwords_never_appear_in_debug_output() {
        let url = DatabaseUrl::parse("postgres://app:s3cret@db.example:5432/stadtlabor").unwrap();
        let shown = format!("{url:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("db.example"));
    }

    #[test]
    fn the_proxy_list_takes_addresses_and_networks_and_refuses_true() {
        let s = settings(&[("STADTLABOR_TRUST_PROXY", "127.0.0.1, 10.0.0.0/8,::1")]).unwrap();
        let shown: Vec<String> = s.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]);
        assert!(settings(&[]).unwrap().trusted_proxies.is_empty());
        let refused = settings(&[("STADTLABOR_TRUST_PROXY", "true")]).unwrap_err();
        assert_eq!(refused.setting, "STADTLABOR_TRUST_PROXY");
        assert!(refused.message.contains("127.0.0.1"), "{}", refused.message);
    }

    #[test]
    fn bad_values_name_their_setting() {
        assert_eq!(
            settings(&[("LEPTOS_SITE_ADDR", "nope")])
                .unwrap_err()
                .setting,
            "LEPTOS_SITE_ADDR"
        );
        assert_eq!(
            settings(&[("STADTLABOR_BASE_URL", "ftp://x")])
                .unwrap_err()
                .setting,
            "STADTLABOR_BASE_URL"
        );
        assert_eq!(
            settings(&[("STADTLABOR_DB_MAX_CONNECTIONS", "0")])
                .unwrap_err()
                .setting,
            "STADTLABOR_DB_MAX_CONNECTIONS"
        );
    }

    #[test]
    fn an_https_base_url_makes_cookies_secure() {
        assert!(
            settings(&[("STADTLABOR_BASE_URL", "https://beteiligung.example")])
                .unwrap()
                .secure_cookies()
        );
    }
}
