//! End-to-end checks of the emulator over real HTTP: discovery and token answers for every
//! scenario, token claims, Graph shapes, permission and throttling behaviour, token rejection,
//! delay, recording, loopback-only listening and the threaded mode.

use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use graphwiz_emulator::model::perm;
use graphwiz_emulator::{DemoCredentials, Emulator, Options, Scenario};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const GRAPH_SCOPE: &str = "https://graph.microsoft.com/.default";

async fn start(s: Scenario) -> Emulator {
    Emulator::start(Options::scenario(s))
        .await
        .expect("emulator starts")
}

async fn post_token(client: &Client, base: &str, c: &DemoCredentials) -> reqwest::Response {
    client
        .post(format!("{base}/{}/oauth2/v2.0/token", c.tenant_id))
        .form(&[
            ("client_id", c.client_id.as_str()),
            ("client_secret", c.client_secret.as_str()),
            ("grant_type", "client_credentials"),
            ("scope", GRAPH_SCOPE),
        ])
        .send()
        .await
        .expect("token request")
}

async fn access_token(client: &Client, emu: &Emulator, c: &DemoCredentials) -> String {
    let resp = post_token(client, &emu.base_url(), c).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let body: Value = resp.json().await.expect("json");
    body["access_token"]
        .as_str()
        .expect("access_token")
        .to_string()
}

fn payload(token: &str) -> Value {
    let p = token.split('.').nth(1).expect("three parts");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).expect("base64url")).expect("json payload")
}

