//! Company networks, for real: the emulator behind a TLS front whose certificate comes from a
//! private CA made here, trusted the way the OS store is read on Linux (a CA bundle named by
//! `SSL_CERT_FILE`, for the graphwiz process only; the machine's store is never touched), and an
//! HTTP CONNECT proxy on loopback set through `HTTPS_PROXY`.

use graphwiz_emulator::{DemoCredentials, Emulator, Options, Scenario};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod common;
use common::Run;

/// The host name the proxy tests use: not loopback (graphwiz never sends loopback through a
/// proxy), never resolved by graphwiz (the proxy does that, as company proxies do).
const PROXIED_HOST: &str = "login.graphwiz.test";

/// A CA, a server certificate from it (for 127.0.0.1, localhost and [`PROXIED_HOST`]) and the CA
/// as a PEM bundle in a temporary folder.
struct Pki {
    _dir: tempfile::TempDir,
    ca_file: PathBuf,
    server: Arc<rustls::ServerConfig>,
}

fn pki() -> Pki {
    pki_named("graphwiz test company CA")
}

fn pki_named(ca_name: &str) -> Pki {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer,
        KeyPair, KeyUsagePurpose,
    };
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, ca_name);
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca_cert = ca.self_signed(&ca_key).expect("CA certificate");
    let issuer = Issuer::new(ca, ca_key);

    let key = KeyPair::generate().expect("server key");
    let mut params = CertificateParams::new(vec![
        "127.0.0.1".to_string(),
        "localhost".to_string(),
        PROXIED_HOST.to_string(),
    ])
    .expect("server params");
    params
        .distinguished_name
        .push(DnType::CommonName, "graphwiz test server");
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let cert = params.signed_by(&key, &issuer).expect("server certificate");

    let dir = tempfile::tempdir().expect("temporary folder");
    let ca_file = dir.path().join("company-ca.pem");
    std::fs::write(&ca_file, ca_cert.pem()).expect("write the CA bundle");

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut server = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
        .expect("server TLS config");
    // The emulator behind speaks HTTP/1.1.
    server.alpn_protocols = vec![b"http/1.1".to_vec()];
    Pki {
        _dir: dir,
        ca_file,
        server: Arc::new(server),
    }
}

/// A TLS front on loopback: terminates TLS with the test CA's certificate and forwards the plain
/// bytes to `backend` (the emulator). Runs until the test process ends.
fn tls_front(server: Arc<rustls::ServerConfig>, backend: SocketAddr) -> u16 {
    let std_listener = TcpListener::bind("127.0.0.1:0").expect("bind the TLS front");
    std_listener.set_nonblocking(true).expect("non-blocking");
    let port = std_listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(std_listener).expect("listener");
            let acceptor = tokio_rustls::TlsAcceptor::from(server);
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    // A client that refuses the certificate ends the handshake: nothing to forward.
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let Ok(mut plain) = tokio::net::TcpStream::connect(backend).await else {
                        return;
                    };
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                });
            }
        });
    });
    port
}

/// What the proxy saw: the request line of every CONNECT.
type Seen = Arc<Mutex<Vec<String>>>;

/// A small HTTP CONNECT proxy on loopback. Every CONNECT is recorded; one to a host in `refuse`
/// gets `403 Forbidden`, any other is tunnelled to `127.0.0.1:front_port` (the proxy resolves
/// names, so graphwiz never needs [`PROXIED_HOST`] in DNS). Runs until the test process ends.
fn connect_proxy(front_port: u16, refuse: &'static [&'static str]) -> (u16, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
    let port = listener.local_addr().unwrap().port();
    let seen: Seen = Arc::default();
    let log = seen.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(client) = conn else { continue };
            let log = log.clone();
            std::thread::spawn(move || {
                let _ = tunnel(client, front_port, refuse, &log);
            });
        }
    });
    (port, seen)
}

fn tunnel(
    client: TcpStream,
    front_port: u16,
    refuse: &[&str],
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    client.set_read_timeout(Some(Duration::from_secs(20)))?;
    let mut reader = BufReader::new(client.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let request_line = request_line.trim_end().to_string();
    log.lock().unwrap().push(request_line.clone());
    let mut out = client.try_clone()?;
    let mut parts = request_line.split_whitespace();
    let (Some("CONNECT"), Some(target)) = (parts.next(), parts.next()) else {
        out.write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")?;
        return Ok(());
    };
    let host = target.rsplit_once(':').map(|(h, _)| h).unwrap_or(target);
    if refuse.contains(&host) {
        out.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")?;
        return Ok(());
    }
    let upstream = TcpStream::connect(("127.0.0.1", front_port))?;
    out.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
    // Bytes the client sent after the request head (none expected) go first.
    let buffered = reader.buffer().to_vec();
    let mut up_write = upstream.try_clone()?;
    up_write.write_all(&buffered)?;
    let mut up_read = upstream;
    let back = std::thread::spawn(move || {
        let _ = std::io::copy(&mut up_read, &mut out);
    });
    let mut client_read = reader.into_inner();
    let mut buf = [0u8; 16 * 1024];
    loop {
        match client_read.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if up_write.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
        }
    }
    let _ = up_write.shutdown(std::net::Shutdown::Write);
    let _ = back.join();
    Ok(())
}

