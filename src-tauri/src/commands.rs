//! The app's Tauri commands: thin wrappers over [`graphwiz_core::desktop::Desktop`].
//!
//! Why this file is long (about 800 lines): one thin command per core workflow (about forty),
//! each a few lines; grouping them by concern into files is part of the one-core reorganisation.
//!
//! Every command is `async`, so none runs on the main thread and the window never freezes while
//! the network, the keychain or a dialog is busy. Text from the web view is bounded in length
//! here and validated by the core. No command returns the client secret: the secret only comes
//! in (`save_azure_app`, `validate_field`) and goes to the keychain or, for the demo, memory.
//! Native dialogs, the clipboard and the system browser are used from Rust, so the web view
//! needs no plugin permissions of its own.
//!
//! Errors go to the web view worded in the UI's language ([`ui`]: `text`, with `msg` to word
//! them again after a language switch through [`word_message`]).

use crate::demo::{self, DemoServer, ScenarioInfo};
use crate::reminders;
use graphwiz_core::desktop::{
    self, AzureAppInput, Desktop, DesktopError, DiagnoseProgressView, FieldReport, GenesysForm,
    GenesysProgressView, PickupProgressView, ProfileRow, ProgressView, RotateProgressView, Step,
    TroubleshootView, View,
};
use graphwiz_core::i18n::{self, args, Msg};
use graphwiz_core::reminders::BannerView;
use graphwiz_core::test_hooks;
use serde::Serialize;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_autostart::ManagerExt as _;
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// What a command returns: a value, or an error the UI can show.
type Cmd<T> = Result<T, DesktopError>;

/// Words a command's error in the UI's language before it goes to the web view.
fn ui<T>(d: &Desktop, r: Cmd<T>) -> Cmd<T> {
    r.map_err(|e| e.localized(d.language()))
}

/// Longest text accepted from the web view for one field.
const MAX_FIELD: usize = 2048;

fn bounded<'a>(field: &str, value: &'a str) -> Cmd<&'a str> {
    if value.len() > MAX_FIELD {
        return Err(DesktopError::new(
            "too_long",
            "app-error-too-long",
            args([
                ("field", serde_json::Value::from(field)),
                ("max", serde_json::Value::from(MAX_FIELD)),
            ]),
        ));
    }
    Ok(value)
}

/// A file written by a command.
#[derive(Debug, Clone, Serialize)]
pub struct SavedFile {
    /// Where it was written.
    pub path: String,
    /// For exports: the file's `validated`.
    pub validated: Option<bool>,
}

/// Everything the wizard needs to show its first step, in one call (one round trip through the
/// web view's IPC before the first paint instead of five).
#[derive(Debug, Clone, Serialize)]
pub struct StartState {
    /// Version of app and core, and the supported clouds (footer, cloud choice).
    pub info: crate::AppInfo,
    /// The demo's scenarios.
    pub scenarios: Vec<ScenarioInfo>,
    /// The demo's Genesys Cloud scenarios.
    pub genesys_scenarios: Vec<ScenarioInfo>,
    /// Everything the wizard shows.
    pub view: View,
    /// Reminder banners waiting in the window (none when the reminder store can't be read; the
    /// reason is logged).
    pub reminders: Vec<BannerView>,
    /// Start at login.
    pub background: Background,
    /// The app's own texts in the UI's language (see [`ui_texts`]).
    pub texts: UiTexts,
}

/// The app's own texts of one language, by the app's key, as parts the web view fills in.
pub type UiTexts = std::collections::BTreeMap<String, Vec<graphwiz_core::i18n::ui::Part>>;

