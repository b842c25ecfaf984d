//! The emulated directory: tenants, their app registrations, secrets, requested permissions and
//! consents, mailboxes and administrator, and how each scenario builds one tenant plus the
//! credentials a person should use.

use std::fmt;

use chrono::{DateTime, Duration, Utc};

use crate::mailbox::{Mailbox, MailboxBehaviour};
use crate::scenario::Scenario;

/// The appId of the Microsoft Graph resource.
pub const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";

/// Well-known Microsoft Graph permission ids.
pub mod perm {
    /// Mail.ReadWrite, application permission (app role).
    pub const MAIL_READWRITE_ROLE: &str = "e2a3a72e-5f79-4c64-b1b1-878b674786c9";
    /// Mail.Send, application permission (app role).
    pub const MAIL_SEND_ROLE: &str = "b633e1c5-b582-4048-a93e-9f11b44c7e96";
    /// User.Read, delegated permission (scope).
    pub const USER_READ_SCOPE: &str = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";
    /// User.Read.All, application permission (app role).
    pub const USER_READ_ALL_ROLE: &str = "df021288-bdef-4463-88db-98f22de89214";
    /// Mail.Send, delegated permission (scope).
    pub const MAIL_SEND_SCOPE: &str = "e383f46e-2787-4529-855e-0e479a3ffac0";
    /// Mail.ReadWrite, delegated permission (scope).
    pub const MAIL_READWRITE_SCOPE: &str = "024d486e-b451-40bb-833d-3e66d98c5c73";
    /// Directory.Read.All, application permission (app role): the least-privileged application
    /// permission for listing oauth2PermissionGrants and reading app role assignments.
    pub const DIRECTORY_READ_ALL_ROLE: &str = "7ab1d382-f21e-4acd-a863-ba3e13f7da61";
}

/// Whether a permission is an application permission (app role) or a delegated one (scope).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    /// Application permission; Graph calls it `Role`.
    Role,
    /// Delegated permission; Graph calls it `Scope`.
    Scope,
}

impl AccessKind {
    /// The wire value: `"Role"` or `"Scope"`.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessKind::Role => "Role",
            AccessKind::Scope => "Scope",
        }
    }
}

/// A Microsoft Graph permission the emulator knows by id.
#[derive(Clone, Copy, Debug)]
pub struct Permission {
    /// The permission's id (app role id or scope id).
    pub id: &'static str,
    /// Its name, e.g. `Mail.Send`.
    pub name: &'static str,
    /// Application or delegated.
    pub kind: AccessKind,
}

/// The Microsoft Graph permissions the emulator knows.
pub const GRAPH_PERMISSIONS: &[Permission] = &[
    Permission {
        id: perm::MAIL_READWRITE_ROLE,
        name: "Mail.ReadWrite",
        kind: AccessKind::Role,
    },
    Permission {
        id: perm::MAIL_SEND_ROLE,
        name: "Mail.Send",
        kind: AccessKind::Role,
    },
    Permission {
        id: perm::USER_READ_ALL_ROLE,
        name: "User.Read.All",
        kind: AccessKind::Role,
    },
    Permission {
        id: perm::DIRECTORY_READ_ALL_ROLE,
        name: "Directory.Read.All",
        kind: AccessKind::Role,
    },
    Permission {
        id: perm::USER_READ_SCOPE,
        name: "User.Read",
        kind: AccessKind::Scope,
    },
    Permission {
        id: perm::MAIL_SEND_SCOPE,
        name: "Mail.Send",
        kind: AccessKind::Scope,
    },
    Permission {
        id: perm::MAIL_READWRITE_SCOPE,
        name: "Mail.ReadWrite",
        kind: AccessKind::Scope,
    },
];

/// The name of a Microsoft Graph application permission (app role) by id.
pub fn app_role_name(id: &str) -> Option<&'static str> {
    GRAPH_PERMISSIONS
        .iter()
        .find(|p| p.kind == AccessKind::Role && p.id.eq_ignore_ascii_case(id))
        .map(|p| p.name)
}

