//! Ideas: inserting, the filtered and searched list (one query, keyset pagination), one idea.

use super::comments::{comment_row_columns, CommentRow};
use super::{
    bind_all, profile_id, shown_name, verified_organisation, with_pool, with_tx, Bind, Db, DbError,
    FilteredSql, Tx,
};
use crate::domain::accounts::Role;
use crate::domain::comments::ClosedReason;
use crate::domain::ideas::{AuthorView, Choice, IdeaSort, IdeaStatus, COUNT_CAP, PAGE_SIZE};
use crate::domain::projects::{LocalizedName, Phase};
use crate::server::search;
use chrono::{DateTime, SubsecRound, Utc};
use sqlx::FromRow;

/// Timestamps are stored with microseconds, the precision PostgreSQL keeps, so that keyset
/// cursors compare equal on both engines.
pub(super) fn stored_time(now: DateTime<Utc>) -> DateTime<Utc> {
    now.trunc_subsecs(6)
}

/// A new idea, validated.
pub struct NewIdea<'a> {
    pub author_id: i64,
    pub project_id: Option<i64>,
    pub category_id: i64,
    pub title: &'a str,
    pub body_md: &'a str,
    /// The sanitised HTML of `body_md`.
    pub body_html: &'a str,
    pub location: Option<&'a str>,
}

/// Inserts an idea and, on SQLite, its stemmed words into the search index.
pub async fn insert_idea(
    tx: &mut Tx,
    idea: &NewIdea<'_>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "INSERT INTO ideas (author_id, project_id, category_id, title, body_md, \
            location_text, created_at, updated_at, body_html) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id";
    let now = stored_time(now);
    let id: i64 = with_tx!(tx, conn => {
        sqlx::query_scalar(SQL)
            .bind(idea.author_id)
            .bind(idea.project_id)
            .bind(idea.category_id)
            .bind(idea.title)
            .bind(idea.body_md)
            .bind(idea.location)
            .bind(now)
            .bind(idea.body_html)
            .fetch_one(conn)
            .await?
    });
    if let Tx::Sqlite(tx) = tx {
        let terms = search::stemmed_text(&format!("{} {}", idea.title, idea.body_md));
        sqlx::query("INSERT INTO ideas_search (rowid, terms) VALUES ($1, $2)")
            .bind(id)
            .bind(terms)
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

/// The id of the project with `slug` if it accepts ideas now.
pub async fn find_project_accepting_ideas(tx: &mut Tx, slug: &str) -> Result<Option<i64>, DbError> {
    const SQL: &str = "SELECT id FROM projects \
         WHERE slug = $1 AND accepts_ideas AND archived_at IS NULL AND phase <> 'completed'";
    Ok(with_tx!(tx, conn => sqlx::query_scalar(SQL).bind(slug).fetch_optional(conn).await?))
}

pub async fn find_category_id(tx: &mut Tx, slug: &str) -> Result<Option<i64>, DbError> {
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar("SELECT id FROM categories WHERE slug = $1").bind(slug).fetch_optional(conn).await?
    }))
}

#[derive(FromRow)]
struct ChoiceRow {
    slug: String,
    name_de: String,
    name_en: String,
}

/// All categories, for forms and filters.
pub async fn list_categories(db: &Db) -> Result<Vec<Choice>, DbError> {
    const SQL: &str = "SELECT slug, name_de, name_en FROM categories ORDER BY name_de";
    let rows: Vec<ChoiceRow> =
        super::with_pool!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|r| Choice {
            slug: r.slug,
            name: LocalizedName {
                de: r.name_de,
                en: r.name_en,
            },
        })
        .collect())
}

/// What the idea list is narrowed to.
#[derive(Debug, Default, Clone)]
pub struct IdeaFilter {
    pub project: Option<String>,
    pub category: Option<String>,
    pub status: Option<IdeaStatus>,
    pub query: Option<String>,
    pub sort: IdeaSort,
    pub cursor: Option<String>,
}

