//! The checker of generated documents (tests only): top-level keys in order, valid and unique
//! UIDs, and every reference and name rule a DHIS2 server would enforce, collection by
//! collection. A failed check panics with what is wrong.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::plan;

pub(super) fn list<'a>(doc: &'a Value, key: &str) -> &'a Vec<Value> {
    doc[key].as_array().unwrap_or_else(|| panic!("top-level {key} is a list"))
}

fn id(v: &Value) -> &str {
    v["id"].as_str().expect("object has an id")
}

fn rid<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(|r| r.get("id")).and_then(Value::as_str)
}

fn rids<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|r| r["id"].as_str().expect("reference has an id")).collect())
        .unwrap_or_default()
}

fn by_id<'a>(doc: &'a Value, key: &str) -> HashMap<&'a str, &'a Value> {
    list(doc, key).iter().map(|o| (id(o), o)).collect()
}

fn is_uid(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 11 && b[0].is_ascii_alphabetic() && b.iter().all(u8::is_ascii_alphanumeric)
}

pub(super) const TOP_KEYS: [&str; 17] = [
    "system",
    "organisationUnitLevels",
    "organisationUnits",
    "categories",
    "categoryOptions",
    "categoryCombos",
    "optionSets",
    "options",
    "dataElements",
    "trackedEntityTypes",
    "trackedEntityAttributes",
    "programs",
    "programStages",
    "programRules",
    "dataSets",
    "validationRules",
    "constants",
];

/// Tokens of a DHIS2 expression: (#, name), (A, name), (C, uid), (V, name), (hasValue, name).
fn tokens(expr: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let b = expr.as_bytes();
    for (i, w) in b.windows(2).enumerate() {
        let prefix = match (w[0], w[1]) {
            (b'#', b'{') => "#",
            (b'A', b'{') => "A",
            (b'C', b'{') => "C",
            (b'V', b'{') => "V",
            _ => continue,
        };
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let rest = &expr[i + 2..];
        let end = rest.find('}').expect("closed brace");
        out.push((prefix, rest[..end].to_string()));
    }
    for func in ["d2:hasValue('", "d2:count('"] {
        let mut from = 0;
        while let Some(pos) = expr[from..].find(func) {
            let start = from + pos + func.len();
            let end = start + expr[start..].find('\'').expect("closed quote");
            out.push(("name", expr[start..end].to_string()));
            from = end;
        }
    }
    out
}

fn has_names(o: &Value, props: &[&str]) -> bool {
    let Some(tr) = o["translations"].as_array() else {
        return false;
    };
    props.iter().all(|p| {
        ["km", "en"].iter().all(|l| {
            tr.iter()
                .any(|t| t["property"] == *p && t["locale"] == *l && t["value"].as_str().is_some_and(|s| !s.is_empty()))
        })
    })
}

fn walk_ids<'a>(v: &'a Value, declared: &mut Vec<&'a str>, refs: &mut Vec<&'a str>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get("id") {
                if map.len() == 1 {
                    refs.push(s);
                } else {
                    declared.push(s);
                }
            }
            for value in map.values() {
                walk_ids(value, declared, refs);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| walk_ids(i, declared, refs)),
        _ => {}
    }
}

/// Every check on one generated document (a failed check panics).
pub(super) fn check_document(doc: &Value) {
    let keys: Vec<&str> = doc.as_object().expect("an object").keys().map(String::as_str).collect();
    let mut sorted_expected = TOP_KEYS.to_vec();
    sorted_expected.sort_unstable();
    assert_eq!(keys, sorted_expected, "top-level keys");
    assert_eq!(doc["system"]["version"], "2.41.0");

    // UIDs: valid and unique; references are valid UIDs.
    let (mut declared, mut refs) = (Vec::new(), Vec::new());
    walk_ids(doc, &mut declared, &mut refs);
    let mut seen = HashSet::new();
    for uid in &declared {
        assert!(is_uid(uid), "invalid UID {uid}");
        assert!(seen.insert(*uid), "duplicate UID {uid}");
    }
    for uid in &refs {
        assert!(is_uid(uid), "invalid referenced UID {uid}");
    }
    let ix = Index::new(doc);
    check_org_units(&ix);
    let cocs = check_category_model(&ix);
    check_options(&ix);
    check_data_elements_and_attributes(&ix);
    let scopes = check_programs(&ix);
    check_stages(&ix);
    check_program_rules(&ix, &scopes);
    check_data_sets(&ix);
    check_validation_rules(&ix, &cocs);
}

