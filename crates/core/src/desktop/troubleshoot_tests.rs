//! The pickup test of the live-test step and the troubleshooter, on the demo (no keychain
//! needed): the Entra emulator with a simulated Genesys Cloud consumer connected to the Genesys
//! emulator, both on loopback.

use super::super::*;
use super::*;
use crate::{ClientSecret, Status};
use graphwiz_emulator::{
    connect_pickup, Emulator, GenesysEmulator, GenesysOptions, GenesysScenario, Options, Pickup,
    PickupMode,
};
use std::sync::Mutex as StdMutex;

struct Demo {
    _entra: Emulator,
    _genesys: GenesysEmulator,
    desktop: Desktop,
    domain: String,
    _dir: tempfile::TempDir,
}

/// The demo with the Azure app confirmed, support@ as its mailbox, and (with `with_part`) the
/// Genesys Cloud part saved.
async fn demo(scenario: GenesysScenario, mode: PickupMode, with_part: bool) -> Demo {
    let domain = graphwiz_emulator::model::demo::TENANT_DOMAIN.to_string();
    let entra = Emulator::start(Options {
        pickup: Some(Pickup::new(
            [format!("support@{domain}"), format!("sales@{domain}")],
            Duration::from_millis(300),
            mode,
        )),
        ..Options::default()
    })
    .await
    .unwrap();
    let c = entra.demo();
    let genesys = GenesysEmulator::start(GenesysOptions {
        scenario,
        azure_tenant_id: c.tenant_id.clone(),
        azure_client_id: c.client_id.clone(),
        domain: c.tenant_domain.clone(),
        transition: Duration::from_millis(50),
        ..Default::default()
    })
    .await
    .unwrap();
    connect_pickup(&entra, &genesys);
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    d.start_demo(DemoTenant {
        scenario: "healthy".into(),
        base_url: entra.base_url(),
        tenant_id: c.tenant_id.clone(),
        client_id: c.client_id.clone(),
        secret: ClientSecret::new(c.client_secret.clone()),
        mailboxes: vec![
            DemoMailbox {
                address: format!("support@{domain}"),
                kind: "healthy".into(),
            },
            DemoMailbox {
                address: format!("sales@{domain}"),
                kind: "healthy".into(),
            },
        ],
        genesys: Some(DemoGenesys {
            scenario: genesys.scenario().name().to_string(),
            base_url: genesys.base_url(),
            client_id: genesys.client_id(),
            secret: ClientSecret::new(genesys.client_secret()),
        }),
    })
    .unwrap();
    let v = d.view();
    d.save_azure_app(AzureAppInput {
        name: "x".into(),
        cloud: "global".into(),
        tenant: v.form.tenant.clone(),
        client_id: v.form.client_id.clone(),
        secret: None,
        i_know: false,
    })
    .unwrap();
    {
        let mut s = d.lock();
        s.state.furthest = Step::Summary;
    }
    if with_part {
        let v = d.view();
        d.save_genesys(GenesysForm {
            region: v.genesys.region.clone(),
            client_id: v.genesys.client_id.clone(),
            secret: None,
        })
        .unwrap();
    }
    d.go_to(Step::LiveTest).unwrap();
    Demo {
        _entra: entra,
        _genesys: genesys,
        desktop: d,
        domain,
        _dir: dir,
    }
}

