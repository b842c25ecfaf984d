//! The client secret in the desktop app, end to end, on a saved (non-demo) profile against the
//! emulator (started here; `GRAPHWIZ_E2E_LOOPBACK_URL` points a new setup at it):
//!
//! * Leak test with a canary: a unique secret (`cny8Q~…`) is the emulator app's secret and is
//!   typed into the Azure app step; the GUI runs Azure app → checks → mailboxes → live test →
//!   expiry (calendar) → summary (export). Every read command is then called through
//!   `window.__TAURI__.core.invoke` as the web view would, and none returns the canary. After the
//!   app is closed, every file under the test's private folders (HOME with the app's data folder,
//!   WebKit's storage and caches, the logs of tauri-plugin-log; GRAPHWIZ_HOME with profiles.json,
//!   wizard.json and the reminder store; the exported config and calendar; the output of
//!   tauri-driver, WebKitWebDriver and the app) is searched for the canary, raw, URL-encoded,
//!   base64 at every alignment and as any 10-character piece. The canary must be in exactly one
//!   place: the Secret Service (secret-tool), which shows the scan can find it.
//! * Keychain entry deleted behind the app's back: the re-check says so and leads to the Azure
//!   app step, whose secret field is empty with a note; entering the secret again repairs it.
//!
//! Both need a Secret Service on the session bus (scripts/test-all.sh starts GNOME Keyring).

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use graphwiz_e2e::{App, Home, Result};
use graphwiz_emulator::model::Secret;
use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::{json, Value};
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh canary shaped like an Entra client secret: `cny8Q~` + 34 random characters.
fn canary() -> String {
    let alphabet: Vec<char> = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        .chars()
        .collect();
    let mut out = String::from("cny8Q~");
    while out.len() < 40 {
        let mut h = RandomState::new().build_hasher();
        h.write_usize(out.len());
        let n = h.finish();
        out.push(alphabet[(n % alphabet.len() as u64) as usize]);
    }
    out
}

/// `application/x-www-form-urlencoded` as a form body carries it.
fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Every form in which the canary could leak.
fn needles(canary: &str) -> Vec<(String, String)> {
    let mut out = vec![(canary.to_string(), "raw".to_string())];
    let form = url_encode(canary);
    out.push((form.to_ascii_lowercase(), "URL-encoded (lower case)".into()));
    out.push((form, "URL-encoded".into()));
    for offset in 0..3 {
        let mut bytes = vec![b'x'; offset];
        bytes.extend_from_slice(canary.as_bytes());
        for (engine, name) in [
            (&STANDARD_NO_PAD, "base64"),
            (&URL_SAFE_NO_PAD, "base64url"),
        ] {
            let enc = engine.encode(&bytes);
            out.push((
                enc[4..enc.len() - 4].to_string(),
                format!("{name} at offset {offset}"),
            ));
        }
    }
    // Any 10-character piece (the 3-character hint is shown by design).
    let chars: Vec<char> = canary.chars().collect();
    for w in chars.windows(10) {
        out.push((w.iter().collect(), "a 10-character piece".into()));
    }
    out
}

fn leak_in(hay: &[u8], needles: &[(String, String)]) -> Option<String> {
    let text = String::from_utf8_lossy(hay);
    // UTF-16 (WebKit's storage keeps strings that way) as well as UTF-8.
    let utf16: String = hay
        .chunks_exact(2)
        .map(|c| char::from_u32(u32::from(u16::from_le_bytes([c[0], c[1]]))).unwrap_or('\0'))
        .collect();
    needles
        .iter()
        .find(|(n, _)| text.contains(n.as_str()) || utf16.contains(n.as_str()))
        .map(|(n, kind)| format!("{kind} ('{n}')"))
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => files_under(&p, out),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
    }
}

