//! Commands of the profiles view: list, check again, open, remove.

use crate::demo::{self, DemoServer};
use crate::reminders;
use graphwiz_core::desktop::{Desktop, DesktopError, ProfileRow, View};
use tauri::{AppHandle, State};

use super::{bounded, ui, Cmd};

/// Every saved profile with its last verdict and days to expiry.
#[tauri::command]
pub async fn list_profiles(d: State<'_, Desktop>) -> Cmd<Vec<ProfileRow>> {
    ui(&d, d.profiles())
}

/// Checks saved profiles again (all of them when `names` is empty).
#[tauri::command]
pub async fn recheck_profiles(
    app: AppHandle,
    d: State<'_, Desktop>,
    names: Vec<String>,
) -> Cmd<Vec<ProfileRow>> {
    let r = async {
        if names.len() > 10_000 {
            return Err(DesktopError::plain(
                "too_long",
                "app-error-too-many-profiles",
            ));
        }
        for n in &names {
            bounded("name", n)?;
        }
        d.recheck_profiles(&names).await
    }
    .await;
    let rows = ui(&d, r)?;
    reminders::kick(&app);
    Ok(rows)
}

/// Opens a saved profile in the wizard (ends the demo).
#[tauri::command]
pub async fn open_profile(
    d: State<'_, Desktop>,
    server: State<'_, DemoServer>,
    name: String,
) -> Cmd<View> {
    let view = ui(&d, bounded("name", &name).and_then(|n| d.open_profile(n)))?;
    demo::follow_wizard(&server, &d);
    Ok(view)
}

/// Removes a saved profile and its keychain entry.
#[tauri::command]
pub async fn remove_profile(
    app: AppHandle,
    d: State<'_, Desktop>,
    name: String,
) -> Cmd<Vec<ProfileRow>> {
    let rows = ui(&d, bounded("name", &name).and_then(|n| d.remove_profile(n)))?;
    reminders::kick(&app);
    Ok(rows)
}
