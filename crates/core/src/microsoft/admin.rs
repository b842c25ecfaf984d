//! Administrator sign-in and admin consent: what settles the checks the app's own token cannot.
//!
//! Why this file is long (about 1,700 lines with its tests): the browser and device-code sign-ins,
//! the loopback listener they share, admin consent and the findings read with the admin token are
//! one flow with one error type (worded from the catalog, en-mail.ftl); splitting sign-in from
//! findings is part of the one-core reorganisation (issue "One core, two faces").
//!
//! The integration's client-credentials token may not read its own delegated permission grants,
//! so `perm_user_read` can end as "could not verify". An administrator of the tenant settles it by
//! signing in with a public client (by default Microsoft Graph Command Line Tools), which yields a
//! delegated [`AdminToken`] that lives in memory only; [`admin_findings`] then reads the
//! integration's service principal, its tenant-wide delegated grants and its app role assignments,
//! and [`user_read_check_from_admin`] turns that into a certain `perm_user_read` verdict.
//!
//! Two sign-in flows:
//! * [`sign_in_browser`]: authorization code with PKCE (S256). graphwiz listens on a loopback port
//!   (`http://localhost:{port}`), hands the authorize URL to a caller-supplied opener (the system
//!   browser in the CLI; a headless follower in tests), checks `state` and redeems the code.
//! * [`sign_in_device_code`]: the device authorization grant (RFC 8628) for machines without a
//!   browser; the prompt goes to a caller callback, polling honours `interval` and `slow_down`.
//!
//! [`admin_consent`] opens the admin consent page for the integration's app and waits on a loopback
//! redirect for `admin_consent=True`. Every wait has a timeout. Codes, verifiers and tokens are
//! never printed or logged: their types redact `Debug` and none of them is serializable.

use crate::http::{HttpClient, HttpError, HttpResponse};
use crate::i18n::{args, msg_arg, Args, Lang, Msg};
use crate::microsoft::aad::{find_aadsts_code, parse_aad_error, parse_graph_error, AadError};
use crate::microsoft::cloud::{path_segment, Cloud, Endpoints};
use crate::microsoft::graph::{Grant, GraphFailure};
use crate::microsoft::permissions::{self, MICROSOFT_GRAPH_APP_ID};
use crate::microsoft::portal;
use crate::report::{Check, Report, Status};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Application (client) ID of "Microsoft Graph Command Line Tools", the default public client for
/// the administrator's sign-in. It exists in every tenant and allows `http://localhost` redirects
/// and the device code flow.
pub const GRAPH_COMMAND_LINE_TOOLS: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// The delegated Microsoft Graph permissions the administrator's sign-in asks for.
///
/// * `Application.Read.All`: read the integration's service principal, Microsoft Graph's service
///   principal and the app role assignments (least privileged for both reads).
/// * `DelegatedPermissionGrant.Read.All`: read the tenant-wide delegated grants
///   (`oauth2PermissionGrants`), without the whole directory that `Directory.Read.All` opens.
/// * `User.Read`: the signed-in administrator's own name for the report.
///
/// docs/admin-sign-in.md explains the choice; [`SignInOptions::scopes`] can replace them (for
/// example with `Directory.Read.All` where a tenant refuses the narrower grant permission).
pub const ADMIN_SCOPES: [&str; 3] = [
    "Application.Read.All",
    "DelegatedPermissionGrant.Read.All",
    "User.Read",
];

/// How long graphwiz waits for the administrator by default (browser, device code, consent).
pub const DEFAULT_WAIT: Duration = Duration::from_secs(300);

/// Who may grant admin consent, said wherever consent failed or is asked for (English; the
/// catalog's `admin-consent-roles` words it in every language, see [`consent_roles`]).
pub const CONSENT_ROLES: &str = "Only a Global Administrator or a Privileged Role Administrator can grant admin consent to application permissions of Microsoft Graph (Mail.ReadWrite, Mail.Send); sign in with such an account.";

/// What to say about the redirect URI of admin consent (English; the catalog's
/// `admin-consent-redirect-note` words it in every language, see [`consent_redirect_note`]).
pub const CONSENT_REDIRECT_NOTE: &str = "The admin consent page returns to http://localhost, which must be registered on the app as a redirect URI (App registrations → your app → Authentication → Add a platform → Web → http://localhost), as Genesys Cloud's setup guide does; otherwise the page shows AADSTS50011 instead of returning to graphwiz.";

/// [`CONSENT_ROLES`] as a catalog message, for a face to word in its language.
pub fn consent_roles() -> Msg {
    Msg::plain("admin-consent-roles")
}

/// [`CONSENT_REDIRECT_NOTE`] as a catalog message, for a face to word in its language.
pub fn consent_redirect_note() -> Msg {
    Msg::plain("admin-consent-redirect-note")
}

/// Interval used when the device code answer gives none.
const DEFAULT_DEVICE_INTERVAL: Duration = Duration::from_secs(5);
/// Never poll faster than this, whatever the server says.
const MIN_POLL: Duration = Duration::from_millis(200);
/// RFC 8628 §3.5: on `slow_down` the interval grows by 5 seconds.
const SLOW_DOWN_STEP: Duration = Duration::from_secs(5);
/// Largest request head the loopback listener reads from a browser.
const MAX_REQUEST_HEAD: usize = 16 * 1024;
/// How long one browser connection to the loopback listener may take.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(10);
/// Browser connections read at the same time, at most.
const MAX_PENDING_CONNECTIONS: usize = 32;
/// Pages of a Graph collection read at most.
const MAX_PAGES: usize = 20;

/// The scopes that are not Microsoft Graph permissions and are sent without a resource prefix.
const OIDC_SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];

// ---------------------------------------------------------------------------------------------
// Tokens and secrets
// ---------------------------------------------------------------------------------------------

