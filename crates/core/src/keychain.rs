//! The OS keychain: the only place a profile's client secret is kept.
//!
//! Backends (keyring crate): Secret Service on Linux (GNOME Keyring, KWallet), the login Keychain
//! on macOS, Credential Manager on Windows. There is deliberately no fallback to a file.
//!
//! Naming, chosen once: service `graphwiz`, account `<profile name>/<secret ref>`, where the secret
//! ref is a random id kept in the profile. The profile name makes the entry recognisable in
//! Seahorse, Keychain Access or Credential Manager; the ref keeps two data folders (e.g. a portable
//! `GRAPHWIZ_HOME`) with the same profile name from overwriting each other's secret.

use crate::secret::ClientSecret;

/// Service name of every graphwiz keychain entry.
pub const SERVICE: &str = "graphwiz";

/// Why the keychain could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No keychain service can be reached (e.g. no Secret Service on the D-Bus session).
    #[error("the OS keychain is not available: {detail}. {hint}")]
    Unavailable {
        /// What the platform said.
        detail: String,
        /// How to fix it on this OS.
        hint: &'static str,
    },
    /// The keychain is locked, or the user declined the prompt.
    #[error(
        "the OS keychain refused access (locked, or the prompt was declined): {detail}. {hint}"
    )]
    Locked {
        /// What the platform said.
        detail: String,
        /// How to fix it on this OS.
        hint: &'static str,
    },
    /// There is no secret for this profile (deleted outside graphwiz, or never stored).
    #[error("the client secret of profile '{profile}' is not in the OS keychain (it may have been deleted there); store it again with: graphwiz profile add {profile} --replace … --secret-stdin")]
    Missing {
        /// Profile name.
        profile: String,
    },
    /// Any other refusal.
    #[error("the OS keychain failed: {detail}")]
    Other {
        /// What the platform said.
        detail: String,
    },
}

impl KeychainError {
    /// True when the environment, not the input, is at fault (CLI exit status 3).
    pub fn is_environment(&self) -> bool {
        matches!(
            self,
            KeychainError::Unavailable { .. }
                | KeychainError::Locked { .. }
                | KeychainError::Other { .. }
        )
    }
}

/// How to get a working keychain on this OS.
pub fn platform_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "Unlock the login keychain in Keychain Access and allow graphwiz when macOS asks"
    } else if cfg!(target_os = "windows") {
        "Make sure Windows Credential Manager is available for your user account (it is not in some restricted or remote sessions)"
    } else {
        "Start and unlock a Secret Service: GNOME Keyring (gnome-keyring-daemon, unlocked at login) or KWallet with its Secret Service interface enabled; over SSH or in a container, run graphwiz inside a desktop session or start `dbus-run-session` with an unlocked gnome-keyring-daemon"
    }
}

fn account(profile: &str, secret_ref: &str) -> String {
    format!("{profile}/{secret_ref}")
}

fn entry(profile: &str, secret_ref: &str) -> Result<keyring::Entry, KeychainError> {
    keyring::Entry::new(SERVICE, &account(profile, secret_ref)).map_err(|e| map_err(e, profile))
}

fn map_err(e: keyring::Error, profile: &str) -> KeychainError {
    match e {
        keyring::Error::NoEntry => KeychainError::Missing {
            profile: profile.to_string(),
        },
        keyring::Error::NoStorageAccess(inner) => KeychainError::Locked {
            detail: inner.to_string(),
            hint: platform_hint(),
        },
        keyring::Error::PlatformFailure(inner) => KeychainError::Unavailable {
            detail: inner.to_string(),
            hint: platform_hint(),
        },
        other => KeychainError::Other {
            detail: other.to_string(),
        },
    }
}

/// Stores (or replaces) the secret of a profile.
pub fn store(profile: &str, secret_ref: &str, secret: &ClientSecret) -> Result<(), KeychainError> {
    entry(profile, secret_ref)?
        .set_password(secret.expose())
        .map_err(|e| map_err(e, profile))
}

/// Reads the secret of a profile.
pub fn load(profile: &str, secret_ref: &str) -> Result<ClientSecret, KeychainError> {
    entry(profile, secret_ref)?
        .get_password()
        .map(ClientSecret::new)
        .map_err(|e| map_err(e, profile))
}

/// Deletes the secret of a profile. `Ok(false)` when there was none.
pub fn delete(profile: &str, secret_ref: &str) -> Result<bool, KeychainError> {
    match entry(profile, secret_ref)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(map_err(e, profile)),
    }
}

/// True when a secret for this profile exists.
pub fn exists(profile: &str, secret_ref: &str) -> Result<bool, KeychainError> {
    match load(profile, secret_ref) {
        Ok(_) => Ok(true),
        Err(KeychainError::Missing { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}
