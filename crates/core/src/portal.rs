//! Deep links into the Azure portal, per cloud: the pages where each fix is made.

use crate::cloud::Cloud;

/// Microsoft Entra ID → App registrations (all applications).
pub fn app_registrations(cloud: Cloud) -> String {
    format!(
        "{}/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/RegisteredApps",
        cloud.portal_base()
    )
}

/// The app registration's Overview page.
pub fn app_overview(cloud: Cloud, client_id: &str) -> String {
    app_blade(cloud, client_id, "Overview")
}

/// The app registration's "API permissions" page.
pub fn api_permissions(cloud: Cloud, client_id: &str) -> String {
    app_blade(cloud, client_id, "CallAnAPI")
}

/// The app registration's "Certificates & secrets" page.
pub fn certificates_and_secrets(cloud: Cloud, client_id: &str) -> String {
    app_blade(cloud, client_id, "Credentials")
}

/// Microsoft Entra ID → Enterprise applications, filtered to this app.
pub fn enterprise_app(cloud: Cloud, client_id: &str) -> String {
    format!(
        "{}/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview/menuId~/null/searchQuery/{}",
        cloud.portal_base(),
        crate::cloud::path_segment(client_id)
    )
}

/// Microsoft Entra ID → Overview → Properties of the tenant (shows the Tenant ID).
pub fn tenant_properties(cloud: Cloud) -> String {
    format!(
        "{}/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/Properties",
        cloud.portal_base()
    )
}

/// Conditional Access policies.
pub fn conditional_access(cloud: Cloud) -> String {
    format!(
        "{}/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies",
        cloud.portal_base()
    )
}

fn app_blade(cloud: Cloud, client_id: &str, blade: &str) -> String {
    format!(
        "{}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/{blade}/appId/{}/isMSAApp~/false",
        cloud.portal_base(),
        crate::cloud::path_segment(client_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_follow_the_cloud() {
        let id = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";
        assert!(api_permissions(Cloud::Global, id).starts_with("https://portal.azure.com/#view/"));
        assert!(api_permissions(Cloud::Usgov, id).starts_with("https://portal.azure.us/"));
        assert!(certificates_and_secrets(Cloud::China, id).starts_with("https://portal.azure.cn/"));
        assert!(api_permissions(Cloud::Global, id).contains("/CallAnAPI/appId/3b9d6f4a-"));
    }
}
