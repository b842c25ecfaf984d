//! The secret rotation from the wizard's expiry step, on the demo (no keychain needed): both
//! emulators on loopback, the Genesys integration judging its credential with the Entra
//! emulator's secrets, the administrator's sign-in answered in-process.

use super::super::*;
use super::*;
use crate::{ClientSecret, Status};
use futures::FutureExt;
use graphwiz_emulator::{Emulator, GenesysEmulator, GenesysOptions, GenesysScenario, Options};
use std::sync::Mutex as StdMutex;

struct Demo {
    entra: Emulator,
    genesys: GenesysEmulator,
    desktop: Desktop,
    _dir: tempfile::TempDir,
}

/// The demo on the expiry step, its Genesys part saved (or not, with `genesys_part` false).
async fn demo(entra: Options, scenario: GenesysScenario, genesys_part: bool) -> Demo {
    let entra = Emulator::start(entra).await.unwrap();
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
    genesys.use_secret_validator(entra.secret_validator());
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
    if genesys_part {
        let v = d.view();
        d.save_genesys(GenesysForm {
            region: v.genesys.region.clone(),
            client_id: v.genesys.client_id.clone(),
            secret: None,
        })
        .unwrap();
    }
    {
        let mut s = d.lock();
        s.state.furthest = Step::Summary;
    }
    d.go_to(Step::SecretExpiry).unwrap();
    Demo {
        entra,
        genesys,
        desktop: d,
        _dir: dir,
    }
}

fn no_browser(_: &str) -> Result<(), String> {
    panic!("the demo signs in without the system browser")
}

fn no_clipboard(_: &ClientSecret) -> Result<(), String> {
    panic!("a rotation with a Genesys part needs no paste")
}

