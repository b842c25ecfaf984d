//! The FAQ's "disable, then enable the integration": PATCH `intendedState` DISABLED, wait for
//! INACTIVE, PATCH ENABLED, wait for ACTIVE — and never leave the integration disabled.
//!
//! Before the disable, a note (no secrets: profile, integration id and name, time) is written to
//! the journal folder. It is removed once the enable has been accepted. A run killed in between
//! leaves the note behind; [`recover`] — called by every graphwiz command and at app start —
//! checks such an integration, enables it again when graphwiz had disabled it, and says so.

use super::checks::{find_integration, AzureIdentity, GenesysInput};
use super::client::{login, GenesysApi, GenesysConnection, GenesysFailure};
use super::model::Integration;
use crate::http::HttpClient;
use crate::i18n::{args, Args};
use crate::report::{Check, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, Instant};

const EDIT: &[&str] = &["integrations:integration:edit"];
const VIEW: &[&str] = &["integrations:integration:view"];

/// The id of the check a restart reports.
pub const RESTART_CHECK: &str = "genesys_restart";
/// The id of the check a recovery reports.
pub const RECOVERY_CHECK: &str = "genesys_recovery";

/// Where a restart is, for progress displays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum RestartStep {
    /// Signing in and finding the integration.
    Finding,
    /// The disable was sent.
    Disabling,
    /// Waiting for INACTIVE; the state seen last.
    WaitingInactive {
        /// `reportedState.code`.
        state: String,
    },
    /// The enable was sent.
    Enabling,
    /// Waiting for ACTIVE; the state seen last.
    WaitingActive {
        /// `reportedState.code`.
        state: String,
    },
}

/// A restart that has disabled an integration and not yet enabled it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestartNote {
    /// The profile whose Genesys Cloud credentials reach the integration.
    pub profile: String,
    /// The integration's id.
    pub integration_id: String,
    /// Its name, for messages.
    pub integration_name: String,
    /// When the restart began.
    pub started_at: DateTime<Utc>,
    /// True when graphwiz switched it off (it was enabled before the restart).
    pub disabled_by_graphwiz: bool,
}

/// The folder of restart notes, one file per profile.
#[derive(Clone, Debug)]
pub struct Journal {
    notes: crate::store::notes::NoteDir,
}

impl Journal {
    /// The journal inside a data folder (`<dir>/genesys-restarts`).
    pub fn in_data_dir(dir: &Path) -> Self {
        Journal {
            notes: crate::store::notes::NoteDir::new(dir.join("genesys-restarts")),
        }
    }

    /// Writes (or replaces) the note of a profile, atomically.
    pub fn write(&self, note: &RestartNote) -> std::io::Result<()> {
        self.notes.write(&note.profile, note)
    }

    /// Removes the note of a profile (no error when there is none).
    pub fn clear(&self, profile: &str) {
        self.notes.clear(profile)
    }

    /// Every note left behind.
    pub fn pending(&self) -> Vec<RestartNote> {
        let mut notes: Vec<RestartNote> = self.notes.all();
        notes.sort_by(|a, b| a.profile.cmp(&b.profile));
        notes
    }
}

/// How a restart ended.
#[derive(Clone, Debug)]
pub struct RestartOutcome {
    /// True when the integration ended ACTIVE.
    pub ok: bool,
    /// The verdict, worded from the catalog (id `genesys_restart`).
    pub check: Check,
    /// The last `reportedState.code` seen.
    pub final_state: Option<String>,
    /// The integration restarted, when it was found.
    pub integration_id: Option<String>,
    /// How long the integration was off (from the disable until it was ACTIVE again), when the
    /// restart succeeded: what the next restart will likely take.
    pub off_for: Option<Duration>,
}

fn outcome(
    ok: bool,
    check: Check,
    final_state: Option<String>,
    integration_id: Option<String>,
) -> RestartOutcome {
    RestartOutcome {
        ok,
        check,
        final_state,
        integration_id,
        off_for: None,
    }
}

fn msg(status: Status, id: &str, profile: &str, extra: Args) -> Check {
    let mut a = args([("profile", profile.to_string())]);
    a.extend(extra);
    Check::msg(RESTART_CHECK, status, id, a)
}

async fn read(api: &GenesysApi<'_>, id: &str) -> Result<Integration, GenesysFailure> {
    api.get(
        &format!(
            "/api/v2/integrations/{}",
            crate::microsoft::cloud::path_segment(id)
        ),
        VIEW,
    )
    .await
}

async fn set_intended(
    api: &GenesysApi<'_>,
    id: &str,
    state: &str,
) -> Result<Integration, GenesysFailure> {
    api.patch(
        &format!(
            "/api/v2/integrations/{}",
            crate::microsoft::cloud::path_segment(id)
        ),
        &serde_json::json!({ "intendedState": state }),
        EDIT,
    )
    .await
}

