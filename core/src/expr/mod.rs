//! The DHIS2 expression language in the program-rule modes (`RULE_ENGINE_CONDITION`,
//! `RULE_ENGINE_ACTION`), as the JVM engine of Android Capture 3.4.1 (expression parser 1.4.1)
//! reads and computes it, quirks included.
//!
//! Owns lexing (`lexer`), the syntax tree (`ast`), parsing with upstream's operator grouping
//! (`parser`), the rule-mode function table (`functions`), values and coercions (`value`),
//! evaluation (`eval`) and JVM-exact number semantics (`number`). Does not own program rules, their variables or effects (`rules`).

pub mod ast;
pub mod eval;
pub mod functions;
pub mod lexer;
pub mod number;
pub mod parser;
pub mod value;

pub use ast::{BinaryOp, Expr, ItemKind, UnaryOp};
pub use functions::Function;
pub use parser::{parse, ParseError};
