//! `GET …/mailFolders/{folder}/messages/delta`: a first round reports every message, later
//! rounds (with `$deltatoken`) what changed or was removed since, each paged with `$skiptoken`.

use serde_json::{json, Value};

use crate::graph::error::GraphError;
use crate::graph::request::GraphRequest;
use crate::mailbox::{message_json, parse_select, FolderKind, Mailbox, Selection};
use crate::state::Shared;
use crate::wire::lock;

use super::errors::{sync_not_found, unknown_property};
use super::list::{message_filter, parse_top, DEFAULT_TOP};
use super::sync::SyncState;

/// `GET …/mailFolders/{folder}/messages/delta`, with or without `$deltatoken`/`$skiptoken`.
pub(super) fn delta(
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
    let filter = message_filter(state.filter.as_deref())?;
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
