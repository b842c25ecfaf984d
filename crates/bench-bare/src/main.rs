//! A bare Tauri window built from the graphwiz workspace: the baseline against which
//! `graphwiz-bench app` compares the wizard's cold start and memory. With GRAPHWIZ_READY_FILE
//! set, its page reports "interactive" through `ui_ready` exactly like the wizard does.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Writes the time the page became interactive (UNIX epoch milliseconds) to GRAPHWIZ_READY_FILE.
#[tauri::command]
fn ui_ready() {
    let Some(path) = std::env::var_os("GRAPHWIZ_READY_FILE") else {
        return;
    };
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let _ = std::fs::write(path, ms.to_string());
}

fn main() {
    if let Err(e) = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
    {
        eprintln!("graphwiz-bench-bare: {e}");
        std::process::exit(1);
    }
}
