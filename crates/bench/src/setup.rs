//! `setup`: the Azure setup's wall time (policy → app → service principal → consent → secret →
//! replication → saved and checked profile) against the emulator with round trip R and Entra
//! ID's replication delay D injected, as (wall − D) / R: what the setup costs beyond waiting for
//! Entra ID. Goal: D + at most 8 R. Beside it (wall − 2 D) / R: the service principal can only be
//! created once the app has replicated, and consented to once it has replicated itself, so two
//! replication waits follow each other; this is what graphwiz adds beyond them.

use crate::{median, spread, Out};
use graphwiz_core::http::HttpClient;
use graphwiz_core::microsoft::admin::{self, SignInOptions};
use graphwiz_core::rotate::{Action, MemoryVault};
use graphwiz_core::setup::{self, graph::SETUP_SCOPES, SetupInput};
use graphwiz_core::store::profiles::ProfileStore;
use graphwiz_core::{Cloud, Endpoints};
use graphwiz_emulator::{Emulator, Options, Scenario};
use std::time::{Duration, Instant};

pub(crate) async fn part_setup(out: &mut Out, smoke: bool) {
    let rtts: &[u64] = if smoke { &[20] } else { &[50, 100] };
    let delays: &[u64] = if smoke { &[300] } else { &[1000, 3000] };
    let reps = if smoke { 1 } else { 3 };
    out.line("\n### Azure setup vs replication delay D and round-trip time R\n");
    out.line(
        "| R | D | wall (median) | (wall − D) / R (median, spread) | (wall − 2 D) / R (median) | requests |",
    );
    out.line("|---|---|---|---|---|---|");
    for &r in rtts {
        for &d in delays {
            let (mut beyond, mut beyond2, mut walls) = (Vec::new(), Vec::new(), Vec::new());
            let mut requests = 0;
            for i in 0..reps {
                let emu = Emulator::start(Options {
                    delay: Duration::from_millis(r),
                    object_replication: Duration::from_millis(d),
                    secret_replication: Duration::from_millis(d),
                    device_pending_polls: 0,
                    device_interval_secs: 0,
                    ..Options::scenario(Scenario::Healthy)
                })
                .await
                .expect("emulator");
                let url = emu.base_url();
                let c = emu.demo();
                let endpoints =
                    Endpoints::new(Cloud::Global, Some(&url), Some(&url)).expect("endpoints");
                let http = HttpClient::new(Duration::from_secs(30));
                let opts = SignInOptions {
                    scopes: SETUP_SCOPES.iter().map(|s| s.to_string()).collect(),
                    timeout: Duration::from_secs(30),
                    ..SignInOptions::default()
                };
                let token =
                    admin::sign_in_device_code(&http, &endpoints, &c.tenant_id, &opts, |_| {})
                        .await
                        .expect("admin sign-in");
                let dir = std::env::temp_dir().join(format!(
                    "graphwiz-bench-setup-{}-{r}-{d}-{i}",
                    std::process::id()
                ));
                let input = SetupInput {
                    store: ProfileStore::at(&dir),
                    profile: "bench".into(),
                    tenant: c.tenant_id.clone(),
                    endpoints,
                    login_overridden: true,
                    graph_overridden: true,
                    mailboxes: vec![format!("support@{}", c.tenant_domain)],
                    app_name: setup::DEFAULT_APP_NAME.into(),
                    months: 6,
                    timeout: Duration::from_secs(30),
                    replication_wait: Duration::from_secs(60),
                    vault: Some(MemoryVault::default()),
                };
                let before = emu.request_count();
                let t = Instant::now();
                let outcome = setup::run(&input, Action::Start, &token, &|_| {}).await;
                let wall = t.elapsed().as_secs_f64();
                assert!(outcome.ok, "the setup must succeed: {:?}", outcome.check);
                requests = emu.request_count() - before;
                walls.push(wall);
                beyond.push((wall - d as f64 / 1000.0) / (r as f64 / 1000.0));
                beyond2.push((wall - 2.0 * d as f64 / 1000.0) / (r as f64 / 1000.0));
                let _ = std::fs::remove_dir_all(&dir);
                emu.shutdown();
            }
            out.line(&format!(
                "| {r} ms | {d} ms | {:.2} s | {:.1} R ({}) | {:.1} R | {requests} |",
                median(&mut walls.clone()),
                median(&mut beyond.clone()),
                spread(&beyond),
                median(&mut beyond2.clone()),
            ));
        }
    }
}
