//! Objections (EU Digital Services Act Art. 20): the author of hidden content objects once
//! per decision; an admin, or a moderator other than the one who decided, upholds the
//! decision or grants the objection (the content is shown again); the author is told.

use crate::domain::accounts::Role;
use crate::domain::moderation::{
    excerpt, parse_decision_reason, LogAction, NoticeAudience, ObjectionOutcome, ObjectionTarget,
    ObjectionView, OBJECTION_MAX_CHARS,
};
use crate::domain::validation::{parse_markdown, FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::db::moderation::{self as log, NewLogEntry};
use crate::server::db::objections::{self as db, DecisionRow, ObjectionRow};
use crate::server::db::users::{self, UserRow};
use crate::server::mail::{self, moderation_mails};
use crate::server::state::AppState;
use chrono::{DateTime, Utc};

/// The decision `log_id`, if `user` may object to it: a hide of their own content.
async fn objectable(
    state: &AppState,
    user: &UserRow,
    log_id: i64,
) -> Result<DecisionRow, AppError> {
    let decision = db::find_decision(&state.db, log_id).await?;
    if decision.subject_id != Some(user.id) || decision.action() != Some(LogAction::Hide) {
        // Not theirs to object to: as if there were no such decision.
        return Err(AppError::NotFound);
    }
    Ok(decision)
}

pub async fn objection_target(
    state: &AppState,
    user: &UserRow,
    log_id: i64,
) -> Result<ObjectionTarget, AppError> {
    let decision = objectable(state, user, log_id).await?;
    Ok(ObjectionTarget {
        log_id,
        rule: decision.rule(),
        objected: db::has_objected(&state.db, log_id, user.id).await?,
        excerpt: decision.excerpt,
        reason: decision.reason,
        decided_at: decision.created_at,
    })
}

/// `user` objects to the decision `log_id`.
pub async fn object(
    state: &AppState,
    user: &UserRow,
    log_id: i64,
    body_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let body = parse_markdown(body_raw, OBJECTION_MAX_CHARS).map_err(|e| {
        let mut errors = FieldErrors::new();
        errors.keep("body", body_raw);
        errors.add("body", e);
        AppError::Validation(errors)
    })?;
    let decision = objectable(state, user, log_id).await?;
    let mut tx = state.db.begin().await?;
    if !db::insert_objection(&mut tx, log_id, user.id, &body, now).await? {
        return Err(AppError::invalid("body", ValidationError::AlreadyObjected));
    }
    let entry = NewLogEntry {
        actor_id: Some(user.id),
        action: LogAction::Objection,
        target: decision.target(),
        subject_id: Some(user.id),
        rule: None,
        reason: Some(&body),
        excerpt: decision.excerpt.as_deref(),
    };
    log::append_log(&mut tx, &entry, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether `staff` may decide on an objection: not on their own decision (unless nobody
/// else could: admins may), never on their own content.
fn may_decide(staff: &UserRow, row: &ObjectionRow) -> bool {
    let own_decision = row.decision.actor_id == Some(staff.id) && staff.role != Role::Admin;
    !own_decision && row.user_id != staff.id
}

pub async fn open_objections(
    state: &AppState,
    staff: &UserRow,
) -> Result<Vec<ObjectionView>, AppError> {
    let rows = db::open_objections(&state.db).await?;
    Ok(rows
        .into_iter()
        .map(|row| ObjectionView {
            viewer_may_decide: may_decide(staff, &row),
            id: row.objection_id,
            target: row.decision.target(),
            rule: row.decision.rule(),
            excerpt: row.decision.excerpt.clone(),
            reason: row.decision.reason.clone(),
            decided_by: row.decided_by,
            objector: row.objector,
            body: row.body,
            created_at: row.filed_at,
        })
        .collect())
}

/// `staff` upholds the decision or grants the objection, with a reason the author is told.
pub async fn decide(
    state: &AppState,
    staff: &UserRow,
    objection_id: i64,
    outcome_raw: &str,
    rule_raw: &str,
    reason_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = parse_decision_reason(rule_raw, reason_raw);
    let outcome = ObjectionOutcome::from_param(outcome_raw);
    let (reason, outcome) = match (reason, outcome) {
        (Ok(reason), Some(outcome)) => (reason, outcome),
        (reason, outcome) => {
            let mut errors = reason.err().unwrap_or_default();
            if outcome.is_none() {
                errors.add("outcome", ValidationError::Invalid);
            }
            return Err(AppError::Validation(errors));
        }
    };
    let mut tx = state.db.begin().await?;
    let row = db::find_objection(&mut tx, objection_id).await?;
    if !may_decide(staff, &row) {
        return Err(AppError::invalid(
            "form",
            ValidationError::ConflictOfInterest,
        ));
    }
    let target = row.decision.target();
    let entry = NewLogEntry {
        actor_id: Some(staff.id),
        action: outcome.log_action(),
        target,
        subject_id: Some(row.user_id),
        rule: Some(reason.rule.as_str()),
        reason: reason.text.as_deref(),
        excerpt: row.decision.excerpt.as_deref(),
    };
    let log_id = log::append_log(&mut tx, &entry, now).await?;
    if !db::close_objection(&mut tx, objection_id, log_id, now).await? {
        return Err(AppError::invalid("form", ValidationError::AlreadyDecided));
    }
    if let (ObjectionOutcome::Grant, Some(target)) = (outcome, target) {
        log::restore(&mut tx, target).await?;
    }
    log::insert_notice(&mut tx, row.user_id, log_id, NoticeAudience::Author, now).await?;
    let author = users::find_user_by_id_in(&mut tx, row.user_id).await?;
    let shown = row.decision.excerpt.clone().unwrap_or_default();
    let mail = moderation_mails::objection_mail(
        author.mail_locale(),
        &author.display_name,
        outcome,
        &excerpt(&shown),
        &reason,
    );
    mail::queue(&mut tx, Some(author.id), &author.email, &mail, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}
