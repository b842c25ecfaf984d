//! The desktop wizard's logic: its steps and their state, the working copy of the integration
//! being set up (a saved profile, or the in-memory demo profile), and everything a screen shows,
//! computed here so that the Tauri shell stays a set of thin commands and the web view only
//! renders a [`View`].
//!
//! Why this file is long (about 3,000 lines): the wizard's state machine predates the split into
//! `desktop/` (genesys, pickup, rotate, troubleshoot live there already); moving saved state, view
//! types, test hooks and the URL allow-list out by concern is the one-core reorganisation's work.
//!
//! * State: [`Desktop`] keeps the step, the form values, the reminder settings and the last
//!   results in `wizard.json` in the data folder (next to `profiles.json`), so the wizard opens
//!   where it was left. The client secret is never in that file, never in a [`View`] and never in
//!   an error: it goes from the web view to the OS keychain (or, for the demo, to memory) and
//!   from there only to Entra ID.
//! * Demo: the shell runs the emulator and hands its loopback URL and credentials over as a
//!   [`DemoTenant`]. The demo profile and its secret are held in memory only (the profile's
//!   non-secret data is also kept in `wizard.json`); they are never written to `profiles.json`
//!   or the keychain. Demo endpoints must be loopback, so nothing leaves the machine.
//! * Network work (checks, live test, admin consent, admin sign-in) runs in async functions that
//!   never hold the state lock across an await; a result that arrives after the admin moved on
//!   to another integration is dropped.
//! * Validation problems get a stable `code` (see [`FieldProblem`]) so the UI can show them in
//!   the admin's language (or the core words them, `text`); check summaries and fixes come in
//!   the UI's language for checks worded from the catalog (re-worded whenever the view is built)
//!   and as the core's English sentences for the others.
//! * Errors ([`DesktopError`]) carry a catalog message (`msg`, ids `app-…` in `en-app.ftl` /
//!   `de-app.ftl`) besides their English `message` for logs; the shell words them in the UI's
//!   language ([`DesktopError::localized`], `text`) before they reach the web view.
//! * The optional Genesys Cloud step lives in `desktop/genesys.rs`.

use crate::checks::{run_check, run_check_with, Check, CheckInput, Report, Status};
use crate::http::HttpClient;
use crate::i18n::{self, args, Args, Lang, Msg};
use crate::microsoft::admin::{self, AdminError, SignInOptions};
use crate::microsoft::cloud::{is_loopback_host, Cloud, Endpoints};
use crate::microsoft::expiry::{self, ExpiryState};
use crate::microsoft::livetest::{run_live_test, LiveTestInput, Progress};
use crate::microsoft::portal;
use crate::secret::ClientSecret;
use crate::store::config::{ConfigFile, ImportError};
use crate::store::keychain::{self, KeychainError};
use crate::store::profiles::{self, Profile, ProfileError, ProfileStore};
use crate::validate::{self, Problem, Severity};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

mod genesys;
#[cfg(test)]
mod german_audit;
mod import;
mod pickup;
mod rotate;
mod steps;
mod troubleshoot;
pub use genesys::{
    DemoGenesys, GenesysDraft, GenesysForm, GenesysProgressView, GenesysView, RegionView,
    RestartRecord, GENESYS_RESTART_TIMEOUT,
};
pub use import::{ImportOutcome, ImportPreview};
pub use pickup::{PickupProgressView, PICKUP_CHECKS};
pub use rotate::{OpenRotationView, RotateProgressView, RotationRecord, RotationView, PASTE_WAIT};
pub use steps::{PhaseView, ProblemView, StepStatus, StepView, LIVE_PHASES, PICKUP_PHASES};
pub use troubleshoot::{DiagnoseProgressView, TroubleshootView};

/// File of the wizard's state in the data folder.
pub const STATE_FILE: &str = "wizard.json";
/// Format version of [`STATE_FILE`].
pub const STATE_VERSION: u32 = 1;
/// Test-only: when set to a folder, exports and calendar files are written there instead of
/// asking with a save dialog (WebDriver cannot drive native dialogs).
pub const E2E_EXPORT_DIR_ENV: &str = "GRAPHWIZ_E2E_EXPORT_DIR";
/// Test-only: when set to a loopback base URL (e.g. the emulator's `http://127.0.0.1:PORT`), a
/// new setup signs in and reads Graph there instead of the cloud's hosts. End-to-end tests use it
/// to run a saved (non-demo) profile against the emulator; anything that is not loopback is
/// ignored, so it can never send a secret elsewhere.
pub const E2E_LOOPBACK_URL_ENV: &str = "GRAPHWIZ_E2E_LOOPBACK_URL";
/// Test-only: when set to a file, "Import config file" reads it instead of asking with an open
/// dialog (WebDriver cannot drive native dialogs).
pub const E2E_IMPORT_FILE_ENV: &str = "GRAPHWIZ_E2E_IMPORT_FILE";
/// Name of the in-memory demo profile.
pub const DEMO_PROFILE_NAME: &str = "Demo tenant";
/// Timeout of each network request made by the wizard.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the live test waits for its mail.
pub const LIVE_WAIT: Duration = Duration::from_secs(120);
/// Reminder days offered in the settings (days before expiry; 0 = on the day).
pub const REMINDER_CHOICES: [u32; 6] = expiry::DEFAULT_REMINDER_DAYS;
/// Entra ID may take a moment to apply consent: the re-check after consent is repeated this often
/// when nothing changed, at most [`SETTLE_ATTEMPTS`] times.
const SETTLE_WAIT: Duration = Duration::from_secs(10);
const SETTLE_ATTEMPTS: u32 = 2;
/// Check ids shown on the permissions step, in order.
pub const PERMISSION_CHECKS: [&str; 6] = [
    "tenant",
    "credentials",
    "registration",
    "perm_mail_readwrite",
    "perm_mail_send",
    "perm_user_read",
];
/// Check ids of the live test, in order.
pub const LIVE_CHECKS: [&str; 4] = ["send", "receive", "mark_read", "cleanup"];

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

/// A step of the wizard, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// New setup, saved profile, import, or demo.
    Start,
    /// Cloud, tenant, client ID, client secret.
    AzureApp,
    /// The checks of tenant, credentials and permissions, and admin consent.
    Permissions,
    /// The mailboxes and the scope audit.
    Mailboxes,
    /// Send, receive, mark read, delete.
    LiveTest,
    /// The secret's expiry and reminders.
    SecretExpiry,
    /// The Genesys Cloud side (optional): region, OAuth client, its checks, restart.
    Genesys,
    /// Token endpoint, export, and what to do in Genesys Cloud.
    Summary,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 8] = [
        Step::Start,
        Step::AzureApp,
        Step::Permissions,
        Step::Mailboxes,
        Step::LiveTest,
        Step::SecretExpiry,
        Step::Genesys,
        Step::Summary,
    ];

    /// Position from 0.
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next step (the last one stays).
    pub fn next(self) -> Step {
        Step::ALL
            .get(self.index() + 1)
            .copied()
            .unwrap_or(Step::Summary)
    }

    /// The previous step (the first one stays).
    pub fn prev(self) -> Step {
        self.index()
            .checked_sub(1)
            .and_then(|i| Step::ALL.get(i).copied())
            .unwrap_or(Step::Start)
    }

    /// True for the steps that need a saved Azure app (a profile).
    pub fn needs_target(self) -> bool {
        self > Step::AzureApp
    }
}

/// Where the integration in the wizard came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A new setup.
    New,
    /// A saved profile.
    Saved,
    /// An imported config file.
    Imported,
    /// The built-in demo tenant.
    Demo,
}

// ---------------------------------------------------------------------------------------------
// Persisted state
// ---------------------------------------------------------------------------------------------

/// The form of the Azure app step and the mailboxes: what the admin entered, never the secret.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Profile name.
    pub name: String,
    /// The Microsoft cloud.
    pub cloud: Cloud,
    /// Tenant as entered.
    pub tenant: String,
    /// Application (client) ID as entered.
    pub client_id: String,
    /// Mailboxes.
    pub mailboxes: Vec<String>,
    /// The scope audit's probe mailbox.
    pub probe_mailbox: Option<String>,
    /// Login base-URL override (imported configs of test set-ups).
    pub login_url: Option<String>,
    /// Graph base-URL override.
    pub graph_url: Option<String>,
    /// The saved profile this draft is (None until saved; always None for the demo).
    pub profile: Option<String>,
}

/// Reminder settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminders {
    /// Days before expiry when the `secret_expiry` check starts to warn.
    pub warn_days: u32,
    /// Days before expiry for desktop reminders.
    pub days: Vec<u32>,
    /// Desktop reminders on: the app checks the saved profiles' expiry daily and keeps running in
    /// the system tray when its window is closed.
    #[serde(default = "yes")]
    pub desktop: bool,
}

fn yes() -> bool {
    true
}

impl Default for Reminders {
    fn default() -> Self {
        Reminders {
            warn_days: expiry::DEFAULT_WARN_DAYS,
            days: expiry::DEFAULT_REMINDER_DAYS.to_vec(),
            desktop: true,
        }
    }
}

/// The demo as kept in the state file: the scenario and the non-secret demo profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoState {
    /// Emulator scenario name, e.g. `healthy`.
    pub scenario: String,
    /// The demo profile (its endpoints are the emulator's loopback URL).
    pub profile: Profile,
    /// True once the Azure app step was confirmed.
    pub confirmed: bool,
    /// The Genesys Cloud emulator's scenario, e.g. `healthy`.
    #[serde(default)]
    pub genesys_scenario: Option<String>,
}

/// The last live test, as the live test step shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveResult {
    /// When it ran.
    pub ran_at: DateTime<Utc>,
    /// True when no step failed.
    pub ok: bool,
    /// Sender.
    pub sender: String,
    /// Recipient.
    pub recipient: String,
    /// Send accepted → arrival, in milliseconds.
    pub latency_ms: Option<u64>,
    /// `send`, `receive`, `mark_read`, `cleanup`, or the failed checks that stopped it.
    pub checks: Vec<Check>,
    /// Polls while waiting.
    pub polls: u32,
    /// True for the pickup test (Genesys Cloud fetches the mail), false for the live test.
    #[serde(default)]
    pub pickup: bool,
    /// Pickup test: arrival → fetched by Genesys Cloud, in milliseconds.
    #[serde(default)]
    pub pickup_latency_ms: Option<u64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct PersistedState {
    version: u32,
    step: Step,
    furthest: Step,
    origin: Option<Origin>,
    draft: Draft,
    demo: Option<DemoState>,
    live: Option<LiveResult>,
    reminders: Reminders,
    /// The UI's language (`en`, `de`), for texts the app shows outside its window (reminders).
    #[serde(default)]
    lang: Option<String>,
    /// The Genesys Cloud form (never the secret).
    #[serde(default)]
    genesys: GenesysDraft,
    /// The last restart of the Genesys integration.
    #[serde(default)]
    genesys_restart: Option<RestartRecord>,
}

impl Default for PersistedState {
    fn default() -> Self {
        PersistedState {
            version: STATE_VERSION,
            step: Step::Start,
            furthest: Step::Start,
            origin: None,
            draft: Draft::default(),
            demo: None,
            live: None,
            reminders: Reminders::default(),
            lang: None,
            genesys: GenesysDraft::default(),
            genesys_restart: None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Errors and validation problems
// ---------------------------------------------------------------------------------------------

/// One problem with one field of the wizard, with a stable code for the UI's catalogs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// The field: `name`, `cloud`, `tenant`, `client_id`, `secret`, `mailbox`, `probe_mailbox`,
    /// `expiry`, `warn_days`.
    pub field: String,
    /// Error (refused) or warning (accepted).
    pub severity: Severity,
    /// The field's label as in the Azure portal (English).
    pub label: String,
    /// Stable code, e.g. `secret_id` (the UI shows its own text for a known code).
    pub code: Option<String>,
    /// A number the message mentions (e.g. the secret's length).
    pub n: Option<u64>,
    /// The core's English message (without the label).
    pub message: String,
    /// The message as a catalog message (language-independent), when the app made the problem
    /// itself (without the label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<Msg>,
    /// The whole message in the UI's language, when the core worded it from its catalog (the UI
    /// shows it as it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl FieldProblem {
    fn new(field: &str, label: &str, code: &str, n: Option<u64>, msg: Msg) -> Self {
        FieldProblem {
            field: field.to_string(),
            severity: Severity::Error,
            label: label.to_string(),
            code: Some(code.to_string()),
            n,
            message: msg.text(Lang::En),
            msg: Some(msg),
            text: None,
        }
    }

    /// Words the problem in `lang` where only the core can: a problem without a code (the UI
    /// words the known codes itself) gets its catalog message as `text`.
    pub fn localize(&mut self, lang: Lang) {
        if self.code.is_none() {
            if let Some(m) = &self.msg {
                self.text = Some(m.text(lang));
            }
        }
    }
}

/// Why a wizard action could not be done. Never carries the secret.
///
/// The core makes it with a catalog message ([`DesktopError::msg`]); the face words it in the
/// UI's language with [`DesktopError::localized`] before showing it (`text`), and can word it
/// again after a language switch from `msg`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct DesktopError {
    /// Stable code, e.g. `invalid`, `keychain`, `profiles`, `no_target`, `cancelled`.
    pub code: String,
    /// What happened and what to do, in English (logs, `Display`).
    pub message: String,
    /// The same as a catalog message (language-independent), when it is one (boxed: errors
    /// stay small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<Box<Msg>>,
    /// The message in the UI's language: set by [`DesktopError::localized`], or when the text
    /// came worded already (e.g. a Genesys Cloud value refused in the UI's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Field problems, for `invalid`.
    pub problems: Vec<FieldProblem>,
}

impl DesktopError {
    /// An error with a code and a catalog message.
    pub fn msg(code: &str, msg: Msg) -> Self {
        DesktopError {
            code: code.to_string(),
            message: msg.text(Lang::En),
            msg: Some(Box::new(msg)),
            text: None,
            problems: Vec::new(),
        }
    }