/// A list row before the markdown body becomes an excerpt.
#[derive(serde::Deserialize)]
pub struct IdeaListRow {
    pub id: i64,
    pub title: String,
    pub body_md: String,
    #[serde(deserialize_with = "super::stored::from_stored_text")]
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: DateTime<Utc>,
    display_name: String,
    organisation_name: Option<String>,
    #[serde(deserialize_with = "super::stored::from_stored_text")]
    role: Role,
    profile_id: Option<i64>,
    pub project_title: Option<String>,
    category_de: String,
    category_en: String,
}

impl IdeaListRow {
    pub fn author(&self) -> AuthorView {
        author_view(
            &self.display_name,
            &self.organisation_name,
            self.role,
            self.profile_id,
        )
    }

    pub fn category(&self) -> LocalizedName {
        localized(&self.category_de, &self.category_en)
    }

    /// The keyset cursor that continues the list after this row.
    pub fn cursor(&self, sort: IdeaSort) -> String {
        let key = match sort {
            IdeaSort::Newest => self.created_at.timestamp_micros(),
            IdeaSort::MostSupported => self.vote_count,
            IdeaSort::MostDiscussed => self.comment_count,
        };
        format!("{key}_{}", self.id)
    }
}

/// How an author is shown: the name, the verified organisation (the query reads it with
/// `verified_organisation!`), a badge for staff.
pub(super) fn author_view(
    display_name: &str,
    verified_organisation: &Option<String>,
    role: Role,
    profile_id: Option<i64>,
) -> AuthorView {
    AuthorView {
        name: display_name.to_owned(),
        organisation: verified_organisation.clone(),
        is_staff: role.is_staff(),
        profile_id,
    }
}

fn localized(de: &str, en: &str) -> LocalizedName {
    LocalizedName {
        de: de.to_owned(),
        en: en.to_owned(),
    }
}

// Cards show a short excerpt: the start of the body is enough, and keeps long bodies from
// being read and parsed for every card.
const LIST_COLUMNS: &str = concat!(
    "SELECT i.id, i.title, substr(i.body_md, 1, 1500) AS body_md, i.status, i.vote_count, \
        i.comment_count, i.created_at, u.display_name, ",
    verified_organisation!("u"),
    " AS organisation_name, u.role, ",
    profile_id!("u"),
    " AS profile_id, \
        p.title AS project_title, c.name_de AS category_de, c.name_en AS category_en \
     FROM visible_ideas i \
     JOIN users u ON u.id = i.author_id \
     JOIN categories c ON c.id = i.category_id \
     LEFT JOIN projects p ON p.id = i.project_id"
);

/// What reads the ideas a search matches first (SQLite).
#[derive(Clone, Copy, PartialEq, Eq)]
enum SearchDrives {
    /// The page walks the sort order's index and stops at the page's end.
    SortOrder,
    /// The count reads the matches and stops at the cap.
    Matches,
}

/// Appends the filters, each an `AND …` with bound values, to `sql` (which ends in a
/// `WHERE`). The same filter always binds the same values in the same order.
fn push_filters(sql: &mut FilteredSql, db: &Db, filter: &IdeaFilter, drives: SearchDrives) {
    if let Some(project) = &filter.project {
        sql.push(
            " AND i.project_id = (SELECT id FROM projects WHERE slug = ?)",
            [Bind::Text(project.clone())],
        );
    }
    if let Some(category) = &filter.category {
        sql.push(
            " AND i.category_id = (SELECT id FROM categories WHERE slug = ?)",
            [Bind::Text(category.clone())],
        );
    }
    if let Some(status) = filter.status {
        sql.push(
            " AND i.status = ?",
            [Bind::Text(status.as_str().to_owned())],
        );
    }
    let Some(query) = &filter.query else { return };
    match db {
        Db::Sqlite(_) => {
            let stems = search::query_stems(query);
            if stems.is_empty() {
                return;
            }
            // For the page, `+ 0` keeps SQLite from driving the query by the matches
            // (sorting all of them: 26 ms for a common word in 100,000 ideas); it walks the
            // sort order's index instead and stops at the page's end (1 ms; 7 ms when
            // nothing matches). The count has no order: it reads the matches and stops at
            // the cap.
            let id = match drives {
                SearchDrives::SortOrder => "i.id + 0",
                SearchDrives::Matches => "i.id",
            };
            sql.push(
                &format!(
                    " AND {id} IN (SELECT rowid FROM ideas_search WHERE ideas_search MATCH ?)"
                ),
                [Bind::Text(search::fts5_query(&stems))],
            );
        }
        Db::Postgres(_) => {
            let words: Vec<String> = search::words(query).take(12).collect();
            if !words.is_empty() {
                sql.push(
                    " AND to_tsvector('german', i.title || ' ' || i.body_md) \
                      @@ plainto_tsquery('german', ?)",
                    [Bind::Text(words.join(" "))],
                );
            }
        }
    }
}

