//! Blocking accounts: moderators and admins block with a rule, a reason and a duration (and
//! may hide everything the person wrote); the block ends every session at once, keeps the
//! person from logging in, from mail and from registering again with the same address, and
//! ends by itself. Nobody blocks themselves; only an admin blocks staff.

use crate::domain::accounts::{canonical_address, Email};
use crate::domain::moderation::{
    parse_decision_reason, BlockDuration, BlockTarget, DecisionReason, LogAction,
};
use crate::domain::validation::ValidationError;
use crate::error::AppError;
use crate::server::db::blocks::{self as db, NewBlock};
use crate::server::db::moderation::{self as log, NewLogEntry};
use crate::server::db::users::{self, UserRow};
use crate::server::db::{DbError, Tx};
use crate::server::mail::{self, moderation_mails};
use crate::server::state::AppState;
use crate::server::tokens::hash_token;
use crate::server::workshops;
use chrono::{DateTime, Utc};

/// What a block keeps of the address: the SHA-256 of its canonical form, nothing readable.
pub fn address_hash(email: &str) -> String {
    let canonical = Email::parse(email)
        .map(|e| canonical_address(&e))
        .unwrap_or_else(|_| email.trim().to_lowercase());
    hash_token(&canonical)
}

/// Whether `staff` may block or unblock `target`.
fn check_may_act(staff: &UserRow, target: &UserRow) -> Result<(), AppError> {
    if staff.id == target.id {
        return Err(AppError::invalid("form", ValidationError::NotAllowed));
    }
    if target.role.is_staff() && staff.role != crate::domain::accounts::Role::Admin {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// `staff` blocks `user_id`. With `hide_content`, everything the person wrote is hidden
/// with the same reason. Takes effect at once: the session version moves on.
#[allow(clippy::too_many_arguments)] // one value per field of the block form
pub async fn block(
    state: &AppState,
    staff: &UserRow,
    user_id: i64,
    rule_raw: &str,
    reason_raw: &str,
    duration_raw: &str,
    hide_content: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = parse_decision_reason(rule_raw, reason_raw);
    let duration = BlockDuration::from_param(duration_raw);
    let reason = match (reason, duration) {
        (Ok(reason), Some(_)) => reason,
        (reason, duration) => {
            let mut errors = reason.err().unwrap_or_default();
            if duration.is_none() {
                errors.add("duration", ValidationError::Invalid);
            }
            return Err(AppError::Validation(errors));
        }
    };
    let until = duration.and_then(|d| d.end(now));
    let mut tx = state.db.begin().await?;
    let target = users::find_user_by_id_in(&mut tx, user_id).await?;
    check_may_act(staff, &target)?;
    if !db::start_block(&mut tx, user_id, until, now).await? {
        return Err(AppError::invalid("form", ValidationError::AlreadyDecided));
    }
    let block = NewBlock {
        user_id,
        actor_id: staff.id,
        rule: reason.rule,
        reason: reason.text.as_deref(),
        hide_content,
        email_hash: &address_hash(&target.email),
        ends_at: until,
    };
    db::insert_block(&mut tx, &block, now).await?;
    let hidden = if hide_content {
        hide_everything_of(&mut tx, user_id, now).await?
    } else {
        0
    };
    // A blocked account cannot come: its workshop places go to the waitlist.
    workshops::withdraw_registrations_of(&mut tx, state, user_id, now).await?;
    let excerpt = duration.map(BlockDuration::as_param);
    let entry = NewLogEntry {
        actor_id: Some(staff.id),
        action: LogAction::Block,
        target: None,
        subject_id: Some(user_id),
        rule: Some(reason.rule.as_str()),
        reason: reason.text.as_deref(),
        excerpt: excerpt.as_deref(),
    };
    log::append_log(&mut tx, &entry, now).await?;
    let mail = moderation_mails::block_mail(
        target.mail_locale(),
        &target.display_name,
        until,
        hidden,
        &reason,
        now,
    );
    mail::queue(&mut tx, Some(target.id), &target.email, &mail, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// Hides every visible contribution of `user_id`; returns how many.
async fn hide_everything_of(
    tx: &mut Tx,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    let mut hidden = 0;
    for content in db::visible_content_of(tx, user_id).await? {
        if log::hide(tx, content, now).await? {
            hidden += 1;
        }
    }
    Ok(hidden)
}

/// `staff` lifts the running block of `user_id` before its end.
pub async fn unblock(
    state: &AppState,
    staff: &UserRow,
    user_id: i64,
    rule_raw: &str,
    reason_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason: DecisionReason =
        parse_decision_reason(rule_raw, reason_raw).map_err(AppError::Validation)?;
    let mut tx = state.db.begin().await?;
    let target = users::find_user_by_id_in(&mut tx, user_id).await?;
    check_may_act(staff, &target)?;
    if !db::end_block(&mut tx, user_id, now).await? {
        return Err(AppError::invalid("form", ValidationError::AlreadyDecided));
    }
    let entry = NewLogEntry {
        actor_id: Some(staff.id),
        action: LogAction::Unblock,
        target: None,
        subject_id: Some(user_id),
        rule: Some(reason.rule.as_str()),
        reason: reason.text.as_deref(),
        excerpt: None,
    };
    log::append_log(&mut tx, &entry, now).await?;
    let mail = moderation_mails::unblock_mail(target.mail_locale(), &target.display_name);
    mail::queue(&mut tx, Some(target.id), &target.email, &mail, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}

/// Ends the blocks whose end has come (the scheduled job; the login of such an account does
/// it too). Each end is logged without an actor: nobody decided it, the date did.
pub async fn end_expired_blocks(state: &AppState, now: DateTime<Utc>) -> Result<usize, DbError> {
    let mut tx = state.db.begin().await?;
    let ended = db::end_expired_blocks(&mut tx, now).await?;
    for &user_id in &ended {
        let entry = NewLogEntry {
            actor_id: None,
            action: LogAction::Unblock,
            target: None,
            subject_id: Some(user_id),
            rule: None,
            reason: None,
            excerpt: None,
        };
        log::append_log(&mut tx, &entry, now).await?;
    }
    tx.commit().await?;
    Ok(ended.len())
}

/// Whether a running block keeps `email` from registering (in any alias of it).
pub async fn address_blocked(
    state: &AppState,
    email: &Email,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    db::address_blocked(&state.db, &address_hash(email.as_ref()), now).await
}

/// An account for the block form.
pub async fn block_target(
    state: &AppState,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<BlockTarget, AppError> {
    let user = users::find_user_by_id(&state.db, user_id).await?;
    let block = if user.is_blocked(now) {
        db::running_block(&state.db, user_id).await?
    } else {
        None
    };
    Ok(BlockTarget {
        id: user.id,
        name: user.shown_name(),
        is_staff: user.role.is_staff(),
        block,
    })
}

/// The login of a blocked account: the reasons of its block, instead of the account.
pub async fn refuse_login(state: &AppState, user: &UserRow) -> AppError {
    match db::running_block(&state.db, user.id).await {
        Ok(Some(notice)) => AppError::Blocked(notice),
        Ok(None) => AppError::Forbidden,
        Err(err) => err.into(),
    }
}
