//! Sending what was captured here: tracker records to `/api/tracker` (`tracker`), aggregate
//! values and completions to `/api/dataValueSets` and `/api/completeDataSetRegistrations`
//! (`aggregate`).
//!
//! Every upload follows the three steps of `store::data::outbox` (mark UPLOADING and read, send,
//! settle what is still UPLOADING), one batch at a time, so that a batch whose answer never comes
//! (a dropped connection, a killed process) stays UPLOADING and is simply sent again: the server
//! keeps the client's UIDs and `CREATE_AND_UPDATE` makes a repeated upload change nothing twice.
//!
//! Owns batching, payloads and the mapping of answers to outcomes. Does not own retries and
//! the order of phases (`run`), or the states themselves (`store::data::outbox`).

pub mod aggregate;
pub mod tracker;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{wire, Api, SyncError};

/// POSTs `payload` as JSON to `path` and reads the answer (2xx or 409) as `R`, named `endpoint`
/// in errors.
fn post<T: Serialize, R: DeserializeOwned>(
    api: &dyn Api,
    path: &str,
    endpoint: &str,
    payload: &T,
) -> Result<R, SyncError> {
    let body = serde_json::to_vec(payload).map_err(|e| SyncError::BadAnswer {
        endpoint: endpoint.to_string(),
        detail: format!("the payload could not be written: {e}"),
    })?;
    let answer = api.post_json(path, &body)?;
    wire::parse(endpoint, &answer.body)
}

/// What an upload did, for the sync summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UploadCounts {
    /// Records (and values) sent.
    pub sent: usize,
    /// Of them, stored by the server (with or without warnings).
    pub stored: usize,
    /// Of them, refused.
    pub refused: usize,
    /// Of them, not mentioned in the answer or edited meanwhile: they wait for the next sync.
    pub waiting: usize,
}

impl UploadCounts {
    pub fn add(&mut self, other: UploadCounts) {
        self.sent += other.sent;
        self.stored += other.stored;
        self.refused += other.refused;
        self.waiting += other.waiting;
    }

    fn count(&mut self, outcome: &crate::store::data::outbox::Outcome, settled: bool) {
        use crate::store::data::outbox::Outcome;
        self.sent += 1;
        match outcome {
            _ if !settled => self.waiting += 1,
            Outcome::Stored | Outcome::StoredWithWarnings(_) => self.stored += 1,
            Outcome::Refused(_) => self.refused += 1,
            Outcome::NotMentioned => self.waiting += 1,
        }
    }
}
