//! `graphwiz completions SHELL` and `graphwiz man`: shell completions and man pages generated
//! from the clap definitions (clap_complete, clap_mangen), for packages and admins. Both are
//! hidden from `--help`; they touch no profile, keychain or network.

use clap::{Args, CommandFactory, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A shell graphwiz writes completions for.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Shell {
    /// Bash (`/usr/share/bash-completion/completions/graphwiz`).
    Bash,
    /// Zsh (`/usr/share/zsh/vendor-completions/_graphwiz`).
    Zsh,
    /// fish (`/usr/share/fish/vendor_completions.d/graphwiz.fish`).
    Fish,
    /// PowerShell (dot-source it from `$PROFILE`).
    #[value(name = "powershell", alias = "pwsh")]
    Powershell,
    /// Elvish.
    Elvish,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// Write graphwiz.1 and one page per command (graphwiz-check.1, …) into this folder instead
    /// of printing graphwiz.1.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// The whole command tree (`--help` hides `completions` and `man`; the completions know them).
fn visible_command() -> clap::Command {
    let mut cmd = crate::Cli::command();
    cmd.build();
    cmd
}

fn write_failed(path: &Path, e: &dyn std::fmt::Display) -> u8 {
    let args = graphwiz_core::i18n::args([
        ("path", path.display().to_string()),
        ("detail", e.to_string()),
    ]);
    eprintln!(
        "{}",
        graphwiz_core::i18n::text(crate::lang(), "cli-write-failed", &args)
    );
    crate::EXIT_ENVIRONMENT
}

/// Prints the completion script of `shell` to standard output.
pub fn completions(a: CompletionsArgs) -> u8 {
    let mut cmd = visible_command();
    let mut out = Vec::new();
    match a.shell {
        Shell::Bash => {
            clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, "graphwiz", &mut out)
        }
        Shell::Zsh => {
            clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, "graphwiz", &mut out)
        }
        Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, "graphwiz", &mut out)
        }
        Shell::Powershell => clap_complete::generate(
            clap_complete::Shell::PowerShell,
            &mut cmd,
            "graphwiz",
            &mut out,
        ),
        Shell::Elvish => {
            clap_complete::generate(clap_complete::Shell::Elvish, &mut cmd, "graphwiz", &mut out)
        }
    }
    match std::io::stdout().write_all(&out) {
        Ok(()) => crate::EXIT_OK,
        Err(e) => write_failed(Path::new("-"), &e),
    }
}

/// `cmd` without clap's `help` subcommands (they would each get a man page of their own).
fn without_help_subcommands(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = cmd.disable_help_subcommand(true);
    for name in names {
        cmd = cmd.mut_subcommand(name, without_help_subcommands);
    }
    cmd
}

/// Prints graphwiz.1, or writes every page into `--out-dir` (graphwiz.1, graphwiz-check.1, …).
pub fn man(a: ManArgs) -> u8 {
    let cmd = without_help_subcommands(crate::Cli::command());
    match a.out_dir {
        None => {
            let mut out = Vec::new();
            if let Err(e) = clap_mangen::Man::new(cmd).render(&mut out) {
                return write_failed(Path::new("-"), &e);
            }
            match std::io::stdout().write_all(&out) {
                Ok(()) => crate::EXIT_OK,
                Err(e) => write_failed(Path::new("-"), &e),
            }
        }
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(&dir) {
                return write_failed(&dir, &e);
            }
            if let Err(e) = clap_mangen::generate_to(cmd, &dir) {
                return write_failed(&dir, &e);
            }
            let count = std::fs::read_dir(&dir)
                .map(|d| {
                    d.filter_map(Result::ok)
                        .filter(|e| e.path().extension().is_some_and(|x| x == "1"))
                        .count()
                })
                .unwrap_or(0);
            let args = graphwiz_core::i18n::args([
                ("count", serde_json::Value::from(count)),
                ("dir", serde_json::Value::from(dir.display().to_string())),
            ]);
            eprintln!(
                "{}",
                graphwiz_core::i18n::text(crate::lang(), "cli-man-written", &args)
            );
            crate::EXIT_OK
        }
    }
}
