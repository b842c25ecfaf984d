//! The verdicts every workflow reports: [`Status`], one [`Check`], and a run's [`Report`].
//!
//! These types sit at the bottom of the core: the Microsoft side, the Genesys Cloud side, the
//! stores and both faces use them, and they use nothing but the message catalog.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Verdict of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Proven to work.
    Pass,
    /// Works, or could not be proven either way; read the summary.
    Warn,
    /// Broken; the fix says what to do.
    Fail,
    /// Not run, because an earlier check failed.
    Skip,
}

impl Status {
    /// Lower-case word, as in JSON.
    pub fn word(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Skip => "skip",
        }
    }
}

/// One check's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Stable id, e.g. `credentials`.
    pub id: String,
    /// Verdict.
    pub status: Status,
    /// One sentence: what was found.
    pub summary: String,
    /// What to do, in the Azure portal's words; `None` when nothing is to be done.
    pub fix: Option<String>,
    /// AADSTS or Graph error code, when one came back.
    pub code: Option<String>,
    /// The Azure portal page where the fix is made.
    pub portal_url: Option<String>,
    /// Time this check waited on the network, in milliseconds.
    pub elapsed_ms: u64,
    /// The mailbox this check is about, for per-mailbox checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailbox: Option<String>,
    /// For `receive`: send accepted → arrival seen, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
    /// The catalog message the summary (and its `.fix`, the fix) was worded from; stable across
    /// languages, for scripts. `None` for checks worded before the catalog had them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// The message's arguments (language-independent values); always an object in JSON, `{}`
    /// when the message has none, so scripts can read it without a special case.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub args: crate::i18n::Args,
}

impl Check {
    pub(crate) fn new(id: &str, status: Status, summary: impl Into<String>) -> Self {
        Check {
            id: id.to_string(),
            status,
            summary: summary.into(),
            fix: None,
            code: None,
            portal_url: None,
            elapsed_ms: 0,
            mailbox: None,
            latency_ms: None,
            message_id: None,
            args: crate::i18n::Args::new(),
        }
    }

    /// A check worded from catalog message `message_id` (value: summary, `.fix`: fix), in English;
    /// [`Check::localized`] words it in another language.
    pub fn msg(id: &str, status: Status, message_id: &str, args: crate::i18n::Args) -> Self {
        let mut c = Check::new(id, status, String::new());
        c.message_id = Some(message_id.to_string());
        c.args = args;
        c.localize(crate::i18n::Lang::En);
        c
    }

    /// Words the summary and fix again in `lang`, when the check came from the catalog.
    pub fn localize(&mut self, lang: crate::i18n::Lang) {
        if let Some(id) = &self.message_id {
            self.summary = crate::i18n::text(lang, id, &self.args)
                .trim_end()
                .to_string();
            self.fix = crate::i18n::attr(lang, id, "fix", &self.args);
        }
    }

    /// The same check worded in `lang`.
    pub fn localized(&self, lang: crate::i18n::Lang) -> Self {
        let mut c = self.clone();
        c.localize(lang);
        c
    }

    /// Sets the portal link (builder).
    pub fn with_portal(self, url: impl Into<String>) -> Self {
        self.portal(url.into())
    }

    /// Sets the error code (builder).
    pub fn with_code(self, code: impl Into<String>) -> Self {
        self.code(Some(code.into()))
    }

    /// Sets the time waited on the network (builder).
    pub fn with_elapsed(self, d: Duration) -> Self {
        self.took(d)
    }
    pub(crate) fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
    pub(crate) fn code(mut self, code: Option<String>) -> Self {
        self.code = code;
        self
    }
    pub(crate) fn portal(mut self, url: String) -> Self {
        self.portal_url = Some(url);
        self
    }
    pub(crate) fn took(mut self, d: Duration) -> Self {
        self.elapsed_ms = u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        self
    }
    /// A failed check made outside the engine (e.g. a profile whose secret can't be read).
    pub fn failed(id: &str, summary: impl Into<String>, fix: impl Into<String>) -> Self {
        Check::new(id, Status::Fail, summary).fix(fix)
    }
    /// A skipped check, for steps run outside the engine.
    pub fn skip_pub(id: &str, reason: &str) -> Self {
        Check::skip(id, reason)
    }
    pub(crate) fn skip(id: &str, reason: &str) -> Self {
        Check::new(id, Status::Skip, format!("Skipped: {reason}"))
    }
}