/// One page of ideas (plus one row to tell whether another page follows) and how many
/// ideas match the filters (read up to `COUNT_CAP + 1`), in one query. Filters are bound
/// parameters; the search is the one part where the engines differ.
pub async fn list_ideas(db: &Db, filter: &IdeaFilter) -> Result<(Vec<IdeaListRow>, i64), DbError> {
    let mut sql = FilteredSql::new(format!("{LIST_COLUMNS} WHERE TRUE"));
    push_filters(&mut sql, db, filter, SearchDrives::SortOrder);
    // The count's filters bind the same values in the same order as the page's, so its
    // `$n` name the page's parameters: the values are bound once.
    let mut counted = FilteredSql::new(" WHERE TRUE");
    push_filters(&mut counted, db, filter, SearchDrives::Matches);
    debug_assert_eq!(counted.binds.len(), sql.binds.len());
    let count = format!(
        "(SELECT COUNT(*) FROM (SELECT 1 FROM visible_ideas i{} LIMIT {}) AS counted)",
        counted.sql,
        COUNT_CAP + 1
    );
    let (key_column, order) = match filter.sort {
        IdeaSort::Newest => ("i.created_at", "i.created_at DESC, i.id DESC"),
        IdeaSort::MostSupported => ("i.vote_count", "i.vote_count DESC, i.id DESC"),
        IdeaSort::MostDiscussed => ("i.comment_count", "i.comment_count DESC, i.id DESC"),
    };
    if let Some((key, id)) = filter.cursor.as_deref().and_then(parse_cursor) {
        let key = match filter.sort {
            IdeaSort::Newest => match DateTime::from_timestamp_micros(key) {
                Some(time) => Bind::Time(time),
                None => Bind::Time(DateTime::<Utc>::MIN_UTC),
            },
            _ => Bind::Int(key),
        };
        sql.push(
            &format!(" AND ({key_column}, i.id) < (?, ?)"),
            [key, Bind::Int(id)],
        );
    }
    sql.push_str(&format!(" ORDER BY {order} LIMIT {}", PAGE_SIZE + 1));
    let FilteredSql { sql, binds } = sql;
    // The page comes back as one JSON row: sqlx's SQLite driver hands each row from its
    // worker thread to the async task separately, which cost more than the query itself.
    let sql = match db {
        Db::Sqlite(_) => format!(
            "SELECT json_group_array(json_object({PAGE_JSON_FIELDS})), {count} FROM ({sql})"
        ),
        Db::Postgres(_) => format!("SELECT json_agg(page)::text, {count} FROM ({sql}) page"),
    };
    let (json, total) = with_pool!(db, pool => {
        bind_all!(sqlx::query_as::<_, (Option<String>, i64)>(&sql), binds)
            .fetch_one(pool)
            .await?
    });
    let mut rows: Vec<IdeaListRow> = match json {
        Some(json) => serde_json::from_str(&json).map_err(DbError::corrupt)?,
        None => Vec::new(),
    };
    // JSON aggregates promise no order: restore the page's.
    rows.sort_by(|a, b| {
        let key = |r: &IdeaListRow| match filter.sort {
            IdeaSort::Newest => (r.created_at.timestamp_micros(), r.id),
            IdeaSort::MostSupported => (r.vote_count, r.id),
            IdeaSort::MostDiscussed => (r.comment_count, r.id),
        };
        key(b).cmp(&key(a))
    });
    Ok((rows, total))
}

