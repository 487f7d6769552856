//! Idea flows: submitting, and turning list rows into cards (excerpts, highlighting).

use crate::domain::content::ContentRef;
use crate::domain::ideas::{
    parse_location, IdeaBody, IdeaListItem, IdeaPage, IdeaStatus, IdeaTitle, IdeaView, MatchCount,
    StatusChangeView, PAGE_SIZE,
};
use crate::domain::validation::{FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::db::follows::{self, Followed};
use crate::server::db::ideas::{self, Answer, IdeaFilter, IdeaPageRows, NewIdea};
use crate::server::db::users::UserRow;
use crate::server::db::votes;
use crate::server::db::DbError;
use crate::server::db::{projects, Tx};
use crate::server::notifications::{self, Event};
use crate::server::state::AppState;
use crate::server::{comments, markdown, premoderation, search};
use chrono::{DateTime, Utc};

const EXCERPT_CHARS: usize = 220;

/// What the idea form sends (new idea and edit alike).
pub struct IdeaForm {
    pub title: String,
    pub body: String,
    pub category: String,
    pub project: String,
    pub location: String,
}

impl IdeaForm {
    /// The form's fields; optional ones missing from a post count as empty.
    pub fn new(
        title: String,
        body: String,
        category: String,
        project: Option<String>,
        location: Option<String>,
    ) -> Self {
        IdeaForm {
            title,
            body,
            category,
            project: project.unwrap_or_default(),
            location: location.unwrap_or_default(),
        }
    }
}

/// An idea form that passed every check.
struct ValidIdea {
    title: IdeaTitle,
    body: IdeaBody,
    /// Rendered once here, stored beside the markdown.
    body_html: String,
    location: Option<String>,
    category_id: i64,
    project_id: Option<i64>,
}

impl ValidIdea {
    /// The row to store for `author_id` (new idea and edit alike).
    fn as_new(&self, author_id: i64) -> NewIdea<'_> {
        NewIdea {
            author_id,
            project_id: self.project_id,
            category_id: self.category_id,
            title: self.title.as_ref(),
            body_md: self.body.as_ref(),
            body_html: &self.body_html,
            location: self.location.as_deref(),
        }
    }
}

/// Checks every field of the form (category and project against the database); all errors
/// at once, with the typed values kept.
async fn validate(tx: &mut Tx, form: &IdeaForm) -> Result<ValidIdea, AppError> {
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
    let category_id = ideas::find_category_id(tx, form.category.trim()).await?;
    if category_id.is_none() {
        errors.add("category", ValidationError::Invalid);
    }
    let project_id = match form.project.trim() {
        "" => None,
        slug => {
            let id = ideas::find_project_accepting_ideas(tx, slug).await?;
            if id.is_none() {
                errors.add("project", ValidationError::NotAllowed);
            }
            id
        }
    };
    match (title, body, category_id, errors.is_empty()) {
        (Some(title), Some(body), Some(category_id), true) => Ok(ValidIdea {
            body_html: markdown::render(body.as_ref()),
            title,
            body,
            location,
            category_id,
            project_id,
        }),
        _ => Err(AppError::Validation(errors)),
    }
}

/// Validates and stores a new idea of `author` (verified); returns its id.
pub async fn submit_idea(
    state: &AppState,
    author: &UserRow,
    form: IdeaForm,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let mut tx = state.db.begin().await?;
    let idea = validate(&mut tx, &form).await?;
    let id = ideas::insert_idea(&mut tx, &idea.as_new(author.id), now).await?;
    // Authors follow their ideas (they may unfollow on the idea's page).
    follows::set_following(&mut tx, author.id, Followed::Idea(id), true, now).await?;
    let text = format!("{}\n\n{}", idea.title.as_ref(), idea.body.as_ref());
    let held =
        premoderation::hold_if_required(state, &mut tx, author, ContentRef::Idea(id), &text, now)
            .await?;
    let mut mailed = false;
    // A held idea is announced when staff approve it.
    if let (Some(project_id), false) = (idea.project_id, held) {
        let project_title = projects::project_title(&mut tx, project_id).await?;
        let event = Event::NewIdea {
            idea_id: id,
            idea_title: idea.title.as_ref(),
            project_id,
            project_title: &project_title,
        };
        mailed = notifications::notify(state, &mut tx, author, &event, now).await?;
    }
    tx.commit().await?;
    if mailed {
        state.mail_signal.wake();
    }
    Ok(id)
}

/// One page of idea cards for `filter`, search matches highlighted.
pub async fn idea_page(state: &AppState, filter: &IdeaFilter) -> Result<IdeaPage, DbError> {
    let (mut rows, counted) = ideas::list_ideas(&state.db, filter).await?;
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
                status: row.status,
                vote_count: row.vote_count,
                comment_count: row.comment_count,
                created_at: row.created_at,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(IdeaPage {
        items,
        next_cursor: next_cursor.flatten(),
        total: MatchCount::from_capped(counted),
    })
}

