//! Profiles: one per integration (tenant + app), shared by the CLI and the desktop app.
//!
//! Everything but the secret lives in `profiles.json` in the app-data folder (the desktop app's
//! own: `<data dir>/app.graphwiz.desktop`, or `GRAPHWIZ_HOME`). Writes are atomic (temp file,
//! flush, rename) under a lock file, and keep the previous version as `profiles.json.bak`. A
//! damaged file or one from a newer graphwiz is reported and never overwritten.

use crate::i18n::{args, msg_arg, Lang, Msg};
use crate::microsoft::cloud::Cloud;
use crate::report::{LiveTestSummary, Report};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Format version written by this graphwiz.
pub const FORMAT_VERSION: u32 = 1;
/// File name in the data folder.
pub const FILE_NAME: &str = "profiles.json";
/// The desktop app's identifier; its data folder is `<OS data dir>/<identifier>`.
pub const APP_IDENTIFIER: &str = "app.graphwiz.desktop";
/// Environment variable that replaces the data folder (tests, portable use).
pub const HOME_ENV: &str = "GRAPHWIZ_HOME";
pub use crate::validate::FIELD_NAME;

/// The last check of a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastCheck {
    /// When it ran.
    pub at: DateTime<Utc>,
    /// What it found.
    pub report: Report,
    /// What it ran on ([`Profile::basis`]); once the profile's differs, it proves nothing
    /// (`None`: recorded before graphwiz kept it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// One integration: tenant + app registration + mailboxes. Never the secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Unique name chosen by the admin.
    pub name: String,
    /// The Microsoft cloud.
    #[serde(default)]
    pub cloud: Cloud,
    /// Tenant as entered (GUID or domain).
    pub tenant: String,
    /// Resolved tenant GUID, once known.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// Application (client) ID.
    pub client_id: String,
    /// Mailboxes the integration serves.
    #[serde(default)]
    pub mailboxes: Vec<String>,
    /// Login base-URL override (demo, tests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_url: Option<String>,
    /// Graph base-URL override (demo, tests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph_url: Option<String>,
    /// Random id that names the keychain entry together with the profile name.
    pub secret_ref: String,
    /// First three characters of the secret, as the Azure portal shows them.
    #[serde(default)]
    pub secret_hint: Option<String>,
    /// The secret's expiry, when known.
    #[serde(default)]
    pub secret_expiry: Option<DateTime<Utc>>,
    /// The last check.
    #[serde(default)]
    pub last_check: Option<LastCheck>,
    /// The last live send/receive test.
    #[serde(default)]
    pub last_live_test: Option<LiveTestSummary>,
    /// The Genesys Cloud side, when set: region and OAuth client (its secret in the keychain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genesys: Option<GenesysPart>,
}

/// A profile's Genesys Cloud part: the organization's region and an OAuth client (client
/// credentials grant). Never the secret: that is in the OS keychain under `secret_ref`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenesysPart {
    /// The region's name, e.g. `eu_central_1`.
    pub region: String,
    /// The OAuth client's Client ID.
    pub client_id: String,
    /// Random id that names the keychain entry of the OAuth client's secret.
    pub secret_ref: String,
    /// Login base-URL override (demo, tests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_url: Option<String>,
    /// API base-URL override (demo, tests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
}

impl Profile {
    /// The calendar entry of this profile's secret, when its expiry is known.
    pub fn calendar_entry(
        &self,
        stamp: DateTime<Utc>,
    ) -> Option<crate::microsoft::expiry::CalendarEntry> {
        Some(crate::microsoft::expiry::CalendarEntry {
            profile: self.name.clone(),
            tenant: self.tenant.clone(),
            app: self.name.clone(),
            client_id: self.client_id.clone(),
            key_id: None,
            secret_hint: self.secret_hint.clone(),
            expires: self.secret_expiry?,
            stamp,
        })
    }

