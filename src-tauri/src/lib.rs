//! Tauri shell of graphwiz.
//!
//! The shell holds no logic of its own: it opens the window with the static UI from `../ui`,
//! registers the plugins (single instance, log, opener, dialog, clipboard, notification, store,
//! autostart) and exposes thin commands ([`commands`]) that forward to
//! [`graphwiz_core::desktop::Desktop`]. The demo tenant's emulator runs in-process on 127.0.0.1
//! ([`demo`]); `graphwiz-app --demo` opens on it.
//!
//! Secret-expiry reminders ([`reminders`]) keep the app running in the system tray (menu: Open,
//! Check now, Quit) while desktop reminders are on: closing the window then hides it. Started
//! with `--autostart` (start at login) or `--hidden`, the app starts in the tray without a window.

pub mod commands;
pub mod demo;
pub mod reminders;
pub mod startup;
pub mod window;

use graphwiz_core::desktop::Desktop;
use serde::Serialize;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Emitter, Manager, WindowEvent};
use tauri_plugin_notification::NotificationExt;

/// Command-line switches that start the app hidden in the tray (`--autostart` is what start at
/// login passes).
pub const HIDDEN_FLAGS: [&str; 2] = ["--autostart", "--hidden"];

/// True when the arguments ask to start hidden in the tray.
pub fn starts_hidden<S: AsRef<str>>(args: impl IntoIterator<Item = S>) -> bool {
    args.into_iter()
        .skip(1)
        .any(|a| HIDDEN_FLAGS.contains(&a.as_ref()))
}

/// Id of the tray icon.
const TRAY_ID: &str = "graphwiz";

/// The tray's menu in the UI's language: Open, Check now, Quit.
fn tray_menu(app: &AppHandle) -> tauri::Result<Menu<tauri::Wry>> {
    let words = graphwiz_core::reminders::tray_labels(app.state::<Desktop>().language());
    let open = MenuItem::with_id(app, "open", words[0], true, None::<&str>)?;
    let check = MenuItem::with_id(app, "check", words[1], true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", words[2], true, None::<&str>)?;
    Menu::with_items(app, &[&open, &check, &quit])
}

/// Words the tray's menu again after the UI's language changed.
pub fn refresh_tray(app: &AppHandle) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    if let Err(e) = tray_menu(app).and_then(|m| tray.set_menu(Some(m))) {
        log::warn!("the tray menu could not be changed: {e}");
    }
}

/// The tray icon and its menu: Open, Check now (re-checks every saved profile, then the
/// reminders), Quit.
fn tray(app: &AppHandle) -> tauri::Result<()> {
    let menu = tray_menu(app)?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("graphwiz")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => window::show_main(app),
            "check" => {
                let app = app.clone();
                tauri::async_runtime::spawn(async move {
                    let desktop = app.state::<Desktop>();
                    if let Err(e) = desktop.recheck_profiles(&[]).await {
                        log::warn!("check now: the profiles could not be re-checked: {e}");
                    }
                    reminders::kick(&app);
                });
            }
            "quit" => app.exit(0),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                window::show_main(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

/// Environment variable of WebKitGTK (2.46 and later) that paints the page's tiles with Skia on
/// the CPU instead of through OpenGL.
pub const CPU_PAINTING_ENV: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// On Linux, asks WebKitGTK to paint on the CPU unless the environment already decides. The
/// wizard is a light form, which the CPU paints quickly; painting it through OpenGL first
/// compiles shaders, and on machines without a GPU driver (virtual machines, remote desktops,
/// Xvfb) that runs on the software renderer: measured here, 1.3 s of CPU and a blank window for
/// 2.9 s instead of 1.0 s, and 45 MiB more memory. Set the variable to 0 to paint with the GPU.
///
/// Compositing stays on: without it (`WEBKIT_DISABLE_COMPOSITING_MODE=1`) the window's first
/// draw waits for the page's first frame while the page waits for its files from the app's main
/// thread, and about half the starts stalled for half a second (BENCHMARKS.md §4).
fn prefer_cpu_painting() {
    if cfg!(target_os = "linux") && std::env::var_os(CPU_PAINTING_ENV).is_none() {
        // Set before GTK, WebKit or any other thread starts; the web view's processes inherit it.
        std::env::set_var(CPU_PAINTING_ENV, "1");
    }
}

/// Creates the wizard's window from its configuration (`tauri.conf.json`, which has
/// `"create": false`), shown or hidden in the tray. Created visible rather than shown later: a
/// web view created hidden holds back its first painted frame for a long time after it is shown.
fn main_window(app: &AppHandle, visible: bool) -> tauri::Result<()> {
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") else {
        return Err(tauri::Error::WindowNotFound);
    };
    tauri::WebviewWindowBuilder::from_config(app, config)?
        .visible(visible)
        .build()?;
    Ok(())
}

/// What the UI shows about the running build (footer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    /// Version of the desktop app (this crate).
    pub version: &'static str,
    /// Version of `graphwiz-core` the app was built with.
    pub core_version: &'static str,
    /// The commit it was built from (short hash, or `unknown`), as `graphwiz --version`.
    pub commit: &'static str,
    /// The build date (UTC, `YYYY-MM-DD`).
    pub build_date: &'static str,
    /// Identifiers of the Microsoft clouds the app can target (`global`, `usgov`, ...), in the
    /// order a picker shows them.
    pub clouds: Vec<&'static str>,
}

