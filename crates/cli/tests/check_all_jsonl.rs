//! `graphwiz check --all --jsonl`: one JSON object per profile on its own line, written as each
//! profile's check finishes, with the exit status of the whole run. Real binary, real OS keychain
//! (scripts/test-all.sh starts one), the emulator on loopback.

use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

mod common;
use common::{add_profile, Run};

fn graphwiz(home: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    common::graphwiz_in(home, args, stdin, &[])
}

/// Every line of standard output as one JSON object, or a panic naming the line.
fn lines(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not one JSON object ({e}): {l}\n{}", run.stderr));
            assert!(v.is_object(), "not an object: {l}");
            v
        })
        .collect()
}

#[test]
fn one_json_object_per_profile_per_line() {
    let scenarios = [
        Scenario::Healthy,
        Scenario::WrongSecret,
        Scenario::Healthy,
        Scenario::NoAdminConsent,
        Scenario::Healthy,
    ];
    let emu = Emulator::spawn_thread(Options {
        tenants: scenarios.to_vec(),
        ..Options::default()
    })
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let tag = std::process::id();
    let names: Vec<String> = (0..scenarios.len())
        .map(|i| format!("jl{i}-{tag}"))
        .collect();
    for (i, name) in names.iter().enumerate() {
        let run = add_profile(home.path(), name, &emu, i, &[]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    }

    let run = graphwiz(
        home.path(),
        &["check", "--all", "--jsonl", "--concurrency", "3"],
        None,
    );
    assert_eq!(run.code, 1, "two profiles fail: {}", run.stderr);
    let objects = lines(&run);
    assert_eq!(objects.len(), names.len(), "{}", run.stdout);
    let seen: BTreeSet<&str> = objects
        .iter()
        .map(|o| o["profile"].as_str().expect("profile name"))
        .collect();
    let want: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(seen, want, "each profile exactly once");
    for o in &objects {
        let name = o["profile"].as_str().unwrap();
        let i = names.iter().position(|n| n == name).unwrap();
        let healthy = matches!(scenarios[i], Scenario::Healthy);
        assert_eq!(o["ok"], healthy, "{o:#}");
        assert!(o["checks"].as_array().is_some_and(|c| !c.is_empty()));
    }
    // The results are kept with the profiles, as with --json.
    let listed = graphwiz(home.path(), &["profile", "list", "--json"], None);
    let listed: Value = serde_json::from_str(&listed.stdout).unwrap();
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .all(|p| !p["last_check_at"].is_null()));

    // Only healthy profiles left: exit 0, one line each.
    for (i, name) in names.iter().enumerate() {
        if !matches!(scenarios[i], Scenario::Healthy) {
            let r = graphwiz(home.path(), &["profile", "remove", name], None);
            assert_eq!(r.code, 0, "{}", r.stderr);
        }
    }
    let run = graphwiz(home.path(), &["check", "--all", "--jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let objects = lines(&run);
    assert_eq!(objects.len(), 3);
    assert!(objects.iter().all(|o| o["ok"] == true));

    // --jsonl goes with --all only, and not with --json.
    let run = graphwiz(home.path(), &["check", "--all", "--jsonl", "--json"], None);
    assert_eq!(run.code, 2, "{}", run.stderr);

    for name in &names {
        graphwiz(home.path(), &["profile", "remove", name], None);
    }
}
