//! A real-style program as DHIS2 metadata, for the differential over whole programs: Phum reads
//! it through its real path (metadata import into a `Store`, `rules::load::load_rule_set`,
//! attribute values normalised as the capture layer does) and the JVM side maps the same
//! metadata the way the Android app does (`AppMapping.java`). The program is the fixture
//! `core/tests/fixtures/phum/mini_export.json` (the immunization program) with two stages, data
//! elements of every kind, an option set, option groups, attributes, and program rule variables
//! of every source type: a CALCULATED_VALUE that names a data element and is assigned in one stage
//! only, read by "hide dose unless flag" rules; NEWEST_EVENT_PROGRAM_STAGE with and without a
//! stage; variables whose data element or attribute is not in the metadata; variables that name
//! the other kind of field; `useCodeForOptionSet` true and false. Rules use every action type,
//! some actions with a leftover data element the app does not carry. Each case draws its own
//! enrollment and events (stored values: option codes, unknown codes, "5.0", "007", dates).
//!
//! Owns the program and its data. Does not own the mapping (phum_core::rules::load) or deciding.

use std::path::Path;

use chrono::{NaiveDate as Date, TimeDelta};
use phum_core::model::{TrackedEntityAttribute, Uid};
use phum_core::rules::load::{load_rule_set, normalise_attribute_value};
use phum_core::store::import::ImportSource;
use phum_core::store::Store;
use serde_json::{json, Value as Json};

use super::answer::{answer_prepared, broken};
use super::case::{CaseEnrollment, CaseEvent, CaseSupplementary};
use super::convert::{self, Prepared};
use super::sites;
use super::vocab;
use crate::rng::Rng;

const PROGRAM: &str = "PhumImmProg";
const STAGE_A: &str = "PhumStgBirt";
const STAGE_B: &str = "PhumRsStgB1";
const NUM: &str = "PhumRsNum01";
const INT: &str = "PhumRsInt01";
const TXT: &str = "PhumRsTxt01";
const BOOL: &str = "PhumRsBoo01";
const DATE: &str = "PhumRsDat01";
const OPT: &str = "PhumRsOpt01";
const DOSES: [&str; 3] = ["PhumRsDos01", "PhumRsDos02", "PhumRsDos03"];
const VACCINE: &str = "PhumDEVacc1";
const SEX: &str = "PhumTEASex1";
const DOB: &str = "PhumTEABirt";
const TEA_NUM: &str = "PhumRsTeaNm";
const TEA_INT: &str = "PhumRsTeaIn";

/// The metadata document: the fixture with the program's stages, fields and rules added.
pub fn metadata() -> Json {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/phum/mini_export.json");
    let mut doc: Json = serde_json::from_slice(&std::fs::read(path).expect("the fixture")).expect("its JSON");
    for key in ["programRules", "programRuleActions", "programRuleVariables"] {
        doc[key] = json!([]);
    }
    doc["programs"][0]["programRuleVariables"] = json!([]);
    let push = |doc: &mut Json, key: &str, v: Json| doc[key].as_array_mut().expect(key).push(v);

    let de = |id: &str, name: &str, vt: &str| json!({"id": id, "name": name, "shortName": name, "valueType": vt, "domainType": "TRACKER", "aggregationType": "NONE"});
    for (id, name, vt) in [
        (NUM, "Weight change", "NUMBER"),
        (INT, "Doses counted", "INTEGER"),
        (TXT, "Remark", "TEXT"),
        (BOOL, "Referred", "BOOLEAN"),
        (DATE, "Next visit", "DATE"),
        (DOSES[0], "Penta 1 given", "BOOLEAN"),
        (DOSES[1], "Penta 2 given", "BOOLEAN"),
        (DOSES[2], "Penta 3 given", "BOOLEAN"),
    ] {
        push(&mut doc, "dataElements", de(id, name, vt));
    }
    let mut opt = de(OPT, "Vaccine planned", "TEXT");
    opt["optionSet"] = json!({"id": "PhumOSVacc1"});
    push(&mut doc, "dataElements", opt);
    for (id, name, vt) in [(TEA_NUM, "Birth weight", "NUMBER"), (TEA_INT, "Siblings", "INTEGER")] {
        push(&mut doc, "trackedEntityAttributes", json!({"id": id, "name": name, "shortName": name, "valueType": vt}));
    }
    let psde =
        |i: usize, id: &str| json!({"id": format!("PhumRsPsde{i}"), "dataElement": {"id": id}, "compulsory": false});
    let stage_a = doc["programStages"][0]["programStageDataElements"].as_array_mut().expect("stage A");
    stage_a.push(psde(0, NUM));
    stage_a.push(psde(1, TXT));
    let b_des = [INT, BOOL, DATE, OPT, DOSES[0], DOSES[1], DOSES[2]];
    let stage_b: Vec<Json> = b_des.iter().enumerate().map(|(i, d)| psde(i + 2, d)).collect();
    push(
        &mut doc,
        "programStages",
        json!({"id": STAGE_B, "name": "Infant visit", "program": {"id": PROGRAM}, "sortOrder": 2, "repeatable": true,
            "programStageDataElements": stage_b}),
    );
    doc["programs"][0]["programStages"].as_array_mut().expect("stages").push(json!({"id": STAGE_B}));
    let groups = doc.as_object_mut().expect("doc").entry("optionGroups").or_insert(json!([]));
    groups
        .as_array_mut()
        .expect("groups")
        .push(json!({"id": "PhumRsOGrp1", "name": "Birth doses", "shortName": "Birth",
        "optionSet": {"id": "PhumOSVacc1"}, "options": [{"id": "PhumOptBCG1"}, {"id": "PhumOptHepB"}]}));

    for v in variables() {
        push(&mut doc, "programRuleVariables", v);
    }
    let (rules, actions) = rules();
    for r in rules {
        push(&mut doc, "programRules", r);
    }
    for a in actions {
        push(&mut doc, "programRuleActions", a);
    }
    doc
}

