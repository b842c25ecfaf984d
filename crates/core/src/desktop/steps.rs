//! The side rail's verdicts: how each step of the wizard came out, decided from the checks the
//! step shows, and the summary's list of every failed and warning check with the step it is on.
//!
//! A step is `passed` only when every check it shows passed; one failure makes it `failed`, a
//! warning `warning`, and a step whose checks did not run (or were skipped) is `not_run` — never
//! green over something unproven. The UI draws exactly this.

use super::{Counts, Step, View};
use crate::report::{Check, Status};
use serde::Serialize;

/// How a step came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Every check the step shows passed.
    Passed,
    /// Nothing failed, at least one check warns.
    Warning,
    /// At least one check failed.
    Failed,
    /// Its checks have not run (or were skipped because something earlier failed).
    NotRun,
    /// The step has no checks of its own (Start).
    None,
}

/// One step in the side rail.
#[derive(Clone, Debug, Serialize)]
pub struct StepView {
    /// The step.
    pub step: Step,
    /// The rail lets the admin go there.
    pub reachable: bool,
    /// Its verdict.
    pub status: StepStatus,
    /// Verdict counts of the checks it shows.
    pub counts: Counts,
}

/// A failed or warning check, with the step that shows it (for the summary's list).
#[derive(Clone, Debug, Serialize)]
pub struct ProblemView {
    /// The step to go to.
    pub step: Step,
    /// The check, worded in the UI's language.
    pub check: Check,
}

/// One pill of the live test (or the pickup test) with how it came out.
#[derive(Clone, Debug, Serialize)]
pub struct PhaseView {
    /// The pill: `sending`, `waiting`, `marking_read`, `cleaning_up` (live test) or `sent`,
    /// `arrived`, `fetched`, `interaction` (pickup test).
    pub phase: &'static str,
    /// The check that decides it.
    pub check: &'static str,
    /// Its verdict; `skip` when the test stopped (or was refused) before it.
    pub status: Status,
}

/// The live test's pills and the checks deciding them, in order.
pub const LIVE_PHASES: [(&str, &str); 4] = [
    ("sending", "send"),
    ("waiting", "receive"),
    ("marking_read", "mark_read"),
    ("cleaning_up", "cleanup"),
];
/// The pickup test's pills and the checks deciding them, in order.
pub const PICKUP_PHASES: [(&str, &str); 4] = [
    ("sent", "send"),
    ("arrived", "receive"),
    ("fetched", "pickup"),
    ("interaction", "genesys_interaction"),
];

/// The pills of the last test: each with its check's verdict, `skip` where it never got there.
pub(super) fn phases(live: Option<&super::LiveResult>) -> Vec<PhaseView> {
    let Some(l) = live else {
        return Vec::new();
    };
    let table = if l.pickup {
        &PICKUP_PHASES
    } else {
        &LIVE_PHASES
    };
    table
        .iter()
        .map(|(phase, check)| PhaseView {
            phase,
            check,
            status: l
                .checks
                .iter()
                .find(|c| c.id == *check)
                .map(|c| c.status)
                .unwrap_or(Status::Skip),
        })
        .collect()
}

/// What the live-test step shows of a test's report: the steps of the test (`ids`) and, when
/// the checks stopped it, the failed checks that did — and whether the test passed (it ran and
/// none of its steps failed; failures of checks it does not need do not count).
pub(super) fn shown_test(
    report: &crate::report::Report,
    ids: &[&str],
    sender: &str,
    recipient: &str,
) -> (Vec<Check>, bool) {
    let steps: Vec<&Check> = report
        .checks
        .iter()
        .filter(|c| ids.contains(&c.id.as_str()))
        .collect();
    let ran = steps.iter().any(|c| c.status != Status::Skip);
    let stopped_by = report
        .checks
        .iter()
        .filter(|c| !ran && !ids.contains(&c.id.as_str()))
        .filter(|c| crate::microsoft::livetest::blocks(c, sender, recipient));
    let ok = ran && steps.iter().all(|c| c.status != Status::Fail);
    (stopped_by.chain(steps).cloned().collect(), ok)
}

/// The checks a step shows, as the view holds them.
pub(super) fn checks_of(view: &View, step: Step) -> Vec<&Check> {
    match step {
        Step::Start | Step::Summary => Vec::new(),
        // The form: what Entra ID said about the tenant and the secret entered there.
        Step::AzureApp => view
            .permissions
            .iter()
            .filter(|c| c.id == "tenant" || c.id == "credentials")
            .collect(),
        Step::Permissions => view.permissions.iter().collect(),
        Step::Mailboxes => view
            .mailboxes
            .iter()
            .filter_map(|m| m.check.as_ref())
            .chain(view.scope_audit.as_ref())
            .collect(),
        Step::LiveTest => view
            .live
            .as_ref()
            .map(|l| l.checks.iter().collect())
            .unwrap_or_default(),
        Step::SecretExpiry => view.expiry.check.iter().collect(),
        Step::Genesys => view.genesys.checks.iter().collect(),
    }
}

