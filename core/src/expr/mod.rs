//! The DHIS2 expression language in the program-rule modes (`RULE_ENGINE_CONDITION`,
//! `RULE_ENGINE_ACTION`), as the JVM engine of Android Capture 3.4.1 (expression parser 1.4.1)
//! reads and computes it, quirks included.
//!
//! Owns lexing (`lexer`), the syntax tree (`ast`), parsing with upstream's operator grouping
//! (`parser`), the rule-mode function table (`functions`), values and coercions (`value`),
//! evaluation (`eval`) with the d2 functions that need more than a line (`pattern`: Java regular
//! expressions, `gs1`: GS1 DataMatrix values, `zscore` and its WHO table `zscore_table`), the
//! engine's text of a result (`engine_text`), JVM-exact number semantics
//! (`number`), running upstream's test vectors (`vectors`, feature `vectors`) and the fuzz body
//! (`fuzz_body`, feature `fuzz`).
//! Does not own program rules, their variables or effects (`rules`).

pub mod ast;
pub mod engine_text;
pub mod eval;
pub mod functions;
#[cfg(feature = "fuzz")]
pub mod fuzz_body;
pub mod gs1;
pub mod lexer;
pub mod number;
pub mod parser;
pub mod pattern;
pub mod value;
#[cfg(feature = "vectors")]
pub mod vectors;
pub mod zscore;
mod zscore_table;

pub use ast::{BinaryOp, Expr, ItemKind, UnaryOp};
pub use functions::Function;
pub use parser::{parse, ParseError};
