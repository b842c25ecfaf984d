//! The Genesys Cloud answer shapes every endpoint shares: JSON with a correlation id, and the
//! Platform API error body (`message`, `code`, `status`, `contextId`, `details`, `errors`).

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::wire::{json_response, set_header};

/// Content type of every Genesys Cloud answer.
const JSON: &str = "application/json";
/// A JSON answer with a correlation id, as every Genesys Cloud answer has.
pub(crate) fn answer(status: StatusCode, body: &Value) -> Response {
    let mut resp = json_response(status, body, JSON);
    set_header(
        &mut resp,
        "ININ-Correlation-Id",
        &uuid::Uuid::new_v4().to_string(),
    );
    resp
}

/// A Platform API error answer.
pub(crate) fn api_error(status: StatusCode, code: &str, message: &str) -> Response {
    ApiError::new(status, code, message).respond()
}

/// A Platform API error not yet turned into an answer.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: String,
    message: String,
}

impl ApiError {
    /// An error with this status, `code` and `message`.
    pub(crate) fn new(status: StatusCode, code: &str, message: &str) -> ApiError {
        ApiError {
            status,
            code: code.to_string(),
            message: message.to_string(),
        }
    }

    /// 404 `not.found`.
    pub(crate) fn not_found() -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not.found",
            "The requested resource was not found.",
        )
    }

    /// The answer: `message`, `code`, `status`, a fresh `contextId`, empty `details` and `errors`.
    pub(crate) fn respond(self) -> Response {
        answer(
            self.status,
            &json!({
                "message": self.message,
                "code": self.code,
                "status": self.status.as_u16(),
                "contextId": uuid::Uuid::new_v4().to_string(),
                "details": [],
                "errors": [],
            }),
        )
    }
}
