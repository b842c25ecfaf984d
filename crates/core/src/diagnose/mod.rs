//! The troubleshooter: from the symptom an admin arrives with to its first real cause.
//!
//! [`table`] holds the walks (one table, data only). [`diagnose`] runs the checks once (both
//! halves, when the profile has a Genesys part), then goes through the symptom's steps in order:
//! the first step whose checks show a cause ends the walk with the evidence, the fix and the
//! portal link; steps graphwiz can't decide are listed for the admin (never a cause); the pickup
//! and send tests run only when the admin allowed a real test mail. "Check again" reruns from a
//! step (`from_step`). Every text comes from the catalog (`en-diagnose.ftl`, `de-diagnose.ftl`).

pub mod table;

use crate::checks::{run_check, CheckInput};
use crate::i18n::{self, args, Args, Lang};
use crate::microsoft::livetest::{run_live_test, LiveTestInput};
use crate::pickup::{run_pickup_test, PickupInput};
use crate::report::{Check, Report, Status};
use serde::Serialize;
use std::time::Duration;
use table::{Kind, Step, Symptom};

/// What a walk needs.
#[derive(Clone, Debug)]
pub struct DiagnoseInput {
    /// The checks (with the Genesys part when the profile has one).
    pub check: CheckInput,
    /// The profile's name, for the commands in texts.
    pub profile: String,
    /// True when the admin allowed a real test mail (pickup and send steps).
    pub send_test_mail: bool,
    /// How long the steps that send a test mail wait (for its arrival, and for Genesys Cloud).
    pub pickup_wait: Duration,
    /// Start at this step (the "check again" of an earlier walk).
    pub from_step: Option<String>,
}

/// How one step came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Its checks passed: not the cause.
    Passed,
    /// The first real cause: the walk ends here.
    Cause,
    /// For the admin to look at by hand (graphwiz can't see it); never a cause.
    Manual,
    /// A test that sends real mail, not run without the admin's go-ahead.
    NotRun,
    /// Its checks did not run (an earlier check decided them); not a cause.
    Skipped,
    /// After the cause, or before the step the walk started from.
    NotReached,
}

/// One step's result.
#[derive(Clone, Debug, Serialize)]
pub struct StepResult {
    /// The step's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The FAQ answer it comes from.
    pub faq: String,
    /// How it came out.
    pub outcome: Outcome,
    /// What to look at by hand (manual and not-run steps), or the cause's summary.
    pub text: Option<String>,
    /// The checks it was decided by.
    pub evidence: Vec<Check>,
}

/// A finished walk.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnosis {
    /// The symptom's id.
    pub symptom: String,
    /// The symptom in the admin's words.
    pub title: String,
    /// Every step, in order.
    pub steps: Vec<StepResult>,
    /// The step that is the cause, when one was found.
    pub cause: Option<String>,
    /// What to do about the cause.
    pub fix: Option<String>,
    /// Where to do it.
    pub portal_url: Option<String>,
    /// The command that checks again from the cause's step.
    pub check_again: Option<String>,
}

/// A symptom for a picker: id and title.
#[derive(Clone, Debug, Serialize)]
pub struct SymptomInfo {
    /// Stable id.
    pub id: String,
    /// The symptom in the admin's words.
    pub title: String,
    /// Its steps' titles.
    pub steps: Vec<String>,
}

/// Every symptom, worded in `lang`.
pub fn symptoms(lang: Lang) -> Vec<SymptomInfo> {
    table::SYMPTOMS
        .iter()
        .map(|s| SymptomInfo {
            id: s.id.to_string(),
            title: i18n::text(lang, &format!("diag-symptom-{}", s.id), &Args::new()),
            steps: s
                .steps
                .iter()
                .map(|st| i18n::text(lang, &format!("diag-step-{}", st.id), &Args::new()))
                .collect(),
        })
        .collect()
}

/// A question of the FAQ that needs no check, answered, with its source.
#[derive(Clone, Debug, Serialize)]
pub struct HelpTopic {
    /// Stable id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The answer.
    pub answer: String,
    /// Where the answer comes from.
    pub source: String,
}

/// The help panel's topics, worded in `lang`.
pub fn help_topics(lang: Lang) -> Vec<HelpTopic> {
    table::HELP_TOPICS
        .iter()
        .map(|id| {
            let m = format!("help-{id}");
            HelpTopic {
                id: id.to_string(),
                question: i18n::text(lang, &m, &Args::new()),
                answer: i18n::attr(lang, &m, "answer", &Args::new()).unwrap_or_default(),
                source: i18n::attr(lang, &m, "source", &Args::new()).unwrap_or_default(),
            }
        })
        .collect()
}

