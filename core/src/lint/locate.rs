//! Finding where a sub-expression starts in the source text, for findings made on the syntax
//! tree (which carries no positions): the first token that can begin it.
//!
//! Owns that approximation (the first occurrence of the same variable, literal or function).
//! Does not own parsing.

use crate::expr::lexer::{tokenize, Tok, Token};
use crate::expr::number::parse_jvm_double;
use crate::expr::{Expr, ItemKind, UnaryOp};

/// The tokens of one expression (empty if it does not tokenize).
pub struct Locator {
    tokens: Vec<Token>,
}

impl Locator {
    pub fn new(src: &str) -> Locator {
        Locator { tokens: tokenize(src).unwrap_or_default() }
    }

    /// Where `expr` probably starts: its leftmost leaf's first occurrence.
    pub fn find(&self, expr: &Expr) -> Option<usize> {
        match expr {
            Expr::Binary(_, left, _) => self.find(left),
            Expr::Unary(op, inner) => {
                let inner_at = self.find(inner)?;
                let sym = match op {
                    UnaryOp::Plus => "+",
                    UnaryOp::Minus => "-",
                    UnaryOp::Not => "!",
                };
                let before = self.tokens.iter().rev().find(|t| t.at < inner_at);
                Some(match before {
                    Some(t) if t.kind == Tok::Op(sym) || matches!(&t.kind, Tok::Name(n) if n == "not") => t.at,
                    _ => inner_at,
                })
            }
            Expr::Call(f, _) => self.first(|k| matches!(k, Tok::Name(n) if n == f.name())),
            Expr::Variable { kind: ItemKind::Quoted, name } => self.first(|k| matches!(k, Tok::Str(s) if s == name)),
            Expr::Variable { kind, name } | Expr::DataItem { kind, key: name } => {
                let prefix = match kind {
                    ItemKind::Hash => '#',
                    ItemKind::Attribute => 'A',
                    ItemKind::Constant => 'C',
                    ItemKind::Environment => 'V',
                    ItemKind::Quoted => return None,
                };
                self.first(|k| matches!(k, Tok::Item(p, c) if *p == prefix && c == name))
                    .or_else(|| self.first(|k| matches!(k, Tok::Name(n) if n == name)))
            }
            Expr::Str(s) => self.first(|k| matches!(k, Tok::Str(t) if t == s)),
            Expr::Number(n) => self.first(|k| matches!(k, Tok::Number(t) if parse_jvm_double(t) == Some(*n))),
            Expr::Bool(b) => self.first(|k| matches!(k, Tok::Name(t) if *t == b.to_string())),
            Expr::Null => self.first(|k| matches!(k, Tok::Name(t) if t == "null")),
            Expr::NamedValue(_) => self.first(|k| *k == Tok::LBracket),
        }
    }

    fn first(&self, pred: impl Fn(&Tok) -> bool) -> Option<usize> {
        self.tokens.iter().find(|t| pred(&t.kind)).map(|t| t.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;

    #[test]
    fn sub_expressions_are_found_at_their_first_token() {
        let src = "1 + #{a} * 'x' > d2:length(#{b})";
        let l = Locator::new(src);
        let Expr::Binary(_, left, right) = parse(src).unwrap() else { panic!("not binary") };
        assert_eq!(l.find(&left), Some(0));
        assert_eq!(l.find(&right), Some(17));
        let Expr::Binary(_, _, product) = *left else { panic!("not binary") };
        assert_eq!(l.find(&product), Some(4));
        assert_eq!(Locator::new("  -#{a}").find(&parse("-#{a}").unwrap()), Some(2));
    }
}
