//! The metadata import against Phum's own `/api/metadata`-style package (flat collections,
//! children listed by id, English and Khmer translations), and against bad input: every bad
//! document is refused with a specific error and leaves the database byte-for-byte as it was.

mod db_snapshot;

use std::io::Write;
use std::path::{Path, PathBuf};

use phum_core::model::*;
use phum_core::store::import::{check_json_object, ImportError, ImportSource, METADATA_DOCUMENT};
use phum_core::store::{DbKey, Store, StoreError};
use serde_json::{json, Value};

fn mini_export() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/mini_export.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn doc(name: &str, value: &Value) -> ImportSource {
    ImportSource::Bytes { name: name.into(), bytes: serde_json::to_vec(value).unwrap() }
}

fn uid(s: &str) -> Uid {
    Uid::parse(s).unwrap()
}

/// Every row of every table, as text: equal snapshots mean an unchanged database.
fn snapshot(path: &Path) -> String {
    db_snapshot::snapshot(path, &["metadata_object", "metadata_singleton", "metadata_import"])
}

/// A plain database holding the mini export, and its snapshot.
fn loaded() -> (tempfile::TempDir, PathBuf, Store, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("phum.db");
    let mut store = Store::open(&path, None).unwrap();
    store.import_metadata(&[doc("mini_export.json", &mini_export())]).unwrap();
    let snap = snapshot(&path);
    (dir, path, store, snap)
}

/// Imports `bad` over the loaded database; returns the error text after checking that nothing
/// changed.
fn refused(bad: Vec<ImportSource>) -> String {
    let (_dir, path, mut store, before) = loaded();
    let err = store.import_metadata(&bad).expect_err("the import must be refused");
    assert_eq!(snapshot(&path), before, "a refused import changed the database: {err}");
    err.to_string()
}

fn refused_with(mutate: impl FnOnce(&mut Value)) -> String {
    let mut v = mini_export();
    mutate(&mut v);
    refused(vec![doc("bad.json", &v)])
}

#[test]
fn a_flat_export_links_children_listed_by_id_to_their_owners() {
    let (_dir, _path, store, _) = loaded();
    let counts = store.metadata_counts().unwrap();
    assert_eq!(counts[&Collection::OrganisationUnits], 3);
    assert_eq!(counts[&Collection::Options], 5);
    assert_eq!(counts[&Collection::CategoryOptionCombos], 3);
    assert_eq!(counts[&Collection::ProgramRuleActions], 2);
    // Listed only by their owner: the owner is learnt from the list.
    let bcg: OptionItem = store.get(uid("PhumOptBCG1")).unwrap().unwrap();
    assert_eq!(bcg.option_set.map(|r| r.id), Some(uid("PhumOSVacc1")));
    let mut vaccines: Vec<OptionItem> = store.children(uid("PhumOSVacc1")).unwrap();
    vaccines.sort_by_key(|o| o.sort_order);
    let codes: Vec<_> = vaccines.iter().map(|o| o.identity.code.as_deref().unwrap()).collect();
    assert_eq!(codes, ["BCG", "HEPB_BIRTH", "PENTA1"]);
    let male: CategoryOptionCombo = store.get(uid("PhumCOCMale")).unwrap().unwrap();
    assert_eq!(male.category_combo.map(|r| r.id), Some(uid("PhumSexCCmb")));
    let vaccine_var: ProgramRuleVariable = store.get(uid("PhumPRVVacc")).unwrap().unwrap();
    assert_eq!(vaccine_var.program.map(|r| r.id), Some(uid("PhumImmProg")));
    assert!(vaccine_var.use_code_for_option_set);
    let hide: ProgramRuleAction = store.get(uid("PhumPRAHide")).unwrap().unwrap();
    assert_eq!(hide.program_rule.map(|r| r.id), Some(uid("PhumPRNoBCG")));
    let section: ProgramStageSection = store.get(uid("PhumPSSVisi")).unwrap().unwrap();
    assert_eq!(section.program_stage.map(|r| r.id), Some(uid("PhumStgBirt")));
    let stage: ProgramStage = store.get(uid("PhumStgBirt")).unwrap().unwrap();
    assert!(stage.program_stage_sections.is_empty(), "sections are stored on their own");
    assert_eq!(stage.program_stage_data_elements[1].data_element_uid(), uid("PhumDEWeigh"));
    assert!(stage.program_stage_data_elements[1].allow_provided_elsewhere);
    let report: DataSet = store.get(uid("PhumVhsgRep")).unwrap().unwrap();
    assert_eq!(report.data_input_periods[0].closing_date.unwrap().date().to_string(), "2026-12-15");
    assert_eq!(store.system_info().unwrap().unwrap().version, "2.41.2");
    assert!(store.current_user().unwrap().is_none());
}

