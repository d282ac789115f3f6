//! The metadata download: what the user may capture and search (programs, data sets, the org
//! units of the capture and search scopes, everything they reference), with every translation,
//! imported as one all-or-nothing import.
//!
//! The flow: [`download`] sends the requests of `plan` one by one (`fetch`: cancellable before
//! each, progress after each, every answer checked to be a JSON object with its list, its bytes
//! kept in memory and added to the fingerprint of the download, `fingerprint`). When that
//! fingerprint equals the one stored after the last import (sync cursor [`FINGERPRINT_CURSOR`])
//! the metadata is unchanged and nothing is imported. Otherwise every answer goes to
//! [`Store::import_metadata`] as one import, which replaces all metadata in one transaction or
//! changes nothing; the new fingerprint is stored right after it commits (the import runs its
//! own transaction, so it cannot be the same one: a process killed in between only costs one
//! needless import next time). A request that fails, an answer that is not JSON, a cancel
//! (checked once more before the import), or an import that refuses the metadata leave the
//! previous metadata in use, untouched. A demo database is refused before any request.
//!
//! Owns the download as a whole and its outcome. Does not own the requests' content (`plan`,
//! `fields`, `query`), the transport (`Api`), or parsing and checking metadata (`store::import`).

mod fetch;
mod fields;
mod fingerprint;
mod plan;
mod query;

use crate::i18n::{Localize, Message};
use crate::msg;
use crate::store::import::{ImportReport, ImportSource};
use crate::store::Store;
use crate::sync::{Api, Observer, SyncError};

pub use query::MAX_QUERY;

/// The sync cursor holding the fingerprint of the last imported download.
pub const FINGERPRINT_CURSOR: &str = "metadata.fingerprint";

/// What a download did to the stored metadata.
#[derive(Debug, Clone, PartialEq)]
pub enum MetadataChange {
    /// The server's metadata differed from the last import: it replaced the stored metadata.
    Imported(ImportReport),
    /// The same answers as at the last import: nothing was imported.
    Unchanged,
}

/// What a metadata download did and cost.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataOutcome {
    pub change: MetadataChange,
    /// Requests sent (pages counted one by one).
    pub requests: u64,
    /// Bytes of the answers' bodies as received.
    pub bytes: u64,
}

impl MetadataOutcome {
    /// Whether the download replaced the stored metadata.
    pub fn imported(&self) -> bool {
        matches!(self.change, MetadataChange::Imported(_))
    }
}

impl Localize for MetadataOutcome {
    fn message(&self) -> Message {
        let (requests, kilobytes) = (self.requests as i64, self.bytes.div_ceil(1024) as i64);
        match &self.change {
            MetadataChange::Imported(report) => {
                msg!("sync-metadata-imported", objects = report.total(), requests = requests, kilobytes = kilobytes)
            }
            MetadataChange::Unchanged => msg!("sync-metadata-unchanged", requests = requests, kilobytes = kilobytes),
        }
    }
}

/// Downloads the metadata the user may capture and search with, and imports it unless it is
/// unchanged since the last import. On any error the previous metadata stays in use.
pub fn download(api: &dyn Api, store: &mut Store, observer: &dyn Observer) -> Result<MetadataOutcome, SyncError> {
    // The gate (`connect_target`) already keeps demo databases from servers; a server's metadata
    // never lands in practice data either, whatever `Api` is given.
    if store.is_demo() {
        return Err(SyncError::DemoAccount);
    }
    let mut fetcher = fetch::Fetcher::new(api, observer);
    plan::run(&mut fetcher)?;
    let (requests, bytes) = (fetcher.requests(), fetcher.bytes);
    let fingerprint = fetcher.fingerprint.finish();
    let has_metadata = store.metadata_counts()?.values().any(|n| *n > 0);
    if has_metadata && store.sync_value(FINGERPRINT_CURSOR)?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(MetadataOutcome { change: MetadataChange::Unchanged, requests, bytes });
    }
    // The import takes a while on a phone: a cancel during the last request still stops here.
    if observer.cancelled() {
        return Err(SyncError::Cancelled);
    }
    let sources = sources(fetcher.answers);
    let report = store.import_metadata(&sources)?;
    store.set_sync_value(FINGERPRINT_CURSOR, &fingerprint)?;
    Ok(MetadataOutcome { change: MetadataChange::Imported(report), requests, bytes })
}

/// The answers as import sources, named by endpoint (`/api/programs`, and `/api/programs (2)`
/// for the second answer of the same endpoint) so that an import error names where it came from.
fn sources(answers: Vec<fetch::Fetched>) -> Vec<ImportSource> {
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    answers
        .into_iter()
        .map(|a| {
            let path = a.request.split('?').next().unwrap_or_default().to_string();
            let n = seen.entry(path.clone()).or_default();
            *n += 1;
            let name = if *n == 1 { path } else { format!("{path} ({n})") };
            ImportSource::Bytes { name, bytes: a.body }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
