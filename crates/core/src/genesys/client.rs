//! The Platform API client: the OAuth client-credentials login, reads and writes with the error
//! body turned into a [`GenesysFailure`], and paged listings fetched whole. Requests go through
//! the one [`HttpClient`] (timeouts, 429/503 retries within the budget).

use super::model::{ErrorBody, Listing, LoginErrorBody};
use super::region::GenesysEndpoints;
use crate::http::{HttpClient, HttpError, HttpResponse};
use crate::secret::ClientSecret;
use serde::de::DeserializeOwned;
use std::fmt;

/// Largest number of pages read of one listing (100 items each).
const MAX_PAGES: u32 = 50;

/// A Genesys Cloud OAuth client: where it lives and its credentials.
#[derive(Clone, Debug)]
pub struct GenesysConnection {
    /// Where requests go.
    pub endpoints: GenesysEndpoints,
    /// The OAuth client's Client ID.
    pub client_id: String,
    /// The OAuth client's secret.
    pub secret: ClientSecret,
}

/// A Genesys Cloud access token; its `Debug` is redacted and it lives only in memory.
#[derive(Clone)]
pub struct GenesysToken(secrecy::SecretString);

impl GenesysToken {
    fn bearer(&self) -> &str {
        secrecy::ExposeSecret::expose_secret(&self.0)
    }
}

impl fmt::Debug for GenesysToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("GenesysToken(<redacted>)")
    }
}

/// Why the login failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginFailure {
    /// The login answered with an OAuth error (`invalid_client`, …).
    Refused {
        /// HTTP status.
        status: u16,
        /// The OAuth error code.
        error: String,
        /// Its description, when sent.
        description: Option<String>,
    },
    /// No usable answer.
    Http(HttpError),
}

/// Why an API request failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GenesysFailure {
    /// 403 for a missing permission: the permissions to add to the OAuth client's role.
    MissingPermission {
        /// The permissions named (by the answer, else the ones the request is documented to need).
        permissions: Vec<String>,
        /// The id for Genesys Cloud support.
        context_id: Option<String>,
    },
    /// Any other error answer.
    Api {
        /// HTTP status.
        status: u16,
        /// The error code.
        code: Option<String>,
        /// The message.
        message: Option<String>,
        /// The id for Genesys Cloud support.
        context_id: Option<String>,
    },
    /// No usable answer.
    Http(HttpError),
}

impl GenesysFailure {
    /// One line for people, in English (for logs; [`GenesysFailure::msg`] for the faces).
    pub fn describe(&self) -> String {
        match self {
            GenesysFailure::Api {
                status,
                code,
                message,
                context_id,
            } => {
                let mut s = format!("HTTP {status}");
                if let Some(c) = code {
                    s.push_str(&format!(" {c}"));
                }
                if let Some(m) = message {
                    s.push_str(&format!(": {m}"));
                }
                if let Some(id) = context_id {
                    s.push_str(&format!(" (contextId {id})"));
                }
                s
            }
            GenesysFailure::MissingPermission { .. } => self.msg().text(crate::i18n::Lang::En),
            GenesysFailure::Http(e) => e.to_string(),
        }
    }

    /// The failure as a catalog message (an error answer in Genesys Cloud's own words).
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::{args, Msg};
        match self {
            GenesysFailure::MissingPermission { permissions, .. } => Msg::new(
                "azure-genesys-missing-permission",
                args([("permissions", permissions.clone())]),
            ),
            GenesysFailure::Api { .. } => {
                Msg::new("azure-detail", args([("detail", self.describe())]))
            }
            GenesysFailure::Http(e) => e.msg(),
        }
    }

    /// The error code, when one came back.
    pub fn code(&self) -> Option<String> {
        match self {
            GenesysFailure::MissingPermission { .. } => Some("missing.permissions".to_string()),
            GenesysFailure::Api { code, .. } => code.clone(),
            GenesysFailure::Http(_) => None,
        }
    }
}

impl From<HttpError> for GenesysFailure {
    fn from(e: HttpError) -> Self {
        GenesysFailure::Http(e)
    }
}

/// Permission names (`domain:entity:action`) in a message.
fn permissions_in(message: &str) -> Vec<String> {
    message
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '_'))
        .filter(|w| w.split(':').count() == 3 && w.split(':').all(|p| !p.is_empty()))
        .map(str::to_string)
        .collect()
}

