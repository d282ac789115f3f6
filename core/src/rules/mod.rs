//! DHIS2 program rules as the Android Capture app 3.4.1 runs them (rule engine 3.7.2 over
//! expression parser 1.4.1): the rule model built from stored metadata, variable values from
//! events and enrollments, the single-pass engine with priorities, stage scoping and ASSIGN
//! chaining, and the effects it produces (research/program-rules.md §1 and §3).
//!
//! Owns rules, rule variables and effects. Does not own the expression language (`expr`),
//! applying effects to an open form, or reading events and enrollments from the store (the
//! capture layer).

pub mod effect;
pub mod engine;
pub mod input;
pub mod load;
pub mod model;
pub mod outcome;
pub mod values;

pub use effect::{Evaluation, RuleEffect, RuleError, RuleErrorCause, TargetEffects, TargetKind};
pub use engine::RuleEngine;
pub use input::{EnrollmentStatus, EventStatus, RuleEnrollment, RuleEvent, Supplementary};
pub use model::{
    ActionKind, AttributeType, Rule, RuleAction, RuleOption, RuleSet, RuleVariable, Unsupported, VariableSource,
};
