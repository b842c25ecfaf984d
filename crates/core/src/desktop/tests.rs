//! The wizard's own tests (state, errors and problems, the URL allow-list, the demo, a saved
//! profile end to end).

use super::*;
use crate::checks::{Check, Report, Status};
use crate::i18n::{args, Lang};
use crate::microsoft::cloud::Cloud;
use crate::secret::ClientSecret;
use crate::store::keychain::{self, KeychainError};
use crate::store::profiles::{self, Profile, ProfileStore};
use chrono::Utc;

#[test]
fn steps_in_order() {
    assert_eq!(Step::Start.next(), Step::AzureApp);
    assert_eq!(Step::Summary.next(), Step::Summary);
    assert_eq!(Step::Start.prev(), Step::Start);
    assert_eq!(Step::LiveTest.prev(), Step::Mailboxes);
    assert!(Step::Permissions.needs_target());
    assert!(!Step::AzureApp.needs_target());
    let json = serde_json::to_string(&Step::SecretExpiry).unwrap();
    assert_eq!(json, "\"secret-expiry\"");
}

#[test]
fn a_locked_keychain_says_how_to_unlock_in_the_apps_words() {
    let e = DesktopError::from(KeychainError::Locked {
        detail: "Secret Service: unlock prompt was dismissed".into(),
        hint: keychain::locked_hint(),
    });
    assert_eq!(e.code, "keychain");
    assert!(
        e.message
            .starts_with("The OS keychain is locked, or the request to unlock it was declined. "),
        "{}",
        e.message
    );
    assert!(
        e.message.ends_with(keychain::locked_hint_app()),
        "{}",
        e.message
    );
    assert!(!e.message.contains("command"), "{}", e.message);
}

#[test]
fn errors_and_problems_come_in_the_uis_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    d.set_language("de");
    let lang = d.language();
    assert_eq!(lang, Lang::De);
    // A step out of reach: German for the UI, English for the logs, the id for later.
    let e = d.go_to(Step::Summary).unwrap_err().localized(lang);
    assert_eq!(e.code, "unreachable");
    assert_eq!(
        e.text.as_deref(),
        Some("Schließen Sie zuerst den aktuellen Schritt ab.")
    );
    assert_eq!(e.message, "Finish the current step first.");
    assert_eq!(e.to_string(), "Finish the current step first.");
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["msg"]["id"], "app-error-unreachable");
    d.start_new();
    let e = d.next().unwrap_err();
    assert!(e
        .text(lang)
        .starts_with("Bestätigen Sie zuerst die Azure-App"));
    // The keychain, in the app's German words.
    let e = DesktopError::from(KeychainError::Locked {
        detail: "prompt dismissed".into(),
        hint: keychain::locked_hint(),
    })
    .localized(lang);
    let text = e.text.unwrap_or_default();
    assert!(
        text.starts_with("Der Schlüsselbund des Betriebssystems ist gesperrt"),
        "{text}"
    );
    let e = DesktopError::from(KeychainError::Missing {
        profile: "contoso".into(),
    });
    assert!(e.text(lang).contains("im Schritt Azure-App erneut ein"));
    // A refused form: the cloud only the core can word, in German; coded problems keep
    // their code for the UI (and a catalog message).
    let err = d
        .save_azure_app(AzureAppInput {
            name: "contoso".into(),
            cloud: "mars".into(),
            tenant: "contoso.onmicrosoft.com".into(),
            client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            secret: None,
            i_know: false,
        })
        .unwrap_err()
        .localized(lang);
    assert_eq!(err.code, "invalid");
    let cloud = err.problems.iter().find(|p| p.field == "cloud").unwrap();
    assert_eq!(
        cloud.text.as_deref(),
        Some("unbekannte Cloud „mars“: Verwenden Sie global, usgov oder china")
    );
    let secret = err.problems.iter().find(|p| p.field == "secret").unwrap();
    assert_eq!(secret.code.as_deref(), Some("empty"));
    assert!(secret.text.is_none(), "the UI words known codes itself");
    assert!(secret
        .msg
        .as_ref()
        .unwrap()
        .text(lang)
        .starts_with("ist leer; kopieren Sie den Wert"));
    assert!(err
        .text
        .as_deref()
        .unwrap_or_default()
        .contains("die 2 markierten Felder"));
    // The expiry typed by hand: refused with the German date format.
    let m = parse_expiry("31.05.2027").unwrap_err();
    assert_eq!(
        m.text(lang),
        "„31.05.2027“ ist kein Datum; schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-31"
    );
    // The profiles view: a profile whose secret is gone, in German.
    let mut p = Profile {
        name: "contoso".into(),
        cloud: Cloud::Global,
        tenant: "contoso.onmicrosoft.com".into(),
        tenant_id: None,
        client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
        mailboxes: vec![],
        login_url: None,
        graph_url: None,
        secret_ref: "r".into(),
        secret_hint: None,
        secret_expiry: None,
        last_check: None,
        last_live_test: None,
        genesys: None,
    };
    let check = Check::msg(
        "secret",
        Status::Fail,
        "app-check-secret-missing",
        args([("profile", "contoso")]),
    );
    p.record_check(&Report::of(vec![check]), Utc::now());
    let r = row(&p, Utc::now(), 30, None, Lang::De);
    assert_eq!(
        r.first_failure.as_deref(),
        Some("Der geheime Clientschlüssel dieses Profils ist nicht im Schlüsselbund des Betriebssystems.")
    );
    let r = row(&p, Utc::now(), 30, None, Lang::En);
    assert!(r.first_failure.unwrap().starts_with("The client secret"));
}

