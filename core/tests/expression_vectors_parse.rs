//! Every expression of the rule-mode vectors (tests/fixtures/rules/expression-vectors.jsonl,
//! from DHIS2's own test suites) parses, except those whose expected result is a parse error,
//! which are refused. Evaluation results are checked where the evaluator lives.

use std::path::Path;

use phum_core::expr::parse;
use serde_json::Value;

#[test]
fn rule_mode_vectors_parse_exactly_when_upstream_parses_them() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/expression-vectors.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let (mut checked, mut failures) = (0, Vec::new());
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let mode = v["mode"].as_str().unwrap();
        if !mode.starts_with("RULE_ENGINE") || v["level"] != "expression" {
            continue;
        }
        let expr = v["expression"].as_str().unwrap();
        let parse_error_expected = v["expected"]["exception"] == "ParseException";
        checked += 1;
        match (parse(expr), parse_error_expected) {
            (Ok(_), false) | (Err(_), true) => {}
            (Ok(tree), true) => failures.push(format!("#{}: {expr} parsed as {tree} but upstream refuses it", v["id"])),
            (Err(e), false) => failures.push(format!("#{}: {expr}: {e}", v["id"])),
        }
    }
    println!("{} passed, {} failed", checked - failures.len(), failures.len());
    assert!(checked > 300, "only {checked} rule-mode vectors found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