/// The administrator's delegated Microsoft Graph token. It lives in memory only: `Debug` is
/// redacted and it cannot be serialized.
#[derive(Clone)]
pub struct AdminToken {
    secret: SecretString,
    upn: Option<String>,
    scopes: Vec<String>,
}

impl AdminToken {
    /// Wraps a bearer value received from Entra ID; the signed-in user's name is read from the
    /// token's `upn` (or `preferred_username`, `unique_name`) claim when the token is a JWT.
    pub fn new(bearer: String) -> Self {
        let upn = jwt_payload(&bearer).and_then(|claims| {
            ["upn", "preferred_username", "unique_name"]
                .iter()
                .find_map(|k| claims.get(*k).and_then(|v| v.as_str()).map(str::to_string))
                .filter(|s| !s.trim().is_empty())
        });
        AdminToken {
            secret: SecretString::from(bearer),
            upn,
            scopes: Vec::new(),
        }
    }

    /// The bearer value, for an `Authorization` header only.
    pub fn bearer(&self) -> &str {
        self.secret.expose_secret()
    }

    /// The signed-in administrator's user principal name, when the token tells it.
    pub fn upn(&self) -> Option<&str> {
        self.upn.as_deref()
    }

    /// The scopes Entra ID says it granted (the token answer's `scope`), as sent.
    pub fn scopes(&self) -> &[String] {
        &self.scopes
    }
}

impl fmt::Debug for AdminToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdminToken")
            .field("upn", &self.upn)
            .field("scopes", &self.scopes)
            .field("token", &"<redacted>")
            .finish()
    }
}

/// The payload of a JWT as JSON, without any validation; `None` when it is not one.
fn jwt_payload(token: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        serde_json::Value::Object(m) => Some(m),
        _ => None,
    }
}

/// `n` bytes from the operating system's CSPRNG, base64url without padding.
fn random_b64(n: usize) -> Result<String, AdminError> {
    let mut buf = zeroize::Zeroizing::new(vec![0u8; n]);
    getrandom::fill(buf.as_mut_slice()).map_err(|e| AdminError::Random {
        detail: e.to_string(),
    })?;
    Ok(URL_SAFE_NO_PAD.encode(buf.as_slice()))
}

/// A fresh random `state` value (128 bits).
pub fn random_state() -> Result<String, AdminError> {
    random_b64(16)
}

/// A PKCE pair (RFC 7636): a 64-character verifier from the OS CSPRNG and its S256 challenge.
pub struct Pkce {
    verifier: zeroize::Zeroizing<String>,
}

impl Pkce {
    /// A new verifier: 48 random bytes, base64url, 64 characters of the unreserved set.
    pub fn generate() -> Result<Self, AdminError> {
        Ok(Pkce {
            verifier: zeroize::Zeroizing::new(random_b64(48)?),
        })
    }

    /// The verifier, sent only to the token endpoint.
    pub fn verifier(&self) -> &str {
        &self.verifier
    }

    /// `BASE64URL(SHA256(verifier))`, sent on the authorize URL.
    pub fn challenge(&self) -> String {
        s256_challenge(&self.verifier)
    }
}

impl fmt::Debug for Pkce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pkce(<redacted>)")
    }
}

