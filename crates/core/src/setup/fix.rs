//! Repairing an app registration through Microsoft Graph, with an administrator's sign-in: a
//! permission missing from the app; a permission added with the wrong type (User.Read as
//! Application, Mail.Send as Delegated: the right one added, the wrong one removed, and its
//! consent revoked); admin consent missing for the application permissions or for User.Read. An
//! expired or expiring secret is handed over to rotation. [`plan`] reads what is off and says it
//! in the admin's words; [`apply`] changes exactly that and nothing else; every repair is
//! idempotent, so running again after a crash finishes it.

use super::graph::{self, GraphIds};
use crate::http::HttpClient;
use crate::i18n::{args, Msg};
use crate::microsoft::admin::AdminToken;
use crate::microsoft::cloud::{path_segment, Endpoints};
use crate::microsoft::graph::{check_result, GraphFailure};
use crate::microsoft::permissions::{self, Kind, Permission, MICROSOFT_GRAPH_APP_ID};
use serde::Deserialize;
use serde_json::{json, Value};

/// The delegated permissions a repair asks for: changing the app's requested permissions
/// (Application.ReadWrite.All), granting and revoking application permissions
/// (AppRoleAssignment.ReadWrite.All) and granting User.Read for all users
/// (DelegatedPermissionGrant.ReadWrite.All).
pub const FIX_SCOPES: [&str; 3] = [
    "Application.ReadWrite.All",
    "AppRoleAssignment.ReadWrite.All",
    "DelegatedPermissionGrant.ReadWrite.All",
];

/// One change a repair makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// Add a required permission the app does not request.
    AddPermission(Permission),
    /// Replace a permission requested with the wrong type by the right one.
    ReplaceWrongKind {
        /// What is requested now.
        wrong: Permission,
        /// What Genesys Cloud needs.
        right: Permission,
    },
    /// Grant admin consent to an application permission.
    ConsentRole(Permission),
    /// Revoke the consent of a wrong-type application permission (User.Read.All).
    RevokeRole {
        /// The permission.
        permission: Permission,
        /// The assignment's id.
        assignment: String,
    },
    /// Grant admin consent to User.Read for all users.
    ConsentUserRead,
}

impl Repair {
    /// The repair in the admin's words (with the portal's labels).
    pub fn msg(&self) -> Msg {
        let perm = |p: &Permission| {
            args([
                ("perm", p.name.to_string()),
                ("kind", p.kind.id().to_string()),
            ])
        };
        match self {
            Repair::AddPermission(p) => Msg::new("fix-repair-add", perm(p)),
            Repair::ReplaceWrongKind { wrong, right } => Msg::new(
                "fix-repair-replace",
                args([
                    ("wrong", wrong.name.to_string()),
                    ("wrong_kind", wrong.kind.id().to_string()),
                    ("perm", right.name.to_string()),
                    ("kind", right.kind.id().to_string()),
                ]),
            ),
            Repair::ConsentRole(p) => Msg::new("fix-repair-consent-role", perm(p)),
            Repair::RevokeRole { permission, .. } => {
                Msg::new("fix-repair-revoke", perm(permission))
            }
            Repair::ConsentUserRead => Msg::plain("fix-repair-grant"),
        }
    }
}

