//! `d2:zScoreWFA`, `d2:zScoreHFA` and `d2:zScoreWFH` as the JVM engine computes them
//! (research/program-rules.md §2.7.1): a lookup of the WHO row for (gender, key), then a linear
//! interpolation between the two bracketing SD values, in f32, truncated to two decimals.
//!
//! Owns the algorithm and its errors. Does not own the reference values (`zscore_table`) or how
//! the three arguments are coerced from expression values (`eval`).

use super::zscore_table as table;
use crate::i18n::{Localize, Message};
use crate::msg;

/// Which indicator: weight for age, height for age, weight for height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indicator {
    WeightForAge,
    HeightForAge,
    WeightForHeight,
}

/// Why a z-score cannot be computed (upstream's IllegalArgumentExceptions).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ZScoreError {
    MissingParameter,
    MissingWeight,
    MissingGender,
    /// The WHO table has no row for this age (months) or height (cm).
    NoRow {
        indicator: Indicator,
        male: bool,
        parameter: f32,
    },
}

impl Indicator {
    /// The d2 function computing it.
    pub fn function(self) -> &'static str {
        match self {
            Indicator::WeightForAge => "d2:zScoreWFA",
            Indicator::HeightForAge => "d2:zScoreHFA",
            Indicator::WeightForHeight => "d2:zScoreWFH",
        }
    }
}

impl Localize for ZScoreError {
    fn message(&self) -> Message {
        match self {
            ZScoreError::MissingParameter => Message::new("expr-zscore-missing-parameter"),
            ZScoreError::MissingWeight => Message::new("expr-zscore-missing-weight"),
            ZScoreError::MissingGender => Message::new("expr-zscore-missing-gender"),
            ZScoreError::NoRow { indicator, male, parameter } => {
                // The shortest decimal of the f32 (30.3, not 30.299999237060547).
                let parameter: f64 = parameter.to_string().parse().unwrap_or(f64::NAN);
                let function = indicator.function();
                match (indicator, male) {
                    (Indicator::WeightForHeight, true) => {
                        msg!("expr-zscore-no-row-height-boy", function = function, height = parameter)
                    }
                    (Indicator::WeightForHeight, false) => {
                        msg!("expr-zscore-no-row-height-girl", function = function, height = parameter)
                    }
                    (_, true) => msg!("expr-zscore-no-row-age-boy", function = function, months = parameter),
                    (_, false) => msg!("expr-zscore-no-row-age-girl", function = function, months = parameter),
                }
            }
        }
    }
}

crate::english_display!(ZScoreError);

/// The texts upstream reads as "male"; every other text is female ("1", "2", "f", "female", ...).
const MALE_CODES: [&str; 8] = ["male", "MALE", "Male", "ma", "m", "M", "0", "false"];

/// The z-score of `measure` (weight or height) for the key `parameter` (age in months or
/// height in cm). Arguments are checked in upstream's order: gender, parameter, weight.
pub fn z_score(
    indicator: Indicator,
    parameter: Option<f64>,
    measure: Option<f64>,
    gender: Option<&str>,
) -> Result<f64, ZScoreError> {
    let gender = gender.ok_or(ZScoreError::MissingGender)?;
    let parameter = parameter.ok_or(ZScoreError::MissingParameter)? as f32;
    let measure = measure.ok_or(ZScoreError::MissingWeight)? as f32;
    let male = MALE_CODES.contains(&gender);
    let rows = match (indicator, male) {
        (Indicator::WeightForAge, true) => table::WFA_BOY,
        (Indicator::WeightForAge, false) => table::WFA_GIRL,
        (Indicator::HeightForAge, true) => table::HFA_BOY,
        (Indicator::HeightForAge, false) => table::HFA_GIRL,
        (Indicator::WeightForHeight, true) => table::WFH_BOY,
        (Indicator::WeightForHeight, false) => table::WFH_GIRL,
    };
    // Upstream's key is a Kotlin data class holding a Float: equal means the same bits
    // (so -0.0 finds no row, unlike 0.0).
    let (_, sd) = rows.iter().find(|(key, _)| key.to_bits() == parameter.to_bits()).ok_or(ZScoreError::NoRow {
        indicator,
        male,
        parameter,
    })?;
    Ok(from_row(sd, measure))
}

/// Java's `Float.compare`: numeric order, with -0.0 below 0.0 and NaN above everything.
fn java_float_compare(a: f32, b: f32) -> i32 {
    if a < b {
        -1
    } else if a > b {
        1
    } else {
        let (x, y) = (java_float_bits(a), java_float_bits(b));
        (x > y) as i32 - (x < y) as i32
    }
}

/// `Float.floatToIntBits`: every NaN collapses to one canonical value.
fn java_float_bits(f: f32) -> i32 {
    if f.is_nan() {
        0x7fc0_0000
    } else {
        f.to_bits() as i32
    }
}

