//! Harness for the end-to-end tests of the graphwiz desktop app.
//!
//! Each [`App`] starts its own `tauri-driver` on free ports, in its own process group, with its
//! own `HOME`, `XDG_*` folders and `GRAPHWIZ_HOME` (so keychain entries, profiles, the wizard's
//! state and WebKit's storage never collide), and opens a WebDriver session whose capabilities
//! name the built app (`alwaysMatch` + `tauri:options.application`). Tests select elements by
//! their `data-testid` and assert on visible text. Screenshots go to
//! `${CARGO_TARGET_DIR:-<repo>/target}/e2e-screenshots/`.
//!
//! Environment:
//! * `GRAPHWIZ_APP`: absolute path of the built app (default: `<target>/debug/graphwiz-app`).
//! * `TAURI_DRIVER`: the tauri-driver binary (default: `tauri-driver` on the PATH, then
//!   `~/.cargo/bin/tauri-driver`).
//! * `DISPLAY` (an X server such as Xvfb) and `DBUS_SESSION_BUS_ADDRESS` (a session with an
//!   unlocked Secret Service) are inherited by the app.
//!
//! The app writes exports and calendar files into [`App::export_dir`] instead of showing a save
//! dialog: the harness sets `GRAPHWIZ_E2E_EXPORT_DIR`, the app's test-only switch; "Import config
//! file" reads [`Home::import_file`] (`GRAPHWIZ_E2E_IMPORT_FILE`) instead of an open dialog.
//!
//! For the reminder tests, [`PrivateBus`] runs a D-Bus session bus of its own (no service
//! activation, so nothing starts a notification server or keyring behind the test's back), and
//! [`Home::direct`] starts the app without WebDriver (e.g. `--hidden`, as at login). The output of
//! tauri-driver, WebKitWebDriver and the app goes to `run/driver.log` in the [`Home`] (scanned by
//! the leak test).
//!
//! [`App::axe`] runs axe-core (the npm package pinned by `tests/e2e/package.json`, installed into
//! `tests/e2e/node_modules` by `npm ci` in scripts/install-prereqs.sh; `GRAPHWIZ_AXE` names
//! another `axe.min.js`) inside the app's web view: its source goes in through WebDriver's
//! execute, which the page's CSP (no inline scripts) does not govern.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Result type of the harness and the tests.
pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Default time to wait for something to show up.
pub const WAIT: Duration = Duration::from_secs(20);

/// The repository's target folder (or `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
    }
}

/// Where screenshots are written.
pub fn screenshot_dir() -> PathBuf {
    target_dir().join("e2e-screenshots")
}

fn app_path() -> Result<PathBuf> {
    let p = match std::env::var_os("GRAPHWIZ_APP").filter(|v| !v.is_empty()) {
        Some(p) => PathBuf::from(p),
        None => target_dir().join("debug/graphwiz-app"),
    };
    let p = std::fs::canonicalize(&p)
        .map_err(|e| format!("the app is not built at {} ({e}); build it with cargo build -p graphwiz-app or set GRAPHWIZ_APP", p.display()))?;
    Ok(p)
}

fn driver_path() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER").filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    let on_path = std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join("tauri-driver"))
                .find(|p| p.is_file())
        })
        .unwrap_or_default();
    on_path.unwrap_or_else(|| {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .unwrap_or_default();
        home.join("bin/tauri-driver")
    })
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Where `axe.min.js` is read from: `GRAPHWIZ_AXE`, else `tests/e2e/node_modules/axe-core/`.
pub fn axe_path() -> PathBuf {
    match std::env::var_os("GRAPHWIZ_AXE").filter(|v| !v.is_empty()) {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js"),
    }
}

/// One rule axe-core found broken on the page, with the elements that break it.
#[derive(Debug, Clone)]
pub struct AxeViolation {
    /// The rule's id (`color-contrast`, `button-name`, …).
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    /// What the rule asks for.
    pub help: String,
    /// Deque's page on the rule.
    pub help_url: String,
    /// One CSS selector per offending element, with axe's summary of what is wrong with it.
    pub nodes: Vec<(String, String)>,
}