/// The start-up state of the window, in the UI's language `lang` when it is given: version, demo
/// scenarios, the view, reminder banners, start at login and the app's texts.
#[tauri::command]
pub async fn start_state(
    app: AppHandle,
    d: State<'_, Desktop>,
    lang: Option<String>,
) -> Cmd<StartState> {
    crate::startup::mark("start_state");
    if let Some(l) = &lang {
        d.set_language(bounded("lang", l)?);
    }
    let reminders = reminders::banners(&app).unwrap_or_else(|e| {
        log::warn!("reminder banners: {e}");
        Vec::new()
    });
    Ok(StartState {
        info: crate::app_info_value(),
        scenarios: demo::scenarios(),
        genesys_scenarios: demo::genesys_scenarios(),
        view: d.view(),
        reminders,
        background: background_of(&app),
        texts: graphwiz_core::i18n::ui::ui_texts(d.language()),
    })
}

/// The app's own texts in `lang` (`en`, `de`; anything else is English), for a language switch.
#[tauri::command]
pub async fn ui_texts(lang: String) -> Cmd<UiTexts> {
    let lang = graphwiz_core::i18n::Lang::parse_or_english(bounded("lang", &lang)?);
    Ok(graphwiz_core::i18n::ui::ui_texts(lang))
}

/// Everything the wizard shows.
#[tauri::command]
pub async fn get_view(d: State<'_, Desktop>) -> Cmd<View> {
    Ok(d.view())
}

/// Goes to a reachable step.
#[tauri::command]
pub async fn go_to(d: State<'_, Desktop>, step: Step) -> Cmd<View> {
    ui(&d, d.go_to(step))
}

/// The next step.
#[tauri::command]
pub async fn go_next(d: State<'_, Desktop>) -> Cmd<View> {
    ui(&d, d.next())
}

/// The previous step.
#[tauri::command]
pub async fn go_back(d: State<'_, Desktop>) -> Cmd<View> {
    Ok(d.back())
}

/// Starts a new setup (ends the demo).
#[tauri::command]
pub async fn start_new(d: State<'_, Desktop>, server: State<'_, DemoServer>) -> Cmd<View> {
    let view = d.start_new();
    demo::follow_wizard(&server, &d);
    Ok(view)
}

/// Back to the start screen (ends the demo).
#[tauri::command]
pub async fn restart(d: State<'_, Desktop>, server: State<'_, DemoServer>) -> Cmd<View> {
    let view = d.restart();
    demo::follow_wizard(&server, &d);
    Ok(view)
}

/// Starts (or restarts with another scenario) the demo tenant.
#[tauri::command]
pub async fn start_demo(
    d: State<'_, Desktop>,
    server: State<'_, DemoServer>,
    scenario: Option<String>,
) -> Cmd<View> {
    let r = async {
        let scenario = demo::parse_scenario(scenario.as_deref())?;
        let genesys = demo::parse_genesys_scenario(d.demo_genesys_scenario().as_deref())?;
        let tenant = demo::start(&server, scenario, genesys)?;
        d.start_demo(tenant)
    }
    .await;
    ui(&d, r)
}

/// Switches the demo's Genesys Cloud organization to another scenario (the step stays).
#[tauri::command]
pub async fn start_genesys_demo(
    d: State<'_, Desktop>,
    server: State<'_, DemoServer>,
    scenario: String,
) -> Cmd<View> {
    let r = async {
        let scenario = demo::parse_genesys_scenario(Some(bounded("scenario", &scenario)?))?;
        let genesys = demo::start_genesys(&server, scenario)?;
        d.set_demo_genesys(genesys)
    }
    .await;
    ui(&d, r)
}

/// Saves the Genesys Cloud step; the Client Secret goes to the OS keychain (demo: memory).
#[tauri::command]
pub async fn save_genesys(d: State<'_, Desktop>, input: GenesysForm) -> Cmd<View> {
    let r = async {
        bounded("region", &input.region)?;
        bounded("client_id", &input.client_id)?;
        let view = d.save_genesys(input)?;
        log::info!("Genesys Cloud part saved (region {})", view.genesys.region);
        Ok(view)
    }
    .await;
    ui(&d, r)
}

