//! The secret rotation from the Secret expiry step, end to end, in the real app on the demo: the
//! demo organization's integration judges its credential with the Entra emulator's secrets, so
//! the restart proves the new secret; the step shows each step's progress, the success text and
//! the new expiry date. Run one at a time (`--test-threads=1`): the app is a single instance per
//! D-Bus session.

use graphwiz_e2e::{App, Result};

/// Demo → … → the Genesys Cloud step, saved and checked, then the Secret expiry step.
async fn to_expiry_with_genesys(app: &App) -> Result<()> {
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
    app.click("genesys-save").await?;
    app.wait_attr(
        "[data-testid=\"check-genesys_integration\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_idle().await?;
    app.click("rail-secret-expiry").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.wait_idle().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn r1_rotate_from_the_expiry_step_shows_success_and_the_new_date() -> Result<()> {
    let mut app = App::launch("r1-rotate").await?;
    to_expiry_with_genesys(&app).await?;
    app.wait_visible("rotate-card").await?;
    assert_eq!(app.value("rotate-months").await?, "6");
    app.type_into("rotate-months", "12").await?;
    app.click("rotate-start").await?;
    let result = app.wait_text("rotate-result-check", "was rotated").await?;
    app.wait_idle().await?;
    assert!(
        result.contains("works in Azure and in Genesys Cloud"),
        "{result}"
    );
    // "… valid until YYYY-MM-DD" — the same day is now on the step.
    let end = result
        .split("valid until ")
        .nth(1)
        .and_then(|t| t.get(..10))
        .ok_or("no end date in the result")?
        .to_string();
    let year = &end[..4];
    let date = app.wait_text("expiry-date", year).await?;
    assert!(!date.contains("unknown"), "{date}");
    // Every step was shown while it ran.
    let steps = app.el("rotate-progress").await?.text().await?;
    for want in ["Adding the new client secret", "Removing the old secret"] {
        assert!(steps.contains(want), "{want} in {steps}");
    }
    app.wait_text("expiry-days", "days").await?;
    app.screenshot("rotate-done").await?;
    // Nothing is left open, and German words the result again.
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    let value = view["ok"].clone();
    assert!(value["rotation"]["open"].is_null(), "{value}");
    app.click("lang-de").await?;
    app.wait_text("rotate-result-check", "wurde gewechselt")
        .await?;
    app.screenshot("rotate-done-de").await?;
    app.close().await?;
    Ok(())
}

/// Without a Genesys part the admin pastes the new secret: it goes to the clipboard from Rust
/// (never into the page), the page says where to paste it and the rotation waits for "Done".
#[tokio::test(flavor = "multi_thread")]
async fn r2_without_genesys_the_secret_is_pasted_from_the_clipboard() -> Result<()> {
    let mut app = App::launch("r2-rotate-paste").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    for step in [
        "step-permissions",
        "step-mailboxes",
        "step-live-test",
        "step-secret-expiry",
    ] {
        app.wait_idle().await?;
        app.click("wizard-next").await?;
        app.wait_visible(step).await?;
    }
    app.wait_idle().await?;
    app.wait_text("rotate-lead", "you paste it").await?;
    app.click("rotate-start").await?;
    app.wait_visible("rotate-paste").await?;
    app.wait_text(
        "rotate-paste",
        "Admin → Integrations → Integrations → the Microsoft Graph integration → Configuration → Credentials",
    )
    .await?;
    app.screenshot("rotate-paste").await?;
    // The page never holds the value, and cannot read the clipboard either.
    let read = app
        .invoke("plugin:clipboard-manager|read_text", serde_json::json!({}))
        .await?;
    assert!(
        read.get("ok").is_none(),
        "the web view read the clipboard: {read}"
    );
    app.click("rotate-paste-done").await?;
    app.wait_text("rotate-result-check", "was rotated").await?;
    app.wait_idle().await?;
    app.close().await?;
    Ok(())
}
