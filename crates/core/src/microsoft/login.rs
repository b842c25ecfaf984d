//! Entra ID: tenant discovery and the client-credentials token.

use crate::http::{redact_text, HttpClient, HttpError, HttpResponse};
use crate::microsoft::aad::{parse_aad_error, AadError};
use crate::microsoft::cloud::Endpoints;
use crate::secret::ClientSecret;
use serde::Deserialize;
use std::fmt;

/// What discovery learned about a tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovery {
    /// The tenant GUID (a domain resolves to it).
    pub tenant_id: String,
    /// The OAuth 2.0 token endpoint (v2) as the discovery document gives it.
    pub token_endpoint: String,
}

/// Why a login request failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoginError {
    /// No usable HTTP answer.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// Entra ID answered with an OAuth error.
    #[error("Entra ID refused the request: {}", .0.message)]
    Aad(AadError),
    /// An answer that is neither success nor an Entra ID error.
    #[error("unexpected answer from Entra ID (HTTP {status})")]
    Unexpected {
        /// HTTP status.
        status: u16,
    },
}

#[derive(Deserialize)]
struct OpenIdConfig {
    token_endpoint: Option<String>,
    issuer: Option<String>,
}

/// Extracts the tenant GUID from `…/{guid}/oauth2/v2.0/token` or `…/{guid}/v2.0`.
fn tenant_from_url(url: &str) -> Option<String> {
    url.split('/')
        .find(|seg| crate::validate::is_guid(seg))
        .map(|s| s.to_ascii_lowercase())
}

/// `GET {login}/{tenant}/v2.0/.well-known/openid-configuration`.
pub async fn discover(
    http: &HttpClient,
    endpoints: &Endpoints,
    tenant: &str,
) -> Result<Discovery, LoginError> {
    let resp = http.get_anonymous(&endpoints.discovery_url(tenant)).await?;
    if let Some(e) = resp.throttled() {
        return Err(e.into());
    }
    if resp.is_success() {
        let cfg: OpenIdConfig = resp.json()?;
        let tenant_id = cfg
            .token_endpoint
            .as_deref()
            .and_then(tenant_from_url)
            .or_else(|| cfg.issuer.as_deref().and_then(tenant_from_url))
            .ok_or(LoginError::Unexpected {
                status: resp.status,
            })?;
        // Report the token endpoint on the hosts in use, built from the resolved GUID: this is the
        // value Genesys Cloud asks for (FAQ question 4).
        let token_endpoint = endpoints.token_url(&tenant_id);
        return Ok(Discovery {
            tenant_id,
            token_endpoint,
        });
    }
    Err(error_answer(&resp))
}

/// The error of a non-success answer: Entra ID's own error, else why the answer is not one (an
/// HTML page from a proxy, not JSON), else an unexpected answer.
fn error_answer(resp: &HttpResponse) -> LoginError {
    match parse_aad_error(&resp.body) {
        Some(e) => LoginError::Aad(e),
        None => match resp.unreadable_error() {
            Some(h) => LoginError::Http(h),
            None => LoginError::Unexpected {
                status: resp.status,
            },
        },
    }
}

/// `e` with the client secret taken out of every text it carries (see [`HttpError::redact`]).
fn redact(e: LoginError, secret: &str) -> LoginError {
    match e {
        LoginError::Http(h) => LoginError::Http(h.redact(secret)),
        LoginError::Aad(mut a) => {
            a.error = redact_text(a.error, secret);
            a.message = redact_text(a.message, secret);
            a.trace_id = a.trace_id.map(|t| redact_text(t, secret));
            a.correlation_id = a.correlation_id.map(|t| redact_text(t, secret));
            LoginError::Aad(a)
        }
        other => other,
    }
}

/// An access token. Its `Debug` is redacted; it lives only in memory.
#[derive(Clone)]
pub struct AccessToken(secrecy::SecretString);

