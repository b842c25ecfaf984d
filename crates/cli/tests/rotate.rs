//! The secret rotation end to end: the real binary, the real OS keychain, an administrator
//! signing in (the browser flow, followed headlessly), the Entra/Graph emulator (addPassword, removePassword, replication)
//! and the Genesys Cloud emulator, whose integration really signs in with the secret it holds.
//! A kill after every request of a rotation, then --resume (or a fresh start when nothing was
//! written yet), must always end on a working secret with nothing left over.

use graphwiz_emulator::{GenesysOptions, GenesysScenario, Options, Scenario};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

mod common;
use common::orgs::{setup_named, Setup};
use common::Run;
use std::sync::atomic::{AtomicU32, Ordering};

fn entra_options(f: impl FnOnce(&mut Options)) -> Options {
    let mut o = Options {
        device_interval_secs: 1,
        device_pending_polls: 0,
        ..Options::scenario(Scenario::Healthy)
    };
    f(&mut o);
    o
}

fn setup(entra: impl FnOnce(&mut Options), genesys: impl FnOnce(&mut GenesysOptions)) -> Setup {
    // A name of its own: the tests share one keychain.
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "rot{}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let s = setup_named(
        &name,
        entra_options(entra),
        |g| {
            g.transition = Duration::from_millis(50);
            genesys(g);
        },
        true,
    );
    s.gen.use_secret_validator(s.emu.secret_validator());
    s
}

const ROTATE: &[&str] = &[
    "rotate",
    "--profile",
    "@",
    "--admin-sign-in",
    "browser",
    "--json",
];

fn graphwiz(home: &Path, args: &[&str]) -> Run {
    common::graphwiz_in(
        home,
        args,
        None,
        &[("GRAPHWIZ_LANG", "en"), ("GRAPHWIZ_TEST_BROWSER", "follow")],
    )
}

/// graphwiz with `args`, where `@` stands for the test's profile name.
fn gw(s: &Setup, args: &[&str]) -> Run {
    let args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "@" { s.name.as_str() } else { a })
        .collect();
    graphwiz(s.home.path(), &args)
}

fn keychain_accounts(profile: &str) -> Vec<String> {
    // secret-tool can fail under load (a D-Bus timeout); only a successful search counts.
    for _ in 0..10 {
        let out = std::process::Command::new("secret-tool")
            .args(["search", "--all", "service", "graphwiz"])
            .output()
            .expect("secret-tool (libsecret-tools) is installed");
        if !out.status.success() {
            std::thread::sleep(Duration::from_millis(300));
            continue;
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        let mut accounts: Vec<String> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("attribute.username = "))
            .filter(|a| a.starts_with(&format!("{profile}/")))
            .map(str::to_string)
            .collect();
        accounts.sort();
        accounts.dedup();
        return accounts;
    }
    panic!("secret-tool search kept failing");
}

fn profile(s: &Setup) -> Value {
    gw(s, &["profile", "show", "@", "--json"]).json()
}

fn all_text(dir: &Path) -> String {
    let mut text = String::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            text.push_str(&all_text(&p));
        } else {
            text.push_str(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()));
        }
    }
    text
}

