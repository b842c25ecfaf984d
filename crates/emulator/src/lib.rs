//! graphwiz-emulator: a real HTTP server on loopback that answers like Entra ID
//! (login.microsoftonline.com) and Microsoft Graph, set up from named [`Scenario`]s, so the
//! graphwiz client can be tested, demonstrated and benchmarked without a real tenant.
//!
//! Login and Graph share one base URL. Start one with [`Emulator::start`] (inside a tokio
//! runtime) or [`Emulator::spawn_thread`] (on its own thread), then point the client's login and
//! Graph URLs at [`Emulator::base_url`] and use [`Emulator::demo`]'s credentials.
//!
//! Every tenant has mailboxes (`support@`, `sales@`, `unlicensed@`, `blocked@` its domain) served
//! by the Graph mail endpoints, and an administrator (`admin@` its domain) who signs in through
//! the authorize, device code and admin consent endpoints; [`Options`] decides how the
//! administrator answers.
//!
//! [`Options::fault`] injects what a broken network or proxy does (throttling that never clears,
//! resets, stalls, truncated or endless bodies, HTML or mislabelled answers) into the requests
//! [`Options::fault_target`] selects; see [`fault`].
//!
//! [`Options::pickup`] adds a simulated Genesys Cloud consumer that marks new mail of the
//! mailboxes it serves read after a delay and reports it to hooks ([`Emulator::on_pickup`]);
//! [`connect_pickup`] hands those reports to a [`GenesysEmulator`], which then creates email
//! conversations; see [`pickup`].
//!
//! Client-secret rotation: a delegated administrator token with `Application.ReadWrite.All` may
//! call `addPassword` and `removePassword` on an app registration (see [`rotation`]); new
//! secrets replicate for [`Options::secret_replication`] before the token endpoint accepts them,
//! and [`Emulator::secret_validator`] lets the [`GenesysEmulator`] judge its integration's
//! credential ([`GenesysEmulator::use_secret_validator`]). [`Options::stall_after_request`] holds
//! back the answer of one request after handling it, for tests that kill a client mid-way.
//!
//! Creating and repairing an app registration: the administrator's delegated token reads the
//! tenant's app management policy (`GET /policies/defaultAppManagementPolicy`,
//! [`Options::app_policy`], which addPassword obeys), creates an application
//! (`POST /applications`, found again by `$filter` on a tag or display name, changed with `PATCH`,
//! removed with `DELETE`) and its service principal (`POST /servicePrincipals`), assigns it
//! Microsoft Graph's app roles (`POST /servicePrincipals/{id}/appRoleAssignedTo`) and grants its
//! delegated scopes (`POST /oauth2PermissionGrants`); each operation needs the delegated scopes
//! of its permission table and a role that allows it ([`Options::admin_role`]). New objects stay
//! invisible for [`Options::object_replication`], as Entra replicates them.
//!
//! [`GenesysEmulator`] is a separate server with its own base URL that answers like the Genesys
//! Cloud Platform API of an organization with a Microsoft Graph email integration, set up from
//! named [`GenesysScenario`]s; see [`genesys`].
//!
//! Layout, from the bottom up (file by file, a module imports only modules below it):
//! - `wire` (HTTP helpers, locking); [`mailbox`], `scenario` and [`model`] (the directory);
//!   `secrets`; the data the endpoints remember (`mail::sync`, `signin::codes`, [`pickup`]'s
//!   settings and state); `state`, the state every handler shares;
//! - the wire formats: `aad` (Entra) and `graph::{error, path, request, auth}` (Graph);
//! - the handlers: `entra` (discovery, client credentials, keys), `signin` (authorize, admin
//!   consent, device code), `graph::{apps, delegated, objects}` (directory reads),
//!   `graph::{body, consent, setup}` (creating and repairing app registrations), `mail`,
//!   [`rotation`] and `pickup::delivery`, with `graph::endpoint` routing `/v1.0/…` to them;
//! - `server` (router, middleware, serve loop) and [`fault`]'s TCP front, which serve it all.
//!
//! [`genesys`] is its own server built the same way (error, options and state below its
//! endpoints).

