//! `GET …/messages` (of a folder or the whole mailbox): `$filter`, `$orderby`, `$select`, `$top`
//! and `$skip`, with an `@odata.nextLink` while more messages follow.

use serde_json::{json, Value};

use crate::graph::error::GraphError;
use crate::graph::request::GraphRequest;
use crate::mailbox::{
    message_json, orderby_fits_filter, parse_filter, parse_orderby, parse_select, sort_messages,
    FolderKind, Mailbox, Message, MessageFilter,
};

use super::errors::{bad, invalid_filter, unknown_property};

/// Default and largest `$top`.
pub(super) const DEFAULT_TOP: usize = 10;
const MAX_TOP: usize = 1000;

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

pub(super) fn parse_top(req: &GraphRequest<'_>) -> Result<Option<usize>, GraphError> {
    match parse_count(req.query.get("$top"), "$top")? {
        // Graph refuses a page size outside 1..=1000.
        Some(n) if n == 0 || n > MAX_TOP => Err(bad(
            "BadRequest",
            format!("Invalid $top value '{n}'. It must be between 1 and {MAX_TOP}."),
        )),
        other => Ok(other),
    }
}

/// A message `$filter` as the mail endpoints read it: empty or missing filters match every
/// message.
pub(super) fn message_filter(filter: Option<&str>) -> Result<MessageFilter, GraphError> {
    match filter.map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) => parse_filter(f).map_err(|d| invalid_filter(&d)),
        None => Ok(MessageFilter::default()),
    }
}

/// `GET …/messages`: filtered, sorted and paged with `$skip`.
pub(super) fn list(
    req: &GraphRequest<'_>,
    mb: &Mailbox,
    folder: Option<FolderKind>,
) -> Result<Value, GraphError> {
    let select = parse_select(req.query.get("$select")).map_err(|p| unknown_property(&p))?;
    let filter = message_filter(req.query.get("$filter"))?;
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
