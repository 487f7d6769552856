//! Project pictures: one per project, replaced by a new upload.

use super::{with_pool, Db, DbError};
use crate::domain::projects::ProjectImage;
use chrono::{DateTime, Utc};

/// A prepared picture for a project (see `server::project_images`).
pub struct NewProjectImage<'a> {
    pub project_id: i64,
    pub hash: &'a str,
    pub alt_text: &'a str,
    pub width: u32,
    pub height: u32,
    pub jpeg: &'a [u8],
    pub uploaded_by: i64,
}

/// Stores the project's picture, replacing the one it had: two uploads at once leave one.
pub async fn put_image(
    db: &Db,
    image: &NewProjectImage<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "INSERT INTO project_images \
        (project_id, hash, alt_text, width, height, jpeg, uploaded_by, uploaded_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
        ON CONFLICT (project_id) DO UPDATE SET hash = excluded.hash, \
            alt_text = excluded.alt_text, width = excluded.width, height = excluded.height, \
            jpeg = excluded.jpeg, uploaded_by = excluded.uploaded_by, \
            uploaded_at = excluded.uploaded_at";
    with_pool!(db, pool => {
        sqlx::query(SQL)
            .bind(image.project_id)
            .bind(image.hash)
            .bind(image.alt_text)
            .bind(i64::from(image.width))
            .bind(i64::from(image.height))
            .bind(image.jpeg)
            .bind(image.uploaded_by)
            .bind(now)
            .execute(pool)
            .await?;
    });
    Ok(())
}

pub async fn delete_image(db: &Db, project_id: i64) -> Result<(), DbError> {
    with_pool!(db, pool => {
        sqlx::query("DELETE FROM project_images WHERE project_id = $1")
            .bind(project_id)
            .execute(pool)
            .await?;
    });
    Ok(())
}

/// The stored JPEG with this content hash, or `DbError::NotFound`.
pub async fn find_jpeg(db: &Db, hash: &str) -> Result<Vec<u8>, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar("SELECT jpeg FROM project_images WHERE hash = $1")
            .bind(hash)
            .fetch_one(pool)
            .await?
    }))
}

/// The picture of the project at `slug`, if it has one.
pub async fn find_image_of_project(db: &Db, slug: &str) -> Result<Option<ProjectImage>, DbError> {
    const SQL: &str = "SELECT pi.hash, pi.alt_text, pi.width, pi.height \
        FROM project_images pi JOIN projects p ON p.id = pi.project_id WHERE p.slug = $1";
    let row: Option<(String, String, i64, i64)> = with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(slug).fetch_optional(pool).await?
    });
    Ok(row.map(|(hash, alt, width, height)| ProjectImage::stored(&hash, alt, width, height)))
}
