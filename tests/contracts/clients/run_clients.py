#!/usr/bin/env python3
"""Contract test of graphwiz-emulator with the vendors' own client libraries.

* Microsoft's MSAL for Python (`msal`) signs in against the emulator's Entra ID through a TLS
  front on 127.0.0.1 (MSAL accepts only https authorities): client credentials (and a wrong
  secret), device code, and auth code + PKCE; Microsoft Graph then accepts the tokens.
* Genesys Cloud's Python SDK (`PureCloudPlatformClientV2`) gets a token from the Genesys emulator
  and calls every Platform API operation graphwiz uses through its *Api classes; each answer is
  deserialized into the SDK's model and compared strictly with the raw JSON (see sdk_models.py).

Every check is run and recorded; the last line is "N passed, N failed".

Usage: run_clients.py [EMULATOR_BINARY] [--patch-discovery] [--verbose]
Nothing is sent anywhere but loopback; the emulator is stopped at the end in every case.
"""

import argparse
import atexit
import base64
import faulthandler
import json
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import warnings

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)

# The Genesys SDK reads ~/.genesyscloudpython/config when it is imported (and watches it): give it
# an empty home so no local setting can point it elsewhere.
_SDK_HOME = tempfile.mkdtemp(prefix="graphwiz-clients-home-")
atexit.register(shutil.rmtree, _SDK_HOME, True)
os.environ["HOME"] = _SDK_HOME
for _v in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(_v, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost,::1"

warnings.filterwarnings("ignore", category=DeprecationWarning)  # SDK: deprecated operations
warnings.filterwarnings("ignore", message="response_mode='form_post'")  # MSAL's advice for web apps
import requests  # noqa: E402
import msal  # noqa: E402
import PureCloudPlatformClientV2 as gc  # noqa: E402
from PureCloudPlatformClientV2.rest import ApiException  # noqa: E402

from emulator_proc import Emulator, is_loopback_url  # noqa: E402
from tls_front import TlsFront  # noqa: E402
import sdk_models  # noqa: E402

DEFAULT_BINARY = "/var/tmp/graphwiz-ci-target/debug/graphwiz-emulator"
GRAPH = "https://graph.microsoft.com"
# "Microsoft Graph Command Line Tools": the public client graphwiz's administrator sign-in uses
# (crates/core/src/microsoft/admin/scopes.rs GRAPH_COMMAND_LINE_TOOLS).
PUBLIC_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
REQUEST_TIMEOUT = 30  # seconds, for every socket
DEVICE_INTERVAL = 1  # --device-interval-secs
DEVICE_PENDING = 2  # --device-pending-polls


def delegated_scopes():
    """The delegated Graph permissions the emulator grants for .default (DEFAULT_SCOPES in
    crates/emulator/src/signin/scopes.rs), as Graph-prefixed MSAL scopes."""
    names = ["Application.Read.All", "Directory.Read.All", "User.Read"]
    try:
        with open(os.path.join(REPO, "crates/emulator/src/signin/scopes.rs"), encoding="utf-8") as f:
            src = f.read()
        m = re.search(r"pub const DEFAULT_SCOPES: &\[&str\] = &\[(.*?)\];", src, re.S)
        if m:
            found = re.findall(r'"([^"]+)"', m.group(1))
            if found:
                names = found
    except OSError:
        pass
    return ["%s/%s" % (GRAPH, n) for n in names]


def jwt_claims(token):
    """The claims of a JWT, unverified (for inspection only)."""
    try:
        part = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (IndexError, ValueError):
        return {}


# -- results -------------------------------------------------------------------------------------
class Results:
    def __init__(self, verbose=False):
        self.rows = []  # (section, name, ok, seconds, detail)
        self.notes = []
        self.verbose = verbose

    def run(self, section, name, fn, *args, **kwargs):
        """Runs one check; an AssertionError or any exception is its failure. Returns fn's value."""
        t0 = time.monotonic()
        try:
            value = fn(*args, **kwargs)
        except AssertionError as e:
            self._add(section, name, False, time.monotonic() - t0, str(e) or "assertion failed")
            return None
        except ApiException as e:
            detail = "ApiException %s %s: %s" % (e.status, e.reason, (e.body or "")[:600])
            self._add(section, name, False, time.monotonic() - t0, detail)
            return None
        except Exception as e:  # noqa: BLE001 - every failure is collected, none stops the run
            tb = traceback.format_exc(limit=4) if self.verbose else ""
            self._add(section, name, False, time.monotonic() - t0, "%s: %s\n%s" % (type(e).__name__, e, tb))
            return None
        self._add(section, name, True, time.monotonic() - t0, "")
        return value

    def _add(self, section, name, ok, secs, detail):
        self.rows.append((section, name, ok, secs, detail))
        mark = "ok  " if ok else "FAIL"
        print("%s %-8s %-62s %6.2fs" % (mark, section, name, secs), flush=True)
        if detail:
            for line in detail.rstrip().splitlines():
                print("       | " + line, flush=True)

    def note(self, text):
        self.notes.append(text)
        print("     note: " + text, flush=True)

    def counts(self, section=None):
        rows = [r for r in self.rows if section is None or r[0] == section]
        return sum(1 for r in rows if r[2]), sum(1 for r in rows if not r[2])


# -- Entra ID and Graph with MSAL ----------------------------------------------------------------
class TimeoutSession(requests.Session):
    """A requests session that trusts the throwaway CA, ignores proxy settings from the
    environment and bounds every request."""

    def __init__(self, ca_path):
        super().__init__()
        self.verify = ca_path
        self.trust_env = False

    def request(self, method, url, **kwargs):
        if not is_loopback_url(url):
            raise RuntimeError("refusing a request to a non-loopback URL: %s" % url)
        kwargs.setdefault("timeout", REQUEST_TIMEOUT)
        return super().request(method, url, **kwargs)


def entra_checks(res, info, front, http):
    S = "msal"
    tid, domain = info["tenant_id"], info["tenant_domain"]
    authority = "%s/%s" % (front.base_url, tid)
    out = {}

    def discovery():
        problems = []
        for ident in (tid, domain):
            url = "%s/%s/v2.0/.well-known/openid-configuration" % (front.base_url, ident)
            r = http.get(url)
            assert r.status_code == 200, "GET %s answered %s: %s" % (url, r.status_code, r.text[:300])
            doc = r.json()
            want = {
                "issuer": "https://login.microsoftonline.com/%s/v2.0" % tid,
                "token_endpoint": "%s/%s/oauth2/v2.0/token" % (front.base_url, tid),
                "authorization_endpoint": "%s/%s/oauth2/v2.0/authorize" % (front.base_url, tid),
                "device_authorization_endpoint": "%s/%s/oauth2/v2.0/devicecode" % (front.base_url, tid),
            }
            for k, v in want.items():
                if doc.get(k) != v:
                    problems.append("discovery by %s: %s is %r, want %r" % (ident, k, doc.get(k), v))
        assert not problems, "\n".join(problems)

    res.run(S, "discovery via https front: Entra issuer, https endpoints", discovery)

    # (a) client credentials
    def client_credentials():
        app = msal.ConfidentialClientApplication(
            info["client_id"],
            client_credential=info["client_secret"],
            authority=authority,
            instance_discovery=False,
            http_client=http,
        )
        r = app.acquire_token_for_client(scopes=[GRAPH + "/.default"])
        assert "access_token" in r, "no access token: %s" % json.dumps(r)[:800]
        assert str(r.get("token_type", "")).lower() == "bearer", "token_type %r" % r.get("token_type")
        c = jwt_claims(r["access_token"])
        assert c.get("tid") == tid, "tid claim %r, want %r" % (c.get("tid"), tid)
        assert c.get("aud") == GRAPH, "aud claim %r" % c.get("aud")
        roles = set(c.get("roles") or [])
        assert {"Mail.ReadWrite", "Mail.Send"} <= roles, "roles claim %r" % sorted(roles)
        out["app_token"] = r["access_token"]
        return r

    res.run(S, "client credentials: acquire_token_for_client", client_credentials)

    def wrong_secret():
        app = msal.ConfidentialClientApplication(
            info["client_id"],
            client_credential="not-the-secret",
            authority=authority,
            instance_discovery=False,
            http_client=http,
        )
        r = app.acquire_token_for_client(scopes=[GRAPH + "/.default"])
        assert "access_token" not in r, "a wrong secret got a token"
        assert r.get("error") == "invalid_client", "error %r (%s)" % (r.get("error"), json.dumps(r)[:500])
        assert 7000215 in (r.get("error_codes") or []), "error_codes %r" % r.get("error_codes")
        assert "AADSTS7000215" in (r.get("error_description") or ""), r.get("error_description")

    res.run(S, "client credentials, wrong secret: invalid_client AADSTS7000215", wrong_secret)

    def oidc_authority():
        # With oidc_authority MSAL checks the discovery document's issuer (Authority.has_valid_issuer):
        # Entra's https://login.microsoftonline.com/{tid}/v2.0 passes as a well-known Microsoft host.
        app = msal.ConfidentialClientApplication(
            info["client_id"],
            client_credential=info["client_secret"],
            oidc_authority="%s/%s/v2.0" % (front.base_url, tid),
            http_client=http,
        )
        r = app.acquire_token_for_client(scopes=[GRAPH + "/.default"])
        assert "access_token" in r, "no access token: %s" % json.dumps(r)[:800]

    res.run(S, "client credentials via oidc_authority (issuer validated)", oidc_authority)

    def graph_app_token():
        assert out.get("app_token"), "no app token from the client credentials check"
        mailbox = "support@" + domain
        url = "%s/v1.0/users/%s/mailFolders/inbox/messages?$top=1" % (front.base_url, mailbox)
        r = http.get(url, headers={"Authorization": "Bearer " + out["app_token"]})
        assert r.status_code == 200, "GET %s answered %s: %s" % (url, r.status_code, r.text[:300])
        assert isinstance(r.json().get("value"), list), r.text[:300]

    res.run("graph", "MSAL app token reads a mailbox (via front)", graph_app_token)

    scopes = delegated_scopes()

    # (b) device code
    def device_code():
        app = msal.PublicClientApplication(
            PUBLIC_CLIENT_ID, authority=authority, instance_discovery=False, http_client=http
        )
        flow = app.initiate_device_flow(scopes=scopes)
        assert "user_code" in flow and "device_code" in flow, "no device flow: %s" % json.dumps(flow)[:600]
        assert flow.get("interval") == DEVICE_INTERVAL, "interval %r" % flow.get("interval")
        # A person reads the message and types the code before anything is granted: wait one
        # interval, as the RFC 8628 client does between polls. (MSAL itself polls at once; the
        # emulator answers such a poll slow_down, and MSAL then adds 5 s to every wait.)
        time.sleep(flow["interval"])
        before = len(front.log)
        deadline = time.monotonic() + 60
        r = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: time.monotonic() > deadline)
        polls = [e for m, p, st, e in front.log[before:] if m == "POST" and p.endswith("/oauth2/v2.0/token")]
        assert "access_token" in r, "no access token after polls %r: %s" % (polls, json.dumps(r)[:600])
        want_polls = ["authorization_pending"] * DEVICE_PENDING + [None]
        assert polls == want_polls, "token polls answered %r, want %r" % (polls, want_polls)
        scp = set((jwt_claims(r["access_token"]).get("scp") or "").split())
        want = {s.rsplit("/", 1)[1] for s in scopes}
        assert want <= scp, "scp %r lacks %r" % (sorted(scp), sorted(want - scp))
        out["delegated_token"] = r["access_token"]

    res.run(S, "device code: initiate_device_flow + acquire_token_by_device_flow", device_code)

    # (c) auth code + PKCE
    def auth_code():
        app = msal.PublicClientApplication(
            PUBLIC_CLIENT_ID, authority=authority, instance_discovery=False, http_client=http
        )
        with socket.socket() as s:  # a port number nobody listens on; nothing is sent to it
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        redirect = "http://localhost:%d" % port
        flow = app.initiate_auth_code_flow(scopes, redirect_uri=redirect)
        auth_uri = flow["auth_uri"]
        assert auth_uri.startswith(front.base_url + "/"), "auth_uri not at the front: %s" % auth_uri
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(auth_uri).query))
        assert q.get("code_challenge_method") == "S256" and q.get("code_challenge"), "no PKCE in %s" % auth_uri
        r = http.get(auth_uri, allow_redirects=False)
        assert r.status_code in (302, 303), "authorize answered %s: %s" % (r.status_code, r.text[:300])
        loc = r.headers.get("Location", "")
        assert loc.startswith(redirect), "redirected to %r, want %s" % (loc, redirect)
        params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(loc).query))
        assert "code" in params and params.get("state") == flow["state"], "redirect query %r" % params
        t = app.acquire_token_by_auth_code_flow(flow, params)
        assert "access_token" in t, "no access token: %s" % json.dumps(t)[:600]
        scp = set((jwt_claims(t["access_token"]).get("scp") or "").split())
        want = {s.rsplit("/", 1)[1] for s in scopes}
        assert want <= scp, "scp %r lacks %r" % (sorted(scp), sorted(want - scp))
        out.setdefault("delegated_token", t["access_token"])

    res.run(S, "auth code + PKCE: initiate/acquire_token_by_auth_code_flow", auth_code)

    def graph_me():
        assert out.get("delegated_token"), "no delegated token from the device code or auth code check"
        r = http.get(front.base_url + "/v1.0/me", headers={"Authorization": "Bearer " + out["delegated_token"]})
        assert r.status_code == 200, "GET /v1.0/me answered %s: %s" % (r.status_code, r.text[:300])
        upn = r.json().get("userPrincipalName")
        assert upn == info["admin"], "userPrincipalName %r, want %r" % (upn, info["admin"])

    res.run("graph", "MSAL delegated token reads /me (via front)", graph_me)

    return out


