//! Profiles end to end with the real OS keychain (Secret Service on Linux; scripts/test-all.sh
//! starts an unlocked gnome-keyring on a private D-Bus session), the real binary, and the
//! emulator on loopback.

use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

mod common;
use common::{add_profile, Run};

fn graphwiz(home: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    common::graphwiz_in(home, args, stdin, env)
}

fn secret_tool_lookup(account: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "graphwiz", "username", account])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr))
}

fn all_files_text(dir: &Path) -> String {
    let mut text = String::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            text.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()));
        }
    }
    text
}

#[test]
fn secret_lives_in_the_secret_service_only() {
    let home = tempfile::tempdir().unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let secret = emu.demo().client_secret;
    let name = format!("contoso {}", std::process::id());
    let run = add_profile(
        home.path(),
        &name,
        &emu,
        0,
        &["--mailbox", "Support@Contoso-Demo.onmicrosoft.com"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut outputs = run.stdout.clone() + &run.stderr;

    let shown = graphwiz(
        home.path(),
        &["profile", "show", &name, "--json"],
        None,
        &[],
    );
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    let p = json(&shown);
    assert_eq!(p["secret_in_keychain"], true);
    assert_eq!(p["secret_hint"], "dmo");
    assert_eq!(p["mailboxes"][0], "support@contoso-demo.onmicrosoft.com");
    let account = format!("{name}/{}", p["secret_ref"].as_str().unwrap());
    assert_eq!(
        secret_tool_lookup(&account).as_deref(),
        Some(secret.as_str()),
        "the Secret Service holds the value"
    );
    outputs += &shown.stdout;

    let check = graphwiz(home.path(), &["check", "--profile", &name], None, &[]);
    assert_eq!(check.code, 0, "{}\n{}", check.stdout, check.stderr);
    outputs += &check.stdout;
    outputs += &check.stderr;
    let listed = graphwiz(home.path(), &["profile", "list", "--json"], None, &[]);
    let l = json(&listed);
    assert_eq!(l[0]["last_check_ok"], true);
    assert_eq!(
        l[0]["tenant_id"],
        emu.demo().tenant_id.as_str(),
        "the domain was resolved and kept"
    );
    let human = graphwiz(home.path(), &["profile", "list"], None, &[]);
    assert!(
        human.stdout.contains(&name) && human.stdout.contains(" ok "),
        "{}",
        human.stdout
    );
    outputs += &listed.stdout;
    outputs += &human.stdout;

    assert!(
        !outputs.contains(&secret),
        "the secret appeared in command output"
    );
    assert!(
        !all_files_text(home.path()).contains(&secret),
        "the secret appeared in a file"
    );

    let removed = graphwiz(home.path(), &["profile", "remove", &name], None, &[]);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    assert_eq!(
        secret_tool_lookup(&account),
        None,
        "the keychain entry went with the profile"
    );
    let gone = graphwiz(home.path(), &["profile", "show", &name], None, &[]);
    assert_eq!(gone.code, 2);
    assert!(
        gone.stderr.contains("there is no profile"),
        "{}",
        gone.stderr
    );
}

#[test]
fn no_secret_service_gives_exit_3_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let c = emu.demo();
    let run = graphwiz(
        &data,
        &[
            "profile",
            "add",
            "nokeychain",
            "--tenant",
            &c.tenant_id,
            "--client-id",
            &c.client_id,
            "--secret-stdin",
        ],
        Some(&c.client_secret),
        &[(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/graphwiz-test-bus",
        )],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("the OS keychain is not available"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("GNOME Keyring") && run.stderr.contains("KWallet"),
        "says how to fix it: {}",
        run.stderr
    );
    assert!(!run.stderr.contains(&c.client_secret));
    let written = std::fs::read_dir(&data).map(|d| d.count()).unwrap_or(0);
    assert!(
        !data.join("profiles.json").exists(),
        "no profiles file may be written without the keychain ({written} entries in the data folder)"
    );
}

#[test]
fn name_clash_needs_replace_and_replace_swaps_the_secret() {
    let home = tempfile::tempdir().unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let name = format!("clash-{}", std::process::id());
    assert_eq!(add_profile(home.path(), &name, &emu, 0, &[]).code, 0);
    let first = json(&graphwiz(
        home.path(),
        &["profile", "show", &name, "--json"],
        None,
        &[],
    ));
    let again = add_profile(home.path(), &name, &emu, 0, &[]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains("exists already") && again.stderr.contains("--replace"),
        "{}",
        again.stderr
    );
    let replaced = add_profile(home.path(), &name, &emu, 0, &["--replace"]);
    assert_eq!(replaced.code, 0, "{}", replaced.stderr);
    let second = json(&graphwiz(
        home.path(),
        &["profile", "show", &name, "--json"],
        None,
        &[],
    ));
    assert_ne!(first["secret_ref"], second["secret_ref"]);
    let old_account = format!("{name}/{}", first["secret_ref"].as_str().unwrap());
    assert_eq!(
        secret_tool_lookup(&old_account),
        None,
        "the replaced secret was removed"
    );
    graphwiz(home.path(), &["profile", "remove", &name], None, &[]);
}

#[test]
fn secret_deleted_behind_the_apps_back() {
    let home = tempfile::tempdir().unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let name = format!("deleted-{}", std::process::id());
    assert_eq!(add_profile(home.path(), &name, &emu, 0, &[]).code, 0);
    let p = json(&graphwiz(
        home.path(),
        &["profile", "show", &name, "--json"],
        None,
        &[],
    ));
    let account = format!("{name}/{}", p["secret_ref"].as_str().unwrap());
    let status = Command::new("secret-tool")
        .args(["clear", "service", "graphwiz", "username", &account])
        .status()
        .unwrap();
    assert!(status.success());
    let run = graphwiz(home.path(), &["check", "--profile", &name], None, &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("not in the OS keychain") && run.stderr.contains("--replace"),
        "{}",
        run.stderr
    );
    let shown = graphwiz(home.path(), &["profile", "show", &name], None, &[]);
    assert!(
        shown.stdout.contains("MISSING from the OS keychain"),
        "{}",
        shown.stdout
    );
    graphwiz(home.path(), &["profile", "remove", &name], None, &[]);
}

#[test]
fn damaged_profiles_file_is_reported_and_kept() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("profiles.json");
    std::fs::write(&file, "{\"version\": 1, \"profiles\": [ {\"name\": ").unwrap();
    let before = std::fs::read(&file).unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let list = graphwiz(home.path(), &["profile", "list"], None, &[]);
    assert_eq!(list.code, 3);
    assert!(
        list.stderr.contains("is damaged") && list.stderr.contains("line 1"),
        "{}",
        list.stderr
    );
    let add = add_profile(home.path(), "x", &emu, 0, &[]);
    assert_eq!(add.code, 3, "{}", add.stderr);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the damaged file was not overwritten"
    );
}

