//! The JSON of DHIS2's data endpoints as Phum sends and reads it: tracker exports and import
//! payloads (`tracker`), the tracker import report (`report`), data value sets, completions and
//! their import summaries (`aggregate`).
//!
//! Reading is strict where a wrong value would be stored (UIDs, dates, statuses: a bad one is
//! [`SyncError::BadAnswer`] naming the endpoint and the place) and lenient elsewhere (fields
//! Phum does not use are ignored, as new server versions add some). serde_json's recursion
//! limit turns deeply nested JSON into an error, never a stack overflow.
//!
//! Owns the shapes and their conversion to the store's records. Does not own asking the
//! server (`upload`, `download`) or storing (`store::data`).

pub mod aggregate;
pub mod report;
pub mod tracker;

use chrono::NaiveDate as Date;
use serde::de::DeserializeOwned;

use super::SyncError;
use crate::model::{Timestamp, Uid};

/// Reads an answer of `endpoint` as `T`, naming the place of the first problem.
pub fn parse<T: DeserializeOwned>(endpoint: &str, body: &[u8]) -> Result<T, SyncError> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| SyncError::BadAnswer {
        endpoint: endpoint.to_string(),
        detail: format!("{}: {}", e.path(), e.inner()),
    })
}

/// Reading the parts of one record, naming it in errors.
pub struct Reader<'a> {
    pub endpoint: &'a str,
    /// `trackedEntities[3]`, as the error names the record.
    pub place: String,
}

impl Reader<'_> {
    pub fn bad(&self, field: &str, detail: String) -> SyncError {
        SyncError::BadAnswer {
            endpoint: self.endpoint.to_string(),
            detail: format!("{}.{field}: {detail}", self.place),
        }
    }

    pub fn uid(&self, field: &str, text: &str) -> Result<Uid, SyncError> {
        Uid::parse(text).map_err(|_| self.bad(field, format!("`{text}` is not a DHIS2 UID")))
    }

    pub fn opt_uid(&self, field: &str, text: Option<&str>) -> Result<Option<Uid>, SyncError> {
        text.filter(|t| !t.is_empty()).map(|t| self.uid(field, t)).transpose()
    }

    /// A date from a server timestamp (`2025-11-20T00:00:00.000`) or date.
    pub fn date(&self, field: &str, text: &str) -> Result<Date, SyncError> {
        let day = text.get(..10).unwrap_or(text);
        crate::expr::value::parse_iso_date(day).ok_or_else(|| self.bad(field, format!("`{text}` is not a date")))
    }

    pub fn opt_date(&self, field: &str, text: Option<&str>) -> Result<Option<Date>, SyncError> {
        text.filter(|t| !t.is_empty()).map(|t| self.date(field, t)).transpose()
    }

    /// A server timestamp as the store keeps it (the server writes its own wall clock, without
    /// an offset); `fallback` when the server gives none.
    pub fn timestamp(&self, field: &str, text: Option<&str>, fallback: Timestamp) -> Result<Timestamp, SyncError> {
        match text {
            None => Ok(fallback),
            Some(t) => Timestamp::parse(t).ok_or_else(|| self.bad(field, format!("`{t}` is not a timestamp"))),
        }
    }

    pub fn status<T>(&self, field: &str, text: &str, from_wire: fn(&str) -> Option<T>) -> Result<T, SyncError> {
        from_wire(text).ok_or_else(|| self.bad(field, format!("unknown status `{text}`")))
    }
}

/// A date as the tracker import takes it (`2026-01-02T00:00:00.000`, as the Android SDK sends).
pub fn instant_of(date: Date) -> String {
    format!("{}T00:00:00.000", crate::expr::value::iso_date(date))
}
