//! Checking one typed value for one field before anything is saved: Khmer digits to ASCII, the
//! value type (`validate::value_type`), the option set (a code of the field's set, not hidden by a
//! rule; each code of a MULTI_TEXT), and dates not after today unless the field allows it.
//!
//! Owns these per-value checks. Does not own whether the field may be edited at all (`edit`) or
//! uniqueness (`registration`).

use std::collections::BTreeSet;

use chrono::NaiveDate as Date;

use super::error::FormError;
use super::FieldSpec;
use crate::expr::value::{iso_date, parse_iso_date};
use crate::model::ValueType;
use crate::validate::value_type::validate;

/// Khmer digits (០-៩) become ASCII digits; everything else is kept.
pub(crate) fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{17E0}'..='\u{17E9}' => char::from(b'0' + (c as u32 - 0x17E0) as u8),
            _ => c,
        })
        .collect()
}

/// The value to store for `text` (`None`: clear), or why it is refused.
pub(crate) fn check(
    spec: &FieldSpec,
    text: Option<&str>,
    hidden_options: Option<&BTreeSet<String>>,
    today: Date,
) -> Result<Option<String>, FormError> {
    let Some(text) = text.filter(|t| !t.is_empty()) else { return Ok(None) };
    let value = if spec.value_type.is_numeric()
        || matches!(spec.value_type, ValueType::Date | ValueType::Age | ValueType::DateTime | ValueType::Time)
    {
        ascii_digits(text)
    } else {
        text.to_string()
    };
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
                return Err(FormError::FutureDate {
                    field: spec.key.clone(),
                    date: iso_date(date),
                    today: iso_date(today),
                });
            }
        }
    }
    Ok(Some(value))
}

/// A date that must not be after today (event, enrollment and incident dates).
pub(crate) fn check_not_future(field: &str, date: Date, allowed: bool, today: Date) -> Result<(), FormError> {
    if !allowed && date > today {
        return Err(FormError::FutureDate { field: field.to_string(), date: iso_date(date), today: iso_date(today) });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::OptionSpec;
    use crate::test_dates::ymd;

    fn spec(value_type: ValueType) -> FieldSpec {
        FieldSpec {
            key: "f".into(),
            label: "F".into(),
            value_type,
            options: vec![],
            mandatory: false,
            allow_future_date: false,
            section: None,
            greyed: false,
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
    fn options_must_be_in_the_set_and_not_hidden() {
        let mut s = spec(ValueType::Text);
        s.options = vec![OptionSpec { uid: "o1".into(), code: "A".into(), label: "A".into() }];
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
