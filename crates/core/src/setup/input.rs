//! What an Azure setup needs and reports: its input, its progress and its outcome.

use super::graph::AppIds;
use super::journal::Stage;
use crate::microsoft::cloud::Endpoints;
use crate::report::{Check, Report};
use crate::rotate::MemoryVault;
use crate::store::profiles::ProfileStore;
use std::time::Duration;

/// The check id of a setup's outcome.
pub const SETUP_CHECK: &str = "setup_azure";
/// The app registration's display name unless the admin names it.
pub const DEFAULT_APP_NAME: &str = "Genesys Cloud Email";
/// The client secret's lifetime in months unless the admin says otherwise.
pub const DEFAULT_MONTHS: u32 = 6;
/// The longest lifetime the Azure portal offers, in months.
pub const MAX_MONTHS: u32 = 24;

/// What a setup needs.
#[derive(Clone, Debug)]
pub struct SetupInput {
    /// Where profiles are saved (the journal lives beside them).
    pub store: ProfileStore,
    /// The profile to create.
    pub profile: String,
    /// The tenant (GUID or domain), validated.
    pub tenant: String,
    /// The cloud's endpoints, with overrides.
    pub endpoints: Endpoints,
    /// True when the login host replaces the cloud's (kept in the profile only then).
    pub login_overridden: bool,
    /// True when the Graph host replaces the cloud's.
    pub graph_overridden: bool,
    /// The mailboxes the integration serves, validated.
    pub mailboxes: Vec<String>,
    /// The app registration's display name.
    pub app_name: String,
    /// The client secret's lifetime in months (capped by the tenant's policy).
    pub months: u32,
    /// Timeout of each request.
    pub timeout: Duration,
    /// How long Entra ID may take to make new objects and the new secret visible.
    pub replication_wait: Duration,
    /// An in-memory keychain instead of the OS one (the demo, tests).
    pub vault: Option<MemoryVault>,
}

/// Where a setup is, for progress lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupStep {
    /// Reading the tenant's app management policy.
    ReadingPolicy,
    /// Finding Microsoft Graph's permission ids.
    FindingPermissions,
    /// Creating the app registration.
    CreatingApp,
    /// Creating its service principal.
    CreatingPrincipal,
    /// Granting admin consent.
    Consenting,
    /// Adding the client secret.
    AddingSecret,
    /// Waiting for Entra ID's replication (seconds waited so far).
    Replicating {
        /// Seconds waited.
        waited_secs: u64,
    },
    /// Saving the profile.
    Saving,
    /// Running the full check.
    Checking,
    /// Deleting what setup created.
    RollingBack,
}

/// What a setup did.
#[derive(Clone, Debug)]
pub struct SetupOutcome {
    /// True when the app exists, is consented, the profile is saved and its check passed (or a
    /// roll-back removed everything).
    pub ok: bool,
    /// How far the setup got (`None` when none was open or it ended).
    pub stage: Option<Stage>,
    /// The outcome as a check: what exists now and the next action.
    pub check: Check,
    /// The full check of the new profile, when it ran.
    pub report: Option<Report>,
    /// The app registration, once created.
    pub app: Option<AppIds>,
    /// The OS keychain could not be used (exit code 3 on the command line).
    pub keychain_failed: bool,
}
