//! What waits to be sent, and what the server said about it.
//!
//! The flow of one upload, as `sync::upload` drives it:
//! 1. [`Data::waiting_tracker`] lists the tracker records waiting (TO_POST, TO_UPDATE,
//!    UPLOADING left by a sync that died, ERROR: a refused record is offered again, as the
//!    DHIS2 Android SDK does), each with its family (the person it belongs to), parents first;
//! 2. for one batch, [`Data::take_for_upload`] marks the records UPLOADING and reads them as
//!    they are now (values and cleared values included) - one transaction, so the payload is
//!    what the records were when they were marked;
//! 3. the server's answer comes back per record as an [`Outcome`], and [`Data::settle`]
//!    applies it only to a record that is still UPLOADING: one edited meanwhile is TO_UPDATE
//!    (`SyncState::after_local_change`) and is sent again, whatever the server said about the
//!    older version.
//!
//! Aggregate values and completions follow the same three steps (`waiting_aggregate`,
//! `take_aggregate`, `settle_aggregate`).
//!
//! Owns these queries and the rows of `sync_error`. Does not own the payloads or reading the
//! server's answer (`sync::upload`), or the state rule of a local change (`tracker::touch`).

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};

use super::aggregate::{AggregateKey, FormKey};
use super::tracker::{Data, Enrollment, Event, TrackedEntity, ATTRIBUTE_VALUES, DATA_VALUES};
use super::{uid_column, DataError, RecordKind, SyncState};
use crate::model::{Timestamp, Uid};

/// The states of a record that waits to be sent.
const WAITING: &str = "('TO_POST', 'TO_UPDATE', 'UPLOADING', 'ERROR')";

/// A tracker record waiting to be sent, with the person it belongs to (its own UID for a
/// person, and for an event without enrollment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Waiting {
    pub family: Uid,
    pub kind_order: u8,
    pub uid: Uid,
    /// Marked deleted: its deletion is what is sent.
    pub deleted: bool,
}

impl Waiting {
    pub fn kind(&self) -> RecordKind {
        match self.kind_order {
            0 => RecordKind::TrackedEntity,
            1 => RecordKind::Enrollment,
            _ => RecordKind::Event,
        }
    }
}

/// A record's values as they go to the server: the values it has, and those cleared since the
/// server may have had them (sent empty, which is how DHIS2 deletes a value).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutgoingValues {
    pub values: Vec<(Uid, String)>,
    pub cleared: Vec<Uid>,
}

/// Records marked UPLOADING, read as they were marked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrackerBatch {
    pub people: Vec<(TrackedEntity, OutgoingValues)>,
    pub enrollments: Vec<Enrollment>,
    pub events: Vec<(Event, OutgoingValues)>,
}

impl TrackerBatch {
    pub fn len(&self) -> usize {
        self.people.len() + self.enrollments.len() + self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One thing the server said about a record: its code (`E1007`), its own words, and the field
/// (attribute or data element UID) it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerIssue {
    pub code: String,
    pub message: String,
    /// The report's arguments (`args`; empty from servers that send none).
    pub args: Vec<String>,
    pub field: Option<String>,
}

/// What the server's answer says about one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored: SYNCED (a record marked deleted is removed), with the server's `updatedAt`
    /// when the answer gives it.
    Stored,
    /// Stored with warnings: WARNING, the warnings kept.
    StoredWithWarnings(Vec<ServerIssue>),
    /// Refused: ERROR, the errors kept.
    Refused(Vec<ServerIssue>),
    /// The answer does not mention it: it waits (TO_UPDATE) and is sent again.
    NotMentioned,
}

/// A record's stored server issues, for the sync screen and `phum status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordIssue {
    pub record_kind: String,
    pub record_key: String,
    pub severity: String,
    pub issue: ServerIssue,
}

/// How many records of each kind wait to be sent, and how many of them the server refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaitingCounts {
    pub by_kind: BTreeMap<String, usize>,
    pub refused: usize,
}