/// What a repair will change, read from the tenant with the administrator's token.
#[derive(Clone, Debug)]
pub struct FixPlan {
    /// The app registration's object id.
    pub object_id: String,
    /// Its Application (client) ID.
    pub app_id: String,
    /// Its service principal (absent: nobody consented yet in this tenant).
    pub principal: Option<String>,
    /// Microsoft Graph's ids in this tenant.
    pub graph: GraphIds,
    /// The app's requested permissions as Graph lists them (kept for the PATCH).
    pub required: Value,
    /// The changes, in order.
    pub repairs: Vec<Repair>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawApp {
    id: Option<String>,
    #[serde(default)]
    required_resource_access: Value,
}

fn requested(required: &Value) -> Vec<(String, Kind)> {
    required
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            r.get("resourceAppId")
                .and_then(Value::as_str)
                .is_some_and(|id| id.eq_ignore_ascii_case(MICROSOFT_GRAPH_APP_ID))
        })
        .flat_map(|r| {
            r.get("resourceAccess")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .filter_map(|a| {
            let kind = match a.get("type").and_then(Value::as_str)? {
                "Role" => Kind::Application,
                "Scope" => Kind::Delegated,
                _ => return None,
            };
            Some((a.get("id")?.as_str()?.to_ascii_lowercase(), kind))
        })
        .collect()
}

/// The id of a required permission in this tenant (by value, from Microsoft Graph's service
/// principal).
fn id_in(graph: &GraphIds, p: &Permission) -> String {
    match p.name {
        "Mail.ReadWrite" => graph.mail_readwrite.clone(),
        "Mail.Send" => graph.mail_send.clone(),
        _ => graph.user_read.clone(),
    }
}

/// Reads the app, its consent and Microsoft Graph's ids, and plans the repairs.
pub async fn plan(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    client_id: &str,
) -> Result<FixPlan, GraphFailure> {
    let graph_ids = graph::graph_ids(http, e, admin).await?;
    let url = e.graph_url(&format!(
        "applications(appId='{}')?$select=id,requiredResourceAccess",
        path_segment(client_id)
    ));
    let app: RawApp = check_result(http.get(&url, admin.bearer()).await)?.json()?;
    let object_id = app.id.unwrap_or_default();
    let req = requested(&app.required_resource_access);
    let mut repairs = Vec::new();
    for p in permissions::REQUIRED {
        let id = id_in(&graph_ids, &p).to_ascii_lowercase();
        if req.iter().any(|(r, k)| *r == id && *k == p.kind) {
            continue;
        }
        match permissions::wrong_kind_of(&p, &req) {
            Some(w) => repairs.push(Repair::ReplaceWrongKind { wrong: w, right: p }),
            None => repairs.push(Repair::AddPermission(p)),
        }
    }
    let principal = graph::find_principal(http, e, admin, client_id).await?;
    let assignments = match &principal {
        Some(sp) => graph::assigned_roles(http, e, admin, sp).await?,
        None => Vec::new(),
    };
    for p in [permissions::MAIL_READWRITE, permissions::MAIL_SEND] {
        let id = id_in(&graph_ids, &p);
        if !assignments.iter().any(|(_, r)| r.eq_ignore_ascii_case(&id)) {
            repairs.push(Repair::ConsentRole(p));
        }
    }
    for w in permissions::WRONG_KIND
        .iter()
        .filter(|w| w.kind == Kind::Application)
    {
        for (assignment, role) in &assignments {
            if role.eq_ignore_ascii_case(w.id) {
                repairs.push(Repair::RevokeRole {
                    permission: *w,
                    assignment: assignment.clone(),
                });
            }
        }
    }
    let granted = match &principal {
        Some(sp) => graph::tenant_wide_grants(http, e, admin, sp)
            .await?
            .iter()
            .any(|g| g.has_user_read_on(&graph_ids.principal)),
        None => false,
    };
    if !granted {
        repairs.push(Repair::ConsentUserRead);
    }
    Ok(FixPlan {
        object_id,
        app_id: client_id.to_string(),
        principal,
        graph: graph_ids,
        required: app.required_resource_access,
        repairs,
    })
}

/// The app's requested permissions with the planned additions and replacements: other resources
/// and other Microsoft Graph permissions are kept as they are.
fn repaired_access(plan: &FixPlan) -> Value {
    let remove: Vec<(String, &str)> = plan
        .repairs
        .iter()
        .filter_map(|r| match r {
            Repair::ReplaceWrongKind { wrong, .. } => {
                Some((wrong.id.to_ascii_lowercase(), wrong.kind.wire()))
            }
            _ => None,
        })
        .collect();
    let add: Vec<Value> = plan
        .repairs
        .iter()
        .filter_map(|r| match r {
            Repair::AddPermission(p) | Repair::ReplaceWrongKind { right: p, .. } => {
                Some(json!({"id": id_in(&plan.graph, p), "type": p.kind.wire()}))
            }
            _ => None,
        })
        .collect();
    let mut out: Vec<Value> = Vec::new();
    let mut graph_seen = false;
    for r in plan.required.as_array().into_iter().flatten() {
        let is_graph = r
            .get("resourceAppId")
            .and_then(Value::as_str)
            .is_some_and(|id| id.eq_ignore_ascii_case(MICROSOFT_GRAPH_APP_ID));
        if !is_graph {
            out.push(r.clone());
            continue;
        }
        graph_seen = true;
        let mut access: Vec<Value> = r
            .get("resourceAccess")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|a| {
                let id = a
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let kind = a.get("type").and_then(Value::as_str).unwrap_or("");
                !remove.iter().any(|(rid, rk)| *rid == id && *rk == kind)
            })
            .collect();
        access.extend(add.iter().cloned());
        out.push(json!({"resourceAppId": MICROSOFT_GRAPH_APP_ID, "resourceAccess": access}));
    }
    if !graph_seen && !add.is_empty() {
        out.push(json!({"resourceAppId": MICROSOFT_GRAPH_APP_ID, "resourceAccess": add}));
    }
    Value::Array(out)
}

