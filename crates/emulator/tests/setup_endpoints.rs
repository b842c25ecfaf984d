//! Creating and repairing an app registration over real HTTP with the tenant administrator's
//! delegated token: the tenant's app management policy, Microsoft Graph's permission ids, the
//! application, its service principal, app role assignments, the delegated grant and a secret,
//! until the new app's own token carries its roles; and every refusal on the way (scopes, the
//! administrator's role, policies, replication, app-only tokens).

mod http_support;

use std::time::Duration;

use graphwiz_emulator::model::{perm, GRAPH_APP_ID};
use graphwiz_emulator::{AdminRole, AppPolicy, DemoCredentials, Emulator, Options, Scenario};
use http_support::*;
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

async fn send(
    emu: &Emulator,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = Client::new()
        .request(method, format!("{}/v1.0/{path}", emu.base_url()))
        .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.expect("graph request");
    let st = resp.status();
    (st, resp.json().await.unwrap_or(Value::Null))
}

async fn get(emu: &Emulator, token: &str, path: &str) -> (StatusCode, Value) {
    send(emu, token, Method::GET, path, None).await
}

async fn post(emu: &Emulator, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
    send(emu, token, Method::POST, path, Some(body)).await
}

async fn start_with(f: impl FnOnce(&mut Options)) -> Emulator {
    let mut o = Options::scenario(Scenario::Healthy);
    f(&mut o);
    Emulator::start(o).await.expect("emulator starts")
}

fn app_body(name: &str, tag: &str) -> Value {
    json!({
        "displayName": name,
        "signInAudience": "AzureADMultipleOrgs",
        "web": {"redirectUris": ["http://localhost"]},
        "requiredResourceAccess": [{
            "resourceAppId": GRAPH_APP_ID,
            "resourceAccess": [
                {"id": perm::MAIL_READWRITE_ROLE, "type": "Role"},
                {"id": perm::MAIL_SEND_ROLE, "type": "Role"},
                {"id": perm::USER_READ_SCOPE, "type": "Scope"},
            ],
        }],
        "tags": [tag],
    })
}

