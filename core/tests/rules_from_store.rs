//! Builds a program's rule set from imported metadata (tests/fixtures/phum/mini_export.json) and
//! runs it: the mapping the Android app makes from SDK objects to engine objects, end to end.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use phum_core::expr::eval::VariableType;
use phum_core::model::value_type::RuleActionType;
use phum_core::model::Uid;
use phum_core::rules;
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
    let set = load_rule_set(&store(), program(), Some(phum_core::i18n::Lang::Km)).unwrap();
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

/// The mini export with `mutate` applied, imported into a fresh store.
fn store_with(mutate: impl FnOnce(&mut serde_json::Value)) -> Store {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/mini_export.json");
    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    mutate(&mut doc);
    let mut store = Store::open_in_memory().unwrap();
    let bytes = serde_json::to_vec(&doc).unwrap();
    if let Err(e) = store.import_metadata(&[ImportSource::Bytes { name: "mutated.json".into(), bytes }]) {
        panic!("{e}");
    }
    store
}

fn push(doc: &mut serde_json::Value, collection: &str, item: serde_json::Value) {
    doc[collection].as_array_mut().unwrap().push(item);
}

/// A rule of the program with the given actions (stored beside it, as a flat export lists them).
fn add_rule(
    doc: &mut serde_json::Value,
    uid: &str,
    stage: Option<&str>,
    priority: i64,
    condition: &str,
    actions: Vec<serde_json::Value>,
) {
    let ids: Vec<serde_json::Value> = actions.iter().map(|a| serde_json::json!({"id": a["id"]})).collect();
    let mut rule = serde_json::json!({"id": uid, "name": uid, "program": {"id": "PhumImmProg"}, "condition": condition,
        "priority": priority, "programRuleActions": ids});
    if let Some(s) = stage {
        rule["programStage"] = serde_json::json!({"id": s});
    }
    push(doc, "programRules", rule);
    for mut a in actions {
        a["programRule"] = serde_json::json!({"id": uid});
        push(doc, "programRuleActions", a);
    }
}

fn enrollment() -> RuleEnrollment {
    RuleEnrollment {
        uid: "EnrChild001".into(),
        program_name: "Child immunization".into(),
        incident_date: ymd(2026, 11, 1),
        enrollment_date: ymd(2026, 11, 1),
        status: EnrollmentStatus::Active,
        org_unit: "PhumOUHC001".into(),
        org_unit_code: None,
        attribute_values: Vec::new(),
    }
}

#[test]
fn a_calculated_value_that_names_a_data_element_is_kept_and_read_by_hide_rules() {
    // The immunization-package pattern: a CALCULATED_VALUE variable naming a data element,
    // assigned only in one stage, read by a "hide dose" rule as `!#{flag}`.
    let store = store_with(|doc| {
        push(
            doc,
            "programRuleVariables",
            serde_json::json!({"id": "PhumPRVFlag", "name": "bcg_given",
            "program": {"id": "PhumImmProg"}, "programRuleVariableSourceType": "CALCULATED_VALUE",
            "dataElement": {"id": "PhumDEVacc1"}, "valueType": "BOOLEAN"}),
        );
        add_rule(
            doc,
            "PhumPRSetFl",
            Some("PhumStgBirt"),
            1,
            "d2:hasValue(#{vaccine})",
            vec![serde_json::json!(
            {"id": "PhumPRASetF", "programRuleActionType": "ASSIGN", "content": "#{bcg_given}", "data": "true"})],
        );
        add_rule(
            doc,
            "PhumPRHideD",
            None,
            2,
            "true && !#{bcg_given}",
            vec![serde_json::json!(
            {"id": "PhumPRAHidD", "programRuleActionType": "HIDEFIELD", "dataElement": {"id": "PhumDEWeigh"}})],
        );
    });
    let set = load_rule_set(&store, program(), None).unwrap();
    let flag = set.variables.iter().find(|v| v.name == "bcg_given").expect("the app keeps it");
    assert_eq!(flag.source, VariableSource::Calculated);
    assert_eq!(flag.value_type, VariableType::Text, "the app types every calculated value as TEXT");
    let engine = RuleEngine::new(set);
    let today = ymd(2026, 11, 20);

    // The enrollment pass: the flag is never assigned there, so the dose is hidden.
    let out = engine.evaluate_enrollment(&enrollment(), &[], &Supplementary::default(), today);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let hides: Vec<&str> =
        out.effects.iter().filter(|e| e.rule_uid == "PhumPRHideD").map(|e| e.field.as_str()).collect();
    assert_eq!(hides, vec!["PhumDEWeigh"]);

    // A birth visit with a vaccine assigns the flag first, so nothing is hidden by that rule.
    let visit = birth_visit(&[("PhumDEVacc1", "BCG")]);
    let out = engine.evaluate_event(&visit, Some(&enrollment()), &[], &Supplementary::default(), today);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert!(out.effects.iter().all(|e| e.rule_uid != "PhumPRHideD"), "{:?}", out.effects);
}

