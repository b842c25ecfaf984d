//! A message as Graph JSON, and the `$select` of message properties.

use base64::engine::general_purpose::URL_SAFE;
use base64::Engine as _;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

use super::store::{hash16, EmailAddress, Message};

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
