//! Evaluating a parsed expression against rule variables, environment variables, constants and
//! supplementary data, with upstream's operator semantics (research/program-rules.md §2.5-§2.9):
//! short-circuit three-valued logic, numeric or UTF-16 comparison, the 1.4 equality rules, and
//! the d2 functions of rule mode.
//!
//! Owns operator and function semantics and evaluation errors. Does not own variable values
//! (`rules` builds them from events and enrollments) or number arithmetic (`number`).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::ast::{BinaryOp, Expr, ItemKind, UnaryOp};
use super::functions::Function;
use super::gs1::{self, Gs1Error};
use super::number::{self, NumberError};
use super::pattern::{self, PatternError};
use super::value::{compare_utf16, epoch_day, iso_date, parse_iso_date, CoercionError, Value};
use super::zscore::{self, Indicator, ZScoreError};
use crate::i18n::{Localize, Message};
use crate::msg;

/// How a rule variable's text value is read (upstream's `RuleValueType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariableType {
    Number,
    Text,
    Boolean,
    Date,
}

/// One variable as the engine hands it to the expression: its current value, every value it
/// had in the events considered (`candidates`, newest first), and the date of the event the value
/// came from.
#[derive(Debug, Clone, PartialEq)]
pub struct VariableValue {
    pub value_type: VariableType,
    pub value: Option<String>,
    pub candidates: Vec<String>,
    pub event_date: Option<String>,
}

/// What an expression can read.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Rule variables by name, environment variables by name, constants by UID.
    pub variables: HashMap<String, VariableValue>,
    /// Org unit groups, `USER_ROLES`, `USER_GROUPS`: key to member list.
    pub supplementary: HashMap<String, Vec<String>>,
}

