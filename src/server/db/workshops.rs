//! Workshops and their registrations.
//!
//! Every change of places happens in a transaction whose first statement is
//! [`lock_workshop`]: on PostgreSQL it takes the workshop row's lock, on SQLite the
//! transaction already holds the single write lock (`BEGIN IMMEDIATE`). So the free-place
//! check, the insert and the promotions of the waitlist always see the places as they are,
//! and no place is lost or given twice ("lock, then check" — never the other way round).

use super::{bind_all, with_pool, with_tx, Bind, Db, DbError, FilteredSql, Tx};
use crate::domain::workshops::{
    Attendee, Audience, Confirmation, MyRegistration, Places, Question, QuestionKind, QuestionSpec,
    RegistrationStatus, WorkshopFormat, WorkshopListItem,
};
use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// A stored workshop with everything its page, its mails and its calendar entry need.
#[derive(FromRow, Clone, Debug)]
pub struct WorkshopRow {
    pub id: i64,
    pub slug: String,
    pub project_id: Option<i64>,
    pub project_slug: Option<String>,
    pub project_title: Option<String>,
    pub title: String,
    pub description_md: String,
    pub format: WorkshopFormat,
    pub location: String,
    pub online_url: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i64,
    pub places_per_registration: i64,
    pub places_taken: i64,
    pub waitlisted: i64,
    pub audience: Audience,
    pub waitlist: bool,
    pub confirmation: Confirmation,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancel_message: Option<String>,
    pub sequence: i64,
    pub organiser: Option<String>,
    pub organiser_email: Option<String>,
    pub organiser_locale: Option<String>,
    pub notified_80_at: Option<DateTime<Utc>>,
    pub notified_full_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

impl WorkshopRow {
    pub fn places(&self) -> Places {
        Places {
            capacity: self.capacity,
            taken: self.places_taken,
            waitlisted: self.waitlisted,
            waitlist: self.waitlist,
        }
    }

    /// The registration deadline: the one staff set, else the start.
    pub fn closes_at(&self) -> DateTime<Utc> {
        self.registration_closes_at.unwrap_or(self.starts_at)
    }
}

/// The columns of [`WorkshopRow`] over `workshops w`, with its project and organiser.
macro_rules! workshop_columns {
    () => {
        "w.id, w.slug, w.project_id, p.slug AS project_slug, p.title AS project_title, w.title, \
         w.description_md, w.format, w.location, w.online_url, w.starts_at, w.ends_at, \
         w.capacity, w.places_per_registration, w.places_taken, \
         (SELECT count(*) FROM workshop_registrations r \
           WHERE r.workshop_id = w.id AND r.status = 'waitlisted') AS waitlisted, \
         w.audience, w.waitlist, w.confirmation, w.registration_opens_at, \
         w.registration_closes_at, w.published_at, w.cancelled_at, \
         w.cancel_message, w.sequence, u.display_name AS organiser, u.email AS organiser_email, \
         u.locale AS organiser_locale, w.notified_80_at, w.notified_full_at, w.updated_at"
    };
}

const FIND_BY_SLUG_SQL: &str = concat!(
    "SELECT ",
    workshop_columns!(),
    " FROM workshops w LEFT JOIN projects p ON p.id = w.project_id \
      LEFT JOIN users u ON u.id = w.created_by WHERE w.slug = $1"
);

const FIND_BY_ID_SQL: &str = concat!(
    "SELECT ",
    workshop_columns!(),
    " FROM workshops w LEFT JOIN projects p ON p.id = w.project_id \
      LEFT JOIN users u ON u.id = w.created_by WHERE w.id = $1"
);

/// A workshop by its address; `NotFound` if there is none.
pub async fn find_workshop_by_slug(db: &Db, slug: &str) -> Result<WorkshopRow, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_as(FIND_BY_SLUG_SQL).bind(slug).fetch_one(pool).await?
    }))
}

/// A workshop by its id, read without a lock (for pages).
pub async fn find_workshop_by_id(db: &Db, id: i64) -> Result<WorkshopRow, DbError> {
    Ok(with_pool!(db, pool => sqlx::query_as(FIND_BY_ID_SQL).bind(id).fetch_one(pool).await?))
}

