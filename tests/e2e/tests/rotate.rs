//! The secret rotation from the Secret expiry step, end to end, in the real app on the demo: the
//! demo organization's integration judges its credential with the Entra emulator's secrets, so
//! the restart proves the new secret; the step shows each step's progress, the success text and
//! the new expiry date; start and roll back ask first, and Cancel changes nothing. Run one at a time (`--test-threads=1`): the app is a single instance per
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
    // The first click only asks: what happens, and how long Genesys Cloud fetches no mail.
    app.click("rotate-start").await?;
    let ask = app
        .wait_text("rotate-confirm", "Rotate the client secret now?")
        .await?;
    for want in [
        "valid for 12 months",
        "fetches no mail for about 30 s",
        "removes the old secret",
    ] {
        assert!(ask.contains(want), "{want} in {ask}");
    }
    app.screenshot("rotate-confirm").await?;
    // Cancel: nothing ran, nothing is open.
    app.click("rotate-confirm-no").await?;
    assert!(!app.el("rotate-confirm").await?.is_displayed().await?);
    assert!(!app.el("rotate-progress").await?.is_displayed().await?);
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert!(view["ok"]["rotation"]["last"].is_null(), "{view}");
    assert!(view["ok"]["rotation"]["open"].is_null(), "{view}");
    // Yes rotates.
    app.click("rotate-start").await?;
    app.click("rotate-confirm-yes").await?;
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
    app.wait_text(
        "rotate-confirm",
        "you paste it into the Genesys Cloud integration",
    )
    .await?;
    app.click("rotate-confirm-yes").await?;
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

/// Roll back asks first too, in German: Cancel keeps the rotation open, yes undoes it. Genesys
/// Cloud refuses the new credential (`credential-forbidden`), so the rotation stops open before
/// Genesys Cloud got the new secret, and the question says Genesys Cloud is not touched.
#[tokio::test(flavor = "multi_thread")]
async fn r3_roll_back_asks_first_in_german() -> Result<()> {
    let mut app = App::launch("r3-rotate-rollback").await?;
    to_expiry_with_genesys(&app).await?;
    app.click("rail-genesys").await?;
    app.wait_visible("step-genesys").await?;
    app.select("demo-genesys-scenario", "credential-forbidden")
        .await?;
    app.wait_idle().await?;
    app.click("rail-secret-expiry").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.click("lang-de").await?;
    app.click("rotate-start").await?;
    app.wait_text(
        "rotate-confirm",
        "Den geheimen Clientschlüssel jetzt wechseln?",
    )
    .await?;
    app.wait_text("rotate-confirm", "etwa 30 s lang keine Mails ab")
        .await?;
    app.click("rotate-confirm-yes").await?;
    app.wait_visible("rotate-open").await?;
    app.wait_idle().await?;
    app.click("rotate-rollback").await?;
    app.wait_text("rotate-confirm", "Die Rotation rückgängig machen?")
        .await?;
    app.wait_text("rotate-confirm", "wird nicht angefasst")
        .await?;
    app.wait_text("rotate-confirm-yes", "Jetzt rückgängig machen")
        .await?;
    app.screenshot("rotate-rollback-confirm-de").await?;
    // Cancel: the rotation stays open where it stopped.
    app.click("rotate-confirm-no").await?;
    assert!(!app.el("rotate-confirm").await?.is_displayed().await?);
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert_eq!(view["ok"]["rotation"]["open"]["stage"], "proven", "{view}");
    assert_eq!(view["ok"]["rotation"]["open"]["rollback_genesys"], "none");
    assert!(app.el("rotate-open").await?.is_displayed().await?);
    // Yes rolls it back.
    app.click("rotate-rollback").await?;
    app.click("rotate-confirm-yes").await?;
    app.wait_text("rotate-result-check", "wurde zurückgenommen")
        .await?;
    app.wait_idle().await?;
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert!(view["ok"]["rotation"]["open"].is_null(), "{view}");
    app.close().await?;
    Ok(())
}
