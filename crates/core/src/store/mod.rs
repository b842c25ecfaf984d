//! What graphwiz keeps on this computer: profiles and their last results (`profiles`), the secrets
//! in the OS keychain (`keychain`), the exported/imported config file and its schema (`config`)
//! and the small notes an interrupted restart or rotation leaves (`notes`), and what a profile's
//! evidence proves (`evidence`: the claims and the one "validated" verdict). Files are written
//! atomically; no file ever holds a secret.
pub mod config;
pub mod evidence;
pub mod keychain;
pub mod notes;
pub mod profiles;
