//! Field-level validation errors, shared by the browser and the server.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why one input field was refused. The UI translates it into the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ValidationError {
    #[error("the field is required")]
    Required,
    #[error("the field is shorter than {min} characters")]
    TooShort { min: usize },
    #[error("the field is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the field contains characters that are not allowed")]
    InvalidCharacters,
    #[error("not a valid email address")]
    InvalidEmail,
    #[error("not a valid web address")]
    InvalidUrl,
    #[error("the value is not one of the choices")]
    Invalid,
    #[error("an account with this email address exists")]
    EmailTaken,
    #[error("the passwords do not match")]
    PasswordMismatch,
    #[error("the current password is wrong")]
    WrongPassword,
    #[error("the consent is required")]
    ConsentRequired,
    #[error("the form was sent too quickly or by a robot")]
    FormRejected,
    #[error("the link is invalid, expired or already used")]
    InvalidLink,
    #[error("this change is not allowed")]
    NotAllowed,
    #[error("only lowercase letters, digits and hyphens")]
    InvalidSlug,
    #[error("this address is already used")]
    SlugTaken,
    #[error("not a valid date")]
    InvalidDate,
    #[error("the end lies before the start")]
    EndBeforeStart,
    #[error("not a valid amount of money")]
    InvalidAmount,
    #[error("not a whole number between {min} and {max}")]
    NumberOutOfRange { min: i64, max: i64 },
    #[error("the discussion is closed")]
    DiscussionClosed,
    #[error("authors cannot support their own idea")]
    OwnIdea,
    #[error("all {limit} supports of this project are used")]
    SupportLimitReached { limit: i64 },
    #[error("supports are closed")]
    SupportClosed,
    #[error("the confirmation is required")]
    ConfirmationRequired,
    #[error("one's own content cannot be reported")]
    OwnContent,
    #[error("already reported and not yet decided")]
    AlreadyReported,
    #[error("already decided by someone else")]
    AlreadyDecided,
    #[error("someone else has to decide this")]
    ConflictOfInterest,
    #[error("nothing was selected")]
    NothingSelected,
    #[error("registering with this address is not possible now")]
    RegistrationRefused,
    #[error("already objected to this decision")]
    AlreadyObjected,
    #[error("not a valid time of day")]
    InvalidTime,
    #[error("the start lies in the past")]
    StartInPast,
    #[error("the registration deadline lies after the start")]
    DeadlineAfterStart,
    #[error("more places per registration than the workshop has")]
    PlacesAboveCapacity,
    #[error("fewer places than are already taken ({taken})")]
    CapacityBelowTaken { taken: i64 },
    #[error("registration is closed")]
    RegistrationClosed,
    #[error("the workshop was cancelled")]
    WorkshopCancelled,
    #[error("the workshop is over")]
    WorkshopOver,
    #[error("the workshop is full")]
    WorkshopFull,
    #[error("only for verified business accounts")]
    BusinessesOnly,
    #[error("already registered")]
    AlreadyRegistered,
    #[error("not registered")]
    NotRegistered,
    #[error("registration opens later")]
    RegistrationNotOpen {
        opens_at: chrono::DateTime<chrono::Utc>,
    },
    #[error("the registration opening lies after the deadline")]
    OpeningAfterDeadline,
    #[error("a choice question needs two options or more")]
    TooFewChoices,
    #[error("more than {max} options")]
    TooManyChoices { max: usize },
    #[error("an option appears twice")]
    DuplicateChoice,
    #[error("no place is offered (any more)")]
    NoOffer,
}

/// A required single-line text of at most `max` characters.
pub fn parse_line(raw: &str, max: usize) -> Result<String, ValidationError> {
    let value = raw.trim();
    if value.is_empty() {
        Err(ValidationError::Required)
    } else if value.chars().count() > max {
        Err(ValidationError::TooLong { max })
    } else if value.chars().any(char::is_control) {
        Err(ValidationError::InvalidCharacters)
    } else {
        Ok(value.to_owned())
    }
}

/// A required markdown text of at most `max` characters (line breaks and tabs allowed).
pub fn parse_markdown(raw: &str, max: usize) -> Result<String, ValidationError> {
    let value = raw.trim();
    if value.is_empty() {
        Err(ValidationError::Required)
    } else if value.chars().count() > max {
        Err(ValidationError::TooLong { max })
    } else if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        Err(ValidationError::InvalidCharacters)
    } else {
        Ok(value.to_owned())
    }
}

/// Errors keyed by form field name, plus the values the user typed (never passwords), so
/// that a form re-rendered without JavaScript keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors {
    pub errors: BTreeMap<String, ValidationError>,
    pub values: BTreeMap<String, String>,
}

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, error: ValidationError) {
        self.errors.entry(field.to_owned()).or_insert(error);
    }

    /// Records `result`'s error under `field` and passes its value on.
    pub fn check<T>(&mut self, field: &str, result: Result<T, ValidationError>) -> Option<T> {
        result.map_err(|e| self.add(field, e)).ok()
    }

    /// Keeps what the user typed, for re-display. Never call this with a password.
    pub fn keep(&mut self, field: &str, value: &str) {
        self.values.insert(field.to_owned(), value.to_owned());
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&ValidationError> {
        self.errors.get(field)
    }
}