/// The result of one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// True when no check failed (warnings allowed).
    pub ok: bool,
    /// The resolved tenant GUID, when discovery succeeded.
    pub tenant_id: Option<String>,
    /// The OAuth 2.0 token endpoint (v2) for Genesys Cloud, when the tenant is known.
    pub token_endpoint: Option<String>,
    /// Every check, in a stable order.
    pub checks: Vec<Check>,
    /// The expiry of the secret in use, when Azure told it unambiguously.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_expires: Option<chrono::DateTime<chrono::Utc>>,
    /// Throttling during the run (requests answered 429/503 and retried), when there was any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throttled: Option<Throttled>,
}

/// Throttling during a run: the requests Microsoft (Entra ID, Graph) or Genesys Cloud answered
/// 429 or 503, each counted once however often it was retried, and the time graphwiz waited for
/// them (`Retry-After`). Not a verdict: a note that the run took longer, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Throttled {
    /// Throttled requests.
    pub requests: u32,
    /// Time waited before retrying them, in milliseconds.
    pub waited_ms: u64,
    /// Who throttled: `microsoft`, `genesys` or `both`.
    pub service: String,
    /// The note, worded in the report's language (catalog message `net-run-throttled`).
    pub summary: String,
}

impl Throttled {
    /// The note for `requests` throttled by `service` (`microsoft`, `genesys`, `both`) with
    /// `waited_ms` waited, worded in English.
    pub fn new(service: &str, requests: u32, waited_ms: u64) -> Self {
        let mut t = Throttled {
            requests,
            waited_ms,
            service: service.to_string(),
            summary: String::new(),
        };
        t.localize(crate::i18n::Lang::En);
        t
    }

    /// Words the note again in `lang`.
    pub fn localize(&mut self, lang: crate::i18n::Lang) {
        // Seconds with one decimal, none when whole ("3 s", "0.4 s"; "0,4 s" in German).
        let tenths = self.waited_ms.div_ceil(100);
        let places = u8::from(!tenths.is_multiple_of(10));
        let a = crate::i18n::args([
            ("service", serde_json::Value::from(self.service.as_str())),
            ("requests", self.requests.into()),
            (
                "secs",
                crate::i18n::decimal_arg(tenths as f64 / 10.0, places),
            ),
        ]);
        self.summary = crate::i18n::text(lang, "net-run-throttled", &a)
            .trim()
            .to_string();
    }
}

impl Report {
    pub(crate) fn from_checks(
        tenant_id: Option<String>,
        token_endpoint: Option<String>,
        checks: Vec<Check>,
    ) -> Self {
        Report {
            ok: checks.iter().all(|c| c.status != Status::Fail),
            tenant_id,
            token_endpoint,
            checks,
            secret_expires: None,
            throttled: None,
        }
    }

    /// A report of checks made outside the engine.
    pub fn of(checks: Vec<Check>) -> Self {
        Report::from_checks(None, None, checks)
    }

    /// The check with this id.
    pub fn get(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The same report with every catalog-worded check worded in `lang`.
    pub fn localized(&self, lang: crate::i18n::Lang) -> Self {
        let mut r = self.clone();
        for c in &mut r.checks {
            c.localize(lang);
        }
        if let Some(t) = &mut r.throttled {
            t.localize(lang);
        }
        r
    }

    /// Number of checks with this status.
    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }
}

/// The outcome of a live send/receive test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LiveTestSummary {
    /// When it ran.
    pub ran_at: chrono::DateTime<chrono::Utc>,
    /// True when every step that applies passed.
    pub ok: bool,
    /// Mailbox the test mail was sent from.
    pub mailbox: String,
    /// Recipient of the test mail.
    pub recipient: String,
    /// True when arrival was observed (the recipient is a configured mailbox).
    pub delivery_proven: bool,
    /// Send accepted → arrival seen, in milliseconds.
    pub latency_ms: Option<u64>,
    /// What it ran on (the profile's basis, see `Profile::basis`); `None` before graphwiz kept it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}
