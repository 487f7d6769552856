//! Pre-moderation (issue 11): with `STADTLABOR_PREMODERATION_FIRST` set, the first
//! contributions of an account wait for staff before anyone else sees them; a very first
//! contribution with many links always waits. Staff approve (it is shown, and those
//! following hear of it as at publication) or hide it (with a statement of reasons).

use crate::domain::content::ContentRef;
use crate::domain::moderation::{
    count_links, excerpt, must_wait, parse_decision_reason, HeldDecision, HeldItem, LogAction,
    NoticeAudience, HELD_SHOWN,
};
use crate::domain::validation::{FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::db::moderation::{self as db, NewLogEntry};
use crate::server::db::users::{self, UserRow};
use crate::server::db::{comments, ideas, projects, DbError, Tx};
use crate::server::moderation::{tell_author, AuthorTold};
use crate::server::notifications::{self, Event};
use crate::server::state::AppState;
use chrono::{DateTime, Utc};

/// Holds `content`, just written by `author` inside `tx`, if it must wait; returns whether
/// it does (then nobody is notified until it is approved). Staff never wait.
pub async fn hold_if_required(
    state: &AppState,
    tx: &mut Tx,
    author: &UserRow,
    content: ContentRef,
    text: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    if author.role.is_staff() {
        return Ok(false);
    }
    let earlier = db::count_contributions(tx, author.id).await? - 1;
    if !must_wait(
        earlier,
        state.settings.premoderation_first,
        count_links(text),
    ) {
        return Ok(false);
    }
    db::hold(tx, content, now).await?;
    Ok(true)
}

pub async fn held(state: &AppState) -> Result<Vec<HeldItem>, AppError> {
    Ok(db::held_items(&state.db, HELD_SHOWN).await?)
}

/// `staff` approves or hides a held contribution. A hide needs a rule (and, for "other",
/// own words) like every hide. Two staff members at once: the first decides, the second is
/// told it was decided.
pub async fn decide(
    state: &AppState,
    staff: &UserRow,
    target: ContentRef,
    decision_raw: &str,
    rule_raw: &str,
    reason_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // The queue holds one form per contribution: a refusal names the one it belongs to.
    let refused = |mut errors: FieldErrors| {
        errors.keep("item", &target.param());
        AppError::Validation(errors)
    };
    let refusal = |field: &str, error: ValidationError| {
        let mut errors = FieldErrors::new();
        errors.add(field, error);
        refused(errors)
    };
    let Some(decision) = HeldDecision::from_param(decision_raw) else {
        return Err(refusal("decision", ValidationError::Required));
    };
    let reason = match decision {
        HeldDecision::Hide => Some(parse_decision_reason(rule_raw, reason_raw).map_err(refused)?),
        HeldDecision::Approve => None,
    };
    let mut tx = state.db.begin().await?;
    let content = db::find_content(&mut tx, target).await?;
    if content.author_id == staff.id {
        return Err(refusal("form", ValidationError::ConflictOfInterest));
    }
    let approve = decision == HeldDecision::Approve;
    if !db::release(&mut tx, target, approve).await? {
        return Err(refusal("form", ValidationError::AlreadyDecided));
    }
    let text = content.text(target);
    let entry = NewLogEntry {
        actor_id: Some(staff.id),
        action: if approve {
            LogAction::Approve
        } else {
            LogAction::Hide
        },
        target: Some(target),
        subject_id: Some(content.author_id),
        rule: reason.as_ref().map(|r| r.rule.as_str()),
        reason: reason.as_ref().and_then(|r| r.text.as_deref()),
        excerpt: Some(&excerpt(&text)),
    };
    let log_id = db::append_log(&mut tx, &entry, now).await?;
    db::insert_notice(
        &mut tx,
        content.author_id,
        log_id,
        NoticeAudience::Author,
        now,
    )
    .await?;
    let mailed = match &reason {
        Some(reason) => {
            let outcome = AuthorTold {
                hidden: true,
                automatic: false,
            };
            tell_author(
                state,
                &mut tx,
                content.author_id,
                outcome,
                reason,
                &text,
                now,
            )
            .await?;
            true
        }
        None => publish(state, &mut tx, target, now).await?,
    };
    tx.commit().await?;
    if mailed {
        state.mail_signal.wake();
    }
    Ok(())
}

/// Notifies those following as the publication did not: a new idea in its project, a new
/// comment on its idea (and to the person it answers). Returns whether mail was queued.
async fn publish(
    state: &AppState,
    tx: &mut Tx,
    target: ContentRef,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    match target {
        ContentRef::Idea(idea_id) => {
            let idea = ideas::find_idea_state(tx, idea_id).await?;
            let Some(project_id) = idea.project_id else {
                return Ok(false);
            };
            let author = users::find_user_by_id_in(tx, idea.author_id).await?;
            let project_title = projects::project_title(tx, project_id).await?;
            let event = Event::NewIdea {
                idea_id,
                idea_title: &idea.title,
                project_id,
                project_title: &project_title,
            };
            notifications::notify(state, tx, &author, &event, now).await
        }
        ContentRef::Comment(comment_id) => {
            let comment = comments::find_comment_state(tx, comment_id).await?;
            let idea = ideas::find_idea_state(tx, comment.idea_id).await?;
            let author = users::find_user_by_id_in(tx, comment.author_id).await?;
            let replied_to = match comment.parent_id {
                Some(parent) => match comments::find_comment_state(tx, parent).await {
                    Ok(parent) => Some(parent.author_id),
                    // The comment it answers was hidden meanwhile: nobody to tell.
                    Err(DbError::NotFound) => None,
                    Err(other) => return Err(other),
                },
                None => None,
            };
            let event = Event::Comment {
                idea_id: comment.idea_id,
                idea_title: &idea.title,
                comment_id,
                replied_to,
            };
            notifications::notify(state, tx, &author, &event, now).await
        }
    }
}
