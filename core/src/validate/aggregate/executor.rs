//! Running a data set's validation rules on the values of one (data set, period, org unit,
//! attribute option combo), as the SDK's `ValidationEngineImpl` and `ValidationExecutor` do
//! (research/program-rules.md §4.2).
//!
//! Owns the value map (numeric values summed per `de` and per `de.coc`; values that are not
//! numbers are left out), the per-rule decisions (skipFormValidation, org unit levels, the
//! pair operators, null sides and comparisons) and the outcome of each rule. Where the SDK
//! would throw (a side that does not parse, a missing constant, a side that is not a number),
//! the rule gets a [`RuleResult::Failed`] with the reason instead of a silent skip.
//!
//! Does not own choosing the rules of a data set, reading values from the store, removing
//! deleted values, or names for display: the caller gives exactly the rules and values to use.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::ast::DataItemRef;
use super::eval::{regenerate, side_value, EvalError, ExpressionContext};
use super::parser::{parse_expression, AggregateParseError};
use super::value::{java_double_cmp, Value, ValueKind};
use super::AggregateExpr;
use crate::expr::number::{jvm_double_to_string, parse_jvm_double};
use crate::i18n::{Localize, Message};
use crate::model::value_type::{Importance, MissingValueStrategy, ValidationOperator};
use crate::model::{Uid, ValidationRule, ValidationSide};
use crate::msg;

/// One stored data value: data element, category option combo, the value as text.
#[derive(Debug, Clone, PartialEq)]
pub struct DataValueInput {
    pub data_element: Uid,
    pub category_option_combo: Uid,
    pub value: String,
}

/// Everything a run of validation rules reads for one (data set, period, org unit, attribute
/// option combo).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidationInput {
    /// The non-deleted values of the data set for that period, org unit and attribute option
    /// combo.
    pub data_values: Vec<DataValueInput>,
    pub constants: HashMap<Uid, f64>,
    pub org_unit_group_counts: HashMap<Uid, u32>,
    pub days_in_period: Option<u32>,
    /// The org unit's level (1 is the root); `None` if unknown, which runs every rule.
    pub org_unit_level: Option<u32>,
}

impl ValidationInput {
    /// The expression context: the value map plus constants, group counts and days.
    pub fn context(&self) -> ExpressionContext {
        ExpressionContext {
            values: value_map(&self.data_values),
            constants: self.constants.clone(),
            org_unit_group_counts: self.org_unit_group_counts.clone(),
            days: self.days_in_period,
        }
    }
}

/// The SDK's value map: each value that `Double.valueOf` reads is added to the total of its
/// data element (`de`) and of its operand (`de.coc`).
pub fn value_map(data_values: &[DataValueInput]) -> HashMap<String, f64> {
    let mut map: HashMap<String, f64> = HashMap::new();
    for dv in data_values {
        let Some(x) = parse_jvm_double(&dv.value) else { continue };
        for key in [dv.data_element.to_string(), format!("{}.{}", dv.data_element, dv.category_option_combo)] {
            *map.entry(key).or_insert(0.0) += x;
        }
    }
    map
}

