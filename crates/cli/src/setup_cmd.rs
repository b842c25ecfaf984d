//! `graphwiz setup azure`: the app registration Genesys Cloud needs, created from nothing with an
//! administrator's sign-in (the tenant's policy read first; exactly the three permissions with
//! admin consent; a client secret straight into the OS keychain; Entra ID's replication waited
//! out), saved as a new profile and checked. `--resume` continues and `--roll-back` undoes a setup
//! that was interrupted; both take the original command line plus the flag.
//!
//! Exit status: 0 set up and the check passed (or rolled back), 1 a step failed (the message says
//! what exists now and the next action), 2 bad input (nothing was sent), 3 no keychain.

use crate::consent_cmd::{sign_in_admin_scoped, SignInKind, ADMIN_SIGN_IN_VALUES};
use crate::input::{self, Failure};
use crate::{lang, output, EXIT_ENVIRONMENT, EXIT_FAILED, EXIT_OK};
use clap::{Args, Subcommand};
use graphwiz_core::i18n::{self, args, Args as MsgArgs};
use graphwiz_core::microsoft::cloud::{Cloud, Endpoints};
use graphwiz_core::rotate::Action;
use graphwiz_core::setup::{self, graph::SETUP_SCOPES, SetupInput, SetupStep};
use graphwiz_core::store::keychain;
use graphwiz_core::store::profiles::{self, ProfileStore};
use graphwiz_core::validate;
use std::time::Duration;

#[derive(Subcommand, Debug)]
pub enum SetupCommand {
    /// Create the app registration Genesys Cloud needs: three permissions with admin consent, a
    /// client secret in the keychain, a new profile, checked (resumable, with roll-back).
    Azure(AzureArgs),
}

#[derive(Args, Debug)]
pub struct AzureArgs {
    /// The new profile's name.
    #[arg(long, value_name = "NAME")]
    profile: String,
    /// Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.
    #[arg(long, value_name = "GUID|DOMAIN")]
    tenant: String,
    /// A mailbox the integration serves; repeat for more (needed to start).
    #[arg(long = "mailbox", value_name = "ADDRESS")]
    mailboxes: Vec<String>,
    /// How the administrator signs in: browser or device-code.
    #[arg(long, value_name = "HOW", value_parser = ADMIN_SIGN_IN_VALUES)]
    admin_sign_in: String,
    /// Public client for the admin sign-in (default: Microsoft Graph Command Line Tools).
    #[arg(long, value_name = "GUID")]
    admin_client_id: Option<String>,
    /// The app registration's display name.
    #[arg(long, value_name = "NAME", default_value = setup::DEFAULT_APP_NAME)]
    app_name: String,
    /// Lifetime of the client secret in months (capped by the tenant's app management policy).
    #[arg(long, value_name = "N", default_value_t = setup::DEFAULT_MONTHS, value_parser = clap::value_parser!(u32).range(1..=24))]
    months: u32,
    /// The Microsoft cloud the tenant lives in [default: global].
    #[arg(long, value_name = "CLOUD", value_parser = ["global", "usgov", "china"])]
    cloud: Option<String>,
    /// Replaces the cloud's login host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    login_url: Option<String>,
    /// Replaces the cloud's Microsoft Graph host (https, or http on loopback only).
    #[arg(long, value_name = "URL")]
    graph_url: Option<String>,
    /// Continue the setup that was interrupted.
    #[arg(long, conflicts_with = "roll_back")]
    resume: bool,
    /// Undo the setup that was interrupted: delete the app registration, the profile and its
    /// keychain entry it created, nothing else.
    #[arg(long)]
    roll_back: bool,
    /// How long Entra ID may take to make the new app and secret usable, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=3600))]
    replication_wait: u64,
    /// Timeout of each network request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// Print JSON on standard output instead of text.
    #[arg(long)]
    json: bool,
}

fn t(id: &str, a: &MsgArgs) -> String {
    i18n::text(lang(), id, a)
}

pub fn run(c: SetupCommand) -> u8 {
    match c {
        SetupCommand::Azure(a) => azure(a).unwrap_or_else(|f| f.report()),
    }
}

