//! Every whole-rule scenario of research/program-rule-scenarios.md (from the rule engine's own
//! test suite), run through `phum_core::rules`. Section letters and names follow that file.
//! Scenario D5 describes engine 3.8.x; Phum follows 3.7.2 (the Android app's engine), and the
//! test states the 3.7.2 outcome with the difference spelled out.

use chrono::{DateTime, NaiveDate as Date, TimeDelta, Utc};
use phum_core::expr::eval::VariableType;
use phum_core::model::value_type::RuleActionType as T;
use phum_core::rules::*;

const TODAY: Date = ymd(2026, 12, 2);

/// The calendar date `year-month-day` (a test constant; a bad one does not compile).
const fn ymd(year: i32, month: u32, day: u32) -> Date {
    match Date::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("no such date"),
    }
}

fn at(d: Date, hour: u32) -> DateTime<Utc> {
    d.and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

fn utc_at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    ymd(year, month, day).and_hms_opt(hour, minute, 0).unwrap().and_utc()
}

fn event(uid: &str, stage: &str, day: Option<Date>, values: &[(&str, &str)]) -> RuleEvent {
    RuleEvent {
        uid: uid.into(),
        program_stage: stage.into(),
        program_stage_name: format!("{stage} name"),
        status: EventStatus::Active,
        event_date: day,
        created: at(day.unwrap_or(TODAY), 0),
        created_at_client: None,
        due_date: day,
        completed_date: None,
        org_unit: "location1".into(),
        org_unit_code: None,
        data_values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

fn enrollment(attrs: &[(&str, &str)]) -> RuleEnrollment {
    RuleEnrollment {
        uid: "enrollment_uid".into(),
        program_name: "program".into(),
        incident_date: TODAY,
        enrollment_date: TODAY,
        status: EnrollmentStatus::Active,
        org_unit: "location1".into(),
        org_unit_code: None,
        attribute_values: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

fn display(data: &str) -> RuleAction {
    RuleAction::new(T::DisplayText, Some(data)).with_content("label")
}

fn engine(rules: Vec<Rule>, variables: Vec<RuleVariable>) -> RuleEngine {
    RuleEngine::new(RuleSet { rules, variables, constants: Vec::new() })
}

fn datas(ev: &Evaluation) -> Vec<Option<String>> {
    ev.effects.iter().map(|e| e.data.clone()).collect()
}

fn one(text: &str) -> Vec<Option<String>> {
    vec![Some(text.to_string())]
}

fn no_supp() -> Supplementary {
    Supplementary::default()
}

// ---- A. Evaluation entry points and rule scoping ----

#[test]
fn a1_failing_rule_is_dropped_and_other_rules_still_run() {
    let e = engine(
        vec![
            Rule::new("d2:daysBetween(V{enrollment_date},V{event_date}) < 0", vec![display("2 + 2")]),
            Rule::new("true", vec![display("2 + 2")]),
        ],
        vec![],
    );
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), one("4"));
    assert_eq!(out.errors.len(), 1);
    assert!(out.errors[0].to_string().contains("event_date"), "{}", out.errors[0]);
}

#[test]
fn a2_evaluate_all_keeps_error_effects_per_target() {
    let e =
        engine(vec![Rule::new("d2:daysBetween(V{enrollment_date},V{event_date}) < 0", vec![display("2 + 2")])], vec![]);
    let yesterday = TODAY - TimeDelta::days(1);
    let events =
        [event("test_event", "s", Some(TODAY), &[]), event("test_not_failing_event", "s", Some(yesterday), &[])];
    let all = e.evaluate_all(Some(&enrollment(&[])), &events, &no_supp(), TODAY);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].target, TargetKind::Enrollment);
    assert!(all[0].evaluation.effects.is_empty());
    assert_eq!(all[0].evaluation.errors.len(), 1, "the enrollment pass keeps the unknown-variable error");
    let by_uid = |uid: &str| &all.iter().find(|t| t.target_uid == uid).unwrap().evaluation;
    assert!(by_uid("test_event").effects.is_empty());
    assert_eq!(datas(by_uid("test_not_failing_event")), one("4"));
}

#[test]
fn a3_stage_scoped_rules_never_run_for_enrollments_or_other_stages() {
    let e = engine(vec![Rule::new("true", vec![display("'x'")]).with_stage("NpsdDv6kKSO")], vec![]);
    assert!(e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY).effects.is_empty());
    let other = event("e1", "nxP7UnKhomJ", Some(TODAY), &[]);
    assert!(e.evaluate_event(&other, None, &[], &no_supp(), TODAY).effects.is_empty());
    let same = event("e2", "NpsdDv6kKSO", Some(TODAY), &[]);
    assert_eq!(e.evaluate_event(&same, None, &[], &no_supp(), TODAY).effects.len(), 1);
}

#[test]
fn a4_evaluate_all_equals_individual_calls() {
    let e = engine(vec![Rule::new("true", vec![display("'text'")])], vec![]);
    let mut enr = enrollment(&[]);
    enr.enrollment_date = ymd(2023, 1, 1);
    let ev = event("ev", "stage_uid", Some(ymd(2023, 1, 2)), &[]);
    let all = e.evaluate_all(Some(&enr), std::slice::from_ref(&ev), &no_supp(), TODAY);
    let alone_enr = e.evaluate_enrollment(&enr, std::slice::from_ref(&ev), &no_supp(), TODAY);
    let alone_ev = e.evaluate_event(&ev, Some(&enr), &[], &no_supp(), TODAY);
    assert_eq!(datas(&all[0].evaluation), datas(&alone_enr));
    assert_eq!(datas(&all[1].evaluation), datas(&alone_ev));
    assert_eq!(datas(&alone_ev), one("text"));
}

#[test]
fn a5_a_thousand_calculated_value_assignments_emit_no_effect() {
    let mut rules = Vec::new();
    for _ in 0..1000 {
        rules.push(Rule::new(
            "true",
            vec![RuleAction::new(T::Assign, Some("2+2")).with_content("#{test_calculated_value}")],
        ));
        rules.push(Rule::new("#{test_calculated_value}==4", vec![RuleAction::new(T::SendMessage, Some("4"))]));
    }
    let calc = RuleVariable::new("test_calculated_value", VariableSource::Calculated, VariableType::Text);
    let e = engine(rules, vec![calc]);
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert_eq!(out.effects.len(), 1000);
    assert!(out.effects.iter().all(|f| f.action_type == T::SendMessage && f.data.as_deref() == Some("4")));
}

