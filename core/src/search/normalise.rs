//! Text normalisation for search: the same name, phone or ID typed on different keyboards
//! (Khmer NiDA or phonetic layouts, Latin, Khmer or ASCII digits) becomes the same text.
//!
//! Owns: NFC; removal of zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and of
//! the invisible Khmer inherent vowels (U+17B4, U+17B5); Latin case and accent folding; Khmer
//! digits to ASCII; the Khmer spellings that render alike but are encoded differently (see
//! [`khmer_cluster_order`]); tokens; Cambodian phone numbers (+855 / 00855 / 855 / 0 prefixes).
//! Does not own what is stored (values are stored as typed) or how tokens are indexed (`index`).

use crate::model::digits::ascii_digit;
use unicode_normalization::UnicodeNormalization;

const COENG: char = '\u{17D2}';
const RO: char = '\u{179A}';
const DA: char = '\u{178A}';
const TA: char = '\u{178F}';

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{17B4}' | '\u{17B5}')
}

/// Characters that separate words: everything that is neither a letter, a digit nor a mark.
fn is_separator(c: char) -> bool {
    !(c.is_alphanumeric() || is_khmer_mark(c) || is_combining_latin(c))
}

fn is_combining_latin(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_khmer_mark(c: char) -> bool {
    ('\u{17B6}'..='\u{17D3}').contains(&c) || c == '\u{17DD}'
}

/// Where a mark goes inside a Khmer cluster, in the encoding order of the Unicode Standard's
/// Khmer section: robat, subscript consonants (subscript RO last), register shifter, vowel,
/// other signs.
fn cluster_rank(unit: &[char]) -> u8 {
    match unit {
        ['\u{17CC}'] => 1,
        [COENG, RO] => 3,
        [COENG, ..] => 2,
        ['\u{17C9}' | '\u{17CA}'] => 4,
        [c] if ('\u{17B6}'..='\u{17C5}').contains(c) => 5,
        _ => 6,
    }
}

/// Puts the marks after each Khmer base in encoding order, so that clusters typed in another
/// order compare equal:
/// - subscript RO after the other subscript (ស្ត្រី typed as ស + ្រ + ្ត + ី is ស្ត្រី);
/// - register shifters (៉ ៊) before the vowel (ប៊ី typed as ប + ី + ៊);
/// - the two-part vowels typed as their halves become the single characters: េ + ី is ើ
///   (U+17BE), េ + ា is ោ (U+17C4);
/// - the deprecated independent vowels become their recommended spellings: ឣ (U+17A3) is អ,
///   ឤ (U+17A4) is អា.
///
/// The relative order of marks of the same kind is kept.
pub fn khmer_cluster_order(text: &str) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{17A3}' => chars.push('\u{17A2}'),
            '\u{17A4}' => chars.extend(['\u{17A2}', '\u{17B6}']),
            _ => chars.push(c),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        i += 1;
        // The marks that follow, as units (a coeng with its consonant is one unit).
        let mut units: Vec<&[char]> = Vec::new();
        while i < chars.len() {
            let c = chars[i];
            if c == COENG {
                let end = if i + 1 < chars.len() && ('\u{1780}'..='\u{17A2}').contains(&chars[i + 1]) {
                    i + 2
                } else {
                    i + 1
                };
                units.push(&chars[i..end]);
                i = end;
            } else if is_khmer_mark(c) {
                units.push(&chars[i..i + 1]);
                i += 1;
            } else {
                break;
            }
        }
        if units.is_empty() {
            continue;
        }
        units.sort_by_key(|u| cluster_rank(u));
        let mut marks: Vec<char> = units.concat();
        compose_split_vowels(&mut marks);
        out.extend(marks);
    }
    out
}

fn compose_split_vowels(marks: &mut Vec<char>) {
    let mut j = 0;
    while j + 1 < marks.len() {
        let composed = match (marks[j], marks[j + 1]) {
            ('\u{17C1}', '\u{17B8}') => Some('\u{17BE}'),
            ('\u{17C1}', '\u{17B6}') => Some('\u{17C4}'),
            _ => None,
        };
        if let Some(c) = composed {
            marks[j] = c;
            marks.remove(j + 1);
        }
        j += 1;
    }
}

