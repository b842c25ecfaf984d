//! Deep links into the Azure portal, per cloud: the pages where each fix is made.

use crate::microsoft::cloud::Cloud;

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
        crate::microsoft::cloud::path_segment(client_id)
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

/// `url` (an Azure portal link) opened in directory `tenant` (`#@<tenant>/view/…`), so an admin
/// signed in to several directories (an MSP's consultant) lands in the right one. Links that are
/// not the Azure portal's, or already name a directory, come back as they are.
pub fn in_tenant(url: &str, tenant: &str) -> String {
    let tenant = tenant.trim();
    if tenant.is_empty() || url.contains("/#@") {
        return url.to_string();
    }
    let is_portal = Cloud::ALL
        .iter()
        .any(|c| url.starts_with(&format!("{}/#view/", c.portal_base())));
    if !is_portal {
        return url.to_string();
    }
    url.replacen(
        "/#view/",
        &format!("/#@{}/view/", crate::microsoft::cloud::path_segment(tenant)),
        1,
    )
}

fn app_blade(cloud: Cloud, client_id: &str, blade: &str) -> String {
    format!(
        "{}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/{blade}/appId/{}/isMSAApp~/false",
        cloud.portal_base(),
        crate::microsoft::cloud::path_segment(client_id)
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

    #[test]
    fn links_open_in_the_tenant() {
        let id = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";
        let u = in_tenant(
            &api_permissions(Cloud::Global, id),
            "contoso.onmicrosoft.com",
        );
        assert!(
            u.starts_with("https://portal.azure.com/#@contoso.onmicrosoft.com/view/Microsoft_AAD_RegisteredApps/"),
            "{u}"
        );
        assert_eq!(in_tenant(&u, "other.onmicrosoft.com"), u, "named once");
        let cn = in_tenant(
            &app_registrations(Cloud::China),
            "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903",
        );
        assert!(
            cn.starts_with("https://portal.azure.cn/#@5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903/view/"),
            "{cn}"
        );
        let other = "https://apps.mypurecloud.de/directory/#/admin/integrations";
        assert_eq!(in_tenant(other, "contoso.onmicrosoft.com"), other);
        assert_eq!(
            in_tenant(&app_registrations(Cloud::Global), " "),
            app_registrations(Cloud::Global)
        );
    }
}
