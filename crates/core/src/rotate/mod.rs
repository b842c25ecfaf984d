//! Rotating the client secret in Azure and Genesys Cloud together, safely.
//!
//! Why this file is long (about 750 lines): the stages are one state machine (`advance`), and
//! start, resume and roll-back must be read side by side to see that no path removes a secret
//! Genesys Cloud still uses. What a rotation needs and reports (its input, progress and outcome)
//! is in `input`.
//!
//! The steps ([`journal::Stage`]): add a new secret in Azure with the administrator's delegated
//! token and put it in the OS keychain under a new reference at once; prove it (a token, allowing
//! for Entra ID's replication delay, then the permission checks); put it into the Genesys Cloud
//! integration's credential and restart the integration until it is active (without a Genesys
//! part: show it once to the admin, who pastes it); a live test; only then remove the old secret
//! in Azure and switch the profile to the new reference. Each step is written to the journal
//! before the next begins, so [`Action::Resume`] continues a rotation killed anywhere and
//! [`Action::RollBack`] undoes one that has not yet removed the old secret. The old secret is
//! never removed before the new one works on both sides, and Genesys Cloud never points at a
//! removed secret.

pub mod azure;
mod input;
pub mod journal;

use crate::checks::{run_check, CheckInput};
use crate::genesys::client::{login, GenesysApi};
use crate::genesys::restart::{self, RestartStep};
use crate::genesys::{checks::find_integration, credential, AzureIdentity, GenesysInput};
use crate::http::HttpClient;
use crate::i18n::{args, msg_arg, Args, Msg};
use crate::microsoft::admin::AdminToken;
use crate::microsoft::livetest::{run_live_test, LiveTestInput};
use crate::microsoft::login::{self, LoginError};
use crate::report::{Check, Status};
use crate::secret::ClientSecret;
use crate::store::keychain;
use crate::store::profiles::Profile;
use chrono::{Months, Utc};
use journal::{Journal, RotationNote, Stage};
use std::time::{Duration, Instant};

pub use input::{
    Action, ManualPaste, MemoryVault, RotateInput, RotateOutcome, RotateStep, DEFAULT_MONTHS,
    MAX_MONTHS, ROTATE_CHECK,
};

/// True when `action` on the profile's open rotation needs the administrator's token.
pub fn needs_admin(input: &RotateInput, action: Action) -> bool {
    let note = Journal::in_data_dir(input.store.dir()).load(&input.profile);
    // Every open rotation ends by removing a secret in Azure (the old one, or the new one when
    // rolled back), which takes the administrator's token.
    match (action, note) {
        (Action::Start, _) => true,
        (_, Some(_)) => true,
        (_, None) => false,
    }
}

fn outcome(ok: bool, stage: Option<Stage>, status: Status, id: &str, a: Args) -> RotateOutcome {
    RotateOutcome {
        ok,
        stage,
        check: Check::msg(ROTATE_CHECK, status, id, a),
    }
}

struct Ctx<'a> {
    input: &'a RotateInput,
    http: HttpClient,
    journal: Journal,
    profile: Profile,
    admin: Option<&'a AdminToken>,
    manual: Option<ManualPaste<'a>>,
    progress: &'a (dyn Fn(RotateStep) + Send + Sync),
}

