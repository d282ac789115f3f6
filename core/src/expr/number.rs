//! Number semantics of the DHIS2 expression language exactly as the JVM engine computes them
//! (expression parser 1.4.1 on bignum 0.3.10, Kotlin/JVM, as Android Capture 3.4.1 and the
//! DHIS2 server run it). Spec: `research/program-rules.md` §2.5, §2.6, §2.7 (`d2:round`,
//! `d2:modulus`) and §2.9.
//!
//! Owns:
//! - the arithmetic operators `+ - * / % ^` and `d2:round` on doubles, emulating bignum 0.3.10's
//!   `BigDecimal` operation by operation, defects included (see below);
//! - number to text as the JVM prints it (`Double.toString`, and the engine's integral-to-`Int`
//!   rule for results), and text to number as `Double.parseDouble` reads it.
//!
//! Does not own: operand coercion (null, booleans, dates, strings → numbers), operator grouping,
//! the error messages around a failed operation, or any other d2 function (`expr::value` and
//! the evaluator do that).
//!
//! # How the engine computes
//! Every operand `x` becomes `dec(x)`: the `BigDecimal` whose digits are the JVM's
//! `Double.toString(x)`. That string comes from `FloatingDecimal` (JDK ≤ 18 and Android's
//! libcore), which is the shortest round-trip form except for some powers of two, subnormals and
//! integers ≥ 2^53 (`2^-24` prints as `5.9604644775390625E-8`, `2^60` as
//! `1.15292150460684698E18`). This module reproduces that algorithm, so `dec(x)` and
//! [`jvm_double_to_string`] match the JVM for every double.
//!
//! Operations (bignum 0.3.10, `DecimalMode(16, ROUND_HALF_AWAY_FROM_ZERO)`):
//! - `+ - * / ^` first round each operand to 16 significant digits (half away from zero), so
//!   `f64::MAX + 0` is Infinity and `1.0000000000000002 * 1` is 1.
//! - `+ - *`: exact result of the rounded operands, rounded to 16 significant digits, half away
//!   from zero (`0.1 + 0.2` = 0.3, `1.1 * 3` = 3.3).
//! - `/`: the quotient is developed to 16 or 17 digits. With 17 digits the last one rounds
//!   correctly; with 16 (when the dividend's leading digits are smaller than the divisor's)
//!   bignum rounds on the *leading digit of the integer remainder* instead of the fraction, so
//!   `1/7` is 0.1428571428571428 (not …429). (bignum also forgets the exponent when a quotient
//!   rounds up to 10^16; with 16-digit operands that cannot happen, the code keeps it anyway.)
//! - `%` (`d2:modulus`): bignum's `remainder` on the unrounded operands, with a quotient rounded
//!   to `e(a) - e(b) + 1` significant digits, FLOOR decided on the dropped digit only, and the
//!   dividend truncated to a length that depends on how the divisor prints: `10 % 3` = 0.1,
//!   `d2:modulus(13,5)` = 0, `7 % -5` = -3, `-4.1 % 2` = -0.1, `-9.95 % 1` = -8.95 (a FLOOR
//!   carry from -9 to -10 that keeps its exponent, quotient -1).
//! - `^`: `dec(a).pow(b.toInt())` by repeated 16-digit multiplication (or division for negative
//!   exponents), rounding at every step; `0 ^ -n` is an error.
//! - `d2:round`: correct half-away-from-zero rounding of the unrounded `dec(x)`.
//! - results go back to `Double` correctly rounded; zero results are always `+0.0`.
//! - a NaN or infinite operand (and `x / 0`, `x % 0`) uses IEEE double arithmetic instead
//!   (`Math.pow` rules for `^`).
//!
//! Verified against the JVM (expression-parser 1.3.0, whose arithmetic is 1.4.1's, on
//! bignum-jvm 0.3.10 and OpenJDK 17) on about 2.5 million random and targeted cases: every
//! result bit-identical, except `^` beyond 2^20 steps (see [`pow`]).

use std::cmp::Ordering;

use crate::i18n::{Localize, Message};

/// Errors the JVM raises from number operations (`ArithmeticException` upstream).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NumberError {
    /// `d2:round(x, p)` with `p < 0`.
    NegativeScale,
    /// `0 ^ n` with a negative `n` (after truncation to an integer).
    ZeroToNegativePower,
}

impl Localize for NumberError {
    fn message(&self) -> Message {
        match self {
            NumberError::NegativeScale => Message::new("expr-number-negative-scale"),
            NumberError::ZeroToNegativePower => Message::new("expr-number-zero-to-negative-power"),
        }
    }
}

crate::english_display!(NumberError);

// ------------------------------------------------------------------------------------------------
// Public API
// ------------------------------------------------------------------------------------------------

/// `a + b` as the engine computes it: `dec(a)` and `dec(b)` rounded to 16 significant digits,
/// their exact sum rounded again to 16, half away from zero. A NaN or infinite operand gives
/// IEEE `a + b`. A zero sum is `+0.0`.
pub fn add(a: f64, b: f64) -> f64 {
    if !a.is_finite() || !b.is_finite() {
        return a + b;
    }
    dec_add(Dec::of16(a), Dec::of16(b))
}

/// `a - b`, like [`add`].
pub fn sub(a: f64, b: f64) -> f64 {
    if !a.is_finite() || !b.is_finite() {
        return a - b;
    }
    dec_add(Dec::of16(a), Dec::of16(b).negated())
}

/// `a * b`: like [`add`], with the exact product of the 16-digit operands. A NaN or infinite
/// operand gives IEEE `a * b`. A zero product is `+0.0`.
pub fn mul(a: f64, b: f64) -> f64 {
    if !a.is_finite() || !b.is_finite() {
        return a * b;
    }
    let (x, y) = (Dec::of16(a), Dec::of16(b));
    if x.is_zero() || y.is_zero() {
        return 0.0;
    }
    let coef = x.coef * y.coef; // at most 20 + 20 digits < 2^128
    let (c, e) = round16(coef, x.exp as i64 + y.exp as i64);
    dec_to_f64(x.neg != y.neg, c, e)
}

/// `a / b`: bignum 0.3.10's division of the 16-digit operands to 16 significant digits (see the
/// module comment for its rounding defect: `1/7` = 0.1428571428571428). `b == 0` or a
/// NaN/infinite operand gives IEEE `a / b`; `0 / b` is `+0.0`.
pub fn div(a: f64, b: f64) -> f64 {
    if !a.is_finite() || !b.is_finite() || b == 0.0 {
        return a / b;
    }
    let (x, y) = (Dec::of16(a), Dec::of16(b));
    if x.is_zero() {
        return 0.0;
    }
    let q = dec_div16(x, y);
    dec_to_f64(q.neg, q.coef, q.exp as i64)
}

/// `a % b` and `d2:modulus(a, b)`: bignum 0.3.10's `remainder`, defects included
/// (`10 % 3` = 0.1, `d2:modulus(13, 5)` = 0, `7 % -5` = -3, `-7 % 3` = 2, `0.5 % 0.3` = 0.5).
/// `b == 0` or a NaN/infinite operand gives IEEE `a % b` (NaN for `x % 0`).
pub fn rem(a: f64, b: f64) -> f64 {
    if !a.is_finite() || !b.is_finite() || b == 0.0 {
        return a % b;
    }
    dec_rem(a, Dec::of_bignum(a), Dec::of_bignum(b))
}

/// `a ^ b`: `dec(a).pow(b.toInt())` (fractional exponents truncate toward zero: `4 ^ 0.5` = 1,
/// `2 ^ -2.9` = 0.25; huge ones saturate at ±2147483647/-2147483648). With `a` rounded to 16
/// digits, positive exponents multiply it by itself `n - 1` times, negative ones divide it by
/// itself `|n| + 1` times (the first step gives 1), each step rounded to 16 digits as bignum
/// does: `1.1 ^ 10` is 2.5937424601, `7.1 ^ 14` is 827212106955.7036 (7.1^14 rounded once
/// would be …7033), `2 ^ -2` is 0.25. `a ^ 0` is 1 (also for `a = 0`), `a ^ 1` is `a` at 16 digits.
///
/// Huge exponents: the loop stops early, exactly, once the value can no longer change its double
/// (a fixed point, or beyond the double range: ±Infinity or ±0.0 with the sign of `a^n`). Bases
/// so close to 1 that neither happens within 2^20 steps (the JVM needs seconds to minutes there)
/// finish the remaining steps in binary floating point, which can differ in the last digits.
///
/// `0 ^ -n` is an error on the JVM; this function returns NaN for it, [`try_pow`] the error.
/// NaN or infinite operands follow `Math.pow`.
pub fn pow(a: f64, b: f64) -> f64 {
    try_pow(a, b).unwrap_or(f64::NAN)
}

/// [`pow`], with the JVM's error for `0 ^ -n`.
pub fn try_pow(a: f64, b: f64) -> Result<f64, NumberError> {
    if !a.is_finite() || !b.is_finite() {
        return Ok(java_math_pow_special(a, b));
    }
    let n = b as i32; // Kotlin Double.toInt(): truncating, saturating
    dec_pow(a, n)
}

/// `d2:round(x, places)`: `dec(x)` rounded half away from zero to `places` decimals
/// (2.5 → 3, -2.5 → -3, 1.005 → 1.01 at 2, 2.675 → 2.68 at 2). NaN or infinite `x` gives NaN
/// (before the scale is checked); `places < 0` is an error. A zero result is `+0.0`.
pub fn round(x: f64, places: i32) -> Result<f64, NumberError> {
    if !x.is_finite() {
        return Ok(f64::NAN);
    }
    if places < 0 {
        return Err(NumberError::NegativeScale);
    }
    let d = Dec::of(x);
    if d.is_zero() {
        return Ok(0.0);
    }
    let scale = -(places as i64); // exponent of the last kept digit
    let exp = d.exp as i64;
    if exp >= scale {
        return Ok(x); // nothing to drop: the value round-trips
    }
    let drop = (scale - exp) as u32; // digits to drop, >= 1
    let nd = num_digits(d.coef);
    let kept = if drop > nd {
        0 // |x| < 10^(scale - 1): less than half a unit
    } else {
        let p = POW10[drop as usize];
        let q = d.coef / p;
        let r = d.coef % p;
        if r >= p / 2 {
            q + 1
        } else {
            q
        }
    };
    if kept == 0 {
        return Ok(0.0);
    }
    Ok(dec_to_f64(d.neg, kept, scale))
}

/// Java's `Double.toString(x)` as the JVM of the engine prints it (JDK ≤ 18 and Android's
/// `FloatingDecimal`): "10.0", "0.25", "1.0E-4", "1.23456789E7", "NaN", "Infinity", "-0.0".
/// Plain notation for 10^-3 <= |x| < 10^7, otherwise "d.dddE±n". The digits are the shortest
/// round-trip digits except for the cases named in the module comment.
pub fn jvm_double_to_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    let jd = java_digits(x);
    let mut out = String::with_capacity(26);
    if jd.neg {
        out.push('-');
    }
    let digits = &jd.digits[..jd.len];
    let push_digits = |out: &mut String, ds: &[u8]| {
        for &d in ds {
            out.push((b'0' + d) as char);
        }
    };
    let e = jd.dec_exp;
    if e > 0 && e < 8 {
        let int_len = (e as usize).min(digits.len());
        push_digits(&mut out, &digits[..int_len]);
        if int_len < e as usize {
            for _ in int_len..e as usize {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push('.');
            if int_len < digits.len() {
                push_digits(&mut out, &digits[int_len..]);
            } else {
                out.push('0');
            }
        }
    } else if e <= 0 && e > -3 {
        out.push_str("0.");
        for _ in 0..(-e) {
            out.push('0');
        }
        push_digits(&mut out, digits);
    } else {
        push_digits(&mut out, &digits[..1]);
        out.push('.');
        if digits.len() > 1 {
            push_digits(&mut out, &digits[1..]);
        } else {
            out.push('0');
        }
        out.push('E');
        let exp10 = e - 1;
        out.push_str(&exp10.to_string());
    }
    out
}

/// The engine's text for a number result (§2.6 toString, §2.9): an integral double becomes
/// Kotlin's `toInt()`, which saturates ("4", "2147483647", "-2147483648", "0" for -0.0);
/// anything else is [`jvm_double_to_string`] ("0.25", "NaN", "Infinity").
pub fn to_display_string(x: f64) -> String {
    if x % 1.0 == 0.0 {
        (x as i32).to_string()
    } else {
        jvm_double_to_string(x)
    }
}

