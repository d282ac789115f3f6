//! What can be done to an enrollment as a whole, as Android Capture's dashboard offers it
//! (`TeiDashboardMobileActivity.showMoreOptions`: "Complete", "Deactivate", "Re-open"; the
//! status is set by `DashboardRepositoryImpl.updateEnrollmentStatus` with the SDK's
//! `EnrollmentObjectRepository.setStatus`):
//!
//! - [`complete_enrollment`]: ACTIVE (or CANCELLED) to COMPLETED, the completion date the
//!   device's today;
//! - [`cancel_enrollment`]: ACTIVE or COMPLETED to CANCELLED (the app's "deactivate");
//! - [`reopen_enrollment`]: COMPLETED or CANCELLED back to ACTIVE, the completion date cleared.
//!
//! Each action is refused, changing nothing, when the enrollment is not in the store, its org
//! unit is outside the capture scope, the program's `access.data.write` is false (the app's
//! `WRITE_PERMISSION_FAIL`), or it is already in the target status (the app hides that menu
//! item). Becoming ACTIVE is refused while the person has another ACTIVE enrollment in the program
//! (the app's `ACTIVE_EXIST`, from its `reopenCheck`; the server's E1015); with the program's
//! `onlyEnrollOnce`, becoming ACTIVE or COMPLETED is refused while the person has another ACTIVE
//! or COMPLETED enrollment in it (the server's E1016 in dhis2-core's
//! `EnrollmentInExistingValidationHook`: checked here so that the change does not fail at sync).
//!
//! Completing also runs the enrollment's rules (the enrollment pass) on the stored values and is
//! refused with every reason the registration form would give: mandatory attributes empty,
//! SHOWERROR, ERRORONCOMPLETE. This is stricter than the app's dashboard, which completes after
//! the access check alone; the app runs these checks when its enrollment form is saved
//! (`FormRepositoryImpl.runDataIntegrityCheck`), and an enrollment that ends follow-up should not
//! end in a state its own form refuses.
//!
//! The enrollment's events are left as they are (the SDK's `setStatus` changes the enrollment
//! only). While the enrollment is not ACTIVE its events open read-only and no event is added
//! (`event`), its waiting visits leave the working lists (`schedule::lists`), and its
//! registration form stays editable: attributes belong to the person (the app's enrollment form
//! asks only for write access). Re-opening generates nothing.
//!
//! Owns these actions and their checks. Does not own the registration form (`registration`),
//! completing a form (`complete`) or storage (`store::data`).

use chrono::NaiveDate as Date;

use super::complete::refusals;
use super::error::FormError;
use super::error::ObjectKind;
use super::registration::{evaluated, tracker_program};
use super::scope::{self, Assigned};
use super::FormContext;
use crate::model::value_type::EnrollmentStatus;
use crate::model::{Program, Uid};
use crate::schedule::{self, EnrollmentDashboard};
use crate::store::data::tracker::Enrollment;
use crate::store::Store;

/// What an enrollment action changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrollmentChange {
    pub enrollment: Uid,
    /// The status before the action.
    pub before: EnrollmentStatus,
    /// The status now.
    pub status: EnrollmentStatus,
    /// The completion date: the device's today for a completed enrollment, else none.
    pub completed_date: Option<Date>,
}

/// The enrollment's dashboard on the device's today, with the stages its rules hide
/// (HIDEPROGRAMSTAGE, evaluated on the stored values as the registration form evaluates them)
/// left out, as Android Capture's dashboard leaves them out.
pub fn enrollment_dashboard(
    store: &Store,
    enrollment: Uid,
    ctx: &FormContext,
) -> Result<EnrollmentDashboard, FormError> {
    let e = stored(store, enrollment)?;
    let hidden = evaluated(store, e, ctx)?.outcome.hidden_stages;
    let mut board = schedule::enrollment_dashboard(store, enrollment, ctx.today(), &[], ctx.locale.lang)?;
    board.stages.retain(|s| !hidden.contains(s.stage.as_str()));
    Ok(board)
}

