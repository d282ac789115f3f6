//! A child immunization visit over immunization_program.json (the scheduling fixture): register a
//! newborn, record the birth doses as BOOLEAN answers, complete the visit.

mod form_support;

use form_support::*;
use phum_core::form::{FormContext, FormError, FormSession, NewEventForm};
use phum_core::model::value_type::EventStatus;
use phum_core::store::import::ImportSource;

fn ctx() -> FormContext {
    FormContext::new(on(TODAY))
        .with_capture_org_units(vec![uid("SchOUProv21")])
        .with_locale(phum_core::i18n::Locale::KHMER)
}

#[test]
fn a_newborn_is_registered_and_the_birth_doses_are_recorded() {
    let (dir, mut store) = store_with(vec![ImportSource::File(fixture("immunization_program.json"))]);
    let err = refused(&dir, || {
        FormSession::new_registration(
            &mut store,
            uid("SchImmProg1"),
            uid("SchOUHCAngT"),
            TODAY,
            ymd(2026, 11, 21),
            &ctx(),
        )
    });
    assert!(matches!(err, FormError::FutureDate { ref field, .. } if field == "incidentDate"), "{err}");

    let (mut reg, view) = FormSession::new_registration(
        &mut store,
        uid("SchImmProg1"),
        uid("SchOUHCAngT"),
        TODAY,
        ymd(2026, 11, 18),
        &ctx(),
    )
    .unwrap();
    // The enrollment date and the date of birth (the program's incident date), then 6 attributes.
    assert_eq!(view.fields.len(), 8);
    assert_eq!((view.fields[0].uid.as_str(), view.fields[1].uid.as_str()), ("enrollmentDate", "incidentDate"));
    for (field, value) in [
        ("SchTEAName1", "សុខ ដារ៉ា"),
        ("SchTEASex01", "F"),
        ("SchTEADob01", "2026-11-18"),
        ("SchTEAMothr", "ចាន់ សុភា"),
        ("SchTEAPhone", "012 345 678"),
    ] {
        reg.set_value(&mut store, field, Some(value)).unwrap();
    }
    let enrollment = reg.record_uid().unwrap();
    // Completing the registration keeps the enrollment active and schedules every contact of
    // the national schedule from the date of birth.
    reg.complete(&mut store).unwrap();
    let scheduled = store.data().events_of_enrollment(enrollment).unwrap();
    assert_eq!(scheduled.len(), 6, "one event per auto-generated stage");
    let penta1 = scheduled.iter().find(|e| e.status == EventStatus::Schedule && e.due_date == Some(ymd(2026, 12, 30)));
    assert!(penta1.is_some(), "the 6-week contact is due 42 days after birth: {scheduled:?}");

    let (mut visit, view) = FormSession::new_event(
        &mut store,
        NewEventForm {
            program: uid("SchImmProg1"),
            stage: uid("SchImmBirth"),
            org_unit: uid("SchOUHCAngT"),
            enrollment: Some(enrollment),
            event_date: TODAY,
        },
        &ctx(),
    )
    .unwrap();
    assert_eq!(
        view.fields.iter().map(|f| f.uid.as_str()).collect::<Vec<_>>(),
        ["eventDate", "SchDEBCG001", "SchDEHepB0B", "SchDEWeight"]
    );
    let err = refused(&dir, || visit.set_value(&mut store, "SchDEBCG001", Some("yes")));
    assert!(matches!(err, FormError::InvalidValue { .. }), "{err}");
    visit.set_value(&mut store, "SchDEBCG001", Some("true")).unwrap();
    visit.set_value(&mut store, "SchDEHepB0B", Some("true")).unwrap();
    visit.set_value(&mut store, "SchDEWeight", Some("3.1")).unwrap();
    visit.complete(&mut store).unwrap();
    let event = store.data().event(visit.record_uid().unwrap()).unwrap().unwrap();
    assert_eq!(event.status, EventStatus::Completed);
    assert_eq!(store.data().data_values(event.uid).unwrap().len(), 3);
    // The visit took the scheduled birth-dose event; the stage takes no second one.
    assert_eq!(store.data().events_of_enrollment(enrollment).unwrap().len(), 6);
    let again = NewEventForm {
        program: uid("SchImmProg1"),
        stage: uid("SchImmBirth"),
        org_unit: uid("SchOUHCAngT"),
        enrollment: Some(enrollment),
        event_date: TODAY,
    };
    let err = refused(&dir, || FormSession::new_event(&mut store, again.clone(), &ctx()));
    assert!(matches!(err, FormError::StageNotRepeatable { .. }), "{err}");
}

