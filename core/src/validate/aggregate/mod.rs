//! Aggregate (data set) validation rules, run as the DHIS2 Android SDK runs them before a data
//! set is completed (research/program-rules.md §4.1-§4.2).
//!
//! Owns the SDK's validation-rule expression language (its ANTLR grammar, not the program-rule
//! language of `expr`): tokens (`lexer`), syntax tree and data items (`ast`), parsing with
//! positions (`parser`), `java.math.BigDecimal` arithmetic (`decimal`), values and casts
//! (`value`), evaluation and regeneration (`eval`), and the rule executor (`executor`).
//!
//! Known SDK behaviour kept on purpose: `#{de.coc.aoc}` and `#{de.*.aoc}` parse but never find
//! a value (the SDK's value map holds only `de` and `de.coc` of the one attribute option combo
//! being validated), so they read as missing; non-numeric data values are left out.
//!
//! Does not own reading rules or values from the store, names for display (the SDK's
//! description text), or blocking completion (importance is informational on the client).

pub mod ast;
pub mod decimal;
pub mod eval;
pub mod executor;
mod lexer;
pub mod parser;
pub mod value;

#[cfg(test)]
mod executor_tests;

pub use ast::{AggregateExpr, DataItemRef, Function, Item, Node};
pub use eval::{evaluate, regenerate, side_value, EvalError, Evaluation, ExpressionContext};
pub use executor::{
    evaluate_rule, run_validation_rules, value_map, DataValueInput, NotRunReason, RuleError, RuleOutcome, RuleResult,
    Side, SideResult, ValidationInput, Violation,
};
pub use parser::{parse_expression, AggregateParseError, ParseErrorKind, MAX_DEPTH};
pub use value::{CastError, Value, ValueKind};
