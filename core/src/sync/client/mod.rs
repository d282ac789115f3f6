//! The real [`Api`]: a DHIS2 server over HTTPS, with ureq 3 and rustls.
//!
//! [`Client::connect`] is the only way to get one, and it takes a [`ServerTarget`], so the gate
//! of `sync` (no demo database ever talks to a server) holds for every connection. It checks the
//! address (`url`), builds the agent (`http`; `tls` for an account that pins its server's
//! certificate), and asks `/api/system/info` with the account's credentials: an answer without a
//! DHIS2 version is [`ClientError::NotDhis2`], a version older than 2.39 is
//! [`ClientError::UnsupportedVersion`], wrong credentials are [`ClientError::Unauthorized`].
//! The answer is kept as [`SystemInfo`] (the server's version, clock and time zone).
//!
//! Owns connecting, the options and credentials of a connection, and the system information.
//! Does not own what is asked afterwards (`login`, `metadata`, `upload`, `download`).

mod http;
mod tls;
mod url;

#[cfg(test)]
pub(crate) mod test_server;

use std::time::Duration;

use serde::Deserialize;

use crate::model::DeviceClock;
use crate::sync::{Answer, Api, ClientError, ServerTarget, ServerVersion};

pub use url::ServerUrl;

/// The oldest DHIS2 Phum talks to.
pub const OLDEST_SUPPORTED: ServerVersion = ServerVersion::new(2, 39, 0);

/// What `Client::connect` asks the server first.
const SYSTEM_INFO: &str = "/api/system/info?fields=version,revision,serverDate,serverTimeZoneId,contextPath,systemName";

/// How a person proves who they are to the server.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    /// Sent as HTTP Basic, over HTTPS only (`ServerUrl`).
    Password { username: String, password: String },
    /// A DHIS2 personal access token (`d2pat_…`), sent as `Authorization: ApiToken …`.
    Token(String),
}

/// Never shows the password or the token.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::Password { username, .. } => {
                f.debug_struct("Password").field("username", username).finish_non_exhaustive()
            }
            Credentials::Token(_) => f.write_str("Token(..)"),
        }
    }
}

/// How a connection behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientOptions {
    /// Resolving the name and opening the connection.
    pub connect_timeout: Duration,
    /// Each read and write: the longest the server may stay silent (a slow but moving download
    /// is not cut).
    pub read_timeout: Duration,
    /// The DER bytes of the only server certificate this account accepts (a self-hosted server
    /// with a certificate no public authority signed); `None`: the usual checks against the
    /// public roots.
    pub pinned_certificate: Option<Vec<u8>>,
    /// The largest body read (after gzip is undone); larger answers are refused unread.
    pub max_body_bytes: u64,
    /// Reads `Retry-After` dates when the server sends no `Date`.
    pub clock: DeviceClock,
}

impl Default for ClientOptions {
    /// 20 s to connect, 60 s of silence at most, no pin, bodies up to 64 MiB.
    fn default() -> ClientOptions {
        ClientOptions {
            connect_timeout: Duration::from_secs(20),
            read_timeout: Duration::from_secs(60),
            pinned_certificate: None,
            max_body_bytes: 64 * 1024 * 1024,
            clock: DeviceClock::default(),
        }
    }
}

/// What `/api/system/info` says about the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemInfo {
    pub version: ServerVersion,
    /// `version` as the server writes it (`2.41.3-SNAPSHOT`).
    pub version_text: String,
    pub revision: Option<String>,
    /// The server's clock as it writes it: local time without an offset (`2026-12-05T10:02:11.123`).
    pub server_date: Option<String>,
    /// The IANA zone `server_date` and other server timestamps are in (`Asia/Phnom_Penh`).
    pub time_zone: Option<String>,
    pub context_path: Option<String>,
    pub system_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SystemInfoJson {
    version: Option<String>,
    revision: Option<String>,
    server_date: Option<String>,
    server_time_zone_id: Option<String>,
    context_path: Option<String>,
    system_name: Option<String>,
}

impl SystemInfo {
    /// Reads the answer of `/api/system/info` from `url`.
    fn read(url: &str, body: &[u8]) -> Result<SystemInfo, ClientError> {
        let not_dhis2 = || ClientError::NotDhis2 { url: url.to_string() };
        let json: SystemInfoJson = serde_json::from_slice(body).map_err(|_| not_dhis2())?;
        let version_text = json.version.ok_or_else(not_dhis2)?;
        let version = ServerVersion::parse(&version_text).ok_or_else(not_dhis2)?;
        if version < OLDEST_SUPPORTED {
            return Err(ClientError::UnsupportedVersion { url: url.to_string(), version: version_text });
        }
        Ok(SystemInfo {
            version,
            version_text,
            revision: json.revision,
            server_date: json.server_date,
            time_zone: json.server_time_zone_id,
            context_path: json.context_path,
            system_name: json.system_name,
        })
    }
}

/// A DHIS2 server that answered with the account's credentials.
pub struct Client {
    url: ServerUrl,
    http: http::Http,
    system: SystemInfo,
}

/// Shows the server and its system information, never the credentials.
impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("url", &self.url).field("system", &self.system).finish_non_exhaustive()
    }
}

impl Client {
    /// Checks the target's address, connects with `credentials` and reads the server's system
    /// information (see the module comment for what is refused).
    pub fn connect(
        target: &ServerTarget,
        credentials: Credentials,
        options: ClientOptions,
    ) -> Result<Client, ClientError> {
        let url = ServerUrl::parse(target.url())?;
        let http = http::Http::new(url.as_str(), &credentials, &options)?;
        let info_url = url.join(SYSTEM_INFO);
        let body = match http.get(&info_url) {
            Err(ClientError::Http { status: 404, .. }) => return Err(ClientError::NotDhis2 { url: info_url }),
            other => other?,
        };
        let system = SystemInfo::read(&info_url, &body)?;
        Ok(Client { url, http, system })
    }

    /// The server's address, normalised.
    pub fn url(&self) -> &ServerUrl {
        &self.url
    }

    /// What the server said about itself when the client connected.
    pub fn system(&self) -> &SystemInfo {
        &self.system
    }
}

impl Api for Client {
    fn version(&self) -> ServerVersion {
        self.system.version
    }

    fn get(&self, path_and_query: &str) -> Result<Vec<u8>, ClientError> {
        self.http.get(&self.url.join(path_and_query))
    }

    fn post_json(&self, path_and_query: &str, body: &[u8]) -> Result<Answer, ClientError> {
        self.http.post_json(&self.url.join(path_and_query), body)
    }
}

#[cfg(test)]
mod tests;
