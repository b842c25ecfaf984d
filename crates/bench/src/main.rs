//! `graphwiz-bench`: measures what an admin waits for, against the emulator on loopback.
//!
//! Every figure is a ratio taken within one run (wall time as a multiple of the injected round
//! trip R, detection latency minus the delivery delay D, bulk wall time against the ideal), so it
//! holds on a noisy 2-core machine. Each point is repeated; the table shows the median and the
//! spread (min–max). `--smoke` runs a seconds-long version for CI; `--markdown FILE` writes the
//! tables for BENCHMARKS.md.
//!
//! Parts: `latency` (full check with 1 and 4 mailboxes vs R, request count, and the same requests
//! one after another), `live` (live-test detection vs D and requests spent waiting), `bulk`
//! (hundreds of tenants at several concurrency levels, wall vs ideal and peak RSS of a separate
//! worker process), `two-sided` (both halves of a check, Azure and Genesys Cloud, vs R), `pickup` (the
//! pickup test's detection vs the pickup delay), `setup` (the Azure setup beyond the replication
//! delay, in R).

use clap::{Parser, Subcommand};
use graphwiz_core::checks::run_check_with;
use graphwiz_core::http::HttpClient;
use graphwiz_core::microsoft::livetest::{run_live_test, LiveTestInput};
use graphwiz_core::microsoft::{graph, login, mailbox, token};
use graphwiz_core::{CheckInput, ClientSecret, Cloud, Endpoints};
use graphwiz_emulator::{Emulator, Options, Scenario};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

mod app;
mod pickup;
mod setup;
mod twosided;

