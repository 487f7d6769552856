//! Accounts: who a person is on the platform and what they may do. The parsing rules here run
//! in the browser (instant feedback) and on the server (the rule that counts).

use crate::domain::stored::stored_enum;
use crate::domain::validation::{parse_line, ValidationError};
use serde::{Deserialize, Serialize};

stored_enum! {
    /// What an account may do. Administration staff are moderators and admins.
    pub enum Role("role") {
        Citizen = "citizen",
        Business = "business",
        Moderator = "moderator",
        Admin = "admin",
    }
}

impl Role {
    /// Administration staff: publish, answer officially, moderate.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }
}

stored_enum! {
    /// Where a business account's organisation stands: staff verify it before the platform
    /// shows it ("für Firma X"); a new or renamed organisation waits again.
    pub enum OrganisationStatus("organisation status") {
        Pending = "pending",
        Verified = "verified",
        Rejected = "rejected",
    }
}

/// Limits of the account fields.
pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 128;
pub const EMAIL_MAX_CHARS: usize = 254;
pub const NAME_MAX_CHARS: usize = 80;
pub const ORGANISATION_MAX_CHARS: usize = 120;
pub const WEBSITE_MAX_CHARS: usize = 200;

/// An email address, trimmed and lower-cased so that lookups need no `ILIKE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// A pragmatic check (one `@`, a dot in the domain, no spaces); the verification mail is
    /// the real proof.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(ValidationError::Required);
        }
        if email.chars().count() > EMAIL_MAX_CHARS {
            return Err(ValidationError::TooLong {
                max: EMAIL_MAX_CHARS,
            });
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if valid {
            Ok(Email(email))
        } else {
            Err(ValidationError::InvalidEmail)
        }
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A new password: 10 to 128 characters, no composition rules (NIST SP 800-63B).
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let chars = raw.chars().count();
        if chars == 0 {
            Err(ValidationError::Required)
        } else if chars < PASSWORD_MIN_CHARS {
            Err(ValidationError::TooShort {
                min: PASSWORD_MIN_CHARS,
            })
        } else if chars > PASSWORD_MAX_CHARS {
            Err(ValidationError::TooLong {
                max: PASSWORD_MAX_CHARS,
            })
        } else {
            Ok(NewPassword(raw.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The name shown with a person's contributions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_line(raw, NAME_MAX_CHARS).map(DisplayName)
    }
}

impl AsRef<str> for DisplayName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The organisation a business account speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationName(String);

impl OrganisationName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_line(raw, ORGANISATION_MAX_CHARS).map(OrganisationName)
    }
}

impl AsRef<str> for OrganisationName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An optional organisation website: empty, or an http(s) address.
pub fn parse_website(raw: &str) -> Result<Option<String>, ValidationError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > WEBSITE_MAX_CHARS {
        return Err(ValidationError::TooLong {
            max: WEBSITE_MAX_CHARS,
        });
    }
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host)
            if host.contains('.')
                && !value.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(Some(value.to_owned()))
        }
        _ => Err(ValidationError::InvalidUrl),
    }
}

/// The signed-in person, as pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub organisation_name: Option<String>,
    pub organisation_website: Option<String>,
    /// Business accounts: whether staff verified the organisation, and why not if rejected.
    pub organisation_status: OrganisationStatus,
    pub organisation_review_reason: Option<String>,
    pub locale: String,
    pub email_verified: bool,
    /// Whether the name links to a public profile.
    pub profile_public: bool,
    /// For the badge in the header.
    pub unread_notifications: i64,
    /// Staff only: the moderation queue's size, for the header.
    pub moderation_queue: Option<QueueSize>,
}

/// The form of an address that one mailbox shares with all its aliases: lower case, without a
/// `+tag` in the local part. A block keeps it (hashed), so that `name+2@example.org` does not
/// evade a block of `Name@example.org`.
pub fn canonical_address(email: &Email) -> String {
    let lower = email.as_ref().to_lowercase();
    match lower.split_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => lower,
    }
}

/// How many reported items wait for a decision, and how many of them for longer than a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueSize {
    pub open: i64,
    pub overdue: i64,
}

impl CurrentUser {
    /// Whether the person may post, comment, vote and register: a verified email first.
    pub fn may_participate(&self) -> bool {
        self.email_verified
    }
}

/// A row of the admin's user list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserListItem {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub organisation_name: Option<String>,
    pub email_verified: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            Email::parse("  Anna@Example.DE ").unwrap().as_ref(),
            "anna@example.de"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "anna",
            "anna@",
            "@example.de",
            "anna@example",
            "an na@example.de",
            "a@b@c.de",
            "anna@.de",
        ] {
            assert_eq!(
                Email::parse(bad),
                Err(ValidationError::InvalidEmail),
                "{bad}"
            );
        }
        assert_eq!(Email::parse(" "), Err(ValidationError::Required));
        let long = format!("{}@example.de", "a".repeat(250));
        assert!(matches!(
            Email::parse(&long),
            Err(ValidationError::TooLong { .. })
        ));
    }

    #[test]
    fn passwords_need_10_to_128_characters_and_nothing_else() {
        assert!(NewPassword::parse("kurz").is_err());
        assert!(NewPassword::parse("zehn zeich").is_ok());
        assert!(
            NewPassword::parse("ääääääääää").is_ok(),
            "characters, not bytes"
        );
        assert!(NewPassword::parse(&"x".repeat(129)).is_err());
        assert!(matches!(
            NewPassword::parse(""),
            Err(ValidationError::Required)
        ));
    }

    #[test]
    fn names_refuse_control_characters_and_overlong_input() {
        assert_eq!(
            DisplayName::parse("  Anna Schmidt ").unwrap().as_ref(),
            "Anna Schmidt"
        );
        assert_eq!(
            DisplayName::parse("Anna\u{0}"),
            Err(ValidationError::InvalidCharacters)
        );
        assert_eq!(
            DisplayName::parse("Anna\nSchmidt"),
            Err(ValidationError::InvalidCharacters)
        );
        assert!(matches!(
            DisplayName::parse(&"a".repeat(81)),
            Err(ValidationError::TooLong { max: 80 })
        ));
        assert_eq!(DisplayName::parse("   "), Err(ValidationError::Required));
    }

    #[test]
    fn websites_are_optional_but_must_be_http() {
        assert_eq!(parse_website(""), Ok(None));
        assert!(parse_website("https://handwerk-soest.de")
            .unwrap()
            .is_some());
        assert_eq!(
            parse_website("javascript:alert(1)"),
            Err(ValidationError::InvalidUrl)
        );
        assert_eq!(parse_website("handwerk"), Err(ValidationError::InvalidUrl));
    }

    #[test]
    fn aliases_share_one_canonical_address() {
        let canonical = |raw: &str| canonical_address(&Email::parse(raw).unwrap());
        assert_eq!(canonical("Name+Block@Example.org"), "name@example.org");
        assert_eq!(canonical("name@example.org"), "name@example.org");
    }

    #[test]
    fn roles_round_trip_and_staff_is_moderator_or_admin() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!(Role::Admin.is_staff() && Role::Moderator.is_staff());
        assert!(!Role::Citizen.is_staff() && !Role::Business.is_staff());
    }
}
