//! `graphwiz`: the command line over graphwiz-core, for scripts, monitoring and many tenants.
//!
//! Exit status: 0 no check failed (warnings allowed), 1 a check failed, 2 bad input or usage
//! (nothing was sent over the network), 3 the environment cannot do what was asked (no OS
//! keychain, a damaged profiles file).

mod check_cmd;
mod consent_cmd;
mod diagnose_cmd;
mod expiry_cmd;
mod fix_cmd;
mod genesys_cmd;
mod input;
mod livetest_cmd;
mod output;
mod profile_cmd;
mod rotate_cmd;
mod setup_cmd;
mod shell_cmd;
mod transfer_cmd;

use clap::{Args, Parser, Subcommand};
use std::process::ExitCode;

/// Exit status: no check failed.
pub const EXIT_OK: u8 = 0;
/// Exit status: a check failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit status: bad input or usage.
pub const EXIT_USAGE: u8 = 2;
/// Exit status: the environment can't do this.
pub const EXIT_ENVIRONMENT: u8 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "graphwiz",
    version = VERSION,
    about = "Set up, prove and keep healthy the Microsoft Graph email integration of Genesys Cloud",
    after_help = "The client secret is never an argument: pipe it with --secret-stdin or set GRAPHWIZ_CLIENT_SECRET; profiles keep it in the OS keychain.\nExit status: 0 no check failed, 1 a check failed, 2 bad input or usage, 3 the environment can't do this (no OS keychain, damaged profiles file)."
)]
struct Cli {
    /// Language of the messages: en or de [default: GRAPHWIZ_LANG, else the system locale, else en].
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "de"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// `graphwiz --version`: version, commit and build date (crates/cli/build.rs).
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("GRAPHWIZ_COMMIT"),
    ", built ",
    env!("GRAPHWIZ_BUILD_DATE"),
    ")"
);

static LANG: std::sync::OnceLock<graphwiz_core::i18n::Lang> = std::sync::OnceLock::new();

/// The language of this run's messages.
pub fn lang() -> graphwiz_core::i18n::Lang {
    *LANG.get_or_init(graphwiz_core::i18n::Lang::from_env)
}

/// Catalog message `id` (no arguments) in this run's language.
pub fn tr(id: &str) -> String {
    graphwiz_core::i18n::text(lang(), id, &graphwiz_core::i18n::Args::new())
}

/// Catalog message `id` with `args` in this run's language.
pub fn tra(id: &str, args: &graphwiz_core::i18n::Args) -> String {
    graphwiz_core::i18n::text(lang(), id, args)
}

/// Arguments of a catalog message from pairs of any JSON values (strings, numbers, typed
/// arguments such as `decimal_arg`).
#[macro_export]
macro_rules! margs {
    ($($k:literal => $v:expr),* $(,)?) => {
        graphwiz_core::i18n::args([$(($k, serde_json::Value::from($v))),*])
    };
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check an app registration: tenant, credentials, requested permissions and admin consent.
    Check(check_cmd::CheckArgs),
    /// Run the checks, then send a real test mail, see it arrive, mark it read and delete it.
    LiveTest(livetest_cmd::LiveTestArgs),
    /// Manage saved profiles (one per integration; the secret stays in the OS keychain).
    #[command(subcommand)]
    Profile(profile_cmd::ProfileCommand),
    /// Check and write a validated config file (never the secret) for Genesys Cloud or audit.
    Export(transfer_cmd::ExportArgs),
    /// Create a profile from a config file; the secret is asked for again (stdin or environment).
    Import(transfer_cmd::ImportArgs),
    /// Show when each profile's client secret expires; exit 1 when one is inside the warning window.
    Expiry(expiry_cmd::ExpiryArgs),
    /// Write an iCalendar file with an event on each secret's expiry day and alarms before it.
    Reminders(expiry_cmd::RemindersArgs),
    /// Print the admin consent URL of an app (one line), to open as a Global or Privileged Role Administrator.
    ConsentUrl(consent_cmd::ConsentUrlArgs),
    /// Grant admin consent in the browser, then check again and show what changed.
    Consent(consent_cmd::ConsentArgs),
    /// Rotate the client secret in Azure and Genesys Cloud together (resumable, with roll-back).
    Rotate(rotate_cmd::RotateArgs),
    /// Set the integration up from nothing: the Azure app registration with its permissions,
    /// admin consent and client secret (resumable, with roll-back).
    #[command(subcommand)]
    Setup(setup_cmd::SetupCommand),
    /// Repair the app registration's permissions and admin consent through Microsoft Graph,
    /// after showing the plan (an expiring secret is handed over to rotate).
    Fix(fix_cmd::FixArgs),
    /// Start from the symptom ("no mail", "bounces", …) and find its first real cause.
    Diagnose(diagnose_cmd::DiagnoseArgs),
    /// The Genesys Cloud side: restart the integration (disable, then enable), list regions.
    #[command(subcommand)]
    Genesys(genesys_cmd::GenesysCommand),
    /// Print the shell completion script for bash, zsh, fish or PowerShell.
    #[command(hide = true)]
    Completions(shell_cmd::CompletionsArgs),
    /// Print the man page (or write all of them with --out-dir).
    #[command(hide = true)]
    Man(shell_cmd::ManArgs),
}