fn variables() -> Vec<Json> {
    let var = |i: usize,
               name: &str,
               source: &str,
               de: Option<&str>,
               tea: Option<&str>,
               stage: Option<&str>,
               code: Option<bool>| {
        let mut v = json!({"id": format!("PhumRsVar{i:02}"), "name": name, "program": {"id": PROGRAM},
            "programRuleVariableSourceType": source});
        if let Some(d) = de {
            v["dataElement"] = json!({"id": d});
        }
        if let Some(t) = tea {
            v["trackedEntityAttribute"] = json!({"id": t});
        }
        if let Some(s) = stage {
            v["programStage"] = json!({"id": s});
        }
        if let Some(c) = code {
            v["useCodeForOptionSet"] = json!(c);
        }
        v
    };
    vec![
        var(0, "num_now", "DATAELEMENT_CURRENT_EVENT", Some(NUM), None, None, None),
        var(1, "num_newest", "DATAELEMENT_NEWEST_EVENT_PROGRAM", Some(NUM), None, None, None),
        var(2, "int_before", "DATAELEMENT_PREVIOUS_EVENT", Some(INT), None, None, None),
        var(3, "planned_b", "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE", Some(OPT), None, Some(STAGE_B), Some(false)),
        var(4, "planned_nostage", "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE", Some(OPT), None, None, Some(true)),
        var(5, "remark", "DATAELEMENT_CURRENT_EVENT", Some(TXT), None, None, None),
        var(6, "referred", "DATAELEMENT_NEWEST_EVENT_PROGRAM", Some(BOOL), None, None, None),
        var(7, "next_visit", "DATAELEMENT_CURRENT_EVENT", Some(DATE), None, None, None),
        var(8, "vaccine_name", "DATAELEMENT_CURRENT_EVENT", Some(VACCINE), None, None, Some(false)),
        var(9, "vaccine_code", "DATAELEMENT_NEWEST_EVENT_PROGRAM", Some(VACCINE), None, None, Some(true)),
        var(10, "sex", "TEI_ATTRIBUTE", None, Some(SEX), None, Some(false)),
        var(11, "dob", "TEI_ATTRIBUTE", None, Some(DOB), None, None),
        var(12, "birth_weight", "TEI_ATTRIBUTE", None, Some(TEA_NUM), None, None),
        var(13, "siblings", "TEI_ATTRIBUTE", None, Some(TEA_INT), None, None),
        // The immunization-package flag: a calculated value naming a data element.
        var(14, "penta_due", "CALCULATED_VALUE", Some(DOSES[0]), None, None, None),
        var(15, "visits", "CALCULATED_VALUE", None, None, None, None),
        var(16, "not_on_device", "DATAELEMENT_CURRENT_EVENT", Some("PhumRsMiss1"), None, None, None),
        var(17, "calc_not_on_device", "CALCULATED_VALUE", None, Some("PhumRsMiss2"), None, None),
        var(18, "attr_naming_de", "TEI_ATTRIBUTE", Some(NUM), None, None, None),
        var(19, "de_naming_attr", "DATAELEMENT_CURRENT_EVENT", None, Some(SEX), None, Some(false)),
        var(20, "dose1", "DATAELEMENT_NEWEST_EVENT_PROGRAM", Some(DOSES[0]), None, None, None),
    ]
}

