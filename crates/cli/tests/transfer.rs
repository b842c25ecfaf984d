//! `graphwiz export` / `graphwiz import` end to end: real binary, real keychain, emulator.

use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;
use std::path::Path;

mod common;
use common::Run;

fn graphwiz(home: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    common::graphwiz_in(home, args, stdin, &[])
}

fn add(home: &Path, emu: &Emulator, name: &str) {
    let c = emu.demo();
    let url = emu.base_url();
    let run = graphwiz(
        home,
        &[
            "profile",
            "add",
            name,
            "--tenant",
            &c.tenant_domain,
            "--client-id",
            &c.client_id,
            "--login-url",
            &url,
            "--graph-url",
            &url,
            "--mailbox",
            "support@contoso-demo.onmicrosoft.com",
            "--secret-stdin",
        ],
        Some(&c.client_secret),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn show(home: &Path, name: &str) -> Value {
    let run = graphwiz(home, &["profile", "show", name, "--json"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn assert_no_secret(text: &str, secret: &str) {
    // Not the secret, nor any 8-character piece of it.
    let chars: Vec<char> = secret.chars().collect();
    for w in chars.windows(8) {
        let piece: String = w.iter().collect();
        assert!(
            !text.contains(&piece),
            "a piece of the secret ('{piece}') is in the export"
        );
    }
}

#[test]
fn export_import_round_trip_without_the_secret() {
    // The app reads its own grants, so User.Read settles without an administrator and the
    // export can be "validated" (with a live test).
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::DirectoryReads)).unwrap();
    let secret = emu.demo().client_secret;
    let home = tempfile::tempdir().unwrap();
    let other_home = tempfile::tempdir().unwrap();
    let name = format!("roundtrip-{}", std::process::id());
    add(home.path(), &emu, &name);
    let out = home.path().join("contoso.graphwiz.json");
    let out_s = out.to_str().unwrap();

    // Checked but mail flow not proven: written only with --allow-failed, and not validated.
    let early = home.path().join("early.graphwiz.json");
    let run = graphwiz(
        home.path(),
        &[
            "export",
            "--profile",
            &name,
            "--out",
            early.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(!early.exists());
    // The live test proves it; then the export is validated.
    let run = graphwiz(
        home.path(),
        &["live-test", "--profile", &name, "--timeout", "30"],
        None,
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);

    let run = graphwiz(
        home.path(),
        &["export", "--profile", &name, "--out", out_s],
        None,
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("validated: true"), "{}", run.stdout);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_no_secret(&text, &secret);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["validated"], true);
    assert_eq!(file["format"], "graphwiz-config");
    assert_eq!(file["tenant_id"], emu.demo().tenant_id.as_str());
    assert!(file["token_endpoint"]
        .as_str()
        .unwrap()
        .ends_with("/oauth2/v2.0/token"));
    assert_eq!(
        file["checks"].as_array().unwrap().len(),
        8,
        "7 checks plus one mailbox"
    );

    // Import on "another machine": the same name, the secret supplied again.
    let run = graphwiz(
        other_home.path(),
        &["import", out_s, "--secret-stdin"],
        Some(&secret),
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let mut original = show(home.path(), &name);
    let mut imported = show(other_home.path(), &name);
    for v in [&mut original, &mut imported] {
        v.as_object_mut().unwrap().remove("secret_ref");
        // What the evidence ran on names this computer's keychain entry: never exported.
        for part in ["last_check", "last_live_test"] {
            if let Some(o) = v.get_mut(part).and_then(Value::as_object_mut) {
                o.remove("basis");
            }
        }
    }
    assert_eq!(
        original, imported,
        "the imported profile equals the original (minus the secret's keychain entry)"
    );
    assert_eq!(imported["secret_in_keychain"], true);
    let check = graphwiz(other_home.path(), &["check", "--profile", &name], None);
    assert_eq!(
        check.code, 0,
        "the imported profile works: {}",
        check.stdout
    );

    // Without a secret, import refuses and creates nothing.
    let third = tempfile::tempdir().unwrap();
    let run = graphwiz(third.path(), &["import", out_s], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no client secret given"),
        "{}",
        run.stderr
    );
    assert!(!third.path().join("profiles.json").exists());

    for h in [home.path(), other_home.path()] {
        graphwiz(h, &["profile", "remove", &name], None);
    }
}

#[test]
fn export_refuses_to_overwrite_and_failed_results() {
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::NoAdminConsent)).unwrap();
    let c = emu.demo();
    let url = emu.base_url();
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("out.json");
    let out_s = out.to_str().unwrap();
    let args = |extra: &[&'static str]| {
        let mut v: Vec<String> = [
            "export",
            "--tenant",
            &c.tenant_id,
            "--client-id",
            &c.client_id,
            "--login-url",
            &url,
            "--graph-url",
            &url,
            "--out",
            out_s,
            "--secret-stdin",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let run_with = |extra: &[&'static str]| {
        let a = args(extra);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        graphwiz(home.path(), &refs, Some(&c.client_secret))
    };
    let run = run_with(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("not written") && run.stderr.contains("--allow-failed"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());

    let run = run_with(&["--allow-failed"]);
    assert_eq!(run.code, 1, "written, but checks failed");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(file["validated"], false);
    let before = std::fs::read(&out).unwrap();

    let run = run_with(&["--allow-failed"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("exists already") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&out).unwrap(), before, "not overwritten");

    let run = run_with(&["--allow-failed", "--force"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let leftovers: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn export_from_last_sends_nothing() {
    // The app reads its own grants, so User.Read settles without an administrator and the
    // export can be "validated" (with a live test).
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::DirectoryReads)).unwrap();
    let home = tempfile::tempdir().unwrap();
    let name = format!("fromlast-{}", std::process::id());
    add(home.path(), &emu, &name);
    let out = home.path().join("x.json");
    let run = graphwiz(
        home.path(),
        &[
            "export",
            "--profile",
            &name,
            "--from-last",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.code, 2, "no check yet: {}", run.stderr);
    assert!(run.stderr.contains("without --from-last"), "{}", run.stderr);
    assert_eq!(
        graphwiz(home.path(), &["check", "--profile", &name], None).code,
        0
    );
    assert_eq!(
        graphwiz(
            home.path(),
            &["live-test", "--profile", &name, "--timeout", "30"],
            None
        )
        .code,
        0
    );
    let before = emu.request_count();
    let run = graphwiz(
        home.path(),
        &[
            "export",
            "--profile",
            &name,
            "--from-last",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        emu.request_count(),
        before,
        "--from-last uses the stored result"
    );
    graphwiz(home.path(), &["profile", "remove", &name], None);
}

#[test]
fn import_refuses_bad_files_with_pointers() {
    let home = tempfile::tempdir().unwrap();
    let f = home.path().join("bad.json");
    let cases = [
        (
            "{\"format\":\"graphwiz-config\",\"version\":9}",
            "newer graphwiz",
        ),
        (
            "{\"format\":\"graphwiz-config\",\"version\":1,",
            "line 1, column",
        ),
        (
            "{\"format\":\"graphwiz-config\",\"version\":1,\"client_id\":\"x\"}",
            "/client_id: \"x\" is not a GUID",
        ),
    ];
    for (text, want) in cases {
        std::fs::write(&f, text).unwrap();
        let run = graphwiz(
            home.path(),
            &[
                "import",
                f.to_str().unwrap(),
                "--name",
                "x",
                "--secret-stdin",
            ],
            Some("dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0"),
        );
        assert_eq!(run.code, 2, "{text}");
        assert!(run.stderr.contains(want), "{text}: {}", run.stderr);
    }
    assert!(!home.path().join("profiles.json").exists());
}
