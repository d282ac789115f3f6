//! Talking to a DHIS2 server: signing in, and a sync that sends what was captured here and
//! brings what changed there, exactly once whatever the network does.
//!
//! Where things are:
//! - `api`: what the rest needs from a server (a trait), its version, transport errors;
//!   `client`: the one real server (ureq 3, rustls, pinning, timeouts, auth);
//! - `login`: online and offline sign-in (argon2id), signing out;
//! - `run`: one sync (metadata, upload, download) as a state machine kept in the store, with
//!   `retry` (backoff, `Retry-After`) and `progress` (the front end's observer);
//! - `metadata`, `upload`, `download`: the three phases; `wire`: the JSON they send and read;
//! - `status`: refused records as messages that name the record, the field and the reason.
//!
//! Every connection keeps to the gate, which is this file:
//! - a connection is opened only for a [`ServerTarget`], and the only way to get one is
//!   [`connect_target`], which refuses the demo account and any database carrying the demo mark
//!   with [`SyncError::DemoAccount`]: practice data never leaves the device (`run` checks the
//!   mark again);
//! - network APIs (`ureq`, `std::net`, sockets) are named only in this module: the test
//!   `networking_is_named_only_in_the_sync_module` fails when code elsewhere in the core names
//!   one, so that no other code path can open a connection, for a demo account or any other.
//!
//! Owns the gate and [`SyncError`]. Does not own accounts' files (`store::Account`), the demo
//! mark (`store::demo`), demo data (`demo`), or the rows sync reads and writes
//! (`store::data::{outbox, inbox}`, `store::sync_job`).

pub mod api;
pub mod client;
pub mod download;
pub mod login;
pub mod metadata;
pub mod progress;
pub mod retry;
pub mod run;
pub mod status;
pub mod upload;
pub mod wire;

use crate::i18n::{Localize, Message};
use crate::msg;
use crate::search::SearchError;
use crate::store::data::DataError;
use crate::store::import::ImportError;
use crate::store::{Account, Store, StoreError};

pub use api::{Answer, Api, ClientError, ServerVersion};
pub use progress::{Observer, Phase, Progress, Quiet};

/// A server that data may be sent to and fetched from: a DHIS2 account whose database is not a
/// demo database. Only [`connect_target`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerTarget {
    url: String,
    username: String,
}

impl ServerTarget {
    /// The server's address as the account has it.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn username(&self) -> &str {
        &self.username
    }
}

