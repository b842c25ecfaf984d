//! Microsoft Graph mail endpoints with application permissions: mail folders, message lists
//! with `$filter`/`$orderby`/`$select`/`$top` and paging, delta queries, reading, marking and
//! deleting messages, and sendMail with delivery after a delay to every mailbox of every tenant.
//! Also Outlook's limit of four concurrent requests per mailbox, enforced by the server's
//! middleware through [`acquire_slot`].
//!
//! Permission checks use the caller token's `roles`: reading needs Mail.ReadWrite (Mail.Read is
//! accepted too), changing or deleting needs Mail.ReadWrite, sending needs Mail.Send. Delegated
//! tokens are refused with `ErrorAccessDenied` (the administrator has no mailbox here).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use axum::http::{Method, StatusCode};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::graph::{parse_path, resolve, Answer, GraphError, GraphRequest, Key, Resource};
use crate::mailbox::{
    message_json, new_internet_message_id, new_message_id, orderby_fits_filter, parse_filter,
    parse_orderby, parse_select, sort_messages, EmailAddress, FolderKind, Mailbox,
    MailboxBehaviour, Message, MessageFilter, Selection,
};
use crate::model::Directory;
use crate::scenario::Scenario;
use crate::server::{lock, Shared};

/// Outlook's limit of concurrent requests per mailbox.
pub(crate) const MAILBOX_CONCURRENCY: u32 = 4;

/// How many delta and paging tokens are remembered; older ones are forgotten first.
const SYNC_LIMIT: usize = 10_000;

/// Default and largest `$top`.
const DEFAULT_TOP: usize = 10;
const MAX_TOP: usize = 1000;

/// At most this many custom internet message headers per message.
const MAX_CUSTOM_HEADERS: usize = 5;

/// A mail resource under `/users/{upn}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MailPath {
    /// `mailFolders`
    Folders,
    /// `mailFolders/{name-or-id}`
    Folder(String),
    /// `mailFolders/{name-or-id}/messages`
    FolderMessages(String),
    /// `mailFolders/{name-or-id}/messages/delta`
    FolderDelta(String),
    /// `messages`
    Messages,
    /// `messages/{id}` (also under a folder)
    Message(String),
    /// `sendMail`
    SendMail,
}

/// A held concurrency slot; releases it when dropped.
pub(crate) struct SlotGuard {
    shared: Arc<Shared>,
    key: String,
}

impl Drop for SlotGuard {
    fn drop(&mut self) {
        let mut map = lock(&self.shared.inflight);
        if let Some(n) = map.get_mut(&self.key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.key);
            }
        }
    }
}

/// For a mailbox request, takes one of the mailbox's four slots (`Some(Ok)`) or reports that all
/// are taken (`Some(Err)`); `None` for every other request.
pub(crate) fn acquire_slot(s: &Arc<Shared>, path: &str) -> Option<Result<SlotGuard, ()>> {
    let rest = path.strip_prefix("/v1.0/")?;
    let Some(Resource::Mail(user, _)) = resolve(&parse_path(rest)) else {
        return None;
    };
    let key = s
        .dir()
        .mailbox(&user.value)
        .map(|m| m.address.clone())
        .unwrap_or_else(|| user.value.trim().to_lowercase());
    let mut map = lock(&s.inflight);
    let n = map.entry(key.clone()).or_insert(0);
    if *n >= MAILBOX_CONCURRENCY {
        return Some(Err(()));
    }
    *n += 1;
    Some(Ok(SlotGuard {
        shared: s.clone(),
        key,
    }))
}

/// Where a delta round stands.
#[derive(Clone, Debug)]
pub(crate) struct SyncState {
    tenant_id: String,
    address: String,
    folder: FolderKind,
    /// Changes after this counter value are reported.
    since: u64,
    /// The counter value the round reports up to (set while paging).
    upto: Option<u64>,
    /// The last change already reported in this round (while paging).
    after: u64,
    select: Option<String>,
    filter: Option<String>,
    page_size: usize,
}

/// Delta (`$deltatoken`) and delta paging (`$skiptoken`) states by token.
#[derive(Debug, Default)]
pub(crate) struct SyncStore {
    states: HashMap<String, SyncState>,
    order: VecDeque<String>,
}

