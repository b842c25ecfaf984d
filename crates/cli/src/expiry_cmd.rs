//! `graphwiz expiry`, `graphwiz reminders --ics` and `graphwiz profile set-expiry`: the secret's
//! expiry for people, calendars and monitoring (cron, Nagios-style exit codes).

use crate::input::{self, Failure};
use crate::{margs, output, tr, tra, EXIT_FAILED, EXIT_OK};
use clap::Args;
use graphwiz_core::checks::run_many;
use graphwiz_core::microsoft::expiry::{self, CalendarEntry, ExpiryState};
use graphwiz_core::store::keychain;
use graphwiz_core::store::profiles::{Profile, ProfileError, ProfileStore};
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct ExpiryArgs {
    /// Only this profile.
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    profile: Option<String>,
    /// Every profile (the default).
    #[arg(long)]
    all: bool,
    /// Warning window in days.
    #[arg(long, value_name = "N", default_value_t = expiry::DEFAULT_WARN_DAYS, value_parser = clap::value_parser!(u32).range(0..=3650))]
    warn_days: u32,
    /// Read the expiry from Azure first (runs the checks of the selected profiles).
    #[arg(long)]
    refresh: bool,
    /// JSON array on standard output.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct RemindersArgs {
    /// The iCalendar file to write (import it into Outlook, Google or Apple Calendar).
    #[arg(long, value_name = "FILE")]
    ics: PathBuf,
    /// Only this profile.
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    profile: Option<String>,
    /// Every profile (the default).
    #[arg(long)]
    all: bool,
}

#[derive(Args, Debug)]
pub struct SetExpiryArgs {
    /// Profile name.
    name: String,
    /// Expiry as shown in the portal's Expires column: YYYY-MM-DD (or an RFC 3339 time).
    date: String,
}

fn select(profile: &Option<String>) -> Result<(ProfileStore, Vec<Profile>), Failure> {
    let store = ProfileStore::open_default()?;
    let file = store.load()?;
    let list = match profile {
        Some(name) => vec![file
            .get(name)
            .cloned()
            .ok_or_else(|| ProfileError::NotFound {
                name: name.clone(),
                known: file.names(),
            })?],
        None => file.profiles.clone(),
    };
    if list.is_empty() {
        return Err(Failure::usage(tr("cli-no-profiles")));
    }
    Ok((store, list))
}

/// One row of `graphwiz expiry`.
#[derive(Serialize)]
struct Row {
    profile: String,
    tenant: String,
    client_id: String,
    expires: Option<chrono::DateTime<chrono::Utc>>,
    days_left: Option<i64>,
    state: &'static str,
}

pub fn expiry(a: ExpiryArgs) -> u8 {
    run_expiry(a).unwrap_or_else(|f| f.report())
}

fn run_expiry(a: ExpiryArgs) -> Result<u8, Failure> {
    let (store, mut list) = select(&a.profile)?;
    if a.refresh {
        let mut inputs = Vec::new();
        let mut names = Vec::new();
        for p in &list {
            let secret = keychain::load(&p.name, &p.secret_ref)?;
            inputs.push(
                p.check_input(secret, Duration::from_secs(30))
                    .map_err(Failure::from)?,
            );
            names.push(p.name.clone());
        }
        let reports = input::runtime()?.block_on(run_many(&inputs, 8));
        let now = chrono::Utc::now();
        list = store.update(|f| {
            for (name, r) in names.iter().zip(&reports) {
                if let Some(p) = f.get_mut(name) {
                    p.record_check(r, now);
                }
            }
            Ok(names.iter().filter_map(|n| f.get(n).cloned()).collect())
        })?;
    }
    let now = chrono::Utc::now();
    let rows: Vec<Row> = list
        .iter()
        .map(|p| {
            let state = p.secret_expiry.map(|e| expiry::state(e, now, a.warn_days));
            Row {
                profile: p.name.clone(),
                tenant: p.tenant.clone(),
                client_id: p.client_id.clone(),
                expires: p.secret_expiry,
                days_left: p
                    .secret_expiry
                    .map(|e| expiry::days_left(e, now, &chrono::Local)),
                state: match state {
                    Some(ExpiryState::Ok) => "ok",
                    Some(ExpiryState::Soon) => "soon",
                    Some(ExpiryState::Expired) => "expired",
                    None => "unknown",
                },
            }
        })
        .collect();
    if a.json {
        output::print_json(&rows);
    } else {
        let (profile_h, expires_h, days_h) = (
            tr("cli-col-profile"),
            tr("cli-col-expires"),
            tr("cli-col-days-left"),
        );
        let unknown = tr("cli-expiry-unknown-date");
        let width = rows
            .iter()
            .map(|r| r.profile.chars().count())
            .chain([profile_h.chars().count(), 7])
            .max()
            .unwrap_or(7);
        let expires_w = [expires_h.chars().count(), unknown.chars().count(), 10]
            .into_iter()
            .max()
            .unwrap_or(10);
        let days_w = days_h.chars().count().max(9);
        println!(
            "  {profile_h:<width$}  {expires_h:<expires_w$}  {days_h:>days_w$}  {}",
            tr("cli-col-state")
        );
        for r in &rows {
            println!(
                "  {:<width$}  {:<expires_w$}  {:>days_w$}  {}",
                r.profile,
                r.expires
                    .map(output::day)
                    .unwrap_or_else(|| unknown.clone()),
                r.days_left
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into()),
                tra("cli-expiry-state", &margs!("state" => r.state))
            );
        }
        if rows.iter().any(|r| r.state == "unknown") {
            println!();
            println!("{}", tr("cli-expiry-unknown-hint"));
        }
    }
    Ok(
        if rows
            .iter()
            .any(|r| r.state == "soon" || r.state == "expired")
        {
            EXIT_FAILED
        } else {
            EXIT_OK
        },
    )
}