/// Options that say which integration to talk to; shared by every command that checks.
#[derive(Args, Debug, Clone, Default)]
pub struct TargetArgs {
    /// Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.
    #[arg(long, value_name = "GUID|DOMAIN")]
    pub tenant: Option<String>,
    /// Application (client) ID of the app registration used by Genesys Cloud.
    #[arg(long, value_name = "GUID")]
    pub client_id: Option<String>,
    /// The Microsoft cloud the tenant lives in [default: global].
    #[arg(long, value_name = "CLOUD", value_parser = ["global", "usgov", "china"])]
    pub cloud: Option<String>,
    /// Replaces the cloud's login host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    pub login_url: Option<String>,
    /// Replaces the cloud's Microsoft Graph host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    pub graph_url: Option<String>,
    /// Read the client secret's Value from standard input (otherwise from GRAPHWIZ_CLIENT_SECRET).
    #[arg(long)]
    pub secret_stdin: bool,
    /// Accept a secret that looks like a Secret ID or contains whitespace.
    #[arg(long)]
    pub i_know: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(l) = cli
        .lang
        .as_deref()
        .and_then(graphwiz_core::i18n::Lang::parse)
    {
        let _ = LANG.set(l);
    }
    // Completions and man pages touch nothing else.
    let command = match cli.command {
        Command::Completions(a) => return ExitCode::from(shell_cmd::completions(a)),
        Command::Man(a) => return ExitCode::from(shell_cmd::man(a)),
        other => other,
    };
    // A restart that an earlier run left half done is finished before anything else.
    genesys_cmd::recover_interrupted();
    let code = match command {
        Command::Check(a) => check_cmd::run(a),
        Command::LiveTest(a) => livetest_cmd::run(a),
        Command::Profile(c) => profile_cmd::run(c),
        Command::Export(a) => transfer_cmd::export(a),
        Command::Import(a) => transfer_cmd::import(a),
        Command::Expiry(a) => expiry_cmd::expiry(a),
        Command::Reminders(a) => expiry_cmd::reminders(a),
        Command::ConsentUrl(a) => consent_cmd::consent_url(a),
        Command::Consent(a) => consent_cmd::consent(a),
        Command::Genesys(c) => genesys_cmd::run(c),
        Command::Diagnose(a) => diagnose_cmd::run(a),
        Command::Rotate(a) => rotate_cmd::run(a),
        Command::Setup(c) => setup_cmd::run(c),
        Command::Fix(a) => fix_cmd::run(a),
        Command::Completions(_) | Command::Man(_) => EXIT_OK,
    };
    ExitCode::from(code)
}
