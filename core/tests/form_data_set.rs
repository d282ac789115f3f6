//! The village monthly report of mini_export.json as a data set form: the grid of data elements x
//! category option combos, period openness (future, expired, outside the data input window),
//! aggregate validation rules refusing completion, and completion recorded.

mod form_support;

use chrono::NaiveDate;
use form_support::*;
use phum_core::form::{FormContext, FormError, FormSession, GridCell, ReadOnlyReason, Refusal};
use phum_core::store::data::aggregate::FormKey;
use phum_core::store::import::ImportSource;

const MALE: &str = "PhumDEChild.PhumCOCMale";
const FEMALE: &str = "PhumDEChild.PhumCOCFeml";

/// mini_export plus one validation rule that values can violate: at most 50 children a month.
fn store() -> (tempfile::TempDir, phum_core::store::Store) {
    let rule = r##"{"validationRules": [{"id": "PhumVRMax50", "name": "At most 50 children vaccinated a month",
        "instruction": "Check the tally sheet", "operator": "less_than_or_equal_to", "periodType": "Monthly",
        "leftSide": {"expression": "#{PhumDEChild}", "missingValueStrategy": "SKIP_IF_ALL_VALUES_MISSING"},
        "rightSide": {"expression": "50", "missingValueStrategy": "NEVER_SKIP"},
        "translations": [{"property": "NAME", "locale": "km_KH", "value": "កុមារចាក់វ៉ាក់សាំងមិនលើស ៥០ នាក់ក្នុងមួយខែ"},
                         {"property": "INSTRUCTION", "locale": "km", "value": "សូមពិនិត្យសន្លឹករាប់"}]}]}"##;
    store_with(vec![
        ImportSource::File(fixture("mini_export.json")),
        ImportSource::Bytes { name: "max50.json".into(), bytes: rule.as_bytes().to_vec() },
    ])
}

fn ctx(today: NaiveDate) -> FormContext {
    FormContext::new(on(today)).with_capture_org_units(vec![uid("PhumProv001")])
}

fn open(store: &mut phum_core::store::Store, period: &str, today: NaiveDate) -> Result<FormSession, FormError> {
    FormSession::open_data_set(store, uid("PhumVhsgRep"), uid("PhumHC00001"), period, None, &ctx(today)).map(|(s, _)| s)
}

#[test]
fn the_grid_has_one_cell_per_data_element_and_category_option_combo() {
    let (_dir, mut store) = store();
    let (_, view) = FormSession::open_data_set(
        &mut store,
        uid("PhumVhsgRep"),
        uid("PhumHC00001"),
        "202611",
        None,
        &ctx(TODAY).with_locale(phum_core::i18n::Locale::KHMER),
    )
    .unwrap();
    assert_eq!(view.fields.iter().map(|f| f.uid.as_str()).collect::<Vec<_>>(), [MALE, FEMALE]);
    assert_eq!(view.fields[0].label, "Children vaccinated (ប្រុស)");
    // Its row and column apart, for a screen that lays the grid out.
    let cells: Vec<_> = view.fields.iter().map(|f| f.cell.clone().unwrap()).collect();
    assert_eq!(
        cells,
        [
            GridCell { row: "Children vaccinated".into(), column: Some("ប្រុស".into()) },
            GridCell { row: "Children vaccinated".into(), column: Some("ស្រី".into()) },
        ]
    );
    assert!(view.fields.iter().all(|f| f.editable && !f.hidden && f.value.is_none()));
    assert_eq!(view.sections[0].fields, [MALE, FEMALE]);
    // The section asks for row totals (showRowTotals), not column totals.
    assert_eq!((view.sections[0].row_totals, view.sections[0].column_totals), (true, false));
    assert_eq!(view.read_only_reason, None);
    assert!(view.title.starts_with("របាយការណ៍ប្រចាំខែ"), "{}", view.title);
}

#[test]
fn a_period_and_cell_values_typed_in_khmer_digits_are_read_as_ascii() {
    let (_dir, mut store) = store();
    let mut s = open(&mut store, "២០២៦១១", TODAY).unwrap();
    assert_eq!(
        serde_json::to_value(&s.view().record).unwrap()["period"],
        "202611",
        "the form is the one of November 2026"
    );
    let changes = s.set_value(&mut store, MALE, Some("១២")).unwrap();
    assert_eq!(changes.field(MALE).unwrap().value.as_deref(), Some("12"));
}

