//! Shell lock-down: the web view's powers, resolved from `tauri.conf.json` (CSP, global API,
//! security settings) and every `capabilities/*.json` (windows, remote URLs, permissions expanded
//! through the ACL manifests `tauri-build` generates into `gen/schemas/acl-manifests.json` down to
//! the commands they allow), compared with the committed snapshot `tests/lockdown.snapshot.json`.
//!
//! The test fails when anything differs: a widening (an added permission, command, scope, window,
//! webview, remote URL, CSP source, a CSP directive removed, a security setting changed) needs a
//! security review; a narrowing only needs the snapshot updated. To review and accept a change:
//!
//! ```sh
//! GRAPHWIZ_UPDATE_LOCKDOWN=1 cargo test -p graphwiz-app --test lockdown
//! git diff src-tauri/tests/lockdown.snapshot.json
//! ```
//!
//! Independently of the snapshot, the rules of the lock-down hold: no shell plugin, no file
//! system permissions, no remote URLs, no plugin permissions at all (the shell uses dialogs,
//! clipboard, notifications, the store and autostart from Rust), a CSP without `'unsafe-inline'`
//! or `'unsafe-eval'` whose `connect-src` is only the IPC channel.

use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const UPDATE_ENV: &str = "GRAPHWIZ_UPDATE_LOCKDOWN";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// CSP directives and their sources.
fn parse_csp(csp: &str) -> BTreeMap<String, BTreeSet<String>> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace();
            let name = parts.next().unwrap_or_default().to_ascii_lowercase();
            (name, parts.map(str::to_string).collect())
        })
        .collect()
}

/// Expands one permission identifier (as a capability names it) into `allow <plugin>:<command>`,
/// `deny <plugin>:<command>` and `scope <plugin>:<permission>` entries.
fn resolve(
    manifests: &Value,
    id: &str,
    context_plugin: Option<&str>,
    out: &mut BTreeSet<String>,
    depth: u32,
) {
    assert!(depth < 16, "permission sets nest too deep at {id}");
    let (plugin, name) = match id.rsplit_once(':') {
        Some((p, n)) => (p.to_string(), n.to_string()),
        None => (
            context_plugin.unwrap_or("__app-acl__").to_string(),
            id.to_string(),
        ),
    };
    let Some(m) = manifests.get(&plugin) else {
        panic!("permission {id}: no ACL manifest for '{plugin}' (gen/schemas/acl-manifests.json)");
    };
    let label = if plugin == "__app-acl__" {
        "app".to_string()
    } else {
        plugin.clone()
    };
    if name == "default" {
        let Some(list) = m["default_permission"]["permissions"].as_array() else {
            panic!("permission {id}: '{plugin}' has no default set");
        };
        for p in list.iter().filter_map(Value::as_str) {
            resolve(manifests, p, Some(&plugin), out, depth + 1);
        }
        return;
    }
    if let Some(set) = m["permission_sets"].get(&name) {
        for p in set["permissions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            resolve(manifests, p, Some(&plugin), out, depth + 1);
        }
        return;
    }
    let Some(perm) = m["permissions"].get(&name) else {
        panic!("permission {id}: unknown in '{plugin}'");
    };
    for (kind, key) in [("allow", "allow"), ("deny", "deny")] {
        for c in perm["commands"][key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            out.insert(format!("{kind} {label}:{c}"));
        }
    }
    if perm.get("scope").is_some_and(|s| !s.is_null()) {
        out.insert(format!("scope {label}:{name} {}", perm["scope"]));
    }
}

