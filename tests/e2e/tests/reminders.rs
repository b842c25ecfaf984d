//! Desktop reminders of secret expiry, end to end on Linux, each on a D-Bus session bus of its
//! own ([`PrivateBus`], no service activation):
//!
//! * with a notification server (dunst) and `dbus-monitor` on the bus, the app started hidden (as
//!   at login) sends a real `Notify` naming the profile's tenant and the days left; started again,
//!   it sends nothing (its store remembers the reminder);
//! * with no notification server, the reminder appears as a banner in the app's window (seen
//!   through WebDriver), and its button opens the profile's Secret expiry step.
//!
//! The profile is written straight into `profiles.json` (no keychain entry is needed for a
//! reminder); the app runs with `TZ=UTC` so the days left are exact.

use graphwiz_e2e::{noon_in_days, write_profile, App, Home, PrivateBus, Result};
use std::time::Duration;

const TENANT: &str = "contoso-reminder.onmicrosoft.com";
const PROFILE: &str = "Genesys Cloud Email";

/// The `Notify` method calls in dbus-monitor's output, each as its text block.
fn notify_calls(monitor: &str) -> Vec<String> {
    let mut calls = Vec::new();
    let mut current: Option<String> = None;
    for line in monitor.lines() {
        let starts_message = line.starts_with("method call")
            || line.starts_with("method return")
            || line.starts_with("signal")
            || line.starts_with("error");
        if starts_message {
            if let Some(c) = current.take() {
                calls.push(c);
            }
            if line.starts_with("method call") && line.contains("member=Notify") {
                current = Some(format!("{line}\n"));
            }
        } else if let Some(c) = current.as_mut() {
            c.push_str(line);
            c.push('\n');
        }
    }
    calls.extend(current);
    calls
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn r1_reminder_is_a_real_notification_on_the_session_bus_once() -> Result<()> {
    if std::env::var_os("DISPLAY").is_none() {
        return Err("DISPLAY is not set: dunst and the app need an X server (Xvfb)".into());
    }
    let home = Home::new()?;
    write_profile(&home, PROFILE, TENANT, &noon_in_days(7))?;
    let mut bus = PrivateBus::start()?;
    let run = home.root().join("run");
    bus.spawn("dunst", &[], &run.join("dunst.log"))?;
    bus.wait_name("org.freedesktop.Notifications", Duration::from_secs(10))
        .await
        .map_err(|e| format!("{e} (is dunst installed?)"))?;
    let monitor_log = run.join("monitor.log");
    bus.spawn(
        "dbus-monitor",
        &[
            "--session",
            "interface='org.freedesktop.Notifications',member='Notify'",
        ],
        &monitor_log,
    )?;
    // dbus-monitor prints its own connection first; then it listens.
    let started = std::time::Instant::now();
    while read(&monitor_log).is_empty() && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let env = [
        ("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str()),
        ("TZ", "UTC"),
    ];

    // First start, hidden in the tray as at login: one notification.
    let mut app = home.direct("app-1", &["--hidden"], &env)?;
    app.wait_log("reminders checked:", 1, Duration::from_secs(30))
        .await?;
    let started = std::time::Instant::now();
    let calls = loop {
        let calls: Vec<String> = notify_calls(&read(&monitor_log))
            .into_iter()
            .filter(|c| c.contains(TENANT))
            .collect();
        if !calls.is_empty() || started.elapsed() > Duration::from_secs(10) {
            break calls;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let log = read(&app.log);
    assert_eq!(
        calls.len(),
        1,
        "one Notify naming the tenant; monitor:\n{}\napp:\n{log}",
        read(&monitor_log)
    );
    let call = &calls[0];
    assert!(
        call.contains("Client secret expires in 7 days"),
        "the days left: {call}"
    );
    assert!(
        call.contains(&format!("{TENANT} ({PROFILE})")),
        "tenant and app: {call}"
    );
    assert!(
        call.contains("string \"default\""),
        "a click opens the expiry step: {call}"
    );
    assert!(log.contains("via Notification"), "{log}");
    let store = read(&home.graphwiz_home().join("reminders.json"));
    assert!(
        store.contains("\"days\": 7") || store.contains("\"days\":7"),
        "{store}"
    );
    app.stop();

    // Started again: the store remembers the reminder, nothing is sent.
    let app2 = home.direct("app-2", &["--hidden"], &env)?;
    app2.wait_log("reminders checked:", 1, Duration::from_secs(30))
        .await?;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let again = notify_calls(&read(&monitor_log))
        .into_iter()
        .filter(|c| c.contains(TENANT))
        .count();
    assert_eq!(again, 1, "the reminder was sent a second time");
    let log2 = read(&app2.log);
    assert!(log2.contains("0 delivered"), "{log2}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn r2_without_a_notification_server_the_window_shows_the_reminder() -> Result<()> {
    let home = Home::new()?;
    write_profile(&home, PROFILE, TENANT, &noon_in_days(3))?;
    let bus = PrivateBus::start()?;
    let env = [
        ("DBUS_SESSION_BUS_ADDRESS", bus.address.as_str()),
        ("TZ", "UTC"),
    ];
    let mut app = App::launch_with("r2-no-server", home, &env).await?;
    let banner = app
        .wait_text("reminder-banner", "Client secret expires in 3 days")
        .await?;
    assert!(banner.contains(TENANT), "{banner}");
    assert!(banner.contains(PROFILE), "{banner}");
    assert!(
        banner.contains("No desktop notification service answered"),
        "{banner}"
    );
    app.wait_attr("[data-testid=\"reminder-banner\"]", "data-via", "window")
        .await?;
    app.screenshot("banner").await?;
    let log = read(&app.home.root().join("run/driver.log"));
    assert!(
        !log.contains("via Notification"),
        "no server, yet a notification was sent:\n{log}"
    );

    // The banner's button opens the profile on its Secret expiry step.
    app.click("reminder-open").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.wait_text("expiry-days", "3 days").await?;
    app.screenshot("expiry-step").await?;

    // Start at login: off by default; on writes the autostart entry (started hidden), off
    // removes it.
    let entry = app
        .home
        .home_dir()
        .join(".config/autostart/graphwiz.desktop");
    app.wait_attr("[data-testid=\"reminders-desktop\"]", "type", "checkbox")
        .await?;
    assert_eq!(
        app.el("start-at-login")
            .await?
            .prop("checked")
            .await?
            .as_deref(),
        Some("false")
    );
    assert!(!entry.exists());
    app.click("start-at-login").await?;
    let started = std::time::Instant::now();
    while !entry.exists() && started.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let desktop_entry = read(&entry);
    assert!(desktop_entry.contains("--autostart"), "{desktop_entry}");
    app.click("start-at-login").await?;
    let started = std::time::Instant::now();
    while entry.exists() && started.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!entry.exists(), "start at login was not turned off");
    app.close().await?;
    Ok(())
}
