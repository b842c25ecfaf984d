use super::consent::{consent_redirect_note, consent_roles, CONSENT_REDIRECT_NOTE, CONSENT_ROLES};
use super::error::{split_description, AdminError, Waiting};
use super::findings::{settle_user_read, user_read_check_from_admin, AdminFindings};
use super::loopback::{accept_language, html_escape};
use super::scopes::ADMIN_SCOPES;
use super::sign_in::{admin_consent_url, authorize_url, SignInOptions};
use super::token::{random_state, s256_challenge, AdminToken, Pkce};
use crate::http::HttpError;
use crate::i18n::Lang;
use crate::microsoft::cloud::{Cloud, Endpoints};
use crate::microsoft::graph::GraphFailure;
use crate::report::{Check, Report, Status};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

#[test]
fn pkce_pair() {
    // RFC 7636 appendix B.
    assert_eq!(
        s256_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
    let p = Pkce::generate().unwrap();
    let v = p.verifier();
    assert!((43..=128).contains(&v.len()), "{}", v.len());
    assert!(v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_ne!(v, Pkce::generate().unwrap().verifier());
    assert_eq!(format!("{p:?}"), "Pkce(<redacted>)");
    assert_ne!(random_state().unwrap(), random_state().unwrap());
}

#[test]
fn token_debug_is_redacted() {
    let payload = URL_SAFE_NO_PAD.encode(r#"{"upn":"admin@contoso.example"}"#);
    let t = AdminToken::new(format!("eyJhbGciOiJub25lIn0.{payload}.sig"));
    assert_eq!(t.upn(), Some("admin@contoso.example"));
    let d = format!("{t:?}");
    assert!(d.contains("<redacted>") && !d.contains("eyJ"), "{d}");
    assert_eq!(AdminToken::new("opaque".into()).upn(), None);
}

#[test]
fn urls_follow_the_cloud() {
    let e = Endpoints::for_cloud(Cloud::Usgov);
    let u = admin_consent_url(
        &e,
        "contoso.onmicrosoft.us",
        "cid",
        "http://localhost",
        "s1",
    );
    assert_eq!(
        u,
        "https://login.microsoftonline.us/contoso.onmicrosoft.us/adminconsent?client_id=cid&state=s1&redirect_uri=http%3A%2F%2Flocalhost"
    );
    let scope = SignInOptions::default().scope_param(Cloud::Usgov);
    assert_eq!(scope, "https://graph.microsoft.us/Application.Read.All https://graph.microsoft.us/Directory.Read.All https://graph.microsoft.us/User.Read");
    let a = authorize_url(&e, "t", "c", "http://localhost:1234", &scope, "st", "ch");
    assert!(a.starts_with("https://login.microsoftonline.us/t/oauth2/v2.0/authorize?client_id=c&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A1234&response_mode=query&scope=https%3A%2F%2Fgraph.microsoft.us%2FApplication.Read.All"), "{a}");
    assert!(a.contains("&code_challenge=ch&code_challenge_method=S256"));
    let o = SignInOptions {
        scopes: vec!["openid".into(), "https://x.example/y".into(), " ".into()],
        ..SignInOptions::default()
    };
    assert_eq!(o.scope_param(Cloud::Global), "openid https://x.example/y");
}

#[test]
fn descriptions() {
    assert_eq!(
        split_description(
            "AADSTS65004: User declined to consent to access the app.\r\nTrace ID: x"
        ),
        (
            Some(65004),
            "User declined to consent to access the app.".to_string()
        )
    );
    assert_eq!(split_description("plain"), (None, "plain".to_string()));
    assert_eq!(
        html_escape("<a href='x'>&</a>"),
        "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
    );
}

#[test]
fn user_read_verdicts() {
    let cid = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";
    let mut f = AdminFindings {
        user_read_consented: true,
        admin_upn: Some("admin@contoso.example".into()),
        service_principal_id: Some("sp".into()),
        ..AdminFindings::default()
    };
    let c = user_read_check_from_admin(&f, Cloud::Global, cid);
    assert_eq!(c.status, Status::Pass);
    assert!(c
        .summary
        .contains("verified by admin sign-in as admin@contoso.example"));
    f.user_read_consented = false;
    let c = user_read_check_from_admin(&f, Cloud::Usgov, cid);
    assert_eq!(c.status, Status::Fail);
    assert!(c
        .fix
        .as_deref()
        .unwrap_or("")
        .contains("Grant admin consent"));
    assert!(c
        .portal_url
        .as_deref()
        .unwrap_or("")
        .starts_with("https://portal.azure.us/"));
    let mut report = Report::of(vec![Check {
        status: Status::Warn,
        ..Check::failed("perm_user_read", "could not verify", "x")
    }]);
    assert!(report.ok);
    assert!(settle_user_read(&mut report, &f, Cloud::Global, cid));
    assert!(!report.ok);
    assert!(!settle_user_read(&mut report, &f, Cloud::Global, cid));
}

#[test]
fn errors_are_worded_from_the_catalog() {
    let cases: Vec<(AdminError, &str)> = vec![
        (
            AdminError::Timeout {
                waiting: Waiting::DeviceCode,
                secs: 1,
            },
            "the device code sign-in did not finish within 1 s",
        ),
        (
            AdminError::SignInRefused {
                error: "access_denied".into(),
                code: Some(65004),
                message: "User declined.".into(),
            },
            "the sign-in was not completed: access_denied (AADSTS65004): User declined.",
        ),
        (
            AdminError::Unexpected {
                what: "device-start",
                status: 502,
            },
            "unexpected answer from Entra ID while starting the device code sign-in (HTTP 502)",
        ),
        (
            AdminError::Graph {
                what: "grants",
                failure: GraphFailure::Status {
                    status: 403,
                    error: None,
                },
            },
            "could not read the app's delegated permission grants with the administrator's token: Microsoft Graph answered HTTP 403",
        ),
        (
            AdminError::ConsentRefused {
                error: "access_denied".into(),
                code: None,
                message: String::new(),
            },
            "admin consent was not granted: access_denied: the consent page returned without consent",
        ),
    ];
    for (e, english) in cases {
        assert_eq!(e.to_string(), english);
        assert_eq!(e.msg().text(Lang::En), english);
        assert!(!e.fix().is_empty(), "{e}");
        assert_ne!(e.text_in(Lang::De), english);
        assert!(!e.fix_in(Lang::De).is_empty(), "{e}");
    }
    let graph = AdminError::Graph {
        what: "app-sp",
        failure: GraphFailure::Status {
            status: 403,
            error: None,
        },
    };
    assert!(
        graph.fix().contains(&ADMIN_SCOPES.join(", ")),
        "{}",
        graph.fix()
    );
    assert!(graph
        .fix_in(Lang::De)
        .contains("Cloudanwendungsadministrator"));
    let consent = AdminError::ConsentRefused {
        error: "access_denied".into(),
        code: None,
        message: String::new(),
    };
    assert_eq!(
        consent.fix(),
        format!("{CONSENT_ROLES} {CONSENT_REDIRECT_NOTE}")
    );
    assert!(consent.fix_in(Lang::De).contains("Umleitungs-URI"));
    let h = HttpError::Timeout {
        host: "login.microsoftonline.com".into(),
        secs: 5,
    };
    let e = AdminError::from(h.clone());
    assert_eq!(e.to_string(), h.to_string());
    assert_eq!(e.fix(), h.fix());
}

#[test]
fn the_consent_texts_are_the_catalog_s() {
    assert_eq!(consent_roles().text(Lang::En), CONSENT_ROLES);
    assert_eq!(
        consent_redirect_note().text(Lang::En),
        CONSENT_REDIRECT_NOTE
    );
    assert!(consent_roles()
        .text(Lang::De)
        .contains("Globaler Administrator"));
}

#[test]
fn the_browser_page_speaks_the_browser_s_language() {
    assert_eq!(accept_language("de-DE,de;q=0.9,en;q=0.8"), Lang::De);
    assert_eq!(accept_language("fr-FR, en-GB;q=0.7"), Lang::En);
    assert_eq!(accept_language("fr"), Lang::En);
    assert_eq!(accept_language(" de-AT"), Lang::De);
}

#[test]
fn user_read_verdicts_in_german() {
    let f = AdminFindings {
        admin_upn: Some("admin@contoso.example".into()),
        service_principal_id: Some("sp".into()),
        ..AdminFindings::default()
    };
    let c = user_read_check_from_admin(&f, Cloud::Global, "cid");
    assert_eq!(c.message_id.as_deref(), Some("admin-user-read-missing"));
    let de = c.localized(Lang::De);
    assert!(
        de.summary.contains("keine Administratorzustimmung")
            && de.summary.contains("admin@contoso.example"),
        "{}",
        de.summary
    );
    let fix = de.fix.unwrap_or_default();
    assert!(
        fix.contains("API-Berechtigungen")
            && fix.contains("„Administratorzustimmung für <Ihre Organisation> erteilen“"),
        "{fix}"
    );
    let none = AdminFindings::default();
    let c = user_read_check_from_admin(&none, Cloud::Global, "cid");
    assert!(c.summary.contains("no service principal"), "{}", c.summary);
    assert!(
        c.summary.ends_with("(verified by admin sign-in)."),
        "{}",
        c.summary
    );
}
