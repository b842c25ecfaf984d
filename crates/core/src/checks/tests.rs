use super::expiry::secret_expiry_check;
use super::input::CheckInput;
use super::verdicts::{registration_check, Timed};
use super::*;
use crate::i18n::Lang;
use crate::microsoft::cloud::{Cloud, Endpoints};
use crate::microsoft::graph::PasswordCredential;
use crate::microsoft::graph::{GraphFailure, Registration};
use crate::microsoft::permissions;
use crate::secret::ClientSecret;
use graphwiz_emulator::{Emulator, Options, Scenario};

async fn report_of(scenario: Scenario) -> Report {
    report_with(Options::scenario(scenario)).await
}

async fn report_with(opts: Options) -> Report {
    let emu = Emulator::start(opts).await.expect("emulator");
    let c = emu.demo();
    let base = emu.base_url();
    let mut input = CheckInput::new(
        Endpoints::new(Cloud::Global, Some(&base), Some(&base)).unwrap(),
        c.tenant_id.clone(),
        c.client_id.clone(),
        ClientSecret::new(c.client_secret.clone()),
    );
    input.timeout = Duration::from_secs(10);
    run_check(&input).await
}

fn every_check_has_a_message(r: &Report) {
    for c in &r.checks {
        assert!(c.message_id.is_some(), "{} has no message id: {c:?}", c.id);
    }
}

#[tokio::test]
async fn a_failing_and_a_passing_check_are_worded_in_german() {
    // Failing: the permissions are requested but not consented.
    let r = report_of(Scenario::NoAdminConsent).await;
    every_check_has_a_message(&r);
    let en = r.get("perm_mail_send").unwrap();
    assert_eq!(en.status, Status::Fail);
    assert!(
        en.summary.contains("admin consent was not granted"),
        "{en:?}"
    );
    assert!(en.fix.as_deref().unwrap().contains("Grant admin consent"));
    let de = r.localized(Lang::De);
    let send = de.get("perm_mail_send").unwrap();
    assert!(
        send.summary
            .starts_with("Mail.Send (Anwendung) ist angefordert"),
        "{}",
        send.summary
    );
    let fix = send.fix.as_deref().unwrap();
    for label in [
        "App-Registrierungen",
        "API-Berechtigungen",
        "„Administratorzustimmung für <Ihre Organisation> erteilen“",
        "Deaktivieren und aktivieren Sie",
    ] {
        assert!(fix.contains(label), "{label} missing in: {fix}");
    }
    // Worded again in English, it is the English text once more.
    assert_eq!(de.localized(Lang::En).get("perm_mail_send"), Some(en));

    // Passing: everything registered and consented, and the app reads its own grants.
    let r = report_of(Scenario::DirectoryReads).await;
    every_check_has_a_message(&r);
    assert!(r.ok, "{r:#?}");
    let de = r.localized(Lang::De);
    let text = |id: &str| de.get(id).unwrap().summary.clone();
    assert!(
        text("tenant").contains("existiert in Azure global"),
        "{}",
        text("tenant")
    );
    assert!(text("credentials").contains("ein Token ausgestellt"));
    assert!(
        text("registration")
            .contains("fordert Mail.ReadWrite (Anwendung), Mail.Send (Anwendung) und User.Read (Delegiert) an"),
        "{}",
        text("registration")
    );
    assert!(text("perm_mail_readwrite").contains("mit Administratorzustimmung erteilt"));
    assert!(text("perm_user_read").contains("für alle Benutzer erteilt"));
    assert!(de
        .checks
        .iter()
        .all(|c| c.fix.is_none() || c.status != Status::Pass));
}

