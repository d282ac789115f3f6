//! The registration form: a new person (a tracked entity of the program's type) enrolled in a
//! program with registration, a person already on the phone enrolled in another program
//! ([`create`] with the person), or a stored enrollment reopened. Fields are the program's
//! attributes (`programTrackedEntityAttributes`, by sort order) in the program's sections; the
//! enrollment and incident dates are given when the form is created and checked against
//! `selectEnrollmentDatesInFuture` / `selectIncidentDatesInFuture`. Rules run in the enrollment
//! pass (`RuleEngine::evaluate_enrollment`) with attribute values normalised as the app does.
//!
//! Unique attributes are checked with `search::unique` before a value is saved, and the person's
//! search index (`search::index`) is refreshed in the same transaction as the values. After each
//! saved change, people who may be the same person (`search::duplicates`) are shown as form
//! messages; the form's attributes play name, birth date and phone by their value types.
//!
//! Enrolling a person already on the phone creates the enrollment only and opens the same form,
//! the person's stored attributes filled in (Android Capture's "enroll" on a search result: the
//! SDK adds an enrollment to the existing tracked entity and the enrollment form opens). It is
//! refused, writing nothing, when the person is not on the phone or deleted, is of another
//! tracked entity type, already has an ACTIVE enrollment in the program (the server's E1015), or
//! the program enrolls a person once and they have an ACTIVE or COMPLETED one (E1016; Android
//! Capture does not offer such a program), and for the checks of a new person (org unit in the
//! capture scope and assigned to the program, dates not in the future).
//!
//! Completing the form finishes the registration: the checks of completion, then the program's
//! auto-generated events (`complete`); the enrollment stays ACTIVE, as on Android, until it is
//! completed as a whole (`enrollment`).
//!
//! Owns creating the person and enrollment, their rule inputs, and saving attribute values. Does
//! not own people search or duplicates (`search`).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate as Date;

use super::edit::Stamp;
use super::error::FormError;
use super::error::{ObjectKind, ProgramMismatch};
use super::fields::{self, option_sets_of};
use super::input::check_not_future;
use super::scope::{self, Assigned};
use super::view::{Label, Title};
use super::{
    is_record_date, FieldSpec, FormContext, FormSession, Kind, Parts, RecordRef, ENROLLMENT_DATE, INCIDENT_DATE,
};
use crate::i18n::{Localize, Message};
use crate::model::value_type::{EnrollmentStatus, ProgramType};
use crate::model::{Child, IdRef, Program, ProgramSection, Timestamp, TrackedEntityAttribute, Uid, ValueType};
use crate::rules::{Evaluation, RuleEngine, RuleEvent, Supplementary};
use crate::search::duplicates::{possible_duplicates, Registration};
use crate::search::index::reindex_person;
use crate::search::unique::{check_unique, UniqueError};
use crate::store::data::tracker::{Data, Enrollment};
use crate::store::Store;

pub(crate) struct RegistrationForm {
    tracked_entity: Uid,
    enrollment: Enrollment,
    program_name: String,
    org_unit_code: Option<String>,
    engine: RuleEngine,
    supplementary: Supplementary,
    /// Attribute value types, for normalising values for the engine.
    types: HashMap<String, ValueType>,
    /// Unique attributes of the form, for the uniqueness check.
    unique: HashMap<String, TrackedEntityAttribute>,
    /// Attribute values of the person that are not fields of this program's form.
    other_attributes: Vec<(String, String)>,
    /// The enrollment's events (for rules that read them).
    events: Vec<RuleEvent>,
}

