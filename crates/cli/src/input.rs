//! Reading and validating what the user gave: the secret (stdin or environment, never an
//! argument), tenant, client ID, cloud and endpoints. Every problem names its field.

use crate::{margs, tra, TargetArgs, EXIT_ENVIRONMENT, EXIT_USAGE};
use graphwiz_core::integration::{self, TargetError};
use graphwiz_core::store::keychain::KeychainError;
use graphwiz_core::store::profiles::{Profile, ProfileError};
use graphwiz_core::validate::{self, Problem};
use graphwiz_core::ClientSecret;
use std::io::Read;

/// Environment variable that may carry the client secret.
pub const SECRET_ENV: &str = "GRAPHWIZ_CLIENT_SECRET";

/// A failure before any check ran: what is wrong, and the exit status.
#[derive(Debug)]
pub struct Failure {
    pub problems: Vec<Problem>,
    pub message: Option<String>,
    pub exit: u8,
}

impl Failure {
    pub fn usage(m: impl Into<String>) -> Self {
        Failure {
            problems: vec![],
            message: Some(m.into()),
            exit: EXIT_USAGE,
        }
    }
    pub fn environment(m: impl Into<String>) -> Self {
        Failure {
            problems: vec![],
            message: Some(m.into()),
            exit: EXIT_ENVIRONMENT,
        }
    }
    pub fn problems(problems: Vec<Problem>) -> Self {
        Failure {
            problems,
            message: None,
            exit: EXIT_USAGE,
        }
    }
    /// Prints to stderr (in this run's language) and returns the exit status.
    pub fn report(&self) -> u8 {
        for p in &self.problems {
            error(&p.text(crate::lang()));
        }
        if let Some(m) = &self.message {
            error(m);
        }
        self.exit
    }
}

impl From<Problem> for Failure {
    fn from(p: Problem) -> Self {
        Failure::problems(vec![p])
    }
}

// The core's errors, worded from the catalogs in this run's language.
impl From<ProfileError> for Failure {
    fn from(e: ProfileError) -> Self {
        let text = e.msg().text(crate::lang());
        if e.is_environment() {
            Failure::environment(text)
        } else {
            Failure::usage(text)
        }
    }
}

impl From<KeychainError> for Failure {
    fn from(e: KeychainError) -> Self {
        Failure::environment(e.msg().text(crate::lang()))
    }
}

impl From<graphwiz_core::microsoft::cloud::EndpointError> for Failure {
    fn from(e: graphwiz_core::microsoft::cloud::EndpointError) -> Self {
        Failure::usage(e.msg().text(crate::lang()))
    }
}

impl From<integration::SaveError> for Failure {
    fn from(e: integration::SaveError) -> Self {
        match e {
            integration::SaveError::Profiles(p) => p.into(),
            integration::SaveError::Keychain(k) => k.into(),
        }
    }
}

/// True when a secret was given for this run (stdin flag or environment variable).
pub fn secret_given(t: &TargetArgs) -> bool {
    t.secret_stdin || std::env::var_os(SECRET_ENV).is_some()
}

/// The secret given for this run (its warnings printed), else profile `p`'s from the keychain.
pub fn secret_or_keychain(t: &TargetArgs, p: &Profile) -> Result<ClientSecret, Failure> {
    if secret_given(t) {
        let (s, w) = read_secret(t)?;
        warn(&w);
        Ok(s)
    } else {
        Ok(graphwiz_core::store::keychain::load(
            &p.name,
            &p.secret_ref,
        )?)
    }
}

/// Reads the secret from stdin (`--secret-stdin`) or the environment, and validates it.
pub fn read_secret(t: &TargetArgs) -> Result<(ClientSecret, Vec<Problem>), Failure> {
    let raw = zeroize::Zeroizing::new(if t.secret_stdin {
        let mut buf = String::new();
        std::io::stdin()
            .take(64 * 1024)
            .read_to_string(&mut buf)
            .map_err(|e| {
                Failure::usage(tra(
                    "cli-secret-stdin-unreadable",
                    &margs!("detail" => e.to_string()),
                ))
            })?;
        // The line end that `echo` or a here-string adds is not a copy mistake; anything else is.
        let line = buf.strip_suffix('\n').unwrap_or(&buf);
        let line = line.strip_suffix('\r').unwrap_or(line).to_string();
        zeroize::Zeroize::zeroize(&mut buf);
        line
    } else {
        match std::env::var(SECRET_ENV) {
            Ok(v) => v,
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(Failure::usage(tra(
                    "cli-secret-env-not-utf8",
                    &margs!("var" => SECRET_ENV),
                )))
            }
            Err(std::env::VarError::NotPresent) => {
                return Err(Failure::usage(tra(
                    "cli-secret-missing",
                    &margs!("var" => SECRET_ENV),
                )))
            }
        }
    });
    Ok(validate::secret(&raw, t.i_know)?)
}

/// Validated identity of an integration (no secret).
pub use graphwiz_core::integration::Target;

/// Validates tenant, client ID, cloud and endpoints; all field errors are reported together.
pub fn target(
    tenant: &str,
    client_id: &str,
    cloud: Option<&str>,
    login: Option<&str>,
    graph: Option<&str>,
) -> Result<Target, Failure> {
    integration::target(tenant, client_id, cloud, login, graph).map_err(|e| match e {
        TargetError::Fields(p) => Failure::problems(p),
        TargetError::Cloud(m) => Failure::usage(m),
        TargetError::Endpoints(e) => e.into(),
    })
}

/// The integration the options name and its secret, validated, their warnings printed: what
/// every command that is given `--tenant`/`--client-id` and a secret starts with. `what` is the
/// catalog message that says what to give when tenant or client ID is missing.
pub fn target_and_secret(t: &TargetArgs, what: &str) -> Result<(Target, ClientSecret), Failure> {
    let (Some(tenant), Some(client_id)) = (&t.tenant, &t.client_id) else {
        return Err(Failure::usage(crate::tr(what)));
    };
    let target = target(
        tenant,
        client_id,
        t.cloud.as_deref(),
        t.login_url.as_deref(),
        t.graph_url.as_deref(),
    )?;
    let (secret, w) = read_secret(t)?;
    warn(&target.warnings);
    warn(&w);
    Ok((target, secret))
}

/// Validates mailbox addresses.
pub fn mailboxes(raw: &[String]) -> Result<Vec<String>, Failure> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for m in raw {
        match validate::mailbox(m) {
            Ok(v) if !out.contains(&v) => out.push(v),
            Ok(_) => {}
            Err(p) => errors.push(p),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Failure::problems(errors))
    }
}

/// Prints warnings to stderr.
pub fn warn(warnings: &[Problem]) {
    for w in warnings {
        warning(&format!("{}: {}", w.field, w.message));
    }
}

/// Prints `error: text` to stderr, in this run's language.
pub fn error(text: &str) {
    eprintln!("{}", tra("cli-error", &margs!("text" => text)));
}

/// Prints `warning: text` to stderr, in this run's language.
pub fn warning(text: &str) {
    eprintln!("{}", tra("cli-warning", &margs!("text" => text)));
}

/// Prints `note: text` to stderr, in this run's language.
pub fn note(text: &str) {
    eprintln!("{}", tra("cli-note", &margs!("text" => text)));
}

/// The async runtime of one command.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            Failure::environment(tra(
                "cli-runtime-failed",
                &margs!("detail" => e.to_string()),
            ))
        })
}
