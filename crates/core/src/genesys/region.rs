//! Genesys Cloud regions and the endpoints of one organization: the login host
//! (`https://login.{host}`), the Platform API (`https://api.{host}`) and the admin UI
//! (`https://apps.{host}`), or explicit overrides of the first two (https, or http on loopback).

use crate::microsoft::cloud::{checked_base, EndpointError};
use std::fmt;

/// One Genesys Cloud region: its name in the Platform API SDKs and its host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region {
    /// The SDKs' region name, e.g. `eu_central_1`.
    pub name: &'static str,
    /// The region's host, e.g. `mypurecloud.de`.
    pub host: &'static str,
    /// Where it is, for pickers ("Frankfurt").
    pub place: &'static str,
}

/// Every current region (the Platform API SDKs' region host lists).
pub const REGIONS: [Region; 18] = [
    Region {
        name: "us_east_1",
        host: "mypurecloud.com",
        place: "Americas (US East)",
    },
    Region {
        name: "us_east_2",
        host: "use2.us-gov-pure.cloud",
        place: "Americas (US East 2, FedRAMP)",
    },
    Region {
        name: "us_west_2",
        host: "usw2.pure.cloud",
        place: "Americas (US West)",
    },
    Region {
        name: "ca_central_1",
        host: "cac1.pure.cloud",
        place: "Americas (Canada)",
    },
    Region {
        name: "sa_east_1",
        host: "sae1.pure.cloud",
        place: "Americas (São Paulo)",
    },
    Region {
        name: "mx_central_1",
        host: "mxc1.pure.cloud",
        place: "Americas (Mexico)",
    },
    Region {
        name: "eu_central_1",
        host: "mypurecloud.de",
        place: "EMEA (Frankfurt)",
    },
    Region {
        name: "eu_central_2",
        host: "euc2.pure.cloud",
        place: "EMEA (Zurich)",
    },
    Region {
        name: "eusc_de_east_1",
        host: "edee1.eusc-pure.cloud",
        place: "EMEA (EU Sovereign Cloud, Germany)",
    },
    Region {
        name: "eu_west_1",
        host: "mypurecloud.ie",
        place: "EMEA (Dublin)",
    },
    Region {
        name: "eu_west_2",
        host: "euw2.pure.cloud",
        place: "EMEA (London)",
    },
    Region {
        name: "me_central_1",
        host: "mec1.pure.cloud",
        place: "EMEA (UAE)",
    },
    Region {
        name: "ap_south_1",
        host: "aps1.pure.cloud",
        place: "Asia Pacific (Mumbai)",
    },
    Region {
        name: "ap_southeast_1",
        host: "apse1.pure.cloud",
        place: "Asia Pacific (Jakarta)",
    },
    Region {
        name: "ap_southeast_2",
        host: "mypurecloud.com.au",
        place: "Asia Pacific (Sydney)",
    },
    Region {
        name: "ap_northeast_1",
        host: "mypurecloud.jp",
        place: "Asia Pacific (Tokyo)",
    },
    Region {
        name: "ap_northeast_2",
        host: "apne2.pure.cloud",
        place: "Asia Pacific (Seoul)",
    },
    Region {
        name: "ap_northeast_3",
        host: "apne3.pure.cloud",
        place: "Asia Pacific (Osaka)",
    },
];

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.host, self.name)
    }
}

/// A region that is not one of [`REGIONS`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown Genesys Cloud region '{given}': give the region's host as in your browser's address bar (e.g. mypurecloud.de) or its name (e.g. eu_central_1); known regions: {}", known_list())]
pub struct UnknownRegion {
    /// What was given.
    pub given: String,
}

fn known_list() -> String {
    REGIONS
        .iter()
        .map(|r| format!("{} ({})", r.host, r.name))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Region {
    /// Reads a region by its host (`mypurecloud.de`, also `apps.`/`login.`/`api.` in front or
    /// a whole URL copied from the browser) or its name (`eu_central_1`, `eu-central-1`).
    pub fn parse(raw: &str) -> Result<Region, UnknownRegion> {
        let given = raw.trim();
        let lower = given.to_ascii_lowercase();
        let mut host = lower
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .split(['/', '#', '?'])
            .next()
            .unwrap_or("")
            .trim_end_matches('.')
            .to_string();
        for prefix in ["apps.", "login.", "api.", "www."] {
            if let Some(rest) = host.strip_prefix(prefix) {
                host = rest.to_string();
            }
        }
        let name = lower.replace('-', "_");
        REGIONS
            .iter()
            .find(|r| r.host == host || r.name == name)
            .copied()
            .ok_or(UnknownRegion {
                given: given.to_string(),
            })
    }

    /// `https://login.{host}`.
    pub fn login_base(&self) -> String {
        format!("https://login.{}", self.host)
    }

    /// `https://api.{host}`.
    pub fn api_base(&self) -> String {
        format!("https://api.{}", self.host)
    }

    /// `https://apps.{host}`: the admin UI.
    pub fn apps_base(&self) -> String {
        format!("https://apps.{}", self.host)
    }
}

/// Where one Genesys Cloud organization's requests go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenesysEndpoints {
    /// The region (decides the admin UI links even when hosts are overridden).
    pub region: Region,
    login: String,
    api: String,
}

