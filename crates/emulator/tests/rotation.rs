//! Client-secret rotation on the Entra + Graph emulator over real HTTP: addPassword and
//! removePassword with a delegated administrator token from the device code sign-in, refusals
//! for the app's own token, a token without `Application.ReadWrite.All` and an administrator who
//! may not manage apps, the replication delay of new secrets, immediate refusal of removed ones,
//! the 24-month lifetime limit and the secret validator handed to other servers.

mod common;
mod rotation_support;

use std::time::Duration;

use chrono::{DateTime, Utc};
use common::*;
use graphwiz_emulator::rotation::{LIFETIME_ERROR_CODE, MANAGE_SCOPE, UNKNOWN_KEY_ERROR_CODE};
use graphwiz_emulator::{Options, Scenario};
use reqwest::{Client, StatusCode};
use rotation_support::*;
use serde_json::{json, Value};

fn assert_denied(st: StatusCode, body: &Value) {
    assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["error"]["code"], "Authorization_RequestDenied");
    assert_eq!(
        body["error"]["message"],
        "Insufficient privileges to complete the operation."
    );
}

#[tokio::test]
async fn add_password_with_admin_token_lists_the_new_secret() {
    let client = Client::new();
    let emu = start_with(quick(Options::default())).await;
    let tok = admin_token(&client, &emu, MANAGE_SCOPE).await;
    assert!(payload(&tok)["scp"]
        .as_str()
        .is_some_and(|s| s.split(' ').any(|x| x == MANAGE_SCOPE)));
    let end = in_months(6);
    let (st, body) = add_password(&client, &emu, &tok, end).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let secret = body["secretText"].as_str().expect("secretText").to_string();
    assert!(secret.len() >= 40, "{secret}");
    assert_ne!(secret, emu.demo().client_secret);
    assert_eq!(body["hint"], &secret[..3]);
    assert_eq!(body["displayName"], "graphwiz rotation");
    assert!(body["customKeyIdentifier"].is_null());
    let key_id = body["keyId"].as_str().expect("keyId").to_string();
    assert!(uuid::Uuid::parse_str(&key_id).is_ok());
    let answered_end: DateTime<Utc> = body["endDateTime"]
        .as_str()
        .and_then(|v| v.parse().ok())
        .expect("endDateTime");
    assert!((answered_end - end).num_seconds().abs() <= 1);
    assert!(body["startDateTime"].is_string());

    let resp = client
        .get(app_url(&emu))
        .bearer_auth(&tok)
        .send()
        .await
        .expect("get app");
    let (st, app, _) = read(resp).await;
    assert_eq!(st, StatusCode::OK, "{app}");
    let listed = app["passwordCredentials"].as_array().expect("list");
    assert_eq!(listed.len(), 2, "{app}");
    let new = listed
        .iter()
        .find(|c| c["keyId"] == key_id.as_str())
        .expect("new secret listed");
    assert!(new["secretText"].is_null());
    assert_eq!(new["hint"], &secret[..3]);
    assert!(!app.to_string().contains(&secret));

    let creds = emu.password_credentials(0);
    assert_eq!(creds.len(), 2);
    assert_eq!(creds[1].0, key_id);
    assert_eq!(creds[1].1, "graphwiz rotation");
    // Without a replication delay both secrets work at once.
    assert_eq!(try_secret(&client, &emu, &secret).await.0, StatusCode::OK);
    let old = emu.demo().client_secret;
    assert_eq!(try_secret(&client, &emu, &old).await.0, StatusCode::OK);
    let valid = emu.secret_validator();
    assert!(valid(&emu.demo().client_id, &secret));
    assert!(!valid(&emu.demo().client_id, "not-the-secret"));
}

#[tokio::test]
async fn add_password_by_object_id_and_bad_requests() {
    let client = Client::new();
    let emu = start_with(quick(Options::default())).await;
    let tok = admin_token(&client, &emu, MANAGE_SCOPE).await;
    let resp = client
        .get(app_url(&emu))
        .bearer_auth(&tok)
        .send()
        .await
        .expect("get app");
    let (_, app, _) = read(resp).await;
    let object_id = app["id"].as_str().expect("object id");
    let url = format!(
        "{}/v1.0/applications/{object_id}/addPassword",
        emu.base_url()
    );
    let (st, body) = post(&client, &url, &tok, &json!({})).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    // No endDateTime: 24 months after the start.
    let end: DateTime<Utc> = body["endDateTime"]
        .as_str()
        .and_then(|v| v.parse().ok())
        .expect("end");
    assert!((end - in_months(24)).num_seconds().abs() <= 5, "{end}");

    let unknown = format!(
        "{}/v1.0/applications(appId='{}')/addPassword",
        emu.base_url(),
        uuid::Uuid::new_v4()
    );
    let (st, body) = post(&client, &unknown, &tok, &json!({})).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["error"]["code"], "Request_ResourceNotFound");

    let resp = client
        .get(format!("{}/addPassword", app_url(&emu)))
        .bearer_auth(&tok)
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), StatusCode::METHOD_NOT_ALLOWED);

    let resp = client
        .post(format!("{}/addPassword", app_url(&emu)))
        .bearer_auth(&tok)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("post");
    let (st, body, _) = read(resp).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "Request_BadRequest");
    assert_eq!(emu.password_credentials(0).len(), 2);
}