/// A rule: condition, stage, priority, actions.
type RuleSpec = (&'static str, Option<&'static str>, Option<i64>, Vec<Json>);

/// The rules and their actions (stored flat, each action naming its rule).
fn rules() -> (Vec<Json>, Vec<Json>) {
    let de = |d: &str| json!({"id": d});
    let stage_b = json!({"id": STAGE_B});
    let specs: Vec<RuleSpec> = vec![
        (
            "d2:hasValue(#{planned_b})",
            Some(STAGE_B),
            Some(1),
            vec![json!({"programRuleActionType": "ASSIGN", "content": "#{penta_due}", "data": "true"})],
        ),
        (
            "true",
            None,
            Some(1),
            vec![json!({"programRuleActionType": "ASSIGN", "content": "#{visits}", "data": "V{event_count}"})],
        ),
        (
            "true && !#{penta_due}",
            None,
            Some(5),
            vec![json!({"programRuleActionType": "HIDEFIELD", "dataElement": de(DOSES[1])})],
        ),
        (
            "!#{penta_due} && !#{dose1}",
            None,
            Some(5),
            vec![json!({"programRuleActionType": "HIDEFIELD", "dataElement": de(DOSES[2]), "content": "not due"})],
        ),
        (
            "#{num_now} > 2",
            None,
            None,
            vec![
                json!({"programRuleActionType": "SHOWWARNING", "dataElement": de(NUM), "content": "Large change", "data": "#{num_now}", "programStage": stage_b}),
            ],
        ),
        (
            "#{int_before} < #{num_newest}",
            Some(STAGE_B),
            None,
            vec![
                json!({"programRuleActionType": "SHOWERROR", "dataElement": de(INT), "content": "Fewer doses", "data": "#{int_before}"}),
            ],
        ),
        (
            "#{vaccine_name} == 'Hepatitis B birth dose' || #{vaccine_code} == 'BCG'",
            None,
            Some(3),
            vec![
                json!({"programRuleActionType": "DISPLAYTEXT", "dataElement": de(VACCINE), "content": "Vaccine", "data": "#{vaccine_name}"}),
                json!({"programRuleActionType": "DISPLAYKEYVALUEPAIR", "dataElement": de(VACCINE), "location": "feedback", "content": "Code", "data": "#{vaccine_code}"}),
            ],
        ),
        (
            "#{sex} == 'Male' || #{sex} == 'Female'",
            None,
            None,
            vec![
                json!({"programRuleActionType": "DISPLAYTEXT", "location": "feedback", "content": "Weight", "data": "d2:concatenate(#{birth_weight}, ' / ', #{siblings})"}),
            ],
        ),
        (
            "d2:hasValue(#{dob})",
            Some(STAGE_A),
            Some(2),
            vec![
                json!({"programRuleActionType": "ASSIGN", "dataElement": de(TXT), "data": "d2:daysBetween(#{dob}, V{event_date})"}),
            ],
        ),
        (
            "!d2:hasValue(#{next_visit})",
            Some(STAGE_B),
            None,
            vec![json!({"programRuleActionType": "SETMANDATORYFIELD", "dataElement": de(DATE)})],
        ),
        (
            "#{referred}",
            None,
            None,
            vec![
                json!({"programRuleActionType": "HIDESECTION", "dataElement": de(NUM), "content": "gone", "programStageSection": {"id": "PhumPSSVisi"}}),
                json!({"programRuleActionType": "HIDEPROGRAMSTAGE", "dataElement": de(NUM), "content": "gone", "programStage": stage_b, "data": "#{referred}"}),
            ],
        ),
        (
            "d2:count(#{num_newest}) > 1",
            None,
            None,
            vec![
                json!({"programRuleActionType": "CREATEEVENT", "dataElement": de(NUM), "content": "follow-up", "programStage": stage_b, "data": "d2:addDays(V{event_date}, 28)"}),
            ],
        ),
        (
            "#{planned_nostage} == '' && d2:hasValue(#{vaccine_code})",
            None,
            None,
            vec![
                json!({"programRuleActionType": "HIDEOPTION", "dataElement": de(VACCINE), "option": {"id": "PhumOptPent"}}),
                json!({"programRuleActionType": "SHOWOPTIONGROUP", "dataElement": de(OPT), "optionGroup": {"id": "PhumRsOGrp1"}}),
                json!({"programRuleActionType": "HIDEOPTIONGROUP", "dataElement": de(VACCINE), "optionGroup": {"id": "PhumRsOGrp1"}, "content": "group"}),
            ],
        ),
        (
            "#{visits} > 2",
            None,
            Some(9),
            vec![
                json!({"programRuleActionType": "WARNINGONCOMPLETE", "dataElement": de(NUM), "content": "Many visits", "data": "#{visits}"}),
                json!({"programRuleActionType": "ERRORONCOMPLETE", "content": "Check the visits", "data": "#{visits} * 2"}),
            ],
        ),
        ("true", None, None, vec![json!({"programRuleActionType": "SENDMESSAGE", "content": "sms"})]),
        (
            "d2:hasValue(#{not_on_device})",
            None,
            None,
            vec![json!({"programRuleActionType": "SHOWWARNING", "dataElement": de(NUM)})],
        ),
        (
            "d2:hasValue(#{attr_naming_de}) || d2:hasValue(#{de_naming_attr}) || #{calc_not_on_device} == 'x'",
            None,
            None,
            vec![json!({"programRuleActionType": "DISPLAYTEXT", "content": "odd", "data": "1"})],
        ),
        (
            "#{remark} != '' && d2:length(#{remark}) > 2",
            Some(STAGE_A),
            None,
            vec![
                json!({"programRuleActionType": "SHOWWARNING", "dataElement": de(TXT), "data": "d2:left(#{remark}, 2)"}),
            ],
        ),
    ];
    let mut rules = Vec::new();
    let mut actions = Vec::new();
    for (i, (condition, stage, priority, acts)) in specs.into_iter().enumerate() {
        let uid = format!("PhumRsRul{i:02}");
        let ids: Vec<Json> = (0..acts.len()).map(|k| json!({"id": format!("PhumRsA{i:02}{k:02}")})).collect();
        let mut r = json!({"id": uid, "name": format!("rule {i}"), "program": {"id": PROGRAM}, "condition": condition,
            "programRuleActions": ids});
        if let Some(s) = stage {
            r["programStage"] = json!({"id": s});
        }
        if let Some(p) = priority {
            r["priority"] = json!(p);
        }
        rules.push(r);
        for (k, mut a) in acts.into_iter().enumerate() {
            a["id"] = json!(format!("PhumRsA{i:02}{k:02}"));
            a["programRule"] = json!({"id": uid});
            actions.push(a);
        }
    }
    (rules, actions)
}

