//! Admin consent: the page that grants every permission the app requests, and who may use it.

use super::error::{split_description, AdminError, Waiting};
use super::loopback::{await_callback, Loopback};
use super::sign_in::admin_consent_url;
use super::token::random_state;
use crate::i18n::{Args, Msg};
use crate::microsoft::cloud::Endpoints;
use std::time::Duration;

/// Who may grant admin consent, said wherever consent failed or is asked for (English; the
/// catalog's `admin-consent-roles` words it in every language, see [`consent_roles`]).
pub const CONSENT_ROLES: &str = "Only a Global Administrator or a Privileged Role Administrator can grant admin consent to application permissions of Microsoft Graph (Mail.ReadWrite, Mail.Send); sign in with such an account.";

/// What to say about the redirect URI of admin consent (English; the catalog's
/// `admin-consent-redirect-note` words it in every language, see [`consent_redirect_note`]).
pub const CONSENT_REDIRECT_NOTE: &str = "The admin consent page returns to http://localhost, which must be registered on the app as a redirect URI (App registrations → your app → Authentication → Add a platform → Web → http://localhost), as Genesys Cloud's setup guide does; otherwise the page shows AADSTS50011 instead of returning to graphwiz.";

/// [`CONSENT_ROLES`] as a catalog message, for a face to word in its language.
pub fn consent_roles() -> Msg {
    Msg::plain("admin-consent-roles")
}

/// [`CONSENT_REDIRECT_NOTE`] as a catalog message, for a face to word in its language.
pub fn consent_redirect_note() -> Msg {
    Msg::plain("admin-consent-redirect-note")
}

// ---------------------------------------------------------------------------------------------
// Admin consent
// ---------------------------------------------------------------------------------------------

/// What the admin consent page returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentOutcome {
    /// The tenant GUID the consent was granted in, when returned.
    pub tenant_id: Option<String>,
    /// The permissions granted, when the page lists them (`scope`: only the v2.0 endpoint does;
    /// the v1 endpoint graphwiz opens answers without it, so this is usually empty).
    pub scopes: Vec<String>,
    /// The redirect URI used.
    pub redirect_uri: String,
}

/// Opens the admin consent page of the app `client_id` through `opener` and waits up to
/// `timeout` for the browser to come back to a loopback redirect (`http://localhost:{port}`)
/// with `admin_consent=True` or an error.
pub async fn admin_consent<O>(
    endpoints: &Endpoints,
    tenant: &str,
    client_id: &str,
    opener: O,
    timeout: Duration,
) -> Result<ConsentOutcome, AdminError>
where
    O: Fn(&str) -> Result<(), String>,
{
    let loopback = Loopback::bind().await?;
    let redirect_uri = loopback.redirect_uri();
    let state = random_state()?;
    let url = admin_consent_url(endpoints, tenant, client_id, &redirect_uri, &state);
    opener(&url).map_err(|detail| AdminError::Opener { detail })?;
    let cb = await_callback(
        &loopback,
        &["admin_consent", "error"],
        timeout,
        Waiting::AdminConsent,
    )
    .await?;
    if cb.get("state") != Some(state.as_str()) {
        cb.reply(false, "admin-page-state-consent", &Args::new())
            .await;
        return Err(AdminError::StateMismatch);
    }
    let consented = cb
        .get("admin_consent")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if let (true, None) = (consented, cb.get("error")) {
        let outcome = ConsentOutcome {
            tenant_id: cb.get("tenant").map(str::to_string),
            scopes: cb
                .get("scope")
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            redirect_uri,
        };
        cb.reply(true, "admin-page-consent-granted", &Args::new())
            .await;
        return Ok(outcome);
    }
    let error = cb
        .get("error")
        .unwrap_or("admin_consent_not_granted")
        .to_string();
    // Without a description the catalog says "the consent page returned without consent".
    let (code, message) = match cb.get("error_description") {
        Some(d) => split_description(d),
        None => (None, String::new()),
    };
    let err = AdminError::ConsentRefused {
        error,
        code,
        message,
    };
    cb.reply_error("admin-page-no-consent", &err).await;
    Err(err)
}
