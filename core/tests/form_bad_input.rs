//! Bad input to form sessions over the NCD program: each is refused with its own error and
//! changes nothing in the store (every captured row is compared through a second connection).
//! Also two sessions on the same event: the second writer is told the event changed elsewhere.

mod form_support;

use chrono::NaiveDate;
use form_support::*;
use phum_core::form::{FormError, FormSession, NewEventForm, RecordRef, ScopeProblem};
use phum_core::model::Uid;
use phum_core::store::Store;
use phum_core::validate::value_type::ValueError;

fn register(store: &mut Store, sex: &str, national_id: Option<&str>) -> Uid {
    let mut values = vec![("NcdTEASex01", sex)];
    values.extend(national_id.map(|id| ("NcdTEANatId", id)));
    register_ncd(store, &values)
}

fn new_visit(enrollment: Uid, org_unit: &str, event_date: NaiveDate) -> NewEventForm {
    NewEventForm {
        program: uid("NcdProgram1"),
        stage: uid("NcdStgVisit"),
        org_unit: uid(org_unit),
        enrollment: Some(enrollment),
        event_date,
    }
}

fn visit(store: &mut Store, enrollment: Uid) -> FormSession {
    FormSession::new_event(store, new_visit(enrollment, "NcdHCentre1", TODAY), &ncd_ctx()).unwrap().0
}

#[test]
fn a_value_of_the_wrong_type_is_refused_naming_the_field() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "M", None);
    let mut s = visit(&mut store, enr);
    s.set_value(&mut store, "NcdDESystol", Some("120")).unwrap();
    let before = s.view();
    let err = refused(&dir, || s.set_value(&mut store, "NcdDESystol", Some("12O")));
    assert!(
        matches!(&err, FormError::InvalidValue { field, source: ValueError::Integer { .. }, .. } if field == "NcdDESystol"),
        "{err}"
    );
    assert!(err.to_string().contains("NcdDESystol"), "{err}");
    let err = refused(&dir, || s.set_value(&mut store, "NcdDESystol", Some("-5")));
    assert!(matches!(err, FormError::InvalidValue { .. }), "{err}");
    assert_eq!(s.view(), before, "the session is unchanged too");
}

#[test]
fn a_value_for_a_hidden_field_is_refused() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "M", None);
    let mut s = visit(&mut store, enr);
    let err = refused(&dir, || s.set_value(&mut store, "NcdDEPregnt", Some("true")));
    assert!(matches!(err, FormError::HiddenField { ref field, .. } if field == "NcdDEPregnt"), "{err}");
}

#[test]
fn a_value_for_an_unknown_field_is_refused() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "F", None);
    let mut s = visit(&mut store, enr);
    for field in ["NoSuchField", "NcdTEAName1", "", "NcdDESystol.NcdDefCOC01"] {
        let err = refused(&dir, || s.set_value(&mut store, field, Some("1")));
        assert!(matches!(err, FormError::UnknownField { field: ref f, .. } if f == field), "{err}");
    }
}

#[test]
fn an_option_not_in_the_set_is_refused() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "F", None);
    let mut s = visit(&mut store, enr);
    for code in ["XYZ", "htn", "Hypertension"] {
        let err = refused(&dir, || s.set_value(&mut store, "NcdDERefer1", Some(code)));
        assert!(matches!(err, FormError::OptionNotInSet { code: ref c, .. } if c == code), "{err}");
    }
}

#[test]
fn dates_in_the_future_are_refused_for_values_events_and_enrollments() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "F", None);
    let mut s = visit(&mut store, enr);
    let err = refused(&dir, || s.set_value(&mut store, "NcdDEDiagDt", Some("2026-11-21")));
    assert!(
        matches!(err, FormError::FutureDate { date, .. } if date == chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()),
        "{err}"
    );
    s.set_value(&mut store, "NcdDEDiagDt", Some("2026-11-20")).unwrap();

    let err = refused(&dir, || {
        FormSession::new_event(&mut store, new_visit(enr, "NcdHCentre1", ymd(2026, 11, 21)), &ncd_ctx())
    });
    assert!(matches!(err, FormError::FutureDate { ref field, .. } if field == "eventDate"), "{err}");
    let err = refused(&dir, || {
        FormSession::new_registration(
            &mut store,
            uid("NcdProgram1"),
            uid("NcdHCentre1"),
            ymd(2026, 12, 1),
            ymd(2026, 11, 1),
            &ncd_ctx(),
        )
    });
    assert!(matches!(err, FormError::FutureDate { ref field, .. } if field == "enrollmentDate"), "{err}");
}

