//! Client-secret expiry: finding the stored secret among the app's secrets, days left, and which
//! reminders are due. Pure functions over an injected clock and time zone, so the desktop shell
//! only delivers what this module decides.

use crate::i18n::{args, date_arg, Lang, Msg};
use crate::microsoft::graph::PasswordCredential;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Default warning window, in days.
pub const DEFAULT_WARN_DAYS: u32 = 30;
/// Default reminder days before expiry (0 = on the day): the desktop reminders and the calendar
/// entry's alarms.
pub const DEFAULT_REMINDER_DAYS: [u32; 6] = [30, 14, 7, 3, 1, 0];

/// One secret of the app, as Graph lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppSecret {
    /// Secret ID.
    pub key_id: Option<String>,
    /// Description from the portal.
    pub description: Option<String>,
    /// First three characters.
    pub hint: Option<String>,
    /// Expiry.
    pub expires: DateTime<Utc>,
}

impl AppSecret {
    /// From Graph's passwordCredential; `None` when it has no readable end date.
    pub fn from_credential(c: &PasswordCredential) -> Option<Self> {
        let end = c.end_date_time.as_deref()?;
        let expires = DateTime::parse_from_rfc3339(end).ok()?.with_timezone(&Utc);
        Some(AppSecret {
            key_id: c.key_id.clone(),
            description: c.display_name.clone(),
            hint: c.hint.clone(),
            expires,
        })
    }

    /// How an admin recognises it in Certificates & secrets (English).
    pub fn label(&self) -> String {
        self.label_msg().text(Lang::En)
    }

    /// How an admin recognises it in Certificates & secrets, as a catalog message
    /// (`expiry-secret-label`): description and hint, the hint, the description, the Secret ID.
    pub fn label_msg(&self) -> Msg {
        let d = self.description.as_deref().unwrap_or("");
        let h = self.hint.as_deref().unwrap_or("");
        let kind = match (&self.description, &self.hint) {
            (Some(d), Some(_)) if !d.is_empty() => "both",
            (_, Some(_)) => "hint",
            (Some(_), None) => "description",
            (None, None) if self.key_id.is_some() => "id",
            (None, None) => "none",
        };
        Msg::new(
            "expiry-secret-label",
            args([
                ("kind", kind),
                ("description", d),
                ("hint", h),
                ("id", self.key_id.as_deref().unwrap_or("")),
            ]),
        )
    }
}

/// Which of the app's secrets is the one in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretMatch {
    /// Exactly one secret has the hint.
    One(AppSecret),
    /// Several secrets share the hint; none is picked.
    Several(Vec<AppSecret>),
    /// No secret has the hint.
    None,
}

/// Finds the secret whose hint is `hint` (the first three characters of the secret in use).
pub fn match_secret(secrets: &[AppSecret], hint: &str) -> SecretMatch {
    let found: Vec<AppSecret> = secrets
        .iter()
        .filter(|s| s.hint.as_deref() == Some(hint))
        .cloned()
        .collect();
    if found.len() > 1 {
        return SecretMatch::Several(found);
    }
    match found.into_iter().next() {
        Some(one) => SecretMatch::One(one),
        None => SecretMatch::None,
    }
}

/// Calendar days from `now` to `expires`, counted in the time zone `tz` (negative once expired).
pub fn days_left<Tz: TimeZone>(expires: DateTime<Utc>, now: DateTime<Utc>, tz: &Tz) -> i64 {
    let e: NaiveDate = expires.with_timezone(tz).date_naive();
    let n: NaiveDate = now.with_timezone(tz).date_naive();
    (e - n).num_days()
}

/// Where a secret stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExpiryState {
    /// Outside the warning window.
    Ok,
    /// Inside the warning window.
    Soon,
    /// Expired.
    Expired,
}

/// The state of a secret that expires at `expires`.
pub fn state(expires: DateTime<Utc>, now: DateTime<Utc>, warn_days: u32) -> ExpiryState {
    if expires <= now {
        ExpiryState::Expired
    } else if days_left(expires, now, &Utc) <= i64::from(warn_days) {
        ExpiryState::Soon
    } else {
        ExpiryState::Ok
    }
}