// ---- B. Ordering ----

fn error_action(data: &str, priority: Option<i64>) -> RuleAction {
    RuleAction::new(T::ShowError, Some(data)).with_priority(priority)
}

#[test]
fn b1_rules_run_by_priority_with_unprioritised_rules_last() {
    let e = engine(
        vec![
            Rule::new("true", vec![error_action("2", None)]).with_priority(Some(100)),
            Rule::new("true", vec![error_action("3", None)]),
            Rule::new("true", vec![error_action("1", None)]).with_priority(Some(1)),
        ],
        vec![],
    );
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), vec![Some("1".into()), Some("2".into()), Some("3".into())]);
}

#[test]
fn b2_actions_run_by_their_own_priority_inside_each_rule() {
    let rule = |p: Option<i64>, base: i32| {
        Rule::new(
            "true",
            vec![
                error_action(&(base + 2).to_string(), Some(100)),
                error_action(&(base + 3).to_string(), None),
                error_action(&(base + 1).to_string(), Some(1)),
            ],
        )
        .with_priority(p)
    };
    let e = engine(vec![rule(Some(100), 3), rule(None, 6), rule(Some(1), 0)], vec![]);
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    let got: Vec<String> = out.effects.iter().map(|f| f.data.clone().unwrap()).collect();
    assert_eq!(got, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
}

#[test]
fn b3_events_order_by_date_then_client_creation_time() {
    let yesterday = TODAY - TimeDelta::days(1);
    let mut evs = [
        event("today", "s", Some(TODAY), &[]),
        event("yesterday", "s", Some(yesterday), &[]),
        event("tomorrow", "s", Some(TODAY + TimeDelta::days(1)), &[]),
    ];
    evs.sort_by(RuleEvent::chronological);
    let uids: Vec<&str> = evs.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(uids, ["yesterday", "today", "tomorrow"]);

    let mut late = event("14h", "s", Some(TODAY), &[]);
    late.created = at(TODAY, 14);
    let mut early = event("10h", "s", Some(TODAY), &[]);
    early.created = at(TODAY, 10);
    let mut pair = [late.clone(), early.clone()];
    pair.sort_by(RuleEvent::chronological);
    assert_eq!(pair[0].uid, "10h");

    // createdAtClient wins over created
    let mut a = event("client14", "s", Some(yesterday), &[]);
    a.created = at(yesterday, 0);
    a.created_at_client = Some(at(yesterday, 14));
    let mut b = event("client10", "s", Some(yesterday), &[]);
    b.created = at(yesterday, 0);
    b.created_at_client = Some(at(yesterday, 10));
    let mut pair = [a, b];
    pair.sort_by(RuleEvent::chronological);
    assert_eq!(pair[0].uid, "client10");

    // mixed: created only at 10:00 against createdAtClient 14:00
    let mut c = event("created10", "s", Some(TODAY), &[]);
    c.created = at(TODAY, 10);
    let mut d = event("client14", "s", Some(TODAY), &[]);
    d.created = at(TODAY, 0);
    d.created_at_client = Some(at(TODAY, 14));
    let mut pair = [d, c];
    pair.sort_by(RuleEvent::chronological);
    assert_eq!(pair[0].uid, "created10");
}

// ---- C. Variables ----

/// Evaluates `expr` as a DISPLAYTEXT for `target` and returns the effect data.
fn data_of(vars: Vec<RuleVariable>, expr: &str, target: &RuleEvent, others: &[RuleEvent]) -> Option<String> {
    let e = engine(vec![Rule::new("true", vec![display(expr)])], vars);
    let out = e.evaluate_event(target, None, others, &no_supp(), TODAY);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    out.effects[0].data.clone()
}

fn var(name: &str, source: VariableSource, t: VariableType) -> RuleVariable {
    RuleVariable::new(name, source, t)
}

fn current(name: &str, de: &str) -> RuleVariable {
    var(name, VariableSource::CurrentEvent { data_element: de.into() }, VariableType::Text)
}

fn newest(name: &str, de: &str) -> RuleVariable {
    var(name, VariableSource::NewestEvent { data_element: de.into() }, VariableType::Text)
}

#[test]
fn c1_current_event_variable_reads_the_target_event_and_the_environment_is_complete() {
    let mut target =
        event("current", "s", Some(ymd(2015, 1, 1)), &[("de1", "test_value_one"), ("de2", "test_value_two")]);
    target.due_date = Some(ymd(2016, 1, 1));
    let others = [
        event("c1", "s", Some(ymd(2014, 1, 1)), &[("de1", "test_context_value_one")]),
        event("c2", "s", Some(ymd(2014, 2, 1)), &[("de2", "test_context_value_two")]),
    ];
    let vars = vec![current("test_variable_one", "de1"), current("test_variable_two", "de2")];
    assert_eq!(data_of(vars.clone(), "#{test_variable_one}", &target, &others).as_deref(), Some("test_value_one"));
    assert_eq!(data_of(vars.clone(), "d2:count(#{test_variable_one})", &target, &others).as_deref(), Some("1"));
    assert_eq!(data_of(vars.clone(), "V{event_count}", &target, &others).as_deref(), Some("3"));
    assert_eq!(data_of(vars.clone(), "V{event_status}", &target, &others).as_deref(), Some("ACTIVE"));
    assert_eq!(data_of(vars.clone(), "V{due_date}", &target, &others).as_deref(), Some("2016-01-01"));

    // 12 environment variables + 2 variables
    let set = RuleSet { rules: vec![], variables: vars.clone(), constants: vec![] };
    let refs: Vec<&RuleEvent> = others.iter().chain(std::iter::once(&target)).collect();
    let history = phum_core::rules::values::History::new(&refs);
    let map = phum_core::rules::values::build(&set, &history, 3, None, Some(&target), TODAY);
    assert_eq!(map.len(), 14, "{:?}", map.keys().collect::<Vec<_>>());

    // in an enrollment evaluation a current-event variable is empty
    let e = engine(vec![Rule::new("true", vec![display("d2:hasValue(#{test_variable_one})")])], vars);
    let out = e.evaluate_enrollment(&enrollment(&[]), &others, &no_supp(), TODAY);
    assert_eq!(datas(&out), one("false"));
}

#[test]
fn c2_newest_event_variable_reads_the_newest_event_and_keeps_every_candidate() {
    let target = event("current", "s", Some(ymd(2015, 1, 1)), &[("de1", "test_value_one_current")]);
    let others = [
        event("oldest", "s", Some(ymd(2013, 1, 1)), &[("de1", "test_value_one_oldest")]),
        event("newest", "s", Some(ymd(2017, 1, 1)), &[("de1", "test_value_one_newest")]),
    ];
    let vars = vec![newest("v", "de1"), newest("empty", "de_missing")];
    assert_eq!(data_of(vars.clone(), "#{v}", &target, &others).as_deref(), Some("test_value_one_newest"));
    assert_eq!(data_of(vars.clone(), "d2:count(#{v})", &target, &others).as_deref(), Some("3"));
    assert_eq!(
        data_of(vars.clone(), "d2:countIfValue(#{v}, 'test_value_one_oldest')", &target, &others).as_deref(),
        Some("1")
    );
    assert_eq!(data_of(vars.clone(), "d2:lastEventDate(#{v})", &target, &others).as_deref(), Some("2017-01-01"));
    assert_eq!(data_of(vars.clone(), "d2:hasValue(#{empty})", &target, &others).as_deref(), Some("false"));
    assert_eq!(data_of(vars.clone(), "d2:count(#{empty})", &target, &others).as_deref(), Some("0"));
    // the target itself is newest
    let newest_target = event("current", "s", Some(ymd(2018, 1, 1)), &[("de1", "mine")]);
    assert_eq!(data_of(vars, "#{v}", &newest_target, &others).as_deref(), Some("mine"));
}

#[test]
fn c3_newest_event_in_stage_only_considers_that_stage() {
    let v = var(
        "v",
        VariableSource::NewestEventInStage { data_element: "de".into(), program_stage: "stage_one".into() },
        VariableType::Text,
    );
    let target = event("current", "stage_one", Some(ymd(2011, 2, 3)), &[("de", "test_value_current")]);
    let others = [
        event("one", "stage_one", Some(ymd(2014, 2, 3)), &[("de", "test_value_one")]),
        event("two", "stage_two", Some(ymd(2014, 3, 3)), &[("de", "test_value_two")]),
        event("three", "stage_two", Some(ymd(2015, 2, 3)), &[("de", "test_value_three")]),
    ];
    assert_eq!(data_of(vec![v.clone()], "#{v}", &target, &others).as_deref(), Some("test_value_one"));
    assert_eq!(data_of(vec![v.clone()], "d2:count(#{v})", &target, &others).as_deref(), Some("2"));
    let lone = event("current", "stage_two", Some(ymd(2011, 2, 3)), &[]);
    assert_eq!(data_of(vec![v], "d2:hasValue(#{v})", &lone, &others[1..]).as_deref(), Some("false"));
}

fn previous(name: &str, t: VariableType) -> RuleVariable {
    var(name, VariableSource::PreviousEvent { data_element: "de".into() }, t)
}

#[test]
fn c4_previous_event_is_the_newest_strictly_before_the_target() {
    let one_ = event("one", "s", Some(ymd(2014, 2, 3)), &[("de", "test_value_one")]);
    let mut two = event("two", "s", Some(ymd(2014, 3, 3)), &[("de", "test_value_two")]);
    let three = event("three", "s", Some(ymd(2015, 2, 3)), &[("de", "test_value_three")]);
    let target = event("current", "s", Some(ymd(2014, 5, 3)), &[("de", "test_value_current")]);
    let others = [one_.clone(), two.clone(), three.clone()];
    let v = vec![previous("v", VariableType::Text)];
    assert_eq!(data_of(v.clone(), "#{v}", &target, &others).as_deref(), Some("test_value_two"));
    assert_eq!(data_of(v.clone(), "d2:count(#{v})", &target, &others).as_deref(), Some("4"));
    assert_eq!(data_of(v.clone(), "d2:countIfValue(#{v}, 'test_value_three')", &target, &others).as_deref(), Some("1"));

    // same date: the other event was created later, so it is not previous
    let mut same_day = event("current", "s", Some(ymd(2014, 3, 3)), &[("de", "test_value_current")]);
    same_day.created = utc_at(2014, 2, 3, 1, 0);
    two.created = utc_at(2014, 3, 3, 1, 0);
    let others = [one_, two, three];
    assert_eq!(data_of(v, "#{v}", &same_day, &others).as_deref(), Some("test_value_one"));
}

#[test]
fn c5_previous_event_breaks_ties_by_creation_time() {
    let yesterday = TODAY - TimeDelta::days(1);
    let tomorrow = TODAY + TimeDelta::days(1);
    let before_yesterday = TODAY - TimeDelta::days(2);
    let history_event = |uid: &str, day: Date, created: DateTime<Utc>, value: &str| {
        let mut e = event(uid, "s", Some(day), &[("de", value)]);
        e.created = created;
        e
    };
    let history = vec![
        history_event("h1", TODAY, at(TODAY, 0), "1"),
        history_event("h2", yesterday, at(TODAY, 10), "2"),
        history_event("h3", yesterday, at(TODAY, 14), "3"),
        history_event("h4", tomorrow, at(TODAY, 0), "4"),
        history_event("h5", before_yesterday, at(TODAY, 14), "5"),
    ];
    let v = vec![previous("v", VariableType::Number)];
    let prev = |target: RuleEvent| {
        data_of(v.clone(), "d2:hasValue(#{v}) && true", &target, &history)
            .unwrap()
            .eq("true")
            .then(|| data_of(v.clone(), "#{v}", &target, &history).unwrap())
    };
    let target = |day: Date, created: DateTime<Utc>, client: Option<DateTime<Utc>>| {
        let mut e = event("target", "s", Some(day), &[]);
        e.created = created;
        e.created_at_client = client;
        e
    };
    // no history: empty
    assert_eq!(
        data_of(v.clone(), "d2:hasValue(#{v})", &target(TODAY, at(TODAY, 0), None), &[]).as_deref(),
        Some("false")
    );
    assert_eq!(prev(target(tomorrow, at(TODAY, 0), None)).as_deref(), Some("1"));
    assert_eq!(prev(target(TODAY, at(TODAY, 0), None)).as_deref(), Some("3"));
    assert_eq!(prev(target(yesterday, at(TODAY, 14), None)).as_deref(), Some("2"));
    assert_eq!(prev(target(yesterday, at(tomorrow, 0), Some(at(TODAY, 14)))).as_deref(), Some("2"));
    assert_eq!(prev(target(yesterday, at(yesterday, 0), None)).as_deref(), Some("5"));
    assert_eq!(prev(target(yesterday, at(tomorrow, 0), Some(at(yesterday, 0)))).as_deref(), Some("5"));
    assert_eq!(prev(target(before_yesterday, at(TODAY, 0), None)), None);
}

#[test]
fn c6_attribute_variables_and_enrollment_environment() {
    let v = var("attr", VariableSource::Attribute { attribute: "a1".into() }, VariableType::Text);
    let e = |expr: &str| {
        let eng = engine(vec![Rule::new("true", vec![display(expr)])], vec![v.clone()]);
        let out = eng.evaluate_enrollment(&enrollment(&[("a1", "attr_value")]), &[], &no_supp(), TODAY);
        out.effects[0].data.clone()
    };
    assert_eq!(e("A{attr}").as_deref(), Some("attr_value"));
    assert_eq!(e("d2:count(A{attr})").as_deref(), Some("1"));
    assert_eq!(e("d2:lastEventDate(A{attr})"), Some(TODAY.to_string()));
    assert_eq!(e("V{enrollment_status}").as_deref(), Some("ACTIVE"));
    assert_eq!(e("V{enrollment_count}").as_deref(), Some("1"));
    assert_eq!(e("V{tei_count}").as_deref(), Some("1"));
    assert_eq!(e("V{enrollment_id}").as_deref(), Some("enrollment_uid"));
    assert_eq!(e("V{incident_date}"), Some(TODAY.to_string()));

    // evaluate_all: one map per target; event_count is shared, event_date differs
    let eng = engine(vec![Rule::new("true", vec![display("V{event_count}"), display("V{event_date}")])], vec![]);
    let events = [event("e1", "s", Some(ymd(2020, 1, 1)), &[]), event("e2", "s", Some(ymd(2020, 2, 1)), &[])];
    let all = eng.evaluate_all(Some(&enrollment(&[])), &events, &no_supp(), TODAY);
    assert_eq!(datas(&all[1].evaluation), vec![Some("2".into()), Some("2020-01-01".into())]);
    assert_eq!(datas(&all[2].evaluation), vec![Some("2".into()), Some("2020-02-01".into())]);
    // the enrollment map has no event_date: an error there
    assert_eq!(datas(&all[0].evaluation), one("2"));
    assert_eq!(all[0].evaluation.errors.len(), 1);
}

#[test]
fn c7_an_undated_event_has_an_empty_event_date() {
    let target = event("ev", "s", None, &[]);
    let assign = RuleAction::new(T::Assign, Some("V{event_date}")).with_field("test_data_element");
    let e = engine(vec![Rule::new("true", vec![assign])], vec![]);
    let out = e.evaluate_event(&target, None, &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), vec![None]);

    let has = engine(vec![Rule::new("d2:hasValue(V{event_date})", vec![display("1")])], vec![]);
    assert!(has.evaluate_event(&target, None, &[], &no_supp(), TODAY).effects.is_empty());
    let not = engine(vec![Rule::new("!d2:hasValue(V{event_date})", vec![display("1")])], vec![]);
    assert_eq!(not.evaluate_event(&target, None, &[], &no_supp(), TODAY).effects.len(), 1);

    // no target event: no event_date key at all
    let set = RuleSet::default();
    let map = phum_core::rules::values::build(&set, &Default::default(), 0, None, None, TODAY);
    assert!(!map.contains_key("event_date"));
}

