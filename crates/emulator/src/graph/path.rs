//! Graph request paths: decoded segments with their `('id')` / `(appId='…')` keys, and the
//! [`Resource`] (or mailbox [`MailPath`]) a path names.

use crate::wire::percent_decode;

/// A key in parentheses after a segment: `('id')`, `(id)` or `(appId='x')`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    /// The alternate-key property, e.g. `appId`; `None` for the object id.
    pub prop: Option<String>,
    pub value: String,
}

/// One decoded path segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    pub name: String,
    pub key: Option<Key>,
}

impl Segment {
    fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    fn plain(&self, name: &str) -> bool {
        self.key.is_none() && self.is(name)
    }
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    v.strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(v)
        .replace("''", "'")
}

/// Parses a decoded segment such as `applications(appId='…')`.
pub(crate) fn parse_segment(seg: &str) -> Segment {
    if let Some(open) = seg.find('(') {
        if let Some(inner) = seg[open + 1..].strip_suffix(')') {
            let name = seg[..open].to_string();
            let key = match inner.split_once('=') {
                Some((prop, value)) if !prop.contains('\'') => Key {
                    prop: Some(prop.trim().to_string()),
                    value: unquote(value),
                },
                _ => Key {
                    prop: None,
                    value: unquote(inner),
                },
            };
            return Segment {
                name,
                key: Some(key),
            };
        }
    }
    Segment {
        name: seg.to_string(),
        key: None,
    }
}

/// The decoded segments after `/v1.0/`.
pub(crate) fn parse_path(rest: &str) -> Vec<Segment> {
    rest.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| parse_segment(&percent_decode(s, false)))
        .collect()
}

/// The Graph resources the emulator serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Resource {
    Applications,
    Application(Key),
    ServicePrincipals,
    ServicePrincipal(Key),
    ServicePrincipalGrants(Key),
    ServicePrincipalAppRoleAssignments(Key),
    /// `servicePrincipals/{id}/appRoleAssignedTo`: assignments of the resource's app roles.
    ServicePrincipalAppRoleAssignedTo(Key),
    /// `servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}` (also under
    /// `appRoleAssignments`).
    ServicePrincipalAssignment(Key, String),
    Grants,
    /// `oauth2PermissionGrants/{id}`.
    Grant(String),
    /// `policies/defaultAppManagementPolicy`.
    DefaultAppManagementPolicy,
    /// `policies/appManagementPolicies`.
    AppManagementPolicies,
    User(Key),
    /// `/me`: the signed-in user (delegated tokens only).
    Me,
    /// A mailbox path under `/users/{upn}/…`.
    Mail(Key, MailPath),
}

/// Splits `set(key)/…` or `set/id/…` into the key and the remaining segments.
fn keyed<'a>(segs: &'a [Segment], set: &str) -> Option<(Key, &'a [Segment])> {
    let (first, rest) = segs.split_first()?;
    if !first.is(set) {
        return None;
    }
    if let Some(k) = &first.key {
        return Some((k.clone(), rest));
    }
    let (id, rest) = rest.split_first()?;
    if id.key.is_some() {
        return None;
    }
    Some((
        Key {
            prop: None,
            value: id.name.clone(),
        },
        rest,
    ))
}

/// Which resource a path names, if any.
pub(crate) fn resolve(segs: &[Segment]) -> Option<Resource> {
    match segs {
        [s] if s.plain("applications") => return Some(Resource::Applications),
        [s] if s.plain("servicePrincipals") => return Some(Resource::ServicePrincipals),
        [s] if s.plain("oauth2PermissionGrants") => return Some(Resource::Grants),
        [s] if s.plain("me") => return Some(Resource::Me),
        [p, s] if p.plain("policies") && s.plain("defaultAppManagementPolicy") => {
            return Some(Resource::DefaultAppManagementPolicy)
        }
        [p, s] if p.plain("policies") && s.plain("appManagementPolicies") => {
            return Some(Resource::AppManagementPolicies)
        }
        _ => {}
    }
    if let Some((key, rest)) = keyed(segs, "applications") {
        return match rest {
            [] => Some(Resource::Application(key)),
            _ => None,
        };
    }
    if let Some((key, rest)) = keyed(segs, "users") {
        return match rest {
            [] => Some(Resource::User(key)),
            _ => mail_path(rest).map(|p| Resource::Mail(key, p)),
        };
    }
    if let Some((key, rest)) = keyed(segs, "servicePrincipals") {
        return match rest {
            [] => Some(Resource::ServicePrincipal(key)),
            [s] if s.plain("oauth2PermissionGrants") => Some(Resource::ServicePrincipalGrants(key)),
            [s] if s.plain("appRoleAssignments") => {
                Some(Resource::ServicePrincipalAppRoleAssignments(key))
            }
            [s] if s.plain("appRoleAssignedTo") => {
                Some(Resource::ServicePrincipalAppRoleAssignedTo(key))
            }
            _ => keyed(rest, "appRoleAssignedTo")
                .or_else(|| keyed(rest, "appRoleAssignments"))
                .and_then(|(id, r)| {
                    r.is_empty()
                        .then(|| Resource::ServicePrincipalAssignment(key.clone(), id.value))
                }),
        };
    }
    if let Some((id, rest)) = keyed(segs, "oauth2PermissionGrants") {
        return rest.is_empty().then_some(Resource::Grant(id.value));
    }
    None
}