/// Locks the workshop at `slug` for a change of its places (see the module comment) and
/// reads it as it is now; `NotFound` if there is none.
pub async fn lock_workshop(tx: &mut Tx, slug: &str) -> Result<WorkshopRow, DbError> {
    let id: i64 = with_tx!(tx, conn => {
        sqlx::query_scalar("UPDATE workshops SET places_taken = places_taken WHERE slug = $1 RETURNING id")
            .bind(slug)
            .fetch_one(&mut *conn)
            .await?
    });
    find_workshop_in(tx, id).await
}

/// Locks the workshop with `id` (see [`lock_workshop`]).
pub async fn lock_workshop_by_id(tx: &mut Tx, id: i64) -> Result<WorkshopRow, DbError> {
    with_tx!(tx, conn => {
        sqlx::query("UPDATE workshops SET places_taken = places_taken WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    });
    find_workshop_in(tx, id).await
}

async fn find_workshop_in(tx: &mut Tx, id: i64) -> Result<WorkshopRow, DbError> {
    Ok(with_tx!(tx, conn => {
        sqlx::query_as(FIND_BY_ID_SQL).bind(id).fetch_one(conn).await?
    }))
}

/// A workshop's fields as the form stores them.
pub struct NewWorkshop<'a> {
    pub slug: &'a str,
    pub project_id: Option<i64>,
    pub title: &'a str,
    pub description_md: &'a str,
    pub format: WorkshopFormat,
    pub location: &'a str,
    pub online_url: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i64,
    pub places_per_registration: i64,
    pub audience: Audience,
    pub waitlist: bool,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub confirmation: Confirmation,
    pub published: bool,
}

/// Binds the form's fields of `$w` as `$1`…`$16`, in the order both statements below name
/// them.
macro_rules! bind_form_fields {
    ($query:expr, $w:expr) => {
        $query
            .bind($w.slug)
            .bind($w.project_id)
            .bind($w.title)
            .bind($w.description_md)
            .bind($w.format.as_str())
            .bind($w.location)
            .bind($w.online_url)
            .bind($w.starts_at)
            .bind($w.ends_at)
            .bind($w.capacity)
            .bind($w.places_per_registration)
            .bind($w.audience.as_str())
            .bind($w.waitlist)
            .bind($w.registration_closes_at)
            .bind($w.registration_opens_at)
            .bind($w.confirmation.as_str())
    };
}

/// Inserts a workshop unless its slug is taken; returns its id, or `None` for a taken slug.
pub async fn insert_workshop_unless_exists(
    tx: &mut Tx,
    workshop: &NewWorkshop<'_>,
    created_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    const SQL: &str = "INSERT INTO workshops (slug, project_id, title, description_md, format, \
            location, online_url, starts_at, ends_at, capacity, places_per_registration, \
            audience, waitlist, registration_closes_at, registration_opens_at, confirmation, \
            published_at, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
            $18, $19, $19) \
         ON CONFLICT (slug) DO NOTHING RETURNING id";
    Ok(with_tx!(tx, conn => {
        bind_form_fields!(sqlx::query_scalar(SQL), workshop)
            .bind(workshop.published.then_some(now))
            .bind(created_by)
            .bind(now)
            .fetch_optional(conn)
            .await?
    }))
}

/// Stores the form's fields for workshop `id`; `bump_sequence` when calendars must replace
/// their copy. Publishing keeps the first publication time. A taken slug is a `Conflict`.
pub async fn update_workshop(
    tx: &mut Tx,
    id: i64,
    workshop: &NewWorkshop<'_>,
    bump_sequence: bool,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE workshops SET slug = $1, project_id = $2, title = $3, \
            description_md = $4, format = $5, location = $6, online_url = $7, starts_at = $8, \
            ends_at = $9, capacity = $10, places_per_registration = $11, audience = $12, \
            waitlist = $13, registration_closes_at = $14, registration_opens_at = $15, \
            confirmation = $16, \
            published_at = CASE WHEN $17 THEN COALESCE(published_at, $18) ELSE NULL END, \
            sequence = sequence + $19, updated_at = $18 \
         WHERE id = $20";
    with_tx!(tx, conn => {
        bind_form_fields!(sqlx::query(SQL), workshop)
            .bind(workshop.published)
            .bind(now)
            .bind(i64::from(bump_sequence))
            .bind(id)
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Marks workshop `id` cancelled with `message`; `false` if it already was.
pub async fn cancel_workshop(
    tx: &mut Tx,
    id: i64,
    message: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE workshops SET cancelled_at = $2, cancel_message = $3, \
            sequence = sequence + 1, updated_at = $2 \
         WHERE id = $1 AND cancelled_at IS NULL";
    Ok(with_tx!(tx, conn => {
        sqlx::query(SQL).bind(id).bind(now).bind(message).execute(conn).await?.rows_affected() == 1
    }))
}

/// Which "places taken" notice of the organiser a column records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    EightyPercent,
    Full,
}

impl Threshold {
    pub const ALL: [Threshold; 2] = [Threshold::EightyPercent, Threshold::Full];

    pub fn percent(self) -> i64 {
        match self {
            Threshold::EightyPercent => 80,
            Threshold::Full => 100,
        }
    }

    fn column(self) -> &'static str {
        match self {
            Threshold::EightyPercent => "notified_80_at",
            Threshold::Full => "notified_full_at",
        }
    }
}

/// Records that the organiser is told of `threshold`; `false` if they already were (so two
/// transactions crossing it tell once).
pub async fn mark_threshold_told(
    tx: &mut Tx,
    id: i64,
    threshold: Threshold,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let column = threshold.column();
    let sql = format!("UPDATE workshops SET {column} = $2 WHERE id = $1 AND {column} IS NULL");
    Ok(with_tx!(tx, conn => {
        sqlx::query(&sql).bind(id).bind(now).execute(conn).await?.rows_affected() == 1
    }))
}

/// Re-arms `threshold` after the share of taken places fell below it.
pub async fn clear_threshold(tx: &mut Tx, id: i64, threshold: Threshold) -> Result<(), DbError> {
    let column = threshold.column();
    let sql =
        format!("UPDATE workshops SET {column} = NULL WHERE id = $1 AND {column} IS NOT NULL");
    with_tx!(tx, conn => {
        sqlx::query(&sql).bind(id).execute(conn).await?;
    });
    Ok(())
}

/// Marks who of the registered people of `workshop_id` came: those in `present` did, the
/// others did not.
pub async fn mark_attendance(
    tx: &mut Tx,
    workshop_id: i64,
    present: &[i64],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query(
            "UPDATE workshop_registrations SET attended = FALSE, updated_at = $2 \
              WHERE workshop_id = $1 AND status = 'registered'",
        )
        .bind(workshop_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        for id in present {
            sqlx::query(
                "UPDATE workshop_registrations SET attended = TRUE \
                  WHERE id = $1 AND workshop_id = $2 AND status = 'registered'",
            )
            .bind(id)
            .bind(workshop_id)
            .execute(&mut *conn)
            .await?;
        }
    });
    Ok(())
}

/// Deletes the registration answers (access needs, answers to questions) of workshops that ended before `before`
/// and were not cleared yet; attendance and counts stay. Returns how many workshops.
pub async fn delete_old_answers(
    tx: &mut Tx,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    Ok(with_tx!(tx, conn => {
        sqlx::query(
            "UPDATE workshop_registrations SET access_needs = '' WHERE workshop_id IN ( \
               SELECT id FROM workshops WHERE ends_at < $1 AND answers_deleted_at IS NULL)",
        )
        .bind(before)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "DELETE FROM workshop_answers WHERE question_id IN ( \
               SELECT q.id FROM workshop_questions q JOIN workshops w ON w.id = q.workshop_id \
                WHERE w.ends_at < $1 AND w.answers_deleted_at IS NULL)",
        )
        .bind(before)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "UPDATE workshops SET answers_deleted_at = $2 \
              WHERE ends_at < $1 AND answers_deleted_at IS NULL",
        )
        .bind(before)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected()
    }))
}