/// One permission an app registration requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceAccess {
    /// The resource's appId (Microsoft Graph: [`GRAPH_APP_ID`]).
    pub resource_app_id: String,
    /// The app role or scope id.
    pub id: String,
    /// Role (application) or Scope (delegated).
    pub kind: AccessKind,
}

impl ResourceAccess {
    /// A Microsoft Graph permission request.
    pub fn graph(id: &str, kind: AccessKind) -> Self {
        ResourceAccess {
            resource_app_id: GRAPH_APP_ID.to_string(),
            id: id.to_string(),
            kind,
        }
    }
}

/// A client secret registered on an app.
#[derive(Clone)]
pub struct Secret {
    /// The secret's ID (what the portal calls "Secret ID").
    pub key_id: String,
    /// The description given when the secret was added.
    pub display_name: String,
    /// The secret text itself.
    pub value: String,
    /// The first three characters of the value.
    pub hint: String,
    /// When the secret became valid.
    pub start: DateTime<Utc>,
    /// When the secret expires.
    pub end: DateTime<Utc>,
}

impl Secret {
    /// A secret whose hint is derived from its value.
    pub fn new(
        key_id: &str,
        display_name: &str,
        value: &str,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Self {
        Secret {
            key_id: key_id.to_string(),
            display_name: display_name.to_string(),
            value: value.to_string(),
            hint: value.chars().take(3).collect(),
            start,
            end,
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secret")
            .field("key_id", &self.key_id)
            .field("display_name", &self.display_name)
            .field("value", &"<redacted>")
            .field("hint", &self.hint)
            .field("start", &self.start)
            .field("end", &self.end)
            .finish()
    }
}

/// An app registration together with its service principal in the same tenant.
#[derive(Clone, Debug)]
pub struct App {
    /// The client ID.
    pub app_id: String,
    /// The application object's id.
    pub object_id: String,
    /// The service principal's object id.
    pub sp_id: String,
    /// The app's display name.
    pub display_name: String,
    /// Whether sign-in is enabled.
    pub enabled: bool,
    /// When the registration was created (also used as the consent time).
    pub created: DateTime<Utc>,
    /// What the registration requests.
    pub required_resource_access: Vec<ResourceAccess>,
    /// Registered client secrets.
    pub password_credentials: Vec<Secret>,
    /// App role ids granted with admin consent (appRoleAssignments).
    pub consented_app_roles: Vec<String>,
    /// Scope string of the AllPrincipals oauth2PermissionGrant; `None` when there is no grant.
    pub delegated_grant_scopes: Option<String>,
    /// Whether the app's own token may read its grants and app role assignments: only when it
    /// holds Directory.Read.All (Application) with admin consent, as in Entra ID. A Genesys Cloud
    /// email app normally does not, so its own token cannot see whether User.Read is consented.
    pub grants_readable: bool,
    /// Whether the app's own token may read its application object
    /// ([`crate::Options::own_registration_readable`]).
    pub reads_own_registration: bool,
    /// Mailboxes an application access policy (RBAC for Applications) limits the app to, lower
    /// case; `None` when the app may reach every mailbox of the tenant.
    pub mailbox_scope: Option<Vec<String>>,
    /// Whether the app has its service principal in the tenant (an app created through Graph
    /// has none until `POST /servicePrincipals`; `sp_id` is then the id it will get).
    pub has_service_principal: bool,
    /// Who may sign in (`signInAudience`), e.g. `AzureADMyOrg`.
    pub sign_in_audience: String,
    /// The web platform's redirect URIs.
    pub redirect_uris: Vec<String>,
    /// The registration's tags.
    pub tags: Vec<String>,
}

impl App {
    /// Requests and consents Directory.Read.All (Application): the app's own token then reads
    /// its permission grants and app role assignments, as in Entra ID.
    pub fn grant_directory_reads(&mut self) {
        if !self
            .consented_app_roles
            .iter()
            .any(|r| r.eq_ignore_ascii_case(perm::DIRECTORY_READ_ALL_ROLE))
        {
            self.required_resource_access.push(ResourceAccess::graph(
                perm::DIRECTORY_READ_ALL_ROLE,
                AccessKind::Role,
            ));
            self.consented_app_roles
                .push(perm::DIRECTORY_READ_ALL_ROLE.to_string());
        }
        self.grants_readable = true;
    }
}

/// The tenant's administrator, who signs in interactively and may grant admin consent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminUser {
    /// `admin@{domain}`.
    pub upn: String,
    /// The user's object id (GUID).
    pub object_id: String,
    /// The user's display name.
    pub display_name: String,
}

/// One Entra tenant.
#[derive(Clone, Debug)]
pub struct Tenant {
    /// The tenant id (GUID).
    pub id: String,
    /// Verified domains.
    pub domains: Vec<String>,
    /// The organization's name.
    pub display_name: String,
    /// Object id of the Microsoft Graph service principal in this tenant.
    pub graph_sp_id: String,
    /// App registrations in this tenant.
    pub apps: Vec<App>,
    /// The scenario the tenant was built from.
    pub scenario: Scenario,
    /// How many Graph requests are still answered with 429 before normal answers.
    pub throttle_remaining: u32,
    /// How many sendMail calls are still answered with 429 before mail is accepted.
    pub send_throttle_remaining: u32,
    /// The tenant's mailboxes.
    pub mailboxes: Vec<Mailbox>,
    /// The administrator who may sign in and consent.
    pub admin: AdminUser,
}

impl Tenant {
    /// Whether `ident` (a GUID or a verified domain, any case) names this tenant.
    pub fn is_named(&self, ident: &str) -> bool {
        self.id.eq_ignore_ascii_case(ident)
            || self.domains.iter().any(|d| d.eq_ignore_ascii_case(ident))
    }

