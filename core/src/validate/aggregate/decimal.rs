//! Arithmetic of the SDK's validation-rule expressions: `java.math.BigDecimal` as the
//! `dhis-antlr-expression-parser` operators use it (research/program-rules.md §4.2).
//!
//! Every operand `x` (a finite double) becomes `BigDecimal.valueOf(x)`, the decimal whose digits
//! are the JVM's `Double.toString(x)` (`expr::number::jvm_double_to_string`). Then:
//! - `+ - *`: the exact result, back to the nearest double (`0.1 + 0.2` is 0.3);
//! - `/`: the quotient rounded to 16 significant digits, half-even (`MathContext.DECIMAL64`);
//! - `%`: the exact `remainder` (sign of the dividend), a zero divisor is an error;
//! - `^`: `pow(n, MathContext.DECIMAL32)` with `n` the low 32 bits of the truncated exponent,
//!   OpenJDK's algorithm: 7 significant digits, half-even, intermediate steps at
//!   `7 + digits(n) + 1` digits; `|n|` of 8 digits or more is an error.
//!
//! A NaN or infinite operand is an error here (`BigDecimal.valueOf` throws on the JVM); callers
//! deal with NaN before calling. Does not own operand casting, null handling or division by zero
//! (NaN, decided by the caller): that is `eval`. Does not own the program-rule arithmetic
//! (bignum based), which is `expr::number`.

use crate::expr::number::jvm_double_to_string;
use crate::i18n::{Localize, Message};

/// Why a `BigDecimal` operation fails on the JVM.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ArithError {
    /// `BigDecimal.valueOf` of NaN or an infinity throws `NumberFormatException`.
    NotFinite(String),
    /// `BigDecimal.remainder` or `divide` by zero.
    DivisionByZero,
    /// `BigDecimal.pow` with an exponent of more than 7 digits.
    InvalidPower(i32),
    /// A scale beyond the 32-bit range of `BigDecimal`.
    Overflow,
}

impl Localize for ArithError {
    fn message(&self) -> Message {
        match self {
            ArithError::NotFinite(number) => crate::msg!("validate-arith-not-finite", number = number),
            ArithError::DivisionByZero => Message::new("validate-arith-division-by-zero"),
            ArithError::InvalidPower(exponent) => crate::msg!("validate-arith-invalid-power", exponent = exponent),
            ArithError::Overflow => Message::new("validate-arith-overflow"),
        }
    }
}
crate::english_display!(ArithError);

/// `±coef × 10^exp`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Dec {
    neg: bool,
    coef: u128,
    exp: i64,
}

const TEN19: u128 = 10_000_000_000_000_000_000;

impl Dec {
    fn of(x: f64) -> Result<Dec, ArithError> {
        if !x.is_finite() {
            return Err(ArithError::NotFinite(jvm_double_to_string(x)));
        }
        let text = jvm_double_to_string(x);
        let (neg, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (mantissa, exp10) = match body.split_once('E') {
            Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
            None => (body, 0),
        };
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut coef: u128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            coef = coef * 10 + u128::from(b - b'0');
        }
        Ok(Dec { neg, coef, exp: exp10 - frac_part.len() as i64 }.normalized())
    }

    fn one() -> Dec {
        Dec { neg: false, coef: 1, exp: 0 }
    }

    /// Trailing zeros removed (the value is unchanged; only values matter here).
    fn normalized(mut self) -> Dec {
        if self.coef == 0 {
            return Dec { neg: false, coef: 0, exp: 0 };
        }
        while self.coef.is_multiple_of(10) {
            self.coef /= 10;
            self.exp += 1;
        }
        self
    }

    fn to_f64(self) -> f64 {
        if self.coef == 0 {
            return 0.0;
        }
        let text = format!("{}{}e{}", if self.neg { "-" } else { "" }, self.coef, self.exp);
        text.parse::<f64>().unwrap_or(f64::NAN)
    }

