//! The troubleshooter end to end: each symptom walked against emulator scenarios that break it
//! at one step; the walk must stop at that step with that cause, and at none on a healthy pair.

use graphwiz_emulator::{GenesysScenario, Options, Scenario};
use serde_json::Value;

mod common;
use common::orgs::{setup, setup_full, Setup};

fn diagnose(s: &Setup, symptom: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec![
        "diagnose",
        "--profile",
        "contoso",
        "--symptom",
        symptom,
        "--json",
    ];
    args.extend_from_slice(extra);
    let run = common::graphwiz_in(s.home.path(), &args, None, &[("GRAPHWIZ_LANG", "en")]);
    (run.code, run.json())
}

fn outcome(d: &Value, step: &str) -> String {
    d["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == step)
        .unwrap_or_else(|| panic!("no step {step}: {d:#}"))["outcome"]
        .as_str()
        .unwrap()
        .to_string()
}

fn assert_cause(s: &Setup, symptom: &str, step: &str, text: &str) {
    let (code, d) = diagnose(s, symptom, &[]);
    assert_eq!(d["cause"], step, "{symptom}: {d:#}");
    assert_eq!(code, 1, "{symptom}");
    assert_eq!(outcome(&d, step), "cause");
    let steps = d["steps"].as_array().unwrap();
    let at = steps.iter().position(|x| x["id"] == step).unwrap();
    assert!(
        steps[at + 1..]
            .iter()
            .all(|x| x["outcome"] == "not_reached"),
        "the walk went on: {d:#}"
    );
    assert!(steps[..at].iter().all(|x| x["outcome"] != "cause"));
    let words = format!("{} {}", steps[at]["text"], d["fix"]);
    assert!(
        words.contains(text),
        "{symptom}/{step}: '{text}' not in {words}"
    );
    assert!(!steps[at]["faq"].as_str().unwrap().is_empty());
    assert_eq!(
        d["check_again"],
        format!("graphwiz diagnose --profile \"contoso\" --symptom {symptom} --from-step {step}")
    );
}

fn entra(s: Scenario) -> Setup {
    setup_full(Options::scenario(s), |_| {}, true)
}

#[test]
fn no_mail_stops_at_the_first_broken_step_of_either_half() {
    assert_cause(
        &entra(Scenario::WrongSecret),
        "no-mail",
        "azure-login",
        "was rejected",
    );
    assert_cause(
        &entra(Scenario::NoAdminConsent),
        "no-mail",
        "permissions",
        "consent",
    );
    assert_cause(
        &entra(Scenario::RbacScoped),
        "no-mail",
        "mailboxes",
        "sales@",
    );
    assert_cause(
        &setup(GenesysScenario::IntegrationError),
        "no-mail",
        "integration",
        "AADSTS7000222",
    );
    assert_cause(
        &setup(GenesysScenario::NoDomain),
        "no-mail",
        "domains",
        "No inbound email domain",
    );
    assert_cause(
        &setup(GenesysScenario::RouteWithoutQueue),
        "no-mail",
        "routes",
        "no queue, no flow",
    );
}

#[test]
fn a_healthy_pair_has_no_cause_and_lists_what_is_left_for_the_admin() {
    let s = setup(GenesysScenario::Healthy);
    let (code, d) = diagnose(&s, "no-mail", &[]);
    assert_eq!(code, 0, "{d:#}");
    assert!(d["cause"].is_null());
    assert_eq!(outcome(&d, "azure-login"), "passed");
    assert_eq!(outcome(&d, "integration"), "passed");
    assert_eq!(outcome(&d, "restart-after-change"), "manual");
    assert_eq!(outcome(&d, "pickup"), "not_run");
    let pickup = d["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "pickup")
        .unwrap();
    assert!(
        pickup["text"]
            .as_str()
            .unwrap()
            .contains("--send-test-mail"),
        "{pickup}"
    );
}

#[test]
fn read_but_not_in_genesys_looks_at_routes_flows_and_agents() {
    assert_cause(
        &setup(GenesysScenario::RouteWithoutQueue),
        "read-not-in-genesys",
        "route-target",
        "no queue, no flow",
    );
    assert_cause(
        &setup(GenesysScenario::NobodyOnQueue),
        "read-not-in-genesys",
        "agents-on-queue",
        "Nobody is on queue",
    );
    let (code, d) = diagnose(&setup(GenesysScenario::Healthy), "read-not-in-genesys", &[]);
    assert_eq!(code, 0, "{d:#}");
    assert_eq!(outcome(&d, "flow-handling"), "manual");
}

#[test]
fn one_interaction_is_the_multiple_destinations_setting() {
    assert_cause(
        &setup(GenesysScenario::MultiDestinationOff),
        "one-interaction",
        "multi-destination",
        "only one interaction",
    );
    let (code, d) = diagnose(&setup(GenesysScenario::Healthy), "one-interaction", &[]);
    assert_eq!((code, d["cause"].clone()), (0, Value::Null), "{d:#}");
}

#[test]
fn auth_after_a_secret_change_finds_the_side_that_holds_the_old_secret() {
    assert_cause(
        &entra(Scenario::ExpiredSecret),
        "auth-after-secret-change",
        "azure-login",
        "has expired",
    );
    assert_cause(
        &setup(GenesysScenario::IntegrationError),
        "auth-after-secret-change",
        "genesys-secret",
        "AADSTS7000222",
    );
}

#[test]
fn cannot_send_and_bounces() {
    assert_cause(
        &entra(Scenario::MailSendDelegated),
        "cannot-send",
        "mail-send",
        "Mail.Send",
    );
    let (code, d) = diagnose(&setup(GenesysScenario::Healthy), "bounces", &[]);
    assert_eq!(code, 0, "{d:#}");
    assert_eq!(outcome(&d, "mailboxes"), "passed");
    assert_eq!(outcome(&d, "connection-filter"), "manual");
    assert_eq!(outcome(&d, "message-trace"), "manual");
}

#[test]
fn without_a_genesys_part_the_genesys_steps_are_for_the_admin() {
    let s = setup_full(
        Options::scenario(Scenario::Healthy),
        |o| o.scenario = GenesysScenario::IntegrationError,
        false,
    );
    let (code, d) = diagnose(&s, "no-mail", &[]);
    assert_eq!(code, 0, "{d:#}");
    for step in ["genesys-login", "integration", "domains", "routes"] {
        assert_eq!(outcome(&d, step), "manual", "{step}");
    }
    let integration = d["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "integration")
        .unwrap();
    assert!(integration["text"]
        .as_str()
        .unwrap()
        .contains("Admin → Integrations → Integrations"));
}

#[test]
fn check_again_starts_at_the_step_and_the_list_speaks_german() {
    let s = setup(GenesysScenario::RouteWithoutQueue);
    let (_, d) = diagnose(&s, "no-mail", &["--from-step", "routes"]);
    assert_eq!(outcome(&d, "azure-login"), "not_reached");
    assert_eq!(d["cause"], "routes");
    let list = common::graphwiz_in(s.home.path(), &["--lang", "de", "diagnose"], None, &[]);
    assert_eq!(list.code, 0);
    assert!(
        list.stdout.contains("no-mail") && list.stdout.contains("trotzdem werden keine Mails"),
        "{}",
        list.stdout
    );
    let bad = common::graphwiz_in(
        s.home.path(),
        &[
            "diagnose",
            "--profile",
            "contoso",
            "--symptom",
            "mail-stopped",
        ],
        None,
        &[],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("no-mail"), "{}", bad.stderr);
}

#[test]
fn with_a_test_mail_the_pickup_step_decides() {
    use common::orgs::setup_pickup;
    use graphwiz_emulator::PickupMode;
    use std::time::Duration;
    let never = setup_pickup(Duration::from_millis(300), PickupMode::Never, |_| {}, true);
    let (code, d) = diagnose(
        &never,
        "no-mail",
        &["--send-test-mail", "--pickup-timeout", "5"],
    );
    assert_eq!(
        (code, d["cause"].clone()),
        (1, Value::from("pickup")),
        "{d:#}"
    );
    let fetch = setup_pickup(Duration::from_millis(300), PickupMode::Fetch, |_| {}, true);
    let (code, d) = diagnose(
        &fetch,
        "no-mail",
        &["--send-test-mail", "--pickup-timeout", "5"],
    );
    assert_eq!(code, 0, "{d:#}");
    assert_eq!(outcome(&d, "pickup"), "passed");
}

#[test]
fn every_step_that_a_check_decides_is_reached_by_some_broken_scenario() {
    // Steps not covered by the tests above, each broken by a scenario of its own.
    assert_cause(
        &setup(GenesysScenario::WrongOauthSecret),
        "no-mail",
        "genesys-login",
        "invalid_client",
    );
    assert_cause(
        &setup(GenesysScenario::WrongOauthSecret),
        "read-not-in-genesys",
        "genesys-login",
        "invalid_client",
    );
    assert_cause(
        &setup(GenesysScenario::IntegrationInactive),
        "read-not-in-genesys",
        "integration",
        "switched off",
    );
    assert_cause(
        &setup(GenesysScenario::RouteWithoutQueue),
        "one-interaction",
        "routes-per-address",
        "no queue, no flow",
    );
    assert_cause(
        &setup(GenesysScenario::WrongOauthSecret),
        "one-interaction",
        "genesys-login",
        "invalid_client",
    );
    assert_cause(
        &entra(Scenario::RbacScoped),
        "bounces",
        "mailboxes",
        "sales@",
    );
    assert_cause(
        &entra(Scenario::WrongSecret),
        "cannot-send",
        "azure-login",
        "was rejected",
    );
    assert_cause(
        &entra(Scenario::RbacScoped),
        "cannot-send",
        "mailboxes",
        "sales@",
    );
}

#[test]
fn a_lost_test_mail_is_the_cause_of_cannot_send() {
    let s = entra(Scenario::MailLost);
    let (code, d) = diagnose(
        &s,
        "cannot-send",
        &["--send-test-mail", "--pickup-timeout", "5"],
    );
    assert_eq!(
        (code, d["cause"].clone()),
        (1, Value::from("send")),
        "{d:#}"
    );
}
