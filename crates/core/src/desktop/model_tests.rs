//! The model-based test of "never more than was proved": seeded random sequences of what an admin
//! does in the wizard on the demo (add and remove mailboxes, check, live test, consent, admin
//! sign-in, switch scenario, enter an expiry date, switch language, export), and after every step
//! the invariants that tie what the wizard shows to the evidence it holds:
//! - "validated" (summary, export file) only with a mailbox, every mailbox reached, a passing live
//!   test from one of them, no failed check, a secret not expiring — and every needed claim proven;
//! - the rail's summary step is green exactly when validated; the live test's step is ticked only
//!   when mail flow is proven; no step is ticked over a check that did not pass;
//! - the expiry step never shows a passed expiry check beside an expired or expiring date;
//! - the export's `validated` is the summary's.
//!
//! `GRAPHWIZ_MODEL_SEQS` sets how many sequences run (default 60, each 14 steps), and
//! `GRAPHWIZ_MODEL_SEED` replays one. Each defect this model found is a fixed seed below.

use super::*;
use crate::store::evidence::ClaimState;
use crate::{ClientSecret, Status};
use graphwiz_emulator::{Emulator, Options, Scenario};

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn no_browser(_: &str) -> Result<(), String> {
    Err("the demo needs no browser".into())
}

/// The demo tenants the sequences switch between.
const SCENARIOS: [Scenario; 4] = [
    Scenario::Healthy,
    Scenario::NoAdminConsent,
    Scenario::ExpiredSecret,
    Scenario::UserReadNotConsented,
];

struct World {
    emulators: Vec<Emulator>,
    desktop: Desktop,
    dir: tempfile::TempDir,
}

impl World {
    async fn new() -> World {
        let mut emulators = Vec::new();
        for s in SCENARIOS {
            emulators.push(Emulator::start(Options::scenario(s)).await.unwrap());
        }
        let dir = tempfile::tempdir().unwrap();
        let desktop = Desktop::open(dir.path());
        let w = World {
            emulators,
            desktop,
            dir,
        };
        w.switch(0);
        w
    }

    fn switch(&self, i: usize) {
        let e = &self.emulators[i];
        let c = e.demo();
        let domain = c.tenant_domain.clone();
        self.desktop
            .start_demo(DemoTenant {
                scenario: SCENARIOS[i].name().into(),
                base_url: e.base_url(),
                tenant_id: c.tenant_id.clone(),
                client_id: c.client_id.clone(),
                secret: ClientSecret::new(c.client_secret.clone()),
                mailboxes: ["support", "sales", "unlicensed", "blocked"]
                    .iter()
                    .map(|m| DemoMailbox {
                        address: format!("{m}@{domain}"),
                        kind: if *m == "support" || *m == "sales" {
                            "healthy".into()
                        } else {
                            "unlicensed".into()
                        },
                    })
                    .collect(),
                genesys: None,
            })
            .unwrap();
        let v = self.desktop.view();
        self.desktop
            .save_azure_app(AzureAppInput {
                name: "x".into(),
                cloud: "global".into(),
                tenant: v.form.tenant.clone(),
                client_id: v.form.client_id.clone(),
                secret: None,
                i_know: false,
            })
            .unwrap();
    }

    fn domain(&self) -> String {
        self.emulators[0].demo().tenant_domain
    }
}

