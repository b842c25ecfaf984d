//! Desktop reminders of client-secret expiry: what the desktop app delivers, in which words, and
//! what it remembers, decided here over an injected clock and time zone so that the shell only
//! shows a notification (or its in-app banner) and writes its store.
//!
//! * Which reminders are due is [`expiry::due_reminders`] over the saved profiles ([`watched`]);
//!   [`plan`] adds the texts and what to forget.
//! * What was sent is kept in the app's store (a JSON key/value file, [`STORE_FILE`]): one entry
//!   per [`ReminderKey`] under [`store_key`], holding a [`SentRecord`]. A reminder is delivered once
//!   per key; a renewed secret (new expiry) starts afresh, and the entries of secrets no longer
//!   watched are forgotten.
//! * Reminders that could not go out as a desktop notification (no notification server), or whose
//!   notification can't be clicked, are shown as banners in the app's window ([`Banner`]); the
//!   banner's button opens the profile's Secret expiry step.
//! * Texts name the tenant, the app (profile) and the days left, in English or German.

use crate::i18n::{args, date_arg, Msg};
use crate::microsoft::expiry::{self, DueReminder, ReminderKey, Watched};
use crate::store::profiles::Profile;
use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt::Display;
use std::sync::OnceLock;

/// File name of the app's reminder store (in the data folder, next to `profiles.json`).
pub const STORE_FILE: &str = "reminders.json";
/// Prefix of the store keys of sent reminders.
pub const SENT_PREFIX: &str = "sent/";
/// Store key of the banners waiting in the app's window.
pub const BANNERS_KEY: &str = "banners";
/// Store key of the time of the last reminder check.
pub const LAST_CHECK_KEY: &str = "last_check";
/// Most banners kept; older ones are dropped.
pub const MAX_BANNERS: usize = 50;

/// The language of reminder texts (the UI's language setting): the one language type of graphwiz.
pub use crate::i18n::Lang;

/// The tray menu's entries: Open, Check now, Quit (catalog messages `reminder-tray-*`).
pub fn tray_labels(lang: Lang) -> [&'static str; 3] {
    static WORDS: [OnceLock<[String; 3]>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Lang::En => &WORDS[0],
        Lang::De => &WORDS[1],
    };
    let words = slot.get_or_init(|| {
        [
            "reminder-tray-open",
            "reminder-tray-check",
            "reminder-tray-quit",
        ]
        .map(|id| crate::i18n::text(lang, id, &crate::i18n::Args::new()))
    });
    [&words[0], &words[1], &words[2]].map(String::as_str)
}

/// How a reminder reached the admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// A desktop notification, taken by a notification server.
    Notification,
    /// The app's own window (no notification server answered).
    Window,
}

/// Where one reminder went and whether the window keeps it as a banner too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// How it was delivered.
    pub via: Delivery,
    /// True when it is also kept as a banner in the window.
    pub banner: bool,
}

/// Decides where a reminder went, the notification → in-app banner fallback: `server` is the
/// notification server that answered (`Some(true)` when it reports clicks), `None` when none did;
/// `shown` whether the notification was taken. No server, or a notification not taken: the
/// window, as a banner. Taken by a server that can't report clicks: a notification, and a banner
/// whose button opens the profile. Otherwise a notification only.
pub fn route(server: Option<bool>, shown: bool) -> Route {
    match (server, shown) {
        (Some(clicks), true) => Route {
            via: Delivery::Notification,
            banner: !clicks,
        },
        _ => Route {
            via: Delivery::Window,
            banner: true,
        },
    }
}

/// True when `banners` hold one that went to the window only: the window is then shown.
pub fn window_needed(banners: &[Banner]) -> bool {
    banners.iter().any(|b| b.via == Delivery::Window)
}

/// A reminder that was delivered, as kept in the store under [`store_key`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentRecord {
    /// Which reminder.
    #[serde(flatten)]
    pub key: ReminderKey,
    /// When it was delivered.
    pub sent_at: DateTime<Utc>,
    /// How.
    pub via: Delivery,
}

