//! The desktop wizard's logic: its steps and their state, the working copy of the integration
//! being set up (a saved profile, or the in-memory demo profile), and everything a screen shows,
//! computed here so that the Tauri shell stays a set of thin commands and the web view only
//! renders a [`View`].
//!
//! This file holds the [`Desktop`] type's core (opening, the lock, moving between steps); the
//! rest lives by concern: `state.rs` (what `wizard.json` keeps), `session.rs` (the integration in
//! the wizard and its [`View`]), `views.rs`, `problems.rs` (errors and the field-error adapter),
//! `opener.rs` (the URL allow-list and the demo's browser), `azure_app.rs`, `demo.rs`,
//! `mailboxes.rs`, `checking.rs` (checks, consent, admin sign-in, live test), `settings.rs`,
//! `saved.rs` (the profiles view), `export.rs`, and the steps of `genesys.rs`, `pickup.rs`,
//! `rotate.rs`, `app_setup.rs` (creating the app registration, "Fix it"), `troubleshoot.rs`, `import.rs`. Test-only hooks are in [`crate::test_hooks`].
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

mod app_setup;
mod azure_app;
mod checking;
mod demo;
mod export;
mod genesys;
#[cfg(test)]
mod german_audit;
mod import;
mod mailboxes;
#[cfg(test)]
mod model_tests;
mod opener;
mod pickup;
mod problems;
mod rotate;
mod saved;
mod session;
mod settings;
mod state;
mod steps;
#[cfg(test)]
mod tests;
mod troubleshoot;
mod views;
mod wording;

pub use app_setup::{
    AppSetupView, CreateAppInput, FixPlanView, OpenSetupView, SetupProgressView, SetupRecord,
    FIX_SETTLE_WAIT, SETUP_REPLICATION_WAIT,
};
pub use azure_app::{AzureAppInput, SecretText};
pub use demo::{DemoMailbox, DemoTenant};
pub use export::{file_stem, read_config};
pub use genesys::{
    DemoGenesys, GenesysDraft, GenesysForm, GenesysProgressView, GenesysView, RegionView,
    RestartRecord, GENESYS_RESTART_TIMEOUT, GENESYS_RESTART_TYPICAL,
};
pub use import::{ImportOutcome, ImportPreview};
pub use opener::{external_url_allowed, Opener, EXTERNAL_HOSTS};
pub use pickup::{PickupProgressView, PICKUP_CHECKS};
pub use problems::{
    field_problem, parse_expiry, validate_field, DesktopError, FieldProblem, FieldReport,
};
pub use rotate::{OpenRotationView, RotateProgressView, RotationRecord, RotationView, PASTE_WAIT};
pub use saved::RecheckProgressView;
pub use state::{DemoState, Draft, LiveResult, Origin, Reminders, Step};
pub use steps::{PhaseView, ProblemView, StepStatus, StepView, LIVE_PHASES, PICKUP_PHASES};
pub use troubleshoot::{DiagnoseProgressView, TroubleshootView};
pub use views::{
    Actions, ClaimView, Counts, DemoView, ExpiryView, FormView, MailboxView, PortalLinks,
    ProfileRow, ProgressView, SummaryView, View,
};

use demo::demo_endpoints;
use opener::open_for_admin;
use problems::{cancelled, endpoint_error};
use session::Session;
use state::{load_state, PersistedState};
use views::row;

use crate::microsoft::expiry;
use crate::store::profiles::{self, ProfileStore};
use crate::test_hooks::e2e_loopback_url;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// File of the wizard's state in the data folder.
pub const STATE_FILE: &str = "wizard.json";
/// Format version of [`STATE_FILE`].
pub const STATE_VERSION: u32 = 1;
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

/// The wizard's state and operations, shared by the shell's commands.
pub struct Desktop {
    inner: Mutex<Session>,
    cancel: tokio::sync::Notify,
    /// Where a rotation waits for the admin's paste into Genesys Cloud.
    paste: rotate::PasteGate,
    /// Set by [`Desktop::cancel_wait`]: the running live test stops waiting for its mail (and
    /// cleans up); cleared when a live test starts.
    live_cancel: std::sync::atomic::AtomicBool,
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
                app_setup: None,
                setup_vault: None,
                pending_fix: None,
            }),
            cancel: tokio::sync::Notify::new(),
            paste: rotate::PasteGate::default(),
            live_cancel: std::sync::atomic::AtomicBool::new(false),
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

    /// True while the wizard is in the demo: the shell keeps the demo's emulators running exactly
    /// then. A new setup, the start screen, opening a saved profile (also from a reminder) and an
    /// import all leave the demo, so the shell stops them after each.
    pub fn demo_server_needed(&self) -> bool {
        self.lock().is_demo()
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
        let p = s.saved(name)?;
        s.reset(Some(Origin::Saved));
        s.state.draft = Draft::of_profile(&p);
        s.state.genesys = GenesysDraft::of(p.genesys.as_ref());
        s.state.step = Step::Permissions;
        s.state.furthest = Step::Summary;
        s.persist();
        Ok(s.view())
    }

    /// Cancels a wait: for the administrator (consent or sign-in), or the live test's wait for
    /// its mail (which then cleans up as always).
    pub fn cancel_wait(&self) {
        self.cancel.notify_waiters();
        self.paste.answer(false);
        self.live_cancel
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    async fn cancellable<T>(&self, f: impl std::future::Future<Output = T>) -> Option<T> {
        tokio::select! {
            r = f => Some(r),
            _ = self.cancel.notified() => None,
        }
    }

    /// True when the wizard runs the demo (portal links are then not opened).
    pub fn is_demo(&self) -> bool {
        self.lock().is_demo()
    }
}
