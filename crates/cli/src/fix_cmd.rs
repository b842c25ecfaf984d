//! `graphwiz fix --profile NAME --admin-sign-in browser|device-code [--yes]`: repairs what the
//! checks find broken in the app registration through Microsoft Graph (a missing permission, a
//! permission of the wrong type, missing admin consent), after showing the plan in the admin's
//! words and getting a yes; an expired or expiring secret is handed over to `graphwiz rotate`.
//! Then checks again. Without `--yes` and without a terminal to ask on, it prints the plan,
//! changes nothing and exits 1.
//!
//! Exit status: 0 nothing needed or repaired and the check passes, 1 not applied or the check
//! still fails, 2 bad input, 3 no keychain.

use crate::consent_cmd::{sign_in_admin_scoped, SignInKind, ADMIN_SIGN_IN_VALUES};
use crate::input::{self, Failure};
use crate::{lang, output, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::http::HttpClient;
use graphwiz_core::i18n::{self, args, Args as MsgArgs};
use graphwiz_core::setup::fix::{self, Repair, FIX_SCOPES};
use graphwiz_core::store::keychain;
use graphwiz_core::store::profiles::{ProfileError, ProfileStore};
use std::io::{BufRead, IsTerminal, Write};
use std::time::Duration;

#[derive(Args, Debug)]
pub struct FixArgs {
    /// The profile whose app registration is repaired.
    #[arg(long, value_name = "NAME")]
    profile: String,
    /// How the administrator signs in: browser or device-code.
    #[arg(long, value_name = "HOW", value_parser = ADMIN_SIGN_IN_VALUES)]
    admin_sign_in: String,
    /// Public client for the admin sign-in (default: Microsoft Graph Command Line Tools).
    #[arg(long, value_name = "GUID")]
    admin_client_id: Option<String>,
    /// Apply the plan without asking.
    #[arg(long)]
    yes: bool,
    /// Accepted for a run that was interrupted: the repairs are idempotent, so running again
    /// finishes them.
    #[arg(long)]
    resume: bool,
    /// How long Entra ID may take to show the repair, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..=1800))]
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

pub fn run(a: FixArgs) -> u8 {
    run_inner(a).unwrap_or_else(|f| f.report())
}

/// Asks on the terminal; false without one or on anything but yes.
fn confirmed() -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    eprint!("{} ", t("fix-confirm", &MsgArgs::new()));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    let l = line.trim().to_lowercase();
    matches!(l.as_str(), "y" | "yes" | "j" | "ja")
}

fn run_inner(a: FixArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let file = store.load()?;
    let Some(mut p) = file.get(&a.profile).cloned() else {
        return Err(ProfileError::NotFound {
            name: a.profile.clone(),
            known: file.names(),
        }
        .into());
    };
    let kind: SignInKind = a
        .admin_sign_in
        .parse()
        .map_err(|m: i18n::Msg| Failure::usage(m.text(lang())))?;
    let endpoints = p.endpoints().map_err(Failure::from)?;
    let secret = keychain::load(&p.name, &p.secret_ref)
        .map_err(|e| Failure::environment(e.msg().text(lang())))?;
    let rt = input::runtime()?;
    let tenant = p.tenant_id.clone().unwrap_or(p.tenant.clone());
    let admin = rt.block_on(sign_in_admin_scoped(
        kind,
        &endpoints,
        &tenant,
        a.admin_client_id.as_deref(),
        graphwiz_core::microsoft::admin::DEFAULT_WAIT,
        Some(FIX_SCOPES.iter().map(|s| s.to_string()).collect()),
    ))?;
    let http = HttpClient::new(Duration::from_secs(a.timeout));
    let plan = match rt.block_on(fix::plan(&http, &endpoints, &admin, &p.client_id)) {
        Ok(plan) => plan,
        Err(f) => {
            let line = t("fix-read-failed", &args([("detail", f.to_string())]));
            if a.json {
                output::print_json(
                    &serde_json::json!({"ok": false, "applied": false, "error": line}),
                );
            } else {
                println!("✗ {line}");
            }
            return Ok(EXIT_FAILED);
        }
    };
    // An expired or expiring secret is rotation's, not a repair's.
    let expiring = fix::secret_needs_rotation(&p);
    let lines: Vec<String> = plan
        .repairs
        .iter()
        .map(|r| r.msg().text(lang()))
        .chain(expiring.then(|| t("fix-repair-rotate", &args([("profile", p.name.clone())]))))
        .collect();
    if !a.json {
        if plan.repairs.is_empty() {
            println!("{}", t("fix-nothing", &MsgArgs::new()));
        } else {
            println!("{}", t("fix-plan", &args([("profile", p.name.clone())])));
        }
        for l in &lines {
            println!("  • {l}");
        }
    }
    let apply = !plan.repairs.is_empty() && (a.yes || confirmed());
    if !plan.repairs.is_empty() && !apply {
        let line = t("fix-not-confirmed", &args([("profile", p.name.clone())]));
        if a.json {
            output::print_json(&serde_json::json!({
                "ok": false, "applied": false, "plan": lines, "message": line,
            }));
        } else {
            println!("{line}");
        }
        return Ok(EXIT_FAILED);
    }
    if apply {
        let step = |r: &Repair| eprintln!("{} …", r.msg().text(lang()));
        if let Err((r, f)) = rt.block_on(fix::apply(&http, &endpoints, &admin, &plan, &step)) {
            let line = t(
                "fix-failed",
                &args([
                    ("repair", r.msg().text(lang())),
                    ("detail", f.to_string()),
                    ("profile", p.name.clone()),
                ]),
            );
            if a.json {
                output::print_json(&serde_json::json!({
                    "ok": false, "applied": false, "plan": lines, "message": line,
                }));
            } else {
                println!("✗ {line}");
            }
            return Ok(EXIT_FAILED);
        }
    }
    eprintln!("{}", t("fix-checking", &MsgArgs::new()));
    let input = p
        .check_input(secret, Duration::from_secs(a.timeout))
        .map_err(Failure::from)?;
    let report = rt.block_on(fix::recheck(
        &http,
        &admin,
        &input,
        Duration::from_secs(if apply { a.replication_wait } else { 0 }),
    ));
    p.record_check(&report, chrono::Utc::now());
    let _ = store.update(|f| {
        f.upsert(p.clone());
        Ok(())
    });
    let ok = report.ok && !expiring;
    let verdict = if report.ok {
        t("fix-done", &args([("profile", p.name.clone())]))
    } else {
        t(
            "fix-still-failing",
            &args([
                ("profile", p.name.clone()),
                (
                    "failed",
                    report
                        .checks
                        .iter()
                        .filter(|c| c.status == graphwiz_core::Status::Fail)
                        .map(|c| c.id.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ]),
        )
    };
    let report = report.localized(lang());
    if a.json {
        output::print_json(&serde_json::json!({
            "ok": ok, "applied": apply, "plan": lines, "message": verdict, "report": report,
        }));
    } else {
        for c in &report.checks {
            println!("  {:<5} {:<20} {}", c.status.word(), c.id, c.summary);
        }
        println!("{} {verdict}", if ok { "✓" } else { "✗" });
    }
    Ok(if ok { EXIT_OK } else { EXIT_FAILED })
}
