//! A response read completely, and the ways its body can be unusable (an HTML page, not JSON,
//! labelled as something else, cut off, or JSON of another shape).

use super::error::{is_json_type, media_type, HttpError};
use crate::i18n::{args, Msg};
use std::time::Duration;

/// A response read completely.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// HTTP status code.
    pub status: u16,
    /// Body as text (lossy UTF-8).
    pub body: String,
    /// `Content-Type` header, when sent.
    pub content_type: Option<String>,
    /// `Retry-After`, when sent and readable.
    pub retry_after: Option<Duration>,
    /// Attempts made (1 when not retried).
    pub attempts: u32,
    /// The host (and port) asked, for messages.
    pub host: String,
    /// Time spent waiting between attempts (Retry-After or back-off).
    pub waited: Duration,
    /// The retry budget the client had for this request.
    pub retry_budget: Duration,
}

impl HttpResponse {
    /// True for 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Parses the body as JSON, explaining precisely why when it is not: an HTML page, a body
    /// that is not JSON, one labelled with another content type, one cut off, or JSON of another
    /// shape. A missing `Content-Type` is tolerated; a non-JSON one is not (Entra ID and
    /// Microsoft Graph always label their JSON, so something else answered or changed it).
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, HttpError> {
        if let Some(e) = self.html_page() {
            return Err(e);
        }
        let parsed = serde_json::from_str::<T>(&self.body);
        if let Some(ct) = self.content_type.as_deref().filter(|ct| !is_json_type(ct)) {
            return match parsed {
                Ok(_) => Err(HttpError::WrongType {
                    host: self.host.clone(),
                    status: self.status,
                    content_type: printable(ct, 80),
                }),
                Err(e) => Err(HttpError::NotJson {
                    host: self.host.clone(),
                    status: self.status,
                    content_type: Some(printable(ct, 80)),
                    detail: syntax_detail(&e),
                }),
            };
        }
        parsed.map_err(|e| match e.classify() {
            serde_json::error::Category::Eof => HttpError::BrokeOff {
                host: self.host.clone(),
                detail: Msg::new("net-cut-off", args([("bytes", self.body.len())])),
            },
            serde_json::error::Category::Data => HttpError::BadBody {
                detail: format!(
                    "the answer from {} is JSON, but not the JSON expected ({})",
                    self.host,
                    data_detail(&e)
                ),
            },
            _ => HttpError::NotJson {
                host: self.host.clone(),
                status: self.status,
                content_type: self.content_type.as_deref().map(|c| printable(c, 80)),
                detail: syntax_detail(&e),
            },
        })
    }

    /// An [`HttpError::Html`] when the body is an HTML page (by content type or by its first
    /// tag): what proxies, captive portals and web filters answer with.
    pub fn html_page(&self) -> Option<HttpError> {
        let labelled_html = self.content_type.as_deref().is_some_and(|ct| {
            media_type(ct) == "text/html" || media_type(ct) == "application/xhtml+xml"
        });
        let looks_html = looks_like_html(&self.body);
        // JSON labelled text/html is not a page: that is WrongType, found by `json`.
        if looks_html
            || (labelled_html && serde_json::from_str::<serde_json::Value>(&self.body).is_err())
        {
            return Some(HttpError::Html {
                host: self.host.clone(),
                status: self.status,
                title: html_title(&self.body),
            });
        }
        None
    }

    /// For an error answer that is not the service's own error JSON: why (an HTML page, or not
    /// JSON at all); `None` when it is JSON (then the caller says "unexpected answer").
    pub fn unreadable_error(&self) -> Option<HttpError> {
        if let Some(e) = self.html_page() {
            return Some(e);
        }
        match serde_json::from_str::<serde_json::Value>(&self.body) {
            Ok(_) => None,
            Err(e) => Some(HttpError::NotJson {
                host: self.host.clone(),
                status: self.status,
                content_type: self.content_type.as_deref().map(|c| printable(c, 80)),
                detail: if self.body.trim().is_empty() {
                    Msg::plain("net-empty")
                } else {
                    syntax_detail(&e)
                },
            }),
        }
    }

    /// An [`HttpError::Throttled`] when this is a 429 or 503 that was still there when the retry
    /// budget ran out (the client retries them, so one that comes back was not cleared).
    pub fn throttled(&self) -> Option<HttpError> {
        (self.status == 429 || self.status == 503).then(|| HttpError::Throttled {
            host: self.host.clone(),
            status: self.status,
            retry_after: self.retry_after,
            attempts: self.attempts,
            waited: self.waited,
            budget: self.retry_budget,
        })
    }
}

/// True when a body starts like an HTML document.
pub(super) fn looks_like_html(body: &str) -> bool {
    let start: String = body
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<head")
        || start.starts_with("<body")
}

/// The text of the first `<title>`, cleaned and shortened; it helps recognise the portal or
/// filter ("Guest Wi-Fi", a web filter's block page).
pub(super) fn html_title(body: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title = printable(body.get(start..end)?, 60);
    (!title.is_empty()).then_some(title)
}

/// `text` with control characters dropped, whitespace collapsed, at most `max` characters.
pub(super) fn printable(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined: String = words
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if joined.chars().count() > max {
        let cut: String = joined.chars().take(max).collect();
        format!("{cut}…")
    } else {
        joined
    }
}

/// Where JSON parsing failed, without quoting the body.
pub(super) fn syntax_detail(e: &serde_json::Error) -> Msg {
    Msg::new(
        "net-syntax",
        args([("line", e.line()), ("column", e.column())]),
    )
}

/// What serde expected, without quoting values from the body (it could echo a request).
pub(super) fn data_detail(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // "missing field `x`" and "unknown variant" name fields, not values; "invalid type: string
    // \"…\", expected …" would quote a value: keep only what was expected.
    if let Some((_, expected)) = text.split_once(", expected ") {
        let expected = expected.split(" at line ").next().unwrap_or(expected);
        format!(
            "a value of the wrong type where {expected} was expected, at line {}, column {}",
            e.line(),
            e.column()
        )
    } else {
        text
    }
}