/// One admin action, chosen at random; returns its name for the failure message.
async fn act(w: &World, rng: &mut Rng) -> String {
    let d = &w.desktop;
    let domain = w.domain();
    let pool = ["support", "sales", "unlicensed", "blocked"];
    match rng.below(11) {
        0 => {
            let m = format!("{}@{domain}", pool[rng.below(4) as usize]);
            let _ = d.add_mailbox(&m);
            format!("add {m}")
        }
        1 => {
            let boxes = d.view().mailboxes;
            if boxes.is_empty() {
                return "remove (none)".into();
            }
            let m = boxes[rng.below(boxes.len() as u64) as usize]
                .address
                .clone();
            let _ = d.remove_mailbox(&m);
            format!("remove {m}")
        }
        2 | 3 => {
            let _ = d.run_checks().await;
            "check".into()
        }
        4 | 5 => {
            let boxes = d.view().mailboxes;
            if boxes.is_empty() {
                return "live test (no mailbox)".into();
            }
            let m = boxes[rng.below(boxes.len() as u64) as usize]
                .address
                .clone();
            let _ = d.run_live_test(&m, None, &|_| {}).await;
            format!("live test from {m}")
        }
        6 => {
            // Offered only where it would change something (as the app offers it).
            if !d.view().actions.consent {
                return "consent (not offered)".into();
            }
            let _ = d.grant_consent(&no_browser).await;
            "consent".into()
        }
        7 => {
            let _ = d.verify_as_admin(&no_browser).await;
            "admin sign-in".into()
        }
        8 => {
            let i = rng.below(SCENARIOS.len() as u64) as usize;
            w.switch(i);
            format!("scenario {}", SCENARIOS[i].name())
        }
        9 => {
            let days = [-5i64, 10, 200][rng.below(3) as usize];
            let date = (chrono::Utc::now() + chrono::Duration::days(days))
                .format("%Y-%m-%d")
                .to_string();
            let _ = d.set_expiry(&date);
            format!("expiry {date}")
        }
        _ => {
            let lang = if rng.below(2) == 0 { "de" } else { "en" };
            d.set_language(lang);
            format!("language {lang}")
        }
    }
}

/// Every invariant over the view and the evidence behind it; the broken ones, worded.
fn broken(w: &World) -> Vec<String> {
    let d = &w.desktop;
    let v = d.view();
    let mut out = Vec::new();
    let target = d.lock().target().ok();
    let status = |step: Step| v.steps.iter().find(|s| s.step == step).map(|s| s.status);
    if v.summary.validated {
        if v.summary
            .claims
            .iter()
            .any(|c| c.needed && c.state != ClaimState::Proven)
        {
            out.push("validated with a claim not proven".into());
        }
        let p = target.as_ref();
        let boxes = p.map(|p| p.mailboxes.clone()).unwrap_or_default();
        if boxes.is_empty() {
            out.push("validated without a mailbox".into());
        }
        let report = p.and_then(|p| p.last_check.as_ref()).map(|l| &l.report);
        // (A mailbox removed since the check is not part of the integration any more.)
        let current = |c: &crate::report::Check| {
            c.id != "mailbox_access"
                || c.mailbox
                    .as_deref()
                    .is_none_or(|m| boxes.iter().any(|x| x.eq_ignore_ascii_case(m)))
        };
        if report.is_none_or(|r| {
            r.checks
                .iter()
                .any(|c| current(c) && c.status == Status::Fail)
        }) {
            out.push("validated over a failed (or missing) check".into());
        }
        for m in &boxes {
            let reached = report.is_some_and(|r| {
                r.checks.iter().any(|c| {
                    c.id == "mailbox_access"
                        && c.status == Status::Pass
                        && c.mailbox
                            .as_deref()
                            .is_some_and(|x| x.eq_ignore_ascii_case(m))
                })
            });
            if !reached {
                out.push(format!("validated although {m} was not reached"));
            }
        }
        let live = p.and_then(|p| p.last_live_test.as_ref());
        if !live.is_some_and(|l| l.ok && boxes.iter().any(|m| m.eq_ignore_ascii_case(&l.mailbox))) {
            out.push("validated without a passing live test from a current mailbox".into());
        }
        if matches!(
            v.expiry.state,
            Some(crate::microsoft::expiry::ExpiryState::Expired)
        ) {
            out.push("validated with an expired secret".into());
        }
    }
    if (status(Step::Summary) == Some(StepStatus::Passed)) != v.summary.validated {
        out.push(format!(
            "the rail's summary is {:?} while validated is {}",
            status(Step::Summary),
            v.summary.validated
        ));
    }
    if status(Step::LiveTest) == Some(StepStatus::Passed)
        && v.summary
            .claims
            .iter()
            .find(|c| c.id == "mail_flow")
            .is_none_or(|c| c.state != ClaimState::Proven)
    {
        out.push("the live test is ticked but mail flow is not proven".into());
    }
    if status(Step::Mailboxes) == Some(StepStatus::Passed)
        && v.mailboxes
            .iter()
            .any(|m| m.check.as_ref().is_none_or(|c| c.status != Status::Pass))
    {
        out.push("the mailboxes step is ticked over a mailbox not reached".into());
    }
    if let (Some(c), Some(state)) = (&v.expiry.check, v.expiry.state) {
        if c.status == Status::Pass && state != crate::microsoft::expiry::ExpiryState::Ok {
            out.push(format!("a passed expiry check beside a {state:?} date"));
        }
    }
    if v.summary.exportable {
        let path = w.dir.path().join("model.graphwiz.json");
        match d.export_config(&path, true) {
            Ok(cfg) if cfg.validated != v.summary.validated => out.push(format!(
                "the export says validated {} while the summary says {}",
                cfg.validated, v.summary.validated
            )),
            // What was written is what an import accepts.
            Ok(cfg) => {
                if let Err(e) = crate::store::config::parse(&cfg.to_json()) {
                    out.push(format!("the export would be refused on import: {e}"));
                }
            }
            Err(e) => out.push(format!("export failed: {e}")),
        }
    }
    out
}

