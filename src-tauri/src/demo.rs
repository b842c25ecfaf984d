//! The demo tenant: the Entra ID / Microsoft Graph emulator and, next to it, the Genesys Cloud
//! emulator (configured with the Entra demo tenant's tenant, app and domain) running in-process
//! on loopback ports, handed to the core as a [`DemoTenant`] with its [`DemoGenesys`].
//!
//! The emulator only ever listens on 127.0.0.1, and the demo profile's endpoints are its URL, so
//! nothing leaves the machine in demo mode. The demo secret is held in memory by the core; it is
//! not written to the keychain or the profiles file.

use graphwiz_core::desktop::{DemoGenesys, DemoMailbox, DemoTenant, Desktop, DesktopError};
use graphwiz_core::i18n::args;
use graphwiz_core::ClientSecret;
use graphwiz_emulator::{
    connect_pickup, Emulator, GenesysEmulator, GenesysOptions, GenesysScenario, MailboxBehaviour,
    Options, Pickup, PickupMode, Scenario,
};
use serde::Serialize;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

/// How long the demo's simulated Genesys Cloud takes to fetch a new mail (the pickup test).
pub const DEMO_PICKUP_DELAY: Duration = Duration::from_secs(2);

/// The demo's simulated Genesys Cloud consumer: it fetches new mail of `support@` and `sales@`
/// the demo domain (marks it read) and reports it to the Genesys emulator, which creates the
/// interaction the pickup test looks for.
fn demo_pickup() -> Pickup {
    let domain = graphwiz_emulator::model::demo::TENANT_DOMAIN;
    Pickup::new(
        [format!("support@{domain}"), format!("sales@{domain}")],
        DEMO_PICKUP_DELAY,
        PickupMode::Fetch,
    )
}

/// The running emulators, if any. Replacing one stops the old one. The Genesys emulator gets
/// the mail the Entra emulator's simulated consumer fetches ([`connect_pickup`]).
#[derive(Default)]
pub struct DemoServer {
    entra: Mutex<Option<Emulator>>,
    genesys: Mutex<Option<GenesysEmulator>>,
}

impl DemoServer {
    fn replace(&self, emulator: Option<Emulator>) {
        let mut slot = self.entra.lock().unwrap_or_else(|p| p.into_inner());
        // Dropping the previous emulator stops it.
        *slot = emulator;
    }

