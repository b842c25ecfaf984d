use super::client::*;
use super::error::*;
use super::proxy::*;
use super::redact::*;
use super::response::*;
use super::tls::*;
use super::*;
use crate::i18n::{args, Lang, Msg};
use std::time::Duration;

#[test]
fn retry_after_forms() {
    assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
    assert_eq!(
        parse_retry_after(" 0.25 "),
        Some(Duration::from_millis(250))
    );
    assert_eq!(parse_retry_after("1.5"), Some(Duration::from_millis(1500)));
    assert_eq!(parse_retry_after("0"), Some(Duration::ZERO));
    assert_eq!(parse_retry_after("-1"), None);
    assert_eq!(parse_retry_after("NaN"), None);
    assert_eq!(parse_retry_after("inf"), None);
    assert_eq!(parse_retry_after(""), None);
    assert_eq!(parse_retry_after("soon"), None);
    assert_eq!(parse_retry_after("1e9"), Some(Duration::from_secs(86_400)));
    // A date in the past means "now".
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
        Some(Duration::ZERO)
    );
    let future = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
    let d = parse_retry_after(&future).unwrap();
    assert!(
        d > Duration::from_secs(25) && d <= Duration::from_secs(30),
        "{d:?}"
    );
}

fn answer(status: u16, content_type: Option<&str>, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        body: body.to_string(),
        content_type: content_type.map(str::to_string),
        retry_after: None,
        attempts: 1,
        host: "login.example".to_string(),
        waited: Duration::ZERO,
        retry_budget: Duration::from_secs(4),
    }
}

#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct Tok {
    access_token: String,
    expires_in: u32,
}

#[test]
fn budget_follows_the_timeout() {
    let b = |s: f64| RetryPolicy::for_timeout(Duration::from_secs_f64(s)).budget;
    assert_eq!(b(2.0), Duration::from_secs(4));
    assert_eq!(b(0.1), Duration::from_secs(1));
    assert_eq!(b(10.0), MAX_RETRY_BUDGET);
    assert_eq!(b(30.0), RetryPolicy::default().budget);
    assert_eq!(b(600.0), MAX_RETRY_BUDGET);
    assert_eq!(
        HttpClient::new(Duration::from_secs(2)).policy().budget,
        Duration::from_secs(4)
    );
}

#[test]
fn json_failures_are_named() {
    let json = Some("application/json; charset=utf-8");
    let ok = r#"{"access_token":"x","expires_in":1}"#;
    assert!(answer(200, json, ok).json::<Tok>().is_ok());
    assert!(
        answer(200, None, ok).json::<Tok>().is_ok(),
        "a missing type is tolerated"
    );
    assert!(answer(200, Some("application/problem+json"), ok)
        .json::<Tok>()
        .is_ok());

    let page = "<!DOCTYPE html><html><head><title>\n  Guest   Wi-Fi\n</title></head></html>";
    let e = answer(200, Some("text/html"), page)
        .json::<Tok>()
        .unwrap_err();
    assert_eq!(
        e,
        HttpError::Html {
            host: "login.example".into(),
            status: 200,
            title: Some("Guest Wi-Fi".into())
        }
    );
    let text = e.to_string();
    assert!(
        text.contains("an HTML page titled \"Guest Wi-Fi\"")
            && text.contains("proxy or captive portal"),
        "{text}"
    );
    // An HTML page is recognised whatever its label says.
    assert!(matches!(
        answer(200, json, " <html><body>x</body></html>").json::<Tok>(),
        Err(HttpError::Html { title: None, .. })
    ));

    let e = answer(200, Some("text/html; charset=utf-8"), ok)
        .json::<Tok>()
        .unwrap_err();
    assert!(matches!(e, HttpError::WrongType { .. }), "{e:?}");
    assert!(
        e.to_string()
            .contains("labelled 'text/html; charset=utf-8' instead of JSON"),
        "{e}"
    );

    let e = answer(200, Some("text/plain"), "{error: 'x'}")
        .json::<Tok>()
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("is not JSON (it is labelled 'text/plain'): invalid at line 1, column 2"),
        "{e}"
    );
    let e = answer(200, json, "{\"a\": ,}").json::<Tok>().unwrap_err();
    assert!(
        e.to_string()
            .contains("is not JSON, although it is labelled 'application/json"),
        "{e}"
    );

    let e = answer(200, json, r#"{"access_token":"abc"#)
        .json::<Tok>()
        .unwrap_err();
    assert!(matches!(e, HttpError::BrokeOff { .. }), "{e:?}");
    assert!(
        e.to_string().contains("broke off") && e.to_string().contains("cut off"),
        "{e}"
    );

    // Values from the body are never quoted (a proxy could echo the request, secret and all).
    let echo = r#"{"access_token":"s3cr3t-from-the-form","expires_in":"s3cr3t-from-the-form"}"#;
    let e = answer(200, json, echo).json::<Tok>().unwrap_err();
    assert!(matches!(e, HttpError::BadBody { .. }), "{e:?}");
    assert!(!e.to_string().contains("s3cr3t"), "{e}");
    assert!(e.to_string().contains("u32"), "{e}");
    let e = answer(200, json, "{}").json::<Tok>().unwrap_err();
    assert!(
        e.to_string().contains("missing field `access_token`"),
        "{e}"
    );
}

