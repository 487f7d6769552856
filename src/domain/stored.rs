//! Enums stored as text (roles, statuses, phases, kinds, deliveries): one spelling per
//! variant, written once in the enum's `stored_enum!` definition. `as_str` writes it, `FromStr`
//! reads it, and the database layer decodes columns straight into the enum (see
//! `server::db::stored`), so no query result is parsed again where it is used.

use crate::domain::validation::ValidationError;

/// A text that is not one of an enum's stored spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} '{value}'")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}

/// Form input naming no known variant is simply invalid.
impl From<UnknownVariant> for ValidationError {
    fn from(_: UnknownVariant) -> Self {
        ValidationError::Invalid
    }
}

/// Defines an enum with its stored spelling per variant, `ALL`, `as_str`, `FromStr` and
/// `Display`. Serde keeps the variant names (the wire format of the pages).
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($kind:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::stored::UnknownVariant;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::stored::UnknownVariant {
                        kind: $kind,
                        value: s.to_owned(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use stored_enum;
