//! Build script: lets `tauri-build` read `tauri.conf.json`, the capabilities and the icons
//! and generate the context that `tauri::generate_context!` embeds into the app.
//!
//! It also sets `GRAPHWIZ_COMMIT` (`git rev-parse --short HEAD`, "unknown" outside a git
//! checkout) and `GRAPHWIZ_BUILD_DATE` (UTC; `SOURCE_DATE_EPOCH` when set) for the About line,
//! the same way `crates/cli/build.rs` does for `graphwiz --version`. Never uses the network.
//!
//! The app's own commands are declared here, so Tauri generates an `allow-<command>` permission
//! for each and the web view may call only those listed in `capabilities/default.json`.

/// Every `#[tauri::command]` of `src/commands/`.
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
    "rotate_secret",
    "confirm_paste",
    "create_app_registration",
    "fix_plan",
    "fix_apply",
    "fix_discard",
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
    "confirm_import",
    "cancel_import",
    "copy_value",
    "open_external",
    "list_profiles",
    "recheck_profiles",
    "open_profile",
    "remove_profile",
    "set_language",
    "ui_texts",
    "word_message",
    "set_autostart",
    "pending_reminders",
    "dismiss_reminder",
    "open_reminder",
    "ui_ready",
];

use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Commit and build date of this build, as `rustc-env` for `env!`.
fn build_info() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    println!("cargo:rerun-if-env-changed=GRAPHWIZ_COMMIT");
    // A new commit or checkout changes HEAD (or the ref it points to).
    if let Some(dir) = git(&["rev-parse", "--absolute-git-dir"]) {
        println!("cargo:rerun-if-changed={dir}/HEAD");
        if let Some(r) = git(&["symbolic-ref", "-q", "HEAD"]) {
            println!("cargo:rerun-if-changed={dir}/{r}");
        }
        println!("cargo:rerun-if-changed={dir}/packed-refs");
    }
    let commit = std::env::var("GRAPHWIZ_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| git(&["rev-parse", "--short", "HEAD"]))
        .unwrap_or_else(|| "unknown".to_string());
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    let (y, m, d) = civil(secs.div_euclid(86_400));
    println!("cargo:rustc-env=GRAPHWIZ_COMMIT={commit}");
    println!("cargo:rustc-env=GRAPHWIZ_BUILD_DATE={y:04}-{m:02}-{d:02}");
}

fn main() {
    build_info();
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
