//! A Genesys Cloud Platform API emulator: a second real HTTP server on loopback, separate from
//! the Entra ID + Microsoft Graph one, that answers like a Genesys Cloud organization whose
//! Microsoft Graph email integration is set up as a named [`GenesysScenario`] describes.
//!
//! Login and API share one base URL: `{base}/oauth/token` (client credentials with HTTP Basic
//! client authentication) and `{base}/api/v2/…` (bearer tokens). The organization has the
//! Microsoft Graph email integration among decoy integration types, its configuration and
//! credential, an inbound domain linked to it with a `support` and a `sales` route, the support
//! queue with three members, and the email settings. Restarting the integration
//! (`PATCH /api/v2/integrations/{id}` with `intendedState`) passes through `DEACTIVATING` and
//! `ACTIVATING`, each taking [`GenesysOptions::transition`].
//!
//! Mail the simulated consumer of the Graph emulator picks up ([`crate::pickup`]) becomes an
//! email conversation through [`GenesysEmulator::pickup_hook`] (or [`crate::connect_pickup`]): in
//! the queue the route of its mailbox goes to, found by
//! `POST /api/v2/analytics/conversations/details/query` once [`GenesysOptions::analytics_lag`]
//! has passed, read by `GET /api/v2/conversations/emails/{id}` and ended by
//! `PATCH /api/v2/conversations/emails/{id}` with `{"state": "disconnected"}`.
//!
//! The integration's credential can be replaced with `PUT /api/v2/integrations/credentials/{id}`
//! (see [`credential`]); once [`GenesysEmulator::use_secret_validator`] connects it to the Entra
//! emulator, enabling the integration ends `ACTIVE` only while the stored secret is valid there.
//! [`GenesysOptions::stall_after_request`] holds back the answer of one request after handling
//! it, for tests that kill a client mid-way.
//!
//! Start one with [`GenesysEmulator::start`] (inside a tokio runtime) or
//! [`GenesysEmulator::spawn_thread`] (on its own thread), then use
//! [`GenesysEmulator::base_url`], [`GenesysEmulator::client_id`] and
//! [`GenesysEmulator::client_secret`].

mod analytics;
mod api;
mod catalog;
mod conversation;
mod conversation_api;
pub mod credential;
mod error;
mod model;
mod options;
mod scenario;
mod state;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use chrono::Utc;
use tokio::sync::watch;

pub use options::GenesysOptions;
pub use scenario::{GenesysScenario, UnknownGenesysScenario};

use crate::exchange_log::{self, Service};
use crate::pickup::{PickedUp, PickupHook};
use crate::secrets::SecretValidator;
use crate::server::{own_runtime, refuse_non_loopback, serve, stall_forever};
use crate::state::RECORD_LIMIT;
use crate::wire::lock;
use credential::secret_ok;
use state::{prepare, GenesysShared};

fn router(shared: Arc<GenesysShared>) -> Router {
    Router::new()
        .route("/oauth/token", any(api::token))
        .route("/api/v2/{*rest}", any(api::api))
        .fallback(api::not_found)
        .layer(middleware::from_fn_with_state(shared.clone(), observe))
        .with_state(shared)
}

/// Counts the request as it arrives, waits the configured delay, answers, then records the
/// request; the answer of the stalled request is never sent.
async fn observe(State(s): State<Arc<GenesysShared>>, req: Request, next: Next) -> Response {
    let number = s.count.fetch_add(1, Ordering::Relaxed) + 1;
    let method = req.method().to_string();
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| req.uri().path().to_string());
    if !s.delay.is_zero() {
        tokio::time::sleep(s.delay).await;
    }
    let resp = exchange_log::around(Service::Genesys, req, |r| next.run(r)).await;
    {
        let mut log = lock(&s.log);
        if log.len() >= RECORD_LIMIT {
            log.pop_front();
        }
        log.push_back((method, target));
    }
    if s.stall_after_request == Some(number) {
        stall_forever().await;
    }
    resp
}

/// A running Genesys Cloud emulator. Dropping it stops the server.
pub struct GenesysEmulator {
    addr: SocketAddr,
    base_url: String,
    scenario: GenesysScenario,
    shared: Arc<GenesysShared>,
    stop: Option<watch::Sender<bool>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for GenesysEmulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GenesysEmulator")
            .field("base_url", &self.base_url)
            .field("scenario", &self.scenario)
            .finish_non_exhaustive()
    }
}

