"""Strict comparison of a raw Genesys Cloud answer with the SDK model it is deserialized into.

PureCloudPlatformClientV2 is lenient when it deserializes: an enum value outside a field's
allowed values becomes the string "outdated_sdk_version", a primitive of the wrong JSON type is
coerced (`str(5)`) or passed through, a JSON array or string where an object belongs becomes an
empty model, and unknown fields are dropped. So after each call this module walks the raw JSON
together with the SDK's object and reports:
  problems  wrong JSON type, enum value the SDK does not allow, unparseable date-time, wrong model
  unknown   JSON fields the SDK's model does not have (reported, not failed: the API may be newer)
"""

import datetime
import re

import PureCloudPlatformClientV2
from PureCloudPlatformClientV2 import models

OUTDATED = "outdated_sdk_version"


def _model_class(name):
    return getattr(models, name, None)


def compare(raw, typ, obj, path="$"):
    """Returns (problems, unknown) for `raw` JSON deserialized as swagger type `typ` into `obj`."""
    problems, unknown = [], []
    _walk(raw, typ, obj, path, problems, unknown)
    return problems, unknown


def _walk(raw, typ, obj, path, problems, unknown):
    if raw is None:
        return
    m = re.match(r"list\[(.*)\]$", typ)
    if m:
        if not isinstance(raw, list):
            problems.append("%s: expected a JSON array (%s), got %s" % (path, typ, _kind(raw)))
            return
        objs = obj if isinstance(obj, list) and len(obj) == len(raw) else [None] * len(raw)
        for i, (r, o) in enumerate(zip(raw, objs)):
            _walk(r, m.group(1), o, "%s[%d]" % (path, i), problems, unknown)
        return
    m = re.match(r"dict\(([^,]*), (.*)\)$", typ)
    if m:
        if not isinstance(raw, dict):
            problems.append("%s: expected a JSON object (%s), got %s" % (path, typ, _kind(raw)))
            return
        for k, r in raw.items():
            o = obj.get(k) if isinstance(obj, dict) else None
            _walk(r, m.group(2), o, "%s.%s" % (path, k), problems, unknown)
        return
    if typ == "str":
        if not isinstance(raw, str):
            problems.append("%s: expected a string, got %s %r" % (path, _kind(raw), raw))
        return
    if typ == "int":
        if isinstance(raw, bool) or not isinstance(raw, int):
            problems.append("%s: expected an integer, got %s %r" % (path, _kind(raw), raw))
        return
    if typ == "float":
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            problems.append("%s: expected a number, got %s %r" % (path, _kind(raw), raw))
        return
    if typ == "bool":
        if not isinstance(raw, bool):
            problems.append("%s: expected true/false, got %s %r" % (path, _kind(raw), raw))
        return
    if typ in ("datetime", "date", "LocalDateTime"):
        if not isinstance(raw, str):
            problems.append("%s: expected an ISO-8601 string, got %s %r" % (path, _kind(raw), raw))
            return
        try:
            datetime.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            problems.append("%s: not an ISO-8601 %s: %r" % (path, typ, raw))
        return
    if typ == "object":
        return
    klass = _model_class(typ)
    if klass is None:
        return  # a type this walker does not know; the SDK's own deserializer judged it
    if not isinstance(raw, dict):
        problems.append("%s: expected a JSON object (%s), got %s" % (path, typ, _kind(raw)))
        return
    if obj is not None and not isinstance(obj, klass):
        problems.append("%s: the SDK made a %s, not a %s" % (path, type(obj).__name__, typ))
        obj = None
    proto = klass()
    by_json = {j: a for a, j in proto.attribute_map.items()}
    for key, r in raw.items():
        attr = by_json.get(key)
        if attr is None:
            unknown.append("%s.%s (%s)" % (path, key, typ))
            continue
        o = getattr(obj, attr, None) if obj is not None else None
        if isinstance(r, str) and o == OUTDATED and r != OUTDATED:
            problems.append("%s.%s: value %r is not one the SDK allows (%s.%s)" % (path, key, r, typ, attr))
            continue
        _walk(r, proto.swagger_types[attr], o, "%s.%s" % (path, key), problems, unknown)


def outdated_in_request(body):
    """Paths in a request model whose setter refused a value (it stores "outdated_sdk_version")."""
    out = []

    def walk(v, path):
        if v == OUTDATED:
            out.append(path)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(x, "%s.%s" % (path, k))
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, "%s[%d]" % (path, i))

    walk(PureCloudPlatformClientV2.ApiClient().sanitize_for_serialization(body), "$")
    return out


def _kind(v):
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__
