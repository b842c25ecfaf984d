//! End-to-end checks of the server itself over real HTTP: the delay, recorded requests,
//! loopback-only listening, changing the directory while running and the threaded mode.

mod http_support;

use std::time::{Duration, Instant};

use graphwiz_emulator::model::perm;
use graphwiz_emulator::{Emulator, Options, Scenario};
use reqwest::{Client, StatusCode};

use http_support::*;

#[tokio::test]
async fn delay_is_applied_to_every_request() {
    let client = Client::new();
    let emu = Emulator::start(Options {
        delay: Duration::from_millis(400),
        ..Options::default()
    })
    .await
    .expect("start");
    let url = format!(
        "{}/{}/v2.0/.well-known/openid-configuration",
        emu.base_url(),
        emu.demo().tenant_id
    );
    let t = Instant::now();
    let resp = client.get(&url).send().await.expect("discovery");
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(
        t.elapsed() >= Duration::from_millis(400),
        "{:?}",
        t.elapsed()
    );
    let t = Instant::now();
    let resp = client
        .get(format!("{}/v1.0/x", emu.base_url()))
        .send()
        .await
        .expect("graph");
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert!(
        t.elapsed() >= Duration::from_millis(400),
        "{:?}",
        t.elapsed()
    );

    let fast = start(Scenario::Healthy).await;
    let url = format!(
        "{}/{}/v2.0/.well-known/openid-configuration",
        fast.base_url(),
        fast.demo().tenant_id
    );
    let _ = client.get(&url).send().await.expect("warm up");
    let t = Instant::now();
    let _ = client.get(&url).send().await.expect("discovery");
    assert!(
        t.elapsed() < Duration::from_millis(400),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn requests_are_recorded_without_bodies() {
    let client = Client::new();
    let emu = start(Scenario::WrongSecret).await;
    assert_eq!(emu.request_count(), 0);
    let c = emu.demo();
    let _ = post_token(&client, &emu.base_url(), &c).await;
    let _ = client
        .get(format!("{}/v1.0/applications?$top=1", emu.base_url()))
        .send()
        .await
        .expect("graph");
    assert_eq!(emu.request_count(), 2);
    let log = emu.requests();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].method, "POST");
    assert_eq!(log[0].path, format!("/{}/oauth2/v2.0/token", c.tenant_id));
    assert_eq!(log[0].status, 401);
    assert_eq!(log[0].query, None);
    assert_eq!(log[1].method, "GET");
    assert_eq!(log[1].path, "/v1.0/applications");
    assert_eq!(log[1].query.as_deref(), Some("$top=1"));
    assert_eq!(log[1].status, 401);
    assert!(log[0].time <= log[1].time);
    assert!(!format!("{log:?}").contains(&c.client_secret));
}

#[tokio::test]
async fn only_loopback_addresses_are_accepted() {
    let err = Emulator::start_on("0.0.0.0:0".parse().expect("addr"), Options::default())
        .await
        .expect_err("must refuse");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("loopback"), "{err}");
    let err = Emulator::start_on("192.0.2.1:8080".parse().expect("addr"), Options::default())
        .await
        .expect_err("must refuse");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    let emu = Emulator::start_on("127.0.0.1:0".parse().expect("addr"), Options::default())
        .await
        .expect("loopback works");
    assert!(emu.base_url().starts_with("http://127.0.0.1:"));
}

#[tokio::test]
async fn directory_can_change_while_running() {
    let client = Client::new();
    let emu = start(Scenario::NoAdminConsent).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    assert!(payload(&token).get("roles").is_none());
    emu.update_directory(|d| {
        if let Some(app) = d
            .tenant_mut(&c.tenant_domain)
            .and_then(|t| t.app_mut(&c.client_id))
        {
            app.consented_app_roles = vec![
                perm::MAIL_READWRITE_ROLE.to_string(),
                perm::MAIL_SEND_ROLE.to_string(),
            ];
        }
    });
    let token = access_token(&client, &emu, &c).await;
    assert_eq!(
        roles(&token),
        Some(vec!["Mail.ReadWrite".to_string(), "Mail.Send".to_string()])
    );
}

#[test]
fn spawn_thread_serves_without_a_caller_runtime_and_shuts_down() {
    let emu = Emulator::spawn_thread(Options::default()).expect("spawn");
    let base = emu.base_url();
    let addr = base.trim_start_matches("http://").to_string();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let c = emu.demo();
    rt.block_on(async {
        let client = Client::new();
        let resp = post_token(&client, &base, &c).await;
        assert_eq!(resp.status(), StatusCode::OK);
    });
    drop(rt);
    assert_eq!(emu.request_count(), 1);
    emu.shutdown();
    // The listener is gone once shutdown returns.
    assert!(std::net::TcpStream::connect(&addr).is_err());
}
