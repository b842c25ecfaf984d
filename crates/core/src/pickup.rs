//! The pickup test: the proof that Genesys Cloud really fetches mail from a mailbox.
//!
//! The live test sends its mail and sees it arrive ([`crate::microsoft::livetest`]); here graphwiz does NOT
//! mark it read, but watches its `isRead`: the Genesys integration marks a mail read once it has
//! transferred it, so the flip — without graphwiz touching the mail — is the proof. The watch is
//! one small request on the one message, 150 ms after arrival and growing to at most 400 ms, so
//! the flip is seen at most about half a second late. With the profile's Genesys part the
//! interaction Genesys created is then looked up and ended, so no agent has to handle a test.

use crate::genesys::client::{login, GenesysApi, GenesysFailure, LoginFailure};
use crate::genesys::conversations;
use crate::http::HttpClient;
use crate::i18n::{args, decimal_arg, msg_arg, Args, Msg};
use crate::microsoft::graph::{self, GraphFailure};
pub use crate::microsoft::livetest::PickupProgress;
use crate::microsoft::livetest::{LiveReport, LiveTestInput};
use crate::microsoft::login::AccessToken;
use crate::report::{Check, Status};
use std::time::{Duration, Instant};

/// Default time from arrival to pickup before the test fails.
pub const DEFAULT_PICKUP_WAIT: Duration = Duration::from_secs(120);
/// Default time to look for the interaction once the mail was picked up.
pub const DEFAULT_INTERACTION_WAIT: Duration = Duration::from_secs(90);
const FIRST_POLL: Duration = Duration::from_millis(150);
const MAX_POLL: Duration = Duration::from_millis(400);

/// What the pickup test needs.
#[derive(Clone, Debug)]
pub struct PickupInput {
    /// The live test it builds on (sender, recipient = the mailbox Genesys serves).
    pub live: LiveTestInput,
    /// How long to wait from arrival to pickup.
    pub pickup_wait: Duration,
    /// How long to look for the interaction after the pickup.
    pub interaction_wait: Duration,
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Seconds with one decimal, worded per language ("1.5" / "1,5").
fn secs(d: Duration) -> serde_json::Value {
    decimal_arg(d.as_secs_f64(), 1)
}

fn on(mut c: Check, mailbox: &str) -> Check {
    c.mailbox = Some(mailbox.to_string());
    c
}

/// The Genesys-side checks that did not pass, as evidence for a failed pickup: "id: summary"
/// each, separated by " | ", worded in the language of the check that quotes them (a check
/// worded before the catalog had it brings its summary as it is); "-" when there are none.
fn evidence(checks: &[Check]) -> serde_json::Value {
    let bad: Vec<serde_json::Value> = checks
        .iter()
        .filter(|c| c.id.starts_with("genesys_") && matches!(c.status, Status::Fail | Status::Warn))
        .enumerate()
        .map(|(i, c)| {
            let summary = match &c.message_id {
                Some(id) => msg_arg(&Msg::new(id, c.args.clone())),
                None => c.summary.clone().into(),
            };
            let item = if i == 0 {
                "mail-evidence-first"
            } else {
                "mail-evidence-next"
            };
            msg_arg(&Msg::new(
                item,
                args([("check", c.id.clone().into()), ("summary", summary)]),
            ))
        })
        .collect();
    if bad.is_empty() {
        "-".into()
    } else {
        serde_json::Value::Array(bad)
    }
}

/// The checks `pickup` and `genesys_interaction` that stand for steps that could not run.
pub(crate) fn skipped(why: &str, mailbox: &str, profile: &str) -> Vec<Check> {
    let a = args([("why", why.to_string()), ("profile", profile.to_string())]);
    vec![
        on(
            Check::msg("pickup", Status::Skip, "pickup-skip", a.clone()),
            mailbox,
        ),
        on(
            Check::msg("genesys_interaction", Status::Skip, "interaction-skip", a),
            mailbox,
        ),
    ]
}

/// Runs the checks and then the pickup test: the test mail is sent, seen to arrive and left
/// unread, and Genesys Cloud marking it read is the proof that it fetched it.
pub async fn run_pickup_test(
    input: &PickupInput,
    progress: &(dyn Fn(PickupProgress) + Send + Sync),
) -> LiveReport {
    crate::microsoft::livetest::run(&input.live, Some(input), progress, &|| false).await
}

impl crate::microsoft::livetest::AfterArrival for PickupInput {
    fn skipped(&self, why: &str, mailbox: &str, profile: &str) -> Vec<Check> {
        skipped(why, mailbox, profile)
    }