#[test]
fn variables_are_kept_by_what_they_name_and_typed_by_their_source_as_the_app_does() {
    let store = store_with(|doc| {
        let var = |id: &str, name: &str, source: &str, extra: serde_json::Value| {
            let mut v = serde_json::json!({"id": id, "name": name, "program": {"id": "PhumImmProg"},
                "programRuleVariableSourceType": source});
            for (k, x) in extra.as_object().unwrap() {
                v[k] = x.clone();
            }
            v
        };
        let vars = [
            var(
                "PhumPRVMiss",
                "not_here",
                "DATAELEMENT_CURRENT_EVENT",
                serde_json::json!({"dataElement": {"id": "PhumMissDE1"}}),
            ),
            var(
                "PhumPRVCMis",
                "calc_missing",
                "CALCULATED_VALUE",
                serde_json::json!({"trackedEntityAttribute": {"id": "PhumMissTEA"}}),
            ),
            var("PhumPRVNoDE", "no_field", "DATAELEMENT_NEWEST_EVENT_PROGRAM", serde_json::json!({})),
            var(
                "PhumPRVNoSt",
                "no_stage",
                "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE",
                serde_json::json!({"dataElement": {"id": "PhumDEWeigh"}}),
            ),
            var(
                "PhumPRVAtDE",
                "attr_names_de",
                "TEI_ATTRIBUTE",
                serde_json::json!({"dataElement": {"id": "PhumDEWeigh"}}),
            ),
            var(
                "PhumPRVDeAt",
                "de_names_attr",
                "DATAELEMENT_CURRENT_EVENT",
                serde_json::json!({"trackedEntityAttribute": {"id": "PhumTEASex1"}}),
            ),
            var(
                "PhumPRVName",
                "vaccine_name",
                "DATAELEMENT_PREVIOUS_EVENT",
                serde_json::json!({"dataElement": {"id": "PhumDEVacc1"}, "useCodeForOptionSet": false}),
            ),
        ];
        for v in vars {
            push(doc, "programRuleVariables", v);
        }
    });
    let set = load_rule_set(&store, program(), None).unwrap();
    let find = |name: &str| set.variables.iter().find(|v| v.name == name);
    assert!(find("not_here").is_none(), "its data element is not on the device");
    assert!(find("calc_missing").is_none(), "its attribute is not on the device");
    assert!(find("no_field").is_none(), "it names nothing and is not a calculated value");
    let no_stage = find("no_stage").unwrap();
    assert_eq!(
        no_stage.source,
        VariableSource::NewestEventInStage { data_element: "PhumDEWeigh".into(), program_stage: String::new() }
    );
    assert_eq!(no_stage.value_type, VariableType::Number);
    let attr = find("attr_names_de").unwrap();
    assert_eq!(attr.source, VariableSource::Attribute { attribute: String::new() });
    assert_eq!(attr.value_type, VariableType::Text);
    let de = find("de_names_attr").unwrap();
    assert_eq!(de.source, VariableSource::CurrentEvent { data_element: String::new() });
    assert_eq!(de.value_type, VariableType::Text);
    assert_eq!(de.options.len(), 2, "options come from the attribute's option set");
    let named = find("vaccine_name").unwrap();
    assert!(!named.use_code_for_option_set);
    assert_eq!(named.options.len(), 3);

    // The stage-less variable reads no event; the previous-event one shows the option's name.
    let engine = RuleEngine::new(set);
    let earlier = RuleEvent {
        uid: "EvtEarly001".into(),
        event_date: Some(ymd(2026, 11, 10)),
        created: utc_at(2026, 11, 10, 8, 0),
        ..birth_visit(&[("PhumDEVacc1", "HEPB_BIRTH"), ("PhumDEWeigh", "3.1")])
    };
    let mut probe = birth_visit(&[]);
    probe.uid = "EvtProbe001".into();
    let mut rules = engine.rule_set().clone();
    rules.rules = vec![Rule::new(
        "true",
        vec![
            RuleAction::new(RuleActionType::DisplayText, Some("d2:hasValue(#{no_stage})")),
            RuleAction::new(RuleActionType::DisplayText, Some("#{vaccine_name}")),
        ],
    )
    .with_uid("Probe")];
    let out =
        RuleEngine::new(rules).evaluate_event(&probe, None, &[earlier], &Supplementary::default(), ymd(2026, 11, 20));
    let data: Vec<Option<&str>> = out.effects.iter().map(|e| e.data.as_deref()).collect();
    assert_eq!(data, vec![Some("false"), Some("Hepatitis B birth dose")]);
}

