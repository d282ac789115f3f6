//! Values of validation-rule expressions and the SDK parser's casts between them
//! (`AntlrParserUtils.castDouble/castBoolean/castString` and the compare operators).
//!
//! Owns the three value kinds (the SDK's `Double`, `String`, `Boolean`; null is `None`), the
//! casts with their errors, and the ordering used by `== != < > <= >=` and `is(...)`, quirks
//! included: a number on the right of a text compares the other way round (`'5' < 3` is true on
//! the SDK, because it computes `3.compareTo(5)`), and `-0.0` is less than `0.0`
//! (`Double.compareTo`). Does not own evaluation order or null handling (`eval`).

use std::cmp::Ordering;

use crate::expr::number::{jvm_double_to_string, parse_jvm_double};
use crate::i18n::{Localize, Message};

/// A non-null value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    Bool(bool),
}

/// The kind of a value: the SDK's `Double`, `String` or `Boolean`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Number,
    Text,
    Boolean,
}

impl ValueKind {
    /// The JVM class name (`Double`, `String`, `Boolean`), for logs and comparisons with the SDK.
    pub fn jvm_name(self) -> &'static str {
        match self {
            ValueKind::Number => "Double",
            ValueKind::Text => "String",
            ValueKind::Boolean => "Boolean",
        }
    }
}

impl Localize for ValueKind {
    fn message(&self) -> Message {
        match self {
            ValueKind::Number => Message::new("validate-kind-number"),
            ValueKind::Text => Message::new("validate-kind-text"),
            ValueKind::Boolean => Message::new("validate-kind-boolean"),
        }
    }
}

/// A value that does not have the type an operator or function needs.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct CastError {
    pub from: ValueKind,
    pub value: String,
    pub to: ValueKind,
}

impl Localize for CastError {
    fn message(&self) -> Message {
        crate::msg!("validate-cast", from = self.from.message(), value = &self.value, to = self.to.message())
    }
}
crate::english_display!(CastError);

impl Value {
    /// The kind of the value.
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Number(_) => ValueKind::Number,
            Value::Text(_) => ValueKind::Text,
            Value::Bool(_) => ValueKind::Boolean,
        }
    }

    /// Java's `toString()` of the value (`5.0`, `true`, the text itself).
    pub fn to_java_string(&self) -> String {
        match self {
            Value::Number(x) => jvm_double_to_string(*x),
            Value::Text(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
        }
    }

    fn cast_error(&self, to: ValueKind) -> CastError {
        CastError { from: self.kind(), value: self.to_java_string(), to }
    }

    /// `castDouble`: numbers, and texts `Double.parseDouble` accepts.
    pub fn to_number(&self) -> Result<f64, CastError> {
        match self {
            Value::Number(x) => Ok(*x),
            Value::Text(s) => parse_jvm_double(s).ok_or_else(|| self.cast_error(ValueKind::Number)),
            Value::Bool(_) => Err(self.cast_error(ValueKind::Number)),
        }
    }

    /// `castBoolean`: booleans, whole numbers (non-zero is true), and the texts `true` and
    /// `false` in any case.
    pub fn to_bool(&self) -> Result<bool, CastError> {
        match self {
            Value::Bool(b) => Ok(*b),
            Value::Number(x) if x % 1.0 == 0.0 => Ok(*x != 0.0),
            Value::Text(s) if s.eq_ignore_ascii_case("true") => Ok(true),
            Value::Text(s) if s.eq_ignore_ascii_case("false") => Ok(false),
            _ => Err(self.cast_error(ValueKind::Boolean)),
        }
    }

    /// `castString`: any value as Java prints it.
    pub fn to_text(&self) -> String {
        self.to_java_string()
    }
}

/// `Double.compareTo`: numeric order, `-0.0` before `0.0`, NaN after everything.
pub fn java_double_cmp(a: f64, b: f64) -> Ordering {
    if a < b {
        return Ordering::Less;
    }
    if a > b {
        return Ordering::Greater;
    }
    let bits = |x: f64| if x.is_nan() { 0x7ff8_0000_0000_0000_i64 } else { x.to_bits() as i64 };
    bits(a).cmp(&bits(b))
}

/// `String.compareTo`: UTF-16 code units in order.
fn java_string_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The SDK parser's comparison of two non-null values.
pub fn compare(left: &Value, right: &Value) -> Result<Ordering, CastError> {
    match (left, right) {
        (Value::Number(a), other) => Ok(java_double_cmp(*a, other.to_number()?)),
        // Upstream compares the right-hand number with the left-hand value, in that order.
        (other, Value::Number(b)) => Ok(java_double_cmp(*b, other.to_number()?)),
        (Value::Text(a), other) => Ok(java_string_cmp(a, &other.to_text())),
        (Value::Bool(a), other) => Ok(a.cmp(&other.to_bool()?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_as_java_doubles() {
        assert_eq!(java_double_cmp(1.0, 2.0), Ordering::Less);
        assert_eq!(java_double_cmp(-0.0, 0.0), Ordering::Less);
        assert_eq!(java_double_cmp(f64::NAN, f64::INFINITY), Ordering::Greater);
        assert_eq!(java_double_cmp(5.0, 5.0), Ordering::Equal);
    }

    #[test]
    fn a_number_on_the_right_compares_reversed() {
        let five = Value::Text("5".into());
        assert_eq!(compare(&five, &Value::Number(3.0)), Ok(Ordering::Less));
        assert_eq!(compare(&Value::Number(3.0), &five), Ok(Ordering::Less));
    }

    #[test]
    fn texts_and_booleans_compare_by_their_own_order() {
        assert_eq!(compare(&Value::Text("a".into()), &Value::Text("b".into())), Ok(Ordering::Less));
        assert_eq!(compare(&Value::Text("true".into()), &Value::Bool(true)), Ok(Ordering::Equal));
        assert_eq!(compare(&Value::Bool(false), &Value::Text("TRUE".into())), Ok(Ordering::Less));
        assert!(compare(&Value::Bool(true), &Value::Text("x".into())).is_err());
        assert!(compare(&Value::Number(1.0), &Value::Bool(true)).is_err());
    }

    #[test]
    fn casts_follow_the_sdk_parser() {
        assert_eq!(Value::Text(" 2.5 ".into()).to_number(), Ok(2.5));
        assert_eq!(
            Value::Text("two".into()).to_number().unwrap_err().to_string(),
            "could not use 'two' (text) as a number"
        );
        assert_eq!(Value::Number(2.0).to_bool(), Ok(true));
        assert_eq!(Value::Number(0.0).to_bool(), Ok(false));
        assert!(Value::Number(0.5).to_bool().is_err());
        assert_eq!(Value::Text("False".into()).to_bool(), Ok(false));
        assert_eq!(Value::Number(4.0).to_text(), "4.0");
    }

    #[test]
    fn every_cast_error_renders_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let kinds = [ValueKind::Number, ValueKind::Text, ValueKind::Boolean];
        let name = |k: &ValueKind| match k {
            ValueKind::Number => 0,
            ValueKind::Text => 1,
            ValueKind::Boolean => 2,
        };
        assert_eq!(kinds.iter().map(name).collect::<Vec<_>>(), [0, 1, 2]);
        for from in kinds {
            for to in kinds {
                assert_renders_in_both(&CastError { from, value: "two".into(), to }.message());
            }
        }
    }
}
