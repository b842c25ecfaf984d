//! TLS: rustls with the operating system's certificate verifier, and what a failed handshake or a
//! failed proxy connection says, in the words of [`CertProblem`] and [`ProxyProblem`].

use super::error::{CertProblem, ProxyProblem};
use std::sync::{Arc, OnceLock};

/// The TLS configuration of every client: rustls (ring) with the operating system's certificate
/// verifier (rustls-platform-verifier): Windows' and macOS' own verification, on Linux the CA
/// certificates of the system (`/etc/ssl/certs`, or `SSL_CERT_FILE`/`SSL_CERT_DIR`). There is no
/// built-in fallback: a CA the admin removed from the OS store is not trusted again here, and a
/// company CA the OS trusts (TLS inspection) is trusted. Made once per process.
pub(super) fn tls_config() -> rustls::ClientConfig {
    static CONFIG: OnceLock<rustls::ClientConfig> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let verifier: Arc<dyn rustls::client::danger::ServerCertVerifier> =
                match rustls_platform_verifier::Verifier::new(provider.clone()) {
                    Ok(v) => Arc::new(v),
                    // No CA certificates at all (a Linux without ca-certificates): trust nothing,
                    // so every server is an unknown issuer and the message says what to install.
                    Err(_) => match rustls::client::WebPkiServerVerifier::builder_with_provider(
                        Arc::new(rustls::RootCertStore::empty()),
                        provider.clone(),
                    )
                    .build()
                    {
                        Ok(v) => v,
                        Err(_) => Arc::new(NoRoots(provider.clone())),
                    },
                };
            let mut config = match rustls::ClientConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()
            {
                Ok(b) => b,
                Err(_) => rustls::ClientConfig::builder_with_provider(provider)
                    .with_protocol_versions(rustls::DEFAULT_VERSIONS)
                    .expect("the default TLS versions are supported by ring"),
            }
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
            config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
            config
        })
        .clone()
}

/// A verifier that trusts no certificate (only used when no verifier can be built at all).
#[derive(Debug)]
pub(super) struct NoRoots(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for NoRoots {
    fn verify_server_cert(
        &self,
        _: &rustls::pki_types::CertificateDer<'_>,
        _: &[rustls::pki_types::CertificateDer<'_>],
        _: &rustls::pki_types::ServerName<'_>,
        _: &[u8],
        _: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Err(rustls::Error::InvalidCertificate(
            rustls::CertificateError::UnknownIssuer,
        ))
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// The rustls error inside `err`: itself, or an `io::Error` carrying it.
pub(super) fn rustls_error<'a>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a rustls::Error> {
    if let Some(r) = err.downcast_ref::<rustls::Error>() {
        return Some(r);
    }
    if let Some(inner) = err
        .downcast_ref::<std::io::Error>()
        .and_then(|io| io.get_ref())
    {
        return rustls_error(inner);
    }
    None
}

/// The certificate problem in an error chain, when a TLS certificate was refused: from the
/// rustls error when it can be reached, else from its words ("invalid peer certificate: …").
pub(super) fn cert_problem(e: &(dyn std::error::Error + 'static)) -> Option<(CertProblem, String)> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(tls @ rustls::Error::InvalidCertificate(c)) = rustls_error(err) {
            use rustls::CertificateError as C;
            let kind = match c {
                C::UnknownIssuer => CertProblem::UnknownIssuer,
                C::Expired | C::ExpiredContext { .. } => CertProblem::Expired,
                C::NotValidYet | C::NotValidYetContext { .. } => CertProblem::NotYetValid,
                C::NotValidForName | C::NotValidForNameContext { .. } => CertProblem::WrongName,
                _ => CertProblem::Other,
            };
            return Some((kind, tls.to_string()));
        }
        let text = err.to_string();
        if let Some(pos) = text.find("invalid peer certificate: ") {
            let what = &text[pos + "invalid peer certificate: ".len()..];
            let lower = what.to_ascii_lowercase();
            let kind = if what.starts_with("UnknownIssuer") {
                CertProblem::UnknownIssuer
            } else if lower.starts_with("expired") || lower.starts_with("certificate expired") {
                CertProblem::Expired
            } else if lower.contains("not valid yet") || what.starts_with("NotValidYet") {
                CertProblem::NotYetValid
            } else if lower.contains("not valid for name") || what.starts_with("NotValidForName") {
                CertProblem::WrongName
            } else {
                CertProblem::Other
            };
            return Some((kind, text[pos..].to_string()));
        }
        cur = err.source();
    }
    None
}

/// What the proxy did, from the tunnel error in the chain (hyper-util's `TunnelError` words).
pub(super) fn proxy_problem(e: &(dyn std::error::Error + 'static)) -> Option<ProxyProblem> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        let text = err.to_string();
        if let Some(what) = text.strip_prefix("tunnel error: ") {
            return Some(match what {
                "proxy authorization required" => ProxyProblem::Auth,
                "unsuccessful" => ProxyProblem::Refused,
                "unexpected end of file" => ProxyProblem::Closed,
                _ => ProxyProblem::Connect,
            });
        }
        cur = err.source();
    }
    None
}
