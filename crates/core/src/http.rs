//! The one HTTP client of a run: timeouts on every request, bounded retries of 429/503 that honour
//! `Retry-After` (whole or fractional seconds, or an HTTP date), and a cap on body size.
//!
//! A response that is still throttled when the retry budget is spent is returned as it is, so the
//! caller can explain it; transport failures become an [`HttpError`] that names the host and says
//! what happened, never the request body (which may carry the client secret).

use std::time::{Duration, Instant};

/// Largest response body read; anything bigger is an error (no real answer comes close).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

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
            budget: Duration::from_secs(20),
        }
    }
}

/// A response read completely.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// HTTP status code.
    pub status: u16,
    /// Body as text (lossy UTF-8).
    pub body: String,
    /// `Content-Type` header, when sent.
    pub content_type: Option<String>,
    /// `Retry-After`, when sent and readable.
    pub retry_after: Option<Duration>,
    /// Attempts made (1 when not retried).
    pub attempts: u32,
}

impl HttpResponse {
    /// True for 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Parses the body as JSON.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, HttpError> {
        serde_json::from_str(&self.body).map_err(|e| HttpError::BadBody {
            detail: format!("the answer is not the expected JSON ({e})"),
        })
    }
}

/// A request that got no usable HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// No complete answer within the timeout.
    #[error("{host} did not answer within {secs} s")]
    Timeout {
        /// Host asked.
        host: String,
        /// The timeout in seconds.
        secs: u64,
    },
    /// The connection could not be made or broke off.
    #[error("could not talk to {host}: {detail}")]
    Connect {
        /// Host asked.
        host: String,
        /// What failed (DNS, refused, TLS, reset).
        detail: String,
    },
    /// The body could not be read or understood.
    #[error("{detail}")]
    BadBody {
        /// What was wrong with it.
        detail: String,
    },
}

impl HttpError {
    /// The advice that goes with this failure.
    pub fn fix(&self) -> String {
        match self {
            HttpError::Timeout { host, .. } => format!(
                "Check that this computer can reach https://{host} (proxy, firewall, VPN), then run the check again; use --timeout to wait longer on a slow network."
            ),
            HttpError::Connect { host, .. } => format!(
                "Check the network connection and that https://{host} is reachable from this computer (DNS, proxy, firewall, TLS inspection)."
            ),
            HttpError::BadBody { .. } => "The service sent an answer graphwiz could not read; a proxy may have replaced it. Run the check again, and check the proxy if it persists.".to_string(),
        }
    }
}

/// The HTTP client shared by all requests of one run (connections are reused).
#[derive(Clone, Debug)]
pub struct HttpClient {
    inner: reqwest::Client,
    timeout: Duration,
    policy: RetryPolicy,
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

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str().map(|h| match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h.to_string(),
            })
        })
        .unwrap_or_else(|| "the server".to_string())
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

impl HttpClient {
    /// A client whose every request times out after `timeout`.
    pub fn new(timeout: Duration) -> Self {
        Self::with_policy(timeout, RetryPolicy::default())
    }

