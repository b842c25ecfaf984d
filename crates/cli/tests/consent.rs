//! `graphwiz consent-url` and `graphwiz consent` end to end: the real binary, the emulator on
//! loopback, and the test-only `GRAPHWIZ_TEST_BROWSER=follow` hook standing in for the browser.
//! Also: the secret, admin tokens and authorization codes never appear in the output.

use graphwiz_emulator::{AdminOutcome, Emulator, Options, Scenario};

mod common;
use common::Run;

/// Runs graphwiz with a data folder of its own, the secret in `GRAPHWIZ_CLIENT_SECRET` when
/// given, and the sign-in URL followed headlessly (test-only) when `follow`.
fn graphwiz(args: &[&str], secret_env: Option<&str>, follow: bool) -> Run {
    let home = tempfile::tempdir().expect("temporary data folder");
    let mut env: Vec<(&str, &str)> = Vec::new();
    if let Some(s) = secret_env {
        env.push(("GRAPHWIZ_CLIENT_SECRET", s));
    }
    if follow {
        env.push(("GRAPHWIZ_TEST_BROWSER", "follow"));
    }
    common::graphwiz_in(home.path(), args, None, &env)
}

fn query(url: &str) -> Vec<(String, String)> {
    reqwest::Url::parse(url)
        .expect("a URL")
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

const TENANT: &str = "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903";
const CLIENT: &str = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";

#[test]
fn consent_url_global() {
    let run = graphwiz(
        &["consent-url", "--tenant", TENANT, "--client-id", CLIENT],
        None,
        false,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stdout: {}", run.stdout);
    let url = lines[0];
    assert!(
        url.starts_with(&format!(
            "https://login.microsoftonline.com/{TENANT}/adminconsent?client_id={CLIENT}&state="
        )),
        "{url}"
    );
    let q = query(url);
    assert_eq!(param(&q, "redirect_uri"), Some("http://localhost"));
    assert!(param(&q, "state").is_some_and(|s| s.len() >= 22));
    assert!(
        run.stderr.contains("Privileged Role Administrator"),
        "{}",
        run.stderr
    );
}

#[test]
fn consent_url_usgov_and_redirect() {
    let run = graphwiz(
        &[
            "consent-url",
            "--tenant",
            "contoso.onmicrosoft.us",
            "--client-id",
            CLIENT,
            "--cloud",
            "usgov",
            "--redirect-uri",
            "http://localhost:8400/done",
        ],
        None,
        false,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let url = run.stdout.trim();
    assert!(
        url.starts_with(
            "https://login.microsoftonline.us/contoso.onmicrosoft.us/adminconsent?client_id="
        ),
        "{url}"
    );
    assert_eq!(
        param(&query(url), "redirect_uri"),
        Some("http://localhost:8400/done")
    );
}

#[test]
fn consent_url_bad_input_is_exit_2() {
    for args in [
        vec![
            "consent-url",
            "--tenant",
            TENANT,
            "--client-id",
            "not-a-guid",
        ],
        vec![
            "consent-url",
            "--tenant",
            TENANT,
            "--client-id",
            CLIENT,
            "--redirect-uri",
            "http://evil.example/",
        ],
        vec!["consent-url", "--client-id", CLIENT],
        vec![
            "consent-url",
            "--tenant",
            TENANT,
            "--client-id",
            CLIENT,
            "--login-url",
            "http://login.example.com",
        ],
    ] {
        let run = graphwiz(&args, None, false);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains("error"), "{args:?}: {}", run.stderr);
    }
    let run = graphwiz(
        &[
            "consent-url",
            "--tenant",
            TENANT,
            "--client-id",
            CLIENT,
            "--redirect-uri",
            "http://evil.example/",
        ],
        None,
        false,
    );
    assert!(
        run.stderr.contains("registered on the app"),
        "{}",
        run.stderr
    );
}

/// Nothing secret in the output: the client secret, tokens (JWTs start with `eyJ`) and
/// authorization codes (`code=…` in a redirect).
fn assert_nothing_secret(run: &Run, secret: &str) {
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains(secret), "the secret was printed:\n{text}");
        assert!(!text.contains("eyJ"), "a token was printed:\n{text}");
        assert!(
            !text.contains("?code=") && !text.contains("&code="),
            "a code was printed:\n{text}"
        );
        assert!(
            !text.contains("1.A"),
            "an authorization code was printed:\n{text}"
        );
    }
}

