//! What a Graph handler gets for one request: the caller from its token, the query parameters
//! (with the lenient `$filter` of the directory endpoints), paging preferences, and the answer it
//! gives back.

use axum::http::{HeaderMap, Method, StatusCode};
use chrono::{SecondsFormat, Utc};
use serde_json::Value;

use super::error::GraphError;
use super::path::{Key, Resource};

/// Who is calling, from a verified token.
#[derive(Clone, Debug)]
pub(crate) struct Caller {
    pub tenant_id: String,
    pub app_id: String,
    pub roles: Vec<String>,
    /// Delegated permissions (`scp`), empty for app-only tokens.
    pub scopes: Vec<String>,
    /// The signed-in user's object id, for delegated tokens (`idtyp` "user").
    pub user_oid: Option<String>,
}

impl Caller {
    /// Whether the token carries this application permission.
    pub fn has_role(&self, name: &str) -> bool {
        self.roles.iter().any(|r| r == name)
    }

    /// Whether the token is a delegated (user) token.
    pub fn is_delegated(&self) -> bool {
        self.user_oid.is_some()
    }

    /// Whether the delegated token carries any of these scopes (any case).
    pub fn has_any_scope(&self, names: &[&str]) -> bool {
        self.scopes
            .iter()
            .any(|s| names.iter().any(|n| n.eq_ignore_ascii_case(s)))
    }
}

/// Decoded query parameters; the first occurrence of a name wins.
pub(crate) struct Query(pub(crate) Vec<(String, String)>);

impl Query {
    pub(crate) fn parse(q: Option<&str>) -> Self {
        let pairs = url::form_urlencoded::parse(q.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Query(pairs)
    }

    /// A parameter by name; `$filter` also matches `filter`, as Graph allows.
    pub fn get(&self, name: &str) -> Option<&str> {
        let bare = name.trim_start_matches('$');
        self.0
            .iter()
            .find(|(k, _)| k.trim_start_matches('$').eq_ignore_ascii_case(bare))
            .map(|(_, v)| v.as_str())
    }
}

/// `prop eq 'value'` clauses joined by `and`, read leniently.
pub(crate) fn parse_filter(filter: &str) -> Result<Vec<(String, String)>, GraphError> {
    let mut clauses = Vec::new();
    let mut rest = filter.trim();
    while !rest.is_empty() {
        let (prop, after) = rest
            .split_once(char::is_whitespace)
            .ok_or_else(|| invalid_filter(filter))?;
        let after = after.trim_start();
        let after = after
            .get(..2)
            .filter(|op| op.eq_ignore_ascii_case("eq"))
            .map(|_| after[2..].trim_start())
            .ok_or_else(|| invalid_filter(filter))?;
        let value_body = after
            .strip_prefix('\'')
            .ok_or_else(|| invalid_filter(filter))?;
        // Find the closing quote, treating '' as an escaped quote.
        let mut value = String::new();
        let mut chars = value_body.char_indices().peekable();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().map(|(_, n)| *n) == Some('\'') {
                    value.push('\'');
                    chars.next();
                } else {
                    end = Some(i + 1);
                    break;
                }
            } else {
                value.push(c);
            }
        }
        let end = end.ok_or_else(|| invalid_filter(filter))?;
        clauses.push((prop.trim_matches(|c| c == '(').to_string(), value));
        rest = value_body[end..]
            .trim_start()
            .trim_start_matches(')')
            .trim_start();
        if rest.is_empty() {
            break;
        }
        let (and, tail) = rest
            .split_once(char::is_whitespace)
            .ok_or_else(|| invalid_filter(filter))?;
        if !and.eq_ignore_ascii_case("and") {
            return Err(invalid_filter(filter));
        }
        rest = tail.trim_start();
    }
    Ok(clauses)
}

fn invalid_filter(filter: &str) -> GraphError {
    GraphError::new(
        StatusCode::BAD_REQUEST,
        "Request_UnsupportedQuery",
        format!("Invalid filter clause: '{filter}'."),
    )
}

/// Everything a Graph handler needs to answer one request.
pub(crate) struct GraphRequest<'a> {
    pub method: &'a Method,
    pub resource: Resource,
    pub query: Query,
    pub caller: &'a Caller,
    pub base: String,
    /// The request path as sent (still percent-encoded), for `@odata.nextLink`.
    pub path: String,
    /// `Prefer: odata.maxpagesize=N`, if sent.
    pub max_page_size: Option<usize>,
}

/// A successful Graph answer.
pub(crate) enum Answer {
    /// A JSON body with this status.
    Json(StatusCode, Value),
    /// No body (202 Accepted, 204 No Content).
    Empty(StatusCode),
}

/// `Prefer: odata.maxpagesize=N` (N from 1 to 1000).
pub(crate) fn max_page_size(headers: &HeaderMap) -> Option<usize> {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("odata.maxpagesize")
                .then(|| v.trim().trim_matches('"').parse::<usize>().ok())
                .flatten()
        })
        .filter(|n| (1..=1000).contains(n))
}

/// Checks that a key is a GUID (400 otherwise).
pub(crate) fn check_guid(value: &str) -> Result<(), GraphError> {
    uuid::Uuid::parse_str(value)
        .map(|_| ())
        .map_err(|_| GraphError::bad_request(format!("Invalid object identifier '{value}'.")))
}

/// Whether a key names an object by `appId` (`true`) or by object id (`false`); the value must
/// be a GUID, and no other alternate key is known.
pub(crate) fn app_id_key(key: &Key) -> Result<bool, GraphError> {
    check_guid(&key.value)?;
    match key.prop.as_deref() {
        None => Ok(false),
        Some(p) if p.eq_ignore_ascii_case("appId") => Ok(true),
        Some(p) => Err(GraphError::bad_request(format!(
            "Unsupported alternate key '{p}'."
        ))),
    }
}

/// A time as Graph shows directory times: RFC 3339 with milliseconds, `Z`.
pub(crate) fn graph_time(t: chrono::DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        let c = parse_filter("clientId eq 'abc' and consentType eq 'AllPrincipals'")
            .unwrap_or_default();
        assert_eq!(
            c,
            vec![
                ("clientId".to_string(), "abc".to_string()),
                ("consentType".to_string(), "AllPrincipals".to_string())
            ]
        );
        let c = parse_filter("  clientId   EQ 'o''k'  ").unwrap_or_default();
        assert_eq!(c, vec![("clientId".to_string(), "o'k".to_string())]);
        assert!(parse_filter("").map(|v| v.is_empty()).unwrap_or(false));
        assert!(parse_filter("clientId eq abc").is_err());
        assert!(parse_filter("clientId eq 'abc' or x eq 'y'").is_err());
        assert!(parse_filter("clientId").is_err());
        assert!(parse_filter("clientId eq 'abc").is_err());
        assert!(parse_filter("é").is_err());
        assert!(parse_filter("a é").is_err());
    }
}