/// Case `index` of the run with `seed`: the program with its own enrollment and events, and
/// Phum's answer (or why it could not run).
pub fn case(seed: u64, index: u64, today: Date) -> Json {
    let rng = &mut Rng::new(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x0123_4567_89AB_CDEF);
    let metadata = metadata();
    let pick = |rng: &mut Rng, xs: &[&str]| rng.pick(xs).to_string();
    let enrollment = CaseEnrollment {
        uid: "EnrollmentA".into(),
        program_name: "Child immunization".into(),
        incident_date: vocab::day(today - TimeDelta::days(rng.range(30, 400))),
        enrollment_date: vocab::day(today - TimeDelta::days(rng.range(0, 30))),
        status: "ACTIVE".into(),
        org_unit: "PhumOUHC001".into(),
        org_unit_code: None,
        attributes: vocab::some_of(rng, &[SEX, DOB, TEA_NUM, TEA_INT], 85, |rng, a| {
            let v = match *a {
                SEX => pick(rng, &["M", "F", "X"]),
                DOB => vocab::day(today - TimeDelta::days(rng.range(10, 800))),
                TEA_NUM => pick(rng, &["3.14159265", "10", "2.5", "12345678", "abc"]),
                _ => pick(rng, &["007", "2", "+5", "2.5"]),
            };
            (a.to_string(), v)
        }),
    };
    let n = 1 + rng.below(4);
    let mut events = Vec::new();
    for e in 0..n {
        let stage = if rng.chance(50) { STAGE_A } else { STAGE_B };
        let date = today - TimeDelta::days(rng.range(0, 60));
        let fields: &[&str] = if stage == STAGE_A {
            &[VACCINE, "PhumDEWeigh", NUM, TXT]
        } else {
            &[INT, BOOL, DATE, OPT, DOSES[0], DOSES[1], DOSES[2]]
        };
        let values = vocab::some_of(rng, fields, 70, |rng, f| {
            let v = match *f {
                VACCINE | OPT => pick(rng, &["BCG", "HEPB_BIRTH", "PENTA1", "UNKNOWN"]),
                NUM | "PhumDEWeigh" => pick(rng, &["5", "5.0", "1.25", "007", "-3", "3"]),
                INT => pick(rng, &["1", "2", "3", "0"]),
                TXT => pick(rng, &["ok", "", "follow up", "12"]),
                DATE => vocab::day(today + TimeDelta::days(rng.range(0, 40))),
                _ => pick(rng, &["true", "false"]),
            };
            (f.to_string(), v)
        });
        let mut ev = vocab::event(&format!("Event{e:06}"), stage, date, 60 + 7 * e as i64, values);
        ev.org_unit = "PhumOUHC001".into();
        events.push(ev);
    }
    let supplementary = CaseSupplementary::default();
    let mut case = json!({"id": format!("program-{seed}-{index}"), "kind": "program", "today": vocab::day(today),
        "metadata": metadata, "enrollment": enrollment, "events": events, "supplementary": supplementary});
    match answer(&case, today) {
        Ok((phum, found, templates)) => {
            case["phum"] = json!(phum);
            case["sites"] = json!(found);
            case["templates"] = json!(templates);
        }
        Err(e) => case["phum"] = json!(broken(&e)),
    }
    case
}

