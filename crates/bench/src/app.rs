//! The desktop part of the benchmark: cold start to the first interactive wizard step and the
//! memory of the app with its WebKit processes, each beside a bare Tauri window built from the
//! same workspace in the same run; the release binary's size; the CLI's start time.
//!
//! Start is measured from spawning the process to the moment the page reports itself
//! interactive (`GRAPHWIZ_READY_FILE`, written by the `ui_ready` command). Memory is summed over
//! the process and all its descendants (WebKitWebProcess, WebKitNetworkProcess) 3 s after that:
//! RSS from /proc/PID/status, PSS from /proc/PID/smaps_rollup. Needs an X display (Xvfb).

use crate::{median, spread, Out};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const RUNS: usize = 5;
const SETTLE: Duration = Duration::from_secs(3);

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

fn sibling(name: &str) -> Option<PathBuf> {
    let me = std::env::current_exe().ok()?;
    let p = me.parent()?.join(name);
    p.exists().then_some(p)
}

fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return out;
    };
    for e in dir.flatten() {
        let Some(child) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
            continue;
        };
        // Field 4 (ppid) comes after the ")" that closes the command name.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u32>().ok());
        if ppid == Some(pid) {
            out.push(child);
        }
    }
    out
}

fn tree(pid: u32) -> Vec<u32> {
    let mut all = vec![pid];
    let mut i = 0;
    while i < all.len() {
        let kids = children_of(all[i]);
        all.extend(kids);
        i += 1;
    }
    all
}

fn kib(file: &str, key: &str) -> u64 {
    std::fs::read_to_string(file)
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

struct Sample {
    start_ms: f64,
    rss_mib: f64,
    pss_mib: f64,
    processes: usize,
    /// Start-up phases from GRAPHWIZ_TRACE_FILE: (phase, ms after spawn), in file order.
    phases: Vec<(String, f64)>,
}

/// Reads a start-up trace (`<phase> <epoch ms>` per line) as offsets from `spawned`.
fn read_trace(path: &Path, spawned: u128) -> Vec<(String, f64)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut phases: Vec<(String, f64)> = text
        .lines()
        .filter_map(|l| {
            let (name, at) = l.split_once(' ')?;
            let at: f64 = at.trim().parse().ok()?;
            Some((name.to_string(), at - spawned as f64))
        })
        .collect();
    phases.sort_by(|a, b| a.1.total_cmp(&b.1));
    phases
}

fn kill_tree(child: &mut Child) {
    for pid in tree(child.id()).into_iter().rev() {
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
    }
    let _ = child.wait();
}

