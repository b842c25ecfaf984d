//! Outlook's limit of four concurrent requests per mailbox: the server's middleware takes a slot
//! for every mailbox request and answers 429 when all four are taken.

use std::sync::Arc;

use crate::graph::path::{parse_path, resolve, Resource};
use crate::state::Shared;
use crate::wire::lock;

/// Outlook's limit of concurrent requests per mailbox.
pub(crate) const MAILBOX_CONCURRENCY: u32 = 4;

/// A held concurrency slot; releases it when dropped.
pub(crate) struct SlotGuard {
    shared: Arc<Shared>,
    key: String,
}

impl Drop for SlotGuard {
    fn drop(&mut self) {
        let mut map = lock(&self.shared.inflight);
        if let Some(n) = map.get_mut(&self.key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.key);
            }
        }
    }
}

/// For a mailbox request, takes one of the mailbox's four slots (`Some(Ok)`) or reports that all
/// are taken (`Some(Err)`); `None` for every other request.
pub(crate) fn acquire_slot(s: &Arc<Shared>, path: &str) -> Option<Result<SlotGuard, ()>> {
    let rest = path.strip_prefix("/v1.0/")?;
    let Some(Resource::Mail(user, _)) = resolve(&parse_path(rest)) else {
        return None;
    };
    let key = s
        .dir()
        .mailbox(&user.value)
        .map(|m| m.address.clone())
        .unwrap_or_else(|| user.value.trim().to_lowercase());
    let mut map = lock(&s.inflight);
    let n = map.entry(key.clone()).or_insert(0);
    if *n >= MAILBOX_CONCURRENCY {
        return Some(Err(()));
    }
    *n += 1;
    Some(Ok(SlotGuard {
        shared: s.clone(),
        key,
    }))
}