#[tokio::test]
async fn refused_without_the_right_token_or_role() {
    let client = Client::new();
    let emu = start_with(quick(Options::default())).await;
    let end = in_months(6);

    let app_tok = app_token(&client, &emu).await;
    let (st, body) = add_password(&client, &emu, &app_tok, end).await;
    assert_denied(st, &body);
    let key = emu.password_credentials(0)[0].0.clone();
    let (st, body) = remove_password(&client, &emu, &app_tok, &key).await;
    assert_denied(st, &body);

    let reader = admin_token(&client, &emu, "https://graph.microsoft.com/.default").await;
    let (st, body) = add_password(&client, &emu, &reader, end).await;
    assert_denied(st, &body);
    let (st, body) = remove_password(&client, &emu, &reader, &key).await;
    assert_denied(st, &body);
    assert_eq!(emu.password_credentials(0).len(), 1);

    let plain = start_with(quick(Options {
        admin_can_manage_apps: false,
        ..Options::default()
    }))
    .await;
    let tok = admin_token(&client, &plain, MANAGE_SCOPE).await;
    let (st, body) = add_password(&client, &plain, &tok, end).await;
    assert_denied(st, &body);
    let key = plain.password_credentials(0)[0].0.clone();
    let (st, body) = remove_password(&client, &plain, &tok, &key).await;
    assert_denied(st, &body);
    assert_eq!(plain.password_credentials(0).len(), 1);
}

#[tokio::test]
async fn new_secret_is_refused_until_it_replicates() {
    let client = Client::new();
    let emu = start_with(quick(Options {
        secret_replication: Duration::from_millis(1500),
        ..Options::default()
    }))
    .await;
    let tok = admin_token(&client, &emu, MANAGE_SCOPE).await;
    let (st, body) = add_password(&client, &emu, &tok, in_months(12)).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let secret = body["secretText"].as_str().expect("secret").to_string();
    let valid = emu.secret_validator();
    let client_id = emu.demo().client_id;

    let (st, codes) = try_secret(&client, &emu, &secret).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert_eq!(codes, vec![7000215]);
    assert!(!valid(&client_id, &secret));
    // Listed at once, only not usable yet.
    assert_eq!(emu.password_credentials(0).len(), 2);
    // The old secret keeps working meanwhile.
    let old = emu.demo().client_secret;
    assert_eq!(try_secret(&client, &emu, &old).await.0, StatusCode::OK);

    tokio::time::sleep(Duration::from_millis(1700)).await;
    assert_eq!(try_secret(&client, &emu, &secret).await.0, StatusCode::OK);
    assert!(valid(&client_id, &secret));
}

#[tokio::test]
async fn removed_secret_is_refused_at_once() {
    let client = Client::new();
    let emu = start_with(quick(Options {
        secret_replication: Duration::from_secs(30),
        ..Options::default()
    }))
    .await;
    let tok = admin_token(&client, &emu, MANAGE_SCOPE).await;
    let old = emu.demo().client_secret;
    let old_key = emu.password_credentials(0)[0].0.clone();
    let valid = emu.secret_validator();
    let client_id = emu.demo().client_id;
    assert!(valid(&client_id, &old));

    let (st, body) = remove_password(&client, &emu, &tok, &old_key).await;
    assert_eq!(st, StatusCode::NO_CONTENT, "{body}");
    assert!(body.is_null());
    let (st, codes) = try_secret(&client, &emu, &old).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert_eq!(codes, vec![7000215]);
    assert!(!valid(&client_id, &old));
    assert!(emu.password_credentials(0).is_empty());

    // Removing it again: the key is gone.
    let (st, body) = remove_password(&client, &emu, &tok, &old_key).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["error"]["code"], UNKNOWN_KEY_ERROR_CODE);
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains(&old_key)));

    // A secret removed while still replicating never becomes usable.
    let (_, body) = add_password(&client, &emu, &tok, in_months(3)).await;
    let key = body["keyId"].as_str().expect("keyId").to_string();
    let (st, _) = remove_password(&client, &emu, &tok, &key).await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    assert!(emu.password_credentials(0).is_empty());

    let (st, body) = post(
        &client,
        &format!("{}/removePassword", app_url(&emu)),
        &tok,
        &json!({"keyId": "not-a-guid"}),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "Request_BadRequest");
}

#[tokio::test]
async fn lifetime_over_two_years_is_refused() {
    let client = Client::new();
    let emu = start_with(quick(Options::default())).await;
    let tok = admin_token(&client, &emu, MANAGE_SCOPE).await;

    let (st, body) = add_password(&client, &emu, &tok, in_months(25)).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], LIFETIME_ERROR_CODE);
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("Credential lifetime exceeds the max value allowed")));
    let (st, body) =
        add_password(&client, &emu, &tok, Utc::now() - chrono::Duration::days(1)).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "Request_BadRequest");
    let bad_date = json!({"passwordCredential": {"endDateTime": "next year"}});
    let url = format!("{}/addPassword", app_url(&emu));
    let (st, body) = post(&client, &url, &tok, &bad_date).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(emu.password_credentials(0).len(), 1);

    // 730 days is always within 24 months.
    let (st, body) = add_password(
        &client,
        &emu,
        &tok,
        Utc::now() + chrono::Duration::days(730),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(emu.password_credentials(0).len(), 2);
}

#[tokio::test]
async fn validator_honours_expiry_and_unknown_apps() {
    let emu = start(Scenario::ExpiredSecret).await;
    let valid = emu.secret_validator();
    let c = emu.demo();
    assert!(!valid(&c.client_id, &c.client_secret));
    let healthy = start(Scenario::Healthy).await;
    let ok = healthy.secret_validator();
    let h = healthy.demo();
    assert!(ok(&h.client_id, &h.client_secret));
    assert!(ok(&h.client_id.to_uppercase(), &h.client_secret));
    assert!(!ok(&uuid::Uuid::new_v4().to_string(), &h.client_secret));
    drop(healthy);
    tokio::time::sleep(Duration::from_millis(50)).await;
    // The check does not keep a dropped emulator's directory alive.
    assert!(!ok(&h.client_id, &h.client_secret));
}
