//! Why a form opens read-only: its data set period takes no data now (`data_set::period_lock`),
//! or its event belongs to an enrollment that is completed or cancelled (as the DHIS2 Android
//! SDK's `EventService.getEditableStatus` answers `ENROLLMENT_IS_NOT_OPEN`). The view shows the
//! reason; every change and completion is refused with it.
//!
//! Owns the reasons and their errors. Does not own deciding them (`data_set`, `event`).

use super::data_set::PeriodLock;
use super::error::FormError;
use crate::model::value_type::EnrollmentStatus;
use crate::model::Uid;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Lock {
    Period(PeriodLock),
    /// The event's enrollment is not ACTIVE.
    EnrollmentClosed {
        enrollment: Uid,
        status: EnrollmentStatus,
    },
}

impl Lock {
    /// The error every change of the form is refused with.
    pub(crate) fn error(&self) -> FormError {
        match self {
            Lock::Period(p) => p.error(),
            Lock::EnrollmentClosed { enrollment, status } => {
                FormError::EnrollmentNotActive { enrollment: *enrollment, status: *status }
            }
        }
    }
}
