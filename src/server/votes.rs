//! Supporting ideas: once per person, never one's own, within a project's limit.

use crate::domain::validation::ValidationError;
use crate::error::AppError;
use crate::server::db::follows::{self, Followed};
use crate::server::db::users::UserRow;
use crate::server::db::{ideas, votes};
use crate::server::state::AppState;
use chrono::{DateTime, Utc};

fn refused(error: ValidationError) -> AppError {
    AppError::invalid("vote", error)
}

/// `voter` (verified) supports an idea. Supporting twice changes nothing. One short write
/// transaction: check, insert, count.
pub async fn support(
    state: &AppState,
    voter: &UserRow,
    idea_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    votes::lock_voter(&mut tx, voter.id).await?;
    let idea = ideas::find_idea_state(&mut tx, idea_id).await?;
    if idea.author_id == voter.id {
        return Err(refused(ValidationError::OwnIdea));
    }
    if idea.closed().is_some() {
        return Err(refused(ValidationError::SupportClosed));
    }
    if let (Some(project_id), Some(limit)) = (idea.project_id, idea.support_limit) {
        let used = votes::count_votes_in_project(&mut tx, voter.id, project_id).await?;
        // Supporting an idea again (a second tab) is not a new support.
        if used >= limit && !votes::has_vote(&mut tx, voter.id, idea_id).await? {
            return Err(refused(ValidationError::SupportLimitReached { limit }));
        }
    }
    votes::add_vote(&mut tx, voter.id, idea_id, now).await?;
    if voter.follow_on_vote {
        follows::set_following(&mut tx, voter.id, Followed::Idea(idea_id), true, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `voter` takes their support back (nothing happens when there was none).
pub async fn withdraw_support(
    state: &AppState,
    voter: &UserRow,
    idea_id: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let idea = ideas::find_idea_state(&mut tx, idea_id).await?;
    if idea.closed().is_some() {
        return Err(refused(ValidationError::SupportClosed));
    }
    votes::remove_vote(&mut tx, voter.id, idea_id).await?;
    tx.commit().await?;
    Ok(())
}
