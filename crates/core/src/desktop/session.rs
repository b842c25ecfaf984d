//! The session behind [`Desktop`]: the saved state, the demo's secrets in memory, the integration
//! in the wizard (its profile, secret and check input) and the [`View`] built from them.

use super::*;
use crate::checks::{Check, CheckInput, Report, Status};
use crate::microsoft::expiry::{self, ExpiryState};
use crate::microsoft::portal;
use crate::secret::ClientSecret;
use crate::store::config::ConfigFile;
use crate::store::keychain;
use crate::store::profiles::{self, Profile, ProfileError, ProfileStore};
use crate::validate;
use chrono::Utc;
use std::path::PathBuf;

pub(super) struct Session {
    pub(super) store: ProfileStore,
    pub(super) state_path: PathBuf,
    pub(super) state: PersistedState,
    /// The demo secret (memory only).
    pub(super) demo_secret: Option<ClientSecret>,
    pub(super) demo_base_url: Option<String>,
    pub(super) demo_mailboxes: Vec<DemoMailbox>,
    /// Bumped whenever the integration in the wizard changes; results of older runs are dropped.
    pub(super) generation: u64,
    /// The saved profile in the wizard whose secret was found missing from the keychain.
    pub(super) secret_missing: Option<String>,
    /// The demo's Genesys Cloud organization (its secret in memory only).
    pub(super) demo_genesys: Option<DemoGenesys>,
    /// Notices shown until dismissed (checks worded from the catalog).
    pub(super) notices: Vec<Check>,
    /// The troubleshooter's last walk (memory only), for this integration.
    pub(super) diagnosis: Option<troubleshoot::LastWalk>,
    /// The demo's secrets during a rotation (memory only).
    pub(super) demo_vault: Option<crate::rotate::MemoryVault>,
    /// The last rotation's outcome (memory only).
    pub(super) rotation: Option<rotate::RotationRecord>,
    /// A config file read for import, waiting for the admin's confirmation, with its file name.
    pub(super) pending_import: Option<(ConfigFile, String)>,
    /// The last "create it for me" outcome (memory only).
    pub(super) app_setup: Option<app_setup::SetupRecord>,
    /// The demo's secrets during a setup (memory only).
    pub(super) setup_vault: Option<crate::rotate::MemoryVault>,
    /// A repair plan and the administrator's token, waiting for the admin's yes (memory only).
    pub(super) pending_fix: Option<app_setup::PendingFix>,
}

impl Session {
    pub(super) fn persist(&self) {
        // Best effort: the state file only saves the admin some typing after a restart.
        if let Ok(text) = serde_json::to_string_pretty(&self.state) {
            let _ = profiles::write_atomic(&self.state_path, text.as_bytes());
        }
    }

    pub(super) fn is_demo(&self) -> bool {
        self.state.origin == Some(Origin::Demo) && self.state.demo.is_some()
    }

    /// The integration in the wizard, once its Azure app was confirmed.
    pub(super) fn target(&self) -> Result<Profile, DesktopError> {
        if self.is_demo() {
            return match &self.state.demo {
                Some(d) if d.confirmed => Ok(d.profile.clone()),
                _ => Err(DesktopError::no_target()),
            };
        }
        let Some(name) = &self.state.draft.profile else {
            return Err(DesktopError::no_target());
        };
        self.saved(name)
    }

    /// The saved profile `name`.
    pub(super) fn saved(&self, name: &str) -> Result<Profile, DesktopError> {
        let file = self.store.load()?;
        file.get(name).cloned().ok_or_else(|| {
            DesktopError::from(ProfileError::NotFound {
                name: name.to_string(),
                known: file.names(),
            })
        })
    }

    pub(super) fn secret_of(&self, p: &Profile) -> Result<ClientSecret, DesktopError> {
        if self.is_demo() {
            return self
                .demo_secret
                .clone()
                .ok_or_else(|| DesktopError::plain("demo_stopped", "app-error-demo-stopped"));
        }
        Ok(keychain::load(&p.name, &p.secret_ref)?)
    }

