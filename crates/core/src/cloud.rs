//! National clouds and their endpoints, plus explicit base-URL overrides.
//!
//! An override may use plain `http://` only when its host is a loopback address, so a test or the
//! demo can point graphwiz at the local emulator while a typo can never send a secret in clear
//! text across a network.

use crate::i18n::{args, Lang, Msg};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;
use url::Url;

/// The Microsoft cloud a tenant lives in.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Cloud {
    /// Microsoft Azure global (login.microsoftonline.com).
    #[default]
    Global,
    /// Azure US Government (login.microsoftonline.us).
    Usgov,
    /// Azure operated by 21Vianet in China (login.chinacloudapi.cn).
    China,
}

impl Cloud {
    /// All clouds, in the order a picker shows them.
    pub const ALL: [Cloud; 3] = [Cloud::Global, Cloud::Usgov, Cloud::China];

    /// The identifier used on the command line and in files.
    pub fn id(self) -> &'static str {
        match self {
            Cloud::Global => "global",
            Cloud::Usgov => "usgov",
            Cloud::China => "china",
        }
    }

    /// The name an admin knows the cloud by, as a catalog message (`azure-cloud-name`).
    pub fn name_msg(self) -> Msg {
        Msg::new("azure-cloud-name", args([("cloud", self.id())]))
    }

    /// The message for a cloud name graphwiz does not know (the error of [`FromStr`], in English).
    pub fn unknown_msg(raw: &str) -> Msg {
        Msg::new(
            "azure-cloud-unknown",
            args([("value", raw.trim().to_ascii_lowercase())]),
        )
    }

    /// The name an admin knows the cloud by (English; [`Cloud::name_msg`] for the faces).
    pub fn display_name(self) -> &'static str {
        match self {
            Cloud::Global => "Azure global",
            Cloud::Usgov => "Azure US Government",
            Cloud::China => "Azure China (21Vianet)",
        }
    }

    /// The Entra ID sign-in host.
    pub fn login_base(self) -> &'static str {
        match self {
            Cloud::Global => "https://login.microsoftonline.com",
            Cloud::Usgov => "https://login.microsoftonline.us",
            Cloud::China => "https://login.chinacloudapi.cn",
        }
    }

    /// The Microsoft Graph host.
    pub fn graph_base(self) -> &'static str {
        match self {
            Cloud::Global => "https://graph.microsoft.com",
            Cloud::Usgov => "https://graph.microsoft.us",
            Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
        }
    }

    /// The Azure portal host.
    pub fn portal_base(self) -> &'static str {
        match self {
            Cloud::Global => "https://portal.azure.com",
            Cloud::Usgov => "https://portal.azure.us",
            Cloud::China => "https://portal.azure.cn",
        }
    }
}

impl fmt::Display for Cloud {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Cloud {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "global" | "public" | "azurecloud" => Ok(Cloud::Global),
            "usgov" | "us-gov" | "usgovernment" | "azureusgovernment" => Ok(Cloud::Usgov),
            "china" | "azurechinacloud" | "21vianet" => Ok(Cloud::China),
            _ => Err(Cloud::unknown_msg(s).text(Lang::En)),
        }
    }
}

/// Why an endpoint override was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndpointError {
    /// The text is not an absolute URL.
    #[error("{}", self.msg())]
    Invalid {
        /// The option or field that carried the URL.
        field: &'static str,
        /// The value as given.
        value: String,
        /// What the URL parser said.
        reason: String,
    },
    /// Plain http to a host that is not loopback.
    #[error("{}", self.msg())]
    InsecureHttp {
        /// The option or field that carried the URL.
        field: &'static str,
        /// The value as given.
        value: String,
    },
    /// A scheme other than http(s), or a URL with a query, fragment or credentials.
    #[error("{}", self.msg())]
    Unsupported {
        /// The option or field that carried the URL.
        field: &'static str,
        /// The value as given.
        value: String,
        /// What is wrong with it (one of the `UNSUPPORTED_*` texts).
        reason: &'static str,
    },
}

// The fields that carry base URLs (the Genesys Cloud ones are named in genesys/region.rs), and
// the selector the catalog words each with.
const FIELD_LOGIN: &str = "login URL";
const FIELD_GRAPH: &str = "Graph URL";
const FIELD_GENESYS_LOGIN: &str = "Genesys Cloud login URL";
const FIELD_GENESYS_API: &str = "Genesys Cloud API URL";
const FIELDS: [(&str, &str); 4] = [
    (FIELD_LOGIN, "login"),
    (FIELD_GRAPH, "graph"),
    (FIELD_GENESYS_LOGIN, "genesys_login"),
    (FIELD_GENESYS_API, "genesys_api"),
];

