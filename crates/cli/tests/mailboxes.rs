//! Mailbox checks, the scope audit and the live send/receive test, end to end against the
//! emulator's mailboxes.

use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;
use std::time::Duration;

mod common;
use common::Run;

fn graphwiz(emu: &Emulator, args: &[&str]) -> Run {
    let c = emu.demo();
    let url = emu.base_url();
    let mut all: Vec<&str> = args.to_vec();
    all.extend_from_slice(&[
        "--tenant",
        &c.tenant_id,
        "--client-id",
        &c.client_id,
        "--login-url",
        &url,
        "--graph-url",
        &url,
    ]);
    let home = tempfile::tempdir().unwrap();
    let run = common::graphwiz_in(
        home.path(),
        &all,
        None,
        &[("GRAPHWIZ_CLIENT_SECRET", &c.client_secret)],
    );
    assert!(!run.stdout.contains(&c.client_secret) && !run.stderr.contains(&c.client_secret));
    run
}

fn find<'a>(r: &'a Value, id: &str, mailbox: Option<&str>) -> &'a Value {
    r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id && mailbox.is_none_or(|m| c["mailbox"] == m))
        .unwrap_or_else(|| panic!("no {id} {mailbox:?} in {r:#}"))
}

fn emulator(s: Scenario) -> Emulator {
    Emulator::spawn_thread(Options::scenario(s)).unwrap()
}

const SUPPORT: &str = "support@contoso-demo.onmicrosoft.com";
const SALES: &str = "sales@contoso-demo.onmicrosoft.com";

fn no_test_mail_left(emu: &Emulator) {
    for (address, _) in emu.mailbox_addresses(0) {
        for m in emu
            .inbox(&address)
            .iter()
            .chain(emu.sent_items(&address).iter())
        {
            assert!(
                !m.subject.starts_with("graphwiz test"),
                "test mail left in {address}: {m:?}"
            );
        }
    }
}

#[test]
fn each_mailbox_behaviour() {
    let emu = emulator(Scenario::Healthy);
    let run = graphwiz(
        &emu,
        &[
            "check",
            "--json",
            "--mailbox",
            SUPPORT,
            "--mailbox",
            "unlicensed@contoso-demo.onmicrosoft.com",
            "--mailbox",
            "blocked@contoso-demo.onmicrosoft.com",
            "--mailbox",
            "nobody@contoso-demo.onmicrosoft.com",
        ],
    );
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_eq!(find(&r, "mailbox_access", Some(SUPPORT))["status"], "pass");
    let unlicensed = find(
        &r,
        "mailbox_access",
        Some("unlicensed@contoso-demo.onmicrosoft.com"),
    );
    assert_eq!(unlicensed["status"], "fail");
    assert_eq!(unlicensed["code"], "MailboxNotEnabledForRESTAPI");
    assert!(unlicensed["fix"]
        .as_str()
        .unwrap()
        .contains("licence that includes Exchange Online"));
    let blocked = find(
        &r,
        "mailbox_access",
        Some("blocked@contoso-demo.onmicrosoft.com"),
    );
    assert_eq!(blocked["status"], "fail");
    assert_eq!(blocked["code"], "ErrorAccessDenied");
    assert!(blocked["summary"]
        .as_str()
        .unwrap()
        .contains("application access policy"));
    assert!(blocked["fix"].as_str().unwrap().contains("over an hour"));
    let nobody = find(
        &r,
        "mailbox_access",
        Some("nobody@contoso-demo.onmicrosoft.com"),
    );
    assert_eq!(nobody["code"], "ErrorInvalidUser");
    assert!(nobody["summary"].as_str().unwrap().contains("no mailbox"));
    // Only the mail endpoints are used, never GET /users/{upn}.
    assert!(emu
        .requests()
        .iter()
        .all(|q| !(q.path.starts_with("/v1.0/users/") && q.path.matches('/').count() == 3)));
}

#[test]
fn mailbox_without_consent_points_at_permissions() {
    let emu = emulator(Scenario::NoAdminConsent);
    let r = graphwiz(&emu, &["check", "--json", "--mailbox", SUPPORT]).json();
    let c = find(&r, "mailbox_access", Some(SUPPORT));
    assert_eq!(c["status"], "fail");
    assert!(
        c["fix"].as_str().unwrap().contains("perm_mail_readwrite"),
        "{c:#}"
    );
}

