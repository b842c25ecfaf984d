//! The wizard's Genesys Cloud step (optional, after the Azure checks): the region and the OAuth
//! client (Client ID, Client Secret) validated with [`crate::genesys::setup`] in the UI's language,
//! saved with [`setup::save_part`] (the secret only to the OS keychain; the demo keeps it in
//! memory), the Genesys checks as part of every check run of the profile, the restart of the
//! integration with progress, and the recovery of interrupted restarts at app start.

use super::{
    endpoint_error, Desktop, DesktopError, FieldProblem, SecretText, Session, REQUEST_TIMEOUT,
};
use crate::checks::{Check, Status};
use crate::genesys::restart::{self, Journal, RestartStep};
use crate::genesys::setup::{self, PartInput, SetupError};
use crate::genesys::{AzureIdentity, GenesysConnection, GenesysEndpoints, GenesysInput};
use crate::http::HttpClient;
use crate::i18n::Msg;
use crate::i18n::{self, args, Lang};
use crate::secret::ClientSecret;
use crate::store::keychain::{self, KeychainError};
use crate::store::profiles::{GenesysPart, Profile, ProfileStore};
use crate::validate::{self, Severity};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long a restart waits for each of INACTIVE and ACTIVE.
pub const GENESYS_RESTART_TIMEOUT: Duration = Duration::from_secs(120);
/// How long Genesys Cloud typically stops fetching mail during a restart (disable → INACTIVE →
/// enable → ACTIVE), said before a restart while no restart of the profile was measured yet.
pub const GENESYS_RESTART_TYPICAL: Duration = Duration::from_secs(30);
/// The demo organization's region (its hosts are replaced by the emulator's URL).
const DEMO_REGION: &str = "eu_central_1";

/// The Genesys Cloud form as entered (never the secret).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenesysDraft {
    /// Region name (`eu_central_1`) or what was typed.
    pub region: String,
    /// The OAuth client's Client ID as entered.
    pub client_id: String,
}

impl GenesysDraft {
    /// The form of a saved Genesys part (empty without one).
    pub fn of(part: Option<&GenesysPart>) -> Self {
        part.map(|p| GenesysDraft {
            region: p.region.clone(),
            client_id: p.client_id.clone(),
        })
        .unwrap_or_default()
    }
}

/// The last restart of the integration, as the step shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestartRecord {
    /// The profile restarted.
    pub profile: String,
    /// When it ended.
    pub at: DateTime<Utc>,
    /// True when the integration ended ACTIVE.
    pub ok: bool,
    /// The verdict (`genesys_restart`, worded from the catalog).
    pub check: Check,
    /// The last `reportedState.code` seen.
    pub final_state: Option<String>,
    /// How long the integration was off, in milliseconds, when the restart succeeded.
    #[serde(default)]
    pub off_ms: Option<u64>,
}

/// The demo's Genesys Cloud organization, handed over by the shell (its emulator's URL and the
/// OAuth client it hands out). The secret stays in memory.
#[derive(Debug)]
pub struct DemoGenesys {
    /// Genesys scenario name, e.g. `healthy`.
    pub scenario: String,
    /// The emulator's base URL (login and API); must be loopback.
    pub base_url: String,
    /// The OAuth client's Client ID handed out.
    pub client_id: String,
    /// The OAuth client's secret handed out (or the one the admin confirmed since).
    pub secret: ClientSecret,
}

/// What the Genesys Cloud step sends on Save.
#[derive(Debug, Deserialize)]
pub struct GenesysForm {
    /// Region name or host.
    pub region: String,
    /// The OAuth client's Client ID.
    pub client_id: String,
    /// The Client Secret; empty or absent keeps the stored one.
    #[serde(default)]
    pub secret: Option<SecretText>,
}

/// Why a profile's Genesys half can't be checked.
pub(super) enum Unusable {
    /// The keychain or data folder failed: the run stops.
    Environment(DesktopError),
    /// The part itself (its secret gone, its endpoints refused): a failed check, the rest runs.
    Part(Box<Check>),
}

pub(super) fn setup_error(e: SetupError) -> DesktopError {
    match e {
        // Worded by the setup in the language it was given.
        SetupError::Input(m) => DesktopError::worded("genesys", m),
        SetupError::Profile(p) => p.into(),
        SetupError::Keychain(KeychainError::Missing { profile }) => DesktopError::new(
            "genesys_secret_missing",
            "app-error-genesys-secret-missing",
            args([("profile", profile)]),
        ),
        SetupError::Keychain(k) => k.into(),
    }
}

