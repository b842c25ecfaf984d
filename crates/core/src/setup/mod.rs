//! Setting up the integration from nothing. [`azure`]: from a tenant and an administrator's
//! sign-in to a consented app registration with a client secret in the OS keychain and a saved
//! profile whose check passed, resumable and undoable after a crash ([`journal`]); [`graph`] holds
//! its Microsoft Graph calls; [`input`] what it needs and reports. Both faces call
//! [`azure::run`]. [`fix`] repairs an existing app registration's permissions and consent.

pub mod azure;
pub mod fix;
pub mod graph;
pub mod input;
pub mod journal;

pub use azure::{run, stage_name};
pub use input::{
    SetupInput, SetupOutcome, SetupStep, DEFAULT_APP_NAME, DEFAULT_MONTHS, MAX_MONTHS, SETUP_CHECK,
};
