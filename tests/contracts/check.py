#!/usr/bin/env python3
"""Vendor contract checker for recorded HTTP exchanges.

Reads the exchange log that the emulator writes when GRAPHWIZ_CONTRACT_LOG=DIR is set (JSON lines
in DIR/exchanges-<pid>.jsonl, one object per HTTP exchange) and checks every exchange against the
vendors' own published definitions:

* Microsoft Graph  -> msgraph-sdk request builders and models (vendor.py)
* Genesys Cloud    -> PureCloudPlatformClientV2 operations and models (vendor.py)
* Entra ID         -> entra-protocol.json (protocol docs); Genesys login -> genesys-login.json

Requests made by the product's own HTTP client (client == "graphwiz") must be operations the vendor
defines: method + path template, declared query parameters, $select/$orderby/$expand properties
that exist on the response model, body fields that exist on the body model, allowed enum values.
Every answer (any client) to a request that matches a vendor operation is validated: 2xx JSON
bodies against the operation's response model (no unknown fields, JSON types, enum values,
envelope vs bare array), 4xx/5xx JSON bodies against the vendor's error shape.

Documented exceptions live in known-gaps.json; unused entries fail the run.

Exit status: 0 clean, 1 violations (or stale known-gaps entries), 2 nothing to check / bad input.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, unquote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import vendor  # noqa: E402

GRAPH_ERROR_MODEL = "models.o_data_errors.o_data_error"
GENESYS_ERROR_MODEL = "ErrorBody"
# OData annotations Graph puts on answers: on the top-level object, and on any entity object.
TOP_ANNOTATIONS = {"@odata.context", "@odata.nextLink", "@odata.deltaLink", "@odata.count",
                   "@odata.type", "@odata.id", "@odata.etag", "@odata.metadataEtag"}
ENTITY_ANNOTATIONS = {"@odata.type", "@odata.id", "@odata.etag", "@odata.editLink",
                      "@odata.readLink", "@odata.mediaContentType", "@odata.mediaEditLink",
                      "@odata.mediaReadLink", "@odata.mediaEtag", "@odata.context"}
# Server-issued paging tokens: the vendor SDK follows @odata.nextLink / @odata.deltaLink URLs as
# they are (msgraph-core PageIterator, Kiota with_url), so these appear on collection GETs although
# the request builder's template does not list them.
PAGING_TOKENS = {"$skiptoken", "$deltatoken"}

RE_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RE_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")
RE_DURATION = re.compile(r"^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
RE_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
RE_BASE64 = re.compile(r"^[A-Za-z0-9+/_-]*={0,2}$")


def prim_ok(t: str, v) -> bool:
    if t == "object":
        return True
    if t == "str":
        return isinstance(v, str)
    if t == "bool":
        return isinstance(v, bool)
    if t == "int":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "float":
        return (isinstance(v, (int, float)) and not isinstance(v, bool)) or v in ("NaN", "INF", "-INF")
    if not isinstance(v, str):
        return False
    return bool({"datetime": RE_DATETIME, "date": RE_DATE, "time": RE_TIME, "duration": RE_DURATION,
                 "uuid": RE_UUID, "bytes": RE_BASE64}[t].match(v))


def describe(v) -> str:
    s = json.dumps(v)
    return s if len(s) <= 60 else s[:57] + "..."


# ----------------------------------------------------------------------------------------------
# path templates

class Template:
    """One vendor path template, matched segment by segment ({x} = one path segment)."""

    def __init__(self, path_template: str, payload):
        self.text = path_template
        self.payload = payload
        segs = [s for s in path_template.strip("/").split("/")]
        self.segments = segs
        self.first = re.match(r"[^({]*", segs[0]).group(0) if segs else ""
        self.score = tuple(2 if "{" not in s else (1 if not re.fullmatch(r"\{[^}]+\}", s) else 0)
                           for s in segs)
        self._rx = None

    def regex(self):
        if self._rx is None:
            parts = []
            for seg in self.segments:
                if re.fullmatch(r"\{[^}]+\}", seg):
                    parts.append(r"[^/]+")
                    continue
                out = ""
                for piece in re.split(r"(\{[^}]+\})", seg):
                    if piece.startswith("{"):
                        out += r"[^/]*?"
                    elif piece.endswith("()"):
                        # an OData function without parameters may be called with or without "()"
                        out += re.escape(piece[:-2]) + r"(?:\(\))?"
                    else:
                        out += re.escape(piece)
                parts.append(out)
            self._rx = re.compile("^" + "/".join(parts) + "$", re.I)
        return self._rx


class TemplateIndex:
    def __init__(self):
        self.by_key = {}

    def add(self, t: Template):
        self.by_key.setdefault((len(t.segments), t.first.lower()), []).append(t)

    def match(self, segments: list[str]):
        first = re.match(r"[^(]*", segments[0]).group(0).lower() if segments else ""
        cands = self.by_key.get((len(segments), first), [])
        cands = cands + self.by_key.get((len(segments), ""), [])
        path = "/".join(segments)
        found = [t for t in cands if t.regex().match(path)]
        if not found:
            return None
        return max(found, key=lambda t: t.score)


def graph_path_template(template: str) -> str:
    """Path part of a Kiota URL template ("{+baseurl}/a/{b%2Did}/c?x={x}{&%24top}" -> "/a/{b-id}/c")."""
    p = template.replace("{+baseurl}", "")
    p = re.split(r"\{\?|\{&|\?", p, 1)[0]
    return unquote(p)


def graph_op_key(template: str) -> str:
    return graph_path_template(template)


# ----------------------------------------------------------------------------------------------

class Definitions:
    def __init__(self, extract: dict, contracts_dir: Path = HERE):
        self.x = extract
        self.versions = extract["versions"]
        self.graph = extract["graph"]
        self.genesys = extract["genesys"]
        self.entra = json.loads((contracts_dir / "entra-protocol.json").read_text())
        self.glogin = json.loads((contracts_dir / "genesys-login.json").read_text())
        self.graph_index = TemplateIndex()
        for b in self.graph["builders"]:
            self.graph_index.add(Template(graph_path_template(b["template"]), b))
        self.genesys_index = {}
        for op in self.genesys["operations"]:
            self.genesys_index.setdefault(op["method"], TemplateIndex()).add(
                Template(op["path"], op))
        self._gfields = {}

    def graph_label(self, f):
        return f"msgraph-sdk {self.versions['msgraph-sdk']} {f}"

    def genesys_label(self, f):
        return f"PureCloudPlatformClientV2 {self.versions['PureCloudPlatformClientV2']} {f}"

    def graph_fields(self, key: str) -> dict:
        """JSON properties of a Graph model including those inherited from its base classes."""
        if key in self._gfields:
            return self._gfields[key]
        out, seen, k = {}, set(), key
        while k and k in self.graph["models"] and k not in seen:
            seen.add(k)
            m = self.graph["models"][k]
            for name, f in m["fields"].items():
                out.setdefault(name, f)
            k = m.get("base")
        self._gfields[key] = out
        return out

    def graph_is_derived(self, key: str, base: str) -> bool:
        seen = set()
        while key and key not in seen:
            if key == base:
                return True
            seen.add(key)
            key = self.graph["models"].get(key, {}).get("base")
        return False


class Checker:
    def __init__(self, defs: Definitions, known_gaps: list | None = None):
        self.d = defs
        self.gaps = known_gaps or []
        self.gap_uses = {g["id"]: 0 for g in self.gaps}
        self.violations = []
        self.suppressed = []
        self.notes = []
        self.coverage = {"graph": {}, "genesys": {}, "entra": {}}
        self.exchanges = 0
        self.checked_requests = 0
        self.validated_answers = 0
        self.unmatched_other = 0
        self.used = {"graph_ops": {}, "graph_models": set(), "graph_enums": set(),
                     "genesys_ops": {}, "genesys_models": set()}

    # -- reporting -----------------------------------------------------------------------------
    def violation(self, ex, op, kind, where, message, definition):
        v = {"exchange": ex["_ref"], "service": ex.get("service"), "operation": op, "kind": kind,
             "where": where, "message": message, "definition": definition}
        for g in self.gaps:
            if (g.get("service") in (None, v["service"]) and g.get("operation") in (None, op)
                    and g.get("kind") in (None, kind)
                    and re.search(g.get("detail") or "", f"{where}: {message}")):
                self.gap_uses[g["id"]] += 1
                v["known_gap"] = g["id"]
                self.suppressed.append(v)
                return
        self.violations.append(v)

    def cover(self, service, op, ex, definition, answered=False):
        c = self.coverage[service].setdefault(op, {"exchanges": 0, "graphwiz": 0,
                                                   "answers_validated": 0,
                                                   "statuses": {}, "definition": definition})
        if not answered:
            c["exchanges"] += 1
            c["graphwiz"] += ex.get("client") == "graphwiz"
            st = str(ex.get("status"))
            c["statuses"][st] = c["statuses"].get(st, 0) + 1
        else:
            c["answers_validated"] += 1

    # -- entry ---------------------------------------------------------------------------------
    def check(self, ex: dict):
        self.exchanges += 1
        svc = ex.get("service")
        for k in ("service", "method", "path", "status"):
            if k not in ex:
                self.violation(ex, None, "log-format", "$", f"exchange lacks {k!r}", "exchange log format")
                return
        if svc == "graph":
            self.check_graph(ex)
        elif svc == "genesys":
            if ex["path"] == "/oauth/token" or re.match(self.d.glogin["path"], ex["path"]):
                self.check_genesys_login(ex)
            else:
                self.check_genesys(ex)
        elif svc == "entra":
            self.check_entra(ex)
        else:
            self.violation(ex, None, "log-format", "service", f"unknown service {svc!r}", "exchange log format")

    @staticmethod
    def query_pairs(ex):
        q = ex.get("query")
        if not q:
            return []
        return parse_qsl(q, keep_blank_values=True)

    @staticmethod
    def is_json(ex, which):
        ct = (ex.get(f"{which}_content_type") or "").lower()
        return ex.get(f"{which}_body") is not None and ("json" in ct or not ct)

    # ==========================================================================================
    # Microsoft Graph
    def check_graph(self, ex):
        own = ex.get("client") == "graphwiz"
        path = ex["path"]
        m = re.match(r"^/(v1\.0|beta)(/.*)?$", path)
        if not m:
            if own:
                self.violation(ex, None, "unknown-operation", "path",
                               f"{path} is not under /v1.0 (msgraph-sdk describes v1.0)", self.d.graph_label("msgraph/generated"))
            else:
                self.unmatched_other += 1
            return
        if m.group(1) == "beta":
            if own:
                self.violation(ex, None, "unknown-operation", "path",
                               f"{path}: /beta is not described by msgraph-sdk (v1.0 only)", self.d.graph_label("msgraph/generated"))
            else:
                self.unmatched_other += 1
            return
        segs = [unquote(s) for s in (m.group(2) or "/").strip("/").split("/")]
        # The SDK has no builders of its own for /me: GraphServiceClient.me maps it to
        # /users/{user-id} with the id "me" (msgraph/graph_service_client.py).
        if segs and segs[0].lower() == "me":
            segs = ["users", "me"] + segs[1:]
        t = self.d.graph_index.match(segs)
        method = ex["method"].upper()
        if t is None:
            if own:
                self.violation(ex, None, "unknown-operation", "path",
                               f"{method} {path}: no msgraph-sdk request builder has a matching URL template",
                               self.d.graph_label("msgraph/generated/**/*_request_builder.py"))
            else:
                self.unmatched_other += 1
            return
        b = t.payload
        opkey = f"{method} {graph_op_key(b['template'])}"
        definition = self.d.graph_label(b["file"])
        opdef = b["methods"].get(method)
        if opdef is None:
            if own:
                self.violation(ex, opkey, "method-not-declared", "method",
                               f"{b['builder']} offers {sorted(b['methods'])}, not {method}", definition)
            else:
                self.unmatched_other += 1
            return
        self.cover("graph", opkey, ex, definition)
        self.used["graph_ops"][opkey] = {"template": b["template"], "file": b["file"], "method": method,
                                         **opdef}
        returns = opdef.get("returns")
        item_model = self.graph_item_model(returns)
        if own:
            self.checked_requests += 1
            self.check_graph_query(ex, opkey, opdef, item_model, definition, b)
            self.check_graph_body(ex, opkey, opdef, definition)
        status = ex["status"]
        body = ex.get("response_body")
        if 200 <= status < 300:
            if body is None or not self.is_json(ex, "response"):
                return
            if returns is None:
                self.violation(ex, opkey, "unexpected-body", "$",
                               f"the operation returns no content, the answer has a JSON body", definition)
                return
            if returns["k"] == "prim" and not isinstance(body, (dict, list)):
                ok = prim_ok(returns["t"], body)
            else:
                errs = []
                self.graph_validate(body, returns, "$", errs, request=False, top=True,
                                    delta="delta()" in b["template"])
                for where, msg, src in errs:
                    self.violation(ex, opkey, "response-schema", where, msg, src or definition)
                ok = True
            if not ok:
                self.violation(ex, opkey, "response-schema", "$", f"{describe(body)} is not {returns['t']}", definition)
            self.validated_answers += 1
            self.cover("graph", opkey, ex, definition, answered=True)
        elif status >= 400 and body is not None and self.is_json(ex, "response"):
            errs = []
            self.graph_validate(body, {"k": "model", "ref": GRAPH_ERROR_MODEL}, "$", errs,
                                request=False, top=False)
            if isinstance(body, dict) and "error" not in body:
                errs.append(("$", "Graph error body lacks 'error'", None))
            for where, msg, src in errs:
                self.violation(ex, opkey, "error-schema", where, msg,
                               src or self.d.graph_label("msgraph/generated/models/o_data_errors/o_data_error.py"))
            self.validated_answers += 1
            self.cover("graph", opkey, ex, definition, answered=True)

    def graph_item_model(self, returns):
        """Model whose properties $select/$orderby/$expand name (items of a collection answer)."""
        if not returns or returns["k"] != "model":
            return None
        fields = self.d.graph_fields(returns["ref"])
        v = fields.get("value")
        if v and v["tref"]["k"] == "list" and v["tref"]["of"]["k"] == "model" and (
                "@odata.nextLink" in fields or returns["ref"].endswith("response")):
            return v["tref"]["of"]["ref"]
        return returns["ref"]

    def check_graph_query(self, ex, opkey, opdef, item_model, definition, b):
        declared = opdef.get("query") or {}
        collection = item_model is not None and opdef.get("returns") and item_model != opdef["returns"].get("ref")
        for name, value in self.query_pairs(ex):
            if name not in declared:
                if name in PAGING_TOKENS and ex["method"].upper() == "GET" and collection:
                    continue
                self.violation(ex, opkey, "query-not-declared", f"query {name}",
                               f"{name!r} is not a query parameter of {ex['method'].upper()} "
                               f"(declared: {', '.join(sorted(declared)) or 'none'})", definition)
                continue
            ptype = declared[name]
            if ptype == "int" and not re.fullmatch(r"\d+", value):
                self.violation(ex, opkey, "query-value", f"query {name}", f"{value!r} is not an integer", definition)
            if ptype == "bool" and value not in ("true", "false"):
                self.violation(ex, opkey, "query-value", f"query {name}", f"{value!r} is not true/false", definition)
            if item_model and name in ("$select", "$orderby", "$expand"):
                fields = self.d.graph_fields(item_model)
                self.used["graph_models"].add(item_model)
                for item in [s.strip() for s in value.split(",") if s.strip()]:
                    if name == "$expand":
                        item = re.split(r"[(/]", item, 1)[0]
                    prop = item.split(" ")[0].split("/")[0] if name == "$orderby" else item.split("/")[0]
                    if name == "$orderby" and item.split(" ")[1:] and item.split(" ")[-1].lower() not in ("asc", "desc"):
                        self.violation(ex, opkey, "query-value", f"query {name}",
                                       f"{item!r}: direction must be asc or desc", definition)
                    if prop == "*" and name != "$orderby":
                        continue
                    if prop not in fields:
                        mdl = self.d.graph["models"].get(item_model, {})
                        self.violation(ex, opkey, "query-property", f"query {name}",
                                       f"{prop!r} is not a property of {mdl.get('name', item_model)}",
                                       self.d.graph_label(mdl.get("file", item_model)))

    def check_graph_body(self, ex, opkey, opdef, definition):
        body = ex.get("request_body")
        declared = opdef.get("body")
        if body is None:
            return
        if declared is None:
            self.violation(ex, opkey, "request-body", "$", "the operation takes no request body", definition)
            return
        ct = (ex.get("request_content_type") or "").lower()
        want = opdef.get("body_content_type")
        if want and ct and want.split(";")[0] not in ct:
            self.violation(ex, opkey, "request-body", "content-type",
                           f"sent {ct!r}, the operation takes {want!r}", definition)
        errs = []
        self.graph_validate(body, declared, "$", errs, request=True, top=False)
        for where, msg, src in errs:
            self.violation(ex, opkey, "request-schema", where, msg, src or definition)

    def graph_validate(self, v, tref, where, errs, request, top=False, delta=False):
        if v is None or tref is None:
            return
        k = tref["k"]
        if k == "prim":
            if not prim_ok(tref["t"], v):
                errs.append((where, f"{describe(v)} is not a {tref['t']}", None))
        elif k == "list":
            if not isinstance(v, list):
                errs.append((where, f"expected a JSON array, got {describe(v)}", None))
                return
            for i, item in enumerate(v):
                self.graph_validate(item, tref["of"], f"{where}[{i}]", errs, request, delta=delta)
        elif k == "enum":
            e = self.d.graph["enums"].get(tref["ref"])
            if e is None:
                return
            self.used["graph_enums"].add(tref["ref"])
            src = self.d.graph_label(e["file"])
            if not isinstance(v, str):
                errs.append((where, f"{describe(v)} is not a {e['name']} value", src))
                return
            allowed = e["values"]
            for part in [p.strip() for p in v.split(",")]:      # flag enums are comma-joined
                if part in allowed:
                    continue
                low = {a.lower(): a for a in allowed}
                if request and part.lower() in low:
                    self.notes.append(f"{where}: {part!r} differs in case from the vendor's "
                                      f"{low[part.lower()]!r} ({e['name']}); Graph accepts it")
                    continue
                errs.append((where, f"{part!r} is not a {e['name']} value (allowed: {', '.join(allowed)})", src))
        elif k == "model":
            ref = tref["ref"]
            if not isinstance(v, dict):
                errs.append((where, f"expected a JSON object ({ref.split('.')[-1]}), got {describe(v)}", None))
                return
            otype = v.get("@odata.type")
            if isinstance(otype, str):
                derived = self.d.graph["discriminators"].get(otype.lower()) or \
                    self.d.graph["discriminators"].get("#" + otype.lower().lstrip("#"))
                if derived is None:
                    errs.append((f"{where}.@odata.type", f"unknown type {otype!r}", None))
                elif not self.d.graph_is_derived(derived, ref):
                    errs.append((f"{where}.@odata.type", f"{otype!r} is not {ref.split('.')[-1]} or derived from it", None))
                else:
                    ref = derived
            model = self.d.graph["models"].get(ref)
            if model is None:
                return
            self.used["graph_models"].add(ref)
            fields = self.d.graph_fields(ref)
            src = self.d.graph_label(model["file"])
            allowed_ann = TOP_ANNOTATIONS if top else ENTITY_ANNOTATIONS
            for key, val in v.items():
                if key in fields:
                    self.graph_validate(val, fields[key]["tref"], f"{where}.{key}", errs, request, delta=delta)
                elif key.startswith("@odata.") and not request and key in allowed_ann:
                    continue
                elif "@odata." in key and not request and key.split("@", 1)[0] in fields:
                    continue      # property annotation, e.g. "members@odata.nextLink"
                elif key == "@removed" and delta and not request:
                    continue      # delta answers mark removed items
                else:
                    errs.append((f"{where}.{key}", f"{key!r} is not a property of {model['name']}", src))

    # ==========================================================================================
    # Genesys Cloud Platform API
    def genesys_model_label(self, name):
        m = self.d.genesys["models"].get(name)
        return self.d.genesys_label(m["file"] if m else f"models ({name})")

    def check_genesys(self, ex):
        own = ex.get("client") == "graphwiz"
        method = ex["method"].upper()
        idx = self.d.genesys_index.get(method)
        segs = [unquote(s) for s in ex["path"].strip("/").split("/")]
        t = idx.match(segs) if idx else None
        if t is None:
            if own:
                other = [m for m, i in self.d.genesys_index.items() if i.match(segs)]
                msg = (f"{method} {ex['path']}: the path exists only for {sorted(other)}" if other
                       else f"{method} {ex['path']}: no PureCloudPlatformClientV2 operation has this path")
                self.violation(ex, None, "unknown-operation", "path", msg,
                               self.d.genesys_label("PureCloudPlatformClientV2/apis/*_api.py"))
            else:
                self.unmatched_other += 1
            return
        op = t.payload
        opkey = f"{method} {op['path']}"
        definition = self.d.genesys_label(f"{op['file']} {op['operation']}")
        self.cover("genesys", opkey, ex, definition)
        self.used["genesys_ops"][opkey] = op
        if own:
            self.checked_requests += 1
            for name, value in self.query_pairs(ex):
                if name not in op["query"]:
                    self.violation(ex, opkey, "query-not-declared", f"query {name}",
                                   f"{name!r} is not a query parameter of {op['operation']} "
                                   f"(declared: {', '.join(op['query']) or 'none'})", definition)
                elif op["query"][name]["type"] == "int" and not re.fullmatch(r"-?\d+", value):
                    self.violation(ex, opkey, "query-value", f"query {name}", f"{value!r} is not an integer", definition)
            body = ex.get("request_body")
            if body is not None:
                if not op["body"]:
                    self.violation(ex, opkey, "request-body", "$", "the operation takes no request body", definition)
                else:
                    errs = []
                    self.genesys_validate(body, vendor.genesys_typeref(op["body"]), "$", errs, None)
                    for where, msg, src in errs:
                        self.violation(ex, opkey, "request-schema", where, msg, src or definition)
        status = ex["status"]
        rbody = ex.get("response_body")
        if rbody is None or not self.is_json(ex, "response"):
            return
        if 200 <= status < 300:
            rt = op["response_type"]
            if rt is None:
                self.violation(ex, opkey, "unexpected-body", "$", "the operation returns no content, the answer has a JSON body", definition)
                return
            errs = []
            self.genesys_validate(rbody, vendor.genesys_typeref(rt), "$", errs, None, declared=rt)
            for where, msg, src in errs:
                self.violation(ex, opkey, "response-schema", where, msg, src or definition)
            self.validated_answers += 1
            self.cover("genesys", opkey, ex, definition, answered=True)
        elif status >= 400:
            errs = []
            self.genesys_validate(rbody, {"k": "model", "ref": GENESYS_ERROR_MODEL}, "$", errs, None)
            for where, msg, src in errs:
                self.violation(ex, opkey, "error-schema", where, msg, src or self.genesys_model_label(GENESYS_ERROR_MODEL))
            self.validated_answers += 1
            self.cover("genesys", opkey, ex, definition, answered=True)

    def genesys_validate(self, v, tref, where, errs, enum, declared=None):
        if v is None:
            return
        k = tref["k"]
        if k == "prim":
            if not prim_ok(tref["t"], v):
                errs.append((where, f"{describe(v)} is not a {tref['t']}", None))
            elif enum and isinstance(v, str) and v not in enum:
                errs.append((where, f"{v!r} is not an allowed value ({', '.join(enum)})", None))
        elif k == "list":
            if not isinstance(v, list):
                hint = ""
                if declared and isinstance(v, dict) and "entities" in v:
                    hint = f" (the vendor declares {declared}: a bare JSON array, not a listing envelope)"
                errs.append((where, f"expected a JSON array, got {describe(v)}{hint}", None))
                return
            for i, item in enumerate(v):
                self.genesys_validate(item, tref["of"], f"{where}[{i}]", errs, enum)
        elif k == "map":
            if not isinstance(v, dict):
                errs.append((where, f"expected a JSON object (map), got {describe(v)}", None))
                return
            for key, item in v.items():
                self.genesys_validate(item, tref["of"], f"{where}.{key}", errs, None)
        elif k == "model":
            m = self.d.genesys["models"].get(tref["ref"])
            if m is None:
                return
            self.used["genesys_models"].add(tref["ref"])
            src = self.d.genesys_label(m["file"])
            if not isinstance(v, dict):
                hint = " (the vendor declares a listing envelope object)" if isinstance(v, list) else ""
                errs.append((where, f"expected a JSON object ({tref['ref']}), got {describe(v)}{hint}", src))
                return
            for key, val in v.items():
                f = m["fields"].get(key)
                if f is None:
                    errs.append((f"{where}.{key}", f"{key!r} is not a field of {tref['ref']}", src))
                    continue
                sub = []
                self.genesys_validate(val, f["tref"], f"{where}.{key}", sub, f.get("enum"))
                errs.extend((w, msg, s or src) for w, msg, s in sub)

    # ==========================================================================================
    # login endpoints (protocol files)
    def check_protocol_fields(self, ex, opkey, spec, body, where, kind, source):
        if not isinstance(body, dict):
            self.violation(ex, opkey, kind, where, f"expected a JSON object, got {describe(body)}", source)
            return
        for key, val in body.items():
            if key not in spec["fields"]:
                self.violation(ex, opkey, kind, f"{where}.{key}", f"{key!r} is not a documented field", source)
                continue
            t = spec.get("types", {}).get(key)
            if t:
                tr = vendor.genesys_typeref(t)
                ok = isinstance(val, list) and all(prim_ok(tr["of"]["t"], x) for x in val) if tr["k"] == "list" \
                    else prim_ok(tr["t"], val)
                if not ok:
                    self.violation(ex, opkey, kind, f"{where}.{key}", f"{describe(val)} is not {t}", source)
            allowed = spec.get("values", {}).get(key)
            if allowed and val not in allowed:
                self.violation(ex, opkey, kind, f"{where}.{key}", f"{val!r} is not one of {allowed}", source)
        for key in spec.get("required", []):
            if key not in body:
                self.violation(ex, opkey, kind, where, f"required field {key!r} is missing", source)

    def check_form(self, ex, opkey, params: dict, allowed: dict, source, what="form"):
        names = set(allowed.get("required", [])) | set(allowed.get("optional", []))
        for key, val in params.items():
            if key not in names:
                self.violation(ex, opkey, "request-parameter", f"{what} {key}",
                               f"{key!r} is not a documented parameter", source)
            vals = allowed.get("values", {}).get(key)
            if vals and val not in vals:
                self.violation(ex, opkey, "request-parameter", f"{what} {key}",
                               f"{val!r} is not one of {vals}", source)
        for key in allowed.get("required", []):
            if key not in params:
                self.violation(ex, opkey, "request-parameter", what, f"required parameter {key!r} is missing", source)

    def check_entra(self, ex):
        own = ex.get("client") == "graphwiz"
        method = ex["method"].upper()
        ep = None
        for e in self.d.entra["endpoints"]:
            if e["method"] == method and re.match(e["path"], ex["path"]):
                ep = e
                break
        if ep is None:
            if own:
                self.violation(ex, None, "unknown-operation", "path",
                               f"{method} {ex['path']} is not a documented Entra endpoint", "entra-protocol.json")
            else:
                self.unmatched_other += 1
            return
        opkey = f"{method} {ep['id']}"
        src = f"entra-protocol.json#{ep['id']}: " + (ep.get("source") or (ep.get("response") or {}).get("source", ""))
        self.cover("entra", opkey, ex, f"entra-protocol.json#{ep['id']}")
        if own:
            self.checked_requests += 1
            if "query" in ep:
                self.check_form(ex, opkey, dict(self.query_pairs(ex)), ep["query"], src, "query")
            if "grant_types" in ep or "form" in ep:
                form = ex.get("request_body") if isinstance(ex.get("request_body"), dict) else {}
                ct = (ex.get("request_content_type") or "").lower()
                if "x-www-form-urlencoded" not in ct:
                    self.violation(ex, opkey, "request-body", "content-type",
                                   f"sent {ct!r}, the endpoint takes application/x-www-form-urlencoded", src)
                if "grant_types" in ep:
                    g = form.get("grant_type")
                    spec = ep["grant_types"].get(g)
                    if spec is None:
                        self.violation(ex, opkey, "request-parameter", "form grant_type",
                                       f"grant_type {g!r} is not one of {sorted(ep['grant_types'])}", src)
                    else:
                        self.check_form(ex, opkey, form, spec, f"entra-protocol.json#{ep['id']}: {spec['source']}")
                else:
                    self.check_form(ex, opkey, form, ep["form"], src)
        body = ex.get("response_body")
        if body is None or not self.is_json(ex, "response"):
            return
        status = ex["status"]
        if 200 <= status < 300 and ep.get("response"):
            spec = ep["response"]
            self.check_protocol_fields(ex, opkey, spec, body, "$", "response-schema", src)
            if ep["id"] == "openid-configuration" and isinstance(body, dict):
                self.check_discovery(ex, opkey, spec, body, src)
            if ep["id"] == "keys" and isinstance(body, dict) and isinstance(body.get("keys"), list):
                for i, k in enumerate(body["keys"]):
                    for key in (k if isinstance(k, dict) else {}):
                        if key not in spec["item_fields"]:
                            self.violation(ex, opkey, "response-schema", f"$.keys[{i}].{key}",
                                           f"{key!r} is not a documented key field", src)
            self.validated_answers += 1
            self.cover("entra", opkey, ex, None, answered=True)
        elif status >= 400:
            ef = self.d.entra["error_fields"]
            esrc = "entra-protocol.json#error_fields: " + ef["source"]
            self.check_protocol_fields(ex, opkey, ef, body, "$", "error-schema", esrc)
            err = body.get("error") if isinstance(body, dict) else None
            if isinstance(err, str) and ep.get("errors") and err not in ep["errors"]:
                self.violation(ex, opkey, "error-schema", "$.error",
                               f"{err!r} is not a documented error of this endpoint",
                               f"entra-protocol.json#{ep['id']}: {ep.get('errors_source', '')}")
            self.validated_answers += 1
            self.cover("entra", opkey, ex, None, answered=True)

    def check_discovery(self, ex, opkey, spec, body, src):
        hosts = self.d.entra["login_hosts"]
        iss = body.get("issuer")
        m = re.match(spec["issuer"], iss) if isinstance(iss, str) else None
        if not m or m.group("host").lower() not in hosts:
            self.violation(ex, opkey, "response-value", "$.issuer",
                           f"issuer {iss!r} is not https://{{login host}}/{{tenant GUID}}/v2.0 "
                           f"with a login host of {hosts}", src)
        # The endpoints name the host that answered: Entra's login host, or the origin the request
        # was sent to (the exchange's "origin": an emulator on loopback, the one deviation this
        # check allows). Their paths must be Entra's: /{tenant GUID}/... as in the sample document.
        tid = m.group("tid") if m and "tid" in m.groupdict() else None
        origin = (ex.get("origin") or "").lower()
        for key in spec.get("login_urls", []):
            url = body.get(key)
            if url is None:
                continue
            um = re.match(r"^(https?://([^/]+))(/.*)$", url) if isinstance(url, str) else None
            on_login = um and url.startswith("https://") and um.group(2).lower() in hosts
            asked = um and origin and um.group(1).lower() == origin
            if not (on_login or asked):
                self.violation(ex, opkey, "response-value", f"$.{key}",
                               f"{url!r} is neither an https URL on a login host nor the origin the "
                               f"request was sent to ({origin or 'unknown'})", src)
            elif tid and not um.group(3).lower().startswith(f"/{tid.lower()}/"):
                self.violation(ex, opkey, "response-value", f"$.{key}",
                               f"{url!r} does not name the tenant GUID {tid} as Entra's endpoints do", src)

    def check_genesys_login(self, ex):
        spec = self.d.glogin
        own = ex.get("client") == "graphwiz"
        opkey = "POST /oauth/token"
        src = "genesys-login.json: " + spec["source"]
        if ex["method"].upper() != "POST":
            if own:
                self.violation(ex, opkey, "method-not-declared", "method", f"{ex['method']} /oauth/token", src)
            else:
                self.unmatched_other += 1
            return
        self.cover("genesys", opkey, ex, "genesys-login.json + " +
                   self.d.genesys_label(self.d.genesys["login"]["file"]))
        if own:
            self.checked_requests += 1
            form = ex.get("request_body") if isinstance(ex.get("request_body"), dict) else {}
            g = form.get("grant_type")
            sdk_grants = self.d.genesys["login"]["grant_types"]
            if g not in spec["grant_types"] or g not in sdk_grants:
                self.violation(ex, opkey, "request-parameter", "form grant_type",
                               f"grant_type {g!r}: the SDK's login posts {sdk_grants}; "
                               f"graphwiz uses {sorted(spec['grant_types'])}", src)
            else:
                self.check_form(ex, opkey, form, spec["grant_types"][g], src)
            ct = (ex.get("request_content_type") or "").lower()
            if "x-www-form-urlencoded" not in ct:
                self.violation(ex, opkey, "request-body", "content-type",
                               f"sent {ct!r}, the SDK sends application/x-www-form-urlencoded", src)
        body = ex.get("response_body")
        if body is None or not self.is_json(ex, "response"):
            return
        if 200 <= ex["status"] < 300:
            self.check_protocol_fields(ex, opkey, {**spec["response"], "fields": [
                f for f in spec["response"]["fields"] if f not in spec["error_fields"]["fields"]]},
                body, "$", "response-schema", src)
        else:
            self.check_protocol_fields(ex, opkey, spec["error_fields"], body, "$", "error-schema", src)
        self.validated_answers += 1
        self.cover("genesys", opkey, ex, None, answered=True)

    # ==========================================================================================
    def summary(self, log_files, timings):
        stale = [g for g in self.gaps if self.gap_uses[g["id"]] == 0]
        return {
            "vendor_versions": self.d.versions,
            "log_files": [str(f) for f in log_files],
            "exchanges": self.exchanges,
            "requests_checked": self.checked_requests,
            "answers_validated": self.validated_answers,
            "unmatched_other_client": self.unmatched_other,
            "operations_covered": {s: len(c) for s, c in self.coverage.items()},
            "violations": self.violations,
            "known_gaps_used": [{"id": g["id"], "uses": self.gap_uses[g["id"]], "reason": g.get("reason")}
                                for g in self.gaps if self.gap_uses[g["id"]]],
            "known_gaps_stale": [g["id"] for g in stale],
            "suppressed": self.suppressed,
            "notes": sorted(set(self.notes)),
            "coverage": self.coverage,
            "timings": timings,
        }

    def used_definitions(self):
        """The part of the vendor extract that this log exercised (for vendor-drift.sh)."""
        g, G = self.d.genesys, self.d.graph
        gm = {k: G["models"][k] for k in sorted(self.used["graph_models"]) if k in G["models"]}
        for k in list(gm):                     # include base classes for inherited properties
            b = gm[k].get("base")
            while b and b in G["models"] and b not in gm:
                gm[b] = G["models"][b]
                b = gm[b].get("base")
        return {
            "versions": self.d.versions,
            "graph_operations": self.used["graph_ops"],
            "graph_models": {k: {"name": m["name"], "base": m.get("base"),
                                 "fields": {f: d["tref"] for f, d in m["fields"].items()}} for k, m in gm.items()},
            "graph_enums": {k: G["enums"][k]["values"] for k in sorted(self.used["graph_enums"]) if k in G["enums"]},
            "genesys_operations": {k: {x: v[x] for x in ("operation", "query", "body", "response_type", "path_params")}
                                   for k, v in self.used["genesys_ops"].items()},
            "genesys_models": {k: {f: {"type": d["type"], "enum": d["enum"]} for f, d in g["models"][k]["fields"].items()}
                               for k in sorted(self.used["genesys_models"]) if k in g["models"]},
            "genesys_login_grant_types": g["login"]["grant_types"],
        }


# ----------------------------------------------------------------------------------------------

def read_log(log: Path):
    files = sorted(log.glob("*.jsonl")) if log.is_dir() else [log]
    exchanges, problems = [], []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    ex = json.loads(line)
                    if not isinstance(ex, dict):
                        raise ValueError("not an object")
                except ValueError as e:
                    problems.append(f"{f.name}:{n}: not a JSON object ({e})")
                    continue
                ex["_ref"] = {"file": f.name, "line": n, "client": ex.get("client"),
                              "request": f"{ex.get('method')} {ex.get('path')}" + (f"?{ex['query']}" if ex.get("query") else ""),
                              "status": ex.get("status")}
                exchanges.append(ex)
    return files, exchanges, problems


def load_known_gaps(path: Path):
    if not path.exists():
        return []
    data = json.loads(path.read_text())
    entries = data.get("entries", data) if isinstance(data, dict) else data
    for g in entries:
        for k in ("id", "reason", "source"):
            if not g.get(k):
                raise SystemExit(f"{path}: entry {g!r} lacks {k!r}")
    return entries


def print_summary(s, out=sys.stdout):
    p = lambda *a: print(*a, file=out)  # noqa: E731
    v = s["vendor_versions"]
    p(f"vendor definitions: PureCloudPlatformClientV2 {v['PureCloudPlatformClientV2']}, "
      f"msgraph-sdk {v['msgraph-sdk']}, entra-protocol.json, genesys-login.json")
    p(f"exchanges: {s['exchanges']} in {len(s['log_files'])} file(s); graphwiz requests checked: "
      f"{s['requests_checked']}; answers validated: {s['answers_validated']}; "
      f"unmatched probes by other clients: {s['unmatched_other_client']}")
    oc = s["operations_covered"]
    p(f"operations covered: graph {oc['graph']}, genesys {oc['genesys']}, entra {oc['entra']}")
    for svc, ops in s["coverage"].items():
        for op, c in sorted(ops.items()):
            p(f"  {svc:8} {op}  x{c['exchanges']} (graphwiz {c['graphwiz']}, answers {c['answers_validated']}, "
              f"status {','.join(sorted(c['statuses']))})")
    for n in s["notes"]:
        p(f"note: {n}")
    for g in s["known_gaps_used"]:
        p(f"known gap used: {g['id']} x{g['uses']} ({g['reason']})")
    for g in s["known_gaps_stale"]:
        p(f"STALE known gap (matched nothing; remove it): {g}")
    for o in s.get("operations_unlisted", []):
        p(f"UNLISTED graphwiz operation (add it to tests/contracts/operations.json with the permission "
          f"the vendor documents): {o}")
    for o in s.get("operations_unexercised", []):
        p(f"UNEXERCISED operation in operations.json (no test made this request; test it or remove it): {o}")
    p(f"violations: {len(s['violations'])}")
    for x in s["violations"]:
        e = x["exchange"]
        p(f"- [{x['kind']}] {e['file']}:{e['line']} {e['client']} {e['request']} -> {e['status']}")
        p(f"    {x['where']}: {x['message']}")
        p(f"    vendor definition: {x['definition']}")
    p(f"timings: {json.dumps(s['timings'])}")


def load_registry(path: Path):
    """operations.json: every operation graphwiz's own client may call, with the permission it
    needs as the vendor documents it. A graphwiz request of an operation not listed there, or a
    listed operation no test exercised, fails the check: the list cannot silently fall behind."""
    data = json.loads(path.read_text())
    entries = data["operations"]
    for e in entries:
        for k in ("service", "operation", "purpose", "permissions", "source"):
            if k not in e:
                raise SystemExit(f"{path}: entry {e.get('operation')!r} lacks {k!r}")
    return entries


def registry_findings(checker, registry):
    """(graphwiz operations the registry lacks, registry entries no graphwiz request used)."""
    used = {(svc, op) for svc, ops in checker.coverage.items()
            for op, c in ops.items() if c["graphwiz"]}
    listed = {(e["service"], e["operation"]) for e in registry}
    unlisted = sorted(f"{s} {o}" for s, o in used - listed)
    unexercised = sorted(f"{s} {o}" for s, o in listed - used)
    return unlisted, unexercised


def run(log: Path, extract: dict | None = None, known_gaps: Path | None = None, contracts_dir: Path = HERE,
        registry: Path | None = None):
    """Check a log; returns (exit status, summary, checker). With `registry` (operations.json),
    graphwiz's operations must be exactly the listed ones."""
    t0 = time.monotonic()
    files, exchanges, problems = read_log(log) if log.exists() else ([], [], [])
    if extract is None:
        extract = vendor.load()
    t1 = time.monotonic()
    defs = Definitions(extract, contracts_dir)
    checker = Checker(defs, load_known_gaps(known_gaps or contracts_dir / "known-gaps.json"))
    for prob in problems:
        checker.violations.append({"exchange": {"file": "", "line": 0, "client": None, "request": "", "status": None},
                                   "service": None, "operation": None, "kind": "log-format", "where": "$",
                                   "message": prob, "definition": "exchange log format"})
    for ex in exchanges:
        checker.check(ex)
    t2 = time.monotonic()
    s = checker.summary(files, {"load_s": round(t1 - t0, 2), "check_s": round(t2 - t1, 2)})
    if registry is not None:
        unlisted, unexercised = registry_findings(checker, load_registry(registry))
        s["operations_unlisted"] = unlisted
        s["operations_unexercised"] = unexercised
    if not exchanges:
        return 2, s, checker
    bad = (s["violations"] or s["known_gaps_stale"] or s.get("operations_unlisted")
           or s.get("operations_unexercised"))
    return (1 if bad else 0), s, checker


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--log", required=True, help="exchange log directory (or one .jsonl file)")
    ap.add_argument("--json", help="write the summary and per-operation coverage to this file")
    ap.add_argument("--used-definitions", help="write the vendor definitions this log exercised to this file")
    ap.add_argument("--known-gaps", help="known-gaps file (default: tests/contracts/known-gaps.json)")
    ap.add_argument("--operations", default=str(HERE / "operations.json"),
                    help="the registry of graphwiz's operations (default: tests/contracts/operations.json; "
                         "'none' skips the registry check)")
    a = ap.parse_args(argv)
    log = Path(a.log)
    registry = None if a.operations == "none" else Path(a.operations)
    rc, s, checker = run(log, known_gaps=Path(a.known_gaps) if a.known_gaps else None, registry=registry)
    if rc == 2:
        print(f"contract check: no exchanges found in {log} -- nothing was checked, failing", file=sys.stderr)
    print_summary(s)
    if a.json:
        Path(a.json).write_text(json.dumps(s, indent=1))
    if a.used_definitions:
        Path(a.used_definitions).write_text(json.dumps(checker.used_definitions(), indent=1, sort_keys=True))
    return rc


if __name__ == "__main__":
    sys.exit(main())
