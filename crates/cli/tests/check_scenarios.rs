//! `graphwiz check` end to end: the real binary against the emulator on loopback, one test per
//! scenario, asserting exit status, each check's status, codes and the key words of the fixes.

use graphwiz_emulator::{DemoCredentials, Emulator, Options, Scenario};
use serde_json::Value;

mod common;
use common::Run;

/// Runs graphwiz with a data folder of its own, the secret in `GRAPHWIZ_CLIENT_SECRET` when
/// given, and `stdin` piped in when given.
fn graphwiz(args: &[&str], secret_env: Option<&str>, stdin: Option<&str>) -> Run {
    let home = tempfile::tempdir().expect("temporary data folder");
    let env: Vec<(&str, &str)> = secret_env
        .map(|s| ("GRAPHWIZ_CLIENT_SECRET", s))
        .into_iter()
        .collect();
    common::graphwiz_in(home.path(), args, stdin, &env)
}

fn check_args<'a>(emu_url: &'a str, c: &'a DemoCredentials, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "check",
        "--tenant",
        c.tenant_id.as_str(),
        "--client-id",
        c.client_id.as_str(),
        "--login-url",
        emu_url,
        "--graph-url",
        emu_url,
        "--timeout",
        "10",
    ];
    v.extend_from_slice(extra);
    v
}

fn run_scenario(s: Scenario, extra: &[&str]) -> (Run, Emulator) {
    run_with(Options::scenario(s), extra)
}

/// The scenario in a tenant whose app also holds Directory.Read.All, so its own token reads its
/// grants (rare in real tenants; there an administrator's sign-in settles User.Read).
fn run_reading_directory(s: Scenario, extra: &[&str]) -> (Run, Emulator) {
    run_with(
        Options {
            app_reads_directory: true,
            ..Options::scenario(s)
        },
        extra,
    )
}

fn run_with(opts: Options, extra: &[&str]) -> (Run, Emulator) {
    let emu = Emulator::spawn_thread(opts).expect("emulator starts");
    let url = emu.base_url();
    let c = emu.demo();
    let mut args = check_args(&url, &c, extra);
    args.push("--json");
    let run = graphwiz(&args, Some(&c.client_secret), None);
    assert!(
        !run.stdout.contains(&c.client_secret) && !run.stderr.contains(&c.client_secret),
        "the secret must never be printed"
    );
    (run, emu)
}

fn check<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks array")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {report:#}"))
}

fn assert_status(report: &Value, id: &str, status: &str) {
    let c = check(report, id);
    assert_eq!(c["status"], status, "check {id}: {c:#}");
}

fn assert_fix_has(report: &Value, id: &str, words: &[&str]) {
    let c = check(report, id);
    let fix = c["fix"]
        .as_str()
        .unwrap_or_else(|| panic!("check {id} has no fix: {c:#}"));
    for w in words {
        assert!(fix.contains(w), "fix of {id} lacks '{w}': {fix}");
    }
}

fn assert_summary_has(report: &Value, id: &str, words: &[&str]) {
    let c = check(report, id);
    let s = c["summary"].as_str().unwrap_or_default();
    for w in words {
        assert!(s.contains(w), "summary of {id} lacks '{w}': {s}");
    }
}

const GRAPH_CHECKS: [&str; 4] = [
    "registration",
    "perm_mail_readwrite",
    "perm_mail_send",
    "perm_user_read",
];