#[test]
fn translations_are_kept_for_every_locale() {
    let (_dir, _path, store, _) = loaded();
    let de: DataElement = store.get(uid("PhumDEVacc1")).unwrap().unwrap();
    assert_eq!(de.identity.translation("NAME", "km"), Some("វ៉ាក់សាំងដែលបានចាក់"));
    assert_eq!(de.identity.translation("FORM_NAME", "km"), Some("តើបានចាក់វ៉ាក់សាំងអ្វី?"));
    assert_eq!(de.identity.translation("FORM_NAME", "en"), Some("Which vaccine was given?"));
    assert_eq!(de.identity.translation("NAME", "fr"), None);
    let province: OrganisationUnit = store.get(uid("PhumProv001")).unwrap().unwrap();
    assert_eq!(province.identity.translation("NAME", "km"), Some("កំពង់ស្ពឺ"));
    assert_eq!(province.identity.translation("SHORT_NAME", "km"), Some("កំពង់ស្ពឺ"));
    let program: Program = store.get(uid("PhumImmProg")).unwrap().unwrap();
    assert_eq!(program.identity.translation("INCIDENT_DATE_LABEL", "km"), Some("ថ្ងៃខែឆ្នាំកំណើត"));
    let warn: ProgramRuleAction = store.get(uid("PhumPRALowW")).unwrap().unwrap();
    assert_eq!(common::find_translation(&warn.translations, "CONTENT", "km"), Some("ទម្ងន់កំណើតទាប៖ បញ្ជូនទៅមណ្ឌលសុខភាព"));
}

#[test]
fn a_new_import_replaces_all_metadata() {
    let (_dir, _path, mut store, _) = loaded();
    let only_levels = json!({"organisationUnitLevels": [{"id": "PhumLevel01", "name": "Country", "level": 1}]});
    let report = store.import_metadata(&[doc("levels.json", &only_levels)]).unwrap();
    assert_eq!(report.total(), 1);
    assert_eq!(store.metadata_counts().unwrap()[&Collection::Programs], 0);
    assert!(store.system_info().unwrap().is_none());
}

#[test]
fn truncated_json_is_refused() {
    let bytes = serde_json::to_vec_pretty(&mini_export()).unwrap();
    let err = refused(vec![ImportSource::Bytes { name: "cut.json".into(), bytes: bytes[..bytes.len() / 2].to_vec() }]);
    assert!(err.contains("cut.json: the JSON ends early (line"), "{err}");
    assert!(err.contains("truncated"), "{err}");
    let err = refused(vec![ImportSource::Bytes { name: "empty.json".into(), bytes: vec![] }]);
    assert_eq!(
        err,
        "empty.json: the file is empty; expected a JSON object with metadata collections (like {\"programs\": [...]})"
    );
}

#[test]
fn a_whole_document_check_says_what_the_import_says() {
    // `lint` and the command line's scripts check documents held in memory with
    // `check_json_object`; a bad file gets the import's words from both (for a syntax error, up
    // to the parser's own detail: "expected value" where the import's walker says "expected a
    // JSON value").
    let up_to_detail = |text: String| text.splitn(3, ": ").take(2).collect::<Vec<_>>().join(": ");
    for bad in ["", "  \n", "[1, 2]", "hello", "42", "{", "{\"programs\": [", "{\"programs\": [}", "{} {}"] {
        let import = refused(vec![ImportSource::Bytes { name: "f.json".into(), bytes: bad.as_bytes().to_vec() }]);
        let check = check_json_object("f.json", bad.as_bytes(), METADATA_DOCUMENT).unwrap_err().to_string();
        assert_eq!(up_to_detail(check), up_to_detail(import), "{bad:?}");
    }
}