mod aad;
mod entra;
pub mod exchange_log;
pub mod fault;
pub mod genesys;
mod graph;
mod jwt;
mod mail;
pub mod mailbox;
pub mod model;
pub mod pickup;
pub mod rotation;
mod scenario;
mod secrets;
mod server;
mod signin;
mod state;
mod wire;

use std::collections::{HashMap, VecDeque};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

pub use fault::{Fault, FaultTarget, UnknownFault, UnknownFaultTarget};
pub use genesys::{GenesysEmulator, GenesysOptions, GenesysScenario, UnknownGenesysScenario};
pub use mailbox::{MailboxBehaviour, MessageInfo};
pub use model::{DemoCredentials, Directory};
pub use pickup::{PickedUp, Pickup, PickupHook, PickupMode};
pub use scenario::{Scenario, UnknownScenario, POLICY_MAX_DAYS};
pub use secrets::SecretValidator;
pub use signin::scopes::DEFAULT_SCOPES;
pub use state::{AdminOutcome, AdminRole, AppPolicy, RecordedRequest};

use state::{DeviceSettings, Shared};

/// How the emulator is set up.
#[derive(Clone, Debug)]
pub struct Options {
    /// Tenant `i` is built from `tenants[i]`. An empty list means one healthy tenant.
    pub tenants: Vec<Scenario>,
    /// Added before answering every request.
    pub delay: Duration,
    /// How many Graph requests a throttled tenant answers with 429 first.
    pub throttle_count: u32,
    /// The `Retry-After` header value on 429 answers (seconds, may be fractional).
    pub retry_after: String,
    /// Time between an accepted sendMail and the message appearing in the recipients' inboxes.
    pub delivery_delay: Duration,
    /// What the administrator does on the authorize and admin consent pages.
    pub admin_outcome: AdminOutcome,
    /// How many device code polls answer `authorization_pending` before the outcome.
    pub device_pending_polls: u32,
    /// Whether the administrator approves or declines a device code sign-in.
    pub device_outcome: AdminOutcome,
    /// The device code polling interval handed out (`interval`), in seconds; polls sooner than
    /// this after the previous one answer `slow_down`. 0 disables the check.
    pub device_interval_secs: u64,
    /// How long a device code lives (`expires_in`, rounded up to whole seconds).
    pub device_code_lifetime: Duration,
    /// A fault to inject into the answers of [`Options::fault_target`] (see [`fault`]); its
    /// `Retry-After` (429/503) is [`Options::retry_after`]. `None`: no fault.
    pub fault: Option<Fault>,
    /// Which requests get [`Options::fault`].
    pub fault_target: FaultTarget,
    /// The simulated Genesys Cloud consumer that marks new mail of its mailboxes read (see
    /// [`pickup`]). `None`: nobody touches mail.
    pub pickup: Option<Pickup>,
    /// How long after addPassword the new secret is refused by the token endpoint (401
    /// AADSTS7000215, as a wrong secret) and by [`Emulator::secret_validator`]. Zero: usable at
    /// once.
    pub secret_replication: Duration,
    /// Whether the administrator is allowed to manage app registrations (owner or Application
    /// Administrator). `false`: addPassword and removePassword answer 403
    /// `Authorization_RequestDenied` even with `Application.ReadWrite.All`.
    pub admin_can_manage_apps: bool,
    /// The request, counted from 1 in the order requests arrive (every request this server gets,
    /// also refused or faulted ones), whose answer is held back until the emulator stops: it is
    /// fully handled (its effect is visible and it is recorded), but no answer is ever sent.
    /// `None`: every request is answered.
    pub stall_after_request: Option<u64>,
    /// What removePassword answers for a keyId the app does not have. Microsoft does not
    /// document it (404 `Request_ResourceNotFound` and 400 `Request_BadRequest` are both
    /// plausible), so graphwiz must handle either; tests run both.
    pub unknown_key_answer: UnknownKeyAnswer,
    /// Whether an app's own token may read its application object (`applications(appId='…')`).
    /// Microsoft documents that a service principal may read its own application; whether that
    /// holds by the `appId` alternate key for an app with only Mail permissions is not
    /// confirmed, so `false` answers 403 `Authorization_RequestDenied` and graphwiz must say what
    /// it could not verify instead of failing.
    pub own_registration_readable: bool,
    /// Every tenant's app also holds Directory.Read.All (Application) with admin consent, so its
    /// own token reads its permission grants and app role assignments (as the `directory-reads`
    /// scenario does for one tenant). `false`: as in real tenants, only a directory-reading app
    /// sees its grants.
    pub app_reads_directory: bool,
    /// The tenant's administrator is a guest (B2B) account, as an MSP's admin often is: its
    /// delegated tokens carry no `upn` claim, so who signed in is read from `/me`.
    pub admin_is_guest: bool,
    /// The tenant's app management policy, shown by `GET /policies/defaultAppManagementPolicy`
    /// and obeyed by addPassword on every app.
    pub app_policy: AppPolicy,
    /// The administrator's Entra role: what their delegated token may create, assign and grant
    /// beyond its scopes (see [`AdminRole`]), and the `wids` claim of their tokens.
    pub admin_role: AdminRole,
    /// How long an application or service principal created through Graph stays invisible
    /// after its creation, as Entra replicates it: GETs that name it answer 404
    /// `Request_ResourceNotFound`, app role assignments and grants naming it 400
    /// `Request_BadRequest`, and the token endpoint refuses the app's client credentials with
    /// AADSTS700016. Zero: visible at once.
    pub object_replication: Duration,
}

