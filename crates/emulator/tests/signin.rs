//! Administrator sign-in over real HTTP: authorization code with PKCE (approve, decline, wrong
//! verifier, reuse, bad redirect URI), device code (pending, token, declined, slow_down,
//! expired, unknown), what the delegated admin token may read, and admin consent.

mod common;

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::*;
use graphwiz_emulator::model::perm;
use graphwiz_emulator::{AdminOutcome, Emulator, Options, Scenario};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use sha2::{Digest, Sha256};

const GRAPH_CLI: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
const REDIRECT: &str = "http://localhost:53123/callback";
const VERIFIER: &str = "graphwiz-test-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

fn no_redirects() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Calls the authorize endpoint; returns the status, the Location header and the body.
async fn authorize(
    client: &Client,
    emu: &Emulator,
    tenant: &str,
    params: &[(&str, &str)],
) -> (StatusCode, Option<url::Url>, String) {
    let resp = client
        .get(format!("{}/{tenant}/oauth2/v2.0/authorize", emu.base_url()))
        .query(params)
        .send()
        .await
        .expect("authorize");
    let status = resp.status();
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok());
    let body = resp.text().await.unwrap_or_default();
    (status, location, body)
}

fn query_of(u: &url::Url) -> Vec<(String, String)> {
    u.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn q<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn auth_params<'a>(scope: &'a str, challenge: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("client_id", GRAPH_CLI),
        ("response_type", "code"),
        ("redirect_uri", REDIRECT),
        ("response_mode", "query"),
        ("scope", scope),
        ("state", "st-42"),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
    ]
}

async fn token_request(
    client: &Client,
    emu: &Emulator,
    tenant: &str,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let resp = client
        .post(format!("{}/{tenant}/oauth2/v2.0/token", emu.base_url()))
        .form(form)
        .send()
        .await
        .expect("token");
    let (st, body, _) = read(resp).await;
    (st, body)
}

async fn code_for(client: &Client, emu: &Emulator, scope: &str) -> String {
    let tid = emu.demo().tenant_id;
    let ch = challenge(VERIFIER);
    let (st, loc, body) = authorize(client, emu, &tid, &auth_params(scope, &ch)).await;
    assert_eq!(st, StatusCode::FOUND, "{body}");
    let loc = loc.expect("location");
    q(&query_of(&loc), "code").expect("code").to_string()
}

async fn redeem(
    client: &Client,
    emu: &Emulator,
    code: &str,
    verifier: &str,
) -> (StatusCode, Value) {
    let tid = emu.demo().tenant_id;
    token_request(
        client,
        emu,
        &tid,
        &[
            ("client_id", GRAPH_CLI),
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", verifier),
        ],
    )
    .await
}

async fn admin_token(client: &Client, emu: &Emulator, scope: &str) -> String {
    let code = code_for(client, emu, scope).await;
    let (st, body) = redeem(client, emu, &code, VERIFIER).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("token").to_string()
}