/// Java's `Double.parseDouble(s)`: surrounding characters <= ' ' are ignored; accepts an
/// optional sign, `NaN`, `Infinity`, decimal numbers (`1`, `1.`, `.5`, `1e5`, `1.5E-3`) and hex
/// floats with a binary exponent (`0x1p3`, `0x1.8P-1`), each optionally followed by one of
/// `f F d D`. `None` where Java throws `NumberFormatException`. Correctly rounded.
pub fn parse_jvm_double(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut end = bytes.len();
    while start < end && bytes[start] <= b' ' {
        start += 1;
    }
    while end > start && bytes[end - 1] <= b' ' {
        end -= 1;
    }
    let t = &bytes[start..end];
    if t.is_empty() {
        return None;
    }
    let (neg, body) = match t[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let first = *body.first()?;
    if first == b'N' {
        return (body == b"NaN").then_some(f64::NAN);
    }
    if first == b'I' {
        return (body == b"Infinity").then_some(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if body.len() > 1 && first == b'0' && (body[1] | 0x20) == b'x' {
        return parse_hex(neg, &body[2..]);
    }
    // Decimal: digits with at most one point, at least one digit, optional exponent, optional
    // type suffix.
    let mut i = 0;
    let mut n_digits = 0;
    let mut seen_point = false;
    while i < body.len() {
        match body[i] {
            b'0'..=b'9' => n_digits += 1,
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if n_digits == 0 {
        return None;
    }
    if i < body.len() && (body[i] | 0x20) == b'e' {
        i += 1;
        if i < body.len() && (body[i] == b'+' || body[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < body.len() && body[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    let number_end = i;
    if i < body.len() && matches!(body[i] | 0x20, b'f' | b'd') {
        i += 1;
    }
    if i != body.len() {
        return None;
    }
    // The validated text (sign included) is also valid for Rust's correctly rounded parser.
    let text = &t[..t.len() - (body.len() - number_end)];
    let text = std::str::from_utf8(text).ok()?;
    text.parse::<f64>().ok()
}

// ------------------------------------------------------------------------------------------------
// Small decimals: sign, coefficient (at most 38 digits) and the exponent of its last digit
// ------------------------------------------------------------------------------------------------

const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// 10^0 ..= 10^22, exact in binary64.
const POW10_F64: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Number of decimal digits of `v` (1 for 0).
fn num_digits(v: u128) -> u32 {
    let mut n = 1;
    while n < 39 && v >= POW10[n as usize] {
        n += 1;
    }
    n
}

/// `±coef × 10^exp`. The zero has `coef == 0` and no sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    neg: bool,
    coef: u128,
    exp: i32,
}

impl Dec {
    const ZERO: Dec = Dec { neg: false, coef: 0, exp: 0 };

    /// `dec(x)`: the exact value of the JVM's `Double.toString(x)` (x finite). -0.0 is zero.
    fn of(x: f64) -> Dec {
        if x == 0.0 {
            return Dec::ZERO;
        }
        let jd = java_digits(x);
        let mut coef: u128 = 0;
        for &d in &jd.digits[..jd.len] {
            coef = coef * 10 + d as u128;
        }
        let (coef, zeros) = strip_zeros(coef);
        let exp = jd.dec_exp - jd.len as i32 + zeros as i32;
        if coef == 0 {
            return Dec::ZERO;
        }
        Dec { neg: jd.neg, coef, exp }
    }

    /// `BigDecimal.fromDouble(x)` with bignum's significand as its parser builds it from the
    /// Java string: trailing zeros of the integer part stay ("20.0" → 20), so does the zero of a
    /// one-digit E form ("1.0E10" → 10). Only `%` depends on this (its quotient truncates the
    /// dividend to a digit count that the divisor's significand length decides).
    fn of_bignum(x: f64) -> Dec {
        if x == 0.0 {
            return Dec::ZERO;
        }
        let jd = java_digits(x);
        let digits = &jd.digits[..jd.len];
        let e = jd.dec_exp;
        let last_nonzero = digits.iter().rposition(|&d| d != 0).map_or(1, |i| i + 1);
        let sig_len = if e > 0 && e < 8 {
            (e as usize).max(last_nonzero)
        } else if e <= 0 && e > -3 {
            last_nonzero
        } else if digits.len() == 1 {
            2
        } else if digits[1..].iter().all(|&d| d == 0) {
            digits.len()
        } else {
            last_nonzero
        };
        let mut coef: u128 = 0;
        for i in 0..sig_len {
            coef = coef * 10 + digits.get(i).copied().unwrap_or(0) as u128;
        }
        Dec { neg: jd.neg && coef != 0, coef, exp: e - sig_len as i32 }
    }

    /// `BigDecimal.fromDouble(x, DecimalMode(16, ROUND_HALF_AWAY_FROM_ZERO))`, the operand of
    /// `+ - * / ^`: `dec(x)` rounded to 16 significant digits.
    fn of16(x: f64) -> Dec {
        let d = Dec::of(x);
        let (coef, exp) = round16(d.coef, d.exp as i64);
        let n = normalized(coef, exp);
        Dec { neg: d.neg && n.coef != 0, ..n }
    }

    fn is_zero(&self) -> bool {
        self.coef == 0
    }

    fn negated(self) -> Dec {
        Dec { neg: !self.neg && self.coef != 0, ..self }
    }

    /// Exponent of the leading digit (bignum's `exponent`).
    fn lead(&self) -> i64 {
        self.exp as i64 + num_digits(self.coef) as i64 - 1
    }
}

/// Rounds `coef × 10^exp` to 16 significant digits, half away from zero (the sign is handled
/// by the caller). The result may be 10^16 (17 digits) after a carry; its value is right.
fn round16(coef: u128, exp: i64) -> (u128, i64) {
    let nd = num_digits(coef);
    if nd <= 16 {
        return (coef, exp);
    }
    let k = nd - 16;
    let p = POW10[k as usize];
    let q = coef / p;
    let r = coef % p;
    let q = if r >= p / 2 { q + 1 } else { q };
    (q, exp + k as i64)
}

/// `±coef × 10^exp` to the nearest double (ties to even), as `Double.parseDouble` of
/// bignum's `toString()` does. Zero is `+0.0`.
fn dec_to_f64(neg: bool, coef: u128, exp: i64) -> f64 {
    if coef == 0 {
        return 0.0;
    }
    if coef < 1 << 53 && (-22..=22).contains(&exp) {
        // one IEEE operation on exact operands: correctly rounded (bignum's own fast path)
        let c = coef as f64;
        let v = if exp >= 0 { c * POW10_F64[exp as usize] } else { c / POW10_F64[(-exp) as usize] };
        return if neg { -v } else { v };
    }
    let mut buf = TextBuf::<64>::new();
    if neg {
        buf.push(b'-');
    }
    buf.push_u128(coef);
    buf.push(b'e');
    buf.push_i64(exp.clamp(-100_000, 100_000));
    buf.parse_f64()
}

/// A fixed-capacity ASCII buffer (no heap allocation).
struct TextBuf<const N: usize> {
    len: usize,
    bytes: [u8; N],
}

impl<const N: usize> TextBuf<N> {
    fn new() -> Self {
        TextBuf { len: 0, bytes: [0; N] }
    }

    fn push(&mut self, b: u8) {
        if self.len < N {
            self.bytes[self.len] = b;
            self.len += 1;
        }
    }

    fn push_u128(&mut self, mut v: u128) {
        let mut tmp = [0u8; 40];
        let mut n = 0;
        loop {
            tmp[n] = b'0' + (v % 10) as u8;
            n += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        while n > 0 {
            n -= 1;
            self.push(tmp[n]);
        }
    }

    fn push_i64(&mut self, v: i64) {
        if v < 0 {
            self.push(b'-');
        }
        self.push_u128(v.unsigned_abs() as u128);
    }

    fn parse_f64(&self) -> f64 {
        std::str::from_utf8(&self.bytes[..self.len]).ok().and_then(|s| s.parse::<f64>().ok()).unwrap_or(f64::NAN)
    }
}

/// `a + b` on decimals, rounded to 16 digits, as a double.
fn dec_add(a: Dec, b: Dec) -> f64 {
    if a.is_zero() {
        return dec_to_f64(b.neg, b.coef, b.exp as i64);
    }
    if b.is_zero() {
        return dec_to_f64(a.neg, a.coef, a.exp as i64);
    }
    // Exact sum on a common grid. When one operand has digits far below the other's leading
    // digit (only possible when it is at least 100 times smaller, so no cancellation), those
    // digits are replaced by a one-digit sticky unit: the 16-digit rounding of the sum only
    // depends on which open interval between multiples of 10^L the sum falls into.
    let e_max = a.lead().max(b.lead());
    let grid = (a.exp as i64).min(b.exp as i64).max(e_max - 22);
    let work = grid - 1; // one extra digit for the sticky unit
    let scaled = |d: Dec| -> i128 {
        if d.is_zero() {
            return 0;
        }
        let e = d.exp as i64;
        let mag: u128 = if e >= grid {
            d.coef * POW10[(e - work) as usize] // at most 24 digits
        } else {
            let k = (grid - e) as usize;
            let (hi, lo) = if k >= 39 { (0, d.coef) } else { (d.coef / POW10[k], d.coef % POW10[k]) };
            hi * 10 + u128::from(lo != 0)
        };
        if d.neg {
            -(mag as i128)
        } else {
            mag as i128
        }
    };
    let sum = scaled(a) + scaled(b);
    let (c, e) = round16(sum.unsigned_abs(), work);
    dec_to_f64(sum < 0, c, e)
}

/// bignum 0.3.10 `divide` with `DecimalMode(16, ROUND_HALF_AWAY_FROM_ZERO)`, defects included.
/// `a` and `b` are non-zero with coefficients of at most 17 digits (trailing zeros do not change
/// the outcome: they scale the dividend, divisor and remainder alike).
fn dec_div16(a: Dec, b: Dec) -> Dec {
    let pa = num_digits(a.coef) as i64;
    let pb = num_digits(b.coef) as i64;
    let power = 16 - pa + pb; // the dividend gets 16 + pb digits (at most 33)
    let n = if power >= 0 { a.coef * POW10[power as usize] } else { a.coef / POW10[(-power) as usize] };
    let q0 = n / b.coef;
    let r0 = n % b.coef;
    let d = num_digits(q0) as i64; // 16 or 17
    let neg = a.neg != b.neg;
    // roundDiscarded: with 17 digits the last one is the discarded part; with 16 the integer
    // remainder is, judged by its leading digit alone.
    let (mut res, discarded) = if d > 16 { (q0 / 10, q0 % 10) } else { (q0, r0) };
    if discarded != 0 && leading_digit(discarded) >= 5 {
        res += 1;
    }
    // The exponent is fixed before rounding: a carry to 10^16 would not be accounted for (it
    // cannot happen with 16-digit operands, whose quotient never reaches 0.99999999999999995).
    let exponent = a.lead() - b.lead() - 1 + (d - 16);
    let exp = exponent - num_digits(res) as i64 + 1;
    Dec { neg: neg && res != 0, coef: res, exp: exp as i32 }
}

fn leading_digit(v: u128) -> u128 {
    v / POW10[num_digits(v) as usize - 1]
}

/// bignum 0.3.10 `BigDecimal.remainder` of `dec(a)` by `dec(b)` (b non-zero), as a double.
fn dec_rem(a_double: f64, a: Dec, b: Dec) -> f64 {
    if a.is_zero() {
        return 0.0;
    }
    let ea = a.lead();
    let eb = b.lead();
    if ea < 0 || dec_cmp_abs(&b, &a) == Ordering::Greater {
        return a_double; // `this` unchanged; its double is `a` itself (never -0.0 here)
    }
    // Quotient: divide(b, DecimalMode(p, FLOOR)) with p = e(a) - e(b) + 1 >= 1 (at most 633).
    let p = ea - eb + 1;
    let pa = num_digits(a.coef) as i64;
    let pb = num_digits(b.coef) as i64;
    let power = p - pa + pb; // the dividend keeps p + pb digits (truncated when power < 0)
    let mut q = Big::<REM_LIMBS>::from_u128(a.coef);
    if power >= 0 {
        q.mul_pow10(power as u32);
    } else {
        for _ in 0..(-power) {
            q.divrem_u64(10);
        }
    }
    let r0 = q.divrem_u64(b.coef as u64); // quotient q0 of p or p + 1 digits
    let d = if q.ge_pow10(p as u32) { p + 1 } else { p };
    let neg = a.neg != b.neg;
    let dropped = if d > p { q.divrem_u64(10) } else { r0 };
    if dropped != 0 && neg {
        q.add_small(1); // FLOOR of a negative quotient: one more in magnitude
    }
    let exponent = ea - eb - 1 + (d - p);
    // The quotient has p digits, or p + 1 when FLOOR carried (…99 + 1): bignum keeps the
    // exponent, so that quotient is ten times too small.
    let q_digits = if q.ge_pow10(p as u32) { p + 1 } else { p };
    let q_lsd = exponent - q_digits + 1;
    // Q * B exactly, on the grid of its last digit; |Q * B| has the sign of a.
    let qb_exp = q_lsd + b.exp as i64;
    q.mul_u64(b.coef as u64);
    let mut t1 = Big::<REM_LIMBS>::from_u128(a.coef);
    let grid = (a.exp as i64).min(qb_exp);
    t1.mul_pow10((a.exp as i64 - grid) as u32);
    q.mul_pow10((qb_exp - grid) as u32);
    // r = A - Q*B = sign(a) * (|A| - |Q*B|)
    let (mag, flip) = match t1.cmp(&q) {
        Ordering::Equal => return 0.0,
        Ordering::Greater => {
            t1.sub_assign(&q);
            (t1, false)
        }
        Ordering::Less => {
            q.sub_assign(&t1);
            (q, true)
        }
    };
    big_to_f64(a.neg != flip, &mag, grid)
}

/// Compares `|a|` with `|b|`.
fn dec_cmp_abs(a: &Dec, b: &Dec) -> Ordering {
    match (a.is_zero(), b.is_zero()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    match a.lead().cmp(&b.lead()) {
        Ordering::Equal => {}
        other => return other,
    }
    // Same leading position, so the exponents differ by less than 20.
    let grid = a.exp.min(b.exp);
    let x = a.coef * POW10[(a.exp - grid) as usize];
    let y = b.coef * POW10[(b.exp - grid) as usize];
    x.cmp(&y)
}

/// Steps of `^` computed exactly before the remaining ones are finished in binary floating
/// point (see [`pow`]).
const POW_EXACT_STEPS: u64 = 1 << 20;

/// `dec(a).pow(n)` (a finite) as bignum 0.3.10 computes it, then `doubleValue()`.
fn dec_pow(a: f64, n: i32) -> Result<f64, NumberError> {
    if n == 0 {
        return Ok(1.0);
    }
    let x = Dec::of16(a);
    if x.is_zero() {
        return if n < 0 { Err(NumberError::ZeroToNegativePower) } else { Ok(0.0) };
    }
    if n == 1 {
        return Ok(base_f64(&x));
    }
    // The sign of the result is the sign of a^n; the magnitudes follow the same steps.
    let neg = x.neg && n % 2 != 0;
    let base = Dec { neg: false, ..x };
    let (mut m, steps) = if n > 0 {
        (base, (n as i64 - 1) as u64)
    } else {
        // result = this; repeat |n| + 1 times: result = result / this (the first step gives 1)
        (Dec { neg: false, coef: 1, exp: 0 }, n.unsigned_abs() as u64)
    };
    let grows = if n > 0 { base.lead() >= 0 } else { base.lead() < 0 };
    let mut done = 0u64;
    while done < steps {
        if done == POW_EXACT_STEPS {
            let rest = (steps - done) as f64;
            let mag = dec_to_f64(false, m.coef, m.exp as i64);
            let b = base_f64(&base);
            let v = if n > 0 { mag * b.powf(rest) } else { mag / b.powf(rest) };
            return Ok(if neg { -v } else { v });
        }
        let next = if n > 0 {
            let (c, e) = round16(m.coef * base.coef, m.exp as i64 + base.exp as i64);
            normalized(c, e)
        } else {
            let q = dec_div16(m, base);
            normalized(q.coef, q.exp as i64)
        };
        done += 1;
        if next == m {
            break; // fixed point: all further steps give the same value
        }
        m = next;
        // The magnitude moves monotonically (rounding to 16 digits never undoes a step), so once
        // it is beyond the double range it stays there.
        let lead = m.lead();
        if grows && lead > 308 {
            return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
        }
        if !grows && lead < -324 {
            return Ok(if neg { -0.0 } else { 0.0 });
        }
    }
    Ok(dec_to_f64(neg, m.coef, m.exp as i64))
}

fn base_f64(d: &Dec) -> f64 {
    dec_to_f64(d.neg, d.coef, d.exp as i64)
}

/// `coef` without its trailing decimal zeros, and how many there were (0 stays 0).
fn strip_zeros(mut coef: u128) -> (u128, u32) {
    let mut zeros = 0;
    while coef != 0 {
        let (q, r) = (coef / 10, coef % 10);
        if r != 0 {
            break;
        }
        coef = q;
        zeros += 1;
    }
    (coef, zeros)
}

/// A positive decimal without trailing zeros in its coefficient.
fn normalized(coef: u128, exp: i64) -> Dec {
    let (coef, zeros) = strip_zeros(coef);
    let exp = exp + zeros as i64;
    Dec { neg: false, coef, exp: exp.clamp(i32::MIN as i64, i32::MAX as i64) as i32 }
}

/// `Math.pow(a, b)` when `a` or `b` is NaN or infinite.
fn java_math_pow_special(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        return 1.0;
    }
    if b.is_nan() || a.is_nan() {
        return f64::NAN;
    }
    if b.is_infinite() {
        let m = a.abs();
        return if m == 1.0 {
            f64::NAN
        } else if (m > 1.0) == (b > 0.0) {
            f64::INFINITY
        } else {
            0.0
        };
    }
    // a is ±Infinity, b finite and non-zero
    let odd_integer = b.fract() == 0.0 && b.abs() < 9.007_199_254_740_992e15 && (b % 2.0).abs() == 1.0;
    match (a > 0.0, b > 0.0) {
        (true, true) => f64::INFINITY,
        (true, false) => 0.0,
        (false, true) => {
            if odd_integer {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        }
        (false, false) => {
            if odd_integer {
                -0.0
            } else {
                0.0
            }
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Hex floats (Double.parseDouble "0x…p…")
// ------------------------------------------------------------------------------------------------

/// Parses the part after "0x": `H+ [.]` or `H* . H+`, then `[pP][+-]?D+`, then an optional
/// `[fFdD]`, nothing else.
fn parse_hex(neg: bool, s: &[u8]) -> Option<f64> {
    let mut i = 0;
    let mut mant: u64 = 0;
    let mut sticky = false;
    let mut bits_kept: i64 = 0; // significant bits accumulated in mant
    let mut exp2: i64 = 0; // binary exponent adjustment for digits beyond mant / after the point
    let mut digits = 0;
    let mut seen_point = false;
    while i < s.len() {
        let c = s[i];
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            b'.' if !seen_point => {
                seen_point = true;
                i += 1;
                continue;
            }
            _ => break,
        };
        digits += 1;
        if mant == 0 && v == 0 {
            if seen_point {
                exp2 -= 4;
            }
        } else if bits_kept < 60 {
            mant = (mant << 4) | v as u64;
            bits_kept = 64 - mant.leading_zeros() as i64;
            if seen_point {
                exp2 -= 4;
            }
        } else {
            sticky |= v != 0;
            if !seen_point {
                exp2 += 4;
            }
        }
        i += 1;
    }
    if digits == 0 || i >= s.len() || (s[i] | 0x20) != b'p' {
        return None;
    }
    i += 1;
    let mut exp_neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        exp_neg = s[i] == b'-';
        i += 1;
    }
    let exp_start = i;
    let mut e: i64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        e = (e * 10 + (s[i] - b'0') as i64).min(1 << 40);
        i += 1;
    }
    if i == exp_start {
        return None;
    }
    if i < s.len() && matches!(s[i] | 0x20, b'f' | b'd') {
        i += 1;
    }
    if i != s.len() {
        return None;
    }
    let signed = |v: f64| if neg { -v } else { v };
    if mant == 0 {
        return Some(signed(0.0));
    }
    let e = if exp_neg { -e } else { e };
    Some(signed(binary_to_f64(mant, sticky, exp2 + e)))
}

/// `(mant + ε) × 2^e2` correctly rounded to a double (ties to even), where `ε` is a positive
/// amount below one unit of `mant` when `sticky`.
fn binary_to_f64(mant: u64, sticky: bool, e2: i64) -> f64 {
    let lz = mant.leading_zeros() as i64;
    let m = (mant as u128) << (64 + lz); // leading bit at position 127
    let lead = e2 + 63 - lz; // exponent of the leading bit
    if lead > 1023 {
        return f64::INFINITY;
    }
    // keep 53 bits for normal numbers, fewer for subnormals
    let keep = if lead >= -1022 { 53 } else { 53 - (-1022 - lead) };
    if keep < 0 {
        return 0.0; // below half the smallest subnormal
    }
    let shift = 128 - keep as u32; // 75 ..= 128
    let (kept, rest) = if shift >= 128 { (0u128, m) } else { (m >> shift, m & ((1u128 << shift) - 1)) };
    let half = 1u128 << (shift - 1);
    let round_up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    let mut kept = kept + u128::from(round_up);
    let mut lead = lead;
    if lead >= -1022 {
        if kept == 1u128 << 53 {
            kept >>= 1;
            lead += 1;
            if lead > 1023 {
                return f64::INFINITY;
            }
        }
        let bits = (((lead + 1023) as u64) << 52) | (kept as u64 & ((1u64 << 52) - 1));
        f64::from_bits(bits)
    } else {
        // subnormal: kept counts units of 2^-1074; a carry into 2^52 is the smallest normal
        f64::from_bits(kept as u64)
    }
}

// ------------------------------------------------------------------------------------------------
// Java's Double.toString digits (FloatingDecimal.dtoa of JDK ≤ 18 / Android)
// ------------------------------------------------------------------------------------------------

const MAX_DIGITS: usize = 24;

/// The digits `d1 d2 … dn` (values 0–9) and exponent of `0.d1d2…dn × 10^dec_exp`.
struct JavaDigits {
    neg: bool,
    digits: [u8; MAX_DIGITS],
    len: usize,
    dec_exp: i32,
}

impl JavaDigits {
    fn push(&mut self, d: i64) {
        if self.len < MAX_DIGITS {
            self.digits[self.len] = d.clamp(0, 9) as u8;
            self.len += 1;
        }
    }

    /// Adds one to the last digit (FloatingDecimal.roundup): a carry out of all nines becomes
    /// "1" followed by zeros, with the digit count kept.
    fn round_up(&mut self) {
        let mut i = self.len - 1;
        while self.digits[i] == 9 && i > 0 {
            self.digits[i] = 0;
            i -= 1;
        }
        if self.digits[i] == 9 {
            self.dec_exp += 1;
            self.digits[0] = 1;
        } else {
            self.digits[i] += 1;
        }
    }
}

/// ceil(log2(5^i)) for i < 27, as FloatingDecimal tabulates it (3i beyond).
const N_5_BITS: [i32; 27] =
    [0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61];

fn n5_bits(i: i32) -> i32 {
    if (0..27).contains(&i) {
        N_5_BITS[i as usize]
    } else {
        i * 3
    }
}

/// Digits of a finite non-zero double.
fn java_digits(x: f64) -> JavaDigits {
    let bits = x.to_bits();
    let neg = bits >> 63 != 0;
    let mut fract = bits & ((1u64 << 52) - 1);
    let mut bin_exp = ((bits >> 52) & 0x7ff) as i32;
    let n_sig_bits;
    if bin_exp == 0 {
        let lz = fract.leading_zeros() as i32;
        let shift = lz - 11;
        fract <<= shift;
        bin_exp = 1 - shift;
        n_sig_bits = 64 - lz;
    } else {
        fract |= 1u64 << 52;
        n_sig_bits = 53;
    }
    bin_exp -= 1023;
    let mut out = JavaDigits { neg, digits: [0; MAX_DIGITS], len: 0, dec_exp: 0 };
    dtoa(&mut out, bin_exp, fract, n_sig_bits);
    out
}

fn dtoa(out: &mut JavaDigits, bin_exp: i32, fract: u64, n_sig_bits: i32) {
    let tail_zeros = fract.trailing_zeros() as i32;
    let n_fract_bits = 53 - tail_zeros;
    let n_tiny_bits = (n_fract_bits - bin_exp - 1).max(0);
    if (-21..=62).contains(&bin_exp) && n_tiny_bits == 0 {
        // An integer below 2^63: its digits, the lowest ones rounded off above 2^54.
        let insignificant =
            if bin_exp > n_sig_bits { insignificant_digits_for_pow2(bin_exp - n_sig_bits - 1) } else { 0 };
        let v = if bin_exp >= 52 { fract << (bin_exp - 52) } else { fract >> (52 - bin_exp) };
        develop_long_digits(out, v, insignificant);
        return;
    }
    let mut dec_exp = estimate_dec_exp(fract, bin_exp);
    let b5 = (-dec_exp).max(0);
    let mut b2 = b5 + n_tiny_bits + bin_exp;
    let s5 = dec_exp.max(0);
    let mut s2 = s5 + n_tiny_bits;
    let m5 = b5;
    let mut m2 = b2 - n_sig_bits;
    let fract = fract >> tail_zeros;
    b2 -= n_fract_bits - 1;
    let common = b2.min(s2);
    b2 -= common;
    s2 -= common;
    m2 -= common;
    if n_fract_bits == 1 {
        m2 -= 1; // FloatingDecimal's power-of-two "hack"
    }
    if m2 < 0 {
        b2 -= m2;
        s2 -= m2;
        m2 = 0;
    }
    let b_bits = n_fract_bits + b2 + n5_bits(b5);
    let ten_s_bits = s2 + 1 + n5_bits(s5 + 1);
    // E-form output needs at least two digits: the first stop test is ignored there.
    let forced = |dec_exp: i32| !(-3..8).contains(&dec_exp);
    let (high, low, low_digit_difference);
    if b_bits < 32 && ten_s_bits < 32 {
        // int arithmetic, wrapping as Java's does
        let mut b = (fract as i32).wrapping_mul(pow5_i32(b5)).wrapping_shl(b2 as u32);
        let s = pow5_i32(s5).wrapping_shl(s2 as u32).max(1);
        let mut m = pow5_i32(m5).wrapping_shl(m2 as u32);
        let tens = s.wrapping_mul(10);
        let q = b / s;
        b = (b % s).wrapping_mul(10);
        m = m.wrapping_mul(10);
        let mut lo = b < m;
        let mut hi = b.wrapping_add(m) > tens;
        if q == 0 && !hi {
            dec_exp -= 1;
        } else {
            out.push(q as i64);
        }
        if forced(dec_exp) {
            hi = false;
            lo = false;
        }
        while !lo && !hi && out.len < MAX_DIGITS {
            let q = b / s;
            b = (b % s).wrapping_mul(10);
            m = m.wrapping_mul(10);
            if m > 0 {
                lo = b < m;
                hi = b.wrapping_add(m) > tens;
            } else {
                lo = true;
                hi = true;
            }
            out.push(q as i64);
        }
        high = hi;
        low = lo;
        low_digit_difference = b.wrapping_shl(1).wrapping_sub(tens) as i64;
    } else if b_bits < 64 && ten_s_bits < 64 {
        // long arithmetic, wrapping as Java's does
        let mut b = (fract as i64).wrapping_mul(pow5_i64(b5)).wrapping_shl(b2 as u32);
        let s = pow5_i64(s5).wrapping_shl(s2 as u32).max(1);
        let mut m = pow5_i64(m5).wrapping_shl(m2 as u32);
        let tens = s.wrapping_mul(10);
        let q = b / s;
        b = (b % s).wrapping_mul(10);
        m = m.wrapping_mul(10);
        let mut lo = b < m;
        let mut hi = b.wrapping_add(m) > tens;
        if q == 0 && !hi {
            dec_exp -= 1;
        } else {
            out.push(q);
        }
        if forced(dec_exp) {
            hi = false;
            lo = false;
        }
        while !lo && !hi && out.len < MAX_DIGITS {
            let q = b / s;
            b = (b % s).wrapping_mul(10);
            m = m.wrapping_mul(10);
            if m > 0 {
                lo = b < m;
                hi = b.wrapping_add(m) > tens;
            } else {
                lo = true;
                hi = true;
            }
            out.push(q);
        }
        high = hi;
        low = lo;
        low_digit_difference = b.wrapping_shl(1).wrapping_sub(tens);
    } else {
        // big integers, exact; note the ">=" in the high test, unlike the int/long paths
        let mut s = Big::<DTOA_LIMBS>::from_u128(1);
        s.mul_pow5(s5 as u32);
        s.shl(s2 as u32);
        let mut b = Big::<DTOA_LIMBS>::from_u128(fract as u128);
        b.mul_pow5(b5 as u32);
        b.shl(b2 as u32);
        let mut m = Big::<DTOA_LIMBS>::from_u128(10);
        m.mul_pow5(m5 as u32);
        m.shl(m2 as u32);
        let mut ten_s = s.clone();
        ten_s.mul_u64(10);
        let q = b.quo_rem_iteration(&s);
        let mut lo = b.cmp(&m) == Ordering::Less;
        let mut hi = ten_s.cmp(&b.plus(&m)) != Ordering::Greater;
        if q == 0 && !hi {
            dec_exp -= 1;
        } else {
            out.push(q as i64);
        }
        if forced(dec_exp) {
            hi = false;
            lo = false;
        }
        while !lo && !hi && out.len < MAX_DIGITS {
            let q = b.quo_rem_iteration(&s);
            m.mul_u64(10);
            lo = b.cmp(&m) == Ordering::Less;
            hi = ten_s.cmp(&b.plus(&m)) != Ordering::Greater;
            out.push(q as i64);
        }
        high = hi;
        low = lo;
        low_digit_difference = if hi && lo {
            b.shl(1);
            match b.cmp(&ten_s) {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            }
        } else {
            0
        };
    }
    out.dec_exp = dec_exp + 1;
    if out.len == 0 {
        out.push(0);
    }
    if high {
        if low {
            if low_digit_difference == 0 {
                if out.digits[out.len - 1] & 1 != 0 {
                    out.round_up();
                }
            } else if low_digit_difference > 0 {
                out.round_up();
            }
        } else {
            out.round_up();
        }
    }
}

fn pow5_i32(k: i32) -> i32 {
    (0..k).fold(1i32, |acc, _| acc.wrapping_mul(5))
}

fn pow5_i64(k: i32) -> i64 {
    (0..k).fold(1i64, |acc, _| acc.wrapping_mul(5))
}

/// floor(log10(2^p2)) for 1 < p2 < 64, else 0 (FloatingDecimal.insignificantDigitsForPow2).
fn insignificant_digits_for_pow2(p2: i32) -> u32 {
    if p2 > 1 && p2 < 64 {
        num_digits(1u128 << p2) - 1
    } else {
        0
    }
}

/// FloatingDecimal.developLongDigits(0, v, insignificant) for 0 < v < 2^63.
fn develop_long_digits(out: &mut JavaDigits, v: u64, insignificant: u32) {
    let mut v = v;
    let mut dec_exp = 0i32;
    if insignificant != 0 {
        let p = 10u64.pow(insignificant);
        let residue = v % p;
        v /= p;
        dec_exp += insignificant as i32;
        if residue >= p / 2 {
            v += 1;
        }
    }
    let (stripped, zeros) = strip_zeros(v as u128);
    let v = stripped as u64;
    dec_exp += zeros as i32;
    let nd = num_digits(v as u128);
    for i in (0..nd).rev() {
        out.push(((v / 10u64.pow(i)) % 10) as i64);
    }
    out.dec_exp = dec_exp + nd as i32;
}

/// FloatingDecimal.estimateDecExp: floor(log10(x)) estimated in double arithmetic, with the
/// JDK's own constants (`0.301029995663981` is its literal, not `LOG10_2`).
#[allow(clippy::approx_constant)]
fn estimate_dec_exp(fract: u64, bin_exp: i32) -> i32 {
    const SIGNIF: u64 = (1u64 << 52) - 1;
    let d2 = f64::from_bits((1023u64 << 52) | (fract & SIGNIF));
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + bin_exp as f64 * 0.301029995663981;
    let d_bits = d.to_bits();
    let exponent = ((d_bits >> 52) & 0x7ff) as i32 - 1023;
    let is_neg = d_bits >> 63 != 0;
    if (0..52).contains(&exponent) {
        let mask = SIGNIF >> exponent;
        let r = (((d_bits & SIGNIF) | (1u64 << 52)) >> (52 - exponent)) as i32;
        if is_neg {
            if mask & d_bits == 0 {
                -r
            } else {
                -r - 1
            }
        } else {
            r
        }
    } else if exponent < 0 {
        if d_bits & !(1u64 << 63) == 0 || !is_neg {
            0
        } else {
            -1
        }
    } else {
        d as i32
    }
}

// ------------------------------------------------------------------------------------------------
// A fixed-capacity unsigned big integer (base 2^32, little endian), no heap allocation
// ------------------------------------------------------------------------------------------------

/// Capacity for `%`: 80 limbs = 2560 bits (770 decimal digits), more than the remainder of
/// 1.8e308 by 4.9e-324 needs (about 680 digits).
const REM_LIMBS: usize = 80;
/// Capacity for `Double.toString`: 40 limbs = 1280 bits; the scaled values stay below 1000 bits.
const DTOA_LIMBS: usize = 40;

/// Growth past the capacity `N` is dropped, never a panic; the callers stay well inside it.
#[derive(Clone)]
struct Big<const N: usize> {
    len: usize,
    limbs: [u32; N],
}

impl<const N: usize> Big<N> {
    fn from_u128(mut v: u128) -> Self {
        let mut b = Big { len: 0, limbs: [0; N] };
        while v != 0 {
            b.limbs[b.len] = v as u32;
            b.len += 1;
            v >>= 32;
        }
        b
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn mul_u64(&mut self, m: u64) {
        if m == 0 {
            self.len = 0;
            return;
        }
        let mut carry: u128 = 0;
        for limb in &mut self.limbs[..self.len] {
            let t = *limb as u128 * m as u128 + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        while carry != 0 && self.len < N {
            self.limbs[self.len] = carry as u32;
            self.len += 1;
            carry >>= 32;
        }
    }

    fn mul_pow5(&mut self, mut k: u32) {
        const POW5_27: u64 = 7_450_580_596_923_828_125;
        while k >= 27 {
            self.mul_u64(POW5_27);
            k -= 27;
        }
        if k > 0 {
            self.mul_u64(5u64.pow(k));
        }
    }

    fn mul_pow10(&mut self, k: u32) {
        self.mul_pow5(k);
        self.shl(k);
    }

    fn shl(&mut self, bits: u32) {
        if self.is_zero() || bits == 0 {
            return;
        }
        let words = (bits / 32) as usize;
        let b = bits % 32;
        let new_len = (self.len + words + 1).min(N);
        let mut out = [0u32; N];
        for i in 0..self.len {
            let j = i + words;
            if j >= N {
                break;
            }
            let v = (self.limbs[i] as u64) << b;
            out[j] |= v as u32;
            if j + 1 < N {
                out[j + 1] |= (v >> 32) as u32;
            }
        }
        self.limbs = out;
        self.len = new_len;
        self.trim();
    }

    fn add_small(&mut self, v: u32) {
        let mut carry = v as u64;
        let mut i = 0;
        while carry != 0 {
            if i == self.len {
                if self.len == N {
                    return;
                }
                self.limbs[self.len] = 0;
                self.len += 1;
            }
            let t = self.limbs[i] as u64 + carry;
            self.limbs[i] = t as u32;
            carry = t >> 32;
            i += 1;
        }
    }

    fn plus(&self, o: &Self) -> Self {
        let mut r = self.clone();
        let n = self.len.max(o.len);
        let mut carry = 0u64;
        for i in 0..n {
            let t = r.limbs[i] as u64 + if i < o.len { o.limbs[i] as u64 } else { 0 } + carry;
            r.limbs[i] = t as u32;
            carry = t >> 32;
        }
        r.len = n;
        if carry != 0 && n < N {
            r.limbs[n] = carry as u32;
            r.len += 1;
        }
        r
    }

    /// `self -= o`, requires `self >= o`.
    fn sub_assign(&mut self, o: &Self) {
        let mut borrow = 0i64;
        for i in 0..self.len {
            let t = self.limbs[i] as i64 - if i < o.len { o.limbs[i] as i64 } else { 0 } - borrow;
            if t < 0 {
                self.limbs[i] = (t + (1i64 << 32)) as u32;
                borrow = 1;
            } else {
                self.limbs[i] = t as u32;
                borrow = 0;
            }
        }
        self.trim();
    }

    fn cmp(&self, o: &Self) -> Ordering {
        if self.len != o.len {
            return self.len.cmp(&o.len);
        }
        for i in (0..self.len).rev() {
            match self.limbs[i].cmp(&o.limbs[i]) {
                Ordering::Equal => {}
                other => return other,
            }
        }
        Ordering::Equal
    }

    /// Divides in place by `d > 0`, returns the remainder.
    fn divrem_u64(&mut self, d: u64) -> u64 {
        let d = d as u128;
        let mut rem: u128 = 0;
        for i in (0..self.len).rev() {
            let cur = (rem << 32) | self.limbs[i] as u128;
            self.limbs[i] = (cur / d) as u32;
            rem = cur % d;
        }
        self.trim();
        rem as u64
    }

    /// `q = self / s; self = 10 * (self % s)`, for `self < 10 * s`.
    fn quo_rem_iteration(&mut self, s: &Self) -> u32 {
        let mut q = 0;
        while q < 20 && self.cmp(s) != Ordering::Less {
            self.sub_assign(s);
            q += 1;
        }
        self.mul_u64(10);
        q
    }

    /// `self >= 10^k`.
    fn ge_pow10(&self, k: u32) -> bool {
        let mut p = Self::from_u128(1);
        p.mul_pow10(k);
        self.cmp(&p) != Ordering::Less
    }
}

impl Big<REM_LIMBS> {
    /// Decimal digits (ASCII, most significant first) into `out`; returns how many.
    fn write_decimal(&self, out: &mut [u8]) -> usize {
        if self.is_zero() {
            if let Some(first) = out.first_mut() {
                *first = b'0';
                return 1;
            }
            return 0;
        }
        // base 10^9 chunks, least significant first
        let mut chunks = [0u32; REM_LIMBS * 32 / 29 + 2];
        let mut nc = 0;
        let mut tmp = self.clone();
        while !tmp.is_zero() && nc < chunks.len() {
            chunks[nc] = tmp.divrem_u64(1_000_000_000) as u32;
            nc += 1;
        }
        let mut n = 0;
        for ci in (0..nc).rev() {
            let mut d = [b'0'; 9];
            let mut v = chunks[ci];
            for slot in d.iter_mut().rev() {
                *slot = b'0' + (v % 10) as u8;
                v /= 10;
            }
            let start = if ci == nc - 1 { d.iter().position(|&c| c != b'0').unwrap_or(8) } else { 0 };
            for &c in &d[start..] {
                if n < out.len() {
                    out[n] = c;
                    n += 1;
                }
            }
        }
        n
    }
}

/// `±mag × 10^exp` to the nearest double.
fn big_to_f64(neg: bool, mag: &Big<REM_LIMBS>, exp: i64) -> f64 {
    if mag.is_zero() {
        return 0.0;
    }
    let mut buf = TextBuf::<{ REM_LIMBS * 10 + 16 }>::new();
    if neg {
        buf.push(b'-');
    }
    let mut digits = [0u8; REM_LIMBS * 10];
    let n = mag.write_decimal(&mut digits);
    for &d in &digits[..n] {
        buf.push(d);
    }
    buf.push(b'e');
    buf.push_i64(exp.clamp(-100_000, 100_000));
    buf.parse_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(x: f64) -> u64 {
        x.to_bits()
    }

    /// Same double, NaNs counting as equal whatever their payload.
    fn same(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
    }

    #[track_caller]
    fn check(actual: f64, expected: f64) {
        assert!(same(actual, expected), "got {actual:?} ({}), want {expected:?} ({})", bits(actual), bits(expected));
    }

    fn s(x: f64) -> String {
        jvm_double_to_string(x)
    }

    // ---- §2.5 arithmetic ------------------------------------------------------------------

    #[test]
    fn decimal_addition_gives_point_three_for_point_one_plus_point_two() {
        check(add(0.1, 0.2), 0.3);
        assert_eq!(s(add(0.1, 0.2)), "0.3");
    }

    #[test]
    fn decimal_multiplication_and_subtraction_avoid_binary_noise() {
        check(mul(1.1, 3.0), 3.3);
        check(sub(2.6, 2.0), 0.6);
        check(sub(1.3, 1.0), 0.3); // vector 330 (IEEE: 0.30000000000000004)
        check(sub(1.3, add(1.0, 1.0)), -0.7); // vector 331
    }

    #[test]
    fn division_rounds_to_sixteen_significant_digits() {
        check(div(10.0, 3.0), 3.333333333333333);
        check(div(1.0, 3.0), 0.3333333333333333);
        assert_eq!(s(div(10.0, 3.0)), "3.333333333333333");
        // The engine gives 1.333333333333333 for 4/3 (the spec's 1.3333333333333333 is the
        // IEEE quotient, not what bignum computes).
        check(div(4.0, 3.0), 1.333333333333333);
        check(div(2.0, mul(3.0, 3.0)), 0.2222222222222222); // `2/3*3` groups as 2/(3*3)
        check(div(10.0, mul(2.0, 5.0)), 1.0); // `10/2*5`
    }

    #[test]
    fn division_with_a_sixteen_digit_quotient_rounds_on_the_remainders_leading_digit() {
        // 1e16 / 7 = 1428571428571428 remainder 4: bignum keeps …428 where half-up gives …429.
        check(div(1.0, 7.0), 0.1428571428571428);
        assert_eq!(s(div(1.0, 7.0)), "0.1428571428571428");
        // remainder 8 of 9: rounds up, as it should
        check(div(8.999999999999999, 0.9), 9.999999999999998);
    }

    #[test]
    fn division_by_zero_and_special_operands_use_ieee() {
        check(div(1.0, 0.0), f64::INFINITY);
        check(div(1.0, -0.0), f64::NEG_INFINITY);
        check(div(-1.0, 0.0), f64::NEG_INFINITY);
        assert!(div(0.0, 0.0).is_nan());
        check(add(80.0, div(4.0, 0.0)), f64::INFINITY); // vector 338
        check(div(1.0, sub(1.0, 1.0)), f64::INFINITY); // vector 337
        check(div(f64::INFINITY, 2.0), f64::INFINITY);
        assert!(add(f64::NAN, 1.0).is_nan());
        check(add(f64::INFINITY, f64::NEG_INFINITY), f64::INFINITY + f64::NEG_INFINITY);
    }

    #[test]
    fn zero_results_are_positive_zero_unlike_ieee() {
        assert_eq!(bits(add(-0.0, -0.0)), 0);
        assert_eq!(bits(mul(-1.0, 0.0)), 0);
        assert_eq!(bits(div(0.0, -5.0)), 0);
        assert_eq!(bits(sub(2.5, 2.5)), 0);
        assert_eq!(bits(rem(-0.0, 5.0)), 0);
        // an underflowing product keeps its sign, as Double.parseDouble("-1.0E-400") does
        assert_eq!(bits(mul(-1e-200, 1e-200)), bits(-0.0));
    }

    #[test]
    fn operands_far_apart_round_like_the_exact_sum() {
        check(add(1e300, 1e-300), 1e300);
        check(sub(1.0, 1e-300), 1.0);
        check(add(1.0, 1e-15), 1.000000000000001);
        check(sub(1e16, 1e-300), 1e16);
        check(add(f64::MAX, f64::MAX), f64::INFINITY);
        check(sub(-f64::MAX, f64::MAX), f64::NEG_INFINITY);
        check(add(5e-324, 5e-324), 1e-323);
    }

    #[test]
    fn largest_double_overflows_once_rounded_to_sixteen_digits() {
        // 1.7976931348623157E308 becomes 1.797693134862316E308, beyond the double range
        check(add(f64::MAX, 0.0), f64::INFINITY);
        check(mul(f64::MAX, 1.0), f64::INFINITY);
        check(sub(f64::MIN, 0.0), f64::NEG_INFINITY);
        check(add(1.797693134862315e308, 0.0), 1.797693134862315e308);
    }

    #[test]
    fn operands_are_rounded_to_sixteen_digits_before_the_operation() {
        // 1.0000000000000002 is 1.000000000000000 at 16 digits
        check(add(1.0000000000000002, 0.0), 1.0);
        check(mul(1.0000000000000002, 1.0), 1.0);
        check(pow(1.0000000000000002, 1.0), 1.0);
    }

    // ---- §2.5 remainder (bignum 0.3.10 defect) ---------------------------------------------

    #[test]
    fn ten_mod_three_is_point_one_as_upstream() {
        check(rem(10.0, 3.0), 0.1);
        assert_eq!(to_display_string(rem(10.0, 3.0)), "0.1");
    }

    #[test]
    fn remainder_examples_from_the_spec() {
        check(rem(100.0, 7.0), 0.6);
        check(rem(13.0, 5.0), 0.0);
        check(rem(10.0, 4.0), 0.0);
        check(rem(5.0, 2.0), 1.0);
        check(rem(99.0, 5.0), 4.0);
        check(rem(7.0, -5.0), -3.0);
        check(rem(-7.0, 3.0), 2.0);
        check(rem(-10.0, 5.0), 0.0);
        check(rem(2.6, 2.0), 0.6);
        check(rem(5.5, 2.0), 1.5);
        check(rem(0.5, 0.3), 0.5);
        check(rem(2.0, -5.0), 2.0);
        check(rem(1.4, 2.0), 1.4);
    }

    #[test]
    fn modulus_vectors_from_expression_parser() {
        assert!(rem(1.0, 0.0).is_nan()); // 115
        check(rem(0.0, 1.0), 0.0); // 116
        check(rem(0.0, 10.0), 0.0); // 117
        check(rem(10.0, 5.0), 0.0); // 118
        check(rem(2.0, 5.0), 2.0); // 119
        check(rem(5.0, 2.0), 1.0); // 120
        check(rem(-10.0, 5.0), 0.0); // 121
        check(rem(10.0, -5.0), 0.0); // 122
        check(rem(2.0, -5.0), 2.0); // 123
        check(rem(7.0, -5.0), -3.0); // 124
        check(rem(1.0, 2.0), 1.0); // 361
        check(rem(1.4, add(1.0, 1.0)), 1.4); // 363
        assert!(rem(1.0, sub(1.0, 1.0)).is_nan()); // 364
        assert_eq!(to_display_string(rem(2.6, 2.0)), "0.6"); // engine 547
    }

    #[test]
    fn negative_remainder_floors_only_on_the_dropped_digit() {
        // quotient -2.05 has the dropped digit 0, so no FLOOR step: -4.1 - (-2)*2
        check(rem(-4.1, 2.0), -0.1);
    }

    #[test]
    fn negative_remainder_crossing_a_power_of_ten_loses_a_factor_ten() {
        // FLOOR turns quotient -9 into -10 without moving the exponent: quotient -1
        check(rem(-9.95, 1.0), -8.95);
    }

    #[test]
    fn remainder_quotient_depends_on_the_divisors_trailing_zeros() {
        // "-20.0" is the significand 20: the dividend keeps one more digit than for 2
        check(rem(172032.216873, -20.0), -1.783127);
        check(rem(60360.842, -80.0), -7.158);
    }

    #[test]
    fn remainder_of_extreme_operands_is_exact_and_does_not_panic() {
        // bignum's quotient then has over 600 digits
        let r = rem(f64::MAX, 5e-324);
        assert!(r.is_finite());
        check(rem(1e300, 7.0), rem(1e300, 7.0));
        check(rem(5e-324, f64::MAX), 5e-324); // |a| < 1 comes back unchanged
        check(rem(-f64::MAX, -f64::MAX), 0.0);
        assert!(rem(f64::INFINITY, 2.0).is_nan());
        check(rem(3.0, f64::INFINITY), 3.0);
    }

    // ---- §2.5 power ------------------------------------------------------------------------

    #[test]
    fn fractional_exponents_truncate_toward_zero() {
        check(pow(4.0, 0.5), 1.0);
        check(pow(2.5, 2.9), 6.25);
        check(pow(2.0, -2.9), 0.25);
    }

    #[test]
    fn power_vectors_from_expression_parser() {
        check(pow(1.0, 10.0), 1.0); // 349
        check(pow(5.0, 2.0), 25.0); // 350
        check(pow(1.4, add(1.0, 1.0)), 1.96); // 351
        check(pow(1.4, sub(1.0, 1.0)), 1.0); // 352
        check(pow(2.0, 2.0), 4.0); // 353
        check(pow(2.0, -2.0), 0.25); // 354
        check(pow(2.0, -(-2.0)), 4.0); // 355
        check(pow(pow(2.0, 2.0), 2.0), 16.0); // 356, left associative
        check(pow(-3.0, 2.0), 9.0); // 357
        check(pow(-3.0, 3.0), -27.0); // 358
        check(-pow(3.0, 3.0), -27.0); // 359
        check(-pow(3.0, 2.0), -9.0); // 360
    }

    #[test]
    fn grouping_examples_compute_as_the_jvm() {
        // 1+2*-3^9*4*5+6 = 1 + (((2 * -(3^9)) * 4) * 5) + 6   (vector 366)
        let t = mul(mul(mul(2.0, -pow(3.0, 9.0)), 4.0), 5.0);
        check(add(add(1.0, t), 6.0), -787313.0);
        // (1+2)*-3^(9*4)*5+6   (vector 365): 3^36 multiplied out at 16 digits
        let t = mul(mul(add(1.0, 2.0), -pow(3.0, mul(9.0, 4.0))), 5.0);
        let r = add(t, 6.0);
        check(r, -2.251419529454987e18);
        assert_eq!(s(r), "-2.25141952945498701E18");
        assert_eq!(to_display_string(r), "-2147483648");
    }

    #[test]
    fn power_rounds_at_every_multiplication() {
        check(pow(1.1, 10.0), 2.5937424601);
        let p = pow(3.0, 36.0); // 150094635296999121 at 16 digits
        check(p, f64::from_bits(0x4380_a9f2_345c_8e36));
        assert_eq!(s(p), "1.50094635296999104E17");
        check(pow(0.1, -3.0), 1000.0);
        check(pow(7.1, 14.0), 827212106955.7036); // 7.1^14 rounded once: …7033
        check(pow(1.1, 18.0), 5.559917313492232); // rounded once: …231
    }

    #[test]
    fn zero_to_a_negative_power_is_an_error_on_the_jvm() {
        assert_eq!(try_pow(0.0, -1.0), Err(NumberError::ZeroToNegativePower));
        assert_eq!(try_pow(-0.0, -0.5), Ok(1.0)); // -0.5 truncates to 0
        assert!(pow(0.0, -3.0).is_nan());
        check(pow(0.0, 5.0), 0.0);
        check(pow(0.0, 0.0), 1.0);
        assert_eq!(NumberError::ZeroToNegativePower.to_string(), "zero cannot be raised to a negative power.");
    }

    #[test]
    fn huge_exponents_finish_quickly_with_the_jvms_answer() {
        check(pow(2.0, 2000.0), f64::INFINITY);
        check(pow(0.5, 2000.0), 0.0);
        check(pow(-0.5, -2001.0), f64::NEG_INFINITY);
        check(pow(2.0, 2147483647.0), f64::INFINITY);
        check(pow(2.0, 1e300), f64::INFINITY); // toInt() saturates
        check(pow(0.5, 2147483647.0), 0.0);
        check(pow(-2.0, -2147483648.0), 0.0);
        check(pow(-1.0, 2147483647.0), -1.0);
        check(pow(-1.0, -2147483648.0), 1.0);
        check(pow(1.0000000000000002, 1e6), 1.0);
        check(pow(-1.0, 1000001.0), -1.0);
        // values the JVM computed (1,000,000 steps)
        check(pow(1.0001, 1000000.0), f64::from_bits(0x48f330ab10a4674d));
        check(pow(1.00001, 1048576.0), f64::from_bits(0x40e17b050a291810));
    }

    #[test]
    fn special_operands_of_power_follow_math_pow() {
        check(pow(f64::NAN, 0.0), 1.0);
        assert!(pow(1.0, f64::NAN).is_nan()); // C's pow says 1, Java's NaN
        assert!(pow(-1.0, f64::INFINITY).is_nan());
        assert!(pow(1.0, f64::NEG_INFINITY).is_nan());
        check(pow(2.0, f64::INFINITY), f64::INFINITY);
        check(pow(0.5, f64::INFINITY), 0.0);
        check(pow(2.0, f64::NEG_INFINITY), 0.0);
        check(pow(0.5, f64::NEG_INFINITY), f64::INFINITY);
        check(pow(f64::INFINITY, -1.0), 0.0);
        check(pow(f64::NEG_INFINITY, 3.0), f64::NEG_INFINITY);
        check(pow(f64::NEG_INFINITY, 2.0), f64::INFINITY);
        check(pow(f64::NEG_INFINITY, -3.0), -0.0);
        check(pow(f64::NEG_INFINITY, -2.5), 0.0);
        assert!(pow(f64::NAN, 2.0).is_nan());
    }

    // ---- §2.7 d2:round ---------------------------------------------------------------------

    #[test]
    fn round_is_half_away_from_zero_on_the_decimal_digits() {
        let r = |x, p| round(x, p).unwrap();
        check(r(2.5, 0), 3.0);
        check(r(-2.5, 0), -3.0);
        check(r(-1.5, 0), -2.0);
        check(r(1.005, 2), 1.01);
        check(r(2.675, 2), 2.68);
        check(r(0.125, 2), 0.13);
        check(r(-0.125, 2), -0.13);
        check(r(9.995, 2), 10.0);
        check(r(0.045, 1), 0.0);
        check(r(123.456, 5), 123.456);
        check(r(1e300, 2), 1e300);
        check(r(5e-324, 400), 5e-324);
        check(r(0.1, i32::MAX), 0.1);
    }

    #[test]
    fn round_vectors_from_expression_parser() {
        let r = |x, p| round(x, p).unwrap();
        assert!(r(rem(1.0, 0.0), 0).is_nan()); // 155
        assert!(r(div(1.0, 0.0), 0).is_nan()); // 156
        check(r(0.0, 0), 0.0); // 157..162
        check(r(-0.0, 0), 0.0);
        check(r(-1.4, 0), -1.0); // 163
        check(r(-1.5, 0), -2.0); // 164
        check(r(1.4, 0), 1.0); // 165
        check(r(1.4, 2), 1.4); // 166
        check(r(1.456789, 2), 1.46); // 167
        check(r(1.456789, 4), 1.4568); // 168
        assert_eq!(to_display_string(r(2.6, 0)), "3"); // engine 546
    }

    #[test]
    fn round_to_zero_is_positive_zero() {
        assert_eq!(bits(round(-0.4, 0).unwrap()), 0);
        assert_eq!(bits(round(-0.001, 2).unwrap()), 0);
        assert_eq!(bits(round(-0.0, 3).unwrap()), 0);
    }

    #[test]
    fn negative_scale_is_an_error_but_nan_comes_first() {
        assert_eq!(round(1.5, -1), Err(NumberError::NegativeScale));
        assert_eq!(
            NumberError::NegativeScale.to_string(),
            "the number of decimal places to round to must not be negative."
        );
        assert!(round(f64::NAN, -1).unwrap().is_nan());
        assert!(round(f64::INFINITY, 2).unwrap().is_nan());
        assert!(round(f64::NEG_INFINITY, 0).unwrap().is_nan());
    }

    // ---- §2.6 / §2.9 / §2.10 number to text --------------------------------------------------

    #[test]
    fn double_to_string_follows_java_formats() {
        assert_eq!(s(10.0), "10.0");
        assert_eq!(s(0.25), "0.25");
        assert_eq!(s(0.6), "0.6");
        assert_eq!(s(1e-4), "1.0E-4");
        assert_eq!(s(0.001), "0.001");
        assert_eq!(s(1.23456789e7), "1.23456789E7");
        assert_eq!(s(12345678.9), "1.23456789E7");
        assert_eq!(s(9999999.0), "9999999.0");
        assert_eq!(s(1e7), "1.0E7");
        assert_eq!(s(-1.5e-10), "-1.5E-10");
        assert_eq!(s(1e21), "1.0E21");
        assert_eq!(s(f64::MAX), "1.7976931348623157E308");
        assert_eq!(s(f64::MIN_POSITIVE), "2.2250738585072014E-308");
        assert_eq!(s(f64::NAN), "NaN");
        assert_eq!(s(f64::INFINITY), "Infinity");
        assert_eq!(s(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(s(0.0), "0.0");
        assert_eq!(s(-0.0), "-0.0");
    }

    #[test]
    fn double_to_string_keeps_the_old_jdk_digits_where_they_are_not_shortest() {
        // FloatingDecimal (JDK <= 18, Android): not the shortest form for these
        assert_eq!(s(2f64.powi(-24)), "5.9604644775390625E-8");
        assert_eq!(s(5e-324), "4.9E-324");
        assert_eq!(s(2f64.powi(60)), "1.15292150460684698E18");
        assert_eq!(s(2f64.powi(-31)), "4.6566128730773926E-10");
    }

    #[test]
    #[allow(clippy::approx_constant)] // 3.14 is the engine vector's value
    fn display_string_turns_integral_doubles_into_saturated_ints() {
        assert_eq!(to_display_string(4.0), "4");
        assert_eq!(to_display_string(add(2.0, 2.0)), "4"); // engine 520
        assert_eq!(to_display_string(-0.0), "0");
        assert_eq!(to_display_string(1e10), "2147483647");
        assert_eq!(to_display_string(2147483648.0), "2147483647");
        assert_eq!(to_display_string(-1e10), "-2147483648");
        assert_eq!(to_display_string(0.25), "0.25");
        assert_eq!(to_display_string(1e-4), "1.0E-4");
        assert_eq!(to_display_string(3.14), "3.14");
        assert_eq!(to_display_string(12345678.9), "1.23456789E7");
        assert_eq!(to_display_string(f64::NAN), "NaN");
        assert_eq!(to_display_string(f64::INFINITY), "Infinity");
        assert_eq!(to_display_string(f64::NEG_INFINITY), "-Infinity");
    }

    // ---- §2.6 text to number -----------------------------------------------------------------

    #[test]
    fn parse_accepts_what_double_parse_double_accepts() {
        assert_eq!(parse_jvm_double(" 12.5 "), Some(12.5));
        assert_eq!(parse_jvm_double("\t\n1e5\r"), Some(1e5));
        assert_eq!(parse_jvm_double("1d"), Some(1.0));
        assert_eq!(parse_jvm_double("1f"), Some(1.0));
        assert_eq!(parse_jvm_double("0x1p3"), Some(8.0));
        assert_eq!(parse_jvm_double("-0x1.8p1"), Some(-3.0));
        assert!(parse_jvm_double("NaN").unwrap().is_nan());
        assert_eq!(parse_jvm_double("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_jvm_double("5."), Some(5.0));
        assert_eq!(parse_jvm_double(".5"), Some(0.5));
        assert_eq!(bits(parse_jvm_double("-0").unwrap()), bits(-0.0));
        assert_eq!(parse_jvm_double("1e400"), Some(f64::INFINITY));
    }

    #[test]
    fn parse_rejects_what_java_rejects() {
        for bad in [
            "", " ", "abc", "1,5", "1_000", "nan", "inf", "infinity", "1e", "e5", ".", "+", "0x1", "1.2.3", "1ff",
            "\u{a0}1", "１",
        ] {
            assert_eq!(parse_jvm_double(bad), None, "{bad:?}");
        }
    }

    // ---- JVM oracle cases ----------------------------------------------------------------------
    // Answers of expression-parser 1.3.0's BinaryOperator / d2_round on bignum-jvm 0.3.10, and of
    // Double.toString / Double.parseDouble, on OpenJDK 17 (same arithmetic code as 1.4.1).

    fn f(b: u64) -> f64 {
        f64::from_bits(b)
    }

    #[test]
    fn arithmetic_matches_jvm_oracle_cases() {
        for &(op, a, b, want, text) in ARITH {
            let got = match op {
                "add" => add(f(a), f(b)),
                "sub" => sub(f(a), f(b)),
                "mul" => mul(f(a), f(b)),
                "div" => div(f(a), f(b)),
                "rem" => rem(f(a), f(b)),
                _ => pow(f(a), f(b)),
            };
            assert!(same(got, f(want)), "{op}({:?}, {:?}) = {got:?}, JVM {text}", f(a), f(b));
            assert_eq!(s(got), text, "{op}({:?}, {:?})", f(a), f(b));
        }
    }

    #[test]
    fn round_matches_jvm_oracle_cases() {
        for &(x, places, want) in ROUND {
            let got = round(f(x), places).unwrap();
            assert!(same(got, f(want)), "round({:?}, {places}) = {got:?}, JVM {:?}", f(x), f(want));
        }
    }

    #[test]
    fn to_string_matches_jvm_oracle_cases() {
        for &(x, want) in TO_STRING {
            assert_eq!(s(f(x)), want, "{:?}", f(x));
        }
    }

    #[test]
    fn parse_matches_jvm_oracle_cases() {
        for &(text, want) in PARSE {
            let got = parse_jvm_double(text).map(bits);
            match (got, want) {
                (Some(g), Some(w)) => assert!(same(f(g), f(w)), "{text:?}: {:?} vs JVM {:?}", f(g), f(w)),
                _ => assert_eq!(got, want, "{text:?}"),
            }
        }
    }

    // ---- properties over seeded random doubles -------------------------------------------------

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            // xorshift64*
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn double(&mut self) -> f64 {
            let k = self.next() % 10;
            let r = self.next();
            match k {
                0..=2 => f64::from_bits(r),
                3..=5 => {
                    let scale = 10f64.powi((self.next() % 8) as i32);
                    let sign = if r & 1 == 0 { 1.0 } else { -1.0 };
                    sign * ((r >> 1) % 100_000_000) as f64 / scale
                }
                6 | 7 => {
                    let e = 1023 - 40 + (self.next() % 80);
                    f64::from_bits((r & 0x800F_FFFF_FFFF_FFFF) | (e << 52))
                }
                _ => {
                    const SPECIAL: [f64; 14] = [
                        0.0,
                        -0.0,
                        f64::NAN,
                        f64::INFINITY,
                        f64::NEG_INFINITY,
                        f64::MAX,
                        f64::MIN,
                        f64::MIN_POSITIVE,
                        5e-324,
                        1.0,
                        -1.0,
                        0.1,
                        1e16,
                        9007199254740993.0,
                    ];
                    SPECIAL[(r % SPECIAL.len() as u64) as usize]
                }
            }
        }
    }

    #[test]
    fn random_doubles_never_panic_and_keep_the_algebraic_properties() {
        let mut rng = Rng(0x5EED_1234_ABCD_0001);
        for _ in 0..10_000 {
            let (a, b) = (rng.double(), rng.double());
            let sum = add(a, b);
            assert!(same(sum, add(b, a)), "add({a:?}, {b:?}) not commutative");
            let prod = mul(a, b);
            assert!(same(prod, mul(b, a)), "mul({a:?}, {b:?}) not commutative");
            assert!(same(sub(a, b), add(a, -b)), "sub({a:?}, {b:?})");
            let q = div(a, b);
            let r = rem(a, b);
            let _ = round(a, (rng.next() % 20) as i32);
            let _ = to_display_string(r);
            let _ = try_pow(a, ((rng.next() % 41) as f64) - 20.0);
            if !a.is_finite() || !b.is_finite() {
                assert!(same(sum, a + b), "add({a:?}, {b:?})");
                assert!(same(sub(a, b), a - b), "sub({a:?}, {b:?})");
                assert!(same(prod, a * b), "mul({a:?}, {b:?})");
                assert!(same(q, a / b), "div({a:?}, {b:?})");
                assert!(same(r, a % b), "rem({a:?}, {b:?})");
            } else if b == 0.0 {
                assert!(same(q, a / b) && same(r, a % b), "({a:?}, {b:?})");
            } else if a.is_normal() && b.is_normal() {
                // decimal results stay within a few units of the 16th digit of IEEE's (subnormals
                // print with few digits, "4.9E-324", so they are left out)
                let exact = a + b;
                if a.abs().max(b.abs()) < 1e308 {
                    let tol = 2e-15 * a.abs().max(b.abs()) + 1e-300;
                    assert!((sum - exact).abs() <= tol, "add({a:?}, {b:?}) = {sum:?}");
                }
                let exact = a * b;
                if exact.is_normal() && exact.abs() < 1e300 && a.abs().max(b.abs()) < 1e308 {
                    assert!((prod - exact).abs() <= 2e-15 * exact.abs(), "mul({a:?}, {b:?}) = {prod:?}");
                }
            }
        }
    }

    #[test]
    fn java_strings_of_random_doubles_parse_back_to_the_same_double() {
        let mut rng = Rng(0xC0FF_EE00_0000_0042);
        for _ in 0..20_000 {
            let x = rng.double();
            let text = jvm_double_to_string(x);
            let back = parse_jvm_double(&text).unwrap();
            assert!(same(back, x), "{x:?} -> {text} -> {back:?}");
            let display = to_display_string(x);
            if x.is_finite() && x.fract() == 0.0 && x.abs() < 2147483647.0 {
                assert_eq!(display, format!("{}", x as i64));
            } else if !(x.is_finite() && x.fract() == 0.0) {
                assert_eq!(display, text);
            }
        }
    }

    #[test]
    fn rounding_random_doubles_is_close_and_idempotent() {
        let mut rng = Rng(0x0DD_BA11);
        for _ in 0..20_000 {
            let x = rng.double();
            let p = (rng.next() % 12) as i32;
            let r = round(x, p).unwrap();
            if x.is_finite() {
                let unit = 10f64.powi(-p);
                assert!((r - x).abs() <= unit / 2.0 * (1.0 + 1e-9) + x.abs() * 1e-15, "round({x:?}, {p}) = {r:?}");
                assert!(same(round(r, p).unwrap(), r), "round({x:?}, {p}) not idempotent");
            } else {
                assert!(r.is_nan());
            }
        }
    }

    // (op, a bits, b bits, JVM result bits, JVM Double.toString of the result)
    const ARITH: &[(&str, u64, u64, u64, &str)] = &[
        ("add", 0xbba6f53ad5561cb1, 0xfe79600e2aa21f46, 0xfe79600e2aa21f47, "-1.699360158071286E301"),
        ("add", 0x2ad7b74ccf1b04b9, 0x430d45aebfd421d9, 0x430d45aebfd421d8, "1.029923896198203E15"),
        ("add", 0x437b69b4ba630f35, 0xc010666666666666, 0x437b69b4ba630f36, "1.23456789012345696E17"),
        ("add", 0x406c2bdaf8df7a4e, 0x3e440b8d002f7d3c, 0x406c2bdaf8e47d30, "225.3704800093342"),
        ("add", 0xc065600000000000, 0xc16fa323de54e675, 0xc16fa3393e54e677, "-1.65872099478638E7"),
        ("add", 0x2a62cb091569d1e6, 0x7fefffffffffffff, 0x7ff0000000000000, "Infinity"),
        ("add", 0xc317732deb322c80, 0x40536851eb851eb8, 0xc317732deb322b48, "-1.650141380250322E15"),
        ("add", 0x4182140a03fe1e38, 0xc37b638b2c83c52a, 0xc37b638b2c5f9d17, "-1.23348380276085104E17"),
        ("add", 0x10000000000000, 0x45e06d90829cc937, 0x45e06d90829cc937, "4.06737240130192E28"),
        ("add", 0xc33e4c2137fde8a1, 0xc08cffffffffffff, 0xc33e4c2137fdec41, "-8.527954858339393E15"),
        ("add", 0x8fdbd6da9278eada, 0x4082c80000000000, 0x4082c80000000000, "601.0"),
        ("add", 0x450bdfdaf459f98f, 0x4098675a3a0ebf2a, 0x450bdfdaf459f98f, "4.2122654816077E24"),
        ("sub", 0xc033c1b84f12e333, 0x4094a3c05d805290, 0xc094f2c73ebc9e1c, "-1340.694575259352"),
        ("sub", 0x400921f9f01b866e, 0x3fe6666666666666, 0x400388605681ecd5, "2.44159"),
        ("sub", 0xde557abe626c7446, 0x3f73de627da5e27f, 0xde557abe626c7445, "-2.682139865736206E146"),
        ("sub", 0x3dc4938f26d28551, 0x3f6aa458405c3146, 0xbf6aa4583b374d7d, "-0.003252193762571741"),
        ("sub", 0xc263784ad8c2e49a, 0xc3805bf750063c1e, 0x43805bf271f385ec, "1.47350287339797888E17"),
        ("sub", 0x9aa770c04c6b0829, 0xbfbcca1427fe709e, 0x3fbcca1427fe70a1, "0.1124584767953274"),
        ("sub", 0xc010666666666666, 0x7fefffffffffffff, 0xfff0000000000000, "-Infinity"),
        ("sub", 0x4085b00000000000, 0x436bb8ccb6bf0980, 0xc36bb8ccb6bf092a, "-6.2424109999999312E16"),
        ("sub", 0x44b52d02c7e14af6, 0x3e44ac7105e0bcb0, 0x44b52d02c7e14af6, "9.999999999999999E22"),
        ("sub", 0xbd996b5cf115b676, 0xa271acbfe82c0602, 0xbd996b5cf115b676, "-5.779699433416802E-12"),
        ("sub", 0xbf1937df6a5e42ab, 0x4055ad1d53cddd6e, 0xc055ad1ee74bd414, "-86.7050112"),
        ("sub", 0x471ba62fc56e2780, 0x30aa7c339a8ce818, 0x471ba62fc56e2780, "3.589067E34"),
        ("mul", 0x3ff199999999999a, 0x4008000000000000, 0x400a666666666666, "3.3"),
        ("mul", 0x4083780000000000, 0x4870e2e728897183, 0x49048c1845d33d9e, "5.727736044892764E43"),
        ("mul", 0x3f019c295a35ca8d, 0x4394f059ae39eb00, 0x42a70bbcd1746a8a, "1.266958996126927E13"),
        ("mul", 0x401c000000000000, 0x41c480645201791a, 0x41f1f057c7c149f6, "4.815420540080557E9"),
        ("mul", 0x46c82d49b1b6e188, 0x4046800000000000, 0x4720ffd7d0f49693, "4.41329314545E34"),
        ("mul", 0x3fe6666666666666, 0x7fefffffffffffff, 0x7fe6666666666666, "1.258385194403621E308"),
        ("mul", 0x44b52d02c7e14af6, 0xc0d096b0dc5d6388, 0xc595f472d4b8415b, "-1.698676345E27"),
        ("mul", 0xc1879a1aee0a7c64, 0x3c68ac017b1accd0, 0xbe0232719ae448e3, "-5.296037408823332E-10"),
        ("mul", 0x4062600000000000, 0x44b52d02c7e14af6, 0x452851b1318cbc17, "1.47E25"),
        ("mul", 0x2490547d513bd15, 0x411a4c8af5c28f5d, 0x37490238ea86d7a, "5.151474910707065E-292"),
        ("mul", 0xbeb30171cf0e5f4e, 0x44b046993c89475d, 0xc373554e26b10614, "-8.7069099239170368E16"),
        ("mul", 0x436a5d966a0a1400, 0x411e9c9f6b851eb8, 0x449938c89a485fff, "2.977665867135E22"),
        ("div", 0x40d5bb4000000000, 0xbbf49b7fc8d0d33b, 0xc4d0df6a53dbca52, "-3.187165974536186E23"),
        ("div", 0xbec06448b2e883f7, 0xc2a15f083730c000, 0x3c0e32170b19cc94, "2.046137789489465E-19"),
        ("div", 0x4375b200465be06a, 0x42d6374c0eb418fa, 0x408f400000000009, "1000.000000000001"),
        ("div", 0xc1571868dbb1261a, 0xa1ca4fd78d6bb3d3, 0x5f7c168ebaa1db96, "9.194337305285045E151"),
        ("div", 0x87d876e425b2f0eb, 0x4084b775b72bb4c1, 0x8742e4fe6a65827f, "-1.091464252959733E-273"),
        ("div", 0x407ba00000000000, 0x40e029a9096bb98c, 0x3f8b58cb8c682899, "0.0133529569839264"),
        ("div", 0x3c7a131cccaa99bf, 0x3d93b84bda3c04b4, 0x3ed527f02e2a62e8, "5.04398551250875E-6"),
        ("div", 0x42474876e8000000, 0x40f49f9449ba5e35, 0x4142103e74ae97a1, "2367612.911578134"),
        ("div", 0x3fef1d4e1ef1dda8, 0x40b0440000000000, 0x3f2e9b3a66bd3973, "2.335079947166186E-4"),
        ("div", 0x4085380000000000, 0xc5d83df8e2d2cb48, 0xba9c025795ce22ed, "-2.262561033239065E-26"),
        ("div", 0x4290d6bcd9e74ef5, 0x42fa4f8714796b5e, 0x3f847ae147ae147b, "0.01"),
        ("div", 0x31de2ea62c55882d, 0x3fbf8798298990a2, 0x320ea1e8bb85fe49, "1.420276245559721E-67"),
        ("div", 0x427f9855ae12dc6f, 0xbe250258377cb76, 0x768b9ab851a9a784, "1.086536075161129E263"),
        ("div", 0x679767864e2feea1, 0xbef8aec975126e17, 0xe88e57b867522e71, "-4.429970340524749E195"),
        ("div", 0x3c3b7125c69b926a, 0x40bde1145a1cac08, 0x3b6d63c843b8938f, "1.944852136827873E-22"),
        ("div", 0x426c4146d1dab316, 0x43e0d75e6cbc3967, 0x3e7ad7f29abcaf48, "1.0E-7"),
        ("div", 0x440813b3d9d37034, 0x43d342f647dc59c1, 0x4024000000000000, "10.0"),
        ("div", 0x3da2c43703d99e7e, 0x3fcc1c6d1e108c3f, 0x3dc55cd7ec1d14ec, "3.88584698396075E-11"),
        ("div", 0x472d1a1897ca6065, 0x4083800000000000, 0x4697e0e63ae7b18d, "1.210784455128205E32"),
        ("div", 0xc117d140cd013a93, 0xa2fcc3cf3735c664, 0x5e0a7eff3e29bc5e, "1.033926327321449E145"),
        ("div", 0x402e52a176d1ff2e, 0xc3bfdff130d16305, 0xbc5e7120ae16853a, "-6.60103588710545E-18"),
        ("div", 0x3d6faa7ab552a552, 0x40c1e3227bb2fec5, 0x3c9c532e9ab50c77, "9.827184162108182E-17"),
        ("div", 0x3fe0a7ef9db22d0e, 0xc36a72176018cb1b, 0xbc64277b5f1e418c, "-8.740502354240146E-18"),
        ("div", 0x434a0ff8c6099622, 0x43b45c7a5ab77d44, 0x3f847ae147ae1481, "0.01000000000000001"),
        ("div", 0x406fa00000000000, 0x3f6689221c175f59, 0x40f6740a9119a3a7, "91968.66042484214"),
        ("div", 0x43d4db0b37d47b59, 0x422bfdf17cf5eea6, 0x4197d78400000000, "1.0E8"),
        ("div", 0xc4caf417e3097fd8, 0x4294d1f732770000, 0xc224b69eb76bb5af, "-4.448160043785485E10"),
        ("div", 0x42a1f94927a95050, 0x44156d28fa1cb173, 0x3e7ad7f29abcaf48, "1.0E-7"),
        ("div", 0x433cbdcf6698211d, 0x43dc115c8a309059, 0x3f50624dd2f1a9fa, "9.999999999999996E-4"),
        ("div", 0x42928b495508035a, 0x425daba8880cd229, 0x4024000000000000, "10.0"),
        ("rem", 0xc373a557cea74cc7, 0x4051d9999999999a, 0x404699999999999a, "45.2"),
        ("rem", 0xc0af62fbc01a36e3, 0x408a380000000000, 0x40236aa64c2f837b, "9.7083"),
        ("rem", 0x481efc992e79a5ad, 0xc13cfde000000000, 0xc1086a0000000000, "-200000.0"),
        ("rem", 0x408d800000000000, 0x3fe63fe5c91d14e4, 0x3fde95e9e1b089a0, "0.4779"),
        ("rem", 0xc06f43964a7fc685, 0xbe38ad5ffb629a52, 0xbdfa58ac5d3dcfa9, "-3.833902893434024E-10"),
        ("rem", 0x4121110a00000000, 0xc081d00000000000, 0xc047800000000000, "-47.0"),
        ("rem", 0xc0fb692000000000, 0xc080400000000000, 0xc018000000000000, "-6.0"),
        ("rem", 0xc12ba09600000000, 0x4055000000000000, 0x404e800000000000, "61.0"),
        ("rem", 0xc0c1f656c8b43958, 0x3fc7511f0177fa38, 0x3f82ff769837c4bd, "0.00927632"),
        ("rem", 0x4141dabe00000000, 0x4051800000000000, 0x3ff0000000000000, "1.0"),
        ("rem", 0x436a7a4eed1aec5b, 0x40f0d88000000000, 0x409dd00000000000, "1908.0"),
        ("rem", 0xc6ea7af529ed0ccc, 0xc057800000000000, 0xc012666666666666, "-4.6"),
        ("rem", 0x41c35bbb71000000, 0xc08114cccccccccd, 0xc07889999999999a, "-392.6"),
        ("rem", 0x45ab7c8e62a35c67, 0x40406f5c28f5c28f, 0x3ffa8f5c28f5c28f, "1.66"),
        ("rem", 0xc1183f371eb851ec, 0x3fae15ca6ca03c4b, 0x3f5aef6f8f041462, "0.001644"),
        ("rem", 0xc2631493e71906d9, 0xc02351eb851eb852, 0xbfc3f7ced916872b, "-0.156"),
        ("rem", 0x4022cf9555673aa2, 0x400dc1e42e126202, 0x3fff7519f2f04d05, "1.9660892"),
        ("rem", 0x406d000000000000, 0xc0140deba351a940, 0xbfc0908e0236bbff, "-0.12941146"),
        ("rem", 0x6800a7742ac79d50, 0xb7b82ee446556a22, 0xb77c41ec99da257f, "-2.02737738083353E-41"),
        ("rem", 0x400b9a5657fb6998, 0xbfd878d0cc35ce18, 0xbf9df1fb5a7ed197, "-0.0292434"),
        ("rem", 0x411cb48800000000, 0x404e000000000000, 0x4000000000000000, "2.0"),
        ("rem", 0x474f76e587dd44c5, 0x4074b9c039abf338, 0x401a2ea0fd3b29a2, "6.545536"),
        ("rem", 0xc074700000000000, 0x401c000000000000, 0x3fe3333333333333, "0.6"),
        ("rem", 0xc060000000000000, 0x40220e5bc87db2b3, 0x3fc95f6e24a0c939, "0.1982248"),
        ("rem", 0x428119dd7fe0ffff, 0x876ccb716c01fff1, 0x872432e96ae4e8da, "-2.9170315239292293E-274"),
        ("rem", 0x40e697d2d916872b, 0xbf88a46ed2484a5b, 0xbf6f0c82c320b0a9, "-0.00379014529700868"),
        ("rem", 0xc1258e6c00000000, 0xc056f1eb851eb852, 0xbfe872b020c49ba6, "-0.764"),
        ("rem", 0x4e246827826877f7, 0xbd88f713036c4c4e, 0xbd32207ac6542da6, "-6.43995910592728E-14"),
        ("rem", 0x45a6cb080372dc31, 0x3feb7ced916872b0, 0x3faa6b50b0f27bb3, "0.0516"),
        ("rem", 0x41fcc541dc000000, 0x403399999999999a, 0x403199999999999a, "17.6"),
        ("rem", 0x45b990d1358db845, 0x408d79e22c126d46, 0x40469a63166941f3, "45.20614891185314"),
        ("rem", 0x410d648800000000, 0xc041800000000000, 0xbff0000000000000, "-1.0"),
        ("rem", 0xc23c2fb09c1032c1, 0x407b800000000000, 0x402f9a7daa4fca43, "15.80174"),
        ("rem", 0xc0f9cb3000000000, 0xc040800000000000, 0xbff8000000000000, "-1.5"),
        ("rem", 0x4180b4f720000000, 0xc045000000000000, 0xc010000000000000, "-4.0"),
        ("rem", 0x412526be00000000, 0x479317f17ded5076, 0x412526be00000000, "693087.0"),
        ("rem", 0xbf6a0bbf01844dd1, 0x4083d80000000000, 0xbf6a0bbf01844dd1, "-0.00317942911"),
        ("rem", 0xc078900000000000, 0x42907b985c2f0000, 0xc078900000000000, "-393.0"),
        ("rem", 0x4016cccccccccccd, 0xc0bda7d8a7c5ac47, 0x4016cccccccccccd, "5.7"),
        ("rem", 0x4004cccccccccccd, 0x400921f9f01b866e, 0x4004cccccccccccd, "2.6"),
        ("rem", 0x818297d61b815b58, 0xdb47ef28481dc574, 0x818297d61b815b58, "-2.1690342295905202E-301"),
        ("rem", 0x408cd7ffffffffff, 0x79f4d83b649d32c4, 0x408cd7ffffffffff, "922.9999999999999"),
        ("rem", 0x411eeb0800000000, 0x4671fe01df368fb7, 0x411eeb0800000000, "506562.0"),
        ("rem", 0xc0fe0e63ff18e35b, 0xc14b4e735bc295c9, 0xc0fe0e63ff18e35b, "-123110.24977959452"),
        ("rem", 0xbd02cc2324cf9219, 0x4077300000000000, 0xbd02cc2324cf9219, "-8.34772751E-15"),
        ("pow", 0x3fbdcd0bb6ed6777, 0x4034000000000000, 0x3c0ed19bce444083, "2.08836201212575E-19"),
        ("pow", 0xc03699999999999a, 0xc036000000000000, 0x39c06eb8f1611ec9, "1.620370540348513E-30"),
        ("pow", 0x41e69cbafcee6146, 0x40a7700000000000, 0x7ff0000000000000, "Infinity"),
        ("pow", 0x4085a80000000000, 0xc01fd6f2c28ed053, 0x3bcec2c11d431c42, "1.302768825843296E-20"),
        ("pow", 0x40e8b43f126e978d, 0xc041bee6e7ea740d, 0x1dc0c08d65c6c080, "2.272705369840574E-165"),
        ("pow", 0xe3d4132574869fa1, 0x4018000000000000, 0x7ff0000000000000, "Infinity"),
        ("pow", 0x50fd035f28eaff3c, 0x40447fd0a583bba7, 0x7ff0000000000000, "Infinity"),
        ("pow", 0x4074e00000000000, 0xc03f000000000000, 0x2fb135bc1a720876, "5.805766015073727E-79"),
        ("pow", 0xc072600000000000, 0x4044000000000000, 0x546fb5eaa2b999db, "5.418676406202201E98"),
        ("pow", 0x42d5d7781fc56000, 0x4031b371ef32d6be, 0x7148d0e5b8197e12, "5.049849886453422E237"),
        ("pow", 0x4088c00000000000, 0x4039000000000000, 0x4efa9c3fcd645386, "2.938526013829311E72"),
        ("pow", 0x401b0c3b4f616723, 0xc043000000000000, 0x396299fa69bc7187, "2.866011363591833E-32"),
        ("pow", 0xc07e400000000000, 0x4030000000000000, 0x48da06554d89c874, "9.068298061633454E42"),
        ("pow", 0x3fefffff177d188a, 0xc065000000000000, 0x3ff0004c4baaede2, "1.000072761132167"),
        ("pow", 0xc062800000000000, 0x401a32a4582d8351, 0x42a31dbc19200000, "1.0509215371264E13"),
        ("pow", 0x3d301fa2296748d2, 0xc01fc6a832b92f73, 0x532e52807de2c878, "4.941404899740472E92"),
        ("pow", 0x401883a2d2277fa1, 0x4031000000000000, 0x42b612f6e5bf307d, "2.427070747422449E13"),
        ("pow", 0xc06c400000000000, 0x40407b11a828faf4, 0x4f92f89604e715da, "2.145211185172942E75"),
        ("pow", 0xc08f180000000000, 0x4044000000000000, 0x58d4481f4719a102, "8.183201210226745E119"),
        ("pow", 0x4084480000000000, 0x4042800000000000, 0x5589398315f3a538, "1.129935833581248E104"),
        ("pow", 0x4012e5604189374c, 0x40a7700000000000, 0x7ff0000000000000, "Infinity"),
        ("pow", 0x40e7f9ba2d0e5604, 0x403a000000000000, 0x59420281826b1a1d, "9.301154912952024E121"),
        ("pow", 0xc085700000000000, 0x4042800000000000, 0xd5b88756130bb9ed, "-8.79006893830579E104"),
        ("pow", 0x3e768c6fa0b2f9a3, 0x4030000000000000, 0x286e430f39f5171d, "6.144245739270884E-114"),
        ("pow", 0xc3524517e4718100, 0x3ff0000000000000, 0xc3524517e4718100, "-2.0570074E16"),
        ("pow", 0xc3055d9f138b4000, 0xc01c000000000000, 0xaa50e7d0b40b5e8c, "-7.371065407122692E-105"),
        ("pow", 0x4028000000000000, 0xc03dcbdbd2aff9db, 0x397067bfcf1f153e, "5.055264279704916E-32"),
        ("pow", 0x4030cccccccccccd, 0x4036000000000000, 0x458766ef17a2b2a1, "9.053243426349698E26"),
        ("pow", 0x4062e00000000000, 0xc041800000000000, 0x3019355b64bcda6b, "5.442605356350217E-77"),
        ("pow", 0x3d6fd78dc1f2f654, 0xc03c000000000000, 0x7ff0000000000000, "Infinity"),
    ];
    // (x bits, places, JVM d2:round result bits)
    const ROUND: &[(u64, i32, u64)] = &[
        (0xc154a83cfccccccd, 5, 0xc154a83cfccccccd),
        (0x4019a08889a6dd4f, 12, 0x4019a08889a6dd4f),
        (0x40b20f4e3f89625c, 1, 0x40b20f4ccccccccd),
        (0xc0734b0e52589269, 4, 0xc0734b0e56041893),
        (0x2c7a51811f286bb2, 16, 0x0),
        (0xc03c8fc64ba94bbe, 6, 0xc03c8fc6540cc78f),
        (0x4018f91d1ef4b7cd, 0, 0x4018000000000000),
        (0xc0b6a91b3b6b50d6, 6, 0xc0b6a91b3b645a1d),
        (0x40166582377d44cf, 5, 0x4016658255b035bd),
        (0xc1194a1000000000, 17, 0xc1194a1000000000),
        (0x40af8e78e682d7ac, 5, 0x40af8e78e6080735),
        (0x40a2339247d26de0, 6, 0x40a2339247cb70ac),
        (0xc07e55b7079e59f3, 1, 0xc07e566666666666),
        (0x404efe872b020c4a, 0, 0x404f000000000000),
        (0xa98f906053e91863, 300, 0xa98f906053e91863),
        (0xc3a8f703db906a42, 5, 0xc3a8f703db906a42),
        (0xc3826fa9984eda94, 1, 0xc3826fa9984eda94),
        (0x50e47c98e4020b29, 15, 0x50e47c98e4020b29),
        (0x43ca7f8f23941dfd, 4, 0x43ca7f8f23941dfd),
        (0x400dcabb59070253, 4, 0x400dcac083126e98),
        (0xc09610e9c30d2e68, 5, 0xc09610e9c23b7953),
        (0x40536e2d6cb53501, 8, 0x40536e2d6cb53501),
        (0x5bb256b1338c602d, 2, 0x5bb256b1338c602d),
        (0xbfac438d0810c5a0, 6, 0xbfac43914f483cb0),
        (0x42685dffa4900000, 0, 0x42685dffa4900000),
        (0x4617ef1940c5fd7a, 0, 0x4617ef1940c5fd7a),
        (0x401b88667c35db84, 6, 0x401b88665e02ea96),
        (0x52a7c5a9c6d83035, 25, 0x52a7c5a9c6d83035),
        (0xc0be241e5252b2aa, 4, 0xc0be241e4f765fd9),
        (0xa04ce51f896d9c9a, 10, 0x0),
        (0x3c3af5b58f5701da, 25, 0x3c3af5b5970bfd60),
        (0xfff0000000000000, 25, 0x7ff8000000000000),
        (0x3b7d7b5378696007, 2, 0x0),
        (0x3fe108d4a80d7abd, 11, 0x3fe108d4a80d7abd),
        (0x40bc11a04475f0b4, 1, 0x40bc11999999999a),
        (0x407ca00000000000, 2, 0x407ca00000000000),
        (0x41132be34c1cbeb8, 10, 0x41132be34c1cbeb9),
        (0xc0bce857549e5444, 11, 0xc0bce857549e544a),
        (0x1365ed9230d33fc8, 1, 0x0),
        (0x3fa5a020f689787e, 7, 0x3fa5a0209c57b9fb),
    ];
    // (x bits, JVM Double.toString)
    const TO_STRING: &[(u64, &str)] = &[
        (0x4810000000000000, "1.3611294676837539E39"),
        (0x43ba5e27eef13e01, "1.90000000000000026E18"),
        (0x44b52d02c7e14af6, "9.999999999999999E22"),
        (0x4381c37937e07fff, "1.59999999999999968E17"),
        (0x43b6308715c1d97e, "1.59892639523284531E18"),
        (0x2df0000000000000, "2.0107646833859488E-87"),
        (0x43a36dcc951d8bff, "6.9999999999999987E17"),
        (0x43746d9833756001, "9.2000000000000016E16"),
        (0x8000000000000001, "-4.9E-324"),
        (0x44b52d02c7e14af6, "9.999999999999999E22"),
        (0x3e70000000000000, "5.9604644775390625E-8"),
        (0x44b52d02c7e14af6, "9.999999999999999E22"),
        (0x438988fe4052b7ff, "2.29999999999999968E17"),
        (0x436f161421c8dfff, "6.9999999999999992E16"),
        (0x5780000000000000, "3.0782817340933187E113"),
        (0x43a158e460913d01, "6.2500000000000013E17"),
        (0x44b52d02c7e14af6, "9.999999999999999E22"),
        (0x3e70000000000000, "5.9604644775390625E-8"),
        (0x44b52d02c7e14af6, "9.999999999999999E22"),
        (0x43766d2f702507ff, "1.00999999999999984E17"),
        (0x60000000000000, "7.1202363472230444E-307"),
        (0x43a36dcc951d8c01, "7.0000000000000013E17"),
        (0x6f30000000000000, "3.7903273737810277E227"),
        (0x44b52d02c7e14af6, "9.999999999999999E22"),
        (0x4970000000000000, "5.7089907708238395E45"),
        (0x34d0000000000000, "2.6101217871994098E-54"),
        (0x43a5a63bbc199c01, "7.8000000000000013E17"),
        (0x437434c04928f801, "9.1000000000000016E16"),
        (0x34c0000000000000, "1.3050608935997049E-54"),
        (0x8000000000000001, "-4.9E-324"),
        (0x2395958e4fd62f07, "2.9E-137"),
        (0x3052d0f36efc9721, "6.500000000000001E-76"),
        (0x19f12a97dffcc650, "1.0099999999999998E-183"),
        (0x4e3938fc6ee501bb, "6.8E68"),
        (0x407e300000000000, "483.0"),
        (0x4045000000000000, "42.0"),
        (0x3ef2dfd694ccab3f, "1.8E-5"),
        (0x78d21d9087a50a98, "9.799999999999999E273"),
        (0x4128a802aa9563aa, "807937.333171"),
        (0x22194560df037a0, "2.1000000000000005E-298"),
        (0xf0047824f2bb6da, "2.0E-236"),
        (0x3ed995d33b7bd710, "6.099999999999999E-6"),
        (0x3f8eb851eb851eb9, "0.015000000000000001"),
        (0x71bfffffffffffff, "8.335018041099817E239"),
        (0x541df67562d8b362, "1.5999999999999999E97"),
        (0xe850bc1730cafc5, "1.01E-238"),
        (0x7d9259450418edc8, "7.500000000000001E296"),
        (0x102dceefda774b0e, "9.599999999999999E-231"),
        (0x5af43277d08c9fef, "1.4000000000000002E130"),
        (0x7f38ca314e9d7a08, "6.8E304"),
    ];
    // (text, JVM Double.parseDouble bits or None for NumberFormatException)
    const PARSE: &[(&str, Option<u64>)] = &[
        ("1", Some(0x3ff0000000000000)),
        ("-1", Some(0xbff0000000000000)),
        ("+1", Some(0x3ff0000000000000)),
        ("1.", Some(0x3ff0000000000000)),
        ("-.5", Some(0xbfe0000000000000)),
        (".5", Some(0x3fe0000000000000)),
        (".", None),
        ("+", None),
        ("-", None),
        ("", None),
        ("  ", None),
        ("1e5", Some(0x40f86a0000000000)),
        ("1E5", Some(0x40f86a0000000000)),
        ("1e+5", Some(0x40f86a0000000000)),
        ("1e-5", Some(0x3ee4f8b588e368f1)),
        ("1e", None),
        ("1e+", None),
        ("e5", None),
        (".e5", None),
        ("1.e5", Some(0x40f86a0000000000)),
        ("1.5E-3", Some(0x3f589374bc6a7efa)),
        ("NaN", Some(0x7ff8000000000000)),
        ("-NaN", Some(0x7ff8000000000000)),
        ("+NaN", Some(0x7ff8000000000000)),
        ("nan", None),
        ("NAN", None),
        ("Infinity", Some(0x7ff0000000000000)),
        ("-Infinity", Some(0xfff0000000000000)),
        ("+Infinity", Some(0x7ff0000000000000)),
        ("infinity", None),
        ("Inf", None),
        ("inf", None),
        ("Infinityx", None),
        (" 12 ", Some(0x4028000000000000)),
        ("\u{9}12\u{a}", Some(0x4028000000000000)),
        ("\u{a0}12", None),
        ("12\u{a0}", None),
        ("1d", Some(0x3ff0000000000000)),
        ("1D", Some(0x3ff0000000000000)),
        ("1f", Some(0x3ff0000000000000)),
        ("1F", Some(0x3ff0000000000000)),
        ("1.5f", Some(0x3ff8000000000000)),
        ("1e5d", Some(0x40f86a0000000000)),
        ("1dd", None),
        ("1 d", None),
        ("d", None),
        ("0x1p3", Some(0x4020000000000000)),
        ("0X1P3", Some(0x4020000000000000)),
        ("0x1p3d", Some(0x4020000000000000)),
        ("0x1.8p1", Some(0x4008000000000000)),
        ("0x.8p1", Some(0x3ff0000000000000)),
        ("0x1.p1", Some(0x4000000000000000)),
        ("0xp1", None),
        ("0x1", None),
        ("0x1.8", None),
        ("-0x1p-1074", Some(0x8000000000000001)),
        ("0x1p-1075", Some(0x0)),
        ("0x1.0000000000001p-1075", Some(0x1)),
        ("0x1p-1076", Some(0x0)),
        ("0x1p1023", Some(0x7fe0000000000000)),
        ("0x1p1024", Some(0x7ff0000000000000)),
        ("0x1.fffffffffffffp1023", Some(0x7fefffffffffffff)),
        ("0x1.fffffffffffff8p1023", Some(0x7ff0000000000000)),
        ("0x1.fffffffffffff7ffp1023", Some(0x7fefffffffffffff)),
        ("0x0.0000000000001p-1022", Some(0x1)),
        ("0x1.00000000000008p0", Some(0x3ff0000000000000)),
        ("0x1.00000000000018p0", Some(0x3ff0000000000002)),
        ("0x1.000000000000080000001p0", Some(0x3ff0000000000001)),
        ("0x00000000000000000000001p0", Some(0x3ff0000000000000)),
        ("0xABCDEFabcdef0123456789p-20", Some(0x442579bdf579bde0)),
        ("0x1p+3", Some(0x4020000000000000)),
        ("0x1p3f", Some(0x4020000000000000)),
        ("0x1P3F", Some(0x4020000000000000)),
        ("0x1p", None),
        ("0x1px", None),
        ("0x1g1p1", None),
        ("1_000", None),
        ("1,5", None),
        ("1.2.3", None),
        ("--1", None),
        ("+-1", None),
        ("0", Some(0x0)),
        ("-0", Some(0x8000000000000000)),
        ("-0.0", Some(0x8000000000000000)),
        ("0.0e999", Some(0x0)),
        ("1e999", Some(0x7ff0000000000000)),
        ("-1e999", Some(0xfff0000000000000)),
        ("1e-999", Some(0x0)),
        ("4.9e-324", Some(0x1)),
        ("2.4703282292062327e-324", Some(0x0)),
        ("2.4703282292062328e-324", Some(0x1)),
        ("1.7976931348623157e308", Some(0x7fefffffffffffff)),
        ("1.7976931348623158e308", Some(0x7fefffffffffffff)),
        ("1.7976931348623159e308", Some(0x7ff0000000000000)),
        ("2.2250738585072012e-308", Some(0x10000000000000)),
        ("123456789012345678901234567890", Some(0x45f8ee90ff6c373e)),
        ("0.1", Some(0x3fb999999999999a)),
        ("0.30000000000000004", Some(0x3fd3333333333334)),
        ("9007199254740993", Some(0x4340000000000000)),
        ("1e23", Some(0x44b52d02c7e14af6)),
        ("8.41e21", Some(0x447c7e83209e90b2)),
        ("00012.5000", Some(0x4029000000000000)),
        ("12.5e0000000000000000000000001", Some(0x405f400000000000)),
        ("1e-0000000000000000000000000000400", Some(0x0)),
        ("1e99999999999999999999999", Some(0x7ff0000000000000)),
        ("1e-99999999999999999999999", Some(0x0)),
        ("\u{663}", None),
        ("\u{ff11}", None),
        ("1\u{0}", Some(0x3ff0000000000000)),
        ("\u{0}1", Some(0x3ff0000000000000)),
        ("0x", None),
        ("0x.p1", None),
        ("0x1.1.1p1", None),
        ("2379.6462709189136", Some(0x40a2974ae4059a2e)),
        ("56248783174776587142", Some(0x440864de923aa438)),
        ("4.556759661849672e-31", Some(0x39a27c0280a5126b)),
        ("2.1584874148105027e-17", Some(0x3c78e2bafabb8021)),
        ("6.331154932743831e-10", Some(0x3e05c0f1598c436f)),
        ("50684202810760483129e", None),
        (" -83506985188609884121\u{9}", Some(0xc4121b91a25c3b98)),
        (" 90052550553139983037\u{9}", Some(0x441386ebb66fd743)),
        ("8.954787399403238e-05", Some(0x3f177974c2cbd60a)),
        ("572.2785271947726", Some(0x4081e23a6c7744c2)),
        (" 48414363434884916149\u{9}", Some(0x4404ff12f84517cf)),
        (" 2.4505771527440843e-30\u{9}", Some(0x39c8da0fe0edd73e)),
    ];

    #[test]
    fn every_number_error_variant_renders_in_both_languages() {
        fn name(e: &NumberError) -> &'static str {
            match e {
                NumberError::NegativeScale => "NegativeScale",
                NumberError::ZeroToNegativePower => "ZeroToNegativePower",
            }
        }
        let samples = [NumberError::NegativeScale, NumberError::ZeroToNegativePower];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ["NegativeScale", "ZeroToNegativePower"].into_iter().collect());
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }
}
