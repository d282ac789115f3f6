//! Which database file belongs to which account: one file per (server, username), and one for
//! demo mode, so that two people on one phone, or one person on two servers, never share data.
//!
//! Owns the file name rule. Does not own where the files live (the shell's private storage) or
//! the key (the shell's keystore).

use std::fmt::Write;

/// The account a database belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Account {
    /// A DHIS2 server account.
    Server { url: String, username: String },
    /// Training mode: bundled practice data that can never be sent to a server.
    Demo,
}

impl Account {
    /// The database file name, stable for the same account however the URL is typed:
    /// scheme, letter case of the host, a trailing slash and a default port do not matter;
    /// the path (`/dhis` on servers under a context path) and the username (DHIS2 usernames are
    /// case-sensitive) do. The name shows the host and user for people looking at the files, and
    /// ends in a hash so that names never collide after cleaning.
    pub fn database_file_name(&self) -> String {
        match self {
            Account::Demo => "phum-demo.db".to_string(),
            Account::Server { url, username } => {
                let server = normalise_url(url);
                let key = format!("{server}\n{username}");
                let readable: String = format!("{server}-{username}")
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' })
                    .take(60)
                    .collect();
                let mut name = String::from("phum-");
                name.push_str(&readable);
                let _ = write!(name, "-{:016x}.db", fnv1a(key.as_bytes()));
                name
            }
        }
    }
}

/// `https://Play.DHIS2.org:443/dev/` -> `play.dhis2.org/dev`.
fn normalise_url(url: &str) -> String {
    let trimmed = url.trim();
    let without_scheme = trimmed.split_once("://").map(|(_, rest)| rest).unwrap_or(trimmed);
    let (host, path) = match without_scheme.find('/') {
        Some(i) => (&without_scheme[..i], &without_scheme[i..]),
        None => (without_scheme, ""),
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_suffix(":443").or_else(|| host.strip_suffix(":80")).unwrap_or(&host);
    format!("{host}{}", path.trim_end_matches('/'))
}

/// 64-bit FNV-1a: small, stable across builds and platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(url: &str, username: &str) -> Account {
        Account::Server { url: url.into(), username: username.into() }
    }

    #[test]
    fn the_same_account_typed_differently_gets_the_same_file() {
        let a = server("https://hmis.moh.gov.kh/", "sokha").database_file_name();
        assert_eq!(a, server("https://HMIS.moh.gov.kh:443", "sokha").database_file_name());
        assert_eq!(a, server("  hmis.moh.gov.kh ", "sokha").database_file_name());
        assert!(a.starts_with("phum-hmis.moh.gov.kh-sokha-") && a.ends_with(".db"), "{a}");
    }

    #[test]
    fn different_users_servers_and_paths_get_different_files() {
        let names = [
            server("https://hmis.moh.gov.kh", "sokha").database_file_name(),
            server("https://hmis.moh.gov.kh", "Sokha").database_file_name(),
            server("https://hmis.moh.gov.kh", "dara").database_file_name(),
            server("https://hmis.moh.gov.kh/dhis", "sokha").database_file_name(),
            server("https://play.dhis2.org/dev", "sokha").database_file_name(),
            Account::Demo.database_file_name(),
        ];
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
    }

    #[test]
    fn file_names_are_safe_whatever_the_input() {
        let name = server("https://x/../../etc", "../../root\u{0}ស").database_file_name();
        assert!(!name.contains('/') && !name.contains('\0') && name.is_ascii(), "{name}");
        let long = server(&"h".repeat(500), &"u".repeat(500)).database_file_name();
        assert!(long.len() < 100, "{long}");
    }
}