/// Microsoft Graph's service principal id in the tenant.
async fn graph_sp(emu: &Emulator, admin: &str) -> Value {
    let (st, body) = get(
        emu,
        admin,
        &format!("servicePrincipals?$filter=appId eq '{GRAPH_APP_ID}'"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body["value"][0].clone()
}

/// What a created app is known by.
struct Created {
    app_id: String,
    object_id: String,
    sp_id: String,
}

async fn create_app(emu: &Emulator, admin: &str, tag: &str) -> Created {
    let (st, app) = post(
        emu,
        admin,
        "applications",
        app_body("Genesys Cloud Email", tag),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{app}");
    let (st, sp) = post(
        emu,
        admin,
        "servicePrincipals",
        json!({"appId": app["appId"]}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{sp}");
    Created {
        app_id: app["appId"].as_str().unwrap().to_string(),
        object_id: app["id"].as_str().unwrap().to_string(),
        sp_id: sp["id"].as_str().unwrap().to_string(),
    }
}

async fn assign(
    emu: &Emulator,
    admin: &str,
    graph: &str,
    sp: &str,
    role: &str,
) -> (StatusCode, Value) {
    post(
        emu,
        admin,
        &format!("servicePrincipals/{graph}/appRoleAssignedTo"),
        json!({"principalId": sp, "resourceId": graph, "appRoleId": role}),
    )
    .await
}

async fn add_password(
    emu: &Emulator,
    admin: &str,
    object_id: &str,
    body: Value,
) -> (StatusCode, Value) {
    post(
        emu,
        admin,
        &format!("applications/{object_id}/addPassword"),
        body,
    )
    .await
}

fn creds(emu: &Emulator, app_id: &str, secret: &str) -> DemoCredentials {
    DemoCredentials {
        client_id: app_id.to_string(),
        client_secret: secret.to_string(),
        ..emu.demo()
    }
}

async fn token_answer(emu: &Emulator, c: &DemoCredentials) -> (StatusCode, Value) {
    let resp = post_token(&Client::new(), &emu.base_url(), c).await;
    let st = resp.status();
    (st, resp.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_whole_creation_gives_the_new_app_a_token_with_its_mail_roles() {
    let emu = start_with(|_| {}).await;
    let admin = setup_admin_token(&emu).await;
    assert_eq!(
        payload(&admin)["wids"][0],
        "62e90394-69f5-4237-9190-012177145e10"
    );

    let (st, policy) = get(&emu, &admin, "policies/defaultAppManagementPolicy").await;
    assert_eq!(st, StatusCode::OK, "{policy}");
    assert_eq!(policy["isEnabled"], false);
    assert_eq!(
        policy["applicationRestrictions"]["passwordCredentials"],
        json!([])
    );
    let (st, list) = get(&emu, &admin, "policies/appManagementPolicies").await;
    assert_eq!((st, list["value"].clone()), (StatusCode::OK, json!([])));

    // Permission ids by value on Microsoft Graph's service principal.
    let graph = graph_sp(&emu, &admin).await;
    let graph_id = graph["id"].as_str().unwrap().to_string();
    let role = |name: &str| {
        graph["appRoles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["value"] == name)
            .map(|r| r["id"].as_str().unwrap().to_string())
    };
    assert_eq!(
        role("Mail.ReadWrite").as_deref(),
        Some(perm::MAIL_READWRITE_ROLE)
    );
    assert_eq!(role("Mail.Send").as_deref(), Some(perm::MAIL_SEND_ROLE));
    let user_read = graph["oauth2PermissionScopes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["value"] == "User.Read")
        .map(|s| s["id"].clone());
    assert_eq!(user_read, Some(json!(perm::USER_READ_SCOPE)));

    let (st, app) = post(
        &emu,
        &admin,
        "applications",
        app_body("Genesys Cloud Email", "graphwiz-1"),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{app}");
    assert_ne!(app["appId"], emu.demo().client_id.as_str());
    assert_eq!(app["signInAudience"], "AzureADMultipleOrgs");
    assert_eq!(app["web"]["redirectUris"], json!(["http://localhost"]));
    assert_eq!(app["tags"], json!(["graphwiz-1"]));
    assert_eq!(app["passwordCredentials"], json!([]));
    assert_eq!(
        app["requiredResourceAccess"][0]["resourceAccess"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    let app_id = app["appId"].as_str().unwrap().to_string();
    let object_id = app["id"].as_str().unwrap().to_string();

    let (st, sp) = post(&emu, &admin, "servicePrincipals", json!({"appId": app_id})).await;
    assert_eq!(st, StatusCode::CREATED, "{sp}");
    assert_eq!(sp["appId"], app_id.as_str());
    let sp_id = sp["id"].as_str().unwrap().to_string();
    let (st, again) = post(&emu, &admin, "servicePrincipals", json!({"appId": app_id})).await;
    assert_graph_error(st, &again, 409, "Request_MultipleObjectsWithSameKeyValue");
    let (st, found) = get(
        &emu,
        &admin,
        &format!("servicePrincipals?$filter=appId eq '{app_id}'"),
    )
    .await;
    assert_eq!(
        (st, found["value"][0]["id"].clone()),
        (StatusCode::OK, json!(sp_id))
    );

    let (st, a1) = assign(&emu, &admin, &graph_id, &sp_id, perm::MAIL_READWRITE_ROLE).await;
    assert_eq!(st, StatusCode::CREATED, "{a1}");
    assert_eq!(a1["principalId"], sp_id.as_str());
    assert_eq!(a1["resourceId"], graph_id.as_str());
    assert_eq!(a1["appRoleId"], perm::MAIL_READWRITE_ROLE);
    // The same through the principal's appRoleAssignments.
    let (st, a2) = post(
        &emu,
        &admin,
        &format!("servicePrincipals/{sp_id}/appRoleAssignments"),
        json!({"principalId": sp_id, "resourceId": graph_id, "appRoleId": perm::MAIL_SEND_ROLE}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{a2}");
    let (st, dup) = assign(&emu, &admin, &graph_id, &sp_id, perm::MAIL_SEND_ROLE).await;
    assert_graph_error(st, &dup, 400, "Request_BadRequest");
    let (st, unknown) = assign(
        &emu,
        &admin,
        &graph_id,
        &sp_id,
        "00000000-0000-0000-0000-00000000abcd",
    )
    .await;
    assert_graph_error(st, &unknown, 400, "Request_BadRequest");

    let grant_body = json!({
        "clientId": sp_id, "consentType": "AllPrincipals", "principalId": null,
        "resourceId": graph_id, "scope": "User.Read",
    });
    let (st, grant) = post(&emu, &admin, "oauth2PermissionGrants", grant_body.clone()).await;
    assert_eq!(st, StatusCode::CREATED, "{grant}");
    assert_eq!(grant["scope"], "User.Read");
    let (st, dup) = post(&emu, &admin, "oauth2PermissionGrants", grant_body).await;
    assert_graph_error(st, &dup, 409, "Request_MultipleObjectsWithSameKeyValue");

    let (st, secret) = add_password(
        &emu,
        &admin,
        &object_id,
        json!({"passwordCredential": {"displayName": "Genesys Cloud"}}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{secret}");
    let c = creds(&emu, &app_id, secret["secretText"].as_str().unwrap());
    let token = access_token(&Client::new(), &emu, &c).await;
    assert_eq!(
        roles(&token),
        Some(vec!["Mail.ReadWrite".to_string(), "Mail.Send".to_string()])
    );
    // The app is now the integration's: it reads mail with its own token.
    let (st, _) = get(
        &emu,
        &token,
        &format!(
            "users/support@{}/mailFolders/inbox/messages?$top=1",
            c.tenant_domain
        ),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn each_operation_needs_its_scopes() {
    let emu = start_with(|_| {}).await;
    let setup = setup_admin_token(&emu).await;
    let graph_id = graph_sp(&emu, &setup).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let created = create_app(&emu, &setup, "scopes").await;
    let reader = admin_token_with(
        &emu,
        "https://graph.microsoft.com/Application.Read.All openid",
    )
    .await;
    let denied = |st: StatusCode, body: &Value| {
        assert_graph_error(st, body, 403, "Authorization_RequestDenied");
        assert_eq!(
            body["error"]["message"],
            "Insufficient privileges to complete the operation."
        );
    };

    let (st, b) = get(&emu, &reader, "policies/defaultAppManagementPolicy").await;
    denied(st, &b);
    let (st, b) = get(&emu, &reader, "policies/appManagementPolicies").await;
    denied(st, &b);
    let (st, b) = post(&emu, &reader, "applications", app_body("x", "x")).await;
    denied(st, &b);
    let (st, b) = send(
        &emu,
        &reader,
        Method::PATCH,
        &format!("applications/{}", created.object_id),
        Some(json!({"requiredResourceAccess": []})),
    )
    .await;
    denied(st, &b);
    let (st, b) = send(
        &emu,
        &reader,
        Method::DELETE,
        &format!("applications/{}", created.object_id),
        None,
    )
    .await;
    denied(st, &b);
    let (st, b) = post(
        &emu,
        &reader,
        "servicePrincipals",
        json!({"appId": created.app_id}),
    )
    .await;
    denied(st, &b);
    let (st, b) = assign(
        &emu,
        &reader,
        &graph_id,
        &created.sp_id,
        perm::MAIL_SEND_ROLE,
    )
    .await;
    denied(st, &b);
    let (st, b) = post(
        &emu,
        &reader,
        "oauth2PermissionGrants",
        json!({"clientId": created.sp_id, "consentType": "AllPrincipals", "resourceId": graph_id, "scope": "User.Read"}),
    )
    .await;
    denied(st, &b);
    // Reading is what this token may do.
    let (st, b) = get(
        &emu,
        &reader,
        &format!("applications/{}", created.object_id),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");

    // AppRoleAssignment.ReadWrite.All alone cannot read the service principals it names.
    let assign_only = admin_token_with(
        &emu,
        "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All openid",
    )
    .await;
    let (st, b) = assign(
        &emu,
        &assign_only,
        &graph_id,
        &created.sp_id,
        perm::MAIL_SEND_ROLE,
    )
    .await;
    denied(st, &b);
    // The least privileged scope for creating apps.
    let create_only = admin_token_with(
        &emu,
        "https://graph.microsoft.com/AppRegistration.Create openid",
    )
    .await;
    let (st, b) = post(
        &emu,
        &create_only,
        "applications",
        app_body("least", "least"),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    // Policy.ReadWrite.ApplicationConfiguration reads the policy as well.
    let policy_rw = admin_token_with(
        &emu,
        "https://graph.microsoft.com/Policy.ReadWrite.ApplicationConfiguration openid",
    )
    .await;
    let (st, b) = get(&emu, &policy_rw, "policies/defaultAppManagementPolicy").await;
    assert_eq!(st, StatusCode::OK, "{b}");
}

#[tokio::test]
async fn app_only_tokens_are_refused() {
    let emu = start_with(|_| {}).await;
    let c = emu.demo();
    let app = access_token(&Client::new(), &emu, &c).await;
    let admin = setup_admin_token(&emu).await;
    let graph_id = graph_sp(&emu, &admin).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let own_sp = get(
        &emu,
        &admin,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await
    .1["id"]
        .as_str()
        .unwrap()
        .to_string();
    let forbidden = [
        get(&emu, &app, "policies/defaultAppManagementPolicy").await,
        get(&emu, &app, "policies/appManagementPolicies").await,
        get(&emu, &app, "applications?$filter=tags/any(t:t eq 'x')").await,
        post(&emu, &app, "applications", app_body("x", "x")).await,
        post(&emu, &app, "servicePrincipals", json!({"appId": c.client_id})).await,
        assign(&emu, &app, &graph_id, &own_sp, perm::USER_READ_ALL_ROLE).await,
        post(
            &emu,
            &app,
            "oauth2PermissionGrants",
            json!({"clientId": own_sp, "consentType": "AllPrincipals", "resourceId": graph_id, "scope": "Mail.Send"}),
        )
        .await,
        send(
            &emu,
            &app,
            Method::PATCH,
            &format!("applications(appId='{}')", c.client_id),
            Some(json!({"requiredResourceAccess": []})),
        )
        .await,
    ];
    for (st, body) in forbidden {
        assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    }
}

#[tokio::test]
async fn the_administrators_role_limits_what_they_change() {
    // Cloud Application Administrator: apps, service principals, secrets and the User.Read
    // grant, but no Microsoft Graph app roles.
    for role in [
        AdminRole::CloudApplicationAdministrator,
        AdminRole::ApplicationAdministrator,
    ] {
        let emu = start_with(|o| o.admin_role = role).await;
        let admin = setup_admin_token(&emu).await;
        assert_eq!(payload(&admin)["wids"][0], role.template_id());
        let graph_id = graph_sp(&emu, &admin).await["id"]
            .as_str()
            .unwrap()
            .to_string();
        let created = create_app(&emu, &admin, "caa").await;
        let (st, b) = assign(
            &emu,
            &admin,
            &graph_id,
            &created.sp_id,
            perm::MAIL_SEND_ROLE,
        )
        .await;
        assert_graph_error(st, &b, 403, "Authorization_RequestDenied");
        let (st, b) = post(
            &emu,
            &admin,
            "oauth2PermissionGrants",
            json!({"clientId": created.sp_id, "consentType": "AllPrincipals", "principalId": null, "resourceId": graph_id, "scope": "User.Read"}),
        )
        .await;
        assert_eq!(st, StatusCode::CREATED, "{b}");
        let (st, b) = add_password(&emu, &admin, &created.object_id, json!({})).await;
        assert_eq!(st, StatusCode::OK, "{b}");
    }

    // Privileged Role Administrator: assigns, but creates no app and adds no secret.
    let emu = start_with(|o| o.admin_role = AdminRole::PrivilegedRoleAdministrator).await;
    let admin = setup_admin_token(&emu).await;
    assert_eq!(
        payload(&admin)["wids"][0],
        "e8611ab8-c189-46e8-94e1-60213ab1f814"
    );
    let (st, b) = post(&emu, &admin, "applications", app_body("pra", "pra")).await;
    assert_graph_error(st, &b, 403, "Authorization_RequestDenied");
    let c = emu.demo();
    let (st, b) = post(
        &emu,
        &admin,
        &format!("applications(appId='{}')/addPassword", c.client_id),
        json!({}),
    )
    .await;
    assert_graph_error(st, &b, 403, "Authorization_RequestDenied");
    let graph_id = graph_sp(&emu, &admin).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let sp = get(
        &emu,
        &admin,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await
    .1;
    let (st, b) = assign(
        &emu,
        &admin,
        &graph_id,
        sp["id"].as_str().unwrap(),
        perm::USER_READ_ALL_ROLE,
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    let token = access_token(&Client::new(), &emu, &c).await;
    assert!(roles(&token)
        .unwrap()
        .contains(&"User.Read.All".to_string()));

    // Global Reader: reads only.
    let emu = start_with(|o| o.admin_role = AdminRole::GlobalReader).await;
    let admin = setup_admin_token(&emu).await;
    assert_eq!(
        payload(&admin)["wids"][0],
        "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
    );
    let (st, _) = get(&emu, &admin, "policies/defaultAppManagementPolicy").await;
    assert_eq!(st, StatusCode::OK);
    let graph_id = graph_sp(&emu, &admin).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let c = emu.demo();
    let sp = get(
        &emu,
        &admin,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await
    .1;
    let sp_id = sp["id"].as_str().unwrap().to_string();
    let refused = [
        post(&emu, &admin, "applications", app_body("reader", "reader")).await,
        post(
            &emu,
            &admin,
            &format!("applications(appId='{}')/addPassword", c.client_id),
            json!({}),
        )
        .await,
        assign(&emu, &admin, &graph_id, &sp_id, perm::USER_READ_ALL_ROLE).await,
        send(
            &emu,
            &admin,
            Method::DELETE,
            &format!("applications(appId='{}')", c.client_id),
            None,
        )
        .await,
    ];
    for (st, body) in refused {
        assert_graph_error(st, &body, 403, "Authorization_RequestDenied");
    }
}

#[tokio::test]
async fn a_max_lifetime_policy_caps_and_refuses_secrets() {
    let emu = start_with(|o| o.app_policy = AppPolicy::MaxLifetime(90)).await;
    let admin = setup_admin_token(&emu).await;
    let (st, policy) = get(&emu, &admin, "policies/defaultAppManagementPolicy").await;
    assert_eq!(st, StatusCode::OK, "{policy}");
    assert_eq!(policy["isEnabled"], true);
    let r = &policy["applicationRestrictions"]["passwordCredentials"][0];
    assert_eq!(r["restrictionType"], "passwordLifetime");
    assert_eq!(r["maxLifetime"], "P90D");

    // Existing and created apps alike.
    let created = create_app(&emu, &admin, "lifetime").await;
    let existing = format!("(appId='{}')", emu.demo().client_id);
    let now = chrono::Utc::now();
    for target in [created.object_id.clone(), existing] {
        let path = if target.starts_with('(') {
            format!("applications{target}/addPassword")
        } else {
            format!("applications/{target}/addPassword")
        };
        let too_long = (now + chrono::Duration::days(120)).to_rfc3339();
        let (st, b) = post(
            &emu,
            &admin,
            &path,
            json!({"passwordCredential": {"endDateTime": too_long}}),
        )
        .await;
        assert_graph_error(st, &b, 400, "CredentialInvalidLifetimeAsPerAppPolicy");
        let fine = (now + chrono::Duration::days(60)).to_rfc3339();
        let (st, b) = post(
            &emu,
            &admin,
            &path,
            json!({"passwordCredential": {"endDateTime": fine}}),
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{b}");
        // Without an end the secret ends at the policy's limit.
        let (st, b) = post(&emu, &admin, &path, json!({})).await;
        assert_eq!(st, StatusCode::OK, "{b}");
        let end = chrono::DateTime::parse_from_rfc3339(b["endDateTime"].as_str().unwrap()).unwrap();
        let days = (end.with_timezone(&chrono::Utc) - now).num_days();
        assert!((89..=90).contains(&days), "{days}");
    }
}

#[tokio::test]
async fn a_passwords_blocked_policy_refuses_add_password() {
    let emu = start_with(|o| o.app_policy = AppPolicy::PasswordsBlocked).await;
    let admin = setup_admin_token(&emu).await;
    let (_, policy) = get(&emu, &admin, "policies/defaultAppManagementPolicy").await;
    let r = &policy["applicationRestrictions"]["passwordCredentials"][0];
    assert_eq!(r["restrictionType"], "passwordAddition");
    assert!(r["maxLifetime"].is_null(), "{policy}");
    let created = create_app(&emu, &admin, "blocked").await;
    for path in [
        format!("applications/{}/addPassword", created.object_id),
        format!("applications(appId='{}')/addPassword", emu.demo().client_id),
    ] {
        let (st, b) = post(&emu, &admin, &path, json!({})).await;
        assert_graph_error(st, &b, 400, "CredentialTypeNotAllowedAsPerAppPolicy");
        assert!(
            b["error"]["message"]
                .as_str()
                .unwrap()
                .contains(policy["id"].as_str().unwrap()),
            "{b}"
        );
    }
}

#[tokio::test]
async fn new_objects_replicate_before_reads_consent_and_tokens_see_them() {
    let delay = Duration::from_millis(700);
    let emu = start_with(|o| o.object_replication = delay).await;
    let admin = setup_admin_token(&emu).await;
    let graph_id = graph_sp(&emu, &admin).await["id"]
        .as_str()
        .unwrap()
        .to_string();

    let (st, app) = post(&emu, &admin, "applications", app_body("Replicating", "rep")).await;
    assert_eq!(st, StatusCode::CREATED, "{app}");
    let app_id = app["appId"].as_str().unwrap().to_string();
    let object_id = app["id"].as_str().unwrap().to_string();
    // addPassword works on the new object right away; reads and tokens do not see it yet.
    let (st, secret) = add_password(&emu, &admin, &object_id, json!({})).await;
    assert_eq!(st, StatusCode::OK, "{secret}");
    let c = creds(&emu, &app_id, secret["secretText"].as_str().unwrap());
    let (st, b) = get(&emu, &admin, &format!("applications/{object_id}")).await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
    let (st, b) = get(&emu, &admin, &format!("applications(appId='{app_id}')")).await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
    let (st, b) = token_answer(&emu, &c).await;
    assert_aad_error(st, &b, 400, "unauthorized_client", 700016);
    let (st, b) = post(&emu, &admin, "servicePrincipals", json!({"appId": app_id})).await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");

    tokio::time::sleep(delay + Duration::from_millis(100)).await;
    let (st, b) = get(&emu, &admin, &format!("applications/{object_id}")).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    let (st, sp) = post(&emu, &admin, "servicePrincipals", json!({"appId": app_id})).await;
    assert_eq!(st, StatusCode::CREATED, "{sp}");
    let sp_id = sp["id"].as_str().unwrap().to_string();
    let (st, b) = get(&emu, &admin, &format!("servicePrincipals/{sp_id}")).await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
    let (st, b) = get(
        &emu,
        &admin,
        &format!("servicePrincipals?$filter=appId eq '{app_id}'"),
    )
    .await;
    assert_eq!((st, b["value"].clone()), (StatusCode::OK, json!([])));
    let (st, b) = assign(&emu, &admin, &graph_id, &sp_id, perm::MAIL_READWRITE_ROLE).await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    assert!(
        b["error"]["message"].as_str().unwrap().contains(&sp_id),
        "{b}"
    );
    let (st, b) = post(
        &emu,
        &admin,
        "oauth2PermissionGrants",
        json!({"clientId": sp_id, "consentType": "AllPrincipals", "principalId": null, "resourceId": graph_id, "scope": "User.Read"}),
    )
    .await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    let (st, b) = token_answer(&emu, &c).await;
    assert_aad_error(st, &b, 400, "unauthorized_client", 700016);

    tokio::time::sleep(delay + Duration::from_millis(100)).await;
    let (st, b) = get(&emu, &admin, &format!("servicePrincipals/{sp_id}")).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    let (st, b) = assign(&emu, &admin, &graph_id, &sp_id, perm::MAIL_READWRITE_ROLE).await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    let (st, b) = token_answer(&emu, &c).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(
        roles(b["access_token"].as_str().unwrap()),
        Some(vec!["Mail.ReadWrite".to_string()])
    );
}

#[tokio::test]
async fn a_created_app_is_found_by_tag_and_display_name() {
    let emu = start_with(|_| {}).await;
    let admin = setup_admin_token(&emu).await;
    let created = create_app(&emu, &admin, "graphwiz-run-42").await;
    let (st, b) = get(
        &emu,
        &admin,
        "applications?$filter=tags/any(t:t eq 'graphwiz-run-42')",
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["value"].as_array().map(Vec::len), Some(1), "{b}");
    assert_eq!(b["value"][0]["appId"], created.app_id.as_str());
    let (_, b) = get(
        &emu,
        &admin,
        "applications?$filter=tags/any(t:t eq 'other')",
    )
    .await;
    assert_eq!(b["value"], json!([]));
    let (st, b) = get(
        &emu,
        &admin,
        "applications?$filter=displayName eq 'Genesys Cloud Email'&$select=id,appId",
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["value"][0]["id"], created.object_id.as_str());
    assert!(b["value"][0].get("displayName").is_none(), "{b}");
    let (st, b) = get(&emu, &admin, "applications?$filter=notes eq 'x'").await;
    assert_graph_error(st, &b, 400, "Request_UnsupportedQuery");
}

#[tokio::test]
async fn delete_removes_the_app_and_its_service_principal() {
    let emu = start_with(|_| {}).await;
    let admin = setup_admin_token(&emu).await;
    let created = create_app(&emu, &admin, "gone").await;
    let (st, secret) = add_password(&emu, &admin, &created.object_id, json!({})).await;
    assert_eq!(st, StatusCode::OK);
    let path = format!("applications/{}", created.object_id);
    let (st, _) = send(&emu, &admin, Method::DELETE, &path, None).await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, b) = get(&emu, &admin, &path).await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
    let (st, b) = get(
        &emu,
        &admin,
        &format!("servicePrincipals/{}", created.sp_id),
    )
    .await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
    let (_, b) = get(
        &emu,
        &admin,
        &format!("servicePrincipals?$filter=appId eq '{}'", created.app_id),
    )
    .await;
    assert_eq!(b["value"], json!([]));
    let (st, b) = send(&emu, &admin, Method::DELETE, &path, None).await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
    let c = creds(
        &emu,
        &created.app_id,
        secret["secretText"].as_str().unwrap(),
    );
    let (st, b) = token_answer(&emu, &c).await;
    assert_aad_error(st, &b, 400, "unauthorized_client", 700016);
}

#[tokio::test]
async fn patch_and_delete_repair_permissions_assignments_and_grants() {
    let emu = start_with(|_| {}).await;
    let admin = setup_admin_token(&emu).await;
    let c = emu.demo();
    let graph_id = graph_sp(&emu, &admin).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let app_path = format!("applications(appId='{}')", c.client_id);

    // PATCH replaces the whole list.
    let (st, b) = send(
        &emu,
        &admin,
        Method::PATCH,
        &app_path,
        Some(
            json!({"requiredResourceAccess": [{"resourceAppId": GRAPH_APP_ID,
            "resourceAccess": [{"id": perm::MAIL_SEND_ROLE, "type": "Role"}]}]}),
        ),
    )
    .await;
    assert_eq!(st, StatusCode::NO_CONTENT, "{b}");
    let (_, app) = get(&emu, &admin, &app_path).await;
    assert_eq!(
        app["requiredResourceAccess"],
        json!([{"resourceAppId": GRAPH_APP_ID, "resourceAccess": [{"id": perm::MAIL_SEND_ROLE, "type": "Role"}]}])
    );
    let (st, b) = send(
        &emu,
        &admin,
        Method::PATCH,
        &app_path,
        Some(json!({"nosuch": 1})),
    )
    .await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    let (st, b) = send(
        &emu,
        &admin,
        Method::PATCH,
        &app_path,
        Some(json!({"requiredResourceAccess": [{"resourceAppId": GRAPH_APP_ID, "resourceAccess": [{"id": perm::MAIL_SEND_ROLE, "type": "Both"}]}]})),
    )
    .await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");

    // An assignment removed: the next token lacks the role.
    let (st, list) = get(
        &emu,
        &admin,
        &format!("servicePrincipals/{graph_id}/appRoleAssignedTo"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{list}");
    let send_assignment = list["value"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["appRoleId"] == perm::MAIL_SEND_ROLE)
        .map(|a| a["id"].as_str().unwrap().to_string())
        .expect("Mail.Send is assigned");
    let del = format!("servicePrincipals/{graph_id}/appRoleAssignedTo/{send_assignment}");
    let (st, _) = send(&emu, &admin, Method::DELETE, &del, None).await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, b) = send(&emu, &admin, Method::DELETE, &del, None).await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
    let token = access_token(&Client::new(), &emu, &c).await;
    assert_eq!(roles(&token), Some(vec!["Mail.ReadWrite".to_string()]));

    // The grant's scope changed, then the grant removed.
    let sp_id = get(
        &emu,
        &admin,
        &format!("servicePrincipals(appId='{}')", c.client_id),
    )
    .await
    .1["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, grants) = get(
        &emu,
        &admin,
        &format!("servicePrincipals/{sp_id}/oauth2PermissionGrants"),
    )
    .await;
    let grant_id = grants["value"][0]["id"].as_str().unwrap().to_string();
    let reader_and_writer = setup_admin_token(&emu).await;
    let gpath = format!("oauth2PermissionGrants/{grant_id}");
    let (st, b) = send(
        &emu,
        &reader_and_writer,
        Method::PATCH,
        &gpath,
        Some(json!({"scope": "User.Read openid"})),
    )
    .await;
    assert_eq!(st, StatusCode::NO_CONTENT, "{b}");
    let (st, g) = get(&emu, &reader_and_writer, &gpath).await;
    assert_eq!(
        (st, g["scope"].clone()),
        (StatusCode::OK, json!("User.Read openid"))
    );
    let (st, _) = send(&emu, &reader_and_writer, Method::DELETE, &gpath, None).await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, b) = get(&emu, &reader_and_writer, &gpath).await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
}

#[tokio::test]
async fn bodies_graph_does_not_accept_are_refused() {
    let emu = start_with(|_| {}).await;
    let admin = setup_admin_token(&emu).await;
    let (st, b) = post(
        &emu,
        &admin,
        "applications",
        json!({"displayName": "x", "secretValue": "y"}),
    )
    .await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    assert!(
        b["error"]["message"].as_str().unwrap().contains(
            "Property 'secretValue' does not exist on type 'microsoft.graph.application'"
        ),
        "{b}"
    );
    let (st, b) = post(
        &emu,
        &admin,
        "applications",
        json!({"signInAudience": "AzureADMyOrg"}),
    )
    .await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    let (st, b) = post(
        &emu,
        &admin,
        "applications",
        json!({"displayName": "x", "signInAudience": "Everyone"}),
    )
    .await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    let (st, b) = post(&emu, &admin, "servicePrincipals", json!({})).await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    let (st, b) = post(
        &emu,
        &admin,
        "servicePrincipals",
        json!({"appId": "8f0c5b43-2a77-4d0e-9a55-1c2d3e4f5a6b"}),
    )
    .await;
    assert_graph_error(st, &b, 400, "Request_BadRequest");
    let (st, b) = post(
        &emu,
        &admin,
        "servicePrincipals",
        json!({"appId": GRAPH_APP_ID}),
    )
    .await;
    assert_graph_error(st, &b, 409, "Request_MultipleObjectsWithSameKeyValue");
    let (st, b) = send(
        &emu,
        &admin,
        Method::DELETE,
        "applications/8f0c5b43-2a77-4d0e-9a55-1c2d3e4f5a6b",
        None,
    )
    .await;
    assert_graph_error(st, &b, 404, "Request_ResourceNotFound");
}

#[tokio::test]
async fn a_stalled_creation_is_done_but_never_answered() {
    // Requests 1 and 2 are the administrator's sign-in (authorize, token); 3 creates the app.
    let emu = start_with(|o| o.stall_after_request = Some(3)).await;
    let admin = setup_admin_token(&emu).await;
    let resp = Client::builder()
        .timeout(Duration::from_millis(700))
        .build()
        .unwrap()
        .post(format!("{}/v1.0/applications", emu.base_url()))
        .bearer_auth(&admin)
        .json(&app_body("Stalled", "stalled-1"))
        .send()
        .await;
    assert!(resp.is_err(), "no answer for the stalled request");
    let (st, b) = get(
        &emu,
        &admin,
        "applications?$filter=tags/any(t:t eq 'stalled-1')",
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["value"].as_array().map(Vec::len), Some(1), "{b}");
}
