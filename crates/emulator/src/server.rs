//! The HTTP side: shared state, the router that joins the Entra and Graph endpoints, the
//! middleware that counts requests as they arrive, applies the delay, records requests and
//! stalls the answer of [`crate::Options::stall_after_request`], and the serve loop with
//! shutdown.

use std::collections::{HashMap, VecDeque};
use std::future::IntoFuture;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use chrono::Utc;
use serde_json::Value;
use tokio::sync::watch;

use crate::fault::FaultSettings;
use crate::jwt::Signer;
use crate::mail::SyncStore;
use crate::model::Directory;
use crate::pickup::PickupState;
use crate::secrets::Replication;
use crate::signin::SigninState;
use crate::{AdminOutcome, RecordedRequest};

/// How many recorded requests are kept; older ones are dropped first.
pub(crate) const RECORD_LIMIT: usize = 10_000;

/// How long a shutdown waits for open requests before the server stops anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// State shared by every handler.
pub(crate) struct Shared {
    pub dir: Mutex<Directory>,
    pub signer: Signer,
    pub base_url: String,
    pub delay: Duration,
    pub retry_after: String,
    pub count: AtomicU64,
    pub log: Mutex<VecDeque<RecordedRequest>>,
    /// Time between an accepted sendMail and the message appearing in the recipients' inboxes.
    pub delivery_delay: Duration,
    /// What the administrator does on the authorize and admin consent pages.
    pub admin_outcome: AdminOutcome,
    /// How device code sign-ins behave.
    pub device: DeviceSettings,
    /// In-flight requests per mailbox address (Outlook allows four at a time).
    pub inflight: Mutex<HashMap<String, u32>>,
    /// Delta and paging tokens handed out by the mail endpoints.
    pub sync: Mutex<SyncStore>,
    /// Pending authorization codes and device codes.
    pub signin: Mutex<SigninState>,
    /// The simulated Genesys Cloud consumer: settings, hooks and pickups under way.
    pub pickup: PickupState,
    /// When secrets added by addPassword become usable ([`crate::Options::secret_replication`]).
    pub replication: Replication,
    /// Whether the administrator may add and remove the secrets of app registrations.
    pub admin_can_manage_apps: bool,
    /// The request (counted from 1 as it arrives) whose answer is held back until shutdown.
    pub stall_after_request: Option<u64>,
}

/// How device code sign-ins behave.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DeviceSettings {
    /// Polls answered `authorization_pending` before the outcome.
    pub pending_polls: u32,
    /// Whether the administrator approves or declines.
    pub outcome: AdminOutcome,
    /// The polling interval handed out, in seconds.
    pub interval_secs: u64,
    /// How long a device code lives.
    pub lifetime: Duration,
}

/// Locks a mutex even if a previous holder panicked.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    /// The directory, even if a previous holder of the lock panicked.
    pub fn dir(&self) -> MutexGuard<'_, Directory> {
        self.dir.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The recorded requests, even if a previous holder of the lock panicked.
    pub fn log(&self) -> MutexGuard<'_, VecDeque<RecordedRequest>> {
        self.log.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts one request as it arrives; returns its number, counted from 1.
    pub fn arrive(&self) -> u64 {
        self.count.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Counts and records a request the fault front answers itself (relayed ones are counted by
    /// the server behind it).
    pub fn record_answered_here(&self, rec: RecordedRequest) {
        self.arrive();
        self.record(rec);
    }

    /// Records one answered request (the oldest record goes beyond [`RECORD_LIMIT`]).
    pub fn record(&self, rec: RecordedRequest) {
        let mut log = self.log();
        if log.len() >= RECORD_LIMIT {
            log.pop_front();
        }
        log.push_back(rec);
    }

    /// The base URL as the client addressed it (from `Host`), or the bound one.
    pub fn request_base(&self, headers: &HeaderMap) -> String {
        let host = headers
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                !h.is_empty()
                    && h.len() <= 255
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
            });
        match host {
            Some(h) => format!("http://{h}"),
            None => self.base_url.clone(),
        }
    }
}

