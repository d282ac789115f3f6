//! Evaluating a validation-rule expression as the SDK's `ExpressionService` does: one side's
//! value under its missing-value strategy (`getExpressionValue`), and the side written with its
//! values filled in (`regenerateExpression`).
//!
//! Rules kept from upstream:
//! - a data item without a value counts as 0.0 and is counted as missing (`itemsFound`,
//!   `itemValuesFound`), except inside `firstNonNull`, `isNull`, `isNotNull`, where it is null
//!   and not counted; after a `null` literal, later items are not counted either;
//! - operators and `log`/`log10` return at their first null or NaN operand without evaluating
//!   the rest (so items after it are not counted); `if` evaluates only the branch it takes;
//! - `x / 0` is NaN; a final NaN becomes null, a final null becomes 0.0, then
//!   SKIP_IF_ANY_VALUE_MISSING gives null if an item had no value, SKIP_IF_ALL_VALUES_MISSING
//!   if items were read and none had a value.
//!
//! Owns [`ExpressionContext`], evaluation errors, and regeneration. Does not own parsing, value
//! casts (`value`), decimal arithmetic (`decimal`) or running rules (`executor`).

use std::collections::HashMap;

use super::ast::{AggregateExpr, BinaryOp, Function, Item, Node, UnaryOp};
use super::decimal::{self, ArithError};
use super::value::{compare, CastError, Value};
use crate::expr::number::jvm_double_to_string;
use crate::i18n::{Localize, Message};
use crate::model::value_type::MissingValueStrategy;
use crate::model::Uid;

/// What an expression can read: the SDK's `ExpressionServiceContext`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpressionContext {
    /// Numeric totals keyed as the SDK keys them: `de` (all category option combos) and
    /// `de.coc`.
    pub values: HashMap<String, f64>,
    /// `C{uid}` values.
    pub constants: HashMap<Uid, f64>,
    /// `OUG{uid}`: member counts of org unit groups.
    pub org_unit_group_counts: HashMap<Uid, u32>,
    /// `[days]`: days in the period (`None`: unknown, and `[days]` is null).
    pub days: Option<u32>,
}

/// An expression that parsed but cannot be evaluated (the SDK throws).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    Cast(#[from] CastError),
    MissingConstant(Uid),
    MissingOrgUnitGroupCount(Uid),
    /// The function's name as written in expressions (`is`).
    NullComparison(&'static str),
    NullArgument(&'static str),
    Arithmetic(#[from] ArithError),
}

impl Localize for EvalError {
    fn message(&self) -> Message {
        match self {
            EvalError::Cast(e) => e.message(),
            EvalError::MissingConstant(uid) => crate::msg!("validate-eval-missing-constant", constant = uid),
            EvalError::MissingOrgUnitGroupCount(uid) => {
                crate::msg!("validate-eval-missing-org-unit-group-count", group = uid)
            }
            EvalError::NullComparison(function) => {
                crate::msg!("validate-eval-null-comparison", function = *function)
            }
            EvalError::NullArgument(function) => crate::msg!("validate-eval-null-argument", function = *function),
            EvalError::Arithmetic(e) => e.message(),
        }
    }
}
crate::english_display!(EvalError);

/// The raw result of an expression and the item counts the missing-value strategies use.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub value: Option<Value>,
    /// Data items evaluated where a missing value counts (`itemsFound`).
    pub items_found: usize,
    /// Those of them that had a value (`itemValuesFound`).
    pub item_values_found: usize,
}

/// Evaluates an expression; `value` is the raw result (null, NaN and all).
pub fn evaluate(expr: &AggregateExpr, ctx: &ExpressionContext) -> Result<Evaluation, EvalError> {
    let mut ev = Evaluator { ctx, replace_nulls: true, items_found: 0, item_values_found: 0 };
    let value = ev.eval(&expr.root)?;
    Ok(Evaluation { value, items_found: ev.items_found, item_values_found: ev.item_values_found })
}

/// The value of one rule side as the SDK's `getExpressionValue(expression, context, strategy)`
/// gives it: null from the strategy or from NaN, 0.0 for a null result.
pub fn side_value(
    expr: &AggregateExpr,
    ctx: &ExpressionContext,
    strategy: MissingValueStrategy,
) -> Result<Option<Value>, EvalError> {
    let ev = evaluate(expr, ctx)?;
    let handled = match ev.value {
        None => Some(Value::Number(0.0)),
        Some(Value::Number(x)) if x.is_nan() => None,
        other => other,
    };
    let skip = match strategy {
        MissingValueStrategy::SkipIfAnyValueMissing => ev.item_values_found < ev.items_found,
        MissingValueStrategy::SkipIfAllValuesMissing => ev.items_found != 0 && ev.item_values_found == 0,
        MissingValueStrategy::NeverSkip => false,
    };
    Ok(if skip { None } else { handled })
}

struct Evaluator<'a> {
    ctx: &'a ExpressionContext,
    replace_nulls: bool,
    items_found: usize,
    item_values_found: usize,
}

