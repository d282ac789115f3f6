//! Queries on captured data for the rule engine: the earlier and later events an event program
//! passes with the event being evaluated, read around that event with `LIMIT`s on an index, so
//! that opening a form costs the same with 20 or 20,000 events at the health centre.
//!
//! Owns only this read. Does not own what the engine does with the events (`rules`) or the
//! context of an event inside an enrollment (its other events, `tracker::events_of_enrollment`).

use chrono::NaiveDate as Date;
use rusqlite::{params, OptionalExtension};

use super::tracker::{event_row, Data, Event, EVENT_COLUMNS};
use super::DataError;
use crate::model::value_type::EventStatus;

/// The events of an event program that the rule engine may see: same program, stage and org
/// unit, not deleted, not waiting or skipped (SCHEDULE, OVERDUE, SKIPPED), dated up to today.
/// `?1` program, `?2` stage, `?3` org unit, `?4` today.
const SEEN: &str = "FROM event
     WHERE program = ?1 AND program_stage = ?2 AND org_unit = ?3 AND deleted = 0
       AND status NOT IN ('SCHEDULE', 'SKIPPED', 'OVERDUE')
       AND event_date IS NOT NULL AND event_date <= ?4";

/// Newest first; events of the same day in the order they were stored here, later first.
const NEWEST_FIRST: &str = "ORDER BY event_date DESC, rowid DESC LIMIT ?5";

