//! Kill-testing support over real HTTP: `stall_after_request` holds back the answer of one
//! request of each emulator after fully handling it (the effect is visible, the request is
//! recorded, the client never gets an answer), later requests are answered, a stalled request
//! does not keep a shutdown from finishing, and `request_count` counts requests as they arrive.

mod common;
mod rotation_support;

use std::time::{Duration, Instant};

use graphwiz_emulator::rotation::MANAGE_SCOPE;
use graphwiz_emulator::{Emulator, GenesysEmulator, GenesysOptions, Options};
use reqwest::{Client, StatusCode};
use rotation_support::*;
use serde_json::json;

fn impatient() -> Client {
    Client::builder()
        .timeout(Duration::from_millis(800))
        .build()
        .expect("client")
}

#[tokio::test]
async fn stalled_add_password_still_adds_the_secret() {
    let client = Client::new();
    // 1 devicecode, 2 token, 3 addPassword.
    let emu = Emulator::start(quick(Options {
        stall_after_request: Some(3),
        ..Options::default()
    }))
    .await
    .expect("entra starts");
    let admin = admin_token(&client, &emu, MANAGE_SCOPE).await;
    assert_eq!(emu.request_count(), 2);
    let err = impatient()
        .post(format!("{}/addPassword", app_url(&emu)))
        .bearer_auth(&admin)
        .json(&json!({"passwordCredential": {"displayName": "stalled"}}))
        .send()
        .await
        .expect_err("no answer");
    assert!(err.is_timeout(), "{err}");
    assert_eq!(emu.request_count(), 3);
    let creds = emu.password_credentials(0);
    assert_eq!(creds.len(), 2);
    assert_eq!(creds[1].1, "stalled");
    let last = emu.requests().pop().expect("recorded");
    assert_eq!(
        (last.method.as_str(), last.status),
        ("POST", 200),
        "{last:?}"
    );
    assert!(last.path.ends_with("/addPassword"));

    // The next request is answered and shows the secret.
    let resp = client
        .get(app_url(&emu))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("get app");
    assert_eq!(resp.status(), StatusCode::OK);
    let app: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(app["passwordCredentials"].as_array().map(Vec::len), Some(2));
    assert_eq!(emu.request_count(), 4);
}

#[tokio::test]
async fn stalled_credential_update_is_stored() {
    let client = Client::new();
    // 1 token, 2 PUT.
    let g = GenesysEmulator::start(GenesysOptions {
        stall_after_request: Some(2),
        ..GenesysOptions::default()
    })
    .await
    .expect("genesys starts");
    let tok = genesys_token(&client, &g).await;
    let path = format!(
        "/api/v2/integrations/credentials/{}",
        "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    );
    let err = impatient()
        .put(format!("{}{path}", g.base_url()))
        .bearer_auth(&tok)
        .json(&credential_body("abc", "stalled-secret"))
        .send()
        .await
        .expect_err("no answer");
    assert!(err.is_timeout(), "{err}");
    assert_eq!(g.credential_secret().as_deref(), Some("stalled-secret"));
    assert_eq!(g.request_count(), 2);
    assert_eq!(g.requests().last().map(|(m, _)| m.as_str()), Some("PUT"));
    let (st, cred) = genesys_get(&client, &g, &tok, &path).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(cred["credentialFields"]["clientId"], "abc");
    assert_eq!(g.request_count(), 3);
}

#[tokio::test]
async fn stall_counts_refused_requests_too() {
    // 1 is refused (no token), 2 is stalled even though it is refused as well.
    let g = GenesysEmulator::start(GenesysOptions {
        stall_after_request: Some(2),
        ..GenesysOptions::default()
    })
    .await
    .expect("genesys starts");
    let url = format!("{}/api/v2/integrations", g.base_url());
    let first = impatient().get(&url).send().await.expect("answered");
    assert_eq!(first.status(), StatusCode::UNAUTHORIZED);
    let err = impatient().get(&url).send().await.expect_err("stalled");
    assert!(err.is_timeout(), "{err}");
    let third = impatient().get(&url).send().await.expect("answered");
    assert_eq!(third.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn requests_are_counted_as_they_arrive() {
    let emu = Emulator::start(Options {
        delay: Duration::from_millis(600),
        ..Options::default()
    })
    .await
    .expect("entra starts");
    let g = GenesysEmulator::start(GenesysOptions {
        delay: Duration::from_millis(600),
        ..GenesysOptions::default()
    })
    .await
    .expect("genesys starts");
    let entra_url = format!(
        "{}/{}/v2.0/.well-known/openid-configuration",
        emu.base_url(),
        emu.demo().tenant_id
    );
    let genesys_url = format!("{}/api/v2/integrations", g.base_url());
    let a = tokio::spawn(async move {
        Client::new()
            .get(entra_url)
            .send()
            .await
            .map(|r| r.status())
    });
    let b = tokio::spawn(async move {
        Client::new()
            .get(genesys_url)
            .send()
            .await
            .map(|r| r.status())
    });
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert_eq!(emu.request_count(), 1);
    assert!(emu.requests().is_empty());
    assert_eq!(g.request_count(), 1);
    assert!(g.requests().is_empty());
    assert_eq!(a.await.expect("join").expect("answer"), StatusCode::OK);
    assert_eq!(
        b.await.expect("join").expect("answer"),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(emu.requests().len(), 1);
    assert_eq!(g.requests().len(), 1);
}

#[test]
fn shutdown_ends_a_stalled_request() {
    let g = GenesysEmulator::spawn_thread(GenesysOptions {
        stall_after_request: Some(1),
        ..GenesysOptions::default()
    })
    .expect("genesys starts");
    let url = format!("{}/oauth/token", g.base_url());
    let (id, secret) = (g.client_id(), g.client_secret());
    let waiter = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async {
            Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .expect("client")
                .post(url)
                .basic_auth(id, Some(secret))
                .form(&[("grant_type", "client_credentials")])
                .send()
                .await
                .map(|r| r.status())
        })
    });
    let started = Instant::now();
    while g.requests().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(5), "never arrived");
        std::thread::sleep(Duration::from_millis(20));
    }
    let t = Instant::now();
    g.shutdown();
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    let answer = waiter.join().expect("join");
    assert!(answer.is_err(), "{answer:?}");
}
