//! The stored counters (an idea's supports and comments, a workshop's taken places) recomputed
//! from their rows: the repair for a counter that drifted (`stadtlabor recount`). Every write
//! path moves a counter only when its own conditional update changed a row, so this should
//! find nothing; it exists for installations that ran a version without that rule.

use super::{with_pool, Db, DbError};

/// How many rows had a wrong counter (and were corrected).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Recounted {
    pub ideas: u64,
    pub workshops: u64,
}

/// The rules, in SQL, for what each counter counts (the same rules the write paths keep).
const IDEA_VOTES: &str = "(SELECT count(*) FROM votes v WHERE v.idea_id = ideas.id)";
const IDEA_COMMENTS: &str = "(SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id \
     AND c.deleted_at IS NULL AND c.hidden_at IS NULL)";
const WORKSHOP_PLACES: &str = "(SELECT CAST(coalesce(sum(r.places), 0) AS BIGINT) \
     FROM workshop_registrations r WHERE r.workshop_id = workshops.id \
     AND r.status IN ('registered', 'offered'))";

/// Corrects every counter that differs from its rows.
pub async fn recount(db: &Db) -> Result<Recounted, DbError> {
    let ideas = format!(
        "UPDATE ideas SET vote_count = {IDEA_VOTES}, comment_count = {IDEA_COMMENTS} \
         WHERE vote_count <> {IDEA_VOTES} OR comment_count <> {IDEA_COMMENTS}"
    );
    let workshops = format!(
        "UPDATE workshops SET places_taken = {WORKSHOP_PLACES} \
         WHERE places_taken <> {WORKSHOP_PLACES}"
    );
    Ok(with_pool!(db, pool => {
        Recounted {
            ideas: sqlx::query(&ideas).execute(pool).await?.rows_affected(),
            workshops: sqlx::query(&workshops).execute(pool).await?.rows_affected(),
        }
    }))
}
