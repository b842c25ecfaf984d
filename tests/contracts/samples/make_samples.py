"""Writes the sample exchange log in basic/ (hand-made, shaped like the emulator's log).

Regenerate with: python3 tests/contracts/samples/make_samples.py
"""
import json
from pathlib import Path

TID = "9d2f6c1e-3b7a-4f0e-a1c2-5e8b7d6f4a31"
APP = "4a1b2c3d-5e6f-4711-8899-aabbccddeeff"
SP = "7c6b5a49-3827-4615-9e0f-1a2b3c4d5e6f"
GRAPH_SP = "0b7e1c2d-3f4a-4b5c-8d9e-0f1a2b3c4d5e"
LOGIN = "https://login.microsoftonline.com"
G = "https://graph.microsoft.com/v1.0"
MAILBOX = "support@contoso.com"
MSG1 = "AAMkAGI2TG93AAA="
MSG2 = "AAMkAGI2TG94AAA="
INTEG = "2f4d1b8e-6c3a-4e5f-9a7b-1c2d3e4f5a6b"
CRED = "8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6"
API = "https://api.mypurecloud.com"


def x(service, method, path, status, resp=None, query=None, client="graphwiz", req=None,
      req_ct=None, resp_ct="application/json; charset=utf-8"):
    return {"service": service, "method": method, "path": path, "query": query, "client": client,
            "request_content_type": req_ct if req is not None else None, "request_body": req,
            "status": status, "response_content_type": resp_ct if resp is not None else None,
            "response_body": resp}


FORM = "application/x-www-form-urlencoded"
message = lambda mid, read: {"id": mid, "subject": "Order 4711", "isRead": read,  # noqa: E731
                             "receivedDateTime": "2026-05-04T09:12:44Z",
                             "internetMessageId": f"<{mid[:8]}@contoso.com>"}

