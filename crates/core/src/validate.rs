//! Validation of what an admin types or pastes, shared by the CLI and the desktop wizard.
//!
//! Each problem names the field with the Azure portal's label, says what is wrong and what to do.
//! Errors stop the input; warnings let it through and are shown next to the field. A problem
//! carries its catalog message ([`Problem::msg`], `validate-*` in `i18n/{en,de}-store.ftl`), so a
//! face words it in its language ([`Problem::text`]); `message` is the English wording.

use crate::i18n::{args, Args, Lang, Msg};
use crate::secret::ClientSecret;
use serde::Serialize;

/// Portal label of the tenant field.
pub const FIELD_TENANT: &str = "Directory (tenant) ID";
/// Portal label of the client ID field.
pub const FIELD_CLIENT_ID: &str = "Application (client) ID";
/// Portal label of the secret field.
pub const FIELD_SECRET: &str = "Client secret";
/// Label of a mailbox field.
pub const FIELD_MAILBOX: &str = "Mailbox";
/// Label of the profile-name field.
pub const FIELD_NAME: &str = "Profile name";

/// The catalog key of a field label (`tenant`, `client_id`, `secret`, `mailbox`, `name`): the
/// `$field` of message `validate-field`.
pub fn field_key(label: &str) -> &'static str {
    match label {
        FIELD_TENANT => "tenant",
        FIELD_CLIENT_ID => "client_id",
        FIELD_SECRET => "secret",
        FIELD_NAME => "name",
        _ => "mailbox",
    }
}

/// A field's label in `lang` (`label` is one of the `FIELD_*` constants, in English).
pub fn field_label(label: &str, lang: Lang) -> String {
    crate::i18n::text(lang, "validate-field", &args([("field", field_key(label))]))
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The value is refused.
    Error,
    /// The value is accepted, with a caution.
    Warning,
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{field}: {message}")]
pub struct Problem {
    /// The field's label, as in the Azure portal (English; [`Problem::label`] words it).
    pub field: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and what to do, in English (the text of `msg`).
    pub message: String,
    /// The same as a catalog message (without the label), for the faces to word.
    pub msg: Msg,
}

impl Problem {
    fn new(field: &'static str, severity: Severity, id: &str, a: Args) -> Self {
        let msg = Msg::new(id, a);
        Problem {
            field,
            severity,
            message: msg.text(Lang::En),
            msg,
        }
    }
    fn error(field: &'static str, id: &str, a: Args) -> Self {
        Problem::new(field, Severity::Error, id, a)
    }
    fn warning(field: &'static str, id: &str) -> Self {
        Problem::new(field, Severity::Warning, id, Args::new())
    }

    /// The field's label in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        field_label(self.field, lang)
    }

    /// What is wrong and what to do, in `lang` (without the label).
    pub fn message_in(&self, lang: Lang) -> String {
        self.msg.text(lang)
    }

    /// The whole problem in `lang`: "label: message" (English = `Display`).
    pub fn text(&self, lang: Lang) -> String {
        format!("{}: {}", self.label(lang), self.message_in(lang))
    }
}

fn value(v: &str) -> Args {
    args([("value", v)])
}

/// True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (hex, any case).
pub fn is_guid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

impl ClientSecret {
    /// True when the secret has the shape of a GUID, i.e. it is most likely the Secret ID.
    pub fn looks_like_secret_id(&self) -> bool {
        is_guid(self.expose())
    }
}

/// True for a DNS name such as `contoso.onmicrosoft.com`.
pub fn is_domain(s: &str) -> bool {
    if s.is_empty() || s.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = s.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
    };
    let tld = labels[labels.len() - 1];
    labels.iter().all(|l| label_ok(l))
        && (tld.starts_with("xn--")
            || (tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic())))
}

fn outer_whitespace_note(field: &'static str, raw: &str, trimmed: &str) -> Option<Problem> {
    (raw != trimmed).then(|| Problem::warning(field, "validate-trimmed"))
}

/// Checks a tenant (GUID or verified domain); returns it trimmed and lower-cased, with warnings.
pub fn tenant(raw: &str) -> Result<(String, Vec<Problem>), Problem> {
    let t = raw.trim();
    let mut warnings: Vec<Problem> = outer_whitespace_note(FIELD_TENANT, raw, t)
        .into_iter()
        .collect();
    if t.is_empty() {
        return Err(Problem::error(
            FIELD_TENANT,
            "validate-tenant-empty",
            Args::new(),
        ));
    }
    let unbraced = t
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .unwrap_or(t);
    if is_guid(unbraced) {
        if unbraced != t {
            warnings.push(Problem::warning(FIELD_TENANT, "validate-tenant-braces"));
        }
        return Ok((unbraced.to_ascii_lowercase(), warnings));
    }
    let lower = t.trim_end_matches('.').to_ascii_lowercase();
    if is_domain(&lower) {
        return Ok((lower, warnings));
    }
    if t.contains('@') {
        return Err(Problem::error(
            FIELD_TENANT,
            "validate-tenant-email",
            value(t),
        ));
    }
    if t.starts_with("http://") || t.starts_with("https://") {
        return Err(Problem::error(
            FIELD_TENANT,
            "validate-tenant-url",
            value(t),
        ));
    }
    Err(Problem::error(
        FIELD_TENANT,
        "validate-tenant-invalid",
        value(t),
    ))
}

