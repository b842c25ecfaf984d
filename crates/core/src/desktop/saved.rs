//! The profiles view: every saved profile with its last verdict, checking them again (through
//! [`crate::bulk`]) and removing one.

use super::*;
use crate::bulk;
use crate::checks::{Check, Report, Status};
use crate::i18n::args;
use crate::store::keychain;
use crate::store::profiles::Profile;
use chrono::Utc;

impl Desktop {
    /// The saved profiles (for reminders; never the demo).
    pub fn saved_profiles(&self) -> Result<Vec<Profile>, DesktopError> {
        let store = self.lock().store.clone();
        Ok(store.load()?.profiles)
    }

    /// Opens a saved profile on its Secret expiry step (a reminder was clicked).
    pub fn open_profile_expiry(&self, name: &str) -> Result<View, DesktopError> {
        self.open_profile(name)?;
        self.go_to(Step::SecretExpiry)
    }

    /// Every saved profile with its last verdict and days to expiry.
    pub fn profiles(&self) -> Result<Vec<ProfileRow>, DesktopError> {
        let s = self.lock();
        let file = s.store.load()?;
        let now = Utc::now();
        let current = if s.is_demo() {
            None
        } else {
            s.state.draft.profile.clone()
        };
        Ok(file
            .profiles
            .iter()
            .map(|p| {
                row(
                    p,
                    now,
                    s.state.reminders.warn_days,
                    current.as_deref(),
                    s.lang(),
                )
            })
            .collect())
    }

    /// Checks saved profiles again (all of them when `names` is empty), eight at a time
    /// ([`crate::bulk::check_saved`]), and keeps each result with its profile. A profile whose
    /// secret is missing gets a failed `secret` check; a keychain that can't be reached stops the
    /// run.
    pub async fn recheck_profiles(
        &self,
        names: &[String],
    ) -> Result<Vec<ProfileRow>, DesktopError> {
        let (store, warn_days) = {
            let s = self.lock();
            (s.store.clone(), s.state.reminders.warn_days)
        };
        let file = store.load()?;
        let selected: Vec<Profile> = file
            .profiles
            .into_iter()
            .filter(|p| names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(&p.name)))
            .collect();
        let mut reports: Vec<Option<Report>> = vec![None; selected.len()];
        bulk::check_saved(&selected, 8, REQUEST_TIMEOUT, warn_days, refused, |i, r| {
            reports[i] = Some(r)
        })
        .await
        .map_err(|e| match e {
            bulk::Stop::Keychain(k) => DesktopError::from(k),
            bulk::Stop::Genesys(g) => genesys::setup_error(g),
        })?;
        let now = Utc::now();
        store.update(|f| {
            for (p, report) in selected.iter().zip(&reports) {
                if let (Some(q), Some(r)) = (f.get_mut(&p.name), report) {
                    q.record_check(r, now);
                }
            }
            Ok(())
        })?;
        self.profiles()
    }

    /// Removes a saved profile and its secret in the keychain (the secret first).
    pub fn remove_profile(&self, name: &str) -> Result<Vec<ProfileRow>, DesktopError> {
        {
            let mut s = self.lock();
            let p = s.saved(name)?;
            keychain::delete(&p.name, &p.secret_ref)?;
            if let Some(g) = &p.genesys {
                // Best effort: the profile goes either way; a stale entry names nothing.
                let _ = keychain::delete(&p.name, &g.secret_ref);
            }
            s.store.update(|f| {
                f.remove(&p.name);
                Ok(())
            })?;
            let open = s
                .state
                .draft
                .profile
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(&p.name));
            if open && !s.is_demo() {
                s.reset(None);
                s.persist();
            }
        }
        self.profiles()
    }
}

/// The failed check of a saved profile that could not be checked, in the app's words.
fn refused(p: &Profile, why: bulk::Unready) -> Report {
    Report::of(vec![match why {
        bulk::Unready::SecretMissing => Check::msg(
            "secret",
            Status::Fail,
            "app-check-secret-missing",
            args([("profile", p.name.clone())]),
        ),
        bulk::Unready::Endpoints(e) => Check::msg(
            "profile",
            Status::Fail,
            "app-check-profile-endpoints",
            args([("detail", e.to_string())]),
        ),
        bulk::Unready::Genesys(e) => genesys::part_unusable(p, e),
    }])
}
