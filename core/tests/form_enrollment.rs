//! An enrollment as a whole: completed (after its rules and mandatory attributes allow it),
//! cancelled and re-opened as Android Capture's dashboard does, with the checks of the app and of
//! the server's importer; and what may still be edited once it is closed.

mod form_support;

use form_support::*;
use phum_core::form::{
    cancel_enrollment, complete_enrollment, delete_event, enrollment_dashboard, reopen_enrollment, FormError,
    FormSession, Refusal,
};
use phum_core::model::value_type::EnrollmentStatus;
use phum_core::model::Uid;
use phum_core::store::import::ImportSource;
use phum_core::store::Store;
use serde_json::{json, Value};

/// ncd_program.json with an enrollment rule that stops completion under 15, and `change` made.
fn ncd_with(change: impl FnOnce(&mut Value)) -> (tempfile::TempDir, Store) {
    let mut doc: Value = serde_json::from_slice(&std::fs::read(fixture("ncd_program.json")).unwrap()).unwrap();
    doc["programRules"].as_array_mut().unwrap().push(json!({
        "id": "NcdPRTooYng", "name": "Too young to complete", "program": {"id": "NcdProgram1"},
        "condition": "d2:hasValue(#{dob}) && d2:yearsBetween(#{dob}, V{current_date}) < 15",
        "programRuleActions": [{"id": "NcdPRAToYng"}]}));
    doc["programRuleActions"].as_array_mut().unwrap().push(json!({
        "id": "NcdPRAToYng", "programRule": {"id": "NcdPRTooYng"}, "programRuleActionType": "ERRORONCOMPLETE",
        "content": "Under 15: the NCD follow-up is for adults"}));
    change(&mut doc);
    store_with(vec![ImportSource::Bytes { name: "ncd.json".into(), bytes: serde_json::to_vec(&doc).unwrap() }])
}

fn status(store: &Store, enrollment: Uid) -> (EnrollmentStatus, Option<chrono::NaiveDate>) {
    let e = store.data().enrollment(enrollment).unwrap().unwrap();
    (e.status, e.completed_date)
}

#[test]
fn completing_an_enrollment_runs_its_rules_and_refuses_with_every_reason_until_they_allow_it() {
    let (dir, mut store) = ncd_with(|_| {});
    let enr = register_ncd(&mut store, &[("NcdTEAName1", "Vann Sokha"), ("NcdTEADob01", "2015-06-01")]);

    let err = refused(&dir, || complete_enrollment(&mut store, enr, &ncd_ctx()));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    assert_eq!(
        reasons,
        [
            Refusal::MandatoryEmpty { field: "NcdTEASex01".into(), label: "Sex".into() },
            Refusal::ErrorOnComplete {
                message: phum_core::msg!("form-rule-text", text = "Under 15: the NCD follow-up is for adults")
            },
        ]
    );

    let (mut reg, _) = FormSession::open_registration(&mut store, enr, &ncd_ctx()).unwrap();
    reg.set_value(&mut store, "NcdTEASex01", Some("F")).unwrap();
    reg.set_value(&mut store, "NcdTEADob01", Some("1990-02-14")).unwrap();
    let change = complete_enrollment(&mut store, enr, &ncd_ctx()).unwrap();
    assert_eq!(
        (change.before, change.status, change.completed_date),
        (EnrollmentStatus::Active, EnrollmentStatus::Completed, Some(TODAY))
    );
    assert_eq!(status(&store, enr), (EnrollmentStatus::Completed, Some(TODAY)));
    let err = refused(&dir, || complete_enrollment(&mut store, enr, &ncd_ctx()));
    assert!(matches!(err, FormError::EnrollmentStatusUnchanged { .. }), "{err}");
}

