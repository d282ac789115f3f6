//! Imports the DHIS2 Android SDK's real server answers (tests/fixtures/dhis2-api, BSD-3-Clause,
//! see SOURCE.md there) and checks what was stored, field by field. The SDK's fixtures contain
//! deliberate defects (an option whose option set does not exist, a stage data element without a
//! data element, ...); each defect is shown to be refused with a specific error, and the rest of
//! the set, with those defects removed in memory, imports completely.

use std::path::{Path, PathBuf};

use phum_core::model::value_type::{AccessLevel, ProgramType, RuleActionType, RuleVariableSource};
use phum_core::model::*;
use phum_core::store::import::ImportSource;
use phum_core::store::Store;
use serde_json::{json, Value};

fn fixture_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dhis2-api").join(rel)
}

fn fixture(rel: &str) -> Value {
    serde_json::from_slice(&std::fs::read(fixture_path(rel)).unwrap()).unwrap()
}

fn source(name: &str, value: &Value) -> ImportSource {
    ImportSource::Bytes { name: name.to_string(), bytes: serde_json::to_vec(value).unwrap() }
}

fn uid(s: &str) -> Uid {
    Uid::parse(s).unwrap()
}

/// Every metadata answer among the fixtures, in the order the SDK downloads them.
const METADATA_FIXTURES: &[&str] = &[
    "systeminfo/system_info.json",
    "user/user38.json",
    "constant/constants.json",
    "category/default_category_combo.json",
    "organisationunit/organisation_units.json",
    "organisationunit/organisation_unit_levels.json",
    "program/programs.json",
    "program/program_stages.json",
    "trackedentity/tracked_entity_types.json",
    "trackedentity/tracked_entity_attributes.json",
    "program/program_rules.json",
    "option/option_sets.json",
    "option/options.json",
    "dataset/data_sets.json",
    "dataelement/data_elements.json",
    "validation/validation_rules.json",
    "category/category_combos.json",
    "category/category_options.json",
    "indicators/indicators.json",
];

/// The SDK's deliberate defects, each with the error Phum gives for it.
struct Defect {
    file: &'static str,
    expected_error: &'static str,
    repair: fn(&mut Value),
}

fn remove_where(list: &mut Value, pred: impl Fn(&Value) -> bool) {
    list.as_array_mut().unwrap().retain(|v| !pred(v));
}

const DEFECTS: &[Defect] = &[
    Defect {
        file: "program/program_stages.json",
        expected_error: "programStages[0].programStageDataElements[3]: missing field `dataElement`",
        repair: |v| remove_where(&mut v["programStages"][0]["programStageDataElements"], |e| e.get("dataElement").is_none()),
    },
    Defect {
        file: "trackedentity/tracked_entity_types.json",
        expected_error: "trackedEntityTypes[0].trackedEntityTypeAttributes[1]: missing field `trackedEntityAttribute`",
        repair: |v| remove_where(&mut v["trackedEntityTypes"][0]["trackedEntityTypeAttributes"], |e| e.get("trackedEntityAttribute").is_none()),
    },
    Defect {
        file: "option/options.json",
        expected_error: "options[2].id: 'non_existent_option_uid' is not a DHIS2 UID",
        repair: |v| remove_where(&mut v["options"], |o| o["id"] == "non_existent_option_uid"),
    },
    Defect {
        file: "category/category_combos.json",
        expected_error: "categoryCombos[1].categoryOptionCombos[1]: categoryOptions[0].id: 'non_existent_category_option_uid' is not a DHIS2 UID",
        repair: |v| remove_where(&mut v["categoryCombos"][1]["categoryOptionCombos"], |c| c["id"] == "non_existent_category_option_combo_uid"),
    },
    Defect {
        file: "dataset/data_sets.json",
        expected_error: "dataSets[0]: dataSet 'ART monthly summary' (lyLU2wR22tC): dataInputPeriods.period: `2019` is a Yearly period, expected Monthly",
        repair: |v| v["dataSets"][0]["dataInputPeriods"][0]["period"]["id"] = json!("201901"),
    },
    Defect {
        file: "dataset/data_sets.json",
        expected_error: "section 'Immunization' (Y2rk0vzgvAx): greyedFields.dataElement points to ca8lfO062zg, which is not among the dataElements imported",
        repair: |v| v["dataSets"][0]["sections"][0]["greyedFields"] = json!([]),
    },
    Defect {
        file: "validation/validation_rules.json",
        expected_error: "validationRules[2].rightSide: missing field `expression`",
        repair: |v| v["validationRules"][2]["rightSide"]["expression"] = json!("#{xc8gmAKfO95}"),
    },
];

