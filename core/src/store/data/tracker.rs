//! Tracker data: tracked entities (people) and their attribute values, enrollments, events and
//! their data values.
//!
//! Owns the rows and their timestamps and sync states. Every write takes `now`, the device's
//! local time with its UTC offset (`model::clock::DeviceClock::now`), and stamps the rows it
//! changes with it; a completion date is the date of that `now`. Does not own checks against
//! metadata (value types, program assignment, scope): the form session makes them before writing,
//! nor the clock: nothing here reads the system's.

use chrono::NaiveDate as Date;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{timestamp_column, uid_column, DataError, RecordKind, SyncState};
use crate::model::value_type::{EnrollmentStatus, EventStatus};
use crate::model::{Timestamp, Uid};

#[derive(Debug, Clone, PartialEq)]
pub struct TrackedEntity {
    pub uid: Uid,
    pub tracked_entity_type: Uid,
    pub org_unit: Uid,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub sync_state: SyncState,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Enrollment {
    pub uid: Uid,
    pub tracked_entity: Uid,
    pub program: Uid,
    pub org_unit: Uid,
    pub enrollment_date: Date,
    pub incident_date: Date,
    pub status: EnrollmentStatus,
    pub completed_date: Option<Date>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub sync_state: SyncState,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub uid: Uid,
    pub enrollment: Option<Uid>,
    pub program: Uid,
    pub program_stage: Uid,
    pub org_unit: Uid,
    pub status: EventStatus,
    pub event_date: Option<Date>,
    pub due_date: Option<Date>,
    pub completed_date: Option<Date>,
    pub attribute_option_combo: Option<Uid>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub sync_state: SyncState,
    pub deleted: bool,
}

/// A new event: what the capture layer decides; UID, timestamps and sync state are added here.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub enrollment: Option<Uid>,
    pub program: Uid,
    pub program_stage: Uid,
    pub org_unit: Uid,
    pub status: EventStatus,
    pub event_date: Option<Date>,
    pub due_date: Option<Date>,
    pub attribute_option_combo: Option<Uid>,
}

/// Reads and writes captured data over one connection or transaction (see `Store::data` and
/// `Store::write`).
pub struct Data<'c> {
    pub(crate) conn: &'c Connection,
}

fn iso(d: Date) -> String {
    crate::expr::value::iso_date(d)
}

fn date_column(text: &str) -> rusqlite::types::FromSqlResult<Date> {
    crate::expr::value::parse_iso_date(text)
        .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("bad date '{text}'").into()))
}

fn opt_date(row: &Row, i: usize) -> rusqlite::Result<Option<Date>> {
    match row.get::<_, Option<String>>(i)? {
        Some(t) => Ok(Some(date_column(&t).map_err(|e| conv(i, e))?)),
        None => Ok(None),
    }
}

