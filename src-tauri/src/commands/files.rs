//! Commands that read or write files and talk to the desktop: the calendar file, config export
//! and import (native dialogs), the clipboard and the system browser.

use crate::demo::{self, DemoServer};
use graphwiz_core::desktop::{self, Desktop, DesktopError, View};
use graphwiz_core::i18n;
use graphwiz_core::test_hooks;
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::{bounded, ui, Cmd, SavedFile};

/// Asks where to save (or, in end-to-end tests, uses `GRAPHWIZ_E2E_EXPORT_DIR`).
async fn save_path(
    app: &AppHandle,
    file_name: String,
    title: Option<String>,
    filter: (String, &'static [&'static str]),
) -> Option<PathBuf> {
    if let Some(dir) = test_hooks::e2e_export_dir() {
        return Some(dir.join(file_name));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app
        .dialog()
        .file()
        .set_file_name(file_name)
        .add_filter(&filter.0, filter.1);
    if let Some(t) = title.filter(|t| t.len() <= 200) {
        dialog = dialog.set_title(t);
    }
    dialog.save_file(move |p| {
        let _ = tx.send(p);
    });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// Writes the .ics calendar file with the secret's expiry (save dialog).
#[tauri::command]
pub async fn save_calendar(
    app: AppHandle,
    d: State<'_, Desktop>,
    title: Option<String>,
) -> Cmd<Option<SavedFile>> {
    let name = d.calendar_file_name();
    let filter = ("iCalendar".to_string(), &["ics"][..]);
    let Some(path) = save_path(&app, name, title, filter).await else {
        return Ok(None);
    };
    ui(&d, d.save_calendar(&path))?;
    log::info!("calendar file written to {}", path.display());
    Ok(Some(SavedFile {
        path: path.display().to_string(),
        validated: None,
    }))
}

/// Exports the validated config file (save dialog); never contains the secret.
#[tauri::command]
pub async fn export_config(
    app: AppHandle,
    d: State<'_, Desktop>,
    allow_failed: bool,
    title: Option<String>,
) -> Cmd<Option<SavedFile>> {
    // A refusal is said before the save dialog opens.
    ui(&d, d.export_refusal(allow_failed))?;
    let name = d.export_file_name();
    let Some(path) = save_path(&app, name, title, (config_filter(&d), &["json"])).await else {
        return Ok(None);
    };
    let cfg = ui(&d, d.export_config(&path, allow_failed))?;
    log::info!(
        "config exported to {} (validated: {})",
        path.display(),
        cfg.validated
    );
    Ok(Some(SavedFile {
        path: path.display().to_string(),
        validated: Some(cfg.validated),
    }))
}

/// Imports a config file (open dialog); the Azure app step then asks for the secret.
#[tauri::command]
pub async fn import_config(
    app: AppHandle,
    d: State<'_, Desktop>,
    title: Option<String>,
) -> Cmd<Option<desktop::ImportPreview>> {
    let path = match test_hooks::e2e_import_file() {
        Some(p) => p,
        None => {
            let (tx, rx) = tokio::sync::oneshot::channel();
            let mut dialog = app.dialog().file().add_filter(config_filter(&d), &["json"]);
            if let Some(t) = title.filter(|t| t.len() <= 200) {
                dialog = dialog.set_title(t);
            }
            dialog.pick_file(move |p| {
                let _ = tx.send(p);
            });
            let Some(path) = rx.await.ok().flatten().and_then(|p| p.into_path().ok()) else {
                return Ok(None);
            };
            path
        }
    };
    let cfg = ui(&d, desktop::read_config(&path))?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some(d.preview_import(cfg, &file)))
}

/// Imports the file shown by `import_config` once the admin confirmed it; stops the demo when
/// the core says the import ended it.
#[tauri::command]
pub async fn confirm_import(
    d: State<'_, Desktop>,
    server: State<'_, DemoServer>,
    keep_test_endpoints: bool,
) -> Cmd<View> {
    let outcome = ui(&d, d.confirm_import(keep_test_endpoints))?;
    demo::follow_wizard(&server, &d);
    Ok(outcome.view)
}

/// Drops the file shown by `import_config`; nothing changes.
#[tauri::command]
pub async fn cancel_import(d: State<'_, Desktop>) -> Cmd<View> {
    Ok(d.cancel_import())
}

/// The name of the file dialogs' filter for config files, in the UI's language.
fn config_filter(d: &Desktop) -> String {
    i18n::text(d.language(), "app-dialog-config-filter", &i18n::Args::new())
}

/// Copies the token endpoint, client ID or tenant ID to the clipboard.
#[tauri::command]
pub async fn copy_value(app: AppHandle, d: State<'_, Desktop>, what: String) -> Cmd<()> {
    let r = d.copy_value(&what).and_then(|value| {
        app.clipboard()
            .write_text(value)
            .map_err(|e| DesktopError::detail("clipboard", "app-error-clipboard", e))
    });
    ui(&d, r)
}

/// Opens an Azure portal / Entra ID or Genesys Cloud admin page in the system browser (https on
/// Microsoft's and the Genesys regions' hosts only; never in the demo).
#[tauri::command]
pub async fn open_external(app: AppHandle, d: State<'_, Desktop>, url: String) -> Cmd<()> {
    let r = async {
        let url = d.page_to_open(bounded("url", &url)?)?;
        app.opener()
            .open_url(url, None::<&str>)
            .map_err(|e| DesktopError::detail("opener", "app-error-opener", e))
    }
    .await;
    ui(&d, r)
}