fn as_bool(v: Option<Value>) -> Result<Option<bool>, EvalError> {
    Ok(v.map(|v| v.to_bool()).transpose()?)
}

fn is_null_or_nan(v: &Option<Value>) -> bool {
    match v {
        None => true,
        Some(Value::Number(x)) => x.is_nan(),
        Some(_) => false,
    }
}

impl Evaluator<'_> {
    fn eval(&mut self, node: &Node) -> Result<Option<Value>, EvalError> {
        Ok(match node {
            Node::Number { value, .. } => Some(Value::Number(*value)),
            Node::Text { value, .. } => Some(Value::Text(value.clone())),
            Node::Bool(b) => Some(Value::Bool(*b)),
            Node::Null => {
                self.replace_nulls = false;
                None
            }
            Node::Item(item) => self.item(item)?,
            Node::Paren(inner) => self.eval(inner)?,
            Node::Unary { op, operand } => self.unary(*op, operand)?,
            Node::Power { base, exponent } => {
                let left = self.eval(base)?;
                self.apply(BinaryOp::Power, left, exponent)?
            }
            Node::Chain { first, rest } => {
                let mut acc = self.eval(first)?;
                for (op, node) in rest {
                    if !matches!(op, BinaryOp::And | BinaryOp::Or) && is_null_or_nan(&acc) {
                        return Ok(acc);
                    }
                    acc = self.apply(*op, acc, node)?;
                }
                acc
            }
            Node::Call { function, args } => self.call(*function, args)?,
        })
    }

    fn allowing_nulls(&mut self, node: &Node) -> Result<Option<Value>, EvalError> {
        let saved = self.replace_nulls;
        self.replace_nulls = false;
        let result = self.eval(node);
        self.replace_nulls = saved;
        result
    }

    fn item(&mut self, item: &Item) -> Result<Option<Value>, EvalError> {
        match item {
            Item::DataElement { .. } | Item::Operand { .. } => {
                let found = item.value_key().and_then(|k| self.ctx.values.get(&k).copied());
                if !self.replace_nulls {
                    return Ok(found.map(Value::Number));
                }
                self.items_found += 1;
                if found.is_some() {
                    self.item_values_found += 1;
                }
                Ok(Some(Value::Number(found.unwrap_or(0.0))))
            }
            Item::Constant { constant, .. } => match self.ctx.constants.get(constant) {
                Some(v) => Ok(Some(Value::Number(*v))),
                None => Err(EvalError::MissingConstant(*constant)),
            },
            Item::OrgUnitGroup { group, .. } => match self.ctx.org_unit_group_counts.get(group) {
                Some(n) => Ok(Some(Value::Number(f64::from(*n)))),
                None => Err(EvalError::MissingOrgUnitGroupCount(*group)),
            },
            Item::Days => Ok(self.ctx.days.map(|d| Value::Number(f64::from(d)))),
        }
    }

    fn unary(&mut self, op: UnaryOp, operand: &Node) -> Result<Option<Value>, EvalError> {
        let v = self.eval(operand)?;
        match op {
            UnaryOp::Not => Ok(match v {
                None => None,
                Some(v) => Some(Value::Bool(!v.to_bool()?)),
            }),
            _ if is_null_or_nan(&v) => Ok(v),
            UnaryOp::Plus => Ok(v.map(|v| v.to_number().map(Value::Number)).transpose()?),
            UnaryOp::Minus => Ok(v.map(|v| v.to_number().map(|x| Value::Number(-x))).transpose()?),
        }
    }

    /// `left op right` where `left` is already evaluated: `right` is evaluated only if needed.
    fn apply(&mut self, op: BinaryOp, l: Option<Value>, right: &Node) -> Result<Option<Value>, EvalError> {
        match op {
            BinaryOp::And => return self.and(l, right),
            BinaryOp::Or => return self.or(l, right),
            _ => {}
        }
        if is_null_or_nan(&l) {
            return Ok(l);
        }
        let r = self.eval(right)?;
        if is_null_or_nan(&r) {
            return Ok(r);
        }
        let (Some(l), Some(r)) = (l, r) else { return Ok(None) };
        let number = |x: f64| Ok(Some(Value::Number(x)));
        let boolean = |b: bool| Ok(Some(Value::Bool(b)));
        match op {
            BinaryOp::Add => number(decimal::add(l.to_number()?, r.to_number()?)?),
            BinaryOp::Subtract => number(decimal::sub(l.to_number()?, r.to_number()?)?),
            BinaryOp::Multiply => number(decimal::mul(l.to_number()?, r.to_number()?)?),
            BinaryOp::Divide => {
                let (a, b) = (l.to_number()?, r.to_number()?);
                // Upstream converts both operands to BigDecimal (failing on an infinity) first.
                if b == 0.0 && a.is_finite() {
                    number(f64::NAN)
                } else {
                    number(decimal::div(a, b)?)
                }
            }
            BinaryOp::Modulus => number(decimal::rem(l.to_number()?, r.to_number()?)?),
            BinaryOp::Power => number(decimal::pow(l.to_number()?, r.to_number()?)?),
            BinaryOp::Equal => boolean(compare(&l, &r)?.is_eq()),
            BinaryOp::NotEqual => boolean(compare(&l, &r)?.is_ne()),
            BinaryOp::LessThan => boolean(compare(&l, &r)?.is_lt()),
            BinaryOp::GreaterThan => boolean(compare(&l, &r)?.is_gt()),
            BinaryOp::LessThanOrEqual => boolean(compare(&l, &r)?.is_le()),
            BinaryOp::GreaterThanOrEqual => boolean(compare(&l, &r)?.is_ge()),
            // Dispatched above, before the right operand is evaluated.
            BinaryOp::And | BinaryOp::Or => Ok(None),
        }
    }

    fn boolean(&mut self, node: &Node) -> Result<Option<bool>, EvalError> {
        let v = self.eval(node)?;
        as_bool(v)
    }

    /// SQL-like: false wins; otherwise null if either side is null.
    fn and(&mut self, left: Option<Value>, right: &Node) -> Result<Option<Value>, EvalError> {
        let l = as_bool(left)?;
        let result = if l == Some(true) { self.boolean(right)? } else { l };
        Ok(result.map(Value::Bool))
    }

    /// SQL-like: true wins; otherwise null if either side is null.
    fn or(&mut self, left: Option<Value>, right: &Node) -> Result<Option<Value>, EvalError> {
        let result = match as_bool(left)? {
            None => self.boolean(right)?.filter(|b| *b),
            Some(false) => self.boolean(right)?,
            Some(true) => Some(true),
        };
        Ok(result.map(Value::Bool))
    }

    fn call(&mut self, function: Function, args: &[Node]) -> Result<Option<Value>, EvalError> {
        match function {
            Function::FirstNonNull => {
                for arg in args {
                    if let Some(v) = self.allowing_nulls(arg)? {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            Function::Greatest | Function::Least => {
                let sign = if function == Function::Greatest { 1.0 } else { -1.0 };
                let mut best: Option<f64> = None;
                for arg in args {
                    let v = self.eval(arg)?.map(|v| v.to_number()).transpose()?;
                    match (best, v) {
                        (None, _) => best = v,
                        (Some(b), Some(x)) if (x - b) * sign > 0.0 => best = Some(x),
                        _ => {}
                    }
                }
                Ok(best.map(Value::Number))
            }
            Function::If => match self.boolean(&args[0])? {
                None => Ok(None),
                Some(true) => self.eval(&args[1]),
                Some(false) => self.eval(&args[2]),
            },
            Function::IsNull => Ok(Some(Value::Bool(self.allowing_nulls(&args[0])?.is_none()))),
            Function::IsNotNull => Ok(Some(Value::Bool(self.allowing_nulls(&args[0])?.is_some()))),
            Function::Log | Function::Log10 => {
                let mut xs = Vec::with_capacity(args.len());
                for arg in args {
                    let v = self.eval(arg)?;
                    if is_null_or_nan(&v) {
                        return Ok(v);
                    }
                    if let Some(v) = v {
                        xs.push(v.to_number()?);
                    }
                }
                let result = match (function, xs.as_slice()) {
                    (Function::Log10, [x]) => x.log10(),
                    (_, [x]) => x.ln(),
                    (_, [x, base]) => x.ln() / base.ln(),
                    _ => f64::NAN,
                };
                Ok(Some(Value::Number(result)))
            }
            Function::Is => {
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.eval(arg)?);
                }
                let Some(Some(target)) = values.first() else {
                    return Err(EvalError::NullComparison("is"));
                };
                let mut found = false;
                for candidate in &values[1..] {
                    let Some(candidate) = candidate else { return Err(EvalError::NullComparison("is")) };
                    found |= compare(target, candidate)?.is_eq();
                }
                Ok(Some(Value::Bool(found)))
            }
            Function::Contains | Function::ContainsItems => {
                let mut texts = Vec::with_capacity(args.len());
                for arg in args {
                    match self.eval(arg)? {
                        Some(v) => texts.push(v.to_text()),
                        None => return Err(EvalError::NullArgument(function.name())),
                    }
                }
                let (target, wanted) = texts.split_first().ok_or(EvalError::NullArgument(function.name()))?;
                let all = if function == Function::Contains {
                    wanted.iter().all(|w| target.contains(w.as_str()))
                } else {
                    let items: Vec<&str> = target.split(',').collect();
                    wanted.iter().all(|w| items.contains(&w.as_str()))
                };
                Ok(Some(Value::Bool(all)))
            }
        }
    }
}