/// Moves the registered-places counter of workshop `id` by `delta` (the CHECKs keep it
/// within 0..=capacity, so a bug shows as an error, never as a silent overbooking).
pub async fn add_places_taken(tx: &mut Tx, id: i64, delta: i64) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query("UPDATE workshops SET places_taken = places_taken + $2 WHERE id = $1")
            .bind(id)
            .bind(delta)
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// What narrows the workshop list; drafts only for staff.
#[derive(Debug, Default, Clone)]
pub struct WorkshopFilter {
    pub project: Option<String>,
    pub audience: Option<Audience>,
    pub with_drafts: bool,
}

#[derive(FromRow)]
struct ListRow {
    slug: String,
    title: String,
    project_slug: Option<String>,
    project_title: Option<String>,
    format: WorkshopFormat,
    location: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    audience: Audience,
    capacity: i64,
    places_taken: i64,
    waitlisted: i64,
    waitlist: bool,
    published: bool,
    cancelled: bool,
}

/// Workshops, upcoming first (soonest first), then past ones (latest first); one query.
pub async fn list_workshops(
    db: &Db,
    filter: &WorkshopFilter,
    now: DateTime<Utc>,
) -> Result<Vec<WorkshopListItem>, DbError> {
    let mut query = FilteredSql::new(
        "SELECT w.slug, w.title, p.slug AS project_slug, p.title AS project_title, w.format, \
                w.location, w.starts_at, w.ends_at, w.audience, w.capacity, w.places_taken, \
                (SELECT count(*) FROM workshop_registrations r \
                  WHERE r.workshop_id = w.id AND r.status = 'waitlisted') AS waitlisted, \
                w.waitlist, w.published_at IS NOT NULL AS published, \
                w.cancelled_at IS NOT NULL AS cancelled \
           FROM workshops w LEFT JOIN projects p ON p.id = w.project_id WHERE 1 = 1",
    );
    if !filter.with_drafts {
        query.push_str(" AND w.published_at IS NOT NULL");
    }
    if let Some(project) = &filter.project {
        query.push(" AND p.slug = ?", [Bind::Text(project.clone())]);
    }
    if let Some(audience) = filter.audience {
        query.push(
            " AND w.audience = ?",
            [Bind::Text(audience.as_str().to_owned())],
        );
    }
    query.push(
        " ORDER BY CASE WHEN w.ends_at < ? THEN 1 ELSE 0 END, \
                   CASE WHEN w.ends_at < ? THEN NULL ELSE w.starts_at END, \
                   w.starts_at DESC, w.id LIMIT 500",
        [Bind::Time(now), Bind::Time(now)],
    );
    let rows: Vec<ListRow> = with_pool!(db, pool => {
        bind_all!(sqlx::query_as(&query.sql), query.binds).fetch_all(pool).await?
    });
    Ok(rows
        .into_iter()
        .map(|r| WorkshopListItem {
            slug: r.slug,
            title: r.title,
            project: r.project_slug.zip(r.project_title),
            format: r.format,
            location: r.location,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            audience: r.audience,
            places: Places {
                capacity: r.capacity,
                taken: r.places_taken,
                waitlisted: r.waitlisted,
                waitlist: r.waitlist,
            },
            published: r.published,
            cancelled: r.cancelled,
            past: r.ends_at <= now,
        })
        .collect())
}

