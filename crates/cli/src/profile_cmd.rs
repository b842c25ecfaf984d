//! `graphwiz profile add|list|show|remove`: profiles in the profiles file, secrets in the OS keychain.

use crate::input::{self, Failure};
use crate::{margs, output, tra, TargetArgs, EXIT_OK};
use clap::{Args, Subcommand};
use graphwiz_core::integration;
use graphwiz_core::store::keychain;
use graphwiz_core::store::profiles::{self, Profile, ProfileError, ProfileStore};
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
    let mailboxes = input::mailboxes(&a.mailboxes)?;
    let (target, secret) = input::target_and_secret(&a.target, "cli-profile-add-what")?;
    let store = ProfileStore::open_default()?;
    save_with_secret(&store, target.profile(&name, mailboxes), &secret, a.replace)?;
    Ok(EXIT_OK)
}

/// Saves a profile with its secret in the OS keychain ([`integration::save_with_secret`]);
/// `replace` overwrites a saved profile of the same name.
pub fn save_with_secret(
    store: &ProfileStore,
    mut profile: Profile,
    secret: &graphwiz_core::ClientSecret,
    replace: bool,
) -> Result<(), Failure> {
    let replacing = match replace {
        true => store.load()?.get(&profile.name).cloned(),
        false => None,
    };
    let saved =
        integration::save_with_secret(store, &mut profile, Some(secret), replacing.as_ref())?;
    if let Some((old, e)) = saved.stale_secret {
        input::warning(&tra(
            "cli-old-secret-not-removed",
            &margs!("profile" => old.as_str(), "detail" => e.to_string()),
        ));
    }
    let name = profile.name.as_str();
    println!(
        "{}",
        tra(
            "cli-profile-saved",
            &margs!(
                "profile" => name,
                "path" => store.path().display().to_string(),
                "hint" => secret.hint(),
                "service" => keychain::SERVICE,
                "account" => format!("{name}/{}", profile.secret_ref),
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
