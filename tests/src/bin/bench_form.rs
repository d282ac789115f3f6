//! Benchmark: open an event form of 150 fields and 300 program rules from the store.
//! Budget: < 10 ms median (DESIGN.md, "open a form (event or enrollment) from the store").
//!
//! Writes real DHIS2 metadata (the NCD fixture's org units, person type and attributes, plus a
//! synthetic tracker program: one repeatable stage of 150 data elements of mixed value types in
//! 10 sections, 25 option sets with option groups, 100 rule variables of every source type and
//! 300 rules with realistic conditions and every form action: ASSIGN to fields and to calculated
//! values chained by priority, SHOWWARNING/SHOWERROR, HIDEFIELD, HIDESECTION, HIDEOPTION,
//! SHOW/HIDEOPTIONGROUP, SETMANDATORYFIELD, DISPLAYTEXT/KEYVALUEPAIR, WARNING/ERRORONCOMPLETE),
//! imports it with `store.import_metadata` into a fresh encrypted store, registers a person,
//! stores 10 earlier visits with values and the visit to open (90 values). The same 150 data
//! elements and 300 rules also make an event program (no registration), with 20,000 earlier
//! events at the same health centre and today's event to open. Then times, after warm-up:
//! `FormSession::open_event` of the visit, `open_event` of the event program's event (budget the
//! same: the rules see 20 events around it, read by an index, whatever the history), and
//! `set_value` of one rule-read field in an open session (the re-evaluation path: check, rules,
//! one transaction, diff of the view).
//!
//! Usage: `scripts/bench` (builds and runs this), or `bench_form [--runs N] [--seed N]`.

use std::time::{Duration, Instant};

use chrono::{NaiveDate as Date, TimeDelta as Days};
use phum_core::form::{FormContext, FormSession, MessageKind};
use phum_core::model::value_type::EventStatus;
use phum_core::model::{DeviceClock, Uid};
use phum_core::rules::load::load_rule_set;
use phum_core::store::data::tracker::{Data, NewEvent};
use phum_core::store::import::ImportSource;
use phum_core::store::{Account, DbKey, Store};
use phum_tests::rng::Rng;
use serde_json::{json, Value};

const BUDGET_OPEN_MEDIAN_MS: f64 = 10.0;
const TODAY: Date = match Date::from_ymd_opt(2026, 11, 20) {
    Some(d) => d,
    None => panic!("a date"),
};
/// The tracker program and the event program: the same 150 data elements, each program with its
/// own stage, sections, variables and rules.
const TRACKER: Synth = Synth { tag: "Bnch", program: "BnchProg001", stage: "BnchStage01", with_registration: true };
const EVENTS: Synth = Synth { tag: "Bnev", program: "BnevProg001", stage: "BnevStage01", with_registration: false };
/// Earlier events of the event program at the health centre.
const EVENT_PROGRAM_HISTORY: usize = 20_000;
const UNIT: &str = "NcdHCentre1";
const FIELDS: usize = 150;
const SECTIONS: usize = 10;
const RULES: usize = 300;
/// Data elements 0..89 are read by rule variables; 90..149 are what the actions act on.
const FIRST_TARGET: usize = 90;
/// The rule-read number field whose changes `set_value` is timed with.
const CHANGED: usize = 0;
/// The date field that stands for the date of birth in the event program (always filled there).
const DOB_FIELD: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Number,
    Integer,
    Text,
    Boolean,
    Date,
    Options,
}

fn kind(i: usize) -> Kind {
    [Kind::Number, Kind::Integer, Kind::Text, Kind::Boolean, Kind::Date, Kind::Options][i % 6]
}

fn value_type(i: usize) -> &'static str {
    match (kind(i), i % 12 < 6) {
        (Kind::Number, _) => "NUMBER",
        (Kind::Integer, true) => "INTEGER_ZERO_OR_POSITIVE",
        (Kind::Integer, false) => "INTEGER",
        (Kind::Text, true) => "TEXT",
        (Kind::Text, false) => "LONG_TEXT",
        (Kind::Boolean, true) => "BOOLEAN",
        (Kind::Boolean, false) => "TRUE_ONLY",
        (Kind::Date, _) => "DATE",
        (Kind::Options, _) => "TEXT",
    }
}

