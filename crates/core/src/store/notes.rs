//! A folder of small JSON notes, one per profile, each written atomically: what the restart and
//! the rotation journals keep so an interrupted action can be finished or undone. Notes never hold
//! secrets; unreadable files are skipped (and left for a person to look at).

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::PathBuf;

/// One folder of notes.
#[derive(Clone, Debug)]
pub struct NoteDir {
    dir: PathBuf,
}

impl NoteDir {
    /// The notes in `dir` (created on the first write).
    pub fn new(dir: PathBuf) -> Self {
        NoteDir { dir }
    }

    fn path(&self, profile: &str) -> PathBuf {
        let safe: String = profile
            .to_lowercase()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.dir.join(format!("{safe}.json"))
    }

    /// Writes (or replaces) the note of `profile`.
    pub fn write<T: Serialize>(&self, profile: &str, note: &T) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let bytes = serde_json::to_vec_pretty(note).map_err(std::io::Error::other)?;
        crate::store::profiles::write_atomic(&self.path(profile), &bytes)
            .map_err(std::io::Error::other)
    }

    /// The note of `profile`, if there is a readable one.
    pub fn load<T: DeserializeOwned>(&self, profile: &str) -> Option<T> {
        let bytes = std::fs::read(self.path(profile)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Removes the note of `profile` (no error when there is none).
    pub fn clear(&self, profile: &str) {
        let _ = std::fs::remove_file(self.path(profile));
    }

    /// Every readable note.
    pub fn all<T: DeserializeOwned>(&self) -> Vec<T> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| std::fs::read(e.path()).ok())
            .filter_map(|b| serde_json::from_slice(&b).ok())
            .collect()
    }
}