/// Checks an Application (client) ID; returns it trimmed and lower-cased, with warnings.
pub fn client_id(raw: &str) -> Result<(String, Vec<Problem>), Problem> {
    let t = raw.trim();
    let warnings: Vec<Problem> = outer_whitespace_note(FIELD_CLIENT_ID, raw, t)
        .into_iter()
        .collect();
    if t.is_empty() {
        return Err(Problem::error(
            FIELD_CLIENT_ID,
            "validate-client-id-empty",
            Args::new(),
        ));
    }
    if is_guid(t) {
        return Ok((t.to_ascii_lowercase(), warnings));
    }
    Err(Problem::error(
        FIELD_CLIENT_ID,
        "validate-client-id-invalid",
        value(t),
    ))
}

/// Warns when the tenant and the client ID are the same GUID (a common copy slip).
pub fn tenant_and_client(tenant: &str, client_id: &str) -> Option<Problem> {
    (is_guid(tenant) && tenant.eq_ignore_ascii_case(client_id))
        .then(|| Problem::warning(FIELD_CLIENT_ID, "validate-client-id-same-as-tenant"))
}

/// Checks a pasted client secret. Surrounding whitespace is removed with a warning; a GUID is
/// refused as the Secret ID unless `i_know`; an implausible length warns.
pub fn secret(raw: &str, i_know: bool) -> Result<(ClientSecret, Vec<Problem>), Problem> {
    let t = raw.trim();
    let mut warnings: Vec<Problem> = outer_whitespace_note(FIELD_SECRET, raw, t)
        .into_iter()
        .collect();
    if t.is_empty() {
        return Err(Problem::error(
            FIELD_SECRET,
            "validate-secret-empty",
            Args::new(),
        ));
    }
    if is_guid(t) {
        if !i_know {
            return Err(Problem::error(
                FIELD_SECRET,
                "validate-secret-id",
                Args::new(),
            ));
        }
        warnings.push(Problem::warning(FIELD_SECRET, "validate-secret-id-kept"));
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        if !i_know {
            return Err(Problem::error(
                FIELD_SECRET,
                "validate-secret-inner-whitespace",
                Args::new(),
            ));
        }
        warnings.push(Problem::warning(
            FIELD_SECRET,
            "validate-secret-whitespace-kept",
        ));
    }
    let n = t.chars().count();
    if !is_guid(t) && !(30..=100).contains(&n) {
        warnings.push(Problem::new(
            FIELD_SECRET,
            Severity::Warning,
            "validate-secret-length",
            args([("count", n)]),
        ));
    }
    Ok((ClientSecret::new(t.to_string()), warnings))
}

