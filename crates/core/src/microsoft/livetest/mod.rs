//! The live send/receive test: after the checks, send a test mail from a mailbox, see it arrive,
//! mark it read as Genesys Cloud does, and delete it again (on every path that sent a mail).
//!
//! Arrival is detected with a filtered Inbox list (one cheap request per poll) at an adaptive
//! interval: 150 ms after the send was accepted, growing to at most 500 ms, so the reported
//! latency is at most half a second late while a 10-second delivery costs about 20 requests.
//! 429 answers are retried after their Retry-After by the HTTP client; the test never runs more
//! than one request per mailbox at a time (Outlook allows four).
//!
//! What a run needs and reports, its progress, and the step the pickup test puts after arrival
//! are in `input`.

use crate::checks::run_check_inner;
use crate::http::HttpClient;
use crate::i18n::{args, list_arg, msg_arg, Args, Msg};
use crate::microsoft::cloud::Endpoints;
use crate::microsoft::graph::{self, GraphFailure};
use crate::microsoft::login::AccessToken;
use crate::microsoft::mailbox::{failure_args, refusal_check, user_url};
use crate::report::LiveTestSummary;
use crate::report::{Check, Report, Status};
use serde::Deserialize;
use std::time::{Duration, Instant};

mod input;

pub(crate) use input::{AfterArrival, Arrival};
pub use input::{LiveReport, LiveTestInput, PickupProgress, Progress, DEFAULT_WAIT, TEST_HEADER};

const FIRST_POLL: Duration = Duration::from_millis(150);
const MAX_POLL: Duration = Duration::from_millis(500);
/// How often the wait for the test mail looks whether it was cancelled.
const CANCEL_CHECK: Duration = Duration::from_millis(100);

