//! The text the rule engine makes of an expression's result, as upstream's effect data would
//! hold it (research/program-rules.md §2.9): whole numbers as Kotlin `Int`s (saturating), other
//! numbers as Java prints them, dates as yyyy-MM-dd, and a bare variable as its raw stored text.
//!
//! Owns that conversion. Does not own evaluation (`eval`) or what the engine does with the text
//! (program rules and their effects).

use super::ast::Expr;
use super::eval::{evaluate, Context, EvalError, VariableType, VariableValue};

/// Evaluates `expr` and returns the effect-data text upstream's engine would produce; `None`
/// where it produces no text (a null result, an empty DATE variable).
pub fn engine_text(expr: &Expr, ctx: &Context) -> Result<Option<String>, EvalError> {
    match expr {
        Expr::Variable { name, .. } => match ctx.variables.get(name) {
            Some(v) => Ok(raw_text(v)),
            None => Err(EvalError::UnknownVariable(name.clone())),
        },
        Expr::DataItem { key, .. } => Ok(ctx.variables.get(key).and_then(raw_text)),
        _ => Ok(evaluate(expr, ctx)?.to_text()),
    }
}

/// Upstream's `valueOrDefault()` of a variable, as text: the stored text untouched ("007" stays
/// "007"); when empty, "0" for a NUMBER, "false" for a BOOLEAN, "" for a text, none for a DATE.
fn raw_text(v: &VariableValue) -> Option<String> {
    match (&v.value, v.value_type) {
        (Some(s), _) => Some(s.clone()),
        (None, VariableType::Number) => Some("0".to_string()),
        (None, VariableType::Boolean) => Some("false".to_string()),
        (None, VariableType::Text) => Some(String::new()),
        (None, VariableType::Date) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    fn var(value_type: VariableType, value: Option<&str>) -> VariableValue {
        VariableValue { value_type, value: value.map(String::from), candidates: Vec::new(), event_date: None }
    }

    fn text(src: &str) -> Result<Option<String>, EvalError> {
        let mut ctx = Context::default();
        ctx.variables.insert("code".into(), var(VariableType::Number, Some("007")));
        ctx.variables.insert("empty_number".into(), var(VariableType::Number, None));
        ctx.variables.insert("empty_bool".into(), var(VariableType::Boolean, None));
        ctx.variables.insert("empty_text".into(), var(VariableType::Text, None));
        ctx.variables.insert("empty_date".into(), var(VariableType::Date, None));
        engine_text(&parse(src).unwrap(), &ctx)
    }

    #[test]
    fn computed_numbers_print_as_the_engine_prints_them() {
        assert_eq!(text("2 + 2").unwrap().as_deref(), Some("4"));
        assert_eq!(text("1 / 4").unwrap().as_deref(), Some("0.25"));
        assert_eq!(text("1 / 10000").unwrap().as_deref(), Some("1.0E-4"));
        assert_eq!(text("10000000000 + 0").unwrap().as_deref(), Some("2147483647"), "Kotlin toInt saturates");
        assert_eq!(text("0 / 0").unwrap().as_deref(), Some("NaN"));
        assert_eq!(text("null").unwrap(), None);
    }

    #[test]
    fn a_bare_variable_keeps_its_stored_text() {
        assert_eq!(text("#{code}").unwrap().as_deref(), Some("007"));
        assert_eq!(text("#{code} + 0").unwrap().as_deref(), Some("7"));
        assert_eq!(text("#{empty_number}").unwrap().as_deref(), Some("0"));
        assert_eq!(text("#{empty_bool}").unwrap().as_deref(), Some("false"));
        assert_eq!(text("#{empty_text}").unwrap().as_deref(), Some(""));
        assert_eq!(text("#{empty_date}").unwrap(), None);
        assert_eq!(text("#{Abcdefghijk}").unwrap(), None, "a missing UID-shaped item is null");
        assert_eq!(text("#{missing}"), Err(EvalError::UnknownVariable("missing".into())));
    }
}