    /// The app with this client ID.
    pub fn app(&self, app_id: &str) -> Option<&App> {
        self.apps
            .iter()
            .find(|a| a.app_id.eq_ignore_ascii_case(app_id))
    }

    /// The app with this client ID, mutable.
    pub fn app_mut(&mut self, app_id: &str) -> Option<&mut App> {
        self.apps
            .iter_mut()
            .find(|a| a.app_id.eq_ignore_ascii_case(app_id))
    }

    /// The app whose service principal has this object id (apps without one never match).
    pub fn app_by_sp(&self, sp_id: &str) -> Option<&App> {
        self.apps
            .iter()
            .find(|a| a.has_service_principal && a.sp_id.eq_ignore_ascii_case(sp_id))
    }

    /// The mailbox with this address or user object id (any case).
    pub fn mailbox(&self, ident: &str) -> Option<&Mailbox> {
        self.mailboxes.iter().find(|m| m.is_named(ident))
    }

    /// The mailbox with this address or user object id (any case), mutable.
    pub fn mailbox_mut(&mut self, ident: &str) -> Option<&mut Mailbox> {
        self.mailboxes.iter_mut().find(|m| m.is_named(ident))
    }

    /// The tenant's first verified domain.
    pub fn domain(&self) -> &str {
        self.domains.first().map(String::as_str).unwrap_or("")
    }
}

/// All tenants the emulator knows.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    /// The tenants, tenant `i` built from scenario `i`.
    pub tenants: Vec<Tenant>,
}

impl Directory {
    /// The tenant named by a GUID or verified domain (any case).
    pub fn tenant(&self, ident: &str) -> Option<&Tenant> {
        self.tenants.iter().find(|t| t.is_named(ident))
    }

    /// The tenant named by a GUID or verified domain (any case), mutable.
    pub fn tenant_mut(&mut self, ident: &str) -> Option<&mut Tenant> {
        self.tenants.iter_mut().find(|t| t.is_named(ident))
    }

    /// The mailbox with this address in any tenant (any case).
    pub fn mailbox(&self, address: &str) -> Option<&Mailbox> {
        self.tenants.iter().find_map(|t| t.mailbox(address))
    }