impl RegistrationForm {
    pub(crate) fn evaluate(&self, values: &BTreeMap<String, String>, today: Date) -> Evaluation {
        let attributes = self
            .other_attributes
            .iter()
            .cloned()
            .chain(values.iter().filter(|(k, _)| !is_record_date(k)).map(|(k, v)| (k.clone(), v.clone())));
        let mut dated = self.enrollment.clone();
        dated.enrollment_date = fields::date_value(values, ENROLLMENT_DATE).unwrap_or(dated.enrollment_date);
        dated.incident_date = fields::date_value(values, INCIDENT_DATE).unwrap_or(dated.incident_date);
        let enrollment =
            fields::rule_enrollment(&dated, &self.program_name, self.org_unit_code.clone(), attributes, &self.types);
        self.engine.evaluate_enrollment(&enrollment, &self.events, &self.supplementary, today)
    }

    pub(crate) fn stamp(&self, d: &Data<'_>) -> Result<Stamp, FormError> {
        let mut parts = Vec::new();
        match d.tracked_entity(self.tracked_entity)? {
            Some(te) => parts.extend([te.updated.to_string(), te.deleted.to_string()]),
            None => parts.push("person gone".into()),
        }
        match d.enrollment(self.enrollment.uid)? {
            Some(e) => parts.extend([e.updated.to_string(), e.status.as_str().to_string(), e.deleted.to_string()]),
            None => parts.push("enrollment gone".into()),
        }
        parts.extend(d.attribute_values(self.tracked_entity)?.into_iter().map(|(a, v)| format!("{a}={v}")));
        Ok(Stamp(parts))
    }

    pub(crate) fn save(
        &self,
        d: &Data<'_>,
        writes: &BTreeMap<String, Option<String>>,
        now: Timestamp,
    ) -> Result<(), FormError> {
        for (key, value) in writes {
            if is_record_date(key) {
                let date = value.as_deref().and_then(crate::expr::value::parse_iso_date);
                let date = date.ok_or(FormError::DateRequired { field: key.clone() })?;
                let uid = self.enrollment.uid;
                let e = d.enrollment(uid)?.ok_or(FormError::NotFound { kind: ObjectKind::Enrollment, uid })?;
                let (enrolled, incident) =
                    if key == ENROLLMENT_DATE { (date, e.incident_date) } else { (e.enrollment_date, date) };
                d.set_enrollment_dates(uid, enrolled, incident, now)?;
                continue;
            }
            let attribute = Uid::parse(key).map_err(|_| FormError::BadFieldKey { field: key.clone() })?;
            d.set_attribute_value(self.tracked_entity, attribute, value.as_deref(), now)?;
        }
        reindex_person(d, self.tracked_entity)?;
        Ok(())
    }

    /// Registering ends the form, not the enrollment: as on Android, the enrollment stays ACTIVE
    /// for its visits. What completing triggers (the auto-generated events) is done by `complete`.
    pub(crate) fn enrollment_uid(&self) -> Uid {
        self.enrollment.uid
    }

    pub(crate) fn program_uid(&self) -> Uid {
        self.enrollment.program
    }

    /// Possible duplicates of the person being registered (`search::duplicates`), as messages.
    /// The form's attributes play their parts by value type: the first free-text attribute
    /// without options is the name, a DATE attribute is the birth date when it is the only one,
    /// PHONE_NUMBER attributes are phones.
    pub(crate) fn duplicate_hints(
        &self,
        d: &Data<'_>,
        fields: &[FieldSpec],
        values: &BTreeMap<String, String>,
    ) -> Result<Vec<Message>, FormError> {
        super::fault::point("duplicate hints").map_err(crate::store::data::DataError::from)?;
        let Some(person) = d.tracked_entity(self.tracked_entity)? else { return Ok(Vec::new()) };
        let typed = |t: ValueType| fields.iter().filter(move |f| f.value_type == t);
        let value_of =
            |f: &FieldSpec| -> Option<(Uid, &str)> { Some((Uid::parse(&f.key).ok()?, values.get(&f.key)?.as_str())) };
        let names: Vec<(Uid, &str)> =
            typed(ValueType::Text).find(|f| f.options.is_empty() && !f.unique).and_then(value_of).into_iter().collect();
        let dates: Vec<&FieldSpec> = typed(ValueType::Date).filter(|f| !is_record_date(&f.key)).collect();
        let birth_date = match dates.as_slice() {
            [only] => value_of(only),
            _ => None,
        };
        let phones: Vec<(Uid, &str)> = typed(ValueType::PhoneNumber).filter_map(value_of).collect();
        let registration = Registration {
            tracked_entity_type: person.tracked_entity_type,
            exclude: Some(self.tracked_entity),
            names: &names,
            birth_date,
            phones: &phones,
        };
        let found = possible_duplicates(d, &registration)?;
        Ok(found.iter().map(Localize::message).collect())
    }