/// Published workshops for a calendar feed (cancelled ones too: calendars must learn of the
/// cancellation), optionally of one project.
pub async fn list_feed_workshops(
    db: &Db,
    project_slug: Option<&str>,
) -> Result<Vec<WorkshopRow>, DbError> {
    const SQL: &str = concat!(
        "SELECT ",
        workshop_columns!(),
        " FROM workshops w LEFT JOIN projects p ON p.id = w.project_id \
          LEFT JOIN users u ON u.id = w.created_by \
         WHERE w.published_at IS NOT NULL AND ($1 = '' OR p.slug = $1) \
         ORDER BY w.starts_at, w.id LIMIT 1000"
    );
    Ok(with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(project_slug.unwrap_or_default()).fetch_all(pool).await?
    }))
}

/// One registration, as the server works with it.
#[derive(FromRow, Clone, Debug)]
pub struct RegistrationRow {
    pub id: i64,
    pub workshop_id: i64,
    pub user_id: i64,
    pub status: RegistrationStatus,
    pub places: i64,
    pub offered_until: Option<DateTime<Utc>>,
}

/// The registration of `user_id` for `workshop_id`, in any status.
pub async fn find_registration(
    tx: &mut Tx,
    workshop_id: i64,
    user_id: i64,
) -> Result<Option<RegistrationRow>, DbError> {
    const SQL: &str = "SELECT id, workshop_id, user_id, status, places, offered_until \
         FROM workshop_registrations WHERE workshop_id = $1 AND user_id = $2";
    Ok(with_tx!(tx, conn => {
        sqlx::query_as(SQL).bind(workshop_id).bind(user_id).fetch_optional(conn).await?
    }))
}