impl SyncStore {
    fn insert(&mut self, state: SyncState) -> String {
        let mut bytes = Vec::with_capacity(32);
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        use base64::Engine as _;
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        if self.order.len() >= SYNC_LIMIT {
            if let Some(old) = self.order.pop_front() {
                self.states.remove(&old);
            }
        }
        self.order.push_back(token.clone());
        self.states.insert(token.clone(), state);
        token
    }
}

fn access_denied() -> GraphError {
    GraphError::new(
        StatusCode::FORBIDDEN,
        "ErrorAccessDenied",
        "Access is denied. Check credentials and try again.",
    )
}

fn odata_disabled() -> GraphError {
    GraphError::new(
        StatusCode::FORBIDDEN,
        "ErrorAccessDenied",
        "Access to OData is disabled.",
    )
}

fn not_enabled() -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "MailboxNotEnabledForRESTAPI",
        "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
    )
}

fn invalid_user(x: &str) -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "ErrorInvalidUser",
        format!("The requested user '{x}' is invalid."),
    )
}

fn item_not_found() -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "ErrorItemNotFound",
        "The specified object was not found in the store.",
    )
}

fn bad(code: &'static str, message: impl Into<String>) -> GraphError {
    GraphError::bad_request_code(code, message)
}

fn unknown_property(p: &str) -> GraphError {
    bad(
        "RequestBroker--ParseUri",
        format!("Could not find a property named '{p}' on type 'microsoft.graph.message'."),
    )
}

fn invalid_filter(detail: &str) -> GraphError {
    bad(
        "ErrorInvalidUrlQueryFilter",
        format!("The query filter contains one or more invalid nodes. {detail}."),
    )
}

fn parse_json_body(body: &[u8]) -> Result<Value, GraphError> {
    serde_json::from_slice(body).map_err(|_| {
        bad(
            "BadRequest",
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        )
    })
}

