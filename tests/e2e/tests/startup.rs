//! The start-up marker of the benchmark: with `GRAPHWIZ_READY_FILE` set to an absolute path, the
//! UI, once its first step is interactive, has the app write the wall-clock time (UNIX epoch
//! milliseconds) there.

use graphwiz_e2e::{App, Home, Result};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn u1_ui_ready_writes_the_start_marker() -> Result<()> {
    let home = Home::new()?;
    let marker = home.root().join("run/ready.txt");
    let before = now_ms();
    let marker_s = marker.display().to_string();
    let app = App::launch_with(
        "u1-ready",
        home,
        &[("GRAPHWIZ_READY_FILE", marker_s.as_str())],
    )
    .await?;
    app.wait_text("step-start", "Welcome to graphwiz").await?;
    // The About line: version, commit and build date, as `graphwiz --version` prints them.
    let about = app.el("app-version").await?.text().await?;
    let parts: Vec<&str> = about.split(" · ").collect();
    assert_eq!(parts.len(), 3, "{about}");
    assert!(parts[0].starts_with("graphwiz 0."), "{about}");
    let commit = parts[1].strip_prefix("commit ").ok_or(about.clone())?;
    assert!(
        !commit.is_empty() && commit.chars().all(|c| c.is_ascii_alphanumeric()),
        "{about}"
    );
    let built = parts[2].strip_prefix("built ").ok_or(about.clone())?;
    assert!(built.len() == 10 && built.as_bytes()[4] == b'-', "{about}");
    app.click("lang-de").await?;
    app.wait_text("app-version", "erstellt am").await?;
    app.click("lang-en").await?;
    let started = Instant::now();
    let text = loop {
        if let Ok(t) = std::fs::read_to_string(&marker) {
            if !t.is_empty() {
                break t;
            }
        }
        if started.elapsed() > Duration::from_secs(10) {
            return Err("the start-up marker was not written".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let ms: u128 = text.trim().parse()?;
    assert!(
        ms >= before && ms <= now_ms(),
        "{ms} is not between {before} and now"
    );
    // Called again (as the web view may), it just writes the marker again.
    let again = app.invoke("ui_ready", serde_json::json!({})).await?;
    assert!(again.get("ok").is_some(), "{again}");
    app.close().await?;
    Ok(())
}