/// Polls until `reportedState.code` is one of `want` (or ERROR), or `deadline` passes; returns
/// the last state seen.
async fn wait_for(
    api: &GenesysApi<'_>,
    id: &str,
    want: &[&str],
    deadline: Instant,
    report: &(dyn Fn(String) + Send + Sync),
) -> Result<String, GenesysFailure> {
    let mut pause = Duration::from_millis(200);
    loop {
        let state = read(api, id).await?.reported_code();
        report(state.clone());
        if want.contains(&state.as_str()) || state == "ERROR" {
            return Ok(state);
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(state);
        }
        tokio::time::sleep(pause.min(deadline - now)).await;
        pause = (pause * 3 / 2).min(Duration::from_secs(2));
    }
}

/// Disables and enables the integration the profile's Genesys part reaches, waiting at most
/// `timeout` for each of INACTIVE and ACTIVE. The note in `journal` covers the time between.
pub async fn restart(
    http: &HttpClient,
    conn: &GenesysConnection,
    azure: &AzureIdentity,
    profile: &str,
    journal: &Journal,
    timeout: Duration,
    progress: &(dyn Fn(RestartStep) + Send + Sync),
) -> RestartOutcome {
    progress(RestartStep::Finding);
    let token = match login(http, conn).await {
        Ok(t) => t,
        Err(e) => {
            let detail = match e {
                super::client::LoginFailure::Refused { error, .. } => error,
                super::client::LoginFailure::Http(h) => h.to_string(),
            };
            return outcome(
                false,
                msg(
                    Status::Fail,
                    "genesys-restart-login",
                    profile,
                    args([("detail", detail)]),
                ),
                None,
                None,
            );
        }
    };
    let api = GenesysApi::new(http, &conn.endpoints, token);
    let input = GenesysInput {
        conn: conn.clone(),
        mailboxes: Vec::new(),
        profile: Some(profile.to_string()),
    };
    let integration = match find_integration(&api, &input, azure).await {
        Ok(i) => i,
        Err(check) => {
            let detail = check.summary.clone();
            return outcome(
                false,
                msg(
                    Status::Fail,
                    "genesys-restart-not-found",
                    profile,
                    args([("detail", detail)]),
                ),
                None,
                None,
            );
        }
    };
    let id = integration.id.clone();
    let name = integration.label();
    let base = args([("name", name.clone())]);
    let with = |extra: Args| {
        let mut a = base.clone();
        a.extend(extra);
        a
    };
    let was_enabled = integration.intended() != "DISABLED";
    let note = RestartNote {
        profile: profile.to_string(),
        integration_id: id.clone(),
        integration_name: name.clone(),
        started_at: Utc::now(),
        disabled_by_graphwiz: was_enabled,
    };
    if let Err(e) = journal.write(&note) {
        // Without the note a crash could leave the integration off unnoticed: do not start.
        return outcome(
            false,
            msg(
                Status::Fail,
                "genesys-restart-no-journal",
                profile,
                with(args([("detail", e.to_string())])),
            ),
            Some(integration.reported_code()),
            Some(id),
        );
    }
    let started = Instant::now();
    let mut disable_problem: Option<String> = None;
    if was_enabled {
        progress(RestartStep::Disabling);
        match set_intended(&api, &id, "DISABLED").await {
            Ok(_) => {
                let deadline = Instant::now() + timeout;
                let seen = wait_for(&api, &id, &["INACTIVE"], deadline, &|s| {
                    progress(RestartStep::WaitingInactive { state: s })
                })
                .await;
                match seen {
                    Ok(s) if s == "INACTIVE" => {}
                    Ok(s) => disable_problem = Some(s),
                    Err(f) => disable_problem = Some(f.describe()),
                }
            }
            Err(f) => {
                // Nothing was switched off: the note is not needed.
                journal.clear(profile);
                let m = match &f {
                    GenesysFailure::MissingPermission { permissions, .. } => msg(
                        Status::Fail,
                        "genesys-restart-permission",
                        profile,
                        with(args([("permission", permissions.join(", "))])),
                    ),
                    other => msg(
                        Status::Fail,
                        "genesys-restart-disable-failed",
                        profile,
                        with(args([("detail", other.describe())])),
                    ),
                };
                return outcome(false, m, Some(integration.reported_code()), Some(id));
            }
        }
    }
    // Enable in every case (also after a failed wait for INACTIVE): a disabled integration
    // means no customer mail at all.
    progress(RestartStep::Enabling);
    let mut enabled = None;
    let mut last_error = None;
    for attempt in 0..3u32 {
        match set_intended(&api, &id, "ENABLED").await {
            Ok(i) => {
                enabled = Some(i);
                break;
            }
            Err(f) => {
                last_error = Some(f.describe());
                tokio::time::sleep(Duration::from_millis(500 * u64::from(attempt + 1))).await;
            }
        }
    }
    if enabled.is_none() {
        // The note stays: the next graphwiz command tries the enable again.
        return outcome(
            false,
            msg(
                Status::Fail,
                "genesys-restart-enable-failed",
                profile,
                with(args([("detail", last_error.unwrap_or_default())])),
            ),
            None,
            Some(id),
        );
    }
    journal.clear(profile);
    let deadline = Instant::now() + timeout;
    let seen = wait_for(&api, &id, &["ACTIVE"], deadline, &|s| {
        progress(RestartStep::WaitingActive { state: s })
    })
    .await;
    let off_for = started.elapsed();
    let secs = format!("{:.1}", off_for.as_secs_f64());
    match seen {
        Ok(s) if s == "ACTIVE" => {
            let m = match disable_problem {
                None => msg(
                    Status::Pass,
                    "genesys-restart-done",
                    profile,
                    with(args([("secs", secs)])),
                ),
                Some(p) => msg(
                    Status::Pass,
                    "genesys-restart-done-late",
                    profile,
                    with(args([("secs", secs), ("detail", p)])),
                ),
            };
            RestartOutcome {
                off_for: Some(off_for),
                ..outcome(true, m, Some(s), Some(id))
            }
        }
        Ok(s) if s == "ERROR" => {
            let detail = read(&api, &id)
                .await
                .ok()
                .and_then(|i| i.reported_state.and_then(|r| r.detail_text()))
                .unwrap_or_default();
            outcome(
                false,
                msg(
                    Status::Fail,
                    "genesys-restart-error",
                    profile,
                    with(args([("detail", detail)])),
                ),
                Some(s),
                Some(id),
            )
        }
        Ok(s) => outcome(
            false,
            msg(
                Status::Fail,
                "genesys-restart-timeout",
                profile,
                with(args([
                    ("state", s.clone()),
                    ("secs", timeout.as_secs().to_string()),
                ])),
            ),
            Some(s),
            Some(id),
        ),
        Err(f) => outcome(
            false,
            msg(
                Status::Fail,
                "genesys-restart-lost",
                profile,
                with(args([("detail", f.describe())])),
            ),
            None,
            Some(id),
        ),
    }
}

