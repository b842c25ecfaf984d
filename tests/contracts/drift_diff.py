"""Compares two 'used definitions' extracts written by check.py --used-definitions (pinned vs
newest vendor packages) and prints what changed among the operations, models and enums that the
exchange log exercised.  Exit 0 always (drift is information, not a failure)."""
import json
import sys


def diff_maps(title, a: dict, b: dict, out: list, detail):
    for k in sorted(set(a) - set(b)):
        out.append(f"{title} removed: {k}")
    for k in sorted(set(b) - set(a)):
        out.append(f"{title} added: {k}")
    for k in sorted(set(a) & set(b)):
        if a[k] != b[k]:
            detail(k, a[k], b[k], out)


def fields_detail(kind):
    def d(name, old, new, out):
        if isinstance(old, dict) and isinstance(new, dict) and kind in ("model",):
            o, n = old.get("fields", old), new.get("fields", new)
            for f in sorted(set(o) - set(n)):
                out.append(f"model {name}: field removed: {f}")
            for f in sorted(set(n) - set(o)):
                out.append(f"model {name}: field added: {f}")
            for f in sorted(set(o) & set(n)):
                if o[f] != n[f]:
                    out.append(f"model {name}: field {f} changed: {json.dumps(o[f])} -> {json.dumps(n[f])}")
        elif isinstance(old, list) and isinstance(new, list):
            rm, add = sorted(set(old) - set(new)), sorted(set(new) - set(old))
            out.append(f"enum {name}: removed {rm} added {add}")
        else:
            for key in sorted(set(old) | set(new)):
                if old.get(key) != new.get(key):
                    out.append(f"operation {name}: {key}: {json.dumps(old.get(key))} -> {json.dumps(new.get(key))}")
    return d


def main(a_path, b_path):
    a, b = json.load(open(a_path)), json.load(open(b_path))
    out = []
    print(f"pinned: {a['versions']}\nnewest: {b['versions']}")
    diff_maps("graph operation", a["graph_operations"], b["graph_operations"], out, fields_detail("op"))
    diff_maps("graph model", a["graph_models"], b["graph_models"], out, fields_detail("model"))
    diff_maps("graph enum", a["graph_enums"], b["graph_enums"], out, fields_detail("enum"))
    diff_maps("genesys operation", a["genesys_operations"], b["genesys_operations"], out, fields_detail("op"))
    diff_maps("genesys model", a["genesys_models"], b["genesys_models"], out, fields_detail("model"))
    for m, fields in a["genesys_models"].items():      # enum value changes inside Genesys models
        for f, d in fields.items():
            nd = b["genesys_models"].get(m, {}).get(f)
            if nd and d.get("enum") != nd.get("enum") and d.get("type") == nd.get("type"):
                out.append(f"genesys model {m}.{f}: enum {d.get('enum')} -> {nd.get('enum')}")
    if a["genesys_login_grant_types"] != b["genesys_login_grant_types"]:
        out.append(f"genesys login grant types: {a['genesys_login_grant_types']} -> {b['genesys_login_grant_types']}")
    print("\n".join(dict.fromkeys(out)) if out else "no change in the definitions this log uses")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