/// What removePassword answers for a keyId the app does not have ([`Options::unknown_key_answer`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownKeyAnswer {
    /// 404 `Request_ResourceNotFound`.
    #[default]
    NotFound,
    /// 400 `Request_BadRequest`.
    BadRequest,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tenants: vec![Scenario::Healthy],
            delay: Duration::ZERO,
            throttle_count: 2,
            retry_after: "0.2".to_string(),
            delivery_delay: Duration::from_millis(300),
            admin_outcome: AdminOutcome::Approve,
            device_pending_polls: 2,
            device_outcome: AdminOutcome::Approve,
            device_interval_secs: 5,
            device_code_lifetime: Duration::from_secs(900),
            fault: None,
            fault_target: FaultTarget::All,
            pickup: None,
            secret_replication: Duration::ZERO,
            admin_can_manage_apps: true,
            stall_after_request: None,
            unknown_key_answer: UnknownKeyAnswer::NotFound,
            own_registration_readable: true,
            app_reads_directory: false,
            admin_is_guest: false,
            app_policy: AppPolicy::None,
            admin_role: AdminRole::GlobalAdministrator,
            object_replication: Duration::ZERO,
        }
    }
}

impl Options {
    /// One tenant built from `s`, other options at their defaults.
    pub fn scenario(s: Scenario) -> Self {
        Options {
            tenants: vec![s],
            ..Options::default()
        }
    }
}

/// A running emulator. Dropping it stops the server.
pub struct Emulator {
    addr: SocketAddr,
    base_url: String,
    shared: Arc<Shared>,
    credentials: Vec<DemoCredentials>,
    stop: Option<watch::Sender<bool>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("base_url", &self.base_url)
            .field("tenants", &self.credentials.len())
            .finish_non_exhaustive()
    }
}

struct Prepared {
    shared: Arc<Shared>,
    credentials: Vec<DemoCredentials>,
    fault: Option<(Fault, FaultTarget)>,
}

