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

impl tracker::Data<'_> {
    /// Marks every captured record SYNCED, as a download from a server leaves what it brings:
    /// the demo's practice data is written as if it came from its training server, so that only
    /// what a trainee captures counts as not sent.
    pub(crate) fn mark_all_synced(&self) -> Result<(), DataError> {
        for table in ["tracked_entity", "enrollment", "event", "aggregate_value", "data_set_completion"] {
            self.conn.execute(&format!("UPDATE {table} SET sync_state = ?1"), [SyncState::Synced])?;
        }
        Ok(())
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

    #[test]
    fn marking_all_synced_reaches_every_kind_of_record() {
        use crate::store::data::aggregate::{AggregateKey, FormKey};
        use crate::store::Store;
        use crate::test_dates::{now, ymd};
        let uid = |s: &str| Uid::parse(s).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|d| {
                let te = d.insert_tracked_entity(uid("PhumTETPers"), uid("PhumOUHC001"), now())?;
                let en = d.insert_enrollment(
                    te.uid,
                    uid("PhumImmProg"),
                    uid("PhumOUHC001"),
                    ymd(2026, 1, 1),
                    ymd(2026, 1, 1),
                    now(),
                )?;
                d.insert_event(
                    &tracker::NewEvent {
                        enrollment: Some(en.uid),
                        program: uid("PhumImmProg"),
                        program_stage: uid("PhumStgBirt"),
                        org_unit: uid("PhumOUHC001"),
                        status: crate::model::value_type::EventStatus::Schedule,
                        event_date: None,
                        due_date: Some(ymd(2026, 1, 1)),
                        attribute_option_combo: None,
                    },
                    now(),
                )?;
                let key = AggregateKey {
                    data_element: uid("PhumDEChild"),
                    period: "202601".into(),
                    org_unit: uid("PhumOUHC001"),
                    category_option_combo: uid("PhumCOCMale"),
                    attribute_option_combo: uid("PhumDefCOC1"),
                };
                d.set_aggregate_value(&key, Some("3"), now())?;
                let form = FormKey {
                    data_set: uid("PhumVhsgRep"),
                    period: "202601".into(),
                    org_unit: uid("PhumOUHC001"),
                    attribute_option_combo: uid("PhumDefCOC1"),
                };
                d.set_completion(&form, true, None, now())?;
                d.mark_all_synced()
            })
            .unwrap();
        let states: Vec<String> = store
            .conn()
            .prepare(
                "SELECT sync_state FROM tracked_entity UNION ALL SELECT sync_state FROM enrollment
                 UNION ALL SELECT sync_state FROM event UNION ALL SELECT sync_state FROM aggregate_value
                 UNION ALL SELECT sync_state FROM data_set_completion",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(states, vec!["SYNCED"; 5]);
    }
}