/// The computation on one row (`sd` from −3 SD to +3 SD). Upstream keeps the row in a map from
/// value to |SD| and takes the median as the fourth of the sorted distinct values; the rows all
/// have seven distinct ascending values, so that is `sd[3]`.
fn from_row(sd: &[f32; 7], measure: f32) -> f64 {
    let median = sd[3];
    let factor = java_float_compare(measure, median);
    let abs_sd = |i: usize| (i as i32 - 3).abs();
    if let Some(i) = sd.iter().position(|v| v.to_bits() == measure.to_bits()) {
        return f64::from(abs_sd(i)) * f64::from(factor);
    }
    if measure > sd[6] {
        return 3.5;
    }
    if measure < sd[0] {
        return -3.5;
    }
    // The first value not below the measure is the upper bound, the one before it the lower
    // (0.0 when there is none, which only a NaN measure reaches).
    let hi = sd.iter().position(|v| measure.partial_cmp(v) != Some(std::cmp::Ordering::Greater)).unwrap_or(0);
    let (lower, higher) = (if hi == 0 { 0.0 } else { sd[hi - 1] }, sd[hi]);
    let distance = higher - lower;
    let mut result: f32 = if measure > median {
        let lo = hi.saturating_sub(1);
        abs_sd(lo) as f32 + (measure - lower) / distance
    } else {
        abs_sd(hi) as f32 + (higher - measure) / distance
    };
    result *= factor as f32;
    truncate_two_decimals(f64::from(result))
}

