//! Who follows which idea and project.

use super::ideas::stored_time;
use super::{with_tx, DbError, Tx};
use chrono::{DateTime, Utc};

/// What a person can follow.
#[derive(Debug, Clone, Copy)]
pub enum Followed {
    Idea(i64),
    Project(i64),
}

/// Starts (`follow`) or stops following; nothing happens when it already is so.
pub async fn set_following(
    tx: &mut Tx,
    user_id: i64,
    followed: Followed,
    follow: bool,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let (id, insert, delete) = match followed {
        Followed::Idea(id) => (
            id,
            "INSERT INTO idea_follows (user_id, idea_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, idea_id) DO NOTHING",
            "DELETE FROM idea_follows WHERE user_id = $1 AND idea_id = $2",
        ),
        Followed::Project(id) => (
            id,
            "INSERT INTO project_follows (user_id, project_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, project_id) DO NOTHING",
            "DELETE FROM project_follows WHERE user_id = $1 AND project_id = $2",
        ),
    };
    with_tx!(tx, conn => {
        if follow {
            sqlx::query(insert).bind(user_id).bind(id).bind(stored_time(now)).execute(conn).await?;
        } else {
            sqlx::query(delete).bind(user_id).bind(id).execute(conn).await?;
        }
    });
    Ok(())
}

/// Whether `user_id` follows the project with `slug`.
pub async fn follows_project(db: &super::Db, user_id: i64, slug: &str) -> Result<bool, DbError> {
    let found: Option<i64> = super::with_pool!(db, pool => {
        sqlx::query_scalar(
            "SELECT f.project_id FROM project_follows f JOIN projects p ON p.id = f.project_id \
             WHERE f.user_id = $1 AND p.slug = $2",
        )
        .bind(user_id)
        .bind(slug)
        .fetch_optional(pool)
        .await?
    });
    Ok(found.is_some())
}
