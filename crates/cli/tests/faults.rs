//! `graphwiz check` against every network fault the emulator can inject (throttling that never
//! clears, resets, stalls, malformed, truncated, HTML, mislabelled and endless answers), on the
//! login endpoints, the token endpoint alone and Microsoft Graph. Each run is the real binary with
//! `--timeout 2`, bounded by the wall clock (timeout + retry budget + slack; the child is killed
//! when it overruns): it must end with exit status 1 (never 101, a panic; never a hang), and the
//! failing check must name the problem and say what to do.

use graphwiz_emulator::{DemoCredentials, Emulator, Fault, FaultTarget, Options, Scenario};
use serde_json::Value;
use std::io::Read;
use std::time::{Duration, Instant};

mod common;

/// `--timeout` of every run, in seconds.
const TIMEOUT: u64 = 2;
/// The retry budget graphwiz derives from it (twice the timeout).
const BUDGET: u64 = 2 * TIMEOUT;
/// Process start, scheduling on a loaded 2-core machine, the one request that may still be
/// running when the budget is spent.
const SLACK: u64 = TIMEOUT + 3;
const MAILBOX: &str = "support@contoso-demo.onmicrosoft.com";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not one JSON object ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// Runs graphwiz; kills it and fails the test when it runs longer than `bound`.
fn graphwiz_bounded(args: &[&str], secret: &str, bound: Duration) -> Run {
    let started = Instant::now();
    let home = std::env::temp_dir().join("graphwiz-faults-unused");
    let mut child = common::command(&home, args, &[("GRAPHWIZ_CLIENT_SECRET", secret)])
        .spawn()
        .expect("start graphwiz");
    let pipe = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = r.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out = pipe(Box::new(child.stdout.take().unwrap()));
    let err = pipe(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for graphwiz") {
            break status;
        }
        if started.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "graphwiz {} hung: killed after {:?} (bound {bound:?})\nstderr: {}",
                args.join(" "),
                started.elapsed(),
                err.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = started.elapsed();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        took,
    }
}

fn check_args<'a>(url: &'a str, c: &'a DemoCredentials, mailbox: bool) -> Vec<&'a str> {
    let mut v = vec![
        "check",
        "--json",
        "--timeout",
        "2",
        "--tenant",
        c.tenant_id.as_str(),
        "--client-id",
        c.client_id.as_str(),
        "--login-url",
        url,
        "--graph-url",
        url,
    ];
    if mailbox {
        v.extend(["--mailbox", MAILBOX]);
    }
    v
}

fn find<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks array")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {report:#}"))
}

/// What a fault must produce: words in the failing check's summary and in its fix.
struct Expect {
    summary: &'static [&'static str],
    fix: &'static [&'static str],
}

fn expect(fault: Fault) -> Expect {
    match fault {
        Fault::Throttled => Expect {
            summary: &[
                "throttled the requests (HTTP 429 Too Many Requests)",
                "Retry-After",
                "retry budget",
            ],
            fix: &["Wait a few minutes", "--timeout"],
        },
        Fault::Unavailable => Expect {
            summary: &[
                "HTTP 503 Service Unavailable",
                "Retry-After",
                "still unavailable",
            ],
            fix: &["Wait a few minutes"],
        },
        Fault::Reset => Expect {
            summary: &[
                "broke off before the answer was complete",
                "the connection was reset",
            ],
            fix: &["Run the check again", "proxy, firewall, VPN"],
        },
        Fault::Stall => Expect {
            summary: &["did not answer within 2 s"],
            fix: &["reach", "--timeout"],
        },
        Fault::MalformedJson => Expect {
            summary: &[
                "is not JSON, although it is labelled 'application/json",
                "line 1",
            ],
            fix: &["proxy", "URL"],
        },
        Fault::Truncated => Expect {
            summary: &["broke off", "of the 4096 bytes announced", "truncated"],
            fix: &["Run the check again"],
        },
        Fault::HtmlPage => Expect {
            summary: &[
                "an HTML page titled \"Guest Wi-Fi - Sign in\"",
                "proxy or captive portal",
            ],
            fix: &["in a browser", "captive portal"],
        },
        Fault::TextPlain => Expect {
            summary: &["is not JSON (it is labelled 'text/plain"],
            fix: &["proxy"],
        },
        Fault::JsonAsHtml => Expect {
            summary: &["labelled 'text/html", "instead of JSON"],
            fix: &["proxy"],
        },
        Fault::SlowBody => Expect {
            summary: &["started to answer but did not finish within 2 s"],
            fix: &["too slowly", "--timeout"],
        },
    }
}

