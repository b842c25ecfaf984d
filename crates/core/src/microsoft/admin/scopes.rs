//! What the administrator signs in to (the public client) and the permissions the sign-in asks
//! for.

/// Application (client) ID of "Microsoft Graph Command Line Tools", the default public client for
/// the administrator's sign-in. It exists in every tenant and allows `http://localhost` redirects
/// and the device code flow.
pub const GRAPH_COMMAND_LINE_TOOLS: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// The delegated Microsoft Graph permissions the administrator's sign-in asks for.
///
/// * `Application.Read.All`: read the integration's service principal, Microsoft Graph's service
///   principal and the app role assignments (least privileged for both reads).
/// * `DelegatedPermissionGrant.Read.All`: read the tenant-wide delegated grants
///   (`oauth2PermissionGrants`), without the whole directory that `Directory.Read.All` opens.
/// * `User.Read`: the signed-in administrator's own name for the report.
///
/// docs/admin-sign-in.md explains the choice; [`SignInOptions::scopes`] can replace them (for
/// example with `Directory.Read.All` where a tenant refuses the narrower grant permission).
pub const ADMIN_SCOPES: [&str; 3] = [
    "Application.Read.All",
    "DelegatedPermissionGrant.Read.All",
    "User.Read",
];

/// The scopes that are not Microsoft Graph permissions and are sent without a resource prefix.
pub(super) const OIDC_SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];
