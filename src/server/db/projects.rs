//! Projects: the catalogue read models and inserting projects.

use super::{with_pool, with_tx, Db, DbError, Tx};
use crate::domain::projects::{
    euros_input, split_districts, LocalizedName, Phase, ProjectDraft, ProjectImage,
    ProjectListItem, ProjectView,
};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

/// The catalogue query, with the per-project district names aggregated in the same query.
/// The aggregate function is the one word SQLite (`group_concat`) and PostgreSQL
/// (`string_agg`) spell differently.
macro_rules! list_projects_sql {
    ($aggregate:literal) => {
        concat!(
            "SELECT p.slug, p.title, p.summary, p.phase, c.name_de AS category_de, \
                    c.name_en AS category_en, c.slug AS category_slug, p.accepts_ideas, \
                    p.archived_at IS NOT NULL AS archived, \
                    pi.hash AS image_hash, pi.alt_text AS image_alt, \
                    pi.width AS image_width, pi.height AS image_height, \
                    (SELECT ",
            $aggregate,
            "(d.name, '|' ORDER BY d.name) \
                       FROM project_districts pd JOIN districts d ON d.id = pd.district_id \
                      WHERE pd.project_id = p.id) AS districts, \
                    (SELECT count(*) FROM visible_ideas i \
                      WHERE i.project_id = p.id) AS idea_count \
               FROM projects p LEFT JOIN categories c ON c.id = p.category_id \
               LEFT JOIN project_images pi ON pi.project_id = p.id \
              WHERE ($1 = '' OR p.phase = $1) \
                AND ($2 = '' OR c.slug = $2) \
                AND ($3 = '' OR EXISTS (SELECT 1 FROM project_districts fd \
                                         JOIN districts d ON d.id = fd.district_id \
                                        WHERE fd.project_id = p.id AND d.slug = $3)) \
              ORDER BY p.archived_at IS NOT NULL, \
                       CASE p.phase WHEN 'running' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END, \
                       p.title"
        )
    };
}

/// What the catalogue is narrowed to; empty means "all".
#[derive(Debug, Default, Clone)]
pub struct ProjectFilter {
    pub phase: Option<Phase>,
    pub category: Option<String>,
    pub district: Option<String>,
}
const LIST_PROJECTS_SQLITE: &str = list_projects_sql!("group_concat");
const LIST_PROJECTS_POSTGRES: &str = list_projects_sql!("string_agg");

macro_rules! find_project_sql {
    ($aggregate:literal) => {
        concat!(
            "SELECT p.slug, p.title, p.summary, p.description_md, p.phase, p.funding_cents, \
                    p.responsible_body, p.contact, c.name_de AS category_de, \
                    c.name_en AS category_en, c.slug AS category_slug, p.starts_on, p.ends_on, \
                    p.accepts_ideas, p.archived_at IS NOT NULL AS archived, \
                    pi.hash AS image_hash, pi.alt_text AS image_alt, \
                    pi.width AS image_width, pi.height AS image_height, \
                    (SELECT ",
            $aggregate,
            "(d.name, '|' ORDER BY d.name) \
                       FROM project_districts pd JOIN districts d ON d.id = pd.district_id \
                      WHERE pd.project_id = p.id) AS districts, \
                    (SELECT count(*) FROM visible_ideas i \
                      WHERE i.project_id = p.id) AS idea_count \
               FROM projects p LEFT JOIN categories c ON c.id = p.category_id \
               LEFT JOIN project_images pi ON pi.project_id = p.id \
              WHERE p.slug = $1"
        )
    };
}
const FIND_PROJECT_SQLITE: &str = find_project_sql!("group_concat");
const FIND_PROJECT_POSTGRES: &str = find_project_sql!("string_agg");

#[derive(FromRow)]
struct DistrictRow {
    slug: String,
    name: String,
}

/// All districts and municipalities (slug, name), for the catalogue filter.
pub async fn list_districts(db: &Db) -> Result<Vec<(String, String)>, DbError> {
    let rows: Vec<DistrictRow> = with_pool!(db, pool => {
        sqlx::query_as("SELECT slug, name FROM districts ORDER BY name").fetch_all(pool).await?
    });
    Ok(rows.into_iter().map(|r| (r.slug, r.name)).collect())
}

