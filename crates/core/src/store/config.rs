//! The validated config file: what was set up and proof that it works, never the secret.
//!
//! JSON with a format name and version, described by a JSON Schema generated from these types
//! (schemars) and committed at `schema/graphwiz-config.v1.schema.json`; a test keeps the two in
//! sync. Import validates against that schema and then with the same field validators as the
//! wizard; every problem names its field by JSON pointer. Unknown fields are refused (a typo in
//! a hand-edited file must not be dropped silently); a newer version is refused with a clear
//! message.

use crate::i18n::{args, msg_arg, msgs_arg, Lang, Msg};
use crate::microsoft::cloud::{Cloud, Endpoints};
pub use crate::report::LiveTestSummary;
use crate::report::{Check, Report, Status};
use crate::store::profiles::{LastCheck, Profile};
use crate::validate;
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The value of `format`.
pub const FORMAT: &str = "graphwiz-config";
/// The version this graphwiz writes and reads.
pub const VERSION: u32 = 1;
/// Where the schema is published in the repository.
pub const SCHEMA_PATH: &str = "schema/graphwiz-config.v1.schema.json";
/// The committed schema, as import uses it.
pub const SCHEMA_JSON: &str = include_str!("../../../../schema/graphwiz-config.v1.schema.json");
/// Largest config file read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The format marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Format {
    /// A graphwiz configuration export.
    #[serde(rename = "graphwiz-config")]
    GraphwizConfig,
}

/// The client secret, described without its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecretInfo {
    /// First three characters, as the Azure portal shows them in Certificates & secrets.
    #[schemars(length(max = 3))]
    pub hint: Option<String>,
    /// When the secret expires, when known.
    pub expires: Option<DateTime<Utc>>,
}

/// The exported configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "graphwiz configuration",
    description = "A Microsoft Graph email integration of Genesys Cloud as set up and checked by graphwiz. It never contains the client secret."
)]
pub struct ConfigFile {
    /// Optional reference to this schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `graphwiz-config`.
    pub format: Format,
    /// Format version.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The program and version that wrote the file.
    pub written_by: String,
    /// When the file was written.
    pub written_at: DateTime<Utc>,
    /// True only when every claim the setup needs is proven (`claims`): the Azure app, each
    /// mailbox, mail flow (a passing live test from one of them), the secret not expiring, and
    /// with a Genesys Cloud part its configuration and the secret it uses.
    pub validated: bool,
    /// What was proved, what failed and what is still unknown, claim by claim.
    #[serde(default)]
    pub claims: Vec<crate::store::evidence::Claim>,
    /// Name of the profile it came from.
    pub profile: Option<String>,
    /// The Microsoft cloud.
    pub cloud: Cloud,
    /// Directory (tenant) ID or domain, as entered.
    #[schemars(length(min = 1, max = 253))]
    pub tenant: String,
    /// The resolved Directory (tenant) ID.
    #[schemars(regex(
        pattern = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    ))]
    pub tenant_id: Option<String>,
    /// Application (client) ID.
    #[schemars(regex(
        pattern = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    ))]
    pub client_id: String,
    /// The OAuth 2.0 token endpoint (v2) to enter in Genesys Cloud.
    pub token_endpoint: Option<String>,
    /// Login base-URL override (demo and test set-ups only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_url: Option<String>,
    /// Graph base-URL override (demo and test set-ups only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph_url: Option<String>,
    /// Mailboxes the integration serves.
    pub mailboxes: Vec<String>,
    /// The client secret, without its value.
    pub secret: SecretInfo,
    /// When the checks ran.
    pub checked_at: DateTime<Utc>,
    /// Every check and its verdict.
    pub checks: Vec<Check>,
    /// The live send/receive test, when one ran.
    pub live_test: Option<LiveTestSummary>,
}

