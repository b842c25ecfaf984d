//! Checking many integrations at once (an MSP's tenants): at most `concurrency` at a time over
//! one shared HTTP client, each result handed on as soon as it is in.
//!
//! [`check_each`] pulls its inputs lazily and keeps nothing once a result is handed on, so the
//! memory it needs depends on `concurrency`, not on the number of tenants; `graphwiz check --all
//! --jsonl` prints every tenant's line as it finishes. [`check_all`] is the same with the
//! reports collected in input order. [`check_saved`] checks saved profiles (their secrets from
//! the keychain) through [`check_each`]; both faces check every profile through it.

use crate::checks::{run_check_with, CheckInput};
use crate::genesys::setup::SetupError;
use crate::http::HttpClient;
use crate::microsoft::cloud::EndpointError;
use crate::report::Report;
use crate::store::keychain::{self, KeychainError};
use crate::store::profiles::Profile;
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

/// Why a saved profile was not checked: it gets one failed check in its place, worded by the
/// face (the remedy differs: a CLI command, a wizard step).
#[derive(Debug)]
pub enum Unready {
    /// Its client secret is not in the OS keychain (deleted there).
    SecretMissing,
    /// Its endpoints are refused.
    Endpoints(EndpointError),
    /// Its Genesys Cloud part can't be used (its secret gone, its region unknown, …).
    Genesys(SetupError),
}

/// What stops a check of saved profiles before anything is sent: the keychain or the data
/// folder can't be used at all.
#[derive(Debug)]
pub enum Stop {
    /// The OS keychain is locked, missing or failed.
    Keychain(KeychainError),
    /// The Genesys Cloud part's environment failed (keychain, profiles file).
    Genesys(SetupError),
}

/// The check input of saved profile `p`: its secret from the keychain, its Genesys Cloud part,
/// `warn_days` as the expiry warning window; or why it can't be checked.
pub fn saved_input(
    p: &Profile,
    timeout: Duration,
    warn_days: u32,
) -> Result<Result<CheckInput, Unready>, Stop> {
    let secret = match keychain::load(&p.name, &p.secret_ref) {
        Ok(s) => s,
        Err(KeychainError::Missing { .. }) => return Ok(Err(Unready::SecretMissing)),
        Err(e) => return Err(Stop::Keychain(e)),
    };
    let genesys = match crate::genesys::setup::input_for(p) {
        Ok(g) => g,
        Err(e) if e.is_environment() => return Err(Stop::Genesys(e)),
        Err(e) => return Ok(Err(Unready::Genesys(e))),
    };
    Ok(match p.check_input(secret, timeout) {
        Ok(mut input) => {
            input.expiry_warn_days = warn_days;
            input.genesys = genesys;
            Ok(input)
        }
        Err(e) => Err(Unready::Endpoints(e)),
    })
}

/// Checks saved profiles as `graphwiz check --all` and the app's profiles view do: every secret
/// first (a keychain that can't be used stops the run with nothing sent), then every profile
/// that can be checked, at most `concurrency` at a time through [`check_each`]. `each(index,
/// report)` gets each profile's report (its index in `profiles`) as soon as it is in: first the
/// profiles that can't be checked, with the report `refused` words, then the others as they
/// finish.
pub async fn check_saved<W, F>(
    profiles: &[Profile],
    concurrency: usize,
    timeout: Duration,
    warn_days: u32,
    refused: W,
    mut each: F,
) -> Result<(), Stop>
where
    W: Fn(&Profile, Unready) -> Report,
    F: FnMut(usize, Report) + Send,
{
    let mut ready = Vec::new();
    let mut unready = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        match saved_input(p, timeout, warn_days)? {
            Ok(input) => ready.push((i, input)),
            Err(why) => unready.push((i, why)),
        }
    }
    for (i, why) in unready {
        each(i, refused(&profiles[i], why));
    }
    check_each(ready.into_iter(), concurrency, timeout, each).await;
    Ok(())
}