impl AxeViolation {
    /// True for the impacts a test fails on: `serious` and `critical`.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

impl std::fmt::Display for AxeViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "[{}] {}: {} ({})",
            self.impact, self.id, self.help, self.help_url
        )?;
        for (target, summary) in &self.nodes {
            let summary = summary.replace('\n', " ");
            writeln!(f, "    {target}  — {summary}")?;
        }
        Ok(())
    }
}

/// Private folders of one app run; keep it to start the app again on the same state.
pub struct Home {
    dir: TempDir,
}

impl Home {
    /// New, empty folders.
    pub fn new() -> Result<Self> {
        let dir = tempfile::Builder::new().prefix("graphwiz-e2e-").tempdir()?;
        for sub in [
            "home/.config",
            "home/.local/share",
            "home/.cache",
            "home/.local/state",
            "graphwiz",
            "exports",
            "run",
        ] {
            std::fs::create_dir_all(dir.path().join(sub))?;
        }
        Ok(Home { dir })
    }

    /// The folder of exported files.
    pub fn export_dir(&self) -> PathBuf {
        self.dir.path().join("exports")
    }

    /// The file "Import config file" reads (`GRAPHWIZ_E2E_IMPORT_FILE`): a test puts one there.
    pub fn import_file(&self) -> PathBuf {
        self.dir.path().join("import.graphwiz.json")
    }

    /// `GRAPHWIZ_HOME` of the app.
    pub fn graphwiz_home(&self) -> PathBuf {
        self.dir.path().join("graphwiz")
    }

    /// The root of every private folder (HOME, XDG folders, GRAPHWIZ_HOME, exports, logs).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The app's `HOME`.
    pub fn home_dir(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// Sets HOME, XDG folders, GRAPHWIZ_HOME, the export folder and English on `cmd`.
    fn apply_env(&self, cmd: &mut Command) {
        let h = self.home_dir();
        cmd.env("HOME", &h)
            .env("XDG_CONFIG_HOME", h.join(".config"))
            .env("XDG_DATA_HOME", h.join(".local/share"))
            .env("XDG_CACHE_HOME", h.join(".cache"))
            .env("XDG_STATE_HOME", h.join(".local/state"))
            .env("GRAPHWIZ_HOME", self.graphwiz_home())
            .env("GRAPHWIZ_E2E_EXPORT_DIR", self.export_dir())
            .env("GRAPHWIZ_E2E_IMPORT_FILE", self.import_file())
            .env("LANG", "en_US.UTF-8")
            .env("LANGUAGE", "en_US:en")
            .env("NO_AT_BRIDGE", "1");
    }

    /// Starts the app directly (no WebDriver) with `args`, in its own process group, its output
    /// appended to `run/<label>.log`; `env` is added (e.g. a private bus address).
    pub fn direct(&self, label: &str, args: &[&str], env: &[(&str, &str)]) -> Result<Direct> {
        let log_path = self.dir.path().join("run").join(format!("{label}.log"));
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)?;
        let mut cmd = Command::new(app_path()?);
        cmd.args(args);
        self.apply_env(&mut cmd);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log))
            .process_group(0);
        let child = cmd.spawn()?;
        Ok(Direct {
            child: Some(child),
            log: log_path,
        })
    }
}

/// The app started without WebDriver; ended (with its process group) when dropped.
pub struct Direct {
    child: Option<Child>,
    /// Its stdout and stderr.
    pub log: PathBuf,
}

