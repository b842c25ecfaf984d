//! Helpers shared by the end-to-end login, Graph directory and server tests: starting an
//! emulator, client-credentials tokens and their claims, Graph calls, AADSTS and Graph error
//! checks, and what the token endpoint answers for each scenario.

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

pub async fn post_token(client: &Client, base: &str, c: &DemoCredentials) -> reqwest::Response {
    client
        .post(format!("{base}/{}/oauth2/v2.0/token", c.tenant_id))
        .form(&[
            ("client_id", c.client_id.as_str()),
            ("client_secret", c.client_secret.as_str()),
            ("grant_type", "client_credentials"),
            ("scope", GRAPH_SCOPE),
        ])
        .send()
        .await
        .expect("token request")
}

pub async fn access_token(client: &Client, emu: &Emulator, c: &DemoCredentials) -> String {
    let resp = post_token(client, &emu.base_url(), c).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let body: Value = resp.json().await.expect("json");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

pub fn payload(token: &str) -> Value {
    let p = token.split('.').nth(1).expect("three parts");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).expect("base64url")).expect("json payload")
}

pub async fn graph_get(
    client: &Client,
    emu: &Emulator,
    token: &str,
    path: &str,
) -> (StatusCode, Value) {
    let resp = client
        .get(format!("{}/v1.0/{path}", emu.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .expect("graph request");
    let status = resp.status();
    let body = resp.json().await.unwrap_or(Value::Null);
    (status, body)
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
    assert!(desc.contains("\r\nCorrelation ID: "), "{desc}");
    assert!(desc.contains("\r\nTimestamp: "), "{desc}");
    let ts = body["timestamp"].as_str().expect("timestamp");
    assert_eq!(ts.len(), "2026-01-09 02:02:12Z".len(), "{ts}");
    assert!(ts.ends_with('Z'));
    assert!(uuid_like(body["trace_id"].as_str().unwrap_or("")));
    assert!(uuid_like(body["correlation_id"].as_str().unwrap_or("")));
    assert_eq!(
        body["error_uri"].as_str(),
        Some(format!("https://login.microsoftonline.com/error?code={code}").as_str())
    );
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
            && inner["client-request-id"].is_string()
    );
}

pub fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

pub fn roles(token: &str) -> Option<Vec<String>> {
    payload(token).get("roles").map(|r| {
        r.as_array()
            .expect("roles array")
            .iter()
            .map(|v| v.as_str().unwrap_or("").to_string())
            .collect()
    })
}

/// What the token endpoint should answer for a scenario: Ok(roles) or Err((status, error, code)).
pub type TokenOutcome = Result<Option<Vec<&'static str>>, (u16, &'static str, u64)>;

pub fn expected_token(s: Scenario) -> TokenOutcome {
    let both = Some(vec!["Mail.ReadWrite", "Mail.Send"]);
    match s {
        Scenario::Healthy
        | Scenario::UserReadNotConsented
        | Scenario::Throttled
        | Scenario::RbacScoped
        | Scenario::MailLost
        | Scenario::SendThrottled
        | Scenario::PolicyMaxLifetime
        | Scenario::PolicyPasswordsBlocked => Ok(both),
        Scenario::WrongSecret | Scenario::SecretIdPasted => Err((401, "invalid_client", 7000215)),
        Scenario::ExpiredSecret => Err((401, "invalid_client", 7000222)),
        Scenario::UnknownApp => Err((400, "unauthorized_client", 700016)),
        Scenario::UnknownTenant => Err((400, "invalid_request", 90002)),
        Scenario::AppDisabled => Err((400, "unauthorized_client", 7000112)),
        Scenario::NoAdminConsent => Ok(None),
        Scenario::UserReadAsApplication => {
            Ok(Some(vec!["Mail.ReadWrite", "Mail.Send", "User.Read.All"]))
        }
        Scenario::MailSendDelegated => Ok(Some(vec!["Mail.ReadWrite"])),
        Scenario::DirectoryReads => Ok(Some(vec![
            "Mail.ReadWrite",
            "Mail.Send",
            "Directory.Read.All",
        ])),
    }
}

/// A delegated token of the tenant's administrator (authorization code with PKCE through the
/// emulator's authorize endpoint) with Application.Read.All and Directory.Read.All: what reads
/// grants and app role assignments in a real tenant, where the app's own token may not.
pub async fn admin_token(emu: &Emulator) -> String {
    admin_token_with(
        emu,
        "https://graph.microsoft.com/Application.Read.All https://graph.microsoft.com/Directory.Read.All openid",
    )
    .await
}

/// The delegated scopes that create an app registration and consent to it.
pub const SETUP_SCOPES: &str = "https://graph.microsoft.com/Policy.Read.All https://graph.microsoft.com/Application.ReadWrite.All https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All openid";

/// A delegated token of the tenant's administrator with [`SETUP_SCOPES`].
pub async fn setup_admin_token(emu: &Emulator) -> String {
    admin_token_with(emu, SETUP_SCOPES).await
}

/// A delegated token of the tenant's administrator for `scope` (authorization code with PKCE).
pub async fn admin_token_with(emu: &Emulator, scope: &str) -> String {
    use sha2::{Digest, Sha256};
    const GRAPH_CLI: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    const REDIRECT: &str = "http://localhost:53123/callback";
    const VERIFIER: &str = "graphwiz-test-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let tid = emu.demo().tenant_id;
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER.as_bytes()));
    let resp = client
        .get(format!("{}/{tid}/oauth2/v2.0/authorize", emu.base_url()))
        .query(&[
            ("client_id", GRAPH_CLI),
            ("response_type", "code"),
            ("redirect_uri", REDIRECT),
            ("response_mode", "query"),
            ("scope", scope),
            ("state", "st"),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
        ])
        .send()
        .await
        .expect("authorize");
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok())
        .expect("redirect with a code");
    let code = location
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("code");
    let resp = client
        .post(format!("{}/{tid}/oauth2/v2.0/token", emu.base_url()))
        .form(&[
            ("client_id", GRAPH_CLI),
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT),
            ("code_verifier", VERIFIER),
        ])
        .send()
        .await
        .expect("token");
    let body: Value = resp.json().await.expect("json");
    body["access_token"]
        .as_str()
        .expect("admin access_token")
        .to_string()
}
