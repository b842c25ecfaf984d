//! Interactive sign-in of a tenant's administrator: the authorize endpoint (authorization code
//! with PKCE), the admin consent endpoint, the device code endpoint, and the two token grants
//! that redeem them (`authorization_code`, device code), issuing delegated Graph tokens.
//!
//! No real person signs in: [`crate::AdminOutcome`] options decide whether the administrator
//! approves or declines. Redirect URIs must be loopback (`http://localhost` or
//! `http://127.0.0.1`, any port and path), as a desktop app registers them; anything else shows
//! an AADSTS50011 error page instead of redirecting. The tenant segment may also be `common` or
//! `organizations`, which resolve to tenant 0.
//!
//! Scopes: each item of `scope` is a Graph permission name (bare or prefixed with a Graph
//! resource such as `https://graph.microsoft.com/`), an OpenID scope (`openid`, `profile`,
//! `email`, `offline_access`) or `https://graph.microsoft.com/.default`, which stands for
//! [`scopes::DEFAULT_SCOPES`]. No refresh or ID tokens are issued.
//!
//! Layout: [`authorize`] (the browser-facing authorize and admin consent endpoints), [`device`]
//! (the device code endpoint and its polls), [`token`] (redeeming authorization codes and issuing
//! delegated tokens), [`codes`] (the pending codes remembered between requests), [`scopes`] and
//! [`params`] (what every endpoint reads from a request).

pub(crate) mod authorize;
pub(crate) mod codes;
pub(crate) mod device;
pub(crate) mod params;
pub(crate) mod scopes;
pub(crate) mod token;