    /// A client with a custom retry policy.
    pub fn with_policy(timeout: Duration, policy: RetryPolicy) -> Self {
        let timeout = timeout.max(Duration::from_millis(100));
        let inner = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("graphwiz/", env!("CARGO_PKG_VERSION")))
            .pool_idle_timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        HttpClient {
            inner,
            timeout,
            policy,
        }
    }

    /// The per-request timeout.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// GET with a bearer token.
    pub async fn get(&self, url: &str, bearer: &str) -> Result<HttpResponse, HttpError> {
        self.send(url, |c| c.get(url).bearer_auth(bearer)).await
    }

    /// GET without authentication.
    pub async fn get_anonymous(&self, url: &str) -> Result<HttpResponse, HttpError> {
        self.send(url, |c| c.get(url)).await
    }

    /// POST of a JSON body with a bearer token.
    pub async fn post_json(
        &self,
        url: &str,
        bearer: &str,
        body: &serde_json::Value,
    ) -> Result<HttpResponse, HttpError> {
        self.send(url, |c| c.post(url).bearer_auth(bearer).json(body))
            .await
    }

    /// PATCH of a JSON body with a bearer token.
    pub async fn patch_json(
        &self,
        url: &str,
        bearer: &str,
        body: &serde_json::Value,
    ) -> Result<HttpResponse, HttpError> {
        self.send(url, |c| c.patch(url).bearer_auth(bearer).json(body))
            .await
    }

    /// DELETE with a bearer token.
    pub async fn delete(&self, url: &str, bearer: &str) -> Result<HttpResponse, HttpError> {
        self.send(url, |c| c.delete(url).bearer_auth(bearer)).await
    }

    /// POST of a form (`application/x-www-form-urlencoded`).
    pub async fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
    ) -> Result<HttpResponse, HttpError> {
        self.send(url, |c| c.post(url).form(form)).await
    }

    /// Sends a request built by `make`, retrying 429 and 503 within the policy.
    pub async fn send(
        &self,
        url: &str,
        make: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<HttpResponse, HttpError> {
        let started = Instant::now();
        let mut waited = Duration::ZERO;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let mut resp = self.once(url, make(&self.inner)).await?;
            resp.attempts = attempt;
            let retryable = resp.status == 429 || resp.status == 503;
            if !retryable || attempt > self.policy.max_retries {
                return Ok(resp);
            }
            let backoff = Duration::from_millis(500u64.saturating_mul(1 << (attempt - 1).min(6)));
            let wait = resp.retry_after.unwrap_or(backoff);
            if waited + wait > self.policy.budget
                || started.elapsed() + wait > self.policy.budget + self.timeout
            {
                return Ok(resp);
            }
            tokio::time::sleep(wait).await;
            waited += wait;
        }
    }

    async fn once(
        &self,
        url: &str,
        req: reqwest::RequestBuilder,
    ) -> Result<HttpResponse, HttpError> {
        let host = host_of(url);
        let map = |e: reqwest::Error| {
            if e.is_timeout() {
                HttpError::Timeout {
                    host: host.clone(),
                    secs: self.timeout.as_secs().max(1),
                }
            } else if e.is_body() || e.is_decode() {
                HttpError::BadBody {
                    detail: format!(
                        "the answer from {host} broke off before it was complete ({})",
                        root_cause(&e)
                    ),
                }
            } else {
                HttpError::Connect {
                    host: host.clone(),
                    detail: root_cause(&e),
                }
            }
        };
        let mut resp = req.send().await.map_err(map)?;
        let status = resp.status().as_u16();
        let header = |name: reqwest::header::HeaderName| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let retry_after = header(reqwest::header::RETRY_AFTER)
            .as_deref()
            .and_then(parse_retry_after);
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(map)? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(HttpError::BadBody {
                    detail: format!(
                        "the answer from {host} is larger than {} MiB; it is not a Microsoft Graph or Entra ID answer",
                        MAX_BODY_BYTES / 1024 / 1024
                    ),
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status,
            body: String::from_utf8_lossy(&body).into_owned(),
            content_type,
            retry_after,
            attempts: 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after(" 0.25 "),
            Some(Duration::from_millis(250))
        );
        assert_eq!(parse_retry_after("1.5"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_retry_after("0"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("NaN"), None);
        assert_eq!(parse_retry_after("inf"), None);
        assert_eq!(parse_retry_after(""), None);
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("1e9"), Some(Duration::from_secs(86_400)));
        // A date in the past means "now".
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        let future = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
        let d = parse_retry_after(&future).unwrap();
        assert!(
            d > Duration::from_secs(25) && d <= Duration::from_secs(30),
            "{d:?}"
        );
    }

    #[test]
    fn host_names() {
        assert_eq!(host_of("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
        assert_eq!(
            host_of("https://login.microsoftonline.com/t"),
            "login.microsoftonline.com"
        );
        assert_eq!(host_of("nonsense"), "the server");
    }
}
