//! Reading and changing messages over real HTTP: marking read and deleting, paging,
//! `$filter`/`$orderby`, and delta with its paging.

mod common;
mod mail_support;

use chrono::{TimeZone, Utc};
use common::*;
use graphwiz_emulator::Scenario;
use mail_support::*;
use reqwest::{Client, StatusCode};
use serde_json::json;

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