/// Everything the command line says, validated before anything is sent.
fn input_of(a: &AzureArgs, action: Action) -> Result<SetupInput, Failure> {
    let mut problems = Vec::new();
    let name = profiles::validate_name(&a.profile)?;
    let tenant = match validate::tenant(&a.tenant) {
        Ok((t, w)) => {
            for p in w {
                input::warning(&format!("{}: {}", p.field, p.message));
            }
            t
        }
        Err(p) => {
            problems.push(p);
            String::new()
        }
    };
    let mut mailboxes = Vec::new();
    for m in &a.mailboxes {
        match validate::mailbox(m) {
            Ok(m) if !mailboxes.contains(&m) => mailboxes.push(m),
            Ok(_) => {}
            Err(p) => problems.push(p),
        }
    }
    // A mailbox given but refused is named as such, before "at least one mailbox".
    if !problems.is_empty() {
        return Err(Failure::problems(problems));
    }
    if action == Action::Start && mailboxes.is_empty() {
        return Err(Failure::usage(t(
            "cli-setup-needs-mailbox",
            &MsgArgs::new(),
        )));
    }
    let cloud: Cloud = a
        .cloud
        .as_deref()
        .unwrap_or("global")
        .parse()
        .map_err(Failure::usage)?;
    let endpoints = Endpoints::new(cloud, a.login_url.as_deref(), a.graph_url.as_deref())?;
    let store = ProfileStore::open_default()?;
    Ok(SetupInput {
        store,
        profile: name,
        tenant,
        endpoints,
        login_overridden: a.login_url.is_some(),
        graph_overridden: a.graph_url.is_some(),
        mailboxes,
        app_name: a.app_name.trim().to_string(),
        months: a.months,
        timeout: Duration::from_secs(a.timeout),
        replication_wait: Duration::from_secs(a.replication_wait),
        vault: None,
    })
}

fn azure(a: AzureArgs) -> Result<u8, Failure> {
    let action = if a.resume {
        Action::Resume
    } else if a.roll_back {
        Action::RollBack
    } else {
        Action::Start
    };
    let input = input_of(&a, action)?;
    // The new secret goes straight to the keychain: without one, stop before anything is sent.
    if action == Action::Start {
        keychain::probe(&input.profile).map_err(|e| Failure::environment(e.msg().text(lang())))?;
    }
    let kind: SignInKind = a
        .admin_sign_in
        .parse()
        .map_err(|m: i18n::Msg| Failure::usage(m.text(lang())))?;
    let rt = input::runtime()?;
    eprintln!(
        "{}",
        t(
            "cli-setup-roles",
            &args([("scopes", SETUP_SCOPES.join(", "))])
        )
    );
    let admin = rt.block_on(sign_in_admin_scoped(
        kind,
        &input.endpoints,
        &input.tenant,
        a.admin_client_id.as_deref(),
        graphwiz_core::microsoft::admin::DEFAULT_WAIT,
        Some(SETUP_SCOPES.iter().map(|s| s.to_string()).collect()),
    ))?;
    // Progress goes to standard error in every mode: scripts read the JSON on standard output.
    let progress = |s: SetupStep| {
        let line = match s {
            SetupStep::ReadingPolicy => t("setup-progress-policy", &MsgArgs::new()),
            SetupStep::FindingPermissions => t("setup-progress-permissions", &MsgArgs::new()),
            SetupStep::CreatingApp => t("setup-progress-app", &MsgArgs::new()),
            SetupStep::CreatingPrincipal => t("setup-progress-principal", &MsgArgs::new()),
            SetupStep::Consenting => t("setup-progress-consent", &MsgArgs::new()),
            SetupStep::AddingSecret => t("setup-progress-secret", &MsgArgs::new()),
            SetupStep::Replicating { waited_secs } => t(
                "setup-progress-replication",
                &args([("secs", waited_secs.to_string())]),
            ),
            SetupStep::Saving => t("setup-progress-saving", &MsgArgs::new()),
            SetupStep::Checking => t("setup-progress-checking", &MsgArgs::new()),
            SetupStep::RollingBack => t("setup-progress-rollback", &MsgArgs::new()),
        };
        eprintln!("{line}");
    };
    let out = rt.block_on(setup::run(&input, action, &admin, &progress));
    let check = out.check.localized(lang());
    let report = out.report.as_ref().map(|r| r.localized(lang()));
    if a.json {
        output::print_json(&serde_json::json!({
            "ok": out.ok,
            "stage": out.stage.map(setup::stage_name),
            "app": out.app.as_ref().map(|x| serde_json::json!({"object_id": x.object_id, "app_id": x.app_id})),
            "check": check,
            "report": report,
        }));
    } else {
        if let Some(r) = &report {
            for c in &r.checks {
                println!("  {:<5} {:<20} {}", c.status.word(), c.id, c.summary);
            }
        }
        println!("{} {}", if out.ok { "✓" } else { "✗" }, check.summary);
        if let Some(fix) = &check.fix {
            println!("  {fix}");
        }
    }
    Ok(if out.ok {
        EXIT_OK
    } else if out.keychain_failed {
        EXIT_ENVIRONMENT
    } else {
        EXIT_FAILED
    })
}
