//! Part `pickup`: how soon the pickup test sees Genesys Cloud fetch the test mail. A simulated
//! consumer marks the mail read `P` after arrival; the figure is detection − P (goal ≤ 0.5 s),
//! with the Graph requests spent waiting for the flip.

use crate::{input_for, median, spread, Out};
use graphwiz_core::microsoft::livetest::LiveTestInput;
use graphwiz_core::pickup::run_pickup_test;
use graphwiz_core::pickup::PickupInput;
use graphwiz_emulator::{model, Emulator, Options, Pickup, PickupMode, Scenario};
use std::time::Duration;

pub(crate) async fn part_pickup(out: &mut Out, smoke: bool) {
    let delays: &[(u64, usize)] = if smoke {
        &[(1000, 1)]
    } else {
        &[(1000, 5), (5000, 3), (30_000, 2)]
    };
    out.line("\n### Pickup detection vs pickup delay P\n");
    out.line("| P | detection − P (median, spread) | requests while waiting (median) | goal ≤ 0.5 s | runs |");
    out.line("|---|---|---|---|---|");
    for &(p, reps) in delays {
        let d = model::demo::TENANT_DOMAIN;
        let emu = Emulator::start(Options {
            pickup: Some(Pickup::new(
                [format!("support@{d}")],
                Duration::from_millis(p),
                PickupMode::Fetch,
            )),
            delivery_delay: Duration::from_millis(200),
            ..Options::scenario(Scenario::Healthy)
        })
        .await
        .expect("emulator");
        let (mut over, mut polls) = (Vec::new(), Vec::new());
        for _ in 0..reps {
            let check = input_for(&emu, 0, 1);
            let mailbox = check.mailboxes[0].clone();
            let input = PickupInput {
                live: LiveTestInput {
                    check,
                    sender: mailbox.clone(),
                    recipient: mailbox,
                    wait: Duration::from_secs(60),
                },
                pickup_wait: Duration::from_secs(120),
                interaction_wait: Duration::from_secs(1),
            };
            let live = run_pickup_test(&input, &|_| {}).await;
            let c = live
                .report
                .checks
                .iter()
                .find(|c| c.id == "pickup")
                .expect("pickup check");
            let Some(latency) = c.latency_ms else {
                panic!("the pickup was not seen: {:?}", live.report);
            };
            over.push((latency as f64 - p as f64) / 1000.0);
            // The count is a JSON number in the check's arguments (a string only if worded).
            let count = c.args.get("polls").and_then(|v| {
                v.as_f64()
                    .or_else(|| v.as_str().and_then(|s| s.parse::<f64>().ok()))
            });
            polls.push(count.expect("the pickup check counts its polls"));
        }
        let m = median(&mut over.clone());
        out.line(&format!(
            "| {:.0} s | {m:.2} s ({}) | {:.0} | {} | {reps} |",
            p as f64 / 1000.0,
            spread(&over),
            median(&mut polls),
            if m <= 0.5 { "met" } else { "NOT met" }
        ));
        emu.shutdown();
    }
}
