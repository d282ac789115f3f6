//! Captured data in the store: tracked entities with attribute values, enrollments, events with
//! data values (`tracker`), aggregate data values and data-set completeness (`aggregate`), each
//! record with its client-generated UID, timestamps and sync state; what waits to be sent and
//! what the server said about it (`outbox`); records as the server has them (`inbox`).
//!
//! Owns reading and writing these rows and the sync-state rule for local changes: a record never
//! sent stays TO_POST, any other record becomes TO_UPDATE when it changes. Does not own whether a
//! change is allowed (the form session decides), talking to the server (`sync`), or metadata.

pub mod aggregate;
pub mod inbox;
pub mod outbox;
pub mod rule_queries;
pub mod schedule_queries;
pub mod tracker;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::i18n::{Localize, Message};
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

/// A UID as a query parameter: its text.
impl ToSql for Uid {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

/// A stored UID column read back.
pub(crate) fn uid_column(text: &str) -> FromSqlResult<Uid> {
    Uid::parse(text).map_err(|e| FromSqlError::Other(Box::new(e)))
}

pub(crate) fn timestamp_column(text: &str) -> FromSqlResult<Timestamp> {
    Timestamp::parse(text).ok_or_else(|| FromSqlError::Other(format!("bad timestamp '{text}'").into()))
}

/// Where a record stands with the server, as the sync screen shows it.
impl Localize for SyncState {
    fn message(&self) -> Message {
        match self {
            SyncState::ToPost => Message::new("store-sync-state-to-post"),
            SyncState::ToUpdate => Message::new("store-sync-state-to-update"),
            SyncState::Uploading => Message::new("store-sync-state-uploading"),
            SyncState::Synced => Message::new("store-sync-state-synced"),
            SyncState::Warning => Message::new("store-sync-state-warning"),
            SyncState::Error => Message::new("store-sync-state-error"),
        }
    }
}

/// A kind of captured record, for messages (and its table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    TrackedEntity,
    Enrollment,
    Event,
}

impl RecordKind {
    /// The table that holds records of this kind.
    pub(crate) fn table(self) -> &'static str {
        match self {
            RecordKind::TrackedEntity => "tracked_entity",
            RecordKind::Enrollment => "enrollment",
            RecordKind::Event => "event",
        }
    }
}

impl Localize for RecordKind {
    fn message(&self) -> Message {
        match self {
            RecordKind::TrackedEntity => Message::new("store-record-tracked-entity"),
            RecordKind::Enrollment => Message::new("store-record-enrollment"),
            RecordKind::Event => Message::new("store-record-event"),
        }
    }
}

/// What can go wrong writing captured data.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    NotFound { kind: RecordKind, uid: String },
    Store(#[from] super::StoreError),
}

impl Localize for DataError {
    fn message(&self) -> Message {
        match self {
            DataError::NotFound { kind, uid } => {
                crate::msg!("store-record-not-found", kind = kind.message(), uid = uid)
            }
            DataError::Store(e) => e.message(),
        }
    }
}
crate::english_display!(DataError);

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
    fn every_sync_state_and_record_kind_has_a_name_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let states = [
            SyncState::ToPost,
            SyncState::ToUpdate,
            SyncState::Uploading,
            SyncState::Synced,
            SyncState::Warning,
            SyncState::Error,
        ];
        let index = |s: &SyncState| match s {
            SyncState::ToPost => 0,
            SyncState::ToUpdate => 1,
            SyncState::Uploading => 2,
            SyncState::Synced => 3,
            SyncState::Warning => 4,
            SyncState::Error => 5,
        };
        assert_eq!(states.iter().map(index).collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5]);
        let mut names = std::collections::BTreeSet::new();
        for s in &states {
            assert_renders_in_both(&s.message());
            names.insert(s.localized(crate::i18n::Locale::KHMER));
        }
        assert_eq!(names.len(), states.len(), "two sync states share a Khmer name: {names:?}");
        assert_eq!(SyncState::ToPost.localized(crate::i18n::Locale::ENGLISH), "Not sent");
        for kind in [RecordKind::TrackedEntity, RecordKind::Enrollment, RecordKind::Event] {
            assert_renders_in_both(&kind.message());
        }
    }

    #[test]
    fn every_data_error_variant_renders_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let samples = [
            DataError::NotFound { kind: RecordKind::Event, uid: "PhumEvent01".into() },
            DataError::Store(super::super::StoreError::Sql(rusqlite::Error::InvalidQuery)),
        ];
        let name = |e: &DataError| match e {
            DataError::NotFound { .. } => "NotFound",
            DataError::Store(_) => "Store",
        };
        assert_eq!(samples.iter().map(name).collect::<Vec<_>>(), ["NotFound", "Store"]);
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
        assert_eq!(samples[0].to_string(), "event PhumEvent01 is not in the store");
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