# -- Genesys Cloud with PureCloudPlatformClientV2 ------------------------------------------------
class Recorder:
    """The SDK's own HTTP client, with hooks that record each request's URL and answer body."""

    def __init__(self, api_client):
        self.requests = []
        self.last = None
        hc = api_client.get_http_client()
        hc.set_timeout(REQUEST_TIMEOUT * 1000)

        def pre(opts):
            if not is_loopback_url(opts.url):
                raise RuntimeError("refusing a request to a non-loopback URL: %s" % opts.url)
            self.requests.append((opts.method, opts.url))
            return opts

        def post(resp):
            self.last = resp
            return resp

        hc.set_pre_request_hook(pre)
        hc.set_post_request_hook(post)

    def last_json(self):
        data = self.last.data
        if isinstance(data, bytes):
            data = data.decode("utf-8")
        return json.loads(data) if data else None


def genesys_checks(res, info, graph_base, graph_token_fn):
    S = "genesys"
    base = info["genesys_url"]
    gc.configuration.host = base
    gc.configuration.live_reload_config = False

    state = {}

    def token():
        client = gc.ApiClient()
        rec = Recorder(client)
        client.get_client_credentials_token(info["genesys_client_id"], info["genesys_client_secret"])
        assert client.access_token, "no access token"
        assert rec.requests == [("POST", base + "/oauth/token")], "token request went to %r" % rec.requests
        state["client"], state["rec"] = client, rec

    res.run(S, "get_client_credentials_token (login host = API host)", token)

    def wrong_secret():
        client = gc.ApiClient()
        Recorder(client)
        try:
            client.get_client_credentials_token(info["genesys_client_id"], "not-the-secret")
        except ApiException as e:
            assert e.status in (400, 401), "status %s" % e.status
            assert "invalid_client" in (e.body or ""), "body %r" % e.body
            return
        raise AssertionError("a wrong secret got a token")

    res.run(S, "get_client_credentials_token, wrong secret refused", wrong_secret)

    client = state.get("client")
    if client is None:
        res.note("no Genesys token: every SDK call below is skipped and counted failed")

    def call(name, typ, fn, check=None):
        """One SDK call: it must succeed, give a `typ` model that matches the raw JSON strictly,
        and pass `check(obj)`."""

        def inner():
            assert client is not None, "no token"
            rec = state["rec"]
            rec.last = None
            obj = fn()
            assert rec.last is not None, "no answer recorded"
            raw = rec.last_json()
            problems, unknown = sdk_models.compare(raw, typ, obj)
            for u in sorted(set(re.sub(r"\[\d+\]", "[]", u) for u in unknown)):
                res.note("%s: field unknown to the SDK: %s" % (name, u))
            assert not problems, "SDK model mismatch:\n" + "\n".join(problems)
            if check:
                check(obj)
            return obj

        return res.run(S, name, inner)

    def body_ok(body):
        bad = sdk_models.outdated_in_request(body)
        assert not bad, "the SDK refused request values at %s" % bad
        return body

    iapi = gc.IntegrationsApi(client) if client else None
    rapi = gc.RoutingApi(client) if client else None
    capi = gc.ConversationsApi(client) if client else None
    integ_id = info["genesys_integration_id"]

    def has_integration(listing):
        ids = [i.id for i in listing.entities or []]
        assert integ_id in ids, "integration %s not in %r" % (integ_id, ids)

    call("IntegrationsApi.get_integrations", "IntegrationEntityListing",
         lambda: iapi.get_integrations(page_size=100), has_integration)
    integ = call("IntegrationsApi.get_integration", "Integration", lambda: iapi.get_integration(integ_id))
    type_id = integ.integration_type.id if integ and integ.integration_type else None
    call("IntegrationsApi.get_integrations_types", "IntegrationTypeEntityListing",
         lambda: iapi.get_integrations_types(page_size=100),
         lambda l: _assert_in(type_id, [t.id for t in l.entities or []], "integration type"))
    call("IntegrationsApi.get_integrations_type", "IntegrationType",
         lambda: iapi.get_integrations_type(type_id))
    for kind in ("properties", "advanced"):
        call("IntegrationsApi.get_integrations_type_configschema(%s)" % kind, "JsonSchemaDocument",
             lambda kind=kind: iapi.get_integrations_type_configschema(type_id, kind))
    config = call("IntegrationsApi.get_integration_config_current", "IntegrationConfiguration",
                  lambda: iapi.get_integration_config_current(integ_id),
                  lambda c: _assert(c.credentials, "no credentials in the configuration"))
    cred_id = None
    if config and config.credentials:
        cred_id = next(iter(config.credentials.values())).id
    cred = call("IntegrationsApi.get_integrations_credential", "Credential",
                lambda: iapi.get_integrations_credential(cred_id),
                lambda c: _assert(c.type and c.type.name, "credential without type.name"))
    ctypes = call("IntegrationsApi.get_integrations_credentials_types", "list[CredentialType]",
                  lambda: iapi.get_integrations_credentials_types(),
                  lambda l: _assert_in(cred.type.name if cred and cred.type else None,
                                       [t.name for t in l or []], "credential type"))
    # Not used by graphwiz and deprecated in the SDK (Genesys points to /credentials/listing), but
    # the emulator serves it.
    call("IntegrationsApi.get_integrations_credentials", "CredentialInfoListing",
         lambda: _quiet(iapi.get_integrations_credentials),
         lambda l: _assert_in(cred_id, [c.id for c in l.entities or []], "credential"))

    def wait_reported(code, limit=20.0):
        deadline = time.monotonic() + limit
        seen = None
        while time.monotonic() < deadline:
            i = iapi.get_integration(integ_id)
            seen = i.reported_state.code if i.reported_state else None
            if seen == code:
                return
            time.sleep(0.25)
        raise AssertionError("reportedState.code stayed %r, want %r" % (seen, code))

    for want, settled in (("DISABLED", "INACTIVE"), ("ENABLED", "ACTIVE")):
        def patch(want=want):
            body = gc.Integration()
            body.intended_state = want
            return iapi.patch_integration(integ_id, body=body_ok(body))

        call("IntegrationsApi.patch_integration(%s)" % want, "Integration", patch,
             lambda i, want=want: _assert(i.intended_state == want, "intendedState %r" % i.intended_state))
        res.run(S, "  ... reportedState settles at %s" % settled, wait_reported, settled)


    def put_cred():
        assert cred is not None and cred.type, "no credential read"
        ctype = next((t for t in ctypes or [] if t.name == cred.type.name), None)
        props = list((ctype.properties or {}).keys()) if ctype else []
        secret_key = next((k for k in props if "secret" in k.lower()), "clientSecret")
        client_key = next((k for k in props if "client" in k.lower() and k != secret_key), "clientId")
        body = gc.Credential()
        body.name = cred.name or "Microsoft Graph"
        body.type = gc.CredentialType()
        body.type.name = cred.type.name
        body.credential_fields = {client_key: info["client_id"], secret_key: info["client_secret"]}
        return iapi.put_integrations_credential(cred_id, body=body_ok(body))

    call("IntegrationsApi.put_integrations_credential", "CredentialInfo", put_cred)

    domains = call("RoutingApi.get_routing_email_domains", "InboundDomainEntityListing",
                   lambda: rapi.get_routing_email_domains(page_size=100))
    domain = None
    for d in (domains.entities or []) if domains else []:
        g = d.graph_api_settings
        if g and g.integration and g.integration.id == integ_id:
            domain = d
    if domains is not None and domain is None:
        res.note("no inbound domain names the Graph integration %s" % integ_id)
    domain_id = domain.id if domain else info["tenant_domain"]
    call("RoutingApi.get_routing_email_domain", "InboundDomain",
         lambda: rapi.get_routing_email_domain(domain_id))
    routes = call("RoutingApi.get_routing_email_domain_routes", "InboundRouteEntityListing",
                  lambda: rapi.get_routing_email_domain_routes(domain_id))
    queue_id = flow_id = None
    for r in (routes.entities or []) if routes else []:
        queue_id = queue_id or (r.queue.id if r.queue else None)
        flow_id = flow_id or (r.flow.id if r.flow else None)
    call("RoutingApi.get_routing_queue", "Queue", lambda: rapi.get_routing_queue(queue_id))
    call("RoutingApi.get_routing_queue_members", "QueueMemberEntityListing",
         lambda: rapi.get_routing_queue_members(queue_id, joined=True, expand=["routingStatus"]),
         lambda l: _assert(l.entities, "no joined members"))
    if flow_id:
        call("ArchitectApi.get_flow", "Flow", lambda: gc.ArchitectApi(client).get_flow(flow_id))
    call("EmailsApi.get_emails_settings", "EmailSettings", lambda: gc.EmailsApi(client).get_emails_settings())

    # An email conversation: a mail to a route's mailbox, which the emulator's simulated Genesys
    # consumer picks up; then graphwiz's analytics query finds it, and it is disconnected.
    route_mailbox = "support@" + info["tenant_domain"]
    token = "gwc" + os.urandom(6).hex()
    subject = "graphwiz client contract %s" % token
    since = time.time()

    def send_mail():
        t = graph_token_fn()
        body = {
            "message": {
                "subject": subject,
                "body": {"contentType": "Text", "content": "contract test"},
                "toRecipients": [{"emailAddress": {"address": route_mailbox}}],
            },
            "saveToSentItems": False,
        }
        r = requests.post("%s/v1.0/users/%s/sendMail" % (graph_base, route_mailbox), json=body,
                          headers={"Authorization": "Bearer " + t}, timeout=REQUEST_TIMEOUT)
        assert r.status_code == 202, "sendMail answered %s: %s" % (r.status_code, r.text[:300])

    res.run("graph", "sendMail to a route's mailbox (setup for conversations)", send_mail)

    def details_query(dimension, value):
        iso = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))  # noqa: E731
        q = gc.ConversationQuery()
        q.interval = "%s/%s" % (iso(since - 600), iso(time.time() + 600))
        q.order = "desc"
        q.order_by = "conversationStart"
        p = gc.SegmentDetailQueryPredicate()
        p.type, p.dimension, p.operator, p.value = "dimension", "mediaType", "matches", "email"
        p2 = gc.SegmentDetailQueryPredicate()
        p2.type, p2.dimension, p2.operator, p2.value = "dimension", dimension, "matches", value
        sf = gc.SegmentDetailQueryFilter()
        sf.type, sf.predicates = "and", [p, p2]
        cp = gc.ConversationDetailQueryPredicate()
        cp.type, cp.dimension, cp.operator = "dimension", "conversationEnd", "notExists"
        cf = gc.ConversationDetailQueryFilter()
        cf.type, cf.predicates = "and", [cp]
        paging = gc.PagingSpec()
        paging.page_size, paging.page_number = 25, 1
        q.segment_filters, q.conversation_filters, q.paging = [sf], [cf], paging
        return body_ok(q)

    def find_conversation(dimension, value):
        deadline = time.monotonic() + 20
        while True:
            a = capi.post_analytics_conversations_details_query(details_query(dimension, value))
            for c in a.conversations or []:
                subjects = [seg.subject or "" for p in c.participants or [] for s in p.sessions or []
                            for seg in s.segments or []]
                if any(token in x for x in subjects):
                    state["conversation_id"] = c.conversation_id
                    return a
            if time.monotonic() > deadline:
                raise AssertionError("the conversation of %r did not appear within 20 s" % subject)
            time.sleep(0.5)

    call("ConversationsApi.post_analytics_conversations_details_query(subject)",
         "AnalyticsConversationQueryResponse", lambda: find_conversation("subject", subject))
    call("ConversationsApi.post_analytics_conversations_details_query(addressTo)",
         "AnalyticsConversationQueryResponse", lambda: find_conversation("addressTo", route_mailbox))
    conv_id = state.get("conversation_id")
    call("ConversationsApi.get_conversations_email", "EmailConversation",
         lambda: capi.get_conversations_email(conv_id))

    def disconnect():
        body = gc.Conversation()
        body.state = "disconnected"
        return capi.patch_conversations_email(conv_id, body_ok(body))

    call("ConversationsApi.patch_conversations_email(disconnected)", "Conversation", disconnect)


