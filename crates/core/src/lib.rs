//! graphwiz-core: everything graphwiz knows about checking the Microsoft Graph email integration
//! of Genesys Cloud, with no GUI dependency.
//!
//! The CLI (`graphwiz`) and the desktop shell both call into this crate. Start reading at
//! [`checks::run_check`]: it discovers the tenant, fetches one client-credentials token and then
//! runs every Graph check concurrently, returning a [`Report`].
//!
//! The modules, from the bottom up (a module uses only those on its floor or below; no circles):
//! - the ground: `i18n` (the message catalogs), `secret` (the secret types), `report` (Check,
//!   Status, Report), `http` (the one HTTP client), `validate` (what an admin types);
//! - `microsoft`: the Microsoft side (clouds, Entra ID, Graph, mailboxes, the live test, admin
//!   sign-in, expiry, portal links);
//! - `store`: what is kept on this computer (profiles, keychain, config file, notes), in the
//!   Microsoft side's terms (clouds, expiry dates);
//! - `genesys`: the Genesys Cloud side (its part of a profile kept through `store`);
//! - the workflows over both sides: `integration` (a target validated, made a profile, saved
//!   with its secret), `checks` (one integration), `pickup`, `reminders`, then `bulk` (many
//!   integrations), `rotate`, `setup` (the integration from nothing: the Azure app registration),
//!   `diagnose` (the troubleshooter);
//! - `desktop`: the wizard's state and views for the desktop shell;
//! - beside the floors, `test_hooks`: every test-only environment variable, read by both faces
//!   through it.
//!
//! One exception runs up a floor: the live test (`microsoft::livetest`) runs the checks
//! (`checks`) before it sends.

pub mod bulk;
pub mod checks;
pub mod desktop;
pub mod diagnose;
pub mod genesys;
pub mod http;
pub mod i18n;
pub mod integration;
pub mod microsoft;
pub mod pickup;
pub mod reminders;
pub mod report;
pub mod rotate;
pub mod secret;
pub mod setup;
pub mod store;
pub mod test_hooks;
pub mod validate;

pub use checks::{run_check, CheckInput};
pub use microsoft::cloud::{Cloud, Endpoints};
pub use report::{Check, Report, Status};
pub use secret::ClientSecret;

/// Version of graphwiz-core, shown by the CLI and the desktop app.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