/// The store key of a sent reminder: `sent/<profile>/<expiry, RFC 3339>/<days>`.
pub fn store_key(k: &ReminderKey) -> String {
    format!(
        "{SENT_PREFIX}{}/{}/{}",
        k.profile,
        k.expires.to_rfc3339_opts(SecondsFormat::Secs, true),
        k.days
    )
}

/// The reminders already sent, from the store's entries (other keys and damaged values are
/// skipped).
pub fn sent_keys<'a>(
    entries: impl IntoIterator<Item = (&'a String, &'a serde_json::Value)>,
) -> BTreeSet<ReminderKey> {
    entries
        .into_iter()
        .filter(|(k, _)| k.starts_with(SENT_PREFIX))
        .filter_map(|(_, v)| serde_json::from_value::<SentRecord>(v.clone()).ok())
        .map(|r| r.key)
        .collect()
}

/// The label of a profile's secret: `<tenant> (<profile>)`, as the admin knows it.
pub fn label(p: &Profile) -> String {
    format!("{} ({})", p.tenant, p.name)
}

/// The saved profiles whose secret expiry is known.
pub fn watched(profiles: &[Profile]) -> Vec<Watched> {
    profiles
        .iter()
        .filter_map(|p| {
            p.secret_expiry.map(|expires| Watched {
                profile: p.name.clone(),
                label: label(p),
                expires,
            })
        })
        .collect()
}

/// The words of one reminder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    /// Title (notification summary).
    pub title: String,
    /// Body.
    pub body: String,
}

/// The title and body of a reminder at `now` of `app`'s secret in `tenant`, expiring at
/// `expires`; days are calendar days in the time zone `tz`, as is the date.
pub fn text<Tz: TimeZone>(
    lang: Lang,
    tenant: &str,
    app: &str,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Text
where
    Tz::Offset: Display,
{
    let (title, body) = messages(tenant, app, expires, now, tz);
    Text {
        title: title.text(lang),
        body: body.text(lang),
    }
}

/// [`text`] as catalog messages (`reminder-title`, `reminder-body`), for a face that words them
/// later: the days left select the words and plural forms, the date is the admin's day in `tz`.
pub fn messages<Tz: TimeZone>(
    tenant: &str,
    app: &str,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: &Tz,
) -> (Msg, Msg)
where
    Tz::Offset: Display,
{
    let days_left = expiry::days_left(expires, now, tz);
    let expired = expires <= now;
    let when = match days_left {
        d if d > 1 => "future",
        1 => "tomorrow",
        0 if expired => "expired_today",
        0 => "today",
        -1 => "yesterday",
        _ => "past",
    };
    let title = Msg::new(
        "reminder-title",
        args([
            ("when", serde_json::Value::from(when)),
            ("days", days_left.abs().into()),
            ("tenant", tenant.into()),
            ("app", app.into()),
        ]),
    );
    let body = Msg::new(
        "reminder-body",
        args([
            (
                "expired",
                serde_json::Value::from(if expired { "yes" } else { "no" }),
            ),
            ("date", date_arg(expires.with_timezone(tz).date_naive())),
            ("tenant", tenant.into()),
            ("app", app.into()),
        ]),
    );
    (title, body)
}

/// A reminder to deliver now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Which reminder (also what to remember once delivered).
    pub key: ReminderKey,
    /// Calendar days left in the admin's time zone (negative once expired).
    pub days_left: i64,
    /// Profile name (the app, as the admin named it).
    pub profile: String,
    /// Tenant.
    pub tenant: String,
    /// Its words.
    pub text: Text,
}

/// What one reminder check does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Reminders to deliver (at most one per secret: the most urgent not sent before).
    pub deliver: Vec<Reminder>,
    /// Keys to remember as sent (delivered ones and the less urgent thresholds they cover).
    pub mark: Vec<ReminderKey>,
    /// Sent keys of secrets no longer watched (profile removed, secret renewed): to forget.
    pub forget: Vec<ReminderKey>,
}

