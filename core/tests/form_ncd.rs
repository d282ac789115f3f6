//! A realistic NCD program (tests/fixtures/phum/ncd_program.json): registration of an adult, then
//! a follow-up visit with BMI assigned by a rule, a hypertension warning that also makes the
//! referral mandatory, an error on complete when systolic < diastolic, the pregnancy question
//! hidden for men, counselling topics chosen by age, and a hidden option that clears its value.

mod form_support;

use form_support::*;
use phum_core::form::{FormError, FormSession, FormView, NewEventForm, Refusal};
use phum_core::model::value_type::EventStatus;
use phum_core::model::Uid;
use phum_core::store::Store;

const HEIGHT: &str = "NcdDEHeight";
const WEIGHT: &str = "NcdDEWeight";
const BMI: &str = "NcdDEBmi001";
const SYSTOLIC: &str = "NcdDESystol";
const DIASTOLIC: &str = "NcdDEDiasto";
const PREGNANT: &str = "NcdDEPregnt";
const TOPIC: &str = "NcdDETopic1";
const REFERRAL: &str = "NcdDERefer1";

fn register(store: &mut Store, name: &str, sex: &str, dob: &str) -> Uid {
    register_ncd(store, &[("NcdTEAName1", name), ("NcdTEASex01", sex), ("NcdTEADob01", dob)])
}

fn visit(store: &mut Store, enrollment: Uid) -> (FormSession, FormView) {
    new_ncd_visit(store, enrollment).unwrap()
}

fn field<'a>(view: &'a FormView, key: &str) -> &'a phum_core::form::FieldView {
    view.fields.iter().find(|f| f.uid == key).unwrap()
}

fn stored(store: &Store, event: Uid, key: &str) -> Option<String> {
    store.data().data_values(event).unwrap().into_iter().find(|(de, _)| de.as_str() == key).map(|(_, v)| v)
}

#[test]
fn bmi_is_calculated_assigned_saved_and_read_only() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut s, _) = visit(&mut store, enr);
    let event = s.record_uid().unwrap();
    s.set_value(&mut store, HEIGHT, Some("170")).unwrap();
    let changes = s.set_value(&mut store, WEIGHT, Some("70")).unwrap();
    let bmi = changes.field(BMI).expect("BMI changes with the weight");
    assert_eq!(bmi.value.as_deref(), Some("24.2"));
    assert!(!bmi.editable, "an assigned field is read-only");
    assert_eq!(stored(&store, event, BMI).as_deref(), Some("24.2"), "the rule-made value is saved");
    let err = refused(&dir, || s.set_value(&mut store, BMI, Some("30")));
    assert!(matches!(err, FormError::ReadOnlyField { ref field, .. } if field == BMI), "{err}");

    let changes = s.set_value(&mut store, WEIGHT, Some("80")).unwrap();
    assert_eq!(changes.field(BMI).unwrap().value.as_deref(), Some("27.7"));
}

#[test]
fn khmer_digits_are_accepted_and_stored_as_ascii() {
    let (_dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut s, _) = visit(&mut store, enr);
    let changes = s.set_value(&mut store, SYSTOLIC, Some("១២០")).unwrap();
    assert_eq!(changes.field(SYSTOLIC).unwrap().value.as_deref(), Some("120"));
    assert_eq!(stored(&store, s.record_uid().unwrap(), SYSTOLIC).as_deref(), Some("120"));
}

#[test]
fn a_phone_number_typed_in_khmer_digits_is_accepted_stored_in_ascii_and_found_by_search() {
    use phum_core::search::query::{search, search_target, MatchMode, SearchOptions, SearchScope};
    let (_dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut reg, _) = FormSession::open_registration(&mut store, enr, &ncd_ctx()).unwrap();
    let changes = reg.set_value(&mut store, "NcdTEAPhone", Some("០១២ ៣៤៥ ៦៧៨")).unwrap();
    assert_eq!(changes.field("NcdTEAPhone").unwrap().value.as_deref(), Some("012 345 678"));
    let person = store.data().enrollment(enr).unwrap().unwrap().tracked_entity;
    let stored = store.data().attribute_values(person).unwrap();
    assert!(stored.iter().any(|(a, v)| a.as_str() == "NcdTEAPhone" && v == "012 345 678"), "{stored:?}");
    let target = search_target(&store, SearchScope::Program(uid("NcdProgram1"))).unwrap();
    let options = SearchOptions { mode: MatchMode::Prefix, limit: 5, org_units: vec![] };
    let hits = search(&store.data(), &target, "+855 12 345", &options).unwrap();
    assert_eq!(hits.hits.iter().map(|h| h.tracked_entity).collect::<Vec<_>>(), [person]);
}