impl ConfigFile {
    /// Builds the export of a profile and the report of its checks.
    pub fn build(profile: &Profile, report: &Report, checked_at: DateTime<Utc>) -> Self {
        // The claims of the profile as it stands with this check run (its own last check keeps
        // the basis it ran on; a new run is on today's).
        let mut judged = profile.clone();
        if profile.last_check.as_ref().map(|l| &l.report) != Some(report) {
            judged.record_check(report, checked_at);
        }
        let evidence = crate::store::evidence::evidence(
            &judged,
            Utc::now(),
            crate::microsoft::expiry::DEFAULT_WARN_DAYS,
        );
        // The file carries the live test, not this computer's record of what it ran on.
        let live = profile.last_live_test.clone().map(|mut l| {
            l.basis = None;
            l
        });
        let endpoints = profile.endpoints().ok();
        let tenant_id = report
            .tenant_id
            .clone()
            .or_else(|| profile.tenant_id.clone());
        let token_endpoint = report.token_endpoint.clone().or_else(|| {
            let e = endpoints.as_ref()?;
            tenant_id.as_deref().map(|t| e.token_url(t))
        });
        ConfigFile {
            schema: None,
            format: Format::GraphwizConfig,
            version: VERSION,
            written_by: format!("graphwiz {}", crate::VERSION),
            written_at: Utc::now(),
            validated: evidence.validated,
            claims: evidence.claims,
            profile: Some(profile.name.clone()).filter(|n| !n.is_empty()),
            cloud: profile.cloud,
            tenant: profile.tenant.clone(),
            tenant_id,
            client_id: profile.client_id.clone(),
            token_endpoint,
            login_url: profile.login_url.clone(),
            graph_url: profile.graph_url.clone(),
            mailboxes: profile.mailboxes.clone(),
            secret: SecretInfo {
                hint: profile.secret_hint.clone(),
                expires: profile.secret_expiry,
            },
            checked_at,
            // A mailbox removed since the check is not part of this integration any more.
            checks: report
                .checks
                .iter()
                .filter(|c| {
                    c.id != "mailbox_access"
                        || c.mailbox.as_deref().is_none_or(|m| {
                            profile.mailboxes.iter().any(|x| x.eq_ignore_ascii_case(m))
                        })
                })
                .cloned()
                .collect(),
            live_test: live,
        }
    }

    /// Pretty JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The profile this file describes (the secret must be supplied again).
    pub fn to_profile(&self, name: &str, secret_ref: &str, secret_hint: Option<String>) -> Profile {
        Profile {
            name: name.to_string(),
            cloud: self.cloud,
            tenant: self.tenant.clone(),
            tenant_id: self.tenant_id.clone(),
            client_id: self.client_id.clone(),
            mailboxes: self.mailboxes.clone(),
            login_url: self.login_url.clone(),
            graph_url: self.graph_url.clone(),
            secret_ref: secret_ref.to_string(),
            secret_hint: secret_hint.or_else(|| self.secret.hint.clone()),
            secret_expiry: self.secret.expires,
            last_check: Some(LastCheck {
                at: self.checked_at,
                report: Report {
                    ok: self.checks.iter().all(|c| c.status != Status::Fail),
                    tenant_id: self.tenant_id.clone(),
                    token_endpoint: self.token_endpoint.clone(),
                    checks: self.checks.clone(),
                    secret_expires: self.secret.expires,
                    throttled: None,
                },
                basis: None,
            }),
            last_live_test: self.live_test.clone(),
            genesys: None,
        }
    }
}

/// The JSON Schema generated from the types (what `SCHEMA_PATH` must hold).
pub fn generated_schema() -> String {
    let schema = schemars::schema_for!(ConfigFile);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// One problem of an imported file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportProblem {
    /// JSON pointer of the field ("" for the whole document).
    pub pointer: String,
    /// What is wrong and what to do, in English (the text of `msg`).
    pub message: String,
    /// The same as a catalog message, for the faces to word.
    pub msg: Msg,
}