/// Runs `graphwiz check --json` against `base` with the demo tenant's secret, the proxy and CA
/// environment cleared first and then `env` set.
fn check(base: &str, c: &DemoCredentials, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let home = tempfile::tempdir().expect("temporary data folder");
    let mut args = vec![
        "check",
        "--tenant",
        c.tenant_id.as_str(),
        "--client-id",
        c.client_id.as_str(),
        "--login-url",
        base,
        "--graph-url",
        base,
        "--timeout",
        "10",
        "--json",
    ];
    args.extend_from_slice(extra);
    let mut cmd = common::command(home.path(), &args, &[]);
    for var in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
        "GRAPHWIZ_LANG",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("GRAPHWIZ_CLIENT_SECRET", &c.client_secret);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = common::start(cmd, None)
        .wait_with_output()
        .expect("graphwiz ran");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stdout.contains(&c.client_secret) && !run.stderr.contains(&c.client_secret),
        "the secret must never be printed"
    );
    run
}

fn check_of<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks array")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {report:#}"))
}

fn text<'a>(report: &'a Value, id: &str, field: &str) -> &'a str {
    check_of(report, id)[field].as_str().unwrap_or_default()
}

fn assert_all_pass(run: &Run) {
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    let r = run.json();
    for c in r["checks"].as_array().expect("checks") {
        assert_ne!(c["status"], "fail", "{c:#}");
    }
    assert_eq!(check_of(&r, "credentials")["status"], "pass", "{r:#}");
    assert_eq!(check_of(&r, "registration")["status"], "pass", "{r:#}");
}

struct Setup {
    pki: Pki,
    emu: Emulator,
    front: u16,
}

fn setup() -> Setup {
    let pki = pki();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).expect("emulator");
    let front = tls_front(pki.server.clone(), emu.local_addr());
    Setup { pki, emu, front }
}

fn ca(s: &Setup) -> &str {
    s.pki.ca_file.to_str().expect("UTF-8 path")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "SSL_CERT_FILE is how Linux reads the trust store; Windows and macOS verify with their own stores"
)]
fn https_with_a_ca_the_os_store_trusts_passes() {
    let s = setup();
    let base = format!("https://127.0.0.1:{}", s.front);
    let run = check(&base, &s.emu.demo(), &[], &[("SSL_CERT_FILE", ca(&s))]);
    assert_all_pass(&run);
    assert!(
        s.emu.request_count() > 0,
        "the emulator was asked through TLS"
    );
}

