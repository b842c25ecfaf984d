//! Administrator sign-in and admin consent end to end against the emulator on loopback: the test
//! plays the browser (it follows the authorize or consent URL without redirects and then brings
//! the `Location` to graphwiz's loopback listener), covering approval, denial, timeout, a wrong
//! `state`, a PKCE mismatch, the device code flow (pending, declined, expired), what the admin
//! token reads in three scenarios, and admin consent fixing `no-admin-consent`.

use graphwiz_core::http::HttpClient;
use graphwiz_core::microsoft::admin::{
    self, AdminError, AdminFindings, DeviceCodePrompt, SignInOptions, Waiting,
};
use graphwiz_core::{run_check, CheckInput, ClientSecret, Cloud, Endpoints, Status};
use graphwiz_emulator::{AdminOutcome, Emulator, Options, Scenario};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

const ADMIN_UPN: &str = "admin@contoso-demo.onmicrosoft.com";

async fn start(opts: Options) -> Emulator {
    Emulator::start(opts).await.expect("emulator starts")
}

fn endpoints(emu: &Emulator) -> Endpoints {
    let url = emu.base_url();
    Endpoints::new(Cloud::Global, Some(&url), Some(&url)).expect("endpoints")
}

fn http() -> HttpClient {
    HttpClient::new(Duration::from_secs(10))
}