#[test]
fn problem_codes() {
    let code = |field: &str, value: &str| {
        validate_field(field, value, None, false)
            .problems
            .first()
            .and_then(|p| p.code.clone())
    };
    assert_eq!(
        code("secret", "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f").as_deref(),
        Some("secret_id")
    );
    assert_eq!(code("secret", "").as_deref(), Some("empty"));
    assert_eq!(
        code("secret", "a b c").as_deref(),
        Some("secret_inner_whitespace")
    );
    assert_eq!(
        code("secret", " dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0\n").as_deref(),
        Some("trimmed")
    );
    let short = validate_field("secret", "short", None, false);
    assert!(short.ok);
    assert_eq!(short.problems[0].code.as_deref(), Some("secret_length"));
    assert_eq!(short.problems[0].n, Some(5));
    assert_eq!(
        code("tenant", "admin@contoso.com").as_deref(),
        Some("tenant_email")
    );
    assert_eq!(
        code("tenant", "https://x.y/z").as_deref(),
        Some("tenant_url")
    );
    assert_eq!(code("tenant", "contoso").as_deref(), Some("tenant_invalid"));
    assert_eq!(
        code("tenant", "{5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903}").as_deref(),
        Some("braces")
    );
    assert_eq!(
        code("client_id", "my-app").as_deref(),
        Some("client_id_invalid")
    );
    let g = "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903";
    let same = validate_field("client_id", g, Some(g), false);
    assert_eq!(
        same.problems[0].code.as_deref(),
        Some("client_id_same_as_tenant")
    );
    assert_eq!(code("mailbox", "nope").as_deref(), Some("mailbox_invalid"));
    assert_eq!(code("name", "a/b").as_deref(), Some("name_invalid"));
    let ok = validate_field("tenant", " Contoso.onmicrosoft.com ", None, false);
    assert_eq!(ok.normalized.as_deref(), Some("contoso.onmicrosoft.com"));
}

#[test]
fn secret_is_never_echoed() {
    let value = "abc8Q~canary-value-1234567890-abcdefghij";
    let r = validate_field("secret", &format!(" {value} "), None, false);
    assert!(r.normalized.is_none());
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("canary"), "{json}");
    let t: SecretText = serde_json::from_str(&format!("\"{value}\"")).unwrap();
    assert!(!format!("{t:?}").contains("canary"));
}

