//! graphwiz-core: everything graphwiz knows about checking the Microsoft Graph email integration
//! of Genesys Cloud, with no GUI dependency.
//!
//! The CLI (`graphwiz`) and the desktop shell both call into this crate. Start reading at
//! [`checks::run_check`]: it discovers the tenant, fetches one client-credentials token and then
//! runs every Graph check concurrently, returning a [`checks::Report`].

pub mod aad;
pub mod admin;
pub mod bulk;
pub mod checks;
pub mod cloud;
pub mod config;
pub mod desktop;
pub mod diagnose;
pub mod expiry;
pub mod genesys;
pub mod graph;
pub mod http;
pub mod i18n;
pub mod keychain;
pub mod livetest;
pub mod login;
pub mod mailbox;
pub mod notes;
pub mod permissions;
pub mod pickup;
pub mod portal;
pub mod profiles;
pub mod reminders;
pub mod report;
pub mod rotate;
pub mod secret;
pub mod token;
pub mod validate;

pub use checks::{run_check, Check, CheckInput, Report, Status};
pub use cloud::{Cloud, Endpoints};
pub use secret::ClientSecret;

/// Version of graphwiz-core, shown by the CLI and the desktop app.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
