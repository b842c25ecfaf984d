//! `graphwiz`: the command line over graphwiz-core, for scripts, monitoring and many tenants.
//!
//! Exit status: 0 no check failed (warnings allowed), 1 a check failed, 2 bad input or usage
//! (nothing was sent over the network), 3 the environment cannot do what was asked.

mod output;

use clap::{Args, Parser, Subcommand};
use graphwiz_core::validate::{self, Problem};
use graphwiz_core::{CheckInput, ClientSecret, Cloud, Endpoints};
use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

/// Environment variable that may carry the client secret.
const SECRET_ENV: &str = "GRAPHWIZ_CLIENT_SECRET";

/// Exit status: no check failed.
pub const EXIT_OK: u8 = 0;
/// Exit status: a check failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit status: bad input or usage.
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "graphwiz",
    version,
    about = "Set up, prove and keep healthy the Microsoft Graph email integration of Genesys Cloud",
    after_help = "The client secret is never an argument: pipe it with --secret-stdin or set GRAPHWIZ_CLIENT_SECRET.\nExit status: 0 no check failed, 1 a check failed, 2 bad input or usage, 3 the environment can't do this."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check an app registration: tenant, credentials, requested permissions and admin consent.
    Check(CheckArgs),
}

#[derive(Args, Debug, Clone)]
struct TargetArgs {
    /// Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.
    #[arg(long, value_name = "GUID|DOMAIN")]
    tenant: String,
    /// Application (client) ID of the app registration used by Genesys Cloud.
    #[arg(long, value_name = "GUID")]
    client_id: String,
    /// The Microsoft cloud the tenant lives in.
    #[arg(long, value_name = "CLOUD", default_value = "global", value_parser = ["global", "usgov", "china"])]
    cloud: String,
    /// Replaces the cloud's login host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    login_url: Option<String>,
    /// Replaces the cloud's Microsoft Graph host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    graph_url: Option<String>,
    /// Timeout of each network request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// Read the client secret's Value from standard input (otherwise from GRAPHWIZ_CLIENT_SECRET).
    #[arg(long)]
    secret_stdin: bool,
    /// Accept a secret that looks like a Secret ID or contains whitespace.
    #[arg(long)]
    i_know: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    target: TargetArgs,
    /// Print one JSON object on standard output instead of text.
    #[arg(long)]
    json: bool,
}

/// A failure before any check ran: what is wrong and the exit status.
struct UsageError {
    problems: Vec<Problem>,
    message: Option<String>,
}

impl From<Problem> for UsageError {
    fn from(p: Problem) -> Self {
        UsageError {
            problems: vec![p],
            message: None,
        }
    }
}

impl UsageError {
    fn msg(m: impl Into<String>) -> Self {
        UsageError {
            problems: vec![],
            message: Some(m.into()),
        }
    }
    fn print(&self) {
        for p in &self.problems {
            eprintln!("error: {}: {}", p.field, p.message);
        }
        if let Some(m) = &self.message {
            eprintln!("error: {m}");
        }
    }
}

fn read_secret(from_stdin: bool) -> Result<String, UsageError> {
    if from_stdin {
        let mut buf = String::new();
        std::io::stdin()
            .take(64 * 1024)
            .read_to_string(&mut buf)
            .map_err(|e| {
                UsageError::msg(format!(
                    "could not read the client secret from standard input: {e}"
                ))
            })?;
        // The line end that `echo` or a here-string adds is not a copy mistake; anything else is.
        let line = buf.strip_suffix('\n').unwrap_or(&buf);
        let line = line.strip_suffix('\r').unwrap_or(line);
        return Ok(line.to_string());
    }
    match std::env::var(SECRET_ENV) {
        Ok(v) => Ok(v),
        Err(std::env::VarError::NotUnicode(_)) => Err(UsageError::msg(format!(
            "{SECRET_ENV} is not valid UTF-8; set it to the secret's Value as shown in the Azure portal"
        ))),
        Err(std::env::VarError::NotPresent) => Err(UsageError::msg(format!(
            "no client secret given: pipe the secret's Value with --secret-stdin (e.g. from a password manager) or set {SECRET_ENV}; it is never accepted as an argument"
        ))),
    }
}

/// Validates everything a check needs; prints warnings to stderr.
fn check_input(t: &TargetArgs) -> Result<CheckInput, UsageError> {
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let tenant = match validate::tenant(&t.tenant) {
        Ok((v, w)) => {
            warnings.extend(w);
            Some(v)
        }
        Err(p) => {
            errors.push(p);
            None
        }
    };
    let client_id = match validate::client_id(&t.client_id) {
        Ok((v, w)) => {
            warnings.extend(w);
            Some(v)
        }
        Err(p) => {
            errors.push(p);
            None
        }
    };
    let cloud: Cloud = t.cloud.parse().map_err(UsageError::msg)?;
    let endpoints = Endpoints::new(cloud, t.login_url.as_deref(), t.graph_url.as_deref())
        .map_err(|e| UsageError::msg(e.to_string()))?;
    if !errors.is_empty() {
        return Err(UsageError {
            problems: errors,
            message: None,
        });
    }
    let (tenant, client_id) = (tenant.unwrap_or_default(), client_id.unwrap_or_default());
    warnings.extend(validate::tenant_and_client(&tenant, &client_id));
    let raw = read_secret(t.secret_stdin)?;
    let (secret, w): (ClientSecret, _) = validate::secret(&raw, t.i_know)?;
    warnings.extend(w);
    for w in &warnings {
        eprintln!("warning: {}: {}", w.field, w.message);
    }
    Ok(CheckInput {
        endpoints,
        tenant,
        client_id,
        secret,
        timeout: Duration::from_secs(t.timeout),
    })
}

fn runtime() -> tokio::runtime::Runtime {
    match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            std::process::exit(3);
        }
    }
}

fn cmd_check(args: CheckArgs) -> u8 {
    let input = match check_input(&args.target) {
        Ok(i) => i,
        Err(e) => {
            e.print();
            return EXIT_USAGE;
        }
    };
    let report = runtime().block_on(graphwiz_core::run_check(&input));
    if args.json {
        output::print_json(&report);
    } else {
        output::print_human(&input, &report);
    }
    if report.ok {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(a) => cmd_check(a),
    };
    ExitCode::from(code)
}
