//! `graphwiz profile add|list|show|remove`: profiles in the profiles file, secrets in the OS keychain.

use crate::input::{self, Failure};
use crate::{margs, output, tr, tra, TargetArgs, EXIT_OK};
use clap::{Args, Subcommand};
use graphwiz_core::keychain;
use graphwiz_core::profiles::{self, Profile, ProfileError, ProfileStore};
use serde::Serialize;

#[derive(Subcommand, Debug)]
pub enum ProfileCommand {
    /// Save a profile; the secret (from --secret-stdin or GRAPHWIZ_CLIENT_SECRET) goes to the OS keychain.
    Add(AddArgs),
    /// List the saved profiles with their last verdict.
    List(ListArgs),
    /// Show one profile (never the secret).
    Show(ShowArgs),
    /// Remove a profile and its keychain entry.
    Remove(RemoveArgs),
    /// Enter the secret's expiry by hand (when Azure does not let graphwiz read it).
    SetExpiry(crate::expiry_cmd::SetExpiryArgs),
    /// Set (or --remove) the Genesys Cloud part: region and OAuth client; its secret goes to the OS keychain.
    SetGenesys(crate::genesys_cmd::SetGenesysArgs),
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// Profile name (letters, digits, spaces, '.', '_', '-').
    name: String,
    #[command(flatten)]
    target: TargetArgs,
    /// A mailbox the integration serves (repeat for several).
    #[arg(long = "mailbox", value_name = "ADDRESS")]
    mailboxes: Vec<String>,
    /// Overwrite an existing profile of this name (and its keychain entry).
    #[arg(long)]
    replace: bool,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// JSON array on standard output.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Profile name.
    name: String,
    /// JSON object on standard output.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct RemoveArgs {
    /// Profile name.
    name: String,
}

pub fn run(cmd: ProfileCommand) -> u8 {
    let result = match cmd {
        ProfileCommand::Add(a) => add(a),
        ProfileCommand::List(a) => list(a),
        ProfileCommand::Show(a) => show(a),
        ProfileCommand::Remove(a) => remove(a),
        ProfileCommand::SetExpiry(a) => return crate::expiry_cmd::set_expiry(a),
        ProfileCommand::SetGenesys(a) => return crate::genesys_cmd::set_genesys(a),
    };
    result.unwrap_or_else(|f| f.report())
}

fn add(a: AddArgs) -> Result<u8, Failure> {
    let name = profiles::validate_name(&a.name)?;
    let t = &a.target;
    let (Some(tenant), Some(client_id)) = (&t.tenant, &t.client_id) else {
        return Err(Failure::usage(tr("cli-profile-add-what")));
    };
    let target = input::target(
        tenant,
        client_id,
        t.cloud.as_deref(),
        t.login_url.as_deref(),
        t.graph_url.as_deref(),
    )?;
    let mailboxes = input::mailboxes(&a.mailboxes)?;
    let (secret, secret_warnings) = input::read_secret(t)?;
    input::warn(&target.warnings);
    let profile = Profile {
        name: name.clone(),
        cloud: target.endpoints.cloud,
        tenant_id: graphwiz_core::validate::is_guid(&target.tenant).then(|| target.tenant.clone()),
        tenant: target.tenant,
        client_id: target.client_id,
        mailboxes,
        login_url: t
            .login_url
            .as_ref()
            .map(|_| target.endpoints.login_base().to_string()),
        graph_url: t
            .graph_url
            .as_ref()
            .map(|_| target.endpoints.graph_base().to_string()),
        secret_ref: String::new(),
        secret_hint: None,
        secret_expiry: None,
        last_check: None,
        last_live_test: None,
        genesys: None,
    };
    let store = ProfileStore::open_default()?;
    save_with_secret(&store, profile, &secret, &secret_warnings, a.replace)?;
    Ok(EXIT_OK)
}

