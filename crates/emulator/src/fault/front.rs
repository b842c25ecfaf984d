//! The raw TCP front that serves the public port while a fault is set: it reads each request's
//! head, writes the fault byte by byte for a request its target matches, and relays every other
//! request to the normal server on the internal port (with `Connection: close`).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use super::{Fault, FaultSettings, FaultTarget};
use crate::state::{RecordedRequest, Shared};

/// Largest request head read.
const MAX_HEAD: usize = 64 * 1024;
/// Largest request body read before a fault is answered.
const MAX_BODY: usize = 1024 * 1024;
/// Largest upstream answer relayed with a rewritten content type.
const MAX_RELAY: usize = 8 * 1024 * 1024;
/// Interval between two bytes of the endless slow body.
const DRIBBLE: Duration = Duration::from_millis(100);

/// Serves the public port until `stop` changes: faults for matching requests, the normal server
/// (at `settings.internal`) for the rest.
pub(crate) async fn front(
    public: TcpListener,
    settings: Arc<FaultSettings>,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            accepted = public.accept() => match accepted {
                Ok((conn, _)) => {
                    let settings = settings.clone();
                    let shared = shared.clone();
                    let mut stop = stop.clone();
                    tokio::spawn(async move {
                        tokio::select! {
                            _ = handle(conn, &settings, &shared) => {}
                            _ = stop.changed() => {}
                        }
                    });
                }
                // Out of file descriptors and the like: breathe, then accept again.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
            _ = stop.changed() => break,
        }
    }
}

/// A parsed request head.
struct Head {
    method: String,
    target: String,
    /// Header lines (name, value), in order.
    headers: Vec<(String, String)>,
    /// Bytes read after the head (the start of the body).
    rest: Vec<u8>,
}