#[test]
fn c8_option_names_replace_codes_in_value_but_not_in_candidates() {
    let options = vec![
        RuleOption { code: "code1".into(), name: "name1".into() },
        RuleOption { code: "code2".into(), name: "name2".into() },
    ];
    let mut by_name = newest("test_variable", "de");
    by_name.use_code_for_option_set = false;
    by_name.options = options.clone();
    let target = event("ev", "s", Some(TODAY), &[("de", "code1")]);
    assert_eq!(data_of(vec![by_name.clone()], "#{test_variable}", &target, &[]).as_deref(), Some("name1"));
    assert_eq!(
        data_of(vec![by_name], "d2:countIfValue(#{test_variable}, 'code1')", &target, &[]).as_deref(),
        Some("1")
    );

    let mut by_code = current("test_variable", "de");
    by_code.options = options;
    let target = event("ev", "s", Some(TODAY), &[("de", "code2")]);
    assert_eq!(data_of(vec![by_code], "#{test_variable}", &target, &[]).as_deref(), Some("code2"));
}

#[test]
fn c9_comparison_follows_the_variable_type() {
    let target = event("ev", "s", Some(TODAY), &[("de1", "30"), ("de2", "4")]);
    let make = |t| {
        vec![
            var("test_variable", VariableSource::CurrentEvent { data_element: "de1".into() }, t),
            var("test_variable2", VariableSource::CurrentEvent { data_element: "de2".into() }, t),
        ]
    };
    let rule = || Rule::new("#{test_variable} > #{test_variable2}", vec![display("#{test_variable}")]);
    let numeric =
        engine(vec![rule()], make(VariableType::Number)).evaluate_event(&target, None, &[], &no_supp(), TODAY);
    assert_eq!(datas(&numeric), one("30"));
    let text = engine(vec![rule()], make(VariableType::Text)).evaluate_event(&target, None, &[], &no_supp(), TODAY);
    assert!(text.effects.is_empty());
}

