//! Tauri shell of graphwiz.
//!
//! The shell holds no logic of its own: it opens the window with the static UI from `../ui`,
//! registers the plugins (single instance, log, opener, dialog, clipboard) and exposes thin
//! commands ([`commands`]) that forward to [`graphwiz_core::desktop::Desktop`]. The demo tenant's
//! emulator runs in-process on 127.0.0.1 ([`demo`]); `graphwiz-app --demo` opens on it.

pub mod commands;
pub mod demo;

use graphwiz_core::desktop::Desktop;
use serde::Serialize;
use tauri::Manager;

/// What the UI shows about the running build (footer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    /// Version of the desktop app (this crate).
    pub version: &'static str,
    /// Version of `graphwiz-core` the app was built with.
    pub core_version: &'static str,
    /// Identifiers of the Microsoft clouds the app can target (`global`, `usgov`, ...), in the
    /// order a picker shows them.
    pub clouds: Vec<&'static str>,
}

/// Collects the information returned by the `app_info` command.
pub fn app_info_value() -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        core_version: graphwiz_core::VERSION,
        clouds: graphwiz_core::Cloud::ALL.iter().map(|c| c.id()).collect(),
    }
}

/// Builds and runs the Tauri application; returns when the last window is closed.
pub fn run() {
    let app = tauri::Builder::default()
        // First: a second start only brings the running window to the front.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
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
        .manage(demo::DemoServer::default())
        .setup(|app| {
            let desktop = Desktop::open_default()?;
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
            app.manage(desktop);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::get_view,
            commands::go_to,
            commands::go_next,
            commands::go_back,
            commands::start_new,
            commands::restart,
            commands::start_demo,
            commands::demo_scenarios,
            commands::validate_field,
            commands::save_azure_app,
            commands::run_checks,
            commands::grant_admin_consent,
            commands::verify_as_admin,
            commands::cancel_wait,
            commands::add_mailbox,
            commands::remove_mailbox,
            commands::set_probe_mailbox,
            commands::run_live_test,
            commands::set_expiry,
            commands::set_reminders,
            commands::save_calendar,
            commands::export_config,
            commands::import_config,
            commands::copy_value,
            commands::open_external,
            commands::list_profiles,
            commands::recheck_profiles,
            commands::open_profile,
            commands::remove_profile,
        ])
        .build(tauri::generate_context!());
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
}
