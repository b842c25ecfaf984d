//! The live-test step's pickup test: the test mail is sent into a mailbox Genesys Cloud serves
//! (from itself or from another mailbox), left unread, and Genesys Cloud marking it read is the
//! proof that it fetched it; with the profile's Genesys part the interaction it created is found
//! and ended ([`crate::pickup::run_pickup_test`]). It creates a real interaction, so it runs
//! only once the admin confirmed that.

use super::{field_problem, Desktop, DesktopError, View};
use crate::i18n::args;
use crate::microsoft::livetest::{LiveTestInput, Progress};
use crate::pickup::{
    run_pickup_test, PickupInput, PickupProgress, DEFAULT_INTERACTION_WAIT, DEFAULT_PICKUP_WAIT,
};
use crate::validate;
use serde::Serialize;

/// Check ids of the pickup test, in order.
pub const PICKUP_CHECKS: [&str; 5] = [
    "send",
    "receive",
    "pickup",
    "genesys_interaction",
    "cleanup",
];

/// Pickup-test progress for the UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PickupProgressView {
    /// `checking`, `sending`, `waiting` (for arrival), `waiting_pickup` (arrived, waiting for
    /// Genesys Cloud), `finding_interaction` (fetched), `ending_interaction` (found),
    /// `cleaning_up`.
    pub phase: &'static str,
    /// Since the phase began, while waiting.
    pub elapsed_ms: Option<u64>,
    /// Requests so far, while waiting.
    pub polls: Option<u32>,
}

fn ms(d: std::time::Duration) -> Option<u64> {
    Some(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl From<PickupProgress> for PickupProgressView {
    fn from(p: PickupProgress) -> Self {
        let plain = |phase| PickupProgressView {
            phase,
            elapsed_ms: None,
            polls: None,
        };
        match p {
            PickupProgress::Live(Progress::Checking) => plain("checking"),
            PickupProgress::Live(Progress::Sending) => plain("sending"),
            PickupProgress::Live(Progress::Waiting { elapsed, polls }) => PickupProgressView {
                phase: "waiting",
                elapsed_ms: ms(elapsed),
                polls: Some(polls),
            },
            // The pickup test never marks read itself; listed for completeness.
            PickupProgress::Live(Progress::MarkingRead) => plain("waiting_pickup"),
            PickupProgress::Live(Progress::CleaningUp) => plain("cleaning_up"),
            PickupProgress::WaitingPickup { elapsed, polls } => PickupProgressView {
                phase: "waiting_pickup",
                elapsed_ms: ms(elapsed),
                polls: Some(polls),
            },
            PickupProgress::FindingInteraction { elapsed, queries } => PickupProgressView {
                phase: "finding_interaction",
                elapsed_ms: ms(elapsed),
                polls: Some(queries),
            },
            PickupProgress::EndingInteraction => plain("ending_interaction"),
        }
    }
}

impl Desktop {
    /// Runs the pickup test into `mailbox` (one of the integration's mailboxes, the one Genesys
    /// Cloud serves), sent from `from` when given (another mailbox, for routing that ignores a
    /// mailbox's own mail). `confirmed`: the admin agreed that it creates a real interaction in
    /// Genesys Cloud (graphwiz ends it again); without it nothing is sent.
    pub async fn run_pickup_test(
        &self,
        mailbox: &str,
        from: Option<&str>,
        confirmed: bool,
        progress: &(dyn Fn(PickupProgressView) + Send + Sync),
    ) -> Result<View, DesktopError> {
        if !confirmed {
            return Err(DesktopError::plain(
                "pickup_unconfirmed",
                "app-error-pickup-unconfirmed",
            ));
        }
        let (check, generation) = self.lock().check_input_noting()?;
        let recipient = validate::mailbox(mailbox)
            .map_err(|p| DesktopError::invalid(vec![field_problem("mailbox", &p)]))?;
        if !check
            .mailboxes
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&recipient))
        {
            return Err(DesktopError::new(
                "sender",
                "app-error-not-a-mailbox",
                args([("mailbox", recipient)]),
            ));
        }
        let sender = match from.map(str::trim).filter(|f| !f.is_empty()) {
            Some(f) => {
                let f = validate::mailbox(f)
                    .map_err(|p| DesktopError::invalid(vec![field_problem("pickup_from", &p)]))?;
                if f.eq_ignore_ascii_case(&recipient) {
                    return Err(DesktopError::new(
                        "pickup_from_same",
                        "app-error-pickup-from-same",
                        args([("mailbox", f)]),
                    ));
                }
                f
            }
            None => recipient.clone(),
        };
        let input = PickupInput {
            live: LiveTestInput {
                check,
                sender: sender.clone(),
                recipient: recipient.clone(),
                wait: super::LIVE_WAIT,
            },
            pickup_wait: DEFAULT_PICKUP_WAIT,
            interaction_wait: DEFAULT_INTERACTION_WAIT,
        };
        let on_progress = |p: PickupProgress| progress(PickupProgressView::from(p));
        let live = run_pickup_test(&input, &on_progress).await;
        self.lock()
            .record_test(generation, &live, &PICKUP_CHECKS, sender, recipient, true)
    }
}
