//! Build script: lets `tauri-build` read `tauri.conf.json`, the capabilities and the icons
//! and generate the context that `tauri::generate_context!` embeds into the app.
//!
//! The app's own commands are declared here, so Tauri generates an `allow-<command>` permission
//! for each and the web view may call only those listed in `capabilities/default.json`.

/// Every `#[tauri::command]` of `src/commands.rs`.
const COMMANDS: &[&str] = &[
    "start_state",
    "get_view",
    "go_to",
    "go_next",
    "go_back",
    "start_new",
    "restart",
    "start_demo",
    "start_genesys_demo",
    "save_genesys",
    "remove_genesys",
    "restart_genesys",
    "dismiss_notices",
    "validate_field",
    "save_azure_app",
    "run_checks",
    "grant_admin_consent",
    "verify_as_admin",
    "cancel_wait",
    "add_mailbox",
    "remove_mailbox",
    "set_probe_mailbox",
    "run_live_test",
    "run_pickup_test",
    "troubleshoot",
    "diagnose",
    "set_expiry",
    "set_reminders",
    "save_calendar",
    "export_config",
    "import_config",
    "copy_value",
    "open_external",
    "list_profiles",
    "recheck_profiles",
    "open_profile",
    "remove_profile",
    "set_language",
    "set_autostart",
    "pending_reminders",
    "dismiss_reminder",
    "open_reminder",
    "ui_ready",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
