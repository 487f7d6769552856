//! "Meine Beteiligung": one query per list, each the newest `MY_LIST_MAX` rows of one person
//! (over the author and primary-key indexes).

use super::{with_pool, Db, DbError};
use crate::domain::ideas::IdeaStatus;
use crate::domain::participation::{
    LinkedIdea, LinkedProject, MyComment, MyIdea, MyParticipation, OwnVisibility, MY_LIST_MAX,
};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// How much of a comment the list shows, as plain text.
const EXCERPT_CHARS: usize = 120;

#[derive(FromRow)]
struct IdeaRow {
    id: i64,
    title: String,
    status: IdeaStatus,
    created_at: DateTime<Utc>,
    hidden: bool,
    held: bool,
}

#[derive(FromRow)]
struct CommentRow {
    id: i64,
    idea_id: i64,
    idea_title: String,
    body_md: String,
    created_at: DateTime<Utc>,
    hidden: bool,
    held: bool,
}

#[derive(FromRow)]
struct LinkRow {
    id: i64,
    title: String,
}

#[derive(FromRow)]
struct ProjectRow {
    slug: String,
    title: String,
}

// The person's own ideas, also waiting or hidden ones (the idea page shows them to them).
const IDEAS: &str = "SELECT id, title, status, created_at, hidden_at IS NOT NULL AS hidden, \
        held_at IS NOT NULL AS held \
     FROM ideas WHERE author_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2";
// Their comments that are not deleted, on ideas others can see or on their own.
const COMMENTS: &str = "SELECT c.id, c.idea_id, i.title AS idea_title, c.body_md, c.created_at, \
        c.hidden_at IS NOT NULL AS hidden, c.held_at IS NOT NULL AS held \
     FROM comments c JOIN ideas i ON i.id = c.idea_id \
     WHERE c.author_id = $1 AND c.deleted_at IS NULL \
       AND (i.hidden_at IS NULL OR i.author_id = $1) \
     ORDER BY c.created_at DESC, c.id DESC LIMIT $2";
const SUPPORTED: &str =
    "SELECT i.id, i.title FROM votes v JOIN visible_ideas i ON i.id = v.idea_id \
     WHERE v.user_id = $1 ORDER BY v.created_at DESC, i.id DESC LIMIT $2";
const FOLLOWED_IDEAS: &str = "SELECT i.id, i.title FROM idea_follows f \
     JOIN visible_ideas i ON i.id = f.idea_id \
     WHERE f.user_id = $1 ORDER BY f.created_at DESC, i.id DESC LIMIT $2";
const FOLLOWED_PROJECTS: &str = "SELECT p.slug, p.title FROM project_follows f \
     JOIN projects p ON p.id = f.project_id \
     WHERE f.user_id = $1 ORDER BY f.created_at DESC, p.id DESC LIMIT $2";

pub async fn my_participation(db: &Db, user_id: i64) -> Result<MyParticipation, DbError> {
    let (ideas, comments, supported, followed_ideas, followed_projects): (
        Vec<IdeaRow>,
        Vec<CommentRow>,
        Vec<LinkRow>,
        Vec<LinkRow>,
        Vec<ProjectRow>,
    ) = with_pool!(db, pool => {
        (
            sqlx::query_as(IDEAS).bind(user_id).bind(MY_LIST_MAX).fetch_all(pool).await?,
            sqlx::query_as(COMMENTS).bind(user_id).bind(MY_LIST_MAX).fetch_all(pool).await?,
            sqlx::query_as(SUPPORTED).bind(user_id).bind(MY_LIST_MAX).fetch_all(pool).await?,
            sqlx::query_as(FOLLOWED_IDEAS).bind(user_id).bind(MY_LIST_MAX).fetch_all(pool).await?,
            sqlx::query_as(FOLLOWED_PROJECTS).bind(user_id).bind(MY_LIST_MAX).fetch_all(pool).await?,
        )
    });
    let link = |row: LinkRow| LinkedIdea {
        id: row.id,
        title: row.title,
    };
    Ok(MyParticipation {
        ideas: ideas
            .into_iter()
            .map(|row| MyIdea {
                id: row.id,
                title: row.title,
                status: row.status,
                created_at: row.created_at,
                visibility: OwnVisibility::of(row.hidden, row.held),
            })
            .collect(),
        comments: comments
            .into_iter()
            .map(|row| MyComment {
                id: row.id,
                idea_id: row.idea_id,
                idea_title: row.idea_title,
                excerpt: crate::server::markdown::plain_excerpt(&row.body_md, EXCERPT_CHARS),
                created_at: row.created_at,
                visibility: OwnVisibility::of(row.hidden, row.held),
            })
            .collect(),
        supported: supported.into_iter().map(link).collect(),
        followed_ideas: followed_ideas.into_iter().map(link).collect(),
        followed_projects: followed_projects
            .into_iter()
            .map(|row| LinkedProject {
                slug: row.slug,
                title: row.title,
            })
            .collect(),
    })
}