fn quick(timeout: Duration) -> SignInOptions {
    SignInOptions {
        timeout,
        ..SignInOptions::default()
    }
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn location(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// Replaces the `state` parameter of a URL.
fn with_state(url: &str, state: &str) -> String {
    let mut u = url::Url::parse(url).expect("url");
    let pairs: Vec<(String, String)> = u
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                state.to_string()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    u.query_pairs_mut().clear().extend_pairs(pairs);
    u.to_string()
}

/// Plays the browser: GET the Entra page without following redirects, then GET its Location (the
/// loopback listener) and return that page's text.
async fn play(url: String) -> Result<String, String> {
    let client = no_redirects();
    let resp = client.get(&url).send().await.map_err(|e| e.to_string())?;
    let loc = location(&resp).ok_or_else(|| format!("no redirect (HTTP {})", resp.status()))?;
    let page = client.get(&loc).send().await.map_err(|e| e.to_string())?;
    page.text().await.map_err(|e| e.to_string())
}

/// An opener that plays the browser in the background and reports the page the loopback
/// listener showed. `state` replaces the request's state when given.
/// Pages the loopback listener showed the test's browser.
type Pages = mpsc::UnboundedReceiver<Result<String, String>>;
/// URLs the opener was given.
type Seen = Arc<Mutex<Vec<String>>>;

fn browser(state: Option<&'static str>) -> (impl Fn(&str) -> Result<(), String>, Pages, Seen) {
    let (tx, rx) = mpsc::unbounded_channel();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let seen2 = seen.clone();
    let opener = move |url: &str| {
        let url = match state {
            Some(s) => with_state(url, s),
            None => url.to_string(),
        };
        if let Ok(mut v) = seen2.lock() {
            v.push(url.clone());
        }
        let tx = tx.clone();
        tokio::spawn(async move {
            let _ = tx.send(play(url).await);
        });
        Ok(())
    };
    (opener, rx, seen)
}

fn token_posts(emu: &Emulator) -> usize {
    emu.requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/oauth2/v2.0/token"))
        .count()
}

fn check_input(emu: &Emulator) -> CheckInput {
    let c = emu.demo();
    let mut input = CheckInput::new(
        endpoints(emu),
        c.tenant_id.clone(),
        c.client_id.clone(),
        ClientSecret::new(c.client_secret.clone()),
    );
    input.timeout = Duration::from_secs(10);
    input
}

#[tokio::test]
async fn browser_sign_in_settles_user_read_on_grants_unreadable() {
    let emu = start(Options::scenario(Scenario::Healthy)).await;
    let c = emu.demo();
    let e = endpoints(&emu);
    let (opener, mut pages, seen) = browser(None);
    let token = admin::sign_in_browser(
        &http(),
        &e,
        &c.tenant_id,
        &quick(Duration::from_secs(20)),
        opener,
    )
    .await
    .expect("signed in");
    assert_eq!(token.upn(), Some(ADMIN_UPN));
    let dbg = format!("{token:?}");
    assert!(
        dbg.contains("<redacted>") && !dbg.contains(token.bearer()),
        "{dbg}"
    );
    let page = pages.recv().await.expect("page").expect("browser");
    assert!(
        page.contains("Signed in. You can close this tab."),
        "{page}"
    );

    // The authorize URL: PKCE S256, a loopback redirect, the least-privileged scopes.
    let url = seen.lock().expect("lock")[0].clone();
    let u = url::Url::parse(&url).expect("url");
    let q = |k: &str| {
        u.query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    assert!(u.path().ends_with("/oauth2/v2.0/authorize"), "{url}");
    assert_eq!(q("client_id"), admin::GRAPH_COMMAND_LINE_TOOLS);
    assert_eq!(q("code_challenge_method"), "S256");
    assert_eq!(q("response_mode"), "query");
    assert_eq!(q("code_challenge").len(), 43);
    assert!(q("state").len() >= 22);
    assert!(q("redirect_uri").starts_with("http://localhost:"), "{url}");
    assert_eq!(
        q("scope"),
        "https://graph.microsoft.com/Application.Read.All https://graph.microsoft.com/Directory.Read.All https://graph.microsoft.com/User.Read"
    );

    // The app's own token can't tell; the admin's can.
    let mut report = run_check(&check_input(&emu)).await;
    assert_eq!(
        report.get("perm_user_read").map(|c| c.status),
        Some(Status::Warn)
    );
    let findings = admin::admin_findings(&http(), &e, &token, &c.client_id)
        .await
        .expect("findings");
    assert_eq!(
        findings,
        AdminFindings {
            user_read_consented: true,
            mail_readwrite_assigned: true,
            mail_send_assigned: true,
            admin_upn: Some(ADMIN_UPN.to_string()),
            service_principal_id: findings.service_principal_id.clone(),
            consented_scopes: vec!["User.Read".to_string()],
        }
    );
    assert!(findings.service_principal_id.is_some());
    let check = admin::user_read_check_from_admin(&findings, Cloud::Global, &c.client_id);
    assert_eq!(check.id, "perm_user_read");
    assert_eq!(check.status, Status::Pass);
    assert!(
        check
            .summary
            .contains(&format!("verified by admin sign-in as {ADMIN_UPN}")),
        "{}",
        check.summary
    );
    assert!(admin::settle_user_read(
        &mut report,
        &findings,
        Cloud::Global,
        &c.client_id
    ));
    assert_eq!(
        report.get("perm_user_read").map(|c| c.status),
        Some(Status::Pass)
    );
    assert!(report.ok);
}

#[tokio::test]
async fn browser_sign_in_declined() {
    let emu = start(Options {
        admin_outcome: AdminOutcome::Deny,
        ..Options::scenario(Scenario::Healthy)
    })
    .await;
    let (opener, mut pages, _) = browser(None);
    let err = admin::sign_in_browser(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_secs(20)),
        opener,
    )
    .await
    .expect_err("declined");
    match &err {
        AdminError::SignInRefused {
            error,
            code,
            message,
        } => {
            assert_eq!(error, "access_denied");
            assert_eq!(*code, Some(65004));
            assert_eq!(message, "User declined to consent to access the app.");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(err.code().as_deref(), Some("AADSTS65004"));
    assert!(err.fix().contains("declined or cancelled"), "{}", err.fix());
    let page = pages.recv().await.expect("page").expect("browser");
    assert!(page.contains("Not signed in"), "{page}");
    assert_eq!(token_posts(&emu), 0, "nothing is redeemed");
}

#[tokio::test]
async fn the_return_page_speaks_the_browser_s_language() {
    let emu = start(Options {
        admin_outcome: AdminOutcome::Deny,
        ..Options::scenario(Scenario::Healthy)
    })
    .await;
    let (tx, mut pages) = mpsc::unbounded_channel();
    // A German browser: the page that comes back is German, the error stays language-free.
    let opener = move |url: &str| {
        let url = url.to_string();
        let tx = tx.clone();
        tokio::spawn(async move {
            let client = no_redirects();
            let page = async {
                let resp = client.get(&url).send().await.ok()?;
                let loc = location(&resp)?;
                let page = client
                    .get(&loc)
                    .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8")
                    .send()
                    .await
                    .ok()?;
                page.text().await.ok()
            }
            .await;
            let _ = tx.send(page);
        });
        Ok(())
    };
    let err = admin::sign_in_browser(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_secs(20)),
        opener,
    )
    .await
    .expect_err("declined");
    let page = pages.recv().await.flatten().expect("page");
    assert!(
        page.contains("lang=\"de\"") && page.contains("Nicht angemeldet"),
        "{page}"
    );
    assert!(page.contains("abgelehnt oder abgebrochen"), "{page}");
    assert!(err.to_string().starts_with("the sign-in was not completed"));
    assert_eq!(err.msg().id, "admin-sign-in-refused");
    assert!(err
        .msg()
        .fix(graphwiz_core::i18n::Lang::De)
        .unwrap_or_default()
        .contains("Administratorkonto"));
}

#[tokio::test]
async fn browser_sign_in_times_out_when_no_browser_comes() {
    let emu = start(Options::scenario(Scenario::Healthy)).await;
    let started = Instant::now();
    let err = admin::sign_in_browser(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_millis(600)),
        |_url: &str| Ok(()),
    )
    .await
    .expect_err("timeout");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(
            err,
            AdminError::Timeout {
                waiting: Waiting::BrowserSignIn,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("did not finish within 1 s"),
        "{err}"
    );
    assert!(err.fix().contains("device code"), "{}", err.fix());
}

#[tokio::test]
async fn browser_sign_in_rejects_a_foreign_state() {
    let emu = start(Options::scenario(Scenario::Healthy)).await;
    let (opener, mut pages, _) = browser(Some("somebody-elses-state"));
    let err = admin::sign_in_browser(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_secs(20)),
        opener,
    )
    .await
    .expect_err("state mismatch");
    assert!(matches!(err, AdminError::StateMismatch), "{err:?}");
    let page = pages.recv().await.expect("page").expect("browser");
    assert!(page.contains("state mismatch"), "{page}");
    assert_eq!(
        token_posts(&emu),
        0,
        "no token exchange on a state mismatch"
    );
}

#[tokio::test]
async fn opener_failure_is_reported() {
    let emu = start(Options::scenario(Scenario::Healthy)).await;
    let err = admin::sign_in_browser(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_secs(5)),
        |_url: &str| Err("no display".to_string()),
    )
    .await
    .expect_err("opener fails");
    assert!(matches!(err, AdminError::Opener { .. }), "{err:?}");
    assert!(err.to_string().contains("no display"));
}

#[tokio::test]
async fn loopback_ignores_stray_requests() {
    let emu = start(Options::scenario(Scenario::Healthy)).await;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let opener = move |url: &str| {
        let url = url.to_string();
        let tx = tx.clone();
        tokio::spawn(async move {
            let u = url::Url::parse(&url).expect("url");
            let redirect = u
                .query_pairs()
                .find(|(k, _)| k == "redirect_uri")
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
            // A speculative connection that never sends a request, kept open to the end.
            let port = url::Url::parse(&redirect)
                .ok()
                .and_then(|r| r.port())
                .unwrap_or(0);
            let idle = tokio::net::TcpStream::connect(("127.0.0.1", port)).await;
            let client = no_redirects();
            let favicon = client.get(format!("{redirect}/favicon.ico")).send().await;
            let bare = client.get(format!("{redirect}/")).send().await;
            let statuses = (
                favicon.map(|r| r.status().as_u16()).unwrap_or(0),
                bare.map(|r| r.status().as_u16()).unwrap_or(0),
            );
            let _ = tx.send(statuses);
            let _ = play(url).await;
            drop(idle);
        });
        Ok(())
    };
    let started = Instant::now();
    let token = admin::sign_in_browser(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_secs(20)),
        opener,
    )
    .await
    .expect("signed in after stray requests");
    assert_eq!(token.upn(), Some(ADMIN_UPN));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "an idle connection must not hold up the answer: {:?}",
        started.elapsed()
    );
    assert_eq!(rx.recv().await, Some((404, 400)));
}

