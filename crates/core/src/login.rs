//! Entra ID: tenant discovery and the client-credentials token.

use crate::aad::{parse_aad_error, AadError};
use crate::cloud::Endpoints;
use crate::http::{HttpClient, HttpError};
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
    Err(match parse_aad_error(&resp.body) {
        Some(e) => LoginError::Aad(e),
        None => LoginError::Unexpected {
            status: resp.status,
        },
    })
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
    let resp = http.post_form(&endpoints.token_url(tenant), &form).await?;
    if resp.is_success() {
        let t: TokenResponse = resp.json()?;
        return match t.access_token {
            Some(tok) if !tok.is_empty() => Ok(AccessToken(tok.into())),
            _ => Err(LoginError::Unexpected {
                status: resp.status,
            }),
        };
    }
    Err(match parse_aad_error(&resp.body) {
        Some(e) => LoginError::Aad(e),
        None => LoginError::Unexpected {
            status: resp.status,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
