//! Secret expiry end to end: read from the emulator's passwordCredentials, matched by hint,
//! kept in the profile; `graphwiz expiry` exit codes; the .ics file parsed back.

use chrono::{Duration, Utc};
use graphwiz_emulator::model::Secret;
use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;
use std::path::Path;

mod common;
use common::Run;

fn graphwiz(home: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    common::graphwiz_in(home, args, stdin, &[])
}

struct Fixture {
    emu: Emulator,
    home: tempfile::TempDir,
    name: String,
}

impl Fixture {
    fn new(tag: &str) -> Self {
        let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
        let home = tempfile::tempdir().unwrap();
        let name = format!("{tag}-{}", std::process::id());
        let c = emu.demo();
        let url = emu.base_url();
        let run = graphwiz(
            home.path(),
            &[
                "profile",
                "add",
                &name,
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--login-url",
                &url,
                "--graph-url",
                &url,
                "--secret-stdin",
            ],
            Some(&c.client_secret),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        Fixture { emu, home, name }
    }
    fn run(&self, args: &[&str]) -> Run {
        graphwiz(self.home.path(), args, None)
    }
    fn check(&self) -> Value {
        let run = self.run(&["check", "--profile", &self.name, "--json"]);
        serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr))
    }
    fn expiry_check(&self) -> Value {
        let r = self.check();
        r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "secret_expiry")
            .unwrap()
            .clone()
    }
    fn add_secret(&self, value: &str, days: i64) {
        let client = self.emu.demo().client_id;
        self.emu.update_directory(|d| {
            let app = d.tenants[0].app_mut(&client).unwrap();
            app.password_credentials.push(Secret::new(
                &uuid_like(value),
                "second",
                value,
                Utc::now() - Duration::days(30),
                Utc::now() + Duration::days(days),
            ));
        });
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        graphwiz(self.home.path(), &["profile", "remove", &self.name], None);
    }
}

fn uuid_like(seed: &str) -> String {
    let n: u32 = seed.bytes().map(u32::from).sum();
    format!("{n:08x}-0000-4000-8000-000000000000")
}

#[test]
fn matched_secret_is_read_and_kept() {
    let f = Fixture::new("match");
    let c = f.expiry_check();
    assert_eq!(c["status"], "pass", "{c:#}");
    assert!(
        c["summary"].as_str().unwrap().contains("days left"),
        "{c:#}"
    );
    assert!(c["portal_url"].as_str().unwrap().contains("/Credentials/"));
    let rows: Value = serde_json::from_str(&f.run(&["expiry", "--json"]).stdout).unwrap();
    assert_eq!(rows[0]["state"], "ok");
    let left = rows[0]["days_left"].as_i64().unwrap();
    assert!((179..=181).contains(&left), "{left}");
    assert_eq!(f.run(&["expiry"]).code, 0);
    let wide = f.run(&["expiry", "--warn-days", "200"]);
    assert_eq!(wide.code, 1, "inside the window: {}", wide.stdout);
    assert!(wide.stdout.contains("soon"));
}

