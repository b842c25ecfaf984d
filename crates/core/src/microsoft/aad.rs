//! Parsing the error bodies of Entra ID (AADSTS…) and Microsoft Graph.
//!
//! Entra ID answers `{"error","error_description":"AADSTS7000215: …\r\nTrace ID: …","error_codes":[…],
//! "trace_id","correlation_id",…}`; Graph answers `{"error":{"code","message","innerError":{…}}}`.
//! Both parsers accept any input and return `None` for anything that is not such a body.

use serde::Deserialize;

/// An Entra ID (Azure AD) OAuth error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AadError {
    /// The OAuth error, e.g. `invalid_client`.
    pub error: String,
    /// The AADSTS number, from `error_codes` or the description.
    pub code: Option<u32>,
    /// The first line of the description without the `AADSTS…:` prefix.
    pub message: String,
    /// Trace ID, for a support case with Microsoft.
    pub trace_id: Option<String>,
    /// Correlation ID, for a support case with Microsoft.
    pub correlation_id: Option<String>,
}

impl AadError {
    /// `AADSTS7000215` style code, when known.
    pub fn code_label(&self) -> Option<String> {
        self.code.map(|c| format!("AADSTS{c}"))
    }
}

#[derive(Deserialize)]
struct RawAad {
    error: Option<String>,
    error_description: Option<String>,
    #[serde(default)]
    error_codes: Option<Vec<serde_json::Value>>,
    trace_id: Option<String>,
    correlation_id: Option<String>,
}

/// Finds `AADSTS<digits>` in a text.
pub fn find_aadsts_code(text: &str) -> Option<u32> {
    let idx = text.find("AADSTS")?;
    let digits: String = text[idx + 6..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .take(9)
        .collect();
    digits.parse().ok()
}

/// Parses an Entra ID error body.
pub fn parse_aad_error(body: &str) -> Option<AadError> {
    let raw: RawAad = serde_json::from_str(body).ok()?;
    let error = raw.error?;
    let description = raw.error_description.unwrap_or_default();
    let code = raw
        .error_codes
        .as_ref()
        .and_then(|c| c.first())
        .and_then(|v| v.as_u64())
        .and_then(|v| u32::try_from(v).ok())
        .or_else(|| find_aadsts_code(&description));
    let first_line = description
        .split(['\r', '\n'])
        .next()
        .unwrap_or_default()
        .trim();
    let message = match first_line.split_once(": ") {
        Some((prefix, rest)) if prefix.starts_with("AADSTS") => rest.trim().to_string(),
        _ => first_line.to_string(),
    };
    Some(AadError {
        error,
        code,
        message,
        trace_id: raw.trace_id,
        correlation_id: raw.correlation_id,
    })
}

/// A Microsoft Graph error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphError {
    /// E.g. `Authorization_RequestDenied`, `ErrorAccessDenied`, `TooManyRequests`.
    pub code: String,
    /// The human message Graph sent.
    pub message: String,
    /// `innerError.request-id`, for a support case.
    pub request_id: Option<String>,
}

#[derive(Deserialize)]
struct RawGraphEnvelope {
    error: RawGraphError,
}

#[derive(Deserialize)]
struct RawGraphError {
    code: Option<String>,
    message: Option<String>,
    #[serde(rename = "innerError", alias = "innererror")]
    inner: Option<serde_json::Value>,
}

/// Parses a Graph error body.
pub fn parse_graph_error(body: &str) -> Option<GraphError> {
    let raw: RawGraphEnvelope = serde_json::from_str(body).ok()?;
    let code = raw.error.code?;
    let request_id = raw
        .error
        .inner
        .as_ref()
        .and_then(|i| i.get("request-id"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    Some(GraphError {
        code,
        message: raw.error.message.unwrap_or_default(),
        request_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRONG_SECRET: &str = r#"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10'.\r\nTrace ID: 0b6c3a0e-1b2c-4d5e-8f90-a1b2c3d4e5f6\r\nCorrelation ID: 5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\r\nTimestamp: 2026-01-09 02:02:12Z","error_codes":[7000215],"timestamp":"2026-01-09 02:02:12Z","trace_id":"0b6c3a0e-1b2c-4d5e-8f90-a1b2c3d4e5f6","correlation_id":"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d","error_uri":"https://login.microsoftonline.com/error?code=7000215"}"#;

    #[test]
    fn parses_real_shaped_aadsts() {
        let e = parse_aad_error(WRONG_SECRET).unwrap();
        assert_eq!(e.error, "invalid_client");
        assert_eq!(e.code, Some(7000215));
        assert_eq!(e.code_label().as_deref(), Some("AADSTS7000215"));
        assert!(e.message.starts_with("Invalid client secret provided."));
        assert!(!e.message.contains("Trace ID"));
        assert_eq!(
            e.trace_id.as_deref(),
            Some("0b6c3a0e-1b2c-4d5e-8f90-a1b2c3d4e5f6")
        );
    }

    #[test]
    fn code_from_description_when_codes_missing() {
        let body = r#"{"error":"invalid_request","error_description":"AADSTS90002: Tenant 'nope.example' not found. Check to make sure you have the correct tenant ID."}"#;
        let e = parse_aad_error(body).unwrap();
        assert_eq!(e.code, Some(90002));
        assert!(e.message.starts_with("Tenant 'nope.example' not found"));
    }

    #[test]
    fn tolerates_garbage() {
        for body in [
            "",
            "null",
            "[]",
            "<html>",
            r#"{"error":5}"#,
            r#"{"error_codes":[1]}"#,
            "AADSTS",
        ] {
            assert_eq!(parse_aad_error(body), None, "{body}");
        }
        assert_eq!(find_aadsts_code("AADSTS"), None);
        assert_eq!(find_aadsts_code("x AADSTS700016: y"), Some(700016));
        assert_eq!(find_aadsts_code("AADSTS99999999999999"), Some(999999999));
        let odd =
            r#"{"error":"x","error_codes":["7000215"],"error_description":"AADSTS7000215: m"}"#;
        assert_eq!(parse_aad_error(odd).unwrap().code, Some(7000215));
        let huge = r#"{"error":"x","error_codes":[99999999999]}"#;
        assert_eq!(parse_aad_error(huge).unwrap().code, None);
    }

    #[test]
    fn parses_graph_error() {
        let body = r#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"date":"2026-01-09T02:02:12","request-id":"r-1","client-request-id":"c-1"}}}"#;
        let e = parse_graph_error(body).unwrap();
        assert_eq!(e.code, "Authorization_RequestDenied");
        assert_eq!(e.request_id.as_deref(), Some("r-1"));
        for body in [
            "",
            "{}",
            r#"{"error":"x"}"#,
            r#"{"error":{}}"#,
            "<html></html>",
        ] {
            assert_eq!(parse_graph_error(body), None, "{body}");
        }
    }
}
