//! Digits as they are shown: ASCII, or Khmer digits ០-៩ when the reader chose them. Stored and
//! sent values stay ASCII; reading typed Khmer digits back is `model::digits`.
//!
//! Owns the display mapping. Does not own number formatting beyond the digits (no grouping:
//! DHIS2 shows none either).

/// `text` with every ASCII digit shown as a Khmer digit when `khmer` is set (codes, phone numbers,
/// dates), else unchanged.
pub fn show_digits(text: &str, khmer: bool) -> String {
    if !khmer {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x17E0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A number written with ASCII digits and `.` (as stored), shown in the reader's digits: with
/// Khmer digits the decimal separator is `,` as CLDR's Khmer numbering system writes it
/// (`12.5` -> `១២,៥`); otherwise unchanged.
pub fn show_number(number: &str, khmer: bool) -> String {
    if !khmer {
        return number.to_string();
    }
    show_digits(&number.replace('.', ","), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn khmer_digits_replace_ascii_digits_only() {
        assert_eq!(show_digits("012 345-6789", true), "០១២ ៣៤៥-៦៧៨៩");
        assert_eq!(show_digits("Penta 3", false), "Penta 3");
    }

    #[test]
    fn numbers_in_khmer_digits_take_a_decimal_comma() {
        assert_eq!(show_number("12.5", true), "១២,៥");
        assert_eq!(show_number("-0.25", false), "-0.25");
    }
}
