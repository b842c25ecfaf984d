//! End-to-end checks of the Entra endpoints over real HTTP: discovery and token answers for
//! every scenario (also as separate tenants of one emulator), the fixed demo identities, the
//! discovery document, tenant identifiers, token request validation and token claims.

mod http_support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use graphwiz_emulator::{Emulator, Options, Scenario};
use reqwest::{Client, StatusCode};
use serde_json::Value;

use http_support::*;

async fn check_discovery_and_token(client: &Client, emu: &Emulator, index: usize, s: Scenario) {
    let base = emu.base_url();
    let c = emu.credentials(index).expect("credentials");
    // Discovery, by domain and by id.
    for ident in [
        c.tenant_domain.clone(),
        c.tenant_id.clone(),
        c.tenant_domain.to_uppercase(),
    ] {
        let resp = client
            .get(format!(
                "{base}/{ident}/v2.0/.well-known/openid-configuration"
            ))
            .send()
            .await
            .expect("discovery");
        let status = resp.status();
        let body: Value = resp.json().await.expect("json");
        if s == Scenario::UnknownTenant {
            assert_aad_error(status, &body, 400, "invalid_tenant", 90002);
            assert!(body["error_description"]
                .as_str()
                .unwrap_or("")
                .contains(&format!("Tenant '{ident}' not found")));
        } else {
            assert_eq!(status, StatusCode::OK, "{s}: {body}");
            assert_eq!(
                body["token_endpoint"],
                format!("{base}/{}/oauth2/v2.0/token", c.tenant_id)
            );
            assert_eq!(
                body["issuer"],
                format!("https://login.microsoftonline.com/{}/v2.0", c.tenant_id),
                "Entra names its public host as the issuer"
            );
        }
    }
    // Token.
    let resp = post_token(client, &base, &c).await;
    let status = resp.status();
    let ctype = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert_eq!(ctype, "application/json; charset=utf-8");
    let body: Value = resp.json().await.expect("json");
    match expected_token(s) {
        Ok(want_roles) => {
            assert_eq!(status, StatusCode::OK, "{s}: {body}");
            assert_eq!(body["token_type"], "Bearer");
            assert_eq!(body["expires_in"], 3599);
            assert_eq!(body["ext_expires_in"], 3599);
            let token = body["access_token"].as_str().expect("token");
            let got = roles(token);
            let want = want_roles.map(|v| v.into_iter().map(str::to_string).collect::<Vec<_>>());
            assert_eq!(got, want, "{s}");
        }
        Err((st, error, code)) => {
            assert_aad_error(status, &body, st, error, code);
            let desc = body["error_description"].as_str().unwrap_or("");
            if code == 7000215 || code == 7000222 || code == 700016 || code == 7000112 {
                assert!(desc.contains(&c.client_id), "{desc}");
            }
        }
    }
}

#[tokio::test]
async fn every_scenario_answers_discovery_and_token_as_entra_does() {
    let client = Client::new();
    for s in Scenario::ALL {
        let emu = start(s).await;
        check_discovery_and_token(&client, &emu, 0, s).await;
    }
}

#[tokio::test]
async fn one_emulator_can_hold_every_scenario_as_separate_tenants() {
    let client = Client::new();
    let emu = Emulator::start(Options {
        tenants: Scenario::ALL.to_vec(),
        ..Options::default()
    })
    .await
    .expect("start");
    for (i, s) in Scenario::ALL.into_iter().enumerate() {
        check_discovery_and_token(&client, &emu, i, s).await;
    }
    assert!(emu.credentials(Scenario::ALL.len()).is_none());
    let first = emu.credentials(0).expect("tenant 0");
    let second = emu.credentials(1).expect("tenant 1");
    assert_ne!(first.tenant_id, second.tenant_id);
    assert_eq!(second.tenant_domain, "tenant1.onmicrosoft.com");
}