fn de(i: usize) -> String {
    format!("BnchDE{i:05}")
}

fn option_set(i: usize) -> String {
    format!("BnchOS{i:05}")
}

fn option(i: usize, k: usize) -> String {
    format!("BnchOp{i:03}{k:02}")
}

fn option_code(i: usize, k: usize) -> String {
    format!("o{i}_{k}")
}

fn option_group(i: usize) -> String {
    format!("BnchOG{i:05}")
}

/// The UIDs of one synthetic program: `tag` (4 characters) starts the UIDs of its stage
/// sections, variables, rules and actions.
#[derive(Clone, Copy)]
struct Synth {
    tag: &'static str,
    program: &'static str,
    stage: &'static str,
    with_registration: bool,
}

impl Synth {
    fn section(&self, s: usize) -> String {
        format!("{}Sec{s:04}", self.tag)
    }
}

fn id(uid: &str) -> Value {
    json!({ "id": uid })
}

fn uid(s: &str) -> Uid {
    Uid::parse(s).expect("a generated UID")
}

/// Rule variable names by what they read.
#[derive(Default)]
struct Vars {
    num: Vec<String>,
    text: Vec<String>,
    boolean: Vec<String>,
    date: Vec<String>,
    /// Name, data element index.
    option: Vec<(String, usize)>,
    history: Vec<String>,
    previous: Vec<String>,
}

/// The synthetic program, its stage and everything below them, added to the NCD fixture.
fn metadata() -> Vec<u8> {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/phum/ncd_program.json");
    let mut doc: Value = serde_json::from_slice(&std::fs::read(base).expect("the NCD fixture")).expect("JSON");
    let mut push = |collection: &str, items: Vec<Value>| {
        doc[collection].as_array_mut().unwrap_or_else(|| panic!("no {collection} in the fixture")).extend(items);
    };

    let mut data_elements = Vec::new();
    let (mut option_sets, mut options, mut groups) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..FIELDS {
        let mut d = json!({
            "id": de(i), "name": format!("Synthetic field {i:03}"), "shortName": format!("Field {i:03}"),
            "formName": format!("Question {i}"), "valueType": value_type(i), "domainType": "TRACKER",
            "aggregationType": "NONE",
            "translations": [{"property": "NAME", "locale": "km", "value": format!("សំណួរ {i}")}],
        });
        if kind(i) == Kind::Options {
            d["optionSet"] = id(&option_set(i));
            let ids: Vec<Value> = (1..=4).map(|k| id(&option(i, k))).collect();
            option_sets.push(
                json!({"id": option_set(i), "name": format!("Choices {i}"), "valueType": "TEXT", "options": ids}),
            );
            for k in 1..=4 {
                options
                    .push(json!({"id": option(i, k), "code": option_code(i, k), "name": format!("Choice {k} of {i}"),
                    "sortOrder": k, "optionSet": id(&option_set(i))}));
            }
            groups.push(json!({"id": option_group(i), "name": format!("Usual choices {i}"),
                "optionSet": id(&option_set(i)), "options": [id(&option(i, 1)), id(&option(i, 2))]}));
        }
        data_elements.push(d);
    }
    push("dataElements", data_elements);
    push("optionSets", option_sets);
    push("options", options);
    push("optionGroups", groups);
    for synth in [TRACKER, EVENTS] {
        let p = program(synth);
        push("programs", vec![p.program]);
        push("programStages", vec![p.stage]);
        push("programStageSections", p.sections);
        push("programRuleVariables", p.variables);
        push("programRules", p.rules);
        push("programRuleActions", p.actions);
    }
    let units = doc["organisationUnits"].as_array_mut().expect("org units");
    let unit = units.iter_mut().find(|u| u["id"] == UNIT).expect("the health centre");
    unit["programs"].as_array_mut().expect("its programs").extend([id(TRACKER.program), id(EVENTS.program)]);
    serde_json::to_vec(&doc).expect("JSON")
}

/// One program's objects.
struct ProgramObjects {
    program: Value,
    stage: Value,
    sections: Vec<Value>,
    variables: Vec<Value>,
    rules: Vec<Value>,
    actions: Vec<Value>,
}

