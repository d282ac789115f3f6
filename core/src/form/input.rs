//! Checking one typed value for one field before anything is saved: Khmer digits to ASCII in every
//! value typed in digits (numbers, phones, dates, times, ages, coordinates: `model::digits`; a
//! number in Khmer digits may have the decimal comma they are shown with), the
//! value type (`validate::value_type`), the option set (a code of the field's set, not hidden by a
//! rule; each code of a MULTI_TEXT), and dates not after today unless the field allows it.
//!
//! Owns these per-value checks. Does not own whether the field may be edited at all (`edit`) or
//! uniqueness (`registration`).

use std::collections::BTreeSet;

use chrono::NaiveDate as Date;

use super::error::FormError;
use super::FieldSpec;
use crate::expr::value::parse_iso_date;
use crate::model::digits::ascii_digits;
use crate::model::ValueType;
use crate::validate::value_type::validate;

/// The value to store for `text` (`None`: clear), or why it is refused.
pub(crate) fn check(
    spec: &FieldSpec,
    text: Option<&str>,
    hidden_options: Option<&BTreeSet<String>>,
    today: Date,
) -> Result<Option<String>, FormError> {
    let Some(text) = text.filter(|t| !t.is_empty()) else { return Ok(None) };
    let value = typed(spec.value_type, text);
    validate(spec.value_type, &value).map_err(|source| FormError::InvalidValue {
        field: spec.key.clone(),
        value: value.clone(),
        source,
    })?;
    if !spec.options.is_empty() {
        let codes: Vec<&str> =
            if spec.value_type == ValueType::MultiText { value.split(',').collect() } else { vec![value.as_str()] };
        for code in codes {
            let Some(option) = spec.options.iter().find(|o| o.code == code) else {
                return Err(FormError::OptionNotInSet { field: spec.key.clone(), code: code.to_string() });
            };
            if hidden_options.is_some_and(|h| h.contains(&option.uid)) {
                return Err(FormError::OptionHidden { field: spec.key.clone(), code: code.to_string() });
            }
        }
    }
    if matches!(spec.value_type, ValueType::Date | ValueType::Age | ValueType::DateTime) && !spec.allow_future_date {
        if let Some(date) = value.get(..10).and_then(parse_iso_date) {
            if date > today {
                return Err(FormError::FutureDate { field: spec.key.clone(), date, today });
            }
        }
    }
    Ok(Some(value))
}

/// The value of `text` as typed: digits read as ASCII in a value typed in digits; in a number
/// typed with Khmer digits, the decimal comma Khmer digits are shown with (`៣,៥`, CLDR's Khmer
/// numbering: `i18n::show_number`) read as a point. A number in ASCII digits keeps its comma (and
/// is refused: DHIS2 numbers have a decimal point).
fn typed(value_type: ValueType, text: &str) -> String {
    if !value_type.is_typed_in_digits() {
        return text.to_string();
    }
    let ascii = ascii_digits(text);
    let khmer_digits = ascii != text;
    if khmer_digits && value_type.is_numeric() {
        ascii.replace(',', ".")
    } else {
        ascii
    }
}