/// Identifies one reminder: a profile's secret (by its expiry) and a threshold.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReminderKey {
    /// Profile name.
    pub profile: String,
    /// The secret's expiry; a renewed secret has a new one, so its reminders start afresh.
    pub expires: DateTime<Utc>,
    /// Days before expiry (0 = on the day or after).
    pub days: u32,
}

/// A secret to watch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watched {
    /// Profile name.
    pub profile: String,
    /// Tenant and app, as the admin knows them.
    pub label: String,
    /// Expiry.
    pub expires: DateTime<Utc>,
}

/// A reminder to deliver now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueReminder {
    /// What it is.
    pub key: ReminderKey,
    /// Days left in the admin's time zone (negative once expired).
    pub days_left: i64,
    /// Tenant and app.
    pub label: String,
}

/// Which reminders are due at `now` in time zone `tz`, given the ones already sent.
///
/// For each secret, every threshold the secret has reached counts as handled, but only the most
/// urgent one not sent before is delivered: after weeks offline the admin gets one reminder
/// ("3 days left"), not a burst. Returns the reminders to deliver and the keys to remember.
pub fn due_reminders<Tz: TimeZone>(
    watched: &[Watched],
    now: DateTime<Utc>,
    tz: &Tz,
    thresholds: &[u32],
    sent: &BTreeSet<ReminderKey>,
) -> (Vec<DueReminder>, Vec<ReminderKey>) {
    let mut due = Vec::new();
    let mut mark = Vec::new();
    for w in watched {
        let left = days_left(w.expires, now, tz);
        let mut reached: Vec<u32> = thresholds
            .iter()
            .copied()
            .filter(|d| left <= i64::from(*d))
            .collect();
        reached.sort_unstable();
        reached.dedup();
        let Some(&most_urgent) = reached.first() else {
            continue;
        };
        let key = |days| ReminderKey {
            profile: w.profile.clone(),
            expires: w.expires,
            days,
        };
        if !sent.contains(&key(most_urgent)) {
            due.push(DueReminder {
                key: key(most_urgent),
                days_left: left,
                label: w.label.clone(),
            });
        }
        mark.extend(reached.into_iter().map(key).filter(|k| !sent.contains(k)));
    }
    (due, mark)
}

/// Writes an iCalendar file in English with the default reminder days as alarms (see
/// [`calendar_in`]).
pub fn calendar(entries: &[CalendarEntry]) -> String {
    calendar_in(entries, &DEFAULT_REMINDER_DAYS, Lang::En)
}

