//! [`AdminError`]: why an administrator sign-in, an admin read or admin consent failed, worded
//! from the catalog (en-mail.ftl, de-mail.ftl); and what graphwiz was waiting for ([`Waiting`]).

use super::scopes::ADMIN_SCOPES;
use crate::http::HttpError;
use crate::i18n::{args, msg_arg, Args, Lang, Msg};
use crate::microsoft::aad::{find_aadsts_code, AadError};
use crate::microsoft::graph::GraphFailure;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What graphwiz was waiting for when the time ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// The browser's return from the sign-in page.
    BrowserSignIn,
    /// The administrator entering the device code.
    DeviceCode,
    /// The browser's return from the admin consent page.
    AdminConsent,
}

impl Waiting {
    /// `$waiting` of catalog message `admin-timeout`.
    pub(super) fn key(self) -> &'static str {
        match self {
            Waiting::BrowserSignIn => "browser",
            Waiting::DeviceCode => "device",
            Waiting::AdminConsent => "consent",
        }
    }
}

/// Why an administrator sign-in, an admin read or admin consent failed. [`AdminError::msg`] is
/// its catalog message (value: what happened, `.fix`: what to do); `Display` is its English.
#[derive(Debug, Clone)]
pub enum AdminError {
    /// No usable HTTP answer from Entra ID.
    Http(HttpError),
    /// The loopback listener for the browser's answer could not be opened.
    Listener {
        /// What the operating system said.
        detail: String,
    },
    /// The operating system's random number generator failed.
    Random {
        /// What failed.
        detail: String,
    },
    /// The browser could not be opened.
    Opener {
        /// What the opener said.
        detail: String,
    },
    /// Nothing came back in time.
    Timeout {
        /// What was awaited.
        waiting: Waiting,
        /// The time allowed, in seconds.
        secs: u64,
    },
    /// The browser came back with another sign-in's `state`; nothing was exchanged.
    StateMismatch,
    /// The sign-in page came back with an error (declined, cancelled, refused).
    SignInRefused {
        /// The OAuth error, e.g. `access_denied`.
        error: String,
        /// The AADSTS number, when sent.
        code: Option<u32>,
        /// The description without its `AADSTS…:` prefix.
        message: String,
    },
    /// The code verifier did not match the challenge (AADSTS501481).
    PkceMismatch,
    /// The token or device code endpoint refused the request.
    Aad(AadError),
    /// The administrator declined the device code sign-in.
    DeviceDeclined,
    /// The device code expired before the sign-in finished.
    DeviceExpired,
    /// Entra ID did not recognise the device code.
    BadVerificationCode,
    /// An answer that is neither success nor an Entra ID error.
    Unexpected {
        /// The step graphwiz was at (`$step` of catalog message `admin-unexpected`):
        /// `redeem`, `browser-answer`, `device-start`, `device-finish` or `device-poll`.
        what: &'static str,
        /// HTTP status (0 when the answer came through the browser).
        status: u16,
    },
    /// A Microsoft Graph read with the administrator's token failed.
    Graph {
        /// What graphwiz tried to read (`$what` of catalog message `admin-graph`): `app-sp`,
        /// `graph-sp`, `grants` or `assignments`.
        what: &'static str,
        /// The failure.
        failure: GraphFailure,
    },
    /// The admin consent page came back without consent.
    ConsentRefused {
        /// The OAuth error, e.g. `access_denied` or `permission_denied`.
        error: String,
        /// The AADSTS number, when sent.
        code: Option<u32>,
        /// The description without its `AADSTS…:` prefix; empty when the page sent none.
        message: String,
    },
}

impl From<HttpError> for AdminError {
    fn from(e: HttpError) -> Self {
        AdminError::Http(e)
    }
}

impl fmt::Display for AdminError {
    /// English, from the catalog (faces word [`AdminError::msg`] in their language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::error::Error for AdminError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AdminError::Http(h) => std::error::Error::source(h),
            _ => None,
        }
    }
}

/// `$aadsts` of the catalog: " (AADSTS65004)", or empty without a code.
pub(super) fn aadsts_arg(label: Option<String>) -> serde_json::Value {
    label.map(|c| format!(" ({c})")).unwrap_or_default().into()
}

impl AdminError {
    /// The AADSTS or Graph code that came back, when one did.
    pub fn code(&self) -> Option<String> {
        match self {
            AdminError::Aad(a) => a.code_label(),
            AdminError::PkceMismatch => Some("AADSTS501481".into()),
            AdminError::SignInRefused { code, .. } | AdminError::ConsentRefused { code, .. } => {
                code.map(|c| format!("AADSTS{c}"))
            }
            AdminError::Graph { failure, .. } => failure.code().map(str::to_string),
            _ => None,
        }
    }