/// Answers a mailbox request. Called with the directory locked.
pub(crate) fn handle(
    s: &Arc<Shared>,
    dir: &mut Directory,
    ti: usize,
    req: &GraphRequest<'_>,
    user: &Key,
    path: &MailPath,
    body: &[u8],
) -> Result<Answer, GraphError> {
    let method = req.method;
    let allowed = match path {
        MailPath::SendMail => *method == Method::POST,
        MailPath::Message(_) => {
            *method == Method::GET || *method == Method::PATCH || *method == Method::DELETE
        }
        _ => *method == Method::GET,
    };
    if !allowed {
        return Err(GraphError::method_not_allowed());
    }
    crate::pickup::settle(s, dir, Utc::now());
    let json_body = if *method == Method::POST || *method == Method::PATCH {
        Some(parse_json_body(body)?)
    } else {
        None
    };

    // Permissions from the token, then the mailbox and what may reach it.
    let caller = req.caller;
    if caller.is_delegated() {
        return Err(access_denied());
    }
    let permitted = if *method == Method::POST {
        caller.has_role("Mail.Send")
    } else if *method == Method::GET {
        caller.has_role("Mail.ReadWrite") || caller.has_role("Mail.Read")
    } else {
        caller.has_role("Mail.ReadWrite")
    };
    let tenant = dir
        .tenants
        .get(ti)
        .ok_or_else(|| GraphError::unauthenticated("Access token validation failure."))?;
    let app = tenant
        .app(&caller.app_id)
        .ok_or_else(|| GraphError::unauthenticated("Access token validation failure."))?;
    if !permitted {
        return Err(access_denied());
    }
    let mi = tenant
        .mailboxes
        .iter()
        .position(|m| m.is_named(&user.value))
        .ok_or_else(|| invalid_user(&user.value))?;
    let mb = &tenant.mailboxes[mi];
    match mb.behaviour {
        MailboxBehaviour::Healthy => {}
        MailboxBehaviour::Unlicensed => return Err(not_enabled()),
        MailboxBehaviour::PolicyBlocked => return Err(odata_disabled()),
    }
    if let Some(scope) = &app.mailbox_scope {
        if !scope.iter().any(|a| a.eq_ignore_ascii_case(&mb.address)) {
            return Err(odata_disabled());
        }
    }
    let ok = |v: Value| Ok(Answer::Json(StatusCode::OK, v));
    match path {
        MailPath::Folders => {
            let items: Vec<Value> = [FolderKind::Inbox, FolderKind::SentItems]
                .into_iter()
                .map(|k| folder_json(mb, k))
                .collect();
            ok(json!({
                "@odata.context": format!("{}/v1.0/$metadata#users('{}')/mailFolders", req.base, mb.address),
                "value": items,
            }))
        }
        MailPath::Folder(name) => {
            let kind = mb.folder_named(name).ok_or_else(item_not_found)?;
            let mut v = folder_json(mb, kind);
            if let Some(sel) = req.query.get("$select").filter(|s| !s.trim().is_empty()) {
                if let Value::Object(m) = &mut v {
                    let keep: Vec<String> =
                        sel.split(',').map(|p| p.trim().to_lowercase()).collect();
                    m.retain(|k, _| k == "id" || keep.contains(&k.to_lowercase()));
                }
            }
            if let Value::Object(m) = &mut v {
                m.insert(
                    "@odata.context".into(),
                    json!(format!(
                        "{}/v1.0/$metadata#users('{}')/mailFolders/$entity",
                        req.base, mb.address
                    )),
                );
            }
            ok(v)
        }
        MailPath::FolderMessages(name) => {
            let kind = mb.folder_named(name).ok_or_else(item_not_found)?;
            list(req, mb, Some(kind)).and_then(ok)
        }
        MailPath::Messages => list(req, mb, None).and_then(ok),
        MailPath::FolderDelta(name) => {
            let kind = mb.folder_named(name).ok_or_else(item_not_found)?;
            let tid = tenant.id.clone();
            delta(s, req, &tid, mb, kind).and_then(ok)
        }
        MailPath::Message(id) => {
            let select =
                parse_select(req.query.get("$select")).map_err(|p| unknown_property(&p))?;
            let context = format!(
                "{}/v1.0/$metadata#users('{}')/messages/$entity",
                req.base, mb.address
            );
            let with_context = |mut v: Value| {
                if let Value::Object(m) = &mut v {
                    m.insert("@odata.context".into(), json!(context));
                }
                v
            };
            if *method == Method::GET {
                let (kind, m) = mb.find(id).ok_or_else(item_not_found)?;
                return ok(with_context(message_json(m, mb.folder_id(kind), &select)));
            }
            let mb = dir
                .tenants
                .get_mut(ti)
                .and_then(|t| t.mailboxes.get_mut(mi))
                .ok_or_else(item_not_found)?;
            if *method == Method::DELETE {
                return if mb.remove(id) {
                    Ok(Answer::Empty(StatusCode::NO_CONTENT))
                } else {
                    Err(item_not_found())
                };
            }
            // PATCH
            let patch = json_body.unwrap_or(Value::Null);
            let Value::Object(fields) = patch else {
                return Err(bad("BadRequest", "The request body must be a JSON object."));
            };
            let is_read = match fields.get("isRead") {
                None => None,
                Some(Value::Bool(b)) => Some(*b),
                Some(_) => {
                    return Err(bad(
                        "BadRequest",
                        "Cannot convert the literal to the expected type 'Edm.Boolean' for property 'isRead'.",
                    ))
                }
            };
            mb.find(id).ok_or_else(item_not_found)?;
            let kind = mb
                .update(id, Utc::now(), |m| {
                    if let Some(b) = is_read {
                        m.is_read = b;
                    }
                })
                .ok_or_else(item_not_found)?;
            let (_, m) = mb.find(id).ok_or_else(item_not_found)?;
            ok(with_context(message_json(m, mb.folder_id(kind), &select)))
        }
        MailPath::SendMail => send_mail(s, dir, ti, mi, json_body.unwrap_or(Value::Null)),
    }
}

fn folder_json(mb: &Mailbox, kind: FolderKind) -> Value {
    let msgs = mb.folder(kind);
    let unread = msgs.iter().filter(|m| !m.is_read).count();
    let size: usize = msgs
        .iter()
        .map(|m| 1024 + m.body.len() + m.subject.len())
        .sum();
    json!({
        "id": mb.folder_id(kind),
        "displayName": kind.display_name(),
        "parentFolderId": mb.root_id,
        "childFolderCount": 0,
        "unreadItemCount": unread,
        "totalItemCount": msgs.len(),
        "sizeInBytes": size,
        "isHidden": false,
    })
}