/// The document's collections by UID.
struct Index<'a> {
    doc: &'a Value,
    ous: HashMap<&'a str, &'a Value>,
    cat_options: HashMap<&'a str, &'a Value>,
    categories: HashMap<&'a str, &'a Value>,
    combos: HashMap<&'a str, &'a Value>,
    sets: HashMap<&'a str, &'a Value>,
    options: HashMap<&'a str, &'a Value>,
    des: HashMap<&'a str, &'a Value>,
    teas: HashMap<&'a str, &'a Value>,
    tets: HashMap<&'a str, &'a Value>,
    constants: HashMap<&'a str, &'a Value>,
    stages: HashMap<&'a str, &'a Value>,
    programs: HashMap<&'a str, &'a Value>,
}

impl<'a> Index<'a> {
    fn new(doc: &'a Value) -> Index<'a> {
        Index {
            doc,
            ous: by_id(doc, "organisationUnits"),
            cat_options: by_id(doc, "categoryOptions"),
            categories: by_id(doc, "categories"),
            combos: by_id(doc, "categoryCombos"),
            sets: by_id(doc, "optionSets"),
            options: by_id(doc, "options"),
            des: by_id(doc, "dataElements"),
            teas: by_id(doc, "trackedEntityAttributes"),
            tets: by_id(doc, "trackedEntityTypes"),
            constants: by_id(doc, "constants"),
            stages: by_id(doc, "programStages"),
            programs: by_id(doc, "programs"),
        }
    }
}

/// Per program UID: its rule variable names, data elements, attributes and sections.
struct Scopes<'a> {
    vars_of: HashMap<&'a str, HashSet<&'a str>>,
    des_of: HashMap<&'a str, HashSet<&'a str>>,
    teas_of: HashMap<&'a str, HashSet<&'a str>>,
    sections_of: HashMap<&'a str, HashSet<&'a str>>,
}

/// Five levels; every unit's parent one level up, its path its parent's plus its UID; names in
/// both languages.
fn check_org_units(ix: &Index<'_>) {
    let Index { ous, .. } = ix;
    let levels: HashSet<i64> =
        list(ix.doc, "organisationUnitLevels").iter().map(|l| l["level"].as_i64().unwrap()).collect();
    assert_eq!(levels, (1..=5).collect());
    for ou in ous.values() {
        let level = ou["level"].as_i64().unwrap();
        assert!(levels.contains(&level));
        assert!(has_names(ou, &["NAME", "SHORT_NAME"]), "org unit translations");
        assert!(ou["shortName"].as_str().unwrap().chars().count() <= 50);
        assert!(ou["openingDate"].is_string());
        match rid(ou, "parent") {
            None => {
                assert_eq!(level, 1);
                assert_eq!(ou["path"].as_str().unwrap(), format!("/{}", id(ou)));
            }
            Some(p) => {
                let parent = ous.get(p).unwrap_or_else(|| panic!("parent {p} resolves"));
                assert_eq!(parent["level"].as_i64().unwrap() + 1, level);
                assert_eq!(ou["path"].as_str().unwrap(), format!("{}/{}", parent["path"].as_str().unwrap(), id(ou)));
            }
        }
    }
}

/// One category option combo per tuple of the categories' options, each option of its
/// category. Returns every COC UID.
fn check_category_model<'a>(ix: &Index<'a>) -> HashSet<&'a str> {
    let Index { cat_options, categories, combos, .. } = ix;
    for c in categories.values() {
        for o in rids(c, "categoryOptions") {
            assert!(cat_options.contains_key(o));
        }
    }
    let mut cocs = HashSet::new();
    let default = combos.get(plan::DEFAULT_COMBO).expect("default category combo");
    assert_eq!(default["isDefault"], true);
    assert_eq!(default["name"], "default");
    for combo in combos.values() {
        let cats = rids(combo, "categories");
        let mut expected = 1;
        for c in &cats {
            expected *= rids(categories.get(c).expect("category resolves"), "categoryOptions").len();
        }
        let list = combo["categoryOptionCombos"].as_array().unwrap();
        assert_eq!(list.len(), expected, "one COC per option tuple");
        for coc in list {
            cocs.insert(id(coc));
            assert_eq!(rid(coc, "categoryCombo"), Some(id(combo)));
            let opts = rids(coc, "categoryOptions");
            assert_eq!(opts.len(), cats.len());
            for (o, c) in opts.iter().zip(&cats) {
                assert!(cat_options.contains_key(o));
                assert!(rids(categories[c], "categoryOptions").contains(o), "COC option belongs to its category");
            }
        }
    }
    cocs
}

