//! `graphwiz profile set-genesys` and `graphwiz genesys restart|regions`: the Genesys Cloud part of
//! a profile, and the FAQ's disable/enable restart. Also the hook every command runs first: a
//! restart that was interrupted is finished (the integration is enabled again).

use crate::input::{self, Failure};
use crate::{lang, output, EXIT_FAILED, EXIT_OK};
use clap::{Args, Subcommand};
use graphwiz_core::genesys::restart::{self, Journal, RestartStep};
use graphwiz_core::genesys::setup::{self, PartInput, SetupError};
use graphwiz_core::genesys::{AzureIdentity, REGIONS};
use graphwiz_core::http::HttpClient;
use graphwiz_core::i18n::{self, args};
use graphwiz_core::report::Status;
use graphwiz_core::store::profiles::{ProfileError, ProfileStore};
use std::io::Read;
use std::time::Duration;

/// Environment variable that may carry the Genesys Cloud OAuth client's secret.
pub const GENESYS_SECRET_ENV: &str = "GRAPHWIZ_GENESYS_CLIENT_SECRET";

#[derive(Args, Debug)]
pub struct SetGenesysArgs {
    /// Profile name.
    name: String,
    /// The Genesys Cloud region: the host in your browser's address bar (mypurecloud.de) or its name (eu_central_1).
    #[arg(long, value_name = "REGION", required_unless_present = "remove")]
    region: Option<String>,
    /// Client ID of the OAuth client (Admin → Integrations → OAuth → Client Details).
    #[arg(long, value_name = "GUID", required_unless_present = "remove")]
    client_id: Option<String>,
    /// Read the OAuth client's secret from standard input (otherwise from GRAPHWIZ_GENESYS_CLIENT_SECRET).
    #[arg(long)]
    secret_stdin: bool,
    /// Replaces the region's login host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    genesys_login_url: Option<String>,
    /// Replaces the region's API host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    genesys_api_url: Option<String>,
    /// Remove the Genesys Cloud part (and its secret from the OS keychain).
    #[arg(long, conflicts_with_all = ["region", "client_id", "secret_stdin", "genesys_login_url", "genesys_api_url"])]
    remove: bool,
}

#[derive(Subcommand, Debug)]
pub enum GenesysCommand {
    /// Disable the Microsoft Graph integration, wait until it is inactive, enable it, wait until it is active.
    Restart(RestartArgs),
    /// List the Genesys Cloud regions (host and name).
    Regions(RegionsArgs),
}

#[derive(Args, Debug)]
pub struct RestartArgs {
    /// The profile whose Genesys Cloud part reaches the integration.
    #[arg(long, value_name = "NAME")]
    profile: String,
    /// How long to wait for each of inactive and active, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=1800))]
    timeout: u64,
    /// Print JSON on standard output instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct RegionsArgs {
    /// Print JSON on standard output.
    #[arg(long)]
    json: bool,
}

impl From<SetupError> for Failure {
    fn from(e: SetupError) -> Self {
        match e {
            SetupError::Profile(p) => p.into(),
            SetupError::Keychain(k) => k.into(),
            SetupError::Input(m) => Failure::usage(m),
        }
    }
}

fn read_genesys_secret(stdin: bool) -> Result<graphwiz_core::ClientSecret, Failure> {
    let raw = zeroize::Zeroizing::new(if stdin {
        let mut buf = String::new();
        std::io::stdin()
            .take(64 * 1024)
            .read_to_string(&mut buf)
            .map_err(|e| {
                Failure::usage(crate::tra(
                    "cli-genesys-secret-unreadable",
                    &crate::margs!("detail" => e.to_string()),
                ))
            })?;
        buf
    } else {
        std::env::var(GENESYS_SECRET_ENV).unwrap_or_default()
    });
    Ok(setup::secret(&raw, lang())?)
}

pub fn set_genesys(a: SetGenesysArgs) -> u8 {
    run_set(a).unwrap_or_else(|f| f.report())
}

fn run_set(a: SetGenesysArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let l = lang();
    if a.remove {
        let name = store
            .load()?
            .get(&a.name)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| a.name.clone());
        let had = setup::remove_part(&store, &a.name)?;
        let id = if had {
            "genesys-part-removed"
        } else {
            "genesys-part-none"
        };
        println!("{}", i18n::text(l, id, &args([("profile", name)])));
        return Ok(EXIT_OK);
    }
    // Everything is validated before the secret is read or anything is written.
    let region = setup::region(a.region.as_deref().unwrap_or_default(), l)?;
    let client_id = setup::client_id(a.client_id.as_deref().unwrap_or_default(), l)?;
    let part = PartInput {
        region,
        client_id,
        login_url: a.genesys_login_url.clone(),
        api_url: a.genesys_api_url.clone(),
    };
    graphwiz_core::genesys::GenesysEndpoints::new(
        region,
        part.login_url.as_deref(),
        part.api_url.as_deref(),
    )
    .map_err(Failure::from)?;
    if store.load()?.get(&a.name).is_none() {
        let file = store.load()?;
        return Err(ProfileError::NotFound {
            name: a.name.clone(),
            known: file.names(),
        }
        .into());
    }
    let secret = read_genesys_secret(a.secret_stdin)?;
    let saved = setup::save_part(&store, &a.name, &part, &secret)?;
    let name = store
        .load()?
        .get(&a.name)
        .map(|p| p.name.clone())
        .unwrap_or(a.name);
    println!(
        "{}",
        i18n::text(
            l,
            "genesys-part-saved",
            &args([
                ("profile", name),
                ("region", format!("{} ({})", region.host, region.name)),
                ("client", saved.client_id),
            ])
        )
    );
    Ok(EXIT_OK)
}

