//! [`ProxyRules`]: the proxy rules reqwest applies (environment, then the OS settings; never for
//! loopback), read by the same code, so a failure can say which way the request went.

use super::error::Route;
use std::sync::Arc;

/// The proxy rules of this process: the environment (`HTTPS_PROXY`, `https_proxy`, `ALL_PROXY`,
/// `all_proxy`, `NO_PROXY`, `no_proxy`; `HTTP_PROXY` for plain http), then, on Windows and macOS,
/// the system's proxy settings — the same rules, read by the same code, as the client applies.
#[derive(Clone)]
pub struct ProxyRules {
    matcher: Arc<hyper_util::client::proxy::matcher::Matcher>,
    env: EnvLookup,
}

/// Reads an environment variable (the process's, or fixed values in tests).
pub(super) type EnvLookup = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

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
    pub(super) fn proxy_url_for(&self, url: &reqwest::Url) -> Option<reqwest::Url> {
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
pub(super) fn decode_basic(v: &reqwest::header::HeaderValue) -> Option<(String, String)> {
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
pub(super) fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}
