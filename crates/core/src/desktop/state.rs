//! The wizard's saved state: its steps, where the integration came from, the form (never the
//! secret), the reminder settings and the last live test, kept in [`STATE_FILE`] (`wizard.json`).

use super::*;
use crate::checks::Check;
use crate::microsoft::cloud::Cloud;
use crate::microsoft::expiry;
use crate::store::profiles::Profile;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

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

impl Draft {
    /// The form of a saved profile, as the wizard opens it.
    pub fn of_profile(p: &crate::store::profiles::Profile) -> Self {
        Draft {
            name: p.name.clone(),
            cloud: p.cloud,
            tenant: p.tenant.clone(),
            client_id: p.client_id.clone(),
            mailboxes: p.mailboxes.clone(),
            probe_mailbox: None,
            login_url: p.login_url.clone(),
            graph_url: p.graph_url.clone(),
            profile: Some(p.name.clone()),
        }
    }
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
pub(super) struct PersistedState {
    pub(super) version: u32,
    pub(super) step: Step,
    pub(super) furthest: Step,
    pub(super) origin: Option<Origin>,
    pub(super) draft: Draft,
    pub(super) demo: Option<DemoState>,
    pub(super) live: Option<LiveResult>,
    pub(super) reminders: Reminders,
    /// The UI's language (`en`, `de`), for texts the app shows outside its window (reminders).
    #[serde(default)]
    pub(super) lang: Option<String>,
    /// The Genesys Cloud form (never the secret).
    #[serde(default)]
    pub(super) genesys: GenesysDraft,
    /// The last restart of the Genesys integration.
    #[serde(default)]
    pub(super) genesys_restart: Option<RestartRecord>,
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

pub(super) fn load_state(path: &Path) -> PersistedState {
    let Ok(text) = std::fs::read_to_string(path) else {
        return PersistedState::default();
    };
    match serde_json::from_str::<PersistedState>(&text) {
        Ok(s) if s.version == STATE_VERSION => s,
        // Damaged, or from another version: start afresh (the file only saves typing).
        _ => PersistedState::default(),
    }
}
