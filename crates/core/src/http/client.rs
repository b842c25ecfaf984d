//! [`HttpClient`]: the one client of a run. Every request has a timeout, 429/503 answers are
//! retried within the [`RetryPolicy`], the body is capped at [`MAX_BODY_BYTES`], and a transport
//! failure becomes an [`HttpError`] that names the host.

use super::error::{HttpError, Route, MAX_BODY_BYTES};
use super::proxy::ProxyRules;
use super::response::HttpResponse;
use super::retry::{parse_retry_after, HostThrottling, RetryPolicy, Tally};
use super::tls::{cert_problem, proxy_problem, tls_config};
use crate::i18n::{args, Msg};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What stopped [`HttpClient::follow_redirect`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowError {
    /// The page gave no usable answer.
    Page(HttpError),
    /// The page answered (with this status) without a redirect.
    NoRedirect(u16),
    /// The redirect goes where it may not be followed.
    Refused,
    /// The redirect's target gave no usable answer.
    Target(HttpError),
}

/// The HTTP client shared by all requests of one run (connections are reused).
#[derive(Clone, Debug)]
pub struct HttpClient {
    inner: reqwest::Client,
    timeout: Duration,
    policy: RetryPolicy,
    proxies: ProxyRules,
    /// The throttled requests of this client and its clones.
    tally: Arc<Tally>,
}

/// The host (and port) of `url`, as errors and the throttling tally name it.
pub(crate) fn host_of(url: &str) -> String {
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

/// Plain words for how a connection ended early, with the byte count when known
/// (`net-broke-off-how`; the library's words only when the way is not recognised).
pub(super) fn broke_off_detail(
    cause: &str,
    received: Option<usize>,
    announced: Option<u64>,
) -> Msg {
    let lower = cause.to_ascii_lowercase();
    let how = if lower.contains("reset") {
        "reset"
    } else if lower.contains("end of file")
        || lower.contains("closed before")
        || lower.contains("incomplete")
        || lower.contains("unexpected eof")
        || lower.contains("broken pipe")
    {
        "closed"
    } else {
        "other"
    };
    let progress = match (received, announced) {
        (Some(_), Some(_)) => "of",
        (Some(_), None) => "bytes",
        _ => "none",
    };
    Msg::new(
        "net-broke-off-how",
        args([
            ("how", serde_json::Value::from(how)),
            ("cause", cause.into()),
            ("progress", progress.into()),
            ("received", received.unwrap_or(0).into()),
            ("announced", announced.unwrap_or(0).into()),
        ]),
    )
}

pub(super) fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur: &(dyn std::error::Error + 'static) = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

impl HttpClient {
    /// A client whose every request times out after `timeout`, with the retry budget
    /// [`RetryPolicy::for_timeout`] gives.
    pub fn new(timeout: Duration) -> Self {
        Self::with_policy(timeout, RetryPolicy::for_timeout(timeout))
    }

    /// A client with a custom retry policy.
    pub fn with_policy(timeout: Duration, policy: RetryPolicy) -> Self {
        Self::with_proxies(timeout, policy, ProxyRules::from_system())
    }

    /// A client with a custom retry policy and proxy rules.
    pub fn with_proxies(timeout: Duration, policy: RetryPolicy, proxies: ProxyRules) -> Self {
        let timeout = timeout.max(Duration::from_millis(100));
        let rules = proxies.clone();
        let inner = reqwest::Client::builder()
            .use_preconfigured_tls(tls_config())
            // The rules of `ProxyRules` (environment, then the OS settings; never for loopback).
            .proxy(reqwest::Proxy::custom(move |url| rules.proxy_url_for(url)))
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
            proxies,
            tally: Arc::default(),
        }
    }

    /// The same client (same connections and settings) counting throttling afresh: one run's
    /// requests, when many runs share a client.
    pub fn counting(&self) -> HttpClient {
        HttpClient {
            tally: Arc::default(),
            ..self.clone()
        }
    }

    /// The requests answered 429 or 503 so far, and the time waited before retrying them, by
    /// host (of this client and its clones since [`HttpClient::counting`] or [`HttpClient::new`]).
    pub fn throttling(&self) -> Vec<HostThrottling> {
        self.tally.hosts()
    }

    /// How a request to `url` goes out (directly, or through which proxy).
    pub fn route(&self, url: &str) -> Route {
        self.proxies.route(url)
    }

    /// The per-request timeout.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The retry policy.
    pub fn policy(&self) -> RetryPolicy {
        self.policy
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
        // A request answered 429/503 is counted once, with all the time waited for it.
        let count = |throttled: bool, waited: Duration| {
            if throttled {
                self.tally.record(&host_of(url), waited);
            }
        };
        loop {
            attempt += 1;
            let mut resp = match self.once(url, make(&self.inner)).await {
                Ok(resp) => resp,
                Err(e) => {
                    count(attempt > 1, waited);
                    return Err(e);
                }
            };
            resp.attempts = attempt;
            resp.waited = waited;
            resp.retry_budget = self.policy.budget;
            let retryable = resp.status == 429 || resp.status == 503;
            if !retryable || attempt > self.policy.max_retries {
                count(retryable || attempt > 1, waited);
                return Ok(resp);
            }
            let backoff = Duration::from_millis(500u64.saturating_mul(1 << (attempt - 1).min(6)));
            let wait = resp.retry_after.unwrap_or(backoff);
            if waited + wait > self.policy.budget
                || started.elapsed() + wait > self.policy.budget + self.timeout
            {
                count(true, waited);
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
        Ok(self.once_with_location(url, req).await?.0)
    }

    /// Plays a browser for one hop: GETs `url` (no credentials, no redirects followed), then GETs
    /// the `Location` it answers with, when `allowed` says that target may be visited. For the
    /// sign-in and consent pages whose answer goes to graphwiz's own loopback listener (the demo's
    /// "browser", the CLI's test hook). Returns the target's answer.
    pub async fn follow_redirect(
        &self,
        url: &str,
        allowed: impl Fn(&url::Url) -> bool,
    ) -> Result<HttpResponse, FollowError> {
        let (page, location) = self
            .once_with_location(url, self.inner.get(url))
            .await
            .map_err(FollowError::Page)?;
        let Some(location) = location else {
            return Err(FollowError::NoRedirect(page.status));
        };
        match url::Url::parse(&location) {
            Ok(target) if allowed(&target) => {}
            _ => return Err(FollowError::Refused),
        }
        self.once(&location, self.inner.get(&location))
            .await
            .map_err(FollowError::Target)
    }

    async fn once_with_location(
        &self,
        url: &str,
        req: reqwest::RequestBuilder,
    ) -> Result<(HttpResponse, Option<String>), HttpError> {
        let host = host_of(url);
        let secs = self.timeout.as_secs().max(1);
        let mut resp = req.send().await.map_err(|e| {
            if e.is_timeout() {
                HttpError::Timeout {
                    host: host.clone(),
                    secs,
                }
            } else if let Some((kind, detail)) = cert_problem(&e) {
                HttpError::Tls {
                    host: host.clone(),
                    route: self.route(url),
                    kind,
                    detail,
                }
            } else if e.is_connect() {
                let route = self.route(url);
                match (proxy_problem(&e), &route) {
                    (Some(problem), Route::Proxy { .. }) => HttpError::Proxy {
                        host: host.clone(),
                        route,
                        problem,
                        detail: root_cause(&e),
                    },
                    _ => HttpError::Connect {
                        host: host.clone(),
                        detail: root_cause(&e),
                        route,
                    },
                }
            } else {
                // The connection was made and the request (partly) sent, then it ended.
                HttpError::BrokeOff {
                    host: host.clone(),
                    detail: broke_off_detail(&root_cause(&e), None, None),
                }
            }
        })?;
        let status = resp.status().as_u16();
        let announced = resp.content_length();
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
        let location = header(reqwest::header::LOCATION);
        let mut body = Vec::new();
        loop {
            let chunk = match resp.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(e) if e.is_timeout() => {
                    return Err(HttpError::TooSlow {
                        host,
                        secs,
                        received: body.len(),
                    })
                }
                Err(e) => {
                    return Err(HttpError::BrokeOff {
                        detail: broke_off_detail(&root_cause(&e), Some(body.len()), announced),
                        host,
                    })
                }
            };
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(HttpError::TooLarge { host });
            }
            body.extend_from_slice(&chunk);
        }
        Ok((
            HttpResponse {
                status,
                body: String::from_utf8_lossy(&body).into_owned(),
                content_type,
                retry_after,
                attempts: 1,
                host,
                waited: Duration::ZERO,
                retry_budget: self.policy.budget,
            },
            location,
        ))
    }
}
