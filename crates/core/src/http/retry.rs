//! How throttled requests are retried: the policy (attempts and a wait budget that follows the
//! timeout) and the `Retry-After` header (whole or fractional seconds, or an HTTP date).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

/// How throttled requests are retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Total time spent waiting between attempts, at most.
    pub budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            budget: MAX_RETRY_BUDGET,
        }
    }
}

/// The longest a run waits for throttling to clear, whatever the timeout.
pub const MAX_RETRY_BUDGET: Duration = Duration::from_secs(20);

impl RetryPolicy {
    /// The policy for a per-request timeout: the wait budget is twice the timeout, at least 1 s
    /// and at most [`MAX_RETRY_BUDGET`] (20 s, reached from a 10 s timeout). A short timeout says
    /// "answer quickly", so it also shortens the wait for throttling to clear; the default 30 s
    /// timeout keeps the full 20 s.
    pub fn for_timeout(timeout: Duration) -> Self {
        RetryPolicy {
            budget: (timeout * 2).clamp(Duration::from_secs(1), MAX_RETRY_BUDGET),
            ..RetryPolicy::default()
        }
    }
}

/// Parses a `Retry-After` value: seconds (fractional allowed) or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(secs) = v.parse::<f64>() {
        if secs.is_finite() && secs >= 0.0 {
            return Some(Duration::from_secs_f64(secs.min(86_400.0)));
        }
        return None;
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let delta = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(
        delta
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(Duration::from_secs(86_400)),
    )
}

/// Throttling one host did during a run: the requests it answered 429 or 503 (each counted once,
/// however often it was retried) and the time waited before retrying them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostThrottling {
    /// The host (and port).
    pub host: String,
    /// Requests answered 429 or 503 at least once.
    pub requests: u32,
    /// Time waited before retrying them, in total.
    pub waited: Duration,
}

/// The throttling a client saw, by host (shared by its clones; [`super::HttpClient::counting`]
/// starts a new one).
#[derive(Debug, Default)]
pub(super) struct Tally(Mutex<BTreeMap<String, (u32, Duration)>>);

impl Tally {
    /// One throttled request to `host` and the time waited for it.
    pub(super) fn record(&self, host: &str, waited: Duration) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let entry = map.entry(host.to_string()).or_default();
        entry.0 += 1;
        entry.1 += waited;
    }

    /// What was recorded, by host.
    pub(super) fn hosts(&self) -> Vec<HostThrottling> {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.iter()
            .map(|(host, (requests, waited))| HostThrottling {
                host: host.clone(),
                requests: *requests,
                waited: *waited,
            })
            .collect()
    }
}