#[tokio::test]
async fn demo_identities_are_fixed() {
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    assert_eq!(c.tenant_id, "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903");
    assert_eq!(c.tenant_domain, "contoso-demo.onmicrosoft.com");
    assert_eq!(c.client_id, "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10");
    assert_eq!(c.client_secret, "dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0");
    assert!(!format!("{c:?}").contains(&c.client_secret));
    assert!(format!("{c:?}").contains("<redacted>"));
    assert!(emu.base_url().starts_with("http://127.0.0.1:"));
    assert!(!emu.base_url().ends_with('/'));

    let secret_id = start(Scenario::SecretIdPasted).await.demo().client_secret;
    assert_eq!(secret_id, "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    let wrong = start(Scenario::WrongSecret).await.demo().client_secret;
    assert_eq!(wrong.len(), 40);
    assert_ne!(wrong, c.client_secret);
}

#[tokio::test]
async fn discovery_document_has_the_real_fields() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let base = emu.base_url();
    let tid = emu.demo().tenant_id;
    let body: Value = client
        .get(format!(
            "{base}/contoso-demo.onmicrosoft.com/v2.0/.well-known/openid-configuration"
        ))
        .send()
        .await
        .expect("discovery")
        .json()
        .await
        .expect("json");
    assert_eq!(
        body["authorization_endpoint"],
        format!("{base}/{tid}/oauth2/v2.0/authorize")
    );
    assert_eq!(
        body["device_authorization_endpoint"],
        format!("{base}/{tid}/oauth2/v2.0/devicecode")
    );
    assert_eq!(
        body["jwks_uri"],
        format!("{base}/{tid}/discovery/v2.0/keys")
    );
    assert_eq!(body["tenant_region_scope"], "WW");
    assert_eq!(body["cloud_instance_name"], "microsoftonline.com");
    assert_eq!(body["msgraph_host"], "graph.microsoft.com");
    let keys: Value = client
        .get(format!("{base}/{tid}/discovery/v2.0/keys"))
        .send()
        .await
        .expect("keys")
        .json()
        .await
        .expect("json");
    assert!(keys["keys"].is_array());
}

#[tokio::test]
async fn malformed_tenant_identifiers_get_900023() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let base = emu.base_url();
    for ident in ["contoso%20demo", "!!"] {
        let resp = client
            .get(format!(
                "{base}/{ident}/v2.0/.well-known/openid-configuration"
            ))
            .send()
            .await
            .expect("discovery");
        let status = resp.status();
        let body: Value = resp.json().await.expect("json");
        assert_aad_error(status, &body, 400, "invalid_request", 900023);
        assert!(body["error_description"]
            .as_str()
            .unwrap_or("")
            .contains("is neither a valid DNS name, nor a valid external domain."));

        let resp = client
            .post(format!("{base}/{ident}/oauth2/v2.0/token"))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .expect("token");
        let status = resp.status();
        let body: Value = resp.json().await.expect("json");
        assert_aad_error(status, &body, 400, "invalid_request", 900023);
    }
    let resp = client
        .get(format!(
            "{base}/contoso%20demo/v2.0/.well-known/openid-configuration"
        ))
        .send()
        .await
        .expect("discovery");
    let body: Value = resp.json().await.expect("json");
    assert!(body["error_description"]
        .as_str()
        .unwrap_or("")
        .starts_with("AADSTS900023: Specified tenant identifier 'contoso demo' is neither"));
}