#[tokio::test]
async fn authorization_code_with_pkce() {
    let client = no_redirects();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let ch = challenge(VERIFIER);
    let scope = "https://graph.microsoft.com/Directory.Read.All https://graph.microsoft.com/User.Read openid offline_access";
    let (st, loc, _) = authorize(&client, &emu, &c.tenant_id, &auth_params(scope, &ch)).await;
    assert_eq!(st, StatusCode::FOUND);
    let loc = loc.expect("location");
    assert!(loc.as_str().starts_with(REDIRECT), "{loc}");
    let pairs = query_of(&loc);
    assert_eq!(q(&pairs, "state"), Some("st-42"));
    assert!(q(&pairs, "session_state").is_some());
    let code = q(&pairs, "code").expect("code").to_string();
    assert!(code.len() > 40);

    let (st, body) = redeem(&client, &emu, &code, VERIFIER).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3599);
    assert_eq!(body["ext_expires_in"], 3599);
    let scope = body["scope"].as_str().unwrap_or("");
    assert!(
        scope.contains("https://graph.microsoft.com/Directory.Read.All"),
        "{scope}"
    );
    let token = body["access_token"].as_str().expect("token");
    let claims = payload(token);
    assert_eq!(claims["idtyp"], "user");
    assert_eq!(claims["aud"], "https://graph.microsoft.com");
    assert_eq!(claims["tid"], c.tenant_id.as_str());
    assert_eq!(claims["appid"], GRAPH_CLI);
    assert_eq!(claims["upn"], "admin@contoso-demo.onmicrosoft.com");
    assert_eq!(
        claims["app_displayname"],
        "Microsoft Graph Command Line Tools"
    );
    assert!(claims.get("roles").is_none());
    let scp: Vec<&str> = claims["scp"].as_str().unwrap_or("").split(' ').collect();
    assert!(
        scp.contains(&"Directory.Read.All") && scp.contains(&"User.Read"),
        "{scp:?}"
    );
    assert!(!scp.contains(&"offline_access"));

    // The token works on Graph: /me is the administrator.
    let (st, me) = get(&client, &emu, token, "me").await;
    assert_eq!(st, StatusCode::OK, "{me}");
    assert_eq!(
        me["userPrincipalName"],
        "admin@contoso-demo.onmicrosoft.com"
    );
    assert_eq!(me["id"], claims["oid"]);
    // ... but not on mailboxes.
    let (st, body) = get(
        &client,
        &emu,
        token,
        "users/support@contoso-demo.onmicrosoft.com/messages",
    )
    .await;
    assert_graph_error(st, &body, 403, "ErrorAccessDenied");

    // A code is single-use.
    let (st, body) = redeem(&client, &emu, &code, VERIFIER).await;
    assert_aad_error(st, &body, 400, "invalid_grant", 54005);

    // An unknown code, a wrong redirect URI.
    let (st, body) = redeem(&client, &emu, "1.Agarbage", VERIFIER).await;
    assert_aad_error(st, &body, 400, "invalid_grant", 9002313);
    let code = code_for(&client, &emu, "User.Read").await;
    let (st, body) = token_request(
        &client,
        &emu,
        &c.tenant_id,
        &[
            ("client_id", GRAPH_CLI),
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://localhost:9999/other"),
            ("code_verifier", VERIFIER),
        ],
    )
    .await;
    assert_aad_error(st, &body, 400, "invalid_grant", 500112);

    // `organizations` works for the interactive flows.
    let (st, loc, _) = authorize(
        &client,
        &emu,
        "organizations",
        &auth_params("User.Read", &ch),
    )
    .await;
    assert_eq!(st, StatusCode::FOUND);
    let code = q(&query_of(&loc.expect("location")), "code")
        .expect("code")
        .to_string();
    let (st, body) = token_request(
        &client,
        &emu,
        "organizations",
        &[
            ("client_id", GRAPH_CLI),
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", VERIFIER),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn wrong_code_verifier_is_rejected() {
    let client = no_redirects();
    let emu = start(Scenario::Healthy).await;
    let code = code_for(&client, &emu, "User.Read").await;
    let (st, body) = redeem(
        &client,
        &emu,
        &code,
        "some-other-verifier-that-does-not-match-at-all",
    )
    .await;
    assert_aad_error(st, &body, 400, "invalid_grant", 501481);
    assert!(body["error_description"]
        .as_str()
        .unwrap_or("")
        .contains("The Code_Verifier does not match the code_challenge supplied in the authorization request."));
    let (st, body) = redeem(&client, &emu, &code, "").await;
    assert_aad_error(st, &body, 400, "invalid_grant", 501481);
}

#[tokio::test]
async fn declined_sign_in_redirects_with_access_denied() {
    let client = no_redirects();
    let emu = start_with(Options {
        admin_outcome: AdminOutcome::Deny,
        ..Options::default()
    })
    .await;
    let ch = challenge(VERIFIER);
    let (st, loc, _) = authorize(
        &client,
        &emu,
        &emu.demo().tenant_id,
        &auth_params("User.Read", &ch),
    )
    .await;
    assert_eq!(st, StatusCode::FOUND);
    let pairs = query_of(&loc.expect("location"));
    assert_eq!(q(&pairs, "error"), Some("access_denied"));
    assert_eq!(
        q(&pairs, "error_description"),
        Some("AADSTS65004: User declined to consent to access the app.")
    );
    assert_eq!(q(&pairs, "state"), Some("st-42"));
    assert_eq!(q(&pairs, "code"), None);
}

#[tokio::test]
async fn bad_authorize_requests() {
    let client = no_redirects();
    let emu = start(Scenario::Healthy).await;
    let tid = emu.demo().tenant_id;
    let ch = challenge(VERIFIER);
    for redirect in [
        "https://evil.example/cb",
        "http://evil.example/",
        "http://localhost.evil.example/",
    ] {
        let mut params = auth_params("User.Read", &ch);
        params[2] = ("redirect_uri", redirect);
        let (st, loc, body) = authorize(&client, &emu, &tid, &params).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{redirect}");
        assert!(loc.is_none());
        assert!(body.contains("AADSTS50011"), "{body}");
        assert!(!body.contains("<script"), "reflected values are escaped");
    }
    // Missing PKCE: redirected with invalid_request.
    let params: Vec<(&str, &str)> = auth_params("User.Read", &ch)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("code_challenge"))
        .collect();
    let (st, loc, _) = authorize(&client, &emu, &tid, &params).await;
    assert_eq!(st, StatusCode::FOUND);
    let pairs = query_of(&loc.expect("location"));
    assert_eq!(q(&pairs, "error"), Some("invalid_request"));
    assert!(q(&pairs, "error_description").is_some_and(|d| d.starts_with("AADSTS9002325")));
    // An unknown tenant shows an error page.
    let (st, loc, body) = authorize(
        &client,
        &emu,
        "nowhere.onmicrosoft.com",
        &auth_params("User.Read", &ch),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(loc.is_none());
    assert!(body.contains("AADSTS90002"), "{body}");
    // A client id that is not a GUID.
    let mut params = auth_params("User.Read", &ch);
    params[0] = ("client_id", "not-a-guid");
    let (st, _, body) = authorize(&client, &emu, &tid, &params).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(body.contains("AADSTS700016"), "{body}");
}

async fn device_start(client: &Client, emu: &Emulator, scope: &str) -> Value {
    let resp = client
        .post(format!(
            "{}/{}/oauth2/v2.0/devicecode",
            emu.base_url(),
            emu.demo().tenant_id
        ))
        .form(&[("client_id", GRAPH_CLI), ("scope", scope)])
        .send()
        .await
        .expect("devicecode");
    let (st, body, _) = read(resp).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body
}

async fn device_poll(client: &Client, emu: &Emulator, device_code: &str) -> (StatusCode, Value) {
    token_request(
        client,
        emu,
        &emu.demo().tenant_id,
        &[
            ("client_id", GRAPH_CLI),
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ("device_code", device_code),
        ],
    )
    .await
}

fn device_opts(pending: u32, interval: u64, outcome: AdminOutcome) -> Options {
    Options {
        device_pending_polls: pending,
        device_interval_secs: interval,
        device_outcome: outcome,
        ..Options::scenario(Scenario::Healthy)
    }
}

#[tokio::test]
async fn device_code_pending_then_token() {
    let client = Client::new();
    let emu = start_with(device_opts(2, 0, AdminOutcome::Approve)).await;
    let start = device_start(&client, &emu, "https://graph.microsoft.com/.default").await;
    let user_code = start["user_code"].as_str().unwrap_or("");
    assert_eq!(user_code.len(), 9);
    assert_eq!(&user_code[4..5], "-");
    assert_eq!(
        start["verification_uri"],
        "https://microsoft.com/devicelogin"
    );
    assert_eq!(start["expires_in"], 900);
    assert_eq!(start["interval"], 0);
    assert_eq!(
        start["message"],
        format!("To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code {user_code} to authenticate.")
    );
    let device = start["device_code"]
        .as_str()
        .expect("device_code")
        .to_string();
    assert!(device.len() > 60);

    for _ in 0..2 {
        let (st, body) = device_poll(&client, &emu, &device).await;
        assert_aad_error(st, &body, 400, "authorization_pending", 70016);
        assert!(body["error_description"]
            .as_str()
            .unwrap_or("")
            .starts_with("AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.\r\nTrace ID"));
    }
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let token = body["access_token"].as_str().expect("token").to_string();
    let scp = payload(&token)["scp"].as_str().unwrap_or("").to_string();
    assert!(
        scp.contains("Directory.Read.All") && scp.contains("Application.Read.All"),
        "{scp}"
    );
    // Redeemed once only; unknown codes are bad verification codes.
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
    let (st, body) = device_poll(&client, &emu, "DAQABIQEAAABnotarealcode").await;
    assert_aad_error(st, &body, 400, "bad_verification_code", 70000);
}

#[tokio::test]
async fn device_code_declined() {
    let client = Client::new();
    let emu = start_with(device_opts(1, 0, AdminOutcome::Deny)).await;
    let start = device_start(&client, &emu, "User.Read").await;
    let device = start["device_code"]
        .as_str()
        .expect("device_code")
        .to_string();
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_aad_error(st, &body, 400, "authorization_pending", 70016);
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_aad_error(st, &body, 400, "authorization_declined", 70000);
}

#[tokio::test]
async fn device_code_slow_down() {
    let client = Client::new();
    let emu = start_with(device_opts(1, 1, AdminOutcome::Approve)).await;
    let start = device_start(&client, &emu, "User.Read").await;
    assert_eq!(start["interval"], 1);
    let device = start["device_code"]
        .as_str()
        .expect("device_code")
        .to_string();
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "slow_down", "{body}");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_aad_error(st, &body, 400, "authorization_pending", 70016);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_eq!(st, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn device_code_expires() {
    let client = Client::new();
    let emu = start_with(Options {
        device_code_lifetime: Duration::from_millis(800),
        ..device_opts(5, 0, AdminOutcome::Approve)
    })
    .await;
    let start = device_start(&client, &emu, "User.Read").await;
    assert_eq!(start["expires_in"], 1);
    let device = start["device_code"]
        .as_str()
        .expect("device_code")
        .to_string();
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_aad_error(st, &body, 400, "authorization_pending", 70016);
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let (st, body) = device_poll(&client, &emu, &device).await;
    assert_aad_error(st, &body, 400, "expired_token", 70020);
}

#[tokio::test]
async fn admin_token_reads_grants_the_app_cannot() {
    let client = no_redirects();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let app = app_token(&client, &emu).await;
    let (st, sp) = get(
        &client,
        &emu,
        &app,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let sp_id = sp["id"].as_str().expect("sp id").to_string();
    let grants_path = format!(
        "oauth2PermissionGrants?$filter=clientId eq '{sp_id}' and consentType eq 'AllPrincipals'"
    );
    let (st, body) = get(&client, &emu, &app, &grants_path).await;
    assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    let (st, _) = get(&client, &emu, &app, "me").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);

    let admin = admin_token(
        &client,
        &emu,
        "https://graph.microsoft.com/Directory.Read.All",
    )
    .await;
    let (st, body) = get(&client, &emu, &admin, &grants_path).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["value"][0]["scope"], "User.Read");
    assert_eq!(body["value"][0]["clientId"], sp_id.as_str());
    let (st, body) = get(
        &client,
        &emu,
        &admin,
        &format!("servicePrincipals/{sp_id}/oauth2PermissionGrants"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["value"][0]["scope"], "User.Read");
    let (st, body) = get(
        &client,
        &emu,
        &admin,
        &format!("servicePrincipals/{sp_id}/appRoleAssignments"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let roles: Vec<&str> = body["value"]
        .as_array()
        .expect("value")
        .iter()
        .filter_map(|a| a["appRoleId"].as_str())
        .collect();
    assert_eq!(roles, vec![perm::MAIL_READWRITE_ROLE, perm::MAIL_SEND_ROLE]);
    let (st, body) = get(
        &client,
        &emu,
        &admin,
        &format!("servicePrincipals?$filter=appId eq '{}'", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["value"][0]["id"], sp_id.as_str());
    let (st, graph_sp) = get(
        &client,
        &emu,
        &admin,
        "servicePrincipals(appId='00000003-0000-0000-c000-000000000000')",
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{graph_sp}");
    assert!(graph_sp["appRoles"].as_array().is_some_and(|r| r
        .iter()
        .any(|x| x["value"] == "Mail.Send" && x["id"] == perm::MAIL_SEND_ROLE)));
    let (st, app_obj) = get(
        &client,
        &emu,
        &admin,
        &format!("applications(appId='{}')", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{app_obj}");

    // With only User.Read the admin may not read grants.
    let weak = admin_token(&client, &emu, "User.Read").await;
    let (st, body) = get(&client, &emu, &weak, &grants_path).await;
    assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    let (st, _) = get(&client, &emu, &weak, "me").await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn admin_consent_grants_the_requested_permissions() {
    let client = no_redirects();
    let emu = start(Scenario::NoAdminConsent).await;
    let c = emu.demo();
    let before = app_token(&client, &emu).await;
    assert!(roles(&before).is_empty());

    let url = format!("{}/{}/adminconsent", emu.base_url(), c.tenant_id);
    let resp = client
        .get(&url)
        .query(&[
            ("client_id", c.client_id.as_str()),
            ("state", "consent-1"),
            ("redirect_uri", "http://localhost"),
        ])
        .send()
        .await
        .expect("adminconsent");
    assert_eq!(resp.status(), StatusCode::FOUND);
    let loc = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok())
        .expect("location");
    assert_eq!(loc.host_str(), Some("localhost"));
    let pairs = query_of(&loc);
    assert_eq!(q(&pairs, "admin_consent"), Some("True"));
    assert_eq!(q(&pairs, "tenant"), Some(c.tenant_id.as_str()));
    assert_eq!(q(&pairs, "state"), Some("consent-1"));
    assert_eq!(
        q(&pairs, "scope"),
        None,
        "the v1 adminconsent endpoint does not name the granted scopes (only v2.0's does)"
    );

    let after = app_token(&client, &emu).await;
    assert_eq!(
        roles(&after),
        vec!["Mail.ReadWrite".to_string(), "Mail.Send".to_string()]
    );
    let (_, sp) = get(
        &client,
        &emu,
        &after,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await;
    let sp_id = sp["id"].as_str().unwrap_or("").to_string();
    // The grant, as the administrator reads it (the app's own token may not).
    let admin = admin_token(
        &client,
        &emu,
        "https://graph.microsoft.com/Directory.Read.All",
    )
    .await;
    let (st, grants) = get(
        &client,
        &emu,
        &admin,
        &format!("servicePrincipals/{sp_id}/oauth2PermissionGrants"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{grants}");
    assert_eq!(grants["value"][0]["scope"], "User.Read");
    // Mail now works.
    let (st, _) = get(
        &client,
        &emu,
        &after,
        "users/support@contoso-demo.onmicrosoft.com/mailFolders/inbox/messages",
    )
    .await;
    assert_eq!(st, StatusCode::OK);

    // Consenting again changes nothing.
    let resp = client
        .get(&url)
        .query(&[
            ("client_id", c.client_id.as_str()),
            ("redirect_uri", "http://localhost"),
        ])
        .send()
        .await
        .expect("adminconsent");
    assert_eq!(resp.status(), StatusCode::FOUND);
    let again = app_token(&client, &emu).await;
    assert_eq!(roles(&again).len(), 2);

    // An unknown client, a bad redirect URI.
    let resp = client
        .get(&url)
        .query(&[
            ("client_id", "00000000-1111-2222-3333-444444444444"),
            ("state", "s"),
            ("redirect_uri", "http://localhost:8400/"),
        ])
        .send()
        .await
        .expect("adminconsent");
    assert_eq!(resp.status(), StatusCode::FOUND);
    let loc = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok())
        .expect("location");
    let pairs = query_of(&loc);
    assert_eq!(q(&pairs, "error"), Some("invalid_client"));
    assert!(q(&pairs, "error_description").is_some_and(|d| d.starts_with("AADSTS700016")));
    let resp = client
        .get(&url)
        .query(&[
            ("client_id", c.client_id.as_str()),
            ("redirect_uri", "https://example.com/"),
        ])
        .send()
        .await
        .expect("adminconsent");
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(resp.headers().get("location").is_none());
    assert!(resp
        .text()
        .await
        .unwrap_or_default()
        .contains("AADSTS50011"));
}

#[tokio::test]
async fn admin_consent_declined() {
    let client = no_redirects();
    let emu = start_with(Options {
        admin_outcome: AdminOutcome::Deny,
        ..Options::scenario(Scenario::NoAdminConsent)
    })
    .await;
    let c = emu.demo();
    let resp = client
        .get(format!(
            "{}/{}/adminconsent",
            emu.base_url(),
            c.tenant_domain
        ))
        .query(&[
            ("client_id", c.client_id.as_str()),
            ("state", "s1"),
            ("redirect_uri", "http://127.0.0.1:8400/done"),
        ])
        .send()
        .await
        .expect("adminconsent");
    assert_eq!(resp.status(), StatusCode::FOUND);
    let loc = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok())
        .expect("location");
    assert!(loc.as_str().starts_with("http://127.0.0.1:8400/done?"));
    let pairs = query_of(&loc);
    assert_eq!(q(&pairs, "error"), Some("access_denied"));
    assert_eq!(
        q(&pairs, "error_description"),
        Some("AADSTS65004: The admin canceled the request")
    );
    assert_eq!(q(&pairs, "state"), Some("s1"));
    assert!(roles(&app_token(&client, &emu).await).is_empty());
}

#[tokio::test]
async fn admin_consent_for_named_permissions_only() {
    let client = no_redirects();
    let emu = start(Scenario::NoAdminConsent).await;
    let c = emu.demo();
    let resp = client
        .get(format!(
            "{}/{}/v2.0/adminconsent",
            emu.base_url(),
            c.tenant_id
        ))
        .query(&[
            ("client_id", c.client_id.as_str()),
            ("redirect_uri", "http://localhost"),
            ("scope", "https://graph.microsoft.com/Mail.Send"),
        ])
        .send()
        .await
        .expect("adminconsent");
    assert_eq!(resp.status(), StatusCode::FOUND);
    let loc = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok())
        .expect("location");
    assert_eq!(
        q(&query_of(&loc), "scope"),
        Some("https://graph.microsoft.com/Mail.Send"),
        "the v2.0 endpoint names the granted scopes"
    );
    let token = app_token(&client, &emu).await;
    assert_eq!(roles(&token), vec!["Mail.Send".to_string()]);
    let granted = emu.update_directory(|d| {
        d.tenant_mut(&c.tenant_id)
            .and_then(|t| t.app_mut(&c.client_id))
            .map(|a| a.delegated_grant_scopes.clone())
    });
    assert_eq!(granted, Some(None), "User.Read was not named");
}
