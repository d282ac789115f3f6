//! Values of the expression language and the coercions between them, as upstream's `Typed`
//! does them (research/program-rules.md §2.6): to number, to boolean, to text, to date, to
//! integer, and comparison of texts by UTF-16 code unit.
//!
//! Owns the value model and coercion errors. Does not own operators or functions (the
//! evaluator), nor number arithmetic and formatting (`number`).

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate as Date};

use super::number;
use crate::i18n::{Localize, Message};
use crate::msg;

/// A value during evaluation. Upstream distinguishes Kotlin `Double` and `Int` (functions such
/// as `d2:count` and `d2:daysBetween` return Int); the difference shows in the result's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Int(i32),
    Str(String),
    Date(Date),
}

/// Why a value could not be coerced, with the value shown as upstream would show it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoercionError {
    /// `Double.parseDouble` refused the text (upstream: NumberFormatException).
    NotANumber(String),
    /// A fractional number used as a boolean (upstream: "Could not coerce Double '1.1' to Boolean").
    NotABoolean(String),
    NotADate(String),
    NumberAsDate(String),
    /// Index arguments must be whole numbers (upstream: "Expected an integer but got a floating point").
    NotAnInteger(String),
}

impl Localize for CoercionError {
    fn message(&self) -> Message {
        match self {
            CoercionError::NotANumber(v) => msg!("expr-coercion-not-a-number", value = v),
            CoercionError::NotABoolean(v) => msg!("expr-coercion-not-a-boolean", value = v),
            CoercionError::NotADate(v) => msg!("expr-coercion-not-a-date", value = v),
            CoercionError::NumberAsDate(v) => msg!("expr-coercion-number-as-date", value = v),
            CoercionError::NotAnInteger(v) => msg!("expr-coercion-not-an-integer", value = v),
        }
    }
}

crate::english_display!(CoercionError);

impl Value {
    /// Upstream's `toNumberTypeCoercion`: null stays null, booleans are 1 or 0, dates are their
    /// epoch day, texts go through Java's `Double.parseDouble`.
    pub fn to_number(&self) -> Result<Option<f64>, CoercionError> {
        Ok(match self {
            Value::Null => None,
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            Value::Number(n) => Some(*n),
            Value::Int(i) => Some(f64::from(*i)),
            Value::Date(d) => Some(epoch_day(*d) as f64),
            Value::Str(s) => Some(number::parse_jvm_double(s).ok_or_else(|| CoercionError::NotANumber(s.clone()))?),
        })
    }

    /// Upstream's `toBooleanTypeCoercion`: whole numbers are true unless 0, a fractional number
    /// is an error, a text is true only if it is "true" in any letter case.
    pub fn to_boolean(&self) -> Result<Option<bool>, CoercionError> {
        Ok(match self {
            Value::Null => None,
            Value::Bool(b) => Some(*b),
            Value::Int(i) => Some(*i != 0),
            Value::Number(n) => {
                if n.fract() != 0.0 || !n.is_finite() {
                    return Err(CoercionError::NotABoolean(format!("Double '{}'", number::jvm_double_to_string(*n))));
                }
                Some(*n != 0.0)
            }
            Value::Str(s) => Some(s.eq_ignore_ascii_case("true")),
            // Not covered by any vector: read as its text, which is never "true". The JVM oracle
            // (tests/jvm-oracle) should settle this in the differential test.
            Value::Date(_) => Some(false),
        })
    }

    /// Upstream's `toStringTypeCoercion`: whole numbers without ".0", other numbers as Java
    /// prints them, dates as yyyy-MM-dd.
    pub fn to_text(&self) -> Option<String> {
        match self {
            Value::Null => None,
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(number::to_display_string(*n)),
            Value::Int(i) => Some(i.to_string()),
            Value::Str(s) => Some(s.clone()),
            Value::Date(d) => Some(iso_date(*d)),
        }
    }

    /// Upstream's `toDateTypeCoercion`: texts must be exactly yyyy-MM-dd; numbers are refused.
    pub fn to_date(&self) -> Result<Option<Date>, CoercionError> {
        match self {
            Value::Null => Ok(None),
            Value::Date(d) => Ok(Some(*d)),
            Value::Str(s) => parse_iso_date(s).map(Some).ok_or_else(|| CoercionError::NotADate(s.clone())),
            Value::Bool(b) => Err(CoercionError::NotADate(b.to_string())),
            Value::Number(_) | Value::Int(_) => Err(CoercionError::NumberAsDate(self.to_text().unwrap_or_default())),
        }
    }

