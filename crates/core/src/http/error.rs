//! [`HttpError`]: every way a request can end without a usable answer, with its catalog message
//! (`net-*` in `i18n/{en,de}-net.ftl`), and the way the request went ([`Route`]) with what a
//! proxy or a certificate did wrong.

use crate::i18n::{args, decimal_arg, msg_arg, Args, Lang, Msg};
use std::time::Duration;

/// Largest response body read; anything bigger is an error (no real answer comes close).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// The media type of a `Content-Type` value, lower case, without parameters.
pub(super) fn media_type(ct: &str) -> String {
    ct.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// True for `application/json`, `text/json` and `…+json` types.
pub(super) fn is_json_type(ct: &str) -> bool {
    let m = media_type(ct);
    m == "application/json" || m == "text/json" || m.ends_with("+json")
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
pub(super) fn secs_arg(d: Duration) -> serde_json::Value {
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

pub(super) fn proxy_args(host: &str, route: &Route, problem: ProxyProblem, detail: &str) -> Args {
    let mut a = route.args(host, detail);
    a.insert("problem".into(), problem.code().into());
    a
}

pub(super) fn tls_args(host: &str, route: &Route, kind: CertProblem, detail: &str) -> Args {
    let mut a = route.args(host, detail);
    a.insert("kind".into(), kind.code().into());
    a
}

/// A catalog text with surrounding whitespace trimmed.
pub(super) fn net_text(lang: Lang, id: &str, args: &Args) -> String {
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