#[derive(FromRow)]
struct ProjectListRow {
    slug: String,
    title: String,
    summary: String,
    phase: Phase,
    category_de: Option<String>,
    category_en: Option<String>,
    accepts_ideas: bool,
    archived: bool,
    districts: Option<String>,
    idea_count: i64,
    category_slug: Option<String>,
    image_hash: Option<String>,
    image_alt: Option<String>,
    image_width: Option<i64>,
    image_height: Option<i64>,
}

/// A project as stored, before its markdown description is rendered.
#[derive(FromRow)]
pub struct ProjectDetailRow {
    slug: String,
    title: String,
    summary: String,
    description_md: String,
    phase: Phase,
    funding_cents: Option<i64>,
    responsible_body: String,
    contact: String,
    category_de: Option<String>,
    category_en: Option<String>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    accepts_ideas: bool,
    archived: bool,
    districts: Option<String>,
    idea_count: i64,
    category_slug: Option<String>,
    image_hash: Option<String>,
    image_alt: Option<String>,
    image_width: Option<i64>,
    image_height: Option<i64>,
}

fn category(de: Option<String>, en: Option<String>) -> Option<LocalizedName> {
    Some(LocalizedName { de: de?, en: en? })
}

/// The picture from the joined `project_images` row, if the project has one.
fn image(
    hash: Option<String>,
    alt: Option<String>,
    width: Option<i64>,
    height: Option<i64>,
) -> Option<ProjectImage> {
    Some(ProjectImage::stored(&hash?, alt?, width?, height?))
}

impl ProjectListRow {
    fn into_item(self) -> Result<ProjectListItem, DbError> {
        Ok(ProjectListItem {
            phase: self.phase,
            districts: split_districts(self.districts.as_deref()),
            category: category(self.category_de, self.category_en),
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            accepts_ideas: self.accepts_ideas,
            archived: self.archived,
            idea_count: self.idea_count,
            image: image(
                self.image_hash,
                self.image_alt,
                self.image_width,
                self.image_height,
            ),
            category_slug: self.category_slug,
        })
    }
}

impl ProjectDetailRow {
    /// The page's view, with the description rendered by `render_markdown`.
    pub fn into_view(
        self,
        render_markdown: impl Fn(&str) -> String,
    ) -> Result<ProjectView, DbError> {
        Ok(ProjectView {
            phase: self.phase,
            description_html: render_markdown(&self.description_md),
            districts: split_districts(self.districts.as_deref()),
            category: category(self.category_de, self.category_en),
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            funding_cents: self.funding_cents,
            responsible_body: self.responsible_body,
            contact: self.contact,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            accepts_ideas: self.accepts_ideas,
            archived: self.archived,
            idea_count: self.idea_count,
            image: image(
                self.image_hash,
                self.image_alt,
                self.image_width,
                self.image_height,
            ),
            category_slug: self.category_slug,
        })
    }
}

/// The catalogue: running before planned before completed, archived last. Filters are bound
/// as text, the empty string meaning "any" (a typed NULL would need dialect-specific casts).
pub async fn list_projects(
    db: &Db,
    filter: &ProjectFilter,
) -> Result<Vec<ProjectListItem>, DbError> {
    let phase = filter.phase.map(Phase::as_str).unwrap_or_default();
    let category = filter.category.as_deref().unwrap_or_default();
    let district = filter.district.as_deref().unwrap_or_default();
    let rows: Vec<ProjectListRow> = match db {
        Db::Sqlite(pool) => {
            sqlx::query_as(LIST_PROJECTS_SQLITE)
                .bind(phase)
                .bind(category)
                .bind(district)
                .fetch_all(pool)
                .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_as(LIST_PROJECTS_POSTGRES)
                .bind(phase)
                .bind(category)
                .bind(district)
                .fetch_all(pool)
                .await?
        }
    };
    rows.into_iter().map(ProjectListRow::into_item).collect()
}

/// One project by slug, or `DbError::NotFound`.
pub async fn find_project_by_slug(db: &Db, slug: &str) -> Result<ProjectDetailRow, DbError> {
    let row = match db {
        Db::Sqlite(pool) => {
            sqlx::query_as(FIND_PROJECT_SQLITE)
                .bind(slug)
                .fetch_one(pool)
                .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_as(FIND_PROJECT_POSTGRES)
                .bind(slug)
                .fetch_one(pool)
                .await?
        }
    };
    Ok(row)
}

