//! The desktop wizard, end to end, in the real app: the whole wizard on the demo tenant to a
//! passing summary and an exported file; failure scenarios showing the right fix; German; state
//! that survives closing the window. Run one at a time (`--test-threads=1`): the app is a single
//! instance per D-Bus session.

use graphwiz_e2e::{App, Result};

/// The emulator's demo tenant (tenant 0 of `graphwiz-emulator`).
const DEMO_TENANT: &str = "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903";
const DEMO_DOMAIN: &str = "contoso-demo.onmicrosoft.com";
/// The demo secret's value: it must never appear in an exported file.
const DEMO_SECRET: &str = "dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0";

async fn status_of(app: &App, testid: &str) -> Result<String> {
    Ok(app
        .el(testid)
        .await?
        .attr("data-status")
        .await?
        .unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_demo_tenant_whole_wizard_to_an_exported_file() -> Result<()> {
    let mut app = App::launch("a-demo").await?;
    app.wait_text("step-start", "Welcome to graphwiz").await?;
    app.screenshot("start").await?;

    // Start → demo: the Azure app step opens with the demo tenant's values and the banner.
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.wait_text("demo-banner", "nothing is sent to Microsoft")
        .await?;
    assert_eq!(app.value("field-tenant").await?, DEMO_TENANT);
    app.wait_text("secret-stored", "held in memory").await?;
    assert_eq!(
        app.value("field-secret").await?,
        "",
        "the secret is never sent to the web view"
    );
    app.screenshot("azure-app").await?;

    // Permissions: every check the app's own token can prove passes; User.Read's consent is
    // unverified until an administrator signs in, as in every real tenant, and the admin sign-in
    // settles it.
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_text("perm-summary", "0 failed").await?;
    app.wait_idle().await?;
    for id in [
        "tenant",
        "credentials",
        "registration",
        "perm_mail_readwrite",
        "perm_mail_send",
    ] {
        assert_eq!(
            status_of(&app, &format!("check-{id}")).await?,
            "pass",
            "{id}"
        );
    }
    assert_eq!(status_of(&app, "check-perm_user_read").await?, "warn");
    app.screenshot("permissions-unverified").await?;
    app.click("perm-admin-verify").await?;
    app.wait_attr(
        "[data-testid=\"check-perm_user_read\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_text("check-perm_user_read", "User.Read (Delegated)")
        .await?;
    app.wait_idle().await?;
    app.screenshot("permissions").await?;

    // Mailboxes: the demo's support@ is there; add sales@ and check both.
    app.click("wizard-next").await?;
    app.wait_visible("step-mailboxes").await?;
    app.wait_idle().await?;
    let support = format!("[data-testid=\"mailbox-item\"][data-address=\"support@{DEMO_DOMAIN}\"]");
    app.wait_attr(&support, "data-status", "pass").await?;
    app.type_into("mailbox-input", &format!("Sales@{DEMO_DOMAIN}"))
        .await?;
    app.click("mailbox-add").await?;
    let sales = format!("[data-testid=\"mailbox-item\"][data-address=\"sales@{DEMO_DOMAIN}\"]");
    app.wait_selector(&sales).await?;
    app.click("mailboxes-check").await?;
    app.wait_attr(&sales, "data-status", "pass").await?;
    app.wait_idle().await?;
    app.screenshot("mailboxes").await?;

    // Live test: send, receive (with latency), mark read, clean up.
    app.click("wizard-next").await?;
    app.wait_visible("step-live-test").await?;
    app.click("live-run").await?;
    app.wait_text("live-latency", "arrived after").await?;
    app.wait_idle().await?;
    for id in ["send", "receive", "mark_read", "cleanup"] {
        assert_eq!(
            status_of(&app, &format!("live-check-{id}")).await?,
            "pass",
            "{id}"
        );
    }
    app.screenshot("live-test").await?;

    // Secret expiry: read from Azure; calendar file written.
    app.click("wizard-next").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.wait_text("expiry-days", "days").await?;
    app.click("expiry-calendar").await?;
    app.wait_text("expiry-calendar-note", ".ics").await?;
    let ics = std::fs::read_dir(app.home.export_dir())?
        .filter_map(|e| e.ok())
        .find(|e| e.path().extension().is_some_and(|x| x == "ics"))
        .ok_or("no .ics file was written")?;
    let ics = std::fs::read_to_string(ics.path())?;
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
    app.screenshot("secret-expiry").await?;

    // Summary: validated, token endpoint (v2), copy, export.
    // Genesys Cloud is optional: skipped with Next.
    app.click("wizard-next").await?;
    app.wait_visible("step-genesys").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-summary").await?;
    app.wait_text("summary-verdict", "Validated").await?;
    let endpoint = app
        .wait_text("summary-token-endpoint", "/oauth2/v2.0/token")
        .await?;
    assert!(endpoint.contains(DEMO_TENANT), "{endpoint}");
    app.wait_text("summary-genesys-reminder", "disable and enable")
        .await?;
    app.click("copy-token-endpoint").await?;
    app.wait_text("copy-note", "copied").await?;
    app.click("summary-export").await?;
    let note = app.wait_text("summary-export-note", "Exported").await?;
    assert!(note.contains(".graphwiz.json"), "{note}");
    app.screenshot("summary").await?;

    let exported = std::fs::read_dir(app.home.export_dir())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".graphwiz.json"))
        .ok_or("no config file was exported")?;
    let text = std::fs::read_to_string(&exported)?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    assert_eq!(json["validated"], serde_json::Value::Bool(true), "{text}");
    assert_eq!(json["format"], "graphwiz-config");
    assert!(
        !text.contains(DEMO_SECRET),
        "the export contains the secret"
    );
    assert!(json["secret"]["hint"]
        .as_str()
        .is_some_and(|h| h.chars().count() <= 3));
    assert!(json["checks"].as_array().is_some_and(|c| c
        .iter()
        .any(|k| k["id"] == "receive" && k["status"] == "pass")));

    // The demo is never saved as a profile, and its secret never reaches the keychain.
    app.click("summary-profiles").await?;
    app.wait_visible("profiles-empty").await?;
    assert!(!app.home.graphwiz_home().join("profiles.json").exists());
    let state = std::fs::read_to_string(app.home.graphwiz_home().join("wizard.json"))?;
    assert!(
        !state.contains(DEMO_SECRET),
        "the wizard state contains the secret"
    );
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn b_failure_scenarios_show_the_right_fix() -> Result<()> {
    let mut app = App::launch("b-failures").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;

    // The Secret ID handed out instead of the Value: refused before anything is sent.
    app.select("demo-scenario", "secret-id-pasted").await?;
    app.wait_text("demo-scenario-desc", "instead of its Value")
        .await?;
    app.wait_text(
        "problems-secret",
        "looks like the Secret ID; copy the Value column",
    )
    .await?;
    app.wait_visible("i-know-row").await?;
    app.click("wizard-next").await?;
    app.wait_text("error-banner", "correct the marked fields")
        .await?;
    app.wait_visible("step-azure-app").await?;
    app.screenshot("secret-id-refused").await?;

    // Confirmed anyway: Entra ID refuses it, and the fix says to copy the Value.
    app.click("field-i-know").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.wait_attr("[data-testid=\"check-credentials\"]", "data-status", "fail")
        .await?;
    app.wait_text("check-credentials", "Secret ID, not its Value")
        .await?;
    app.wait_text("check-credentials", "AADSTS7000215").await?;
    app.screenshot("secret-id-credentials").await?;

    // No admin consent: the permission checks fail and "Grant admin consent" fixes it.
    app.select("demo-scenario", "no-admin-consent").await?;
    app.wait_text("demo-scenario-desc", "nobody granted admin consent")
        .await?;
    app.wait_visible("step-azure-app").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.wait_attr(
        "[data-testid=\"check-perm_mail_send\"]",
        "data-status",
        "fail",
    )
    .await?;
    app.wait_text("check-perm_mail_send", "admin consent was not granted")
        .await?;
    app.wait_text("perm-consent", "Grant admin consent").await?;
    app.screenshot("no-admin-consent").await?;
    app.click("perm-consent").await?;
    app.wait_attr(
        "[data-testid=\"check-perm_mail_send\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_idle().await?;
    app.wait_text("perm-summary", "0 failed").await?;
    app.screenshot("consent-granted").await?;

    // Grants the app can't read: "Sign in as admin to verify" settles User.Read.
    app.select("demo-scenario", "healthy").await?;
    app.wait_text("demo-scenario-desc", "verified by an administrator")
        .await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.wait_attr(
        "[data-testid=\"check-perm_user_read\"]",
        "data-status",
        "warn",
    )
    .await?;
    app.click("perm-admin-verify").await?;
    app.wait_attr(
        "[data-testid=\"check-perm_user_read\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_text("check-perm_user_read", "verified by admin sign-in")
        .await?;
    app.wait_idle().await?;
    app.screenshot("admin-verified").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn c_german_shows_german_text() -> Result<()> {
    let mut app = App::launch("c-german").await?;
    app.wait_text("step-start", "Welcome to graphwiz").await?;
    app.click("lang-de").await?;
    app.wait_text("step-start", "Willkommen bei graphwiz")
        .await?;
    app.wait_text("rail-permissions", "Berechtigungen & Zustimmung")
        .await?;
    app.wait_text("start-demo", "Demo-Mandanten ausprobieren")
        .await?;
    app.screenshot("start-de").await?;

    app.click("start-new").await?;
    app.wait_visible("step-azure-app").await?;
    let form = app
        .wait_text("azure-form", "Verzeichnis-ID (Mandant)")
        .await?;
    assert!(form.contains("Anwendungs-ID (Client)"), "{form}");
    assert!(form.contains("Geheimer Clientschlüssel"), "{form}");
    // Live validation in German: a Secret ID typed into the secret field.
    app.type_into("field-secret", "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")
        .await?;
    app.wait_text("problems-secret", "Geheimen ID").await?;
    app.type_into("field-tenant", "admin@contoso.com").await?;
    app.wait_text("problems-tenant", "E-Mail-Adresse").await?;
    app.wait_text("wizard-next", "Speichern und weiter").await?;
    app.screenshot("azure-app-de").await?;

    // The demo's consent button carries the portal's German label.
    app.click("rail-start").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.select("demo-scenario", "no-admin-consent").await?;
    app.wait_text("demo-banner", "Keine Administratorzustimmung")
        .await?;
    app.click("wizard-next").await?;
    app.wait_text("perm-consent", "Administratorzustimmung erteilen")
        .await?;
    app.wait_text("check-perm_mail_send", "Fehlgeschlagen")
        .await?;
    app.wait_idle().await?;
    app.screenshot("permissions-de").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn d_state_survives_closing_the_window() -> Result<()> {
    let app = App::launch("d-restart").await?;
    app.click("lang-de").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-mailboxes").await?;
    app.wait_idle().await?;
    let home = app.close().await?;

    // Opened again on the same folders: same step, same language, the demo running again.
    let mut app = App::launch_in("d-restart", home).await?;
    app.wait_visible("step-mailboxes").await?;
    app.wait_text("step-mailboxes", "Postfächer").await?;
    app.wait_visible("demo-banner").await?;
    app.click("mailboxes-check").await?;
    app.wait_idle().await?;
    let support = format!("[data-testid=\"mailbox-item\"][data-address=\"support@{DEMO_DOMAIN}\"]");
    app.wait_attr(&support, "data-status", "pass").await?;
    app.screenshot("resumed").await?;
    app.close().await?;
    Ok(())
}