#[test]
fn org_units_outside_the_user_scope_or_without_the_program_are_refused() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "F", None);
    let err = refused(&dir, || FormSession::new_event(&mut store, new_visit(enr, "NcdHCTakeo1", TODAY), &ncd_ctx()));
    assert!(
        matches!(&err, FormError::OrgUnitOutOfScope { org_unit, problem: ScopeProblem::NotInUserScope } if *org_unit == uid("NcdHCTakeo1")),
        "{err}"
    );
    let err = refused(&dir, || FormSession::new_event(&mut store, new_visit(enr, "NcdHCentre2", TODAY), &ncd_ctx()));
    assert!(
        matches!(&err, FormError::OrgUnitOutOfScope { problem: ScopeProblem::NotAssigned { to }, .. } if *to == uid("NcdProgram1")),
        "{err}"
    );
    let elsewhere = phum_core::form::FormContext::new(on(TODAY)).with_capture_org_units(vec![uid("NcdProvTak1")]);
    let err = refused(&dir, || {
        FormSession::new_registration(&mut store, uid("NcdProgram1"), uid("NcdHCentre1"), TODAY, TODAY, &elsewhere)
    });
    assert!(matches!(err, FormError::OrgUnitOutOfScope { .. }), "{err}");
    let err = FormSession::open_registration(&mut store, enr, &elsewhere).err().unwrap();
    assert!(matches!(err, FormError::OrgUnitOutOfScope { .. }), "{err}");
}

#[test]
fn a_unique_attribute_value_of_another_person_is_refused() {
    let (dir, mut store) = ncd();
    register(&mut store, "F", Some("010203040"));
    let (mut reg, _) =
        FormSession::new_registration(&mut store, uid("NcdProgram1"), uid("NcdHCentre1"), TODAY, TODAY, &ncd_ctx())
            .unwrap();
    let err = refused(&dir, || reg.set_value(&mut store, "NcdTEANatId", Some("010203040")));
    assert!(matches!(err, FormError::NotUnique { ref field, .. } if field == "NcdTEANatId"), "{err}");
    reg.set_value(&mut store, "NcdTEANatId", Some("010203041")).unwrap();
}

#[test]
fn two_sessions_on_the_same_event_the_second_writer_is_refused_and_changes_nothing() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "F", None);
    let mut first = visit(&mut store, enr);
    let event = first.record_uid().unwrap();
    let (mut second, _) = FormSession::open_event(&mut store, event, &ncd_ctx()).unwrap();

    first.set_value(&mut store, "NcdDESystol", Some("120")).unwrap();
    let err = refused(&dir, || second.set_value(&mut store, "NcdDEDiasto", Some("80")));
    assert!(matches!(err, FormError::ChangedElsewhere { record: RecordRef::Event(e) } if e == event), "{err}");
    let err = refused(&dir, || second.complete(&mut store));
    assert!(matches!(err, FormError::ChangedElsewhere { .. }), "{err}");

    // The first session goes on; a reopened second session sees its value and may write.
    first.set_value(&mut store, "NcdDEDiasto", Some("80")).unwrap();
    let (mut second, view) = FormSession::open_event(&mut store, event, &ncd_ctx()).unwrap();
    assert_eq!(view.fields.iter().find(|f| f.uid == "NcdDESystol").unwrap().value.as_deref(), Some("120"));
    second.set_value(&mut store, "NcdDEGluc01", Some("6.1")).unwrap();
    let err = refused(&dir, || first.set_value(&mut store, "NcdDEGluc01", Some("7.5")));
    assert!(matches!(err, FormError::ChangedElsewhere { .. }), "{err}");
}

#[test]
fn two_registration_sessions_on_the_same_person_the_second_writer_is_refused() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "F", None);
    let (mut a, _) = FormSession::open_registration(&mut store, enr, &ncd_ctx()).unwrap();
    let (mut b, _) = FormSession::open_registration(&mut store, enr, &ncd_ctx()).unwrap();
    a.set_value(&mut store, "NcdTEAName1", Some("Srey Mom")).unwrap();
    let err = refused(&dir, || b.set_value(&mut store, "NcdTEAPhone", Some("012 345 678")));
    assert!(matches!(err, FormError::ChangedElsewhere { record: RecordRef::Enrollment { .. } }), "{err}");
}

#[test]
fn an_event_needs_an_enrollment_of_its_program_and_a_stage_of_it() {
    let (dir, mut store) = ncd();
    let mut form = new_visit(uid("NoSuchEnrol"), "NcdHCentre1", TODAY);
    let err = refused(&dir, || FormSession::new_event(&mut store, form.clone(), &ncd_ctx()));
    assert!(matches!(err, FormError::NotFound { kind: phum_core::form::ObjectKind::Enrollment, .. }), "{err}");
    form.enrollment = None;
    let err = refused(&dir, || FormSession::new_event(&mut store, form.clone(), &ncd_ctx()));
    assert!(matches!(err, FormError::WrongProgramType { .. }), "{err}");
    form.stage = uid("NcdPSSBp001");
    let err = refused(&dir, || FormSession::new_event(&mut store, form, &ncd_ctx()));
    assert!(matches!(err, FormError::NotFound { kind: phum_core::form::ObjectKind::ProgramStage, .. }), "{err}");
}
