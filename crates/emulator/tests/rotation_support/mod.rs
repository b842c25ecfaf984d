//! Helpers shared by the rotation and stall tests: a delegated administrator token through the
//! device code flow, addPassword and removePassword calls, trying a secret at the token endpoint,
//! and the Genesys Cloud credential update and restart.

#![allow(dead_code)]

use std::time::Duration;

use chrono::{DateTime, Months, Utc};
use graphwiz_emulator::{Emulator, GenesysEmulator, Options};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

use crate::common::{read, GRAPH_SCOPE};

pub const GRAPH_CLI: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// Options whose device code sign-in answers the first poll with a token.
pub fn quick(opts: Options) -> Options {
    Options {
        device_pending_polls: 0,
        device_interval_secs: 0,
        ..opts
    }
}

/// A delegated administrator token for `scope`, through the device code flow.
pub async fn admin_token(client: &Client, emu: &Emulator, scope: &str) -> String {
    let tid = emu.demo().tenant_id;
    let resp = client
        .post(format!("{}/{tid}/oauth2/v2.0/devicecode", emu.base_url()))
        .form(&[("client_id", GRAPH_CLI), ("scope", scope)])
        .send()
        .await
        .expect("devicecode");
    let (st, start, _) = read(resp).await;
    assert_eq!(st, StatusCode::OK, "{start}");
    let device = start["device_code"].as_str().expect("device_code");
    let resp = client
        .post(format!("{}/{tid}/oauth2/v2.0/token", emu.base_url()))
        .form(&[
            ("client_id", GRAPH_CLI),
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("device_code", device),
        ])
        .send()
        .await
        .expect("poll");
    let (st, body, _) = read(resp).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("token").to_string()
}

pub fn app_url(emu: &Emulator) -> String {
    format!(
        "{}/v1.0/applications(appId='{}')",
        emu.base_url(),
        emu.demo().client_id
    )
}

pub async fn post(client: &Client, url: &str, token: &str, body: &Value) -> (StatusCode, Value) {
    let resp = client
        .post(url)
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .expect("post");
    let (st, body, _) = read(resp).await;
    (st, body)
}

pub async fn add_password(
    client: &Client,
    emu: &Emulator,
    token: &str,
    end: DateTime<Utc>,
) -> (StatusCode, Value) {
    let body = json!({"passwordCredential": {
        "displayName": "graphwiz rotation",
        "endDateTime": end.to_rfc3339(),
    }});
    post(
        client,
        &format!("{}/addPassword", app_url(emu)),
        token,
        &body,
    )
    .await
}

pub async fn remove_password(
    client: &Client,
    emu: &Emulator,
    token: &str,
    key_id: &str,
) -> (StatusCode, Value) {
    post(
        client,
        &format!("{}/removePassword", app_url(emu)),
        token,
        &json!({"keyId": key_id}),
    )
    .await
}

/// The token endpoint's answer for the demo app with `secret`: status and AADSTS codes.
pub async fn try_secret(client: &Client, emu: &Emulator, secret: &str) -> (StatusCode, Vec<u64>) {
    let c = emu.demo();
    let resp = client
        .post(format!(
            "{}/{}/oauth2/v2.0/token",
            emu.base_url(),
            c.tenant_id
        ))
        .form(&[
            ("client_id", c.client_id.as_str()),
            ("client_secret", secret),
            ("grant_type", "client_credentials"),
            ("scope", GRAPH_SCOPE),
        ])
        .send()
        .await
        .expect("token");
    let (st, body, _) = read(resp).await;
    let codes = body["error_codes"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    (st, codes)
}

pub fn in_months(n: u32) -> DateTime<Utc> {
    Utc::now()
        .checked_add_months(Months::new(n))
        .expect("date in range")
}

/// A Genesys Cloud access token.
pub async fn genesys_token(client: &Client, g: &GenesysEmulator) -> String {
    let resp = client
        .post(format!("{}/oauth/token", g.base_url()))
        .basic_auth(g.client_id(), Some(g.client_secret()))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("genesys token");
    let (st, body, _) = read(resp).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("token").to_string()
}

/// The path of the Graph integration's credential, read from its configuration.
pub async fn credential_path(client: &Client, g: &GenesysEmulator, tok: &str) -> String {
    let (st, config) = genesys_get(
        client,
        g,
        tok,
        &format!("/api/v2/integrations/{}/config/current", g.integration_id()),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{config}");
    let id = config["credentials"]["msGraphCredentials"]["id"]
        .as_str()
        .expect("credential id");
    format!("/api/v2/integrations/credentials/{id}")
}

/// A GET on the Genesys Cloud emulator.
pub async fn genesys_get(
    client: &Client,
    g: &GenesysEmulator,
    tok: &str,
    path: &str,
) -> (StatusCode, Value) {
    let resp = client
        .get(format!("{}{path}", g.base_url()))
        .bearer_auth(tok)
        .send()
        .await
        .expect("genesys get");
    let (st, body, _) = read(resp).await;
    (st, body)
}

/// The credential update body for the Graph integration.
pub fn credential_body(client_id: &str, secret: &str) -> Value {
    json!({
        "name": "Graph app credentials (rotated)",
        "type": {"name": "microsoftGraphClientCredentials"},
        "credentialFields": {"clientId": client_id, "clientSecret": secret},
    })
}

/// `PUT` of the credential at `path` with `body`.
pub async fn put_credential(
    client: &Client,
    g: &GenesysEmulator,
    tok: &str,
    path: &str,
    body: &Value,
) -> (StatusCode, Value) {
    let resp = client
        .put(format!("{}{path}", g.base_url()))
        .bearer_auth(tok)
        .json(body)
        .send()
        .await
        .expect("genesys put");
    let (st, body, _) = read(resp).await;
    (st, body)
}

/// Sets the Graph integration's `intendedState`.
pub async fn set_intended(client: &Client, g: &GenesysEmulator, tok: &str, state: &str) -> Value {
    let resp = client
        .patch(format!(
            "{}/api/v2/integrations/{}",
            g.base_url(),
            g.integration_id()
        ))
        .bearer_auth(tok)
        .json(&json!({"intendedState": state}))
        .send()
        .await
        .expect("patch");
    let (st, body, _) = read(resp).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body
}

/// Waits until the Graph integration's reported state is no longer a transition.
pub async fn settled_state(g: &GenesysEmulator) -> String {
    for _ in 0..200 {
        let (_, code) = g.integration_state();
        if code != "ACTIVATING" && code != "DEACTIVATING" {
            return code;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!(
        "integration still in transition: {:?}",
        g.integration_state()
    );
}

/// Disables and enables the Graph integration; returns the integration once it settled.
pub async fn restart(client: &Client, g: &GenesysEmulator, tok: &str) -> Value {
    set_intended(client, g, tok, "DISABLED").await;
    assert_eq!(settled_state(g).await, "INACTIVE");
    set_intended(client, g, tok, "ENABLED").await;
    settled_state(g).await;
    let (st, body) = genesys_get(
        client,
        g,
        tok,
        &format!("/api/v2/integrations/{}", g.integration_id()),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body
}