#[test]
fn error_answers_are_explained() {
    assert_eq!(
        answer(502, Some("application/json"), r#"{"x":1}"#).unreadable_error(),
        None
    );
    let e = answer(
        502,
        Some("text/html"),
        "<html><title>Bad gateway</title></html>",
    )
    .unreadable_error()
    .unwrap();
    assert!(
        e.to_string()
            .contains("HTML page titled \"Bad gateway\" (HTTP 502)"),
        "{e}"
    );
    let e = answer(500, None, "").unreadable_error().unwrap();
    assert!(
        e.to_string()
            .contains("(HTTP 500) is not JSON: the answer is empty"),
        "{e}"
    );
    assert_eq!(answer(200, None, "").throttled(), None);
    let mut t = answer(429, None, "");
    t.attempts = 5;
    t.retry_after = Some(Duration::from_millis(500));
    t.waited = Duration::from_secs(2);
    let text = t.throttled().unwrap().to_string();
    assert!(
        text.contains("throttled the requests (HTTP 429 Too Many Requests)")
            && text.contains("5 attempts over 2 s")
            && text.contains("Retry-After (0.5 s)")
            && text.contains("budget of 4 s"),
        "{text}"
    );
    t.retry_after = Some(Duration::from_secs(120));
    t.attempts = 1;
    let text = t.throttled().unwrap().to_string();
    assert!(text.contains("asked to wait 120 s (Retry-After), longer than graphwiz's retry budget of 4 s; gave up after 1 attempt"), "{text}");
    t.status = 503;
    t.retry_after = None;
    let text = t.throttled().unwrap().to_string();
    assert!(
        text.contains("HTTP 503 Service Unavailable")
            && text.contains("still unavailable")
            && text.contains("no Retry-After"),
        "{text}"
    );
}

#[test]
fn broke_off_words() {
    assert_eq!(
        broke_off_detail(
            "Connection reset by peer (os error 104)",
            Some(10),
            Some(2048)
        )
        .to_string(),
        "the connection was reset after 10 of the 2048 bytes announced; the answer is truncated"
    );
    assert_eq!(
        broke_off_detail("end of file before message length reached", Some(3), None).to_string(),
        "the server closed the connection early after 3 bytes; the answer is truncated"
    );
    assert_eq!(
        broke_off_detail("connection closed before message completed", None, None).to_string(),
        "the server closed the connection early"
    );
    assert_eq!(
        broke_off_detail("weird", None, None).to_string(),
        "the connection ended (weird)"
    );
    let e = HttpError::BrokeOff {
        host: "graph.microsoft.com".into(),
        detail: broke_off_detail("Connection reset by peer", Some(10), Some(2048)),
    };
    assert_eq!(
        e.text_in(Lang::De),
        "die Verbindung zu graph.microsoft.com brach ab, bevor die Antwort vollständig war: die Verbindung wurde zurückgesetzt, nachdem 10 von 2048 angekündigten Bytes angekommen waren; die Antwort ist unvollständig"
    );
    assert!(e
        .fix_in(Lang::De)
        .starts_with("Starten Sie die Prüfung erneut."));
}

#[test]
fn redaction() {
    let secret = "cny8Q~a+b/c d";
    let form: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let e = HttpError::NotJson {
        host: "h".into(),
        status: 200,
        content_type: Some(format!("x/{secret}")),
        detail: Msg::new(
            "net-bad-body",
            args([(
                "detail",
                format!("{form} and {} and {secret}", form.replace('+', "%20")),
            )]),
        ),
    }
    .redact(secret);
    let text = e.to_string();
    assert!(!text.contains(secret) && !text.contains(&form), "{text}");
    assert_eq!(text.matches("<client secret>").count(), 4, "{text}");
    assert_eq!(redact_text("abc".into(), ""), "abc");
}

#[test]
fn proxy_routes_name_the_proxy_and_the_setting() {
    let none = ProxyRules::from_values(None, None, None);
    assert_eq!(
        none.route("https://login.microsoftonline.com/x"),
        Route::Direct
    );
    let rules = ProxyRules::from_values(
        Some("http://user:pa%40ss@proxy.corp.example:8080"),
        None,
        Some("microsoftonline.com"),
    );
    let graph = rules.route("https://graph.microsoft.com/v1.0/users");
    assert_eq!(
        graph,
        Route::Proxy {
            proxy: "http://proxy.corp.example:8080".into(),
            source: "HTTPS_PROXY".into()
        }
    );
    assert_eq!(
        rules.route("https://login.microsoftonline.com/t"),
        Route::Bypass {
            source: "NO_PROXY".into()
        }
    );
    assert_eq!(rules.route("https://127.0.0.1:8443/x"), Route::Loopback);
    assert_eq!(rules.route("http://localhost:1/x"), Route::Loopback);
    // The client gets the proxy with its account; words never show the password.
    let url = reqwest::Url::parse("https://graph.microsoft.com/").unwrap();
    let p = rules.proxy_url_for(&url).unwrap();
    assert_eq!(p.host_str(), Some("proxy.corp.example"));
    assert_eq!((p.username(), p.password()), ("user", Some("pa%40ss")));
    let loop_url = reqwest::Url::parse("https://127.0.0.1:8443/").unwrap();
    assert_eq!(rules.proxy_url_for(&loop_url), None);
    let all = ProxyRules::from_values(None, Some("http://10.0.0.1:3128"), None);
    assert_eq!(
        all.route("https://graph.microsoft.com/"),
        Route::Proxy {
            proxy: "http://10.0.0.1:3128".into(),
            source: "ALL_PROXY".into()
        }
    );

    assert_eq!(
        graph.text(Lang::En),
        "through the proxy http://proxy.corp.example:8080 (set by HTTPS_PROXY)"
    );
    assert_eq!(
        graph.text(Lang::De),
        "über den Proxy http://proxy.corp.example:8080 (eingestellt in HTTPS_PROXY)"
    );
    let system = Route::Proxy {
        proxy: "http://p:1".into(),
        source: "system".into(),
    };
    assert!(system
        .text(Lang::En)
        .ends_with("(set by the system's proxy settings)"));
    assert!(Route::Direct
        .text(Lang::En)
        .starts_with("directly, without a proxy"));
    assert!(Route::Direct
        .text(Lang::De)
        .starts_with("direkt, ohne Proxy"));
}

#[test]
fn network_failures_are_worded_in_both_languages() {
    let route = Route::Proxy {
        proxy: "http://proxy:8080".into(),
        source: "HTTPS_PROXY".into(),
    };
    let tls = HttpError::Tls {
        host: "login.microsoftonline.com".into(),
        route: route.clone(),
        kind: CertProblem::UnknownIssuer,
        detail: "invalid peer certificate: UnknownIssuer".into(),
    };
    let en = tls.to_string();
    assert!(
        en.starts_with("the certificate that login.microsoftonline.com presented was issued by a certificate authority this computer does not trust (unknown issuer); the request went through the proxy http://proxy:8080 (set by HTTPS_PROXY). On company networks this usually means TLS inspection"),
        "{en}"
    );
    assert!(
        tls.fix().contains("update-ca-certificates"),
        "{}",
        tls.fix()
    );
    assert!(tls.text_in(Lang::De).contains("unbekannter Aussteller"));
    assert!(tls
        .fix_in(Lang::De)
        .contains("Vertrauenswürdige Stammzertifizierungsstellen"));
    for (kind, words) in [
        (CertProblem::Expired, "has expired"),
        (CertProblem::NotYetValid, "not valid yet"),
        (CertProblem::WrongName, "for another name"),
        (CertProblem::Other, "was not accepted (x)"),
    ] {
        let e = HttpError::Tls {
            host: "h".into(),
            route: Route::Direct,
            kind,
            detail: "x".into(),
        };
        assert!(e.to_string().contains(words), "{e}");
        assert!(!e.fix().is_empty() && !e.fix_in(Lang::De).is_empty());
    }

    let connect = HttpError::Connect {
        host: "graph.microsoft.com".into(),
        detail: "Connection refused (os error 111)".into(),
        route: Route::Direct,
    };
    assert_eq!(
        connect.to_string(),
        "could not talk to graph.microsoft.com: Connection refused (os error 111) (the request went directly, without a proxy (none is set in HTTPS_PROXY, ALL_PROXY or the system's proxy settings))"
    );
    assert!(connect.fix().contains("HTTPS_PROXY") && connect.fix().contains("PAC"));
    let via_proxy = HttpError::Connect {
        host: "graph.microsoft.com".into(),
        detail: "Connection refused (os error 111)".into(),
        route: route.clone(),
    };
    assert!(!via_proxy.fix().contains("PAC"), "{}", via_proxy.fix());
    assert!(connect
        .text_in(Lang::De)
        .starts_with("keine Verbindung zu graph.microsoft.com"));

    for (problem, en, de) in [
        (ProxyProblem::Auth, "HTTP 407", "verlangt eine Anmeldung"),
        (
            ProxyProblem::Refused,
            "refused to open a tunnel",
            "abgelehnt",
        ),
        (ProxyProblem::Closed, "closed the connection", "geschlossen"),
        (
            ProxyProblem::Connect,
            "could not be reached (refused)",
            "nicht erreichbar (refused)",
        ),
    ] {
        let e = HttpError::Proxy {
            host: "graph.microsoft.com".into(),
            route: route.clone(),
            problem,
            detail: "refused".into(),
        };
        assert!(
            e.to_string().starts_with("could not reach graph.microsoft.com through the proxy http://proxy:8080 (set by HTTPS_PROXY): ")
                && e.to_string().contains(en),
            "{e}"
        );
        assert!(e.text_in(Lang::De).contains(de), "{}", e.text_in(Lang::De));
    }
    let args = tls.failed_check_args("token").unwrap();
    assert_eq!(args["error"], "tls");
    assert!(crate::i18n::text(Lang::En, "net-failed", &args)
        .starts_with("Could not get a token: the certificate"));
    assert!(crate::i18n::text(Lang::De, "net-failed", &args)
        .starts_with("Es konnte kein Token geholt werden: das Zertifikat"));
    assert_eq!(HttpError::BadBody { detail: "x".into() }.catalog(), None);
}

#[test]
fn every_failure_has_a_german_summary_and_fix() {
    let mut t = answer(429, None, "");
    t.attempts = 5;
    t.retry_after = Some(Duration::from_millis(500));
    t.waited = Duration::from_secs(2);
    let e = t.throttled().unwrap();
    assert_eq!(
        e.text_in(Lang::De),
        "login.example hat die Anfragen gedrosselt (HTTP 429 Too Many Requests) und drosselte nach 5 Versuchen und 2 s Wartezeit, wie sein Retry-After (0,5 s) verlangte, noch immer; das Wiederholungsbudget von graphwiz (4 s) ist aufgebraucht"
    );
    assert!(e.fix_in(Lang::De).starts_with("Warten Sie einige Minuten"));
    t.status = 503;
    t.retry_after = None;
    t.attempts = 1;
    let de = t.throttled().unwrap().text_in(Lang::De);
    assert!(
        de.contains("war nicht verfügbar oder hat gedrosselt (HTTP 503 Service Unavailable) und war nach 1 Versuch und 2 s Wartezeit noch immer nicht verfügbar (es sandte kein Retry-After)"),
        "{de}"
    );
    assert!(t
        .throttled()
        .unwrap()
        .to_string()
        .contains("after 1 attempt over 2 s"));

    let page = answer(
        200,
        Some("text/html"),
        "<html><title>Guest Wi-Fi</title></html>",
    );
    let e = page.json::<Tok>().unwrap_err();
    assert!(
        e.text_in(Lang::De).starts_with("login.example hat mit einer HTML-Seite mit dem Titel „Guest Wi-Fi“ (HTTP 200) statt mit JSON geantwortet"),
        "{}",
        e.text_in(Lang::De)
    );
    assert!(e.fix_in(Lang::De).contains("Captive Portal"));
    let e = answer(500, None, "").unreadable_error().unwrap();
    assert_eq!(
        e.text_in(Lang::De),
        "die Antwort von login.example (HTTP 500) ist kein JSON: die Antwort ist leer"
    );
    let e = answer(200, Some("text/plain"), "{error: 'x'}")
        .json::<Tok>()
        .unwrap_err();
    assert!(
        e.text_in(Lang::De).ends_with("ist kein JSON (sie ist als „text/plain“ gekennzeichnet): ungültig in Zeile 1, Spalte 2"),
        "{}",
        e.text_in(Lang::De)
    );
    let e = answer(
        200,
        Some("text/html"),
        r#"{"access_token":"x","expires_in":1}"#,
    )
    .json::<Tok>()
    .unwrap_err();
    assert!(e
        .text_in(Lang::De)
        .contains("statt als JSON (application/json) gekennzeichnet"));
    let e = answer(200, None, r#"{"access_token":"abc"#)
        .json::<Tok>()
        .unwrap_err();
    assert!(e
        .text_in(Lang::De)
        .contains("die Antwort wurde abgeschnitten"));
    let e = HttpError::Timeout {
        host: "graph.microsoft.com".into(),
        secs: 30,
    };
    assert_eq!(
        e.to_string(),
        "graph.microsoft.com did not answer within 30 s"
    );
    assert_eq!(
        e.text_in(Lang::De),
        "graph.microsoft.com hat nicht innerhalb von 30 s geantwortet"
    );
    assert!(e.fix().contains("use --timeout to wait longer"));
    assert!(e.fix_in(Lang::De).contains("mit --timeout wartet graphwiz"));
    let e = HttpError::TooSlow {
        host: "h".into(),
        secs: 5,
        received: 100,
    };
    assert!(e
        .to_string()
        .contains("(100 bytes arrived, and more kept trickling in)"));
    assert!(e.text_in(Lang::De).contains("100 Bytes kamen an"));
    let e = HttpError::TooLarge { host: "h".into() };
    assert_eq!(
        e.to_string(),
        "the answer from h is larger than 4 MiB; it is not a Microsoft Graph or Entra ID answer"
    );
    assert!(e
        .fix_in(Lang::De)
        .starts_with("Der Dienst hat eine Antwort geschickt"));
    // Every failure goes into a failed check and into texts made of parts, in both languages.
    let args = e.failed_check_args("tenant").unwrap();
    assert_eq!(
        crate::i18n::text(Lang::En, "net-failed", &args),
        format!("Could not look up the tenant: {e}.")
    );
    assert!(crate::i18n::text(Lang::De, "net-failed", &args)
        .starts_with("Der Mandant konnte nicht nachgeschlagen werden: die Antwort von h ist größer als 4 MiB"));
    assert_eq!(
        crate::i18n::attr(Lang::En, "net-failed", "fix", &args).unwrap(),
        e.fix()
    );
    assert_eq!(e.fix_msg().text(Lang::De), e.fix_in(Lang::De));
    let bad = HttpError::BadBody { detail: "x".into() };
    assert_eq!(bad.fix_msg().text(Lang::En), bad.fix());
    assert_eq!(bad.to_string(), "x");
}

#[test]
fn tls_config_uses_the_platform_verifier() {
    let c = tls_config();
    assert_eq!(c.alpn_protocols, vec![b"h2".to_vec(), b"http/1.1".to_vec()]);
}

#[test]
fn host_names() {
    assert_eq!(host_of("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
    assert_eq!(
        host_of("https://login.microsoftonline.com/t"),
        "login.microsoftonline.com"
    );
    assert_eq!(host_of("nonsense"), "the server");
}