/// The answers of `/api/categories` and other calls that the SDK has no fixture for, built for
/// the objects the fixtures reference.
fn missing_answers() -> Value {
    json!({
        "categories": [
            {"id": "KfdsGBcoiCa", "name": "Births attended by", "categoryOptions": [{"id": "uZUnebiT5DI"}, {"id": "TNYQzTHdoxL"}]},
            {"id": "cX5k9anHEHd", "name": "Location Fixed/Outreach", "categoryOptions": [{"id": "Fp4gVHbRvEV"}, {"id": "apsOixVZlf1"}]},
            {"id": "vGs6omsRekv", "name": "default", "categoryOptions": [{"id": "as6ygGvUGNg"}]}
        ]
    })
}

fn repaired_sources() -> Vec<ImportSource> {
    sources_with_defect(None)
}

/// The fixture set with every defect repaired but `kept`.
fn sources_with_defect(kept: Option<usize>) -> Vec<ImportSource> {
    let mut sources: Vec<ImportSource> = METADATA_FIXTURES
        .iter()
        .map(|f| {
            let mut v = fixture(f);
            for (_, d) in DEFECTS.iter().enumerate().filter(|(i, d)| d.file == *f && Some(*i) != kept) {
                (d.repair)(&mut v);
            }
            source(f, &v)
        })
        .collect();
    sources.push(source("categories (not among the SDK fixtures)", &missing_answers()));
    sources
}

