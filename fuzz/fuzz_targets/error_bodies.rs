//! Fuzz target: the Entra ID (AADSTS) and Microsoft Graph error parsers
//! (`graphwiz_core::microsoft::aad::{parse_aad_error, parse_graph_error, find_aadsts_code}`) on any text.
#![no_main]

use graphwiz_core::microsoft::aad;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if aad::find_aadsts_code(&text).is_some() {
        assert!(text.contains("AADSTS"));
    }
    if let Some(e) = aad::parse_aad_error(&text) {
        // The message is the description's first line only.
        assert!(!e.message.contains('\n') && !e.message.contains('\r'));
        if let Some(label) = e.code_label() {
            assert!(label.starts_with("AADSTS"));
        }
    }
    let _ = aad::parse_graph_error(&text);
});