impl GenesysEndpoints {
    /// The region's hosts, with optional overrides of the login and API base URLs.
    pub fn new(
        region: Region,
        login_override: Option<&str>,
        api_override: Option<&str>,
    ) -> Result<Self, EndpointError> {
        Ok(GenesysEndpoints {
            region,
            login: match login_override {
                Some(v) => checked_base("Genesys Cloud login URL", v)?,
                None => region.login_base(),
            },
            api: match api_override {
                Some(v) => checked_base("Genesys Cloud API URL", v)?,
                None => region.api_base(),
            },
        })
    }

    /// `{login}/oauth/token`.
    pub fn token_url(&self) -> String {
        format!("{}/oauth/token", self.login)
    }

    /// `{api}{path}` (`path` starts with `/api/v2/`).
    pub fn api_url(&self, path: &str) -> String {
        format!("{}{}", self.api, path)
    }

    /// The API base URL in use.
    pub fn api_base(&self) -> &str {
        &self.api
    }

    /// The login base URL in use.
    pub fn login_base(&self) -> &str {
        &self.login
    }

    /// True when both hosts are the region's own.
    pub fn is_official(&self) -> bool {
        self.login == self.region.login_base() && self.api == self.region.api_base()
    }

    /// A page of the admin UI: `https://apps.{host}/directory/#/admin/{page}`, or Admin itself
    /// for an empty `page`. Only pages whose address is known are linked; the fixes name the
    /// menu path for the rest.
    pub fn admin_url(&self, page: &str) -> String {
        if page.is_empty() {
            format!("{}/directory/#/admin", self.region.apps_base())
        } else {
            format!("{}/directory/#/admin/{page}", self.region.apps_base())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_found_by_host_name_and_pasted_urls() {
        for raw in [
            "mypurecloud.de",
            "eu_central_1",
            "eu-central-1",
            "EU_CENTRAL_1",
            "https://apps.mypurecloud.de/directory/#/admin",
            "login.mypurecloud.de",
            " api.mypurecloud.de ",
        ] {
            assert_eq!(
                Region::parse(raw).map(|r| r.name),
                Ok("eu_central_1"),
                "{raw}"
            );
        }
        assert_eq!(
            Region::parse("edee1.eusc-pure.cloud").map(|r| r.name),
            Ok("eusc_de_east_1")
        );
        assert_eq!(
            Region::parse("mypurecloud.com").map(|r| r.name),
            Ok("us_east_1")
        );
    }

    #[test]
    fn an_unknown_region_is_refused_with_the_list() {
        let e = Region::parse("mypurecloud.fr").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("mypurecloud.fr"), "{text}");
        assert!(text.contains("mypurecloud.de (eu_central_1)"), "{text}");
        assert!(text.contains("edee1.eusc-pure.cloud"), "{text}");
        assert!(Region::parse("").is_err());
    }

    #[test]
    fn regions_are_unique() {
        let mut hosts: Vec<_> = REGIONS.iter().map(|r| r.host).collect();
        hosts.sort_unstable();
        hosts.dedup();
        assert_eq!(hosts.len(), REGIONS.len());
    }

    #[test]
    fn overrides_accept_http_only_on_loopback() {
        let r = Region::parse("mypurecloud.de").unwrap();
        let e = GenesysEndpoints::new(r, None, None).unwrap();
        assert_eq!(e.token_url(), "https://login.mypurecloud.de/oauth/token");
        assert_eq!(
            e.api_url("/api/v2/integrations"),
            "https://api.mypurecloud.de/api/v2/integrations"
        );
        assert!(e.is_official());
        let local =
            GenesysEndpoints::new(r, Some("http://127.0.0.1:9/"), Some("http://[::1]:9")).unwrap();
        assert_eq!(local.token_url(), "http://127.0.0.1:9/oauth/token");
        assert!(!local.is_official());
        assert!(GenesysEndpoints::new(r, Some("http://genesys.example.com"), None).is_err());
        assert!(GenesysEndpoints::new(r, None, Some("ftp://127.0.0.1")).is_err());
    }
}
