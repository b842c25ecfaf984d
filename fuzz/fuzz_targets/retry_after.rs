//! Fuzz target: the Retry-After parser (`graphwiz_core::http::parse_retry_after`): seconds
//! (fractional too) or an HTTP date; never a panic, never more than a day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(d) = graphwiz_core::http::parse_retry_after(&text) {
        assert!(d <= Duration::from_secs(86_400), "{d:?}");
    }
});