/// A program over the 150 data elements: one repeatable stage in 10 sections, 100 variables,
/// 300 rules.
fn program(synth: Synth) -> ProgramObjects {
    let tag = synth.tag;
    let psdes: Vec<Value> = (0..FIELDS)
        .map(|i| {
            json!({"id": format!("{tag}PSD{i:04}"), "dataElement": id(&de(i)), "compulsory": i % 10 == 7,
                   "allowFutureDate": false, "sortOrder": i + 1})
        })
        .collect();
    let per = FIELDS / SECTIONS;
    let sections: Vec<Value> = (0..SECTIONS)
        .map(|s| {
            json!({"id": synth.section(s), "name": format!("Part {}", s + 1), "sortOrder": s + 1,
                   "dataElements": (s * per..(s + 1) * per).map(|i| id(&de(i))).collect::<Vec<_>>()})
        })
        .collect();
    let program = if synth.with_registration {
        json!({
            "id": synth.program, "name": "Synthetic follow-up (150 fields, 300 rules)", "shortName": "Synthetic follow-up",
            "programType": "WITH_REGISTRATION", "trackedEntityType": id("NcdTETPers1"), "categoryCombo": id("NcdDefCCmb1"),
            "accessLevel": "OPEN", "onlyEnrollOnce": false,
            "programTrackedEntityAttributes": [
                {"trackedEntityAttribute": id("NcdTEAName1"), "mandatory": true, "sortOrder": 1},
                {"trackedEntityAttribute": id("NcdTEASex01"), "mandatory": true, "sortOrder": 2},
                {"trackedEntityAttribute": id("NcdTEADob01"), "mandatory": true, "sortOrder": 3}],
            "programStages": [id(synth.stage)],
        })
    } else {
        json!({
            "id": synth.program, "name": "Synthetic screening (150 fields, 300 rules)", "shortName": "Synthetic screening",
            "programType": "WITHOUT_REGISTRATION", "categoryCombo": id("NcdDefCCmb1"), "programStages": [id(synth.stage)],
        })
    };
    let stage = json!({
        "id": synth.stage, "name": "Follow-up visit", "program": id(synth.program), "sortOrder": 1, "repeatable": true,
        "standardInterval": 30, "programStageDataElements": psdes,
        "programStageSections": (0..SECTIONS).map(|s| id(&synth.section(s))).collect::<Vec<_>>(),
    });
    let (variables, vars) = variables(synth);
    let (rules, actions) = rules(synth, &vars);
    assert_eq!((variables.len(), rules.len()), (100, RULES));
    ProgramObjects { program, stage, sections, variables, rules, actions }
}

/// 100 variables: 63 current-event, 10 newest in program, 8 newest in stage, 8 previous event,
/// 3 attributes, 8 calculated values.
fn variables(synth: Synth) -> (Vec<Value>, Vars) {
    let mut out = Vec::new();
    let mut vars = Vars::default();
    let mut var = |name: &str, mut v: Value| {
        v["id"] = json!(format!("{}PRV{:04}", synth.tag, out.len()));
        v["name"] = json!(name);
        v["program"] = id(synth.program);
        out.push(v);
    };
    for i in 0..89 {
        let (source, prefix) = match i {
            0..=62 => ("DATAELEMENT_CURRENT_EVENT", "cur"),
            63..=72 => ("DATAELEMENT_NEWEST_EVENT_PROGRAM", "newest"),
            73..=80 => ("DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE", "stage"),
            _ => ("DATAELEMENT_PREVIOUS_EVENT", "prev"),
        };
        let name = format!("{prefix}_{i}");
        let mut v = json!({"programRuleVariableSourceType": source, "dataElement": id(&de(i)),
                           "useCodeForOptionSet": i % 12 != 5});
        if prefix == "stage" {
            v["programStage"] = id(synth.stage);
        }
        var(&name, v);
        match (prefix, kind(i)) {
            ("newest" | "stage", _) => vars.history.push(name),
            ("prev", _) => vars.previous.push(name),
            (_, Kind::Number | Kind::Integer) => vars.num.push(name),
            (_, Kind::Text) => vars.text.push(name),
            (_, Kind::Boolean) => vars.boolean.push(name),
            (_, Kind::Date) => vars.date.push(name),
            // Option variables that read names, not codes, are kept out of code comparisons.
            (_, Kind::Options) if i % 12 != 5 => vars.option.push((name, i)),
            (_, Kind::Options) => vars.text.push(name),
        }
    }
    // The person's date of birth, sex and name; an event program has no person, so there they are
    // data elements of the event (the date one always filled: `DOB_FIELD`).
    for (name, attribute, field, code) in
        [("dob", "NcdTEADob01", DOB_FIELD, false), ("sex", "NcdTEASex01", 5, true), ("name", "NcdTEAName1", 2, false)]
    {
        let v = if synth.with_registration {
            json!({"programRuleVariableSourceType": "TEI_ATTRIBUTE",
                   "trackedEntityAttribute": id(attribute), "useCodeForOptionSet": code})
        } else {
            json!({"programRuleVariableSourceType": "DATAELEMENT_CURRENT_EVENT",
                   "dataElement": id(&de(field)), "useCodeForOptionSet": code})
        };
        var(name, v);
    }
    for k in 0..8 {
        let value_type = if k == 4 || k == 5 { "TEXT" } else { "NUMBER" };
        var(
            &format!("calc_{k}"),
            json!({"programRuleVariableSourceType": "CALCULATED_VALUE", "valueType": value_type}),
        );
    }
    (out, vars)
}