/// Options and their sets point at each other; codes are unique in a set.
fn check_options(ix: &Index<'_>) {
    let Index { sets, options, .. } = ix;
    for s in sets.values() {
        assert!(has_names(s, &["NAME"]));
        let mut codes = HashSet::new();
        for o in rids(s, "options") {
            let option = options.get(o).expect("option of set resolves");
            assert_eq!(rid(option, "optionSet"), Some(id(s)));
            assert!(codes.insert(option["code"].as_str().unwrap()), "option codes unique in a set");
        }
    }
    for o in options.values() {
        assert!(sets.contains_key(rid(o, "optionSet").unwrap()));
        assert!(has_names(o, &["NAME"]));
    }
}

/// Names unique and translated; an option set's value type is its field's.
fn check_data_elements_and_attributes(ix: &Index<'_>) {
    let Index { combos, sets, des, teas, tets, .. } = ix;
    let mut de_names = HashSet::new();
    for de in des.values() {
        assert!(de_names.insert(de["name"].as_str().unwrap()), "data element names unique");
        assert!(combos.contains_key(rid(de, "categoryCombo").unwrap()));
        assert!(has_names(de, &["NAME", "SHORT_NAME", "FORM_NAME"]));
        assert!(de["shortName"].as_str().unwrap().chars().count() <= 50);
        assert!(matches!(de["domainType"].as_str(), Some("TRACKER" | "AGGREGATE")));
        if let Some(s) = rid(de, "optionSet") {
            assert_eq!(sets.get(s).expect("option set resolves")["valueType"], de["valueType"]);
        }
    }
    for a in teas.values() {
        assert!(has_names(a, &["NAME", "SHORT_NAME", "FORM_NAME"]));
        if let Some(s) = rid(a, "optionSet") {
            assert_eq!(sets.get(s).expect("option set resolves")["valueType"], a["valueType"]);
        }
    }
    for t in tets.values() {
        for ta in t["trackedEntityTypeAttributes"].as_array().unwrap() {
            assert!(teas.contains_key(rid(ta, "trackedEntityAttribute").unwrap()));
            assert_eq!(rid(ta, "trackedEntityType"), Some(id(t)));
        }
    }
}