impl WaitingCounts {
    pub fn total(&self) -> usize {
        self.by_kind.values().sum()
    }

    /// Records waiting to be sent at the next sync: all but those the server refused.
    pub fn waiting(&self) -> usize {
        self.total() - self.refused
    }
}

fn uid_text(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Uid> {
    let text: String = r.get(i)?;
    uid_column(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

/// The key of an aggregate value in `sync_error`.
pub fn aggregate_record_key(key: &AggregateKey) -> String {
    format!(
        "{}/{}/{}/{}/{}",
        key.data_element, key.period, key.org_unit, key.category_option_combo, key.attribute_option_combo
    )
}

/// The key of a completion in `sync_error`.
pub fn completion_record_key(form: &FormKey) -> String {
    format!("{}/{}/{}/{}", form.data_set, form.period, form.org_unit, form.attribute_option_combo)
}

impl Data<'_> {
    /// Every tracker record waiting to be sent, by family (person) and, within one, parents
    /// first: a person, then their enrollments, then events.
    pub fn waiting_tracker(&self) -> Result<Vec<Waiting>, DataError> {
        let sql = format!(
            "SELECT uid, 0, uid, deleted FROM tracked_entity WHERE sync_state IN {WAITING}
             UNION ALL SELECT tracked_entity, 1, uid, deleted FROM enrollment WHERE sync_state IN {WAITING}
             UNION ALL SELECT coalesce(en.tracked_entity, ev.uid), 2, ev.uid, ev.deleted
               FROM event ev LEFT JOIN enrollment en ON en.uid = ev.enrollment WHERE ev.sync_state IN {WAITING}
             ORDER BY 1, 2, 3"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(Waiting { family: uid_text(r, 0)?, kind_order: r.get(1)?, uid: uid_text(r, 2)?, deleted: r.get(3)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks `records` UPLOADING (those still waiting; a record settled meanwhile is left out)
    /// and reads them, values included.
    pub fn take_for_upload(&self, records: &[Waiting]) -> Result<TrackerBatch, DataError> {
        let mut batch = TrackerBatch::default();
        for w in records {
            let table = w.kind().table();
            let marked = self
                .conn
                .prepare_cached(&format!(
                    "UPDATE {table} SET sync_state = 'UPLOADING' WHERE uid = ?1 AND sync_state IN {WAITING}"
                ))?
                .execute([w.uid.as_str()])?;
            if marked == 0 {
                continue;
            }
            match w.kind() {
                RecordKind::TrackedEntity => {
                    let te = self.tracked_entity(w.uid)?.ok_or_else(|| not_found(w))?;
                    let values = self.outgoing_values(&ATTRIBUTE_VALUES, w.uid)?;
                    batch.people.push((te, values));
                }
                RecordKind::Enrollment => batch.enrollments.push(self.enrollment(w.uid)?.ok_or_else(|| not_found(w))?),
                RecordKind::Event => {
                    let ev = self.event(w.uid)?.ok_or_else(|| not_found(w))?;
                    let values = self.outgoing_values(&DATA_VALUES, w.uid)?;
                    batch.events.push((ev, values));
                }
            }
        }
        Ok(batch)
    }

    fn outgoing_values(&self, t: &super::tracker::ValueTable, owner: Uid) -> Result<OutgoingValues, DataError> {
        let values = self.keyed_values(t, owner)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {key} FROM {cleared} WHERE {owner_col} = ?1 ORDER BY {key}",
            key = t.key,
            cleared = t.cleared,
            owner_col = t.owner
        ))?;
        let cleared = stmt.query_map([owner.as_str()], |r| uid_text(r, 0))?.collect::<Result<_, _>>()?;
        Ok(OutgoingValues { values, cleared })
    }

    /// Applies the server's answer about one tracker record, if it is still UPLOADING (see the
    /// module doc). `server_updated` is the server's `updatedAt` when the answer gives one.
    /// Returns whether the record was settled (false: edited meanwhile, or gone).
    pub fn settle(
        &self,
        kind: RecordKind,
        uid: Uid,
        outcome: &Outcome,
        server_updated: Option<&str>,
        now: Timestamp,
    ) -> Result<bool, DataError> {
        let table = kind.table();
        let deleted: Option<bool> = self
            .conn
            .prepare_cached(&format!("SELECT deleted FROM {table} WHERE uid = ?1 AND sync_state = 'UPLOADING'"))?
            .query_row([uid.as_str()], |r| r.get(0))
            .optional()?;
        let Some(deleted) = deleted else { return Ok(false) };
        let key = uid.as_str();
        self.clear_issues(table, key)?;
        match outcome {
            Outcome::Stored | Outcome::StoredWithWarnings(_) if deleted => {
                self.conn.prepare_cached(&format!("DELETE FROM {table} WHERE uid = ?1"))?.execute([key])?;
            }
            Outcome::Stored | Outcome::StoredWithWarnings(_) => {
                let state = match outcome {
                    Outcome::StoredWithWarnings(_) => SyncState::Warning,
                    _ => SyncState::Synced,
                };
                self.conn
                    .prepare_cached(&format!(
                        "UPDATE {table} SET sync_state = ?2, server_updated = coalesce(?3, server_updated) WHERE uid = ?1"
                    ))?
                    .execute(params![key, state, server_updated])?;
                // The clearings it carried are on the server now.
                let cleared = match kind {
                    RecordKind::TrackedEntity => Some(&ATTRIBUTE_VALUES),
                    RecordKind::Event => Some(&DATA_VALUES),
                    RecordKind::Enrollment => None,
                };
                if let Some(t) = cleared {
                    self.conn
                        .prepare_cached(&format!("DELETE FROM {} WHERE {} = ?1", t.cleared, t.owner))?
                        .execute([key])?;
                }
                if let Outcome::StoredWithWarnings(issues) = outcome {
                    self.keep_issues(table, key, "WARNING", issues, now)?;
                }
                // The server has this version now: a conflict kept from a download is over.
                self.conn
                    .prepare_cached("DELETE FROM sync_conflict WHERE record_kind = ?1 AND uid = ?2")?
                    .execute([table, key])?;
            }
            Outcome::Refused(issues) => {
                self.conn
                    .prepare_cached(&format!("UPDATE {table} SET sync_state = 'ERROR' WHERE uid = ?1"))?
                    .execute([key])?;
                self.keep_issues(table, key, "ERROR", issues, now)?;
            }
            Outcome::NotMentioned => {
                self.conn
                    .prepare_cached(&format!("UPDATE {table} SET sync_state = 'TO_UPDATE' WHERE uid = ?1"))?
                    .execute([key])?;
            }
        }
        Ok(true)
    }

    fn clear_issues(&self, record_kind: &str, record_key: &str) -> Result<(), DataError> {
        self.conn
            .prepare_cached("DELETE FROM sync_error WHERE record_kind = ?1 AND record_key = ?2")?
            .execute([record_kind, record_key])?;
        Ok(())
    }

    fn keep_issues(
        &self,
        record_kind: &str,
        record_key: &str,
        severity: &str,
        issues: &[ServerIssue],
        now: Timestamp,
    ) -> Result<(), DataError> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO sync_error (record_kind, record_key, severity, code, message, args, field, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for issue in issues {
            let args = serde_json::to_string(&issue.args).unwrap_or_else(|_| "[]".into());
            stmt.execute(params![
                record_kind,
                record_key,
                severity,
                issue.code,
                issue.message,
                args,
                issue.field,
                now.to_string()
            ])?;
        }
        Ok(())
    }

    /// Every issue the server reported on records as they are now, by record.
    pub fn record_issues(&self) -> Result<Vec<RecordIssue>, DataError> {
        let mut stmt = self.conn.prepare(
            "SELECT record_kind, record_key, severity, code, message, args, field FROM sync_error
             ORDER BY record_kind, record_key, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let args: String = r.get(5)?;
            Ok(RecordIssue {
                record_kind: r.get(0)?,
                record_key: r.get(1)?,
                severity: r.get(2)?,
                issue: ServerIssue {
                    code: r.get(3)?,
                    message: r.get(4)?,
                    // Written by `keep_issues` from a Vec<String>; anything else reads as none.
                    args: serde_json::from_str(&args).unwrap_or_default(),
                    field: r.get(6)?,
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many records wait to be sent (see [`WAITING`]), per table, and how many of them
    /// are refused ones.
    pub fn waiting_counts(&self) -> Result<WaitingCounts, DataError> {
        Ok(waiting_counts(self.conn)?)
    }

    // ---- aggregate ----

    /// Aggregate values waiting to be sent, cleared ones (`value` None) included.
    pub fn waiting_aggregate(&self) -> Result<Vec<(AggregateKey, Option<String>)>, DataError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT data_element, period, org_unit, category_option_combo, attribute_option_combo,
                    CASE deleted WHEN 1 THEN NULL ELSE value END
             FROM aggregate_value WHERE sync_state IN {WAITING}
             ORDER BY org_unit, period, attribute_option_combo, data_element, category_option_combo"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                AggregateKey {
                    data_element: uid_text(r, 0)?,
                    period: r.get(1)?,
                    org_unit: uid_text(r, 2)?,
                    category_option_combo: uid_text(r, 3)?,
                    attribute_option_combo: uid_text(r, 4)?,
                },
                r.get(5)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks aggregate values UPLOADING and reads them as they are now; values settled or gone
    /// meanwhile are left out.
    pub fn take_aggregate(&self, keys: &[AggregateKey]) -> Result<Vec<(AggregateKey, Option<String>)>, DataError> {
        let mut out = Vec::with_capacity(keys.len());
        let mut mark = self.conn.prepare_cached(&format!(
            "UPDATE aggregate_value SET sync_state = 'UPLOADING' WHERE {AGGREGATE_KEY} AND sync_state IN {WAITING}
             RETURNING CASE deleted WHEN 1 THEN NULL ELSE value END"
        ))?;
        for key in keys {
            let value: Option<Option<String>> = mark.query_row(aggregate_params(key), |r| r.get(0)).optional()?;
            if let Some(value) = value {
                out.push((key.clone(), value));
            }
        }
        Ok(out)
    }

    /// Applies the server's answer about one aggregate value if it is still UPLOADING: stored
    /// values become SYNCED (a cleared one is removed), refused ones ERROR with their issues.
    pub fn settle_aggregate(&self, key: &AggregateKey, outcome: &Outcome, now: Timestamp) -> Result<bool, DataError> {
        let deleted: Option<bool> = self
            .conn
            .prepare_cached(&format!(
                "SELECT deleted FROM aggregate_value WHERE {AGGREGATE_KEY} AND sync_state = 'UPLOADING'"
            ))?
            .query_row(aggregate_params(key), |r| r.get(0))
            .optional()?;
        let Some(deleted) = deleted else { return Ok(false) };
        let record_key = aggregate_record_key(key);
        self.clear_issues("aggregate_value", &record_key)?;
        let set_state = |state: SyncState| -> Result<(), DataError> {
            self.conn
                .prepare_cached(&format!("UPDATE aggregate_value SET sync_state = ?6 WHERE {AGGREGATE_KEY}"))?
                .execute(params![
                    key.data_element.as_str(),
                    key.period,
                    key.org_unit.as_str(),
                    key.category_option_combo.as_str(),
                    key.attribute_option_combo.as_str(),
                    state
                ])?;
            Ok(())
        };
        match outcome {
            Outcome::Stored | Outcome::StoredWithWarnings(_) if deleted => {
                self.conn
                    .prepare_cached(&format!("DELETE FROM aggregate_value WHERE {AGGREGATE_KEY}"))?
                    .execute(aggregate_params(key))?;
            }
            Outcome::Stored => set_state(SyncState::Synced)?,
            Outcome::StoredWithWarnings(issues) => {
                set_state(SyncState::Warning)?;
                self.keep_issues("aggregate_value", &record_key, "WARNING", issues, now)?;
            }
            Outcome::Refused(issues) => {
                set_state(SyncState::Error)?;
                self.keep_issues("aggregate_value", &record_key, "ERROR", issues, now)?;
            }
            Outcome::NotMentioned => set_state(SyncState::ToUpdate)?,
        }
        Ok(true)
    }

    /// Completions waiting to be sent: the form, complete or not, when and by whom.
    pub fn waiting_completions(&self) -> Result<Vec<(FormKey, bool, String)>, DataError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT data_set, period, org_unit, attribute_option_combo, completed, completed_at
             FROM data_set_completion WHERE sync_state IN {WAITING} ORDER BY data_set, org_unit, period"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                FormKey {
                    data_set: uid_text(r, 0)?,
                    period: r.get(1)?,
                    org_unit: uid_text(r, 2)?,
                    attribute_option_combo: uid_text(r, 3)?,
                },
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks a completion UPLOADING; false when it no longer waits.
    pub fn take_completion(&self, form: &FormKey) -> Result<bool, DataError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "UPDATE data_set_completion SET sync_state = 'UPLOADING' WHERE {FORM_KEY} AND sync_state IN {WAITING}"
            ))?
            .execute(form_params(form))?
            > 0)
    }

    /// Applies the server's answer about a completion if it is still UPLOADING.
    pub fn settle_completion(&self, form: &FormKey, outcome: &Outcome, now: Timestamp) -> Result<bool, DataError> {
        let state = match outcome {
            Outcome::Stored => SyncState::Synced,
            Outcome::StoredWithWarnings(_) => SyncState::Warning,
            Outcome::Refused(_) => SyncState::Error,
            Outcome::NotMentioned => SyncState::ToUpdate,
        };
        let changed = self
            .conn
            .prepare_cached(&format!(
                "UPDATE data_set_completion SET sync_state = ?5 WHERE {FORM_KEY} AND sync_state = 'UPLOADING'"
            ))?
            .execute(params![
                form.data_set.as_str(),
                form.period,
                form.org_unit.as_str(),
                form.attribute_option_combo.as_str(),
                state
            ])?;
        if changed == 0 {
            return Ok(false);
        }
        let record_key = completion_record_key(form);
        self.clear_issues("data_set_completion", &record_key)?;
        match outcome {
            Outcome::Refused(issues) => self.keep_issues("data_set_completion", &record_key, "ERROR", issues, now)?,
            Outcome::StoredWithWarnings(issues) => {
                self.keep_issues("data_set_completion", &record_key, "WARNING", issues, now)?
            }
            _ => {}
        }
        Ok(true)
    }
}

/// [`Data::waiting_counts`] on a connection (also `Store::unsent_count`).
pub(crate) fn waiting_counts(conn: &rusqlite::Connection) -> rusqlite::Result<WaitingCounts> {
    let mut counts = WaitingCounts::default();
    for table in ["tracked_entity", "enrollment", "event", "aggregate_value", "data_set_completion"] {
        let (n, refused): (i64, i64) = conn.query_row(
            &format!(
                "SELECT count(*), coalesce(sum(sync_state = 'ERROR'), 0) FROM {table} WHERE sync_state IN {WAITING}"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        counts.by_kind.insert(table.to_string(), n as usize);
        counts.refused += refused as usize;
    }
    Ok(counts)
}

const AGGREGATE_KEY: &str = "data_element = ?1 AND period = ?2 AND org_unit = ?3 AND category_option_combo = ?4 \
     AND attribute_option_combo = ?5";
const FORM_KEY: &str = "data_set = ?1 AND period = ?2 AND org_unit = ?3 AND attribute_option_combo = ?4";

fn aggregate_params(key: &AggregateKey) -> [&dyn rusqlite::ToSql; 5] {
    [&key.data_element, &key.period, &key.org_unit, &key.category_option_combo, &key.attribute_option_combo]
}

fn form_params(form: &FormKey) -> [&dyn rusqlite::ToSql; 4] {
    [&form.data_set, &form.period, &form.org_unit, &form.attribute_option_combo]
}

fn not_found(w: &Waiting) -> DataError {
    DataError::NotFound { kind: w.kind(), uid: w.uid.as_str().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::value_type::EventStatus;
    use crate::store::data::tracker::NewEvent;
    use crate::store::Store;
    use crate::test_dates::{now, ymd};

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    /// A person with an enrollment and a visit with one value, all SYNCED as after a sync.
    fn synced_family(store: &mut Store) -> (Uid, Uid, Uid) {
        let ids = store
            .write(|d| {
                let te = d.insert_tracked_entity(uid("PhumTETPers"), uid("PhumOUHC001"), now())?;
                d.set_attribute_value(te.uid, uid("PhumTEAName"), Some("Sokha"), now())?;
                let en = d.insert_enrollment(
                    te.uid,
                    uid("PhumImmProg"),
                    uid("PhumOUHC001"),
                    ymd(2026, 1, 1),
                    ymd(2026, 1, 1),
                    now(),
                )?;
                let ev = d.insert_event(
                    &NewEvent {
                        enrollment: Some(en.uid),
                        program: uid("PhumImmProg"),
                        program_stage: uid("PhumStgBirt"),
                        org_unit: uid("PhumOUHC001"),
                        status: EventStatus::Active,
                        event_date: Some(ymd(2026, 1, 2)),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    now(),
                )?;
                d.set_data_value(ev.uid, uid("PhumDEWeigh"), Some("3.1"), now())?;
                Ok::<_, DataError>((te.uid, en.uid, ev.uid))
            })
            .unwrap();
        store.data().mark_all_synced().unwrap();
        ids
    }

    fn state(store: &Store, table: &str, uid: Uid) -> String {
        store
            .conn()
            .query_row(&format!("SELECT sync_state FROM {table} WHERE uid = ?1"), [uid.as_str()], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_value_cleared_on_a_sent_record_is_sent_empty_until_the_server_has_it() {
        let mut store = Store::open_in_memory().unwrap();
        let (_, _, ev) = synced_family(&mut store);
        let d = store.data();
        d.set_data_value(ev, uid("PhumDEWeigh"), None, now()).unwrap();
        let waiting = d.waiting_tracker().unwrap();
        assert_eq!(waiting.len(), 1);
        let batch = d.take_for_upload(&waiting).unwrap();
        assert_eq!(batch.events[0].1, OutgoingValues { values: vec![], cleared: vec![uid("PhumDEWeigh")] });
        assert_eq!(state(&store, "event", ev), "UPLOADING");
        assert!(d.settle(RecordKind::Event, ev, &Outcome::Stored, Some("2026-11-01T09:00:00.000"), now()).unwrap());
        assert_eq!(state(&store, "event", ev), "SYNCED");
        assert!(d.waiting_tracker().unwrap().is_empty());
        let n: i64 = store.conn().query_row("SELECT count(*) FROM cleared_data_value", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "the server has the clearing now");
    }

    #[test]
    fn a_value_cleared_on_a_never_sent_record_leaves_nothing_to_clear() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        let te = d.insert_tracked_entity(uid("PhumTETPers"), uid("PhumOUHC001"), now()).unwrap();
        d.set_attribute_value(te.uid, uid("PhumTEAName"), Some("Dara"), now()).unwrap();
        d.set_attribute_value(te.uid, uid("PhumTEAName"), None, now()).unwrap();
        let batch = d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        assert_eq!(batch.people[0].1, OutgoingValues::default());
    }

    #[test]
    fn setting_a_cleared_value_again_forgets_the_clearing() {
        let mut store = Store::open_in_memory().unwrap();
        let (te, _, _) = synced_family(&mut store);
        let d = store.data();
        d.set_attribute_value(te, uid("PhumTEAName"), None, now()).unwrap();
        d.set_attribute_value(te, uid("PhumTEAName"), Some("Sokha Chan"), now()).unwrap();
        let batch = d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        assert_eq!(batch.people[0].1.values, vec![(uid("PhumTEAName"), "Sokha Chan".to_string())]);
        assert!(batch.people[0].1.cleared.is_empty());
    }

    #[test]
    fn a_record_edited_while_uploading_stays_waiting_whatever_the_server_said() {
        let mut store = Store::open_in_memory().unwrap();
        let (_, _, ev) = synced_family(&mut store);
        let d = store.data();
        d.set_data_value(ev, uid("PhumDEWeigh"), Some("3.2"), now()).unwrap();
        let batch = d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        assert_eq!(batch.events[0].1.values[0].1, "3.2");
        d.set_data_value(ev, uid("PhumDEWeigh"), None, now()).unwrap();
        assert!(!d.settle(RecordKind::Event, ev, &Outcome::Stored, None, now()).unwrap());
        assert_eq!(state(&store, "event", ev), "TO_UPDATE");
        let again = d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        assert_eq!(again.events[0].1.cleared, vec![uid("PhumDEWeigh")], "the newer clearing is sent next");
    }

    #[test]
    fn waiting_records_come_by_person_with_parents_first() {
        let mut store = Store::open_in_memory().unwrap();
        let (te, en, ev) = synced_family(&mut store);
        let d = store.data();
        d.set_data_value(ev, uid("PhumDEWeigh"), Some("3.3"), now()).unwrap();
        d.set_enrollment_dates(en, ymd(2026, 1, 1), ymd(2025, 12, 30), now()).unwrap();
        d.set_attribute_value(te, uid("PhumTEAName"), Some("Sokha C."), now()).unwrap();
        let waiting = d.waiting_tracker().unwrap();
        let kinds: Vec<RecordKind> = waiting.iter().map(Waiting::kind).collect();
        assert_eq!(kinds, [RecordKind::TrackedEntity, RecordKind::Enrollment, RecordKind::Event]);
        assert!(waiting.iter().all(|w| w.family == te));
    }

    #[test]
    fn refused_records_keep_the_servers_words_and_are_offered_again() {
        let mut store = Store::open_in_memory().unwrap();
        let (_, _, ev) = synced_family(&mut store);
        let d = store.data();
        d.set_data_value(ev, uid("PhumDEWeigh"), Some("heavy"), now()).unwrap();
        d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        let issue = ServerIssue {
            code: "E1007".into(),
            message: "Value: `heavy`, is not a number".into(),
            args: vec!["heavy".into()],
            field: Some("PhumDEWeigh".into()),
        };
        d.settle(RecordKind::Event, ev, &Outcome::Refused(vec![issue.clone()]), None, now()).unwrap();
        assert_eq!(state(&store, "event", ev), "ERROR");
        let issues = d.record_issues().unwrap();
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].record_key.as_str(), &issues[0].issue), (ev.as_str(), &issue));
        assert_eq!(d.waiting_counts().unwrap().refused, 1);
        assert_eq!(d.waiting_tracker().unwrap().len(), 1, "offered again");
        d.set_data_value(ev, uid("PhumDEWeigh"), Some("3.4"), now()).unwrap();
        d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        d.settle(RecordKind::Event, ev, &Outcome::Stored, None, now()).unwrap();
        assert!(d.record_issues().unwrap().is_empty(), "the next answer replaces the issues");
    }

    #[test]
    fn a_deleted_event_is_removed_once_the_server_has_the_deletion() {
        let mut store = Store::open_in_memory().unwrap();
        let (_, _, ev) = synced_family(&mut store);
        let d = store.data();
        d.delete_event(ev, now()).unwrap();
        let waiting = d.waiting_tracker().unwrap();
        assert!(waiting[0].deleted);
        d.take_for_upload(&waiting).unwrap();
        d.settle(RecordKind::Event, ev, &Outcome::Stored, None, now()).unwrap();
        assert!(d.event(ev).unwrap().is_none());
    }

    #[test]
    fn a_record_the_answer_does_not_mention_waits_and_one_whose_answer_was_lost_is_offered_again() {
        let mut store = Store::open_in_memory().unwrap();
        let (te, en, _) = synced_family(&mut store);
        let d = store.data();
        d.set_attribute_value(te, uid("PhumTEAName"), Some("Sokha C."), now()).unwrap();
        d.set_enrollment_dates(en, ymd(2026, 1, 1), ymd(2025, 12, 30), now()).unwrap();
        d.take_for_upload(&d.waiting_tracker().unwrap()).unwrap();
        d.settle(RecordKind::TrackedEntity, te, &Outcome::NotMentioned, None, now()).unwrap();
        assert_eq!(state(&store, "tracked_entity", te), "TO_UPDATE");
        // The enrollment's answer never came (a dropped connection, a killed sync): it stays
        // UPLOADING, which waits like TO_UPDATE, and is sent again.
        assert_eq!(state(&store, "enrollment", en), "UPLOADING");
        let again = d.waiting_tracker().unwrap();
        assert_eq!(again.iter().map(|w| w.uid).collect::<Vec<_>>(), [te, en]);
    }

    #[test]
    fn aggregate_values_settle_per_value_and_a_sent_clearing_removes_the_row() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        let key = |coc: &str| AggregateKey {
            data_element: uid("PhumDEChild"),
            period: "202611".into(),
            org_unit: uid("PhumOUVil01"),
            category_option_combo: uid(coc),
            attribute_option_combo: uid("PhumDefCOC1"),
        };
        d.set_aggregate_value(&key("PhumCOCMale"), Some("4"), now()).unwrap();
        d.set_aggregate_value(&key("PhumCOCFeml"), Some("x"), now()).unwrap();
        let waiting: Vec<AggregateKey> = d.waiting_aggregate().unwrap().into_iter().map(|(k, _)| k).collect();
        assert_eq!(d.take_aggregate(&waiting).unwrap().len(), 2);
        d.settle_aggregate(&key("PhumCOCMale"), &Outcome::Stored, now()).unwrap();
        let refused = Outcome::Refused(vec![ServerIssue {
            code: "E7619".into(),
            message: "not numeric".into(),
            args: vec![],
            field: None,
        }]);
        d.settle_aggregate(&key("PhumCOCFeml"), &refused, now()).unwrap();
        assert_eq!(d.waiting_aggregate().unwrap(), vec![(key("PhumCOCFeml"), Some("x".to_string()))]);
        assert_eq!(d.record_issues().unwrap()[0].record_key, aggregate_record_key(&key("PhumCOCFeml")));

        d.set_aggregate_value(&key("PhumCOCMale"), None, now()).unwrap();
        let taken = d.take_aggregate(&[key("PhumCOCMale")]).unwrap();
        assert_eq!(taken, vec![(key("PhumCOCMale"), None)], "a clearing is sent as an empty value");
        d.settle_aggregate(&key("PhumCOCMale"), &Outcome::Stored, now()).unwrap();
        let n: i64 = store.conn().query_row("SELECT count(*) FROM aggregate_value", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }
}
