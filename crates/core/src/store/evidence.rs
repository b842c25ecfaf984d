//! What graphwiz has proved about one integration: a small set of claims, each proven (by which
//! check or test, when), disproven (by which failure) or unknown (and what would prove it), read
//! from the evidence a profile keeps — its last check and its last live test — and from nothing
//! else. "Validated" is one verdict over them ([`Evidence::validated`]), the same for every face:
//! the summary, the export's `validated` and its claims.
//!
//! Evidence goes stale by itself: a check or live test records the basis it ran on
//! ([`Profile::basis`]: the app, the secret, the Genesys part); once the profile's basis differs
//! (a rotated secret, another app, a changed Genesys part), what it proved is unknown again. A
//! mailbox proves only itself: one added after the last check is unknown, a live test from a
//! mailbox no longer in the profile proves nothing.

use crate::i18n::{args, msg_arg, Args, Msg};
use crate::microsoft::expiry;
use crate::report::{Check, Status};
use crate::store::profiles::Profile;
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a claim stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimState {
    /// A check or test proved it.
    Proven,
    /// A check or test showed it is not so.
    Disproven,
    /// Nothing proves it (yet, or any more).
    Unknown,
}

/// One claim about the integration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// `azure_app`, `mailbox`, `mail_flow`, `secret_valid`, `genesys`, `secret_in_use`, `pickup`.
    pub id: String,
    /// The mailbox a `mailbox` claim is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// How it stands.
    pub state: ClaimState,
    /// True when "validated" needs it proven. The pickup test's proof is not kept apart from the
    /// check run that recorded it yet, so a later check forgets it: it is shown, not needed.
    pub needed: bool,
    /// The check or test that decided it (its id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When that ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
    /// The claim in words — what holds, what failed, or what would prove it — as a catalog
    /// message (`evidence-*`) with its arguments, worded by each face in its language.
    pub message_id: String,
    /// The message's arguments.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub args: Args,
}

impl Claim {
    /// The claim as a catalog message.
    pub fn msg(&self) -> Msg {
        Msg::new(&self.message_id, self.args.clone())
    }
}

/// Every claim the integration's setup needs, and the verdict over them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The claims, in the order the summary lists them.
    pub claims: Vec<Claim>,
    /// True only when every claim is proven.
    pub validated: bool,
}

impl Evidence {
    /// The verdict in words: "validated", or which claims are still open.
    pub fn verdict(&self) -> Msg {
        if self.validated {
            return Msg::plain("evidence-validated");
        }
        let open: Vec<Msg> = self
            .claims
            .iter()
            .filter(|c| c.needed && c.state != ClaimState::Proven)
            .map(Claim::msg)
            .collect();
        Msg::new(
            "evidence-not-validated",
            args([
                ("open", crate::i18n::msgs_arg(&open)),
                ("count", serde_json::Value::from(open.len())),
            ]),
        )
    }
}

/// The checks that make up the Azure app's claim.
const AZURE_CHECKS: [&str; 6] = [
    "tenant",
    "credentials",
    "registration",
    "perm_mail_readwrite",
    "perm_mail_send",
    "perm_user_read",
];
/// Checks that must have passed for the Azure app's claim to be proven (User.Read (Delegated)
/// unverified is not proven: an administrator's sign-in settles it).
const AZURE_PROOF: [&str; 4] = [
    "credentials",
    "perm_mail_readwrite",
    "perm_mail_send",
    "perm_user_read",
];
/// The Genesys Cloud checks of a check run.
const GENESYS_CHECKS: [&str; 5] = [
    "genesys_login",
    "genesys_integration",
    "genesys_domains",
    "genesys_routes",
    "genesys_agents",
];
/// Entra ID's answers that mean "this is not the app's valid secret", as Genesys Cloud quotes them.
const SECRET_REFUSALS: [&str; 3] = ["AADSTS7000215", "AADSTS7000222", "invalid client secret"];

fn claim(id: &str, state: ClaimState, msg_id: &str, a: Args) -> Claim {
    Claim {
        id: id.to_string(),
        subject: None,
        state,
        needed: true,
        by: None,
        at: None,
        message_id: msg_id.to_string(),
        args: a,
    }
}

/// A check as a message argument: its catalog message, else its summary as worded.
fn check_arg(c: &Check) -> serde_json::Value {
    match &c.message_id {
        Some(id) => msg_arg(&Msg::new(id, c.args.clone())),
        None => serde_json::Value::from(c.summary.clone()),
    }
}

