//! Cross-crate tests for Phum live in tests/tests/.

pub mod jvm_text;
pub mod rng;
pub mod rulesets;
pub mod sync_check;
pub mod sync_workload;
pub mod synth;