/// Applies the plan: the requested permissions in one PATCH, then the service principal if
/// there is none, the consents and the revocations. `step` names each repair as it starts.
pub async fn apply(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    plan: &FixPlan,
    step: &(dyn Fn(&Repair) + Send + Sync),
) -> Result<(), (Repair, GraphFailure)> {
    let changes_access = plan.repairs.iter().any(|r| {
        matches!(
            r,
            Repair::AddPermission(_) | Repair::ReplaceWrongKind { .. }
        )
    });
    if changes_access {
        let first = plan
            .repairs
            .iter()
            .find(|r| {
                matches!(
                    r,
                    Repair::AddPermission(_) | Repair::ReplaceWrongKind { .. }
                )
            })
            .cloned()
            .unwrap_or(Repair::ConsentUserRead);
        step(&first);
        let url = e.graph_url(&format!("applications/{}", path_segment(&plan.object_id)));
        let body = json!({"requiredResourceAccess": repaired_access(plan)});
        check_result(http.patch_json(&url, admin.bearer(), &body).await)
            .map_err(|f| (first.clone(), f))?;
    }
    let principal = match &plan.principal {
        Some(p) => p.clone(),
        None => graph::create_principal(http, e, admin, &plan.app_id)
            .await
            .map_err(|f| (Repair::ConsentUserRead, f))?,
    };
    for r in &plan.repairs {
        let result = match r {
            Repair::ConsentRole(p) => {
                step(r);
                graph::assign_role(
                    http,
                    e,
                    admin,
                    &plan.graph,
                    &principal,
                    &id_in(&plan.graph, p),
                )
                .await
            }
            Repair::RevokeRole { assignment, .. } => {
                step(r);
                let url = e.graph_url(&format!(
                    "servicePrincipals/{}/appRoleAssignedTo/{}",
                    path_segment(&plan.graph.principal),
                    path_segment(assignment)
                ));
                match check_result(http.delete(&url, admin.bearer()).await) {
                    Ok(_) | Err(GraphFailure::Status { status: 404, .. }) => Ok(()),
                    Err(f) => Err(f),
                }
            }
            Repair::ConsentUserRead => {
                step(r);
                graph::grant_user_read(http, e, admin, &plan.graph, &principal).await
            }
            Repair::AddPermission(_) | Repair::ReplaceWrongKind { .. } => Ok(()),
        };
        result.map_err(|f| (r.clone(), f))?;
    }
    Ok(())
}

/// True when the profile's secret expires within the expiry check's warning window (or has
/// expired): that is rotation's to fix, not a repair's.
pub fn secret_needs_rotation(profile: &crate::store::profiles::Profile) -> bool {
    let window = chrono::Duration::days(i64::from(crate::microsoft::expiry::DEFAULT_WARN_DAYS));
    profile
        .secret_expiry
        .is_some_and(|e| e < chrono::Utc::now() + window)
}

/// Checks the profile again after a repair, until the app's token carries the new consent or
/// `wait` has passed (Entra ID takes a while to show a change), with User.Read settled by the
/// administrator's own reading.
pub async fn recheck(
    http: &HttpClient,
    admin: &AdminToken,
    input: &crate::checks::CheckInput,
    wait: std::time::Duration,
) -> crate::report::Report {
    let deadline = std::time::Instant::now() + wait;
    let mut pause = std::time::Duration::from_millis(250);
    loop {
        let mut report = crate::checks::run_check(input).await;
        if let Ok(f) =
            crate::microsoft::admin::admin_findings(http, &input.endpoints, admin, &input.client_id)
                .await
        {
            crate::microsoft::admin::settle_user_read(
                &mut report,
                &f,
                input.endpoints.cloud,
                &input.client_id,
            );
        }
        if report.ok || std::time::Instant::now() + pause >= deadline {
            return report;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(std::time::Duration::from_secs(4));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> GraphIds {
        GraphIds {
            principal: "sp".into(),
            mail_readwrite: permissions::MAIL_READWRITE.id.into(),
            mail_send: permissions::MAIL_SEND.id.into(),
            user_read: permissions::USER_READ.id.into(),
        }
    }

    #[test]
    fn the_wrong_type_is_replaced_and_everything_else_kept() {
        let required = json!([
            {"resourceAppId": "other-api", "resourceAccess": [{"id": "x", "type": "Scope"}]},
            {"resourceAppId": MICROSOFT_GRAPH_APP_ID, "resourceAccess": [
                {"id": permissions::MAIL_READWRITE.id, "type": "Role"},
                {"id": permissions::MAIL_SEND.id, "type": "Role"},
                {"id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role"},
                {"id": "37f7f235-527c-4136-accd-4a02d197296e", "type": "Scope"},
            ]},
        ]);
        let plan = FixPlan {
            object_id: "o".into(),
            app_id: "a".into(),
            principal: None,
            graph: ids(),
            required: required.clone(),
            repairs: vec![Repair::ReplaceWrongKind {
                wrong: permissions::WRONG_KIND[2],
                right: permissions::USER_READ,
            }],
        };
        let out = repaired_access(&plan);
        assert_eq!(out[0], required[0], "other APIs untouched");
        let graph: Vec<(String, String)> = out[1]["resourceAccess"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["id"].as_str().unwrap().into(),
                    a["type"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(
            graph,
            vec![
                (
                    permissions::MAIL_READWRITE.id.to_string(),
                    "Role".to_string()
                ),
                (permissions::MAIL_SEND.id.to_string(), "Role".to_string()),
                (
                    "37f7f235-527c-4136-accd-4a02d197296e".to_string(),
                    "Scope".to_string()
                ),
                (permissions::USER_READ.id.to_string(), "Scope".to_string()),
            ]
        );
    }
}
