//! The rail's verdicts on the demo: a step is green only when every check it shows passed, and
//! the summary names every failed and warning check with its step.

use super::super::*;
use super::*;
use crate::microsoft::expiry::ExpiryState;
use crate::{ClientSecret, Status};
use graphwiz_emulator::{Emulator, Options, Scenario};

struct Demo {
    _entra: Emulator,
    desktop: Desktop,
    _dir: tempfile::TempDir,
}

/// The demo of `scenario` with its four mailboxes (two of them broken on purpose), the Azure
/// app confirmed and the checks run.
async fn checked(scenario: Scenario) -> Demo {
    let domain = graphwiz_emulator::model::demo::TENANT_DOMAIN.to_string();
    let entra = Emulator::start(Options::scenario(scenario)).await.unwrap();
    let c = entra.demo();
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    d.start_demo(DemoTenant {
        scenario: scenario.name().into(),
        base_url: entra.base_url(),
        tenant_id: c.tenant_id.clone(),
        client_id: c.client_id.clone(),
        secret: ClientSecret::new(c.client_secret.clone()),
        mailboxes: ["support", "sales", "unlicensed", "blocked"]
            .iter()
            .map(|m| DemoMailbox {
                address: format!("{m}@{domain}"),
                kind: (*m).into(),
            })
            .collect(),
        genesys: None,
    })
    .unwrap();
    let v = d.view();
    d.save_azure_app(AzureAppInput {
        name: "x".into(),
        cloud: "global".into(),
        tenant: v.form.tenant.clone(),
        client_id: v.form.client_id.clone(),
        secret: None,
        // A pasted Secret ID is sent anyway, as the admin who ticks "I know" does.
        i_know: true,
    })
    .unwrap();
    for m in ["support", "sales", "unlicensed", "blocked"] {
        let _ = d.add_mailbox(&format!("{m}@{domain}"));
    }
    d.run_checks().await.unwrap();
    Demo {
        _entra: entra,
        desktop: d,
        _dir: dir,
    }
}