fn step_text(lang: Lang, step: &Step, attr: &str, a: &Args) -> Option<String> {
    i18n::attr(lang, &format!("diag-step-{}", step.id), attr, a)
}

fn result(
    lang: Lang,
    step: &Step,
    outcome: Outcome,
    text: Option<String>,
    evidence: Vec<Check>,
    a: &Args,
) -> StepResult {
    StepResult {
        id: step.id.to_string(),
        title: i18n::text(lang, &format!("diag-step-{}", step.id), a),
        faq: step_text(lang, step, "faq", a).unwrap_or_default(),
        outcome,
        text,
        evidence,
    }
}

/// Decides a step from checks; `None` when the step's checks are not in the report.
fn decide(step: &Step, checks: &[Check]) -> (Outcome, Vec<Check>) {
    let Kind::Checks { ids, cause, .. } = step.kind else {
        return (Outcome::Manual, Vec::new());
    };
    let evidence: Vec<Check> = checks
        .iter()
        .filter(|c| ids.contains(&c.id.as_str()))
        .cloned()
        .collect();
    if evidence.is_empty() {
        return (Outcome::Manual, evidence);
    }
    if evidence
        .iter()
        .any(|c| cause.is_cause(c.status, c.message_id.as_deref()))
    {
        return (Outcome::Cause, evidence);
    }
    if evidence.iter().all(|c| c.status == Status::Skip) {
        return (Outcome::Skipped, evidence);
    }
    (Outcome::Passed, evidence)
}

/// Walks `symptom` for the input; `progress` hears the id of each step as it starts.
pub async fn diagnose(
    input: &DiagnoseInput,
    symptom: &Symptom,
    lang: Lang,
    progress: &(dyn Fn(&str) + Send + Sync),
) -> Diagnosis {
    let a = args([
        ("profile", input.profile.clone()),
        ("symptom", symptom.id.to_string()),
    ]);
    let start = input
        .from_step
        .as_deref()
        .and_then(|f| {
            symptom
                .steps
                .iter()
                .position(|s| s.id.eq_ignore_ascii_case(f))
        })
        .unwrap_or(0);
    progress("checks");
    let report: Report = run_check(&input.check).await.localized(lang);
    let has_genesys = input.check.genesys.is_some();
    let mut steps = Vec::new();
    let mut cause: Option<(String, Check)> = None;
    for (i, step) in symptom.steps.iter().enumerate() {
        if i < start || cause.is_some() {
            steps.push(result(
                lang,
                step,
                Outcome::NotReached,
                None,
                Vec::new(),
                &a,
            ));
            continue;
        }
        progress(step.id);
        let how = step_text(lang, step, "how", &a);
        let (outcome, evidence) = match step.kind {
            Kind::Manual => (Outcome::Manual, Vec::new()),
            Kind::Checks { genesys: true, .. } if !has_genesys => (Outcome::Manual, Vec::new()),
            Kind::Checks { .. } => decide(step, &report.checks),
            Kind::Pickup | Kind::Send if !input.send_test_mail => (Outcome::NotRun, Vec::new()),
            Kind::Pickup | Kind::Send => {
                let test = mail_test(input, step.kind, lang).await;
                let ids: &[&str] = if step.kind == Kind::Pickup {
                    &["send", "receive", "pickup", "genesys_interaction"]
                } else {
                    &["send", "receive"]
                };
                let evidence: Vec<Check> = test
                    .checks
                    .into_iter()
                    .filter(|c| ids.contains(&c.id.as_str()))
                    .collect();
                let failed = evidence.iter().any(|c| c.status == Status::Fail);
                (
                    if failed {
                        Outcome::Cause
                    } else if evidence.is_empty() {
                        Outcome::Skipped
                    } else {
                        Outcome::Passed
                    },
                    evidence,
                )
            }
        };
        let text = match outcome {
            Outcome::Manual | Outcome::NotRun => how,
            Outcome::Cause => evidence
                .iter()
                .find(|c| matches!(c.status, Status::Fail | Status::Warn))
                .map(|c| c.summary.clone()),
            _ => None,
        };
        if outcome == Outcome::Cause {
            if let Some(c) = evidence
                .iter()
                .find(|c| matches!(c.status, Status::Fail | Status::Warn))
            {
                cause = Some((step.id.to_string(), c.clone()));
            }
        }
        steps.push(result(lang, step, outcome, text, evidence, &a));
    }
    let (cause_step, fix, portal_url) = match &cause {
        Some((id, c)) => (Some(id.clone()), c.fix.clone(), c.portal_url.clone()),
        None => (None, None, None),
    };
    Diagnosis {
        symptom: symptom.id.to_string(),
        title: i18n::text(lang, &format!("diag-symptom-{}", symptom.id), &Args::new()),
        check_again: cause_step.as_ref().map(|s| {
            format!(
                "graphwiz diagnose --profile \"{}\" --symptom {} --from-step {s}",
                input.profile, symptom.id
            )
        }),
        steps,
        cause: cause_step,
        fix,
        portal_url,
    }
}