#[tokio::test]
async fn token_request_validation() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let base = emu.base_url();
    let c = emu.demo();
    let url = format!("{base}/{}/oauth2/v2.0/token", c.tenant_domain);
    let send = |form: Vec<(&'static str, String)>| {
        let client = client.clone();
        let url = url.clone();
        async move {
            let resp = client.post(url).form(&form).send().await.expect("token");
            let status = resp.status();
            let body: Value = resp.json().await.expect("json");
            (status, body)
        }
    };
    let full = |scope: &str, secret: Option<&str>| {
        let mut f = vec![
            ("client_id", c.client_id.clone()),
            ("grant_type", "client_credentials".to_string()),
            ("scope", scope.to_string()),
        ];
        if let Some(s) = secret {
            f.push(("client_secret", s.to_string()));
        }
        f
    };

    let (st, body) = send(full(GRAPH_SCOPE, None)).await;
    assert_aad_error(st, &body, 400, "invalid_request", 7000218);

    let (st, body) = send(full(
        "https://graph.microsoft.com/Mail.Send",
        Some(&c.client_secret),
    ))
    .await;
    assert_aad_error(st, &body, 400, "invalid_scope", 1002012);

    let (st, body) = send(full("https://example.com/.default", Some(&c.client_secret))).await;
    assert_aad_error(st, &body, 400, "invalid_resource", 500011);

    for scope in [
        "https://graph.microsoft.us/.default",
        "https://microsoftgraph.chinacloudapi.cn/.default",
        &format!("{base}/.default"),
    ] {
        let (st, body) = send(full(scope, Some(&c.client_secret))).await;
        assert_eq!(st, StatusCode::OK, "{scope}: {body}");
    }
    let (_, body) = send(full(
        "https://graph.microsoft.us/.default",
        Some(&c.client_secret),
    ))
    .await;
    let token = body["access_token"].as_str().unwrap_or("");
    assert_eq!(payload(token)["aud"], "https://graph.microsoft.us");

    let (st, body) = send(vec![("client_id", c.client_id.clone())]).await;
    assert_aad_error(st, &body, 400, "invalid_request", 900144);

    let mut f = full(GRAPH_SCOPE, Some(&c.client_secret));
    f[1].1 = "password".to_string();
    let (st, body) = send(f).await;
    assert_aad_error(st, &body, 400, "unsupported_grant_type", 70003);

    // The domain works as the tenant on the token endpoint too, and unknown apps come before secrets.
    let mut f = full(GRAPH_SCOPE, None);
    f[0].1 = "00000000-1111-2222-3333-444444444444".to_string();
    let (st, body) = send(f).await;
    assert_aad_error(st, &body, 400, "unauthorized_client", 700016);

    // GET is refused.
    let resp = client.get(&url).send().await.expect("get");
    let st = resp.status();
    let body: Value = resp.json().await.expect("json");
    assert_aad_error(st, &body, 400, "invalid_request", 900561);

    // HTTP Basic client authentication.
    let resp = client
        .post(&url)
        .basic_auth(&c.client_id, Some(&c.client_secret))
        .form(&[("grant_type", "client_credentials"), ("scope", GRAPH_SCOPE)])
        .send()
        .await
        .expect("basic");
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = client
        .post(&url)
        .basic_auth(&c.client_id, Some("nope"))
        .form(&[("grant_type", "client_credentials"), ("scope", GRAPH_SCOPE)])
        .send()
        .await
        .expect("basic");
    let st = resp.status();
    let body: Value = resp.json().await.expect("json");
    assert_aad_error(st, &body, 401, "invalid_client", 7000215);

    // A client-request-id becomes the correlation id.
    let resp = client
        .post(&url)
        .header("client-request-id", "11111111-2222-3333-4444-555555555555")
        .form(&full(GRAPH_SCOPE, Some("wrong")))
        .send()
        .await
        .expect("token");
    let body: Value = resp.json().await.expect("json");
    assert_eq!(
        body["correlation_id"],
        "11111111-2222-3333-4444-555555555555"
    );
}

#[tokio::test]
async fn healthy_token_claims() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    assert_eq!(token.split('.').count(), 3);
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').next().unwrap_or(""))
            .expect("b64"),
    )
    .expect("json");
    assert_eq!(header["typ"], "JWT");
    assert!(header["kid"].is_string());
    let p = payload(&token);
    assert_eq!(p["aud"], "https://graph.microsoft.com");
    assert_eq!(
        p["iss"],
        format!("https://sts.windows.net/{}/", c.tenant_id)
    );
    assert_eq!(p["tid"], c.tenant_id);
    assert_eq!(p["appid"], c.client_id);
    assert_eq!(p["appidacr"], "1");
    assert_eq!(p["idtyp"], "app");
    assert_eq!(p["ver"], "1.0");
    let iat = p["iat"].as_i64().expect("iat");
    assert_eq!(p["exp"].as_i64(), Some(iat + 3599));
    assert_eq!(p["nbf"].as_i64(), Some(iat));
    let (st, sp) = graph_get(
        &client,
        &emu,
        &token,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(p["oid"], sp["id"]);
    assert_eq!(p["sub"], sp["id"]);
}