pub fn run(cmd: GenesysCommand) -> u8 {
    match cmd {
        GenesysCommand::Restart(a) => run_restart(a).unwrap_or_else(|f| f.report()),
        GenesysCommand::Regions(a) => {
            if a.json {
                let list: Vec<_> = REGIONS
                    .iter()
                    .map(|r| serde_json::json!({"name": r.name, "host": r.host, "place": r.place}))
                    .collect();
                output::print_json(&list);
            } else {
                for r in REGIONS {
                    println!("{:<16} {:<24} {}", r.name, r.host, r.place);
                }
            }
            EXIT_OK
        }
    }
}

fn run_restart(a: RestartArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let file = store.load()?;
    let p = file
        .get(&a.profile)
        .cloned()
        .ok_or_else(|| ProfileError::NotFound {
            name: a.profile.clone(),
            known: file.names(),
        })?;
    let l = lang();
    let Some(conn) = setup::connection(&p)? else {
        return Err(Failure::usage(i18n::text(
            l,
            "genesys-part-none",
            &args([("profile", p.name.clone())]),
        )));
    };
    let azure = AzureIdentity {
        tenant_ids: [Some(p.tenant.clone()), p.tenant_id.clone()]
            .into_iter()
            .flatten()
            .filter(|t| graphwiz_core::validate::is_guid(t))
            .collect(),
        client_id: p.client_id.clone(),
    };
    let journal = Journal::in_data_dir(store.dir());
    let http = HttpClient::new(Duration::from_secs(30));
    let json = a.json;
    let progress = move |step: RestartStep| {
        if json {
            return;
        }
        let (id, state) = match step {
            RestartStep::Finding => ("genesys-progress-finding", None),
            RestartStep::Disabling => ("genesys-progress-disabling", None),
            RestartStep::WaitingInactive { state } => {
                ("genesys-progress-waiting-inactive", Some(state))
            }
            RestartStep::Enabling => ("genesys-progress-enabling", None),
            RestartStep::WaitingActive { state } => {
                ("genesys-progress-waiting-active", Some(state))
            }
        };
        let a = match state {
            Some(s) => args([("state", s)]),
            None => i18n::Args::new(),
        };
        eprintln!("{}", i18n::text(l, id, &a));
    };
    let out = input::runtime()?.block_on(restart::restart(
        &http,
        &conn,
        &azure,
        &p.name,
        &journal,
        Duration::from_secs(a.timeout),
        &progress,
    ));
    let check = out.check.localized(l);
    if a.json {
        output::print_json(&serde_json::json!({
            "ok": out.ok,
            "final_state": out.final_state,
            "integration_id": out.integration_id,
            "check": check,
        }));
    } else {
        let mark = if out.ok { "✓" } else { "✗" };
        println!("{mark} {}", check.summary);
        if let Some(fix) = &check.fix {
            println!("  {fix}");
        }
    }
    Ok(if out.ok { EXIT_OK } else { EXIT_FAILED })
}

/// Finishes restarts an earlier run left half done (the integration disabled): every command
/// calls this first. Quiet and instant when there is nothing to do.
pub fn recover_interrupted() {
    let Ok(store) = ProfileStore::open_default() else {
        return;
    };
    let journal = Journal::in_data_dir(store.dir());
    if journal.pending().is_empty() {
        return;
    }
    let Ok(file) = store.load() else {
        return;
    };
    let l = lang();
    let connect = move |name: &str| -> Result<graphwiz_core::genesys::GenesysConnection, String> {
        let p = file.get(name).ok_or_else(|| {
            i18n::text(
                l,
                "cli-profile-gone",
                &args([("profile", name.to_string())]),
            )
        })?;
        setup::connection(p)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| {
                i18n::text(
                    l,
                    "genesys-part-none",
                    &args([("profile", name.to_string())]),
                )
            })
    };
    let http = HttpClient::new(Duration::from_secs(15));
    let Ok(rt) = input::runtime() else {
        return;
    };
    for c in rt.block_on(restart::recover(&http, &journal, &connect)) {
        let c = c.localized(l);
        let mark = match c.status {
            Status::Pass => "✓",
            Status::Warn => "!",
            _ => "✗",
        };
        eprintln!("{mark} {}", c.summary);
        if let Some(fix) = c.fix {
            eprintln!("  {fix}");
        }
    }
}
