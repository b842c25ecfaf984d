//! Mailbox access over real HTTP: the four mailboxes of every tenant, each mailbox behaviour, the
//! rbac-scoped scenario, permissions, and the per-mailbox concurrency limit.

mod common;
mod mail_support;

use std::time::Duration;

use common::*;
use graphwiz_emulator::{MailboxBehaviour, Options, Scenario};
use mail_support::*;
use reqwest::{Client, StatusCode};
use serde_json::json;

#[tokio::test]
async fn every_tenant_has_the_four_mailboxes() {
    let emu = start_with(Options {
        tenants: vec![Scenario::Healthy, Scenario::RbacScoped],
        ..Options::default()
    })
    .await;
    assert_eq!(
        emu.mailbox_addresses(0),
        vec![
            (SUPPORT.to_string(), MailboxBehaviour::Healthy),
            (SALES.to_string(), MailboxBehaviour::Healthy),
            (UNLICENSED.to_string(), MailboxBehaviour::Unlicensed),
            (BLOCKED.to_string(), MailboxBehaviour::PolicyBlocked),
        ]
    );
    let second = emu.mailbox_addresses(1);
    assert_eq!(second.len(), 4);
    assert_eq!(second[0].0, "support@tenant1.onmicrosoft.com");
    assert!(emu.mailbox_addresses(2).is_empty());
    assert_eq!(
        emu.admin_upn(0).as_deref(),
        Some("admin@contoso-demo.onmicrosoft.com")
    );
    assert_eq!(
        emu.admin_upn(1).as_deref(),
        Some("admin@tenant1.onmicrosoft.com")
    );
    assert_eq!(emu.admin_upn(2), None);
}

#[tokio::test]
async fn each_mailbox_behaviour_on_inbox_read() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let token = app_token(&client, &emu).await;

    let (st, folder) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{folder}");
    assert_eq!(folder["displayName"], "Inbox");
    assert_eq!(folder["totalItemCount"], 0);
    assert_eq!(folder["unreadItemCount"], 0);
    assert_eq!(folder["childFolderCount"], 0);
    assert!(folder["id"].as_str().is_some_and(|s| s.len() > 20));
    assert!(folder["parentFolderId"].is_string());

    let (st, list) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox/messages"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{list}");
    assert_eq!(list["value"], json!([]));
    assert!(list["@odata.context"].is_string());

    // Address case and percent-encoding do not matter.
    let (st, _) = get(
        &client,
        &emu,
        &token,
        "users/SUPPORT%40Contoso-Demo.onmicrosoft.com/mailFolders/Inbox",
    )
    .await;
    assert_eq!(st, StatusCode::OK);

    for path in [
        format!("users/{UNLICENSED}/mailFolders/inbox"),
        format!("users/{UNLICENSED}/mailFolders/inbox/messages"),
        format!("users/{UNLICENSED}/messages"),
    ] {
        let (st, body) = get(&client, &emu, &token, &path).await;
        assert_graph_error_msg(
            st,
            &body,
            404,
            "MailboxNotEnabledForRESTAPI",
            "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
        );
    }
    let (st, body) = get(
        &client,
        &emu,
        &token,
        &format!("users/{BLOCKED}/mailFolders/inbox/messages"),
    )
    .await;
    assert_graph_error_msg(
        st,
        &body,
        403,
        "ErrorAccessDenied",
        "Access to OData is disabled.",
    );

    let nobody = "nobody@contoso-demo.onmicrosoft.com";
    let (st, body) = get(
        &client,
        &emu,
        &token,
        &format!("users/{nobody}/mailFolders/inbox"),
    )
    .await;
    assert_graph_error_msg(
        st,
        &body,
        404,
        "ErrorInvalidUser",
        &format!("The requested user '{nobody}' is invalid."),
    );
    // A mailbox of another tenant is not reachable with this tenant's token.
    let other = start_with(Options {
        tenants: vec![Scenario::Healthy, Scenario::Healthy],
        ..Options::default()
    })
    .await;
    let t0 = app_token(&client, &other).await;
    let (st, body) = get(
        &client,
        &other,
        &t0,
        "users/support@tenant1.onmicrosoft.com/mailFolders/inbox",
    )
    .await;
    assert_graph_error(st, &body, 404, "ErrorInvalidUser");

    // The user object itself still needs User.Read.All.
    let (st, body) = get(&client, &emu, &token, &format!("users/{SUPPORT}")).await;
    assert_graph_error_msg(
        st,
        &body,
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    );
}

