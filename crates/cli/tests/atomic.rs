//! Atomic writes under SIGKILL: the real graphwiz binary, the real OS keychain and the emulator.
//!
//! A writer process is killed with SIGKILL at a random moment, over and over (about 15 s of
//! rounds): either `profile add --replace` of a profile whose mailboxes change every round
//! (keychain store, locked load, backup, atomic write, removal of the old keychain entry), or
//! `export --profile --force` to the same file (a check against the emulator, the result saved in
//! the profile, then the export written atomically). The kill delay is drawn from 0 to 1.1 times
//! the command's measured duration (half the rounds), or from its second half, where the writes
//! are (the other half), so kills land in every phase, and some runs finish.
//!
//! After every round:
//! - `profiles.json` parses, holds the profile, and its mailboxes are the previous or the new
//!   ones (never a mix, never empty); its bytes are the previous bytes or a complete new file;
//! - the keychain holds the secret the profile refers to (a profile never loses its secret);
//! - the export parses as a graphwiz config and is the previous file byte for byte, or a complete
//!   new export of the current profile;
//! - stray files are only what a kill can leave: at most one `.graphwiz-*.tmp` per killed
//!   writer (a kill between creating the temporary file and renaming it), and at most one orphan
//!   keychain entry per killed `profile add` (a kill between storing the new secret and removing
//!   the old one). Both are harmless: nothing reads them.
//!
//! `profiles.json.bak` is written with a plain copy, not atomically: a kill inside the copy can
//! leave it torn. That is counted and printed, not failed (the profiles file itself never is).
//!
//! The seed is printed; `GRAPHWIZ_ATOMIC_SEED=N` replays a run.

use graphwiz_core::store::config;
use graphwiz_core::store::keychain;
use graphwiz_core::store::profiles::ProfileStore;
use graphwiz_emulator::mailbox::Mailbox;
use graphwiz_emulator::{Emulator, MailboxBehaviour, Options, Scenario};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;

/// graphwiz as the tests run it, with its output thrown away (it is killed mid-write).
fn silent(home: &Path, args: &[&str]) -> Command {
    let mut cmd = common::command(home, args, &[]);
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Rounds stop after this long (the whole test stays around 20 s).
const ROUNDS_FOR: Duration = Duration::from_secs(15);
const MAX_ROUNDS: usize = 400;
/// SIGKILL's number (9 on every Unix graphwiz runs on); `Child::kill` sends it.
const SIGKILL: i32 = 9;

/// xorshift64*: enough randomness for kill delays, reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

struct Setup {
    home: std::path::PathBuf,
    out: std::path::PathBuf,
    name: String,
    tenant: String,
    client_id: String,
    url: String,
    secret: String,
}

/// Mailboxes the emulator serves for this test (added to tenant 0).
const BOXES: usize = 8;

fn box_address(k: usize) -> String {
    format!("box{k}@contoso-demo.onmicrosoft.com")
}

/// The mailboxes of round `round`: one to four, a different list (and length) every round.
fn mailboxes(round: usize) -> Vec<String> {
    (0..=round % 4)
        .map(|j| box_address((round + j) % BOXES))
        .collect()
}

fn spawn_add(s: &Setup, round: usize) -> Child {
    let boxes = mailboxes(round);
    let mut args = vec![
        "profile".to_string(),
        "add".into(),
        s.name.clone(),
        "--replace".into(),
        "--tenant".into(),
        s.tenant.clone(),
        "--client-id".into(),
        s.client_id.clone(),
        "--login-url".into(),
        s.url.clone(),
        "--graph-url".into(),
        s.url.clone(),
        "--secret-stdin".into(),
    ];
    for b in boxes {
        args.push("--mailbox".into());
        args.push(b);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    common::start(silent(&s.home, &args), Some(&format!("{}\n", s.secret)))
}

fn spawn_export(s: &Setup) -> Child {
    silent(
        &s.home,
        &[
            "export",
            "--profile",
            &s.name,
            "--out",
            s.out.to_str().unwrap(),
            "--force",
            "--allow-failed",
        ],
    )
    .spawn()
    .expect("start graphwiz")
}

/// Runs a writer to completion and returns how long it took. The export exits 1 when it wrote a
/// file that is not "validated" (no live test here proves mail flow); 2 and up are failures.
fn timed(mut child: Child) -> Duration {
    let started = Instant::now();
    let status = child.wait().unwrap();
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "an unkilled writer fails: {status:?}"
    );
    started.elapsed()
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".graphwiz-") && n.ends_with(".tmp"))
        .collect()
}