fn parse_count(q: Option<&str>, name: &str) -> Result<Option<usize>, GraphError> {
    match q.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse::<usize>().map(Some).map_err(|_| {
            bad(
                "BadRequest",
                format!("Invalid {name} value '{v}'. It must be a non-negative integer."),
            )
        }),
    }
}

fn parse_top(req: &GraphRequest<'_>) -> Result<Option<usize>, GraphError> {
    match parse_count(req.query.get("$top"), "$top")? {
        Some(0) => Err(bad(
            "BadRequest",
            "Invalid $top value '0'. It must be between 1 and 1000.",
        )),
        // Graph returns at most 1000 messages per page whatever $top asks for.
        other => Ok(other.map(|n| n.min(MAX_TOP))),
    }
}

/// `GET …/messages`: filtered, sorted and paged with `$skip`.
fn list(
    req: &GraphRequest<'_>,
    mb: &Mailbox,
    folder: Option<FolderKind>,
) -> Result<Value, GraphError> {
    let select = parse_select(req.query.get("$select")).map_err(|p| unknown_property(&p))?;
    let filter = match req
        .query
        .get("$filter")
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        Some(f) => parse_filter(f).map_err(|d| invalid_filter(&d))?,
        None => MessageFilter::default(),
    };
    let keys = match req
        .query
        .get("$orderby")
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        Some(o) => parse_orderby(o).map_err(|e| match e {
            Some(p) => unknown_property(&p),
            None => bad("BadRequest", format!("Invalid $orderby expression '{o}'.")),
        })?,
        None => Vec::new(),
    };
    if !orderby_fits_filter(&keys, &filter) {
        return Err(bad(
            "InefficientFilter",
            "The restriction or sort order is too complex for this operation.",
        ));
    }
    let top = parse_top(req)?.unwrap_or(DEFAULT_TOP);
    let skip = parse_count(req.query.get("$skip"), "$skip")?.unwrap_or(0);

    let kinds: Vec<FolderKind> = match folder {
        Some(k) => vec![k],
        None => vec![FolderKind::Inbox, FolderKind::SentItems],
    };
    let mut all: Vec<(&Message, &str)> = Vec::new();
    for k in kinds {
        for m in mb.folder(k) {
            if filter.matches(m) {
                all.push((m, mb.folder_id(k)));
            }
        }
    }
    let mut refs: Vec<&Message> = all.iter().map(|(m, _)| *m).collect();
    sort_messages(&mut refs, &keys);
    let folder_of = |m: &Message| {
        all.iter()
            .find(|(x, _)| x.id == m.id)
            .map(|(_, f)| *f)
            .unwrap_or("")
    };
    let total = refs.len();
    let page: Vec<Value> = refs
        .iter()
        .skip(skip)
        .take(top)
        .map(|m| message_json(m, folder_of(m), &select))
        .collect();

    let collection = match folder {
        Some(k) => format!(
            "users('{}')/mailFolders('{}')/messages",
            mb.address,
            k.well_known_name()
        ),
        None => format!("users('{}')/messages", mb.address),
    };
    let collection = match &select {
        Some(props) => format!("{collection}({})", props.join(",")),
        None => collection,
    };
    let mut out = json!({
        "@odata.context": format!("{}/v1.0/$metadata#{collection}", req.base),
        "value": page,
    });
    if skip.saturating_add(top) < total {
        let mut ser = url::form_urlencoded::Serializer::new(String::new());
        let mut has_top = false;
        for (k, v) in &req.query.0 {
            let bare = k.trim_start_matches('$');
            if bare.eq_ignore_ascii_case("skip") {
                continue;
            }
            if bare.eq_ignore_ascii_case("top") {
                has_top = true;
            }
            ser.append_pair(k, v);
        }
        if !has_top {
            ser.append_pair("$top", &top.to_string());
        }
        ser.append_pair("$skip", &(skip + top).to_string());
        if let Value::Object(m) = &mut out {
            m.insert(
                "@odata.nextLink".into(),
                json!(format!("{}{}?{}", req.base, req.path, ser.finish())),
            );
        }
    }
    Ok(out)
}

