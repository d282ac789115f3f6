//! Captured data in the store: tracked entities with attribute values, enrollments, events with
//! data values (`tracker`), aggregate data values and data-set completeness (`aggregate`), each
//! record with its client-generated UID, timestamps and sync state.
//!
//! Owns reading and writing these rows and the sync-state rule for local changes: a record never
//! sent stays TO_POST, any other record becomes TO_UPDATE when it changes. Does not own whether a
//! change is allowed (the form session decides), what the server answers (`sync`), or metadata.

pub mod aggregate;
pub mod rule_queries;
pub mod schedule_queries;
pub mod tracker;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::{Timestamp, Uid};

/// Where a record stands with the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncState {
    /// Created here, never sent.
    ToPost,
    /// Sent before, changed since.
    ToUpdate,
    /// Being sent now.
    Uploading,
    Synced,
    /// The server took it with warnings.
    Warning,
    /// The server refused it.
    Error,
}

impl SyncState {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncState::ToPost => "TO_POST",
            SyncState::ToUpdate => "TO_UPDATE",
            SyncState::Uploading => "UPLOADING",
            SyncState::Synced => "SYNCED",
            SyncState::Warning => "WARNING",
            SyncState::Error => "ERROR",
        }
    }

    pub fn from_wire(s: &str) -> Option<SyncState> {
        [
            SyncState::ToPost,
            SyncState::ToUpdate,
            SyncState::Uploading,
            SyncState::Synced,
            SyncState::Warning,
            SyncState::Error,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }

    /// The state after a local change: never-sent records stay TO_POST.
    pub fn after_local_change(self) -> SyncState {
        match self {
            SyncState::ToPost => SyncState::ToPost,
            _ => SyncState::ToUpdate,
        }
    }
}

impl ToSql for SyncState {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for SyncState {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        SyncState::from_wire(text).ok_or_else(|| FromSqlError::Other(format!("unknown sync state '{text}'").into()))
    }
}

/// A stored UID column read back.
pub(crate) fn uid_column(text: &str) -> FromSqlResult<Uid> {
    Uid::parse(text).map_err(|e| FromSqlError::Other(Box::new(e)))
}

pub(crate) fn timestamp_column(text: &str) -> FromSqlResult<Timestamp> {
    Timestamp::parse(text).ok_or_else(|| FromSqlError::Other(format!("bad timestamp '{text}'").into()))
}

/// What can go wrong writing captured data.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{kind} {uid} is not in the store")]
    NotFound { kind: &'static str, uid: String },
    #[error("{kind} {uid} already exists")]
    AlreadyExists { kind: &'static str, uid: Uid },
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

impl From<rusqlite::Error> for DataError {
    fn from(e: rusqlite::Error) -> DataError {
        DataError::Store(super::StoreError::Sql(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_change_keeps_unsent_records_to_post_and_marks_others_to_update() {
        assert_eq!(SyncState::ToPost.after_local_change(), SyncState::ToPost);
        for s in [SyncState::Synced, SyncState::Error, SyncState::Warning, SyncState::ToUpdate, SyncState::Uploading] {
            assert_eq!(s.after_local_change(), SyncState::ToUpdate);
        }
        assert_eq!(SyncState::from_wire("SYNCED"), Some(SyncState::Synced));
        assert_eq!(SyncState::from_wire("synced"), None);
    }
}
