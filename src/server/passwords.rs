//! Password hashing with argon2id (OWASP parameters), always off the async threads, and
//! never more at once than [`CONCURRENT_HASHES`]: a flood of logins or registrations waits
//! for a slot (and is answered 503 after [`WAIT_FOR_SLOT`]) instead of taking the memory and
//! the cores every real login needs (F-01).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::LazyLock;
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};

/// Hashes that may run at once (19 MiB each): two per core of the machine this is sized for.
pub const CONCURRENT_HASHES: usize = 4;
/// How long a request waits for a hashing slot before it is answered 503.
pub const WAIT_FOR_SLOT: Duration = Duration::from_secs(10);
static HASHING: Semaphore = Semaphore::const_new(CONCURRENT_HASHES);

/// Why a password could not be hashed or checked.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("every hashing slot stayed busy")]
    Busy,
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

impl From<PasswordError> for crate::error::AppError {
    fn from(err: PasswordError) -> Self {
        match err {
            PasswordError::Busy => crate::error::AppError::Busy {
                retry_after_secs: 5,
            },
            PasswordError::Failed(err) => {
                tracing::error!(error = %format!("{err:#}"), "password hashing failed");
                crate::error::AppError::Internal
            }
        }
    }
}

async fn slot() -> Result<SemaphorePermit<'static>, PasswordError> {
    match tokio::time::timeout(WAIT_FOR_SLOT, HASHING.acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => {
            tracing::warn!("all password hashing slots busy; answering 503");
            Err(PasswordError::Busy)
        }
    }
}

/// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Verified instead of a real hash when no account matches, so that "unknown email" and
/// "wrong password" take the same time.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_blocking("a password nobody has, hashed once per process")
        .expect("hashing the dummy password")
});

fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon2()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Hashes a new password (PHC string with algorithm, parameters and salt).
pub async fn hash_password(password: String) -> Result<String, PasswordError> {
    let _slot = slot().await?;
    let hashed = tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(anyhow::Error::from)?;
    Ok(hashed.map_err(|e| anyhow::anyhow!("{e}"))?)
}

/// Checks `candidate` against `stored`, or against the dummy hash when there is no account.
/// Returns false for a missing account even if the dummy happened to match.
pub async fn verify_password(
    candidate: String,
    stored: Option<String>,
) -> Result<bool, PasswordError> {
    let _slot = slot().await?;
    let checked: anyhow::Result<bool> = tokio::task::spawn_blocking(move || {
        let exists = stored.is_some();
        let hash = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let parsed = PasswordHash::new(&hash)?;
        let matches = argon2()
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok();
        Ok(exists && matches)
    })
    .await
    .map_err(anyhow::Error::from)
    .and_then(|r| r);
    Ok(checked?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_nothing_else() {
        let hash = hash_password("richtig-und-lang".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify_password("richtig-und-lang".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!verify_password("falsch-und-lang".into(), Some(hash))
            .await
            .unwrap());
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        assert!(!verify_password("egal-was".into(), None).await.unwrap());
    }
}
