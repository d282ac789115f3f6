//! Queries on captured data for scheduling and working lists: the scheduled events of a program
//! at an org unit whose due date falls in a range, with the person they belong to, a page at a
//! time, and how many there are in all.
//!
//! Owns only these reads. Does not own what counts as overdue or upcoming (`schedule::lists`).

use chrono::NaiveDate as Date;
use rusqlite::{params, Row};

use super::tracker::Data;
use super::{uid_column, DataError};
use crate::model::Uid;

/// A SCHEDULE (or stored OVERDUE) event of an active enrollment, as working lists need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledEvent {
    pub event: Uid,
    pub enrollment: Uid,
    pub tracked_entity: Uid,
    pub program_stage: Uid,
    pub due_date: Date,
}

fn conv(i: usize, e: rusqlite::types::FromSqlError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn uid_at(row: &Row, i: usize) -> rusqlite::Result<Uid> {
    uid_column(&row.get::<_, String>(i)?).map_err(|e| conv(i, e))
}

fn scheduled_row(r: &Row) -> rusqlite::Result<ScheduledEvent> {
    let due: String = r.get(4)?;
    let due_date = crate::expr::value::parse_iso_date(&due)
        .ok_or_else(|| conv(4, rusqlite::types::FromSqlError::Other(format!("bad date '{due}'").into())))?;
    Ok(ScheduledEvent {
        event: uid_at(r, 0)?,
        enrollment: uid_at(r, 1)?,
        tracked_entity: uid_at(r, 2)?,
        program_stage: uid_at(r, 3)?,
        due_date,
    })
}

/// The scheduled events of a working list: SCHEDULE or OVERDUE, not deleted, of `program` at
/// `org_unit`, due in `from..=to`, in active enrollments of people not deleted.
const SCHEDULED_IN: &str = "FROM event ev
     JOIN enrollment en ON en.uid = ev.enrollment
     JOIN tracked_entity te ON te.uid = en.tracked_entity
     WHERE ev.program = ?1 AND ev.org_unit = ?2 AND ev.status IN ('SCHEDULE', 'OVERDUE')
       AND ev.deleted = 0 AND en.deleted = 0 AND en.status = 'ACTIVE' AND te.deleted = 0
       AND ev.due_date IS NOT NULL AND ev.due_date >= ?3 AND ev.due_date <= ?4";

fn range(from: Option<Date>, to: Option<Date>) -> (String, String) {
    let from = from.map(crate::expr::value::iso_date).unwrap_or_else(|| "0000-01-01".to_string());
    let to = to.map(crate::expr::value::iso_date).unwrap_or_else(|| "9999-12-31".to_string());
    (from, to)
}

impl Data<'_> {
    /// Scheduled events (status SCHEDULE or OVERDUE, not deleted) of `program` at `org_unit` whose
    /// due date lies in `from..=to` (open ends when `None`), in active enrollments of people not
    /// deleted; by due date, then event UID; `limit` of them from `offset` on.
    pub fn scheduled_events_in(
        &self,
        program: Uid,
        org_unit: Uid,
        from: Option<Date>,
        to: Option<Date>,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ScheduledEvent>, DataError> {
        let (from, to) = range(from, to);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT ev.uid, ev.enrollment, en.tracked_entity, ev.program_stage, ev.due_date {SCHEDULED_IN}
             ORDER BY ev.due_date, ev.uid LIMIT ?5 OFFSET ?6"
        ))?;
        let (limit, offset) = (i64::try_from(limit).unwrap_or(i64::MAX), i64::try_from(offset).unwrap_or(i64::MAX));
        let rows =
            stmt.query_map(params![program.as_str(), org_unit.as_str(), from, to, limit, offset], scheduled_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many events [`Data::scheduled_events_in`] finds in all (counted by SQLite, nothing
    /// loaded).
    pub fn count_scheduled_events_in(
        &self,
        program: Uid,
        org_unit: Uid,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Result<usize, DataError> {
        let (from, to) = range(from, to);
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) {SCHEDULED_IN}"))?
            .query_row(params![program.as_str(), org_unit.as_str(), from, to], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}
