//! What the rest of `sync` needs from a DHIS2 server, as a trait: the server's version, a GET of
//! a JSON document and a POST of one. [`client::Client`](super::client) is the one real
//! implementation (ureq over HTTPS); unit tests implement it with canned answers.
//!
//! Owns the trait, the answer of a POST, the server's version and which request parameters and
//! answer shapes each version uses, and the transport-level error. Does not own making HTTP
//! requests (`client`), or what is asked and what the answers mean (`metadata`, `upload`,
//! `download`).

use std::time::Duration;

use crate::i18n::{Localize, Message};
use crate::msg;

/// The body and status of an answer that carries a DHIS2 report: 2xx, or 409 (DHIS2 answers a
/// tracker or data-value import with errors with 409 and the full report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

/// A DHIS2 server as `sync` uses it. Paths are relative to the server's base URL (its context
/// path included) and start with `/api/`; the query is already encoded.
pub trait Api {
    fn version(&self) -> ServerVersion;
    /// GET a JSON document: the body of a 2xx answer.
    fn get(&self, path_and_query: &str) -> Result<Vec<u8>, ClientError>;
    /// POST a JSON body: a 2xx or 409 answer.
    fn post_json(&self, path_and_query: &str, body: &[u8]) -> Result<Answer, ClientError>;
}

/// A DHIS2 version, `2.41.3` as `{ major: 2, minor: 41, patch: 3 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServerVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl ServerVersion {
    pub const fn new(major: u32, minor: u32, patch: u32) -> ServerVersion {
        ServerVersion { major, minor, patch }
    }

    /// Reads `version` of `/api/system/info`: `2.41.0`, `2.42.1-SNAPSHOT`, `2.40` (a missing
    /// patch is 0).
    pub fn parse(text: &str) -> Option<ServerVersion> {
        let core = text.trim().split(['-', '+', ' ']).next()?;
        let mut parts = core.split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        let patch = match parts.next() {
            Some(p) => p.parse().ok()?,
            None => 0,
        };
        Some(ServerVersion { major, minor, patch })
    }

    /// At least `2.minor`.
    pub fn at_least(self, minor: u32) -> bool {
        self.major > 2 || (self.major == 2 && self.minor >= minor)
    }
}

impl std::fmt::Display for ServerVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Why a request did not give an answer to work with. `transient` ones are worth retrying.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    /// The text is no server address.
    InvalidUrl { url: String },
    /// Plain http to a host other than this device.
    InsecureUrl { url: String },
    /// No connection could be made (no network, DNS, refused).
    Connect { url: String, detail: String },
    /// The server did not answer in time.
    Timeout { url: String },
    /// The TLS handshake failed (an unknown certificate authority, an expired certificate).
    Tls { url: String, detail: String },
    /// The server's certificate is not the one pinned for this account.
    CertificateMismatch { url: String },
    /// 401 or 403 on login: wrong username or password, or a revoked token.
    Unauthorized { url: String },
    /// An HTML page (a login page) or a redirect where JSON was expected: the session or the
    /// credentials are not accepted, or a proxy stands in the way.
    LoginPage { url: String },
    /// The server answered, but is not a DHIS2 server (no `/api/system/info` of one).
    NotDhis2 { url: String },
    /// A DHIS2 older than 2.39.
    UnsupportedVersion { url: String, version: String },
    /// Any other HTTP status; `retry_after` from the `Retry-After` header.
    Http { url: String, status: u16, retry_after: Option<Duration> },
    /// The body is larger than the limit for this request.
    TooLarge { url: String, limit: u64 },
    /// The connection broke while the body was read.
    Truncated { url: String },
    /// The answer is not the JSON expected (`detail`: the parser's words, with the path).
    BadAnswer { url: String, detail: String },
}

impl ClientError {
    /// Worth trying again later without changing anything: the network or the server's load.
    pub fn transient(&self) -> bool {
        match self {
            ClientError::Connect { .. } | ClientError::Timeout { .. } | ClientError::Truncated { .. } => true,
            ClientError::Http { status, .. } => matches!(status, 408 | 429 | 500 | 502 | 503 | 504),
            _ => false,
        }
    }

