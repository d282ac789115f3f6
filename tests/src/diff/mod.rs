//! Random differential cases for comparing Phum's expression evaluator with DHIS2's JVM engine
//! (tests/jvm-oracle, `DifferentialTest`): a seeded grammar, random variable data, Phum's
//! answers, and the case format.
//!
//! Owns case generation. Does not own the comparison (the oracle side) or any semantics.

pub mod answer;
pub mod case;
pub mod context;
pub mod grammar;
pub mod limits;

use serde_json::Value as Json;

/// Case `index` of the run with `seed`: each case has its own random stream, so a case can be
/// regenerated alone from (seed, id).
pub fn case(seed: u64, index: u64) -> Json {
    let mut rng = phum_tests::rng::Rng::new(seed ^ index.wrapping_mul(0xA076_1D64_78BD_642F));
    let ctx = context::context(&mut rng);
    let src = loop {
        let depth = 1 + rng.below(4) as u32;
        let src = grammar::Grammar::new(&mut rng).expression(depth);
        match phum_core::expr::parse(&src) {
            Ok(expr) if !limits::fast_on_jvm(&expr, &ctx) => continue,
            _ => break src,
        }
    };
    let mode = if rng.chance(50) { "RULE_ENGINE_CONDITION" } else { "RULE_ENGINE_ACTION" };
    case::expression_case(index, mode, &src, &ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use phum_core::expr::Function;

    #[test]
    fn a_case_depends_only_on_seed_and_index() {
        assert_eq!(case(7, 42), case(7, 42));
        assert_ne!(case(7, 42)["expression"], case(8, 42)["expression"]);
    }

    #[test]
    fn ten_thousand_cases_use_every_function_operator_and_answer_kind() {
        let cases: Vec<Json> = (0..10_000).map(|i| case(1, i)).collect();
        let text: String = cases.iter().map(|c| c["expression"].as_str().unwrap_or_default()).collect();
        for f in Function::ALL {
            assert!(text.contains(&format!("{}(", f.name())), "{} never generated", f.name());
        }
        for op in ["^", "*", "/", "%", "+", "-", "<", ">", "<=", ">=", "==", "!=", "&&", "||", " and ", " or ", "!"] {
            assert!(text.contains(op), "{op} never generated");
        }
        for item in ["#{", "A{", "V{", "C{", "ភូមិ", "\\u", "\\'", "null"] {
            assert!(text.contains(item), "{item} never generated");
        }
        for kind in ["Number", "Int", "Bool", "Str", "Date", "Null"] {
            assert!(cases.iter().any(|c| c["phum"]["type"] == kind), "no {kind} answer");
        }
        for error in ["parse", "eval"] {
            assert!(cases.iter().any(|c| c["phum"]["error"] == error), "no {error} error");
        }
        let touched = cases.iter().filter(|c| c["touches"].as_array().is_some_and(|t| !t.is_empty())).count();
        assert!(touched < cases.len() / 20, "{touched} cases touch known differences");
    }
}
