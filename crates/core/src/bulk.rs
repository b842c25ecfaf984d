//! Checking many integrations at once (an MSP's tenants): at most `concurrency` at a time over
//! one shared HTTP client, each result handed on as soon as it is in.
//!
//! [`check_each`] pulls its inputs lazily and keeps nothing once a result is handed on, so the
//! memory it needs depends on `concurrency`, not on the number of tenants; `graphwiz check --all
//! --jsonl` prints every tenant's line as it finishes. [`check_all`] is the same with the
//! reports collected in input order.

use crate::checks::{run_check_with, CheckInput};
use crate::http::HttpClient;
use crate::report::Report;
use futures::StreamExt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

type Boxed<'a, K> = Pin<Box<dyn Future<Output = (K, Report)> + Send + 'a>>;

/// Checks every `(key, input)` of `inputs`, at most `concurrency` at a time, and calls
/// `each(key, report)` as each finishes (in the order they finish). `timeout` is the timeout
/// of each request of the shared client. The future is `Send`, so async commands can await it.
pub async fn check_each<K, I, F>(inputs: I, concurrency: usize, timeout: Duration, mut each: F)
where
    K: Send + 'static,
    I: Iterator<Item = (K, CheckInput)> + Send,
    F: FnMut(K, Report) + Send,
{
    let http = HttpClient::new(timeout);
    let http = &http;
    // Unordered, so a slow tenant never holds a slot that a finished one could reuse.
    futures::stream::iter(inputs.map(|(key, input)| -> Boxed<'_, K> {
        Box::pin(async move {
            let report = run_check_with(http, &input).await;
            (key, report)
        })
    }))
    .buffer_unordered(concurrency.max(1))
    .for_each(|(key, report)| {
        each(key, report);
        std::future::ready(())
    })
    .await;
}

/// Checks every input as [`check_each`] does and returns the reports in the order of `inputs`.
pub async fn check_all(inputs: Vec<CheckInput>, concurrency: usize) -> Vec<Report> {
    let timeout = inputs
        .iter()
        .map(|i| i.timeout)
        .max()
        .unwrap_or(Duration::from_secs(30));
    let mut out: Vec<Option<Report>> = vec![None; inputs.len()];
    check_each(
        inputs.into_iter().enumerate(),
        concurrency,
        timeout,
        |i, r| out[i] = Some(r),
    )
    .await;
    out.into_iter()
        .map(|r| r.unwrap_or_else(|| Report::of(Vec::new())))
        .collect()
}