#[test]
fn external_urls() {
    assert!(external_url_allowed(
        "https://portal.azure.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/RegisteredApps"
    ));
    assert!(external_url_allowed(
        "https://login.microsoftonline.us/x/adminconsent?client_id=1"
    ));
    assert!(external_url_allowed("http://127.0.0.1:5000/t/adminconsent"));
    assert!(!external_url_allowed("http://portal.azure.com/"));
    assert!(!external_url_allowed(
        "https://portal.azure.com.evil.example/"
    ));
    assert!(!external_url_allowed("https://user:pw@portal.azure.com/"));
    assert!(!external_url_allowed("file:///etc/passwd"));
    assert!(!external_url_allowed("javascript:alert(1)"));
    assert!(external_url_allowed(
        "https://apps.mypurecloud.de/directory/#/admin/integrations/oauth"
    ));
    assert!(!external_url_allowed("https://apps.mypurecloud.fr/"));
    assert!(!external_url_allowed("http://apps.mypurecloud.de/"));
}

#[test]
fn file_stems() {
    assert_eq!(file_stem("Demo tenant"), "Demo-tenant");
    assert_eq!(file_stem("../x"), "x");
    assert_eq!(file_stem("  "), "graphwiz");
}

#[test]
fn expiry_dates() {
    let d = parse_expiry("2027-05-31").unwrap();
    assert_eq!(
        d.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "2027-05-31T23:59:59"
    );
    assert!(parse_expiry("31.05.2027")
        .unwrap_err()
        .to_string()
        .contains("YYYY-MM-DD"));
}

#[test]
fn state_survives_and_never_holds_the_secret() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    assert_eq!(d.view().step, Step::Start);
    let v = d.start_new();
    assert_eq!(v.step, Step::AzureApp);
    // A refused secret: nothing is saved, the form keeps the other values.
    let err = d
        .save_azure_app(AzureAppInput {
            name: "contoso".into(),
            cloud: "global".into(),
            tenant: " Contoso.onmicrosoft.com".into(),
            client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            secret: Some(SecretText::new("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")),
            i_know: false,
        })
        .unwrap_err();
    assert_eq!(err.code, "invalid");
    assert!(err.message.contains("Secret ID"), "{}", err.message);
    assert!(!err.message.contains("7c1e2d3f"));
    let text = std::fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
    assert!(text.contains("contoso.onmicrosoft.com"));
    assert!(!text.contains("7c1e2d3f"));
    // Reopened: same step and form.
    let again = Desktop::open(dir.path());
    let v = again.view();
    assert_eq!(v.step, Step::AzureApp);
    assert_eq!(v.form.tenant, "contoso.onmicrosoft.com");
    assert!(again.next().is_err(), "no target yet");
    assert!(again.go_to(Step::Summary).is_err());
}

#[test]
fn reminder_settings_language_and_expiry_step() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    assert_eq!(d.language(), crate::reminders::Lang::En);
    assert!(
        d.reminder_settings().desktop,
        "desktop reminders are on by default"
    );
    d.set_language("de-DE");
    let v = d
        .set_reminders(14, &[7, 30, 99, 7, 0], Some(false))
        .unwrap();
    assert_eq!(v.expiry.reminders.days, vec![30, 7, 0]);
    assert!(!v.expiry.reminders.desktop);
    // Kept over a restart and a new setup; `None` keeps the switch.
    d.start_new();
    let again = Desktop::open(dir.path());
    assert_eq!(again.language(), crate::reminders::Lang::De);
    assert!(!again.reminder_settings().desktop);
    again.set_reminders(14, &[7], None).unwrap();
    assert!(!again.reminder_settings().desktop);
    // An older state file without the switch: on.
    let old: Reminders = serde_json::from_str(r#"{"warn_days":30,"days":[7]}"#).unwrap();
    assert!(old.desktop);
    // A reminder opens its profile on the Secret expiry step (no keychain needed).
    let store = ProfileStore::at(dir.path());
    store
        .update(|f| {
            f.upsert(Profile {
                name: "contoso".into(),
                cloud: Cloud::Global,
                tenant: "contoso.onmicrosoft.com".into(),
                tenant_id: None,
                client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
                mailboxes: vec![],
                login_url: None,
                graph_url: None,
                secret_ref: "r".into(),
                secret_hint: Some("abc".into()),
                secret_expiry: Some(Utc::now() + chrono::Duration::days(5)),
                last_check: None,
                last_live_test: None,
                genesys: None,
            });
            Ok(())
        })
        .unwrap();
    assert_eq!(again.saved_profiles().unwrap().len(), 1);
    let v = again.open_profile_expiry("contoso").unwrap();
    assert_eq!(v.step, Step::SecretExpiry);
    assert!(v.expiry.days_left.is_some_and(|n| (4..=5).contains(&n)));
    assert!(!v.form.secret_missing);
}