fn assert_named(report: &Value, id: &str, fault: Fault, context: &str) {
    let c = find(report, id);
    let want = expect(fault);
    let summary = c["summary"].as_str().unwrap_or_default();
    for w in want.summary {
        assert!(
            summary.contains(w),
            "{context}: summary of {id} lacks '{w}': {summary}"
        );
    }
    let fix = c["fix"].as_str().unwrap_or_default();
    for w in want.fix {
        assert!(fix.contains(w), "{context}: fix of {id} lacks '{w}': {fix}");
    }
}

/// One run against `fault` on `target`; checks the exit status, the time and that the run's
/// report is one JSON object. Returns the report and the emulator (for its request log).
fn run_fault(
    fault: Fault,
    target: FaultTarget,
    retry_after: &str,
    mailbox: bool,
) -> (Value, Run, Emulator) {
    let emu = Emulator::spawn_thread(Options {
        fault: Some(fault),
        fault_target: target,
        retry_after: retry_after.to_string(),
        ..Options::scenario(Scenario::Healthy)
    })
    .expect("emulator starts");
    let url = emu.base_url();
    let c = emu.demo();
    let bound = Duration::from_secs(TIMEOUT + BUDGET + SLACK);
    let run = graphwiz_bounded(&check_args(&url, &c, mailbox), &c.client_secret, bound);
    let context = format!("{fault} on {target}");
    assert_ne!(
        run.code, 101,
        "{context}: graphwiz panicked:\n{}",
        run.stderr
    );
    assert!(
        !run.stdout.contains(&c.client_secret) && !run.stderr.contains(&c.client_secret),
        "{context}: the secret was printed"
    );
    assert!(run.took < bound, "{context}: took {:?}", run.took);
    let report = run.json();
    (report, run, emu)
}

/// The fault on both login endpoints: the tenant check fails and names it.
fn on_login(fault: Fault) {
    let (r, run, _emu) = run_fault(fault, FaultTarget::Login, "1", false);
    let context = format!("{fault} on login");
    assert_eq!(run.code, 1, "{context}: {}\n{}", run.stdout, run.stderr);
    assert_eq!(find(&r, "tenant")["status"], "fail", "{context}");
    assert_named(&r, "tenant", fault, &context);
    assert!(
        find(&r, "tenant")["summary"]
            .as_str()
            .unwrap()
            .starts_with("Could not look up the tenant: "),
        "{context}"
    );
    assert_eq!(find(&r, "credentials")["status"], "skip");
}

/// The fault on the token endpoint alone: discovery passes, the credentials check fails.
fn on_token(fault: Fault) {
    let (r, run, _emu) = run_fault(fault, FaultTarget::Token, "0.5", false);
    let context = format!("{fault} on token");
    assert_eq!(run.code, 1, "{context}: {}\n{}", run.stdout, run.stderr);
    assert_eq!(find(&r, "tenant")["status"], "pass", "{context}");
    assert_eq!(find(&r, "credentials")["status"], "fail", "{context}");
    assert_named(&r, "credentials", fault, &context);
}

/// The fault on Microsoft Graph: the mailbox check fails and names it; the registration and
/// grants checks (warnings by design) carry the same words.
fn on_graph(fault: Fault) {
    let (r, run, _emu) = run_fault(fault, FaultTarget::Graph, "0.5", true);
    let context = format!("{fault} on graph");
    assert_eq!(find(&r, "credentials")["status"], "pass", "{context}");
    match fault {
        // A Graph that keeps throttling is a warning (the integration may work; nothing to fix
        // in Azure): exit 0, and the checks say it is throttling.
        Fault::Throttled | Fault::Unavailable => {
            assert_eq!(run.code, 0, "{context}: {}", run.stdout);
            let c = find(&r, "mailbox_access");
            assert_eq!(c["status"], "warn", "{context}: {c:#}");
            assert!(
                c["summary"].as_str().unwrap().contains("throttling"),
                "{context}: {c:#}"
            );
            assert!(
                find(&r, "registration")["fix"]
                    .as_str()
                    .unwrap()
                    .contains("wait a few minutes"),
                "{context}"
            );
        }
        _ => {
            assert_eq!(run.code, 1, "{context}: {}\n{}", run.stdout, run.stderr);
            let c = find(&r, "mailbox_access");
            assert_eq!(c["status"], "fail", "{context}: {c:#}");
            assert_named(&r, "mailbox_access", fault, &context);
            assert_named(&r, "registration", fault, &context);
        }
    }
}

