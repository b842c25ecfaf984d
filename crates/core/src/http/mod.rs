//! The one HTTP client of a run: timeouts on every request, bounded retries of 429/503 that honour
//! `Retry-After` (whole or fractional seconds, or an HTTP date), and a cap on body size.
//!
//! The parts: [`client`] (the client and its requests), [`retry`] (the policy and `Retry-After`),
//! [`response`] (a response and its body), [`error`] ([`HttpError`] and its wording, [`Route`]),
//! [`redact`] (the secret taken out), [`proxy`] ([`ProxyRules`]) and [`tls`] (certificates).
//!
//! A response that is still throttled when the retry budget is spent is returned as it is, so the
//! caller can explain it ([`HttpResponse::throttled`] words it); transport failures become an
//! [`HttpError`] that names the host and says what happened, never the request body (which may
//! carry the client secret) and never the response body (a proxy could echo the request).
//!
//! Every way an answer can be unusable has its own [`HttpError`] variant, so an admin reads what
//! happened: no answer in time ([`HttpError::Timeout`]), an answer that started and never finished
//! ([`HttpError::TooSlow`]), a connection cut mid-answer ([`HttpError::BrokeOff`]), an HTML page
//! from a proxy or captive portal ([`HttpError::Html`]), a body that is not JSON
//! ([`HttpError::NotJson`]) or is labelled as something else ([`HttpError::WrongType`]), and
//! throttling that outlasts the retry budget ([`HttpError::Throttled`]).
//!
//! Company networks: certificates are checked by the operating system's verifier
//! (rustls-platform-verifier, in `tls_config`), so a TLS-inspecting proxy whose company CA the OS
//! trusts works, and proxies come from [`ProxyRules`] (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`,
//! then the OS settings; never for loopback). A connection that fails says which way it went
//! ([`Route`]): [`HttpError::Connect`], [`HttpError::Proxy`] (the proxy refused, wants a sign-in,
//! or is down) and [`HttpError::Tls`] (unknown issuer — TLS inspection —, expired, wrong name),
//! worded from the catalog `i18n/{en,de}-net.ftl` ([`HttpError::text_in`], [`HttpError::fix_in`]).
//! Every other variant is worded there too ([`HttpError::msg`]: its summary, and the fix as the
//! message's `.fix`), so a face words any HTTP failure in its language.

mod client;
mod error;
mod proxy;
mod redact;
mod response;
mod retry;
mod tls;

pub(crate) use client::host_of;
pub use client::{FollowError, HttpClient};
pub use error::{CertProblem, HttpError, ProxyProblem, Route, MAX_BODY_BYTES};
pub use proxy::ProxyRules;
pub use redact::redact_text;
pub use response::HttpResponse;
pub use retry::{parse_retry_after, HostThrottling, RetryPolicy, MAX_RETRY_BUDGET};

#[cfg(test)]
mod tests;
