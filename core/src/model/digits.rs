//! Digits as people type them: Cambodian keyboards offer the Khmer digits ០-៩ (U+17E0..U+17E9)
//! next to the ASCII ones, and a health worker may type either (or both) in a number, a phone
//! number, a date or a time. DHIS2 stores and compares ASCII digits only.
//!
//! Owns the one mapping from either set to ASCII and the list of value types typed in digits.
//! Does not own checking the result (`validate`) or search normalisation (`search::normalise`,
//! which uses this mapping).

use super::ValueType;

/// A Khmer digit as its ASCII digit; any other character unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '\u{17E0}'..='\u{17E9}' => char::from(b'0' + (c as u32 - 0x17E0) as u8),
        _ => c,
    }
}

/// `text` with every Khmer digit as its ASCII digit; everything else kept.
pub fn ascii_digits(text: &str) -> String {
    text.chars().map(ascii_digit).collect()
}

impl ValueType {
    /// Values of this type are typed with digits (numbers, percentages, unit intervals, phone
    /// numbers, dates, times, date-times, ages, coordinates), so Khmer digits in them are read as
    /// ASCII digits before the value is checked and stored.
    pub fn is_typed_in_digits(self) -> bool {
        self.is_numeric()
            || matches!(
                self,
                ValueType::PhoneNumber
                    | ValueType::Date
                    | ValueType::DateTime
                    | ValueType::Time
                    | ValueType::Age
                    | ValueType::Coordinate
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn khmer_digits_become_ascii_and_nothing_else_changes() {
        assert_eq!(ascii_digits("០១២៣៤៥៦៧៨៩"), "0123456789");
        assert_eq!(ascii_digits("+៨៥៥ 12 ៣៤៥-678"), "+855 12 345-678");
        assert_eq!(ascii_digits("សុខ 12"), "សុខ 12");
    }

    #[test]
    fn numbers_phones_dates_times_ages_and_coordinates_are_typed_in_digits() {
        let typed: Vec<ValueType> = ValueType::ALL.iter().copied().filter(|t| t.is_typed_in_digits()).collect();
        assert_eq!(
            typed,
            [
                ValueType::PhoneNumber,
                ValueType::Date,
                ValueType::DateTime,
                ValueType::Time,
                ValueType::Number,
                ValueType::UnitInterval,
                ValueType::Percentage,
                ValueType::Integer,
                ValueType::IntegerPositive,
                ValueType::IntegerNegative,
                ValueType::IntegerZeroOrPositive,
                ValueType::Coordinate,
                ValueType::Age,
            ]
        );
    }
}
