//! `graphwiz rotate`: a new client secret in Azure and Genesys Cloud together, proven on both
//! sides before the old one is removed; `--resume` continues and `--roll-back` undoes a rotation
//! that was interrupted. The administrator signs in (browser or device code) with
//! Application.ReadWrite.All; the app's own credentials never get write rights to themselves.
//!
//! Without a Genesys part the new secret is shown once on the terminal itself (never on
//! standard output or error, which may be logged), erased again after the admin confirmed
//! pasting it into Genesys Cloud.

use crate::consent_cmd::{sign_in_admin_scoped, SignInKind, ADMIN_SIGN_IN_VALUES};
use crate::input::{self, Failure};
use crate::{lang, output, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::i18n::{self, args, Args as MsgArgs};
use graphwiz_core::rotate::{self, Action, RotateInput, RotateStep};
use graphwiz_core::store::profiles::ProfileStore;
use graphwiz_core::ClientSecret;
use std::io::{BufRead, Write};
use std::time::Duration;

#[derive(Args, Debug)]
pub struct RotateArgs {
    /// The profile whose client secret is rotated.
    #[arg(long, value_name = "NAME")]
    profile: String,
    /// How the administrator signs in: browser or device-code (needed to add and remove secrets).
    #[arg(long, value_name = "HOW", value_parser = ADMIN_SIGN_IN_VALUES)]
    admin_sign_in: Option<String>,
    /// Public client for the admin sign-in (default: Microsoft Graph Command Line Tools).
    #[arg(long, value_name = "GUID", requires = "admin_sign_in")]
    admin_client_id: Option<String>,
    /// Lifetime of the new secret in months (Microsoft allows at most 24).
    #[arg(long, value_name = "N", default_value_t = rotate::DEFAULT_MONTHS, value_parser = clap::value_parser!(u32).range(1..=24))]
    months: u32,
    /// Continue the rotation that was interrupted.
    #[arg(long, conflicts_with = "roll_back")]
    resume: bool,
    /// Undo the rotation that was interrupted (before its old secret was removed).
    #[arg(long)]
    roll_back: bool,
    /// Skip the live test with the new secret before the old one is removed.
    #[arg(long)]
    no_live_test: bool,
    /// How long Entra ID may take to accept the new secret, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 180, value_parser = clap::value_parser!(u64).range(1..=1800))]
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

/// Shows the secret once on the controlling terminal and waits for Enter; `false` without one.
fn paste_on_terminal(secret: &ClientSecret) -> bool {
    let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return false;
    };
    let mut w = &tty;
    let fix = i18n::attr(
        lang(),
        "rotate-manual-pending",
        "fix",
        &args([("profile", "…".to_string())]),
    )
    .unwrap_or_default();
    let _ = writeln!(w, "{fix}");
    let _ = write!(w, "  {}\n  [Enter] ", secret.expose());
    let _ = w.flush();
    let mut line = String::new();
    let ok = std::io::BufReader::new(&tty).read_line(&mut line).is_ok();
    // Erase the two lines that held the value.
    let _ = write!(w, "\x1b[2A\x1b[2K\x1b[1B\x1b[2K\r");
    let _ = w.flush();
    ok
}

pub fn run(a: RotateArgs) -> u8 {
    run_inner(a).unwrap_or_else(|f| f.report())
}

fn run_inner(a: RotateArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let file = store.load()?;
    let Some(p) = file.get(&a.profile).cloned() else {
        return Err(graphwiz_core::store::profiles::ProfileError::NotFound {
            name: a.profile.clone(),
            known: file.names(),
        }
        .into());
    };
    let action = if a.resume {
        Action::Resume
    } else if a.roll_back {
        Action::RollBack
    } else {
        Action::Start
    };
    let input = RotateInput {
        store,
        profile: p.name.clone(),
        months: a.months,
        timeout: Duration::from_secs(a.timeout),
        replication_wait: Duration::from_secs(a.replication_wait),
        restart_timeout: Duration::from_secs(120),
        live_test: !a.no_live_test,
        vault: None,
        genesys: None,
    };
    let rt = input::runtime()?;
    let admin = if rotate::needs_admin(&input, action) {
        let Some(kind) = &a.admin_sign_in else {
            return Err(Failure::usage(t(
                "cli-rotate-needs-admin",
                &args([("scope", rotate::azure::MANAGE_SCOPE)]),
            )));
        };
        let kind: SignInKind = kind
            .parse()
            .map_err(|m: i18n::Msg| Failure::usage(m.text(lang())))?;
        let endpoints = p.endpoints().map_err(Failure::from)?;
        let tenant = p.tenant_id.clone().unwrap_or(p.tenant.clone());
        Some(rt.block_on(sign_in_admin_scoped(
            kind,
            &endpoints,
            &tenant,
            a.admin_client_id.as_deref(),
            graphwiz_core::microsoft::admin::DEFAULT_WAIT,
            Some(vec![
                rotate::azure::MANAGE_SCOPE.to_string(),
                "User.Read".to_string(),
            ]),
        ))?)
    } else {
        None
    };
    // Progress goes to standard error in every mode: a rotation can take minutes, and scripts
    // read the JSON on standard output.
    let progress = move |s: RotateStep| {
        let line = match s {
            RotateStep::Reading => t("rotate-progress-reading", &MsgArgs::new()),
            RotateStep::Adding => t("rotate-progress-adding", &MsgArgs::new()),
            RotateStep::Proving { waited_secs } => t(
                "rotate-progress-proving",
                &args([("secs", waited_secs.to_string())]),
            ),
            RotateStep::CheckingPermissions => t("rotate-progress-permissions", &MsgArgs::new()),
            RotateStep::UpdatingGenesys => t("rotate-progress-genesys", &MsgArgs::new()),
            RotateStep::Restarting(_) => t("genesys-progress-enabling", &MsgArgs::new()),
            RotateStep::WaitingForAdmin => t("rotate-progress-manual", &MsgArgs::new()),
            RotateStep::LiveTest => t("rotate-progress-live", &MsgArgs::new()),
            RotateStep::RemovingOld => t("rotate-progress-removing", &MsgArgs::new()),
            RotateStep::RollingBack => t("rotate-progress-rollback", &MsgArgs::new()),
        };
        eprintln!("{line}");
    };
    let manual = |s: &ClientSecret| paste_on_terminal(s);
    let out = rt.block_on(rotate::run(
        &input,
        action,
        admin.as_ref(),
        Some(&manual),
        &progress,
    ));
    let check = out.check.localized(lang());
    if a.json {
        output::print_json(&serde_json::json!({
            "ok": out.ok,
            "stage": out.stage.map(rotate::stage_name),
            "check": check,
        }));
    } else {
        println!("{} {}", if out.ok { "✓" } else { "✗" }, check.summary);
        if let Some(fix) = &check.fix {
            println!("  {fix}");
        }
    }
    Ok(if out.ok { EXIT_OK } else { EXIT_FAILED })
}
