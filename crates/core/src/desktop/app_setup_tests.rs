//! "Create it for me" and "Fix it" on the demo (no keychain needed): the Entra emulator on
//! loopback creates the app for real, the administrator's sign-in answered in-process.

use super::super::*;
use super::*;
use crate::{ClientSecret, Status};
use graphwiz_emulator::{AdminRole, Emulator, Options, Scenario};
use std::sync::Mutex as StdMutex;

struct Demo {
    entra: Emulator,
    desktop: Desktop,
    mailbox: String,
    _dir: tempfile::TempDir,
}

/// The demo on the Azure app step of a tenant built from `opts`.
async fn demo(opts: Options) -> Demo {
    let scenario = opts.tenants.first().copied().unwrap_or(Scenario::Healthy);
    let entra = Emulator::start(opts).await.unwrap();
    let c = entra.demo();
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    let mailbox = format!("support@{}", c.tenant_domain);
    d.start_demo(DemoTenant {
        scenario: scenario.name().into(),
        base_url: entra.base_url(),
        tenant_id: c.tenant_id.clone(),
        client_id: c.client_id.clone(),
        secret: ClientSecret::new(c.client_secret.clone()),
        mailboxes: vec![DemoMailbox {
            address: mailbox.clone(),
            kind: "healthy".into(),
        }],
        genesys: None,
    })
    .unwrap();
    Demo {
        entra,
        desktop: d,
        mailbox,
        _dir: dir,
    }
}

fn no_browser(_: &str) -> Result<(), String> {
    panic!("the demo signs in without the system browser")
}

fn apps(e: &Emulator) -> usize {
    e.update_directory(|d| d.tenants[0].apps.len())
}

fn create_input(d: &Demo, months: u32) -> CreateAppInput {
    let v = d.desktop.view();
    CreateAppInput {
        name: "ignored in the demo".into(),
        cloud: "global".into(),
        tenant: v.form.tenant.clone(),
        mailbox: d.mailbox.clone(),
        app_name: String::new(),
        months,
    }
}

