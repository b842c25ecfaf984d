//! The secret rotation from the wizard's Secret expiry step (and the expiry reminder banner):
//! the administrator signs in (system browser; the demo answers in-process) with
//! `Application.ReadWrite.All` and `User.Read`, then [`crate::rotate::run`] starts, resumes or
//! rolls back the rotation with progress. Open rotations (the journal of the data folder) are
//! offered again on the step and at app start.
//!
//! Without a Genesys part the admin pastes the new secret into Genesys Cloud: the value goes to
//! the shell's clipboard handler (never to the web view), and the rotation waits in
//! [`PasteGate`] until the UI confirms or cancels ([`Desktop::confirm_paste`]), at most
//! [`PASTE_WAIT`].
//!
//! The demo rotates its in-memory secret: its profile is written (without any secret) to the
//! demo's own folder `<data dir>/demo/`, its secrets stay in a [`MemoryVault`], and the
//! demo's Genesys organization stands in for the profile's part.

use super::{Desktop, DesktopError, Opener, Session};
use super::{GENESYS_RESTART_TIMEOUT, REQUEST_TIMEOUT};
use crate::checks::Check;
use crate::http::HttpClient;
use crate::i18n::{self, args, Args, Lang};
use crate::microsoft::admin::{self, SignInOptions};
use crate::rotate::{self, journal::Journal, Action, MemoryVault, RotateInput, RotateStep};
use crate::secret::ClientSecret;
use crate::store::profiles::{Profile, ProfileStore};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long a rotation waits for the admin to paste the new secret into Genesys Cloud.
pub const PASTE_WAIT: Duration = Duration::from_secs(15 * 60);
/// How long Entra ID may take to accept the new secret.
pub const REPLICATION_WAIT: Duration = Duration::from_secs(180);

/// Puts the new secret on the system clipboard (the shell's; it also clears it again).
pub type Clipboard<'a> = &'a (dyn Fn(&ClientSecret) -> Result<(), String> + Send + Sync);

/// Where the rotation's manual paste waits for the UI: `None` while waiting, then the answer.
#[derive(Debug, Default)]
pub(super) struct PasteGate {
    answer: Mutex<Option<bool>>,
    changed: Condvar,
}