    fn replace_genesys(&self, emulator: Option<GenesysEmulator>) {
        let mut slot = self.genesys.lock().unwrap_or_else(|p| p.into_inner());
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

/// Every Genesys Cloud scenario, in the emulator's order.
pub fn genesys_scenarios() -> Vec<ScenarioInfo> {
    GenesysScenario::ALL
        .iter()
        .map(|s| ScenarioInfo {
            name: s.name(),
            description: s.describe(),
        })
        .collect()
}

/// A scenario name the emulator does not know.
fn unknown_scenario(name: &str, known: Vec<&str>) -> DesktopError {
    DesktopError::new(
        "invalid",
        "app-error-unknown-scenario",
        args([("scenario", name.to_string()), ("known", known.join(", "))]),
    )
}

/// Parses a Genesys scenario name from the UI (or the state file).
pub fn parse_genesys_scenario(name: Option<&str>) -> Result<GenesysScenario, DesktopError> {
    match name {
        None => Ok(GenesysScenario::Healthy),
        Some(n) => GenesysScenario::from_str(n).map_err(|_| {
            unknown_scenario(n, GenesysScenario::ALL.iter().map(|s| s.name()).collect())
        }),
    }
}

/// Starts a Genesys Cloud emulator with `scenario` whose integration uses the Entra demo
/// tenant (replacing a running one) and describes its OAuth client.
fn start_genesys_for(
    server: &DemoServer,
    scenario: GenesysScenario,
    creds: &graphwiz_emulator::DemoCredentials,
) -> Result<DemoGenesys, DesktopError> {
    let emulator = GenesysEmulator::spawn_thread(GenesysOptions {
        scenario,
        azure_tenant_id: creds.tenant_id.clone(),
        azure_client_id: creds.client_id.clone(),
        domain: creds.tenant_domain.clone(),
        ..Default::default()
    })
    .map_err(|e| DesktopError::detail("demo_start", "app-error-demo-genesys-start", e))?;
    let g = DemoGenesys {
        scenario: scenario.name().to_string(),
        base_url: emulator.base_url(),
        client_id: emulator.client_id(),
        secret: ClientSecret::new(emulator.client_secret()),
    };
    {
        let entra = server.entra.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entra) = entra.as_ref() {
            connect_pickup(entra, &emulator);
            // The integration signs in with the secret it holds: a rotation's restart proves it.
            emulator.use_secret_validator(entra.secret_validator());
        }
    }
    server.replace_genesys(Some(emulator));
    log::info!(
        "demo Genesys Cloud started (scenario {}) on {}",
        g.scenario,
        g.base_url
    );
    Ok(g)
}

/// Switches the running demo's Genesys Cloud organization to `scenario`.
pub fn start_genesys(
    server: &DemoServer,
    scenario: GenesysScenario,
) -> Result<DemoGenesys, DesktopError> {
    let creds = {
        let slot = server.entra.lock().unwrap_or_else(|p| p.into_inner());
        slot.as_ref().map(|e| e.demo())
    };
    let Some(creds) = creds else {
        return Err(DesktopError::plain(
            "demo_stopped",
            "app-error-demo-stopped",
        ));
    };
    start_genesys_for(server, scenario, &creds)
}

/// Parses a scenario name from the UI.
pub fn parse_scenario(name: Option<&str>) -> Result<Scenario, DesktopError> {
    match name {
        None => Ok(Scenario::Healthy),
        Some(n) => Scenario::from_str(n)
            .map_err(|_| unknown_scenario(n, Scenario::ALL.iter().map(|s| s.name()).collect())),
    }
}

/// Starts an emulator with `scenario` and a Genesys Cloud emulator with `genesys` (replacing
/// running ones) and describes the tenant.
pub fn start(
    server: &DemoServer,
    scenario: Scenario,
    genesys: GenesysScenario,
) -> Result<DemoTenant, DesktopError> {
    let options = Options {
        pickup: Some(demo_pickup()),
        ..Options::scenario(scenario)
    };
    let emulator = Emulator::spawn_thread(options)
        .map_err(|e| DesktopError::detail("demo_start", "app-error-demo-start", e))?;
    let creds = emulator.demo();
    let genesys = start_genesys_for(server, genesys, &creds)?;
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
        genesys: Some(genesys),
    };
    {
        let g = server.genesys.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(g) = g.as_ref() {
            connect_pickup(&emulator, g);
            g.use_secret_validator(emulator.secret_validator());
        }
    }
    server.replace(Some(emulator));
    log::info!(
        "demo tenant started (scenario {}) on {}",
        tenant.scenario,
        tenant.base_url
    );
    Ok(tenant)
}

/// Stops the demo's emulators, if they run.
pub fn stop(server: &DemoServer) {
    server.replace(None);
    server.replace_genesys(None);
}

/// Stops the demo's emulators once the wizard has left the demo (the core decides:
/// [`Desktop::demo_server_needed`]).
pub fn follow_wizard(server: &DemoServer, desktop: &Desktop) {
    if !desktop.demo_server_needed() {
        stop(server);
    }
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
        let started = start(server, Scenario::Healthy, GenesysScenario::Healthy)
            .and_then(|t| desktop.start_demo(t));
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
    let genesys = desktop.demo_genesys_scenario();
    let resumed = parse_scenario(Some(&name))
        .and_then(|s| Ok((s, parse_genesys_scenario(genesys.as_deref())?)))
        .and_then(|(s, g)| start(server, s, g))
        .and_then(|t| desktop.resume_demo(t));
    if let Err(e) = resumed {
        log::warn!("the demo could not be resumed: {e}");
        desktop.restart();
    }
}
