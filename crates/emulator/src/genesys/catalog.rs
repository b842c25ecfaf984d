//! The organization's static catalog: the integration types (the Microsoft Graph email type among
//! look-alike decoys and filler), their configuration schemas, and the credential types.

use serde_json::{json, Value};

/// The id of the Microsoft Graph email integration type (deliberately not an obvious one).
pub(crate) const GRAPH_TYPE_ID: &str = "msgraph-mail-ingestion";
/// The display name of the Microsoft Graph email integration type.
pub(crate) const GRAPH_TYPE_NAME: &str = "Microsoft Graph Email";
/// The id of the Microsoft Teams integration type (a decoy).
pub(crate) const TEAMS_TYPE_ID: &str = "microsoft-teams";
/// The display name of the Microsoft Teams integration type.
pub(crate) const TEAMS_TYPE_NAME: &str = "Microsoft Teams";
/// The credential type the Graph email integration uses.
pub(crate) const GRAPH_CREDENTIAL_TYPE: &str = "microsoftGraphClientCredentials";

/// Filler types: (id, name, category, description).
const FILLER: &[(&str, &str, &str, &str)] = &[
    (
        "amazon-lex",
        "Amazon Lex",
        "Bots",
        "Use Amazon Lex bots in Architect flows",
    ),
    (
        "amazon-lex-v2",
        "Amazon Lex V2",
        "Bots",
        "Use Amazon Lex V2 bots in Architect flows",
    ),
    (
        "zendesk",
        "Zendesk",
        "CRM",
        "Show Zendesk tickets beside interactions",
    ),
    (
        "salesforce",
        "Salesforce",
        "CRM",
        "Screen pops and call logging in Salesforce",
    ),
    (
        "servicenow",
        "ServiceNow",
        "CRM",
        "Route ServiceNow work items",
    ),
    (
        "google-dialogflow-cx",
        "Google Dialogflow CX",
        "Bots",
        "Use Dialogflow CX agents in Architect flows",
    ),
    (
        "google-cloud-speech",
        "Google Cloud Speech",
        "Speech",
        "Speech-to-text with Google Cloud",
    ),
    (
        "purecloud-data-actions",
        "Genesys Cloud Data Actions",
        "Data Actions",
        "Call the Genesys Cloud Platform API from Architect flows",
    ),
    (
        "custom-rest-actions",
        "Web Services Data Actions",
        "Data Actions",
        "Call any REST service from Architect flows",
    ),
    (
        "microsoft-dynamics-365",
        "Microsoft Dynamics 365",
        "CRM",
        "Interactions in Dynamics 365 Customer Service",
    ),
    (
        "microsoft-bot-framework",
        "Microsoft Bot Framework",
        "Bots",
        "Use Azure bots in Architect flows",
    ),
    (
        "aws-eventbridge",
        "Amazon EventBridge Source",
        "Events",
        "Send Genesys Cloud events to Amazon EventBridge",
    ),
    (
        "slack",
        "Slack",
        "Collaboration",
        "Notify Slack channels from workflows",
    ),
    (
        "zoom",
        "Zoom",
        "Collaboration",
        "Start Zoom meetings from interactions",
    ),
    (
        "webex-calling",
        "Webex Calling",
        "Telephony",
        "Use Webex Calling as a phone system",
    ),
    (
        "twilio-sms",
        "Twilio SMS",
        "Messaging",
        "Send and receive SMS through Twilio",
    ),
    (
        "facebook-messenger",
        "Facebook Messenger",
        "Messaging",
        "Route Facebook Messenger conversations",
    ),
    (
        "whatsapp",
        "WhatsApp",
        "Messaging",
        "Route WhatsApp conversations",
    ),
    (
        "instagram",
        "Instagram Direct Messages",
        "Messaging",
        "Route Instagram direct messages",
    ),
    (
        "verint-wfm",
        "Verint Workforce Management",
        "Workforce",
        "Export schedules and adherence to Verint",
    ),
    (
        "nice-wfm",
        "NICE Workforce Management",
        "Workforce",
        "Export schedules and adherence to NICE",
    ),
    (
        "okta-scim",
        "Okta SCIM",
        "Identity",
        "Provision users from Okta",
    ),
    (
        "entra-scim",
        "Microsoft Entra ID SCIM",
        "Identity",
        "Provision users from Microsoft Entra ID",
    ),
    (
        "google-workspace-calendar",
        "Google Workspace Calendar",
        "Calendar",
        "Sync Google calendars to schedules",
    ),
    (
        "jira",
        "Jira Service Management",
        "CRM",
        "Create Jira issues from interactions",
    ),
    (
        "hubspot",
        "HubSpot",
        "CRM",
        "Screen pops and logging in HubSpot",
    ),
    (
        "freshdesk",
        "Freshdesk",
        "CRM",
        "Show Freshdesk tickets beside interactions",
    ),
];

/// One integration type entity.
fn type_entity(id: &str, name: &str, category: &str, description: &str) -> Value {
    json!({
        "id": id,
        "name": name,
        "description": description,
        "provider": "genesys",
        "category": category,
        "images": [],
        "configPropertiesSchemaUri": format!("/api/v2/integrations/types/{id}/configschemas/properties"),
        "configAdvancedSchemaUri": format!("/api/v2/integrations/types/{id}/configschemas/advanced"),
        "helpUri": format!("https://help.mypurecloud.com/integrations/{id}"),
        "termsOfServiceUri": null,
        "vendorName": "Genesys",
        "credentials": {},
        "nonInstallable": false,
        "maxInstances": 10,
        "userPermissions": [],
        "vendorOAuthClientIds": [],
        "selfUri": format!("/api/v2/integrations/types/{id}"),
    })
}

