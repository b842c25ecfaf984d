//! `POST /users/{upn}/sendMail`: the message is checked as Exchange checks it, saved to Sent
//! Items when asked, and delivered to every mailbox of every tenant among its recipients after
//! the delivery delay; also the message an outside sender delivers.

use std::sync::Arc;

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::graph::error::GraphError;
use crate::graph::request::Answer;
use crate::mailbox::{new_internet_message_id, new_message_id, EmailAddress, FolderKind, Message};
use crate::model::Directory;
use crate::pickup::delivery::deliver;
use crate::scenario::Scenario;
use crate::state::Shared;

use super::errors::{bad, item_not_found};

/// At most this many custom internet message headers per message.
const MAX_CUSTOM_HEADERS: usize = 5;

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
pub(super) fn send_mail(
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
                deliver(&shared, &template, &addresses, Utc::now());
            });
        }
        Err(_) => {
            deliver(s, &template, &addresses, Utc::now());
        }
    }
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
    use serde_json::json;

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
