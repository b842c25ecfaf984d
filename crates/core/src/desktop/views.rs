//! What the UI renders: the [`View`] and its parts, the profiles view's rows and live-test
//! progress. Built by the session at view time, in the UI's language.

use super::*;
use crate::checks::{Check, Status};
use crate::i18n::Lang;
use crate::microsoft::expiry::{self, ExpiryState};
use crate::microsoft::livetest::Progress;
use crate::store::profiles::Profile;
use chrono::{DateTime, Utc};
use serde::Serialize;

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
    pub(super) fn of<'a>(checks: impl IntoIterator<Item = &'a Check>) -> Self {
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
    /// The verdict in words ("Validated: …" or "Not validated yet." and what is left), in the
    /// UI's language; `None` before the first check.
    pub verdict: Option<String>,
    /// Each claim of the integration and how it stands, in the UI's language.
    pub claims: Vec<ClaimView>,
}

/// One claim of the integration, as the summary lists it.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimView {
    /// `azure_app`, `mailbox`, `mail_flow`, `secret_valid`, `genesys`, `secret_in_use`, `pickup`.
    pub id: String,
    /// The mailbox of a `mailbox` claim.
    pub subject: Option<String>,
    /// `proven`, `disproven` or `unknown`.
    pub state: crate::store::evidence::ClaimState,
    /// True when "validated" needs it.
    pub needed: bool,
    /// The claim in words.
    pub text: String,
}

/// Which extra actions the permissions step offers.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Actions {
    /// Admin consent would fix a failed permission check.
    pub consent: bool,
    /// User.Read could not be verified with the app's own token; an admin sign-in settles it.
    pub admin_verify: bool,
    /// "Fix it": an administrator's sign-in repairs the app registration through Microsoft Graph
    /// (adds a missing permission, replaces one of the wrong type, grants consent).
    pub fix: bool,
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
    /// A demo mailbox outside the app's access policy, offered for the scope audit (which passes
    /// on it), unless it is already one of the integration's mailboxes.
    pub probe_suggestion: Option<String>,
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
    /// "Create it for me" on the Azure app step: its defaults, an open setup, the last outcome.
    pub app_setup: AppSetupView,
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
    /// The longest the test waits for its mail, in seconds ([`super::LIVE_WAIT`]): said while
    /// it waits, next to the Cancel that ends the wait.
    pub limit_secs: u64,
}

impl From<Progress> for ProgressView {
    fn from(p: Progress) -> Self {
        match p {
            Progress::Checking => ProgressView {
                phase: "checking",
                elapsed_ms: None,
                polls: None,
                limit_secs: super::LIVE_WAIT.as_secs(),
            },
            Progress::Sending => ProgressView {
                phase: "sending",
                elapsed_ms: None,
                polls: None,
                limit_secs: super::LIVE_WAIT.as_secs(),
            },
            Progress::Waiting { elapsed, polls } => ProgressView {
                phase: "waiting",
                elapsed_ms: Some(u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)),
                polls: Some(polls),
                limit_secs: super::LIVE_WAIT.as_secs(),
            },
            Progress::MarkingRead => ProgressView {
                phase: "marking_read",
                elapsed_ms: None,
                polls: None,
                limit_secs: super::LIVE_WAIT.as_secs(),
            },
            Progress::CleaningUp => ProgressView {
                phase: "cleaning_up",
                elapsed_ms: None,
                polls: None,
                limit_secs: super::LIVE_WAIT.as_secs(),
            },
        }
    }
}

pub(super) fn row(
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
                .map(|k| super::wording::for_app(k, lang).summary)
        }),
        expires: p.secret_expiry,
        days_left: p
            .secret_expiry
            .map(|e| expiry::days_left(e, now, &chrono::Local)),
        expiry_state: p.secret_expiry.map(|e| expiry::state(e, now, warn_days)),
        current: current.is_some_and(|c| c.eq_ignore_ascii_case(&p.name)),
    }
}
