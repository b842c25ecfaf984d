//! The Azure setup's state machine: from a tenant and an administrator's sign-in to a consented
//! app registration, a client secret in the OS keychain and a saved profile whose check passed.
//!
//! Each stage ([`Stage`]) is written to the journal before the next begins, and every step looks
//! first for what an earlier, interrupted run may already have done (the app by its tag, the
//! service principal by its appId, the role assignments and the grant by listing them, the
//! secret by its display name), so [`Action::Resume`] after a kill at any request ends with
//! exactly one app registration; [`Action::RollBack`] deletes the app registration setup created
//! (its service principal, consent and secrets go with it), the keychain entry and the profile,
//! and nothing else.

use super::graph::{self, through_replication, AppIds, GraphIds, PasswordPolicy};
use super::input::{SetupInput, SetupOutcome, SetupStep, SETUP_CHECK};
use super::journal::{Journal, SetupNote, Stage};
use crate::checks::run_check;
use crate::http::HttpClient;
use crate::i18n::{args, Args};
use crate::microsoft::admin::{self, AdminToken};
use crate::microsoft::graph::GraphFailure;
use crate::microsoft::login::{self, LoginError};
use crate::microsoft::token::read_claims;
use crate::report::{Check, Report, Status};
use crate::rotate::{azure as secrets, Action};
use crate::secret::ClientSecret;
use crate::store::keychain;
use crate::store::profiles::Profile;
use chrono::{Duration as Days, Months, Utc};
use std::time::Instant;

/// The stage's name in the outcome (`--json`) and the journal.
pub fn stage_name(s: Stage) -> &'static str {
    match s {
        Stage::Planned => "planned",
        Stage::AppCreated => "app_created",
        Stage::PrincipalCreated => "principal_created",
        Stage::Consented => "consented",
        Stage::AddingSecret => "adding_secret",
        Stage::SecretAdded => "secret_added",
        Stage::Replicated => "replicated",
        Stage::Saved => "saved",
    }
}

/// A step that stopped the setup: the catalog id and its arguments.
struct Stop {
    id: &'static str,
    args: Args,
    keychain: bool,
}

impl Stop {
    fn new(id: &'static str, args: Args) -> Self {
        Stop {
            id,
            args,
            keychain: false,
        }
    }
}

/// A Graph failure of `step`: refusals name the role the step needs.
fn graph_stop(step: &'static str, f: &GraphFailure) -> Stop {
    let denied = matches!(f, GraphFailure::Status { status: 403, .. });
    let id = if denied {
        "setup-refused"
    } else {
        "setup-step-failed"
    };
    Stop::new(
        id,
        args([
            ("step", step.to_string()),
            ("detail", f.to_string()),
            ("code", f.code().unwrap_or_default().to_string()),
        ]),
    )
}

struct Ctx<'a> {
    input: &'a SetupInput,
    http: HttpClient,
    journal: Journal,
    admin: &'a AdminToken,
    progress: &'a (dyn Fn(SetupStep) + Send + Sync),
}

impl Ctx<'_> {
    fn write(&self, note: &mut SetupNote, stage: Stage) -> Result<(), Stop> {
        note.stage = stage;
        self.journal
            .write(note)
            .map_err(|e| Stop::new("setup-journal-failed", args([("detail", e.to_string())])))
    }

    fn deadline(&self) -> Instant {
        Instant::now() + self.input.replication_wait
    }

    fn waiting(&self) -> impl Fn(u64) + Send + Sync + '_ {
        move |secs| (self.progress)(SetupStep::Replicating { waited_secs: secs })
    }

    fn vault_store(&self, r: &str, s: &ClientSecret) -> Result<(), keychain::KeychainError> {
        match &self.input.vault {
            Some(v) => {
                v.put(r, s.clone());
                Ok(())
            }
            None => keychain::store(&self.input.profile, r, s),
        }
    }

    fn vault_load(&self, r: &str) -> Option<ClientSecret> {
        match &self.input.vault {
            Some(v) => v.get(r),
            None => keychain::load(&self.input.profile, r).ok(),
        }
    }

    fn vault_delete(&self, r: &str) {
        match &self.input.vault {
            Some(v) => {
                v.remove(r);
            }
            None => {
                let _ = keychain::delete(&self.input.profile, r);
            }
        }
    }
}

