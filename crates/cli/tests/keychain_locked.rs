//! A locked OS keychain, end to end with no mocks: each test starts its own GNOME Keyring on its
//! own D-Bus session (own data folder and runtime folder, so the keyring the other tests use is
//! never touched), locks the login collection over D-Bus, and runs the real `graphwiz` binary
//! against the emulator on loopback. Where an unlock prompt can appear, it is the real one
//! (gcr-prompter on a private Xvfb display), answered with xdotool.
//!
//! Needs Xvfb, xdotool, dbus-daemon, dbus-send, gnome-keyring-daemon and gcr-prompter
//! (scripts/install-prereqs.sh installs them); a missing tool fails the test, it does not skip.

use graphwiz_emulator::{Emulator, Options, Scenario};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

mod common;
use common::Run;

/// The longest any step may take: a daemon starting, a prompt appearing, graphwiz finishing.
const WAIT: Duration = Duration::from_secs(20);
/// The private login keyring's password (a test fixture, not the client secret).
const KEYRING_PASSWORD: &str = "pw";
const LOGIN_COLLECTION: &str = "/org/freedesktop/secrets/collection/login";
const PROMPTER_SERVICE: &str =
    "/usr/share/dbus-1/services/org.gnome.keyring.SystemPrompter.service";

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
        .unwrap_or(false)
}

/// gcr-prompter, as the D-Bus service file names it (D-Bus activation is how gnome-keyring
/// starts it).
fn prompter() -> Option<PathBuf> {
    let service = std::fs::read_to_string(PROMPTER_SERVICE).ok()?;
    let exec = service.lines().find_map(|l| l.strip_prefix("Exec="))?;
    let path = PathBuf::from(exec.split_whitespace().next()?);
    path.is_file().then_some(path)
}

fn require(prompts: Prompts) {
    let mut tools = vec!["dbus-daemon", "dbus-send", "gnome-keyring-daemon"];
    if prompts == Prompts::Shown {
        tools.extend(["Xvfb", "xdotool"]);
    }
    let mut missing: Vec<String> = tools
        .into_iter()
        .filter(|t| !on_path(t))
        .map(String::from)
        .collect();
    if prompts == Prompts::Shown && prompter().is_none() {
        missing.push(format!("gcr-prompter (named in {PROMPTER_SERVICE})"));
    }
    assert!(
        missing.is_empty(),
        "the locked-keychain tests need {}; install them with scripts/install-prereqs.sh",
        missing.join(", ")
    );
}

