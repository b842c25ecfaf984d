//! Mailbox checks over real HTTP: each mailbox behaviour, the rbac-scoped, mail-lost and
//! send-throttled scenarios, permissions, sendMail validation and delayed delivery, delta,
//! marking read and deleting, paging, `$filter`/`$orderby`, and the per-mailbox concurrency limit.

mod common;

use std::time::Duration;

use chrono::{TimeZone, Utc};
use common::*;
use graphwiz_emulator::{Emulator, MailboxBehaviour, Options, Scenario};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const SUPPORT: &str = "support@contoso-demo.onmicrosoft.com";
const SALES: &str = "sales@contoso-demo.onmicrosoft.com";
const UNLICENSED: &str = "unlicensed@contoso-demo.onmicrosoft.com";
const BLOCKED: &str = "blocked@contoso-demo.onmicrosoft.com";

fn ids(body: &Value) -> Vec<String> {
    body["value"]
        .as_array()
        .expect("value array")
        .iter()
        .map(|m| m["id"].as_str().unwrap_or("").to_string())
        .collect()
}

fn subjects(body: &Value) -> Vec<String> {
    body["value"]
        .as_array()
        .expect("value array")
        .iter()
        .map(|m| m["subject"].as_str().unwrap_or("").to_string())
        .collect()
}

fn fast(s: Scenario) -> Options {
    Options {
        delivery_delay: Duration::from_millis(50),
        ..Options::scenario(s)
    }
}