#[test]
fn several_matches_pick_none() {
    let f = Fixture::new("several");
    f.add_secret("dmoAnotherSecretValueWithTheSameHint0000", 20);
    let c = f.expiry_check();
    assert_eq!(c["status"], "warn", "{c:#}");
    assert!(
        c["summary"]
            .as_str()
            .unwrap()
            .contains("2 client secrets of the app start with 'dmo'"),
        "{c:#}"
    );
    let rows: Value = serde_json::from_str(&f.run(&["expiry", "--json"]).stdout).unwrap();
    assert_eq!(rows[0]["state"], "unknown", "no date is picked silently");
    // The admin enters the date by hand; the check then uses it.
    let soon = (Utc::now() + Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(f.run(&["profile", "set-expiry", &f.name, &soon]).code, 0);
    let c = f.expiry_check();
    assert_eq!(c["status"], "warn");
    assert!(
        c["summary"].as_str().unwrap().contains("entered by hand"),
        "{c:#}"
    );
    let run = f.run(&["expiry"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
}

#[test]
fn no_match_is_explained() {
    let f = Fixture::new("nomatch");
    let client = f.emu.demo().client_id;
    f.emu.update_directory(|d| {
        for s in &mut d.tenants[0].app_mut(&client).unwrap().password_credentials {
            s.hint = "zzz".into();
        }
    });
    let c = f.expiry_check();
    assert_eq!(c["status"], "warn");
    assert!(
        c["summary"]
            .as_str()
            .unwrap()
            .contains("none of the app's client secrets starts with 'dmo'"),
        "{c:#}"
    );
}

#[test]
fn other_secrets_expiring_soon_are_reported() {
    let f = Fixture::new("others");
    f.add_secret("oldAnotherSecretValueExpiringSoon0000000", 5);
    let c = f.expiry_check();
    assert_eq!(c["status"], "pass");
    let s = c["summary"].as_str().unwrap();
    assert!(
        s.contains("Other secrets of the app: 'second' (old…) expires in 5 days"),
        "{s}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let f = Fixture::new("usage");
    assert_eq!(f.run(&["expiry", "--profile", "nope"]).code, 2);
    let bad = f.run(&["profile", "set-expiry", &f.name, "31.12.2027"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("YYYY-MM-DD"), "{}", bad.stderr);
    assert_eq!(f.run(&["expiry", "--warn-days", "x"]).code, 2);
}

#[test]
fn calendar_file_parses_back_with_stable_uids() {
    let f = Fixture::new("ics");
    assert_eq!(f.run(&["check", "--profile", &f.name]).code, 0);
    let ics = f.home.path().join("reminders.ics");
    let run = f.run(&["reminders", "--ics", ics.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = std::fs::read_to_string(&ics).unwrap();
    let unfolded = icalendar::parser::unfold(&first);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar file");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1);
    let ev = events[0];
    let prop = |name: &str| {
        ev.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
    };
    assert!(
        prop("SUMMARY").unwrap().contains("Client secret expires"),
        "{first}"
    );
    assert!(prop("SUMMARY").unwrap().contains(&f.name));
    let dtstart = ev.properties.iter().find(|p| p.name == "DTSTART").unwrap();
    assert!(
        dtstart
            .params
            .iter()
            .any(|p| p.key == "VALUE" && p.val.as_ref().map(|v| v.as_ref()) == Some("DATE")),
        "all-day event"
    );
    let triggers: Vec<String> = ev
        .components
        .iter()
        .filter(|c| c.name == "VALARM")
        .map(|a| {
            a.properties
                .iter()
                .find(|p| p.name == "TRIGGER")
                .unwrap()
                .val
                .to_string()
        })
        .collect();
    assert_eq!(
        triggers,
        vec![
            "-PT2592000S",
            "-PT1209600S",
            "-PT604800S",
            "-PT259200S",
            "-PT86400S",
            "P0D"
        ],
        "the reminder days: 30, 14, 7, 3 and 1 days before and on the day"
    );
    // A one-day all-day event ends the next day (RFC 5545).
    let (start, end) = (prop("DTSTART").unwrap(), prop("DTEND").unwrap());
    let day = |v: &str| chrono::NaiveDate::parse_from_str(v, "%Y%m%d").unwrap();
    assert_eq!(day(&end), day(&start).succ_opt().unwrap(), "{first}");
    let uid = prop("UID").unwrap();
    std::fs::remove_file(&ics).unwrap();
    assert_eq!(
        f.run(&["reminders", "--ics", ics.to_str().unwrap()]).code,
        0
    );
    let second = std::fs::read_to_string(&ics).unwrap();
    let unfolded = icalendar::parser::unfold(&second);
    let again = icalendar::parser::read_calendar(&unfolded).unwrap();
    let uids: Vec<String> = again
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .flat_map(|c| {
            c.properties
                .iter()
                .filter(|p| p.name == "UID")
                .map(|p| p.val.to_string())
        })
        .collect();
    assert_eq!(uids, vec![uid], "re-export keeps the UID");
}
