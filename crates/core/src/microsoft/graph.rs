//! Microsoft Graph reads made with the integration's own token: its application object, its
//! service principal and its delegated admin-consent grants. The GET and the service-principal
//! lookup are shared with the administrator's reads (`admin::findings`).

use crate::http::{HttpClient, HttpError, HttpResponse};
use crate::i18n::{args, Msg};
use crate::microsoft::aad::{parse_graph_error, GraphError};
use crate::microsoft::cloud::{path_segment, Endpoints};
use crate::microsoft::login::AccessToken;
use crate::microsoft::permissions::{Kind, MICROSOFT_GRAPH_APP_ID};
use serde::Deserialize;

/// Why a Graph read failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GraphFailure {
    /// No usable HTTP answer.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// Graph answered with an error status.
    #[error("{}", status_msg(*status, error.as_ref()))]
    Status {
        /// HTTP status.
        status: u16,
        /// The parsed error body, when it was one.
        error: Option<GraphError>,
    },
}

/// The catalog message of an error answer (Graph's code and message are its own words).
fn status_msg(status: u16, error: Option<&GraphError>) -> Msg {
    match error {
        Some(e) => Msg::new(
            "azure-graph-error",
            args([
                ("status", serde_json::Value::from(status)),
                ("code", e.code.clone().into()),
                ("message", e.message.clone().into()),
            ]),
        ),
        None => Msg::new("azure-graph-status", args([("status", status)])),
    }
}

/// An [`HttpError`] as a catalog message: the network layer's own message where the catalog has
/// one (connection, proxy, TLS), else its text as it is.
pub fn http_msg(h: &HttpError) -> Msg {
    h.msg()
}

/// The advice that goes with an [`HttpError`], as a catalog message (see [`http_msg`]).
pub fn http_fix_msg(h: &HttpError) -> Msg {
    h.fix_msg()
}

impl GraphFailure {
    /// The failure as a catalog message, for faces that word it in their language (`Display` is
    /// its English text).
    pub fn msg(&self) -> Msg {
        match self {
            GraphFailure::Http(h) => http_msg(h),
            GraphFailure::Status { status, error } => status_msg(*status, error.as_ref()),
        }
    }

    /// The Graph error code, when one came back.
    pub fn code(&self) -> Option<&str> {
        match self {
            GraphFailure::Status { error: Some(e), .. } => Some(&e.code),
            _ => None,
        }
    }

    /// HTTP status, when one came back.
    pub fn status(&self) -> Option<u16> {
        match self {
            GraphFailure::Status { status, .. } => Some(*status),
            GraphFailure::Http(_) => None,
        }
    }
}

/// The response when it is a success, else the Graph error it carries. An error answer that is
/// no Graph error at all (an HTML page from a proxy, a body that is not JSON) becomes the
/// [`HttpError`] that says so; 404, 429 and 503 keep their status, which callers act on.
pub(crate) fn check(resp: HttpResponse) -> Result<HttpResponse, GraphFailure> {
    if resp.is_success() {
        return Ok(resp);
    }
    let error = parse_graph_error(&resp.body);
    if error.is_none() && !matches!(resp.status, 404 | 429 | 503) {
        if let Some(h) = resp.unreadable_error() {
            return Err(GraphFailure::Http(h));
        }
    }
    Err(GraphFailure::Status {
        status: resp.status,
        error,
    })
}

/// Like [`check`], for a request that may also have failed in transport.
pub(crate) fn check_result(
    resp: Result<HttpResponse, HttpError>,
) -> Result<HttpResponse, GraphFailure> {
    check(resp?)
}

/// A secret of the application, as Graph lists it (never with its value).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCredential {
    /// The Secret ID.
    pub key_id: Option<String>,
    /// Description entered in the portal.
    pub display_name: Option<String>,
    /// First three characters of the value.
    pub hint: Option<String>,
    /// Start of validity.
    pub start_date_time: Option<String>,
    /// Expiry.
    pub end_date_time: Option<String>,
}