    /// How long the server asked to wait (`Retry-After`).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ClientError::Http { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

impl Localize for ClientError {
    /// The address is shown without its query: `fields=...` says nothing to a health worker.
    fn message(&self) -> Message {
        let shown = |url: &String| url.split('?').next().unwrap_or(url).to_string();
        match self {
            ClientError::InvalidUrl { url } => msg!("sync-client-invalid-url", url = shown(url)),
            ClientError::InsecureUrl { url } => msg!("sync-client-insecure-url", url = shown(url)),
            ClientError::Connect { url, detail } => msg!("sync-client-connect", url = shown(url), detail = detail),
            ClientError::Timeout { url } => msg!("sync-client-timeout", url = shown(url)),
            ClientError::Tls { url, detail } => msg!("sync-client-tls", url = shown(url), detail = detail),
            ClientError::CertificateMismatch { url } => msg!("sync-client-certificate-mismatch", url = shown(url)),
            ClientError::Unauthorized { url } => msg!("sync-client-unauthorized", url = shown(url)),
            ClientError::LoginPage { url } => msg!("sync-client-login-page", url = shown(url)),
            ClientError::NotDhis2 { url } => msg!("sync-client-not-dhis2", url = shown(url)),
            ClientError::UnsupportedVersion { url, version } => {
                msg!("sync-client-unsupported-version", url = shown(url), version = version)
            }
            ClientError::Http { url, status, .. } => {
                msg!("sync-client-http", url = shown(url), status = *status as i64)
            }
            ClientError::TooLarge { url, limit } => {
                msg!("sync-client-too-large", url = shown(url), megabytes = (*limit / (1024 * 1024)) as i64)
            }
            ClientError::Truncated { url } => msg!("sync-client-truncated", url = shown(url)),
            ClientError::BadAnswer { url, detail } => msg!("sync-client-bad-answer", url = shown(url), detail = detail),
        }
    }
}
crate::english_display!(ClientError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_versions_read_as_dhis2_writes_them() {
        assert_eq!(ServerVersion::parse("2.41.0"), Some(ServerVersion::new(2, 41, 0)));
        assert_eq!(ServerVersion::parse("2.42.1-SNAPSHOT"), Some(ServerVersion::new(2, 42, 1)));
        assert_eq!(ServerVersion::parse("2.40"), Some(ServerVersion::new(2, 40, 0)));
        assert_eq!(ServerVersion::parse("v2.40"), None);
        assert_eq!(ServerVersion::parse(""), None);
        assert!(ServerVersion::new(2, 41, 0).at_least(41));
        assert!(!ServerVersion::new(2, 40, 9).at_least(41));
        assert!(ServerVersion::new(3, 0, 0).at_least(41));
    }

    #[test]
    fn only_network_and_load_failures_are_transient() {
        let url = || "https://hmis.moh.gov.kh/api/tracker".to_string();
        assert!(ClientError::Timeout { url: url() }.transient());
        assert!(ClientError::Http { url: url(), status: 503, retry_after: None }.transient());
        assert!(!ClientError::Http { url: url(), status: 404, retry_after: None }.transient());
        assert!(!ClientError::Unauthorized { url: url() }.transient());
        let wait = ClientError::Http { url: url(), status: 503, retry_after: Some(Duration::from_secs(7)) };
        assert_eq!(wait.retry_after(), Some(Duration::from_secs(7)));
    }

    #[test]
    fn an_address_is_shown_without_its_query() {
        let e = ClientError::Timeout { url: "https://hmis.moh.gov.kh/api/me?fields=id,username".into() };
        assert!(e.to_string().contains("https://hmis.moh.gov.kh/api/me did not answer"), "{e}");
        assert!(!e.to_string().contains("fields"), "{e}");
    }

    #[test]
    fn every_client_error_variant_renders_in_both_languages() {
        let url = || "https://hmis.moh.gov.kh/api/me".to_string();
        let samples = [
            ClientError::InvalidUrl { url: "hmis moh".into() },
            ClientError::InsecureUrl { url: "http://hmis.moh.gov.kh".into() },
            ClientError::Connect { url: url(), detail: "connection refused".into() },
            ClientError::Timeout { url: url() },
            ClientError::Tls { url: url(), detail: "certificate expired".into() },
            ClientError::CertificateMismatch { url: url() },
            ClientError::Unauthorized { url: url() },
            ClientError::LoginPage { url: url() },
            ClientError::NotDhis2 { url: url() },
            ClientError::UnsupportedVersion { url: url(), version: "2.36.4".into() },
            ClientError::Http { url: url(), status: 500, retry_after: None },
            ClientError::TooLarge { url: url(), limit: 64 * 1024 * 1024 },
            ClientError::Truncated { url: url() },
            ClientError::BadAnswer { url: url(), detail: "expected `,` at line 1 column 9".into() },
        ];
        let name = |e: &ClientError| match e {
            ClientError::InvalidUrl { .. } => "InvalidUrl",
            ClientError::InsecureUrl { .. } => "InsecureUrl",
            ClientError::Connect { .. } => "Connect",
            ClientError::Timeout { .. } => "Timeout",
            ClientError::Tls { .. } => "Tls",
            ClientError::CertificateMismatch { .. } => "CertificateMismatch",
            ClientError::Unauthorized { .. } => "Unauthorized",
            ClientError::LoginPage { .. } => "LoginPage",
            ClientError::NotDhis2 { .. } => "NotDhis2",
            ClientError::UnsupportedVersion { .. } => "UnsupportedVersion",
            ClientError::Http { .. } => "Http",
            ClientError::TooLarge { .. } => "TooLarge",
            ClientError::Truncated { .. } => "Truncated",
            ClientError::BadAnswer { .. } => "BadAnswer",
        };
        let names: std::collections::BTreeSet<_> = samples.iter().map(name).collect();
        assert_eq!(names.len(), 14);
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }
}
