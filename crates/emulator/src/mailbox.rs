//! Mailboxes and messages: what each tenant's mailboxes hold, how a message is shown as Graph
//! JSON, and the pieces of OData the mail endpoints understand (`$filter`, `$orderby`,
//! `$select`), kept free of HTTP so they can be checked on their own.

use base64::engine::general_purpose::URL_SAFE;
use base64::Engine as _;
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

/// How a mailbox answers the mail endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MailboxBehaviour {
    /// A licensed Exchange Online mailbox the app may reach.
    Healthy,
    /// Unlicensed, inactive, soft-deleted or on-premises: 404 `MailboxNotEnabledForRESTAPI`.
    Unlicensed,
    /// Excluded by an application access policy: 403 `ErrorAccessDenied` "Access to OData is
    /// disabled.".
    PolicyBlocked,
}

/// A name and address, as Graph's `emailAddress`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress {
    /// Display name; may be empty.
    pub name: String,
    /// The address.
    pub address: String,
}

impl EmailAddress {
    fn json(&self) -> Value {
        json!({"emailAddress": {"name": self.name, "address": self.address}})
    }
}

/// Which well-known folder a message is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FolderKind {
    /// The Inbox.
    Inbox,
    /// Sent Items.
    SentItems,
}

impl FolderKind {
    /// The well-known name used in URLs: `inbox` or `sentitems`.
    pub fn well_known_name(self) -> &'static str {
        match self {
            FolderKind::Inbox => "inbox",
            FolderKind::SentItems => "sentitems",
        }
    }

    /// The folder's display name.
    pub fn display_name(self) -> &'static str {
        match self {
            FolderKind::Inbox => "Inbox",
            FolderKind::SentItems => "Sent Items",
        }
    }
}

/// One message in a mailbox folder.
#[derive(Clone, Debug)]
pub struct Message {
    /// Graph's opaque message id, unique in the emulator.
    pub id: String,
    /// The RFC 5322 Message-ID, `<...@...>`; equal on the sent copy and every delivered copy.
    pub internet_message_id: String,
    /// Subject line.
    pub subject: String,
    /// Whether the body is HTML (else plain text).
    pub body_is_html: bool,
    /// The body content.
    pub body: String,
    /// The sender.
    pub from: EmailAddress,
    /// The To recipients.
    pub to: Vec<EmailAddress>,
    /// Custom `X-` internet message headers, in the order given.
    pub headers: Vec<(String, String)>,
    /// When the item was created in this folder.
    pub created: DateTime<Utc>,
    /// When it was received (delivery time; send time for sent items).
    pub received: DateTime<Utc>,
    /// When it was sent.
    pub sent: DateTime<Utc>,
    /// When it was last changed.
    pub last_modified: DateTime<Utc>,
    /// Whether it is marked read.
    pub is_read: bool,
    /// The mailbox's change counter when the message was added or last changed (for delta).
    pub change_seq: u64,
}

impl Message {
    /// The body as plain text, HTML tags removed and whitespace collapsed, at most 255 characters.
    pub fn body_preview(&self) -> String {
        let text = if self.body_is_html {
            strip_tags(&self.body)
        } else {
            self.body.clone()
        };
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(255)
            .collect()
    }

    /// The test-support summary of this message.
    pub fn info(&self) -> MessageInfo {
        MessageInfo {
            id: self.id.clone(),
            subject: self.subject.clone(),
            is_read: self.is_read,
            received: self.received,
            headers: self.headers.clone(),
        }
    }
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// A message as the test-support API shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageInfo {
    /// Graph's message id.
    pub id: String,
    /// Subject line.
    pub subject: String,
    /// Whether it is marked read.
    pub is_read: bool,
    /// When it was received.
    pub received: DateTime<Utc>,
    /// Custom internet message headers (name, value).
    pub headers: Vec<(String, String)>,
}

/// A message removed from a folder, remembered so delta queries can report it.
#[derive(Clone, Debug)]
pub struct Removed {
    /// The removed message's id.
    pub id: String,
    /// The folder it was in.
    pub folder: FolderKind,
    /// The change counter when it was removed.
    pub change_seq: u64,
}