/// The verdict of a list of checks.
pub fn status_of<'a>(checks: impl IntoIterator<Item = &'a Check>) -> StepStatus {
    let mut any = false;
    let (mut fail, mut warn, mut skip) = (false, false, false);
    for c in checks {
        any = true;
        match c.status {
            Status::Fail => fail = true,
            Status::Warn => warn = true,
            Status::Skip => skip = true,
            Status::Pass => {}
        }
    }
    if fail {
        StepStatus::Failed
    } else if warn {
        StepStatus::Warning
    } else if !any || skip {
        StepStatus::NotRun
    } else {
        StepStatus::Passed
    }
}

/// The rail (every step with its verdict and whether it can be reached) and the summary's
/// problem list, from the view as built.
pub(super) fn rail(view: &View) -> (Vec<StepView>, Vec<ProblemView>) {
    let mut steps = Vec::with_capacity(Step::ALL.len());
    let mut problems: Vec<ProblemView> = Vec::new();
    let mut all: Vec<&Check> = Vec::new();
    for step in Step::ALL {
        let checks = checks_of(view, step);
        for c in &checks {
            // tenant and credentials are on both the form and the permissions step: listed once,
            // with the step whose cards show them with their fix.
            if step == Step::AzureApp {
                continue;
            }
            all.push(c);
            if matches!(c.status, Status::Fail | Status::Warn) {
                problems.push(ProblemView {
                    step,
                    check: (*c).clone(),
                });
            }
        }
        let status = match step {
            Step::Start => StepStatus::None,
            Step::Summary => StepStatus::None,
            _ => status_of(checks.iter().copied()),
        };
        steps.push(StepView {
            step,
            reachable: step <= view.furthest,
            status,
            counts: Counts::of(checks.iter().copied()),
        });
    }
    // The summary: failed or warning over everything; passed only when every step with checks
    // passed, the live test included (a setup whose mail was never sent is not proven).
    let summary_status = match status_of(all.iter().copied()) {
        StepStatus::Passed
            if steps
                .iter()
                .filter(|s| s.step != Step::Genesys || view.genesys.configured)
                .all(|s| matches!(s.status, StepStatus::Passed | StepStatus::None)) =>
        {
            StepStatus::Passed
        }
        StepStatus::Passed => StepStatus::NotRun,
        other => other,
    };
    // The claims have the last word: a live test from a mailbox no longer in the profile, or
    // run on another secret, does not tick the live test; the summary is green only when the
    // integration is validated, and red when a claim it needs was disproven.
    use crate::store::evidence::ClaimState;
    let claim = |id: &str| {
        view.summary
            .claims
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.state)
    };
    // A mailbox added since the last check is not proven: its step is not ticked.
    if let Some(s) = steps.iter_mut().find(|s| s.step == Step::Mailboxes) {
        if s.status == StepStatus::Passed && view.mailboxes.iter().any(|m| m.check.is_none()) {
            s.status = StepStatus::NotRun;
        }
    }
    if let Some(s) = steps.iter_mut().find(|s| s.step == Step::LiveTest) {
        if s.status == StepStatus::Passed && claim("mail_flow") != Some(ClaimState::Proven) {
            s.status = StepStatus::NotRun;
        }
    }
    // The expiry step without a check of today's date (one entered by hand, a rotation since):
    // the secret's claim, from the date the profile holds.
    if let Some(s) = steps.iter_mut().find(|s| s.step == Step::SecretExpiry) {
        if view.expiry.check.is_none() {
            s.status = match claim("secret_valid") {
                Some(ClaimState::Proven) => StepStatus::Passed,
                Some(ClaimState::Disproven) => StepStatus::Failed,
                _ => StepStatus::NotRun,
            };
        }
    }
    let disproven = view
        .summary
        .claims
        .iter()
        .any(|c| c.needed && c.state == ClaimState::Disproven);
    // The summary is the one verdict: green exactly when validated.
    let summary_status = match summary_status {
        _ if view.summary.validated => StepStatus::Passed,
        StepStatus::Passed => StepStatus::NotRun,
        StepStatus::Warning | StepStatus::NotRun if disproven => StepStatus::Failed,
        other => other,
    };
    if let Some(s) = steps.iter_mut().find(|s| s.step == Step::Summary) {
        s.status = summary_status;
        s.counts = Counts::of(all.iter().copied());
    }
    // Failures first, then warnings, each in step order.
    problems.sort_by_key(|p| (p.check.status != Status::Fail, p.step));
    (steps, problems)
}

#[cfg(test)]
#[path = "steps_tests.rs"]
mod tests;
