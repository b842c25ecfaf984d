//! A simulated Genesys Cloud consumer of the emulated mailboxes: the pickup behaviour.
//!
//! The real Genesys Cloud Microsoft Graph email integration fetches every new mail of the
//! mailboxes it serves, marks it read (`isRead: true`) in the mailbox and creates an email
//! interaction in a queue. With [`Options::pickup`](crate::Options::pickup) set, the emulator
//! does the mailbox half of that: a mail arriving in the Inbox of a served mailbox (by sendMail,
//! also sent from the mailbox to itself, or by
//! [`Emulator::deliver_external`](crate::Emulator::deliver_external)) is marked read
//! [`Pickup::delay`] after its arrival and reported to the hooks registered with
//! [`Emulator::on_pickup`](crate::Emulator::on_pickup) as a [`PickedUp`].
//!
//! Nobody has to poll: a timer task marks the mail read and calls the hooks. Every Graph mail
//! request first applies the pickups that are due, so a message reads `isRead: false` before
//! arrival + delay and `true` from then on through every endpoint (a single message, lists with
//! `$filter`, delta, which reports the change like any other). Mail that was already in a
//! mailbox when the emulator started, or that is deleted before its pickup, is never picked up.

pub(crate) mod delivery;

use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::wire::lock;

/// What the simulated consumer does with new mail of the mailboxes it serves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PickupMode {
    /// Marks each new mail read and reports it to the hooks (Genesys fetched it and created an
    /// interaction).
    #[default]
    Fetch,
    /// Never touches mail (Genesys does not read the mailbox at all).
    Never,
    /// Marks each new mail read but reports nothing (Genesys got the mail, but no interaction is
    /// created, e.g. a broken inbound flow).
    FetchNoInteraction,
    /// Like [`PickupMode::Fetch`], but only for mail whose sender is not the mailbox itself; mail
    /// a mailbox sends to itself stays unread and is not reported.
    FetchExternalOnly,
}

impl PickupMode {
    /// Every mode, in the order they are listed to people.
    pub const ALL: [PickupMode; 4] = [
        PickupMode::Fetch,
        PickupMode::Never,
        PickupMode::FetchNoInteraction,
        PickupMode::FetchExternalOnly,
    ];

    /// The kebab-case name used on the command line: `fetch`, `never`, `fetch-no-interaction`,
    /// `fetch-external-only`.
    pub fn name(self) -> &'static str {
        match self {
            PickupMode::Fetch => "fetch",
            PickupMode::Never => "never",
            PickupMode::FetchNoInteraction => "fetch-no-interaction",
            PickupMode::FetchExternalOnly => "fetch-external-only",
        }
    }

    /// Whether mail from `from` arriving in `mailbox` is fetched (marked read) in this mode.
    fn fetches(self, mailbox: &str, from: &str) -> bool {
        match self {
            PickupMode::Fetch | PickupMode::FetchNoInteraction => true,
            PickupMode::Never => false,
            PickupMode::FetchExternalOnly => !from.trim().eq_ignore_ascii_case(mailbox),
        }
    }

    /// Whether a fetched mail is reported to the hooks in this mode.
    fn reports(self) -> bool {
        matches!(self, PickupMode::Fetch | PickupMode::FetchExternalOnly)
    }
}

impl std::fmt::Display for PickupMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for PickupMode {
    type Err = String;

    /// Parses a [`PickupMode::name`] (any case); the error lists the valid names.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PickupMode::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = PickupMode::ALL.iter().map(|m| m.name()).collect();
                format!(
                    "unknown pickup mode '{s}'; valid modes are: {}",
                    names.join(", ")
                )
            })
    }
}

/// How the simulated Genesys Cloud consumer picks up mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pickup {
    /// Mailboxes the consumer serves (addresses, compared without regard to case).
    pub mailboxes: Vec<String>,
    /// Time from a mail's arrival in a served inbox to it being marked read.
    pub delay: Duration,
    /// What it does.
    pub mode: PickupMode,
}

