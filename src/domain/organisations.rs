//! Verifying business accounts: staff confirm the organisation a business account names
//! before the platform shows it beside the person's name ("für Firma X"), and workshops for
//! businesses only admit verified ones.

use super::moderation::{DECISION_REASON_MAX_CHARS, DECISION_REASON_MIN_CHARS};
use super::validation::{FieldErrors, ValidationError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Claims listed at once in the queue (oldest first; the rest follow once these are decided).
pub const CLAIMS_SHOWN: i64 = 50;

/// A business account whose organisation waits for staff, as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationClaim {
    pub user_id: i64,
    pub display_name: String,
    /// The address's domain often tells whether the person works there.
    pub email: String,
    pub organisation_name: String,
    pub organisation_website: Option<String>,
    pub registered_at: DateTime<Utc>,
}

/// What staff decide about an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrganisationDecision {
    /// The organisation is shown with the account's contributions.
    Verify,
    /// It is not: the account takes part as a person.
    Reject,
}

impl OrganisationDecision {
    pub const ALL: [OrganisationDecision; 2] =
        [OrganisationDecision::Verify, OrganisationDecision::Reject];

    pub fn as_param(self) -> &'static str {
        match self {
            OrganisationDecision::Verify => "verify",
            OrganisationDecision::Reject => "reject",
        }
    }

    pub fn from_param(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_param() == value)
    }
}

/// A decision with its reason, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationVerdict {
    pub decision: OrganisationDecision,
    /// Shown to the account; a rejection always has one (the person is owed the why).
    pub reason: Option<String>,
}

pub fn parse_organisation_verdict(
    decision_raw: &str,
    reason_raw: &str,
) -> Result<OrganisationVerdict, FieldErrors> {
    let mut errors = FieldErrors::new();
    errors.keep("reason", reason_raw);
    let decision = OrganisationDecision::from_param(decision_raw);
    if decision.is_none() {
        errors.add("decision", ValidationError::Required);
    }
    let reason = reason_raw.trim();
    let length = reason.chars().count();
    if length > DECISION_REASON_MAX_CHARS {
        errors.add(
            "reason",
            ValidationError::TooLong {
                max: DECISION_REASON_MAX_CHARS,
            },
        );
    } else if decision == Some(OrganisationDecision::Reject) && length < DECISION_REASON_MIN_CHARS {
        errors.add(
            "reason",
            ValidationError::TooShort {
                min: DECISION_REASON_MIN_CHARS,
            },
        );
    }
    match decision {
        Some(decision) if errors.is_empty() => Ok(OrganisationVerdict {
            decision,
            reason: Some(reason.to_owned()).filter(|r| !r.is_empty()),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejection_needs_a_reason_a_verification_does_not() {
        let verified = parse_organisation_verdict("verify", "  ").unwrap();
        assert_eq!(verified.decision, OrganisationDecision::Verify);
        assert_eq!(verified.reason, None);
        let errors = parse_organisation_verdict("reject", "nein").unwrap_err();
        assert_eq!(
            errors.get("reason"),
            Some(&ValidationError::TooShort {
                min: DECISION_REASON_MIN_CHARS
            })
        );
        let rejected =
            parse_organisation_verdict("reject", "Kein Eintrag im Handelsregister gefunden.")
                .unwrap();
        assert_eq!(rejected.decision, OrganisationDecision::Reject);
    }

    #[test]
    fn an_unknown_decision_or_an_overlong_reason_is_refused() {
        let errors = parse_organisation_verdict("delete", "").unwrap_err();
        assert_eq!(errors.get("decision"), Some(&ValidationError::Required));
        let long = "x".repeat(DECISION_REASON_MAX_CHARS + 1);
        let errors = parse_organisation_verdict("verify", &long).unwrap_err();
        assert_eq!(
            errors.get("reason"),
            Some(&ValidationError::TooLong {
                max: DECISION_REASON_MAX_CHARS
            })
        );
    }
}