#[test]
fn high_blood_pressure_warns_and_makes_the_referral_mandatory_for_completion() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut s, _) = visit(&mut store, enr);
    let changes = s.set_value(&mut store, SYSTOLIC, Some("150")).unwrap();
    assert_eq!(changes.field(SYSTOLIC).unwrap().warnings, ["Blood pressure 140 or more: measure again and refer"]);
    assert!(changes.field(REFERRAL).unwrap().mandatory);

    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    let empty: Vec<&str> = reasons
        .iter()
        .filter_map(|r| match r {
            Refusal::MandatoryEmpty { field, .. } => Some(field.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(empty, [DIASTOLIC, REFERRAL]);

    s.set_value(&mut store, DIASTOLIC, Some("95")).unwrap();
    s.set_value(&mut store, REFERRAL, Some("HTN")).unwrap();
    s.complete(&mut store).unwrap();
    assert_eq!(store.data().event(s.record_uid().unwrap()).unwrap().unwrap().status, EventStatus::Completed);
}

#[test]
fn systolic_below_diastolic_is_an_error_on_complete() {
    let (dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut s, _) = visit(&mut store, enr);
    s.set_value(&mut store, SYSTOLIC, Some("80")).unwrap();
    let changes = s.set_value(&mut store, DIASTOLIC, Some("120")).unwrap();
    assert_eq!(changes.can_complete, Some(false));
    assert_eq!(changes.field(DIASTOLIC).unwrap().errors, ["Systolic must be higher than diastolic"]);
    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    assert!(reasons.contains(&Refusal::ErrorOnComplete {
        message: phum_core::msg!("form-rule-text", text = "Systolic must be higher than diastolic")
    }));
}

#[test]
fn a_rule_error_on_a_field_blocks_completion() {
    let (_dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut s, _) = visit(&mut store, enr);
    s.set_value(&mut store, SYSTOLIC, Some("120")).unwrap();
    s.set_value(&mut store, DIASTOLIC, Some("80")).unwrap();
    let changes = s.set_value(&mut store, WEIGHT, Some("350")).unwrap();
    assert_eq!(changes.field(WEIGHT).unwrap().errors, ["Weight over 300 kg: check the scale"]);
    let Err(FormError::CompletionRefused { reasons, .. }) = s.complete(&mut store) else { panic!("must refuse") };
    assert_eq!(
        reasons,
        [Refusal::FieldError {
            field: WEIGHT.into(),
            label: "Weight (kg)".into(),
            message: phum_core::msg!("form-rule-text", text = "Weight over 300 kg: check the scale")
        }]
    );
    s.set_value(&mut store, WEIGHT, Some("65")).unwrap();
    s.complete(&mut store).unwrap();
}

#[test]
fn the_pregnancy_question_is_hidden_for_men_and_shown_for_women() {
    let (_dir, mut store) = ncd();
    let man = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let woman = register(&mut store, "Srey Mom", "F", "1990-02-14");
    let (_, view) = visit(&mut store, man);
    assert!(field(&view, PREGNANT).hidden);
    let (mut s, view) = visit(&mut store, woman);
    assert!(!field(&view, PREGNANT).hidden);
    s.set_value(&mut store, PREGNANT, Some("true")).unwrap();
}

#[test]
fn a_stored_pregnancy_answer_is_cleared_when_the_person_turns_out_to_be_a_man() {
    let (_dir, mut store) = ncd();
    let enr = register(&mut store, "Sok Pheap", "F", "1990-02-14");
    let (mut s, _) = visit(&mut store, enr);
    s.set_value(&mut store, PREGNANT, Some("false")).unwrap();
    let event = s.record_uid().unwrap();
    let (mut reg, _) = FormSession::open_registration(&mut store, enr, &ncd_ctx()).unwrap();
    reg.set_value(&mut store, "NcdTEASex01", Some("M")).unwrap();
    let (_, view) = FormSession::open_event(&mut store, event, &ncd_ctx()).unwrap();
    assert!(field(&view, PREGNANT).hidden);
    assert_eq!(field(&view, PREGNANT).value, None);
    assert_eq!(stored(&store, event, PREGNANT), None, "opening the form saves what the rules cleared");
}

#[test]
fn counselling_topics_follow_the_age_group() {
    let (_dir, mut store) = ncd();
    let adult = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let youth = register(&mut store, "Vann Sokha", "M", "2010-03-01");
    let codes = |v: &FormView| field(v, TOPIC).options.iter().map(|o| o.code.clone()).collect::<Vec<_>>();
    let (_, view) = visit(&mut store, adult);
    assert_eq!(codes(&view), ["SMOKING", "ALCOHOL", "DIET"]);
    let (mut s, view) = visit(&mut store, youth);
    assert_eq!(codes(&view), ["DIET", "SCHOOL"]);
    let err = s.set_value(&mut store, TOPIC, Some("SMOKING")).unwrap_err();
    assert!(matches!(err, FormError::OptionHidden { ref code, .. } if code == "SMOKING"), "{err}");
}

#[test]
fn a_chosen_option_that_becomes_hidden_is_cleared_and_saved() {
    let (_dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut s, _) = visit(&mut store, enr);
    let event = s.record_uid().unwrap();
    s.set_value(&mut store, SYSTOLIC, Some("150")).unwrap();
    s.set_value(&mut store, DIASTOLIC, Some("85")).unwrap();
    s.set_value(&mut store, REFERRAL, Some("HTN")).unwrap();
    let changes = s.set_value(&mut store, SYSTOLIC, Some("130")).unwrap();
    let referral = changes.field(REFERRAL).unwrap();
    assert_eq!(referral.value, None);
    assert!(!referral.options.iter().any(|o| o.code == "HTN"));
    assert!(!referral.mandatory, "the referral is no longer mandatory");
    assert_eq!(stored(&store, event, REFERRAL), None);
    assert_eq!(stored(&store, event, SYSTOLIC).as_deref(), Some("130"));
}

#[test]
fn the_registration_form_lists_the_program_attributes_in_sections_and_refuses_to_complete_without_them() {
    let (dir, mut store) = ncd();
    let (mut reg, view) = FormSession::new_registration(
        &mut store,
        uid("NcdProgram1"),
        uid("NcdHCentre1"),
        ymd(2026, 11, 1),
        ymd(2026, 11, 1),
        &ncd_ctx().with_locale(phum_core::i18n::Locale::KHMER),
    )
    .unwrap();
    assert_eq!(
        view.fields.iter().map(|f| f.uid.as_str()).collect::<Vec<_>>(),
        ["enrollmentDate", "NcdTEAName1", "NcdTEASex01", "NcdTEADob01", "NcdTEAPhone", "NcdTEANatId"]
    );
    assert_eq!(view.fields[1].label, "ឈ្មោះពេញ");
    assert_eq!(view.fields[2].options[1].label, "ស្រី");
    assert_eq!(view.sections.iter().map(|s| s.uid.as_str()).collect::<Vec<_>>(), ["NcdPSecIdnt", "NcdPSecCont"]);
    let err = refused(&dir, || reg.complete(&mut store));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    assert_eq!(reasons.len(), 3, "{reasons:?}");

    let changes = reg.set_value(&mut store, "NcdTEADob01", Some("2015-06-01")).unwrap();
    assert_eq!(changes.field("NcdTEADob01").unwrap().warnings, ["NCD screening starts at 15 years"]);
    reg.set_value(&mut store, "NcdTEAName1", Some("វណ្ណ សុខា")).unwrap();
    reg.set_value(&mut store, "NcdTEASex01", Some("M")).unwrap();
    reg.complete(&mut store).unwrap();
    // Registering ends the form, not the follow-up: the enrollment stays active for its visits,
    // and its auto-generated visits are created.
    let enrollment = store.data().enrollment(reg.record_uid().unwrap()).unwrap().unwrap();
    assert_eq!(enrollment.status, phum_core::model::value_type::EnrollmentStatus::Active);
    let stages = store.children::<phum_core::model::ProgramStage>(enrollment.program).unwrap();
    let generated = stages.iter().filter(|s| s.auto_generate_event).count();
    assert_eq!(store.data().events_of_enrollment(enrollment.uid).unwrap().len(), generated);
}

#[test]
fn rules_see_earlier_visits_but_not_scheduled_or_future_ones() {
    use phum_core::form::MessageKind;
    use phum_core::store::data::tracker::NewEvent;
    let (_dir, mut store) = ncd();
    let enr = register(&mut store, "Chan Dara", "M", "1970-05-01");
    let (mut earlier, _) = FormSession::new_event(
        &mut store,
        NewEventForm {
            program: uid("NcdProgram1"),
            stage: uid("NcdStgVisit"),
            org_unit: uid("NcdHCentre1"),
            enrollment: Some(enr),
            event_date: ymd(2026, 11, 10),
        },
        &ncd_ctx(),
    )
    .unwrap();
    earlier.set_value(&mut store, SYSTOLIC, Some("150")).unwrap();
    // A scheduled visit (with a value, to prove it is left out) and one dated after today.
    for (status, day) in [(EventStatus::Schedule, ymd(2026, 11, 15)), (EventStatus::Active, ymd(2026, 11, 25))] {
        store
            .write(|d| {
                let ev = d.insert_event(
                    &NewEvent {
                        enrollment: Some(enr),
                        program: uid("NcdProgram1"),
                        program_stage: uid("NcdStgVisit"),
                        org_unit: uid("NcdHCentre1"),
                        status,
                        event_date: Some(day),
                        due_date: Some(day),
                        attribute_option_combo: None,
                    },
                    on(TODAY).now(),
                )?;
                d.set_data_value(ev.uid, uid(SYSTOLIC), Some("200"), on(TODAY).now())
            })
            .unwrap();
    }
    let (_, view) = visit(&mut store, enr);
    let texts: Vec<(&str, Option<&str>)> = view
        .messages
        .iter()
        .filter(|m| m.kind == MessageKind::Text)
        .map(|m| (m.text.as_str(), m.location.as_deref()))
        .collect();
    assert_eq!(texts, [("Systolic at the last visit: 150", Some("feedback"))]);
}
