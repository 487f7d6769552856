//! Project flows: staff create and edit projects.

use crate::domain::projects::{
    parse_date, parse_euros, parse_limit, parse_slug, Phase, ProjectDraft, DESCRIPTION_MAX_CHARS,
    FACT_MAX_CHARS, PROJECT_TITLE_MAX_CHARS, SUMMARY_MAX_CHARS, SUPPORT_LIMIT_MAX,
};
use crate::domain::validation::{parse_line, parse_markdown, FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::db::projects::{self, NewProject};
use crate::server::db::users::UserRow;
use crate::server::db::{ideas, DbError, Tx};
use crate::server::state::AppState;
use chrono::{DateTime, NaiveDate, Utc};

/// A project form that passed every check, ready to store.
struct ValidProject {
    slug: String,
    title: String,
    summary: String,
    description_md: String,
    phase: Phase,
    funding_cents: Option<i64>,
    responsible_body: String,
    contact: String,
    category_id: Option<i64>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    support_limit: Option<i64>,
    accepts_ideas: bool,
    archived: bool,
    district_ids: Vec<i64>,
}

impl ValidProject {
    fn as_new(&self, created_by: Option<i64>) -> NewProject<'_> {
        NewProject {
            slug: &self.slug,
            title: &self.title,
            summary: &self.summary,
            description_md: &self.description_md,
            phase: self.phase,
            funding_cents: self.funding_cents,
            responsible_body: &self.responsible_body,
            contact: &self.contact,
            category_id: self.category_id,
            programme_id: None,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            accepts_ideas: self.accepts_ideas,
            support_limit: self.support_limit,
            archived: self.archived,
            created_by,
            district_ids: &self.district_ids,
        }
    }
}

/// The typed values, kept so that a refused form shows them again (also without JavaScript).
fn kept_values(draft: &ProjectDraft) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value) in [
        ("slug", &draft.slug),
        ("title", &draft.title),
        ("summary", &draft.summary),
        ("description", &draft.description),
        ("phase", &draft.phase),
        ("funding", &draft.funding),
        ("responsible_body", &draft.responsible_body),
        ("contact", &draft.contact),
        ("category", &draft.category),
        ("starts_on", &draft.starts_on),
        ("ends_on", &draft.ends_on),
        ("support_limit", &draft.support_limit),
    ] {
        errors.keep(field, value);
    }
    errors.keep("districts", &draft.districts.join("|"));
    errors.keep("accepts_ideas", if draft.accepts_ideas { "on" } else { "" });
    errors.keep("archived", if draft.archived { "on" } else { "" });
    errors
}

/// Checks every field (category and districts against the database); all errors at once.
async fn validate(tx: &mut Tx, draft: &ProjectDraft) -> Result<ValidProject, AppError> {
    let mut errors = kept_values(draft);
    let slug = errors.check("slug", parse_slug(&draft.slug));
    let title = errors.check("title", parse_line(&draft.title, PROJECT_TITLE_MAX_CHARS));
    let summary = errors.check("summary", parse_line(&draft.summary, SUMMARY_MAX_CHARS));
    let description_md = errors.check(
        "description",
        parse_markdown(&draft.description, DESCRIPTION_MAX_CHARS),
    );
    let phase = errors.check(
        "phase",
        draft.phase.parse().map_err(|_| ValidationError::Invalid),
    );
    let funding_cents = errors
        .check("funding", parse_euros(&draft.funding))
        .flatten();
    let responsible_body = errors.check(
        "responsible_body",
        parse_line(&draft.responsible_body, FACT_MAX_CHARS),
    );
    let contact = errors.check("contact", parse_line(&draft.contact, FACT_MAX_CHARS));
    let starts_on = errors
        .check("starts_on", parse_date(&draft.starts_on))
        .flatten();
    let ends_on = errors
        .check("ends_on", parse_date(&draft.ends_on))
        .flatten();
    if let (Some(start), Some(end)) = (starts_on, ends_on) {
        if end < start {
            errors.add("ends_on", ValidationError::EndBeforeStart);
        }
    }
    let support_limit = errors
        .check(
            "support_limit",
            parse_limit(&draft.support_limit, SUPPORT_LIMIT_MAX),
        )
        .flatten();
    let category_id = match draft.category.trim() {
        "" => None,
        slug => {
            let id = ideas::find_category_id(tx, slug).await?;
            if id.is_none() {
                errors.add("category", ValidationError::Invalid);
            }
            id
        }
    };
    let mut district_slugs: Vec<String> = draft
        .districts
        .iter()
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty())
        .collect();
    district_slugs.sort();
    district_slugs.dedup();
    let district_ids = projects::find_district_ids(tx, &district_slugs).await?;
    if district_ids.len() != district_slugs.len() {
        errors.add("districts", ValidationError::Invalid);
    }
    match (
        slug,
        title,
        summary,
        description_md,
        phase,
        responsible_body,
        contact,
    ) {
        (
            Some(slug),
            Some(title),
            Some(summary),
            Some(description_md),
            Some(phase),
            Some(responsible_body),
            Some(contact),
        ) if errors.is_empty() => Ok(ValidProject {
            slug,
            title,
            summary,
            description_md,
            phase,
            funding_cents,
            responsible_body,
            contact,
            category_id,
            starts_on,
            ends_on,
            support_limit,
            accepts_ideas: draft.accepts_ideas,
            archived: draft.archived,
            district_ids,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}

/// A taken slug is a field error on the form, not a generic conflict.
fn slug_taken(draft: &ProjectDraft) -> AppError {
    let mut errors = kept_values(draft);
    errors.add("slug", ValidationError::SlugTaken);
    AppError::Validation(errors)
}

/// Staff publish a new project; returns its slug.
pub async fn create_project(
    state: &AppState,
    staff: &UserRow,
    draft: &ProjectDraft,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let mut tx = state.db.begin().await?;
    let project = validate(&mut tx, draft).await?;
    let inserted =
        projects::insert_project_unless_exists(&mut tx, &project.as_new(Some(staff.id)), now)
            .await?;
    if inserted.is_none() {
        return Err(slug_taken(draft));
    }
    tx.commit().await?;
    Ok(project.slug)
}

/// Staff change the project now at `current_slug`; returns its (possibly new) slug.
pub async fn update_project(
    state: &AppState,
    current_slug: &str,
    draft: &ProjectDraft,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let id = projects::find_project_id(&state.db, current_slug).await?;
    let mut tx = state.db.begin().await?;
    let project = validate(&mut tx, draft).await?;
    match projects::update_project(&mut tx, id, &project.as_new(None), now).await {
        Err(DbError::Conflict { .. }) => return Err(slug_taken(draft)),
        other => other?,
    }
    tx.commit().await?;
    Ok(project.slug)
}
