//! A bare Tauri window built from the graphwiz workspace: the baseline against which
//! `graphwiz-bench app` compares the wizard's cold start and memory. With GRAPHWIZ_READY_FILE
//! set, its page reports "interactive" through `ui_ready` exactly like the wizard does; with
//! GRAPHWIZ_TRACE_FILE set, it records the same start-up phases (`main`, `page_start`,
//! `dom_ready`, `ui_ready`) as the wizard's trace.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;

fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

fn mark(phase: &str, at: f64) {
    let Some(path) = std::env::var_os("GRAPHWIZ_TRACE_FILE") else {
        return;
    };
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{phase} {at:.1}");
    }
}

/// Writes the time the page became interactive (UNIX epoch milliseconds) to GRAPHWIZ_READY_FILE.
#[tauri::command]
fn ui_ready(marks: Option<Vec<(String, f64)>>) {
    for (phase, at) in marks.unwrap_or_default().iter().take(16) {
        if phase
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            mark(phase, *at);
        }
    }
    mark("ui_ready", epoch_ms());
    let Some(path) = std::env::var_os("GRAPHWIZ_READY_FILE") else {
        return;
    };
    let _ = std::fs::write(path, (epoch_ms() as u128).to_string());
}

fn main() {
    mark("main", epoch_ms());
    if let Err(e) = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
    {
        eprintln!("graphwiz-bench-bare: {e}");
        std::process::exit(1);
    }
}
