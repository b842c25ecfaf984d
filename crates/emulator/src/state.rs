//! The state every Entra and Graph handler shares: the directory, the token signer, recorded
//! requests, and what the endpoints remember between requests (mailbox concurrency slots, delta
//! tokens, pending sign-ins, pickups under way, secret and object replication), and the tenant
//! settings the Graph endpoints obey (app management policy, the administrator's role). It holds
//! data only and imports no handler.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};

use crate::jwt::Signer;
use crate::mail::sync::SyncStore;
use crate::model::Directory;
use crate::pickup::PickupState;
use crate::secrets::Replication;
use crate::signin::codes::SigninState;

/// How many recorded requests are kept; older ones are dropped first.
pub(crate) const RECORD_LIMIT: usize = 10_000;

/// What the emulated administrator does when asked to sign in or consent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AdminOutcome {
    /// Signs in and consents.
    #[default]
    Approve,
    /// Declines (authorize and admin consent redirect with `access_denied`; device code polls
    /// answer `authorization_declined`).
    Deny,
}

/// The tenant's app management policy (`GET /v1.0/policies/defaultAppManagementPolicy`), which
/// addPassword obeys on every app of the tenant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AppPolicy {
    /// No restrictions (the policy exists but `isEnabled` is false).
    #[default]
    None,
    /// A `passwordLifetime` restriction: new secrets may live at most this many days
    /// (`maxLifetime` `P{days}D`); addPassword with a later `endDateTime` answers 400
    /// `CredentialInvalidLifetimeAsPerAppPolicy`, without one the secret ends at the limit.
    MaxLifetime(u32),
    /// A `passwordAddition` restriction: addPassword answers 400
    /// `CredentialTypeNotAllowedAsPerAppPolicy`.
    PasswordsBlocked,
}

/// The Entra role of the tenant's administrator, which decides what their delegated token may
/// change beyond its scopes (its template id is in the token's `wids` claim).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AdminRole {
    /// Everything.
    #[default]
    GlobalAdministrator,
    /// Creates and changes apps, service principals and secrets and grants delegated
    /// permissions, but may not assign Microsoft Graph app roles (application permissions).
    CloudApplicationAdministrator,
    /// As [`AdminRole::CloudApplicationAdministrator`] (plus application proxy, not emulated).
    ApplicationAdministrator,
    /// Assigns app roles and grants delegated permissions, but may not create or change apps.
    PrivilegedRoleAdministrator,
    /// Reads only.
    GlobalReader,
}

impl AdminRole {
    /// The role's template id, as in the `wids` claim.
    pub fn template_id(self) -> &'static str {
        match self {
            AdminRole::GlobalAdministrator => "62e90394-69f5-4237-9190-012177145e10",
            AdminRole::CloudApplicationAdministrator => "158c047a-c907-4556-b7ef-446551a6b5f7",
            AdminRole::ApplicationAdministrator => "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
            AdminRole::PrivilegedRoleAdministrator => "e8611ab8-c189-46e8-94e1-60213ab1f814",
            AdminRole::GlobalReader => "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
        }
    }

    /// Whether the role may create, change and delete app registrations, service principals
    /// and their secrets.
    pub fn manages_apps(self) -> bool {
        matches!(
            self,
            AdminRole::GlobalAdministrator
                | AdminRole::CloudApplicationAdministrator
                | AdminRole::ApplicationAdministrator
        )
    }

    /// Whether the role may assign Microsoft Graph app roles (consent to application
    /// permissions).
    pub fn assigns_app_roles(self) -> bool {
        matches!(
            self,
            AdminRole::GlobalAdministrator | AdminRole::PrivilegedRoleAdministrator
        )
    }

    /// Whether the role may grant delegated permissions tenant-wide (oauth2PermissionGrants).
    pub fn grants_delegated(self) -> bool {
        !matches!(self, AdminRole::GlobalReader)
    }
}

/// One request the emulator answered. Bodies and headers are never recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// HTTP method, e.g. `POST`.
    pub method: String,
    /// The path as sent (still percent-encoded).
    pub path: String,
    /// The query string as sent, without `?`.
    pub query: Option<String>,
    /// The answer's status code.
    pub status: u16,
    /// When the request arrived.
    pub time: DateTime<Utc>,
}

