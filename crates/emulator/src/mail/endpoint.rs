//! The entry point of every mailbox request: method, permission (from the token's roles) and
//! mailbox checks, then mail folders and single messages (read, mark, delete); lists, delta and
//! sendMail go on to their own modules.

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use chrono::Utc;
use serde_json::{json, Value};

use crate::graph::error::GraphError;
use crate::graph::path::{Key, MailPath};
use crate::graph::request::{Answer, GraphRequest};
use crate::mailbox::{message_json, parse_select, FolderKind, Mailbox, MailboxBehaviour};
use crate::model::Directory;
use crate::pickup::delivery::settle;
use crate::state::Shared;

use super::delta::delta;
use super::errors::{
    access_denied, bad, invalid_user, item_not_found, not_enabled, odata_disabled, parse_json_body,
    unknown_property,
};
use super::list::list;
use super::send::send_mail;

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
    settle(s, dir, Utc::now());
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
            // Graph refuses a property the message type lacks (OData's RequestBodyRead).
            if let Some(unknown) = fields.keys().find(|k| {
                !k.starts_with("@odata.")
                    && !crate::mailbox::MESSAGE_PROPERTIES
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(k))
            }) {
                return Err(bad(
                    "RequestBodyRead",
                    format!("The property '{unknown}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type."),
                ));
            }
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
    json!({
        "id": mb.folder_id(kind),
        "displayName": kind.display_name(),
        "parentFolderId": mb.root_id,
        "childFolderCount": 0,
        "unreadItemCount": unread,
        "totalItemCount": msgs.len(),
        "isHidden": false,
    })
}