async fn rotate(
    d: &Desktop,
    action: &str,
    phases: &StdMutex<Vec<&'static str>>,
) -> Result<View, DesktopError> {
    let progress = |p: RotateProgressView| {
        if let Some(t) = &p.text {
            assert!(!t.is_empty());
        }
        phases.lock().unwrap().push(p.phase);
    };
    d.rotate_secret(action, 6, &no_browser, &no_clipboard, &progress)
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rotation_runs_through_and_the_step_shows_the_new_date() {
    let demo = demo(Options::default(), GenesysScenario::Healthy, true).await;
    let d = &demo.desktop;
    let before = d.view();
    assert!(before.rotation.available && !before.rotation.manual);
    assert!(before.rotation.open.is_none());
    assert_eq!(before.rotation.default_months, 6);
    assert_eq!(before.rotation.max_months, 24);
    let old_hint = before.form.secret_hint.clone();
    let phases = StdMutex::new(Vec::new());
    let v = rotate(d, "start", &phases).await.unwrap();
    let last = v.rotation.last.clone().expect("the outcome is shown");
    assert!(last.ok, "{:?}", last.check);
    assert!(
        ["rotate-done", "rotate-done-old-left"]
            .contains(&last.check.message_id.as_deref().unwrap()),
        "{:?}",
        last.check
    );
    assert!(v.rotation.open.is_none(), "nothing is left open");
    // Checked again on the new secret without a click: the expiry step's verdict and the Azure
    // app's claim are about the new secret, and nothing older is shown as proven.
    let checked = v.checked_at.expect("checked again");
    assert!(
        checked >= last.at,
        "{checked} before the rotation ended {}",
        last.at
    );
    assert_eq!(
        v.expiry.check.as_ref().map(|c| c.status),
        Some(Status::Pass),
        "{:?}",
        v.expiry.check
    );
    let azure = v
        .summary
        .claims
        .iter()
        .find(|c| c.id == "azure_app")
        .expect("claims");
    assert_ne!(azure.state, crate::store::evidence::ClaimState::Disproven);
    assert!(
        !azure.text.contains("changed since the last check"),
        "the check ran on the new secret: {}",
        azure.text
    );
    assert!(v
        .permissions
        .iter()
        .any(|c| c.id == "credentials" && c.status == Status::Pass));
    let flow = v
        .summary
        .claims
        .iter()
        .find(|c| c.id == "mail_flow")
        .unwrap();
    assert_ne!(
        flow.state,
        crate::store::evidence::ClaimState::Proven,
        "no live test ran on the new secret"
    );
    assert!(!v.summary.validated);
    let want = (Utc::now() + chrono::Months::new(6))
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(v.expiry.date.as_deref(), Some(want.as_str()));
    assert!(last.check.summary.contains(&want), "{}", last.check.summary);
    assert_ne!(
        v.form.secret_hint, old_hint,
        "the demo holds the new secret"
    );
    let phases = phases.into_inner().unwrap();
    for p in [
        "signing_in",
        "adding",
        "proving",
        "genesys",
        "restarting",
        "removing",
    ] {
        assert!(phases.contains(&p), "{p} in {phases:?}");
    }
    assert_eq!(
        demo.entra.password_credentials(0).len(),
        1,
        "the old one is gone"
    );
    assert_eq!(demo.genesys.credential_secret_is_valid(), Some(true));
    // Worded again in German without running anything.
    d.set_language("de");
    let de = d.view().rotation.last.unwrap().check.summary;
    assert_ne!(de, last.check.summary);
    // The new secret works for the checks.
    let v = d.run_checks().await.unwrap();
    let cred = v
        .permissions
        .iter()
        .find(|c| c.id == "credentials")
        .unwrap();
    assert_eq!(cred.status, Status::Pass, "{cred:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_administrator_leaves_nothing_open() {
    let entra = Options {
        admin_can_manage_apps: false,
        ..Options::default()
    };
    let demo = demo(entra, GenesysScenario::Healthy, true).await;
    let d = &demo.desktop;
    let phases = StdMutex::new(Vec::new());
    let v = rotate(d, "start", &phases).await.unwrap();
    let last = v.rotation.last.unwrap();
    assert!(!last.ok);
    assert_eq!(last.check.message_id.as_deref(), Some("rotate-denied-app"));
    assert_eq!(last.stage, None);
    assert!(v.rotation.open.is_none());
    assert_eq!(demo.entra.password_credentials(0).len(), 1);
    assert_eq!(v.expiry.date, None, "the expiry is unchanged");
    // Nothing to resume.
    let v = rotate(d, "resume", &phases).await.unwrap();
    assert_eq!(
        v.rotation.last.unwrap().check.message_id.as_deref(),
        Some("rotate-nothing-open-app")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forbidden_genesys_credential_stays_open_and_rolls_back() {
    let demo = demo(
        Options::default(),
        GenesysScenario::CredentialForbidden,
        true,
    )
    .await;
    let d = &demo.desktop;
    let phases = StdMutex::new(Vec::new());
    let v = rotate(d, "start", &phases).await.unwrap();
    let last = v.rotation.last.clone().unwrap();
    assert!(!last.ok);
    assert_eq!(
        last.check.message_id.as_deref(),
        Some("rotate-genesys-failed-app")
    );
    assert!(last.check.fix.is_some(), "the next action");
    // The app names its buttons, not the command line.
    let fix = last.check.fix.clone().unwrap_or_default();
    assert!(
        fix.contains("\"Resume\"") && fix.contains("\"Roll back\""),
        "{fix}"
    );
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(
        crate::desktop::wording::cli_commands(&json),
        Vec::<String>::new()
    );
    let open = v
        .rotation
        .open
        .clone()
        .expect("open for resume or roll back");
    assert_eq!(open.stage, "proven");
    assert!(open.can_roll_back);
    assert_eq!(open.rollback_genesys, "none", "Genesys Cloud never got it");
    assert!(
        v.rotation.pending.is_empty(),
        "a demo rotation is not one of the saved profiles'"
    );
    assert_eq!(demo.entra.password_credentials(0).len(), 2);
    assert_eq!(demo.genesys.credential_secret_is_valid(), Some(true));
    let v = rotate(d, "roll_back", &phases).await.unwrap();
    let last = v.rotation.last.unwrap();
    assert!(last.ok, "{:?}", last.check);
    assert_eq!(last.check.message_id.as_deref(), Some("rotate-rolled-back"));
    assert!(v.rotation.open.is_none());
    assert_eq!(demo.entra.password_credentials(0).len(), 1);
    assert_eq!(demo.genesys.credential_secret_is_valid(), Some(true));
    assert!(phases.into_inner().unwrap().contains(&"rollback"));
}

/// Without a Genesys part the new secret goes to the clipboard handler (never into a view) and
/// the rotation waits for the admin's confirmation.
#[tokio::test(flavor = "multi_thread")]
async fn without_a_genesys_part_the_rotation_waits_for_the_paste() {
    let demo = demo(Options::default(), GenesysScenario::Healthy, false).await;
    let d = &demo.desktop;
    assert!(d.view().rotation.manual);
    let pasted: StdMutex<Option<String>> = StdMutex::new(None);
    let clipboard = |s: &ClientSecret| -> Result<(), String> {
        *pasted.lock().unwrap() = Some(s.expose().to_string());
        Ok(())
    };
    let progress = |p: RotateProgressView| {
        if p.phase == "paste" {
            // The admin confirms a moment later, from another command.
            d.confirm_paste(true);
        }
    };
    let v = d
        .rotate_secret("start", 3, &no_browser, &clipboard, &progress)
        .await
        .unwrap();
    let last = v.rotation.last.clone().unwrap();
    assert!(last.ok, "{:?}", last.check);
    let secret = pasted
        .into_inner()
        .unwrap()
        .expect("handed to the clipboard");
    let json = serde_json::to_string(&v).unwrap();
    assert!(!json.contains(&secret), "the secret never reaches a view");
    // A paste by hand proves nothing about Genesys Cloud: the outcome does not claim it.
    assert!(
        !last.check.summary.contains("in Genesys Cloud"),
        "{}",
        last.check.summary
    );
    assert!(
        last.check.summary.contains("not proven"),
        "{}",
        last.check.summary
    );
    let want = (Utc::now() + chrono::Months::new(3))
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(v.expiry.date.as_deref(), Some(want.as_str()));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancelled_paste_keeps_the_rotation_open() {
    let demo = demo(Options::default(), GenesysScenario::Healthy, false).await;
    let d = &demo.desktop;
    let clipboard = |_: &ClientSecret| -> Result<(), String> { Ok(()) };
    let progress = |p: RotateProgressView| {
        if p.phase == "paste" {
            d.cancel_wait();
        }
    };
    let v = d
        .rotate_secret("start", 6, &no_browser, &clipboard, &progress)
        .await
        .unwrap();
    let last = v.rotation.last.unwrap();
    assert!(!last.ok);
    assert_eq!(
        last.check.message_id.as_deref(),
        Some("rotate-manual-pending-app")
    );
    assert_eq!(v.rotation.open.unwrap().stage, "proven");
    let v = d
        .rotate_secret("roll_back", 6, &no_browser, &no_clipboard, &|_| {})
        .await
        .unwrap();
    assert!(v.rotation.last.unwrap().ok);
    assert_eq!(demo.entra.password_credentials(0).len(), 1);
}

/// An open rotation of a saved profile (the data folder's journal) is offered at app start.
#[test]
fn open_rotations_of_saved_profiles_are_offered() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    assert!(d.view().rotation.pending.is_empty());
    let now = Utc::now();
    let mut note = crate::rotate::journal::RotationNote {
        profile: "contoso".into(),
        started_at: now,
        updated_at: now,
        stage: crate::rotate::journal::Stage::GenesysUpdated,
        display_name: "graphwiz test".into(),
        end: now,
        old_key_id: None,
        old_secret_ref: "client-secret".into(),
        pending_ref: "rotation-1".into(),
        new_key_id: None,
        new_hint: None,
        genesys: true,
    };
    Journal::in_data_dir(dir.path()).write(&mut note).unwrap();
    let v = d.view();
    assert_eq!(v.rotation.pending.len(), 1);
    let open = &v.rotation.pending[0];
    assert_eq!(open.profile, "contoso");
    assert_eq!(open.stage, "genesys_updated");
    assert!(open.can_roll_back);
    assert_eq!(open.rollback_genesys, "restart");
    note.genesys = false;
    Journal::in_data_dir(dir.path()).write(&mut note).unwrap();
    assert_eq!(d.view().rotation.pending[0].rollback_genesys, "paste");
    assert!(!v.rotation.available, "no profile in the wizard yet");
    assert_eq!(
        d.rotate_secret("start", 6, &no_browser, &no_clipboard, &|_| {})
            .now_or_never()
            .unwrap()
            .unwrap_err()
            .code,
        "no_target"
    );
    let err = futures::executor::block_on(d.rotate_secret(
        "sideways",
        6,
        &no_browser,
        &no_clipboard,
        &|_| {},
    ))
    .unwrap_err();
    assert_eq!(err.code, "invalid");
    assert!(
        err.text(Lang::De)
            .starts_with("unbekannte Rotationsaktion „sideways“"),
        "{}",
        err.text(Lang::De)
    );
}
