//! The outbox worker: runs beside the web server in the same process, delivers due mails with
//! retries and exponential backoff, and tidies expired sessions and login failures.

use super::{build_message, MailSignal, MailTransport};
use crate::server::clock::Clock;
use crate::server::db::{outbox, rate_counters, Db};
use crate::server::jobs::Heartbeat;
use crate::server::sessions::DbSessionStore;
use chrono::{DateTime, TimeDelta, Utc};
use lettre::message::Mailbox;
use std::time::Duration;
use tokio::sync::watch;
use tower_sessions::session_store::ExpiredDeletion;

/// How often the worker looks for due mail when nobody woke it (other instances, retries).
const POLL_INTERVAL: Duration = Duration::from_secs(2);
/// Silence after which `/healthz` reports the worker as stuck: far more than a poll, room for
/// one delivery that runs into the SMTP client's one-minute timeouts.
pub const MAX_SILENCE: Duration = Duration::from_secs(180);
/// How long a claimed mail stays reserved for this worker: one delivery, even one that runs
/// into several of the SMTP client's 20-second timeouts. If the instance dies meanwhile, the
/// mail waits at most this long for another instance; a delivery that outlasts it may be
/// repeated, which the stable Message-ID lets the receiver recognise.
pub const LEASE: TimeDelta = TimeDelta::minutes(2);
/// The longest wait between two attempts.
const MAX_BACKOFF: TimeDelta = TimeDelta::hours(6);
const HOUSEKEEPING_EVERY: TimeDelta = TimeDelta::minutes(10);
/// Sent mails are kept this long (to answer "did you get my mail?"), then deleted.
const SENT_MAIL_KEPT: TimeDelta = TimeDelta::days(30);

pub struct MailWorker {
    pub db: Db,
    pub transport: MailTransport,
    pub from: Mailbox,
    pub retry_base: Duration,
    pub signal: MailSignal,
    pub sessions: DbSessionStore,
    pub clock: Clock,
    pub heartbeat: Heartbeat,
}

impl MailWorker {
    /// Runs until `shutdown` turns true.
    pub async fn run(&self, mut shutdown: watch::Receiver<bool>) {
        let mut last_housekeeping = DateTime::<Utc>::MIN_UTC;
        loop {
            self.heartbeat.beat();
            let now = self.clock.now();
            if let Err(err) = self.deliver_due().await {
                tracing::error!(error = %err, "outbox delivery failed");
            }
            if now - last_housekeeping > HOUSEKEEPING_EVERY {
                last_housekeeping = now;
                self.housekeeping(now).await;
            }
            tokio::select! {
                () = tokio::time::sleep(POLL_INTERVAL) => {}
                () = self.signal.woken() => {}
                _ = shutdown.changed() => break,
            }
            if *shutdown.borrow() {
                break;
            }
        }
    }

    /// Delivers every due mail, one claim at a time (each lease counted from its own claim);
    /// returns how many were sent.
    pub async fn deliver_due(&self) -> anyhow::Result<usize> {
        let mut sent = 0;
        loop {
            let now = self.clock.now();
            let Some(mail) = outbox::claim_next_mail(&self.db, now, now + LEASE).await? else {
                return Ok(sent);
            };
            let result = match build_message(&self.from, &mail) {
                Ok(message) => self.transport.deliver(&mail, message).await,
                Err(err) => Err(err),
            };
            match result {
                Ok(()) => {
                    self.heartbeat.beat();
                    if outbox::mark_sent(&self.db, mail.id, self.clock.now()).await? {
                        sent += 1;
                    }
                }
                Err(err) => {
                    let next = self.clock.now() + self.backoff(mail.attempts);
                    tracing::warn!(mail = mail.id, attempts = mail.attempts + 1, error = %err, retry_at = %next, "mail delivery failed");
                    outbox::mark_failed(&self.db, mail.id, &format!("{err:#}"), next).await?;
                }
            }
        }
    }

    /// base · 2^attempts, at most [`MAX_BACKOFF`].
    fn backoff(&self, attempts: i64) -> TimeDelta {
        let base = TimeDelta::from_std(self.retry_base).unwrap_or(MAX_BACKOFF);
        let factor = 1i32 << attempts.clamp(0, 20);
        base.checked_mul(factor)
            .unwrap_or(MAX_BACKOFF)
            .min(MAX_BACKOFF)
    }

    async fn housekeeping(&self, now: DateTime<Utc>) {
        if let Err(err) = self.sessions.delete_expired().await {
            tracing::warn!(error = %err, "deleting expired sessions failed");
        }
        if let Err(err) =
            rate_counters::delete_windows_before(&self.db, now - TimeDelta::days(1)).await
        {
            tracing::warn!(error = %err, "deleting old rate-limit counters failed");
        }
        if let Err(err) = outbox::delete_sent_before(&self.db, now - SENT_MAIL_KEPT).await {
            tracing::warn!(error = %err, "deleting old sent mails failed");
        }
    }
}