/// Why evaluation failed; the engine turns these into rule errors, which a form shows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    UnknownVariable(String),
    /// A variable's stored text does not read as its type (only numbers and dates can fail).
    BadVariableValue {
        name: String,
        value: String,
        expected: VariableType,
    },
    Coercion(#[from] CoercionError),
    /// `op` is the operator's symbol (`+`, `<=`) or the function's name (`d2:modulus`).
    NullOperand {
        op: &'static str,
        side: Side,
    },
    Function {
        function: &'static str,
        problem: FunctionProblem,
    },
    /// A broken invariant of the evaluator itself (a bug in Phum, reported instead of a panic).
    Internal(&'static str),
    Pattern(#[from] PatternError),
    Gs1(#[from] Gs1Error),
    ZScore(#[from] ZScoreError),
}

/// Which operand of an operator was empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
    /// The operand of a unary operator.
    Only,
}

/// Why a d2 function (or `^`) refused its arguments.
#[derive(Debug, Clone, PartialEq)]
pub enum FunctionProblem {
    Number(NumberError),
    NeedsVariable,
    NullStart,
    NullEnd,
    /// `d2:addDays` past the dates chrono holds.
    DateOutOfRange {
        days: i32,
        from: NaiveDate,
    },
    /// `d2:left`/`d2:right` with a length that does not fit the text (counted in UTF-16 units).
    LengthOutOfRange {
        length: i32,
        text_length: usize,
    },
    BeginAfterEnd {
        begin: i64,
        end: i64,
        text_length: i64,
    },
    /// `d2:hasUserRole`/`d2:inUserGroup` without the user's roles or groups.
    NoUserData,
    NoValuesToFind,
    NullText,
    NullList,
}

impl Localize for EvalError {
    fn message(&self) -> Message {
        match self {
            EvalError::UnknownVariable(name) => msg!("expr-eval-unknown-variable", name = name),
            EvalError::BadVariableValue { name, value, expected } => match expected {
                VariableType::Date => msg!("expr-eval-variable-not-a-date", name = name, value = value),
                VariableType::Number | VariableType::Text | VariableType::Boolean => {
                    msg!("expr-eval-variable-not-a-number", name = name, value = value)
                }
            },
            EvalError::Coercion(e) => e.message(),
            EvalError::NullOperand { op, side: Side::Left } => msg!("expr-eval-null-left-operand", op = *op),
            EvalError::NullOperand { op, side: Side::Right } => msg!("expr-eval-null-right-operand", op = *op),
            EvalError::NullOperand { op, side: Side::Only } => msg!("expr-eval-null-operand", op = *op),
            EvalError::Function { function, problem } => problem.message_for(function),
            EvalError::Internal(detail) => msg!("expr-eval-internal", detail = *detail),
            EvalError::Pattern(e) => e.message(),
            EvalError::Gs1(e) => e.message(),
            EvalError::ZScore(e) => e.message(),
        }
    }
}

impl FunctionProblem {
    /// What `function` says about it.
    fn message_for(&self, function: &str) -> Message {
        use FunctionProblem::*;
        match self {
            Number(e) => msg!("expr-eval-function-number", function = function, problem = e.message()),
            NeedsVariable => msg!("expr-eval-function-needs-variable", function = function),
            NullStart => msg!("expr-eval-function-null-start", function = function),
            NullEnd => msg!("expr-eval-function-null-end", function = function),
            DateOutOfRange { days, from } => msg!(
                "expr-eval-function-date-out-of-range",
                function = function,
                days = i64::from(*days),
                // ISO, like the range's ends (and what the differential oracle reads back).
                from = iso_date(*from),
                first = iso_date(NaiveDate::MIN),
                last = iso_date(NaiveDate::MAX)
            ),
            LengthOutOfRange { length, text_length } => msg!(
                "expr-eval-function-length-out-of-range",
                function = function,
                length = i64::from(*length),
                text_length = *text_length
            ),
            BeginAfterEnd { begin, end, text_length } => msg!(
                "expr-eval-function-begin-after-end",
                function = function,
                begin = *begin,
                end = *end,
                text_length = *text_length
            ),
            NoUserData => msg!("expr-eval-function-no-user-data", function = function),
            NoValuesToFind => msg!("expr-eval-function-no-values", function = function),
            NullText => msg!("expr-eval-function-null-text", function = function),
            NullList => msg!("expr-eval-function-null-list", function = function),
        }
    }
}

crate::english_display!(EvalError);

impl Context {
    fn variable(&self, name: &str) -> Result<&VariableValue, EvalError> {
        self.variables.get(name).ok_or_else(|| EvalError::UnknownVariable(name.to_string()))
    }
}

/// Upstream's `VariableValue.valueOrDefault()`: an empty NUMBER reads 0, an empty BOOLEAN false,
/// an empty text "", an empty DATE null.
fn read_variable(name: &str, v: &VariableValue) -> Result<Value, EvalError> {
    let bad = |expected: VariableType| EvalError::BadVariableValue {
        name: name.to_string(),
        value: v.value.clone().unwrap_or_default(),
        expected,
    };
    Ok(match (v.value_type, v.value.as_deref()) {
        (VariableType::Number, None) => Value::Number(0.0),
        (VariableType::Number, Some(s)) => {
            Value::Number(number::parse_jvm_double(s).ok_or_else(|| bad(VariableType::Number))?)
        }
        (VariableType::Boolean, None) => Value::Bool(false),
        (VariableType::Boolean, Some(s)) => Value::Bool(s.eq_ignore_ascii_case("true")),
        (VariableType::Date, None) => Value::Null,
        (VariableType::Date, Some(s)) => Value::Date(parse_iso_date(s).ok_or_else(|| bad(VariableType::Date))?),
        (VariableType::Text, v) => Value::Str(v.unwrap_or_default().to_string()),
    })
}

/// Evaluates `expr`.
pub fn evaluate(expr: &Expr, ctx: &Context) -> Result<Value, EvalError> {
    match expr {
        Expr::Null | Expr::NamedValue(_) => Ok(Value::Null),
        Expr::Bool(b) => Ok(Value::Bool(*b)),
        Expr::Number(n) => Ok(Value::Number(*n)),
        Expr::Str(s) => Ok(Value::Str(s.clone())),
        Expr::Variable { name, .. } => read_variable(name, ctx.variable(name)?),
        Expr::DataItem { key, .. } => match ctx.variables.get(key) {
            Some(v) => read_variable(key, v),
            None => Ok(Value::Null),
        },
        Expr::Unary(op, e) => unary(*op, evaluate(e, ctx)?),
        Expr::Binary(BinaryOp::And, a, b) => {
            let left = evaluate(a, ctx)?.to_boolean()?;
            if left == Some(false) {
                return Ok(Value::Bool(false));
            }
            let right = evaluate(b, ctx)?.to_boolean()?;
            Ok(match (left, right) {
                (Some(l), Some(r)) => Value::Bool(l && r),
                _ => Value::Null,
            })
        }
        Expr::Binary(BinaryOp::Or, a, b) => {
            let left = evaluate(a, ctx)?.to_boolean()?;
            if left == Some(true) {
                return Ok(Value::Bool(true));
            }
            let right = evaluate(b, ctx)?.to_boolean()?;
            Ok(match (left, right) {
                (_, Some(true)) => Value::Bool(true),
                (Some(false), Some(false)) => Value::Bool(false),
                _ => Value::Null,
            })
        }
        Expr::Binary(op, a, b) => binary(*op, evaluate(a, ctx)?, evaluate(b, ctx)?),
        Expr::Call(f, args) => call(*f, args, ctx),
    }
}

fn unary(op: UnaryOp, v: Value) -> Result<Value, EvalError> {
    Ok(match op {
        // Upstream fails on a null operand of unary `+` and `-` as it does for `!`.
        UnaryOp::Plus => Value::Number(v.to_number()?.ok_or(EvalError::NullOperand { op: "+", side: Side::Only })?),
        UnaryOp::Minus => Value::Number(-v.to_number()?.ok_or(EvalError::NullOperand { op: "-", side: Side::Only })?),
        UnaryOp::Not => match v.to_boolean()? {
            Some(b) => Value::Bool(!b),
            None => return Err(EvalError::NullOperand { op: "!", side: Side::Only }),
        },
    })
}

fn operand(v: &Value, op: &'static str, side: Side) -> Result<f64, EvalError> {
    v.to_number()?.ok_or(EvalError::NullOperand { op, side })
}

fn binary(op: BinaryOp, a: Value, b: Value) -> Result<Value, EvalError> {
    let arith = |name: &'static str, f: fn(f64, f64) -> f64| -> Result<Value, EvalError> {
        Ok(Value::Number(f(operand(&a, name, Side::Left)?, operand(&b, name, Side::Right)?)))
    };
    match op {
        BinaryOp::Add => arith("+", number::add),
        BinaryOp::Sub => arith("-", number::sub),
        BinaryOp::Mul => arith("*", number::mul),
        BinaryOp::Div => arith("/", number::div),
        BinaryOp::Mod => arith("%", number::rem),
        BinaryOp::Pow => {
            let base = operand(&a, "^", Side::Left)?;
            let exponent = operand(&b, "^", Side::Right)?;
            number::try_pow(base, exponent)
                .map(Value::Number)
                .map_err(|e| EvalError::Function { function: "^", problem: FunctionProblem::Number(e) })
        }
        BinaryOp::Eq => Ok(Value::Bool(equal(&a, &b))),
        BinaryOp::Ne => Ok(Value::Bool(!equal(&a, &b))),
        BinaryOp::Lt | BinaryOp::Gt | BinaryOp::Le | BinaryOp::Ge => {
            let ord = match (&a, &b) {
                (Value::Str(x), Value::Str(y)) => compare_utf16(x, y),
                _ => {
                    let x = operand(&a, op.symbol(), Side::Left)?;
                    let y = operand(&b, op.symbol(), Side::Right)?;
                    match x.partial_cmp(&y) {
                        Some(o) => o,
                        // Comparisons with NaN are false in Java, whichever operator.
                        None => return Ok(Value::Bool(false)),
                    }
                }
            };
            Ok(Value::Bool(match op {
                BinaryOp::Lt => ord.is_lt(),
                BinaryOp::Gt => ord.is_gt(),
                BinaryOp::Le => ord.is_le(),
                _ => ord.is_ge(),
            }))
        }
        BinaryOp::And | BinaryOp::Or => {
            Err(EvalError::Internal("&& and || are short-circuited by evaluate, not computed as operators"))
        }
    }
}

/// Upstream's `equal` (parser 1.4): nulls equal only nulls; with a number on either side both
/// become numbers (a failure is "not equal"); with a boolean both become booleans; otherwise
/// values compare as they are (a date never equals a text).
fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, _) | (_, Value::Null) => matches!((a, b), (Value::Null, Value::Null)),
        (Value::Number(_) | Value::Int(_), _) | (_, Value::Number(_) | Value::Int(_)) => {
            match (a.to_number(), b.to_number()) {
                (Ok(Some(x)), Ok(Some(y))) => x == y,
                _ => false,
            }
        }
        (Value::Bool(_), _) | (_, Value::Bool(_)) => match (a.to_boolean(), b.to_boolean()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        },
        _ => a == b,
    }
}