    fn check_range(self) -> Result<Dec, ArithError> {
        if self.exp > i64::from(i32::MAX) || self.exp < i64::from(i32::MIN) {
            return Err(ArithError::Overflow);
        }
        Ok(self)
    }
}

fn digits(mut n: u128) -> u32 {
    let mut d = 0;
    while n > 0 {
        n /= 10;
        d += 1;
    }
    d
}

/// Rounds `coef × 10^exp` to `prec` significant digits, half-even; `sticky` says that
/// non-zero digits were already dropped below `coef`.
fn round_half_even(d: Dec, prec: u32, sticky: bool) -> Dec {
    let n = digits(d.coef);
    if n <= prec {
        return d;
    }
    let drop = n - prec;
    let divisor = 10u128.pow(drop);
    let mut kept = d.coef / divisor;
    let rest = d.coef % divisor;
    let half = divisor / 2;
    let up = rest > half || (rest == half && (sticky || kept % 2 == 1));
    let mut exp = d.exp + i64::from(drop);
    if up {
        kept += 1;
        if kept == 10u128.pow(prec) {
            kept /= 10;
            exp += 1;
        }
    }
    Dec { neg: d.neg, coef: kept, exp }.normalized()
}

/// `a + b`, exact, then to the nearest double.
pub fn add(a: f64, b: f64) -> Result<f64, ArithError> {
    Ok(exact_sum(Dec::of(a)?, Dec::of(b)?))
}

/// `a - b`, exact, then to the nearest double.
pub fn sub(a: f64, b: f64) -> Result<f64, ArithError> {
    let mut y = Dec::of(b)?;
    y.neg = !y.neg && y.coef != 0;
    Ok(exact_sum(Dec::of(a)?, y))
}

fn exact_sum(x: Dec, y: Dec) -> f64 {
    if x.coef == 0 {
        return y.to_f64();
    }
    if y.coef == 0 {
        return x.to_f64();
    }
    let (hi, lo) = if x.exp >= y.exp { (x, y) } else { (y, x) };
    let shift = (hi.exp - lo.exp) as u32;
    if shift <= 19 {
        let a = hi.coef * 10u128.pow(shift);
        let b = lo.coef;
        let (neg, coef) = if hi.neg == lo.neg {
            (hi.neg, a + b)
        } else if a >= b {
            (hi.neg, a - b)
        } else {
            (lo.neg, b - a)
        };
        return Dec { neg, coef, exp: lo.exp }.to_f64();
    }
    // Far apart: |hi| >= 10^shift units of lo's exponent, and lo.coef < 10^19 <= 10^shift, so
    // the exact digits are hi's digits followed by `shift` digits made from lo.
    let width = shift as usize;
    let text = if hi.neg == lo.neg {
        format!("{}{:0>width$}", hi.coef, lo.coef)
    } else {
        // hi·10^shift − lo = (hi − 1)·10^shift + (10^shift − lo)
        let complement = TEN19 - lo.coef.min(TEN19);
        format!("{}{}{:0>19}", hi.coef - 1, "9".repeat(width - 19), complement)
    };
    let sign = if hi.neg { "-" } else { "" };
    format!("{sign}{text}e{}", lo.exp).parse::<f64>().unwrap_or(f64::NAN)
}

/// `a * b`, exact, then to the nearest double.
pub fn mul(a: f64, b: f64) -> Result<f64, ArithError> {
    let (x, y) = (Dec::of(a)?, Dec::of(b)?);
    Ok(exact_product(x, y).to_f64())
}

fn exact_product(x: Dec, y: Dec) -> Dec {
    Dec { neg: x.neg != y.neg, coef: x.coef * y.coef, exp: x.exp + y.exp }.normalized()
}

/// `a / b` to 16 significant digits, half-even. The caller turns a zero divisor into NaN.
pub fn div(a: f64, b: f64) -> Result<f64, ArithError> {
    let (x, y) = (Dec::of(a)?, Dec::of(b)?);
    Ok(divide(x, y, 16)?.to_f64())
}

