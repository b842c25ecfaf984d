//! The loopback listener: a tiny HTTP/1.1 server on `http://localhost:{port}` for the one answer
//! the browser brings back from a sign-in or consent page.

use super::error::{AdminError, Waiting};
use crate::i18n::{args, Args, Lang};
use std::collections::HashMap;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Largest request head the loopback listener reads from a browser.
pub(super) const MAX_REQUEST_HEAD: usize = 16 * 1024;
/// How long one browser connection to the loopback listener may take.
pub(super) const CONNECTION_TIMEOUT: Duration = Duration::from_secs(10);
/// Browser connections read at the same time, at most.
pub(super) const MAX_PENDING_CONNECTIONS: usize = 32;

// ---------------------------------------------------------------------------------------------
// The loopback listener (a tiny HTTP/1.1 server for one answer)
// ---------------------------------------------------------------------------------------------

/// Query parameters the browser brought back. Holds codes: never printed.
pub(super) struct Callback {
    stream: TcpStream,
    params: HashMap<String, String>,
    /// The language the browser asked for (its `Accept-Language`), for the page it gets.
    lang: Lang,
}

impl Callback {
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// Answers the browser with a short page, catalog message `id` in the browser's language,
    /// and closes the connection.
    pub(super) async fn reply(mut self, ok: bool, id: &str, args: &Args) {
        let title = if ok {
            "admin-page-done"
        } else {
            "admin-page-not-done"
        };
        let message = crate::i18n::text(self.lang, id, args);
        respond(
            &mut self.stream,
            if ok { 200 } else { 400 },
            self.lang,
            title,
            &message,
        )
        .await;
    }

    /// Answers the browser that `err` stopped it: page `id` (`$error`, `$fix`) in the browser's
    /// language.
    pub(super) async fn reply_error(self, id: &str, err: &AdminError) {
        let a = args([
            ("error", err.text_in(self.lang)),
            ("fix", err.fix_in(self.lang)),
        ]);
        self.reply(false, id, &a).await;
    }
}

/// The first language graphwiz speaks among those of an `Accept-Language` header value
/// (`de-DE,de;q=0.9,en;q=0.8`); English for none.
pub(super) fn accept_language(value: &str) -> Lang {
    value
        .split(',')
        .filter_map(|tag| Lang::parse(tag.split(';').next().unwrap_or_default()))
        .next()
        .unwrap_or(Lang::En)
}

impl Drop for Callback {
    fn drop(&mut self) {
        for v in self.params.values_mut() {
            zeroize::Zeroize::zeroize(v);
        }
    }
}

pub(super) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Answers with a short page: title from catalog message `title_id`, `message` as worded.
pub(super) async fn respond(
    stream: &mut TcpStream,
    status: u16,
    lang: Lang,
    title_id: &str,
    message: &str,
) {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Bad Request",
    };
    let title = crate::i18n::text(lang, title_id, &Args::new());
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>{}</h1><p>{}</p></body></html>\n",
        lang.code(),
        html_escape(&title),
        html_escape(&title),
        html_escape(message)
    );
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let write = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body.as_bytes()).await?;
        stream.flush().await?;
        stream.shutdown().await
    };
    // The browser may have gone away; the answer it brought is what counts.
    let _ = tokio::time::timeout(CONNECTION_TIMEOUT, write).await;
}

/// Reads a request head and returns its request target, for `GET` requests only, with the
/// language the browser asks for.
pub(super) async fn read_target(stream: &mut TcpStream) -> Option<(String, Lang)> {
    let mut buf: Vec<u8> = Vec::with_capacity(2048);
    let mut chunk = [0u8; 2048];
    loop {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(chunk.get(..n)?);
        if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.len() >= MAX_REQUEST_HEAD {
            break;
        }
    }
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.lines();
    let line = lines.next()?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let lang = lines
        .take_while(|l| !l.is_empty())
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("accept-language")
                .then(|| accept_language(value))
        })
        .unwrap_or(Lang::En);
    (method == "GET" && version.starts_with("HTTP/1.")).then(|| (target.to_string(), lang))
}

