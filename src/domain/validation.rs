//! Field-level validation errors, shared by the browser and the server.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why one input field was refused. The UI translates it into the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ValidationError {
    #[error("the field is required")]
    Required,
    #[error("the field is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the field contains characters that are not allowed")]
    InvalidCharacters,
}

/// Errors keyed by form field name, as they cross the wire in `AppError::Validation`.
pub type FieldErrors = BTreeMap<String, ValidationError>;