impl Ctx<'_> {
    fn vault_load(&self, profile: &str, r: &str) -> Result<ClientSecret, keychain::KeychainError> {
        match &self.input.vault {
            None => keychain::load(profile, r),
            Some(v) => v.get(r).ok_or(keychain::KeychainError::Missing {
                profile: profile.to_string(),
            }),
        }
    }
    fn vault_exists(&self, profile: &str, r: &str) -> Result<bool, keychain::KeychainError> {
        match &self.input.vault {
            None => keychain::exists(profile, r),
            Some(v) => Ok(v.get(r).is_some()),
        }
    }
    fn vault_store(
        &self,
        profile: &str,
        r: &str,
        secret: &ClientSecret,
    ) -> Result<(), keychain::KeychainError> {
        match &self.input.vault {
            None => keychain::store(profile, r, secret),
            Some(v) => {
                v.put(r, secret.clone());
                Ok(())
            }
        }
    }
    fn vault_delete(&self, profile: &str, r: &str) -> Result<bool, keychain::KeychainError> {
        match &self.input.vault {
            None => keychain::delete(profile, r),
            Some(v) => Ok(v.map().remove(r).is_some()),
        }
    }
    fn genesys_input(&self, p: &Profile) -> Result<Option<GenesysInput>, String> {
        match &self.input.genesys {
            Some(g) => Ok(Some(g.clone())),
            None => genesys_input(p),
        }
    }
    fn a(&self, extra: Args) -> Args {
        let mut a = args([("profile", self.profile.name.clone())]);
        a.extend(extra);
        a
    }
    /// A failed step: `detail` is text as it came (a string) or a catalog message ([`msg_arg`]).
    fn fail(
        &self,
        note: &RotationNote,
        id: &str,
        detail: impl Into<serde_json::Value>,
    ) -> RotateOutcome {
        outcome(
            false,
            Some(note.stage),
            Status::Fail,
            id,
            self.a(args([
                ("detail", detail.into()),
                ("stage", stage_name(note.stage).into()),
            ])),
        )
    }
    fn save(&self, note: &mut RotationNote, stage: Stage) -> Result<(), Box<RotateOutcome>> {
        note.stage = stage;
        self.journal
            .write(note)
            .map_err(|e| Box::new(self.fail(note, "rotate-journal-failed", e.to_string())))
    }
    fn check_input(&self, secret: ClientSecret) -> Result<CheckInput, String> {
        let mut input = self
            .profile
            .check_input(secret, self.input.timeout)
            .map_err(|e| e.to_string())?;
        input.expiry_warn_days = 0;
        Ok(input)
    }
}

/// The journal's word for a stage (for messages).
pub fn stage_name(s: Stage) -> &'static str {
    match s {
        Stage::Adding => "adding",
        Stage::Added => "added",
        Stage::Proven => "proven",
        Stage::GenesysUpdated => "genesys_updated",
        Stage::Restarted => "restarted",
        Stage::Verified => "verified",
        Stage::Removing => "removing",
    }
}

/// Starts, resumes or rolls back the rotation of the profile's secret.
pub async fn run(
    input: &RotateInput,
    action: Action,
    admin: Option<&AdminToken>,
    manual: Option<ManualPaste<'_>>,
    progress: &(dyn Fn(RotateStep) + Send + Sync),
) -> RotateOutcome {
    let journal = Journal::in_data_dir(input.store.dir());
    let open = journal.load(&input.profile);
    let profile = match input.store.load().map(|f| f.get(&input.profile).cloned()) {
        Ok(Some(p)) => p,
        Ok(None) => {
            return outcome(
                false,
                open.map(|n| n.stage),
                Status::Fail,
                "rotate-no-profile",
                args([("profile", input.profile.clone())]),
            )
        }
        Err(e) => {
            return outcome(
                false,
                open.map(|n| n.stage),
                Status::Fail,
                "rotate-store-failed",
                args([
                    ("profile", input.profile.clone()),
                    ("detail", e.to_string()),
                ]),
            )
        }
    };
    let ctx = Ctx {
        input,
        http: HttpClient::new(input.timeout),
        journal,
        profile,
        admin,
        manual,
        progress,
    };
    match (action, open) {
        (Action::Start, Some(n)) => outcome(
            false,
            Some(n.stage),
            Status::Fail,
            "rotate-open",
            ctx.a(args([("stage", stage_name(n.stage).to_string())])),
        ),
        (Action::Start, None) => start(&ctx).await,
        (Action::Resume, Some(mut n)) => advance(&ctx, &mut n).await,
        (Action::RollBack, Some(n)) => roll_back(&ctx, n).await,
        (_, None) => outcome(
            false,
            None,
            Status::Fail,
            "rotate-nothing-open",
            ctx.a(Args::new()),
        ),
    }
}