/// Upstream's `simpleFormat(2)` followed by `toDouble()`: the integer part and the first two
/// decimals, truncated toward zero, written out and read back.
fn truncate_two_decimals(x: f64) -> f64 {
    // Rust's `as i32` is Kotlin's `Double.toInt()`: toward zero, saturating, NaN to 0.
    let whole = x as i32;
    let sign = if x >= 0.0 { "" } else { "-" };
    let fraction = (x - f64::from(whole)).abs();
    let digits = (100.0 * fraction) as i32;
    let decimals = if fraction >= 1.0 { digits.to_string() } else { format!("{digits:02}") };
    let text = format!("{sign}{}.{decimals}", i64::from(whole).abs());
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Indicator::*;

    fn z(i: Indicator, p: f64, w: f64, g: &str) -> Result<f64, ZScoreError> {
        z_score(i, Some(p), Some(w), Some(g))
    }

    #[test]
    fn values_on_an_sd_line_give_that_whole_sd() {
        // Girls, month 0: 2.0 2.4 2.8 3.2 3.7 4.2 4.8
        assert_eq!(z(WeightForAge, 0.0, 2.4, "F"), Ok(-2.0));
        assert_eq!(z(WeightForAge, 0.0, 3.2, "female"), Ok(0.0));
        assert_eq!(z(WeightForAge, 0.0, 4.8, "2"), Ok(3.0));
        assert_eq!(z(HeightForAge, 30.0, 88.5, "m"), Ok(-1.0));
        assert_eq!(z(WeightForHeight, 50.0, 3.1, "f"), Ok(-1.0));
    }

    #[test]
    fn values_between_lines_interpolate_and_truncate_to_two_decimals() {
        assert_eq!(z(WeightForAge, 0.0, 3.0, "F"), Ok(-0.5));
        // Boys, month 0: 2.1 2.5 2.9 3.3 3.9 4.4 5.0; 3.5 is a third of the way to +1 SD:
        // 0.33333.. truncates to 0.33 (rounding would agree here; 3.4 gives 0.16666 -> 0.16).
        assert_eq!(z(WeightForAge, 0.0, 3.5, "M"), Ok(0.33));
        assert_eq!(z(WeightForAge, 0.0, 3.4, "M"), Ok(0.16));
        // Below the median the distance is counted from the upper line: 2.6 is 3/4 of the way
        // from -1 SD (2.9) down to -2 SD (2.5).
        assert_eq!(z(WeightForAge, 0.0, 2.6, "male"), Ok(-1.75));
    }

    #[test]
    fn values_beyond_three_sd_are_three_and_a_half() {
        assert_eq!(z(WeightForAge, 0.0, 5.5, "female"), Ok(3.5));
        assert_eq!(z(WeightForAge, 0.0, 0.5, "female"), Ok(-3.5));
        assert_eq!(z(WeightForHeight, 120.0, 100.0, "m"), Ok(3.5));
    }

    #[test]
    fn gender_codes_male_and_0_are_boys_anything_else_girls() {
        let boy = z(WeightForAge, 0.0, 3.3, "male").unwrap();
        assert_eq!(boy, 0.0);
        for code in ["MALE", "Male", "ma", "m", "M", "0", "false"] {
            assert_eq!(z(WeightForAge, 0.0, 3.3, code), Ok(boy), "{code}");
        }
        // 3.3 is above the girls' median 3.2.
        for code in ["female", "1", "2", "f", "F", "true", "boy", ""] {
            assert_ne!(z(WeightForAge, 0.0, 3.3, code), Ok(boy), "{code}");
        }
    }

    #[test]
    fn boundary_ages_and_heights_have_rows() {
        assert!(z(WeightForAge, 60.0, 18.3, "m").is_ok());
        assert!(z(HeightForAge, 60.0, 109.4, "f").is_ok());
        assert!(z(WeightForHeight, 45.0, 2.4, "f").is_ok());
        assert!(z(WeightForHeight, 120.0, 22.0, "m").is_ok());
    }

    #[test]
    fn keys_outside_the_table_are_errors() {
        for (i, p) in [(WeightForAge, 61.0), (WeightForAge, -1.0), (HeightForAge, 30.5), (WeightForHeight, 44.5)] {
            assert!(matches!(z(i, p, 10.0, "m"), Err(ZScoreError::NoRow { .. })), "{i:?} {p}");
        }
        assert!(matches!(z(WeightForHeight, 120.5, 20.0, "f"), Err(ZScoreError::NoRow { .. })));
        // Upstream's boys' weight-for-age table has no month 28 (the girls' has).
        assert!(matches!(z(WeightForAge, 28.0, 12.0, "m"), Err(ZScoreError::NoRow { .. })));
        assert!(z(WeightForAge, 28.0, 12.0, "f").is_ok());
        // The key is matched bit for bit, as a Kotlin data class with a Float does.
        assert!(matches!(z(WeightForAge, -0.0, 3.0, "f"), Err(ZScoreError::NoRow { .. })));
    }

    #[test]
    fn missing_arguments_are_reported_gender_first() {
        assert_eq!(z_score(WeightForAge, None, None, None), Err(ZScoreError::MissingGender));
        assert_eq!(z_score(WeightForAge, None, None, Some("m")), Err(ZScoreError::MissingParameter));
        assert_eq!(z_score(WeightForAge, Some(1.0), None, Some("m")), Err(ZScoreError::MissingWeight));
    }

    #[test]
    fn two_decimal_truncation_matches_upstream_formatting() {
        assert_eq!(truncate_two_decimals(1.239), 1.23);
        assert_eq!(truncate_two_decimals(-1.239), -1.23);
        assert_eq!(truncate_two_decimals(-0.5), -0.5);
        assert_eq!(truncate_two_decimals(0.05), 0.05);
        assert!(truncate_two_decimals(-0.001).is_sign_negative());
    }

    #[test]
    fn table_rows_are_complete_and_ascending() {
        for rows in [table::WFA_BOY, table::WFA_GIRL, table::HFA_BOY, table::HFA_GIRL] {
            assert!(rows.len() >= 60);
        }
        assert_eq!(table::WFH_BOY.len(), 151);
        assert_eq!(table::WFH_GIRL.len(), 151);
        for rows in [table::WFA_BOY, table::WFA_GIRL, table::HFA_BOY, table::HFA_GIRL, table::WFH_BOY, table::WFH_GIRL]
        {
            for (_, sd) in rows {
                assert!(sd.windows(2).all(|w| w[0] < w[1]), "{sd:?}");
            }
        }
    }

    #[test]
    fn every_zscore_error_variant_renders_in_both_languages() {
        fn name(e: &ZScoreError) -> &'static str {
            match e {
                ZScoreError::MissingParameter => "MissingParameter",
                ZScoreError::MissingWeight => "MissingWeight",
                ZScoreError::MissingGender => "MissingGender",
                ZScoreError::NoRow { indicator: WeightForHeight, male: true, .. } => "NoRow/height/boy",
                ZScoreError::NoRow { indicator: WeightForHeight, male: false, .. } => "NoRow/height/girl",
                ZScoreError::NoRow { indicator: WeightForAge | HeightForAge, male: true, .. } => "NoRow/age/boy",
                ZScoreError::NoRow { indicator: WeightForAge | HeightForAge, male: false, .. } => "NoRow/age/girl",
            }
        }
        let samples = [
            z_score(WeightForAge, None, Some(3.0), Some("m")).unwrap_err(),
            z_score(WeightForAge, Some(3.0), None, Some("m")).unwrap_err(),
            z_score(WeightForAge, Some(3.0), Some(3.0), None).unwrap_err(),
            z(WeightForHeight, 120.5, 20.0, "m").unwrap_err(),
            z(WeightForHeight, 120.5, 20.0, "f").unwrap_err(),
            z(WeightForAge, 28.5, 12.0, "m").unwrap_err(),
            z(HeightForAge, 28.5, 12.0, "f").unwrap_err(),
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        let all = [
            "MissingParameter",
            "MissingWeight",
            "MissingGender",
            "NoRow/height/boy",
            "NoRow/height/girl",
            "NoRow/age/boy",
            "NoRow/age/girl",
        ];
        assert_eq!(names, all.into_iter().collect());
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
        assert_eq!(samples[6].to_string(), "d2:zScoreHFA: the WHO table has no row for a girl aged 28.5 months.");
    }
}
