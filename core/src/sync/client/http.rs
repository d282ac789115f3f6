//! One request and what its answer means: the ureq agent (timeouts, no redirects, no proxy, gzip,
//! the pinned TLS connector when the account has a pin), the `Authorization` header, and the
//! reading of an answer into a body or a [`ClientError`].
//!
//! An answer is taken only when it is what DHIS2's API sends: a 2xx (or, for a POST, a 409 with
//! its import report) with a body that is not HTML. A redirect or an HTML page is
//! [`ClientError::LoginPage`] (DHIS2 redirects to its login page when a session is not accepted,
//! and so do proxies and captive portals); 401 and 403 are [`ClientError::Unauthorized`]; any
//! other status is [`ClientError::Http`] with its `Retry-After`. A body is read up to the limit
//! and no further: a `Content-Length` over it is refused before a byte of the body is read, and a
//! body without one is cut at one byte over the limit.
//!
//! Owns the agent, the header and the reading of answers. Does not own the addresses
//! (`url`), the pinned verifier (`tls`) or what the bodies mean (`Client`, `sync`).

use std::io;
use std::time::Duration;

use base64ct::{Base64, Encoding};
use chrono::{DateTime, Utc};
use ureq::http::{HeaderMap, Response};
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::{Connector, TcpConnector};
use ureq::{Agent, Body};

use super::tls::{is_pin_mismatch, PinnedTls};
use super::{ClientOptions, Credentials};
use crate::model::DeviceClock;
use crate::sync::{Answer, ClientError};

/// Requests with one account's credentials and options.
pub(super) struct Http {
    agent: Agent,
    authorization: String,
    max_body_bytes: u64,
    clock: DeviceClock,
}

impl Http {
    /// `url` names the server in an error about the pinned certificate.
    pub(super) fn new(url: &str, credentials: &Credentials, options: &ClientOptions) -> Result<Http, ClientError> {
        Ok(Http {
            agent: agent(url, options)?,
            authorization: authorization(credentials),
            max_body_bytes: options.max_body_bytes,
            clock: options.clock,
        })
    }

    /// GET a JSON document: the body of a 2xx answer.
    pub(super) fn get(&self, url: &str) -> Result<Vec<u8>, ClientError> {
        let result = self.agent.get(url).header("Authorization", &self.authorization).call();
        self.answer(url, result, false).map(|a| a.body)
    }

    /// POST a JSON body: a 2xx or 409 answer.
    pub(super) fn post_json(&self, url: &str, body: &[u8]) -> Result<Answer, ClientError> {
        let result = self
            .agent
            .post(url)
            .header("Authorization", &self.authorization)
            .header("Content-Type", "application/json")
            .send(body);
        self.answer(url, result, true)
    }

    fn answer(
        &self,
        url: &str,
        result: Result<Response<Body>, ureq::Error>,
        report_on_409: bool,
    ) -> Result<Answer, ClientError> {
        let mut response = result.map_err(|e| transport_error(url, e, false, self.max_body_bytes))?;
        let status = response.status().as_u16();
        match status {
            200..=299 => {}
            409 if report_on_409 => {}
            300..=399 => return Err(ClientError::LoginPage { url: url.to_string() }),
            401 | 403 => return Err(ClientError::Unauthorized { url: url.to_string() }),
            _ => {
                let now = server_clock(response.headers()).unwrap_or_else(|| self.clock.instant());
                let retry_after = response
                    .headers()
                    .get("Retry-After")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| retry_after(v, now));
                return Err(ClientError::Http { url: url.to_string(), status, retry_after });
            }
        }
        if response.body().mime_type().is_some_and(|m| m.eq_ignore_ascii_case("text/html")) {
            return Err(ClientError::LoginPage { url: url.to_string() });
        }
        let limit = self.max_body_bytes;
        if response.body().content_length().is_some_and(|n| n > limit) {
            return Err(ClientError::TooLarge { url: url.to_string(), limit });
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| transport_error(url, e, true, limit))?;
        if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
            return Err(ClientError::LoginPage { url: url.to_string() });
        }
        Ok(Answer { status, body })
    }
}