#[test]
fn demo_must_be_loopback_and_keeps_its_secret_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    let demo = |url: &str, secret: &str| DemoTenant {
        scenario: "healthy".into(),
        base_url: url.into(),
        tenant_id: "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903".into(),
        client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
        secret: ClientSecret::new(secret.into()),
        mailboxes: vec![DemoMailbox {
            address: "support@contoso-demo.onmicrosoft.com".into(),
            kind: "healthy".into(),
        }],
        genesys: None,
    };
    assert!(d
        .start_demo(demo("https://login.example.com", "x"))
        .is_err());
    let v = d
        .start_demo(demo(
            "http://127.0.0.1:9",
            "dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0",
        ))
        .unwrap();
    assert_eq!(v.step, Step::AzureApp);
    assert!(v.form.locked && v.form.secret_stored);
    assert_eq!(v.mailboxes.len(), 1);
    let v = d
        .save_azure_app(AzureAppInput {
            name: "ignored".into(),
            cloud: "global".into(),
            tenant: v.form.tenant.clone(),
            client_id: v.form.client_id.clone(),
            secret: None,
            i_know: false,
        })
        .unwrap();
    assert_eq!(v.step, Step::Permissions);
    assert_eq!(v.form.name, DEMO_PROFILE_NAME);
    let text = std::fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
    assert!(!text.contains("Kd3vT2pXw9"), "secret in the state file");
    assert!(!dir.path().join(profiles::FILE_NAME).exists());
    // The Secret ID handed out by a failure scenario is refused with the portal's words.
    let v = d
        .start_demo(demo(
            "http://127.0.0.1:9",
            "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
        ))
        .unwrap();
    assert_eq!(v.form.secret_problems[0].code.as_deref(), Some("secret_id"));
    // After a restart the demo waits for its emulator.
    let again = Desktop::open(dir.path());
    assert_eq!(again.demo_to_resume().as_deref(), Some("healthy"));
}

/// A saved (non-demo) profile end to end against the emulator: secret to the keychain,
/// checks, live test, export, re-check from the profiles view, rename, removal. Needs a
/// Secret Service (scripts/test-all.sh starts one); skipped with a note when there is none.
#[tokio::test(flavor = "multi_thread")]
async fn saved_profile_from_setup_to_removal() {
    use graphwiz_emulator::{Emulator, Options};
    // The app reads its own grants: User.Read settles without an administrator, so the export
    // below can be "validated".
    let emu = Emulator::start(Options {
        app_reads_directory: true,
        ..Options::default()
    })
    .await
    .unwrap();
    let creds = emu.demo();
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(dir.path());
    d.start_new();
    {
        let mut s = d.lock();
        s.state.draft.login_url = Some(emu.base_url());
        s.state.draft.graph_url = Some(emu.base_url());
    }
    let name = format!("unit {}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let input = |name: &str, secret: Option<&str>| AzureAppInput {
        name: name.into(),
        cloud: "global".into(),
        tenant: creds.tenant_id.clone(),
        client_id: creds.client_id.clone(),
        secret: secret.map(SecretText::new),
        i_know: false,
    };
    let v = match d.save_azure_app(input(&name, Some(&format!(" {}\n", creds.client_secret)))) {
        Ok(v) => v,
        Err(e) if e.code == "keychain" => {
            eprintln!("skipped: no OS keychain here ({})", e.message);
            return;
        }
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(v.step, Step::Permissions);
    assert_eq!(v.form.profile.as_deref(), Some(name.as_str()));
    let text = std::fs::read_to_string(dir.path().join(profiles::FILE_NAME)).unwrap();
    assert!(
        !text.contains(&creds.client_secret),
        "secret in profiles.json"
    );
    let domain = creds.tenant_domain.clone();
    d.add_mailbox(&format!("support@{domain}")).unwrap();
    let v = d.run_checks().await.unwrap();
    assert_eq!(v.counts.fail, 0, "{:?}", v.permissions);
    assert!(v.mailboxes[0]
        .check
        .as_ref()
        .is_some_and(|c| c.status == Status::Pass));
    let seen = std::sync::Mutex::new(Vec::new());
    let progress = |p: ProgressView| seen.lock().unwrap().push(p.phase);
    let v = d
        .run_live_test(&format!("support@{domain}"), None, &progress)
        .await
        .unwrap();
    let live = v.live.unwrap();
    assert!(live.ok && live.latency_ms.is_some(), "{:?}", live.checks);
    assert!(seen.lock().unwrap().contains(&"sending"));
    let out = dir.path().join("x.graphwiz.json");
    let cfg = d.export_config(&out, false).unwrap();
    assert!(cfg.validated);
    assert!(!std::fs::read_to_string(&out)
        .unwrap()
        .contains(&creds.client_secret));
    let rows = d.recheck_profiles(&[]).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].ok, Some(true));
    assert!(rows[0].current && rows[0].days_left.is_some());
    // Edited without a new secret: the stored one is kept; renamed: copied to the new name.
    d.go_to(Step::AzureApp).unwrap();
    d.save_azure_app(input(&name, None)).unwrap();
    let renamed = format!("{name} b");
    d.go_to(Step::AzureApp).unwrap();
    d.save_azure_app(input(&renamed, None)).unwrap();
    assert_eq!(d.run_checks().await.unwrap().counts.fail, 0);
    for n in [&name, &renamed] {
        d.remove_profile(n).unwrap();
    }
    assert!(d.profiles().unwrap().is_empty());
}

