//! The one HTTP client of a run: timeouts on every request, bounded retries of 429/503 that honour
//! `Retry-After` (whole or fractional seconds, or an HTTP date), and a cap on body size.
//!
//! Why this file is long (about 2,100 lines with its tests): transport, retries, every
//! unusable-answer error with its catalog arguments, TLS and proxy detection belong to the one
//! client; `HttpError` with its message arguments (and `ProxyRules`) are the next parts to move to
//! files of their own.
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

use crate::i18n::{args, decimal_arg, msg_arg, Args, Lang, Msg};
use std::sync::{Arc, OnceLock};
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
    /// The host (and port) asked, for messages.
    pub host: String,
    /// Time spent waiting between attempts (Retry-After or back-off).
    pub waited: Duration,
    /// The retry budget the client had for this request.
    pub retry_budget: Duration,
}

impl HttpResponse {
    /// True for 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Parses the body as JSON, explaining precisely why when it is not: an HTML page, a body
    /// that is not JSON, one labelled with another content type, one cut off, or JSON of another
    /// shape. A missing `Content-Type` is tolerated; a non-JSON one is not (Entra ID and
    /// Microsoft Graph always label their JSON, so something else answered or changed it).
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, HttpError> {
        if let Some(e) = self.html_page() {
            return Err(e);
        }
        let parsed = serde_json::from_str::<T>(&self.body);
        if let Some(ct) = self.content_type.as_deref().filter(|ct| !is_json_type(ct)) {
            return match parsed {
                Ok(_) => Err(HttpError::WrongType {
                    host: self.host.clone(),
                    status: self.status,
                    content_type: printable(ct, 80),
                }),
                Err(e) => Err(HttpError::NotJson {
                    host: self.host.clone(),
                    status: self.status,
                    content_type: Some(printable(ct, 80)),
                    detail: syntax_detail(&e),
                }),
            };
        }
        parsed.map_err(|e| match e.classify() {
            serde_json::error::Category::Eof => HttpError::BrokeOff {
                host: self.host.clone(),
                detail: Msg::new("net-cut-off", args([("bytes", self.body.len())])),
            },
            serde_json::error::Category::Data => HttpError::BadBody {
                detail: format!(
                    "the answer from {} is JSON, but not the JSON expected ({})",
                    self.host,
                    data_detail(&e)
                ),
            },
            _ => HttpError::NotJson {
                host: self.host.clone(),
                status: self.status,
                content_type: self.content_type.as_deref().map(|c| printable(c, 80)),
                detail: syntax_detail(&e),
            },
        })
    }

    /// An [`HttpError::Html`] when the body is an HTML page (by content type or by its first
    /// tag): what proxies, captive portals and web filters answer with.
    pub fn html_page(&self) -> Option<HttpError> {
        let labelled_html = self.content_type.as_deref().is_some_and(|ct| {
            media_type(ct) == "text/html" || media_type(ct) == "application/xhtml+xml"
        });
        let looks_html = looks_like_html(&self.body);
        // JSON labelled text/html is not a page: that is WrongType, found by `json`.
        if looks_html
            || (labelled_html && serde_json::from_str::<serde_json::Value>(&self.body).is_err())
        {
            return Some(HttpError::Html {
                host: self.host.clone(),
                status: self.status,
                title: html_title(&self.body),
            });
        }
        None
    }

    /// For an error answer that is not the service's own error JSON: why (an HTML page, or not
    /// JSON at all); `None` when it is JSON (then the caller says "unexpected answer").
    pub fn unreadable_error(&self) -> Option<HttpError> {
        if let Some(e) = self.html_page() {
            return Some(e);
        }
        match serde_json::from_str::<serde_json::Value>(&self.body) {
            Ok(_) => None,
            Err(e) => Some(HttpError::NotJson {
                host: self.host.clone(),
                status: self.status,
                content_type: self.content_type.as_deref().map(|c| printable(c, 80)),
                detail: if self.body.trim().is_empty() {
                    Msg::plain("net-empty")
                } else {
                    syntax_detail(&e)
                },
            }),
        }
    }

    /// An [`HttpError::Throttled`] when this is a 429 or 503 that was still there when the retry
    /// budget ran out (the client retries them, so one that comes back was not cleared).
    pub fn throttled(&self) -> Option<HttpError> {
        (self.status == 429 || self.status == 503).then(|| HttpError::Throttled {
            host: self.host.clone(),
            status: self.status,
            retry_after: self.retry_after,
            attempts: self.attempts,
            waited: self.waited,
            budget: self.retry_budget,
        })
    }
}

/// The media type of a `Content-Type` value, lower case, without parameters.
fn media_type(ct: &str) -> String {
    ct.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// True for `application/json`, `text/json` and `…+json` types.
fn is_json_type(ct: &str) -> bool {
    let m = media_type(ct);
    m == "application/json" || m == "text/json" || m.ends_with("+json")
}

/// True when a body starts like an HTML document.
fn looks_like_html(body: &str) -> bool {
    let start: String = body
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<head")
        || start.starts_with("<body")
}

/// The text of the first `<title>`, cleaned and shortened; it helps recognise the portal or
/// filter ("Guest Wi-Fi", a web filter's block page).
fn html_title(body: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title = printable(body.get(start..end)?, 60);
    (!title.is_empty()).then_some(title)
}

/// `text` with control characters dropped, whitespace collapsed, at most `max` characters.
fn printable(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined: String = words
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if joined.chars().count() > max {
        let cut: String = joined.chars().take(max).collect();
        format!("{cut}…")
    } else {
        joined
    }
}

/// Where JSON parsing failed, without quoting the body.
fn syntax_detail(e: &serde_json::Error) -> Msg {
    Msg::new(
        "net-syntax",
        args([("line", e.line()), ("column", e.column())]),
    )
}

/// What serde expected, without quoting values from the body (it could echo a request).
fn data_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // "missing field `x`" and "unknown variant" name fields, not values; "invalid type: string
    // \"…\", expected …" would quote a value: keep only what was expected.
    if let Some((_, expected)) = text.split_once(", expected ") {
        let expected = expected.split(" at line ").next().unwrap_or(expected);
        format!(
            "a value of the wrong type where {expected} was expected, at line {}, column {}",
            e.line(),
            e.column()
        )
    } else {
        text
    }
}

