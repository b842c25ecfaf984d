//! `graphwiz diagnose`: the troubleshooter. Without `--symptom` it lists the symptoms; with one
//! it walks that symptom's steps (the core's table) and stops at the first real cause. Exit 0
//! when no check found a cause (steps for the admin to look at by hand are listed, not a cause),
//! 1 when one did.

use crate::check_cmd::{build_one, ScopeArgs};
use crate::input::{self, Failure};
use crate::{lang, output, TargetArgs, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::diagnose::{self, table, DiagnoseInput, Outcome};
use graphwiz_core::i18n::{self, args, Args as MsgArgs};
use std::time::Duration;

#[derive(Args, Debug)]
pub struct DiagnoseArgs {
    /// The profile to diagnose.
    #[arg(long, value_name = "NAME")]
    profile: Option<String>,
    /// The symptom (see the list without this option): no-mail, read-not-in-genesys,
    /// one-interaction, bounces, auth-after-secret-change, cannot-send.
    #[arg(long, value_name = "ID")]
    symptom: Option<String>,
    /// Allow the steps that send a real test mail (the pickup test creates a real interaction
    /// in Genesys Cloud, which graphwiz ends again).
    #[arg(long)]
    send_test_mail: bool,
    /// Start at this step (the "check again" of an earlier run).
    #[arg(long, value_name = "STEP")]
    from_step: Option<String>,
    /// How long the steps that send a test mail wait (for its arrival, and for Genesys Cloud to
    /// fetch it), in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(5..=3600))]
    pickup_timeout: u64,
    /// Timeout of each network request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// Print JSON on standard output instead of text.
    #[arg(long)]
    json: bool,
}

fn t(id: &str) -> String {
    i18n::text(lang(), id, &MsgArgs::new())
}

pub fn run(a: DiagnoseArgs) -> u8 {
    run_inner(a).unwrap_or_else(|f| f.report())
}

fn run_inner(a: DiagnoseArgs) -> Result<u8, Failure> {
    let l = lang();
    let Some(symptom_id) = &a.symptom else {
        let list = diagnose::symptoms(l);
        if a.json {
            output::print_json(&list);
        } else {
            println!("{}", t("diag-list-header"));
            for s in list {
                println!("  {:<26} {}", s.id, s.title);
            }
        }
        return Ok(EXIT_OK);
    };
    let Some(symptom) = table::symptom(symptom_id) else {
        let known: Vec<&str> = table::SYMPTOMS.iter().map(|s| s.id).collect();
        return Err(Failure::usage(i18n::text(
            l,
            "diag-unknown-symptom",
            &args([("given", symptom_id.clone()), ("known", known.join(", "))]),
        )));
    };
    if let Some(step) = &a.from_step {
        if !symptom
            .steps
            .iter()
            .any(|s| s.id.eq_ignore_ascii_case(step))
        {
            let known: Vec<&str> = symptom.steps.iter().map(|s| s.id).collect();
            return Err(Failure::usage(crate::tra(
                "cli-diag-bad-step",
                &crate::margs!(
                    "step" => step.as_str(),
                    "symptom" => symptom.id,
                    "steps" => known.join(", "),
                ),
            )));
        }
    }
    let Some(profile) = a.profile.clone() else {
        return Err(Failure::usage(t("cli-diag-which-profile")));
    };
    let scope = ScopeArgs {
        profile: Some(profile.clone()),
        mailboxes: Vec::new(),
        probe_mailbox: None,
        warn_days: graphwiz_core::expiry::DEFAULT_WARN_DAYS,
    };
    let (check, _) = build_one(
        &TargetArgs::default(),
        &scope,
        Duration::from_secs(a.timeout),
    )?;
    let input = DiagnoseInput {
        check,
        profile: profile.clone(),
        send_test_mail: a.send_test_mail,
        pickup_wait: Duration::from_secs(a.pickup_timeout),
        from_step: a.from_step.clone(),
    };
    let quiet = a.json;
    let progress = move |step: &str| {
        if !quiet {
            eprintln!("… {step}");
        }
    };
    let d = input::runtime()?.block_on(diagnose::diagnose(&input, symptom, l, &progress));
    if a.json {
        output::print_json(&d);
    } else {
        println!("graphwiz diagnose: {}", d.title);
        for (i, s) in d.steps.iter().enumerate() {
            let mark = match s.outcome {
                Outcome::Passed => "✓",
                Outcome::Cause => "✗",
                Outcome::Manual => "?",
                Outcome::NotRun => "·",
                Outcome::Skipped => "-",
                Outcome::NotReached => " ",
            };
            let note = match s.outcome {
                Outcome::NotReached => format!(" ({})", t("diag-label-not-reached")),
                _ => String::new(),
            };
            println!("  {mark} {}. {}{note}", i + 1, s.title);
            match s.outcome {
                Outcome::Manual => println!(
                    "       {}: {}",
                    t("diag-label-by-hand"),
                    s.text.clone().unwrap_or_default()
                ),
                Outcome::NotRun => println!(
                    "       {}: {}",
                    t("diag-label-not-run"),
                    s.text.clone().unwrap_or_default()
                ),
                Outcome::Cause => {
                    println!(
                        "       {}: {}",
                        t("diag-label-cause"),
                        s.text.clone().unwrap_or_default()
                    );
                    println!("       {}: {}", t("diag-label-faq"), s.faq);
                }
                _ => {}
            }
        }
        println!();
        match &d.cause {
            Some(_) => {
                if let Some(fix) = &d.fix {
                    println!("{}: {fix}", t("diag-label-fix"));
                }
                if let Some(url) = &d.portal_url {
                    println!("{}: {url}", t("diag-label-portal"));
                }
                if let Some(again) = &d.check_again {
                    println!("{}: {again}", t("diag-label-again"));
                }
            }
            None => println!("{}", t("diag-label-no-cause")),
        }
    }
    Ok(if d.cause.is_some() {
        EXIT_FAILED
    } else {
        EXIT_OK
    })
}