/// Decides one reminder check: which of the saved `profiles`' secrets get a reminder at `now` in
/// time zone `tz`, for the reminder `days` (days before expiry; 0 = on the day), given the
/// reminders already `sent`. No reminder days → nothing is due.
pub fn plan<Tz: TimeZone>(
    profiles: &[Profile],
    now: DateTime<Utc>,
    tz: &Tz,
    days: &[u32],
    sent: &BTreeSet<ReminderKey>,
    lang: Lang,
) -> Plan
where
    Tz::Offset: Display,
{
    let watched = watched(profiles);
    let (due, mark) = expiry::due_reminders(&watched, now, tz, days, sent);
    let deliver = due
        .into_iter()
        .filter_map(|d: DueReminder| {
            let p = profiles.iter().find(|p| p.name == d.key.profile)?;
            Some(Reminder {
                text: text(lang, &p.tenant, &p.name, d.key.expires, now, tz),
                profile: p.name.clone(),
                tenant: p.tenant.clone(),
                days_left: d.days_left,
                key: d.key,
            })
        })
        .collect();
    let forget = sent
        .iter()
        .filter(|k| {
            !watched
                .iter()
                .any(|w| w.profile == k.profile && w.expires == k.expires)
        })
        .cloned()
        .collect();
    Plan {
        deliver,
        mark,
        forget,
    }
}

/// A reminder waiting in the app's window, as kept in the store under [`BANNERS_KEY`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Banner {
    /// Which reminder.
    pub key: ReminderKey,
    /// Tenant.
    pub tenant: String,
    /// How the reminder went out (`window`: no notification server answered).
    pub via: Delivery,
    /// When.
    pub sent_at: DateTime<Utc>,
}

impl Banner {
    /// The banner of a reminder delivered `via` at `now`.
    pub fn of(r: &Reminder, via: Delivery, now: DateTime<Utc>) -> Self {
        Banner {
            key: r.key.clone(),
            tenant: r.tenant.clone(),
            via,
            sent_at: now,
        }
    }

    /// Its stable id (the reminder's store key).
    pub fn id(&self) -> String {
        store_key(&self.key)
    }
}

/// What the UI shows of one banner (the UI words it in its own language).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BannerView {
    /// Id for dismissing it.
    pub id: String,
    /// Profile name.
    pub profile: String,
    /// Tenant.
    pub tenant: String,
    /// The secret's expiry.
    pub expires: DateTime<Utc>,
    /// Calendar days left now in the admin's time zone (negative once expired).
    pub days_left: i64,
    /// How it went out.
    pub via: Delivery,
}

/// Reads the banners from the store's value (nothing when absent or damaged).
pub fn banners_from(value: Option<&serde_json::Value>) -> Vec<Banner> {
    value
        .and_then(|v| serde_json::from_value::<Vec<Banner>>(v.clone()).ok())
        .unwrap_or_default()
}

/// Adds banners, replacing older ones of the same secret, newest first, at most [`MAX_BANNERS`].
pub fn add_banners(existing: Vec<Banner>, new: Vec<Banner>) -> Vec<Banner> {
    let mut out: Vec<Banner> = new;
    for b in existing {
        let same_secret = out
            .iter()
            .any(|n| n.key.profile == b.key.profile && n.key.expires == b.key.expires);
        if !same_secret {
            out.push(b);
        }
    }
    out.truncate(MAX_BANNERS);
    out
}

