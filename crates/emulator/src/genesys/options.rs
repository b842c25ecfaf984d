//! How a Genesys Cloud emulator is set up.

use std::time::Duration;

use super::scenario::GenesysScenario;
use crate::model::demo;

/// How the Genesys Cloud emulator is set up.
#[derive(Clone, Debug)]
pub struct GenesysOptions {
    /// How the organization and its integration are set up.
    pub scenario: GenesysScenario,
    /// Azure tenant GUID the emulated Graph integration is configured with.
    pub azure_tenant_id: String,
    /// Azure app client ID the emulated Graph integration's credential carries.
    pub azure_client_id: String,
    /// The inbound email domain linked to the Graph integration (e.g. the Entra emulator's
    /// tenant domain); the routes `support` and `sales` are its mailbox local parts.
    pub domain: String,
    /// Added before answering every request (benchmarks inject a round-trip time).
    pub delay: Duration,
    /// Time each restart transition takes (`DEACTIVATING`→`INACTIVE`,
    /// `ACTIVATING`→`ACTIVE`/`ERROR`).
    pub transition: Duration,
    /// How many API requests the `Throttled` scenario answers 429 first.
    pub throttle_count: u32,
    /// The `Retry-After` header value on 429 answers, in seconds.
    pub retry_after: String,
    /// How long after a conversation starts (and after it ends) the analytics details query shows
    /// it (its end); `GET /api/v2/conversations/emails/{id}` shows changes at once.
    pub analytics_lag: Duration,
    /// The client secret the integration's credential holds at the start (the default is the
    /// demo tenant's secret). It only matters once a validator is connected
    /// ([`super::GenesysEmulator::use_secret_validator`]); `None`: no secret, so enabling then fails.
    pub initial_secret: Option<String>,
    /// The request, counted from 1 in the order requests arrive (every request this server gets,
    /// also refused ones), whose answer is held back until the emulator stops: it is fully
    /// handled (its effect is visible and it is recorded), but no answer is ever sent. `None`:
    /// every request is answered.
    pub stall_after_request: Option<u64>,
}

impl Default for GenesysOptions {
    fn default() -> Self {
        GenesysOptions {
            scenario: GenesysScenario::Healthy,
            azure_tenant_id: demo::TENANT_ID.to_string(),
            azure_client_id: demo::CLIENT_ID.to_string(),
            domain: demo::TENANT_DOMAIN.to_string(),
            delay: Duration::ZERO,
            transition: Duration::from_millis(300),
            throttle_count: 2,
            retry_after: "1".to_string(),
            analytics_lag: Duration::from_secs(1),
            initial_secret: Some(demo::SECRET_VALUE.to_string()),
            stall_after_request: None,
        }
    }
}

impl GenesysOptions {
    /// The organization `s` describes, other options at their defaults.
    pub fn scenario(s: GenesysScenario) -> Self {
        GenesysOptions {
            scenario: s,
            ..GenesysOptions::default()
        }
    }
}
