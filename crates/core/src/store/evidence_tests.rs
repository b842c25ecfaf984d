use super::*;
use crate::i18n::Lang;
use crate::microsoft::cloud::Cloud;
use crate::report::{LiveTestSummary, Report};
use crate::store::profiles::GenesysPart;
use chrono::Duration;

const A: &str = "support@contoso.com";
const B: &str = "sales@contoso.com";

fn pass(id: &str) -> Check {
    Check::msg(id, Status::Pass, "azure-registration-ok", Args::new())
}

fn mailbox(m: &str, status: Status) -> Check {
    let mut c = Check::msg(
        "mailbox_access",
        status,
        "azure-registration-ok",
        Args::new(),
    );
    c.mailbox = Some(m.to_string());
    c
}

fn healthy_checks(mailboxes: &[&str]) -> Vec<Check> {
    let mut c: Vec<Check> = AZURE_CHECKS.iter().map(|id| pass(id)).collect();
    c.extend(mailboxes.iter().map(|m| mailbox(m, Status::Pass)));
    c
}

fn report(checks: Vec<Check>) -> Report {
    Report {
        ok: checks.iter().all(|c| c.status != Status::Fail),
        tenant_id: None,
        token_endpoint: None,
        checks,
        secret_expires: None,
        throttled: None,
    }
}

fn profile(mailboxes: &[&str]) -> Profile {
    Profile {
        name: "contoso".into(),
        cloud: Cloud::Global,
        tenant: "contoso.onmicrosoft.com".into(),
        tenant_id: None,
        client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
        mailboxes: mailboxes.iter().map(|m| m.to_string()).collect(),
        login_url: None,
        graph_url: None,
        secret_ref: "ref-1".into(),
        secret_hint: Some("Qv3".into()),
        secret_expiry: Some(Utc::now() + Duration::days(180)),
        last_check: None,
        last_live_test: None,
        genesys: None,
    }
}

fn live(p: &mut Profile, from: &str, ok: bool) {
    p.record_live(LiveTestSummary {
        ran_at: Utc::now(),
        ok,
        mailbox: from.into(),
        recipient: from.into(),
        delivery_proven: ok,
        latency_ms: Some(900),
        basis: None,
    });
}

fn state(e: &Evidence, id: &str) -> ClaimState {
    e.claims.iter().find(|c| c.id == id).unwrap().state
}

/// A fully proven profile: checks, its mailbox, a live test, a secret valid for months.
fn proven() -> Profile {
    let mut p = profile(&[A]);
    p.record_check(&report(healthy_checks(&[A])), Utc::now());
    live(&mut p, A, true);
    p
}

#[test]
fn everything_proven_is_validated() {
    let e = evidence(&proven(), Utc::now(), 30);
    assert!(e.validated, "{:?}", e.claims);
    assert_eq!(e.verdict().id, "evidence-validated");
}

#[test]
fn nothing_checked_proves_nothing() {
    let e = evidence(&profile(&[A]), Utc::now(), 30);
    assert!(!e.validated);
    assert_eq!(state(&e, "azure_app"), ClaimState::Unknown);
    assert_eq!(state(&e, "mail_flow"), ClaimState::Unknown);
}

#[test]
fn without_a_mailbox_nothing_is_validated() {
    let mut p = profile(&[]);
    p.record_check(&report(healthy_checks(&[])), Utc::now());
    live(&mut p, A, true);
    let e = evidence(&p, Utc::now(), 30);
    assert!(!e.validated);
    let c = e.claims.iter().find(|c| c.id == "mailbox").unwrap();
    assert_eq!(c.message_id, "evidence-mailbox-none");
    // A live test from a mailbox no longer in the profile proves nothing.
    assert_eq!(state(&e, "mail_flow"), ClaimState::Unknown);
}

#[test]
fn a_mailbox_added_after_the_check_is_unknown() {
    let mut p = proven();
    p.mailboxes.push(B.into());
    let e = evidence(&p, Utc::now(), 30);
    assert!(!e.validated);
    let b = e
        .claims
        .iter()
        .find(|c| c.subject.as_deref() == Some(B))
        .unwrap();
    assert_eq!(b.state, ClaimState::Unknown);
    assert_eq!(state(&e, "azure_app"), ClaimState::Proven);
}

#[test]
fn a_rotated_secret_makes_the_evidence_stale() {
    let mut p = proven();
    p.secret_ref = "ref-2".into();
    p.secret_hint = Some("Ab1".into());
    let e = evidence(&p, Utc::now(), 30);
    assert!(!e.validated);
    let azure = e.claims.iter().find(|c| c.id == "azure_app").unwrap();
    assert_eq!(azure.state, ClaimState::Unknown);
    assert_eq!(azure.message_id, "evidence-stale");
    assert_eq!(state(&e, "mail_flow"), ClaimState::Unknown);
    // Checked again on the new secret: proven again, but mail flow needs a new live test.
    p.record_check(&report(healthy_checks(&[A])), Utc::now());
    let e = evidence(&p, Utc::now(), 30);
    assert_eq!(state(&e, "azure_app"), ClaimState::Proven);
    assert_eq!(state(&e, "mail_flow"), ClaimState::Unknown);
    live(&mut p, A, true);
    assert!(evidence(&p, Utc::now(), 30).validated);
}

