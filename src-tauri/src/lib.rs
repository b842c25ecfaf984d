//! Tauri shell of graphwiz.
//!
//! The shell holds no logic of its own: it opens the window with the static UI from `../ui` and
//! exposes a small set of commands that forward to `graphwiz-core`.

use serde::Serialize;

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

/// Tauri command: version of app and core, and the supported clouds.
#[tauri::command]
fn app_info() -> AppInfo {
    app_info_value()
}

/// Builds and runs the Tauri application; returns when the last window is closed.
pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![app_info])
        .run(tauri::generate_context!())
        .expect("graphwiz: the desktop window could not be started");
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