impl Direct {
    /// Waits until its output contains `want` `times` times; returns the output.
    pub async fn wait_log(&self, want: &str, times: usize, within: Duration) -> Result<String> {
        let started = Instant::now();
        loop {
            let text = std::fs::read_to_string(&self.log).unwrap_or_default();
            if text.matches(want).count() >= times {
                return Ok(text);
            }
            if started.elapsed() > within {
                return Err(format!(
                    "the app did not log \"{want}\" within {} s; its output:\n{text}",
                    within.as_secs()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Ends it (its whole process group).
    pub fn stop(&mut self) {
        kill_group(&mut self.child);
    }
}

impl Drop for Direct {
    fn drop(&mut self) {
        kill_group(&mut self.child);
    }
}

/// A D-Bus session bus of the test's own, without service activation: only what the test
/// starts on it answers (no notification server, no keyring unless started).
pub struct PrivateBus {
    daemon: Option<Child>,
    extra: Vec<Child>,
    _dir: TempDir,
    /// `DBUS_SESSION_BUS_ADDRESS` of the bus.
    pub address: String,
}

impl PrivateBus {
    /// Starts `dbus-daemon` with a minimal session configuration.
    pub fn start() -> Result<PrivateBus> {
        let dir = tempfile::Builder::new().prefix("graphwiz-bus-").tempdir()?;
        let conf = dir.path().join("session.conf");
        std::fs::write(
            &conf,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.path().display()
            ),
        )?;
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", conf.display()))
            .args(["--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("could not start dbus-daemon (package dbus): {e}"))?;
        let out = daemon.stdout.take().ok_or("dbus-daemon has no stdout")?;
        let mut line = String::new();
        BufReader::new(out).read_line(&mut line)?;
        let address = line.trim().to_string();
        if address.is_empty() {
            let _ = daemon.kill();
            return Err("dbus-daemon printed no address".into());
        }
        Ok(PrivateBus {
            daemon: Some(daemon),
            extra: Vec::new(),
            _dir: dir,
            address,
        })
    }

    /// Runs `program` on this bus for as long as the bus lives; its output goes to `log`.
    pub fn spawn(&mut self, program: &str, args: &[&str], log: &Path) -> Result<()> {
        let out = std::fs::File::create(log)?;
        let child = Command::new(program)
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .stdin(Stdio::null())
            .stdout(Stdio::from(out.try_clone()?))
            .stderr(Stdio::from(out))
            .process_group(0)
            .spawn()
            .map_err(|e| format!("could not start {program}: {e}"))?;
        self.extra.push(child);
        Ok(())
    }

    /// Waits until `name` has an owner on this bus.
    pub async fn wait_name(&self, name: &str, within: Duration) -> Result<()> {
        let started = Instant::now();
        loop {
            let out = Command::new("dbus-send")
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .args([
                    "--session",
                    "--dest=org.freedesktop.DBus",
                    "--type=method_call",
                    "--print-reply",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    &format!("string:{name}"),
                ])
                .output()?;
            if String::from_utf8_lossy(&out.stdout).contains("boolean true") {
                return Ok(());
            }
            if started.elapsed() > within {
                return Err(format!("{name} got no owner on the private bus").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        for c in self.extra.drain(..) {
            kill_group(&mut Some(c));
        }
        kill_group(&mut self.daemon);
    }
}

/// The running app and its WebDriver session.
pub struct App {
    /// The WebDriver client.
    pub client: Client,
    driver: Option<Child>,
    /// Private folders.
    pub home: Home,
    name: String,
    shots: u32,
}

impl App {
    /// Starts the app with new private folders.
    pub async fn launch(name: &str) -> Result<App> {
        App::launch_in(name, Home::new()?).await
    }

    /// Starts the app on existing folders (e.g. to see that state survives a restart).
    pub async fn launch_in(name: &str, home: Home) -> Result<App> {
        App::launch_with(name, home, &[]).await
    }

    /// Starts the app on existing folders with extra environment variables (passed through
    /// tauri-driver and WebKitWebDriver to the app), e.g. `DBUS_SESSION_BUS_ADDRESS` of a
    /// [`PrivateBus`] or `GRAPHWIZ_E2E_LOOPBACK_URL`.
    pub async fn launch_with(name: &str, home: Home, env: &[(&str, &str)]) -> Result<App> {
        let app = app_path()?;
        let port = free_port()?;
        let native_port = free_port()?;
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(home.dir.path().join("run/driver.log"))?;
        let mut cmd = Command::new(driver_path());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ]);
        home.apply_env(&mut cmd);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log))
            // Its own process group: the app and WebKitWebDriver are ended with it.
            .process_group(0);
        let driver = cmd.spawn().map_err(|e| {
            format!(
                "could not start tauri-driver ({}): {e}",
                driver_path().display()
            )
        })?;
        let mut me_driver = Some(driver);
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(15) {
                kill_group(&mut me_driver);
                return Err("tauri-driver did not listen within 15 s".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app.display().to_string() }),
        );
        // tauri-driver can take the connection a moment before it answers: a session request
        // that got no answer at all is retried.
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(
                    fantoccini::error::NewSessionError::Lost(_)
                    | fantoccini::error::NewSessionError::Failed(_)
                    | fantoccini::error::NewSessionError::FailedC(_),
                ) if attempt < 4 => {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => {
                    kill_group(&mut me_driver);
                    return Err(format!("could not open a WebDriver session: {e}").into());
                }
            }
        };
        let app = App {
            client,
            driver: me_driver,
            home,
            name: name.to_string(),
            shots: 0,
        };
        app.wait_visible("app-version").await?;
        Ok(app)
    }

    /// Ends the session (the app quits) and the driver; returns the private folders.
    pub async fn close(mut self) -> Result<Home> {
        let client = self.client.clone();
        let _ = client.close().await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        kill_group(&mut self.driver);
        let home = std::mem::replace(&mut self.home, Home::new()?);
        Ok(home)
    }

    /// Calls an app command the way the UI does (`window.__TAURI__.core.invoke`) and returns
    /// what the web view receives: `{"ok": value}` or `{"err": error}`.
    pub async fn invoke(&self, cmd: &str, args: serde_json::Value) -> Result<serde_json::Value> {
        let script = "const [cmd, args, done] = arguments; window.__TAURI__.core.invoke(cmd, args).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: e }));";
        Ok(self
            .client
            .execute_async(script, vec![serde_json::Value::String(cmd.into()), args])
            .await?)
    }

    /// Runs axe-core on the whole page as it is now (every rule axe runs by default: WCAG 2.x A
    /// and AA, best practices) and returns its violations. axe's source is injected through
    /// WebDriver the first time (and again after a reload).
    pub async fn axe(&self) -> Result<Vec<AxeViolation>> {
        let loaded = self
            .client
            .execute(
                "return typeof window.axe === 'object' && typeof window.axe.run === 'function';",
                vec![],
            )
            .await?;
        if loaded != serde_json::Value::Bool(true) {
            let path = axe_path();
            let src = std::fs::read_to_string(&path).map_err(|e| {
                format!(
                    "axe-core is not installed at {} ({e}): run `npm ci` in tests/e2e (scripts/install-prereqs.sh does) or set GRAPHWIZ_AXE",
                    path.display()
                )
            })?;
            let ok = self
                .client
                .execute(
                    &format!("{src}\n;return typeof window.axe === 'object' && typeof window.axe.run === 'function';"),
                    vec![],
                )
                .await?;
            if ok != serde_json::Value::Bool(true) {
                return Err(
                    format!("{}: axe-core did not load into the web view", self.name).into(),
                );
            }
        }
        let script = r#"
const done = arguments[arguments.length - 1];
window.axe
  .run(document, { resultTypes: ["violations"] })
  .then(
    (r) => done({ ok: r.violations.map((v) => ({
      id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => [n.target.map(String).join(" >>> "), n.failureSummary || ""]),
    })) }),
    (e) => done({ err: String((e && e.stack) || e) }),
  );
"#;
        let out = self.client.execute_async(script, vec![]).await?;
        if let Some(err) = out.get("err") {
            return Err(format!("{}: axe.run failed: {err}", self.name).into());
        }
        let list = out
            .get("ok")
            .and_then(|v| v.as_array())
            .ok_or_else(|| format!("{}: axe.run returned {out}", self.name))?;
        let text = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
        Ok(list
            .iter()
            .map(|v| AxeViolation {
                id: text(v, "id"),
                impact: text(v, "impact"),
                help: text(v, "help"),
                help_url: text(v, "helpUrl"),
                nodes: v["nodes"]
                    .as_array()
                    .map(|ns| {
                        ns.iter()
                            .map(|n| {
                                let part = |i: usize| n[i].as_str().unwrap_or_default().to_string();
                                (part(0), part(1))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect())
    }

    /// Presses Tab (Shift+Tab with `back`) as a keyboard would, wherever the focus is.
    pub async fn tab(&self, back: bool) -> Result<()> {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        use fantoccini::key::Key;
        let mut keys = KeyActions::new("keyboard".into());
        if back {
            keys = keys.then(KeyAction::Down {
                value: Key::Shift.into(),
            });
        }
        keys = keys
            .then(KeyAction::Down {
                value: Key::Tab.into(),
            })
            .then(KeyAction::Up {
                value: Key::Tab.into(),
            });
        if back {
            keys = keys.then(KeyAction::Up {
                value: Key::Shift.into(),
            });
        }
        self.client.perform_actions(keys).await?;
        Ok(())
    }

    /// Scrolls the element with this `data-testid` into the middle of the view (for a
    /// screenshot of it).
    pub async fn show(&self, testid: &str) -> Result<()> {
        let e = self.el(testid).await?;
        self.center(&e).await;
        Ok(())
    }

    /// The element with this `data-testid`.
    pub async fn el(&self, testid: &str) -> Result<Element> {
        Ok(self.client.find(Locator::Css(&css(testid))).await?)
    }

    /// Every element matching a CSS selector.
    pub async fn all(&self, selector: &str) -> Result<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(selector)).await?)
    }

    /// Waits until the element with this `data-testid` is displayed.
    pub async fn wait_visible(&self, testid: &str) -> Result<Element> {
        self.wait_selector(&css(testid)).await
    }

    /// Waits until an element matching `selector` is displayed.
    pub async fn wait_selector(&self, selector: &str) -> Result<Element> {
        let started = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(selector)).await {
                if e.is_displayed().await.unwrap_or(false) {
                    return Ok(e);
                }
            }
            if started.elapsed() > WAIT {
                return Err(format!(
                    "{}: {selector} did not show up within {} s",
                    self.name,
                    WAIT.as_secs()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the visible text of the element with this `data-testid` contains `want`;
    /// returns the text.
    pub async fn wait_text(&self, testid: &str, want: &str) -> Result<String> {
        self.wait_selector_text(&css(testid), want).await
    }

    /// Waits until the visible text of the element matching `selector` contains `want`.
    pub async fn wait_selector_text(&self, selector: &str, want: &str) -> Result<String> {
        let started = Instant::now();
        let mut last = String::new();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(selector)).await {
                if let Ok(text) = e.text().await {
                    if text.contains(want) {
                        return Ok(text);
                    }
                    last = text;
                }
            }
            if started.elapsed() > WAIT {
                return Err(format!(
                    "{}: {selector} did not show \"{want}\" within {} s; it showed: \"{last}\"",
                    self.name,
                    WAIT.as_secs()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element matching `selector` has attribute `name` equal to `value`.
    pub async fn wait_attr(&self, selector: &str, name: &str, value: &str) -> Result<()> {
        let started = Instant::now();
        let mut last = None;
        loop {
            if let Ok(e) = self.client.find(Locator::Css(selector)).await {
                last = e.attr(name).await.ok().flatten();
                if last.as_deref() == Some(value) {
                    return Ok(());
                }
            }
            if started.elapsed() > WAIT {
                return Err(format!(
                    "{}: {selector} [{name}] is {last:?}, not \"{value}\"",
                    self.name
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until no network wait is shown (the progress bar is hidden).
    pub async fn wait_idle(&self) -> Result<()> {
        let started = Instant::now();
        loop {
            let busy = match self.el("busy").await {
                Ok(e) => e.is_displayed().await.unwrap_or(false),
                Err(_) => false,
            };
            if !busy {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(60) {
                return Err(format!("{}: still busy after 60 s", self.name).into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element with this `data-testid` once it is displayed and enabled.
    pub async fn click(&self, testid: &str) -> Result<()> {
        self.click_selector(&css(testid)).await
    }

    /// Clicks the element matching `selector` once it is displayed and enabled.
    pub async fn click_selector(&self, selector: &str) -> Result<()> {
        let started = Instant::now();
        loop {
            let e = self.wait_selector(selector).await?;
            if e.is_enabled().await.unwrap_or(false) {
                self.center(&e).await;
                return match e.click().await {
                    Ok(()) => Ok(()),
                    Err(err) => {
                        let shot = self.failure_shot("click").await;
                        Err(format!(
                            "{}: clicking {selector} failed: {err} (screenshot {shot})",
                            self.name
                        )
                        .into())
                    }
                };
            }
            if started.elapsed() > WAIT {
                return Err(format!("{}: {selector} stayed disabled", self.name).into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Replaces the text of an input.
    pub async fn type_into(&self, testid: &str, text: &str) -> Result<()> {
        let e = self.wait_visible(testid).await?;
        self.center(&e).await;
        if let Err(err) = e.clear().await {
            let shot = self.failure_shot("clear").await;
            return Err(format!(
                "{}: clearing {testid} failed: {err} (screenshot {shot})",
                self.name
            )
            .into());
        }
        if let Err(err) = e.send_keys(text).await {
            let shot = self.failure_shot("type").await;
            return Err(format!(
                "{}: typing into {testid} failed: {err} (screenshot {shot})",
                self.name
            )
            .into());
        }
        Ok(())
    }

    /// Picks an option of a `<select>` by its value, as a user would; when WebKit reports the
    /// native option list as covered, the value is set and `change` dispatched instead.
    pub async fn select(&self, testid: &str, value: &str) -> Result<()> {
        let e = self.wait_visible(testid).await?;
        self.center(&e).await;
        if e.select_by_value(value).await.is_ok() {
            return Ok(());
        }
        let arg = serde_json::to_value(&e)?;
        self.client
            .execute(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
                vec![arg, serde_json::Value::String(value.to_string())],
            )
            .await?;
        Ok(())
    }

    /// The `value` property of an input.
    pub async fn value(&self, testid: &str) -> Result<String> {
        Ok(self
            .el(testid)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Scrolls an element to the middle of the view, clear of the sticky step navigation.
    async fn center(&self, e: &Element) {
        if let Ok(arg) = serde_json::to_value(e) {
            let _ = self
                .client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
                    vec![arg],
                )
                .await;
        }
    }

    async fn failure_shot(&self, what: &str) -> String {
        let dir = screenshot_dir();
        let path = dir.join(format!("{}-failed-{what}.png", self.name));
        match self.client.screenshot().await {
            Ok(png)
                if std::fs::create_dir_all(&dir).is_ok() && std::fs::write(&path, &png).is_ok() =>
            {
                path.display().to_string()
            }
            _ => "not taken".to_string(),
        }
    }

    /// Scrolls the step back to its top (for a screenshot of the whole step).
    pub async fn scroll_top(&self) -> Result<()> {
        self.client
            .execute("document.getElementById('main').scrollTop = 0;", vec![])
            .await?;
        Ok(())
    }

    /// Writes a screenshot `<test>-<nn>-<label>.png`; returns its path.
    pub async fn screenshot(&mut self, label: &str) -> Result<PathBuf> {
        // A screenshot right after a DOM change can show an older frame.
        tokio::time::sleep(Duration::from_millis(500)).await;
        self.shots += 1;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{}-{:02}-{label}.png", self.name, self.shots));
        let png = self.client.screenshot().await?;
        std::fs::write(&path, png)?;
        Ok(path)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        kill_group(&mut self.driver);
    }
}

fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

/// Ends tauri-driver's process group (tauri-driver, WebKitWebDriver and the app).
fn kill_group(driver: &mut Option<Child>) {
    if let Some(mut child) = driver.take() {
        let pgid = child.id();
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{pgid}")])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pgid}")])
            .stderr(Stdio::null())
            .status();
        let _ = child.wait();
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a UNIX time (UTC).
pub fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Seconds since 1970-01-01 UTC.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Noon (UTC) `days` calendar days after today (UTC): with `TZ=UTC` the app counts exactly
/// `days` days left.
pub fn noon_in_days(days: i64) -> String {
    rfc3339((unix_now().div_euclid(86_400) + days) * 86_400 + 12 * 3600)
}

/// Writes `profiles.json` (the core's format, version 1) with one saved profile whose secret
/// expires at `expiry`; no keychain entry is needed for reminders.
pub fn write_profile(home: &Home, name: &str, tenant: &str, expiry: &str) -> Result<()> {
    let file = serde_json::json!({
        "version": 1,
        "profiles": [{
            "name": name,
            "cloud": "global",
            "tenant": tenant,
            "client_id": "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10",
            "mailboxes": [format!("support@{tenant}")],
            "secret_ref": "0123456789abcdef0123456789abcdef",
            "secret_hint": "abc",
            "secret_expiry": expiry,
        }]
    });
    std::fs::write(
        home.graphwiz_home().join("profiles.json"),
        serde_json::to_string_pretty(&file)?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_825_600), "2000-02-29T12:00:00Z");
        assert_eq!(rfc3339(1_803_686_400), "2027-02-27T00:00:00Z");
        assert!(noon_in_days(7).ends_with("T12:00:00Z"));
    }
}