impl PasteGate {
    fn reset(&self) {
        *self.answer.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// Gives the waiting rotation its answer (true: pasted and restarted).
    pub(super) fn answer(&self, done: bool) {
        *self.answer.lock().unwrap_or_else(|p| p.into_inner()) = Some(done);
        self.changed.notify_all();
    }

    /// Blocks until answered or `wait` passed (false).
    fn wait(&self, wait: Duration) -> bool {
        let deadline = Instant::now() + wait;
        let mut a = self.answer.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if let Some(done) = *a {
                return done;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            a = self
                .changed
                .wait_timeout(a, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }
}

/// A rotation's last outcome, as the expiry step shows it.
#[derive(Clone, Debug, Serialize)]
pub struct RotationRecord {
    /// The profile.
    pub profile: String,
    /// When it ended.
    pub at: DateTime<Utc>,
    /// True when the rotation (or roll-back) finished.
    pub ok: bool,
    /// The journal's stage now (`None`: nothing open).
    pub stage: Option<&'static str>,
    /// What happened, each side's state and the next action (`rotate`, worded from the catalog).
    pub check: Check,
}

/// An open (interrupted or stopped) rotation.
#[derive(Clone, Debug, Serialize)]
pub struct OpenRotationView {
    /// The profile.
    pub profile: String,
    /// The journal's stage (`added`, `proven`, …).
    pub stage: &'static str,
    /// When it began.
    pub started_at: DateTime<Utc>,
    /// False once the old secret is being removed (then it can only be resumed).
    pub can_roll_back: bool,
    /// What a roll-back does to Genesys Cloud: `restart` (graphwiz puts the old secret back
    /// and restarts the integration), `paste` (the admin pastes the old secret back) or `none`
    /// (Genesys Cloud never got the new secret).
    pub rollback_genesys: &'static str,
}

impl OpenRotationView {
    fn of(n: &rotate::journal::RotationNote) -> Self {
        OpenRotationView {
            profile: n.profile.clone(),
            stage: rotate::stage_name(n.stage),
            started_at: n.started_at,
            can_roll_back: n.stage < rotate::journal::Stage::Removing,
            rollback_genesys: match (n.stage >= rotate::journal::Stage::GenesysUpdated, n.genesys) {
                (false, _) => "none",
                (true, true) => "restart",
                (true, false) => "paste",
            },
        }
    }
}

/// The rotation part of the Secret expiry step.
#[derive(Clone, Debug, Serialize)]
pub struct RotationView {
    /// True when the step offers "Rotate secret" (a saved profile or the demo).
    pub available: bool,
    /// The lifetime offered first, in months.
    pub default_months: u32,
    /// The longest lifetime, in months.
    pub max_months: u32,
    /// True when the profile has no Genesys part (the admin pastes the new secret).
    pub manual: bool,
    /// The open rotation of this profile: "Resume" and "Roll back".
    pub open: Option<OpenRotationView>,
    /// The last outcome for this profile, in the UI's language.
    pub last: Option<RotationRecord>,
    /// Open rotations of every saved profile (the notice at app start).
    pub pending: Vec<OpenRotationView>,
    /// About how many seconds Genesys Cloud stops fetching mail while the rotation restarts the
    /// integration (as the Genesys step's [`super::GenesysView::restart_off_secs`]).
    pub restart_off_secs: u64,
}

/// One step of a running rotation, for the progress display.
#[derive(Clone, Debug, Serialize)]
pub struct RotateProgressView {
    /// `signing_in`, `reading`, `adding`, `proving`, `permissions`, `genesys`, `restarting`,
    /// `paste`, `live`, `removing`, `rollback`.
    pub phase: &'static str,
    /// The step's text in the UI's language (catalog `rotate-progress-*`); `None` for
    /// `signing_in` and `paste`, which the UI words itself.
    pub text: Option<String>,
    /// For `proving`: seconds waited for Entra ID so far.
    pub waited_secs: Option<u64>,
    /// For `restarting`: the restart's own step (`disabling`, `waiting_active`, …).
    pub step: Option<&'static str>,
}

impl RotateProgressView {
    /// The view of a rotation step, worded in `lang`.
    pub fn of(step: &RotateStep, lang: Lang) -> Self {
        let t = |id: &str, a: &Args| Some(i18n::text(lang, id, a));
        let none = Args::new();
        let mut sub = None;
        let (phase, text, waited) = match step {
            RotateStep::Reading => ("reading", t("rotate-progress-reading", &none), None),
            RotateStep::Adding => ("adding", t("rotate-progress-adding", &none), None),
            RotateStep::Proving { waited_secs } => (
                "proving",
                t(
                    "rotate-progress-proving",
                    &args([("secs", waited_secs.to_string())]),
                ),
                Some(*waited_secs),
            ),
            RotateStep::CheckingPermissions => {
                ("permissions", t("rotate-progress-permissions", &none), None)
            }
            RotateStep::UpdatingGenesys => ("genesys", t("rotate-progress-genesys", &none), None),
            RotateStep::Restarting(r) => {
                let g = super::GenesysProgressView::of(r.clone(), lang);
                sub = Some(g.step);
                ("restarting", Some(g.text), None)
            }
            RotateStep::WaitingForAdmin => ("paste", None, None),
            RotateStep::LiveTest => ("live", t("rotate-progress-live", &none), None),
            RotateStep::RemovingOld => ("removing", t("rotate-progress-removing", &none), None),
            RotateStep::RollingBack => ("rollback", t("rotate-progress-rollback", &none), None),
        };
        RotateProgressView {
            phase,
            text,
            waited_secs: waited,
            step: sub,
        }
    }

    fn phase(phase: &'static str) -> Self {
        RotateProgressView {
            phase,
            text: None,
            waited_secs: None,
            step: None,
        }
    }
}

/// `start`, `resume` or `roll_back`: the actions of a rotation and of a setup.
pub(super) fn parse_action(action: &str) -> Result<Action, DesktopError> {
    match action {
        "start" => Ok(Action::Start),
        "resume" => Ok(Action::Resume),
        "roll_back" => Ok(Action::RollBack),
        other => Err(DesktopError::new(
            "invalid",
            "app-error-rotate-action",
            args([("action", other)]),
        )),
    }
}

impl Session {
    /// The demo's own folder (its rotation journal and profile copy, never the real ones).
    fn demo_dir(&self) -> PathBuf {
        self.store.dir().join("demo")
    }

    /// The journal of the integration in the wizard (the demo's own in demo mode).
    pub(super) fn rotation_journal(&self) -> Journal {
        if self.is_demo() {
            Journal::in_data_dir(&self.demo_dir())
        } else {
            Journal::in_data_dir(self.store.dir())
        }
    }

    /// A new demo emulator knows nothing of an earlier demo rotation: forget it.
    pub(super) fn forget_demo_rotation(&mut self) {
        let dir = self.demo_dir().join("rotations");
        let _ = std::fs::remove_dir_all(dir);
        self.demo_vault = None;
        if self
            .rotation
            .as_ref()
            .is_some_and(|r| self.is_demo_name(&r.profile))
        {
            self.rotation = None;
        }
    }

    fn is_demo_name(&self, name: &str) -> bool {
        name == super::DEMO_PROFILE_NAME
    }

    pub(super) fn rotation_view(&self, target: Option<&Profile>, lang: Lang) -> RotationView {
        let demo = self.is_demo();
        let open = target.and_then(|p| self.rotation_journal().load(&p.name));
        let pending = Journal::in_data_dir(self.store.dir())
            .pending()
            .iter()
            .map(OpenRotationView::of)
            .collect();
        let manual = target.is_some_and(|p| p.genesys.is_none());
        RotationView {
            available: target.is_some() && (demo || self.state.draft.profile.is_some()),
            default_months: rotate::DEFAULT_MONTHS,
            max_months: rotate::MAX_MONTHS,
            manual,
            open: open.as_ref().map(OpenRotationView::of),
            restart_off_secs: self.restart_off(target).0,
            last: self
                .rotation
                .as_ref()
                .filter(|r| target.is_some_and(|p| p.name == r.profile))
                .map(|r| RotationRecord {
                    check: super::wording::for_app(&r.check, lang),
                    ..r.clone()
                }),
            pending,
        }
    }
}

impl Desktop {
    /// Starts (`start`), resumes (`resume`) or rolls back (`roll_back`) the rotation of the
    /// wizard's profile's client secret, after an administrator's sign-in when the step needs
    /// one. `clipboard` takes the new secret when the admin has to paste it into Genesys Cloud;
    /// the rotation then waits for [`Desktop::confirm_paste`]. The outcome is kept for the
    /// expiry step, whose date then shows the new secret's.
    pub async fn rotate_secret(
        &self,
        action: &str,
        months: u32,
        browser: Opener<'_>,
        clipboard: Clipboard<'_>,
        progress: &(dyn Fn(RotateProgressView) + Send + Sync),
    ) -> Result<super::View, DesktopError> {
        let action = parse_action(action)?;
        let (input, profile, demo, lang) = {
            let mut s = self.lock();
            let p = s.target()?;
            let demo = s.is_demo();
            if !demo && s.state.draft.profile.is_none() {
                return Err(DesktopError::no_target());
            }
            let lang = s.lang();
            let (store, vault, genesys) = if demo {
                let store = ProfileStore::at(s.demo_dir());
                let vault = match &s.demo_vault {
                    Some(v) => v.clone(),
                    None => {
                        let v = MemoryVault::default();
                        v.put(&p.secret_ref, s.secret_of(&p)?);
                        s.demo_vault = Some(v.clone());
                        v
                    }
                };
                // The demo's profile (never a secret) in the demo's own folder, for the core.
                let copy = p.clone();
                store.update(|f| {
                    f.upsert(copy);
                    Ok(())
                })?;
                let genesys = match s.genesys_input(&p, &[]) {
                    Ok(g) => g,
                    Err(super::genesys::Unusable::Environment(e)) => return Err(e),
                    Err(super::genesys::Unusable::Part(c)) => {
                        let c = super::wording::for_app(&c, lang);
                        return Err(DesktopError::worded("genesys", c.fix.unwrap_or(c.summary)));
                    }
                };
                (store, Some(vault), genesys)
            } else {
                (s.store.clone(), None, None)
            };
            let input = RotateInput {
                store,
                profile: p.name.clone(),
                months,
                timeout: REQUEST_TIMEOUT,
                replication_wait: REPLICATION_WAIT,
                restart_timeout: GENESYS_RESTART_TIMEOUT,
                live_test: true,
                vault,
                genesys,
            };
            (input, p, demo, lang)
        };
        let admin_token = if rotate::needs_admin(&input, action) {
            progress(RotateProgressView::phase("signing_in"));
            let endpoints = profile
                .endpoints()
                .map_err(|e| DesktopError::detail("invalid", "app-error-endpoints", e))?;
            let tenant = profile
                .tenant_id
                .clone()
                .unwrap_or_else(|| profile.tenant.clone());
            let opener = |url: &str| super::open_for_admin(url, demo, browser, lang);
            let options = SignInOptions {
                scopes: vec![
                    rotate::azure::MANAGE_SCOPE.to_string(),
                    "User.Read".to_string(),
                ],
                ..SignInOptions::default()
            };
            let http = HttpClient::new(REQUEST_TIMEOUT);
            let work = admin::sign_in_browser(&http, &endpoints, &tenant, &options, opener);
            match self.cancellable(work).await {
                None => return Err(super::cancelled()),
                Some(r) => Some(r?),
            }
        } else {
            None
        };
        let on_step = |step: RotateStep| progress(RotateProgressView::of(&step, lang));
        let manual = |secret: &ClientSecret| -> bool {
            self.paste.reset();
            // Without the clipboard the admin cannot paste: the rotation stays open, safely.
            if clipboard(secret).is_err() {
                return false;
            }
            progress(RotateProgressView::phase("paste"));
            let wait = || self.paste.wait(PASTE_WAIT);
            // The rotation's future is polled on a runtime worker: let the runtime move its
            // other work (the UI's confirmation among it) elsewhere while this one waits.
            match tokio::runtime::Handle::try_current() {
                Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                    tokio::task::block_in_place(wait)
                }
                _ => wait(),
            }
        };
        let out = rotate::run(
            &input,
            action,
            admin_token.as_ref(),
            Some(&manual),
            &on_step,
        )
        .await;
        // The session's lock ends before the checks below run.
        let (view, rotated) = {
            let mut s = self.lock();
            if demo && s.is_demo() {
                // The demo's profile copy now holds the new expiry and reference; its new secret
                // is in the vault. The demo keeps its secret in memory only.
                let rotated = input
                    .store
                    .load()
                    .ok()
                    .and_then(|f| f.get(&profile.name).cloned());
                if let Some(r) = rotated {
                    if out.ok && r.secret_ref != profile.secret_ref {
                        if let Some(new) = s.demo_vault.as_ref().and_then(|v| v.get(&r.secret_ref))
                        {
                            s.demo_secret = Some(new);
                        }
                        s.demo_vault = None;
                        if let Some(d) = s.state.demo.as_mut() {
                            d.profile.secret_hint = r.secret_hint.clone();
                            d.profile.secret_expiry = r.secret_expiry;
                        }
                    }
                }
                if out.ok && out.stage.is_none() && action == Action::RollBack {
                    s.demo_vault = None;
                }
            }
            if out.ok {
                // The integration's secret changed: results of runs with the old one are dropped.
                s.generation += 1;
            }
            let rotated = out.ok && out.stage.is_none() && action != Action::RollBack;
            s.rotation = Some(RotationRecord {
                profile: profile.name.clone(),
                at: Utc::now(),
                ok: out.ok,
                stage: out.stage.map(rotate::stage_name),
                check: out.check,
            });
            s.persist();
            (s.view(), rotated)
        };
        // The secret changed: what the checks proved about the old one is stale. Check again on
        // the new secret at once, so the expiry step and the rail show it without a click.
        if rotated {
            if let Ok(v) = self.run_checks().await {
                return Ok(v);
            }
        }
        Ok(view)
    }

    /// The admin's answer to the paste request of a running rotation: true once the new
    /// secret is in Genesys Cloud and the integration was restarted, false to stop waiting.
    pub fn confirm_paste(&self, done: bool) {
        self.paste.answer(done);
    }
}

#[cfg(test)]
#[path = "rotate_tests.rs"]
mod tests;
