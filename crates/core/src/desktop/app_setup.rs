//! "I don't have an app registration yet — create it for me" on the Azure app step, and "Fix it"
//! on the permissions step: the wizard's faces of [`crate::setup`].
//!
//! Creating: the admin names the profile, the tenant and a mailbox; after the administrator's
//! sign-in (system browser; the demo answers in-process) with [`SETUP_SCOPES`],
//! [`crate::setup::run`] creates, consents, adds the secret (straight into the OS keychain; the
//! demo: memory), waits out Entra ID's replication, saves the profile and checks it, with
//! progress. The wizard then continues on the permissions step with that check. An interrupted
//! setup is offered for Resume and Roll back on the step.
//!
//! The demo creates an app for real in its emulated tenant: its profile copy and journal live in
//! the demo's own folder (`<data dir>/demo/`), its secret in memory, and on success the demo
//! profile becomes the new app.
//!
//! Repairing: [`Desktop::fix_plan`] signs the administrator in with [`FIX_SCOPES`], reads what is
//! off and keeps the plan and the token in memory (never in a view); the UI shows the plan and
//! [`Desktop::fix_apply`] changes exactly that after the admin's yes, then checks again.

use super::*;
use crate::http::HttpClient;
use crate::i18n::{self, args, Args, Lang, Msg};
use crate::microsoft::admin::{self, AdminToken, SignInOptions};
use crate::microsoft::cloud::{Cloud, Endpoints};
use crate::report::Check;
use crate::rotate::{Action, MemoryVault};
use crate::setup::fix::{self, FixPlan, FIX_SCOPES};
use crate::setup::graph::SETUP_SCOPES;
use crate::setup::journal::Journal;
use crate::setup::{SetupInput, SetupStep};
use crate::store::keychain;
use crate::store::profiles::{self, ProfileStore};
use crate::validate;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How long Entra ID may take to make a new app and its secret usable (the wizard's setup).
pub const SETUP_REPLICATION_WAIT: Duration = Duration::from_secs(300);
/// How long a repair waits for Entra ID to show it in the app's token.
pub const FIX_SETTLE_WAIT: Duration = Duration::from_secs(120);

/// What "create it for me" sends.
#[derive(Debug, Deserialize)]
pub struct CreateAppInput {
    /// The new profile's name (the demo keeps its own).
    pub name: String,
    /// Cloud id: `global`, `usgov`, `china`.
    pub cloud: String,
    /// Tenant (GUID or domain).
    pub tenant: String,
    /// A mailbox the integration serves.
    pub mailbox: String,
    /// The app registration's display name (empty: [`crate::setup::DEFAULT_APP_NAME`]).
    #[serde(default)]
    pub app_name: String,
    /// The client secret's lifetime in months.
    pub months: u32,
}

/// A setup's last outcome, as the Azure app step shows it.
#[derive(Clone, Debug, Serialize)]
pub struct SetupRecord {
    /// The profile.
    pub profile: String,
    /// When it ended.
    pub at: DateTime<Utc>,
    /// True when it finished (or a roll-back removed everything).
    pub ok: bool,
    /// The journal's stage now (`None`: nothing open).
    pub stage: Option<&'static str>,
    /// What exists now and the next action, worded for the app.
    pub check: Check,
}

/// An interrupted setup of the profile named on the Azure app step.
#[derive(Clone, Debug, Serialize)]
pub struct OpenSetupView {
    /// The profile.
    pub profile: String,
    /// The journal's stage (`planned`, `app_created`, …).
    pub stage: &'static str,
    /// The app registration's display name.
    pub app_name: String,
    /// When it began.
    pub started_at: DateTime<Utc>,
}

/// The "create it for me" part of the Azure app step.
#[derive(Clone, Debug, Serialize)]
pub struct AppSetupView {
    /// True when the step offers it (a new integration or the demo, not a saved profile).
    pub available: bool,
    /// The app registration's name offered first.
    pub default_app_name: &'static str,
    /// The secret's lifetime offered first, in months.
    pub default_months: u32,
    /// The longest lifetime, in months.
    pub max_months: u32,
    /// The mailbox offered first (the integration's first one).
    pub mailbox: Option<String>,
    /// The open setup of the profile named on the step: "Resume" and "Roll back".
    pub open: Option<OpenSetupView>,
    /// The last outcome, in the UI's language.
    pub last: Option<SetupRecord>,
}

/// One step of a running setup, for the progress display.
#[derive(Clone, Debug, Serialize)]
pub struct SetupProgressView {
    /// `signing_in`, `policy`, `permissions`, `app`, `principal`, `consent`, `secret`,
    /// `replication`, `saving`, `checking`, `rollback`.
    pub phase: &'static str,
    /// The step's text in the UI's language (`None` for `signing_in`, which the UI words).
    pub text: Option<String>,
    /// For `replication`: seconds waited so far.
    pub waited_secs: Option<u64>,
}

impl SetupProgressView {
    /// The view of a setup step, worded in `lang`.
    pub fn of(step: SetupStep, lang: Lang) -> Self {
        let none = Args::new();
        let (phase, id, a, waited) = match step {
            SetupStep::ReadingPolicy => ("policy", "setup-progress-policy", none, None),
            SetupStep::FindingPermissions => {
                ("permissions", "setup-progress-permissions", none, None)
            }
            SetupStep::CreatingApp => ("app", "setup-progress-app", none, None),
            SetupStep::CreatingPrincipal => ("principal", "setup-progress-principal", none, None),
            SetupStep::Consenting => ("consent", "setup-progress-consent", none, None),
            SetupStep::AddingSecret => ("secret", "setup-progress-secret", none, None),
            SetupStep::Replicating { waited_secs } => (
                "replication",
                "setup-progress-replication",
                args([("secs", waited_secs.to_string())]),
                Some(waited_secs),
            ),
            SetupStep::Saving => ("saving", "setup-progress-saving", none, None),
            SetupStep::Checking => ("checking", "setup-progress-checking", none, None),
            SetupStep::RollingBack => ("rollback", "setup-progress-rollback", none, None),
        };
        SetupProgressView {
            phase,
            text: Some(i18n::text(lang, id, &a)),
            waited_secs: waited,
        }
    }
}

/// What "Fix it" will change, for the admin's confirmation.
#[derive(Clone, Debug, Serialize)]
pub struct FixPlanView {
    /// The profile.
    pub profile: String,
    /// Each change in the admin's words (the portal's labels), in order.
    pub repairs: Vec<String>,
    /// The secret expires soon or has expired: rotation's, on the Secret expiry step.
    pub rotate: Option<String>,
    /// Nothing to repair (then there is nothing to apply).
    pub nothing: bool,
}

/// A plan read with the administrator's token, waiting for the admin's yes (memory only).
pub(super) struct PendingFix {
    profile: String,
    generation: u64,
    plan: FixPlan,
    token: AdminToken,
    endpoints: Endpoints,
}

impl Session {
    /// Where the setup of the wizard's integration keeps its profile and journal: the demo's own
    /// folder in demo mode, else the data folder.
    fn setup_store(&self) -> ProfileStore {
        if self.is_demo() {
            ProfileStore::at(self.store.dir().join("demo"))
        } else {
            self.store.clone()
        }
    }

    /// The name the setup creates: the demo's own, else the name on the Azure app step.
    fn setup_name(&self) -> String {
        if self.is_demo() {
            DEMO_PROFILE_NAME.to_string()
        } else {
            self.state.draft.name.trim().to_string()
        }
    }

    pub(super) fn app_setup_view(&self, lang: Lang) -> AppSetupView {
        let saved = !self.is_demo() && self.state.draft.profile.is_some();
        let name = self.setup_name();
        let open = (!name.is_empty())
            .then(|| Journal::in_data_dir(self.setup_store().dir()).load(&name))
            .flatten()
            .map(|n| OpenSetupView {
                profile: n.profile.clone(),
                stage: crate::setup::stage_name(n.stage),
                app_name: n.app_name.clone(),
                started_at: n.started_at,
            });
        AppSetupView {
            available: !saved || open.is_some(),
            default_app_name: crate::setup::DEFAULT_APP_NAME,
            default_months: crate::setup::DEFAULT_MONTHS,
            max_months: crate::setup::MAX_MONTHS,
            mailbox: self.state.draft.mailboxes.first().cloned(),
            open,
            last: self.app_setup.as_ref().map(|r| SetupRecord {
                check: super::wording::for_app(&r.check, lang),
                ..r.clone()
            }),
        }
    }

    /// A new demo emulator knows nothing of an earlier demo setup: forget it.
    pub(super) fn forget_demo_setup(&mut self) {
        let dir = self.store.dir().join("demo").join("setups");
        let _ = std::fs::remove_dir_all(dir);
        self.setup_vault = None;
    }
}

impl Desktop {
    /// Creates the app registration Genesys Cloud needs (`start`), or resumes (`resume`) or rolls
    /// back (`roll_back`) an interrupted creation, after the administrator's sign-in, reporting
    /// each step. On success the wizard holds the new profile and continues on the permissions
    /// step with its check; otherwise the Azure app step shows what exists now and the next
    /// action.
    pub async fn create_app(
        &self,
        input: CreateAppInput,
        action: &str,
        browser: Opener<'_>,
        progress: &(dyn Fn(SetupProgressView) + Send + Sync),
    ) -> Result<View, DesktopError> {
        let action = super::rotate::parse_action(action)?;
        let (setup, demo, lang, generation) = {
            let mut s = self.lock();
            let demo = s.is_demo();
            let lang = s.lang();
            let setup = s.setup_input(&input, action)?;
            s.persist();
            (setup, demo, lang, s.generation)
        };
        // The new secret goes straight to the keychain: without one, stop before signing in.
        if action == Action::Start && setup.vault.is_none() {
            keychain::probe(&setup.profile)?;
        }
        progress(SetupProgressView {
            phase: "signing_in",
            text: None,
            waited_secs: None,
        });
        let opener = |url: &str| open_for_admin(url, demo, browser, lang);
        let options = SignInOptions {
            scopes: SETUP_SCOPES.iter().map(|s| s.to_string()).collect(),
            ..SignInOptions::default()
        };
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let work = admin::sign_in_browser(&http, &setup.endpoints, &setup.tenant, &options, opener);
        let token = match self.cancellable(work).await {
            None => return Err(cancelled()),
            Some(r) => r?,
        };
        let on_step = |step: SetupStep| progress(SetupProgressView::of(step, lang));
        // Cancel stops at once; the journal, written before every change, offers Resume and
        // Roll back for what was done.
        let out = match self
            .cancellable(crate::setup::run(&setup, action, &token, &on_step))
            .await
        {
            Some(out) => out,
            None => return Err(cancelled()),
        };
        let mut s = self.lock();
        if s.generation != generation || s.is_demo() != demo {
            // The admin moved on to another integration meanwhile: the outcome is kept for the
            // step, the wizard is not switched over.
            s.app_setup = Some(SetupRecord {
                profile: setup.profile.clone(),
                at: Utc::now(),
                ok: out.ok,
                stage: out.stage.map(crate::setup::stage_name),
                check: out.check,
            });
            return Ok(s.view());
        }
        let created = out.ok && action != Action::RollBack;
        if created {
            let saved = setup
                .store
                .load()
                .ok()
                .and_then(|f| f.get(&setup.profile).cloned());
            if let Some(p) = saved {
                s.adopt_created(p, setup.vault.as_ref())?;
            }
        }
        if out.ok && out.stage.is_none() {
            s.setup_vault = None;
        }
        s.app_setup = Some(SetupRecord {
            profile: setup.profile.clone(),
            at: Utc::now(),
            ok: out.ok,
            stage: out.stage.map(crate::setup::stage_name),
            check: out.check,
        });
        s.persist();
        Ok(s.view())
    }

    /// Signs the administrator in with the repair's permissions and reads what "Fix it" would
    /// change in the app registration of the wizard's integration. The plan (and the token) wait
    /// in memory for [`Desktop::fix_apply`].
    pub async fn fix_plan(&self, browser: Opener<'_>) -> Result<FixPlanView, DesktopError> {
        let (p, demo, lang, generation) = {
            let mut s = self.lock();
            s.pending_fix = None;
            let p = s.target()?;
            (p, s.is_demo(), s.lang(), s.generation)
        };
        let endpoints = p
            .endpoints()
            .map_err(|e| DesktopError::detail("invalid", "app-error-endpoints", e))?;
        let tenant = p.tenant_id.clone().unwrap_or_else(|| p.tenant.clone());
        let opener = |url: &str| open_for_admin(url, demo, browser, lang);
        let options = SignInOptions {
            scopes: FIX_SCOPES.iter().map(|s| s.to_string()).collect(),
            ..SignInOptions::default()
        };
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let work = admin::sign_in_browser(&http, &endpoints, &tenant, &options, opener);
        let token = match self.cancellable(work).await {
            None => return Err(cancelled()),
            Some(r) => r?,
        };
        let plan = fix::plan(&http, &endpoints, &token, &p.client_id)
            .await
            .map_err(|f| {
                DesktopError::new(
                    "fix",
                    "fix-read-failed-app",
                    args([("detail", f.to_string())]),
                )
            })?;
        let view = FixPlanView {
            profile: p.name.clone(),
            repairs: plan.repairs.iter().map(|r| r.msg().text(lang)).collect(),
            rotate: fix::secret_needs_rotation(&p)
                .then(|| i18n::text(lang, "fix-repair-rotate-app", &Args::new())),
            nothing: plan.repairs.is_empty(),
        };
        let mut s = self.lock();
        if s.generation == generation && !plan.repairs.is_empty() {
            s.pending_fix = Some(PendingFix {
                profile: p.name,
                generation,
                plan,
                token,
                endpoints,
            });
        }
        Ok(view)
    }

    /// Applies the plan the admin confirmed, then checks again until the app's token shows the
    /// change (at most [`FIX_SETTLE_WAIT`]); `step` names each change as it starts.
    pub async fn fix_apply(
        &self,
        step: &(dyn Fn(String) + Send + Sync),
    ) -> Result<View, DesktopError> {
        let (pending, input, lang) = {
            let mut s = self.lock();
            let Some(pending) = s.pending_fix.take() else {
                return Err(DesktopError::plain("fix", "app-error-fix-no-plan"));
            };
            let p = s.target()?;
            if pending.generation != s.generation || !p.name.eq_ignore_ascii_case(&pending.profile)
            {
                return Err(DesktopError::plain("fix", "app-error-fix-no-plan"));
            }
            let (input, _) = s.check_input_noting()?;
            (pending, input, s.lang())
        };
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let named = |r: &fix::Repair| step(r.msg().text(lang));
        let applied = fix::apply(
            &http,
            &pending.endpoints,
            &pending.token,
            &pending.plan,
            &named,
        );
        let result = match self.cancellable(applied).await {
            None => return Err(cancelled()),
            Some(r) => r,
        };
        if let Err((r, f)) = result {
            return Err(DesktopError::msg(
                "fix",
                Msg::new(
                    "fix-failed-app",
                    args([
                        ("repair", r.msg().text(lang)),
                        ("detail", f.to_string()),
                        ("profile", pending.profile.clone()),
                    ]),
                ),
            ));
        }
        step(i18n::text(lang, "fix-checking", &Args::new()));
        let recheck = fix::recheck(&http, &pending.token, &input, FIX_SETTLE_WAIT);
        let report = match self.cancellable(recheck).await {
            None => return Err(cancelled()),
            Some(r) => r,
        };
        let mut s = self.lock();
        s.record(pending.generation, &report)?;
        Ok(s.view())
    }

    /// Forgets a plan the admin did not confirm (and its token).
    pub fn fix_discard(&self) {
        self.lock().pending_fix = None;
    }
}

impl Session {
    /// What the setup needs, from the step's fields (validated here; nothing is sent on a
    /// problem) or, for `resume` and `roll_back`, from the open setup.
    fn setup_input(
        &mut self,
        input: &CreateAppInput,
        action: Action,
    ) -> Result<SetupInput, DesktopError> {
        let demo = self.is_demo();
        let mut problems: Vec<FieldProblem> = Vec::new();
        let name = if demo {
            Some(DEMO_PROFILE_NAME.to_string())
        } else {
            match profiles::validate_name(&input.name) {
                Ok(n) => Some(n),
                Err(e) => {
                    problems.extend(DesktopError::from(e).problems);
                    None
                }
            }
        };
        let cloud: Cloud = if demo {
            self.state.draft.cloud
        } else {
            input.cloud.parse().map_err(|_: String| {
                DesktopError::new(
                    "invalid",
                    "app-problem-cloud",
                    args([("cloud", input.cloud.trim())]),
                )
            })?
        };
        let tenant = match validate::tenant(&input.tenant) {
            Ok((t, _)) => Some(t),
            Err(p) => {
                problems.push(field_problem("tenant", &p));
                None
            }
        };
        let mailbox = match validate::mailbox(&input.mailbox) {
            Ok(m) => Some(m),
            Err(_) if action != Action::Start => None,
            Err(p) => {
                let mut fp = field_problem("mailbox", &p);
                fp.field = "setup_mailbox".to_string();
                problems.push(fp);
                None
            }
        };
        let app_name = match input.app_name.trim() {
            "" => crate::setup::DEFAULT_APP_NAME.to_string(),
            n if n.chars().count() > 120 => {
                // Worded by the core (no code the UI words itself).
                problems.push(FieldProblem {
                    code: None,
                    ..FieldProblem::new(
                        "setup_app_name",
                        "App name",
                        "",
                        None,
                        Msg::new("app-problem-app-name-long", args([("max", "120")])),
                    )
                });
                String::new()
            }
            n => n.to_string(),
        };
        if !(1..=crate::setup::MAX_MONTHS).contains(&input.months) {
            problems.push(FieldProblem {
                code: None,
                ..FieldProblem::new(
                    "setup_months",
                    "Months",
                    "",
                    None,
                    Msg::new(
                        "app-problem-months",
                        args([("max", crate::setup::MAX_MONTHS.to_string())]),
                    ),
                )
            });
        }
        // Keep what was typed, so the form survives errors and restarts.
        if !demo {
            self.state.draft.name = input.name.trim().to_string();
            self.state.draft.cloud = cloud;
            self.state.draft.tenant = tenant
                .clone()
                .unwrap_or_else(|| input.tenant.trim().to_string());
        }
        if let Some(m) = &mailbox {
            if !self
                .state
                .draft
                .mailboxes
                .iter()
                .any(|x| x.eq_ignore_ascii_case(m))
            {
                self.state.draft.mailboxes.insert(0, m.clone());
            }
        }
        if problems
            .iter()
            .any(|p| p.severity == validate::Severity::Error)
        {
            return Err(DesktopError::invalid(problems));
        }
        let (Some(name), Some(tenant)) = (name, tenant) else {
            return Err(DesktopError::invalid(problems));
        };
        let endpoints = Endpoints::new(
            cloud,
            self.state.draft.login_url.as_deref(),
            self.state.draft.graph_url.as_deref(),
        )
        .map_err(endpoint_error)?;
        let store = self.setup_store();
        let vault = if demo {
            if action == Action::Start {
                // A new demo setup replaces the demo's profile copy of an earlier run.
                let _ = store.update(|f| {
                    f.remove(DEMO_PROFILE_NAME);
                    Ok(())
                });
                self.setup_vault = Some(MemoryVault::default());
            }
            Some(
                self.setup_vault
                    .get_or_insert_with(MemoryVault::default)
                    .clone(),
            )
        } else {
            None
        };
        let mut mailboxes = self.state.draft.mailboxes.clone();
        mailboxes.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        Ok(SetupInput {
            store,
            profile: name,
            tenant,
            login_overridden: self.state.draft.login_url.is_some(),
            graph_overridden: self.state.draft.graph_url.is_some(),
            endpoints,
            mailboxes,
            app_name,
            months: input.months.clamp(1, crate::setup::MAX_MONTHS),
            timeout: REQUEST_TIMEOUT,
            replication_wait: SETUP_REPLICATION_WAIT,
            vault,
        })
    }

    /// The wizard takes over the profile the setup created and checked: a saved one, or (demo)
    /// the demo profile becomes the new app with its secret from `vault`.
    fn adopt_created(
        &mut self,
        p: profiles::Profile,
        vault: Option<&MemoryVault>,
    ) -> Result<(), DesktopError> {
        if self.is_demo() {
            let secret = vault.and_then(|v| v.get(&p.secret_ref));
            let Some(secret) = secret else {
                return Err(DesktopError::plain(
                    "demo_stopped",
                    "app-error-demo-stopped",
                ));
            };
            if let Some(d) = self.state.demo.as_mut() {
                d.profile.client_id = p.client_id.clone();
                d.profile.tenant_id = p.tenant_id.clone();
                d.profile.secret_hint = p.secret_hint.clone();
                d.profile.secret_expiry = p.secret_expiry;
                d.profile.last_check = p.last_check.clone();
                d.profile.last_live_test = None;
                d.profile.mailboxes = p.mailboxes.clone();
                d.confirmed = true;
            }
            self.demo_secret = Some(secret);
            self.state.draft.client_id = p.client_id;
            self.state.draft.mailboxes = p.mailboxes;
        } else {
            self.state.draft = Draft::of_profile(&p);
            self.secret_missing = None;
        }
        self.state.live = None;
        self.generation += 1;
        self.state.step = Step::Permissions;
        self.state.furthest = self.state.furthest.max(Step::Permissions);
        Ok(())
    }
}

#[cfg(test)]
#[path = "app_setup_tests.rs"]
mod tests;
