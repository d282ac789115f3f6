//! Number quirks of upstream inside one expression (research/program-rules.md §2.5, §2.7,
//! §6.3): `%` and `d2:modulus` use bignum 0.3.10's defective remainder (`10 % 3` is 0.1),
//! `d2:round` with a negative precision throws; and whether an expression surely gives a whole
//! number (used for ASSIGN to integer fields, whose value the app truncates).
//!
//! Owns those checks. Does not own the grouping quirk (`grouping`) or types (`types`).

use crate::expr::number;
use crate::expr::{BinaryOp, Expr, Function, UnaryOp};
use crate::model::ValueType;
use crate::msg;

use super::catalog::Scope;
use super::finding::{Code, Issue};
use super::locate::Locator;

/// Remainder and rounding findings anywhere in `expr`.
pub fn check(expr: &Expr, locator: &Locator) -> Vec<Issue> {
    let mut out = Vec::new();
    walk(expr, locator, &mut out);
    out
}

fn walk(expr: &Expr, locator: &Locator, out: &mut Vec<Issue>) {
    match expr {
        Expr::Binary(BinaryOp::Mod, a, b) => remainder(expr, a, b, locator, out),
        Expr::Call(Function::Modulus, args) => {
            if let [a, b] = args.as_slice() {
                remainder(expr, a, b, locator, out);
            }
        }
        Expr::Call(Function::Round, args) => {
            if let Some(Expr::Number(p)) = args.get(1) {
                if *p < 0.0 {
                    out.push(Issue::error(
                        Code::QuirkRoundNegativePrecision,
                        locator.find(expr),
                        msg!("lint-round-negative-precision", precision = *p),
                    ));
                }
            }
        }
        _ => {}
    }
    match expr {
        Expr::Unary(_, e) => walk(e, locator, out),
        Expr::Binary(_, a, b) => {
            walk(a, locator, out);
            walk(b, locator, out);
        }
        Expr::Call(_, args) => args.iter().for_each(|a| walk(a, locator, out)),
        _ => {}
    }
}

fn literal(e: &Expr) -> Option<f64> {
    match e {
        Expr::Number(n) => Some(*n),
        Expr::Unary(UnaryOp::Minus, inner) => literal(inner).map(|n| -n),
        Expr::Unary(UnaryOp::Plus, inner) => literal(inner),
        _ => None,
    }
}

/// An expression's bracketed text without its outermost brackets.
fn shown(e: &Expr) -> String {
    let text = e.to_string();
    match e {
        Expr::Binary(..) => text.get(1..text.len() - 1).unwrap_or(&text).to_string(),
        _ => text,
    }
}

fn remainder(expr: &Expr, a: &Expr, b: &Expr, locator: &Locator, out: &mut Vec<Issue>) {
    let at = locator.find(expr);
    let whole = shown(expr);
    let rewrite = format!("{a} - d2:floor({a} / {b}) * {b}");
    match (literal(a), literal(b)) {
        (Some(x), Some(y)) => {
            let got = number::rem(x, y);
            let expected = x % y;
            let same = got == expected || (got - expected).abs() <= 1e-9 * expected.abs().max(1.0);
            if !same && got.is_finite() {
                out.push(
                    Issue::warning(
                        Code::QuirkRemainder,
                        at,
                        msg!(
                            "lint-remainder-literal",
                            expression = &whole,
                            got = number::to_display_string(got),
                            expected = number::to_display_string(expected)
                        ),
                    )
                    .suggest(msg!("lint-remainder-literal-fix", value = number::to_display_string(expected))),
                );
            }
        }
        _ => out.push(
            Issue::warning(Code::QuirkRemainder, at, msg!("lint-remainder", expression = &whole))
                .suggest(msg!("lint-remainder-fix", rewrite = rewrite)),
        ),
    }
}

