//! Fuzz target: config import (`graphwiz_core::store::config::parse`) on any text. It must never panic,
//! and a config it accepts must come back unchanged through export (`to_json`) and import.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(cfg) = graphwiz_core::store::config::parse(text) {
        let again = graphwiz_core::store::config::parse(&cfg.to_json())
            .expect("an accepted config imports again after export");
        assert_eq!(again, cfg, "export → import changed the config");
    }
});
