//! `graphwiz consent-url` and `graphwiz consent`: admin consent for the integration's app from the
//! command line, plus [`sign_in_admin`] for `check --admin-sign-in browser|device-code`.
//!
//! `consent` checks the integration first (to know the state), opens the admin consent page
//! (with `--browser` in the system browser; otherwise it prints the URL, which may be opened in
//! any browser of this computer), waits on a loopback listener for the answer, checks again and
//! prints what changed per check. Exit status as `check`: 0 no check failed, 1 a check failed or
//! consent was not granted, 2 bad input, 3 the loopback listener could not be opened.
//!
//! Test-only hook: with the environment variable `GRAPHWIZ_TEST_BROWSER=follow`, no browser is
//! launched; graphwiz itself follows the sign-in or consent URL without redirects and brings the
//! answer to its own loopback listener, as a browser would. This lets tests run headless against
//! the emulator; nobody should set it otherwise (it accepts whatever the page answers). It is read
//! through `graphwiz_core::test_hooks`, with every other test-only hook.

use crate::input::{self, Failure};
use crate::{lang, margs, output, tr, tra, TargetArgs, EXIT_ENVIRONMENT, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::checks::{run_check, Report};
use graphwiz_core::http::{FollowError, HttpClient};
use graphwiz_core::i18n::Msg;
use graphwiz_core::microsoft::admin::{
    self, AdminError, AdminToken, DeviceCodePrompt, SignInOptions,
};
use graphwiz_core::{CheckInput, Endpoints, Status};
use std::str::FromStr;
use std::time::Duration;

/// `--admin-sign-in browser`: authorization code with PKCE in the system browser.
pub const ADMIN_SIGN_IN_BROWSER: &str = "browser";
/// `--admin-sign-in device-code`: device code, for machines without a browser.
pub const ADMIN_SIGN_IN_DEVICE_CODE: &str = "device-code";
/// The values `--admin-sign-in` accepts.
pub const ADMIN_SIGN_IN_VALUES: [&str; 2] = [ADMIN_SIGN_IN_BROWSER, ADMIN_SIGN_IN_DEVICE_CODE];
/// The redirect URI Genesys Cloud's setup guide registers on the app.
pub const DEFAULT_REDIRECT_URI: &str = "http://localhost";
/// Default time to wait for the administrator, in seconds.
pub const DEFAULT_WAIT_SECS: u64 = 300;

/// Timeout of each network request of `consent`.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Entra ID may take a moment to apply consent: checks are repeated this often when nothing
/// changed, at most [`SETTLE_ATTEMPTS`] times.
const SETTLE_WAIT: Duration = Duration::from_secs(10);
const SETTLE_ATTEMPTS: u32 = 2;

/// How the administrator signs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInKind {
    /// Authorization code with PKCE in the system browser.
    Browser,
    /// Device code, for machines without a browser.
    DeviceCode,
}

impl FromStr for SignInKind {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            ADMIN_SIGN_IN_BROWSER => Ok(SignInKind::Browser),
            ADMIN_SIGN_IN_DEVICE_CODE | "device" | "devicecode" => Ok(SignInKind::DeviceCode),
            other => Err(Msg::new(
                "cli-sign-in-unknown",
                margs!(
                    "given" => other,
                    "browser" => ADMIN_SIGN_IN_BROWSER,
                    "device" => ADMIN_SIGN_IN_DEVICE_CODE,
                ),
            )),
        }
    }
}

#[derive(Args, Debug)]
pub struct ConsentUrlArgs {
    /// Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.
    #[arg(long, value_name = "GUID|DOMAIN")]
    tenant: String,
    /// Application (client) ID of the app registration used by Genesys Cloud.
    #[arg(long, value_name = "GUID")]
    client_id: String,
    /// The Microsoft cloud the tenant lives in [default: global].
    #[arg(long, value_name = "CLOUD", value_parser = ["global", "usgov", "china"])]
    cloud: Option<String>,
    /// Replaces the cloud's login host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    login_url: Option<String>,
    /// Where the consent page returns; it must be registered on the app.
    #[arg(long, value_name = "URL", default_value = DEFAULT_REDIRECT_URI)]
    redirect_uri: String,
}

#[derive(Args, Debug)]
pub struct ConsentArgs {
    #[command(flatten)]
    target: TargetArgs,
    /// Open the consent page in the system browser (otherwise the URL is printed).
    #[arg(long)]
    browser: bool,
    /// How long to wait for the administrator on the consent page, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_WAIT_SECS, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
}

