//! Keeps the stored HTML of markdown texts in step with the renderer: after an upgrade that
//! changed what the sanitiser lets through, every stored text is rendered anew once, at
//! startup, before the first request is served.

use crate::server::db::renderings::{self, STORED_TEXTS};
use crate::server::db::{Db, DbError};
use crate::server::markdown::{self, RENDERER_VERSION};

/// Rows rendered per query.
const BATCH: i64 = 500;

/// Renders every stored text anew if the stored HTML is older than the renderer; returns how
/// many were rendered. Harmless if two instances start at once: both write the same HTML.
pub async fn refresh_stored_renderings(db: &Db) -> Result<u64, DbError> {
    if renderings::rendering_version(db).await? >= RENDERER_VERSION {
        return Ok(0);
    }
    let mut rendered = 0;
    for text in STORED_TEXTS {
        let mut after = 0;
        loop {
            let rows = renderings::markdown_after(db, text, after, BATCH).await?;
            let Some((last, _)) = rows.last() else { break };
            after = *last;
            for (id, source) in &rows {
                renderings::store_html(db, text, *id, &markdown::render(source)).await?;
                rendered += 1;
            }
        }
    }
    renderings::set_rendering_version(db, RENDERER_VERSION).await?;
    tracing::info!(
        rendered,
        version = RENDERER_VERSION,
        "stored markdown rendered anew"
    );
    Ok(rendered)
}
