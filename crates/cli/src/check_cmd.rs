//! `graphwiz check`: one integration given by options or a profile, or every profile at once.

use crate::consent_cmd::{admin_findings, SignInKind, ADMIN_SIGN_IN_VALUES, DEFAULT_WAIT_SECS};
use crate::input::{self, Failure};
use crate::{lang, margs, output, tr, tra, TargetArgs, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::bulk;
use graphwiz_core::checks::{run_check, Check, Report};
use graphwiz_core::microsoft::admin;
use graphwiz_core::store::profiles::{Profile, ProfileStore};
use graphwiz_core::CheckInput;
use std::time::Duration;

/// What to check besides the app: the profile, mailboxes, scope audit and expiry window.
#[derive(Args, Debug, Clone)]
pub struct ScopeArgs {
    /// Use a saved profile; explicit options override its values.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// A mailbox the integration serves (repeat for several); replaces a profile's list.
    #[arg(long = "mailbox", value_name = "ADDRESS")]
    pub mailboxes: Vec<String>,
    /// Scope audit: a mailbox the app should NOT be able to read (read-only probe).
    #[arg(long, value_name = "ADDRESS")]
    pub probe_mailbox: Option<String>,
    /// Days before the secret's expiry when secret_expiry starts to warn.
    #[arg(long, value_name = "N", default_value_t = graphwiz_core::microsoft::expiry::DEFAULT_WARN_DAYS, value_parser = clap::value_parser!(u32).range(0..=3650))]
    pub warn_days: u32,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    target: TargetArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Check every saved profile, concurrently.
    #[arg(long, conflicts_with_all = ["tenant", "client_id", "secret_stdin", "login_url", "graph_url", "cloud", "mailboxes", "probe_mailbox", "profile"])]
    all: bool,
    /// How many profiles --all checks at the same time.
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    concurrency: u16,
    /// Timeout of each network request, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// Let an administrator sign in to decide User.Read's admin consent for certain, when the
    /// app's own token can't read its grants: browser or device-code.
    #[arg(long, value_name = "HOW", value_parser = ADMIN_SIGN_IN_VALUES, conflicts_with = "all")]
    admin_sign_in: Option<String>,
    /// Public client for the admin sign-in (default: Microsoft Graph Command Line Tools).
    #[arg(long, value_name = "GUID", requires = "admin_sign_in")]
    admin_client_id: Option<String>,
    /// Print JSON on standard output instead of text (one object; with --all one array).
    #[arg(long)]
    json: bool,
    /// With --all: print one JSON object per profile per line (JSON Lines), each as soon as that
    /// profile's check finished, instead of one array at the end.
    #[arg(long, requires = "all", conflicts_with = "json")]
    jsonl: bool,
}

impl ScopeArgs {
    /// Applies mailboxes, scope audit and warning window (a profile's values unless overridden).
    fn apply(&self, input: &mut CheckInput, profile: Option<&Profile>) -> Result<(), Failure> {
        input.expiry_warn_days = self.warn_days;
        input.mailboxes = if self.mailboxes.is_empty() {
            profile.map(|p| p.mailboxes.clone()).unwrap_or_default()
        } else {
            input::mailboxes(&self.mailboxes)?
        };
        input.probe_mailbox = match &self.probe_mailbox {
            Some(m) => Some(graphwiz_core::validate::mailbox(m)?),
            None => None,
        };
        if let Some(p) = profile {
            input.known_expiry = p.secret_expiry;
        }
        Ok(())
    }
}

pub fn run(args: CheckArgs) -> u8 {
    let result = if args.all {
        check_all(&args)
    } else {
        check_one(&args)
    };
    result.unwrap_or_else(|f| f.report())
}

fn exit_for(ok: bool) -> u8 {
    if ok {
        EXIT_OK
    } else {
        EXIT_FAILED
    }
}

fn check_one(args: &CheckArgs) -> Result<u8, Failure> {
    let (input, profile_name) =
        build_one(&args.target, &args.scope, Duration::from_secs(args.timeout))?;
    let report = input::runtime()?.block_on(async {
        let mut report = run_check(&input).await;
        if let Some(kind) = &args.admin_sign_in {
            settle_with_admin(&mut report, &input, kind, args.admin_client_id.as_deref()).await?;
        }
        Ok::<_, Failure>(report)
    })?;
    if let Some(name) = profile_name {
        save_results(&[(name, report.clone())])?;
    }
    let report = report.localized(lang());
    if args.json {
        output::print_json(&report);
    } else {
        output::print_human(&input, &report);
    }
    Ok(exit_for(report.ok))
}

/// Decides `perm_user_read` with an administrator's sign-in when the app's own token could not
/// ([`admin::settle_user_read`]).
async fn settle_with_admin(
    report: &mut Report,
    input: &CheckInput,
    kind: &str,
    admin_client_id: Option<&str>,
) -> Result<(), Failure> {
    let undecided = report
        .get("perm_user_read")
        .is_some_and(|c| c.status == graphwiz_core::Status::Warn);
    if !undecided {
        input::note(&tr("cli-user-read-decided"));
        return Ok(());
    }
    let kind: SignInKind = kind
        .parse()
        .map_err(|m: graphwiz_core::i18n::Msg| Failure::usage(m.text(lang())))?;
    let findings = admin_findings(
        kind,
        &input.endpoints,
        &input.tenant,
        &input.client_id,
        admin_client_id,
        Duration::from_secs(DEFAULT_WAIT_SECS),
    )
    .await?;
    admin::settle_user_read(report, &findings, input.endpoints.cloud, &input.client_id);
    Ok(())
}

/// The input of one check from options and/or a profile; the profile's name when the result
/// belongs to it (the check ran against the profile's own integration).
pub fn build_one(
    t: &TargetArgs,
    scope: &ScopeArgs,
    timeout: Duration,
) -> Result<(CheckInput, Option<String>), Failure> {
    Ok(match &scope.profile {
        None => {
            let (target, secret) = input::target_and_secret(t, "cli-check-what")?;
            let mut input =
                CheckInput::new(target.endpoints, target.tenant, target.client_id, secret);
            input.timeout = timeout;
            scope.apply(&mut input, None)?;
            (input, None)
        }
        Some(name) => {
            let store = ProfileStore::open_default()?;
            let file = store.load()?;
            let p = file.get(name).ok_or_else(|| {
                graphwiz_core::store::profiles::ProfileError::NotFound {
                    name: name.clone(),
                    known: file.names(),
                }
            })?;
            let target = input::target(
                t.tenant.as_deref().unwrap_or(&p.tenant),
                t.client_id.as_deref().unwrap_or(&p.client_id),
                Some(t.cloud.as_deref().unwrap_or(p.cloud.id())),
                t.login_url.as_deref().or(p.login_url.as_deref()),
                t.graph_url.as_deref().or(p.graph_url.as_deref()),
            )?;
            input::warn(&target.warnings);
            let secret = input::secret_or_keychain(t, p)?;
            // The result belongs to the profile only when it checked the profile's own integration.
            let same = target.tenant == p.tenant
                && target.client_id == p.client_id
                && target.endpoints == p.endpoints().map_err(Failure::from)?;
            let mut input =
                CheckInput::new(target.endpoints, target.tenant, target.client_id, secret);
            input.timeout = timeout;
            scope.apply(&mut input, Some(p))?;
            if same {
                input.azure_tenant_id = p.tenant_id.clone();
                input.genesys = graphwiz_core::genesys::setup::input_for(p)?;
                if let Some(g) = input.genesys.as_mut() {
                    g.mailboxes = input.mailboxes.clone();
                }
            }
            (input, same.then(|| p.name.clone()))
        }
    })
}

/// Keeps the last result of each profile checked (one locked update for all of them).
pub fn save_results(results: &[(String, Report)]) -> Result<(), Failure> {
    let store = ProfileStore::open_default()?;
    let now = chrono::Utc::now();
    store.update(|f| {
        for (name, report) in results {
            if let Some(p) = f.get_mut(name) {
                p.record_check(report, now);
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// One profile's report in `check --all --json`.
#[derive(serde::Serialize)]
struct ProfileReport<'a> {
    profile: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

fn check_all(args: &CheckArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let file = store.load()?;
    if file.profiles.is_empty() {
        return Err(Failure::usage(tra(
            "cli-check-all-none",
            &margs!("path" => store.path().display().to_string()),
        )));
    }
    let lang = lang();
    let jsonl = args.jsonl;
    let mut reports: Vec<Option<Report>> = vec![None; file.profiles.len()];
    input::runtime()?
        .block_on(bulk::check_saved(
            &file.profiles,
            usize::from(args.concurrency),
            Duration::from_secs(args.timeout),
            args.scope.warn_days,
            refused,
            |i, report| {
                if jsonl {
                    output::print_json_line(&ProfileReport {
                        profile: &file.profiles[i].name,
                        report: &report.localized(lang),
                    });
                }
                reports[i] = Some(report);
            },
        ))
        .map_err(|e| match e {
            bulk::Stop::Keychain(k) => Failure::from(k),
            bulk::Stop::Genesys(g) => Failure::from(g),
        })?;
    let results: Vec<(String, Report)> = file
        .profiles
        .iter()
        .zip(reports)
        .map(|(p, r)| (p.name.clone(), r.unwrap_or_else(|| Report::of(vec![]))))
        .collect();
    save_results(&results)?;
    let results: Vec<(String, Report)> = results
        .into_iter()
        .map(|(name, r)| (name, r.localized(lang)))
        .collect();
    if args.json {
        let list: Vec<ProfileReport> = results
            .iter()
            .map(|(name, report)| ProfileReport {
                profile: name,
                report,
            })
            .collect();
        output::print_json(&list);
    } else if !jsonl {
        output::print_all(&results);
    }
    Ok(exit_for(results.iter().all(|(_, r)| r.ok)))
}

/// The failed check of a saved profile that could not be checked, in the CLI's words.
fn refused(p: &Profile, why: bulk::Unready) -> Report {
    Report::of(vec![match why {
        bulk::Unready::SecretMissing => Check::msg(
            "secret",
            graphwiz_core::Status::Fail,
            "cli-check-secret-missing",
            margs!("profile" => p.name.as_str()),
        ),
        bulk::Unready::Genesys(e) => Check::msg(
            "genesys_login",
            graphwiz_core::Status::Fail,
            "genesys-part-unusable",
            graphwiz_core::i18n::args([("profile", p.name.clone()), ("detail", e.to_string())]),
        ),
        // The endpoint error of the core has no catalog message yet: its English text is the
        // detail.
        bulk::Unready::Endpoints(e) => Check::msg(
            "profile",
            graphwiz_core::Status::Fail,
            "cli-check-profile-endpoints",
            margs!("detail" => e.to_string(), "profile" => p.name.as_str()),
        ),
    }])
}
