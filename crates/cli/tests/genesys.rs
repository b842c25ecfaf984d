//! The Genesys Cloud half end to end: the real binary, the real OS keychain, the Entra/Graph
//! emulator and the Genesys Cloud emulator on loopback. Every Genesys scenario is checked, the
//! restart is run to ACTIVE and to ERROR, and a restart killed while the integration is disabled
//! is finished by the next command.

use graphwiz_emulator::GenesysScenario;
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

mod common;
use common::Run;

use common::orgs::{setup, setup_with, Setup};

fn graphwiz(home: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    common::graphwiz_in(home, args, stdin, &[("GRAPHWIZ_LANG", "en")])
}

fn check(s: &Setup) -> (i32, Value) {
    let run = graphwiz(
        s.home.path(),
        &["check", "--profile", "contoso", "--json"],
        None,
    );
    (run.code, run.json())
}

fn genesys_check<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {report:#}"))
}

fn statuses(report: &Value) -> Vec<(String, String)> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"].as_str().unwrap().starts_with("genesys_"))
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn status_of(report: &Value, id: &str) -> String {
    genesys_check(report, id)["status"]
        .as_str()
        .unwrap()
        .to_string()
}

fn all_files_text(dir: &Path) -> String {
    let mut text = String::new();
    for e in walk(dir) {
        text.push_str(&String::from_utf8_lossy(&std::fs::read(&e).unwrap()));
    }
    text
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn healthy_organization_passes_both_halves_and_the_secret_stays_in_the_keychain() {
    let s = setup(GenesysScenario::Healthy);
    let (code, report) = check(&s);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        statuses(&report),
        [
            "genesys_login",
            "genesys_integration",
            "genesys_domains",
            "genesys_routes",
            "genesys_agents",
            "genesys_multi_destination"
        ]
        .iter()
        .map(|id| (id.to_string(), "pass".to_string()))
        .collect::<Vec<_>>()
    );
    assert_eq!(status_of(&report, "credentials"), "pass");
    let routes = genesys_check(&report, "genesys_routes");
    assert!(
        routes["summary"]
            .as_str()
            .unwrap()
            .contains(&format!("support@{}", s.domain)),
        "{routes}"
    );
    assert_eq!(
        genesys_check(&report, "genesys_login")["message_id"],
        "genesys-login-pass"
    );
    // The Genesys secret is nowhere but in the keychain.
    let secret = s.gen.client_secret();
    assert!(!all_files_text(s.home.path()).contains(&secret));
    let show = graphwiz(
        s.home.path(),
        &["profile", "show", "contoso", "--json"],
        None,
    );
    assert!(!show.stdout.contains(&secret) && !show.stderr.contains(&secret));
    assert_eq!(show.json()["genesys"]["region"], "eu_central_1");
    // The integration type was found by name among the decoys, and its configuration and
    // credential were read to compare the app.
    let reqs = s.gen.requests();
    assert!(
        reqs.iter()
            .any(|(_, p)| p.starts_with("/api/v2/integrations/types?")),
        "{reqs:?}"
    );
    assert!(
        reqs.iter().any(|(_, p)| p.ends_with("/config/current")),
        "{reqs:?}"
    );
    assert!(
        reqs.iter()
            .any(|(_, p)| p.starts_with("/api/v2/integrations/credentials/")),
        "{reqs:?}"
    );
}