/// The claims of `profile`, from its last check and live test, judged at `now` with the expiry
/// warning window `warn_days`.
pub fn evidence(profile: &Profile, now: DateTime<Utc>, warn_days: u32) -> Evidence {
    let basis = profile.basis();
    let last = profile.last_check.as_ref();
    // A check run on another basis proves nothing about this one.
    let stale = last.is_some_and(|l| l.basis.as_deref().is_some_and(|b| b != basis));
    let report = last.filter(|_| !stale).map(|l| &l.report);
    let at = last.map(|l| l.at);
    let find = |id: &str| report.and_then(|r| r.checks.iter().find(|c| c.id == id));
    let by = |mut c: Claim, check: &str| {
        c.by = Some(check.to_string());
        c.at = at;
        c
    };
    let mut claims = Vec::new();

    // The Azure app.
    let azure = match report {
        None if stale => claim(
            "azure_app",
            ClaimState::Unknown,
            "evidence-stale",
            Args::new(),
        ),
        None => claim(
            "azure_app",
            ClaimState::Unknown,
            "evidence-azure-unknown",
            Args::new(),
        ),
        Some(_)
            if find("perm_user_read").is_some_and(|c| c.status == Status::Warn)
                && AZURE_CHECKS
                    .iter()
                    .filter_map(|id| find(id))
                    .all(|c| c.status != Status::Fail) =>
        {
            claim(
                "azure_app",
                ClaimState::Unknown,
                "evidence-azure-user-read",
                Args::new(),
            )
        }
        Some(_) => {
            let failed = AZURE_CHECKS
                .iter()
                .filter_map(|id| find(id))
                .find(|c| c.status == Status::Fail);
            match failed {
                Some(f) => by(
                    claim(
                        "azure_app",
                        ClaimState::Disproven,
                        "evidence-azure-disproven",
                        args([("detail", check_arg(f))]),
                    ),
                    &f.id,
                ),
                None if AZURE_PROOF
                    .iter()
                    .all(|id| find(id).is_some_and(|c| c.status == Status::Pass)) =>
                {
                    by(
                        claim(
                            "azure_app",
                            ClaimState::Proven,
                            "evidence-azure-proven",
                            Args::new(),
                        ),
                        "credentials",
                    )
                }
                None => claim(
                    "azure_app",
                    ClaimState::Unknown,
                    "evidence-azure-unknown",
                    Args::new(),
                ),
            }
        }
    };
    claims.push(azure);

    // Each mailbox.
    if profile.mailboxes.is_empty() {
        claims.push(claim(
            "mailbox",
            ClaimState::Unknown,
            "evidence-mailbox-none",
            Args::new(),
        ));
    }
    for m in &profile.mailboxes {
        let check = report.and_then(|r| {
            r.checks.iter().find(|c| {
                c.id == "mailbox_access"
                    && c.mailbox
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(m))
            })
        });
        let a = args([("mailbox", m.as_str())]);
        let mut c = match check.map(|c| c.status) {
            Some(Status::Pass) => by(
                claim("mailbox", ClaimState::Proven, "evidence-mailbox-proven", a),
                "mailbox_access",
            ),
            Some(Status::Fail) => {
                let mut a = a;
                a.insert("detail".into(), check.map(check_arg).unwrap_or_default());
                by(
                    claim(
                        "mailbox",
                        ClaimState::Disproven,
                        "evidence-mailbox-disproven",
                        a,
                    ),
                    "mailbox_access",
                )
            }
            _ => claim(
                "mailbox",
                ClaimState::Unknown,
                "evidence-mailbox-unknown",
                a,
            ),
        };
        c.subject = Some(m.clone());
        claims.push(c);
    }

    // Mail flows: a live test from one of the profile's mailboxes, on this basis.
    let live = profile
        .last_live_test
        .as_ref()
        .filter(|l| l.basis.as_deref().is_none_or(|b| b == basis))
        .filter(|l| {
            profile
                .mailboxes
                .iter()
                .any(|m| m.eq_ignore_ascii_case(&l.mailbox))
        });
    claims.push(match live {
        Some(l) if l.ok => Claim {
            by: Some("live_test".into()),
            at: Some(l.ran_at),
            ..claim(
                "mail_flow",
                ClaimState::Proven,
                "evidence-flow-proven",
                args([("mailbox", l.mailbox.as_str())]),
            )
        },
        Some(l) => Claim {
            by: Some("live_test".into()),
            at: Some(l.ran_at),
            ..claim(
                "mail_flow",
                ClaimState::Disproven,
                "evidence-flow-disproven",
                args([("mailbox", l.mailbox.as_str())]),
            )
        },
        None => claim(
            "mail_flow",
            ClaimState::Unknown,
            "evidence-flow-unknown",
            Args::new(),
        ),
    });

    // The secret is valid for a while yet (the profile's expiry, as rotation and checks keep it).
    claims.push(match profile.secret_expiry {
        Some(e) => {
            let days = expiry::days_left(e, now, &chrono::Local);
            let a = args([
                ("days", serde_json::Value::from(days)),
                (
                    "date",
                    serde_json::Value::from(e.format("%Y-%m-%d").to_string()),
                ),
            ]);
            match expiry::state(e, now, warn_days) {
                expiry::ExpiryState::Ok => claim(
                    "secret_valid",
                    ClaimState::Proven,
                    "evidence-secret-proven",
                    a,
                ),
                expiry::ExpiryState::Soon => claim(
                    "secret_valid",
                    ClaimState::Disproven,
                    "evidence-secret-soon",
                    a,
                ),
                expiry::ExpiryState::Expired => claim(
                    "secret_valid",
                    ClaimState::Disproven,
                    "evidence-secret-expired",
                    a,
                ),
            }
        }
        None => claim(
            "secret_valid",
            ClaimState::Unknown,
            "evidence-secret-unknown",
            Args::new(),
        ),
    });

    if profile.genesys.is_some() {
        claims.extend(genesys_claims(report, at, stale));
    }
    let validated = claims
        .iter()
        .all(|c| !c.needed || c.state == ClaimState::Proven);
    Evidence { claims, validated }
}