/// The SDK's `regenerateExpression`: tokens joined by single spaces, data items, constants,
/// org unit group counts and `[days]` replaced by their values where known (`5.0`, `3.14`, `20`,
/// `10.0`), literals as written. `!`, `&&` and `||` are written in their symbol form.
pub fn regenerate(expr: &AggregateExpr, ctx: &ExpressionContext) -> String {
    let mut out = String::new();
    regen(&expr.root, ctx, &mut out);
    out
}

fn regen(node: &Node, ctx: &ExpressionContext, out: &mut String) {
    match node {
        Node::Number { text, .. } | Node::Text { text, .. } => out.push_str(text),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Null => out.push_str("null"),
        Node::Item(item) => out.push_str(&regen_item(item, ctx)),
        Node::Paren(inner) => {
            out.push_str("( ");
            regen(inner, ctx, out);
            out.push_str(" )");
        }
        Node::Unary { op, operand } => {
            out.push_str(match op {
                UnaryOp::Plus => "+ ",
                UnaryOp::Minus => "- ",
                UnaryOp::Not => "! ",
            });
            regen(operand, ctx, out);
        }
        Node::Power { base, exponent } => {
            regen(base, ctx, out);
            out.push_str(" ^ ");
            regen(exponent, ctx, out);
        }
        Node::Chain { first, rest } => {
            regen(first, ctx, out);
            for (op, node) in rest {
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                regen(node, ctx, out);
            }
        }
        Node::Call { function, args } => {
            out.push_str(function.name());
            out.push_str("( ");
            for (i, arg) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(if *function == Function::Is && i == 1 { " in " } else { " , " });
                }
                regen(arg, ctx, out);
            }
            out.push_str(" )");
        }
    }
}