/// Every check passes except User.Read's consent, which the app's own token cannot see in a real
/// tenant: a warning (exit 0), never a pass.
#[test]
fn healthy_passes_everything_the_apps_own_token_can_prove() {
    let (run, _emu) = run_scenario(Scenario::Healthy, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = run.json();
    assert_eq!(r["ok"], true);
    for c in r["checks"].as_array().unwrap() {
        let want = if c["id"] == "perm_user_read" {
            "warn"
        } else {
            "pass"
        };
        assert_eq!(c["status"], want, "{c:#}");
        assert!(c["args"].is_object(), "args is always an object: {c:#}");
    }
}

#[test]
fn directory_reads_passes_everything() {
    let (run, _emu) = run_scenario(Scenario::DirectoryReads, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = run.json();
    assert_eq!(r["ok"], true);
    assert_eq!(r["tenant_id"], "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903");
    assert!(r["token_endpoint"]
        .as_str()
        .unwrap()
        .ends_with("/5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903/oauth2/v2.0/token"));
    let checks = r["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 7);
    for c in checks {
        assert_eq!(c["status"], "pass", "{c:#}");
        for key in [
            "id",
            "status",
            "summary",
            "fix",
            "code",
            "portal_url",
            "elapsed_ms",
        ] {
            assert!(c.get(key).is_some(), "check lacks {key}: {c:#}");
        }
    }
}

#[test]
fn domain_tenant_resolves_to_guid() {
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let url = emu.base_url();
    let c = emu.demo();
    let args = [
        "check",
        "--tenant",
        &c.tenant_domain,
        "--client-id",
        &c.client_id,
        "--login-url",
        &url,
        "--graph-url",
        &url,
        "--json",
    ];
    let run = graphwiz(&args, Some(&c.client_secret), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = run.json();
    assert_eq!(r["tenant_id"], c.tenant_id.as_str());
    assert_summary_has(&r, "tenant", &[c.tenant_id.as_str()]);
}

#[test]
fn wrong_secret() {
    let (run, _emu) = run_scenario(Scenario::WrongSecret, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_eq!(r["ok"], false);
    assert_status(&r, "tenant", "pass");
    assert_status(&r, "credentials", "fail");
    assert_eq!(check(&r, "credentials")["code"], "AADSTS7000215");
    assert_fix_has(
        &r,
        "credentials",
        &["Value", "not the Secret ID", "Certificates & secrets"],
    );
    let url = check(&r, "credentials")["portal_url"].as_str().unwrap();
    assert!(url.contains("/Credentials/"), "{url}");
    // Opened in the tenant's own directory (#@<tenant>/view/…).
    assert!(
        url.starts_with("https://portal.azure.com/#@5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903/view/"),
        "{url}"
    );
    for id in GRAPH_CHECKS {
        assert_status(&r, id, "skip");
    }
}

#[test]
fn secret_id_pasted_is_refused_before_any_request() {
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::SecretIdPasted)).unwrap();
    let url = emu.base_url();
    let c = emu.demo();
    let run = graphwiz(&check_args(&url, &c, &[]), Some(&c.client_secret), None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("this looks like the Secret ID; copy the Value column"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Client secret"),
        "names the field: {}",
        run.stderr
    );
    assert_eq!(emu.request_count(), 0, "nothing may be sent on bad input");
}

#[test]
fn secret_id_pasted_with_i_know_explains_7000215() {
    let (run, _emu) = run_scenario(Scenario::SecretIdPasted, &["--i-know"]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "credentials", "fail");
    assert_eq!(check(&r, "credentials")["code"], "AADSTS7000215");
    assert_summary_has(&r, "credentials", &["Secret ID, not its Value"]);
    assert_fix_has(
        &r,
        "credentials",
        &["copy the secret's Value, not the Secret ID"],
    );
}

#[test]
fn expired_secret() {
    let (run, _emu) = run_scenario(Scenario::ExpiredSecret, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "credentials", "fail");
    assert_eq!(check(&r, "credentials")["code"], "AADSTS7000222");
    assert_fix_has(
        &r,
        "credentials",
        &[
            "New client secret",
            "Genesys Cloud",
            "disable and enable the integration",
        ],
    );
}

#[test]
fn unknown_app() {
    let (run, _emu) = run_scenario(Scenario::UnknownApp, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "tenant", "pass");
    assert_status(&r, "credentials", "fail");
    assert_eq!(check(&r, "credentials")["code"], "AADSTS700016");
    assert_fix_has(&r, "credentials", &["Application (client) ID", "Overview"]);
}

#[test]
fn unknown_tenant() {
    let (run, _emu) = run_scenario(Scenario::UnknownTenant, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "tenant", "fail");
    assert_eq!(check(&r, "tenant")["code"], "AADSTS90002");
    assert_fix_has(&r, "tenant", &["Directory (tenant) ID", "cloud"]);
    assert_eq!(r["tenant_id"], Value::Null);
    for id in [
        "credentials",
        "registration",
        "perm_mail_readwrite",
        "perm_mail_send",
        "perm_user_read",
    ] {
        assert_status(&r, id, "skip");
        assert_summary_has(&r, id, &["Skipped"]);
    }
}

#[test]
fn app_disabled() {
    let (run, _emu) = run_scenario(Scenario::AppDisabled, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_eq!(check(&r, "credentials")["code"], "AADSTS7000112");
    assert_fix_has(
        &r,
        "credentials",
        &["Enterprise applications", "Enabled for users to sign in?"],
    );
}

#[test]
fn no_admin_consent() {
    // The token's missing roles prove the application permissions unconsented; User.Read's grant
    // is invisible to the app's own token, so it stays a warning until an administrator looks.
    let (run, _emu) = run_scenario(Scenario::NoAdminConsent, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "perm_user_read", "warn");
    for id in ["perm_mail_readwrite", "perm_mail_send"] {
        assert_status(&r, id, "fail");
        assert_fix_has(&r, id, &["Grant admin consent for"]);
    }
    let (run, _emu) = run_reading_directory(Scenario::NoAdminConsent, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "credentials", "pass");
    assert_status(&r, "registration", "pass");
    for id in ["perm_mail_readwrite", "perm_mail_send", "perm_user_read"] {
        assert_status(&r, id, "fail");
        assert_fix_has(&r, id, &["Grant admin consent for"]);
        assert!(check(&r, id)["portal_url"]
            .as_str()
            .unwrap()
            .contains("/CallAnAPI/"));
    }
    assert_summary_has(
        &r,
        "perm_mail_send",
        &["requested but admin consent was not granted"],
    );
}

#[test]
fn user_read_as_application() {
    let (run, _emu) = run_scenario(Scenario::UserReadAsApplication, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "registration", "fail");
    assert_summary_has(
        &r,
        "registration",
        &["User.Read is requested as Application (User.Read.All)"],
    );
    assert_fix_has(
        &r,
        "registration",
        &["remove User.Read.All", "Delegated permissions → User.Read"],
    );
    assert_status(&r, "perm_user_read", "fail");
    assert_fix_has(&r, "perm_user_read", &["Delegated permissions → User.Read"]);
    assert_status(&r, "perm_mail_readwrite", "pass");
    assert_status(&r, "perm_mail_send", "pass");
}

#[test]
fn mail_send_delegated() {
    let (run, _emu) = run_scenario(Scenario::MailSendDelegated, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "registration", "fail");
    assert_summary_has(&r, "registration", &["Mail.Send is requested as Delegated"]);
    assert_status(&r, "perm_mail_send", "fail");
    assert_summary_has(&r, "perm_mail_send", &["added as Delegated"]);
    assert_fix_has(
        &r,
        "perm_mail_send",
        &[
            "remove Mail.Send (type Delegated)",
            "Application permissions → Mail.Send",
        ],
    );
    assert_status(&r, "perm_mail_readwrite", "pass");
    assert_status(&r, "perm_user_read", "warn");
}

#[test]
fn user_read_not_consented() {
    // The app's own token cannot see the missing grant: unverified, never a pass.
    let (run, _emu) = run_scenario(Scenario::UserReadNotConsented, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_status(&run.json(), "perm_user_read", "warn");
    // An app that reads the directory sees it.
    let (run, _emu) = run_reading_directory(Scenario::UserReadNotConsented, &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "perm_user_read", "fail");
    assert_fix_has(&r, "perm_user_read", &["Grant admin consent for"]);
    for id in [
        "tenant",
        "credentials",
        "registration",
        "perm_mail_readwrite",
        "perm_mail_send",
    ] {
        assert_status(&r, id, "pass");
    }
}

#[test]
fn healthy_user_read_is_a_warning_never_pass_or_fail() {
    // As in every real tenant, the app's own token may not read its grants.
    let (run, _emu) = run_scenario(Scenario::Healthy, &[]);
    assert_eq!(run.code, 0, "warnings do not fail the run");
    let r = run.json();
    assert_eq!(r["ok"], true);
    assert_status(&r, "perm_user_read", "warn");
    assert_summary_has(&r, "perm_user_read", &["Could not verify"]);
    assert_fix_has(
        &r,
        "perm_user_read",
        &["green tick", "User.Read (Delegated)"],
    );
    assert_eq!(
        check(&r, "perm_user_read")["code"],
        "Authorization_RequestDenied"
    );
}

#[test]
fn throttled_is_retried_and_passes() {
    let (run, emu) = run_reading_directory(Scenario::Throttled, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let r = run.json();
    for c in r["checks"].as_array().unwrap() {
        assert_eq!(c["status"], "pass", "{c:#}");
    }
    let throttled = emu.requests().iter().filter(|q| q.status == 429).count();
    assert!(
        throttled >= 2,
        "the emulator throttled {throttled} requests"
    );
}

#[test]
fn throttling_shows_in_json_and_in_the_text() {
    // Graph answers its first two requests 429 (Retry-After: 0.2 s); graphwiz waits and retries.
    let (run, emu) = run_scenario(Scenario::Throttled, &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let r = run.json();
    assert_eq!(emu.requests().iter().filter(|q| q.status == 429).count(), 2);
    let t = &r["throttled"];
    let requests = t["requests"].as_u64().expect("throttled.requests");
    let waited = t["waited_ms"].as_u64().expect("throttled.waited_ms");
    assert!((1..=2).contains(&requests), "{t:#}");
    assert!((400..1_000).contains(&waited), "{t:#}");
    assert_eq!(t["service"], "microsoft", "{t:#}");
    let summary = t["summary"].as_str().unwrap_or_default();
    assert!(
        summary.starts_with("Microsoft Graph throttled"),
        "{summary}"
    );

    // The same note under the checks of the text report.
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Throttled)).unwrap();
    let url = emu.base_url();
    let c = emu.demo();
    let run = graphwiz(&check_args(&url, &c, &[]), Some(&c.client_secret), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Microsoft Graph throttled "))
        .unwrap_or_else(|| panic!("no throttling note in:\n{}", run.stdout));
    assert!(
        line.contains("graphwiz waited 0.") && line.ends_with(" s and retried."),
        "{line}"
    );

    // Nothing throttled, no note.
    let (run, _emu) = run_scenario(Scenario::Healthy, &[]);
    assert!(run.json().get("throttled").is_none(), "{}", run.stdout);
}

#[test]
fn human_output_lists_checks_and_fixes() {
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::ExpiredSecret)).unwrap();
    let url = emu.base_url();
    let c = emu.demo();
    let run = graphwiz(
        &check_args(&url, &c, &["--secret-stdin"]),
        None,
        Some(&format!("{}\n", c.client_secret)),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("✘ FAIL  credentials"), "{}", run.stdout);
    assert!(run.stdout.contains("What to do:"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Azure portal: https://portal.azure.com/"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("OAuth 2.0 token endpoint (v2)"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stderr.contains("warning"),
        "a trailing newline from a pipe is not worth a warning: {}",
        run.stderr
    );
}

#[test]
fn bad_input_exits_2_and_sends_nothing() {
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let url = emu.base_url();
    let c = emu.demo();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "check",
                "--tenant",
                "not a tenant",
                "--client-id",
                &c.client_id,
                "--login-url",
                &url,
                "--graph-url",
                &url,
            ],
            "Directory (tenant) ID",
        ),
        (
            vec![
                "check",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                "my-app",
                "--login-url",
                &url,
                "--graph-url",
                &url,
            ],
            "Application (client) ID",
        ),
        (
            vec![
                "check",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--login-url",
                "http://login.example.com",
            ],
            "use https",
        ),
        (
            vec![
                "check",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--cloud",
                "mars",
            ],
            "possible values",
        ),
        (
            vec![
                "check",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--timeout",
                "0",
            ],
            "timeout",
        ),
        (vec!["check", "--tenant", &c.tenant_id], "--client-id"),
    ];
    for (args, want) in cases {
        let run = graphwiz(&args, Some(&c.client_secret), None);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(want),
            "{args:?}: stderr lacks '{want}': {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}");
    }
    // No secret at all.
    let run = graphwiz(&check_args(&url, &c, &[]), None, None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--secret-stdin") && run.stderr.contains("GRAPHWIZ_CLIENT_SECRET"),
        "{}",
        run.stderr
    );
    assert_eq!(emu.request_count(), 0, "nothing may be sent on bad input");
}

#[test]
fn unreachable_host_fails_with_a_network_message() {
    // A loopback port with nothing listening: connection refused, quickly.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let c = DemoCredentials {
        tenant_id: "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903".into(),
        tenant_domain: String::new(),
        client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
        client_secret: "dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0".into(),
    };
    let mut args = check_args(&url, &c, &[]);
    args.push("--json");
    let run = graphwiz(&args, Some(&c.client_secret), None);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_status(&r, "tenant", "fail");
    assert_summary_has(
        &r,
        "tenant",
        &[
            "Could not look up the tenant",
            "could not talk to 127.0.0.1",
        ],
    );
    assert_fix_has(&r, "tenant", &["reachable"]);
}
