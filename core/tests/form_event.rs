//! Event forms over mini_export.json (child immunization, birth dose visit): labels by locale,
//! rule effects on a visit, hidden fields losing their value, completion refusal and completion.

mod form_support;

use form_support::*;
use phum_core::form::{FormError, FormKind, FormSession, NewEventForm, Refusal};
use phum_core::model::value_type::EventStatus;
use phum_core::model::Uid;
use phum_core::store::Store;

const VACCINE: &str = "PhumDEVacc1";
const WEIGHT: &str = "PhumDEWeigh";

fn enrolled_child(store: &mut Store) -> Uid {
    let (mut reg, _) = FormSession::new_registration(
        store,
        uid("PhumImmProg"),
        uid("PhumHC00001"),
        ymd(2026, 11, 18),
        ymd(2026, 11, 18),
        &mini_ctx(),
    )
    .unwrap();
    reg.set_value(store, "PhumTEAName", Some("សុខ ចាន់")).unwrap();
    reg.record_uid().unwrap()
}

fn birth_visit(
    store: &mut Store,
    enrollment: Uid,
    locale: phum_core::i18n::Locale,
) -> (FormSession, phum_core::form::FormView) {
    let ctx = mini_ctx().with_locale(locale);
    FormSession::new_event(
        store,
        NewEventForm {
            program: uid("PhumImmProg"),
            stage: uid("PhumStgBirt"),
            org_unit: uid("PhumHC00001"),
            enrollment: Some(enrollment),
            event_date: ymd(2026, 11, 19),
        },
        &ctx,
    )
    .unwrap()
}

#[test]
fn labels_are_translated_with_form_name_before_name_and_options_in_sort_order() {
    let (_dir, mut store) = mini();
    let enr = enrolled_child(&mut store);
    let (visit, km) = birth_visit(&mut store, enr, phum_core::i18n::Locale::KHMER);
    assert_eq!(km.kind, FormKind::Event);
    let vaccine = km.fields.iter().find(|f| f.uid == VACCINE).unwrap();
    assert_eq!(vaccine.label, "តើបានចាក់វ៉ាក់សាំងអ្វី?");
    assert!(vaccine.mandatory && vaccine.editable);
    assert_eq!(vaccine.options.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(), ["BCG", "HEPB_BIRTH", "PENTA1"]);
    assert_eq!(vaccine.options[0].label, "បេ.សេ.ហ្សេ");
    assert_eq!(km.fields.iter().find(|f| f.uid == WEIGHT).unwrap().label, "ទម្ងន់ (គ.ក)");
    assert_eq!(km.sections[0].label, "ការមកពិនិត្យ");
    assert_eq!(km.sections[0].fields, [VACCINE, WEIGHT]);

    // The same visit reopened in English shows the names as written (no English translation).
    let event = visit.record_uid().unwrap();
    drop(visit);
    let (_, en) = FormSession::open_event(&mut store, event, &mini_ctx()).unwrap();
    assert_eq!(en.fields.iter().find(|f| f.uid == VACCINE).unwrap().label, "Which vaccine was given?");
    assert_eq!(en.fields.iter().find(|f| f.uid == WEIGHT).unwrap().label, "Weight (kg)");
}

#[test]
fn weight_is_hidden_until_a_vaccine_is_given_and_loses_its_value_when_hidden_again() {
    let (dir, mut store) = mini();
    let enr = enrolled_child(&mut store);
    let (mut s, view) = birth_visit(&mut store, enr, phum_core::i18n::Locale::KHMER);
    let event = s.record_uid().unwrap();
    assert!(view.fields.iter().find(|f| f.uid == WEIGHT).unwrap().hidden);

    let err = refused(&dir, || s.set_value(&mut store, WEIGHT, Some("2.1")));
    assert!(matches!(err, FormError::HiddenField { ref field, .. } if field == WEIGHT), "{err}");

    let changes = s.set_value(&mut store, VACCINE, Some("BCG")).unwrap();
    assert_eq!(changes.field(VACCINE).unwrap().value.as_deref(), Some("BCG"));
    assert!(!changes.field(WEIGHT).unwrap().hidden, "weight is shown once a vaccine is given");

    let changes = s.set_value(&mut store, WEIGHT, Some("2.1")).unwrap();
    let weight = changes.field(WEIGHT).unwrap();
    assert_eq!(weight.warnings, ["ទម្ងន់កំណើតទាប៖ បញ្ជូនទៅមណ្ឌលសុខភាព"], "low birth weight warning, in Khmer");
    assert_eq!(changes.fields.len(), 1, "only the weight changed: {changes:?}");

    let changes = s.set_value(&mut store, VACCINE, None).unwrap();
    let weight = changes.field(WEIGHT).unwrap();
    assert!(weight.hidden);
    assert_eq!(weight.value, None, "a hidden field loses its value");
    assert!(store.data().data_values(event).unwrap().is_empty(), "the cleared weight is saved too");
}

