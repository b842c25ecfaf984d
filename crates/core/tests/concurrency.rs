//! The Graph checks after the token run at once: with a delay injected into every emulator
//! request, the Graph phase takes about one round trip, well under the sum of the checks' waits.

use graphwiz_core::{run_check, CheckInput, ClientSecret, Cloud, Endpoints, Status};
use graphwiz_emulator::{Emulator, Options, Scenario};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graph_checks_run_concurrently() {
    let delay = Duration::from_millis(300);
    let mut opts = Options::scenario(Scenario::Healthy);
    opts.delay = delay;
    let emu = Emulator::start(opts).await.expect("emulator");
    let c = emu.demo();
    let mut input = CheckInput::new(
        Endpoints::new(Cloud::Global, Some(&emu.base_url()), Some(&emu.base_url())).unwrap(),
        c.tenant_id.clone(),
        c.client_id.clone(),
        ClientSecret::new(c.client_secret.clone()),
    );
    input.timeout = Duration::from_secs(10);
    input.mailboxes = ["support", "sales", "unlicensed", "blocked"]
        .iter()
        .map(|m| format!("{m}@contoso-demo.onmicrosoft.com"))
        .collect();
    let started = Instant::now();
    let report = run_check(&input).await;
    let wall = started.elapsed();
    // Two of the four mailboxes are broken on purpose; every other check passes.
    assert_eq!(report.count(Status::Fail), 2, "{report:#?}");

    let ms = |id: &str| Duration::from_millis(report.get(id).unwrap().elapsed_ms);
    // Discovery and the token request overlap: the login phase is the longer of the two.
    let login_phase = ms("tenant").max(ms("credentials"));
    let graph_phase = wall.saturating_sub(login_phase);
    let sequential: Duration = report.checks[2..]
        .iter()
        .map(|c| Duration::from_millis(c.elapsed_ms))
        .sum();
    eprintln!("wall {wall:?}, login {login_phase:?}, graph phase {graph_phase:?}, sequential sum of graph checks {sequential:?}");
    // registration and perm_user_read each wait on one delayed read; the permission checks that
    // the token alone proves wait on nothing.
    assert!(
        sequential >= delay * 2,
        "the Graph reads waited on delayed requests"
    );
    assert!(
        graph_phase * 4 < sequential,
        "graph phase {graph_phase:?} is not well under the sequential sum {sequential:?}"
    );
    assert!(
        wall < delay * 3,
        "a full check with four mailboxes should take about two round trips, took {wall:?}"
    );
    assert!(
        graph_phase < delay * 2,
        "graph phase {graph_phase:?} should be about one round trip"
    );
    // One discovery, one token, then one request per Graph read: registration, grants, 4 mailboxes.
    assert_eq!(emu.request_count(), 8, "{:#?}", emu.requests());
}