fn sync_not_found() -> GraphError {
    bad(
        "SyncStateNotFound",
        "The sync state is invalid or has expired. Start a new synchronization without a delta token.",
    )
}

/// `GET …/mailFolders/{folder}/messages/delta`, with or without `$deltatoken`/`$skiptoken`.
fn delta(
    s: &Shared,
    req: &GraphRequest<'_>,
    tenant_id: &str,
    mb: &Mailbox,
    folder: FolderKind,
) -> Result<Value, GraphError> {
    let token = req
        .query
        .get("$deltatoken")
        .or_else(|| req.query.get("$skiptoken"));
    let mut store = lock(&s.sync);
    let mut state = match token {
        Some(t) => {
            let st = store
                .states
                .get(t.trim())
                .cloned()
                .ok_or_else(sync_not_found)?;
            if !st.tenant_id.eq_ignore_ascii_case(tenant_id)
                || st.address != mb.address
                || st.folder != folder
            {
                return Err(sync_not_found());
            }
            st
        }
        None => {
            let page_size = req.max_page_size.or(parse_top(req)?).unwrap_or(DEFAULT_TOP);
            SyncState {
                tenant_id: tenant_id.to_string(),
                address: mb.address.clone(),
                folder,
                since: 0,
                upto: None,
                after: 0,
                select: req.query.get("$select").map(str::to_string),
                filter: req.query.get("$filter").map(str::to_string),
                page_size,
            }
        }
    };
    if let Some(n) = req.max_page_size {
        state.page_size = n;
    }
    let select: Selection =
        parse_select(state.select.as_deref()).map_err(|p| unknown_property(&p))?;
    let filter = match state
        .filter
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        Some(f) => parse_filter(f).map_err(|d| invalid_filter(&d))?,
        None => MessageFilter::default(),
    };
    let upto = state.upto.unwrap_or(mb.change_seq);
    let lower = state.since.max(state.after);
    let in_round = |seq: u64| seq > lower && seq <= upto;

    let folder_id = mb.folder_id(folder);
    let mut items: Vec<(u64, Value)> = Vec::new();
    for m in mb.folder(folder) {
        if in_round(m.change_seq) && filter.matches(m) {
            let mut v = message_json(m, folder_id, &select);
            if let Value::Object(o) = &mut v {
                o.insert("@odata.type".into(), json!("#microsoft.graph.message"));
            }
            items.push((m.change_seq, v));
        }
    }
    if state.since > 0 {
        for r in &mb.removed {
            if r.folder == folder && in_round(r.change_seq) {
                items.push((
                    r.change_seq,
                    json!({
                        "@odata.type": "#microsoft.graph.message",
                        "id": r.id,
                        "@removed": {"reason": "deleted"},
                    }),
                ));
            }
        }
    }
    items.sort_by_key(|(seq, _)| *seq);
    let more = items.len() > state.page_size;
    items.truncate(state.page_size);
    let last = items.last().map(|(seq, _)| *seq).unwrap_or(lower);
    let link_base = format!(
        "{}/v1.0/users/{}/mailFolders/{}/messages/delta",
        req.base,
        mb.address,
        folder.well_known_name()
    );
    let (link_name, link) = if more {
        let t = store.insert(SyncState {
            upto: Some(upto),
            after: last,
            ..state
        });
        ("@odata.nextLink", format!("{link_base}?$skiptoken={t}"))
    } else {
        let t = store.insert(SyncState {
            since: upto,
            upto: None,
            after: 0,
            ..state
        });
        ("@odata.deltaLink", format!("{link_base}?$deltatoken={t}"))
    };
    let values: Vec<Value> = items.into_iter().map(|(_, v)| v).collect();
    let mut out = serde_json::Map::new();
    out.insert(
        "@odata.context".into(),
        json!(format!("{}/v1.0/$metadata#Collection(message)", req.base)),
    );
    out.insert("value".into(), Value::Array(values));
    out.insert(link_name.into(), json!(link));
    Ok(Value::Object(out))
}

/// Whether `a` looks like an email address Exchange could resolve.
fn plausible_address(a: &str) -> bool {
    let Some((local, domain)) = a.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !a.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
}