/// Reads the first line a child prints, within `WAIT`.
fn first_line(out: impl Read + Send + 'static, what: &str) -> String {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(out).read_line(&mut line);
        let _ = tx.send(line);
    });
    match rx.recv_timeout(WAIT) {
        Ok(line) if !line.trim().is_empty() => line.trim().to_string(),
        Ok(_) => panic!("{what} exited without printing its address"),
        Err(_) => panic!("{what} printed nothing within {WAIT:?}"),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prompts {
    /// No display anywhere: gcr-prompter can't open a window, so every prompt is dismissed.
    Impossible,
    /// A private Xvfb display that the bus (hence gcr-prompter) and xdotool use.
    Shown,
}

/// A private desktop session: Xvfb (when prompts are shown), a D-Bus session bus and an unlocked
/// GNOME Keyring with the password `KEYRING_PASSWORD`. Dropping it kills them all.
struct Session {
    dir: tempfile::TempDir,
    bus: String,
    display: Option<String>,
    /// In start order; killed in reverse.
    children: Vec<Child>,
}

impl Session {
    fn start(prompts: Prompts) -> Session {
        require(prompts);
        let mut s = Session {
            dir: tempfile::tempdir().unwrap(),
            bus: String::new(),
            display: None,
            children: Vec::new(),
        };
        for d in ["home/.local/share", "home/.config", "home/.cache", "run"] {
            std::fs::create_dir_all(s.dir.path().join(d)).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                s.dir.path().join("run"),
                std::fs::Permissions::from_mode(0o700),
            )
            .unwrap();
        }

        if prompts == Prompts::Shown {
            // -displayfd: Xvfb picks a free display itself and prints its number when ready. Two
            // Xvfb picking at the same moment can both settle on one display, so the tests of this
            // file start theirs one at a time.
            static XVFB_START: std::sync::Mutex<()> = std::sync::Mutex::new(());
            let starting = XVFB_START.lock().unwrap_or_else(|p| p.into_inner());
            let mut xvfb = Command::new("Xvfb")
                .args(["-displayfd", "1", "-screen", "0", "1024x768x24"])
                .args(["-nolisten", "tcp"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(s.log("xvfb"))
                .spawn()
                .expect("start Xvfb");
            let out = xvfb.stdout.take().unwrap();
            s.children.push(xvfb);
            let n = first_line(out, "Xvfb");
            drop(starting);
            s.display = Some(format!(":{n}"));
        }

        let mut dbus = s
            .daemon_env(Command::new("dbus-daemon"))
            .args(["--session", "--nofork", "--print-address=1", "--nopidfile"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(s.log("dbus"))
            .spawn()
            .expect("start dbus-daemon");
        let out = dbus.stdout.take().unwrap();
        s.children.push(dbus);
        s.bus = first_line(out, "dbus-daemon");

        let mut keyring = s
            .daemon_env(Command::new("gnome-keyring-daemon"))
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &s.bus)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(s.log("keyring"))
            .spawn()
            .expect("start gnome-keyring-daemon");
        let mut stdin = keyring.stdin.take().unwrap();
        s.children.push(keyring);
        stdin.write_all(KEYRING_PASSWORD.as_bytes()).unwrap();
        drop(stdin);

        let deadline = Instant::now() + WAIT;
        while !s.secrets_owned() {
            assert!(
                Instant::now() < deadline,
                "GNOME Keyring did not take org.freedesktop.secrets within {WAIT:?}\n{}",
                s.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(!s.is_locked(), "the new login keyring is unlocked");
        s
    }

    /// The daemons' whole environment: nothing from the outer session (its bus, display, keyring
    /// control socket), HOME and XDG folders in the temporary directory. D-Bus activation starts
    /// gcr-prompter with the bus daemon's environment, so DISPLAY here decides whether a prompt
    /// can show.
    fn daemon_env(&self, mut cmd: Command) -> Command {
        let home = self.dir.path().join("home");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            // No dconf service or accessibility bus on the private bus: fewer processes to outlive it.
            .env("GSETTINGS_BACKEND", "memory")
            .env("NO_AT_BRIDGE", "1");
        if let Some(d) = &self.display {
            cmd.env("DISPLAY", d);
        }
        cmd
    }

    fn log(&self, name: &str) -> std::fs::File {
        std::fs::File::create(self.dir.path().join(format!("{name}.log"))).unwrap()
    }

    /// What the daemons wrote, for failure messages.
    fn logs(&self) -> String {
        ["xvfb", "dbus", "keyring"]
            .iter()
            .filter_map(|n| {
                let text =
                    std::fs::read_to_string(self.dir.path().join(format!("{n}.log"))).ok()?;
                Some(format!("--- {n}.log ---\n{text}"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The environment of every graphwiz run: this session's bus and display (empty when no
    /// prompt can show).
    fn env(&self) -> [(&'static str, &str); 2] {
        [
            ("DBUS_SESSION_BUS_ADDRESS", self.bus.as_str()),
            ("DISPLAY", self.display.as_deref().unwrap_or("")),
        ]
    }

    fn dbus_send(&self, args: &[&str]) -> std::process::Output {
        Command::new("dbus-send")
            .args(["--session", "--print-reply", "--reply-timeout=5000"])
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .stdin(Stdio::null())
            .output()
            .expect("run dbus-send")
    }

    fn secrets_owned(&self) -> bool {
        let out = self.dbus_send(&[
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.secrets",
        ]);
        String::from_utf8_lossy(&out.stdout).contains("boolean true")
    }

    fn is_locked(&self) -> bool {
        let out = self.dbus_send(&[
            "--dest=org.freedesktop.secrets",
            LOGIN_COLLECTION,
            "org.freedesktop.DBus.Properties.Get",
            "string:org.freedesktop.Secret.Collection",
            "string:Locked",
        ]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("boolean"),
            "reading the login collection's Locked property: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text.contains("boolean true")
    }

    /// Locks the login collection (no prompt is needed to lock).
    fn lock(&self) {
        let collections = format!("array:objpath:{LOGIN_COLLECTION}");
        let out = self.dbus_send(&[
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            &collections,
        ]);
        assert!(
            out.status.success(),
            "Lock failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(self.is_locked(), "the login collection is locked now");
    }

    fn xdotool(&self, args: &[&str], stdin: Option<&str>) -> std::process::Output {
        let display = self.display.as_deref().expect("a session with a display");
        let mut child = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", display)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run xdotool");
        if let Some(input) = stdin {
            let mut pipe = child.stdin.take().unwrap();
            pipe.write_all(input.as_bytes()).unwrap();
        }
        child.wait_with_output().expect("xdotool ran")
    }

    /// Waits until gcr-prompter shows its window, failing when `run` ends first or the window
    /// does not come within `WAIT`.
    fn wait_for_prompt(&self, run: &mut Background) {
        let deadline = Instant::now() + WAIT;
        loop {
            let found = self.xdotool(
                &["search", "--onlyvisible", "--class", "gcr-prompter"],
                None,
            );
            if found.status.success() && !found.stdout.is_empty() {
                // The window is mapped; give the prompter a moment to take the keyboard grab.
                std::thread::sleep(Duration::from_millis(300));
                return;
            }
            if run.finished() {
                let r = run.wait(WAIT);
                panic!(
                    "graphwiz ended (exit {}) before an unlock prompt appeared\nstdout:\n{}\nstderr:\n{}\n{}",
                    r.code,
                    r.stdout,
                    r.stderr,
                    self.logs()
                );
            }
            assert!(
                Instant::now() < deadline,
                "no unlock prompt (gcr-prompter window) within {WAIT:?}\n{}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// graphwiz running in the background (it may wait on an unlock prompt); killed when dropped.
struct Background {
    child: Option<Child>,
    readers: Vec<JoinHandle<String>>,
}

fn reader(out: impl Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = BufReader::new(out).read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// Starts graphwiz as `common::graphwiz_in` does, without waiting for it.
fn start_graphwiz(
    home: &Path,
    args: &[&str],
    stdin: Option<&str>,
    env: &[(&str, &str)],
) -> Background {
    let mut child = common::start(common::command(home, args, env), stdin);
    let readers = vec![
        reader(child.stdout.take().unwrap()),
        reader(child.stderr.take().unwrap()),
    ];
    Background {
        child: Some(child),
        readers,
    }
}

impl Background {
    fn finished(&mut self) -> bool {
        let child = self.child.as_mut().expect("still running");
        child.try_wait().expect("poll graphwiz").is_some()
    }

    /// Waits for graphwiz to end; kills it and fails when it takes longer than `timeout`.
    fn wait(&mut self, timeout: Duration) -> Run {
        let mut child = self.child.take().expect("waited once");
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = child.try_wait().expect("poll graphwiz") {
                break Some(status);
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut texts = self.readers.drain(..).map(|h| h.join().unwrap_or_default());
        let stdout = texts.next().unwrap_or_default();
        let stderr = texts.next().unwrap_or_default();
        let Some(status) = status else {
            panic!("graphwiz did not finish within {timeout:?} (killed)\nstdout:\n{stdout}\nstderr:\n{stderr}");
        };
        Run {
            code: status.code().unwrap_or(-1),
            stdout,
            stderr,
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn add_profile(s: &Session, home: &Path, name: &str, emu: &Emulator) -> Run {
    let c = emu.demo();
    let url = emu.base_url();
    common::graphwiz_in(
        home,
        &add_args(name, &c.tenant_domain, &c.client_id, &url),
        Some(&format!("{}\n", c.client_secret)),
        &s.env(),
    )
}

fn add_args<'a>(name: &'a str, tenant: &'a str, client_id: &'a str, url: &'a str) -> Vec<&'a str> {
    vec![
        "profile",
        "add",
        name,
        "--tenant",
        tenant,
        "--client-id",
        client_id,
        "--login-url",
        url,
        "--graph-url",
        url,
        "--secret-stdin",
    ]
}

/// Every file of the data folder, by name, with its bytes.
fn snapshot(home: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(home)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Exit 3, the keychain named as locked, how to unlock it, and no secret.
fn assert_says_locked(run: &Run, secret: &str) {
    assert_eq!(
        run.code, 3,
        "environment error\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    let err = &run.stderr;
    assert!(
        err.contains("the OS keychain is locked, or the request to unlock it was declined"),
        "{err}"
    );
    assert!(
        err.contains("\"Unlock Login Keyring\"")
            && err.contains("Passwords and Keys (Seahorse)")
            && err.contains("choose Unlock")
            && err.contains("run the command again"),
        "says how to unlock: {err}"
    );
    assert!(
        !err.contains("Start and unlock a Secret Service"),
        "not the 'no keychain' hint: {err}"
    );
    assert!(
        !err.contains(secret) && !run.stdout.contains(secret),
        "the secret is never printed"
    );
}

#[test]
fn locked_keychain_without_a_prompt_gives_exit_3_and_writes_nothing() {
    let s = Session::start(Prompts::Impossible);
    let home = tempfile::tempdir().unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let c = emu.demo();
    let url = emu.base_url();

    let added = add_profile(&s, home.path(), "locked-a", &emu);
    assert_eq!(added.code, 0, "added while unlocked: {}", added.stderr);
    s.lock();
    let before = snapshot(home.path());
    assert!(before.contains_key("profiles.json"));

    let check = start_graphwiz(
        home.path(),
        &["check", "--profile", "locked-a"],
        None,
        &s.env(),
    )
    .wait(WAIT);
    assert_says_locked(&check, &c.client_secret);
    assert_eq!(
        snapshot(home.path()),
        before,
        "a refused check changes no file"
    );

    let second = start_graphwiz(
        home.path(),
        &add_args("locked-b", &c.tenant_domain, &c.client_id, &url),
        Some(&format!("{}\n", c.client_secret)),
        &s.env(),
    )
    .wait(WAIT);
    assert_says_locked(&second, &c.client_secret);
    assert_eq!(
        snapshot(home.path()),
        before,
        "a refused profile add writes nothing"
    );
    let list = common::graphwiz_in(home.path(), &["profile", "list"], None, &s.env());
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(
        list.stdout.contains("locked-a") && !list.stdout.contains("locked-b"),
        "{}",
        list.stdout
    );
    assert!(s.is_locked(), "nothing unlocked the keyring");
}

#[test]
fn declined_unlock_prompt_gives_exit_3_and_changes_nothing() {
    let s = Session::start(Prompts::Shown);
    let home = tempfile::tempdir().unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let secret = emu.demo().client_secret;

    let added = add_profile(&s, home.path(), "declined", &emu);
    assert_eq!(added.code, 0, "added while unlocked: {}", added.stderr);
    s.lock();
    let before = snapshot(home.path());

    let mut check = start_graphwiz(
        home.path(),
        &["check", "--profile", "declined"],
        None,
        &s.env(),
    );
    s.wait_for_prompt(&mut check);
    let esc = s.xdotool(&["key", "Escape"], None);
    assert!(
        esc.status.success(),
        "{}",
        String::from_utf8_lossy(&esc.stderr)
    );
    let run = check.wait(WAIT);
    assert_says_locked(&run, &secret);
    assert_eq!(snapshot(home.path()), before, "nothing changed");
    assert!(s.is_locked(), "declining left the keyring locked");
}

#[test]
fn accepted_unlock_prompt_lets_the_check_run() {
    let s = Session::start(Prompts::Shown);
    let home = tempfile::tempdir().unwrap();
    let emu = Emulator::spawn_thread(Options::scenario(Scenario::Healthy)).unwrap();
    let secret = emu.demo().client_secret;

    let added = add_profile(&s, home.path(), "accepted", &emu);
    assert_eq!(added.code, 0, "added while unlocked: {}", added.stderr);
    s.lock();

    let mut check = start_graphwiz(
        home.path(),
        &["check", "--profile", "accepted", "--json"],
        None,
        &s.env(),
    );
    s.wait_for_prompt(&mut check);
    // The keyring password goes in through xdotool's stdin, like every secret here.
    let typed = s.xdotool(
        &["type", "--delay", "20", "--file", "-"],
        Some(KEYRING_PASSWORD),
    );
    assert!(
        typed.status.success(),
        "{}",
        String::from_utf8_lossy(&typed.stderr)
    );
    let ret = s.xdotool(&["key", "Return"], None);
    assert!(
        ret.status.success(),
        "{}",
        String::from_utf8_lossy(&ret.stderr)
    );
    let run = check.wait(WAIT);
    assert_eq!(run.code, 0, "the check ran after unlocking: {}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    assert_eq!(report["ok"], true, "{report:#}");
    assert!(!run.stdout.contains(&secret) && !run.stderr.contains(&secret));
    assert!(!s.is_locked(), "the prompt unlocked the login keyring");

    // Unlocked stays unlocked: the next run needs no prompt.
    let again = start_graphwiz(
        home.path(),
        &["check", "--profile", "accepted"],
        None,
        &s.env(),
    )
    .wait(WAIT);
    assert_eq!(again.code, 0, "{}", again.stderr);
}