async fn wait_for_inbox(emu: &Emulator, address: &str, n: usize) {
    for _ in 0..100 {
        if emu.inbox(address).len() >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{address} never got {n} messages");
}

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
async fn send_mail_validation() {
    let client = Client::new();
    let emu = start_with(fast(Scenario::Healthy)).await;
    let token = app_token(&client, &emu).await;

    let (st, body, _) = send_raw(&client, &emu, &token, SUPPORT, "{not json").await;
    assert_graph_error(st, &body, 400, "BadRequest");
    let (st, body, _) = send(
        &client,
        &emu,
        &token,
        SUPPORT,
        &json!({"saveToSentItems": true}),
    )
    .await;
    assert_graph_error(st, &body, 400, "ErrorInvalidRequest");
    let (st, body, _) = send(&client, &emu, &token, SUPPORT, &mail(&[], "no one", &[])).await;
    assert_graph_error_msg(
        st,
        &body,
        400,
        "ErrorInvalidRecipients",
        "At least one recipient is required, but none were found.",
    );
    let (st, body, _) = send(
        &client,
        &emu,
        &token,
        SUPPORT,
        &mail(&["not-an-address"], "bad", &[]),
    )
    .await;
    assert_graph_error(st, &body, 400, "ErrorInvalidRecipients");
    let (st, body, _) = send(
        &client,
        &emu,
        &token,
        SUPPORT,
        &mail(&[SALES], "hdr", &[("Graphwiz-Probe", "1")]),
    )
    .await;
    assert_graph_error_msg(
        st,
        &body,
        400,
        "InvalidInternetMessageHeader",
        "The internet message header name 'Graphwiz-Probe' should start with 'x-' or 'X-'.",
    );
    let six: Vec<(String, String)> = (0..6)
        .map(|i| (format!("X-H{i}"), "v".to_string()))
        .collect();
    let six: Vec<(&str, &str)> = six.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let (st, body, _) = send(&client, &emu, &token, SUPPORT, &mail(&[SALES], "six", &six)).await;
    assert_graph_error(st, &body, 400, "InvalidInternetMessageHeaderCollection");
    let mut bad_type = mail(&[SALES], "type", &[]);
    bad_type["message"]["body"]["contentType"] = json!("Markdown");
    let (st, body, _) = send(&client, &emu, &token, SUPPORT, &bad_type).await;
    assert_graph_error(st, &body, 400, "BadRequest");

    // Senders that cannot send.
    let (st, body, _) = send(&client, &emu, &token, UNLICENSED, &mail(&[SALES], "x", &[])).await;
    assert_graph_error(st, &body, 404, "MailboxNotEnabledForRESTAPI");
    let (st, body, _) = send(&client, &emu, &token, BLOCKED, &mail(&[SALES], "x", &[])).await;
    assert_graph_error_msg(
        st,
        &body,
        403,
        "ErrorAccessDenied",
        "Access to OData is disabled.",
    );
    let (st, body, _) = send(
        &client,
        &emu,
        &token,
        "ghost@contoso-demo.onmicrosoft.com",
        &mail(&[SALES], "x", &[]),
    )
    .await;
    assert_graph_error(st, &body, 404, "ErrorInvalidUser");

    // Five X- headers (any case) are fine.
    let five = [
        ("X-A", "1"),
        ("x-b", "2"),
        ("X-C", "3"),
        ("X-D", "4"),
        ("X-Graphwiz-Probe", "abc"),
    ];
    let (st, body, _) = send(
        &client,
        &emu,
        &token,
        SUPPORT,
        &mail(&[SALES], "five", &five),
    )
    .await;
    assert_eq!(st, StatusCode::ACCEPTED, "{body}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let inbox = emu.inbox(SALES);
    assert_eq!(inbox.len(), 1, "only the valid message arrives");
    assert_eq!(inbox[0].headers.len(), 5);
    assert_eq!(emu.sent_items(SUPPORT).len(), 1);
}

#[tokio::test]
async fn delivery_happens_after_the_delay_not_before() {
    let client = Client::new();
    let emu = start_with(Options {
        tenants: vec![Scenario::Healthy, Scenario::Healthy],
        delivery_delay: Duration::from_millis(700),
        ..Options::default()
    })
    .await;
    let token = app_token(&client, &emu).await;
    let other_tenant_sales = "sales@tenant1.onmicrosoft.com";
    let body = mail(
        &[SALES, "SOMEONE@external.example", other_tenant_sales],
        "graphwiz probe 1",
        &[("X-Graphwiz-Probe", "p-123")],
    );
    let resp = client
        .post(format!("{}/v1.0/users/{SUPPORT}/sendMail", emu.base_url()))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), StatusCode::ACCEPTED);
    assert!(resp.headers().get("request-id").is_some());
    assert_eq!(resp.text().await.unwrap_or_default(), "");

    // The sent copy is there at once; the delivery is not.
    let sent = emu.sent_items(SUPPORT);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].is_read);
    assert!(emu.inbox(SALES).is_empty());
    let (st, list) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SALES}/mailFolders/inbox/messages"),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(list["value"], json!([]));
    tokio::time::sleep(Duration::from_millis(350)).await;
    assert!(emu.inbox(SALES).is_empty(), "delivered before the delay");

    tokio::time::sleep(Duration::from_millis(700)).await;
    let inbox = emu.inbox(SALES);
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].subject, "graphwiz probe 1");
    assert!(!inbox[0].is_read);
    assert_eq!(
        inbox[0].headers,
        vec![("X-Graphwiz-Probe".to_string(), "p-123".to_string())]
    );
    assert!(inbox[0].received > sent[0].received);
    // Other tenants' mailboxes receive too; the sender's inbox does not.
    assert_eq!(emu.inbox(other_tenant_sales).len(), 1);
    assert!(emu.inbox(SUPPORT).is_empty());

    let (st, list) = get_query(
        &client,
        &emu,
        &token,
        &format!("users/{SALES}/mailFolders/inbox/messages"),
        &[
            ("$select", "subject,from,toRecipients,internetMessageHeaders,isRead,internetMessageId,receivedDateTime,bodyPreview"),
            ("$top", "5"),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{list}");
    let m = &list["value"][0];
    assert_eq!(m["subject"], "graphwiz probe 1");
    assert_eq!(m["isRead"], false);
    assert_eq!(m["from"]["emailAddress"]["address"], SUPPORT);
    assert_eq!(m["toRecipients"].as_array().map(Vec::len), Some(3));
    assert_eq!(m["bodyPreview"], "Body of graphwiz probe 1");
    assert_eq!(
        m["internetMessageHeaders"],
        json!([{"name": "X-Graphwiz-Probe", "value": "p-123"}])
    );
    let imid = m["internetMessageId"].as_str().unwrap_or("");
    assert!(
        imid.starts_with('<') && imid.ends_with('>') && imid.contains('@'),
        "{imid}"
    );
    let received = m["receivedDateTime"].as_str().unwrap_or("");
    assert!(
        received.ends_with('Z') && received.len() == 20,
        "{received}"
    );
    assert!(m.get("body").is_none(), "only selected properties");
    // Without $select the headers are not shown.
    let (_, list) = get(&client, &emu, &token, &format!("users/{SALES}/messages")).await;
    assert!(list["value"][0].get("internetMessageHeaders").is_none());
    assert!(list["value"][0]["body"]["content"].is_string());

    // saveToSentItems false keeps no copy.
    let mut body = mail(&[SALES], "no copy", &[]);
    body["saveToSentItems"] = json!(false);
    let (st, _, _) = send(&client, &emu, &token, SUPPORT, &body).await;
    assert_eq!(st, StatusCode::ACCEPTED);
    assert_eq!(emu.sent_items(SUPPORT).len(), 1);
    wait_for_inbox(&emu, SALES, 2).await;
}

#[tokio::test]
async fn mail_lost_accepts_but_never_delivers() {
    let client = Client::new();
    let emu = start_with(fast(Scenario::MailLost)).await;
    let token = app_token(&client, &emu).await;
    let (st, _, _) = send(
        &client,
        &emu,
        &token,
        SUPPORT,
        &mail(&[SALES, SUPPORT], "lost", &[]),
    )
    .await;
    assert_eq!(st, StatusCode::ACCEPTED);
    assert_eq!(emu.sent_items(SUPPORT).len(), 1);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(emu.inbox(SALES).is_empty());
    assert!(emu.inbox(SUPPORT).is_empty());
    // Other mail still arrives.
    emu.deliver_external(SALES, "from outside");
    assert_eq!(emu.inbox(SALES).len(), 1);
}

#[tokio::test]
async fn send_throttled_answers_429_then_202() {
    let client = Client::new();
    let emu = start_with(Options {
        throttle_count: 2,
        retry_after: "0.5".to_string(),
        ..fast(Scenario::SendThrottled)
    })
    .await;
    let token = app_token(&client, &emu).await;
    // Reading is not throttled.
    let (st, _) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox"),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    for _ in 0..2 {
        let (st, body, retry) =
            send(&client, &emu, &token, SUPPORT, &mail(&[SALES], "t", &[])).await;
        assert_graph_error(st, &body, 429, "TooManyRequests");
        assert_eq!(retry.as_deref(), Some("0.5"));
    }
    let (st, _, retry) = send(&client, &emu, &token, SUPPORT, &mail(&[SALES], "t", &[])).await;
    assert_eq!(st, StatusCode::ACCEPTED);
    assert_eq!(retry, None);
    wait_for_inbox(&emu, SALES, 1).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        emu.inbox(SALES).len(),
        1,
        "throttled sends are not delivered"
    );
}

