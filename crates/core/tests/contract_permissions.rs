//! The delegated permissions graphwiz asks an administrator for are exactly the least-privileged
//! ones the vendor documents for the operations it calls (tests/contracts/operations.json, which
//! the vendor contract check keeps complete): nothing narrower the vendor does not name, nothing
//! broader than it needs.

use std::collections::BTreeSet;

use graphwiz_core::microsoft::admin::ADMIN_SCOPES;
use graphwiz_core::rotate::azure::MANAGE_SCOPE;
use graphwiz_core::setup::fix::FIX_SCOPES;
use graphwiz_core::setup::graph::SETUP_SCOPES;

fn delegated_permissions() -> BTreeSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/contracts/operations.json"
    );
    let text = std::fs::read_to_string(path).expect("tests/contracts/operations.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    v["operations"]
        .as_array()
        .expect("operations")
        .iter()
        .filter(|o| o["service"] == "graph")
        .filter_map(|o| o["permissions"]["delegated"].as_str())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_admin_sign_in_asks_for_what_the_operations_document() {
    let documented = delegated_permissions();
    let asked: BTreeSet<String> = ADMIN_SCOPES
        .iter()
        .chain(std::iter::once(&MANAGE_SCOPE))
        .chain(SETUP_SCOPES.iter())
        .chain(FIX_SCOPES.iter())
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        asked, documented,
        "ADMIN_SCOPES and the rotation's, setup's and fix's scopes must be the delegated permissions operations.json documents"
    );
    assert!(
        !ADMIN_SCOPES.contains(&MANAGE_SCOPE),
        "reading never asks for write access"
    );
}