fn status_of_step(v: &View, step: Step) -> StepStatus {
    v.steps.iter().find(|s| s.step == step).unwrap().status
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_mailboxes_make_their_step_red_and_nothing_unproven_is_green() {
    let demo = checked(Scenario::Healthy).await;
    let v = demo.desktop.view();
    assert_eq!(v.steps.len(), Step::ALL.len());
    assert_eq!(status_of_step(&v, Step::Start), StepStatus::None);
    assert_eq!(status_of_step(&v, Step::AzureApp), StepStatus::Passed);
    // As in every real tenant, User.Read's consent is unverified until an administrator signs
    // in: a warning, never green.
    assert_eq!(status_of_step(&v, Step::Permissions), StepStatus::Warning);
    // unlicensed@ and blocked@ fail on purpose.
    assert_eq!(status_of_step(&v, Step::Mailboxes), StepStatus::Failed);
    let mb = v.steps.iter().find(|s| s.step == Step::Mailboxes).unwrap();
    assert_eq!((mb.counts.pass, mb.counts.fail), (2, 2), "{:?}", mb.counts);
    // The live test never ran: not green.
    assert_eq!(status_of_step(&v, Step::LiveTest), StepStatus::NotRun);
    assert_eq!(status_of_step(&v, Step::Summary), StepStatus::Failed);
    // The summary names both mailbox failures, on the mailboxes step.
    let failed: Vec<(&str, Option<&str>, Step)> = v
        .summary
        .problems
        .iter()
        .filter(|p| p.check.status == Status::Fail)
        .map(|p| (p.check.id.as_str(), p.check.mailbox.as_deref(), p.step))
        .collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed
        .iter()
        .all(|(id, m, step)| *id == "mailbox_access" && m.is_some() && *step == Step::Mailboxes));
    // The permissions step counts only its own cards.
    let perms = v
        .steps
        .iter()
        .find(|s| s.step == Step::Permissions)
        .unwrap();
    assert_eq!(perms.counts.fail, 0);
    assert_eq!(
        perms.counts.pass + perms.counts.warn,
        v.permissions.len(),
        "{:?}",
        perms.counts
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_secret_is_red_where_it_is_shown_and_nothing_after_it_is_green() {
    let demo = checked(Scenario::ExpiredSecret).await;
    let v = demo.desktop.view();
    assert_eq!(status_of_step(&v, Step::AzureApp), StepStatus::Failed);
    assert_eq!(status_of_step(&v, Step::Permissions), StepStatus::Failed);
    for step in [Step::Mailboxes, Step::LiveTest] {
        assert_ne!(status_of_step(&v, step), StepStatus::Passed, "{step:?}");
    }
    assert_eq!(status_of_step(&v, Step::Summary), StepStatus::Failed);
    // The token request said AADSTS7000222: the expiry step says "expired", with the fix and
    // the Certificates & secrets page.
    assert_eq!(status_of_step(&v, Step::SecretExpiry), StepStatus::Failed);
    assert_eq!(v.expiry.state, Some(ExpiryState::Expired));
    let c = v.expiry.check.as_ref().expect("an expiry check");
    assert_eq!(c.code.as_deref(), Some("AADSTS7000222"));
    assert!(c
        .fix
        .as_deref()
        .unwrap_or_default()
        .contains("Certificates & secrets"));
    assert!(
        c.portal_url
            .as_deref()
            .unwrap_or_default()
            .contains("Credentials"),
        "{c:?}"
    );
    let first = v.summary.problems.first().expect("a problem");
    assert_eq!(first.check.id, "credentials");
    assert_eq!(first.step, Step::Permissions);
    assert_eq!(first.check.code.as_deref(), Some("AADSTS7000222"));
}

#[test]
fn a_step_is_green_only_when_every_check_passed() {
    let c = |s: Status| Check::msg("x", s, "test-echo", crate::i18n::Args::new());
    assert_eq!(status_of([]), StepStatus::NotRun);
    assert_eq!(status_of(&[c(Status::Pass)]), StepStatus::Passed);
    assert_eq!(
        status_of(&[c(Status::Pass), c(Status::Skip)]),
        StepStatus::NotRun
    );
    assert_eq!(
        status_of(&[c(Status::Pass), c(Status::Warn)]),
        StepStatus::Warning
    );
    assert_eq!(
        status_of(&[c(Status::Warn), c(Status::Fail), c(Status::Skip)]),
        StepStatus::Failed
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn importing_a_demo_export_asks_first_and_flags_its_loopback_endpoints() {
    let demo = checked(Scenario::Healthy).await;
    let d = &demo.desktop;
    let file = demo._dir.path().join("demo.graphwiz.json");
    d.export_config(&file, true).unwrap();
    d.set_language("de");
    let cfg = read_config(&file).unwrap();
    let preview = d.preview_import(cfg, "demo.graphwiz.json");
    // Nothing changed yet: still the demo.
    assert!(d.view().demo.is_some());
    assert!(preview.leaves_demo);
    assert!(!preview.test_endpoints.is_empty(), "{preview:?}");
    let ids: Vec<&str> = preview
        .notes
        .iter()
        .filter_map(|c| c.message_id.as_deref())
        .collect();
    assert!(ids.contains(&"app-import-leaves-demo"), "{ids:?}");
    assert!(ids.contains(&"app-import-loopback-endpoint"), "{ids:?}");
    assert!(ids.contains(&"app-import-not-validated"), "{ids:?}");
    let holds = preview
        .notes
        .iter()
        .find(|c| c.status == Status::Pass)
        .unwrap();
    assert!(holds.summary.contains("4 Postfächer"), "{}", holds.summary);

    // Cancelled: nothing changes; confirming now is refused.
    d.cancel_import();
    assert!(d.view().demo.is_some());
    assert!(d.confirm_import(false).is_err());

    // Confirmed: the demo ends, Microsoft's endpoints are used, and a notice says what happened.
    let cfg = read_config(&file).unwrap();
    d.preview_import(cfg, "demo.graphwiz.json");
    let outcome = d.confirm_import(false).unwrap();
    assert!(outcome.ends_demo);
    let v = outcome.view;
    assert!(v.demo.is_none());
    assert_eq!(v.step, Step::AzureApp);
    assert_eq!(v.mailboxes.len(), 4);
    {
        let s = d.lock();
        assert_eq!(s.state.draft.login_url, None);
        assert_eq!(s.state.draft.graph_url, None);
    }
    let notice = v
        .notices
        .iter()
        .find(|c| c.message_id.as_deref() == Some("app-import-done"))
        .expect("an import notice");
    assert!(notice.summary.contains("importiert"), "{}", notice.summary);
    assert!(
        notice.summary.contains("Test-Endpunkte"),
        "{}",
        notice.summary
    );
}

/// Every Entra/Graph scenario of the emulator, checked with the UI in German, then the live
/// test where the checks let it run: every text of the view is the German catalog's.
#[tokio::test(flavor = "multi_thread")]
async fn every_scenario_reads_german_in_the_view() {
    let mut found = Vec::new();
    for scenario in Scenario::ALL {
        let demo = checked(scenario).await;
        let d = &demo.desktop;
        d.set_language("de");
        let _ = d.go_to(Step::LiveTest);
        let v = d.view();
        let sender = v.mailboxes.first().map(|m| m.address.clone());
        // Mail that never arrives waits the app's full two minutes; the CLI test covers its texts
        // with a short wait.
        if let Some(sender) = sender.filter(|_| scenario != Scenario::MailLost) {
            let _ = d.run_live_test(&sender, None, &|_| {}).await;
        }
        let v = d.view();
        if scenario == Scenario::Healthy {
            let live = v
                .live
                .as_ref()
                .expect("the live test ran on the healthy tenant");
            assert!(live.ok, "{live:?}");
        }
        let json = serde_json::to_value(&v).unwrap();
        for problem in super::super::german_audit::non_german(&json) {
            found.push(format!("{}: {problem}", scenario.name()));
        }
        // The app names its buttons and steps, never a command line (in either language).
        for lang in ["de", "en"] {
            d.set_language(lang);
            let json = serde_json::to_value(d.view()).unwrap();
            for c in super::super::wording::cli_commands(&json) {
                found.push(format!("{} ({lang}): a command line: {c}", scenario.name()));
            }
        }
        d.set_language("de");
        // The audit sees English: the same view in English is refused.
        if scenario == Scenario::WrongSecret {
            d.set_language("en");
            let en = serde_json::to_value(d.view()).unwrap();
            assert!(
                !super::super::german_audit::non_german(&en).is_empty(),
                "the audit finds nothing in the English view"
            );
        }
    }
    assert!(
        found.is_empty(),
        "{} texts not from the German catalog:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// A test mail that never arrives (`mail-lost`): the live test says its limit while it waits,
/// and Cancel ends the wait within a poll, after which the test cleans up as always and says it
/// was cancelled (not passed, delivery not proven). A cancel before the next test does not stop
/// that one.
#[tokio::test(flavor = "multi_thread")]
async fn cancel_ends_the_live_tests_wait_and_cleans_up() {
    let demo = checked(Scenario::MailLost).await;
    let d = &demo.desktop;
    let sender = d.view().mailboxes[0].address.clone();
    // A stray cancel from an earlier wait.
    d.cancel_wait();
    let seen = std::sync::Mutex::new(Vec::new());
    let progress = |p: ProgressView| seen.lock().unwrap().push(p);
    let started = std::time::Instant::now();
    let (v, ()) = tokio::join!(d.run_live_test(&sender, None, &progress), async {
        // Cancel once the test is waiting for its mail.
        while !seen.lock().unwrap().iter().any(|p| p.phase == "waiting") {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        d.cancel_wait();
    });
    let v = v.unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the wait did not end: {:?}",
        started.elapsed()
    );
    let waiting: Vec<ProgressView> = seen
        .into_inner()
        .unwrap()
        .into_iter()
        .filter(|p| p.phase == "waiting")
        .collect();
    assert!(waiting.iter().all(|p| p.limit_secs == LIVE_WAIT.as_secs()));
    let live = v.live.expect("the cancelled test is shown");
    assert!(!live.ok, "a cancelled test did not pass");
    let receive = live.checks.iter().find(|c| c.id == "receive").unwrap();
    assert_eq!(
        receive.message_id.as_deref(),
        Some("mail-receive-cancelled")
    );
    assert!(receive.summary.contains("cancelled"), "{}", receive.summary);
    assert!(receive.summary.contains("120 s"), "{}", receive.summary);
    let cleanup = live.checks.iter().find(|c| c.id == "cleanup").unwrap();
    assert_eq!(cleanup.status, Status::Pass, "{cleanup:?}");
    assert_eq!(
        v.live_phases
            .iter()
            .find(|p| p.phase == "waiting")
            .map(|p| p.status),
        Some(Status::Warn)
    );
}
