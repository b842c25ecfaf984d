//! The Azure side of a rotation, with the administrator's delegated token: the app's secrets,
//! `addPassword` and `removePassword` (Application.ReadWrite.All; the signed-in user must own the
//! app or be an Application Administrator / Cloud Application Administrator). The app's own
//! credentials never get write rights to itself.

use crate::http::HttpClient;
use crate::microsoft::admin::AdminToken;
use crate::microsoft::cloud::Endpoints;
use crate::microsoft::graph::{self, GraphFailure, PasswordCredential};
use crate::secret::ClientSecret;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// The delegated permission the administrator's sign-in asks for.
pub const MANAGE_SCOPE: &str = "Application.ReadWrite.All";

fn app_url(e: &Endpoints, client_id: &str, tail: &str) -> String {
    e.graph_url(&format!(
        "applications(appId='{}'){tail}",
        crate::microsoft::cloud::path_segment(client_id)
    ))
}

/// `applications/{id}/{action}`: Graph's definition (its OpenAPI description and SDKs) has the
/// password actions on the application's object id only, not under the `appId` alternate key.
fn action_url(e: &Endpoints, object_id: &str, action: &str) -> String {
    e.graph_url(&format!(
        "applications/{}/{action}",
        crate::microsoft::cloud::path_segment(object_id)
    ))
}

/// The application's object id (`id`), looked up by its Application (client) ID.
async fn object_id(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    client_id: &str,
) -> Result<String, GraphFailure> {
    #[derive(Deserialize)]
    struct App {
        id: Option<String>,
    }
    let url = app_url(e, client_id, "?$select=id");
    let app: App = graph::check_result(http.get(&url, admin.bearer()).await)?.json()?;
    app.id
        .filter(|id| crate::validate::is_guid(id))
        .ok_or_else(|| {
            GraphFailure::Http(crate::http::HttpError::BadBody {
                detail: "Microsoft Graph's answer names no object id for the application".into(),
            })
        })
}

/// The app's secrets (without values).
pub async fn secrets(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    client_id: &str,
) -> Result<Vec<PasswordCredential>, GraphFailure> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct App {
        #[serde(default)]
        password_credentials: Vec<PasswordCredential>,
    }
    let url = app_url(e, client_id, "?$select=id,passwordCredentials");
    let app: App = graph::check_result(http.get(&url, admin.bearer()).await)?.json()?;
    Ok(app.password_credentials)
}

/// A secret just made.
pub struct NewSecret {
    /// Its key id.
    pub key_id: String,
    /// Its value (shown once by Azure; goes straight to the keychain).
    pub value: ClientSecret,
    /// Its first three characters.
    pub hint: String,
    /// Its end.
    pub end: DateTime<Utc>,
}

/// `addPassword` with a display name and end date.
pub async fn add(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    client_id: &str,
    display_name: &str,
    end: DateTime<Utc>,
) -> Result<NewSecret, GraphFailure> {
    let id = object_id(http, e, admin, client_id).await?;
    add_to(http, e, admin, &id, display_name, end).await
}

/// `addPassword` on the application with object id `object_id` (known to the caller, as right
/// after its creation, when the `appId` lookup may not see it yet).
pub async fn add_to(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    object_id: &str,
    display_name: &str,
    end: DateTime<Utc>,
) -> Result<NewSecret, GraphFailure> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Added {
        key_id: Option<String>,
        secret_text: Option<String>,
        end_date_time: Option<String>,
    }
    let body = serde_json::json!({"passwordCredential": {
        "displayName": display_name,
        "endDateTime": end.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    }});
    let resp = graph::check_result(
        http.post_json(
            &action_url(e, object_id, "addPassword"),
            admin.bearer(),
            &body,
        )
        .await,
    )?;
    let a: Added = resp.json()?;
    let bad = |what: &str| {
        GraphFailure::Http(crate::http::HttpError::BadBody {
            detail: format!("Microsoft Graph's answer to addPassword has no {what}"),
        })
    };
    let value = a
        .secret_text
        .filter(|s| !s.is_empty())
        .ok_or_else(|| bad("secretText"))?;
    let secret = ClientSecret::new(value);
    let end = a
        .end_date_time
        .as_deref()
        .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or(end);
    Ok(NewSecret {
        key_id: a.key_id.ok_or_else(|| bad("keyId"))?,
        hint: secret.hint(),
        value: secret,
        end,
    })
}

/// `removePassword`; a key that is already gone counts as removed.
///
/// Microsoft does not document what `removePassword` answers for a keyId the app no longer has
/// (404 or 400 are both seen). So on any 400 or 404 graphwiz reads the app's secrets again and
/// decides by what it finds: the key gone means removed, the key still there means the refusal
/// stands.
pub async fn remove(
    http: &HttpClient,
    e: &Endpoints,
    admin: &AdminToken,
    client_id: &str,
    key_id: &str,
) -> Result<(), GraphFailure> {
    let body = serde_json::json!({"keyId": key_id});
    let id = object_id(http, e, admin, client_id).await?;
    match graph::check_result(
        http.post_json(&action_url(e, &id, "removePassword"), admin.bearer(), &body)
            .await,
    ) {
        Ok(_) => Ok(()),
        Err(
            f @ GraphFailure::Status {
                status: 400 | 404, ..
            },
        ) => match secrets(http, e, admin, client_id).await {
            Ok(left)
                if !left.iter().any(|c| {
                    c.key_id
                        .as_deref()
                        .is_some_and(|k| k.eq_ignore_ascii_case(key_id))
                }) =>
            {
                Ok(())
            }
            _ => Err(f),
        },
        Err(f) => Err(f),
    }
}