#[tokio::test]
async fn rbac_scoped_limits_the_app_to_support() {
    let client = Client::new();
    let emu = start_with(fast(Scenario::RbacScoped)).await;
    let token = app_token(&client, &emu).await;
    let (st, _) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox/messages"),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let (st, body) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SALES}/mailFolders/inbox/messages"),
    )
    .await;
    assert_graph_error_msg(
        st,
        &body,
        403,
        "ErrorAccessDenied",
        "Access to OData is disabled.",
    );
    let (st, body, _) = send(&client, &emu, &token, SALES, &mail(&[SUPPORT], "x", &[])).await;
    assert_graph_error_msg(
        st,
        &body,
        403,
        "ErrorAccessDenied",
        "Access to OData is disabled.",
    );
    // Sending from support works, and mail still reaches sales' mailbox.
    let (st, _, _) = send(
        &client,
        &emu,
        &token,
        SUPPORT,
        &mail(&[SALES], "to sales", &[]),
    )
    .await;
    assert_eq!(st, StatusCode::ACCEPTED);
    wait_for_inbox(&emu, SALES, 1).await;

    // In the healthy scenario sales is reachable.
    let healthy = start(Scenario::Healthy).await;
    let token = app_token(&client, &healthy).await;
    let (st, _) = get(
        &client,
        &healthy,
        &token,
        &format!("users/{SALES}/mailFolders/inbox/messages"),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
}

#[tokio::test]
async fn missing_roles_answer_access_is_denied() {
    let client = Client::new();
    let denied = "Access is denied. Check credentials and try again.";
    let emu = start(Scenario::NoAdminConsent).await;
    let token = app_token(&client, &emu).await;
    assert!(roles(&token).is_empty());
    let (st, body) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox/messages"),
    )
    .await;
    assert_graph_error_msg(st, &body, 403, "ErrorAccessDenied", denied);
    let (st, body, _) = send(&client, &emu, &token, SUPPORT, &mail(&[SALES], "x", &[])).await;
    assert_graph_error_msg(st, &body, 403, "ErrorAccessDenied", denied);

    // Mail.Send as a delegated permission: reading works, sending is denied.
    let emu = start(Scenario::MailSendDelegated).await;
    let token = app_token(&client, &emu).await;
    assert_eq!(roles(&token), vec!["Mail.ReadWrite".to_string()]);
    let (st, _) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox/messages"),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let (st, body, _) = send(&client, &emu, &token, SUPPORT, &mail(&[SALES], "x", &[])).await;
    assert_graph_error_msg(st, &body, 403, "ErrorAccessDenied", denied);
    assert!(emu.sent_items(SUPPORT).is_empty());
}

#[tokio::test]
async fn mailbox_concurrency_is_limited_to_four() {
    let client = Client::new();
    let emu = start_with(Options {
        delay: Duration::from_millis(600),
        retry_after: "1".to_string(),
        ..Options::default()
    })
    .await;
    let token = app_token(&client, &emu).await;
    let url = format!(
        "{}/v1.0/users/{SUPPORT}/mailFolders/inbox/messages",
        emu.base_url()
    );
    let mut tasks = Vec::new();
    for _ in 0..5 {
        let (client, token, url) = (client.clone(), token.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            let resp = client
                .get(&url)
                .bearer_auth(&token)
                .send()
                .await
                .expect("get");
            read(resp).await
        }));
    }
    // Another mailbox is not affected.
    let other = {
        let (client, token) = (client.clone(), token.clone());
        let url = format!("{}/v1.0/users/{SALES}/mailFolders/inbox", emu.base_url());
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let resp = client
                .get(&url)
                .bearer_auth(&token)
                .send()
                .await
                .expect("get");
            resp.status()
        })
    };
    let mut ok = 0;
    let mut throttled = 0;
    for t in tasks {
        let (st, body, retry) = t.await.expect("task");
        if st == StatusCode::OK {
            ok += 1;
        } else {
            assert_graph_error_msg(
                st,
                &body,
                429,
                "ApplicationThrottled",
                "Application is over its MailboxConcurrency limit.",
            );
            assert_eq!(retry.as_deref(), Some("1"));
            throttled += 1;
        }
    }
    assert_eq!((ok, throttled), (4, 1));
    assert_eq!(other.await.expect("task"), StatusCode::OK);
    // Slots are released.
    let (st, _) = get_url(&client, &token, &url).await;
    assert_eq!(st, StatusCode::OK);
}