#[test]
fn bad_profile_input_names_the_field() {
    let home = tempfile::tempdir().unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let cases: [(&str, &[&str], &str); 3] = [
        (
            "ok-name",
            &["--mailbox", "not-an-address"],
            "Mailbox: 'not-an-address' is not a valid email address",
        ),
        ("bad/name", &[], "Profile name: 'bad/name' contains '/'"),
        ("ok-name", &["--cloud", "mars"], "possible values"),
    ];
    for (name, extra, want) in cases {
        let run = add_profile(home.path(), name, &emu, 0, extra);
        assert_eq!(run.code, 2, "{name} {extra:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(want),
            "{name} {extra:?}: {}",
            run.stderr
        );
    }
    assert!(!home.path().join("profiles.json").exists());
}

#[test]
fn check_all_over_fifty_profiles() {
    // 50 tenants in one emulator; every seventh has a broken secret, every eleventh no consent,
    // every thirteenth an app that reads the directory (so User.Read is verified without an
    // administrator); the healthy rest warn that User.Read needs an administrator's sign-in.
    let scenarios: Vec<Scenario> = (0..50)
        .map(|i| match i {
            i if i % 7 == 3 => Scenario::WrongSecret,
            i if i % 11 == 5 => Scenario::NoAdminConsent,
            i if i % 13 == 8 => Scenario::DirectoryReads,
            _ => Scenario::Healthy,
        })
        .collect();
    let emu = Emulator::spawn_thread(Options {
        tenants: scenarios.clone(),
        ..Options::default()
    })
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let tag = std::process::id();
    let names: Vec<String> = (0..50).map(|i| format!("t{i:02}-{tag}")).collect();
    for (i, name) in names.iter().enumerate() {
        let run = add_profile(home.path(), name, &emu, i, &[]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    }
    let run = graphwiz(
        home.path(),
        &["check", "--all", "--json", "--concurrency", "16"],
        None,
        &[],
    );
    assert_eq!(run.code, 1, "some tenants fail: {}", run.stderr);
    let reports = json(&run);
    let reports = reports.as_array().expect("one JSON array");
    assert_eq!(reports.len(), 50);
    for (i, s) in scenarios.iter().enumerate() {
        let r = reports
            .iter()
            .find(|r| r["profile"] == names[i].as_str())
            .expect("each profile reported");
        let status_of = |id: &str| {
            r["checks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == id)
                .unwrap()["status"]
                .clone()
        };
        match s {
            Scenario::WrongSecret => {
                assert_eq!(r["ok"], false, "{}", names[i]);
                assert_eq!(status_of("credentials"), "fail");
            }
            Scenario::NoAdminConsent => {
                assert_eq!(r["ok"], false);
                assert_eq!(status_of("perm_mail_send"), "fail");
            }
            Scenario::DirectoryReads => {
                assert_eq!(r["ok"], true);
                assert_eq!(status_of("perm_user_read"), "pass");
            }
            _ => {
                assert_eq!(r["ok"], true, "{r:#}");
                assert_eq!(status_of("perm_user_read"), "warn");
                assert_eq!(
                    r["tenant_id"],
                    emu.credentials(i).unwrap().tenant_id.as_str()
                );
            }
        }
    }
    let human = graphwiz(home.path(), &["check", "--all"], None, &[]);
    let failing = scenarios
        .iter()
        .filter(|s| matches!(s, Scenario::WrongSecret | Scenario::NoAdminConsent))
        .count();
    let warning = scenarios
        .iter()
        .filter(|s| matches!(s, Scenario::Healthy))
        .count();
    let totals = format!(
        "Totals: 50 profiles: {} ok, {warning} with warnings, {failing} failed.",
        50 - failing - warning
    );
    assert!(
        human.stdout.contains(&totals),
        "want '{totals}' in:\n{}",
        human.stdout
    );
    for name in &names {
        graphwiz(home.path(), &["profile", "remove", name], None, &[]);
    }
}