/// `x / y` rounded to `prec` significant digits, half-even.
fn divide(x: Dec, y: Dec, prec: u32) -> Result<Dec, ArithError> {
    if y.coef == 0 {
        return Err(ArithError::DivisionByZero);
    }
    if x.coef == 0 {
        return Ok(Dec { neg: false, coef: 0, exp: 0 });
    }
    let mut q = x.coef / y.coef;
    let mut r = x.coef % y.coef;
    let mut k: i64 = 0;
    while digits(q) < prec + 1 {
        q = q * 10 + (r * 10) / y.coef;
        r = (r * 10) % y.coef;
        k += 1;
    }
    let raw = Dec { neg: x.neg != y.neg, coef: q, exp: x.exp - y.exp - k };
    round_half_even(raw, prec, r != 0).check_range()
}

/// `a % b`: `BigDecimal.remainder`, exact, with the sign of `a`.
pub fn rem(a: f64, b: f64) -> Result<f64, ArithError> {
    let (x, y) = (Dec::of(a)?, Dec::of(b)?);
    if y.coef == 0 {
        return Err(ArithError::DivisionByZero);
    }
    let (coef, exp) = if x.exp >= y.exp {
        let mut r = x.coef % y.coef;
        for _ in 0..(x.exp - y.exp) {
            r = (r * 10) % y.coef;
        }
        (r, y.exp)
    } else {
        let shift = (y.exp - x.exp) as u32;
        if shift >= 20 || y.coef >= TEN19 {
            (x.coef, x.exp)
        } else {
            (x.coef % (y.coef * 10u128.pow(shift)), x.exp)
        }
    };
    Ok(Dec { neg: x.neg, coef, exp }.normalized().to_f64())
}

/// `a ^ b`: `BigDecimal.valueOf(a).pow(BigDecimal.valueOf(b).intValue(), DECIMAL32)`.
pub fn pow(a: f64, b: f64) -> Result<f64, ArithError> {
    let base = Dec::of(a)?;
    let n = java_int_value(Dec::of(b)?);
    Ok(pow_decimal32(base, n)?.to_f64())
}

/// `BigDecimal.intValue()`: the integer part, truncated toward zero, keeping its low 32 bits.
fn java_int_value(d: Dec) -> i32 {
    let low: u32 = if d.exp >= 0 {
        let mut v = (d.coef % (1u128 << 32)) as u32;
        for _ in 0..d.exp.min(64) {
            v = v.wrapping_mul(10);
        }
        v
    } else if -d.exp >= 39 {
        0
    } else {
        ((d.coef / 10u128.pow((-d.exp) as u32)) % (1u128 << 32)) as u32
    };
    let low = if d.neg { low.wrapping_neg() } else { low };
    low as i32
}

