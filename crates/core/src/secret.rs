//! The client secret, held so that it cannot be printed, logged or serialised by accident.
//!
//! [`ClientSecret`] has no `Display` and no `Serialize`; its `Debug` prints `<redacted>`, and the
//! memory is zeroed when it is dropped (secrecy). The only way to the text is
//! [`ClientSecret::expose`], used where the secret goes on the wire to the token endpoint. Whether
//! it is shaped like the Secret ID instead is asked in [`crate::validate`]
//! (`ClientSecret::looks_like_secret_id`).

use secrecy::{ExposeSecret, SecretString};
use std::fmt;

/// A client secret value.
#[derive(Clone)]
pub struct ClientSecret(SecretString);

impl ClientSecret {
    /// Wraps a secret exactly as given (see [`crate::validate::secret`] for trimming and checks).
    pub fn new(value: String) -> Self {
        ClientSecret(SecretString::from(value))
    }

    /// The secret text. Call only where it must be sent to Entra ID or stored in the OS keychain.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// The first three characters, which the Azure portal shows as the secret's hint.
    pub fn hint(&self) -> String {
        self.expose().chars().take(3).collect()
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.expose().chars().count()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientSecret(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let s = ClientSecret::new("abc8Q~canary-value-1234567890".into());
        let shown = format!("{s:?} {:?}", Some(&s));
        assert!(!shown.contains("canary"), "{shown}");
        assert_eq!(s.hint(), "abc");
        assert!(!s.looks_like_secret_id());
        assert!(
            ClientSecret::new("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f".into()).looks_like_secret_id()
        );
    }
}