/// With a fault, the loopback listener of the normal server behind the fault front.
fn internal_listener(
    fault: Option<(Fault, FaultTarget)>,
) -> std::io::Result<Option<std::net::TcpListener>> {
    if fault.is_none() {
        return Ok(None);
    }
    let l = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
    l.set_nonblocking(true)?;
    Ok(Some(l))
}

/// Pairs the internal listener (inside a tokio runtime) with the fault settings.
fn with_fault(
    internal: Option<std::net::TcpListener>,
    fault: Option<(Fault, FaultTarget)>,
    retry_after: &str,
) -> std::io::Result<Option<(tokio::net::TcpListener, Arc<fault::FaultSettings>)>> {
    let (Some(l), Some((fault, target))) = (internal, fault) else {
        return Ok(None);
    };
    let internal = l.local_addr()?;
    Ok(Some((
        tokio::net::TcpListener::from_std(l)?,
        Arc::new(fault::FaultSettings {
            fault,
            target,
            retry_after: retry_after.to_string(),
            internal,
        }),
    )))
}

fn prepare(opts: Options, addr: SocketAddr) -> Prepared {
    let tenants = if opts.tenants.is_empty() {
        vec![Scenario::Healthy]
    } else {
        opts.tenants
    };
    let fault = opts.fault.map(|f| (f, opts.fault_target));
    let (mut dir, credentials) = model::build_directory(&tenants, opts.throttle_count, Utc::now());
    for app in dir.tenants.iter_mut().flat_map(|t| t.apps.iter_mut()) {
        app.reads_own_registration = opts.own_registration_readable;
        if opts.app_reads_directory {
            app.grant_directory_reads();
        }
    }
    let shared = Arc::new(Shared {
        dir: Mutex::new(dir),
        signer: jwt::Signer::random(),
        base_url: format!("http://{addr}"),
        delay: opts.delay,
        retry_after: opts.retry_after,
        count: AtomicU64::new(0),
        log: Mutex::new(VecDeque::new()),
        delivery_delay: opts.delivery_delay,
        admin_outcome: opts.admin_outcome,
        device: DeviceSettings {
            pending_polls: opts.device_pending_polls,
            outcome: opts.device_outcome,
            interval_secs: opts.device_interval_secs,
            lifetime: opts.device_code_lifetime,
        },
        inflight: Mutex::new(HashMap::new()),
        sync: Mutex::new(mail::sync::SyncStore::default()),
        signin: Mutex::new(signin::codes::SigninState::default()),
        pickup: pickup::PickupState::new(opts.pickup),
        replication: secrets::Replication::new(opts.secret_replication),
        admin_can_manage_apps: opts.admin_can_manage_apps,
        stall_after_request: opts.stall_after_request,
        unknown_key_answer: opts.unknown_key_answer,
        admin_is_guest: opts.admin_is_guest,
        // A policy scenario sets the tenant's app management policy.
        app_policy: tenants
            .iter()
            .find_map(|t| t.app_policy())
            .unwrap_or(opts.app_policy),
        admin_role: opts.admin_role,
        object_replication: secrets::Replication::new(opts.object_replication),
    });
    Prepared {
        shared,
        credentials,
        fault,
    }
}

