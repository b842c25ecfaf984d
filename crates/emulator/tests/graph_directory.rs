//! End-to-end checks of the Graph directory endpoints over real HTTP: the shapes a healthy app
//! reads, permission scenarios, unreadable grants, throttling, tokens the emulator did not issue,
//! and every scenario with a token reading its own registration.

mod http_support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use graphwiz_emulator::model::perm;
use graphwiz_emulator::{Emulator, Options, Scenario};
use reqwest::{Client, StatusCode};
use serde_json::Value;

use http_support::*;

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
    assert!(
        app.get("appId").is_none() && app.get("signInAudience").is_none(),
        "$select is honoured: only the selected properties come back: {app}"
    );
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
    // Grants and assignments, as the administrator reads them (the app's own token may not).
    let admin = admin_token(&emu).await;
    let mut resource_id = String::new();
    for path in &grant_paths {
        let (st, body) = graph_get(&client, &emu, &admin, path).await;
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
        &admin,
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
        let (st, body) = graph_get(&client, &emu, &admin, &path).await;
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
        &admin,
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
    // Deleting an app is for administrators; the app's own token is refused.
    assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    let resp = client
        .put(format!(
            "{}/v1.0/servicePrincipals(appId='{}')",
            emu.base_url(),
            c.client_id
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("put");
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

/// The app's AllPrincipals grants, read as the administrator (the app's own token may not).
async fn grant_scopes(client: &Client, emu: &Emulator, token: &str) -> Vec<String> {
    let sp = sp_id_of(client, emu, token).await;
    let admin = admin_token(emu).await;
    let (st, body) = graph_get(
        client,
        emu,
        &admin,
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

/// The app's app role assignments, read as the administrator (the app's own token may not).
async fn assigned_roles(client: &Client, emu: &Emulator, token: &str) -> Vec<String> {
    let sp = sp_id_of(client, emu, token).await;
    let admin = admin_token(emu).await;
    let (st, body) = graph_get(
        client,
        emu,
        &admin,
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
async fn the_apps_own_token_may_not_read_grants_in_a_healthy_tenant() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
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
        // Only an app holding Directory.Read.All reads its grants and assignments itself.
        if s != Scenario::DirectoryReads {
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
                perm::DIRECTORY_READ_ALL_ROLE => "Directory.Read.All".to_string(),
                other => other.to_string(),
            })
            .collect();
        assert_eq!(roles(&token).unwrap_or_default(), names, "{s}");
    }
}