fn outcome(ok: bool, note: Option<&SetupNote>, status: Status, id: &str, a: Args) -> SetupOutcome {
    SetupOutcome {
        ok,
        stage: note.map(|n| n.stage),
        check: Check::msg(SETUP_CHECK, status, id, a),
        report: None,
        app: note.and_then(|n| {
            Some(AppIds {
                object_id: n.app_object_id.clone()?,
                app_id: n.app_id.clone()?,
            })
        }),
        keychain_failed: false,
    }
}

/// The secret's end: `months` from now, capped by the policy's maximum lifetime (a day short of
/// it, so the service's own clock cannot refuse it); the cap in days when it applied.
fn secret_end(months: u32, policy: &PasswordPolicy) -> (chrono::DateTime<Utc>, Option<i64>) {
    let now = Utc::now();
    let wanted = now
        .checked_add_months(Months::new(months))
        .unwrap_or(now + Days::days(30 * i64::from(months)));
    match &policy.max_lifetime {
        Some((days, _)) if now + Days::days(*days) < wanted => {
            (now + Days::days((*days - 1).max(1)), Some(*days))
        }
        _ => (wanted, None),
    }
}

/// Runs, resumes or rolls back the setup of `input.profile` with the administrator's token.
pub async fn run(
    input: &SetupInput,
    action: Action,
    admin: &AdminToken,
    progress: &(dyn Fn(SetupStep) + Send + Sync),
) -> SetupOutcome {
    let ctx = Ctx {
        input,
        http: HttpClient::new(input.timeout),
        journal: Journal::in_data_dir(input.store.dir()),
        admin,
        progress,
    };
    let open = ctx.journal.load(&input.profile);
    let profile_arg = || args([("profile", input.profile.clone())]);
    let (mut note, ids) = match (action, open) {
        (Action::Start, Some(n)) => {
            return outcome(
                false,
                Some(&n),
                Status::Fail,
                "setup-already-open",
                profile_arg(),
            )
        }
        (Action::Start, None) => match start(&ctx).await {
            Ok((n, ids)) => (n, Some(ids)),
            Err(stop) => return stopped(None, stop),
        },
        (_, None) => {
            return outcome(
                false,
                None,
                Status::Fail,
                "setup-nothing-open",
                profile_arg(),
            )
        }
        (Action::RollBack, Some(n)) => return roll_back(&ctx, n).await,
        (Action::Resume, Some(n)) => (n, None),
    };
    match advance(&ctx, &mut note, ids).await {
        Ok(mut done) => {
            ctx.journal.clear(&input.profile);
            done.stage = None;
            done
        }
        Err(stop) => stopped(Some(&note), stop),
    }
}

fn stopped(note: Option<&SetupNote>, stop: Stop) -> SetupOutcome {
    let mut a = stop.args;
    if let Some(n) = note {
        a.insert("stage".into(), stage_name(n.stage).into());
        a.insert("profile".into(), n.profile.clone().into());
        a.insert("app_name".into(), n.app_name.clone().into());
        a.insert("app_id".into(), n.app_id.clone().unwrap_or_default().into());
        a.insert(
            "created".into(),
            (n.app_object_id.is_some()).to_string().into(),
        );
    }
    let mut o = outcome(false, note, Status::Fail, stop.id, a);
    o.keychain_failed = stop.keychain;
    o
}

/// Directory role template ids (the token's `wids`) that may grant admin consent to application
/// permissions: Global Administrator and Privileged Role Administrator.
const CONSENT_ROLES: [&str; 2] = [
    "62e90394-69f5-4237-9190-012177145e10",
    "e8611ab8-c189-46e8-94e1-60213ab1f814",
];

/// What the signed-in administrator's roles lack, before anything is created: `consent` when the
/// token names the user's roles and none may consent to application permissions. Creating the
/// app is not judged here (members may create apps unless the tenant restricts it; Entra ID's
/// own refusal then names the step, before anything exists). `None` when the roles suffice or the
/// token does not name them.
fn missing_roles(admin: &AdminToken) -> Option<&'static str> {
    let roles = admin.role_ids()?;
    (!CONSENT_ROLES.iter().any(|r| roles.iter().any(|x| x == r))).then_some("consent")
}