exchanges = [
    x("entra", "GET", "/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration", 200, {
        "token_endpoint": f"{LOGIN}/{TID}/oauth2/v2.0/token",
        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        "jwks_uri": f"{LOGIN}/{TID}/discovery/v2.0/keys",
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["pairwise"], "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "issuer": f"{LOGIN}/{TID}/v2.0", "request_uri_parameter_supported": False,
        "userinfo_endpoint": "https://graph.microsoft.com/oidc/userinfo",
        "authorization_endpoint": f"{LOGIN}/{TID}/oauth2/v2.0/authorize",
        "device_authorization_endpoint": f"{LOGIN}/{TID}/oauth2/v2.0/devicecode",
        "http_logout_supported": True, "frontchannel_logout_supported": True,
        "end_session_endpoint": f"{LOGIN}/{TID}/oauth2/v2.0/logout",
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "tid", "ver"],
        "kerberos_endpoint": f"{LOGIN}/{TID}/kerberos", "tenant_region_scope": "WW",
        "cloud_instance_name": "microsoftonline.com", "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": "graph.microsoft.com", "rbac_url": "https://pas.windows.net"}),
    x("entra", "POST", f"/{TID}/oauth2/v2.0/token", 200,
      {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30."},
      req={"client_id": APP, "client_secret": "<redacted>", "grant_type": "client_credentials",
           "scope": "https://graph.microsoft.com/.default"}, req_ct=FORM),
    x("entra", "POST", f"/{TID}/oauth2/v2.0/token", 401, {
        "error": "invalid_client",
        "error_description": "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1f0e\r\nCorrelation ID: 2a1b\r\nTimestamp: 2026-05-04 09:12:44Z",
        "error_codes": [7000215], "timestamp": "2026-05-04 09:12:44Z",
        "trace_id": "1f0e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "correlation_id": "2a1b3c4d-5e6f-7081-92a3-b4c5d6e7f809",
        "error_uri": f"{LOGIN}/error?code=7000215"},
      req={"client_id": APP, "client_secret": "<redacted>", "grant_type": "client_credentials",
           "scope": "https://graph.microsoft.com/.default"}, req_ct=FORM),
    x("graph", "GET", f"/v1.0/applications(appId='{APP}')", 200, {
        "@odata.context": f"{G}/$metadata#applications(id,displayName,requiredResourceAccess,passwordCredentials)/$entity",
        "id": "5d4c3b2a-1908-4776-a5b4-c3d2e1f00f1e", "displayName": "Genesys Cloud email",
        "requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [
            {"id": "e1fe6dd8-ba31-4d61-89e7-88639da4683d", "type": "Scope"},
            {"id": "e2a3a72e-5f79-4c64-b1b1-878b674786c9", "type": "Role"}]}],
        "passwordCredentials": [{"customKeyIdentifier": None, "displayName": "genesys", "endDateTime": "2027-05-04T09:12:44Z",
                                 "hint": "abc", "keyId": "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0", "secretText": None,
                                 "startDateTime": "2026-05-04T09:12:44Z"}]},
      query="%24select=id,displayName,requiredResourceAccess,passwordCredentials"),
    x("graph", "GET", f"/v1.0/servicePrincipals(appId='{APP}')", 200, {
        "@odata.context": f"{G}/$metadata#servicePrincipals(id,appId)/$entity", "id": SP, "appId": APP},
      query="%24select=id,appId"),
    x("graph", "GET", "/v1.0/oauth2PermissionGrants", 200, {
        "@odata.context": f"{G}/$metadata#oauth2PermissionGrants",
        "value": [{"id": "grant1", "clientId": SP, "consentType": "AllPrincipals", "principalId": None,
                   "resourceId": GRAPH_SP, "scope": "User.Read"}]},
      query="%24filter=clientId%20eq%20%27" + SP + "%27%20and%20consentType%20eq%20%27AllPrincipals%27"),
    x("graph", "GET", f"/v1.0/servicePrincipals/{SP}/appRoleAssignments", 200, {
        "@odata.context": f"{G}/$metadata#servicePrincipals('{SP}')/appRoleAssignments",
        "value": [{"id": "assign1", "appRoleId": "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
                   "createdDateTime": "2026-05-04T09:12:44.1234567Z", "deletedDateTime": None,
                   "principalDisplayName": "Genesys Cloud email", "principalId": SP,
                   "principalType": "ServicePrincipal", "resourceDisplayName": "Microsoft Graph",
                   "resourceId": GRAPH_SP}]}),
    x("graph", "GET", f"/v1.0/users/{MAILBOX}/mailFolders/inbox/messages", 200, {
        "@odata.context": f"{G}/$metadata#users('{MAILBOX}')/mailFolders('inbox')/messages(id,isRead,subject,receivedDateTime,internetMessageId)",
        "value": [message(MSG1, False)],
        "@odata.nextLink": f"{G}/users/{MAILBOX}/mailFolders/inbox/messages?%24select=id&%24top=1&%24skiptoken=MSZZVlJ"},
      query="%24select=id,isRead,subject,receivedDateTime,internetMessageId&%24top=1&%24orderby=receivedDateTime%20desc"),
    x("graph", "GET", f"/v1.0/users/{MAILBOX}/mailFolders/inbox/messages", 200, {
        "@odata.context": f"{G}/$metadata#users('{MAILBOX}')/mailFolders('inbox')/messages(id)",
        "value": [{"@odata.etag": "W/\"CQAAABYAAAA\"", "id": MSG2}]},
      query="%24select=id&%24top=1&%24skiptoken=MSZZVlJ"),
    x("graph", "GET", f"/v1.0/users/{MAILBOX}/mailFolders/inbox/messages/delta", 200, {
        "@odata.context": f"{G}/$metadata#Collection(message)",
        "value": [message(MSG1, True), {"id": MSG2, "@removed": {"reason": "deleted"}}],
        "@odata.deltaLink": f"{G}/users/{MAILBOX}/mailFolders/inbox/messages/delta?%24deltatoken=Zm9v"},
      query="%24select=id,isRead"),
    x("graph", "POST", f"/v1.0/users/{MAILBOX}/sendMail", 202, None, req={
        "message": {"subject": "graphwiz test", "body": {"contentType": "text", "content": "hello"},
                    "toRecipients": [{"emailAddress": {"address": MAILBOX}}],
                    "internetMessageHeaders": [{"name": "X-Graphwiz-Test", "value": "1"}]},
        "saveToSentItems": False}, req_ct="application/json"),
    x("graph", "PATCH", f"/v1.0/users/{MAILBOX}/messages/{MSG1}", 200, {
        "@odata.context": f"{G}/$metadata#users('{MAILBOX}')/messages/$entity", **message(MSG1, True)},
      req={"isRead": True}, req_ct="application/json"),
    x("graph", "DELETE", f"/v1.0/users/{MAILBOX}/messages/{MSG2}", 204),
    x("graph", "GET", f"/v1.0/users/{MAILBOX}", 403, {"error": {
        "code": "Authorization_RequestDenied", "message": "Insufficient privileges to complete the operation.",
        "innerError": {"date": "2026-05-04T09:12:44", "request-id": "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8",
                       "client-request-id": "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8"}}}),
    x("graph", "GET", "/v1.0/users/nobody@contoso.com/mailFolders/inbox/messages", 404, {"error": {
        "code": "MailboxNotEnabledForRESTAPI", "message": "The mailbox is either inactive, soft-deleted, or is hosted on-premise."}},
      query="%24top=1"),
    x("graph", "GET", "/v1.0/no/such/thing", 404, {"error": {"code": "ResourceNotFound", "message": "Resource could not be discovered."}},
      client="other"),
    x("genesys", "POST", "/oauth/token", 200, {"access_token": "gc-token", "token_type": "bearer", "expires_in": 86399},
      req={"grant_type": "client_credentials"}, req_ct=FORM),
    x("genesys", "POST", "/oauth/token", 400, {"error": "invalid_client", "description": "authentication failed",
                                                "error_description": "authentication failed"},
      req={"grant_type": "client_credentials"}, req_ct=FORM),
    x("genesys", "GET", "/api/v2/integrations", 200, {
        "entities": [{"id": INTEG, "name": "Microsoft Graph email", "integrationType": {"id": "microsoft-graph-email", "name": "Microsoft Graph",
                      "selfUri": "/api/v2/integrations/types/microsoft-graph-email"},
                      "notes": "", "intendedState": "ENABLED",
                      "config": {"current": {"id": INTEG, "name": "Microsoft Graph email", "version": 3,
                                             "properties": {}, "advanced": {}, "notes": "",
                                             "credentials": {"graphCredentials": {"id": CRED, "name": "graph", "selfUri": f"/api/v2/integrations/credentials/{CRED}"}},
                                             "selfUri": f"/api/v2/integrations/{INTEG}/config/current"}},
                      "reportedState": {"code": "ACTIVE", "effective": "Active",
                                        "detail": {"localizableMessageCode": "integration.active", "message": "Active"},
                                        "lastUpdated": "2026-05-04T09:12:44.000Z"},
                      "attributes": {}, "selfUri": f"/api/v2/integrations/{INTEG}"}],
        "pageSize": 25, "pageNumber": 1, "total": 1, "firstUri": "/api/v2/integrations?pageSize=25&pageNumber=1",
        "selfUri": "/api/v2/integrations?pageSize=25&pageNumber=1", "lastUri": "/api/v2/integrations?pageSize=25&pageNumber=1",
        "pageCount": 1},
      query="pageSize=25&pageNumber=1"),
    x("genesys", "GET", "/api/v2/integrations/credentials/types", 200, [
        {"id": "microsoftGraph", "name": "microsoftGraph", "properties": {"clientId": {"type": "string"}},
         "displayOrder": ["tenantId", "clientId", "clientSecret"], "required": ["tenantId", "clientId", "clientSecret"]}]),
    x("genesys", "GET", "/api/v2/routing/email/domains", 200, {
        "entities": [{"id": "contoso.com", "name": "contoso.com", "mxRecordStatus": "VALID", "subDomain": False,
                      "graphApiSettings": {"integration": {"id": INTEG, "name": "Microsoft Graph email",
                                                           "selfUri": f"/api/v2/integrations/{INTEG}"},
                                           "status": "Active"},
                      "selfUri": "/api/v2/routing/email/domains/contoso.com"}],
        "pageSize": 25, "pageNumber": 1, "total": 1, "pageCount": 1},
      query="pageSize=25&pageNumber=1"),
    x("genesys", "PATCH", f"/api/v2/integrations/{INTEG}", 200, {"id": INTEG, "name": "Microsoft Graph email",
                                                                 "intendedState": "DISABLED",
                                                                 "selfUri": f"/api/v2/integrations/{INTEG}"},
      req={"intendedState": "DISABLED"}, req_ct="application/json"),
    x("genesys", "GET", "/api/v2/routing/email/domains/contoso.com/routes", 403, {
        "message": "You are missing the following permission(s): routing:email:view", "code": "missing.any.permissions",
        "status": 403, "contextId": "c0ffee00-1234-4567-89ab-cdef01234567", "details": [], "errors": []}),
]

out = Path(__file__).resolve().parent / "basic" / "exchanges-1000.jsonl"
out.write_text("".join(json.dumps(e) + "\n" for e in exchanges), encoding="utf-8")
print(f"wrote {len(exchanges)} exchanges to {out}")