/// 300 rules (8 of them a chain of calculated values by priority) and their actions.
fn rules(synth: Synth, v: &Vars) -> (Vec<Value>, Vec<Value>) {
    let tag = synth.tag;
    let mut rules = Vec::new();
    let mut actions: Vec<Value> = Vec::new();
    let mut rule = |condition: String, priority: Option<usize>, on_stage: bool, acts: Vec<Value>| {
        let r = rules.len();
        let mut ids = Vec::new();
        for mut a in acts {
            let aid = format!("{tag}PA{:05}", actions.len());
            a["id"] = json!(aid);
            a["programRule"] = json!({"id": format!("{tag}PR{r:05}")});
            ids.push(id(&aid));
            actions.push(a);
        }
        let mut rj = json!({"id": format!("{tag}PR{r:05}"), "name": format!("Synthetic rule {r}"), "program": id(synth.program),
                            "condition": condition, "programRuleActions": ids});
        if let Some(p) = priority {
            rj["priority"] = json!(p);
        }
        if on_stage {
            rj["programStage"] = id(synth.stage);
        }
        rules.push(rj);
    };
    let chain = [
        format!("#{{{}}} + #{{{}}}", v.num[0], v.num[1]),
        format!("#{{calc_0}} * 2 + #{{{}}}", v.num[2]),
        "d2:daysBetween(#{dob}, V{event_date})".to_string(),
        "d2:floor(#{calc_2} / 30.4)".to_string(),
        "d2:condition('#{calc_1} > 100', 'high', 'normal')".to_string(),
        "d2:concatenate(#{calc_4}, '-', #{calc_3})".to_string(),
        format!("d2:count(#{{{}}}) + d2:count(#{{{}}})", v.history[0], v.history[1]),
        "#{calc_6} * #{calc_3}".to_string(),
    ];
    for (k, data) in chain.iter().enumerate() {
        rule(
            "true".into(),
            Some(k + 1),
            false,
            vec![json!({"programRuleActionType": "ASSIGN", "content": format!("#{{calc_{k}}}"), "data": data})],
        );
    }
    let targets: Vec<usize> = (FIRST_TARGET..FIELDS).collect();
    let numeric_targets: Vec<usize> = targets.iter().copied().filter(|&i| kind(i) == Kind::Number).collect();
    let option_targets: Vec<usize> = targets.iter().copied().filter(|&i| kind(i) == Kind::Options).collect();
    let on = |action: &str, field: usize, content: &str, data: Option<String>| {
        let mut a = json!({"programRuleActionType": action, "dataElement": id(&de(field)), "content": content});
        if let Some(d) = data {
            a["data"] = json!(d);
        }
        a
    };
    for i in 0..RULES - chain.len() {
        let n = &v.num[i % v.num.len()];
        let t = &v.text[i % v.text.len()];
        let b = &v.boolean[i % v.boolean.len()];
        let d = &v.date[i % v.date.len()];
        let (o, o_de) = &v.option[i % v.option.len()];
        let h = &v.history[i % v.history.len()];
        let p = &v.previous[i % v.previous.len()];
        let f = targets[(i * 7) % targets.len()];
        let nf = numeric_targets[i % numeric_targets.len()];
        let of = option_targets[i % option_targets.len()];
        let code = option_code(*o_de, 1 + i % 4);
        let priority = match i % 5 {
            0 | 1 => None,
            2 => Some(20),
            3 => Some(20 + i % 7),
            _ => Some(30),
        };
        let (condition, acts) = match i % 14 {
            0 => (
                format!("#{{{n}}} > {}", 50 + i % 100),
                vec![on("SHOWWARNING", f, "Unusually high:", Some(format!("#{{{n}}}")))],
            ),
            1 => (
                format!("d2:hasValue(#{{{n}}}) && #{{{n}}} < 0"),
                vec![on("SHOWERROR", f, "Must not be negative", None)],
            ),
            2 => (
                format!("#{{{o}}} == '{code}'"),
                vec![json!({"programRuleActionType": "HIDEFIELD", "dataElement": id(&de(f))})],
            ),
            3 => (
                format!("#{{{b}}}"),
                vec![
                    json!({"programRuleActionType": "SETMANDATORYFIELD", "dataElement": id(&de(f))}),
                    on("SHOWWARNING", f, "Needed when ticked:", Some("#{calc_5}".into())),
                ],
            ),
            4 => (
                format!("d2:hasValue(#{{{d}}}) && d2:daysBetween(#{{{d}}}, V{{event_date}}) < 0"),
                vec![on(
                    "SHOWERROR",
                    f,
                    "Date after the visit by days:",
                    Some(format!("d2:daysBetween(#{{{d}}}, V{{event_date}})")),
                )],
            ),
            5 => (
                format!("d2:length(#{{{t}}}) > {}", i % 5),
                vec![json!({"programRuleActionType": "DISPLAYTEXT", "location": "feedback", "content": "Note:",
                            "data": format!("d2:concatenate('Name: ', #{{{t}}})")})],
            ),
            6 => (
                format!("#{{calc_{}}} > {}", i % 4, 10 + i % 40),
                vec![json!({"programRuleActionType": "DISPLAYKEYVALUEPAIR", "location": "indicators",
                            "content": format!("Score {}", i % 8), "data": format!("#{{calc_{}}}", i % 8)})],
            ),
            7 => (
                format!("d2:hasValue(#{{{n}}})"),
                vec![json!({"programRuleActionType": "ASSIGN", "dataElement": id(&de(nf)),
                            "data": format!("d2:round(#{{{n}}} * 2)")})],
            ),
            8 => (
                format!("d2:count(#{{{h}}}) > {}", i % 3),
                vec![on("WARNINGONCOMPLETE", f, "Seen before:", Some(format!("d2:count(#{{{h}}})")))],
            ),
            9 => (
                format!("d2:hasValue(#{{{p}}}) && #{{{n}}} >= 0"),
                vec![on("SHOWWARNING", f, "Last visit:", Some(format!("#{{{p}}}")))],
            ),
            10 => (
                format!("#{{sex}} == 'F' && d2:yearsBetween(#{{dob}}, V{{current_date}}) >= 15 && #{{{n}}} > 190"),
                vec![on("ERRORONCOMPLETE", f, "Check the value with a supervisor", None)],
            ),
            11 => (
                format!("#{{{o}}} == '{code}' || #{{{n}}} > 150"),
                vec![json!({"programRuleActionType": "HIDEOPTION", "dataElement": id(&de(of)),
                            "option": id(&option(of, 3 + i % 2))})],
            ),
            12 => (
                format!("#{{{b}}} && d2:hasValue(#{{{o}}})"),
                vec![json!({"programRuleActionType": if i % 28 == 12 { "SHOWOPTIONGROUP" } else { "HIDEOPTIONGROUP" },
                            "dataElement": id(&de(of)), "optionGroup": id(&option_group(of))})],
            ),
            _ => (
                format!("d2:yearsBetween(#{{dob}}, V{{event_date}}) < 5 && #{{{n}}} > 10"),
                vec![
                    json!({"programRuleActionType": "HIDESECTION", "programStageSection": id(&synth.section(SECTIONS - 1))}),
                ],
            ),
        };
        rule(condition, priority, i % 9 == 4, acts);
    }
    (rules, actions)
}