/// Programs: type, stages (2-4 for tracker programs, 1 for event programs), attributes, rule
/// variables and their sources. Returns what each program holds.
fn check_programs<'a>(ix: &Index<'a>) -> Scopes<'a> {
    let Index { ous, combos, des, teas, tets, stages, programs, .. } = ix;
    let mut vars_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut des_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut teas_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut sections_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for p in programs.values() {
        let pid = id(p);
        assert!(has_names(p, &["NAME", "SHORT_NAME"]));
        assert!(combos.contains_key(rid(p, "categoryCombo").unwrap()));
        let tracker = match p["programType"].as_str() {
            Some("WITH_REGISTRATION") => true,
            Some("WITHOUT_REGISTRATION") => false,
            other => panic!("programType {other:?}"),
        };
        match rid(p, "trackedEntityType") {
            Some(t) => {
                assert!(tracker);
                assert!(tets.contains_key(t));
            }
            None => assert!(!tracker),
        }
        let stage_ids = rids(p, "programStages");
        if tracker {
            assert!((2..=4).contains(&stage_ids.len()), "tracker programs have 2-4 stages");
        } else {
            assert_eq!(stage_ids.len(), 1, "event programs have one stage");
        }
        let mut p_des = HashSet::new();
        let mut p_sections = HashSet::new();
        for s in &stage_ids {
            let stage = stages.get(s).expect("program stage resolves");
            assert_eq!(rid(stage, "program"), Some(pid));
            for psde in stage["programStageDataElements"].as_array().unwrap() {
                p_des.insert(rid(psde, "dataElement").unwrap());
            }
            for sec in stage["programStageSections"].as_array().unwrap() {
                p_sections.insert(id(sec));
            }
        }
        let p_teas: HashSet<&str> = p["programTrackedEntityAttributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|pa| {
                assert_eq!(rid(pa, "program"), Some(pid));
                let a = rid(pa, "trackedEntityAttribute").unwrap();
                assert!(teas.contains_key(a));
                a
            })
            .collect();
        assert_eq!(tracker, !p_teas.is_empty());
        let mut names = HashSet::new();
        for v in p["programRuleVariables"].as_array().unwrap() {
            assert!(names.insert(v["name"].as_str().unwrap()), "variable names unique in a program");
            assert_eq!(rid(v, "program"), Some(pid));
            let source = v["programRuleVariableSourceType"].as_str().unwrap();
            match source {
                "DATAELEMENT_CURRENT_EVENT" | "DATAELEMENT_NEWEST_EVENT_PROGRAM" => {
                    assert!(p_des.contains(rid(v, "dataElement").unwrap()));
                }
                "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE" => {
                    assert!(p_des.contains(rid(v, "dataElement").unwrap()));
                    let s = rid(v, "programStage").unwrap();
                    assert!(stage_ids.contains(&s));
                    let stage = stages[s];
                    assert!(stage["programStageDataElements"].as_array().unwrap().iter().any(|psde| rid(
                        psde,
                        "dataElement"
                    ) == rid(
                        v,
                        "dataElement"
                    )));
                }
                "TEI_ATTRIBUTE" => {
                    assert!(p_teas.contains(rid(v, "trackedEntityAttribute").unwrap()))
                }
                "CALCULATED_VALUE" => assert!(v.get("dataElement").is_none()),
                other => panic!("source type {other}"),
            }
            if let Some(d) = rid(v, "dataElement") {
                assert_eq!(des[d]["valueType"], v["valueType"]);
            }
        }
        for ou in rids(p, "organisationUnits") {
            assert!(ous.contains_key(ou));
        }
        vars_of.insert(pid, names);
        des_of.insert(pid, p_des);
        teas_of.insert(pid, p_teas);
        sections_of.insert(pid, p_sections);
    }
    Scopes { vars_of, des_of, teas_of, sections_of }
}

/// Stages: their data elements are tracker data elements, their sections hold only those.
fn check_stages(ix: &Index<'_>) {
    let Index { des, stages, programs, .. } = ix;
    for s in stages.values() {
        assert!(programs.contains_key(rid(s, "program").unwrap()));
        assert!(has_names(s, &["NAME"]));
        let mut s_des = HashSet::new();
        for psde in s["programStageDataElements"].as_array().unwrap() {
            assert_eq!(rid(psde, "programStage"), Some(id(s)));
            let d = rid(psde, "dataElement").unwrap();
            assert_eq!(des.get(d).expect("PSDE data element resolves")["domainType"], "TRACKER");
            s_des.insert(d);
            for k in ["compulsory", "allowFutureDate"] {
                assert!(psde[k].is_boolean());
            }
            assert!(psde["sortOrder"].is_i64());
        }
        for sec in s["programStageSections"].as_array().unwrap() {
            assert!(has_names(sec, &["NAME"]));
            for d in rids(sec, "dataElements") {
                assert!(s_des.contains(d), "section data element is in the stage");
            }
        }
    }
}

