//! Shared by the CLI integration tests: runs the real `graphwiz` binary with its own data folder,
//! an optional secret on standard input and extra environment, and captures what it printed.
// Each test file uses a part of this module.
#![allow(dead_code)]

pub mod orgs;

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// What one run of graphwiz did.
pub struct Run {
    /// Exit status (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Standard output as one JSON document (the test fails, showing both streams, otherwise).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not one JSON object ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// The graphwiz command with `GRAPHWIZ_HOME=home`, no inherited `GRAPHWIZ_CLIENT_SECRET` or
/// `GRAPHWIZ_TEST_BROWSER`, standard input closed, both outputs captured, and `env` set.
pub fn command(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_graphwiz"));
    cmd.args(args)
        .env("GRAPHWIZ_HOME", home)
        .env_remove("GRAPHWIZ_CLIENT_SECRET")
        .env_remove("GRAPHWIZ_TEST_BROWSER")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// Starts `cmd`, with `stdin` piped in when given (and then closed).
pub fn start(mut cmd: Command, stdin: Option<&str>) -> Child {
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
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
    child
}

/// Runs graphwiz as [`command`] sets it up, with `stdin` piped in when given, to its end.
pub fn graphwiz_in(home: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    let out = start(command(home, args, env), stdin)
        .wait_with_output()
        .expect("graphwiz ran");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `graphwiz profile add NAME` for tenant `index` of the emulator (its login and Graph URL, the
/// secret on standard input), with `extra` options.
pub fn add_profile(
    home: &Path,
    name: &str,
    emu: &graphwiz_emulator::Emulator,
    index: usize,
    extra: &[&str],
) -> Run {
    let c = emu.credentials(index).expect("tenant exists");
    let url = emu.base_url();
    let mut args = vec![
        "profile",
        "add",
        name,
        "--tenant",
        &c.tenant_domain,
        "--client-id",
        &c.client_id,
        "--login-url",
        &url,
        "--graph-url",
        &url,
        "--secret-stdin",
    ];
    args.extend_from_slice(extra);
    graphwiz_in(home, &args, Some(&format!("{}\n", c.client_secret)), &[])
}
