//! What the wizard's Genesys Cloud step shows: the region picker, the form, the Genesys checks
//! of the last run and the last restart, worded in the UI's language when the view is built.

use super::super::{Counts, Session};
use super::{RestartRecord, GENESYS_RESTART_TYPICAL};
use crate::checks::{Check, Report, Status};
use crate::genesys::restart::RestartStep;
use crate::genesys::REGIONS;
use crate::i18n::{self, args, Lang};
use crate::store::profiles::Profile;
use serde::Serialize;

/// One region for the picker.
#[derive(Clone, Debug, Serialize)]
pub struct RegionView {
    /// `eu_central_1`.
    pub name: &'static str,
    /// `mypurecloud.de`.
    pub host: &'static str,
    /// `EMEA (Frankfurt)`.
    pub place: &'static str,
}

/// What the Genesys Cloud step shows.
#[derive(Clone, Debug, Serialize)]
pub struct GenesysView {
    /// Every region, in the picker's order.
    pub regions: Vec<RegionView>,
    /// The region chosen (a name from `regions`, or what was typed).
    pub region: String,
    /// The OAuth client's Client ID.
    pub client_id: String,
    /// True when the profile has a Genesys part (its checks run with every check).
    pub configured: bool,
    /// True when a Client Secret is stored (keychain, or memory for the demo).
    pub secret_stored: bool,
    /// First three characters of the demo's secret (saved secrets have no hint).
    pub secret_hint: Option<String>,
    /// True for the demo (its hosts are the emulator's).
    pub demo: bool,
    /// The Genesys checks of the last run, in the UI's language.
    pub checks: Vec<Check>,
    /// Their verdict counts.
    pub counts: Counts,
    /// A restart can be tried (a part is saved and its sign-in did not fail).
    pub can_restart: bool,
    /// The integration's check says a restart may help.
    pub restart_suggested: bool,
    /// The last restart of this profile's integration, in the UI's language.
    pub restart: Option<RestartRecord>,
    /// About how many seconds Genesys Cloud stops fetching mail during a restart (said before
    /// one starts): the last restart of this profile, else [`GENESYS_RESTART_TYPICAL`].
    pub restart_off_secs: u64,
    /// True when `restart_off_secs` was measured at this profile's last restart.
    pub restart_off_measured: bool,
}

/// Restart progress for the UI: the step and its text in the UI's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GenesysProgressView {
    /// `finding`, `disabling`, `waiting_inactive`, `enabling`, `waiting_active`.
    pub step: &'static str,
    /// The integration's state seen last, while waiting.
    pub state: Option<String>,
    /// The step's text (catalog `genesys-progress-*`).
    pub text: String,
}

impl GenesysProgressView {
    /// The view of a restart step, worded in `lang`.
    pub fn of(step: RestartStep, lang: Lang) -> Self {
        let (name, id, state) = match step {
            RestartStep::Finding => ("finding", "genesys-progress-finding", None),
            RestartStep::Disabling => ("disabling", "genesys-progress-disabling", None),
            RestartStep::WaitingInactive { state } => (
                "waiting_inactive",
                "genesys-progress-waiting-inactive",
                Some(state),
            ),
            RestartStep::Enabling => ("enabling", "genesys-progress-enabling", None),
            RestartStep::WaitingActive { state } => (
                "waiting_active",
                "genesys-progress-waiting-active",
                Some(state),
            ),
        };
        let a = state
            .as_ref()
            .map(|s| args([("state", s.clone())]))
            .unwrap_or_default();
        GenesysProgressView {
            step: name,
            text: i18n::text(lang, id, &a),
            state,
        }
    }
}

impl Session {
    /// About how long a restart of `target`'s integration stops Genesys Cloud fetching mail, in
    /// whole seconds, and whether that was measured (its last successful restart) or is the
    /// typical value.
    pub(in crate::desktop) fn restart_off(&self, target: Option<&Profile>) -> (u64, bool) {
        self.state
            .genesys_restart
            .as_ref()
            .filter(|r| r.ok && target.is_some_and(|p| p.name.eq_ignore_ascii_case(&r.profile)))
            .and_then(|r| r.off_ms)
            .map(|ms| (ms.div_ceil(1000).max(1), true))
            .unwrap_or((GENESYS_RESTART_TYPICAL.as_secs(), false))
    }

    pub(in crate::desktop) fn genesys_view(
        &self,
        target: Option<&Profile>,
        report: Option<&Report>,
        lang: Lang,
    ) -> GenesysView {
        let part = target.and_then(|p| p.genesys.as_ref());
        let draft = &self.state.genesys;
        let fallback = super::GenesysDraft::of(part);
        let pick = |a: &str, b: &str| if a.is_empty() { b } else { a }.to_string();
        let checks: Vec<Check> = match part {
            Some(_) => report
                .map(|r| {
                    r.checks
                        .iter()
                        .filter(|c| c.id.starts_with("genesys_"))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let status = |id: &str| checks.iter().find(|c| c.id == id).map(|c| c.status);
        let demo = self.is_demo();
        let (restart_off_secs, restart_off_measured) = self.restart_off(target);
        GenesysView {
            restart_off_secs,
            restart_off_measured,
            regions: REGIONS
                .iter()
                .map(|r| RegionView {
                    name: r.name,
                    host: r.host,
                    place: r.place,
                })
                .collect(),
            region: pick(&draft.region, &fallback.region),
            client_id: pick(&draft.client_id, &fallback.client_id),
            configured: part.is_some(),
            secret_stored: if demo {
                self.demo_genesys.is_some()
            } else {
                part.is_some()
            },
            secret_hint: self
                .demo_genesys
                .as_ref()
                .filter(|_| demo)
                .map(|g| g.secret.hint()),
            demo,
            counts: Counts::of(checks.iter()),
            can_restart: part.is_some()
                && !matches!(
                    status("genesys_login"),
                    Some(Status::Fail) | Some(Status::Skip)
                ),
            restart_suggested: matches!(
                status("genesys_integration"),
                Some(Status::Fail) | Some(Status::Warn)
            ),
            checks,
            restart: self
                .state
                .genesys_restart
                .as_ref()
                .filter(|r| target.is_some_and(|p| p.name.eq_ignore_ascii_case(&r.profile)))
                .map(|r| RestartRecord {
                    check: super::super::wording::for_app(&r.check, lang),
                    ..r.clone()
                }),
        }
    }
}
