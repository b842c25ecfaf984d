//! Entry point of the graphwiz desktop app.
//!
//! All wiring lives in the library crate ([`graphwiz_app::run`]) so that it can be tested and
//! reused; this file only starts it. In release builds on Windows no console window is opened.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    graphwiz_app::run();
}