impl AccessToken {
    /// The bearer value.
    pub fn bearer(&self) -> &str {
        secrecy::ExposeSecret::expose_secret(&self.0)
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(<redacted>)")
    }
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: Option<String>,
}

/// `POST {login}/{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`.
pub async fn client_credentials_token(
    http: &HttpClient,
    endpoints: &Endpoints,
    tenant: &str,
    client_id: &str,
    secret: &ClientSecret,
) -> Result<AccessToken, LoginError> {
    let scope = endpoints.graph_scope();
    let form = [
        ("client_id", client_id),
        ("client_secret", secret.expose()),
        ("grant_type", "client_credentials"),
        ("scope", scope.as_str()),
    ];
    token_answer(http.post_form(&endpoints.token_url(tenant), &form).await)
        .map_err(|e| redact(e, secret.expose()))
}

fn token_answer(resp: Result<HttpResponse, HttpError>) -> Result<AccessToken, LoginError> {
    let resp = resp?;
    if let Some(e) = resp.throttled() {
        return Err(e.into());
    }
    if resp.is_success() {
        let t: TokenResponse = resp.json()?;
        return match t.access_token {
            Some(tok) if !tok.is_empty() => Ok(AccessToken(tok.into())),
            _ => Err(LoginError::Unexpected {
                status: resp.status,
            }),
        };
    }
    Err(error_answer(&resp))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, content_type: &str, body: &str) -> Result<HttpResponse, HttpError> {
        Ok(HttpResponse {
            status,
            body: body.to_string(),
            content_type: Some(content_type.to_string()),
            retry_after: None,
            attempts: 5,
            host: "login.example".into(),
            waited: std::time::Duration::from_secs(4),
            retry_budget: std::time::Duration::from_secs(4),
        })
    }

    #[test]
    fn token_errors_are_specific_and_never_carry_the_secret() {
        let secret = "cny8Q~echo/me+please";
        let form: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        // A proxy that echoes the request body into an OAuth error.
        let echo = format!(
            r#"{{"error":"invalid_request","error_description":"AADSTS900144: bad body client_secret={form} ({secret})"}}"#
        );
        let e = token_answer(answer(400, "application/json", &echo))
            .map_err(|e| redact(e, secret))
            .unwrap_err();
        let text = e.to_string();
        assert!(matches!(e, LoginError::Aad(_)), "{e:?}");
        assert!(!text.contains(secret) && !text.contains(&form), "{text}");
        assert!(text.contains("<client secret>"), "{text}");

        let e = token_answer(answer(429, "application/json", "{}")).unwrap_err();
        assert!(
            matches!(
                e,
                LoginError::Http(HttpError::Throttled { attempts: 5, .. })
            ),
            "{e:?}"
        );
        let e =
            token_answer(answer(502, "text/html", "<html><title>Proxy error</title>")).unwrap_err();
        assert!(
            e.to_string()
                .contains("an HTML page titled \"Proxy error\" (HTTP 502)"),
            "{e}"
        );
        let e = token_answer(answer(500, "application/json", r#"{"what":1}"#)).unwrap_err();
        assert!(matches!(e, LoginError::Unexpected { status: 500 }), "{e:?}");
        let e = token_answer(answer(200, "text/html", r#"{"access_token":"x"}"#)).unwrap_err();
        assert!(
            matches!(e, LoginError::Http(HttpError::WrongType { .. })),
            "{e:?}"
        );
        assert!(token_answer(answer(200, "application/json", r#"{"access_token":"x"}"#)).is_ok());
    }

    #[test]
    fn tenant_from_urls() {
        assert_eq!(
            tenant_from_url("https://login.microsoftonline.com/5F3C8A2E-9b41-4d7e-a6c0-2e8f71b4d903/oauth2/v2.0/token").as_deref(),
            Some("5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903")
        );
        assert_eq!(
            tenant_from_url("https://login.microsoftonline.com/common/v2.0"),
            None
        );
    }
}
