//! Signed links: one-click unsubscribe works without logging in and without storing a token
//! per mail. The key lives in the database (created by the first instance, shared by all), so
//! links stay valid across restarts and instances.

use crate::domain::notifications::UnsubscribeScope;
use crate::server::db::{with_pool, Db, DbError};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long an unsubscribe link works.
pub const UNSUBSCRIBE_VALID_DAYS: i64 = 180;

#[derive(Clone)]
pub struct SigningKey(Vec<u8>);

impl SigningKey {
    /// The key for `purpose`, created on first use.
    pub async fn load_or_create(db: &Db, purpose: &str) -> Result<SigningKey, DbError> {
        let mut fresh = [0u8; 32];
        OsRng.fill_bytes(&mut fresh);
        let fresh_hex: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
        let stored: String = with_pool!(db, pool => {
            sqlx::query(
                "INSERT INTO signing_keys (purpose, key_hex, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (purpose) DO NOTHING",
            )
            .bind(purpose)
            .bind(&fresh_hex)
            .bind(Utc::now())
            .execute(pool)
            .await?;
            sqlx::query_scalar("SELECT key_hex FROM signing_keys WHERE purpose = $1")
                .bind(purpose)
                .fetch_one(pool)
                .await?
        });
        let key = (0..stored.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&stored[i..i + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(DbError::corrupt)?;
        Ok(SigningKey(key))
    }

    fn mac(&self, payload: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(payload.as_bytes());
        mac
    }

    /// `payload.signature`: readable, and useless once any part is changed.
    fn sign(&self, payload: &str) -> String {
        let signature: String = self
            .mac(payload)
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("{payload}.{signature}")
    }

    /// The payload of a genuine token (constant-time check of the signature).
    fn verify<'t>(&self, token: &'t str) -> Option<&'t str> {
        let (payload, signature) = token.rsplit_once('.')?;
        let signature: Vec<u8> = (0..signature.len())
            .step_by(2)
            .map(|i| {
                signature
                    .get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<_>>()?;
        self.mac(payload).verify_slice(&signature).ok()?;
        Some(payload)
    }

    /// `user.kind.expiry.signature`.
    pub fn unsubscribe_token(
        &self,
        user_id: i64,
        scope: UnsubscribeScope,
        now: DateTime<Utc>,
    ) -> String {
        let expires = (now + chrono::Duration::days(UNSUBSCRIBE_VALID_DAYS)).timestamp();
        self.sign(&format!("{user_id}.{}.{expires}", scope.as_string()))
    }

    /// The person and scope a token stands for, if it is genuine and not expired.
    pub fn verify_unsubscribe(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Option<(i64, UnsubscribeScope)> {
        let mut parts = self.verify(token)?.split('.');
        let user_id = parts.next()?.parse().ok()?;
        let kind = parts.next()?.parse().ok()?;
        let expires: i64 = parts.next()?.parse().ok()?;
        (expires > now.timestamp()).then_some((user_id, kind))
    }

    /// `workshop.registration.expiry.signature`: gives up the place of one registration
    /// without a login (the link in every workshop mail). It works until `expires` (the end
    /// of the workshop); the prefix keeps it apart from unsubscribe tokens.
    pub fn registration_token(&self, registration_id: i64, expires: DateTime<Utc>) -> String {
        self.sign(&format!(
            "workshop.{registration_id}.{}",
            expires.timestamp()
        ))
    }

    /// The registration a token stands for, if it is genuine and not expired.
    pub fn verify_registration(&self, token: &str, now: DateTime<Utc>) -> Option<i64> {
        let mut parts = self.verify(token)?.split('.');
        (parts.next()? == "workshop").then_some(())?;
        let registration_id = parts.next()?.parse().ok()?;
        let expires: i64 = parts.next()?.parse().ok()?;
        (expires > now.timestamp()).then_some(registration_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::notifications::NotificationKind;

    #[test]
    fn tokens_verify_until_they_expire_and_not_after_any_change() {
        let key = SigningKey(vec![7; 32]);
        let now = Utc::now();
        let scope = UnsubscribeScope::Kind(NotificationKind::ReplyToComment);
        let token = key.unsubscribe_token(42, scope, now);
        assert_eq!(key.verify_unsubscribe(&token, now), Some((42, scope)));
        let later = now + chrono::Duration::days(UNSUBSCRIBE_VALID_DAYS + 1);
        assert_eq!(key.verify_unsubscribe(&token, later), None, "expired");
        let other_user = token.replacen("42.", "43.", 1);
        assert_eq!(key.verify_unsubscribe(&other_user, now), None, "tampered");
        let other_key = SigningKey(vec![8; 32]);
        assert_eq!(other_key.verify_unsubscribe(&token, now), None);
        let registration = key.registration_token(7, now + chrono::Duration::days(1));
        assert_eq!(key.verify_registration(&registration, now), Some(7));
        assert_eq!(
            key.verify_unsubscribe(&registration, now),
            None,
            "not an unsubscribe token"
        );
        assert_eq!(
            key.verify_registration(&token, now),
            None,
            "not a registration token"
        );
        let later = now + chrono::Duration::days(2);
        assert_eq!(
            key.verify_registration(&registration, later),
            None,
            "expired"
        );
        let other = registration.replacen(".7.", ".8.", 1);
        assert_eq!(key.verify_registration(&other, now), None, "tampered");
        for junk in [
            "",
            ".",
            "a.b.c.d",
            "42.reply_to_comment.9999999999.zz",
            "é.é",
        ] {
            assert_eq!(key.verify_unsubscribe(junk, now), None, "{junk}");
        }
    }
}
