//! Every test-only hook of graphwiz, in one place: environment variables that end-to-end tests
//! and benchmarks set so they can drive the app and the CLI without native dialogs, a real
//! browser or a stopwatch. Both faces read them only through this module.
//!
//! None of them is set on a normal user's machine, and none can loosen a rule the app keeps: each
//! is ignored unless set (and, where the table says so, set to the one kind of value it takes: an
//! absolute path, a loopback URL, the word `follow`), none turns off a validation, and none can send the client secret anywhere it
//! would not go anyway (the loopback-only rule for `http://` stays with [`crate::Endpoints`]).
//!
//! | variable | what it does | why it cannot change a normal user's app |
//! |---|---|---|
//! | [`E2E_EXPORT_DIR_ENV`] | exports and calendar files go to that folder instead of a save dialog | only honoured when set; what is written never holds the secret |
//! | [`E2E_IMPORT_FILE_ENV`] | "Import config file" reads that file instead of an open dialog | only honoured when set; the file goes through the same import validation and confirmation |
//! | [`E2E_LOOPBACK_URL_ENV`] | a new setup signs in and reads Graph at that loopback URL | anything that is not an `http(s)` loopback URL is ignored, so nothing leaves the machine |
//! | [`READY_FILE_ENV`] | the window writes when its first step is on screen (benchmark) | only an absolute path; the file gets a number, nothing else |
//! | [`TRACE_FILE_ENV`] | start-up phases are appended to that file (benchmark) | only an absolute path; phase names and times only |
//! | [`TEST_BROWSER_ENV`] | the CLI follows a sign-in or consent URL itself instead of launching a browser | only the exact value `follow`; it fetches the URL a browser would be sent to and hands the redirect to graphwiz's own loopback listener, which checks it as it checks a browser's |

use crate::microsoft::cloud::is_loopback_host;
use std::ffi::OsString;
use std::path::PathBuf;

/// Test-only: when set to a folder, exports and calendar files are written there instead of
/// asking with a save dialog (WebDriver cannot drive native dialogs).
pub const E2E_EXPORT_DIR_ENV: &str = "GRAPHWIZ_E2E_EXPORT_DIR";
/// Test-only: when set to a loopback base URL (e.g. the emulator's `http://127.0.0.1:PORT`), a
/// new setup signs in and reads Graph there instead of the cloud's hosts. End-to-end tests use it
/// to run a saved (non-demo) profile against the emulator; anything that is not loopback is
/// ignored, so it can never send a secret elsewhere.
pub const E2E_LOOPBACK_URL_ENV: &str = "GRAPHWIZ_E2E_LOOPBACK_URL";
/// Test-only: when set to a file, "Import config file" reads it instead of asking with an open
/// dialog (WebDriver cannot drive native dialogs).
pub const E2E_IMPORT_FILE_ENV: &str = "GRAPHWIZ_E2E_IMPORT_FILE";
/// Benchmark: a file the UI's start-up time is written to once its first step is on screen.
pub const READY_FILE_ENV: &str = "GRAPHWIZ_READY_FILE";
/// Benchmark: a file each start-up phase appends `<phase> <UNIX epoch milliseconds>` to.
pub const TRACE_FILE_ENV: &str = "GRAPHWIZ_TRACE_FILE";
/// Test-only (CLI): `follow` makes the CLI follow a sign-in or consent URL of the emulator itself
/// instead of launching a browser.
pub const TEST_BROWSER_ENV: &str = "GRAPHWIZ_TEST_BROWSER";

/// The folder exports go to in end-to-end tests (see [`E2E_EXPORT_DIR_ENV`]).
pub fn e2e_export_dir() -> Option<PathBuf> {
    std::env::var_os(E2E_EXPORT_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The file "Import config file" reads in end-to-end tests (see [`E2E_IMPORT_FILE_ENV`]).
pub fn e2e_import_file() -> Option<PathBuf> {
    std::env::var_os(E2E_IMPORT_FILE_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The loopback base URL of [`E2E_LOOPBACK_URL_ENV`], when set to one (end-to-end tests only).
pub fn e2e_loopback_url() -> Option<String> {
    let v = std::env::var(E2E_LOOPBACK_URL_ENV).ok()?;
    let u = url::Url::parse(v.trim()).ok()?;
    (is_loopback_host(&u) && matches!(u.scheme(), "http" | "https"))
        .then(|| v.trim().trim_end_matches('/').to_string())
}

/// The raw value of [`READY_FILE_ENV`]; the shell refuses a relative path with an error.
pub fn ready_file() -> Option<OsString> {
    std::env::var_os(READY_FILE_ENV)
}

/// The start-up trace file of [`TRACE_FILE_ENV`], when set to an absolute path.
pub fn trace_file() -> Option<PathBuf> {
    std::env::var_os(TRACE_FILE_ENV)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

/// True when [`TEST_BROWSER_ENV`] is `follow`.
pub fn test_browser_follows() -> bool {
    std::env::var(TEST_BROWSER_ENV).is_ok_and(|v| v == "follow")
}
