//! Phum's own answer to a case: `phum_core::expr` parses and evaluates it, and the result is
//! written the way the engine writes effect data (research/program-rules.md §2.9), with its type.
//! Also notes which known version differences a case touches (see
//! tests/jvm-oracle/KNOWN_DIFFERENCES.md), so that the oracle side can tell them from bugs.
//!
//! Owns the mapping from `Value`/`EvalError` to the JSON answer. Does not own the semantics
//! (`phum_core::expr`) or deciding whether a difference is explained (the Java side does).

use phum_core::expr::engine_text::engine_text;
use phum_core::expr::eval::{evaluate, Context, EvalError, VariableType};
use phum_core::expr::value::Value;
use phum_core::expr::{number, parse, BinaryOp, Expr};
use phum_tests::jvm_text;
use serde_json::{json, Value as Json};

/// Where the oracle should look when Phum and the JVM differ on a case: the comparisons Phum
/// saw between a number and a boolean or non-numeric text (`equalities`: each side as JVM text,
/// and Phum's answer for it), the expression with those comparisons replaced by Phum's answers
/// (`rewritten`), and the expression printed without octal escapes (`printed`, when its source
/// has one). The oracle decides with its own evaluations whether a documented difference explains
/// the case (KnownDifferences.java); none of this explains anything by itself.
#[derive(Debug, Default)]
pub struct Pointers {
    pub equalities: Vec<Json>,
    pub rewritten: Option<String>,
    pub printed: Option<String>,
}

/// `{"type", "value", "double"?}` for a result, `{"error": "parse"|"eval", "detail"}` for a failure.
pub fn answer(src: &str, ctx: &Context) -> (Json, Vec<&'static str>, Pointers) {
    let expr = match parse(src) {
        Ok(e) => e,
        Err(e) => return (json!({"error": "parse", "detail": e.to_string()}), Vec::new(), Pointers::default()),
    };
    let touches = touches(&expr, ctx);
    let pointers = pointers(src, &expr, ctx);
    // The variant (Debug) and its English text: the oracle's explanations read the text.
    let failed = |e: EvalError| json!({"error": "eval", "detail": format!("{e:?}: {e}")});
    // The text is core's own conversion (`engine_text`); the type is the evaluated value's, or
    // the JVM's String for a bare variable with a stored value (§2.9: its text is returned as is).
    let out = if is_stored_variable(&expr, ctx) {
        match engine_text(&expr, ctx) {
            Ok(text) => json!({"type": "Str", "value": text}),
            Err(e) => failed(e),
        }
    } else {
        match (evaluate(&expr, ctx), engine_text(&expr, ctx)) {
            (Err(e), _) | (_, Err(e)) => failed(e),
            (Ok(v), Ok(text)) => {
                let mut out = json!({"type": type_of(&v), "value": text});
                if let Value::Number(n) = v {
                    out["double"] = json!(number::jvm_double_to_string(n));
                }
                out
            }
        }
    };
    (out, touches, pointers)
}

fn pointers(src: &str, expr: &Expr, ctx: &Context) -> Pointers {
    let mut p = Pointers::default();
    let mut answers: Vec<(*const Expr, bool)> = Vec::new();
    collect_equalities(expr, ctx, &mut |e, a, b, op, value| {
        p.equalities
            .push(json!({"op": op, "left": jvm_text::text(a), "right": jvm_text::text(b), "phum": value.to_string()}));
        answers.push((e as *const Expr, value));
    });
    if !answers.is_empty() {
        p.rewritten = Some(jvm_text::text_with(expr, &mut |e| {
            answers.iter().find(|(x, _)| std::ptr::eq(*x, e)).map(|(_, v)| v.to_string())
        }));
    }
    let octal = src.as_bytes().windows(2).any(|w| w[0] == b'\\' && (b'0'..=b'7').contains(&w[1]));
    if octal {
        p.printed = Some(jvm_text::text(expr));
    }
    p
}

/// Each `==`/`!=` whose sides Phum evaluates to a number and a boolean or non-numeric text, with
/// Phum's answer for it.
fn collect_equalities<'a>(
    expr: &'a Expr,
    ctx: &Context,
    found: &mut dyn FnMut(&'a Expr, &'a Expr, &'a Expr, &str, bool),
) {
    match expr {
        Expr::Binary(op, a, b) => {
            if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
                if let (Ok(x), Ok(y), Ok(Value::Bool(v))) = (evaluate(a, ctx), evaluate(b, ctx), evaluate(expr, ctx)) {
                    if equality_changed_in_1_4(&x, &y) {
                        found(expr, a, b, op.symbol(), v);
                    }
                }
            }
            collect_equalities(a, ctx, found);
            collect_equalities(b, ctx, found);
        }
        Expr::Unary(_, e) => collect_equalities(e, ctx, found),
        Expr::Call(_, args) => args.iter().for_each(|a| collect_equalities(a, ctx, found)),
        _ => {}
    }
}

/// A variable with a stored value that is the whole expression.
fn is_stored_variable(expr: &Expr, ctx: &Context) -> bool {
    let name = match expr {
        Expr::Variable { name, .. } => name,
        Expr::DataItem { key, .. } => key,
        _ => return false,
    };
    ctx.variables.get(name).is_some_and(|v| v.value.is_some())
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "Null",
        Value::Bool(_) => "Bool",
        Value::Number(_) => "Number",
        Value::Int(_) => "Int",
        Value::Str(_) => "Str",
        Value::Date(_) => "Date",
    }
}

/// Known version differences this expression may run into (by what its parts evaluate to in
/// Phum; parts that fail to evaluate are not counted).
fn touches(expr: &Expr, ctx: &Context) -> Vec<&'static str> {
    let mut out = Vec::new();
    walk(expr, ctx, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

fn walk(expr: &Expr, ctx: &Context, out: &mut Vec<&'static str>) {
    match expr {
        Expr::Binary(op, a, b) => {
            if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
                if let (Ok(x), Ok(y)) = (evaluate(a, ctx), evaluate(b, ctx)) {
                    if equality_changed_in_1_4(&x, &y) {
                        out.push("equality-1.4");
                    }
                }
            }
            walk(a, ctx, out);
            walk(b, ctx, out);
        }
        Expr::Unary(_, e) => walk(e, ctx, out),
        Expr::Call(f, args) => {
            if f.name() == "d2:minutesBetween" {
                out.push("minutesBetween-1.3.1");
            }
            args.iter().for_each(|a| walk(a, ctx, out));
        }
        _ => {}
    }
}

/// Parser 1.4.0 changed `==`/`!=` between a number and a boolean or a non-numeric text.
fn equality_changed_in_1_4(x: &Value, y: &Value) -> bool {
    let is_number = |v: &Value| matches!(v, Value::Number(_) | Value::Int(_));
    let other_side = |v: &Value| match v {
        Value::Bool(_) => true,
        Value::Str(s) => number::parse_jvm_double(s).is_none(),
        _ => false,
    };
    (is_number(x) && other_side(y)) || (is_number(y) && other_side(x))
}

/// The JSON name of a variable type, as the oracle reads it.
pub fn type_name(t: VariableType) -> &'static str {
    match t {
        VariableType::Number => "NUMBER",
        VariableType::Text => "STRING",
        VariableType::Boolean => "BOOLEAN",
        VariableType::Date => "DATE",
    }
}