#[derive(Parser)]
#[command(
    name = "graphwiz-bench",
    about = "graphwiz benchmarks against the emulator on loopback"
)]
struct Cli {
    #[command(subcommand)]
    part: Option<Part>,
    /// A short version (seconds) for CI.
    #[arg(long, global = true)]
    smoke: bool,
    /// Also write the tables as Markdown to this file.
    #[arg(long, global = true, value_name = "FILE")]
    markdown: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum Part {
    /// Every part (the default).
    All,
    /// Full check latency as a multiple of the round-trip time R.
    Latency,
    /// Live-test detection latency over the delivery delay D.
    Live,
    /// check over many tenants at several concurrency levels.
    Bulk,
    /// Full check of both halves (Azure + Genesys Cloud) vs R, beside each half alone.
    TwoSided,
    /// Pickup test: detection of Genesys Cloud fetching the mail vs the pickup delay.
    Pickup,
    /// Azure setup: wall time beyond Entra ID's replication delay, in round trips.
    Setup,
    /// Desktop app: cold start to the first interactive step and memory, beside a bare Tauri
    /// window; release binary size; CLI start time. Needs the release builds and a display.
    App,
    /// (internal) One bulk run in a separate process, for its peak RSS.
    #[command(hide = true)]
    BulkWorker {
        #[arg(long)]
        base: String,
        #[arg(long)]
        credentials: std::path::PathBuf,
        #[arg(long)]
        concurrency: usize,
    },
}

pub(crate) fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

pub(crate) fn spread(v: &[f64]) -> String {
    let min = v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{min:.2}–{max:.2}")
}

pub(crate) fn input_for(emu: &Emulator, tenant: usize, mailboxes: usize) -> CheckInput {
    let c = emu.credentials(tenant).expect("tenant exists");
    let url = emu.base_url();
    let mut input = CheckInput::new(
        Endpoints::new(Cloud::Global, Some(&url), Some(&url)).expect("loopback URL"),
        c.tenant_id.clone(),
        c.client_id.clone(),
        ClientSecret::new(c.client_secret.clone()),
    );
    input.timeout = Duration::from_secs(30);
    input.mailboxes = emu
        .mailbox_addresses(tenant)
        .into_iter()
        .map(|(a, _)| a)
        .take(mailboxes)
        .collect();
    input
}

/// The same requests as a check, one after another.
async fn sequential(http: &HttpClient, input: &CheckInput) {
    let e = &input.endpoints;
    let _ = login::discover(http, e, &input.tenant).await;
    let Ok(tok) =
        login::client_credentials_token(http, e, &input.tenant, &input.client_id, &input.secret)
            .await
    else {
        return;
    };
    let _ = graph::fetch_registration(http, e, &tok, &input.client_id).await;
    if let Some(oid) = token::read_claims(tok.bearer()).ok().and_then(|c| c.oid) {
        let _ = graph::fetch_admin_grants(http, e, &tok, &oid).await;
    }
    for m in &input.mailboxes {
        let _ = mailbox::mailbox_access(http, e, &tok, &input.client_id, m).await;
    }
}

/// Markdown and terminal output collected as we go.
#[derive(Default)]
pub(crate) struct Out {
    md: String,
}

impl Out {
    pub(crate) fn line(&mut self, s: &str) {
        println!("{s}");
        let _ = writeln!(self.md, "{s}");
    }
}

async fn part_latency(out: &mut Out, smoke: bool) {
    let rtts: &[u64] = if smoke { &[20] } else { &[50, 100, 200] };
    let reps = if smoke { 2 } else { 7 };
    out.line("\n### Check latency vs round-trip time R\n");
    out.line("| R | mailboxes | check wall / R (median, spread) | requests | sequential / R (median) | speed-up |");
    out.line("|---|---|---|---|---|---|");
    for &r in rtts {
        for mailboxes in [1usize, 4] {
            // A tenant whose app reads its own grants, so every check settles without an
            // administrator and the request count matches a fully verified check.
            let emu = Emulator::start(Options {
                delay: Duration::from_millis(r),
                ..Options::scenario(Scenario::DirectoryReads)
            })
            .await
            .expect("emulator");
            let input = input_for(&emu, 0, mailboxes);
            let http = HttpClient::new(Duration::from_secs(30));
            // Warm the connection pool once, as a second check in a session would find it.
            let _ = run_check_with(&http, &input).await;
            let (mut walls, mut seqs) = (Vec::new(), Vec::new());
            let mut requests = 0;
            for _ in 0..reps {
                let before = emu.request_count();
                let t = Instant::now();
                let report = run_check_with(&http, &input).await;
                walls.push(t.elapsed().as_secs_f64() / (r as f64 / 1000.0));
                requests = emu.request_count() - before;
                // Two of the four demo mailboxes are broken on purpose; the rest must pass.
                assert!(
                    report
                        .checks
                        .iter()
                        .filter(|c| c.id != "mailbox_access")
                        .all(|c| c.status == graphwiz_core::Status::Pass),
                    "the healthy tenant must pass: {report:?}"
                );
                let t = Instant::now();
                sequential(&http, &input).await;
                seqs.push(t.elapsed().as_secs_f64() / (r as f64 / 1000.0));
            }
            let (w, s) = (median(&mut walls.clone()), median(&mut seqs.clone()));
            out.line(&format!(
                "| {r} ms | {mailboxes} | {w:.2} R ({}) | {requests} | {s:.2} R | {:.1}× |",
                spread(&walls),
                s / w
            ));
            emu.shutdown();
        }
    }
}

async fn part_live(out: &mut Out, smoke: bool) {
    let delays: &[u64] = if smoke { &[200] } else { &[500, 2000, 10_000] };
    out.line("\n### Live-test detection vs delivery delay D\n");
    out.line(
        "| D | detection − D (median, spread) | Graph requests while waiting (median) | runs |",
    );
    out.line("|---|---|---|---|");
    for &d in delays {
        let reps = if smoke {
            1
        } else if d >= 10_000 {
            2
        } else {
            5
        };
        let emu = Emulator::start(Options {
            delivery_delay: Duration::from_millis(d),
            ..Options::scenario(Scenario::Healthy)
        })
        .await
        .expect("emulator");
        let (mut over, mut polls) = (Vec::new(), Vec::new());
        for _ in 0..reps {
            let check = input_for(&emu, 0, 1);
            let sender = check.mailboxes[0].clone();
            let input = LiveTestInput {
                check,
                recipient: sender.clone(),
                sender,
                wait: Duration::from_secs(60),
            };
            let live = run_live_test(&input, &|_| {}).await;
            let latency = live
                .report
                .checks
                .iter()
                .find(|c| c.id == "receive")
                .and_then(|c| c.latency_ms);
            let Some(latency) = latency else {
                panic!("the test mail was not received: {:?}", live.report);
            };
            over.push((latency as f64 - d as f64) / 1000.0);
            polls.push(f64::from(live.wait_requests));
        }
        out.line(&format!(
            "| {:.1} s | {:.2} s ({}) | {:.0} | {reps} |",
            d as f64 / 1000.0,
            median(&mut over.clone()),
            spread(&over),
            median(&mut polls)
        ));
        emu.shutdown();
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Creds {
    tenant_id: String,
    client_id: String,
    client_secret: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct WorkerResult {
    wall_s: f64,
    peak_rss_kib: u64,
    ok: usize,
    total: usize,
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn bulk_worker(base: &str, credentials: &std::path::Path, concurrency: usize) {
    use std::io::BufRead;
    // One tenant per line, read as the checks pull them: nothing here grows with N.
    let file = std::fs::File::open(credentials).expect("credentials file");
    let lines = std::io::BufReader::new(file).lines();
    let endpoints = Endpoints::new(Cloud::Global, Some(base), Some(base)).expect("loopback URL");
    let inputs = lines
        .map_while(Result::ok)
        .enumerate()
        .map(move |(i, line)| {
            let c: Creds = serde_json::from_str(&line).expect("credentials line");
            let mut input = CheckInput::new(
                endpoints.clone(),
                c.tenant_id,
                c.client_id,
                ClientSecret::new(c.client_secret),
            );
            input.timeout = Duration::from_secs(60);
            (i, input)
        });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let t = Instant::now();
    let (mut ok, mut total) = (0usize, 0usize);
    rt.block_on(graphwiz_core::bulk::check_each(
        inputs,
        concurrency,
        Duration::from_secs(60),
        |_, report| {
            total += 1;
            ok += usize::from(report.ok);
        },
    ));
    let result = WorkerResult {
        wall_s: t.elapsed().as_secs_f64(),
        peak_rss_kib: peak_rss_kib(),
        ok,
        total,
    };
    println!("{}", serde_json::to_string(&result).unwrap_or_default());
}

fn part_bulk(out: &mut Out, smoke: bool) {
    let sizes: &[usize] = if smoke { &[50] } else { &[100, 1000, 10_000] };
    let levels: &[usize] = if smoke { &[16] } else { &[8, 64] };
    let r = if smoke { 20u64 } else { 100 };
    let max = *sizes.iter().max().unwrap_or(&50);
    let emu = Emulator::spawn_thread(Options {
        tenants: vec![Scenario::Healthy; max],
        delay: Duration::from_millis(r),
        ..Options::default()
    })
    .expect("emulator");
    out.line(&format!("\n### Bulk: check of N tenants, R = {r} ms\n"));
    out.line(
        "| N | concurrency | wall | ideal (N / c × 2R) | wall / ideal | peak RSS | all passed |",
    );
    out.line("|---|---|---|---|---|---|---|");
    let dir = std::env::temp_dir().join(format!("graphwiz-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let me = std::env::current_exe().expect("own path");
    for &n in sizes {
        let creds: Vec<Creds> = (0..n)
            .filter_map(|i| emu.credentials(i))
            .map(|c| Creds {
                tenant_id: c.tenant_id,
                client_id: c.client_id,
                client_secret: c.client_secret,
            })
            .collect();
        let file = dir.join(format!("creds-{n}.jsonl"));
        let lines: Vec<String> = creds
            .iter()
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .collect();
        std::fs::write(&file, lines.join("\n")).expect("write credentials");
        for &c in levels {
            // Eight at a time through 10,000 tenants would take minutes and say nothing new.
            if n > 1000 && c < 64 {
                continue;
            }
            let output = std::process::Command::new(&me)
                .args(["bulk-worker", "--base", &emu.base_url(), "--credentials"])
                .arg(&file)
                .args(["--concurrency", &c.to_string()])
                .output()
                .expect("worker runs");
            let res: WorkerResult = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
                panic!(
                    "worker output ({e}): {}",
                    String::from_utf8_lossy(&output.stderr)
                )
            });
            // Per tenant: discovery ‖ token, then the Graph reads: two round trips.
            let ideal = (n as f64 / c as f64).ceil() * 2.0 * r as f64 / 1000.0;
            out.line(&format!(
                "| {n} | {c} | {:.2} s | {ideal:.2} s | {:.2} | {:.1} MiB | {} |",
                res.wall_s,
                res.wall_s / ideal,
                res.peak_rss_kib as f64 / 1024.0,
                if res.ok == res.total {
                    "yes".to_string()
                } else {
                    format!("{}/{}", res.ok, res.total)
                }
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    let cli = Cli::parse();
    if let Some(Part::BulkWorker {
        base,
        credentials,
        concurrency,
    }) = &cli.part
    {
        bulk_worker(base, credentials, *concurrency);
        return;
    }
    let mut out = Out::default();
    let started = Instant::now();
    out.line(&format!(
        "graphwiz-bench {}{} on {} cores",
        graphwiz_core::VERSION,
        if cli.smoke { " (smoke)" } else { "" },
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    ));
    let part = cli.part.unwrap_or(Part::All);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    if matches!(part, Part::All | Part::Latency) {
        rt.block_on(part_latency(&mut out, cli.smoke));
    }
    if matches!(part, Part::All | Part::TwoSided) {
        rt.block_on(twosided::part_two_sided(&mut out, cli.smoke));
    }
    if matches!(part, Part::All | Part::Pickup) {
        rt.block_on(pickup::part_pickup(&mut out, cli.smoke));
    }
    if matches!(part, Part::All | Part::Setup) {
        rt.block_on(setup::part_setup(&mut out, cli.smoke));
    }
    if matches!(part, Part::All | Part::Live) {
        rt.block_on(part_live(&mut out, cli.smoke));
    }
    if matches!(part, Part::All | Part::Bulk) {
        part_bulk(&mut out, cli.smoke);
    }
    if matches!(part, Part::App) || (matches!(part, Part::All) && !cli.smoke) {
        app::part_app(&mut out);
    }
    out.line(&format!(
        "\nTotal time: {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    if let Some(path) = &cli.markdown {
        if let Err(e) = std::fs::write(path, &out.md) {
            eprintln!("could not write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