/// The state a finished rotation must leave, whatever happened on the way.
fn assert_rotated(s: &Setup, runs: &[&Run]) {
    let secrets = s.emu.password_credentials(0);
    assert_eq!(
        secrets.len(),
        1,
        "exactly the new secret remains in Azure: {secrets:?}"
    );
    assert!(secrets[0].1.starts_with("graphwiz "), "{secrets:?}");
    assert_eq!(
        s.gen.credential_secret_is_valid(),
        Some(true),
        "Genesys Cloud holds a working secret"
    );
    assert_eq!(
        s.gen.integration_state(),
        ("ENABLED".to_string(), "ACTIVE".to_string())
    );
    let p = profile(s);
    let secret_ref = p["secret_ref"].as_str().unwrap().to_string();
    let genesys_ref = p["genesys"]["secret_ref"].as_str().unwrap().to_string();
    assert!(
        secret_ref.starts_with("rotation-"),
        "the profile uses the new secret: {p}"
    );
    assert_eq!(p["secret_in_keychain"], true);
    let mut want = vec![
        format!("{}/{secret_ref}", s.name),
        format!("{}/{genesys_ref}", s.name),
    ];
    want.sort();
    assert_eq!(
        keychain_accounts(&s.name),
        want,
        "the keychain holds exactly the secrets in use"
    );
    let new = s.gen.credential_secret().expect("Genesys holds a secret");
    assert!(
        !all_text(s.home.path()).contains(&new),
        "the new secret is in a file"
    );
    for r in runs {
        assert!(
            !r.stdout.contains(&new) && !r.stderr.contains(&new),
            "the new secret was printed"
        );
    }
    assert!(
        !s.home
            .path()
            .join("rotations")
            .join(format!("{}.json", s.name))
            .exists(),
        "the journal is still open"
    );
}