/// The idea page's view for `viewer`: body and answers rendered and sanitised, the history,
/// and what the viewer may do.
pub async fn idea_view(
    state: &AppState,
    page: IdeaPageRows,
    viewer: Option<&UserRow>,
) -> Result<IdeaView, AppError> {
    let IdeaPageRows {
        idea: row,
        hidden,
        held,
        history,
        comments,
    } = page;
    let history = history
        .into_iter()
        .map(|change| {
            let (from, to) = (change.from_status, change.to_status);
            Ok(StatusChangeView {
                from,
                to,
                changed_by: change.changed_by,
                at: change.created_at,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    let status = row.status;
    let closed = row.closed();
    let mut discussion = comments::discussion(comments, closed, viewer);
    // Its author may see a hidden idea, not continue its discussion.
    discussion.viewer_may_comment &= !hidden;
    let relation = match viewer {
        Some(v) => votes::viewer_state(&state.db, v.id, row.id, row.project_id).await?,
        None => votes::ViewerState::default(),
    };
    let viewer_is_author = viewer.is_some_and(|v| v.id == row.author_id);
    let viewer_is_staff = match viewer {
        Some(v) => v.role.is_staff(),
        None => false,
    };
    Ok(IdeaView {
        status,
        author: row.author(),
        category: row.category(),
        body_html: markdown::stored_or_render(row.body_html, &row.body_md),
        body_md: viewer_is_author.then_some(row.body_md),
        category_slug: row.category_slug,
        official_answer_html: row
            .official_answer_md
            .as_deref()
            .map(|md| markdown::stored_or_render(row.official_answer_html.unwrap_or_default(), md)),
        answered_by: row.answered_by,
        answered_at: row.answered_at,
        history,
        viewer_is_author,
        viewer_is_staff,
        editable: is_editable(status, row.vote_count, row.comment_count),
        id: row.id,
        title: row.title,
        project_title: row.project_title,
        project_slug: row.project_slug,
        location: row.location_text,
        vote_count: row.vote_count,
        comment_count: row.comment_count,
        created_at: row.created_at,
        edited: row.edited_at.is_some(),
        closed,
        viewer_may_participate: !hidden && viewer.is_some_and(|v| v.email_verified_at.is_some()),
        hidden_by_moderation: hidden && !held,
        awaiting_approval: held,
        viewer_supports: relation.supports,
        viewer_follows: relation.follows,
        supports_left: row
            .support_limit
            .map(|limit| (limit - relation.used_in_project).max(0)),
        support_limit: row.support_limit,
        discussion,
    })
}

/// An idea is frozen once someone commented on or supported it, and when withdrawn.
fn is_editable(status: IdeaStatus, votes: i64, comments: i64) -> bool {
    status != IdeaStatus::Withdrawn && votes == 0 && comments == 0
}

fn single_error(field: &str, error: ValidationError) -> AppError {
    let mut errors = FieldErrors::new();
    errors.add(field, error);
    AppError::Validation(errors)
}

/// Staff set a status with an official answer; the author hears of it by mail.
pub async fn change_status(
    state: &AppState,
    staff: &UserRow,
    idea_id: i64,
    status_raw: &str,
    answer_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    errors.keep("answer", answer_raw);
    let status = errors.check(
        "status",
        status_raw
            .parse::<IdeaStatus>()
            .map_err(ValidationError::from)
            .and_then(|s| {
                if IdeaStatus::STAFF_CHOICES.contains(&s) {
                    Ok(s)
                } else {
                    Err(ValidationError::Invalid)
                }
            }),
    );
    let answer = errors.check("answer", IdeaBody::parse(answer_raw));
    let (Some(status), Some(answer), true) = (status, answer, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let answer_html = markdown::render(answer.as_ref());
    let mut tx = state.db.begin().await?;
    let idea = ideas::find_idea_state(&mut tx, idea_id).await?;
    let from = idea.status;
    if from == IdeaStatus::Withdrawn {
        return Err(single_error("status", ValidationError::NotAllowed));
    }
    let answer = Answer {
        md: answer.as_ref(),
        html: &answer_html,
    };
    ideas::change_status(&mut tx, idea_id, from, status, Some(answer), staff.id, now).await?;
    // The author, followers and supporters hear of it (the author by the "your idea" mail).
    let event = Event::StatusChange {
        idea_id,
        idea_title: &idea.title,
        author_id: idea.author_id,
        status,
    };
    notifications::notify(state, &mut tx, staff, &event, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// The visible idea `idea_id` if `author` wrote it; `Forbidden` otherwise.
async fn own_idea(
    tx: &mut crate::server::db::Tx,
    author: &UserRow,
    idea_id: i64,
) -> Result<ideas::IdeaState, AppError> {
    let idea = ideas::find_idea_state(tx, idea_id).await?;
    if idea.author_id != author.id {
        return Err(AppError::Forbidden);
    }
    Ok(idea)
}

/// The author withdraws an idea: it stays visible, marked withdrawn, with its comments.
pub async fn withdraw(
    state: &AppState,
    author: &UserRow,
    idea_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let idea = own_idea(&mut tx, author, idea_id).await?;
    let from = idea.status;
    if !from.may_be_withdrawn() {
        return Err(single_error("form", ValidationError::NotAllowed));
    }
    ideas::change_status(
        &mut tx,
        idea_id,
        from,
        IdeaStatus::Withdrawn,
        None,
        author.id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The author edits an idea that nobody has supported or commented on yet.
pub async fn edit(
    state: &AppState,
    author: &UserRow,
    idea_id: i64,
    form: IdeaForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let idea = own_idea(&mut tx, author, idea_id).await?;
    if !is_editable(idea.status, idea.vote_count, idea.comment_count) {
        return Err(single_error("form", ValidationError::NotAllowed));
    }
    let valid = validate(&mut tx, &form).await?;
    ideas::update_idea_text(&mut tx, idea_id, &valid.as_new(author.id), now).await?;
    tx.commit().await?;
    Ok(())
}