fn conv(i: usize, e: rusqlite::types::FromSqlError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn uid_at(row: &Row, i: usize) -> rusqlite::Result<Uid> {
    uid_column(&row.get::<_, String>(i)?).map_err(|e| conv(i, e))
}

fn opt_uid_at(row: &Row, i: usize) -> rusqlite::Result<Option<Uid>> {
    match row.get::<_, Option<String>>(i)? {
        Some(t) => Ok(Some(uid_column(&t).map_err(|e| conv(i, e))?)),
        None => Ok(None),
    }
}

fn ts_at(row: &Row, i: usize) -> rusqlite::Result<Timestamp> {
    timestamp_column(&row.get::<_, String>(i)?).map_err(|e| conv(i, e))
}

fn status_at<T>(row: &Row, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(i)?;
    parse(&text).ok_or_else(|| conv(i, rusqlite::types::FromSqlError::Other(format!("bad status '{text}'").into())))
}

/// A table of values keyed by (owner, key): attribute values of a person, data values of an
/// event, with the table of its values cleared since the server may have had them. The names
/// are constants of this module, never input.
pub(super) struct ValueTable {
    pub(super) table: &'static str,
    pub(super) cleared: &'static str,
    pub(super) owner_kind: RecordKind,
    pub(super) owner: &'static str,
    pub(super) key: &'static str,
}

pub(super) const ATTRIBUTE_VALUES: ValueTable = ValueTable {
    table: "attribute_value",
    cleared: "cleared_attribute_value",
    owner_kind: RecordKind::TrackedEntity,
    owner: "tracked_entity",
    key: "attribute",
};
pub(super) const DATA_VALUES: ValueTable = ValueTable {
    table: "event_data_value",
    cleared: "cleared_data_value",
    owner_kind: RecordKind::Event,
    owner: "event",
    key: "data_element",
};

const TE_COLUMNS: &str = "uid, tracked_entity_type, org_unit, created, updated, sync_state, deleted";
const ENROLLMENT_COLUMNS: &str = "uid, tracked_entity, program, org_unit, enrollment_date, incident_date, status, \
     completed_date, created, updated, sync_state, deleted";
pub(super) const EVENT_COLUMNS: &str =
    "uid, enrollment, program, program_stage, org_unit, status, event_date, due_date, \
     completed_date, attribute_option_combo, created, updated, sync_state, deleted";

fn tracked_entity_row(r: &Row) -> rusqlite::Result<TrackedEntity> {
    Ok(TrackedEntity {
        uid: uid_at(r, 0)?,
        tracked_entity_type: uid_at(r, 1)?,
        org_unit: uid_at(r, 2)?,
        created: ts_at(r, 3)?,
        updated: ts_at(r, 4)?,
        sync_state: r.get(5)?,
        deleted: r.get(6)?,
    })
}

fn enrollment_row(r: &Row) -> rusqlite::Result<Enrollment> {
    Ok(Enrollment {
        uid: uid_at(r, 0)?,
        tracked_entity: uid_at(r, 1)?,
        program: uid_at(r, 2)?,
        org_unit: uid_at(r, 3)?,
        enrollment_date: date_column(&r.get::<_, String>(4)?).map_err(|e| conv(4, e))?,
        incident_date: date_column(&r.get::<_, String>(5)?).map_err(|e| conv(5, e))?,
        status: status_at(r, 6, EnrollmentStatus::from_wire)?,
        completed_date: opt_date(r, 7)?,
        created: ts_at(r, 8)?,
        updated: ts_at(r, 9)?,
        sync_state: r.get(10)?,
        deleted: r.get(11)?,
    })
}

pub(super) fn event_row(r: &Row) -> rusqlite::Result<Event> {
    Ok(Event {
        uid: uid_at(r, 0)?,
        enrollment: opt_uid_at(r, 1)?,
        program: uid_at(r, 2)?,
        program_stage: uid_at(r, 3)?,
        org_unit: uid_at(r, 4)?,
        status: status_at(r, 5, EventStatus::from_wire)?,
        event_date: opt_date(r, 6)?,
        due_date: opt_date(r, 7)?,
        completed_date: opt_date(r, 8)?,
        attribute_option_combo: opt_uid_at(r, 9)?,
        created: ts_at(r, 10)?,
        updated: ts_at(r, 11)?,
        sync_state: r.get(12)?,
        deleted: r.get(13)?,
    })
}

impl Data<'_> {
    // ---- tracked entities ----

    /// Registers a person (or other tracked entity) owned by `org_unit`.
    pub fn insert_tracked_entity(
        &self,
        tracked_entity_type: Uid,
        org_unit: Uid,
        now: Timestamp,
    ) -> Result<TrackedEntity, DataError> {
        let te = TrackedEntity {
            uid: Uid::generate(),
            tracked_entity_type,
            org_unit,
            created: now,
            updated: now,
            sync_state: SyncState::ToPost,
            deleted: false,
        };
        self.conn.execute(
            &format!("INSERT INTO tracked_entity ({TE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)"),
            params![
                te.uid.as_str(),
                te.tracked_entity_type.as_str(),
                te.org_unit.as_str(),
                now.to_string(),
                now.to_string(),
                te.sync_state
            ],
        )?;
        Ok(te)
    }

    pub fn tracked_entity(&self, uid: Uid) -> Result<Option<TrackedEntity>, DataError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {TE_COLUMNS} FROM tracked_entity WHERE uid = ?1"))?
            .query_row([uid.as_str()], tracked_entity_row)
            .optional()?)
    }

    /// Stamps a record changed `now` and marks it for sending.
    fn touch(&self, kind: RecordKind, uid: Uid, now: Timestamp) -> Result<(), DataError> {
        let table = kind.table();
        let state: Option<SyncState> = self
            .conn
            .prepare_cached(&format!("SELECT sync_state FROM {table} WHERE uid = ?1"))?
            .query_row([uid.as_str()], |r| r.get(0))
            .optional()?;
        let Some(state) = state else {
            return Err(DataError::NotFound { kind, uid: uid.as_str().to_string() });
        };
        self.conn.execute(
            &format!("UPDATE {table} SET updated = ?2, sync_state = ?3 WHERE uid = ?1"),
            params![uid.as_str(), now.to_string(), state.after_local_change()],
        )?;
        Ok(())
    }

    /// Sets (or with `None` removes) one attribute value of a tracked entity.
    pub fn set_attribute_value(
        &self,
        tracked_entity: Uid,
        attribute: Uid,
        value: Option<&str>,
        now: Timestamp,
    ) -> Result<(), DataError> {
        self.touch(RecordKind::TrackedEntity, tracked_entity, now)?;
        self.set_keyed_value(&ATTRIBUTE_VALUES, tracked_entity, attribute, value, now)
    }

    /// Attribute UID and value, by attribute UID.
    pub fn attribute_values(&self, tracked_entity: Uid) -> Result<Vec<(Uid, String)>, DataError> {
        self.keyed_values(&ATTRIBUTE_VALUES, tracked_entity)
    }

    /// Writes one row of a value table (an attribute value, a data value): inserts or updates
    /// it, or deletes it for `None`. A value removed from a record the server may hold (any
    /// record but a never-sent one, whose state the caller's `touch` has already set) is kept
    /// as cleared until the server has the clearing (`outbox`); setting it again forgets that.
    fn set_keyed_value(
        &self,
        t: &ValueTable,
        owner: Uid,
        key: Uid,
        value: Option<&str>,
        now: Timestamp,
    ) -> Result<(), DataError> {
        let (table, cleared, owner_col, key_col) = (t.table, t.cleared, t.owner, t.key);
        let ids = params![owner.as_str(), key.as_str()];
        match value {
            Some(v) => {
                self.conn.execute(
                    &format!(
                        "INSERT INTO {table} ({owner_col}, {key_col}, value, created, updated) VALUES (?1, ?2, ?3, ?4, ?4)
                         ON CONFLICT ({owner_col}, {key_col}) DO UPDATE SET value = excluded.value, updated = excluded.updated"
                    ),
                    params![owner.as_str(), key.as_str(), v, now.to_string()],
                )?;
                self.conn
                    .prepare_cached(&format!("DELETE FROM {cleared} WHERE {owner_col} = ?1 AND {key_col} = ?2"))?
                    .execute(ids)?;
            }
            None => {
                let removed = self
                    .conn
                    .prepare_cached(&format!("DELETE FROM {table} WHERE {owner_col} = ?1 AND {key_col} = ?2"))?
                    .execute(ids)?;
                let owner_state: Option<SyncState> = self
                    .conn
                    .prepare_cached(&format!("SELECT sync_state FROM {} WHERE uid = ?1", t.owner_kind.table()))?
                    .query_row([owner.as_str()], |r| r.get(0))
                    .optional()?;
                if removed > 0 && owner_state.is_some_and(|s| s != SyncState::ToPost) {
                    self.conn
                        .prepare_cached(&format!(
                            "INSERT OR REPLACE INTO {cleared} ({owner_col}, {key_col}, cleared_at) VALUES (?1, ?2, ?3)"
                        ))?
                        .execute(params![owner.as_str(), key.as_str(), now.to_string()])?;
                }
            }
        }
        Ok(())
    }

    /// The rows of a value table for one owner, by key.
    pub(super) fn keyed_values(&self, t: &ValueTable, owner: Uid) -> Result<Vec<(Uid, String)>, DataError> {
        let (table, owner_col, key_col) = (t.table, t.owner, t.key);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {key_col}, value FROM {table} WHERE {owner_col} = ?1 ORDER BY {key_col}"
        ))?;
        let rows = stmt.query_map([owner.as_str()], |r| Ok((uid_at(r, 0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Tracked entities (not deleted) whose `attribute` has exactly `value`, for uniqueness.
    pub fn tracked_entities_with_value(&self, attribute: Uid, value: &str) -> Result<Vec<Uid>, DataError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.tracked_entity FROM attribute_value a JOIN tracked_entity t ON t.uid = a.tracked_entity
             WHERE a.attribute = ?1 AND a.value = ?2 AND t.deleted = 0 ORDER BY a.tracked_entity",
        )?;
        let rows = stmt.query_map(params![attribute.as_str(), value], |r| uid_at(r, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // ---- enrollments ----

    pub fn insert_enrollment(
        &self,
        tracked_entity: Uid,
        program: Uid,
        org_unit: Uid,
        enrollment_date: Date,
        incident_date: Date,
        now: Timestamp,
    ) -> Result<Enrollment, DataError> {
        if self.tracked_entity(tracked_entity)?.is_none() {
            return Err(DataError::NotFound {
                kind: RecordKind::TrackedEntity,
                uid: tracked_entity.as_str().to_string(),
            });
        }
        let e = Enrollment {
            uid: Uid::generate(),
            tracked_entity,
            program,
            org_unit,
            enrollment_date,
            incident_date,
            status: EnrollmentStatus::Active,
            completed_date: None,
            created: now,
            updated: now,
            sync_state: SyncState::ToPost,
            deleted: false,
        };
        self.conn.execute(
            &format!(
                "INSERT INTO enrollment ({ENROLLMENT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, ?8, ?9, 0)"
            ),
            params![
                e.uid.as_str(),
                tracked_entity.as_str(),
                program.as_str(),
                org_unit.as_str(),
                iso(enrollment_date),
                iso(incident_date),
                e.status.as_str(),
                now.to_string(),
                e.sync_state
            ],
        )?;
        Ok(e)
    }

    pub fn enrollment(&self, uid: Uid) -> Result<Option<Enrollment>, DataError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {ENROLLMENT_COLUMNS} FROM enrollment WHERE uid = ?1"))?
            .query_row([uid.as_str()], enrollment_row)
            .optional()?)
    }

    /// The enrollments of a tracked entity, oldest first.
    pub fn enrollments_of(&self, tracked_entity: Uid) -> Result<Vec<Enrollment>, DataError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENROLLMENT_COLUMNS} FROM enrollment WHERE tracked_entity = ?1 AND deleted = 0
             ORDER BY enrollment_date, created"
        ))?;
        let rows = stmt.query_map([tracked_entity.as_str()], enrollment_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Active enrollments in a program at an org unit.
    pub fn enrollments_in(&self, program: Uid, org_unit: Uid) -> Result<Vec<Enrollment>, DataError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENROLLMENT_COLUMNS} FROM enrollment WHERE program = ?1 AND org_unit = ?2 AND deleted = 0
             ORDER BY enrollment_date, uid"
        ))?;
        let rows = stmt.query_map([program.as_str(), org_unit.as_str()], enrollment_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Changes an enrollment's enrollment and incident dates.
    pub fn set_enrollment_dates(
        &self,
        uid: Uid,
        enrollment_date: Date,
        incident_date: Date,
        now: Timestamp,
    ) -> Result<(), DataError> {
        self.touch(RecordKind::Enrollment, uid, now)?;
        self.conn.execute(
            "UPDATE enrollment SET enrollment_date = ?2, incident_date = ?3 WHERE uid = ?1",
            params![uid.as_str(), iso(enrollment_date), iso(incident_date)],
        )?;
        Ok(())
    }

    /// Changes an enrollment's status; COMPLETED records `now`'s date as the completion date.
    pub fn set_enrollment_status(&self, uid: Uid, status: EnrollmentStatus, now: Timestamp) -> Result<(), DataError> {
        self.touch(RecordKind::Enrollment, uid, now)?;
        let completed = (status == EnrollmentStatus::Completed).then(|| iso(now.date()));
        self.conn.execute(
            "UPDATE enrollment SET status = ?2, completed_date = ?3 WHERE uid = ?1",
            params![uid.as_str(), status.as_str(), completed],
        )?;
        Ok(())
    }

    // ---- events ----

    pub fn insert_event(&self, new: &NewEvent, now: Timestamp) -> Result<Event, DataError> {
        if let Some(enrollment) = new.enrollment {
            if self.enrollment(enrollment)?.is_none() {
                return Err(DataError::NotFound { kind: RecordKind::Enrollment, uid: enrollment.as_str().to_string() });
            }
        }
        let ev = Event {
            uid: Uid::generate(),
            enrollment: new.enrollment,
            program: new.program,
            program_stage: new.program_stage,
            org_unit: new.org_unit,
            status: new.status,
            event_date: new.event_date,
            due_date: new.due_date,
            completed_date: None,
            attribute_option_combo: new.attribute_option_combo,
            created: now,
            updated: now,
            sync_state: SyncState::ToPost,
            deleted: false,
        };
        self.conn.execute(
            &format!(
                "INSERT INTO event ({EVENT_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?10, ?10, ?11, 0)"
            ),
            params![
                ev.uid.as_str(),
                ev.enrollment.map(|u| u.as_str().to_string()),
                ev.program.as_str(),
                ev.program_stage.as_str(),
                ev.org_unit.as_str(),
                ev.status.as_str(),
                ev.event_date.map(iso),
                ev.due_date.map(iso),
                ev.attribute_option_combo.map(|u| u.as_str().to_string()),
                now.to_string(),
                ev.sync_state
            ],
        )?;
        Ok(ev)
    }

    pub fn event(&self, uid: Uid) -> Result<Option<Event>, DataError> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM event WHERE uid = ?1"))?
            .query_row([uid.as_str()], event_row)
            .optional()?)
    }

    /// The events of an enrollment (not deleted), by event date or due date, then creation.
    pub fn events_of_enrollment(&self, enrollment: Uid) -> Result<Vec<Event>, DataError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM event WHERE enrollment = ?1 AND deleted = 0
             ORDER BY coalesce(event_date, due_date), created"
        ))?;
        let rows = stmt.query_map([enrollment.as_str()], event_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Changes an event's status and dates. The completion date follows the status: the day the
    /// event became COMPLETED (`now`'s date, whatever its event date), kept while it stays
    /// COMPLETED, cleared when it is reopened.
    pub fn update_event(
        &self,
        uid: Uid,
        status: EventStatus,
        event_date: Option<Date>,
        due_date: Option<Date>,
        now: Timestamp,
    ) -> Result<(), DataError> {
        let Some(before) = self.event(uid)? else {
            return Err(DataError::NotFound { kind: RecordKind::Event, uid: uid.as_str().to_string() });
        };
        self.touch(RecordKind::Event, uid, now)?;
        let completed = match (status, before.status) {
            (EventStatus::Completed, EventStatus::Completed) => before.completed_date.or(Some(now.date())),
            (EventStatus::Completed, _) => Some(now.date()),
            _ => None,
        };
        let completed = completed.map(iso);
        self.conn.execute(
            "UPDATE event SET status = ?2, event_date = ?3, due_date = ?4, completed_date = ?5 WHERE uid = ?1",
            params![uid.as_str(), status.as_str(), event_date.map(iso), due_date.map(iso), completed],
        )?;
        Ok(())
    }

    /// Sets (or with `None` removes) one data value of an event.
    pub fn set_data_value(
        &self,
        event: Uid,
        data_element: Uid,
        value: Option<&str>,
        now: Timestamp,
    ) -> Result<(), DataError> {
        self.touch(RecordKind::Event, event, now)?;
        self.set_keyed_value(&DATA_VALUES, event, data_element, value, now)
    }

    /// Data element UID and value, by data element UID.
    pub fn data_values(&self, event: Uid) -> Result<Vec<(Uid, String)>, DataError> {
        self.keyed_values(&DATA_VALUES, event)
    }

    /// Deletes an event: a never-sent one is removed, any other is marked for deletion on the
    /// server.
    pub fn delete_event(&self, uid: Uid, now: Timestamp) -> Result<(), DataError> {
        let Some(ev) = self.event(uid)? else {
            return Err(DataError::NotFound { kind: RecordKind::Event, uid: uid.as_str().to_string() });
        };
        if ev.sync_state == SyncState::ToPost {
            self.conn.execute("DELETE FROM event WHERE uid = ?1", [uid.as_str()])?;
        } else {
            self.touch(RecordKind::Event, uid, now)?;
            self.conn.execute("UPDATE event SET deleted = 1 WHERE uid = ?1", [uid.as_str()])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceClock;
    use crate::store::Store;
    use crate::test_dates::{now, ymd};

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    #[test]
    fn a_registered_person_with_an_enrollment_and_a_visit_reads_back() {
        let mut store = Store::open_in_memory().unwrap();
        let (te, enr, ev) = store
            .write(|d| {
                let te = d.insert_tracked_entity(uid("PhumTETPers"), uid("PhumOUHC001"), now())?;
                d.set_attribute_value(te.uid, uid("PhumTEAName"), Some("សុខ ចាន់"), now())?;
                let enr = d.insert_enrollment(
                    te.uid,
                    uid("PhumImmProg"),
                    uid("PhumOUHC001"),
                    ymd(2026, 11, 1),
                    ymd(2026, 10, 30),
                    now(),
                )?;
                let ev = d.insert_event(
                    &NewEvent {
                        enrollment: Some(enr.uid),
                        program: uid("PhumImmProg"),
                        program_stage: uid("PhumStgBirt"),
                        org_unit: uid("PhumOUHC001"),
                        status: EventStatus::Active,
                        event_date: Some(ymd(2026, 11, 1)),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    now(),
                )?;
                d.set_data_value(ev.uid, uid("PhumDEWeigh"), Some("3.1"), now())?;
                Ok::<_, DataError>((te, enr, ev))
            })
            .unwrap();
        let d = store.data();
        assert_eq!(d.tracked_entity(te.uid).unwrap().unwrap().sync_state, SyncState::ToPost);
        assert_eq!(d.attribute_values(te.uid).unwrap(), vec![(uid("PhumTEAName"), "សុខ ចាន់".to_string())]);
        assert_eq!(d.enrollments_of(te.uid).unwrap(), vec![enr.clone()]);
        assert_eq!(d.events_of_enrollment(enr.uid).unwrap()[0].uid, ev.uid);
        assert_eq!(d.data_values(ev.uid).unwrap(), vec![(uid("PhumDEWeigh"), "3.1".to_string())]);
        assert_eq!(d.tracked_entities_with_value(uid("PhumTEAName"), "សុខ ចាន់").unwrap(), vec![te.uid]);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store
            .write(|d| {
                d.insert_tracked_entity(uid("PhumTETPers"), uid("PhumOUHC001"), now())?;
                d.insert_enrollment(
                    uid("NoSuchPersn"),
                    uid("PhumImmProg"),
                    uid("PhumOUHC001"),
                    ymd(2026, 11, 1),
                    ymd(2026, 11, 1),
                    now(),
                )
            })
            .unwrap_err();
        assert!(matches!(err, DataError::NotFound { kind: RecordKind::TrackedEntity, .. }), "{err}");
        let n: i64 = store.conn().query_row("SELECT count(*) FROM tracked_entity", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn changing_a_synced_event_marks_it_to_update_and_deleting_it_keeps_a_tombstone() {
        let mut store = Store::open_in_memory().unwrap();
        let ev = store
            .write(|d| {
                d.insert_event(
                    &NewEvent {
                        enrollment: None,
                        program: uid("PhumImmProg"),
                        program_stage: uid("PhumStgBirt"),
                        org_unit: uid("PhumOUHC001"),
                        status: EventStatus::Active,
                        event_date: Some(ymd(2026, 11, 1)),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    now(),
                )
            })
            .unwrap();
        store.conn().execute("UPDATE event SET sync_state = 'SYNCED'", []).unwrap();
        let d = store.data();
        d.set_data_value(ev.uid, uid("PhumDEWeigh"), Some("3.0"), now()).unwrap();
        assert_eq!(d.event(ev.uid).unwrap().unwrap().sync_state, SyncState::ToUpdate);
        d.delete_event(ev.uid, now()).unwrap();
        let kept = d.event(ev.uid).unwrap().unwrap();
        assert!(kept.deleted);
        assert!(matches!(
            d.set_data_value(uid("NoSuchEvent"), uid("PhumDEWeigh"), None, now()),
            Err(DataError::NotFound { .. })
        ));
    }

    #[test]
    fn an_old_visit_completed_today_is_completed_today_and_stays_so_until_reopened() {
        let mut store = Store::open_in_memory().unwrap();
        // 01:30 on 1 November in Phnom Penh, still 31 October in UTC.
        let clock = DeviceClock::default().pinned_at("2026-10-31T18:30:00Z".parse().unwrap());
        let ten_days_ago = ymd(2026, 10, 22);
        let ev = store
            .write(|d| {
                d.insert_event(
                    &NewEvent {
                        enrollment: None,
                        program: uid("PhumImmProg"),
                        program_stage: uid("PhumStgBirt"),
                        org_unit: uid("PhumOUHC001"),
                        status: EventStatus::Active,
                        event_date: Some(ten_days_ago),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    clock.now(),
                )
            })
            .unwrap();
        assert_eq!(ev.created.to_string(), "2026-11-01T01:30:00.000+07:00");
        let d = store.data();
        d.update_event(ev.uid, EventStatus::Completed, Some(ten_days_ago), None, clock.now()).unwrap();
        let done = d.event(ev.uid).unwrap().unwrap();
        assert_eq!(done.completed_date, Some(ymd(2026, 11, 1)));
        assert_eq!(done.updated.to_string(), "2026-11-01T01:30:00.000+07:00");

        let two_days_later = clock.pinned_on(ymd(2026, 11, 3)).now();
        d.update_event(ev.uid, EventStatus::Completed, Some(ymd(2026, 10, 21)), None, two_days_later).unwrap();
        assert_eq!(d.event(ev.uid).unwrap().unwrap().completed_date, Some(ymd(2026, 11, 1)), "still completed then");
        d.update_event(ev.uid, EventStatus::Active, Some(ymd(2026, 10, 21)), None, two_days_later).unwrap();
        assert_eq!(d.event(ev.uid).unwrap().unwrap().completed_date, None, "reopened");
    }
}
