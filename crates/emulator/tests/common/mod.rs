//! Helpers shared by the mail and sign-in tests: starting an emulator, getting tokens, calling
//! Graph and checking error bodies.

#![allow(dead_code)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use graphwiz_emulator::{DemoCredentials, Emulator, Options, Scenario};
use reqwest::{Client, StatusCode};
use serde_json::Value;

pub const GRAPH_SCOPE: &str = "https://graph.microsoft.com/.default";

pub async fn start(s: Scenario) -> Emulator {
    Emulator::start(Options::scenario(s))
        .await
        .expect("emulator starts")
}

pub async fn start_with(opts: Options) -> Emulator {
    Emulator::start(opts).await.expect("emulator starts")
}

pub async fn app_token_for(client: &Client, emu: &Emulator, c: &DemoCredentials) -> String {
    let resp = client
        .post(format!(
            "{}/{}/oauth2/v2.0/token",
            emu.base_url(),
            c.tenant_id
        ))
        .form(&[
            ("client_id", c.client_id.as_str()),
            ("client_secret", c.client_secret.as_str()),
            ("grant_type", "client_credentials"),
            ("scope", GRAPH_SCOPE),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(resp.status(), StatusCode::OK);
    let body: Value = resp.json().await.expect("json");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

pub async fn app_token(client: &Client, emu: &Emulator) -> String {
    app_token_for(client, emu, &emu.demo()).await
}

pub fn payload(token: &str) -> Value {
    let p = token.split('.').nth(1).expect("three parts");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).expect("base64url")).expect("json payload")
}

pub fn roles(token: &str) -> Vec<String> {
    payload(token)["roles"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Reads a response into (status, JSON body or Null, Retry-After).
pub async fn read(resp: reqwest::Response) -> (StatusCode, Value, Option<String>) {
    let status = resp.status();
    let retry = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let text = resp.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, body, retry)
}

pub async fn get(client: &Client, emu: &Emulator, token: &str, path: &str) -> (StatusCode, Value) {
    let resp = client
        .get(format!("{}/v1.0/{path}", emu.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .expect("graph request");
    let (s, b, _) = read(resp).await;
    (s, b)
}

pub async fn get_query(
    client: &Client,
    emu: &Emulator,
    token: &str,
    path: &str,
    query: &[(&str, &str)],
) -> (StatusCode, Value) {
    let resp = client
        .get(format!("{}/v1.0/{path}", emu.base_url()))
        .query(query)
        .bearer_auth(token)
        .send()
        .await
        .expect("graph request");
    let (s, b, _) = read(resp).await;
    (s, b)
}

pub async fn get_url(client: &Client, token: &str, url: &str) -> (StatusCode, Value) {
    let resp = client
        .get(url)
        .bearer_auth(token)
        .send()
        .await
        .expect("graph request");
    let (s, b, _) = read(resp).await;
    (s, b)
}

pub async fn send_raw(
    client: &Client,
    emu: &Emulator,
    token: &str,
    from: &str,
    body: &str,
) -> (StatusCode, Value, Option<String>) {
    let resp = client
        .post(format!("{}/v1.0/users/{from}/sendMail", emu.base_url()))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("sendMail");
    read(resp).await
}

pub async fn send(
    client: &Client,
    emu: &Emulator,
    token: &str,
    from: &str,
    body: &Value,
) -> (StatusCode, Value, Option<String>) {
    send_raw(client, emu, token, from, &body.to_string()).await
}

/// A sendMail body with one To recipient and the given custom headers.
pub fn mail(to: &[&str], subject: &str, headers: &[(&str, &str)]) -> Value {
    let to: Vec<Value> = to
        .iter()
        .map(|a| serde_json::json!({"emailAddress": {"address": a}}))
        .collect();
    let headers: Vec<Value> = headers
        .iter()
        .map(|(n, v)| serde_json::json!({"name": n, "value": v}))
        .collect();
    serde_json::json!({
        "message": {
            "subject": subject,
            "body": {"contentType": "Text", "content": format!("Body of {subject}")},
            "toRecipients": to,
            "internetMessageHeaders": headers,
        },
        "saveToSentItems": true,
    })
}

pub fn assert_graph_error(status: StatusCode, body: &Value, want_status: u16, code: &str) {
    assert_eq!(status.as_u16(), want_status, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    let inner = &body["error"]["innerError"];
    assert!(
        inner["date"].is_string()
            && inner["request-id"].is_string()
            && inner["client-request-id"].is_string(),
        "{body}"
    );
}

pub fn assert_graph_error_msg(
    status: StatusCode,
    body: &Value,
    want_status: u16,
    code: &str,
    message: &str,
) {
    assert_graph_error(status, body, want_status, code);
    assert_eq!(body["error"]["message"], message, "{body}");
}

pub fn assert_aad_error(
    status: StatusCode,
    body: &Value,
    want_status: u16,
    error: &str,
    code: u64,
) {
    assert_eq!(status.as_u16(), want_status, "status for {body}");
    assert_eq!(body["error"], error, "{body}");
    assert_eq!(body["error_codes"][0].as_u64(), Some(code), "{body}");
    let desc = body["error_description"].as_str().expect("description");
    assert!(desc.starts_with(&format!("AADSTS{code}: ")), "{desc}");
    assert!(desc.contains("\r\nTrace ID: "), "{desc}");
}