#[test]
fn c10_environment_variables_have_upstream_values() {
    let enr = RuleEnrollment {
        uid: "enrollment id".into(),
        program_name: "program name".into(),
        incident_date: ymd(2020, 1, 1),
        enrollment_date: ymd(2019, 1, 1),
        status: EnrollmentStatus::Active,
        org_unit: "organisation unit".into(),
        org_unit_code: Some("organisation unit code".into()),
        attribute_values: vec![],
    };
    let ev = RuleEvent {
        uid: "event id".into(),
        program_stage: "program stage".into(),
        program_stage_name: "program stage name".into(),
        status: EventStatus::Active,
        event_date: Some(ymd(2019, 2, 2)),
        created: at(ymd(2019, 2, 2), 0),
        created_at_client: None,
        due_date: Some(ymd(2020, 6, 1)),
        completed_date: None,
        org_unit: "organisation unit".into(),
        org_unit_code: Some("organisation unit code".into()),
        data_values: vec![],
    };
    // (enrollment evaluation, event evaluation): the effect data of an ASSIGN of `expr`
    let assign = |expr: &str| {
        let e = engine(
            vec![Rule::new("true", vec![RuleAction::new(T::Assign, Some(expr)).with_field("test_data_element")])],
            vec![],
        );
        let first = |out: Evaluation| out.effects.first().map(|f| f.data.clone()).unwrap_or(Some("<no effect>".into()));
        (
            first(e.evaluate_enrollment(&enr, &[], &no_supp(), TODAY)),
            first(e.evaluate_event(&ev, Some(&enr), &[], &no_supp(), TODAY)),
        )
    };
    let s = |x: &str| Some(x.to_string());
    assert_eq!(assign("V{current_date}").0, Some(TODAY.to_string()));
    assert_eq!(assign("V{completed_date}").1, None);
    assert_eq!(assign("V{due_date}").1, s("2020-06-01"));
    assert_eq!(assign("V{enrollment_count}").0, s("1"));
    assert_eq!(assign("V{enrollment_date}").0, s("2019-01-01"));
    assert_eq!(assign("V{enrollment_id}").0, s("enrollment id"));
    assert_eq!(assign("V{enrollment_status}").0, s("ACTIVE"));
    assert_eq!(assign("V{environment}").0, s("Server"));
    assert_eq!(assign("V{event_count}").1, s("1"));
    assert_eq!(assign("V{event_date}").1, s("2019-02-02"));
    assert_eq!(assign("V{event_id}").1, s("event id"));
    assert_eq!(assign("V{event_status}").1, s("ACTIVE"));
    assert_eq!(assign("V{incident_date}").1, s("2020-01-01"));
    assert_eq!(assign("V{org_unit}").0, s("organisation unit"));
    assert_eq!(assign("V{orgunit_code}").1, s("organisation unit code"));
    assert_eq!(assign("V{program_name}").0, s("program name"));
    assert_eq!(assign("V{program_stage_id}").1, s("program stage"));
    assert_eq!(assign("V{program_stage_name}").1, s("program stage name"));
    assert_eq!(assign("V{tei_count}").0, s("1"));
}