/// Completes the enrollment after its rules and mandatory attributes allow it (see the module).
pub fn complete_enrollment(
    store: &mut Store,
    enrollment: Uid,
    ctx: &FormContext,
) -> Result<EnrollmentChange, FormError> {
    set_status(store, enrollment, EnrollmentStatus::Completed, ctx)
}

/// Cancels the enrollment (Android Capture's "deactivate").
pub fn cancel_enrollment(store: &mut Store, enrollment: Uid, ctx: &FormContext) -> Result<EnrollmentChange, FormError> {
    set_status(store, enrollment, EnrollmentStatus::Cancelled, ctx)
}

/// Makes a completed or cancelled enrollment ACTIVE again.
pub fn reopen_enrollment(store: &mut Store, enrollment: Uid, ctx: &FormContext) -> Result<EnrollmentChange, FormError> {
    set_status(store, enrollment, EnrollmentStatus::Active, ctx)
}

/// The enrollment, unless it is not on the device or deleted.
fn stored(store: &Store, uid: Uid) -> Result<Enrollment, FormError> {
    store
        .data()
        .enrollment(uid)?
        .filter(|e| !e.deleted)
        .ok_or(FormError::NotFound { kind: ObjectKind::Enrollment, uid })
}

fn set_status(
    store: &mut Store,
    uid: Uid,
    status: EnrollmentStatus,
    ctx: &FormContext,
) -> Result<EnrollmentChange, FormError> {
    let e = stored(store, uid)?;
    let program = tracker_program(store, e.program)?;
    scope::check(store, ctx, e.org_unit, Assigned::Program(e.program))?;
    if program.access.and_then(|a| a.data).is_some_and(|d| !d.write) {
        return Err(FormError::NoDataWriteAccess { program: e.program });
    }
    if e.status == status {
        return Err(FormError::EnrollmentStatusUnchanged { enrollment: uid, status });
    }
    check_other_enrollments(store, &e, &program, status)?;
    // Completing is judged on the enrollment's form as its rules see it now.
    let session = if status == EnrollmentStatus::Completed {
        let session = evaluated(store, e.clone(), ctx)?;
        let reasons = refusals(&session, store)?;
        if !reasons.is_empty() {
            return Err(FormError::CompletionRefused { record: session.record.clone(), reasons });
        }
        Some(session)
    } else {
        None
    };
    let now = ctx.clock.now();
    let before = e.status;
    store.write(|d| {
        // What was checked is what is changed: the enrollment (and, when completing, its form)
        // is as it was read.
        let current = d.enrollment(uid)?;
        if current.as_ref() != Some(&e) {
            return Err(FormError::ChangedElsewhere { record: record_of(&e) });
        }
        if let Some(session) = &session {
            session.check_stamp(d)?;
        }
        d.set_enrollment_status(uid, status, now)?;
        Ok(())
    })?;
    let completed_date = (status == EnrollmentStatus::Completed).then(|| now.date());
    Ok(EnrollmentChange { enrollment: uid, before, status, completed_date })
}

fn record_of(e: &Enrollment) -> super::RecordRef {
    super::RecordRef::Enrollment { enrollment: e.uid, tracked_entity: e.tracked_entity }
}

/// The person's other enrollments in the program that forbid `status` (see the module).
fn check_other_enrollments(
    store: &Store,
    e: &Enrollment,
    program: &Program,
    status: EnrollmentStatus,
) -> Result<(), FormError> {
    let others: Vec<Enrollment> = store
        .data()
        .enrollments_of(e.tracked_entity)?
        .into_iter()
        .filter(|o| o.program == e.program && o.uid != e.uid && !o.deleted)
        .collect();
    if status == EnrollmentStatus::Active {
        if let Some(active) = others.iter().find(|o| o.status == EnrollmentStatus::Active) {
            return Err(FormError::ActiveEnrollmentExists { enrollment: e.uid, program: e.program, other: active.uid });
        }
    }
    if program.only_enroll_once && status != EnrollmentStatus::Cancelled {
        if let Some(o) = others.iter().find(|o| o.status != EnrollmentStatus::Cancelled) {
            return Err(FormError::EnrolledOnce {
                enrollment: e.uid,
                program: e.program,
                other: o.uid,
                status: o.status,
            });
        }
    }
    Ok(())
}
