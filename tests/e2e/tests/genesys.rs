//! The Genesys Cloud step, end to end, in the real app on the demo: the step pre-filled with the
//! demo organization (its own emulator next to the Entra one), saved and checked; the Genesys
//! scenario picker showing a failing integration; the results re-worded when the language
//! changes; the integration restarted with its progress and success text, after a confirmation
//! (as is removing the settings) that Cancel leaves without a change. Run one at a time
//! (`--test-threads=1`): the app is a single instance per D-Bus session.

use graphwiz_e2e::{App, Result};

/// The demo organization's OAuth client secret (emulator): never in the web view or a file.
const DEMO_GENESYS_SECRET: &str = "Zq3vM8kT1pX6rW9nB2yL5cH7fJ0dS4gAeU3iO6tQ1wE";

async fn status_of(app: &App, id: &str) -> Result<String> {
    Ok(app
        .el(&format!("check-{id}"))
        .await?
        .attr("data-status")
        .await?
        .unwrap_or_default())
}

/// Demo → Azure app → … → the Genesys Cloud step (every Azure step once, as an admin would).
async fn to_genesys_step(app: &App) -> Result<()> {
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    for step in [
        "step-permissions",
        "step-mailboxes",
        "step-live-test",
        "step-secret-expiry",
        "step-genesys",
    ] {
        app.wait_idle().await?;
        app.click("wizard-next").await?;
        app.wait_visible(step).await?;
    }
    app.wait_idle().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_genesys_step_checks_the_demo_organization_and_its_scenarios() -> Result<()> {
    let mut app = App::launch("g-genesys").await?;
    to_genesys_step(&app).await?;
    app.wait_text("genesys-optional", "Optional").await?;
    app.wait_visible("demo-genesys-pick").await?;
    // Pre-filled: region eu_central_1 (mypurecloud.de), the demo's OAuth client; the secret is
    // held by the core, never sent to the web view.
    assert_eq!(app.value("genesys-region").await?, "eu_central_1");
    app.wait_text("genesys-region", "mypurecloud.de — EMEA (Frankfurt)")
        .await?;
    assert!(!app.value("genesys-client-id").await?.is_empty());
    assert_eq!(app.value("genesys-secret").await?, "");
    app.wait_text("genesys-secret-stored", "held in memory")
        .await?;
    app.screenshot("genesys-step").await?;

    // A refused Client ID: the core's message, with where to find it.
    let client_id = app.value("genesys-client-id").await?;
    app.type_into("genesys-client-id", "not-a-guid").await?;
    app.click("genesys-save").await?;
    app.wait_text(
        "problems-genesys_client_id",
        "Admin → Integrations → OAuth → the client → Client Details",
    )
    .await?;
    app.type_into("genesys-client-id", &client_id).await?;

    // Saved and checked: the Genesys checks pass on the healthy organization.
    app.click("genesys-save").await?;
    app.wait_attr(
        "[data-testid=\"check-genesys_login\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_idle().await?;
    assert_eq!(status_of(&app, "genesys_login").await?, "pass");
    assert_eq!(status_of(&app, "genesys_integration").await?, "pass");
    app.wait_text("genesys-summary", "0 failed").await?;
    app.wait_text("check-genesys_integration", "is active in Genesys Cloud")
        .await?;
    app.screenshot("genesys-healthy").await?;

    // Another Genesys scenario: the integration reports an error.
    app.select("demo-genesys-scenario", "integration-error")
        .await?;
    app.wait_attr(
        "[data-testid=\"check-genesys_integration\"]",
        "data-status",
        "fail",
    )
    .await?;
    app.wait_idle().await?;
    app.wait_visible("genesys-restart-suggested").await?;
    app.wait_text("check-genesys_integration", "reports ERROR")
        .await?;
    app.screenshot("genesys-integration-error").await?;

    // German: the stored result is worded again without a new run.
    app.click("lang-de").await?;
    app.wait_text(
        "check-genesys_integration",
        "meldet in Genesys Cloud FEHLER",
    )
    .await?;
    app.wait_text("step-genesys", "Genesys Cloud").await?;
    app.wait_text("genesys-form", "Client-ID").await?;
    // The fix names the app's button, not the command line.
    let fix = app
        .wait_text(
            "check-genesys_integration",
            "klicken Sie danach auf „Integration neu starten“ im Schritt „Genesys Cloud“",
        )
        .await?;
    assert!(!fix.contains("graphwiz genesys"), "{fix}");
    app.screenshot("genesys-integration-error-de").await?;

    // Nothing of the OAuth client's secret reached the web view's state or files.
    let state = std::fs::read_to_string(app.home.graphwiz_home().join("wizard.json"))?;
    assert!(
        !state.contains(DEMO_GENESYS_SECRET),
        "the Genesys secret is in wizard.json"
    );
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert!(!view.to_string().contains(DEMO_GENESYS_SECRET));
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn b_restart_disables_and_enables_the_integration() -> Result<()> {
    let mut app = App::launch("g-restart").await?;
    to_genesys_step(&app).await?;
    app.click("genesys-save").await?;
    app.wait_attr(
        "[data-testid=\"check-genesys_integration\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_idle().await?;
    // The first click only asks: what happens and how long mail stops (the typical time, as
    // no restart was measured yet).
    app.click("genesys-restart").await?;
    let ask = app
        .wait_text("genesys-restart-confirm", "fetches no mail, for about 30 s")
        .await?;
    assert!(ask.contains("typical time"), "{ask}");
    app.wait_text("genesys-restart-confirm-yes", "Restart now")
        .await?;
    assert!(!app.el("genesys-restart").await?.is_enabled().await?);
    app.screenshot("genesys-restart-confirm").await?;
    // Cancel changes nothing: no restart ran, the question is gone.
    app.click("genesys-restart-confirm-no").await?;
    assert!(
        !app.el("genesys-restart-confirm")
            .await?
            .is_displayed()
            .await?
    );
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert!(view["ok"]["genesys"]["restart"].is_null(), "{view}");
    assert!(app.el("genesys-restart-check").await.is_err());
    // Yes restarts.
    app.click("genesys-restart").await?;
    app.click("genesys-restart-confirm-yes").await?;
    app.wait_text(
        "genesys-restart-result",
        "was disabled and enabled again and is active",
    )
    .await?;
    app.wait_idle().await?;
    app.wait_attr(
        "[data-testid=\"genesys-restart-check\"]",
        "data-status",
        "pass",
    )
    .await?;
    assert_eq!(status_of(&app, "genesys_integration").await?, "pass");
    app.screenshot("genesys-restarted").await?;
    // The next question says the time the core measured for this restart.
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    let secs = view["ok"]["genesys"]["restart_off_secs"]
        .as_u64()
        .ok_or("no restart_off_secs")?;
    assert_eq!(view["ok"]["genesys"]["restart_off_measured"], true);
    app.click("genesys-restart").await?;
    app.wait_text(
        "genesys-restart-confirm",
        &format!("for about {secs} s; mail that arrives"),
    )
    .await?;
    app.wait_text("genesys-restart-confirm", "the last restart took")
        .await?;
    app.click("genesys-restart-confirm-no").await?;

    // German: removing the settings asks first too; Cancel keeps them, yes removes them.
    app.click("lang-de").await?;
    app.click("genesys-remove").await?;
    app.wait_text(
        "genesys-remove-confirm",
        "Die Genesys-Cloud-Einstellungen entfernen?",
    )
    .await?;
    app.wait_text(
        "genesys-remove-confirm",
        "bleibt unverändert und holt weiter Mails ab",
    )
    .await?;
    app.wait_text("genesys-remove-confirm-yes", "Einstellungen entfernen")
        .await?;
    app.screenshot("genesys-remove-confirm-de").await?;
    app.click("genesys-remove-confirm-no").await?;
    assert!(
        !app.el("genesys-remove-confirm")
            .await?
            .is_displayed()
            .await?
    );
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert_eq!(view["ok"]["genesys"]["configured"], true, "{view}");
    // In German the restart's question too.
    app.click("genesys-restart").await?;
    app.wait_text(
        "genesys-restart-confirm",
        "holt Genesys Cloud keine Mails ab, etwa",
    )
    .await?;
    app.click("genesys-restart-confirm-no").await?;
    app.click("genesys-remove").await?;
    app.click("genesys-remove-confirm-yes").await?;
    app.wait_idle().await?;
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert_eq!(view["ok"]["genesys"]["configured"], false, "{view}");
    assert!(!app.el("genesys-remove").await?.is_displayed().await?);
    app.click("lang-en").await?;
    // Skipped on to the summary: the step stays optional.
    app.click("wizard-next").await?;
    app.wait_visible("step-summary").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn c_the_pickup_test_shows_genesys_fetching_the_mail() -> Result<()> {
    let mut app = App::launch("g-pickup").await?;
    to_genesys_step(&app).await?;
    app.click("genesys-save").await?;
    app.wait_attr(
        "[data-testid=\"check-genesys_integration\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_idle().await?;
    // Back on the live-test step: the pickup test, with its warning first.
    app.click("rail-live-test").await?;
    app.wait_visible("step-live-test").await?;
    app.click("live-mode-pickup").await?;
    app.wait_visible("pickup-phases").await?;
    app.wait_visible("pickup-from-field").await?;
    app.wait_text("live-run", "Run pickup test").await?;
    app.click("live-run").await?;
    app.wait_text("pickup-confirm", "real interaction in Genesys Cloud")
        .await?;
    app.screenshot("pickup-confirm").await?;
    // Cancelled: nothing runs.
    app.click("pickup-confirm-no").await?;
    assert!(!app.el("pickup-confirm").await?.is_displayed().await?);
    app.click("live-run").await?;
    app.click("pickup-confirm-yes").await?;
    // While the demo's Genesys Cloud takes its 2 s to fetch the mail: sent and arrived are done.
    app.wait_attr("[data-testid=\"pickup-phase-fetched\"]", "class", "active")
        .await?;
    assert_eq!(
        app.el("pickup-phase-arrived")
            .await?
            .attr("class")
            .await?
            .as_deref(),
        Some("done")
    );
    app.wait_text("live-latency", "Genesys Cloud fetched the test mail")
        .await?;
    app.wait_idle().await?;
    for phase in ["sent", "arrived", "fetched", "interaction"] {
        app.wait_attr(
            &format!("[data-testid=\"pickup-phase-{phase}\"]"),
            "class",
            "phase-pass",
        )
        .await?;
    }
    for id in [
        "send",
        "receive",
        "pickup",
        "genesys_interaction",
        "cleanup",
    ] {
        let status = app
            .el(&format!("live-check-{id}"))
            .await?
            .attr("data-status")
            .await?;
        assert_eq!(status.as_deref(), Some("pass"), "{id}");
    }
    let latency = app.el("live-latency").await?.text().await?;
    assert!(latency.contains(" ms after it arrived"), "{latency}");
    app.screenshot("pickup-passed").await?;

    // German: the result worded again.
    app.click("lang-de").await?;
    app.wait_text("live-latency", "nach ihrer Ankunft abgeholt")
        .await?;
    app.wait_text("pickup-phases", "Interaktion gefunden")
        .await?;
    app.screenshot("pickup-passed-de").await?;

    // "Send from" the mailbox itself is refused by the core.
    app.click("lang-en").await?;
    let mailbox = app.value("live-sender").await?;
    app.type_into("pickup-from", &mailbox).await?;
    app.click("live-run").await?;
    app.click("pickup-confirm-yes").await?;
    app.wait_text("error-banner", "must be another mailbox")
        .await?;
    app.close().await?;
    Ok(())
}