/// Removes the profile's Genesys Cloud part and its keychain entry.
#[tauri::command]
pub async fn remove_genesys(d: State<'_, Desktop>) -> Cmd<View> {
    ui(&d, d.remove_genesys())
}

/// Disables and enables the Genesys integration, streaming progress over `on_progress`.
#[tauri::command]
pub async fn restart_genesys(
    d: State<'_, Desktop>,
    on_progress: Channel<GenesysProgressView>,
) -> Cmd<View> {
    let progress = move |p: GenesysProgressView| {
        let _ = on_progress.send(p);
    };
    let view = ui(&d, d.restart_genesys(&progress).await)?;
    if let Some(r) = &view.genesys.restart {
        log::info!(
            "Genesys restart: ok {}, final state {:?}",
            r.ok,
            r.final_state
        );
    }
    Ok(view)
}

/// Removes the notices (e.g. of an interrupted restart finished at start).
#[tauri::command]
pub async fn dismiss_notices(d: State<'_, Desktop>) -> Cmd<View> {
    Ok(d.dismiss_notices())
}

/// Live validation of one field; never echoes the secret.
#[tauri::command]
pub async fn validate_field(
    d: State<'_, Desktop>,
    field: String,
    value: String,
    other: Option<String>,
    i_know: Option<bool>,
) -> Cmd<FieldReport> {
    let r = async {
        let value = bounded(&field, &value)?;
        let other = match &other {
            Some(o) => Some(bounded("other", o)?),
            None => None,
        };
        let mut report = desktop::validate_field(&field, value, other, i_know.unwrap_or(false));
        for p in &mut report.problems {
            p.localize(d.language());
        }
        Ok(report)
    }
    .await;
    ui(&d, r)
}

/// Confirms the Azure app step; the secret goes to the OS keychain (demo: memory).
#[tauri::command]
pub async fn save_azure_app(
    app: AppHandle,
    d: State<'_, Desktop>,
    input: AzureAppInput,
) -> Cmd<View> {
    let r = async {
        for (field, v) in [
            ("name", &input.name),
            ("cloud", &input.cloud),
            ("tenant", &input.tenant),
            ("client_id", &input.client_id),
        ] {
            bounded(field, v)?;
        }
        d.save_azure_app(input)
    }
    .await;
    let view = ui(&d, r)?;
    log::info!(
        "Azure app confirmed for '{}' (secret stored: {})",
        view.form.name,
        view.form.secret_stored
    );
    reminders::kick(&app);
    Ok(view)
}

/// Runs every check.
#[tauri::command]
pub async fn run_checks(app: AppHandle, d: State<'_, Desktop>) -> Cmd<View> {
    let view = ui(&d, d.run_checks().await)?;
    reminders::kick(&app);
    log::info!(
        "checks: {} passed, {} warnings, {} failed",
        view.counts.pass,
        view.counts.warn,
        view.counts.fail
    );
    Ok(view)
}

fn system_browser(app: &AppHandle) -> impl Fn(&str) -> Result<(), String> + Send + Sync + '_ {
    move |url: &str| {
        app.opener()
            .open_url(url, None::<&str>)
            .map_err(|e| e.to_string())
    }
}

/// Opens the admin consent page, waits for it and checks again.
#[tauri::command]
pub async fn grant_admin_consent(app: AppHandle, d: State<'_, Desktop>) -> Cmd<View> {
    let browser = system_browser(&app);
    let view = d.grant_consent(&browser).await;
    reminders::kick(&app);
    ui(&d, view)
}

/// Admin sign-in to verify User.Read (Delegated).
#[tauri::command]
pub async fn verify_as_admin(app: AppHandle, d: State<'_, Desktop>) -> Cmd<View> {
    let browser = system_browser(&app);
    ui(&d, d.verify_as_admin(&browser).await)
}

