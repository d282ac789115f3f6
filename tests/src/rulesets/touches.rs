//! Which rules of a target may run into a known difference between the app's parser (1.4.1)
//! and the oracle's (1.3.0): `==`/`!=` between a number and a boolean or a non-numeric text
//! (changed in 1.4.0), `==`/`!=` with a UID-shaped name on one side and an empty variable on
//! either, and
//! `d2:minutesBetween` (rule mode since 1.3.1). The JVM side
//! (`RuleSetDifferences`) accepts a difference only at or after such a rule.
//!
//! Operands are evaluated in the target's value map before any rule runs; an operand that
//! reads a calculated value (which ASSIGN may change during the run) counts as touching.
//!
//! Owns the marking. Does not own deciding what is explained (the Java classifier).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate as Date;
use phum_core::expr::eval::{evaluate, Context, VariableType};
use phum_core::expr::number::parse_jvm_double;
use phum_core::expr::value::Value;
use phum_core::expr::{BinaryOp, Expr};
use phum_core::rules::values::{build, History};
use phum_core::rules::{RuleEnrollment, RuleEvent, RuleSet, Supplementary, VariableSource};

pub const EQUALITY: &str = "equality-1.4";
pub const MINUTES_BETWEEN: &str = "minutesBetween-1.3.1";
pub const EMPTY_ITEM_EQUALITY: &str = "empty-uid-item-equality-1.3";

/// (rule UID, what it touches) for one target: `target` an event (with `others`) or `None` for
/// the enrollment pass over `others`.
pub fn touches(
    set: &RuleSet,
    target: Option<&RuleEvent>,
    enrollment: Option<&RuleEnrollment>,
    others: &[RuleEvent],
    supplementary: &Supplementary,
    today: Date,
) -> Vec<(String, &'static str)> {
    let mut events: Vec<&RuleEvent> = others.iter().collect();
    events.extend(target);
    let history = History::new(&events);
    let variables = build(set, &history, events.len(), enrollment, target, today);
    let mut groups: HashMap<String, Vec<String>> = supplementary.org_unit_groups.clone();
    groups.insert("USER_ROLES".into(), supplementary.user_roles.clone());
    groups.insert("USER_GROUPS".into(), supplementary.user_groups.clone());
    let ctx = Context { variables, supplementary: groups };
    let calculated: HashSet<&str> =
        set.variables.iter().filter(|v| v.source == VariableSource::Calculated).map(|v| v.name.as_str()).collect();
    let mut out = Vec::new();
    for rule in &set.rules {
        let exprs = std::iter::once(&rule.condition).chain(rule.actions.iter().filter_map(|a| a.data.as_ref()));
        let mut found = Vec::new();
        for compiled in exprs {
            if let Ok(expr) = &compiled.parsed {
                walk(expr, &ctx, &calculated, &mut found);
            }
        }
        found.sort_unstable();
        found.dedup();
        out.extend(found.into_iter().map(|w| (rule.uid.clone(), w)));
    }
    out
}

fn walk(expr: &Expr, ctx: &Context, calculated: &HashSet<&str>, out: &mut Vec<&'static str>) {
    match expr {
        Expr::Binary(op, a, b) => {
            if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
                let volatile = reads_calculated(a, calculated) || reads_calculated(b, calculated);
                let changed = match (evaluate(a, ctx), evaluate(b, ctx)) {
                    (Ok(x), Ok(y)) => {
                        equality_changed_in_1_4(&x, &y)
                            || (is_number(&x) && declared_boolean(b, ctx))
                            || (is_number(&y) && declared_boolean(a, ctx))
                    }
                    _ => false,
                };
                if volatile || changed {
                    out.push(EQUALITY);
                }
                let item = matches!(**a, Expr::DataItem { .. }) || matches!(**b, Expr::DataItem { .. });
                if item && (empty_read(a, ctx) || empty_read(b, ctx)) {
                    out.push(EMPTY_ITEM_EQUALITY);
                }
            }
            walk(a, ctx, calculated, out);
            walk(b, ctx, calculated, out);
        }
        Expr::Unary(_, e) => walk(e, ctx, calculated, out),
        Expr::Call(f, args) => {
            if f.name() == "d2:minutesBetween" {
                out.push(MINUTES_BETWEEN);
            }
            args.iter().for_each(|a| walk(a, ctx, calculated, out));
        }
        _ => {}
    }
}

fn reads_calculated(expr: &Expr, calculated: &HashSet<&str>) -> bool {
    match expr {
        Expr::Variable { name, .. } => calculated.contains(name.as_str()),
        Expr::DataItem { key, .. } => calculated.contains(key.as_str()),
        Expr::Unary(_, e) => reads_calculated(e, calculated),
        Expr::Binary(_, a, b) => reads_calculated(a, calculated) || reads_calculated(b, calculated),
        Expr::Call(_, args) => args.iter().any(|a| reads_calculated(a, calculated)),
        _ => false,
    }
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Number(_) | Value::Int(_))
}

/// A read of a BOOLEAN variable, empty or not: 1.3.0 fails `20 != #{empty boolean}` ("Failed to
/// coerce value 'null' to Boolean").
fn declared_boolean(expr: &Expr, ctx: &Context) -> bool {
    let name = match expr {
        Expr::Variable { name, .. } => name,
        Expr::DataItem { key, .. } => key,
        _ => return false,
    };
    ctx.variables.get(name).is_some_and(|v| v.value_type == VariableType::Boolean)
}

/// A read of an empty variable. When either side of `==`/`!=` is a UID-shaped name
/// (`#{Abcdefghijk}`), 1.3.0 compares raw values, sees null there instead of the type's default,
/// and fails ("Failed to coerce value 'null' () to Boolean").
fn empty_read(expr: &Expr, ctx: &Context) -> bool {
    let name = match expr {
        Expr::Variable { name, .. } => name,
        Expr::DataItem { key, .. } => key,
        _ => return false,
    };
    ctx.variables.get(name).is_some_and(|v| v.value.is_none())
}

/// Parser 1.4.0 changed `==`/`!=` between a number and a boolean or a non-numeric text.
fn equality_changed_in_1_4(x: &Value, y: &Value) -> bool {
    let other_side = |v: &Value| match v {
        Value::Bool(_) => true,
        Value::Str(s) => parse_jvm_double(s).is_none(),
        _ => false,
    };
    (is_number(x) && other_side(y)) || (is_number(y) && other_side(x))
}