/// A project to insert.
pub struct NewProject<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub description_md: &'a str,
    pub phase: Phase,
    pub funding_cents: Option<i64>,
    pub responsible_body: &'a str,
    pub contact: &'a str,
    pub category_id: Option<i64>,
    pub programme_id: Option<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub accepts_ideas: bool,
    pub support_limit: Option<i64>,
    /// Archived projects stay readable but take no new ideas.
    pub archived: bool,
    pub created_by: Option<i64>,
    pub district_ids: &'a [i64],
}

/// Binds the columns insert and update share, as `$1`–`$15` in this order: slug, title,
/// summary, description, phase, funding, responsible body, contact, category, start, end,
/// accepts ideas, support limit, now, archived.
macro_rules! bind_project_fields {
    ($query:expr, $project:expr, $now:expr) => {
        $query
            .bind($project.slug)
            .bind($project.title)
            .bind($project.summary)
            .bind($project.description_md)
            .bind($project.phase.as_str())
            .bind($project.funding_cents)
            .bind($project.responsible_body)
            .bind($project.contact)
            .bind($project.category_id)
            .bind($project.starts_on)
            .bind($project.ends_on)
            .bind($project.accepts_ideas)
            .bind($project.support_limit)
            .bind($now)
            .bind($project.archived)
    };
}

/// Inserts a project with its districts. Returns its id, or `None` when the slug is taken
/// (so seeding twice changes nothing).
pub async fn insert_project_unless_exists(
    tx: &mut Tx,
    project: &NewProject<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    const INSERT: &str = "INSERT INTO projects (slug, title, summary, description_md, phase, \
            funding_cents, responsible_body, contact, category_id, starts_on, ends_on, \
            accepts_ideas, support_limit, created_at, updated_at, archived_at, programme_id, \
            created_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, \
                 CASE WHEN $15 THEN $14 END, $16, $17) \
         ON CONFLICT (slug) DO NOTHING RETURNING id";
    let id: Option<i64> = with_tx!(tx, conn => {
        bind_project_fields!(sqlx::query_scalar(INSERT), project, now)
            .bind(project.programme_id)
            .bind(project.created_by)
            .fetch_optional(conn)
            .await?
    });
    let Some(id) = id else { return Ok(None) };
    insert_districts(tx, id, project.district_ids).await?;
    Ok(Some(id))
}

async fn insert_districts(
    tx: &mut Tx,
    project_id: i64,
    district_ids: &[i64],
) -> Result<(), DbError> {
    for district_id in district_ids {
        with_tx!(tx, conn => {
            sqlx::query("INSERT INTO project_districts (project_id, district_id) VALUES ($1, $2)")
                .bind(project_id)
                .bind(district_id)
                .execute(conn)
                .await?;
        });
    }
    Ok(())
}

/// Replaces a project's fields and districts (not its author). An archived project keeps
/// its first archiving time. A slug taken by another project is `DbError::Conflict`.
pub async fn update_project(
    tx: &mut Tx,
    id: i64,
    project: &NewProject<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const UPDATE: &str = "UPDATE projects SET slug = $1, title = $2, summary = $3, \
            description_md = $4, phase = $5, funding_cents = $6, responsible_body = $7, \
            contact = $8, category_id = $9, starts_on = $10, ends_on = $11, \
            accepts_ideas = $12, support_limit = $13, updated_at = $14, \
            archived_at = CASE WHEN $15 THEN COALESCE(archived_at, $14) ELSE NULL END \
         WHERE id = $16";
    let updated = with_tx!(tx, conn => {
        bind_project_fields!(sqlx::query(UPDATE), project, now)
            .bind(id)
            .execute(conn)
            .await?
            .rows_affected()
    });
    if updated == 0 {
        return Err(DbError::NotFound);
    }
    with_tx!(tx, conn => {
        sqlx::query("DELETE FROM project_districts WHERE project_id = $1")
            .bind(id)
            .execute(conn)
            .await?;
    });
    insert_districts(tx, id, project.district_ids).await
}

/// The ids of the districts with these slugs (unknown slugs are left out). One query: the
/// districts are a short reference list, however many boxes a crafted post ticks.
pub async fn find_district_ids(tx: &mut Tx, slugs: &[String]) -> Result<Vec<i64>, DbError> {
    let all: Vec<(String, i64)> = with_tx!(tx, conn => {
        sqlx::query_as("SELECT slug, id FROM districts").fetch_all(conn).await?
    });
    Ok(slugs
        .iter()
        .filter_map(|slug| all.iter().find(|(s, _)| s == slug).map(|(_, id)| *id))
        .collect())
}