impl Data<'_> {
    /// The other events that Android Capture passes to the rule engine with `target`, an event of
    /// an event program (`RulesRepository.getOtherEventList` in dhis2-android-capture-app's
    /// `form` module): of the events the engine may see ([`SEEN`]) ordered newest first, when
    /// `target` is one of them, up to `limit` of those after it (the newest ones, as the app takes
    /// the head of that part of the list) and then up to `limit` of those before it (the nearest
    /// ones); when it is not (it is dated after today, or waiting), the `limit` newest. Each part is
    /// one `LIMIT` query on the `event_by_stage_date` index.
    pub fn rule_context_of_event_program(
        &self,
        target: &Event,
        today: Date,
        limit: usize,
    ) -> Result<Vec<Event>, DataError> {
        let today = crate::expr::value::iso_date(today);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let key = [target.program.as_str(), target.program_stage.as_str(), target.org_unit.as_str()];
        let seen = !target.deleted
            && !matches!(target.status, EventStatus::Schedule | EventStatus::Skipped | EventStatus::Overdue)
            && target.event_date.is_some_and(|d| crate::expr::value::iso_date(d) <= today);
        let position: Option<i64> = if seen {
            self.conn
                .prepare_cached("SELECT rowid FROM event WHERE uid = ?1")?
                .query_row([target.uid.as_str()], |r| r.get(0))
                .optional()?
        } else {
            None
        };
        let (Some(rowid), Some(date)) = (position, target.event_date) else {
            let mut stmt = self.conn.prepare_cached(&format!("SELECT {EVENT_COLUMNS} {SEEN} {NEWEST_FIRST}"))?;
            let rows = stmt.query_map(params![key[0], key[1], key[2], today, limit], event_row)?;
            return Ok(rows.collect::<Result<_, _>>()?);
        };
        let date = crate::expr::value::iso_date(date);
        let mut out = Vec::new();
        for side in [">", "<"] {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} {SEEN} AND (event_date, rowid) {side} (?6, ?7) {NEWEST_FIRST}"
            ))?;
            let rows = stmt.query_map(params![key[0], key[1], key[2], today, limit, date, rowid], event_row)?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DeviceClock, Uid};
    use crate::store::data::tracker::NewEvent;
    use crate::store::Store;
    use crate::test_dates::ymd;

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    fn screening(store: &mut Store, stage: &str, unit: &str, status: EventStatus, date: Date) -> Event {
        let now = DeviceClock::default().pinned_on(ymd(2026, 11, 20)).now();
        store
            .write(|d| {
                d.insert_event(
                    &NewEvent {
                        enrollment: None,
                        program: uid("PhumScrProg"),
                        program_stage: uid(stage),
                        org_unit: uid(unit),
                        status,
                        event_date: Some(date),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    now,
                )
            })
            .unwrap()
    }

    fn dates(events: &[Event]) -> Vec<u32> {
        use chrono::Datelike;
        events.iter().map(|e| e.event_date.unwrap().ordinal()).collect()
    }

    #[test]
    fn an_event_program_passes_the_newest_later_and_the_nearest_earlier_events_as_the_app_does() {
        let mut store = Store::open_in_memory().unwrap();
        let today = ymd(2026, 12, 31);
        // One screening a day from day 1 to day 60 of 2026.
        let all: Vec<Event> = (1..=60)
            .map(|day| {
                screening(
                    &mut store,
                    "PhumScrStg1",
                    "PhumOUHC001",
                    EventStatus::Completed,
                    ymd(2026, 1, 1) + chrono::TimeDelta::days(day - 1),
                )
            })
            .collect();
        // Not seen: another stage, another org unit, waiting, skipped, deleted, dated after today.
        screening(&mut store, "PhumScrStg2", "PhumOUHC001", EventStatus::Completed, ymd(2026, 1, 30));
        screening(&mut store, "PhumScrStg1", "PhumOUHC002", EventStatus::Completed, ymd(2026, 1, 30));
        screening(&mut store, "PhumScrStg1", "PhumOUHC001", EventStatus::Schedule, ymd(2026, 1, 30));
        screening(&mut store, "PhumScrStg1", "PhumOUHC001", EventStatus::Skipped, ymd(2026, 1, 30));
        let gone = screening(&mut store, "PhumScrStg1", "PhumOUHC001", EventStatus::Active, ymd(2026, 1, 30));
        store.conn().execute("UPDATE event SET deleted = 1 WHERE uid = ?1", [gone.uid.as_str()]).unwrap();
        let future = screening(&mut store, "PhumScrStg1", "PhumOUHC001", EventStatus::Active, ymd(2027, 1, 2));

        let d = store.data();
        // Day 30: the ten newest of the thirty later days (60..51), then days 29..20.
        let context = d.rule_context_of_event_program(&all[29], today, 10).unwrap();
        assert_eq!(dates(&context), [60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
        // The newest has nothing later; the oldest nothing earlier.
        assert_eq!(
            dates(&d.rule_context_of_event_program(&all[59], today, 10).unwrap()),
            (50..=59).rev().collect::<Vec<_>>()
        );
        assert_eq!(dates(&d.rule_context_of_event_program(&all[0], today, 3).unwrap()), [60, 59, 58]);
        // An event dated after today is not in the list: the newest ten.
        assert_eq!(
            dates(&d.rule_context_of_event_program(&future, today, 10).unwrap()),
            (51..=60).rev().collect::<Vec<_>>()
        );
        // On day 30 itself, nothing dated later is seen.
        let context = d.rule_context_of_event_program(&all[29], ymd(2026, 1, 30), 10).unwrap();
        assert_eq!(dates(&context), (20..=29).rev().collect::<Vec<_>>());
    }

    #[test]
    fn events_of_the_same_day_are_before_or_after_the_target_in_the_order_they_were_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let day = ymd(2026, 11, 2);
        let first = screening(&mut store, "PhumScrStg1", "PhumOUHC001", EventStatus::Active, day);
        let second = screening(&mut store, "PhumScrStg1", "PhumOUHC001", EventStatus::Active, day);
        let third = screening(&mut store, "PhumScrStg1", "PhumOUHC001", EventStatus::Active, day);
        let d = store.data();
        let uids = |events: Vec<Event>| events.into_iter().map(|e| e.uid).collect::<Vec<_>>();
        assert_eq!(uids(d.rule_context_of_event_program(&second, day, 10).unwrap()), [third.uid, first.uid]);
    }

    #[test]
    fn the_context_query_reads_the_stage_date_index() {
        let store = Store::open_in_memory().unwrap();
        let plan: Vec<String> = store
            .conn()
            .prepare(&format!(
                "EXPLAIN QUERY PLAN SELECT {EVENT_COLUMNS} {SEEN} AND (event_date, rowid) < (?6, ?7) {NEWEST_FIRST}"
            ))
            .unwrap()
            .query_map(params!["p", "s", "o", "2026-01-01", 10, "2026-01-01", 1], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let plan = plan.join("; ");
        assert!(plan.contains("event_by_stage_date"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "ordered by the index, not sorted: {plan}");
    }
}