/// A request that got no usable HTTP answer. [`HttpError::msg`] is its catalog message (summary,
/// and the fix as `.fix`; `net-*` in `i18n/{en,de}-net.ftl`); `Display` is its English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// No answer within the timeout.
    Timeout {
        /// Host asked.
        host: String,
        /// The timeout in seconds.
        secs: u64,
    },
    /// The connection could not be made.
    Connect {
        /// Host asked.
        host: String,
        /// What failed (DNS, refused, TLS).
        detail: String,
        /// Directly or through which proxy.
        route: Route,
    },
    /// The proxy in use could not be reached, asked for a sign-in or refused the tunnel.
    Proxy {
        /// Host asked.
        host: String,
        /// The proxy and who set it.
        route: Route,
        /// What the proxy did.
        problem: ProxyProblem,
        /// The low-level reason.
        detail: String,
    },
    /// The server's certificate was not accepted (unknown issuer: TLS inspection, or expired,
    /// for another name, …).
    Tls {
        /// Host asked.
        host: String,
        /// Directly or through which proxy.
        route: Route,
        /// What is wrong with the certificate.
        kind: CertProblem,
        /// The TLS library's words for it.
        detail: String,
    },
    /// The connection broke off before the answer was complete.
    BrokeOff {
        /// Host asked.
        host: String,
        /// How (reset, closed early, how many bytes arrived).
        detail: Msg,
    },
    /// The answer started but was not complete within the timeout.
    TooSlow {
        /// Host asked.
        host: String,
        /// The timeout in seconds.
        secs: u64,
        /// Bytes of the body that arrived.
        received: usize,
    },
    /// Still throttled (429) or unavailable (503) when the retry budget was spent.
    Throttled {
        /// Host asked.
        host: String,
        /// 429 or 503.
        status: u16,
        /// The last `Retry-After`, when one was sent.
        retry_after: Option<Duration>,
        /// Attempts made.
        attempts: u32,
        /// Time waited between attempts.
        waited: Duration,
        /// The retry budget.
        budget: Duration,
    },
    /// An HTML page instead of JSON.
    Html {
        /// Host asked.
        host: String,
        /// HTTP status.
        status: u16,
        /// The page's title, cleaned and shortened.
        title: Option<String>,
    },
    /// A body that is not JSON.
    NotJson {
        /// Host asked.
        host: String,
        /// HTTP status.
        status: u16,
        /// Its `Content-Type`, when sent.
        content_type: Option<String>,
        /// Where parsing failed (never the body itself).
        detail: Msg,
    },
    /// JSON labelled with a content type that is not JSON.
    WrongType {
        /// Host asked.
        host: String,
        /// HTTP status.
        status: u16,
        /// The `Content-Type` sent.
        content_type: String,
    },
    /// A body larger than [`MAX_BODY_BYTES`].
    TooLarge {
        /// Host asked.
        host: String,
    },
    /// The body could not be read or understood.
    BadBody {
        /// What was wrong with it (the words of the code that found it).
        detail: String,
    },
}

impl std::fmt::Display for HttpError {
    /// English, from the catalog.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for HttpError {}

/// Seconds as a decimal argument with as many places as it needs, at most two: `4`, `0.5`,
/// `0.25` (`0,5` in German).
fn secs_arg(d: Duration) -> serde_json::Value {
    let text = format!("{:.2}", d.as_secs_f64());
    let places = text
        .split_once('.')
        .map_or(0, |(_, frac)| frac.trim_end_matches('0').len());
    decimal_arg(d.as_secs_f64(), places as u8)
}

impl HttpError {
    /// The advice that goes with this failure (English; [`HttpError::fix_in`] words it).
    pub fn fix(&self) -> String {
        self.fix_in(Lang::En)
    }

    /// The same error with every occurrence of `secret` (as is, and form- or percent-encoded)
    /// replaced by `<client secret>`: for errors of requests that carried the secret, in case a
    /// proxy echoed the request back into something graphwiz quotes.
    pub fn redact(self, secret: &str) -> Self {
        let r = |s: String| redact_text(s, secret);
        match self {
            HttpError::Timeout { host, secs } => HttpError::Timeout {
                host: r(host),
                secs,
            },
            HttpError::Connect {
                host,
                detail,
                route,
            } => HttpError::Connect {
                host: r(host),
                detail: r(detail),
                route,
            },
            HttpError::Proxy {
                host,
                route,
                problem,
                detail,
            } => HttpError::Proxy {
                host: r(host),
                route,
                problem,
                detail: r(detail),
            },
            HttpError::Tls {
                host,
                route,
                kind,
                detail,
            } => HttpError::Tls {
                host: r(host),
                route,
                kind,
                detail: r(detail),
            },
            HttpError::BrokeOff { host, detail } => HttpError::BrokeOff {
                host: r(host),
                detail: redact_msg(detail, secret),
            },
            HttpError::TooSlow {
                host,
                secs,
                received,
            } => HttpError::TooSlow {
                host: r(host),
                secs,
                received,
            },
            HttpError::Throttled {
                host,
                status,
                retry_after,
                attempts,
                waited,
                budget,
            } => HttpError::Throttled {
                host: r(host),
                status,
                retry_after,
                attempts,
                waited,
                budget,
            },
            HttpError::Html {
                host,
                status,
                title,
            } => HttpError::Html {
                host: r(host),
                status,
                title: title.map(r),
            },
            HttpError::NotJson {
                host,
                status,
                content_type,
                detail,
            } => HttpError::NotJson {
                host: r(host),
                status,
                content_type: content_type.map(r),
                detail: redact_msg(detail, secret),
            },
            HttpError::WrongType {
                host,
                status,
                content_type,
            } => HttpError::WrongType {
                host: r(host),
                status,
                content_type: r(content_type),
            },
            HttpError::TooLarge { host } => HttpError::TooLarge { host: r(host) },
            HttpError::BadBody { detail } => HttpError::BadBody { detail: r(detail) },
        }
    }
}

/// `m` with `secret` taken out of every text among its arguments (nested messages too).
fn redact_msg(m: Msg, secret: &str) -> Msg {
    fn value(v: serde_json::Value, secret: &str) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::String(s) => Value::String(redact_text(s, secret)),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|i| value(i, secret)).collect())
            }
            Value::Object(o) => {
                Value::Object(o.into_iter().map(|(k, v)| (k, value(v, secret))).collect())
            }
            other => other,
        }
    }
    Msg {
        id: m.id,
        args: m
            .args
            .into_iter()
            .map(|(k, v)| (k, value(v, secret)))
            .collect(),
    }
}

/// `text` with `secret` (as is, form-encoded and percent-encoded) replaced by `<client secret>`.
pub fn redact_text(text: String, secret: &str) -> String {
    if secret.is_empty() {
        return text;
    }
    let form: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let percent = form.replace('+', "%20");
    let mut out = text;
    for needle in [secret, form.as_str(), percent.as_str()] {
        if !needle.is_empty() && out.contains(needle) {
            out = out.replace(needle, "<client secret>");
        }
    }
    out
}