async fn create(
    d: &Demo,
    input: CreateAppInput,
    action: &str,
    phases: &StdMutex<Vec<&'static str>>,
) -> Result<View, DesktopError> {
    let progress = |p: SetupProgressView| {
        if p.phase != "signing_in" {
            assert!(p.text.as_deref().is_some_and(|t| !t.is_empty()));
        }
        phases.lock().unwrap().push(p.phase);
    };
    d.desktop
        .create_app(input, action, &no_browser, &progress)
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_creates_its_app_and_continues_with_the_new_one_checked() {
    let demo = demo(Options::default()).await;
    let d = &demo.desktop;
    let before = d.view();
    assert!(before.app_setup.available);
    assert_eq!(before.app_setup.default_months, 6);
    assert_eq!(before.app_setup.default_app_name, "Genesys Cloud Email");
    assert_eq!(
        before.app_setup.mailbox.as_deref(),
        Some(demo.mailbox.as_str())
    );
    let old_client = before.form.client_id.clone();
    let old_secret = d.lock().demo_secret.clone().unwrap();
    let n = apps(&demo.entra);
    let phases = StdMutex::new(Vec::new());
    let v = create(&demo, create_input(&demo, 6), "start", &phases)
        .await
        .unwrap();
    let last = v.app_setup.last.clone().expect("the outcome is shown");
    assert!(last.ok, "{:?}", last.check);
    assert_eq!(last.check.message_id.as_deref(), Some("setup-done-app"));
    assert!(!last
        .check
        .fix
        .clone()
        .unwrap_or_default()
        .contains("graphwiz "));
    assert!(v.app_setup.open.is_none());
    assert_eq!(apps(&demo.entra), n + 1, "exactly one new app registration");
    // The wizard holds the new app, with its check, on the permissions step.
    assert_eq!(v.step, Step::Permissions);
    assert_ne!(v.form.client_id, old_client);
    assert_eq!(
        v.form.client_id,
        last.check.args["app_id"].as_str().unwrap()
    );
    assert!(
        v.permissions.iter().all(|c| c.status == Status::Pass),
        "{:?}",
        v.permissions
    );
    assert!(!v.actions.fix && !v.actions.consent);
    let new_secret = d.lock().demo_secret.clone().unwrap();
    assert_ne!(new_secret.expose(), old_secret.expose());
    assert_eq!(
        v.form.secret_hint.as_deref(),
        Some(new_secret.hint().as_str())
    );
    let days = (v.expiry.expires.unwrap() - chrono::Utc::now()).num_days();
    assert!((170..=190).contains(&days), "{days} days");
    // The new secret is never in what the web view gets.
    let json = serde_json::to_string(&v).unwrap();
    assert!(!json.contains(new_secret.expose()));
    let p = phases.lock().unwrap().clone();
    for want in [
        "signing_in",
        "policy",
        "app",
        "secret",
        "principal",
        "consent",
        "replication",
        "saving",
        "checking",
    ] {
        assert!(p.contains(&want), "{want} in {p:?}");
    }
    // The new app works: a check of the wizard's integration passes with the new secret.
    let v = d.run_checks().await.unwrap();
    assert_eq!(v.counts.fail, 0, "{:?}", v.permissions);
    // And German words the outcome in German.
    d.set_language("de");
    let v = d.view();
    let last = v.app_setup.last.unwrap();
    assert!(
        last.check.summary.contains("ist eingerichtet"),
        "{}",
        last.check.summary
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_caps_the_secret_and_says_so() {
    let demo = demo(Options::scenario(Scenario::PolicyMaxLifetime)).await;
    let phases = StdMutex::new(Vec::new());
    let v = create(&demo, create_input(&demo, 12), "start", &phases)
        .await
        .unwrap();
    let last = v.app_setup.last.unwrap();
    assert!(last.ok, "{:?}", last.check);
    assert_eq!(last.check.args["capped"].as_str(), Some("yes"));
    assert!(
        last.check.summary.contains("90 days"),
        "{}",
        last.check.summary
    );
    let days = (v.expiry.expires.unwrap() - chrono::Utc::now()).num_days();
    assert!(days <= 90, "{days} days");
}

#[tokio::test(flavor = "multi_thread")]
async fn blocked_secrets_stop_before_anything_is_created() {
    let demo = demo(Options::scenario(Scenario::PolicyPasswordsBlocked)).await;
    let n = apps(&demo.entra);
    let phases = StdMutex::new(Vec::new());
    let v = create(&demo, create_input(&demo, 6), "start", &phases)
        .await
        .unwrap();
    let last = v.app_setup.last.unwrap();
    assert!(!last.ok);
    assert_eq!(last.check.status, Status::Fail);
    assert_eq!(
        last.check.message_id.as_deref(),
        Some("setup-passwords-blocked")
    );
    assert!(last.check.fix.is_some());
    assert!(
        v.app_setup.open.is_none(),
        "nothing to resume: nothing exists"
    );
    assert_eq!(apps(&demo.entra), n);
    assert_eq!(v.step, Step::AzureApp);
}

#[tokio::test(flavor = "multi_thread")]
async fn too_little_role_changes_nothing_and_names_the_role() {
    let demo = demo(Options {
        admin_role: AdminRole::CloudApplicationAdministrator,
        ..Options::default()
    })
    .await;
    let n = apps(&demo.entra);
    let phases = StdMutex::new(Vec::new());
    let v = create(&demo, create_input(&demo, 6), "start", &phases)
        .await
        .unwrap();
    let last = v.app_setup.last.unwrap();
    assert!(!last.ok);
    assert_eq!(last.check.message_id.as_deref(), Some("setup-role-missing"));
    assert!(last
        .check
        .fix
        .unwrap()
        .contains("Privileged Role Administrator"));
    assert_eq!(apps(&demo.entra), n);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_before_anything_is_sent() {
    let demo = demo(Options::default()).await;
    let before = demo.entra.request_count();
    let mut input = create_input(&demo, 6);
    input.mailbox = "not a mailbox".into();
    input.months = 30;
    let phases = StdMutex::new(Vec::new());
    let e = create(&demo, input, "start", &phases).await.unwrap_err();
    assert_eq!(e.code, "invalid");
    let fields: Vec<&str> = e.problems.iter().map(|p| p.field.as_str()).collect();
    assert!(
        fields.contains(&"setup_mailbox") && fields.contains(&"setup_months"),
        "{fields:?}"
    );
    assert_eq!(demo.entra.request_count(), before, "nothing sent");
    assert!(phases.lock().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancelled_setup_is_resumed_to_exactly_one_app() {
    let create_at = request_number("POST", "/applications").await;
    let demo = demo(Options {
        stall_after_request: Some(create_at),
        ..Options::default()
    })
    .await;
    let n = apps(&demo.entra);
    let d = &demo.desktop;
    let phases = StdMutex::new(Vec::new());
    let work = create(&demo, create_input(&demo, 6), "start", &phases);
    let cancel = async {
        // The app is created but its answer never comes: the admin cancels.
        while !phases.lock().unwrap().contains(&"app") {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        d.cancel_wait();
    };
    let (r, ()) = tokio::join!(work, cancel);
    assert_eq!(r.unwrap_err().code, "cancelled");
    assert_eq!(apps(&demo.entra), n + 1);
    let v = d.view();
    let open = v.app_setup.open.expect("the interrupted setup is offered");
    assert_eq!(open.profile, DEMO_PROFILE_NAME);
    // Resume finds the app by its tag: still exactly one.
    let v = create(&demo, create_input(&demo, 6), "resume", &phases)
        .await
        .unwrap();
    let last = v.app_setup.last.unwrap();
    assert!(last.ok, "{:?}", last.check);
    assert_eq!(apps(&demo.entra), n + 1);
    assert!(v.app_setup.open.is_none());
    assert_eq!(v.step, Step::Permissions);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rolled_back_setup_leaves_no_app() {
    let principal_at = request_number("POST", "/servicePrincipals").await;
    let demo = demo(Options {
        stall_after_request: Some(principal_at),
        ..Options::default()
    })
    .await;
    let n = apps(&demo.entra);
    let d = &demo.desktop;
    let phases = StdMutex::new(Vec::new());
    let work = create(&demo, create_input(&demo, 6), "start", &phases);
    let cancel = async {
        while !phases.lock().unwrap().contains(&"principal") {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        d.cancel_wait();
    };
    let (r, ()) = tokio::join!(work, cancel);
    assert_eq!(r.unwrap_err().code, "cancelled");
    assert!(d.view().app_setup.open.is_some());
    let v = create(&demo, create_input(&demo, 6), "roll_back", &phases)
        .await
        .unwrap();
    let last = v.app_setup.last.unwrap();
    assert!(last.ok, "{:?}", last.check);
    assert_eq!(last.check.message_id.as_deref(), Some("setup-rolled-back"));
    assert_eq!(apps(&demo.entra), n, "the created app is gone");
    assert!(v.app_setup.open.is_none());
    assert_eq!(v.step, Step::AzureApp);
}

/// The number of the first `method` request whose path ends with `suffix` in a demo setup.
async fn request_number(method: &str, suffix: &str) -> u64 {
    let probe = demo(Options::default()).await;
    let phases = StdMutex::new(Vec::new());
    create(&probe, create_input(&probe, 6), "start", &phases)
        .await
        .unwrap();
    probe
        .entra
        .requests()
        .iter()
        .position(|r| r.method == method && r.path.ends_with(suffix))
        .expect("the setup sent it") as u64
        + 1
}

async fn confirmed(demo: &Demo) {
    let d = &demo.desktop;
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
}

#[tokio::test(flavor = "multi_thread")]
async fn fix_it_repairs_each_repairable_scenario_after_a_yes() {
    for scenario in [
        Scenario::UserReadAsApplication,
        Scenario::MailSendDelegated,
        Scenario::NoAdminConsent,
    ] {
        let demo = demo(Options::scenario(scenario)).await;
        confirmed(&demo).await;
        let d = &demo.desktop;
        let v = d.run_checks().await.unwrap();
        assert!(
            v.actions.fix,
            "{scenario:?}: Fix it offered: {:?}",
            v.permissions
                .iter()
                .map(|c| (c.id.clone(), c.status))
                .collect::<Vec<_>>()
        );
        let plan = d.fix_plan(&no_browser).await.unwrap();
        assert!(!plan.nothing && !plan.repairs.is_empty(), "{scenario:?}");
        assert!(plan.repairs.iter().all(|r| !r.contains("graphwiz ")));
        let steps = StdMutex::new(Vec::new());
        let v = d
            .fix_apply(&|s: String| steps.lock().unwrap().push(s))
            .await
            .unwrap();
        assert!(
            v.permissions.iter().all(|c| c.status == Status::Pass),
            "{scenario:?}: {:?}",
            v.permissions
        );
        assert!(!v.actions.fix);
        assert!(steps.lock().unwrap().len() >= 2);
        // The plan was used up: a second apply has nothing to apply.
        let e = d.fix_apply(&|_| {}).await.unwrap_err();
        assert_eq!(e.code, "fix");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_not_confirmed_changes_nothing() {
    let demo = demo(Options::scenario(Scenario::UserReadAsApplication)).await;
    confirmed(&demo).await;
    let d = &demo.desktop;
    d.run_checks().await.unwrap();
    d.fix_plan(&no_browser).await.unwrap();
    let writes = |e: &Emulator| {
        e.requests()
            .iter()
            .filter(|r| r.method != "GET")
            .filter(|r| !r.path.contains("/oauth2/"))
            .count()
    };
    let before = writes(&demo.entra);
    d.fix_discard();
    assert_eq!(d.fix_apply(&|_| {}).await.unwrap_err().code, "fix");
    assert_eq!(writes(&demo.entra), before, "nothing changed in Azure");
    let v = d.run_checks().await.unwrap();
    assert!(v.actions.fix, "still broken, still offered");
}
