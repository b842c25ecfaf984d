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
    /// The keychain is locked, or the user declined the prompt to unlock it.
    #[error(
        "the OS keychain is locked, or the request to unlock it was declined ({detail}). {hint}"
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

/// How to unlock the keychain on this OS and try again, for the command line.
pub fn locked_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "To unlock it, open Keychain Access, select the \"login\" keychain and choose File > Unlock Keychain \"login\" (enter your login password), then run the command again and click Allow or Always Allow when macOS asks whether graphwiz may use its keychain item"
    } else if cfg!(target_os = "windows") {
        "Credential Manager belongs to the signed-in Windows user: run the command again as the user who saved the profile, in a normal desktop sign-in (not RunAs, a service or a restricted remote session), and allow access if Windows asks"
    } else {
        "To unlock it, run the command again in your desktop session and enter the keyring password (usually your login password) when the \"Unlock Login Keyring\" window asks; or open Passwords and Keys (Seahorse), right-click the \"Login\" keyring, choose Unlock, and run the command again (KDE: open the wallet in KWallet Manager). Over SSH or without a display no unlock window can appear: unlock the keyring in the desktop session first"
    }
}

/// [`locked_hint`] in the desktop app's words ("try again" instead of "run the command again").
pub fn locked_hint_app() -> &'static str {
    if cfg!(target_os = "macos") {
        "To unlock it, open Keychain Access, select the \"login\" keychain and choose File > Unlock Keychain \"login\" (enter your login password), then try again and click Allow or Always Allow when macOS asks whether graphwiz may use its keychain item."
    } else if cfg!(target_os = "windows") {
        "Credential Manager belongs to the signed-in Windows user: start graphwiz as the user who saved the profile, in a normal desktop sign-in (not RunAs or a restricted remote session), try again, and allow access if Windows asks."
    } else {
        "To unlock it, try again and enter the keyring password (usually your login password) when the \"Unlock Login Keyring\" window asks; or open Passwords and Keys (Seahorse), right-click the \"Login\" keyring, choose Unlock, and try again (KDE: open the wallet in KWallet Manager)."
    }
}

/// True when a platform failure is the Secret Service saying the collection is locked. Creating an
/// item in a locked collection (after an unlock prompt that was declined or could not appear)
/// fails with the D-Bus error `org.freedesktop.Secret.Error.IsLocked`, which keyring reports as a
/// platform failure rather than as `NoStorageAccess`.
fn is_locked_failure(inner: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    // The D-Bus error name is only in the Debug form, after the message.
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(inner);
    while let Some(e) = cur {
        if format!("{e:?}").contains("org.freedesktop.Secret.Error.IsLocked") {
            return true;
        }
        cur = e.source();
    }
    false
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
            hint: locked_hint(),
        },
        keyring::Error::PlatformFailure(inner) if is_locked_failure(inner.as_ref()) => {
            KeychainError::Locked {
                detail: inner.to_string(),
                hint: locked_hint(),
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Stands in for the platform error inside a `keyring::Error` (its Debug form is what
    /// dbus-secret-service gives for a D-Bus error: message, then the error name).
    #[derive(Debug)]
    struct Platform(&'static str);

    impl std::fmt::Display for Platform {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Platform {}

    fn boxed(s: &'static str) -> Box<dyn std::error::Error + Send + Sync> {
        Box::new(Platform(s))
    }

    #[test]
    fn locked_says_so_and_how_to_unlock() {
        let e = map_err(
            keyring::Error::NoStorageAccess(boxed("Secret Service: unlock prompt was dismissed")),
            "p",
        );
        assert!(matches!(e, KeychainError::Locked { .. }), "{e:?}");
        assert!(e.is_environment());
        let text = e.to_string();
        assert!(
            text.starts_with("the OS keychain is locked, or the request to unlock it was declined (Secret Service: unlock prompt was dismissed). "),
            "{text}"
        );
        assert!(text.contains("run the command again"), "{text}");
        if cfg!(target_os = "linux") {
            assert!(
                text.contains("\"Unlock Login Keyring\"") && text.contains("Seahorse"),
                "{text}"
            );
            assert!(
                !text.contains("Start and unlock a Secret Service"),
                "not the generic hint: {text}"
            );
        }
    }

    #[test]
    fn create_in_a_locked_collection_is_locked_not_unavailable() {
        let e = map_err(
            keyring::Error::PlatformFailure(boxed(
                "Dbus(D-Bus error: Cannot create an item in a locked collection (org.freedesktop.Secret.Error.IsLocked))",
            )),
            "p",
        );
        assert!(matches!(e, KeychainError::Locked { .. }), "{e:?}");
        let e = map_err(
            keyring::Error::PlatformFailure(boxed(
                "Dbus(D-Bus error: The name org.freedesktop.secrets was not provided by any .service files (org.freedesktop.DBus.Error.ServiceUnknown))",
            )),
            "p",
        );
        assert!(matches!(e, KeychainError::Unavailable { .. }), "{e:?}");
        assert!(e.to_string().contains(platform_hint()));
    }

    #[test]
    fn app_hint_talks_about_trying_again() {
        assert!(locked_hint_app().contains("try again"));
        assert!(!locked_hint_app().contains("command"));
    }
}
