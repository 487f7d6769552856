//! Decoding the domain's stored enums (`domain::stored`) straight from text columns, on both
//! engines and in the JSON arrays the page queries aggregate. An unknown spelling is a decode
//! error naming the enum and the value, raised once here.

use crate::domain::accounts::{OrganisationStatus, Role};
use crate::domain::ideas::IdeaStatus;
use crate::domain::notifications::{Delivery, NotificationKind};
use crate::domain::projects::Phase;
use crate::domain::workshops::{
    Audience, Confirmation, QuestionKind, RegistrationStatus, WorkshopFormat,
};
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgTypeInfo, PgValueRef, Postgres};
use sqlx::sqlite::{Sqlite, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Type};

macro_rules! decode_as_text {
    ($($name:ty),+) => {$(
        impl Type<Sqlite> for $name {
            fn type_info() -> SqliteTypeInfo {
                <str as Type<Sqlite>>::type_info()
            }
            fn compatible(ty: &SqliteTypeInfo) -> bool {
                <str as Type<Sqlite>>::compatible(ty)
            }
        }
        impl Type<Postgres> for $name {
            fn type_info() -> PgTypeInfo {
                <str as Type<Postgres>>::type_info()
            }
            fn compatible(ty: &PgTypeInfo) -> bool {
                <str as Type<Postgres>>::compatible(ty)
            }
        }
        impl<'r> Decode<'r, Sqlite> for $name {
            fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
                Ok(<&str as Decode<Sqlite>>::decode(value)?.parse()?)
            }
        }
        impl<'r> Decode<'r, Postgres> for $name {
            fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
                Ok(<&str as Decode<Postgres>>::decode(value)?.parse()?)
            }
        }
    )+};
}

decode_as_text!(
    Role,
    OrganisationStatus,
    IdeaStatus,
    Phase,
    NotificationKind,
    Delivery,
    WorkshopFormat,
    Audience,
    RegistrationStatus,
    Confirmation,
    QuestionKind
);

/// For `#[serde(deserialize_with = "…")]` on fields of rows read from JSON arrays: the stored
/// spelling, not serde's variant name.
pub fn from_stored_text<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr<Err = crate::domain::stored::UnknownVariant>,
{
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
    text.parse().map_err(serde::de::Error::custom)
}
