//! Commands of the profiles view: list, check again, open, remove.

use crate::demo::{self, DemoServer};
use crate::reminders;
use graphwiz_core::desktop::{Desktop, DesktopError, ProfileRow, RecheckProgressView, View};
use tauri::ipc::{Channel, JavaScriptChannelId};
use tauri::{AppHandle, State, Webview};

use super::{bounded, ui, Cmd};

/// Every saved profile with its last verdict and days to expiry.
#[tauri::command]
pub async fn list_profiles(d: State<'_, Desktop>) -> Cmd<Vec<ProfileRow>> {
    ui(&d, d.profiles())
}

/// Checks saved profiles again (all of them when `names` is empty), streaming each profile's
/// new row over `on_progress` as its check finishes.
#[tauri::command]
pub async fn recheck_profiles(
    app: AppHandle,
    webview: Webview,
    d: State<'_, Desktop>,
    names: Vec<String>,
    on_progress: Option<JavaScriptChannelId>,
) -> Cmd<Vec<ProfileRow>> {
    // Optional: a caller without a channel gets the rows at the end only.
    let on_progress: Option<Channel<RecheckProgressView>> =
        on_progress.map(|id| id.channel_on(webview));
    let progress = move |p: RecheckProgressView| {
        if let Some(c) = &on_progress {
            let _ = c.send(p);
        }
    };
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
        d.recheck_profiles_with(&names, &progress).await
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