    /// Keeps a check's result: the resolved tenant GUID and the report.
    pub fn record_check(&mut self, report: &Report, at: DateTime<Utc>) {
        if let Some(tid) = &report.tenant_id {
            self.tenant_id = Some(tid.clone());
        }
        if let Some(e) = report.secret_expires {
            self.secret_expiry = Some(e);
        }
        let basis = self.basis();
        let mut report = report.clone();
        // An administrator's reading settled User.Read (Delegated); the app's own token cannot
        // read it again. For the same app the settled verdict stands for the next runs.
        let settled = self
            .last_check
            .as_ref()
            // (Consent belongs to the app, not to its secret: the same tenant and app suffice.)
            .filter(|l| {
                let app = |b: &str| b.split('|').take(2).collect::<Vec<_>>().join("|");
                l.basis.as_deref().map(app) == Some(app(&basis))
            })
            .and_then(|l| {
                l.report.checks.iter().find(|c| {
                    c.id == "perm_user_read"
                        && c.message_id.as_deref() == Some("admin-user-read-pass")
                })
            })
            .cloned();
        if let Some(settled) = settled {
            if let Some(slot) = report
                .checks
                .iter_mut()
                .find(|c| c.id == "perm_user_read" && c.status == crate::report::Status::Warn)
            {
                *slot = settled;
            }
        }
        self.last_check = Some(LastCheck {
            at,
            report,
            basis: Some(basis),
        });
    }

    /// Keeps a live test's outcome, with the basis it ran on.
    pub fn record_live(&mut self, mut summary: crate::report::LiveTestSummary) {
        summary.basis = Some(self.basis());
        self.last_live_test = Some(summary);
    }

    /// What the evidence of a check or live test depends on: the app, the secret (its keychain
    /// reference and hint) and the Genesys part. A change of any makes older evidence stale
    /// ([`crate::store::evidence`]).
    pub fn basis(&self) -> String {
        let genesys = self
            .genesys
            .as_ref()
            .map(|g| format!("{}@{}", g.client_id.to_ascii_lowercase(), g.region))
            .unwrap_or_default();
        format!(
            "{}|{}|{}|{}|{}",
            self.tenant.to_ascii_lowercase(),
            self.client_id.to_ascii_lowercase(),
            self.secret_ref,
            self.secret_hint.as_deref().unwrap_or_default(),
            genesys
        )
    }

    /// The endpoints of this profile.
    pub fn endpoints(
        &self,
    ) -> Result<crate::microsoft::cloud::Endpoints, crate::microsoft::cloud::EndpointError> {
        crate::microsoft::cloud::Endpoints::new(
            self.cloud,
            self.login_url.as_deref(),
            self.graph_url.as_deref(),
        )
    }
}

/// The whole file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilesFile {
    /// Format version.
    pub version: u32,
    /// Profiles, sorted by name.
    #[serde(default)]
    pub profiles: Vec<Profile>,
}

impl Default for ProfilesFile {
    fn default() -> Self {
        ProfilesFile {
            version: FORMAT_VERSION,
            profiles: Vec::new(),
        }
    }
}