#[tokio::test]
async fn pkce_mismatch_is_a_clear_error() {
    let emu = start(Options::scenario(Scenario::Healthy)).await;
    let c = emu.demo();
    let e = endpoints(&emu);
    let options = SignInOptions::default();
    let scope = options.scope_param(Cloud::Global);
    let redirect = "http://localhost:53999";
    let pkce = admin::Pkce::generate().expect("pkce");
    let url = admin::authorize_url(
        &e,
        &c.tenant_id,
        &options.client_id,
        redirect,
        &scope,
        "st",
        &pkce.challenge(),
    );
    let resp = no_redirects().get(&url).send().await.expect("authorize");
    let loc = url::Url::parse(&location(&resp).expect("location")).expect("url");
    let code = loc
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("code");
    let other = admin::Pkce::generate().expect("pkce");
    let err = admin::redeem_code(
        &http(),
        &e,
        &c.tenant_id,
        &options.client_id,
        &code,
        redirect,
        other.verifier(),
        &scope,
    )
    .await
    .expect_err("mismatch");
    assert!(matches!(err, AdminError::PkceMismatch), "{err:?}");
    assert!(err.to_string().contains("PKCE mismatch"), "{err}");
    assert_eq!(err.code().as_deref(), Some("AADSTS501481"));
}

