//! Request bodies of the Graph endpoints that create and change directory objects: a JSON
//! object whose properties must exist on the entity type (as Graph refuses unknown ones), GUID
//! and string fields, and Graph's refusal texts for them.

use serde_json::{Map, Value};

use super::error::GraphError;
use super::select::DIRECTORY_OBJECT;

/// The body as a JSON object (an empty body is an empty object), or 400.
pub(super) fn object(body: &[u8]) -> Result<Map<String, Value>, GraphError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(GraphError::bad_request(
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        )),
    }
}

/// 400 for the first property of `m` that `type_name` lacks (`props` plus the directory object
/// properties and `@odata.type`).
pub(super) fn known_properties(
    m: &Map<String, Value>,
    props: &[&str],
    type_name: &str,
) -> Result<(), GraphError> {
    for k in m.keys() {
        let known = k == "@odata.type"
            || DIRECTORY_OBJECT
                .iter()
                .chain(props.iter())
                .any(|p| p.eq_ignore_ascii_case(k));
        if !known {
            return Err(GraphError::bad_request(format!(
                "Property '{k}' does not exist on type 'microsoft.graph.{type_name}'."
            )));
        }
    }
    Ok(())
}

/// A property by name, any case.
pub(super) fn get<'a>(m: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    m.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// 400 "Invalid value specified for property '…' of resource '…'.".
pub(super) fn invalid(name: &str, resource: &str) -> GraphError {
    GraphError::bad_request(format!(
        "Invalid value specified for property '{name}' of resource '{resource}'."
    ))
}

/// A string property that must be present and not blank.
pub(super) fn required_text(
    m: &Map<String, Value>,
    name: &str,
    resource: &str,
) -> Result<String, GraphError> {
    match get(m, name) {
        Some(Value::String(v)) if !v.trim().is_empty() => Ok(v.trim().to_string()),
        _ => Err(invalid(name, resource)),
    }
}

/// A GUID property that must be present.
pub(super) fn required_guid(
    m: &Map<String, Value>,
    name: &str,
    resource: &str,
) -> Result<String, GraphError> {
    let v = required_text(m, name, resource)?;
    uuid::Uuid::parse_str(&v)
        .map(|u| u.hyphenated().to_string())
        .map_err(|_| invalid(name, resource))
}

/// An optional list of strings (`null` or absent: `None`).
pub(super) fn string_list(
    m: &Map<String, Value>,
    name: &str,
    resource: &str,
) -> Result<Option<Vec<String>>, GraphError> {
    match get(m, name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .map(Some)
            .ok_or_else(|| invalid(name, resource)),
        Some(_) => Err(invalid(name, resource)),
    }
}

/// 400 as Entra answers when a principal named in the body does not exist (yet): a new object
/// that has not replicated looks the same.
pub(super) fn reference_missing(id: &str) -> GraphError {
    GraphError::bad_request(format!(
        "Resource '{id}' does not exist or one of its queried reference-property objects are not present."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_and_properties() {
        let m = object(br#"{"displayName":"x","nosuch":1}"#).unwrap();
        let err = known_properties(&m, &["displayName"], "application").unwrap_err();
        assert!(err.message.contains("'nosuch'"), "{}", err.message);
        assert!(object(b"  ").unwrap().is_empty());
        assert!(object(b"[1]").is_err());
        let m =
            object(br#"{"appId":"3B9D6F4A-1C2E-4A8B-9F70-6D5E4C3B2A10","tags":["a"]}"#).unwrap();
        assert_eq!(
            required_guid(&m, "appid", "ServicePrincipal").unwrap(),
            "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10"
        );
        assert_eq!(
            string_list(&m, "tags", "Application").unwrap(),
            Some(vec!["a".to_string()])
        );
        assert!(required_text(&m, "displayName", "Application").is_err());
    }
}