/// The S256 code challenge of a verifier.
pub fn s256_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

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
    fn key(self) -> &'static str {
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
fn aadsts_arg(label: Option<String>) -> serde_json::Value {
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
fn split_description(description: &str) -> (Option<u32>, String) {
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

// ---------------------------------------------------------------------------------------------
// Options and URLs
// ---------------------------------------------------------------------------------------------

/// How the administrator signs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInOptions {
    /// The public client the administrator signs in to (default [`GRAPH_COMMAND_LINE_TOOLS`]).
    pub client_id: String,
    /// Delegated Microsoft Graph permissions (bare names such as `Application.Read.All`; they are
    /// prefixed with the cloud's Graph resource), OpenID scopes, or full scope URIs.
    pub scopes: Vec<String>,
    /// How long to wait for the administrator.
    pub timeout: Duration,
}

impl Default for SignInOptions {
    fn default() -> Self {
        SignInOptions {
            client_id: GRAPH_COMMAND_LINE_TOOLS.to_string(),
            scopes: ADMIN_SCOPES.iter().map(|s| s.to_string()).collect(),
            timeout: DEFAULT_WAIT,
        }
    }
}

impl SignInOptions {
    /// The `scope` parameter for this cloud, e.g.
    /// `https://graph.microsoft.us/Application.Read.All …` in Azure US Government.
    pub fn scope_param(&self, cloud: Cloud) -> String {
        self.scopes
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| {
                if s.contains("://") || OIDC_SCOPES.iter().any(|o| o.eq_ignore_ascii_case(s)) {
                    s.to_string()
                } else {
                    format!("{}/{s}", cloud.graph_base())
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn tenant_url(endpoints: &Endpoints, tenant: &str, tail: &str) -> String {
    format!("{}/{}/{tail}", endpoints.login_base(), path_segment(tenant))
}

fn with_query(base: String, params: &[(&str, &str)]) -> String {
    let mut ser = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in params {
        ser.append_pair(k, v);
    }
    format!("{base}?{}", ser.finish())
}

/// `{login}/{tenant}/oauth2/v2.0/authorize?…` for the authorization code flow with PKCE (S256),
/// answering by query string.
pub fn authorize_url(
    endpoints: &Endpoints,
    tenant: &str,
    client_id: &str,
    redirect_uri: &str,
    scope: &str,
    state: &str,
    code_challenge: &str,
) -> String {
    with_query(
        tenant_url(endpoints, tenant, "oauth2/v2.0/authorize"),
        &[
            ("client_id", client_id),
            ("response_type", "code"),
            ("redirect_uri", redirect_uri),
            ("response_mode", "query"),
            ("scope", scope),
            ("state", state),
            ("code_challenge", code_challenge),
            ("code_challenge_method", "S256"),
            ("prompt", "select_account"),
        ],
    )
}

/// `{login}/{tenant}/adminconsent?client_id=…&state=…&redirect_uri=…`: the page where an
/// administrator grants admin consent to every permission the app requests.
pub fn admin_consent_url(
    endpoints: &Endpoints,
    tenant: &str,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
) -> String {
    with_query(
        tenant_url(endpoints, tenant, "adminconsent"),
        &[
            ("client_id", client_id),
            ("state", state),
            ("redirect_uri", redirect_uri),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// The loopback listener (a tiny HTTP/1.1 server for one answer)
// ---------------------------------------------------------------------------------------------

/// Query parameters the browser brought back. Holds codes: never printed.
struct Callback {
    stream: TcpStream,
    params: HashMap<String, String>,
    /// The language the browser asked for (its `Accept-Language`), for the page it gets.
    lang: Lang,
}

impl Callback {
    fn get(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// Answers the browser with a short page, catalog message `id` in the browser's language,
    /// and closes the connection.
    async fn reply(mut self, ok: bool, id: &str, args: &Args) {
        let title = if ok {
            "admin-page-done"
        } else {
            "admin-page-not-done"
        };
        let message = crate::i18n::text(self.lang, id, args);
        respond(
            &mut self.stream,
            if ok { 200 } else { 400 },
            self.lang,
            title,
            &message,
        )
        .await;
    }

    /// Answers the browser that `err` stopped it: page `id` (`$error`, `$fix`) in the browser's
    /// language.
    async fn reply_error(self, id: &str, err: &AdminError) {
        let a = args([
            ("error", err.text_in(self.lang)),
            ("fix", err.fix_in(self.lang)),
        ]);
        self.reply(false, id, &a).await;
    }
}

/// The first language graphwiz speaks among those of an `Accept-Language` header value
/// (`de-DE,de;q=0.9,en;q=0.8`); English for none.
fn accept_language(value: &str) -> Lang {
    value
        .split(',')
        .filter_map(|tag| Lang::parse(tag.split(';').next().unwrap_or_default()))
        .next()
        .unwrap_or(Lang::En)
}

impl Drop for Callback {
    fn drop(&mut self) {
        for v in self.params.values_mut() {
            zeroize::Zeroize::zeroize(v);
        }
    }
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Answers with a short page: title from catalog message `title_id`, `message` as worded.
async fn respond(stream: &mut TcpStream, status: u16, lang: Lang, title_id: &str, message: &str) {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Bad Request",
    };
    let title = crate::i18n::text(lang, title_id, &Args::new());
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>{}</h1><p>{}</p></body></html>\n",
        lang.code(),
        html_escape(&title),
        html_escape(&title),
        html_escape(message)
    );
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let write = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body.as_bytes()).await?;
        stream.flush().await?;
        stream.shutdown().await
    };
    // The browser may have gone away; the answer it brought is what counts.
    let _ = tokio::time::timeout(CONNECTION_TIMEOUT, write).await;
}

/// Reads a request head and returns its request target, for `GET` requests only, with the
/// language the browser asks for.
async fn read_target(stream: &mut TcpStream) -> Option<(String, Lang)> {
    let mut buf: Vec<u8> = Vec::with_capacity(2048);
    let mut chunk = [0u8; 2048];
    loop {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(chunk.get(..n)?);
        if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.len() >= MAX_REQUEST_HEAD {
            break;
        }
    }
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.lines();
    let line = lines.next()?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let lang = lines
        .take_while(|l| !l.is_empty())
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("accept-language")
                .then(|| accept_language(value))
        })
        .unwrap_or(Lang::En);
    (method == "GET" && version.starts_with("HTTP/1.")).then(|| (target.to_string(), lang))
}

/// Listens on `127.0.0.1:{port}` (and `[::1]:{port}` when it can) for the browser's answer.
struct Loopback {
    v4: TcpListener,
    v6: Option<TcpListener>,
    port: u16,
}

impl Loopback {
    async fn bind() -> Result<Self, AdminError> {
        let err = |e: std::io::Error| AdminError::Listener {
            detail: e.to_string(),
        };
        let v4 = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .map_err(err)?;
        let port = v4.local_addr().map_err(err)?.port();
        // Browsers may resolve `localhost` to ::1 first; listen there too when possible.
        let v6 = TcpListener::bind((Ipv6Addr::LOCALHOST, port)).await.ok();
        Ok(Loopback { v4, v6, port })
    }

    /// `http://localhost:{port}`.
    fn redirect_uri(&self) -> String {
        format!("http://localhost:{}", self.port)
    }

    async fn accept(&self) -> std::io::Result<TcpStream> {
        match &self.v6 {
            Some(v6) => tokio::select! {
                r = self.v4.accept() => r.map(|(s, _)| s),
                r = v6.accept() => r.map(|(s, _)| s),
            },
            None => self.v4.accept().await.map(|(s, _)| s),
        }
    }

    /// Waits for a request to `/` that carries one of `keys` in its query; other requests (a
    /// favicon, a reload without parameters) get a short page and the wait goes on. Connections
    /// are read concurrently, so an idle speculative connection of a browser holds nothing up.
    async fn callback(&self, keys: &[&str]) -> Callback {
        use futures::stream::{FuturesUnordered, StreamExt};
        let mut pending = FuturesUnordered::new();
        loop {
            tokio::select! {
                accepted = self.accept() => match accepted {
                    Ok(stream) if pending.len() < MAX_PENDING_CONNECTIONS => {
                        pending.push(read_connection(stream));
                    }
                    // Too many at once: drop this one (a browser retries).
                    Ok(_) => {}
                    // E.g. too many open files: don't spin.
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                },
                Some((mut stream, target)) = pending.next(), if !pending.is_empty() => {
                    let Some((target, lang)) = target else { continue };
                    let page = |id: &str| crate::i18n::text(lang, id, &Args::new());
                    let (path, query) = target.split_once('?').unwrap_or((target.as_str(), ""));
                    if path != "/" {
                        respond(&mut stream, 404, lang, "admin-page-not-found", &page("admin-page-wrong-path")).await;
                        continue;
                    }
                    let params: HashMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
                        .map(|(k, v)| (k.into_owned(), v.into_owned()))
                        .collect();
                    if !keys.iter().any(|k| params.contains_key(*k)) {
                        respond(
                            &mut stream,
                            400,
                            lang,
                            "admin-page-waiting",
                            &page("admin-page-no-answer"),
                        )
                        .await;
                        continue;
                    }
                    return Callback { stream, params, lang };
                }
            }
        }
    }
}

/// Reads one connection's request target within [`CONNECTION_TIMEOUT`].
async fn read_connection(mut stream: TcpStream) -> (TcpStream, Option<(String, Lang)>) {
    let target = tokio::time::timeout(CONNECTION_TIMEOUT, read_target(&mut stream))
        .await
        .ok()
        .flatten();
    (stream, target)
}

fn secs(d: Duration) -> u64 {
    d.as_secs().max(u64::from(d.subsec_nanos() > 0)).max(1)
}

/// Waits for the browser's answer within `limit`.
async fn await_callback(
    loopback: &Loopback,
    keys: &[&str],
    limit: Duration,
    waiting: Waiting,
) -> Result<Callback, AdminError> {
    tokio::time::timeout(limit, loopback.callback(keys))
        .await
        .map_err(|_| AdminError::Timeout {
            waiting,
            secs: secs(limit),
        })
}

// ---------------------------------------------------------------------------------------------
// Token endpoint
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: Option<String>,
    scope: Option<String>,
}

fn token_from(resp: &HttpResponse, what: &'static str) -> Result<AdminToken, AdminError> {
    if resp.is_success() {
        let t: TokenAnswer = resp.json()?;
        return match t.access_token {
            Some(tok) if !tok.is_empty() => {
                let mut token = AdminToken::new(tok);
                token.scopes = t
                    .scope
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                Ok(token)
            }
            _ => Err(AdminError::Unexpected {
                what,
                status: resp.status,
            }),
        };
    }
    match parse_aad_error(&resp.body) {
        Some(a) if a.code == Some(501481) => Err(AdminError::PkceMismatch),
        Some(a) => Err(AdminError::Aad(a)),
        None => Err(AdminError::Unexpected {
            what,
            status: resp.status,
        }),
    }
}

/// Redeems an authorization code at `{login}/{tenant}/oauth2/v2.0/token` with its PKCE verifier.
/// A verifier that does not match the challenge is [`AdminError::PkceMismatch`].
#[allow(clippy::too_many_arguments)]
pub async fn redeem_code(
    http: &HttpClient,
    endpoints: &Endpoints,
    tenant: &str,
    client_id: &str,
    code: &str,
    redirect_uri: &str,
    code_verifier: &str,
    scope: &str,
) -> Result<AdminToken, AdminError> {
    let form = [
        ("client_id", client_id),
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("code_verifier", code_verifier),
        ("scope", scope),
    ];
    let resp = http.post_form(&endpoints.token_url(tenant), &form).await?;
    token_from(&resp, "redeem")
}

// ---------------------------------------------------------------------------------------------
// Browser sign-in
// ---------------------------------------------------------------------------------------------

/// Signs the administrator in with the authorization code flow and PKCE.
///
/// Binds a loopback listener, builds the authorize URL with redirect `http://localhost:{port}`,
/// calls `opener` with it (the opener returns at once; the CLI launches the system browser), waits
/// up to `options.timeout` for the browser to come back, checks `state`, answers the browser with
/// a short page and redeems the code.
pub async fn sign_in_browser<O>(
    http: &HttpClient,
    endpoints: &Endpoints,
    tenant: &str,
    options: &SignInOptions,
    opener: O,
) -> Result<AdminToken, AdminError>
where
    O: Fn(&str) -> Result<(), String>,
{
    let loopback = Loopback::bind().await?;
    let redirect_uri = loopback.redirect_uri();
    let pkce = Pkce::generate()?;
    let state = random_state()?;
    let scope = options.scope_param(endpoints.cloud);
    let url = authorize_url(
        endpoints,
        tenant,
        &options.client_id,
        &redirect_uri,
        &scope,
        &state,
        &pkce.challenge(),
    );
    opener(&url).map_err(|detail| AdminError::Opener { detail })?;
    let cb = await_callback(
        &loopback,
        &["code", "error"],
        options.timeout,
        Waiting::BrowserSignIn,
    )
    .await?;
    if cb.get("state") != Some(state.as_str()) {
        cb.reply(false, "admin-page-state-sign-in", &Args::new())
            .await;
        return Err(AdminError::StateMismatch);
    }
    if let Some(error) = cb.get("error").map(str::to_string) {
        let (code, message) = split_description(cb.get("error_description").unwrap_or_default());
        let err = AdminError::SignInRefused {
            error,
            code,
            message,
        };
        cb.reply_error("admin-page-not-signed-in", &err).await;
        return Err(err);
    }
    let Some(code) = cb.get("code").map(|c| SecretString::from(c.to_string())) else {
        cb.reply(false, "admin-page-no-code", &Args::new()).await;
        return Err(AdminError::Unexpected {
            what: "browser-answer",
            status: 0,
        });
    };
    let result = redeem_code(
        http,
        endpoints,
        tenant,
        &options.client_id,
        code.expose_secret(),
        &redirect_uri,
        pkce.verifier(),
        &scope,
    )
    .await;
    match &result {
        Ok(_) => cb.reply(true, "admin-page-signed-in", &Args::new()).await,
        Err(e) => cb.reply_error("admin-page-not-signed-in", e).await,
    }
    result
}

// ---------------------------------------------------------------------------------------------
// Device code sign-in
// ---------------------------------------------------------------------------------------------

/// What the administrator must do to finish a device code sign-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceCodePrompt {
    /// Entra ID's sentence: open this page and enter this code.
    pub message: String,
    /// The code to enter (meant to be shown to the administrator).
    pub user_code: String,
    /// The page where it is entered.
    pub verification_uri: String,
    /// How long the code is valid.
    pub expires_in: Duration,
}

#[derive(Deserialize)]
struct DeviceAnswer {
    device_code: Option<String>,
    user_code: Option<String>,
    verification_uri: Option<String>,
    expires_in: Option<serde_json::Value>,
    interval: Option<serde_json::Value>,
    message: Option<String>,
}

/// A number that some servers send as a string.
fn json_u64(v: Option<&serde_json::Value>) -> Option<u64> {
    match v? {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Signs the administrator in with the device authorization grant (RFC 8628).
///
/// `POST {login}/{tenant}/oauth2/v2.0/devicecode`, then `on_prompt` gets the message and code to
/// show, then the token endpoint is polled every `interval` seconds (5 more after each
/// `slow_down`) until the administrator finished, declined, the code expired or
/// `options.timeout` passed.
pub async fn sign_in_device_code<F>(
    http: &HttpClient,
    endpoints: &Endpoints,
    tenant: &str,
    options: &SignInOptions,
    on_prompt: F,
) -> Result<AdminToken, AdminError>
where
    F: Fn(&DeviceCodePrompt),
{
    let scope = options.scope_param(endpoints.cloud);
    let form = [
        ("client_id", options.client_id.as_str()),
        ("scope", scope.as_str()),
    ];
    let resp = http
        .post_form(
            &tenant_url(endpoints, tenant, "oauth2/v2.0/devicecode"),
            &form,
        )
        .await?;
    if !resp.is_success() {
        return Err(match parse_aad_error(&resp.body) {
            Some(a) => AdminError::Aad(a),
            None => AdminError::Unexpected {
                what: "device-start",
                status: resp.status,
            },
        });
    }
    let answer: DeviceAnswer = resp.json()?;
    let unexpected = AdminError::Unexpected {
        what: "device-start",
        status: resp.status,
    };
    let device_code = match answer.device_code {
        Some(d) if !d.is_empty() => SecretString::from(d),
        _ => return Err(unexpected),
    };
    let (Some(user_code), Some(verification_uri)) = (answer.user_code, answer.verification_uri)
    else {
        return Err(unexpected);
    };
    let expires_in = Duration::from_secs(json_u64(answer.expires_in.as_ref()).unwrap_or(900));
    let mut interval = json_u64(answer.interval.as_ref())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_DEVICE_INTERVAL)
        .max(MIN_POLL);
    // Entra ID words the prompt itself; this is for a server that sends none.
    let message = answer.message.unwrap_or_else(|| {
        crate::i18n::text(
            Lang::En,
            "admin-device-prompt",
            &args([
                ("uri", verification_uri.as_str()),
                ("code", user_code.as_str()),
            ]),
        )
    });
    on_prompt(&DeviceCodePrompt {
        message,
        user_code,
        verification_uri,
        expires_in,
    });

    let started = Instant::now();
    let give_up = started + options.timeout;
    loop {
        let now = Instant::now();
        // Past the code's life (plus one interval for the server to say so itself).
        if now >= started + expires_in + interval {
            return Err(AdminError::DeviceExpired);
        }
        if now + interval > give_up {
            return Err(AdminError::Timeout {
                waiting: Waiting::DeviceCode,
                secs: secs(options.timeout),
            });
        }
        tokio::time::sleep(interval).await;
        let form = [
            ("client_id", options.client_id.as_str()),
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("device_code", device_code.expose_secret()),
        ];
        let resp = http.post_form(&endpoints.token_url(tenant), &form).await?;
        if resp.is_success() {
            return token_from(&resp, "device-finish");
        }
        let Some(a) = parse_aad_error(&resp.body) else {
            return Err(AdminError::Unexpected {
                what: "device-poll",
                status: resp.status,
            });
        };
        match a.error.as_str() {
            "authorization_pending" => {}
            "slow_down" => interval += SLOW_DOWN_STEP,
            "authorization_declined" | "access_denied" => return Err(AdminError::DeviceDeclined),
            "expired_token" => return Err(AdminError::DeviceExpired),
            "bad_verification_code" => return Err(AdminError::BadVerificationCode),
            _ if a.code == Some(70020) => return Err(AdminError::DeviceExpired),
            _ => return Err(AdminError::Aad(a)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What the administrator's token reads
// ---------------------------------------------------------------------------------------------

/// What an administrator's sign-in proved about the integration's consents.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct AdminFindings {
    /// Delegated User.Read on Microsoft Graph has tenant-wide admin consent (an `AllPrincipals`
    /// grant).
    pub user_read_consented: bool,
    /// Mail.ReadWrite (Application) is assigned on Microsoft Graph.
    pub mail_readwrite_assigned: bool,
    /// Mail.Send (Application) is assigned on Microsoft Graph.
    pub mail_send_assigned: bool,
    /// Who signed in (the token's `upn` claim, or `/me`).
    pub admin_upn: Option<String>,
    /// The integration's service principal; `None` when the tenant has none (nobody consented).
    pub service_principal_id: Option<String>,
    /// Delegated Microsoft Graph scopes consented for all users.
    pub consented_scopes: Vec<String>,
}

async fn graph_get(
    http: &HttpClient,
    token: &AdminToken,
    url: &str,
) -> Result<HttpResponse, GraphFailure> {
    let resp = http.get(url, token.bearer()).await?;
    if resp.is_success() {
        Ok(resp)
    } else {
        Err(GraphFailure::Status {
            status: resp.status,
            error: parse_graph_error(&resp.body),
        })
    }
}

#[derive(Deserialize)]
struct Page<T> {
    #[serde(default = "Vec::new")]
    value: Vec<T>,
    #[serde(rename = "@odata.nextLink")]
    next_link: Option<String>,
}

/// Reads every page of a collection (at most [`MAX_PAGES`]); next links are followed only on the
/// Graph host in use, so the token never goes elsewhere.
async fn graph_collection<T: serde::de::DeserializeOwned>(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AdminToken,
    first: String,
) -> Result<Vec<T>, GraphFailure> {
    let prefix = format!("{}/", endpoints.graph_base());
    let mut url = first;
    let mut out = Vec::new();
    for _ in 0..MAX_PAGES {
        let page: Page<T> = graph_get(http, token, &url).await?.json()?;
        out.extend(page.value);
        match page.next_link {
            Some(next) if next.starts_with(&prefix) => url = next,
            _ => break,
        }
    }
    Ok(out)
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Assignment {
    app_role_id: Option<String>,
    resource_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Me {
    user_principal_name: Option<String>,
}

async fn service_principal_id(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AdminToken,
    app_id: &str,
) -> Result<Option<String>, GraphFailure> {
    let url = endpoints.graph_url(&format!(
        "servicePrincipals(appId='{}')?$select=id",
        path_segment(app_id)
    ));
    match graph_get(http, token, &url).await {
        Ok(resp) => Ok(resp
            .json::<IdOnly>()?
            .id
            .filter(|id| crate::validate::is_guid(id))),
        Err(f) if f.status() == Some(404) => Ok(None),
        Err(f) => Err(f),
    }
}

fn graph_err(what: &'static str) -> impl Fn(GraphFailure) -> AdminError {
    move |failure| AdminError::Graph { what, failure }
}

/// Reads, with the administrator's token, whether the integration `client_id` has admin consent:
/// its service principal by appId, its `AllPrincipals` delegated grants on Microsoft Graph
/// (User.Read) and its app role assignments on Microsoft Graph (Mail.ReadWrite, Mail.Send).
pub async fn admin_findings(
    http: &HttpClient,
    endpoints: &Endpoints,
    admin_token: &AdminToken,
    client_id: &str,
) -> Result<AdminFindings, AdminError> {
    let (sp, graph_sp) = tokio::join!(
        service_principal_id(http, endpoints, admin_token, client_id),
        service_principal_id(http, endpoints, admin_token, MICROSOFT_GRAPH_APP_ID),
    );
    let sp = sp.map_err(graph_err("app-sp"))?;
    let graph_sp = graph_sp.map_err(graph_err("graph-sp"))?;
    let admin_upn = match admin_token.upn() {
        Some(u) => Some(u.to_string()),
        None => match graph_get(
            http,
            admin_token,
            &endpoints.graph_url("me?$select=userPrincipalName"),
        )
        .await
        {
            Ok(resp) => resp.json::<Me>().ok().and_then(|m| m.user_principal_name),
            Err(_) => None,
        },
    };
    let Some(sp_id) = sp else {
        // No service principal: the app was never consented to (or does not exist) in this tenant.
        return Ok(AdminFindings {
            admin_upn,
            ..AdminFindings::default()
        });
    };
    let on_graph = |resource: Option<&str>| match (&graph_sp, resource) {
        (Some(g), Some(r)) => g.eq_ignore_ascii_case(r),
        // Microsoft Graph's service principal unknown: accept any resource (best effort).
        (None, _) => true,
        (Some(_), None) => false,
    };
    let filter = format!("clientId eq '{sp_id}' and consentType eq 'AllPrincipals'");
    let grants_url = endpoints.graph_url(&format!(
        "oauth2PermissionGrants?$filter={}",
        path_segment(&filter)
    ));
    let assignments_url = endpoints.graph_url(&format!(
        "servicePrincipals/{}/appRoleAssignments",
        path_segment(&sp_id)
    ));
    let (grants, assignments) = tokio::join!(
        graph_collection::<Grant>(http, endpoints, admin_token, grants_url),
        graph_collection::<Assignment>(http, endpoints, admin_token, assignments_url),
    );
    let grants: Vec<Grant> = grants
        .map_err(graph_err("grants"))?
        .into_iter()
        .filter(|g| on_graph(g.resource_id.as_deref()))
        .collect();
    let assignments = assignments.map_err(graph_err("assignments"))?;
    let mut consented_scopes: Vec<String> = Vec::new();
    for g in grants
        .iter()
        .filter(|g| g.consent_type.as_deref() == Some("AllPrincipals"))
    {
        for s in g.scope.as_deref().unwrap_or_default().split_whitespace() {
            if !consented_scopes.iter().any(|x| x.eq_ignore_ascii_case(s)) {
                consented_scopes.push(s.to_string());
            }
        }
    }
    let assigned = |role: &str| {
        assignments.iter().any(|a| {
            a.app_role_id
                .as_deref()
                .is_some_and(|id| id.eq_ignore_ascii_case(role))
                && on_graph(a.resource_id.as_deref())
        })
    };
    Ok(AdminFindings {
        user_read_consented: grants
            .iter()
            .any(|g| g.is_admin_consent_for(permissions::USER_READ.name)),
        mail_readwrite_assigned: assigned(permissions::MAIL_READWRITE.id),
        mail_send_assigned: assigned(permissions::MAIL_SEND.id),
        admin_upn,
        service_principal_id: Some(sp_id),
        consented_scopes,
    })
}

/// The `perm_user_read` check decided for certain by an administrator's sign-in.
pub fn user_read_check_from_admin(
    findings: &AdminFindings,
    cloud: Cloud,
    client_id: &str,
) -> Check {
    let who = match findings.admin_upn.as_deref() {
        Some(u) => Msg::new("admin-verified-as", args([("upn", u)])),
        None => Msg::plain("admin-verified"),
    };
    let (status, id) = if findings.user_read_consented {
        (Status::Pass, "admin-user-read-pass")
    } else if findings.service_principal_id.is_none() {
        (Status::Fail, "admin-user-read-no-sp")
    } else {
        (Status::Fail, "admin-user-read-missing")
    };
    let mut c = Check::msg("perm_user_read", status, id, args([("who", msg_arg(&who))]));
    c.portal_url = Some(portal::api_permissions(cloud, client_id));
    c
}

/// Replaces the report's `perm_user_read` check by the one an administrator's sign-in decided,
/// when that check could not be verified (`warn`); returns whether it was replaced. `ok` is
/// recomputed.
pub fn settle_user_read(
    report: &mut Report,
    findings: &AdminFindings,
    cloud: Cloud,
    client_id: &str,
) -> bool {
    let Some(slot) = report
        .checks
        .iter_mut()
        .find(|c| c.id == "perm_user_read" && c.status == Status::Warn)
    else {
        return false;
    };
    let elapsed = slot.elapsed_ms;
    *slot = Check {
        elapsed_ms: elapsed,
        ..user_read_check_from_admin(findings, cloud, client_id)
    };
    report.ok = report.checks.iter().all(|c| c.status != Status::Fail);
    true
}

// ---------------------------------------------------------------------------------------------
// Admin consent
// ---------------------------------------------------------------------------------------------

/// What the admin consent page returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentOutcome {
    /// The tenant GUID the consent was granted in, when returned.
    pub tenant_id: Option<String>,
    /// The permissions granted, when the page lists them (`scope`).
    pub scopes: Vec<String>,
    /// The redirect URI used.
    pub redirect_uri: String,
}

/// Opens the admin consent page of the app `client_id` through `opener` and waits up to
/// `timeout` for the browser to come back to a loopback redirect (`http://localhost:{port}`)
/// with `admin_consent=True` or an error.
pub async fn admin_consent<O>(
    endpoints: &Endpoints,
    tenant: &str,
    client_id: &str,
    opener: O,
    timeout: Duration,
) -> Result<ConsentOutcome, AdminError>
where
    O: Fn(&str) -> Result<(), String>,
{
    let loopback = Loopback::bind().await?;
    let redirect_uri = loopback.redirect_uri();
    let state = random_state()?;
    let url = admin_consent_url(endpoints, tenant, client_id, &redirect_uri, &state);
    opener(&url).map_err(|detail| AdminError::Opener { detail })?;
    let cb = await_callback(
        &loopback,
        &["admin_consent", "error"],
        timeout,
        Waiting::AdminConsent,
    )
    .await?;
    if cb.get("state") != Some(state.as_str()) {
        cb.reply(false, "admin-page-state-consent", &Args::new())
            .await;
        return Err(AdminError::StateMismatch);
    }
    let consented = cb
        .get("admin_consent")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if let (true, None) = (consented, cb.get("error")) {
        let outcome = ConsentOutcome {
            tenant_id: cb.get("tenant").map(str::to_string),
            scopes: cb
                .get("scope")
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            redirect_uri,
        };
        cb.reply(true, "admin-page-consent-granted", &Args::new())
            .await;
        return Ok(outcome);
    }
    let error = cb
        .get("error")
        .unwrap_or("admin_consent_not_granted")
        .to_string();
    // Without a description the catalog says "the consent page returned without consent".
    let (code, message) = match cb.get("error_description") {
        Some(d) => split_description(d),
        None => (None, String::new()),
    };
    let err = AdminError::ConsentRefused {
        error,
        code,
        message,
    };
    cb.reply_error("admin-page-no-consent", &err).await;
    Err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_pair() {
        // RFC 7636 appendix B.
        assert_eq!(
            s256_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        let p = Pkce::generate().unwrap();
        let v = p.verifier();
        assert!((43..=128).contains(&v.len()), "{}", v.len());
        assert!(v
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_ne!(v, Pkce::generate().unwrap().verifier());
        assert_eq!(format!("{p:?}"), "Pkce(<redacted>)");
        assert_ne!(random_state().unwrap(), random_state().unwrap());
    }

    #[test]
    fn token_debug_is_redacted() {
        let payload = URL_SAFE_NO_PAD.encode(r#"{"upn":"admin@contoso.example"}"#);
        let t = AdminToken::new(format!("eyJhbGciOiJub25lIn0.{payload}.sig"));
        assert_eq!(t.upn(), Some("admin@contoso.example"));
        let d = format!("{t:?}");
        assert!(d.contains("<redacted>") && !d.contains("eyJ"), "{d}");
        assert_eq!(AdminToken::new("opaque".into()).upn(), None);
    }

    #[test]
    fn urls_follow_the_cloud() {
        let e = Endpoints::for_cloud(Cloud::Usgov);
        let u = admin_consent_url(
            &e,
            "contoso.onmicrosoft.us",
            "cid",
            "http://localhost",
            "s1",
        );
        assert_eq!(
            u,
            "https://login.microsoftonline.us/contoso.onmicrosoft.us/adminconsent?client_id=cid&state=s1&redirect_uri=http%3A%2F%2Flocalhost"
        );
        let scope = SignInOptions::default().scope_param(Cloud::Usgov);
        assert_eq!(scope, "https://graph.microsoft.us/Application.Read.All https://graph.microsoft.us/DelegatedPermissionGrant.Read.All https://graph.microsoft.us/User.Read");
        let a = authorize_url(&e, "t", "c", "http://localhost:1234", &scope, "st", "ch");
        assert!(a.starts_with("https://login.microsoftonline.us/t/oauth2/v2.0/authorize?client_id=c&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A1234&response_mode=query&scope=https%3A%2F%2Fgraph.microsoft.us%2FApplication.Read.All"), "{a}");
        assert!(a.contains("&code_challenge=ch&code_challenge_method=S256"));
        let o = SignInOptions {
            scopes: vec!["openid".into(), "https://x.example/y".into(), " ".into()],
            ..SignInOptions::default()
        };
        assert_eq!(o.scope_param(Cloud::Global), "openid https://x.example/y");
    }

    #[test]
    fn descriptions() {
        assert_eq!(
            split_description(
                "AADSTS65004: User declined to consent to access the app.\r\nTrace ID: x"
            ),
            (
                Some(65004),
                "User declined to consent to access the app.".to_string()
            )
        );
        assert_eq!(split_description("plain"), (None, "plain".to_string()));
        assert_eq!(
            html_escape("<a href='x'>&</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn user_read_verdicts() {
        let cid = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";
        let mut f = AdminFindings {
            user_read_consented: true,
            admin_upn: Some("admin@contoso.example".into()),
            service_principal_id: Some("sp".into()),
            ..AdminFindings::default()
        };
        let c = user_read_check_from_admin(&f, Cloud::Global, cid);
        assert_eq!(c.status, Status::Pass);
        assert!(c
            .summary
            .contains("verified by admin sign-in as admin@contoso.example"));
        f.user_read_consented = false;
        let c = user_read_check_from_admin(&f, Cloud::Usgov, cid);
        assert_eq!(c.status, Status::Fail);
        assert!(c
            .fix
            .as_deref()
            .unwrap_or("")
            .contains("Grant admin consent"));
        assert!(c
            .portal_url
            .as_deref()
            .unwrap_or("")
            .starts_with("https://portal.azure.us/"));
        let mut report = Report::of(vec![Check {
            status: Status::Warn,
            ..Check::failed("perm_user_read", "could not verify", "x")
        }]);
        assert!(report.ok);
        assert!(settle_user_read(&mut report, &f, Cloud::Global, cid));
        assert!(!report.ok);
        assert!(!settle_user_read(&mut report, &f, Cloud::Global, cid));
    }

    #[test]
    fn errors_are_worded_from_the_catalog() {
        let cases: Vec<(AdminError, &str)> = vec![
            (
                AdminError::Timeout {
                    waiting: Waiting::DeviceCode,
                    secs: 1,
                },
                "the device code sign-in did not finish within 1 s",
            ),
            (
                AdminError::SignInRefused {
                    error: "access_denied".into(),
                    code: Some(65004),
                    message: "User declined.".into(),
                },
                "the sign-in was not completed: access_denied (AADSTS65004): User declined.",
            ),
            (
                AdminError::Unexpected {
                    what: "device-start",
                    status: 502,
                },
                "unexpected answer from Entra ID while starting the device code sign-in (HTTP 502)",
            ),
            (
                AdminError::Graph {
                    what: "grants",
                    failure: GraphFailure::Status {
                        status: 403,
                        error: None,
                    },
                },
                "could not read the app's delegated permission grants with the administrator's token: Microsoft Graph answered HTTP 403",
            ),
            (
                AdminError::ConsentRefused {
                    error: "access_denied".into(),
                    code: None,
                    message: String::new(),
                },
                "admin consent was not granted: access_denied: the consent page returned without consent",
            ),
        ];
        for (e, english) in cases {
            assert_eq!(e.to_string(), english);
            assert_eq!(e.msg().text(Lang::En), english);
            assert!(!e.fix().is_empty(), "{e}");
            assert_ne!(e.text_in(Lang::De), english);
            assert!(!e.fix_in(Lang::De).is_empty(), "{e}");
        }
        let graph = AdminError::Graph {
            what: "app-sp",
            failure: GraphFailure::Status {
                status: 403,
                error: None,
            },
        };
        assert!(
            graph.fix().contains(&ADMIN_SCOPES.join(", ")),
            "{}",
            graph.fix()
        );
        assert!(graph
            .fix_in(Lang::De)
            .contains("Cloudanwendungsadministrator"));
        let consent = AdminError::ConsentRefused {
            error: "access_denied".into(),
            code: None,
            message: String::new(),
        };
        assert_eq!(
            consent.fix(),
            format!("{CONSENT_ROLES} {CONSENT_REDIRECT_NOTE}")
        );
        assert!(consent.fix_in(Lang::De).contains("Umleitungs-URI"));
        let h = HttpError::Timeout {
            host: "login.microsoftonline.com".into(),
            secs: 5,
        };
        let e = AdminError::from(h.clone());
        assert_eq!(e.to_string(), h.to_string());
        assert_eq!(e.fix(), h.fix());
    }

    #[test]
    fn the_consent_texts_are_the_catalog_s() {
        assert_eq!(consent_roles().text(Lang::En), CONSENT_ROLES);
        assert_eq!(
            consent_redirect_note().text(Lang::En),
            CONSENT_REDIRECT_NOTE
        );
        assert!(consent_roles()
            .text(Lang::De)
            .contains("Globaler Administrator"));
    }

    #[test]
    fn the_browser_page_speaks_the_browser_s_language() {
        assert_eq!(accept_language("de-DE,de;q=0.9,en;q=0.8"), Lang::De);
        assert_eq!(accept_language("fr-FR, en-GB;q=0.7"), Lang::En);
        assert_eq!(accept_language("fr"), Lang::En);
        assert_eq!(accept_language(" de-AT"), Lang::De);
    }

    #[test]
    fn user_read_verdicts_in_german() {
        let f = AdminFindings {
            admin_upn: Some("admin@contoso.example".into()),
            service_principal_id: Some("sp".into()),
            ..AdminFindings::default()
        };
        let c = user_read_check_from_admin(&f, Cloud::Global, "cid");
        assert_eq!(c.message_id.as_deref(), Some("admin-user-read-missing"));
        let de = c.localized(Lang::De);
        assert!(
            de.summary.contains("keine Administratorzustimmung")
                && de.summary.contains("admin@contoso.example"),
            "{}",
            de.summary
        );
        let fix = de.fix.unwrap_or_default();
        assert!(
            fix.contains("API-Berechtigungen")
                && fix.contains("„Administratorzustimmung für <Ihre Organisation> erteilen“"),
            "{fix}"
        );
        let none = AdminFindings::default();
        let c = user_read_check_from_admin(&none, Cloud::Global, "cid");
        assert!(c.summary.contains("no service principal"), "{}", c.summary);
        assert!(
            c.summary.ends_with("(verified by admin sign-in)."),
            "{}",
            c.summary
        );
    }
}
