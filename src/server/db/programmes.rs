//! The funding programme and its headline figures.

use super::{with_pool, with_tx, Db, DbError, Tx};
use crate::domain::programmes::ProgrammeView;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

#[derive(FromRow)]
struct ProgrammeRow {
    title: String,
    summary: String,
    funded_projects: i64,
    funded_cents: i64,
    proposed_projects: i64,
    proposed_cents: i64,
}

/// The most recently entered programme, if any.
pub async fn find_current_programme(db: &Db) -> Result<Option<ProgrammeView>, DbError> {
    const SQL: &str = "SELECT title, summary, funded_projects, funded_cents, proposed_projects, \
         proposed_cents FROM programmes ORDER BY id DESC LIMIT 1";
    let row: Option<ProgrammeRow> =
        with_pool!(db, pool => sqlx::query_as(SQL).fetch_optional(pool).await?);
    Ok(row.map(|r| ProgrammeView {
        title: r.title,
        summary: r.summary,
        funded_projects: r.funded_projects,
        funded_cents: r.funded_cents,
        proposed_projects: r.proposed_projects,
        proposed_cents: r.proposed_cents,
    }))
}

/// Inserts the programme or updates its figures; returns its id.
pub async fn upsert_programme(
    tx: &mut Tx,
    slug: &str,
    programme: &ProgrammeView,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "INSERT INTO programmes (slug, title, summary, funded_projects, \
            funded_cents, proposed_projects, proposed_cents, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (slug) DO UPDATE SET title = excluded.title, summary = excluded.summary, \
            funded_projects = excluded.funded_projects, funded_cents = excluded.funded_cents, \
            proposed_projects = excluded.proposed_projects, \
            proposed_cents = excluded.proposed_cents \
         RETURNING id";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL)
            .bind(slug)
            .bind(&programme.title)
            .bind(&programme.summary)
            .bind(programme.funded_projects)
            .bind(programme.funded_cents)
            .bind(programme.proposed_projects)
            .bind(programme.proposed_cents)
            .bind(now)
            .fetch_one(conn)
            .await?
    }))
}
