//! Which client secrets Entra accepts right now: a secret added by addPassword only becomes
//! usable [`crate::Options::secret_replication`] after it was added (until then the token
//! endpoint refuses it like a wrong secret, AADSTS7000215), a removed secret is refused at once,
//! an expired one is refused as expired. [`crate::Emulator::secret_validator`] hands the same
//! judgement to other servers (the Genesys Cloud emulator's integration uses it).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::model::{App, Directory, Secret};
use crate::wire::lock;

/// Tells whether `(client_id, client_secret)` would be accepted by Entra right now.
pub type SecretValidator = Arc<dyn Fn(&str, &str) -> bool + Send + Sync>;

/// When secrets added by addPassword become usable.
#[derive(Debug, Default)]
pub(crate) struct Replication {
    /// How long after it was added a secret is refused.
    delay: Duration,
    /// Secret key ids (lower case) still replicating, and when each becomes usable.
    pending: Mutex<HashMap<String, Instant>>,
}

impl Replication {
    /// Replication that takes `delay` (zero: new secrets are usable at once).
    pub(crate) fn new(delay: Duration) -> Self {
        Replication {
            delay,
            pending: Mutex::new(HashMap::new()),
        }
    }

    /// Notes that the secret `key_id` was added just now.
    pub(crate) fn added(&self, key_id: &str) {
        if self.delay.is_zero() {
            return;
        }
        let now = Instant::now();
        let usable = now.checked_add(self.delay).unwrap_or(now);
        let mut pending = lock(&self.pending);
        pending.retain(|_, t| *t > now);
        pending.insert(key_id.to_ascii_lowercase(), usable);
    }

    /// Forgets the secret `key_id` (it was removed).
    pub(crate) fn removed(&self, key_id: &str) {
        lock(&self.pending).remove(&key_id.to_ascii_lowercase());
    }

    /// Whether the secret `key_id` has replicated (secrets not added by addPassword always have).
    pub(crate) fn is_usable(&self, key_id: &str) -> bool {
        lock(&self.pending)
            .get(&key_id.to_ascii_lowercase())
            .is_none_or(|t| Instant::now() >= *t)
    }
}

/// Constant-time comparison of two secrets.
pub(crate) fn secrets_equal(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The registered secret of `app` whose value is `secret` and that has replicated; it may have
/// expired. Holds the directory lock's order: the caller holds the directory, then the
/// replication state is locked.
pub(crate) fn accepted_secret<'a>(
    replication: &Replication,
    app: &'a App,
    secret: &str,
) -> Option<&'a Secret> {
    app.password_credentials
        .iter()
        .find(|c| secrets_equal(&c.value, secret) && replication.is_usable(&c.key_id))
}

/// Whether any tenant of `dir` has an app `client_id` with a replicated, unexpired secret
/// `secret`.
pub(crate) fn secret_is_valid(
    dir: &Directory,
    replication: &Replication,
    client_id: &str,
    secret: &str,
    now: DateTime<Utc>,
) -> bool {
    dir.tenants.iter().any(|t| {
        t.app(client_id)
            .and_then(|app| accepted_secret(replication, app, secret))
            .is_some_and(|c| c.end > now)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replication_holds_new_secrets_back() {
        let r = Replication::new(Duration::from_millis(80));
        assert!(r.is_usable("ABC"));
        r.added("ABC");
        assert!(!r.is_usable("abc"));
        std::thread::sleep(Duration::from_millis(120));
        assert!(r.is_usable("abc"));
        r.added("def");
        r.removed("DEF");
        assert!(r.is_usable("def"));
        let none = Replication::new(Duration::ZERO);
        none.added("x");
        assert!(none.is_usable("x"));
    }

    #[test]
    fn secret_comparison() {
        assert!(secrets_equal("abc", "abc"));
        assert!(!secrets_equal("abc", "abd"));
        assert!(!secrets_equal("abc", "abcd"));
    }
}