def _quiet(fn, *args, **kwargs):
    """Calls fn without the SDK's DeprecationWarning for a deprecated operation."""
    with warnings.catch_warnings(record=True):  # the SDK's decorator resets the filters itself
        return fn(*args, **kwargs)


def _assert(cond, msg):
    assert cond, msg


def _assert_in(x, xs, what):
    assert x is not None and x in xs, "%s %r not in %r" % (what, x, xs)


# -- main ----------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("emulator", nargs="?", default=os.environ.get("GRAPHWIZ_EMULATOR", DEFAULT_BINARY))
    ap.add_argument("--genesys", default="healthy", help="Genesys scenario (default healthy)")
    ap.add_argument("--deadline", type=float, default=300, help="hard limit for the whole run, s")
    ap.add_argument("--patch-discovery", action="store_true",
                    help="DIAGNOSTIC ONLY: the front rewrites the discovery document (https "
                         "endpoints at the front, Entra's issuer) to show what else MSAL needs")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not os.access(args.emulator, os.X_OK):
        print("no emulator binary at %s" % args.emulator, file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    socket.setdefaulttimeout(REQUEST_TIMEOUT)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the emulator on SIGTERM too
    res = Results(verbose=args.verbose)
    emu_box = {}

    def hard_stop():
        print("run_clients.py: the run exceeded %.0f s; stopping" % args.deadline, flush=True)
        faulthandler.dump_traceback(all_threads=True)
        if "emu" in emu_box:
            emu_box["emu"].stop(grace=2)
        p, f = res.counts()
        print("%d passed, %d failed" % (p, f + 1), flush=True)
        os._exit(3)

    watchdog = threading.Timer(args.deadline, hard_stop)
    watchdog.daemon = True
    watchdog.start()
    t_start = time.monotonic()
    emu_args = [
        "--genesys", args.genesys,
        "--device-interval-secs", str(DEVICE_INTERVAL),
        "--device-pending-polls", str(DEVICE_PENDING),
        "--pickup-delay-ms", "200",
        "--analytics-lag-ms", "100",
        "--delivery-delay-ms", "50",
    ]
    try:
        with Emulator(args.emulator, emu_args) as emu:
            emu_box["emu"] = emu
            info = emu.info
            print("emulator: Entra/Graph %s, Genesys %s, tenant %s (%.1fs to start)" % (
                info["base_url"], info["genesys_url"], info["tenant_id"], time.monotonic() - t_start))
            upstream = urllib.parse.urlsplit(info["base_url"])
            t0 = time.monotonic()
            with TlsFront((upstream.hostname, upstream.port)) as front:
                if args.patch_discovery:
                    front.server.patch_discovery = (info["base_url"], info["tenant_id"])
                    res.note("--patch-discovery: the front REWRITES discovery documents (diagnostic)")
                print("https front: %s -> %s" % (front.base_url, info["base_url"]))
                http = TimeoutSession(front.ca_path)
                tokens = entra_checks(res, info, front, http)
                print("front relayed %d requests" % len(front.log))
            t_entra = time.monotonic() - t0

            def graph_token():
                if tokens.get("app_token"):
                    return tokens["app_token"]
                # MSAL did not get one: take one straight from the emulator (setup only).
                r = requests.post(
                    "%s/%s/oauth2/v2.0/token" % (info["base_url"], info["tenant_id"]),
                    data={"client_id": info["client_id"], "client_secret": info["client_secret"],
                          "grant_type": "client_credentials", "scope": GRAPH + "/.default"},
                    timeout=REQUEST_TIMEOUT)
                r.raise_for_status()
                return r.json()["access_token"]

            t0 = time.monotonic()
            genesys_checks(res, info, info["base_url"], graph_token)
            t_genesys = time.monotonic() - t0
    except Exception as e:  # noqa: BLE001
        res._add("setup", "emulator and front", False, 0.0, "%s: %s\n%s" % (
            type(e).__name__, e, traceback.format_exc(limit=6)))
        t_entra = t_genesys = 0.0
    except KeyboardInterrupt:
        res._add("setup", "run interrupted (SIGINT/SIGTERM)", False, 0.0, "")
        t_entra = t_genesys = 0.0
    finally:
        watchdog.cancel()
    mp, mf = res.counts("msal")
    gp, gf = res.counts("graph")
    sp, sf = res.counts("genesys")
    print()
    print("MSAL flows: %d passed, %d failed (%.1fs); Graph calls: %d passed, %d failed; "
          "Genesys SDK calls: %d passed, %d failed (%.1fs); total %.1fs"
          % (mp, mf, t_entra, gp, gf, sp, sf, t_genesys, time.monotonic() - t_start))
    failed = [r for r in res.rows if not r[2]]
    if failed:
        print("failed:")
        for sec, name, _, _, detail in failed:
            print("  %s %s: %s" % (sec, name, detail.strip().splitlines()[0] if detail.strip() else ""))
    p, f = res.counts()
    print("%d passed, %d failed" % (p, f))
    return 0 if f == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
