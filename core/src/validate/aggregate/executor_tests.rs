//! Tests of `executor`: rule decisions, pair operators, strategies, filtering and failures.

use std::collections::HashMap;

use super::executor::*;
use super::parser::ParseErrorKind;
use super::value::ValueKind;
use crate::model::value_type::{Importance, ValidationOperator};
use crate::model::{Uid, ValidationRule};

const A: &str = "sK2wroysTNW";
const B: &str = "lZGmxYbs97q";
const COC1: &str = "tpghB93ks57";
const COC2: &str = "zDhUuAYrxNC";
const K: &str = "e19hj1w7yKP";

fn uid(s: &str) -> Uid {
    Uid::parse(s).unwrap()
}

/// A rule `left <op> right` with the given strategies and extra fields.
fn rule(left: &str, op: &str, right: &str, strategies: (&str, &str), extra: serde_json::Value) -> ValidationRule {
    let mut json = serde_json::json!({
        "id": "vRule000001", "name": "Rule one", "description": "Checks the thing",
        "instruction": "Fix the thing", "importance": "HIGH", "operator": op,
        "leftSide": {"expression": left, "description": "Left part", "missingValueStrategy": strategies.0},
        "rightSide": {"expression": right, "description": "Right part", "missingValueStrategy": strategies.1},
    });
    if let (Some(obj), serde_json::Value::Object(more)) = (json.as_object_mut(), extra) {
        obj.extend(more);
    }
    serde_json::from_value(json).unwrap()
}

fn never(left: &str, op: &str, right: &str) -> ValidationRule {
    rule(left, op, right, ("NEVER_SKIP", "NEVER_SKIP"), serde_json::json!({}))
}

fn de(u: &str) -> String {
    format!("#{{{u}}}")
}

fn input(values: &[(&str, &str, &str)]) -> ValidationInput {
    ValidationInput {
        data_values: values
            .iter()
            .map(|(d, c, v)| DataValueInput {
                data_element: uid(d),
                category_option_combo: uid(c),
                value: v.to_string(),
            })
            .collect(),
        constants: [(uid(K), 10.0)].into_iter().collect(),
        org_unit_group_counts: HashMap::new(),
        days_in_period: Some(30),
        org_unit_level: Some(3),
    }
}

fn result(rule: ValidationRule, values: &[(&str, &str, &str)]) -> RuleResult {
    run_validation_rules(&[rule], &input(values)).remove(0).result
}

fn violated(r: &RuleResult) -> bool {
    matches!(r, RuleResult::Violated(_))
}

#[test]
fn value_map_sums_per_data_element_and_per_operand_and_drops_text() {
    let map = value_map(
        &input(&[(A, COC1, "5"), (A, COC2, "2.5"), (A, COC1, "1"), (B, COC1, "yes"), (B, COC2, "")]).data_values,
    );
    assert_eq!(map.get(A), Some(&8.5));
    assert_eq!(map.get(&format!("{A}.{COC1}")), Some(&6.0));
    assert_eq!(map.get(&format!("{A}.{COC2}")), Some(&2.5));
    assert_eq!(map.get(B), None);
}

#[test]
fn each_comparison_operator_decides_violations() {
    let cases = [
        ("equal_to", "5", false),
        ("equal_to", "4", true),
        ("not_equal_to", "5", true),
        ("greater_than", "4", false),
        ("greater_than", "5", true),
        ("greater_than_or_equal_to", "5", false),
        ("greater_than_or_equal_to", "6", true),
        ("less_than", "6", false),
        ("less_than", "5", true),
        ("less_than_or_equal_to", "5", false),
        ("less_than_or_equal_to", "4", true),
    ];
    for (op, right, expect) in cases {
        let r = result(never(&de(A), op, right), &[(A, COC1, "5")]);
        assert_eq!(violated(&r), expect, "5 {op} {right}: {r:?}");
    }
}

#[test]
fn decimal_sums_compare_equal() {
    let r = result(never(&format!("{} + {}", de(A), de(B)), "equal_to", "0.3"), &[(A, COC1, "0.1"), (B, COC1, "0.2")]);
    assert_eq!(r, RuleResult::Passed);
}

