//! Builds a program's rule set from imported metadata (tests/fixtures/phum/mini_export.json) and
//! runs it: the mapping the Android app makes from SDK objects to engine objects, end to end.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use phum_core::expr::eval::VariableType;
use phum_core::model::value_type::RuleActionType;
use phum_core::model::Uid;
use phum_core::rules::load::{load_rule_set, LoadError};
use phum_core::rules::*;
use phum_core::store::import::ImportSource;
use phum_core::store::Store;

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn utc_at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    ymd(year, month, day).and_hms_opt(hour, minute, 0).unwrap().and_utc()
}

fn store() -> Store {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/mini_export.json");
    let mut store = Store::open_in_memory().unwrap();
    if let Err(e) = store.import_metadata(&[ImportSource::File(path)]) {
        panic!("{e}");
    }
    store
}

fn program() -> Uid {
    Uid::parse("PhumImmProg").unwrap()
}

fn birth_visit(values: &[(&str, &str)]) -> RuleEvent {
    RuleEvent {
        uid: "EvtBirth001".into(),
        program_stage: "PhumStgBirt".into(),
        program_stage_name: "Birth dose visit".into(),
        status: EventStatus::Active,
        event_date: Some(ymd(2026, 11, 20)),
        created: utc_at(2026, 11, 20, 8, 0),
        created_at_client: None,
        due_date: None,
        completed_date: None,
        org_unit: "PhumOUHC001".into(),
        org_unit_code: None,
        data_values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

#[test]
fn stored_rules_variables_and_constants_map_to_the_engine_model() {
    let set = load_rule_set(&store(), program(), None).unwrap();
    assert_eq!(set.rules.len(), 2);
    let low = set.rules.iter().find(|r| r.uid == "PhumPRLowWt").unwrap();
    assert_eq!(low.name, "Low birth weight");
    assert_eq!(low.priority, Some(1));
    assert!(low.condition.parsed.is_ok());
    assert_eq!(low.actions[0].field, "PhumDEWeigh");
    assert_eq!(low.actions[0].action_type(), Some(RuleActionType::ShowWarning));
    let hide = set.rules.iter().find(|r| r.uid == "PhumPRNoBCG").unwrap();
    assert_eq!(hide.program_stage.as_deref(), Some("PhumStgBirt"));
    assert!(hide.actions[0].data.is_none(), "HIDEFIELD carries no data expression");

    let weight = set.variables.iter().find(|v| v.name == "weight").unwrap();
    assert_eq!(weight.value_type, VariableType::Number);
    assert_eq!(
        weight.source,
        VariableSource::NewestEventInStage { data_element: "PhumDEWeigh".into(), program_stage: "PhumStgBirt".into() }
    );
    let vaccine = set.variables.iter().find(|v| v.name == "vaccine").unwrap();
    assert_eq!(vaccine.value_type, VariableType::Text);
    assert_eq!(vaccine.options.len(), 3);
    assert!(vaccine.options.contains(&RuleOption { code: "HEPB_BIRTH".into(), name: "Hepatitis B birth dose".into() }));

    assert_eq!(set.constants, vec![("PhumConLBW1".to_string(), "2.5".to_string())]);
}

#[test]
fn a_low_birth_weight_visit_gets_the_warning_in_khmer() {
    let set = load_rule_set(&store(), program(), Some("km")).unwrap();
    let engine = RuleEngine::new(set);
    let visit = birth_visit(&[("PhumDEVacc1", "BCG"), ("PhumDEWeigh", "2.1")]);
    let out = engine.evaluate_event(&visit, None, &[], &Supplementary::default(), ymd(2026, 11, 20));
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.effects.len(), 1);
    let warning = &out.effects[0];
    assert_eq!(warning.action_type, RuleActionType::ShowWarning);
    assert_eq!(warning.field, "PhumDEWeigh");
    assert_eq!(warning.content.as_deref(), Some("ទម្ងន់កំណើតទាប៖ បញ្ជូនទៅមណ្ឌលសុខភាព"));
    assert_eq!(warning.data.as_deref(), Some(""));
}

#[test]
fn a_visit_without_a_vaccine_hides_the_weight() {
    let engine = RuleEngine::new(load_rule_set(&store(), program(), None).unwrap());
    let out = engine.evaluate_event(&birth_visit(&[]), None, &[], &Supplementary::default(), ymd(2026, 11, 20));
    let kinds: Vec<(RuleActionType, &str)> = out.effects.iter().map(|e| (e.action_type, e.field.as_str())).collect();
    assert_eq!(kinds, vec![(RuleActionType::HideField, "PhumDEWeigh")]);
}

#[test]
fn an_unknown_program_is_a_specific_error() {
    let err = load_rule_set(&store(), Uid::parse("NoSuchProgr").unwrap(), None).unwrap_err();
    assert!(matches!(err, LoadError::ProgramNotFound(_)), "{err}");
}
