//! "Meine Beteiligung": one query per list, each the newest `MY_LIST_MAX` rows of one person
//! (over the author and primary-key indexes).

use super::{profile_id, verified_organisation, with_pool, Db, DbError};
use crate::domain::ideas::IdeaStatus;
use crate::domain::participation::{
    CommentEntry, IdeaEntry, LinkedIdea, LinkedProject, MyParticipation, OwnVisibility,
    PublicProfile, MY_LIST_MAX,
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

fn idea_entry(row: IdeaRow) -> IdeaEntry {
    IdeaEntry {
        id: row.id,
        title: row.title,
        status: row.status,
        created_at: row.created_at,
        visibility: OwnVisibility::of(row.hidden, row.held),
    }
}

fn comment_entry(row: CommentRow) -> CommentEntry {
    CommentEntry {
        id: row.id,
        idea_id: row.idea_id,
        idea_title: row.idea_title,
        excerpt: crate::server::markdown::plain_excerpt(&row.body_md, EXCERPT_CHARS),
        created_at: row.created_at,
        visibility: OwnVisibility::of(row.hidden, row.held),
    }
}

/// The five lists of "Meine Beteiligung", as read.
type MyRows = (
    Vec<IdeaRow>,
    Vec<CommentRow>,
    Vec<LinkRow>,
    Vec<LinkRow>,
    Vec<ProjectRow>,
);

pub async fn my_participation(db: &Db, user_id: i64) -> Result<MyParticipation, DbError> {
    let (ideas, comments, supported, followed_ideas, followed_projects): MyRows = with_pool!(db, pool => {
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
        ideas: ideas.into_iter().map(idea_entry).collect(),
        comments: comments.into_iter().map(comment_entry).collect(),
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

#[derive(FromRow)]
struct ProfileRow {
    display_name: String,
    organisation_name: Option<String>,
    role: crate::domain::accounts::Role,
    profile_id: Option<i64>,
    created_at: DateTime<Utc>,
}

const PROFILE: &str = concat!(
    "SELECT u.display_name, ",
    verified_organisation!("u"),
    " AS organisation_name, u.role, ",
    profile_id!("u"),
    " AS profile_id, u.created_at FROM users u WHERE u.id = $1 AND u.profile_public"
);
// What everyone sees of the person: visible ideas, and visible comments not deleted on
// visible ideas (the same rule as the idea pages).
const PUBLIC_IDEAS: &str = "SELECT id, title, status, created_at, FALSE AS hidden, FALSE AS held \
     FROM visible_ideas WHERE author_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2";
const PUBLIC_COMMENTS: &str = "SELECT c.id, c.idea_id, i.title AS idea_title, c.body_md, \
        c.created_at, FALSE AS hidden, FALSE AS held \
     FROM visible_comments c JOIN visible_ideas i ON i.id = c.idea_id \
     WHERE c.author_id = $1 AND c.deleted_at IS NULL \
     ORDER BY c.created_at DESC, c.id DESC LIMIT $2";

/// The public profile of `user_id`; `DbError::NotFound` when there is no such person or
/// they chose to show none.
pub async fn public_profile(db: &Db, user_id: i64) -> Result<PublicProfile, DbError> {
    let (person, ideas, comments): (ProfileRow, Vec<IdeaRow>, Vec<CommentRow>) = with_pool!(db, pool => {
        (
            sqlx::query_as(PROFILE).bind(user_id).fetch_one(pool).await?,
            sqlx::query_as(PUBLIC_IDEAS).bind(user_id).bind(MY_LIST_MAX).fetch_all(pool).await?,
            sqlx::query_as(PUBLIC_COMMENTS)
                .bind(user_id)
                .bind(MY_LIST_MAX)
                .fetch_all(pool)
                .await?,
        )
    });
    Ok(PublicProfile {
        author: super::ideas::author_view(
            &person.display_name,
            &person.organisation_name,
            person.role,
            person.profile_id,
        ),
        since: person.created_at,
        ideas: ideas.into_iter().map(idea_entry).collect(),
        comments: comments.into_iter().map(comment_entry).collect(),
    })
}
