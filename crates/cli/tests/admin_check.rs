//! `graphwiz check --admin-sign-in`: an administrator's sign-in settles `perm_user_read` when
//! the app's own token may not read its delegated grants (as in the `healthy` scenario and every real tenant).

use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;

mod common;

fn check(emu: &Emulator, extra: &[&str]) -> (i32, Value, String) {
    let c = emu.demo();
    let url = emu.base_url();
    let mut args = vec![
        "check",
        "--json",
        "--tenant",
        &c.tenant_id,
        "--client-id",
        &c.client_id,
        "--login-url",
        &url,
        "--graph-url",
        &url,
    ];
    args.extend_from_slice(extra);
    let home = tempfile::tempdir().unwrap();
    let run = common::graphwiz_in(
        home.path(),
        &args,
        None,
        &[
            ("GRAPHWIZ_CLIENT_SECRET", &c.client_secret),
            // Test-only: follow the sign-in URL headlessly instead of opening a browser.
            ("GRAPHWIZ_TEST_BROWSER", "follow"),
        ],
    );
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains("eyJ"), "no token may be printed");
        assert!(!text.contains(&c.client_secret));
    }
    (run.code, run.json(), run.stderr)
}

fn user_read(v: &Value) -> &Value {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "perm_user_read")
        .unwrap()
}

#[test]
fn admin_sign_in_turns_could_not_verify_into_pass() {
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let (code, v, _) = check(&emu, &[]);
    assert_eq!(code, 0);
    assert_eq!(user_read(&v)["status"], "warn");
    let (code, v, stderr) = check(&emu, &["--admin-sign-in", "browser"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(user_read(&v)["status"], "pass", "{v:#}");
    assert!(
        user_read(&v)["summary"].as_str().unwrap().contains("admin"),
        "{v:#}"
    );
}

#[test]
fn admin_sign_in_finds_missing_consent() {
    let emu = Emulator::spawn_thread(Options {
        device_interval_secs: 1,
        ..Options::scenario(Scenario::Healthy)
    })
    .unwrap();
    let client = emu.demo().client_id;
    emu.update_directory(|d| {
        d.tenants[0]
            .app_mut(&client)
            .unwrap()
            .delegated_grant_scopes = None
    });
    let (code, v, stderr) = check(&emu, &["--admin-sign-in", "device-code"]);
    assert_eq!(code, 1, "{stderr}");
    let c = user_read(&v);
    assert_eq!(c["status"], "fail", "{v:#}");
    assert!(
        c["fix"].as_str().unwrap().contains("Grant admin consent"),
        "{c:#}"
    );
}

#[test]
fn no_sign_in_when_already_decided() {
    // Only an app that reads the directory settles User.Read with its own token.
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::DirectoryReads)).unwrap();
    let (code, v, stderr) = check(&emu, &["--admin-sign-in", "browser"]);
    assert_eq!(code, 0);
    assert_eq!(user_read(&v)["status"], "pass");
    assert!(stderr.contains("no admin sign-in needed"), "{stderr}");
    assert!(
        emu.requests()
            .iter()
            .all(|q| !q.path.ends_with("/authorize")),
        "no sign-in happened"
    );
}