/// Whether `expr` surely gives a whole number (never for `/` or `%`, whose results upstream can
/// make fractional).
pub fn surely_integral(expr: &Expr, scope: &Scope) -> bool {
    use Function as F;
    match expr {
        Expr::Number(n) => n.fract() == 0.0,
        Expr::Bool(_) => true,
        Expr::Variable { name, .. } | Expr::DataItem { key: name, .. } => {
            scope.get(name).and_then(|v| v.field_type).is_some_and(is_integer_type)
        }
        Expr::Unary(UnaryOp::Not, _) => true,
        Expr::Unary(_, e) => surely_integral(e, scope),
        Expr::Binary(BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul, a, b) => {
            surely_integral(a, scope) && surely_integral(b, scope)
        }
        Expr::Binary(BinaryOp::Pow, a, b) => surely_integral(a, scope) && literal(b).is_some_and(|n| n >= 0.0),
        Expr::Binary(BinaryOp::Div | BinaryOp::Mod, ..) => false,
        Expr::Binary(..) => true,
        Expr::Call(f, args) => match f {
            F::Count
            | F::CountIfValue
            | F::CountIfZeroPos
            | F::DaysBetween
            | F::WeeksBetween
            | F::MonthsBetween
            | F::YearsBetween
            | F::MinutesBetween
            | F::Length
            | F::Zpvc
            | F::Ceil
            | F::Floor
            | F::Oizp => true,
            F::Round => args.get(1).and_then(literal).is_none_or(|p| p <= 0.0),
            F::Condition => args.iter().skip(1).all(|a| surely_integral(a, scope)),
            F::Zing => args.first().is_some_and(|a| surely_integral(a, scope)),
            _ => false,
        },
        _ => false,
    }
}

pub fn is_integer_type(vt: ValueType) -> bool {
    matches!(
        vt,
        ValueType::Integer | ValueType::IntegerPositive | ValueType::IntegerNegative | ValueType::IntegerZeroOrPositive
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    fn issues(src: &str) -> Vec<Issue> {
        check(&parse(src).unwrap(), &Locator::new(src))
    }

    #[test]
    fn literal_remainders_that_the_defect_changes_are_reported_with_both_values() {
        let found = issues("10 % 3 == 1");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::QuirkRemainder);
        assert!(found[0].message.to_string().contains("gives 0.1 upstream"), "{}", found[0].message);
        assert_eq!(issues("5 % 2 == 1"), vec![]);
        assert_eq!(issues("d2:modulus(99, 5) == 4"), vec![]);
        assert_eq!(issues("d2:modulus(13, 5) == 3").len(), 1);
    }

    #[test]
    fn variable_remainders_are_warned_with_a_floor_rewrite() {
        let found = issues("#{n} % 2 == 0");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].at, Some(0));
        assert_eq!(
            found[0].suggestion.as_ref().map(|s| s.to_string()).as_deref(),
            Some("#{n} - d2:floor(#{n} / 2) * 2 (the remainder for operands that are not negative)")
        );
        assert_eq!(issues("d2:modulus(#{a}, #{b}) > 0").len(), 1);
    }

    #[test]
    fn negative_round_precision_is_an_error() {
        let found = issues("d2:round(#{x}, -1)");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::QuirkRoundNegativePrecision);
        assert_eq!(issues("d2:round(#{x}, 1)"), vec![]);
    }

    #[test]
    fn whole_numbers_are_recognised() {
        let s = Scope::default();
        let whole = |src: &str| surely_integral(&parse(src).unwrap(), &s);
        assert!(whole("d2:daysBetween(V{current_date}, V{event_date}) * 2 + 1"));
        assert!(whole("d2:round(#{x})"));
        assert!(!whole("d2:round(#{x}, 1)"));
        assert!(!whole("#{x} / 2"));
        assert!(!whole("10 % 3"));
        assert!(!whole("#{x}"));
        assert!(!whole("2.5 * 2"));
    }
}