#[test]
fn scope_audit_both_ways() {
    let open = emulator(Scenario::Healthy);
    let r = graphwiz(
        &open,
        &[
            "check",
            "--json",
            "--mailbox",
            SUPPORT,
            "--probe-mailbox",
            SALES,
        ],
    )
    .json();
    let c = find(&r, "scope_audit", Some(SALES));
    assert_eq!(c["status"], "warn");
    assert!(c["summary"]
        .as_str()
        .unwrap()
        .contains("can read every mailbox in the tenant"));
    assert!(c["fix"].as_str().unwrap().contains("RBAC for Applications"));
    assert!(
        open.requests()
            .iter()
            .any(|q| q.query.as_deref().is_some_and(|s| s.contains("top=1"))),
        "read-only probe with $top=1"
    );

    let scoped = emulator(Scenario::RbacScoped);
    let run = graphwiz(
        &scoped,
        &[
            "check",
            "--json",
            "--mailbox",
            SUPPORT,
            "--probe-mailbox",
            SALES,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let r = run.json();
    assert_eq!(find(&r, "mailbox_access", Some(SUPPORT))["status"], "pass");
    assert_eq!(find(&r, "scope_audit", Some(SALES))["status"], "pass");
}

#[test]
fn full_live_test_leaves_nothing_behind() {
    let emu = emulator(Scenario::Healthy);
    let run = graphwiz(&emu, &["live-test", "--json", "--mailbox", SUPPORT]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let r = run.json();
    for id in ["send", "receive", "mark_read", "cleanup"] {
        assert_eq!(find(&r, id, None)["status"], "pass", "{id}: {r:#}");
    }
    let latency = find(&r, "receive", None)["latency_ms"]
        .as_u64()
        .expect("latency_ms on receive");
    assert!(
        latency >= 250,
        "the emulator delivers after 300 ms, latency was {latency}"
    );
    no_test_mail_left(&emu);
    // The test mail carried the marker header.
    let sends: Vec<_> = emu
        .requests()
        .into_iter()
        .filter(|q| q.path.ends_with("/sendMail"))
        .collect();
    assert_eq!(sends.len(), 1);
}

#[test]
fn lost_mail_fails_with_guidance_and_is_cleaned_up() {
    let emu = emulator(Scenario::MailLost);
    let run = graphwiz(
        &emu,
        &[
            "live-test",
            "--json",
            "--mailbox",
            SUPPORT,
            "--timeout",
            "5",
        ],
    );
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_eq!(find(&r, "send", None)["status"], "pass");
    let receive = find(&r, "receive", None);
    assert_eq!(receive["status"], "fail");
    let fix = receive["fix"].as_str().unwrap();
    for w in [
        "mail flow",
        "quarantine",
        "connection filter",
        "recipient address",
    ] {
        assert!(fix.contains(w), "fix lacks {w}: {fix}");
    }
    assert_eq!(find(&r, "mark_read", None)["status"], "skip");
    assert_eq!(
        find(&r, "cleanup", None)["status"],
        "pass",
        "cleanup runs on the failure path too"
    );
    no_test_mail_left(&emu);
}

#[test]
fn throttled_send_is_retried() {
    let emu = emulator(Scenario::SendThrottled);
    let run = graphwiz(&emu, &["live-test", "--json", "--mailbox", SUPPORT]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let throttled = emu
        .requests()
        .iter()
        .filter(|q| q.path.ends_with("/sendMail") && q.status == 429)
        .count();
    assert!(throttled >= 2, "sendMail was throttled {throttled} times");
    no_test_mail_left(&emu);
}

#[test]
fn latency_follows_the_delivery_delay() {
    let delay = Duration::from_millis(2000);
    let emu = Emulator::spawn_thread(Options {
        delivery_delay: delay,
        ..Options::scenario(Scenario::Healthy)
    })
    .unwrap();
    let r = graphwiz(&emu, &["live-test", "--json", "--mailbox", SUPPORT]).json();
    let latency = find(&r, "receive", None)["latency_ms"].as_u64().unwrap();
    assert!(
        (2000..=2000 + 1500).contains(&latency),
        "latency {latency} ms for a 2000 ms delivery"
    );
    no_test_mail_left(&emu);
}

#[test]
fn external_recipient_proves_sending_only() {
    let emu = emulator(Scenario::Healthy);
    let run = graphwiz(
        &emu,
        &[
            "live-test",
            "--json",
            "--mailbox",
            SUPPORT,
            "--to",
            "someone@external.example",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let r = run.json();
    assert_eq!(find(&r, "send", None)["status"], "pass");
    let receive = find(&r, "receive", None);
    assert_eq!(receive["status"], "skip");
    assert!(receive["summary"]
        .as_str()
        .unwrap()
        .contains("only sending is proven"));
    no_test_mail_left(&emu);
}

#[test]
fn failing_checks_send_nothing() {
    let emu = emulator(Scenario::NoAdminConsent);
    let run = graphwiz(&emu, &["live-test", "--json", "--mailbox", SUPPORT]);
    assert_eq!(run.code, 1);
    let r = run.json();
    assert_eq!(find(&r, "send", None)["status"], "skip");
    assert!(emu
        .requests()
        .iter()
        .all(|q| !q.path.ends_with("/sendMail")));
}

#[test]
fn live_test_needs_a_mailbox() {
    let emu = emulator(Scenario::Healthy);
    let run = graphwiz(&emu, &["live-test"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--mailbox"), "{}", run.stderr);
}