impl Pickup {
    /// A consumer serving `mailboxes` (stored lower case).
    pub fn new<I, S>(mailboxes: I, delay: Duration, mode: PickupMode) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Pickup {
            mailboxes: mailboxes
                .into_iter()
                .map(|a| a.as_ref().trim().to_ascii_lowercase())
                .collect(),
            delay,
            mode,
        }
    }

    /// Whether the consumer serves `address` (any case).
    pub fn serves(&self, address: &str) -> bool {
        self.mailboxes
            .iter()
            .any(|m| m.trim().eq_ignore_ascii_case(address.trim()))
    }
}

/// One mail the simulated consumer fetched and reports to the hooks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedUp {
    /// The served mailbox the mail arrived in (lower case).
    pub mailbox: String,
    /// The sender's address, as the mail carries it.
    pub from: String,
    /// The subject.
    pub subject: String,
    /// When the mail arrived in the mailbox.
    pub received: DateTime<Utc>,
}

/// A function called with every mail the consumer reports.
pub type PickupHook = Arc<dyn Fn(PickedUp) + Send + Sync>;

/// A pickup not yet completed.
#[derive(Debug)]
struct Pending {
    key: u64,
    message_id: String,
    due: DateTime<Utc>,
    report: bool,
    /// Whether the mail has been marked read already (by a request that came after `due`).
    flipped: bool,
    /// Whether the mail was still there when it was marked read.
    fetched: bool,
    picked: PickedUp,
}

/// The pickup settings, hooks and pickups under way of one emulator.
#[derive(Default)]
pub(crate) struct PickupState {
    settings: Mutex<Option<Pickup>>,
    hooks: Mutex<Vec<PickupHook>>,
    pending: Mutex<Vec<Pending>>,
    next_key: AtomicU64,
    runtime: Mutex<Option<tokio::runtime::Handle>>,
}

impl PickupState {
    /// The state for `settings`, with no hooks yet.
    pub(crate) fn new(settings: Option<Pickup>) -> Self {
        PickupState {
            settings: Mutex::new(settings),
            ..PickupState::default()
        }
    }

    /// Replaces the settings; applies to mail arriving afterwards.
    pub(crate) fn set(&self, settings: Option<Pickup>) {
        *lock(&self.settings) = settings;
    }

    /// Adds a hook.
    pub(crate) fn add_hook(&self, hook: PickupHook) {
        lock(&self.hooks).push(hook);
    }

    /// Remembers the runtime the timer tasks run on (for deliveries from outside it).
    pub(crate) fn set_runtime(&self, handle: tokio::runtime::Handle) {
        *lock(&self.runtime) = Some(handle);
    }
}

impl std::fmt::Debug for PickupState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PickupState")
            .field("settings", &*lock(&self.settings))
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        for m in PickupMode::ALL {
            assert_eq!(m.name().parse::<PickupMode>(), Ok(m));
        }
        assert!("sometimes"
            .parse::<PickupMode>()
            .unwrap_err()
            .contains("fetch-external-only"));
        let me = "support@x.example";
        assert!(PickupMode::Fetch.fetches(me, me));
        assert!(!PickupMode::FetchExternalOnly.fetches(me, "SUPPORT@x.example"));
        assert!(PickupMode::FetchExternalOnly.fetches(me, "sales@x.example"));
        assert!(!PickupMode::Never.fetches(me, "a@b.example"));
        assert!(PickupMode::FetchNoInteraction.fetches(me, me));
        assert!(!PickupMode::FetchNoInteraction.reports());
        let p = Pickup::new(["Support@X.example"], Duration::ZERO, PickupMode::Fetch);
        assert_eq!(p.mailboxes, vec!["support@x.example".to_string()]);
        assert!(p.serves("SUPPORT@x.example"));
        assert!(!p.serves("sales@x.example"));
    }
}