/// One Exchange Online mailbox.
#[derive(Clone, Debug)]
pub struct Mailbox {
    /// The primary address, lower case.
    pub address: String,
    /// The display name.
    pub display_name: String,
    /// The user's object id.
    pub object_id: String,
    /// How the mailbox answers.
    pub behaviour: MailboxBehaviour,
    /// Inbox messages, oldest first.
    pub inbox: Vec<Message>,
    /// Sent Items messages, oldest first.
    pub sent_items: Vec<Message>,
    /// Id of the Inbox folder.
    pub inbox_id: String,
    /// Id of the Sent Items folder.
    pub sent_items_id: String,
    /// Id of the root folder ("Top of Information Store").
    pub root_id: String,
    /// Removed messages, for delta.
    pub removed: Vec<Removed>,
    /// Change counter: bumped on every add, change and removal.
    pub change_seq: u64,
}

/// How many removals a mailbox remembers for delta queries.
const REMOVED_LIMIT: usize = 1000;

impl Mailbox {
    /// An empty mailbox.
    pub fn new(
        address: &str,
        display_name: &str,
        object_id: &str,
        behaviour: MailboxBehaviour,
    ) -> Self {
        let address = address.to_ascii_lowercase();
        Mailbox {
            inbox_id: folder_id(&address, "inbox"),
            sent_items_id: folder_id(&address, "sentitems"),
            root_id: folder_id(&address, "msgfolderroot"),
            address,
            display_name: display_name.to_string(),
            object_id: object_id.to_string(),
            behaviour,
            inbox: Vec::new(),
            sent_items: Vec::new(),
            removed: Vec::new(),
            change_seq: 0,
        }
    }

    /// Whether `ident` (address or object id, any case) names this mailbox.
    pub fn is_named(&self, ident: &str) -> bool {
        self.address.eq_ignore_ascii_case(ident.trim())
            || self.object_id.eq_ignore_ascii_case(ident)
    }

    /// The name and address used as sender.
    pub fn email_address(&self) -> EmailAddress {
        EmailAddress {
            name: self.display_name.clone(),
            address: self.address.clone(),
        }
    }

    /// The messages of a folder.
    pub fn folder(&self, kind: FolderKind) -> &Vec<Message> {
        match kind {
            FolderKind::Inbox => &self.inbox,
            FolderKind::SentItems => &self.sent_items,
        }
    }

    fn folder_mut(&mut self, kind: FolderKind) -> &mut Vec<Message> {
        match kind {
            FolderKind::Inbox => &mut self.inbox,
            FolderKind::SentItems => &mut self.sent_items,
        }
    }

    /// The folder with this well-known name or id (any case for names).
    pub fn folder_named(&self, ident: &str) -> Option<FolderKind> {
        [FolderKind::Inbox, FolderKind::SentItems]
            .into_iter()
            .find(|k| {
                ident.eq_ignore_ascii_case(k.well_known_name()) || ident == self.folder_id(*k)
            })
    }

    /// The id of a folder.
    pub fn folder_id(&self, kind: FolderKind) -> &str {
        match kind {
            FolderKind::Inbox => &self.inbox_id,
            FolderKind::SentItems => &self.sent_items_id,
        }
    }

    /// Bumps and returns the change counter.
    pub fn next_seq(&mut self) -> u64 {
        self.change_seq += 1;
        self.change_seq
    }

    /// Adds a message to a folder, giving it the next change number.
    pub fn add(&mut self, kind: FolderKind, mut msg: Message) {
        msg.change_seq = self.next_seq();
        self.folder_mut(kind).push(msg);
    }

    /// The message with this id and its folder.
    pub fn find(&self, id: &str) -> Option<(FolderKind, &Message)> {
        [FolderKind::Inbox, FolderKind::SentItems]
            .into_iter()
            .find_map(|k| self.folder(k).iter().find(|m| m.id == id).map(|m| (k, m)))
    }

    /// Changes the message with this id; returns its folder, or `None` when there is none.
    pub fn update(
        &mut self,
        id: &str,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Message),
    ) -> Option<FolderKind> {
        let (kind, _) = self.find(id)?;
        let seq = self.next_seq();
        let msg = self.folder_mut(kind).iter_mut().find(|m| m.id == id)?;
        f(msg);
        msg.change_seq = seq;
        msg.last_modified = now;
        Some(kind)
    }

    /// Removes the message with this id; whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some((kind, _)) = self.find(id) else {
            return false;
        };
        let seq = self.next_seq();
        self.folder_mut(kind).retain(|m| m.id != id);
        if self.removed.len() >= REMOVED_LIMIT {
            self.removed.remove(0);
        }
        self.removed.push(Removed {
            id: id.to_string(),
            folder: kind,
            change_seq: seq,
        });
        true
    }
}