/// The list columns as `json_object` arguments (SQLite; PostgreSQL names them itself).
const PAGE_JSON_FIELDS: &str = "'id', id, 'title', title, 'body_md', body_md, \
    'status', status, 'vote_count', vote_count, 'comment_count', comment_count, \
    'created_at', created_at, 'display_name', display_name, \
    'organisation_name', organisation_name, 'role', role, 'profile_id', profile_id, \
    'project_title', project_title, \
    'category_de', category_de, 'category_en', category_en";

fn parse_cursor(cursor: &str) -> Option<(i64, i64)> {
    let (key, id) = cursor.split_once('_')?;
    Some((key.parse().ok()?, id.parse().ok()?))
}

/// One idea with its author, project and category, or `DbError::NotFound`.
#[derive(FromRow)]
pub struct IdeaRow {
    pub id: i64,
    pub author_id: i64,
    pub title: String,
    pub body_md: String,
    /// Rendered when written; empty for rows older than that column.
    pub body_html: String,
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub location_text: Option<String>,
    pub official_answer_md: Option<String>,
    /// Rendered when written; `None` beside an answer for rows older than that column.
    pub official_answer_html: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub answered_by: Option<String>,
    display_name: String,
    organisation_name: Option<String>,
    role: Role,
    profile_id: Option<i64>,
    pub project_title: Option<String>,
    pub project_slug: Option<String>,
    pub project_id: Option<i64>,
    project_phase: Option<Phase>,
    pub support_limit: Option<i64>,
    category_de: String,
    category_en: String,
    pub category_slug: String,
}

impl IdeaRow {
    pub fn closed(&self) -> Option<ClosedReason> {
        closed_reason(self.status, self.project_phase)
    }

    pub fn author(&self) -> AuthorView {
        author_view(
            &self.display_name,
            &self.organisation_name,
            self.role,
            self.profile_id,
        )
    }

    pub fn category(&self) -> LocalizedName {
        localized(&self.category_de, &self.category_en)
    }
}

/// The idea page in one query: the idea, its status history and its whole discussion (the
/// two lists as JSON arrays in one row each). A query through sqlx's SQLite driver is a
/// hand-over to the connection's worker thread and back; one instead of three keeps a busy
/// server out of the scheduler (bench/run.sh, "idea, 200 comments").
macro_rules! idea_page_sql {
    ($array:literal, $aggregate:literal, $as_text:literal) => {
        concat!(
            "SELECT i.id, i.author_id, i.title, i.body_md, i.body_html, i.status, i.vote_count, \
                i.comment_count, i.created_at, i.edited_at, i.location_text, \
                i.official_answer_md, i.official_answer_html, i.answered_at, \
                ",
            shown_name!("a"),
            " AS answered_by, u.display_name, ",
            verified_organisation!("u"),
            " AS organisation_name, u.role, ",
            profile_id!("u"),
            " AS profile_id, p.title AS project_title, p.slug AS project_slug, \
                i.project_id, p.phase AS project_phase, p.support_limit, \
                c.name_de AS category_de, c.name_en AS category_en, c.slug AS category_slug, \
                i.hidden_at IS NOT NULL AS hidden, i.held_at IS NOT NULL AS held, \
                (SELECT ",
            $aggregate,
            "(",
            $array,
            "(h.id, h.from_status, h.to_status, \
                        ",
            shown_name!("hu"),
            ", h.created_at))",
            $as_text,
            " \
                   FROM idea_status_changes h JOIN users hu ON hu.id = h.changed_by \
                  WHERE h.idea_id = i.id) AS history, \
                (SELECT ",
            $aggregate,
            "(",
            $array,
            "(",
            comment_row_columns!(),
            "))",
            $as_text,
            " \
                   FROM comments c JOIN users cu ON cu.id = c.author_id \
                  WHERE c.idea_id = i.id) AS comments \
             FROM ideas i \
             JOIN users u ON u.id = i.author_id \
             JOIN categories c ON c.id = i.category_id \
             LEFT JOIN projects p ON p.id = i.project_id \
             LEFT JOIN users a ON a.id = i.answered_by \
             WHERE i.id = $1 AND (i.hidden_at IS NULL OR i.author_id = $2)"
        )
    };
}