async fn graph_get(
    client: &Client,
    emu: &Emulator,
    token: &str,
    path: &str,
) -> (StatusCode, Value) {
    let resp = client
        .get(format!("{}/v1.0/{path}", emu.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .expect("graph request");
    let status = resp.status();
    let body = resp.json().await.unwrap_or(Value::Null);
    (status, body)
}

fn assert_aad_error(status: StatusCode, body: &Value, want_status: u16, error: &str, code: u64) {
    assert_eq!(status.as_u16(), want_status, "status for {body}");
    assert_eq!(body["error"], error, "{body}");
    assert_eq!(body["error_codes"][0].as_u64(), Some(code), "{body}");
    let desc = body["error_description"].as_str().expect("description");
    assert!(desc.starts_with(&format!("AADSTS{code}: ")), "{desc}");
    assert!(desc.contains("\r\nTrace ID: "), "{desc}");
    assert!(desc.contains("\r\nCorrelation ID: "), "{desc}");
    assert!(desc.contains("\r\nTimestamp: "), "{desc}");
    let ts = body["timestamp"].as_str().expect("timestamp");
    assert_eq!(ts.len(), "2026-01-09 02:02:12Z".len(), "{ts}");
    assert!(ts.ends_with('Z'));
    assert!(uuid_like(body["trace_id"].as_str().unwrap_or("")));
    assert!(uuid_like(body["correlation_id"].as_str().unwrap_or("")));
    assert_eq!(
        body["error_uri"].as_str(),
        Some(format!("https://login.microsoftonline.com/error?code={code}").as_str())
    );
}

fn assert_graph_error(status: StatusCode, body: &Value, want_status: u16, code: &str) {
    assert_eq!(status.as_u16(), want_status, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    let inner = &body["error"]["innerError"];
    assert!(
        inner["date"].is_string()
            && inner["request-id"].is_string()
            && inner["client-request-id"].is_string()
    );
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

fn roles(token: &str) -> Option<Vec<String>> {
    payload(token).get("roles").map(|r| {
        r.as_array()
            .expect("roles array")
            .iter()
            .map(|v| v.as_str().unwrap_or("").to_string())
            .collect()
    })
}

/// What the token endpoint should answer for a scenario: Ok(roles) or Err((status, error, code)).
type TokenOutcome = Result<Option<Vec<&'static str>>, (u16, &'static str, u64)>;

fn expected_token(s: Scenario) -> TokenOutcome {
    let both = Some(vec!["Mail.ReadWrite", "Mail.Send"]);
    match s {
        Scenario::Healthy
        | Scenario::UserReadNotConsented
        | Scenario::GrantsUnreadable
        | Scenario::Throttled
        | Scenario::RbacScoped
        | Scenario::MailLost
        | Scenario::SendThrottled => Ok(both),
        Scenario::WrongSecret | Scenario::SecretIdPasted => Err((401, "invalid_client", 7000215)),
        Scenario::ExpiredSecret => Err((401, "invalid_client", 7000222)),
        Scenario::UnknownApp => Err((400, "unauthorized_client", 700016)),
        Scenario::UnknownTenant => Err((400, "invalid_request", 90002)),
        Scenario::AppDisabled => Err((400, "unauthorized_client", 7000112)),
        Scenario::NoAdminConsent => Ok(None),
        Scenario::UserReadAsApplication => {
            Ok(Some(vec!["Mail.ReadWrite", "Mail.Send", "User.Read.All"]))
        }
        Scenario::MailSendDelegated => Ok(Some(vec!["Mail.ReadWrite"])),
    }
}

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
            assert_eq!(body["issuer"], format!("{base}/{}/v2.0", c.tenant_id));
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
    assert_aad_error(st, &body, 400, "invalid_scope", 70011);

    let (st, body) = send(full("https://example.com/.default", Some(&c.client_secret))).await;
    assert_aad_error(st, &body, 400, "invalid_scope", 70011);

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

#[tokio::test]
async fn graph_shapes_for_a_healthy_app() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;

    let (st, app) = graph_get(
        &client,
        &emu,
        &token,
        &format!("applications(appId='{}')?$select=id,displayName,requiredResourceAccess,passwordCredentials", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{app}");
    assert!(app["@odata.context"]
        .as_str()
        .is_some_and(|s| s.contains("$metadata#applications")));
    assert_eq!(app["appId"], c.client_id);
    assert_eq!(app["displayName"], "Genesys Cloud Email (demo)");
    assert!(app["id"].as_str().is_some_and(uuid_like));
    let rra = app["requiredResourceAccess"].as_array().expect("rra");
    assert_eq!(rra.len(), 1);
    assert_eq!(
        rra[0]["resourceAppId"],
        "00000003-0000-0000-c000-000000000000"
    );
    let access: Vec<(String, String)> = rra[0]["resourceAccess"]
        .as_array()
        .expect("access")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or("").into(),
                a["type"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert!(access.contains(&(perm::MAIL_READWRITE_ROLE.into(), "Role".into())));
    assert!(access.contains(&(perm::MAIL_SEND_ROLE.into(), "Role".into())));
    assert!(access.contains(&(perm::USER_READ_SCOPE.into(), "Scope".into())));
    let pw = &app["passwordCredentials"][0];
    assert_eq!(pw["keyId"], "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    assert_eq!(pw["hint"], "dmo");
    assert!(pw["secretText"].is_null());
    assert!(pw["customKeyIdentifier"].is_null());
    let end = pw["endDateTime"].as_str().expect("end");
    let end = chrono::DateTime::parse_from_rfc3339(end).expect("rfc3339");
    let days = (end.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_days();
    assert!((178..=180).contains(&days), "{days}");
    assert!(pw["startDateTime"].is_string());

    // Percent-encoded quotes work too.
    let (st, _) = graph_get(
        &client,
        &emu,
        &token,
        &format!("applications(appId=%27{}%27)", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let (st, _) = graph_get(
        &client,
        &emu,
        &token,
        &format!("applications/{}", app["id"].as_str().unwrap_or("")),
    )
    .await;
    assert_eq!(st, StatusCode::OK);

    let (st, sp) = graph_get(
        &client,
        &emu,
        &token,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(sp["appId"], c.client_id);
    assert_eq!(sp["accountEnabled"], true);
    assert_eq!(sp["servicePrincipalType"], "Application");
    assert!(sp["appRoles"].as_array().is_some_and(|a| a.is_empty()));
    let sp_id = sp["id"].as_str().expect("sp id").to_string();
    assert_ne!(sp_id, app["id"].as_str().unwrap_or(""));

    let grant_paths = [
        format!("oauth2PermissionGrants?$filter=clientId eq '{sp_id}' and consentType eq 'AllPrincipals'"),
        format!("oauth2PermissionGrants?$filter=clientId eq '{sp_id}'"),
        format!("servicePrincipals/{sp_id}/oauth2PermissionGrants"),
        format!("servicePrincipals(appId='{}')/oauth2PermissionGrants", c.client_id),
    ];
    let mut resource_id = String::new();
    for path in &grant_paths {
        let (st, body) = graph_get(&client, &emu, &token, path).await;
        assert_eq!(st, StatusCode::OK, "{path}: {body}");
        assert!(body["@odata.context"].is_string());
        let v = body["value"].as_array().expect("value");
        assert_eq!(v.len(), 1, "{path}");
        assert_eq!(v[0]["clientId"], sp_id);
        assert_eq!(v[0]["consentType"], "AllPrincipals");
        assert!(v[0]["principalId"].is_null());
        assert_eq!(v[0]["scope"], "User.Read");
        assert!(v[0]["id"].is_string());
        resource_id = v[0]["resourceId"].as_str().unwrap_or("").to_string();
    }
    assert!(uuid_like(&resource_id));
    let (st, body) = graph_get(
        &client,
        &emu,
        &token,
        "oauth2PermissionGrants?$filter=clientId eq '00000000-0000-0000-0000-000000000001'",
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert!(body["value"].as_array().is_some_and(|v| v.is_empty()));

    for path in [
        format!("servicePrincipals/{sp_id}/appRoleAssignments"),
        format!(
            "servicePrincipals(appId='{}')/appRoleAssignments",
            c.client_id
        ),
    ] {
        let (st, body) = graph_get(&client, &emu, &token, &path).await;
        assert_eq!(st, StatusCode::OK, "{path}: {body}");
        let v = body["value"].as_array().expect("value");
        let ids: Vec<&str> = v.iter().filter_map(|a| a["appRoleId"].as_str()).collect();
        assert_eq!(ids, vec![perm::MAIL_READWRITE_ROLE, perm::MAIL_SEND_ROLE]);
        for a in v {
            assert_eq!(a["principalId"], sp_id);
            assert_eq!(a["principalType"], "ServicePrincipal");
            assert_eq!(a["resourceDisplayName"], "Microsoft Graph");
            assert_eq!(a["resourceId"], resource_id);
            assert_eq!(a["principalDisplayName"], "Genesys Cloud Email (demo)");
            assert!(a["createdDateTime"].is_string() && a["id"].is_string());
        }
    }

    // Other apps and unknown paths.
    let (st, body) = graph_get(
        &client,
        &emu,
        &token,
        "applications(appId='00000000-1111-2222-3333-444444444444')",
    )
    .await;
    assert_graph_error(st, &body, 404, "Request_ResourceNotFound");
    let (st, body) = graph_get(
        &client,
        &emu,
        &token,
        "servicePrincipals(appId='00000003-0000-0000-c000-000000000000')",
    )
    .await;
    assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    let (st, body) = graph_get(&client, &emu, &token, "applications(appId='not-a-guid')").await;
    assert_graph_error(st, &body, 400, "Request_BadRequest");
    let (st, body) = graph_get(&client, &emu, &token, "nothing/here").await;
    assert_graph_error(st, &body, 404, "ResourceNotFound");
    let (st, body) = graph_get(
        &client,
        &emu,
        &token,
        "users/someone@contoso-demo.onmicrosoft.com",
    )
    .await;
    assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    let (st, body) = graph_get(
        &client,
        &emu,
        &token,
        "oauth2PermissionGrants?$filter=clientId gt 5",
    )
    .await;
    assert_graph_error(st, &body, 400, "Request_UnsupportedQuery");
    let resp = client
        .get(format!("{}/nowhere", emu.base_url()))
        .send()
        .await
        .expect("unknown");
    let st = resp.status();
    let body: Value = resp.json().await.expect("json");
    assert_graph_error(st, &body, 404, "ResourceNotFound");
    let resp = client
        .delete(format!(
            "{}/v1.0/applications(appId='{}')",
            emu.base_url(),
            c.client_id
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("delete");
    let st = resp.status();
    let body: Value = resp.json().await.expect("json");
    assert_graph_error(st, &body, 405, "Request_BadRequest");
}

async fn sp_id_of(client: &Client, emu: &Emulator, token: &str) -> String {
    let (_, sp) = graph_get(
        client,
        emu,
        token,
        &format!("servicePrincipals(appId='{}')", emu.demo().client_id),
    )
    .await;
    sp["id"].as_str().expect("sp id").to_string()
}

async fn grant_scopes(client: &Client, emu: &Emulator, token: &str) -> Vec<String> {
    let sp = sp_id_of(client, emu, token).await;
    let (st, body) = graph_get(
        client,
        emu,
        token,
        &format!(
            "oauth2PermissionGrants?$filter=clientId eq '{sp}' and consentType eq 'AllPrincipals'"
        ),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    body["value"]
        .as_array()
        .expect("value")
        .iter()
        .filter_map(|g| g["scope"].as_str().map(str::to_string))
        .collect()
}

async fn assigned_roles(client: &Client, emu: &Emulator, token: &str) -> Vec<String> {
    let sp = sp_id_of(client, emu, token).await;
    let (st, body) = graph_get(
        client,
        emu,
        token,
        &format!("servicePrincipals/{sp}/appRoleAssignments"),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    body["value"]
        .as_array()
        .expect("value")
        .iter()
        .filter_map(|g| g["appRoleId"].as_str().map(str::to_string))
        .collect()
}

async fn requested(client: &Client, emu: &Emulator, token: &str) -> Vec<(String, String)> {
    let (_, app) = graph_get(
        client,
        emu,
        token,
        &format!("applications(appId='{}')", emu.demo().client_id),
    )
    .await;
    app["requiredResourceAccess"][0]["resourceAccess"]
        .as_array()
        .expect("access")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or("").into(),
                a["type"].as_str().unwrap_or("").into(),
            )
        })
        .collect()
}

#[tokio::test]
async fn permission_scenarios_show_in_graph() {
    let client = Client::new();

    let emu = start(Scenario::NoAdminConsent).await;
    let token = access_token(&client, &emu, &emu.demo()).await;
    assert!(payload(&token).get("roles").is_none());
    assert!(grant_scopes(&client, &emu, &token).await.is_empty());
    assert!(assigned_roles(&client, &emu, &token).await.is_empty());
    assert_eq!(requested(&client, &emu, &token).await.len(), 3);

    let emu = start(Scenario::UserReadAsApplication).await;
    let token = access_token(&client, &emu, &emu.demo()).await;
    let req = requested(&client, &emu, &token).await;
    assert!(req.contains(&(perm::USER_READ_ALL_ROLE.into(), "Role".into())));
    assert!(!req.iter().any(|(id, _)| id == perm::USER_READ_SCOPE));
    assert!(grant_scopes(&client, &emu, &token).await.is_empty());
    assert_eq!(assigned_roles(&client, &emu, &token).await.len(), 3);
    // With User.Read.All the user read is allowed, and the user is unknown.
    let (st, body) = graph_get(
        &client,
        &emu,
        &token,
        "users/nobody@contoso-demo.onmicrosoft.com",
    )
    .await;
    assert_graph_error(st, &body, 404, "Request_ResourceNotFound");

    let emu = start(Scenario::MailSendDelegated).await;
    let token = access_token(&client, &emu, &emu.demo()).await;
    let req = requested(&client, &emu, &token).await;
    assert!(req.contains(&(perm::MAIL_SEND_SCOPE.into(), "Scope".into())));
    assert!(!req.iter().any(|(id, _)| id == perm::MAIL_SEND_ROLE));
    assert_eq!(
        grant_scopes(&client, &emu, &token).await,
        vec!["User.Read Mail.Send".to_string()]
    );
    assert_eq!(
        assigned_roles(&client, &emu, &token).await,
        vec![perm::MAIL_READWRITE_ROLE.to_string()]
    );

    let emu = start(Scenario::UserReadNotConsented).await;
    let token = access_token(&client, &emu, &emu.demo()).await;
    assert!(grant_scopes(&client, &emu, &token).await.is_empty());
    assert_eq!(assigned_roles(&client, &emu, &token).await.len(), 2);
}

#[tokio::test]
async fn grants_unreadable_answers_403() {
    let client = Client::new();
    let emu = start(Scenario::GrantsUnreadable).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    let sp = sp_id_of(&client, &emu, &token).await;
    for path in [
        format!(
            "oauth2PermissionGrants?$filter=clientId eq '{sp}' and consentType eq 'AllPrincipals'"
        ),
        format!("servicePrincipals/{sp}/oauth2PermissionGrants"),
        format!(
            "servicePrincipals(appId='{}')/oauth2PermissionGrants",
            c.client_id
        ),
        format!("servicePrincipals/{sp}/appRoleAssignments"),
        format!(
            "servicePrincipals(appId='{}')/appRoleAssignments",
            c.client_id
        ),
    ] {
        let (st, body) = graph_get(&client, &emu, &token, &path).await;
        assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
        assert_eq!(
            body["error"]["message"],
            "Insufficient privileges to complete the operation."
        );
    }
    let (st, _) = graph_get(
        &client,
        &emu,
        &token,
        &format!("applications(appId='{}')", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn throttled_answers_429_then_200() {
    let client = Client::new();
    let emu = start(Scenario::Throttled).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    let url = format!(
        "{}/v1.0/applications(appId='{}')",
        emu.base_url(),
        c.client_id
    );
    for _ in 0..2 {
        let resp = client
            .get(&url)
            .bearer_auth(&token)
            .send()
            .await
            .expect("graph");
        assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            resp.headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
            Some("0.2")
        );
        let st = resp.status();
        let body: Value = resp.json().await.expect("json");
        assert_graph_error(st, &body, 429, "TooManyRequests");
    }
    let resp = client
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("graph");
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers().get("retry-after").is_none());

    // Configurable count and Retry-After; the count spans all Graph endpoints.
    let emu = Emulator::start(Options {
        throttle_count: 1,
        retry_after: "1.5".to_string(),
        ..Options::scenario(Scenario::Throttled)
    })
    .await
    .expect("start");
    let token = access_token(&client, &emu, &emu.demo()).await;
    let resp = client
        .get(format!(
            "{}/v1.0/servicePrincipals(appId='{}')",
            emu.base_url(),
            c.client_id
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("graph");
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        resp.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1.5")
    );
    let (st, _) = graph_get(
        &client,
        &emu,
        &token,
        &format!("applications(appId='{}')", c.client_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn bearer_tokens_it_did_not_issue_are_rejected() {
    let client = Client::new();
    let emu = start(Scenario::NoAdminConsent).await;
    let c = emu.demo();
    let token = access_token(&client, &emu, &c).await;
    let path = format!("applications(appId='{}')", c.client_id);

    // Add roles to the payload, keep the signature.
    let parts: Vec<&str> = token.split('.').collect();
    let mut p = payload(&token);
    p["roles"] = serde_json::json!(["Mail.ReadWrite", "Mail.Send"]);
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(p.to_string()),
        parts[2]
    );
    let (st, body) = graph_get(&client, &emu, &forged, &path).await;
    assert_graph_error(st, &body, 401, "InvalidAuthenticationToken");

    // A token from another emulator instance.
    let other = start(Scenario::Healthy).await;
    let foreign = access_token(&client, &other, &other.demo()).await;
    let (st, body) = graph_get(&client, &emu, &foreign, &path).await;
    assert_graph_error(st, &body, 401, "InvalidAuthenticationToken");

    // Garbage and missing.
    let (st, body) = graph_get(&client, &emu, "not-a-token", &path).await;
    assert_graph_error(st, &body, 401, "InvalidAuthenticationToken");
    let resp = client
        .get(format!("{}/v1.0/{path}", emu.base_url()))
        .send()
        .await
        .expect("graph");
    assert!(resp.headers().get("www-authenticate").is_some());
    let st = resp.status();
    let body: Value = resp.json().await.expect("json");
    assert_graph_error(st, &body, 401, "InvalidAuthenticationToken");

    // The genuine one works.
    let (st, _) = graph_get(&client, &emu, &token, &path).await;
    assert_eq!(st, StatusCode::OK);
}

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

#[tokio::test]
async fn every_scenario_with_a_token_can_read_its_own_registration() {
    let client = Client::new();
    for s in Scenario::ALL {
        if expected_token(s).is_err() {
            continue;
        }
        let emu = Emulator::start(Options {
            throttle_count: 0,
            ..Options::scenario(s)
        })
        .await
        .expect("start");
        let c = emu.demo();
        let token = access_token(&client, &emu, &c).await;
        let (st, app) = graph_get(
            &client,
            &emu,
            &token,
            &format!("applications(appId='{}')", c.client_id),
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{s}: {app}");
        assert_eq!(app["appId"], c.client_id, "{s}");
        assert!(app["requiredResourceAccess"][0]["resourceAccess"]
            .as_array()
            .is_some_and(|a| !a.is_empty()));
        assert_eq!(
            app["passwordCredentials"].as_array().map(Vec::len),
            Some(1),
            "{s}"
        );
        let (st, sp) = graph_get(
            &client,
            &emu,
            &token,
            &format!("servicePrincipals(appId='{}')", c.client_id),
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{s}: {sp}");
        assert_eq!(sp["appId"], c.client_id);
        let sp_id = sp["id"].as_str().unwrap_or("").to_string();
        let (st, grants) = graph_get(
            &client,
            &emu,
            &token,
            &format!("oauth2PermissionGrants?$filter=clientId eq '{sp_id}' and consentType eq 'AllPrincipals'"),
        )
        .await;
        let (st2, assignments) = graph_get(
            &client,
            &emu,
            &token,
            &format!("servicePrincipals/{sp_id}/appRoleAssignments"),
        )
        .await;
        if s == Scenario::GrantsUnreadable {
            assert_graph_error(st, &grants, 403, "Authorization_RequestDenied");
            assert_graph_error(st2, &assignments, 403, "Authorization_RequestDenied");
            continue;
        }
        assert_eq!(st, StatusCode::OK, "{s}: {grants}");
        assert_eq!(st2, StatusCode::OK, "{s}: {assignments}");
        // The token's roles match the app role assignments.
        let names: Vec<String> = assignments["value"]
            .as_array()
            .expect("value")
            .iter()
            .map(|a| match a["appRoleId"].as_str().unwrap_or("") {
                perm::MAIL_READWRITE_ROLE => "Mail.ReadWrite".to_string(),
                perm::MAIL_SEND_ROLE => "Mail.Send".to_string(),
                perm::USER_READ_ALL_ROLE => "User.Read.All".to_string(),
                other => other.to_string(),
            })
            .collect();
        assert_eq!(roles(&token).unwrap_or_default(), names, "{s}");
    }
}
