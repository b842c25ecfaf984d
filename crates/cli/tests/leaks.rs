//! Leak test with a canary secret: a unique client secret (`cny8Q~…`) is registered in the
//! emulator as tenant 0's app secret, then the whole CLI flow runs with it against the real OS
//! keychain (Secret Service; scripts/test-all.sh provides one): profile add, check, live-test,
//! expiry, reminders, export, import into a second data folder, check --all, a failing run and
//! bad-input runs. Afterwards every output, every file under the temporary folder (both
//! GRAPHWIZ_HOMEs, profiles.json and its .bak, the lock, the export, the calendar, any core dump —
//! children run with core dumps enabled and the temp folder as working directory) is searched for
//! the canary, raw, URL-encoded, base64-encoded at every alignment, and as any 10-character piece.
//! The canary must be found exactly where it belongs: in the Secret Service.

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use graphwiz_emulator::model::Secret;
use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const MAILBOX: &str = "support@contoso-demo.onmicrosoft.com";

struct Run {
    label: String,
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs graphwiz in `cwd` with core dumps allowed (a crash would leave `core` there).
fn graphwiz(
    label: &str,
    cwd: &Path,
    home: &Path,
    args: &[&str],
    stdin: Option<&str>,
    env: &[(&str, &str)],
) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -c unlimited 2>/dev/null; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_graphwiz"))
        .args(args)
        .current_dir(cwd)
        .env("GRAPHWIZ_HOME", home)
        .env_remove("GRAPHWIZ_CLIENT_SECRET")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start graphwiz");
    if let Some(input) = stdin {
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    }
    let out = child.wait_with_output().expect("graphwiz ran");
    Run {
        label: label.to_string(),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh canary shaped like an Entra client secret: 40 characters, `cny8Q~` + 34 random.
fn canary() -> String {
    let random = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    // Mixed case, like a real secret value.
    let tail: String = random
        .chars()
        .take(34)
        .enumerate()
        .map(|(i, c)| {
            if i % 3 == 0 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect();
    format!("cny8Q~{tail}")
}

/// Every form in which the canary could leak.
fn needles(canary: &str) -> Vec<(String, String)> {
    let mut out = vec![(canary.to_string(), "raw".to_string())];
    let form: String = url_encode(canary);
    out.push((form.clone(), "URL-encoded".into()));
    out.push((form.to_ascii_lowercase(), "URL-encoded (lower case)".into()));
    // base64 at each of the three alignments: the characters that depend only on the canary.
    for offset in 0..3 {
        let mut bytes = vec![b'x'; offset];
        bytes.extend_from_slice(canary.as_bytes());
        for (engine, name) in [
            (&STANDARD_NO_PAD, "base64"),
            (&URL_SAFE_NO_PAD, "base64url"),
        ] {
            let enc = engine.encode(&bytes);
            let inner = enc[4..enc.len() - 4].to_string();
            out.push((inner, format!("{name} at offset {offset}")));
        }
    }
    // Any 10-character piece (the 3-character hint is shown by design, 10 is never needed).
    let chars: Vec<char> = canary.chars().collect();
    for w in chars.windows(10) {
        out.push((w.iter().collect(), "a 10-character piece".into()));
    }
    out
}

/// `application/x-www-form-urlencoded` as a form body carries it (`~` becomes `%7E`).
fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where in `hay` a needle occurs: `(needle kind)`.
fn leaks(hay: &[u8], needles: &[(String, String)]) -> Option<String> {
    let text = String::from_utf8_lossy(hay);
    needles
        .iter()
        .find(|(n, _)| text.contains(n.as_str()))
        .map(|(n, kind)| format!("{kind} ('{n}')"))
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn secret_tool_lookup(account: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "graphwiz", "username", account])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: not JSON ({e}): {}\n{}",
            run.label, run.stdout, run.stderr
        )
    })
}

/// Keeps the run for the scan after checking its exit status; returns its stdout.
fn expect(runs: &mut Vec<Run>, run: Run, code: i32) -> String {
    assert_eq!(
        run.code, code,
        "{}: exit {}\n{}\n{}",
        run.label, run.code, run.stdout, run.stderr
    );
    let out = run.stdout.clone();
    runs.push(run);
    out
}

#[test]
fn scanner_finds_planted_canaries() {
    // The scan must be able to fail: plant each form and find it.
    let c = canary();
    let n = needles(&c);
    assert!(leaks(format!("x{c}y").as_bytes(), &n).is_some());
    assert!(leaks(url_encode(&c).as_bytes(), &n).is_some());
    for offset in 0..3 {
        let mut blob = vec![b'#'; offset];
        blob.extend_from_slice(c.as_bytes());
        blob.extend_from_slice(b"trailing");
        let b64 = STANDARD_NO_PAD.encode(&blob);
        assert!(leaks(b64.as_bytes(), &n).is_some(), "offset {offset}");
    }
    assert!(leaks(&c.as_bytes()[3..15], &n).is_some(), "a piece");
    assert!(
        leaks(b"hint cny8Q only", &n).is_none(),
        "the hint alone is fine"
    );
}