// ---- D. ASSIGN ----

#[test]
fn d1_assigning_a_field_is_visible_under_the_field_uid() {
    let e = engine(
        vec![
            Rule::new("true", vec![RuleAction::new(T::Assign, Some("4")).with_field("test_attribute")]),
            Rule::new("#{test_attribute} > 3", vec![RuleAction::new(T::ShowError, Some("#{test_attribute}"))]),
        ],
        vec![],
    );
    let out = e.evaluate_enrollment(&enrollment(&[("test_attribute", "test_value")]), &[], &no_supp(), TODAY);
    let kinds: Vec<(T, Option<String>)> = out.effects.iter().map(|f| (f.action_type, f.data.clone())).collect();
    assert_eq!(kinds, vec![(T::Assign, Some("4".into())), (T::ShowError, Some("4".into()))]);
}

#[test]
fn d2_assign_through_content_to_an_undeclared_name_updates_the_map_silently() {
    let e = engine(
        vec![
            Rule::new("true", vec![RuleAction::new(T::Assign, Some("4")).with_content("#{test_attribute}")]),
            Rule::new("#{test_attribute} > 3", vec![RuleAction::new(T::ShowError, Some("#{test_attribute}"))]),
        ],
        vec![],
    );
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert_eq!(out.effects.len(), 1);
    assert_eq!(out.effects[0].action_type, T::ShowError);
    assert_eq!(out.effects[0].data.as_deref(), Some("4"));
}

#[test]
fn d3_constants_read_as_numbers() {
    let set = RuleSet {
        rules: vec![Rule::new("true", vec![RuleAction::new(T::Assign, Some("C{A1234567890}")).with_field("f")])],
        variables: vec![],
        constants: vec![("A1234567890".into(), "3.14".into())],
    };
    let e = RuleEngine::new(set);
    assert_eq!(datas(&e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY)), one("3.14"));
    let ev = event("ev", "s", Some(TODAY), &[]);
    assert_eq!(datas(&e.evaluate_event(&ev, None, &[], &no_supp(), TODAY)), one("3.14"));
}

#[test]
fn d4_calculated_values_pass_data_between_rules() {
    let calc = RuleVariable::new("test_calculated_value", VariableSource::Calculated, VariableType::Text);
    for (condition, data) in [("#{test_calculated_value}==4", "4"), ("#{test_calculated_value}==4.0", "4.0")] {
        let e = engine(
            vec![
                Rule::new(
                    "true",
                    vec![RuleAction::new(T::Assign, Some("2+2")).with_content("#{test_calculated_value}")],
                ),
                Rule::new(condition, vec![RuleAction::new(T::SendMessage, Some(data))]),
            ],
            vec![calc.clone()],
        );
        let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
        assert_eq!(out.effects.len(), 1, "{condition}");
        assert_eq!(out.effects[0].action_type, T::SendMessage);
        assert_eq!(out.effects[0].data.as_deref(), Some("4"));
    }
}