impl ProfilesFile {
    /// The profile with this name (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&Profile> {
        self.profiles
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Mutable access to the profile with this name.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Profile> {
        self.profiles
            .iter_mut()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Inserts or replaces a profile, keeping the list sorted.
    pub fn upsert(&mut self, profile: Profile) {
        self.profiles
            .retain(|p| !p.name.eq_ignore_ascii_case(&profile.name));
        self.profiles.push(profile);
        self.profiles.sort_by_key(|p| p.name.to_lowercase());
    }

    /// Removes a profile; returns it.
    pub fn remove(&mut self, name: &str) -> Option<Profile> {
        let idx = self
            .profiles
            .iter()
            .position(|p| p.name.eq_ignore_ascii_case(name))?;
        Some(self.profiles.remove(idx))
    }

    /// Names, for messages.
    pub fn names(&self) -> Vec<String> {
        self.profiles.iter().map(|p| p.name.clone()).collect()
    }
}

/// Why profiles could not be read or written. [`ProfileError::msg`] is its catalog message
/// (`store-*` in `i18n/{en,de}-store.ftl`); `Display` is its English text.
#[derive(Debug)]
pub enum ProfileError {
    /// No data folder could be determined.
    NoDataDir,
    /// Reading or writing failed.
    Io {
        /// What was being done: `read`, `create_dir`, `open`, `lock`, `write`, `back_up`,
        /// `create_parent`, `create_temp`, `flush` or `replace` (the `$action` of `store-io`).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not valid JSON of the expected shape.
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Where and what, with line and column.
        detail: Msg,
    },
    /// The file was written by a newer graphwiz.
    FutureVersion {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
    },
    /// No profile with this name.
    NotFound {
        /// The name asked for.
        name: String,
        /// The names that exist.
        known: Vec<String>,
    },
    /// A profile with this name exists already.
    Exists {
        /// The name.
        name: String,
    },
    /// The profile name is not acceptable (what is wrong with it, without the field's label).
    BadName(Msg),
}

impl ProfileError {
    /// The catalog message of this error, for the faces to word in their language.
    pub fn msg(&self) -> Msg {
        let path = |p: &Path| p.display().to_string();
        match self {
            ProfileError::NoDataDir => Msg::new("store-no-data-dir", args([("env", HOME_ENV)])),
            ProfileError::Io {
                action,
                path: p,
                source,
            } => Msg::new(
                "store-io",
                args([
                    ("action", action.to_string()),
                    ("path", path(p)),
                    ("detail", source.to_string()),
                ]),
            ),
            ProfileError::Corrupt { path: p, detail } => Msg::new(
                "store-profiles-corrupt",
                args([("path", path(p).into()), ("detail", msg_arg(detail))]),
            ),
            ProfileError::FutureVersion { path: p, found } => Msg::new(
                "store-profiles-future",
                args([
                    ("path", serde_json::Value::from(path(p))),
                    ("found", (*found).into()),
                    ("supported", FORMAT_VERSION.into()),
                ]),
            ),
            ProfileError::NotFound { name, known } => Msg::new(
                "store-profile-not-found",
                args([
                    ("name", serde_json::Value::from(name.as_str())),
                    ("known", known.clone().into()),
                    ("count", known.len().into()),
                ]),
            ),
            ProfileError::Exists { name } => {
                Msg::new("store-profile-exists", args([("name", name.as_str())]))
            }
            ProfileError::BadName(m) => Msg::new(
                "validate-labelled",
                args([
                    (
                        "label",
                        msg_arg(&Msg::new("validate-field", args([("field", "name")]))),
                    ),
                    ("problem", msg_arg(m)),
                ]),
            ),
        }
    }
}

impl std::fmt::Display for ProfileError {
    /// English, from the catalog.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().text(Lang::En))
    }
}

impl std::error::Error for ProfileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProfileError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl ProfileError {
    /// True when the environment, not the input, is at fault (CLI exit status 3).
    pub fn is_environment(&self) -> bool {
        matches!(
            self,
            ProfileError::NoDataDir
                | ProfileError::Io { .. }
                | ProfileError::Corrupt { .. }
                | ProfileError::FutureVersion { .. }
        )
    }
}

/// Checks a profile name: 1–64 characters; letters, digits, space, `.`, `_`, `-`; no leading or
/// trailing space.
pub fn validate_name(raw: &str) -> Result<String, ProfileError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(ProfileError::BadName(Msg::plain("validate-name-empty")));
    }
    if name.chars().count() > 64 {
        return Err(ProfileError::BadName(Msg::new(
            "validate-name-too-long",
            args([("value", name)]),
        )));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-')))
    {
        return Err(ProfileError::BadName(Msg::new(
            "validate-name-char",
            args([("value", name.to_string()), ("char", c.to_string())]),
        )));
    }
    Ok(name.to_string())
}

/// The data folder: `GRAPHWIZ_HOME`, or the desktop app's app-data folder.
pub fn data_dir() -> Result<PathBuf, ProfileError> {
    if let Some(home) = std::env::var_os(HOME_ENV).filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(home));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or(ProfileError::NoDataDir)
}

/// Reads and writes `profiles.json` in one folder.
#[derive(Clone, Debug)]
pub struct ProfileStore {
    dir: PathBuf,
}

impl ProfileStore {
    /// The store in the default data folder.
    pub fn open_default() -> Result<Self, ProfileError> {
        Ok(ProfileStore { dir: data_dir()? })
    }

