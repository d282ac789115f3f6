//! Every line of the value-type vectors (tests/fixtures/rules/value-type-vectors.jsonl, from the
//! DHIS2 Android SDK's own validator tests) gives the SDK's verdict, and for invalid values the
//! SDK's failure kind. Owns only running the vectors; the behaviour and its unit tests live in
//! core/src/validate/value_type.rs.

use std::path::Path;

use phum_core::model::ValueType;
use phum_core::validate::value_type::{validate, validate_web_url, ValueError};
use serde_json::Value;

/// The file holds 242 cases; a shorter file means a broken copy.
const VECTOR_COUNT: usize = 242;

#[test]
fn every_value_type_vector_gives_the_sdk_verdict() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/value-type-vectors.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let (mut lines, mut failures) = (0, Vec::new());
    for (index, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        lines += 1;
        if let Err(why) = check_vector(line) {
            failures.push(format!("line {}: {why}\n    {line:.300}", index + 1));
        }
    }
    println!("{} passed, {} failed", lines - failures.len(), failures.len());
    assert_eq!(lines, VECTOR_COUNT, "the vectors file changed size");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_value_type_has_vectors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/value-type-vectors.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let covered: Vec<String> = text
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .flat_map(|v| v["valueTypes"].as_array().cloned().unwrap_or_default())
        .filter_map(|name| name.as_str().map(str::to_string))
        .collect();
    for value_type in ValueType::ALL {
        assert!(covered.iter().any(|name| name == value_type.as_str()), "no vector for {value_type}");
    }
}

/// Checks one vector against every value type it names (or against the web-address check for
/// the SDK's unwired `UrlValidator`).
fn check_vector(line: &str) -> Result<(), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let value = vector_value(&v["value"])?;
    let expected_valid = match v["expected"].as_str() {
        Some("valid") => true,
        Some("invalid") => false,
        other => return Err(format!("unknown expected {other:?}")),
    };
    let failure = v["failure"].as_str();
    if v["validator"] == "UrlValidator" {
        return compare("web URL", validate_web_url(&value), expected_valid, failure);
    }
    let names = v["valueTypes"].as_array().ok_or("no valueTypes")?;
    for name in names {
        let value_type: ValueType =
            serde_json::from_value(name.clone()).map_err(|e| format!("unknown value type {name}: {e}"))?;
        compare(value_type.as_str(), validate(value_type, &value), expected_valid, failure)?;
    }
    Ok(())
}

fn compare(what: &str, got: Result<(), ValueError>, expected_valid: bool, failure: Option<&str>) -> Result<(), String> {
    match (got, expected_valid) {
        (Ok(()), true) => Ok(()),
        (Ok(()), false) => Err(format!("{what}: accepted, expected {}", failure.unwrap_or("invalid"))),
        (Err(e), true) => Err(format!("{what}: rejected ({}: {e}), expected valid", e.sdk_failure())),
        (Err(e), false) => match failure {
            Some(kind) if kind != e.sdk_failure() => {
                Err(format!("{what}: rejected as {}, expected {kind}", e.sdk_failure()))
            }
            _ => Ok(()),
        },
    }
}

/// A value is a string, or `{"repeat": "a", "count": N}` for very long ones.
fn vector_value(value: &Value) -> Result<String, String> {
    if let Some(text) = value.as_str() {
        return Ok(text.to_string());
    }
    match (value["repeat"].as_str(), value["count"].as_u64()) {
        (Some(unit), Some(count)) => Ok(unit.repeat(count as usize)),
        _ => Err(format!("cannot read value {value}")),
    }
}
