//! The rotation journal: one file per profile in `<data dir>/rotations/`, rewritten atomically
//! at every step, so a rotation killed at any point can be resumed or rolled back. It holds no
//! secret: key ids, keychain references, the step reached and times.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// How far a rotation got. Each stage is reached only when everything before it is true.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// About to add the new secret in Azure (its display name is in the note).
    Adding,
    /// The new secret exists in Azure and in the keychain under the pending reference.
    Added,
    /// Entra ID issues tokens for the new secret and the permissions check out with it.
    Proven,
    /// Genesys Cloud's integration credential holds the new secret.
    GenesysUpdated,
    /// The integration was restarted and is active on the new secret.
    Restarted,
    /// A live test with the new secret passed.
    Verified,
    /// The old secret is being removed and the profile switched to the new one.
    Removing,
}

/// One open rotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotationNote {
    /// The profile.
    pub profile: String,
    /// When it began.
    pub started_at: DateTime<Utc>,
    /// When the note was last written.
    pub updated_at: DateTime<Utc>,
    /// How far it got.
    pub stage: Stage,
    /// The new secret's description in Azure (unique: it finds the secret after a crash).
    pub display_name: String,
    /// The requested end date of the new secret.
    pub end: DateTime<Utc>,
    /// The old secret's key id, when it could be told apart from the others.
    pub old_key_id: Option<String>,
    /// The keychain reference of the old secret (the one in use before).
    pub old_secret_ref: String,
    /// The keychain reference the new secret is stored under.
    pub pending_ref: String,
    /// The new secret's key id, once added.
    pub new_key_id: Option<String>,
    /// The new secret's first three characters, once added.
    pub new_hint: Option<String>,
    /// True when the profile has a Genesys Cloud part (else those steps are the admin's).
    pub genesys: bool,
}

/// The folder of rotation notes.
#[derive(Clone, Debug)]
pub struct Journal {
    notes: crate::store::notes::NoteDir,
}

impl Journal {
    /// The journal inside a data folder.
    pub fn in_data_dir(dir: &Path) -> Self {
        Journal {
            notes: crate::store::notes::NoteDir::new(dir.join("rotations")),
        }
    }

    /// Writes the note (atomically), stamping `updated_at`.
    pub fn write(&self, note: &mut RotationNote) -> std::io::Result<()> {
        note.updated_at = Utc::now();
        self.notes.write(&note.profile, note)
    }

    /// The open rotation of a profile, if any.
    pub fn load(&self, profile: &str) -> Option<RotationNote> {
        self.notes.load(profile)
    }

    /// Ends the rotation of a profile.
    pub fn clear(&self, profile: &str) {
        self.notes.clear(profile)
    }

    /// Every open rotation (for the app's start and reminders).
    pub fn pending(&self) -> Vec<RotationNote> {
        let mut out: Vec<RotationNote> = self.notes.all();
        out.sort_by(|a, b| a.profile.cmp(&b.profile));
        out
    }
}
