//! `graphwiz fix` end to end: the real binary and keychain, an administrator signing in (browser
//! flow, followed headlessly), the emulator's broken tenants. Without --yes (and no terminal) the
//! plan is shown and nothing changes; with --yes exactly the planned repair is made and the check
//! passes.

use graphwiz_emulator::model::{perm, AccessKind};
use graphwiz_emulator::{Emulator, Options, Scenario};
use std::sync::atomic::{AtomicU32, Ordering};

mod common;
use common::Run;

fn profile_of(s: Scenario) -> (Emulator, tempfile::TempDir, String) {
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "fix{}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let emu = Emulator::spawn_thread(Options {
        device_interval_secs: 1,
        device_pending_polls: 0,
        ..Options::scenario(s)
    })
    .expect("emulator");
    let home = tempfile::tempdir().expect("home");
    let added = common::add_profile(
        home.path(),
        &name,
        &emu,
        0,
        &["--mailbox", "support@contoso-demo.onmicrosoft.com"],
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    (emu, home, name)
}

fn fix(home: &std::path::Path, name: &str, extra: &[&str], lang: &str) -> Run {
    let mut a = vec![
        "fix",
        "--profile",
        name,
        "--admin-sign-in",
        "browser",
        "--replication-wait",
        "5",
        "--json",
    ];
    a.extend_from_slice(extra);
    common::graphwiz_in(
        home,
        &a,
        None,
        &[("GRAPHWIZ_LANG", lang), ("GRAPHWIZ_TEST_BROWSER", "follow")],
    )
}

/// The demo app's requested Graph permissions, consented roles and User.Read grant.
fn state(emu: &Emulator) -> (Vec<(String, AccessKind)>, Vec<String>, Option<String>) {
    let c = emu.demo();
    emu.update_directory(|d| {
        let app = d.tenants[0]
            .app(&c.client_id)
            .expect("the demo app")
            .clone();
        let mut roles = app.consented_app_roles.clone();
        roles.sort();
        (
            app.required_resource_access
                .iter()
                .map(|r| (r.id.to_ascii_lowercase(), r.kind))
                .collect(),
            roles,
            app.delegated_grant_scopes.clone(),
        )
    })
}

fn healthy_state() -> (Vec<(String, AccessKind)>, Vec<String>) {
    let mut roles = vec![
        perm::MAIL_READWRITE_ROLE.to_string(),
        perm::MAIL_SEND_ROLE.to_string(),
    ];
    roles.sort();
    (
        vec![
            (perm::MAIL_READWRITE_ROLE.to_string(), AccessKind::Role),
            (perm::MAIL_SEND_ROLE.to_string(), AccessKind::Role),
            (perm::USER_READ_SCOPE.to_string(), AccessKind::Scope),
        ],
        roles,
    )
}

#[test]
fn each_repairable_failure_is_planned_then_repaired_and_checked() {
    for (scenario, want_plan) in [
        (
            Scenario::NoAdminConsent,
            vec![
                "grant admin consent to Mail.ReadWrite",
                "grant admin consent to Mail.Send",
                "User.Read (Delegated) for all users",
            ],
        ),
        (
            Scenario::UserReadAsApplication,
            vec![
                "remove User.Read.All (Application) and add User.Read (Delegated)",
                "revoke the admin consent to User.Read.All",
                "User.Read (Delegated) for all users",
            ],
        ),
        (
            Scenario::MailSendDelegated,
            vec![
                "remove Mail.Send (Delegated) and add Mail.Send (Application)",
                "grant admin consent to Mail.Send (Application)",
            ],
        ),
        (
            Scenario::UserReadNotConsented,
            vec!["User.Read (Delegated) for all users"],
        ),
    ] {
        let (emu, home, name) = profile_of(scenario);
        let before = state(&emu);
        // Without --yes and without a terminal: the plan, nothing changed, exit 1.
        let dry = fix(home.path(), &name, &[], "en");
        assert_eq!(dry.code, 1, "{scenario}: {}{}", dry.stdout, dry.stderr);
        let v = dry.json();
        assert_eq!(v["applied"], false);
        let plan: Vec<String> = v["plan"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect();
        for w in &want_plan {
            assert!(
                plan.iter().any(|l| l.contains(w)),
                "{scenario}: '{w}' not in {plan:?}"
            );
        }
        assert_eq!(
            state(&emu),
            before,
            "{scenario}: nothing changed without --yes"
        );
        // With --yes: repaired, checked again, exit 0.
        let run = fix(home.path(), &name, &["--yes"], "en");
        assert_eq!(run.code, 0, "{scenario}: {}{}", run.stdout, run.stderr);
        let v = run.json();
        assert_eq!(v["applied"], true);
        assert_eq!(v["report"]["ok"], true, "{scenario}: {v:#}");
        let (required, roles, grant) = state(&emu);
        let (want_required, want_roles) = healthy_state();
        for w in &want_required {
            assert!(
                required.contains(w),
                "{scenario}: {w:?} not requested: {required:?}"
            );
        }
        assert!(
            !required
                .iter()
                .any(
                    |(id, k)| (id == perm::USER_READ_ALL_ROLE && *k == AccessKind::Role)
                        || (id == perm::MAIL_SEND_SCOPE && *k == AccessKind::Scope)
                ),
            "{scenario}: the wrong types are gone: {required:?}"
        );
        assert_eq!(
            roles, want_roles,
            "{scenario}: exactly the two roles consented"
        );
        assert!(
            grant.unwrap_or_default().contains("User.Read"),
            "{scenario}"
        );
        // Nothing left to do.
        let again = fix(home.path(), &name, &[], "en");
        assert_eq!(
            again.code, 0,
            "{scenario}: {}{}",
            again.stdout, again.stderr
        );
        assert_eq!(again.json()["plan"].as_array().map(Vec::len), Some(0));
    }
}

#[test]
fn the_plan_reads_in_german() {
    let (_emu, home, name) = profile_of(Scenario::NoAdminConsent);
    let dry = fix(home.path(), &name, &[], "de");
    assert_eq!(dry.code, 1);
    let v = dry.json();
    let plan = v["plan"].to_string();
    assert!(
        plan.contains("Administratorzustimmung für Mail.Send (Anwendung) erteilen"),
        "{plan}"
    );
    assert!(v["message"]
        .as_str()
        .unwrap()
        .contains("Es wurde nichts geändert"));
}
