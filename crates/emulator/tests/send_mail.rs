//! sendMail over real HTTP: validation, delivery after the delay (not before), and the mail-lost
//! and send-throttled scenarios.

mod common;
mod mail_support;

use std::time::Duration;

use common::*;
use graphwiz_emulator::{Options, Scenario};
use mail_support::*;
use reqwest::{Client, StatusCode};
use serde_json::json;

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