#[derive(Deserialize)]
struct MessageList {
    #[serde(default)]
    value: Vec<Message>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Message {
    id: String,
    #[serde(default)]
    is_read: Option<bool>,
}

/// Check `id` about `mailbox`, worded from catalog message `message_id` (en-mail.ftl).
fn check(id: &str, status: Status, message_id: &str, args: Args, mailbox: &str) -> Check {
    let mut c = Check::msg(id, status, message_id, args);
    c.mailbox = Some(mailbox.to_string());
    c
}

/// Step `id` skipped, `why` = `checks`, `send`, `receive` or `outside` (`mail-skip`).
fn skipped(id: &str, why: &str, mailbox: &str) -> Check {
    check(id, Status::Skip, "mail-skip", args([("why", why)]), mailbox)
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// OData string literal: single quotes doubled.
fn odata_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Asked before the test mail is sent and while its arrival is awaited: true once the admin
/// cancelled. The test then stops waiting and cleans up as on every other path.
pub type Cancelled<'a> = &'a (dyn Fn() -> bool + Send + Sync);

/// Runs the checks and then the live test.
pub async fn run_live_test(
    input: &LiveTestInput,
    progress: &(dyn Fn(Progress) + Send + Sync),
) -> LiveReport {
    run_live_test_cancellable(input, progress, &|| false).await
}

/// [`run_live_test`] that stops when `cancelled` says so: before the send (nothing is sent) or
/// while it waits for the mail (the wait ends within a poll, the mail is deleted as always).
pub async fn run_live_test_cancellable(
    input: &LiveTestInput,
    progress: &(dyn Fn(Progress) + Send + Sync),
    cancelled: Cancelled<'_>,
) -> LiveReport {
    let adapt = |p: PickupProgress| {
        if let PickupProgress::Live(l) = p {
            progress(l);
        }
    };
    run(input, None, &adapt, cancelled).await
}

/// True when `c` failed and a test mail from `sender` to `recipient` needs it (see [`blockers`]).
pub fn blocks(c: &Check, sender: &str, recipient: &str) -> bool {
    const NEEDED: [&str; 4] = [
        "tenant",
        "credentials",
        "perm_mail_send",
        "perm_mail_readwrite",
    ];
    c.status == Status::Fail
        && (NEEDED.contains(&c.id.as_str())
            || (c.id == "mailbox_access"
                && c.mailbox.as_deref().is_some_and(|m| {
                    m.eq_ignore_ascii_case(sender) || m.eq_ignore_ascii_case(recipient)
                })))
}

/// The checks a test mail needs, and which of them failed: the tenant, the token, Mail.Send and
/// Mail.ReadWrite, and the mailbox checks of the sender and the recipient. Other mailboxes, the
/// scope audit, User.Read and the expiry never stop the test; the Genesys Cloud checks are
/// evidence for the pickup test, never a reason to skip it.
pub fn blockers(report: &Report, sender: &str, recipient: &str) -> Vec<Msg> {
    report
        .checks
        .iter()
        .filter(|c| blocks(c, sender, recipient))
        .map(|c| {
            Msg::new(
                "mail-blocker",
                args([
                    (
                        "name",
                        msg_arg(&Msg::plain(&crate::i18n::ui::ui_id(&format!(
                            "check.{}",
                            c.id
                        )))),
                    ),
                    (
                        "mailbox",
                        serde_json::Value::from(c.mailbox.clone().unwrap_or_else(|| "none".into())),
                    ),
                ]),
            )
        })
        .collect()
}

/// Runs the checks and then the live test, or with `pickup` the pickup test's steps in place of
/// marking the mail read.
pub(crate) async fn run(
    input: &LiveTestInput,
    pickup: Option<&dyn AfterArrival>,
    progress: &(dyn Fn(PickupProgress) + Send + Sync),
    cancelled: Cancelled<'_>,
) -> LiveReport {
    let http = HttpClient::new(input.check.timeout);
    progress(PickupProgress::Live(Progress::Checking));
    let (mut report, token) = run_check_inner(&http, &input.check).await;
    let steps: &[&str] = if pickup.is_some() {
        &["send", "receive", "cleanup"]
    } else {
        &["send", "receive", "mark_read", "cleanup"]
    };
    let blocking = blockers(&report, &input.sender, &input.recipient);
    let token = match token {
        Some(t) if blocking.is_empty() => t,
        _ => {
            for id in steps {
                report.checks.push(if blocking.is_empty() {
                    skipped(id, "checks", &input.sender)
                } else {
                    check(
                        id,
                        Status::Skip,
                        "mail-skip-blocked",
                        args([("blockers", list_arg(&blocking))]),
                        &input.sender,
                    )
                });
            }
            if let Some(p) = pickup {
                let profile = input
                    .check
                    .genesys
                    .as_ref()
                    .and_then(|g| g.profile.clone())
                    .unwrap_or_default();
                report
                    .checks
                    .extend(p.skipped("checks", &input.recipient, &profile));
            }
            return LiveReport {
                report,
                summary: None,
                wait_requests: 0,
            };
        }
    };
    let earlier = report.checks.clone();
    let (checks, summary, wait_requests) =
        live_steps(&http, input, pickup, &earlier, &token, progress, cancelled).await;
    report.checks.extend(checks);
    report.ok = report.checks.iter().all(|c| c.status != Status::Fail);
    // The whole run's throttling: the checks' and the test mail's requests.
    report.throttled = crate::checks::throttled(&http, &input.check);
    LiveReport {
        report,
        summary,
        wait_requests,
    }
}

async fn live_steps(
    http: &HttpClient,
    input: &LiveTestInput,
    pickup: Option<&dyn AfterArrival>,
    earlier: &[Check],
    token: &AccessToken,
    progress_all: &(dyn Fn(PickupProgress) + Send + Sync),
    cancelled: Cancelled<'_>,
) -> (Vec<Check>, Option<LiveTestSummary>, u32) {
    let progress = |p: Progress| progress_all(PickupProgress::Live(p));
    let e = &input.check.endpoints;
    let client_id = input.check.client_id.as_str();
    let sender = input.sender.as_str();
    let recipient = input.recipient.as_str();
    let marker = uuid::Uuid::new_v4().simple().to_string();
    let token_text = marker[..12].to_string();
    let subject = if pickup.is_some() {
        format!("graphwiz test {token_text} (test message, please ignore)")
    } else {
        format!("graphwiz test {token_text}")
    };
    let internal = recipient.eq_ignore_ascii_case(sender)
        || input
            .check
            .mailboxes
            .iter()
            .any(|m| m.eq_ignore_ascii_case(recipient));
    let ran_at = chrono::Utc::now();
    let mut out = Vec::new();

    // Cancelled before anything was sent: nothing to clean up.
    if cancelled() {
        let ids: &[&str] = if pickup.is_some() {
            &["send", "receive", "cleanup"]
        } else {
            &["send", "receive", "mark_read", "cleanup"]
        };
        for id in ids {
            out.push(skipped(id, "cancelled", sender));
        }
        if let Some(p) = pickup {
            let profile = input
                .check
                .genesys
                .as_ref()
                .and_then(|g| g.profile.clone())
                .unwrap_or_default();
            out.extend(p.skipped("cancelled", recipient, &profile));
        }
        return (out, None, 0);
    }

    // send
    progress(Progress::Sending);
    let started = Instant::now();
    let body = serde_json::json!({
        "message": {
            "subject": subject,
            "body": {"contentType": "Text", "content": crate::i18n::text(crate::i18n::Lang::En, "mail-test-body", &Args::new())},
            "toRecipients": [{"emailAddress": {"address": recipient}}],
            "internetMessageHeaders": [{"name": TEST_HEADER, "value": marker}]
        },
        "saveToSentItems": false
    });
    let sent = graph::check_result(
        http.post_json(&user_url(e, sender, "sendMail"), token.bearer(), &body)
            .await,
    );
    let accepted_at = Instant::now();
    match &sent {
        Ok(_) => {
            let mut c = check(
                "send",
                Status::Pass,
                "mail-send-pass",
                args([
                    ("sender", serde_json::Value::from(sender)),
                    ("recipient", recipient.into()),
                    ("ms", ms(started.elapsed()).into()),
                ]),
                sender,
            );
            c.elapsed_ms = ms(started.elapsed());
            out.push(c);
        }
        Err(f) => {
            let mut c = refusal_check("send", f, sender, e, client_id);
            c.elapsed_ms = ms(started.elapsed());
            out.push(c);
            let rest: &[&str] = if pickup.is_some() {
                &["receive", "cleanup"]
            } else {
                &["receive", "mark_read", "cleanup"]
            };
            for id in rest {
                out.push(skipped(id, "send", recipient));
            }
            if let Some(p) = pickup {
                let profile = input
                    .check
                    .genesys
                    .as_ref()
                    .and_then(|g| g.profile.clone())
                    .unwrap_or_default();
                out.extend(p.skipped("send", recipient, &profile));
            }
            return (out, None, 0);
        }
    }

    // receive
    let mut polls = 0u32;
    let mut found: Option<Message> = None;
    let mut latency = None;
    // When the admin cancelled the wait: how long it had waited.
    let mut stopped: Option<Duration> = None;
    if internal {
        let filter = format!("subject eq {}", odata_quote(&subject));
        let url = user_url(
            e,
            recipient,
            &format!("mailFolders/inbox/messages?$filter={}&$select=id,subject,isRead,receivedDateTime&$top=5", crate::microsoft::cloud::path_segment(&filter)),
        );
        let deadline = accepted_at + input.wait;
        let mut interval = FIRST_POLL;
        let outcome: Result<(), GraphFailure> = loop {
            let now = Instant::now();
            if now >= deadline {
                break Ok(());
            }
            if cancelled() {
                stopped = Some(accepted_at.elapsed());
                break Ok(());
            }
            // Slept in steps of at most CANCEL_CHECK, so a cancel ends the wait soon.
            let until = now + interval.min(deadline - now);
            while Instant::now() < until && !cancelled() {
                tokio::time::sleep(CANCEL_CHECK.min(until - Instant::now())).await;
            }
            if cancelled() {
                stopped = Some(accepted_at.elapsed());
                break Ok(());
            }
            polls += 1;
            match graph::check_result(http.get(&url, token.bearer()).await)
                .and_then(|r| Ok(r.json::<MessageList>()?))
            {
                Ok(list) => {
                    if let Some(m) = list.value.into_iter().next() {
                        latency = Some(accepted_at.elapsed());
                        found = Some(m);
                        break Ok(());
                    }
                }
                Err(f) => break Err(f),
            }
            progress(Progress::Waiting {
                elapsed: accepted_at.elapsed(),
                polls,
            });
            interval = (interval * 3 / 2).min(MAX_POLL);
        };
        let c = match (&outcome, latency) {
            (Ok(()), None) if stopped.is_some() => check(
                "receive",
                Status::Warn,
                "mail-receive-cancelled",
                args([
                    ("recipient", serde_json::Value::from(recipient)),
                    (
                        "secs",
                        stopped.map(|d| d.as_secs()).unwrap_or_default().into(),
                    ),
                    ("limit", input.wait.as_secs().into()),
                ]),
                recipient,
            ),
            (Ok(()), Some(l)) => {
                let mut c = check(
                    "receive",
                    Status::Pass,
                    "mail-receive-pass",
                    args([
                        ("recipient", serde_json::Value::from(recipient)),
                        ("ms", ms(l).into()),
                        ("polls", polls.into()),
                    ]),
                    recipient,
                );
                c.latency_ms = Some(ms(l));
                c
            }
            (Ok(()), None) => check(
                "receive",
                Status::Fail,
                "mail-receive-timeout",
                args([
                    ("recipient", serde_json::Value::from(recipient)),
                    ("secs", input.wait.as_secs().into()),
                    ("subject", subject.as_str().into()),
                ]),
                recipient,
            ),
            (Err(f), _) => refusal_check("receive", f, recipient, e, client_id),
        };
        let mut c = c;
        c.elapsed_ms = ms(accepted_at.elapsed());
        out.push(c);
    } else {
        out.push(check(
            "receive",
            Status::Skip,
            "mail-receive-outside",
            args([("recipient", recipient)]),
            recipient,
        ));
    }

    // pickup (instead of mark_read): Genesys Cloud, not graphwiz, marks the mail read.
    if let Some(p) = pickup {
        match (&found, latency) {
            (Some(m), Some(l)) => {
                let arrival = Arrival {
                    mailbox: recipient,
                    message_id: &m.id,
                    at: accepted_at + l,
                    subject: &subject,
                    marker: &token_text,
                };
                let checks = p
                    .after_arrival(http, token, arrival, earlier, progress_all)
                    .await;
                out.extend(checks);
            }
            _ => {
                let profile = input
                    .check
                    .genesys
                    .as_ref()
                    .and_then(|g| g.profile.clone())
                    .unwrap_or_default();
                out.extend(p.skipped("receive", recipient, &profile));
            }
        }
    }
    // mark_read
    match &found {
        _ if pickup.is_some() => {}
        Some(m) => {
            progress(Progress::MarkingRead);
            let started = Instant::now();
            let url = user_url(
                e,
                recipient,
                &format!("messages/{}", crate::microsoft::cloud::path_segment(&m.id)),
            );
            let marked = async {
                graph::check_result(
                    http.patch_json(&url, token.bearer(), &serde_json::json!({"isRead": true}))
                        .await,
                )?;
                let resp = graph::check_result(
                    http.get(&format!("{url}?$select=isRead"), token.bearer())
                        .await,
                )?;
                Ok::<Option<bool>, GraphFailure>(resp.json::<Message>()?.is_read)
            }
            .await;
            let mut c = match marked {
                Ok(Some(true)) => check(
                    "mark_read",
                    Status::Pass,
                    "mail-mark-read-pass",
                    Args::new(),
                    recipient,
                ),
                Ok(_) => check(
                    "mark_read",
                    Status::Fail,
                    "mail-mark-read-unread",
                    Args::new(),
                    recipient,
                ),
                Err(f) => refusal_check("mark_read", &f, recipient, e, client_id),
            };
            c.elapsed_ms = ms(started.elapsed());
            out.push(c);
        }
        None => {
            let why = match (internal, stopped) {
                (true, Some(_)) => "cancelled",
                (true, None) => "receive",
                (false, _) => "outside",
            };
            out.push(skipped("mark_read", why, recipient));
        }
    }

    // cleanup: on every path that sent a mail.
    progress(Progress::CleaningUp);
    let started = Instant::now();
    let cleanup = cleanup(
        http,
        e,
        token,
        &subject,
        found.as_ref().map(|m| m.id.as_str()),
        internal.then_some(recipient),
        sender,
    )
    .await;
    let mut c = match cleanup {
        Ok(n) => check(
            "cleanup",
            Status::Pass,
            "mail-cleanup-pass",
            args([("count", n)]),
            recipient,
        ),
        Err(f) => {
            let mut a = failure_args(&f);
            a.extend(args([
                ("subject", subject.as_str()),
                ("recipient", recipient),
                ("sender", sender),
            ]));
            let mut c = check("cleanup", Status::Warn, "mail-cleanup-failed", a, recipient);
            c.code = f.code().map(str::to_string);
            c
        }
    };
    c.elapsed_ms = ms(started.elapsed());
    out.push(c);

    // A cancelled test proved nothing: it did not pass.
    let ok = out.iter().all(|c| c.status != Status::Fail) && stopped.is_none();
    let summary = LiveTestSummary {
        ran_at,
        ok,
        mailbox: sender.to_string(),
        recipient: recipient.to_string(),
        delivery_proven: latency.is_some(),
        latency_ms: latency.map(ms),
        basis: None,
    };
    (out, Some(summary), polls)
}

/// Deletes the received test mail (or finds it once more when it was not seen) and any copy in
/// the sender's Sent Items. Returns how many messages were deleted.
async fn cleanup(
    http: &HttpClient,
    e: &Endpoints,
    token: &AccessToken,
    subject: &str,
    found: Option<&str>,
    recipient: Option<&str>,
    sender: &str,
) -> Result<usize, GraphFailure> {
    let filter =
        crate::microsoft::cloud::path_segment(&format!("subject eq {}", odata_quote(subject)));
    let mut targets: Vec<(String, String)> = Vec::new();
    match (found, recipient) {
        (Some(id), Some(r)) => targets.push((r.to_string(), id.to_string())),
        (None, Some(r)) => {
            // Not seen in time: it may have arrived since.
            let url = user_url(
                e,
                r,
                &format!("mailFolders/inbox/messages?$filter={filter}&$select=id&$top=10"),
            );
            let list: MessageList =
                graph::check_result(http.get(&url, token.bearer()).await)?.json()?;
            targets.extend(list.value.into_iter().map(|m| (r.to_string(), m.id)));
        }
        _ => {}
    }
    let url = user_url(
        e,
        sender,
        &format!("mailFolders/sentitems/messages?$filter={filter}&$select=id&$top=10"),
    );
    let sent: MessageList = graph::check_result(http.get(&url, token.bearer()).await)?.json()?;
    targets.extend(sent.value.into_iter().map(|m| (sender.to_string(), m.id)));
    let mut deleted = 0;
    for (mailbox, id) in targets {
        let url = user_url(
            e,
            &mailbox,
            &format!("messages/{}", crate::microsoft::cloud::path_segment(&id)),
        );
        match graph::check_result(http.delete(&url, token.bearer()).await) {
            Ok(_) => deleted += 1,
            // Already gone (e.g. deleted by a rule): nothing left behind.
            Err(GraphFailure::Status { status: 404, .. }) => {}
            Err(f) => return Err(f),
        }
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Msg};

    const MB: &str = "support@contoso.example";

    #[test]
    fn skipped_steps_say_why_in_both_languages() {
        let c = skipped("receive", "send", MB);
        assert_eq!(c.status, Status::Skip);
        assert_eq!(c.mailbox.as_deref(), Some(MB));
        assert_eq!(c.summary, "Skipped: the test mail could not be sent");
        assert_eq!(
            c.localized(Lang::De).summary,
            "Übersprungen: Die Testmail konnte nicht gesendet werden"
        );
        let c = skipped("mark_read", "outside", MB);
        assert!(c.summary.contains("outside recipient"), "{}", c.summary);
        let c = skipped("send", "checks", MB);
        assert!(c
            .localized(Lang::De)
            .summary
            .contains("fehlgeschlagenen Prüfungen"));
    }

    #[test]
    fn live_steps_are_worded_from_the_catalog() {
        let c = check(
            "receive",
            Status::Pass,
            "mail-receive-pass",
            args([
                ("recipient", serde_json::Value::from(MB)),
                ("ms", 1234.into()),
                ("polls", 7.into()),
            ]),
            MB,
        );
        assert_eq!(
            c.summary,
            format!("The test mail arrived in {MB}'s Inbox 1234 ms after it was sent (7 polls).")
        );
        assert!(c
            .localized(Lang::De)
            .summary
            .contains("im Posteingang von support@contoso.example angekommen (7 Abfragen)"));
        let one = check(
            "cleanup",
            Status::Pass,
            "mail-cleanup-pass",
            args([("count", 1)]),
            MB,
        );
        assert_eq!(one.summary, "Deleted the test mail (1 message).");
        let two = check(
            "cleanup",
            Status::Pass,
            "mail-cleanup-pass",
            args([("count", 2)]),
            MB,
        );
        assert_eq!(two.summary, "Deleted the test mail (2 messages).");
        assert_eq!(
            two.localized(Lang::De).summary,
            "Die Testmail wurde gelöscht (2 Nachrichten)."
        );
        let timeout = check(
            "receive",
            Status::Fail,
            "mail-receive-timeout",
            args([
                ("recipient", serde_json::Value::from(MB)),
                ("secs", 120.into()),
                ("subject", "graphwiz test abc".into()),
            ]),
            MB,
        );
        let de = timeout.localized(Lang::De);
        assert!(de.summary.contains("innerhalb von 120 s"), "{}", de.summary);
        let fix = de.fix.unwrap();
        assert!(
            fix.contains("Nachrichtenablaufverfolgung") && fix.contains("„graphwiz test abc“"),
            "{fix}"
        );
        let f = GraphFailure::Status {
            status: 404,
            error: None,
        };
        let mut a = failure_args(&f);
        a.extend(args([
            ("subject", "graphwiz test abc"),
            ("recipient", MB),
            ("sender", MB),
        ]));
        let c = check("cleanup", Status::Warn, "mail-cleanup-failed", a, MB);
        assert_eq!(
            c.summary,
            "The test mail could not be deleted: Microsoft Graph answered HTTP 404."
        );
        assert!(c
            .localized(Lang::De)
            .fix
            .unwrap()
            .contains("Gesendeten Elementen"));
        assert!(Msg::plain("mail-test-body")
            .text(Lang::En)
            .starts_with("This message was sent by graphwiz"));
    }
}