/// A date that must not be after today (event, enrollment and incident dates).
pub(crate) fn check_not_future(field: &str, date: Date, allowed: bool, today: Date) -> Result<(), FormError> {
    if !allowed && date > today {
        return Err(FormError::FutureDate { field: field.to_string(), date, today });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::view::Label;
    use crate::form::OptionSpec;
    use crate::test_dates::ymd;

    fn spec(value_type: ValueType) -> FieldSpec {
        FieldSpec {
            key: "f".into(),
            label: Label::plain("F"),
            value_type,
            options: vec![],
            mandatory: false,
            allow_future_date: false,
            section: None,
            greyed: false,
            cell: None,
            unique: false,
        }
    }

    #[test]
    fn khmer_digits_are_stored_as_ascii_and_bad_numbers_are_refused() {
        let today = ymd(2026, 11, 20);
        assert_eq!(check(&spec(ValueType::Number), Some("៧២.៥"), None, today).unwrap().as_deref(), Some("72.5"));
        assert!(matches!(
            check(&spec(ValueType::Integer), Some("7.5"), None, today),
            Err(FormError::InvalidValue { .. })
        ));
        assert_eq!(check(&spec(ValueType::Text), Some(""), None, today).unwrap(), None);
    }

    #[test]
    fn khmer_digits_are_read_in_phones_dates_times_ages_and_coordinates_but_not_in_text() {
        let today = ymd(2026, 11, 20);
        let stored = |t: ValueType, typed: &str| check(&spec(t), Some(typed), None, today).unwrap().unwrap();
        assert_eq!(stored(ValueType::PhoneNumber, "០១២ ៣៤៥ ៦៧៨"), "012 345 678");
        assert_eq!(stored(ValueType::PhoneNumber, "+៨៥៥12345678"), "+85512345678");
        assert_eq!(stored(ValueType::Date, "២០២៦-១១-០២"), "2026-11-02");
        assert_eq!(stored(ValueType::Age, "២០២០-០១-៣១"), "2020-01-31");
        assert_eq!(stored(ValueType::Time, "០៨:៣០"), "08:30");
        assert_eq!(stored(ValueType::DateTime, "២០២៦-១១-០២T០៨:៣០"), "2026-11-02T08:30");
        assert_eq!(stored(ValueType::Percentage, "៥០"), "50");
        assert_eq!(stored(ValueType::UnitInterval, "០.៥"), "0.5");
        assert_eq!(stored(ValueType::Coordinate, "[១០៤.៩, ១១.៥]"), "[104.9, 11.5]");
        assert_eq!(stored(ValueType::Text, "ផ្ទះលេខ ១២"), "ផ្ទះលេខ ១២", "text is kept as typed");
    }

    #[test]
    fn a_number_in_khmer_digits_takes_a_decimal_comma_but_one_in_ascii_digits_does_not() {
        let today = ymd(2026, 11, 20);
        let stored = |t: ValueType, typed: &str| check(&spec(t), Some(typed), None, today);
        assert_eq!(stored(ValueType::Number, "៣,៥").unwrap().as_deref(), Some("3.5"));
        assert_eq!(stored(ValueType::Number, "-១២,២៥").unwrap().as_deref(), Some("-12.25"));
        assert_eq!(stored(ValueType::UnitInterval, "០,៥").unwrap().as_deref(), Some("0.5"));
        assert_eq!(stored(ValueType::Number, "៣.៥").unwrap().as_deref(), Some("3.5"), "a point stays a point");
        assert!(matches!(stored(ValueType::Number, "3,5"), Err(FormError::InvalidValue { .. })), "ASCII 3,5");
        assert!(matches!(stored(ValueType::Integer, "៣,៥"), Err(FormError::InvalidValue { .. })), "not an integer");
        // Only numbers: a comma in text or a phone number typed in Khmer digits is kept.
        assert_eq!(stored(ValueType::Text, "៣,៥").unwrap().as_deref(), Some("៣,៥"));
        assert_eq!(stored(ValueType::Coordinate, "[១០៤.៩,១១.៥]").unwrap().as_deref(), Some("[104.9,11.5]"));
    }

    #[test]
    fn options_must_be_in_the_set_and_not_hidden() {
        let mut s = spec(ValueType::Text);
        s.options = vec![OptionSpec { uid: "o1".into(), code: "A".into(), label: Label::plain("A") }];
        let today = ymd(2026, 11, 20);
        assert!(matches!(check(&s, Some("B"), None, today), Err(FormError::OptionNotInSet { .. })));
        let hidden: BTreeSet<String> = ["o1".to_string()].into();
        assert!(matches!(check(&s, Some("A"), Some(&hidden), today), Err(FormError::OptionHidden { .. })));
        assert_eq!(check(&s, Some("A"), None, today).unwrap().as_deref(), Some("A"));
    }

    #[test]
    fn future_dates_are_refused_unless_allowed() {
        let today = ymd(2026, 11, 20);
        let mut s = spec(ValueType::Date);
        assert!(matches!(check(&s, Some("2026-11-21"), None, today), Err(FormError::FutureDate { .. })));
        assert!(check(&s, Some("2026-11-20"), None, today).is_ok());
        s.allow_future_date = true;
        assert!(check(&s, Some("2026-11-21"), None, today).is_ok());
    }
}
