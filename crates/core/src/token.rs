//! Reading the claims of a Microsoft Graph access token.
//!
//! Graph tokens are opaque to clients: graphwiz never validates their signature. It only inspects
//! the payload to learn which application permissions were granted (`roles`), the tenant (`tid`)
//! and the service principal (`oid`). A token that is not a readable JWT is a normal case, not an
//! error to crash on: callers fall back to weaker evidence.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

/// The claims graphwiz reads from an app-only token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct TokenClaims {
    /// Application permissions granted with admin consent. `None` when the claim is absent,
    /// which is what Entra ID issues when nothing has been consented.
    #[serde(default)]
    pub roles: Option<Vec<String>>,
    /// Tenant ID.
    #[serde(default)]
    pub tid: Option<String>,
    /// Application (client) ID.
    #[serde(default)]
    pub appid: Option<String>,
    /// Object ID of the application's service principal in the tenant.
    #[serde(default)]
    pub oid: Option<String>,
    /// Audience.
    #[serde(default)]
    pub aud: Option<String>,
    /// Expiry, seconds since the epoch.
    #[serde(default)]
    pub exp: Option<i64>,
    /// `app` for app-only tokens.
    #[serde(default)]
    pub idtyp: Option<String>,
}

impl TokenClaims {
    /// True when `role` is among the granted application permissions.
    pub fn has_role(&self, role: &str) -> bool {
        self.roles
            .as_ref()
            .is_some_and(|r| r.iter().any(|x| x.eq_ignore_ascii_case(role)))
    }
}

/// Why a token's claims could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimsError {
    /// Not three dot-separated parts.
    #[error("{}", self.msg())]
    NotJwt,
    /// The payload is not base64url.
    #[error("{}", self.msg())]
    BadEncoding,
    /// The payload is not a JSON object of the expected shape.
    #[error("{}", self.msg())]
    BadJson,
}

impl ClaimsError {
    /// The catalog message (`Display` is its English text).
    pub fn msg(&self) -> crate::i18n::Msg {
        crate::i18n::Msg::plain(match self {
            ClaimsError::NotJwt => "azure-claims-not-jwt",
            ClaimsError::BadEncoding => "azure-claims-bad-encoding",
            ClaimsError::BadJson => "azure-claims-bad-json",
        })
    }
}

/// Reads the claims of a JWT without validating it.
pub fn read_claims(token: &str) -> Result<TokenClaims, ClaimsError> {
    let mut parts = token.trim().split('.');
    let (Some(_header), Some(payload), Some(_sig), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ClaimsError::NotJwt);
    };
    if payload.is_empty() {
        return Err(ClaimsError::NotJwt);
    }
    // Some issuers pad; accept both.
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| ClaimsError::BadEncoding)?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|_| ClaimsError::BadJson)?;
    if !value.is_object() {
        return Err(ClaimsError::BadJson);
    }
    serde_json::from_value(value).map_err(|_| ClaimsError::BadJson)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(payload: &str) -> String {
        format!(
            "{}.{}.sig",
            URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"RS256"}"#),
            URL_SAFE_NO_PAD.encode(payload)
        )
    }

    #[test]
    fn reads_roles_tid_oid() {
        let t = jwt(
            r#"{"aud":"https://graph.microsoft.com","tid":"t1","oid":"o1","roles":["Mail.ReadWrite","Mail.Send"],"idtyp":"app","exp":1}"#,
        );
        let c = read_claims(&t).unwrap();
        assert!(c.has_role("Mail.Send"));
        assert!(c.has_role("mail.readwrite"));
        assert!(!c.has_role("User.Read.All"));
        assert_eq!(c.tid.as_deref(), Some("t1"));
        assert_eq!(c.oid.as_deref(), Some("o1"));
    }

    #[test]
    fn absent_roles_is_none() {
        let c = read_claims(&jwt(r#"{"tid":"t"}"#)).unwrap();
        assert_eq!(c.roles, None);
        assert!(!c.has_role("Mail.Send"));
    }

    #[test]
    fn not_a_jwt() {
        assert_eq!(read_claims("opaque-token"), Err(ClaimsError::NotJwt));
        assert_eq!(read_claims("a.b"), Err(ClaimsError::NotJwt));
        assert_eq!(read_claims("a.b.c.d"), Err(ClaimsError::NotJwt));
        assert_eq!(read_claims("a..c"), Err(ClaimsError::NotJwt));
        assert_eq!(read_claims(""), Err(ClaimsError::NotJwt));
        assert_eq!(read_claims("a.!!!.c"), Err(ClaimsError::BadEncoding));
        let not_json = format!("a.{}.c", URL_SAFE_NO_PAD.encode("hello"));
        assert_eq!(read_claims(&not_json), Err(ClaimsError::BadJson));
        let array = format!("a.{}.c", URL_SAFE_NO_PAD.encode("[1,2]"));
        assert_eq!(read_claims(&array), Err(ClaimsError::BadJson));
        let wrong_type = jwt(r#"{"roles":"Mail.Send"}"#);
        assert_eq!(read_claims(&wrong_type), Err(ClaimsError::BadJson));
    }

    #[test]
    fn accepts_padded_payload() {
        let payload = base64::engine::general_purpose::URL_SAFE.encode(r#"{"tid":"x"}"#);
        let c = read_claims(&format!("h.{payload}.s")).unwrap();
        assert_eq!(c.tid.as_deref(), Some("x"));
    }
}
