//! The troubleshooter's one table: for each symptom an admin arrives with, the steps in the order
//! Genesys's FAQ answers it. A step is a check graphwiz runs (decided by check ids and, where a
//! warning or a particular finding is the cause for this symptom, by what counts as a cause), the
//! pickup or send test, or an instruction for the admin. Texts live in the catalog under
//! `diag-symptom-<id>` and `diag-step-<id>` (value: title; `.how`: what to look at by hand;
//! `.faq`: the FAQ answer it comes from).

use crate::report::Status;

/// What decides a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Checks of the run: the step is the cause when one of them is a cause (see [`Cause`]).
    Checks {
        /// The check ids.
        ids: &'static [&'static str],
        /// What counts as a cause.
        cause: Cause,
        /// True for Genesys Cloud checks: without a Genesys part the step is for the admin to
        /// look at by hand.
        genesys: bool,
    },
    /// The pickup test (sends a real test mail; only with the admin's go-ahead).
    Pickup,
    /// The live send test (sends a real test mail; only with the admin's go-ahead).
    Send,
    /// Something graphwiz can't see: an instruction, never a cause.
    Manual,
}

/// What makes a check the cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// A failed check.
    Failed,
    /// A failed check or a warning (for the symptom, the warning is the answer).
    FailedOrWarned,
    /// A check worded with one of these catalog messages (or failed).
    Message(&'static [&'static str]),
}

impl Cause {
    /// True when a check with `status` and `message_id` is the cause.
    pub fn is_cause(self, status: Status, message_id: Option<&str>) -> bool {
        match self {
            Cause::Failed => status == Status::Fail,
            Cause::FailedOrWarned => matches!(status, Status::Fail | Status::Warn),
            Cause::Message(ids) => {
                status == Status::Fail || message_id.is_some_and(|m| ids.contains(&m))
            }
        }
    }
}

/// One step of a walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable id (`diag-step-<id>` in the catalog).
    pub id: &'static str,
    /// What decides it.
    pub kind: Kind,
}

/// A symptom and its walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symptom {
    /// Stable id for scripts (`no-mail`, …).
    pub id: &'static str,
    /// The steps, in order.
    pub steps: &'static [Step],
}

const fn checks(id: &'static str, ids: &'static [&'static str], cause: Cause) -> Step {
    Step {
        id,
        kind: Kind::Checks {
            ids,
            cause,
            genesys: false,
        },
    }
}

const fn genesys(id: &'static str, ids: &'static [&'static str], cause: Cause) -> Step {
    Step {
        id,
        kind: Kind::Checks {
            ids,
            cause,
            genesys: true,
        },
    }
}

const fn manual(id: &'static str) -> Step {
    Step {
        id,
        kind: Kind::Manual,
    }
}

const AZURE_LOGIN: Step = checks("azure-login", &["tenant", "credentials"], Cause::Failed);
const PERMISSIONS: Step = checks(
    "permissions",
    &[
        "registration",
        "perm_mail_readwrite",
        "perm_mail_send",
        "perm_user_read",
    ],
    Cause::Failed,
);
const MAILBOXES: Step = checks("mailboxes", &["mailbox_access"], Cause::Failed);
const GENESYS_LOGIN: Step = genesys("genesys-login", &["genesys_login"], Cause::Failed);
const INTEGRATION: Step = genesys("integration", &["genesys_integration"], Cause::Failed);
const DOMAINS: Step = genesys("domains", &["genesys_domains"], Cause::Failed);
const ROUTES: Step = genesys("routes", &["genesys_routes"], Cause::Failed);

/// Every symptom, in the order they are offered.
pub const SYMPTOMS: &[Symptom] = &[
    Symptom {
        id: "no-mail",
        steps: &[
            AZURE_LOGIN,
            PERMISSIONS,
            MAILBOXES,
            GENESYS_LOGIN,
            INTEGRATION,
            DOMAINS,
            ROUTES,
            manual("restart-after-change"),
            Step {
                id: "pickup",
                kind: Kind::Pickup,
            },
        ],
    },
    Symptom {
        id: "read-not-in-genesys",
        steps: &[
            GENESYS_LOGIN,
            INTEGRATION,
            genesys("route-target", &["genesys_routes"], Cause::FailedOrWarned),
            manual("flow-handling"),
            genesys(
                "agents-on-queue",
                &["genesys_agents"],
                Cause::FailedOrWarned,
            ),
            Step {
                id: "pickup",
                kind: Kind::Pickup,
            },
        ],
    },
    Symptom {
        id: "one-interaction",
        steps: &[
            GENESYS_LOGIN,
            genesys(
                "multi-destination",
                &["genesys_multi_destination"],
                Cause::Message(&["genesys-multi-off", "genesys-multi-off-several"]),
            ),
            genesys(
                "routes-per-address",
                &["genesys_routes"],
                Cause::FailedOrWarned,
            ),
        ],
    },
    Symptom {
        id: "bounces",
        steps: &[
            MAILBOXES,
            manual("connection-filter"),
            manual("message-trace"),
        ],
    },
    Symptom {
        id: "auth-after-secret-change",
        steps: &[
            AZURE_LOGIN,
            checks("secret-expiry", &["secret_expiry"], Cause::FailedOrWarned),
            genesys("genesys-secret", &["genesys_integration"], Cause::Failed),
            manual("change-both-ends"),
        ],
    },
    Symptom {
        id: "cannot-send",
        steps: &[
            AZURE_LOGIN,
            checks("mail-send", &["perm_mail_send"], Cause::Failed),
            MAILBOXES,
            Step {
                id: "send",
                kind: Kind::Send,
            },
        ],
    },
];

/// The symptom with this id.
pub fn symptom(id: &str) -> Option<&'static Symptom> {
    SYMPTOMS
        .iter()
        .find(|s| s.id.eq_ignore_ascii_case(id.trim()))
}

/// The FAQ's questions that need no check, for the help panel: (id, source).
pub const HELP_TOPICS: &[&str] = &[
    "ip-ranges",
    "campaign-domain",
    "fetch-frequency",
    "why-user-read",
    "mark-read",
    "token-endpoint",
    "restrict-mailboxes",
];