const FIND_REGISTRATION_SQL: &str = "SELECT id, workshop_id, user_id, status, places, \
     offered_until FROM workshop_registrations WHERE id = $1";

/// The registration with `id`; `NotFound` if there is none.
pub async fn find_registration_by_id(tx: &mut Tx, id: i64) -> Result<RegistrationRow, DbError> {
    Ok(with_tx!(tx, conn => sqlx::query_as(FIND_REGISTRATION_SQL).bind(id).fetch_one(conn).await?))
}

/// [`find_registration_by_id`] without a transaction (for pages).
pub async fn find_registration_row(db: &Db, id: i64) -> Result<RegistrationRow, DbError> {
    Ok(
        with_pool!(db, pool => sqlx::query_as(FIND_REGISTRATION_SQL).bind(id).fetch_one(pool).await?),
    )
}

pub struct NewRegistration<'a> {
    pub workshop_id: i64,
    pub user_id: i64,
    pub status: RegistrationStatus,
    pub places: i64,
    pub organisation: Option<&'a str>,
    pub access_needs: &'a str,
    pub consent_version: &'a str,
}

/// Stores a registration, reusing the person's cancelled one (with a new queue time, so a
/// person who comes back queues at the end). `None` if the person has an active one.
pub async fn upsert_registration(
    tx: &mut Tx,
    registration: &NewRegistration<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    const SQL: &str = "INSERT INTO workshop_registrations (workshop_id, user_id, status, \
            places, organisation, access_needs, consent_version, queued_at, created_at, \
            updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8) \
         ON CONFLICT (workshop_id, user_id) DO UPDATE SET status = excluded.status, \
            places = excluded.places, organisation = excluded.organisation, \
            access_needs = excluded.access_needs, consent_version = excluded.consent_version, \
            queued_at = excluded.queued_at, promoted_at = NULL, cancelled_at = NULL, \
            reminded_at = NULL, updated_at = excluded.updated_at \
         WHERE workshop_registrations.status = 'cancelled' \
         RETURNING id";
    let r = registration;
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL)
            .bind(r.workshop_id)
            .bind(r.user_id)
            .bind(r.status.as_str())
            .bind(r.places)
            .bind(r.organisation)
            .bind(r.access_needs)
            .bind(r.consent_version)
            .bind(now)
            .fetch_optional(conn)
            .await?
    }))
}

/// Cancels registration `id` if it is still in `from`; `false` if something else changed it.
pub async fn cancel_registration(
    tx: &mut Tx,
    id: i64,
    from: RegistrationStatus,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE workshop_registrations SET status = 'cancelled', \
            offered_until = NULL, cancelled_at = $3, updated_at = $3 \
          WHERE id = $1 AND status = $2";
    Ok(with_tx!(tx, conn => {
        sqlx::query(SQL).bind(id).bind(from.as_str()).bind(now).execute(conn).await?.rows_affected() == 1
    }))
}

/// The waitlist of `workshop_id` in order: (registration id, places).
pub async fn waitlist(tx: &mut Tx, workshop_id: i64) -> Result<Vec<(i64, i64)>, DbError> {
    const SQL: &str = "SELECT id, places FROM workshop_registrations \
         WHERE workshop_id = $1 AND status = 'waitlisted' ORDER BY queued_at, id";
    Ok(with_tx!(tx, conn => {
        sqlx::query_as(SQL).bind(workshop_id).fetch_all(conn).await?
    }))
}

/// Moves waitlisted registration `id` onto a place: registered, or offered until
/// `offered_until` (claim mode). `false` if it was not waitlisted.
pub async fn promote(
    tx: &mut Tx,
    id: i64,
    offered_until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE workshop_registrations \
            SET status = CASE WHEN $3 IS NULL THEN 'registered' ELSE 'offered' END, \
                offered_until = $3, promoted_at = $2, updated_at = $2 \
          WHERE id = $1 AND status = 'waitlisted'";
    Ok(with_tx!(tx, conn => {
        sqlx::query(SQL).bind(id).bind(now).bind(offered_until).execute(conn).await?.rows_affected() == 1
    }))
}

/// The person takes the place offered to them; `false` if it was not (or no longer) offered.
pub async fn confirm_offer(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
    const SQL: &str = "UPDATE workshop_registrations SET status = 'registered', \
            offered_until = NULL, updated_at = $2 WHERE id = $1 AND status = 'offered'";
    Ok(with_tx!(tx, conn => {
        sqlx::query(SQL).bind(id).bind(now).execute(conn).await?.rows_affected() == 1
    }))
}

