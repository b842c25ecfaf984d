//! `graphwiz export` and `graphwiz import`: the validated config file, never the secret.

use crate::input::{self, Failure};
use crate::{margs, output, tr, tra, TargetArgs, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::checks::run_check;
use graphwiz_core::i18n::{msg_arg, Msg};
use graphwiz_core::store::config::{self, ConfigFile, ExportError, ImportError};
use graphwiz_core::store::profiles::{self, Profile, ProfileError, ProfileStore};
use graphwiz_core::CheckInput;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    target: TargetArgs,
    /// Export a saved profile (explicit options are not mixed with it).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["tenant", "client_id", "cloud", "login_url", "graph_url"])]
    profile: Option<String>,
    /// A mailbox the integration serves (repeat for several; without --profile).
    #[arg(long = "mailbox", value_name = "ADDRESS", conflicts_with = "profile")]
    mailboxes: Vec<String>,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Use the profile's last check instead of checking now, when it is recent enough.
    #[arg(long, requires = "profile")]
    from_last: bool,
    /// How old the last check may be for --from-last, in hours.
    #[arg(
        long,
        value_name = "HOURS",
        default_value_t = 24,
        requires = "from_last"
    )]
    max_age_hours: u32,
    /// Write the file even when a check failed (it then says "validated": false).
    #[arg(long)]
    allow_failed: bool,
    /// Overwrite an existing file.
    #[arg(long)]
    force: bool,
    /// Timeout of each network request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The config file to import.
    file: PathBuf,
    /// Profile name (default: the name stored in the file).
    #[arg(long)]
    name: Option<String>,
    /// Read the client secret's Value from standard input (otherwise from GRAPHWIZ_CLIENT_SECRET).
    #[arg(long)]
    secret_stdin: bool,
    /// Accept a secret that looks like a Secret ID or contains whitespace.
    #[arg(long)]
    i_know: bool,
    /// Overwrite an existing profile of this name.
    #[arg(long)]
    replace: bool,
}

pub fn export(a: ExportArgs) -> u8 {
    run_export(a).unwrap_or_else(|f| f.report())
}

pub fn import(a: ImportArgs) -> u8 {
    run_import(a).unwrap_or_else(|f| f.report())
}

fn run_export(a: ExportArgs) -> Result<u8, Failure> {
    if !a.force && a.out.exists() {
        return Err(Failure::usage(
            ExportError::Exists(a.out.display().to_string())
                .msg()
                .text(crate::lang()),
        ));
    }
    let timeout = Duration::from_secs(a.timeout);
    let (profile, report, checked_at) = match &a.profile {
        Some(name) => {
            let store = ProfileStore::open_default()?;
            let file = store.load()?;
            let p = file
                .get(name)
                .cloned()
                .ok_or_else(|| ProfileError::NotFound {
                    name: name.clone(),
                    known: file.names(),
                })?;
            let recent = p.last_check.as_ref().filter(|c| {
                chrono::Utc::now() - c.at <= chrono::Duration::hours(i64::from(a.max_age_hours))
            });
            match (a.from_last, recent) {
                (true, Some(last)) => (p.clone(), last.report.clone(), last.at),
                (true, None) => {
                    return Err(Failure::usage(tra(
                        "cli-export-no-recent",
                        &margs!("profile" => p.name.as_str(), "hours" => a.max_age_hours),
                    )))
                }
                (false, _) => {
                    let secret = input::secret_or_keychain(&a.target, &p)?;
                    let input = p.check_input(secret, timeout).map_err(Failure::from)?;
                    let report = input::runtime()?.block_on(run_check(&input));
                    let now = chrono::Utc::now();
                    let updated = store.update(|f| {
                        let q = f.get_mut(&p.name).ok_or_else(|| ProfileError::NotFound {
                            name: p.name.clone(),
                            known: vec![],
                        })?;
                        q.record_check(&report, now);
                        Ok(q.clone())
                    })?;
                    (updated, report, now)
                }
            }
        }
        None => {
            let mailboxes = input::mailboxes(&a.mailboxes)?;
            let (target, secret) = input::target_and_secret(&a.target, "cli-export-what")?;
            // Not saved: no tenant GUID of its own (the check's is used).
            let profile = Profile {
                tenant_id: None,
                secret_hint: Some(secret.hint()),
                ..target.profile("", mailboxes)
            };
            let mut input =
                CheckInput::new(target.endpoints, target.tenant, target.client_id, secret);
            input.timeout = timeout;
            let report = input::runtime()?.block_on(run_check(&input));
            (profile, report, chrono::Utc::now())
        }
    };
    let cfg = ConfigFile::build(&profile, &report, checked_at);
    if !cfg.validated && !a.allow_failed {
        let verdict = graphwiz_core::store::evidence::Evidence {
            claims: cfg.claims.clone(),
            validated: cfg.validated,
        }
        .verdict();
        input::error(&tra(
            "cli-export-not-written",
            &margs!("verdict" => graphwiz_core::i18n::msg_arg(&verdict)),
        ));
        return Ok(EXIT_FAILED);
    }
    config::write(&a.out, &cfg, a.force).map_err(|e| match e {
        ExportError::Exists(_) => Failure::usage(e.msg().text(crate::lang())),
        ExportError::Write(w) => Failure::from(w),
    })?;
    let endpoint = match cfg.token_endpoint.as_deref() {
        Some(url) => serde_json::Value::from(url),
        None => msg_arg(&Msg::plain("cli-token-endpoint-unknown")),
    };
    println!(
        "{}",
        tra(
            "cli-export-written",
            &margs!(
                "path" => a.out.display().to_string(),
                "validated" => cfg.validated,
                "endpoint" => endpoint,
            )
        )
    );
    Ok(if cfg.validated { EXIT_OK } else { EXIT_FAILED })
}

fn run_import(a: ImportArgs) -> Result<u8, Failure> {
    let cfg = config::read(&a.file).map_err(|e| match e {
        ImportError::Read { .. } => Failure::usage(e.msg().text(crate::lang())),
        other => Failure::usage(tra(
            "cli-import-bad-file",
            &margs!(
                "path" => a.file.display().to_string(),
                "detail" => other.msg().text(crate::lang()),
            ),
        )),
    })?;
    let name = match a.name.as_deref().or(cfg.profile.as_deref()) {
        Some(n) => profiles::validate_name(n)?,
        None => return Err(Failure::usage(tr("cli-import-no-name"))),
    };
    let target = TargetArgs {
        secret_stdin: a.secret_stdin,
        i_know: a.i_know,
        ..TargetArgs::default()
    };
    let (secret, warnings) = input::read_secret(&target)?;
    if let Some(hint) = &cfg.secret.hint {
        if *hint != secret.hint() {
            input::warning(&tra(
                "cli-import-hint-differs",
                &margs!("given" => secret.hint(), "exported" => hint.as_str()),
            ));
        }
    }
    let profile = cfg.to_profile(&name, "", None);
    let store = ProfileStore::open_default()?;
    input::warn(&warnings);
    crate::profile_cmd::save_with_secret(&store, profile, &secret, a.replace)?;
    println!(
        "{}",
        tra(
            "cli-imported",
            &margs!(
                "profile" => name.as_str(),
                "path" => a.file.display().to_string(),
                "validated" => cfg.validated,
                "checked" => output::when(cfg.checked_at),
            )
        )
    );
    Ok(EXIT_OK)
}