    /// A store in a given folder.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        ProfileStore { dir: dir.into() }
    }

    /// The profiles file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads the file; a missing file is an empty list.
    pub fn load(&self) -> Result<ProfilesFile, ProfileError> {
        let path = self.path();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ProfilesFile::default())
            }
            Err(source) => {
                return Err(ProfileError::Io {
                    action: "read",
                    path,
                    source,
                })
            }
        };
        parse(&text, &path)
    }

    /// Loads, lets `f` change the profiles, and saves atomically, all under the lock.
    /// Nothing is written when `f` fails.
    pub fn update<R>(
        &self,
        f: impl FnOnce(&mut ProfilesFile) -> Result<R, ProfileError>,
    ) -> Result<R, ProfileError> {
        let _lock = self.lock()?;
        let mut file = self.load()?;
        let result = f(&mut file)?;
        self.save_unlocked(&file)?;
        Ok(result)
    }

    fn lock(&self) -> Result<fs::File, ProfileError> {
        fs::create_dir_all(&self.dir).map_err(|source| ProfileError::Io {
            action: "create_dir",
            path: self.dir.clone(),
            source,
        })?;
        let path = self.dir.join("profiles.lock");
        let f = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| ProfileError::Io {
                action: "open",
                path: path.clone(),
                source,
            })?;
        f.lock().map_err(|source| ProfileError::Io {
            action: "lock",
            path,
            source,
        })?;
        Ok(f)
    }

    fn save_unlocked(&self, file: &ProfilesFile) -> Result<(), ProfileError> {
        let path = self.path();
        let mut text = serde_json::to_string_pretty(file).map_err(|e| ProfileError::Io {
            action: "write",
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        text.push('\n');
        // Keep the previous good version.
        if path.exists() {
            let bak = self.dir.join(format!("{FILE_NAME}.bak"));
            // Atomically too: a crash while backing up must not leave a torn backup.
            let previous = fs::read(&path).map_err(|source| ProfileError::Io {
                action: "back_up",
                path: path.clone(),
                source,
            })?;
            write_atomic(&bak, &previous)?;
        }
        write_atomic(&path, text.as_bytes())
    }
}

fn parse(text: &str, path: &Path) -> Result<ProfilesFile, ProfileError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ProfileError::Corrupt {
            path: path.to_path_buf(),
            detail: json_at(&e),
        })?;
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| ProfileError::Corrupt {
            path: path.to_path_buf(),
            detail: Msg::plain("store-profiles-no-version"),
        })?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(ProfileError::FutureVersion {
            path: path.to_path_buf(),
            found: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    serde_json::from_value(value).map_err(|e| ProfileError::Corrupt {
        path: path.to_path_buf(),
        detail: Msg::new("store-json-detail", args([("detail", e.to_string())])),
    })
}

/// Where a JSON parser stopped and what it said ("line 2, column 4: …").
fn json_at(e: &serde_json::Error) -> Msg {
    Msg::new(
        "store-json-at",
        args([
            ("line", serde_json::Value::from(e.line())),
            ("column", e.column().into()),
            ("detail", e.to_string().into()),
        ]),
    )
}

/// Writes a file atomically: a temp file in the same folder, flushed to disk, then renamed over
/// the target. A crash leaves the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ProfileError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |action, source| ProfileError::Io {
        action,
        path: path.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(|e| io("create_parent", e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".graphwiz-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| io("create_temp", e))?;
    tmp.write_all(bytes).map_err(|e| io("write", e))?;
    tmp.as_file().sync_all().map_err(|e| io("flush", e))?;
    tmp.persist(path).map_err(|e| io("replace", e.error))?;
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    sweep_stale_temps(dir, STALE_TEMP_AGE);
    Ok(())
}

/// Age after which a leftover temporary file of [`write_atomic`] is taken as abandoned: a write
/// takes milliseconds, so only a writer that was killed (power cut, SIGKILL) leaves one this old.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(120);

/// Removes temporary files of [`write_atomic`] (`.graphwiz-*.tmp`) in `dir` that are older than
/// `age`; returns how many. Best effort: a file that can't be read or removed is left alone.
pub fn sweep_stale_temps(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(".graphwiz-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = e
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|d| d > age);
        if old && fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str) -> Profile {
        Profile {
            name: name.into(),
            cloud: Cloud::Global,
            tenant: "contoso.onmicrosoft.com".into(),
            tenant_id: None,
            client_id: "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10".into(),
            mailboxes: vec!["support@contoso.com".into()],
            login_url: None,
            graph_url: None,
            secret_ref: "r1".into(),
            secret_hint: Some("dmo".into()),
            secret_expiry: None,
            last_check: None,
            last_live_test: None,
            genesys: None,
        }
    }

    #[test]
    fn abandoned_temp_files_are_swept_young_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".graphwiz-dead.tmp");
        let young = dir.path().join(".graphwiz-busy.tmp");
        let other = dir.path().join("notes.tmp");
        for p in [&stale, &young, &other] {
            fs::write(p, b"partial").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomic(&dir.path().join("profiles.json"), b"{}").unwrap();
        assert!(!stale.exists(), "an abandoned temporary file is removed");
        assert!(
            young.exists(),
            "a write in progress elsewhere is left alone"
        );
        assert!(
            other.exists(),
            "files that are not graphwiz's are left alone"
        );
        assert_eq!(sweep_stale_temps(dir.path(), STALE_TEMP_AGE), 0);
    }

    #[test]
    fn round_trip_and_backup() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::at(dir.path());
        assert!(store.load().unwrap().profiles.is_empty());
        store
            .update(|f| {
                f.upsert(profile("b"));
                f.upsert(profile("A"));
                Ok(())
            })
            .unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.names(), vec!["A", "b"]);
        assert!(loaded.get("a").is_some());
        store
            .update(|f| {
                f.remove("b");
                Ok(())
            })
            .unwrap();
        assert_eq!(store.load().unwrap().names(), vec!["A"]);
        let bak = fs::read_to_string(dir.path().join("profiles.json.bak")).unwrap();
        assert!(bak.contains("\"b\""), "backup holds the previous version");
    }

    #[test]
    fn corrupt_file_is_reported_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::at(dir.path());
        fs::write(
            store.path(),
            "{\"version\": 1, \"profiles\": [\n  {oops}\n]}",
        )
        .unwrap();
        let err = store
            .update(|f| {
                f.upsert(profile("x"));
                Ok(())
            })
            .unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, ProfileError::Corrupt { .. }));
        assert!(msg.contains("line 2, column 4"), "{msg}");
        assert!(msg.contains("left it untouched"), "{msg}");
        let de = err.msg().text(Lang::De);
        assert!(de.contains("ist beschädigt (Zeile 2, Spalte 4:"), "{de}");
        assert!(err.is_environment());
        assert_eq!(
            fs::read_to_string(store.path()).unwrap(),
            "{\"version\": 1, \"profiles\": [\n  {oops}\n]}"
        );
    }

    #[test]
    fn future_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::at(dir.path());
        fs::write(
            store.path(),
            r#"{"version": 7, "profiles": [], "new": true}"#,
        )
        .unwrap();
        let err = store.load().unwrap_err();
        assert!(
            matches!(err, ProfileError::FutureVersion { found: 7, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("update graphwiz"));
    }

    #[test]
    fn names() {
        assert_eq!(
            validate_name(" contoso support ").unwrap(),
            "contoso support"
        );
        assert_eq!(
            validate_name("Müller-GmbH_2.de").unwrap(),
            "Müller-GmbH_2.de"
        );
        for bad in ["", "   ", "a/b", "x:y", &"n".repeat(65)] {
            let e = validate_name(bad).unwrap_err();
            assert!(e.to_string().starts_with("Profile name: "), "{e}");
        }
        let e = validate_name("a/b").unwrap_err();
        assert_eq!(
            e.msg().text(Lang::De),
            "Profilname: „a/b“ enthält „/“; verwenden Sie Buchstaben, Ziffern, Leerzeichen, „.“, „_“ oder „-“"
        );
    }

    #[test]
    fn errors_are_worded_in_german() {
        let none = ProfileError::NotFound {
            name: "x".into(),
            known: vec![],
        };
        assert_eq!(
            none.to_string(),
            "there is no profile 'x'; there are no profiles yet (add one with: graphwiz profile add NAME …)"
        );
        assert!(none
            .msg()
            .text(Lang::De)
            .starts_with("Es gibt kein Profil „x“; es gibt noch keine Profile"));
        let some = ProfileError::NotFound {
            name: "x".into(),
            known: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            some.to_string(),
            "there is no profile 'x'; the profiles are: a, b"
        );
        assert_eq!(
            some.msg().text(Lang::De),
            "Es gibt kein Profil „x“; vorhandene Profile: a, b"
        );
        let io = ProfileError::Io {
            action: "create_temp",
            path: PathBuf::from("/d/profiles.json"),
            source: std::io::Error::other("disk full"),
        };
        assert_eq!(
            io.to_string(),
            "could not create a temporary file next to /d/profiles.json: disk full"
        );
        assert_eq!(
            io.msg().text(Lang::De),
            "Neben /d/profiles.json konnte keine temporäre Datei angelegt werden: disk full"
        );
        assert!(ProfileError::Exists { name: "p".into() }
            .msg()
            .text(Lang::De)
            .contains("--replace"));
    }
}