/// Checks a mailbox address; returns it trimmed and lower-cased.
pub fn mailbox(raw: &str) -> Result<String, Problem> {
    let t = raw.trim();
    let bad = |why: &str| {
        Problem::error(
            FIELD_MAILBOX,
            "validate-mailbox-invalid",
            args([("value", t), ("why", why)]),
        )
    };
    let Some((local, domain)) = t.rsplit_once('@') else {
        return Err(bad("no_at"));
    };
    if local.is_empty() || local.len() > 64 {
        return Err(bad("local"));
    }
    let local_ok = local
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    if !local_ok {
        return Err(bad("local_chars"));
    }
    if !is_domain(&domain.to_ascii_lowercase()) {
        return Err(bad("domain"));
    }
    if t.len() > 254 {
        return Err(bad("too_long"));
    }
    Ok(t.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_table() {
        let ok = [
            (
                "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903",
                "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903",
                0,
            ),
            (
                " 5F3C8A2E-9B41-4D7E-A6C0-2E8F71B4D903\n",
                "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903",
                1,
            ),
            (
                "{5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903}",
                "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903",
                1,
            ),
            ("Contoso.onmicrosoft.com", "contoso.onmicrosoft.com", 0),
            ("mail.contoso-demo.com.", "mail.contoso-demo.com", 0),
            ("xn--bcher-kva.xn--tckwe", "xn--bcher-kva.xn--tckwe", 0),
        ];
        for (input, want, warns) in ok {
            let (got, w) = tenant(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(got, want);
            assert_eq!(w.len(), warns, "{input}: {w:?}");
        }
        let bad = [
            ("", "is empty"),
            ("contoso", "neither a GUID nor a domain"),
            ("admin@contoso.com", "email address"),
            ("https://login.microsoftonline.com/x", "is a URL"),
            ("5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d90", "neither"),
            ("-bad.com", "neither"),
            ("a..com", "neither"),
            ("con toso.com", "neither"),
            ("contoso.c0m", "neither"),
        ];
        for (input, want) in bad {
            let e = tenant(input).unwrap_err();
            assert_eq!(e.field, FIELD_TENANT);
            assert!(e.message.contains(want), "{input}: {}", e.message);
        }
    }

    #[test]
    fn client_id_table() {
        assert_eq!(
            client_id("3B9D6F4A-1C2E-4A8B-9F70-6D5E4C3B2A10").unwrap().0,
            "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10"
        );
        for bad in [
            "",
            "my-app",
            "3b9d6f4a1c2e4a8b9f706d5e4c3b2a10",
            "zzzzzzzz-1c2e-4a8b-9f70-6d5e4c3b2a10",
        ] {
            let e = client_id(bad).unwrap_err();
            assert_eq!(e.field, FIELD_CLIENT_ID, "{bad}");
        }
        let g = "5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903";
        assert_eq!(tenant_and_client(g, g).unwrap().severity, Severity::Warning);
        assert!(tenant_and_client("contoso.com", g).is_none());
    }

    #[test]
    fn secret_table() {
        let value = "dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0";
        let (s, w) = secret(value, false).unwrap();
        assert_eq!(s.expose(), value);
        assert!(w.is_empty());
        let (s, w) = secret(&format!("  {value}\r\n"), false).unwrap();
        assert_eq!(s.expose(), value);
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("removed"));
        let e = secret("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", false).unwrap_err();
        assert_eq!(e.field, FIELD_SECRET);
        assert!(e
            .message
            .contains("this looks like the Secret ID; copy the Value column"));
        assert!(
            !e.message.contains("7c1e2d3f"),
            "message must not echo the secret"
        );
        let (_, w) = secret("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", true).unwrap();
        assert_eq!(w.len(), 1);
        let (_, w) = secret("short", false).unwrap();
        assert!(w[0].message.contains("5 characters"));
        assert!(secret("", false).is_err());
        assert!(secret("abc def ghi jkl mno pqr stu vwx yz0 123", false).is_err());
    }

    #[test]
    fn mailbox_table() {
        assert_eq!(
            mailbox(" Support@Contoso.com ").unwrap(),
            "support@contoso.com"
        );
        assert_eq!(
            mailbox("first.last+tag@mail.contoso.de").unwrap(),
            "first.last+tag@mail.contoso.de"
        );
        for bad in [
            "",
            "support",
            "@contoso.com",
            "support@",
            "support@contoso",
            "a..b@c.com",
            ".a@c.com",
            "a b@c.com",
            "a@c..com",
        ] {
            let e = mailbox(bad).unwrap_err();
            assert_eq!(e.field, FIELD_MAILBOX, "{bad}");
        }
        assert!(mailbox("support")
            .unwrap_err()
            .message
            .ends_with("is not a valid email address: it has no @"));
    }

    #[test]
    fn problems_are_worded_in_german_with_the_portals_labels() {
        let e = secret("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", false).unwrap_err();
        assert_eq!(e.msg.id, "validate-secret-id");
        assert_eq!(e.text(Lang::En), e.to_string());
        let de = e.text(Lang::De);
        assert!(
            de.starts_with("Geheimer Clientschlüssel: das sieht nach der Geheimnis-ID aus")
                && de.contains("Spalte „Wert“"),
            "{de}"
        );
        let e = tenant("admin@contoso.com").unwrap_err();
        assert_eq!(
            e.text(Lang::De),
            "Verzeichnis-ID (Mandant): „admin@contoso.com“ ist eine E-Mail-Adresse; geben Sie die Verzeichnis-ID (Mandant) (eine GUID) oder nur die Domain nach dem @ ein"
        );
        let (_, w) = secret("short", false).unwrap();
        assert!(w[0].message_in(Lang::De).starts_with("ist 5 Zeichen lang"));
        let e = mailbox("a@b").unwrap_err();
        assert!(
            e.text(Lang::De).starts_with("Postfach: „a@b“ ist keine gültige E-Mail-Adresse: der Teil nach dem @ ist keine Domain"),
            "{}",
            e.text(Lang::De)
        );
        assert_eq!(
            field_label(FIELD_CLIENT_ID, Lang::De),
            "Anwendungs-ID (Client)"
        );
        assert_eq!(field_label(FIELD_CLIENT_ID, Lang::En), FIELD_CLIENT_ID);
        assert_eq!(field_label(FIELD_NAME, Lang::De), "Profilname");
    }
}