async fn run_seed(w: &World, seed: u64, steps: usize) -> Result<(), String> {
    let mut rng = Rng(seed | 1);
    w.switch(0);
    let mut trail = Vec::new();
    for _ in 0..steps {
        trail.push(act(w, &mut rng).await);
        let b = broken(w);
        if !b.is_empty() {
            return Err(format!(
                "GRAPHWIZ_MODEL_SEED={seed}: after {}\n  {}",
                trail.join(" → "),
                b.join("\n  ")
            ));
        }
    }
    Ok(())
}

/// Seeds that once broke an invariant (each a defect of the issue that asked for the model).
const FIXED_SEEDS: [u64; 8] = [
    1,
    7,
    42,
    20261208,
    613300336026151265,
    613300336026151290,
    13707804434766582043,
    13707804434766582051,
];

#[tokio::test(flavor = "multi_thread")]
async fn nothing_is_shown_as_proven_without_evidence() {
    let w = World::new().await;
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let seeds: Vec<u64> = match env("GRAPHWIZ_MODEL_SEED") {
        Some(s) => vec![s],
        None => {
            let n = env("GRAPHWIZ_MODEL_SEQS").unwrap_or(60);
            let base = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(1);
            FIXED_SEEDS
                .iter()
                .copied()
                .chain((0..n).map(|i| base.wrapping_mul(6364136223846793005).wrapping_add(i)))
                .collect()
        }
    };
    let mut failures = Vec::new();
    for seed in &seeds {
        if let Err(e) = run_seed(&w, *seed, 14).await {
            failures.push(e);
            if failures.len() >= 3 {
                break;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sequences broke an invariant:\n{}",
        failures.len(),
        seeds.len(),
        failures.join("\n")
    );
}

/// The defects named in the issue, step by step: no mailbox, a live test from a removed mailbox.
#[tokio::test(flavor = "multi_thread")]
async fn the_named_defects_stay_fixed() {
    let w = World::new().await;
    let d = &w.desktop;
    let support = format!("support@{}", w.domain());
    d.verify_as_admin(&no_browser).await.unwrap();
    d.run_live_test(&support, None, &|_| {}).await.unwrap();
    let v = d.view();
    assert!(v.summary.validated, "{:?}", v.summary.claims);
    assert!(broken(&w).is_empty(), "{:?}", broken(&w));
    // Every mailbox removed: not validated, and the rail agrees.
    d.remove_mailbox(&support).unwrap();
    let v = d.view();
    assert!(!v.summary.validated);
    assert!(broken(&w).is_empty(), "{:?}", broken(&w));
    // Another mailbox, checked: still no live test from it.
    d.add_mailbox(&format!("sales@{}", w.domain())).unwrap();
    let v = d.run_checks().await.unwrap();
    assert!(!v.summary.validated);
    assert!(broken(&w).is_empty(), "{:?}", broken(&w));
}
