//! An event program without registration (community blood pressure screening in
//! ncd_program.json): the rules see the earlier screenings at the same org unit as context
//! events, as the app passes them.

mod form_support;

use chrono::{NaiveDate as Date, TimeDelta};
use form_support::*;
use phum_core::form::{FormError, FormSession, NewEventForm};

const SYSTOLIC: &str = "NcdDESystol";

fn screening(store: &mut phum_core::store::Store, date: Date, systolic: &str) -> FormSession {
    let (mut s, _) = FormSession::new_event(
        store,
        NewEventForm {
            program: uid("NcdScreen01"),
            stage: uid("NcdStgScrn1"),
            org_unit: uid("NcdHCentre1"),
            enrollment: None,
            event_date: date,
        },
        &ncd_ctx(),
    )
    .unwrap();
    s.set_value(store, SYSTOLIC, Some(systolic)).unwrap();
    s
}

#[test]
fn the_previous_screening_at_the_same_org_unit_feeds_the_rules() {
    let (_dir, mut store) = ncd();
    let first = TODAY - TimeDelta::days(12);
    for i in 0..12 {
        screening(&mut store, first + TimeDelta::days(i), &(100 + i).to_string());
    }
    // The newest earlier screening (11 days after the first) had 111.
    let mut s = screening(&mut store, TODAY, "120");
    assert!(s.view().fields[0].warnings.is_empty(), "120 is not 20 above 111");
    let changes = s.set_value(&mut store, SYSTOLIC, Some("140")).unwrap();
    assert_eq!(
        changes.field(SYSTOLIC).unwrap().warnings,
        ["Systolic is more than 20 above the last screening here: 111"]
    );
}

#[test]
fn an_event_program_takes_no_enrollment() {
    let (dir, mut store) = ncd();
    let err = refused(&dir, || {
        FormSession::new_event(
            &mut store,
            NewEventForm {
                program: uid("NcdScreen01"),
                stage: uid("NcdStgScrn1"),
                org_unit: uid("NcdHCentre1"),
                enrollment: Some(uid("NcdProgram1")),
                event_date: TODAY,
            },
            &ncd_ctx(),
        )
    });
    assert!(matches!(err, FormError::WrongProgramType { .. }), "{err}");
    let err = refused(&dir, || {
        FormSession::new_registration(&mut store, uid("NcdScreen01"), uid("NcdHCentre1"), TODAY, TODAY, &ncd_ctx())
    });
    assert!(matches!(err, FormError::WrongProgramType { .. }), "{err}");
}
