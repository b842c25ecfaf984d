//! The config file: schema in sync with the types, valid JSON Schema, and table-driven import.

use chrono::{TimeZone, Utc};
use graphwiz_core::checks::{Check, Report};
use graphwiz_core::store::config::{self, ConfigFile, ImportError};
use graphwiz_core::store::profiles::Profile;
use graphwiz_core::Cloud;

fn schema_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(config::SCHEMA_PATH)
}

#[test]
fn committed_schema_matches_the_types() {
    let generated = config::generated_schema();
    if std::env::var_os("GRAPHWIZ_UPDATE_SCHEMA").is_some() {
        std::fs::write(schema_file(), &generated).unwrap();
    }
    let committed = std::fs::read_to_string(schema_file()).unwrap();
    assert!(
        committed == generated,
        "{} is out of date with the Rust types; regenerate it with: GRAPHWIZ_UPDATE_SCHEMA=1 cargo test -p graphwiz-core --test config_file",
        config::SCHEMA_PATH
    );
    assert_eq!(
        config::SCHEMA_JSON,
        generated,
        "rebuild after regenerating the schema"
    );
}

#[test]
fn schema_is_valid_json_schema() {
    let schema: serde_json::Value = serde_json::from_str(config::SCHEMA_JSON).unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "not a valid JSON Schema"
    );
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown fields are refused"
    );
}

fn sample() -> ConfigFile {
    let profile = Profile {
        name: "contoso".into(),
        cloud: Cloud::Global,
        tenant: "contoso.onmicrosoft.com".into(),
        tenant_id: Some("5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903".into()),
        client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
        mailboxes: vec!["support@contoso.com".into()],
        login_url: None,
        graph_url: None,
        secret_ref: "r".into(),
        secret_hint: Some("dmo".into()),
        secret_expiry: Some(Utc.with_ymd_and_hms(2027, 5, 1, 0, 0, 0).unwrap()),
        last_check: None,
        // Every claim proven: the checks below, the mailbox, a live test from it.
        last_live_test: Some(graphwiz_core::report::LiveTestSummary {
            ran_at: Utc.with_ymd_and_hms(2026, 11, 27, 10, 1, 0).unwrap(),
            ok: true,
            mailbox: "support@contoso.com".into(),
            recipient: "support@contoso.com".into(),
            delivery_proven: true,
            latency_ms: Some(1200),
            basis: None,
        }),
        genesys: None,
    };
    let check = |id: &str, mailbox: Option<&str>| {
        serde_json::from_value::<Check>(serde_json::json!({
            "id": id, "status": "pass", "summary": "ok", "fix": null, "code": null, "portal_url": null, "elapsed_ms": 12,
            "mailbox": mailbox,
        }))
        .unwrap()
    };
    let report = Report {
        ok: true,
        tenant_id: Some("5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903".into()),
        token_endpoint: Some("https://login.microsoftonline.com/5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903/oauth2/v2.0/token".into()),
        checks: vec![
            check("tenant", None),
            check("credentials", None),
            check("perm_mail_readwrite", None),
            check("perm_mail_send", None),
            check("perm_user_read", None),
            check("mailbox_access", Some("support@contoso.com")),
        ],
        secret_expires: None,
        throttled: None,
    };
    ConfigFile::build(
        &profile,
        &report,
        Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap(),
    )
}

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v = serde_json::to_value(sample()).unwrap();
    f(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn sample_round_trips() {
    let cfg = sample();
    assert!(cfg.validated);
    assert_eq!(config::parse(&cfg.to_json()).unwrap(), cfg);
}

#[test]
fn import_table() {
    type Case = (&'static str, String, &'static str, &'static str);
    let cases: Vec<Case> = vec![
        (
            "malformed JSON",
            "{\n  \"format\": \"graphwiz-config\",\n  \"version\": 1,,\n}".into(),
            "",
            "line 3, column 16",
        ),
        ("not an object", "[1,2]".into(), "", "one JSON object"),
        (
            "not a graphwiz file",
            "{\"hello\": 1}".into(),
            "/format",
            "not a graphwiz config",
        ),
        (
            "missing version",
            edited(|v| {
                v.as_object_mut().unwrap().remove("version");
            }),
            "/version",
            "missing",
        ),
        (
            "missing client_id",
            edited(|v| {
                v.as_object_mut().unwrap().remove("client_id");
            }),
            "",
            "client_id",
        ),
        (
            "wrong type",
            edited(|v| v["validated"] = "yes".into()),
            "/validated",
            "boolean",
        ),
        (
            "wrong type in list",
            edited(|v| v["mailboxes"] = serde_json::json!([5])),
            "/mailboxes/0",
            "string",
        ),
        (
            "bad client GUID",
            edited(|v| v["client_id"] = "my-app".into()),
            "/client_id",
            "is not a GUID",
        ),
        (
            "bad tenant GUID",
            edited(|v| v["tenant_id"] = "1234".into()),
            "/tenant_id",
            "is not a GUID",
        ),
        (
            "bad tenant",
            edited(|v| v["tenant"] = "not a tenant".into()),
            "/tenant",
            "Directory (tenant) ID",
        ),
        (
            "bad mailbox",
            edited(|v| v["mailboxes"] = serde_json::json!(["ok@contoso.com", "nobody"])),
            "/mailboxes/1",
            "Mailbox",
        ),
        (
            "extra field",
            edited(|v| v["colour"] = "blue".into()),
            "",
            "colour",
        ),
        (
            "extra nested field",
            edited(|v| v["secret"]["value"] = "x".into()),
            "/secret",
            "value",
        ),
        (
            "foreign token endpoint",
            edited(|v| {
                v["token_endpoint"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token".into()
            }),
            "/token_endpoint",
            "does not belong",
        ),
        (
            "insecure override",
            edited(|v| v["login_url"] = "http://login.example.com".into()),
            "/login_url",
            "use https",
        ),
        (
            "hand-edited verdict",
            edited(|v| v["checks"][0]["status"] = "fail".into()),
            "/validated",
            "a check failed",
        ),
        (
            "bad status",
            edited(|v| v["checks"][0]["status"] = "great".into()),
            "/checks/0/status",
            "",
        ),
        (
            "long hint",
            edited(|v| v["secret"]["hint"] = "dmo8Q~".into()),
            "/secret/hint",
            "",
        ),
    ];
    for (name, text, pointer, words) in cases {
        let err = config::parse(&text).expect_err(name);
        let msg = err.to_string();
        match &err {
            ImportError::Invalid(problems) => {
                assert!(
                    problems.iter().any(|p| p.pointer == pointer
                        && (p.message.contains(words) || msg.contains(words))),
                    "{name}: want pointer '{pointer}' with '{words}', got {problems:#?}"
                );
            }
            ImportError::Syntax { .. } => {
                assert_eq!(pointer, "", "{name}");
                assert!(msg.contains(words), "{name}: {msg}");
            }
            other => panic!("{name}: unexpected {other:?}"),
        }
    }
}

#[test]
fn future_version_is_refused() {
    let err = config::parse(&edited(|v| v["version"] = 2.into())).unwrap_err();
    assert!(
        matches!(err, ImportError::FutureVersion { found: 2 }),
        "{err}"
    );
    assert!(err.to_string().contains("newer graphwiz"));
}

#[test]
fn messages_read_well() {
    let text = r#"{"format":"graphwiz-config","version":1,"colour":"blue","validated":"yes","client_id":"my-app"}"#;
    let msg = config::parse(text).unwrap_err().to_string();
    eprintln!("{msg}");
    assert!(msg.contains("/validated"), "{msg}");
}