/// A value of field `i` as the app would store it.
fn value(rng: &mut Rng, i: usize) -> String {
    match (kind(i), value_type(i)) {
        (Kind::Number, _) => match rng.below(3) {
            0 => format!("{}.{}", rng.range(0, 120), rng.range(1, 9)),
            1 => rng.range(0, 200).to_string(),
            _ => rng.range(0, 60).to_string(),
        },
        (Kind::Integer, _) => rng.range(0, 40).to_string(),
        (Kind::Text, _) => rng.pick(&["yes", "no", "Sok", "Dara", "សុខា", "Phnom Penh", "x y"]).to_string(),
        (Kind::Boolean, "TRUE_ONLY") => "true".to_string(),
        (Kind::Boolean, _) => rng.pick(&["true", "false"]).to_string(),
        (Kind::Date, _) => (TODAY - Days::days(rng.range(0, 400))).to_string(),
        (Kind::Options, _) => option_code(i, 1 + rng.below(4)),
    }
}

/// Stores an event of the stage on `date` with about `percent`% of the fields filled.
fn store_event(store: &mut Store, rng: &mut Rng, enrollment: Option<Uid>, date: Date, percent: usize) -> Uid {
    store.write(|d| write_event(d, rng, enrollment, date, percent)).expect("store an event")
}

