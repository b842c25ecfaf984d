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

/// Many tenants: every result is handed on exactly once, as it finishes, with at most
/// `concurrency` checks in flight, and inputs are pulled only as slots free up.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_tenants_stream_their_results_with_bounded_concurrency() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let n = 24;
    let mut tenants = vec![Scenario::Healthy; n];
    tenants[5] = Scenario::WrongSecret;
    let mut opts = Options {
        tenants,
        ..Options::default()
    };
    opts.delay = Duration::from_millis(50);
    let emu = Emulator::start(opts).await.expect("emulator");
    let base = emu.base_url();
    let endpoints = Endpoints::new(Cloud::Global, Some(&base), Some(&base)).unwrap();
    let pulled = Arc::new(AtomicUsize::new(0));
    let pulled_in = Arc::clone(&pulled);
    let done = Arc::new(AtomicUsize::new(0));
    let max_ahead = Arc::new(AtomicUsize::new(0));
    let (max_in, done_in) = (Arc::clone(&max_ahead), Arc::clone(&done));
    let (emu_ref, ep) = (&emu, endpoints.clone());
    let inputs = (0..n).map(move |i| {
        // How far the pulled inputs run ahead of the finished ones: the checks in flight.
        let p = pulled_in.fetch_add(1, Ordering::SeqCst) + 1;
        max_in.fetch_max(p - done_in.load(Ordering::SeqCst), Ordering::SeqCst);
        let c = emu_ref.credentials(i).expect("tenant");
        let mut input = CheckInput::new(
            ep.clone(),
            c.tenant_id,
            c.client_id,
            ClientSecret::new(c.client_secret),
        );
        input.timeout = Duration::from_secs(10);
        (i, input)
    });
    let mut seen = vec![0u32; n];
    let mut order = Vec::new();
    graphwiz_core::bulk::check_each(inputs, 4, Duration::from_secs(10), |i, report| {
        done.fetch_add(1, Ordering::SeqCst);
        seen[i] += 1;
        order.push(i);
        assert_eq!(report.ok, i != 5, "tenant {i}: {report:#?}");
    })
    .await;
    assert!(seen.iter().all(|&s| s == 1), "each result once: {seen:?}");
    assert_eq!(pulled.load(Ordering::SeqCst), n);
    let ahead = max_ahead.load(Ordering::SeqCst);
    assert!(
        ahead <= 5,
        "at most 4 checks in flight (+1 being pulled), saw {ahead}"
    );
    assert!(ahead >= 2, "checks ran concurrently, saw {ahead}");

    let reports = graphwiz_core::bulk::check_all(
        (0..3)
            .map(|i| {
                let c = emu.credentials(i).expect("tenant");
                CheckInput::new(
                    endpoints.clone(),
                    c.tenant_id,
                    c.client_id,
                    ClientSecret::new(c.client_secret),
                )
            })
            .collect(),
        2,
    )
    .await;
    assert_eq!(reports.len(), 3);
    assert!(reports.iter().all(|r| r.ok));
    assert!(order.len() == n);
}
