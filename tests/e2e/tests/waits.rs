//! Long waits, end to end, in the real app on the demo: the live test on a mail that never
//! arrives (`mail-lost`) says its limit while it waits ("of up to 120 s", beside the busy bar's
//! Cancel), keeps its progress in view clear of the sticky step navigation in a small window,
//! and Cancel ends the wait within seconds, deletes what it sent and says it was cancelled (in
//! German too). Run one at a time (`--test-threads=1`): the app is a single instance per D-Bus
//! session.

use graphwiz_e2e::{App, Result};
use std::time::{Duration, Instant};

/// Where the live test's phases, the busy bar and the step navigation are.
const GEOMETRY: &str = r##"
const nav = document.querySelector('[data-testid="wizard-nav"]');
const navTop = nav && !nav.hidden ? nav.getBoundingClientRect().top : window.innerHeight;
const r = (id) => document.querySelector('[data-testid="' + id + '"]').getBoundingClientRect();
const p = r("live-phases");
const b = r("busy");
const c = r("busy-cancel");
return {
  phasesTop: p.top, phasesBottom: p.bottom, navTop,
  busyTop: b.top, cancelTop: c.top, cancelBottom: c.bottom, cancelWidth: c.width,
  vh: window.innerHeight,
};
"##;

#[tokio::test(flavor = "multi_thread")]
async fn w1_the_live_tests_wait_shows_its_limit_and_cancel_ends_it() -> Result<()> {
    let mut app = App::launch("w1-live-cancel").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.wait_idle().await?;
    app.select("demo-scenario", "mail-lost").await?;
    app.wait_idle().await?;
    for step in ["step-permissions", "step-mailboxes", "step-live-test"] {
        app.wait_idle().await?;
        app.click("wizard-next").await?;
        app.wait_visible(step).await?;
    }
    app.wait_idle().await?;
    // A small window: the phases would sit under the sticky step navigation.
    app.client.set_window_size(800, 560).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.click("live-run").await?;
    app.wait_text("busy-text", "of up to 120 s").await?;
    app.wait_text("live-progress", "of up to 120 s").await?;
    let g = app.client.execute(GEOMETRY, vec![]).await?;
    let num = |k: &str| g[k].as_f64().unwrap_or(f64::NAN);
    assert!(
        num("phasesTop") >= 0.0 && num("phasesBottom") <= num("navTop") + 0.5,
        "the progress is not in view: {g}"
    );
    assert!(
        num("cancelWidth") > 0.0 && num("cancelTop") >= 0.0 && num("cancelBottom") <= num("vh"),
        "Cancel is not on screen: {g}"
    );
    app.screenshot("live-waiting-with-limit").await?;

    // Cancel: the wait ends within seconds, the test mail is deleted, the result says so.
    let pressed = Instant::now();
    app.click("busy-cancel").await?;
    app.wait_text("live-checks", "You cancelled the wait for the test mail")
        .await?;
    app.wait_idle().await?;
    assert!(
        pressed.elapsed() < Duration::from_secs(5),
        "the wait went on for {:?} after Cancel",
        pressed.elapsed()
    );
    app.wait_text("live-checks", "it waits up to 120 s").await?;
    app.wait_attr(
        "[data-testid=\"live-check-cleanup\"]",
        "data-status",
        "pass",
    )
    .await?;
    app.wait_attr("[data-phase=\"waiting\"]", "data-status", "warn")
        .await?;
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert_eq!(view["ok"]["live"]["ok"], false, "a cancelled test passed");
    app.screenshot("live-cancelled").await?;

    // German: the stored result worded again.
    app.click("lang-de").await?;
    app.wait_text("live-checks", "Sie haben das Warten auf die Testmail")
        .await?;
    app.wait_text("live-checks", "abgebrochen").await?;
    app.screenshot("live-cancelled-de").await?;
    app.close().await?;
    Ok(())
}
