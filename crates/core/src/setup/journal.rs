//! The setup journal: one note per profile in `<data dir>/setups/`, rewritten atomically at every
//! step, so a setup killed at any request can be resumed or rolled back. It holds no secret: the
//! ids of what setup created, the tag that finds the app registration again, the keychain
//! reference the new secret is kept under, and the step reached.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// How far a setup got. Each stage is reached only when everything before it is true.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The tenant's policy was read and the plan fixed; nothing exists in Azure yet (or an app
    /// carrying the note's tag was being created).
    Planned,
    /// The app registration exists (its ids are in the note).
    AppCreated,
    /// A client secret is being added (its display name is in the note). It comes right after
    /// the app, so that Entra ID replicates it while the service principal and consent follow.
    AddingSecret,
    /// The client secret exists in Azure and in the keychain under the note's reference.
    SecretAdded,
    /// Its service principal exists.
    PrincipalCreated,
    /// Mail.ReadWrite and Mail.Send are granted, and User.Read for all users.
    Consented,
    /// Entra ID issues the app tokens with the new secret.
    Replicated,
    /// The profile is saved; the check remains.
    Saved,
}

/// One open setup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupNote {
    /// The profile being set up.
    pub profile: String,
    /// The tenant as entered.
    pub tenant: String,
    /// When it began.
    pub started_at: DateTime<Utc>,
    /// When the note was last written.
    pub updated_at: DateTime<Utc>,
    /// How far it got.
    pub stage: Stage,
    /// The app registration's display name.
    pub app_name: String,
    /// A tag put on the app registration when it is created: finds it after a crash between the
    /// creation and the note's next write.
    pub tag: String,
    /// The app registration's object id, once created.
    pub app_object_id: Option<String>,
    /// Its Application (client) ID, once created.
    pub app_id: Option<String>,
    /// Its service principal's object id, once created.
    pub principal_id: Option<String>,
    /// The client secret's display name in Azure (unique per setup).
    pub secret_name: String,
    /// The requested end of the client secret.
    pub secret_end: DateTime<Utc>,
    /// The keychain reference the client secret is kept under.
    pub secret_ref: String,
    /// The secret's key id, once added.
    pub key_id: Option<String>,
    /// Its first three characters, once added.
    pub hint: Option<String>,
    /// The mailboxes of the profile.
    pub mailboxes: Vec<String>,
    /// The tenant policy's maximum secret lifetime in days, when it made the secret end sooner
    /// than asked.
    #[serde(default)]
    pub max_lifetime_days: Option<i64>,
    /// The name of the policy that caps the lifetime.
    #[serde(default)]
    pub policy_name: Option<String>,
    /// Why the tenant's policy could not be read, when it could not.
    #[serde(default)]
    pub policy_unreadable: Option<String>,
}

/// The folder of setup notes.
#[derive(Clone, Debug)]
pub struct Journal {
    notes: crate::store::notes::NoteDir,
}

impl Journal {
    /// The journal inside a data folder.
    pub fn in_data_dir(dir: &Path) -> Self {
        Journal {
            notes: crate::store::notes::NoteDir::new(dir.join("setups")),
        }
    }

    /// Writes the note (atomically), stamping `updated_at`.
    pub fn write(&self, note: &mut SetupNote) -> std::io::Result<()> {
        note.updated_at = Utc::now();
        self.notes.write(&note.profile, note)
    }

    /// The open setup of a profile, if any.
    pub fn load(&self, profile: &str) -> Option<SetupNote> {
        self.notes.load(profile)
    }

    /// Ends the setup of a profile.
    pub fn clear(&self, profile: &str) {
        self.notes.clear(profile)
    }
}
