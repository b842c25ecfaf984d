//! The delta and delta paging tokens the mail endpoints hand out, and where each round stands.

use std::collections::{HashMap, VecDeque};

use crate::mailbox::FolderKind;

/// How many delta and paging tokens are remembered; older ones are forgotten first.
const SYNC_LIMIT: usize = 10_000;

/// Where a delta round stands.
#[derive(Clone, Debug)]
pub(crate) struct SyncState {
    pub(super) tenant_id: String,
    pub(super) address: String,
    pub(super) folder: FolderKind,
    /// Changes after this counter value are reported.
    pub(super) since: u64,
    /// The counter value the round reports up to (set while paging).
    pub(super) upto: Option<u64>,
    /// The last change already reported in this round (while paging).
    pub(super) after: u64,
    pub(super) select: Option<String>,
    pub(super) filter: Option<String>,
    pub(super) page_size: usize,
}

/// Delta (`$deltatoken`) and delta paging (`$skiptoken`) states by token.
#[derive(Debug, Default)]
pub(crate) struct SyncStore {
    pub(super) states: HashMap<String, SyncState>,
    pub(super) order: VecDeque<String>,
}

impl SyncStore {
    pub(super) fn insert(&mut self, state: SyncState) -> String {
        let mut bytes = Vec::with_capacity(32);
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        use base64::Engine as _;
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        if self.order.len() >= SYNC_LIMIT {
            if let Some(old) = self.order.pop_front() {
                self.states.remove(&old);
            }
        }
        self.order.push_back(token.clone());
        self.states.insert(token.clone(), state);
        token
    }
}
