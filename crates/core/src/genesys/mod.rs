//! The Genesys Cloud half: the organization's side of the Microsoft Graph email integration,
//! read and restarted through the Genesys Cloud Platform API.
//!
//! - [`region`]: regions and endpoints (login, API, admin UI), overrides for tests;
//! - [`client`]: the OAuth client-credentials login and the API reads and writes;
//! - [`model`]: the Platform API's JSON as graphwiz reads it;
//! - [`checks`]: `genesys_login`, `genesys_integration`, `genesys_domains`, `genesys_routes`,
//!   `genesys_agents`, `genesys_multi_destination`;
//! - [`restart`]: disable → INACTIVE → enable → ACTIVE, with a journal so a killed run never
//!   leaves the integration disabled.
//!
//! Nothing in the Genesys integration's type, configuration keys or credential fields is assumed:
//! the type is found by name in `GET /api/v2/integrations/types`, and the Azure tenant and client
//! IDs are found in the configuration and credential by their keys and schema titles.

pub mod checks;
pub mod client;
pub mod conversations;
pub mod credential;
pub mod model;
pub mod region;
pub mod restart;
pub mod setup;

pub use checks::{AzureIdentity, GenesysInput};
pub use client::GenesysConnection;
pub use region::{GenesysEndpoints, Region, REGIONS};
