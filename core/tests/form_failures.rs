//! A call either changes nothing and fails, or commits and succeeds: completing a form and
//! creating what follows from it (the next visit, a registration's auto-generated events) are one
//! transaction. The failures are injected by a trigger the test creates in the database through a
//! second connection: no library code knows about them.

mod form_support;

use form_support::*;
use phum_core::form::{FormContext, FormError, FormSession, NewEventForm};
use phum_core::model::value_type::EventStatus;
use phum_core::model::Uid;
use phum_core::store::import::ImportSource;
use phum_core::store::Store;

const NCD: &str = "SchNcdProg1";
const VISIT: &str = "SchNcdVisit";
const CENTRE: &str = "SchOUHCAngT";

fn ctx() -> FormContext {
    FormContext::new(on(TODAY)).with_capture_org_units(vec![uid("SchOUProv21")])
}

fn store() -> (tempfile::TempDir, Store) {
    store_with(vec![ImportSource::File(fixture("immunization_program.json"))])
}

/// Every insert into `event` fails until [`heal`].
fn fail_event_inserts(dir: &tempfile::TempDir) {
    let conn = rusqlite::Connection::open(dir.path().join("phum.db")).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER injected_failure BEFORE INSERT ON event BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    )
    .unwrap();
}

fn heal(dir: &tempfile::TempDir) {
    let conn = rusqlite::Connection::open(dir.path().join("phum.db")).unwrap();
    conn.execute_batch("DROP TRIGGER injected_failure;").unwrap();
}

/// A registration form of the NCD follow-up with its mandatory attributes filled in.
fn registration(store: &mut Store) -> FormSession {
    let (mut reg, _) =
        FormSession::new_registration(store, uid(NCD), uid(CENTRE), ymd(2026, 10, 1), ymd(2026, 10, 1), &ctx())
            .unwrap();
    for (field, value) in [("SchTEAName1", "ចាន់ ដារា"), ("SchTEASex01", "M"), ("SchTEADob01", "1970-05-01")]
    {
        reg.set_value(store, field, Some(value)).unwrap();
    }
    reg
}

#[test]
fn completing_a_registration_whose_events_cannot_be_written_changes_nothing_and_can_be_done_again() {
    let (dir, mut store) = store();
    let mut reg = registration(&mut store);
    fail_event_inserts(&dir);
    let err = refused(&dir, || reg.complete(&mut store));
    assert!(err.to_string().contains("injected failure"), "{err}");
    assert!(!reg.view().completed, "the session is as the store: not completed");

    heal(&dir);
    let changes = reg.complete(&mut store).unwrap();
    assert_eq!(changes.completed, Some(true));
    let enrollment = reg.record_uid().unwrap();
    let stages: Vec<String> =
        store.data().events_of_enrollment(enrollment).unwrap().iter().map(|e| e.program_stage.to_string()).collect();
    assert_eq!(stages, ["SchNcdScrn1", VISIT], "the screening and the first follow-up visit");
}

#[test]
fn completing_a_visit_whose_next_visit_cannot_be_written_changes_nothing_and_can_be_done_again() {
    let (dir, mut store) = store();
    let mut reg = registration(&mut store);
    reg.complete(&mut store).unwrap();
    let enrollment = reg.record_uid().unwrap();
    // The follow-up visit the schedule waits for takes place today.
    let (mut visit, _) = FormSession::new_event(
        &mut store,
        NewEventForm {
            program: uid(NCD),
            stage: uid(VISIT),
            org_unit: uid(CENTRE),
            enrollment: Some(enrollment),
            event_date: TODAY,
        },
        &ctx(),
    )
    .unwrap();
    let event: Uid = visit.record_uid().unwrap();

    fail_event_inserts(&dir);
    let err = refused(&dir, || visit.complete(&mut store));
    assert!(matches!(err, FormError::Schedule(_)), "{err}");
    assert_eq!(store.data().event(event).unwrap().unwrap().status, EventStatus::Active, "not completed");
    assert!(!visit.view().completed);

    heal(&dir);
    visit.complete(&mut store).unwrap();
    let of_stage: Vec<(EventStatus, Option<chrono::NaiveDate>)> = store
        .data()
        .events_of_enrollment(enrollment)
        .unwrap()
        .into_iter()
        .filter(|e| e.program_stage == uid(VISIT))
        .map(|e| (e.status, e.due_date))
        .collect();
    assert_eq!(
        of_stage,
        [(EventStatus::Completed, Some(ymd(2026, 10, 31))), (EventStatus::Schedule, Some(ymd(2026, 12, 20)))],
        "completed, and the next visit 30 days on"
    );
}