/// The Genesys Cloud side's claims: configured (its checks), the secret it uses is this profile's
/// (no refusal of the secret while Azure accepts it), and it fetches the mail (the pickup test).
fn genesys_claims(
    report: Option<&crate::report::Report>,
    at: Option<DateTime<Utc>>,
    stale: bool,
) -> Vec<Claim> {
    let unknown = |id: &str, msg: &str| {
        claim(
            id,
            ClaimState::Unknown,
            if stale { "evidence-stale" } else { msg },
            Args::new(),
        )
    };
    let Some(r) = report else {
        return vec![
            unknown("genesys", "evidence-genesys-unknown"),
            unknown("secret_in_use", "evidence-in-use-unknown"),
            Claim {
                needed: false,
                ..unknown("pickup", "evidence-pickup-unknown")
            },
        ];
    };
    let find = |id: &str| r.checks.iter().find(|c| c.id == id);
    let stamp = |mut c: Claim, by: &str| {
        c.by = Some(by.to_string());
        c.at = at;
        c
    };
    let mut out = Vec::new();
    let ran: Vec<&Check> = GENESYS_CHECKS.iter().filter_map(|id| find(id)).collect();
    out.push(match ran.iter().find(|c| c.status == Status::Fail) {
        Some(f) => stamp(
            claim(
                "genesys",
                ClaimState::Disproven,
                "evidence-genesys-disproven",
                args([("detail", check_arg(f))]),
            ),
            &f.id,
        ),
        None if ran.len() == GENESYS_CHECKS.len()
            && ran.iter().all(|c| c.status != Status::Skip) =>
        {
            stamp(
                claim(
                    "genesys",
                    ClaimState::Proven,
                    "evidence-genesys-proven",
                    Args::new(),
                ),
                "genesys_integration",
            )
        }
        None => unknown("genesys", "evidence-genesys-unknown"),
    });
    // The secret in use: Genesys Cloud quoting Entra ID's refusal of the secret while Azure
    // accepts this profile's secret means the integration holds another one.
    let azure_ok = find("credentials").is_some_and(|c| c.status == Status::Pass);
    let integration = find("genesys_integration");
    let refused = integration.is_some_and(|c| {
        let detail = c
            .args
            .get("detail")
            .and_then(|d| d.as_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        c.status == Status::Fail
            && SECRET_REFUSALS
                .iter()
                .any(|s| detail.contains(&s.to_ascii_lowercase()))
    });
    out.push(match (integration.map(|c| c.status), refused, azure_ok) {
        (_, true, true) => stamp(
            claim(
                "secret_in_use",
                ClaimState::Disproven,
                "evidence-in-use-other",
                Args::new(),
            ),
            "genesys_integration",
        ),
        (Some(Status::Pass), _, true) => stamp(
            claim(
                "secret_in_use",
                ClaimState::Proven,
                "evidence-in-use-proven",
                Args::new(),
            ),
            "genesys_integration",
        ),
        _ => unknown("secret_in_use", "evidence-in-use-unknown"),
    });
    let pickup = match find("pickup").map(|c| c.status) {
        Some(Status::Pass) => stamp(
            claim(
                "pickup",
                ClaimState::Proven,
                "evidence-pickup-proven",
                Args::new(),
            ),
            "pickup",
        ),
        Some(Status::Fail) => stamp(
            claim(
                "pickup",
                ClaimState::Disproven,
                "evidence-pickup-disproven",
                args([("detail", find("pickup").map(check_arg).unwrap_or_default())]),
            ),
            "pickup",
        ),
        _ => unknown("pickup", "evidence-pickup-unknown"),
    };
    out.push(Claim {
        needed: false,
        ..pickup
    });
    out
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;
