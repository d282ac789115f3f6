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

use crate::model::Uid;
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
    #[error("{kind} {uid} is not in the store")]
    NotFound { kind: &'static str, uid: Uid },
    /// A date computed from a stage's settings falls outside the calendar this build handles.
    #[error("program stage {stage}: {days} days from {from} is outside the supported calendar")]
    DateOutOfRange { stage: Uid, from: chrono::NaiveDate, days: i64 },
    /// A working-list page must ask for 1 to `max` rows.
    #[error("a page of a working list holds 1 to {max} rows, not {limit}")]
    BadPageLimit { limit: usize, max: usize },
    #[error(transparent)]
    Data(#[from] DataError),
    #[error(transparent)]
    Store(#[from] StoreError),
}
