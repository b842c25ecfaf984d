//! The field-error adapter: a core validation problem with a stable code for the UI's catalogs
//! ([`FieldProblem`]), the wizard's errors ([`DesktopError`]) and how the core's errors become
//! them, and validating one field while the admin types.

use crate::i18n::{args, Args, Lang, Msg};
use crate::microsoft::admin::AdminError;
use crate::store::keychain::KeychainError;
use crate::store::profiles::{self, ProfileError};
use crate::validate::{self, Problem, Severity};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One problem with one field of the wizard, with a stable code for the UI's catalogs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// The field: `name`, `cloud`, `tenant`, `client_id`, `secret`, `mailbox`, `probe_mailbox`,
    /// `expiry`, `warn_days`.
    pub field: String,
    /// Error (refused) or warning (accepted).
    pub severity: Severity,
    /// The field's label as in the Azure portal (English).
    pub label: String,
    /// Stable code, e.g. `secret_id` (the UI shows its own text for a known code).
    pub code: Option<String>,
    /// A number the message mentions (e.g. the secret's length).
    pub n: Option<u64>,
    /// The core's English message (without the label).
    pub message: String,
    /// The message as a catalog message (language-independent), when the app made the problem
    /// itself (without the label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<Msg>,
    /// The whole message in the UI's language, when the core worded it from its catalog (the UI
    /// shows it as it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl FieldProblem {
    pub(super) fn new(field: &str, label: &str, code: &str, n: Option<u64>, msg: Msg) -> Self {
        FieldProblem {
            field: field.to_string(),
            severity: Severity::Error,
            label: label.to_string(),
            code: Some(code.to_string()),
            n,
            message: msg.text(Lang::En),
            msg: Some(msg),
            text: None,
        }
    }

    /// Words the problem in `lang` where only the core can: a problem without a code (the UI
    /// words the known codes itself) gets its catalog message as `text`.
    pub fn localize(&mut self, lang: Lang) {
        if self.code.is_none() {
            if let Some(m) = &self.msg {
                self.text = Some(m.text(lang));
            }
        }
    }
}

/// Why a wizard action could not be done. Never carries the secret.
///
/// The core makes it with a catalog message ([`DesktopError::msg`]); the face words it in the
/// UI's language with [`DesktopError::localized`] before showing it (`text`), and can word it
/// again after a language switch from `msg`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct DesktopError {
    /// Stable code, e.g. `invalid`, `keychain`, `profiles`, `no_target`, `cancelled`.
    pub code: String,
    /// What happened and what to do, in English (logs, `Display`).
    pub message: String,
    /// The same as a catalog message (language-independent), when it is one (boxed: errors
    /// stay small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<Box<Msg>>,
    /// The message in the UI's language: set by [`DesktopError::localized`], or when the text
    /// came worded already (e.g. a Genesys Cloud value refused in the UI's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Field problems, for `invalid`.
    pub problems: Vec<FieldProblem>,
}

impl DesktopError {
    /// An error with a code and a catalog message.
    pub fn msg(code: &str, msg: Msg) -> Self {
        DesktopError {
            code: code.to_string(),
            message: msg.text(Lang::En),
            msg: Some(Box::new(msg)),
            text: None,
            problems: Vec::new(),
        }
    }

    /// An error with a code and catalog message `id` with `args`.
    pub fn new(code: &str, id: &str, args: Args) -> Self {
        DesktopError::msg(code, Msg::new(id, args))
    }

    /// An error with a code and catalog message `id` without arguments.
    pub fn plain(code: &str, id: &str) -> Self {
        DesktopError::msg(code, Msg::plain(id))
    }

    /// An error whose text is worded already in the UI's language (`text`), e.g. one of
    /// [`crate::genesys::setup`]'s refusals.
    pub fn worded(code: &str, text: impl Into<String>) -> Self {
        let text = text.into();
        DesktopError {
            code: code.to_string(),
            message: text.clone(),
            msg: None,
            text: Some(text),
            problems: Vec::new(),
        }
    }

    /// An error with catalog message `id` whose one argument `detail` is what another part of
    /// graphwiz or the operating system said.
    pub fn detail(code: &str, id: &str, detail: impl std::fmt::Display) -> Self {
        DesktopError::new(code, id, args([("detail", detail.to_string())]))
    }

