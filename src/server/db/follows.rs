//! Who follows which idea and project.

use super::ideas::stored_time;
use super::{with_tx, DbError, Tx};
use chrono::{DateTime, Utc};

/// Follows an idea (nothing happens when already following).
pub async fn follow_idea(
    tx: &mut Tx,
    user_id: i64,
    idea_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO idea_follows (user_id, idea_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, idea_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(idea_id)
        .bind(stored_time(now))
        .execute(conn)
        .await?;
    });
    Ok(())
}

pub async fn unfollow_idea(tx: &mut Tx, user_id: i64, idea_id: i64) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query("DELETE FROM idea_follows WHERE user_id = $1 AND idea_id = $2")
            .bind(user_id)
            .bind(idea_id)
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// Follows a project (nothing happens when already following).
pub async fn follow_project(
    tx: &mut Tx,
    user_id: i64,
    project_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO project_follows (user_id, project_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, project_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(project_id)
        .bind(stored_time(now))
        .execute(conn)
        .await?;
    });
    Ok(())
}

pub async fn unfollow_project(tx: &mut Tx, user_id: i64, project_id: i64) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query("DELETE FROM project_follows WHERE user_id = $1 AND project_id = $2")
            .bind(user_id)
            .bind(project_id)
            .execute(conn)
            .await?;
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