/// Reads the policy (and, at the same time, Microsoft Graph's permission ids), refuses a setup
/// the tenant would refuse, and writes the plan.
async fn start(ctx: &Ctx<'_>) -> Result<(SetupNote, GraphIds), Stop> {
    let input = ctx.input;
    let exists = input
        .store
        .load()
        .map_err(|e| Stop::new("setup-store-failed", args([("detail", e.to_string())])))?
        .get(&input.profile)
        .is_some();
    if exists {
        return Err(Stop::new(
            "setup-profile-exists",
            args([("profile", input.profile.clone())]),
        ));
    }
    if let Some(missing) = missing_roles(ctx.admin) {
        return Err(Stop::new(
            "setup-role-missing",
            args([("needs", missing.to_string())]),
        ));
    }
    (ctx.progress)(SetupStep::ReadingPolicy);
    let (policy, ids) = tokio::join!(
        graph::password_policy(&ctx.http, &input.endpoints, ctx.admin),
        graph::graph_ids(&ctx.http, &input.endpoints, ctx.admin)
    );
    let ids = ids.map_err(|f| graph_stop("permissions", &f))?;
    if let Some(name) = &policy.blocked_by {
        return Err(Stop::new(
            "setup-passwords-blocked",
            args([("policy", name.clone())]),
        ));
    }
    let (end, cap) = secret_end(input.months, &policy);
    let id = uuid::Uuid::new_v4().simple().to_string();
    let mut note = SetupNote {
        profile: input.profile.clone(),
        tenant: input.tenant.clone(),
        started_at: Utc::now(),
        updated_at: Utc::now(),
        stage: Stage::Planned,
        app_name: input.app_name.clone(),
        tag: format!("graphwiz-setup-{id}"),
        app_object_id: None,
        app_id: None,
        principal_id: None,
        secret_name: format!("graphwiz {} {}", Utc::now().format("%Y-%m-%d"), &id[..6]),
        secret_end: end,
        secret_ref: uuid::Uuid::new_v4().simple().to_string(),
        key_id: None,
        hint: None,
        mailboxes: input.mailboxes.clone(),
        max_lifetime_days: cap,
        policy_name: policy.max_lifetime.as_ref().map(|(_, n)| n.clone()),
        policy_unreadable: policy.unreadable.clone(),
    };
    ctx.write(&mut note, Stage::Planned)?;
    Ok((note, ids))
}

