//! Email conversations of the Genesys Cloud emulator over real HTTP: the pickup hook creates them
//! in the route's queue, the analytics details query finds them only after the analytics lag (by
//! subject, addressTo, queue, conversationEnd), their analytics shape, paging, disconnecting them,
//! the permission scenarios, request validation, and the command's pickup flags.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{DateTime, Utc};
use graphwiz_emulator::genesys::{GenesysEmulator, GenesysOptions, GenesysScenario};
use graphwiz_emulator::model::demo::TENANT_DOMAIN;
use graphwiz_emulator::{connect_pickup, Emulator, Options, PickedUp, Pickup, PickupMode};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const QUERY: &str = "/api/v2/analytics/conversations/details/query";
const LAG_MS: u64 = 400;

fn support() -> String {
    format!("support@{TENANT_DOMAIN}")
}

async fn genesys(sc: GenesysScenario) -> GenesysEmulator {
    GenesysEmulator::start(GenesysOptions {
        analytics_lag: Duration::from_millis(LAG_MS),
        ..GenesysOptions::scenario(sc)
    })
    .await
    .expect("genesys starts")
}

async fn token(g: &GenesysEmulator) -> String {
    let resp = Client::new()
        .post(format!("{}/oauth/token", g.base_url()))
        .basic_auth(g.client_id(), Some(g.client_secret()))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token");
    assert_eq!(resp.status(), StatusCode::OK);
    let body: Value = resp.json().await.expect("json");
    body["access_token"].as_str().expect("token").to_string()
}

async fn call(
    g: &GenesysEmulator,
    tok: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut req = Client::new()
        .request(method, format!("{}{path}", g.base_url()))
        .bearer_auth(tok);
    if let Some(b) = body {
        req = req.json(b);
    }
    let resp = req.send().await.expect("request");
    let status = resp.status();
    (status, resp.json().await.expect("json body"))
}

async fn query(g: &GenesysEmulator, tok: &str, body: &Value) -> (StatusCode, Value) {
    call(g, tok, reqwest::Method::POST, QUERY, Some(body)).await
}

/// An interval of an hour around now.
fn interval() -> String {
    let now = Utc::now();
    format!(
        "{}/{}",
        (now - chrono::Duration::minutes(30)).to_rfc3339(),
        (now + chrono::Duration::minutes(30)).to_rfc3339()
    )
}

fn by(dimension: &str, value: &str) -> Value {
    json!({"type": "dimension", "dimension": dimension, "operator": "matches", "value": value})
}

fn open_only() -> Value {
    json!([{"type": "and", "predicates": [{"type": "dimension", "dimension": "conversationEnd", "operator": "notExists"}]}])
}

fn hits(body: &Value) -> u64 {
    body["totalHits"].as_u64().expect("totalHits")
}

fn picked(mailbox: &str, subject: &str) -> PickedUp {
    PickedUp {
        mailbox: mailbox.to_string(),
        from: "Customer.One@External.example".to_string(),
        subject: subject.to_string(),
        received: Utc::now(),
    }
}

