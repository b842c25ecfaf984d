//! Property tests of everything that reads what an admin types or a server sends: the input
//! validators never panic, accept what they should (generated GUIDs, domains, addresses, profile
//! names), normalise idempotently, refuse a GUID-shaped secret unless told, and never echo a
//! secret; the parsers of Retry-After, token claims, Entra/Graph errors and config files never
//! panic and keep their bounds.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use graphwiz_core::http;
use graphwiz_core::microsoft::{aad, token};
use graphwiz_core::store::{config, profiles};
use graphwiz_core::validate::{self, Severity};
use proptest::prelude::*;
use std::time::Duration;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A GUID with hex digits in random case.
fn guid() -> impl Strategy<Value = String> {
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
}

/// A DNS name of 2–4 labels with an alphabetic top-level label, in random case.
fn domain() -> impl Strategy<Value = String> {
    let label = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?";
    (prop::collection::vec(label, 1..4), "[a-zA-Z]{2,10}")
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")))
}

/// A mail address the validator must accept.
fn address() -> impl Strategy<Value = String> {
    let atom = "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,12}";
    (prop::collection::vec(atom, 1..4), domain())
        .prop_map(|(atoms, d)| format!("{}@{d}", atoms.join(".")))
}

/// Whitespace as people paste it around a value.
fn padding() -> impl Strategy<Value = String> {
    "[ \t\r\n]{0,3}"
}