#[tokio::test]
async fn wrong_type_and_wrong_secret_name_the_german_portal_labels() {
    let r = report_of(Scenario::UserReadAsApplication).await;
    every_check_has_a_message(&r);
    let c = r.get("perm_user_read").unwrap();
    assert!(
        c.summary
            .contains("it was added as Application (User.Read.All)"),
        "{c:?}"
    );
    let de = c.localized(Lang::De);
    assert!(
        de.summary
            .contains("wurde als Anwendung (User.Read.All) hinzugefügt"),
        "{}",
        de.summary
    );
    let fix = de.fix.unwrap();
    assert!(
        fix.contains(
            "Berechtigung hinzufügen → Microsoft Graph → Delegierte Berechtigungen → User.Read"
        ),
        "{fix}"
    );
    assert!(fix.contains("(Typ Anwendung)"), "{fix}");

    let r = report_of(Scenario::SecretIdPasted).await;
    every_check_has_a_message(&r);
    let de = r.get("credentials").unwrap().localized(Lang::De);
    assert!(de.summary.contains("Geheimnis-ID"), "{}", de.summary);
    assert!(de
        .fix
        .unwrap()
        .contains("Zertifikate & Geheimnisse → Geheime Clientschlüssel"));
    let skipped = r.get("registration").unwrap().localized(Lang::De);
    assert_eq!(skipped.status, Status::Skip);
    assert!(
        skipped.summary.starts_with("Übersprungen:"),
        "{}",
        skipped.summary
    );

    let r = report_of(Scenario::UnknownTenant).await;
    every_check_has_a_message(&r);
    let de = r.get("tenant").unwrap().localized(Lang::De);
    assert!(de.fix.unwrap().contains("Verzeichnis-ID (Mandant)"));
    assert_eq!(
        r.get("credentials").unwrap().summary,
        "Skipped: the tenant was not found"
    );
}

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

fn cred(name: &str, hint: &str, end: &str) -> PasswordCredential {
    PasswordCredential {
        key_id: Some(format!("key-{name}")),
        display_name: Some(name.into()),
        hint: Some(hint.into()),
        start_date_time: None,
        end_date_time: Some(end.into()),
    }
}

fn expiry_of(creds: Vec<PasswordCredential>, now: &str) -> Check {
    let reg = Timed {
        result: Ok(Registration {
            display_name: Some("Genesys".into()),
            requested: Vec::new(),
            password_credentials: creds,
        }),
        elapsed: Duration::ZERO,
    };
    let input = CheckInput::new(
        Endpoints::for_cloud(Cloud::Global),
        "contoso.onmicrosoft.com".into(),
        "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
        ClientSecret::new("abcdefghijklmnopqrstuvwxyz0123456789".to_string()),
    );
    secret_expiry_check(&reg, &input, at(now)).0
}

#[test]
fn expiry_dates_and_day_counts_follow_the_language() {
    let c = expiry_of(
        vec![cred("in use", "abc", "2027-05-30T10:00:00Z")],
        "2027-05-29T10:00:00Z",
    );
    assert_eq!(c.status, Status::Warn);
    assert_eq!(
        c.summary,
        "The client secret in use, 'in use' (abc…), expires on 2027-05-30: only 1 day left."
    );
    let de = c.localized(Lang::De);
    assert_eq!(
        de.summary,
        "Der verwendete geheime Clientschlüssel 'in use' (abc…) läuft am 30.05.2027 ab: nur noch 1 Tag."
    );
    assert!(de.fix.unwrap().contains("Neuer geheimer Clientschlüssel"));

    // Far off, with two other secrets that need attention.
    let c = expiry_of(
        vec![
            cred("in use", "abc", "2027-09-30T10:00:00Z"),
            cred("second", "old", "2027-06-01T10:00:00Z"),
            cred("gone", "xyz", "2027-05-01T10:00:00Z"),
        ],
        "2027-05-29T10:00:00Z",
    );
    assert_eq!(c.status, Status::Pass);
    assert!(c.fix.is_none());
    assert_eq!(
        c.summary,
        "The client secret in use, 'in use' (abc…), expires on 2027-09-30 (124 days left). \
         Other secrets of the app: 'second' (old…) expires in 3 days; 'gone' (xyz…) expired on 2027-05-01."
    );
    assert_eq!(
        c.localized(Lang::De).summary,
        "Der verwendete geheime Clientschlüssel 'in use' (abc…) läuft am 30.09.2027 ab (noch 124 Tage). \
         Weitere Schlüssel der App: 'second' (old…) läuft in 3 Tagen ab; 'gone' (xyz…) ist am 01.05.2027 abgelaufen."
    );

    // Two secrets with the hint of the one in use, no expiry entered by hand.
    let c = expiry_of(
        vec![
            cred("a", "abc", "2027-09-30T10:00:00Z"),
            cred("b", "abc", "2027-10-01T10:00:00Z"),
        ],
        "2027-05-29T10:00:00Z",
    );
    assert_eq!(c.status, Status::Warn);
    assert!(c.summary.starts_with(
        "2 client secrets of the app start with 'abc' (expiring 2027-09-30, 2027-10-01)"
    ));
    assert!(c.localized(Lang::De).summary.starts_with(
        "2 geheime Clientschlüssel der App beginnen mit „abc“ (Ablauf: 30.09.2027, 01.10.2027)"
    ));
}

