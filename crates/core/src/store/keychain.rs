//! The OS keychain: the only place a profile's client secret is kept.
//!
//! Backends (keyring crate): Secret Service on Linux (GNOME Keyring, KWallet), the login Keychain
//! on macOS, Credential Manager on Windows. There is deliberately no fallback to a file.
//!
//! Naming, chosen once: service `graphwiz`, account `<profile name>/<secret ref>`, where the secret
//! ref is a random id kept in the profile. The profile name makes the entry recognisable in
//! Seahorse, Keychain Access or Credential Manager; the ref keeps two data folders (e.g. a portable
//! `GRAPHWIZ_HOME`) with the same profile name from overwriting each other's secret.

use crate::i18n::{args, Lang, Msg};
use crate::secret::ClientSecret;
use std::sync::OnceLock;

/// Service name of every graphwiz keychain entry.
pub const SERVICE: &str = "graphwiz";

/// Why the keychain could not do what was asked. [`KeychainError::msg`] is its catalog message
/// (`store-keychain-*` in `i18n/{en,de}-store.ftl`, with what to do on this OS); `Display` is its
/// English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeychainError {
    /// No keychain service can be reached (e.g. no Secret Service on the D-Bus session).
    Unavailable {
        /// What the platform said.
        detail: String,
        /// How to fix it on this OS, in English ([`platform_hint`]; the message words it anew).
        hint: &'static str,
    },
    /// The keychain is locked, or the user declined the prompt to unlock it.
    Locked {
        /// What the platform said.
        detail: String,
        /// How to fix it on this OS, in English ([`locked_hint`]; the message words it anew).
        hint: &'static str,
    },
    /// There is no secret for this profile (deleted outside graphwiz, or never stored).
    Missing {
        /// Profile name.
        profile: String,
    },
    /// Any other refusal.
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

    /// The catalog message of this error, with what to do on this OS in the command line's words.
    pub fn msg(&self) -> Msg {
        match self {
            KeychainError::Unavailable { detail, .. } => {
                with_os("store-keychain-unavailable", detail)
            }
            KeychainError::Locked { detail, .. } => with_os("store-keychain-locked", detail),
            KeychainError::Missing { profile } => Msg::new(
                "store-keychain-missing",
                args([("profile", profile.as_str())]),
            ),
            KeychainError::Other { detail } => {
                Msg::new("store-keychain-other", args([("detail", detail.as_str())]))
            }
        }
    }

    /// The same in the desktop app's words: "try again" instead of a command to run, and a
    /// missing secret is entered again on the Azure app step.
    pub fn app_msg(&self) -> Msg {
        match self {
            KeychainError::Locked { .. } => {
                Msg::new("store-keychain-locked-app", args([("os", os())]))
            }
            KeychainError::Missing { profile } => Msg::new(
                "store-keychain-missing-app",
                args([("profile", profile.as_str())]),
            ),
            other => other.msg(),
        }
    }
}

impl std::fmt::Display for KeychainError {
    /// English, from the catalog.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().text(Lang::En))
    }
}

impl std::error::Error for KeychainError {}

/// This OS as the keychain messages select on: `macos`, `windows` or `linux` (every other Unix
/// has a Secret Service too).
pub fn os() -> &'static str {
    if cfg!(target_os = "macos") {
        "macos"
    } else if cfg!(target_os = "windows") {
        "windows"
    } else {
        "linux"
    }
}

fn with_os(id: &str, detail: &str) -> Msg {
    Msg::new(id, args([("detail", detail), ("os", os())]))
}

/// An English catalog text of this OS, worded once.
fn english(slot: &'static OnceLock<String>, id: &str) -> &'static str {
    slot.get_or_init(|| crate::i18n::text(Lang::En, id, &args([("os", os())])))
}

/// How to get a working keychain on this OS, as a catalog message.
pub fn platform_hint_msg() -> Msg {
    Msg::new("store-keychain-platform", args([("os", os())]))
}

/// How to unlock the keychain on this OS and try again, for the command line, as a catalog message.
pub fn locked_hint_msg() -> Msg {
    Msg::new("store-keychain-unlock", args([("os", os())]))
}

/// [`locked_hint_msg`] in the desktop app's words, as a catalog message.
pub fn locked_hint_app_msg() -> Msg {
    Msg::new("store-keychain-unlock-app", args([("os", os())]))
}

/// How to get a working keychain on this OS (English).
pub fn platform_hint() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    english(&TEXT, "store-keychain-platform")
}

/// How to unlock the keychain on this OS and try again, for the command line (English).
pub fn locked_hint() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    english(&TEXT, "store-keychain-unlock")
}

