//! The profiles view: every saved profile with its last verdict, checking them again (through
//! [`crate::bulk`]) and removing one.

use super::*;
use crate::checks::{run_check_with, Check, CheckInput, Report, Status};
use crate::http::HttpClient;
use crate::i18n::args;
use crate::store::keychain::{self, KeychainError};
use crate::store::profiles::{Profile, ProfileError};
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

    /// Checks saved profiles again (all of them when `names` is empty), eight at a time, and
    /// keeps each result with its profile. A profile whose secret is missing gets a failed
    /// `secret` check; a keychain that can't be reached stops the run.
    pub async fn recheck_profiles(
        &self,
        names: &[String],
    ) -> Result<Vec<ProfileRow>, DesktopError> {
        let (store, warn_days) = {
            let s = self.lock();
            (s.store.clone(), s.state.reminders.warn_days)
        };
        let file = store.load()?;
        let selected: Vec<&Profile> = file
            .profiles
            .iter()
            .filter(|p| names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(&p.name)))
            .collect();
        let mut inputs = Vec::new();
        let mut slots: Vec<(String, Result<usize, Report>)> = Vec::new();
        for p in selected {
            let slot = match keychain::load(&p.name, &p.secret_ref) {
                Ok(secret) => match p.check_input(secret, REQUEST_TIMEOUT) {
                    Ok(mut input) => match genesys::saved_input(p) {
                        Ok(g) => {
                            input.expiry_warn_days = warn_days;
                            input.genesys = g;
                            inputs.push(input);
                            Ok(inputs.len() - 1)
                        }
                        Err(genesys::Unusable::Environment(e)) => return Err(e),
                        Err(genesys::Unusable::Part(c)) => Err(Report::of(vec![*c])),
                    },
                    Err(e) => Err(Report::of(vec![Check::msg(
                        "profile",
                        Status::Fail,
                        "app-check-profile-endpoints",
                        args([("detail", e.to_string())]),
                    )])),
                },
                Err(KeychainError::Missing { .. }) => Err(Report::of(vec![Check::msg(
                    "secret",
                    Status::Fail,
                    "app-check-secret-missing",
                    args([("profile", p.name.clone())]),
                )])),
                Err(e) => return Err(e.into()),
            };
            slots.push((p.name.clone(), slot));
        }
        let mut reports = check_many(&inputs).await;
        let now = Utc::now();
        store.update(|f| {
            for (name, slot) in &slots {
                let report = match slot {
                    Ok(i) => reports
                        .get_mut(*i)
                        .map(|r| std::mem::replace(r, Report::of(vec![]))),
                    Err(r) => Some(r.clone()),
                };
                if let (Some(p), Some(r)) = (f.get_mut(name), report) {
                    p.record_check(&r, now);
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
            let file = s.store.load()?;
            let p = file
                .get(name)
                .cloned()
                .ok_or_else(|| ProfileError::NotFound {
                    name: name.to_string(),
                    known: file.names(),
                })?;
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

/// Like [`crate::checks::run_many`] (eight at a time, one shared HTTP client), with each check
/// boxed as a `Send` future so the caller's future stays `Send` (async commands need that).
async fn check_many(inputs: &[CheckInput]) -> Vec<Report> {
    use futures::StreamExt;
    type Boxed<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Report> + Send + 'a>>;
    let http = HttpClient::new(REQUEST_TIMEOUT);
    let futures: Vec<Boxed<'_>> = inputs
        .iter()
        .map(|i| Box::pin(run_check_with(&http, i)) as Boxed<'_>)
        .collect();
    futures::stream::iter(futures).buffered(8).collect().await
}
