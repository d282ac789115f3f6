//! A server's address as the client uses it: the text a person typed, checked and written one way.
//!
//! `  HMIS.moh.gov.kh:443/dhis/ ` becomes `https://hmis.moh.gov.kh/dhis`: surrounding blanks
//! trimmed, `https://` added when no scheme is given, the host lower-cased, the scheme's default
//! port and trailing slashes dropped, a context path (`/dhis`) kept. Anything that is not the
//! address of a server (blanks or control characters inside, another scheme, no host, a query, a
//! fragment, a user name in the address, a port out of range, a host with other characters than a
//! DNS name or an IP address has) is [`ClientError::InvalidUrl`]. Plain `http` is accepted only
//! for this device (127.0.0.0/8, `::1`, `localhost`: a test server or a tunnel); any other host
//! over `http` is [`ClientError::InsecureUrl`], since the password would cross the network in
//! clear.
//!
//! Owns the rule. Does not own the database file name of an account (`store::Account`, which
//! reads the address more leniently, so that an address typed differently finds the same file).

use std::net::IpAddr;

use crate::sync::ClientError;

/// A checked server address: `https://host[:port][/context]`, or `http://` to this device.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ServerUrl {
    base: String,
}

impl ServerUrl {
    /// Checks and normalises `text` (see the module comment).
    pub fn parse(text: &str) -> Result<ServerUrl, ClientError> {
        let invalid = || ClientError::InvalidUrl { url: shorten(text) };
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (scheme, rest) = match trimmed.split_once("://") {
            Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
            None => ("https".to_string(), trimmed),
        };
        let default_port = match scheme.as_str() {
            "https" => 443,
            "http" => 80,
            _ => return Err(invalid()),
        };
        if rest.contains(['?', '#']) {
            return Err(invalid());
        }
        let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
        let (host, port) = split_host_port(authority).ok_or_else(invalid)?;
        let host = host.to_ascii_lowercase();
        let ip = parse_ip(&host);
        if ip.is_none() && !is_dns_name(&host) {
            return Err(invalid());
        }
        let port = match port {
            None => None,
            Some(p) => match p.parse::<u16>() {
                Ok(0) | Err(_) => return Err(invalid()),
                Ok(p) if p == default_port => None,
                Ok(p) => Some(p),
            },
        };
        let host_text = match ip {
            Some(IpAddr::V6(_)) => format!("[{host}]"),
            _ => host.clone(),
        };
        let port_text = port.map(|p| format!(":{p}")).unwrap_or_default();
        let base = format!("{scheme}://{host_text}{port_text}{}", path.trim_end_matches('/'));
        let loopback = host == "localhost" || ip.is_some_and(|ip| ip.is_loopback());
        if scheme == "http" && !loopback {
            return Err(ClientError::InsecureUrl { url: base });
        }
        Ok(ServerUrl { base })
    }

    /// `https://hmis.moh.gov.kh/dhis`: no trailing slash.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// The address of `path_and_query` (which starts with `/api/`) on this server.
    pub fn join(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base)
    }
}

impl std::fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.base)
    }
}

/// `host:port`, `[::1]:8080`, `host` -> host (without brackets) and port text. `None`: no host,
/// a user name (`user@host`), or an unclosed bracket.
fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let (host, after) = inner.split_once(']')?;
        match after {
            "" => (host, None),
            _ => (host, Some(after.strip_prefix(':')?)),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    (!host.is_empty()).then_some((host, port))
}

fn parse_ip(host: &str) -> Option<IpAddr> {
    host.parse::<IpAddr>().ok()
}

/// Letters, digits and hyphens in dot-separated labels (an internationalised name is typed in its
/// `xn--` form).
fn is_dns_name(host: &str) -> bool {
    host.len() <= 253
        && host.trim_end_matches('.').split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// What a person typed, cut to a length a message can show.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(100).collect();
    if text.chars().count() > 100 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses_are_written_one_way() {
        let cases = [
            ("https://hmis.moh.gov.kh", "https://hmis.moh.gov.kh"),
            ("  hmis.moh.gov.kh  ", "https://hmis.moh.gov.kh"),
            ("HMIS.MoH.gov.KH", "https://hmis.moh.gov.kh"),
            ("HTTPS://hmis.moh.gov.kh/", "https://hmis.moh.gov.kh"),
            ("https://hmis.moh.gov.kh:443/", "https://hmis.moh.gov.kh"),
            ("https://hmis.moh.gov.kh:8443", "https://hmis.moh.gov.kh:8443"),
            ("https://hmis.moh.gov.kh/dhis/", "https://hmis.moh.gov.kh/dhis"),
            ("https://hmis.moh.gov.kh/dhis//", "https://hmis.moh.gov.kh/dhis"),
            ("play.dhis2.org/40.4.0", "https://play.dhis2.org/40.4.0"),
            ("https://10.0.0.5:8443/dhis", "https://10.0.0.5:8443/dhis"),
            ("https://[2001:db8::1]/", "https://[2001:db8::1]"),
            ("http://localhost:8080/", "http://localhost:8080"),
            ("http://LOCALHOST", "http://localhost"),
            ("http://127.0.0.1:8080/dhis", "http://127.0.0.1:8080/dhis"),
            ("http://127.3.2.1:80", "http://127.3.2.1"),
            ("http://[::1]:8080", "http://[::1]:8080"),
        ];
        for (typed, expected) in cases {
            let url = ServerUrl::parse(typed).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
            assert_eq!(url.as_str(), expected, "{typed:?}");
        }
        let url = ServerUrl::parse("hmis.moh.gov.kh/dhis").unwrap();
        assert_eq!(url.join("/api/me"), "https://hmis.moh.gov.kh/dhis/api/me");
    }

    #[test]
    fn text_that_is_no_server_address_is_refused() {
        let cases = [
            "",
            "   ",
            "hmis moh.gov.kh",
            "https://hmis.moh.gov.kh/my dhis",
            "ftp://hmis.moh.gov.kh",
            "file:///etc/passwd",
            "javascript://alert(1)",
            "https://",
            "https:///dhis",
            "https://:8080",
            "https://hmis.moh.gov.kh:0",
            "https://hmis.moh.gov.kh:70000",
            "https://hmis.moh.gov.kh:port",
            "https://user:secret@hmis.moh.gov.kh",
            "https://hmis.moh.gov.kh/?x=1",
            "https://hmis.moh.gov.kh/#top",
            "https://[::1",
            "https://hmis_moh.gov.kh",
            "https://-hmis.gov.kh",
            "https://ក្រសួង.kh",
            "https://hmis.moh.gov.kh\u{0}",
        ];
        for typed in cases {
            let err = ServerUrl::parse(typed).expect_err(typed);
            assert!(matches!(err, ClientError::InvalidUrl { .. }), "{typed:?}: {err:?}");
        }
    }

    #[test]
    fn plain_http_is_refused_except_to_this_device() {
        for typed in ["http://hmis.moh.gov.kh", "http://10.0.0.5:8080", "http://128.0.0.1", "http://[2001:db8::1]"] {
            let err = ServerUrl::parse(typed).expect_err(typed);
            assert!(matches!(err, ClientError::InsecureUrl { .. }), "{typed:?}: {err:?}");
        }
        for typed in ["http://localhost", "http://127.0.0.1:8080", "http://127.255.255.254", "http://[::1]"] {
            assert!(ServerUrl::parse(typed).is_ok(), "{typed:?}");
        }
    }
}
