//! The administrator's sign-in: the options and URLs, the token endpoint, the browser sign-in
//! (authorization code with PKCE on a loopback redirect) and the device code sign-in (RFC 8628).

use super::error::{split_description, AdminError, Waiting};
use super::loopback::{await_callback, secs, Loopback};
use super::scopes::{ADMIN_SCOPES, GRAPH_COMMAND_LINE_TOOLS, OIDC_SCOPES};
use super::token::{random_state, AdminToken, Pkce};
use crate::http::{HttpClient, HttpResponse};
use crate::i18n::{args, Args, Lang};
use crate::microsoft::aad::parse_aad_error;
use crate::microsoft::cloud::{path_segment, Cloud, Endpoints};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::time::{Duration, Instant};

/// How long graphwiz waits for the administrator by default (browser, device code, consent).
pub const DEFAULT_WAIT: Duration = Duration::from_secs(300);

/// Interval used when the device code answer gives none.
pub(super) const DEFAULT_DEVICE_INTERVAL: Duration = Duration::from_secs(5);
/// Never poll faster than this, whatever the server says.
pub(super) const MIN_POLL: Duration = Duration::from_millis(200);
/// RFC 8628 §3.5: on `slow_down` the interval grows by 5 seconds.
pub(super) const SLOW_DOWN_STEP: Duration = Duration::from_secs(5);
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

pub(super) fn tenant_url(endpoints: &Endpoints, tenant: &str, tail: &str) -> String {
    format!("{}/{}/{tail}", endpoints.login_base(), path_segment(tenant))
}

pub(super) fn with_query(base: String, params: &[(&str, &str)]) -> String {
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
// Token endpoint
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
pub(super) struct TokenAnswer {
    access_token: Option<String>,
    scope: Option<String>,
}

pub(super) fn token_from(
    resp: &HttpResponse,
    what: &'static str,
) -> Result<AdminToken, AdminError> {
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
pub(super) struct DeviceAnswer {
    device_code: Option<String>,
    user_code: Option<String>,
    verification_uri: Option<String>,
    expires_in: Option<serde_json::Value>,
    interval: Option<serde_json::Value>,
    message: Option<String>,
}

/// A number that some servers send as a string.
pub(super) fn json_u64(v: Option<&serde_json::Value>) -> Option<u64> {
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