/// The first 16 bytes of SHA-256 over `text`: a stable, opaque derivation.
fn hash16(text: &str) -> [u8; 16] {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&digest[..16]);
    out
}

fn folder_id(address: &str, name: &str) -> String {
    let mut bytes = Vec::with_capacity(46);
    bytes.extend_from_slice(b"\x00\x00\x00\x00");
    bytes.extend_from_slice(&hash16(address));
    bytes.extend_from_slice(&hash16(name));
    bytes.extend_from_slice(b"\x00\x01");
    format!("AAMkA{}", URL_SAFE.encode(bytes))
}

/// A fresh opaque message id shaped like Graph's (`AAMkA...` base64, `=` padded).
pub fn new_message_id() -> String {
    let mut bytes = Vec::with_capacity(50);
    bytes.extend_from_slice(&[0, 0, 0, 0, 0x46, 0]);
    bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    bytes.extend_from_slice(&uuid::Uuid::new_v4().as_bytes()[..12]);
    format!("AAMkA{}", URL_SAFE.encode(bytes))
}

/// A fresh `<...@domain>` Message-ID.
pub fn new_internet_message_id(domain: &str) -> String {
    let u = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    let host = if domain.is_empty() {
        "emulator.invalid"
    } else {
        domain
    };
    format!("<{u}@{host}>")
}

/// A time as Graph shows message times: `2026-11-27T10:00:00Z`.
pub fn graph_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Message properties the emulator shows, with their exact Graph spelling.
pub const MESSAGE_PROPERTIES: &[&str] = &[
    "id",
    "createdDateTime",
    "lastModifiedDateTime",
    "changeKey",
    "categories",
    "receivedDateTime",
    "sentDateTime",
    "hasAttachments",
    "internetMessageId",
    "subject",
    "bodyPreview",
    "importance",
    "parentFolderId",
    "conversationId",
    "isDeliveryReceiptRequested",
    "isReadReceiptRequested",
    "isRead",
    "isDraft",
    "webLink",
    "inferenceClassification",
    "body",
    "sender",
    "from",
    "toRecipients",
    "ccRecipients",
    "bccRecipients",
    "replyTo",
    "flag",
    "internetMessageHeaders",
];

/// A parsed `$select`: the properties to show, in Graph's spelling; `None` shows the default set.
pub type Selection = Option<Vec<&'static str>>;

/// Parses `$select` for messages; an unknown property is an error naming it.
pub fn parse_select(select: Option<&str>) -> Result<Selection, String> {
    let Some(sel) = select.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let mut props = Vec::new();
    for item in sel.split(',') {
        let item = item.trim();
        let prop = MESSAGE_PROPERTIES
            .iter()
            .find(|p| p.eq_ignore_ascii_case(item))
            .ok_or_else(|| item.to_string())?;
        if !props.contains(prop) {
            props.push(*prop);
        }
    }
    Ok(Some(props))
}

fn change_key(m: &Message) -> String {
    URL_SAFE.encode(format!("CQAAABYAAA{:016x}", m.change_seq))
}

