//! The `graphwiz-emulator` command: runs the Entra ID + Microsoft Graph emulator on loopback with
//! the chosen scenarios, prints the base URL, the demo credentials, mailboxes and administrator to
//! use, and serves until Ctrl-C. With `--genesys SCENARIO` it also runs a Genesys Cloud Platform
//! API emulator on its own port, whose Graph integration points at tenant 0, and a simulated
//! Genesys Cloud consumer that marks new mail of the routes' mailboxes read after
//! `--pickup-delay-ms` and creates an email conversation for it (`--pickup-mode`).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use graphwiz_emulator::{
    connect_pickup, AdminOutcome, Emulator, Fault, FaultTarget, GenesysEmulator, GenesysOptions,
    GenesysScenario, MailboxBehaviour, Options, Pickup, PickupMode, Scenario,
};

/// What the emulated administrator does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Outcome {
    /// Signs in and consents.
    Approve,
    /// Declines.
    Deny,
}

impl From<Outcome> for AdminOutcome {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Approve => AdminOutcome::Approve,
            Outcome::Deny => AdminOutcome::Deny,
        }
    }
}

/// What the simulated Genesys Cloud consumer does with new mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// Marks it read and creates an email conversation.
    Fetch,
    /// Never touches mail.
    Never,
    /// Marks it read but creates no conversation.
    FetchNoInteraction,
    /// Like fetch, but ignores mail a mailbox sends to itself.
    FetchExternalOnly,
}

impl From<Mode> for PickupMode {
    fn from(m: Mode) -> Self {
        match m {
            Mode::Fetch => PickupMode::Fetch,
            Mode::Never => PickupMode::Never,
            Mode::FetchNoInteraction => PickupMode::FetchNoInteraction,
            Mode::FetchExternalOnly => PickupMode::FetchExternalOnly,
        }
    }
}

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

    /// Time between an accepted sendMail and delivery to the recipients' inboxes, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 300)]
    delivery_delay_ms: u64,

    /// What the administrator does on the authorize and admin consent pages.
    #[arg(long, value_enum, value_name = "OUTCOME", default_value = "approve")]
    admin_outcome: Outcome,

    /// What the administrator does with a device code sign-in.
    #[arg(long, value_enum, value_name = "OUTCOME", default_value = "approve")]
    device_outcome: Outcome,

    /// How many device code polls answer authorization_pending before the outcome.
    #[arg(long, value_name = "N", default_value_t = 2)]
    device_pending_polls: u32,

    /// The device code polling interval handed out, in seconds (0: no slow_down answers).
    #[arg(long, value_name = "SECONDS", default_value_t = 5)]
    device_interval_secs: u64,

    /// Inject a fault into the answers (see --list-faults); Retry-After of 429/503 is --retry-after.
    #[arg(long, value_name = "NAME")]
    fault: Option<String>,

    /// Which requests get the fault: all, login (discovery and token), discovery, token or graph.
    #[arg(long, value_name = "TARGET", default_value = "all", requires = "fault")]
    fault_on: String,

    /// Also run a Genesys Cloud emulator on its own port with this scenario (see --list-scenarios);
    /// its Microsoft Graph integration is configured with tenant 0's tenant, app and domain.
    #[arg(long, value_name = "SCENARIO")]
    genesys: Option<String>,

    /// With --genesys: time from a mail's arrival in a route's mailbox to the simulated Genesys
    /// Cloud consumer marking it read, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 2000, requires = "genesys")]
    pickup_delay_ms: u64,

    /// With --genesys: what the simulated Genesys Cloud consumer does with new mail.
    #[arg(
        long,
        value_enum,
        value_name = "MODE",
        default_value = "fetch",
        requires = "genesys"
    )]
    pickup_mode: Mode,

    /// With --genesys: how long after a conversation starts or ends the analytics details query
    /// shows it, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 1000, requires = "genesys")]
    analytics_lag_ms: u64,

    /// List the scenarios (Entra/Graph and Genesys) and exit.
    #[arg(long)]
    list_scenarios: bool,

    /// List the faults and exit.
    #[arg(long)]
    list_faults: bool,
}

fn list_faults() {
    let width = Fault::ALL.iter().map(|f| f.name().len()).max().unwrap_or(0);
    for f in Fault::ALL {
        println!("{:width$}  {}", f.name(), f.description());
    }
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
    println!();
    println!("Genesys Cloud scenarios (--genesys):");
    let width = GenesysScenario::ALL
        .iter()
        .map(|s| s.name().len())
        .max()
        .unwrap_or(0);
    for s in GenesysScenario::ALL {
        println!("{:width$}  {}", s.name(), s.describe());
    }
}

fn print_genesys_banner(g: &GenesysEmulator) {
    println!();
    println!(
        "Genesys Cloud emulator listening on {}: scenario {} - {}",
        g.base_url(),
        g.scenario().name(),
        g.scenario().describe()
    );
    println!("  login and API URL:   {}", g.base_url());
    println!("  OAuth client id:     {}", g.client_id());
    println!(
        "  OAuth client secret: {} (a demo value, not a real secret)",
        g.client_secret()
    );
    println!("  Graph integration:   {}", g.integration_id());
}

