//! Idea flows: submitting, and turning list rows into cards (excerpts, highlighting).

use crate::domain::ideas::{
    parse_location, IdeaBody, IdeaListItem, IdeaPage, IdeaTitle, IdeaView, PAGE_SIZE,
};
use crate::domain::validation::{FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::db::ideas::{self, IdeaFilter, IdeaRow, NewIdea};
use crate::server::db::users::UserRow;
use crate::server::db::DbError;
use crate::server::state::AppState;
use crate::server::{markdown, search};
use chrono::{DateTime, Utc};

const EXCERPT_CHARS: usize = 220;

/// What the idea form sends.
pub struct IdeaForm {
    pub title: String,
    pub body: String,
    pub category: String,
    pub project: String,
    pub location: String,
}

/// Validates and stores a new idea of `author` (verified); returns its id.
pub async fn submit_idea(
    state: &AppState,
    author: &UserRow,
    form: IdeaForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let mut errors = FieldErrors::new();
    for (field, value) in [
        ("title", &form.title),
        ("body", &form.body),
        ("category", &form.category),
        ("project", &form.project),
        ("location", &form.location),
    ] {
        errors.keep(field, value);
    }
    let title = errors.check("title", IdeaTitle::parse(&form.title));
    let body = errors.check("body", IdeaBody::parse(&form.body));
    let location = errors
        .check("location", parse_location(&form.location))
        .flatten();
    let mut tx = state.db.begin().await?;
    let category_id = ideas::find_category_id(&mut tx, form.category.trim()).await?;
    if category_id.is_none() {
        errors.add("category", ValidationError::Invalid);
    }
    let project_id = match form.project.trim() {
        "" => None,
        slug => {
            let id = ideas::find_project_accepting_ideas(&mut tx, slug).await?;
            if id.is_none() {
                errors.add("project", ValidationError::NotAllowed);
            }
            id
        }
    };
    let (Some(title), Some(body), Some(category_id), true) =
        (title, body, category_id, errors.is_empty())
    else {
        return Err(AppError::Validation(errors));
    };
    let new = NewIdea {
        author_id: author.id,
        project_id,
        category_id,
        title: title.as_ref(),
        body_md: body.as_ref(),
        location: location.as_deref(),
    };
    let id = ideas::insert_idea(&mut tx, &new, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// One page of idea cards for `filter`, search matches highlighted.
pub async fn idea_page(state: &AppState, filter: &IdeaFilter) -> Result<IdeaPage, DbError> {
    let mut rows = ideas::list_ideas(&state.db, filter).await?;
    let next_cursor = (rows.len() > PAGE_SIZE).then(|| {
        rows.truncate(PAGE_SIZE);
        rows.last().map(|r| r.cursor(filter.sort))
    });
    let stems = filter
        .query
        .as_deref()
        .map(search::query_stems)
        .unwrap_or_default();
    let items = rows
        .iter()
        .map(|row| {
            Ok(IdeaListItem {
                id: row.id,
                title_html: search::highlight(&row.title, &stems),
                excerpt_html: search::highlight(
                    &markdown::plain_excerpt(&row.body_md, EXCERPT_CHARS),
                    &stems,
                ),
                author: row.author(),
                project_title: row.project_title.clone(),
                category: row.category(),
                status: row.status()?,
                vote_count: row.vote_count,
                comment_count: row.comment_count,
                created_at: row.created_at,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(IdeaPage {
        items,
        next_cursor: next_cursor.flatten(),
    })
}

/// The idea page's view, with the body rendered and sanitised.
pub fn idea_view(row: IdeaRow) -> Result<IdeaView, DbError> {
    Ok(IdeaView {
        status: row.status()?,
        author: row.author(),
        category: row.category(),
        body_html: markdown::render(&row.body_md),
        id: row.id,
        title: row.title,
        project_title: row.project_title,
        project_slug: row.project_slug,
        location: row.location_text,
        vote_count: row.vote_count,
        comment_count: row.comment_count,
        created_at: row.created_at,
        edited: row.edited_at.is_some(),
    })
}