/// Writes an iCalendar file: one all-day event per secret on its expiry day (DTEND the next day,
/// as RFC 5545 has it for a one-day event), with an alarm `alarm_days` days before it — the
/// same days as the desktop reminders, so one setting drives both. UIDs are stable (profile +
/// app + expiry), so a re-export updates the same events. The calendar's name, each event's
/// summary and description and the alarms' texts are in `lang` (catalog messages
/// `expiry-calendar-*`; the date as the language writes it).
pub fn calendar_in(entries: &[CalendarEntry], alarm_days: &[u32], lang: Lang) -> String {
    use icalendar::{Alarm, Calendar, Component, Event, EventLike};
    let mut cal = Calendar::new();
    cal.name(&crate::i18n::text(
        lang,
        "expiry-calendar-name",
        &crate::i18n::Args::new(),
    ));
    for e in entries {
        let day = e.expires.date_naive();
        let uid = format!(
            "graphwiz-secret-{}-{}-{}@graphwiz",
            e.client_id,
            e.key_id.as_deref().unwrap_or("secret"),
            day.format("%Y%m%d")
        );
        let who = || {
            args([
                ("app", serde_json::Value::from(e.app.as_str())),
                ("tenant", e.tenant.as_str().into()),
            ])
        };
        let mut description = who();
        let secret = match &e.secret_hint {
            Some(h) => format!("{h}…"),
            None => crate::i18n::text(
                lang,
                "expiry-calendar-secret-in-use",
                &crate::i18n::Args::new(),
            ),
        };
        description.extend(args([
            ("secret", serde_json::Value::from(secret)),
            ("client", e.client_id.as_str().into()),
            ("date", date_arg(day)),
            ("profile", e.profile.as_str().into()),
        ]));
        let mut ev = Event::new();
        ev.uid(&uid)
            .summary(&crate::i18n::text(lang, "expiry-calendar-summary", &who()))
            .description(&crate::i18n::text(
                lang,
                "expiry-calendar-description",
                &description,
            ))
            .starts(day)
            .ends(day.succ_opt().unwrap_or(day))
            .timestamp(e.stamp);
        let mut days: Vec<u32> = alarm_days.to_vec();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        for d in days {
            let mut alarm = who();
            alarm.insert("days".into(), d.into());
            ev.alarm(Alarm::display(
                &crate::i18n::text(lang, "expiry-calendar-alarm", &alarm),
                -chrono::Duration::days(i64::from(d)),
            ));
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}

/// One secret in the calendar.
#[derive(Clone, Debug)]
pub struct CalendarEntry {
    /// Profile name.
    pub profile: String,
    /// Tenant as the admin knows it.
    pub tenant: String,
    /// App name (or client ID).
    pub app: String,
    /// Application (client) ID.
    pub client_id: String,
    /// Secret ID, when known (part of the UID).
    pub key_id: Option<String>,
    /// The first characters of the secret in use (the portal's hint), when known.
    pub secret_hint: Option<String>,
    /// Expiry.
    pub expires: DateTime<Utc>,
    /// DTSTAMP of the event.
    pub stamp: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn secret(hint: &str, end: &str) -> AppSecret {
        AppSecret {
            key_id: Some(format!("k-{hint}-{end}")),
            description: Some("Genesys".into()),
            hint: Some(hint.into()),
            expires: at(end),
        }
    }

    #[test]
    fn matching_by_hint() {
        let list = vec![
            secret("abc", "2027-01-01T00:00:00Z"),
            secret("xyz", "2027-02-01T00:00:00Z"),
            secret("xyz", "2027-03-01T00:00:00Z"),
        ];
        assert!(
            matches!(match_secret(&list, "abc"), SecretMatch::One(s) if s.hint.as_deref() == Some("abc"))
        );
        assert!(matches!(match_secret(&list, "xyz"), SecretMatch::Several(v) if v.len() == 2));
        assert_eq!(match_secret(&list, "nop"), SecretMatch::None);
        assert_eq!(match_secret(&[], "abc"), SecretMatch::None);
    }

    #[test]
    fn secret_labels_and_the_calendar_in_both_languages() {
        let s = secret("abc", "2027-03-01T08:00:00Z");
        assert_eq!(s.label(), "'Genesys' (abc…)");
        assert_eq!(s.label_msg().text(Lang::De), "„Genesys“ (abc…)");
        let bare = AppSecret {
            key_id: None,
            description: None,
            hint: None,
            expires: at("2027-03-01T08:00:00Z"),
        };
        assert_eq!(bare.label(), "a secret");
        assert_eq!(
            bare.label_msg().text(Lang::De),
            "ein geheimer Clientschlüssel"
        );
        let entry = CalendarEntry {
            profile: "contoso".into(),
            tenant: "contoso.onmicrosoft.com".into(),
            app: "Genesys Mail".into(),
            client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            key_id: Some("k1".into()),
            secret_hint: Some("abc".into()),
            expires: at("2027-03-01T08:00:00Z"),
            stamp: at("2026-11-27T10:00:00Z"),
        };
        let unfold = |t: &str| t.replace("\r\n ", "").replace("\n ", "");
        let en = unfold(&calendar(std::slice::from_ref(&entry)));
        assert!(
            en.contains("SUMMARY:Client secret expires: Genesys Mail (contoso.onmicrosoft.com)"),
            "{en}"
        );
        assert!(en.contains("expires on 2027-03-01"), "{en}");
        assert!(
            en.contains("expires in 30 days") && en.contains("expires in 1 day"),
            "{en}"
        );
        // An all-day event ends the next day (RFC 5545), and the alarms are the reminder days.
        assert!(en.contains("DTSTART;VALUE=DATE:20270301"), "{en}");
        assert!(en.contains("DTEND;VALUE=DATE:20270302"), "{en}");
        assert!(en.contains("expires today"), "{en}");
        assert_eq!(
            en.matches("BEGIN:VALARM").count(),
            DEFAULT_REMINDER_DAYS.len()
        );
        let two = calendar_in(std::slice::from_ref(&entry), &[7, 1, 7], Lang::En);
        assert_eq!(two.matches("BEGIN:VALARM").count(), 2, "{two}");
        assert!(
            two.contains("TRIGGER:-PT604800S") && two.contains("TRIGGER:-PT86400S"),
            "{two}"
        );
        let de = unfold(&calendar_in(&[entry], &DEFAULT_REMINDER_DAYS, Lang::De));
        assert!(
            de.contains(
                "SUMMARY:Geheimer Clientschlüssel läuft ab: Genesys Mail (contoso.onmicrosoft.com)"
            ),
            "{de}"
        );
        assert!(de.contains("läuft am 01.03.2027 ab"), "{de}");
        assert!(de.contains("Neuer geheimer Clientschlüssel"), "{de}");
        assert!(
            de.contains("läuft in 14 Tagen ab") && de.contains("läuft in 1 Tag ab"),
            "{de}"
        );
        assert!(
            de.contains("graphwiz: Ablauf geheimer Clientschlüssel"),
            "{de}"
        );
        // The same event (UID) in either language.
        assert!(
            de.contains(
                "UID:graphwiz-secret-3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10-k1-20270301@graphwiz"
            ),
            "{de}"
        );
    }

    #[test]
    fn days_left_follows_the_time_zone() {
        // 23:30 UTC on the 27th is already the 28th in Berlin (UTC+1) but still the 27th in New York.
        let now = at("2026-11-27T23:30:00Z");
        let expires = at("2026-12-01T12:00:00Z");
        assert_eq!(days_left(expires, now, &Utc), 4);
        assert_eq!(
            days_left(expires, now, &FixedOffset::east_opt(3600).unwrap()),
            3
        );
        assert_eq!(
            days_left(expires, now, &FixedOffset::west_opt(5 * 3600).unwrap()),
            4
        );
        // Leap day: 2028-02-28 → 2028-03-01 is two days.
        assert_eq!(
            days_left(at("2028-03-01T10:00:00Z"), at("2028-02-28T10:00:00Z"), &Utc),
            2
        );
        assert_eq!(
            days_left(at("2027-03-01T10:00:00Z"), at("2027-02-28T10:00:00Z"), &Utc),
            1
        );
        // Past dates are negative.
        assert_eq!(days_left(at("2026-11-20T10:00:00Z"), now, &Utc), -7);
    }

    #[test]
    fn states() {
        let now = at("2026-11-27T10:00:00Z");
        assert_eq!(state(at("2027-06-01T00:00:00Z"), now, 30), ExpiryState::Ok);
        assert_eq!(
            state(at("2026-12-20T00:00:00Z"), now, 30),
            ExpiryState::Soon
        );
        assert_eq!(
            state(at("2026-12-27T10:00:00Z"), now, 30),
            ExpiryState::Soon
        );
        assert_eq!(state(at("2026-12-28T10:00:00Z"), now, 30), ExpiryState::Ok);
        assert_eq!(
            state(at("2026-11-27T09:59:59Z"), now, 30),
            ExpiryState::Expired
        );
    }

    fn run(
        watched: &[Watched],
        now: &str,
        tz: &FixedOffset,
        sent: &mut BTreeSet<ReminderKey>,
    ) -> Vec<u32> {
        let (due, mark) = due_reminders(watched, at(now), tz, &DEFAULT_REMINDER_DAYS, sent);
        sent.extend(mark);
        due.into_iter().map(|d| d.key.days).collect()
    }

    #[test]
    fn reminders_table_fire_once_each() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let w = vec![Watched {
            profile: "contoso".into(),
            label: "contoso.onmicrosoft.com / Genesys".into(),
            expires: at("2027-03-01T08:00:00Z"),
        }];
        let mut sent = BTreeSet::new();
        // (now, reminders due)
        let table: [(&str, &[u32]); 13] = [
            ("2026-12-01T09:00:00Z", &[]),
            ("2027-01-30T09:00:00Z", &[30]),
            ("2027-01-30T18:00:00Z", &[]),
            ("2027-02-10T09:00:00Z", &[]),
            ("2027-02-15T09:00:00Z", &[14]),
            ("2027-02-15T09:05:00Z", &[]),
            ("2027-02-22T00:00:00Z", &[7]),
            ("2027-02-26T09:00:00Z", &[3]),
            ("2027-02-28T09:00:00Z", &[1]),
            ("2027-02-28T23:59:00Z", &[]),
            ("2027-03-01T00:00:00Z", &[0]),
            ("2027-03-02T00:00:00Z", &[]),
            ("2027-06-01T00:00:00Z", &[]),
        ];
        for (now, want) in table {
            assert_eq!(run(&w, now, &utc, &mut sent), want, "at {now}");
        }
    }

    #[test]
    fn after_a_long_absence_only_the_most_urgent_fires() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let w = vec![Watched {
            profile: "p".into(),
            label: "l".into(),
            expires: at("2027-03-01T08:00:00Z"),
        }];
        let mut sent = BTreeSet::new();
        assert_eq!(run(&w, "2027-02-27T09:00:00Z", &utc, &mut sent), vec![3]);
        assert_eq!(
            run(&w, "2027-02-27T10:00:00Z", &utc, &mut sent),
            Vec::<u32>::new()
        );
        // Already expired when first seen: one "on the day" reminder, then silence.
        let old = vec![Watched {
            profile: "q".into(),
            label: "l".into(),
            expires: at("2026-01-01T00:00:00Z"),
        }];
        assert_eq!(run(&old, "2026-11-27T09:00:00Z", &utc, &mut sent), vec![0]);
        assert_eq!(
            run(&old, "2026-11-28T09:00:00Z", &utc, &mut sent),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn reminders_use_the_admins_day() {
        // Expires 2027-03-01 02:00 UTC = 2027-02-28 21:00 in New York (UTC-5).
        let w = vec![Watched {
            profile: "p".into(),
            label: "l".into(),
            expires: at("2027-03-01T02:00:00Z"),
        }];
        let ny = FixedOffset::west_opt(5 * 3600).unwrap();
        let utc = FixedOffset::east_opt(0).unwrap();
        // 2027-02-28 10:00 UTC: in UTC one day left; in New York the expiry day itself.
        assert_eq!(
            run(&w, "2027-02-28T10:00:00Z", &utc, &mut BTreeSet::new()),
            vec![1]
        );
        assert_eq!(
            run(&w, "2027-02-28T10:00:00Z", &ny, &mut BTreeSet::new()),
            vec![0]
        );
    }

    #[test]
    fn renewed_secret_starts_afresh() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let mut sent = BTreeSet::new();
        let old = vec![Watched {
            profile: "p".into(),
            label: "l".into(),
            expires: at("2027-01-10T00:00:00Z"),
        }];
        assert_eq!(run(&old, "2027-01-05T00:00:00Z", &utc, &mut sent), vec![7]);
        let renewed = vec![Watched {
            profile: "p".into(),
            label: "l".into(),
            expires: at("2027-02-04T00:00:00Z"),
        }];
        assert_eq!(
            run(&renewed, "2027-01-05T00:00:00Z", &utc, &mut sent),
            vec![30]
        );
    }
}