#[test]
fn a_violation_carries_the_rule_and_both_sides() {
    let r = result(
        never(&format!("{} + C{{{K}}}", de(A)), "less_than_or_equal_to", &format!("#{{{B}.{COC1}}}")),
        &[(A, COC1, "5"), (B, COC1, "3")],
    );
    let RuleResult::Violated(v) = r else { panic!("{r:?}") };
    assert_eq!(v.rule.as_str(), "vRule000001");
    assert_eq!(v.name, "Rule one");
    assert_eq!(v.importance, Importance::High);
    assert_eq!(v.operator, ValidationOperator::LessThanOrEqual);
    assert_eq!(v.instruction.as_deref(), Some("Fix the thing"));
    assert_eq!(v.description.as_deref(), Some("Checks the thing"));
    assert_eq!(v.left.value, Some(15.0));
    assert_eq!(v.right.value, Some(3.0));
    assert_eq!(v.left.description.as_deref(), Some("Left part"));
    assert_eq!(v.left.regenerated, "5.0 + 10.0");
    assert_eq!(v.right.regenerated, "3.0");
    assert_eq!(v.left.data_items.len(), 1);
    assert_eq!(v.right.data_items[0].category_option_combo, Some(uid(COC1)));
}

#[test]
fn importance_defaults_to_medium() {
    let mut r = never("1", "equal_to", "2");
    r.importance = None;
    let RuleResult::Violated(v) = result(r, &[]) else { panic!() };
    assert_eq!(v.importance, Importance::Medium);
}

#[test]
fn compulsory_pair_is_violated_when_exactly_one_side_has_values() {
    let s = ("SKIP_IF_ALL_VALUES_MISSING", "SKIP_IF_ALL_VALUES_MISSING");
    let pair = || rule(&de(A), "compulsory_pair", &de(B), s, serde_json::json!({}));
    assert!(violated(&result(pair(), &[(A, COC1, "1")])));
    assert!(violated(&result(pair(), &[(B, COC1, "1")])));
    assert_eq!(result(pair(), &[(A, COC1, "1"), (B, COC1, "2")]), RuleResult::Passed);
    assert_eq!(result(pair(), &[]), RuleResult::Passed);
}

#[test]
fn exclusive_pair_is_violated_when_both_sides_have_values() {
    let s = ("SKIP_IF_ANY_VALUE_MISSING", "SKIP_IF_ANY_VALUE_MISSING");
    let pair = || rule(&de(A), "exclusive_pair", &de(B), s, serde_json::json!({}));
    assert!(violated(&result(pair(), &[(A, COC1, "1"), (B, COC1, "2")])));
    assert_eq!(result(pair(), &[(A, COC1, "1")]), RuleResult::Passed);
    assert_eq!(result(pair(), &[]), RuleResult::Passed);
}

#[test]
fn a_skipped_side_does_not_violate_a_comparison() {
    let r = rule(&de(A), "equal_to", "1", ("SKIP_IF_ANY_VALUE_MISSING", "NEVER_SKIP"), serde_json::json!({}));
    assert_eq!(result(r, &[]), RuleResult::Passed);
}

#[test]
fn a_never_skip_side_that_is_nan_compares_as_zero() {
    assert_eq!(result(never("4 / 0", "equal_to", "0"), &[]), RuleResult::Passed);
    assert!(violated(&result(never("4 / 0", "equal_to", "1"), &[])));
}

#[test]
fn missing_values_read_as_zero_under_never_skip() {
    assert!(violated(&result(never(&de(A), "greater_than", "0"), &[])));
}

#[test]
fn negative_zero_is_not_equal_to_zero_as_on_the_sdk() {
    assert!(violated(&result(never(&format!("-{}", de(A)), "equal_to", "0"), &[(A, COC1, "0")])));
}

#[test]
fn rules_for_other_org_unit_levels_are_not_run() {
    let r =
        rule("1", "equal_to", "2", ("NEVER_SKIP", "NEVER_SKIP"), serde_json::json!({"organisationUnitLevels": [1, 2]}));
    assert_eq!(result(r.clone(), &[]), RuleResult::NotRun(NotRunReason::OrgUnitLevel { level: 3 }));
    let mut at_two = input(&[]);
    at_two.org_unit_level = Some(2);
    assert!(violated(&run_validation_rules(std::slice::from_ref(&r), &at_two)[0].result));
    at_two.org_unit_level = None;
    assert!(violated(&run_validation_rules(&[r], &at_two)[0].result));
}

#[test]
fn skip_form_validation_rules_are_not_run() {
    let r = rule("1", "equal_to", "2", ("NEVER_SKIP", "NEVER_SKIP"), serde_json::json!({"skipFormValidation": true}));
    assert_eq!(result(r, &[]), RuleResult::NotRun(NotRunReason::SkipFormValidation));
}