fn is_delta(s: &Segment) -> bool {
    (s.is("delta") || s.is("microsoft.graph.delta"))
        && s.key.as_ref().is_none_or(|k| k.value.is_empty())
}

/// A mail resource under `/users/{upn}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MailPath {
    /// `mailFolders`
    Folders,
    /// `mailFolders/{name-or-id}`
    Folder(String),
    /// `mailFolders/{name-or-id}/messages`
    FolderMessages(String),
    /// `mailFolders/{name-or-id}/messages/delta`
    FolderDelta(String),
    /// `messages`
    Messages,
    /// `messages/{id}` (also under a folder)
    Message(String),
    /// `sendMail`
    SendMail,
}

/// Which mail resource the segments after `/users/{upn}` name.
fn mail_path(rest: &[Segment]) -> Option<MailPath> {
    match rest {
        [s] if s.plain("sendMail") || s.plain("microsoft.graph.sendMail") => {
            return Some(MailPath::SendMail)
        }
        [s] if s.plain("mailFolders") => return Some(MailPath::Folders),
        [s] if s.plain("messages") => return Some(MailPath::Messages),
        _ => {}
    }
    if let Some((folder, r)) = keyed(rest, "mailFolders") {
        let f = folder.value;
        return match r {
            [] => Some(MailPath::Folder(f)),
            [s] if s.plain("messages") => Some(MailPath::FolderMessages(f)),
            [s, d] if s.plain("messages") && is_delta(d) => Some(MailPath::FolderDelta(f)),
            _ => keyed(r, "messages")
                .and_then(|(id, rr)| rr.is_empty().then_some(MailPath::Message(id.value))),
        };
    }
    keyed(rest, "messages").and_then(|(id, r)| r.is_empty().then_some(MailPath::Message(id.value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments() {
        let s = parse_segment("applications(appId='abc')");
        assert_eq!(s.name, "applications");
        assert_eq!(
            s.key,
            Some(Key {
                prop: Some("appId".into()),
                value: "abc".into()
            })
        );
        let s = parse_segment("servicePrincipals('x')");
        assert_eq!(
            s.key.map(|k| (k.prop, k.value)),
            Some((None, "x".to_string()))
        );
        let s = parse_segment("weird(");
        assert_eq!(s.key, None);
        let segs = parse_path("/servicePrincipals(appId=%27abc%27)/appRoleAssignments");
        assert_eq!(
            resolve(&segs),
            Some(Resource::ServicePrincipalAppRoleAssignments(Key {
                prop: Some("appId".into()),
                value: "abc".into()
            }))
        );
        let segs = parse_path("/servicePrincipals/sp1/oauth2PermissionGrants");
        assert_eq!(
            resolve(&segs),
            Some(Resource::ServicePrincipalGrants(Key {
                prop: None,
                value: "sp1".into()
            }))
        );
        assert_eq!(resolve(&parse_path("/me")), Some(Resource::Me));
        assert_eq!(
            resolve(&parse_path("/policies/defaultAppManagementPolicy")),
            Some(Resource::DefaultAppManagementPolicy)
        );
        assert_eq!(
            resolve(&parse_path("/servicePrincipals/sp1/appRoleAssignedTo/a1")),
            Some(Resource::ServicePrincipalAssignment(
                Key {
                    prop: None,
                    value: "sp1".into()
                },
                "a1".into()
            ))
        );
        assert_eq!(
            resolve(&parse_path("/oauth2PermissionGrants/g1")),
            Some(Resource::Grant("g1".into()))
        );
        assert_eq!(resolve(&parse_path("/me/x")), None);
        assert_eq!(resolve(&parse_path("/applications/x/y")), None);
        let user = |v: &str| Key {
            prop: None,
            value: v.into(),
        };
        let mail = |p: &str| match resolve(&parse_path(p)) {
            Some(Resource::Mail(k, path)) => Some((k, path)),
            _ => None,
        };
        assert_eq!(
            mail("/users/a%40b.example/mailFolders/inbox/messages/delta"),
            Some((user("a@b.example"), MailPath::FolderDelta("inbox".into())))
        );
        assert_eq!(
            mail("/users('a@b.example')/mailFolders('Inbox')"),
            Some((user("a@b.example"), MailPath::Folder("Inbox".into())))
        );
        assert_eq!(
            mail("/users/a@b.example/mailFolders/inbox/messages/AAMk%3D"),
            Some((user("a@b.example"), MailPath::Message("AAMk=".into())))
        );
        assert_eq!(
            mail("/users/a@b.example/messages('AAMk=')"),
            Some((user("a@b.example"), MailPath::Message("AAMk=".into())))
        );
        assert_eq!(
            mail("/users/a@b.example/sendMail"),
            Some((user("a@b.example"), MailPath::SendMail))
        );
        assert_eq!(mail("/users/a@b.example/calendar"), None);
        assert_eq!(mail("/users/a@b.example/messages/x/y"), None);
    }
}