    /// The catalog message of this error: its value says what happened, its `.fix` what to do.
    pub fn msg(&self) -> Msg {
        use serde_json::Value;
        let (id, a): (&str, Args) = match self {
            AdminError::Http(h) => (
                "admin-http",
                crate::microsoft::mailbox::http_failure_args(h),
            ),
            AdminError::Listener { detail } => {
                ("admin-listener", args([("detail", detail.as_str())]))
            }
            AdminError::Random { detail } => ("admin-random", args([("detail", detail.as_str())])),
            AdminError::Opener { detail } => ("admin-opener", args([("detail", detail.as_str())])),
            AdminError::Timeout { waiting, secs } => (
                "admin-timeout",
                args([
                    ("waiting", Value::from(waiting.key())),
                    ("secs", Value::from(*secs)),
                ]),
            ),
            AdminError::StateMismatch => ("admin-state-mismatch", Args::new()),
            AdminError::SignInRefused {
                error,
                code,
                message,
            } => {
                let reason = match (error.as_str(), code) {
                    ("access_denied", _) | (_, Some(65004)) => "declined",
                    (_, Some(65001)) | ("consent_required", _) => "consent",
                    _ => "other",
                };
                (
                    "admin-sign-in-refused",
                    args([
                        ("error", Value::from(error.as_str())),
                        ("aadsts", aadsts_arg(code.map(|c| format!("AADSTS{c}")))),
                        ("message", Value::from(message.as_str())),
                        ("reason", Value::from(reason)),
                    ]),
                )
            }
            AdminError::PkceMismatch => ("admin-pkce-mismatch", Args::new()),
            AdminError::Aad(a) => {
                let reason = match a.code {
                    Some(700016) => "no-app",
                    Some(65001) => "no-consent",
                    Some(7000218) | Some(700025) => "public-client",
                    Some(53003) => "conditional-access",
                    Some(50011) | Some(500112) => "redirect",
                    _ => "other",
                };
                (
                    "admin-aad",
                    args([
                        ("aadsts", aadsts_arg(a.code_label())),
                        ("message", Value::from(a.message.as_str())),
                        ("reason", Value::from(reason)),
                    ]),
                )
            }
            AdminError::DeviceDeclined => ("admin-device-declined", Args::new()),
            AdminError::DeviceExpired => ("admin-device-expired", Args::new()),
            AdminError::BadVerificationCode => ("admin-bad-verification-code", Args::new()),
            AdminError::Unexpected { what, status } => (
                "admin-unexpected",
                args([
                    ("step", Value::from(*what)),
                    ("status", Value::from(*status)),
                ]),
            ),
            AdminError::Graph { what, failure } => {
                let reason = match failure.status() {
                    Some(401) | Some(403) => "denied",
                    Some(404) => "not-found",
                    _ => "other",
                };
                let mut a = crate::microsoft::mailbox::failure_args(failure);
                a.extend(args([
                    ("what", Value::from(*what)),
                    ("reason", Value::from(reason)),
                    ("scopes", Value::from(ADMIN_SCOPES.to_vec())),
                ]));
                ("admin-graph", a)
            }
            AdminError::ConsentRefused {
                error,
                code,
                message,
            } => {
                let message = if message.is_empty() {
                    msg_arg(&Msg::plain("admin-consent-no-description"))
                } else {
                    Value::from(message.as_str())
                };
                (
                    "admin-consent-refused",
                    args([
                        ("error", Value::from(error.as_str())),
                        ("aadsts", aadsts_arg(code.map(|c| format!("AADSTS{c}")))),
                        ("message", message),
                    ]),
                )
            }
        };
        Msg::new(id, a)
    }

    /// What to do about it, in English (faces word `msg().fix(lang)`).
    pub fn fix(&self) -> String {
        self.fix_in(Lang::En)
    }

    /// What to do about it, in `lang`.
    pub fn fix_in(&self, lang: Lang) -> String {
        self.msg().fix(lang).unwrap_or_default().trim().to_string()
    }

    /// What happened, in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        self.msg().text(lang).trim().to_string()
    }
}

/// Splits an `error_description` like `AADSTS65004: text\r\nTrace ID…` into code and text.
pub(super) fn split_description(description: &str) -> (Option<u32>, String) {
    let first = description
        .split(['\r', '\n'])
        .next()
        .unwrap_or_default()
        .trim();
    let message = match first.split_once(": ") {
        Some((prefix, rest)) if prefix.starts_with("AADSTS") => rest.trim().to_string(),
        _ => first.to_string(),
    };
    (find_aadsts_code(description), message)
}
