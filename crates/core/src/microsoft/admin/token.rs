//! The administrator's token, PKCE and the random `state`: held in memory only, never printed.

use super::error::AdminError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Tokens and secrets
// ---------------------------------------------------------------------------------------------

/// The administrator's delegated Microsoft Graph token. It lives in memory only: `Debug` is
/// redacted and it cannot be serialized.
#[derive(Clone)]
pub struct AdminToken {
    pub(super) secret: SecretString,
    pub(super) upn: Option<String>,
    pub(super) scopes: Vec<String>,
}

impl AdminToken {
    /// Wraps a bearer value received from Entra ID; the signed-in user's name is read from the
    /// token's `upn` (or `preferred_username`, `unique_name`) claim when the token is a JWT. A
    /// guest's `unique_name` names the home account (`live.com#…`), not the user in this tenant:
    /// such a value is skipped, and who signed in is then read from `/me`.
    pub fn new(bearer: String) -> Self {
        let upn = jwt_payload(&bearer).and_then(|claims| {
            ["upn", "preferred_username", "unique_name"]
                .iter()
                .filter_map(|k| claims.get(*k).and_then(|v| v.as_str()))
                .find(|s| !s.trim().is_empty() && !s.contains('#'))
                .map(str::to_string)
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

    /// The directory roles of the signed-in user (the token's `wids`: role template ids), when
    /// the token names them; `None` when it cannot tell.
    pub fn role_ids(&self) -> Option<Vec<String>> {
        let claims = jwt_payload(self.bearer())?;
        let wids = claims.get("wids")?.as_array()?;
        Some(
            wids.iter()
                .filter_map(|v| v.as_str())
                .map(str::to_ascii_lowercase)
                .collect(),
        )
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
pub(super) fn jwt_payload(token: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        serde_json::Value::Object(m) => Some(m),
        _ => None,
    }
}

/// `n` bytes from the operating system's CSPRNG, base64url without padding.
pub(super) fn random_b64(n: usize) -> Result<String, AdminError> {
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
