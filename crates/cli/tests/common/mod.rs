//! Shared by the CLI integration tests: runs the real `graphwiz` binary with its own data folder,
//! an optional secret on standard input and extra environment, and captures what it printed.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// What one run of graphwiz did.
pub struct Run {
    /// Exit status (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs graphwiz with `GRAPHWIZ_HOME=home`, no inherited `GRAPHWIZ_CLIENT_SECRET`, `stdin` piped
/// in when given, and `env` set.
pub fn graphwiz_in(home: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_graphwiz"));
    cmd.args(args)
        .env("GRAPHWIZ_HOME", home)
        .env_remove("GRAPHWIZ_CLIENT_SECRET")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start graphwiz");
    if let Some(input) = stdin {
        // graphwiz may exit before reading (bad input is refused first).
        let _ = child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(input.as_bytes());
    }
    let out = child.wait_with_output().expect("graphwiz ran");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