fn imported() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    match store.import_metadata(&repaired_sources()) {
        Ok(_) => store,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn each_sdk_fixture_defect_is_refused_with_an_error_that_names_it() {
    for (i, d) in DEFECTS.iter().enumerate() {
        let mut store = imported();
        let before = store.metadata_counts().unwrap();
        let sources = sources_with_defect(Some(i));
        let err = store.import_metadata(&sources).unwrap_err().to_string();
        assert!(err.contains(d.expected_error), "{}: {err}", d.file);
        assert!(err.contains(d.file), "the error names the file: {err}");
        assert_eq!(store.metadata_counts().unwrap(), before, "a refused import changes nothing");
    }
}

#[test]
fn the_sdk_fixture_set_imports_completely() {
    let mut store = Store::open_in_memory().unwrap();
    let report = store.import_metadata(&repaired_sources()).unwrap();
    let n = |c: Collection| report.counts[&c];
    assert_eq!(n(Collection::Programs), 3);
    assert_eq!(n(Collection::ProgramStages), 2);
    assert_eq!(n(Collection::ProgramRules), 3);
    assert_eq!(n(Collection::ProgramRuleActions), 3);
    assert_eq!(n(Collection::ProgramRuleVariables), 2);
    assert_eq!(n(Collection::ProgramSections), 2);
    assert_eq!(n(Collection::TrackedEntityTypes), 1);
    assert_eq!(n(Collection::TrackedEntityAttributes), 3);
    assert_eq!(n(Collection::OptionSets), 2);
    assert_eq!(n(Collection::Options), 3);
    assert_eq!(n(Collection::OrganisationUnits), 3);
    assert_eq!(n(Collection::OrganisationUnitLevels), 4);
    assert_eq!(n(Collection::DataSets), 3);
    assert_eq!(n(Collection::DataSetSections), 1);
    assert_eq!(n(Collection::Constants), 2);
    assert_eq!(n(Collection::ValidationRules), 3);
    assert_eq!(n(Collection::Categories), 3);
    assert_eq!(n(Collection::CategoryOptions), 8);
    assert_eq!(report.user.as_deref(), Some("android"));
    assert_eq!(report.server_version.as_deref(), Some("2.41.0"));
    // indicators are not stored by Phum, and the report says so.
    assert_eq!(report.ignored.get("indicators"), Some(&1));
}

#[test]
fn programs_keep_their_settings_attributes_and_rule_variables() {
    let store = imported();
    let anc: Program = store.get(uid("lxAQ7Zs9VYR")).unwrap().unwrap();
    assert_eq!(anc.identity.name, "Antenatal care visit");
    assert_eq!(anc.identity.short_name.as_deref(), Some("Antenatal care"));
    assert_eq!(anc.program_type, ProgramType::WithoutRegistration);
    assert_eq!(anc.access_level, Some(AccessLevel::Protected));
    assert_eq!(anc.expiry_days, 2);
    assert_eq!(anc.complete_events_expiry_days, 4);
    assert_eq!(anc.expiry_period_type, Some(PeriodType::BiMonthly));
    assert_eq!(anc.category_combo.map(|r| r.id), Some(uid("m2jTvAj5kkm")));
    assert!(anc.ignore_overdue_events);
    assert_eq!(anc.style.as_ref().and_then(|s| s.icon.as_deref()), Some("antenatal_icon"));
    // Rule variables are stored on their own, belonging to the program, not inside it.
    assert!(anc.program_rule_variables.is_empty());
    let vars: Vec<ProgramRuleVariable> = store.children(anc.identity.id).unwrap();
    let hb = vars.iter().find(|v| v.identity.name == "hemoglobin").unwrap();
    assert_eq!(hb.source_type, RuleVariableSource::DataElementNewestEventProgram);
    assert_eq!(hb.data_element.map(|r| r.id), Some(uid("vANAXwtLwcT")));
    assert_eq!(hb.program.map(|r| r.id), Some(anc.identity.id));
    assert!(!vars.iter().find(|v| v.identity.name == "womanSmoking").unwrap().use_code_for_option_set);

    let child: Program = store.get(uid("IpHINAT79UW")).unwrap().unwrap();
    assert_eq!(child.program_type, ProgramType::WithRegistration);
    assert_eq!(child.tracked_entity_type.map(|r| r.id), Some(uid("nEenWmSyUEp")));
    assert!(child.only_enroll_once && child.display_incident_date && child.select_enrollment_dates_in_future);
    assert_eq!(child.min_attributes_required_to_search, Some(5));
    let attrs = &child.program_tracked_entity_attributes;
    assert_eq!(attrs.len(), 2);
    let gender = &attrs[0];
    assert_eq!(gender.tracked_entity_attribute.id, uid("cejWyOfXge6"));
    assert!(gender.mandatory && gender.allow_future_date && gender.display_in_list && !gender.searchable);
    assert_eq!(gender.sort_order, Some(1));
    assert_eq!(gender.render_type.as_ref().unwrap()["MOBILE"]["type"], "SHARED_HEADER_RADIOBUTTONS");
    assert!(attrs[1].searchable && !attrs[1].mandatory);
    let sections: Vec<ProgramSection> = store.children(child.identity.id).unwrap();
    assert_eq!(sections.len(), 2);
    // Older servers name the list `programTrackedEntityAttribute`.
    let first: ProgramSection = store.get(uid("Nc8OxbNuVH3")).unwrap().unwrap();
    assert_eq!(first.tracked_entity_attributes, vec![IdRef { id: uid("cejWyOfXge6") }]);
    assert_eq!(first.identity.form_name.as_deref(), Some("formName"));
}

#[test]
fn stages_keep_data_elements_sections_and_scheduling() {
    let store = imported();
    let stage: ProgramStage = store.get(uid("dBwrot7S420")).unwrap().unwrap();
    assert_eq!(stage.program.map(|r| r.id), Some(uid("lxAQ7Zs9VYR")));
    assert!(!stage.repeatable && stage.auto_generate_event && stage.block_entry_form && stage.remind_completed);
    assert_eq!(stage.period_type, Some(PeriodType::Monthly));
    assert_eq!(stage.execution_date_label.as_deref(), Some("Visit date"));
    let psdes = &stage.program_stage_data_elements;
    assert_eq!(psdes.len(), 3);
    let counselling = psdes.iter().find(|p| p.data_element_uid() == uid("Ok9OQpitjQr")).unwrap();
    assert!(counselling.compulsory && counselling.allow_future_date && !counselling.allow_provided_elsewhere);
    assert_eq!(counselling.sort_order, Some(1));
    // The data elements nested in the stage answer are stored as data elements.
    let hb: DataElement = store.get(uid("vANAXwtLwcT")).unwrap().unwrap();
    assert_eq!(hb.value_type, ValueType::Number);
    assert!(hb.zero_is_significant);
    assert_eq!(hb.identity.code.as_deref(), Some("LAB_HB"));
    assert_eq!(hb.identity.description.as_deref(), Some("Screening for anemia."));
    let smoking: DataElement = store.get(uid("sWoqcoByYmD")).unwrap().unwrap();
    assert_eq!(smoking.option_set.map(|r| r.id), Some(uid("VQ2lai3OfVG")));
    let sections: Vec<ProgramStageSection> = store.children(stage.identity.id).unwrap();
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0].identity.name, "Care at Birth");
    assert_eq!(sections[0].data_elements, vec![IdRef { id: uid("g9eOBujte1U") }]);
}