fn fail(f: Function, problem: FunctionProblem) -> EvalError {
    EvalError::Function { function: f.name(), problem }
}

/// The variable named by a data-item argument; `None` for a UID-shaped item that is not there.
fn data_item<'c>(f: Function, arg: &Expr, ctx: &'c Context) -> Result<Option<&'c VariableValue>, EvalError> {
    match arg {
        Expr::Variable { name, .. } => ctx.variable(name).map(Some),
        Expr::DataItem { key, .. } => Ok(ctx.variables.get(key)),
        _ => Err(fail(f, FunctionProblem::NeedsVariable)),
    }
}

fn dates_between(f: Function, args: &[Expr], ctx: &Context) -> Result<(NaiveDate, NaiveDate), EvalError> {
    let start = evaluate(&args[0], ctx)?.to_date()?.ok_or_else(|| fail(f, FunctionProblem::NullStart))?;
    let end = evaluate(&args[1], ctx)?.to_date()?.ok_or_else(|| fail(f, FunctionProblem::NullEnd))?;
    Ok((start, end))
}

/// Whole months from `a` to `b`, truncated toward zero (kotlinx `monthsUntil`).
fn months_until(a: NaiveDate, b: NaiveDate) -> i32 {
    // month() is 1..=12, so the cast cannot truncate.
    let total = |d: NaiveDate| d.year() * 12 + d.month() as i32 - 1;
    let mut months = total(b) - total(a);
    if months > 0 && b.day() < a.day() {
        months -= 1;
    } else if months < 0 && b.day() > a.day() {
        months += 1;
    }
    months
}