#[tokio::test]
async fn mark_read_then_delete() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let token = app_token(&client, &emu).await;
    emu.deliver_external(SUPPORT, "please read");
    let id = emu.inbox(SUPPORT)[0].id.clone();
    let url = format!("{}/v1.0/users/{SUPPORT}/messages/{id}", emu.base_url());

    let (st, m) = get_url(&client, &token, &url).await;
    assert_eq!(st, StatusCode::OK, "{m}");
    assert_eq!(m["isRead"], false);
    assert_eq!(m["id"], id.as_str());
    assert_eq!(
        m["from"]["emailAddress"]["address"],
        "sender@external.example"
    );

    let resp = client
        .patch(&url)
        .bearer_auth(&token)
        .json(&json!({"isRead": true}))
        .send()
        .await
        .expect("patch");
    let (st, m, _) = read(resp).await;
    assert_eq!(st, StatusCode::OK, "{m}");
    assert_eq!(m["isRead"], true);
    let (_, m) = get_url(&client, &token, &url).await;
    assert_eq!(m["isRead"], true);
    assert!(emu.inbox(SUPPORT)[0].is_read);
    let (_, folder) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox"),
    )
    .await;
    assert_eq!(folder["totalItemCount"], 1);
    assert_eq!(folder["unreadItemCount"], 0);

    let resp = client
        .patch(&url)
        .bearer_auth(&token)
        .json(&json!({"isRead": "yes"}))
        .send()
        .await
        .expect("patch");
    let (st, body, _) = read(resp).await;
    assert_graph_error(st, &body, 400, "BadRequest");

    let resp = client
        .delete(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(resp.text().await.unwrap_or_default(), "");
    let (st, body) = get_url(&client, &token, &url).await;
    assert_graph_error_msg(
        st,
        &body,
        404,
        "ErrorItemNotFound",
        "The specified object was not found in the store.",
    );
    let resp = client
        .delete(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("delete");
    let (st, body, _) = read(resp).await;
    assert_graph_error(st, &body, 404, "ErrorItemNotFound");
    let resp = client
        .patch(&url)
        .bearer_auth(&token)
        .json(&json!({"isRead": true}))
        .send()
        .await
        .expect("patch");
    let (st, body, _) = read(resp).await;
    assert_graph_error(st, &body, 404, "ErrorItemNotFound");
    assert!(emu.inbox(SUPPORT).is_empty());

    // Without Mail.ReadWrite nothing can be changed.
    let emu = start(Scenario::NoAdminConsent).await;
    let token = app_token(&client, &emu).await;
    emu.deliver_external(SUPPORT, "x");
    let id = emu.inbox(SUPPORT)[0].id.clone();
    let resp = client
        .delete(format!(
            "{}/v1.0/users/{SUPPORT}/messages/{id}",
            emu.base_url()
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("delete");
    let (st, body, _) = read(resp).await;
    assert_graph_error(st, &body, 403, "ErrorAccessDenied");
}

#[tokio::test]
async fn paging_follows_next_links() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let token = app_token(&client, &emu).await;
    for i in 0..25 {
        emu.deliver_external(SUPPORT, &format!("message {i:02}"));
    }
    let mut url = format!(
        "{}/v1.0/users/{SUPPORT}/mailFolders/inbox/messages?$select=subject",
        emu.base_url()
    );
    let mut pages = Vec::new();
    let mut all = Vec::new();
    loop {
        let (st, body) = get_url(&client, &token, &url).await;
        assert_eq!(st, StatusCode::OK, "{body}");
        pages.push(body["value"].as_array().map(Vec::len).unwrap_or(0));
        all.extend(subjects(&body));
        match body["@odata.nextLink"].as_str() {
            Some(next) => {
                assert!(next.starts_with(&emu.base_url()), "{next}");
                url = next.to_string();
            }
            None => break,
        }
    }
    assert_eq!(pages, vec![10, 10, 5]);
    // Newest first.
    let want: Vec<String> = (0..25).rev().map(|i| format!("message {i:02}")).collect();
    assert_eq!(all, want);

    let (st, body) = get_query(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/messages"),
        &[("$top", "30")],
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(ids(&body).len(), 25);
    assert!(body.get("@odata.nextLink").is_none());
    let (st, body) = get_query(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/messages"),
        &[("$top", "zero")],
    )
    .await;
    assert_graph_error(st, &body, 400, "BadRequest");
}

#[tokio::test]
async fn filters_and_order() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let token = app_token(&client, &emu).await;
    for s in [
        "Alpha report",
        "It's done",
        "graphwiz probe A",
        "graphwiz probe B",
    ] {
        emu.deliver_external(SUPPORT, s);
    }
    // Spread the received times: hour 8, 9, 10, 11 on 2026-11-27; mark the first read.
    emu.update_directory(|d| {
        if let Some(mb) = d.mailbox_mut(SUPPORT) {
            for (i, m) in mb.inbox.iter_mut().enumerate() {
                let t = Utc
                    .with_ymd_and_hms(2026, 11, 27, 8 + i as u32, 0, 0)
                    .single()
                    .unwrap_or_default();
                m.received = t;
                m.sent = t;
                m.is_read = i == 0;
            }
        }
    });
    let path = format!("users/{SUPPORT}/mailFolders/inbox/messages");
    fn q(f: &str) -> Vec<(&'static str, &str)> {
        vec![("$filter", f)]
    }
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            "receivedDateTime ge 2026-11-27T10:00:00Z",
            vec!["graphwiz probe B", "graphwiz probe A"],
        ),
        ("subject eq 'It''s done'", vec!["It's done"]),
        (
            "isRead eq false",
            vec!["graphwiz probe B", "graphwiz probe A", "It's done"],
        ),
        ("isRead eq true", vec!["Alpha report"]),
        (
            "startswith(subject,'graphwiz probe')",
            vec!["graphwiz probe B", "graphwiz probe A"],
        ),
        (
            "receivedDateTime ge 2026-11-27T09:00:00Z and startswith(subject,'graphwiz') and isRead eq false",
            vec!["graphwiz probe B", "graphwiz probe A"],
        ),
        (
            "receivedDateTime ge 2026-11-27T09:00:00Z and receivedDateTime lt 2026-11-27T11:00:00Z",
            vec!["graphwiz probe A", "It's done"],
        ),
        ("subject eq 'nothing like this'", vec![]),
    ];
    for (filter, want) in cases {
        let (st, body) = get_query(&client, &emu, &token, &path, &q(filter)).await;
        assert_eq!(st, StatusCode::OK, "{filter}: {body}");
        assert_eq!(subjects(&body), want, "{filter}");
    }
    for bad in [
        "importance eq 'high'",
        "subject eq 'a' or isRead eq true",
        "contains(subject,'x')",
        "receivedDateTime ge tomorrow",
        "subject eq 'unterminated",
    ] {
        let (st, body) = get_query(&client, &emu, &token, &path, &q(bad)).await;
        assert_graph_error(st, &body, 400, "ErrorInvalidUrlQueryFilter");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap_or("")
                .starts_with("The query filter contains one or more invalid nodes."),
            "{body}"
        );
    }

    // $orderby must follow $filter's first properties.
    let (st, body) = get_query(
        &client,
        &emu,
        &token,
        &path,
        &[
            ("$filter", "isRead eq false"),
            ("$orderby", "receivedDateTime desc"),
        ],
    )
    .await;
    assert_graph_error_msg(
        st,
        &body,
        400,
        "InefficientFilter",
        "The restriction or sort order is too complex for this operation.",
    );
    let (st, body) = get_query(
        &client,
        &emu,
        &token,
        &path,
        &[
            (
                "$filter",
                "receivedDateTime ge 2026-11-27T09:00:00Z and isRead eq false",
            ),
            ("$orderby", "receivedDateTime asc"),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(
        subjects(&body),
        vec!["It's done", "graphwiz probe A", "graphwiz probe B"]
    );
    let (st, body) = get_query(&client, &emu, &token, &path, &[("$orderby", "subject")]).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(subjects(&body)[0], "Alpha report");
    let (st, body) = get_query(
        &client,
        &emu,
        &token,
        &path,
        &[("$orderby", "flavour desc")],
    )
    .await;
    assert_graph_error(st, &body, 400, "RequestBroker--ParseUri");
    let (st, body) = get_query(
        &client,
        &emu,
        &token,
        &path,
        &[("$select", "subject,flavour")],
    )
    .await;
    assert_graph_error(st, &body, 400, "RequestBroker--ParseUri");
}

#[tokio::test]
async fn delta_returns_only_new_and_changed_messages() {
    let client = Client::new();
    let emu = start_with(fast(Scenario::Healthy)).await;
    let token = app_token(&client, &emu).await;
    emu.deliver_external(SALES, "first");
    emu.deliver_external(SALES, "second");
    let path = format!("users/{SALES}/mailFolders/inbox/messages/delta");
    let (st, body) = get_query(
        &client,
        &emu,
        &token,
        &path,
        &[("$select", "subject,isRead")],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let mut got = subjects(&body);
    got.sort();
    assert_eq!(got, vec!["first", "second"]);
    assert!(body.get("@odata.nextLink").is_none());
    let link = body["@odata.deltaLink"]
        .as_str()
        .expect("deltaLink")
        .to_string();
    assert!(
        link.starts_with(&emu.base_url()) && link.contains("$deltatoken="),
        "{link}"
    );
    assert!(body["value"][0].get("body").is_none(), "$select is kept");

    // Nothing new.
    let (st, body) = get_url(&client, &token, &link).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["value"], json!([]));
    let link = body["@odata.deltaLink"]
        .as_str()
        .expect("deltaLink")
        .to_string();

    // A delivered message shows up, and only it.
    let (st, _, _) = send(
        &client,
        &emu,
        &token,
        SUPPORT,
        &mail(&[SALES], "third", &[]),
    )
    .await;
    assert_eq!(st, StatusCode::ACCEPTED);
    wait_for_inbox(&emu, SALES, 3).await;
    let (st, body) = get_url(&client, &token, &link).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(subjects(&body), vec!["third"]);
    assert_eq!(body["value"][0]["@odata.type"], "#microsoft.graph.message");
    let third = body["value"][0]["id"].as_str().unwrap_or("").to_string();
    let link = body["@odata.deltaLink"]
        .as_str()
        .expect("deltaLink")
        .to_string();

    // Changes and removals are reported too.
    let first = emu
        .inbox(SALES)
        .into_iter()
        .find(|m| m.subject == "first")
        .expect("first")
        .id;
    let resp = client
        .patch(format!(
            "{}/v1.0/users/{SALES}/messages/{first}",
            emu.base_url()
        ))
        .bearer_auth(&token)
        .json(&json!({"isRead": true}))
        .send()
        .await
        .expect("patch");
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = client
        .delete(format!(
            "{}/v1.0/users/{SALES}/messages/{third}",
            emu.base_url()
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let (st, body) = get_url(&client, &token, &link).await;
    assert_eq!(st, StatusCode::OK);
    let values = body["value"].as_array().cloned().unwrap_or_default();
    assert_eq!(values.len(), 2, "{body}");
    assert_eq!(values[0]["id"], first.as_str());
    assert_eq!(values[0]["isRead"], true);
    assert_eq!(values[1]["id"], third.as_str());
    assert_eq!(values[1]["@removed"]["reason"], "deleted");

    // Garbled and foreign tokens.
    let (st, body) = get_query(&client, &emu, &token, &path, &[("$deltatoken", "garbage")]).await;
    assert_graph_error(st, &body, 400, "SyncStateNotFound");
    let foreign = link.replace(&format!("users/{SALES}"), &format!("users/{SUPPORT}"));
    let (st, body) = get_url(&client, &token, &foreign).await;
    assert_graph_error(st, &body, 400, "SyncStateNotFound");
}

#[tokio::test]
async fn delta_pages_with_next_links() {
    let client = Client::new();
    let emu = start(Scenario::Healthy).await;
    let token = app_token(&client, &emu).await;
    for i in 0..25 {
        emu.deliver_external(SUPPORT, &format!("m{i}"));
    }
    let mut url = format!(
        "{}/v1.0/users/{SUPPORT}/mailFolders/inbox/messages/delta",
        emu.base_url()
    );
    let mut seen = Vec::new();
    let mut pages = Vec::new();
    let delta_link = loop {
        let resp = client
            .get(&url)
            .bearer_auth(&token)
            .header("Prefer", "odata.maxpagesize=10")
            .send()
            .await
            .expect("delta");
        let (st, body, _) = read(resp).await;
        assert_eq!(st, StatusCode::OK, "{body}");
        pages.push(body["value"].as_array().map(Vec::len).unwrap_or(0));
        seen.extend(ids(&body));
        if let Some(next) = body["@odata.nextLink"].as_str() {
            assert!(next.contains("$skiptoken="), "{next}");
            // A delivery while paging is left for the next round.
            if pages.len() == 1 {
                emu.deliver_external(SUPPORT, "late");
            }
            url = next.to_string();
        } else {
            break body["@odata.deltaLink"]
                .as_str()
                .expect("deltaLink")
                .to_string();
        }
    };
    assert_eq!(pages, vec![10, 10, 5]);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 25);
    let (_, body) = get_url(&client, &token, &delta_link).await;
    assert_eq!(subjects(&body), vec!["late"]);
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
