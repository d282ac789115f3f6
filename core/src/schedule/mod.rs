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
                msg!("schedule-date-out-of-range", stage = stage, days = days, from = from)
            }
            ScheduleError::BadPageLimit { limit, max } => msg!("schedule-bad-page-limit", max = max, limit = limit),
            ScheduleError::Data(e) => e.message(),
            ScheduleError::Store(e) => e.message(),
        }
    }
}
crate::english_display!(ScheduleError);