pub fn reminders(a: RemindersArgs) -> u8 {
    run_reminders(a).unwrap_or_else(|f| f.report())
}

fn run_reminders(a: RemindersArgs) -> Result<u8, Failure> {
    let (_, list) = select(&a.profile)?;
    let stamp = chrono::Utc::now();
    let entries: Vec<CalendarEntry> = list
        .iter()
        .filter_map(|p| p.calendar_entry(stamp))
        .collect();
    let skipped: Vec<&str> = list
        .iter()
        .filter(|p| p.secret_expiry.is_none())
        .map(|p| p.name.as_str())
        .collect();
    if entries.is_empty() {
        return Err(Failure::usage(tra(
            "cli-reminders-none",
            &margs!("profiles" => skipped.join(", ")),
        )));
    }
    graphwiz_core::store::profiles::write_atomic(
        &a.ics,
        expiry::calendar_in(&entries, &expiry::DEFAULT_REMINDER_DAYS, crate::lang()).as_bytes(),
    )?;
    println!(
        "{}",
        tra(
            "cli-reminders-written",
            &margs!(
                "path" => a.ics.display().to_string(),
                "count" => entries.len(),
                "days" => expiry::DEFAULT_REMINDER_DAYS
                    .iter()
                    .filter(|d| **d > 0)
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        )
    );
    if !skipped.is_empty() {
        input::warning(&tra(
            "cli-reminders-skipped",
            &margs!("profiles" => skipped.join(", ")),
        ));
    }
    Ok(EXIT_OK)
}

/// Parses `YYYY-MM-DD` (end of that day, UTC, as the portal's date means) or RFC 3339; the
/// error is worded in this run's language.
pub fn parse_date(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    let given = s.trim();
    if let Ok(d) = chrono::NaiveDate::parse_from_str(given, "%Y-%m-%d") {
        return d
            .and_hms_opt(23, 59, 59)
            .map(|dt| dt.and_utc())
            .ok_or_else(|| tra("cli-date-invalid", &margs!("given" => given)));
    }
    chrono::DateTime::parse_from_rfc3339(given)
        .map(|d| d.with_timezone(&chrono::Utc))
        .map_err(|_| tra("cli-date-unreadable", &margs!("given" => given)))
}

pub fn set_expiry(a: SetExpiryArgs) -> u8 {
    (|| -> Result<u8, Failure> {
        let date = parse_date(&a.date)
            .map_err(|m| Failure::usage(tra("cli-set-expiry-bad", &margs!("detail" => m))))?;
        let store = ProfileStore::open_default()?;
        store.update(|f| {
            let known = f.names();
            let p = f.get_mut(&a.name).ok_or(ProfileError::NotFound {
                name: a.name.clone(),
                known,
            })?;
            p.secret_expiry = Some(date);
            Ok(())
        })?;
        println!(
            "{}",
            tra(
                "cli-set-expiry-done",
                &margs!(
                    "profile" => a.name.as_str(),
                    "date" => graphwiz_core::i18n::date_arg(date.date_naive()),
                )
            )
        );
        Ok(EXIT_OK)
    })()
    .unwrap_or_else(|f| f.report())
}