#[test]
fn rules_keep_conditions_priorities_and_actions() {
    let store = imported();
    let rules: Vec<ProgramRule> = store.children(uid("lxAQ7Zs9VYR")).unwrap();
    assert_eq!(rules.len(), 3);
    let high = rules.iter().find(|r| r.identity.id == uid("dahuKlP7jR2")).unwrap();
    assert_eq!(high.condition, "#{hemoglobin} > 99");
    assert_eq!(high.priority, None);
    let hide = rules.iter().find(|r| r.identity.id == uid("xOe5qCzRS0Y")).unwrap();
    assert_eq!(hide.condition, "!#{womanSmoking} ");
    assert_eq!(hide.priority, Some(2));
    assert_eq!(hide.program_stage.map(|r| r.id), Some(uid("dBwrot7S420")));
    let actions: Vec<ProgramRuleAction> = store.children(high.identity.id).unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].action_type, RuleActionType::ShowError);
    assert_eq!(actions[0].content.as_deref(), Some("The hemoglobin value cannot be above 99"));
    assert_eq!(actions[0].data_element.map(|r| r.id), Some(uid("vANAXwtLwcT")));
    assert_eq!(actions[0].program_rule.map(|r| r.id), Some(high.identity.id));
    let hide_actions: Vec<ProgramRuleAction> = store.children(hide.identity.id).unwrap();
    assert_eq!(hide_actions[0].action_type, RuleActionType::HideField);
    assert_eq!(hide_actions[0].data.as_deref(), Some("data"));
}

#[test]
fn options_attributes_and_types_keep_their_fields() {
    let store = imported();
    let mut options: Vec<OptionItem> = store.children(uid("VQ2lai3OfVG")).unwrap();
    options.sort_by_key(|o| o.sort_order);
    let codes: Vec<_> = options.iter().map(|o| o.identity.code.clone().unwrap()).collect();
    assert_eq!(codes, ["0-14 years", "15-19 years"]);
    let first: OptionItem = store.get(uid("Z1ILwhy5VDY")).unwrap().unwrap();
    assert_eq!(first.style.unwrap().color.as_deref(), Some("#13f2dd"));
    let set: OptionSet = store.get(uid("TQ2lai3OfVG")).unwrap().unwrap();
    assert_eq!((set.value_type, set.version), (ValueType::Number, Some(2)));

    let profile: TrackedEntityAttribute = store.get(uid("aejWyOfXge6")).unwrap().unwrap();
    assert_eq!(profile.value_type, ValueType::Image);
    assert!(profile.unique && profile.generated);
    assert_eq!(profile.pattern.as_deref(), Some("RANDOM(##)"));
    assert_eq!(profile.option_set.map(|r| r.id), Some(uid("VQ2lai3OfVG")));
    let tet: TrackedEntityType = store.get(uid("nEenWmSyUEp")).unwrap().unwrap();
    assert_eq!(tet.identity.name, "Person");
    assert_eq!(tet.tracked_entity_type_attributes.len(), 1);
    assert!(tet.tracked_entity_type_attributes[0].searchable);
}

#[test]
fn org_units_keep_their_place_in_the_tree_and_assignments() {
    let store = imported();
    let chc: OrganisationUnit = store.get(uid("DiszpKrYNg8")).unwrap().unwrap();
    assert_eq!(chc.identity.name, "Ngelehun CHC");
    assert_eq!(chc.level, 4);
    assert_eq!(chc.path, "/ImspTQPwCqd/O6uvpzGd5pu/YuQRtpLP10I/DiszpKrYNg8");
    assert_eq!(chc.parent.map(|r| r.id), Some(uid("YuQRtpLP10I")));
    assert_eq!(chc.opening_date.unwrap().to_string(), "1968-01-01T00:00:00.000");
    assert_eq!(chc.closed_date.unwrap().to_string(), "2025-05-22T15:21:48.516");
    assert_eq!(chc.programs.len(), 3);
    assert_eq!(chc.data_sets.len(), 2);
    assert_eq!(chc.organisation_unit_groups[0].id, uid("CXw2yu5fodb"));
    let children: Vec<OrganisationUnit> = store.children(uid("YuQRtpLP10I")).unwrap();
    assert!(children.iter().any(|c| c.identity.id == chc.identity.id));
    // The top of the downloaded subtree points at a parent that was not downloaded: allowed.
    let top: OrganisationUnit = store.get(uid("YuQRtpLP10I")).unwrap().unwrap();
    assert_eq!(top.parent.map(|r| r.id), Some(uid("O6uvpzGd5pu")));
    assert!(top.geometry.is_some());
    let levels: Vec<OrganisationUnitLevel> = store.list().unwrap();
    let mut names: Vec<_> = levels.iter().map(|l| (l.level, l.identity.name.as_str())).collect();
    names.sort();
    assert_eq!(names, [(1, "National"), (2, "District"), (3, "Chiefdom"), (4, "Facility")]);
}