/// What the idea page shows, as stored.
pub struct IdeaPageRows {
    pub idea: IdeaRow,
    /// Hidden by moderation: only its author gets the page (with a notice).
    pub hidden: bool,
    /// Hidden because it waits for approval (pre-moderation).
    pub held: bool,
    /// Oldest first.
    pub history: Vec<StatusChangeRow>,
    /// In writing order (`created_at`, `id`).
    pub comments: Vec<CommentRow>,
}

#[derive(FromRow)]
struct IdeaPageRow {
    #[sqlx(flatten)]
    idea: IdeaRow,
    hidden: bool,
    held: bool,
    history: Option<String>,
    comments: Option<String>,
}

/// A visible idea with its history and discussion, or `DbError::NotFound`. A hidden idea is
/// found for its author only (the one exception to the `visible_ideas` rule: the author is
/// owed the sight of what was hidden, and why). `viewer` gets
/// the markdown of their own comments for the edit form.
pub async fn find_idea_page(
    db: &Db,
    id: i64,
    viewer: Option<i64>,
) -> Result<IdeaPageRows, DbError> {
    let sql = match db {
        Db::Sqlite(_) => idea_page_sql!("json_array", "json_group_array", ""),
        Db::Postgres(_) => idea_page_sql!("json_build_array", "json_agg", "::text"),
    };
    let row: IdeaPageRow = super::with_pool!(db, pool => {
        sqlx::query_as(sql).bind(id).bind(viewer).fetch_one(pool).await?
    });
    // Aggregates keep no order of their own (and PostgreSQL's json_agg of nothing is NULL).
    let mut history: Vec<StatusChangeRow> = parse_json_list(row.history)?;
    history.sort_by_key(|h| (h.created_at, h.id));
    let mut comments: Vec<CommentRow> = parse_json_list(row.comments)?;
    comments.sort_by_key(|c| (c.created_at, c.id));
    Ok(IdeaPageRows {
        idea: row.idea,
        hidden: row.hidden,
        held: row.held,
        history,
        comments,
    })
}

fn parse_json_list<T: serde::de::DeserializeOwned>(
    json: Option<String>,
) -> Result<Vec<T>, DbError> {
    match json {
        Some(json) => serde_json::from_str(&json).map_err(DbError::corrupt),
        None => Ok(Vec::new()),
    }
}

/// One entry of an idea's status history (a JSON array in the idea page row).
#[derive(serde::Deserialize)]
pub struct StatusChangeRow {
    id: i64,
    #[serde(deserialize_with = "super::stored::from_stored_text")]
    pub from_status: IdeaStatus,
    #[serde(deserialize_with = "super::stored::from_stored_text")]
    pub to_status: IdeaStatus,
    pub changed_by: String,
    pub created_at: DateTime<Utc>,
}

/// The fields of an idea its author and staff act on, locked for the transaction.
#[derive(FromRow)]
pub struct IdeaState {
    pub author_id: i64,
    pub title: String,
    pub status: IdeaStatus,
    pub vote_count: i64,
    pub comment_count: i64,
    pub project_id: Option<i64>,
    project_phase: Option<Phase>,
    pub support_limit: Option<i64>,
}

impl IdeaState {
    /// Why the idea takes no more comments and supports, if it does not.
    pub fn closed(&self) -> Option<ClosedReason> {
        closed_reason(self.status, self.project_phase)
    }
}

