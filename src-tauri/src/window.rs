//! The main window, for the commands, the tray and the reminders alike.

use tauri::{AppHandle, Manager};

/// Brings the main window to the front (shown, not minimised, focused).
pub fn show_main(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}