#[test]
fn a_violated_validation_rule_refuses_completion_until_the_values_are_fixed() {
    let (dir, mut store) = store();
    let mut s = open(&mut store, "202611", TODAY).unwrap();
    s.set_value(&mut store, MALE, Some("30")).unwrap();
    let changes = s.set_value(&mut store, FEMALE, Some("25")).unwrap();
    assert_eq!(changes.fields.len(), 1);
    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    assert_eq!(
        reasons,
        [Refusal::ValidationRule {
            rule: uid("PhumVRMax50"),
            name: "At most 50 children vaccinated a month".into(),
            instruction: Some("Check the tally sheet".into()),
            // `#{PhumDEChild}` reads both cells of the data element.
            fields: vec![MALE.into(), FEMALE.into()],
        }]
    );
    // In Khmer, the rule's translated name and instruction.
    s.set_locale(phum_core::i18n::Locale::KHMER);
    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    assert_eq!(
        reasons,
        [Refusal::ValidationRule {
            rule: uid("PhumVRMax50"),
            name: "កុមារចាក់វ៉ាក់សាំងមិនលើស ៥០ នាក់ក្នុងមួយខែ".into(),
            instruction: Some("សូមពិនិត្យសន្លឹករាប់".into()),
            fields: vec![MALE.into(), FEMALE.into()],
        }]
    );
    s.set_value(&mut store, FEMALE, Some("5")).unwrap();
    assert_eq!(s.complete(&mut store).unwrap().completed, Some(true));
    let key = FormKey {
        data_set: uid("PhumVhsgRep"),
        period: "202611".into(),
        org_unit: uid("PhumHC00001"),
        attribute_option_combo: uid("PhumDefCOC1"),
    };
    assert!(store.data().is_complete(&key).unwrap());
    let values = store.data().aggregate_values("202611", uid("PhumHC00001"), uid("PhumDefCOC1")).unwrap();
    assert_eq!(values.iter().map(|v| v.value.clone().unwrap()).collect::<Vec<_>>(), ["5", "30"]);
    let (_, view) =
        FormSession::open_data_set(&mut store, uid("PhumVhsgRep"), uid("PhumHC00001"), "202611", None, &ctx(TODAY))
            .unwrap();
    assert!(view.completed);
}

#[test]
fn a_period_outside_its_data_input_window_is_read_only_and_refuses_values() {
    let (dir, mut store) = store();
    // 202610 is not expired on 10 November (15 days of grace), but has no data input window.
    let mut s = open(&mut store, "202610", ymd(2026, 11, 10)).unwrap();
    assert!(s.view().read_only_reason.is_some());
    assert!(s.view().fields.iter().all(|f| !f.editable));
    let err = refused(&dir, || s.set_value(&mut store, MALE, Some("3")));
    assert!(matches!(err, FormError::PeriodClosed { ref period, .. } if period == "202610"), "{err}");
    let err = refused(&dir, || s.complete(&mut store));
    assert!(matches!(err, FormError::PeriodClosed { .. }), "{err}");
}

#[test]
fn an_expired_period_refuses_values() {
    let (dir, mut store) = store();
    let mut s = open(&mut store, "202611", ymd(2026, 12, 20)).unwrap();
    let err = refused(&dir, || s.set_value(&mut store, MALE, Some("3")));
    assert!(
        matches!(err, FormError::PeriodExpired { expired_on, .. } if expired_on == chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()),
        "{err}"
    );
    // On the last day of the grace the period still takes values.
    let mut s = open(&mut store, "202611", ymd(2026, 12, 15)).unwrap();
    s.set_value(&mut store, MALE, Some("3")).unwrap();
}

#[test]
fn a_future_period_refuses_values_and_a_bad_period_is_refused_on_open() {
    let (dir, mut store) = store();
    let mut s = open(&mut store, "202612", TODAY).unwrap();
    let err = refused(&dir, || s.set_value(&mut store, MALE, Some("3")));
    assert!(matches!(err, FormError::PeriodInFuture { open_future_periods: 0, .. }), "{err}");
    for bad in ["2026W47", "2026", "202613", "next month"] {
        let err = refused(&dir, || open(&mut store, bad, TODAY));
        assert!(matches!(err, FormError::InvalidPeriod { .. }), "{bad}: {err}");
    }
}

