//! Desktop reminders of client-secret expiry: the shell's half. The core decides
//! ([`graphwiz_core::reminders::plan`] over `Utc::now()` and the local time zone); this module
//! only runs the checks, delivers and remembers.
//!
//! * When: once at start, then whenever 24 hours have passed or the local day changed (looked at
//!   every 15 minutes, so a suspended laptop catches up on waking), and right after anything
//!   that changes an expiry or the settings (the commands call [`kick`]), or "Check now" in the
//!   tray.
//! * Delivery: a desktop notification through tauri-plugin-notification. On Linux the plugin
//!   sends `Notify` over D-Bus and ignores the answer, so first the session bus is asked whether a
//!   notification server is there ([`notification_server`]: `GetServerInformation` and
//!   `GetCapabilities` on `org.freedesktop.Notifications`, 5 s timeout). With none, the reminder
//!   becomes a banner in the app's window and the window is shown. Elsewhere the platform's
//!   notification centre is always there.
//! * Clicking a notification opens the profile's Secret expiry step: the plugin reports the click
//!   (`tap`) on Linux when the server supports actions (GNOME, KDE, dunst, …), and on Windows and
//!   macOS while the notification is on screen (not from the Action Center). On Linux a server
//!   without the `actions` capability can't report clicks: the reminder is then also kept as a
//!   banner, whose button opens the step.
//! * Memory: the app's store (tauri-plugin-store, [`reminders::STORE_FILE`] in the data folder)
//!   keeps one entry per sent reminder (key [`reminders::store_key`] of the core's `ReminderKey`)
//!   and the banners; nothing in it is secret.

use crate::window::show_main;
use chrono::{DateTime, Local, Utc};
use graphwiz_core::desktop::{Desktop, DesktopError};
use graphwiz_core::reminders::{self, Banner, BannerView, Delivery, SentRecord};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_notification::NotificationExt;
use tauri_plugin_store::StoreExt;

/// Event the UI listens to: the banners changed.
pub const EVENT_REMINDERS: &str = "reminders-changed";
/// Event the UI listens to: the shell changed the wizard's view (a reminder was clicked).
pub const EVENT_VIEW: &str = "view-changed";
/// How often the scheduler looks at the clock.
const TICK: Duration = Duration::from_secs(15 * 60);
/// At most this long between two checks.
const EVERY: chrono::Duration = chrono::Duration::hours(24);

/// The scheduler's state, managed by Tauri.
pub struct Scheduler {
    kick: tokio::sync::Notify,
    /// One check at a time.
    running: tokio::sync::Mutex<()>,
    last: Mutex<Option<DateTime<Local>>>,
    store_path: PathBuf,
}

impl Scheduler {
    /// A scheduler whose store lives in `data_dir` (the folder of `profiles.json`).
    pub fn new(data_dir: PathBuf) -> Self {
        Scheduler {
            kick: tokio::sync::Notify::new(),
            running: tokio::sync::Mutex::new(()),
            last: Mutex::new(None),
            store_path: data_dir.join(reminders::STORE_FILE),
        }
    }

    fn due_by_clock(&self, now: DateTime<Local>) -> bool {
        let last = *self.last.lock().unwrap_or_else(|p| p.into_inner());
        match last {
            None => true,
            Some(l) => now - l >= EVERY || now.date_naive() != l.date_naive(),
        }
    }
}

/// Asks for a reminder check soon (after an expiry or a setting changed).
pub fn kick(app: &AppHandle) {
    if let Some(s) = app.try_state::<Scheduler>() {
        s.kick.notify_one();
    }
}

/// Starts the scheduler on the async runtime: a check now, then as described in the module docs.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            match check(&app).await {
                Ok(o) => log::info!(
                    "reminders checked: {} watched, {} delivered ({} as notification, {} in the window)",
                    o.watched,
                    o.delivered,
                    o.notified,
                    o.in_window
                ),
                Err(e) => log::warn!("reminder check failed: {e}"),
            }
            let Some(s) = app.try_state::<Scheduler>() else {
                return;
            };
            loop {
                tokio::select! {
                    _ = s.kick.notified() => break,
                    _ = tokio::time::sleep(TICK) => {
                        if s.due_by_clock(Local::now()) {
                            break;
                        }
                    }
                }
            }
        }
    });
}

