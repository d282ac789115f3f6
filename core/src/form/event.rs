//! The event form: an event of an event program, or of a program stage inside an enrollment.
//! Fields are the stage's data elements (stage order) in the stage's sections; the rule engine
//! is built once per session from the program's rules (`rules::load`) and evaluated for the event
//! with the enrollment and the context events as the app passes them:
//! - inside an enrollment: its other events whose status is not SCHEDULE, SKIPPED or OVERDUE and
//!   whose date is not after today;
//! - an event program: of the events of the same stage and org unit with that status and date,
//!   the 10 newest of those after it and the 10 nearest before it (the 10 newest when it is not
//!   among them), read around it by `store::data::rule_queries` (`OTHER_EVENTS_LIMIT` of
//!   `RulesRepository` in the app's `form` module).
//!
//! An event of a completed or cancelled enrollment opens read-only and no event is added to such an
//! enrollment (the SDK's `EventService`: `ENROLLMENT_IS_NOT_OPEN`, `blockingCanAddEventToEnrollment`).
//!
//! Owns creating and opening events, their rule inputs, saving their values and completing them.
//! Does not own the shared edit flow (`edit`) or scheduling.

use std::collections::BTreeMap;

use chrono::NaiveDate as Date;

use super::edit::Stamp;
use super::error::FormError;
use super::error::{ObjectKind, ProgramMismatch};
use super::fields::{self, option_sets_of};
use super::input::check_not_future;
use super::lock::Lock;
use super::scope::{self, Assigned};
use super::view::{Label, Title};
use super::{is_record_date, FieldSpec, FormContext, FormSession, Kind, NewEventForm, Parts, RecordRef, EVENT_DATE};
use crate::i18n::Message;
use crate::model::value_type::{EnrollmentStatus, EventStatus, ProgramType};
use crate::model::{
    Child, DataElement, IdRef, OrganisationUnit, Program, ProgramStage, ProgramStageSection, Timestamp, Uid,
};
use crate::rules::{Evaluation, RuleEngine, RuleEnrollment, RuleEvent, Supplementary};
use crate::store::data::tracker::{Data, Event, NewEvent};
use crate::store::Store;

/// How many later and earlier events of the same stage an event program passes as context.
const EVENT_PROGRAM_CONTEXT: usize = 10;

pub(crate) struct EventForm {
    event: Event,
    stage_name: String,
    org_unit_code: Option<String>,
    enrollment: Option<RuleEnrollment>,
    others: Vec<RuleEvent>,
    engine: RuleEngine,
    supplementary: Supplementary,
}