/// Takes the setup from the note's stage to the end. `fresh_ids` are Microsoft Graph's ids read
/// by a start in this same run: then nothing can exist from an earlier run, and the lookups for
/// it are skipped.
async fn advance(
    ctx: &Ctx<'_>,
    note: &mut SetupNote,
    fresh_ids: Option<GraphIds>,
) -> Result<SetupOutcome, Stop> {
    let input = ctx.input;
    let (http, e, admin) = (&ctx.http, &input.endpoints, ctx.admin);
    let fresh = fresh_ids.is_some();
    let ids: GraphIds = match fresh_ids {
        Some(ids) => ids,
        None => {
            (ctx.progress)(SetupStep::FindingPermissions);
            graph::graph_ids(http, e, admin)
                .await
                .map_err(|f| graph_stop("permissions", &f))?
        }
    };

    // 1. The app registration: the one carrying the tag, else a new one.
    let app = match (&note.app_object_id, &note.app_id) {
        (Some(o), Some(a)) => AppIds {
            object_id: o.clone(),
            app_id: a.clone(),
        },
        _ => {
            (ctx.progress)(SetupStep::CreatingApp);
            let found = if fresh {
                None
            } else {
                graph::find_app(http, e, admin, &note.tag)
                    .await
                    .map_err(|f| graph_stop("app", &f))?
            };
            let app = match found {
                Some(a) => a,
                None => graph::create_app(http, e, admin, &note.app_name, &ids, &note.tag)
                    .await
                    .map_err(|f| graph_stop("app", &f))?,
            };
            note.app_object_id = Some(app.object_id.clone());
            note.app_id = Some(app.app_id.clone());
            ctx.write(note, Stage::AppCreated)?;
            app
        }
    };

    // 2. The client secret, straight into the keychain (it replicates while the rest goes on).
    let secret = match (note.stage >= Stage::SecretAdded)
        .then(|| ctx.vault_load(&note.secret_ref))
        .flatten()
    {
        Some(s) => s,
        None => add_secret(ctx, note, &app).await?,
    };

    // 3. Its service principal.
    let waiting = ctx.waiting();
    let principal = match &note.principal_id {
        Some(p) => p.clone(),
        None => {
            (ctx.progress)(SetupStep::CreatingPrincipal);
            let found = if fresh {
                None
            } else {
                graph::find_principal(http, e, admin, &app.app_id)
                    .await
                    .map_err(|f| graph_stop("principal", &f))?
            };
            let p = match found {
                Some(p) => p,
                None => through_replication(ctx.deadline(), &waiting, || {
                    graph::create_principal(http, e, admin, &app.app_id)
                })
                .await
                .map_err(|f| graph_stop("principal", &f))?,
            };
            note.principal_id = Some(p.clone());
            ctx.write(note, Stage::PrincipalCreated)?;
            p
        }
    };

    // 4. Admin consent: both app roles and User.Read for all users.
    if note.stage < Stage::Consented {
        (ctx.progress)(SetupStep::Consenting);
        let have = if fresh {
            Vec::new()
        } else {
            through_replication(ctx.deadline(), &waiting, || {
                graph::assigned_roles(http, e, admin, &principal)
            })
            .await
            .map_err(|f| graph_stop("roles", &f))?
        };
        // The two app role assignments and the User.Read grant at once.
        let (waiting, ids_ref, principal_ref) = (&waiting, &ids, &principal);
        let assign = |role: String| {
            let missing = !have.iter().any(|(_, h)| h.eq_ignore_ascii_case(&role));
            async move {
                if missing {
                    through_replication(ctx.deadline(), waiting, || {
                        graph::assign_role(http, e, admin, ids_ref, principal_ref, &role)
                    })
                    .await
                    .map_err(|f| graph_stop("roles", &f))?;
                }
                Ok::<(), Stop>(())
            }
        };
        let grant = async {
            through_replication(ctx.deadline(), waiting, || {
                graph::grant_user_read(http, e, admin, ids_ref, principal_ref)
            })
            .await
            .map_err(|f| graph_stop("grant", &f))
        };
        let (a, b, c) = tokio::join!(
            assign(ids.mail_readwrite.clone()),
            assign(ids.mail_send.clone()),
            grant
        );
        a?;
        b?;
        c?;
        ctx.write(note, Stage::Consented)?;
    }

    // 5. Entra ID's replication: a token with both roles.
    if note.stage < Stage::Replicated {
        prove(ctx, &app, &secret).await?;
        ctx.write(note, Stage::Replicated)?;
    }

    // 6. The profile.
    (ctx.progress)(SetupStep::Saving);
    let mut profile = new_profile(input, note, &app);
    save_profile(ctx, &profile)?;
    if note.stage < Stage::Saved {
        ctx.write(note, Stage::Saved)?;
    }

    // 7. The full check, with User.Read settled by the administrator's own reading.
    (ctx.progress)(SetupStep::Checking);
    let check_input = profile.check_input(secret, input.timeout).map_err(|err| {
        Stop::new(
            "setup-step-failed",
            args([
                ("step", "check".to_string()),
                ("detail", err.to_string()),
                ("code", String::new()),
            ]),
        )
    })?;
    let mut report: Report = run_check(&check_input).await;
    if let Ok(findings) = admin::admin_findings(http, e, admin, &app.app_id).await {
        admin::settle_user_read(&mut report, &findings, e.cloud, &app.app_id);
    }
    profile.record_check(&report, Utc::now());
    let _ = input.store.update(|f| {
        f.upsert(profile.clone());
        Ok(())
    });
    let mut a = args([
        ("profile", note.profile.clone()),
        ("app_name", note.app_name.clone()),
        ("app_id", app.app_id.clone()),
        ("end", note.secret_end.format("%Y-%m-%d").to_string()),
        (
            "capped",
            if note.max_lifetime_days.is_some() {
                "yes"
            } else {
                "no"
            }
            .to_string(),
        ),
        (
            "max_days",
            note.max_lifetime_days.unwrap_or_default().to_string(),
        ),
        ("policy", note.policy_name.clone().unwrap_or_default()),
    ]);
    a.insert(
        "failed".into(),
        report
            .checks
            .iter()
            .filter(|c| c.status == Status::Fail)
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
            .join(", ")
            .into(),
    );
    let ok = report.ok;
    let (status, id) = if ok {
        (Status::Pass, "setup-done")
    } else {
        (Status::Fail, "setup-check-failed")
    };
    let mut o = outcome(ok, Some(note), status, id, a);
    o.report = Some(report);
    Ok(o)
}