fn exit_for(ok: bool) -> u8 {
    if ok {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

/// A failure of the administrator's sign-in or consent, with what to do (the core's admin errors
/// have no catalog messages yet: English).
fn admin_failure(e: &AdminError) -> Failure {
    Failure {
        problems: vec![],
        message: Some(format!("{e}. {}", e.fix())),
        exit: match e {
            AdminError::Listener { .. } | AdminError::Random { .. } => EXIT_ENVIRONMENT,
            _ => EXIT_FAILED,
        },
    }
}

/// `graphwiz consent-url`: prints the admin consent URL (one line on stdout).
pub fn consent_url(args: ConsentUrlArgs) -> u8 {
    consent_url_inner(&args).unwrap_or_else(|f| f.report())
}

fn consent_url_inner(args: &ConsentUrlArgs) -> Result<u8, Failure> {
    let target = input::target(
        &args.tenant,
        &args.client_id,
        args.cloud.as_deref(),
        args.login_url.as_deref(),
        None,
    )?;
    let redirect = checked_redirect(&args.redirect_uri)?;
    let state = admin::random_state().map_err(|e| Failure::environment(e.to_string()))?;
    input::warn(&target.warnings);
    println!(
        "{}",
        admin::admin_consent_url(
            &target.endpoints,
            &target.tenant,
            &target.client_id,
            &redirect,
            &state
        )
    );
    eprintln!(
        "{}",
        tra("cli-consent-url-note", &margs!("redirect" => redirect))
    );
    Ok(EXIT_OK)
}

/// A redirect URI Entra ID accepts: https, or http on localhost/loopback.
fn checked_redirect(raw: &str) -> Result<String, Failure> {
    let bad = |why: &str, detail: String| {
        Failure::usage(tra(
            "cli-redirect-bad",
            &margs!(
                "uri" => raw,
                "why" => why,
                "detail" => detail,
                "default" => DEFAULT_REDIRECT_URI,
            ),
        ))
    };
    let url = reqwest::Url::parse(raw.trim()).map_err(|e| bad("not-url", e.to_string()))?;
    let loopback = graphwiz_core::microsoft::cloud::is_loopback_host(&url);
    match url.scheme() {
        "https" if url.host().is_some() => {}
        "http" if loopback => {}
        "http" => return Err(bad("plain-http", String::new())),
        _ => return Err(bad("scheme", String::new())),
    }
    if url.fragment().is_some() {
        return Err(bad("fragment", String::new()));
    }
    // Keep what was given (Entra ID compares redirect URIs as registered, e.g. without a slash).
    Ok(raw.trim().to_string())
}

/// Follows an Entra ID page without redirects, then brings its `Location` to the loopback
/// listener: what a browser does (the test-only hook). Errors never show URLs (they carry codes);
/// they are for the tests' logs only, so they stay English.
async fn follow(url: String) {
    match HttpClient::new(REQUEST_TIMEOUT)
        .follow_redirect(&url, |_| true)
        .await
    {
        Ok(_) => {}
        Err(FollowError::Page(_)) => eprintln!("test browser: the sign-in page did not answer"),
        Err(FollowError::NoRedirect(status)) => {
            eprintln!("test browser: the page answered HTTP {status} without a redirect")
        }
        Err(FollowError::Refused | FollowError::Target(_)) => {
            eprintln!("test browser: graphwiz's loopback listener did not answer")
        }
    }
}

/// The opener for the sign-in and consent pages: the test hook, the system browser
/// (`browser`), or printing the URL for the administrator to open.
fn opener(browser: bool) -> impl Fn(&str) -> Result<(), String> {
    move |url: &str| {
        if graphwiz_core::test_hooks::test_browser_follows() {
            let handle = tokio::runtime::Handle::try_current().map_err(|e| e.to_string())?;
            handle.spawn(follow(url.to_string()));
            if browser {
                return Ok(());
            }
        }
        if browser {
            match open::that_detached(url) {
                Ok(()) => eprintln!("{}", tr("cli-browser-opened")),
                Err(e) => input::warning(&tra(
                    "cli-browser-failed",
                    &margs!("detail" => e.to_string()),
                )),
            }
        } else {
            eprintln!("{}", tr("cli-open-url"));
        }
        eprintln!("  {url}");
        Ok(())
    }
}

/// Signs the administrator in (browser or device code) and returns the delegated token, which
/// stays in memory. Device code prints its message to stderr; the browser flow opens the system
/// browser (or follows the URL itself under `GRAPHWIZ_TEST_BROWSER=follow`). Call it from inside
/// the command's runtime.
pub async fn sign_in_admin_async(
    kind: SignInKind,
    endpoints: &Endpoints,
    tenant: &str,
    admin_client_id: Option<&str>,
    timeout: Duration,
) -> Result<AdminToken, Failure> {
    sign_in_admin_scoped(kind, endpoints, tenant, admin_client_id, timeout, None).await
}

/// [`sign_in_admin_async`] asking for `scopes` instead of the read-only default (the rotation
/// asks for `Application.ReadWrite.All`).
pub async fn sign_in_admin_scoped(
    kind: SignInKind,
    endpoints: &Endpoints,
    tenant: &str,
    admin_client_id: Option<&str>,
    timeout: Duration,
    scopes: Option<Vec<String>>,
) -> Result<AdminToken, Failure> {
    let mut options = SignInOptions {
        timeout,
        ..SignInOptions::default()
    };
    if let Some(scopes) = scopes {
        options.scopes = scopes;
    }
    if let Some(id) = admin_client_id {
        let id = id.trim();
        if !graphwiz_core::validate::is_guid(id) {
            return Err(Failure::usage(tra(
                "cli-admin-client-id-bad",
                &margs!("given" => id),
            )));
        }
        options.client_id = id.to_ascii_lowercase();
    }
    let http = HttpClient::new(REQUEST_TIMEOUT);
    let result = match kind {
        SignInKind::Browser => {
            eprintln!(
                "{}",
                tra("cli-sign-in-browser", &margs!("secs" => timeout.as_secs()))
            );
            admin::sign_in_browser(&http, endpoints, tenant, &options, opener(true)).await
        }
        SignInKind::DeviceCode => {
            admin::sign_in_device_code(
                &http,
                endpoints,
                tenant,
                &options,
                |p: &DeviceCodePrompt| {
                    // Entra ID's own instructions, in the language Entra ID chose.
                    eprintln!("{}", p.message);
                    eprintln!(
                        "{}",
                        tra(
                            "cli-sign-in-device-waiting",
                            &margs!("secs" => timeout.as_secs().min(p.expires_in.as_secs()))
                        )
                    );
                },
            )
            .await
        }
    };
    let token = result.map_err(|e| admin_failure(&e))?;
    eprintln!(
        "{}",
        match token.upn() {
            Some(u) => tra("cli-signed-in-as", &margs!("upn" => u)),
            None => tr("cli-signed-in"),
        }
    );
    Ok(token)
}

/// [`sign_in_admin_async`] on its own runtime; do not call it from inside a runtime.
#[allow(dead_code)] // Called by `check --admin-sign-in` (check_cmd.rs).
pub fn sign_in_admin(
    kind: SignInKind,
    endpoints: &Endpoints,
    tenant: &str,
    admin_client_id: Option<&str>,
    timeout: Duration,
) -> Result<AdminToken, Failure> {
    input::runtime()?.block_on(sign_in_admin_async(
        kind,
        endpoints,
        tenant,
        admin_client_id,
        timeout,
    ))
}

/// Signs the administrator in and reads with the admin token what decides `perm_user_read` for
/// certain (see `graphwiz_core::microsoft::admin::settle_user_read`).
pub async fn admin_findings(
    kind: SignInKind,
    endpoints: &Endpoints,
    tenant: &str,
    client_id: &str,
    admin_client_id: Option<&str>,
    timeout: Duration,
) -> Result<admin::AdminFindings, Failure> {
    let token = sign_in_admin_async(kind, endpoints, tenant, admin_client_id, timeout).await?;
    let http = HttpClient::new(REQUEST_TIMEOUT);
    admin::admin_findings(&http, endpoints, &token, client_id)
        .await
        .map_err(|e| admin_failure(&e))
}

/// `graphwiz consent`.
pub fn consent(args: ConsentArgs) -> u8 {
    consent_inner(&args).unwrap_or_else(|f| f.report())
}

fn statuses(r: &Report) -> Vec<(String, Status)> {
    r.checks.iter().map(|c| (c.id.clone(), c.status)).collect()
}

fn consent_inner(args: &ConsentArgs) -> Result<u8, Failure> {
    let (target, secret) = input::target_and_secret(&args.target, "cli-consent-what")?;
    let mut check = CheckInput::new(
        target.endpoints.clone(),
        target.tenant.clone(),
        target.client_id.clone(),
        secret,
    );
    check.timeout = REQUEST_TIMEOUT;
    let wait = Duration::from_secs(args.timeout);
    let runtime = input::runtime()?;
    runtime.block_on(async {
        let before = run_check(&check).await;
        if before.get("tenant").map(|c| c.status) != Some(Status::Pass) {
            output::print_human(&check, &before.localized(lang()));
            input::error(&tr("cli-consent-no-tenant"));
            return Ok(EXIT_FAILED);
        }
        println!(
            "{}",
            tra(
                "cli-consent-before",
                &margs!(
                    "passed" => before.count(Status::Pass),
                    "warned" => before.count(Status::Warn),
                    "failed" => before.count(Status::Fail),
                )
            )
        );
        let tenant_id = before.tenant_id.clone().unwrap_or(target.tenant.clone());
        eprintln!(
            "{}",
            tra(
                "cli-consent-waiting",
                &margs!(
                    "client" => target.client_id.as_str(),
                    "secs" => wait.as_secs(),
                )
            )
        );
        let outcome = admin::admin_consent(
            &target.endpoints,
            &tenant_id,
            &target.client_id,
            opener(args.browser),
            wait,
        )
        .await;
        if let Err(e) = outcome {
            return Err(admin_failure(&e));
        }
        eprintln!("{}", tr("cli-consent-granted"));
        let mut after = run_check(&check).await;
        let mut attempts = 0;
        while statuses(&after) == statuses(&before) && !after.ok && attempts < SETTLE_ATTEMPTS {
            attempts += 1;
            eprintln!(
                "{}",
                tra(
                    "cli-consent-settling",
                    &margs!("secs" => SETTLE_WAIT.as_secs())
                )
            );
            tokio::time::sleep(SETTLE_WAIT).await;
            after = run_check(&check).await;
        }
        output::print_human(&check, &after.localized(lang()));
        print_changes(&before, &after);
        // The FAQ: after every change on the Azure side, disable and enable the integration.
        println!();
        println!("{}", tr("genesys-restart-after-azure-change"));
        Ok(exit_for(after.ok))
    })
}

/// Per check id: old status → new status.
fn print_changes(before: &Report, after: &Report) {
    let width = after.checks.iter().map(|c| c.id.len()).max().unwrap_or(10);
    let mut changed = Vec::new();
    let mut same = Vec::new();
    for c in &after.checks {
        match before.get(&c.id).map(|b| b.status) {
            Some(old) if old == c.status => same.push(format!("{} ({})", c.id, c.status.word())),
            Some(old) => changed.push(format!(
                "  {:<width$}  {} → {}",
                c.id,
                old.word(),
                c.status.word()
            )),
            None => changed.push(format!(
                "  {:<width$}  {}",
                c.id,
                tra("cli-change-new", &margs!("status" => c.status.word()))
            )),
        }
    }
    println!();
    if changed.is_empty() {
        println!("{}", tr("cli-changes-none"));
    } else {
        println!("{}", tr("cli-changes"));
        for line in changed {
            println!("{line}");
        }
    }
    if !same.is_empty() {
        println!(
            "{}",
            tra("cli-unchanged", &margs!("list" => same.join(", ")))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_kinds() {
        assert_eq!("browser".parse(), Ok(SignInKind::Browser));
        assert_eq!("Device-Code".parse(), Ok(SignInKind::DeviceCode));
        let unknown = "pigeon".parse::<SignInKind>().unwrap_err();
        assert!(unknown
            .text(graphwiz_core::i18n::Lang::En)
            .contains("browser or device-code"));
        assert!(unknown
            .text(graphwiz_core::i18n::Lang::De)
            .contains("browser oder device-code"));
    }

    #[test]
    fn redirect_uris() {
        for ok in [
            "http://localhost",
            "http://localhost:8400/done",
            "http://127.0.0.1",
            "https://example.com/cb",
        ] {
            assert!(checked_redirect(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com",
            "ftp://localhost",
            "localhost",
            "http://localhost/#x",
        ] {
            assert!(checked_redirect(bad).is_err(), "{bad}");
        }
    }
}
