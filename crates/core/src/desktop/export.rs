//! Files the wizard writes and reads: the validated config export, the expiry calendar file,
//! their default names, values to copy, and reading a config file for import.

use super::*;
use crate::microsoft::expiry;
use crate::store::config::{ConfigFile, ImportError};
use crate::store::profiles;
use chrono::Utc;
use std::path::Path;

/// A file name made from a profile name: letters, digits, `-`, `_`, `.`; others become `-`.
pub fn file_stem(name: &str) -> String {
    let s: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches(['-', '.']).to_string();
    if s.is_empty() {
        "graphwiz".to_string()
    } else {
        s
    }
}

impl Desktop {
    /// The default file name of the export (`<profile>.graphwiz.json`).
    pub fn export_file_name(&self) -> String {
        let s = self.lock();
        format!("{}.graphwiz.json", file_stem(&s.state.draft.name))
    }

    /// The default file name of the calendar file (`<profile>-secret-expiry.ics`).
    pub fn calendar_file_name(&self) -> String {
        let s = self.lock();
        format!("{}-secret-expiry.ics", file_stem(&s.state.draft.name))
    }

    /// Whether an export would be refused, asked before the save dialog opens so the admin
    /// learns it before choosing a file: no checks run yet, or a check failed and
    /// `allow_failed` ("export anyway") is not ticked.
    pub fn export_refusal(&self, allow_failed: bool) -> Result<(), DesktopError> {
        self.export_file(allow_failed).map(|_| ())
    }

    /// The config file an export writes, or why it is refused (see [`Self::export_refusal`]).
    fn export_file(&self, allow_failed: bool) -> Result<ConfigFile, DesktopError> {
        let s = self.lock();
        let p = s.target()?;
        let Some(last) = &p.last_check else {
            return Err(DesktopError::plain("not_checked", "app-error-not-checked"));
        };
        let cfg = ConfigFile::build(&p, &last.report, last.at);
        if !cfg.validated && !allow_failed {
            return Err(DesktopError::plain(
                "not_validated",
                "app-error-not-validated",
            ));
        }
        Ok(cfg)
    }

    /// Writes the validated config file (never the secret) of the last check to `path`,
    /// replacing it (the save dialog asked). Refused when a check failed, unless `allow_failed`.
    pub fn export_config(
        &self,
        path: &Path,
        allow_failed: bool,
    ) -> Result<ConfigFile, DesktopError> {
        let cfg = self.export_file(allow_failed)?;
        crate::store::config::write(path, &cfg, true)
            .map_err(|e| DesktopError::detail("write", "app-error-write", e))?;
        Ok(cfg)
    }

    /// Writes an iCalendar file with the secret's expiry (all-day event, alarms before it).
    pub fn save_calendar(&self, path: &Path) -> Result<(), DesktopError> {
        let s = self.lock();
        let p = s.target()?;
        let Some(entry) = p.calendar_entry(Utc::now()) else {
            return Err(DesktopError::plain(
                "expiry_unknown",
                "app-error-expiry-unknown",
            ));
        };
        // The alarms are the desktop reminders' days: one setting for both.
        let ics = expiry::calendar_in(&[entry], &s.state.reminders.days, s.lang());
        profiles::write_atomic(path, ics.as_bytes())?;
        Ok(())
    }

    /// A value the summary offers to copy: `token_endpoint`, `client_id` or `tenant_id`.
    pub fn copy_value(&self, what: &str) -> Result<String, DesktopError> {
        let v = self.view().summary;
        let value = match what {
            "token_endpoint" => v.token_endpoint,
            "client_id" => Some(v.client_id).filter(|c| !c.is_empty()),
            "tenant_id" => v.tenant_id,
            _ => None,
        };
        value.ok_or_else(|| DesktopError::plain("nothing_to_copy", "app-error-nothing-to-copy"))
    }
}

/// Reads a config file for import, with the core's validation.
pub fn read_config(path: &Path) -> Result<ConfigFile, DesktopError> {
    crate::store::config::read(path).map_err(|e| match e {
        ImportError::Read { .. } => DesktopError::detail("read", "app-error-read", e),
        _ => DesktopError::detail("import", "app-error-import", e),
    })
}