    /// The error worded in `lang` for the UI: `text`, and the problems only the core can word.
    pub fn localized(mut self, lang: Lang) -> Self {
        if let Some(m) = &self.msg {
            self.text = Some(m.text(lang));
        }
        for p in &mut self.problems {
            p.localize(lang);
        }
        self
    }

    /// The text in `lang` (the catalog message's, or the one it came with).
    pub fn text(&self, lang: Lang) -> String {
        match (&self.msg, &self.text) {
            (Some(m), _) => m.text(lang),
            (None, Some(t)) => t.clone(),
            (None, None) => self.message.clone(),
        }
    }

    pub(super) fn invalid(problems: Vec<FieldProblem>) -> Self {
        let message = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| format!("{}: {}", p.label, p.message))
            .collect::<Vec<_>>()
            .join(" ");
        let count = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        DesktopError {
            code: "invalid".into(),
            message,
            msg: Some(Box::new(Msg::new(
                "app-error-invalid",
                args([("count", count)]),
            ))),
            text: None,
            problems,
        }
    }

    pub(super) fn no_target() -> Self {
        DesktopError::plain("no_target", "app-error-no-target")
    }
}

/// The `$os` argument of the keychain's hints: `macos`, `windows` or the system's name.
fn os_arg() -> &'static str {
    std::env::consts::OS
}

impl From<ProfileError> for DesktopError {
    fn from(e: ProfileError) -> Self {
        match &e {
            ProfileError::Exists { name } => DesktopError::new(
                "exists",
                "app-error-profile-exists",
                args([("name", name.clone())]),
            ),
            ProfileError::NotFound { name, .. } => DesktopError::new(
                "not_found",
                "app-error-profile-not-found",
                args([("name", name.clone())]),
            ),
            // The UI words the code; the validator's English stays the fallback.
            ProfileError::BadName(m) => DesktopError::invalid(vec![FieldProblem {
                field: "name".into(),
                severity: Severity::Error,
                label: profiles::FIELD_NAME.into(),
                code: Some("name_invalid".into()),
                n: None,
                message: m.to_string(),
                msg: Some(m.clone()),
                text: None,
            }]),
            other => DesktopError::detail("profiles", "app-error-profiles", other),
        }
    }
}

impl From<KeychainError> for DesktopError {
    fn from(e: KeychainError) -> Self {
        // The CLI's remedy ("graphwiz profile add … --replace") reads oddly in the app.
        match &e {
            KeychainError::Missing { profile } => DesktopError::new(
                "secret_missing",
                "app-error-secret-missing",
                args([("profile", profile.clone())]),
            ),
            KeychainError::Locked { .. } => DesktopError::new(
                "keychain",
                "app-error-keychain-locked",
                args([("os", os_arg())]),
            ),
            KeychainError::Unavailable { detail, .. } => DesktopError::new(
                "keychain",
                "app-error-keychain-unavailable",
                args([("detail", detail.as_str()), ("os", os_arg())]),
            ),
            KeychainError::Other { detail } => {
                DesktopError::detail("keychain", "app-error-keychain-failed", detail)
            }
        }
    }
}

impl From<crate::integration::SaveError> for DesktopError {
    fn from(e: crate::integration::SaveError) -> Self {
        match e {
            crate::integration::SaveError::Profiles(p) => p.into(),
            crate::integration::SaveError::Keychain(k) => k.into(),
        }
    }
}

impl From<AdminError> for DesktopError {
    fn from(e: AdminError) -> Self {
        DesktopError::new(
            "admin",
            "app-error-admin",
            args([("detail", e.to_string()), ("fix", e.fix())]),
        )
    }
}

pub(super) fn endpoint_error(e: crate::microsoft::cloud::EndpointError) -> DesktopError {
    DesktopError::detail("endpoints", "app-error-endpoints", e)
}