/// [`locked_hint`] in the desktop app's words ("try again" instead of "run the command again").
pub fn locked_hint_app() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    english(&TEXT, "store-keychain-unlock-app")
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

/// True when the Secret Service went away in the middle of a call (its daemon restarted or
/// crashed): worth one more try once a new one has taken the name.
fn went_away(e: &keyring::Error) -> bool {
    match e {
        keyring::Error::PlatformFailure(inner) => {
            let text = format!("{inner} {inner:?}");
            text.contains("disconnected from message bus without replying")
                || text.contains("org.freedesktop.DBus.Error.NoReply")
        }
        _ => false,
    }
}

/// Runs a keychain call, again (up to three times, 0.3 s apart) when the Secret Service went
/// away during it; any other answer is returned at once.
fn with_retry<T>(mut call: impl FnMut() -> Result<T, keyring::Error>) -> Result<T, keyring::Error> {
    let mut tries = 0;
    loop {
        match call() {
            Err(e) if went_away(&e) && tries < 3 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(300));
            }
            other => return other,
        }
    }
}

/// Stores (or replaces) the secret of a profile.
pub fn store(profile: &str, secret_ref: &str, secret: &ClientSecret) -> Result<(), KeychainError> {
    let entry = entry(profile, secret_ref)?;
    with_retry(|| entry.set_password(secret.expose())).map_err(|e| map_err(e, profile))
}

/// Reads the secret of a profile.
pub fn load(profile: &str, secret_ref: &str) -> Result<ClientSecret, KeychainError> {
    let entry = entry(profile, secret_ref)?;
    with_retry(|| entry.get_password())
        .map(ClientSecret::new)
        .map_err(|e| map_err(e, profile))
}

/// Deletes the secret of a profile. `Ok(false)` when there was none.
pub fn delete(profile: &str, secret_ref: &str) -> Result<bool, KeychainError> {
    let entry = entry(profile, secret_ref)?;
    match with_retry(|| entry.delete_credential()) {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(map_err(e, profile)),
    }
}

/// Whether the keychain takes a secret for `profile` now: stores and deletes a throwaway entry.
/// Call it before a workflow whose new secret must go straight to the keychain, so that a
/// missing or locked keychain stops it before anything is changed elsewhere.
pub fn probe(profile: &str) -> Result<(), KeychainError> {
    let probe = format!("probe-{}", uuid::Uuid::new_v4().simple());
    store(profile, &probe, &ClientSecret::new("probe".to_string()))?;
    let _ = delete(profile, &probe);
    Ok(())
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
    fn keychain_errors_say_in_german_what_to_do_on_each_os() {
        let e = KeychainError::Locked {
            detail: "prompt dismissed".into(),
            hint: locked_hint(),
        };
        assert_eq!(e.msg().text(Lang::En), e.to_string());
        let de = e.msg().text(Lang::De);
        assert!(
            de.starts_with("Der Schlüsselbund des Betriebssystems ist gesperrt, oder die Anfrage zum Entsperren wurde abgelehnt (prompt dismissed). "),
            "{de}"
        );
        assert!(de.contains("Schlüsselbund"), "{de}");
        let on = |id: &str, os: &str| {
            crate::i18n::text(Lang::De, id, &args([("detail", "x"), ("os", os)]))
        };
        let windows = on("store-keychain-locked", "windows");
        assert!(
            windows.contains("Anmeldeinformationsverwaltung")
                && windows.contains("Als anderer Benutzer ausführen"),
            "{windows}"
        );
        let macos = on("store-keychain-locked", "macos");
        assert!(
            macos.contains("Schlüsselbundverwaltung") && macos.contains("„Immer erlauben“"),
            "{macos}"
        );
        let linux = on("store-keychain-unavailable", "linux");
        assert!(
            linux.contains("GNOME-Schlüsselbund") && linux.contains("dbus-run-session"),
            "{linux}"
        );
        assert!(on("store-keychain-unlock-app", "linux").contains("versuchen Sie es erneut"));
        let missing = KeychainError::Missing {
            profile: "contoso".into(),
        };
        assert!(missing
            .msg()
            .text(Lang::De)
            .contains("graphwiz profile add \"contoso\" --replace"));
        assert!(missing
            .app_msg()
            .text(Lang::De)
            .contains("im Schritt „Azure-App“"));
        assert!(missing
            .app_msg()
            .text(Lang::En)
            .ends_with("Enter the secret's Value again on the Azure app step."));
    }

    #[test]
    fn app_hint_talks_about_trying_again() {
        assert!(locked_hint_app().contains("try again"));
        assert!(!locked_hint_app().contains("command"));
    }
}
