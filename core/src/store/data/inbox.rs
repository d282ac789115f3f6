//! Records as the server has them, written into the store by a download.
//!
//! The rule for each record that arrives (after the DHIS2 Android SDK's "local wins while
//! pending", `IdentifiableDataHandlerImpl`, with one departure):
//! - not here: stored as it came, with its UID, SYNCED (a record the server has deleted is not
//!   stored);
//! - here, with no local change waiting (SYNCED or WARNING): replaced by the server's version,
//!   values included (a value the server no longer has is gone), or removed when the server
//!   deleted it; an unchanged one (same server `updatedAt`) is left alone;
//! - here, with local changes waiting (TO_POST, TO_UPDATE, UPLOADING, ERROR): the local record is
//!   kept, and the server's version is kept beside it in `sync_conflict` to be shown. The SDK lets
//!   a server deletion win here; Phum keeps the local record, because a captured value is never
//!   lost, and reports the conflict.
//!
//! Owns these writes and the conflict rows. Does not own reading the server's JSON
//! (`sync::wire`), the search index (`search::index`, which the download calls after a person
//! is stored), or the download cursors.

use chrono::NaiveDate as Date;
use rusqlite::{params, OptionalExtension};

use super::aggregate::{AggregateKey, FormKey};
use super::tracker::{Data, ATTRIBUTE_VALUES, DATA_VALUES};
use super::{DataError, RecordKind, SyncState};
use crate::model::value_type::{EnrollmentStatus, EventStatus};
use crate::model::{Timestamp, Uid};

/// A person as the server has them.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerPerson {
    pub uid: Uid,
    pub tracked_entity_type: Uid,
    pub org_unit: Uid,
    pub created: Timestamp,
    /// The server's `updatedAt`, as it writes it.
    pub server_updated: String,
    pub deleted: bool,
    pub attributes: Vec<(Uid, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServerEnrollment {
    pub uid: Uid,
    pub tracked_entity: Uid,
    pub program: Uid,
    pub org_unit: Uid,
    pub enrollment_date: Date,
    pub incident_date: Date,
    pub status: EnrollmentStatus,
    pub completed_date: Option<Date>,
    pub created: Timestamp,
    pub server_updated: String,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServerEvent {
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
    pub server_updated: String,
    pub deleted: bool,
    pub values: Vec<(Uid, String)>,
}

/// What became of a record that arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    /// New here: stored as it came.
    New,
    /// Replaced by the server's version.
    Stored,
    /// Already here as the server has it.
    Unchanged,
    /// Removed: the server deleted it.
    Removed,
    /// Deleted on the server and never here: nothing to do.
    Skipped,
    /// Local changes wait: the local record is kept, the server's version kept beside it.
    Conflict,
}

/// A server version kept beside a record with local changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The table of the record: `tracked_entity`, `enrollment`, `event`, `aggregate_value`.
    pub record_kind: String,
    pub uid: String,
    pub server_updated: Option<String>,
    pub server_body: String,
}

/// What to do with an arriving record.
enum Triage {
    /// Nothing more: the record was dealt with (or left alone) as this says.
    Done(Received),
    /// Not here: insert it and its values.
    Insert,
    /// Here and settled: replace it and its values.
    Replace,
}

/// Where the local copy of a record stands.
enum Local {
    Absent,
    Settled { server_updated: Option<String> },
    Waiting,
}

/// What a record written as `how` decided became.
fn stored(how: &Triage) -> Received {
    match how {
        Triage::Insert => Received::New,
        _ => Received::Stored,
    }
}

fn iso(d: Date) -> String {
    crate::expr::value::iso_date(d)
}

