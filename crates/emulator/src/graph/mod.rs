//! Microsoft Graph endpoints: bearer-token checks, throttling, the app's own registration, its
//! service principal, delegated permission grants and app role assignments, with Graph error
//! bodies. Paths are parsed (including `(appId='…')` keys) into a [`path::Resource`] to dispatch
//! on; mailbox paths go on to [`crate::mail`], addPassword and removePassword to
//! [`crate::rotation`].
//!
//! Two kinds of callers: app-only tokens (client credentials) see only their own app, as Graph
//! allows a service principal without directory permissions; delegated tokens of the tenant's
//! administrator (authorization code or device code) may read any app, service principal, grant
//! and assignment of the tenant when their `scp` carries a permission that allows it
//! ([`delegated::APP_READ_SCOPES`], [`delegated::GRANT_READ_SCOPES`],
//! [`delegated::ASSIGNMENT_READ_SCOPES`], [`delegated::USER_READ_SCOPES`]).
//!
//! The administrator's delegated token also creates and repairs app registrations ([`setup`]):
//! the tenant's app management policies, `POST /applications` (and `GET` by tag or display name,
//! `PATCH`, `DELETE`), `POST /servicePrincipals`, app role assignments and the delegated grant
//! ([`consent`]), each behind the scopes of its permission table and the administrator's role
//! ([`crate::AdminRole`]); objects created there replicate for
//! [`crate::Options::object_replication`] before reads, consent and the token endpoint see them.
//! App-only tokens may not call them.
//!
//! Layout: [`endpoint`] is the `/v1.0/…` entry point (authentication, throttling, routing);
//! [`error`], [`path`], [`request`] and [`auth`] are the Graph wire format the mail and rotation
//! endpoints share; [`apps`] and [`delegated`] answer the directory reads of app-only and
//! delegated callers, shaped by [`objects`] and narrowed by [`select`] (`$select`); [`setup`] and
//! [`consent`] change the directory, reading request bodies with [`body`].

pub(crate) mod apps;
pub(crate) mod auth;
pub(crate) mod body;
pub(crate) mod consent;
pub(crate) mod delegated;
pub(crate) mod endpoint;
pub(crate) mod error;
pub(crate) mod objects;
pub(crate) mod path;
pub(crate) mod request;
pub(crate) mod select;
pub(crate) mod setup;
