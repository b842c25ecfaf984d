//! Setting up a profile's Genesys Cloud part: validating what the admin entered (with the Genesys
//! admin UI's labels, in the admin's language), saving the part with its secret in the OS
//! keychain, removing it, and opening a connection from it. Both faces call these.

use super::client::GenesysConnection;
use super::region::{GenesysEndpoints, Region, REGIONS};
use crate::i18n::{self, args, Lang};
use crate::secret::ClientSecret;
use crate::store::keychain::{self, KeychainError};
use crate::store::profiles::{GenesysPart, Profile, ProfileError, ProfileStore};

/// Why a Genesys part could not be saved, removed or used.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// A value was refused (worded in the admin's language).
    #[error("{0}")]
    Input(String),
    /// The profiles file.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// The OS keychain.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
}

impl SetupError {
    /// True when the environment (keychain, data folder) failed rather than the input.
    pub fn is_environment(&self) -> bool {
        match self {
            SetupError::Input(_) => false,
            SetupError::Profile(e) => e.is_environment(),
            SetupError::Keychain(e) => e.is_environment(),
        }
    }
}

/// The region, by host or name; refused with the list of regions.
pub fn region(raw: &str, lang: Lang) -> Result<Region, SetupError> {
    Region::parse(raw).map_err(|_| {
        let known = REGIONS
            .iter()
            .map(|r| format!("{} ({})", r.host, r.name))
            .collect::<Vec<_>>()
            .join(", ");
        SetupError::Input(i18n::text(
            lang,
            "genesys-unknown-region",
            &args([("given", raw.trim().to_string()), ("known", known)]),
        ))
    })
}

/// The OAuth client's Client ID (a GUID), trimmed and lower-cased.
pub fn client_id(raw: &str, lang: Lang) -> Result<String, SetupError> {
    let t = raw.trim();
    if crate::validate::is_guid(t) {
        Ok(t.to_ascii_lowercase())
    } else {
        Err(SetupError::Input(i18n::text(
            lang,
            "genesys-invalid-client-id",
            &args([("value", t.chars().take(60).collect::<String>())]),
        )))
    }
}

/// The OAuth client's secret: not empty, no whitespace inside (a trailing line end is fine).
pub fn secret(raw: &str, lang: Lang) -> Result<ClientSecret, SetupError> {
    let t = raw.trim_end_matches(['\n', '\r']).trim();
    if t.is_empty() {
        return Err(SetupError::Input(i18n::text(
            lang,
            "genesys-secret-missing",
            &i18n::Args::new(),
        )));
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(SetupError::Input(i18n::text(
            lang,
            "genesys-secret-whitespace",
            &i18n::Args::new(),
        )));
    }
    Ok(ClientSecret::new(t.to_string()))
}

/// What the admin entered for a Genesys part (validated by the functions above).
#[derive(Clone, Debug)]
pub struct PartInput {
    /// The region.
    pub region: Region,
    /// The OAuth client's Client ID.
    pub client_id: String,
    /// Login override (tests, demo).
    pub login_url: Option<String>,
    /// API override (tests, demo).
    pub api_url: Option<String>,
}

/// Saves the Genesys part of profile `name`: the secret goes to the keychain under a new
/// reference first; the profile is updated only when that worked; the old secret is removed
/// afterwards. Nothing is left behind when a step fails.
pub fn save_part(
    store: &ProfileStore,
    name: &str,
    input: &PartInput,
    secret: &ClientSecret,
) -> Result<GenesysPart, SetupError> {
    let endpoints = GenesysEndpoints::new(
        input.region,
        input.login_url.as_deref(),
        input.api_url.as_deref(),
    )
    .map_err(|e| SetupError::Input(e.to_string()))?;
    let file = store.load()?;
    let profile = file
        .get(name)
        .cloned()
        .ok_or_else(|| ProfileError::NotFound {
            name: name.to_string(),
            known: file.names(),
        })?;
    let secret_ref = format!("genesys-{}", uuid::Uuid::new_v4().simple());
    keychain::store(&profile.name, &secret_ref, secret)?;
    let part = GenesysPart {
        region: input.region.name.to_string(),
        client_id: input.client_id.clone(),
        secret_ref: secret_ref.clone(),
        login_url: input
            .login_url
            .as_ref()
            .map(|_| endpoints.login_base().to_string()),
        api_url: input
            .api_url
            .as_ref()
            .map(|_| endpoints.api_base().to_string()),
    };
    let saved = store.update(|f| {
        let p = f
            .get_mut(&profile.name)
            .ok_or_else(|| ProfileError::NotFound {
                name: profile.name.clone(),
                known: Vec::new(),
            })?;
        p.genesys = Some(part.clone());
        Ok(())
    });
    if let Err(e) = saved {
        let _ = keychain::delete(&profile.name, &secret_ref);
        return Err(e.into());
    }
    if let Some(old) = profile.genesys.filter(|o| o.secret_ref != secret_ref) {
        let _ = keychain::delete(&profile.name, &old.secret_ref);
    }
    Ok(part)
}

/// Removes the Genesys part of profile `name` and its keychain entry; `false` when it had none.
pub fn remove_part(store: &ProfileStore, name: &str) -> Result<bool, SetupError> {
    let mut removed: Option<(String, GenesysPart)> = None;
    store.update(|f| {
        let known = f.names();
        let p = f.get_mut(name).ok_or_else(|| ProfileError::NotFound {
            name: name.to_string(),
            known,
        })?;
        removed = p.genesys.take().map(|g| (p.name.clone(), g));
        Ok(())
    })?;
    match removed {
        Some((profile, part)) => {
            keychain::delete(&profile, &part.secret_ref)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// The connection of a profile's Genesys part, with its secret from the keychain.
pub fn connection(profile: &Profile) -> Result<Option<GenesysConnection>, SetupError> {
    let Some(part) = &profile.genesys else {
        return Ok(None);
    };
    let secret = keychain::load(&profile.name, &part.secret_ref)?;
    part.connection(secret).map(Some).map_err(SetupError::Input)
}

/// The check input's Genesys half for a profile, when it has one.
pub fn input_for(profile: &Profile) -> Result<Option<super::GenesysInput>, SetupError> {
    Ok(connection(profile)?.map(|conn| super::GenesysInput {
        conn,
        mailboxes: profile.mailboxes.clone(),
        profile: Some(profile.name.clone()),
    }))
}

/// A profile's Genesys part as endpoints and a connection (the store knows nothing of the API).
impl crate::store::profiles::GenesysPart {
    /// The endpoints of this part.
    pub fn endpoints(&self) -> Result<crate::genesys::GenesysEndpoints, String> {
        let region = crate::genesys::Region::parse(&self.region).map_err(|e| e.to_string())?;
        crate::genesys::GenesysEndpoints::new(
            region,
            self.login_url.as_deref(),
            self.api_url.as_deref(),
        )
        .map_err(|e| e.to_string())
    }

    /// The connection with the secret from the keychain (or the caller).
    pub fn connection(
        &self,
        secret: crate::secret::ClientSecret,
    ) -> Result<crate::genesys::GenesysConnection, String> {
        Ok(crate::genesys::GenesysConnection {
            endpoints: self.endpoints()?,
            client_id: self.client_id.clone(),
            secret,
        })
    }
}
