//! Whole-rule-set cases for benchmarking Phum's rule engine and comparing it with DHIS2's JVM
//! engine (tests/jvm-oracle `RuleSets`, `RuleBench`, `RuleSetDifferentialTest`): the shared JSON
//! format, its conversion to `phum_core::rules`, Phum's answer, and seeded generators for a
//! synthetic 300-rule program, an immunization program and random rule sets.
//!
//! Owns the case format and the generators. Does not own any rule semantics (`phum_core::rules`)
//! or the comparison with the official engine (the Java side).

pub mod answer;
pub mod case;
pub mod convert;
pub mod immunization;
pub mod program;
pub mod random;
pub mod sites;
pub mod synthetic;
pub mod vocab;

pub use case::RuleSetCase;

/// The case of `kind` ("random", "synthetic" or "immunization") for `seed` and `index`, dated
/// `today`, with Phum's answer filled in.
pub fn generate(kind: &str, seed: u64, index: u64, today: chrono::NaiveDate) -> Option<RuleSetCase> {
    let mut case = match kind {
        "random" => random::case(seed, index, today),
        "synthetic" => synthetic::case(seed ^ index, today),
        "immunization" => immunization::case(seed ^ index, today),
        _ => return None,
    };
    case.phum = Some(answer::answer(&mut case).unwrap_or_else(|e| answer::broken(&e)));
    Some(case)
}