/// Saves a profile and puts its secret in the OS keychain: nothing is written when the keychain
/// can't take the secret, and the secret is removed again when the profile can't be saved.
pub fn save_with_secret(
    store: &ProfileStore,
    mut profile: Profile,
    secret: &graphwiz_core::ClientSecret,
    secret_warnings: &[graphwiz_core::validate::Problem],
    replace: bool,
) -> Result<(), Failure> {
    let name = profile.name.clone();
    // Refuse early (before touching the keychain) on a name clash or a damaged file.
    let existing = store.load()?.get(&name).cloned();
    if existing.is_some() && !replace {
        return Err(ProfileError::Exists { name }.into());
    }
    input::warn(secret_warnings);
    let secret_ref = uuid::Uuid::new_v4().simple().to_string();
    keychain::store(&name, &secret_ref, secret)?;
    profile.secret_ref = secret_ref.clone();
    profile.secret_hint = Some(secret.hint());
    // Replacing the Azure half keeps the Genesys Cloud half (and its keychain entry).
    if profile.genesys.is_none() {
        profile.genesys = existing.as_ref().and_then(|o| o.genesys.clone());
    }
    let saved = store.update(|f| {
        if f.get(&name).is_some() && !replace {
            return Err(ProfileError::Exists { name: name.clone() });
        }
        f.upsert(profile);
        Ok(())
    });
    if let Err(e) = saved {
        // Leave nothing behind: the new secret goes with the profile that was not saved.
        let _ = keychain::delete(&name, &secret_ref);
        return Err(e.into());
    }
    if let Some(old) = existing.filter(|o| o.secret_ref != secret_ref) {
        if let Err(e) = keychain::delete(&old.name, &old.secret_ref) {
            input::warning(&tra(
                "cli-old-secret-not-removed",
                &margs!("profile" => old.name.as_str(), "detail" => e.to_string()),
            ));
        }
    }
    println!(
        "{}",
        tra(
            "cli-profile-saved",
            &margs!(
                "profile" => name.as_str(),
                "path" => store.path().display().to_string(),
                "hint" => secret.hint(),
                "service" => keychain::SERVICE,
                "account" => format!("{name}/{secret_ref}"),
            )
        )
    );
    Ok(())
}

/// A profile without its last report, for `profile list --json`.
#[derive(Serialize)]
pub struct Summary<'a> {
    pub name: &'a str,
    pub cloud: &'a str,
    pub tenant: &'a str,
    pub tenant_id: Option<&'a str>,
    pub client_id: &'a str,
    pub mailboxes: &'a [String],
    pub secret_hint: Option<&'a str>,
    pub secret_expiry: Option<chrono::DateTime<chrono::Utc>>,
    pub last_check_at: Option<chrono::DateTime<chrono::Utc>>,
    pub last_check_ok: Option<bool>,
}

pub fn summary(p: &Profile) -> Summary<'_> {
    Summary {
        name: &p.name,
        cloud: p.cloud.id(),
        tenant: &p.tenant,
        tenant_id: p.tenant_id.as_deref(),
        client_id: &p.client_id,
        mailboxes: &p.mailboxes,
        secret_hint: p.secret_hint.as_deref(),
        secret_expiry: p.secret_expiry,
        last_check_at: p.last_check.as_ref().map(|c| c.at),
        last_check_ok: p.last_check.as_ref().map(|c| c.report.ok),
    }
}

fn list(a: ListArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let file = store.load()?;
    if a.json {
        let all: Vec<Summary> = file.profiles.iter().map(summary).collect();
        output::print_json(&all);
    } else {
        output::print_profiles(&file.profiles, &store.path());
    }
    Ok(EXIT_OK)
}

fn find(store: &ProfileStore, name: &str) -> Result<Profile, Failure> {
    let file = store.load()?;
    file.get(name).cloned().ok_or_else(|| {
        ProfileError::NotFound {
            name: name.to_string(),
            known: file.names(),
        }
        .into()
    })
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    profile: &'a Profile,
    /// `true`/`false`, or `null` when the keychain could not be asked.
    secret_in_keychain: Option<bool>,
}

fn show(a: ShowArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let p = find(&store, &a.name)?;
    let in_keychain = keychain::exists(&p.name, &p.secret_ref);
    if a.json {
        output::print_json(&Shown {
            profile: &p,
            secret_in_keychain: in_keychain.as_ref().ok().copied(),
        });
    } else {
        output::print_profile(&p, &in_keychain);
    }
    Ok(EXIT_OK)
}

fn remove(a: RemoveArgs) -> Result<u8, Failure> {
    let store = ProfileStore::open_default()?;
    let p = find(&store, &a.name)?;
    // The keychain entries first: a profile is only removed when its secrets are gone too.
    let had_secret = keychain::delete(&p.name, &p.secret_ref)?;
    if let Some(g) = &p.genesys {
        keychain::delete(&p.name, &g.secret_ref)?;
    }
    store.update(|f| {
        f.remove(&p.name);
        Ok(())
    })?;
    println!(
        "{}",
        tra(
            "cli-profile-removed",
            &margs!("profile" => p.name.as_str(), "secret" => had_secret)
        )
    );
    Ok(EXIT_OK)
}