fn sorted_strings(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .into_iter()
        .flatten()
        .map(|x| match x.as_str() {
            Some(s) => s.to_string(),
            None => x.to_string(),
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The resolved configuration, in the snapshot's shape.
fn current() -> Value {
    let conf = read_json(&root().join("tauri.conf.json"));
    let manifests = read_json(&root().join("gen/schemas/acl-manifests.json"));
    let security = conf["app"]["security"].clone();
    let csp = security["csp"]
        .as_str()
        .expect("app.security.csp is a string");
    let mut other_security = security.as_object().cloned().unwrap_or_default();
    other_security.remove("csp");
    let mut caps = Map::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("capabilities"))
        .expect("capabilities/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let c = read_json(&f);
        let id = c["identifier"].as_str().expect("identifier").to_string();
        let mut resolved = BTreeSet::new();
        for p in c["permissions"].as_array().into_iter().flatten() {
            let pid = match p {
                Value::String(s) => s.clone(),
                other => other["identifier"]
                    .as_str()
                    .expect("permission identifier")
                    .to_string(),
            };
            resolve(&manifests, &pid, None, &mut resolved, 0);
            if let Value::Object(o) = p {
                for k in ["allow", "deny"] {
                    if let Some(scope) = o.get(k) {
                        resolved.insert(format!("scope {pid} {k} {scope}"));
                    }
                }
            }
        }
        caps.insert(
            id,
            json!({
                "file": f.file_name().map(|n| n.to_string_lossy().into_owned()),
                "windows": sorted_strings(&c["windows"]),
                "webviews": sorted_strings(&c["webviews"]),
                "remote_urls": sorted_strings(&c["remote"]["urls"]),
                "local": c.get("local").and_then(Value::as_bool).unwrap_or(true),
                "platforms": sorted_strings(&c["platforms"]),
                "permissions": sorted_strings(&c["permissions"]),
                "resolved": resolved.into_iter().collect::<Vec<_>>(),
            }),
        );
    }
    json!({
        "csp": parse_csp(csp),
        "with_global_tauri": conf["app"]["withGlobalTauri"].as_bool().unwrap_or(false),
        "security": other_security,
        "plugins_config": conf["plugins"].clone(),
        "capabilities": caps,
    })
}

/// Differences between the snapshot and now: (widened, narrowed).
fn diff(path: &str, old: &Value, new: &Value, wide: &mut Vec<String>, narrow: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    Some(vb) => diff(&format!("{path}.{k}"), va, vb, wide, narrow),
                    // A CSP directive gone falls back to default-src: wider. Elsewhere a removed
                    // entry (a capability) is narrower.
                    None if path == "csp" => wide.push(format!("{path}.{k} removed")),
                    None => narrow.push(format!("{path}.{k} removed")),
                }
            }
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                wide.push(format!("{path}.{k} added: {}", b[k]));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for x in b.iter().filter(|x| !a.contains(x)) {
                wide.push(format!("{path}: added {x}"));
            }
            for x in a.iter().filter(|x| !b.contains(x)) {
                narrow.push(format!("{path}: removed {x}"));
            }
        }
        (a, b) if a != b => wide.push(format!("{path}: {a} → {b}")),
        _ => {}
    }
}

#[test]
fn capabilities_and_csp_match_the_reviewed_snapshot() {
    let snap_path = root().join("tests/lockdown.snapshot.json");
    let now = current();
    if std::env::var_os(UPDATE_ENV).is_some_and(|v| !v.is_empty()) {
        let text = serde_json::to_string_pretty(&now).expect("json") + "\n";
        std::fs::write(&snap_path, text).expect("write the snapshot");
        eprintln!("lockdown snapshot written: {}", snap_path.display());
        return;
    }
    let how = format!(
        "Review the change, then update the snapshot:\n  {UPDATE_ENV}=1 cargo test -p graphwiz-app --test lockdown\n  git diff {}",
        snap_path.display()
    );
    let Ok(text) = std::fs::read_to_string(&snap_path) else {
        panic!("no snapshot at {}.\n{how}", snap_path.display());
    };
    let snap: Value = serde_json::from_str(&text).expect("snapshot is JSON");
    let (mut wide, mut narrow) = (Vec::new(), Vec::new());
    diff("", &snap, &now, &mut wide, &mut narrow);
    let wide: Vec<String> = wide
        .into_iter()
        .map(|w| w.trim_start_matches('.').to_string())
        .collect();
    let narrow: Vec<String> = narrow
        .into_iter()
        .map(|w| w.trim_start_matches('.').to_string())
        .collect();
    assert!(
        wide.is_empty(),
        "the web view's powers WIDENED (needs a security review):\n  {}\n{how}",
        wide.join("\n  ")
    );
    assert!(
        narrow.is_empty(),
        "the web view's powers narrowed; the snapshot is stale:\n  {}\n{how}",
        narrow.join("\n  ")
    );
}

