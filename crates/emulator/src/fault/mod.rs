//! Fault injection: what a broken network, proxy or overloaded service does to an answer.
//!
//! When [`crate::Options::fault`] is set, the emulator's public port is served by a small raw
//! TCP front instead of axum. The front reads each request's head; a request whose path matches
//! [`crate::Options::fault_target`] gets the fault, written byte by byte on the socket (so resets,
//! truncated bodies, stalls and endless bodies are real socket behaviour, not simulations inside
//! an HTTP library); every other request is handed to the normal axum server on an internal
//! loopback port, with `Connection: close` so that each request is inspected on its own
//! connection (there is no keep-alive while a fault is set).
//!
//! Faulted requests are recorded like any other ([`crate::Emulator::requests`]), with the status
//! line that was sent, or status 0 when none was (a stall).
//!
//! Layout: this module holds the faults, their targets and the front's settings; `front` is the
//! raw TCP front itself.

pub(crate) mod front;

use std::fmt;
use std::net::SocketAddr;
use std::str::FromStr;

/// One way an answer goes wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// `429 Too Many Requests` with the configured `Retry-After`, on every request: it never clears.
    Throttled,
    /// `503 Service Unavailable` with the configured `Retry-After`, on every request.
    Unavailable,
    /// `200` headers and the start of a JSON body, then the connection is reset (TCP RST).
    Reset,
    /// The request is read, and no answer ever comes (the connection stays open).
    Stall,
    /// `200`, `application/json`, a complete body that is not valid JSON.
    MalformedJson,
    /// `200` with `Content-Length: 4096`, a few hundred bytes of JSON, then the connection closes.
    Truncated,
    /// `200`, `text/html`: a captive portal's sign-in page, as a hotel or guest Wi-Fi shows it.
    HtmlPage,
    /// `200`, `text/plain`: JSON-looking text that is not JSON (a proxy's error message).
    TextPlain,
    /// The service's real answer, but labelled `Content-Type: text/html`.
    JsonAsHtml,
    /// `200` headers and a body that dribbles one byte every 100 ms, forever.
    SlowBody,
}

impl Fault {
    /// Every fault, in the order they are listed to people.
    pub const ALL: [Fault; 10] = [
        Fault::Throttled,
        Fault::Unavailable,
        Fault::Reset,
        Fault::Stall,
        Fault::MalformedJson,
        Fault::Truncated,
        Fault::HtmlPage,
        Fault::TextPlain,
        Fault::JsonAsHtml,
        Fault::SlowBody,
    ];

    /// The kebab-case name used on the command line and in [`FromStr`].
    pub fn name(self) -> &'static str {
        match self {
            Fault::Throttled => "throttled-429",
            Fault::Unavailable => "unavailable-503",
            Fault::Reset => "reset",
            Fault::Stall => "stall",
            Fault::MalformedJson => "malformed-json",
            Fault::Truncated => "truncated",
            Fault::HtmlPage => "html-200",
            Fault::TextPlain => "text-plain",
            Fault::JsonAsHtml => "json-as-html",
            Fault::SlowBody => "slow-body",
        }
    }

    /// One English sentence saying what the fault does.
    pub fn description(self) -> &'static str {
        match self {
            Fault::Throttled => "Every request is answered 429 Too Many Requests with the configured Retry-After; it never clears.",
            Fault::Unavailable => "Every request is answered 503 Service Unavailable with the configured Retry-After; it never clears.",
            Fault::Reset => "The status line, headers and part of the body are sent, then the connection is reset (TCP RST).",
            Fault::Stall => "The connection is accepted and the request read, but no answer ever comes.",
            Fault::MalformedJson => "A 200 answer labelled application/json whose body is not valid JSON.",
            Fault::Truncated => "A 200 answer announcing 4096 bytes that sends a few hundred and closes the connection.",
            Fault::HtmlPage => "A 200 answer with a captive portal's HTML sign-in page instead of JSON.",
            Fault::TextPlain => "A 200 answer labelled text/plain whose JSON-looking text is not JSON.",
            Fault::JsonAsHtml => "The service's real JSON answer, labelled Content-Type: text/html.",
            Fault::SlowBody => "A 200 answer whose body dribbles one byte every 100 ms and never ends.",
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A fault name that is not known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFault(pub String);

impl fmt::Display for UnknownFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown fault '{}'; valid faults are: ", self.0)?;
        let names: Vec<&str> = Fault::ALL.iter().map(|x| x.name()).collect();
        f.write_str(&names.join(", "))
    }
}