/// What happened to one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleOutcome {
    pub rule: Uid,
    pub name: String,
    pub result: RuleResult,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RuleResult {
    Passed,
    Violated(Box<Violation>),
    /// The SDK does not run this rule here.
    NotRun(NotRunReason),
    /// The SDK would fail on this rule (it throws); Phum reports why and goes on.
    Failed(RuleError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRunReason {
    /// `skipFormValidation` is set.
    SkipFormValidation,
    /// The rule names org unit levels and the org unit's level is not one of them.
    OrgUnitLevel { level: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Why a rule could not be decided.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleError {
    Parse {
        side: Side,
        error: AggregateParseError,
    },
    Eval {
        side: Side,
        error: EvalError,
    },
    NotANumber {
        side: Side,
        kind: ValueKind,
    },
    /// `value` is infinite or NaN.
    NotFinite {
        side: Side,
        value: f64,
    },
}

impl Localize for NotRunReason {
    fn message(&self) -> Message {
        match self {
            NotRunReason::SkipFormValidation => Message::new("validate-not-run-skip-form-validation"),
            NotRunReason::OrgUnitLevel { level } => msg!("validate-not-run-org-unit-level", level = level),
        }
    }
}

impl Localize for Side {
    fn message(&self) -> Message {
        match self {
            Side::Left => Message::new("validate-side-left"),
            Side::Right => Message::new("validate-side-right"),
        }
    }
}

impl Localize for RuleError {
    fn message(&self) -> Message {
        match self {
            RuleError::Parse { side, error } => {
                msg!("validate-rule-side-does-not-parse", side = side.message(), error = error.message())
            }
            RuleError::Eval { side, error } => {
                msg!("validate-rule-side-cannot-be-evaluated", side = side.message(), error = error.message())
            }
            RuleError::NotANumber { side, kind } => {
                msg!("validate-rule-side-not-a-number", side = side.message(), kind = kind.message())
            }
            RuleError::NotFinite { side, value } => {
                msg!("validate-rule-side-not-finite", side = side.message(), value = jvm_double_to_string(*value))
            }
        }
    }
}
crate::english_display!(RuleError);

/// A violated rule, with what a person needs to fix the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub rule: Uid,
    pub name: String,
    /// The rule's importance (DHIS2's default, MEDIUM, when the server sent none).
    pub importance: Importance,
    pub operator: ValidationOperator,
    pub instruction: Option<String>,
    pub description: Option<String>,
    pub left: SideResult,
    pub right: SideResult,
}

/// One side of a violated rule.
#[derive(Debug, Clone, PartialEq)]
pub struct SideResult {
    /// `None` when the side was skipped by its missing-value strategy or was NaN.
    pub value: Option<f64>,
    pub description: Option<String>,
    pub data_items: Vec<DataItemRef>,
    /// The expression with the values filled in (`5.0 + 3.0 / 3.14 * 20`).
    pub regenerated: String,
}

/// Runs each rule on the input, in order; one outcome per rule.
pub fn run_validation_rules(rules: &[ValidationRule], input: &ValidationInput) -> Vec<RuleOutcome> {
    let ctx = input.context();
    rules.iter().map(|rule| evaluate_rule(rule, &ctx, input.org_unit_level)).collect()
}

/// Runs one rule in an already built context.
pub fn evaluate_rule(rule: &ValidationRule, ctx: &ExpressionContext, org_unit_level: Option<u32>) -> RuleOutcome {
    RuleOutcome { rule: rule.identity.id, name: rule.identity.name.clone(), result: decide(rule, ctx, org_unit_level) }
}

fn decide(rule: &ValidationRule, ctx: &ExpressionContext, org_unit_level: Option<u32>) -> RuleResult {
    if rule.skip_form_validation {
        return RuleResult::NotRun(NotRunReason::SkipFormValidation);
    }
    if let Some(level) = org_unit_level {
        if !rule.organisation_unit_levels.is_empty() && !rule.organisation_unit_levels.contains(&level) {
            return RuleResult::NotRun(NotRunReason::OrgUnitLevel { level });
        }
    }
    let sides = parse_side(&rule.left_side, Side::Left)
        .and_then(|l| Ok((l, parse_side(&rule.right_side, Side::Right)?)))
        .and_then(|(l, r)| {
            let lv = value_of(&l, &rule.left_side, ctx, Side::Left)?;
            let rv = value_of(&r, &rule.right_side, ctx, Side::Right)?;
            Ok(((l, lv), (r, rv)))
        });
    let ((left, lv), (right, rv)) = match sides {
        Ok(s) => s,
        Err(e) => return RuleResult::Failed(e),
    };
    match is_violation(rule, lv, rv) {
        Err(e) => RuleResult::Failed(e),
        Ok(false) => RuleResult::Passed,
        Ok(true) => RuleResult::Violated(Box::new(Violation {
            rule: rule.identity.id,
            name: rule.identity.name.clone(),
            importance: rule.importance.unwrap_or(Importance::Medium),
            operator: rule.operator,
            instruction: rule.instruction.clone(),
            description: rule.identity.description.clone(),
            left: side_result(&left, &rule.left_side, lv, ctx),
            right: side_result(&right, &rule.right_side, rv, ctx),
        })),
    }
}

fn parse_side(side: &ValidationSide, which: Side) -> Result<AggregateExpr, RuleError> {
    parse_expression(&side.expression).map_err(|error| RuleError::Parse { side: which, error })
}

fn value_of(
    expr: &AggregateExpr,
    side: &ValidationSide,
    ctx: &ExpressionContext,
    which: Side,
) -> Result<Option<f64>, RuleError> {
    match side_value(expr, ctx, side.missing_value_strategy) {
        Err(error) => Err(RuleError::Eval { side: which, error }),
        Ok(None) => Ok(None),
        Ok(Some(Value::Number(x))) => Ok(Some(x)),
        Ok(Some(other)) => Err(RuleError::NotANumber { side: which, kind: other.kind() }),
    }
}

fn is_violation(rule: &ValidationRule, left: Option<f64>, right: Option<f64>) -> Result<bool, RuleError> {
    match rule.operator {
        ValidationOperator::CompulsoryPair => return Ok(left.is_none() != right.is_none()),
        ValidationOperator::ExclusivePair => return Ok(left.is_some() && right.is_some()),
        _ => {}
    }
    let or_zero = |v: Option<f64>, side: &ValidationSide| match v {
        None if side.missing_value_strategy == MissingValueStrategy::NeverSkip => Some(0.0),
        other => other,
    };
    let (Some(l), Some(r)) = (or_zero(left, &rule.left_side), or_zero(right, &rule.right_side)) else {
        return Ok(false);
    };
    // The SDK re-parses "<l> <op> <r>" from Double.toString: "Infinity" does not parse.
    for (value, side) in [(l, Side::Left), (r, Side::Right)] {
        if !value.is_finite() {
            return Err(RuleError::NotFinite { side, value });
        }
    }
    let ord = java_double_cmp(l, r);
    let holds = match rule.operator {
        ValidationOperator::Equal => ord == Ordering::Equal,
        ValidationOperator::NotEqual => ord != Ordering::Equal,
        ValidationOperator::GreaterThan => ord == Ordering::Greater,
        ValidationOperator::GreaterThanOrEqual => ord != Ordering::Less,
        ValidationOperator::LessThan => ord == Ordering::Less,
        ValidationOperator::LessThanOrEqual => ord != Ordering::Greater,
        ValidationOperator::CompulsoryPair | ValidationOperator::ExclusivePair => true,
    };
    Ok(!holds)
}

fn side_result(expr: &AggregateExpr, side: &ValidationSide, value: Option<f64>, ctx: &ExpressionContext) -> SideResult {
    SideResult {
        value,
        description: side.description.clone(),
        data_items: expr.data_items(),
        regenerated: regenerate(expr, ctx),
    }
}
