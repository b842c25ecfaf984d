//! `graphwiz live-test`: the checks, then a real test mail sent, received, marked read and
//! deleted, with progress while it waits. With `--pickup`, the mail is left unread and Genesys
//! Cloud marking it read proves that it fetches the mailbox (and, with the profile's Genesys
//! part, the interaction it created is found and ended).

use crate::check_cmd::{build_one, save_results, ScopeArgs};
use crate::input::{self, Failure};
use crate::{lang, margs, output, tr, tra, TargetArgs, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::i18n::decimal_arg;
use graphwiz_core::microsoft::livetest::{run_live_test, LiveTestInput, Progress};
use graphwiz_core::pickup::{run_pickup_test, PickupInput, PickupProgress};
use graphwiz_core::store::profiles::ProfileStore;
use std::io::{IsTerminal, Write};
use std::time::Duration;

#[derive(Args, Debug)]
pub struct LiveTestArgs {
    #[command(flatten)]
    target: TargetArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Recipient of the test mail (default: the first mailbox itself). An address outside the
    /// configured mailboxes proves sending only.
    #[arg(long, value_name = "ADDRESS")]
    to: Option<String>,
    /// How long to wait for the test mail to arrive, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(5..=3600))]
    timeout: u64,
    /// Timeout of each network request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    request_timeout: u64,
    /// The pickup test: leave the test mail unread and wait for Genesys Cloud to fetch it (it
    /// marks fetched mail read); with the profile's Genesys part, also find and end the
    /// interaction it creates. Creates a real interaction in Genesys Cloud.
    #[arg(long)]
    pickup: bool,
    /// With --pickup: how long to wait from arrival to pickup, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 120, requires = "pickup", value_parser = clap::value_parser!(u64).range(5..=3600))]
    pickup_timeout: u64,
    /// With --pickup and a Genesys part: how long to look for the interaction after the pickup,
    /// in seconds (analytics knows a conversation only some time after it started).
    #[arg(long, value_name = "SECS", default_value_t = 90, requires = "pickup", value_parser = clap::value_parser!(u64).range(1..=3600))]
    interaction_timeout: u64,
    /// With --pickup: send the test mail from this mailbox (the app must be allowed to send as
    /// it) to the served mailbox, for routing that ignores a mailbox's own mail.
    #[arg(long, value_name = "ADDRESS", requires = "pickup")]
    from: Option<String>,
    /// Print JSON on standard output instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(a: LiveTestArgs) -> u8 {
    run_inner(a).unwrap_or_else(|f| f.report())
}

fn run_inner(a: LiveTestArgs) -> Result<u8, Failure> {
    let (check, profile_name) =
        build_one(&a.target, &a.scope, Duration::from_secs(a.request_timeout))?;
    let Some(sender) = check.mailboxes.first().cloned() else {
        return Err(Failure::usage(tr("cli-live-mailbox-needed")));
    };
    let recipient = match &a.to {
        Some(to) => graphwiz_core::validate::mailbox(to)?,
        None => sender.clone(),
    };
    // The pickup test sends into the served mailbox, from itself or from --from.
    let sender = match &a.from {
        Some(from) => graphwiz_core::validate::mailbox(from)?,
        None => sender,
    };
    let input = LiveTestInput {
        check,
        sender,
        recipient,
        wait: Duration::from_secs(a.timeout),
    };
    let show = !a.json && std::io::stderr().is_terminal();
    let line_of = |p: Progress| -> String {
        match p {
            Progress::Checking => tr("cli-live-checking"),
            Progress::Sending => tr("cli-live-sending"),
            Progress::Waiting { elapsed, polls } => tra(
                "cli-live-waiting",
                &margs!(
                    "secs" => decimal_arg(elapsed.as_secs_f64(), 1),
                    "polls" => polls,
                ),
            ),
            Progress::MarkingRead => tr("cli-live-marking-read"),
            Progress::CleaningUp => tr("cli-live-deleting"),
        }
    };
    let print = move |line: String| {
        if !show {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    };
    let rt = input::runtime()?;
    let live = if a.pickup {
        let pickup = PickupInput {
            live: input.clone(),
            pickup_wait: Duration::from_secs(a.pickup_timeout),
            interaction_wait: Duration::from_secs(a.interaction_timeout),
        };
        let progress = |p: PickupProgress| {
            print(match p {
                PickupProgress::Live(l) => line_of(l),
                PickupProgress::WaitingPickup { elapsed, polls } => tra(
                    "cli-live-waiting-pickup",
                    &margs!(
                        "secs" => decimal_arg(elapsed.as_secs_f64(), 1),
                        "polls" => polls,
                    ),
                ),
                PickupProgress::FindingInteraction { elapsed, queries } => tra(
                    "cli-live-finding-interaction",
                    &margs!(
                        "secs" => decimal_arg(elapsed.as_secs_f64(), 1),
                        "queries" => queries,
                    ),
                ),
                PickupProgress::EndingInteraction => tr("cli-live-ending-interaction"),
            })
        };
        rt.block_on(run_pickup_test(&pickup, &progress))
    } else {
        rt.block_on(run_live_test(&input, &|p| print(line_of(p))))
    };
    if show {
        eprint!("\r\x1b[2K");
    }
    if let Some(name) = &profile_name {
        save_results(&[(name.clone(), live.report.clone())])?;
        if let Some(summary) = &live.summary {
            let store = ProfileStore::open_default()?;
            store.update(|f| {
                if let Some(p) = f.get_mut(name) {
                    p.record_live(summary.clone());
                }
                Ok(())
            })?;
        }
    }
    let report = live.report.localized(lang());
    if a.json {
        output::print_json(&report);
    } else {
        output::print_human(&input.check, &report);
    }
    Ok(if report.ok { EXIT_OK } else { EXIT_FAILED })
}