/// The app's version information (part of the `start_state` command's answer).
pub fn app_info_value() -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        core_version: graphwiz_core::VERSION,
        commit: env!("GRAPHWIZ_COMMIT"),
        build_date: env!("GRAPHWIZ_BUILD_DATE"),
        clouds: graphwiz_core::Cloud::ALL.iter().map(|c| c.id()).collect(),
    }
}

/// Builds and runs the Tauri application; returns when the last window is closed.
pub fn run() {
    startup::mark("main");
    prefer_cpu_painting();
    let app = tauri::Builder::default()
        // First: a second start only brings the running window to the front (a second start at
        // login, hidden, changes nothing).
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            if !starts_hidden(&args) {
                window::show_main(app);
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .level_for("tao", log::LevelFilter::Warn)
                .level_for("wry", log::LevelFilter::Warn)
                .build(),
        )
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .args(["--autostart"])
                .app_name("graphwiz")
                .build(),
        )
        .manage(demo::DemoServer::default())
        .on_window_event(|window, event| {
            // With desktop reminders on, closing the window keeps the app in the tray.
            if let WindowEvent::CloseRequested { api, .. } = event {
                let keep = window
                    .app_handle()
                    .try_state::<Desktop>()
                    .is_some_and(|d| d.reminder_settings().desktop);
                if keep && window.label() == "main" {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .setup(|app| {
            startup::mark("setup");
            let data_dir = graphwiz_core::store::profiles::data_dir()?;
            let desktop = Desktop::open(&data_dir);
            log::info!(
                "graphwiz {} (core {}) started",
                env!("CARGO_PKG_VERSION"),
                graphwiz_core::VERSION
            );
            demo::on_launch(
                app.state::<demo::DemoServer>().inner(),
                &desktop,
                std::env::args(),
            );
            startup::mark("desktop_open");
            app.manage(desktop);
            app.manage(reminders::Scheduler::new(data_dir));
            let handle = app.handle().clone();
            app.notification().on_action(move |performed| {
                if performed.action_id() != "tap" {
                    return;
                }
                let profile = performed
                    .notification()
                    .and_then(|n| n.extra().get("profile"))
                    .and_then(|v| v.as_str())
                    .map(str::to_string);
                if let Some(profile) = profile {
                    reminders::on_notification_click(&handle, &profile);
                }
            })?;
            if let Err(e) = tray(app.handle()) {
                log::warn!("no tray icon: {e}");
            }
            startup::mark("tray");
            main_window(app.handle(), !starts_hidden(std::env::args()))?;
            startup::mark("window");
            reminders::start(app.handle());
            // Restarts of the Genesys integration a killed run left half done: finished in the
            // background, and the window told when there is something to show.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let notices = handle.state::<Desktop>().recover_genesys().await;
                for n in &notices {
                    log::warn!("interrupted Genesys restart: {}", n.summary);
                }
                if !notices.is_empty() {
                    let _ = handle.emit(reminders::EVENT_VIEW, ());
                }
            });
            startup::mark("setup_done");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::start_state,
            commands::get_view,
            commands::go_to,
            commands::go_next,
            commands::go_back,
            commands::start_new,
            commands::restart,
            commands::start_demo,
            commands::start_genesys_demo,
            commands::save_genesys,
            commands::remove_genesys,
            commands::restart_genesys,
            commands::dismiss_notices,
            commands::validate_field,
            commands::save_azure_app,
            commands::run_checks,
            commands::grant_admin_consent,
            commands::verify_as_admin,
            commands::rotate_secret,
            commands::confirm_paste,
            commands::create_app_registration,
            commands::fix_plan,
            commands::fix_apply,
            commands::fix_discard,
            commands::cancel_wait,
            commands::add_mailbox,
            commands::remove_mailbox,
            commands::set_probe_mailbox,
            commands::run_live_test,
            commands::run_pickup_test,
            commands::troubleshoot,
            commands::diagnose,
            commands::set_expiry,
            commands::set_reminders,
            commands::save_calendar,
            commands::export_config,
            commands::import_config,
            commands::confirm_import,
            commands::cancel_import,
            commands::copy_value,
            commands::open_external,
            commands::list_profiles,
            commands::recheck_profiles,
            commands::open_profile,
            commands::remove_profile,
            commands::set_language,
            commands::ui_texts,
            commands::word_message,
            commands::set_autostart,
            commands::pending_reminders,
            commands::dismiss_reminder,
            commands::open_reminder,
            commands::ui_ready,
        ])
        .build(tauri::generate_context!());
    startup::mark("built");
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("graphwiz: the desktop window could not be started: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_info_reports_versions() {
        let info = app_info_value();
        assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
        assert!(!info.core_version.is_empty());
        assert_eq!(info.clouds.first(), Some(&"global"));
        let json = serde_json::to_value(&info).expect("serializable");
        assert!(json.get("core_version").is_some());
    }

    #[test]
    fn hidden_start_flags() {
        assert!(starts_hidden(["graphwiz-app", "--autostart"]));
        assert!(starts_hidden(["graphwiz-app", "--demo", "--hidden"]));
        assert!(!starts_hidden(["graphwiz-app", "--demo"]));
        assert!(
            !starts_hidden(["--hidden"]),
            "the program name is not a flag"
        );
    }
}
