//! Named Genesys Cloud scenarios: each one describes how the emulated organization, its
//! Microsoft Graph email integration, inbound domain, routes and queue are set up, so the client's
//! Genesys-side checks can be exercised against every known failure.

use std::fmt;
use std::str::FromStr;

/// One named situation of a Genesys Cloud organization and its Microsoft Graph email integration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GenesysScenario {
    /// The integration is active, the domain is linked to it, routes reach a staffed queue.
    #[default]
    Healthy,
    /// The OAuth client secret handed to the person is not the one Genesys Cloud knows.
    WrongOauthSecret,
    /// The integration is enabled but reports an error: its Azure client secret expired.
    IntegrationError,
    /// The integration is disabled and inactive.
    IntegrationInactive,
    /// The integration's credential carries the client ID of another Azure app.
    OtherApp,
    /// The inbound domain is linked to the integration, but Graph refused its subscription.
    DomainError,
    /// No inbound domain is linked to the Graph integration.
    NoDomain,
    /// The support route has neither a queue nor a flow.
    RouteWithoutQueue,
    /// Every member of the support queue is off queue.
    NobodyOnQueue,
    /// Multiple route destinations on inbound email are switched off.
    MultiDestinationOff,
    /// The OAuth client's role lacks `routing:email:manage`, so the domain listing is refused.
    MissingPermission,
    /// The first API requests are answered 429 Too Many Requests.
    Throttled,
    /// Healthy until the integration is enabled again, which then ends in an error.
    RestartError,
    /// The OAuth client's role lacks `analytics:conversationDetail:view`, so the conversation
    /// details query is refused.
    NoAnalyticsPermission,
    /// The OAuth client's role lacks `conversation:communication:disconnect`, so disconnecting an
    /// email conversation is refused.
    NoDisconnectPermission,
    /// The OAuth client's role lacks `integrations:integration:edit`, so updating the
    /// integration's credential is refused.
    CredentialForbidden,
    /// The first update of the integration's credential is refused with 409 (someone else changed
    /// it meanwhile); later updates succeed.
    CredentialConflict,
}

impl GenesysScenario {
    /// Every scenario, in the order they are listed to people.
    pub const ALL: [GenesysScenario; 17] = [
        GenesysScenario::Healthy,
        GenesysScenario::WrongOauthSecret,
        GenesysScenario::IntegrationError,
        GenesysScenario::IntegrationInactive,
        GenesysScenario::OtherApp,
        GenesysScenario::DomainError,
        GenesysScenario::NoDomain,
        GenesysScenario::RouteWithoutQueue,
        GenesysScenario::NobodyOnQueue,
        GenesysScenario::MultiDestinationOff,
        GenesysScenario::MissingPermission,
        GenesysScenario::Throttled,
        GenesysScenario::RestartError,
        GenesysScenario::NoAnalyticsPermission,
        GenesysScenario::NoDisconnectPermission,
        GenesysScenario::CredentialForbidden,
        GenesysScenario::CredentialConflict,
    ];

