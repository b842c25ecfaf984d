//! Administrator sign-in and admin consent: what settles the checks the app's own token cannot.
//!
//! The integration's client-credentials token may not read its own delegated permission grants,
//! so `perm_user_read` can end as "could not verify". An administrator of the tenant settles it by
//! signing in with a public client (by default Microsoft Graph Command Line Tools), which yields a
//! delegated [`AdminToken`] that lives in memory only; [`admin_findings`] then reads the
//! integration's service principal, its tenant-wide delegated grants and its app role assignments,
//! and [`user_read_check_from_admin`] turns that into a certain `perm_user_read` verdict.
//!
//! Two sign-in flows:
//! * [`sign_in_browser`]: authorization code with PKCE (S256). graphwiz listens on a loopback port
//!   (`http://localhost:{port}`), hands the authorize URL to a caller-supplied opener (the system
//!   browser in the CLI; a headless follower in tests), checks `state` and redeems the code.
//! * [`sign_in_device_code`]: the device authorization grant (RFC 8628) for machines without a
//!   browser; the prompt goes to a caller callback, polling honours `interval` and `slow_down`.
//!
//! [`admin_consent`] opens the admin consent page for the integration's app and waits on a loopback
//! redirect for `admin_consent=True`. Every wait has a timeout. Codes, verifiers and tokens are
//! never printed or logged: their types redact `Debug` and none of them is serializable.

//!
//! The parts: [`token`] (the admin token, PKCE, `state`), [`scopes`] (the public client and the permissions asked for), [`error`] ([`AdminError`]), [`sign_in`]
//! (options, URLs, the token endpoint, both sign-ins), [`loopback`] (the listener), [`findings`]
//! (what the admin token reads) and [`consent`] (admin consent).

mod consent;
mod error;
mod findings;
mod loopback;
mod scopes;
mod sign_in;
mod token;

pub use consent::{
    admin_consent, consent_redirect_note, consent_roles, ConsentOutcome, CONSENT_REDIRECT_NOTE,
    CONSENT_ROLES,
};
pub use error::{AdminError, Waiting};
pub use findings::{admin_findings, settle_user_read, user_read_check_from_admin, AdminFindings};
pub use scopes::{ADMIN_SCOPES, GRAPH_COMMAND_LINE_TOOLS};
pub use sign_in::{
    admin_consent_url, authorize_url, redeem_code, sign_in_browser, sign_in_device_code,
    DeviceCodePrompt, SignInOptions, DEFAULT_WAIT,
};
pub use token::{random_state, s256_challenge, AdminToken, Pkce};

#[cfg(test)]
mod tests;