/// What the app registration requests from Microsoft Graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// The app's display name.
    pub display_name: Option<String>,
    /// Requested Microsoft Graph permissions: (id, kind).
    pub requested: Vec<(String, Kind)>,
    /// The app's client secrets.
    pub password_credentials: Vec<PasswordCredential>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawApplication {
    display_name: Option<String>,
    #[serde(default)]
    required_resource_access: Vec<RawResourceAccess>,
    #[serde(default)]
    password_credentials: Vec<PasswordCredential>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawResourceAccess {
    resource_app_id: Option<String>,
    #[serde(default)]
    resource_access: Vec<RawAccess>,
}

#[derive(Deserialize)]
struct RawAccess {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

/// `GET /applications(appId='{clientId}')`: allowed with the app's own token.
pub async fn fetch_registration(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AccessToken,
    client_id: &str,
) -> Result<Registration, GraphFailure> {
    let url = endpoints.graph_url(&format!(
        "applications(appId='{}')?$select=id,displayName,requiredResourceAccess,passwordCredentials",
        path_segment(client_id)
    ));
    let resp = get(http, token.bearer(), &url).await?;
    let raw: RawApplication = resp.json()?;
    let requested = raw
        .required_resource_access
        .iter()
        .filter(|r| {
            r.resource_app_id
                .as_deref()
                .is_some_and(|id| id.eq_ignore_ascii_case(MICROSOFT_GRAPH_APP_ID))
        })
        .flat_map(|r| r.resource_access.iter())
        .filter_map(|a| {
            let kind = match a.kind.as_deref() {
                Some("Role") => Kind::Application,
                Some("Scope") => Kind::Delegated,
                _ => return None,
            };
            Some((a.id.clone()?.to_ascii_lowercase(), kind))
        })
        .collect();
    Ok(Registration {
        display_name: raw.display_name,
        requested,
        password_credentials: raw.password_credentials,
    })
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

/// GET with a bearer token (the integration's or an administrator's): the response when it is a
/// success, else the Graph failure it carries (see [`check`]).
pub(crate) async fn get(
    http: &HttpClient,
    bearer: &str,
    url: &str,
) -> Result<HttpResponse, GraphFailure> {
    check(http.get(url, bearer).await?)
}

/// `GET /servicePrincipals(appId='{appId}')?$select=id`: the `id` the answer carries (`None` when
/// it has none). A tenant without the service principal answers 404, kept as the failure.
pub(crate) async fn service_principal_of(
    http: &HttpClient,
    endpoints: &Endpoints,
    bearer: &str,
    app_id: &str,
) -> Result<Option<String>, GraphFailure> {
    let url = endpoints.graph_url(&format!(
        "servicePrincipals(appId='{}')?$select=id",
        path_segment(app_id)
    ));
    Ok(get(http, bearer, &url).await?.json::<IdOnly>()?.id)
}

/// `GET /servicePrincipals(appId='{clientId}')`: the service principal's object id.
pub async fn fetch_service_principal_id(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AccessToken,
    client_id: &str,
) -> Result<String, GraphFailure> {
    let id = service_principal_of(http, endpoints, token.bearer(), client_id).await?;
    id.ok_or_else(|| {
        GraphFailure::Http(HttpError::BadBody {
            detail: "Microsoft Graph returned a service principal without an id".into(),
        })
    })
}

/// A delegated permission grant.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
    /// `AllPrincipals` for admin consent.
    pub consent_type: Option<String>,
    /// Space-separated scopes.
    pub scope: Option<String>,
    /// Object id of the resource's service principal.
    pub resource_id: Option<String>,
}

impl Grant {
    /// True when the grant is tenant-wide admin consent that includes `scope`.
    pub fn is_admin_consent_for(&self, scope: &str) -> bool {
        self.consent_type.as_deref() == Some("AllPrincipals")
            && self
                .scope
                .as_deref()
                .unwrap_or_default()
                .split_whitespace()
                .any(|s| s.eq_ignore_ascii_case(scope))
    }
}

#[derive(Deserialize)]
struct GrantList {
    #[serde(default)]
    value: Vec<Grant>,
}

/// `GET /oauth2PermissionGrants?$filter=clientId eq '{spId}' and consentType eq 'AllPrincipals'`.
pub async fn fetch_admin_grants(
    http: &HttpClient,
    endpoints: &Endpoints,
    token: &AccessToken,
    sp_id: &str,
) -> Result<Vec<Grant>, GraphFailure> {
    let filter = format!("clientId eq '{sp_id}' and consentType eq 'AllPrincipals'");
    let url = endpoints.graph_url(&format!(
        "oauth2PermissionGrants?$filter={}",
        path_segment(&filter)
    ));
    let resp = get(http, token.bearer(), &url).await?;
    let list: GrantList = resp.json()?;
    Ok(list.value)
}
