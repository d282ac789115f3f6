//! Cross-crate tests for Phum live in tests/tests/.

pub mod dhis2_server;
pub mod jvm_text;
pub mod rng;
pub mod rulesets;
pub mod sync_check;
pub mod sync_data;
pub mod sync_support;
pub mod sync_workload;
pub mod synth;
