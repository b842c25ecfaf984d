//! Commands for the app's settings and its life in the background: the UI's language, start at
//! login, the reminder banners, and the start-up marker of the benchmarks.

use crate::demo::{self, DemoServer};
use crate::reminders;
use graphwiz_core::desktop::{Desktop, DesktopError, View};
use graphwiz_core::i18n::{self, args, Msg};
use graphwiz_core::reminders::BannerView;
use graphwiz_core::test_hooks;
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_autostart::ManagerExt as _;

use super::{bounded, ui, Cmd};

/// Keeps the UI's language for texts the core words and those shown outside the window
/// (reminders, the tray's menu).
#[tauri::command]
pub async fn set_language(app: AppHandle, d: State<'_, Desktop>, lang: String) -> Cmd<()> {
    d.set_language(ui(&d, bounded("lang", &lang))?);
    crate::refresh_tray(&app);
    Ok(())
}

/// Words a message the core handed over (an error's or a field problem's `msg`) in the UI's
/// language, e.g. again after a language switch.
#[tauri::command]
pub async fn word_message(d: State<'_, Desktop>, msg: Msg) -> Cmd<String> {
    ui(&d, bounded("msg", &msg.id))?;
    Ok(msg.text(d.language()))
}

/// Start at login and the reminders' background state, for the Secret expiry step.
#[derive(Debug, Clone, Serialize)]
pub struct Background {
    /// graphwiz starts at login (hidden in the tray).
    pub autostart: bool,
    /// Why start at login can't be read or changed here, when it can't.
    pub autostart_error: Option<String>,
}

pub(crate) fn background_of(app: &AppHandle) -> Background {
    match app.autolaunch().is_enabled() {
        Ok(on) => Background {
            autostart: on,
            autostart_error: None,
        },
        Err(e) => Background {
            autostart: false,
            autostart_error: Some(i18n::text(
                app.state::<Desktop>().language(),
                "app-autostart-unreadable",
                &args([("detail", e.to_string())]),
            )),
        },
    }
}

/// Turns start at login on or off (off unless the admin turns it on).
#[tauri::command]
pub async fn set_autostart(
    app: AppHandle,
    d: State<'_, Desktop>,
    enabled: bool,
) -> Cmd<Background> {
    let manager = app.autolaunch();
    let done = if enabled {
        manager.enable()
    } else {
        manager.disable()
    };
    let done = done.map_err(|e| DesktopError::detail("autostart", "app-error-autostart", e));
    ui(&d, done)?;
    log::info!("start at login: {enabled}");
    Ok(background_of(&app))
}

/// Reminders waiting in the window (banners).
#[tauri::command]
pub async fn pending_reminders(app: AppHandle, d: State<'_, Desktop>) -> Cmd<Vec<BannerView>> {
    ui(&d, reminders::banners(&app))
}

/// Removes a reminder banner.
#[tauri::command]
pub async fn dismiss_reminder(
    app: AppHandle,
    d: State<'_, Desktop>,
    id: String,
) -> Cmd<Vec<BannerView>> {
    let r = bounded("id", &id)
        .and_then(|id| reminders::dismiss(&app, id))
        .and_then(|()| reminders::banners(&app));
    ui(&d, r)
}

/// Opens a reminder's profile on its Secret expiry step (the banner's button) and removes the
/// banner.
#[tauri::command]
pub async fn open_reminder(
    app: AppHandle,
    d: State<'_, Desktop>,
    server: State<'_, DemoServer>,
    id: String,
    profile: String,
) -> Cmd<View> {
    let view = ui(
        &d,
        bounded("profile", &profile).and_then(|p| d.open_profile_expiry(p)),
    )?;
    demo::follow_wizard(&server, &d);
    let _ = bounded("id", &id).and_then(|id| reminders::dismiss(&app, id));
    Ok(view)
}

/// Environment variable naming a file the UI's start-up time is written to (benchmarks; see
/// [`graphwiz_core::test_hooks`]).
pub use graphwiz_core::test_hooks::READY_FILE_ENV;

/// The UI is interactive (first step rendered and painted): writes the wall-clock time (UNIX epoch
/// milliseconds) to `GRAPHWIZ_READY_FILE` when that is set to an absolute path; else nothing.
/// `marks` are start-up phases measured in the page (name, UNIX epoch ms) for the start-up trace
/// ([`crate::startup`]); at most 16 are kept.
#[tauri::command]
pub async fn ui_ready(d: State<'_, Desktop>, marks: Option<Vec<(String, f64)>>) -> Cmd<()> {
    for (phase, at) in marks.unwrap_or_default().iter().take(16) {
        crate::startup::mark_at(phase, *at);
    }
    let now = crate::startup::now_ms();
    crate::startup::mark_at("ui_ready", now);
    ui(
        &d,
        write_ready_marker(test_hooks::ready_file(), now as u128),
    )
}

/// Writes `ms` to the marker file `path` (nothing when unset or empty; refused when relative).
pub fn write_ready_marker(path: Option<std::ffi::OsString>, ms: u128) -> Cmd<()> {
    let Some(path) = path.filter(|p| !p.is_empty()).map(PathBuf::from) else {
        return Ok(());
    };
    if !path.is_absolute() {
        return Err(DesktopError::new(
            "ready_file",
            "app-error-ready-file-relative",
            args([("var", READY_FILE_ENV)]),
        ));
    }
    std::fs::write(&path, ms.to_string()).map_err(|e| {
        DesktopError::new(
            "ready_file",
            "app-error-ready-file-write",
            args([
                ("path", path.display().to_string()),
                ("detail", e.to_string()),
            ]),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_marker_only_for_absolute_paths() {
        assert!(write_ready_marker(None, 1).is_ok());
        assert!(write_ready_marker(Some("".into()), 1).is_ok());
        let relative = write_ready_marker(Some("ready.txt".into()), 1);
        assert_eq!(relative.map_err(|e| e.code), Err("ready_file".to_string()));
        assert!(!std::path::Path::new("ready.txt").exists());
        let dir = std::env::temp_dir().join(format!("graphwiz-ready-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("ready.txt");
        write_ready_marker(Some(file.clone().into_os_string()), 1_764_000_000_123)
            .expect("written");
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            "1764000000123"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
