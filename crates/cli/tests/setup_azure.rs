//! `graphwiz setup azure` end to end: the real binary, the real OS keychain, an administrator
//! signing in (the browser flow, followed headlessly) and the Entra/Graph emulator, which creates
//! the app registration as Entra ID does (scopes, roles, policies, replication). A kill after
//! every request of a setup, then --resume, must end with exactly one consented app registration
//! and a working profile; --roll-back must leave nothing.

use graphwiz_emulator::{AdminRole, AppPolicy, Emulator, Options, Scenario};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

mod common;
use common::Run;

const APP_NAME: &str = "Genesys Cloud Email";

struct Setup {
    emu: Emulator,
    home: tempfile::TempDir,
    name: String,
}

fn setup(f: impl FnOnce(&mut Options)) -> Setup {
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "set{}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let mut o = Options {
        device_interval_secs: 1,
        device_pending_polls: 0,
        ..Options::scenario(Scenario::Healthy)
    };
    f(&mut o);
    Setup {
        emu: Emulator::spawn_thread(o).expect("emulator"),
        home: tempfile::tempdir().expect("home"),
        name,
    }
}

fn args<'a>(s: &'a Setup, url: &'a str, tenant: &'a str, mailbox: &'a str) -> Vec<&'a str> {
    vec![
        "setup",
        "azure",
        "--profile",
        s.name.as_str(),
        "--tenant",
        tenant,
        "--mailbox",
        mailbox,
        "--admin-sign-in",
        "browser",
        "--login-url",
        url,
        "--graph-url",
        url,
        "--timeout",
        "5",
        "--replication-wait",
        "30",
        "--json",
    ]
}

fn run(s: &Setup, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let url = s.emu.base_url();
    let c = s.emu.demo();
    let mailbox = format!("support@{}", c.tenant_domain);
    let mut a = args(s, &url, &c.tenant_id, &mailbox);
    a.extend_from_slice(extra);
    let mut e = vec![("GRAPHWIZ_TEST_BROWSER", "follow")];
    if !env.iter().any(|(k, _)| *k == "GRAPHWIZ_LANG") {
        e.push(("GRAPHWIZ_LANG", "en"));
    }
    e.extend_from_slice(env);
    common::graphwiz_in(s.home.path(), &a, None, &e)
}

/// The app registrations setup created (the demo tenant's own app is named differently).
fn created(s: &Setup) -> Vec<graphwiz_emulator::model::App> {
    s.emu.update_directory(|d| {
        d.tenants[0]
            .apps
            .iter()
            .filter(|a| a.display_name == APP_NAME)
            .cloned()
            .collect()
    })
}

fn all_text(dir: &Path) -> String {
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                text.push_str(&all_text(&p));
            } else {
                text.push_str(&String::from_utf8_lossy(
                    &std::fs::read(&p).unwrap_or_default(),
                ));
            }
        }
    }
    text
}

/// The state a finished setup must leave, whatever happened on the way.
fn assert_set_up(s: &Setup, runs: &[&Run]) {
    use graphwiz_emulator::model::{perm, AccessKind};
    let apps = created(s);
    assert_eq!(apps.len(), 1, "exactly one app registration");
    let app = &apps[0];
    let kinds: Vec<(String, AccessKind)> = app
        .required_resource_access
        .iter()
        .map(|r| (r.id.to_ascii_lowercase(), r.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (perm::MAIL_READWRITE_ROLE.to_string(), AccessKind::Role),
            (perm::MAIL_SEND_ROLE.to_string(), AccessKind::Role),
            (perm::USER_READ_SCOPE.to_string(), AccessKind::Scope),
        ],
        "exactly the three permissions, with their types"
    );
    let mut roles = app.consented_app_roles.clone();
    roles.sort();
    let mut want = vec![
        perm::MAIL_READWRITE_ROLE.to_string(),
        perm::MAIL_SEND_ROLE.to_string(),
    ];
    want.sort();
    assert_eq!(roles, want, "both application permissions consented");
    assert_eq!(app.delegated_grant_scopes.as_deref(), Some("User.Read"));
    assert_eq!(app.password_credentials.len(), 1, "one client secret");
    let secret = app.password_credentials[0].value.clone();
    // The profile holds the app and its secret; the check of it passes.
    let show = common::graphwiz_in(
        s.home.path(),
        &["profile", "show", &s.name, "--json"],
        None,
        &[("GRAPHWIZ_LANG", "en")],
    );
    let p = show.json();
    assert_eq!(p["client_id"], app.app_id.as_str(), "{p:#}");
    let check = common::graphwiz_in(
        s.home.path(),
        &["check", "--profile", &s.name, "--json"],
        None,
        &[("GRAPHWIZ_LANG", "en")],
    );
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    // The secret never shows: not in any output, not in any file of graphwiz's.
    for r in runs.iter().copied().chain([&show, &check]) {
        assert!(
            !r.stdout.contains(&secret) && !r.stderr.contains(&secret),
            "the new secret must never be printed"
        );
    }
    assert!(!all_text(s.home.path()).contains(&secret));
    assert!(
        !s.home
            .path()
            .join("setups")
            .join(format!("{}.json", s.name))
            .exists(),
        "the journal is closed"
    );
}