fn failure_of(resp: &HttpResponse, needs: &[&str]) -> GenesysFailure {
    if let Some(e) = resp.throttled() {
        return GenesysFailure::Http(e);
    }
    if let Some(e) = resp.html_page() {
        return GenesysFailure::Http(e);
    }
    let body: ErrorBody = serde_json::from_str(&resp.body).unwrap_or_default();
    let code = body.code.clone().unwrap_or_default();
    if resp.status == 403
        && (code == "missing.permissions"
            || code == "missing.any.permissions"
            || body
                .message
                .as_deref()
                .is_some_and(|m| m.to_ascii_lowercase().contains("permission")))
    {
        let mut permissions = body
            .message
            .as_deref()
            .map(permissions_in)
            .unwrap_or_default();
        if permissions.is_empty() {
            permissions = needs.iter().map(|s| s.to_string()).collect();
        }
        return GenesysFailure::MissingPermission {
            permissions,
            context_id: body.context_id,
        };
    }
    GenesysFailure::Api {
        status: resp.status,
        code: body.code,
        message: body.message,
        context_id: body.context_id,
    }
}

/// A Platform API session: one token, one HTTP client.
pub struct GenesysApi<'a> {
    http: &'a HttpClient,
    endpoints: &'a GenesysEndpoints,
    token: GenesysToken,
}

/// `POST {login}/oauth/token` (Basic auth, `grant_type=client_credentials`).
pub async fn login(
    http: &HttpClient,
    conn: &GenesysConnection,
) -> Result<GenesysToken, LoginFailure> {
    let url = conn.endpoints.token_url();
    let secret = conn.secret.expose();
    let resp = http
        .send(&url, |c| {
            c.post(&url)
                .basic_auth(&conn.client_id, Some(secret))
                .form(&[("grant_type", "client_credentials")])
        })
        .await
        .map_err(|e| LoginFailure::Http(e.redact(secret)))?;
    if let Some(e) = resp.throttled() {
        return Err(LoginFailure::Http(e));
    }
    if resp.is_success() {
        #[derive(serde::Deserialize)]
        struct Answer {
            access_token: Option<String>,
        }
        let a: Answer = resp
            .json()
            .map_err(|e| LoginFailure::Http(e.redact(secret)))?;
        return match a.access_token {
            Some(t) if !t.is_empty() => Ok(GenesysToken(t.into())),
            _ => Err(LoginFailure::Http(HttpError::BadBody {
                detail: format!(
                    "the login at {} answered without an access token",
                    resp.host
                ),
            })),
        };
    }
    if let Some(e) = resp.html_page() {
        return Err(LoginFailure::Http(e));
    }
    let body: LoginErrorBody = serde_json::from_str(&resp.body).unwrap_or_default();
    let redact = |s: String| crate::http::redact_text(s, secret);
    Err(LoginFailure::Refused {
        status: resp.status,
        error: body
            .error
            .map(redact)
            .unwrap_or_else(|| format!("HTTP {}", resp.status)),
        description: body.error_description.or(body.description).map(redact),
    })
}

impl<'a> GenesysApi<'a> {
    /// A session with a token from [`login`].
    pub fn new(http: &'a HttpClient, endpoints: &'a GenesysEndpoints, token: GenesysToken) -> Self {
        GenesysApi {
            http,
            endpoints,
            token,
        }
    }