impl Data<'_> {
    fn local(&self, kind: RecordKind, uid: Uid) -> Result<Local, DataError> {
        let row: Option<(SyncState, Option<String>)> = self
            .conn
            .prepare_cached(&format!("SELECT sync_state, server_updated FROM {} WHERE uid = ?1", kind.table()))?
            .query_row([uid.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match row {
            None => Local::Absent,
            Some((SyncState::Synced | SyncState::Warning, server_updated)) => Local::Settled { server_updated },
            Some(_) => Local::Waiting,
        })
    }

    /// Decides what to do with an arriving record (the module doc's rule). `parent_new`: the
    /// record came inside a parent that was new here, so it cannot be here either (its rows
    /// would have gone with the parent's), and is not looked up.
    #[allow(clippy::too_many_arguments)]
    fn triage(
        &self,
        kind: RecordKind,
        uid: Uid,
        server_updated: &str,
        deleted: bool,
        parent_new: bool,
        body: &dyn Fn() -> String,
        now: Timestamp,
    ) -> Result<Triage, DataError> {
        let local = if parent_new { Local::Absent } else { self.local(kind, uid)? };
        Ok(match local {
            Local::Absent if deleted => Triage::Done(Received::Skipped),
            Local::Absent => Triage::Insert,
            Local::Settled { .. } if deleted => {
                self.conn
                    .prepare_cached(&format!("DELETE FROM {} WHERE uid = ?1", kind.table()))?
                    .execute([uid.as_str()])?;
                Triage::Done(Received::Removed)
            }
            Local::Settled { server_updated: Some(had) } if had == server_updated => Triage::Done(Received::Unchanged),
            Local::Settled { .. } => Triage::Replace,
            Local::Waiting => {
                self.conn
                    .prepare_cached(
                        "INSERT OR REPLACE INTO sync_conflict (record_kind, uid, server_updated, server_body, found_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![kind.table(), uid.as_str(), server_updated, body(), now.to_string()])?;
                Triage::Done(Received::Conflict)
            }
        })
    }

    /// Inserts the values of a record new here.
    fn insert_values(
        &self,
        t: &super::tracker::ValueTable,
        owner: Uid,
        values: &[(Uid, String)],
        stamp: &str,
    ) -> Result<(), DataError> {
        let mut insert = self.conn.prepare_cached(&format!(
            "INSERT INTO {} ({}, {}, value, created, updated) VALUES (?1, ?2, ?3, ?4, ?4)",
            t.table, t.owner, t.key
        ))?;
        for (key, value) in values {
            insert.execute(params![owner.as_str(), key.as_str(), value, stamp])?;
        }
        Ok(())
    }

    /// Writes the values of a record as `triage` decided.
    fn write_values(
        &self,
        t: &super::tracker::ValueTable,
        how: &Triage,
        owner: Uid,
        values: &[(Uid, String)],
        stamp: &str,
    ) -> Result<(), DataError> {
        match how {
            Triage::Insert => self.insert_values(t, owner, values, stamp),
            _ => self.replace_values(t, owner, values, stamp),
        }
    }

    /// Replaces the values of `owner` with `values` (and forgets clearings: the server's
    /// version is the truth now).
    fn replace_values(
        &self,
        t: &super::tracker::ValueTable,
        owner: Uid,
        values: &[(Uid, String)],
        stamp: &str,
    ) -> Result<(), DataError> {
        let (table, owner_col, key_col) = (t.table, t.owner, t.key);
        let current = self.keyed_values(t, owner)?;
        let mut delete =
            self.conn.prepare_cached(&format!("DELETE FROM {table} WHERE {owner_col} = ?1 AND {key_col} = ?2"))?;
        for (key, _) in current.iter().filter(|(k, _)| !values.iter().any(|(n, _)| n == k)) {
            delete.execute(params![owner.as_str(), key.as_str()])?;
        }
        let mut upsert = self.conn.prepare_cached(&format!(
            "INSERT INTO {table} ({owner_col}, {key_col}, value, created, updated) VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT ({owner_col}, {key_col}) DO UPDATE SET value = excluded.value, updated = excluded.updated
             WHERE value IS NOT excluded.value"
        ))?;
        for (key, value) in values {
            upsert.execute(params![owner.as_str(), key.as_str(), value, stamp])?;
        }
        self.conn
            .prepare_cached(&format!("DELETE FROM {} WHERE {owner_col} = ?1", t.cleared))?
            .execute([owner.as_str()])?;
        Ok(())
    }

    /// Writes a person as the server has them (module doc). `body` gives the server's JSON
    /// for a conflict row.
    pub fn receive_person(
        &self,
        p: &ServerPerson,
        body: &dyn Fn() -> String,
        now: Timestamp,
    ) -> Result<Received, DataError> {
        let how = self.triage(RecordKind::TrackedEntity, p.uid, &p.server_updated, p.deleted, false, body, now)?;
        if let Triage::Done(done) = how {
            return Ok(done);
        }
        let stamp = p.created.to_string();
        self.conn
            .prepare_cached(
                "INSERT INTO tracked_entity (uid, tracked_entity_type, org_unit, created, updated, sync_state, deleted,
                 server_updated) VALUES (?1, ?2, ?3, ?4, ?5, 'SYNCED', 0, ?6)
                 ON CONFLICT (uid) DO UPDATE SET tracked_entity_type = excluded.tracked_entity_type,
                 org_unit = excluded.org_unit, updated = excluded.updated, sync_state = 'SYNCED', deleted = 0,
                 server_updated = excluded.server_updated",
            )?
            .execute(params![p.uid, p.tracked_entity_type, p.org_unit, stamp, now.to_string(), p.server_updated])?;
        self.write_values(&ATTRIBUTE_VALUES, &how, p.uid, &p.attributes, &now.to_string())?;
        Ok(stored(&how))
    }

    /// Writes an enrollment as the server has it; `parent_new`: its person was new here (see
    /// `triage`).
    pub fn receive_enrollment(
        &self,
        e: &ServerEnrollment,
        parent_new: bool,
        body: &dyn Fn() -> String,
        now: Timestamp,
    ) -> Result<Received, DataError> {
        let how = self.triage(RecordKind::Enrollment, e.uid, &e.server_updated, e.deleted, parent_new, body, now)?;
        if let Triage::Done(done) = how {
            return Ok(done);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO enrollment (uid, tracked_entity, program, org_unit, enrollment_date, incident_date, status,
                 completed_date, created, updated, sync_state, deleted, server_updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'SYNCED', 0, ?11)
                 ON CONFLICT (uid) DO UPDATE SET tracked_entity = excluded.tracked_entity, program = excluded.program,
                 org_unit = excluded.org_unit, enrollment_date = excluded.enrollment_date,
                 incident_date = excluded.incident_date, status = excluded.status,
                 completed_date = excluded.completed_date, updated = excluded.updated, sync_state = 'SYNCED',
                 deleted = 0, server_updated = excluded.server_updated",
            )?
            .execute(params![
                e.uid,
                e.tracked_entity,
                e.program,
                e.org_unit,
                iso(e.enrollment_date),
                iso(e.incident_date),
                e.status.as_str(),
                e.completed_date.map(iso),
                e.created.to_string(),
                now.to_string(),
                e.server_updated
            ])?;
        Ok(stored(&how))
    }

    /// Writes an event as the server has it; `parent_new`: its enrollment was new here (see
    /// `triage`).
    pub fn receive_event(
        &self,
        ev: &ServerEvent,
        parent_new: bool,
        body: &dyn Fn() -> String,
        now: Timestamp,
    ) -> Result<Received, DataError> {
        let how = self.triage(RecordKind::Event, ev.uid, &ev.server_updated, ev.deleted, parent_new, body, now)?;
        if let Triage::Done(done) = how {
            return Ok(done);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO event (uid, enrollment, program, program_stage, org_unit, status, event_date, due_date,
                 completed_date, attribute_option_combo, created, updated, sync_state, deleted, server_updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'SYNCED', 0, ?13)
                 ON CONFLICT (uid) DO UPDATE SET enrollment = excluded.enrollment, program = excluded.program,
                 program_stage = excluded.program_stage, org_unit = excluded.org_unit, status = excluded.status,
                 event_date = excluded.event_date, due_date = excluded.due_date,
                 completed_date = excluded.completed_date, attribute_option_combo = excluded.attribute_option_combo,
                 updated = excluded.updated, sync_state = 'SYNCED', deleted = 0,
                 server_updated = excluded.server_updated",
            )?
            .execute(params![
                ev.uid,
                ev.enrollment,
                ev.program,
                ev.program_stage,
                ev.org_unit,
                ev.status.as_str(),
                ev.event_date.map(iso),
                ev.due_date.map(iso),
                ev.completed_date.map(iso),
                ev.attribute_option_combo,
                ev.created.to_string(),
                now.to_string(),
                ev.server_updated
            ])?;
        self.write_values(&DATA_VALUES, &how, ev.uid, &ev.values, &now.to_string())?;
        Ok(stored(&how))
    }

    /// Writes an aggregate value as the server has it (`None`: deleted there), unless a local
    /// change to it waits.
    pub fn receive_aggregate_value(
        &self,
        key: &AggregateKey,
        value: Option<&str>,
        now: Timestamp,
    ) -> Result<Received, DataError> {
        let k =
            params![key.data_element, key.period, key.org_unit, key.category_option_combo, key.attribute_option_combo];
        let where_key = "data_element = ?1 AND period = ?2 AND org_unit = ?3 AND category_option_combo = ?4 \
                         AND attribute_option_combo = ?5";
        let local: Option<(SyncState, Option<String>)> = self
            .conn
            .prepare_cached(&format!("SELECT sync_state, value FROM aggregate_value WHERE {where_key}"))?
            .query_row(k, |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match (local, value) {
            (None, None) => Ok(Received::Skipped),
            (Some((SyncState::Synced | SyncState::Warning, _)), None) => {
                self.conn.prepare_cached(&format!("DELETE FROM aggregate_value WHERE {where_key}"))?.execute(k)?;
                Ok(Received::Removed)
            }
            (Some((SyncState::Synced | SyncState::Warning, had)), Some(v)) if had.as_deref() == Some(v) => {
                Ok(Received::Unchanged)
            }
            (Some((SyncState::Synced | SyncState::Warning, _)) | None, Some(v)) => {
                self.conn
                    .prepare_cached(
                        "INSERT INTO aggregate_value (data_element, period, org_unit, category_option_combo,
                         attribute_option_combo, value, created, updated, sync_state)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 'SYNCED')
                         ON CONFLICT (data_element, period, org_unit, category_option_combo, attribute_option_combo)
                         DO UPDATE SET value = excluded.value, updated = excluded.updated, sync_state = 'SYNCED',
                         deleted = 0",
                    )?
                    .execute(params![
                        key.data_element,
                        key.period,
                        key.org_unit,
                        key.category_option_combo,
                        key.attribute_option_combo,
                        v,
                        now.to_string()
                    ])?;
                Ok(Received::Stored)
            }
            (Some(_), _) => {
                let uid = super::outbox::aggregate_record_key(key);
                self.conn
                    .prepare_cached(
                        "INSERT OR REPLACE INTO sync_conflict (record_kind, uid, server_updated, server_body, found_at)
                         VALUES ('aggregate_value', ?1, NULL, ?2, ?3)",
                    )?
                    .execute(params![uid, value.unwrap_or(""), now.to_string()])?;
                Ok(Received::Conflict)
            }
        }
    }

    /// Writes a data set's completion as the server has it, unless a local one waits.
    pub fn receive_completion(&self, form: &FormKey, completed: bool, now: Timestamp) -> Result<Received, DataError> {
        let state: Option<SyncState> = self
            .conn
            .prepare_cached(
                "SELECT sync_state FROM data_set_completion
                 WHERE data_set = ?1 AND period = ?2 AND org_unit = ?3 AND attribute_option_combo = ?4",
            )?
            .query_row(params![form.data_set, form.period, form.org_unit, form.attribute_option_combo], |r| r.get(0))
            .optional()?;
        if matches!(state, Some(s) if !matches!(s, SyncState::Synced | SyncState::Warning)) {
            return Ok(Received::Conflict);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO data_set_completion (data_set, period, org_unit, attribute_option_combo, completed,
                 completed_at, completed_by, sync_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, 'SYNCED')
                 ON CONFLICT (data_set, period, org_unit, attribute_option_combo) DO UPDATE SET
                 completed = excluded.completed, sync_state = 'SYNCED'",
            )?
            .execute(params![
                form.data_set,
                form.period,
                form.org_unit,
                form.attribute_option_combo,
                completed,
                now.to_string()
            ])?;
        Ok(Received::Stored)
    }

    /// The server versions kept beside records with local changes.
    pub fn conflicts(&self) -> Result<Vec<Conflict>, DataError> {
        let mut stmt = self.conn.prepare(
            "SELECT record_kind, uid, server_updated, server_body FROM sync_conflict ORDER BY record_kind, uid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Conflict { record_kind: r.get(0)?, uid: r.get(1)?, server_updated: r.get(2)?, server_body: r.get(3)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::test_dates::{now, ymd};

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    fn person(updated: &str, name: &str) -> ServerPerson {
        ServerPerson {
            uid: uid("SrvPerson01"),
            tracked_entity_type: uid("PhumTETPers"),
            org_unit: uid("PhumOUHC001"),
            created: Timestamp::parse("2026-10-01T08:00:00.000").unwrap(),
            server_updated: updated.into(),
            deleted: false,
            attributes: vec![(uid("PhumTEAName"), name.into())],
        }
    }

    fn event(updated: &str, weight: Option<&str>) -> ServerEvent {
        ServerEvent {
            uid: uid("SrvEvent001"),
            enrollment: None,
            program: uid("PhumEvProgr"),
            program_stage: uid("PhumEvStage"),
            org_unit: uid("PhumOUHC001"),
            status: EventStatus::Completed,
            event_date: Some(ymd(2026, 10, 2)),
            due_date: None,
            completed_date: Some(ymd(2026, 10, 2)),
            attribute_option_combo: None,
            created: Timestamp::parse("2026-10-02T08:00:00.000").unwrap(),
            server_updated: updated.into(),
            deleted: false,
            values: weight.map(|w| (uid("PhumDEWeigh"), w.to_string())).into_iter().collect(),
        }
    }

    fn body() -> String {
        "{\"server\":\"version\"}".into()
    }

    #[test]
    fn a_downloaded_person_keeps_the_servers_uid_and_is_synced() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        assert_eq!(d.receive_person(&person("2026-10-01T08:00:00.000", "Sokha"), &body, now()).unwrap(), Received::New);
        let te = d.tracked_entity(uid("SrvPerson01")).unwrap().unwrap();
        assert_eq!(te.sync_state, SyncState::Synced);
        assert_eq!(d.attribute_values(te.uid).unwrap(), vec![(uid("PhumTEAName"), "Sokha".to_string())]);
        assert!(d.waiting_tracker().unwrap().is_empty(), "nothing to send back");
        assert_eq!(
            d.receive_person(&person("2026-10-01T08:00:00.000", "Sokha"), &body, now()).unwrap(),
            Received::Unchanged
        );
    }

    #[test]
    fn records_inside_a_new_person_are_new_and_seen_again_unchanged() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        assert_eq!(d.receive_person(&person("2026-10-01T08:00:00.000", "Sokha"), &body, now()).unwrap(), Received::New);
        let enrollment = ServerEnrollment {
            uid: uid("SrvEnrol001"),
            tracked_entity: uid("SrvPerson01"),
            program: uid("PhumImmProg"),
            org_unit: uid("PhumOUHC001"),
            enrollment_date: ymd(2026, 10, 1),
            incident_date: ymd(2026, 9, 20),
            status: EnrollmentStatus::Active,
            completed_date: None,
            created: Timestamp::parse("2026-10-01T08:00:00.000").unwrap(),
            server_updated: "2026-10-01T08:00:00.000".into(),
            deleted: false,
        };
        assert_eq!(d.receive_enrollment(&enrollment, true, &body, now()).unwrap(), Received::New);
        assert_eq!(d.receive_enrollment(&enrollment, false, &body, now()).unwrap(), Received::Unchanged);
        let mut gone = enrollment.clone();
        gone.uid = uid("SrvEnrol002");
        gone.deleted = true;
        assert_eq!(d.receive_enrollment(&gone, true, &body, now()).unwrap(), Received::Skipped);
    }

    #[test]
    fn a_newer_server_version_replaces_a_settled_record_values_included() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        d.receive_event(&event("2026-10-02T08:00:00.000", Some("3.1")), false, &body, now()).unwrap();
        assert_eq!(
            d.receive_event(&event("2026-10-03T08:00:00.000", None), false, &body, now()).unwrap(),
            Received::Stored
        );
        assert!(d.data_values(uid("SrvEvent001")).unwrap().is_empty(), "a value cleared on the server is gone here");
    }

    #[test]
    fn a_download_never_overwrites_local_changes_and_keeps_the_servers_version_beside_them() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        d.receive_event(&event("2026-10-02T08:00:00.000", Some("3.1")), false, &body, now()).unwrap();
        d.set_data_value(uid("SrvEvent001"), uid("PhumDEWeigh"), Some("3.4"), now()).unwrap();
        let newer = event("2026-10-03T08:00:00.000", Some("9.9"));
        assert_eq!(d.receive_event(&newer, false, &body, now()).unwrap(), Received::Conflict);
        assert_eq!(d.data_values(uid("SrvEvent001")).unwrap()[0].1, "3.4", "the local value stays");
        let conflicts = d.conflicts().unwrap();
        assert_eq!(conflicts.len(), 1);
        assert_eq!((conflicts[0].record_kind.as_str(), conflicts[0].server_body.as_str()), ("event", body().as_str()));
        // Even a deletion on the server does not remove a record with local changes.
        let mut deleted = event("2026-10-04T08:00:00.000", None);
        deleted.deleted = true;
        assert_eq!(d.receive_event(&deleted, false, &body, now()).unwrap(), Received::Conflict);
        assert!(d.event(uid("SrvEvent001")).unwrap().is_some());
        // Once the local version is on the server, the conflict is over.
        d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        d.settle(RecordKind::Event, uid("SrvEvent001"), &super::super::outbox::Outcome::Stored, None, now()).unwrap();
        assert!(d.conflicts().unwrap().is_empty());
    }

    #[test]
    fn a_server_deletion_removes_a_settled_record_and_skips_an_unknown_one() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        let mut gone = person("2026-10-05T08:00:00.000", "Sokha");
        gone.deleted = true;
        assert_eq!(d.receive_person(&gone, &body, now()).unwrap(), Received::Skipped);
        d.receive_person(&person("2026-10-01T08:00:00.000", "Sokha"), &body, now()).unwrap();
        assert_eq!(d.receive_person(&gone, &body, now()).unwrap(), Received::Removed);
        assert!(d.tracked_entity(uid("SrvPerson01")).unwrap().is_none());
    }

    #[test]
    fn aggregate_values_and_completions_arrive_unless_local_ones_wait() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        let key = AggregateKey {
            data_element: uid("PhumDEChild"),
            period: "202611".into(),
            org_unit: uid("PhumOUVil01"),
            category_option_combo: uid("PhumCOCMale"),
            attribute_option_combo: uid("PhumDefCOC1"),
        };
        assert_eq!(d.receive_aggregate_value(&key, Some("4"), now()).unwrap(), Received::Stored);
        assert_eq!(d.receive_aggregate_value(&key, Some("4"), now()).unwrap(), Received::Unchanged);
        d.set_aggregate_value(&key, Some("5"), now()).unwrap();
        assert_eq!(d.receive_aggregate_value(&key, Some("6"), now()).unwrap(), Received::Conflict);
        assert_eq!(d.waiting_aggregate().unwrap()[0].1.as_deref(), Some("5"));
        let form = FormKey {
            data_set: uid("PhumDSVill1"),
            period: "202611".into(),
            org_unit: uid("PhumOUVil01"),
            attribute_option_combo: uid("PhumDefCOC1"),
        };
        assert_eq!(d.receive_completion(&form, true, now()).unwrap(), Received::Stored);
        assert!(d.is_complete(&form).unwrap());
        d.set_completion(&form, false, None, now()).unwrap();
        assert_eq!(d.receive_completion(&form, true, now()).unwrap(), Received::Conflict);
        assert!(!d.is_complete(&form).unwrap());
    }
}