/// How long the new secret stays on the clipboard for the admin to paste it into Genesys Cloud.
const CLIPBOARD_CLEAR_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Puts the new secret on the system clipboard (from Rust: the web view never sees it) and
/// clears the clipboard again after [`CLIPBOARD_CLEAR_AFTER`] if it still holds that value.
fn secret_to_clipboard(
    app: &AppHandle,
    secret: &graphwiz_core::ClientSecret,
) -> Result<(), String> {
    app.clipboard()
        .write_text(secret.expose().to_string())
        .map_err(|e| e.to_string())?;
    // Both copies are `ClientSecret`s, zeroed when dropped.
    let value = secret.clone();
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(CLIPBOARD_CLEAR_AFTER);
        let now = app
            .clipboard()
            .read_text()
            .ok()
            .map(graphwiz_core::ClientSecret::new);
        if now.as_ref().map(|s| s.expose()) == Some(value.expose()) {
            let _ = app.clipboard().clear();
        }
    });
    Ok(())
}

/// Starts (`start`), resumes (`resume`) or rolls back (`roll_back`) the client secret's rotation
/// of the profile in the wizard, streaming progress over `on_progress`. The new secret, when the
/// admin must paste it into Genesys Cloud, goes to the clipboard (see [`secret_to_clipboard`]).
#[tauri::command]
pub async fn rotate_secret(
    app: AppHandle,
    d: State<'_, Desktop>,
    action: String,
    months: u32,
    on_progress: Channel<RotateProgressView>,
) -> Cmd<View> {
    let action = ui(&d, bounded("action", &action))?.to_string();
    let browser = system_browser(&app);
    let progress = move |p: RotateProgressView| {
        let _ = on_progress.send(p);
    };
    let clip_app = app.clone();
    let clipboard = move |s: &graphwiz_core::ClientSecret| secret_to_clipboard(&clip_app, s);
    let view = ui(
        &d,
        d.rotate_secret(&action, months, &browser, &clipboard, &progress)
            .await,
    )?;
    if let Some(r) = &view.rotation.last {
        log::info!(
            "secret rotation ({action}): ok {}, stage {:?}",
            r.ok,
            r.stage
        );
    }
    reminders::kick(&app);
    Ok(view)
}

/// The admin's answer to a running rotation's paste request: `done` once the new secret is in
/// Genesys Cloud and the integration was restarted; false stops waiting (the rotation stays open).
#[tauri::command]
pub async fn confirm_paste(d: State<'_, Desktop>, done: bool) -> Cmd<()> {
    d.confirm_paste(done);
    Ok(())
}

/// Stops waiting for the administrator.
#[tauri::command]
pub async fn cancel_wait(d: State<'_, Desktop>) -> Cmd<()> {
    d.cancel_wait();
    Ok(())
}

/// Adds a mailbox.
#[tauri::command]
pub async fn add_mailbox(d: State<'_, Desktop>, address: String) -> Cmd<View> {
    ui(
        &d,
        bounded("mailbox", &address).and_then(|a| d.add_mailbox(a)),
    )
}

/// Removes a mailbox.
#[tauri::command]
pub async fn remove_mailbox(d: State<'_, Desktop>, address: String) -> Cmd<View> {
    ui(
        &d,
        bounded("mailbox", &address).and_then(|a| d.remove_mailbox(a)),
    )
}

/// Sets or clears the scope audit's probe mailbox.
#[tauri::command]
pub async fn set_probe_mailbox(d: State<'_, Desktop>, address: Option<String>) -> Cmd<View> {
    let r = async {
        let address = match &address {
            Some(a) => Some(bounded("probe_mailbox", a)?),
            None => None,
        };
        d.set_probe_mailbox(address)
    }
    .await;
    ui(&d, r)
}