/// How a request goes out: directly or through a proxy, and which setting decided. Worded by the
/// catalog message `net-route` (en-net.ftl, de-net.ftl).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// No proxy is set (environment and system settings).
    Direct,
    /// A loopback address: never through a proxy (no proxy can reach this computer's loopback;
    /// the emulator and the demo tenant live there).
    Loopback,
    /// A proxy is set, but `source` (`NO_PROXY` or `system`) exempts this host.
    Bypass {
        /// `NO_PROXY` or `system`.
        source: String,
    },
    /// Through `proxy`, set by `source`.
    Proxy {
        /// The proxy's URL (`scheme://host:port`), never its user or password.
        proxy: String,
        /// `HTTPS_PROXY`, `ALL_PROXY`, … or `system` (the OS proxy settings).
        source: String,
    },
}

impl Route {
    /// `via`, `proxy` and `source` for the catalog, plus `host` and `detail`.
    fn args(&self, host: &str, detail: &str) -> Args {
        let (via, proxy, source) = match self {
            Route::Direct => ("direct", "", ""),
            Route::Loopback => ("loopback", "", ""),
            Route::Bypass { source } => ("bypass", "", source.as_str()),
            Route::Proxy { proxy, source } => ("proxy", proxy.as_str(), source.as_str()),
        };
        crate::i18n::args([
            ("host", host),
            ("detail", detail),
            ("via", via),
            ("proxy", proxy),
            ("source", source),
        ])
    }

    /// The proxy's URL when the request goes through one.
    pub fn proxy(&self) -> Option<&str> {
        match self {
            Route::Proxy { proxy, .. } => Some(proxy),
            _ => None,
        }
    }

    /// The route's words in `lang`: "directly, without a proxy (…)", "through the proxy … (set by
    /// HTTPS_PROXY)".
    pub fn text(&self, lang: Lang) -> String {
        net_text(lang, "net-route", &self.args("", ""))
    }
}

/// What a proxy did to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyProblem {
    /// The proxy itself could not be reached (refused, DNS, timeout).
    Connect,
    /// HTTP 407: the proxy wants a sign-in.
    Auth,
    /// The proxy answered the CONNECT with something other than 200.
    Refused,
    /// The proxy closed the connection during the CONNECT.
    Closed,
}

impl ProxyProblem {
    fn code(self) -> &'static str {
        match self {
            ProxyProblem::Connect => "connect",
            ProxyProblem::Auth => "auth",
            ProxyProblem::Refused => "refused",
            ProxyProblem::Closed => "closed",
        }
    }
}

/// What is wrong with a server certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertProblem {
    /// Issued by a CA the OS trust store does not hold: TLS inspection with a company CA that is
    /// not installed, or a self-signed certificate.
    UnknownIssuer,
    /// Expired.
    Expired,
    /// Not valid yet (often a wrong clock).
    NotYetValid,
    /// Issued for another name.
    WrongName,
    /// Anything else (revoked, bad signature, wrong purpose, …).
    Other,
}

impl CertProblem {
    fn code(self) -> &'static str {
        match self {
            CertProblem::UnknownIssuer => "unknown_issuer",
            CertProblem::Expired => "expired",
            CertProblem::NotYetValid => "not_yet_valid",
            CertProblem::WrongName => "wrong_name",
            CertProblem::Other => "other",
        }
    }
}

fn proxy_args(host: &str, route: &Route, problem: ProxyProblem, detail: &str) -> Args {
    let mut a = route.args(host, detail);
    a.insert("problem".into(), problem.code().into());
    a
}

fn tls_args(host: &str, route: &Route, kind: CertProblem, detail: &str) -> Args {
    let mut a = route.args(host, detail);
    a.insert("kind".into(), kind.code().into());
    a
}

/// A catalog text with surrounding whitespace trimmed.
fn net_text(lang: Lang, id: &str, args: &Args) -> String {
    crate::i18n::text(lang, id, args).trim().to_string()
}

