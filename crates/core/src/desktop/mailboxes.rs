//! The mailboxes step: adding and removing mailboxes and the scope audit's probe mailbox.

use super::*;
use crate::i18n::args;
use crate::validate;

impl Desktop {
    /// Adds a mailbox (validated by the core).
    pub fn add_mailbox(&self, address: &str) -> Result<View, DesktopError> {
        let m = validate::mailbox(address)
            .map_err(|p| DesktopError::invalid(vec![field_problem("mailbox", &p)]))?;
        let mut s = self.lock();
        if s.state
            .draft
            .mailboxes
            .iter()
            .any(|x| x.eq_ignore_ascii_case(&m))
        {
            return Err(DesktopError::new(
                "duplicate",
                "app-error-mailbox-duplicate",
                args([("mailbox", m)]),
            ));
        }
        s.state.draft.mailboxes.push(m);
        let list = s.state.draft.mailboxes.clone();
        s.update_target(|p| p.mailboxes = list)?;
        s.persist();
        Ok(s.view())
    }

    /// Removes a mailbox.
    pub fn remove_mailbox(&self, address: &str) -> Result<View, DesktopError> {
        let mut s = self.lock();
        s.state
            .draft
            .mailboxes
            .retain(|x| !x.eq_ignore_ascii_case(address.trim()));
        let list = s.state.draft.mailboxes.clone();
        s.update_target(|p| p.mailboxes = list)?;
        // A live test from the removed mailbox is not about this integration any more.
        if s.state
            .live
            .as_ref()
            .is_some_and(|l| l.sender.eq_ignore_ascii_case(address.trim()))
        {
            s.state.live = None;
        }
        s.persist();
        Ok(s.view())
    }

    /// Sets (or clears, with `None` or an empty text) the scope audit's probe mailbox.
    pub fn set_probe_mailbox(&self, address: Option<&str>) -> Result<View, DesktopError> {
        let probe = match address.map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => Some(
                validate::mailbox(a)
                    .map_err(|p| DesktopError::invalid(vec![field_problem("probe_mailbox", &p)]))?,
            ),
            None => None,
        };
        let mut s = self.lock();
        if let Some(p) = &probe {
            if s.state
                .draft
                .mailboxes
                .iter()
                .any(|m| m.eq_ignore_ascii_case(p))
            {
                return Err(DesktopError::new(
                    "probe_configured",
                    "app-error-probe-configured",
                    args([("mailbox", p.clone())]),
                ));
            }
        }
        s.state.draft.probe_mailbox = probe;
        s.persist();
        Ok(s.view())
    }
}
