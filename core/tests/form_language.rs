//! A form in Khmer and English over mini_export.json (child immunization, birth dose visit):
//! labels from the metadata's translations by language (`km` and `km_KH` are both Khmer, absent
//! translations fall back to the names as written), rule texts from CONTENT translations, values
//! shown in Khmer digits, and switching the language of an open form without reopening it.

mod form_support;

use form_support::*;
use phum_core::form::{FormError, FormSession, FormView, NewEventForm, Refusal};
use phum_core::i18n::{Lang, Locale, Localize};
use phum_core::model::Uid;
use phum_core::store::import::ImportSource;
use phum_core::store::Store;

const VACCINE: &str = "PhumDEVacc1";
const WEIGHT: &str = "PhumDEWeigh";
const KHMER_DIGITS: Locale = Locale { lang: Lang::Km, khmer_digits: true };

fn enrolled_child(store: &mut Store) -> Uid {
    let day = ymd(2026, 11, 18);
    let (reg, _) =
        FormSession::new_registration(store, uid("PhumImmProg"), uid("PhumHC00001"), day, day, &mini_ctx()).unwrap();
    reg.record_uid().unwrap()
}

fn birth_visit(store: &mut Store, locale: Locale) -> (FormSession, FormView) {
    let enrollment = enrolled_child(store);
    let new = NewEventForm {
        program: uid("PhumImmProg"),
        stage: uid("PhumStgBirt"),
        org_unit: uid("PhumHC00001"),
        enrollment: Some(enrollment),
        event_date: ymd(2026, 11, 19),
    };
    FormSession::new_event(store, new, &mini_ctx().with_locale(locale)).unwrap()
}

fn field<'v>(view: &'v FormView, key: &str) -> &'v phum_core::form::FieldView {
    view.fields.iter().find(|f| f.uid == key).unwrap()
}

/// mini_export.json with some of its text changed, imported into a store of its own.
fn mini_edited(edits: &[(&str, &str)]) -> (tempfile::TempDir, Store) {
    let mut text = std::fs::read_to_string(fixture("mini_export.json")).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "the fixture has {from}");
        text = text.replace(from, to);
    }
    store_with(vec![ImportSource::Bytes { name: "mini_export.json".into(), bytes: text.into_bytes() }])
}

#[test]
fn an_open_form_switches_language_and_digits_without_changing_its_values() {
    let (_dir, mut store) = mini();
    let (mut s, en) = birth_visit(&mut store, Locale::ENGLISH);
    assert_eq!(field(&en, VACCINE).label, "Which vaccine was given?");
    s.set_value(&mut store, VACCINE, Some("HEPB_BIRTH")).unwrap();
    s.set_value(&mut store, WEIGHT, Some("2.1")).unwrap();
    let en = s.view();
    assert_eq!(field(&en, WEIGHT).warnings, ["Low birth weight: refer to the health centre"]);
    assert_eq!(field(&en, VACCINE).shown.as_deref(), Some("Hepatitis B birth dose"));
    assert_eq!(field(&en, WEIGHT).shown.as_deref(), Some("2.1"));
    assert_eq!(field(&en, "eventDate").shown.as_deref(), Some("19 November 2026"));

    let km = s.set_locale(KHMER_DIGITS);
    assert_eq!(km.locale, KHMER_DIGITS);
    assert_eq!(km.title, "ការចាក់ថ្នាំបង្ការកុមារ - ការមកពិនិត្យដូសកំណើត");
    assert_eq!(field(&km, VACCINE).label, "តើបានចាក់វ៉ាក់សាំងអ្វី?");
    assert_eq!(field(&km, VACCINE).options[0].label, "បេ.សេ.ហ្សេ");
    assert_eq!(field(&km, VACCINE).shown.as_deref(), Some("រលាកថ្លើមប្រភេទបេ ដូសកំណើត"));
    assert_eq!(field(&km, "eventDate").label, "កាលបរិច្ឆេទចាក់ថ្នាំ");
    assert_eq!(field(&km, "eventDate").shown.as_deref(), Some("១៩ វិច្ឆិកា ២០២៦"));
    assert_eq!(km.sections[0].label, "ការមកពិនិត្យ");
    let weight = field(&km, WEIGHT);
    assert_eq!(weight.warnings, ["ទម្ងន់កំណើតទាប៖ បញ្ជូនទៅមណ្ឌលសុខភាព"], "the rule's CONTENT translation");
    assert_eq!(weight.warnings[0].message.id, "form-rule-text");
    assert_eq!((weight.value.as_deref(), weight.shown.as_deref()), (Some("2.1"), Some("២,១")));
    // Only what is shown changed: the values, the rules' outcome and the store are as they were.
    assert_eq!(
        en.fields.iter().map(|f| &f.value).collect::<Vec<_>>(),
        km.fields.iter().map(|f| &f.value).collect::<Vec<_>>()
    );
    assert_eq!((en.can_complete, en.completed), (km.can_complete, km.completed));
    assert_eq!(s.view(), km, "the session stays in the language it was switched to");
    s.set_value(&mut store, WEIGHT, Some("៣,៥")).unwrap();
    assert_eq!(field(&s.view(), WEIGHT).value.as_deref(), Some("3.5"), "typed as it is shown, stored in ASCII");
    assert!(field(&s.view(), WEIGHT).warnings.is_empty());

    let back = s.set_locale(Locale::ENGLISH);
    assert_eq!(field(&back, VACCINE).label, "Which vaccine was given?");
    assert_eq!(field(&back, WEIGHT).shown.as_deref(), Some("3.5"));
}