/// Anything, including control characters, quotes, braces and non-ASCII.
fn anything() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,80}",
        "[ -~]{0,80}",
        "[\\x00-\\x1f{}@.:/ \u{feff}\u{200b}é€😀-]{0,40}",
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn validators_never_panic(s in anything(), i_know in any::<bool>()) {
        let _ = validate::tenant(&s);
        let _ = validate::client_id(&s);
        let _ = validate::secret(&s, i_know);
        let _ = validate::mailbox(&s);
        let _ = profiles::validate_name(&s);
        let _ = validate::is_guid(&s);
        let _ = validate::is_domain(&s);
        let _ = validate::tenant_and_client(&s, &s);
    }

    #[test]
    fn guids_are_accepted_and_normalised(g in guid(), pre in padding(), post in padding(), braces in any::<bool>()) {
        let raw = if braces { format!("{pre}{{{g}}}{post}") } else { format!("{pre}{g}{post}") };
        let (t, _) = validate::tenant(&raw).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&t, &g.to_ascii_lowercase());
        // Idempotent: the normalised value passes unchanged and without warnings.
        prop_assert_eq!(validate::tenant(&t), Ok((t.clone(), vec![])));
        let raw_id = format!("{pre}{g}{post}");
        let (c, _) = validate::client_id(&raw_id).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&c, &t);
        prop_assert_eq!(validate::client_id(&c), Ok((c.clone(), vec![])));
        prop_assert!(validate::tenant_and_client(&t, &c).is_some(), "same GUID twice warns");
    }

    #[test]
    fn domains_are_accepted_and_normalised(d in domain(), pre in padding(), dot in any::<bool>()) {
        let raw = format!("{pre}{d}{}", if dot { "." } else { "" });
        let (t, _) = validate::tenant(&raw).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&t, &d.to_ascii_lowercase());
        prop_assert_eq!(validate::tenant(&t), Ok((t.clone(), vec![])));
    }

    #[test]
    fn tenant_normalisation_is_idempotent(s in anything()) {
        if let Ok((t, _)) = validate::tenant(&s) {
            prop_assert_eq!(validate::tenant(&t), Ok((t.clone(), vec![])));
        }
        if let Ok((c, _)) = validate::client_id(&s) {
            prop_assert_eq!(validate::client_id(&c), Ok((c.clone(), vec![])));
        }
    }

    #[test]
    fn addresses_are_accepted_and_normalised(a in address(), pre in padding(), post in padding()) {
        let m = validate::mailbox(&format!("{pre}{a}{post}")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&m, &a.to_ascii_lowercase());
        prop_assert_eq!(validate::mailbox(&m), Ok(m.clone()));
    }

    #[test]
    fn mailbox_normalisation_is_idempotent(s in anything()) {
        if let Ok(m) = validate::mailbox(&s) {
            prop_assert_eq!(validate::mailbox(&m), Ok(m.clone()));
            prop_assert!(m.len() <= 254 && m.contains('@'));
        }
    }

    #[test]
    fn profile_names_are_accepted_and_idempotent(n in "[\\p{L}\\p{N}_.-][\\p{L}\\p{N} _.-]{0,40}[\\p{L}\\p{N}_.-]", pre in padding()) {
        let name = profiles::validate_name(&format!("{pre}{n}")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&name, &n);
        prop_assert_eq!(profiles::validate_name(&name).ok(), Some(name.clone()));
    }

    #[test]
    fn profile_name_normalisation_is_idempotent(s in anything()) {
        if let Ok(n) = profiles::validate_name(&s) {
            prop_assert_eq!(profiles::validate_name(&n).ok(), Some(n.clone()));
            prop_assert!(!n.contains('/') && !n.is_empty() && n.chars().count() <= 64);
        }
    }

    #[test]
    fn guid_shaped_secrets_need_i_know(g in guid(), pre in padding(), post in padding()) {
        let raw = format!("{pre}{g}{post}");
        let e = validate::secret(&raw, false).expect_err("a Secret ID is refused");
        prop_assert_eq!(e.field, validate::FIELD_SECRET);
        prop_assert!(e.message.contains("Secret ID"), "{}", e.message);
        prop_assert!(!e.message.contains(&g), "the message echoes the value: {}", e.message);
        let (s, w) = validate::secret(&raw, true).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(s.expose(), g.as_str());
        prop_assert!(w.iter().any(|p| p.severity == Severity::Warning && p.message.contains("Secret ID")));
    }

    #[test]
    fn secret_values_are_kept_and_never_echoed(
        v in "[A-Za-z0-9]{3}8Q~[A-Za-z0-9~._-]{34}",
        pre in padding(),
        post in padding(),
        i_know in any::<bool>(),
    ) {
        let (s, w) = validate::secret(&format!("{pre}{v}{post}"), i_know).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(s.expose(), v.as_str());
        prop_assert_eq!(s.hint(), v.chars().take(3).collect::<String>());
        prop_assert_eq!(w.len(), usize::from(!pre.is_empty() || !post.is_empty()));
        for p in &w {
            prop_assert!(!p.message.contains(&v[3..]), "{}", p.message);
        }
        // Idempotent: the kept value passes unchanged, with no warning.
        let (again, w2) = validate::secret(s.expose(), i_know).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(again.expose(), s.expose());
        prop_assert!(w2.is_empty());
        prop_assert!(!format!("{s:?}").contains(&v[3..]), "Debug is redacted");
    }

    #[test]
    fn secret_messages_never_echo_any_value(body in ".{0,60}", i_know in any::<bool>()) {
        // A marker that no message text contains, inside whatever the user pasted.
        let raw = format!("{body}Zq7Marker{body}");
        let texts: Vec<String> = match validate::secret(&raw, i_know) {
            Ok((_, w)) => w.into_iter().map(|p| p.to_string()).collect(),
            Err(e) => vec![e.to_string()],
        };
        for t in texts {
            prop_assert!(!t.contains("Zq7Marker"), "{t}");
        }
    }

    #[test]
    fn retry_after_is_bounded(s in anything()) {
        if let Some(d) = http::parse_retry_after(&s) {
            prop_assert!(d <= Duration::from_secs(86_400));
        }
    }

    #[test]
    fn retry_after_seconds(n in 0u64..200_000, frac in 0u32..1000) {
        prop_assert_eq!(http::parse_retry_after(&n.to_string()), Some(Duration::from_secs(n.min(86_400))));
        let d = http::parse_retry_after(&format!("{n}.{frac:03}")).expect("fractional seconds");
        let want = (n as f64 + f64::from(frac) / 1000.0).min(86_400.0);
        prop_assert!((d.as_secs_f64() - want).abs() < 1e-6, "{d:?} vs {want}");
    }

    #[test]
    fn parsers_never_panic(s in anything()) {
        let _ = token::read_claims(&s);
        let _ = aad::parse_aad_error(&s);
        let _ = aad::parse_graph_error(&s);
        let _ = aad::find_aadsts_code(&s);
        let _ = config::parse(&s);
    }

    #[test]
    fn aadsts_codes_are_found(prefix in "[^A]{0,20}", code in 0u32..999_999_999, rest in "[: a-z]{0,10}") {
        let text = format!("{prefix}AADSTS{code}{rest}");
        prop_assert_eq!(aad::find_aadsts_code(&text), Some(code));
        let body = serde_json::json!({"error": "invalid_client", "error_description": format!("AADSTS{code}: m\r\nTrace ID: x")}).to_string();
        let e = aad::parse_aad_error(&body).expect("an Entra error body");
        prop_assert_eq!(e.code, Some(code));
        prop_assert_eq!(e.message, "m");
    }

    #[test]
    fn token_claims_round_trip(tid in guid(), roles in prop::collection::vec("[A-Za-z.]{1,20}", 0..5), padded in any::<bool>()) {
        let payload = serde_json::json!({"tid": tid, "roles": roles, "idtyp": "app"}).to_string();
        let mut p = URL_SAFE_NO_PAD.encode(payload);
        if padded {
            while !p.len().is_multiple_of(4) {
                p.push('=');
            }
        }
        let c = token::read_claims(&format!("eyJhbGciOiJub25lIn0.{p}.sig")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(c.tid.as_deref(), Some(tid.as_str()));
        for r in &roles {
            prop_assert!(c.has_role(r));
        }
    }
}
