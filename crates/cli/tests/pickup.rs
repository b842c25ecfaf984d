//! The pickup test end to end: the real binary against the Entra/Graph emulator with a simulated
//! Genesys consumer and the Genesys Cloud emulator. Genesys fetching the mail (marking it read)
//! is the proof; the interaction it creates is found and ended.

use graphwiz_emulator::{GenesysScenario, PickupMode};
use serde_json::Value;
use std::time::Duration;

mod common;
use common::orgs::{setup_pickup, Setup};

fn pickup(s: &Setup, extra: &[&str], lang: &str) -> (i32, Value) {
    let mut args = vec![
        "live-test",
        "--profile",
        "contoso",
        "--pickup",
        "--pickup-timeout",
        "6",
        "--interaction-timeout",
        "6",
        "--json",
    ];
    args.extend_from_slice(extra);
    let run = common::graphwiz_in(s.home.path(), &args, None, &[("GRAPHWIZ_LANG", lang)]);
    (run.code, run.json())
}

fn check<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id}: {r:#}"))
}

fn inbox_is_clean(s: &Setup) {
    let left: Vec<_> = s
        .emu
        .inbox(&format!("support@{}", s.domain))
        .into_iter()
        .filter(|m| m.subject.contains("graphwiz test"))
        .collect();
    assert!(left.is_empty(), "test mail left behind: {left:?}");
}

#[test]
fn genesys_fetching_the_mail_is_proven_and_its_interaction_ended() {
    let s = setup_pickup(Duration::from_millis(1000), PickupMode::Fetch, |_| {}, true);
    let (code, r) = pickup(&s, &[], "en");
    assert_eq!(code, 0, "{r:#}");
    let p = check(&r, "pickup");
    assert_eq!(p["status"], "pass", "{p}");
    let latency = p["latency_ms"].as_u64().unwrap();
    assert!(
        (1000..1700).contains(&latency),
        "pickup seen {latency} ms after arrival for a 1 s pickup"
    );
    assert!(
        r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != "mark_read"),
        "graphwiz must not mark it read itself"
    );
    let i = check(&r, "genesys_interaction");
    assert_eq!(i["status"], "pass", "{i}");
    assert!(
        i["summary"].as_str().unwrap().contains("queue Support"),
        "{i}"
    );
    let convs = s.gen.conversations();
    assert_eq!(convs.len(), 1, "{convs:?}");
    assert!(convs[0].3, "the test interaction was not ended: {convs:?}");
    assert!(convs[0].1.contains("please ignore"), "{convs:?}");
    assert_eq!(check(&r, "cleanup")["status"], "pass");
    inbox_is_clean(&s);
}

#[test]
fn nobody_fetching_fails_with_the_faq_answers_in_order() {
    let s = setup_pickup(Duration::from_millis(500), PickupMode::Never, |_| {}, true);
    let (code, r) = pickup(&s, &[], "en");
    assert_eq!(code, 1, "{r:#}");
    let p = check(&r, "pickup");
    assert_eq!(p["status"], "fail");
    let fix = p["fix"].as_str().unwrap();
    let (a, b, c) = (
        fix.find("(1)").unwrap(),
        fix.find("(2)").unwrap(),
        fix.find("(3)").unwrap(),
    );
    assert!(a < b && b < c, "{fix}");
    assert!(
        fix.contains("graphwiz genesys restart --profile \"contoso\""),
        "{fix}"
    );
    assert_eq!(check(&r, "genesys_interaction")["status"], "skip");
    assert_eq!(check(&r, "cleanup")["status"], "pass");
    inbox_is_clean(&s);
}

#[test]
fn fetched_without_an_interaction_gives_the_read_but_not_in_genesys_answer() {
    let s = setup_pickup(
        Duration::from_millis(300),
        PickupMode::FetchNoInteraction,
        |o| o.analytics_lag = Duration::from_millis(100),
        true,
    );
    let (code, r) = pickup(&s, &[], "en");
    assert_eq!(code, 1, "{r:#}");
    assert_eq!(check(&r, "pickup")["status"], "pass");
    let i = check(&r, "genesys_interaction");
    assert_eq!(i["status"], "fail", "{i}");
    assert!(i["fix"].as_str().unwrap().contains("Architect"), "{i}");
    inbox_is_clean(&s);
}

#[test]
fn routing_that_ignores_own_mail_needs_from() {
    let s = setup_pickup(
        Duration::from_millis(300),
        PickupMode::FetchExternalOnly,
        |_| {},
        true,
    );
    let (code, r) = pickup(&s, &[], "en");
    assert_eq!(
        (code, check(&r, "pickup")["status"].clone()),
        (1, Value::from("fail")),
        "{r:#}"
    );
    let sales = format!("sales@{}", s.domain);
    let (code, r) = pickup(&s, &["--from", &sales], "en");
    assert_eq!(code, 0, "{r:#}");
    assert_eq!(check(&r, "pickup")["status"], "pass");
    assert_eq!(check(&r, "send")["mailbox"], Value::from(sales));
}

#[test]
fn without_a_genesys_part_only_the_pickup_is_proven() {
    let s = setup_pickup(Duration::from_millis(300), PickupMode::Fetch, |_| {}, false);
    let (code, r) = pickup(&s, &[], "en");
    assert_eq!(code, 0, "{r:#}");
    assert_eq!(check(&r, "pickup")["status"], "pass");
    let i = check(&r, "genesys_interaction");
    assert_eq!(
        (i["status"].as_str(), i["message_id"].as_str()),
        (Some("skip"), Some("interaction-no-part"))
    );
}

#[test]
fn a_missing_disconnect_permission_is_named_and_german_is_german() {
    let s = setup_pickup(
        Duration::from_millis(300),
        PickupMode::Fetch,
        |o| {
            o.scenario = GenesysScenario::NoDisconnectPermission;
            o.analytics_lag = Duration::from_millis(100);
        },
        true,
    );
    let (code, r) = pickup(&s, &[], "de");
    assert_eq!(code, 0, "a test interaction left open is a warning: {r:#}");
    let i = check(&r, "genesys_interaction");
    assert_eq!(i["status"], "warn");
    assert!(
        i["summary"]
            .as_str()
            .unwrap()
            .contains("konnte sie aber nicht beenden"),
        "{i}"
    );
    assert!(
        i["summary"]
            .as_str()
            .unwrap()
            .contains("conversation:communication:disconnect"),
        "{i}"
    );
    assert!(check(&r, "pickup")["summary"]
        .as_str()
        .unwrap()
        .contains("abgeholt"));
}
