//! The HTTP side of the Entra and Graph server: the router that joins the Entra and Graph
//! endpoints, the middleware that counts requests as they arrive, applies the delay, records
//! requests and stalls the answer of [`crate::Options::stall_after_request`], and the serve loop
//! with shutdown (which the Genesys Cloud server uses too).

use std::future::IntoFuture;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use chrono::Utc;
use tokio::sync::watch;

use crate::entra;
use crate::exchange_log::{self, Service};
use crate::fault::{self, FaultSettings};
use crate::graph::endpoint;
use crate::graph::error::mailbox_concurrency_limited;
use crate::mail::slots::acquire_slot;
use crate::signin::{authorize, device};
use crate::state::{RecordedRequest, Shared};

/// How long a shutdown waits for open requests before the server stops anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// Refuses to listen on anything but a loopback address: the servers hand out demo secrets and
/// tokens.
pub(crate) fn refuse_non_loopback(addr: &SocketAddr) -> std::io::Result<()> {
    if addr.ip().is_loopback() {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "refusing to listen on {addr}: the emulator hands out demo secrets and tokens, so it only listens on loopback addresses (127.0.0.1 or ::1)"
            ),
        ))
    }
}

/// A listener on a free `127.0.0.1` port (non-blocking, ready for tokio), its address, and a
/// two-worker tokio runtime with threads named `thread_name`, for a server on its own thread.
pub(crate) fn own_runtime(
    thread_name: &str,
) -> std::io::Result<(std::net::TcpListener, SocketAddr, tokio::runtime::Runtime)> {
    let std_listener = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
    std_listener.set_nonblocking(true)?;
    let local = std_listener.local_addr()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name(thread_name)
        .enable_all()
        .build()?;
    Ok((std_listener, local, runtime))
}

/// Builds the router with every endpoint. New endpoints are added here.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            any(entra::discovery),
        )
        .route("/{tenant}/oauth2/v2.0/token", any(entra::token))
        .route("/{tenant}/oauth2/v2.0/authorize", any(authorize::authorize))
        .route("/{tenant}/oauth2/v2.0/devicecode", any(device::device_code))
        .route("/{tenant}/adminconsent", any(authorize::admin_consent))
        .route("/{tenant}/v2.0/adminconsent", any(authorize::admin_consent))
        .route("/{tenant}/discovery/v2.0/keys", any(entra::keys))
        .route("/v1.0/{*rest}", any(endpoint::graph))
        .fallback(endpoint::not_found)
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
    let slot = acquire_slot(&s, &path);
    if !s.delay.is_zero() {
        tokio::time::sleep(s.delay).await;
    }
    let resp = match &slot {
        Some(Err(())) => mailbox_concurrency_limited(req.headers(), &s.retry_after),
        _ => exchange_log::around(Service::EntraOrGraph, req, |r| next.run(r)).await,
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
                fault::front::front(public, settings, shared, stop)
            );
        }
        None => serve(public, app, stop).await,
    }
}
