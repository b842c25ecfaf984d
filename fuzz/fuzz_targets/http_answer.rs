//! Fuzz target: how an answer is read and explained (`graphwiz_core::http::HttpResponse::json`,
//! `html_page`, `unreadable_error`, `throttled`, `HttpError`'s text, fix and `redact`), on any
//! status, content type and body.
#![no_main]

use graphwiz_core::http::{HttpError, HttpResponse};
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

fn use_error(e: HttpError) {
    let _ = e.fix();
    let text = e.clone().redact("Zq7Marker").to_string();
    assert!(
        !text.contains("Zq7Marker"),
        "redact left the secret in: {text}"
    );
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]) % 600;
    let rest = String::from_utf8_lossy(&data[2..]);
    let (content_type, body) = match rest.split_once('\n') {
        Some((ct, body)) => (
            Some(ct.to_string()).filter(|c| !c.is_empty()),
            body.to_string(),
        ),
        None => (None, rest.to_string()),
    };
    let resp = HttpResponse {
        status,
        body,
        content_type,
        retry_after: Some(Duration::from_millis(u64::from(data[0]) * 10)),
        attempts: u32::from(data[1] % 6) + 1,
        host: "login.example:443".to_string(),
        waited: Duration::from_millis(u64::from(data[1]) * 20),
        retry_budget: Duration::from_secs(4),
    };
    if let Err(e) = resp.json::<serde_json::Value>() {
        use_error(e);
    }
    for e in [resp.html_page(), resp.unreadable_error(), resp.throttled()]
        .into_iter()
        .flatten()
    {
        use_error(e);
    }
});