fn status(checks: &[Check], id: &str) -> Option<Status> {
    checks.iter().find(|c| c.id == id).map(|c| c.status)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pickup_test_needs_a_confirmation_and_proves_the_pickup() {
    let demo = demo(GenesysScenario::Healthy, PickupMode::Fetch, true).await;
    let d = &demo.desktop;
    let support = format!("support@{}", demo.domain);
    // Nothing is sent without the admin's go-ahead, nor to itself given as "send from".
    let err = d
        .run_pickup_test(&support, None, false, &|_| {})
        .await
        .unwrap_err();
    assert_eq!(err.code, "pickup_unconfirmed");
    let err = d
        .run_pickup_test(&support, Some(&support.to_uppercase()), true, &|_| {})
        .await
        .unwrap_err();
    assert_eq!(err.code, "pickup_from_same");
    // Worded in the UI's language when it goes to the UI; English stays for the logs.
    let de = err.clone().localized(Lang::De);
    let text = de.text.clone().unwrap_or_default();
    assert!(text.starts_with("„Senden von“ ist"), "{text}");
    assert!(de.message.starts_with("\"Send from\" is"), "{}", de.message);
    assert!(d.view().live.is_none());

    let seen = StdMutex::new(Vec::new());
    let progress = |p: PickupProgressView| seen.lock().unwrap().push(p.phase);
    let v = d
        .run_pickup_test(&support, None, true, &progress)
        .await
        .unwrap();
    let live = v.live.unwrap();
    assert!(live.pickup && live.ok, "{:?}", live.checks);
    assert_eq!(
        live.checks
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        PICKUP_CHECKS
    );
    assert_eq!(status(&live.checks, "pickup"), Some(Status::Pass));
    assert_eq!(
        status(&live.checks, "genesys_interaction"),
        Some(Status::Pass),
        "{:?}",
        live.checks
    );
    let latency = live.pickup_latency_ms.expect("pickup latency");
    assert!(latency >= 200, "{latency} ms");
    let phases = seen.lock().unwrap().clone();
    for want in [
        "checking",
        "sending",
        "waiting_pickup",
        "finding_interaction",
        "ending_interaction",
    ] {
        assert!(phases.contains(&want), "{want} not in {phases:?}");
    }
    // The interaction graphwiz created was ended again.
    let convs = demo._genesys.conversations();
    assert!(!convs.is_empty() && convs.iter().all(|c| c.3), "{convs:?}");
    // Worded from the catalog: a language switch re-words the stored result.
    let en = status_text(d, "pickup");
    d.set_language("de");
    assert_ne!(en, status_text(d, "pickup"));
}

fn status_text(d: &Desktop, id: &str) -> String {
    d.view()
        .live
        .unwrap()
        .checks
        .into_iter()
        .find(|c| c.id == id)
        .unwrap()
        .summary
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pickup_test_sends_from_another_mailbox() {
    // Genesys ignores a mailbox's own mail: only mail from another mailbox is fetched.
    let demo = demo(
        GenesysScenario::Healthy,
        PickupMode::FetchExternalOnly,
        false,
    )
    .await;
    let d = &demo.desktop;
    let support = format!("support@{}", demo.domain);
    let sales = format!("sales@{}", demo.domain);
    let v = d
        .run_pickup_test(&support, Some(&sales), true, &|_| {})
        .await
        .unwrap();
    let live = v.live.unwrap();
    assert_eq!(live.sender, sales);
    assert_eq!(live.recipient, support);
    assert_eq!(
        status(&live.checks, "pickup"),
        Some(Status::Pass),
        "{:?}",
        live.checks
    );
    assert!(live.pickup_latency_ms.is_some());
    // Without a Genesys Cloud part the interaction can't be looked up.
    assert_eq!(
        status(&live.checks, "genesys_interaction"),
        Some(Status::Skip)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_troubleshooter_finds_the_cause_and_checks_again_from_it() {
    let demo = demo(GenesysScenario::NoDomain, PickupMode::Fetch, true).await;
    let d = &demo.desktop;
    let t = d.troubleshoot();
    assert!(t.can_run && t.demo && t.genesys && t.last.is_none());
    assert!(t.symptoms.iter().any(|s| s.id == "no-mail"));
    assert!(t
        .help
        .iter()
        .all(|h| !h.question.is_empty() && !h.answer.is_empty() && !h.source.is_empty()));
    assert!(d
        .diagnose("mail-stopped", false, None, &|_| {})
        .await
        .is_err());
    let err = d
        .diagnose("no-mail", false, Some("nope"), &|_| {})
        .await
        .unwrap_err();
    assert_eq!(err.code, "unknown_step");
    assert_eq!(err.text(Lang::De), "„nope“ ist kein Schritt von no-mail");

    let seen = StdMutex::new(Vec::new());
    let progress = |p: DiagnoseProgressView| seen.lock().unwrap().push((p.step, p.title));
    let t = d.diagnose("no-mail", false, None, &progress).await.unwrap();
    let w = t.last.unwrap();
    assert_eq!(w.cause.as_deref(), Some("domains"), "{:?}", w.steps);
    let outcome = |id: &str| w.steps.iter().find(|s| s.id == id).unwrap().outcome;
    assert_eq!(outcome("azure-login"), Outcome::Passed);
    assert_eq!(outcome("integration"), Outcome::Passed);
    assert_eq!(outcome("domains"), Outcome::Cause);
    assert_eq!(outcome("pickup"), Outcome::NotReached);
    let cause = w.steps.iter().find(|s| s.id == "domains").unwrap();
    assert!(cause.text.is_some() && !cause.evidence.is_empty() && !cause.faq.is_empty());
    assert!(w.fix.is_some());
    let steps = seen.lock().unwrap().clone();
    assert_eq!(steps.first().map(|s| s.0.as_str()), Some("checks"));
    assert!(steps.iter().all(|s| !s.1.starts_with("diag-")), "{steps:?}");

    // German, without a new run.
    d.set_language("de");
    let de = d.troubleshoot().last.unwrap();
    assert_ne!(de.title, w.title);
    assert_ne!(de.steps[0].title, w.steps[0].title);
    assert_eq!(de.cause, w.cause);
    assert_ne!(de.fix, w.fix);

    // Check again from the cause's step: the steps before it are not reached.
    let t = d
        .diagnose("no-mail", false, Some("domains"), &|_| {})
        .await
        .unwrap();
    let again = t.last.unwrap();
    assert_eq!(again.steps[0].outcome, Outcome::NotReached);
    assert_eq!(again.cause.as_deref(), Some("domains"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pickup_step_runs_only_with_the_admins_go_ahead() {
    let demo = demo(GenesysScenario::Healthy, PickupMode::Fetch, true).await;
    let d = &demo.desktop;
    let t = d.diagnose("no-mail", false, None, &|_| {}).await.unwrap();
    let w = t.last.unwrap();
    assert_eq!(w.cause, None, "{:?}", w.steps);
    let pickup = w.steps.iter().find(|s| s.id == "pickup").unwrap();
    assert_eq!(pickup.outcome, Outcome::NotRun);
    // In the app's words: its checkbox, not the command line.
    let how = pickup.text.clone().unwrap();
    assert!(how.contains("Allow a real test mail"), "{how}");
    assert!(!how.contains("--send-test-mail"), "{how}");
    assert!(!t.last_sent_test_mail);
    let t = d
        .diagnose("no-mail", true, Some("pickup"), &|_| {})
        .await
        .unwrap();
    let w = t.last.unwrap();
    let pickup = w.steps.iter().find(|s| s.id == "pickup").unwrap();
    assert_eq!(pickup.outcome, Outcome::Passed, "{:?}", pickup.evidence);
    assert!(t.last_sent_test_mail);
    // No target: the troubleshooter lists, but can't walk.
    d.restart();
    let t = d.troubleshoot();
    assert!(!t.can_run && t.last.is_none() && !t.symptoms.is_empty());
    assert_eq!(
        d.diagnose("no-mail", false, None, &|_| {})
            .await
            .unwrap_err()
            .code,
        "no_target"
    );
}

/// The demo's integration is given by the demo (its Azure app step only shows it): the
/// troubleshooter walks it from the demo's start, before that step was confirmed, instead of
/// asking to "set up an integration first (or start the demo)".
#[tokio::test(flavor = "multi_thread")]
async fn the_troubleshooter_walks_the_demo_before_its_azure_app_step_is_confirmed() {
    let demo = demo(GenesysScenario::Healthy, PickupMode::Fetch, false).await;
    let d = &demo.desktop;
    // As right after "Start the demo".
    d.lock().state.demo.as_mut().unwrap().confirmed = false;
    assert_eq!(d.run_checks().await.unwrap_err().code, "no_target");
    let ts = d.troubleshoot();
    assert!(ts.demo && ts.can_run, "{ts:?}");
    assert_eq!(ts.profile.as_deref(), Some(DEMO_PROFILE_NAME));
    let ts = d.diagnose("no-mail", false, None, &|_| {}).await.unwrap();
    let last = ts.last.expect("the walk ran against the demo");
    assert!(!last.steps.is_empty());
    assert_eq!(last.symptom, "no-mail");
    // Outside the demo, nothing set up: still refused.
    let dir = tempfile::tempdir().unwrap();
    let fresh = Desktop::open(dir.path());
    assert!(!fresh.troubleshoot().can_run);
    let err = fresh
        .diagnose("no-mail", false, None, &|_| {})
        .await
        .unwrap_err();
    assert_eq!(err.code, "no_target");
}