/// The message as Graph JSON; `folder_id` is the id of the folder it is in.
pub fn message_json(m: &Message, folder_id: &str, select: &Selection) -> Value {
    let mut full = Map::new();
    let ck = change_key(m);
    full.insert("@odata.etag".into(), json!(format!("W/\"{ck}\"")));
    full.insert("id".into(), json!(m.id));
    full.insert("createdDateTime".into(), json!(graph_time(m.created)));
    full.insert(
        "lastModifiedDateTime".into(),
        json!(graph_time(m.last_modified)),
    );
    full.insert("changeKey".into(), json!(ck));
    full.insert("categories".into(), json!([]));
    full.insert("receivedDateTime".into(), json!(graph_time(m.received)));
    full.insert("sentDateTime".into(), json!(graph_time(m.sent)));
    full.insert("hasAttachments".into(), json!(false));
    full.insert("internetMessageId".into(), json!(m.internet_message_id));
    full.insert("subject".into(), json!(m.subject));
    full.insert("bodyPreview".into(), json!(m.body_preview()));
    full.insert("importance".into(), json!("normal"));
    full.insert("parentFolderId".into(), json!(folder_id));
    full.insert(
        "conversationId".into(),
        json!(format!(
            "AAQkA{}",
            URL_SAFE.encode(hash16(&m.internet_message_id))
        )),
    );
    full.insert("isDeliveryReceiptRequested".into(), json!(false));
    full.insert("isReadReceiptRequested".into(), json!(false));
    full.insert("isRead".into(), json!(m.is_read));
    full.insert("isDraft".into(), json!(false));
    let link_id: String = url::form_urlencoded::byte_serialize(m.id.as_bytes()).collect();
    full.insert(
        "webLink".into(),
        json!(format!(
            "https://outlook.office365.com/owa/?ItemID={link_id}&exvsurl=1&viewmodel=ReadMessageItem"
        )),
    );
    full.insert("inferenceClassification".into(), json!("focused"));
    full.insert(
        "body".into(),
        json!({"contentType": if m.body_is_html { "html" } else { "text" }, "content": m.body}),
    );
    full.insert("sender".into(), m.from.json());
    full.insert("from".into(), m.from.json());
    full.insert(
        "toRecipients".into(),
        Value::Array(m.to.iter().map(EmailAddress::json).collect()),
    );
    full.insert("ccRecipients".into(), json!([]));
    full.insert("bccRecipients".into(), json!([]));
    full.insert("replyTo".into(), json!([]));
    full.insert("flag".into(), json!({"flagStatus": "notFlagged"}));
    let headers = || {
        Value::Array(
            m.headers
                .iter()
                .map(|(n, v)| json!({"name": n, "value": v}))
                .collect(),
        )
    };
    match select {
        None => Value::Object(full),
        Some(props) => {
            let mut out = Map::new();
            for key in ["@odata.etag", "id"] {
                if let Some(v) = full.get(key) {
                    out.insert(key.into(), v.clone());
                }
            }
            for p in props {
                if *p == "internetMessageHeaders" {
                    out.insert((*p).into(), headers());
                } else if let Some(v) = full.get(*p) {
                    out.insert((*p).into(), v.clone());
                }
            }
            Value::Object(out)
        }
    }
}

/// A comparison operator in `$filter`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// `eq`
    Eq,
    /// `ne`
    Ne,
    /// `gt`
    Gt,
    /// `ge`
    Ge,
    /// `lt`
    Lt,
    /// `le`
    Le,
}

impl Cmp {
    fn parse(s: &str) -> Option<Cmp> {
        Some(match s.to_ascii_lowercase().as_str() {
            "eq" => Cmp::Eq,
            "ne" => Cmp::Ne,
            "gt" => Cmp::Gt,
            "ge" => Cmp::Ge,
            "lt" => Cmp::Lt,
            "le" => Cmp::Le,
            _ => return None,
        })
    }

    fn holds<T: Ord>(self, a: &T, b: &T) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
        }
    }
}

/// Date properties of a message that can be filtered and sorted.
const DATE_PROPS: &[&str] = &[
    "receivedDateTime",
    "sentDateTime",
    "createdDateTime",
    "lastModifiedDateTime",
];

/// Text properties that can be compared with `eq`/`ne` (subject also with `startswith`).
const TEXT_PROPS: &[&str] = &["subject", "internetMessageId", "from/emailAddress/address"];

/// Properties `$orderby` accepts.
const SORT_PROPS: &[&str] = &[
    "receivedDateTime",
    "sentDateTime",
    "createdDateTime",
    "lastModifiedDateTime",
    "subject",
    "isRead",
];

/// One `$filter` condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Clause {
    /// A date property compared with a time.
    Date(&'static str, Cmp, DateTime<Utc>),
    /// A text property compared (case-insensitively) with `eq` or `ne`.
    Text(&'static str, Cmp, String),
    /// `startswith(subject,'x')`, case-insensitive.
    StartsWith(&'static str, String),
    /// `isRead eq true|false` (or `ne`).
    IsRead(Cmp, bool),
}

impl Clause {
    /// The property the clause is about.
    pub fn property(&self) -> &'static str {
        match self {
            Clause::Date(p, _, _) | Clause::Text(p, _, _) | Clause::StartsWith(p, _) => p,
            Clause::IsRead(_, _) => "isRead",
        }
    }

    fn matches(&self, m: &Message) -> bool {
        match self {
            Clause::Date(p, op, t) => {
                let v = match *p {
                    "sentDateTime" => m.sent,
                    "createdDateTime" => m.created,
                    "lastModifiedDateTime" => m.last_modified,
                    _ => m.received,
                };
                // Graph compares at whole seconds.
                let v = v.timestamp();
                op.holds(&v, &t.timestamp())
            }
            Clause::Text(p, op, want) => {
                let have = text_prop(m, p).to_lowercase();
                op.holds(&have, &want.to_lowercase())
            }
            Clause::StartsWith(p, prefix) => text_prop(m, p)
                .to_lowercase()
                .starts_with(&prefix.to_lowercase()),
            Clause::IsRead(op, want) => op.holds(&m.is_read, want),
        }
    }
}

fn text_prop<'a>(m: &'a Message, prop: &str) -> &'a str {
    match prop {
        "internetMessageId" => &m.internet_message_id,
        "from/emailAddress/address" => &m.from.address,
        _ => &m.subject,
    }
}

