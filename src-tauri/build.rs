//! Build script: lets `tauri-build` read `tauri.conf.json`, the capabilities and the icons
//! and generate the context that `tauri::generate_context!` embeds into the app.

fn main() {
    tauri_build::build();
}