/// Writes an event of the tracker program (with an enrollment) or of the event program.
fn write_event(
    d: &Data<'_>,
    rng: &mut Rng,
    enrollment: Option<Uid>,
    date: Date,
    percent: usize,
) -> Result<Uid, phum_core::store::data::DataError> {
    let mut values = Vec::new();
    for i in 0..FIELDS {
        if rng.chance(percent) || (enrollment.is_none() && i == DOB_FIELD) {
            values.push((i, value(rng, i)));
        }
    }
    let synth = if enrollment.is_some() { TRACKER } else { EVENTS };
    // Recorded on the day it took place.
    let now = DeviceClock::default().pinned_on(date).now();
    let ev = d.insert_event(
        &NewEvent {
            enrollment,
            program: uid(synth.program),
            program_stage: uid(synth.stage),
            org_unit: uid(UNIT),
            status: if date < TODAY { EventStatus::Completed } else { EventStatus::Active },
            event_date: Some(date),
            due_date: Some(date),
            attribute_option_combo: None,
        },
        now,
    )?;
    for (i, v) in &values {
        d.set_data_value(ev.uid, uid(&de(*i)), Some(v), now)?;
    }
    Ok(ev.uid)
}

/// `count` earlier screenings of the event program at the health centre, 20 a day back from
/// yesterday, each with about 5% of the fields filled; 2,000 per transaction.
fn store_screenings(store: &mut Store, rng: &mut Rng, count: usize) {
    let mut n = 0;
    while n < count {
        let batch = (count - n).min(2_000);
        store
            .write(|d| {
                for k in n..n + batch {
                    let day = TODAY - Days::days(1 + (k / 20) as i64);
                    write_event(d, rng, None, day, 5)?;
                }
                Ok::<_, phum_core::store::data::DataError>(())
            })
            .expect("store screenings");
        n += batch;
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Time opening an event form of 150 fields / 300 rules from an encrypted store, and one value
/// change in it.
#[derive(clap::Parser)]
#[command(name = "bench_form")]
struct Args {
    /// Timed opens, and timed value changes, each after a warm-up of a tenth as many (at least 10).
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    runs: u64,
    /// The random seed of the stored visits and the values set.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Instead of timing: write the store as the database of the account `bench` on
    /// `https://bench.invalid` in DIR (with the signed-in user whose capture scope holds the
    /// health centre), and print the key (hex) and the tracker visit's event UID on one line, for
    /// the Kotlin benchmark of `set_value` through the bindings (bindings/kotlin).
    #[arg(long, value_name = "DIR")]
    write_account: Option<std::path::PathBuf>,
}

/// The account the Kotlin benchmark opens.
const BENCH_SERVER: &str = "https://bench.invalid";
const BENCH_USER: &str = "bench";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = <Args as clap::Parser>::parse();
    let (iterations, seed) = (args.runs as usize, args.seed);
    let load_before = load_average();

    let dir = tempfile::tempdir()?;
    let path = match &args.write_account {
        Some(folder) => {
            std::fs::create_dir_all(folder)?;
            let account = Account::Server { url: BENCH_SERVER.into(), username: BENCH_USER.into() };
            let path = phum_core::sync::login::account_database(folder, &account);
            if path.exists() {
                return Err(format!("{} exists already", path.display()).into());
            }
            path
        }
        None => dir.path().join("form.db"),
    };
    let key = DbKey::generate();
    let mut store = Store::open(&path, Some(&key))?;
    let bytes = metadata();
    let me = json!({"id": "BnchUser001", "username": BENCH_USER, "organisationUnits": [{"id": "NcdProvKSp1"}]});
    let started = Instant::now();
    store.import_metadata(&[
        ImportSource::Bytes { name: "synthetic-form".into(), bytes },
        ImportSource::Bytes { name: "me.json".into(), bytes: serde_json::to_vec(&me)? },
    ])?;
    let import_s = started.elapsed().as_secs_f64();

    let clock = DeviceClock::default().pinned_on(TODAY);
    let ctx = FormContext::new(clock).with_capture_org_units(vec![uid("NcdProvKSp1")]);
    let (mut reg, _) = FormSession::new_registration(
        &mut store,
        uid(TRACKER.program),
        uid(UNIT),
        TODAY - Days::days(330),
        TODAY - Days::days(330),
        &ctx,
    )?;
    reg.set_value(&mut store, "NcdTEAName1", Some("ស្រីមុំ Sreymom"))?;
    reg.set_value(&mut store, "NcdTEASex01", Some("F"))?;
    reg.set_value(&mut store, "NcdTEADob01", Some("1991-04-12"))?;
    let enrollment = reg.record_uid().expect("an enrollment");
    let mut rng = Rng::new(seed);
    for e in 0..10 {
        store_event(&mut store, &mut rng, Some(enrollment), TODAY - Days::days(30 * (e + 1) - e % 3), 60);
    }
    let event = store_event(&mut store, &mut rng, Some(enrollment), TODAY, 60);
    let started = Instant::now();
    store_screenings(&mut store, &mut rng, EVENT_PROGRAM_HISTORY);
    let history_s = started.elapsed().as_secs_f64();
    let screening = store_event(&mut store, &mut rng, None, TODAY, 60);
    drop(store);
    if args.write_account.is_some() {
        println!("{} {event}", key.to_hex());
        return Ok(());
    }

    // A freshly opened store, as the app has after a start. The first open saves what the rules
    // change (assigned values, values of hidden fields and options); later opens find it done.
    let mut store = Store::open(&path, Some(&key))?;
    for uid in [screening, event] {
        let (_, view) = FormSession::open_event(&mut store, uid, &ctx)?;
        let failures: Vec<&str> =
            view.messages.iter().filter(|m| m.kind == MessageKind::RuleFailure).map(|m| m.text.as_str()).collect();
        if !failures.is_empty() {
            return Err(format!("rules failed to evaluate: {failures:?}").into());
        }
    }
    let (_, view) = FormSession::open_event(&mut store, event, &ctx)?;
    // Every data element is a field, after the event's own date.
    assert_eq!(view.fields.len(), FIELDS + 1, "every data element is a field");
    println!(
        "form: {} fields ({} with values, {} hidden, {} mandatory, {} with warnings, {} with errors), {} sections, \
         {} messages; metadata import {import_s:.2} s",
        view.fields.len(),
        view.fields.iter().filter(|f| f.value.is_some()).count(),
        view.fields.iter().filter(|f| f.hidden).count(),
        view.fields.iter().filter(|f| f.mandatory).count(),
        view.fields.iter().filter(|f| !f.warnings.is_empty()).count(),
        view.fields.iter().filter(|f| !f.errors.is_empty()).count(),
        view.sections.len(),
        view.messages.len(),
    );

    let warm_up = (iterations / 10).max(10);
    let mut open = Vec::with_capacity(iterations);
    for n in 0..warm_up + iterations {
        let t = Instant::now();
        let (session, view) = FormSession::open_event(&mut store, event, &ctx)?;
        let took = t.elapsed();
        std::hint::black_box((&session, &view));
        if n >= warm_up {
            open.push(took);
        }
    }

    // The event program's form, with 20,000 earlier events at the health centre: the rules see
    // the 10 before it, read around it (`store::data::rule_queries`).
    let mut open_screening = Vec::with_capacity(iterations);
    for n in 0..warm_up + iterations {
        let t = Instant::now();
        let (session, view) = FormSession::open_event(&mut store, screening, &ctx)?;
        let took = t.elapsed();
        std::hint::black_box((&session, &view));
        if n >= warm_up {
            open_screening.push(took);
        }
    }

    // The part of an open that loads the program's rules from the store (for the report).
    let mut load = Vec::with_capacity(iterations);
    for n in 0..warm_up + iterations {
        let t = Instant::now();
        let rule_set = load_rule_set(&store, uid(TRACKER.program), None)?;
        let took = t.elapsed();
        assert_eq!(rule_set.rules.len(), RULES);
        if n >= warm_up {
            load.push(took);
        }
    }

    let (mut session, _) = FormSession::open_event(&mut store, event, &ctx)?;
    let field = de(CHANGED);
    let values = ["12", "37.5", "80", "3", "150.5", "64"];
    let mut set = Vec::with_capacity(iterations);
    for n in 0..warm_up + iterations {
        let t = Instant::now();
        let changes = session.set_value(&mut store, &field, Some(values[n % values.len()]))?;
        let took = t.elapsed();
        std::hint::black_box(&changes);
        if n >= warm_up {
            set.push(took);
        }
    }
    assert_eq!(store.check_integrity()?, Vec::<String>::new());

    open.sort();
    open_screening.sort();
    set.sort();
    load.sort();
    let (open_median, open_p95) = (percentile(&open, 0.5), percentile(&open, 0.95));
    let (set_median, set_p95) = (percentile(&set, 0.5), percentile(&set, 0.95));
    let load_after = load_average();
    println!(
        "open_event, {FIELDS} fields / {RULES} rules / 100 variables, 10 earlier visits, {iterations} runs after {warm_up} warm-up: \
         median {open_median:.2} ms  p95 {open_p95:.2} ms  max {:.2} ms  budget median < {BUDGET_OPEN_MEDIAN_MS} ms: {}",
        percentile(&open, 1.0),
        if open_median < BUDGET_OPEN_MEDIAN_MS { "within" } else { "OVER" }
    );
    let (screening_median, screening_p95) = (percentile(&open_screening, 0.5), percentile(&open_screening, 0.95));
    println!(
        "open_event, event program ({FIELDS} fields / {RULES} rules) with {EVENT_PROGRAM_HISTORY} earlier events at the \
         org unit (stored in {history_s:.1} s): median {screening_median:.2} ms  p95 {screening_p95:.2} ms  max {:.2} ms  \
         budget median < {BUDGET_OPEN_MEDIAN_MS} ms: {}",
        percentile(&open_screening, 1.0),
        if screening_median < BUDGET_OPEN_MEDIAN_MS { "within" } else { "OVER" }
    );
    println!(
        "  of which rules::load::load_rule_set ({RULES} rules from the store): median {:.2} ms  p95 {:.2} ms",
        percentile(&load, 0.5),
        percentile(&load, 0.95)
    );
    println!(
        "set_value of one rule-read field (check, all rules, save in one transaction, changes): median {set_median:.2} ms  \
         p95 {set_p95:.2} ms  max {:.2} ms",
        percentile(&set, 1.0)
    );
    println!("load average before {load_before}, after {load_after}");
    println!(
        "{{\"bench\":\"form\",\"fields\":{FIELDS},\"rules\":{RULES},\"runs\":{iterations},\"openMedianMs\":{open_median:.3},\
         \"openP95Ms\":{open_p95:.3},\"eventProgramOpenMedianMs\":{screening_median:.3},\"eventProgramOpenP95Ms\":{screening_p95:.3},\"setValueMedianMs\":{set_median:.3},\"setValueP95Ms\":{set_p95:.3}}}"
    );
    Ok(())
}
