//! Every emulator scenario in German, through the real binary: `check` (report and JSON) for
//! each Entra/Graph scenario and each Genesys Cloud scenario, and the live test where a scenario
//! is about mail. Each check of the JSON must read exactly as the German catalog words its
//! `message_id`; every line a person reads must be free of English function words
//! (`graphwiz_core::i18n::audit`).

mod common;
use common::orgs;
use graphwiz_core::i18n::{self, audit, Args, Lang};
use graphwiz_emulator::{GenesysScenario, Options, Scenario};
use serde_json::Value;
use std::path::Path;

fn graphwiz_de(home: &Path, args: &[&str]) -> common::Run {
    common::graphwiz_in(home, args, None, &[("GRAPHWIZ_LANG", "de")])
}

/// What in `run` (the human report) and `json` (the same command's `--json`) is not German.
fn not_german(context: &str, run: &common::Run, json: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    for line in run.stdout.lines().chain(run.stderr.lines()) {
        let words = audit::english_words(line);
        if !words.is_empty() {
            out.push(format!("{context}: English {words:?}: {line}"));
        }
    }
    let checks = json
        .and_then(|j| j.get("checks"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for c in &checks {
        let id = c["id"].as_str().unwrap_or_default();
        let Some(mid) = c["message_id"].as_str() else {
            out.push(format!(
                "{context}: check {id} is not worded from the catalog"
            ));
            continue;
        };
        let args: Args = serde_json::from_value(c["args"].clone()).unwrap_or_default();
        let want = i18n::text(Lang::De, mid, &args).trim_end().to_string();
        if c["summary"].as_str() != Some(want.as_str()) {
            out.push(format!(
                "{context}: {id}'s summary is not the German text of {mid}"
            ));
        }
        if c["fix"].as_str().map(str::to_string) != i18n::attr(Lang::De, mid, "fix", &args) {
            out.push(format!(
                "{context}: {id}'s fix is not the German text of {mid}"
            ));
        }
    }
    out
}

fn check_both(setup: &orgs::Setup, context: &str, found: &mut Vec<String>) {
    let home = setup.home.path();
    let human = graphwiz_de(home, &["check", "--profile", &setup.name]);
    let json = graphwiz_de(home, &["check", "--profile", &setup.name, "--json"]);
    let report = json.json();
    assert!(
        report["checks"].as_array().is_some_and(|c| !c.is_empty()),
        "{context}: no checks: {}{}",
        json.stdout,
        json.stderr
    );
    found.extend(not_german(context, &human, Some(&report)));
}

#[test]
fn every_entra_scenario_reads_german() {
    let mut found = Vec::new();
    for s in Scenario::ALL {
        let setup = orgs::setup_full(Options::scenario(s), |_| {}, false);
        check_both(&setup, s.name(), &mut found);
        if matches!(
            s,
            Scenario::Healthy | Scenario::MailLost | Scenario::SendThrottled | Scenario::RbacScoped
        ) {
            let home = setup.home.path();
            let args = ["live-test", "--profile", &setup.name, "--timeout", "5"];
            let human = graphwiz_de(home, &args);
            let mut with_json = args.to_vec();
            with_json.push("--json");
            let json = graphwiz_de(home, &with_json).json();
            assert!(
                json["checks"]
                    .as_array()
                    .is_some_and(|c| c.iter().any(|c| c["id"] == "send")),
                "{}: the live test's JSON has its steps: {json:#}",
                s.name()
            );
            assert!(human.stdout.contains("Testmail"), "{}", human.stdout);
            found.extend(not_german(
                &format!("{} live-test", s.name()),
                &human,
                Some(&json),
            ));
        }
    }
    assert!(
        found.is_empty(),
        "{} texts not from the German catalog:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_genesys_scenario_reads_german() {
    let mut found = Vec::new();
    for g in GenesysScenario::ALL {
        let setup = orgs::setup(g);
        check_both(&setup, g.name(), &mut found);
    }
    assert!(
        found.is_empty(),
        "{} texts not from the German catalog:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_audit_sees_english() {
    let setup = orgs::setup_full(Options::scenario(Scenario::WrongSecret), |_| {}, false);
    let run = common::graphwiz_in(
        setup.home.path(),
        &["check", "--profile", &setup.name],
        None,
        &[("GRAPHWIZ_LANG", "en")],
    );
    assert!(
        !not_german("en", &run, None).is_empty(),
        "the English report passes as German: {}",
        run.stdout
    );
}

/// Bad input in German: every refusal (field problems, an unknown profile, an insecure URL
/// override, a file that cannot be imported or overwritten) comes from the catalogs, in German,
/// with exit 2 and nothing sent.
#[test]
fn input_errors_are_german() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let existing = h.join("taken.json");
    std::fs::write(&existing, "{}").unwrap();
    let taken = existing.to_string_lossy().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "check",
            "--tenant",
            "contoso..com",
            "--client-id",
            "1",
            "--secret-stdin",
            "--mailbox",
            "a",
        ],
        vec!["profile", "show", "nope"],
        vec!["check", "--profile", "nope"],
        vec![
            "setup",
            "azure",
            "--profile",
            "ab",
            "--tenant",
            "x..y",
            "--mailbox",
            "nope",
            "--admin-sign-in",
            "browser",
        ],
        vec![
            "check",
            "--tenant",
            "contoso.com",
            "--client-id",
            "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10",
            "--secret-stdin",
            "--mailbox",
            "a@contoso.com",
            "--login-url",
            "http://example.com",
        ],
        vec!["import", "/nonexistent/graphwiz.json"],
        vec!["export", "--profile", "nope", "--out", &taken],
    ];
    let mut found = Vec::new();
    for args in &cases {
        let run = common::graphwiz_in(h, args, Some("x\n"), &[("GRAPHWIZ_LANG", "de")]);
        let context = args.join(" ");
        assert_ne!(run.code, 0, "{context}: {}", run.stderr);
        assert!(run.stderr.contains("Fehler"), "{context}: {}", run.stderr);
        // The operating system's own words (a quoted file error) are not graphwiz's text.
        let ours: String = run
            .stderr
            .lines()
            .map(|l| l.split(": No such file").next().unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        found.extend(not_german(
            &context,
            &common::Run {
                code: run.code,
                stdout: run.stdout.clone(),
                stderr: ours,
            },
            None,
        ));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