#[test]
fn canary_secret_never_leaves_the_keychain() {
    let secret = canary();
    // The app reads its own grants, so User.Read settles without an administrator and the
    // export can be "validated" (with a live test).
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::DirectoryReads)).unwrap();
    emu.update_directory(|d| {
        let app = &mut d.tenants[0].apps[0];
        let old = app.password_credentials[0].clone();
        app.password_credentials[0] =
            Secret::new(&old.key_id, &old.display_name, &secret, old.start, old.end);
    });
    let c = emu.demo();
    let url = emu.base_url();
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home-a");
    let other = root.path().join("home-b");
    let cwd = root.path();
    let name = format!("leak-{}", std::process::id());
    let ics = root.path().join("reminders.ics");
    let export = root.path().join("export.graphwiz.json");
    let (ics_s, export_s) = (ics.to_str().unwrap(), export.to_str().unwrap());
    let stdin_secret = format!("{secret}\n");
    let mut runs: Vec<Run> = Vec::new();

    // 1. Profile with the secret on stdin.
    expect(
        &mut runs,
        graphwiz(
            "profile add",
            cwd,
            &home,
            &[
                "profile",
                "add",
                &name,
                "--tenant",
                &c.tenant_domain,
                "--client-id",
                &c.client_id,
                "--login-url",
                &url,
                "--graph-url",
                &url,
                "--mailbox",
                MAILBOX,
                "--secret-stdin",
            ],
            Some(&stdin_secret),
            &[],
        ),
        0,
    );
    let shown = expect(
        &mut runs,
        graphwiz(
            "profile show",
            cwd,
            &home,
            &["profile", "show", &name, "--json"],
            None,
            &[],
        ),
        0,
    );
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["secret_in_keychain"], true);
    assert_eq!(shown["secret_hint"], "cny");
    let account = format!("{name}/{}", shown["secret_ref"].as_str().unwrap());
    // The control: the canary is where it belongs, so the scans below can tell.
    assert_eq!(
        secret_tool_lookup(&account).as_deref(),
        Some(secret.as_str()),
        "the Secret Service holds the canary"
    );

    // 2. Checks, live test, expiry, reminders, export.
    expect(
        &mut runs,
        graphwiz(
            "check",
            cwd,
            &home,
            &["check", "--profile", &name],
            None,
            &[],
        ),
        0,
    );
    let checked = expect(
        &mut runs,
        graphwiz(
            "check --json",
            cwd,
            &home,
            &["check", "--profile", &name, "--json"],
            None,
            &[],
        ),
        0,
    );
    assert_eq!(serde_json::from_str::<Value>(&checked).unwrap()["ok"], true);
    expect(
        &mut runs,
        graphwiz(
            "live-test",
            cwd,
            &home,
            &["live-test", "--profile", &name, "--timeout", "30"],
            None,
            &[],
        ),
        0,
    );
    expect(
        &mut runs,
        graphwiz("expiry", cwd, &home, &["expiry"], None, &[]),
        0,
    );
    expect(
        &mut runs,
        graphwiz(
            "expiry --json",
            cwd,
            &home,
            &["expiry", "--json"],
            None,
            &[],
        ),
        0,
    );
    expect(
        &mut runs,
        graphwiz(
            "reminders",
            cwd,
            &home,
            &["reminders", "--ics", ics_s],
            None,
            &[],
        ),
        0,
    );
    expect(
        &mut runs,
        graphwiz(
            "export",
            cwd,
            &home,
            &["export", "--profile", &name, "--out", export_s],
            None,
            &[],
        ),
        0,
    );
    expect(
        &mut runs,
        graphwiz("profile list", cwd, &home, &["profile", "list"], None, &[]),
        0,
    );

    // 3. Import into a second data folder, the secret in the environment.
    expect(
        &mut runs,
        graphwiz(
            "import",
            cwd,
            &other,
            &["import", export_s],
            None,
            &[("GRAPHWIZ_CLIENT_SECRET", &secret)],
        ),
        0,
    );
    let shown_b = expect(
        &mut runs,
        graphwiz(
            "profile show (b)",
            cwd,
            &other,
            &["profile", "show", &name, "--json"],
            None,
            &[],
        ),
        0,
    );
    let account_b = format!(
        "{name}/{}",
        serde_json::from_str::<Value>(&shown_b).unwrap()["secret_ref"]
            .as_str()
            .unwrap()
    );
    assert_eq!(
        secret_tool_lookup(&account_b).as_deref(),
        Some(secret.as_str())
    );
    for (label, h) in [("check --all (a)", &home), ("check --all (b)", &other)] {
        let out = expect(
            &mut runs,
            graphwiz(label, cwd, h, &["check", "--all", "--json"], None, &[]),
            0,
        );
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap()[0]["ok"], true);
    }

    // 4. A failing run (a tenant that does not exist) with the secret, in text and JSON.
    for json_flag in [false, true] {
        let mut args = vec![
            "check",
            "--tenant",
            "nowhere-tenant.onmicrosoft.com",
            "--client-id",
            &c.client_id,
            "--login-url",
            &url,
            "--graph-url",
            &url,
            "--secret-stdin",
        ];
        if json_flag {
            args.push("--json");
        }
        let run = graphwiz("failing check", cwd, &home, &args, Some(&stdin_secret), &[]);
        if json_flag {
            assert_eq!(json(&run)["checks"][0]["status"], "fail");
        }
        expect(&mut runs, run, 1);
    }
    // The right tenant, but the secret of another app: rejected by the token endpoint.
    let wrong = format!("{}x", &secret[..secret.len() - 1]);
    expect(
        &mut runs,
        graphwiz(
            "wrong secret",
            cwd,
            &home,
            &[
                "check",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--login-url",
                &url,
                "--graph-url",
                &url,
                "--json",
            ],
            None,
            &[("GRAPHWIZ_CLIENT_SECRET", &wrong)],
        ),
        1,
    );

    // 5. Bad input, each with the canary on stdin: refused before anything is sent.
    let bad: [(&str, Vec<&str>, String); 4] = [
        (
            "bad tenant",
            vec![
                "check",
                "--tenant",
                "not a tenant!",
                "--client-id",
                &c.client_id,
                "--secret-stdin",
            ],
            stdin_secret.clone(),
        ),
        (
            "bad mailbox",
            vec![
                "profile",
                "add",
                "other-name",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--mailbox",
                "not-an-address",
                "--secret-stdin",
            ],
            stdin_secret.clone(),
        ),
        (
            "whitespace inside the secret",
            vec![
                "check",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--secret-stdin",
            ],
            format!("{} {}\n", &secret[..20], &secret[20..]),
        ),
        (
            "bad profile name",
            vec![
                "profile",
                "add",
                "bad/name",
                "--tenant",
                &c.tenant_id,
                "--client-id",
                &c.client_id,
                "--secret-stdin",
            ],
            stdin_secret.clone(),
        ),
    ];
    for (label, args, input) in bad {
        expect(
            &mut runs,
            graphwiz(label, cwd, &home, &args, Some(&input), &[]),
            2,
        );
    }

    // 6. Scan every output and every file.
    let needles = needles(&secret);
    for run in &runs {
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            if let Some(kind) = leaks(text.as_bytes(), &needles) {
                panic!(
                    "the canary leaked into the {stream} of '{}' as {kind}:\n{text}",
                    run.label
                );
            }
        }
    }
    let mut files = Vec::new();
    files_under(root.path(), &mut files);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(root.path()).unwrap().display().to_string())
        .collect();
    for want in [
        "home-a/profiles.json",
        "home-a/profiles.json.bak",
        "home-a/profiles.lock",
        "home-b/profiles.json",
        "reminders.ics",
        "export.graphwiz.json",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} was written: {names:?}"
        );
    }
    let cores: Vec<&String> = names
        .iter()
        .filter(|n| {
            let f = n.rsplit('/').next().unwrap_or(n);
            f == "core" || f.starts_with("core.")
        })
        .collect();
    for (path, name) in files.iter().zip(&names) {
        assert!(
            leaks(name.as_bytes(), &needles).is_none(),
            "the canary is in a file name: {name}"
        );
        let bytes = std::fs::read(path).unwrap();
        if let Some(kind) = leaks(&bytes, &needles) {
            panic!("the canary leaked into {name} as {kind}");
        }
    }
    assert!(
        cores.is_empty(),
        "graphwiz crashed and left core dumps: {cores:?}"
    );
    assert!(runs.len() >= 20, "{} runs", runs.len());

    // Clean up the keychain entries (and prove removal works with the canary too).
    for h in [&home, &other] {
        expect(
            &mut runs,
            graphwiz(
                "profile remove",
                cwd,
                h,
                &["profile", "remove", &name],
                None,
                &[],
            ),
            0,
        );
    }
    assert_eq!(secret_tool_lookup(&account), None);
    assert_eq!(secret_tool_lookup(&account_b), None);
}
