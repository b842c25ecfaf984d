//! Which client secrets Entra accepts right now: a secret added by addPassword only becomes
//! usable [`crate::Options::secret_replication`] after it was added (until then the token
//! endpoint refuses it like a wrong secret, AADSTS7000215), a removed secret is refused at once,
//! an expired one is refused as expired. [`crate::Emulator::secret_validator`] hands the same
//! judgement to other servers (the Genesys Cloud emulator's integration uses it).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::entra::secrets_equal;
use crate::model::{App, Secret};
use crate::server::{lock, Shared};
use crate::Emulator;

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

/// The registered secret of `app` whose value is `secret` and that has replicated; it may have
/// expired. Holds the directory lock's order: directory first, then the replication state.
pub(crate) fn accepted_secret<'a>(s: &Shared, app: &'a App, secret: &str) -> Option<&'a Secret> {
    app.password_credentials
        .iter()
        .find(|c| secrets_equal(&c.value, secret) && s.replication.is_usable(&c.key_id))
}

/// Whether any tenant has an app `client_id` with a replicated, unexpired secret `secret`.
fn secret_is_valid(s: &Shared, client_id: &str, secret: &str, now: DateTime<Utc>) -> bool {
    let dir = s.dir();
    dir.tenants.iter().any(|t| {
        t.app(client_id)
            .and_then(|app| accepted_secret(s, app, secret))
            .is_some_and(|c| c.end > now)
    })
}

impl Emulator {
    /// A check other servers can ask whether a client secret of an app of this emulator is
    /// accepted right now: the app exists in any tenant, the secret is one of its registered
    /// secrets, has not expired, has replicated ([`crate::Options::secret_replication`]) and has
    /// not been removed. Whether the app is enabled is not judged. Once this emulator is dropped
    /// the check answers `false`.
    pub fn secret_validator(&self) -> SecretValidator {
        let weak: Weak<Shared> = Arc::downgrade(&self.shared);
        Arc::new(move |client_id: &str, secret: &str| {
            weak.upgrade()
                .is_some_and(|s| secret_is_valid(&s, client_id, secret, Utc::now()))
        })
    }

    /// The secrets registered on the app of tenant `tenant_index`, in the order they were added,
    /// as (keyId, displayName, endDateTime); empty for an unknown index. For tests.
    pub fn password_credentials(
        &self,
        tenant_index: usize,
    ) -> Vec<(String, String, DateTime<Utc>)> {
        self.shared
            .dir()
            .tenants
            .get(tenant_index)
            .and_then(|t| t.apps.first())
            .map(|app| {
                app.password_credentials
                    .iter()
                    .map(|c| (c.key_id.clone(), c.display_name.clone(), c.end))
                    .collect()
            })
            .unwrap_or_default()
    }
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
}