fn run_once(bin: &Path) -> Option<Sample> {
    let home = std::env::temp_dir().join(format!(
        "graphwiz-bench-app-{}-{}",
        std::process::id(),
        now_ms()
    ));
    let _ = std::fs::create_dir_all(&home);
    let ready = home.join("ready");
    let trace = home.join("trace");
    let spawned = now_ms();
    let mut child = Command::new(bin)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("GRAPHWIZ_HOME", home.join("graphwiz"))
        .env("GRAPHWIZ_READY_FILE", &ready)
        .env("GRAPHWIZ_TRACE_FILE", &trace)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let deadline = Instant::now() + Duration::from_secs(30);
    let ready_ms = loop {
        if let Some(ms) = std::fs::read_to_string(&ready)
            .ok()
            .and_then(|t| t.trim().parse::<u128>().ok())
        {
            break Some(ms);
        }
        if Instant::now() > deadline || matches!(child.try_wait(), Ok(Some(_))) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let sample = ready_ms.map(|ms| {
        std::thread::sleep(SETTLE);
        let pids = tree(child.id());
        let rss: u64 = pids
            .iter()
            .map(|p| kib(&format!("/proc/{p}/status"), "VmRSS:"))
            .sum();
        let pss: u64 = pids
            .iter()
            .map(|p| kib(&format!("/proc/{p}/smaps_rollup"), "Pss:"))
            .sum();
        Sample {
            start_ms: ms.saturating_sub(spawned) as f64,
            rss_mib: rss as f64 / 1024.0,
            pss_mib: pss as f64 / 1024.0,
            processes: pids.len(),
            phases: read_trace(&trace, spawned),
        }
    });
    kill_tree(&mut child);
    let _ = std::fs::remove_dir_all(&home);
    sample
}

/// Runs the app part; prints why when it can't.
pub(crate) fn part_app(out: &mut Out) {
    out.line("\n### Desktop app (release) vs a bare Tauri window\n");
    let (Some(app), Some(bare)) = (sibling("graphwiz-app"), sibling("graphwiz-bench-bare")) else {
        out.line("Skipped: build the release binaries first: cargo build --release -p graphwiz-app -p graphwiz-bench-bare -p graphwiz-bench");
        return;
    };
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        out.line("Skipped: no display (run under Xvfb: Xvfb :99 & DISPLAY=:99 graphwiz-bench app)");
        return;
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    // Alternate, so drift on the machine affects both alike; the first pair warms the page cache.
    let _ = run_once(&app);
    let _ = run_once(&bare);
    for _ in 0..RUNS {
        a.extend(run_once(&app));
        b.extend(run_once(&bare));
    }
    if a.is_empty() || b.is_empty() {
        out.line("Failed: the app did not report itself ready within 30 s (is GRAPHWIZ_READY_FILE supported by this build?)");
        return;
    }
    let col = |v: &[Sample], f: fn(&Sample) -> f64| -> (f64, String) {
        let vals: Vec<f64> = v.iter().map(f).collect();
        (median(&mut vals.clone()), spread(&vals))
    };
    out.line("| figure | graphwiz | bare Tauri | ratio |");
    out.line("|---|---|---|---|");
    for (name, f, unit) in [
        (
            "cold start to interactive",
            (|s: &Sample| s.start_ms) as fn(&Sample) -> f64,
            "ms",
        ),
        ("RSS, app + WebKit processes", |s: &Sample| s.rss_mib, "MiB"),
        ("PSS, app + WebKit processes", |s: &Sample| s.pss_mib, "MiB"),
    ] {
        let ((ma, sa), (mb, sb)) = (col(&a, f), col(&b, f));
        out.line(&format!(
            "| {name} | {ma:.0} {unit} ({sa}) | {mb:.0} {unit} ({sb}) | {:.2}× |",
            ma / mb
        ));
    }
    out.line(&format!(
        "| processes | {} | {} | |",
        a[0].processes, b[0].processes
    ));
    phase_table(out, &a, &b);
    let size = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.len() as f64 / 1024.0 / 1024.0)
            .unwrap_or(f64::NAN)
    };
    out.line(&format!(
        "| release binary size | {:.1} MiB | {:.1} MiB | |",
        size(&app),
        size(&bare)
    ));
    if let Some(cli) = sibling("graphwiz") {
        let mut times: Vec<f64> = (0..20)
            .filter_map(|_| {
                let t = Instant::now();
                Command::new(&cli)
                    .arg("--version")
                    .stdout(Stdio::null())
                    .status()
                    .ok()?;
                Some(t.elapsed().as_secs_f64() * 1000.0)
            })
            .collect();
        let s = spread(&times);
        out.line(&format!(
            "| CLI `graphwiz --version` | {:.1} ms ({s}) | | |",
            median(&mut times)
        ));
    }
}

/// Median time after spawn of each start-up phase, app beside bare (phases the bare window does
/// not have are left empty there).
fn phase_table(out: &mut Out, a: &[Sample], b: &[Sample]) {
    let at = |v: &[Sample], name: &str| -> Option<f64> {
        let mut t: Vec<f64> = v
            .iter()
            .filter_map(|s| s.phases.iter().find(|p| p.0 == name).map(|p| p.1))
            .collect();
        (!t.is_empty()).then(|| median(&mut t))
    };
    let Some(first) = a.first() else { return };
    if first.phases.is_empty() {
        return;
    }
    out.line("\nWhere the start goes (median ms after spawn; GRAPHWIZ_TRACE_FILE):\n");
    out.line("| phase | graphwiz | bare Tauri |");
    out.line("|---|---|---|");
    for (name, _) in &first.phases {
        let cell = |x: Option<f64>| x.map(|v| format!("{v:.0}")).unwrap_or_default();
        out.line(&format!(
            "| {name} | {} | {} |",
            cell(at(a, name)),
            cell(at(b, name))
        ));
    }
}
