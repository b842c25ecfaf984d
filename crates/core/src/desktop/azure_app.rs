//! The Azure app step: the secret as it arrives from the web view, what the step sends, and its
//! confirmation (validate every field, the secret to the OS keychain or, for the demo, memory,
//! the profile saved).

use super::*;
use crate::i18n::{args, Msg};
use crate::integration::{save_with_secret, Target};
use crate::microsoft::cloud::{Cloud, Endpoints};
use crate::store::keychain;
use crate::store::profiles::{self, Profile};
use crate::validate::{self, Severity};
use serde::Deserialize;

/// Secret text typed or pasted into the web view: deserialised straight into zeroed-on-drop
/// memory, with a redacted `Debug` and no `Serialize`.
pub struct SecretText(zeroize::Zeroizing<String>);

impl SecretText {
    /// Wraps a secret (tests).
    pub fn new(s: &str) -> Self {
        SecretText(zeroize::Zeroizing::new(s.to_string()))
    }

    /// The text, for validation.
    pub(super) fn text(&self) -> &str {
        self.0.as_str()
    }

    /// True when nothing but whitespace was entered.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretText(<redacted>)")
    }
}

impl<'de> Deserialize<'de> for SecretText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| SecretText(zeroize::Zeroizing::new(s)))
    }
}

/// What the Azure app step sends on Next.
#[derive(Debug, Deserialize)]
pub struct AzureAppInput {
    /// Profile name.
    pub name: String,
    /// Cloud id: `global`, `usgov`, `china`.
    pub cloud: String,
    /// Tenant.
    pub tenant: String,
    /// Application (client) ID.
    pub client_id: String,
    /// The secret's Value; empty or absent keeps the stored one.
    #[serde(default)]
    pub secret: Option<SecretText>,
    /// Accept a secret that looks like a Secret ID or has whitespace inside.
    #[serde(default)]
    pub i_know: bool,
}