/// Gives a core validation problem its stable code.
pub fn field_problem(field: &str, p: &Problem) -> FieldProblem {
    let m = p.message.as_str();
    let (code, n) = if m.starts_with("spaces or line breaks around the value were removed") {
        (Some("trimmed"), None)
    } else if m.starts_with("the braces around the GUID were removed") {
        (Some("braces"), None)
    } else if m.starts_with("is empty") {
        (Some("empty"), None)
    } else {
        match field {
            "tenant" if m.contains("is an email address") => (Some("tenant_email"), None),
            "tenant" if m.contains("is a URL") => (Some("tenant_url"), None),
            "tenant" if m.contains("neither a GUID nor a domain") => (Some("tenant_invalid"), None),
            "client_id" if m.contains("is not a GUID") => (Some("client_id_invalid"), None),
            "client_id" if m.contains("same as the Directory (tenant) ID") => {
                (Some("client_id_same_as_tenant"), None)
            }
            "secret" if m.starts_with("this looks like the Secret ID") => (Some("secret_id"), None),
            "secret" if m.starts_with("contains a space, tab or line break") => {
                (Some("secret_inner_whitespace"), None)
            }
            "secret" if m.starts_with("looks like a Secret ID") => (Some("secret_id_kept"), None),
            "secret" if m.starts_with("contains whitespace inside") => {
                (Some("secret_whitespace_kept"), None)
            }
            "secret" if m.contains("characters long") => (
                Some("secret_length"),
                m.split_whitespace().find_map(|w| w.parse::<u64>().ok()),
            ),
            "mailbox" | "probe_mailbox" => (Some("mailbox_invalid"), None),
            _ => (None, None),
        }
    };
    FieldProblem {
        field: field.to_string(),
        severity: p.severity,
        label: p.field.to_string(),
        code: code.map(str::to_string),
        n,
        message: p.message.clone(),
        msg: None,
        text: None,
    }
}

/// The outcome of validating one field while the admin types or pastes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldReport {
    /// The field.
    pub field: String,
    /// True when the value would be accepted.
    pub ok: bool,
    /// The value as it will be used (trimmed, lower-cased); never set for the secret.
    pub normalized: Option<String>,
    /// Errors and warnings.
    pub problems: Vec<FieldProblem>,
}

/// Validates one field with the core's validators. `other` is the tenant when `field` is
/// `client_id` (to catch the same GUID pasted twice). The secret is never echoed back.
pub fn validate_field(field: &str, value: &str, other: Option<&str>, i_know: bool) -> FieldReport {
    let mut report = FieldReport {
        field: field.to_string(),
        ok: false,
        normalized: None,
        problems: Vec::new(),
    };
    let problems = |ps: &[Problem]| ps.iter().map(|p| field_problem(field, p)).collect();
    match field {
        "tenant" => match validate::tenant(value) {
            Ok((v, w)) => {
                report.ok = true;
                report.normalized = Some(v);
                report.problems = problems(&w);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "client_id" => match validate::client_id(value) {
            Ok((v, w)) => {
                report.ok = true;
                report.problems = problems(&w);
                if let Some(p) = other
                    .and_then(|t| validate::tenant(t).ok())
                    .and_then(|(t, _)| validate::tenant_and_client(&t, &v))
                {
                    report.problems.push(field_problem(field, &p));
                }
                report.normalized = Some(v);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "secret" => match validate::secret(value, i_know) {
            Ok((_, w)) => {
                report.ok = true;
                report.problems = problems(&w);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "mailbox" | "probe_mailbox" => match validate::mailbox(value) {
            Ok(v) => {
                report.ok = true;
                report.normalized = Some(v);
            }
            Err(p) => report.problems = problems(&[p]),
        },
        "name" => match profiles::validate_name(value) {
            Ok(v) => {
                report.ok = true;
                report.normalized = Some(v);
            }
            Err(e) => {
                report.problems = DesktopError::from(e).problems;
            }
        },
        _ => {}
    }
    report
}

/// Parses an expiry typed by the admin: `YYYY-MM-DD` (end of that day, UTC, as the portal's
/// Expires column means) or RFC 3339. Refused with a catalog message (without the label).
pub fn parse_expiry(s: &str) -> Result<DateTime<Utc>, Msg> {
    let t = s.trim();
    let refused = |id: &str| Msg::new(id, args([("value", t)]));
    if let Ok(d) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return d
            .and_hms_opt(23, 59, 59)
            .map(|dt| dt.and_utc())
            .ok_or_else(|| refused("app-problem-expiry-bad-date"));
    }
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| refused("app-problem-expiry-not-date"))
}

pub(super) fn cancelled() -> DesktopError {
    DesktopError::plain("cancelled", "app-error-cancelled")
}
