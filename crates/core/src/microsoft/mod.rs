//! The Microsoft side: Entra ID and Microsoft Graph. National clouds and their endpoints
//! (`cloud`), sign-in and tokens (`login`, `token`, `aad` for Entra ID's error bodies), the app's
//! registration and grants (`graph`, `permissions`), mailbox access and the live send/receive test
//! (`mailbox`, `livetest`), admin sign-in and consent (`admin`), secret expiry (`expiry`) and the
//! Azure portal's pages (`portal`). Built on the layer below (`http`, `report`, `secret`,
//! `validate`, `i18n`); the workflows above (`checks`, `bulk`, `pickup`, `rotate`, `desktop`)
//! combine it with the Genesys Cloud side (`genesys`).
pub mod aad;
pub mod admin;
pub mod cloud;
pub mod expiry;
pub mod graph;
pub mod livetest;
pub mod login;
pub mod mailbox;
pub mod permissions;
pub mod portal;
pub mod token;
