//! Verifying business accounts (issue 11): a moderator or admin confirms, or rejects with a
//! reason, the organisation a business account names. Only a verified organisation is shown
//! beside the person's name and admits to workshops for businesses; the decision is logged
//! and the account is told by mail and on its account page.

use crate::domain::accounts::{OrganisationStatus, Role};
use crate::domain::moderation::LogAction;
use crate::domain::organisations::{
    parse_organisation_verdict, OrganisationClaim, OrganisationDecision, CLAIMS_SHOWN,
};
use crate::domain::validation::{FieldErrors, ValidationError};
use crate::error::AppError;
use crate::server::db::moderation::{self as log, NewLogEntry};
use crate::server::db::users::{self, UserRow};
use crate::server::mail::{self, moderation_mails};
use crate::server::state::AppState;
use chrono::{DateTime, Utc};

/// The organisations waiting for staff.
pub async fn claims(state: &AppState) -> Result<Vec<OrganisationClaim>, AppError> {
    Ok(users::pending_organisations(&state.db, CLAIMS_SHOWN).await?)
}

/// `staff` verifies or rejects the organisation of `user_id`. Two staff members deciding at
/// the same moment: the first wins, the second is told it was decided (no second log entry,
/// no second mail).
pub async fn decide(
    state: &AppState,
    staff: &UserRow,
    user_id: i64,
    decision_raw: &str,
    reason_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // The queue holds one form per account: a refusal names the account it belongs to.
    let refused = |mut errors: FieldErrors| {
        errors.keep("user_id", &user_id.to_string());
        AppError::Validation(errors)
    };
    let verdict = parse_organisation_verdict(decision_raw, reason_raw).map_err(refused)?;
    let (status, action) = match verdict.decision {
        OrganisationDecision::Verify => {
            (OrganisationStatus::Verified, LogAction::VerifyOrganisation)
        }
        OrganisationDecision::Reject => {
            (OrganisationStatus::Rejected, LogAction::RejectOrganisation)
        }
    };
    let mut tx = state.db.begin().await?;
    let account = users::find_user_by_id_in(&mut tx, user_id).await?;
    if account.role != Role::Business {
        return Err(AppError::NotFound);
    }
    let reason = verdict.reason.as_deref();
    if !users::decide_organisation(&mut tx, user_id, status, reason, now).await? {
        let mut errors = FieldErrors::new();
        errors.add("form", ValidationError::AlreadyDecided);
        return Err(refused(errors));
    }
    let organisation = account.organisation_name.clone().unwrap_or_default();
    let entry = NewLogEntry {
        actor_id: Some(staff.id),
        action,
        target: None,
        subject_id: Some(user_id),
        rule: None,
        reason,
        excerpt: Some(&organisation),
    };
    log::append_log(&mut tx, &entry, now).await?;
    let mail = moderation_mails::organisation_mail(
        account.mail_locale(),
        &account.display_name,
        &organisation,
        &verdict,
        &state.settings.link("/konto"),
    );
    mail::queue(&mut tx, Some(account.id), &account.email, &mail, now).await?;
    tx.commit().await?;
    state.mail_signal.wake();
    Ok(())
}