/// The search form of a text: NFC, zero-width characters removed, Khmer clusters in encoding
/// order, subscript DA as subscript TA (the two are drawn identically and keyboards offer
/// both), Khmer digits as ASCII, Latin lower case without accents, every run of separators
/// (spaces, punctuation) as one space, trimmed.
pub fn normalise_text(text: &str) -> String {
    let cleaned: String = text
        .nfd()
        .filter(|&c| !is_zero_width(c) && !is_combining_latin(c))
        .map(ascii_digit)
        .flat_map(char::to_lowercase)
        .collect();
    let ordered = khmer_cluster_order(&cleaned);
    let folded = fold_coeng_da(&ordered);
    let mut out = String::with_capacity(folded.len());
    let mut pending_space = false;
    for c in folded.nfc() {
        if is_separator(c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

fn fold_coeng_da(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_coeng = false;
    for c in text.chars() {
        out.push(if after_coeng && c == DA { TA } else { c });
        after_coeng = c == COENG;
    }
    out
}

/// The words of a normalised text.
pub fn tokens(text: &str) -> Vec<String> {
    normalise_text(text).split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// A phone number as digits in national form (`0` then 8 or 9 digits), from `+855 12 345 678`,
/// `00855-12-345-678`, `855 12345678`, `012 345 678` or the same with Khmer digits; `None` when
/// the text is not a Cambodian phone number.
pub fn normalise_phone(text: &str) -> Option<String> {
    let digits = phone_digits(text)?;
    let national = if let Some(rest) = digits.strip_prefix("855").filter(|r| (8..=9).contains(&r.len())) {
        format!("0{rest}")
    } else {
        digits
    };
    let valid = national.starts_with('0') && (9..=10).contains(&national.len());
    valid.then_some(national)
}

/// The start of a phone number as typed so far, in national form: `+855 12` is `012`,
/// `0123` stays `0123`. `None` when the text is not made of digits and phone punctuation, or
/// is only a part of the country code.
pub fn normalise_phone_prefix(text: &str) -> Option<String> {
    let digits = phone_digits(text)?;
    if let Some(rest) = digits.strip_prefix("855").filter(|_| text.trim_start().starts_with(['+', '0'])) {
        return (!rest.is_empty()).then(|| format!("0{rest}"));
    }
    (!digits.is_empty()).then_some(digits)
}

/// The digits of a text made only of digits (ASCII or Khmer) and the punctuation people put in
/// phone numbers; a leading `+` or `00` is dropped (it announces the country code).
fn phone_digits(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let (international, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars().filter(|c| !is_zero_width(*c)) {
        let c = ascii_digit(c);
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{00A0}') {
            return None;
        }
    }
    if !international {
        if let Some(rest) = digits.strip_prefix("00855") {
            return Some(format!("855{rest}"));
        }
    } else if !digits.starts_with("855") {
        return None;
    }
    Some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_khmer_name_typed_with_subscript_ro_first_matches_the_encoding_order() {
        // ស្ត្រី "woman": SA, COENG TA, COENG RO, II; typed with the COENG RO first.
        let standard = "\u{179F}\u{17D2}\u{178F}\u{17D2}\u{179A}\u{17B8}";
        let typed = "\u{179F}\u{17D2}\u{179A}\u{17D2}\u{178F}\u{17B8}";
        assert_ne!(standard, typed);
        assert_eq!(normalise_text(typed), normalise_text(standard));
        assert_eq!(normalise_text(standard), standard);
    }

    #[test]
    fn a_register_shifter_typed_after_the_vowel_moves_before_it() {
        // ប៊ី: BA, TRIISAP, II.
        assert_eq!(normalise_text("\u{1794}\u{17B8}\u{17CA}"), "\u{1794}\u{17CA}\u{17B8}");
    }

    #[test]
    fn split_vowels_and_deprecated_independent_vowels_become_the_recommended_characters() {
        // ដើម typed as DA + E + II + MO; កោះ typed as KA + E + AA + REAHMUK.
        assert_eq!(normalise_text("\u{178A}\u{17C1}\u{17B8}\u{1798}"), "\u{178A}\u{17BE}\u{1798}");
        assert_eq!(normalise_text("\u{1780}\u{17C1}\u{17B6}\u{17C7}"), "\u{1780}\u{17C4}\u{17C7}");
        assert_eq!(normalise_text("\u{17A4}"), "\u{17A2}\u{17B6}");
        assert_eq!(normalise_text("\u{17A3}"), "\u{17A2}");
    }

    #[test]
    fn subscript_da_and_subscript_ta_compare_equal() {
        assert_eq!(normalise_text("កណ្ដាល"), normalise_text("កណ្តាល"));
        assert_ne!(normalise_text("ដា"), normalise_text("តា"), "only the subscript forms are alike");
    }

    #[test]
    fn zero_width_characters_and_invisible_vowels_are_removed() {
        let with = "\u{200B}សុខ\u{200C}\u{200D} \u{FEFF}ចាន់\u{2060}\u{17B4}";
        assert_eq!(normalise_text(with), "សុខ ចាន់");
    }

    #[test]
    fn latin_is_case_and_accent_insensitive_and_spaces_collapse() {
        assert_eq!(normalise_text("  SOK   Chan-Dara "), "sok chan dara");
        assert_eq!(normalise_text("Takéo"), "takeo");
        assert_eq!(normalise_text("TAKE\u{0301}O"), "takeo");
        assert_eq!(tokens("Sok, Chan."), vec!["sok", "chan"]);
    }

    #[test]
    fn khmer_digits_become_ascii() {
        assert_eq!(normalise_text("កំពង់ថ្កូវ១"), "កំពង់ថ្កូវ1");
        assert_eq!(normalise_text("០១២ ៣៤៥"), "012 345");
    }

    #[test]
    fn cambodian_phone_numbers_in_every_usual_form_become_national_digits() {
        for typed in
            ["012 345 678", "+855 12 345 678", "+85512345678", "00855-12-345-678", "855 12 345 678", "០១២៣៤៥៦៧៨"]
        {
            assert_eq!(normalise_phone(typed).as_deref(), Some("012345678"), "{typed}");
        }
        assert_eq!(normalise_phone("+855 97 1234 567").as_deref(), Some("0971234567"));
        assert_eq!(normalise_phone("12345"), None);
        assert_eq!(normalise_phone("+66 81 234 5678"), None, "not Cambodian");
        assert_eq!(normalise_phone("sok 012"), None);
    }

    #[test]
    fn a_phone_prefix_drops_the_country_code_only_when_it_is_announced() {
        assert_eq!(normalise_phone_prefix("+855 1").as_deref(), Some("01"));
        assert_eq!(normalise_phone_prefix("00855 97").as_deref(), Some("097"));
        assert_eq!(normalise_phone_prefix("012-3").as_deref(), Some("0123"));
        assert_eq!(normalise_phone_prefix("8551").as_deref(), Some("8551"));
        assert_eq!(normalise_phone_prefix("+855"), None);
        assert_eq!(normalise_phone_prefix("sok"), None);
    }
}