fn all_targets(fault: Fault) {
    on_login(fault);
    on_token(fault);
    on_graph(fault);
}

#[test]
fn throttled_429_never_clears() {
    all_targets(Fault::Throttled);
}

#[test]
fn unavailable_503_never_clears() {
    all_targets(Fault::Unavailable);
}

#[test]
fn connection_reset_mid_answer() {
    all_targets(Fault::Reset);
}

#[test]
fn stall_ends_at_the_timeout() {
    all_targets(Fault::Stall);
    let (_, run, _emu) = run_fault(Fault::Stall, FaultTarget::Token, "1", false);
    assert!(
        run.took >= Duration::from_secs(TIMEOUT) && run.took < Duration::from_secs(TIMEOUT + SLACK),
        "the stall ends at the per-request timeout: {:?}",
        run.took
    );
}

#[test]
fn malformed_json() {
    all_targets(Fault::MalformedJson);
}

#[test]
fn truncated_body() {
    all_targets(Fault::Truncated);
}

#[test]
fn captive_portal_html_page() {
    all_targets(Fault::HtmlPage);
}

#[test]
fn text_plain_jsonish() {
    all_targets(Fault::TextPlain);
}

#[test]
fn json_labelled_text_html() {
    all_targets(Fault::JsonAsHtml);
}

#[test]
fn endless_slow_body_ends_at_the_timeout() {
    all_targets(Fault::SlowBody);
    // reqwest's timeout covers the whole answer, body included: the dribble is cut at 2 s.
    let (_, run, _emu) = run_fault(Fault::SlowBody, FaultTarget::Login, "1", false);
    assert!(
        run.took >= Duration::from_secs(TIMEOUT) && run.took < Duration::from_secs(TIMEOUT + SLACK),
        "the endless body ends at the per-request timeout: {:?}",
        run.took
    );
}

/// Retry-After as whole seconds, fractional seconds, longer than the budget, and absent: each
/// ends within the budget with a throttled message that says what the server asked for.
#[test]
fn retry_after_forms_within_the_budget() {
    let cases: [(&str, &str, u64); 4] = [
        ("1", "Retry-After (1 s) asked", 3),
        (
            "0.25",
            "5 attempts over 1 s of waiting, as its Retry-After (0.25 s) asked",
            5,
        ),
        (
            "120",
            "asked to wait 120 s (Retry-After), longer than graphwiz's retry budget of 4 s",
            1,
        ),
        ("", "it sent no Retry-After", 3),
    ];
    for (retry_after, words, min_attempts) in cases {
        let (r, run, emu) = run_fault(Fault::Throttled, FaultTarget::Token, retry_after, false);
        let context = format!("Retry-After '{retry_after}'");
        assert_eq!(run.code, 1, "{context}: {}", run.stdout);
        let summary = find(&r, "credentials")["summary"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(summary.contains(words), "{context}: {summary}");
        let throttled = emu
            .requests()
            .iter()
            .filter(|q| q.status == 429 && q.path.ends_with("/oauth2/v2.0/token"))
            .count() as u64;
        assert!(
            throttled >= min_attempts && throttled <= 5,
            "{context}: {throttled} attempts (at most 1 + 4 retries)"
        );
        if retry_after == "120" {
            assert!(
                run.took < Duration::from_secs(TIMEOUT + 2),
                "{context}: gave up at once, took {:?}",
                run.took
            );
        } else {
            assert!(
                run.took <= Duration::from_secs(BUDGET + SLACK),
                "{context}: within the budget, took {:?}",
                run.took
            );
        }
    }
}
