//! The child process of the killed-sync test (tests/tests/sync_killed.rs): opens the encrypted
//! database with the hex key given, connects to the DHIS2 test server at URL as the demo's
//! trainee (short timeouts and retries, so that a slow or hanging server is met within a round),
//! runs (or resumes) one sync, and reports on stdout in one write(2):
//! - `DONE <sent> <received> <refused> <waiting>` when the sync returned Ok (exit 0);
//! - `ERROR <text>` when it returned an error (exit 3): a sync stopped by the server's faults
//!   is allowed, the next one goes on from the phase it reached.
//!
//! Usage: `sync_child DB KEY_HEX URL`. Not a tool for people: it panics on anything else that
//! goes wrong, which the test sees as a child that was not killed.

use std::path::PathBuf;
use std::time::Duration;

use phum_core::model::DeviceClock;
use phum_core::store::{Account, DbKey, Store};
use phum_core::sync::client::{Client, ClientOptions, Credentials};
use phum_core::sync::download::DownloadOptions;
use phum_core::sync::progress::Quiet;
use phum_core::sync::retry::RetryPolicy;
use phum_core::sync::run::{self, SyncOptions};
use phum_core::sync::{connect_target, SyncError};
use phum_tests::dhis2_server::DEMO_PASSWORD;

/// Writes `text` with one write(2): on a pipe, a write of at most PIPE_BUF bytes is atomic.
fn emit(text: &str) {
    let text: String = text.chars().take(1000).collect();
    let bytes = text.as_bytes();
    let mut done = 0;
    while done < bytes.len() {
        // SAFETY: writes from a live buffer to stdout's descriptor.
        let n = unsafe { libc::write(1, bytes[done..].as_ptr().cast(), bytes.len() - done) };
        assert!(n > 0, "stdout closed");
        done += n as usize;
    }
}

fn sync(store: &mut Store, url: &str) -> Result<run::SyncSummary, SyncError> {
    let account = Account::Server { url: url.to_string(), username: "trainee".into() };
    let target = connect_target(store, &account)?;
    let credentials = Credentials::Password { username: "trainee".into(), password: DEMO_PASSWORD.into() };
    let options = ClientOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(2),
        ..ClientOptions::default()
    };
    let client = Client::connect(&target, credentials, options)?;
    let options = SyncOptions {
        retry: RetryPolicy {
            attempts: 4,
            first_delay: Duration::from_millis(20),
            max_delay: Duration::from_millis(200),
        },
        // Small pages: a download takes several requests, so kills land between its pages too.
        download: DownloadOptions { page_size: 20, ..DownloadOptions::default() },
    };
    run::sync(&client, store, &DeviceClock::default(), &Quiet, &options)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, key, url] = args.as_slice() else {
        eprintln!("usage: sync_child DB KEY_HEX URL");
        std::process::exit(2);
    };
    let key = DbKey::from_hex(key).expect("key");
    let mut store = Store::open(&PathBuf::from(db), Some(&key)).expect("open");
    match sync(&mut store, url) {
        Ok(s) => {
            emit(&format!("DONE {} {} {} {}\n", s.sent.stored, s.received.received, s.refused, s.waiting));
        }
        Err(e) => {
            emit(&format!("ERROR {}\n", e.to_string().replace('\n', " ")));
            std::process::exit(3);
        }
    }
}