#[test]
fn a_rotation_replaces_the_secret_on_both_sides_and_removes_the_old_one() {
    let s = setup(|o| o.secret_replication = Duration::from_secs(2), |_| {});
    let old = s.emu.password_credentials(0);
    assert_eq!(old.len(), 1);
    let run = gw(&s, ROTATE);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let out = run.json();
    assert_eq!(out["check"]["message_id"], "rotate-done", "{out:#}");
    assert!(out["stage"].is_null());
    assert!(
        run.stderr.contains("Waiting for Entra ID to accept"),
        "replication was waited out: {}",
        run.stderr
    );
    assert_rotated(&s, &[&run]);
    assert_ne!(s.emu.password_credentials(0)[0].0, old[0].0);
    let end = profile(&s)["secret_expiry"].as_str().unwrap().to_string();
    let days = (chrono::DateTime::parse_from_rfc3339(&end)
        .unwrap()
        .with_timezone(&chrono::Utc)
        - chrono::Utc::now())
    .num_days();
    assert!(
        (175..=186).contains(&days),
        "default lifetime 6 months, got {days} days"
    );
    // A check with the new secret passes, the reminders follow the new date.
    let check = gw(&s, &["check", "--profile", "@", "--json"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn a_refused_administrator_changes_nothing_and_opens_nothing() {
    let s = setup(|o| o.admin_can_manage_apps = false, |_| {});
    let run = gw(&s, ROTATE);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = run.json();
    assert_eq!(out["check"]["message_id"], "rotate-denied", "{out:#}");
    assert!(out["check"]["fix"]
        .as_str()
        .unwrap()
        .contains("Application Administrator"));
    assert!(out["stage"].is_null());
    assert_eq!(s.emu.password_credentials(0).len(), 1);
    assert_eq!(s.gen.credential_secret_is_valid(), Some(true));
}

#[test]
fn a_forbidden_genesys_credential_stops_safely_and_rolls_back() {
    let s = setup(
        |_| {},
        |g| g.scenario = GenesysScenario::CredentialForbidden,
    );
    let run = gw(&s, ROTATE);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = run.json();
    assert_eq!(
        out["check"]["message_id"], "rotate-genesys-failed",
        "{out:#}"
    );
    assert!(
        out["check"]["summary"]
            .as_str()
            .unwrap()
            .contains("integrations:integration:edit"),
        "{out:#}"
    );
    assert_eq!(out["stage"], "proven");
    assert_eq!(
        s.emu.password_credentials(0).len(),
        2,
        "old and new both exist while open"
    );
    assert_eq!(
        s.gen.credential_secret_is_valid(),
        Some(true),
        "Genesys keeps the old, working secret"
    );
    assert_eq!(
        keychain_accounts(&s.name).len(),
        3,
        "the pending secret is in the keychain while open"
    );
    let back = gw(
        &s,
        &[
            "rotate",
            "--profile",
            "@",
            "--roll-back",
            "--admin-sign-in",
            "browser",
            "--json",
        ],
    );
    assert_eq!(back.code, 0, "{}{}", back.stdout, back.stderr);
    assert_eq!(back.json()["check"]["message_id"], "rotate-rolled-back");
    assert_eq!(s.emu.password_credentials(0).len(), 1);
    assert!(
        !s.emu.password_credentials(0)[0].1.starts_with("graphwiz "),
        "the old secret stays"
    );
    assert_eq!(keychain_accounts(&s.name).len(), 2);
    assert_eq!(gw(&s, &["check", "--profile", "@"]).code, 0);
}

#[test]
fn a_version_conflict_is_read_again_and_an_open_rotation_blocks_a_second_one() {
    let s = setup(|_| {}, |g| g.scenario = GenesysScenario::CredentialConflict);
    let run = gw(
        &s,
        &[
            "rotate",
            "--profile",
            "@",
            "--admin-sign-in",
            "browser",
            "--no-live-test",
            "--json",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_rotated(&s, &[&run]);
    let again = gw(&s, &["rotate", "--profile", "@", "--resume", "--json"]);
    assert_eq!(again.code, 1);
    assert_eq!(again.json()["check"]["message_id"], "rotate-nothing-open");
}

/// Rotates with a stall on request `n` of one emulator, kills the CLI once that request was
/// handled, then finishes with --resume (or starts again when the kill came before the journal).
fn kill_after_request(n: u64, genesys_side: bool) -> bool {
    let s = setup(
        |o| {
            if !genesys_side {
                o.stall_after_request = Some(n);
            }
        },
        |g| {
            if genesys_side {
                g.stall_after_request = Some(n);
            }
        },
    );
    let args = [
        "rotate",
        "--profile",
        s.name.as_str(),
        "--admin-sign-in",
        "browser",
        "--no-live-test",
        "--timeout",
        "5",
    ];
    let child = common::start(
        common::command(
            s.home.path(),
            &args,
            &[("GRAPHWIZ_LANG", "en"), ("GRAPHWIZ_TEST_BROWSER", "follow")],
        ),
        None,
    );
    let pid = child.id();
    let started = Instant::now();
    let count = || {
        if genesys_side {
            s.gen.request_count()
        } else {
            s.emu.request_count()
        }
    };
    let mut stalled = false;
    loop {
        if count() >= n {
            stalled = true;
            break;
        }
        if started.elapsed() > Duration::from_secs(30) {
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
        // The rotation needed fewer than n requests of this emulator: it ran to its end.
        assert!(
            out.status.success(),
            "request {n} never came and the rotation failed"
        );
        return false;
    }
    let journal = s
        .home
        .path()
        .join("rotations")
        .join(format!("{}.json", s.name));
    let mut finish: Vec<&str> = vec![
        "rotate",
        "--profile",
        "@",
        "--admin-sign-in",
        "browser",
        "--no-live-test",
        "--json",
    ];
    if journal.exists() {
        finish.push("--resume");
    }
    let run = gw(&s, &finish);
    assert_eq!(
        run.code,
        0,
        "kill after {} request {n}: {}{}",
        if genesys_side { "Genesys" } else { "Entra" },
        run.stdout,
        run.stderr
    );
    assert_rotated(&s, &[&run]);
    // An emulator with a stalled request waits out its grace period on shutdown; these are
    // left to end with the test process.
    let Setup { home, emu, gen, .. } = s;
    drop(home);
    std::mem::forget(emu);
    std::mem::forget(gen);
    true
}

#[test]
fn killed_after_any_request_the_rotation_resumes_to_a_working_secret() {
    let mut killed = 0;
    for genesys_side in [true, false] {
        for n in 1.. {
            if !kill_after_request(n, genesys_side) {
                break;
            }
            killed += 1;
        }
    }
    assert!(killed >= 15, "only {killed} kill points were reached");
    eprintln!("killed and resumed at {killed} points");
}