/// Phum's answer through its real path: the metadata imported into a store, the rule set loaded
/// from it, attribute values normalised by their stored value types.
fn answer(
    case: &Json,
    today: Date,
) -> Result<(super::case::PhumAnswer, Vec<sites::Site>, Vec<sites::Template>), String> {
    let mut store = Store::open_in_memory().map_err(|e| e.to_string())?;
    let bytes = serde_json::to_vec(&case["metadata"]).map_err(|e| e.to_string())?;
    store.import_metadata(&[ImportSource::Bytes { name: "program.json".into(), bytes }]).map_err(|e| e.to_string())?;
    let program = Uid::parse(PROGRAM).map_err(|e| format!("{e:?}"))?;
    let rule_set = load_rule_set(&store, program, None).map_err(|e| e.to_string())?;
    let mut enrollment: CaseEnrollment =
        serde_json::from_value(case["enrollment"].clone()).map_err(|e| e.to_string())?;
    for (attr, value) in &mut enrollment.attributes {
        let uid = Uid::parse(attr).map_err(|e| format!("{e:?}"))?;
        if let Some(a) = store.get::<TrackedEntityAttribute>(uid).map_err(|e| e.to_string())? {
            *value = normalise_attribute_value(a.value_type, value);
        }
    }
    let events: Vec<CaseEvent> = serde_json::from_value(case["events"].clone()).map_err(|e| e.to_string())?;
    let mut rule_case = super::RuleSetCase {
        id: String::new(),
        kind: "program".into(),
        today: vocab::day(today),
        rule_set: Default::default(),
        enrollment: Some(enrollment),
        events,
        supplementary: CaseSupplementary::default(),
        bench: None,
        phum: None,
        sites: Vec::new(),
        templates: Vec::new(),
    };
    let mut prepared: Prepared = convert::prepare(&rule_case)?;
    prepared.rule_set = rule_set;
    let (found, templates) = sites::sites(&prepared.rule_set);
    rule_case.sites = found;
    Ok((answer_prepared(&prepared, &rule_case.sites), rule_case.sites, templates))
}