impl Head {
    fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }
    fn query(&self) -> Option<String> {
        self.target.split_once('?').map(|(_, q)| q.to_string())
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn content_length(&self) -> usize {
        self.header("content-length")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    }
    /// The head as sent upstream: hop-by-hop connection headers replaced by `Connection: close`.
    fn upstream_bytes(&self) -> Vec<u8> {
        let mut out = format!("{} {} HTTP/1.1\r\n", self.method, self.target);
        for (n, v) in &self.headers {
            if ["connection", "keep-alive", "proxy-connection"]
                .iter()
                .any(|h| n.eq_ignore_ascii_case(h))
            {
                continue;
            }
            out.push_str(&format!("{n}: {v}\r\n"));
        }
        out.push_str("Connection: close\r\n\r\n");
        out.into_bytes()
    }
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

/// Reads one request head; `None` when the client closed first or sent garbage.
async fn read_head(conn: &mut TcpStream) -> Option<Head> {
    let mut buf = Vec::with_capacity(2048);
    let mut chunk = [0u8; 4096];
    let end = loop {
        if let Some(end) = find_head_end(&buf) {
            break end;
        }
        if buf.len() > MAX_HEAD {
            return None;
        }
        let n = conn.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let text = std::str::from_utf8(&buf[..end]).ok()?;
    let mut lines = text.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let target = request_line.next()?.to_string();
    let headers = lines
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(Head {
        method,
        target,
        headers,
        rest: buf[end..].to_vec(),
    })
}

/// Reads the rest of the request body, so that closing the connection later sends FIN, not RST.
async fn read_body(conn: &mut TcpStream, head: &Head) -> Option<Vec<u8>> {
    let want = head.content_length().min(MAX_BODY);
    let mut body = head.rest.clone();
    let mut chunk = [0u8; 8192];
    while body.len() < want {
        let n = conn.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(body)
}

async fn handle(mut conn: TcpStream, settings: &FaultSettings, shared: &Shared) {
    let _ = conn.set_nodelay(true);
    let Some(head) = read_head(&mut conn).await else {
        return;
    };
    if !settings.target.matches(head.path()) {
        relay(conn, &head, settings.internal).await;
        return;
    }
    let Some(body) = read_body(&mut conn, &head).await else {
        return;
    };
    let record = |status: u16| {
        shared.record_answered_here(RecordedRequest {
            method: head.method.clone(),
            path: head.path().to_string(),
            query: head.query(),
            status,
            time: Utc::now(),
        })
    };
    let login = FaultTarget::is_login(head.path());
    let _ = match settings.fault {
        Fault::Throttled | Fault::Unavailable => {
            let (status, reason, body) = throttled_answer(settings.fault, login);
            record(status);
            let mut headers = vec![("Content-Type", JSON)];
            if !settings.retry_after.is_empty() {
                headers.push(("Retry-After", settings.retry_after.as_str()));
            }
            respond(&mut conn, status, reason, &headers, body.as_bytes()).await
        }
        Fault::Reset => {
            record(200);
            reset(conn).await
        }
        Fault::Stall => {
            record(0);
            // Hold the connection until the client gives up (or the emulator stops).
            let mut sink = [0u8; 1024];
            while let Ok(n) = conn.read(&mut sink).await {
                if n == 0 {
                    break;
                }
            }
            Ok(())
        }
        Fault::MalformedJson => {
            record(200);
            respond(&mut conn, 200, "OK", &[("Content-Type", JSON)], MALFORMED).await
        }
        Fault::Truncated => {
            record(200);
            truncated(&mut conn).await
        }
        Fault::HtmlPage => {
            record(200);
            respond(&mut conn, 200, "OK", &[("Content-Type", HTML)], PORTAL_PAGE).await
        }
        Fault::TextPlain => {
            record(200);
            respond(
                &mut conn,
                200,
                "OK",
                &[("Content-Type", "text/plain; charset=utf-8")],
                JSONISH_TEXT,
            )
            .await
        }
        Fault::JsonAsHtml => relay_relabelled(conn, &head, &body, settings.internal).await,
        Fault::SlowBody => {
            record(200);
            dribble(&mut conn).await
        }
    };
}

const JSON: &str = "application/json; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

const MALFORMED: &[u8] =
    br#"{"token_type": "Bearer", "value": [ {"id": "1",, "displayName": } ], "@odata.context": }"#;

const JSONISH_TEXT: &[u8] =
    b"{error: 'upstream connect error or disconnect/reset before headers', retry: true}";

const PORTAL_PAGE: &[u8] = b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Guest Wi-Fi - Sign in</title></head>\n<body><h1>Welcome to Guest Wi-Fi</h1>\n<p>Please accept the terms of use to continue to the internet.</p>\n<form method=\"post\" action=\"/portal/accept\"><button>Accept and connect</button></form>\n</body></html>\n";

/// The start of a plausible answer, used by the reset and truncated faults.
const PARTIAL_JSON: &[u8] = br#"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#applications","value":[{"id":"6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b","displayName":"Genesys Cloud Email","requiredResourceAccess":[{"resourceAppId":"00000003-0000-0000-c000-000000000000","resourceAccess":[{"id":"e2a3a72e-5f79-4c64-b1b1-878b674786c9","type":"Role"},{"id":"#;

fn throttled_answer(fault: Fault, login: bool) -> (u16, &'static str, String) {
    let now = Utc::now().format("%Y-%m-%d %H:%M:%SZ");
    let trace = uuid::Uuid::new_v4();
    match (fault, login) {
        (Fault::Throttled, true) => (
            429,
            "Too Many Requests",
            format!(
                r#"{{"error":"temporarily_unavailable","error_description":"AADSTS50196: The server terminated an operation because it encountered a client request loop. Please contact your app vendor.\r\nTrace ID: {trace}\r\nTimestamp: {now}","error_codes":[50196],"timestamp":"{now}","trace_id":"{trace}"}}"#
            ),
        ),
        (Fault::Throttled, false) => (
            429,
            "Too Many Requests",
            format!(
                r#"{{"error":{{"code":"TooManyRequests","message":"Too many requests. Retry after the time given in Retry-After.","innerError":{{"date":"{now}","request-id":"{trace}"}}}}}}"#
            ),
        ),
        (_, true) => (
            503,
            "Service Unavailable",
            format!(
                r#"{{"error":"temporarily_unavailable","error_description":"AADSTS90033: A transient error has occurred. Please try again.\r\nTrace ID: {trace}\r\nTimestamp: {now}","error_codes":[90033],"timestamp":"{now}","trace_id":"{trace}"}}"#
            ),
        ),
        (_, false) => (
            503,
            "Service Unavailable",
            format!(
                r#"{{"error":{{"code":"serviceNotAvailable","message":"The service is temporarily unavailable.","innerError":{{"date":"{now}","request-id":"{trace}"}}}}}}"#
            ),
        ),
    }
}

async fn respond(
    conn: &mut TcpStream,
    status: u16,
    reason: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {reason}\r\n");
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    conn.write_all(head.as_bytes()).await?;
    conn.write_all(body).await?;
    conn.flush().await?;
    conn.shutdown().await
}

async fn reset(conn: TcpStream) -> std::io::Result<()> {
    let mut conn = conn;
    let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {JSON}\r\nContent-Length: 2048\r\n\r\n");
    conn.write_all(head.as_bytes()).await?;
    conn.write_all(&PARTIAL_JSON[..PARTIAL_JSON.len() / 2])
        .await?;
    conn.flush().await?;
    // Let the client read what was sent, then reset: SO_LINGER 0 makes close() send RST.
    tokio::time::sleep(Duration::from_millis(100)).await;
    conn.set_zero_linger()?;
    drop(conn);
    Ok(())
}

async fn truncated(conn: &mut TcpStream) -> std::io::Result<()> {
    let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {JSON}\r\nContent-Length: 4096\r\n\r\n");
    conn.write_all(head.as_bytes()).await?;
    conn.write_all(PARTIAL_JSON).await?;
    conn.flush().await?;
    conn.shutdown().await
}

async fn dribble(conn: &mut TcpStream) -> std::io::Result<()> {
    let head =
        format!("HTTP/1.1 200 OK\r\nContent-Type: {JSON}\r\nTransfer-Encoding: chunked\r\n\r\n");
    conn.write_all(head.as_bytes()).await?;
    conn.write_all(b"a\r\n{\"value\":[\r\n").await?;
    conn.flush().await?;
    loop {
        tokio::time::sleep(DRIBBLE).await;
        // One space per chunk: valid JSON whitespace, so the body never becomes invalid, only endless.
        conn.write_all(b"1\r\n \r\n").await?;
        conn.flush().await?;
    }
}

/// Hands the request to the normal server and copies the answer back.
async fn relay(mut conn: TcpStream, head: &Head, internal: SocketAddr) {
    let Ok(mut upstream) = TcpStream::connect(internal).await else {
        return;
    };
    let _ = upstream.set_nodelay(true);
    if upstream.write_all(&head.upstream_bytes()).await.is_err()
        || upstream.write_all(&head.rest).await.is_err()
    {
        return;
    }
    let _ = tokio::io::copy_bidirectional(&mut conn, &mut upstream).await;
}

/// Relays the request, then sends the real answer with its `Content-Type` replaced by text/html.
async fn relay_relabelled(
    mut conn: TcpStream,
    head: &Head,
    body: &[u8],
    internal: SocketAddr,
) -> std::io::Result<()> {
    let mut upstream = TcpStream::connect(internal).await?;
    upstream.write_all(&head.upstream_bytes()).await?;
    upstream.write_all(body).await?;
    let mut answer = Vec::new();
    (&mut upstream)
        .take(MAX_RELAY as u64)
        .read_to_end(&mut answer)
        .await?;
    let Some(end) = find_head_end(&answer) else {
        return conn.shutdown().await;
    };
    let head_text = String::from_utf8_lossy(&answer[..end]).into_owned();
    let mut out = String::new();
    let mut labelled = false;
    for line in head_text.split("\r\n").filter(|l| !l.is_empty()) {
        if line
            .split_once(':')
            .is_some_and(|(n, _)| n.trim().eq_ignore_ascii_case("content-type"))
        {
            out.push_str(&format!("content-type: {HTML}\r\n"));
            labelled = true;
        } else {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    if !labelled {
        out.push_str(&format!("content-type: {HTML}\r\n"));
    }
    out.push_str("\r\n");
    conn.write_all(out.as_bytes()).await?;
    conn.write_all(&answer[end..]).await?;
    conn.flush().await?;
    conn.shutdown().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_bodies_are_not_json() {
        assert!(serde_json::from_slice::<serde_json::Value>(MALFORMED).is_err());
        assert!(serde_json::from_slice::<serde_json::Value>(JSONISH_TEXT).is_err());
        assert!(serde_json::from_slice::<serde_json::Value>(PARTIAL_JSON).is_err());
        for fault in [Fault::Throttled, Fault::Unavailable] {
            for login in [true, false] {
                let (_, _, body) = throttled_answer(fault, login);
                assert!(
                    serde_json::from_str::<serde_json::Value>(&body).is_ok(),
                    "{body}"
                );
            }
        }
    }
}