#[test]
fn cells_refuse_values_of_the_wrong_type_and_unknown_cells() {
    let (dir, mut store) = store();
    let mut s = open(&mut store, "202611", TODAY).unwrap();
    let err = refused(&dir, || s.set_value(&mut store, MALE, Some("-3")));
    assert!(matches!(err, FormError::InvalidValue { .. }), "{err}");
    for field in ["PhumDEChild", "PhumDEChild.PhumDefCOC1", "PhumDEWeigh.PhumCOCMale"] {
        let err = refused(&dir, || s.set_value(&mut store, field, Some("3")));
        assert!(matches!(err, FormError::UnknownField { .. }), "{field}: {err}");
    }
}

#[test]
fn scope_and_attribute_option_combo_are_checked_on_open() {
    let (dir, mut store) = store();
    let other = FormContext::new(on(TODAY)).with_capture_org_units(vec![uid("PhumHC00001")]);
    FormSession::open_data_set(&mut store, uid("PhumVhsgRep"), uid("PhumHC00001"), "202611", None, &other).unwrap();
    let err = refused(&dir, || {
        FormSession::open_data_set(&mut store, uid("PhumVhsgRep"), uid("PhumProv001"), "202611", None, &ctx(TODAY))
    });
    assert!(matches!(err, FormError::OrgUnitOutOfScope { .. }), "{err}");
    let err = refused(&dir, || {
        FormSession::open_data_set(
            &mut store,
            uid("PhumVhsgRep"),
            uid("PhumHC00001"),
            "202611",
            Some(uid("PhumCOCMale")),
            &ctx(TODAY),
        )
    });
    assert!(matches!(err, FormError::InvalidAttributeOptionCombo { .. }), "{err}");
}

#[test]
fn two_sessions_on_the_same_report_the_second_writer_is_refused() {
    let (dir, mut store) = store();
    let mut a = open(&mut store, "202611", TODAY).unwrap();
    let mut b = open(&mut store, "202611", TODAY).unwrap();
    a.set_value(&mut store, MALE, Some("4")).unwrap();
    let err = refused(&dir, || b.set_value(&mut store, FEMALE, Some("6")));
    assert!(matches!(err, FormError::ChangedElsewhere { .. }), "{err}");
}

#[test]
fn a_greyed_cell_is_shown_not_editable_refuses_values_and_is_not_required_to_complete() {
    // The section greys the girls' cell, and the data set makes both cells compulsory.
    let mut export: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("mini_export.json")).unwrap()).unwrap();
    export["sections"][0]["greyedFields"] =
        serde_json::json!([{"dataElement": {"id": "PhumDEChild"}, "categoryOptionCombo": {"id": "PhumCOCFeml"}}]);
    export["dataSets"][0]["compulsoryDataElementOperands"] =
        serde_json::json!([{"dataElement": {"id": "PhumDEChild"}}]);
    let (dir, mut store) =
        store_with(vec![ImportSource::Bytes { name: "greyed.json".into(), bytes: export.to_string().into_bytes() }]);
    let mut s = open(&mut store, "202611", TODAY).unwrap();
    let editable: Vec<(String, bool)> = s.view().fields.iter().map(|f| (f.uid.clone(), f.editable)).collect();
    assert_eq!(editable, [(MALE.to_string(), true), (FEMALE.to_string(), false)]);
    let err = refused(&dir, || s.set_value(&mut store, FEMALE, Some("3")));
    assert!(
        matches!(err, FormError::ReadOnlyField { ref field, why: ReadOnlyReason::GreyedCell, .. } if field == FEMALE),
        "{err}"
    );
    // Only the boys' cell is missing; once it is there the report completes.
    let err = refused(&dir, || s.complete(&mut store));
    let FormError::CompletionRefused { reasons, .. } = err else { panic!("{err}") };
    assert!(matches!(reasons.as_slice(), [Refusal::MandatoryEmpty { field, .. }] if field == MALE), "{reasons:?}");
    s.set_value(&mut store, MALE, Some("4")).unwrap();
    assert_eq!(s.complete(&mut store).unwrap().completed, Some(true));
}