/// The offers that ran out by `now`: (registration id, workshop id), oldest first. Offers of
/// a cancelled workshop stay as they are (the people were told of the cancellation).
pub async fn list_expired_offers(
    tx: &mut Tx,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, i64)>, DbError> {
    const SQL: &str = "SELECT id, workshop_id FROM workshop_registrations \
         WHERE status = 'offered' AND offered_until <= $1 \
           AND workshop_id IN (SELECT id FROM workshops WHERE cancelled_at IS NULL) \
         ORDER BY offered_until, id";
    Ok(with_tx!(tx, conn => sqlx::query_as(SQL).bind(now).fetch_all(conn).await?))
}

/// Whom a workshop mail goes to.
#[derive(FromRow, Clone, Debug)]
pub struct Participant {
    pub registration_id: i64,
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub locale: String,
    pub status: RegistrationStatus,
    pub places: i64,
}

impl Participant {
    pub fn mail_locale(&self) -> Locale {
        Locale::from_code(&self.locale).unwrap_or_default()
    }
}

const PARTICIPANT_COLUMNS: &str = "r.id AS registration_id, r.user_id, u.email, \
    u.display_name, u.locale, r.status, r.places";

/// The registration `id` with its person, for a mail.
pub async fn find_participant(tx: &mut Tx, id: i64) -> Result<Participant, DbError> {
    let sql = format!(
        "SELECT {PARTICIPANT_COLUMNS} FROM workshop_registrations r \
           JOIN users u ON u.id = r.user_id WHERE r.id = $1"
    );
    Ok(with_tx!(tx, conn => sqlx::query_as(&sql).bind(id).fetch_one(conn).await?))
}

/// Everyone registered, offered a place or waitlisted for `workshop_id` (whom a change or
/// cancellation concerns).
pub async fn list_participants(tx: &mut Tx, workshop_id: i64) -> Result<Vec<Participant>, DbError> {
    let sql = format!(
        "SELECT {PARTICIPANT_COLUMNS} FROM workshop_registrations r \
           JOIN users u ON u.id = r.user_id \
          WHERE r.workshop_id = $1 AND r.status IN ('registered', 'offered', 'waitlisted') \
          ORDER BY r.queued_at, r.id"
    );
    Ok(with_tx!(tx, conn => sqlx::query_as(&sql).bind(workshop_id).fetch_all(conn).await?))
}

/// The active registrations of `user_id` in workshops that have not ended, with the slug of
/// each workshop (to withdraw them when the account is blocked).
pub async fn list_upcoming_of_user(
    tx: &mut Tx,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, String)>, DbError> {
    const SQL: &str = "SELECT r.id, w.slug FROM workshop_registrations r \
           JOIN workshops w ON w.id = r.workshop_id \
          WHERE r.user_id = $1 AND r.status IN ('registered', 'offered', 'waitlisted') \
            AND w.ends_at > $2 \
          ORDER BY w.id";
    Ok(with_tx!(tx, conn => {
        sqlx::query_as(SQL).bind(user_id).bind(now).fetch_all(conn).await?
    }))
}

/// Position on the waitlist (1 = next): how many waitlisted registrations queue before `id`.
const POSITION_SQL: &str = "CASE WHEN r.status = 'waitlisted' THEN \
       (SELECT count(*) + 1 FROM workshop_registrations o \
         WHERE o.workshop_id = r.workshop_id AND o.status = 'waitlisted' \
           AND (o.queued_at < r.queued_at OR (o.queued_at = r.queued_at AND o.id < r.id))) \
     END";

#[derive(FromRow)]
struct MyRow {
    id: i64,
    slug: String,
    title: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: RegistrationStatus,
    places: i64,
    position: Option<i64>,
    offered_until: Option<DateTime<Utc>>,
    cancelled: bool,
}

impl From<MyRow> for MyRegistration {
    fn from(r: MyRow) -> Self {
        MyRegistration {
            id: r.id,
            workshop_slug: r.slug,
            workshop_title: r.title,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            status: r.status,
            places: r.places,
            waitlist_position: r.position,
            offered_until: r.offered_until,
            workshop_cancelled: r.cancelled,
        }
    }
}

