//! The limits on requests that cost the server or other people something: password guesses,
//! mail sent to an address, markdown previews. Each request counts itself *before* it does its work (one
//! upsert in `db::rate_counters`), so a burst of parallel requests cannot slip past a check
//! that ran before any of them was recorded (security review F-02). Windows are fixed (the
//! clock's quarter hour or hour), which allows at most twice a limit across a window's edge
//! and costs one row per subject and window.

use crate::error::AppError;
use crate::server::db::{rate_counters, Db};
use chrono::{DateTime, TimeDelta, Utc};

/// One limit: at most `max` hits per `window` and subject.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// The counter's name in the database and the log.
    pub scope: &'static str,
    pub max: i64,
    pub window: TimeDelta,
    /// Whether the subject may appear in the log as it is (a client address, which the
    /// proxy's fail2ban needs) or only as a pseudonym (an account, a mail address).
    pub log_in_clear: bool,
}

/// Wrong passwords for one account from one client address: the owner, trying from
/// elsewhere, is not locked out by someone else's guesses (F-03).
pub const LOGIN_PER_ACCOUNT_AND_ADDRESS: Limit = Limit {
    scope: "login_pair",
    max: 5,
    window: TimeDelta::minutes(15),
    log_in_clear: false,
};

/// Wrong passwords from one client address, for any accounts (password spraying). Higher
/// than the pair limit: an office behind one address has several people who mistype.
pub const LOGIN_PER_ADDRESS: Limit = Limit {
    scope: "login_address",
    max: 20,
    window: TimeDelta::minutes(15),
    log_in_clear: true,
};

/// Wrong passwords for one account from anywhere: the ceiling against guessing from many
/// addresses. Someone with that many addresses can still lock an owner out for a quarter
/// of an hour; that is the accepted price (README, Security).
pub const LOGIN_PER_ACCOUNT: Limit = Limit {
    scope: "login_account",
    max: 50,
    window: TimeDelta::minutes(15),
    log_in_clear: false,
};

/// Account mails (verification, reset, email change, "address in use") to one address,
/// whether or not it belongs to an account: nobody can mail-bomb a third party from the
/// municipality's server (F-08), and the answer tells nothing about the address.
pub const MAILS_PER_RECIPIENT: Limit = Limit {
    scope: "mail_recipient",
    max: 5,
    window: TimeDelta::hours(1),
    log_in_clear: false,
};

/// Mail-sending requests (register, resend, reset, change email) from one client address;
/// the number is a setting (`STADTLABOR_MAIL_REQUESTS_PER_HOUR`), as an office or a school
/// behind one address may need more.
pub fn mail_requests_per_address(max: i64) -> Limit {
    Limit {
        scope: "mail_address",
        max,
        window: TimeDelta::hours(1),
        log_in_clear: true,
    }
}

/// Markdown previews per person (a preview is cheap, but not free; a person previews a few
/// times per text).
pub const PREVIEWS_PER_PERSON: Limit = Limit {
    scope: "preview",
    max: 30,
    window: TimeDelta::minutes(1),
    log_in_clear: true,
};

/// A counted hit, which can be taken back when the request proved legitimate.
#[derive(Debug)]
pub struct Hit {
    limit: Limit,
    subject: String,
    window_start: DateTime<Utc>,
}

impl Hit {
    /// Takes the hit back (a login that succeeded does not use up an office's allowance).
    pub async fn undo(&self, db: &Db) -> Result<(), AppError> {
        rate_counters::undo_hit(db, self.limit.scope, &self.subject, self.window_start).await?;
        Ok(())
    }

    /// Forgets every hit of this subject (an account's failures once its owner logged in).
    pub async fn forget_all(&self, db: &Db) -> Result<(), AppError> {
        rate_counters::forget(db, self.limit.scope, &self.subject).await?;
        Ok(())
    }
}

/// The start of the fixed window `now` falls into.
fn window_start(window: TimeDelta, now: DateTime<Utc>) -> DateTime<Utc> {
    let secs = window.num_seconds().max(1);
    let start = now.timestamp().div_euclid(secs) * secs;
    DateTime::from_timestamp(start, 0).unwrap_or(now)
}

/// Counts a hit of `subject` against `limit`; over the limit, answers `RateLimited` with the
/// seconds until the window ends (the hit stays counted: hammering does not shorten it).
pub async fn hit(
    db: &Db,
    limit: Limit,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<Hit, AppError> {
    let start = window_start(limit.window, now);
    let hits = rate_counters::count_hit(db, limit.scope, subject, start).await?;
    if hits > limit.max {
        let retry_after_secs = (start + limit.window - now).num_seconds().max(1) as u64;
        let subject = if limit.log_in_clear {
            subject.to_owned()
        } else {
            log_pseudonym(subject)
        };
        tracing::warn!(limit = limit.scope, %subject, retry_after_secs, "rate limit reached");
        return Err(AppError::RateLimited { retry_after_secs });
    }
    Ok(Hit {
        limit,
        subject: subject.to_owned(),
        window_start: start,
    })
}

/// A stable pseudonym of an account or address for the log: the same person's attempts can
/// be told apart from another's, but the log holds no address (F-18).
pub fn log_pseudonym(value: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(value.as_bytes());
    digest[..6].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::window_start;
    use chrono::{TimeDelta, TimeZone, Utc};

    #[test]
    fn windows_start_on_the_clock_and_contain_their_moment() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 44, 59).unwrap();
        let quarter = window_start(TimeDelta::minutes(15), now);
        assert_eq!(
            quarter,
            Utc.with_ymd_and_hms(2026, 12, 3, 10, 30, 0).unwrap()
        );
        let hour = window_start(TimeDelta::hours(1), now);
        assert_eq!(hour, Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap());
    }
}
