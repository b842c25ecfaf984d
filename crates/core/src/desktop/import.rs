//! Importing a config file in the app: first what the file holds and what importing it would do
//! (leave the demo, point the checks at a test endpoint), then — once the admin confirms — the
//! import itself, with a notice saying what was imported.

use super::{Desktop, DesktopError, Draft, Origin, Step, View};
use crate::i18n::{args, date_arg};
use crate::microsoft::cloud::is_loopback_host;
use crate::report::{Check, Status};
use crate::store::config::ConfigFile;
use crate::store::profiles;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// What a config file holds and what importing it would do, shown before anything changes.
#[derive(Clone, Debug, Serialize)]
pub struct ImportPreview {
    /// The file's name (without its folder).
    pub file: String,
    /// The profile name the import would use.
    pub name: String,
    /// Directory (tenant) ID or domain.
    pub tenant: String,
    /// Application (client) ID.
    pub client_id: String,
    /// Number of mailboxes.
    pub mailboxes: usize,
    /// The file's verdict when it was written.
    pub validated: bool,
    /// When its checks ran.
    pub checked_at: DateTime<Utc>,
    /// Importing ends the demo that is open now.
    pub leaves_demo: bool,
    /// Endpoint overrides in the file that are not Microsoft's (a test or demo set-up), e.g. a
    /// loopback address: imported, the checks would talk to them instead of Microsoft.
    pub test_endpoints: Vec<String>,
    /// What the admin should know, worded in the UI's language (warnings first).
    pub notes: Vec<Check>,
}

/// What a confirmed import did.
#[derive(Debug)]
pub struct ImportOutcome {
    /// The wizard afterwards.
    pub view: View,
    /// The demo was open and is closed now: the shell stops its emulator.
    pub ends_demo: bool,
}

fn test_endpoints(cfg: &ConfigFile) -> Vec<String> {
    [&cfg.login_url, &cfg.graph_url]
        .into_iter()
        .flatten()
        .filter(|u| {
            let official = [cfg.cloud.login_base(), cfg.cloud.graph_base()]
                .iter()
                .any(|b| b.trim_end_matches('/') == u.trim_end_matches('/'));
            !official
        })
        .cloned()
        .collect()
}

fn is_loopback(u: &str) -> bool {
    url::Url::parse(u).is_ok_and(|u| is_loopback_host(&u))
}

impl Desktop {
    /// Reads what importing `cfg` (from the file named `file`) would do and keeps it until
    /// [`Desktop::confirm_import`] or [`Desktop::cancel_import`]; nothing changes yet.
    pub fn preview_import(&self, cfg: ConfigFile, file: &str) -> ImportPreview {
        let mut s = self.lock();
        let lang = s.lang();
        let name = cfg
            .profile
            .as_deref()
            .and_then(|n| profiles::validate_name(n).ok())
            .unwrap_or_else(|| default_name(&cfg.tenant));
        let leaves_demo = s.is_demo();
        let endpoints = test_endpoints(&cfg);
        let mut notes = Vec::new();
        if leaves_demo {
            notes.push(Check::msg(
                "import",
                Status::Warn,
                "app-import-leaves-demo",
                crate::i18n::Args::new(),
            ));
        }
        for u in &endpoints {
            notes.push(Check::msg(
                "import",
                Status::Warn,
                if is_loopback(u) {
                    "app-import-loopback-endpoint"
                } else {
                    "app-import-other-endpoint"
                },
                args([("url", u.clone())]),
            ));
        }
        if !cfg.validated {
            notes.push(Check::msg(
                "import",
                Status::Warn,
                "app-import-not-validated",
                args([("date", date_arg(cfg.checked_at.date_naive()))]),
            ));
        }
        notes.push(Check::msg(
            "import",
            Status::Pass,
            "app-import-holds",
            args([
                ("name", serde_json::Value::from(name.clone())),
                ("tenant", cfg.tenant.clone().into()),
                ("client_id", cfg.client_id.clone().into()),
                ("mailboxes", cfg.mailboxes.len().into()),
                ("date", date_arg(cfg.checked_at.date_naive())),
            ]),
        ));
        let preview = ImportPreview {
            file: file.to_string(),
            name,
            tenant: cfg.tenant.clone(),
            client_id: cfg.client_id.clone(),
            mailboxes: cfg.mailboxes.len(),
            validated: cfg.validated,
            checked_at: cfg.checked_at,
            leaves_demo,
            test_endpoints: endpoints,
            notes: notes
                .iter()
                .map(|c| super::wording::for_app(c, lang))
                .collect(),
        };
        s.pending_import = Some((cfg, file.to_string()));
        preview
    }

    /// Imports the file kept by [`Desktop::preview_import`]. Test endpoints in it are kept only
    /// when `keep_test_endpoints` is set; otherwise the checks use the file's Microsoft cloud.
    pub fn confirm_import(&self, keep_test_endpoints: bool) -> Result<ImportOutcome, DesktopError> {
        let mut s = self.lock();
        let Some((cfg, file)) = s.pending_import.take() else {
            return Err(DesktopError::plain("no_import", "app-error-no-import"));
        };
        let ends_demo = s.is_demo();
        let dropped = test_endpoints(&cfg);
        s.reset(Some(Origin::Imported));
        let name = cfg
            .profile
            .as_deref()
            .and_then(|n| profiles::validate_name(n).ok())
            .unwrap_or_else(|| default_name(&cfg.tenant));
        let keep = |u: &Option<String>| -> Option<String> {
            match u {
                Some(u) if !keep_test_endpoints && dropped.contains(u) => None,
                other => other.clone(),
            }
        };
        s.state.draft = Draft {
            name: name.clone(),
            cloud: cfg.cloud,
            tenant: cfg.tenant.clone(),
            client_id: cfg.client_id.clone(),
            mailboxes: cfg.mailboxes.clone(),
            probe_mailbox: None,
            login_url: keep(&cfg.login_url),
            graph_url: keep(&cfg.graph_url),
            profile: None,
        };
        s.state.step = Step::AzureApp;
        s.state.furthest = Step::AzureApp;
        let endpoints_note = if dropped.is_empty() {
            "none"
        } else if keep_test_endpoints {
            "kept"
        } else {
            "dropped"
        };
        s.notices.push(Check::msg(
            "import",
            Status::Pass,
            "app-import-done",
            args([
                ("name", serde_json::Value::from(name)),
                ("file", file.into()),
                ("mailboxes", cfg.mailboxes.len().into()),
                ("endpoints", endpoints_note.into()),
                ("cloud", cfg.cloud.display_name().into()),
            ]),
        ));
        s.persist();
        Ok(ImportOutcome {
            view: s.view(),
            ends_demo,
        })
    }

    /// Forgets the file kept by [`Desktop::preview_import`]; nothing was changed.
    pub fn cancel_import(&self) -> View {
        let mut s = self.lock();
        s.pending_import = None;
        s.view()
    }
}

/// A profile name from the tenant's first label (e.g. `contoso` of `contoso.onmicrosoft.com`).
fn default_name(tenant: &str) -> String {
    let first = tenant.split('.').next().unwrap_or_default();
    profiles::validate_name(first).unwrap_or_else(|_| "integration".to_string())
}