    /// A unique attribute's value must not belong to another (not deleted) person in the store
    /// (`search::unique`).
    pub(crate) fn check_unique(&self, d: &Data<'_>, field: &str, value: &str) -> Result<(), FormError> {
        let Some(attribute) = self.unique.get(field) else { return Ok(()) };
        match check_unique(d, attribute, Some(self.tracked_entity), self.enrollment.org_unit, value) {
            Ok(()) => Ok(()),
            Err(UniqueError::Taken { other, .. }) | Err(UniqueError::TakenInOrgUnit { other, .. }) => {
                Err(FormError::NotUnique { field: field.to_string(), value: value.to_string(), other })
            }
            Err(UniqueError::UnknownAttribute(uid)) => {
                Err(FormError::NotFound { kind: ObjectKind::TrackedEntityAttribute, uid })
            }
            Err(UniqueError::Data(e)) => Err(FormError::Data(e)),
            Err(UniqueError::Store(e)) => Err(FormError::from(e)),
        }
    }
}

pub(crate) fn tracker_program(store: &Store, program: Uid) -> Result<Program, FormError> {
    let p = store.get::<Program>(program)?.ok_or(FormError::NotFound { kind: ObjectKind::Program, uid: program })?;
    if p.program_type != ProgramType::WithRegistration {
        return Err(FormError::WrongProgramType { program, why: ProgramMismatch::HasNoRegistration });
    }
    Ok(p)
}

/// Enrolls `person` in `program` at `org_unit` and opens the form: a person already on the phone
/// (see the module), or a new one (`None`: a tracked entity of the program's type is made). Every
/// new enrollment first needs a tracker program with a tracked entity type, an org unit in the
/// capture scope where the program is assigned, and dates not in the future unless the program
/// allows them. Making the person and enrollment and opening the form are one transaction: a
/// form that cannot be built leaves nothing behind.
pub(crate) fn create(
    store: &mut Store,
    person: Option<Uid>,
    program: Uid,
    org_unit: Uid,
    enrollment_date: Date,
    incident_date: Date,
    ctx: &FormContext,
) -> Result<FormSession, FormError> {
    let p = tracker_program(store, program)?;
    let Some(te_type) = p.tracked_entity_type.as_ref().map(|t| t.id) else {
        return Err(FormError::WrongProgramType { program, why: ProgramMismatch::NoTrackedEntityType });
    };
    scope::check(store, ctx, org_unit, Assigned::Program(program))?;
    check_not_future("enrollmentDate", enrollment_date, p.select_enrollment_dates_in_future, ctx.today())?;
    check_not_future("incidentDate", incident_date, p.select_incident_dates_in_future, ctx.today())?;
    if let Some(tracked_entity) = person {
        let stored = store.data().tracked_entity(tracked_entity)?.filter(|t| !t.deleted);
        let stored = stored.ok_or(FormError::NotFound { kind: ObjectKind::TrackedEntity, uid: tracked_entity })?;
        if stored.tracked_entity_type != te_type {
            return Err(FormError::TrackedEntityTypeMismatch {
                tracked_entity,
                program,
                expected: te_type,
                found: stored.tracked_entity_type,
            });
        }
        check_may_enroll(store, tracked_entity, &p)?;
    }
    let now = ctx.clock.now();
    store.atomically(|store| {
        let enrollment = store.write(|d| {
            let te = match person {
                Some(uid) => uid,
                None => d.insert_tracked_entity(te_type, org_unit, now)?.uid,
            };
            d.insert_enrollment(te, program, org_unit, enrollment_date, incident_date, now).map_err(FormError::from)
        })?;
        build(store, enrollment, p, ctx)
    })
}