#[test]
fn a_side_that_does_not_parse_fails_the_rule_with_its_reason() {
    let r = result(never("1 +", "equal_to", "1"), &[]);
    let RuleResult::Failed(RuleError::Parse { side: Side::Left, error }) = r else { panic!("{r:?}") };
    assert_eq!(error.kind, ParseErrorKind::UnexpectedEnd);
    let r = result(never("1", "equal_to", "unknownFn(1)"), &[]);
    assert!(matches!(r, RuleResult::Failed(RuleError::Parse { side: Side::Right, .. })), "{r:?}");
}

#[test]
fn a_side_that_cannot_be_evaluated_fails_the_rule() {
    let r = result(never("C{abcdefghijk}", "equal_to", "1"), &[]);
    assert!(matches!(r, RuleResult::Failed(RuleError::Eval { side: Side::Left, .. })), "{r:?}");
    let r = result(never("1", "equal_to", "1 < 2"), &[]);
    assert_eq!(r, RuleResult::Failed(RuleError::NotANumber { side: Side::Right, kind: ValueKind::Boolean }));
    let r = result(never("log(0)", "less_than", "1"), &[]);
    assert!(matches!(r, RuleResult::Failed(RuleError::NotFinite { side: Side::Left, .. })), "{r:?}");
}

#[test]
fn outcomes_come_one_per_rule_in_order() {
    let rules = [never("1", "equal_to", "1"), never("1", "equal_to", "2")];
    let out = run_validation_rules(&rules, &input(&[]));
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].result, RuleResult::Passed);
    assert!(violated(&out[1].result));
}

#[test]
fn an_operand_not_found_in_the_data_is_missing_not_an_error() {
    let unknown = format!("#{{{B}.{COC2}}}");
    let any = ("SKIP_IF_ANY_VALUE_MISSING", "NEVER_SKIP");
    let r = rule(&format!("{} + {unknown}", de(A)), "equal_to", "1", any, serde_json::json!({}));
    assert_eq!(result(r, &[(A, COC1, "5")]), RuleResult::Passed, "skipped side: no violation");
    let RuleResult::Violated(v) = result(never(&format!("{} + {unknown}", de(A)), "equal_to", "1"), &[(A, COC1, "5")])
    else {
        panic!()
    };
    assert_eq!(v.left.value, Some(5.0));
    assert_eq!(v.left.regenerated, format!("5.0 + {unknown}"));
}

#[test]
fn a_constant_not_found_fails_the_rule_naming_it() {
    let r = result(never("C{abcdefghijk} + 1", "equal_to", "1"), &[]);
    let RuleResult::Failed(e) = r else { panic!("{r:?}") };
    assert_eq!(e.to_string(), "Left side cannot be evaluated: no constant abcdefghijk");
}

#[test]
fn every_rule_error_and_not_run_reason_renders_in_both_languages() {
    use super::eval::EvalError;
    use super::parser::AggregateParseError;
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use crate::i18n::Localize;
    let uid = Uid::parse("abcdefghijk").unwrap();
    let samples = [
        RuleError::Parse {
            side: Side::Left,
            error: AggregateParseError { position: 3, kind: ParseErrorKind::UnexpectedEnd },
        },
        RuleError::Eval { side: Side::Right, error: EvalError::MissingConstant(uid) },
        RuleError::NotANumber { side: Side::Right, kind: ValueKind::Boolean },
        RuleError::NotFinite { side: Side::Left, value: f64::INFINITY },
    ];
    let name = |e: &RuleError| match e {
        RuleError::Parse { .. } => "Parse",
        RuleError::Eval { .. } => "Eval",
        RuleError::NotANumber { .. } => "NotANumber",
        RuleError::NotFinite { .. } => "NotFinite",
    };
    assert_eq!(samples.iter().map(name).collect::<Vec<_>>(), ["Parse", "Eval", "NotANumber", "NotFinite"]);
    for e in &samples {
        assert_renders_in_both(&e.message());
    }
    assert_eq!(samples[3].to_string(), "Left side is Infinity, which the SDK cannot compare");
    let reasons = [NotRunReason::SkipFormValidation, NotRunReason::OrgUnitLevel { level: 4 }];
    let reason_name = |r: &NotRunReason| match r {
        NotRunReason::SkipFormValidation => 0,
        NotRunReason::OrgUnitLevel { .. } => 1,
    };
    assert_eq!(reasons.iter().map(reason_name).collect::<Vec<_>>(), [0, 1]);
    for r in &reasons {
        assert_renders_in_both(&r.message());
    }
}
