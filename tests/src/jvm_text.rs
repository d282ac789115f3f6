//! Writing a parsed expression back as text that DHIS2's JVM parser reads with the same meaning:
//! every operation in brackets (so upstream's operator grouping cannot regroup it), strings with
//! every character outside printable ASCII (and quotes and backslashes) as `\uXXXX`, the
//! condition of `d2:condition` as a string literal again. A `rewrite` callback may replace any
//! sub-expression by other text: the differential tests use it to point the oracle at a part of
//! an expression, or to replace the parts a known version difference touches by Phum's values.
//!
//! Owns the printing. Does not own deciding what to rewrite (`diff::answer`, `rulesets::evidence`).

use phum_core::expr::{Expr, Function, ItemKind, UnaryOp};

/// `expr` as JVM-parseable text.
pub fn text(expr: &Expr) -> String {
    text_with(expr, &mut |_| None)
}

/// `expr` as JVM-parseable text, with each sub-expression for which `rewrite` answers `Some`
/// written as that text instead.
pub fn text_with(expr: &Expr, rewrite: &mut dyn FnMut(&Expr) -> Option<String>) -> String {
    let mut out = String::new();
    write(expr, rewrite, &mut out);
    out
}

/// A string literal the JVM lexer reads back as `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for unit in s.encode_utf16() {
        match unit {
            0x20..=0x7e if !matches!(unit as u8, b'\'' | b'"' | b'\\') => out.push(unit as u8 as char),
            _ => out.push_str(&format!("\\u{unit:04x}")),
        }
    }
    out.push('\'');
    out
}

fn write(expr: &Expr, rewrite: &mut dyn FnMut(&Expr) -> Option<String>, out: &mut String) {
    if let Some(replacement) = rewrite(expr) {
        out.push_str(&replacement);
        return;
    }
    match expr {
        Expr::Null => out.push_str("null"),
        Expr::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // Rust's shortest form without exponent; always a valid JVM literal (all are >= 0).
        Expr::Number(n) => out.push_str(&format!("{n}")),
        Expr::Str(s) => out.push_str(&quote(s)),
        Expr::Variable { kind: ItemKind::Quoted, name } => out.push_str(&quote(name)),
        Expr::Variable { kind, name } => out.push_str(&format!("{}{{{name}}}", kind.prefix())),
        Expr::DataItem { kind, key } => out.push_str(&format!("{}{{{key}}}", kind.prefix())),
        Expr::NamedValue(n) => out.push_str(&format!("[{n}]")),
        Expr::Unary(op, e) => {
            out.push_str(match op {
                UnaryOp::Plus => "+",
                UnaryOp::Minus => "-",
                UnaryOp::Not => "!",
            });
            // A bracket keeps `-` `-2` from reading as one token and `!` `=` as `!=`.
            out.push('(');
            write(e, rewrite, out);
            out.push(')');
        }
        Expr::Binary(op, a, b) => {
            out.push('(');
            write(a, rewrite, out);
            out.push_str(&format!(" {} ", op.symbol()));
            write(b, rewrite, out);
            out.push(')');
        }
        Expr::Call(f, args) => {
            out.push_str(f.name());
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if i == 0 && *f == Function::Condition {
                    let mut inner = String::new();
                    write(a, rewrite, &mut inner);
                    out.push_str(&condition_literal(&inner));
                } else if i == 1 && *f == Function::Round {
                    // The precision is an integer literal, never bracketed.
                    match a {
                        Expr::Number(n) => out.push_str(&format!("{}", *n as i64)),
                        other => write(other, rewrite, out),
                    }
                } else {
                    write(a, rewrite, out);
                }
            }
            out.push(')');
        }
    }
}

/// The condition of `d2:condition`: upstream parses the literal's raw text (escapes are read by
/// the nested parse), so the text goes in as it is, in a quote it does not contain. Printed
/// strings are `'`-quoted and hold neither quote, so only a condition nested in a condition that
/// holds strings at both depths cannot be written (the oracle then fails to parse it).
fn condition_literal(inner: &str) -> String {
    if !inner.contains('\'') {
        format!("'{inner}'")
    } else {
        format!("\"{inner}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use phum_core::expr::{parse, BinaryOp};

    fn round_trip(src: &str) -> String {
        let printed = text(&parse(src).unwrap());
        assert_eq!(text(&parse(&printed).unwrap()), printed, "{src} -> {printed}");
        printed
    }

    #[test]
    fn printed_expressions_parse_back_to_the_same_tree() {
        assert_eq!(round_trip("10-2+3"), "(10 - (2 + 3))");
        assert_eq!(round_trip("-3^2"), "-((3 ^ 2))");
        assert_eq!(round_trip("'it\\'s ភូមិ'"), "'it\\u0027s \\u1797\\u17bc\\u1798\\u17b7'");
        assert_eq!(round_trip("d2:round(2.555, 2)"), "d2:round(2.555, 2)");
        assert_eq!(round_trip("d2:condition(\"#{x} > 'a'\", 'a', 'b')"), "d2:condition(\"(#{x} > 'a')\", 'a', 'b')");
        assert_eq!(
            round_trip("d2:condition(\"d2:condition('#{x}', 1, 2) > 'a'\", 1, 2)"),
            "d2:condition(\"(d2:condition('#{x}', 1, 2) > 'a')\", 1, 2)"
        );
        round_trip("d2:hasValue('age in years') && !(#{a b} == V{event_date})");
        round_trip("d2:count(PS_EVENTDATE:Abcdefghij1) + C{Abcdefghij1}");
    }

    #[test]
    fn a_rewrite_replaces_the_part_it_answers_for() {
        let e = parse("#{a} == 2 && #{b}").unwrap();
        let printed = text_with(&e, &mut |x| matches!(x, Expr::Binary(BinaryOp::Eq, ..)).then(|| "false".to_string()));
        assert_eq!(printed, "(false && #{b})");
    }
}
