//! The simulated Genesys Cloud consumer over real HTTP: mail to a served mailbox reads unread
//! until arrival + delay and read from then on through a single message, a `$filter` list and
//! delta; each pickup mode; unserved mailboxes and the default of no consumer; the hooks and
//! their timing; switching the consumer on while the server runs.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use common::*;
use graphwiz_emulator::{Emulator, MessageInfo, Options, PickedUp, Pickup, PickupMode, Scenario};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const SUPPORT: &str = "support@contoso-demo.onmicrosoft.com";
const SALES: &str = "sales@contoso-demo.onmicrosoft.com";

fn options(mode: PickupMode, delay_ms: u64) -> Options {
    Options {
        delivery_delay: Duration::from_millis(50),
        pickup: Some(Pickup::new(
            [SUPPORT],
            Duration::from_millis(delay_ms),
            mode,
        )),
        ..Options::scenario(Scenario::Healthy)
    }
}

/// Every pickup the hook saw, with the time it was reported.
type Seen = Arc<Mutex<Vec<(PickedUp, DateTime<Utc>)>>>;

fn record(emu: &Emulator) -> Seen {
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    emu.on_pickup(Arc::new(move |p| s.lock().unwrap().push((p, Utc::now()))));
    seen
}

async fn wait_for_subject(emu: &Emulator, address: &str, subject: &str) -> MessageInfo {
    for _ in 0..200 {
        if let Some(m) = emu
            .inbox(address)
            .into_iter()
            .find(|m| m.subject == subject)
        {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("{subject} never reached {address}");
}

async fn send_to(
    client: &Client,
    emu: &Emulator,
    token: &str,
    from: &str,
    to: &str,
    subject: &str,
) {
    let (st, body, _) = send(client, emu, token, from, &mail(&[to], subject, &[])).await;
    assert_eq!(st, StatusCode::ACCEPTED, "{body}");
}

async fn is_read(client: &Client, emu: &Emulator, token: &str, address: &str, id: &str) -> bool {
    let path = format!("users/{address}/messages/{}", url_escape(id));
    let (st, body) = get(client, emu, token, &path).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body["isRead"].as_bool().expect("isRead")
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The subjects of the Inbox messages of `address` whose `isRead` equals `read`, by `$filter`.
async fn filtered(
    client: &Client,
    emu: &Emulator,
    token: &str,
    address: &str,
    read: bool,
) -> Vec<String> {
    let (st, body) = get_query(
        client,
        emu,
        token,
        &format!("users/{address}/mailFolders/inbox/messages"),
        &[
            ("$filter", &format!("isRead eq {read}")),
            ("$select", "subject,isRead"),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body["value"]
        .as_array()
        .expect("value")
        .iter()
        .map(|m| m["subject"].as_str().unwrap_or("").to_string())
        .collect()
}

fn due(m: &MessageInfo, delay_ms: i64) -> DateTime<Utc> {
    m.received + chrono::Duration::milliseconds(delay_ms)
}

#[tokio::test]
async fn served_mail_flips_exactly_at_arrival_plus_delay() {
    const DELAY: u64 = 600;
    let client = Client::new();
    let emu = Emulator::start(options(PickupMode::Fetch, DELAY))
        .await
        .expect("starts");
    let seen = record(&emu);
    let token = app_token(&client, &emu).await;

    // A delta round before the mail, so the next round reports only changes.
    let (st, first) = get(
        &client,
        &emu,
        &token,
        &format!("users/{SUPPORT}/mailFolders/inbox/messages/delta"),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{first}");
    let delta_link = first["@odata.deltaLink"]
        .as_str()
        .expect("deltaLink")
        .to_string();

    send_to(&client, &emu, &token, SALES, SUPPORT, "pickup exact").await;
    let m = wait_for_subject(&emu, SUPPORT, "pickup exact").await;
    let due = due(&m, DELAY as i64);

    // Shortly after arrival: unread everywhere.
    assert!(!is_read(&client, &emu, &token, SUPPORT, &m.id).await);
    assert!(filtered(&client, &emu, &token, SUPPORT, false)
        .await
        .contains(&"pickup exact".to_string()));
    assert!(filtered(&client, &emu, &token, SUPPORT, true)
        .await
        .is_empty());
    let (_, d) = get_url(&client, &token, &delta_link).await;
    let changes: Vec<&Value> = d["value"].as_array().expect("value").iter().collect();
    assert_eq!(changes.len(), 1, "{d}");
    assert_eq!(changes[0]["isRead"], false);
    let delta_link = d["@odata.deltaLink"]
        .as_str()
        .expect("deltaLink")
        .to_string();
    assert!(seen.lock().unwrap().is_empty());

    // Poll around the due time: answers finished before it are unread, requests sent after it
    // are read.
    let mut first_true: Option<DateTime<Utc>> = None;
    while Utc::now() < due + chrono::Duration::milliseconds(150) {
        let sent = Utc::now();
        let read = is_read(&client, &emu, &token, SUPPORT, &m.id).await;
        let done = Utc::now();
        if done < due {
            assert!(
                !read,
                "read {}ms before the due time",
                (due - done).num_milliseconds()
            );
        }
        if sent >= due {
            assert!(
                read,
                "still unread {}ms after the due time",
                (sent - due).num_milliseconds()
            );
        }
        if read && first_true.is_none() {
            first_true = Some(done);
        }
        tokio::time::sleep(Duration::from_millis(8)).await;
    }
    assert!(first_true.is_some_and(|t| t >= due));

    // Read in lists and in delta (reported as a change), and in the test-support view.
    assert_eq!(
        filtered(&client, &emu, &token, SUPPORT, true).await,
        vec!["pickup exact".to_string()]
    );
    assert!(filtered(&client, &emu, &token, SUPPORT, false)
        .await
        .is_empty());
    let (_, d) = get_url(&client, &token, &delta_link).await;
    let changes = d["value"].as_array().expect("value");
    assert_eq!(changes.len(), 1, "{d}");
    assert_eq!(changes[0]["id"], m.id.as_str());
    assert_eq!(changes[0]["isRead"], true);
    assert!(emu.inbox(SUPPORT)[0].is_read);

    // The hook was told once, right on time, without anybody polling for it.
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    let (p, at) = &seen[0];
    assert_eq!(p.mailbox, SUPPORT);
    assert_eq!(p.from, SALES);
    assert_eq!(p.subject, "pickup exact");
    assert_eq!(p.received, m.received);
    let late = (*at - due).num_milliseconds();
    assert!((0..=60).contains(&late), "hook {late}ms after the due time");
}

#[tokio::test]
async fn the_hook_fires_without_any_request() {
    let emu = Emulator::start(options(PickupMode::Fetch, 200))
        .await
        .expect("starts");
    let seen = record(&emu);
    emu.deliver_external(SUPPORT, "from outside");
    tokio::time::sleep(Duration::from_millis(320)).await;
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].0.from, "sender@external.example");
    assert_eq!(seen[0].0.subject, "from outside");
    assert!(emu.inbox(SUPPORT)[0].is_read);
}

#[tokio::test]
async fn self_sent_mail_is_picked_up_in_fetch_mode() {
    let client = Client::new();
    let emu = Emulator::start(options(PickupMode::Fetch, 150))
        .await
        .expect("starts");
    let seen = record(&emu);
    let token = app_token(&client, &emu).await;
    send_to(&client, &emu, &token, SUPPORT, SUPPORT, "to myself").await;
    let m = wait_for_subject(&emu, SUPPORT, "to myself").await;
    assert!(!is_read(&client, &emu, &token, SUPPORT, &m.id).await);
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert!(is_read(&client, &emu, &token, SUPPORT, &m.id).await);
    // The sent copy is the sender's own business and stays as it was.
    assert_eq!(emu.sent_items(SUPPORT).len(), 1);
    assert_eq!(seen.lock().unwrap().len(), 1);
    assert_eq!(seen.lock().unwrap()[0].0.from, SUPPORT);
}

#[tokio::test]
async fn never_mode_never_flips() {
    let client = Client::new();
    let emu = Emulator::start(options(PickupMode::Never, 100))
        .await
        .expect("starts");
    let seen = record(&emu);
    let token = app_token(&client, &emu).await;
    send_to(&client, &emu, &token, SALES, SUPPORT, "ignored").await;
    let m = wait_for_subject(&emu, SUPPORT, "ignored").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!is_read(&client, &emu, &token, SUPPORT, &m.id).await);
    assert_eq!(
        filtered(&client, &emu, &token, SUPPORT, false).await,
        vec!["ignored".to_string()]
    );
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn fetch_no_interaction_flips_but_reports_nothing() {
    let client = Client::new();
    let emu = Emulator::start(options(PickupMode::FetchNoInteraction, 100))
        .await
        .expect("starts");
    let seen = record(&emu);
    let token = app_token(&client, &emu).await;
    send_to(&client, &emu, &token, SALES, SUPPORT, "swallowed").await;
    let m = wait_for_subject(&emu, SUPPORT, "swallowed").await;
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert!(is_read(&client, &emu, &token, SUPPORT, &m.id).await);
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn fetch_external_only_ignores_self_sent_mail() {
    let client = Client::new();
    let emu = Emulator::start(options(PickupMode::FetchExternalOnly, 100))
        .await
        .expect("starts");
    let seen = record(&emu);
    let token = app_token(&client, &emu).await;
    send_to(&client, &emu, &token, SUPPORT, SUPPORT, "self").await;
    send_to(&client, &emu, &token, SALES, SUPPORT, "from sales").await;
    let own = wait_for_subject(&emu, SUPPORT, "self").await;
    let other = wait_for_subject(&emu, SUPPORT, "from sales").await;
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert!(!is_read(&client, &emu, &token, SUPPORT, &own.id).await);
    assert!(is_read(&client, &emu, &token, SUPPORT, &other.id).await);
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].0.subject, "from sales");
}

#[tokio::test]
async fn unserved_mailboxes_and_the_default_are_left_alone() {
    let client = Client::new();
    let emu = Emulator::start(options(PickupMode::Fetch, 50))
        .await
        .expect("starts");
    let seen = record(&emu);
    let token = app_token(&client, &emu).await;
    send_to(&client, &emu, &token, SUPPORT, SALES, "to sales").await;
    let m = wait_for_subject(&emu, SALES, "to sales").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!is_read(&client, &emu, &token, SALES, &m.id).await);
    assert!(seen.lock().unwrap().is_empty());

    // No consumer at all (the default): nothing is ever marked read.
    let plain = Emulator::start(Options {
        delivery_delay: Duration::from_millis(20),
        ..Options::default()
    })
    .await
    .expect("starts");
    assert!(Options::default().pickup.is_none());
    let seen = record(&plain);
    let token = app_token(&client, &plain).await;
    send_to(&client, &plain, &token, SALES, SUPPORT, "plain").await;
    let m = wait_for_subject(&plain, SUPPORT, "plain").await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(!is_read(&client, &plain, &token, SUPPORT, &m.id).await);
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn the_consumer_can_be_switched_on_and_off_while_running() {
    let emu = Emulator::start(Options::default()).await.expect("starts");
    let seen = record(&emu);
    emu.deliver_external(SUPPORT, "before");
    emu.set_pickup(Some(Pickup::new(
        ["SUPPORT@Contoso-Demo.onmicrosoft.com"],
        Duration::from_millis(50),
        PickupMode::Fetch,
    )));
    emu.deliver_external(SUPPORT, "during");
    tokio::time::sleep(Duration::from_millis(150)).await;
    emu.set_pickup(None);
    emu.deliver_external(SUPPORT, "after");
    tokio::time::sleep(Duration::from_millis(150)).await;
    let read: Vec<(String, bool)> = emu
        .inbox(SUPPORT)
        .into_iter()
        .map(|m| (m.subject, m.is_read))
        .collect();
    assert!(read.contains(&("before".to_string(), false)), "{read:?}");
    assert!(read.contains(&("during".to_string(), true)), "{read:?}");
    assert!(read.contains(&("after".to_string(), false)), "{read:?}");
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn mail_deleted_before_its_pickup_is_not_reported() {
    let client = Client::new();
    let emu = Emulator::start(options(PickupMode::Fetch, 200))
        .await
        .expect("starts");
    let seen = record(&emu);
    let token = app_token(&client, &emu).await;
    emu.deliver_external(SUPPORT, "gone");
    let m = wait_for_subject(&emu, SUPPORT, "gone").await;
    let resp = client
        .delete(format!(
            "{}/v1.0/users/{SUPPORT}/messages/{}",
            emu.base_url(),
            url_escape(&m.id)
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(seen.lock().unwrap().is_empty());
}

#[test]
fn a_threaded_emulator_picks_up_mail_delivered_from_outside_its_runtime() {
    let emu = Emulator::spawn_thread(options(PickupMode::Fetch, 50)).expect("spawn");
    let seen = record(&emu);
    emu.deliver_external(SUPPORT, "threaded");
    std::thread::sleep(Duration::from_millis(200));
    assert!(emu.inbox(SUPPORT)[0].is_read);
    assert_eq!(seen.lock().unwrap().len(), 1);
    emu.shutdown();
}

#[test]
fn pickup_modes_have_command_line_names() {
    let names: Vec<String> = PickupMode::ALL.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        names,
        [
            "fetch",
            "never",
            "fetch-no-interaction",
            "fetch-external-only"
        ]
    );
    assert_eq!(
        "Fetch-External-Only".parse::<PickupMode>(),
        Ok(PickupMode::FetchExternalOnly)
    );
    assert!("maybe".parse::<PickupMode>().is_err());
    assert_eq!(PickupMode::default(), PickupMode::Fetch);
}
