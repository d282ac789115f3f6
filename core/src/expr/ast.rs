//! The syntax tree of a parsed expression, and its fully bracketed text form (used to show how
//! upstream's operator grouping read an expression, in tests and in `phum lint`).
//!
//! Owns the tree's shape. Does not own parsing or evaluation.

use std::fmt;

use super::functions::Function;

/// Which brace form named an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// `#{..}`: a data element variable.
    Hash,
    /// `A{..}`: an attribute variable.
    Attribute,
    /// `C{uid}`: a constant.
    Constant,
    /// `V{name}`: an environment variable.
    Environment,
    /// A quoted variable name in a data-item argument (`d2:hasValue('weight')`).
    Quoted,
}

impl ItemKind {
    /// The letter before the braces (`#`, `A`, `C`, `V`; nothing for a quoted name).
    pub fn prefix(self) -> &'static str {
        match self {
            ItemKind::Hash => "#",
            ItemKind::Attribute => "A",
            ItemKind::Constant => "C",
            ItemKind::Environment => "V",
            ItemKind::Quoted => "",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Plus,
    Minus,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Pow,
    Mul,
    Div,
    Mod,
    Add,
    Sub,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    And,
    Or,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Pow => "^",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Mod => "%",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Lt => "<",
            BinaryOp::Gt => ">",
            BinaryOp::Le => "<=",
            BinaryOp::Ge => ">=",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::And => "&&",
            BinaryOp::Or => "||",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    /// A variable read by name (`#{weight}`, `A{age}`, `V{event_date}`, `'weight'` in a data-item
    /// argument). Evaluating an unknown name is an error.
    Variable {
        kind: ItemKind,
        name: String,
    },
    /// A UID-shaped item (`#{Abcdefghijk}`, `#{Abcdefghijk.Bbcdefghijk}`, `C{uid}`): read by its raw
    /// text; a missing one is null, not an error.
    DataItem {
        kind: ItemKind,
        key: String,
    },
    /// `[days]`: parses, and is null in rule mode.
    NamedValue(String),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    Call(Function, Vec<Expr>),
}

impl fmt::Display for Expr {
    /// Every operation in brackets: `10-2+3` shows as `(10 - (2 + 3))`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Null => f.write_str("null"),
            Expr::Bool(b) => write!(f, "{b}"),
            Expr::Number(n) => write!(f, "{n}"),
            Expr::Str(s) => write!(f, "'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
            Expr::Variable { kind: ItemKind::Quoted, name } => write!(f, "'{name}'"),
            Expr::Variable { kind, name } => write!(f, "{}{{{name}}}", kind.prefix()),
            Expr::DataItem { kind, key } => write!(f, "{}{{{key}}}", kind.prefix()),
            Expr::NamedValue(n) => write!(f, "[{n}]"),
            Expr::Unary(op, e) => {
                let sym = match op {
                    UnaryOp::Plus => "+",
                    UnaryOp::Minus => "-",
                    UnaryOp::Not => "!",
                };
                write!(f, "{sym}{e}")
            }
            Expr::Binary(op, a, b) => write!(f, "({a} {} {b})", op.symbol()),
            Expr::Call(func, args) => {
                write!(f, "{}(", func.name())?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{a}")?;
                }
                f.write_str(")")
            }
        }
    }
}
