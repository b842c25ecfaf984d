//! The Genesys Cloud side of a client-secret rotation over real HTTP: updating the Graph
//! integration's credential (stored, never shown, required fields, the forbidden and conflict
//! scenarios), and restarting the integration while it is connected to the Entra emulator's
//! secret check: active with a valid secret, in error once the secret it holds was removed or
//! while a new one still replicates, active again after the credential is updated.

mod common;
mod rotation_support;

use std::time::Duration;

use graphwiz_emulator::rotation::MANAGE_SCOPE;
use graphwiz_emulator::{Emulator, GenesysEmulator, GenesysOptions, GenesysScenario, Options};
use reqwest::{Client, StatusCode};
use rotation_support::*;
use serde_json::{json, Value};

const INVALID_DETAIL: &str =
    "Unable to authenticate with Microsoft Graph: AADSTS7000215: Invalid client secret provided.";

async fn genesys(opts: GenesysOptions) -> GenesysEmulator {
    GenesysEmulator::start(GenesysOptions {
        transition: Duration::from_millis(60),
        ..opts
    })
    .await
    .expect("genesys starts")
}

fn detail(integration: &Value) -> &str {
    integration["reportedState"]["detail"]["message"]
        .as_str()
        .unwrap_or("")
}

#[tokio::test]
async fn credential_update_stores_the_secret_and_never_shows_it() {
    let client = Client::new();
    let g = genesys(GenesysOptions::default()).await;
    let tok = genesys_token(&client, &g).await;
    let path = credential_path(&client, &g, &tok).await;
    let (_, before) = genesys_get(&client, &g, &tok, "/api/v2/integrations/credentials").await;
    let new_secret = "nEw8Q~rotated-secret-value-0123456789abcd";
    let client_id = uuid::Uuid::new_v4().to_string();

    let (st, body) = put_credential(
        &client,
        &g,
        &tok,
        &path,
        &credential_body(&client_id, new_secret),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["name"], "Graph app credentials (rotated)");
    assert_eq!(body["type"]["name"], "microsoftGraphClientCredentials");
    assert!(body["id"].as_str().is_some_and(|id| path.ends_with(id)));
    assert!(!body.to_string().contains(new_secret));
    assert_eq!(g.credential_secret().as_deref(), Some(new_secret));

    let (st, cred) = genesys_get(&client, &g, &tok, &path).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(cred["credentialFields"]["clientId"], client_id.as_str());
    assert!(cred["credentialFields"].get("clientSecret").is_none());
    assert!(!cred.to_string().contains(new_secret));
    let (_, after) = genesys_get(&client, &g, &tok, "/api/v2/integrations/credentials").await;
    assert!(!after.to_string().contains(new_secret));
    assert_ne!(
        before["entities"][0]["modifiedDate"],
        after["entities"][0]["modifiedDate"]
    );
    let config_path = format!("/api/v2/integrations/{}/config/current", g.integration_id());
    let (_, config) = genesys_get(&client, &g, &tok, &config_path).await;
    assert!(!config.to_string().contains(new_secret));
    assert!(g.requests().iter().all(|(_, p)| !p.contains(new_secret)));
}

#[tokio::test]
async fn credential_update_needs_every_field() {
    let client = Client::new();
    let g = genesys(GenesysOptions::default()).await;
    let tok = genesys_token(&client, &g).await;
    let path = credential_path(&client, &g, &tok).await;
    let initial = g.credential_secret();
    let cases = [
        json!({"name": "x", "type": {"name": "microsoftGraphClientCredentials"},
               "credentialFields": {"clientId": "abc"}}),
        json!({"name": "x", "type": {"name": "microsoftGraphClientCredentials"},
               "credentialFields": {"clientSecret": "s"}}),
        json!({"name": "x", "credentialFields": {"clientId": "abc", "clientSecret": "s"}}),
        json!({"type": {"name": "microsoftGraphClientCredentials"},
               "credentialFields": {"clientId": "abc", "clientSecret": "s"}}),
        json!({"name": "x", "type": {"name": "basicAuth"},
               "credentialFields": {"clientId": "abc", "clientSecret": "s"}}),
        json!({"name": "x", "type": {"name": "microsoftGraphClientCredentials"},
               "credentialFields": {"clientId": "abc", "clientSecret": ""}}),
    ];
    for body in cases {
        let (st, answer) = put_credential(&client, &g, &tok, &path, &body).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{body}: {answer}");
        assert_eq!(answer["code"], "invalid.value", "{answer}");
    }
    let resp = client
        .put(format!("{}{path}", g.base_url()))
        .bearer_auth(&tok)
        .body("{nope")
        .send()
        .await
        .expect("put");
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let (st, _) = put_credential(
        &client,
        &g,
        &tok,
        &format!("/api/v2/integrations/credentials/{}", uuid::Uuid::new_v4()),
        &credential_body("abc", "s"),
    )
    .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(g.credential_secret(), initial);
    let resp = client
        .put(format!("{}{path}", g.base_url()))
        .json(&credential_body("abc", "s"))
        .send()
        .await
        .expect("put");
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(g.credential_secret(), initial);
}