    /// The mailbox with this address in any tenant (any case), mutable.
    pub fn mailbox_mut(&mut self, address: &str) -> Option<&mut Mailbox> {
        self.tenants.iter_mut().find_map(|t| t.mailbox_mut(address))
    }
}

/// The tenant, client ID and secret a person should type in for one tenant's scenario.
#[derive(Clone, PartialEq, Eq)]
pub struct DemoCredentials {
    /// Tenant id (GUID).
    pub tenant_id: String,
    /// A verified domain of the tenant.
    pub tenant_domain: String,
    /// The app's client ID.
    pub client_id: String,
    /// The client secret value.
    pub client_secret: String,
}

impl fmt::Debug for DemoCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DemoCredentials")
            .field("tenant_id", &self.tenant_id)
            .field("tenant_domain", &self.tenant_domain)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .finish()
    }
}

/// Fixed identities of tenant 0.
pub mod demo {
    /// Tenant id of tenant 0.
    pub const TENANT_ID: &str = "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903";
    /// Verified domain of tenant 0.
    pub const TENANT_DOMAIN: &str = "contoso-demo.onmicrosoft.com";
    /// Client ID of tenant 0's app.
    pub const CLIENT_ID: &str = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";
    /// Display name of tenant 0's app.
    pub const APP_NAME: &str = "Genesys Cloud Email (demo)";
    /// Secret value of tenant 0's app (a demo value, not a real secret).
    pub const SECRET_VALUE: &str = "dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0";
    /// Secret ID of tenant 0's app secret.
    pub const SECRET_KEY_ID: &str = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
}

/// A small deterministic generator so that derived identities are stable between runs.
struct SplitMix(u64);