    /// An error with a code and catalog message `id` with `args`.
    pub fn new(code: &str, id: &str, args: Args) -> Self {
        DesktopError::msg(code, Msg::new(id, args))
    }

    /// An error with a code and catalog message `id` without arguments.
    pub fn plain(code: &str, id: &str) -> Self {
        DesktopError::msg(code, Msg::plain(id))
    }

    /// An error whose text is worded already in the UI's language (`text`), e.g. one of
    /// [`crate::genesys::setup`]'s refusals.
    pub fn worded(code: &str, text: impl Into<String>) -> Self {
        let text = text.into();
        DesktopError {
            code: code.to_string(),
            message: text.clone(),
            msg: None,
            text: Some(text),
            problems: Vec::new(),
        }
    }

    /// An error with catalog message `id` whose one argument `detail` is what another part of
    /// graphwiz or the operating system said.
    pub fn detail(code: &str, id: &str, detail: impl std::fmt::Display) -> Self {
        DesktopError::new(code, id, args([("detail", detail.to_string())]))
    }

    /// The error worded in `lang` for the UI: `text`, and the problems only the core can word.
    pub fn localized(mut self, lang: Lang) -> Self {
        if let Some(m) = &self.msg {
            self.text = Some(m.text(lang));
        }
        for p in &mut self.problems {
            p.localize(lang);
        }
        self
    }

    /// The text in `lang` (the catalog message's, or the one it came with).
    pub fn text(&self, lang: Lang) -> String {
        match (&self.msg, &self.text) {
            (Some(m), _) => m.text(lang),
            (None, Some(t)) => t.clone(),
            (None, None) => self.message.clone(),
        }
    }

    fn invalid(problems: Vec<FieldProblem>) -> Self {
        let message = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| format!("{}: {}", p.label, p.message))
            .collect::<Vec<_>>()
            .join(" ");
        let count = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        DesktopError {
            code: "invalid".into(),
            message,
            msg: Some(Box::new(Msg::new(
                "app-error-invalid",
                args([("count", count)]),
            ))),
            text: None,
            problems,
        }
    }

    fn no_target() -> Self {
        DesktopError::plain("no_target", "app-error-no-target")
    }
}

/// The `$os` argument of the keychain's hints: `macos`, `windows` or the system's name.
fn os_arg() -> &'static str {
    std::env::consts::OS
}

impl From<ProfileError> for DesktopError {
    fn from(e: ProfileError) -> Self {
        match &e {
            ProfileError::Exists { name } => DesktopError::new(
                "exists",
                "app-error-profile-exists",
                args([("name", name.clone())]),
            ),
            ProfileError::NotFound { name, .. } => DesktopError::new(
                "not_found",
                "app-error-profile-not-found",
                args([("name", name.clone())]),
            ),
            // The UI words the code; the validator's English stays the fallback.
            ProfileError::BadName(m) => DesktopError::invalid(vec![FieldProblem {
                field: "name".into(),
                severity: Severity::Error,
                label: profiles::FIELD_NAME.into(),
                code: Some("name_invalid".into()),
                n: None,
                message: m.to_string(),
                msg: Some(m.clone()),
                text: None,
            }]),
            other => DesktopError::detail("profiles", "app-error-profiles", other),
        }
    }
}

impl From<KeychainError> for DesktopError {
    fn from(e: KeychainError) -> Self {
        // The CLI's remedy ("graphwiz profile add … --replace") reads oddly in the app.
        match &e {
            KeychainError::Missing { profile } => DesktopError::new(
                "secret_missing",
                "app-error-secret-missing",
                args([("profile", profile.clone())]),
            ),
            KeychainError::Locked { .. } => DesktopError::new(
                "keychain",
                "app-error-keychain-locked",
                args([("os", os_arg())]),
            ),
            KeychainError::Unavailable { detail, .. } => DesktopError::new(
                "keychain",
                "app-error-keychain-unavailable",
                args([("detail", detail.as_str()), ("os", os_arg())]),
            ),
            KeychainError::Other { detail } => {
                DesktopError::detail("keychain", "app-error-keychain-failed", detail)
            }
        }
    }
}

impl From<AdminError> for DesktopError {
    fn from(e: AdminError) -> Self {
        DesktopError::new(
            "admin",
            "app-error-admin",
            args([("detail", e.to_string()), ("fix", e.fix())]),
        )
    }
}

fn endpoint_error(e: crate::microsoft::cloud::EndpointError) -> DesktopError {
    DesktopError::detail("endpoints", "app-error-endpoints", e)
}

/// Gives a core validation problem its stable code.
pub fn field_problem(field: &str, p: &Problem) -> FieldProblem {
    let m = p.message.as_str();
    let (code, n) = if m.starts_with("spaces or line breaks around the value were removed") {
        (Some("trimmed"), None)
    } else if m.starts_with("the braces around the GUID were removed") {
        (Some("braces"), None)
    } else if m.starts_with("is empty") {
        (Some("empty"), None)
    } else {
        match field {
            "tenant" if m.contains("is an email address") => (Some("tenant_email"), None),
            "tenant" if m.contains("is a URL") => (Some("tenant_url"), None),
            "tenant" if m.contains("neither a GUID nor a domain") => (Some("tenant_invalid"), None),
            "client_id" if m.contains("is not a GUID") => (Some("client_id_invalid"), None),
            "client_id" if m.contains("same as the Directory (tenant) ID") => {
                (Some("client_id_same_as_tenant"), None)
            }
            "secret" if m.starts_with("this looks like the Secret ID") => (Some("secret_id"), None),
            "secret" if m.starts_with("contains a space, tab or line break") => {
                (Some("secret_inner_whitespace"), None)
            }
            "secret" if m.starts_with("looks like a Secret ID") => (Some("secret_id_kept"), None),
            "secret" if m.starts_with("contains whitespace inside") => {
                (Some("secret_whitespace_kept"), None)
            }
            "secret" if m.contains("characters long") => (
                Some("secret_length"),
                m.split_whitespace().find_map(|w| w.parse::<u64>().ok()),
            ),
            "mailbox" | "probe_mailbox" => (Some("mailbox_invalid"), None),
            _ => (None, None),
        }
    };
    FieldProblem {
        field: field.to_string(),
        severity: p.severity,
        label: p.field.to_string(),
        code: code.map(str::to_string),
        n,
        message: p.message.clone(),
        msg: None,
        text: None,
    }
}

/// The outcome of validating one field while the admin types or pastes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldReport {
    /// The field.
    pub field: String,
    /// True when the value would be accepted.
    pub ok: bool,
    /// The value as it will be used (trimmed, lower-cased); never set for the secret.
    pub normalized: Option<String>,
    /// Errors and warnings.
    pub problems: Vec<FieldProblem>,
}

/// Validates one field with the core's validators. `other` is the tenant when `field` is
/// `client_id` (to catch the same GUID pasted twice). The secret is never echoed back.
pub fn validate_field(field: &str, value: &str, other: Option<&str>, i_know: bool) -> FieldReport {
    let mut report = FieldReport {
        field: field.to_string(),
        ok: false,
        normalized: None,
        problems: Vec::new(),
    };
    let problems = |ps: &[Problem]| ps.iter().map(|p| field_problem(field, p)).collect();
    match field {
        "tenant" => match validate::tenant(value) {
            Ok((v, w)) => {
                report.ok = true;
                report.normalized = Some(v);
                report.problems = problems(&w);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "client_id" => match validate::client_id(value) {
            Ok((v, w)) => {
                report.ok = true;
                report.problems = problems(&w);
                if let Some(p) = other
                    .and_then(|t| validate::tenant(t).ok())
                    .and_then(|(t, _)| validate::tenant_and_client(&t, &v))
                {
                    report.problems.push(field_problem(field, &p));
                }
                report.normalized = Some(v);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "secret" => match validate::secret(value, i_know) {
            Ok((_, w)) => {
                report.ok = true;
                report.problems = problems(&w);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "mailbox" | "probe_mailbox" => match validate::mailbox(value) {
            Ok(v) => {
                report.ok = true;
                report.normalized = Some(v);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "name" => match profiles::validate_name(value) {
            Ok(v) => {
                report.ok = true;
                report.normalized = Some(v);
            }
            Err(e) => {
                report.problems = DesktopError::from(e).problems;
            }
        },
        _ => {}
    }
    report
}

// ---------------------------------------------------------------------------------------------
// The secret as it arrives from the web view
// ---------------------------------------------------------------------------------------------

/// Secret text typed or pasted into the web view: deserialised straight into zeroed-on-drop
/// memory, with a redacted `Debug` and no `Serialize`.
pub struct SecretText(zeroize::Zeroizing<String>);

impl SecretText {
    /// Wraps a secret (tests).
    pub fn new(s: &str) -> Self {
        SecretText(zeroize::Zeroizing::new(s.to_string()))
    }

    /// The text, for validation.
    fn text(&self) -> &str {
        self.0.as_str()
    }

    /// True when nothing but whitespace was entered.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretText(<redacted>)")
    }
}

impl<'de> Deserialize<'de> for SecretText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| SecretText(zeroize::Zeroizing::new(s)))
    }
}

/// What the Azure app step sends on Next.
#[derive(Debug, Deserialize)]
pub struct AzureAppInput {
    /// Profile name.
    pub name: String,
    /// Cloud id: `global`, `usgov`, `china`.
    pub cloud: String,
    /// Tenant.
    pub tenant: String,
    /// Application (client) ID.
    pub client_id: String,
    /// The secret's Value; empty or absent keeps the stored one.
    #[serde(default)]
    pub secret: Option<SecretText>,
    /// Accept a secret that looks like a Secret ID or has whitespace inside.
    #[serde(default)]
    pub i_know: bool,
}

// ---------------------------------------------------------------------------------------------
// Demo
// ---------------------------------------------------------------------------------------------

/// A demo mailbox the emulator serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoMailbox {
    /// Address.
    pub address: String,
    /// `healthy`, `unlicensed` or `policy-blocked`.
    pub kind: String,
}

/// What the shell's emulator hands over for the demo.
#[derive(Debug)]
pub struct DemoTenant {
    /// Scenario name.
    pub scenario: String,
    /// The emulator's base URL (login and Graph); must be loopback.
    pub base_url: String,
    /// Directory (tenant) ID handed out.
    pub tenant_id: String,
    /// Application (client) ID handed out.
    pub client_id: String,
    /// The secret handed out (may be the Secret ID in a failure scenario).
    pub secret: ClientSecret,
    /// The tenant's mailboxes.
    pub mailboxes: Vec<DemoMailbox>,
    /// The demo's Genesys Cloud organization, when the shell runs one.
    pub genesys: Option<DemoGenesys>,
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

/// Counts of check verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Passed.
    pub pass: usize,
    /// Warnings.
    pub warn: usize,
    /// Failed.
    pub fail: usize,
    /// Skipped.
    pub skip: usize,
}

impl Counts {
    fn of<'a>(checks: impl IntoIterator<Item = &'a Check>) -> Self {
        let mut c = Counts::default();
        for k in checks {
            match k.status {
                Status::Pass => c.pass += 1,
                Status::Warn => c.warn += 1,
                Status::Fail => c.fail += 1,
                Status::Skip => c.skip += 1,
            }
        }
        c
    }
}

/// The Azure app form.
#[derive(Clone, Debug, Serialize)]
pub struct FormView {
    /// Profile name.
    pub name: String,
    /// Cloud id.
    pub cloud: String,
    /// Tenant.
    pub tenant: String,
    /// Application (client) ID.
    pub client_id: String,
    /// True when a secret is stored for this integration (keychain, or memory for the demo).
    pub secret_stored: bool,
    /// True when the saved profile's secret was found missing from the OS keychain (deleted
    /// there): the Azure app step asks for it again.
    pub secret_missing: bool,
    /// First three characters of the stored secret.
    pub secret_hint: Option<String>,
    /// Problems of the stored demo secret (a failure scenario hands out a Secret ID).
    pub secret_problems: Vec<FieldProblem>,
    /// The saved profile's name, once saved.
    pub profile: Option<String>,
    /// True when cloud and endpoints are fixed (demo).
    pub locked: bool,
}

/// One mailbox and its verdict.
#[derive(Clone, Debug, Serialize)]
pub struct MailboxView {
    /// Address.
    pub address: String,
    /// The `mailbox_access` check of the last run, when it covered this mailbox.
    pub check: Option<Check>,
}

/// What the secret-expiry step shows.
#[derive(Clone, Debug, Serialize)]
pub struct ExpiryView {
    /// Expiry, when known.
    pub expires: Option<DateTime<Utc>>,
    /// Expiry day, `YYYY-MM-DD` in UTC (as the portal's Expires column).
    pub date: Option<String>,
    /// Calendar days left in the local time zone (negative once expired).
    pub days_left: Option<i64>,
    /// `ok`, `soon`, `expired`.
    pub state: Option<ExpiryState>,
    /// The `secret_expiry` check of the last run.
    pub check: Option<Check>,
    /// Reminder settings.
    pub reminders: Reminders,
    /// Alarms of the calendar entry, in days before expiry.
    pub calendar_alarms: Vec<u32>,
}

/// What the summary step shows.
#[derive(Clone, Debug, Serialize)]
pub struct SummaryView {
    /// The OAuth 2.0 token endpoint (v2) for Genesys Cloud.
    pub token_endpoint: Option<String>,
    /// The resolved Directory (tenant) ID.
    pub tenant_id: Option<String>,
    /// Application (client) ID.
    pub client_id: String,
    /// True when the export would say `"validated": true`.
    pub validated: bool,
    /// True when there is a check result to export.
    pub exportable: bool,
    /// Verdict counts of the last run.
    pub counts: Counts,
    /// The live test's verdict, when one ran.
    pub live_ok: Option<bool>,
    /// Every failed and warning check, with the step that shows it (failures first).
    pub problems: Vec<ProblemView>,
}

/// Which extra actions the permissions step offers.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Actions {
    /// Admin consent would fix a failed permission check.
    pub consent: bool,
    /// User.Read could not be verified with the app's own token; an admin sign-in settles it.
    pub admin_verify: bool,
}

/// Azure portal pages for the current integration.
#[derive(Clone, Debug, Serialize)]
pub struct PortalLinks {
    /// App registrations.
    pub app_registrations: String,
    /// The app's Overview page (when the client ID is a GUID).
    pub overview: Option<String>,
    /// The app's API permissions page.
    pub api_permissions: Option<String>,
    /// The app's Certificates & secrets page.
    pub certificates: Option<String>,
}

/// The demo, as shown in the banner and on the mailboxes step.
#[derive(Clone, Debug, Serialize)]
pub struct DemoView {
    /// Scenario name.
    pub scenario: String,
    /// The emulator's loopback URL.
    pub base_url: Option<String>,
    /// Mailboxes the demo tenant has.
    pub mailboxes: Vec<DemoMailbox>,
    /// True while the emulator runs (false after a restart until the shell restarts it).
    pub running: bool,
    /// The Genesys Cloud emulator's scenario, when one runs.
    pub genesys_scenario: Option<String>,
}

/// Everything the wizard shows.
#[derive(Clone, Debug, Serialize)]
pub struct View {
    /// Current step.
    pub step: Step,
    /// The furthest step reachable from the rail.
    pub furthest: Step,
    /// Every step with its verdict and whether the rail can go there (the core's verdicts; the
    /// rail draws them).
    pub steps: Vec<StepView>,
    /// Where the integration came from.
    pub origin: Option<Origin>,
    /// The demo, when one is active.
    pub demo: Option<DemoView>,
    /// The Azure app form.
    pub form: FormView,
    /// Mailboxes with their verdicts.
    pub mailboxes: Vec<MailboxView>,
    /// The scope audit's probe mailbox.
    pub probe_mailbox: Option<String>,
    /// The `scope_audit` check of the last run.
    pub scope_audit: Option<Check>,
    /// The checks of the permissions step, in order.
    pub permissions: Vec<Check>,
    /// When the last check ran.
    pub checked_at: Option<DateTime<Utc>>,
    /// Verdict counts of the last check.
    pub counts: Counts,
    /// Extra actions on the permissions step.
    pub actions: Actions,
    /// The last live test.
    pub live: Option<LiveResult>,
    /// The pills of the last live (or pickup) test, each with its verdict.
    pub live_phases: Vec<PhaseView>,
    /// The secret's expiry.
    pub expiry: ExpiryView,
    /// The summary.
    pub summary: SummaryView,
    /// Azure portal pages.
    pub portal: PortalLinks,
    /// The Genesys Cloud step.
    pub genesys: GenesysView,
    /// Notices of the app (e.g. an interrupted Genesys restart finished at start), newest last.
    pub notices: Vec<Check>,
    /// The secret rotation on the expiry step, and open rotations.
    pub rotation: RotationView,
    /// Throttling during the last check (a note in the UI's language), when there was any.
    pub throttled: Option<crate::report::Throttled>,
}

/// One saved profile in the profiles view.
#[derive(Clone, Debug, Serialize)]
pub struct ProfileRow {
    /// Name.
    pub name: String,
    /// Cloud id.
    pub cloud: String,
    /// Tenant.
    pub tenant: String,
    /// Application (client) ID.
    pub client_id: String,
    /// Number of mailboxes.
    pub mailboxes: usize,
    /// When it was last checked.
    pub checked_at: Option<DateTime<Utc>>,
    /// The last verdict: true when no check failed.
    pub ok: Option<bool>,
    /// Verdict counts of the last check.
    pub counts: Counts,
    /// The first failed check's summary (in the UI's language), when one failed.
    pub first_failure: Option<String>,
    /// Secret expiry.
    pub expires: Option<DateTime<Utc>>,
    /// Days left (local time zone).
    pub days_left: Option<i64>,
    /// Expiry state.
    pub expiry_state: Option<ExpiryState>,
    /// True when it is the integration open in the wizard.
    pub current: bool,
}

/// Live-test progress for the UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgressView {
    /// `checking`, `sending`, `waiting`, `marking_read`, `cleaning_up`.
    pub phase: &'static str,
    /// Since the send was accepted, while waiting.
    pub elapsed_ms: Option<u64>,
    /// Polls so far, while waiting.
    pub polls: Option<u32>,
}