/// A parsed `$filter`: clauses joined with `and`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MessageFilter {
    /// The clauses, in the order written.
    pub clauses: Vec<Clause>,
}

impl MessageFilter {
    /// Whether a message satisfies every clause.
    pub fn matches(&self, m: &Message) -> bool {
        self.clauses.iter().all(|c| c.matches(m))
    }

    /// The distinct properties in the order they first appear.
    pub fn properties(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for c in &self.clauses {
            let p = c.property();
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Open,
    Close,
    Comma,
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                toks.push(Tok::Open);
            }
            ')' => {
                chars.next();
                toks.push(Tok::Close);
            }
            ',' => {
                chars.next();
                toks.push(Tok::Comma);
            }
            '\'' => {
                chars.next();
                let mut value = String::new();
                let mut closed = false;
                while let Some(c) = chars.next() {
                    if c == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                            value.push('\'');
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.push(c);
                    }
                }
                if !closed {
                    return Err("a string literal is not closed with a single quote".into());
                }
                toks.push(Tok::Str(value));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || "(),'".contains(c) {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                toks.push(Tok::Word(word));
            }
        }
    }
    Ok(toks)
}

fn canonical(list: &[&'static str], name: &str) -> Option<&'static str> {
    list.iter().find(|p| p.eq_ignore_ascii_case(name)).copied()
}

/// Parses an OData date-time literal: `2026-11-27T10:00:00Z`, with fractions or an offset, or a
/// bare date (midnight UTC).
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Parses the `$filter` subset the mail endpoints support; the error explains what is wrong.
pub fn parse_filter(filter: &str) -> Result<MessageFilter, String> {
    let toks = tokenize(filter)?;
    let mut i = 0;
    let mut clauses = Vec::new();
    // Parentheses around the whole filter or single clauses are accepted and ignored.
    let strip = |toks: &[Tok], i: &mut usize| {
        while toks.get(*i) == Some(&Tok::Open) {
            *i += 1;
        }
    };
    let close = |toks: &[Tok], i: &mut usize| {
        while toks.get(*i) == Some(&Tok::Close) {
            *i += 1;
        }
    };
    if toks.is_empty() {
        return Ok(MessageFilter::default());
    }
    loop {
        strip(&toks, &mut i);
        let clause = match toks.get(i) {
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("startswith") => {
                let (prop, value) = match toks.get(i + 1..i + 6) {
                    Some([Tok::Open, Tok::Word(p), Tok::Comma, Tok::Str(v), Tok::Close]) => (p, v),
                    _ => return Err("startswith must be written startswith(subject,'text')".into()),
                };
                if !prop.eq_ignore_ascii_case("subject") {
                    return Err(format!(
                        "startswith is only supported on subject, not '{prop}'"
                    ));
                }
                i += 6;
                Clause::StartsWith("subject", value.clone())
            }
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("not") => {
                return Err("'not' is not supported".into())
            }
            Some(Tok::Word(prop)) => {
                let op = match toks.get(i + 1) {
                    Some(Tok::Word(op)) => Cmp::parse(op)
                        .ok_or_else(|| format!("unknown operator '{op}' after '{prop}'"))?,
                    _ => {
                        return Err(format!(
                            "'{prop}' must be followed by an operator such as eq"
                        ))
                    }
                };
                let value = toks.get(i + 2);
                i += 3;
                if let Some(p) = canonical(DATE_PROPS, prop) {
                    let Some(Tok::Word(v)) = value else {
                        return Err(format!("{p} must be compared with an unquoted date-time such as 2026-11-27T10:00:00Z"));
                    };
                    let t =
                        parse_time(v).ok_or_else(|| format!("'{v}' is not a valid date-time"))?;
                    Clause::Date(p, op, t)
                } else if let Some(p) = canonical(TEXT_PROPS, prop) {
                    if !matches!(op, Cmp::Eq | Cmp::Ne) {
                        return Err(format!("{p} can only be compared with eq or ne"));
                    }
                    let Some(Tok::Str(v)) = value else {
                        return Err(format!(
                            "{p} must be compared with a quoted string such as '{p}'"
                        ));
                    };
                    Clause::Text(p, op, v.clone())
                } else if prop.eq_ignore_ascii_case("isRead") {
                    if !matches!(op, Cmp::Eq | Cmp::Ne) {
                        return Err("isRead can only be compared with eq or ne".into());
                    }
                    let b = match value {
                        Some(Tok::Word(v)) if v.eq_ignore_ascii_case("true") => true,
                        Some(Tok::Word(v)) if v.eq_ignore_ascii_case("false") => false,
                        _ => return Err("isRead must be compared with true or false".into()),
                    };
                    Clause::IsRead(op, b)
                } else {
                    return Err(format!("filtering on '{prop}' is not supported"));
                }
            }
            _ => return Err("a condition is missing".into()),
        };
        clauses.push(clause);
        close(&toks, &mut i);
        match toks.get(i) {
            None => break,
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("and") => i += 1,
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("or") => {
                return Err("'or' is not supported; combine conditions with 'and'".into())
            }
            Some(_) => return Err("conditions must be joined with 'and'".into()),
        }
    }
    Ok(MessageFilter { clauses })
}

/// One `$orderby` item: property and whether descending.
pub type SortKey = (&'static str, bool);

/// Parses `$orderby`; `Err(Some(p))` names an unknown property, `Err(None)` is a syntax error.
pub fn parse_orderby(orderby: &str) -> Result<Vec<SortKey>, Option<String>> {
    let mut keys = Vec::new();
    for item in orderby.split(',') {
        let mut words = item.split_whitespace();
        let Some(prop) = words.next() else {
            return Err(None);
        };
        let desc = match words.next() {
            None => false,
            Some(d) if d.eq_ignore_ascii_case("asc") => false,
            Some(d) if d.eq_ignore_ascii_case("desc") => true,
            Some(_) => return Err(None),
        };
        if words.next().is_some() {
            return Err(None);
        }
        let p = canonical(SORT_PROPS, prop).ok_or_else(|| Some(prop.to_string()))?;
        keys.push((p, desc));
    }
    Ok(keys)
}

/// Whether `$orderby` fits `$filter` as Exchange demands: the sorted properties must be the
/// first properties of the filter, in the same order.
pub fn orderby_fits_filter(keys: &[SortKey], filter: &MessageFilter) -> bool {
    if filter.clauses.is_empty() {
        return true;
    }
    let props = filter.properties();
    keys.len() <= props.len() && keys.iter().zip(&props).all(|((k, _), p)| k == p)
}

/// Sorts messages by the keys; without keys, newest received first.
pub fn sort_messages(list: &mut [&Message], keys: &[SortKey]) {
    if keys.is_empty() {
        list.sort_by(|a, b| {
            b.received
                .cmp(&a.received)
                .then(b.change_seq.cmp(&a.change_seq))
        });
        return;
    }
    list.sort_by(|a, b| {
        for (prop, desc) in keys {
            let ord = match *prop {
                "sentDateTime" => a.sent.cmp(&b.sent),
                "createdDateTime" => a.created.cmp(&b.created),
                "lastModifiedDateTime" => a.last_modified.cmp(&b.last_modified),
                "subject" => a.subject.to_lowercase().cmp(&b.subject.to_lowercase()),
                "isRead" => a.is_read.cmp(&b.is_read),
                _ => a.received.cmp(&b.received),
            };
            let ord = if *desc { ord.reverse() } else { ord };
            if ord != std::cmp::Ordering::Equal {
                return ord;
            }
        }
        b.change_seq.cmp(&a.change_seq)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(subject: &str, received: &str, is_read: bool) -> Message {
        let t = parse_time(received).unwrap_or_default();
        Message {
            id: new_message_id(),
            internet_message_id: new_internet_message_id("x.test"),
            subject: subject.into(),
            body_is_html: false,
            body: "hello".into(),
            from: EmailAddress {
                name: "A".into(),
                address: "a@x.test".into(),
            },
            to: vec![],
            headers: vec![],
            created: t,
            received: t,
            sent: t,
            last_modified: t,
            is_read,
            change_seq: 0,
        }
    }

    #[test]
    fn filters_parse_and_match() {
        let f = parse_filter(
            "receivedDateTime ge 2026-11-27T10:00:00Z and subject eq 'It''s' and isRead eq false",
        )
        .expect("valid");
        assert_eq!(f.clauses.len(), 3);
        assert_eq!(
            f.properties(),
            vec!["receivedDateTime", "subject", "isRead"]
        );
        assert!(f.matches(&msg("it's", "2026-11-27T10:00:00Z", false)));
        assert!(!f.matches(&msg("It's", "2026-11-27T09:59:59Z", false)));
        assert!(!f.matches(&msg("It's", "2026-11-28T00:00:00Z", true)));
        let f = parse_filter("startswith(subject,'graphwiz ') and isRead eq true").expect("valid");
        assert!(f.matches(&msg("Graphwiz test 1", "2026-01-01", true)));
        assert!(!f.matches(&msg("other", "2026-01-01", true)));
        assert!(parse_filter("(isRead eq false)").is_ok());
        assert!(parse_filter("")
            .map(|f| f.clauses.is_empty())
            .unwrap_or(false));
        for bad in [
            "subject eq 'x' or isRead eq true",
            "importance eq 'high'",
            "subject eq 'open",
            "receivedDateTime ge 'yesterday'",
            "receivedDateTime ge yesterday",
            "isRead eq maybe",
            "subject gt 'a'",
            "startswith(body,'x')",
            "contains(subject,'x')",
            "subject",
            "not isRead eq true",
        ] {
            assert!(parse_filter(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn orderby_rules() {
        let f = parse_filter("receivedDateTime ge 2026-01-01T00:00:00Z and subject eq 'x'")
            .unwrap_or_default();
        let k = parse_orderby("receivedDateTime desc").unwrap_or_default();
        assert!(orderby_fits_filter(&k, &f));
        let k = parse_orderby("subject").unwrap_or_default();
        assert!(!orderby_fits_filter(&k, &f));
        assert!(orderby_fits_filter(&k, &MessageFilter::default()));
        assert_eq!(parse_orderby("nope desc"), Err(Some("nope".to_string())));
        assert_eq!(parse_orderby("subject sideways"), Err(None));
    }

    #[test]
    fn select_and_json() {
        let m = msg("s", "2026-11-27T10:00:00Z", false);
        let v = message_json(&m, "F", &None);
        assert_eq!(v["receivedDateTime"], "2026-11-27T10:00:00Z");
        assert!(v.get("internetMessageHeaders").is_none());
        let sel = parse_select(Some("subject,internetMessageHeaders")).expect("valid");
        let v = message_json(&m, "F", &sel);
        assert!(v.get("internetMessageHeaders").is_some());
        assert!(v.get("isRead").is_none());
        assert_eq!(v["id"], m.id.as_str());
        assert_eq!(parse_select(Some("subject,nope")), Err("nope".to_string()));
        assert!(new_message_id().len() > 60);
        assert_ne!(new_message_id(), new_message_id());
    }

    #[test]
    fn mailbox_changes_bump_the_counter() {
        let mut mb = Mailbox::new("A@X.test", "A", "id", MailboxBehaviour::Healthy);
        assert_eq!(mb.address, "a@x.test");
        assert!(mb.is_named("a@X.TEST"));
        let m = msg("s", "2026-11-27T10:00:00Z", false);
        let id = m.id.clone();
        mb.add(FolderKind::Inbox, m);
        assert_eq!(mb.change_seq, 1);
        assert_eq!(
            mb.update(&id, Utc::now(), |m| m.is_read = true),
            Some(FolderKind::Inbox)
        );
        assert_eq!(mb.inbox[0].change_seq, 2);
        assert!(mb.remove(&id));
        assert!(!mb.remove(&id));
        assert_eq!(mb.removed[0].change_seq, 3);
        assert_eq!(mb.folder_named("INBOX"), Some(FolderKind::Inbox));
        assert_eq!(
            mb.folder_named(&mb.sent_items_id.clone()),
            Some(FolderKind::SentItems)
        );
        assert_eq!(mb.folder_named("drafts"), None);
    }
}