#[tokio::test]
async fn credential_forbidden_scenario_refuses_updates() {
    let client = Client::new();
    let g = genesys(GenesysOptions::scenario(
        GenesysScenario::CredentialForbidden,
    ))
    .await;
    let tok = genesys_token(&client, &g).await;
    let path = credential_path(&client, &g, &tok).await;
    let initial = g.credential_secret();
    for _ in 0..2 {
        let (st, body) =
            put_credential(&client, &g, &tok, &path, &credential_body("abc", "new")).await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
        assert_eq!(body["code"], "missing.permissions");
        assert!(body["message"]
            .as_str()
            .is_some_and(|m| m.contains("integrations:integration:edit")));
    }
    assert_eq!(g.credential_secret(), initial);
    // Reading still works.
    assert_eq!(
        genesys_get(&client, &g, &tok, &path).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn credential_conflict_scenario_refuses_the_first_update_only() {
    let client = Client::new();
    let g = genesys(GenesysOptions::scenario(
        GenesysScenario::CredentialConflict,
    ))
    .await;
    let tok = genesys_token(&client, &g).await;
    let path = credential_path(&client, &g, &tok).await;
    let initial = g.credential_secret();
    let body = credential_body(&emu_client_id(), "second-try-secret");
    let (st, answer) = put_credential(&client, &g, &tok, &path, &body).await;
    assert_eq!(st, StatusCode::CONFLICT, "{answer}");
    assert_eq!(answer["code"], "conflict");
    assert_eq!(answer["status"], 409);
    assert!(answer["message"]
        .as_str()
        .is_some_and(|m| m.contains("does not match the current version")));
    assert_eq!(g.credential_secret(), initial);
    let (st, answer) = put_credential(&client, &g, &tok, &path, &body).await;
    assert_eq!(st, StatusCode::OK, "{answer}");
    assert_eq!(g.credential_secret().as_deref(), Some("second-try-secret"));
}

fn emu_client_id() -> String {
    graphwiz_emulator::model::demo::CLIENT_ID.to_string()
}

#[tokio::test]
async fn without_a_validator_restarts_behave_as_before() {
    let client = Client::new();
    let g = genesys(GenesysOptions {
        initial_secret: None,
        ..GenesysOptions::default()
    })
    .await;
    assert_eq!(g.credential_secret_is_valid(), None);
    assert_eq!(g.credential_secret(), None);
    let tok = genesys_token(&client, &g).await;
    let i = restart(&client, &g, &tok).await;
    assert_eq!(i["reportedState"]["code"], "ACTIVE", "{i}");
}

#[tokio::test]
async fn full_rotation_keeps_the_integration_active() {
    let client = Client::new();
    let emu = Emulator::start(quick(Options::default()))
        .await
        .expect("entra starts");
    let g = genesys(GenesysOptions::default()).await;
    g.use_secret_validator(emu.secret_validator());
    assert_eq!(g.credential_secret_is_valid(), Some(true));
    let gtok = genesys_token(&client, &g).await;
    let path = credential_path(&client, &g, &gtok).await;
    let i = restart(&client, &g, &gtok).await;
    assert_eq!(i["reportedState"]["code"], "ACTIVE", "{i}");

    // Rotate: add a secret, prove it, hand it to Genesys Cloud, restart, remove the old one.
    let admin = admin_token(&client, &emu, MANAGE_SCOPE).await;
    let old_key = emu.password_credentials(0)[0].0.clone();
    let (st, added) = add_password(&client, &emu, &admin, in_months(12)).await;
    assert_eq!(st, StatusCode::OK, "{added}");
    let secret = added["secretText"].as_str().expect("secret").to_string();
    assert_eq!(try_secret(&client, &emu, &secret).await.0, StatusCode::OK);
    let c = emu.demo();
    let (st, body) = put_credential(
        &client,
        &g,
        &gtok,
        &path,
        &credential_body(&c.client_id, &secret),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let i = restart(&client, &g, &gtok).await;
    assert_eq!(i["reportedState"]["code"], "ACTIVE", "{i}");
    let (st, _) = remove_password(&client, &emu, &admin, &old_key).await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    assert_eq!(g.credential_secret_is_valid(), Some(true));
    let i = restart(&client, &g, &gtok).await;
    assert_eq!(i["reportedState"]["code"], "ACTIVE", "{i}");
    assert!(detail(&i).is_empty(), "{i}");
}

#[tokio::test]
async fn restart_fails_once_the_held_secret_is_removed() {
    let client = Client::new();
    let emu = Emulator::start(quick(Options::default()))
        .await
        .expect("entra starts");
    let g = genesys(GenesysOptions::default()).await;
    g.use_secret_validator(emu.secret_validator());
    let gtok = genesys_token(&client, &g).await;
    let admin = admin_token(&client, &emu, MANAGE_SCOPE).await;
    let (_, added) = add_password(&client, &emu, &admin, in_months(12)).await;
    let secret = added["secretText"].as_str().expect("secret").to_string();
    let old_key = emu.password_credentials(0)[0].0.clone();
    // The old secret is removed while Genesys Cloud still holds it.
    let (st, _) = remove_password(&client, &emu, &admin, &old_key).await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    assert_eq!(g.credential_secret_is_valid(), Some(false));
    // Still active until it is restarted.
    assert_eq!(g.integration_state().1, "ACTIVE");
    let i = restart(&client, &g, &gtok).await;
    assert_eq!(i["reportedState"]["code"], "ERROR", "{i}");
    assert_eq!(detail(&i), INVALID_DETAIL);

    // Repaired: the new secret, then enabling again (no disable needed from ERROR).
    let path = credential_path(&client, &g, &gtok).await;
    let c = emu.demo();
    let (st, _) = put_credential(
        &client,
        &g,
        &gtok,
        &path,
        &credential_body(&c.client_id, &secret),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(g.credential_secret_is_valid(), Some(true));
    set_intended(&client, &g, &gtok, "ENABLED").await;
    assert_eq!(settled_state(&g).await, "ACTIVE");
}

#[tokio::test]
async fn restart_fails_while_the_new_secret_replicates() {
    let client = Client::new();
    let emu = Emulator::start(quick(Options {
        secret_replication: Duration::from_millis(1200),
        ..Options::default()
    }))
    .await
    .expect("entra starts");
    let g = genesys(GenesysOptions::default()).await;
    g.use_secret_validator(emu.secret_validator());
    let gtok = genesys_token(&client, &g).await;
    let path = credential_path(&client, &g, &gtok).await;
    let admin = admin_token(&client, &emu, MANAGE_SCOPE).await;
    let (_, added) = add_password(&client, &emu, &admin, in_months(12)).await;
    let secret = added["secretText"].as_str().expect("secret").to_string();
    let c = emu.demo();
    let (st, _) = put_credential(
        &client,
        &g,
        &gtok,
        &path,
        &credential_body(&c.client_id, &secret),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(g.credential_secret_is_valid(), Some(false));
    let i = restart(&client, &g, &gtok).await;
    assert_eq!(i["reportedState"]["code"], "ERROR", "{i}");
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(g.credential_secret_is_valid(), Some(true));
    let i = restart(&client, &g, &gtok).await;
    assert_eq!(i["reportedState"]["code"], "ACTIVE", "{i}");
}

#[tokio::test]
async fn a_credential_without_secret_fails_with_a_validator() {
    let client = Client::new();
    let emu = Emulator::start(Options::default())
        .await
        .expect("entra starts");
    let g = genesys(GenesysOptions {
        initial_secret: None,
        ..GenesysOptions::default()
    })
    .await;
    g.use_secret_validator(emu.secret_validator());
    assert_eq!(g.credential_secret_is_valid(), Some(false));
    let gtok = genesys_token(&client, &g).await;
    let i = restart(&client, &g, &gtok).await;
    assert_eq!(i["reportedState"]["code"], "ERROR", "{i}");
    assert_eq!(detail(&i), INVALID_DETAIL);
}
