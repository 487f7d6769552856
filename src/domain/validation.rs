//! Field-level validation errors, shared by the browser and the server.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why one input field was refused. The UI translates it into the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ValidationError {
    #[error("the field is required")]
    Required,
    #[error("the file is not a JPEG, PNG or WebP picture")]
    NotAnImage,
    #[error("the file is larger than {max_megabytes} MB")]
    FileTooLarge { max_megabytes: usize },
    #[error("the picture is larger than {max_side} pixels on a side")]
    ImageTooLarge { max_side: u32 },
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
    #[error("the form was sent by a robot (hidden field filled, no start time)")]
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
    #[error("only for business accounts")]
    BusinessesOnly,
    #[error("the organisation is not verified yet")]
    OrganisationNotVerified,
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

/// Characters removed from every text: invisible spaces and joiners that only hide content,
/// the byte-order mark, and the bidirectional overrides that make text read differently from
/// how it is stored.
fn is_stripped(c: char) -> bool {
    matches!(c,
        '\u{180E}' | '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing on their own (kept inside text, where they join emoji,
/// mark hyphenation points or direction), so a value made only of them is empty.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{200C}'
                ..='\u{200F}' | '\u{3164}' | '\u{FFA0}'
        )
}

/// Every text field once, at the domain boundary: NFC (so "ü" typed two ways is one text),
/// stripped of [`is_stripped`] characters, trimmed; `None` if nothing visible is left.
fn normalise(raw: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let value: String = raw.nfc().filter(|c| !is_stripped(*c)).collect();
    let value = value.trim();
    (!value.chars().all(is_invisible)).then(|| value.to_owned())
}

/// A required single-line text of at most `max` characters.
pub fn parse_line(raw: &str, max: usize) -> Result<String, ValidationError> {
    let Some(value) = normalise(raw) else {
        return Err(ValidationError::Required);
    };
    if value.chars().count() > max {
        Err(ValidationError::TooLong { max })
    } else if value.chars().any(char::is_control) {
        Err(ValidationError::InvalidCharacters)
    } else {
        Ok(value)
    }
}

/// A required markdown text of at most `max` characters (line breaks and tabs allowed).
pub fn parse_markdown(raw: &str, max: usize) -> Result<String, ValidationError> {
    let Some(value) = normalise(raw) else {
        return Err(ValidationError::Required);
    };
    if value.chars().count() > max {
        Err(ValidationError::TooLong { max })
    } else if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        Err(ValidationError::InvalidCharacters)
    } else {
        Ok(value)
    }
}

/// The keys of errors about a whole form rather than one field (a decision taken meanwhile,
/// an expired link): the summary says them in its own words, and they link nowhere.
pub const WHOLE_FORM_KEYS: [&str; 2] = ["form", "token"];

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

    /// The error about the whole form, if there is one (see [`WHOLE_FORM_KEYS`]).
    pub fn whole_form(&self) -> Option<&ValidationError> {
        WHOLE_FORM_KEYS.iter().find_map(|key| self.get(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_of_invisible_characters_is_empty() {
        for invisible in [
            "\u{200B}",
            " \u{FEFF} ",
            "\u{2060}\u{200D}",
            "\u{00AD}",
            "\u{3164}",
        ] {
            assert_eq!(
                parse_line(invisible, 80),
                Err(ValidationError::Required),
                "{invisible:?}"
            );
            assert_eq!(
                parse_markdown(invisible, 80),
                Err(ValidationError::Required)
            );
        }
    }

    #[test]
    fn texts_are_nfc_without_hidden_characters_and_keep_what_they_show() {
        // "Bürger" typed with a combining diaeresis is stored like the precomposed one.
        assert_eq!(parse_line("Bu\u{0308}rger", 80).unwrap(), "Bürger");
        assert_eq!(
            parse_line("Sta\u{200B}dt\u{FEFF}lab\u{202E}or", 80).unwrap(),
            "Stadtlabor"
        );
        // Emoji sequences and hyphenation points stay.
        assert_eq!(
            parse_line("👩\u{200D}🔧 Werk\u{00AD}statt", 80).unwrap(),
            "👩\u{200D}🔧 Werk\u{00AD}statt"
        );
        assert_eq!(
            parse_markdown("Zeile 1\nZeile 2", 80).unwrap(),
            "Zeile 1\nZeile 2"
        );
        assert_eq!(
            parse_line("Anna\u{0}", 80),
            Err(ValidationError::InvalidCharacters)
        );
    }
}