#[test]
fn refusals_and_read_only_reasons_follow_the_language_of_the_session() {
    let (dir, mut store) = mini();
    let (mut s, _) = birth_visit(&mut store, Locale::ENGLISH);
    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { ref reasons, .. } = err else { panic!("{err}") };
    assert_eq!(reasons[0], Refusal::MandatoryEmpty { field: VACCINE.into(), label: "Which vaccine was given?".into() });
    assert!(err.localized(Locale::ENGLISH).contains("is mandatory and empty"), "{err}");

    s.set_locale(Locale::KHMER);
    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { ref reasons, .. } = err else { panic!("{err}") };
    assert_eq!(
        reasons[0],
        Refusal::MandatoryEmpty {
            field: VACCINE.into(), label: "តើបានចាក់វ៉ាក់សាំងអ្វី?".into()
        }
    );
    let text = err.localized(Locale::KHMER);
    assert!(text.contains("'តើបានចាក់វ៉ាក់សាំងអ្វី?' ចាំបាច់ត្រូវបំពេញ"), "{text}");
    assert!(!text.contains("PhumDEVacc1"), "a health worker reads the field's label, not its UID: {text}");
    assert_eq!(err.message().id, "form-completion-refused");

    // A cancelled enrollment's visit opens read-only, and says why in the language shown.
    let event = s.record_uid().unwrap();
    let enrollment = store.data().event(event).unwrap().unwrap().enrollment.unwrap();
    phum_core::form::cancel_enrollment(&mut store, enrollment, &mini_ctx()).unwrap();
    let (mut visit, en) = FormSession::open_event(&mut store, event, &mini_ctx()).unwrap();
    let reason = en.read_only_reason.unwrap();
    assert_eq!(reason.message.id, "form-enrollment-not-active");
    assert!(reason.text.contains("is cancelled"), "{}", reason.text);
    let km = visit.set_locale(Locale::KHMER).read_only_reason.unwrap();
    assert_eq!(km.message, reason.message);
    assert!(km.text.contains("បានលុបចោល"), "{}", km.text);
}

#[test]
fn labels_read_km_kh_as_khmer_and_fall_back_to_the_names_as_written() {
    let (_dir, mut store) = mini_edited(&[
        // The vaccine's Khmer form name comes as km_KH; the weight has no translation at all.
        (
            r#"{"property": "FORM_NAME", "locale": "km", "value": "តើបានចាក់វ៉ាក់សាំងអ្វី?"}"#,
            r#"{"property": "FORM_NAME", "locale": "km_KH", "value": "តើបានចាក់វ៉ាក់សាំងអ្វី?"}"#,
        ),
        (r#""translations": [{"property": "NAME", "locale": "km", "value": "ទម្ងន់ (គ.ក)"}]"#, r#""translations": []"#),
        // The low birth weight warning's Khmer content comes as km_KH.
        (
            r#"{"property": "CONTENT", "locale": "km", "value": "ទម្ងន់កំណើតទាប៖"#,
            r#"{"property": "CONTENT", "locale": "km_KH", "value": "ទម្ងន់កំណើតទាប៖"#,
        ),
    ]);
    let (mut s, km) = birth_visit(&mut store, Locale::KHMER);
    assert_eq!(field(&km, VACCINE).label, "តើបានចាក់វ៉ាក់សាំងអ្វី?", "km_KH is Khmer");
    assert_eq!(field(&km, WEIGHT).label, "Weight (kg)", "no Khmer translation: the name as written");
    s.set_value(&mut store, VACCINE, Some("BCG")).unwrap();
    s.set_value(&mut store, WEIGHT, Some("2.1")).unwrap();
    assert_eq!(field(&s.view(), WEIGHT).warnings, ["ទម្ងន់កំណើតទាប៖ បញ្ជូនទៅមណ្ឌលសុខភាព"]);
    // English has an `en` FORM_NAME for the vaccine, and the content as written for the rule.
    let en = s.set_locale(Locale::ENGLISH);
    assert_eq!(field(&en, VACCINE).label, "Which vaccine was given?");
    assert_eq!(field(&en, WEIGHT).warnings, ["Low birth weight: refer to the health centre"]);
}

#[test]
fn a_record_date_without_a_label_in_metadata_takes_the_apps_words_in_the_language() {
    let (_dir, mut store) = mini_edited(&[
        (r#""executionDateLabel": "Vaccination date", "#, ""),
        (r#", {"property": "EXECUTION_DATE_LABEL", "locale": "km", "value": "កាលបរិច្ឆេទចាក់ថ្នាំ"}"#, ""),
    ]);
    let (mut s, en) = birth_visit(&mut store, Locale::ENGLISH);
    assert_eq!(field(&en, "eventDate").label, "Event date");
    assert_eq!(field(&s.set_locale(Locale::KHMER), "eventDate").label, "កាលបរិច្ឆេទព្រឹត្តិការណ៍");
}
