//! The Genesys Cloud step of the wizard, on the demo (no keychain needed): both emulators on
//! loopback, validation in the UI's language, the checks in every run, restart with progress,
//! language switches re-wording stored results, recovery notes at start.

use super::super::*;
use super::*;
use graphwiz_emulator::{Emulator, GenesysEmulator, GenesysOptions, GenesysScenario, Options};

struct Demo {
    _entra: Emulator,
    _genesys: GenesysEmulator,
    desktop: Desktop,
    _dir: tempfile::TempDir,
}

fn demo_genesys(g: &GenesysEmulator) -> DemoGenesys {
    DemoGenesys {
        scenario: g.scenario().name().to_string(),
        base_url: g.base_url(),
        client_id: g.client_id(),
        secret: ClientSecret::new(g.client_secret()),
    }
}

async fn genesys_for(entra: &Emulator, scenario: GenesysScenario) -> GenesysEmulator {
    let c = entra.demo();
    GenesysEmulator::start(GenesysOptions {
        scenario,
        azure_tenant_id: c.tenant_id.clone(),
        azure_client_id: c.client_id.clone(),
        domain: c.tenant_domain.clone(),
        transition: Duration::from_millis(50),
        ..Default::default()
    })
    .await
    .unwrap()
}

/// The demo on the Genesys Cloud step with the Azure app confirmed.
async fn demo(scenario: GenesysScenario) -> Demo {
    let entra = Emulator::start(Options::default()).await.unwrap();
    let genesys = genesys_for(&entra, scenario).await;
    let c = entra.demo();
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    d.start_demo(DemoTenant {
        scenario: "healthy".into(),
        base_url: entra.base_url(),
        tenant_id: c.tenant_id.clone(),
        client_id: c.client_id.clone(),
        secret: ClientSecret::new(c.client_secret.clone()),
        mailboxes: vec![DemoMailbox {
            address: format!("support@{}", c.tenant_domain),
            kind: "healthy".into(),
        }],
        genesys: Some(demo_genesys(&genesys)),
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
    d.go_to(Step::Genesys).unwrap();
    Demo {
        _entra: entra,
        _genesys: genesys,
        desktop: d,
        _dir: dir,
    }
}

fn form(v: &View, secret: Option<&str>) -> GenesysForm {
    GenesysForm {
        region: v.genesys.region.clone(),
        client_id: v.genesys.client_id.clone(),
        secret: secret.map(SecretText::new),
    }
}

fn status(v: &View, id: &str) -> Option<Status> {
    v.genesys
        .checks
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.status)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_step_is_prefilled_validated_saved_and_checked() {
    let demo = demo(GenesysScenario::Healthy).await;
    let d = &demo.desktop;
    let v = d.view();
    assert_eq!(v.step, Step::Genesys);
    assert_eq!(v.genesys.region, "eu_central_1");
    assert!(v.genesys.regions.iter().any(|r| r.host == "mypurecloud.de"));
    assert!(v.genesys.secret_stored && !v.genesys.configured);
    assert!(v.genesys.checks.is_empty());
    // Refused in German: region and Client ID, nothing saved.
    d.set_language("de");
    let err = d
        .save_genesys(GenesysForm {
            region: "mypurecloud.fr".into(),
            client_id: "nope".into(),
            secret: None,
        })
        .unwrap_err();
    assert_eq!(err.code, "invalid");
    let fields: Vec<&str> = err.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["genesys_region", "genesys_client_id"]);
    let text = err.problems[1].text.clone().unwrap();
    assert!(text.contains("Admin → Integrationen → OAuth"), "{text}");
    assert!(!d.view().genesys.configured);
    assert_eq!(d.view().genesys.client_id, "nope", "typed values are kept");
    // Saved with the held secret; the checks of the next run include the Genesys half.
    d.set_language("en");
    let mut f = form(&v, None);
    f.region = "mypurecloud.de".into();
    let v = d.save_genesys(f).unwrap();
    assert!(v.genesys.configured);
    let v = d.run_checks().await.unwrap();
    assert_eq!(
        status(&v, "genesys_login"),
        Some(Status::Pass),
        "{:?}",
        v.genesys.checks
    );
    assert_eq!(status(&v, "genesys_integration"), Some(Status::Pass));
    assert!(v.genesys.can_restart && !v.genesys.restart_suggested);
    assert!(v.permissions.iter().all(|c| !c.id.starts_with("genesys_")));
    // A language switch re-words the stored result without a new run.
    let en = v.genesys.checks[0].summary.clone();
    d.set_language("de");
    let de = d.view().genesys.checks[0].summary.clone();
    assert_ne!(en, de);
    // The secret is in memory only.
    let state = std::fs::read_to_string(demo._dir.path().join(STATE_FILE)).unwrap();
    assert!(!state.contains(&demo._genesys.client_secret()));
    assert!(!serde_json::to_string(&d.view())
        .unwrap()
        .contains(&demo._genesys.client_secret()));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_integration_is_restarted_with_progress() {
    let demo = demo(GenesysScenario::IntegrationInactive).await;
    let d = &demo.desktop;
    d.save_genesys(form(&d.view(), None)).unwrap();
    let v = d.run_checks().await.unwrap();
    assert_eq!(status(&v, "genesys_integration"), Some(Status::Fail));
    assert!(v.genesys.restart_suggested && v.genesys.can_restart);
    // Before the first restart, the confirmation says the typical time mail stops.
    assert_eq!(
        (v.genesys.restart_off_secs, v.genesys.restart_off_measured),
        (crate::desktop::GENESYS_RESTART_TYPICAL.as_secs(), false)
    );
    d.set_language("de");
    let seen = std::sync::Mutex::new(Vec::new());
    let progress = |p: GenesysProgressView| seen.lock().unwrap().push((p.step, p.text));
    let v = d.restart_genesys(&progress).await.unwrap();
    let r = v.genesys.restart.clone().unwrap();
    assert!(r.ok, "{:?}", r.check);
    assert_eq!(r.check.status, Status::Pass);
    // After it, the time this restart took (whole seconds, rounded up), for the next one.
    let off_ms = r
        .off_ms
        .expect("the restart measured how long the integration was off");
    assert!(v.genesys.restart_off_measured);
    assert_eq!(v.genesys.restart_off_secs, off_ms.div_ceil(1000).max(1));
    assert!(v.genesys.restart_off_secs < crate::desktop::GENESYS_RESTART_TYPICAL.as_secs());
    assert_eq!(v.rotation.restart_off_secs, v.genesys.restart_off_secs);
    let steps = seen.lock().unwrap().clone();
    assert_eq!(steps.first().map(|s| s.0), Some("finding"));
    assert!(steps.iter().any(|s| s.0 == "enabling"), "{steps:?}");
    assert!(steps
        .iter()
        .all(|s| !s.1.is_empty() && !s.1.starts_with("genesys-")));
    // No note of the demo is left for the app's start.
    assert!(Journal::in_data_dir(demo._dir.path()).pending().is_empty());
    let v = d.run_checks().await.unwrap();
    assert_eq!(status(&v, "genesys_integration"), Some(Status::Pass));
    d.set_language("en");
    assert!(d
        .view()
        .genesys
        .restart
        .unwrap()
        .check
        .summary
        .contains("enabled again"));
}

#[tokio::test(flavor = "multi_thread")]
async fn another_genesys_scenario_keeps_the_step_and_the_part() {
    let demo = demo(GenesysScenario::Healthy).await;
    let d = &demo.desktop;
    d.save_genesys(form(&d.view(), None)).unwrap();
    let other = genesys_for(&demo._entra, GenesysScenario::IntegrationError).await;
    let v = d.set_demo_genesys(demo_genesys(&other)).unwrap();
    assert_eq!(v.step, Step::Genesys);
    assert!(v.genesys.configured);
    assert_eq!(
        v.demo.as_ref().and_then(|x| x.genesys_scenario.as_deref()),
        Some("integration-error")
    );
    let v = d.run_checks().await.unwrap();
    assert_eq!(status(&v, "genesys_integration"), Some(Status::Fail));
    assert_eq!(
        d.demo_genesys_scenario().as_deref(),
        Some("integration-error")
    );
    let v = d.remove_genesys().unwrap();
    assert!(!v.genesys.configured && v.genesys.checks.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_restart_becomes_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    assert!(d.recover_genesys().await.is_empty(), "nothing to do");
    Journal::in_data_dir(dir.path())
        .write(&restart::RestartNote {
            profile: "gone".into(),
            integration_id: "i".into(),
            integration_name: "Graph".into(),
            started_at: Utc::now(),
            disabled_by_graphwiz: true,
        })
        .unwrap();
    d.set_language("de");
    let notices = d.recover_genesys().await;
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].status, Status::Fail);
    assert!(
        notices[0].summary.contains("Graph"),
        "{}",
        notices[0].summary
    );
    assert_eq!(d.view().notices.len(), 1);
    assert!(d.dismiss_notices().notices.is_empty());
}

/// A saved (non-demo) profile: the Genesys secret in the OS keychain, the checks in every run,
/// a restart with the data folder's journal, the part copied on rename and removed with the
/// profile. Needs a Secret Service (scripts/test-all.sh starts one); skipped without.
#[tokio::test(flavor = "multi_thread")]
async fn a_saved_profile_keeps_its_genesys_part_in_the_keychain() {
    let entra = Emulator::start(Options::default()).await.unwrap();
    let genesys = genesys_for(&entra, GenesysScenario::Healthy).await;
    let c = entra.demo();
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    d.start_new();
    {
        let mut s = d.lock();
        s.state.draft.login_url = Some(entra.base_url());
        s.state.draft.graph_url = Some(entra.base_url());
    }
    let name = format!("gen {}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let azure = |name: &str| AzureAppInput {
        name: name.into(),
        cloud: "global".into(),
        tenant: c.tenant_id.clone(),
        client_id: c.client_id.clone(),
        secret: Some(SecretText::new(&c.client_secret)),
        i_know: false,
    };
    match d.save_azure_app(azure(&name)) {
        Ok(_) => {}
        Err(e) if e.code == "keychain" => {
            eprintln!("skipped: no OS keychain here ({})", e.message);
            return;
        }
        Err(e) => panic!("{e:?}"),
    }
    // The emulator's hosts, as a test set-up (or the CLI's --genesys-login-url) would give them.
    let store = ProfileStore::at(dir.path());
    let region = crate::genesys::Region::parse("eu_central_1").unwrap();
    let input = PartInput {
        region,
        client_id: genesys.client_id(),
        login_url: Some(genesys.base_url()),
        api_url: Some(genesys.base_url()),
    };
    setup::save_part(&store, &name, &input, &ClientSecret::new("old".into())).unwrap();
    let v = d
        .save_genesys(GenesysForm {
            region: "mypurecloud.de".into(),
            client_id: genesys.client_id(),
            secret: Some(SecretText::new(&genesys.client_secret())),
        })
        .unwrap();
    assert!(v.genesys.configured && v.genesys.secret_stored);
    let text = std::fs::read_to_string(dir.path().join(crate::store::profiles::FILE_NAME)).unwrap();
    assert!(
        !text.contains(&genesys.client_secret()),
        "secret in profiles.json"
    );
    d.add_mailbox(&format!("support@{}", c.tenant_domain))
        .unwrap();
    let v = d.run_checks().await.unwrap();
    assert_eq!(
        status(&v, "genesys_login"),
        Some(Status::Pass),
        "{:?}",
        v.genesys.checks
    );
    assert_eq!(status(&v, "genesys_integration"), Some(Status::Pass));
    // An empty secret keeps the stored one.
    d.save_genesys(form(&v, None)).unwrap();
    let v = d.restart_genesys(&|_| {}).await.unwrap();
    assert!(
        v.genesys.restart.as_ref().is_some_and(|r| r.ok),
        "{:?}",
        v.genesys.restart
    );
    assert!(Journal::in_data_dir(dir.path()).pending().is_empty());
    // Renamed: the copy has its own Genesys part and secret.
    let renamed = format!("{name} b");
    d.go_to(Step::AzureApp).unwrap();
    let mut a = azure(&renamed);
    a.secret = None;
    d.save_azure_app(a).unwrap();
    let v = d.run_checks().await.unwrap();
    assert_eq!(status(&v, "genesys_login"), Some(Status::Pass));
    for n in [&name, &renamed] {
        d.remove_profile(n).unwrap();
    }
}

#[test]
fn genesys_step_errors_come_in_the_uis_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    d.set_language("de");
    let err = d
        .set_demo_genesys(DemoGenesys {
            scenario: "healthy".into(),
            base_url: "http://127.0.0.1:9".into(),
            client_id: "c".into(),
            secret: ClientSecret::new("s".into()),
        })
        .unwrap_err()
        .localized(d.language());
    assert_eq!(err.code, "no_demo");
    let text = err.text.clone().unwrap_or_default();
    assert!(
        text.starts_with("Der Demo-Mandant ist nicht geöffnet"),
        "{text}"
    );
    assert!(err.message.starts_with("The demo tenant is not open"));
    let err = d
        .save_genesys(GenesysForm {
            region: "eu_central_1".into(),
            client_id: "c".into(),
            secret: None,
        })
        .unwrap_err()
        .localized(d.language());
    assert_eq!(err.code, "no_target");
    assert!(
        err.text(Lang::De)
            .contains("Geben Sie zuerst die Azure-App ein"),
        "{}",
        err.text(Lang::De)
    );
}

/// Every Genesys Cloud scenario of the emulator, checked with the UI in German (the restart
/// too, where the integration can be restarted): every text of the view is the German
/// catalog's.
#[tokio::test(flavor = "multi_thread")]
async fn every_genesys_scenario_reads_german_in_the_view() {
    let mut found = Vec::new();
    for scenario in GenesysScenario::ALL {
        let demo = demo(scenario).await;
        let d = &demo.desktop;
        d.set_language("de");
        d.save_genesys(form(&d.view(), None)).unwrap();
        let v = d.run_checks().await.unwrap();
        if v.genesys.can_restart {
            let _ = d.restart_genesys(&|_| {}).await;
        }
        let json = serde_json::to_value(d.view()).unwrap();
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
    }
    assert!(
        found.is_empty(),
        "{} texts not from the German catalog:\n{}",
        found.len(),
        found.join("\n")
    );
}
