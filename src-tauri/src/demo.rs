//! The demo tenant: the Entra ID / Microsoft Graph emulator running in-process on a loopback
//! port, handed to the core as a [`DemoTenant`].
//!
//! The emulator only ever listens on 127.0.0.1, and the demo profile's endpoints are its URL, so
//! nothing leaves the machine in demo mode. The demo secret is held in memory by the core; it is
//! not written to the keychain or the profiles file.

use graphwiz_core::desktop::{DemoMailbox, DemoTenant, Desktop, DesktopError};
use graphwiz_core::ClientSecret;
use graphwiz_emulator::{Emulator, MailboxBehaviour, Options, Scenario};
use serde::Serialize;
use std::str::FromStr;
use std::sync::Mutex;

/// The running emulator, if any. Replacing it stops the old one.
#[derive(Default)]
pub struct DemoServer(Mutex<Option<Emulator>>);

impl DemoServer {
    fn replace(&self, emulator: Option<Emulator>) {
        let mut slot = self.0.lock().unwrap_or_else(|p| p.into_inner());
        // Dropping the previous emulator stops it.
        *slot = emulator;
    }
}

/// One scenario for the picker.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioInfo {
    /// Kebab-case name, e.g. `no-admin-consent`.
    pub name: &'static str,
    /// The emulator's English description (the UI prefers its own catalog text).
    pub description: &'static str,
}

/// Every scenario, in the emulator's order.
pub fn scenarios() -> Vec<ScenarioInfo> {
    Scenario::ALL
        .iter()
        .map(|s| ScenarioInfo {
            name: s.name(),
            description: s.description(),
        })
        .collect()
}

/// Parses a scenario name from the UI.
pub fn parse_scenario(name: Option<&str>) -> Result<Scenario, DesktopError> {
    match name {
        None => Ok(Scenario::Healthy),
        Some(n) => Scenario::from_str(n).map_err(|e| DesktopError::new("invalid", e.to_string())),
    }
}

/// Starts an emulator with `scenario` (replacing a running one) and describes its tenant.
pub fn start(server: &DemoServer, scenario: Scenario) -> Result<DemoTenant, DesktopError> {
    let emulator = Emulator::spawn_thread(Options::scenario(scenario)).map_err(|e| {
        DesktopError::new(
            "demo_start",
            format!("The demo tenant could not be started on 127.0.0.1: {e}"),
        )
    })?;
    let creds = emulator.demo();
    let tenant = DemoTenant {
        scenario: scenario.name().to_string(),
        base_url: emulator.base_url(),
        tenant_id: creds.tenant_id.clone(),
        client_id: creds.client_id.clone(),
        secret: ClientSecret::new(creds.client_secret),
        mailboxes: emulator
            .mailbox_addresses(0)
            .into_iter()
            .map(|(address, b)| DemoMailbox {
                address,
                kind: match b {
                    MailboxBehaviour::Healthy => "healthy",
                    MailboxBehaviour::Unlicensed => "unlicensed",
                    MailboxBehaviour::PolicyBlocked => "policy-blocked",
                }
                .to_string(),
            })
            .collect(),
    };
    server.replace(Some(emulator));
    log::info!(
        "demo tenant started (scenario {}) on {}",
        tenant.scenario,
        tenant.base_url
    );
    Ok(tenant)
}

/// Stops the demo's emulator, if one runs.
pub fn stop(server: &DemoServer) {
    server.replace(None);
}

/// The command-line switch that opens the app on the demo tenant (`scripts/run-demo.sh`).
pub const DEMO_FLAG: &str = "--demo";

/// At start-up: resumes a demo the app was closed in, or starts the demo when the app was
/// launched with [`DEMO_FLAG`] (and no demo is running yet).
pub fn on_launch(server: &DemoServer, desktop: &Desktop, args: impl IntoIterator<Item = String>) {
    if desktop.demo_to_resume().is_some() {
        resume(server, desktop);
        return;
    }
    if args.into_iter().skip(1).any(|a| a == DEMO_FLAG) {
        let started = start(server, Scenario::Healthy).and_then(|t| desktop.start_demo(t));
        if let Err(e) = started {
            log::warn!("the demo could not be started: {e}");
        }
    }
}

/// After a restart in demo mode: starts the emulator again with the scenario of before.
pub fn resume(server: &DemoServer, desktop: &Desktop) {
    let Some(name) = desktop.demo_to_resume() else {
        return;
    };
    let resumed = parse_scenario(Some(&name))
        .and_then(|s| start(server, s))
        .and_then(|t| desktop.resume_demo(t));
    if let Err(e) = resumed {
        log::warn!("the demo could not be resumed: {e}");
        desktop.restart();
    }
}