/// Adds the client secret and keeps it in the keychain at once. A secret of this setup left in
/// Azure by a crash before its value reached the keychain is removed first (its value was shown
/// once and is lost).
async fn add_secret(
    ctx: &Ctx<'_>,
    note: &mut SetupNote,
    app: &AppIds,
) -> Result<ClientSecret, Stop> {
    let (http, e, admin) = (&ctx.http, &ctx.input.endpoints, ctx.admin);
    let waiting = ctx.waiting();
    (ctx.progress)(SetupStep::AddingSecret);
    if note.stage == Stage::AddingSecret {
        let left = through_replication(ctx.deadline(), &waiting, || {
            secrets::secrets(http, e, admin, &app.app_id)
        })
        .await
        .map_err(|f| graph_stop("secret", &f))?;
        for c in left
            .iter()
            .filter(|c| c.display_name.as_deref() == Some(note.secret_name.as_str()))
        {
            if let Some(k) = &c.key_id {
                secrets::remove(http, e, admin, &app.app_id, k)
                    .await
                    .map_err(|f| graph_stop("secret", &f))?;
            }
        }
    }
    ctx.write(note, Stage::AddingSecret)?;
    let new = through_replication(ctx.deadline(), &waiting, || {
        secrets::add_to(
            http,
            e,
            admin,
            &app.object_id,
            &note.secret_name,
            note.secret_end,
        )
    })
    .await
    .map_err(|f| match f.code() {
        Some("CredentialTypeNotAllowedAsPerAppPolicy") => Stop::new(
            "setup-passwords-blocked",
            args([("policy", note.policy_name.clone().unwrap_or_default())]),
        ),
        Some("CredentialInvalidLifetimeAsPerAppPolicy") => {
            Stop::new("setup-lifetime-refused", args([("detail", f.to_string())]))
        }
        _ => graph_stop("secret", &f),
    })?;
    if let Err(err) = ctx.vault_store(&note.secret_ref, &new.value) {
        // Leave no secret in Azure whose value nobody holds.
        let _ = secrets::remove(http, e, admin, &app.app_id, &new.key_id).await;
        let mut stop = Stop::new("setup-keychain-failed", args([("detail", err.to_string())]));
        stop.keychain = true;
        return Err(stop);
    }
    note.key_id = Some(new.key_id.clone());
    note.hint = Some(new.hint.clone());
    note.secret_end = new.end;
    ctx.write(note, Stage::SecretAdded)?;
    Ok(new.value)
}

/// Waits until Entra ID issues the app a token with the new secret that carries both roles.
async fn prove(ctx: &Ctx<'_>, app: &AppIds, secret: &ClientSecret) -> Result<(), Stop> {
    let input = ctx.input;
    let started = Instant::now();
    let deadline = ctx.deadline();
    let mut pause = graph::REPLICATION_RETRY.0;
    loop {
        let waited = started.elapsed().as_secs();
        (ctx.progress)(SetupStep::Replicating {
            waited_secs: waited,
        });
        let result = login::client_credentials_token(
            &ctx.http,
            &input.endpoints,
            &input.tenant,
            &app.app_id,
            secret,
        )
        .await;
        let last = match result {
            Ok(token) => {
                let roles = read_claims(token.bearer())
                    .ok()
                    .and_then(|c| c.roles)
                    .unwrap_or_default();
                let has = |r: &str| roles.iter().any(|x| x.eq_ignore_ascii_case(r));
                if has("Mail.ReadWrite") && has("Mail.Send") {
                    return Ok(());
                }
                "the token does not carry Mail.ReadWrite and Mail.Send yet".to_string()
            }
            // A new app (AADSTS700016) or secret (AADSTS7000215) not replicated yet.
            Err(LoginError::Aad(a)) if matches!(a.code, Some(700016) | Some(7000215)) => {
                a.code_label().unwrap_or_default()
            }
            Err(e) => {
                return Err(Stop::new(
                    "setup-step-failed",
                    args([
                        ("step", "token".to_string()),
                        ("detail", e.to_string()),
                        ("code", String::new()),
                    ]),
                ))
            }
        };
        if Instant::now() + pause >= deadline {
            return Err(Stop::new(
                "setup-replication-timeout",
                args([
                    ("secs", input.replication_wait.as_secs().to_string()),
                    ("detail", last),
                ]),
            ));
        }
        tokio::time::sleep(pause).await;
        pause = graph::next_pause(pause);
    }
}