    /// Upstream's `toIntegerTypeCoercion` for index arguments: whole numbers only, saturating.
    pub fn to_integer(&self) -> Result<Option<i32>, CoercionError> {
        match self.to_number()? {
            None => Ok(None),
            Some(n) if n.fract() != 0.0 || n.is_nan() => {
                Err(CoercionError::NotAnInteger(number::jvm_double_to_string(n)))
            }
            Some(n) => Ok(Some(saturating_int(n))),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_text() {
            Some(t) => f.write_str(&t),
            None => f.write_str("null"),
        }
    }
}

/// Kotlin's `Double.toInt()`: truncates toward zero, saturates, NaN is 0.
pub fn saturating_int(n: f64) -> i32 {
    // Rust's float-to-int `as` cast has exactly these semantics.
    n as i32
}

/// Days since 1970-01-01 (Java's `LocalDate.toEpochDay`).
pub fn epoch_day(d: Date) -> i64 {
    // 0001-01-01 is day 1 of the common era, and 1970-01-01 day 719,163.
    i64::from(d.num_days_from_ce()) - 719_163
}

/// `yyyy-MM-dd` as Java's `LocalDate.toString` writes it: four digits or more, a `+` before
/// years after 9999, a `-` before years before 1 (`-0001` is 2 BC).
pub fn iso_date(d: Date) -> String {
    let year = d.year();
    let year_text = match year {
        0..=9999 => format!("{year:04}"),
        10000.. => format!("+{year}"),
        _ => format!("-{:04}", year.unsigned_abs()),
    };
    format!("{year_text}-{:02}-{:02}", d.month(), d.day())
}

/// Java's `LocalDate.parse` for the plain ISO form: exactly `yyyy-MM-dd` with a real date.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    Date::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// Kotlin's `String.compareTo`: by UTF-16 code unit, not by Unicode scalar.
pub fn compare_utf16(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Value {
        Value::Str(t.into())
    }

    #[test]
    fn numbers_from_every_kind_of_value() {
        assert_eq!(Value::Null.to_number(), Ok(None));
        assert_eq!(Value::Bool(true).to_number(), Ok(Some(1.0)));
        assert_eq!(s(" 12.5 ").to_number(), Ok(Some(12.5)), "Java trims white space");
        assert_eq!(s("1e3").to_number(), Ok(Some(1000.0)));
        assert_eq!(s("abc").to_number(), Err(CoercionError::NotANumber("abc".into())));
        assert_eq!(s("").to_number(), Err(CoercionError::NotANumber(String::new())));
        let d = parse_iso_date("2020-01-01").unwrap();
        assert_eq!(Value::Date(d).to_number(), Ok(Some(18262.0)));
    }

    #[test]
    fn booleans_follow_upstream_rules() {
        assert_eq!(Value::Number(2.0).to_boolean(), Ok(Some(true)));
        assert_eq!(Value::Number(0.0).to_boolean(), Ok(Some(false)));
        assert!(Value::Number(1.1).to_boolean().unwrap_err().to_string().contains("Double '1.1'"));
        assert_eq!(s("TRUE").to_boolean(), Ok(Some(true)));
        for no in ["yes", "1", ""] {
            assert_eq!(s(no).to_boolean(), Ok(Some(false)), "{no}");
        }
    }

    #[test]
    fn texts_print_numbers_as_upstream_does() {
        assert_eq!(Value::Number(5.0).to_text().unwrap(), "5");
        assert_eq!(Value::Number(0.25).to_text().unwrap(), "0.25");
        assert_eq!(Value::Int(-3).to_text().unwrap(), "-3");
        assert_eq!(Value::Date(parse_iso_date("2021-03-04").unwrap()).to_text().unwrap(), "2021-03-04");
        assert_eq!(Value::Null.to_text(), None);
    }

    #[test]
    fn only_plain_iso_dates_are_dates() {
        assert!(parse_iso_date("2020-02-29").is_some());
        for bad in ["2020-1-5", "20200105", "2020-01-05T10:00", "2021-02-29", "٢٠٢٠-01-05", ""] {
            assert!(parse_iso_date(bad).is_none(), "{bad}");
        }
        assert!(matches!(Value::Number(3.0).to_date(), Err(CoercionError::NumberAsDate(_))));
    }

    #[test]
    fn dates_print_as_java_local_date_does_beyond_four_digit_years() {
        let d = |y, m, d| Date::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(iso_date(d(2026, 3, 2)), "2026-03-02");
        assert_eq!(iso_date(d(987, 1, 1)), "0987-01-01");
        assert_eq!(iso_date(d(0, 12, 31)), "0000-12-31");
        assert_eq!(iso_date(d(-170, 1, 1)), "-0170-01-01");
        assert_eq!(iso_date(d(-12345, 6, 7)), "-12345-06-07");
        assert_eq!(iso_date(d(9999, 12, 31)), "9999-12-31");
        assert_eq!(iso_date(d(10000, 1, 1)), "+10000-01-01");
        assert_eq!(epoch_day(d(1970, 1, 1)), 0);
        assert_eq!(epoch_day(d(1969, 12, 31)), -1);
    }

    #[test]
    fn integers_must_be_whole() {
        assert_eq!(Value::Number(3.0).to_integer(), Ok(Some(3)));
        assert_eq!(Value::Number(1e12).to_integer(), Ok(Some(i32::MAX)));
        assert!(Value::Number(2.5).to_integer().is_err());
    }

    #[test]
    fn texts_compare_by_utf16_code_unit() {
        assert_eq!(compare_utf16("10", "2"), Ordering::Less);
        // U+FF5E (one code unit) sorts after U+1F600 (a surrogate pair starting 0xD83D) in UTF-16,
        // though before it by scalar value.
        assert_eq!(compare_utf16("\u{ff5e}", "\u{1f600}"), Ordering::Greater);
        assert!("\u{ff5e}" < "\u{1f600}");
    }

    #[test]
    fn every_coercion_error_variant_renders_in_both_languages() {
        fn name(e: &CoercionError) -> &'static str {
            match e {
                CoercionError::NotANumber(_) => "NotANumber",
                CoercionError::NotABoolean(_) => "NotABoolean",
                CoercionError::NotADate(_) => "NotADate",
                CoercionError::NumberAsDate(_) => "NumberAsDate",
                CoercionError::NotAnInteger(_) => "NotAnInteger",
            }
        }
        let samples = [
            CoercionError::NotANumber("12,5".into()),
            CoercionError::NotABoolean("1.1".into()),
            CoercionError::NotADate("2025-13-01".into()),
            CoercionError::NumberAsDate("20250314".into()),
            CoercionError::NotAnInteger("2.5".into()),
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(
            names,
            ["NotANumber", "NotABoolean", "NotADate", "NumberAsDate", "NotAnInteger"].into_iter().collect()
        );
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }
}