#[test]
fn each_genesys_scenario_fails_or_warns_the_check_it_breaks() {
    use GenesysScenario::*;
    let cases: [(GenesysScenario, &str, &str, &str); 10] = [
        (WrongOauthSecret, "genesys_login", "fail", "invalid_client"),
        (
            IntegrationError,
            "genesys_integration",
            "fail",
            "AADSTS7000222",
        ),
        (
            IntegrationInactive,
            "genesys_integration",
            "fail",
            "switched off",
        ),
        (
            OtherApp,
            "genesys_integration",
            "fail",
            "0d9c1b7e-2f4a-4c88-9e31-7a6b5c4d3e21",
        ),
        (DomainError, "genesys_domains", "fail", "subscription"),
        (
            NoDomain,
            "genesys_domains",
            "fail",
            "No inbound email domain",
        ),
        (
            RouteWithoutQueue,
            "genesys_routes",
            "fail",
            "no queue, no flow",
        ),
        (
            NobodyOnQueue,
            "genesys_agents",
            "warn",
            "Nobody is on queue Support",
        ),
        (
            MultiDestinationOff,
            "genesys_multi_destination",
            "warn",
            "only one interaction",
        ),
        (
            MissingPermission,
            "genesys_domains",
            "warn",
            "routing:email:manage",
        ),
    ];
    for (scenario, id, want, text) in cases {
        let s = setup(scenario);
        let (code, report) = check(&s);
        let c = genesys_check(&report, id);
        assert_eq!(c["status"], want, "{scenario:?}: {c:#}");
        let words = format!("{} {}", c["summary"], c["fix"]);
        assert!(
            words.contains(text),
            "{scenario:?}: '{text}' not in {words}"
        );
        assert!(c["fix"].is_string(), "{scenario:?}: no fix: {c:#}");
        assert_eq!(code, if want == "fail" { 1 } else { 0 }, "{scenario:?}");
        // A broken check never turns the others red on its own.
        let failed: Vec<_> = statuses(&report)
            .into_iter()
            .filter(|(_, st)| st == "fail")
            .map(|(i, _)| i)
            .collect();
        if want != "fail" {
            assert!(failed.is_empty(), "{scenario:?}: {failed:?}");
        }
        match scenario {
            WrongOauthSecret => assert!(statuses(&report)[1..].iter().all(|(_, st)| st == "skip")),
            NoDomain => assert_eq!(status_of(&report, "genesys_routes"), "skip"),
            MissingPermission => {
                assert_eq!(status_of(&report, "genesys_integration"), "pass");
                assert_eq!(status_of(&report, "genesys_routes"), "skip");
            }
            _ => {}
        }
    }
}

#[test]
fn throttling_is_waited_out() {
    let s = setup(GenesysScenario::Throttled);
    let (code, report) = check(&s);
    assert_eq!(code, 0, "{report:#}");
    assert!(
        statuses(&report).iter().all(|(_, st)| st == "pass"),
        "{report:#}"
    );
}

#[test]
fn german_output_comes_from_the_german_catalog_with_the_same_ids() {
    let s = setup(GenesysScenario::IntegrationError);
    let run = common::graphwiz_in(
        s.home.path(),
        &["--lang", "de", "check", "--profile", "contoso", "--json"],
        None,
        &[],
    );
    let report = run.json();
    let c = genesys_check(&report, "genesys_integration");
    assert_eq!(c["status"], "fail");
    assert_eq!(c["message_id"], "genesys-integration-error");
    assert!(
        c["summary"]
            .as_str()
            .unwrap()
            .contains("meldet in Genesys Cloud FEHLER"),
        "{c}"
    );
    assert!(
        c["fix"]
            .as_str()
            .unwrap()
            .contains("Zertifikate & Geheimnisse"),
        "{c}"
    );
    let en = graphwiz(
        s.home.path(),
        &["check", "--profile", "contoso", "--json"],
        None,
    )
    .json();
    let e = genesys_check(&en, "genesys_integration");
    assert_eq!(
        (&e["message_id"], &e["args"], &e["status"]),
        (&c["message_id"], &c["args"], &c["status"])
    );
    assert_ne!(e["summary"], c["summary"]);
}