/// Why a file could not be imported. [`ImportError::msg`] is its catalog message (`store-import-*`
/// in `i18n/{en,de}-store.ftl`); `Display` is its English text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file could not be read.
    Read {
        /// The file.
        path: String,
        /// What failed.
        detail: Msg,
    },
    /// Not JSON.
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What the parser said.
        detail: String,
    },
    /// Written by a newer graphwiz.
    FutureVersion {
        /// Its version.
        found: u64,
    },
    /// Fields that are wrong.
    Invalid(Vec<ImportProblem>),
}

impl ImportError {
    /// The catalog message of this error, for the faces to word in their language.
    pub fn msg(&self) -> Msg {
        match self {
            ImportError::Read { path, detail } => Msg::new(
                "store-import-read",
                args([("path", path.as_str().into()), ("detail", msg_arg(detail))]),
            ),
            ImportError::Syntax {
                line,
                column,
                detail,
            } => Msg::new(
                "store-import-syntax",
                args([
                    ("line", serde_json::Value::from(*line)),
                    ("column", (*column).into()),
                    ("detail", detail.as_str().into()),
                ]),
            ),
            ImportError::FutureVersion { found } => Msg::new(
                "store-import-future",
                args([("found", *found), ("supported", u64::from(VERSION))]),
            ),
            ImportError::Invalid(problems) => {
                let lines: Vec<Msg> = problems
                    .iter()
                    .map(|p| {
                        Msg::new(
                            "store-import-problem",
                            args([
                                (
                                    "pointer",
                                    serde_json::Value::from(if p.pointer.is_empty() {
                                        "/"
                                    } else {
                                        p.pointer.as_str()
                                    }),
                                ),
                                ("problem", msg_arg(&p.msg)),
                            ]),
                        )
                    })
                    .collect();
                Msg::new(
                    "store-import-invalid",
                    args([("problems", msgs_arg(&lines))]),
                )
            }
        }
    }

    /// The error in `lang`; the problems of an invalid file one per line.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            // Worded line by line: nested messages are joined by spaces.
            ImportError::Invalid(problems) => {
                let mut out = Msg::new("store-import-invalid", args([("problems", "")])).text(lang);
                for p in problems {
                    let pointer = if p.pointer.is_empty() {
                        "/"
                    } else {
                        &p.pointer
                    };
                    out.push_str(&format!("\n  {pointer}: {}", p.msg.text(lang)));
                }
                out
            }
            other => other.msg().text(lang),
        }
    }
}

impl std::fmt::Display for ImportError {
    /// English, from the catalog.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ImportError {}

fn problem(pointer: impl Into<String>, msg: Msg) -> ImportProblem {
    ImportProblem {
        pointer: pointer.into(),
        message: msg.text(Lang::En),
        msg,
    }
}

fn plain(pointer: impl Into<String>, id: &str) -> ImportProblem {
    problem(pointer, Msg::plain(id))
}

/// A message that is someone else's words (a validator's, a library's), as they are.
fn words(id: &str, detail: impl Into<String>) -> Msg {
    Msg::new(id, args([("detail", detail.into())]))
}

/// A field validator's problem with its field's label in front.
fn labelled(field: &str, m: &Msg) -> Msg {
    Msg::new(
        "validate-labelled",
        args([
            (
                "label",
                msg_arg(&Msg::new(
                    "validate-field",
                    args([("field", validate::field_key(field))]),
                )),
            ),
            ("problem", msg_arg(m)),
        ]),
    )
}

/// Reads and validates a config file.
pub fn read(path: &Path) -> Result<ConfigFile, ImportError> {
    let fail = |detail: Msg| ImportError::Read {
        path: path.display().to_string(),
        detail,
    };
    let io = |e: std::io::Error| fail(words("store-json-detail", e.to_string()));
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(Msg::new(
            "store-import-too-large",
            args([("bytes", meta.len())]),
        )));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|_| fail(Msg::plain("store-import-not-utf8")))?;
    parse(&text)
}