/// Builds the router with every endpoint. New endpoints are added here.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            any(crate::entra::discovery),
        )
        .route("/{tenant}/oauth2/v2.0/token", any(crate::entra::token))
        .route(
            "/{tenant}/oauth2/v2.0/authorize",
            any(crate::signin::authorize),
        )
        .route(
            "/{tenant}/oauth2/v2.0/devicecode",
            any(crate::signin::device_code),
        )
        .route("/{tenant}/adminconsent", any(crate::signin::admin_consent))
        .route(
            "/{tenant}/v2.0/adminconsent",
            any(crate::signin::admin_consent),
        )
        .route("/{tenant}/discovery/v2.0/keys", any(crate::entra::keys))
        .route("/v1.0/{*rest}", any(crate::graph::graph))
        .fallback(crate::graph::not_found)
        .layer(middleware::from_fn_with_state(shared.clone(), observe))
        .with_state(shared)
}

/// Counts the request, takes a mailbox concurrency slot when the request is for a mailbox, waits
/// the configured delay, answers (429 when the mailbox already has four requests in flight), then
/// records the request and its status; the answer of the stalled request is never sent.
async fn observe(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let number = s.arrive();
    let time = Utc::now();
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let slot = crate::mail::acquire_slot(&s, &path);
    if !s.delay.is_zero() {
        tokio::time::sleep(s.delay).await;
    }
    let resp = match &slot {
        Some(Err(())) => crate::graph::mailbox_concurrency_limited(req.headers(), &s.retry_after),
        _ => next.run(req).await,
    };
    drop(slot);
    s.record(RecordedRequest {
        method,
        path,
        query,
        status: resp.status().as_u16(),
        time,
    });
    if s.stall_after_request == Some(number) {
        stall_forever().await;
    }
    resp
}

/// Never completes: the request has been handled, but its answer is held back until the server
/// stops (shutdown drops the connection without an answer).
pub(crate) async fn stall_forever() {
    std::future::pending::<()>().await;
}

/// Serves until `stop` changes or its sender goes away, then shuts down gracefully.
pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    stop: watch::Receiver<bool>,
) {
    let mut graceful_rx = stop.clone();
    let mut hard_rx = stop;
    let server = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = graceful_rx.changed().await;
        })
        .into_future();
    let hard_stop = async move {
        let _ = hard_rx.changed().await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        _ = server => {}
        _ = hard_stop => {}
    }
}

/// Serves `public` until `stop` changes: with a fault, through the fault front (which hands
/// unaffected requests to the axum server on `internal`); without one, axum serves `public`.
pub(crate) async fn serve_all(
    public: tokio::net::TcpListener,
    internal: Option<(tokio::net::TcpListener, Arc<FaultSettings>)>,
    app: Router,
    shared: Arc<Shared>,
    stop: watch::Receiver<bool>,
) {
    match internal {
        Some((internal, settings)) => {
            tokio::join!(
                serve(internal, app, stop.clone()),
                crate::fault::front(public, settings, shared, stop)
            );
        }
        None => serve(public, app, stop).await,
    }
}

/// A JSON response with the given content type and status.
pub(crate) fn json_response(
    status: StatusCode,
    body: &Value,
    content_type: &'static str,
) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    let mut resp = (status, bytes).into_response();
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static(content_type),
    );
    resp
}

/// Sets a header when `value` is a valid header value; skips it otherwise.
pub(crate) fn set_header(resp: &mut Response, name: &'static str, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        resp.headers_mut().insert(name, v);
    }
}

/// A header's value as text, if present and printable.
pub(crate) fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Decodes `%XX` escapes (and `+` as space when asked); invalid escapes are kept as they are.
pub(crate) fn percent_decode(s: &str, plus_as_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' && i + 2 < bytes.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if plus_as_space && b == b'+' { b' ' } else { b });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first path segment (the tenant on login endpoints), percent-decoded.
pub(crate) fn first_segment(path: &str) -> String {
    let seg = path
        .strip_prefix('/')
        .unwrap_or(path)
        .split('/')
        .next()
        .unwrap_or("");
    percent_decode(seg, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b", false), "a b");
        assert_eq!(percent_decode("a+b", true), "a b");
        assert_eq!(percent_decode("a+b", false), "a+b");
        assert_eq!(percent_decode("%", false), "%");
        assert_eq!(percent_decode("%4", false), "%4");
        assert_eq!(percent_decode("%zz", false), "%zz");
        assert_eq!(percent_decode("%27x%27", false), "'x'");
        assert_eq!(percent_decode("%ff", false), "\u{fffd}");
    }

    #[test]
    fn first_segment_of_paths() {
        assert_eq!(first_segment("/contoso%20x/oauth2"), "contoso x");
        assert_eq!(first_segment("/"), "");
        assert_eq!(first_segment("//v2.0/x"), "");
    }
}