#[test]
fn data_sets_keep_periods_elements_sections_and_operands() {
    let store = imported();
    let art: DataSet = store.get(uid("lyLU2wR22tC")).unwrap().unwrap();
    assert_eq!(art.period_type, PeriodType::Monthly);
    assert_eq!(art.open_future_periods, 3);
    assert_eq!(art.expiry_days, 1.0);
    assert_eq!(art.category_combo.map(|r| r.id), Some(uid("p0KPaWEg3cf")));
    assert_eq!(art.data_set_elements.len(), 2);
    let ops = &art.compulsory_data_element_operands;
    assert_eq!(ops.len(), 3);
    assert_eq!(ops[0].data_element.id, uid("g9eOBujte1U"));
    assert_eq!(ops[0].category_option_combo.map(|r| r.id), Some(uid("Gmbgme7z9BF")));
    assert_eq!(ops[2].category_option_combo, None);
    assert_eq!(art.data_input_periods[0].period.id, "201901");
    let sections: Vec<DataSetSection> = store.children(art.identity.id).unwrap();
    assert_eq!(sections[0].identity.name, "Immunization");
    assert!(sections[0].show_row_totals && !sections[0].show_column_totals);
    // DHIS2 allows fractional expiry days.
    let child_health: DataSet = store.get(uid("BfMAe6Itzgt")).unwrap().unwrap();
    assert_eq!(child_health.expiry_days, 2.5);
    let weekly: DataSet = store.get(uid("TaMAefItzgt")).unwrap().unwrap();
    assert_eq!(weekly.period_type, PeriodType::Weekly);
}

#[test]
fn categories_validation_rules_constants_user_and_server() {
    let store = imported();
    let births: CategoryCombo = store.get(uid("m2jTvAj5kkm")).unwrap().unwrap();
    assert!(!births.is_default);
    assert_eq!(births.categories.len(), 2);
    let cocs: Vec<CategoryOptionCombo> = store.children(births.identity.id).unwrap();
    let tba = cocs.iter().find(|c| c.identity.id == uid("Gmbgme7z9BF")).unwrap();
    assert_eq!(tba.identity.name, "Trained TBA, At PHU");
    assert_eq!(tba.category_options.len(), 2);
    let default: CategoryCombo = store.get(uid("p0KPaWEg3cf")).unwrap().unwrap();
    assert!(default.is_default);
    let female: CategoryOption = store.get(uid("apsOixVZlf1")).unwrap().unwrap();
    assert_eq!(female.start_date.unwrap().to_string(), "2012-12-24T12:24:24.000");
    assert_eq!(female.end_date.unwrap().to_string(), "2013-12-24T12:24:24.777");
    assert_eq!(female.access.and_then(|a| a.data), Some(DataAccess { read: true, write: false }));

    let pcv: ValidationRule = store.get(uid("P2igXCbites")).unwrap().unwrap();
    assert_eq!(pcv.operator, value_type::ValidationOperator::LessThanOrEqual);
    let measles: ValidationRule = store.get(uid("sWlF63K4G6c")).unwrap().unwrap();
    assert_eq!(measles.operator, value_type::ValidationOperator::LessThan);
    assert!(!pcv.left_side.expression.is_empty() && !pcv.right_side.expression.is_empty());
    let rules: Vec<ValidationRule> = store.list().unwrap();
    let levels = &rules.iter().find(|r| r.identity.id == uid("P2igXCbiteg")).unwrap().organisation_unit_levels;
    assert_eq!(levels, &[2, 3, 4]);

    let pi: Constant = store.get(uid("bCqvfPR02Im")).unwrap().unwrap();
    assert_eq!((pi.identity.name.as_str(), pi.value.to_string().as_str()), ("Pi", "3.14"));

    let me = store.current_user().unwrap().unwrap();
    assert_eq!(me.username, "android");
    assert_eq!(me.organisation_units[0].id, uid("YuQRtpLP10I"));
    assert!(me.tei_search_organisation_units.is_empty());
    assert_eq!(me.user_roles[0].name.as_deref(), Some("Superuser"));
    assert_eq!(me.user_groups[0].id, uid("Kk12LkEWtXp"));
    let system = store.system_info().unwrap().unwrap();
    assert_eq!(system.version_number(), Some((2, 41)));
    assert_eq!(system.server_time_zone_id.as_deref(), Some("Etc/UTC"));
}