/// Validates a config document: JSON syntax, version, schema, then the field validators.
pub fn parse(text: &str) -> Result<ConfigFile, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| ImportError::Syntax {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
    let Some(obj) = value.as_object() else {
        return Err(ImportError::Invalid(vec![plain(
            "",
            "store-import-not-object",
        )]));
    };
    if obj.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::Invalid(vec![problem(
            "/format",
            Msg::new("store-import-format", args([("format", FORMAT)])),
        )]));
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        None => {
            return Err(ImportError::Invalid(vec![plain(
                "/version",
                "store-import-version",
            )]))
        }
        Some(v) if v > u64::from(VERSION) => return Err(ImportError::FutureVersion { found: v }),
        Some(_) => {}
    }
    let problems = schema_problems(&value);
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    let cfg: ConfigFile = serde_path_to_error::deserialize(&value).map_err(|e| {
        ImportError::Invalid(vec![problem(
            pointer_of(e.path()),
            words("store-json-detail", e.inner().to_string()),
        )])
    })?;
    let problems = field_problems(&cfg);
    if problems.is_empty() {
        Ok(cfg)
    } else {
        Err(ImportError::Invalid(problems))
    }
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{}", key.replace('~', "~0").replace('/', "~1"))),
            Segment::Enum { variant } => Some(format!("/{variant}")),
            Segment::Unknown => None,
        })
        .collect()
}

fn schema_problems(value: &serde_json::Value) -> Vec<ImportProblem> {
    let schema: serde_json::Value = match serde_json::from_str(SCHEMA_JSON) {
        Ok(s) => s,
        Err(e) => {
            return vec![problem(
                "",
                words("store-import-schema-unreadable", e.to_string()),
            )]
        }
    };
    let validator = match jsonschema::validator_for(&schema) {
        Ok(v) => v,
        Err(e) => {
            return vec![problem(
                "",
                words("store-import-schema-invalid", e.to_string()),
            )]
        }
    };
    let mut out: Vec<ImportProblem> = validator
        .iter_errors(value)
        .map(|e| {
            let message = e.to_string();
            // A GUID pattern reads better in words than as a regular expression; the validator's
            // other messages are its own (English) words.
            let msg = match message.split_once(" does not match \"^[0-9a-fA-F]{8}-") {
                Some((value, _)) => {
                    Msg::new("store-import-not-guid-pattern", args([("value", value)]))
                }
                None => words("store-json-detail", message),
            };
            problem(e.instance_path().to_string(), msg)
        })
        .collect();
    out.sort_by(|a, b| a.pointer.cmp(&b.pointer));
    out.dedup();
    out
}

fn field_problems(cfg: &ConfigFile) -> Vec<ImportProblem> {
    let mut out = Vec::new();
    let tenant_ok = validate::tenant(&cfg.tenant)
        .map_err(|p| out.push(problem("/tenant", labelled(p.field, &p.msg))))
        .is_ok();
    if let Some(t) = &cfg.tenant_id {
        if !validate::is_guid(t) {
            out.push(problem(
                "/tenant_id",
                labelled(
                    validate::FIELD_TENANT,
                    &Msg::new("store-import-not-guid", args([("value", t.as_str())])),
                ),
            ));
        }
    }
    if let Err(p) = validate::client_id(&cfg.client_id) {
        out.push(problem("/client_id", labelled(p.field, &p.msg)));
    }
    for (i, m) in cfg.mailboxes.iter().enumerate() {
        if let Err(p) = validate::mailbox(m) {
            out.push(problem(
                format!("/mailboxes/{i}"),
                labelled(p.field, &p.msg),
            ));
        }
    }
    match Endpoints::new(
        cfg.cloud,
        cfg.login_url.as_deref(),
        cfg.graph_url.as_deref(),
    ) {
        Err(e) => {
            let ptr = if cfg.login_url.is_some()
                && Endpoints::new(cfg.cloud, cfg.login_url.as_deref(), None).is_err()
            {
                "/login_url"
            } else {
                "/graph_url"
            };
            // The endpoint check's own (English) words.
            out.push(problem(ptr, words("store-json-detail", e.to_string())));
        }
        Ok(endpoints) => {
            if let (Some(te), Some(tid)) = (&cfg.token_endpoint, &cfg.tenant_id) {
                let want = endpoints.token_url(tid);
                if tenant_ok && !te.eq_ignore_ascii_case(&want) {
                    out.push(problem(
                        "/token_endpoint",
                        Msg::new(
                            "store-import-token-endpoint",
                            args([
                                ("value", te.as_str()),
                                ("tenant", tid.as_str()),
                                ("cloud", cfg.cloud.display_name()),
                                ("expected", want.as_str()),
                            ]),
                        ),
                    ));
                }
            }
        }
    }
    if let Some(h) = &cfg.secret.hint {
        if h.chars().count() > 3 {
            out.push(plain("/secret/hint", "store-import-hint"));
        }
    }
    if cfg.validated && cfg.checks.iter().any(|c| c.status == Status::Fail) {
        out.push(plain("/validated", "store-import-validated"));
    }
    out
}