/// The banners of secrets still watched, as the UI shows them at `now` in `tz`.
pub fn banner_views<Tz: TimeZone>(
    banners: &[Banner],
    profiles: &[Profile],
    now: DateTime<Utc>,
    tz: &Tz,
) -> Vec<BannerView> {
    banners
        .iter()
        .filter(|b| {
            profiles
                .iter()
                .any(|p| p.name == b.key.profile && p.secret_expiry == Some(b.key.expires))
        })
        .map(|b| BannerView {
            id: b.id(),
            profile: b.key.profile.clone(),
            tenant: b.tenant.clone(),
            expires: b.key.expires,
            days_left: expiry::days_left(b.key.expires, now, tz),
            via: b.via,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_notification_falls_back_to_a_banner() {
        use super::{route, Delivery, Route};
        let window = Route {
            via: Delivery::Window,
            banner: true,
        };
        assert_eq!(route(None, false), window);
        assert_eq!(route(Some(true), false), window);
        assert_eq!(route(Some(false), false), window);
        assert_eq!(
            route(Some(false), true),
            Route {
                via: Delivery::Notification,
                banner: true
            }
        );
        assert_eq!(
            route(Some(true), true),
            Route {
                via: Delivery::Notification,
                banner: false
            }
        );
    }

    use super::*;
    use chrono::FixedOffset;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn profile(name: &str, tenant: &str, expiry: Option<&str>) -> Profile {
        Profile {
            name: name.into(),
            cloud: Default::default(),
            tenant: tenant.into(),
            tenant_id: None,
            client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            mailboxes: vec![],
            login_url: None,
            graph_url: None,
            secret_ref: "r".into(),
            secret_hint: Some("abc".into()),
            secret_expiry: expiry.map(at),
            last_check: None,
            last_live_test: None,
            genesys: None,
        }
    }

    /// Runs checks over a table of instants, keeping the store in a map as the shell does.
    fn run(
        profiles: &[Profile],
        now: &str,
        store: &mut std::collections::BTreeMap<String, serde_json::Value>,
    ) -> Vec<String> {
        let utc = FixedOffset::east_opt(0).unwrap();
        let sent = sent_keys(store.iter());
        let p = plan(
            profiles,
            at(now),
            &utc,
            &expiry::DEFAULT_REMINDER_DAYS,
            &sent,
            Lang::En,
        );
        for k in &p.forget {
            store.remove(&store_key(k));
        }
        for k in &p.mark {
            let rec = SentRecord {
                key: k.clone(),
                sent_at: at(now),
                via: Delivery::Notification,
            };
            store.insert(store_key(k), serde_json::to_value(rec).unwrap());
        }
        p.deliver.into_iter().map(|r| r.text.title).collect()
    }

    #[test]
    fn each_reminder_fires_once_across_restarts() {
        let ps = vec![
            profile(
                "Genesys Cloud Email",
                "contoso.onmicrosoft.com",
                Some("2027-03-01T08:00:00Z"),
            ),
            profile("unknown", "fabrikam.onmicrosoft.com", None),
        ];
        let mut store = std::collections::BTreeMap::new();
        assert!(run(&ps, "2027-01-01T09:00:00Z", &mut store).is_empty());
        let first = run(&ps, "2027-02-22T09:00:00Z", &mut store);
        assert_eq!(
            first,
            vec![
                "Client secret expires in 7 days — contoso.onmicrosoft.com (Genesys Cloud Email)"
                    .to_string()
            ]
        );
        // The store survives as JSON (a restart reads it back): nothing fires twice.
        let text = serde_json::to_string(&store).unwrap();
        let mut reread: std::collections::BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&text).unwrap();
        assert!(run(&ps, "2027-02-22T18:00:00Z", &mut reread).is_empty());
        assert_eq!(
            run(&ps, "2027-03-01T06:00:00Z", &mut reread),
            vec![
                "Client secret expires today — contoso.onmicrosoft.com (Genesys Cloud Email)"
                    .to_string()
            ]
        );
        assert!(run(&ps, "2027-03-01T10:00:00Z", &mut reread).is_empty());
        // 30, 14, 7, 3, 1 and 0 are all remembered now.
        assert_eq!(sent_keys(reread.iter()).len(), 6);
    }

    #[test]
    fn renewed_or_removed_secrets_are_forgotten() {
        let mut store = std::collections::BTreeMap::new();
        let old = vec![profile("p", "t.example", Some("2027-01-10T00:00:00Z"))];
        assert_eq!(run(&old, "2027-01-05T00:00:00Z", &mut store).len(), 1);
        assert_eq!(store.len(), 3, "7, 14 and 30 marked");
        let renewed = vec![profile("p", "t.example", Some("2027-07-10T00:00:00Z"))];
        assert!(run(&renewed, "2027-01-06T00:00:00Z", &mut store).is_empty());
        assert!(store.is_empty(), "the old secret's keys are forgotten");
        assert_eq!(run(&renewed, "2027-06-10T00:00:00Z", &mut store).len(), 1);
        assert!(run(&[], "2027-06-11T00:00:00Z", &mut store).is_empty());
        assert!(store.is_empty());
    }

    #[test]
    fn no_reminder_days_means_no_reminders() {
        let ps = vec![profile("p", "t.example", Some("2027-01-10T00:00:00Z"))];
        let p = plan(
            &ps,
            at("2027-01-09T00:00:00Z"),
            &Utc,
            &[],
            &BTreeSet::new(),
            Lang::En,
        );
        assert!(p.deliver.is_empty() && p.mark.is_empty());
    }

    #[test]
    fn texts_in_both_languages_name_tenant_app_and_days() {
        let e = at("2027-03-01T08:00:00Z");
        let before = |days: i64| e - chrono::Duration::days(days);
        let t = text(
            Lang::En,
            "contoso.onmicrosoft.com",
            "Mail",
            e,
            before(14),
            &Utc,
        );
        assert_eq!(
            t.title,
            "Client secret expires in 14 days — contoso.onmicrosoft.com (Mail)"
        );
        assert!(t.body.contains("2027-03-01"), "{}", t.body);
        assert!(t.body.contains("disable and enable"), "{}", t.body);
        let t = text(
            Lang::De,
            "contoso.onmicrosoft.com",
            "Mail",
            e,
            before(3),
            &Utc,
        );
        assert_eq!(
            t.title,
            "Geheimer Clientschlüssel läuft in 3 Tagen ab — contoso.onmicrosoft.com (Mail)"
        );
        assert!(t.body.contains("am 01.03.2027 ab"), "{}", t.body);
        let t = text(Lang::De, "c", "a", e, before(-4), &Utc);
        assert!(t.title.contains("seit 4 Tagen abgelaufen"), "{}", t.title);
        assert!(
            t.body.contains("ist am 01.03.2027 abgelaufen"),
            "{}",
            t.body
        );
        let t = text(Lang::De, "c", "a", e, before(1), &Utc);
        assert_eq!(
            t.title,
            "Geheimer Clientschlüssel läuft morgen ab (1 Tag) — c (a)"
        );
        let t = text(Lang::De, "c", "a", e, e + chrono::Duration::days(1), &Utc);
        assert!(t.title.contains("ist gestern abgelaufen"), "{}", t.title);
        assert!(
            t.body.starts_with("Der geheime Clientschlüssel von a im Mandanten c ist am 01.03.2027 abgelaufen; danach stellt Genesys Cloud keine E-Mails mehr zu.")
                && t.body.contains("„Wert“"),
            "{}",
            t.body
        );
        let t = text(Lang::En, "c", "a", e, e + chrono::Duration::days(2), &Utc);
        assert!(t.title.contains("expired 2 days ago"), "{}", t.title);
        assert!(t.body.contains("expired on 2027-03-01"), "{}", t.body);
        assert_eq!(
            tray_labels(Lang::En),
            ["Open graphwiz", "Check now", "Quit"]
        );
        assert_eq!(
            tray_labels(Lang::De),
            ["graphwiz öffnen", "Jetzt prüfen", "Beenden"]
        );
        let t = text(Lang::En, "c", "a", e, before(1), &Utc);
        assert!(t.title.contains("tomorrow"), "{}", t.title);
        let t = text(Lang::En, "c", "a", e, e + chrono::Duration::hours(1), &Utc);
        assert!(t.title.contains("expired today"), "{}", t.title);
        // The date is the admin's day: 08:00 UTC is still the 1st in New York (UTC-5) but an
        // expiry at 02:00 UTC is the day before there.
        let ny = FixedOffset::west_opt(5 * 3600).unwrap();
        let t = text(
            Lang::En,
            "c",
            "a",
            at("2027-03-01T02:00:00Z"),
            at("2027-02-20T02:00:00Z"),
            &ny,
        );
        assert!(t.body.contains("2027-02-28"), "{}", t.body);
        assert_eq!(Lang::parse_or_english("de-DE"), Lang::De);
        assert_eq!(Lang::parse_or_english("en"), Lang::En);
        assert_eq!(Lang::parse_or_english(""), Lang::En);
    }

    #[test]
    fn store_keys_and_records_round_trip() {
        let k = ReminderKey {
            profile: "contoso".into(),
            expires: at("2027-03-01T08:00:00Z"),
            days: 7,
        };
        assert_eq!(store_key(&k), "sent/contoso/2027-03-01T08:00:00Z/7");
        let rec = SentRecord {
            key: k.clone(),
            sent_at: at("2027-02-22T09:00:00Z"),
            via: Delivery::Window,
        };
        let v = serde_json::to_value(&rec).unwrap();
        assert_eq!(v["via"], "window");
        assert_eq!(v["days"], 7);
        let mut entries = std::collections::BTreeMap::new();
        entries.insert(store_key(&k), v);
        entries.insert("banners".to_string(), serde_json::json!([]));
        entries.insert("sent/broken".to_string(), serde_json::json!(1));
        assert_eq!(sent_keys(entries.iter()), BTreeSet::from([k]));
    }

    #[test]
    fn banners_replace_older_ones_of_the_same_secret() {
        let ps = vec![
            profile("p", "t.example", Some("2027-01-10T00:00:00Z")),
            profile("q", "u.example", Some("2027-01-15T00:00:00Z")),
        ];
        let sent = BTreeSet::new();
        let plan1 = plan(
            &ps,
            at("2026-12-20T00:00:00Z"),
            &Utc,
            &expiry::DEFAULT_REMINDER_DAYS,
            &sent,
            Lang::En,
        );
        assert_eq!(plan1.deliver.len(), 2);
        let now = at("2026-12-20T00:00:00Z");
        let b1: Vec<Banner> = plan1
            .deliver
            .iter()
            .map(|r| Banner::of(r, Delivery::Window, now))
            .collect();
        let all = add_banners(Vec::new(), b1);
        let later = plan(
            &ps,
            at("2027-01-04T00:00:00Z"),
            &Utc,
            &expiry::DEFAULT_REMINDER_DAYS,
            &BTreeSet::new(),
            Lang::En,
        );
        let p_only: Vec<Banner> = later
            .deliver
            .iter()
            .filter(|r| r.profile == "p")
            .map(|r| Banner::of(r, Delivery::Notification, now))
            .collect();
        let all = add_banners(all, p_only);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].key.profile, "p");
        assert_eq!(all[0].key.days, 7);
        let json = serde_json::to_value(&all).unwrap();
        let back = banners_from(Some(&json));
        assert_eq!(back, all);
        assert!(banners_from(Some(&serde_json::json!("x"))).is_empty());
        // Views: days counted now; banners of removed profiles are not shown.
        let views = banner_views(&back, &ps[..1], at("2027-01-05T12:00:00Z"), &Utc);
        assert_eq!(views.len(), 1);
        assert_eq!(views[0].days_left, 5);
        assert_eq!(views[0].tenant, "t.example");
        assert_eq!(views[0].id, "sent/p/2027-01-10T00:00:00Z/7");
    }
}
