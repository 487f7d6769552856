//! Reference data shared by projects and ideas: categories and districts.

use super::{with_tx, DbError, Tx};

/// Inserts a category or updates its names; returns its id.
pub async fn upsert_category(
    tx: &mut Tx,
    slug: &str,
    name_de: &str,
    name_en: &str,
) -> Result<i64, DbError> {
    const SQL: &str = "INSERT INTO categories (slug, name_de, name_en) VALUES ($1, $2, $3) \
         ON CONFLICT (slug) DO UPDATE SET name_de = excluded.name_de, name_en = excluded.name_en \
         RETURNING id";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(slug).bind(name_de).bind(name_en).fetch_one(conn).await?
    }))
}

/// Inserts a district or municipality or updates its name; returns its id.
pub async fn upsert_district(tx: &mut Tx, slug: &str, name: &str) -> Result<i64, DbError> {
    const SQL: &str = "INSERT INTO districts (slug, name) VALUES ($1, $2) \
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(slug).bind(name).fetch_one(conn).await?
    }))
}