async fn start(ctx: &Ctx<'_>) -> RotateOutcome {
    let p = &ctx.profile;
    let months = ctx.input.months;
    if !(1..=MAX_MONTHS).contains(&months) {
        return outcome(
            false,
            None,
            Status::Fail,
            "rotate-bad-months",
            ctx.a(args([("months", months.to_string())])),
        );
    }
    let Some(admin) = ctx.admin else {
        return outcome(
            false,
            None,
            Status::Fail,
            "rotate-no-admin",
            ctx.a(Args::new()),
        );
    };
    (ctx.progress)(RotateStep::Reading);
    let endpoints = match p.endpoints() {
        Ok(e) => e,
        Err(e) => {
            return outcome(
                false,
                None,
                Status::Fail,
                "rotate-read-failed",
                ctx.a(args([("detail", e.to_string())])),
            )
        }
    };
    let old = match ctx.vault_load(&p.name, &p.secret_ref) {
        Ok(s) => s,
        Err(e) => {
            return outcome(
                false,
                None,
                Status::Fail,
                "rotate-keychain-failed",
                ctx.a(args([("detail", e.to_string())])),
            )
        }
    };
    let secrets = match azure::secrets(&ctx.http, &endpoints, admin, &p.client_id).await {
        Ok(s) => s,
        Err(f) => {
            return outcome(
                false,
                None,
                Status::Fail,
                denied_or("rotate-read-failed", &f),
                ctx.a(args([("detail", msg_arg(&f.msg()))])),
            )
        }
    };
    let hint = old.hint();
    let matching: Vec<_> = secrets
        .iter()
        .filter(|s| s.hint.as_deref() == Some(hint.as_str()))
        .collect();
    let old_key_id = match matching.as_slice() {
        [one] => one.key_id.clone(),
        _ => None,
    };
    let now = Utc::now();
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let mut note = RotationNote {
        profile: p.name.clone(),
        started_at: now,
        updated_at: now,
        stage: Stage::Adding,
        display_name: format!(
            "graphwiz {} ({})",
            now.format("%Y-%m-%d %H:%M UTC"),
            &tag[..6]
        ),
        end: now.checked_add_months(Months::new(months)).unwrap_or(now),
        old_key_id,
        old_secret_ref: p.secret_ref.clone(),
        pending_ref: format!("rotation-{}", &tag[..12]),
        new_key_id: None,
        new_hint: None,
        genesys: p.genesys.is_some(),
    };
    if let Err(o) = ctx.save(&mut note, Stage::Adding) {
        return *o;
    }
    advance(ctx, &mut note).await
}