impl GenesysEmulator {
    /// Starts on `127.0.0.1` with a free port, serving on the current tokio runtime.
    pub async fn start(opts: GenesysOptions) -> std::io::Result<Self> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), opts).await
    }

    /// Starts on `addr`, which must be a loopback address, serving on the current tokio runtime.
    pub async fn start_on(addr: SocketAddr, opts: GenesysOptions) -> std::io::Result<Self> {
        refuse_non_loopback(&addr)?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let shared = prepare(&opts);
        let (tx, rx) = watch::channel(false);
        tokio::spawn(serve(listener, router(shared.clone()), rx));
        Ok(GenesysEmulator::running(
            local,
            opts.scenario,
            shared,
            tx,
            None,
        ))
    }

    /// Starts on `127.0.0.1` with a free port, on its own thread with its own tokio runtime.
    pub fn spawn_thread(opts: GenesysOptions) -> std::io::Result<Self> {
        let (std_listener, local, runtime) = own_runtime("graphwiz-genesys-emulator")?;
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(std_listener)?
        };
        let shared = prepare(&opts);
        let (tx, rx) = watch::channel(false);
        let app = router(shared.clone());
        let thread = std::thread::Builder::new()
            .name("graphwiz-genesys-emulator".to_string())
            .spawn(move || runtime.block_on(serve(listener, app, rx)))?;
        Ok(GenesysEmulator::running(
            local,
            opts.scenario,
            shared,
            tx,
            Some(thread),
        ))
    }

    /// The handle of a server on `addr` for `scenario`, stopped through `stop`; `thread` is the
    /// thread it runs on, if it has its own.
    fn running(
        addr: SocketAddr,
        scenario: GenesysScenario,
        shared: Arc<GenesysShared>,
        stop: watch::Sender<bool>,
        thread: Option<std::thread::JoinHandle<()>>,
    ) -> Self {
        GenesysEmulator {
            addr,
            base_url: format!("http://{addr}"),
            scenario,
            shared,
            stop: Some(stop),
            thread,
        }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash. Login and API share it.
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The scenario the organization was built from.
    pub fn scenario(&self) -> GenesysScenario {
        self.scenario
    }

    /// The OAuth client ID a person should use.
    pub fn client_id(&self) -> String {
        model::OAUTH_CLIENT_ID.to_string()
    }

    /// The OAuth client secret a person was handed (a demo value, not a real secret). In the
    /// `WrongOauthSecret` scenario the server refuses it.
    pub fn client_secret(&self) -> String {
        match self.scenario {
            GenesysScenario::WrongOauthSecret => model::WRONG_OAUTH_SECRET,
            _ => model::OAUTH_CLIENT_SECRET,
        }
        .to_string()
    }

    /// The id of the Microsoft Graph email integration.
    pub fn integration_id(&self) -> String {
        model::INTEGRATION_ID.to_string()
    }

    /// The Graph integration's `intendedState` and `reportedState.code` right now.
    pub fn integration_state(&self) -> (String, String) {
        let mut org = self.shared.org();
        org.settle(Utc::now());
        let g = &org.integrations[0];
        (g.intended.clone(), g.code.clone())
    }

    /// Sets the Graph integration's `intendedState` and `reportedState.code` directly (e.g. a
    /// disabled integration left behind), ending any transition under way.
    pub fn set_integration_state(&self, intended: &str, reported: &str) {
        self.shared
            .org()
            .set_graph_state(intended, reported, Utc::now());
    }

    /// Every answered request (the most recent 10,000) as (method, path with `?query`), oldest
    /// first. Bodies and headers are never recorded.
    pub fn requests(&self) -> Vec<(String, String)> {
        lock(&self.shared.log).iter().cloned().collect()
    }

    /// How many requests have arrived (counted as they arrive, before they are answered).
    pub fn request_count(&self) -> u64 {
        self.shared.count.load(Ordering::Relaxed)
    }

    /// A hook for [`crate::Emulator::on_pickup`] that creates an email conversation for every
    /// picked-up mail (started now), in the queue the route of its mailbox goes to (a route to a
    /// flow ends in the Support queue, a route with neither queue nor flow in no queue). Mail to a
    /// mailbox no route of the linked domain serves creates nothing.
    pub fn pickup_hook(&self) -> PickupHook {
        let shared = self.shared.clone();
        Arc::new(move |picked: PickedUp| conversation_api::create(&shared, &picked))
    }

    /// The addresses of the routes of the domain linked to the Graph integration (`support@` and
    /// `sales@` the domain, lower case): the mailboxes a consumer would serve; empty when no domain
    /// is linked.
    pub fn route_addresses(&self) -> Vec<String> {
        conversation::route_addresses(&self.shared.org())
    }

    /// Every email conversation, oldest first, as (conversation id, subject, queue id, ended).
    pub fn conversations(&self) -> Vec<(String, String, Option<String>, bool)> {
        lock(&self.shared.conversations)
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.subject.clone(),
                    c.destination.queue.as_ref().map(|q| q.id.clone()),
                    c.end.is_some(),
                )
            })
            .collect()
    }

    /// Connects the integration to a secret check, normally [`crate::Emulator::secret_validator`]
    /// of the Entra emulator: from now on enabling the integration (`PATCH` with
    /// `intendedState: ENABLED`) ends `ACTIVE` only when the credential's current client ID and
    /// secret are valid at the moment the request arrives, else `ERROR` with the detail "Unable
    /// to authenticate with Microsoft Graph: AADSTS7000215: Invalid client secret provided.".
    /// A scenario's own activation error still applies. Replaces an earlier validator.
    pub fn use_secret_validator(&self, v: SecretValidator) {
        *lock(&self.shared.validator) = Some(v);
    }

    /// Whether the credential's current client ID and secret are valid now, judged by the
    /// connected validator; `None` when no validator is connected.
    pub fn credential_secret_is_valid(&self) -> Option<bool> {
        secret_ok(&self.shared)
    }

    /// The client secret the integration's credential holds right now. For tests only: Genesys
    /// Cloud never shows a stored secret.
    pub fn credential_secret(&self) -> Option<String> {
        self.shared.org().cred.secret.clone()
    }

    /// Stops the server: open requests get a short grace period. When the emulator runs on its
    /// own thread, this waits for that thread to end.
    pub fn shutdown(mut self) {
        self.stop_server();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    fn stop_server(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(true);
        }
    }
}

impl Drop for GenesysEmulator {
    fn drop(&mut self) {
        self.stop_server();
    }
}
