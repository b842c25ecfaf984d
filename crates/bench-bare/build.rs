//! Build script: generates the Tauri context of the bare baseline window.

fn main() {
    tauri_build::build();
}
