//! The fault front on the wire: each fault does what it says to a plain HTTP client (reqwest),
//! only on the requests its target selects; everything else is served normally, faulted requests
//! are recorded, and stopping the emulator ends stalled and endless connections.

use std::time::{Duration, Instant};

use graphwiz_emulator::{Emulator, Fault, FaultTarget, Options, Scenario};
use reqwest::Client;
use serde_json::Value;

async fn start(fault: Fault, target: FaultTarget) -> Emulator {
    Emulator::start(Options {
        fault: Some(fault),
        fault_target: target,
        retry_after: "1.5".into(),
        ..Options::scenario(Scenario::Healthy)
    })
    .await
    .expect("emulator starts")
}

fn discovery_url(emu: &Emulator) -> String {
    format!(
        "{}/{}/v2.0/.well-known/openid-configuration",
        emu.base_url(),
        emu.demo().tenant_id
    )
}

async fn token(client: &Client, emu: &Emulator) -> reqwest::Result<reqwest::Response> {
    let c = emu.demo();
    client
        .post(format!(
            "{}/{}/oauth2/v2.0/token",
            emu.base_url(),
            c.tenant_id
        ))
        .form(&[
            ("client_id", c.client_id.as_str()),
            ("client_secret", c.client_secret.as_str()),
            ("grant_type", "client_credentials"),
            ("scope", "https://graph.microsoft.com/.default"),
        ])
        .send()
        .await
}

fn client(timeout_ms: u64) -> Client {
    Client::builder()
        .timeout(Duration::from_millis(timeout_ms))
        .build()
        .unwrap()
}

#[tokio::test]
async fn only_the_target_is_faulted_and_the_rest_is_served() {
    let emu = start(Fault::HtmlPage, FaultTarget::Discovery).await;
    let c = client(5000);
    let resp = c.get(discovery_url(&emu)).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(resp.text().await.unwrap().contains("<title>Guest Wi-Fi"));
    // The token endpoint and Graph are relayed to the normal server.
    let tok: Value = token(&c, &emu).await.unwrap().json().await.unwrap();
    let bearer = tok["access_token"]
        .as_str()
        .expect("a real token")
        .to_string();
    let app: Value = c
        .get(format!(
            "{}/v1.0/applications(appId='{}')",
            emu.base_url(),
            emu.demo().client_id
        ))
        .bearer_auth(bearer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(app["appId"], emu.demo().client_id.as_str());
    let log = emu.requests();
    assert_eq!(log.len(), 3, "{log:?}");
    assert!(log[0].path.ends_with("openid-configuration") && log[0].status == 200);
    assert_eq!(emu.request_count(), 3);
}

#[tokio::test]
async fn throttling_never_clears_and_carries_retry_after() {
    for (fault, status) in [(Fault::Throttled, 429), (Fault::Unavailable, 503)] {
        let emu = start(fault, FaultTarget::Login).await;
        let c = client(5000);
        for _ in 0..3 {
            let resp = token(&c, &emu).await.unwrap();
            assert_eq!(resp.status(), status);
            assert_eq!(resp.headers()["retry-after"], "1.5");
            let body: Value = resp.json().await.unwrap();
            assert_eq!(body["error"], "temporarily_unavailable");
        }
        assert!(emu.requests().iter().all(|r| r.status == status));
    }
}

#[tokio::test]
async fn reset_and_truncated_break_the_body() {
    for fault in [Fault::Reset, Fault::Truncated] {
        let emu = start(fault, FaultTarget::All).await;
        let resp = client(5000).get(discovery_url(&emu)).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{fault}");
        let err = resp.bytes().await.expect_err("the body breaks off");
        assert!(err.is_body() || err.is_decode(), "{fault}: {err:?}");
    }
}

#[tokio::test]
async fn malformed_and_mislabelled_bodies() {
    let emu = start(Fault::MalformedJson, FaultTarget::All).await;
    let text = client(5000)
        .get(discovery_url(&emu))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");

    let emu = start(Fault::TextPlain, FaultTarget::All).await;
    let resp = client(5000).get(discovery_url(&emu)).send().await.unwrap();
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));

    // The real answer, relabelled.
    let emu = start(Fault::JsonAsHtml, FaultTarget::Login).await;
    let resp = client(5000).get(discovery_url(&emu)).send().await.unwrap();
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let body: Value = resp.json().await.expect("still JSON inside");
    assert!(body["token_endpoint"]
        .as_str()
        .unwrap()
        .ends_with("/oauth2/v2.0/token"));
}

#[tokio::test]
async fn stall_and_slow_body_hit_the_client_timeout_and_stop_with_the_emulator() {
    for fault in [Fault::Stall, Fault::SlowBody] {
        let emu = start(fault, FaultTarget::All).await;
        let started = Instant::now();
        let result = match client(700).get(discovery_url(&emu)).send().await {
            Ok(resp) => resp.bytes().await.map(|_| ()),
            Err(e) => Err(e),
        };
        let err = result.expect_err("never completes");
        assert!(err.is_timeout(), "{fault}: {err:?}");
        assert!(started.elapsed() < Duration::from_secs(3), "{fault}");
        let recorded = emu.requests();
        assert_eq!(recorded.len(), 1);
        assert_eq!(
            recorded[0].status,
            if fault == Fault::Stall { 0 } else { 200 }
        );
        // A client that waits forever is released when the emulator stops.
        let url = discovery_url(&emu);
        let patient = tokio::spawn(async move {
            match Client::new().get(url).send().await {
                Ok(resp) => resp.bytes().await.map(|_| ()),
                Err(e) => Err(e),
            }
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        emu.shutdown();
        let ended = tokio::time::timeout(Duration::from_secs(5), patient).await;
        assert!(
            ended.is_ok(),
            "{fault}: the connection outlived the emulator"
        );
    }
}

#[test]
fn threaded_mode_serves_faults_too() {
    let emu = Emulator::spawn_thread(Options {
        fault: Some(Fault::Stall),
        fault_target: FaultTarget::Graph,
        ..Options::default()
    })
    .unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let c = client(600);
        assert_eq!(token(&c, &emu).await.unwrap().status(), 200);
        let err = c
            .get(format!("{}/v1.0/me", emu.base_url()))
            .send()
            .await
            .expect_err("stalled");
        assert!(err.is_timeout());
    });
    let started = Instant::now();
    emu.shutdown();
    assert!(started.elapsed() < Duration::from_secs(5));
}