/// The arguments of `genesys-part-unusable`: the error as a nested message where it is one (so
/// the check is worded in one language), else its text.
fn part_unusable_args(profile: &str, e: &DesktopError) -> crate::i18n::Args {
    let detail = match &e.msg {
        Some(m) => i18n::msg_arg(m),
        None => serde_json::Value::from(e.message.clone()),
    };
    args([
        ("profile", serde_json::Value::from(profile.to_string())),
        ("detail", detail),
    ])
}

/// What a part that can't be used says, in `lang`: the check's fix, else its summary.
fn part_text(c: &Check, lang: Lang) -> String {
    let c = super::wording::for_app(c, lang);
    c.fix.unwrap_or(c.summary)
}

/// The Genesys half of a saved profile's check, with its secret from the keychain.
pub(super) fn saved_input(p: &Profile) -> Result<Option<GenesysInput>, Unusable> {
    match setup::input_for(p) {
        Ok(g) => Ok(g),
        Err(e) if e.is_environment() => Err(Unusable::Environment(setup_error(e))),
        Err(e) => Err(Unusable::Part(Box::new(part_unusable(p, e)))),
    }
}

/// The failed check of profile `p` whose Genesys Cloud part can't be used.
pub(super) fn part_unusable(p: &Profile, e: SetupError) -> Check {
    Check::msg(
        "genesys_login",
        Status::Fail,
        "genesys-part-unusable",
        part_unusable_args(&p.name, &setup_error(e)),
    )
}

/// Gives the renamed copy `to` of profile `old` its own copy of the Genesys part and secret.
pub(super) fn copy_part(store: &ProfileStore, old: &Profile, to: &str) -> Result<(), DesktopError> {
    let Some(part) = &old.genesys else {
        return Ok(());
    };
    let secret = keychain::load(&old.name, &part.secret_ref)?;
    let input = PartInput {
        region: part
            .endpoints()
            .map_err(|m| DesktopError::detail("genesys", "app-error-genesys-part", m))?
            .region,
        client_id: part.client_id.clone(),
        login_url: part.login_url.clone(),
        api_url: part.api_url.clone(),
    };
    setup::save_part(store, to, &input, &secret).map_err(setup_error)?;
    Ok(())
}

fn problem(field: &str, label: &str, e: SetupError) -> FieldProblem {
    let text = e.to_string();
    FieldProblem {
        field: field.to_string(),
        severity: Severity::Error,
        label: label.to_string(),
        code: None,
        n: None,
        message: text.clone(),
        msg: None,
        text: Some(text),
    }
}

fn demo_stopped() -> DesktopError {
    DesktopError::plain("demo_stopped", "app-error-demo-stopped")
}

impl Session {
    /// The UI's language (English until the UI said otherwise).
    pub(super) fn lang(&self) -> Lang {
        self.state
            .lang
            .as_deref()
            .map(Lang::parse_or_english)
            .unwrap_or_default()
    }

    /// The Genesys half of the check of `p` (none without a part); the demo's from memory.
    pub(super) fn genesys_input(
        &self,
        p: &Profile,
        mailboxes: &[String],
    ) -> Result<Option<GenesysInput>, Unusable> {
        let mut input = if self.is_demo() {
            let Some(part) = &p.genesys else {
                return Ok(None);
            };
            let Some(g) = &self.demo_genesys else {
                return Err(Unusable::Environment(demo_stopped()));
            };
            let region = setup::region(&part.region, self.lang())
                .map_err(|e| Unusable::Environment(setup_error(e)))?;
            let endpoints = GenesysEndpoints::new(region, Some(&g.base_url), Some(&g.base_url))
                .map_err(|e| Unusable::Environment(endpoint_error(e)))?;
            Some(GenesysInput {
                conn: GenesysConnection {
                    endpoints,
                    client_id: part.client_id.clone(),
                    secret: g.secret.clone(),
                },
                mailboxes: Vec::new(),
                profile: Some(p.name.clone()),
            })
        } else {
            saved_input(p)?
        };
        if let Some(i) = input.as_mut() {
            i.mailboxes = mailboxes.to_vec();
        }
        Ok(input)
    }

    /// The journal of restarts: the data folder's (the demo's own, so a demo never leaves a
    /// note for the app's start to act on).
    fn journal(&self) -> Journal {
        if self.is_demo() {
            Journal::in_data_dir(&self.store.dir().join("demo"))
        } else {
            Journal::in_data_dir(self.store.dir())
        }
    }

