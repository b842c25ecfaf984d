//! Graph error answers (`error.code`, `error.message`, `innerError` with the request ids), the
//! request and client-request ids every Graph answer carries, and the content types.

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use serde_json::json;

use crate::wire::{header_str, json_response, set_header};

/// Content type of successful Graph JSON answers.
pub(crate) const GRAPH_JSON: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
/// Content type of Graph error answers.
pub(crate) const GRAPH_ERROR_JSON: &str = "application/json";

/// Request and client-request ids of one Graph request.
pub(crate) struct GraphIds {
    request_id: String,
    client_request_id: String,
}

impl GraphIds {
    pub(crate) fn new(headers: &HeaderMap) -> Self {
        let request_id = uuid::Uuid::new_v4().hyphenated().to_string();
        let client_request_id = header_str(headers, "client-request-id")
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.len() <= 100)
            .map(str::to_string)
            .unwrap_or_else(|| request_id.clone());
        GraphIds {
            request_id,
            client_request_id,
        }
    }

    pub(crate) fn stamp(&self, resp: &mut Response) {
        set_header(resp, "request-id", &self.request_id);
        set_header(resp, "client-request-id", &self.client_request_id);
    }
}

/// A Graph error answer.
#[derive(Clone, Debug)]
pub(crate) struct GraphError {
    pub(crate) status: StatusCode,
    code: &'static str,
    pub(crate) message: String,
    retry_after: Option<String>,
}

impl GraphError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        GraphError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// The same error with a `Retry-After` header.
    pub(crate) fn retry(mut self, retry_after: &str) -> Self {
        self.retry_after = Some(retry_after.to_string());
        self
    }

    /// 405 for a method the resource does not serve.
    pub(crate) fn method_not_allowed() -> Self {
        GraphError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Request_BadRequest",
            "Specified HTTP method is not allowed for the request uri.",
        )
    }

    pub(crate) fn unauthenticated(message: &str) -> Self {
        GraphError::new(
            StatusCode::UNAUTHORIZED,
            "InvalidAuthenticationToken",
            message,
        )
    }

    pub(crate) fn denied() -> Self {
        GraphError::new(
            StatusCode::FORBIDDEN,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
        )
    }

    pub(crate) fn not_found(id: &str) -> Self {
        GraphError::new(
            StatusCode::NOT_FOUND,
            "Request_ResourceNotFound",
            format!(
                "Resource '{id}' does not exist or one of its queried reference-property objects are not present."
            ),
        )
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        GraphError::new(StatusCode::BAD_REQUEST, "Request_BadRequest", message)
    }

    /// 400 with the given code.
    pub(crate) fn bad_request_code(code: &'static str, message: impl Into<String>) -> Self {
        GraphError::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub(crate) fn respond(&self, ids: &GraphIds) -> Response {
        let body = json!({
            "error": {
                "code": self.code,
                "message": self.message,
                "innerError": {
                    "date": Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
                    "request-id": ids.request_id,
                    "client-request-id": ids.client_request_id,
                }
            }
        });
        let mut resp = json_response(self.status, &body, GRAPH_ERROR_JSON);
        ids.stamp(&mut resp);
        if self.status == StatusCode::UNAUTHORIZED {
            set_header(
                &mut resp,
                "www-authenticate",
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"",
            );
        }
        if let Some(ra) = &self.retry_after {
            set_header(&mut resp, "retry-after", ra);
        }
        resp
    }
}

pub(crate) fn resource_not_found() -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "ResourceNotFound",
        "Resource could not be discovered.",
    )
}

/// The 429 answered when a mailbox already has four requests in flight.
pub(crate) fn mailbox_concurrency_limited(headers: &HeaderMap, retry_after: &str) -> Response {
    let ids = GraphIds::new(headers);
    GraphError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "ApplicationThrottled",
        "Application is over its MailboxConcurrency limit.",
    )
    .retry(retry_after)
    .respond(&ids)
}