    /// Keeps the outcome of a live or pickup test (started at `generation`): the checks in the
    /// profile, what the test step shows (`shown`: its checks' ids) in the wizard's state; the
    /// view after it. An outcome from before a restart or another integration is dropped.
    pub(super) fn record_test(
        &mut self,
        generation: u64,
        live: &crate::microsoft::livetest::LiveReport,
        shown_ids: &[&str],
        sender: String,
        recipient: String,
        pickup: bool,
    ) -> Result<View, DesktopError> {
        if generation != self.generation {
            return Ok(self.view());
        }
        let now = Utc::now();
        let summary = live.summary.clone();
        self.update_target(|p| {
            p.record_check(&live.report, now);
            if let Some(sum) = summary {
                p.record_live(sum);
            }
        })?;
        let (shown, ok) = super::steps::shown_test(&live.report, shown_ids, &sender, &recipient);
        // A test the admin cancelled proved nothing (its summary says so).
        let ok = ok && live.summary.as_ref().is_none_or(|x| x.ok);
        let pickup_latency_ms = pickup
            .then(|| {
                shown
                    .iter()
                    .find(|c| c.id == "pickup" && c.status == Status::Pass)
                    .and_then(|c| c.latency_ms)
            })
            .flatten();
        self.state.live = Some(LiveResult {
            ran_at: now,
            ok,
            sender,
            recipient,
            latency_ms: live.summary.as_ref().and_then(|x| x.latency_ms),
            checks: shown,
            polls: live.wait_requests,
            pickup,
            pickup_latency_ms,
        });
        self.persist();
        Ok(self.view())
    }

    /// Changes the target profile (saved: profiles.json; demo: memory) and returns it.
    pub(super) fn update_target(
        &mut self,
        f: impl FnOnce(&mut Profile),
    ) -> Result<Profile, DesktopError> {
        if self.is_demo() {
            let Some(d) = self.state.demo.as_mut() else {
                return Err(DesktopError::no_target());
            };
            f(&mut d.profile);
            let p = d.profile.clone();
            self.persist();
            return Ok(p);
        }
        let Some(name) = self.state.draft.profile.clone() else {
            return Err(DesktopError::no_target());
        };
        let p = self.store.update(|file| {
            let known = file.names();
            let p = file.get_mut(&name).ok_or(ProfileError::NotFound {
                name: name.clone(),
                known,
            })?;
            f(p);
            Ok(p.clone())
        })?;
        Ok(p)
    }

    /// Like [`Session::check_input`]; remembers a secret found missing from the keychain.
    pub(super) fn check_input_noting(&mut self) -> Result<(CheckInput, u64), DesktopError> {
        self.check_input_full_noting().map(|(i, g, _)| (i, g))
    }

    /// The check input with its Genesys half, and a failed check to add when the profile's
    /// Genesys part can't be used (its secret gone from the keychain, …).
    pub(super) fn check_input_full_noting(
        &mut self,
    ) -> Result<(CheckInput, u64, Option<Check>), DesktopError> {
        let r = self.check_input();
        self.noting(r)
    }

    /// Remembers a secret found missing from the keychain (the Azure app step then asks for it).
    pub(super) fn noting<T>(&mut self, r: Result<T, DesktopError>) -> Result<T, DesktopError> {
        if let Err(e) = &r {
            if e.code == "secret_missing" {
                self.secret_missing = self.state.draft.profile.clone();
            }
        }
        r
    }

    pub(super) fn check_input(&self) -> Result<(CheckInput, u64, Option<Check>), DesktopError> {
        self.check_input_for(self.target()?)
    }

    /// The integration the troubleshooter walks: the wizard's, and in the demo the demo tenant
    /// from its start (its Azure app is given by the demo, there is nothing to confirm first).
    pub(super) fn walk_target(&self) -> Result<Profile, DesktopError> {
        match (&self.state.demo, self.is_demo()) {
            (Some(d), true) => Ok(d.profile.clone()),
            _ => self.target(),
        }
    }

    /// The check input of profile `p` (the wizard's integration), with its Genesys half.
    pub(super) fn check_input_for(
        &self,
        p: Profile,
    ) -> Result<(CheckInput, u64, Option<Check>), DesktopError> {
        let secret = self.secret_of(&p)?;
        let mut input = p
            .check_input(secret, REQUEST_TIMEOUT)
            .map_err(endpoint_error)?;
        input.mailboxes = self.state.draft.mailboxes.clone();
        input.probe_mailbox = self.state.draft.probe_mailbox.clone();
        input.expiry_warn_days = self.state.reminders.warn_days;
        input.azure_tenant_id = p.tenant_id.clone();
        let unusable = match self.genesys_input(&p, &input.mailboxes) {
            Ok(g) => {
                input.genesys = g;
                None
            }
            Err(genesys::Unusable::Environment(e)) => return Err(e),
            Err(genesys::Unusable::Part(check)) => Some(*check),
        };
        Ok((input, self.generation, unusable))
    }

    pub(super) fn record(&mut self, generation: u64, report: &Report) -> Result<(), DesktopError> {
        if generation != self.generation {
            return Ok(());
        }
        let now = Utc::now();
        self.update_target(|p| p.record_check(report, now))?;
        Ok(())
    }