#[test]
fn completion_is_refused_while_the_vaccine_is_empty_then_the_event_is_completed() {
    let (dir, mut store) = mini();
    let enr = enrolled_child(&mut store);
    let (mut s, _) = birth_visit(&mut store, enr, phum_core::i18n::Locale::ENGLISH);
    let event = s.record_uid().unwrap();
    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    assert_eq!(reasons, [Refusal::MandatoryEmpty { field: VACCINE.into(), label: "Which vaccine was given?".into() }]);

    s.set_value(&mut store, VACCINE, Some("HEPB_BIRTH")).unwrap();
    let changes = s.complete(&mut store).unwrap();
    assert_eq!(changes.completed, Some(true));
    assert!(changes.fields.iter().all(|f| !f.editable));
    let stored = store.data().event(event).unwrap().unwrap();
    assert_eq!(stored.status, EventStatus::Completed);
    assert_eq!(stored.completed_date, Some(TODAY), "completed today, the day after the visit's date");

    let err = refused(&dir, || s.set_value(&mut store, VACCINE, Some("BCG")));
    assert!(matches!(err, FormError::AlreadyCompleted { .. }), "{err}");
    let (reopened, view) = FormSession::open_event(&mut store, event, &mini_ctx()).unwrap();
    assert!(view.completed);
    // The first field is the visit's own date, then the data elements.
    assert_eq!(reopened.view().fields[0].uid, phum_core::form::EVENT_DATE);
    assert_eq!(reopened.view().fields[0].value.as_deref(), Some("2026-11-19"));
    assert_eq!(reopened.view().fields[1].value.as_deref(), Some("HEPB_BIRTH"));
}

#[test]
fn an_event_dated_ten_days_ago_and_completed_today_is_completed_today_in_the_device_zone() {
    let (_dir, mut store) = mini();
    let enr = enrolled_child(&mut store);
    // 01:30 on 20 November in Phnom Penh: still 19 November in UTC.
    let clock = phum_core::model::DeviceClock::default().pinned_at("2026-11-19T18:30:00Z".parse().unwrap());
    let ctx = phum_core::form::FormContext::new(clock).with_capture_org_units(vec![uid("PhumProv001")]);
    assert_eq!(ctx.today(), TODAY);
    let ten_days_ago = ymd(2026, 11, 10);
    let (s, _) = FormSession::new_event(
        &mut store,
        NewEventForm {
            program: uid("PhumImmProg"),
            stage: uid("PhumStgBirt"),
            org_unit: uid("PhumHC00001"),
            enrollment: Some(enr),
            event_date: ten_days_ago,
        },
        &ctx,
    )
    .unwrap();
    let event = s.record_uid().unwrap();
    drop(s);

    let (mut s, _) = FormSession::open_event(&mut store, event, &ctx).unwrap();
    s.set_value(&mut store, VACCINE, Some("BCG")).unwrap();
    s.complete(&mut store).unwrap();
    let stored = store.data().event(event).unwrap().unwrap();
    assert_eq!(stored.status, EventStatus::Completed);
    assert_eq!(stored.event_date, Some(ten_days_ago));
    assert_eq!(stored.completed_date, Some(TODAY));
    assert_eq!(stored.created.to_string(), "2026-11-20T01:30:00.000+07:00");
    assert_eq!(stored.updated.to_string(), "2026-11-20T01:30:00.000+07:00");
}

#[test]
fn a_reopened_event_shows_the_stored_values_and_the_rules_on_them() {
    let (_dir, mut store) = mini();
    let enr = enrolled_child(&mut store);
    let (mut s, _) = birth_visit(&mut store, enr, phum_core::i18n::Locale::ENGLISH);
    s.set_value(&mut store, VACCINE, Some("BCG")).unwrap();
    s.set_value(&mut store, WEIGHT, Some("2.3")).unwrap();
    let event = s.record_uid().unwrap();
    drop(s);
    let (_, view) = FormSession::open_event(&mut store, event, &mini_ctx()).unwrap();
    let weight = view.fields.iter().find(|f| f.uid == WEIGHT).unwrap();
    assert_eq!(weight.value.as_deref(), Some("2.3"));
    assert_eq!(weight.warnings, ["Low birth weight: refer to the health centre"]);
}