fn device_options(pending: u32, outcome: AdminOutcome) -> Options {
    Options {
        device_pending_polls: pending,
        device_interval_secs: 0,
        device_outcome: outcome,
        ..Options::scenario(Scenario::UserReadNotConsented)
    }
}

#[tokio::test]
async fn device_code_pending_then_token() {
    let emu = start(device_options(2, AdminOutcome::Approve)).await;
    let c = emu.demo();
    let e = endpoints(&emu);
    let prompts: Arc<Mutex<Vec<DeviceCodePrompt>>> = Arc::default();
    let p2 = prompts.clone();
    let token = admin::sign_in_device_code(
        &http(),
        &e,
        &c.tenant_id,
        &quick(Duration::from_secs(20)),
        move |p: &DeviceCodePrompt| {
            if let Ok(mut v) = p2.lock() {
                v.push(p.clone());
            }
        },
    )
    .await
    .expect("signed in");
    assert_eq!(token.upn(), Some(ADMIN_UPN));
    let prompts = prompts.lock().expect("lock").clone();
    assert_eq!(prompts.len(), 1);
    assert_eq!(
        prompts[0].verification_uri,
        "https://microsoft.com/devicelogin"
    );
    assert!(prompts[0].message.contains(&prompts[0].user_code));
    assert_eq!(prompts[0].expires_in, Duration::from_secs(900));
    assert_eq!(token_posts(&emu), 3, "two pending polls, then the token");

    // This scenario: mail roles assigned, User.Read not consented.
    let findings = admin::admin_findings(&http(), &e, &token, &c.client_id)
        .await
        .expect("findings");
    assert!(!findings.user_read_consented);
    assert!(findings.mail_readwrite_assigned && findings.mail_send_assigned);
    let check = admin::user_read_check_from_admin(&findings, Cloud::Global, &c.client_id);
    assert_eq!(check.status, Status::Fail);
    assert!(
        check.summary.contains("has no admin consent"),
        "{}",
        check.summary
    );
    let fix = check.fix.unwrap_or_default();
    assert!(fix.contains("Grant admin consent"), "{fix}");
    assert!(check
        .portal_url
        .unwrap_or_default()
        .contains("/CallAnAPI/appId/"));
}

#[tokio::test]
async fn device_code_declined() {
    let emu = start(device_options(1, AdminOutcome::Deny)).await;
    let err = admin::sign_in_device_code(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_secs(20)),
        |_: &DeviceCodePrompt| {},
    )
    .await
    .expect_err("declined");
    assert!(matches!(err, AdminError::DeviceDeclined), "{err:?}");
    assert!(err.fix().contains("approve"), "{}", err.fix());
}