fn recipients(message: &Value, field: &str) -> Result<Vec<EmailAddress>, GraphError> {
    let Some(list) = message.get(field) else {
        return Ok(Vec::new());
    };
    if list.is_null() {
        return Ok(Vec::new());
    }
    let Some(items) = list.as_array() else {
        return Err(bad(
            "ErrorInvalidRecipients",
            format!("The '{field}' property must be an array of recipients."),
        ));
    };
    let mut out = Vec::new();
    for item in items {
        let address = item
            .pointer("/emailAddress/address")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("");
        if !plausible_address(address) {
            return Err(bad(
                "ErrorInvalidRecipients",
                format!("Recipient '{address}' is not resolved. All recipients must be resolved before a message can be submitted."),
            ));
        }
        let name = item
            .pointer("/emailAddress/name")
            .and_then(Value::as_str)
            .unwrap_or(address);
        out.push(EmailAddress {
            name: name.to_string(),
            address: address.to_string(),
        });
    }
    Ok(out)
}

/// `POST /users/{upn}/sendMail`
fn send_mail(
    s: &Arc<Shared>,
    dir: &mut Directory,
    ti: usize,
    mi: usize,
    body: Value,
) -> Result<Answer, GraphError> {
    let Some(tenant) = dir.tenants.get_mut(ti) else {
        return Err(GraphError::unauthenticated(
            "Access token validation failure.",
        ));
    };
    if tenant.send_throttle_remaining > 0 {
        tenant.send_throttle_remaining -= 1;
        return Err(GraphError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            "Too many requests. Retry after the interval given in the Retry-After header.",
        )
        .retry(&s.retry_after));
    }
    let message = match body.get("message") {
        Some(m @ Value::Object(_)) => m,
        _ => {
            return Err(bad(
                "ErrorInvalidRequest",
                "The request is missing the required 'message' parameter.",
            ))
        }
    };
    let save = match body.get("saveToSentItems") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(bad(
                "BadRequest",
                "Cannot convert the literal to the expected type 'Edm.Boolean' for property 'saveToSentItems'.",
            ))
        }
    };
    let subject = match message.get("subject") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            return Err(bad(
                "BadRequest",
                "The 'subject' property must be a string.",
            ))
        }
    };
    let (body_is_html, content) = match message.get("body") {
        None | Some(Value::Null) => (false, String::new()),
        Some(b) => {
            let ct = b
                .get("contentType")
                .and_then(Value::as_str)
                .unwrap_or("Text");
            let html = if ct.eq_ignore_ascii_case("html") {
                true
            } else if ct.eq_ignore_ascii_case("text") {
                false
            } else {
                return Err(bad(
                    "BadRequest",
                    format!("Requested value '{ct}' was not found. The body contentType must be Text or HTML."),
                ));
            };
            let content = b
                .get("content")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            (html, content)
        }
    };
    let to = recipients(message, "toRecipients")?;
    let cc = recipients(message, "ccRecipients")?;
    let bcc = recipients(message, "bccRecipients")?;
    if to.is_empty() && cc.is_empty() && bcc.is_empty() {
        return Err(bad(
            "ErrorInvalidRecipients",
            "At least one recipient is required, but none were found.",
        ));
    }
    let mut headers = Vec::new();
    match message.get("internetMessageHeaders") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            if list.len() > MAX_CUSTOM_HEADERS {
                return Err(bad(
                    "InvalidInternetMessageHeaderCollection",
                    "Maximum number of headers in one message should be less than or equal to 5.",
                ));
            }
            for h in list {
                let name = h.get("name").and_then(Value::as_str).unwrap_or("").trim();
                let value = h.get("value").and_then(Value::as_str).unwrap_or("");
                let lower = name.to_ascii_lowercase();
                if !lower.starts_with("x-") || name.len() < 3 {
                    return Err(bad(
                        "InvalidInternetMessageHeader",
                        format!("The internet message header name '{name}' should start with 'x-' or 'X-'."),
                    ));
                }
                headers.push((name.to_string(), value.to_string()));
            }
        }
        Some(_) => {
            return Err(bad(
                "BadRequest",
                "The 'internetMessageHeaders' property must be an array of {name, value} objects.",
            ))
        }
    }

    let now = Utc::now();
    let lost = tenant.scenario == Scenario::MailLost;
    let domain = tenant.domain().to_string();
    let Some(sender) = tenant.mailboxes.get_mut(mi) else {
        return Err(item_not_found());
    };
    let template = Message {
        id: String::new(),
        internet_message_id: new_internet_message_id(&domain),
        subject,
        body_is_html,
        body: content,
        from: sender.email_address(),
        to: to.clone(),
        headers,
        created: now,
        received: now,
        sent: now,
        last_modified: now,
        is_read: false,
        change_seq: 0,
    };
    if save {
        let mut copy = template.clone();
        copy.id = new_message_id();
        copy.is_read = true;
        sender.add(FolderKind::SentItems, copy);
    }
    if !lost {
        let addresses: Vec<String> = to
            .iter()
            .chain(&cc)
            .chain(&bcc)
            .map(|a| a.address.to_lowercase())
            .collect();
        schedule_delivery(s, template, addresses);
    }
    Ok(Answer::Empty(StatusCode::ACCEPTED))
}

