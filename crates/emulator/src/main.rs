//! The `graphwiz-emulator` command: runs the Entra ID + Microsoft Graph emulator on loopback with
//! the chosen scenarios, prints the base URL and the demo credentials to use, and serves until
//! Ctrl-C.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use graphwiz_emulator::{Emulator, Options, Scenario};

/// Runs a local emulator of Entra ID and Microsoft Graph for trying graphwiz without a real tenant.
#[derive(Parser, Debug)]
#[command(name = "graphwiz-emulator", version, about)]
struct Cli {
    /// Address to listen on; must be a loopback address. Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,

    /// Scenario to emulate; repeat to add more tenants (tenant i gets the i-th scenario).
    #[arg(long = "scenario", value_name = "NAME")]
    scenarios: Vec<String>,

    /// Delay added before answering every request, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 0)]
    delay_ms: u64,

    /// How many Graph requests a throttled tenant answers with 429 first.
    #[arg(long, value_name = "N", default_value_t = 2)]
    throttle_count: u32,

    /// Retry-After value (seconds, may be fractional) on 429 answers.
    #[arg(long, value_name = "SECONDS", default_value = "0.2")]
    retry_after: String,

    /// List the scenarios and exit.
    #[arg(long)]
    list_scenarios: bool,
}

fn list_scenarios() {
    let width = Scenario::ALL
        .iter()
        .map(|s| s.name().len())
        .max()
        .unwrap_or(0);
    for s in Scenario::ALL {
        println!("{:width$}  {}", s.name(), s.description());
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn print_banner(emu: &Emulator, scenarios: &[Scenario]) {
    let base = emu.base_url();
    println!("graphwiz emulator listening on {base}");
    println!("login URL and Graph URL: {base}");
    for (i, scenario) in scenarios.iter().enumerate() {
        let Some(c) = emu.credentials(i) else {
            continue;
        };
        println!();
        println!(
            "tenant {i}: scenario {} - {}",
            scenario.name(),
            scenario.description()
        );
        println!("  tenant id:     {}", c.tenant_id);
        println!("  tenant domain: {}", c.tenant_domain);
        println!("  client id:     {}", c.client_id);
        println!(
            "  client secret: {} (a demo value, not a real secret)",
            c.client_secret
        );
        println!("  try:");
        println!(
            "    GRAPHWIZ_CLIENT_SECRET={} graphwiz check --tenant {} --client-id {} --login-url {base} --graph-url {base}",
            shell_quote(&c.client_secret),
            c.tenant_id,
            c.client_id
        );
    }
    println!();
    println!("Press Ctrl-C to stop.");
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.list_scenarios {
        list_scenarios();
        return ExitCode::SUCCESS;
    }
    let mut scenarios = Vec::new();
    for name in &cli.scenarios {
        match name.parse::<Scenario>() {
            Ok(s) => scenarios.push(s),
            Err(e) => {
                eprintln!("graphwiz-emulator: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if scenarios.is_empty() {
        scenarios.push(Scenario::Healthy);
    }
    let opts = Options {
        tenants: scenarios.clone(),
        delay: Duration::from_millis(cli.delay_ms),
        throttle_count: cli.throttle_count,
        retry_after: cli.retry_after.clone(),
    };
    let emu = match Emulator::start_on(cli.listen, opts).await {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => {
            eprintln!("graphwiz-emulator: {e}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("graphwiz-emulator: cannot listen on {}: {e}", cli.listen);
            return ExitCode::FAILURE;
        }
    };
    print_banner(&emu, &scenarios);
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("graphwiz-emulator: cannot wait for Ctrl-C: {e}");
    }
    println!("stopping; answered {} requests", emu.request_count());
    emu.shutdown();
    ExitCode::SUCCESS
}