async fn mail_test(input: &DiagnoseInput, kind: Kind, lang: Lang) -> Report {
    let Some(mailbox) = input.check.mailboxes.first().cloned() else {
        return Report::of(Vec::new());
    };
    let live = LiveTestInput {
        check: input.check.clone(),
        sender: mailbox.clone(),
        recipient: mailbox,
        wait: input.pickup_wait,
    };
    let report = if kind == Kind::Pickup {
        let p = PickupInput {
            live,
            pickup_wait: input.pickup_wait,
            interaction_wait: crate::pickup::DEFAULT_INTERACTION_WAIT,
        };
        run_pickup_test(&p, &|_| {}).await.report
    } else {
        run_live_test(&live, &|_| {}).await.report
    };
    report.localized(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_and_symptom_and_help_topic_is_in_both_catalogs() {
        for lang in Lang::ALL {
            for s in table::SYMPTOMS {
                assert!(
                    i18n::has(lang, &format!("diag-symptom-{}", s.id)),
                    "{} {}",
                    lang.code(),
                    s.id
                );
                for st in s.steps {
                    let id = format!("diag-step-{}", st.id);
                    assert!(i18n::has(lang, &id), "{} {id}", lang.code());
                    assert!(
                        i18n::attr(lang, &id, "faq", &Args::new()).is_some(),
                        "{} {id} has no .faq",
                        lang.code()
                    );
                    if matches!(
                        st.kind,
                        Kind::Manual
                            | Kind::Pickup
                            | Kind::Send
                            | Kind::Checks { genesys: true, .. }
                    ) {
                        assert!(
                            i18n::attr(lang, &id, "how", &Args::new()).is_some(),
                            "{} {id} has no .how",
                            lang.code()
                        );
                    }
                }
            }
            for t in help_topics(lang) {
                assert!(
                    !t.answer.is_empty() && !t.source.is_empty(),
                    "{} {}",
                    lang.code(),
                    t.id
                );
            }
        }
    }

    #[test]
    fn the_symptom_ids_scripts_use_exist() {
        for id in [
            "no-mail",
            "read-not-in-genesys",
            "one-interaction",
            "bounces",
            "auth-after-secret-change",
            "cannot-send",
        ] {
            assert!(table::symptom(id).is_some(), "{id}");
        }
        assert!(table::symptom("mail-stopped").is_none());
    }

    fn check(id: &str, status: Status, message_id: Option<&str>) -> Check {
        let mut c = Check::skip_pub(id, "x");
        c.status = status;
        c.message_id = message_id.map(str::to_string);
        c
    }

    #[test]
    fn a_step_is_the_cause_by_its_rule() {
        let multi = table::symptom("one-interaction").unwrap().steps[1];
        let off = [check(
            "genesys_multi_destination",
            Status::Pass,
            Some("genesys-multi-off"),
        )];
        assert_eq!(
            decide(&multi, &off).0,
            Outcome::Cause,
            "off is the cause for this symptom"
        );
        let on = [check(
            "genesys_multi_destination",
            Status::Pass,
            Some("genesys-multi-on"),
        )];
        assert_eq!(decide(&multi, &on).0, Outcome::Passed);
        let creds = table::symptom("no-mail").unwrap().steps[0];
        let warned = [
            check("tenant", Status::Pass, None),
            check("credentials", Status::Warn, None),
        ];
        assert_eq!(
            decide(&creds, &warned).0,
            Outcome::Passed,
            "a warning is no cause here"
        );
        let skipped = [
            check("tenant", Status::Skip, None),
            check("credentials", Status::Skip, None),
        ];
        assert_eq!(decide(&creds, &skipped).0, Outcome::Skipped);
        assert_eq!(decide(&creds, &[]).0, Outcome::Manual);
    }
}
