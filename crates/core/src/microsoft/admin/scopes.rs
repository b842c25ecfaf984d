//! What the administrator signs in to (the public client) and the permissions the sign-in asks
//! for.

/// Application (client) ID of "Microsoft Graph Command Line Tools", the default public client for
/// the administrator's sign-in. It exists in every tenant and allows `http://localhost` redirects
/// and the device code flow.
pub const GRAPH_COMMAND_LINE_TOOLS: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// The delegated Microsoft Graph permissions the administrator's sign-in asks for.
///
/// Each is the least-privileged delegated permission Microsoft's permission table lists for the
/// operation it is asked for:
/// * `Application.Read.All`: read the integration's service principal, Microsoft Graph's service
///   principal and the app role assignments (`servicePrincipal-get`,
///   `serviceprincipal-list-approleassignments`).
/// * `Directory.Read.All`: list the tenant-wide delegated grants (`oauth2permissiongrant-list`:
///   least privileged `Directory.Read.All`, then `DelegatedPermissionGrant.ReadWrite.All` and
///   `Directory.ReadWrite.All`).
/// * `User.Read`: the signed-in administrator's own name for the report (`user-get`, `/me`).
///
/// docs/admin-sign-in.md explains the choice; [`SignInOptions::scopes`] can replace them.
pub const ADMIN_SCOPES: [&str; 3] = ["Application.Read.All", "Directory.Read.All", "User.Read"];

/// The scopes that are not Microsoft Graph permissions and are sent without a resource prefix.
pub(super) const OIDC_SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];
