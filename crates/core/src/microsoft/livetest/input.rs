//! What a live test needs ([`LiveTestInput`]) and reports ([`LiveReport`]), its progress, and the
//! step the pickup test puts after the test mail's arrival ([`AfterArrival`]).

use crate::checks::CheckInput;
use crate::http::HttpClient;
use crate::microsoft::login::AccessToken;
use crate::report::{Check, LiveTestSummary, Report};
use std::time::{Duration, Instant};

/// Name of the header that marks graphwiz's test mail.
pub const TEST_HEADER: &str = "X-Graphwiz-Test";
/// Default time to wait for the test mail.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(120);
/// What the live test needs.
#[derive(Clone, Debug)]
pub struct LiveTestInput {
    /// The checks to run first (their mailboxes are the "configured" ones).
    pub check: CheckInput,
    /// Mailbox that sends the test mail.
    pub sender: String,
    /// Recipient (default: the sender itself).
    pub recipient: String,
    /// How long to wait for arrival.
    pub wait: Duration,
}

/// Progress while the live test runs, for a spinner or the GUI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Running the checks.
    Checking,
    /// Sending the test mail.
    Sending,
    /// Waiting for arrival.
    Waiting {
        /// Since the send was accepted.
        elapsed: Duration,
        /// Polls so far.
        polls: u32,
    },
    /// Marking the test mail read.
    MarkingRead,
    /// Deleting test mail.
    CleaningUp,
}

/// Progress of a pickup test (the live test's steps plus its own; the pickup test is in the
/// workflows above, and this is what it shares with the live test).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickupProgress {
    /// A step the live test shares.
    Live(Progress),
    /// Waiting for Genesys Cloud to fetch the mail.
    WaitingPickup {
        /// Since the mail arrived.
        elapsed: Duration,
        /// Requests so far.
        polls: u32,
    },
    /// Looking for the interaction.
    FindingInteraction {
        /// Since the search began.
        elapsed: Duration,
        /// Queries so far.
        queries: u32,
    },
    /// Ending the interaction.
    EndingInteraction,
}

/// The test mail as it arrived, for the step that follows arrival.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Arrival<'a> {
    /// The mailbox it arrived in.
    pub mailbox: &'a str,
    /// Its Graph message id.
    pub message_id: &'a str,
    /// When it was seen.
    pub at: Instant,
    /// Its subject.
    pub subject: &'a str,
    /// The marker in its subject.
    pub marker: &'a str,
}

/// What the pickup test adds to a run: instead of marking the test mail read, it waits for
/// Genesys Cloud to fetch it. The live test knows only this much of it; the pickup test (a
/// workflow over both sides) implements it.
pub(crate) trait AfterArrival: Sync {
    /// The checks that stand for the pickup steps when they could not run.
    fn skipped(&self, why: &str, mailbox: &str, profile: &str) -> Vec<Check>;
    /// The pickup steps after the test mail arrived; `earlier` are the checks run before.
    fn after_arrival<'a>(
        &'a self,
        http: &'a HttpClient,
        token: &'a AccessToken,
        arrival: Arrival<'a>,
        earlier: &'a [Check],
        progress: &'a (dyn Fn(PickupProgress) + Send + Sync),
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Vec<Check>> + Send + 'a>>;
}

/// The outcome.
#[derive(Clone, Debug)]
pub struct LiveReport {
    /// The checks plus `send`, `receive`, `mark_read`, `cleanup`.
    pub report: Report,
    /// What a profile or export keeps, when a mail was sent.
    pub summary: Option<LiveTestSummary>,
    /// Graph requests spent waiting for arrival.
    pub wait_requests: u32,
}
