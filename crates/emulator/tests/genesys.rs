//! End-to-end checks of the Genesys Cloud emulator over real HTTP: the OAuth token endpoint,
//! bearer tokens, paging envelopes, every scenario's distinguishing answer, restart transitions,
//! error bodies, throttling, recording, loopback-only listening, the threaded mode and the
//! command's `--genesys` flag.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use graphwiz_emulator::genesys::{GenesysEmulator, GenesysOptions, GenesysScenario};
use graphwiz_emulator::model::demo;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const CC: &str = "client_credentials";
const TYPES: &str = "/api/v2/integrations/types";
const GRAPH_TYPE: &str = "msgraph-mail-ingestion";
const DOMAINS: &str = "/api/v2/routing/email/domains";

async fn start_with(opts: GenesysOptions) -> GenesysEmulator {
    GenesysEmulator::start(opts).await.expect("emulator starts")
}

async fn start(sc: GenesysScenario) -> GenesysEmulator {
    start_with(GenesysOptions::scenario(sc)).await
}

/// An emulator for `sc` and a token from it.
async fn session(sc: GenesysScenario) -> (GenesysEmulator, String) {
    let emu = start(sc).await;
    let tok = token(&emu).await;
    (emu, tok)
}

fn is_json(resp: &reqwest::Response) -> bool {
    resp.headers()
        .get("content-type")
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
}

async fn post_token(emu: &GenesysEmulator, secret: &str, grant: &str) -> (StatusCode, Value) {
    let resp = Client::new()
        .post(format!("{}/oauth/token", emu.base_url()))
        .basic_auth(emu.client_id(), Some(secret))
        .form(&[("grant_type", grant)])
        .send()
        .await
        .expect("token request");
    assert!(is_json(&resp));
    (resp.status(), resp.json().await.expect("json"))
}

async fn token(emu: &GenesysEmulator) -> String {
    let (status, body) = post_token(emu, &emu.client_secret(), CC).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("token").to_string()
}

async fn get(emu: &GenesysEmulator, tok: &str, path: &str) -> (StatusCode, Value) {
    let resp = Client::new()
        .get(format!("{}{path}", emu.base_url()))
        .bearer_auth(tok)
        .send()
        .await
        .expect("request");
    assert!(is_json(&resp), "{path}");
    (resp.status(), resp.json().await.expect("json"))
}