    /// Sends `method` to `path` (starting `/api/v2/`) with an optional JSON body and reads the
    /// answer as `T`; `needs` are the permissions the request is documented to need (named when
    /// a 403 does not name them).
    async fn call<T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&serde_json::Value>,
        needs: &[&str],
    ) -> Result<T, GenesysFailure> {
        let url = self.endpoints.api_url(path);
        let bearer = self.token.bearer();
        let resp = self
            .http
            .send(&url, |c| {
                let req = c.request(method.clone(), &url).bearer_auth(bearer);
                match body {
                    Some(b) => req.json(b),
                    None => req,
                }
            })
            .await?;
        if !resp.is_success() {
            return Err(failure_of(&resp, needs));
        }
        Ok(resp.json()?)
    }

    /// GET `path` as `T`.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        needs: &[&str],
    ) -> Result<T, GenesysFailure> {
        self.call(reqwest::Method::GET, path, None, needs).await
    }

    /// POST `path` with a JSON body; the answer is read as `T`.
    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
        needs: &[&str],
    ) -> Result<T, GenesysFailure> {
        self.call(reqwest::Method::POST, path, Some(body), needs)
            .await
    }

    /// PUT `path` with a JSON body; the answer is read as `T`.
    pub async fn put<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
        needs: &[&str],
    ) -> Result<T, GenesysFailure> {
        self.call(reqwest::Method::PUT, path, Some(body), needs)
            .await
    }

    /// PATCH `path` with a JSON body; the answer is read as `T`.
    pub async fn patch<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
        needs: &[&str],
    ) -> Result<T, GenesysFailure> {
        self.call(reqwest::Method::PATCH, path, Some(body), needs)
            .await
    }

    /// Every item of a paged listing: page 1, then the remaining pages at once when the listing
    /// tells how many there are, else one after another along `nextUri`.
    pub async fn get_all<T: DeserializeOwned>(
        &self,
        path: &str,
        needs: &[&str],
    ) -> Result<Vec<T>, GenesysFailure> {
        let sep = if path.contains('?') { '&' } else { '?' };
        let page = |n: u32| format!("{path}{sep}pageSize=100&pageNumber={n}");
        let first: Listing<T> = self.get(&page(1), needs).await?;
        let mut items = first.entities;
        match first.page_count {
            Some(count) if count > 1 => {
                let rest = futures::future::join_all((2..=count.min(MAX_PAGES)).map(|n| {
                    let p = page(n);
                    async move { self.get::<Listing<T>>(&p, needs).await }
                }))
                .await;
                for r in rest {
                    items.extend(r?.entities);
                }
            }
            Some(_) => {}
            None => {
                let mut next = first.next_uri;
                let mut n = 1;
                while let Some(uri) = next.filter(|u| !u.is_empty()) {
                    n += 1;
                    if n > MAX_PAGES {
                        break;
                    }
                    // nextUri is relative to the API host; refuse anything that would leave it.
                    let Some(rel) = uri
                        .strip_prefix(self.endpoints.api_base())
                        .or(Some(uri.as_str()))
                        .filter(|u| u.starts_with("/api/v2/"))
                    else {
                        break;
                    };
                    let l: Listing<T> = self.get(rel, needs).await?;
                    items.extend(l.entities);
                    next = l.next_uri;
                }
            }
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissions_are_read_from_the_message() {
        assert_eq!(
            permissions_in("Unable to perform the requested action. You are missing the following permission(s): routing:email:manage"),
            vec!["routing:email:manage"]
        );
        assert_eq!(
            permissions_in("at least one of the following permissions assigned: routing:queue:view, routing:queueMember:manage"),
            vec!["routing:queue:view", "routing:queueMember:manage"]
        );
        assert!(permissions_in("Access denied: not.authorized").is_empty());
    }

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            body: body.to_string(),
            content_type: Some("application/json".into()),
            retry_after: None,
            attempts: 1,
            host: "api.example".into(),
            waited: std::time::Duration::ZERO,
            retry_budget: std::time::Duration::from_secs(1),
        }
    }

    #[test]
    fn a_403_names_the_permission_from_the_answer_or_the_request() {
        let named = failure_of(
            &resp(
                403,
                r#"{"message":"You are missing the following permission(s): routing:email:manage","code":"missing.permissions","status":403,"contextId":"c-1"}"#,
            ),
            &["x:y:z"],
        );
        assert_eq!(
            named,
            GenesysFailure::MissingPermission {
                permissions: vec!["routing:email:manage".into()],
                context_id: Some("c-1".into())
            }
        );
        let unnamed = failure_of(
            &resp(
                403,
                r#"{"message":"Missing permissions","code":"missing.any.permissions"}"#,
            ),
            &["routing:queue:view"],
        );
        assert!(
            matches!(unnamed, GenesysFailure::MissingPermission { permissions, .. } if permissions == vec!["routing:queue:view".to_string()])
        );
        let other = failure_of(
            &resp(
                404,
                r#"{"message":"Not found","code":"not.found","contextId":"c-2"}"#,
            ),
            &[],
        );
        assert_eq!(
            other.describe(),
            "HTTP 404 not.found: Not found (contextId c-2)"
        );
        let not_json = failure_of(&resp(500, "oops"), &[]);
        assert_eq!(not_json.describe(), "HTTP 500");
    }
}
