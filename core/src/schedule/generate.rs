//! Writing the events that scheduling creates: the events a new enrollment generates, and the
//! next visit of a repeatable stage after one is completed.
//!
//! Owns deciding which events to create and creating them, each call in one transaction (its own,
//! or with the `_in` variants the caller's: completing a form and creating what follows from it
//! are one write), stamped with the device clock's now. Does not own the dates (`due`) or changing existing events (the
//! form session completes them).

use super::due::{auto_event, auto_generated_stages, next_due_date, stage_last_date, AutoEvent};
use super::ScheduleError;
use crate::form::ObjectKind;
use crate::model::value_type::{EnrollmentStatus, EventStatus};
use crate::model::{DeviceClock, ProgramStage, Timestamp, Uid};
use crate::store::data::tracker::{Data, Event, NewEvent};
use crate::store::Store;

/// Creates the events that enrolling creates for every stage of the enrollment's program with
/// `autoGenerateEvent`, in stage order (see [`auto_event`] for their status and dates), at the
/// enrollment's org unit. A stage that already has an event in the enrollment is left alone, so
/// calling this again creates nothing; an enrollment that is not active gets nothing. Today and
/// the new events' timestamps are the `clock`'s. Returns the events created; one transaction.
pub fn generate_on_enrollment(
    store: &mut Store,
    enrollment: Uid,
    clock: &DeviceClock,
) -> Result<Vec<Event>, ScheduleError> {
    let Some(en) = store.data().enrollment(enrollment)? else {
        return Err(ScheduleError::NotFound { kind: ObjectKind::Enrollment, uid: enrollment });
    };
    let stages: Vec<ProgramStage> = store.children::<ProgramStage>(en.program)?;
    store.write(|d| generate_on_enrollment_in(d, &stages, enrollment, clock))
}

/// [`generate_on_enrollment`] inside the caller's transaction (completing a registration form
/// writes its events with the rest), given the stages of the enrollment's program.
pub fn generate_on_enrollment_in(
    d: &Data<'_>,
    stages: &[ProgramStage],
    enrollment: Uid,
    clock: &DeviceClock,
) -> Result<Vec<Event>, ScheduleError> {
    let today = clock.today();
    let Some(en) = d.enrollment(enrollment)? else {
        return Err(ScheduleError::NotFound { kind: ObjectKind::Enrollment, uid: enrollment });
    };
    if en.deleted || en.status != EnrollmentStatus::Active {
        return Ok(Vec::new());
    }
    let mut plans = Vec::new();
    for stage in auto_generated_stages(stages) {
        plans.push((stage.identity.id, auto_event(stage, en.enrollment_date, en.incident_date, today)?));
    }
    let now = clock.now();
    let existing = d.events_of_enrollment(enrollment)?;
    let mut created = Vec::new();
    for (stage, plan) in &plans {
        if existing.iter().any(|e| e.program_stage == *stage) {
            continue;
        }
        let (status, event_date, due_date) = match *plan {
            AutoEvent::Scheduled { due_date } => (EventStatus::Schedule, None, Some(due_date)),
            AutoEvent::Open { event_date } => (EventStatus::Active, Some(event_date), Some(event_date)),
        };
        created.push(d.insert_event(
            &NewEvent {
                enrollment: Some(enrollment),
                program: en.program,
                program_stage: *stage,
                org_unit: en.org_unit,
                status,
                event_date,
                due_date,
                attribute_option_combo: None,
            },
            now,
        )?);
    }
    Ok(created)
}

/// After `completed_event` was completed: schedules the next visit of its stage when the stage is
/// repeatable, has a standard interval and allows generating the next visit, the enrollment is
/// active, and no event of that stage is already waiting (SCHEDULE or OVERDUE). The due date is
/// [`next_due_date`] from the stage's latest event or due date; the org unit is the completed
/// event's; the new event is stamped `now`. Returns the scheduled event, or `None` when nothing
/// was due to be scheduled; one transaction.
pub fn schedule_next_after(
    store: &mut Store,
    completed_event: Uid,
    now: Timestamp,
) -> Result<Option<Event>, ScheduleError> {
    let Some(ev) = store.data().event(completed_event)? else {
        return Err(ScheduleError::NotFound { kind: ObjectKind::Event, uid: completed_event });
    };
    let Some(stage) = store.get::<ProgramStage>(ev.program_stage)? else {
        return Err(ScheduleError::NotFound { kind: ObjectKind::ProgramStage, uid: ev.program_stage });
    };
    store.write(|d| schedule_next_after_in(d, &stage, completed_event, now))
}

/// [`schedule_next_after`] inside the caller's transaction (completing a visit writes its next
/// visit with the completion), given the event's program stage.
pub fn schedule_next_after_in(
    d: &Data<'_>,
    stage: &ProgramStage,
    completed_event: Uid,
    now: Timestamp,
) -> Result<Option<Event>, ScheduleError> {
    let Some(ev) = d.event(completed_event)? else {
        return Err(ScheduleError::NotFound { kind: ObjectKind::Event, uid: completed_event });
    };
    let Some(enrollment) = ev.enrollment else {
        return Ok(None);
    };
    if ev.deleted || ev.status != EventStatus::Completed || stage.identity.id != ev.program_stage {
        return Ok(None);
    }
    let interval = stage.standard_interval.unwrap_or(0);
    if !(stage.repeatable && interval > 0 && stage.allow_generate_next_visit) {
        return Ok(None);
    }
    let Some(en) = d.enrollment(enrollment)? else {
        return Err(ScheduleError::NotFound { kind: ObjectKind::Enrollment, uid: enrollment });
    };
    if en.deleted || en.status != EnrollmentStatus::Active {
        return Ok(None);
    }
    let of_stage: Vec<Event> =
        d.events_of_enrollment(enrollment)?.into_iter().filter(|e| e.program_stage == ev.program_stage).collect();
    if of_stage.iter().any(|e| matches!(e.status, EventStatus::Schedule | EventStatus::Overdue)) {
        return Ok(None);
    }
    let due = next_due_date(stage, en.enrollment_date, en.incident_date, stage_last_date(&of_stage))?;
    let next = d.insert_event(
        &NewEvent {
            enrollment: Some(enrollment),
            program: ev.program,
            program_stage: ev.program_stage,
            org_unit: ev.org_unit,
            status: EventStatus::Schedule,
            event_date: None,
            due_date: Some(due),
            attribute_option_combo: ev.attribute_option_combo,
        },
        now,
    )?;
    Ok(Some(next))
}