#[test]
fn several_registration_problems_are_listed_in_either_language() {
    let reg = Timed {
        result: Ok(Registration {
            display_name: None,
            requested: vec![(
                permissions::MAIL_READWRITE.id.to_string(),
                permissions::Kind::Application,
            )],
            password_credentials: Vec::new(),
        }),
        elapsed: Duration::ZERO,
    };
    let c = registration_check(&reg, Cloud::Global, "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10");
    assert_eq!(c.status, Status::Fail);
    assert_eq!(
        c.summary,
        "The app: Mail.Send (Application) is not requested; User.Read (Delegated) is not requested."
    );
    let de = c.localized(Lang::De);
    assert_eq!(
        de.summary,
        "Die App: Mail.Send (Anwendung) ist nicht angefordert; User.Read (Delegiert) ist nicht angefordert."
    );
    let fix = de.fix.unwrap();
    assert!(
        fix.contains(
            "Microsoft Graph → Anwendungsberechtigungen, setzen Sie das Häkchen bei Mail.Send"
        ),
        "{fix}"
    );
    assert!(
        fix.contains(
            "Microsoft Graph → Delegierte Berechtigungen, setzen Sie das Häkchen bei User.Read"
        ),
        "{fix}"
    );
}

#[test]
fn errors_of_this_side_have_catalog_messages() {
    let e = Endpoints::new(Cloud::Global, Some("http://login.example.com"), None).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("login URL: 'http://login.example.com' uses plain http"));
    assert!(e
        .msg()
        .text(Lang::De)
        .starts_with("Anmelde-URL: „http://login.example.com“ nutzt unverschlüsseltes http"));
    let e = Endpoints::new(Cloud::Global, None, Some("https://u:p@h/")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Graph URL: 'https://u:p@h/' is not usable as a base URL: remove the user name or password from the URL"
    );
    assert!(e
        .msg()
        .text(Lang::De)
        .ends_with("Entfernen Sie Benutzername oder Kennwort aus der URL"));
    assert_eq!(
        "mars".parse::<Cloud>().unwrap_err(),
        "unknown cloud 'mars': use global, usgov or china"
    );
    assert_eq!(
        Cloud::China.name_msg().text(Lang::De),
        "Azure China (21Vianet)"
    );
    let f = GraphFailure::Status {
        status: 403,
        error: Some(crate::microsoft::aad::GraphError {
            code: "Authorization_RequestDenied".into(),
            message: "Insufficient privileges.".into(),
            request_id: None,
        }),
    };
    assert_eq!(
        f.to_string(),
        "Microsoft Graph answered HTTP 403 Authorization_RequestDenied: Insufficient privileges."
    );
    assert_eq!(
        f.msg().text(Lang::De),
        "Microsoft Graph hat mit HTTP 403 Authorization_RequestDenied geantwortet: Insufficient privileges."
    );
    assert_eq!(
        crate::microsoft::token::read_claims("x")
            .unwrap_err()
            .msg()
            .text(Lang::De),
        "das Zugriffstoken ist kein JWT (erwartet sind drei durch Punkte getrennte Teile)"
    );
}

#[tokio::test]
async fn throttling_is_counted_and_noted_in_the_report() {
    // Graph answers its first two requests 429 with Retry-After: 0.2; the client waits and retries.
    let emu = Emulator::start(Options::scenario(Scenario::Throttled))
        .await
        .expect("emulator");
    let c = emu.demo();
    let base = emu.base_url();
    let mut input = CheckInput::new(
        Endpoints::new(Cloud::Global, Some(&base), Some(&base)).unwrap(),
        c.tenant_id.clone(),
        c.client_id.clone(),
        ClientSecret::new(c.client_secret.clone()),
    );
    input.timeout = Duration::from_secs(10);
    let r = run_check(&input).await;
    assert!(r.ok, "{r:#?}");
    let answered_429 = emu.requests().iter().filter(|q| q.status == 429).count();
    assert_eq!(answered_429, 2, "the scenario throttles two answers");
    let t = r
        .throttled
        .clone()
        .expect("the throttling is in the report");
    // Two answers of 429: two requests once each, or one request twice; 0.2 s each time.
    assert!((1..=2).contains(&t.requests), "{t:?}");
    assert!((400..1_000).contains(&t.waited_ms), "{t:?}");
    assert_eq!(t.service, "microsoft");
    assert!(
        t.summary.starts_with("Microsoft Graph throttled "),
        "{}",
        t.summary
    );
    assert!(t.summary.contains("; graphwiz waited 0."), "{}", t.summary);
    assert!(t.summary.ends_with(" s and retried."), "{}", t.summary);
    let de = r.localized(Lang::De).throttled.unwrap().summary;
    assert!(de.contains("gedrosselt") && de.contains("gewartet"), "{de}");
    assert!(crate::i18n::audit::english_words(&de).is_empty(), "{de}");
    // Serialized for scripts; absent when nothing was throttled.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["throttled"]["requests"], t.requests);
    assert_eq!(json["throttled"]["waited_ms"], t.waited_ms);
    let healthy = report_of(Scenario::Healthy).await;
    assert_eq!(healthy.throttled, None);
    assert!(serde_json::to_value(&healthy)
        .unwrap()
        .get("throttled")
        .is_none());
}