fn new_profile(input: &SetupInput, note: &SetupNote, app: &AppIds) -> Profile {
    Profile {
        name: note.profile.clone(),
        cloud: input.endpoints.cloud,
        tenant: input.tenant.clone(),
        tenant_id: crate::validate::is_guid(&input.tenant).then(|| input.tenant.clone()),
        client_id: app.app_id.clone(),
        mailboxes: note.mailboxes.clone(),
        login_url: input
            .login_overridden
            .then(|| input.endpoints.login_base().to_string()),
        graph_url: input
            .graph_overridden
            .then(|| input.endpoints.graph_base().to_string()),
        secret_ref: note.secret_ref.clone(),
        secret_hint: note.hint.clone(),
        secret_expiry: Some(note.secret_end),
        last_check: None,
        last_live_test: None,
        genesys: None,
    }
}

/// Saves the profile; a profile of that name saved meanwhile for another app refuses it.
fn save_profile(ctx: &Ctx<'_>, profile: &Profile) -> Result<(), Stop> {
    let clash = std::cell::Cell::new(false);
    ctx.input
        .store
        .update(|f| {
            if f.get(&profile.name)
                .is_some_and(|p| !p.client_id.eq_ignore_ascii_case(&profile.client_id))
            {
                clash.set(true);
                return Ok(());
            }
            f.upsert(profile.clone());
            Ok(())
        })
        .map_err(|e| Stop::new("setup-store-failed", args([("detail", e.to_string())])))?;
    if clash.get() {
        return Err(Stop::new(
            "setup-profile-exists",
            args([("profile", profile.name.clone())]),
        ));
    }
    Ok(())
}

/// Deletes what the setup created: the app registration (by its id or its tag), the keychain
/// entry and the profile it saved; nothing else.
async fn roll_back(ctx: &Ctx<'_>, note: SetupNote) -> SetupOutcome {
    let (http, e, admin) = (&ctx.http, &ctx.input.endpoints, ctx.admin);
    (ctx.progress)(SetupStep::RollingBack);
    let object_id = match &note.app_object_id {
        Some(o) => Some(o.clone()),
        None => match graph::find_app(http, e, admin, &note.tag).await {
            Ok(found) => found.map(|a| a.object_id),
            Err(f) => return stopped(Some(&note), graph_stop("rollback", &f)),
        },
    };
    if let Some(o) = &object_id {
        if let Err(f) = graph::delete_app(http, e, admin, o).await {
            return stopped(Some(&note), graph_stop("rollback", &f));
        }
    }
    ctx.vault_delete(&note.secret_ref);
    let app_id = note.app_id.clone();
    let _ = ctx.input.store.update(|f| {
        let ours = f.get(&note.profile).is_some_and(|p| {
            p.secret_ref == note.secret_ref
                || app_id
                    .as_deref()
                    .is_some_and(|a| p.client_id.eq_ignore_ascii_case(a))
        });
        if ours {
            f.remove(&note.profile);
        }
        Ok(())
    });
    ctx.journal.clear(&note.profile);
    let mut o = outcome(
        true,
        None,
        Status::Pass,
        "setup-rolled-back",
        args([
            ("profile", note.profile.clone()),
            ("app_name", note.app_name.clone()),
            ("deleted", object_id.is_some().to_string()),
        ]),
    );
    o.app = None;
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_end_is_capped_by_the_policy() {
        let none = PasswordPolicy::default();
        let (end, cap) = secret_end(6, &none);
        assert!(cap.is_none());
        assert!(end > Utc::now() + Days::days(179));
        let ninety = PasswordPolicy {
            max_lifetime: Some((90, "Tenant policy".into())),
            ..PasswordPolicy::default()
        };
        let (end, cap) = secret_end(6, &ninety);
        assert_eq!(cap, Some(90));
        assert!(end < Utc::now() + Days::days(90) && end > Utc::now() + Days::days(88));
        let (_, cap) = secret_end(
            2,
            &PasswordPolicy {
                max_lifetime: Some((365, "x".into())),
                ..PasswordPolicy::default()
            },
        );
        assert!(cap.is_none(), "a cap longer than asked does not apply");
    }
}
