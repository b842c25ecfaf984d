//! The wizard tells the truth, in the real app: each step in the side rail shows the core's
//! verdict (never a green tick over a failure or over a test that never ran), the summary names
//! every failed check with a way to its step, and the live test's pills say how each phase came
//! out. Run one at a time (`--test-threads=1`).

use graphwiz_e2e::{App, Result};

async fn rail_status(app: &App, step: &str) -> Result<String> {
    let el = app
        .wait_selector(&format!(".steps li[data-step=\"{step}\"]"))
        .await?;
    Ok(el.attr("data-status").await?.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_expired_secret_is_red_in_the_rail_and_named_in_the_summary() -> Result<()> {
    let mut app = App::launch("h-expired").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.select("demo-scenario", "expired-secret").await?;
    app.wait_text("demo-scenario-desc", "expired").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.wait_attr("[data-testid=\"check-credentials\"]", "data-status", "fail")
        .await?;

    // The steps the failure is on are red; nothing after it is green.
    app.wait_attr(
        ".steps li[data-step=\"permissions\"]",
        "data-status",
        "failed",
    )
    .await?;
    app.wait_attr(
        ".steps li[data-step=\"azure-app\"]",
        "data-status",
        "failed",
    )
    .await?;
    for step in ["mailboxes", "live-test", "secret-expiry", "summary"] {
        let s = rail_status(&app, step).await?;
        assert_ne!(s, "passed", "{step} is green over an expired secret");
    }
    assert_eq!(rail_status(&app, "live-test").await?, "not_run");
    let label = app
        .el("rail-permissions")
        .await?
        .attr("aria-label")
        .await?
        .unwrap_or_default();
    assert!(
        label.contains("failed"),
        "the rail says it in words: {label}"
    );
    app.screenshot("rail-expired").await?;

    // The summary names the failed check and leads to its step.
    for _ in 0..8 {
        if app.el("step-summary").await?.is_displayed().await? {
            break;
        }
        app.click("wizard-next").await?;
        app.wait_idle().await?;
    }
    app.wait_visible("step-summary").await?;
    app.wait_visible("summary-problems-box").await?;
    app.wait_selector_text(
        "[data-testid=\"summary-problem\"][data-check=\"credentials\"]",
        "Client ID and secret",
    )
    .await?;
    app.screenshot("summary-problems").await?;
    app.click_selector(
        "[data-testid=\"summary-problem\"][data-check=\"credentials\"] [data-testid=\"summary-problem-go\"]",
    )
    .await?;
    app.wait_visible("step-permissions").await?;

    // German: the same verdicts, in German words.
    app.click("lang-de").await?;
    app.wait_text("rail-permissions", "Berechtigungen").await?;
    let label = app
        .el("rail-permissions")
        .await?
        .attr("aria-label")
        .await?
        .unwrap_or_default();
    assert!(label.contains("fehlgeschlagen"), "{label}");
    app.close().await?;
    Ok(())
}
