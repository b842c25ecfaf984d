//! The wizard's troubleshooter ("Something's wrong?"): the symptoms, the walk of one against the
//! integration in the wizard (a saved profile or the demo tenant) with its Genesys Cloud part,
//! "check again" from a step, and the help panel's questions. The core decides everything
//! ([`crate::diagnose`]); the last walk is kept in memory and worded again in the UI's language
//! whenever it is shown, so a language switch needs no new run.

use super::{Desktop, DesktopError, Session};
use crate::checks::{Check, Status};
use crate::diagnose::{
    self, table, DiagnoseInput, Diagnosis, HelpTopic, Outcome, StepResult, SymptomInfo,
};
use crate::i18n::{self, args, Args, Lang};
use crate::pickup::DEFAULT_PICKUP_WAIT;
use serde::Serialize;

/// The last walk of the troubleshooter.
#[derive(Clone, Debug)]
pub(super) struct LastWalk {
    /// The integration it ran against (its generation).
    generation: u64,
    /// The profile's name (for the texts' commands).
    profile: String,
    /// True when the admin allowed a real test mail.
    send_test_mail: bool,
    /// The walk as it came out.
    diagnosis: Diagnosis,
}

/// What the troubleshooter shows.
#[derive(Clone, Debug, Serialize)]
pub struct TroubleshootView {
    /// Every symptom, in the UI's language.
    pub symptoms: Vec<SymptomInfo>,
    /// The help panel's questions that need no check, in the UI's language.
    pub help: Vec<HelpTopic>,
    /// The integration a walk runs against (`None`: none set up yet, a walk can't run).
    pub profile: Option<String>,
    /// True for the demo tenant.
    pub demo: bool,
    /// True when the integration has a Genesys Cloud part (its steps are checked, not only
    /// listed for the admin).
    pub genesys: bool,
    /// A walk can run now.
    pub can_run: bool,
    /// The last walk for this integration, in the UI's language.
    pub last: Option<Diagnosis>,
    /// True when the last walk was allowed to send a real test mail.
    pub last_sent_test_mail: bool,
}

/// Progress of a walk: the step that starts, with its title in the UI's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiagnoseProgressView {
    /// `checks` (the checks run first), then each step's id.
    pub step: String,
    /// What is being done.
    pub title: String,
}

impl DiagnoseProgressView {
    /// The view of progress `step`, worded in `lang`.
    pub fn of(step: &str, lang: Lang) -> Self {
        let id = if step == "checks" {
            "diag-progress-checks".to_string()
        } else {
            format!("diag-step-{step}")
        };
        DiagnoseProgressView {
            step: step.to_string(),
            title: i18n::text(lang, &id, &Args::new()),
        }
    }
}

/// The first check that failed or warned: the cause's evidence.
fn cause_check(evidence: &[Check]) -> Option<&Check> {
    evidence
        .iter()
        .find(|c| matches!(c.status, Status::Fail | Status::Warn))
}

/// Words a walk again in `lang`: titles, FAQ answers and instructions from the catalog (the
/// app's own `.app` wording where a step has one), the evidence (checks worded from the catalog)
/// and the cause's fix and link from its check.
pub(super) fn reword(d: &Diagnosis, profile: &str, lang: Lang) -> Diagnosis {
    let a = args([
        ("profile", profile.to_string()),
        ("symptom", d.symptom.clone()),
    ]);
    let steps: Vec<StepResult> = d
        .steps
        .iter()
        .map(|st| {
            let m = format!("diag-step-{}", st.id);
            let evidence: Vec<Check> = st
                .evidence
                .iter()
                .map(|c| super::wording::for_app(c, lang))
                .collect();
            let text = match st.outcome {
                // The app's own words where the catalog has them (its steps, not commands).
                Outcome::Manual | Outcome::NotRun => {
                    i18n::attr(lang, &m, "app", &a).or_else(|| i18n::attr(lang, &m, "how", &a))
                }
                Outcome::Cause => cause_check(&evidence).map(|c| c.summary.clone()),
                _ => None,
            };
            StepResult {
                id: st.id.clone(),
                title: i18n::text(lang, &m, &a),
                faq: i18n::attr(lang, &m, "faq", &a).unwrap_or_default(),
                outcome: st.outcome,
                text,
                evidence,
            }
        })
        .collect();
    let cause = d
        .cause
        .as_deref()
        .and_then(|id| steps.iter().find(|s| s.id == id))
        .and_then(|s| cause_check(&s.evidence));
    Diagnosis {
        symptom: d.symptom.clone(),
        title: i18n::text(lang, &format!("diag-symptom-{}", d.symptom), &Args::new()),
        fix: cause.and_then(|c| c.fix.clone()).or_else(|| d.fix.clone()),
        portal_url: cause
            .and_then(|c| c.portal_url.clone())
            .or_else(|| d.portal_url.clone()),
        cause: d.cause.clone(),
        check_again: d.check_again.clone(),
        steps,
    }
}