    fn after_arrival<'a>(
        &'a self,
        http: &'a HttpClient,
        token: &'a AccessToken,
        arrival: crate::microsoft::livetest::Arrival<'a>,
        earlier: &'a [Check],
        progress: &'a (dyn Fn(PickupProgress) + Send + Sync),
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Vec<Check>> + Send + 'a>> {
        Box::pin(async move {
            let (checks, _) = after_arrival(
                http,
                self,
                token,
                arrival.mailbox,
                arrival.message_id,
                arrival.at,
                arrival.subject,
                arrival.marker,
                earlier,
                progress,
            )
            .await;
            checks
        })
    }
}

/// After the test mail `message_id` arrived in `mailbox` at `arrived`: waits for the pickup,
/// then finds and ends the interaction. `earlier` are the checks run before (evidence).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn after_arrival(
    http: &HttpClient,
    input: &PickupInput,
    token: &AccessToken,
    mailbox: &str,
    message_id: &str,
    arrived: Instant,
    subject: &str,
    marker: &str,
    earlier: &[Check],
    progress: &(dyn Fn(PickupProgress) + Send + Sync),
) -> (Vec<Check>, u32) {
    let e = &input.live.check.endpoints;
    let profile = input
        .live
        .check
        .genesys
        .as_ref()
        .and_then(|g| g.profile.clone())
        .unwrap_or_else(|| "NAME".to_string());
    let base = args([
        ("mailbox", mailbox.to_string()),
        ("profile", profile.clone()),
    ]);
    let with = |extra: Args| {
        let mut a = base.clone();
        a.extend(extra);
        a
    };
    let url = crate::microsoft::mailbox::user_url(
        e,
        mailbox,
        &format!(
            "messages/{}?$select=isRead",
            crate::microsoft::cloud::path_segment(message_id)
        ),
    );
    let deadline = arrived + input.pickup_wait;
    let mut interval = FIRST_POLL;
    let mut polls = 0u32;
    let picked: Result<Option<Duration>, GraphFailure> = loop {
        let now = Instant::now();
        if now >= deadline {
            break Ok(None);
        }
        tokio::time::sleep(interval.min(deadline - now)).await;
        polls += 1;
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct ReadState {
            #[serde(default)]
            is_read: Option<bool>,
        }
        match graph::check_result(http.get(&url, token.bearer()).await)
            .and_then(|r| Ok(r.json::<ReadState>()?))
        {
            Ok(m) if m.is_read == Some(true) => break Ok(Some(arrived.elapsed())),
            Ok(_) => {}
            Err(f) => break Err(f),
        }
        progress(PickupProgress::WaitingPickup {
            elapsed: arrived.elapsed(),
            polls,
        });
        interval = (interval * 3 / 2).min(MAX_POLL);
    };
    let mut out = Vec::new();
    let has_part = input.live.check.genesys.is_some();
    let picked_after = match picked {
        Ok(Some(after)) => {
            let mut c = Check::msg(
                "pickup",
                Status::Pass,
                "pickup-pass",
                with(args([("secs", secs(after)), ("polls", polls.into())])),
            );
            c.latency_ms = Some(ms(after));
            c.elapsed_ms = ms(after);
            out.push(on(c, mailbox));
            after
        }
        Ok(None) => {
            let id = if has_part {
                "pickup-timeout-evidence"
            } else {
                "pickup-timeout"
            };
            let c = Check::msg(
                "pickup",
                Status::Fail,
                id,
                with(args([
                    ("secs", input.pickup_wait.as_secs().into()),
                    ("evidence", evidence(earlier)),
                ])),
            );
            out.push(on(c.with_elapsed(input.pickup_wait), mailbox));
            out.push(on(
                Check::msg(
                    "genesys_interaction",
                    Status::Skip,
                    "interaction-skip",
                    args([("why", "-".to_string()), ("profile", profile)]),
                ),
                mailbox,
            ));
            return (out, polls);
        }
        Err(f) => {
            let c = crate::microsoft::mailbox::refusal_check(
                "pickup",
                &f,
                mailbox,
                e,
                &input.live.check.client_id,
            );
            out.push(c);
            out.push(on(
                Check::msg(
                    "genesys_interaction",
                    Status::Skip,
                    "interaction-skip",
                    args([("why", "-".to_string()), ("profile", profile)]),
                ),
                mailbox,
            ));
            return (out, polls);
        }
    };
    let Some(g) = &input.live.check.genesys else {
        out.push(on(
            Check::msg(
                "genesys_interaction",
                Status::Skip,
                "interaction-no-part",
                with(Args::new()),
            ),
            mailbox,
        ));
        return (out, polls);
    };
    let _ = picked_after;
    let interaction = async {
        let token = match login(http, &g.conn).await {
            Ok(t) => t,
            Err(e) => {
                let detail = match e {
                    LoginFailure::Refused { error, .. } => error,
                    LoginFailure::Http(h) => h.to_string(),
                };
                return Check::msg(
                    "genesys_interaction",
                    Status::Warn,
                    "interaction-login-failed",
                    with(args([("detail", detail)])),
                );
            }
        };
        let api = GenesysApi::new(http, &g.conn.endpoints, token);
        let since =
            chrono::Utc::now() - chrono::Duration::from_std(arrived.elapsed()).unwrap_or_default();
        let report =
            |elapsed, queries| progress(PickupProgress::FindingInteraction { elapsed, queries });
        let search = conversations::find(
            &api,
            subject,
            marker,
            mailbox,
            since,
            input.interaction_wait,
            &report,
        )
        .await;
        let search = match search {
            Ok(s) => s,
            Err(GenesysFailure::MissingPermission { permissions, .. }) => {
                return Check::msg(
                    "genesys_interaction",
                    Status::Warn,
                    "interaction-permission",
                    with(args([("permission", permissions.join(", "))])),
                );
            }
            Err(f) => {
                return Check::msg(
                    "genesys_interaction",
                    Status::Warn,
                    "interaction-search-failed",
                    with(args([("detail", f.describe())])),
                )
            }
        };
        let took = secs(search.took);
        let Some(found) = search.found else {
            return Check::msg(
                "genesys_interaction",
                Status::Fail,
                "interaction-missing",
                with(args([
                    ("secs", took),
                    ("queries", search.queries.into()),
                    ("evidence", evidence(earlier)),
                ])),
            )
            .with_elapsed(search.took);
        };
        let queue = match &found.queue_id {
            Some(q) => conversations::queue_name(&api, q)
                .await
                .unwrap_or_else(|| q.clone()),
            None => "-".to_string(),
        };
        progress(PickupProgress::EndingInteraction);
        let a = with(args([
            ("queue", queue.into()),
            ("conversation", found.conversation_id.clone().into()),
            ("secs", took),
            ("queries", search.queries.into()),
        ]));
        match conversations::end(&api, &found.conversation_id).await {
            Ok(()) => Check::msg("genesys_interaction", Status::Pass, "interaction-pass", a),
            Err(f) => {
                let mut a = a;
                a.insert("detail".into(), f.describe().into());
                Check::msg(
                    "genesys_interaction",
                    Status::Warn,
                    "interaction-not-ended",
                    a,
                )
            }
        }
        .with_elapsed(search.took)
    }
    .await;
    out.push(on(interaction, mailbox));
    (out, polls)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn evidence_quotes_the_genesys_checks_in_the_language_of_the_quote() {
        let off = Check::msg(
            "genesys_integration",
            Status::Fail,
            "genesys-integration-disabled",
            args([("name", "Graph"), ("profile", "contoso")]),
        );
        let ok = Check::msg(
            "genesys_login",
            Status::Pass,
            "genesys-skip-login",
            Args::new(),
        );
        let old = Check::new("genesys_domains", Status::Warn, "as it was worded");
        let a = args([
            (
                "mailbox",
                serde_json::Value::from("support@contoso.example"),
            ),
            ("profile", "contoso".into()),
            ("secs", 120.into()),
            ("evidence", evidence(&[off.clone(), ok, old])),
        ]);
        let c = Check::msg("pickup", Status::Fail, "pickup-timeout-evidence", a);
        assert!(
            c.summary.ends_with(&format!(
                "Genesys Cloud says: genesys_integration: {} | genesys_domains: as it was worded",
                off.summary
            )),
            "{}",
            c.summary
        );
        let de = c.localized(Lang::De).summary;
        let off_de = off.localized(Lang::De).summary;
        assert!(
            de.contains(&format!("genesys_integration: {off_de} | genesys_domains:")),
            "{de}"
        );
        assert_eq!(evidence(&[]), serde_json::Value::from("-"));
    }

    #[test]
    fn seconds_have_the_language_s_decimal_mark() {
        let a = args([
            (
                "mailbox",
                serde_json::Value::from("support@contoso.example"),
            ),
            ("secs", secs(Duration::from_millis(1540))),
            ("polls", 4.into()),
        ]);
        let c = Check::msg("pickup", Status::Pass, "pickup-pass", a);
        assert!(
            c.summary.contains("marked read 1.5 s after"),
            "{}",
            c.summary
        );
        assert!(c.localized(Lang::De).summary.contains("1,5 s"));
    }
}