/// Rules and actions: every variable, constant and V{} they use exists in their program; every
/// target is the program's; each action type has what it needs.
fn check_program_rules(ix: &Index<'_>, scopes: &Scopes<'_>) {
    let Index { options, des, constants, programs, .. } = ix;
    let known_v = ["current_date", "event_date", "enrollment_date", "event_count"];
    let check_expr = |expr: &str, pid: &str| {
        for (kind, name) in tokens(expr) {
            match kind {
                "#" | "A" | "name" => {
                    assert!(scopes.vars_of[pid].contains(name.as_str()), "variable {name} of {expr} is in the program")
                }
                "C" => assert!(constants.contains_key(name.as_str()), "constant {name} resolves"),
                _ => assert!(known_v.contains(&name.as_str()), "V{{{name}}}"),
            }
        }
    };
    for r in list(ix.doc, "programRules") {
        let pid = rid(r, "program").unwrap();
        let p = programs.get(pid).expect("rule program resolves");
        if let Some(s) = rid(r, "programStage") {
            assert!(rids(p, "programStages").contains(&s));
        }
        let condition = r["condition"].as_str().unwrap();
        assert!(!tokens(condition).is_empty(), "condition uses variables: {condition}");
        check_expr(condition, pid);
        let actions = r["programRuleActions"].as_array().unwrap();
        assert!((1..=2).contains(&actions.len()));
        for a in actions {
            assert_eq!(rid(a, "programRule"), Some(id(r)));
            let t = a["programRuleActionType"].as_str().unwrap();
            if let Some(d) = rid(a, "dataElement") {
                assert!(scopes.des_of[pid].contains(d), "action data element is in the program");
            }
            if let Some(at) = rid(a, "trackedEntityAttribute") {
                assert!(scopes.teas_of[pid].contains(at));
            }
            if let Some(s) = rid(a, "programStage") {
                assert!(rids(p, "programStages").contains(&s));
            }
            if let Some(s) = rid(a, "programStageSection") {
                assert!(scopes.sections_of[pid].contains(s));
            }
            if let Some(o) = rid(a, "option") {
                let d = rid(a, "dataElement").expect("HIDEOPTION names its field");
                assert_eq!(rid(options.get(o).expect("option resolves"), "optionSet"), rid(des[d], "optionSet"));
            }
            if let Some(data) = a["data"].as_str() {
                check_expr(data, pid);
            }
            match t {
                "ASSIGN" => {
                    assert!(a.get("data").is_some());
                    if let Some(c) = a["content"].as_str() {
                        check_expr(c, pid);
                    } else {
                        assert!(rid(a, "dataElement").is_some());
                    }
                }
                "HIDEFIELD" | "SETMANDATORYFIELD" => {
                    assert!(rid(a, "dataElement").is_some() || rid(a, "trackedEntityAttribute").is_some())
                }
                "HIDESECTION" => assert!(rid(a, "programStageSection").is_some()),
                "HIDEOPTION" => assert!(rid(a, "option").is_some()),
                "HIDEPROGRAMSTAGE" => assert!(rid(a, "programStage").is_some()),
                "SHOWWARNING"
                | "SHOWERROR"
                | "DISPLAYTEXT"
                | "DISPLAYKEYVALUEPAIR"
                | "WARNINGONCOMPLETE"
                | "ERRORONCOMPLETE" => {
                    assert!(a["content"].is_string());
                    assert!(has_names_prop(a, "CONTENT"), "action content is translated");
                }
                other => panic!("action type {other}"),
            }
        }
    }
}

/// Data sets: aggregate data elements only, sections within them, org units that exist.
fn check_data_sets(ix: &Index<'_>) {
    let Index { ous, combos, des, .. } = ix;
    for ds in list(ix.doc, "dataSets") {
        assert!(has_names(ds, &["NAME", "SHORT_NAME"]));
        assert!(combos.contains_key(rid(ds, "categoryCombo").unwrap()));
        assert!(ds["periodType"].is_string() && ds["openFuturePeriods"].is_i64() && ds["expiryDays"].is_i64());
        let mut ds_des = HashSet::new();
        for e in ds["dataSetElements"].as_array().unwrap() {
            assert_eq!(rid(e, "dataSet"), Some(id(ds)));
            let d = rid(e, "dataElement").unwrap();
            assert_eq!(des.get(d).expect("data set element resolves")["domainType"], "AGGREGATE");
            ds_des.insert(d);
        }
        for sec in ds["sections"].as_array().unwrap() {
            assert!(has_names(sec, &["NAME"]));
            for d in rids(sec, "dataElements") {
                assert!(ds_des.contains(d));
            }
        }
        for ou in rids(ds, "organisationUnits") {
            assert!(ous.contains_key(ou));
        }
    }
}

/// Validation rules name data elements (and category option combos) that exist.
fn check_validation_rules(ix: &Index<'_>, cocs: &HashSet<&str>) {
    let Index { des, .. } = ix;
    for v in list(ix.doc, "validationRules") {
        for side in ["leftSide", "rightSide"] {
            let expr = v[side]["expression"].as_str().unwrap();
            let toks = tokens(expr);
            assert!(!toks.is_empty());
            for (kind, operand) in toks {
                assert_eq!(kind, "#");
                let mut parts = operand.split('.');
                assert!(des.contains_key(parts.next().unwrap()), "validation rule data element");
                if let Some(coc) = parts.next() {
                    assert!(cocs.contains(coc), "validation rule category option combo");
                }
            }
        }
    }
}

fn has_names_prop(o: &Value, prop: &str) -> bool {
    has_names(o, &[prop])
}
