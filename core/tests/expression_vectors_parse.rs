//! Every expression of the vectors that apply to Phum (tests/fixtures/rules/expression-vectors.jsonl,
//! from DHIS2's own test suites; which apply is decided by `phum_core::expr::vectors`) parses,
//! except those whose expected result is a parse error, which are refused. Evaluation results
//! are checked in `expression_vectors_eval.rs`.

use std::path::Path;

use phum_core::expr::vectors::{self, Mode, Outcome};

#[test]
fn rule_mode_vectors_parse_exactly_when_upstream_parses_them() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/expression-vectors.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let all = vectors::parse_file(&text).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let (mut checked, mut rule_mode_checked, mut skipped, mut failures) = (0, 0, 0, Vec::new());
    for v in &all {
        match vectors::check_parse(v).outcome {
            Outcome::Skipped { .. } => skipped += 1,
            outcome => {
                checked += 1;
                if matches!(v.mode, Mode::RuleEngineAction | Mode::RuleEngineCondition) {
                    rule_mode_checked += 1;
                }
                if let Outcome::Fail { expected, actual } = outcome {
                    failures.push(format!(
                        "#{} (line {}): {}: expected {expected}, got {actual}",
                        v.id, v.line, v.expression
                    ));
                }
            }
        }
    }
    println!(
        "{} passed, {} failed ({rule_mode_checked} in the rule-engine modes; {skipped} skipped)",
        checked - failures.len(),
        failures.len()
    );
    assert!(rule_mode_checked > 300, "only {rule_mode_checked} rule-mode vectors found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
