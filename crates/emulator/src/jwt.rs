//! Access tokens: real-shaped JWTs signed with a per-emulator HMAC-SHA256 key, so Graph endpoints
//! can tell tokens this emulator issued from forged, altered or expired ones.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::{json, Map, Value};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The `kid` header value of every token this emulator signs.
pub const KEY_ID: &str = "graphwiz-emulator-hs256";

/// Why a bearer token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// Not three base64url parts, or not JSON inside.
    Malformed,
    /// The signature does not match: not issued by this emulator, or altered.
    BadSignature,
    /// `exp` has passed.
    Expired,
    /// `nbf` is in the future.
    NotYetValid,
}

/// Signs and verifies tokens with a key that lives only in this emulator's memory.
pub struct Signer {
    mac: HmacSha256,
}

impl Signer {
    /// A signer with a fresh random key.
    pub fn random() -> Self {
        let mut key = [0u8; 32];
        key[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        key[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        let mac = HmacSha256::new_from_slice(&key).expect("HMAC accepts keys of any length");
        Signer { mac }
    }

    fn mac(&self) -> HmacSha256 {
        self.mac.clone()
    }

    /// Encodes and signs `claims` as a compact JWS.
    pub fn issue(&self, claims: &Map<String, Value>) -> String {
        let header = json!({"typ": "JWT", "alg": "HS256", "kid": KEY_ID});
        let h = URL_SAFE_NO_PAD.encode(header.to_string());
        let p = URL_SAFE_NO_PAD.encode(Value::Object(claims.clone()).to_string());
        let signing_input = format!("{h}.{p}");
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        let sig = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{signing_input}.{sig}")
    }

    /// Checks the signature and lifetime of `token` at unix time `now`; returns its claims.
    pub fn verify(&self, token: &str, now: i64) -> Result<Map<String, Value>, TokenError> {
        let mut parts = token.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let sig = URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| TokenError::Malformed)?;
        let header: Value = URL_SAFE_NO_PAD
            .decode(h)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or(TokenError::Malformed)?;
        if header.get("alg").and_then(Value::as_str) != Some("HS256") {
            return Err(TokenError::BadSignature);
        }
        let mut mac = self.mac();
        mac.update(h.as_bytes());
        mac.update(b".");
        mac.update(p.as_bytes());
        mac.verify_slice(&sig)
            .map_err(|_| TokenError::BadSignature)?;
        let claims: Map<String, Value> = URL_SAFE_NO_PAD
            .decode(p)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or(TokenError::Malformed)?;
        let exp = claims
            .get("exp")
            .and_then(Value::as_i64)
            .ok_or(TokenError::Malformed)?;
        if now >= exp {
            return Err(TokenError::Expired);
        }
        if let Some(nbf) = claims.get("nbf").and_then(Value::as_i64) {
            if now < nbf {
                return Err(TokenError::NotYetValid);
            }
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_payload(token: &str) -> Option<Map<String, Value>> {
        let p = token.split('.').nth(1)?;
        let bytes = URL_SAFE_NO_PAD.decode(p).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    fn claims(exp: i64) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("tid".into(), json!("t"));
        m.insert("nbf".into(), json!(100));
        m.insert("exp".into(), json!(exp));
        m
    }

    #[test]
    fn round_trip() {
        let s = Signer::random();
        let t = s.issue(&claims(200));
        let c = s.verify(&t, 150).expect("valid token");
        assert_eq!(c.get("tid"), Some(&json!("t")));
        assert_eq!(
            decode_payload(&t).and_then(|m| m.get("exp").cloned()),
            Some(json!(200))
        );
    }

    #[test]
    fn lifetime_is_enforced() {
        let s = Signer::random();
        let t = s.issue(&claims(200));
        assert_eq!(s.verify(&t, 200), Err(TokenError::Expired));
        assert_eq!(s.verify(&t, 50), Err(TokenError::NotYetValid));
    }

    #[test]
    fn other_keys_and_edits_are_rejected() {
        let a = Signer::random();
        let b = Signer::random();
        let t = a.issue(&claims(200));
        assert_eq!(b.verify(&t, 150), Err(TokenError::BadSignature));
        let mut parts: Vec<&str> = t.split('.').collect();
        let forged =
            URL_SAFE_NO_PAD.encode(json!({"tid":"t","exp":999,"roles":["Mail.Send"]}).to_string());
        parts[1] = &forged;
        assert_eq!(
            a.verify(&parts.join("."), 150),
            Err(TokenError::BadSignature)
        );
        assert_eq!(a.verify("abc", 150), Err(TokenError::Malformed));
        assert_eq!(a.verify("a.b.c.d", 150), Err(TokenError::Malformed));
        assert_eq!(a.verify("", 150), Err(TokenError::Malformed));
    }
}