fn error_shape(body: &Value, status: u16, code: &str) {
    assert_eq!(body["status"], status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(
        body["message"].is_string() && body["contextId"].is_string(),
        "{body}"
    );
}

#[tokio::test]
async fn picked_up_mail_becomes_a_conversation_analytics_finds_after_the_lag() {
    let g = genesys(GenesysScenario::Healthy).await;
    let emu = Emulator::start(Options {
        delivery_delay: Duration::from_millis(30),
        pickup: Some(Pickup::new(
            g.route_addresses(),
            Duration::from_millis(100),
            PickupMode::Fetch,
        )),
        ..Options::default()
    })
    .await
    .expect("emulator starts");
    connect_pickup(&emu, &g);
    let tok = token(&g).await;
    emu.deliver_external(&support(), "graphwiz pickup 4711 Check");

    // Picked up after the pickup delay...
    let mut created: Option<DateTime<Utc>> = None;
    for _ in 0..100 {
        if !g.conversations().is_empty() {
            created = Some(Utc::now());
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let created = created.expect("a conversation was created");
    let convs = g.conversations();
    assert_eq!(convs.len(), 1);
    let (id, subject, queue, ended) = convs[0].clone();
    assert_eq!(subject, "graphwiz pickup 4711 Check");
    assert!(!ended);
    let queue = queue.expect("in a queue");

    // ...but invisible to analytics until the lag has passed.
    let by_subject = json!({
        "interval": interval(),
        "segmentFilters": [{"type": "and", "predicates": [by("mediaType", "email"), by("subject", "PICKUP 4711")]}],
        "conversationFilters": open_only(),
    });
    let (st, early) = query(&g, &tok, &by_subject).await;
    assert_eq!(st, StatusCode::OK, "{early}");
    if Utc::now() < created + chrono::Duration::milliseconds(LAG_MS as i64 - 100) {
        assert_eq!(hits(&early), 0, "{early}");
        assert!(early.get("conversations").is_none(), "{early}");
    }
    tokio::time::sleep(Duration::from_millis(LAG_MS + 50)).await;
    let (st, found) = query(&g, &tok, &by_subject).await;
    assert_eq!(st, StatusCode::OK, "{found}");
    assert_eq!(hits(&found), 1, "{found}");
    let c = &found["conversations"][0];
    assert_eq!(c["conversationId"], id.as_str());
    assert_eq!(c["originatingDirection"], "inbound");
    assert!(c.get("conversationEnd").is_none());
    assert!(c["conversationStart"]
        .as_str()
        .is_some_and(|s| s.ends_with('Z')));
    let purposes: Vec<&str> = c["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["external", "workflow", "acd"]);
    for p in c["participants"].as_array().unwrap() {
        let s = &p["sessions"][0];
        assert_eq!(s["mediaType"], "email");
        assert_eq!(s["addressFrom"], "sender@external.example");
        assert_eq!(s["addressTo"], support().as_str());
        assert_eq!(s["segments"][0]["segmentType"], "interact");
        assert_eq!(s["segments"][0]["subject"], "graphwiz pickup 4711 Check");
    }
    let acd = &c["participants"][2]["sessions"][0]["segments"][0];
    assert_eq!(acd["queueId"], queue.as_str());
    assert!(acd.get("segmentEnd").is_none());

    // By addressTo (any case) in the queue, and not by another mailbox.
    let by_address = |address: &str| {
        json!({
            "interval": interval(),
            "segmentFilters": [{"type": "and", "predicates": [by("addressTo", address), by("queueId", &queue), {"dimension": "segmentEnd", "operator": "notExists"}]}],
            "conversationFilters": open_only(),
        })
    };
    let (_, b) = query(&g, &tok, &by_address(&support().to_uppercase())).await;
    assert_eq!(hits(&b), 1, "{b}");
    let (_, b) = query(&g, &tok, &by_address(&format!("sales@{TENANT_DOMAIN}"))).await;
    assert_eq!(hits(&b), 0, "{b}");
    assert!(b.get("conversations").is_none());
    // Outside the interval: nothing.
    let past = json!({"interval": "2020-01-01T00:00:00.000Z/2020-01-02T00:00:00.000Z"});
    let (_, b) = query(&g, &tok, &past).await;
    assert_eq!(hits(&b), 0, "{b}");

    // Disconnect: answered at once, seen by analytics after the lag.
    let path = format!("/api/v2/conversations/emails/{id}");
    let (st, live) = call(&g, &tok, reqwest::Method::GET, &path, None).await;
    assert_eq!(st, StatusCode::OK, "{live}");
    assert_eq!(live["participants"][2]["state"], "connected");
    let (st, done) = call(
        &g,
        &tok,
        reqwest::Method::PATCH,
        &path,
        Some(&json!({"state": "disconnected"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{done}");
    assert_eq!(done["id"], id.as_str());
    // The answer is the SDK's `Conversation`: plain participants, the email's state under `emails`.
    for p in done["participants"].as_array().unwrap() {
        assert!(p.get("state").is_none(), "{done}");
        assert_eq!(p["emails"][0]["state"], "disconnected", "{done}");
    }
    assert_eq!(done["participants"][2]["purpose"], "acd");
    assert_eq!(done["participants"][2]["queueId"], queue.as_str());
    assert!(g.conversations()[0].3);
    let (_, live) = call(&g, &tok, reqwest::Method::GET, &path, None).await;
    assert_eq!(live["participants"][0]["state"], "disconnected");
    tokio::time::sleep(Duration::from_millis(LAG_MS + 50)).await;
    let (_, b) = query(&g, &tok, &by_subject).await;
    assert_eq!(hits(&b), 0, "{b}");
    let ended_query = json!({
        "interval": interval(),
        "segmentFilters": [{"type": "and", "predicates": [by("subject", "graphwiz pickup 4711 check")]}],
        "conversationFilters": [{"type": "and", "predicates": [{"dimension": "conversationEnd", "operator": "exists"}]}],
    });
    let (_, b) = query(&g, &tok, &ended_query).await;
    assert_eq!(hits(&b), 1, "{b}");
    assert!(b["conversations"][0]["conversationEnd"].is_string());
    assert!(
        b["conversations"][0]["participants"][2]["sessions"][0]["segments"][0]["segmentEnd"]
            .is_string()
    );
}

#[tokio::test]
async fn no_interaction_mode_creates_no_conversation() {
    let g = genesys(GenesysScenario::Healthy).await;
    let emu = Emulator::start(Options {
        pickup: Some(Pickup::new(
            [support()],
            Duration::from_millis(30),
            PickupMode::FetchNoInteraction,
        )),
        ..Options::default()
    })
    .await
    .expect("emulator starts");
    connect_pickup(&emu, &g);
    emu.deliver_external(&support(), "swallowed");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(emu.inbox(&support())[0].is_read);
    assert!(g.conversations().is_empty());
}

#[tokio::test]
async fn routes_decide_the_queue() {
    let g = genesys(GenesysScenario::Healthy).await;
    assert_eq!(
        g.route_addresses(),
        vec![support(), format!("sales@{TENANT_DOMAIN}")]
    );
    let hook = g.pickup_hook();
    hook(picked(&support(), "a"));
    hook(picked(&format!("Sales@{TENANT_DOMAIN}"), "b"));
    hook(picked(&format!("nobody@{TENANT_DOMAIN}"), "c"));
    hook(picked("support@elsewhere.example", "d"));
    let convs = g.conversations();
    assert_eq!(convs.len(), 2, "{convs:?}");
    assert!(convs[0].2.is_some());
    // The sales route goes to a flow, which ends in the Support queue too.
    assert_eq!(convs[0].2, convs[1].2);

    let none = genesys(GenesysScenario::RouteWithoutQueue).await;
    none.pickup_hook()(picked(&support(), "nowhere"));
    assert_eq!(none.conversations()[0].2, None);
    let tok = token(&none).await;
    tokio::time::sleep(Duration::from_millis(LAG_MS + 20)).await;
    let (_, b) = query(&none, &tok, &json!({"interval": interval()})).await;
    let purposes: Vec<&str> = b["conversations"][0]["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["external", "workflow"]);
    let no_domain = genesys(GenesysScenario::NoDomain).await;
    no_domain.pickup_hook()(picked(&support(), "unlinked"));
    assert!(no_domain.conversations().is_empty());
    assert!(no_domain.route_addresses().is_empty());
}

#[tokio::test]
async fn segment_filters_hold_per_segment_and_results_page() {
    let g = genesys(GenesysScenario::Healthy).await;
    let hook = g.pickup_hook();
    for i in 0..3 {
        hook(picked(&support(), &format!("paged {i}")));
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let tok = token(&g).await;
    tokio::time::sleep(Duration::from_millis(LAG_MS + 20)).await;
    let queue = g.conversations()[0].2.clone().unwrap();
    // One entry: both predicates on the same segment (the external one has no queue).
    let same = json!({"interval": interval(), "segmentFilters": [{"type": "and", "predicates": [by("purpose", "external"), by("queueId", &queue)]}]});
    let (_, b) = query(&g, &tok, &same).await;
    assert_eq!(hits(&b), 0, "{b}");
    // Two entries: each may hold on a different segment.
    let split = json!({"interval": interval(), "segmentFilters": [
        {"type": "and", "predicates": [by("purpose", "external")]},
        {"type": "and", "predicates": [by("queueId", &queue)]},
    ]});
    let (_, b) = query(&g, &tok, &split).await;
    assert_eq!(hits(&b), 3, "{b}");
    // "or" and clauses.
    let or = json!({"interval": interval(), "segmentFilters": [{"type": "or", "clauses": [
        {"type": "and", "predicates": [by("subject", "paged 0")]},
        {"type": "and", "predicates": [by("subject", "paged 2")]},
    ]}]});
    let (_, b) = query(&g, &tok, &or).await;
    assert_eq!(hits(&b), 2, "{b}");
    // Paging and order.
    let page = |n: u64| json!({"interval": interval(), "order": "desc", "paging": {"pageSize": 2, "pageNumber": n}});
    let (_, p1) = query(&g, &tok, &page(1)).await;
    assert_eq!(hits(&p1), 3);
    let subjects: Vec<&str> = p1["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c["participants"][0]["sessions"][0]["segments"][0]["subject"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(subjects, ["paged 2", "paged 1"]);
    let (_, p2) = query(&g, &tok, &page(2)).await;
    assert_eq!(p2["conversations"].as_array().unwrap().len(), 1);
    let (_, p3) = query(&g, &tok, &page(3)).await;
    assert_eq!(hits(&p3), 3);
    assert!(p3.get("conversations").is_none());
}

#[tokio::test]
async fn bad_requests_are_refused() {
    let g = genesys(GenesysScenario::Healthy).await;
    let tok = token(&g).await;
    for body in [
        json!({}),
        json!({"interval": "yesterday/today"}),
        json!({"interval": "2026-01-01T00:00:00Z"}),
        json!({"interval": "2026-01-02T00:00:00Z/2026-01-01T00:00:00Z"}),
        json!({"interval": interval(), "segmentFilters": [{"type": "and", "predicates": [by("colour", "red")]}]}),
        json!({"interval": interval(), "segmentFilters": [{"type": "xor", "predicates": []}]}),
    ] {
        let (st, b) = query(&g, &tok, &body).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{body}: {b}");
        error_shape(&b, 400, "invalid.value");
    }
    let resp = Client::new()
        .post(format!("{}{QUERY}", g.base_url()))
        .bearer_auth(&tok)
        .header("content-type", "application/json")
        .body("{nope")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let resp = Client::new()
        .post(format!("{}{QUERY}", g.base_url()))
        .json(&json!({"interval": interval()}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);

    g.pickup_hook()(picked(&support(), "x"));
    let id = g.conversations()[0].0.clone();
    let path = format!("/api/v2/conversations/emails/{id}");
    for state in [
        json!({"state": "connected"}),
        json!({}),
        json!({"state": 3}),
    ] {
        let (st, b) = call(&g, &tok, reqwest::Method::PATCH, &path, Some(&state)).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{state}: {b}");
        error_shape(&b, 400, "invalid.value");
    }
    assert!(!g.conversations()[0].3);
    let unknown = "/api/v2/conversations/emails/00000000-0000-4000-8000-000000000000";
    let (st, b) = call(
        &g,
        &tok,
        reqwest::Method::PATCH,
        unknown,
        Some(&json!({"state": "disconnected"})),
    )
    .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    error_shape(&b, 404, "not.found");
    let (st, _) = call(&g, &tok, reqwest::Method::GET, unknown, None).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn permission_scenarios_refuse_with_403() {
    let g = genesys(GenesysScenario::NoAnalyticsPermission).await;
    let tok = token(&g).await;
    let (st, b) = query(&g, &tok, &json!({"interval": interval()})).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    error_shape(&b, 403, "missing.permissions");
    assert!(
        b["message"]
            .as_str()
            .unwrap()
            .contains("analytics:conversationDetail:view"),
        "{b}"
    );

    let g = genesys(GenesysScenario::NoDisconnectPermission).await;
    let tok = token(&g).await;
    g.pickup_hook()(picked(&support(), "stuck"));
    let id = g.conversations()[0].0.clone();
    let (st, b) = call(
        &g,
        &tok,
        reqwest::Method::PATCH,
        &format!("/api/v2/conversations/emails/{id}"),
        Some(&json!({"state": "disconnected"})),
    )
    .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    error_shape(&b, 403, "missing.permissions");
    assert!(
        b["message"]
            .as_str()
            .unwrap()
            .contains("conversation:communication:disconnect"),
        "{b}"
    );
    assert!(!g.conversations()[0].3);
    // The query itself is allowed there.
    let (st, _) = query(&g, &tok, &json!({"interval": interval()})).await;
    assert_eq!(st, StatusCode::OK);
}

#[test]
fn command_wires_the_pickup_with_genesys() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_graphwiz-emulator"))
        .args([
            "--genesys",
            "healthy",
            "--pickup-delay-ms",
            "750",
            "--pickup-mode",
            "fetch-external-only",
        ])
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
        text.contains("mail pickup:         fetch-external-only after 750 ms for support@"),
        "{text}"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_graphwiz-emulator"))
        .args(["--pickup-mode", "never"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--genesys"));
    let out = Command::new(env!("CARGO_BIN_EXE_graphwiz-emulator"))
        .args(["--genesys", "healthy", "--pickup-mode", "sometimes"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}