/// State shared by every handler.
pub(crate) struct Shared {
    pub dir: Mutex<Directory>,
    pub signer: Signer,
    pub base_url: String,
    pub delay: Duration,
    pub retry_after: String,
    pub count: AtomicU64,
    pub log: Mutex<VecDeque<RecordedRequest>>,
    /// Time between an accepted sendMail and the message appearing in the recipients' inboxes.
    pub delivery_delay: Duration,
    /// What the administrator does on the authorize and admin consent pages.
    pub admin_outcome: AdminOutcome,
    /// How device code sign-ins behave.
    pub device: DeviceSettings,
    /// In-flight requests per mailbox address (Outlook allows four at a time).
    pub inflight: Mutex<HashMap<String, u32>>,
    /// Delta and paging tokens handed out by the mail endpoints.
    pub sync: Mutex<SyncStore>,
    /// Pending authorization codes and device codes.
    pub signin: Mutex<SigninState>,
    /// The simulated Genesys Cloud consumer: settings, hooks and pickups under way.
    pub pickup: PickupState,
    /// When secrets added by addPassword become usable ([`crate::Options::secret_replication`]).
    pub replication: Replication,
    /// Whether the administrator may add and remove the secrets of app registrations.
    pub admin_can_manage_apps: bool,
    /// The request (counted from 1 as it arrives) whose answer is held back until shutdown.
    pub stall_after_request: Option<u64>,
    /// What removePassword answers for a keyId the app does not have.
    pub unknown_key_answer: crate::UnknownKeyAnswer,
    /// The administrator is a guest: delegated tokens carry no `upn` claim.
    pub admin_is_guest: bool,
    /// The tenant's app management policy.
    pub app_policy: AppPolicy,
    /// The administrator's Entra role.
    pub admin_role: AdminRole,
    /// When applications and service principals created through Graph become visible (keyed by
    /// object id and appId; [`crate::Options::object_replication`]).
    pub object_replication: Replication,
}

/// How device code sign-ins behave.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DeviceSettings {
    /// Polls answered `authorization_pending` before the outcome.
    pub pending_polls: u32,
    /// Whether the administrator approves or declines.
    pub outcome: AdminOutcome,
    /// The polling interval handed out, in seconds.
    pub interval_secs: u64,
    /// How long a device code lives.
    pub lifetime: Duration,
}

impl Shared {
    /// The directory, even if a previous holder of the lock panicked.
    pub fn dir(&self) -> MutexGuard<'_, Directory> {
        self.dir.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The recorded requests, even if a previous holder of the lock panicked.
    pub fn log(&self) -> MutexGuard<'_, VecDeque<RecordedRequest>> {
        self.log.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts one request as it arrives; returns its number, counted from 1.
    pub fn arrive(&self) -> u64 {
        self.count.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Counts and records a request the fault front answers itself (relayed ones are counted by
    /// the server behind it).
    pub fn record_answered_here(&self, rec: RecordedRequest) {
        self.arrive();
        self.record(rec);
    }

    /// Records one answered request (the oldest record goes beyond [`RECORD_LIMIT`]).
    pub fn record(&self, rec: RecordedRequest) {
        let mut log = self.log();
        if log.len() >= RECORD_LIMIT {
            log.pop_front();
        }
        log.push_back(rec);
    }

    /// The base URL as the client addressed it (from `Host`), or the bound one.
    pub fn request_base(&self, headers: &HeaderMap) -> String {
        let host = headers
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                !h.is_empty()
                    && h.len() <= 255
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
            });
        // Behind a TLS front (the contract tests' HTTPS proxy for MSAL) the front says so.
        let scheme = match headers
            .get("x-forwarded-proto")
            .and_then(|h| h.to_str().ok())
        {
            Some(p) if p.eq_ignore_ascii_case("https") => "https",
            _ => "http",
        };
        match host {
            Some(h) => format!("{scheme}://{h}"),
            None => self.base_url.clone(),
        }
    }
}