fn text_arg(args: &[Expr], i: usize, ctx: &Context) -> Result<Option<String>, EvalError> {
    Ok(evaluate(&args[i], ctx)?.to_text())
}

fn utf16_slice(s: &str, from: usize, to: usize) -> String {
    let units: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16_lossy(&units[from.min(units.len())..to.min(units.len()).max(from.min(units.len()))])
}

fn call(f: Function, args: &[Expr], ctx: &Context) -> Result<Value, EvalError> {
    use Function::*;
    let num = |i: usize| -> Result<Option<f64>, EvalError> { Ok(evaluate(&args[i], ctx)?.to_number()?) };
    Ok(match f {
        HasValue => match args[0] {
            Expr::Variable { ref name, .. } => Value::Bool(ctx.variables.get(name).is_some_and(|v| v.value.is_some())),
            Expr::DataItem { ref key, .. } => Value::Bool(ctx.variables.get(key).is_some_and(|v| v.value.is_some())),
            _ => Value::Bool(false),
        },
        Count => Value::Int(data_item(f, &args[0], ctx)?.map_or(0, |v| v.candidates.len() as i32)),
        CountIfValue => {
            let var = data_item(f, &args[0], ctx)?;
            let wanted = text_arg(args, 1, ctx)?;
            let n = match (var, wanted) {
                (Some(v), Some(w)) => v.candidates.iter().filter(|c| **c == w).count(),
                _ => 0,
            };
            Value::Int(n as i32)
        }
        CountIfZeroPos => {
            let mut n = 0;
            for c in data_item(f, &args[0], ctx)?.map(|v| v.candidates.as_slice()).unwrap_or(&[]) {
                let x = number::parse_jvm_double(c).ok_or_else(|| CoercionError::NotANumber(c.clone()))?;
                if x >= 0.0 {
                    n += 1;
                }
            }
            Value::Int(n)
        }
        MaxValue | MinValue => {
            let mut best: Option<f64> = None;
            for c in data_item(f, &args[0], ctx)?.map(|v| v.candidates.as_slice()).unwrap_or(&[]) {
                let x = number::parse_jvm_double(c).ok_or_else(|| CoercionError::NotANumber(c.clone()))?;
                best = Some(match best {
                    None => x,
                    // Kotlin's max()/min() of doubles: any NaN makes the result NaN.
                    Some(b) if b.is_nan() || x.is_nan() => f64::NAN,
                    Some(b) if f == MaxValue => b.max(x),
                    Some(b) => b.min(x),
                });
            }
            Value::Number(best.unwrap_or(f64::NAN))
        }
        // A quoted name that is not a variable gives null here (not an error, unlike `#{..}`).
        LastEventDate if matches!(&args[0], Expr::Variable { kind: ItemKind::Quoted, name } if !ctx.variables.contains_key(name)) => {
            Value::Null
        }
        LastEventDate => match data_item(f, &args[0], ctx)?.and_then(|v| v.event_date.as_deref()) {
            Some(d) => Value::Date(parse_iso_date(d).ok_or_else(|| CoercionError::NotADate(d.to_string()))?),
            None => Value::Null,
        },
        DaysBetween | WeeksBetween | MinutesBetween => {
            let (a, b) = dates_between(f, args, ctx)?;
            let days = (epoch_day(b) - epoch_day(a)) as i32;
            Value::Int(match f {
                DaysBetween => days,
                WeeksBetween => days / 7,
                _ => days.saturating_mul(1440),
            })
        }
        MonthsBetween => {
            let (a, b) = dates_between(f, args, ctx)?;
            Value::Int(months_until(a, b))
        }
        YearsBetween => {
            let (a, b) = dates_between(f, args, ctx)?;
            Value::Int(months_until(a, b) / 12)
        }
        AddDays => {
            // Upstream coerces the day count even when the date is null.
            let (date, days) = (evaluate(&args[0], ctx)?.to_date()?, num(1)?);
            let Some(date) = date else { return Ok(Value::Null) };
            match days {
                None => Value::Date(date),
                Some(n) => {
                    let days = super::value::saturating_int(n);
                    date.checked_add_signed(TimeDelta::days(i64::from(days)))
                        .map(Value::Date)
                        .ok_or_else(|| fail(f, FunctionProblem::DateOutOfRange { days, from: date }))?
                }
            }
        }
        Ceil => Value::Number(num(0)?.unwrap_or(0.0).ceil()),
        Floor => Value::Number(num(0)?.unwrap_or(0.0).floor()),
        Round => {
            let places = match args.get(1) {
                Some(Expr::Number(p)) => *p as i32,
                _ => 0,
            };
            match num(0)? {
                None => Value::Number(f64::NAN),
                Some(x) => Value::Number(number::round(x, places).map_err(|e| fail(f, FunctionProblem::Number(e)))?),
            }
        }
        Modulus => {
            let a = num(0)?.ok_or(EvalError::NullOperand { op: "d2:modulus", side: Side::Left })?;
            let b = num(1)?.ok_or(EvalError::NullOperand { op: "d2:modulus", side: Side::Right })?;
            Value::Number(number::rem(a, b))
        }
        Zing => match num(0)? {
            None => Value::Null,
            Some(x) if x < 0.0 => Value::Number(0.0),
            Some(x) => Value::Number(x),
        },
        Oizp => Value::Number(if num(0)?.is_some_and(|x| x >= 0.0) { 1.0 } else { 0.0 }),
        Zpvc => {
            let mut n = 0;
            for i in 0..args.len() {
                if num(i)?.is_some_and(|x| x >= 0.0) {
                    n += 1;
                }
            }
            Value::Int(n)
        }
        Concatenate => {
            let mut out = String::new();
            for i in 0..args.len() {
                if let Some(t) = text_arg(args, i, ctx)? {
                    out.push_str(&t);
                }
            }
            Value::Str(out)
        }
        Length => Value::Int(text_arg(args, 0, ctx)?.map_or(0, |s| s.encode_utf16().count() as i32)),
        Left | Right => {
            let s = text_arg(args, 0, ctx)?;
            let n = evaluate(&args[1], ctx)?.to_integer()?;
            match (s, n) {
                (Some(s), Some(n)) => {
                    let len = s.encode_utf16().count();
                    // Upstream: left is `substring(0, min(len, n))`; right is
                    // `substring(max(len - n, 0))` in Int arithmetic, which wraps for n near
                    // Int.MIN_VALUE (`d2:right('abc', -1e300)` is "abc").
                    let start = if f == Left { 0 } else { (len as i32).wrapping_sub(n).max(0) };
                    let end = if f == Left { n.min(len as i32) } else { len as i32 };
                    if end < 0 || start as usize > len {
                        return Err(fail(f, FunctionProblem::LengthOutOfRange { length: n, text_length: len }));
                    }
                    Value::Str(utf16_slice(&s, start as usize, end as usize))
                }
                _ => Value::Str(String::new()),
            }
        }
        Substring => {
            // Upstream coerces the indices even when the text is null.
            let text = text_arg(args, 0, ctx)?;
            let (begin, end) = (evaluate(&args[1], ctx)?.to_integer()?, evaluate(&args[2], ctx)?.to_integer()?);
            let Some(s) = text else { return Ok(Value::Str(String::new())) };
            let len = s.encode_utf16().count() as i64;
            let begin = begin.map_or(0, i64::from).max(0);
            let end = end.map_or(len, i64::from).min(len);
            if begin > end {
                return Err(fail(f, FunctionProblem::BeginAfterEnd { begin, end, text_length: len }));
            }
            Value::Str(utf16_slice(&s, begin as usize, end as usize))
        }
        Split => {
            let (text, delimiter) = (text_arg(args, 0, ctx)?, text_arg(args, 1, ctx)?);
            // Upstream coerces the index even when the text or the delimiter is null.
            let index = evaluate(&args[2], ctx)?.to_integer()?;
            let (Some(s), Some(d)) = (text, delimiter) else {
                return Ok(Value::Str(String::new()));
            };
            let mut parts: Vec<String> = if d.is_empty() {
                // Kotlin splits on an empty pattern before and after every UTF-16 unit:
                // "x" gives ["", "x", ""], and an emoji gives its two halves (shown as U+FFFD).
                std::iter::once(String::new())
                    .chain(s.encode_utf16().map(|u| String::from_utf16_lossy(&[u])))
                    .chain(std::iter::once(String::new()))
                    .collect()
            } else {
                s.split(d.as_str()).map(str::to_string).collect()
            };
            while parts.last().is_some_and(String::is_empty) {
                parts.pop();
            }
            match index {
                Some(i) if i >= 0 && (i as usize) < parts.len() => Value::Str(parts[i as usize].clone()),
                _ => Value::Str(String::new()),
            }
        }
        InOrgUnitGroup => {
            let group = text_arg(args, 0, ctx)?.unwrap_or_default();
            let unit =
                ctx.variables.get("org_unit").and_then(|v| v.value.clone()).unwrap_or_default().replace('\'', "");
            Value::Bool(ctx.supplementary.get(&group).is_some_and(|members| members.contains(&unit)))
        }
        HasUserRole | InUserGroup => {
            let key = if f == HasUserRole { "USER_ROLES" } else { "USER_GROUPS" };
            let wanted = text_arg(args, 0, ctx)?.unwrap_or_default();
            match ctx.supplementary.get(key) {
                Some(list) => Value::Bool(list.contains(&wanted)),
                None => return Err(fail(f, FunctionProblem::NoUserData)),
            }
        }
        Condition => {
            // Upstream evaluates both branches: an error in the one not taken is still an error.
            let test = evaluate(&args[0], ctx)?.to_boolean()?;
            let (yes, no) = (evaluate(&args[1], ctx)?, evaluate(&args[2], ctx)?);
            if test == Some(true) {
                yes
            } else {
                no
            }
        }
        Contains | ContainsItems if args.len() < 2 => {
            return Err(fail(f, FunctionProblem::NoValuesToFind));
        }
        Contains => {
            let s = text_arg(args, 0, ctx)?.ok_or_else(|| fail(f, FunctionProblem::NullText))?;
            let mut all = true;
            for i in 1..args.len() {
                all &= text_arg(args, i, ctx)?.is_some_and(|x| s.contains(&x));
            }
            Value::Bool(all)
        }
        ContainsItems => {
            let s = text_arg(args, 0, ctx)?.ok_or_else(|| fail(f, FunctionProblem::NullList))?;
            let items: Vec<&str> = s.split(',').collect();
            let mut all = true;
            for i in 1..args.len() {
                all &= text_arg(args, i, ctx)?.is_some_and(|x| items.contains(&x.as_str()));
            }
            Value::Bool(all)
        }
        ValidatePattern => match (text_arg(args, 0, ctx)?, text_arg(args, 1, ctx)?) {
            (Some(text), Some(regex)) => Value::Bool(pattern::matches(&text, &regex)?),
            _ => Value::Bool(false),
        },
        ExtractDataMatrixValue => {
            let (key, value) = (text_arg(args, 0, ctx)?, text_arg(args, 1, ctx)?);
            Value::Str(gs1::extract(key.as_deref(), value.as_deref())?)
        }
        ZScoreWfa | ZScoreHfa | ZScoreWfh => {
            let indicator = match f {
                ZScoreWfa => Indicator::WeightForAge,
                ZScoreHfa => Indicator::HeightForAge,
                _ => Indicator::WeightForHeight,
            };
            let (parameter, measure, gender) = (num(0)?, num(1)?, text_arg(args, 2, ctx)?);
            Value::Number(zscore::z_score(indicator, parameter, measure, gender.as_deref())?)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    fn eval(src: &str) -> Result<Value, EvalError> {
        let mut ctx = Context::default();
        ctx.variables.insert(
            "weight".into(),
            VariableValue {
                value_type: VariableType::Number,
                value: Some("2.4".into()),
                candidates: vec!["2.4".into()],
                event_date: None,
            },
        );
        ctx.variables.insert(
            "empty".into(),
            VariableValue { value_type: VariableType::Date, value: None, candidates: vec![], event_date: None },
        );
        evaluate(&parse(src).unwrap(), &ctx)
    }

    #[test]
    fn upstream_grouping_shows_in_results() {
        assert_eq!(eval("10-2+3"), Ok(Value::Number(5.0)));
        assert_eq!(eval("10/2*5"), Ok(Value::Number(1.0)));
        assert_eq!(eval("0.1+0.2"), Ok(Value::Number(0.3)));
        assert!(eval("0 ^ -1").is_err(), "upstream refuses a negative power of zero");
    }

    #[test]
    fn logic_short_circuits_and_is_three_valued() {
        // The right side would fail on the empty date; the left side decides first.
        assert_eq!(eval("d2:hasValue(#{empty}) && #{empty} > 3"), Ok(Value::Bool(false)));
        assert_eq!(eval("null && true"), Ok(Value::Null));
        assert_eq!(eval("null || true"), Ok(Value::Bool(true)));
        assert!(eval("#{empty} > 3").is_err());
    }

    #[test]
    fn unary_plus_and_minus_of_null_are_errors() {
        assert!(eval("-null").is_err());
        assert!(eval("+#{empty}").is_err());
        assert!(eval("d2:concatenate(-null)").is_err());
        assert_eq!(eval("-#{weight}"), Ok(Value::Number(-2.4)));
    }

    #[test]
    fn condition_evaluates_both_branches() {
        assert_eq!(eval("d2:condition('true', 1, 2)"), Ok(Value::Number(1.0)));
        assert!(eval("d2:condition('true', 1, #{height})").is_err(), "the branch not taken fails too");
    }

    #[test]
    fn functions_match_the_jvm_at_their_edges() {
        assert!(eval("d2:contains('abc')").is_err(), "no values to look for");
        assert!(eval("d2:containsItems('a,b')").is_err());
        assert_eq!(eval("d2:lastEventDate('height')"), Ok(Value::Null), "a quoted unknown name is null");
        assert!(eval("d2:lastEventDate(#{height})").is_err());
        assert!(eval("d2:split(null, ',', 1.5)").is_err(), "the index is checked before the null text");
        assert!(eval("d2:substring(null, 1.5, 2)").is_err());
        assert_eq!(eval("d2:substring(null, 1, 2)"), Ok(Value::Str(String::new())));
        assert!(eval("d2:addDays(null, 'x')").is_err(), "the day count is checked before the null date");
        assert!(eval("d2:right('abc', -1)").is_err());
        assert_eq!(eval("d2:split('\u{1F600}ab', '', 3)"), Ok(Value::Str("a".into())), "split by UTF-16 unit");
        assert!(eval("d2:left('abc', -1)").is_err());
        assert_eq!(eval("d2:right('abc', -1e300)"), Ok(Value::Str("abc".into())), "Int arithmetic wraps");
        assert_eq!(eval("d2:right('abc', 5)"), Ok(Value::Str("abc".into())));
        assert_eq!(eval("d2:addDays(null, 1)"), Ok(Value::Null));
    }

    #[test]
    fn dates_past_year_9999_are_written_as_java_writes_them_up_to_chronos_limit() {
        let text = |e: &str| eval(e).map(|v| v.to_text());
        assert_eq!(text("d2:addDays('2020-01-01', 3000000)"), Ok(Some("+10233-09-21".into())));
        assert_eq!(text("d2:addDays('2020-01-01', -1000000)"), Ok(Some("-0718-02-03".into())));
        assert_eq!(eval("d2:daysBetween('2020-01-01', d2:addDays('2020-01-01', 3000000))"), Ok(Value::Int(3000000)));
        // The JVM answers +340033-03-17; chrono's dates end at +262142-12-31.
        let err = eval("d2:addDays('2020-01-01', 123456789)").unwrap_err().to_string();
        assert!(
            err.contains(
                "d2:addDays: 123456789 days from 2020-01-01 is beyond the dates Phum holds (-262143-01-01 to +262142-12-31)"
            ),
            "{err}"
        );
    }

    #[test]
    fn max_and_min_of_candidates_with_nan_are_nan() {
        let mut ctx = Context::default();
        let candidates = vec!["13".into(), "NaN".into(), "2".into()];
        ctx.variables.insert(
            "x".into(),
            VariableValue { value_type: VariableType::Number, value: None, candidates, event_date: None },
        );
        for f in ["d2:maxValue", "d2:minValue"] {
            let v = evaluate(&parse(&format!("{f}(#{{x}})")).unwrap(), &ctx);
            assert!(matches!(v, Ok(Value::Number(n)) if n.is_nan()), "{f}: {v:?}");
        }
    }

    #[test]
    fn equality_follows_parser_1_4() {
        assert_eq!(eval("2 == '2'"), Ok(Value::Bool(true)));
        assert_eq!(eval("2 == ''"), Ok(Value::Bool(false)));
        assert_eq!(eval("1 == true"), Ok(Value::Bool(true)));
        assert_eq!(eval("null == null"), Ok(Value::Bool(true)));
        assert_eq!(eval("#{weight} < 2.5"), Ok(Value::Bool(true)));
    }

    #[test]
    fn unknown_variables_are_errors() {
        assert_eq!(eval("#{height} > 1"), Err(EvalError::UnknownVariable("height".into())));
        assert_eq!(eval("d2:hasValue('height')"), Ok(Value::Bool(false)));
    }

    #[test]
    fn d2_functions_of_their_own_modules_are_wired() {
        assert_eq!(eval("d2:zScoreWFA(0, 3.0, 'F')"), Ok(Value::Number(-0.5)));
        assert!(matches!(eval("d2:zScoreWFA(30.5, 3.0, 'F')"), Err(EvalError::ZScore(_))));
        // A NUMBER variable reads as the number's text: 2.4.
        assert_eq!(eval("d2:validatePattern(#{weight}, '\\\\d\\\\.\\\\d')"), Ok(Value::Bool(true)));
        assert_eq!(eval("d2:validatePattern(#{empty}, '.*')"), Ok(Value::Bool(false)));
        assert!(matches!(eval("d2:validatePattern('a', '\\\\X')"), Err(EvalError::Pattern(_))));
        assert_eq!(
            eval("d2:extractDataMatrixValue('gtin', ']d20108470006991541')"),
            Ok(Value::Str("08470006991541".into()))
        );
        assert!(matches!(eval("d2:extractDataMatrixValue('gtin', '0108')"), Err(EvalError::Gs1(_))));
    }

    #[test]
    fn every_eval_error_variant_renders_in_both_languages() {
        fn name(e: &EvalError) -> &'static str {
            match e {
                EvalError::UnknownVariable(_) => "UnknownVariable",
                EvalError::BadVariableValue { expected: VariableType::Date, .. } => "BadVariableValue/Date",
                EvalError::BadVariableValue { expected: VariableType::Number, .. } => "BadVariableValue/Number",
                EvalError::BadVariableValue { expected: VariableType::Text | VariableType::Boolean, .. } => {
                    "BadVariableValue/other"
                }
                EvalError::Coercion(_) => "Coercion",
                EvalError::NullOperand { side: Side::Left, .. } => "NullOperand/Left",
                EvalError::NullOperand { side: Side::Right, .. } => "NullOperand/Right",
                EvalError::NullOperand { side: Side::Only, .. } => "NullOperand/Only",
                EvalError::Function { problem, .. } => match problem {
                    FunctionProblem::Number(_) => "Function/Number",
                    FunctionProblem::NeedsVariable => "Function/NeedsVariable",
                    FunctionProblem::NullStart => "Function/NullStart",
                    FunctionProblem::NullEnd => "Function/NullEnd",
                    FunctionProblem::DateOutOfRange { .. } => "Function/DateOutOfRange",
                    FunctionProblem::LengthOutOfRange { .. } => "Function/LengthOutOfRange",
                    FunctionProblem::BeginAfterEnd { .. } => "Function/BeginAfterEnd",
                    FunctionProblem::NoUserData => "Function/NoUserData",
                    FunctionProblem::NoValuesToFind => "Function/NoValuesToFind",
                    FunctionProblem::NullText => "Function/NullText",
                    FunctionProblem::NullList => "Function/NullList",
                },
                EvalError::Internal(_) => "Internal",
                EvalError::Pattern(_) => "Pattern",
                EvalError::Gs1(_) => "Gs1",
                EvalError::ZScore(_) => "ZScore",
            }
        }
        const ALL: [&str; 23] = [
            "UnknownVariable",
            "BadVariableValue/Date",
            "BadVariableValue/Number",
            "BadVariableValue/other",
            "Coercion",
            "NullOperand/Left",
            "NullOperand/Right",
            "NullOperand/Only",
            "Function/Number",
            "Function/NeedsVariable",
            "Function/NullStart",
            "Function/NullEnd",
            "Function/DateOutOfRange",
            "Function/LengthOutOfRange",
            "Function/BeginAfterEnd",
            "Function/NoUserData",
            "Function/NoValuesToFind",
            "Function/NullText",
            "Function/NullList",
            "Internal",
            "Pattern",
            "Gs1",
            "ZScore",
        ];
        let function = |f: Function, problem| EvalError::Function { function: f.name(), problem };
        let bad = |expected| EvalError::BadVariableValue { name: "weight".into(), value: "12,5".into(), expected };
        let samples = [
            EvalError::UnknownVariable("weight_kg".into()),
            bad(VariableType::Date),
            bad(VariableType::Number),
            bad(VariableType::Text),
            EvalError::Coercion(CoercionError::NotANumber("abc".into())),
            EvalError::NullOperand { op: "+", side: Side::Left },
            EvalError::NullOperand { op: "d2:modulus", side: Side::Right },
            EvalError::NullOperand { op: "!", side: Side::Only },
            EvalError::Function { function: "^", problem: FunctionProblem::Number(NumberError::ZeroToNegativePower) },
            function(Function::HasValue, FunctionProblem::NeedsVariable),
            function(Function::DaysBetween, FunctionProblem::NullStart),
            function(Function::DaysBetween, FunctionProblem::NullEnd),
            function(
                Function::AddDays,
                FunctionProblem::DateOutOfRange { days: 123_456_789, from: crate::test_dates::ymd(2020, 1, 1) },
            ),
            function(Function::Left, FunctionProblem::LengthOutOfRange { length: -3, text_length: 5 }),
            function(Function::Substring, FunctionProblem::BeginAfterEnd { begin: 4, end: 2, text_length: 5 }),
            function(Function::HasUserRole, FunctionProblem::NoUserData),
            function(Function::Contains, FunctionProblem::NoValuesToFind),
            function(Function::Contains, FunctionProblem::NullText),
            function(Function::ContainsItems, FunctionProblem::NullList),
            EvalError::Internal("&& and || are short-circuited by evaluate"),
            EvalError::Pattern(PatternError::TooComplex { pattern: "(a*)*b".into() }),
            EvalError::Gs1(Gs1Error::UnknownKey("colour".into())),
            EvalError::ZScore(ZScoreError::MissingWeight),
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ALL.into_iter().collect());
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }

    #[test]
    fn eval_errors_read_as_sentences_in_khmer_with_khmer_digits() {
        let e = eval("d2:left('abcde', -3)").unwrap_err();
        let locale = crate::i18n::Locale::new(crate::i18n::Lang::Km, true);
        assert_eq!(e.localized(locale), "d2:left៖ ប្រវែង -៣ មិនត្រូវនឹងអត្ថបទដែលមាន ៥ តួអក្សរទេ។");
        assert_eq!(e.to_string(), "d2:left: the length -3 does not fit a text of 5 characters.");
    }
}