/// The secret refs of every keychain entry of profile `name` (via secret-tool).
fn keychain_refs(name: &str) -> Vec<String> {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", "graphwiz"])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let prefix = format!("attribute.username = {name}/");
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(&prefix).map(str::to_string))
        .collect()
}

fn profile_state(s: &Setup) -> (Vec<u8>, Vec<String>, String) {
    let bytes = std::fs::read(s.home.join("profiles.json")).expect("profiles.json exists");
    let file = ProfileStore::at(&s.home)
        .load()
        .unwrap_or_else(|e| panic!("profiles.json does not parse after a kill: {e}"));
    let p = file.get(&s.name).expect("the profile survived");
    (bytes, p.mailboxes.clone(), p.secret_ref.clone())
}

#[test]
fn sigkill_never_leaves_a_torn_file() {
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    emu.update_directory(|d| {
        for k in 0..BOXES {
            let id = uuid::Uuid::new_v4().hyphenated().to_string();
            d.tenants[0].mailboxes.push(Mailbox::new(
                &box_address(k),
                &format!("Box {k}"),
                &id,
                MailboxBehaviour::Healthy,
            ));
        }
    });
    let c = emu.demo();
    let dir = tempfile::tempdir().unwrap();
    let s = Setup {
        home: dir.path().join("home"),
        out: dir.path().join("out").join("contoso.graphwiz.json"),
        name: format!("atomic-{}", std::process::id()),
        tenant: c.tenant_domain.clone(),
        client_id: c.client_id.clone(),
        url: emu.base_url(),
        secret: c.client_secret.clone(),
    };
    std::fs::create_dir_all(s.out.parent().unwrap()).unwrap();
    let seed = std::env::var("GRAPHWIZ_ATOMIC_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                ^ u64::from(std::process::id())
        })
        | 1;
    println!("GRAPHWIZ_ATOMIC_SEED={seed}");
    let mut rng = Rng(seed);

    // Unkilled first runs: the starting state, and how long each writer takes (the slowest of
    // three, so that a fair share of the kills come too late and the run finishes).
    let mut add_takes = Duration::ZERO;
    let mut export_takes = Duration::ZERO;
    for _ in 0..3 {
        add_takes = add_takes.max(timed(spawn_add(&s, 0)));
        export_takes = export_takes.max(timed(spawn_export(&s)));
    }
    let (_, first_boxes, _) = profile_state(&s);
    assert_eq!(first_boxes, mailboxes(0));
    config::read(&s.out).expect("the first export is valid");
    println!("unkilled: profile add {add_takes:?}, export {export_takes:?}");

    let started = Instant::now();
    let (mut rounds, mut kills, mut add_kills, mut completed) = (0usize, 0usize, 0usize, 0usize);
    let mut max_tmp = 0usize;
    let mut torn_backups = 0usize;
    let mut current_boxes = first_boxes;
    while started.elapsed() < ROUNDS_FOR && rounds < MAX_ROUNDS {
        rounds += 1;
        let (before_bytes, before_boxes, _) = profile_state(&s);
        assert_eq!(before_boxes, current_boxes);
        let before_export = std::fs::read(&s.out).unwrap();
        let is_add = rng.below(2) == 0;
        let (mut child, takes) = if is_add {
            (spawn_add(&s, rounds), add_takes)
        } else {
            (spawn_export(&s), export_takes)
        };
        // Half the kills anywhere in the run, half in its second half, where the writes are.
        let us = takes.as_micros() as u64;
        let delay = if rng.below(2) == 0 {
            rng.below(us * 11 / 10)
        } else {
            us / 2 + rng.below(us * 6 / 10)
        };
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let killed = status.signal() == Some(SIGKILL);
        if killed {
            kills += 1;
            add_kills += usize::from(is_add);
        } else {
            completed += 1;
            // (The export's 1: written, not "validated".)
            assert!(
                matches!(status.code(), Some(0 | 1)),
                "round {rounds}: {status:?}"
            );
        }

        // The profiles file: the old or the new content, whole.
        let (after_bytes, after_boxes, secret_ref) = profile_state(&s);
        if is_add {
            let new = mailboxes(rounds);
            assert!(
                after_boxes == before_boxes || after_boxes == new,
                "round {rounds}: a mix: {after_boxes:?}"
            );
            if !killed {
                assert_eq!(after_boxes, new, "round {rounds}: a finished add is saved");
            }
            current_boxes = after_boxes;
        } else {
            assert_eq!(
                after_boxes, before_boxes,
                "round {rounds}: export kept the mailboxes"
            );
        }
        if after_bytes != before_bytes {
            assert!(
                after_bytes.ends_with(b"}\n"),
                "round {rounds}: a complete file"
            );
        }
        assert_eq!(
            keychain::exists(&s.name, &secret_ref),
            Ok(true),
            "round {rounds}: the profile's secret is in the keychain"
        );

        // The export: the old bytes, or a complete new export of the current profile.
        let after_export = std::fs::read(&s.out).unwrap();
        assert!(
            !after_export.is_empty(),
            "round {rounds}: the export is empty"
        );
        let cfg = config::read(&s.out)
            .unwrap_or_else(|e| panic!("round {rounds}: the export does not parse: {e}"));
        if after_export != before_export {
            assert!(!is_add, "round {rounds}: only export writes the export");
            assert_eq!(cfg.mailboxes, current_boxes, "round {rounds}");
            // Every check passed (without a live test the file is not "validated": mail flow
            // is not proven).
            assert!(
                cfg.checks
                    .iter()
                    .all(|c| c.status != graphwiz_core::Status::Fail),
                "round {rounds}"
            );
            assert!(!cfg.claims.is_empty(), "round {rounds}");
        } else if !is_add && !killed {
            panic!("round {rounds}: a finished export did not rewrite the file");
        }

        // The backup is a plain copy (not atomic): a kill inside it can leave it torn. Counted
        // and reported, not failed: the profiles file itself is what must stay whole.
        let bak = std::fs::read(s.home.join("profiles.json.bak")).unwrap_or_default();
        if serde_json::from_slice::<serde_json::Value>(&bak).is_err() {
            torn_backups += 1;
        }

        // Stray files: at most one temporary file per kill, never read.
        let tmp = temp_files(&s.home).len() + temp_files(s.out.parent().unwrap()).len();
        assert!(
            tmp <= kills,
            "round {rounds}: {tmp} temporary files after {kills} kills"
        );
        max_tmp = max_tmp.max(tmp);
    }

    let refs = keychain_refs(&s.name);
    let orphans = refs.len().saturating_sub(1);
    println!(
        "rounds {rounds} in {:?}: {kills} killed ({add_kills} during profile add), {completed} finished; \
         temporary files left {max_tmp}; orphan keychain entries {orphans}; \
         rounds with a torn profiles.json.bak {torn_backups}",
        started.elapsed()
    );
    assert!(rounds >= 20, "only {rounds} rounds");
    assert!(kills >= 5, "only {kills} kills landed");
    assert!(
        orphans <= add_kills,
        "{orphans} orphan keychain entries after {add_kills} killed adds"
    );
    // A kill leaves no lock held: one more add finishes (and cleans up its own old entry).
    timed(spawn_add(&s, 0));
    let (_, boxes, secret_ref) = profile_state(&s);
    assert_eq!(boxes, mailboxes(0));

    // Clean up: the profile, then every orphan entry a kill left.
    let status = silent(&s.home, &["profile", "remove", &s.name])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(keychain::exists(&s.name, &secret_ref), Ok(false));
    for r in keychain_refs(&s.name) {
        let _ = keychain::delete(&s.name, &r);
    }
    assert!(keychain_refs(&s.name).is_empty());
}