#[test]
fn set_genesys_refuses_bad_input_and_saves_nothing() {
    let s = setup(GenesysScenario::Healthy);
    let before = std::fs::read(s.home.path().join("profiles.json")).unwrap();
    let bad_region = graphwiz(
        s.home.path(),
        &[
            "profile",
            "set-genesys",
            "contoso",
            "--region",
            "mypurecloud.fr",
            "--client-id",
            &s.gen.client_id(),
            "--secret-stdin",
        ],
        Some("x\n"),
    );
    assert_eq!(bad_region.code, 2);
    assert!(
        bad_region.stderr.contains("mypurecloud.de (eu_central_1)"),
        "{}",
        bad_region.stderr
    );
    let bad_id = graphwiz(
        s.home.path(),
        &[
            "profile",
            "set-genesys",
            "contoso",
            "--region",
            "eu_central_1",
            "--client-id",
            "not-a-guid",
            "--secret-stdin",
        ],
        Some("x\n"),
    );
    assert_eq!(bad_id.code, 2);
    assert!(bad_id.stderr.contains("Client ID"), "{}", bad_id.stderr);
    let http = graphwiz(
        s.home.path(),
        &[
            "profile",
            "set-genesys",
            "contoso",
            "--region",
            "eu_central_1",
            "--client-id",
            &s.gen.client_id(),
            "--genesys-api-url",
            "http://api.example.com",
            "--secret-stdin",
        ],
        Some("x\n"),
    );
    assert_eq!(http.code, 2, "{}", http.stderr);
    let empty = graphwiz(
        s.home.path(),
        &[
            "profile",
            "set-genesys",
            "contoso",
            "--region",
            "eu_central_1",
            "--client-id",
            &s.gen.client_id(),
            "--secret-stdin",
        ],
        Some("\n"),
    );
    assert_eq!(empty.code, 2);
    assert!(empty.stderr.contains("Client Secret"), "{}", empty.stderr);
    assert_eq!(
        std::fs::read(s.home.path().join("profiles.json")).unwrap(),
        before
    );
    let removed = graphwiz(
        s.home.path(),
        &["profile", "set-genesys", "contoso", "--remove"],
        None,
    );
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    let (_, report) = check(&s);
    assert!(
        statuses(&report).is_empty(),
        "no Genesys part, no Genesys checks: {report:#}"
    );
}

fn restart(s: &Setup) -> Run {
    graphwiz(
        s.home.path(),
        &["genesys", "restart", "--profile", "contoso", "--json"],
        None,
    )
}

#[test]
fn restart_disables_then_enables_and_waits_for_active() {
    let s = setup(GenesysScenario::Healthy);
    let run = restart(&s);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let out = run.json();
    assert_eq!(out["final_state"], "ACTIVE");
    assert_eq!(out["check"]["status"], "pass");
    assert_eq!(
        s.gen.integration_state(),
        ("ENABLED".to_string(), "ACTIVE".to_string())
    );
    let patches: Vec<_> = s
        .gen
        .requests()
        .into_iter()
        .filter(|(m, _)| m == "PATCH")
        .collect();
    assert_eq!(patches.len(), 2, "{patches:?}");
    assert!(!s
        .home
        .path()
        .join("genesys-restarts")
        .join("contoso.json")
        .exists());
}

#[test]
fn restart_that_ends_in_error_exits_1_with_the_detail_and_leaves_it_enabled() {
    let s = setup(GenesysScenario::RestartError);
    let run = restart(&s);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = run.json();
    assert_eq!(out["final_state"], "ERROR");
    assert!(
        out["check"]["summary"]
            .as_str()
            .unwrap()
            .contains("AADSTS7000215"),
        "{out:#}"
    );
    assert_eq!(s.gen.integration_state().0, "ENABLED");
}

#[test]
fn a_restart_killed_while_disabled_is_finished_by_the_next_command() {
    let s = setup_with(|o| o.transition = Duration::from_secs(30));
    let child = common::start(
        common::command(
            s.home.path(),
            &[
                "genesys",
                "restart",
                "--profile",
                "contoso",
                "--timeout",
                "60",
            ],
            &[("GRAPHWIZ_LANG", "en")],
        ),
        None,
    );
    let started = Instant::now();
    while s.gen.integration_state().0 != "DISABLED" {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the restart never disabled the integration"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert_eq!(
        s.gen.integration_state().0,
        "DISABLED",
        "the kill left it disabled"
    );
    assert!(
        s.home
            .path()
            .join("genesys-restarts")
            .join("contoso.json")
            .exists(),
        "no restart note"
    );
    // Any command finishes the restart first.
    let next = graphwiz(s.home.path(), &["profile", "list"], None);
    assert_eq!(next.code, 0, "{}", next.stderr);
    assert!(
        next.stderr.contains("enabled integration") && next.stderr.contains("interrupted restart"),
        "{}",
        next.stderr
    );
    assert_eq!(s.gen.integration_state().0, "ENABLED");
    assert!(!s
        .home
        .path()
        .join("genesys-restarts")
        .join("contoso.json")
        .exists());
    let again = graphwiz(s.home.path(), &["profile", "list"], None);
    assert!(!again.stderr.contains("interrupted"), "{}", again.stderr);
}