/// What one check did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Outcome {
    /// Saved profiles with a known expiry.
    pub watched: usize,
    /// Reminders delivered.
    pub delivered: usize,
    /// … as desktop notifications.
    pub notified: usize,
    /// … in the app's window.
    pub in_window: usize,
}

/// A notification server on the session bus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerInfo {
    /// Its name (`dunst`, `gnome-shell`, …).
    pub name: String,
    /// True when it reports clicks (the `actions` capability).
    pub actions: bool,
}

/// Linux and the BSDs: asks the session bus for the notification server (`GetServerInformation`,
/// then `GetCapabilities`); `None` when no server answers within 5 s.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
))]
pub fn notification_server() -> Option<ServerInfo> {
    const DEST: &str = "org.freedesktop.Notifications";
    const PATH: &str = "/org/freedesktop/Notifications";
    let conn = zbus::blocking::connection::Builder::session()
        .ok()?
        .method_timeout(Duration::from_secs(5))
        .build()
        .ok()?;
    let info = conn
        .call_method(Some(DEST), PATH, Some(DEST), "GetServerInformation", &())
        .ok()?;
    let (name, _vendor, _version, _spec): (String, String, String, String) =
        info.body().deserialize().ok()?;
    let caps: Vec<String> = conn
        .call_method(Some(DEST), PATH, Some(DEST), "GetCapabilities", &())
        .ok()
        .and_then(|m| m.body().deserialize().ok())
        .unwrap_or_default();
    Some(ServerInfo {
        name,
        actions: caps.iter().any(|c| c == "actions"),
    })
}

/// Windows and macOS: the system's notification centre is always there.
#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "netbsd",
    target_os = "dragonfly"
)))]
pub fn notification_server() -> Option<ServerInfo> {
    Some(ServerInfo {
        name: "system".into(),
        actions: true,
    })
}

type Store = Arc<tauri_plugin_store::Store<tauri::Wry>>;

fn store(app: &AppHandle) -> Result<Store, DesktopError> {
    let path = app.state::<Scheduler>().store_path.clone();
    app.store(path)
        .map_err(|e| DesktopError::detail("reminders", "app-error-reminder-store-open", e))
}

fn save_failed(e: impl std::fmt::Display) -> DesktopError {
    DesktopError::detail("reminders", "app-error-reminder-store-save", e)
}

/// The saved profiles; an error keeps the reminders' code (the UI's title for it).
fn saved_profiles(
    desktop: &Desktop,
) -> Result<Vec<graphwiz_core::store::profiles::Profile>, DesktopError> {
    desktop.saved_profiles().map_err(|e| DesktopError {
        code: "reminders".into(),
        ..e
    })
}

