//! Settings kept in the state file: the secret's expiry entered by hand, the reminder settings
//! and the UI's language.

use super::*;
use crate::i18n::{args, Msg};

impl Desktop {
    /// Records the secret's expiry entered by hand (`YYYY-MM-DD`).
    pub fn set_expiry(&self, date: &str) -> Result<View, DesktopError> {
        let when = parse_expiry(date).map_err(|m| {
            DesktopError::invalid(vec![FieldProblem::new(
                "expiry",
                "Secret expiry",
                "expiry_invalid",
                None,
                m,
            )])
        })?;
        let mut s = self.lock();
        s.update_target(|p| p.secret_expiry = Some(when))?;
        Ok(s.view())
    }

    /// Changes the reminder settings (`desktop`: desktop reminders on or off; `None` keeps it).
    pub fn set_reminders(
        &self,
        warn_days: u32,
        days: &[u32],
        desktop: Option<bool>,
    ) -> Result<View, DesktopError> {
        if warn_days > 365 {
            return Err(DesktopError::invalid(vec![FieldProblem::new(
                "warn_days",
                "Warning window",
                "warn_days_range",
                Some(365),
                Msg::new("app-problem-warn-days", args([("max", 365)])),
            )]));
        }
        let mut days: Vec<u32> = days
            .iter()
            .copied()
            .filter(|d| REMINDER_CHOICES.contains(d))
            .collect();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        let mut s = self.lock();
        let desktop = desktop.unwrap_or(s.state.reminders.desktop);
        s.state.reminders = Reminders {
            warn_days,
            days,
            desktop,
        };
        s.persist();
        Ok(s.view())
    }

    /// The reminder settings.
    pub fn reminder_settings(&self) -> Reminders {
        self.lock().state.reminders.clone()
    }

    /// The UI's language, for reminder texts (English until the UI said otherwise).
    pub fn language(&self) -> crate::reminders::Lang {
        self.lock()
            .state
            .lang
            .as_deref()
            .map(crate::reminders::Lang::parse_or_english)
            .unwrap_or_default()
    }

    /// Keeps the UI's language (`en`, `de`; anything else is English).
    pub fn set_language(&self, lang: &str) {
        let mut s = self.lock();
        let code = crate::reminders::Lang::parse_or_english(lang)
            .code()
            .to_string();
        if s.state.lang.as_deref() != Some(code.as_str()) {
            s.state.lang = Some(code);
            s.persist();
        }
    }
}