/// Delivers `template` to the recipients after the delivery delay, on a timer task, so that
/// delivery happens even when nobody polls; the pickup of the delivered copies is scheduled too.
fn schedule_delivery(s: &Arc<Shared>, template: Message, addresses: Vec<String>) {
    let delay = s.delivery_delay;
    let shared = s.clone();
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => {
            handle.spawn(async move {
                if !delay.is_zero() {
                    tokio::time::sleep(delay).await;
                }
                crate::pickup::deliver(&shared, &template, &addresses, Utc::now());
            });
        }
        Err(_) => {
            crate::pickup::deliver(s, &template, &addresses, Utc::now());
        }
    }
}

/// Puts a copy of `template` into the inbox of every mailbox (of any tenant) whose address is
/// among `addresses`; other addresses are outside the emulator and the mail just leaves. Returns
/// the (mailbox address, message id) of every delivered copy.
pub(crate) fn deliver(
    dir: &mut Directory,
    template: &Message,
    addresses: &[String],
    now: DateTime<Utc>,
) -> Vec<(String, String)> {
    let mut delivered = Vec::new();
    for t in &mut dir.tenants {
        for mb in &mut t.mailboxes {
            if addresses
                .iter()
                .any(|a| a.eq_ignore_ascii_case(&mb.address))
            {
                let mut m = template.clone();
                m.id = new_message_id();
                m.is_read = false;
                m.created = now;
                m.received = now;
                m.last_modified = now;
                delivered.push((mb.address.clone(), m.id.clone()));
                mb.add(FolderKind::Inbox, m);
            }
        }
    }
    delivered
}

/// A message from outside the emulator, as if from the internet.
pub(crate) fn external_message(to: &str, subject: &str, now: DateTime<Utc>) -> Message {
    Message {
        id: String::new(),
        internet_message_id: new_internet_message_id("mail.external.example"),
        subject: subject.to_string(),
        body_is_html: false,
        body: format!("{subject}\r\n\r\nThis message came from outside the emulator."),
        from: EmailAddress {
            name: "External Sender".to_string(),
            address: "sender@external.example".to_string(),
        },
        to: vec![EmailAddress {
            name: to.to_string(),
            address: to.to_string(),
        }],
        headers: Vec::new(),
        created: now,
        received: now,
        sent: now,
        last_modified: now,
        is_read: false,
        change_seq: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert!(plausible_address("a@b.example"));
        assert!(!plausible_address("a@b"));
        assert!(!plausible_address("@b.example"));
        assert!(!plausible_address("a b@c.example"));
        assert!(!plausible_address("nobody"));
    }

    #[test]
    fn recipients_are_validated() {
        let m = json!({"toRecipients": [{"emailAddress": {"address": "x@y.example"}}]});
        assert_eq!(
            recipients(&m, "toRecipients").map(|v| v.len()).ok(),
            Some(1)
        );
        assert!(recipients(&m, "ccRecipients")
            .map(|v| v.is_empty())
            .unwrap_or(false));
        let bad = json!({"toRecipients": [{"emailAddress": {"address": "nope"}}]});
        assert!(recipients(&bad, "toRecipients").is_err());
        let bad = json!({"toRecipients": "x@y.example"});
        assert!(recipients(&bad, "toRecipients").is_err());
    }
}
