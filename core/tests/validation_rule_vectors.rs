//! The 59 `SDK_VALIDATION_RULE_EXPRESSION` vectors of `fixtures/rules/expression-vectors.jsonl`
//! (from the DHIS2 Android SDK's `ExpressionServiceShould`; schema in research/program-rules.md
//! §5.1), run through `validate::aggregate`: `evaluate` vectors are one rule side's value under
//! its missing-value strategy (`getExpressionValue`), `regenerate` vectors the expression with
//! its values filled in.

use std::collections::HashMap;

use phum_core::model::value_type::MissingValueStrategy;
use phum_core::model::Uid;
use phum_core::validate::aggregate::{parse_expression, regenerate, side_value, ExpressionContext, Value};
use serde_json::Value as Json;

const MODE: &str = "SDK_VALIDATION_RULE_EXPRESSION";

fn vectors() -> Vec<Json> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules/expression-vectors.jsonl");
    let text = std::fs::read_to_string(path).expect("vector file");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Json>(l).expect("vector line is JSON"))
        .filter(|v| v["mode"] == MODE)
        .collect()
}

fn uid_map<T>(env: &Json, key: &str, value: impl Fn(&Json) -> T) -> HashMap<Uid, T> {
    env[key]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (Uid::parse(k).expect("uid key"), value(v))).collect())
        .unwrap_or_default()
}

fn context(env: &Json) -> ExpressionContext {
    ExpressionContext {
        values: env["valueMap"]
            .as_object()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_f64().expect("number value"))).collect())
            .unwrap_or_default(),
        constants: uid_map(env, "constants", |v| v.as_f64().expect("constant")),
        org_unit_group_counts: uid_map(env, "orgUnitGroupCounts", |v| v.as_u64().expect("count") as u32),
        days: env["days"].as_u64().map(|d| d as u32),
    }
}

fn strategy(env: &Json) -> MissingValueStrategy {
    serde_json::from_value(env["missingValueStrategy"].clone()).unwrap_or(MissingValueStrategy::NeverSkip)
}

/// Checks one vector; `Err` describes the mismatch.
fn check(v: &Json) -> Result<(), String> {
    let text = v["expression"].as_str().ok_or("no expression")?;
    let expr = parse_expression(text).map_err(|e| format!("parse error: {e}"))?;
    let ctx = context(&v["env"]);
    let expected = &v["expected"];
    if v["kind"] == "regenerate" {
        let got = regenerate(&expr, &ctx);
        return if Some(got.as_str()) == expected.as_str() { Ok(()) } else { Err(format!("regenerated {got:?}")) };
    }
    let got = side_value(&expr, &ctx, strategy(&v["env"])).map_err(|e| format!("evaluation error: {e}"))?;
    let ok = match (v["expected_type"].as_str(), &got) {
        (Some("null"), None) => true,
        (Some("number"), Some(Value::Number(x))) => expected.as_f64() == Some(*x),
        (Some("boolean"), Some(Value::Bool(b))) => expected.as_bool() == Some(*b),
        (Some("string"), Some(Value::Text(s))) => expected.as_str() == Some(s.as_str()),
        (Some("number_range"), Some(Value::Number(x))) => {
            expected["min"].as_f64().is_some_and(|m| *x >= m) && expected["max"].as_f64().is_some_and(|m| *x <= m)
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("got {got:?}"))
    }
}

#[test]
fn all_59_sdk_validation_rule_vectors_pass() {
    let vectors = vectors();
    assert_eq!(vectors.len(), 59, "the fixture should hold 59 {MODE} vectors");
    let failures: Vec<String> = vectors
        .iter()
        .filter_map(|v| {
            check(v).err().map(|e| format!("#{} {}: expected {} — {e}", v["id"], v["expression"], v["expected"]))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} vectors fail:\n{}", failures.len(), vectors.len(), failures.join("\n"));
}

#[test]
fn vectors_cover_every_kind_and_result_type() {
    let vectors = vectors();
    let kinds: Vec<&str> = vectors.iter().filter_map(|v| v["kind"].as_str()).collect();
    assert!(kinds.contains(&"evaluate") && kinds.contains(&"regenerate"));
    for t in ["number", "null", "boolean", "string", "number_range"] {
        assert!(vectors.iter().any(|v| v["expected_type"] == t), "no vector of type {t}");
    }
}

#[test]
fn a_wrong_expectation_is_reported() {
    let mut v = vectors().into_iter().find(|v| v["expression"] == "5.0 < 8.0").expect("vector 690");
    assert!(check(&v).is_ok());
    v["expected"] = Json::Bool(false);
    assert!(check(&v).is_err());
    v["expected_type"] = Json::String("null".into());
    assert!(check(&v).is_err());
}
