//! Refusal probes: what Entra ID, Microsoft Graph and Genesys Cloud refuse, the emulator refuses,
//! with the vendor's status and error code. Each probe names where the vendor documents the
//! refusal; the answers' shapes are checked against the vendors' SDK models by
//! `scripts/contracts.sh check` over the exchange log these probes write too.

mod http_support;

use graphwiz_emulator::{GenesysEmulator, GenesysOptions, GenesysScenario, Scenario};
use http_support::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn graph_send(
    emu: &graphwiz_emulator::Emulator,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = Client::new()
        .request(method, format!("{}/v1.0/{path}", emu.base_url()))
        .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.expect("graph request");
    let st = resp.status();
    (st, resp.json().await.unwrap_or(Value::Null))
}

/// `$select` is honoured on directory objects, and a property the type lacks is a 400
/// (OData query options; graph/query-parameters: "$select … not found" answers 400).
#[tokio::test]
async fn select_is_honoured_and_unknown_properties_are_refused() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    let app = format!("applications(appId='{}')", c.client_id);

    let (st, body) = graph_get(&client, &emu, &token, &format!("{app}?$select=id")).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["@odata.context", "id"], "{body}");
    assert!(body["@odata.context"]
        .as_str()
        .unwrap()
        .ends_with("$metadata#applications(id)/$entity"));

    let (st, body) = graph_get(&client, &emu, &token, &format!("{app}?$select=id,nosuch")).await;
    assert_graph_error(st, &body, 400, "Request_BadRequest");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'nosuch' on type 'microsoft.graph.application'"));

    let sp = format!("servicePrincipals(appId='{}')", c.client_id);
    let (st, body) = graph_get(&client, &emu, &token, &format!("{sp}?$select=id")).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(
        body.get("appId").is_none() && body["id"].is_string(),
        "{body}"
    );
    let (st, body) = graph_get(&client, &emu, &token, &format!("{sp}?$select=secretText")).await;
    assert_graph_error(st, &body, 400, "Request_BadRequest");

    let admin = admin_token(&emu).await;
    let (st, body) = graph_get(&client, &emu, &admin, "me?$select=userPrincipalName").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(
        body["userPrincipalName"],
        "admin@contoso-demo.onmicrosoft.com"
    );
    assert!(body.get("displayName").is_none(), "{body}");
    let (st, body) = graph_get(&client, &emu, &admin, "me?$select=password").await;
    assert_graph_error(st, &body, 400, "Request_BadRequest");
}

/// Message PATCH with a property the type lacks: 400 `RequestBodyRead` (OData); `$top` outside
/// 1..=1000: 400 (graph/paging: at most 1000 per page for messages).
#[tokio::test]
async fn mail_refuses_unknown_properties_and_page_sizes_over_1000() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    let mbx = format!("users/support@{}", c.tenant_domain);
    let (st, _) = graph_send(
        &emu,
        &token,
        reqwest::Method::POST,
        &format!("{mbx}/sendMail"),
        Some(json!({"message": {"subject": "probe", "body": {"contentType": "Text", "content": "x"},
            "toRecipients": [{"emailAddress": {"address": format!("support@{}", c.tenant_domain)}}]},
            "saveToSentItems": false})),
    )
    .await;
    assert_eq!(st, StatusCode::ACCEPTED);
    let mut id = None;
    for _ in 0..50 {
        let (_, list) = graph_get(
            &client,
            &emu,
            &token,
            &format!("{mbx}/mailFolders/inbox/messages?$select=id&$top=1"),
        )
        .await;
        id = list["value"][0]["id"].as_str().map(str::to_string);
        if id.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let id = id.expect("the probe mail arrives");

    let (st, body) = graph_send(
        &emu,
        &token,
        reqwest::Method::PATCH,
        &format!("{mbx}/messages/{id}"),
        Some(json!({"isRead": true, "readFlag": true})),
    )
    .await;
    assert_graph_error(st, &body, 400, "RequestBodyRead");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'readFlag' does not exist on type 'microsoft.graph.message'"));
    let (st, body) = graph_send(
        &emu,
        &token,
        reqwest::Method::PATCH,
        &format!("{mbx}/messages/{id}"),
        Some(json!({"isRead": true})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["isRead"], true);

    for top in ["0", "1001"] {
        let (st, body) =
            graph_get(&client, &emu, &token, &format!("{mbx}/messages?$top={top}")).await;
        assert_graph_error(st, &body, 400, "BadRequest");
    }
    let (st, _) = graph_get(&client, &emu, &token, &format!("{mbx}/messages?$top=1000")).await;
    assert_eq!(st, StatusCode::OK);
}

/// Client credentials: a permission instead of `/.default` is AADSTS1002012, an unknown resource
/// AADSTS500011 (v2-oauth2-client-creds-grant-flow: "the value passed for the scope parameter …
/// should be the resource identifier … affixed with the .default suffix").
#[tokio::test]
async fn client_credentials_scope_refusals_carry_entra_codes() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let url = format!("{}/{}/oauth2/v2.0/token", emu.base_url(), c.tenant_id);
    for (scope, error, code) in [
        (
            "https://graph.microsoft.com/Mail.Send",
            "invalid_scope",
            1002012,
        ),
        ("https://example.com/.default", "invalid_resource", 500011),
    ] {
        let resp = client
            .post(&url)
            .form(&[
                ("client_id", c.client_id.as_str()),
                ("client_secret", c.client_secret.as_str()),
                ("grant_type", "client_credentials"),
                ("scope", scope),
            ])
            .send()
            .await
            .expect("token");
        let st = resp.status();
        let body: Value = resp.json().await.expect("json");
        assert_aad_error(st, &body, 400, error, code);
    }
}