    /// Takes over the demo's Genesys organization: the form is pre-filled with its region and
    /// OAuth client; a part the demo profile had is pointed at the new emulator.
    pub(super) fn adopt_demo_genesys(&mut self, g: Option<DemoGenesys>, kept: Option<GenesysPart>) {
        if let Some(g) = &g {
            let part = kept.map(|mut p| {
                p.login_url = Some(g.base_url.clone());
                p.api_url = Some(g.base_url.clone());
                p
            });
            self.state.genesys = match &part {
                Some(p) => GenesysDraft::of(Some(p)),
                None => GenesysDraft {
                    region: DEMO_REGION.to_string(),
                    client_id: g.client_id.clone(),
                },
            };
            if let Some(d) = self.state.demo.as_mut() {
                d.genesys_scenario = Some(g.scenario.clone());
                d.profile.genesys = part;
            }
        }
        self.demo_genesys = g;
    }
}

impl Desktop {
    /// Saves the Genesys Cloud step: region, Client ID and Client Secret are validated in the
    /// UI's language; the secret goes to the OS keychain (demo: memory) and is never returned.
    /// An empty secret keeps the stored one.
    pub fn save_genesys(&self, form: GenesysForm) -> Result<super::View, DesktopError> {
        let mut s = self.lock();
        let lang = s.lang();
        let p = s.target()?;
        let demo = s.is_demo();
        let mut problems = Vec::new();
        let region = setup::region(&form.region, lang)
            .map_err(|e| problems.push(problem("genesys_region", "Region", e)))
            .ok();
        let client_id = setup::client_id(&form.client_id, lang)
            .map_err(|e| problems.push(problem("genesys_client_id", "Client ID", e)))
            .ok();
        let typed = form.secret.as_ref().filter(|t| !t.is_blank());
        let secret = match typed {
            Some(t) => setup::secret(t.text(), lang)
                .map_err(|e| problems.push(problem("genesys_secret", "Client Secret", e)))
                .ok(),
            None if demo => match &s.demo_genesys {
                Some(g) => Some(g.secret.clone()),
                None => return Err(demo_stopped()),
            },
            None => match &p.genesys {
                Some(part) => match keychain::load(&p.name, &part.secret_ref) {
                    Ok(x) => Some(x),
                    Err(KeychainError::Missing { .. }) => None,
                    Err(e) => return Err(e.into()),
                },
                None => None,
            },
        };
        if secret.is_none() && typed.is_none() {
            problems.push(FieldProblem::new(
                "genesys_secret",
                "Client Secret",
                "genesys_secret_empty",
                None,
                Msg::plain("app-problem-genesys-secret-empty"),
            ));
        }
        // Keep what was typed (never the secret), so the form survives errors and restarts.
        s.state.genesys = GenesysDraft {
            region: region
                .map(|r| r.name.to_string())
                .unwrap_or_else(|| form.region.trim().to_string()),
            client_id: client_id
                .clone()
                .unwrap_or_else(|| form.client_id.trim().to_string()),
        };
        let (Some(region), Some(client_id), Some(secret)) = (region, client_id, secret) else {
            s.persist();
            return Err(DesktopError::invalid(problems));
        };
        if demo {
            let Some(g) = s.demo_genesys.as_mut() else {
                return Err(demo_stopped());
            };
            g.secret = secret;
            let base = g.base_url.clone();
            GenesysEndpoints::new(region, Some(&base), Some(&base)).map_err(endpoint_error)?;
            let part = GenesysPart {
                region: region.name.to_string(),
                client_id,
                secret_ref: String::new(),
                login_url: Some(base.clone()),
                api_url: Some(base),
            };
            s.update_target(|p| p.genesys = Some(part))?;
        } else {
            let old = p.genesys.as_ref();
            let input = PartInput {
                region,
                client_id,
                login_url: old.and_then(|o| o.login_url.clone()),
                api_url: old.and_then(|o| o.api_url.clone()),
            };
            setup::save_part(&s.store, &p.name, &input, &secret).map_err(setup_error)?;
        }
        s.generation += 1;
        s.persist();
        Ok(s.view())
    }

    /// Removes the profile's Genesys part (and its keychain entry); its checks no longer run.
    pub fn remove_genesys(&self) -> Result<super::View, DesktopError> {
        let mut s = self.lock();
        let p = s.target()?;
        if s.is_demo() {
            s.update_target(|p| p.genesys = None)?;
        } else {
            setup::remove_part(&s.store, &p.name).map_err(setup_error)?;
        }
        s.state.genesys_restart = None;
        s.generation += 1;
        s.persist();
        Ok(s.view())
    }