#[test]
fn d5_assign_targets_follow_engine_3_7_2() {
    let attr =
        var("attribute", VariableSource::Attribute { attribute: "test_attribute_one".into() }, VariableType::Text);
    // 3.8.x: an effect on test_attribute_one. 3.7.2: `A{...}` is not a calculated-value name: error.
    let e = engine(
        vec![Rule::new("true", vec![RuleAction::new(T::Assign, Some("'test_string'")).with_content("A{attribute}")])],
        vec![attr],
    );
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert!(out.effects.is_empty());
    assert!(matches!(out.errors[0].cause, RuleErrorCause::MalformedAssignTarget { .. }));

    // 3.8.x: an effect on test_data_element. 3.7.2: the variable's value changes, no effect.
    let de_var = current("variable", "test_data_element");
    let e = engine(
        vec![
            Rule::new("true", vec![RuleAction::new(T::Assign, Some("'test_string'")).with_content("#{variable}")]),
            Rule::new("true", vec![display("#{variable}")]),
        ],
        vec![de_var],
    );
    let ev = event("ev", "s", Some(TODAY), &[]);
    let out = e.evaluate_event(&ev, None, &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), one("test_string"));

    // assignToUndeclaredVariableMustNotProduceEffect
    let e = engine(
        vec![Rule::new("true", vec![RuleAction::new(T::Assign, Some("'x'")).with_content("#{undeclared_variable}")])],
        vec![],
    );
    assert!(e.evaluate_event(&ev, None, &[], &no_supp(), TODAY).effects.is_empty());

    // malformed: neither field nor content
    let e = engine(vec![Rule::new("true", vec![RuleAction::new(T::Assign, Some("'x'"))])], vec![]);
    let all = e.evaluate_all(None, std::slice::from_ref(&ev), &no_supp(), TODAY);
    let message = all[0].evaluation.errors[0].to_string();
    assert!(message.contains("'field'") && message.contains("'content'"), "{message}");

    // simpleConditionMustResultInAssignEffect
    let e = engine(
        vec![Rule::new(
            "true",
            vec![RuleAction::new(T::Assign, Some("'test_string'")).with_field("test_data_element")],
        )],
        vec![],
    );
    let out = e.evaluate_event(&ev, None, &[], &no_supp(), TODAY);
    assert_eq!(out.effects[0].field, "test_data_element");
    assert_eq!(datas(&out), one("test_string"));

    // field wins over content
    let e = engine(
        vec![Rule::new("true", vec![RuleAction::new(T::Assign, Some("'v'")).with_field("f1").with_content("#{calc}")])],
        vec![],
    );
    let out = e.evaluate_event(&ev, None, &[], &no_supp(), TODAY);
    assert_eq!(out.effects[0].field, "f1");
}

#[test]
fn d6_field_assignments_are_not_seen_through_variables_in_the_same_run() {
    let v = current("weight", "de_weight");
    let e = engine(
        vec![
            Rule::new("true", vec![RuleAction::new(T::Assign, Some("12")).with_field("de_weight")])
                .with_priority(Some(1)),
            Rule::new("!d2:hasValue(#{weight})", vec![RuleAction::new(T::ShowWarning, Some("'missing'"))])
                .with_priority(Some(2)),
        ],
        vec![v],
    );
    let ev = event("ev", "s", Some(TODAY), &[]);
    let out = e.evaluate_event(&ev, None, &[], &no_supp(), TODAY);
    assert_eq!(out.effects.len(), 2);
    assert_eq!(out.effects[1].data.as_deref(), Some("missing"));
}

// ---- E. Functions in rule context ----

struct Case {
    vars: Vec<RuleVariable>,
    events: Vec<RuleEvent>,
    condition: &'static str,
    expr: &'static str,
}

fn text_vars(values: &[&str]) -> (Vec<RuleVariable>, Vec<(String, String)>) {
    let names = ["test_var_one", "test_var_two", "test_var_three"];
    let vars = values.iter().enumerate().map(|(i, _)| current(names[i], &format!("de{i}"))).collect();
    let data = values.iter().enumerate().map(|(i, v)| (format!("de{i}"), v.to_string())).collect();
    (vars, data)
}

fn with_values(values: &[&str], t: VariableType) -> (Vec<RuleVariable>, Vec<RuleEvent>) {
    let (mut vars, data) = text_vars(values);
    for v in &mut vars {
        v.value_type = t;
    }
    let mut ev = event("target", "s", Some(TODAY), &[]);
    ev.data_values = data;
    (vars, vec![ev])
}

/// NEWEST NUMERIC/TEXT variable `test_var_one` over events with these values (last = target).
fn newest_over(values: &[&str], t: VariableType) -> (Vec<RuleVariable>, Vec<RuleEvent>) {
    let mut v = newest("test_var_one", "de0");
    v.value_type = t;
    let events = values
        .iter()
        .enumerate()
        .map(|(i, x)| event(&format!("e{i}"), "s", Some(TODAY - TimeDelta::days(10 - i as i64)), &[("de0", x)]))
        .collect();
    (vec![v], events)
}

fn run_case(c: Case) -> Option<Option<String>> {
    let e = engine(vec![Rule::new(c.condition, vec![display(c.expr)])], c.vars);
    let (target, others) = c.events.split_last().unwrap();
    let mut supp = Supplementary::default();
    supp.org_unit_groups.insert("OU_GROUP_ID".into(), vec!["location1".into(), "location2".into()]);
    supp.user_roles = vec!["role1".into(), "role2".into()];
    supp.user_groups = vec!["member1".into(), "member2".into()];
    let out = e.evaluate_event(target, None, others, &supp, TODAY);
    assert!(out.errors.is_empty(), "{} / {}: {:?}", c.condition, c.expr, out.errors);
    out.effects.first().map(|f| f.data.clone())
}

fn check(values: (Vec<RuleVariable>, Vec<RuleEvent>), condition: &'static str, expr: &'static str, expected: &str) {
    let (vars, events) = values;
    let got = run_case(Case { vars, events, condition, expr });
    assert_eq!(got, Some(Some(expected.to_string())), "{condition} => {expr}");
}

fn fires(values: (Vec<RuleVariable>, Vec<RuleEvent>), condition: &'static str) {
    let (vars, events) = values;
    let got = run_case(Case { vars, events, condition, expr: "1" });
    assert!(got.is_some(), "{condition} should fire");
}

const TXT: VariableType = VariableType::Text;
const NUM: VariableType = VariableType::Number;