#[test]
fn a_closed_enrollment_takes_no_new_visit_its_visits_are_read_only_and_its_person_stays_editable() {
    let (dir, mut store) = ncd_with(|_| {});
    let enr =
        register_ncd(&mut store, &[("NcdTEAName1", "Chan Dara"), ("NcdTEASex01", "M"), ("NcdTEADob01", "1970-05-01")]);
    let (mut earlier, _) = new_ncd_visit(&mut store, enr).unwrap();
    earlier.set_value(&mut store, "NcdDESystol", Some("130")).unwrap();
    let event = earlier.record_uid().unwrap();
    cancel_enrollment(&mut store, enr, &ncd_ctx()).unwrap();
    assert_eq!(status(&store, enr), (EnrollmentStatus::Cancelled, None));

    let err = refused(&dir, || new_ncd_visit(&mut store, enr));
    assert!(matches!(err, FormError::EnrollmentNotActive { status: EnrollmentStatus::Cancelled, .. }), "{err}");
    // The visit opens, shows why it cannot be changed, and refuses changes with that reason.
    let (mut s, view) = FormSession::open_event(&mut store, event, &ncd_ctx()).unwrap();
    assert!(
        view.read_only_reason.as_ref().is_some_and(|r| r.text.contains("cancelled")),
        "{:?}",
        view.read_only_reason
    );
    assert!(view.fields.iter().all(|f| !f.editable));
    let err = refused(&dir, || s.set_value(&mut store, "NcdDESystol", Some("150")));
    assert!(matches!(err, FormError::EnrollmentNotActive { .. }), "{err}");
    let err = refused(&dir, || s.complete(&mut store));
    assert!(matches!(err, FormError::EnrollmentNotActive { .. }), "{err}");
    // The session that was open before the change is refused too: its enrollment changed.
    let err = refused(&dir, || earlier.set_value(&mut store, "NcdDESystol", Some("150")));
    assert!(matches!(err, FormError::ChangedElsewhere { .. }), "{err}");

    // The person's attributes belong to the person: the registration form stays editable.
    let (mut reg, view) = FormSession::open_registration(&mut store, enr, &ncd_ctx()).unwrap();
    assert!(!view.completed && view.fields.iter().all(|f| f.editable));
    reg.set_value(&mut store, "NcdTEAPhone", Some("012 345 678")).unwrap();

    // Re-opened, the enrollment takes visits again.
    let change = reopen_enrollment(&mut store, enr, &ncd_ctx()).unwrap();
    assert_eq!((change.before, change.status), (EnrollmentStatus::Cancelled, EnrollmentStatus::Active));
    let (mut s, view) = FormSession::open_event(&mut store, event, &ncd_ctx()).unwrap();
    assert_eq!(view.read_only_reason, None);
    s.set_value(&mut store, "NcdDESystol", Some("150")).unwrap();
    let err = refused(&dir, || reopen_enrollment(&mut store, enr, &ncd_ctx()));
    assert!(matches!(err, FormError::EnrollmentStatusUnchanged { .. }), "{err}");
}

/// A second enrollment of the person of `enrollment` in the same program, with `status`.
fn second_enrollment(store: &mut Store, enrollment: Uid, status: EnrollmentStatus) -> Uid {
    let first = store.data().enrollment(enrollment).unwrap().unwrap();
    let now = on(TODAY).now();
    store
        .write(|d| {
            let e = d.insert_enrollment(first.tracked_entity, first.program, first.org_unit, TODAY, TODAY, now)?;
            if status != EnrollmentStatus::Active {
                d.set_enrollment_status(e.uid, status, now)?;
            }
            Ok::<_, phum_core::store::data::DataError>(e.uid)
        })
        .unwrap()
}

#[test]
fn a_person_has_one_active_enrollment_in_a_program_and_one_at_all_when_it_enrolls_once() {
    // Enrolling more than once is allowed: only two ACTIVE enrollments are refused (E1015).
    let (dir, mut store) = ncd_with(|doc| doc["programs"][0]["onlyEnrollOnce"] = json!(false));
    let first =
        register_ncd(&mut store, &[("NcdTEAName1", "Chan Dara"), ("NcdTEASex01", "M"), ("NcdTEADob01", "1970-05-01")]);
    cancel_enrollment(&mut store, first, &ncd_ctx()).unwrap();
    let second = second_enrollment(&mut store, first, EnrollmentStatus::Active);
    let err = refused(&dir, || reopen_enrollment(&mut store, first, &ncd_ctx()));
    assert!(matches!(err, FormError::ActiveEnrollmentExists { other, .. } if other == second), "{err}");
    complete_enrollment(&mut store, first, &ncd_ctx()).unwrap();

    // The fixture's program enrolls once: another ACTIVE or COMPLETED enrollment forbids both (E1016).
    let (dir, mut store) = ncd_with(|_| {});
    let first =
        register_ncd(&mut store, &[("NcdTEAName1", "Chan Dara"), ("NcdTEASex01", "M"), ("NcdTEADob01", "1970-05-01")]);
    let second = second_enrollment(&mut store, first, EnrollmentStatus::Cancelled);
    complete_enrollment(&mut store, first, &ncd_ctx()).unwrap();
    for attempt in [reopen_enrollment, complete_enrollment] {
        let err = refused(&dir, || attempt(&mut store, second, &ncd_ctx()));
        assert!(
            matches!(err, FormError::EnrolledOnce { other, status: EnrollmentStatus::Completed, .. } if other == first),
            "{err}"
        );
    }
    // Cancelling is always allowed.
    cancel_enrollment(&mut store, first, &ncd_ctx()).unwrap();
    reopen_enrollment(&mut store, second, &ncd_ctx()).unwrap();
}

