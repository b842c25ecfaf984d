//! Named scenarios: each one describes how a tenant, its app registration and the credentials
//! handed to a person are set up, so the client can be exercised against every known failure.

use std::fmt;
use std::str::FromStr;

/// One named situation of an Entra tenant and its Genesys Cloud email app registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scenario {
    /// Everything is registered and consented as Genesys Cloud needs it. As in every real tenant,
    /// the app's own token may not read its permission grants (that needs Directory.Read.All), so
    /// User.Read's consent is proved only by an administrator's sign-in.
    Healthy,
    /// The credentials carry a secret value that is not registered on the app.
    WrongSecret,
    /// The credentials carry the secret's ID (a GUID) instead of its value.
    SecretIdPasted,
    /// The app's only secret has expired.
    ExpiredSecret,
    /// The credentials carry a client ID that is not registered in the tenant.
    UnknownApp,
    /// The credentials carry a tenant the directory does not know.
    UnknownTenant,
    /// The app registration is disabled.
    AppDisabled,
    /// The permissions are requested but no admin consented to them.
    NoAdminConsent,
    /// User.Read.All was added as an application permission instead of delegated User.Read.
    UserReadAsApplication,
    /// Mail.Send was added as a delegated permission instead of an application one.
    MailSendDelegated,
    /// The delegated User.Read permission has no admin consent.
    UserReadNotConsented,
    /// Healthy, and the app also holds Directory.Read.All (Application), so its own token reads its
    /// permission grants: the rare tenant where every check is settled without an administrator.
    DirectoryReads,
    /// Graph answers the first requests with 429 Too Many Requests.
    Throttled,
    /// An application access policy (RBAC for Applications) limits the app to `support@`.
    RbacScoped,
    /// sendMail is accepted but the mail is never delivered.
    MailLost,
    /// The first sendMail calls answer 429 Too Many Requests before mail is accepted.
    SendThrottled,
    /// Healthy, and the tenant's app management policy lets new client secrets live at most
    /// [`POLICY_MAX_DAYS`] days (a new app's secret and a rotated one are capped).
    PolicyMaxLifetime,
    /// Healthy, and the tenant's app management policy blocks new client secrets (a setup stops
    /// before creating anything; a rotation cannot add its secret).
    PolicyPasswordsBlocked,
}

/// The maximum secret lifetime of [`Scenario::PolicyMaxLifetime`], in days.
pub const POLICY_MAX_DAYS: u32 = 90;

impl Scenario {
    /// Every scenario, in the order they are listed to people.
    pub const ALL: [Scenario; 18] = [
        Scenario::Healthy,
        Scenario::WrongSecret,
        Scenario::SecretIdPasted,
        Scenario::ExpiredSecret,
        Scenario::UnknownApp,
        Scenario::UnknownTenant,
        Scenario::AppDisabled,
        Scenario::NoAdminConsent,
        Scenario::UserReadAsApplication,
        Scenario::MailSendDelegated,
        Scenario::UserReadNotConsented,
        Scenario::DirectoryReads,
        Scenario::Throttled,
        Scenario::RbacScoped,
        Scenario::MailLost,
        Scenario::SendThrottled,
        Scenario::PolicyMaxLifetime,
        Scenario::PolicyPasswordsBlocked,
    ];