fn my_registrations_sql(condition: &str) -> String {
    format!(
        "SELECT r.id, w.slug, w.title, w.starts_at, w.ends_at, r.status, r.places, \
                {POSITION_SQL} AS position, r.offered_until, \
                w.cancelled_at IS NOT NULL AS cancelled \
           FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id \
          WHERE r.user_id = $1 AND {condition}"
    )
}

/// The person's registrations (not the cancelled ones), soonest workshop first.
pub async fn list_my_registrations(db: &Db, user_id: i64) -> Result<Vec<MyRegistration>, DbError> {
    let sql = my_registrations_sql("r.status <> 'cancelled' ORDER BY w.starts_at DESC, r.id");
    let rows: Vec<MyRow> = with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(user_id).fetch_all(pool).await?
    });
    Ok(rows.into_iter().map(MyRegistration::from).collect())
}

/// The person's registration for the workshop `workshop_id`, if any (cancelled included).
pub async fn find_my_registration(
    db: &Db,
    user_id: i64,
    workshop_id: i64,
) -> Result<Option<MyRegistration>, DbError> {
    let sql = my_registrations_sql("r.workshop_id = $2");
    let row: Option<MyRow> = with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(user_id).bind(workshop_id).fetch_optional(pool).await?
    });
    Ok(row.map(MyRegistration::from))
}

#[derive(FromRow)]
struct AttendeeRow {
    id: i64,
    display_name: String,
    email: String,
    organisation: Option<String>,
    status: RegistrationStatus,
    places: i64,
    access_needs: String,
    queued_at: DateTime<Utc>,
    offered_until: Option<DateTime<Utc>>,
    attended: Option<bool>,
}

/// Everyone registered, offered a place or waitlisted, in queue order, with their answers to
/// `questions` (staff only). Two queries for any number of people: the rows, then all answers.
pub async fn list_attendees(
    db: &Db,
    workshop_id: i64,
    questions: &[Question],
) -> Result<Vec<Attendee>, DbError> {
    const SQL: &str = "SELECT r.id, u.display_name, u.email, r.organisation, r.status, \
            r.places, r.access_needs, r.queued_at, r.offered_until, r.attended \
           FROM workshop_registrations r JOIN users u ON u.id = r.user_id \
          WHERE r.workshop_id = $1 AND r.status IN ('registered', 'offered', 'waitlisted') \
          ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'offered' THEN 1 ELSE 2 END, \
                r.queued_at, r.id";
    const ANSWERS_SQL: &str = "SELECT a.registration_id, a.question_id, a.answer \
           FROM workshop_answers a JOIN workshop_questions q ON q.id = a.question_id \
          WHERE q.workshop_id = $1";
    let (rows, answers): (Vec<AttendeeRow>, Vec<(i64, i64, String)>) = with_pool!(db, pool => {
        (
            sqlx::query_as(SQL).bind(workshop_id).fetch_all(pool).await?,
            sqlx::query_as(ANSWERS_SQL).bind(workshop_id).fetch_all(pool).await?,
        )
    });
    let mut by_registration: std::collections::HashMap<(i64, i64), String> = answers
        .into_iter()
        .map(|(registration, question, answer)| ((registration, question), answer))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| Attendee {
            answers: questions
                .iter()
                .map(|q| by_registration.remove(&(r.id, q.id)))
                .collect(),
            id: r.id,
            display_name: r.display_name,
            email: r.email,
            organisation: r.organisation,
            status: r.status,
            places: r.places,
            access_needs: r.access_needs,
            queued_at: r.queued_at,
            offered_until: r.offered_until,
            attended: r.attended,
        })
        .collect())
}