#[test]
fn invalid_json_and_non_metadata_documents_are_refused() {
    let err = refused(vec![ImportSource::Bytes { name: "x.json".into(), bytes: b"{\"programs\": [}".to_vec() }]);
    assert!(err.contains("x.json: not valid JSON at line 1, column 15"), "{err}");
    let err = refused(vec![ImportSource::Bytes { name: "list.json".into(), bytes: b"[1, 2]".to_vec() }]);
    assert!(err.contains("list.json: expected a JSON object with metadata collections"), "{err}");
    let err = refused(vec![ImportSource::Bytes {
        name: "latin1.json".into(),
        bytes: b"{\"programs\": [{\"name\": \"\xe9\"}]}".to_vec(),
    }]);
    assert!(err.contains("latin1.json: not valid JSON"), "{err}");
    let err = refused_with(|v| v["programs"] = json!({"id": "PhumImmProg"}));
    assert!(err.contains("expected a list of programs"), "{err}");
    let err = refused(vec![ImportSource::Bytes { name: "trailing.json".into(), bytes: b"{} {}".to_vec() }]);
    assert!(err.contains("trailing.json: not valid JSON"), "{err}");
}

#[test]
fn a_value_of_the_wrong_type_names_the_field() {
    let err = refused_with(|v| v["organisationUnits"][1]["level"] = json!("two"));
    assert!(err.contains("bad.json: organisationUnits[1].level"), "{err}");
    assert!(err.contains("invalid type: string \"two\", expected u32"), "{err}");
    let err = refused_with(|v| v["programs"][0]["onlyEnrollOnce"] = json!("yes"));
    assert!(err.contains("programs[0]"), "{err}");
    assert!(err.contains("expected a boolean"), "{err}");
    let err = refused_with(|v| v["programStages"][0]["programStageDataElements"][0]["compulsory"] = json!(1));
    assert!(err.contains("programStages[0]") && err.contains("programStageDataElements[0].compulsory"), "{err}");
}

#[test]
fn an_unknown_value_type_or_enum_value_is_refused() {
    let err = refused_with(|v| v["dataElements"][1]["valueType"] = json!("NUMBR"));
    assert!(err.contains("dataElements[1]"), "{err}");
    assert!(err.contains("unknown variant `NUMBR`"), "{err}");
    let err = refused_with(|v| v["programRuleActions"][0]["programRuleActionType"] = json!("SHOWPOPUP"));
    assert!(err.contains("programRuleActions[0].programRuleActionType: unknown variant `SHOWPOPUP`"), "{err}");
    let err = refused_with(|v| v["dataSets"][0]["periodType"] = json!("Fortnightly"));
    assert!(err.contains("dataSets[0]") && err.contains("Fortnightly"), "{err}");
}

#[test]
fn an_invalid_uid_is_refused_with_the_bad_text() {
    let err = refused_with(|v| v["options"][0]["id"] = json!("bad-uid-123"));
    assert!(err.contains("bad.json: options[0].id: 'bad-uid-123' is not a DHIS2 UID"), "{err}");
    let err = refused_with(|v| v["dataElements"][0]["optionSet"]["id"] = json!("1hmmmmmmmmm"));
    assert!(
        err.contains("dataElements[0].optionSet.id: '1hmmmmmmmmm' is not a DHIS2 UID: it must start with a letter"),
        "{err}"
    );
}

#[test]
fn a_duplicate_uid_with_different_content_is_refused() {
    let err = refused_with(|v| {
        let mut copy = v["dataElements"][1].clone();
        copy["name"] = json!("Weight at birth");
        v["dataElements"].as_array_mut().unwrap().push(copy);
    });
    assert!(err.contains("dataElements[3]: UID PhumDEWeigh is used twice in dataElements"), "{err}");
    assert!(err.contains("'Weight (kg)' and 'Weight at birth'"), "{err}");
}

#[test]
fn an_identical_repeat_across_answers_is_accepted() {
    let (_dir, _path, mut store, _) = loaded();
    let page2 = json!({"pager": {"page": 2}, "organisationUnits": [mini_export()["organisationUnits"][2].clone()]});
    store.import_metadata(&[doc("page1.json", &mini_export()), doc("page2.json", &page2)]).unwrap();
    assert_eq!(store.metadata_counts().unwrap()[&Collection::OrganisationUnits], 3);
}

