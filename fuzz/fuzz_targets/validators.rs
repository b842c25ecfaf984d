//! Fuzz target: the input validators (`graphwiz_core::validate::{tenant, client_id, secret,
//! mailbox}`, `graphwiz_core::store::profiles::validate_name`): never a panic, normalising is
//! idempotent, and no message about a secret ever repeats what was pasted.
#![no_main]

use graphwiz_core::{store::profiles, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let i_know = flags & 1 == 1;
    if let Ok((t, _)) = validate::tenant(&text) {
        assert_eq!(
            validate::tenant(&t),
            Ok((t.clone(), vec![])),
            "tenant is idempotent"
        );
    }
    if let Ok((c, _)) = validate::client_id(&text) {
        assert_eq!(validate::client_id(&c), Ok((c.clone(), vec![])));
    }
    if let Ok(m) = validate::mailbox(&text) {
        assert_eq!(
            validate::mailbox(&m),
            Ok(m.clone()),
            "mailbox is idempotent"
        );
    }
    if let Ok(n) = profiles::validate_name(&text) {
        assert_eq!(profiles::validate_name(&n).ok(), Some(n.clone()));
    }
    match validate::secret(&text, i_know) {
        Ok((s, _)) => {
            let (again, _) =
                validate::secret(s.expose(), i_know).expect("a kept secret passes again");
            assert_eq!(again.expose(), s.expose());
        }
        Err(e) => assert_eq!(e.field, validate::FIELD_SECRET),
    }
    // The marker stands for the secret: no message may contain it.
    let marked = format!("{text}Zq7Marker{text}");
    let messages: Vec<String> = match validate::secret(&marked, i_know) {
        Ok((_, w)) => w.iter().map(|p| p.to_string()).collect(),
        Err(e) => vec![e.to_string()],
    };
    for m in messages {
        assert!(
            !m.contains("Zq7Marker"),
            "a secret message echoes the value: {m}"
        );
    }
});
