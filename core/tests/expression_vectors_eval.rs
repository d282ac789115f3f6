//! Evaluates the expression vectors that apply to Phum (tests/fixtures/rules/expression-vectors.jsonl,
//! from DHIS2's own test suites; which apply, and how each is run and compared, value and type,
//! is decided by `phum_core::expr::vectors`) and requires each to match upstream's answer.
//!
//! Every rule-mode vector must match.

use std::path::Path;

use phum_core::expr::vectors::{self, Kind, Level, Mode, Outcome};

#[test]
fn rule_mode_vectors_evaluate_as_upstream() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/expression-vectors.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let all = vectors::parse_file(&text).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let (mut passed, mut rule_mode_passed, mut skipped, mut failures) = (0, 0, 0, Vec::new());
    for v in all.iter().filter(|v| v.kind == Kind::Evaluate) {
        match vectors::run(v).outcome {
            Outcome::Pass { .. } => {
                passed += 1;
                if v.level == Level::Expression && matches!(v.mode, Mode::RuleEngineAction | Mode::RuleEngineCondition)
                {
                    rule_mode_passed += 1;
                }
            }
            Outcome::Fail { expected, actual } => failures
                .push(format!("#{} (line {}) {}\n    expected {expected}, got {actual}", v.id, v.line, v.expression)),
            Outcome::Skipped { .. } => skipped += 1,
        }
    }
    println!(
        "{passed} passed, {} failed ({rule_mode_passed} rule-mode expression vectors among the passed; \
         {skipped} skipped)",
        failures.len()
    );
    assert!(rule_mode_passed > 200, "only {rule_mode_passed} rule-mode vectors ran");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