impl Desktop {
    /// Confirms the Azure app step: validates every field with the core, puts the secret in the
    /// OS keychain (demo: memory) and saves the profile. Nothing is stored when a field is
    /// refused; the secret is never returned.
    pub fn save_azure_app(&self, input: AzureAppInput) -> Result<View, DesktopError> {
        let mut s = self.lock();
        let mut problems: Vec<FieldProblem> = Vec::new();
        let name = match profiles::validate_name(&input.name) {
            Ok(n) => Some(n),
            Err(e) => {
                problems.extend(DesktopError::from(e).problems);
                None
            }
        };
        let cloud: Option<Cloud> = match input.cloud.parse() {
            Ok(c) => Some(c),
            Err(m) => {
                // The UI offers only the known clouds: only the core can word this one.
                problems.push(FieldProblem {
                    code: None,
                    message: m,
                    ..FieldProblem::new(
                        "cloud",
                        "Cloud",
                        "",
                        None,
                        Msg::new("app-problem-cloud", args([("cloud", input.cloud.trim())])),
                    )
                });
                None
            }
        };
        let tenant = match validate::tenant(&input.tenant) {
            Ok((t, w)) => {
                problems.extend(w.iter().map(|p| field_problem("tenant", p)));
                Some(t)
            }
            Err(p) => {
                problems.push(field_problem("tenant", &p));
                None
            }
        };
        let client_id = match validate::client_id(&input.client_id) {
            Ok((c, w)) => {
                problems.extend(w.iter().map(|p| field_problem("client_id", p)));
                if let Some(p) = tenant
                    .as_deref()
                    .and_then(|t| validate::tenant_and_client(t, &c))
                {
                    problems.push(field_problem("client_id", &p));
                }
                Some(c)
            }
            Err(p) => {
                problems.push(field_problem("client_id", &p));
                None
            }
        };
        let demo = s.is_demo();
        // The secret: typed now, or the one stored already.
        let typed = input.secret.as_ref().filter(|t| !t.is_blank());
        let new_secret = match typed {
            Some(t) => match validate::secret(t.text(), input.i_know) {
                Ok((secret, w)) => {
                    problems.extend(w.iter().map(|p| field_problem("secret", p)));
                    Some(secret)
                }
                Err(p) => {
                    problems.push(field_problem("secret", &p));
                    None
                }
            },
            None if demo => match s.demo_secret.as_ref() {
                Some(held) => match validate::secret(held.expose(), input.i_know) {
                    Ok((secret, _)) => Some(secret),
                    Err(p) => {
                        problems.push(field_problem("secret", &p));
                        None
                    }
                },
                None => {
                    problems.push(FieldProblem::new(
                        "secret",
                        validate::FIELD_SECRET,
                        "empty",
                        None,
                        Msg::plain("app-problem-secret-empty"),
                    ));
                    None
                }
            },
            None => None,
        };
        let existing: Option<Profile> = if demo {
            None
        } else {
            match &s.state.draft.profile {
                Some(n) => s.store.load()?.get(n).cloned(),
                None => None,
            }
        };
        let missing = !demo
            && existing.is_some()
            && s.secret_missing.is_some()
            && s.secret_missing == s.state.draft.profile;
        if new_secret.is_none() && typed.is_none() && missing {
            problems.push(FieldProblem::new(
                "secret",
                validate::FIELD_SECRET,
                "secret_missing",
                None,
                Msg::plain("app-problem-secret-missing"),
            ));
        }
        if new_secret.is_none() && typed.is_none() && !demo && existing.is_none() {
            problems.push(FieldProblem::new(
                "secret",
                validate::FIELD_SECRET,
                "empty",
                None,
                Msg::plain("app-problem-secret-empty-new"),
            ));
        }
        // Keep what was typed (never the secret), so the form survives errors and restarts.
        s.state.draft.name = input.name.trim().to_string();
        if let Some(c) = cloud {
            if !demo {
                s.state.draft.cloud = c;
            }
        }
        s.state.draft.tenant = tenant
            .clone()
            .unwrap_or_else(|| input.tenant.trim().to_string());
        s.state.draft.client_id = client_id
            .clone()
            .unwrap_or_else(|| input.client_id.trim().to_string());
        if problems.iter().any(|p| p.severity == Severity::Error) {
            s.persist();
            return Err(DesktopError::invalid(problems));
        }
        let (Some(name), Some(cloud), Some(tenant), Some(client_id)) =
            (name, cloud, tenant, client_id)
        else {
            return Err(DesktopError::invalid(problems));
        };

        if demo {
            let Some(secret) = new_secret else {
                return Err(DesktopError::invalid(problems));
            };
            let changed = {
                let Some(d) = s.state.demo.as_mut() else {
                    return Err(DesktopError::no_target());
                };
                let changed = d.profile.tenant != tenant || d.profile.client_id != client_id;
                d.profile.tenant = tenant;
                d.profile.client_id = client_id;
                d.profile.secret_hint = Some(secret.hint());
                if changed {
                    d.profile.tenant_id = None;
                    d.profile.last_check = None;
                }
                d.confirmed = true;
                changed
            };
            if changed {
                s.generation += 1;
            }
            s.state.draft.name = DEMO_PROFILE_NAME.to_string();
            s.demo_secret = Some(secret);
        } else {
            let endpoints = Endpoints::new(
                cloud,
                s.state.draft.login_url.as_deref(),
                s.state.draft.graph_url.as_deref(),
            )
            .map_err(endpoint_error)?;
            let renamed = existing
                .as_ref()
                .is_some_and(|e| !e.name.eq_ignore_ascii_case(&name));
            let secret = match (new_secret, &existing) {
                (Some(sec), _) => Some(sec),
                (None, Some(e)) if renamed => Some(keychain::load(&e.name, &e.secret_ref)?),
                _ => None,
            };
            let same_app = existing.as_ref().is_some_and(|e| {
                e.tenant == tenant && e.client_id == client_id && e.cloud == cloud && !renamed
            });
            let base = existing.clone().filter(|_| same_app);
            let target = Target {
                tenant,
                client_id,
                endpoints,
                warnings: Vec::new(),
                login_overridden: s.state.draft.login_url.is_some(),
                graph_overridden: s.state.draft.graph_url.is_some(),
            };
            let kept = existing.as_ref().filter(|_| !renamed);
            let mut profile = Profile {
                secret_ref: kept.map(|e| e.secret_ref.clone()).unwrap_or_default(),
                secret_hint: kept.and_then(|e| e.secret_hint.clone()),
                secret_expiry: base.as_ref().and_then(|b| b.secret_expiry),
                last_check: base.as_ref().and_then(|b| b.last_check.clone()),
                last_live_test: base.as_ref().and_then(|b| b.last_live_test.clone()),
                // The Genesys part stays (a renamed profile gets a copy below).
                genesys: kept.and_then(|e| e.genesys.clone()),
                ..target.profile(&name, s.state.draft.mailboxes.clone())
            };
            save_with_secret(&s.store, &mut profile, secret.as_ref(), existing.as_ref())?;
            if renamed {
                if let Some(old) = existing.as_ref() {
                    genesys::copy_part(&s.store, old, &name)?;
                }
            }
            if secret.is_some() {
                s.secret_missing = None;
            }
            s.state.draft.name = name.clone();
            s.state.draft.profile = Some(name);
            if !same_app {
                s.state.live = None;
            }
            s.generation += 1;
        }
        s.state.step = Step::Permissions;
        s.state.furthest = s.state.furthest.max(Step::Permissions);
        s.persist();
        Ok(s.view())
    }
}
