//! The body shared by the expression fuzz target (`fuzz/fuzz_targets/expr.rs`, cargo-fuzz on
//! nightly) and its stable twin (`core/tests/expr_no_panic.rs`): parse any text and, when it
//! parses, evaluate it against a small fixed context with variables of every type, and use every
//! way of showing the result. The only property checked is that nothing panics.
//!
//! Owns that body and its context. Does not own the inputs (corpus, generators) or the catching
//! of panics (the callers).

use std::sync::OnceLock;

use super::engine_text::engine_text;
use super::eval::{evaluate, Context, VariableType, VariableValue};
use super::parser::parse;
use super::vectors::exact_text;

/// How far an input got, so that callers can tell whether their inputs reach the evaluator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// The parser refused it.
    ParseError,
    /// It parsed; evaluation gave an error.
    EvalError,
    /// It parsed and evaluated to a value.
    Value,
}

/// Parses `src`, and evaluates what parses against [`context`]. Errors are fine; a panic is a bug.
pub fn parse_and_evaluate(src: &str) -> Reached {
    let Ok(tree) = parse(src) else { return Reached::ParseError };
    let _ = tree.to_string();
    let ctx = context();
    let reached = match evaluate(&tree, ctx) {
        Ok(value) => {
            let _ = value.to_text();
            let _ = exact_text(&value);
            let _ = value.to_number();
            let _ = value.to_boolean();
            let _ = value.to_date();
            let _ = value.to_integer();
            Reached::Value
        }
        Err(e) => {
            let _ = e.to_string();
            Reached::EvalError
        }
    };
    let _ = engine_text(&tree, ctx);
    reached
}

/// Variables named by their type: `n`, `t`, `b`, `d` hold values; `en`, `et`, `eb`, `ed` are
/// empty; `bad_n` and `bad_d` hold text their type cannot read; UID-shaped `Abcdefghij1`
/// (number) and constant `Cabcdefghi1`; environment variables `current_date`, `event_date`,
/// `org_unit`, `event_id` (with an event date); supplementary user roles, groups and an org unit
/// group.
pub fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let var = |value_type, value: Option<&str>, candidates: &[&str], event_date: Option<&str>| VariableValue {
            value_type,
            value: value.map(String::from),
            candidates: candidates.iter().map(|c| c.to_string()).collect(),
            event_date: event_date.map(String::from),
        };
        use VariableType::*;
        let mut ctx = Context::default();
        let vars = [
            ("n", var(Number, Some("2.5"), &["2.5", "-1", "0", "1e308"], Some("2024-02-29"))),
            ("t", var(Text, Some("ភូមិ village 😱"), &["a", "", "ភូមិ", "3"], Some("2023-12-31"))),
            ("b", var(Boolean, Some("true"), &["true", "false"], None)),
            ("d", var(Date, Some("2024-02-29"), &["2024-02-29", "1970-01-01"], Some("2024-03-01"))),
            ("en", var(Number, None, &[], None)),
            ("et", var(Text, None, &[], None)),
            ("eb", var(Boolean, None, &[], None)),
            ("ed", var(Date, None, &[], None)),
            ("bad_n", var(Number, Some("abc"), &["abc", "1"], Some("not a date"))),
            ("bad_d", var(Date, Some("2023-02-30"), &["x"], None)),
            ("Abcdefghij1", var(Number, Some("-0"), &["-0", "NaN", "Infinity"], None)),
            ("Cabcdefghi1", var(Number, Some("3.14"), &[], None)),
            ("current_date", var(Date, Some("2026-12-02"), &["2026-12-02"], None)),
            ("event_date", var(Date, Some("2026-11-30"), &[], None)),
            ("org_unit", var(Text, Some("'OU'"), &[], None)),
            ("event_id", var(Text, Some("ev1"), &["ev1"], Some("9999-12-31"))),
        ];
        for (name, v) in vars {
            ctx.variables.insert(name.to_string(), v);
        }
        ctx.supplementary.insert("USER_ROLES".into(), vec!["admin".into(), String::new()]);
        ctx.supplementary.insert("USER_GROUPS".into(), vec!["g1".into()]);
        ctx.supplementary.insert("Ougroup0001".into(), vec!["OU".into()]);
        ctx
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::value::Value;

    #[test]
    fn the_context_reads_every_type_and_the_empty_ones() {
        let eval = |src: &str| evaluate(&parse(src).unwrap(), context());
        assert_eq!(eval("#{n} + 1"), Ok(Value::Number(3.5)));
        assert_eq!(eval("d2:length(#{t}) > 0"), Ok(Value::Bool(true)));
        assert_eq!(eval("#{b}"), Ok(Value::Bool(true)));
        assert_eq!(
            eval("d2:daysBetween(#{d}, V{current_date})")
                .ok()
                .and_then(|v| v.to_number().ok().flatten())
                .map(|n| n > 0.0),
            Some(true)
        );
        assert_eq!(eval("#{ed}"), Ok(Value::Null));
        assert_eq!(eval("d2:hasUserRole('admin')"), Ok(Value::Bool(true)));
        assert!(eval("#{bad_n} + 1").is_err());
        assert_eq!(
            parse_and_evaluate("d2:concatenate(#{t}, #{n}, #{b}, #{d}, #{en}, #{et}, #{eb}, #{ed})"),
            Reached::Value
        );
        assert_eq!(parse_and_evaluate("#{missing} + 1"), Reached::EvalError);
        assert_eq!(parse_and_evaluate("1 +"), Reached::ParseError);
    }
}
