//! What each tenant's mailboxes hold: the Inbox and Sent Items with their messages, removals
//! remembered for delta, the change counter, and Graph-shaped ids.

use base64::engine::general_purpose::URL_SAFE;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

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
    pub(super) fn json(&self) -> Value {
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
pub(super) fn hash16(text: &str) -> [u8; 16] {
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