fn secret_tool(args: &[&str]) -> Option<String> {
    let out = Command::new("secret-tool").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The keychain account (`<profile>/<secret_ref>`) of a saved profile.
fn account_of(home: &Home, name: &str) -> Result<String> {
    let text = std::fs::read_to_string(home.graphwiz_home().join("profiles.json"))?;
    let file: Value = serde_json::from_str(&text)?;
    let p = file["profiles"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == name)
        .ok_or("the profile was not saved")?;
    let r = p["secret_ref"].as_str().ok_or("no secret_ref")?;
    Ok(format!("{name}/{r}"))
}

fn emulator_with_secret(secret: Option<&str>) -> Result<Emulator> {
    // A tenant whose app reads its own grants: every claim settles without an administrator's
    // sign-in (which a system browser would do), so the summary can say "Validated".
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::DirectoryReads))?;
    if let Some(secret) = secret {
        emu.update_directory(|d| {
            let app = &mut d.tenants[0].apps[0];
            let old = app.password_credentials[0].clone();
            app.password_credentials[0] =
                Secret::new(&old.key_id, &old.display_name, secret, old.start, old.end);
        });
    }
    Ok(emu)
}

/// Start → new setup → Azure app with `secret` → Save and next → permissions all pass.
async fn set_up(app: &App, name: &str, emu: &Emulator, secret: &str) -> Result<()> {
    let c = emu.demo();
    app.click("start-new").await?;
    app.wait_visible("step-azure-app").await?;
    app.type_into("field-name", name).await?;
    app.type_into("field-tenant", &c.tenant_domain).await?;
    app.type_into("field-client-id", &c.client_id).await?;
    app.type_into("field-secret", secret).await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.wait_text("perm-summary", "0 failed").await?;
    Ok(())
}