#[test]
fn lockdown_rules_hold() {
    let now = current();
    let csp = &now["csp"];
    let all_sources: Vec<&str> = csp
        .as_object()
        .expect("csp")
        .values()
        .flat_map(|v| v.as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    for bad in [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "*",
        "data:",
        "http:",
        "https:",
    ] {
        let allowed_data_img = bad == "data:";
        let hits: Vec<&str> = all_sources
            .iter()
            .copied()
            .filter(|s| s.eq_ignore_ascii_case(bad))
            .collect();
        if allowed_data_img {
            // data: only for images (the logo is an SVG file; data: URLs for inline icons).
            let outside_img = csp.as_object().expect("csp").iter().any(|(k, v)| {
                k != "img-src" && v.as_array().is_some_and(|a| a.contains(&json!(bad)))
            });
            assert!(!outside_img, "CSP allows data: outside img-src");
        } else {
            assert!(hits.is_empty(), "CSP allows {bad}");
        }
    }
    let connect: BTreeSet<&str> = csp["connect-src"]
        .as_array()
        .expect("connect-src is set")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        connect,
        BTreeSet::from(["ipc:", "http://ipc.localhost"]),
        "connect-src must be the IPC channel only"
    );
    for d in [
        "default-src",
        "script-src",
        "object-src",
        "base-uri",
        "frame-ancestors",
    ] {
        assert!(csp.get(d).is_some(), "CSP lacks {d}");
    }
    assert_eq!(csp["object-src"], json!(["'none'"]));
    let security = now["security"].as_object().expect("security");
    for flag in [
        "dangerousDisableAssetCspModification",
        "dangerousRemoteDomainIpcAccess",
    ] {
        assert!(
            security.get(flag).is_none_or(|v| v == &json!(false)),
            "security.{flag} is set"
        );
    }
    assert!(
        security.get("assetProtocol").is_none(),
        "the asset protocol is not used"
    );
    let caps = now["capabilities"].as_object().expect("capabilities");
    assert!(!caps.is_empty());
    for (id, c) in caps {
        assert_eq!(
            c["remote_urls"],
            json!([]),
            "capability {id} opens the IPC to remote URLs"
        );
        assert_eq!(c["local"], json!(true), "capability {id}");
        assert_eq!(c["windows"], json!(["main"]), "capability {id}");
        for p in c["permissions"].as_array().into_iter().flatten() {
            let p = p.as_str().unwrap_or_default();
            assert!(
                !p.starts_with("shell:") && !p.starts_with("fs:") && !p.starts_with("http:"),
                "capability {id} grants {p}"
            );
            // Only the app's own commands and core events: every plugin is driven from Rust.
            assert!(
                !p.contains(':') || p.starts_with("core:event:"),
                "capability {id} grants the plugin permission {p}"
            );
        }
        for r in c["resolved"].as_array().into_iter().flatten() {
            let r = r.as_str().unwrap_or_default();
            assert!(
                r.starts_with("allow app:") || r.starts_with("allow core:event:"),
                "capability {id} resolves to {r}"
            );
        }
    }
    // No shell or fs plugin at all.
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    for plugin in ["tauri-plugin-shell", "tauri-plugin-fs", "tauri-plugin-http"] {
        assert!(!cargo.contains(plugin), "{plugin} is a dependency");
    }
    let plugins = now["plugins_config"].as_object();
    assert!(
        plugins.is_none_or(|p| !p.contains_key("shell") && !p.contains_key("fs")),
        "tauri.conf.json configures shell or fs"
    );
}

#[test]
fn every_command_is_allowed_exactly_once() {
    // build.rs lists the commands; the capability allows each (a command nobody may call is
    // dead, a permission without a command would be a typo).
    let build = std::fs::read_to_string(root().join("build.rs")).expect("build.rs");
    let start = build.find("const COMMANDS").expect("COMMANDS in build.rs");
    let end = start + build[start..].find("];").expect("end of COMMANDS");
    let commands: BTreeSet<String> = build[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let now = current();
    let allowed: BTreeSet<String> = now["capabilities"]
        .as_object()
        .expect("capabilities")
        .values()
        .flat_map(|c| c["resolved"].as_array().cloned().unwrap_or_default())
        .filter_map(|v| v.as_str().map(str::to_string))
        .filter_map(|r| r.strip_prefix("allow app:").map(str::to_string))
        .collect();
    assert_eq!(commands, allowed);
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).expect("lib.rs");
    for c in &commands {
        assert!(
            lib.contains(&format!("commands::{c},")),
            "{c} is not in generate_handler!"
        );
    }
}