/// Listens on `127.0.0.1:{port}` (and `[::1]:{port}` when it can) for the browser's answer.
pub(super) struct Loopback {
    v4: TcpListener,
    v6: Option<TcpListener>,
    port: u16,
}

impl Loopback {
    pub(super) async fn bind() -> Result<Self, AdminError> {
        let err = |e: std::io::Error| AdminError::Listener {
            detail: e.to_string(),
        };
        let v4 = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .map_err(err)?;
        let port = v4.local_addr().map_err(err)?.port();
        // Browsers may resolve `localhost` to ::1 first; listen there too when possible.
        let v6 = TcpListener::bind((Ipv6Addr::LOCALHOST, port)).await.ok();
        Ok(Loopback { v4, v6, port })
    }

    /// `http://localhost:{port}`.
    pub(super) fn redirect_uri(&self) -> String {
        format!("http://localhost:{}", self.port)
    }

    pub(super) async fn accept(&self) -> std::io::Result<TcpStream> {
        match &self.v6 {
            Some(v6) => tokio::select! {
                r = self.v4.accept() => r.map(|(s, _)| s),
                r = v6.accept() => r.map(|(s, _)| s),
            },
            None => self.v4.accept().await.map(|(s, _)| s),
        }
    }

    /// Waits for a request to `/` that carries one of `keys` in its query; other requests (a
    /// favicon, a reload without parameters) get a short page and the wait goes on. Connections
    /// are read concurrently, so an idle speculative connection of a browser holds nothing up.
    pub(super) async fn callback(&self, keys: &[&str]) -> Callback {
        use futures::stream::{FuturesUnordered, StreamExt};
        let mut pending = FuturesUnordered::new();
        loop {
            tokio::select! {
                accepted = self.accept() => match accepted {
                    Ok(stream) if pending.len() < MAX_PENDING_CONNECTIONS => {
                        pending.push(read_connection(stream));
                    }
                    // Too many at once: drop this one (a browser retries).
                    Ok(_) => {}
                    // E.g. too many open files: don't spin.
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                },
                Some((mut stream, target)) = pending.next(), if !pending.is_empty() => {
                    let Some((target, lang)) = target else { continue };
                    let page = |id: &str| crate::i18n::text(lang, id, &Args::new());
                    let (path, query) = target.split_once('?').unwrap_or((target.as_str(), ""));
                    if path != "/" {
                        respond(&mut stream, 404, lang, "admin-page-not-found", &page("admin-page-wrong-path")).await;
                        continue;
                    }
                    let params: HashMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
                        .map(|(k, v)| (k.into_owned(), v.into_owned()))
                        .collect();
                    if !keys.iter().any(|k| params.contains_key(*k)) {
                        respond(
                            &mut stream,
                            400,
                            lang,
                            "admin-page-waiting",
                            &page("admin-page-no-answer"),
                        )
                        .await;
                        continue;
                    }
                    return Callback { stream, params, lang };
                }
            }
        }
    }
}

/// Reads one connection's request target within [`CONNECTION_TIMEOUT`].
pub(super) async fn read_connection(mut stream: TcpStream) -> (TcpStream, Option<(String, Lang)>) {
    let target = tokio::time::timeout(CONNECTION_TIMEOUT, read_target(&mut stream))
        .await
        .ok()
        .flatten();
    (stream, target)
}

pub(super) fn secs(d: Duration) -> u64 {
    d.as_secs().max(u64::from(d.subsec_nanos() > 0)).max(1)
}

/// Waits for the browser's answer within `limit`.
pub(super) async fn await_callback(
    loopback: &Loopback,
    keys: &[&str],
    limit: Duration,
    waiting: Waiting,
) -> Result<Callback, AdminError> {
    tokio::time::timeout(limit, loopback.callback(keys))
        .await
        .map_err(|_| AdminError::Timeout {
            waiting,
            secs: secs(limit),
        })
}