// Why a URL is no usable base URL, and the selector the catalog words each with.
const UNSUPPORTED_QUERY: &str = "remove the query (?…) or fragment (#…)";
const UNSUPPORTED_USER: &str = "remove the user name or password from the URL";
const UNSUPPORTED_SCHEME: &str = "only https:// (or http:// on loopback) is supported";
const UNSUPPORTED_NO_HOST: &str = "the URL has no host";
const REASONS: [(&str, &str); 4] = [
    (UNSUPPORTED_QUERY, "query"),
    (UNSUPPORTED_USER, "user"),
    (UNSUPPORTED_SCHEME, "scheme"),
    (UNSUPPORTED_NO_HOST, "no_host"),
];

fn selector(table: &[(&str, &'static str)], text: &str) -> &'static str {
    table
        .iter()
        .find(|(t, _)| *t == text)
        .map(|(_, s)| *s)
        .unwrap_or("other")
}

impl EndpointError {
    /// The catalog message (`Display` is its English text).
    pub fn msg(&self) -> Msg {
        let (id, field, value) = match self {
            EndpointError::Invalid { field, value, .. } => ("azure-endpoint-invalid", field, value),
            EndpointError::InsecureHttp { field, value } => {
                ("azure-endpoint-insecure", field, value)
            }
            EndpointError::Unsupported { field, value, .. } => {
                ("azure-endpoint-unsupported", field, value)
            }
        };
        let mut a = args([
            ("field", selector(&FIELDS, field).to_string()),
            ("value", value.clone()),
        ]);
        match self {
            EndpointError::Invalid { reason, .. } => {
                a.insert("reason".into(), reason.clone().into());
            }
            EndpointError::Unsupported { reason, .. } => {
                a.insert("reason".into(), selector(&REASONS, reason).into());
            }
            EndpointError::InsecureHttp { .. } => {}
        }
        Msg::new(id, a)
    }
}

/// The endpoints one run talks to: the cloud's hosts, or overrides of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    /// The cloud chosen (decides the token scope and the portal links even when hosts are overridden).
    pub cloud: Cloud,
    login: String,
    graph: String,
}

/// True when the host of `url` is a loopback address or `localhost`.
pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

pub(crate) fn checked_base(field: &'static str, value: &str) -> Result<String, EndpointError> {
    let trimmed = value.trim();
    let url = Url::parse(trimmed).map_err(|e| EndpointError::Invalid {
        field,
        value: trimmed.to_string(),
        reason: e.to_string(),
    })?;
    let unsupported = |reason| EndpointError::Unsupported {
        field,
        value: trimmed.to_string(),
        reason,
    };
    if url.query().is_some() || url.fragment().is_some() {
        return Err(unsupported(UNSUPPORTED_QUERY));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(unsupported(UNSUPPORTED_USER));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback_host(&url) => {}
        "http" => {
            return Err(EndpointError::InsecureHttp {
                field,
                value: trimmed.to_string(),
            })
        }
        _ => return Err(unsupported(UNSUPPORTED_SCHEME)),
    }
    if url.host().is_none() {
        return Err(unsupported(UNSUPPORTED_NO_HOST));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

impl Endpoints {
    /// Endpoints of a cloud, with optional overrides of the login and Graph base URLs.
    pub fn new(
        cloud: Cloud,
        login_override: Option<&str>,
        graph_override: Option<&str>,
    ) -> Result<Self, EndpointError> {
        let login = match login_override {
            Some(v) => checked_base(FIELD_LOGIN, v)?,
            None => cloud.login_base().to_string(),
        };
        let graph = match graph_override {
            Some(v) => checked_base(FIELD_GRAPH, v)?,
            None => cloud.graph_base().to_string(),
        };
        Ok(Endpoints {
            cloud,
            login,
            graph,
        })
    }

    /// Endpoints of a cloud with no overrides.
    pub fn for_cloud(cloud: Cloud) -> Self {
        Endpoints {
            cloud,
            login: cloud.login_base().to_string(),
            graph: cloud.graph_base().to_string(),
        }
    }

    /// The login base URL in use (no trailing slash).
    pub fn login_base(&self) -> &str {
        &self.login
    }

    /// The Graph base URL in use (no trailing slash).
    pub fn graph_base(&self) -> &str {
        &self.graph
    }

    /// True when login and Graph are the cloud's own hosts (no overrides).
    pub fn is_official(&self) -> bool {
        self.login == self.cloud.login_base() && self.graph == self.cloud.graph_base()
    }

    /// `{login}/{tenant}/v2.0/.well-known/openid-configuration`.
    pub fn discovery_url(&self, tenant: &str) -> String {
        format!(
            "{}/{}/v2.0/.well-known/openid-configuration",
            self.login,
            path_segment(tenant)
        )
    }

    /// `{login}/{tenant}/oauth2/v2.0/token`: the OAuth 2.0 token endpoint (v2) that Genesys Cloud asks for.
    pub fn token_url(&self, tenant: &str) -> String {
        format!("{}/{}/oauth2/v2.0/token", self.login, path_segment(tenant))
    }

    /// The scope of a client-credentials token for Microsoft Graph in this cloud.
    ///
    /// It names the cloud's Graph resource even when the Graph host is overridden: the override
    /// changes where requests go, not which resource the token is for.
    pub fn graph_scope(&self) -> String {
        format!("{}/.default", self.cloud.graph_base())
    }

    /// `{graph}/v1.0/{path}`.
    pub fn graph_url(&self, path: &str) -> String {
        format!("{}/v1.0/{}", self.graph, path.trim_start_matches('/'))
    }
}

/// Percent-encodes what may not stand in one URL path segment.
pub(crate) fn path_segment(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_hosts() {
        let e = Endpoints::for_cloud(Cloud::Usgov);
        assert_eq!(
            e.token_url("contoso.onmicrosoft.us"),
            "https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/token"
        );
        assert_eq!(e.graph_scope(), "https://graph.microsoft.us/.default");
        assert_eq!(
            Endpoints::for_cloud(Cloud::China).graph_url("/applications"),
            "https://microsoftgraph.chinacloudapi.cn/v1.0/applications"
        );
        assert!(e.is_official());
    }

    #[test]
    fn parses_cloud_names() {
        assert_eq!("Global".parse::<Cloud>(), Ok(Cloud::Global));
        assert_eq!("usgov".parse::<Cloud>(), Ok(Cloud::Usgov));
        assert_eq!("china".parse::<Cloud>(), Ok(Cloud::China));
        assert!("mars"
            .parse::<Cloud>()
            .unwrap_err()
            .contains("global, usgov or china"));
    }

    #[test]
    fn https_enforced_off_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.5.6.7",
            "http://localhost:1234/",
            "http://[::1]:9000",
            "https://login.example.com",
            "https://10.0.0.1/prefix/",
        ] {
            assert!(
                Endpoints::new(Cloud::Global, Some(ok), Some(ok)).is_ok(),
                "{ok} should be accepted"
            );
        }
        for bad in [
            "http://login.example.com",
            "http://10.0.0.1",
            "http://localhost.evil.com",
            "http://127.0.0.1.nip.io",
            "http://[::2]",
        ] {
            let err = Endpoints::new(Cloud::Global, Some(bad), None).unwrap_err();
            assert!(
                matches!(err, EndpointError::InsecureHttp { .. }),
                "{bad}: {err}"
            );
            assert!(err.to_string().contains("use https"));
        }
        for bad in [
            "ftp://127.0.0.1",
            "not a url",
            "https://h/?q=1",
            "https://u:p@h/",
        ] {
            assert!(
                Endpoints::new(Cloud::Global, None, Some(bad)).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn overrides_keep_cloud_scope_and_strip_slash() {
        let e = Endpoints::new(
            Cloud::Global,
            Some("http://127.0.0.1:5000/"),
            Some("http://127.0.0.1:5000"),
        )
        .unwrap();
        assert_eq!(
            e.discovery_url("5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903"),
            "http://127.0.0.1:5000/5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903/v2.0/.well-known/openid-configuration"
        );
        assert_eq!(e.graph_scope(), "https://graph.microsoft.com/.default");
        assert!(!e.is_official());
    }

    #[test]
    fn tenant_is_encoded_as_one_segment() {
        let e = Endpoints::for_cloud(Cloud::Global);
        assert_eq!(
            e.token_url("a/b c"),
            "https://login.microsoftonline.com/a%2Fb%20c/oauth2/v2.0/token"
        );
    }
}
