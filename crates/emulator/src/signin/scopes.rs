//! The `scope` parameter of delegated sign-ins: Graph permission names (bare or with a Graph
//! resource prefix), OpenID scopes and `.default`, and the `scp` claim issued for them.

use crate::aad::{AadError, GRAPH_RESOURCES};

use super::params::bad_request;

/// What `https://graph.microsoft.com/.default` stands for in a delegated sign-in.
pub const DEFAULT_SCOPES: &[&str] = &["Application.Read.All", "Directory.Read.All", "User.Read"];

pub(super) const OIDC_SCOPES: &[&str] = &["openid", "profile", "email", "offline_access"];

/// Splits a `scope` parameter into delegated Graph permission names and OpenID scopes, in order
/// and without duplicates; an item for another resource is returned as the error.
pub(crate) fn parse_scopes(scope: &str, own_bases: &[&str]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let push = |out: &mut Vec<String>, name: &str| {
        if !out.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
    };
    for item in scope.split_whitespace() {
        if let Some(o) = OIDC_SCOPES.iter().find(|o| o.eq_ignore_ascii_case(item)) {
            push(&mut out, o);
            continue;
        }
        let mut name = None;
        let prefixes = GRAPH_RESOURCES
            .iter()
            .map(|(r, _)| *r)
            .chain(own_bases.iter().copied());
        for prefix in prefixes {
            let prefix = prefix.trim_end_matches('/');
            let (Some(head), Some(tail)) = (item.get(..prefix.len()), item.get(prefix.len()..))
            else {
                continue;
            };
            if head.eq_ignore_ascii_case(prefix) && tail.starts_with('/') {
                name = Some(tail.trim_start_matches('/'));
                break;
            }
        }
        let name = match name {
            Some(n) => n,
            None if item.contains("://") || item.contains('/') || item.contains(':') => {
                return Err(item.to_string())
            }
            None => item,
        };
        if name.eq_ignore_ascii_case(".default") {
            for d in DEFAULT_SCOPES {
                push(&mut out, d);
            }
        } else if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        {
            push(&mut out, name);
        } else {
            return Err(item.to_string());
        }
    }
    Ok(out)
}

/// The `scp` claim for granted scopes: Graph permissions plus `openid`/`profile`/`email`;
/// User.Read when no Graph permission was asked for.
pub(super) fn scp_names(scopes: &[String]) -> Vec<String> {
    let mut out: Vec<String> = scopes
        .iter()
        .filter(|s| !s.eq_ignore_ascii_case("offline_access"))
        .cloned()
        .collect();
    let graph = out
        .iter()
        .any(|s| !OIDC_SCOPES.iter().any(|o| o.eq_ignore_ascii_case(s)));
    if !graph {
        out.push("User.Read".to_string());
    }
    out
}

pub(super) fn invalid_scope(item: &str) -> AadError {
    bad_request(
        "invalid_scope",
        70011,
        format!(
            "The provided value for the input parameter 'scope' is not valid. The scope {item} is not valid."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_normalised() {
        let own = ["http://127.0.0.1:5000"];
        let v = parse_scopes(
            "https://graph.microsoft.com/Directory.Read.All offline_access openid User.Read",
            &own,
        );
        assert_eq!(
            v,
            Ok(vec![
                "Directory.Read.All".to_string(),
                "offline_access".to_string(),
                "openid".to_string(),
                "User.Read".to_string()
            ])
        );
        let v = parse_scopes("https://graph.microsoft.com/.default", &own).unwrap_or_default();
        assert_eq!(v.len(), DEFAULT_SCOPES.len());
        assert!(parse_scopes("http://127.0.0.1:5000/Mail.Send", &own).is_ok());
        assert_eq!(
            parse_scopes("https://management.azure.com/user_impersonation", &own),
            Err("https://management.azure.com/user_impersonation".to_string())
        );
        assert_eq!(
            scp_names(&["openid".to_string()]),
            vec!["openid", "User.Read"]
        );
    }
}