/// Runs the live test, streaming progress over `on_progress`.
#[tauri::command]
pub async fn run_live_test(
    app: AppHandle,
    d: State<'_, Desktop>,
    sender: String,
    recipient: Option<String>,
    on_progress: Channel<ProgressView>,
) -> Cmd<View> {
    let progress = move |p: ProgressView| {
        let _ = on_progress.send(p);
    };
    let r = async {
        let recipient = match &recipient {
            Some(r) => Some(bounded("recipient", r)?),
            None => None,
        };
        d.run_live_test(bounded("sender", &sender)?, recipient, &progress)
            .await
    }
    .await;
    let view = ui(&d, r)?;
    reminders::kick(&app);
    if let Some(live) = &view.live {
        log::info!(
            "live test: ok {}, latency {:?} ms",
            live.ok,
            live.latency_ms
        );
    }
    Ok(view)
}

/// Runs the pickup test (Genesys Cloud fetches the test mail), streaming progress over
/// `on_progress`; `confirmed`: the admin agreed to the real interaction it creates.
#[tauri::command]
pub async fn run_pickup_test(
    app: AppHandle,
    d: State<'_, Desktop>,
    mailbox: String,
    from: Option<String>,
    confirmed: bool,
    on_progress: Channel<PickupProgressView>,
) -> Cmd<View> {
    let progress = move |p: PickupProgressView| {
        let _ = on_progress.send(p);
    };
    let r = async {
        let from = match &from {
            Some(f) => Some(bounded("from", f)?),
            None => None,
        };
        d.run_pickup_test(bounded("mailbox", &mailbox)?, from, confirmed, &progress)
            .await
    }
    .await;
    let view = ui(&d, r)?;
    reminders::kick(&app);
    if let Some(live) = &view.live {
        log::info!(
            "pickup test: ok {}, pickup latency {:?} ms",
            live.ok,
            live.pickup_latency_ms
        );
    }
    Ok(view)
}

/// The troubleshooter: symptoms, help topics and the last walk.
#[tauri::command]
pub async fn troubleshoot(d: State<'_, Desktop>) -> Cmd<TroubleshootView> {
    Ok(d.troubleshoot())
}

/// Walks a symptom against the integration in the wizard (from `from_step` to check again),
/// streaming each step over `on_progress`.
#[tauri::command]
pub async fn diagnose(
    d: State<'_, Desktop>,
    symptom: String,
    send_test_mail: bool,
    from_step: Option<String>,
    on_progress: Channel<DiagnoseProgressView>,
) -> Cmd<TroubleshootView> {
    let progress = move |p: DiagnoseProgressView| {
        let _ = on_progress.send(p);
    };
    let r = async {
        let from_step = match &from_step {
            Some(f) => Some(bounded("from_step", f)?),
            None => None,
        };
        d.diagnose(
            bounded("symptom", &symptom)?,
            send_test_mail,
            from_step,
            &progress,
        )
        .await
    }
    .await;
    let view = ui(&d, r)?;
    if let Some(w) = &view.last {
        log::info!("troubleshooter: {} → cause {:?}", w.symptom, w.cause);
    }
    Ok(view)
}

/// Records the secret's expiry entered by hand.
#[tauri::command]
pub async fn set_expiry(app: AppHandle, d: State<'_, Desktop>, date: String) -> Cmd<View> {
    let view = ui(&d, bounded("expiry", &date).and_then(|x| d.set_expiry(x)))?;
    reminders::kick(&app);
    Ok(view)
}

/// Changes the reminder settings (`desktop`: desktop reminders on or off).
#[tauri::command]
pub async fn set_reminders(
    app: AppHandle,
    d: State<'_, Desktop>,
    warn_days: u32,
    days: Vec<u32>,
    desktop: Option<bool>,
) -> Cmd<View> {
    if days.len() > 16 {
        let e = DesktopError::plain("too_long", "app-error-too-many-days");
        return ui(&d, Err(e));
    }
    let view = ui(&d, d.set_reminders(warn_days, &days, desktop))?;
    reminders::kick(&app);
    Ok(view)
}

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

fn background_of(app: &AppHandle) -> Background {
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