#[test]
fn a_setup_creates_a_consented_app_with_a_secret_and_a_checked_profile() {
    let s = setup(|_| {});
    let r = run(&s, &[], &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v = r.json();
    assert_eq!(v["ok"], true);
    assert_eq!(v["check"]["message_id"], "setup-done");
    assert_eq!(v["report"]["ok"], true);
    let user_read = v["report"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "perm_user_read")
        .unwrap();
    assert_eq!(
        user_read["status"], "pass",
        "settled by the admin's own reading"
    );
    for step in ["app registration", "admin consent", "keychain"] {
        assert!(
            r.stderr.contains(step),
            "progress names {step}: {}",
            r.stderr
        );
    }
    assert!(
        r.stderr.contains("Privileged Role Administrator"),
        "the roles it needs are said up front"
    );
    let end = created(&s)[0].password_credentials[0].end;
    let days = (end - chrono::Utc::now()).num_days();
    assert!((175..=185).contains(&days), "six months by default: {days}");
    assert_set_up(&s, &[&r]);
    // Setting the same profile up again is refused: it never changes an existing profile.
    let again = run(&s, &[], &[]);
    assert_eq!(again.code, 1);
    assert_eq!(again.json()["check"]["message_id"], "setup-profile-exists");
    assert_eq!(created(&s).len(), 1);
}

#[test]
fn the_tenants_policy_caps_the_secrets_lifetime_and_says_so() {
    let s = setup(|o| o.app_policy = AppPolicy::MaxLifetime(90));
    let r = run(&s, &["--months", "12"], &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v = r.json();
    assert_eq!(v["check"]["args"]["capped"], "yes");
    assert!(
        v["check"]["summary"]
            .as_str()
            .unwrap()
            .contains("at most 90 days"),
        "{v:#}"
    );
    let end = created(&s)[0].password_credentials[0].end;
    assert!((end - chrono::Utc::now()).num_days() < 90);
    assert_set_up(&s, &[&r]);
}

#[test]
fn blocked_client_secrets_stop_before_anything_is_created() {
    let s = setup(|o| o.app_policy = AppPolicy::PasswordsBlocked);
    let r = run(&s, &[], &[]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let v = r.json();
    assert_eq!(v["check"]["message_id"], "setup-passwords-blocked");
    assert!(v["check"]["fix"]
        .as_str()
        .unwrap()
        .contains("exclude this app"));
    assert!(created(&s).is_empty(), "nothing was created");
    assert!(
        !s.home.path().join("profiles.json").exists() || !all_text(s.home.path()).contains(&s.name)
    );
}

#[test]
fn too_little_role_says_which_and_changes_nothing() {
    let s = setup(|o| o.admin_role = AdminRole::CloudApplicationAdministrator);
    let r = run(&s, &[], &[]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let v = r.json();
    assert_eq!(v["check"]["message_id"], "setup-role-missing");
    assert!(v["check"]["fix"]
        .as_str()
        .unwrap()
        .contains("Privileged Role Administrator or Global Administrator"));
    assert!(created(&s).is_empty(), "nothing was created");
    // In German, with the portal's role names.
    let de = run(&s, &[], &[("GRAPHWIZ_LANG", "de")]);
    assert_eq!(de.code, 1);
    assert!(de.json()["check"]["fix"]
        .as_str()
        .unwrap()
        .contains("Administrator für privilegierte Rollen"));
}

#[test]
fn entra_ids_replication_is_waited_out() {
    let s = setup(|o| {
        o.object_replication = Duration::from_millis(1500);
        o.secret_replication = Duration::from_millis(1500);
    });
    let started = Instant::now();
    let r = run(&s, &[], &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(started.elapsed() >= Duration::from_millis(1500));
    assert!(r.stderr.contains("Waiting for Entra ID"), "{}", r.stderr);
    assert_set_up(&s, &[&r]);
}

#[test]
fn bad_input_sends_nothing() {
    let s = setup(|_| {});
    let url = s.emu.base_url();
    let r = common::graphwiz_in(
        s.home.path(),
        &[
            "setup",
            "azure",
            "--profile",
            &s.name,
            "--tenant",
            "contoso..com",
            "--admin-sign-in",
            "device-code",
            "--login-url",
            &url,
            "--graph-url",
            &url,
        ],
        None,
        &[("GRAPHWIZ_LANG", "en")],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(s.emu.request_count(), 0, "nothing was sent");
}

#[test]
fn without_a_keychain_nothing_is_sent_and_the_exit_is_3() {
    let s = setup(|_| {});
    let r = run(
        &s,
        &[],
        &[(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/graphwiz-test-bus",
        )],
    );
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert_eq!(s.emu.request_count(), 0, "nothing was sent");
    assert!(created(&s).is_empty());
}

/// Sets up with a stall on Entra/Graph request `n`, kills the CLI once it was handled, then
/// finishes with --resume (or --roll-back). False when the setup needed fewer requests.
fn kill_after_request(n: u64, roll_back: bool) -> bool {
    let s = setup(|o| o.stall_after_request = Some(n));
    let url = s.emu.base_url();
    let c = s.emu.demo();
    let mailbox = format!("support@{}", c.tenant_domain);
    let a = args(&s, &url, &c.tenant_id, &mailbox);
    let child = common::start(
        common::command(
            s.home.path(),
            &a,
            &[("GRAPHWIZ_LANG", "en"), ("GRAPHWIZ_TEST_BROWSER", "follow")],
        ),
        None,
    );
    let pid = child.id();
    let started = Instant::now();
    let mut stalled = false;
    while started.elapsed() < Duration::from_secs(30) {
        if s.emu.request_count() >= n {
            stalled = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(150));
    let _ = std::process::Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status();
    let out = child.wait_with_output().unwrap();
    if !stalled {
        assert!(
            out.status.success(),
            "request {n} never came and the setup failed"
        );
        return false;
    }
    let journal = s
        .home
        .path()
        .join("setups")
        .join(format!("{}.json", s.name));
    let open = journal.exists();
    let finish = if roll_back { "--roll-back" } else { "--resume" };
    let r = if open {
        run(&s, &[finish], &[])
    } else {
        // Killed before the plan was written: nothing exists; start again (or nothing to undo).
        assert!(
            created(&s).is_empty(),
            "kill at {n}: an app without a journal"
        );
        if roll_back {
            std::mem::forget(s.emu);
            return true;
        }
        run(&s, &[], &[])
    };
    assert_eq!(r.code, 0, "kill at {n}, {finish}: {}{}", r.stdout, r.stderr);
    if roll_back {
        assert!(
            created(&s).is_empty(),
            "kill at {n}: the roll-back left an app"
        );
        let show = common::graphwiz_in(
            s.home.path(),
            &["profile", "show", &s.name, "--json"],
            None,
            &[("GRAPHWIZ_LANG", "en")],
        );
        assert_ne!(show.code, 0, "kill at {n}: the profile is gone");
        assert!(!journal.exists());
    } else {
        assert_set_up(&s, &[&r]);
    }
    // An emulator with a stalled request waits out its grace period on shutdown.
    let Setup { emu, .. } = s;
    std::mem::forget(emu);
    true
}

#[test]
fn killed_after_any_request_the_setup_resumes_to_one_working_app() {
    let mut killed = 0;
    for n in 1.. {
        if !kill_after_request(n, false) {
            break;
        }
        killed += 1;
    }
    assert!(killed >= 12, "only {killed} kill points were reached");
    eprintln!("killed and resumed at {killed} points");
}

#[test]
fn killed_after_any_request_the_setup_rolls_back_to_nothing() {
    let mut killed = 0;
    for n in (1..).step_by(3) {
        if !kill_after_request(n, true) {
            break;
        }
        killed += 1;
    }
    assert!(killed >= 4, "only {killed} kill points were reached");
}