    /// The kebab-case name used on the command line and in [`FromStr`].
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Healthy => "healthy",
            Scenario::WrongSecret => "wrong-secret",
            Scenario::SecretIdPasted => "secret-id-pasted",
            Scenario::ExpiredSecret => "expired-secret",
            Scenario::UnknownApp => "unknown-app",
            Scenario::UnknownTenant => "unknown-tenant",
            Scenario::AppDisabled => "app-disabled",
            Scenario::NoAdminConsent => "no-admin-consent",
            Scenario::UserReadAsApplication => "user-read-as-application",
            Scenario::MailSendDelegated => "mail-send-delegated",
            Scenario::UserReadNotConsented => "user-read-not-consented",
            Scenario::DirectoryReads => "directory-reads",
            Scenario::Throttled => "throttled",
            Scenario::RbacScoped => "rbac-scoped",
            Scenario::MailLost => "mail-lost",
            Scenario::SendThrottled => "send-throttled",
            Scenario::PolicyMaxLifetime => "policy-max-lifetime",
            Scenario::PolicyPasswordsBlocked => "policy-passwords-blocked",
        }
    }

    /// One English sentence saying what the scenario sets up.
    pub fn description(self) -> &'static str {
        match self {
            Scenario::Healthy => {
                "The app has Mail.ReadWrite and Mail.Send application permissions and delegated User.Read, all with admin consent; as in every real tenant, its own token cannot read its permission grants, so User.Read is proved by an administrator's sign-in."
            }
            Scenario::WrongSecret => {
                "The tenant is healthy, but the secret handed out is not one registered on the app."
            }
            Scenario::SecretIdPasted => {
                "The tenant is healthy, but the secret handed out is the secret's ID instead of its value."
            }
            Scenario::ExpiredSecret => "The app's only client secret expired ten days ago.",
            Scenario::UnknownApp => "The client ID handed out is not registered in the tenant.",
            Scenario::UnknownTenant => "The tenant handed out does not exist in the directory.",
            Scenario::AppDisabled => "The app registration exists but is disabled, so no token is issued.",
            Scenario::NoAdminConsent => {
                "The permissions are requested but no admin consented, so the token carries no roles."
            }
            Scenario::UserReadAsApplication => {
                "User.Read.All was added as an application permission instead of User.Read as a delegated one."
            }
            Scenario::MailSendDelegated => {
                "Mail.Send was added as a delegated permission instead of an application permission."
            }
            Scenario::UserReadNotConsented => {
                "Everything is healthy except that delegated User.Read has no admin consent."
            }
            Scenario::DirectoryReads => {
                "The tenant is healthy and the app also holds Directory.Read.All, so its own token reads its permission grants and every check settles without an administrator."
            }
            Scenario::Throttled => {
                "The tenant is healthy, but Graph answers the first requests with 429 and a Retry-After header."
            }
            Scenario::RbacScoped => {
                "The tenant is healthy, but an application access policy limits the app to the support mailbox, so every other mailbox answers Access to OData is disabled."
            }
            Scenario::MailLost => {
                "The tenant is healthy, but sendMail is accepted with 202 and the mail is never delivered."
            }
            Scenario::SendThrottled => {
                "The tenant is healthy, but the first sendMail calls answer 429 with a Retry-After header before mail is accepted."
            }
            Scenario::PolicyMaxLifetime => {
                "The tenant is healthy, but its app management policy lets new client secrets live at most 90 days."
            }
            Scenario::PolicyPasswordsBlocked => {
                "The tenant is healthy, but its app management policy blocks new client secrets."
            }
        }
    }

    /// The tenant's app management policy this scenario sets, if any.
    pub fn app_policy(self) -> Option<crate::AppPolicy> {
        match self {
            Scenario::PolicyMaxLifetime => Some(crate::AppPolicy::MaxLifetime(POLICY_MAX_DAYS)),
            Scenario::PolicyPasswordsBlocked => Some(crate::AppPolicy::PasswordsBlocked),
            _ => None,
        }
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A scenario name that is not one of [`Scenario::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownScenario(pub String);

impl fmt::Display for UnknownScenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown scenario '{}'; valid scenarios are: ", self.0)?;
        for (i, s) in Scenario::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(s.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownScenario {}

impl FromStr for Scenario {
    type Err = UnknownScenario;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Scenario::ALL
            .iter()
            .copied()
            .find(|sc| sc.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownScenario(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Scenario::ALL {
            assert_eq!(s.name().parse::<Scenario>(), Ok(s));
            assert!(s.description().ends_with('.'));
        }
    }

    #[test]
    fn unknown_name_lists_valid_ones() {
        let err = "nope".parse::<Scenario>().unwrap_err();
        let text = err.to_string();
        assert!(text.contains("nope"));
        assert!(text.contains("healthy") && text.contains("throttled"));
    }
}