impl Session {
    /// The walk's input for the integration in the wizard: the checks exactly as a check run of
    /// it (with its Genesys Cloud part), and its profile name.
    fn diagnose_input(
        &mut self,
        send_test_mail: bool,
        from_step: Option<String>,
    ) -> Result<(DiagnoseInput, u64), DesktopError> {
        let target = self.walk_target()?;
        let profile = target.name.clone();
        let r = self.check_input_for(target);
        let (check, generation, _unusable) = self.noting(r)?;
        Ok((
            DiagnoseInput {
                check,
                profile,
                send_test_mail,
                pickup_wait: DEFAULT_PICKUP_WAIT,
                from_step,
            },
            generation,
        ))
    }

    fn troubleshoot_view(&self) -> TroubleshootView {
        let lang = self.lang();
        let target = self.walk_target().ok();
        let last = self
            .diagnosis
            .as_ref()
            .filter(|w| w.generation == self.generation && target.is_some());
        TroubleshootView {
            symptoms: diagnose::symptoms(lang),
            help: diagnose::help_topics(lang),
            profile: target.as_ref().map(|p| p.name.clone()),
            demo: self.is_demo(),
            genesys: target.as_ref().is_some_and(|p| p.genesys.is_some()),
            can_run: target.is_some(),
            last: last.map(|w| reword(&w.diagnosis, &w.profile, lang)),
            last_sent_test_mail: last.is_some_and(|w| w.send_test_mail),
        }
    }
}

impl Desktop {
    /// What the troubleshooter shows: symptoms, help topics and the last walk, in the UI's
    /// language.
    pub fn troubleshoot(&self) -> TroubleshootView {
        self.lock().troubleshoot_view()
    }

    /// Walks `symptom` against the integration in the wizard, from its first step or from
    /// `from_step` ("check again"), reporting each step as it starts. The steps that send a
    /// real test mail (pickup, send) run only with `send_test_mail`.
    pub async fn diagnose(
        &self,
        symptom: &str,
        send_test_mail: bool,
        from_step: Option<&str>,
        progress: &(dyn Fn(DiagnoseProgressView) + Send + Sync),
    ) -> Result<TroubleshootView, DesktopError> {
        let Some(sym) = table::symptom(symptom) else {
            let known: Vec<&str> = table::SYMPTOMS.iter().map(|s| s.id).collect();
            return Err(DesktopError::new(
                "unknown_symptom",
                "app-error-unknown-symptom",
                args([
                    ("symptom", symptom.to_string()),
                    ("known", known.join(", ")),
                ]),
            ));
        };
        if let Some(f) = from_step {
            if !sym.steps.iter().any(|s| s.id.eq_ignore_ascii_case(f)) {
                return Err(DesktopError::new(
                    "unknown_step",
                    "app-error-unknown-step",
                    args([("step", f), ("symptom", sym.id)]),
                ));
            }
        }
        let (input, lang) = {
            let mut s = self.lock();
            let lang = s.lang();
            (
                s.diagnose_input(send_test_mail, from_step.map(str::to_string))?,
                lang,
            )
        };
        let (input, generation) = input;
        let on_step = |step: &str| progress(DiagnoseProgressView::of(step, lang));
        let diagnosis = diagnose::diagnose(&input, sym, lang, &on_step).await;
        let mut s = self.lock();
        if generation == s.generation {
            s.diagnosis = Some(LastWalk {
                generation,
                profile: input.profile.clone(),
                send_test_mail,
                diagnosis,
            });
        }
        Ok(s.troubleshoot_view())
    }
}

#[cfg(test)]
#[path = "troubleshoot_tests.rs"]
mod tests;
