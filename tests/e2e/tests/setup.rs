//! "Create it for me" on the Azure app step and "Fix it" on the permissions step, end to end, in
//! the real app on the demo (whose emulated tenant creates and repairs app registrations for
//! real), in English and German. Run one at a time (`--test-threads=1`): the app is a single
//! instance per D-Bus session.

use graphwiz_e2e::{App, Result};

/// The demo's Azure app step with `scenario`, the create panel open.
async fn create_panel(app: &App, scenario: &str) -> Result<()> {
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    if scenario != "healthy" {
        app.select("demo-scenario", scenario).await?;
        app.wait_idle().await?;
    }
    app.wait_visible("create-app").await?;
    app.click("create-app-open").await?;
    app.wait_visible("create-start").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn s1_the_demo_creates_its_app_registration_and_checks_it() -> Result<()> {
    let mut app = App::launch("s1-create-app").await?;
    create_panel(&app, "healthy").await?;
    let before = app.invoke("get_view", serde_json::json!({})).await?["ok"]["form"]["client_id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    // The mailbox is offered; nothing happens before the admin confirms.
    assert!(app.value("create-mailbox").await?.contains('@'));
    app.click("create-start").await?;
    let ask = app
        .wait_text("create-confirm-text", "Genesys Cloud Email")
        .await?;
    assert!(ask.contains("6 months"), "{ask}");
    app.screenshot("create-confirm").await?;
    app.click("create-confirm-yes").await?;
    // The new app, consented and checked, on the permissions step.
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    for id in [
        "credentials",
        "perm_mail_readwrite",
        "perm_mail_send",
        "perm_user_read",
    ] {
        app.wait_attr(
            &format!("[data-testid=\"check-{id}\"]"),
            "data-status",
            "pass",
        )
        .await?;
    }
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    let after = view["ok"]["form"]["client_id"].as_str().unwrap_or_default();
    assert!(!after.is_empty() && after != before, "{before} → {after}");
    assert_eq!(view["ok"]["app_setup"]["last"]["ok"], true, "{view}");
    app.screenshot("create-done-permissions").await?;
    // The outcome stays on the Azure app step, worded for the app, and again in German.
    app.click("rail-azure-app").await?;
    app.wait_visible("step-azure-app").await?;
    let done = app.wait_text("create-result-check", "is set up").await?;
    assert!(!done.contains("graphwiz setup"), "{done}");
    app.click("lang-de").await?;
    app.wait_text("create-result-check", "ist eingerichtet")
        .await?;
    app.screenshot("create-done-de").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn s2_in_german_a_blocking_policy_stops_before_anything_is_created() -> Result<()> {
    let mut app = App::launch("s2-create-blocked-de").await?;
    app.click("lang-de").await?;
    create_panel(&app, "policy-passwords-blocked").await?;
    app.wait_text("create-start", "App-Registrierung anlegen")
        .await?;
    app.click("create-start").await?;
    app.wait_text("create-confirm-text", "Monate").await?;
    app.click("create-confirm-yes").await?;
    let out = app
        .wait_text("create-result-check", "sperrt neue geheime Clientschlüssel")
        .await?;
    assert!(out.contains("Es wurde nichts angelegt"), "{out}");
    app.wait_idle().await?;
    // Still on the Azure app step, nothing open to resume.
    app.wait_visible("step-azure-app").await?;
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert!(view["ok"]["app_setup"]["open"].is_null(), "{view}");
    app.screenshot("create-blocked-de").await?;
    app.close().await?;
    Ok(())
}

/// The demo with `scenario`, confirmed, on the permissions step with its checks.
async fn permissions(app: &App, scenario: &str) -> Result<()> {
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.select("demo-scenario", scenario).await?;
    app.wait_idle().await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn s3_fix_it_shows_the_plan_and_repairs_after_a_yes() -> Result<()> {
    let mut app = App::launch("s3-fix").await?;
    permissions(&app, "user-read-as-application").await?;
    app.wait_attr(
        "[data-testid=\"check-registration\"]",
        "data-status",
        "fail",
    )
    .await?;
    app.wait_visible("perm-fix").await?;
    app.click("perm-fix").await?;
    let plan = app.wait_text("fix-plan-list", "User.Read").await?;
    assert!(plan.contains("Delegated"), "{plan}");
    app.screenshot("fix-plan").await?;
    // Cancel changes nothing: the failure is still there and Fix it still offered.
    app.click("fix-cancel").await?;
    app.wait_idle().await?;
    app.wait_attr(
        "[data-testid=\"check-registration\"]",
        "data-status",
        "fail",
    )
    .await?;
    app.click("perm-fix").await?;
    app.wait_text("fix-plan-list", "User.Read").await?;
    app.click("fix-apply").await?;
    app.wait_text("fix-note", "repaired").await?;
    app.wait_idle().await?;
    for id in ["registration", "perm_user_read"] {
        app.wait_attr(
            &format!("[data-testid=\"check-{id}\"]"),
            "data-status",
            "pass",
        )
        .await?;
    }
    app.screenshot("fix-done").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn s4_fix_it_in_german() -> Result<()> {
    let mut app = App::launch("s4-fix-de").await?;
    app.click("lang-de").await?;
    permissions(&app, "mail-send-delegated").await?;
    app.wait_text("perm-fix", "Beheben").await?;
    app.click("perm-fix").await?;
    let plan = app.wait_text("fix-plan-list", "Mail.Send").await?;
    assert!(plan.contains("Anwendung"), "{plan}");
    app.wait_text("fix-plan", "graphwiz ändert die App-Registrierung")
        .await?;
    app.click("fix-apply").await?;
    app.wait_text("fix-note", "behoben").await?;
    app.wait_idle().await?;
    app.wait_attr(
        "[data-testid=\"check-perm_mail_send\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.screenshot("fix-done-de").await?;
    app.close().await?;
    Ok(())
}
