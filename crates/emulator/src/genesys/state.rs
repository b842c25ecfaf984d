//! The state every Genesys handler shares: the organization, email conversations, the secret
//! check once connected, and the recorded requests. It holds data only and imports no handler.

use std::collections::VecDeque;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::Utc;

use super::conversation::Conversation;
use super::model::Org;
use super::options::GenesysOptions;
use crate::secrets::SecretValidator;
use crate::wire::lock;

/// State shared by every Genesys handler.
pub(crate) struct GenesysShared {
    pub(super) org: Mutex<Org>,
    pub(super) delay: Duration,
    pub(super) retry_after: String,
    pub(super) count: AtomicU64,
    pub(super) log: Mutex<VecDeque<(String, String)>>,
    /// Email conversations, oldest first.
    pub(super) conversations: Mutex<Vec<Conversation>>,
    /// [`GenesysOptions::analytics_lag`].
    pub(super) analytics_lag: chrono::Duration,
    /// The Entra emulator's secret check, once connected.
    pub(super) validator: Mutex<Option<SecretValidator>>,
    /// [`GenesysOptions::stall_after_request`].
    pub(super) stall_after_request: Option<u64>,
}

impl GenesysShared {
    /// The organization, even if a previous holder of the lock panicked.
    pub(crate) fn org(&self) -> MutexGuard<'_, Org> {
        lock(&self.org)
    }

    /// Uses up one throttled answer; true when this request is to be answered 429.
    pub(crate) fn take_throttle(&self) -> bool {
        let mut org = self.org();
        if org.throttle_left == 0 {
            return false;
        }
        org.throttle_left -= 1;
        true
    }
}

/// The state for a new server set up by `opts`.
pub(super) fn prepare(opts: &GenesysOptions) -> Arc<GenesysShared> {
    Arc::new(GenesysShared {
        org: Mutex::new(Org::new(opts, Utc::now())),
        delay: opts.delay,
        retry_after: opts.retry_after.clone(),
        count: AtomicU64::new(0),
        log: Mutex::new(VecDeque::new()),
        conversations: Mutex::new(Vec::new()),
        analytics_lag: chrono::Duration::from_std(opts.analytics_lag)
            .unwrap_or_else(|_| chrono::Duration::days(3650)),
        validator: Mutex::new(None),
        stall_after_request: opts.stall_after_request,
    })
}