#[tokio::test]
async fn device_code_expires() {
    let emu = start(Options {
        device_code_lifetime: Duration::from_millis(800),
        ..device_options(10_000, AdminOutcome::Approve)
    })
    .await;
    let started = Instant::now();
    let err = admin::sign_in_device_code(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_secs(20)),
        |_: &DeviceCodePrompt| {},
    )
    .await
    .expect_err("expired");
    assert!(matches!(err, AdminError::DeviceExpired), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn device_code_gives_up_at_the_timeout() {
    let emu = start(device_options(10_000, AdminOutcome::Approve)).await;
    let started = Instant::now();
    let err = admin::sign_in_device_code(
        &http(),
        &endpoints(&emu),
        &emu.demo().tenant_id,
        &quick(Duration::from_millis(700)),
        |_: &DeviceCodePrompt| {},
    )
    .await
    .expect_err("timeout");
    assert!(
        matches!(
            err,
            AdminError::Timeout {
                waiting: Waiting::DeviceCode,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn admin_consent_fixes_no_admin_consent() {
    // The app reads the directory, so its own re-check sees User.Read's grant as well.
    let emu = start(Options {
        app_reads_directory: true,
        ..Options::scenario(Scenario::NoAdminConsent)
    })
    .await;
    let c = emu.demo();
    let e = endpoints(&emu);
    let before = run_check(&check_input(&emu)).await;
    for id in ["perm_mail_readwrite", "perm_mail_send", "perm_user_read"] {
        assert_eq!(before.get(id).map(|c| c.status), Some(Status::Fail), "{id}");
    }

    // What an admin sees before consent: nothing assigned, nothing consented.
    let (opener, _pages, _) = browser(None);
    let token = admin::sign_in_browser(
        &http(),
        &e,
        &c.tenant_id,
        &quick(Duration::from_secs(20)),
        opener,
    )
    .await
    .expect("signed in");
    let findings = admin::admin_findings(&http(), &e, &token, &c.client_id)
        .await
        .expect("findings");
    assert!(
        !findings.user_read_consented
            && !findings.mail_readwrite_assigned
            && !findings.mail_send_assigned,
        "{findings:?}"
    );

    let (opener, mut pages, seen) = browser(None);
    let outcome = admin::admin_consent(
        &e,
        &c.tenant_id,
        &c.client_id,
        opener,
        Duration::from_secs(20),
    )
    .await
    .expect("consented");
    assert_eq!(outcome.tenant_id.as_deref(), Some(c.tenant_id.as_str()));
    // The v1 admin consent endpoint names no scopes in its answer (only v2.0's does); what was
    // granted is proved by the checks that follow, not by the redirect.
    assert!(outcome.scopes.is_empty(), "{:?}", outcome.scopes);
    assert!(outcome.redirect_uri.starts_with("http://localhost:"));
    let page = pages.recv().await.expect("page").expect("browser");
    assert!(page.contains("Admin consent granted"), "{page}");
    let url = seen.lock().expect("lock")[0].clone();
    assert!(
        url.starts_with(&format!(
            "{}/{}/adminconsent?client_id={}&state=",
            emu.base_url(),
            c.tenant_id,
            c.client_id
        )),
        "{url}"
    );

    let after = run_check(&check_input(&emu)).await;
    for id in ["perm_mail_readwrite", "perm_mail_send", "perm_user_read"] {
        assert_eq!(
            after.get(id).map(|c| c.status),
            Some(Status::Pass),
            "{id}: {after:#?}"
        );
    }
    assert!(after.ok);
    let findings = admin::admin_findings(&http(), &e, &token, &c.client_id)
        .await
        .expect("findings");
    assert!(
        findings.user_read_consented
            && findings.mail_readwrite_assigned
            && findings.mail_send_assigned
    );
}

#[tokio::test]
async fn admin_consent_denied_explains_the_roles() {
    let emu = start(Options {
        admin_outcome: AdminOutcome::Deny,
        ..Options::scenario(Scenario::NoAdminConsent)
    })
    .await;
    let c = emu.demo();
    let (opener, mut pages, _) = browser(None);
    let err = admin::admin_consent(
        &endpoints(&emu),
        &c.tenant_id,
        &c.client_id,
        opener,
        Duration::from_secs(20),
    )
    .await
    .expect_err("denied");
    assert!(matches!(err, AdminError::ConsentRefused { .. }), "{err:?}");
    assert_eq!(err.code().as_deref(), Some("AADSTS65004"));
    assert!(
        err.to_string().contains("The admin canceled the request"),
        "{err}"
    );
    let fix = err.fix();
    assert!(
        fix.contains("Global Administrator") && fix.contains("Privileged Role Administrator"),
        "{fix}"
    );
    assert!(fix.contains("http://localhost"), "{fix}");
    let page = pages.recv().await.expect("page").expect("browser");
    assert!(page.contains("No admin consent"), "{page}");
    let report = run_check(&check_input(&emu)).await;
    assert_eq!(
        report.get("perm_mail_send").map(|c| c.status),
        Some(Status::Fail)
    );
}

#[tokio::test]
async fn admin_consent_times_out_with_the_redirect_hint() {
    let emu = start(Options::scenario(Scenario::NoAdminConsent)).await;
    let c = emu.demo();
    let err = admin::admin_consent(
        &endpoints(&emu),
        &c.tenant_id,
        &c.client_id,
        |_url: &str| Ok(()),
        Duration::from_millis(400),
    )
    .await
    .expect_err("timeout");
    assert!(
        matches!(
            err,
            AdminError::Timeout {
                waiting: Waiting::AdminConsent,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.fix().contains("AADSTS50011"), "{}", err.fix());
}

/// removePassword of a keyId the app no longer has: Microsoft documents no answer (404 and 400
/// are both possible), so graphwiz reads the app's secrets again and counts a key that is gone as
/// removed, whichever the service answers; a refusal of a key that is still there stands.
#[tokio::test]
async fn remove_password_of_a_gone_key_is_removed_whatever_graph_answers() {
    use graphwiz_core::rotate::azure;
    use graphwiz_emulator::UnknownKeyAnswer;
    for answer in [UnknownKeyAnswer::NotFound, UnknownKeyAnswer::BadRequest] {
        let emu = start(Options {
            unknown_key_answer: answer,
            ..device_options(0, AdminOutcome::Approve)
        })
        .await;
        let c = emu.demo();
        let e = endpoints(&emu);
        let opts = SignInOptions {
            scopes: vec![azure::MANAGE_SCOPE.to_string()],
            ..quick(Duration::from_secs(20))
        };
        let token = admin::sign_in_device_code(&http(), &e, &c.tenant_id, &opts, |_| {})
            .await
            .expect("signed in");
        let before = azure::secrets(&http(), &e, &token, &c.client_id)
            .await
            .expect("secrets");
        let key = before[0].key_id.clone().expect("a key id");
        azure::remove(&http(), &e, &token, &c.client_id, &key)
            .await
            .expect("removed");
        azure::remove(&http(), &e, &token, &c.client_id, &key)
            .await
            .unwrap_or_else(|f| panic!("{answer:?}: a gone key counts as removed: {f:?}"));
        let status = emu
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/removePassword"))
            .map(|r| r.status)
            .collect::<Vec<_>>();
        let want = match answer {
            UnknownKeyAnswer::NotFound => 404,
            UnknownKeyAnswer::BadRequest => 400,
        };
        assert_eq!(status, vec![204, want], "{answer:?}");
    }
}

/// A guest administrator (an MSP's account in the customer's tenant) has no `upn` claim: who
/// signed in is read from `/me`.
#[tokio::test]
async fn a_guest_administrator_is_named_from_me() {
    let emu = start(Options {
        admin_is_guest: true,
        ..device_options(0, AdminOutcome::Approve)
    })
    .await;
    let c = emu.demo();
    let e = endpoints(&emu);
    let token = admin::sign_in_device_code(
        &http(),
        &e,
        &c.tenant_id,
        &quick(Duration::from_secs(20)),
        |_: &DeviceCodePrompt| {},
    )
    .await
    .expect("signed in");
    assert_eq!(token.upn(), None, "a guest's token carries no upn");
    let findings = admin::admin_findings(&http(), &e, &token, &c.client_id)
        .await
        .expect("findings");
    assert_eq!(findings.admin_upn.as_deref(), Some(ADMIN_UPN));
    assert!(emu
        .requests()
        .iter()
        .any(|r| r.path == "/v1.0/me" && r.status == 200));
}