#[test]
fn e_functions_in_rule_context() {
    check(with_values(&["test_value"], TXT), "true", "d2:hasValue(#{test_var_one})", "true");
    let (vars, _) = with_values(&["x"], TXT);
    check((vars, vec![event("t", "s", Some(TODAY), &[])]), "true", "d2:hasValue(#{test_var_one})", "false");
    check(with_values(&["test_value"], TXT), "true", "d2:hasValue('test_var_one')", "true");
    check(with_values(&[], TXT), "true", "V{program_stage_name}", "s name");
    check(
        with_values(&["2017-01-01", "2017-02-01"], TXT),
        "true",
        "d2:daysBetween(#{test_var_one}, #{test_var_two})",
        "31",
    );
    check(with_values(&["2017-01-01"], TXT), "true", "d2:daysBetween(#{test_var_one}, '2018-01-01')", "365");
    check(with_values(&["OU_GROUP_ID"], TXT), "true", "d2:inOrgUnitGroup(#{test_var_one})", "true");
    check(with_values(&[], TXT), "true", "d2:inOrgUnitGroup('OU_GROUP_ID')", "true");
    check(with_values(&["role1"], TXT), "true", "d2:hasUserRole(#{test_var_one})", "true");
    check(with_values(&[], TXT), "true", "d2:hasUserRole('role1')", "true");
    check(with_values(&[], TXT), "d2:inUserGroup('member1')", "", "");
    check(with_values(&["2017-01-01", "2"], TXT), "true", "d2:addDays(#{test_var_one}, #{test_var_two})", "2017-01-03");
    check(
        with_values(&["2017-01-03", "-2"], TXT),
        "true",
        "d2:addDays(#{test_var_one}, #{test_var_two})",
        "2017-01-01",
    );
    let cond = &["condition", "condition2", "condition"];
    check(newest_over(cond, TXT), "true", "d2:countIfValue(#{test_var_one}, 'condition')", "2");
    check(newest_over(cond, TXT), "true", "d2:countIfValue('test_var_one', 'condition')", "2");
    let mut four = newest_over(cond, TXT);
    four.1.push(event("e9", "s", Some(TODAY), &[]));
    check(four.clone(), "true", "d2:count(#{test_var_one})", "3");
    check(four, "true", "d2:count('test_var_one')", "3");
    let two = &["a", "b"];
    check(
        newest_over(two, TXT),
        "d2:hasValue(V{current_date}) && d2:count(#{test_var_one}) > 0",
        "d2:count(#{test_var_one})",
        "2",
    );
    check(
        newest_over(two, TXT),
        "d2:hasValue(V{current_date}) || d2:count(#{test_var_one}) > 0",
        "d2:count(#{test_var_one})",
        "2",
    );
    check(newest_over(&["2.6"], NUM), "true", "d2:round(#{test_var_one})", "3");
    check(newest_over(&["2.6"], NUM), "true", "d2:modulus(#{test_var_one}, 2)", "0.6");
    check(with_values(&["ABCD"], TXT), "true", "d2:substring(#{test_var_one}, 1, 3)", "BC");
    check(
        with_values(&["2018-01-01", "2018-02-01"], TXT),
        "true",
        "d2:weeksBetween(#{test_var_one}, #{test_var_two})",
        "4",
    );
    check(
        with_values(&["2018-01-01", "2018-09-01"], TXT),
        "true",
        "d2:monthsBetween(#{test_var_one}, #{test_var_two})",
        "8",
    );
    check(
        with_values(&["2016-01-01", "2018-09-01"], TXT),
        "d2:yearsBetween('2016-01-01', '2018-09-01') == 2",
        "d2:yearsBetween(#{test_var_one}, #{test_var_two})",
        "2",
    );
    check(with_values(&[], TXT), "true", "d2:zpvc( '1', '0', '-1' )", "2");
    check(with_values(&[], TXT), "true", "d2:zing( '-1' )", "0");
    check(with_values(&[], TXT), "true", "d2:oizp( '0' )", "1");
    check(newest_over(&["0", "1", "-3"], NUM), "true", "d2:countIfZeroPos(#{test_var_one})", "2");
    check(newest_over(&["0", "1", "-3"], NUM), "true", "d2:countIfZeroPos('test_var_one')", "2");
    check(with_values(&["yyyy-mm-dd"], TXT), "true", "d2:left(#{test_var_one}, 4)", "yyyy");
    check(with_values(&["yyyy-mm-dd"], TXT), "true", "d2:right(#{test_var_one}, 2)", "dd");
    check(with_values(&["weeks"], TXT), "true", "d2:concatenate(#{test_var_one}, '+days')", "weeks+days");
    check(with_values(&["44455545454"], TXT), "true", "d2:validatePattern(#{test_var_one}, '.*555.*')", "true");
    check(with_values(&["444887777"], TXT), "true", "d2:validatePattern(#{test_var_one}, '.*555.*')", "false");
    check(with_values(&["testString"], TXT), "true", "d2:length(#{test_var_one})", "10");
    check(with_values(&["test-String-for-split"], TXT), "true", "d2:split(#{test_var_one},'-',2)", "for");
    check(
        with_values(&["19.9", "0.9", "10.6"], NUM),
        "true",
        "d2:floor(#{test_var_one} + d2:ceil(#{test_var_three})) / 5 * d2:ceil(#{test_var_two})",
        "6",
    );
    check(newest_over(&["5", "7", "8"], NUM), "true", "d2:minValue(#{test_var_one})", "5");
    check(newest_over(&["5", "7", "8"], NUM), "true", "d2:minValue('test_var_one')", "5");
    fires(newest_over(&["5", "7", "8"], NUM), "d2:maxValue(#{test_var_one}) == 8.0");
    fires(newest_over(&["5", "7", "8"], NUM), "d2:maxValue('test_var_one') == 8.0");
}

#[test]
fn e_z_scores_in_rule_context() {
    fires(with_values(&["4.5", "male"], TXT), "d2:zScoreWFA(1,#{test_var_one},#{test_var_two}) == 0");
    fires(with_values(&["66.3", "1"], TXT), "d2:zScoreHFA(12,#{test_var_one},#{test_var_two}) == -3");
    fires(with_values(&["68.7", "male"], TXT), "d2:zScoreHFA(10,#{test_var_one},#{test_var_two}) == -2");
    fires(with_values(&["12.5", "1"], TXT), "d2:zScoreWFH(81.5,#{test_var_one},#{test_var_two}) == 2");
    // the upstream test reads the gender through A{}: the same map
    fires(with_values(&["3", "male"], TXT), "d2:zScoreWFH(52,#{test_var_one},A{test_var_two}) < 2");
}