/// Why a sync (or a part of it) did not happen or stopped.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The demo account, or a database with the demo mark: no connection is opened.
    DemoAccount,
    /// The request got no usable answer.
    Client(#[from] ClientError),
    /// An answer that is JSON of the right outline but not what DHIS2 sends at `endpoint`:
    /// a wrong type, an unknown status, a record without its UID (`detail` says which).
    BadAnswer {
        endpoint: String,
        detail: String,
    },
    /// The downloaded metadata could not be imported; the previous metadata stays in use.
    Import(#[from] ImportError),
    Data(#[from] DataError),
    Store(#[from] StoreError),
    /// Keeping the search index up to date as people arrive.
    Index(#[from] SearchError),
    /// The person (or the system) stopped the sync; it goes on from where it was next time.
    Cancelled,
}

impl Localize for SyncError {
    fn message(&self) -> Message {
        match self {
            SyncError::DemoAccount => Message::new("sync-demo-account"),
            SyncError::Client(e) => e.message(),
            SyncError::BadAnswer { endpoint, detail } => {
                msg!("sync-bad-answer", endpoint = endpoint, detail = detail)
            }
            SyncError::Import(e) => msg!("sync-metadata-not-imported", reason = e.message()),
            SyncError::Data(e) => e.message(),
            SyncError::Store(e) => e.message(),
            SyncError::Index(e) => e.message(),
            SyncError::Cancelled => Message::new("sync-cancelled"),
        }
    }
}
crate::english_display!(SyncError);

/// The server `store` (the database of `account`) may talk to, or why it may not. Every
/// connection to a server is opened for the target this returns, and for nothing else.
pub fn connect_target(store: &Store, account: &Account) -> Result<ServerTarget, SyncError> {
    match account {
        _ if store.is_demo() => Err(SyncError::DemoAccount),
        Account::Demo => Err(SyncError::DemoAccount),
        Account::Server { url, username } => Ok(ServerTarget { url: url.clone(), username: username.clone() }),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::model::DeviceClock;
    use crate::test_dates::ymd;

    fn server() -> Account {
        Account::Server { url: "https://hmis.moh.gov.kh".into(), username: "sokha".into() }
    }

    #[test]
    fn a_demo_database_is_refused_whichever_account_it_is_opened_as() {
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::populate(&mut store, &DeviceClock::default().pinned_on(ymd(2026, 12, 5))).unwrap();
        for account in [Account::Demo, server()] {
            let err = connect_target(&store, &account).unwrap_err();
            assert!(matches!(err, SyncError::DemoAccount));
            assert!(err.to_string().contains("never sent to a server"), "{err}");
        }
    }

    #[test]
    fn the_demo_account_is_refused_and_a_server_account_gets_its_target() {
        let store = Store::open_in_memory().unwrap();
        assert!(matches!(connect_target(&store, &Account::Demo), Err(SyncError::DemoAccount)));
        let target = connect_target(&store, &server()).unwrap();
        assert_eq!((target.url(), target.username()), ("https://hmis.moh.gov.kh", "sokha"));
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Network APIs a connection could be opened with.
    const NETWORK: [&str; 9] =
        ["ureq", "std::net", "TcpStream", "TcpListener", "UdpSocket", "reqwest", "hyper::", "tokio::net", "socket2"];

    /// The places a file names a network API.
    fn network_uses(text: &str) -> Vec<&'static str> {
        NETWORK.into_iter().filter(|needle| text.contains(needle)).collect()
    }

    #[test]
    fn networking_is_named_only_in_the_sync_module() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let gate = src.join("sync");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        assert!(files.len() > 50, "the scan must see the core's sources");
        let offenders: Vec<String> = files
            .iter()
            .filter(|f| !f.starts_with(&gate))
            .filter_map(|f| {
                let found = network_uses(&std::fs::read_to_string(f).unwrap());
                (!found.is_empty()).then(|| format!("{}: {found:?}", f.display()))
            })
            .collect();
        assert!(offenders.is_empty(), "only core/src/sync/ may open connections: {offenders:#?}");
        // The scan recognises what it looks for.
        assert_eq!(network_uses("let s = std::net::TcpStream::connect(a)?;"), ["std::net", "TcpStream"]);
        assert_eq!(network_uses("ureq::get(url).call()"), ["ureq"]);
        assert!(network_uses("hypertension").is_empty());
    }

    #[test]
    fn every_sync_error_variant_renders_in_both_languages() {
        let variants = |e: &SyncError| match e {
            SyncError::DemoAccount => "DemoAccount",
            SyncError::Client(_) => "Client",
            SyncError::BadAnswer { .. } => "BadAnswer",
            SyncError::Import(_) => "Import",
            SyncError::Data(_) => "Data",
            SyncError::Store(_) => "Store",
            SyncError::Index(_) => "Index",
            SyncError::Cancelled => "Cancelled",
        };
        let samples = [
            SyncError::DemoAccount,
            SyncError::Client(ClientError::Timeout { url: "https://hmis.moh.gov.kh/api/me".into() }),
            SyncError::BadAnswer {
                endpoint: "/api/tracker/events".into(),
                detail: "events[3].status: unknown variant `DONE`".into(),
            },
            SyncError::Import(ImportError::NoSources),
            SyncError::Data(DataError::NotFound {
                kind: crate::store::data::RecordKind::Event,
                uid: "PhumEvent01".into(),
            }),
            SyncError::Store(StoreError::Sql(rusqlite::Error::InvalidQuery)),
            SyncError::Index(SearchError::EmptyQuery),
            SyncError::Cancelled,
        ];
        let names: std::collections::BTreeSet<_> = samples.iter().map(variants).collect();
        assert_eq!(names.len(), 8);
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
        assert!(SyncError::DemoAccount.to_string().contains("never sent"));
    }
}