#[test]
fn registering_the_same_child_twice_shows_a_possible_duplicate() {
    use phum_core::form::MessageKind;
    let (_dir, mut store) = store_with(vec![ImportSource::File(fixture("immunization_program.json"))]);
    let register = |store: &mut phum_core::store::Store, name: &str, dob: &str, phone: &str| {
        let (mut reg, _) = FormSession::new_registration(
            store,
            uid("SchImmProg1"),
            uid("SchOUHCAngT"),
            TODAY,
            ymd(2026, 11, 18),
            &ctx(),
        )
        .unwrap();
        let mut last = None;
        for (field, value) in [("SchTEAName1", name), ("SchTEADob01", dob), ("SchTEAPhone", phone)] {
            last = Some(reg.set_value(store, field, Some(value)).unwrap());
        }
        (reg, last.unwrap())
    };
    let (first, changes) = register(&mut store, "សុខ ដារ៉ា", "2026-11-18", "012 345 678");
    assert!(changes.messages_added.is_empty(), "the first child has no duplicate: {changes:?}");
    let first_person = first.view().record;

    // The same name and birth date, typed again (with a zero-width space from another keyboard).
    let (second, _) = register(&mut store, "សុខ\u{200b} ដារ៉ា", "2026-11-18", "097 000 111");
    // The form is in Khmer; the hint says why in Khmer and carries its reasons as message ids.
    let reasons = |view: phum_core::form::FormView| -> Vec<String> {
        view.messages
            .iter()
            .filter(|m| m.kind == MessageKind::PossibleDuplicate)
            .map(|m| serde_json::to_value(&m.message).unwrap()["args"]["reasons"].to_string())
            .collect()
    };
    let view = second.view();
    let hints: Vec<&str> =
        view.messages.iter().filter(|m| m.kind == MessageKind::PossibleDuplicate).map(|m| m.text.as_str()).collect();
    assert_eq!(hints.len(), 1, "{hints:?}");
    assert!(hints[0].contains("ឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើតដូចគ្នា"), "{}", hints[0]);
    assert!(reasons(second.view())[0].contains("search-duplicate-name-and-birth-date"));

    // Another name and birth date but the first child's phone, written the international way.
    let (third, _) = register(&mut store, "ចាន់ វណ្ណា", "2026-10-01", "+855 12 345 678");
    let found = reasons(third.view());
    assert!(found.iter().any(|h| h.contains("search-duplicate-phone")), "{found:?} (first: {first_person})");
}

#[test]
fn the_visit_date_and_the_date_of_birth_are_edited_like_fields() {
    use phum_core::form::{ENROLLMENT_DATE, EVENT_DATE, INCIDENT_DATE};
    let (dir, mut store) = store_with(vec![ImportSource::File(fixture("immunization_program.json"))]);
    let (mut reg, view) =
        FormSession::new_registration(&mut store, uid("SchImmProg1"), uid("SchOUHCAngT"), TODAY, TODAY, &ctx())
            .unwrap();
    assert_eq!(view.fields[1].value.as_deref(), Some(TODAY.to_string().as_str()));
    // The date of birth typed wrong at first is corrected; it cannot be emptied or be in the future.
    reg.set_value(&mut store, INCIDENT_DATE, Some("2026-11-02")).unwrap();
    let err = refused(&dir, || reg.set_value(&mut store, INCIDENT_DATE, None));
    assert!(matches!(err, FormError::DateRequired { .. }), "{err}");
    let err = refused(&dir, || reg.set_value(&mut store, ENROLLMENT_DATE, Some("2026-12-24")));
    assert!(matches!(err, FormError::FutureDate { .. }), "{err}");
    let enrollment = store.data().enrollment(reg.record_uid().unwrap()).unwrap().unwrap();
    assert_eq!((enrollment.enrollment_date, enrollment.incident_date), (TODAY, ymd(2026, 11, 2)));

    let (mut visit, _) = FormSession::new_event(
        &mut store,
        NewEventForm {
            program: uid("SchImmProg1"),
            stage: uid("SchImmCatch"),
            org_unit: uid("SchOUHCAngT"),
            enrollment: Some(enrollment.uid),
            event_date: TODAY,
        },
        &ctx(),
    )
    .unwrap();
    let changes = visit.set_value(&mut store, EVENT_DATE, Some("2026-11-19")).unwrap();
    assert_eq!(changes.field(EVENT_DATE).unwrap().value.as_deref(), Some("2026-11-19"));
    let event = store.data().event(visit.record_uid().unwrap()).unwrap().unwrap();
    assert_eq!(event.event_date, Some(ymd(2026, 11, 19)));
    let err = refused(&dir, || visit.set_value(&mut store, EVENT_DATE, Some("2026-11-21")));
    assert!(matches!(err, FormError::FutureDate { .. }), "{err}");
}