fn print_pickup_banner(p: &Pickup) {
    println!(
        "  mail pickup:         {} after {} ms for {}",
        p.mode,
        p.delay.as_millis(),
        if p.mailboxes.is_empty() {
            "no mailbox".to_string()
        } else {
            p.mailboxes.join(", ")
        }
    );
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn print_banner(
    emu: &Emulator,
    scenarios: &[Scenario],
    fault: Option<(Fault, FaultTarget)>,
    genesys: Option<(&GenesysEmulator, &Pickup)>,
) {
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
        let mailboxes = emu.mailbox_addresses(i);
        if !mailboxes.is_empty() {
            println!("  mailboxes:");
            for (address, behaviour) in mailboxes {
                let note = match behaviour {
                    MailboxBehaviour::Healthy
                        if *scenario == Scenario::RbacScoped
                            && !address.starts_with("support@") =>
                    {
                        "outside the app's access policy: Access to OData is disabled"
                    }
                    MailboxBehaviour::Healthy => "healthy",
                    MailboxBehaviour::Unlicensed => "unlicensed: MailboxNotEnabledForRESTAPI",
                    MailboxBehaviour::PolicyBlocked => "blocked: Access to OData is disabled",
                };
                println!("    {address:<48} {note}");
            }
        }
        if let Some(admin) = emu.admin_upn(i) {
            println!(
                "  admin:         {admin} (signs in via authorize, devicecode and adminconsent)"
            );
        }
        println!("  try:");
        println!(
            "    GRAPHWIZ_CLIENT_SECRET={} graphwiz check --tenant {} --client-id {} --login-url {base} --graph-url {base}",
            shell_quote(&c.client_secret),
            c.tenant_id,
            c.client_id
        );
    }
    if let Some((f, target)) = fault {
        println!();
        println!(
            "FAULT: {} on {} requests: {}",
            f.name(),
            target.name(),
            f.description()
        );
    }
    if let Some((g, p)) = genesys {
        print_genesys_banner(g);
        print_pickup_banner(p);
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
    if cli.list_faults {
        list_faults();
        return ExitCode::SUCCESS;
    }
    let fault = match cli.fault.as_deref().map(str::parse::<Fault>).transpose() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("graphwiz-emulator: {e}");
            return ExitCode::from(2);
        }
    };
    let fault_target = match cli.fault_on.parse::<FaultTarget>() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("graphwiz-emulator: {e}");
            return ExitCode::from(2);
        }
    };
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
    let genesys = match cli
        .genesys
        .as_deref()
        .map(str::parse::<GenesysScenario>)
        .transpose()
    {
        Ok(g) => g,
        Err(e) => {
            eprintln!("graphwiz-emulator: {e}");
            return ExitCode::from(2);
        }
    };
    let opts = Options {
        tenants: scenarios.clone(),
        delay: Duration::from_millis(cli.delay_ms),
        throttle_count: cli.throttle_count,
        retry_after: cli.retry_after.clone(),
        delivery_delay: Duration::from_millis(cli.delivery_delay_ms),
        admin_outcome: cli.admin_outcome.into(),
        device_outcome: cli.device_outcome.into(),
        device_pending_polls: cli.device_pending_polls,
        device_interval_secs: cli.device_interval_secs,
        fault,
        fault_target,
        ..Options::default()
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
    let genesys_emu = match genesys {
        Some(scenario) => {
            let demo = emu.demo();
            let gopts = GenesysOptions {
                scenario,
                azure_tenant_id: demo.tenant_id,
                azure_client_id: demo.client_id,
                domain: demo.tenant_domain,
                delay: Duration::from_millis(cli.delay_ms),
                throttle_count: cli.throttle_count,
                analytics_lag: Duration::from_millis(cli.analytics_lag_ms),
                ..GenesysOptions::default()
            };
            match GenesysEmulator::start_on(SocketAddr::new(cli.listen.ip(), 0), gopts).await {
                Ok(g) => {
                    let pickup = Pickup::new(
                        g.route_addresses(),
                        Duration::from_millis(cli.pickup_delay_ms),
                        cli.pickup_mode.into(),
                    );
                    emu.set_pickup(Some(pickup.clone()));
                    connect_pickup(&emu, &g);
                    Some((g, pickup))
                }
                Err(e) => {
                    eprintln!("graphwiz-emulator: cannot start the Genesys Cloud emulator: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        None => None,
    };
    print_banner(
        &emu,
        &scenarios,
        fault.map(|f| (f, fault_target)),
        genesys_emu.as_ref().map(|(g, p)| (g, p)),
    );
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("graphwiz-emulator: cannot wait for Ctrl-C: {e}");
    }
    println!("stopping; answered {} requests", emu.request_count());
    if let Some((g, _)) = genesys_emu {
        println!(
            "Genesys Cloud emulator answered {} requests",
            g.request_count()
        );
        g.shutdown();
    }
    emu.shutdown();
    ExitCode::SUCCESS
}