fn consent_args<'a>(
    url: &'a str,
    tenant: &'a str,
    client: &'a str,
    extra: &[&'a str],
) -> Vec<&'a str> {
    let mut v = vec![
        "consent",
        "--tenant",
        tenant,
        "--client-id",
        client,
        "--login-url",
        url,
        "--graph-url",
        url,
        "--timeout",
        "20",
    ];
    v.extend_from_slice(extra);
    v
}

#[test]
fn consent_fixes_no_admin_consent() {
    // An app that reads the directory, so the re-check sees User.Read's grant change too (in a
    // real tenant it stays unverified until an administrator's sign-in).
    let emu = Emulator::spawn_thread(Options {
        app_reads_directory: true,
        ..Options::scenario(Scenario::NoAdminConsent)
    })
    .expect("emulator");
    let url = emu.base_url();
    let c = emu.demo();
    let run = graphwiz(
        &consent_args(&url, &c.tenant_id, &c.client_id, &[]),
        Some(&c.client_secret),
        true,
    );
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(run.stdout.contains("Before consent:"), "{}", run.stdout);
    let changed = |id: &str| {
        run.stdout
            .lines()
            .any(|l| l.trim_start().starts_with(id) && l.contains("fail → pass"))
    };
    for id in ["perm_mail_readwrite", "perm_mail_send", "perm_user_read"] {
        assert!(changed(id), "{id} should go fail → pass:\n{}", run.stdout);
    }
    assert!(
        run.stdout.contains("Unchanged: tenant (pass)"),
        "{}",
        run.stdout
    );
    // Without --browser the URL is printed for the administrator.
    assert!(
        run.stderr.contains("/adminconsent?client_id="),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Admin consent granted"),
        "{}",
        run.stderr
    );
    assert_nothing_secret(&run, &c.client_secret);
    // The consent request reached the emulator and came back to graphwiz.
    assert!(emu
        .requests()
        .iter()
        .any(|r| r.path.ends_with("/adminconsent") && r.status == 302));
}

#[test]
fn consent_with_browser_flag_uses_the_hook() {
    let emu =
        Emulator::spawn_thread(Options::scenario(Scenario::NoAdminConsent)).expect("emulator");
    let url = emu.base_url();
    let c = emu.demo();
    let run = graphwiz(
        &consent_args(&url, &c.tenant_id, &c.client_id, &["--browser"]),
        Some(&c.client_secret),
        true,
    );
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_nothing_secret(&run, &c.client_secret);
}

#[test]
fn consent_denied_exits_1_with_the_roles() {
    let emu = Emulator::spawn_thread(Options {
        admin_outcome: AdminOutcome::Deny,
        ..Options::scenario(Scenario::NoAdminConsent)
    })
    .expect("emulator");
    let url = emu.base_url();
    let c = emu.demo();
    let run = graphwiz(
        &consent_args(&url, &c.tenant_id, &c.client_id, &[]),
        Some(&c.client_secret),
        true,
    );
    assert_eq!(
        run.code, 1,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains("admin consent was not granted"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Global Administrator or a Privileged Role Administrator"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("http://localhost"), "{}", run.stderr);
    assert_nothing_secret(&run, &c.client_secret);
}

#[test]
fn consent_times_out_without_a_browser() {
    let emu =
        Emulator::spawn_thread(Options::scenario(Scenario::NoAdminConsent)).expect("emulator");
    let url = emu.base_url();
    let c = emu.demo();
    let mut args = consent_args(&url, &c.tenant_id, &c.client_id, &[]);
    let n = args.len();
    args[n - 1] = "1";
    let started = std::time::Instant::now();
    let run = graphwiz(&args, Some(&c.client_secret), false);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
    assert!(
        run.stderr.contains("did not finish within 1 s"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("AADSTS50011"), "{}", run.stderr);
}

#[test]
fn consent_needs_the_secret_and_target() {
    let run = graphwiz(
        &["consent", "--tenant", TENANT, "--client-id", CLIENT],
        None,
        false,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--secret-stdin"), "{}", run.stderr);
    let run = graphwiz(&["consent", "--client-id", CLIENT], Some("x"), false);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--tenant and --client-id"),
        "{}",
        run.stderr
    );
    let home = tempfile::tempdir().expect("temporary data folder");
    let run = common::graphwiz_in(
        home.path(),
        &[
            "consent",
            "--tenant",
            TENANT,
            "--client-id",
            "nope",
            "--secret-stdin",
        ],
        Some("secret-value\n"),
        &[],
    );
    assert_eq!(run.code, 2);
}
