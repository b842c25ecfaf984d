//! Opening pages for the administrator: the hosts the system browser may be sent to (the URL
//! allow-list) and, in the demo, the in-process "browser" that follows the loopback emulator's
//! redirect.

use super::*;
use crate::http::HttpClient;
use crate::i18n::{self, args, Args, Lang};
use crate::microsoft::cloud::is_loopback_host;

/// Hosts the app may open in the system browser: the Azure portals, Entra admin center and the
/// sign-in hosts of the three clouds, over https; plain http only on loopback.
pub const EXTERNAL_HOSTS: [&str; 9] = [
    "portal.azure.com",
    "portal.azure.us",
    "portal.azure.cn",
    "entra.microsoft.com",
    "login.microsoftonline.com",
    "login.microsoftonline.us",
    "login.chinacloudapi.cn",
    "login.partner.microsoftonline.cn",
    "learn.microsoft.com",
];

/// True when `url` may be opened in the system browser (see [`EXTERNAL_HOSTS`]; also the
/// Genesys Cloud admin UI of each region, `https://apps.{region host}`).
pub fn external_url_allowed(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url) else {
        return false;
    };
    if !u.username().is_empty() || u.password().is_some() {
        return false;
    }
    match u.scheme() {
        "https" => u.host_str().is_some_and(|h| {
            EXTERNAL_HOSTS.iter().any(|a| h.eq_ignore_ascii_case(a))
                || crate::genesys::REGIONS
                    .iter()
                    .any(|r| h.eq_ignore_ascii_case(&format!("apps.{}", r.host)))
        }),
        "http" => is_loopback_host(&u),
        _ => false,
    }
}

impl Desktop {
    /// The page `url` the UI asks to open in the system browser, when it may be: never in the
    /// demo (its pages are the emulator's), and only over https on the hosts of
    /// [`external_url_allowed`] (plain http on loopback is for the sign-in's own redirects, not
    /// for pages).
    pub fn page_to_open<'a>(&self, url: &'a str) -> Result<&'a str, DesktopError> {
        if self.is_demo() {
            return Err(DesktopError::plain(
                "demo_external",
                "app-error-demo-external",
            ));
        }
        if !external_url_allowed(url) || url.starts_with("http:") {
            return Err(DesktopError::plain("url_refused", "app-error-url-refused"));
        }
        Ok(url)
    }
}

/// The demo's "browser": follows a sign-in or consent page of the loopback emulator without
/// redirects and brings its answer to graphwiz's own loopback listener, as a browser would.
/// Refuses anything that is not loopback. Runs in the background on the current runtime.
fn demo_browser(url: &str, lang: Lang) -> Result<(), String> {
    let parsed = url::Url::parse(url).map_err(|e| e.to_string())?;
    if !is_loopback_host(&parsed) {
        return Err(i18n::text(lang, "app-demo-loopback-only", &Args::new()));
    }
    let handle = tokio::runtime::Handle::try_current().map_err(|e| e.to_string())?;
    let url = url.to_string();
    handle.spawn(async move {
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let _ = http.follow_redirect(&url, is_loopback_host).await;
    });
    Ok(())
}

/// A browser opener handed in by the shell (the system browser).
pub type Opener<'a> = &'a (dyn Fn(&str) -> Result<(), String> + Send + Sync);

/// Opens `url` for a sign-in or consent: the demo's own "browser" in demo mode, else the system
/// browser for the allowed hosts only; a refusal is worded in `lang`.
pub(super) fn open_for_admin(
    url: &str,
    demo: bool,
    browser: Opener<'_>,
    lang: Lang,
) -> Result<(), String> {
    if demo {
        demo_browser(url, lang)
    } else if external_url_allowed(url) {
        browser(url)
    } else {
        Err(i18n::text(
            lang,
            "app-opener-refused",
            &args([("url", url.to_string())]),
        ))
    }
}
