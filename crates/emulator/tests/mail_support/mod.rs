//! Helpers shared by the mail tests: the demo tenant's mailbox addresses, ids and subjects of a
//! message list, options with a short delivery delay, and waiting for delivered mail.

#![allow(dead_code)]

use std::time::Duration;

use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;

pub const SUPPORT: &str = "support@contoso-demo.onmicrosoft.com";
pub const SALES: &str = "sales@contoso-demo.onmicrosoft.com";
pub const UNLICENSED: &str = "unlicensed@contoso-demo.onmicrosoft.com";
pub const BLOCKED: &str = "blocked@contoso-demo.onmicrosoft.com";

pub fn ids(body: &Value) -> Vec<String> {
    body["value"]
        .as_array()
        .expect("value array")
        .iter()
        .map(|m| m["id"].as_str().unwrap_or("").to_string())
        .collect()
}

pub fn subjects(body: &Value) -> Vec<String> {
    body["value"]
        .as_array()
        .expect("value array")
        .iter()
        .map(|m| m["subject"].as_str().unwrap_or("").to_string())
        .collect()
}

pub fn fast(s: Scenario) -> Options {
    Options {
        delivery_delay: Duration::from_millis(50),
        ..Options::scenario(s)
    }
}

pub async fn wait_for_inbox(emu: &Emulator, address: &str, n: usize) {
    for _ in 0..100 {
        if emu.inbox(address).len() >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{address} never got {n} messages");
}