/// A new enrollment of `person` in `program` is refused while they have an ACTIVE one in it, and
/// with `onlyEnrollOnce` while they have an ACTIVE or COMPLETED one (a cancelled one never
/// counts), as the server's importer refuses it (E1015, E1016).
fn check_may_enroll(store: &Store, person: Uid, program: &Program) -> Result<(), FormError> {
    let uid = program.identity.id;
    let others = store.data().enrollments_of(person)?;
    let mut others = others.iter().filter(|e| e.program == uid && !e.deleted);
    if let Some(active) = others.clone().find(|e| e.status == EnrollmentStatus::Active) {
        return Err(FormError::AlreadyEnrolled { tracked_entity: person, program: uid, other: active.uid });
    }
    if program.only_enroll_once {
        if let Some(kept) = others.find(|e| e.status != EnrollmentStatus::Cancelled) {
            return Err(FormError::OnlyEnrollOnce {
                tracked_entity: person,
                program: uid,
                other: kept.uid,
                status: kept.status,
            });
        }
    }
    Ok(())
}

pub(crate) fn open(store: &mut Store, enrollment: Uid, ctx: &FormContext) -> Result<FormSession, FormError> {
    let e = store.data().enrollment(enrollment)?.filter(|e| !e.deleted);
    let e = e.ok_or(FormError::NotFound { kind: ObjectKind::Enrollment, uid: enrollment })?;
    let p = tracker_program(store, e.program)?;
    scope::check(store, ctx, e.org_unit, Assigned::Program(e.program))?;
    build(store, e, p, ctx)
}

fn build(
    store: &mut Store,
    enrollment: Enrollment,
    program: Program,
    ctx: &FormContext,
) -> Result<FormSession, FormError> {
    let parts = parts(store, enrollment, program, ctx)?;
    FormSession::assemble(parts, store)
}

/// The form of a stored enrollment as its rules judge it now, changing nothing stored (for
/// completing the enrollment: `form::enrollment`).
pub(crate) fn evaluated(store: &Store, enrollment: Enrollment, ctx: &FormContext) -> Result<FormSession, FormError> {
    let p = tracker_program(store, enrollment.program)?;
    let parts = parts(store, enrollment, p, ctx)?;
    FormSession::evaluated(parts, store)
}