/// OpenJDK's `BigDecimal.pow(int, MathContext)` with precision 7, half-even.
fn pow_decimal32(base: Dec, n: i32) -> Result<Dec, ArithError> {
    const PREC: u32 = 7;
    if !(-999_999_999..=999_999_999).contains(&n) {
        return Err(ArithError::InvalidPower(n));
    }
    if n == 0 {
        return Ok(Dec::one());
    }
    let mut mag = n.abs();
    let elength = digits(mag as u128);
    if elength > PREC {
        return Err(ArithError::InvalidPower(n));
    }
    let work = PREC + elength + 1;
    let mut acc = Dec::one();
    let mut seen = false;
    for i in 1..=31 {
        mag = mag.wrapping_add(mag);
        if mag < 0 {
            seen = true;
            acc = round_half_even(exact_product(acc, base), work, false).check_range()?;
        }
        if i == 31 {
            break;
        }
        if seen {
            acc = round_half_even(exact_product(acc, acc), work, false).check_range()?;
        }
    }
    if n < 0 {
        acc = divide(Dec::one(), acc, work)?;
    }
    Ok(round_half_even(acc, PREC, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addition_is_exact_in_decimal() {
        assert_eq!(add(0.1, 0.2), Ok(0.3));
        assert_eq!(add(5.0, 3.0), Ok(8.0));
        assert_eq!(sub(0.3, 0.1), Ok(0.2));
        assert_eq!(sub(1.0, 1.0), Ok(0.0));
        assert_eq!(add(-2.5, 1.0), Ok(-1.5));
    }

    #[test]
    fn addition_of_far_apart_magnitudes_keeps_both() {
        assert_eq!(add(1e300, 1e-300), Ok(1e300));
        assert_eq!(sub(1e30, 1e-30), Ok(1e30));
        assert_eq!(add(1e-300, -1e300), Ok(-1e300));
    }

    #[test]
    fn multiplication_is_exact_in_decimal() {
        assert_eq!(mul(1.1, 3.0), Ok(3.3));
        assert_eq!(mul(-0.5, 4.0), Ok(-2.0));
        assert_eq!(mul(0.0, -4.0), Ok(0.0));
    }

    #[test]
    fn division_rounds_to_sixteen_digits_half_even() {
        assert_eq!(div(1.0, 3.0), Ok(0.3333333333333333));
        assert_eq!(div(2.0, 3.0), Ok(0.6666666666666667));
        assert_eq!(div(1.0, 7.0), Ok(0.1428571428571429));
        assert_eq!(div(3.0, 3.7), Ok(0.8108108108108108));
        assert_eq!(div(-9.0, 4.0), Ok(-2.25));
    }

    #[test]
    fn remainder_has_the_sign_of_the_dividend() {
        assert_eq!(rem(10.0, 3.0), Ok(1.0));
        assert_eq!(rem(-7.0, 3.0), Ok(-1.0));
        assert_eq!(rem(7.0, -5.0), Ok(2.0));
        assert_eq!(rem(5.5, 2.0), Ok(1.5));
        assert_eq!(rem(0.5, 0.3), Ok(0.2));
        assert_eq!(rem(1e20, 3.0), Ok(1.0));
        assert_eq!(rem(1.0, 1e30), Ok(1.0));
        assert_eq!(rem(1.0, 0.0), Err(ArithError::DivisionByZero));
    }

    #[test]
    fn power_uses_seven_significant_digits() {
        assert_eq!(pow(2.0, 10.0), Ok(1024.0));
        assert_eq!(pow(2.0, -2.0), Ok(0.25));
        assert_eq!(pow(3.0, 0.0), Ok(1.0));
        assert_eq!(pow(4.0, 0.5), Ok(1.0));
        assert_eq!(pow(1.1, 10.0), Ok(2.593742));
        assert_eq!(pow(7.0, 20.0), Ok(7.979227e16));
        assert_eq!(pow(2.0, 1e8), Err(ArithError::InvalidPower(100_000_000)));
        assert_eq!(pow(0.0, -1.0), Err(ArithError::DivisionByZero));
    }

    #[test]
    fn exponents_keep_the_low_32_bits_of_their_integer_part() {
        assert_eq!(java_int_value(Dec::of(4294967298.0).unwrap()), 2);
        assert_eq!(java_int_value(Dec::of(-2.9).unwrap()), -2);
        assert_eq!(java_int_value(Dec::of(1e300).unwrap()), 0);
    }

    #[test]
    fn non_finite_operands_are_errors() {
        assert!(matches!(add(f64::INFINITY, 1.0), Err(ArithError::NotFinite(_))));
        assert!(matches!(mul(1.0, f64::NAN), Err(ArithError::NotFinite(_))));
    }

    #[test]
    fn every_arith_error_variant_renders_in_both_languages() {
        let samples = [
            ArithError::NotFinite("NaN".into()),
            ArithError::DivisionByZero,
            ArithError::InvalidPower(100_000_000),
            ArithError::Overflow,
        ];
        let name = |e: &ArithError| match e {
            ArithError::NotFinite(_) => "NotFinite",
            ArithError::DivisionByZero => "DivisionByZero",
            ArithError::InvalidPower(_) => "InvalidPower",
            ArithError::Overflow => "Overflow",
        };
        assert_eq!(samples.iter().map(name).collect::<std::collections::BTreeSet<_>>().len(), 4);
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }
}