#[test]
fn a_dangling_reference_names_both_objects() {
    let err = refused_with(|v| v["programRules"][1]["programStage"]["id"] = json!("PhumMissing"));
    assert!(
        err.contains("bad.json: programRule 'Weight only after a vaccine' (PhumPRNoBCG): programStage points to PhumMissing, which is not among the programStages imported"),
        "{err}"
    );
    let err = refused_with(|v| v["programStages"][0]["program"]["id"] = json!("PhumNoProgr"));
    assert!(err.contains("programStage 'Birth dose visit' (PhumStgBirt): program points to PhumNoProgr"), "{err}");
    // Every missing target is listed, not only the first.
    let err = refused_with(|v| {
        v["optionSets"] = json!([]);
    });
    assert!(err.contains("references point to objects that are not in the import"), "{err}");
    assert!(err.contains("dataElement 'Vaccine given' (PhumDEVacc1): optionSet points to PhumOSVacc1"), "{err}");
    assert!(err.contains("trackedEntityAttribute 'Sex' (PhumTEASex1): optionSet points to PhumOSSex01"), "{err}");
}

#[test]
fn an_object_that_belongs_to_nothing_is_refused() {
    let err = refused_with(|v| {
        v["optionSets"][0]["options"].as_array_mut().unwrap().remove(0);
    });
    assert!(err.contains("option 'BCG' (PhumOptBCG1) has no optionSet"), "{err}");
}

#[test]
fn object_level_checks_name_the_object_and_field() {
    let err = refused_with(|v| v["organisationUnits"][2]["path"] = json!("/PhumCntry01/PhumHC00001"));
    assert!(err.contains("organisationUnit 'Basedth HC' (PhumHC00001): level: level 3 does not match path"), "{err}");
    let err = refused_with(|v| {
        v["options"][2].as_object_mut().unwrap().remove("code");
    });
    assert!(err.contains("option 'Penta 1' (PhumOptPent): code: an option needs a code"), "{err}");
    let err = refused_with(|v| {
        v["programs"][0].as_object_mut().unwrap().remove("trackedEntityType");
    });
    assert!(
        err.contains("trackedEntityType: a tracker program (WITH_REGISTRATION) needs a tracked entity type"),
        "{err}"
    );
    let err = refused_with(|v| v["dataElements"][0]["name"] = json!("  "));
    assert!(err.contains("dataElement '  ' (PhumDEVacc1): name: the name is empty"), "{err}");
}

#[test]
fn a_100_mb_string_is_refused_without_reading_it_into_memory() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        f.write_all(
            br#"{"dataElements": [{"id": "PhumDEHuge1", "name": "huge", "valueType": "TEXT", "description": ""#,
        )
        .unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
        f.write_all(b"\"}]}").unwrap();
    }
    let err = refused(vec![ImportSource::File(big.clone())]);
    assert!(err.contains("big.json: refused: a string longer than 8 MiB"), "{err}");
}

#[test]
fn deeply_nested_json_is_refused_without_recursing() {
    let mut bytes = br#"{"organisationUnits": [{"id": "PhumHC00002", "geometry": "#.to_vec();
    bytes.extend(std::iter::repeat_n(b'[', 1_000_000));
    bytes.extend(std::iter::repeat_n(b']', 1_000_000));
    bytes.extend(b"}]}");
    let err = refused(vec![ImportSource::Bytes { name: "deep.json".into(), bytes }]);
    assert!(err.contains("deep.json: refused: nesting deeper than 64 levels"), "{err}");
}

#[test]
fn an_error_in_a_later_file_undoes_the_earlier_files() {
    let bad = json!({"constants": [{"id": "PhumConBad1", "name": "Bad", "value": "many"}]});
    let err = refused(vec![doc("good.json", &mini_export()), doc("bad.json", &bad)]);
    assert!(err.contains("bad.json: constants[0]"), "{err}");
}

#[test]
fn a_wrong_key_is_a_clear_error_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("account.db");
    let key = DbKey::generate();
    {
        let mut store = Store::open(&path, Some(&key)).unwrap();
        store.import_metadata(&[doc("mini_export.json", &mini_export())]).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, Some(&DbKey::generate())).err().expect("wrong key must fail");
    assert!(matches!(err, StoreError::WrongKeyOrNotADatabase { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let store = Store::open(&path, Some(&key)).unwrap();
    assert_eq!(store.metadata_counts().unwrap()[&Collection::Programs], 1);
}

#[test]
fn no_sources_is_an_error() {
    let (_dir, _path, mut store, _) = loaded();
    assert!(matches!(store.import_metadata(&[]), Err(ImportError::NoSources)));
}