    /// The kebab-case name used on the command line and in [`FromStr`].
    pub fn name(self) -> &'static str {
        match self {
            GenesysScenario::Healthy => "healthy",
            GenesysScenario::WrongOauthSecret => "wrong-oauth-secret",
            GenesysScenario::IntegrationError => "integration-error",
            GenesysScenario::IntegrationInactive => "integration-inactive",
            GenesysScenario::OtherApp => "other-app",
            GenesysScenario::DomainError => "domain-error",
            GenesysScenario::NoDomain => "no-domain",
            GenesysScenario::RouteWithoutQueue => "route-without-queue",
            GenesysScenario::NobodyOnQueue => "nobody-on-queue",
            GenesysScenario::MultiDestinationOff => "multi-destination-off",
            GenesysScenario::MissingPermission => "missing-permission",
            GenesysScenario::Throttled => "throttled",
            GenesysScenario::RestartError => "restart-error",
            GenesysScenario::NoAnalyticsPermission => "no-analytics-permission",
            GenesysScenario::NoDisconnectPermission => "no-disconnect-permission",
            GenesysScenario::CredentialForbidden => "credential-forbidden",
            GenesysScenario::CredentialConflict => "credential-conflict",
        }
    }

    /// One English sentence saying what the scenario sets up.
    pub fn describe(self) -> &'static str {
        match self {
            GenesysScenario::Healthy => {
                "The Microsoft Graph email integration is active, its domain is linked and its routes reach a staffed queue."
            }
            GenesysScenario::WrongOauthSecret => {
                "The organization is healthy, but the OAuth client secret handed out is not the one Genesys Cloud knows."
            }
            GenesysScenario::IntegrationError => {
                "The integration is enabled but reports an error: the Azure app's client secret has expired."
            }
            GenesysScenario::IntegrationInactive => {
                "The integration is disabled and reports Inactive, so no mail is read."
            }
            GenesysScenario::OtherApp => {
                "The integration's credential carries the client ID of a different Azure app registration."
            }
            GenesysScenario::DomainError => {
                "The inbound domain is linked to the integration, but Microsoft Graph refused its change notification subscription."
            }
            GenesysScenario::NoDomain => {
                "No inbound email domain is linked to the Microsoft Graph integration."
            }
            GenesysScenario::RouteWithoutQueue => {
                "The support route has neither a queue nor a flow, so its mail goes nowhere."
            }
            GenesysScenario::NobodyOnQueue => {
                "Every member of the support queue is off queue, so mail waits unanswered."
            }
            GenesysScenario::MultiDestinationOff => {
                "Multiple route destinations on inbound email are switched off in the email settings."
            }
            GenesysScenario::MissingPermission => {
                "The OAuth client lacks routing:email:manage, so listing the inbound domains answers 403."
            }
            GenesysScenario::Throttled => {
                "The organization is healthy, but the first API requests answer 429 with a Retry-After header."
            }
            GenesysScenario::RestartError => {
                "The organization is healthy until the integration is enabled again, which then ends in an error."
            }
            GenesysScenario::NoAnalyticsPermission => {
                "The OAuth client lacks analytics:conversationDetail:view, so the conversation details query answers 403."
            }
            GenesysScenario::NoDisconnectPermission => {
                "The OAuth client lacks conversation:communication:disconnect, so disconnecting an email conversation answers 403."
            }
            GenesysScenario::CredentialForbidden => {
                "The OAuth client lacks integrations:integration:edit, so updating the integration's credential answers 403."
            }
            GenesysScenario::CredentialConflict => {
                "The first update of the integration's credential answers 409 because it changed meanwhile; later updates succeed."
            }
        }
    }
}

impl fmt::Display for GenesysScenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A Genesys scenario name that is not one of [`GenesysScenario::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownGenesysScenario(pub String);

impl fmt::Display for UnknownGenesysScenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown Genesys scenario '{}'; valid scenarios are: ",
            self.0
        )?;
        let names: Vec<&str> = GenesysScenario::ALL.iter().map(|s| s.name()).collect();
        f.write_str(&names.join(", "))
    }
}

impl std::error::Error for UnknownGenesysScenario {}

impl FromStr for GenesysScenario {
    type Err = UnknownGenesysScenario;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        GenesysScenario::ALL
            .iter()
            .copied()
            .find(|sc| sc.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownGenesysScenario(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in GenesysScenario::ALL {
            assert_eq!(s.name().parse::<GenesysScenario>(), Ok(s));
            assert_eq!(s.to_string(), s.name());
            assert!(s.describe().ends_with('.'));
        }
    }

    #[test]
    fn unknown_name_lists_valid_ones() {
        let text = "nope".parse::<GenesysScenario>().unwrap_err().to_string();
        assert!(text.contains("'nope'"), "{text}");
        assert!(text.contains("healthy, wrong-oauth-secret") && text.contains("restart-error"));
        assert!(text.contains("no-disconnect-permission"));
        assert!(text.contains("credential-forbidden, credential-conflict"));
    }
}
