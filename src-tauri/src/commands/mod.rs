//! The app's Tauri commands: thin wrappers over [`graphwiz_core::desktop::Desktop`].
//!
//! This file holds the wizard's commands (steps, Azure app, checks, consent, mailboxes, live and
//! pickup tests, Genesys Cloud, rotation, troubleshooter); `settings`, `files` and `profiles` the
//! rest.
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

mod files;
mod profiles;
mod settings;

pub use files::*;
pub use profiles::*;
pub use settings::*;

use crate::demo::{self, DemoServer, ScenarioInfo};
use crate::reminders;
use graphwiz_core::desktop::{
    self, AzureAppInput, CreateAppInput, Desktop, DesktopError, DiagnoseProgressView, FieldReport,
    FixPlanView, GenesysForm, GenesysProgressView, PickupProgressView, ProgressView,
    RotateProgressView, SetupProgressView, Step, TroubleshootView, View,
};
use graphwiz_core::i18n::args;
use graphwiz_core::reminders::BannerView;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
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

/// Creates the app registration Genesys Cloud needs (`start`), or resumes (`resume`) or rolls
/// back (`roll_back`) an interrupted creation, after the administrator's sign-in, streaming
/// progress over `on_progress`. The new secret goes to the keychain (demo: memory), never here.
#[tauri::command]
pub async fn create_app_registration(
    app: AppHandle,
    d: State<'_, Desktop>,
    input: CreateAppInput,
    action: String,
    on_progress: Channel<SetupProgressView>,
) -> Cmd<View> {
    let checked = (|| {
        for (field, v) in [
            ("name", &input.name),
            ("cloud", &input.cloud),
            ("tenant", &input.tenant),
            ("mailbox", &input.mailbox),
            ("app_name", &input.app_name),
            ("action", &action),
        ] {
            bounded(field, v)?;
        }
        Ok(())
    })();
    ui(&d, checked)?;
    let browser = system_browser(&app);
    let progress = move |p: SetupProgressView| {
        let _ = on_progress.send(p);
    };
    let view = ui(&d, d.create_app(input, &action, &browser, &progress).await)?;
    if let Some(r) = &view.app_setup.last {
        log::info!(
            "app registration setup ({action}): ok {}, stage {:?}",
            r.ok,
            r.stage
        );
    }
    reminders::kick(&app);
    Ok(view)
}

/// "Fix it": the administrator signs in and graphwiz reads what it would change in the app
/// registration; the plan waits in the core for [`fix_apply`] or [`fix_discard`].
#[tauri::command]
pub async fn fix_plan(app: AppHandle, d: State<'_, Desktop>) -> Cmd<FixPlanView> {
    let browser = system_browser(&app);
    ui(&d, d.fix_plan(&browser).await)
}

/// Applies the plan the admin confirmed and checks again; `on_progress` names each change.
#[tauri::command]
pub async fn fix_apply(
    app: AppHandle,
    d: State<'_, Desktop>,
    on_progress: Channel<String>,
) -> Cmd<View> {
    let step = move |s: String| {
        let _ = on_progress.send(s);
    };
    let view = ui(&d, d.fix_apply(&step).await)?;
    log::info!(
        "repair applied: {} passed, {} failed",
        view.counts.pass,
        view.counts.fail
    );
    reminders::kick(&app);
    Ok(view)
}

/// Forgets a repair plan the admin did not confirm.
#[tauri::command]
pub async fn fix_discard(d: State<'_, Desktop>) -> Cmd<()> {
    d.fix_discard();
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