impl EventForm {
    pub(crate) fn evaluate(&self, values: &BTreeMap<String, String>, today: Date) -> Evaluation {
        let mut event = self.event.clone();
        event.event_date = fields::date_value(values, EVENT_DATE).or(event.event_date);
        let target = fields::rule_event(
            &event,
            &self.stage_name,
            self.org_unit_code.clone(),
            values.iter().filter(|(k, _)| !is_record_date(k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
        );
        self.engine.evaluate_event(&target, self.enrollment.as_ref(), &self.others, &self.supplementary, today)
    }

    pub(crate) fn stamp(&self, d: &Data<'_>) -> Result<Stamp, FormError> {
        let Some(ev) = d.event(self.event.uid)? else {
            return Ok(Stamp(vec!["gone".into()]));
        };
        let mut parts = vec![ev.updated.to_string(), ev.status.as_str().to_string(), format!("{:?}", ev.event_date)];
        parts.push(ev.deleted.to_string());
        // A change of the enrollment's status decides whether the event may still be changed.
        if let Some(enrollment) = ev.enrollment {
            let status = d.enrollment(enrollment)?.map(|e| (e.status, e.deleted));
            parts.push(format!("enrollment {status:?}"));
        }
        parts.extend(d.data_values(ev.uid)?.into_iter().map(|(de, v)| format!("{de}={v}")));
        Ok(Stamp(parts))
    }

    pub(crate) fn save(
        &self,
        d: &Data<'_>,
        writes: &BTreeMap<String, Option<String>>,
        now: Timestamp,
    ) -> Result<(), FormError> {
        for (key, value) in writes {
            if key == EVENT_DATE {
                let date = value.as_deref().and_then(crate::expr::value::parse_iso_date);
                let date = date.ok_or(FormError::DateRequired { field: key.clone() })?;
                let ev = d
                    .event(self.event.uid)?
                    .ok_or(FormError::NotFound { kind: ObjectKind::Event, uid: self.event.uid })?;
                d.update_event(ev.uid, ev.status, Some(date), ev.due_date, now)?;
                continue;
            }
            let de = Uid::parse(key).map_err(|_| FormError::BadFieldKey { field: key.clone() })?;
            d.set_data_value(self.event.uid, de, value.as_deref(), now)?;
        }
        Ok(())
    }

    pub(crate) fn uid(&self) -> Uid {
        self.event.uid
    }

    pub(crate) fn stage_uid(&self) -> Uid {
        self.event.program_stage
    }

    pub(crate) fn in_enrollment(&self) -> bool {
        self.event.enrollment.is_some()
    }

    /// Completes the event `now`: its completion date is `now`'s date, not its event date.
    pub(crate) fn mark_complete(&self, d: &Data<'_>, now: Timestamp) -> Result<(), FormError> {
        let ev =
            d.event(self.event.uid)?.ok_or(FormError::NotFound { kind: ObjectKind::Event, uid: self.event.uid })?;
        d.update_event(ev.uid, EventStatus::Completed, ev.event_date, ev.due_date, now)?;
        Ok(())
    }
}

/// Checks and creates the event, then opens it.
pub(crate) fn create(store: &mut Store, new: &NewEventForm, ctx: &FormContext) -> Result<FormSession, FormError> {
    let (program, stage) = program_and_stage(store, new.program, new.stage)?;
    scope::check(store, ctx, new.org_unit, Assigned::Program(new.program))?;
    check_not_future("eventDate", new.event_date, false, ctx.today())?;
    match (program.program_type, new.enrollment) {
        (ProgramType::WithRegistration, None) => {
            return Err(FormError::WrongProgramType { program: new.program, why: ProgramMismatch::NeedsEnrollment })
        }
        (ProgramType::WithoutRegistration, Some(_)) => {
            return Err(FormError::WrongProgramType { program: new.program, why: ProgramMismatch::HasNoEnrollments })
        }
        (_, Some(enrollment)) => {
            let e = store.data().enrollment(enrollment)?.filter(|e| !e.deleted);
            let e = e.ok_or(FormError::NotFound { kind: ObjectKind::Enrollment, uid: enrollment })?;
            if e.program != new.program {
                return Err(FormError::EnrollmentNotInProgram { enrollment, expected: new.program, found: e.program });
            }
            // A completed or cancelled enrollment takes no new event (SDK
            // `EventService.blockingCanAddEventToEnrollment`: the enrollment must be ACTIVE).
            if e.status != EnrollmentStatus::Active {
                return Err(FormError::EnrollmentNotActive { enrollment, status: e.status });
            }
            // A visit the schedule is waiting for is that event, now with its date (as tapping a
            // scheduled event does on Android); a stage that is not repeatable takes one event.
            let of_stage: Vec<_> = store
                .data()
                .events_of_enrollment(enrollment)?
                .into_iter()
                .filter(|e| e.program_stage == stage.identity.id)
                .collect();
            let waiting = of_stage.iter().find(|e| matches!(e.status, EventStatus::Schedule | EventStatus::Overdue));
            if let Some(waiting) = waiting {
                let uid = waiting.uid;
                let due = waiting.due_date;
                let now = ctx.clock.now();
                // Taking the visit and opening its form are one call: a form that cannot be
                // built leaves the visit waiting.
                return store.atomically(|store| {
                    store.write(|d| d.update_event(uid, EventStatus::Active, Some(new.event_date), due, now))?;
                    let event = store.data().event(uid)?.ok_or(FormError::NotFound { kind: ObjectKind::Event, uid })?;
                    build(store, event, program, stage, ctx)
                });
            }
            if !stage.repeatable && !of_stage.is_empty() {
                return Err(FormError::StageNotRepeatable { stage: stage.identity.id, existing: of_stage[0].uid });
            }
        }
        _ => {}
    }
    let now = ctx.clock.now();
    // Creating the event and opening its form are one call: a form that cannot be built leaves
    // no event behind.
    store.atomically(|store| {
        let event = store.write(|d| {
            d.insert_event(
                &NewEvent {
                    enrollment: new.enrollment,
                    program: new.program,
                    program_stage: stage.identity.id,
                    org_unit: new.org_unit,
                    status: EventStatus::Active,
                    event_date: Some(new.event_date),
                    due_date: None,
                    attribute_option_combo: None,
                },
                now,
            )
            .map_err(FormError::from)
        })?;
        build(store, event, program, stage, ctx)
    })
}

/// Opens a stored event.
pub(crate) fn open(store: &mut Store, uid: Uid, ctx: &FormContext) -> Result<FormSession, FormError> {
    let event =
        store.data().event(uid)?.filter(|e| !e.deleted).ok_or(FormError::NotFound { kind: ObjectKind::Event, uid })?;
    let (program, stage) = program_and_stage(store, event.program, event.program_stage)?;
    scope::check(store, ctx, event.org_unit, Assigned::Program(event.program))?;
    build(store, event, program, stage, ctx)
}

/// Deletes a stored event (Android Capture's "delete event"): a never-sent one is removed, any
/// other is deleted on the server at the next sync. Refused, changing nothing, when the event is
/// not on the device, its org unit is outside the capture scope, the program's
/// `access.data.write` is false, or its enrollment is completed or cancelled (its events are
/// read-only then).
pub fn delete_event(store: &mut Store, uid: Uid, ctx: &FormContext) -> Result<(), FormError> {
    let event =
        store.data().event(uid)?.filter(|e| !e.deleted).ok_or(FormError::NotFound { kind: ObjectKind::Event, uid })?;
    let (program, _) = program_and_stage(store, event.program, event.program_stage)?;
    scope::check(store, ctx, event.org_unit, Assigned::Program(event.program))?;
    if program.access.and_then(|a| a.data).is_some_and(|d| !d.write) {
        return Err(FormError::NoDataWriteAccess { program: event.program });
    }
    if let Some(enrollment) = event.enrollment {
        let status = store.data().enrollment(enrollment)?.map(|e| e.status);
        if let Some(status) = status.filter(|s| *s != EnrollmentStatus::Active) {
            return Err(FormError::EnrollmentNotActive { enrollment, status });
        }
    }
    let now = ctx.clock.now();
    store.write(|d| {
        if d.event(uid)?.as_ref() != Some(&event) {
            return Err(FormError::ChangedElsewhere { record: RecordRef::Event(uid) });
        }
        d.delete_event(uid, now)?;
        Ok(())
    })
}

fn program_and_stage(store: &Store, program: Uid, stage: Uid) -> Result<(Program, ProgramStage), FormError> {
    let p = store.get::<Program>(program)?.ok_or(FormError::NotFound { kind: ObjectKind::Program, uid: program })?;
    let s =
        store.get::<ProgramStage>(stage)?.ok_or(FormError::NotFound { kind: ObjectKind::ProgramStage, uid: stage })?;
    if s.program.map(|r| r.id) != Some(program) {
        return Err(FormError::StageNotInProgram { stage, program });
    }
    Ok((p, s))
}

/// The stage's sections, in their order: listed in the stage, else stored under it.
fn sections(store: &Store, stage: &ProgramStage) -> Result<Vec<ProgramStageSection>, FormError> {
    let mut out = Vec::new();
    for child in &stage.program_stage_sections {
        match child {
            Child::Full(s) => out.push((**s).clone()),
            Child::Ref(uid) => out.extend(store.get::<ProgramStageSection>(*uid)?),
        }
    }
    if out.is_empty() {
        out = store.children::<ProgramStageSection>(stage.identity.id)?;
    }
    out.sort_by_key(|s| s.sort_order.unwrap_or(i64::MAX));
    Ok(out)
}

fn build(
    store: &mut Store,
    event: Event,
    program: Program,
    stage: ProgramStage,
    ctx: &FormContext,
) -> Result<FormSession, FormError> {
    let stage_sections = sections(store, &stage)?;
    let section_of = |de: Uid| {
        stage_sections.iter().find(|s| s.data_elements.iter().any(|r| r.id == de)).map(|s| s.identity.id.to_string())
    };
    let mut psdes = stage.program_stage_data_elements.clone();
    psdes.sort_by_key(|p| p.sort_order.unwrap_or(i64::MAX));
    let mut specs: Vec<(FieldSpec, Option<IdRef>)> = vec![(
        fields::record_date_field(
            EVENT_DATE,
            &stage.identity.translations,
            "EXECUTION_DATE_LABEL",
            stage.execution_date_label.as_deref(),
            Message::new("form-label-event-date"),
            false,
        ),
        None,
    )];
    for psde in &psdes {
        let uid = psde.data_element_uid();
        let de = match &psde.data_element {
            Child::Full(de) => Some((**de).clone()),
            Child::Ref(_) => store.get::<DataElement>(uid)?,
        };
        let Some(de) = de else { return Err(FormError::NotFound { kind: ObjectKind::DataElement, uid }) };
        specs.push((
            FieldSpec {
                key: uid.to_string(),
                label: Label::form_name(&de.identity),
                value_type: de.value_type,
                options: fields::options(store, de.option_set)?,
                mandatory: psde.compulsory,
                allow_future_date: psde.allow_future_date,
                section: section_of(uid),
                greyed: false,
                cell: None,
                unique: false,
            },
            de.option_set,
        ));
    }
    let option_groups = fields::option_groups(store, &option_sets_of(&specs))?;
    let field_specs: Vec<FieldSpec> = specs.into_iter().map(|(f, _)| f).collect();
    let section_specs =
        stage_sections.iter().map(|s| fields::section_spec(&s.identity, &s.data_elements, &field_specs)).collect();
    let rule_context = fields::rule_context(store, event.org_unit, program.identity.id)?;
    let stage_name = stage.identity.name.clone();
    let d = store.data();
    let mut values: BTreeMap<String, String> =
        d.data_values(event.uid)?.into_iter().map(|(de, v)| (de.to_string(), v)).collect();
    if let Some(date) = event.event_date {
        values.insert(EVENT_DATE.to_string(), crate::expr::value::iso_date(date));
    }
    let mut locked = None;
    let (enrollment, others) = match event.enrollment {
        Some(enr) => {
            let e = d.enrollment(enr)?.ok_or(FormError::NotFound { kind: ObjectKind::Enrollment, uid: enr })?;
            if e.status != EnrollmentStatus::Active {
                locked = Some(Lock::EnrollmentClosed { enrollment: enr, status: e.status });
            }
            let attributes = d.attribute_values(e.tracked_entity)?;
            let types = fields::attribute_value_types(store, attributes.iter().map(|(a, _)| *a))?;
            let enr_code = store.get::<OrganisationUnit>(e.org_unit)?.and_then(|u| u.identity.code);
            let rule_enr = fields::rule_enrollment(
                &e,
                &program.identity.name,
                enr_code,
                attributes.into_iter().map(|(a, v)| (a.to_string(), v)),
                &types,
            );
            let mut others = Vec::new();
            for ev in d.events_of_enrollment(enr)? {
                let skip = matches!(ev.status, EventStatus::Schedule | EventStatus::Skipped | EventStatus::Overdue)
                    || ev.event_date.is_none_or(|date| date > ctx.today())
                    || ev.uid == event.uid;
                if !skip {
                    others.push(stored_event(store, &d, &ev)?);
                }
            }
            (Some(rule_enr), others)
        }
        None => {
            let mut others = Vec::new();
            for ev in d.rule_context_of_event_program(&event, ctx.today(), EVENT_PROGRAM_CONTEXT)? {
                others.push(stored_event(store, &d, &ev)?);
            }
            (None, others)
        }
    };
    let completed = event.status == EventStatus::Completed;
    let title = Title::Event { program: Label::name(&program.identity), stage: Label::name(&stage.identity) };
    let record = RecordRef::Event(event.uid);
    let parts = Parts {
        kind: Kind::Event(Box::new(EventForm {
            event,
            stage_name,
            org_unit_code: rule_context.org_unit_code,
            enrollment,
            others,
            engine: rule_context.engine,
            supplementary: rule_context.supplementary,
        })),
        record,
        title,
        fields: field_specs,
        sections: section_specs,
        locale: ctx.locale,
        rule_contents: rule_context.contents,
        values,
        option_groups,
        clock: ctx.clock,
        completed,
        locked,
    };
    FormSession::assemble(parts, store)
}

/// A context event with its values; its stage's name from the store.
fn stored_event(store: &Store, d: &Data<'_>, ev: &Event) -> Result<RuleEvent, FormError> {
    let stage_name = store.get::<ProgramStage>(ev.program_stage)?.map(|s| s.identity.name).unwrap_or_default();
    let code = store.get::<OrganisationUnit>(ev.org_unit)?.and_then(|u| u.identity.code);
    fields::stored_rule_event(d, ev, &stage_name, code)
}