async fn ok(emu: &GenesysEmulator, tok: &str, path: &str) -> Value {
    let (status, body) = get(emu, tok, path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

async fn graph_integration(emu: &GenesysEmulator, tok: &str) -> Value {
    ok(
        emu,
        tok,
        &format!("/api/v2/integrations/{}", emu.integration_id()),
    )
    .await
}

async fn graph_credential(emu: &GenesysEmulator, tok: &str) -> Value {
    let id = emu.integration_id();
    let cfg = ok(
        emu,
        tok,
        &format!("/api/v2/integrations/{id}/config/current"),
    )
    .await;
    assert_eq!(cfg["properties"]["azureTenantId"], demo::TENANT_ID);
    let cred = &cfg["credentials"]["msGraphCredentials"];
    assert_eq!(cred["type"]["name"], "microsoftGraphClientCredentials");
    let cred_id = cred["id"].as_str().expect("credential id");
    ok(
        emu,
        tok,
        &format!("/api/v2/integrations/credentials/{cred_id}"),
    )
    .await
}

async fn patch_state(emu: &GenesysEmulator, tok: &str, state: &str) -> (StatusCode, Value) {
    let resp = Client::new()
        .patch(format!(
            "{}/api/v2/integrations/{}",
            emu.base_url(),
            emu.integration_id()
        ))
        .bearer_auth(tok)
        .json(&json!({"intendedState": state, "name": "ignored"}))
        .send()
        .await
        .expect("patch");
    (resp.status(), resp.json().await.expect("json"))
}

fn assert_error_shape(body: &Value, status: u16, code: &str) {
    assert_eq!(body["status"], status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(body["contextId"].as_str().map(str::len), Some(36), "{body}");
    assert_eq!(body["details"], json!([]));
    assert_eq!(body["errors"], json!([]));
}

fn entities(list: &Value) -> &Vec<Value> {
    list["entities"].as_array().expect("entities")
}

fn ids(list: &Value) -> Vec<&str> {
    entities(list)
        .iter()
        .map(|e| e["id"].as_str().unwrap_or_default())
        .collect()
}

fn routes_path() -> String {
    format!("{DOMAINS}/{}/routes", demo::TENANT_DOMAIN)
}

#[tokio::test]
async fn token_needs_the_right_credentials_and_grant() {
    let emu = start(GenesysScenario::Healthy).await;
    let (status, body) = post_token(&emu, &emu.client_secret(), CC).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 86399);
    assert!(body["access_token"].as_str().unwrap().len() >= 32);

    let (status, body) = post_token(&emu, "not-the-secret", CC).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_client");
    assert_eq!(body["description"], "authentication failed");
    assert_eq!(body["error_description"], "authentication failed");

    let (status, body) = post_token(&emu, &emu.client_secret(), "password").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "unsupported_grant_type");

    let resp = Client::new()
        .post(format!("{}/oauth/token", emu.base_url()))
        .form(&[("grant_type", CC)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "invalid_client");

    let wrong = start(GenesysScenario::WrongOauthSecret).await;
    assert_eq!(wrong.client_id(), emu.client_id());
    assert_ne!(wrong.client_secret(), emu.client_secret());
    let (status, body) = post_token(&wrong, &wrong.client_secret(), CC).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_client");
}

#[tokio::test]
async fn api_needs_an_issued_bearer_token() {
    let (emu, tok) = session(GenesysScenario::Healthy).await;
    let resp = Client::new()
        .get(format!("{}/api/v2/integrations", emu.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let body: Value = resp.json().await.unwrap();
    assert_error_shape(&body, 401, "bad.credentials");
    assert_eq!(body["message"], "Invalid login credentials.");
    let (status, _) = get(&emu, "made-up-token", "/api/v2/integrations").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, body) = get(&emu, &tok, "/api/v2/no/such/thing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_error_shape(&body, 404, "not.found");
    let again = get(&emu, &tok, "/api/v2/no/such/thing").await.1;
    assert_ne!(
        body["contextId"], again["contextId"],
        "a fresh contextId per error"
    );
}

#[tokio::test]
async fn integration_types_page_and_hold_decoys() {
    let (emu, tok) = session(GenesysScenario::Healthy).await;
    let first = ok(&emu, &tok, &format!("{TYPES}?pageSize=25&pageNumber=1")).await;
    assert_eq!(first["pageSize"], 25);
    assert_eq!(first["pageNumber"], 1);
    let total = first["total"].as_u64().unwrap();
    assert!(total > 30, "{total}");
    assert_eq!(first["pageCount"], total.div_ceil(25));
    assert_eq!(entities(&first).len(), 25);
    assert!(ids(&first).contains(&"microsoft-teams"));
    assert!(!ids(&first).contains(&GRAPH_TYPE));

    let next = first["nextUri"].as_str().expect("nextUri on page 1");
    let second = ok(&emu, &tok, next).await;
    assert_eq!(second["pageNumber"], 2);
    assert!(second.get("nextUri").is_none(), "no nextUri on the last");
    assert!(ids(&second).contains(&"ms-graph-data-actions"));
    let graph = entities(&second)
        .iter()
        .find(|t| t["id"] == GRAPH_TYPE)
        .expect("the Graph type on page 2");
    assert_eq!(graph["name"], "Microsoft Graph Email");
    assert_eq!(graph["category"], "Email");
    let slot = &graph["credentials"]["msGraphCredentials"]["credentialTypes"];
    assert_eq!(slot, &json!(["microsoftGraphClientCredentials"]));

    assert_eq!(ok(&emu, &tok, TYPES).await["pageSize"], 25);
    let one = ok(&emu, &tok, &format!("{TYPES}/{GRAPH_TYPE}")).await;
    let uri = one["configPropertiesSchemaUri"].as_str().unwrap();
    let schema = ok(&emu, &tok, uri).await;
    assert_eq!(schema["required"], json!(["azureTenantId"]));
    assert_eq!(schema["properties"]["azureTenantId"]["type"], "string");
    let adv = ok(&emu, &tok, one["configAdvancedSchemaUri"].as_str().unwrap()).await;
    assert_eq!(adv["properties"], json!({}));
    let (status, _) = get(&emu, &tok, &format!("{TYPES}/nope")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn healthy_integration_config_and_credential() {
    let (emu, tok) = session(GenesysScenario::Healthy).await;
    let all = ok(&emu, &tok, "/api/v2/integrations").await;
    assert_eq!(all["total"], 2, "the Graph one and an unrelated one");
    let path = format!("/api/v2/integrations?integrationType={GRAPH_TYPE}");
    let filtered = ok(&emu, &tok, &path).await;
    assert_eq!(ids(&filtered), vec![emu.integration_id()]);
    let state = &filtered["entities"][0]["reportedState"];
    assert_eq!(filtered["entities"][0]["intendedState"], "ENABLED");
    assert_eq!(state["code"], "ACTIVE");
    assert_eq!(state["effective"], "Active");
    assert!(state["detail"]["message"].is_null());

    let cred = graph_credential(&emu, &tok).await;
    assert_eq!(cred["credentialFields"]["clientId"], demo::CLIENT_ID);
    assert!(
        cred["credentialFields"].get("clientSecret").is_none(),
        "secrets are never returned"
    );
    let types = ok(&emu, &tok, "/api/v2/integrations/credentials/types").await;
    let graph = types
        .as_array()
        .expect("credential types answer a bare array of CredentialType, not a listing")
        .iter()
        .find(|t| t["name"] == "microsoftGraphClientCredentials")
        .expect("the Graph credential type");
    assert_eq!(graph["properties"]["clientSecret"]["x-secret"], true);

    let settings = ok(&emu, &tok, "/api/v2/emails/settings").await;
    assert_eq!(
        settings["multipleRouteDestinationsOnInboundEmailEnabled"],
        true
    );
}

#[tokio::test]
async fn healthy_domains_routes_and_queue() {
    let (emu, tok) = session(GenesysScenario::Healthy).await;
    let domains = ok(&emu, &tok, DOMAINS).await;
    assert_eq!(
        ids(&domains),
        vec![demo::TENANT_DOMAIN, "contoso.mypurecloud.de"]
    );
    let graph = &domains["entities"][0]["graphApiSettings"];
    assert_eq!(graph["integration"]["id"], emu.integration_id().as_str());
    assert_eq!(graph["status"], "Active");
    assert!(domains["entities"][1].get("graphApiSettings").is_none());

    let routes = ok(&emu, &tok, &routes_path()).await;
    let (support, sales) = (&routes["entities"][0], &routes["entities"][1]);
    assert_eq!(support["pattern"], "support");
    assert_eq!(
        support["fromEmail"],
        format!("support@{}", demo::TENANT_DOMAIN)
    );
    assert!(support["flow"].is_null());
    assert!(sales["queue"].is_null() && sales["flow"]["name"] == "Sales inbound email");
    let (status, body) = get(&emu, &tok, &format!("{DOMAINS}/x.example/routes")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_error_shape(&body, 404, "not.found");

    let queue = format!(
        "/api/v2/routing/queues/{}",
        support["queue"]["id"].as_str().unwrap()
    );
    assert_eq!(ok(&emu, &tok, &queue).await["memberCount"], 3);
    let path = format!("{queue}/members?pageSize=100&joined=true&expand=routingStatus");
    let members = ok(&emu, &tok, &path).await;
    assert!(
        members.get("total").is_none() && members.get("pageCount").is_none(),
        "{members}"
    );
    assert_eq!(members["pageSize"], 100);
    let statuses: Vec<&str> = entities(&members)
        .iter()
        .map(|m| m["routingStatus"]["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["IDLE", "INTERACTING", "OFF_QUEUE"]);
    let plain = ok(&emu, &tok, &format!("{queue}/members")).await;
    assert!(plain["entities"][0].get("routingStatus").is_none());
    let paged = ok(&emu, &tok, &format!("{queue}/members?pageSize=2")).await;
    assert_eq!(entities(&paged).len(), 2);
    assert!(paged["nextUri"].as_str().unwrap().contains("pageNumber=2"));
    let exact = ok(&emu, &tok, &format!("{queue}/members?pageSize=3")).await;
    assert!(
        exact.get("nextUri").is_none(),
        "3 of 3 on the first page: {exact}"
    );
    let last = ok(
        &emu,
        &tok,
        &format!("{queue}/members?pageSize=2&pageNumber=2"),
    )
    .await;
    assert_eq!(entities(&last).len(), 1);
    assert!(last["previousUri"]
        .as_str()
        .unwrap()
        .contains("pageNumber=1"));
    let (status, _) = get(&emu, &tok, "/api/v2/routing/queues/nope/members").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn integration_scenarios() {
    let (emu, tok) = session(GenesysScenario::IntegrationError).await;
    let i = graph_integration(&emu, &tok).await;
    let state = &i["reportedState"];
    assert_eq!(i["intendedState"], "ENABLED");
    assert_eq!(state["code"], "ERROR");
    assert_eq!(state["effective"], "Error");
    let msg = state["detail"]["message"].as_str().unwrap();
    assert!(
        msg.contains("AADSTS7000222") && msg.contains(demo::CLIENT_ID),
        "{msg}"
    );

    let (emu, tok) = session(GenesysScenario::IntegrationInactive).await;
    let i = graph_integration(&emu, &tok).await;
    let state = &i["reportedState"];
    assert_eq!(i["intendedState"], "DISABLED");
    assert_eq!(state["code"], "INACTIVE");
    assert_eq!(state["effective"], "Inactive");
    assert_eq!(
        emu.integration_state(),
        ("DISABLED".into(), "INACTIVE".into())
    );

    let (emu, tok) = session(GenesysScenario::OtherApp).await;
    let cred = graph_credential(&emu, &tok).await;
    assert_eq!(
        cred["credentialFields"]["clientId"],
        "0d9c1b7e-2f4a-4c88-9e31-7a6b5c4d3e21"
    );
}

#[tokio::test]
async fn domain_and_route_scenarios() {
    let (emu, tok) = session(GenesysScenario::DomainError).await;
    let domains = ok(&emu, &tok, DOMAINS).await;
    let graph = &domains["entities"][0]["graphApiSettings"];
    assert_eq!(graph["status"], "Error");
    assert_eq!(graph["errorInfo"]["code"], "graph.subscription.failed");
    assert!(graph["errorInfo"]["message"]
        .as_str()
        .unwrap()
        .contains("support@"));

    let (emu, tok) = session(GenesysScenario::NoDomain).await;
    let domains = ok(&emu, &tok, DOMAINS).await;
    assert_eq!(ids(&domains), vec!["contoso.mypurecloud.de"]);
    assert!(domains["entities"][0].get("graphApiSettings").is_none());
    assert_eq!(
        get(&emu, &tok, &routes_path()).await.0,
        StatusCode::NOT_FOUND
    );

    let (emu, tok) = session(GenesysScenario::RouteWithoutQueue).await;
    let support = &ok(&emu, &tok, &routes_path()).await["entities"][0];
    assert_eq!(support["pattern"], "support");
    assert!(support["queue"].is_null() && support["flow"].is_null());

    let (emu, tok) = session(GenesysScenario::NobodyOnQueue).await;
    let routes = ok(&emu, &tok, &routes_path()).await;
    let q = routes["entities"][0]["queue"]["id"].as_str().unwrap();
    let path = format!("/api/v2/routing/queues/{q}/members?expand=routingStatus");
    let members = ok(&emu, &tok, &path).await;
    assert_eq!(entities(&members).len(), 3);
    assert!(entities(&members)
        .iter()
        .all(|m| m["routingStatus"]["status"] == "OFF_QUEUE"));

    let (emu, tok) = session(GenesysScenario::MultiDestinationOff).await;
    let settings = ok(&emu, &tok, "/api/v2/emails/settings").await;
    assert_eq!(
        settings["multipleRouteDestinationsOnInboundEmailEnabled"],
        false
    );
}

#[tokio::test]
async fn missing_permission_refuses_only_the_domain_listing() {
    let (emu, tok) = session(GenesysScenario::MissingPermission).await;
    let (status, body) = get(&emu, &tok, DOMAINS).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_error_shape(&body, 403, "missing.permissions");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .ends_with("routing:email:manage"));
    ok(&emu, &tok, &routes_path()).await;
    ok(&emu, &tok, "/api/v2/integrations").await;
}

#[tokio::test]
async fn throttled_answers_429_then_succeeds() {
    let emu = start_with(GenesysOptions {
        throttle_count: 2,
        retry_after: "3".to_string(),
        ..GenesysOptions::scenario(GenesysScenario::Throttled)
    })
    .await;
    let tok = token(&emu).await;
    for _ in 0..2 {
        let resp = Client::new()
            .get(format!("{}/api/v2/integrations", emu.base_url()))
            .bearer_auth(&tok)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(resp.headers()["retry-after"], "3");
        let body: Value = resp.json().await.unwrap();
        assert_error_shape(&body, 429, "too.many.requests");
    }
    ok(&emu, &tok, "/api/v2/integrations").await;
}

#[tokio::test]
async fn restart_passes_through_transitions() {
    let emu = start_with(GenesysOptions {
        transition: Duration::from_millis(400),
        ..GenesysOptions::default()
    })
    .await;
    let tok = token(&emu).await;
    let (status, body) = patch_state(&emu, &tok, "DISABLED").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["intendedState"], "DISABLED");
    assert_eq!(body["reportedState"]["code"], "DEACTIVATING");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        graph_integration(&emu, &tok).await["reportedState"]["code"],
        "INACTIVE"
    );

    let (_, body) = patch_state(&emu, &tok, "ENABLED").await;
    assert_eq!(body["reportedState"]["code"], "ACTIVATING");
    assert_eq!(emu.integration_state().1, "ACTIVATING");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let i = graph_integration(&emu, &tok).await;
    assert_eq!(
        (
            i["intendedState"].as_str(),
            i["reportedState"]["code"].as_str()
        ),
        (Some("ENABLED"), Some("ACTIVE"))
    );

    let (status, body) = patch_state(&emu, &tok, "SLEEPING").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error_shape(&body, 400, "invalid.value");
    assert_eq!(emu.integration_state().0, "ENABLED");

    emu.set_integration_state("DISABLED", "INACTIVE");
    let i = graph_integration(&emu, &tok).await;
    assert_eq!(i["reportedState"]["code"], "INACTIVE");
    assert_eq!(i["reportedState"]["effective"], "Inactive");
}

#[tokio::test]
async fn restart_error_ends_in_error() {
    let emu = start_with(GenesysOptions {
        transition: Duration::from_millis(100),
        ..GenesysOptions::scenario(GenesysScenario::RestartError)
    })
    .await;
    let tok = token(&emu).await;
    let code = |i: Value| i["reportedState"]["code"].as_str().map(str::to_string);
    assert_eq!(
        code(graph_integration(&emu, &tok).await).as_deref(),
        Some("ACTIVE")
    );
    patch_state(&emu, &tok, "DISABLED").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, body) = patch_state(&emu, &tok, "ENABLED").await;
    assert_eq!(body["reportedState"]["code"], "ACTIVATING");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let state = &graph_integration(&emu, &tok).await["reportedState"];
    assert_eq!(state["code"], "ERROR");
    assert_eq!(state["effective"], "Error");
    assert!(state["detail"]["message"]
        .as_str()
        .unwrap()
        .contains("AADSTS7000215"));
}

#[tokio::test]
async fn records_requests_without_bodies() {
    let (emu, tok) = session(GenesysScenario::Healthy).await;
    ok(&emu, &tok, "/api/v2/integrations/types?pageSize=10").await;
    assert_eq!(emu.request_count(), 2);
    let reqs: Vec<String> = emu
        .requests()
        .iter()
        .map(|(m, p)| format!("{m} {p}"))
        .collect();
    assert_eq!(
        reqs,
        [
            "POST /oauth/token",
            "GET /api/v2/integrations/types?pageSize=10"
        ]
    );
}

#[tokio::test]
async fn listens_only_on_loopback() {
    let addr = "0.0.0.0:0".parse().unwrap();
    let err = GenesysEmulator::start_on(addr, GenesysOptions::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    let emu = start(GenesysScenario::Healthy).await;
    assert!(emu.base_url().starts_with("http://127.0.0.1:") && !emu.base_url().ends_with('/'));
}

#[test]
fn spawn_thread_serves_and_shuts_down() {
    let emu = GenesysEmulator::spawn_thread(GenesysOptions::default()).expect("spawn");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        token(&emu).await;
    });
    assert_eq!(emu.request_count(), 1);
    emu.shutdown();
}

#[test]
fn command_starts_a_genesys_emulator() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_graphwiz-emulator"))
        .args(["--genesys", "nobody-on-queue"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let done = line.contains("Ctrl-C");
        lines.push(line);
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let text = lines.join("\n");
    assert!(
        text.contains("Genesys Cloud emulator listening on http://127.0.0.1:"),
        "{text}"
    );
    assert!(
        text.contains("nobody-on-queue") && text.contains("OAuth client secret:"),
        "{text}"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_graphwiz-emulator"))
        .args(["--genesys", "sunny"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("restart-error"));
}