/// Everything the form of `enrollment` shows, read from the store.
fn parts(store: &Store, enrollment: Enrollment, program: Program, ctx: &FormContext) -> Result<Parts, FormError> {
    let mut ptas = program.program_tracked_entity_attributes.clone();
    ptas.sort_by_key(|a| a.sort_order.unwrap_or(i64::MAX));
    let mut sections: Vec<ProgramSection> = Vec::new();
    for child in &program.program_sections {
        match child {
            Child::Full(s) => sections.push((**s).clone()),
            Child::Ref(uid) => sections.extend(store.get::<ProgramSection>(*uid)?),
        }
    }
    if sections.is_empty() {
        sections = store.children::<ProgramSection>(program.identity.id)?;
    }
    sections.sort_by_key(|s| s.sort_order.unwrap_or(i64::MAX));

    let translations = &program.identity.translations;
    let mut specs: Vec<(FieldSpec, Option<IdRef>)> = vec![(
        fields::record_date_field(
            ENROLLMENT_DATE,
            translations,
            "ENROLLMENT_DATE_LABEL",
            program.enrollment_date_label.as_deref(),
            Message::new("form-label-enrollment-date"),
            program.select_enrollment_dates_in_future,
        ),
        None,
    )];
    if program.display_incident_date {
        let field = fields::record_date_field(
            INCIDENT_DATE,
            translations,
            "INCIDENT_DATE_LABEL",
            program.incident_date_label.as_deref(),
            Message::new("form-label-incident-date"),
            program.select_incident_dates_in_future,
        );
        specs.push((field, None));
    }
    let mut unique = HashMap::new();
    for pta in &ptas {
        let uid = pta.tracked_entity_attribute.id;
        let attr = store
            .get::<TrackedEntityAttribute>(uid)?
            .ok_or(FormError::NotFound { kind: ObjectKind::TrackedEntityAttribute, uid })?;
        let section = sections
            .iter()
            .find(|s| s.tracked_entity_attributes.iter().any(|r| r.id == uid))
            .map(|s| s.identity.id.to_string());
        if attr.unique {
            unique.insert(uid.to_string(), attr.clone());
        }
        specs.push((
            FieldSpec {
                key: uid.to_string(),
                label: Label::form_name(&attr.identity),
                value_type: attr.value_type,
                options: fields::options(store, attr.option_set)?,
                mandatory: pta.mandatory,
                allow_future_date: pta.allow_future_date,
                section,
                greyed: false,
                cell: None,
                unique: attr.unique,
            },
            attr.option_set,
        ));
    }
    let option_groups = fields::option_groups(store, &option_sets_of(&specs))?;
    let field_specs: Vec<FieldSpec> = specs.into_iter().map(|(f, _)| f).collect();
    let section_specs = sections
        .iter()
        .map(|s| fields::section_spec(&s.identity, &s.tracked_entity_attributes, &field_specs))
        .collect();
    let fields::RuleContext { org_unit_code, supplementary, engine, contents } =
        fields::rule_context(store, enrollment.org_unit, program.identity.id)?;
    let d = store.data();
    let stored = d.attribute_values(enrollment.tracked_entity)?;
    let types = fields::attribute_value_types(
        store,
        stored.iter().map(|(a, _)| *a).chain(ptas.iter().map(|p| p.tracked_entity_attribute.id)),
    )?;
    let mut values = BTreeMap::new();
    values.insert(ENROLLMENT_DATE.to_string(), crate::expr::value::iso_date(enrollment.enrollment_date));
    if field_specs.iter().any(|f| f.key == INCIDENT_DATE) {
        values.insert(INCIDENT_DATE.to_string(), crate::expr::value::iso_date(enrollment.incident_date));
    }
    let mut other_attributes = Vec::new();
    for (a, v) in stored {
        let key = a.to_string();
        if field_specs.iter().any(|f| f.key == key) {
            values.insert(key, v);
        } else {
            other_attributes.push((key, v));
        }
    }
    let mut events = Vec::new();
    for ev in d.events_of_enrollment(enrollment.uid)? {
        let stage_name =
            store.get::<crate::model::ProgramStage>(ev.program_stage)?.map(|s| s.identity.name).unwrap_or_default();
        events.push(fields::stored_rule_event(&d, &ev, &stage_name, org_unit_code.clone())?);
    }
    // The person's attributes stay editable whatever the enrollment's status, as in Android
    // Capture's enrollment form (its `EnrollmentRepository.canBeEdited` asks only for write access).
    let completed = false;
    let title = Title::Registration { program: Label::name(&program.identity) };
    let record = RecordRef::Enrollment { enrollment: enrollment.uid, tracked_entity: enrollment.tracked_entity };
    Ok(Parts {
        kind: Kind::Registration(Box::new(RegistrationForm {
            tracked_entity: enrollment.tracked_entity,
            program_name: program.identity.name.clone(),
            enrollment,
            org_unit_code,
            engine,
            supplementary,
            types,
            unique,
            other_attributes,
            events,
        })),
        record,
        title,
        fields: field_specs,
        sections: section_specs,
        locale: ctx.locale,
        rule_contents: contents,
        values,
        option_groups,
        clock: ctx.clock,
        completed,
        locked: None,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::demo::dataset::{self, immunization, ncd, org_units, person};
    use crate::form::{cancel_enrollment, complete_enrollment, FormContext, FormError, FormSession};
    use crate::model::value_type::EnrollmentStatus;
    use crate::model::{DeviceClock, Uid};
    use crate::store::import::ImportSource;
    use crate::store::Store;
    use crate::test_dates::ymd;

    pub(crate) const HC: Uid = org_units::TRAINEE_HEALTH_CENTRE;

    pub(crate) fn today() -> chrono::NaiveDate {
        ymd(2026, 12, 5)
    }

    /// The demo's metadata (no people), with `change` made to its export.
    pub(crate) fn demo_with(change: impl FnOnce(&mut serde_json::Value)) -> (Store, FormContext) {
        let mut doc: serde_json::Value = serde_json::from_str(&dataset::metadata_json()).unwrap();
        change(&mut doc);
        let mut store = Store::open_in_memory().unwrap();
        store
            .import_metadata(&[
                ImportSource::Bytes { name: "metadata.json".into(), bytes: serde_json::to_vec(&doc).unwrap() },
                ImportSource::Bytes { name: "me.json".into(), bytes: dataset::me_json().into_bytes() },
            ])
            .unwrap();
        (store, FormContext::new(DeviceClock::default().pinned_on(today())))
    }

    fn rows(store: &Store, table: &str) -> i64 {
        store.conn().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
    }

    /// An adult registered in the NCD program with a name and a phone; the person.
    pub(crate) fn adult(store: &mut Store, ctx: &FormContext) -> Uid {
        let (mut form, _) = FormSession::new_registration(store, ncd::PROGRAM, HC, today(), today(), ctx).unwrap();
        form.set_value(store, &person::NAME_KHMER.to_string(), Some("សុខ ចាន់ធី")).unwrap();
        form.set_value(store, &person::PHONE.to_string(), Some("012 345 678")).unwrap();
        let crate::form::RecordRef::Enrollment { tracked_entity, .. } = form.record().clone() else { panic!() };
        tracked_entity
    }

    fn enroll_in(store: &mut Store, person: Uid, program: Uid, ctx: &FormContext) -> Result<FormSession, FormError> {
        FormSession::new_enrollment(store, person, program, HC, today(), today(), ctx).map(|(s, _)| s)
    }

    #[test]
    fn enrolling_a_stored_person_adds_only_the_enrollment_and_opens_their_attributes() {
        let (mut store, ctx) = demo_with(|_| {});
        let person_uid = adult(&mut store, &ctx);
        let (mut form, view) =
            FormSession::new_enrollment(&mut store, person_uid, immunization::PROGRAM, HC, today(), today(), &ctx)
                .unwrap();
        assert_eq!((rows(&store, "tracked_entity"), rows(&store, "enrollment")), (1, 2));
        let value = |key: Uid| view.fields.iter().find(|f| f.uid == key.to_string()).and_then(|f| f.value.clone());
        assert_eq!(value(person::NAME_KHMER).as_deref(), Some("សុខ ចាន់ធី"));
        assert_eq!(value(person::PHONE).as_deref(), Some("012 345 678"));
        let crate::form::RecordRef::Enrollment { enrollment, tracked_entity } = form.record().clone() else { panic!() };
        assert_eq!(tracked_entity, person_uid);
        let stored = store.data().enrollment(enrollment).unwrap().unwrap();
        assert_eq!((stored.program, stored.status), (immunization::PROGRAM, EnrollmentStatus::Active));

        // What is typed in the new program's form is the same person's.
        form.set_value(&mut store, &person::SEX.to_string(), Some("F")).unwrap();
        let values = store.data().attribute_values(person_uid).unwrap();
        assert!(values.contains(&(person::SEX, "F".to_string())), "{values:?}");
        assert_eq!(rows(&store, "tracked_entity"), 1);
    }

    #[test]
    fn a_person_actively_enrolled_is_not_enrolled_again_until_that_enrollment_ends() {
        let (mut store, ctx) = demo_with(|_| {});
        let person_uid = adult(&mut store, &ctx);
        let first = store.data().enrollments_of(person_uid).unwrap()[0].uid;
        let err = enroll_in(&mut store, person_uid, ncd::PROGRAM, &ctx).unwrap_err();
        assert!(
            matches!(err, FormError::AlreadyEnrolled { other, program, .. } if other == first && program == ncd::PROGRAM),
            "{err}"
        );
        assert_eq!(rows(&store, "enrollment"), 1);
        // Once it is cancelled, a program that may enroll a person again does.
        cancel_enrollment(&mut store, first, &ctx).unwrap();
        enroll_in(&mut store, person_uid, ncd::PROGRAM, &ctx).unwrap();
        assert_eq!(rows(&store, "enrollment"), 2);
    }

    #[test]
    fn a_program_that_enrolls_once_refuses_a_person_with_a_completed_enrollment_but_not_a_cancelled_one() {
        let (mut store, ctx) = demo_with(|doc| {
            for p in doc["programs"].as_array_mut().unwrap() {
                p["onlyEnrollOnce"] = serde_json::json!(true);
            }
        });
        let person_uid = adult(&mut store, &ctx);
        let first = store.data().enrollments_of(person_uid).unwrap()[0].uid;
        let (mut reg, _) = FormSession::open_registration(&mut store, first, &ctx).unwrap();
        reg.set_value(&mut store, &person::SEX.to_string(), Some("F")).unwrap();
        reg.set_value(&mut store, &person::DATE_OF_BIRTH.to_string(), Some("1970-01-01")).unwrap();
        reg.set_value(&mut store, &person::VILLAGE.to_string(), Some(org_units::TRAINEE_VILLAGES[0].1)).unwrap();
        complete_enrollment(&mut store, first, &ctx).unwrap();
        let err = enroll_in(&mut store, person_uid, ncd::PROGRAM, &ctx).unwrap_err();
        assert!(
            matches!(err, FormError::OnlyEnrollOnce { other, status: EnrollmentStatus::Completed, .. } if other == first),
            "{err}"
        );
        assert!(err.to_string().contains("enrolls a person once"), "{err}");
        assert_eq!(rows(&store, "enrollment"), 1);
        cancel_enrollment(&mut store, first, &ctx).unwrap();
        enroll_in(&mut store, person_uid, ncd::PROGRAM, &ctx).unwrap();
    }

    #[test]
    fn enrolling_someone_not_on_the_phone_or_outside_the_capture_scope_is_refused_and_writes_nothing() {
        let (mut store, ctx) = demo_with(|_| {});
        let nobody = Uid::parse("PhumNobody1").unwrap();
        let err = enroll_in(&mut store, nobody, immunization::PROGRAM, &ctx).unwrap_err();
        assert!(matches!(err, FormError::NotFound { uid, .. } if uid == nobody), "{err}");
        assert!(err.to_string().contains("person"), "{err}");

        let person_uid = adult(&mut store, &ctx);
        let outside = FormSession::new_enrollment(
            &mut store,
            person_uid,
            immunization::PROGRAM,
            org_units::OTHER_HEALTH_CENTRE,
            today(),
            today(),
            &ctx,
        )
        .unwrap_err();
        assert!(matches!(outside, FormError::OrgUnitOutOfScope { .. }), "{outside}");
        let future = today().succ_opt().unwrap();
        let err = FormSession::new_enrollment(&mut store, person_uid, immunization::PROGRAM, HC, future, today(), &ctx)
            .unwrap_err();
        assert!(matches!(err, FormError::FutureDate { .. }), "{err}");
        assert_eq!(rows(&store, "enrollment"), 1);
    }
}
