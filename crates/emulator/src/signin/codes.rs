//! The pending sign-ins the emulator remembers between requests: authorization codes handed out
//! by the authorize endpoint and device code sign-ins, and the random codes they are named by.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};

/// How many pending codes are remembered.
const STATE_LIMIT: usize = 10_000;

/// A code handed out by the authorize endpoint.
#[derive(Clone, Debug)]
pub(super) struct AuthCode {
    pub(super) tenant_id: String,
    pub(super) client_id: String,
    pub(super) redirect_uri: String,
    /// `(challenge, is_s256)`.
    pub(super) challenge: Option<(String, bool)>,
    pub(super) scopes: Vec<String>,
    pub(super) expires: DateTime<Utc>,
    pub(super) redeemed: bool,
}

/// One device code sign-in.
#[derive(Clone, Debug)]
pub(super) struct DeviceFlow {
    pub(super) tenant_id: String,
    pub(super) client_id: String,
    pub(super) scopes: Vec<String>,
    pub(super) issued: Instant,
    pub(super) expires: Instant,
    pub(super) interval: Duration,
    pub(super) pending_left: u32,
    pub(super) last_poll: Option<Instant>,
    pub(super) done: bool,
}

/// Pending authorization codes and device codes.
#[derive(Debug, Default)]
pub(crate) struct SigninState {
    pub(super) codes: HashMap<String, AuthCode>,
    pub(super) devices: HashMap<String, DeviceFlow>,
}

impl SigninState {
    pub(super) fn prune(&mut self, now: DateTime<Utc>, instant: Instant) {
        if self.codes.len() >= STATE_LIMIT {
            self.codes.retain(|_, c| c.expires > now);
            if self.codes.len() >= STATE_LIMIT {
                self.codes.clear();
            }
        }
        if self.devices.len() >= STATE_LIMIT {
            self.devices.retain(|_, d| d.expires > instant);
            if self.devices.len() >= STATE_LIMIT {
                self.devices.clear();
            }
        }
    }
}

pub(super) fn random_token(uuids: usize) -> String {
    let mut bytes = Vec::with_capacity(uuids * 16);
    for _ in 0..uuids {
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A user code like `ABCD-EFGH`.
pub(super) fn user_code() -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    let bytes = *uuid::Uuid::new_v4().as_bytes();
    let mut out = String::with_capacity(9);
    for (i, b) in bytes.iter().take(8).enumerate() {
        if i == 4 {
            out.push('-');
        }
        out.push(char::from(LETTERS[usize::from(*b) % LETTERS.len()]));
    }
    out
}
