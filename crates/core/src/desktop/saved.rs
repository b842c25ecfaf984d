//! The profiles view: every saved profile with its last verdict, checking them again (through
//! [`crate::bulk`]) and removing one.

use super::*;
use crate::bulk;
use crate::checks::{Check, Report, Status};
use crate::i18n::args;
use crate::store::keychain;
use crate::store::profiles::Profile;
use chrono::Utc;
use serde::Serialize;

/// How far a recheck of saved profiles is: sent once before the first check (`done` 0, no
/// row) and once per profile as its check finishes.
#[derive(Clone, Debug, Serialize)]
pub struct RecheckProgressView {
    /// Profiles checked so far.
    pub done: usize,
    /// Profiles in this run.
    pub total: usize,
    /// The new row of the profile whose check just finished.
    pub row: Option<ProfileRow>,
    /// The profiles still being checked.
    pub checking: Vec<String>,
}

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
        self.recheck_profiles_with(names, &|_| {}).await
    }

    /// [`Desktop::recheck_profiles`], telling `progress` first which profiles are checked
    /// (`done` 0), then each profile's new row as its check finishes.
    pub async fn recheck_profiles_with(
        &self,
        names: &[String],
        progress: &(dyn Fn(RecheckProgressView) + Send + Sync),
    ) -> Result<Vec<ProfileRow>, DesktopError> {
        let (store, warn_days, current, lang) = {
            let s = self.lock();
            let current = if s.is_demo() {
                None
            } else {
                s.state.draft.profile.clone()
            };
            (
                s.store.clone(),
                s.state.reminders.warn_days,
                current,
                s.lang(),
            )
        };
        let file = store.load()?;
        let selected: Vec<Profile> = file
            .profiles
            .into_iter()
            .filter(|p| names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(&p.name)))
            .collect();
        let total = selected.len();
        let mut checking: Vec<String> = selected.iter().map(|p| p.name.clone()).collect();
        progress(RecheckProgressView {
            done: 0,
            total,
            row: None,
            checking: checking.clone(),
        });
        let mut reports: Vec<Option<Report>> = vec![None; selected.len()];
        let mut done = 0;
        bulk::check_saved(&selected, 8, REQUEST_TIMEOUT, warn_days, refused, |i, r| {
            let now = Utc::now();
            let mut p = selected[i].clone();
            p.record_check(&r, now);
            checking.retain(|n| n != &p.name);
            done += 1;
            progress(RecheckProgressView {
                done,
                total,
                row: Some(row(&p, now, warn_days, current.as_deref(), lang)),
                checking: checking.clone(),
            });
            reports[i] = Some(r);
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
