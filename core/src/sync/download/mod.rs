//! Receiving what others captured and what the server changed: people with their enrollments and
//! events per tracker program (`tracker`), events of event programs (`events`), aggregate values
//! and completions of the current and previous periods (`aggregate`).
//!
//! Every download is per (program or data set, capture org unit), incremental by `updatedAfter`
//! on the server's own clock: the server's `serverDate` read at the start of a unit's download
//! becomes that unit's cursor once the unit is complete, so a clock far from the phone's changes
//! nothing and an interrupted unit is downloaded again from its old cursor (writing a record
//! twice is harmless). Records are written by `store::data::inbox`, which never overwrites local
//! changes. A record that uses metadata this device does not have (a program, stage, org unit,
//! attribute or data element outside the user's metadata) is skipped and counted: storing it
//! would make the next metadata import refuse to leave it without its metadata.
//!
//! Owns the requests, paging, cursors and the checks against local metadata. Does not own
//! writing records (`inbox`), reading their JSON (`wire`) or retries (`run`).

pub mod aggregate;
pub mod events;
mod pages;
pub mod scope;
pub mod tracker;

use serde::Deserialize;

use crate::store::data::inbox::Received;
use crate::sync::wire::parse;
use crate::sync::{Api, SyncError};

/// Limits of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadOptions {
    /// Records per page.
    pub page_size: usize,
    /// At most this many people (tracker) or events (event programs) per program and capture
    /// org unit; the Android SDK's default is 500.
    pub limit_per_org_unit: usize,
}

impl Default for DownloadOptions {
    fn default() -> DownloadOptions {
        DownloadOptions { page_size: 100, limit_per_org_unit: 500 }
    }
}

/// What a download did, for the sync summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DownloadCounts {
    /// Records new here or updated from the server.
    pub received: usize,
    /// Records already here as the server has them.
    pub unchanged: usize,
    /// Records removed because the server deleted them.
    pub removed: usize,
    /// Records with local changes waiting: kept, the server's version kept beside them.
    pub conflicts: usize,
    /// Records skipped because they use metadata this device does not have.
    pub skipped: usize,
}

impl DownloadCounts {
    pub fn add(&mut self, other: DownloadCounts) {
        self.received += other.received;
        self.unchanged += other.unchanged;
        self.removed += other.removed;
        self.conflicts += other.conflicts;
        self.skipped += other.skipped;
    }

    pub fn count(&mut self, r: Received) {
        match r {
            Received::New | Received::Stored => self.received += 1,
            Received::Unchanged | Received::Skipped => self.unchanged += 1,
            Received::Removed => self.removed += 1,
            Received::Conflict => self.conflicts += 1,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ServerDate {
    server_date: Option<String>,
}

/// The server's clock now (`serverDate` of `/api/system/info`), as the server writes it.
pub fn server_date(api: &dyn Api) -> Result<String, SyncError> {
    let endpoint = "/api/system/info";
    let date: ServerDate = parse(endpoint, &api.get("/api/system/info?fields=serverDate")?)?;
    date.server_date
        .filter(|d| !d.is_empty())
        .ok_or_else(|| SyncError::BadAnswer { endpoint: endpoint.into(), detail: "serverDate: missing".into() })
}

/// The names of the org unit and org unit mode parameters of tracker exports: `orgUnits` and
/// `orgUnitMode` from 2.41, `orgUnit` and `ouMode` before (research/dhis2-api.md §3.3).
pub(crate) fn org_unit_params(api: &dyn Api) -> (&'static str, &'static str) {
    if api.version().at_least(41) {
        ("orgUnits", "orgUnitMode")
    } else {
        ("orgUnit", "ouMode")
    }
}

/// Percent-encodes a query value (UIDs and ISO timestamps need only `:` and `+` encoded).
pub(crate) fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