/// Acts on the notes of restarts that did not finish: each integration graphwiz had disabled
/// is enabled again. `connect` gives a profile's Genesys connection (or why it can't).
/// Returns one check (id `genesys_recovery`) per note; a note stays when its integration could
/// not be reached, so the next command tries again.
pub async fn recover(
    http: &HttpClient,
    journal: &Journal,
    connect: &(dyn Fn(&str) -> Result<GenesysConnection, String> + Send + Sync),
) -> Vec<Check> {
    let mut out = Vec::new();
    for note in journal.pending() {
        let a = args([
            ("profile", note.profile.clone()),
            ("name", note.integration_name.clone()),
            (
                "since",
                note.started_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            ),
        ]);
        let with = |extra: Args| {
            let mut x = a.clone();
            x.extend(extra);
            x
        };
        let check = |status, id: &str, extra| Check::msg(RECOVERY_CHECK, status, id, with(extra));
        let conn = match connect(&note.profile) {
            Ok(c) => c,
            Err(why) => {
                out.push(check(
                    Status::Fail,
                    "genesys-recovery-no-access",
                    args([("detail", why)]),
                ));
                continue;
            }
        };
        let token = match login(http, &conn).await {
            Ok(t) => t,
            Err(e) => {
                let detail = match e {
                    super::client::LoginFailure::Refused { error, .. } => error,
                    super::client::LoginFailure::Http(h) => h.to_string(),
                };
                out.push(check(
                    Status::Fail,
                    "genesys-recovery-no-access",
                    args([("detail", detail)]),
                ));
                continue;
            }
        };
        let api = GenesysApi::new(http, &conn.endpoints, token);
        let current = match read(&api, &note.integration_id).await {
            Ok(i) => i,
            Err(f) => {
                out.push(check(
                    Status::Fail,
                    "genesys-recovery-no-access",
                    args([("detail", f.describe())]),
                ));
                continue;
            }
        };
        if current.intended() != "DISABLED" {
            journal.clear(&note.profile);
            out.push(check(
                Status::Pass,
                "genesys-recovery-enabled-already",
                args([("state", current.reported_code())]),
            ));
            continue;
        }
        if !note.disabled_by_graphwiz {
            // It was off before graphwiz touched it: the admin's choice stands.
            journal.clear(&note.profile);
            out.push(check(Status::Warn, "genesys-recovery-was-off", Args::new()));
            continue;
        }
        match set_intended(&api, &note.integration_id, "ENABLED").await {
            Ok(_) => {
                journal.clear(&note.profile);
                let state = wait_for(
                    &api,
                    &note.integration_id,
                    &["ACTIVE"],
                    Instant::now() + Duration::from_secs(30),
                    &|_| {},
                )
                .await
                .unwrap_or_else(|_| "UNKNOWN".into());
                let status = if state == "ACTIVE" {
                    Status::Pass
                } else {
                    Status::Warn
                };
                out.push(check(
                    status,
                    "genesys-recovery-reenabled",
                    args([("state", state)]),
                ));
            }
            Err(f) => out.push(check(
                Status::Fail,
                "genesys-recovery-failed",
                args([("detail", f.describe())]),
            )),
        }
    }
    out
}