/// One reminder check: decides with the core, delivers, remembers.
pub async fn check(app: &AppHandle) -> Result<Outcome, DesktopError> {
    let scheduler = app.state::<Scheduler>();
    let _one = scheduler.running.lock().await;
    let now_local = Local::now();
    *scheduler.last.lock().unwrap_or_else(|p| p.into_inner()) = Some(now_local);
    let desktop = app.state::<Desktop>();
    let settings = desktop.reminder_settings();
    if !settings.desktop {
        return Ok(Outcome::default());
    }
    let profiles = saved_profiles(&desktop)?;
    let store = store(app)?;
    let entries = store.entries();
    let sent = reminders::sent_keys(entries.iter().map(|(k, v)| (k, v)));
    let now: DateTime<Utc> = now_local.with_timezone(&Utc);
    let plan = reminders::plan(
        &profiles,
        now,
        &Local,
        &settings.days,
        &sent,
        desktop.language(),
    );
    let mut outcome = Outcome {
        watched: reminders::watched(&profiles).len(),
        ..Outcome::default()
    };
    for k in &plan.forget {
        store.delete(reminders::store_key(k));
    }
    let server = if plan.deliver.is_empty() {
        None
    } else {
        tauri::async_runtime::spawn_blocking(notification_server)
            .await
            .ok()
            .flatten()
    };
    if !plan.deliver.is_empty() {
        match &server {
            Some(s) => log::info!(
                "notification server: {} (clicks reported: {})",
                s.name,
                s.actions
            ),
            None => log::info!("no notification server answered; reminders go to the window"),
        }
    }
    let mut banners = Vec::new();
    let mut delivered: Vec<(String, DateTime<Utc>, Delivery)> = Vec::new();
    for r in &plan.deliver {
        let shown = server.is_some()
            && app
                .notification()
                .builder()
                .title(&r.text.title)
                .body(&r.text.body)
                .extra("profile", &r.profile)
                .show()
                .inspect_err(|e| log::warn!("the notification could not be shown: {e}"))
                .is_ok();
        let route = reminders::route(server.as_ref().map(|s| s.actions), shown);
        if route.banner {
            banners.push(Banner::of(r, route.via, now));
        }
        let via = route.via;
        match via {
            Delivery::Notification => outcome.notified += 1,
            Delivery::Window => outcome.in_window += 1,
        }
        outcome.delivered += 1;
        log::info!(
            "reminder: profile '{}', {} days left, {} threshold, via {:?}",
            r.profile,
            r.days_left,
            r.key.days,
            via
        );
        delivered.push((r.profile.clone(), r.key.expires, via));
    }
    for k in &plan.mark {
        let via = delivered
            .iter()
            .find(|(p, e, _)| *p == k.profile && *e == k.expires)
            .map(|(_, _, v)| *v)
            .unwrap_or(Delivery::Notification);
        let rec = SentRecord {
            key: k.clone(),
            sent_at: now,
            via,
        };
        if let Ok(v) = serde_json::to_value(&rec) {
            store.set(reminders::store_key(k), v);
        }
    }
    store.set(reminders::LAST_CHECK_KEY, now.to_rfc3339());
    let window_needed = reminders::window_needed(&banners);
    if !banners.is_empty() {
        let all = reminders::add_banners(
            reminders::banners_from(store.get(reminders::BANNERS_KEY).as_ref()),
            banners,
        );
        if let Ok(v) = serde_json::to_value(&all) {
            store.set(reminders::BANNERS_KEY, v);
        }
    }
    store.save().map_err(save_failed)?;
    if outcome.delivered > 0 {
        let _ = app.emit(EVENT_REMINDERS, ());
    }
    if window_needed {
        show_main(app);
    }
    Ok(outcome)
}

/// The banners the window shows now.
pub fn banners(app: &AppHandle) -> Result<Vec<BannerView>, DesktopError> {
    let store = store(app)?;
    let list = reminders::banners_from(store.get(reminders::BANNERS_KEY).as_ref());
    let profiles = saved_profiles(&app.state::<Desktop>())?;
    Ok(reminders::banner_views(
        &list,
        &profiles,
        Utc::now(),
        &Local,
    ))
}

/// Removes a banner (by its id); the reminder stays sent.
pub fn dismiss(app: &AppHandle, id: &str) -> Result<(), DesktopError> {
    let store = store(app)?;
    let mut list = reminders::banners_from(store.get(reminders::BANNERS_KEY).as_ref());
    list.retain(|b| b.id() != id);
    let v = serde_json::to_value(&list).map_err(save_failed)?;
    store.set(reminders::BANNERS_KEY, v);
    store.save().map_err(save_failed)
}

/// A notification was clicked: opens its profile's Secret expiry step in the window.
pub fn on_notification_click(app: &AppHandle, profile: &str) {
    let opened = app.state::<Desktop>().open_profile_expiry(profile);
    match opened {
        Ok(_) => {
            crate::demo::follow_wizard(&app.state::<crate::demo::DemoServer>(), &app.state());
            show_main(app);
            let _ = app.emit(EVENT_VIEW, ());
        }
        Err(e) => log::warn!("the reminder's profile could not be opened: {e}"),
    }
}