impl HttpError {
    /// The `$error` of catalog messages `net-error`, `net-advice` and `net-failed` for this error.
    pub fn code(&self) -> &'static str {
        match self {
            HttpError::Timeout { .. } => "timeout",
            HttpError::Connect { .. } => "connect",
            HttpError::Proxy { .. } => "proxy",
            HttpError::Tls { .. } => "tls",
            HttpError::BrokeOff { .. } => "broke_off",
            HttpError::TooSlow { .. } => "too_slow",
            HttpError::Throttled { .. } => "throttled",
            HttpError::Html { .. } => "html",
            HttpError::NotJson { .. } => "not_json",
            HttpError::WrongType { .. } => "wrong_type",
            HttpError::TooLarge { .. } => "too_large",
            HttpError::BadBody { .. } => "bad_body",
        }
    }

    /// The catalog message of this error: its value is the summary, its `.fix` the advice.
    pub fn msg(&self) -> Msg {
        let (id, a) = self.parts();
        Msg::new(id, a)
    }

    /// The advice as a catalog message of its own (`net-advice`), for texts made of parts
    /// ([`crate::i18n::msg_arg`] words only a message's value).
    pub fn fix_msg(&self) -> Msg {
        let (_, mut a) = self.parts();
        a.insert("error".into(), self.code().into());
        Msg::new("net-advice", a)
    }

    fn parts(&self) -> (&'static str, Args) {
        let host_status = |host: &str, status: u16| {
            args([
                ("host", serde_json::Value::from(host)),
                ("status", status.into()),
            ])
        };
        match self {
            HttpError::Timeout { host, secs } => (
                "net-timeout",
                args([
                    ("host", serde_json::Value::from(host.as_str())),
                    ("secs", (*secs).into()),
                ]),
            ),
            HttpError::Connect {
                host,
                detail,
                route,
            } => ("net-connect", route.args(host, detail)),
            HttpError::Proxy {
                host,
                route,
                problem,
                detail,
            } => ("net-proxy", proxy_args(host, route, *problem, detail)),
            HttpError::Tls {
                host,
                route,
                kind,
                detail,
            } => ("net-tls", tls_args(host, route, *kind, detail)),
            HttpError::BrokeOff { host, detail } => (
                "net-broke-off",
                args([
                    ("host", serde_json::Value::from(host.as_str())),
                    ("detail", msg_arg(detail)),
                ]),
            ),
            HttpError::TooSlow {
                host,
                secs,
                received,
            } => (
                "net-too-slow",
                args([
                    ("host", serde_json::Value::from(host.as_str())),
                    ("secs", (*secs).into()),
                    ("received", (*received).into()),
                ]),
            ),
            HttpError::Throttled {
                host,
                status,
                retry_after,
                attempts,
                waited,
                budget,
            } => {
                let mut a = host_status(host, *status);
                let retry = match retry_after {
                    Some(ra) if ra > budget => "longer",
                    Some(_) => "asked",
                    None => "none",
                };
                a.extend(args([
                    ("retry", serde_json::Value::from(retry)),
                    ("retry_after", secs_arg(retry_after.unwrap_or_default())),
                    ("waited", secs_arg(*waited)),
                    ("budget", secs_arg(*budget)),
                    ("attempts", (*attempts).into()),
                ]));
                ("net-throttled", a)
            }
            HttpError::Html {
                host,
                status,
                title,
            } => {
                let mut a = host_status(host, *status);
                a.insert(
                    "titled".into(),
                    if title.is_some() { "yes" } else { "no" }.into(),
                );
                a.insert("title".into(), title.clone().unwrap_or_default().into());
                ("net-html", a)
            }
            HttpError::NotJson {
                host,
                status,
                content_type,
                detail,
            } => {
                let mut a = host_status(host, *status);
                let label = match content_type.as_deref() {
                    Some(c) if is_json_type(c) => "json",
                    Some(_) => "other",
                    None => "none",
                };
                a.insert("label".into(), label.into());
                a.insert(
                    "content_type".into(),
                    content_type.clone().unwrap_or_default().into(),
                );
                a.insert("detail".into(), msg_arg(detail));
                ("net-not-json", a)
            }
            HttpError::WrongType {
                host,
                status,
                content_type,
            } => {
                let mut a = host_status(host, *status);
                a.insert("content_type".into(), content_type.as_str().into());
                ("net-wrong-type", a)
            }
            HttpError::TooLarge { host } => (
                "net-too-large",
                args([
                    ("host", serde_json::Value::from(host.as_str())),
                    ("mib", (MAX_BODY_BYTES / 1024 / 1024).into()),
                ]),
            ),
            HttpError::BadBody { detail } => ("net-bad-body", args([("detail", detail.as_str())])),
        }
    }

    /// The catalog message and arguments of this error, for every variant whose words are all
    /// the catalog's; `None` for [`HttpError::BadBody`] (its detail is its maker's own words).
    pub fn catalog(&self) -> Option<(&'static str, Args)> {
        match self {
            HttpError::BadBody { .. } => None,
            _ => Some(self.parts()),
        }
    }

    /// The arguments of catalog message `net-failed` for a check at `step` (`tenant`, `token`)
    /// that failed on this error: the check's summary and fix in every language.
    pub fn failed_check_args(&self, step: &str) -> Option<Args> {
        let (_, mut a) = self.parts();
        a.insert("step".into(), step.into());
        a.insert("error".into(), self.code().into());
        Some(a)
    }

    /// The error in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        self.msg().text(lang).trim().to_string()
    }

    /// The fix in `lang`.
    pub fn fix_in(&self, lang: Lang) -> String {
        self.msg().fix(lang).unwrap_or_default().trim().to_string()
    }

    /// The route of the request, when this error knows it.
    pub fn route(&self) -> Option<&Route> {
        match self {
            HttpError::Connect { route, .. }
            | HttpError::Proxy { route, .. }
            | HttpError::Tls { route, .. } => Some(route),
            _ => None,
        }
    }
}

/// The proxy rules of this process: the environment (`HTTPS_PROXY`, `https_proxy`, `ALL_PROXY`,
/// `all_proxy`, `NO_PROXY`, `no_proxy`; `HTTP_PROXY` for plain http), then, on Windows and macOS,
/// the system's proxy settings — the same rules, read by the same code, as the client applies.
#[derive(Clone)]
pub struct ProxyRules {
    matcher: Arc<hyper_util::client::proxy::matcher::Matcher>,
    env: EnvLookup,
}

/// Reads an environment variable (the process's, or fixed values in tests).
type EnvLookup = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

impl std::fmt::Debug for ProxyRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProxyRules").finish_non_exhaustive()
    }
}

impl ProxyRules {
    /// The rules from this process's environment and the OS.
    pub fn from_system() -> Self {
        ProxyRules {
            matcher: Arc::new(hyper_util::client::proxy::matcher::Matcher::from_system()),
            env: Arc::new(|name| std::env::var(name).ok()),
        }
    }

