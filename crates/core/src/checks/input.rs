//! What a run needs ([`CheckInput`]), also made from a saved profile.

use crate::microsoft::cloud::Endpoints;
use crate::secret::ClientSecret;
use std::time::Duration;

/// What a run needs. Inputs are expected to be validated already (see [`crate::validate`]).
#[derive(Clone, Debug)]
pub struct CheckInput {
    /// Where to send requests.
    pub endpoints: Endpoints,
    /// Tenant GUID or verified domain.
    pub tenant: String,
    /// Application (client) ID.
    pub client_id: String,
    /// The client secret.
    pub secret: ClientSecret,
    /// Timeout of each request.
    pub timeout: Duration,
    /// Mailboxes to check (one `mailbox_access` check each).
    pub mailboxes: Vec<String>,
    /// A mailbox that should NOT be reachable, for the scope audit.
    pub probe_mailbox: Option<String>,
    /// Days before the secret's expiry when `secret_expiry` starts to warn.
    pub expiry_warn_days: u32,
    /// The secret's expiry as entered by hand, used when Azure does not tell.
    pub known_expiry: Option<chrono::DateTime<chrono::Utc>>,
    /// The tenant's GUID when already known (a profile's resolved tenant).
    pub azure_tenant_id: Option<String>,
    /// The Genesys Cloud half, when the profile has one: checked at the same time as Azure.
    pub genesys: Option<crate::genesys::GenesysInput>,
}

impl CheckInput {
    /// Input with defaults: 30 s timeout, no mailboxes, 30 days of expiry warning.
    pub fn new(
        endpoints: Endpoints,
        tenant: String,
        client_id: String,
        secret: ClientSecret,
    ) -> Self {
        CheckInput {
            endpoints,
            tenant,
            client_id,
            secret,
            timeout: Duration::from_secs(30),
            mailboxes: Vec::new(),
            probe_mailbox: None,
            expiry_warn_days: crate::microsoft::expiry::DEFAULT_WARN_DAYS,
            known_expiry: None,
            azure_tenant_id: None,
            genesys: None,
        }
    }
}

/// The store knows nothing of checks; what a check of a saved profile needs is made here.
impl crate::store::profiles::Profile {
    /// What a check of this profile needs, with the secret from the keychain or the caller.
    pub fn check_input(
        &self,
        secret: crate::secret::ClientSecret,
        timeout: std::time::Duration,
    ) -> Result<CheckInput, crate::microsoft::cloud::EndpointError> {
        let mut input = CheckInput::new(
            self.endpoints()?,
            self.tenant.clone(),
            self.client_id.clone(),
            secret,
        );
        input.timeout = timeout;
        input.mailboxes = self.mailboxes.clone();
        input.known_expiry = self.secret_expiry;
        input.azure_tenant_id = self.tenant_id.clone();
        Ok(input)
    }
}