/// Every integration type, in the order the API lists them. The Graph email type comes late
/// (on the second page of 25), after both decoys.
pub(crate) fn integration_types() -> Vec<Value> {
    let mut out: Vec<Value> = FILLER
        .iter()
        .take(12)
        .map(|(id, name, cat, desc)| type_entity(id, name, cat, desc))
        .collect();
    out.push(type_entity(
        TEAMS_TYPE_ID,
        TEAMS_TYPE_NAME,
        "Collaboration",
        "Presence sync and click-to-call with Microsoft Teams",
    ));
    out.extend(
        FILLER
            .iter()
            .skip(12)
            .map(|(id, name, cat, desc)| type_entity(id, name, cat, desc)),
    );
    out.push(type_entity(
        "ms-graph-data-actions",
        "Microsoft Graph Data Actions",
        "Data Actions",
        "Call Microsoft Graph APIs from Architect flows",
    ));
    let mut graph = type_entity(
        GRAPH_TYPE_ID,
        GRAPH_TYPE_NAME,
        "Email",
        "Routes email from Microsoft 365 mailboxes into Genesys Cloud through Microsoft Graph",
    );
    graph["credentials"] = json!({
        "msGraphCredentials": {
            "required": true,
            "title": "Microsoft Graph credentials",
            "credentialTypes": [GRAPH_CREDENTIAL_TYPE],
        }
    });
    graph["maxInstances"] = json!(1);
    out.push(graph);
    out.push(type_entity(
        "genesys-cloud-embeddable-framework",
        "Genesys Cloud Embeddable Framework",
        "Client Apps",
        "Embed the Genesys Cloud client in a web application",
    ));
    out
}

/// The integration type with `id`, if there is one.
pub(crate) fn integration_type(id: &str) -> Option<Value> {
    integration_types()
        .into_iter()
        .find(|t| t["id"].as_str() == Some(id))
}

/// The properties (`advanced == false`) or advanced configuration schema of type `id`.
pub(crate) fn config_schema(id: &str, advanced: bool) -> Option<Value> {
    integration_type(id)?;
    if advanced {
        return Some(json!({"type": "object", "properties": {}}));
    }
    if id == GRAPH_TYPE_ID {
        return Some(json!({
            "$schema": "http://json-schema.org/draft-04/schema#",
            "type": "object",
            "title": "Properties",
            "properties": {
                "azureTenantId": {
                    "type": "string",
                    "title": "Directory (tenant) ID",
                    "description": "The Azure Active Directory tenant of the app registration",
                },
                "mailboxFolder": {"type": "string", "title": "Integration folder"},
            },
            "required": ["azureTenantId"],
        }));
    }
    Some(json!({
        "$schema": "http://json-schema.org/draft-04/schema#",
        "type": "object",
        "title": "Properties",
        "properties": {},
        "required": [],
    }))
}

/// Every credential type.
pub(crate) fn credential_types() -> Vec<Value> {
    vec![
        json!({
            "id": "basicAuth",
            "name": "basicAuth",
            "properties": {
                "userName": {"type": "string", "title": "User name"},
                "password": {"type": "string", "title": "Password", "x-secret": true},
            },
            "displayOrder": ["userName", "password"],
            "required": ["userName", "password"],
        }),
        json!({
            "id": GRAPH_CREDENTIAL_TYPE,
            "name": GRAPH_CREDENTIAL_TYPE,
            "properties": {
                "clientId": {"type": "string", "title": "Application (client) ID"},
                "clientSecret": {"type": "string", "title": "Client secret", "x-secret": true},
            },
            "displayOrder": ["clientId", "clientSecret"],
            "required": ["clientId", "clientSecret"],
        }),
        json!({
            "id": "userDefinedOAuth",
            "name": "userDefinedOAuth",
            "properties": {
                "clientId": {"type": "string", "title": "Client ID"},
                "clientSecret": {"type": "string", "title": "Client secret", "x-secret": true},
                "loginUrl": {"type": "string", "title": "Token URL"},
            },
            "displayOrder": ["clientId", "clientSecret", "loginUrl"],
            "required": ["clientId", "clientSecret"],
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_type_is_past_the_first_page() {
        let types = integration_types();
        assert!(types.len() > 30);
        let pos = |id: &str| types.iter().position(|t| t["id"] == id).unwrap();
        assert!(pos(GRAPH_TYPE_ID) >= 25);
        assert!(pos(TEAMS_TYPE_ID) < 25);
        let mut ids: Vec<&str> = types.iter().filter_map(|t| t["id"].as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), types.len(), "type ids are unique");
    }

    #[test]
    fn schemas() {
        let s = config_schema(GRAPH_TYPE_ID, false).unwrap();
        assert_eq!(s["required"][0], "azureTenantId");
        assert!(config_schema("zendesk", true).is_some());
        assert!(config_schema("nope", false).is_none());
    }
}
