//! The `secret_expiry` verdict: the secret in use matched among the app's secrets by its hint,
//! and how long it has left.

use super::input::CheckInput;
use super::verdicts::{with_more, Timed};
use crate::i18n::{args, date_arg, msg_arg, msgs_arg, Msg};
use crate::microsoft::graph::Registration;
use crate::microsoft::portal;
use crate::report::{Check, Status};

/// `secret_expiry` when Entra ID refused the secret as expired (AADSTS7000222): failed, with the
/// day it expired when the profile knows it.
pub(super) fn expired_by_entra(input: &CheckInput) -> Check {
    let cloud = input.endpoints.cloud;
    let mut a = args([("client_id", input.client_id.as_str())]);
    a.insert(
        "date".into(),
        match input.known_expiry {
            Some(d) => crate::i18n::date_arg(d.date_naive()),
            None => serde_json::Value::from("unknown"),
        },
    );
    Check::msg(
        "secret_expiry",
        Status::Fail,
        "azure-expiry-expired-by-entra",
        a,
    )
    .with_code("AADSTS7000222")
    .portal(portal::certificates_and_secrets(cloud, &input.client_id))
}

/// The verdict on a secret that expires at `expires`: `subject` is `used` (the secret in use,
/// `secret` its label) or `hand` (the expiry entered by hand); `tail` follows the summary.
pub(super) fn expiry_verdict(
    expires: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
    warn_days: u32,
    subject: &str,
    secret: &str,
    tail: &[Msg],
) -> Check {
    use crate::microsoft::expiry::{self, ExpiryState};
    let (status, id) = match expiry::state(expires, now, warn_days) {
        ExpiryState::Ok => (Status::Pass, "azure-expiry-ok"),
        ExpiryState::Soon => (Status::Warn, "azure-expiry-soon"),
        ExpiryState::Expired => (Status::Fail, "azure-expiry-expired"),
    };
    let a = args([
        ("subject", serde_json::Value::from(subject)),
        ("secret", secret.into()),
        ("date", date_arg(expires.date_naive())),
        ("days", expiry::days_left(expires, now, &chrono::Utc).into()),
        ("tail", msgs_arg(tail)),
    ]);
    Check::msg("secret_expiry", status, id, a)
}

pub(super) fn secret_expiry_check(
    reg: &Timed<Registration>,
    input: &CheckInput,
    now: chrono::DateTime<chrono::Utc>,
) -> (Check, Option<chrono::DateTime<chrono::Utc>>) {
    use crate::microsoft::expiry::{self, AppSecret, ExpiryState, SecretMatch};
    let cloud = input.endpoints.cloud;
    let portal_url = portal::certificates_and_secrets(cloud, &input.client_id);
    let warn_days = input.expiry_warn_days;
    // The expiry entered by hand, when Azure does not tell which secret is in use: `tail` says why.
    let manual = |tail: &[Msg]| match input.known_expiry {
        Some(e) => expiry_verdict(e, now, warn_days, "hand", "", tail),
        None => Check::msg(
            "secret_expiry",
            Status::Warn,
            "azure-expiry-unknown",
            args([("tail", msgs_arg(tail))]),
        ),
    };
    let secrets: Vec<AppSecret> = match &reg.result {
        Ok(r) => r
            .password_credentials
            .iter()
            .filter_map(AppSecret::from_credential)
            .collect(),
        Err(f) => {
            let why = Msg::new(
                "azure-expiry-why-unreadable",
                args([("detail", msg_arg(&f.msg()))]),
            );
            return (
                manual(&[why])
                    .code(f.code().map(str::to_string))
                    .portal(portal_url)
                    .took(reg.elapsed),
                None,
            );
        }
    };
    let hint = input.secret.hint();
    // What decides the verdict: the secret in use, or why it is not known.
    enum Found {
        One(AppSecret),
        Manual(Msg),
        Ambiguous(Msg),
    }
    let (found, used_key, expires) = match expiry::match_secret(&secrets, &hint) {
        SecretMatch::One(s) => {
            let key = s.key_id.clone();
            let at = s.expires;
            (Found::One(s), key, Some(at))
        }
        SecretMatch::Several(list) => {
            let dates: Vec<serde_json::Value> = list
                .iter()
                .map(|s| date_arg(s.expires.date_naive()))
                .collect();
            let why = Msg::new(
                "azure-expiry-why-several",
                args([
                    ("count", serde_json::Value::from(list.len())),
                    ("hint", hint.as_str().into()),
                    ("dates", serde_json::Value::Array(dates)),
                ]),
            );
            match input.known_expiry {
                Some(_) => (Found::Manual(why), None, None),
                None => (Found::Ambiguous(why), None, None),
            }
        }
        SecretMatch::None => (
            Found::Manual(Msg::new(
                "azure-expiry-why-none",
                args([("hint", hint.as_str())]),
            )),
            None,
            None,
        ),
    };
    // Other secrets that need attention.
    let others: Vec<Msg> = secrets
        .iter()
        .filter(|s| s.key_id.is_none() || s.key_id != used_key)
        .filter(|s| s.hint.as_deref() != Some(hint.as_str()))
        .filter(|s| expiry::state(s.expires, now, warn_days) != ExpiryState::Ok)
        .map(|s| {
            let left = expiry::days_left(s.expires, now, &chrono::Utc);
            if left < 0 {
                Msg::new(
                    "azure-expiry-other-expired",
                    args([
                        ("secret", serde_json::Value::from(s.label())),
                        ("date", date_arg(s.expires.date_naive())),
                    ]),
                )
            } else {
                Msg::new(
                    "azure-expiry-other-soon",
                    args([
                        ("secret", serde_json::Value::from(s.label())),
                        ("days", left.into()),
                    ]),
                )
            }
        })
        .collect();
    // "Other secrets of the app: a; b." as items of the summary's tail (not nested deeper: the
    // catalog words nested messages a few levels deep only).
    let others: Vec<Msg> = if others.is_empty() {
        Vec::new()
    } else {
        std::iter::once(Msg::plain("azure-expiry-others"))
            .chain(with_more(others))
            .collect()
    };
    let check = match found {
        Found::One(s) => expiry_verdict(s.expires, now, warn_days, "used", &s.label(), &others),
        Found::Manual(why) => {
            let tail: Vec<Msg> = std::iter::once(why).chain(others).collect();
            manual(&tail)
        }
        Found::Ambiguous(why) => {
            let tail: Vec<Msg> = std::iter::once(why).chain(others).collect();
            Check::msg(
                "secret_expiry",
                Status::Warn,
                "azure-expiry-ambiguous",
                args([("tail", msgs_arg(&tail))]),
            )
        }
    };
    (check.portal(portal_url).took(reg.elapsed), expires)
}