#[test]
fn https_with_an_untrusted_ca_fails_with_the_tls_inspection_message() {
    let s = setup();
    let base = format!("https://127.0.0.1:{}", s.front);
    // No SSL_CERT_FILE: the machine's own store, which does not hold the test CA.
    let run = check(&base, &s.emu.demo(), &[], &[]);
    assert_eq!(
        run.code, 1,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    let r = run.json();
    // Discovery and the token request run at the same time; the tenant check tells.
    let c = check_of(&r, "tenant");
    assert_eq!(c["status"], "fail", "{c:#}");
    assert_eq!(c["message_id"], "net-failed", "{c:#}");
    assert_eq!(c["args"]["kind"], "unknown_issuer", "{c:#}");
    assert_eq!(c["args"]["via"], "loopback", "{c:#}");
    let summary = text(&r, "tenant", "summary");
    for words in [
        "Could not look up the tenant",
        "certificate that 127.0.0.1:",
        "does not trust (unknown issuer)",
        "TLS inspection",
        "company's own certificate authority",
        "trust store",
    ] {
        assert!(
            summary.contains(words),
            "summary lacks '{words}': {summary}"
        );
    }
    let fix = text(&r, "tenant", "fix");
    for words in [
        "root CA certificate",
        "certlm.msc",
        "Keychain Access",
        "update-ca-certificates",
        "SSL_CERT_FILE",
    ] {
        assert!(fix.contains(words), "fix lacks '{words}': {fix}");
    }
    assert_eq!(
        s.emu.request_count(),
        0,
        "nothing got past the TLS handshake"
    );

    // The same in German.
    let run = check(&base, &s.emu.demo(), &["--lang", "de"], &[]);
    assert_eq!(run.code, 1);
    let r = run.json();
    let summary = text(&r, "tenant", "summary");
    assert!(
        summary.starts_with("Der Mandant konnte nicht nachgeschlagen werden")
            && summary.contains("unbekannter Aussteller")
            && summary.contains("TLS-Inspektion"),
        "{summary}"
    );
    assert!(
        text(&r, "tenant", "fix").contains("Zertifikatspeicher des Betriebssystems"),
        "{r:#}"
    );
}

#[test]
fn a_ca_bundle_without_the_ca_is_not_enough() {
    // SSL_CERT_FILE replaces the store: a bundle with another CA only is an unknown issuer too.
    let s = setup();
    let other = pki_named("another company's CA");
    let base = format!("https://localhost:{}", s.front);
    let run = check(
        &base,
        &s.emu.demo(),
        &[],
        &[("SSL_CERT_FILE", path_str(&other.ca_file))],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let r = run.json();
    assert_eq!(check_of(&r, "tenant")["args"]["kind"], "unknown_issuer");
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "SSL_CERT_FILE is how Linux reads the trust store; Windows and macOS verify with their own stores"
)]
fn check_through_an_https_proxy_tunnel() {
    let s = setup();
    let (proxy_port, seen) = connect_proxy(s.front, &[]);
    let proxy = format!("http://127.0.0.1:{proxy_port}");
    let base = format!("https://{PROXIED_HOST}:{}", s.front);
    let run = check(
        &base,
        &s.emu.demo(),
        &[],
        &[("SSL_CERT_FILE", ca(&s)), ("HTTPS_PROXY", &proxy)],
    );
    assert_all_pass(&run);
    let seen = seen.lock().unwrap().clone();
    let expected = format!("CONNECT {PROXIED_HOST}:{} HTTP/1.1", s.front);
    assert!(
        !seen.is_empty() && seen.iter().all(|l| l == &expected),
        "the proxy saw {seen:?}"
    );
}

#[test]
fn a_proxy_that_refuses_the_tunnel_is_named() {
    let s = setup();
    let (proxy_port, seen) = connect_proxy(s.front, &[PROXIED_HOST]);
    let proxy = format!("http://127.0.0.1:{proxy_port}");
    let base = format!("https://{PROXIED_HOST}:{}", s.front);
    let run = check(
        &base,
        &s.emu.demo(),
        &[],
        &[("SSL_CERT_FILE", ca(&s)), ("https_proxy", &proxy)],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let r = run.json();
    let c = check_of(&r, "tenant");
    assert_eq!(c["args"]["error"], "proxy", "{c:#}");
    assert_eq!(c["args"]["problem"], "refused", "{c:#}");
    let summary = c["summary"].as_str().unwrap_or_default();
    assert!(
        summary.contains(&format!(
            "through the proxy {proxy} (set by https_proxy): the proxy refused to open a tunnel (CONNECT) to {PROXIED_HOST}"
        )),
        "{summary}"
    );
    assert!(
        c["fix"].as_str().unwrap_or_default().contains("CONNECT"),
        "{c:#}"
    );
    assert!(!seen.lock().unwrap().is_empty());
}

#[test]
fn a_proxy_that_is_down_is_named_with_its_source() {
    let s = setup();
    let dead = TcpListener::bind("127.0.0.1:0").unwrap();
    let proxy = format!("http://127.0.0.1:{}", dead.local_addr().unwrap().port());
    drop(dead);
    let base = format!("https://{PROXIED_HOST}:{}", s.front);
    let run = check(
        &base,
        &s.emu.demo(),
        &["--lang", "de"],
        &[("SSL_CERT_FILE", ca(&s)), ("ALL_PROXY", &proxy)],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let r = run.json();
    let c = check_of(&r, "tenant");
    assert_eq!(c["args"]["problem"], "connect", "{c:#}");
    let summary = c["summary"].as_str().unwrap_or_default();
    assert!(
        summary.contains(&format!(
            "über den Proxy {proxy} (eingestellt in ALL_PROXY)"
        )) && summary.contains("der Proxy selbst war nicht erreichbar"),
        "{summary}"
    );
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "SSL_CERT_FILE is how Linux reads the trust store; Windows and macOS verify with their own stores"
)]
fn loopback_never_goes_through_the_proxy() {
    // The emulator and the desktop demo live on loopback, which no proxy can reach.
    let s = setup();
    let (proxy_port, seen) = connect_proxy(s.front, &[]);
    let base = format!("https://127.0.0.1:{}", s.front);
    let run = check(
        &base,
        &s.emu.demo(),
        &[],
        &[
            ("SSL_CERT_FILE", ca(&s)),
            ("HTTPS_PROXY", &format!("http://127.0.0.1:{proxy_port}")),
        ],
    );
    assert_all_pass(&run);
    assert!(
        seen.lock().unwrap().is_empty(),
        "{:?}",
        seen.lock().unwrap()
    );
}