/// "Recheck all" streams: first which profiles are checked (0 of n), then each profile's new
/// row as its check finishes; the rows it returns at the end are the same verdicts.
#[tokio::test(flavor = "multi_thread")]
async fn a_recheck_streams_each_profiles_row_as_it_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let store = ProfileStore::at(dir.path());
    let unique = format!("gw-recheck-{}", std::process::id());
    let names: Vec<String> = (1..=3).map(|i| format!("{unique} {i}")).collect();
    store
        .update(|f| {
            for n in &names {
                f.upsert(Profile {
                    name: n.clone(),
                    cloud: Cloud::Global,
                    tenant: "contoso.onmicrosoft.com".into(),
                    tenant_id: None,
                    client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
                    mailboxes: vec!["support@contoso.com".into()],
                    // Loopback and never answered: the secret is missing, nothing is sent.
                    login_url: Some("http://127.0.0.1:9".into()),
                    graph_url: Some("http://127.0.0.1:9".into()),
                    secret_ref: "client-secret".into(),
                    secret_hint: None,
                    secret_expiry: None,
                    last_check: None,
                    last_live_test: None,
                    genesys: None,
                });
            }
            Ok(())
        })
        .unwrap();
    let d = Desktop::open(dir.path());
    d.set_language("de");
    let seen = std::sync::Mutex::new(Vec::new());
    let progress = |p: RecheckProgressView| seen.lock().unwrap().push(p);
    let rows = match d.recheck_profiles_with(&[], &progress).await {
        Ok(r) => r,
        Err(e) if e.code == "keychain" => {
            eprintln!("skipped: no OS keychain here ({})", e.message);
            return;
        }
        Err(e) => panic!("{e:?}"),
    };
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert_eq!((seen[0].done, seen[0].total), (0, 3));
    assert!(seen[0].row.is_none());
    assert_eq!(seen[0].checking.len(), 3);
    for (k, p) in seen[1..].iter().enumerate() {
        assert_eq!((p.done, p.total), (k + 1, 3));
        assert_eq!(p.checking.len(), 2 - k, "{p:?}");
        let row = p.row.as_ref().expect("each finished profile's row");
        assert_eq!(row.ok, Some(false));
        assert!(!p.checking.contains(&row.name));
        assert!(
            row.first_failure
                .as_deref()
                .is_some_and(|f| f.contains("Schlüsselbund")),
            "{row:?}"
        );
    }
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.ok == Some(false)));
    // One profile by name: one row.
    let seen = std::sync::Mutex::new(Vec::new());
    let progress = |p: RecheckProgressView| seen.lock().unwrap().push(p.done);
    d.recheck_profiles_with(&names[1..2], &progress)
        .await
        .unwrap();
    assert_eq!(seen.into_inner().unwrap(), vec![0, 1]);
}