#[test]
fn failures_disprove_and_say_why() {
    let mut p = profile(&[A]);
    let mut checks = healthy_checks(&[]);
    checks.push(mailbox(A, Status::Fail));
    checks[1] = Check::msg(
        "credentials",
        Status::Fail,
        "azure-registration-ok",
        Args::new(),
    );
    p.record_check(&report(checks), Utc::now());
    live(&mut p, A, false);
    p.secret_expiry = Some(Utc::now() - Duration::days(3));
    let e = evidence(&p, Utc::now(), 30);
    for id in ["azure_app", "mailbox", "mail_flow", "secret_valid"] {
        assert_eq!(state(&e, id), ClaimState::Disproven, "{id}");
    }
    let azure = e.claims.iter().find(|c| c.id == "azure_app").unwrap();
    assert_eq!(azure.by.as_deref(), Some("credentials"));
    // The verdict names what is open, in German too.
    let de = e.verdict().text(Lang::De);
    assert!(de.starts_with("Noch nicht validiert."), "{de}");
    assert!(de.contains("abgelaufen"), "{de}");
}

#[test]
fn a_secret_expiring_soon_is_not_validated() {
    let mut p = proven();
    p.secret_expiry = Some(Utc::now() + Duration::days(10));
    let e = evidence(&p, Utc::now(), 30);
    assert!(!e.validated);
    let c = e.claims.iter().find(|c| c.id == "secret_valid").unwrap();
    assert_eq!(c.message_id, "evidence-secret-soon");
}

#[test]
fn genesys_refusing_the_secret_while_azure_accepts_it_names_the_other_secret() {
    let mut p = proven();
    p.genesys = Some(GenesysPart {
        region: "eu_central_1".into(),
        client_id: "6f2a9c1e-3b7d-4e58-a0c4-8d1b5e9f7a26".into(),
        secret_ref: "g".into(),
        login_url: None,
        api_url: None,
    });
    let mut checks = healthy_checks(&[A]);
    checks.extend(
        [
            "genesys_login",
            "genesys_domains",
            "genesys_routes",
            "genesys_agents",
        ]
        .iter()
        .map(|id| pass(id)),
    );
    checks.push(Check::msg(
        "genesys_integration",
        Status::Fail,
        "genesys-integration-error",
        crate::i18n::args([(
            "detail",
            "Unable to authenticate with Microsoft Graph: AADSTS7000222: The provided client secret keys for app are expired.",
        )]),
    ));
    p.record_check(&report(checks), Utc::now());
    live(&mut p, A, true);
    let e = evidence(&p, Utc::now(), 30);
    assert!(!e.validated);
    let c = e.claims.iter().find(|c| c.id == "secret_in_use").unwrap();
    assert_eq!(c.state, ClaimState::Disproven);
    assert_eq!(c.message_id, "evidence-in-use-other");
    assert_eq!(state(&e, "genesys"), ClaimState::Disproven);
    // The pickup test is shown, not needed.
    let pickup = e.claims.iter().find(|c| c.id == "pickup").unwrap();
    assert!(!pickup.needed && pickup.state == ClaimState::Unknown);
}

#[test]
fn a_healthy_genesys_side_is_proven() {
    let mut p = proven();
    p.genesys = Some(GenesysPart {
        region: "eu_central_1".into(),
        client_id: "c".into(),
        secret_ref: "g".into(),
        login_url: None,
        api_url: None,
    });
    let mut checks = healthy_checks(&[A]);
    checks.extend(GENESYS_CHECKS.iter().map(|id| pass(id)));
    p.record_check(&report(checks), Utc::now());
    // The Genesys part changed the basis: the live test must run again.
    assert!(!evidence(&p, Utc::now(), 30).validated);
    live(&mut p, A, true);
    let e = evidence(&p, Utc::now(), 30);
    assert!(e.validated, "{:?}", e.claims);
    assert_eq!(state(&e, "secret_in_use"), ClaimState::Proven);
}

#[test]
fn an_administrators_user_read_verdict_stands_for_the_same_app_only() {
    let mut checks = healthy_checks(&[A]);
    let settled = Check::msg(
        "perm_user_read",
        Status::Pass,
        "admin-user-read-pass",
        Args::new(),
    );
    let unverified = Check::msg(
        "perm_user_read",
        Status::Warn,
        "azure-user-read-unverified",
        Args::new(),
    );
    let slot = checks
        .iter()
        .position(|c| c.id == "perm_user_read")
        .unwrap();
    checks[slot] = settled;
    let mut p = profile(&[A]);
    p.record_check(&report(checks.clone()), Utc::now());
    // The app's own token cannot read it again: the administrator's verdict stands ...
    let mut again = checks.clone();
    again[slot] = unverified.clone();
    p.record_check(&report(again.clone()), Utc::now());
    let kept = p
        .last_check
        .as_ref()
        .unwrap()
        .report
        .get("perm_user_read")
        .unwrap();
    assert_eq!(kept.message_id.as_deref(), Some("admin-user-read-pass"));
    // ... also after a rotation (consent belongs to the app) ...
    p.secret_ref = "ref-2".into();
    p.record_check(&report(again.clone()), Utc::now());
    let kept = p
        .last_check
        .as_ref()
        .unwrap()
        .report
        .get("perm_user_read")
        .unwrap();
    assert_eq!(kept.status, Status::Pass);
    live(&mut p, A, true);
    assert!(evidence(&p, Utc::now(), 30).validated);
    // ... but not for another app.
    p.client_id = "0d9c1b7e-2f4a-4c88-9e31-7a6b5c4d3e21".into();
    p.record_check(&report(again), Utc::now());
    let e = evidence(&p, Utc::now(), 30);
    let azure = e.claims.iter().find(|c| c.id == "azure_app").unwrap();
    assert_eq!(azure.state, ClaimState::Unknown);
    assert_eq!(azure.message_id, "evidence-azure-user-read");
}