fn denied_or(other: &'static str, f: &crate::microsoft::graph::GraphFailure) -> &'static str {
    match f {
        crate::microsoft::graph::GraphFailure::Status { status: 403, .. } => "rotate-denied",
        _ => other,
    }
}

/// Runs the remaining steps from the note's stage.
async fn advance(ctx: &Ctx<'_>, note: &mut RotationNote) -> RotateOutcome {
    let p = &ctx.profile;
    let endpoints = match p.endpoints() {
        Ok(e) => e,
        Err(e) => return ctx.fail(note, "rotate-read-failed", e.to_string()),
    };
    loop {
        match note.stage {
            Stage::Adding => {
                let Some(admin) = ctx.admin else {
                    return ctx.fail(note, "rotate-no-admin", String::new());
                };
                // After a crash: a secret of this rotation may exist already.
                (ctx.progress)(RotateStep::Reading);
                let existing =
                    match azure::secrets(&ctx.http, &endpoints, admin, &p.client_id).await {
                        Ok(s) => s.into_iter().find(|s| {
                            s.display_name.as_deref() == Some(note.display_name.as_str())
                        }),
                        Err(f) => {
                            return ctx.fail(
                                note,
                                denied_or("rotate-read-failed", &f),
                                msg_arg(&f.msg()),
                            )
                        }
                    };
                if let Some(found) = existing {
                    let in_keychain = ctx
                        .vault_exists(&p.name, &note.pending_ref)
                        .unwrap_or(false);
                    if in_keychain {
                        note.new_key_id = found.key_id.clone();
                        note.new_hint = found.hint.clone();
                        if let Err(o) = ctx.save(note, Stage::Added) {
                            return *o;
                        }
                        continue;
                    }
                    // Its value was lost with the crash: remove it and add another.
                    if let Some(k) = &found.key_id {
                        if let Err(f) =
                            azure::remove(&ctx.http, &endpoints, admin, &p.client_id, k).await
                        {
                            return ctx.fail(note, "rotate-add-failed", msg_arg(&f.msg()));
                        }
                    }
                }
                (ctx.progress)(RotateStep::Adding);
                let new = match azure::add(
                    &ctx.http,
                    &endpoints,
                    admin,
                    &p.client_id,
                    &note.display_name,
                    note.end,
                )
                .await
                {
                    Ok(n) => n,
                    Err(f) => {
                        let mut o =
                            ctx.fail(note, denied_or("rotate-add-failed", &f), msg_arg(&f.msg()));
                        // Graph said no: nothing was made, so nothing is open. (After a lost
                        // answer the note stays: the secret may exist, and --resume finds it.)
                        if matches!(f, crate::microsoft::graph::GraphFailure::Status { .. }) {
                            ctx.journal.clear(&p.name);
                            o.stage = None;
                        }
                        return o;
                    }
                };
                // The value goes to the keychain before anything else happens.
                if let Err(e) = ctx.vault_store(&p.name, &note.pending_ref, &new.value) {
                    let _ = azure::remove(&ctx.http, &endpoints, admin, &p.client_id, &new.key_id)
                        .await;
                    return ctx.fail(note, "rotate-keychain-failed", e.to_string());
                }
                note.new_key_id = Some(new.key_id);
                note.new_hint = Some(new.hint);
                note.end = new.end;
                if let Err(o) = ctx.save(note, Stage::Added) {
                    return *o;
                }
            }
            Stage::Added => {
                let new = match ctx.vault_load(&p.name, &note.pending_ref) {
                    Ok(s) => s,
                    Err(e) => return ctx.fail(note, "rotate-keychain-failed", e.to_string()),
                };
                let started = Instant::now();
                let mut pause = Duration::from_secs(1);
                loop {
                    (ctx.progress)(RotateStep::Proving {
                        waited_secs: started.elapsed().as_secs(),
                    });
                    match login::client_credentials_token(
                        &ctx.http,
                        &endpoints,
                        &p.tenant,
                        &p.client_id,
                        &new,
                    )
                    .await
                    {
                        Ok(_) => break,
                        Err(LoginError::Aad(a))
                            if a.code == Some(7000215)
                                && started.elapsed() < ctx.input.replication_wait => {}
                        Err(e) => {
                            let id = if started.elapsed() >= ctx.input.replication_wait {
                                "rotate-not-accepted"
                            } else {
                                "rotate-token-failed"
                            };
                            return ctx.fail(
                                note,
                                id,
                                crate::http::redact_text(e.to_string(), new.expose()),
                            );
                        }
                    }
                    tokio::time::sleep(
                        pause.min(
                            ctx.input
                                .replication_wait
                                .saturating_sub(started.elapsed())
                                .max(Duration::from_millis(100)),
                        ),
                    )
                    .await;
                    pause = (pause * 2).min(Duration::from_secs(10));
                }
                (ctx.progress)(RotateStep::CheckingPermissions);
                let input = match ctx.check_input(new) {
                    Ok(i) => i,
                    Err(e) => return ctx.fail(note, "rotate-read-failed", e),
                };
                let report = run_check(&input).await;
                let needed = ["credentials", "perm_mail_readwrite", "perm_mail_send"];
                if let Some(c) = report
                    .checks
                    .iter()
                    .find(|c| needed.contains(&c.id.as_str()) && c.status == Status::Fail)
                {
                    return ctx.fail(note, "rotate-permissions-failed", check_arg(c));
                }
                if let Err(o) = ctx.save(note, Stage::Proven) {
                    return *o;
                }
            }
            Stage::Proven => {
                let new = match ctx.vault_load(&p.name, &note.pending_ref) {
                    Ok(s) => s,
                    Err(e) => return ctx.fail(note, "rotate-keychain-failed", e.to_string()),
                };
                match ctx.genesys_input(p) {
                    Ok(Some(g)) => {
                        (ctx.progress)(RotateStep::UpdatingGenesys);
                        if let Err(d) = put_secret(ctx, &g, &new).await {
                            return ctx.fail(note, "rotate-genesys-failed", d);
                        }
                        if let Err(o) = ctx.save(note, Stage::GenesysUpdated) {
                            return *o;
                        }
                    }
                    Ok(None) => {
                        (ctx.progress)(RotateStep::WaitingForAdmin);
                        let confirmed = ctx.manual.map(|m| m(&new)).unwrap_or(false);
                        if !confirmed {
                            return ctx.fail(note, "rotate-manual-pending", String::new());
                        }
                        // The admin pasted it and restarted by hand.
                        if let Err(o) = ctx.save(note, Stage::Restarted) {
                            return *o;
                        }
                    }
                    Err(d) => return ctx.fail(note, "rotate-genesys-failed", d),
                }
            }
            Stage::GenesysUpdated => {
                let g = match ctx.genesys_input(p) {
                    Ok(Some(g)) => g,
                    Ok(None) => {
                        return ctx.fail(
                            note,
                            "rotate-genesys-failed",
                            msg_arg(&Msg::plain("azure-rotate-part-gone")),
                        )
                    }
                    Err(d) => return ctx.fail(note, "rotate-genesys-failed", d),
                };
                let progress = |s: RestartStep| (ctx.progress)(RotateStep::Restarting(s));
                let restart_journal = restart::Journal::in_data_dir(ctx.input.store.dir());
                let out = restart::restart(
                    &ctx.http,
                    &g.conn,
                    &azure_identity(p),
                    &p.name,
                    &restart_journal,
                    ctx.input.restart_timeout,
                    &progress,
                )
                .await;
                if !out.ok {
                    return ctx.fail(note, "rotate-restart-failed", summary_arg(&out.check));
                }
                if let Err(o) = ctx.save(note, Stage::Restarted) {
                    return *o;
                }
            }
            Stage::Restarted => {
                if ctx.input.live_test {
                    if let Some(mailbox) = p.mailboxes.first().cloned() {
                        (ctx.progress)(RotateStep::LiveTest);
                        let new = match ctx.vault_load(&p.name, &note.pending_ref) {
                            Ok(s) => s,
                            Err(e) => {
                                return ctx.fail(note, "rotate-keychain-failed", e.to_string())
                            }
                        };
                        let check = match ctx.check_input(new) {
                            Ok(i) => i,
                            Err(e) => return ctx.fail(note, "rotate-read-failed", e),
                        };
                        let live = LiveTestInput {
                            check,
                            sender: mailbox.clone(),
                            recipient: mailbox,
                            wait: crate::microsoft::livetest::DEFAULT_WAIT,
                        };
                        let report = run_live_test(&live, &|_| {}).await.report;
                        let test_ids = ["send", "receive", "mark_read"];
                        if let Some(c) = report
                            .checks
                            .iter()
                            .find(|c| test_ids.contains(&c.id.as_str()) && c.status == Status::Fail)
                        {
                            return ctx.fail(note, "rotate-live-failed", check_arg(c));
                        }
                    }
                }
                if let Err(o) = ctx.save(note, Stage::Verified) {
                    return *o;
                }
            }
            Stage::Verified | Stage::Removing => {
                let Some(admin) = ctx.admin else {
                    return ctx.fail(note, "rotate-no-admin", String::new());
                };
                if note.stage == Stage::Verified {
                    if let Err(o) = ctx.save(note, Stage::Removing) {
                        return *o;
                    }
                }
                (ctx.progress)(RotateStep::RemovingOld);
                if let Some(old) = note.old_key_id.clone() {
                    if let Err(f) =
                        azure::remove(&ctx.http, &endpoints, admin, &p.client_id, &old).await
                    {
                        return ctx.fail(note, "rotate-remove-failed", msg_arg(&f.msg()));
                    }
                }
                return finish(ctx, note);
            }
        }
    }
}

/// The profile switches to the new secret; the old keychain entry goes; the journal closes.
fn finish(ctx: &Ctx<'_>, note: &RotationNote) -> RotateOutcome {
    let p = &ctx.profile;
    let pending = note.pending_ref.clone();
    let (hint, end) = (note.new_hint.clone(), note.end);
    let switched = ctx.input.store.update(|f| {
        if let Some(pr) = f.get_mut(&p.name) {
            pr.secret_ref = pending.clone();
            pr.secret_hint = hint.clone();
            pr.secret_expiry = Some(end);
        }
        Ok(())
    });
    if let Err(e) = switched {
        return ctx.fail(note, "rotate-store-failed", e.to_string());
    }
    if note.old_secret_ref != note.pending_ref {
        let _ = ctx.vault_delete(&p.name, &note.old_secret_ref);
    }
    ctx.journal.clear(&p.name);
    // Only what was proved is said: Genesys Cloud's side is proven only when graphwiz put the
    // secret there and the restarted integration came up on it; a paste by hand is not; and
    // mail flow only when a live test ran (the profile has a mailbox).
    let genesys_checked = matches!(ctx.genesys_input(p), Ok(Some(_)));
    let live_ran = ctx.input.live_test && !p.mailboxes.is_empty();
    let a = ctx.a(args([
        ("end", end.format("%Y-%m-%d").to_string()),
        ("hint", note.new_hint.clone().unwrap_or_default()),
        (
            "genesys",
            if genesys_checked { "checked" } else { "pasted" }.to_string(),
        ),
        ("live", if live_ran { "yes" } else { "no" }.to_string()),
    ]));
    if note.old_key_id.is_some() {
        outcome(true, None, Status::Pass, "rotate-done", a)
    } else {
        outcome(true, None, Status::Warn, "rotate-done-old-left", a)
    }
}

fn azure_identity(p: &Profile) -> AzureIdentity {
    AzureIdentity {
        tenant_ids: [Some(p.tenant.clone()), p.tenant_id.clone()]
            .into_iter()
            .flatten()
            .filter(|t| crate::validate::is_guid(t))
            .collect(),
        client_id: p.client_id.clone(),
    }
}

fn genesys_input(p: &Profile) -> Result<Option<GenesysInput>, String> {
    crate::genesys::setup::input_for(p).map_err(|e| e.to_string())
}

/// Puts `secret` into the integration's credential; the error is the `detail` of
/// `rotate-genesys-failed` (text as it came, or a catalog message).
async fn put_secret(
    ctx: &Ctx<'_>,
    g: &GenesysInput,
    secret: &ClientSecret,
) -> Result<(), serde_json::Value> {
    let p = &ctx.profile;
    let token = login(&ctx.http, &g.conn).await.map_err(|e| match e {
        crate::genesys::client::LoginFailure::Refused { error, .. } => error.into(),
        crate::genesys::client::LoginFailure::Http(h) => {
            msg_arg(&crate::microsoft::graph::http_msg(&h))
        }
    })?;
    let api = GenesysApi::new(&ctx.http, &g.conn.endpoints, token);
    let integration = find_integration(&api, g, &azure_identity(p))
        .await
        .map_err(|c| summary_arg(&c))?;
    credential::update_secret(&api, &integration, &p.client_id, secret)
        .await
        .map(|_| ())
        .map_err(|e| msg_arg(&e.msg()))
}

/// A check's summary as a message argument: its catalog message when it has one (worded in the
/// face's language), else its text.
fn summary_arg(c: &Check) -> serde_json::Value {
    match &c.message_id {
        Some(id) => msg_arg(&Msg::new(id, c.args.clone())),
        None => c.summary.clone().into(),
    }
}

/// A check named in a message: "id: summary".
fn check_arg(c: &Check) -> serde_json::Value {
    msg_arg(&Msg::new(
        "azure-check-detail",
        args([("check", c.id.clone().into()), ("summary", summary_arg(c))]),
    ))
}

async fn roll_back(ctx: &Ctx<'_>, note: RotationNote) -> RotateOutcome {
    let p = &ctx.profile;
    if note.stage >= Stage::Removing {
        return outcome(
            false,
            Some(note.stage),
            Status::Fail,
            "rotate-rollback-too-late",
            ctx.a(Args::new()),
        );
    }
    let Some(admin) = ctx.admin else {
        return ctx.fail(&note, "rotate-no-admin", String::new());
    };
    (ctx.progress)(RotateStep::RollingBack);
    let endpoints = match p.endpoints() {
        Ok(e) => e,
        Err(e) => return ctx.fail(&note, "rotate-read-failed", e.to_string()),
    };
    // Genesys first: it must never point at a removed secret.
    if note.stage >= Stage::GenesysUpdated {
        let old = match ctx.vault_load(&p.name, &note.old_secret_ref) {
            Ok(s) => s,
            Err(e) => return ctx.fail(&note, "rotate-keychain-failed", e.to_string()),
        };
        match ctx.genesys_input(p) {
            Ok(Some(g)) => {
                if let Err(d) = put_secret(ctx, &g, &old).await {
                    return ctx.fail(&note, "rotate-genesys-failed", d);
                }
                let progress = |s: RestartStep| (ctx.progress)(RotateStep::Restarting(s));
                let rj = restart::Journal::in_data_dir(ctx.input.store.dir());
                let out = restart::restart(
                    &ctx.http,
                    &g.conn,
                    &azure_identity(p),
                    &p.name,
                    &rj,
                    ctx.input.restart_timeout,
                    &progress,
                )
                .await;
                if !out.ok {
                    return ctx.fail(&note, "rotate-restart-failed", summary_arg(&out.check));
                }
            }
            Ok(None) => {
                // The admin pasted the new secret by hand: the old one must go back the same way.
                let confirmed = ctx.manual.map(|m| m(&old)).unwrap_or(false);
                if !confirmed {
                    return ctx.fail(&note, "rotate-manual-pending", String::new());
                }
            }
            Err(d) => return ctx.fail(&note, "rotate-genesys-failed", d),
        }
    }
    let new_key = match &note.new_key_id {
        Some(k) => Some(k.clone()),
        None => match azure::secrets(&ctx.http, &endpoints, admin, &p.client_id).await {
            Ok(s) => s
                .into_iter()
                .find(|s| s.display_name.as_deref() == Some(note.display_name.as_str()))
                .and_then(|s| s.key_id),
            Err(f) => return ctx.fail(&note, "rotate-read-failed", msg_arg(&f.msg())),
        },
    };
    if let Some(k) = new_key {
        if let Err(f) = azure::remove(&ctx.http, &endpoints, admin, &p.client_id, &k).await {
            return ctx.fail(&note, "rotate-remove-failed", msg_arg(&f.msg()));
        }
    }
    let _ = ctx.vault_delete(&p.name, &note.pending_ref);
    ctx.journal.clear(&p.name);
    outcome(
        true,
        None,
        Status::Pass,
        "rotate-rolled-back",
        ctx.a(Args::new()),
    )
}