/// Withdrawn ideas and the ideas of completed projects are closed for comments and supports.
fn closed_reason(status: IdeaStatus, project_phase: Option<Phase>) -> Option<ClosedReason> {
    if status == IdeaStatus::Withdrawn {
        Some(ClosedReason::Withdrawn)
    } else if project_phase == Some(Phase::Completed) {
        Some(ClosedReason::ProjectCompleted)
    } else {
        None
    }
}

/// The idea's state for a change (visible ideas only), with its project's phase and limit.
pub async fn find_idea_state(tx: &mut Tx, id: i64) -> Result<IdeaState, DbError> {
    const SQL: &str = "SELECT i.author_id, i.title, i.status, i.vote_count, i.comment_count, \
            i.project_id, p.phase AS project_phase, p.support_limit \
         FROM visible_ideas i LEFT JOIN projects p ON p.id = i.project_id \
         WHERE i.id = $1";
    Ok(with_tx!(tx, conn => sqlx::query_as(SQL).bind(id).fetch_one(conn).await?))
}

/// An official answer: its markdown and the sanitised HTML of it.
#[derive(Clone, Copy)]
pub struct Answer<'a> {
    pub md: &'a str,
    pub html: &'a str,
}

/// Sets a new status (with the official answer, if given) and records the change.
#[allow(clippy::too_many_arguments)] // one value per column of the history entry
pub async fn change_status(
    tx: &mut Tx,
    idea_id: i64,
    from: IdeaStatus,
    to: IdeaStatus,
    answer: Option<Answer<'_>>,
    changed_by: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let now = stored_time(now);
    let answer_md = answer.map(|a| a.md);
    const UPDATE: &str = "UPDATE ideas SET status = $2, updated_at = $5, \
            official_answer_md = COALESCE($3, official_answer_md), \
            official_answer_html = CASE WHEN $3 IS NULL THEN official_answer_html ELSE $6 END, \
            answered_by = CASE WHEN $3 IS NULL THEN answered_by ELSE $4 END, \
            answered_at = CASE WHEN $3 IS NULL THEN answered_at ELSE $5 END \
         WHERE id = $1";
    const HISTORY: &str = "INSERT INTO idea_status_changes (idea_id, from_status, to_status, \
            answer_md, changed_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    with_tx!(tx, conn => {
        sqlx::query(UPDATE)
            .bind(idea_id)
            .bind(to.as_str())
            .bind(answer_md)
            .bind(changed_by)
            .bind(now)
            .bind(answer.map(|a| a.html))
            .execute(&mut *conn)
            .await?;
        sqlx::query(HISTORY)
            .bind(idea_id)
            .bind(from.as_str())
            .bind(to.as_str())
            .bind(answer_md)
            .bind(changed_by)
            .bind(now)
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Replaces an idea's text (the author's edit) and marks it edited; keeps the SQLite search
/// index in step.
pub async fn update_idea_text(
    tx: &mut Tx,
    idea_id: i64,
    idea: &NewIdea<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "UPDATE ideas SET title = $2, body_md = $3, category_id = $4, \
            project_id = $5, location_text = $6, edited_at = $7, updated_at = $7, \
            body_html = $8 WHERE id = $1";
    let now = stored_time(now);
    with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(idea_id)
            .bind(idea.title)
            .bind(idea.body_md)
            .bind(idea.category_id)
            .bind(idea.project_id)
            .bind(idea.location)
            .bind(now)
            .bind(idea.body_html)
            .execute(conn)
            .await?;
    });
    if let Tx::Sqlite(tx) = tx {
        let terms = search::stemmed_text(&format!("{} {}", idea.title, idea.body_md));
        sqlx::query("DELETE FROM ideas_search WHERE rowid = $1")
            .bind(idea_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("INSERT INTO ideas_search (rowid, terms) VALUES ($1, $2)")
            .bind(idea_id)
            .bind(terms)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
