//! An integration as an administrator enters it, for both faces (`graphwiz profile add` and the
//! wizard's Azure app step): the validated target, the [`Profile`] made from it, and the profile
//! saved with its secret in the OS keychain.

use crate::microsoft::cloud::{Cloud, EndpointError, Endpoints};
use crate::secret::ClientSecret;
use crate::store::keychain::{self, KeychainError};
use crate::store::profiles::{Profile, ProfileError, ProfileStore};
use crate::validate::{self, Problem};

/// The validated identity of an integration (no secret).
#[derive(Clone, Debug)]
pub struct Target {
    /// Tenant (GUID or domain), normalised.
    pub tenant: String,
    /// Application (client) ID, normalised.
    pub client_id: String,
    /// The cloud's endpoints, with the overrides applied.
    pub endpoints: Endpoints,
    /// Accepted with a warning (trimmed, braces removed, …).
    pub warnings: Vec<Problem>,
    /// True when the login host replaces the cloud's (kept in the profile only then).
    pub login_overridden: bool,
    /// True when the Graph host replaces the cloud's.
    pub graph_overridden: bool,
}

/// Why a target was refused.
#[derive(Debug)]
pub enum TargetError {
    /// Tenant or client ID refused (all field errors together).
    Fields(Vec<Problem>),
    /// Unknown cloud (the parser's words).
    Cloud(String),
    /// A login or Graph URL refused (plain `http://` only on loopback, …).
    Endpoints(EndpointError),
}

/// Validates tenant, client ID, cloud (default `global`) and endpoint overrides; all field errors
/// are reported together.
pub fn target(
    tenant: &str,
    client_id: &str,
    cloud: Option<&str>,
    login: Option<&str>,
    graph: Option<&str>,
) -> Result<Target, TargetError> {
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let tenant = validate::tenant(tenant)
        .map(|(v, w)| {
            warnings.extend(w);
            v
        })
        .map_err(|p| errors.push(p))
        .ok();
    let client_id = validate::client_id(client_id)
        .map(|(v, w)| {
            warnings.extend(w);
            v
        })
        .map_err(|p| errors.push(p))
        .ok();
    let cloud: Cloud = cloud
        .unwrap_or("global")
        .parse()
        .map_err(TargetError::Cloud)?;
    let endpoints = Endpoints::new(cloud, login, graph).map_err(TargetError::Endpoints)?;
    match (tenant, client_id) {
        (Some(tenant), Some(client_id)) if errors.is_empty() => {
            warnings.extend(validate::tenant_and_client(&tenant, &client_id));
            Ok(Target {
                tenant,
                client_id,
                endpoints,
                warnings,
                login_overridden: login.is_some(),
                graph_overridden: graph.is_some(),
            })
        }
        _ => Err(TargetError::Fields(errors)),
    }
}

impl Target {
    /// A new profile `name` of this integration with `mailboxes`: no secret yet, nothing checked;
    /// the tenant GUID known when the tenant was given as one; the endpoints kept only where they
    /// replace the cloud's.
    pub fn profile(&self, name: &str, mailboxes: Vec<String>) -> Profile {
        Profile {
            name: name.to_string(),
            cloud: self.endpoints.cloud,
            tenant: self.tenant.clone(),
            tenant_id: validate::is_guid(&self.tenant).then(|| self.tenant.clone()),
            client_id: self.client_id.clone(),
            mailboxes,
            login_url: self
                .login_overridden
                .then(|| self.endpoints.login_base().to_string()),
            graph_url: self
                .graph_overridden
                .then(|| self.endpoints.graph_base().to_string()),
            secret_ref: String::new(),
            secret_hint: None,
            secret_expiry: None,
            last_check: None,
            last_live_test: None,
            genesys: None,
        }
    }
}

/// Why a profile was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// The profiles file refused it (a name clash, a damaged file, …).
    Profiles(ProfileError),
    /// The keychain did not take the secret.
    Keychain(KeychainError),
}

impl From<ProfileError> for SaveError {
    fn from(e: ProfileError) -> Self {
        SaveError::Profiles(e)
    }
}

impl From<KeychainError> for SaveError {
    fn from(e: KeychainError) -> Self {
        SaveError::Keychain(e)
    }
}

/// What [`save_with_secret`] did besides saving.
#[derive(Debug, Default)]
pub struct Saved {
    /// The keychain reference of the new secret, when one was stored.
    pub secret_ref: Option<String>,
    /// The replaced secret could not be removed from the keychain (a stale entry, harmless):
    /// its profile and why.
    pub stale_secret: Option<(String, KeychainError)>,
}

/// Saves `profile` and puts `secret` (when given) in the OS keychain.
///
/// `replacing` is the saved profile this one replaces (the same one edited, renamed, or
/// overwritten), `None` for a new one; another saved profile of the same name refuses the save,
/// before the keychain is touched and again in the locked update. Nothing is written when the
/// keychain can't take the secret; the new secret is removed again when the profile can't be
/// saved. A replaced profile of the same name passes on its Genesys Cloud part when `profile` has
/// none, and its secret is removed after a new one took its place.
pub fn save_with_secret(
    store: &ProfileStore,
    profile: &mut Profile,
    secret: Option<&ClientSecret>,
    replacing: Option<&Profile>,
) -> Result<Saved, SaveError> {
    let name = profile.name.clone();
    let same_name = replacing.filter(|r| r.name.eq_ignore_ascii_case(&name));
    let clash = |f: &crate::store::profiles::ProfilesFile| {
        f.get(&name)
            .filter(|_| same_name.is_none())
            .map(|other| ProfileError::Exists {
                name: other.name.clone(),
            })
    };
    if let Some(e) = clash(&store.load()?) {
        return Err(e.into());
    }
    let new_ref = match secret {
        Some(sec) => {
            let r = uuid::Uuid::new_v4().simple().to_string();
            keychain::store(&name, &r, sec)?;
            profile.secret_ref = r.clone();
            profile.secret_hint = Some(sec.hint());
            Some(r)
        }
        None => None,
    };
    if profile.genesys.is_none() {
        profile.genesys = same_name.and_then(|o| o.genesys.clone());
    }
    let saved = store.update(|f| {
        if let Some(e) = clash(f) {
            return Err(e);
        }
        f.upsert(profile.clone());
        Ok(())
    });
    if let Err(e) = saved {
        // Leave nothing behind: the new secret goes with the profile that was not saved.
        if let Some(r) = &new_ref {
            let _ = keychain::delete(&name, r);
        }
        return Err(e.into());
    }
    let stale_secret = match (same_name, &new_ref) {
        (Some(old), Some(new)) if &old.secret_ref != new => {
            keychain::delete(&old.name, &old.secret_ref)
                .err()
                .map(|e| (old.name.clone(), e))
        }
        _ => None,
    };
    Ok(Saved {
        secret_ref: new_ref,
        stale_secret,
    })
}
