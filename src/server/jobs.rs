//! Background work beside the web server: named periodic jobs (mail delivery; the scheduled
//! job with digests and the ends of blocks) that share one shutdown signal and one
//! supervisor. A job that panics is restarted with backoff and the cause is logged; each job
//! beats a heartbeat that `/healthz` reads, so a job that hangs or keeps dying turns the
//! instance unhealthy instead of silently sending no mail.

use crate::server::state::AppState;
use crate::server::{blocks, notifications, single_node, workshops};
use futures::FutureExt;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// The first wait before restarting a job that panicked; doubles per panic in a row.
const FIRST_RESTART_DELAY: Duration = Duration::from_secs(1);
const MAX_RESTART_DELAY: Duration = Duration::from_secs(60);

/// How often the scheduled job runs.
const SCHEDULED_INTERVAL: Duration = Duration::from_secs(60);
/// Five missed runs make the instance unhealthy.
pub const SCHEDULED_MAX_SILENCE: Duration = Duration::from_secs(300);

/// Once a minute: sends the digests that are due, ends the blocks whose end has come, runs
/// the workshop steps (reminders, expired offers, deletion of old answers) and, on SQLite,
/// shows that this machine still serves from the file.
/// Each instance may do so: the digest record per person and period keeps a digest from
/// going out twice, and ending a block is a conditional update.
pub async fn run_scheduled_until_stopped(
    state: AppState,
    mut stopped: watch::Receiver<bool>,
    heartbeat: Heartbeat,
) {
    loop {
        heartbeat.beat();
        let now = state.clock.now();
        if let Err(err) = notifications::send_due_digests(&state, now).await {
            tracing::error!(error = %err, "sending digests failed; retrying in a minute");
        }
        if let Err(err) = blocks::end_expired_blocks(&state, now).await {
            tracing::error!(error = %err, "ending expired blocks failed; retrying in a minute");
        }
        if let Err(err) = workshops::send_due_reminders(&state, now).await {
            tracing::error!(error = %err, "sending workshop reminders failed; retrying in a minute");
        }
        if let Err(err) = workshops::expire_offers(&state, now).await {
            tracing::error!(error = %err, "passing on expired workshop offers failed; retrying in a minute");
        }
        if let Err(err) = workshops::delete_old_answers(&state, now).await {
            tracing::error!(error = %err, "deleting old workshop answers failed; retrying in a minute");
        }
        if let Err(err) = single_node::beat(&state.db, now).await {
            tracing::error!(error = %err, "recording this machine on the SQLite file failed");
        }
        tokio::select! {
            () = tokio::time::sleep(SCHEDULED_INTERVAL) => {}
            _ = stopped.changed() => return,
        }
    }
}

/// When a job last showed it is alive. Monotonic time, so a test clock moved by hours does
/// not make a running job look dead.
#[derive(Clone, Debug)]
pub struct Heartbeat {
    pub job: &'static str,
    /// How long the job may stay silent before the instance counts as unhealthy (several of
    /// its intervals).
    pub max_silence: Duration,
    last: Arc<Mutex<Instant>>,
}

impl Heartbeat {
    pub fn new(job: &'static str, max_silence: Duration) -> Self {
        Heartbeat {
            job,
            max_silence,
            last: Arc::new(Mutex::new(Instant::now())),
        }
    }

    pub fn beat(&self) {
        if let Ok(mut last) = self.last.lock() {
            *last = Instant::now();
        }
    }

    /// How long the job has been silent, if longer than it may be.
    pub fn overdue(&self) -> Option<Duration> {
        let silent = self.last.lock().map(|last| last.elapsed()).ok()?;
        (silent > self.max_silence).then_some(silent)
    }
}

/// Runs the job made by `start` until it returns (which jobs do on shutdown). A panic is
/// logged with its message and the job is started again after a growing delay, unless
/// `stopped` turned true meanwhile.
pub async fn supervise<F, Fut>(job: &'static str, mut stopped: watch::Receiver<bool>, mut start: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let mut delay = FIRST_RESTART_DELAY;
    loop {
        let started = Instant::now();
        match AssertUnwindSafe(start()).catch_unwind().await {
            Ok(()) => return,
            Err(panic) => {
                // A job that ran a good while before failing starts over with a short wait.
                if started.elapsed() > MAX_RESTART_DELAY {
                    delay = FIRST_RESTART_DELAY;
                }
                let message = panic_message(panic.as_ref());
                tracing::error!(job, panic = message, restart_in = ?delay, "background job panicked; restarting");
            }
        }
        if *stopped.borrow() {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            _ = stopped.changed() => return,
        }
        delay = (delay * 2).min(MAX_RESTART_DELAY);
    }
}

/// The text a panic was raised with, for the log (never for a response).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(start_paused = true)]
    async fn a_panicking_job_is_restarted_until_it_ends() {
        let (_stop, stopped) = watch::channel(false);
        let starts = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&starts);
        supervise("test", stopped, move || {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                if n < 2 {
                    panic!("failure {n}");
                }
            }
        })
        .await;
        assert_eq!(
            starts.load(Ordering::SeqCst),
            3,
            "two panics, then a clean end"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_stopped_supervisor_does_not_restart() {
        let (stop, stopped) = watch::channel(false);
        let starts = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&starts);
        stop.send(true).unwrap();
        supervise("test", stopped, move || {
            counted.fetch_add(1, Ordering::SeqCst);
            async { panic!("always") }
        })
        .await;
        assert_eq!(starts.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_silent_job_becomes_overdue() {
        let beat = Heartbeat::new("test", Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        assert!(beat.overdue().is_some());
        let patient = Heartbeat::new("test", Duration::from_secs(3600));
        assert!(patient.overdue().is_none());
    }
}