impl From<Progress> for ProgressView {
    fn from(p: Progress) -> Self {
        match p {
            Progress::Checking => ProgressView {
                phase: "checking",
                elapsed_ms: None,
                polls: None,
            },
            Progress::Sending => ProgressView {
                phase: "sending",
                elapsed_ms: None,
                polls: None,
            },
            Progress::Waiting { elapsed, polls } => ProgressView {
                phase: "waiting",
                elapsed_ms: Some(u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)),
                polls: Some(polls),
            },
            Progress::MarkingRead => ProgressView {
                phase: "marking_read",
                elapsed_ms: None,
                polls: None,
            },
            Progress::CleaningUp => ProgressView {
                phase: "cleaning_up",
                elapsed_ms: None,
                polls: None,
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The session
// ---------------------------------------------------------------------------------------------

struct Session {
    store: ProfileStore,
    state_path: PathBuf,
    state: PersistedState,
    /// The demo secret (memory only).
    demo_secret: Option<ClientSecret>,
    demo_base_url: Option<String>,
    demo_mailboxes: Vec<DemoMailbox>,
    /// Bumped whenever the integration in the wizard changes; results of older runs are dropped.
    generation: u64,
    /// The saved profile in the wizard whose secret was found missing from the keychain.
    secret_missing: Option<String>,
    /// The demo's Genesys Cloud organization (its secret in memory only).
    demo_genesys: Option<DemoGenesys>,
    /// Notices shown until dismissed (checks worded from the catalog).
    notices: Vec<Check>,
    /// The troubleshooter's last walk (memory only), for this integration.
    diagnosis: Option<troubleshoot::LastWalk>,
    /// The demo's secrets during a rotation (memory only).
    demo_vault: Option<crate::rotate::MemoryVault>,
    /// The last rotation's outcome (memory only).
    rotation: Option<rotate::RotationRecord>,
    /// A config file read for import, waiting for the admin's confirmation, with its file name.
    pending_import: Option<(ConfigFile, String)>,
}

impl Session {
    fn persist(&self) {
        // Best effort: the state file only saves the admin some typing after a restart.
        if let Ok(text) = serde_json::to_string_pretty(&self.state) {
            let _ = profiles::write_atomic(&self.state_path, text.as_bytes());
        }
    }

    fn is_demo(&self) -> bool {
        self.state.origin == Some(Origin::Demo) && self.state.demo.is_some()
    }

    /// The integration in the wizard, once its Azure app was confirmed.
    fn target(&self) -> Result<Profile, DesktopError> {
        if self.is_demo() {
            return match &self.state.demo {
                Some(d) if d.confirmed => Ok(d.profile.clone()),
                _ => Err(DesktopError::no_target()),
            };
        }
        let Some(name) = &self.state.draft.profile else {
            return Err(DesktopError::no_target());
        };
        let file = self.store.load()?;
        file.get(name).cloned().ok_or_else(|| {
            DesktopError::from(ProfileError::NotFound {
                name: name.clone(),
                known: file.names(),
            })
        })
    }

    fn secret_of(&self, p: &Profile) -> Result<ClientSecret, DesktopError> {
        if self.is_demo() {
            return self
                .demo_secret
                .clone()
                .ok_or_else(|| DesktopError::plain("demo_stopped", "app-error-demo-stopped"));
        }
        Ok(keychain::load(&p.name, &p.secret_ref)?)
    }

    /// Changes the target profile (saved: profiles.json; demo: memory) and returns it.
    fn update_target(&mut self, f: impl FnOnce(&mut Profile)) -> Result<Profile, DesktopError> {
        if self.is_demo() {
            let Some(d) = self.state.demo.as_mut() else {
                return Err(DesktopError::no_target());
            };
            f(&mut d.profile);
            let p = d.profile.clone();
            self.persist();
            return Ok(p);
        }
        let Some(name) = self.state.draft.profile.clone() else {
            return Err(DesktopError::no_target());
        };
        let p = self.store.update(|file| {
            let known = file.names();
            let p = file.get_mut(&name).ok_or(ProfileError::NotFound {
                name: name.clone(),
                known,
            })?;
            f(p);
            Ok(p.clone())
        })?;
        Ok(p)
    }

    /// Like [`Session::check_input`]; remembers a secret found missing from the keychain.
    fn check_input_noting(&mut self) -> Result<(CheckInput, u64), DesktopError> {
        self.check_input_full_noting().map(|(i, g, _)| (i, g))
    }

    /// The check input with its Genesys half, and a failed check to add when the profile's
    /// Genesys part can't be used (its secret gone from the keychain, …).
    fn check_input_full_noting(
        &mut self,
    ) -> Result<(CheckInput, u64, Option<Check>), DesktopError> {
        let r = self.check_input();
        if let Err(e) = &r {
            if e.code == "secret_missing" {
                self.secret_missing = self.state.draft.profile.clone();
            }
        }
        r
    }

    fn check_input(&self) -> Result<(CheckInput, u64, Option<Check>), DesktopError> {
        let p = self.target()?;
        let secret = self.secret_of(&p)?;
        let mut input = p
            .check_input(secret, REQUEST_TIMEOUT)
            .map_err(endpoint_error)?;
        input.mailboxes = self.state.draft.mailboxes.clone();
        input.probe_mailbox = self.state.draft.probe_mailbox.clone();
        input.expiry_warn_days = self.state.reminders.warn_days;
        input.azure_tenant_id = p.tenant_id.clone();
        let unusable = match self.genesys_input(&p, &input.mailboxes) {
            Ok(g) => {
                input.genesys = g;
                None
            }
            Err(genesys::Unusable::Environment(e)) => return Err(e),
            Err(genesys::Unusable::Part(check)) => Some(*check),
        };
        Ok((input, self.generation, unusable))
    }

    fn record(&mut self, generation: u64, report: &Report) -> Result<(), DesktopError> {
        if generation != self.generation {
            return Ok(());
        }
        let now = Utc::now();
        self.update_target(|p| p.record_check(report, now))?;
        Ok(())
    }

    fn reset(&mut self, origin: Option<Origin>) {
        self.generation += 1;
        let reminders = self.state.reminders.clone();
        let lang = self.state.lang.take();
        self.state = PersistedState {
            origin,
            reminders,
            lang,
            ..PersistedState::default()
        };
        self.secret_missing = None;
        self.demo_secret = None;
        self.demo_base_url = None;
        self.demo_mailboxes.clear();
        self.demo_genesys = None;
        self.diagnosis = None;
    }

    fn view(&self) -> View {
        let s = &self.state;
        let d = &s.draft;
        let lang = self.lang();
        let target = self.target().ok();
        // Worded in the UI's language now, so a language switch re-words stored results.
        let localized = target
            .as_ref()
            .and_then(|p| p.last_check.as_ref())
            .map(|c| c.report.localized(lang));
        let report = localized.as_ref();
        let find = |id: &str, mailbox: Option<&str>| -> Option<Check> {
            report?
                .checks
                .iter()
                .find(|c| {
                    c.id == id
                        && match mailbox {
                            Some(m) => c
                                .mailbox
                                .as_deref()
                                .is_some_and(|x| x.eq_ignore_ascii_case(m)),
                            None => true,
                        }
                })
                .cloned()
        };
        let permissions: Vec<Check> = PERMISSION_CHECKS
            .iter()
            .filter_map(|id| find(id, None))
            .collect();
        let status = |id: &str| permissions.iter().find(|c| c.id == id).map(|c| c.status);
        let perm_failed = ["perm_mail_readwrite", "perm_mail_send", "perm_user_read"]
            .iter()
            .any(|id| status(id) == Some(Status::Fail));
        let actions = Actions {
            consent: status("credentials") == Some(Status::Pass)
                && perm_failed
                && matches!(
                    status("registration"),
                    Some(Status::Pass) | Some(Status::Warn)
                ),
            admin_verify: status("credentials") == Some(Status::Pass)
                && status("perm_user_read") == Some(Status::Warn),
        };
        let secret_missing =
            !self.is_demo() && self.secret_missing.is_some() && self.secret_missing == d.profile;
        let (secret_stored, secret_hint) = if self.is_demo() {
            (
                self.demo_secret.is_some(),
                self.demo_secret.as_ref().map(|x| x.hint()),
            )
        } else if secret_missing {
            (false, None)
        } else {
            (
                target.is_some(),
                target.as_ref().and_then(|p| p.secret_hint.clone()),
            )
        };
        let secret_problems = match (&self.demo_secret, self.is_demo()) {
            (Some(secret), true) => match validate::secret(secret.expose(), false) {
                Ok((_, w)) => w.iter().map(|p| field_problem("secret", p)).collect(),
                Err(p) => vec![field_problem("secret", &p)],
            },
            _ => Vec::new(),
        };
        let now = Utc::now();
        let expires = target.as_ref().and_then(|p| p.secret_expiry);
        // Entra ID refusing the secret as expired (AADSTS7000222) settles it, date or not.
        let expired_by_entra = find("secret_expiry", None).is_some_and(|c| {
            c.status == Status::Fail && c.code.as_deref() == Some("AADSTS7000222")
        });
        let cfg = target.as_ref().and_then(|p| {
            p.last_check
                .as_ref()
                .map(|c| ConfigFile::build(p, &c.report, c.at))
        });
        let client_guid = validate::client_id(&d.client_id).ok().map(|(c, _)| c);
        let mut view = View {
            step: s.step,
            furthest: s.furthest,
            steps: Vec::new(),
            origin: s.origin,
            demo: s.demo.as_ref().map(|x| DemoView {
                scenario: x.scenario.clone(),
                base_url: self.demo_base_url.clone(),
                mailboxes: self.demo_mailboxes.clone(),
                running: self.demo_secret.is_some(),
                genesys_scenario: self
                    .demo_genesys
                    .as_ref()
                    .map(|g| g.scenario.clone())
                    .or_else(|| x.genesys_scenario.clone()),
            }),
            form: FormView {
                name: d.name.clone(),
                cloud: d.cloud.id().to_string(),
                tenant: d.tenant.clone(),
                client_id: d.client_id.clone(),
                secret_stored,
                secret_missing,
                secret_hint,
                secret_problems,
                profile: d.profile.clone(),
                locked: self.is_demo(),
            },
            mailboxes: d
                .mailboxes
                .iter()
                .map(|m| MailboxView {
                    address: m.clone(),
                    check: find("mailbox_access", Some(m)),
                })
                .collect(),
            probe_mailbox: d.probe_mailbox.clone(),
            scope_audit: d
                .probe_mailbox
                .as_deref()
                .and_then(|m| find("scope_audit", Some(m))),
            permissions,
            checked_at: target
                .as_ref()
                .and_then(|p| p.last_check.as_ref())
                .map(|c| c.at),
            counts: Counts::of(report.map(|r| r.checks.iter()).into_iter().flatten()),
            actions,
            live: s.live.clone().map(|mut l| {
                for c in &mut l.checks {
                    c.localize(lang);
                }
                l
            }),
            live_phases: Vec::new(),
            expiry: ExpiryView {
                expires,
                date: expires.map(|e| e.format("%Y-%m-%d").to_string()),
                days_left: expires.map(|e| expiry::days_left(e, now, &chrono::Local)),
                state: if expired_by_entra {
                    Some(ExpiryState::Expired)
                } else {
                    expires.map(|e| expiry::state(e, now, s.reminders.warn_days))
                },
                // A rotation since the last check made its expiry verdict stale.
                check: find("secret_expiry", None).filter(|_| {
                    let checked = target
                        .as_ref()
                        .and_then(|p| p.last_check.as_ref())
                        .map(|c| c.at);
                    !self.rotation.as_ref().is_some_and(|r| {
                        r.ok && target.as_ref().is_some_and(|p| p.name == r.profile)
                            && checked.is_none_or(|at| at < r.at)
                    })
                }),
                reminders: s.reminders.clone(),
                calendar_alarms: s.reminders.days.clone(),
            },
            summary: SummaryView {
                token_endpoint: cfg.as_ref().and_then(|c| c.token_endpoint.clone()),
                tenant_id: cfg
                    .as_ref()
                    .and_then(|c| c.tenant_id.clone())
                    .or_else(|| target.as_ref().and_then(|p| p.tenant_id.clone())),
                client_id: target
                    .as_ref()
                    .map(|p| p.client_id.clone())
                    .unwrap_or_else(|| d.client_id.clone()),
                validated: cfg.as_ref().is_some_and(|c| c.validated),
                exportable: cfg.is_some(),
                counts: Counts::of(report.map(|r| r.checks.iter()).into_iter().flatten()),
                live_ok: target
                    .as_ref()
                    .and_then(|p| p.last_live_test.as_ref())
                    .map(|l| l.ok),
                problems: Vec::new(),
            },
            portal: {
                // Opened in the integration's directory (an MSP admin is signed in to many).
                let at = |u: String| portal::in_tenant(&u, &d.tenant);
                PortalLinks {
                    app_registrations: at(portal::app_registrations(d.cloud)),
                    overview: client_guid
                        .as_deref()
                        .map(|c| at(portal::app_overview(d.cloud, c))),
                    api_permissions: client_guid
                        .as_deref()
                        .map(|c| at(portal::api_permissions(d.cloud, c))),
                    certificates: client_guid
                        .as_deref()
                        .map(|c| at(portal::certificates_and_secrets(d.cloud, c))),
                }
            },
            genesys: self.genesys_view(target.as_ref(), report, lang),
            notices: self.notices.iter().map(|c| c.localized(lang)).collect(),
            rotation: self.rotation_view(target.as_ref(), lang),
            throttled: report.and_then(|r| r.throttled.clone()),
        };
        view.live_phases = steps::phases(view.live.as_ref());
        let (steps, problems) = steps::rail(&view);
        view.steps = steps;
        view.summary.problems = problems;
        view
    }
}

fn load_state(path: &Path) -> PersistedState {
    let Ok(text) = std::fs::read_to_string(path) else {
        return PersistedState::default();
    };
    match serde_json::from_str::<PersistedState>(&text) {
        Ok(s) if s.version == STATE_VERSION => s,
        // Damaged, or from another version: start afresh (the file only saves typing).
        _ => PersistedState::default(),
    }
}

/// Parses an expiry typed by the admin: `YYYY-MM-DD` (end of that day, UTC, as the portal's
/// Expires column means) or RFC 3339. Refused with a catalog message (without the label).
pub fn parse_expiry(s: &str) -> Result<DateTime<Utc>, Msg> {
    let t = s.trim();
    let refused = |id: &str| Msg::new(id, args([("value", t)]));
    if let Ok(d) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return d
            .and_hms_opt(23, 59, 59)
            .map(|dt| dt.and_utc())
            .ok_or_else(|| refused("app-problem-expiry-bad-date"));
    }
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| refused("app-problem-expiry-not-date"))
}

/// The folder exports go to in end-to-end tests (see [`E2E_EXPORT_DIR_ENV`]).
pub fn e2e_export_dir() -> Option<PathBuf> {
    std::env::var_os(E2E_EXPORT_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The file "Import config file" reads in end-to-end tests (see [`E2E_IMPORT_FILE_ENV`]).
pub fn e2e_import_file() -> Option<PathBuf> {
    std::env::var_os(E2E_IMPORT_FILE_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The loopback base URL of [`E2E_LOOPBACK_URL_ENV`], when set to one (end-to-end tests only).
pub fn e2e_loopback_url() -> Option<String> {
    let v = std::env::var(E2E_LOOPBACK_URL_ENV).ok()?;
    let u = url::Url::parse(v.trim()).ok()?;
    (is_loopback_host(&u) && matches!(u.scheme(), "http" | "https"))
        .then(|| v.trim().trim_end_matches('/').to_string())
}

/// A file name made from a profile name: letters, digits, `-`, `_`, `.`; others become `-`.
pub fn file_stem(name: &str) -> String {
    let s: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches(['-', '.']).to_string();
    if s.is_empty() {
        "graphwiz".to_string()
    } else {
        s
    }
}

/// Hosts the app may open in the system browser: the Azure portals, Entra admin center and the
/// sign-in hosts of the three clouds, over https; plain http only on loopback.
pub const EXTERNAL_HOSTS: [&str; 9] = [
    "portal.azure.com",
    "portal.azure.us",
    "portal.azure.cn",
    "entra.microsoft.com",
    "login.microsoftonline.com",
    "login.microsoftonline.us",
    "login.chinacloudapi.cn",
    "login.partner.microsoftonline.cn",
    "learn.microsoft.com",
];

/// True when `url` may be opened in the system browser (see [`EXTERNAL_HOSTS`]; also the
/// Genesys Cloud admin UI of each region, `https://apps.{region host}`).
pub fn external_url_allowed(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url) else {
        return false;
    };
    if !u.username().is_empty() || u.password().is_some() {
        return false;
    }
    match u.scheme() {
        "https" => u.host_str().is_some_and(|h| {
            EXTERNAL_HOSTS.iter().any(|a| h.eq_ignore_ascii_case(a))
                || crate::genesys::REGIONS
                    .iter()
                    .any(|r| h.eq_ignore_ascii_case(&format!("apps.{}", r.host)))
        }),
        "http" => is_loopback_host(&u),
        _ => false,
    }
}

/// The demo's "browser": follows a sign-in or consent page of the loopback emulator without
/// redirects and brings its answer to graphwiz's own loopback listener, as a browser would.
/// Refuses anything that is not loopback. Runs in the background on the current runtime.
fn demo_browser(url: &str, lang: Lang) -> Result<(), String> {
    let parsed = url::Url::parse(url).map_err(|e| e.to_string())?;
    if !is_loopback_host(&parsed) {
        return Err(i18n::text(lang, "app-demo-loopback-only", &Args::new()));
    }
    let handle = tokio::runtime::Handle::try_current().map_err(|e| e.to_string())?;
    let url = url.to_string();
    handle.spawn(async move {
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let _ = http.follow_redirect(&url, is_loopback_host).await;
    });
    Ok(())
}

/// A browser opener handed in by the shell (the system browser).
pub type Opener<'a> = &'a (dyn Fn(&str) -> Result<(), String> + Send + Sync);

/// Opens `url` for a sign-in or consent: the demo's own "browser" in demo mode, else the system
/// browser for the allowed hosts only; a refusal is worded in `lang`.
fn open_for_admin(url: &str, demo: bool, browser: Opener<'_>, lang: Lang) -> Result<(), String> {
    if demo {
        demo_browser(url, lang)
    } else if external_url_allowed(url) {
        browser(url)
    } else {
        Err(i18n::text(
            lang,
            "app-opener-refused",
            &args([("url", url.to_string())]),
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// Desktop: the wizard behind the shell's commands
// ---------------------------------------------------------------------------------------------

/// The wizard's state and operations, shared by the shell's commands.
pub struct Desktop {
    inner: Mutex<Session>,
    cancel: tokio::sync::Notify,
    /// Where a rotation waits for the admin's paste into Genesys Cloud.
    paste: rotate::PasteGate,
}

impl std::fmt::Debug for Desktop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desktop").finish_non_exhaustive()
    }
}

impl Desktop {
    /// Opens the wizard with its state in `dir` (the data folder; see
    /// [`profiles::data_dir`]).
    pub fn open(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        let state_path = dir.join(STATE_FILE);
        let mut state = load_state(&state_path);
        // A demo cannot resume without its emulator; the shell restarts it (resume_demo).
        if state.step.needs_target() && state.origin.is_none() {
            state.step = Step::Start;
        }
        Desktop {
            inner: Mutex::new(Session {
                store: ProfileStore::at(&dir),
                state_path,
                state,
                demo_secret: None,
                demo_base_url: None,
                demo_mailboxes: Vec::new(),
                generation: 0,
                secret_missing: None,
                demo_genesys: None,
                notices: Vec::new(),
                diagnosis: None,
                demo_vault: None,
                rotation: None,
                pending_import: None,
            }),
            cancel: tokio::sync::Notify::new(),
            paste: rotate::PasteGate::default(),
        }
    }

    /// Opens the wizard in the default data folder.
    pub fn open_default() -> Result<Self, DesktopError> {
        Ok(Desktop::open(profiles::data_dir()?))
    }

    fn lock(&self) -> MutexGuard<'_, Session> {
        // A panic while holding the lock leaves consistent data (every change is one assignment).
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Everything the UI shows.
    pub fn view(&self) -> View {
        self.lock().view()
    }

    /// The demo scenario to restart after the app was closed in demo mode.
    pub fn demo_to_resume(&self) -> Option<String> {
        let s = self.lock();
        s.is_demo()
            .then(|| s.state.demo.as_ref().map(|d| d.scenario.clone()))
            .flatten()
    }

    /// Goes to a step reachable from the rail.
    pub fn go_to(&self, step: Step) -> Result<View, DesktopError> {
        let mut s = self.lock();
        if step > s.state.furthest {
            return Err(DesktopError::plain("unreachable", "app-error-unreachable"));
        }
        if step.needs_target() && s.target().is_err() {
            return Err(DesktopError::no_target());
        }
        if step == Step::AzureApp && s.state.origin.is_none() {
            s.state.origin = Some(Origin::New);
        }
        s.state.step = step;
        s.persist();
        Ok(s.view())
    }

    /// The next step (after the Azure app step; that one's Next is [`Desktop::save_azure_app`]).
    pub fn next(&self) -> Result<View, DesktopError> {
        let mut s = self.lock();
        let step = s.state.step;
        if step <= Step::AzureApp {
            return Err(DesktopError::plain(
                "unreachable",
                "app-error-confirm-azure-app",
            ));
        }
        s.target()?;
        let next = step.next();
        s.state.step = next;
        s.state.furthest = s.state.furthest.max(next);
        s.persist();
        Ok(s.view())
    }

    /// The previous step.
    pub fn back(&self) -> View {
        let mut s = self.lock();
        s.state.step = s.state.step.prev();
        s.persist();
        s.view()
    }

    /// Starts a new setup (the demo, if any, ends).
    pub fn start_new(&self) -> View {
        let mut s = self.lock();
        s.reset(Some(Origin::New));
        if let Some(url) = e2e_loopback_url() {
            s.state.draft.login_url = Some(url.clone());
            s.state.draft.graph_url = Some(url);
        }
        s.state.step = Step::AzureApp;
        s.state.furthest = Step::AzureApp;
        s.persist();
        s.view()
    }

    /// Back to the start screen, keeping nothing of the current integration (saved profiles
    /// stay saved).
    pub fn restart(&self) -> View {
        let mut s = self.lock();
        s.reset(None);
        s.persist();
        s.view()
    }

    /// Opens a saved profile: every step is reachable.
    pub fn open_profile(&self, name: &str) -> Result<View, DesktopError> {
        let mut s = self.lock();
        let file = s.store.load()?;
        let p = file
            .get(name)
            .cloned()
            .ok_or_else(|| ProfileError::NotFound {
                name: name.to_string(),
                known: file.names(),
            })?;
        s.reset(Some(Origin::Saved));
        s.state.draft = Draft {
            name: p.name.clone(),
            cloud: p.cloud,
            tenant: p.tenant.clone(),
            client_id: p.client_id.clone(),
            mailboxes: p.mailboxes.clone(),
            probe_mailbox: None,
            login_url: p.login_url.clone(),
            graph_url: p.graph_url.clone(),
            profile: Some(p.name.clone()),
        };
        s.state.genesys = GenesysDraft::of(p.genesys.as_ref());
        s.state.step = Step::Permissions;
        s.state.furthest = Step::Summary;
        s.persist();
        Ok(s.view())
    }

    /// Starts the demo with a freshly started emulator: the Azure app step opens with the demo
    /// tenant's values filled in. The demo secret stays in memory.
    pub fn start_demo(&self, demo: DemoTenant) -> Result<View, DesktopError> {
        let endpoints = demo_endpoints(&demo.base_url)?;
        let mut s = self.lock();
        // Keep the mailboxes the admin picked when only the scenario changes.
        let mailboxes = match (&s.state.demo, s.is_demo()) {
            (Some(_), true) => s.state.draft.mailboxes.clone(),
            _ => demo
                .mailboxes
                .iter()
                .find(|m| m.kind == "healthy")
                .map(|m| vec![m.address.clone()])
                .unwrap_or_default(),
        };
        let reminders = s.state.reminders.clone();
        let kept_genesys = match (&s.state.demo, s.is_demo()) {
            (Some(d), true) => d.profile.genesys.clone(),
            _ => None,
        };
        s.reset(Some(Origin::Demo));
        s.state.reminders = reminders;
        let tenant = demo.tenant_id.to_ascii_lowercase();
        let client_id = demo.client_id.to_ascii_lowercase();
        s.state.draft = Draft {
            name: DEMO_PROFILE_NAME.to_string(),
            cloud: endpoints.cloud,
            tenant: tenant.clone(),
            client_id: client_id.clone(),
            mailboxes: mailboxes.clone(),
            probe_mailbox: None,
            login_url: Some(endpoints.login_base().to_string()),
            graph_url: Some(endpoints.graph_base().to_string()),
            profile: None,
        };
        s.state.demo = Some(DemoState {
            scenario: demo.scenario.clone(),
            profile: Profile {
                name: DEMO_PROFILE_NAME.to_string(),
                cloud: endpoints.cloud,
                tenant,
                tenant_id: None,
                client_id,
                mailboxes,
                login_url: Some(endpoints.login_base().to_string()),
                graph_url: Some(endpoints.graph_base().to_string()),
                secret_ref: String::new(),
                secret_hint: Some(demo.secret.hint()),
                secret_expiry: None,
                last_check: None,
                last_live_test: None,
                genesys: None,
            },
            confirmed: false,
            genesys_scenario: None,
        });
        s.demo_secret = Some(demo.secret);
        s.demo_base_url = Some(demo.base_url);
        s.demo_mailboxes = demo.mailboxes;
        s.adopt_demo_genesys(demo.genesys, kept_genesys);
        s.forget_demo_rotation();
        s.state.step = Step::AzureApp;
        s.state.furthest = Step::AzureApp;
        s.persist();
        Ok(s.view())
    }

    /// After the app was restarted in demo mode: points the demo profile at the new emulator and
    /// holds its secret again, keeping the step and results.
    pub fn resume_demo(&self, demo: DemoTenant) -> Result<View, DesktopError> {
        let endpoints = demo_endpoints(&demo.base_url)?;
        let mut s = self.lock();
        if !s.is_demo() {
            drop(s);
            return self.start_demo(demo);
        }
        let login = endpoints.login_base().to_string();
        let graph = endpoints.graph_base().to_string();
        if let Some(d) = s.state.demo.as_mut() {
            d.profile.login_url = Some(login.clone());
            d.profile.graph_url = Some(graph.clone());
        }
        s.state.draft.login_url = Some(login);
        s.state.draft.graph_url = Some(graph);
        s.demo_secret = Some(demo.secret);
        s.demo_base_url = Some(demo.base_url);
        s.demo_mailboxes = demo.mailboxes;
        s.forget_demo_rotation();
        let kept = s
            .state
            .demo
            .as_ref()
            .and_then(|d| d.profile.genesys.clone());
        s.adopt_demo_genesys(demo.genesys, kept);
        s.generation += 1;
        s.persist();
        Ok(s.view())
    }

    /// Confirms the Azure app step: validates every field with the core, puts the secret in the
    /// OS keychain (demo: memory) and saves the profile. Nothing is stored when a field is
    /// refused; the secret is never returned.
    pub fn save_azure_app(&self, input: AzureAppInput) -> Result<View, DesktopError> {
        let mut s = self.lock();
        let mut problems: Vec<FieldProblem> = Vec::new();
        let name = match profiles::validate_name(&input.name) {
            Ok(n) => Some(n),
            Err(e) => {
                problems.extend(DesktopError::from(e).problems);
                None
            }
        };
        let cloud: Option<Cloud> = match input.cloud.parse() {
            Ok(c) => Some(c),
            Err(m) => {
                // The UI offers only the known clouds: only the core can word this one.
                problems.push(FieldProblem {
                    code: None,
                    message: m,
                    ..FieldProblem::new(
                        "cloud",
                        "Cloud",
                        "",
                        None,
                        Msg::new("app-problem-cloud", args([("cloud", input.cloud.trim())])),
                    )
                });
                None
            }
        };
        let tenant = match validate::tenant(&input.tenant) {
            Ok((t, w)) => {
                problems.extend(w.iter().map(|p| field_problem("tenant", p)));
                Some(t)
            }
            Err(p) => {
                problems.push(field_problem("tenant", &p));
                None
            }
        };
        let client_id = match validate::client_id(&input.client_id) {
            Ok((c, w)) => {
                problems.extend(w.iter().map(|p| field_problem("client_id", p)));
                if let Some(p) = tenant
                    .as_deref()
                    .and_then(|t| validate::tenant_and_client(t, &c))
                {
                    problems.push(field_problem("client_id", &p));
                }
                Some(c)
            }
            Err(p) => {
                problems.push(field_problem("client_id", &p));
                None
            }
        };
        let demo = s.is_demo();
        // The secret: typed now, or the one stored already.
        let typed = input.secret.as_ref().filter(|t| !t.is_blank());
        let new_secret = match typed {
            Some(t) => match validate::secret(t.text(), input.i_know) {
                Ok((secret, w)) => {
                    problems.extend(w.iter().map(|p| field_problem("secret", p)));
                    Some(secret)
                }
                Err(p) => {
                    problems.push(field_problem("secret", &p));
                    None
                }
            },
            None if demo => match s.demo_secret.as_ref() {
                Some(held) => match validate::secret(held.expose(), input.i_know) {
                    Ok((secret, _)) => Some(secret),
                    Err(p) => {
                        problems.push(field_problem("secret", &p));
                        None
                    }
                },
                None => {
                    problems.push(FieldProblem::new(
                        "secret",
                        validate::FIELD_SECRET,
                        "empty",
                        None,
                        Msg::plain("app-problem-secret-empty"),
                    ));
                    None
                }
            },
            None => None,
        };
        let existing: Option<Profile> = if demo {
            None
        } else {
            match &s.state.draft.profile {
                Some(n) => s.store.load()?.get(n).cloned(),
                None => None,
            }
        };
        let missing = !demo
            && existing.is_some()
            && s.secret_missing.is_some()
            && s.secret_missing == s.state.draft.profile;
        if new_secret.is_none() && typed.is_none() && missing {
            problems.push(FieldProblem::new(
                "secret",
                validate::FIELD_SECRET,
                "secret_missing",
                None,
                Msg::plain("app-problem-secret-missing"),
            ));
        }
        if new_secret.is_none() && typed.is_none() && !demo && existing.is_none() {
            problems.push(FieldProblem::new(
                "secret",
                validate::FIELD_SECRET,
                "empty",
                None,
                Msg::plain("app-problem-secret-empty-new"),
            ));
        }
        // Keep what was typed (never the secret), so the form survives errors and restarts.
        s.state.draft.name = input.name.trim().to_string();
        if let Some(c) = cloud {
            if !demo {
                s.state.draft.cloud = c;
            }
        }
        s.state.draft.tenant = tenant
            .clone()
            .unwrap_or_else(|| input.tenant.trim().to_string());
        s.state.draft.client_id = client_id
            .clone()
            .unwrap_or_else(|| input.client_id.trim().to_string());
        if problems.iter().any(|p| p.severity == Severity::Error) {
            s.persist();
            return Err(DesktopError::invalid(problems));
        }
        let (Some(name), Some(cloud), Some(tenant), Some(client_id)) =
            (name, cloud, tenant, client_id)
        else {
            return Err(DesktopError::invalid(problems));
        };

        if demo {
            let Some(secret) = new_secret else {
                return Err(DesktopError::invalid(problems));
            };
            let changed = {
                let Some(d) = s.state.demo.as_mut() else {
                    return Err(DesktopError::no_target());
                };
                let changed = d.profile.tenant != tenant || d.profile.client_id != client_id;
                d.profile.tenant = tenant;
                d.profile.client_id = client_id;
                d.profile.secret_hint = Some(secret.hint());
                if changed {
                    d.profile.tenant_id = None;
                    d.profile.last_check = None;
                }
                d.confirmed = true;
                changed
            };
            if changed {
                s.generation += 1;
            }
            s.state.draft.name = DEMO_PROFILE_NAME.to_string();
            s.demo_secret = Some(secret);
        } else {
            let endpoints = Endpoints::new(
                cloud,
                s.state.draft.login_url.as_deref(),
                s.state.draft.graph_url.as_deref(),
            )
            .map_err(endpoint_error)?;
            let renamed = existing
                .as_ref()
                .is_some_and(|e| !e.name.eq_ignore_ascii_case(&name));
            // Name clash with another saved profile (not the one being edited).
            if existing.is_none() || renamed {
                if let Some(other) = s.store.load()?.get(&name) {
                    return Err(ProfileError::Exists {
                        name: other.name.clone(),
                    }
                    .into());
                }
            }
            let secret = match (new_secret, &existing) {
                (Some(sec), _) => Some(sec),
                (None, Some(e)) if renamed => Some(keychain::load(&e.name, &e.secret_ref)?),
                _ => None,
            };
            let same_app = existing.as_ref().is_some_and(|e| {
                e.tenant == tenant && e.client_id == client_id && e.cloud == cloud && !renamed
            });
            let base = existing.clone().filter(|_| same_app);
            let mut profile = Profile {
                name: name.clone(),
                cloud,
                tenant_id: validate::is_guid(&tenant).then(|| tenant.clone()),
                tenant,
                client_id,
                mailboxes: s.state.draft.mailboxes.clone(),
                login_url: s
                    .state
                    .draft
                    .login_url
                    .as_ref()
                    .map(|_| endpoints.login_base().to_string()),
                graph_url: s
                    .state
                    .draft
                    .graph_url
                    .as_ref()
                    .map(|_| endpoints.graph_base().to_string()),
                secret_ref: existing
                    .as_ref()
                    .filter(|_| !renamed)
                    .map(|e| e.secret_ref.clone())
                    .unwrap_or_default(),
                secret_hint: existing
                    .as_ref()
                    .filter(|_| !renamed)
                    .and_then(|e| e.secret_hint.clone()),
                secret_expiry: base.as_ref().and_then(|b| b.secret_expiry),
                last_check: base.as_ref().and_then(|b| b.last_check.clone()),
                last_live_test: base.as_ref().and_then(|b| b.last_live_test.clone()),
                // The Genesys part stays (a renamed profile gets a copy below).
                genesys: existing
                    .as_ref()
                    .filter(|_| !renamed)
                    .and_then(|e| e.genesys.clone()),
            };
            save_with_secret(&s.store, &mut profile, secret.as_ref(), existing.as_ref())?;
            if renamed {
                if let Some(old) = existing.as_ref() {
                    genesys::copy_part(&s.store, old, &name)?;
                }
            }
            if secret.is_some() {
                s.secret_missing = None;
            }
            s.state.draft.name = name.clone();
            s.state.draft.profile = Some(name);
            if !same_app {
                s.state.live = None;
            }
            s.generation += 1;
        }
        s.state.step = Step::Permissions;
        s.state.furthest = s.state.furthest.max(Step::Permissions);
        s.persist();
        Ok(s.view())
    }

    /// Runs every check of the integration (with its mailboxes and the scope audit) and keeps
    /// the result with the profile.
    pub async fn run_checks(&self) -> Result<View, DesktopError> {
        let (input, generation, unusable) = self.lock().check_input_full_noting()?;
        let mut report = run_check(&input).await;
        if let Some(c) = unusable {
            report.checks.push(c);
            report.ok = false;
        }
        let mut s = self.lock();
        s.record(generation, &report)?;
        Ok(s.view())
    }

    /// Opens the admin consent page (system browser; the demo answers in-process), waits for
    /// the answer and checks again, repeating the check twice when nothing changed yet.
    pub async fn grant_consent(&self, browser: Opener<'_>) -> Result<View, DesktopError> {
        let (input, generation, demo, lang) = {
            let mut s = self.lock();
            let (input, g) = s.check_input_noting()?;
            (input, g, s.is_demo(), s.lang())
        };
        let before = run_check(&input).await;
        if before.get("tenant").map(|c| c.status) != Some(Status::Pass) {
            let mut s = self.lock();
            s.record(generation, &before)?;
            return Err(DesktopError::plain("tenant", "app-error-tenant-not-found"));
        }
        let tenant = before
            .tenant_id
            .clone()
            .unwrap_or_else(|| input.tenant.clone());
        let opener = |url: &str| open_for_admin(url, demo, browser, lang);
        let consent = admin::admin_consent(
            &input.endpoints,
            &tenant,
            &input.client_id,
            opener,
            admin::DEFAULT_WAIT,
        );
        match self.cancellable(consent).await {
            None => return Err(cancelled()),
            Some(Err(e)) => return Err(e.into()),
            Some(Ok(_)) => {}
        }
        let statuses = |r: &Report| -> Vec<(String, Status)> {
            r.checks.iter().map(|c| (c.id.clone(), c.status)).collect()
        };
        let mut after = run_check(&input).await;
        let mut attempts = 0;
        while statuses(&after) == statuses(&before) && !after.ok && attempts < SETTLE_ATTEMPTS {
            attempts += 1;
            if self
                .cancellable(tokio::time::sleep(SETTLE_WAIT))
                .await
                .is_none()
            {
                break;
            }
            after = run_check(&input).await;
        }
        let mut s = self.lock();
        s.record(generation, &after)?;
        Ok(s.view())
    }

    /// Lets an administrator sign in (system browser; the demo answers in-process) and settles
    /// `perm_user_read` with what the administrator's token reads. The token stays in memory.
    pub async fn verify_as_admin(&self, browser: Opener<'_>) -> Result<View, DesktopError> {
        let (input, generation, demo, report, lang) = {
            let mut s = self.lock();
            let (input, g) = s.check_input_noting()?;
            let report = s.target()?.last_check.map(|c| c.report);
            (input, g, s.is_demo(), report, s.lang())
        };
        let mut report = match report {
            Some(r) => r,
            None => run_check(&input).await,
        };
        let tenant = report
            .tenant_id
            .clone()
            .unwrap_or_else(|| input.tenant.clone());
        let opener = |url: &str| open_for_admin(url, demo, browser, lang);
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let options = SignInOptions::default();
        let work = async {
            let token =
                admin::sign_in_browser(&http, &input.endpoints, &tenant, &options, opener).await?;
            admin::admin_findings(&http, &input.endpoints, &token, &input.client_id).await
        };
        let findings = match self.cancellable(work).await {
            None => return Err(cancelled()),
            Some(r) => r?,
        };
        admin::settle_user_read(
            &mut report,
            &findings,
            input.endpoints.cloud,
            &input.client_id,
        );
        let mut s = self.lock();
        s.record(generation, &report)?;
        Ok(s.view())
    }

    /// Cancels a wait for the administrator (consent or sign-in).
    pub fn cancel_wait(&self) {
        self.cancel.notify_waiters();
        self.paste.answer(false);
    }

    async fn cancellable<T>(&self, f: impl std::future::Future<Output = T>) -> Option<T> {
        tokio::select! {
            r = f => Some(r),
            _ = self.cancel.notified() => None,
        }
    }

    /// Adds a mailbox (validated by the core).
    pub fn add_mailbox(&self, address: &str) -> Result<View, DesktopError> {
        let m = validate::mailbox(address)
            .map_err(|p| DesktopError::invalid(vec![field_problem("mailbox", &p)]))?;
        let mut s = self.lock();
        if s.state
            .draft
            .mailboxes
            .iter()
            .any(|x| x.eq_ignore_ascii_case(&m))
        {
            return Err(DesktopError::new(
                "duplicate",
                "app-error-mailbox-duplicate",
                args([("mailbox", m)]),
            ));
        }
        s.state.draft.mailboxes.push(m);
        let list = s.state.draft.mailboxes.clone();
        s.update_target(|p| p.mailboxes = list)?;
        s.persist();
        Ok(s.view())
    }

    /// Removes a mailbox.
    pub fn remove_mailbox(&self, address: &str) -> Result<View, DesktopError> {
        let mut s = self.lock();
        s.state
            .draft
            .mailboxes
            .retain(|x| !x.eq_ignore_ascii_case(address.trim()));
        let list = s.state.draft.mailboxes.clone();
        s.update_target(|p| p.mailboxes = list)?;
        s.persist();
        Ok(s.view())
    }

    /// Sets (or clears, with `None` or an empty text) the scope audit's probe mailbox.
    pub fn set_probe_mailbox(&self, address: Option<&str>) -> Result<View, DesktopError> {
        let probe = match address.map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => Some(
                validate::mailbox(a)
                    .map_err(|p| DesktopError::invalid(vec![field_problem("probe_mailbox", &p)]))?,
            ),
            None => None,
        };
        let mut s = self.lock();
        if let Some(p) = &probe {
            if s.state
                .draft
                .mailboxes
                .iter()
                .any(|m| m.eq_ignore_ascii_case(p))
            {
                return Err(DesktopError::new(
                    "probe_configured",
                    "app-error-probe-configured",
                    args([("mailbox", p.clone())]),
                ));
            }
        }
        s.state.draft.probe_mailbox = probe;
        s.persist();
        Ok(s.view())
    }

    /// Runs the live test: the checks, then send → receive → mark read → delete, reporting
    /// progress. `sender` must be one of the mailboxes; `recipient` defaults to the sender.
    pub async fn run_live_test(
        &self,
        sender: &str,
        recipient: Option<&str>,
        progress: &(dyn Fn(ProgressView) + Send + Sync),
    ) -> Result<View, DesktopError> {
        let (check, generation) = self.lock().check_input_noting()?;
        let sender = validate::mailbox(sender)
            .map_err(|p| DesktopError::invalid(vec![field_problem("mailbox", &p)]))?;
        if !check
            .mailboxes
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&sender))
        {
            return Err(DesktopError::new(
                "sender",
                "app-error-not-a-mailbox",
                args([("mailbox", sender)]),
            ));
        }
        let recipient = match recipient.map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => validate::mailbox(r)
                .map_err(|p| DesktopError::invalid(vec![field_problem("mailbox", &p)]))?,
            None => sender.clone(),
        };
        let input = LiveTestInput {
            check,
            sender: sender.clone(),
            recipient: recipient.clone(),
            wait: LIVE_WAIT,
        };
        let on_progress = |p: Progress| progress(ProgressView::from(p));
        let live = run_live_test(&input, &on_progress).await;
        let mut s = self.lock();
        if generation != s.generation {
            return Ok(s.view());
        }
        let now = Utc::now();
        let summary = live.summary.clone();
        s.update_target(|p| {
            p.record_check(&live.report, now);
            if let Some(sum) = summary {
                p.last_live_test = Some(sum);
            }
        })?;
        let (shown, ok) = steps::shown_test(&live.report, &LIVE_CHECKS, &sender, &recipient);
        s.state.live = Some(LiveResult {
            ran_at: now,
            ok,
            sender,
            recipient,
            latency_ms: live.summary.as_ref().and_then(|x| x.latency_ms),
            checks: shown,
            polls: live.wait_requests,
            pickup: false,
            pickup_latency_ms: None,
        });
        s.persist();
        Ok(s.view())
    }

    /// Records the secret's expiry entered by hand (`YYYY-MM-DD`).
    pub fn set_expiry(&self, date: &str) -> Result<View, DesktopError> {
        let when = parse_expiry(date).map_err(|m| {
            DesktopError::invalid(vec![FieldProblem::new(
                "expiry",
                "Secret expiry",
                "expiry_invalid",
                None,
                m,
            )])
        })?;
        let mut s = self.lock();
        s.update_target(|p| p.secret_expiry = Some(when))?;
        Ok(s.view())
    }

    /// Changes the reminder settings (`desktop`: desktop reminders on or off; `None` keeps it).
    pub fn set_reminders(
        &self,
        warn_days: u32,
        days: &[u32],
        desktop: Option<bool>,
    ) -> Result<View, DesktopError> {
        if warn_days > 365 {
            return Err(DesktopError::invalid(vec![FieldProblem::new(
                "warn_days",
                "Warning window",
                "warn_days_range",
                Some(365),
                Msg::new("app-problem-warn-days", args([("max", 365)])),
            )]));
        }
        let mut days: Vec<u32> = days
            .iter()
            .copied()
            .filter(|d| REMINDER_CHOICES.contains(d))
            .collect();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        let mut s = self.lock();
        let desktop = desktop.unwrap_or(s.state.reminders.desktop);
        s.state.reminders = Reminders {
            warn_days,
            days,
            desktop,
        };
        s.persist();
        Ok(s.view())
    }

    /// The reminder settings.
    pub fn reminder_settings(&self) -> Reminders {
        self.lock().state.reminders.clone()
    }

    /// The UI's language, for reminder texts (English until the UI said otherwise).
    pub fn language(&self) -> crate::reminders::Lang {
        self.lock()
            .state
            .lang
            .as_deref()
            .map(crate::reminders::Lang::parse_or_english)
            .unwrap_or_default()
    }

    /// Keeps the UI's language (`en`, `de`; anything else is English).
    pub fn set_language(&self, lang: &str) {
        let mut s = self.lock();
        let code = crate::reminders::Lang::parse_or_english(lang)
            .code()
            .to_string();
        if s.state.lang.as_deref() != Some(code.as_str()) {
            s.state.lang = Some(code);
            s.persist();
        }
    }

    /// The saved profiles (for reminders; never the demo).
    pub fn saved_profiles(&self) -> Result<Vec<Profile>, DesktopError> {
        let store = self.lock().store.clone();
        Ok(store.load()?.profiles)
    }

    /// Opens a saved profile on its Secret expiry step (a reminder was clicked).
    pub fn open_profile_expiry(&self, name: &str) -> Result<View, DesktopError> {
        self.open_profile(name)?;
        self.go_to(Step::SecretExpiry)
    }

    /// The default file name of the export (`<profile>.graphwiz.json`).
    pub fn export_file_name(&self) -> String {
        let s = self.lock();
        format!("{}.graphwiz.json", file_stem(&s.state.draft.name))
    }

    /// The default file name of the calendar file (`<profile>-secret-expiry.ics`).
    pub fn calendar_file_name(&self) -> String {
        let s = self.lock();
        format!("{}-secret-expiry.ics", file_stem(&s.state.draft.name))
    }

    /// Writes the validated config file (never the secret) of the last check to `path`,
    /// replacing it (the save dialog asked). Refused when a check failed, unless `allow_failed`.
    pub fn export_config(
        &self,
        path: &Path,
        allow_failed: bool,
    ) -> Result<ConfigFile, DesktopError> {
        let s = self.lock();
        let p = s.target()?;
        let Some(last) = &p.last_check else {
            return Err(DesktopError::plain("not_checked", "app-error-not-checked"));
        };
        let cfg = ConfigFile::build(&p, &last.report, last.at);
        if !cfg.validated && !allow_failed {
            return Err(DesktopError::plain(
                "not_validated",
                "app-error-not-validated",
            ));
        }
        crate::store::config::write(path, &cfg, true)
            .map_err(|e| DesktopError::detail("write", "app-error-write", e))?;
        Ok(cfg)
    }

    /// Writes an iCalendar file with the secret's expiry (all-day event, alarms before it).
    pub fn save_calendar(&self, path: &Path) -> Result<(), DesktopError> {
        let s = self.lock();
        let p = s.target()?;
        let Some(entry) = p.calendar_entry(Utc::now()) else {
            return Err(DesktopError::plain(
                "expiry_unknown",
                "app-error-expiry-unknown",
            ));
        };
        // The alarms are the desktop reminders' days: one setting for both.
        let ics = expiry::calendar_in(&[entry], &s.state.reminders.days, s.lang());
        profiles::write_atomic(path, ics.as_bytes())?;
        Ok(())
    }

    /// A value the summary offers to copy: `token_endpoint`, `client_id` or `tenant_id`.
    pub fn copy_value(&self, what: &str) -> Result<String, DesktopError> {
        let v = self.view().summary;
        let value = match what {
            "token_endpoint" => v.token_endpoint,
            "client_id" => Some(v.client_id).filter(|c| !c.is_empty()),
            "tenant_id" => v.tenant_id,
            _ => None,
        };
        value.ok_or_else(|| DesktopError::plain("nothing_to_copy", "app-error-nothing-to-copy"))
    }

    /// True when the wizard runs the demo (portal links are then not opened).
    pub fn is_demo(&self) -> bool {
        self.lock().is_demo()
    }

    /// Every saved profile with its last verdict and days to expiry.
    pub fn profiles(&self) -> Result<Vec<ProfileRow>, DesktopError> {
        let s = self.lock();
        let file = s.store.load()?;
        let now = Utc::now();
        let current = if s.is_demo() {
            None
        } else {
            s.state.draft.profile.clone()
        };
        Ok(file
            .profiles
            .iter()
            .map(|p| {
                row(
                    p,
                    now,
                    s.state.reminders.warn_days,
                    current.as_deref(),
                    s.lang(),
                )
            })
            .collect())
    }

    /// Checks saved profiles again (all of them when `names` is empty), eight at a time, and
    /// keeps each result with its profile. A profile whose secret is missing gets a failed
    /// `secret` check; a keychain that can't be reached stops the run.
    pub async fn recheck_profiles(
        &self,
        names: &[String],
    ) -> Result<Vec<ProfileRow>, DesktopError> {
        let (store, warn_days) = {
            let s = self.lock();
            (s.store.clone(), s.state.reminders.warn_days)
        };
        let file = store.load()?;
        let selected: Vec<&Profile> = file
            .profiles
            .iter()
            .filter(|p| names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(&p.name)))
            .collect();
        let mut inputs = Vec::new();
        let mut slots: Vec<(String, Result<usize, Report>)> = Vec::new();
        for p in selected {
            let slot = match keychain::load(&p.name, &p.secret_ref) {
                Ok(secret) => match p.check_input(secret, REQUEST_TIMEOUT) {
                    Ok(mut input) => match genesys::saved_input(p) {
                        Ok(g) => {
                            input.expiry_warn_days = warn_days;
                            input.genesys = g;
                            inputs.push(input);
                            Ok(inputs.len() - 1)
                        }
                        Err(genesys::Unusable::Environment(e)) => return Err(e),
                        Err(genesys::Unusable::Part(c)) => Err(Report::of(vec![*c])),
                    },
                    Err(e) => Err(Report::of(vec![Check::msg(
                        "profile",
                        Status::Fail,
                        "app-check-profile-endpoints",
                        args([("detail", e.to_string())]),
                    )])),
                },
                Err(KeychainError::Missing { .. }) => Err(Report::of(vec![Check::msg(
                    "secret",
                    Status::Fail,
                    "app-check-secret-missing",
                    args([("profile", p.name.clone())]),
                )])),
                Err(e) => return Err(e.into()),
            };
            slots.push((p.name.clone(), slot));
        }
        let mut reports = check_many(&inputs).await;
        let now = Utc::now();
        store.update(|f| {
            for (name, slot) in &slots {
                let report = match slot {
                    Ok(i) => reports
                        .get_mut(*i)
                        .map(|r| std::mem::replace(r, Report::of(vec![]))),
                    Err(r) => Some(r.clone()),
                };
                if let (Some(p), Some(r)) = (f.get_mut(name), report) {
                    p.record_check(&r, now);
                }
            }
            Ok(())
        })?;
        self.profiles()
    }

    /// Removes a saved profile and its secret in the keychain (the secret first).
    pub fn remove_profile(&self, name: &str) -> Result<Vec<ProfileRow>, DesktopError> {
        {
            let mut s = self.lock();
            let file = s.store.load()?;
            let p = file
                .get(name)
                .cloned()
                .ok_or_else(|| ProfileError::NotFound {
                    name: name.to_string(),
                    known: file.names(),
                })?;
            keychain::delete(&p.name, &p.secret_ref)?;
            if let Some(g) = &p.genesys {
                // Best effort: the profile goes either way; a stale entry names nothing.
                let _ = keychain::delete(&p.name, &g.secret_ref);
            }
            s.store.update(|f| {
                f.remove(&p.name);
                Ok(())
            })?;
            let open = s
                .state
                .draft
                .profile
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(&p.name));
            if open && !s.is_demo() {
                s.reset(None);
                s.persist();
            }
        }
        self.profiles()
    }
}

