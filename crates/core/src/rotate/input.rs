//! What a rotation needs ([`RotateInput`], [`Action`]), where it is ([`RotateStep`]) and how it
//! ended ([`RotateOutcome`]).

use super::journal::Stage;
use crate::genesys::restart::RestartStep;
use crate::genesys::GenesysInput;
use crate::report::Check;
use crate::secret::ClientSecret;
use crate::store::profiles::ProfileStore;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The check id of a rotation's outcome.
pub const ROTATE_CHECK: &str = "rotate";
/// Default lifetime of the new secret, in months.
pub const DEFAULT_MONTHS: u32 = 6;
/// Microsoft's longest lifetime of a client secret, in months.
pub const MAX_MONTHS: u32 = 24;

/// What to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Begin a rotation (refused while one is open).
    Start,
    /// Continue the open rotation from where it stopped.
    Resume,
    /// Undo the open rotation (before the old secret was removed).
    RollBack,
}

/// What a rotation needs.
#[derive(Clone, Debug)]
pub struct RotateInput {
    /// The profiles file.
    pub store: ProfileStore,
    /// The profile.
    pub profile: String,
    /// Lifetime of the new secret in months (1–24).
    pub months: u32,
    /// Timeout of each request.
    pub timeout: Duration,
    /// How long Entra ID may take to accept the new secret.
    pub replication_wait: Duration,
    /// How long the restart may wait for each of inactive and active.
    pub restart_timeout: Duration,
    /// Run a live test with the new secret before the old one goes (when the profile has a mailbox).
    pub live_test: bool,
    /// Where the secrets are kept: `None` the OS keychain; a [`MemoryVault`] for the desktop
    /// app's demo tenant, whose secrets never reach the keychain.
    pub vault: Option<MemoryVault>,
    /// The Genesys Cloud connection to use instead of the one the profile's part names (the
    /// demo's organization, its secret in memory). `None`: the profile's part.
    pub genesys: Option<GenesysInput>,
}

/// Secrets held in memory instead of the OS keychain, by keychain reference (the demo tenant's).
#[derive(Clone, Default)]
pub struct MemoryVault(Arc<Mutex<HashMap<String, ClientSecret>>>);

impl std::fmt::Debug for MemoryVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemoryVault(..)")
    }
}

impl MemoryVault {
    pub(super) fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, ClientSecret>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
    /// Keeps `secret` under `secret_ref`.
    pub fn put(&self, secret_ref: &str, secret: ClientSecret) {
        self.map().insert(secret_ref.to_string(), secret);
    }
    /// The secret under `secret_ref`.
    pub fn get(&self, secret_ref: &str) -> Option<ClientSecret> {
        self.map().get(secret_ref).cloned()
    }
    /// Forgets the secret under `secret_ref`; true when there was one.
    pub fn remove(&self, secret_ref: &str) -> bool {
        self.map().remove(secret_ref).is_some()
    }
}

/// Where a rotation is, for progress displays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RotateStep {
    /// Reading the app's secrets.
    Reading,
    /// Adding the new secret in Azure.
    Adding,
    /// Waiting for Entra ID to accept the new secret.
    Proving {
        /// Seconds waited so far.
        waited_secs: u64,
    },
    /// Checking the permissions with the new secret.
    CheckingPermissions,
    /// Putting the new secret into Genesys Cloud.
    UpdatingGenesys,
    /// Restarting the integration.
    Restarting(RestartStep),
    /// Waiting for the admin to paste the secret into Genesys Cloud.
    WaitingForAdmin,
    /// Live test with the new secret.
    LiveTest,
    /// Removing the old secret in Azure.
    RemovingOld,
    /// Undoing the rotation.
    RollingBack,
}

/// How a run ended.
#[derive(Clone, Debug)]
pub struct RotateOutcome {
    /// True when the rotation (or roll-back) finished.
    pub ok: bool,
    /// The stage the journal is at now (`None`: no rotation open).
    pub stage: Option<Stage>,
    /// What happened, each side's state and the one next action (id `rotate`).
    pub check: Check,
}

/// Shows the new secret once to the admin, with where to paste it, and returns true once the
/// admin confirmed it is in Genesys Cloud.
pub type ManualPaste<'a> = &'a (dyn Fn(&ClientSecret) -> bool + Send + Sync);