#[tokio::test]
async fn runs_sharing_a_client_count_their_throttling_apart() {
    let throttled = Emulator::start(Options::scenario(Scenario::Throttled))
        .await
        .expect("emulator");
    let healthy = Emulator::start(Options::scenario(Scenario::Healthy))
        .await
        .expect("emulator");
    let input = |emu: &Emulator| {
        let c = emu.demo();
        let base = emu.base_url();
        CheckInput::new(
            Endpoints::new(Cloud::Global, Some(&base), Some(&base)).unwrap(),
            c.tenant_id.clone(),
            c.client_id.clone(),
            ClientSecret::new(c.client_secret.clone()),
        )
    };
    let reports = run_many(&[input(&throttled), input(&healthy)], 2).await;
    assert!(reports[0].throttled.is_some(), "{:#?}", reports[0]);
    assert_eq!(reports[1].throttled, None);
}

/// Whether an app with only Mail permissions may read its own registration is not confirmed:
/// refused, graphwiz says what it could not verify and how to check it by hand, and fails
/// nothing for it.
#[tokio::test]
async fn a_refused_self_read_is_a_warning_with_the_manual_check() {
    let r = report_with(Options {
        own_registration_readable: false,
        ..Options::scenario(Scenario::Healthy)
    })
    .await;
    every_check_has_a_message(&r);
    assert!(r.ok, "nothing fails for it: {r:#?}");
    let reg = r.get("registration").expect("registration");
    assert_eq!(reg.status, Status::Warn, "{reg:?}");
    let fix = reg.fix.clone().unwrap_or_default();
    assert!(
        fix.contains("did not let the app read its own registration")
            && fix.contains("API permissions"),
        "{fix}"
    );
    assert!(reg
        .portal_url
        .as_deref()
        .unwrap_or_default()
        .contains("/CallAnAPI/"));
    for id in [
        "tenant",
        "credentials",
        "perm_mail_readwrite",
        "perm_mail_send",
    ] {
        assert_eq!(r.get(id).map(|c| c.status), Some(Status::Pass), "{id}");
    }
    let de = r.localized(Lang::De);
    assert!(de
        .get("registration")
        .and_then(|c| c.fix.clone())
        .unwrap_or_default()
        .contains("nicht erlaubt, ihre eigene Registrierung zu lesen"));
}

/// A network failure looks nothing up: the other checks say Entra ID could not be reached, never
/// that the tenant was not found.
#[tokio::test]
async fn an_unreachable_entra_id_is_not_a_missing_tenant() {
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| format!("http://{a}"))
        .expect("a free port");
    let mut input = CheckInput::new(
        Endpoints::new(Cloud::Global, Some(&closed), Some(&closed)).unwrap(),
        "contoso.onmicrosoft.com".into(),
        "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
        ClientSecret::new("x".repeat(40)),
    );
    input.timeout = Duration::from_secs(5);
    let r = run_check(&input).await;
    every_check_has_a_message(&r);
    let c = r.get("credentials").unwrap();
    assert_eq!(c.status, Status::Skip);
    assert!(c.summary.contains("could not be reached"), "{}", c.summary);
    assert!(!c.summary.contains("not found"), "{}", c.summary);
    let de = c.localized(Lang::De);
    assert!(de.summary.contains("nicht erreichbar"), "{}", de.summary);
}