#[test]
fn scanner_finds_planted_canaries() {
    let c = canary();
    assert_eq!(c.len(), 40);
    assert_ne!(c, canary(), "canaries are unique");
    let n = needles(&c);
    assert!(leak_in(format!("x{c}y").as_bytes(), &n).is_some());
    assert!(leak_in(url_encode(&c).as_bytes(), &n).is_some());
    for offset in 0..3 {
        let mut blob = vec![b'#'; offset];
        blob.extend_from_slice(c.as_bytes());
        blob.extend_from_slice(b"tail");
        assert!(leak_in(STANDARD_NO_PAD.encode(&blob).as_bytes(), &n).is_some());
    }
    let utf16: Vec<u8> = c.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert!(leak_in(&utf16, &n).is_some(), "UTF-16");
    assert!(leak_in(&c.as_bytes()[5..17], &n).is_some(), "a piece");
    assert!(leak_in(b"hint cny only", &n).is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn l1_canary_secret_never_leaves_the_keychain_in_the_gui() -> Result<()> {
    let secret = canary();
    let emu = emulator_with_secret(Some(&secret))?;
    let c = emu.demo();
    let url = emu.base_url();
    let name = format!("leak-{}", std::process::id());
    let mut app = App::launch_with(
        "l1-leak",
        Home::new()?,
        &[("GRAPHWIZ_E2E_LOOPBACK_URL", url.as_str())],
    )
    .await?;

    // Azure app → checks.
    set_up(&app, &name, &emu, &secret).await?;
    let account = account_of(&app.home, &name)?;
    let stored = secret_tool(&["lookup", "service", "graphwiz", "username", &account]);
    assert_eq!(
        stored.as_deref(),
        Some(secret.as_str()),
        "the Secret Service holds the canary (so the scan below can tell)"
    );
    assert_eq!(app.value("field-secret").await?, "");

    // Mailboxes → live test → expiry (calendar) → summary (export).
    app.click("wizard-next").await?;
    app.wait_visible("step-mailboxes").await?;
    app.type_into("mailbox-input", &format!("support@{}", c.tenant_domain))
        .await?;
    app.click("mailbox-add").await?;
    app.click("mailboxes-check").await?;
    app.wait_idle().await?;
    let support = format!(
        "[data-testid=\"mailbox-item\"][data-address=\"support@{}\"]",
        c.tenant_domain
    );
    app.wait_attr(&support, "data-status", "pass").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-live-test").await?;
    app.click("live-run").await?;
    app.wait_text("live-latency", "arrived after").await?;
    app.wait_idle().await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.wait_text("expiry-days", "days").await?;
    app.click("expiry-calendar").await?;
    app.wait_text("expiry-calendar-note", ".ics").await?;
    // Genesys Cloud is optional: skipped with Next.
    app.click("wizard-next").await?;
    app.wait_visible("step-genesys").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-summary").await?;
    app.wait_text("summary-verdict", "Validated").await?;
    app.click("summary-export").await?;
    app.wait_text("summary-export-note", "Exported").await?;
    app.screenshot("summary").await?;

    // What the web view can read: every read command, called as the UI calls it.
    let needles = needles(&secret);
    let calls: Vec<(&str, Value)> = vec![
        ("start_state", json!({})),
        ("get_view", json!({})),
        ("list_profiles", json!({})),
        ("recheck_profiles", json!({ "names": [] })),
        ("pending_reminders", json!({})),
        (
            "validate_field",
            json!({ "field": "secret", "value": secret, "other": null, "iKnow": false }),
        ),
        ("go_to", json!({ "step": "azure-app" })),
        ("go_to", json!({ "step": "summary" })),
        ("run_checks", json!({})),
        ("open_profile", json!({ "name": name })),
        ("get_view", json!({})),
    ];
    for (cmd, args) in calls {
        let got = app.invoke(cmd, args).await?;
        assert!(got.get("ok").is_some(), "{cmd} failed: {got}");
        let text = got.to_string();
        assert!(
            leak_in(text.as_bytes(), &needles).is_none(),
            "{cmd} returned the secret to the web view: {text}"
        );
    }
    let view = app.invoke("get_view", json!({})).await?;
    assert_eq!(view["ok"]["form"]["secret_hint"], "cny");
    let home = app.close().await?;

    // Every file the run left behind.
    let mut files = Vec::new();
    files_under(home.root(), &mut files);
    assert!(
        files.iter().any(|f| f.ends_with("profiles.json")),
        "profiles.json is among the scanned files"
    );
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().ends_with(".graphwiz.json")),
        "the export is among the scanned files"
    );
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().contains("app.graphwiz.desktop")),
        "the app's (and WebKit's) data folder is among the scanned files: {files:?}"
    );
    let mut found = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        if let Some(kind) = leak_in(&bytes, &needles) {
            found.push(format!("{}: {kind}", f.display()));
        }
    }
    assert!(
        found.is_empty(),
        "the canary leaked ({} files scanned):\n{}",
        files.len(),
        found.join("\n")
    );
    eprintln!(
        "leak scan: {} files, 0 occurrences of the canary",
        files.len()
    );
    let _ = secret_tool(&["clear", "service", "graphwiz", "username", &account]);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn l2_keychain_entry_deleted_behind_the_apps_back() -> Result<()> {
    let emu = emulator_with_secret(None)?;
    let secret = emu.demo().client_secret;
    let url = emu.base_url();
    let name = format!("gone-{}", std::process::id());
    let mut app = App::launch_with(
        "l2-keychain",
        Home::new()?,
        &[("GRAPHWIZ_E2E_LOOPBACK_URL", url.as_str())],
    )
    .await?;
    set_up(&app, &name, &emu, &secret).await?;
    let account = account_of(&app.home, &name)?;
    assert!(secret_tool(&["lookup", "service", "graphwiz", "username", &account]).is_some());

    // Deleted in the keychain (e.g. with Seahorse) while graphwiz runs.
    secret_tool(&["clear", "service", "graphwiz", "username", &account])
        .ok_or("secret-tool clear failed")?;
    app.click("perm-recheck").await?;
    app.wait_text("error-banner", "missing from the OS keychain")
        .await?;
    app.wait_text("error-text", "Enter the secret's Value again")
        .await?;
    app.screenshot("secret-missing").await?;
    app.click("error-action").await?;
    app.wait_visible("step-azure-app").await?;
    app.wait_text("secret-missing", "no longer in the OS keychain")
        .await?;
    assert_eq!(app.value("field-secret").await?, "");

    // Saving without it is refused; with it, everything passes again.
    app.click("wizard-next").await?;
    app.wait_text("problems-secret", "enter the secret's Value again")
        .await?;
    app.screenshot("secret-asked").await?;
    app.type_into("field-secret", &secret).await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.wait_text("perm-summary", "0 failed").await?;
    let account = account_of(&app.home, &name)?;
    assert_eq!(
        secret_tool(&["lookup", "service", "graphwiz", "username", &account]).as_deref(),
        Some(secret.as_str())
    );
    app.close().await?;
    let _ = secret_tool(&["clear", "service", "graphwiz", "username", &account]);
    Ok(())
}