#[test]
fn e_last_event_date_of_a_variable_and_of_the_event_id() {
    let mut v = newest("test_var_one", "de0");
    v.value_type = TXT;
    let events = vec![
        event("e1", "s", Some(TODAY - TimeDelta::days(2)), &[("de0", "a")]),
        event("e2", "s", Some(TODAY - TimeDelta::days(1)), &[("de0", "b")]),
        event("target", "s", Some(TODAY + TimeDelta::days(2)), &[("de0", "c")]),
    ];
    let plus2 = (TODAY + TimeDelta::days(2)).to_string();
    let got = run_case(Case { vars: vec![v], events, condition: "true", expr: "d2:lastEventDate('test_var_one')" });
    assert_eq!(got, Some(Some(plus2)));
    let events = vec![event("target", "s", Some(TODAY - TimeDelta::days(2)), &[])];
    let got = run_case(Case { vars: vec![], events, condition: "true", expr: "d2:lastEventDate(V{event_id})" });
    assert_eq!(got, Some(Some((TODAY - TimeDelta::days(2)).to_string())));
}

/// Test expressions are built once per name; leaking them keeps `Case` simple.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[test]
fn e_variable_names_shaped_like_uids_and_odd_names_work() {
    for name in [
        "Aabcde12345",
        "Babcde12345.*",
        "Cabcde12345.Dabcde12345",
        "Eabcde12345.Fabcde12345.*",
        "Gabcde12345.Habcde12345.Iabcde12345",
        "Labcde12345.*.Mabcde12345",
        "Variable.name_3_4-1",
    ] {
        let mk = |values: &[&str]| {
            let (mut vars, events) = newest_over(values, NUM);
            vars[0].name = name.to_string();
            (vars, events)
        };
        let expr = |f: &str| leak(format!("{f}(#{{{name}}})"));
        check(mk(&["2.6"]), "true", expr("d2:round"), "3");
        check(mk(&["2.6"]), "true", expr("d2:hasValue"), "true");
        check(mk(&["0", "1", "-3"]), "true", expr("d2:countIfZeroPos"), "2");
        check(mk(&["1", "2", "3"]), "true", expr("d2:count"), "3");
        check(mk(&["5", "7", "8"]), "true", expr("d2:minValue"), "5");
        let a_form: &'static str = leak(format!("d2:countIfValue(A{{{name}}}, '2')"));
        check(mk(&["2", "1", "2"]), "true", a_form, "2");
        let max: &'static str = leak(format!("d2:maxValue(#{{{name}}}) == 8.0"));
        fires(mk(&["5", "7", "8"]), max);
    }
}

#[test]
fn e_environment_status_condition_fires_hidefield_with_empty_data() {
    let mut ev = event("ev", "s", Some(TODAY), &[]);
    ev.status = EventStatus::Completed;
    let e = engine(
        vec![Rule::new("V{event_status} =='COMPLETED'", vec![RuleAction::new(T::HideField, None).with_field("f")])],
        vec![],
    );
    assert_eq!(datas(&e.evaluate_event(&ev, None, &[], &no_supp(), TODAY)), one(""));
}

// ---- engine behaviour beyond the scenario list ----

#[test]
fn empty_condition_never_fires_and_unparsable_condition_is_an_error() {
    let e = engine(vec![Rule::new("", vec![display("1")]), Rule::new("1 +", vec![display("1")])], vec![]);
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert!(out.effects.is_empty());
    assert_eq!(out.errors.len(), 1);
    assert!(matches!(out.errors[0].cause, RuleErrorCause::Parse(_)));
}

#[test]
fn condition_fires_on_the_text_true_in_any_case() {
    let (vars, events) = with_values(&["TRUE"], TXT);
    assert!(run_case(Case { vars, events, condition: "#{test_var_one}", expr: "1" }).is_some());
}

#[test]
fn a_failing_action_drops_only_that_action() {
    let e = engine(vec![Rule::new("true", vec![display("d2:left('abc', -1)"), display("'ok'")])], vec![]);
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), one("ok"));
    assert_eq!(out.errors.len(), 1);
    assert!(out.errors[0].action_uid.is_some());
}

#[test]
fn results_are_stringified_as_the_jvm_engine_does() {
    let cases =
        [("1/4", "0.25"), ("10000000000", "2147483647"), ("0.0001", "1.0E-4"), ("2 > 1", "true"), ("1/0", "Infinity")];
    for (expr, expected) in cases {
        let e = engine(vec![Rule::new("true", vec![display(expr)])], vec![]);
        assert_eq!(datas(&e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY)), one(expected), "{expr}");
    }
    // a bare variable keeps its stored text; an empty one gives its type's default
    let (vars, events) = with_values(&["007"], NUM);
    assert_eq!(run_case(Case { vars, events, condition: "true", expr: "#{test_var_one}" }), Some(Some("007".into())));
    let (vars, _) = with_values(&["x"], NUM);
    let events = vec![event("t", "s", Some(TODAY), &[])];
    assert_eq!(run_case(Case { vars, events, condition: "true", expr: "#{test_var_one}" }), Some(Some("0".into())));
}

#[test]
fn unsupported_actions_report_an_error_and_emit_nothing() {
    let mut action = display("1");
    action.kind = ActionKind::Unsupported(Unsupported::ServerMessage);
    let e = engine(vec![Rule::new("true", vec![action, display("2")])], vec![]);
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), one("2"));
    assert!(matches!(out.errors[0].cause, RuleErrorCause::UnsupportedAction(_)));
}

#[test]
fn an_attribute_given_twice_reads_as_its_last_value() {
    // Found by the whole-rule-set differential test against rule engine 3.4.1 (associateBy).
    let attr = RuleVariable::new("a", VariableSource::Attribute { attribute: "attr".into() }, VariableType::Text);
    let e = engine(vec![Rule::new("true", vec![display("#{a}")])], vec![attr]);
    let out = e.evaluate_enrollment(&enrollment(&[("attr", "first"), ("attr", "last")]), &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), one("last"));
}

#[test]
fn an_empty_assign_to_a_field_writes_empty_text_that_has_a_value() {
    // Found by the whole-rule-set differential test: upstream writes the evaluated "" under the
    // field's key and only the effect carries null, so a later d2:hasValue of that key is true.
    let assign = RuleAction::new(T::Assign, Some("''")).with_field("Fld00000001");
    let e = engine(
        vec![
            Rule::new("true", vec![assign]).with_priority(Some(1)),
            Rule::new("d2:hasValue(#{Fld00000001})", vec![display("'seen'")]).with_priority(Some(2)),
        ],
        vec![],
    );
    let out = e.evaluate_enrollment(&enrollment(&[]), &[], &no_supp(), TODAY);
    assert_eq!(datas(&out), vec![None, Some("seen".to_string())]);
}