/// The discovery document names Entra's public host as `issuer` whatever host answered
/// (v2-protocols-oidc: issuer `https://login.microsoftonline.com/{tenant}/v2.0`), and its
/// endpoints at the host that was asked.
#[tokio::test]
async fn discovery_issuer_is_entras_public_host() {
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let body: Value = Client::new()
        .get(format!(
            "{}/{}/v2.0/.well-known/openid-configuration",
            emu.base_url(),
            c.tenant_domain
        ))
        .send()
        .await
        .expect("discovery")
        .json()
        .await
        .expect("json");
    assert_eq!(
        body["issuer"],
        format!("https://login.microsoftonline.com/{}/v2.0", c.tenant_id)
    );
    assert_eq!(
        body["token_endpoint"],
        format!("{}/{}/oauth2/v2.0/token", emu.base_url(), c.tenant_id)
    );
}

/// Listing oauth2PermissionGrants: the app's own Mail-only token is refused (the operation's
/// least privileged application permission is Directory.Read.All), and so is a delegated token
/// with a permission the operation's table does not name (oauth2permissiongrant-list).
#[tokio::test]
async fn grants_need_the_documented_permissions() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    let (_, sp) = graph_get(
        &client,
        &emu,
        &token,
        &format!("servicePrincipals(appId='{}')?$select=id", c.client_id),
    )
    .await;
    let path = format!(
        "oauth2PermissionGrants?$filter=clientId eq '{}' and consentType eq 'AllPrincipals'",
        sp["id"].as_str().expect("sp id")
    );
    let (st, body) = graph_get(&client, &emu, &token, &path).await;
    assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    let admin = admin_token(&emu).await;
    let (st, body) = graph_get(&client, &emu, &admin, &path).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["value"][0]["scope"], "User.Read");
}

/// Genesys Cloud: credential types are a bare array (SDK 255.0.0: `CredentialType[]`), an
/// unauthenticated call is 401, a missing permission 403 `missing.permissions` naming it.
#[tokio::test]
async fn genesys_answers_and_refusals() {
    let g = GenesysEmulator::start(GenesysOptions::scenario(GenesysScenario::Healthy))
        .await
        .expect("genesys emulator");
    let client = Client::new();
    let tok: Value = client
        .post(format!("{}/oauth/token", g.base_url()))
        .basic_auth(g.client_id(), Some(g.client_secret()))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("json");
    let tok = tok["access_token"].as_str().expect("token").to_string();
    let types: Value = client
        .get(format!(
            "{}/api/v2/integrations/credentials/types",
            g.base_url()
        ))
        .bearer_auth(&tok)
        .send()
        .await
        .expect("types")
        .json()
        .await
        .expect("json");
    assert!(types.is_array(), "a bare array, not a listing: {types}");

    let resp = client
        .get(format!("{}/api/v2/integrations", g.base_url()))
        .send()
        .await
        .expect("integrations");
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["status"], 401);
    assert!(body["code"].is_string() && body["message"].is_string());

    let g = GenesysEmulator::start(GenesysOptions::scenario(GenesysScenario::MissingPermission))
        .await
        .expect("genesys emulator");
    let tok: Value = client
        .post(format!("{}/oauth/token", g.base_url()))
        .basic_auth(g.client_id(), Some(g.client_secret()))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("json");
    let resp = client
        .get(format!("{}/api/v2/routing/email/domains", g.base_url()))
        .bearer_auth(tok["access_token"].as_str().expect("token"))
        .send()
        .await
        .expect("domains");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["code"], "missing.permissions");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("routing:email:manage"));
}
