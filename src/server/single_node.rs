//! SQLite stays on one machine. Its locks hold between the processes of one machine, not
//! across a network share, so two machines writing one file would corrupt it. Each server
//! on SQLite records its machine's name and beats it once a minute (the scheduled job);
//! a server on another machine is refused at start while that beat is fresh. Several
//! instances on several machines are PostgreSQL's job (README, Scaling out).

use crate::server::db::{serving_hosts, Db};
use anyhow::bail;
use chrono::{DateTime, TimeDelta, Utc};

/// A machine not seen for this long has stopped or died; another one may take over. Three
/// missed beats of the once-a-minute scheduled job.
pub const SEEN_WITHIN: TimeDelta = TimeDelta::minutes(3);

/// This machine's name, as the operating system knows it.
fn this_host() -> String {
    hostname::get()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "unknown".to_owned())
}

/// Refuses to start when another machine serves from this SQLite file; otherwise records
/// this one. On PostgreSQL it does nothing.
pub async fn claim(db: &Db, now: DateTime<Utc>) -> anyhow::Result<()> {
    let Db::Sqlite(pool) = db else { return Ok(()) };
    let host = &this_host();
    let others = serving_hosts::others(pool, host).await?;
    if let Some((other, seen_at)) = others.iter().find(|(_, seen)| now - *seen < SEEN_WITHIN) {
        bail!(
            "DATABASE_URL: this SQLite file is in use by a Stadtlabor server on the machine \
             \"{other}\" (last seen {seen_at}). SQLite serves from one machine only; for \
             several machines use PostgreSQL. If \"{other}\" is gone for good, start again \
             {minutes} minutes after it was last seen.",
            minutes = SEEN_WITHIN.num_minutes()
        );
    }
    serving_hosts::seen(pool, host, now).await?;
    Ok(())
}

/// Shows that this machine is still serving (called by the scheduled job).
pub async fn beat(db: &Db, now: DateTime<Utc>) -> anyhow::Result<()> {
    if let Db::Sqlite(pool) = db {
        serving_hosts::seen(pool, &this_host(), now).await?;
    }
    Ok(())
}

/// Gives the file free for another machine at once (a clean stop).
pub async fn release(db: &Db) -> anyhow::Result<()> {
    if let Db::Sqlite(pool) = db {
        serving_hosts::gone(pool, &this_host()).await?;
    }
    Ok(())
}