/// The agent for `options`: no redirects followed (a redirect is answered, and read as a login
/// page), statuses answered rather than turned into errors, no proxy from the environment,
/// `Accept-Encoding: gzip` (ureq's gzip feature sends it and inflates the body); on Android the
/// platform's trust store.
fn agent(url: &str, options: &ClientOptions) -> Result<Agent, ClientError> {
    let builder = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .proxy(None)
        .user_agent(concat!("phum/", env!("CARGO_PKG_VERSION")))
        .accept("application/json")
        .timeout_resolve(Some(options.connect_timeout))
        .timeout_connect(Some(options.connect_timeout))
        .timeout_per_read(Some(options.read_timeout))
        .timeout_per_write(Some(options.read_timeout));
    // Android: the phone's certificate store (rustls-platform-verifier, started by the bindings'
    // JNI_OnLoad), so certificates the user or the ministry's devices trust are trusted here too.
    // Elsewhere ureq's default, the webpki roots.
    #[cfg(target_os = "android")]
    let builder =
        builder.tls_config(ureq::tls::TlsConfig::builder().root_certs(ureq::tls::RootCerts::PlatformVerifier).build());
    let config = builder.build();
    Ok(match &options.pinned_certificate {
        None => Agent::new_with_config(config),
        Some(der) => {
            let tls =
                PinnedTls::new(der).map_err(|e| ClientError::Tls { url: url.to_string(), detail: e.to_string() })?;
            Agent::with_parts(config, ().chain(TcpConnector::default()).chain(tls), DefaultResolver::default())
        }
    })
}

/// `Basic base64(username:password)` or `ApiToken d2pat_…` (DHIS2's personal access tokens).
fn authorization(credentials: &Credentials) -> String {
    match credentials {
        Credentials::Password { username, password } => {
            format!("Basic {}", Base64::encode_string(format!("{username}:{password}").as_bytes()))
        }
        Credentials::Token(token) => format!("ApiToken {}", token.trim()),
    }
}

/// The server's clock from the answer's `Date` header.
fn server_clock(headers: &HeaderMap) -> Option<DateTime<Utc>> {
    let value = headers.get("Date")?.to_str().ok()?;
    DateTime::parse_from_rfc2822(value.trim()).ok().map(|d| d.to_utc())
}

/// `Retry-After` (RFC 9110 §10.2.3): a number of seconds, or an HTTP date (IMF-fixdate,
/// `Wed, 21 Oct 2026 07:28:00 GMT`), which is read against `now` (the server's `Date` when it
/// sent one, so that a wrong clock on the phone does not matter). A date in the past is no wait.
pub(super) fn retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = DateTime::parse_from_rfc2822(value).ok()?.to_utc();
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// What a failed request or body read means. `reading_body`: the answer's head had arrived, so a
/// broken connection cut the body short.
fn transport_error(url: &str, error: ureq::Error, reading_body: bool, limit: u64) -> ClientError {
    let url_text = || url.to_string();
    match error {
        ureq::Error::Timeout(_) => ClientError::Timeout { url: url_text() },
        ureq::Error::BodyExceedsLimit(_) => ClientError::TooLarge { url: url_text(), limit },
        ureq::Error::HostNotFound => ClientError::Connect { url: url_text(), detail: "host not found".into() },
        ureq::Error::Rustls(e) => tls_error(url, &e),
        ureq::Error::Tls(detail) => ClientError::Tls { url: url_text(), detail: detail.into() },
        ureq::Error::Io(e) => io_error(url, e, reading_body),
        ureq::Error::Decompress(_, e) => match e.kind() {
            io::ErrorKind::UnexpectedEof if reading_body => ClientError::Truncated { url: url_text() },
            _ => ClientError::BadAnswer { url: url_text(), detail: format!("gzip: {e}") },
        },
        ureq::Error::Protocol(_) if reading_body => ClientError::Truncated { url: url_text() },
        other => ClientError::Connect { url: url_text(), detail: other.to_string() },
    }
}

fn io_error(url: &str, error: io::Error, reading_body: bool) -> ClientError {
    if let Some(tls) = error.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()) {
        return tls_error(url, tls);
    }
    match error.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => ClientError::Timeout { url: url.to_string() },
        _ if reading_body => ClientError::Truncated { url: url.to_string() },
        _ => ClientError::Connect { url: url.to_string(), detail: error.to_string() },
    }
}

fn tls_error(url: &str, error: &rustls::Error) -> ClientError {
    if is_pin_mismatch(error) {
        ClientError::CertificateMismatch { url: url.to_string() }
    } else {
        ClientError::Tls { url: url.to_string(), detail: error.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_as_an_http_date() {
        let now = at("2026-12-05T03:00:00Z");
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(retry_after("Sat, 05 Dec 2026 03:01:30 GMT", now), Some(Duration::from_secs(90)));
        assert_eq!(retry_after("Sat, 05 Dec 2026 02:00:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(retry_after("soon", now), None);
        assert_eq!(retry_after("-5", now), None);
    }

    #[test]
    fn passwords_go_as_basic_and_tokens_as_api_token() {
        let password = Credentials::Password { username: "sokha".into(), password: "Phum!2026".into() };
        assert_eq!(authorization(&password), "Basic c29raGE6UGh1bSEyMDI2");
        let token = Credentials::Token(" d2pat_abc123 ".into());
        assert_eq!(authorization(&token), "ApiToken d2pat_abc123");
    }
}