impl SplitMix {
    fn seeded(index: usize, label: &str) -> Self {
        // FNV-1a over the label and index gives the seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in label.bytes().chain((index as u64).to_le_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        SplitMix(h)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A GUID derived from a tenant index and a label; equal inputs give equal GUIDs.
pub fn derived_guid(index: usize, label: &str) -> String {
    let mut rng = SplitMix::seeded(index, label);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&rng.next().to_le_bytes());
    bytes[8..].copy_from_slice(&rng.next().to_le_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// A 40-character value shaped like an Entra client secret, derived from an index and a label.
pub fn derived_secret(index: usize, label: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = SplitMix::seeded(index, label);
    let mut pick = |n: usize| -> String {
        (0..n)
            .map(|_| {
                let i = (rng.next() % ALPHABET.len() as u64) as usize;
                char::from(ALPHABET[i])
            })
            .collect()
    };
    let head = pick(3);
    let tail = pick(34);
    format!("{head}8Q~{tail}")
}

/// Identities of the tenant and app built for index `i`.
struct Identities {
    tenant_id: String,
    domain: String,
    tenant_name: String,
    client_id: String,
    app_name: String,
    secret_value: String,
    secret_key_id: String,
}

fn identities(i: usize) -> Identities {
    if i == 0 {
        Identities {
            tenant_id: demo::TENANT_ID.to_string(),
            domain: demo::TENANT_DOMAIN.to_string(),
            tenant_name: "Contoso (demo)".to_string(),
            client_id: demo::CLIENT_ID.to_string(),
            app_name: demo::APP_NAME.to_string(),
            secret_value: demo::SECRET_VALUE.to_string(),
            secret_key_id: demo::SECRET_KEY_ID.to_string(),
        }
    } else {
        Identities {
            tenant_id: derived_guid(i, "tenant"),
            domain: format!("tenant{i}.onmicrosoft.com"),
            tenant_name: format!("Tenant {i} (demo)"),
            client_id: derived_guid(i, "client"),
            app_name: format!("Genesys Cloud Email (demo {i})"),
            secret_value: derived_secret(i, "secret"),
            secret_key_id: derived_guid(i, "secret-key"),
        }
    }
}

/// Builds tenant `index` for `scenario` and the credentials a person should use with it.
pub fn build_tenant(
    index: usize,
    scenario: Scenario,
    throttle_count: u32,
    now: DateTime<Utc>,
) -> (Tenant, DemoCredentials) {
    let ids = identities(index);
    let healthy_access = vec![
        ResourceAccess::graph(perm::MAIL_READWRITE_ROLE, AccessKind::Role),
        ResourceAccess::graph(perm::MAIL_SEND_ROLE, AccessKind::Role),
        ResourceAccess::graph(perm::USER_READ_SCOPE, AccessKind::Scope),
    ];
    let both_roles = vec![
        perm::MAIL_READWRITE_ROLE.to_string(),
        perm::MAIL_SEND_ROLE.to_string(),
    ];
    let (secret_start, secret_end) = match scenario {
        Scenario::ExpiredSecret => (now - Duration::days(190), now - Duration::days(10)),
        _ => (now - Duration::days(30), now + Duration::days(180)),
    };
    let secret = Secret::new(
        &ids.secret_key_id,
        "Genesys Cloud",
        &ids.secret_value,
        secret_start,
        secret_end,
    );
    let mut app = App {
        app_id: ids.client_id.clone(),
        object_id: derived_guid(index, "app-object"),
        sp_id: derived_guid(index, "app-sp"),
        display_name: ids.app_name.clone(),
        enabled: true,
        created: now - Duration::days(30),
        required_resource_access: healthy_access,
        password_credentials: vec![secret],
        consented_app_roles: both_roles,
        delegated_grant_scopes: Some("User.Read".to_string()),
        grants_readable: false,
        reads_own_registration: true,
        mailbox_scope: None,
        has_service_principal: true,
        sign_in_audience: "AzureADMyOrg".to_string(),
        redirect_uris: Vec::new(),
        tags: Vec::new(),
    };
    let mut creds = DemoCredentials {
        tenant_id: ids.tenant_id.clone(),
        tenant_domain: ids.domain.clone(),
        client_id: ids.client_id.clone(),
        client_secret: ids.secret_value.clone(),
    };
    let mut throttle_remaining = 0;
    let mut send_throttle_remaining = 0;

    match scenario {
        Scenario::Healthy | Scenario::ExpiredSecret => {}
        Scenario::WrongSecret => creds.client_secret = derived_secret(index, "wrong-secret"),
        Scenario::SecretIdPasted => creds.client_secret = ids.secret_key_id.clone(),
        Scenario::UnknownApp => creds.client_id = derived_guid(index, "unknown-client"),
        Scenario::UnknownTenant => {
            creds.tenant_id = derived_guid(index, "unknown-tenant");
            let stem = ids.domain.split('.').next().unwrap_or("tenant");
            creds.tenant_domain = format!("{stem}-missing.onmicrosoft.com");
        }
        Scenario::AppDisabled => app.enabled = false,
        Scenario::NoAdminConsent => {
            app.consented_app_roles.clear();
            app.delegated_grant_scopes = None;
        }
        Scenario::UserReadAsApplication => {
            app.required_resource_access = vec![
                ResourceAccess::graph(perm::MAIL_READWRITE_ROLE, AccessKind::Role),
                ResourceAccess::graph(perm::MAIL_SEND_ROLE, AccessKind::Role),
                ResourceAccess::graph(perm::USER_READ_ALL_ROLE, AccessKind::Role),
            ];
            app.consented_app_roles
                .push(perm::USER_READ_ALL_ROLE.to_string());
            app.delegated_grant_scopes = None;
        }
        Scenario::MailSendDelegated => {
            app.required_resource_access = vec![
                ResourceAccess::graph(perm::MAIL_READWRITE_ROLE, AccessKind::Role),
                ResourceAccess::graph(perm::MAIL_SEND_SCOPE, AccessKind::Scope),
                ResourceAccess::graph(perm::USER_READ_SCOPE, AccessKind::Scope),
            ];
            app.consented_app_roles = vec![perm::MAIL_READWRITE_ROLE.to_string()];
            app.delegated_grant_scopes = Some("User.Read Mail.Send".to_string());
        }
        Scenario::UserReadNotConsented => app.delegated_grant_scopes = None,
        Scenario::DirectoryReads => app.grant_directory_reads(),
        Scenario::Throttled => throttle_remaining = throttle_count,
        Scenario::RbacScoped => app.mailbox_scope = Some(vec![format!("support@{}", ids.domain)]),
        Scenario::MailLost | Scenario::PolicyMaxLifetime | Scenario::PolicyPasswordsBlocked => {}
        Scenario::SendThrottled => send_throttle_remaining = throttle_count,
    }
    let mailboxes = default_mailboxes(index, &ids.domain);
    let admin = AdminUser {
        upn: format!("admin@{}", ids.domain),
        object_id: derived_guid(index, "admin-user"),
        display_name: "Demo Admin".to_string(),
    };

    let tenant = Tenant {
        id: ids.tenant_id,
        domains: vec![ids.domain],
        display_name: ids.tenant_name,
        graph_sp_id: derived_guid(index, "graph-sp"),
        apps: vec![app],
        scenario,
        throttle_remaining,
        send_throttle_remaining,
        mailboxes,
        admin,
    };
    (tenant, creds)
}

/// The mailboxes every tenant gets: two healthy ones, an unlicensed one and a policy-blocked one.
fn default_mailboxes(index: usize, domain: &str) -> Vec<Mailbox> {
    [
        ("support", "Support", MailboxBehaviour::Healthy),
        ("sales", "Sales", MailboxBehaviour::Healthy),
        (
            "unlicensed",
            "Unlicensed Mailbox",
            MailboxBehaviour::Unlicensed,
        ),
        (
            "blocked",
            "Blocked Mailbox",
            MailboxBehaviour::PolicyBlocked,
        ),
    ]
    .into_iter()
    .map(|(local, name, behaviour)| {
        let address = format!("{local}@{domain}");
        Mailbox::new(
            &address,
            name,
            &derived_guid(index, &format!("mailbox-{local}")),
            behaviour,
        )
    })
    .collect()
}

/// Builds the whole directory: tenant `i` from `scenarios[i]`.
pub fn build_directory(
    scenarios: &[Scenario],
    throttle_count: u32,
    now: DateTime<Utc>,
) -> (Directory, Vec<DemoCredentials>) {
    let mut dir = Directory::default();
    let mut creds = Vec::with_capacity(scenarios.len());
    for (i, s) in scenarios.iter().enumerate() {
        let (t, c) = build_tenant(i, *s, throttle_count, now);
        dir.tenants.push(t);
        creds.push(c);
    }
    (dir, creds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_values_are_stable_and_distinct() {
        assert_eq!(derived_guid(3, "tenant"), derived_guid(3, "tenant"));
        assert_ne!(derived_guid(3, "tenant"), derived_guid(4, "tenant"));
        assert_ne!(derived_guid(3, "tenant"), derived_guid(3, "client"));
        let s = derived_secret(2, "secret");
        assert_eq!(s.len(), 40);
        assert_eq!(&s[3..6], "8Q~");
        assert!(uuid::Uuid::parse_str(&derived_guid(1, "x")).is_ok());
    }

    #[test]
    fn credentials_debug_redacts_secret() {
        let (_, c) = build_tenant(0, Scenario::Healthy, 2, Utc::now());
        let text = format!("{c:?}");
        assert!(text.contains("<redacted>"));
        assert!(!text.contains(demo::SECRET_VALUE));
    }

    #[test]
    fn tenants_are_distinct() {
        let (dir, creds) = build_directory(&Scenario::ALL, 2, Utc::now());
        for (i, t) in dir.tenants.iter().enumerate() {
            for u in dir.tenants.iter().skip(i + 1) {
                assert_ne!(t.id, u.id);
                assert_ne!(t.domains, u.domains);
                assert_ne!(t.apps[0].app_id, u.apps[0].app_id);
            }
        }
        assert_eq!(creds.len(), Scenario::ALL.len());
    }
}