    /// Rules from explicit values (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`), for tests.
    pub fn from_values(https: Option<&str>, all: Option<&str>, no: Option<&str>) -> Self {
        let mut b = hyper_util::client::proxy::matcher::Matcher::builder();
        if let Some(v) = https {
            b = b.https(v);
        }
        if let Some(v) = all {
            b = b.all(v);
        }
        if let Some(v) = no {
            b = b.no(v);
        }
        let vars: Vec<(String, String)> =
            [("HTTPS_PROXY", https), ("ALL_PROXY", all), ("NO_PROXY", no)]
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k.to_string(), v.to_string())))
                .collect();
        ProxyRules {
            matcher: Arc::new(b.build()),
            env: Arc::new(move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())),
        }
    }

    fn env_first(&self, names: &[&'static str]) -> Option<&'static str> {
        names
            .iter()
            .copied()
            .find(|n| (self.env)(n).is_some_and(|v| !v.trim().is_empty()))
    }

    /// How a request to `url` goes out.
    pub fn route(&self, url: &str) -> Route {
        let Ok(parsed) = url::Url::parse(url) else {
            return Route::Direct;
        };
        if is_loopback(&parsed) {
            return Route::Loopback;
        }
        let Ok(uri) = url.parse::<http::Uri>() else {
            return Route::Direct;
        };
        let https = parsed.scheme() == "https";
        let env_names: &[&'static str] = if https {
            &["HTTPS_PROXY", "https_proxy"]
        } else {
            &["HTTP_PROXY", "http_proxy"]
        };
        match self.matcher.intercept(&uri) {
            Some(i) => {
                let p = i.uri();
                let proxy = format!(
                    "{}://{}",
                    p.scheme_str().unwrap_or("http"),
                    p.authority()
                        .map(|a| a.as_str().rsplit('@').next().unwrap_or("").to_string())
                        .unwrap_or_default()
                );
                let source = self
                    .env_first(env_names)
                    .or_else(|| self.env_first(&["ALL_PROXY", "all_proxy"]))
                    .unwrap_or("system");
                Route::Proxy {
                    proxy,
                    source: source.to_string(),
                }
            }
            None => {
                // Is a proxy set at all? Ask for a host no exception names.
                let probe = if https {
                    "https://graphwiz-proxy-probe.invalid/"
                } else {
                    "http://graphwiz-proxy-probe.invalid/"
                };
                let proxy_set = probe
                    .parse::<http::Uri>()
                    .ok()
                    .and_then(|u| self.matcher.intercept(&u))
                    .is_some()
                    || self.env_first(env_names).is_some()
                    || self.env_first(&["ALL_PROXY", "all_proxy"]).is_some();
                if !proxy_set {
                    Route::Direct
                } else {
                    let source = self
                        .env_first(&["NO_PROXY", "no_proxy"])
                        .unwrap_or("system");
                    Route::Bypass {
                        source: source.to_string(),
                    }
                }
            }
        }
    }

    /// The proxy URL (with its credentials) the client uses for `url`, or `None` for direct.
    fn proxy_url_for(&self, url: &reqwest::Url) -> Option<reqwest::Url> {
        if is_loopback(url) {
            return None;
        }
        let uri = url.as_str().parse::<http::Uri>().ok()?;
        let i = self.matcher.intercept(&uri)?;
        let mut proxy = reqwest::Url::parse(&i.uri().to_string()).ok()?;
        if let Some((user, pass)) = i.basic_auth().and_then(decode_basic) {
            let _ = proxy.set_username(&user);
            let _ = proxy.set_password(Some(&pass));
        }
        Some(proxy)
    }
}

/// user and password from a `Basic …` header value.
fn decode_basic(v: &reqwest::header::HeaderValue) -> Option<(String, String)> {
    use base64::Engine as _;
    let b64 = v.to_str().ok()?.strip_prefix("Basic ")?;
    let raw = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (user, pass) = text.split_once(':')?;
    let enc = |s: &str| -> String {
        url::form_urlencoded::byte_serialize(s.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    Some((enc(user), enc(pass)))
}

/// True for `localhost`, 127.0.0.0/8 and ::1.
fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// The TLS configuration of every client: rustls (ring) with the operating system's certificate
/// verifier (rustls-platform-verifier): Windows' and macOS' own verification, on Linux the CA
/// certificates of the system (`/etc/ssl/certs`, or `SSL_CERT_FILE`/`SSL_CERT_DIR`). There is no
/// built-in fallback: a CA the admin removed from the OS store is not trusted again here, and a
/// company CA the OS trusts (TLS inspection) is trusted. Made once per process.
fn tls_config() -> rustls::ClientConfig {
    static CONFIG: OnceLock<rustls::ClientConfig> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let verifier: Arc<dyn rustls::client::danger::ServerCertVerifier> =
                match rustls_platform_verifier::Verifier::new(provider.clone()) {
                    Ok(v) => Arc::new(v),
                    // No CA certificates at all (a Linux without ca-certificates): trust nothing,
                    // so every server is an unknown issuer and the message says what to install.
                    Err(_) => match rustls::client::WebPkiServerVerifier::builder_with_provider(
                        Arc::new(rustls::RootCertStore::empty()),
                        provider.clone(),
                    )
                    .build()
                    {
                        Ok(v) => v,
                        Err(_) => Arc::new(NoRoots(provider.clone())),
                    },
                };
            let mut config = match rustls::ClientConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()
            {
                Ok(b) => b,
                Err(_) => rustls::ClientConfig::builder_with_provider(provider)
                    .with_protocol_versions(rustls::DEFAULT_VERSIONS)
                    .expect("the default TLS versions are supported by ring"),
            }
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
            config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
            config
        })
        .clone()
}

/// A verifier that trusts no certificate (only used when no verifier can be built at all).
#[derive(Debug)]
struct NoRoots(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for NoRoots {
    fn verify_server_cert(
        &self,
        _: &rustls::pki_types::CertificateDer<'_>,
        _: &[rustls::pki_types::CertificateDer<'_>],
        _: &rustls::pki_types::ServerName<'_>,
        _: &[u8],
        _: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Err(rustls::Error::InvalidCertificate(
            rustls::CertificateError::UnknownIssuer,
        ))
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// The rustls error inside `err`: itself, or an `io::Error` carrying it.
fn rustls_error<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    if let Some(r) = err.downcast_ref::<rustls::Error>() {
        return Some(r);
    }
    if let Some(inner) = err
        .downcast_ref::<std::io::Error>()
        .and_then(|io| io.get_ref())
    {
        return rustls_error(inner);
    }
    None
}

/// The certificate problem in an error chain, when a TLS certificate was refused: from the
/// rustls error when it can be reached, else from its words ("invalid peer certificate: …").
fn cert_problem(e: &(dyn std::error::Error + 'static)) -> Option<(CertProblem, String)> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(tls @ rustls::Error::InvalidCertificate(c)) = rustls_error(err) {
            use rustls::CertificateError as C;
            let kind = match c {
                C::UnknownIssuer => CertProblem::UnknownIssuer,
                C::Expired | C::ExpiredContext { .. } => CertProblem::Expired,
                C::NotValidYet | C::NotValidYetContext { .. } => CertProblem::NotYetValid,
                C::NotValidForName | C::NotValidForNameContext { .. } => CertProblem::WrongName,
                _ => CertProblem::Other,
            };
            return Some((kind, tls.to_string()));
        }
        let text = err.to_string();
        if let Some(pos) = text.find("invalid peer certificate: ") {
            let what = &text[pos + "invalid peer certificate: ".len()..];
            let lower = what.to_ascii_lowercase();
            let kind = if what.starts_with("UnknownIssuer") {
                CertProblem::UnknownIssuer
            } else if lower.starts_with("expired") || lower.starts_with("certificate expired") {
                CertProblem::Expired
            } else if lower.contains("not valid yet") || what.starts_with("NotValidYet") {
                CertProblem::NotYetValid
            } else if lower.contains("not valid for name") || what.starts_with("NotValidForName") {
                CertProblem::WrongName
            } else {
                CertProblem::Other
            };
            return Some((kind, text[pos..].to_string()));
        }
        cur = err.source();
    }
    None
}

/// What the proxy did, from the tunnel error in the chain (hyper-util's `TunnelError` words).
fn proxy_problem(e: &(dyn std::error::Error + 'static)) -> Option<ProxyProblem> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        let text = err.to_string();
        if let Some(what) = text.strip_prefix("tunnel error: ") {
            return Some(match what {
                "proxy authorization required" => ProxyProblem::Auth,
                "unsuccessful" => ProxyProblem::Refused,
                "unexpected end of file" => ProxyProblem::Closed,
                _ => ProxyProblem::Connect,
            });
        }
        cur = err.source();
    }
    None
}

/// The HTTP client shared by all requests of one run (connections are reused).
#[derive(Clone, Debug)]
pub struct HttpClient {
    inner: reqwest::Client,
    timeout: Duration,
    policy: RetryPolicy,
    proxies: ProxyRules,
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

/// Plain words for how a connection ended early, with the byte count when known
/// (`net-broke-off-how`; the library's words only when the way is not recognised).
fn broke_off_detail(cause: &str, received: Option<usize>, announced: Option<u64>) -> Msg {
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

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
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
        }
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
        loop {
            attempt += 1;
            let mut resp = self.once(url, make(&self.inner)).await?;
            resp.attempts = attempt;
            resp.waited = waited;
            resp.retry_budget = self.policy.budget;
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
        Ok(HttpResponse {
            status,
            body: String::from_utf8_lossy(&body).into_owned(),
            content_type,
            retry_after,
            attempts: 1,
            host,
            waited: Duration::ZERO,
            retry_budget: self.policy.budget,
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

    fn answer(status: u16, content_type: Option<&str>, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            body: body.to_string(),
            content_type: content_type.map(str::to_string),
            retry_after: None,
            attempts: 1,
            host: "login.example".to_string(),
            waited: Duration::ZERO,
            retry_budget: Duration::from_secs(4),
        }
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Tok {
        access_token: String,
        expires_in: u32,
    }

    #[test]
    fn budget_follows_the_timeout() {
        let b = |s: f64| RetryPolicy::for_timeout(Duration::from_secs_f64(s)).budget;
        assert_eq!(b(2.0), Duration::from_secs(4));
        assert_eq!(b(0.1), Duration::from_secs(1));
        assert_eq!(b(10.0), MAX_RETRY_BUDGET);
        assert_eq!(b(30.0), RetryPolicy::default().budget);
        assert_eq!(b(600.0), MAX_RETRY_BUDGET);
        assert_eq!(
            HttpClient::new(Duration::from_secs(2)).policy().budget,
            Duration::from_secs(4)
        );
    }

    #[test]
    fn json_failures_are_named() {
        let json = Some("application/json; charset=utf-8");
        let ok = r#"{"access_token":"x","expires_in":1}"#;
        assert!(answer(200, json, ok).json::<Tok>().is_ok());
        assert!(
            answer(200, None, ok).json::<Tok>().is_ok(),
            "a missing type is tolerated"
        );
        assert!(answer(200, Some("application/problem+json"), ok)
            .json::<Tok>()
            .is_ok());

        let page = "<!DOCTYPE html><html><head><title>\n  Guest   Wi-Fi\n</title></head></html>";
        let e = answer(200, Some("text/html"), page)
            .json::<Tok>()
            .unwrap_err();
        assert_eq!(
            e,
            HttpError::Html {
                host: "login.example".into(),
                status: 200,
                title: Some("Guest Wi-Fi".into())
            }
        );
        let text = e.to_string();
        assert!(
            text.contains("an HTML page titled \"Guest Wi-Fi\"")
                && text.contains("proxy or captive portal"),
            "{text}"
        );
        // An HTML page is recognised whatever its label says.
        assert!(matches!(
            answer(200, json, " <html><body>x</body></html>").json::<Tok>(),
            Err(HttpError::Html { title: None, .. })
        ));

        let e = answer(200, Some("text/html; charset=utf-8"), ok)
            .json::<Tok>()
            .unwrap_err();
        assert!(matches!(e, HttpError::WrongType { .. }), "{e:?}");
        assert!(
            e.to_string()
                .contains("labelled 'text/html; charset=utf-8' instead of JSON"),
            "{e}"
        );

        let e = answer(200, Some("text/plain"), "{error: 'x'}")
            .json::<Tok>()
            .unwrap_err();
        assert!(
            e.to_string()
                .contains("is not JSON (it is labelled 'text/plain'): invalid at line 1, column 2"),
            "{e}"
        );
        let e = answer(200, json, "{\"a\": ,}").json::<Tok>().unwrap_err();
        assert!(
            e.to_string()
                .contains("is not JSON, although it is labelled 'application/json"),
            "{e}"
        );

        let e = answer(200, json, r#"{"access_token":"abc"#)
            .json::<Tok>()
            .unwrap_err();
        assert!(matches!(e, HttpError::BrokeOff { .. }), "{e:?}");
        assert!(
            e.to_string().contains("broke off") && e.to_string().contains("cut off"),
            "{e}"
        );

        // Values from the body are never quoted (a proxy could echo the request, secret and all).
        let echo = r#"{"access_token":"s3cr3t-from-the-form","expires_in":"s3cr3t-from-the-form"}"#;
        let e = answer(200, json, echo).json::<Tok>().unwrap_err();
        assert!(matches!(e, HttpError::BadBody { .. }), "{e:?}");
        assert!(!e.to_string().contains("s3cr3t"), "{e}");
        assert!(e.to_string().contains("u32"), "{e}");
        let e = answer(200, json, "{}").json::<Tok>().unwrap_err();
        assert!(
            e.to_string().contains("missing field `access_token`"),
            "{e}"
        );
    }

    #[test]
    fn error_answers_are_explained() {
        assert_eq!(
            answer(502, Some("application/json"), r#"{"x":1}"#).unreadable_error(),
            None
        );
        let e = answer(
            502,
            Some("text/html"),
            "<html><title>Bad gateway</title></html>",
        )
        .unreadable_error()
        .unwrap();
        assert!(
            e.to_string()
                .contains("HTML page titled \"Bad gateway\" (HTTP 502)"),
            "{e}"
        );
        let e = answer(500, None, "").unreadable_error().unwrap();
        assert!(
            e.to_string()
                .contains("(HTTP 500) is not JSON: the answer is empty"),
            "{e}"
        );
        assert_eq!(answer(200, None, "").throttled(), None);
        let mut t = answer(429, None, "");
        t.attempts = 5;
        t.retry_after = Some(Duration::from_millis(500));
        t.waited = Duration::from_secs(2);
        let text = t.throttled().unwrap().to_string();
        assert!(
            text.contains("throttled the requests (HTTP 429 Too Many Requests)")
                && text.contains("5 attempts over 2 s")
                && text.contains("Retry-After (0.5 s)")
                && text.contains("budget of 4 s"),
            "{text}"
        );
        t.retry_after = Some(Duration::from_secs(120));
        t.attempts = 1;
        let text = t.throttled().unwrap().to_string();
        assert!(text.contains("asked to wait 120 s (Retry-After), longer than graphwiz's retry budget of 4 s; gave up after 1 attempt"), "{text}");
        t.status = 503;
        t.retry_after = None;
        let text = t.throttled().unwrap().to_string();
        assert!(
            text.contains("HTTP 503 Service Unavailable")
                && text.contains("still unavailable")
                && text.contains("no Retry-After"),
            "{text}"
        );
    }

    #[test]
    fn broke_off_words() {
        assert_eq!(
            broke_off_detail("Connection reset by peer (os error 104)", Some(10), Some(2048))
                .to_string(),
            "the connection was reset after 10 of the 2048 bytes announced; the answer is truncated"
        );
        assert_eq!(
            broke_off_detail("end of file before message length reached", Some(3), None)
                .to_string(),
            "the server closed the connection early after 3 bytes; the answer is truncated"
        );
        assert_eq!(
            broke_off_detail("connection closed before message completed", None, None).to_string(),
            "the server closed the connection early"
        );
        assert_eq!(
            broke_off_detail("weird", None, None).to_string(),
            "the connection ended (weird)"
        );
        let e = HttpError::BrokeOff {
            host: "graph.microsoft.com".into(),
            detail: broke_off_detail("Connection reset by peer", Some(10), Some(2048)),
        };
        assert_eq!(
            e.text_in(Lang::De),
            "die Verbindung zu graph.microsoft.com brach ab, bevor die Antwort vollständig war: die Verbindung wurde zurückgesetzt, nachdem 10 von 2048 angekündigten Bytes angekommen waren; die Antwort ist unvollständig"
        );
        assert!(e
            .fix_in(Lang::De)
            .starts_with("Starten Sie die Prüfung erneut."));
    }

    #[test]
    fn redaction() {
        let secret = "cny8Q~a+b/c d";
        let form: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        let e = HttpError::NotJson {
            host: "h".into(),
            status: 200,
            content_type: Some(format!("x/{secret}")),
            detail: Msg::new(
                "net-bad-body",
                args([(
                    "detail",
                    format!("{form} and {} and {secret}", form.replace('+', "%20")),
                )]),
            ),
        }
        .redact(secret);
        let text = e.to_string();
        assert!(!text.contains(secret) && !text.contains(&form), "{text}");
        assert_eq!(text.matches("<client secret>").count(), 4, "{text}");
        assert_eq!(redact_text("abc".into(), ""), "abc");
    }

    #[test]
    fn proxy_routes_name_the_proxy_and_the_setting() {
        let none = ProxyRules::from_values(None, None, None);
        assert_eq!(
            none.route("https://login.microsoftonline.com/x"),
            Route::Direct
        );
        let rules = ProxyRules::from_values(
            Some("http://user:pa%40ss@proxy.corp.example:8080"),
            None,
            Some("microsoftonline.com"),
        );
        let graph = rules.route("https://graph.microsoft.com/v1.0/users");
        assert_eq!(
            graph,
            Route::Proxy {
                proxy: "http://proxy.corp.example:8080".into(),
                source: "HTTPS_PROXY".into()
            }
        );
        assert_eq!(
            rules.route("https://login.microsoftonline.com/t"),
            Route::Bypass {
                source: "NO_PROXY".into()
            }
        );
        assert_eq!(rules.route("https://127.0.0.1:8443/x"), Route::Loopback);
        assert_eq!(rules.route("http://localhost:1/x"), Route::Loopback);
        // The client gets the proxy with its account; words never show the password.
        let url = reqwest::Url::parse("https://graph.microsoft.com/").unwrap();
        let p = rules.proxy_url_for(&url).unwrap();
        assert_eq!(p.host_str(), Some("proxy.corp.example"));
        assert_eq!((p.username(), p.password()), ("user", Some("pa%40ss")));
        let loop_url = reqwest::Url::parse("https://127.0.0.1:8443/").unwrap();
        assert_eq!(rules.proxy_url_for(&loop_url), None);
        let all = ProxyRules::from_values(None, Some("http://10.0.0.1:3128"), None);
        assert_eq!(
            all.route("https://graph.microsoft.com/"),
            Route::Proxy {
                proxy: "http://10.0.0.1:3128".into(),
                source: "ALL_PROXY".into()
            }
        );

        assert_eq!(
            graph.text(Lang::En),
            "through the proxy http://proxy.corp.example:8080 (set by HTTPS_PROXY)"
        );
        assert_eq!(
            graph.text(Lang::De),
            "über den Proxy http://proxy.corp.example:8080 (eingestellt in HTTPS_PROXY)"
        );
        let system = Route::Proxy {
            proxy: "http://p:1".into(),
            source: "system".into(),
        };
        assert!(system
            .text(Lang::En)
            .ends_with("(set by the system's proxy settings)"));
        assert!(Route::Direct
            .text(Lang::En)
            .starts_with("directly, without a proxy"));
        assert!(Route::Direct
            .text(Lang::De)
            .starts_with("direkt, ohne Proxy"));
    }

    #[test]
    fn network_failures_are_worded_in_both_languages() {
        let route = Route::Proxy {
            proxy: "http://proxy:8080".into(),
            source: "HTTPS_PROXY".into(),
        };
        let tls = HttpError::Tls {
            host: "login.microsoftonline.com".into(),
            route: route.clone(),
            kind: CertProblem::UnknownIssuer,
            detail: "invalid peer certificate: UnknownIssuer".into(),
        };
        let en = tls.to_string();
        assert!(
            en.starts_with("the certificate that login.microsoftonline.com presented was issued by a certificate authority this computer does not trust (unknown issuer); the request went through the proxy http://proxy:8080 (set by HTTPS_PROXY). On company networks this usually means TLS inspection"),
            "{en}"
        );
        assert!(
            tls.fix().contains("update-ca-certificates"),
            "{}",
            tls.fix()
        );
        assert!(tls.text_in(Lang::De).contains("unbekannter Aussteller"));
        assert!(tls
            .fix_in(Lang::De)
            .contains("Vertrauenswürdige Stammzertifizierungsstellen"));
        for (kind, words) in [
            (CertProblem::Expired, "has expired"),
            (CertProblem::NotYetValid, "not valid yet"),
            (CertProblem::WrongName, "for another name"),
            (CertProblem::Other, "was not accepted (x)"),
        ] {
            let e = HttpError::Tls {
                host: "h".into(),
                route: Route::Direct,
                kind,
                detail: "x".into(),
            };
            assert!(e.to_string().contains(words), "{e}");
            assert!(!e.fix().is_empty() && !e.fix_in(Lang::De).is_empty());
        }

        let connect = HttpError::Connect {
            host: "graph.microsoft.com".into(),
            detail: "Connection refused (os error 111)".into(),
            route: Route::Direct,
        };
        assert_eq!(
            connect.to_string(),
            "could not talk to graph.microsoft.com: Connection refused (os error 111) (the request went directly, without a proxy (none is set in HTTPS_PROXY, ALL_PROXY or the system's proxy settings))"
        );
        assert!(connect.fix().contains("HTTPS_PROXY") && connect.fix().contains("PAC"));
        let via_proxy = HttpError::Connect {
            host: "graph.microsoft.com".into(),
            detail: "Connection refused (os error 111)".into(),
            route: route.clone(),
        };
        assert!(!via_proxy.fix().contains("PAC"), "{}", via_proxy.fix());
        assert!(connect
            .text_in(Lang::De)
            .starts_with("keine Verbindung zu graph.microsoft.com"));

        for (problem, en, de) in [
            (ProxyProblem::Auth, "HTTP 407", "verlangt eine Anmeldung"),
            (
                ProxyProblem::Refused,
                "refused to open a tunnel",
                "abgelehnt",
            ),
            (ProxyProblem::Closed, "closed the connection", "geschlossen"),
            (
                ProxyProblem::Connect,
                "could not be reached (refused)",
                "nicht erreichbar (refused)",
            ),
        ] {
            let e = HttpError::Proxy {
                host: "graph.microsoft.com".into(),
                route: route.clone(),
                problem,
                detail: "refused".into(),
            };
            assert!(
                e.to_string().starts_with("could not reach graph.microsoft.com through the proxy http://proxy:8080 (set by HTTPS_PROXY): ")
                    && e.to_string().contains(en),
                "{e}"
            );
            assert!(e.text_in(Lang::De).contains(de), "{}", e.text_in(Lang::De));
        }
        let args = tls.failed_check_args("token").unwrap();
        assert_eq!(args["error"], "tls");
        assert!(crate::i18n::text(Lang::En, "net-failed", &args)
            .starts_with("Could not get a token: the certificate"));
        assert!(crate::i18n::text(Lang::De, "net-failed", &args)
            .starts_with("Es konnte kein Token geholt werden: das Zertifikat"));
        assert_eq!(HttpError::BadBody { detail: "x".into() }.catalog(), None);
    }

    #[test]
    fn every_failure_has_a_german_summary_and_fix() {
        let mut t = answer(429, None, "");
        t.attempts = 5;
        t.retry_after = Some(Duration::from_millis(500));
        t.waited = Duration::from_secs(2);
        let e = t.throttled().unwrap();
        assert_eq!(
            e.text_in(Lang::De),
            "login.example hat die Anfragen gedrosselt (HTTP 429 Too Many Requests) und drosselte nach 5 Versuchen und 2 s Wartezeit, wie sein Retry-After (0,5 s) verlangte, noch immer; das Wiederholungsbudget von graphwiz (4 s) ist aufgebraucht"
        );
        assert!(e.fix_in(Lang::De).starts_with("Warten Sie einige Minuten"));
        t.status = 503;
        t.retry_after = None;
        t.attempts = 1;
        let de = t.throttled().unwrap().text_in(Lang::De);
        assert!(
            de.contains("war nicht verfügbar oder hat gedrosselt (HTTP 503 Service Unavailable) und war nach 1 Versuch und 2 s Wartezeit noch immer nicht verfügbar (es sandte kein Retry-After)"),
            "{de}"
        );
        assert!(t
            .throttled()
            .unwrap()
            .to_string()
            .contains("after 1 attempt over 2 s"));

        let page = answer(
            200,
            Some("text/html"),
            "<html><title>Guest Wi-Fi</title></html>",
        );
        let e = page.json::<Tok>().unwrap_err();
        assert!(
            e.text_in(Lang::De).starts_with("login.example hat mit einer HTML-Seite mit dem Titel „Guest Wi-Fi“ (HTTP 200) statt mit JSON geantwortet"),
            "{}",
            e.text_in(Lang::De)
        );
        assert!(e.fix_in(Lang::De).contains("Captive Portal"));
        let e = answer(500, None, "").unreadable_error().unwrap();
        assert_eq!(
            e.text_in(Lang::De),
            "die Antwort von login.example (HTTP 500) ist kein JSON: die Antwort ist leer"
        );
        let e = answer(200, Some("text/plain"), "{error: 'x'}")
            .json::<Tok>()
            .unwrap_err();
        assert!(
            e.text_in(Lang::De).ends_with("ist kein JSON (sie ist als „text/plain“ gekennzeichnet): ungültig in Zeile 1, Spalte 2"),
            "{}",
            e.text_in(Lang::De)
        );
        let e = answer(
            200,
            Some("text/html"),
            r#"{"access_token":"x","expires_in":1}"#,
        )
        .json::<Tok>()
        .unwrap_err();
        assert!(e
            .text_in(Lang::De)
            .contains("statt als JSON (application/json) gekennzeichnet"));
        let e = answer(200, None, r#"{"access_token":"abc"#)
            .json::<Tok>()
            .unwrap_err();
        assert!(e
            .text_in(Lang::De)
            .contains("die Antwort wurde abgeschnitten"));
        let e = HttpError::Timeout {
            host: "graph.microsoft.com".into(),
            secs: 30,
        };
        assert_eq!(
            e.to_string(),
            "graph.microsoft.com did not answer within 30 s"
        );
        assert_eq!(
            e.text_in(Lang::De),
            "graph.microsoft.com hat nicht innerhalb von 30 s geantwortet"
        );
        assert!(e.fix().contains("use --timeout to wait longer"));
        assert!(e.fix_in(Lang::De).contains("mit --timeout wartet graphwiz"));
        let e = HttpError::TooSlow {
            host: "h".into(),
            secs: 5,
            received: 100,
        };
        assert!(e
            .to_string()
            .contains("(100 bytes arrived, and more kept trickling in)"));
        assert!(e.text_in(Lang::De).contains("100 Bytes kamen an"));
        let e = HttpError::TooLarge { host: "h".into() };
        assert_eq!(
            e.to_string(),
            "the answer from h is larger than 4 MiB; it is not a Microsoft Graph or Entra ID answer"
        );
        assert!(e
            .fix_in(Lang::De)
            .starts_with("Der Dienst hat eine Antwort geschickt"));
        // Every failure goes into a failed check and into texts made of parts, in both languages.
        let args = e.failed_check_args("tenant").unwrap();
        assert_eq!(
            crate::i18n::text(Lang::En, "net-failed", &args),
            format!("Could not look up the tenant: {e}.")
        );
        assert!(crate::i18n::text(Lang::De, "net-failed", &args)
            .starts_with("Der Mandant konnte nicht nachgeschlagen werden: die Antwort von h ist größer als 4 MiB"));
        assert_eq!(
            crate::i18n::attr(Lang::En, "net-failed", "fix", &args).unwrap(),
            e.fix()
        );
        assert_eq!(e.fix_msg().text(Lang::De), e.fix_in(Lang::De));
        let bad = HttpError::BadBody { detail: "x".into() };
        assert_eq!(bad.fix_msg().text(Lang::En), bad.fix());
        assert_eq!(bad.to_string(), "x");
    }

    #[test]
    fn tls_config_uses_the_platform_verifier() {
        let c = tls_config();
        assert_eq!(c.alpn_protocols, vec![b"h2".to_vec(), b"http/1.1".to_vec()]);
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