#[derive(FromRow)]
struct ProjectDraftRow {
    id: i64,
    slug: String,
    title: String,
    summary: String,
    description_md: String,
    phase: String,
    funding_cents: Option<i64>,
    responsible_body: String,
    contact: String,
    category_slug: Option<String>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    support_limit: Option<i64>,
    accepts_ideas: bool,
    archived: bool,
    districts: Option<String>,
}

macro_rules! find_project_draft_sql {
    ($aggregate:literal) => {
        concat!(
            "SELECT p.id, p.slug, p.title, p.summary, p.description_md, p.phase, \
                    p.funding_cents, p.responsible_body, p.contact, c.slug AS category_slug, \
                    p.starts_on, p.ends_on, p.support_limit, p.accepts_ideas, \
                    p.archived_at IS NOT NULL AS archived, \
                    (SELECT ",
            $aggregate,
            "(d.slug, '|' ORDER BY d.slug) \
                       FROM project_districts pd JOIN districts d ON d.id = pd.district_id \
                      WHERE pd.project_id = p.id) AS districts \
               FROM projects p LEFT JOIN categories c ON c.id = p.category_id \
              WHERE p.slug = $1"
        )
    };
}

/// A project's stored fields as its edit form shows them (amounts and dates as text), with
/// its id; `DbError::NotFound` for unknown slugs.
pub async fn find_project_draft(db: &Db, slug: &str) -> Result<(i64, ProjectDraft), DbError> {
    let row: ProjectDraftRow = match db {
        Db::Sqlite(pool) => {
            sqlx::query_as(find_project_draft_sql!("group_concat"))
                .bind(slug)
                .fetch_one(pool)
                .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_as(find_project_draft_sql!("string_agg"))
                .bind(slug)
                .fetch_one(pool)
                .await?
        }
    };
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Ok((
        row.id,
        ProjectDraft {
            slug: row.slug,
            title: row.title,
            summary: row.summary,
            description: row.description_md,
            phase: row.phase,
            funding: row.funding_cents.map(euros_input).unwrap_or_default(),
            responsible_body: row.responsible_body,
            contact: row.contact,
            category: row.category_slug.unwrap_or_default(),
            districts: split_districts(row.districts.as_deref()),
            starts_on: date(row.starts_on),
            ends_on: date(row.ends_on),
            support_limit: row.support_limit.map(|n| n.to_string()).unwrap_or_default(),
            accepts_ideas: row.accepts_ideas,
            archived: row.archived,
        },
    ))
}

/// The projects that take ideas now (slug, title), for the idea form and filters.
pub async fn list_projects_accepting_ideas(db: &Db) -> Result<Vec<(String, String)>, DbError> {
    const SQL: &str = "SELECT slug, title FROM projects \
         WHERE accepts_ideas AND archived_at IS NULL AND phase <> 'completed' ORDER BY title";
    Ok(with_pool!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await?))
}

/// Every project (slug, title) by title: the choices of the workshop filter and form, without
/// the catalogue's aggregates.
pub async fn list_project_names(db: &Db) -> Result<Vec<(String, String)>, DbError> {
    const SQL: &str = "SELECT slug, title FROM projects ORDER BY title";
    Ok(with_pool!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await?))
}

/// A project's id by slug inside a transaction; `None` if there is none (a form's choice).
pub async fn find_project_id_in(tx: &mut Tx, slug: &str) -> Result<Option<i64>, DbError> {
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar("SELECT id FROM projects WHERE slug = $1")
            .bind(slug)
            .fetch_optional(conn)
            .await?
    }))
}

/// A project's id by slug, or `DbError::NotFound`.
pub async fn find_project_id(db: &Db, slug: &str) -> Result<i64, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM projects WHERE slug = $1").bind(slug).fetch_one(pool).await?
    }))
}

/// A project's title by id.
pub async fn project_title(tx: &mut Tx, id: i64) -> Result<String, DbError> {
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar("SELECT title FROM projects WHERE id = $1").bind(id).fetch_one(conn).await?
    }))
}

/// Counts stored projects.
pub async fn count_projects(db: &Db) -> Result<i64, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar("SELECT count(*) FROM projects").fetch_one(pool).await?
    }))
}
