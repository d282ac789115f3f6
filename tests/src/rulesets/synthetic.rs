//! The synthetic benchmark program: 150 data elements of mixed kinds, 100 rule variables of
//! every source type, 300 rules with realistic conditions (range checks, option tests, dates,
//! history counts, text checks) and every action type, including ASSIGN to eight calculated
//! values chained by priority; one target event with values and ten history events.
//!
//! Owns the program's shape. Does not own timing (`bench_rules`) or the answer (`answer`).

use chrono::{NaiveDate as Date, TimeDelta};

use super::case::*;
use super::vocab::{self, DeKind};
use crate::rng::Rng;

const STAGE_A: &str = "StageAAAAA1";
const STAGE_B: &str = "StageBBBBB1";

/// Variable names by the kind of data element behind them.
struct Vars {
    num: Vec<String>,
    text: Vec<String>,
    boolean: Vec<String>,
    date: Vec<String>,
    option: Vec<(String, Vec<CaseOption>)>,
    history: Vec<String>,
    previous: Vec<String>,
}

pub fn case(seed: u64, today: Date) -> RuleSetCase {
    let rng = &mut Rng::new(seed ^ 0x5DEE_CE66_D1CE_4E5B);
    let des: Vec<(String, DeKind, Vec<CaseOption>)> = (0..150)
        .map(|i| {
            let kind = DeKind::ALL[i % 6];
            let opts = if kind == DeKind::OptionSet { vocab::options(&format!("o{i}_"), 4) } else { Vec::new() };
            (vocab::uid(rng), kind, opts)
        })
        .collect();
    let attrs = [
        ("dob", DeKind::Date),
        ("sex", DeKind::OptionSet),
        ("weight0", DeKind::Number),
        ("name", DeKind::Text),
        ("consent", DeKind::Boolean),
        ("height0", DeKind::Number),
    ];
    let attr_uids: Vec<String> = attrs.iter().map(|_| vocab::uid(rng)).collect();

    let mut variables = Vec::with_capacity(100);
    let mut vars = Vars {
        num: vec![],
        text: vec![],
        boolean: vec![],
        date: vec![],
        option: vec![],
        history: vec![],
        previous: vec![],
    };
    for (i, (de, kind, opts)) in des.iter().enumerate().take(86) {
        let (source, stage, prefix) = match i {
            0..=59 => ("DATAELEMENT_CURRENT_EVENT", None, "cur"),
            60..=69 => ("DATAELEMENT_NEWEST_EVENT_PROGRAM", None, "newest"),
            70..=77 => ("DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE", Some(STAGE_A), "stage"),
            _ => ("DATAELEMENT_PREVIOUS_EVENT", None, "prev"),
        };
        let name = format!("{prefix}_{i}");
        let mut v = vocab::variable(&name, source, de, stage, kind.engine_type());
        if *kind == DeKind::OptionSet {
            v.options = opts.clone();
            v.use_code_for_option_set = i % 12 != 5;
        }
        variables.push(v);
        match prefix {
            "newest" | "stage" => vars.history.push(name.clone()),
            "prev" => vars.previous.push(name.clone()),
            _ => {}
        }
        if prefix == "cur" {
            match kind {
                DeKind::Number | DeKind::Integer => vars.num.push(name),
                DeKind::Text => vars.text.push(name),
                DeKind::Boolean => vars.boolean.push(name),
                DeKind::Date => vars.date.push(name),
                DeKind::OptionSet => vars.option.push((name, opts.clone())),
            }
        }
    }
    for ((name, kind), uid) in attrs.iter().zip(&attr_uids) {
        let mut v = vocab::variable(name, "TEI_ATTRIBUTE", uid, None, kind.engine_type());
        if *kind == DeKind::OptionSet {
            v.options = vec![
                CaseOption { code: "M".into(), name: "Male".into() },
                CaseOption { code: "F".into(), name: "Female".into() },
            ];
        }
        variables.push(v);
    }
    let calcs: Vec<String> = (0..8).map(|i| format!("calc_{i}")).collect();
    for c in &calcs {
        variables.push(vocab::variable(c, "CALCULATED_VALUE", "", None, "TEXT"));
    }
    assert_eq!(variables.len(), 100);

    let mut rules = Vec::with_capacity(300);
    let push = |rules: &mut Vec<CaseRule>,
                condition: String,
                priority: Option<i64>,
                stage: Option<&str>,
                actions: Vec<CaseAction>| {
        let r = rules.len();
        rules.push(CaseRule {
            uid: format!("SynRule{r:04}"),
            name: format!("synthetic rule {r}"),
            condition,
            priority,
            program_stage: stage.map(str::to_string),
            actions,
        });
    };
    // The calculated-value chain, one link per priority.
    let chain = [
        format!("#{{{}}} + #{{{}}}", vars.num[0], vars.num[1]),
        format!("#{{calc_0}} * 2 + #{{{}}}", vars.num[2]),
        "d2:daysBetween(#{dob}, V{event_date})".to_string(),
        "d2:floor(#{calc_2} / 30.4)".to_string(),
        "d2:condition('#{calc_1} > 100', 'high', 'normal')".to_string(),
        "d2:concatenate(#{calc_4}, '-', #{calc_3})".to_string(),
        format!("d2:count(#{{{}}}) + d2:count(#{{{}}})", vars.history[0], vars.history[1]),
        "#{calc_6} * #{calc_3}".to_string(),
    ];
    for (k, data) in chain.iter().enumerate() {
        let mut a = vocab::action("ASSIGN", Some(data));
        a.content = Some(format!("#{{calc_{k}}}"));
        push(&mut rules, "true".into(), Some(k as i64 + 1), None, vec![a]);
    }
    let field_of = |i: usize| des[i % des.len()].0.clone();
    let mut i = 0usize;
    while rules.len() < 300 {
        let n = &vars.num[i % vars.num.len()];
        let t = &vars.text[i % vars.text.len()];
        let b = &vars.boolean[i % vars.boolean.len()];
        let d = &vars.date[i % vars.date.len()];
        let (o, opts) = &vars.option[i % vars.option.len()];
        let h = &vars.history[i % vars.history.len()];
        let f = field_of(86 + i % 64);
        let priority = match i % 5 {
            0 | 1 => None,
            2 => Some(20),
            3 => Some(20 + (i % 7) as i64),
            _ => Some(30),
        };
        let pass = vocab::PASS_THROUGH[i % vocab::PASS_THROUGH.len()];
        let (condition, actions) = match i % 12 {
            0 => (
                format!("#{{{n}}} > {}", 50 + i % 100),
                vec![vocab::typed_action("SHOWWARNING", &format!("'value ' + #{{{n}}}"), &f, "too high")],
            ),
            1 => (
                format!("d2:hasValue(#{{{n}}}) && #{{{n}}} < 0"),
                vec![vocab::typed_action("SHOWERROR", "'must not be negative'", &f, "negative")],
            ),
            2 => (
                format!("#{{{o}}} == '{}'", opts[i % opts.len()].code),
                vec![vocab::typed_action(pass, "'option picked'", &f, "option")],
            ),
            3 => (
                format!("#{{{b}}}"),
                vec![
                    vocab::typed_action("SETMANDATORYFIELD", "", &f, "needed"),
                    vocab::typed_action(pass, "#{calc_5}", &f, "chain"),
                ],
            ),
            4 => (
                format!("d2:hasValue(#{{{d}}}) && d2:daysBetween(#{{{d}}}, V{{event_date}}) < 0"),
                vec![vocab::typed_action(
                    "SHOWERROR",
                    &format!("d2:daysBetween(#{{{d}}}, V{{event_date}})"),
                    &f,
                    "date after visit",
                )],
            ),
            5 => (
                format!("d2:length(#{{{t}}}) > {}", i % 5),
                vec![vocab::typed_action("DISPLAYTEXT", &format!("d2:concatenate('Name: ', #{{{t}}})"), "", "text")],
            ),
            6 => (
                format!("#{{calc_{}}} > {}", i % 4, 10 + i % 40),
                vec![vocab::typed_action("DISPLAYKEYVALUEPAIR", &format!("#{{calc_{}}}", i % 8), "", "calc")],
            ),
            7 => {
                let mut a = vocab::action("ASSIGN", Some(&format!("#{{{n}}} * 2")));
                a.field = f.clone();
                (format!("d2:hasValue(#{{{n}}})"), vec![a])
            }
            8 => (
                format!("d2:count(#{{{h}}}) > {}", i % 3),
                vec![vocab::typed_action("WARNINGONCOMPLETE", &format!("d2:count(#{{{h}}})"), &f, "history")],
            ),
            9 => {
                let p = &vars.previous[i % vars.previous.len()];
                (
                    format!("d2:hasValue(#{{{p}}}) && #{{{n}}} >= 0"),
                    vec![vocab::typed_action(pass, &format!("#{{{p}}}"), &f, "previous")],
                )
            }
            10 => (
                "#{sex} == 'F' && d2:yearsBetween(#{dob}, V{current_date}) >= 15".to_string(),
                vec![vocab::typed_action("ERRORONCOMPLETE", "#{calc_7}", &f, "age")],
            ),
            _ => (
                format!("!#{{consent}} || #{{{b}}}"),
                vec![vocab::typed_action(pass, &format!("d2:round(#{{{n}}} / 3)"), &f, "mixed")],
            ),
        };
        let stage = (i % 9 == 4).then_some(if i.is_multiple_of(2) { STAGE_A } else { STAGE_B });
        push(&mut rules, condition, priority, stage, actions);
        i += 1;
    }

    let values_for = |rng: &mut Rng, fill: usize| -> Vec<(String, String)> {
        vocab::some_of(rng, &des, fill, |rng, (de, kind, opts)| (de.clone(), vocab::value(rng, *kind, opts, today)))
    };
    let mut events = vec![vocab::event("EventTarget", STAGE_A, today, 600, values_for(rng, 90))];
    for e in 0..10 {
        let date = today - TimeDelta::days(30 * (e as i64 + 1) - (e as i64 % 3));
        let stage = if e % 3 == 0 { STAGE_B } else { STAGE_A };
        events.push(vocab::event(&format!("EventHist{e:02}"), stage, date, 480 + e as i64, values_for(rng, 60)));
    }
    let attributes = vec![
        (attr_uids[0].clone(), vocab::day(today - TimeDelta::days(9000))),
        (attr_uids[1].clone(), "F".into()),
        (attr_uids[2].clone(), "52.5".into()),
        (attr_uids[3].clone(), "Sokha".into()),
        (attr_uids[4].clone(), "true".into()),
        (attr_uids[5].clone(), "158.0".into()),
    ];
    RuleSetCase {
        id: format!("synthetic-{seed}"),
        kind: "synthetic".into(),
        today: vocab::day(today),
        rule_set: CaseRuleSet {
            rules,
            variables,
            constants: vec![CaseConstant { uid: "ConstAAAAA1".into(), value: "10.0".into() }],
        },
        enrollment: Some(CaseEnrollment {
            uid: "EnrollSyn01".into(),
            program_name: "Synthetic program".into(),
            incident_date: vocab::day(today - TimeDelta::days(330)),
            enrollment_date: vocab::day(today - TimeDelta::days(330)),
            status: "ACTIVE".into(),
            org_unit: "OrgUnitAAA1".into(),
            org_unit_code: Some("KH0101".into()),
            attributes,
        }),
        events,
        supplementary: CaseSupplementary::default(),
        bench: Some(BenchSpec {
            event: "EventTarget".into(),
            field: des[0].0.clone(),
            values: ["12", "37.5", "80", "3", "150.5", "-2"].iter().map(|s| s.to_string()).collect(),
        }),
        phum: None,
        sites: Vec::new(),
        templates: Vec::new(),
    }
}
