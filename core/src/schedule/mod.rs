//! Scheduling and working lists: when the events of a program stage fall due, which events are
//! created when a person is enrolled or a visit is completed, and what an outreach worker sees:
//! the overdue and upcoming lists of a health centre and the dashboard of one enrollment.
//!
//! Owns the due-date rules of program stages (`due`, pure functions over metadata and dates),
//! writing the scheduled events that follow from them (`generate`), and reading captured data
//! into lists and dashboards (`lists`). Does not own forms or validation (`form`), evaluating
//! program rules (`rules`: their HIDEPROGRAMSTAGE effects are passed in), or the storage of
//! events (`store::data`).
//!
//! Every function takes "today" (or the device's clock, when it writes) as an argument, so that
//! lists and schedules are reproducible and follow the device's time zone.

pub mod due;
pub mod generate;
pub mod lists;

use crate::form::ObjectKind;
use crate::i18n::{Localize, Message};
use crate::model::Uid;
use crate::msg;
use crate::store::data::DataError;
use crate::store::StoreError;

pub use due::{auto_event, auto_generated_stages, first_due_date, next_due_date, stage_base_date, AutoEvent};
pub use generate::{generate_on_enrollment, generate_on_enrollment_in, schedule_next_after, schedule_next_after_in};
pub use lists::{
    enrollment_dashboard, event_state, overdue, upcoming, DisplayValue, EnrollmentDashboard, EventState, Page,
    StageEvent, StageRow, WorkingList, WorkingListRow,
};

/// What can go wrong while scheduling or listing.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    /// A record or metadata object that the call names is not in the store.
    NotFound {
        kind: ObjectKind,
        uid: Uid,
    },
    /// A date computed from a stage's settings falls outside the calendar this build handles.
    DateOutOfRange {
        stage: Uid,
        from: chrono::NaiveDate,
        days: i64,
    },
    /// A working-list page must ask for 1 to `max` rows.
    BadPageLimit {
        limit: usize,
        max: usize,
    },
    Data(#[from] DataError),
    Store(#[from] StoreError),
}

impl Localize for ScheduleError {
    fn message(&self) -> Message {
        match self {
            ScheduleError::NotFound { kind, uid } => msg!("schedule-not-found", kind = kind.message(), uid = uid),
            ScheduleError::DateOutOfRange { stage, from, days } => {
                msg!("schedule-date-out-of-range", stage = stage, days = msg!("unit-days", count = days), from = from)
            }
            ScheduleError::BadPageLimit { limit, max } => msg!("schedule-bad-page-limit", max = max, limit = limit),
            ScheduleError::Data(e) => e.message(),
            ScheduleError::Store(e) => e.message(),
        }
    }
}
crate::english_display!(ScheduleError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use crate::i18n::{Lang, Locale};
    use crate::test_dates::ymd;

    #[test]
    fn every_schedule_error_variant_renders_in_both_languages() {
        let samples = [
            ScheduleError::NotFound { kind: ObjectKind::Enrollment, uid: Uid::parse("PhumEnrol01").unwrap() },
            ScheduleError::DateOutOfRange {
                stage: Uid::parse("PhumStgBirt").unwrap(),
                from: ymd(2026, 11, 20),
                days: 1,
            },
            ScheduleError::BadPageLimit { limit: 0, max: 500 },
            ScheduleError::Data(DataError::from(rusqlite::Error::QueryReturnedNoRows)),
            ScheduleError::Store(StoreError::from(rusqlite::Error::QueryReturnedNoRows)),
        ];
        let name = |e: &ScheduleError| match e {
            ScheduleError::NotFound { .. } => "NotFound",
            ScheduleError::DateOutOfRange { .. } => "DateOutOfRange",
            ScheduleError::BadPageLimit { .. } => "BadPageLimit",
            ScheduleError::Data(_) => "Data",
            ScheduleError::Store(_) => "Store",
        };
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ["NotFound", "DateOutOfRange", "BadPageLimit", "Data", "Store"].into());
        samples.iter().for_each(|e| assert_renders_in_both(&e.message()));
        assert_eq!(samples[0].to_string(), "enrollment PhumEnrol01 is not in the store");
    }

    #[test]
    fn every_event_state_and_due_text_renders_in_both_languages() {
        for state in EventState::ALL {
            match state {
                EventState::Completed
                | EventState::Open
                | EventState::Scheduled
                | EventState::Overdue
                | EventState::Skipped => assert_renders_in_both(&state.message()),
            }
        }
        let uid = |s: &str| Uid::parse(s).unwrap();
        let row = |days_overdue| WorkingListRow {
            event: uid("PhumEvent01"),
            enrollment: uid("PhumEnrol01"),
            tracked_entity: uid("PhumPerson1"),
            display: Vec::new(),
            program_stage: uid("PhumStgBirt"),
            stage_name: "Birth".into(),
            due_date: ymd(2026, 11, 20),
            days_overdue,
        };
        let texts: Vec<String> = [3, 1, 0, -5].iter().map(|d| row(*d).due_message().to_string()).collect();
        assert_eq!(texts, ["3 days overdue", "1 day overdue", "due today", "due in 5 days"]);
        for d in [3, 0, -5] {
            assert_renders_in_both(&row(d).due_message());
        }
        assert_eq!(row(12).due_message().render(Locale::new(Lang::Km, true)), "ហួសកាលកំណត់ ១២ ថ្ងៃ");
    }
}