fn regen_item(item: &Item, ctx: &ExpressionContext) -> String {
    let known = match item {
        Item::DataElement { .. } | Item::Operand { .. } => {
            item.value_key().and_then(|k| ctx.values.get(&k)).map(|v| jvm_double_to_string(*v))
        }
        Item::Constant { constant, .. } => ctx.constants.get(constant).map(|v| jvm_double_to_string(*v)),
        Item::OrgUnitGroup { group, .. } => ctx.org_unit_group_counts.get(group).map(|n| n.to_string()),
        Item::Days => Some(ctx.days.map_or_else(|| "null".to_string(), |d| jvm_double_to_string(f64::from(d)))),
    };
    known.unwrap_or_else(|| item.text().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::aggregate::parse_expression;

    const A: &str = "sK2wroysTNW";
    const B: &str = "lZGmxYbs97q";
    const COC: &str = "tpghB93ks57";
    const K: &str = "e19hj1w7yKP";
    const G: &str = "RAL7YE4KJ58";

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    fn ctx(values: &[(&str, f64)]) -> ExpressionContext {
        ExpressionContext {
            values: values.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            constants: [(uid(K), 4.0)].into_iter().collect(),
            org_unit_group_counts: [(uid(G), 20)].into_iter().collect(),
            days: Some(30),
        }
    }

    fn raw(text: &str, c: &ExpressionContext) -> Result<Option<Value>, EvalError> {
        Ok(evaluate(&parse_expression(text).unwrap(), c)?.value)
    }

    fn num(text: &str) -> f64 {
        match raw(text, &ctx(&[])) {
            Ok(Some(Value::Number(x))) => x,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn boolean(text: &str) -> Option<bool> {
        match raw(text, &ctx(&[])) {
            Ok(Some(Value::Bool(b))) => Some(b),
            Ok(None) => None,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn side(text: &str, values: &[(&str, f64)], strategy: MissingValueStrategy) -> Option<Value> {
        side_value(&parse_expression(text).unwrap(), &ctx(values), strategy).unwrap()
    }

    #[test]
    fn arithmetic_operators_compute_in_decimal() {
        assert_eq!(num("0.1 + 0.2"), 0.3);
        assert_eq!(num("1 - 0.9"), 0.1);
        assert_eq!(num("1.1 * 3"), 3.3);
        assert_eq!(num("1 / 3"), 0.3333333333333333);
        assert_eq!(num("7 % 3"), 1.0);
        assert_eq!(num("2 ^ 10"), 1024.0);
        assert_eq!(num("-2 ^ 2"), -4.0);
        assert_eq!(num("+'2.5'"), 2.5);
        assert_eq!(num("'5' + 3"), 8.0);
        assert_eq!(num("(1 + 2) * 3"), 9.0);
    }

    #[test]
    fn division_by_zero_is_nan_and_nan_propagates() {
        assert!(num("4 / 0").is_nan());
        assert!(num("-4 / -0").is_nan());
        assert!(matches!(raw("log(0) / 0", &ctx(&[])), Err(EvalError::Arithmetic(ArithError::NotFinite(_)))));
        assert!(num("4 / 0 + 1").is_nan());
        assert!(num("-(4 / 0)").is_nan());
        assert!(matches!(raw("4 / 0 > 1", &ctx(&[])), Ok(Some(Value::Number(x))) if x.is_nan()));
        assert_eq!(raw("5 % 0", &ctx(&[])), Err(EvalError::Arithmetic(ArithError::DivisionByZero)));
    }

    #[test]
    fn comparison_operators_return_booleans() {
        assert_eq!(boolean("1 < 2"), Some(true));
        assert_eq!(boolean("2 <= 2"), Some(true));
        assert_eq!(boolean("3 > 2"), Some(true));
        assert_eq!(boolean("2 >= 3"), Some(false));
        assert_eq!(boolean("2 == 2.0"), Some(true));
        assert_eq!(boolean("'a' != 'b'"), Some(true));
        assert_eq!(boolean("'5' < 3"), Some(true), "the SDK compares 3 with '5' here");
        assert!(matches!(raw("true == 1", &ctx(&[])), Err(EvalError::Cast(_))));
    }

    #[test]
    fn logical_operators_follow_sql_truth_tables() {
        assert_eq!(boolean("true && false"), Some(false));
        assert_eq!(boolean("true and true"), Some(true));
        assert_eq!(boolean("false || true"), Some(true));
        assert_eq!(boolean("false or false"), Some(false));
        assert_eq!(boolean("null && true"), None);
        assert_eq!(boolean("false && null"), Some(false));
        assert_eq!(boolean("true && null"), None);
        assert_eq!(boolean("null || true"), Some(true));
        assert_eq!(boolean("null || false"), None);
        assert_eq!(boolean("true || null"), Some(true));
        assert_eq!(boolean("!true"), Some(false));
        assert_eq!(boolean("not 0"), Some(true));
        assert_eq!(boolean("!null"), None);
    }

    #[test]
    fn functions_compute_as_the_sdk() {
        assert_eq!(num("greatest(5, 2, 7, 3)"), 7.0);
        assert_eq!(num("least(-5, -2, -7)"), -7.0);
        assert_eq!(num("if(5 > 2, 5, 2)"), 5.0);
        assert_eq!(num("log10(1000)"), 3.0);
        assert_eq!(num("log(8, 2)"), 3.0);
        assert_eq!(num("log(1)"), 0.0);
        assert_eq!(boolean("isNull(null)"), Some(true));
        assert_eq!(boolean("isNotNull(null)"), Some(false));
        assert_eq!(boolean("is(2 in 1, 2.0)"), Some(true));
        assert_eq!(boolean("contains('abc', 'b', 'c')"), Some(true));
        assert_eq!(boolean("containsItems('a,bc', 'b')"), Some(false));
        assert_eq!(raw("if(null, 1, 2)", &ctx(&[])), Ok(None));
        assert_eq!(raw("firstNonNull(null, 'x')", &ctx(&[])), Ok(Some(Value::Text("x".into()))));
        assert_eq!(raw("contains(null, 'x')", &ctx(&[])), Err(EvalError::NullArgument("contains")));
    }

    #[test]
    fn items_read_the_context() {
        let c = ctx(&[(A, 5.0), (&format!("{A}.{COC}"), 2.0)]);
        assert_eq!(
            raw(&format!("#{{{A}}} + #{{{A}.{COC}}} + C{{{K}}} + OUG{{{G}}} + [days]"), &c),
            Ok(Some(Value::Number(61.0)))
        );
        assert_eq!(raw(&format!("C{{{B}}}"), &c), Err(EvalError::MissingConstant(uid(B))));
        assert_eq!(raw(&format!("OUG{{{B}}}"), &c), Err(EvalError::MissingOrgUnitGroupCount(uid(B))));
        let no_days = ExpressionContext { days: None, ..c };
        assert_eq!(raw("[days]", &no_days), Ok(None));
    }

    #[test]
    fn missing_items_count_as_zero_and_as_missing() {
        let e = parse_expression(&format!("#{{{A}}} + #{{{B}}}")).unwrap();
        let ev = evaluate(&e, &ctx(&[(A, 5.0)])).unwrap();
        assert_eq!((ev.value, ev.items_found, ev.item_values_found), (Some(Value::Number(5.0)), 2, 1));
    }

    #[test]
    fn never_skip_gives_zero_for_missing_values() {
        let expr = format!("#{{{A}}} + #{{{B}}}");
        assert_eq!(side(&expr, &[], MissingValueStrategy::NeverSkip), Some(Value::Number(0.0)));
    }

    #[test]
    fn skip_if_any_value_missing_skips_when_one_operand_is_empty() {
        let expr = format!("#{{{A}}} + #{{{B}}}");
        assert_eq!(side(&expr, &[(A, 5.0)], MissingValueStrategy::SkipIfAnyValueMissing), None);
        assert_eq!(
            side(&expr, &[(A, 5.0), (B, 1.0)], MissingValueStrategy::SkipIfAnyValueMissing),
            Some(Value::Number(6.0))
        );
    }

    #[test]
    fn skip_if_all_values_missing_skips_only_when_every_operand_is_empty() {
        let expr = format!("#{{{A}}} + #{{{B}}}");
        assert_eq!(side(&expr, &[(A, 5.0)], MissingValueStrategy::SkipIfAllValuesMissing), Some(Value::Number(5.0)));
        assert_eq!(side(&expr, &[], MissingValueStrategy::SkipIfAllValuesMissing), None);
        // No data item at all: nothing is missing.
        assert_eq!(side("1 + 1", &[], MissingValueStrategy::SkipIfAllValuesMissing), Some(Value::Number(2.0)));
    }

    #[test]
    fn items_inside_null_tests_do_not_count_as_missing() {
        let expr = format!("firstNonNull(#{{{A}}}, 7)");
        assert_eq!(side(&expr, &[], MissingValueStrategy::SkipIfAnyValueMissing), Some(Value::Number(7.0)));
        let expr = format!("if(isNull(#{{{A}}}), 1, 2)");
        assert_eq!(side(&expr, &[], MissingValueStrategy::SkipIfAllValuesMissing), Some(Value::Number(1.0)));
    }

    #[test]
    fn nan_becomes_null_and_null_becomes_zero() {
        assert_eq!(side("4 / 0", &[], MissingValueStrategy::NeverSkip), None);
        assert_eq!(side("null", &[], MissingValueStrategy::NeverSkip), Some(Value::Number(0.0)));
        assert_eq!(side("[days] + null", &[], MissingValueStrategy::NeverSkip), Some(Value::Number(0.0)));
    }

    #[test]
    fn expressions_nested_to_the_depth_limit_evaluate() {
        use crate::validate::aggregate::MAX_DEPTH;
        let n = MAX_DEPTH - 1;
        let parens = format!("{}1{}", "(".repeat(n), ")".repeat(n));
        assert_eq!(num(&parens), 1.0);
        let ifs = format!("{}1{}", "if(true,".repeat(n / 2), ",0)".repeat(n / 2));
        assert_eq!(num(&ifs), 1.0);
        let minus = format!("{}1", "-".repeat(n - 1));
        assert_eq!(num(&minus).abs(), 1.0);
        let sum = vec!["1"; 10_000].join(" + ");
        assert_eq!(num(&sum), 10_000.0);
        let e = parse_expression(&format!("{}1{}", "(".repeat(n), ")".repeat(n))).unwrap();
        assert_eq!(regenerate(&e, &ctx(&[])).len(), 4 * n + 1);
    }

    #[test]
    fn regeneration_fills_in_known_values() {
        let c = ctx(&[(A, 5.0)]);
        let e =
            parse_expression(&format!("#{{{A}}}+#{{{B}}} / C{{{K}}}*OUG{{{G}}} - [days] + if(1>2,'x',true)")).unwrap();
        assert_eq!(regenerate(&e, &c), format!("5.0 + #{{{B}}} / 4.0 * 20 - 30.0 + if( 1 > 2 , 'x' , true )"));
        let e = parse_expression("(1) + is(1 in 2, 3)").unwrap();
        assert_eq!(regenerate(&e, &c), "( 1 ) + is( 1 in 2 , 3 )");
    }

    #[test]
    fn every_eval_error_variant_renders_in_both_languages() {
        use super::super::value::ValueKind;
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let uid = Uid::parse("abcdefghijk").unwrap();
        let samples = [
            EvalError::Cast(CastError { from: ValueKind::Boolean, value: "true".into(), to: ValueKind::Number }),
            EvalError::MissingConstant(uid),
            EvalError::MissingOrgUnitGroupCount(uid),
            EvalError::NullComparison("is"),
            EvalError::NullArgument("contains"),
            EvalError::Arithmetic(ArithError::DivisionByZero),
        ];
        let name = |e: &EvalError| match e {
            EvalError::Cast(_) => "Cast",
            EvalError::MissingConstant(_) => "MissingConstant",
            EvalError::MissingOrgUnitGroupCount(_) => "MissingOrgUnitGroupCount",
            EvalError::NullComparison(_) => "NullComparison",
            EvalError::NullArgument(_) => "NullArgument",
            EvalError::Arithmetic(_) => "Arithmetic",
        };
        assert_eq!(samples.iter().map(name).collect::<std::collections::BTreeSet<_>>().len(), 6);
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
    }
}