impl std::error::Error for UnknownFault {}

impl FromStr for Fault {
    type Err = UnknownFault;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Fault::ALL
            .iter()
            .copied()
            .find(|x| x.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownFault(s.to_string()))
    }
}

/// Which requests a fault applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FaultTarget {
    /// Every request.
    #[default]
    All,
    /// Tenant discovery and the token endpoint.
    Login,
    /// `GET /{tenant}/v2.0/.well-known/openid-configuration` only.
    Discovery,
    /// `POST /{tenant}/oauth2/v2.0/token` only.
    Token,
    /// Microsoft Graph (`/v1.0/…`) only.
    Graph,
}

impl FaultTarget {
    /// Every target.
    pub const ALL: [FaultTarget; 5] = [
        FaultTarget::All,
        FaultTarget::Login,
        FaultTarget::Discovery,
        FaultTarget::Token,
        FaultTarget::Graph,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FaultTarget::All => "all",
            FaultTarget::Login => "login",
            FaultTarget::Discovery => "discovery",
            FaultTarget::Token => "token",
            FaultTarget::Graph => "graph",
        }
    }

    /// True when a request for `path` (without the query) gets the fault.
    pub fn matches(self, path: &str) -> bool {
        let discovery = path.ends_with("/.well-known/openid-configuration");
        let token = path.ends_with("/oauth2/v2.0/token");
        let graph = path.starts_with("/v1.0/");
        match self {
            FaultTarget::All => true,
            FaultTarget::Login => discovery || token,
            FaultTarget::Discovery => discovery,
            FaultTarget::Token => token,
            FaultTarget::Graph => graph,
        }
    }

    fn is_login(path: &str) -> bool {
        !path.starts_with("/v1.0/")
    }
}

impl fmt::Display for FaultTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A fault target name that is not known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFaultTarget(pub String);

impl fmt::Display for UnknownFaultTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown fault target '{}'; valid targets are: ", self.0)?;
        let names: Vec<&str> = FaultTarget::ALL.iter().map(|x| x.name()).collect();
        f.write_str(&names.join(", "))
    }
}

impl std::error::Error for UnknownFaultTarget {}

impl FromStr for FaultTarget {
    type Err = UnknownFaultTarget;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        FaultTarget::ALL
            .iter()
            .copied()
            .find(|x| x.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownFaultTarget(s.to_string()))
    }
}

/// What the front needs to know.
pub(crate) struct FaultSettings {
    pub fault: Fault,
    pub target: FaultTarget,
    pub retry_after: String,
    pub internal: SocketAddr,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Fault::ALL {
            assert_eq!(f.name().parse::<Fault>(), Ok(f));
            assert!(f.description().ends_with('.'));
        }
        for t in FaultTarget::ALL {
            assert_eq!(t.name().parse::<FaultTarget>(), Ok(t));
        }
        assert!("nope"
            .parse::<Fault>()
            .unwrap_err()
            .to_string()
            .contains("stall"));
        let e = "nope".parse::<FaultTarget>().unwrap_err().to_string();
        assert!(
            e.contains("'nope'") && e.contains("login, discovery"),
            "{e}"
        );
    }

    #[test]
    fn targets() {
        let disc = "/contoso.com/v2.0/.well-known/openid-configuration";
        let token = "/contoso.com/oauth2/v2.0/token";
        let graph = "/v1.0/applications(appId='x')";
        assert!(FaultTarget::Login.matches(disc) && FaultTarget::Login.matches(token));
        assert!(!FaultTarget::Login.matches(graph));
        assert!(FaultTarget::Graph.matches(graph) && !FaultTarget::Graph.matches(token));
        assert!(FaultTarget::Discovery.matches(disc) && !FaultTarget::Discovery.matches(token));
        assert!(FaultTarget::Token.matches(token) && !FaultTarget::Token.matches(disc));
        assert!(FaultTarget::All.matches("/anything"));
    }
}