/// Like [`crate::checks::run_many`] (eight at a time, one shared HTTP client), with each check
/// boxed as a `Send` future so the caller's future stays `Send` (async commands need that).
async fn check_many(inputs: &[CheckInput]) -> Vec<Report> {
    use futures::StreamExt;
    type Boxed<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Report> + Send + 'a>>;
    let http = HttpClient::new(REQUEST_TIMEOUT);
    let futures: Vec<Boxed<'_>> = inputs
        .iter()
        .map(|i| Box::pin(run_check_with(&http, i)) as Boxed<'_>)
        .collect();
    futures::stream::iter(futures).buffered(8).collect().await
}

fn cancelled() -> DesktopError {
    DesktopError::plain("cancelled", "app-error-cancelled")
}

fn demo_endpoints(base_url: &str) -> Result<Endpoints, DesktopError> {
    let endpoints =
        Endpoints::new(Cloud::Global, Some(base_url), Some(base_url)).map_err(endpoint_error)?;
    let loopback = |u: &str| {
        url::Url::parse(u)
            .ok()
            .is_some_and(|u| is_loopback_host(&u))
    };
    if !loopback(endpoints.login_base()) || !loopback(endpoints.graph_base()) {
        return Err(DesktopError::plain(
            "demo_not_loopback",
            "app-error-demo-not-loopback",
        ));
    }
    Ok(endpoints)
}

fn default_name(tenant: &str) -> String {
    let first = tenant.split('.').next().unwrap_or_default();
    profiles::validate_name(first).unwrap_or_else(|_| "integration".to_string())
}

fn row(
    p: &Profile,
    now: DateTime<Utc>,
    warn_days: u32,
    current: Option<&str>,
    lang: Lang,
) -> ProfileRow {
    let last = p.last_check.as_ref();
    ProfileRow {
        name: p.name.clone(),
        cloud: p.cloud.id().to_string(),
        tenant: p.tenant.clone(),
        client_id: p.client_id.clone(),
        mailboxes: p.mailboxes.len(),
        checked_at: last.map(|c| c.at),
        ok: last.map(|c| c.report.ok),
        counts: Counts::of(last.map(|c| c.report.checks.iter()).into_iter().flatten()),
        first_failure: last.and_then(|c| {
            c.report
                .checks
                .iter()
                .find(|k| k.status == Status::Fail)
                .map(|k| k.localized(lang).summary)
        }),
        expires: p.secret_expiry,
        days_left: p
            .secret_expiry
            .map(|e| expiry::days_left(e, now, &chrono::Local)),
        expiry_state: p.secret_expiry.map(|e| expiry::state(e, now, warn_days)),
        current: current.is_some_and(|c| c.eq_ignore_ascii_case(&p.name)),
    }
}

/// Saves a profile and puts a new secret (when given) in the OS keychain, as `graphwiz profile
/// add` does: nothing is written when the keychain can't take the secret, the new secret is
/// removed again when the profile can't be saved, and the replaced secret is deleted after.
fn save_with_secret(
    store: &ProfileStore,
    profile: &mut Profile,
    secret: Option<&ClientSecret>,
    existing: Option<&Profile>,
) -> Result<(), DesktopError> {
    let name = profile.name.clone();
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
    let saved = store.update(|f| {
        if let Some(e) = existing {
            if !e.name.eq_ignore_ascii_case(&name) && f.get(&name).is_some() {
                return Err(ProfileError::Exists { name: name.clone() });
            }
        }
        f.upsert(profile.clone());
        Ok(())
    });
    if let Err(e) = saved {
        if let Some(r) = &new_ref {
            let _ = keychain::delete(&name, r);
        }
        return Err(e.into());
    }
    if let (Some(old), Some(new)) = (existing, &new_ref) {
        let same_entry = old.name.eq_ignore_ascii_case(&name) && &old.secret_ref == new;
        if !same_entry && old.name.eq_ignore_ascii_case(&name) {
            // Best effort: a stale entry under the same profile name is harmless.
            let _ = keychain::delete(&old.name, &old.secret_ref);
        }
    }
    Ok(())
}

/// Reads a config file for import, with the core's validation.
pub fn read_config(path: &Path) -> Result<ConfigFile, DesktopError> {
    crate::store::config::read(path).map_err(|e| match e {
        ImportError::Read { .. } => DesktopError::detail("read", "app-error-read", e),
        _ => DesktopError::detail("import", "app-error-import", e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_in_order() {
        assert_eq!(Step::Start.next(), Step::AzureApp);
        assert_eq!(Step::Summary.next(), Step::Summary);
        assert_eq!(Step::Start.prev(), Step::Start);
        assert_eq!(Step::LiveTest.prev(), Step::Mailboxes);
        assert!(Step::Permissions.needs_target());
        assert!(!Step::AzureApp.needs_target());
        let json = serde_json::to_string(&Step::SecretExpiry).unwrap();
        assert_eq!(json, "\"secret-expiry\"");
    }

    #[test]
    fn a_locked_keychain_says_how_to_unlock_in_the_apps_words() {
        let e = DesktopError::from(KeychainError::Locked {
            detail: "Secret Service: unlock prompt was dismissed".into(),
            hint: keychain::locked_hint(),
        });
        assert_eq!(e.code, "keychain");
        assert!(
            e.message.starts_with(
                "The OS keychain is locked, or the request to unlock it was declined. "
            ),
            "{}",
            e.message
        );
        assert!(
            e.message.ends_with(keychain::locked_hint_app()),
            "{}",
            e.message
        );
        assert!(!e.message.contains("command"), "{}", e.message);
    }

    #[test]
    fn errors_and_problems_come_in_the_uis_language() {
        let dir = tempfile::tempdir().unwrap();
        let d = Desktop::open(dir.path());
        d.set_language("de");
        let lang = d.language();
        assert_eq!(lang, Lang::De);
        // A step out of reach: German for the UI, English for the logs, the id for later.
        let e = d.go_to(Step::Summary).unwrap_err().localized(lang);
        assert_eq!(e.code, "unreachable");
        assert_eq!(
            e.text.as_deref(),
            Some("Schließen Sie zuerst den aktuellen Schritt ab.")
        );
        assert_eq!(e.message, "Finish the current step first.");
        assert_eq!(e.to_string(), "Finish the current step first.");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["msg"]["id"], "app-error-unreachable");
        d.start_new();
        let e = d.next().unwrap_err();
        assert!(e
            .text(lang)
            .starts_with("Bestätigen Sie zuerst die Azure-App"));
        // The keychain, in the app's German words.
        let e = DesktopError::from(KeychainError::Locked {
            detail: "prompt dismissed".into(),
            hint: keychain::locked_hint(),
        })
        .localized(lang);
        let text = e.text.unwrap_or_default();
        assert!(
            text.starts_with("Der Schlüsselbund des Betriebssystems ist gesperrt"),
            "{text}"
        );
        let e = DesktopError::from(KeychainError::Missing {
            profile: "contoso".into(),
        });
        assert!(e.text(lang).contains("im Schritt Azure-App erneut ein"));
        // A refused form: the cloud only the core can word, in German; coded problems keep
        // their code for the UI (and a catalog message).
        let err = d
            .save_azure_app(AzureAppInput {
                name: "contoso".into(),
                cloud: "mars".into(),
                tenant: "contoso.onmicrosoft.com".into(),
                client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
                secret: None,
                i_know: false,
            })
            .unwrap_err()
            .localized(lang);
        assert_eq!(err.code, "invalid");
        let cloud = err.problems.iter().find(|p| p.field == "cloud").unwrap();
        assert_eq!(
            cloud.text.as_deref(),
            Some("unbekannte Cloud „mars“: Verwenden Sie global, usgov oder china")
        );
        let secret = err.problems.iter().find(|p| p.field == "secret").unwrap();
        assert_eq!(secret.code.as_deref(), Some("empty"));
        assert!(secret.text.is_none(), "the UI words known codes itself");
        assert!(secret
            .msg
            .as_ref()
            .unwrap()
            .text(lang)
            .starts_with("ist leer; kopieren Sie den Wert"));
        assert!(err
            .text
            .as_deref()
            .unwrap_or_default()
            .contains("die 2 markierten Felder"));
        // The expiry typed by hand: refused with the German date format.
        let m = parse_expiry("31.05.2027").unwrap_err();
        assert_eq!(
            m.text(lang),
            "„31.05.2027“ ist kein Datum; schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-31"
        );
        // The profiles view: a profile whose secret is gone, in German.
        let mut p = Profile {
            name: "contoso".into(),
            cloud: Cloud::Global,
            tenant: "contoso.onmicrosoft.com".into(),
            tenant_id: None,
            client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            mailboxes: vec![],
            login_url: None,
            graph_url: None,
            secret_ref: "r".into(),
            secret_hint: None,
            secret_expiry: None,
            last_check: None,
            last_live_test: None,
            genesys: None,
        };
        let check = Check::msg(
            "secret",
            Status::Fail,
            "app-check-secret-missing",
            args([("profile", "contoso")]),
        );
        p.record_check(&Report::of(vec![check]), Utc::now());
        let r = row(&p, Utc::now(), 30, None, Lang::De);
        assert_eq!(
            r.first_failure.as_deref(),
            Some("Der geheime Clientschlüssel dieses Profils ist nicht im Schlüsselbund des Betriebssystems.")
        );
        let r = row(&p, Utc::now(), 30, None, Lang::En);
        assert!(r.first_failure.unwrap().starts_with("The client secret"));
    }

    #[test]
    fn problem_codes() {
        let code = |field: &str, value: &str| {
            validate_field(field, value, None, false)
                .problems
                .first()
                .and_then(|p| p.code.clone())
        };
        assert_eq!(
            code("secret", "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f").as_deref(),
            Some("secret_id")
        );
        assert_eq!(code("secret", "").as_deref(), Some("empty"));
        assert_eq!(
            code("secret", "a b c").as_deref(),
            Some("secret_inner_whitespace")
        );
        assert_eq!(
            code("secret", " dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0\n").as_deref(),
            Some("trimmed")
        );
        let short = validate_field("secret", "short", None, false);
        assert!(short.ok);
        assert_eq!(short.problems[0].code.as_deref(), Some("secret_length"));
        assert_eq!(short.problems[0].n, Some(5));
        assert_eq!(
            code("tenant", "admin@contoso.com").as_deref(),
            Some("tenant_email")
        );
        assert_eq!(
            code("tenant", "https://x.y/z").as_deref(),
            Some("tenant_url")
        );
        assert_eq!(code("tenant", "contoso").as_deref(), Some("tenant_invalid"));
        assert_eq!(
            code("tenant", "{5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903}").as_deref(),
            Some("braces")
        );
        assert_eq!(
            code("client_id", "my-app").as_deref(),
            Some("client_id_invalid")
        );
        let g = "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903";
        let same = validate_field("client_id", g, Some(g), false);
        assert_eq!(
            same.problems[0].code.as_deref(),
            Some("client_id_same_as_tenant")
        );
        assert_eq!(code("mailbox", "nope").as_deref(), Some("mailbox_invalid"));
        assert_eq!(code("name", "a/b").as_deref(), Some("name_invalid"));
        let ok = validate_field("tenant", " Contoso.onmicrosoft.com ", None, false);
        assert_eq!(ok.normalized.as_deref(), Some("contoso.onmicrosoft.com"));
    }

    #[test]
    fn secret_is_never_echoed() {
        let value = "abc8Q~canary-value-1234567890-abcdefghij";
        let r = validate_field("secret", &format!(" {value} "), None, false);
        assert!(r.normalized.is_none());
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("canary"), "{json}");
        let t: SecretText = serde_json::from_str(&format!("\"{value}\"")).unwrap();
        assert!(!format!("{t:?}").contains("canary"));
    }

    #[test]
    fn external_urls() {
        assert!(external_url_allowed(
            "https://portal.azure.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/RegisteredApps"
        ));
        assert!(external_url_allowed(
            "https://login.microsoftonline.us/x/adminconsent?client_id=1"
        ));
        assert!(external_url_allowed("http://127.0.0.1:5000/t/adminconsent"));
        assert!(!external_url_allowed("http://portal.azure.com/"));
        assert!(!external_url_allowed(
            "https://portal.azure.com.evil.example/"
        ));
        assert!(!external_url_allowed("https://user:pw@portal.azure.com/"));
        assert!(!external_url_allowed("file:///etc/passwd"));
        assert!(!external_url_allowed("javascript:alert(1)"));
        assert!(external_url_allowed(
            "https://apps.mypurecloud.de/directory/#/admin/integrations/oauth"
        ));
        assert!(!external_url_allowed("https://apps.mypurecloud.fr/"));
        assert!(!external_url_allowed("http://apps.mypurecloud.de/"));
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Demo tenant"), "Demo-tenant");
        assert_eq!(file_stem("../x"), "x");
        assert_eq!(file_stem("  "), "graphwiz");
    }

    #[test]
    fn expiry_dates() {
        let d = parse_expiry("2027-05-31").unwrap();
        assert_eq!(
            d.format("%Y-%m-%dT%H:%M:%S").to_string(),
            "2027-05-31T23:59:59"
        );
        assert!(parse_expiry("31.05.2027")
            .unwrap_err()
            .to_string()
            .contains("YYYY-MM-DD"));
    }

    #[test]
    fn state_survives_and_never_holds_the_secret() {
        let dir = tempfile::tempdir().unwrap();
        let d = Desktop::open(dir.path());
        assert_eq!(d.view().step, Step::Start);
        let v = d.start_new();
        assert_eq!(v.step, Step::AzureApp);
        // A refused secret: nothing is saved, the form keeps the other values.
        let err = d
            .save_azure_app(AzureAppInput {
                name: "contoso".into(),
                cloud: "global".into(),
                tenant: " Contoso.onmicrosoft.com".into(),
                client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
                secret: Some(SecretText::new("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")),
                i_know: false,
            })
            .unwrap_err();
        assert_eq!(err.code, "invalid");
        assert!(err.message.contains("Secret ID"), "{}", err.message);
        assert!(!err.message.contains("7c1e2d3f"));
        let text = std::fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
        assert!(text.contains("contoso.onmicrosoft.com"));
        assert!(!text.contains("7c1e2d3f"));
        // Reopened: same step and form.
        let again = Desktop::open(dir.path());
        let v = again.view();
        assert_eq!(v.step, Step::AzureApp);
        assert_eq!(v.form.tenant, "contoso.onmicrosoft.com");
        assert!(again.next().is_err(), "no target yet");
        assert!(again.go_to(Step::Summary).is_err());
    }

    #[test]
    fn reminder_settings_language_and_expiry_step() {
        let dir = tempfile::tempdir().unwrap();
        let d = Desktop::open(dir.path());
        assert_eq!(d.language(), crate::reminders::Lang::En);
        assert!(
            d.reminder_settings().desktop,
            "desktop reminders are on by default"
        );
        d.set_language("de-DE");
        let v = d
            .set_reminders(14, &[7, 30, 99, 7, 0], Some(false))
            .unwrap();
        assert_eq!(v.expiry.reminders.days, vec![30, 7, 0]);
        assert!(!v.expiry.reminders.desktop);
        // Kept over a restart and a new setup; `None` keeps the switch.
        d.start_new();
        let again = Desktop::open(dir.path());
        assert_eq!(again.language(), crate::reminders::Lang::De);
        assert!(!again.reminder_settings().desktop);
        again.set_reminders(14, &[7], None).unwrap();
        assert!(!again.reminder_settings().desktop);
        // An older state file without the switch: on.
        let old: Reminders = serde_json::from_str(r#"{"warn_days":30,"days":[7]}"#).unwrap();
        assert!(old.desktop);
        // A reminder opens its profile on the Secret expiry step (no keychain needed).
        let store = ProfileStore::at(dir.path());
        store
            .update(|f| {
                f.upsert(Profile {
                    name: "contoso".into(),
                    cloud: Cloud::Global,
                    tenant: "contoso.onmicrosoft.com".into(),
                    tenant_id: None,
                    client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
                    mailboxes: vec![],
                    login_url: None,
                    graph_url: None,
                    secret_ref: "r".into(),
                    secret_hint: Some("abc".into()),
                    secret_expiry: Some(Utc::now() + chrono::Duration::days(5)),
                    last_check: None,
                    last_live_test: None,
                    genesys: None,
                });
                Ok(())
            })
            .unwrap();
        assert_eq!(again.saved_profiles().unwrap().len(), 1);
        let v = again.open_profile_expiry("contoso").unwrap();
        assert_eq!(v.step, Step::SecretExpiry);
        assert!(v.expiry.days_left.is_some_and(|n| (4..=5).contains(&n)));
        assert!(!v.form.secret_missing);
    }

    #[test]
    fn demo_must_be_loopback_and_keeps_its_secret_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let d = Desktop::open(dir.path());
        let demo = |url: &str, secret: &str| DemoTenant {
            scenario: "healthy".into(),
            base_url: url.into(),
            tenant_id: "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903".into(),
            client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            secret: ClientSecret::new(secret.into()),
            mailboxes: vec![DemoMailbox {
                address: "support@contoso-demo.onmicrosoft.com".into(),
                kind: "healthy".into(),
            }],
            genesys: None,
        };
        assert!(d
            .start_demo(demo("https://login.example.com", "x"))
            .is_err());
        let v = d
            .start_demo(demo(
                "http://127.0.0.1:9",
                "dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0",
            ))
            .unwrap();
        assert_eq!(v.step, Step::AzureApp);
        assert!(v.form.locked && v.form.secret_stored);
        assert_eq!(v.mailboxes.len(), 1);
        let v = d
            .save_azure_app(AzureAppInput {
                name: "ignored".into(),
                cloud: "global".into(),
                tenant: v.form.tenant.clone(),
                client_id: v.form.client_id.clone(),
                secret: None,
                i_know: false,
            })
            .unwrap();
        assert_eq!(v.step, Step::Permissions);
        assert_eq!(v.form.name, DEMO_PROFILE_NAME);
        let text = std::fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
        assert!(!text.contains("Kd3vT2pXw9"), "secret in the state file");
        assert!(!dir.path().join(profiles::FILE_NAME).exists());
        // The Secret ID handed out by a failure scenario is refused with the portal's words.
        let v = d
            .start_demo(demo(
                "http://127.0.0.1:9",
                "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
            ))
            .unwrap();
        assert_eq!(v.form.secret_problems[0].code.as_deref(), Some("secret_id"));
        // After a restart the demo waits for its emulator.
        let again = Desktop::open(dir.path());
        assert_eq!(again.demo_to_resume().as_deref(), Some("healthy"));
    }

    /// A saved (non-demo) profile end to end against the emulator: secret to the keychain,
    /// checks, live test, export, re-check from the profiles view, rename, removal. Needs a
    /// Secret Service (scripts/test-all.sh starts one); skipped with a note when there is none.
    #[tokio::test(flavor = "multi_thread")]
    async fn saved_profile_from_setup_to_removal() {
        use graphwiz_emulator::{Emulator, Options};
        let emu = Emulator::start(Options::default()).await.unwrap();
        let creds = emu.demo();
        let dir = tempfile::tempdir().unwrap();
        let d = Desktop::open(dir.path());
        d.start_new();
        {
            let mut s = d.lock();
            s.state.draft.login_url = Some(emu.base_url());
            s.state.draft.graph_url = Some(emu.base_url());
        }
        let name = format!("unit {}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
        let input = |name: &str, secret: Option<&str>| AzureAppInput {
            name: name.into(),
            cloud: "global".into(),
            tenant: creds.tenant_id.clone(),
            client_id: creds.client_id.clone(),
            secret: secret.map(SecretText::new),
            i_know: false,
        };
        let v = match d.save_azure_app(input(&name, Some(&format!(" {}\n", creds.client_secret)))) {
            Ok(v) => v,
            Err(e) if e.code == "keychain" => {
                eprintln!("skipped: no OS keychain here ({})", e.message);
                return;
            }
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(v.step, Step::Permissions);
        assert_eq!(v.form.profile.as_deref(), Some(name.as_str()));
        let text = std::fs::read_to_string(dir.path().join(profiles::FILE_NAME)).unwrap();
        assert!(
            !text.contains(&creds.client_secret),
            "secret in profiles.json"
        );
        let domain = creds.tenant_domain.clone();
        d.add_mailbox(&format!("support@{domain}")).unwrap();
        let v = d.run_checks().await.unwrap();
        assert_eq!(v.counts.fail, 0, "{:?}", v.permissions);
        assert!(v.mailboxes[0]
            .check
            .as_ref()
            .is_some_and(|c| c.status == Status::Pass));
        let seen = std::sync::Mutex::new(Vec::new());
        let progress = |p: ProgressView| seen.lock().unwrap().push(p.phase);
        let v = d
            .run_live_test(&format!("support@{domain}"), None, &progress)
            .await
            .unwrap();
        let live = v.live.unwrap();
        assert!(live.ok && live.latency_ms.is_some(), "{:?}", live.checks);
        assert!(seen.lock().unwrap().contains(&"sending"));
        let out = dir.path().join("x.graphwiz.json");
        let cfg = d.export_config(&out, false).unwrap();
        assert!(cfg.validated);
        assert!(!std::fs::read_to_string(&out)
            .unwrap()
            .contains(&creds.client_secret));
        let rows = d.recheck_profiles(&[]).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].ok, Some(true));
        assert!(rows[0].current && rows[0].days_left.is_some());
        // Edited without a new secret: the stored one is kept; renamed: copied to the new name.
        d.go_to(Step::AzureApp).unwrap();
        d.save_azure_app(input(&name, None)).unwrap();
        let renamed = format!("{name} b");
        d.go_to(Step::AzureApp).unwrap();
        d.save_azure_app(input(&renamed, None)).unwrap();
        assert_eq!(d.run_checks().await.unwrap().counts.fail, 0);
        for n in [&name, &renamed] {
            d.remove_profile(n).unwrap();
        }
        assert!(d.profiles().unwrap().is_empty());
    }
}