/// Why an export could not be written. [`ExportError::msg`] is its catalog message; `Display`
/// is its English text.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The target exists and `force` was not given.
    #[error("{}", self.msg())]
    Exists(String),
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] crate::store::profiles::ProfileError),
}

impl ExportError {
    /// The catalog message of this error, for the faces to word in their language.
    pub fn msg(&self) -> Msg {
        match self {
            ExportError::Exists(path) => {
                Msg::new("store-export-exists", args([("path", path.as_str())]))
            }
            ExportError::Write(e) => e.msg(),
        }
    }
}

/// Writes the file atomically; refuses to replace an existing file unless `force`.
pub fn write(path: &Path, cfg: &ConfigFile, force: bool) -> Result<(), ExportError> {
    if !force && path.exists() {
        return Err(ExportError::Exists(path.display().to_string()));
    }
    crate::store::profiles::write_atomic(path, cfg.to_json().as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_problems_are_worded_in_german() {
        let text = r#"{"format":"graphwiz-config","version":1}"#;
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        value["tenant"] = "admin@contoso.com".into();
        let cfg_problems = {
            let mut v = Vec::new();
            if let Err(p) = validate::tenant(value["tenant"].as_str().unwrap()) {
                v.push(problem("/tenant", labelled(p.field, &p.msg)));
            }
            v.push(plain("/validated", "store-import-validated"));
            v
        };
        let e = ImportError::Invalid(cfg_problems);
        let en = e.to_string();
        assert_eq!(
            en,
            "the file is not a valid graphwiz config:\n  /tenant: Directory (tenant) ID: 'admin@contoso.com' is an email address; enter the Directory (tenant) ID (a GUID) or just the domain after the @\n  /validated: is true although a check failed; the file was edited by hand"
        );
        let de = e.text(Lang::De);
        assert!(
            de.starts_with("Die Datei ist keine gültige graphwiz-Konfiguration:\n  /tenant: Verzeichnis-ID (Mandant): „admin@contoso.com“ ist eine E-Mail-Adresse"),
            "{de}"
        );
        assert!(de.ends_with("\n  /validated: ist true, obwohl eine Prüfung fehlgeschlagen ist; die Datei wurde von Hand bearbeitet"), "{de}");
        // The message form (for faces) holds the same words.
        assert!(e
            .msg()
            .text(Lang::De)
            .contains("/tenant: Verzeichnis-ID (Mandant):"));

        let e = parse(r#"{"format":"graphwiz-config","version":9}"#).unwrap_err();
        assert!(e.msg().text(Lang::De).contains("Formatversion 9"), "{e}");
        let e = ImportError::Read {
            path: "x.json".into(),
            detail: Msg::plain("store-import-not-utf8"),
        };
        assert_eq!(
            e.to_string(),
            "could not read x.json: it is not UTF-8 text; a graphwiz config is JSON"
        );
        assert_eq!(
            e.text(Lang::De),
            "x.json konnte nicht gelesen werden: sie ist kein UTF-8-Text; eine graphwiz-Konfiguration ist JSON"
        );
        let e = ExportError::Exists("out.json".into());
        assert!(e.to_string().contains("exists already") && e.to_string().contains("--force"));
        assert!(e.msg().text(Lang::De).contains("--force"));
    }
}