/// The registered people of published, not cancelled workshops starting before `until`
/// that were not reminded yet, marked reminded in the same statement: each reminder is
/// claimed exactly once, by one instance, also across restarts.
pub async fn claim_due_reminders(
    tx: &mut Tx,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<(i64, i64)>, DbError> {
    const SQL: &str = "UPDATE workshop_registrations SET reminded_at = $1 \
         WHERE reminded_at IS NULL AND status = 'registered' AND workshop_id IN ( \
               SELECT id FROM workshops WHERE published_at IS NOT NULL \
                  AND cancelled_at IS NULL AND starts_at > $1 AND starts_at <= $2) \
           AND user_id NOT IN (SELECT id FROM users WHERE blocked_at IS NOT NULL) \
         RETURNING id, workshop_id";
    Ok(with_tx!(tx, conn => {
        sqlx::query_as(SQL).bind(now).bind(until).fetch_all(conn).await?
    }))
}

#[derive(FromRow)]
struct QuestionRow {
    id: i64,
    kind: QuestionKind,
    prompt: String,
    choices: String,
    required: bool,
}

/// The questions of `workshop_id`, in order.
pub async fn list_questions(db: &Db, workshop_id: i64) -> Result<Vec<Question>, DbError> {
    let rows: Vec<QuestionRow> = with_pool!(db, pool => {
        sqlx::query_as(LIST_QUESTIONS_SQL).bind(workshop_id).fetch_all(pool).await?
    });
    Ok(rows.into_iter().map(Question::from).collect())
}

/// [`list_questions`] inside a transaction (registration checks its answers under the lock).
pub async fn list_questions_in(tx: &mut Tx, workshop_id: i64) -> Result<Vec<Question>, DbError> {
    let rows: Vec<QuestionRow> = with_tx!(tx, conn => {
        sqlx::query_as(LIST_QUESTIONS_SQL).bind(workshop_id).fetch_all(conn).await?
    });
    Ok(rows.into_iter().map(Question::from).collect())
}

const LIST_QUESTIONS_SQL: &str = "SELECT id, kind, prompt, choices, required \
     FROM workshop_questions WHERE workshop_id = $1 ORDER BY position";

impl From<QuestionRow> for Question {
    fn from(r: QuestionRow) -> Self {
        Question {
            id: r.id,
            kind: r.kind,
            prompt: r.prompt,
            choices: r.choices.lines().map(str::to_owned).collect(),
            required: r.required,
        }
    }
}

const HAS_ANSWERS_SQL: &str = "SELECT EXISTS (SELECT 1 FROM workshop_answers a \
       JOIN workshop_questions q ON q.id = a.question_id WHERE q.workshop_id = $1)";

/// Whether anyone answered a question of `workshop_id` (then the questions stay); read
/// under the workshop's lock, so no answer arrives between this check and a change.
pub async fn has_answers_in(tx: &mut Tx, workshop_id: i64) -> Result<bool, DbError> {
    Ok(
        with_tx!(tx, conn => sqlx::query_scalar(HAS_ANSWERS_SQL).bind(workshop_id).fetch_one(conn).await?),
    )
}

/// [`has_answers_in`] without a transaction (for the edit form).
pub async fn has_answers(db: &Db, workshop_id: i64) -> Result<bool, DbError> {
    Ok(
        with_pool!(db, pool => sqlx::query_scalar(HAS_ANSWERS_SQL).bind(workshop_id).fetch_one(pool).await?),
    )
}

/// Replaces the questions of `workshop_id` by `questions`, in their order.
pub async fn replace_questions(
    tx: &mut Tx,
    workshop_id: i64,
    questions: &[QuestionSpec],
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query("DELETE FROM workshop_questions WHERE workshop_id = $1")
            .bind(workshop_id)
            .execute(&mut *conn)
            .await?;
        for (position, q) in (1_i64..).zip(questions) {
            sqlx::query(
                "INSERT INTO workshop_questions (workshop_id, position, kind, prompt, choices, \
                    required) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(workshop_id)
            .bind(position)
            .bind(q.kind.as_str())
            .bind(&q.prompt)
            .bind(q.choices.join("\n"))
            .bind(q.required)
            .execute(&mut *conn)
            .await?;
        }
    });
    Ok(())
}

/// Stores the answers of registration `id` (question id, answer), replacing earlier ones (a
/// person who registers again answers again).
pub async fn replace_answers(
    tx: &mut Tx,
    registration_id: i64,
    answers: &[(i64, String)],
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query("DELETE FROM workshop_answers WHERE registration_id = $1")
            .bind(registration_id)
            .execute(&mut *conn)
            .await?;
        for (question_id, answer) in answers {
            sqlx::query(
                "INSERT INTO workshop_answers (registration_id, question_id, answer) \
                 VALUES ($1, $2, $3)",
            )
            .bind(registration_id)
            .bind(question_id)
            .bind(answer)
            .execute(&mut *conn)
            .await?;
        }
    });
    Ok(())
}
