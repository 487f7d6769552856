//! The stored HTML of markdown texts, for bringing it up to the current renderer.

use super::{with_pool, Db, DbError};

/// A column pair holding markdown and the HTML rendered from it.
#[derive(Debug, Clone, Copy)]
pub struct StoredText {
    table: &'static str,
    markdown: &'static str,
    html: &'static str,
}

/// Every stored rendering (project and workshop descriptions are rendered when read).
pub const STORED_TEXTS: [StoredText; 3] = [
    StoredText {
        table: "ideas",
        markdown: "body_md",
        html: "body_html",
    },
    StoredText {
        table: "ideas",
        markdown: "official_answer_md",
        html: "official_answer_html",
    },
    StoredText {
        table: "comments",
        markdown: "body_md",
        html: "body_html",
    },
];

/// The renderer version the stored HTML was made with.
pub async fn rendering_version(db: &Db) -> Result<i64, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar("SELECT version FROM rendering WHERE id = 1").fetch_one(pool).await?
    }))
}

pub async fn set_rendering_version(db: &Db, version: i64) -> Result<(), DbError> {
    with_pool!(db, pool => {
        sqlx::query("UPDATE rendering SET version = $1 WHERE id = 1").bind(version).execute(pool).await?;
    });
    Ok(())
}

/// Up to `limit` rows of `text` after `after_id` (keyset), as (id, markdown).
pub async fn markdown_after(
    db: &Db,
    text: StoredText,
    after_id: i64,
    limit: i64,
) -> Result<Vec<(i64, String)>, DbError> {
    // The identifiers are the constants above, never input.
    let sql = format!(
        "SELECT id, {md} FROM {table} WHERE id > $1 AND {md} IS NOT NULL ORDER BY id LIMIT $2",
        md = text.markdown,
        table = text.table,
    );
    Ok(with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(after_id).bind(limit).fetch_all(pool).await?
    }))
}

pub async fn store_html(db: &Db, text: StoredText, id: i64, html: &str) -> Result<(), DbError> {
    let sql = format!(
        "UPDATE {table} SET {html} = $1 WHERE id = $2",
        table = text.table,
        html = text.html,
    );
    with_pool!(db, pool => {
        sqlx::query(&sql).bind(html).bind(id).execute(pool).await?;
    });
    Ok(())
}