    pub(super) fn reset(&mut self, origin: Option<Origin>) {
        self.generation += 1;
        let reminders = self.state.reminders.clone();
        let lang = self.state.lang.take();
        self.state = PersistedState {
            origin,
            reminders,
            lang,
            ..PersistedState::default()
        };
        self.secret_missing = None;
        self.demo_secret = None;
        self.demo_base_url = None;
        self.demo_mailboxes.clear();
        self.demo_genesys = None;
        self.diagnosis = None;
        self.app_setup = None;
        self.pending_fix = None;
    }

    pub(super) fn view(&self) -> View {
        let s = &self.state;
        let d = &s.draft;
        let lang = self.lang();
        let target = self.target().ok();
        // Worded in the UI's language now, so a language switch re-words stored results.
        let localized = target
            .as_ref()
            .and_then(|p| p.last_check.as_ref())
            .map(|c| super::wording::report_for_app(&c.report, lang));
        let report = localized.as_ref();
        let find = |id: &str, mailbox: Option<&str>| -> Option<Check> {
            report?
                .checks
                .iter()
                .find(|c| {
                    c.id == id
                        && match mailbox {
                            Some(m) => c
                                .mailbox
                                .as_deref()
                                .is_some_and(|x| x.eq_ignore_ascii_case(m)),
                            None => true,
                        }
                })
                .cloned()
        };
        let permissions: Vec<Check> = PERMISSION_CHECKS
            .iter()
            .filter_map(|id| find(id, None))
            .collect();
        let status = |id: &str| permissions.iter().find(|c| c.id == id).map(|c| c.status);
        let perm_failed = ["perm_mail_readwrite", "perm_mail_send", "perm_user_read"]
            .iter()
            .any(|id| status(id) == Some(Status::Fail));
        let actions = Actions {
            consent: status("credentials") == Some(Status::Pass)
                && perm_failed
                && matches!(
                    status("registration"),
                    Some(Status::Pass) | Some(Status::Warn)
                ),
            admin_verify: status("credentials") == Some(Status::Pass)
                && status("perm_user_read") == Some(Status::Warn),
            // Graph can repair what the checks found off in the app registration (a missing
            // permission, one of the wrong type, missing consent) once the app signs in.
            // (The registration check fails only for a permission missing or of the wrong type.)
            fix: status("credentials") == Some(Status::Pass)
                && (perm_failed || status("registration") == Some(Status::Fail)),
        };
        let secret_missing =
            !self.is_demo() && self.secret_missing.is_some() && self.secret_missing == d.profile;
        let (secret_stored, secret_hint) = if self.is_demo() {
            (
                self.demo_secret.is_some(),
                self.demo_secret.as_ref().map(|x| x.hint()),
            )
        } else if secret_missing {
            (false, None)
        } else {
            (
                target.is_some(),
                target.as_ref().and_then(|p| p.secret_hint.clone()),
            )
        };
        let secret_problems = match (&self.demo_secret, self.is_demo()) {
            (Some(secret), true) => match validate::secret(secret.expose(), false) {
                Ok((_, w)) => w.iter().map(|p| field_problem("secret", p)).collect(),
                Err(p) => vec![field_problem("secret", &p)],
            },
            _ => Vec::new(),
        };
        let now = Utc::now();
        let expires = target.as_ref().and_then(|p| p.secret_expiry);
        // Entra ID refusing the secret as expired (AADSTS7000222) settles it, date or not.
        let expired_by_entra = find("secret_expiry", None).is_some_and(|c| {
            c.status == Status::Fail && c.code.as_deref() == Some("AADSTS7000222")
        });
        let cfg = target.as_ref().and_then(|p| {
            p.last_check
                .as_ref()
                .map(|c| ConfigFile::build(p, &c.report, c.at))
        });
        let client_guid = validate::client_id(&d.client_id).ok().map(|(c, _)| c);
        let mut view = View {
            step: s.step,
            furthest: s.furthest,
            steps: Vec::new(),
            origin: s.origin,
            demo: s.demo.as_ref().map(|x| DemoView {
                scenario: x.scenario.clone(),
                base_url: self.demo_base_url.clone(),
                mailboxes: self.demo_mailboxes.clone(),
                running: self.demo_secret.is_some(),
                genesys_scenario: self
                    .demo_genesys
                    .as_ref()
                    .map(|g| g.scenario.clone())
                    .or_else(|| x.genesys_scenario.clone()),
                probe_suggestion: self
                    .demo_mailboxes
                    .iter()
                    .find(|m| {
                        m.kind == "policy-blocked"
                            && !self
                                .state
                                .draft
                                .mailboxes
                                .iter()
                                .any(|x| x.eq_ignore_ascii_case(&m.address))
                            && !self
                                .state
                                .draft
                                .probe_mailbox
                                .as_deref()
                                .is_some_and(|p| p.eq_ignore_ascii_case(&m.address))
                    })
                    .map(|m| m.address.clone()),
            }),
            form: FormView {
                name: d.name.clone(),
                cloud: d.cloud.id().to_string(),
                tenant: d.tenant.clone(),
                client_id: d.client_id.clone(),
                secret_stored,
                secret_missing,
                secret_hint,
                secret_problems,
                profile: d.profile.clone(),
                locked: self.is_demo(),
            },
            mailboxes: d
                .mailboxes
                .iter()
                .map(|m| MailboxView {
                    address: m.clone(),
                    check: find("mailbox_access", Some(m)),
                })
                .collect(),
            probe_mailbox: d.probe_mailbox.clone(),
            scope_audit: d
                .probe_mailbox
                .as_deref()
                .and_then(|m| find("scope_audit", Some(m))),
            permissions,
            checked_at: target
                .as_ref()
                .and_then(|p| p.last_check.as_ref())
                .map(|c| c.at),
            counts: Counts::of(report.map(|r| r.checks.iter()).into_iter().flatten()),
            actions,
            live: s.live.clone().map(|mut l| {
                for c in &mut l.checks {
                    super::wording::localize_for_app(c, lang);
                }
                l
            }),
            live_phases: Vec::new(),
            expiry: ExpiryView {
                expires,
                date: expires.map(|e| e.format("%Y-%m-%d").to_string()),
                days_left: expires.map(|e| expiry::days_left(e, now, &chrono::Local)),
                state: if expired_by_entra {
                    Some(ExpiryState::Expired)
                } else {
                    expires.map(|e| expiry::state(e, now, s.reminders.warn_days))
                },
                // The check's verdict is about the date it read: once the date changed since
                // (a rotation, a date entered by hand), it is stale and not shown.
                check: find("secret_expiry", None).filter(|_| {
                    report
                        .is_some_and(|r| r.secret_expires.is_none() || r.secret_expires == expires)
                }),
                reminders: s.reminders.clone(),
                calendar_alarms: s.reminders.days.clone(),
            },
            summary: SummaryView {
                token_endpoint: cfg.as_ref().and_then(|c| c.token_endpoint.clone()),
                tenant_id: cfg
                    .as_ref()
                    .and_then(|c| c.tenant_id.clone())
                    .or_else(|| target.as_ref().and_then(|p| p.tenant_id.clone())),
                client_id: target
                    .as_ref()
                    .map(|p| p.client_id.clone())
                    .unwrap_or_else(|| d.client_id.clone()),
                validated: cfg.as_ref().is_some_and(|c| c.validated),
                verdict: cfg.as_ref().map(|c| {
                    crate::store::evidence::Evidence {
                        claims: c.claims.clone(),
                        validated: c.validated,
                    }
                    .verdict()
                    .text(lang)
                }),
                claims: cfg
                    .as_ref()
                    .map(|c| {
                        c.claims
                            .iter()
                            .map(|cl| ClaimView {
                                id: cl.id.clone(),
                                subject: cl.subject.clone(),
                                state: cl.state,
                                needed: cl.needed,
                                text: cl.msg().text(lang),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                exportable: cfg.is_some(),
                counts: Counts::of(report.map(|r| r.checks.iter()).into_iter().flatten()),
                live_ok: target
                    .as_ref()
                    .and_then(|p| p.last_live_test.as_ref())
                    .map(|l| l.ok),
                problems: Vec::new(),
            },
            portal: {
                // Opened in the integration's directory (an MSP admin is signed in to many).
                let at = |u: String| portal::in_tenant(&u, &d.tenant);
                PortalLinks {
                    app_registrations: at(portal::app_registrations(d.cloud)),
                    overview: client_guid
                        .as_deref()
                        .map(|c| at(portal::app_overview(d.cloud, c))),
                    api_permissions: client_guid
                        .as_deref()
                        .map(|c| at(portal::api_permissions(d.cloud, c))),
                    certificates: client_guid
                        .as_deref()
                        .map(|c| at(portal::certificates_and_secrets(d.cloud, c))),
                }
            },
            genesys: self.genesys_view(target.as_ref(), report, lang),
            notices: self
                .notices
                .iter()
                .map(|c| super::wording::for_app(c, lang))
                .collect(),
            rotation: self.rotation_view(target.as_ref(), lang),
            app_setup: self.app_setup_view(lang),
            throttled: report.and_then(|r| r.throttled.clone()),
        };
        view.live_phases = steps::phases(view.live.as_ref());
        let (steps, problems) = steps::rail(&view);
        view.steps = steps;
        view.summary.problems = problems;
        view
    }
}
