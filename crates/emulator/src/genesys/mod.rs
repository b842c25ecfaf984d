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
mod model;
mod scenario;

use std::collections::VecDeque;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use chrono::Utc;
use tokio::sync::watch;

pub use scenario::{GenesysScenario, UnknownGenesysScenario};

use crate::server::{lock, RECORD_LIMIT};
use model::Org;

/// How the Genesys Cloud emulator is set up.
#[derive(Clone, Debug)]
pub struct GenesysOptions {
    /// How the organization and its integration are set up.
    pub scenario: GenesysScenario,
    /// Azure tenant GUID the emulated Graph integration is configured with.
    pub azure_tenant_id: String,
    /// Azure app client ID the emulated Graph integration's credential carries.
    pub azure_client_id: String,
    /// The inbound email domain linked to the Graph integration (e.g. the Entra emulator's
    /// tenant domain); the routes `support` and `sales` are its mailbox local parts.
    pub domain: String,
    /// Added before answering every request (benchmarks inject a round-trip time).
    pub delay: Duration,
    /// Time each restart transition takes (`DEACTIVATING`→`INACTIVE`,
    /// `ACTIVATING`→`ACTIVE`/`ERROR`).
    pub transition: Duration,
    /// How many API requests the `Throttled` scenario answers 429 first.
    pub throttle_count: u32,
    /// The `Retry-After` header value on 429 answers, in seconds.
    pub retry_after: String,
    /// How long after a conversation starts (and after it ends) the analytics details query shows
    /// it (its end); `GET /api/v2/conversations/emails/{id}` shows changes at once.
    pub analytics_lag: Duration,
    /// The client secret the integration's credential holds at the start (the default is the
    /// demo tenant's secret). It only matters once a validator is connected
    /// ([`GenesysEmulator::use_secret_validator`]); `None`: no secret, so enabling then fails.
    pub initial_secret: Option<String>,
    /// The request, counted from 1 in the order requests arrive (every request this server gets,
    /// also refused ones), whose answer is held back until the emulator stops: it is fully
    /// handled (its effect is visible and it is recorded), but no answer is ever sent. `None`:
    /// every request is answered.
    pub stall_after_request: Option<u64>,
}

impl Default for GenesysOptions {
    fn default() -> Self {
        GenesysOptions {
            scenario: GenesysScenario::Healthy,
            azure_tenant_id: crate::model::demo::TENANT_ID.to_string(),
            azure_client_id: crate::model::demo::CLIENT_ID.to_string(),
            domain: crate::model::demo::TENANT_DOMAIN.to_string(),
            delay: Duration::ZERO,
            transition: Duration::from_millis(300),
            throttle_count: 2,
            retry_after: "1".to_string(),
            analytics_lag: Duration::from_secs(1),
            initial_secret: Some(crate::model::demo::SECRET_VALUE.to_string()),
            stall_after_request: None,
        }
    }
}

impl GenesysOptions {
    /// The organization `s` describes, other options at their defaults.
    pub fn scenario(s: GenesysScenario) -> Self {
        GenesysOptions {
            scenario: s,
            ..GenesysOptions::default()
        }
    }
}

/// State shared by every Genesys handler.
pub(crate) struct GenesysShared {
    org: Mutex<Org>,
    delay: Duration,
    retry_after: String,
    count: AtomicU64,
    log: Mutex<VecDeque<(String, String)>>,
    /// Email conversations, oldest first.
    conversations: Mutex<Vec<conversation::Conversation>>,
    /// [`GenesysOptions::analytics_lag`].
    analytics_lag: chrono::Duration,
    /// The Entra emulator's secret check, once connected.
    validator: Mutex<Option<crate::SecretValidator>>,
    /// [`GenesysOptions::stall_after_request`].
    stall_after_request: Option<u64>,
}

impl GenesysShared {
    /// The organization, even if a previous holder of the lock panicked.
    pub(crate) fn org(&self) -> MutexGuard<'_, Org> {
        lock(&self.org)
    }

    /// Uses up one throttled answer; true when this request is to be answered 429.
    pub(crate) fn take_throttle(&self) -> bool {
        let mut org = self.org();
        if org.throttle_left == 0 {
            return false;
        }
        org.throttle_left -= 1;
        true
    }
}

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
    let resp = next.run(req).await;
    {
        let mut log = lock(&s.log);
        if log.len() >= RECORD_LIMIT {
            log.pop_front();
        }
        log.push_back((method, target));
    }
    if s.stall_after_request == Some(number) {
        crate::server::stall_forever().await;
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

fn prepare(opts: &GenesysOptions) -> Arc<GenesysShared> {
    Arc::new(GenesysShared {
        org: Mutex::new(Org::new(opts, Utc::now())),
        delay: opts.delay,
        retry_after: opts.retry_after.clone(),
        count: AtomicU64::new(0),
        log: Mutex::new(VecDeque::new()),
        conversations: Mutex::new(Vec::new()),
        analytics_lag: chrono::Duration::from_std(opts.analytics_lag)
            .unwrap_or_else(|_| chrono::Duration::days(3650)),
        validator: Mutex::new(None),
        stall_after_request: opts.stall_after_request,
    })
}

impl GenesysEmulator {
    /// Starts on `127.0.0.1` with a free port, serving on the current tokio runtime.
    pub async fn start(opts: GenesysOptions) -> std::io::Result<Self> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), opts).await
    }

    /// Starts on `addr`, which must be a loopback address, serving on the current tokio runtime.
    pub async fn start_on(addr: SocketAddr, opts: GenesysOptions) -> std::io::Result<Self> {
        crate::refuse_non_loopback(&addr)?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let shared = prepare(&opts);
        let (tx, rx) = watch::channel(false);
        tokio::spawn(crate::server::serve(listener, router(shared.clone()), rx));
        Ok(GenesysEmulator {
            addr: local,
            base_url: format!("http://{local}"),
            scenario: opts.scenario,
            shared,
            stop: Some(tx),
            thread: None,
        })
    }

    /// Starts on `127.0.0.1` with a free port, on its own thread with its own tokio runtime.
    pub fn spawn_thread(opts: GenesysOptions) -> std::io::Result<Self> {
        let std_listener = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
        std_listener.set_nonblocking(true)?;
        let local = std_listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("graphwiz-genesys-emulator")
            .enable_all()
            .build()?;
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(std_listener)?
        };
        let shared = prepare(&opts);
        let (tx, rx) = watch::channel(false);
        let app = router(shared.clone());
        let thread = std::thread::Builder::new()
            .name("graphwiz-genesys-emulator".to_string())
            .spawn(move || runtime.block_on(crate::server::serve(listener, app, rx)))?;
        Ok(GenesysEmulator {
            addr: local,
            base_url: format!("http://{local}"),
            scenario: opts.scenario,
            shared,
            stop: Some(tx),
            thread: Some(thread),
        })
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
    pub fn pickup_hook(&self) -> crate::PickupHook {
        let shared = self.shared.clone();
        Arc::new(move |picked: crate::PickedUp| conversation_api::create(&shared, &picked))
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
