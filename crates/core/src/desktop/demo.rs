//! The demo tenant: what the shell's emulator hands over, starting and resuming the demo (its
//! profile and secret in memory only, its endpoints loopback only).

use super::*;
use crate::integration::Target;
use crate::microsoft::cloud::{is_loopback_host, Cloud, Endpoints};
use crate::secret::ClientSecret;
use crate::store::profiles::Profile;
use serde::{Deserialize, Serialize};

/// A demo mailbox the emulator serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoMailbox {
    /// Address.
    pub address: String,
    /// `healthy`, `unlicensed` or `policy-blocked`.
    pub kind: String,
}

/// What the shell's emulator hands over for the demo.
#[derive(Debug)]
pub struct DemoTenant {
    /// Scenario name.
    pub scenario: String,
    /// The emulator's base URL (login and Graph); must be loopback.
    pub base_url: String,
    /// Directory (tenant) ID handed out.
    pub tenant_id: String,
    /// Application (client) ID handed out.
    pub client_id: String,
    /// The secret handed out (may be the Secret ID in a failure scenario).
    pub secret: ClientSecret,
    /// The tenant's mailboxes.
    pub mailboxes: Vec<DemoMailbox>,
    /// The demo's Genesys Cloud organization, when the shell runs one.
    pub genesys: Option<DemoGenesys>,
}

impl Desktop {
    /// Starts the demo with a freshly started emulator: the Azure app step opens with the demo
    /// tenant's values filled in. The demo secret stays in memory.
    pub fn start_demo(&self, demo: DemoTenant) -> Result<View, DesktopError> {
        let endpoints = demo_endpoints(&demo.base_url)?;
        let mut s = self.lock();
        // Keep the mailboxes the admin picked when only the scenario changes.
        let mailboxes = match (&s.state.demo, s.is_demo()) {
            (Some(_), true) => s.state.draft.mailboxes.clone(),
            _ => demo
                .mailboxes
                .iter()
                .find(|m| m.kind == "healthy")
                .map(|m| vec![m.address.clone()])
                .unwrap_or_default(),
        };
        let reminders = s.state.reminders.clone();
        let kept_genesys = match (&s.state.demo, s.is_demo()) {
            (Some(d), true) => d.profile.genesys.clone(),
            _ => None,
        };
        s.reset(Some(Origin::Demo));
        s.state.reminders = reminders;
        let tenant = demo.tenant_id.to_ascii_lowercase();
        let client_id = demo.client_id.to_ascii_lowercase();
        s.state.draft = Draft {
            name: DEMO_PROFILE_NAME.to_string(),
            cloud: endpoints.cloud,
            tenant: tenant.clone(),
            client_id: client_id.clone(),
            mailboxes: mailboxes.clone(),
            probe_mailbox: None,
            login_url: Some(endpoints.login_base().to_string()),
            graph_url: Some(endpoints.graph_base().to_string()),
            profile: None,
        };
        s.state.demo = Some(DemoState {
            scenario: demo.scenario.clone(),
            profile: Profile {
                tenant_id: None,
                secret_hint: Some(demo.secret.hint()),
                ..Target {
                    tenant,
                    client_id,
                    endpoints,
                    warnings: Vec::new(),
                    login_overridden: true,
                    graph_overridden: true,
                }
                .profile(DEMO_PROFILE_NAME, mailboxes)
            },
            confirmed: false,
            genesys_scenario: None,
        });
        s.demo_secret = Some(demo.secret);
        s.demo_base_url = Some(demo.base_url);
        s.demo_mailboxes = demo.mailboxes;
        s.adopt_demo_genesys(demo.genesys, kept_genesys);
        s.forget_demo_rotation();
        s.forget_demo_setup();
        s.state.step = Step::AzureApp;
        s.state.furthest = Step::AzureApp;
        s.persist();
        Ok(s.view())
    }

    /// After the app was restarted in demo mode: points the demo profile at the new emulator and
    /// holds its secret again, keeping the step and results.
    pub fn resume_demo(&self, demo: DemoTenant) -> Result<View, DesktopError> {
        let endpoints = demo_endpoints(&demo.base_url)?;
        let mut s = self.lock();
        if !s.is_demo() {
            drop(s);
            return self.start_demo(demo);
        }
        let login = endpoints.login_base().to_string();
        let graph = endpoints.graph_base().to_string();
        if let Some(d) = s.state.demo.as_mut() {
            d.profile.login_url = Some(login.clone());
            d.profile.graph_url = Some(graph.clone());
        }
        s.state.draft.login_url = Some(login);
        s.state.draft.graph_url = Some(graph);
        s.demo_secret = Some(demo.secret);
        s.demo_base_url = Some(demo.base_url);
        s.demo_mailboxes = demo.mailboxes;
        s.forget_demo_rotation();
        s.forget_demo_setup();
        let kept = s
            .state
            .demo
            .as_ref()
            .and_then(|d| d.profile.genesys.clone());
        s.adopt_demo_genesys(demo.genesys, kept);
        s.generation += 1;
        s.persist();
        Ok(s.view())
    }
}

pub(super) fn demo_endpoints(base_url: &str) -> Result<Endpoints, DesktopError> {
    let endpoints =
        Endpoints::new(Cloud::Global, Some(base_url), Some(base_url)).map_err(endpoint_error)?;
    let loopback = |u: &str| {
        url::Url::parse(u)
            .ok()
            .is_some_and(|u| is_loopback_host(&u))
    };
    if !loopback(endpoints.login_base()) || !loopback(endpoints.graph_base()) {
        return Err(DesktopError::plain(
            "demo_not_loopback",
            "app-error-demo-not-loopback",
        ));
    }
    Ok(endpoints)
}