#[test]
fn effects_carry_a_field_only_where_the_apps_action_does() {
    let store = store_with(|doc| {
        let de = serde_json::json!({"id": "PhumDEWeigh"});
        let stage = serde_json::json!({"id": "PhumStgBirt"});
        add_rule(
            doc,
            "PhumPRAllAc",
            None,
            1,
            "true",
            vec![
                serde_json::json!({"id": "PhumPRADisp", "programRuleActionType": "DISPLAYTEXT", "dataElement": de, "content": "Note", "data": "1"}),
                serde_json::json!({"id": "PhumPRAKeyV", "programRuleActionType": "DISPLAYKEYVALUEPAIR", "dataElement": de, "location": "feedback", "content": "Key", "data": "2"}),
                serde_json::json!({"id": "PhumPRASect", "programRuleActionType": "HIDESECTION", "dataElement": de, "content": "gone", "programStageSection": {"id": "PhumPSSVisi"}}),
                serde_json::json!({"id": "PhumPRAStag", "programRuleActionType": "HIDEPROGRAMSTAGE", "dataElement": de, "content": "gone", "programStage": stage}),
                serde_json::json!({"id": "PhumPRACrea", "programRuleActionType": "CREATEEVENT", "dataElement": de, "content": "new", "programStage": stage}),
                serde_json::json!({"id": "PhumPRAWarn", "programRuleActionType": "SHOWWARNING", "dataElement": de, "content": "Check", "programStage": stage, "location": "feedback"}),
            ],
        );
    });
    let engine = RuleEngine::new(load_rule_set(&store, program(), None).unwrap());
    let out = engine.evaluate_enrollment(&enrollment(), &[], &Supplementary::default(), ymd(2026, 11, 20));
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let effect = |action: &str| out.effects.iter().find(|e| e.action_uid == action).unwrap();
    for action in ["PhumPRADisp", "PhumPRAKeyV", "PhumPRASect", "PhumPRAStag", "PhumPRACrea"] {
        assert_eq!(effect(action).field, "", "{action} names no field in the app");
    }
    assert_eq!(effect("PhumPRASect").content, None);
    assert_eq!(effect("PhumPRAStag").content, None);
    assert_eq!(effect("PhumPRACrea").content.as_deref(), Some("new"));
    assert_eq!(effect("PhumPRADisp").location.as_deref(), Some("indicators"));
    let warning = effect("PhumPRAWarn");
    assert_eq!(warning.field, "PhumDEWeigh");
    assert_eq!((warning.program_stage.as_ref(), warning.location.as_ref()), (None, None));

    // What the effects do to a form is unchanged: the section's optional field is hidden, the
    // stage hidden, the texts shown, the warning on its field.
    let fields = [rules::outcome::FormField {
        uid: "PhumDEWeigh".into(),
        value_type: phum_core::model::ValueType::Number,
        mandatory: false,
        section: Some("PhumPSSVisi".into()),
        value: Some("3.1".into()),
        options: Vec::new(),
    }];
    let form = rules::outcome::apply(&out.effects, &fields, &Default::default());
    assert!(form.hidden_fields.contains("PhumDEWeigh") && form.hidden_sections.contains("PhumPSSVisi"));
    assert!(form.hidden_stages.contains("PhumStgBirt"));
    assert_eq!(form.display_texts.len(), 2);
    assert_eq!(form.warnings["PhumDEWeigh"].iter().map(|t| t.text()).collect::<Vec<_>>(), ["Check"]);
}