impl Emulator {
    /// Starts on `127.0.0.1` with a free port, serving on the current tokio runtime.
    pub async fn start(opts: Options) -> std::io::Result<Emulator> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), opts).await
    }

    /// Starts on `addr`, which must be a loopback address, serving on the current tokio runtime.
    pub async fn start_on(addr: SocketAddr, opts: Options) -> std::io::Result<Emulator> {
        server::refuse_non_loopback(&addr)?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let p = prepare(opts, local);
        p.shared
            .pickup
            .set_runtime(tokio::runtime::Handle::current());
        let internal = with_fault(internal_listener(p.fault)?, p.fault, &p.shared.retry_after)?;
        let (tx, rx) = watch::channel(false);
        let app = server::router(p.shared.clone());
        tokio::spawn(server::serve_all(
            listener,
            internal,
            app,
            p.shared.clone(),
            rx,
        ));
        Ok(Emulator::running(p, local, tx, None))
    }

    /// Starts on `127.0.0.1` with a free port, on its own thread with its own tokio runtime.
    pub fn spawn_thread(opts: Options) -> std::io::Result<Emulator> {
        let (std_listener, local, runtime) = server::own_runtime("graphwiz-emulator")?;
        let p = prepare(opts, local);
        p.shared.pickup.set_runtime(runtime.handle().clone());
        let (listener, internal) = {
            let _guard = runtime.enter();
            (
                tokio::net::TcpListener::from_std(std_listener)?,
                with_fault(internal_listener(p.fault)?, p.fault, &p.shared.retry_after)?,
            )
        };
        let (tx, rx) = watch::channel(false);
        let app = server::router(p.shared.clone());
        let shared = p.shared.clone();
        let thread = std::thread::Builder::new()
            .name("graphwiz-emulator".to_string())
            .spawn(move || {
                runtime.block_on(server::serve_all(listener, internal, app, shared, rx));
            })?;
        Ok(Emulator::running(p, local, tx, Some(thread)))
    }

    /// The handle of a server started from `p` on `addr`, stopped through `stop`; `thread` is
    /// the thread it runs on, if it has its own.
    fn running(
        p: Prepared,
        addr: SocketAddr,
        stop: watch::Sender<bool>,
        thread: Option<std::thread::JoinHandle<()>>,
    ) -> Emulator {
        Emulator {
            addr,
            base_url: p.shared.base_url.clone(),
            shared: p.shared,
            credentials: p.credentials,
            stop: Some(stop),
            thread,
        }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash. Login and Graph share it.
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The credentials a person should use for tenant `tenant_index`.
    pub fn credentials(&self, tenant_index: usize) -> Option<DemoCredentials> {
        self.credentials.get(tenant_index).cloned()
    }

    /// The credentials for tenant 0.
    pub fn demo(&self) -> DemoCredentials {
        // There is always at least one tenant: an empty scenario list becomes one healthy tenant.
        self.credentials
            .first()
            .cloned()
            .unwrap_or_else(|| DemoCredentials {
                tenant_id: model::demo::TENANT_ID.to_string(),
                tenant_domain: model::demo::TENANT_DOMAIN.to_string(),
                client_id: model::demo::CLIENT_ID.to_string(),
                client_secret: model::demo::SECRET_VALUE.to_string(),
            })
    }

    /// How many requests have arrived (counted as they arrive, before they are answered).
    pub fn request_count(&self) -> u64 {
        self.shared.count.load(Ordering::Relaxed)
    }

    /// The most recent answered requests (up to 10,000), oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.log().iter().cloned().collect()
    }

    /// Changes the directory while the server runs (e.g. to grant admin consent).
    pub fn update_directory<R>(&self, f: impl FnOnce(&mut Directory) -> R) -> R {
        f(&mut self.shared.dir())
    }

    /// The mailboxes of tenant `tenant_index` and their own behaviour (an application access
    /// policy of the `rbac-scoped` scenario is not reflected here); empty for an unknown index.
    pub fn mailbox_addresses(&self, tenant_index: usize) -> Vec<(String, MailboxBehaviour)> {
        self.shared
            .dir()
            .tenants
            .get(tenant_index)
            .map(|t| {
                t.mailboxes
                    .iter()
                    .map(|m| (m.address.clone(), m.behaviour))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn folder_infos(&self, address: &str, kind: mailbox::FolderKind) -> Vec<MessageInfo> {
        let mut dir = self.shared.dir();
        pickup::delivery::settle(&self.shared, &mut dir, Utc::now());
        let Some(mb) = dir.mailbox(address) else {
            return Vec::new();
        };
        let mut list: Vec<&mailbox::Message> = mb.folder(kind).iter().collect();
        mailbox::sort_messages(&mut list, &[]);
        list.into_iter().map(mailbox::Message::info).collect()
    }

    /// The messages in a mailbox's Inbox (any tenant, address in any case), newest first; empty
    /// for an unknown address.
    pub fn inbox(&self, address: &str) -> Vec<MessageInfo> {
        self.folder_infos(address, mailbox::FolderKind::Inbox)
    }

    /// The messages in a mailbox's Sent Items, newest first; empty for an unknown address.
    pub fn sent_items(&self, address: &str) -> Vec<MessageInfo> {
        self.folder_infos(address, mailbox::FolderKind::SentItems)
    }

    /// Drops a message from an outside sender (`sender@external.example`) into the Inbox of the
    /// mailbox `to` right away; does nothing when no mailbox has that address.
    pub fn deliver_external(&self, to: &str, subject: &str) {
        let now = Utc::now();
        let msg = mail::send::external_message(to, subject, now);
        pickup::delivery::deliver(&self.shared, &msg, &[to.trim().to_string()], now);
    }

    /// Registers a hook called with every mail the simulated Genesys Cloud consumer reports
    /// ([`Options::pickup`]), on a timer task right after the mail is marked read. Hooks must not
    /// block for long.
    pub fn on_pickup(&self, hook: PickupHook) {
        self.shared.pickup.add_hook(hook);
    }

    /// Replaces the simulated consumer's settings while the server runs; applies to mail arriving
    /// afterwards. `None` switches the consumer off.
    pub fn set_pickup(&self, pickup: Option<Pickup>) {
        self.shared.pickup.set(pickup);
    }

    /// A check other servers can ask whether a client secret of an app of this emulator is
    /// accepted right now: the app exists in any tenant, the secret is one of its registered
    /// secrets, has not expired, has replicated ([`crate::Options::secret_replication`]) and has
    /// not been removed. Whether the app is enabled is not judged. Once this emulator is dropped
    /// the check answers `false`.
    pub fn secret_validator(&self) -> SecretValidator {
        let weak: Weak<Shared> = Arc::downgrade(&self.shared);
        Arc::new(move |client_id: &str, secret: &str| {
            weak.upgrade().is_some_and(|s| {
                secrets::secret_is_valid(&s.dir(), &s.replication, client_id, secret, Utc::now())
            })
        })
    }

    /// The secrets registered on the app of tenant `tenant_index`, in the order they were added,
    /// as (keyId, displayName, endDateTime); empty for an unknown index. For tests.
    pub fn password_credentials(
        &self,
        tenant_index: usize,
    ) -> Vec<(String, String, DateTime<Utc>)> {
        self.shared
            .dir()
            .tenants
            .get(tenant_index)
            .and_then(|t| t.apps.first())
            .map(|app| {
                app.password_credentials
                    .iter()
                    .map(|c| (c.key_id.clone(), c.display_name.clone(), c.end))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The UPN of tenant `tenant_index`'s administrator (`admin@{domain}`).
    pub fn admin_upn(&self, tenant_index: usize) -> Option<String> {
        self.shared
            .dir()
            .tenants
            .get(tenant_index)
            .map(|t| t.admin.upn.clone())
    }

    /// Stops the server: open requests get a short grace period. When the emulator runs on its own
    /// thread, this waits for that thread to end.
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

/// Hands every mail the simulated consumer of `emu` reports to `genesys`, which creates an email
/// conversation for it ([`GenesysEmulator::pickup_hook`]). The consumer itself is set up with
/// [`Options::pickup`] or [`Emulator::set_pickup`].
pub fn connect_pickup(emu: &Emulator, genesys: &GenesysEmulator) {
    emu.on_pickup(genesys.pickup_hook());
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop_server();
    }
}
