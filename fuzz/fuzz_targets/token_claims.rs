//! Fuzz target: the access-token claim reader (`graphwiz_core::microsoft::token::read_claims`) on any text:
//! never a panic, whatever the parts, padding or payload.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(claims) = graphwiz_core::microsoft::token::read_claims(&text) {
        if let Some(roles) = &claims.roles {
            for r in roles {
                assert!(claims.has_role(r));
            }
        }
    }
});