#[test]
fn an_enrollment_is_changed_only_with_write_access_inside_the_capture_scope() {
    let (dir, mut store) =
        ncd_with(|doc| doc["programs"][0]["access"] = json!({"data": {"read": true, "write": false}}));
    let enr =
        register_ncd(&mut store, &[("NcdTEAName1", "Chan Dara"), ("NcdTEASex01", "M"), ("NcdTEADob01", "1970-05-01")]);
    let err = refused(&dir, || cancel_enrollment(&mut store, enr, &ncd_ctx()));
    assert!(matches!(err, FormError::NoDataWriteAccess { .. }), "{err}");

    let (dir, mut store) = ncd_with(|_| {});
    let enr =
        register_ncd(&mut store, &[("NcdTEAName1", "Chan Dara"), ("NcdTEASex01", "M"), ("NcdTEADob01", "1970-05-01")]);
    let elsewhere = phum_core::form::FormContext::new(on(TODAY)).with_capture_org_units(vec![uid("NcdHCTakeo1")]);
    let err = refused(&dir, || complete_enrollment(&mut store, enr, &elsewhere));
    assert!(matches!(err, FormError::OrgUnitOutOfScope { .. }), "{err}");
    let err = refused(&dir, || complete_enrollment(&mut store, uid("NcdNoEnrol1"), &ncd_ctx()));
    assert!(matches!(err, FormError::NotFound { kind: phum_core::form::ObjectKind::Enrollment, .. }), "{err}");
}

#[test]
fn the_dashboard_leaves_out_the_stages_the_enrollments_rules_hide() {
    let (_dir, mut store) = ncd_with(|doc| {
        doc["programStages"].as_array_mut().unwrap().push(json!({
            "id": "NcdStgRefer", "name": "Referral", "program": {"id": "NcdProgram1"}, "sortOrder": 2,
            "repeatable": false}));
        doc["programs"][0]["programStages"].as_array_mut().unwrap().push(json!({"id": "NcdStgRefer"}));
        doc["programRules"].as_array_mut().unwrap().push(json!({
            "id": "NcdPRNoScrn", "name": "No referral for men", "program": {"id": "NcdProgram1"},
            "condition": "#{sex} == 'M'", "programRuleActions": [{"id": "NcdPRANoScr"}]}));
        doc["programRuleActions"].as_array_mut().unwrap().push(json!({
            "id": "NcdPRANoScr", "programRule": {"id": "NcdPRNoScrn"}, "programRuleActionType": "HIDEPROGRAMSTAGE",
            "programStage": {"id": "NcdStgRefer"}}));
    });
    let woman = register_ncd(&mut store, &[("NcdTEAName1", "Srey Neang"), ("NcdTEASex01", "F")]);
    let man = register_ncd(&mut store, &[("NcdTEAName1", "Chan Dara"), ("NcdTEASex01", "M")]);
    let stages = |enrollment| -> Vec<String> {
        let board = enrollment_dashboard(&store, enrollment, &ncd_ctx()).unwrap().board;
        board.stages.iter().map(|s| s.stage.to_string()).collect()
    };
    assert_eq!(stages(woman), ["NcdStgVisit", "NcdStgRefer"]);
    assert_eq!(stages(man), ["NcdStgVisit"]);
}

#[test]
fn an_event_is_deleted_only_while_its_enrollment_is_active() {
    let (dir, mut store) = ncd_with(|_| {});
    let enr =
        register_ncd(&mut store, &[("NcdTEAName1", "Chan Dara"), ("NcdTEASex01", "M"), ("NcdTEADob01", "1970-05-01")]);
    let (first, _) = new_ncd_visit(&mut store, enr).unwrap();
    let (second, _) = new_ncd_visit(&mut store, enr).unwrap();
    let (first, second) = (first.record_uid().unwrap(), second.record_uid().unwrap());

    delete_event(&mut store, first, &ncd_ctx()).unwrap();
    assert_eq!(store.data().event(first).unwrap(), None, "a never-sent visit is removed");
    let err = refused(&dir, || delete_event(&mut store, first, &ncd_ctx()));
    assert!(matches!(err, FormError::NotFound { .. }), "{err}");

    cancel_enrollment(&mut store, enr, &ncd_ctx()).unwrap();
    let err = refused(&dir, || delete_event(&mut store, second, &ncd_ctx()));
    assert!(matches!(err, FormError::EnrollmentNotActive { .. }), "{err}");
    assert!(store.data().event(second).unwrap().is_some());
}