    /// Disables and enables the integration the profile's Genesys part reaches, reporting each
    /// step; the outcome is kept and shown on the Genesys Cloud step. A note in the journal of
    /// the data folder covers the time the integration is off.
    pub async fn restart_genesys(
        &self,
        progress: &(dyn Fn(GenesysProgressView) + Send + Sync),
    ) -> Result<super::View, DesktopError> {
        let (input, azure, profile, journal, generation, lang) = {
            let s = self.lock();
            let p = s.target()?;
            let input = match s.genesys_input(&p, &[]) {
                Ok(Some(i)) => i,
                Ok(None) => {
                    return Err(DesktopError::plain(
                        "genesys_none",
                        "app-error-genesys-none",
                    ))
                }
                Err(Unusable::Environment(e)) => return Err(e),
                Err(Unusable::Part(c)) => {
                    return Err(DesktopError::worded("genesys", part_text(&c, s.lang())))
                }
            };
            let mut tenant_ids: Vec<String> = [Some(p.tenant.clone()), p.tenant_id.clone()]
                .into_iter()
                .flatten()
                .filter(|t| validate::is_guid(t))
                .collect();
            tenant_ids.dedup();
            let azure = AzureIdentity {
                tenant_ids,
                client_id: p.client_id.clone(),
            };
            (input, azure, p.name, s.journal(), s.generation, s.lang())
        };
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let on_step = |step: RestartStep| progress(GenesysProgressView::of(step, lang));
        let out = restart::restart(
            &http,
            &input.conn,
            &azure,
            &profile,
            &journal,
            GENESYS_RESTART_TIMEOUT,
            &on_step,
        )
        .await;
        let mut s = self.lock();
        if generation == s.generation {
            s.state.genesys_restart = Some(RestartRecord {
                profile,
                at: Utc::now(),
                ok: out.ok,
                check: out.check,
                final_state: out.final_state,
                off_ms: out
                    .off_for
                    .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
            });
            s.persist();
        }
        Ok(s.view())
    }

    /// At app start: finishes restarts an earlier run left half done (the integration
    /// disabled) and keeps what happened as notices of the view. Quick when there is nothing to
    /// do. Returns the notices added, in the UI's language.
    pub async fn recover_genesys(&self) -> Vec<Check> {
        let (store, lang) = {
            let s = self.lock();
            (s.store.clone(), s.lang())
        };
        let journal = Journal::in_data_dir(store.dir());
        if journal.pending().is_empty() {
            return Vec::new();
        }
        // Without the profiles nothing can be reached; the notes stay for the next start.
        let Ok(file) = store.load() else {
            return Vec::new();
        };
        let connect = move |name: &str| -> Result<GenesysConnection, String> {
            let p = file.get(name).ok_or_else(|| {
                i18n::text(
                    lang,
                    "app-genesys-profile-gone",
                    &args([("profile", name.to_string())]),
                )
            })?;
            setup::connection(p)
                .map_err(|e| setup_error(e).text(lang))?
                .ok_or_else(|| {
                    i18n::text(
                        lang,
                        "genesys-part-none",
                        &args([("profile", name.to_string())]),
                    )
                })
        };
        let http = HttpClient::new(Duration::from_secs(15));
        let checks = restart::recover(&http, &journal, &connect).await;
        let mut s = self.lock();
        s.notices.extend(checks.iter().cloned());
        checks
            .iter()
            .map(|c| super::wording::for_app(c, lang))
            .collect()
    }

    /// Removes the notices.
    pub fn dismiss_notices(&self) -> super::View {
        let mut s = self.lock();
        s.notices.clear();
        s.view()
    }

    /// The demo's Genesys scenario (to start its emulator again with it).
    pub fn demo_genesys_scenario(&self) -> Option<String> {
        let s = self.lock();
        s.state
            .demo
            .as_ref()
            .and_then(|d| d.genesys_scenario.clone())
    }

    /// Switches the demo's Genesys organization (another scenario), keeping the step and the
    /// saved part (pointed at the new emulator).
    pub fn set_demo_genesys(&self, g: DemoGenesys) -> Result<super::View, DesktopError> {
        super::demo_endpoints(&g.base_url)?;
        let mut s = self.lock();
        if !s.is_demo() {
            return Err(DesktopError::plain("no_demo", "app-error-demo-not-open"));
        }
        let kept = s
            .state
            .demo
            .as_ref()
            .and_then(|d| d.profile.genesys.clone());
        s.adopt_demo_genesys(Some(g), kept);
        s.state.genesys_restart = None;
        s.generation += 1;
        s.persist();
        Ok(s.view())
    }
}

#[cfg(test)]
#[path = "genesys_tests.rs"]
mod tests;

#[path = "genesys_view.rs"]
mod view;
pub use view::{GenesysProgressView, GenesysView, RegionView};
