//! Value-type validation: does one text value fit its DHIS2 value type?
//!
//! Owns the accepted formats, decided exactly as the DHIS2 Android SDK validators decide
//! (`ValueType.validator`, research/program-rules.md §4.3), with the same failure kinds, so that
//! Phum accepts on the phone what the Android Capture app accepts. Proven by the SDK's own test
//! vectors (core/tests/value_type_vectors.rs).
//!
//! Does not own:
//! - normalising input (Khmer digits ០-៩ to 0-9, trimming): done on input, before this. Values
//!   reaching this module are the canonical ASCII text that Phum stores and sends;
//! - empty values: the Capture app does not validate an empty field (it means "no value"), and
//!   whether a field is mandatory is the form's business. `validate` itself answers like the SDK
//!   validator would for "" (e.g. "" is not a BOOLEAN, but is a TEXT);
//! - option sets, MULTI_TEXT option codes, and whether a UID names an existing object;
//! - the server's import checks, which differ in places (§4.3 "Android and the server differ").
//!
//! Where Phum deliberately differs from the SDK (all outside the vectors) the check says so in a
//! comment starting with "Decision:". In short: the SDK leans on Java's number parsers, which
//! also accept "NaN", "Infinity", hex floats, "5d"/"5f" suffixes, surrounding whitespace, some
//! exponent forms its scientific-notation pattern misses (".5e3"), and, for whole numbers, any
//! Unicode digits (Khmer "១២៣" passes `Integer.parseInt`). Phum rejects all of those: the server
//! rejects them too, and a value that is not canonical ASCII here was not normalised on input.
//! For plain decimal text (a sign, ASCII digits, one point) Phum answers exactly as the SDK.

use crate::i18n::{Localize, Message};
use crate::model::ValueType;
use crate::msg;

/// Longest TEXT-like value the SDK accepts, counted in UTF-16 code units as Kotlin counts.
pub const TEXT_MAX_LENGTH: usize = 50_000;

/// Length of a UID-like value (ORGANISATION_UNIT, FILE_RESOURCE, IMAGE, TRACKER_ASSOCIATE).
pub const UID_LIKE_LENGTH: usize = 11;

/// Why a value is not valid for its value type. One variant per SDK failure class
/// (`BooleanFailure`, `NumberFailure`, ...); the four SDK integer classes (`IntegerFailure`,
/// `IntegerPositiveFailure`, `IntegerNegativeFailure`, `IntegerZeroOrPositiveFailure`) share the
/// `Integer` variant, told apart by `value_type`. [`ValueError::sdk_failure`] gives the exact SDK
/// name. What a person reads is [`Localize::message`]: the value type's name and the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// SDK `BooleanFailure`.
    Boolean { value_type: ValueType, kind: BooleanFailure },
    /// SDK `TrueOnlyFailure`.
    TrueOnly { value_type: ValueType, kind: TrueOnlyFailure },
    /// SDK `LetterFailure`.
    Letter { value_type: ValueType, kind: LetterFailure },
    /// SDK `TextFailure.TooLargeTextException`. `length` is in UTF-16 code units.
    Text { value_type: ValueType, length: usize, max: usize },
    /// SDK `UidFailure`.
    Uid { value_type: ValueType, kind: UidFailure },
    /// SDK `EmailFailure.MalformedEmailException`.
    Email { value_type: ValueType },
    /// SDK `PhoneNumberFailure.MalformedPhoneNumberException`.
    PhoneNumber { value_type: ValueType },
    /// SDK `UrlFailure.MalformedUrlException` (only from [`validate_web_url`]).
    Url { value_type: ValueType },
    /// SDK `DateFailure.ParseException`.
    Date { value_type: ValueType },
    /// SDK `DateTimeFailure.ParseException`.
    DateTime { value_type: ValueType },
    /// SDK `TimeFailure.ParseException`.
    Time { value_type: ValueType },
    /// SDK `CoordinateFailure.CoordinateMalformedException`.
    Coordinate { value_type: ValueType },
    /// SDK `NumberFailure`.
    Number { value_type: ValueType, kind: NumberFailure },
    /// SDK `UnitIntervalFailure`.
    UnitInterval { value_type: ValueType, kind: UnitIntervalFailure },
    /// SDK `PercentageFailure`.
    Percentage { value_type: ValueType, kind: PercentageFailure },
    /// SDK `IntegerFailure`, `IntegerPositiveFailure`, `IntegerNegativeFailure` and
    /// `IntegerZeroOrPositiveFailure`, by `value_type`.
    Integer { value_type: ValueType, kind: IntegerFailure },
}

/// SDK `BooleanFailure` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BooleanFailure {
    ZeroIsNotFalse,
    OneIsNotTrue,
    Malformed,
}

/// SDK `TrueOnlyFailure` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TrueOnlyFailure {
    FalseIsNotAllowed,
    OneIsNotTrue,
    Malformed,
}

/// SDK `LetterFailure` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LetterFailure {
    Empty,
    MoreThanOneCharacter,
    NotALetter,
}

/// SDK `UidFailure` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UidFailure {
    TooShort,
    TooLong,
    Malformed,
}

/// SDK `NumberFailure` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NumberFailure {
    NotANumber,
    LeadingZero,
    ScientificNotation,
}

/// SDK `UnitIntervalFailure` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UnitIntervalFailure {
    NotANumber,
    ScientificNotation,
    GreaterThanOne,
    SmallerThanZero,
}

/// SDK `PercentageFailure` kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PercentageFailure {
    NotAWholeNumber,
    GreaterThan100,
    Negative,
}

/// Kinds shared by the SDK's four integer failure classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IntegerFailure {
    NotAWholeNumber,
    LeadingZero,
    Overflow,
    Zero,
    Negative,
    Positive,
}

impl Localize for ValueError {
    /// "not a valid value of type “Whole number”: expected a whole number such as 12 or -3".
    fn message(&self) -> Message {
        let problem = match self {
            ValueError::Boolean { kind, .. } => kind.message(),
            ValueError::TrueOnly { kind, .. } => kind.message(),
            ValueError::Letter { kind, .. } => kind.message(),
            ValueError::Text { length, max, .. } => msg!("validate-value-text-too-long", length = length, max = max),
            ValueError::Uid { kind, .. } => kind.message(),
            ValueError::Email { .. } => Message::new("validate-value-email"),
            ValueError::PhoneNumber { .. } => Message::new("validate-value-phone-number"),
            ValueError::Url { .. } => Message::new("validate-value-url"),
            ValueError::Date { .. } => Message::new("validate-value-date"),
            ValueError::DateTime { .. } => Message::new("validate-value-date-time"),
            ValueError::Time { .. } => Message::new("validate-value-time"),
            ValueError::Coordinate { .. } => Message::new("validate-value-coordinate"),
            ValueError::Number { kind, .. } => kind.message(),
            ValueError::UnitInterval { kind, .. } => kind.message(),
            ValueError::Percentage { kind, .. } => kind.message(),
            ValueError::Integer { kind, .. } => kind.message(),
        };
        msg!("validate-value-invalid", value_type = self.value_type().message(), problem = problem)
    }
}

impl Localize for BooleanFailure {
    fn message(&self) -> Message {
        match self {
            BooleanFailure::ZeroIsNotFalse => Message::new("validate-value-boolean-zero-is-not-false"),
            BooleanFailure::OneIsNotTrue => Message::new("validate-value-boolean-one-is-not-true"),
            BooleanFailure::Malformed => Message::new("validate-value-boolean-malformed"),
        }
    }
}

impl Localize for TrueOnlyFailure {
    fn message(&self) -> Message {
        match self {
            TrueOnlyFailure::FalseIsNotAllowed => Message::new("validate-value-true-only-false-is-not-allowed"),
            TrueOnlyFailure::OneIsNotTrue => Message::new("validate-value-true-only-one-is-not-true"),
            TrueOnlyFailure::Malformed => Message::new("validate-value-true-only-malformed"),
        }
    }
}

impl Localize for LetterFailure {
    fn message(&self) -> Message {
        match self {
            LetterFailure::Empty => Message::new("validate-value-letter-empty"),
            LetterFailure::MoreThanOneCharacter => Message::new("validate-value-letter-more-than-one"),
            LetterFailure::NotALetter => Message::new("validate-value-letter-not-a-letter"),
        }
    }
}

impl Localize for UidFailure {
    fn message(&self) -> Message {
        match self {
            UidFailure::TooShort => Message::new("validate-value-uid-too-short"),
            UidFailure::TooLong => Message::new("validate-value-uid-too-long"),
            UidFailure::Malformed => Message::new("validate-value-uid-malformed"),
        }
    }
}

impl Localize for NumberFailure {
    fn message(&self) -> Message {
        match self {
            NumberFailure::NotANumber => Message::new("validate-value-number-not-a-number"),
            NumberFailure::LeadingZero => Message::new("validate-value-number-leading-zero"),
            NumberFailure::ScientificNotation => Message::new("validate-value-number-scientific-notation"),
        }
    }
}

impl Localize for UnitIntervalFailure {
    fn message(&self) -> Message {
        match self {
            UnitIntervalFailure::NotANumber => Message::new("validate-value-unit-interval-not-a-number"),
            UnitIntervalFailure::ScientificNotation => Message::new("validate-value-unit-interval-scientific-notation"),
            UnitIntervalFailure::GreaterThanOne => Message::new("validate-value-unit-interval-greater-than-one"),
            UnitIntervalFailure::SmallerThanZero => Message::new("validate-value-unit-interval-smaller-than-zero"),
        }
    }
}

impl Localize for PercentageFailure {
    fn message(&self) -> Message {
        match self {
            PercentageFailure::NotAWholeNumber => Message::new("validate-value-percentage-not-a-whole-number"),
            PercentageFailure::GreaterThan100 => Message::new("validate-value-percentage-greater-than-100"),
            PercentageFailure::Negative => Message::new("validate-value-percentage-negative"),
        }
    }
}

impl Localize for IntegerFailure {
    fn message(&self) -> Message {
        match self {
            IntegerFailure::NotAWholeNumber => Message::new("validate-value-integer-not-a-whole-number"),
            IntegerFailure::LeadingZero => Message::new("validate-value-integer-leading-zero"),
            IntegerFailure::Overflow => Message::new("validate-value-integer-overflow"),
            IntegerFailure::Zero => Message::new("validate-value-integer-zero"),
            IntegerFailure::Negative => Message::new("validate-value-integer-negative"),
            IntegerFailure::Positive => Message::new("validate-value-integer-positive"),
        }
    }
}

crate::english_display!(
    ValueError,
    BooleanFailure,
    TrueOnlyFailure,
    LetterFailure,
    UidFailure,
    NumberFailure,
    UnitIntervalFailure,
    PercentageFailure,
    IntegerFailure
);

impl ValueError {
    /// The value type that the value was checked against.
    pub fn value_type(&self) -> ValueType {
        match self {
            ValueError::Boolean { value_type, .. }
            | ValueError::TrueOnly { value_type, .. }
            | ValueError::Letter { value_type, .. }
            | ValueError::Text { value_type, .. }
            | ValueError::Uid { value_type, .. }
            | ValueError::Email { value_type }
            | ValueError::PhoneNumber { value_type }
            | ValueError::Url { value_type }
            | ValueError::Date { value_type }
            | ValueError::DateTime { value_type }
            | ValueError::Time { value_type }
            | ValueError::Coordinate { value_type }
            | ValueError::Number { value_type, .. }
            | ValueError::UnitInterval { value_type, .. }
            | ValueError::Percentage { value_type, .. }
            | ValueError::Integer { value_type, .. } => *value_type,
        }
    }

    /// The Android SDK's name for this failure, e.g. `IntegerPositiveFailure.ValueIsZero`, as the
    /// vectors write it. For tests and logs; people see the message.
    pub fn sdk_failure(&self) -> String {
        format!("{}.{}", self.sdk_class(), self.sdk_object())
    }

    fn sdk_class(&self) -> &'static str {
        match self {
            ValueError::Boolean { .. } => "BooleanFailure",
            ValueError::TrueOnly { .. } => "TrueOnlyFailure",
            ValueError::Letter { .. } => "LetterFailure",
            ValueError::Text { .. } => "TextFailure",
            ValueError::Uid { .. } => "UidFailure",
            ValueError::Email { .. } => "EmailFailure",
            ValueError::PhoneNumber { .. } => "PhoneNumberFailure",
            ValueError::Url { .. } => "UrlFailure",
            ValueError::Date { .. } => "DateFailure",
            ValueError::DateTime { .. } => "DateTimeFailure",
            ValueError::Time { .. } => "TimeFailure",
            ValueError::Coordinate { .. } => "CoordinateFailure",
            ValueError::Number { .. } => "NumberFailure",
            ValueError::UnitInterval { .. } => "UnitIntervalFailure",
            ValueError::Percentage { .. } => "PercentageFailure",
            ValueError::Integer { value_type, .. } => match value_type {
                ValueType::IntegerPositive => "IntegerPositiveFailure",
                ValueType::IntegerNegative => "IntegerNegativeFailure",
                ValueType::IntegerZeroOrPositive => "IntegerZeroOrPositiveFailure",
                _ => "IntegerFailure",
            },
        }
    }

    fn sdk_object(&self) -> &'static str {
        match self {
            ValueError::Boolean { kind, .. } => match kind {
                BooleanFailure::ZeroIsNotFalse => "ZeroIsNotFalseException",
                BooleanFailure::OneIsNotTrue => "OneIsNotTrueException",
                BooleanFailure::Malformed => "BooleanMalformedException",
            },
            ValueError::TrueOnly { kind, .. } => match kind {
                TrueOnlyFailure::FalseIsNotAllowed => "FalseIsNotAValidValueException",
                TrueOnlyFailure::OneIsNotTrue => "OneIsNotTrueException",
                TrueOnlyFailure::Malformed => "BooleanMalformedException",
            },
            ValueError::Letter { kind, .. } => match kind {
                LetterFailure::Empty => "EmptyStringException",
                LetterFailure::MoreThanOneCharacter => "MoreThanOneLetterException",
                LetterFailure::NotALetter => "StringIsNotALetterException",
            },
            ValueError::Text { .. } => "TooLargeTextException",
            ValueError::Uid { kind, .. } => match kind {
                UidFailure::TooShort => "LessThanElevenCharsException",
                UidFailure::TooLong => "MoreThanElevenCharsException",
                UidFailure::Malformed => "MalformedUidException",
            },
            ValueError::Email { .. } => "MalformedEmailException",
            ValueError::PhoneNumber { .. } => "MalformedPhoneNumberException",
            ValueError::Url { .. } => "MalformedUrlException",
            ValueError::Date { .. } | ValueError::DateTime { .. } | ValueError::Time { .. } => "ParseException",
            ValueError::Coordinate { .. } => "CoordinateMalformedException",
            ValueError::Number { kind, .. } => match kind {
                NumberFailure::NotANumber => "NumberFormatException",
                NumberFailure::LeadingZero => "LeadingZeroException",
                NumberFailure::ScientificNotation => "ScientificNotationException",
            },
            ValueError::UnitInterval { kind, .. } => match kind {
                UnitIntervalFailure::NotANumber => "NumberFormatException",
                UnitIntervalFailure::ScientificNotation => "ScientificNotationException",
                UnitIntervalFailure::GreaterThanOne => "GreaterThanOneException",
                UnitIntervalFailure::SmallerThanZero => "SmallerThanZeroException",
            },
            ValueError::Percentage { kind, .. } => match kind {
                PercentageFailure::NotAWholeNumber => "NumberFormatException",
                PercentageFailure::GreaterThan100 => "ValueGreaterThan100",
                PercentageFailure::Negative => "ValueIsNegative",
            },
            ValueError::Integer { kind, .. } => match kind {
                IntegerFailure::NotAWholeNumber => "NumberFormatException",
                IntegerFailure::LeadingZero => "LeadingZeroException",
                IntegerFailure::Overflow => "IntegerOverflow",
                IntegerFailure::Zero => "ValueIsZero",
                IntegerFailure::Negative => "ValueIsNegative",
                IntegerFailure::Positive => "ValueIsPositive",
            },
        }
    }
}

/// Checks `value` against `value_type` as the Android SDK validator for that type does.
///
/// Never panics, whatever the input (any length, any Unicode).
pub fn validate(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    match value_type {
        // URL is not checked as a web address on Android (the SDK's UrlValidator is wired to no
        // value type); MULTI_TEXT option codes are checked with the option set, not here.
        ValueType::Text
        | ValueType::Username
        | ValueType::Url
        | ValueType::Reference
        | ValueType::GeoJson
        | ValueType::MultiText => check_text_length(value_type, value),
        ValueType::LongText => Ok(()),
        ValueType::Letter => check_letter(value_type, value),
        ValueType::PhoneNumber => check_phone_number(value_type, value),
        ValueType::Email => check_email(value_type, value),
        ValueType::Boolean => check_boolean(value_type, value),
        ValueType::TrueOnly => check_true_only(value_type, value),
        ValueType::Date | ValueType::Age => check_date(value_type, value),
        ValueType::DateTime => check_date_time(value_type, value),
        ValueType::Time => check_time(value_type, value),
        ValueType::Number => check_number(value_type, value),
        ValueType::UnitInterval => check_unit_interval(value_type, value),
        ValueType::Percentage => check_percentage(value_type, value),
        ValueType::Integer
        | ValueType::IntegerPositive
        | ValueType::IntegerNegative
        | ValueType::IntegerZeroOrPositive => check_integer(value_type, value),
        ValueType::Coordinate => check_coordinate(value_type, value),
        ValueType::OrganisationUnit | ValueType::FileResource | ValueType::Image | ValueType::TrackerAssociate => {
            check_uid_like(value_type, value)
        }
    }
}

/// The SDK's `UrlValidator`: an http(s) address with a lower-case host that ends in a 2 to 6
/// letter top-level domain, an optional port and an optional path. The SDK wires it to no value
/// type (a URL value is only length-checked, see [`validate`]); it is here for callers that want
/// a web-address hint, and to keep its vectors honest. Errors name [`ValueType::Url`].
pub fn validate_web_url(value: &str) -> Result<(), ValueError> {
    if is_web_url(value) {
        Ok(())
    } else {
        Err(ValueError::Url { value_type: ValueType::Url })
    }
}

// ---------------------------------------------------------------------------------------------
// Texts, letters, UIDs

/// Kotlin counts a string's length in UTF-16 code units; so does the SDK.
fn utf16_length(value: &str) -> usize {
    value.encode_utf16().count()
}

fn check_text_length(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    // Every UTF-16 unit takes at least one UTF-8 byte, so short texts need no counting.
    if value.len() <= TEXT_MAX_LENGTH {
        return Ok(());
    }
    let length = utf16_length(value);
    if length > TEXT_MAX_LENGTH {
        return Err(ValueError::Text { value_type, length, max: TEXT_MAX_LENGTH });
    }
    Ok(())
}

/// Exactly one UTF-16 unit, an ASCII letter. "ñ" and "Á" are not letters here (the server
/// would accept them); a letter outside the BMP counts as two units, so "more than one".
fn check_letter(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let fail = |kind| Err(ValueError::Letter { value_type, kind });
    match utf16_length(value) {
        0 => fail(LetterFailure::Empty),
        1 if value.as_bytes()[0].is_ascii_alphabetic() => Ok(()),
        1 => fail(LetterFailure::NotALetter),
        _ => fail(LetterFailure::MoreThanOneCharacter),
    }
}

/// 11 ASCII letters or digits; a digit first is allowed. This is looser than
/// [`crate::model::Uid::parse`] (letter first), because the SDK check is.
fn check_uid_like(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let bytes = value.as_bytes();
    if bytes.len() == UID_LIKE_LENGTH && bytes.iter().all(u8::is_ascii_alphanumeric) {
        return Ok(());
    }
    let kind = match utf16_length(value) {
        n if n < UID_LIKE_LENGTH => UidFailure::TooShort,
        n if n > UID_LIKE_LENGTH => UidFailure::TooLong,
        _ => UidFailure::Malformed,
    };
    Err(ValueError::Uid { value_type, kind })
}

// ---------------------------------------------------------------------------------------------
// Booleans

fn check_boolean(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let fail = |kind| Err(ValueError::Boolean { value_type, kind });
    match value {
        "true" | "false" => Ok(()),
        "0" => fail(BooleanFailure::ZeroIsNotFalse),
        "1" => fail(BooleanFailure::OneIsNotTrue),
        _ => fail(BooleanFailure::Malformed),
    }
}

/// Only "true". "0" is merely malformed here: the SDK has no special message for it.
fn check_true_only(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let fail = |kind| Err(ValueError::TrueOnly { value_type, kind });
    match value {
        "true" => Ok(()),
        "false" => fail(TrueOnlyFailure::FalseIsNotAllowed),
        "1" => fail(TrueOnlyFailure::OneIsNotTrue),
        _ => fail(TrueOnlyFailure::Malformed),
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// NUMBER. The SDK's order: leading zero, then Java `toDouble()`, then scientific notation, then
/// "starts with a point". "+4" and "5." are numbers (the server refuses both); ".5" is not, but
/// "-.5" is, because the SDK only looks for the point in the first place.
///
/// Decision: only plain decimal text and exponent forms count as parsable (see the module doc).
/// Every exponent form is "scientific notation", including ".5e3" and "-.5e3", which the SDK's
/// pattern misses and so accepts.
fn check_number(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let fail = |kind| Err(ValueError::Number { value_type, kind });
    if has_leading_zero(value) {
        return fail(NumberFailure::LeadingZero);
    }
    if is_exponent_form(value) {
        return fail(NumberFailure::ScientificNotation);
    }
    if !is_plain_decimal(value) || value.starts_with('.') {
        return fail(NumberFailure::NotANumber);
    }
    Ok(())
}

/// UNIT_INTERVAL: a number from 0 to 1. Unlike NUMBER the SDK has no leading-zero check and no
/// starting-point check here, so "00.5" and ".5" are accepted; "-0" is too (-0.0 is not below 0).
/// The bounds are compared as Java compares doubles: "1.00000000000000000001" rounds to 1.0 and
/// passes. Decision: the same parsable forms as NUMBER (so "NaN", which compares false both
/// ways and passes in the SDK, is rejected).
fn check_unit_interval(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let fail = |kind| Err(ValueError::UnitInterval { value_type, kind });
    if is_exponent_form(value) {
        return fail(UnitIntervalFailure::ScientificNotation);
    }
    if !is_plain_decimal(value) {
        return fail(UnitIntervalFailure::NotANumber);
    }
    let Ok(number) = value.parse::<f64>() else {
        return fail(UnitIntervalFailure::NotANumber);
    };
    if number > 1.0 {
        return fail(UnitIntervalFailure::GreaterThanOne);
    }
    if number < 0.0 {
        return fail(UnitIntervalFailure::SmallerThanZero);
    }
    Ok(())
}

/// PERCENTAGE: a whole number (Java `toInt()`) from 0 to 100. The SDK has no leading-zero check
/// here, so "050" and "+50" pass. Decision: ASCII digits only (see the module doc).
fn check_percentage(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let fail = |kind| Err(ValueError::Percentage { value_type, kind });
    match value.parse::<i32>() {
        Err(_) => fail(PercentageFailure::NotAWholeNumber),
        Ok(n) if n > 100 => fail(PercentageFailure::GreaterThan100),
        Ok(n) if n < 0 => fail(PercentageFailure::Negative),
        Ok(_) => Ok(()),
    }
}

/// INTEGER and its three signed kinds: no leading zero, a 32-bit whole number (a leading "+" is
/// fine), then the sign rule. Decision: ASCII digits only (see the module doc).
fn check_integer(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let fail = |kind| Err(ValueError::Integer { value_type, kind });
    if has_leading_zero(value) {
        return fail(IntegerFailure::LeadingZero);
    }
    match parse_int_as_sdk(value) {
        Err(kind) => fail(kind),
        Ok(number) => match sign_rule(value_type, number) {
            Err(kind) => fail(kind),
            Ok(()) => Ok(()),
        },
    }
}

/// Java `toInt()`; on failure the SDK tries `toLong()` to tell an overflow from garbage. So a
/// whole number too big even for 64 bits is "not a whole number", as in the SDK.
fn parse_int_as_sdk(value: &str) -> Result<i32, IntegerFailure> {
    if let Ok(number) = value.parse::<i32>() {
        return Ok(number);
    }
    match value.parse::<i64>() {
        Ok(_) => Err(IntegerFailure::Overflow),
        Err(_) => Err(IntegerFailure::NotAWholeNumber),
    }
}

fn sign_rule(value_type: ValueType, number: i32) -> Result<(), IntegerFailure> {
    match value_type {
        ValueType::IntegerPositive if number == 0 => Err(IntegerFailure::Zero),
        ValueType::IntegerPositive if number < 0 => Err(IntegerFailure::Negative),
        ValueType::IntegerNegative if number == 0 => Err(IntegerFailure::Zero),
        ValueType::IntegerNegative if number > 0 => Err(IntegerFailure::Positive),
        ValueType::IntegerZeroOrPositive if number < 0 => Err(IntegerFailure::Negative),
        _ => Ok(()),
    }
}

/// The SDK's leading-zero pattern `^[+\-]?(0+[0-9]).*$`: an optional sign, a zero, another
/// digit. Its `.*` does not cross line breaks, so a value holding one never matches and the
/// later checks decide; reproduced so that the failure kind is the SDK's.
fn has_leading_zero(value: &str) -> bool {
    let digits = strip_sign(value).as_bytes();
    digits.len() >= 2 && digits[0] == b'0' && digits[1].is_ascii_digit() && !value.chars().any(is_java_line_break)
}

/// What Java's `.` does not match.
fn is_java_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// An optional sign, ASCII digits, at most one point, at least one digit: "5", "+4", "-6.299",
/// "5.", ".5". The decimal forms that Java's `toDouble()` accepts, without an exponent.
fn is_plain_decimal(text: &str) -> bool {
    let unsigned = strip_sign(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    all_ascii_digits(whole) && all_ascii_digits(fraction) && !(whole.is_empty() && fraction.is_empty())
}

/// A plain decimal, then `e` or `E`, then an optional sign and at least one digit: "3e-01",
/// "37.e88", ".5e3".
fn is_exponent_form(text: &str) -> bool {
    let Some(at) = text.find(['e', 'E']) else {
        return false;
    };
    let (mantissa, exponent) = (&text[..at], &text[at + 1..]);
    let exponent_digits = strip_sign(exponent);
    is_plain_decimal(mantissa) && !exponent_digits.is_empty() && all_ascii_digits(exponent_digits)
}

fn strip_sign(text: &str) -> &str {
    text.strip_prefix(['+', '-']).unwrap_or(text)
}

fn all_ascii_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// Dates and times

/// DATE and AGE: `yyyy-MM-dd` with a 4-digit year from 0001 to 9999 and two-digit month and day.
/// Decision: the day must exist in that month ("2021-02-30" is rejected). Java's `LocalDate.parse`
/// with this pattern would quietly move it to 02-28; the Capture app rejects it with a second,
/// strict check, and §4.3 asks for calendar-valid dates. Decision: exactly four year digits, as
/// §4.3 says (Java's `yyyy` would also read a longer year).
fn check_date(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    if is_calendar_date(value.as_bytes()) {
        Ok(())
    } else {
        Err(ValueError::Date { value_type })
    }
}

/// DATETIME: `yyyy-MM-ddTHH:mm`, the date as for DATE, the time as for TIME (no seconds).
fn check_date_time(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    let bytes = value.as_bytes();
    let valid = bytes.len() == 16 && bytes[10] == b'T' && is_calendar_date(&bytes[..10]) && is_clock_time(&bytes[11..]);
    if valid {
        Ok(())
    } else {
        Err(ValueError::DateTime { value_type })
    }
}

/// TIME: `HH:mm` on a 24-hour clock, both parts two digits: "2:20" and "24:00" are rejected.
fn check_time(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    if is_clock_time(value.as_bytes()) {
        Ok(())
    } else {
        Err(ValueError::Time { value_type })
    }
}

fn is_calendar_date(bytes: &[u8]) -> bool {
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (digits_value(&bytes[0..4]), digits_value(&bytes[5..7]), digits_value(&bytes[8..10]))
    else {
        return false;
    };
    year >= 1 && day_exists(year, month, day)
}

fn day_exists(year: u32, month: u32, day: u32) -> bool {
    let Ok(year) = i32::try_from(year) else {
        return false;
    };
    chrono::NaiveDate::from_ymd_opt(year, month, day).is_some()
}

fn is_clock_time(bytes: &[u8]) -> bool {
    if bytes.len() != 5 || bytes[2] != b':' {
        return false;
    }
    match (digits_value(&bytes[0..2]), digits_value(&bytes[3..5])) {
        (Some(hour), Some(minute)) => hour <= 23 && minute <= 59,
        _ => false,
    }
}

/// The value of a short run of ASCII digits; `None` if any byte is not one (or the run is empty).
fn digits_value(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

// ---------------------------------------------------------------------------------------------
// Coordinates

/// `[longitude,latitude]`: longitude −180 to 180, latitude −90 to 90, each with an optional
/// sign and an optional fraction that needs at least one digit ("180." is rejected), no leading
/// zeros ("045" is rejected), and ±180 / ±90 only with zeros after the point. Whitespace is
/// allowed after the comma only.
fn check_coordinate(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    if is_coordinate(value) {
        Ok(())
    } else {
        Err(ValueError::Coordinate { value_type })
    }
}

fn is_coordinate(value: &str) -> bool {
    let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) else {
        return false;
    };
    let Some((longitude, latitude)) = inner.split_once(',') else {
        return false;
    };
    let latitude = latitude.trim_start_matches(is_java_whitespace);
    is_degrees(strip_sign(longitude), 180) && is_degrees(strip_sign(latitude), 90)
}

/// Java's `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
fn is_java_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// An unsigned angle up to `limit` degrees: below the limit any fraction, at the limit only zeros.
fn is_degrees(text: &str, limit: u32) -> bool {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let Some(degrees) = canonical_whole_number(whole) else {
        return false;
    };
    match fraction {
        None => degrees <= limit,
        Some(digits) if degrees == limit => !digits.is_empty() && digits.bytes().all(|b| b == b'0'),
        Some(digits) => degrees < limit && !digits.is_empty() && all_ascii_digits(digits),
    }
}

/// A whole number of at most three digits written without leading zeros ("0" is fine).
fn canonical_whole_number(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.len() > 3 || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    digits_value(bytes)
}

// ---------------------------------------------------------------------------------------------
// E-mail, phone number, web address

/// The SDK's pattern: a local part of ASCII letters, digits and ``.!#$%&'*+/=?^_`{|}~-``, one
/// "@", then dot-separated labels of 1 to 63 letters, digits and hyphens that start and end
/// with a letter or digit. Dots in the local part are unrestricted (".@1.1" is valid).
fn check_email(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    if is_email(value) {
        Ok(())
    } else {
        Err(ValueError::Email { value_type })
    }
}

fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty() && local.bytes().all(is_email_local_byte) && domain.split('.').all(is_domain_label)
}

fn is_email_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b)
}

fn is_domain_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

/// The SDK's pattern `^[0-9+(][0-9+\-() ]{2,18}[0-9]$`: 4 to 20 ASCII characters, starting with
/// a digit, "+" or "(", ending with a digit, with digits, "+", "-", "(", ")" and spaces between.
fn check_phone_number(value_type: ValueType, value: &str) -> Result<(), ValueError> {
    if is_phone_number(value.as_bytes()) {
        Ok(())
    } else {
        Err(ValueError::PhoneNumber { value_type })
    }
}

fn is_phone_number(bytes: &[u8]) -> bool {
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    (4..=20).contains(&bytes.len())
        && (first.is_ascii_digit() || *first == b'+' || *first == b'(')
        && last.is_ascii_digit()
        && bytes[1..bytes.len() - 1].iter().all(|b| b.is_ascii_digit() || b"+-() ".contains(b))
}

/// The SDK's pattern
/// `^(http|https)://[a-z0-9]+([-.][a-z0-9]+)*\.[a-z]{2,6}(:[0-9]{1,5})?(/.*)?$`.
/// The host runs up to the first character that cannot be in a host; after it may come a port,
/// then a path that starts with "/" and holds no line break.
fn is_web_url(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("http://").or_else(|| value.strip_prefix("https://")) else {
        return false;
    };
    let host_end = rest.find(|c: char| !is_host_char(c)).unwrap_or(rest.len());
    let (host, after_host) = rest.split_at(host_end);
    let path = match after_host.strip_prefix(':') {
        Some(port_and_path) => {
            let port_end = port_and_path.find(|c: char| !c.is_ascii_digit()).unwrap_or(port_and_path.len());
            if !(1..=5).contains(&port_end) {
                return false;
            }
            &port_and_path[port_end..]
        }
        None => after_host,
    };
    is_web_host(host) && (path.is_empty() || (path.starts_with('/') && !path.chars().any(is_java_line_break)))
}

fn is_host_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'
}

/// Runs of lower-case letters and digits joined by single "." or "-", at least two runs, the
/// last one 2 to 6 letters after a ".".
fn is_web_host(host: &str) -> bool {
    let Some((name, top_level)) = host.rsplit_once('.') else {
        return false;
    };
    let top_level_ok = (2..=6).contains(&top_level.len()) && top_level.bytes().all(|b| b.is_ascii_lowercase());
    top_level_ok && name.split(['.', '-']).all(|run| !run.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(value_type: ValueType, value: &str) -> String {
        validate(value_type, value).expect_err(value).sdk_failure()
    }

    // Texts, letters, UIDs

    #[test]
    fn text_accepts_exactly_fifty_thousand_characters() {
        assert!(validate(ValueType::Text, &"a".repeat(50_000)).is_ok());
        let err = validate(ValueType::Username, &"a".repeat(50_001)).unwrap_err();
        assert_eq!(err, ValueError::Text { value_type: ValueType::Username, length: 50_001, max: 50_000 });
    }

    #[test]
    fn text_length_counts_utf16_units_like_kotlin() {
        // Khmer letters are one UTF-16 unit each (three UTF-8 bytes): 50 000 of them fit.
        assert!(validate(ValueType::Text, &"ក".repeat(50_000)).is_ok());
        // An emoji outside the BMP is two units.
        assert!(validate(ValueType::Text, &"😀".repeat(25_000)).is_ok());
        assert!(validate(ValueType::Text, &"😀".repeat(25_001)).is_err());
    }

    #[test]
    fn url_value_type_is_only_length_checked() {
        assert!(validate(ValueType::Url, "not a web address").is_ok());
        assert!(validate(ValueType::Url, "").is_ok());
    }

    #[test]
    fn long_text_accepts_anything() {
        assert!(validate(ValueType::LongText, &"x".repeat(200_000)).is_ok());
    }

    #[test]
    fn letter_accepts_one_ascii_letter_only() {
        assert!(validate(ValueType::Letter, "q").is_ok());
        assert_eq!(kind_of(ValueType::Letter, ""), "LetterFailure.EmptyStringException");
        assert_eq!(kind_of(ValueType::Letter, "ab"), "LetterFailure.MoreThanOneLetterException");
        assert_eq!(kind_of(ValueType::Letter, "ក"), "LetterFailure.StringIsNotALetterException");
        assert_eq!(kind_of(ValueType::Letter, "𝐀"), "LetterFailure.MoreThanOneLetterException");
    }

    #[test]
    fn uid_like_values_allow_a_digit_first() {
        assert!(validate(ValueType::OrganisationUnit, "01234567890").is_ok());
        assert!(validate(ValueType::Image, "ImspTQPwCqd").is_ok());
        assert_eq!(kind_of(ValueType::FileResource, "ñsDo0TAPHPI"), "UidFailure.MalformedUidException");
        assert_eq!(kind_of(ValueType::TrackerAssociate, "abc"), "UidFailure.LessThanElevenCharsException");
    }

    // Booleans

    #[test]
    fn boolean_rejects_zero_and_one_with_their_own_reasons() {
        assert!(validate(ValueType::Boolean, "false").is_ok());
        assert_eq!(kind_of(ValueType::Boolean, "0"), "BooleanFailure.ZeroIsNotFalseException");
        assert_eq!(kind_of(ValueType::Boolean, "1"), "BooleanFailure.OneIsNotTrueException");
        assert_eq!(kind_of(ValueType::Boolean, "TRUE"), "BooleanFailure.BooleanMalformedException");
    }

    #[test]
    fn true_only_rejects_false_and_zero() {
        assert!(validate(ValueType::TrueOnly, "true").is_ok());
        assert_eq!(kind_of(ValueType::TrueOnly, "false"), "TrueOnlyFailure.FalseIsNotAValidValueException");
        assert_eq!(kind_of(ValueType::TrueOnly, "0"), "TrueOnlyFailure.BooleanMalformedException");
    }

    // Numbers

    #[test]
    fn number_accepts_a_plus_sign_and_a_trailing_point() {
        for value in ["+4", "5.", "-0", "0.000", "-.5", "123456789012345678901234567890"] {
            assert!(validate(ValueType::Number, value).is_ok(), "{value}");
        }
    }

    #[test]
    fn number_rejects_a_leading_point() {
        assert_eq!(kind_of(ValueType::Number, ".5"), "NumberFailure.NumberFormatException");
    }

    #[test]
    fn number_rejects_leading_zeros_before_anything_else() {
        assert_eq!(kind_of(ValueType::Number, "00abc"), "NumberFailure.LeadingZeroException");
        assert_eq!(kind_of(ValueType::Number, "-05"), "NumberFailure.LeadingZeroException");
        // The SDK pattern does not cross a line break: then it is just malformed.
        assert_eq!(kind_of(ValueType::Number, "05\n"), "NumberFailure.NumberFormatException");
    }

    #[test]
    fn number_rejects_every_exponent_form_as_scientific() {
        for value in ["1e5", "1.e5", "-2E+3", ".5e3", "-.5e3"] {
            assert_eq!(kind_of(ValueType::Number, value), "NumberFailure.ScientificNotationException", "{value}");
        }
        assert_eq!(kind_of(ValueType::Number, "1e"), "NumberFailure.NumberFormatException");
    }

    #[test]
    fn number_rejects_java_only_forms() {
        for value in ["NaN", "Infinity", "-Infinity", "0x1p3", "5d", "5f", " 5", "5 ", "1_000"] {
            assert_eq!(kind_of(ValueType::Number, value), "NumberFailure.NumberFormatException", "{value}");
        }
    }

    #[test]
    fn number_rejects_khmer_digits_which_are_normalised_on_input() {
        assert_eq!(kind_of(ValueType::Number, "១២៣"), "NumberFailure.NumberFormatException");
    }

    #[test]
    fn unit_interval_accepts_what_number_would_refuse() {
        for value in ["00.5", ".5", "+1", "1.", "-0", "1.00000000000000000001"] {
            assert!(validate(ValueType::UnitInterval, value).is_ok(), "{value}");
        }
    }

    #[test]
    fn unit_interval_rejects_values_outside_zero_to_one() {
        assert_eq!(kind_of(ValueType::UnitInterval, "1.0001"), "UnitIntervalFailure.GreaterThanOneException");
        assert_eq!(kind_of(ValueType::UnitInterval, "-0.0001"), "UnitIntervalFailure.SmallerThanZeroException");
        assert_eq!(kind_of(ValueType::UnitInterval, &"9".repeat(400)), "UnitIntervalFailure.GreaterThanOneException");
    }

    #[test]
    fn unit_interval_rejects_nan() {
        assert_eq!(kind_of(ValueType::UnitInterval, "NaN"), "UnitIntervalFailure.NumberFormatException");
    }

    #[test]
    fn percentage_rejects_values_above_one_hundred() {
        assert!(validate(ValueType::Percentage, "100").is_ok());
        assert_eq!(kind_of(ValueType::Percentage, "101"), "PercentageFailure.ValueGreaterThan100");
    }

    #[test]
    fn percentage_allows_leading_zeros_like_the_sdk() {
        assert!(validate(ValueType::Percentage, "050").is_ok());
        assert!(validate(ValueType::Percentage, "+7").is_ok());
    }

    #[test]
    fn percentage_too_big_for_32_bits_is_not_a_whole_number() {
        assert_eq!(kind_of(ValueType::Percentage, "3000000000"), "PercentageFailure.NumberFormatException");
    }

    #[test]
    fn integer_accepts_the_32_bit_range_and_a_plus_sign() {
        for value in ["-2147483648", "2147483647", "+12", "-0"] {
            assert!(validate(ValueType::Integer, value).is_ok(), "{value}");
        }
    }

    #[test]
    fn integer_out_of_64_bit_range_is_not_a_whole_number() {
        assert_eq!(kind_of(ValueType::Integer, "9223372036854775807"), "IntegerFailure.IntegerOverflow");
        assert_eq!(kind_of(ValueType::Integer, "9223372036854775808"), "IntegerFailure.NumberFormatException");
    }

    #[test]
    fn integer_rejects_khmer_digits_which_are_normalised_on_input() {
        // Java's Integer.parseInt would read these as 123 and 5; Phum validates canonical ASCII.
        assert_eq!(kind_of(ValueType::Integer, "១២៣"), "IntegerFailure.NumberFormatException");
        assert_eq!(kind_of(ValueType::Percentage, "០៥"), "PercentageFailure.NumberFormatException");
    }

    #[test]
    fn integer_positive_rejects_zero() {
        assert_eq!(kind_of(ValueType::IntegerPositive, "0"), "IntegerPositiveFailure.ValueIsZero");
        assert_eq!(kind_of(ValueType::IntegerPositive, "-0"), "IntegerPositiveFailure.ValueIsZero");
    }

    #[test]
    fn integer_negative_rejects_zero_and_positives() {
        assert_eq!(kind_of(ValueType::IntegerNegative, "0"), "IntegerNegativeFailure.ValueIsZero");
        assert_eq!(kind_of(ValueType::IntegerNegative, "+3"), "IntegerNegativeFailure.ValueIsPositive");
    }

    #[test]
    fn integer_zero_or_positive_accepts_zero_and_rejects_negatives() {
        assert!(validate(ValueType::IntegerZeroOrPositive, "0").is_ok());
        assert_eq!(kind_of(ValueType::IntegerZeroOrPositive, "-1"), "IntegerZeroOrPositiveFailure.ValueIsNegative");
    }

    // Dates and times

    #[test]
    fn date_accepts_leap_days_only_in_leap_years() {
        assert!(validate(ValueType::Date, "2024-02-29").is_ok());
        assert!(validate(ValueType::Date, "2000-02-29").is_ok());
        assert!(validate(ValueType::Date, "2023-02-29").is_err());
        assert!(validate(ValueType::Age, "1900-02-29").is_err());
    }

    #[test]
    fn date_rejects_days_that_do_not_exist() {
        for value in ["2021-02-30", "2021-04-31", "2021-13-01", "0000-01-01"] {
            assert_eq!(kind_of(ValueType::Date, value), "DateFailure.ParseException", "{value}");
        }
    }

    #[test]
    fn date_rejects_khmer_digits_and_other_scripts() {
        assert!(validate(ValueType::Date, "២០២៥-០៣-១៤").is_err());
        assert!(validate(ValueType::Date, "2025-03-1４").is_err());
    }

    #[test]
    fn date_time_needs_minutes_and_no_seconds() {
        assert!(validate(ValueType::DateTime, "2024-02-29T00:00").is_ok());
        assert!(validate(ValueType::DateTime, "2021-04-15T23:59:00").is_err());
        assert!(validate(ValueType::DateTime, "2021-04-15T24:00").is_err());
        assert!(validate(ValueType::DateTime, "2021-02-30T10:00").is_err());
        assert!(validate(ValueType::DateTime, "2021-04-15 10:00").is_err());
    }

    #[test]
    fn time_rejects_24_00_and_single_digit_hours() {
        assert!(validate(ValueType::Time, "23:59").is_ok());
        assert_eq!(kind_of(ValueType::Time, "24:00"), "TimeFailure.ParseException");
        assert_eq!(kind_of(ValueType::Time, "2:20"), "TimeFailure.ParseException");
    }

    // Coordinates

    #[test]
    fn coordinate_is_longitude_then_latitude() {
        assert!(validate(ValueType::Coordinate, "[104.9160,11.5564]").is_ok());
        assert!(validate(ValueType::Coordinate, "[180.000, -90.0]").is_ok());
        // Latitude first would put 104.9 in the latitude place.
        assert!(validate(ValueType::Coordinate, "[11.5564,104.9160]").is_err());
    }

    #[test]
    fn coordinate_allows_whitespace_only_after_the_comma() {
        assert!(validate(ValueType::Coordinate, "[1,\t 2]").is_ok());
        assert!(validate(ValueType::Coordinate, "[1 ,2]").is_err());
        assert!(validate(ValueType::Coordinate, "[ 1,2]").is_err());
    }

    #[test]
    fn coordinate_rejects_fractions_beyond_the_limits() {
        assert!(validate(ValueType::Coordinate, "[180.5,0]").is_err());
        assert!(validate(ValueType::Coordinate, "[0,90.01]").is_err());
        assert!(validate(ValueType::Coordinate, "[179.999,89.999]").is_ok());
        assert!(validate(ValueType::Coordinate, "[1,2,3]").is_err());
        assert!(validate(ValueType::Coordinate, "[--1,2]").is_err());
    }

    // E-mail, phone number, web address

    #[test]
    fn email_needs_one_at_and_clean_domain_labels() {
        assert!(validate(ValueType::Email, "chenda.sok@moh.gov.kh").is_ok());
        for value in ["a@@b", "a@b..c", "a@-b.c", "a@b-.c", "@b.c", "a@", "ក@b.c", "a@b.c "] {
            assert_eq!(kind_of(ValueType::Email, value), "EmailFailure.MalformedEmailException", "{value}");
        }
        assert!(validate(ValueType::Email, &format!("a@{}", "b".repeat(63))).is_ok());
        assert!(validate(ValueType::Email, &format!("a@{}", "b".repeat(64))).is_err());
    }

    #[test]
    fn phone_number_accepts_cambodian_numbers() {
        for value in ["012 345 678", "+855 12 345 678", "(+855) 97-123-4567", "1234"] {
            assert!(validate(ValueType::PhoneNumber, value).is_ok(), "{value}");
        }
    }

    #[test]
    fn phone_number_rejects_khmer_digits_and_wrong_ends() {
        for value in ["០១២៣៤៥៦៧៨", "123", "+855 12 345 67-", "-855123456", "12345678901234567890123"]
        {
            assert!(validate(ValueType::PhoneNumber, value).is_err(), "{value}");
        }
    }

    #[test]
    fn web_url_needs_a_scheme_and_a_lower_case_host() {
        assert!(validate_web_url("https://dhis2.org:8080/api/me?fields=id").is_ok());
        assert!(validate_web_url("http://moh-kh.gov.kh").is_ok());
        for value in [
            "https://DHIS2.org",
            "https://dhis2.org:",
            "https://dhis2.org:123456",
            "ftp://dhis2.org",
            "https://dhis2..org",
            "https://dhis2.org/a\nb",
            "https://dhis2.o",
        ] {
            assert!(validate_web_url(value).is_err(), "{value}");
        }
    }

    // Robustness

    #[test]
    fn no_value_type_panics_on_odd_input() {
        let long = "9".repeat(100_000);
        let odd = [
            "",
            "\0",
            "\u{FEFF}",
            "ก",
            "é",
            "😀😀",
            "[",
            "]",
            "[,]",
            "@",
            "e",
            "E5",
            "+",
            "-",
            ".",
            "T",
            ":",
            "\u{2028}",
            "0\u{2028}1",
            "០",
            "１２",
            &long,
        ];
        for value_type in ValueType::ALL {
            for value in odd {
                let _ = validate(*value_type, value);
            }
        }
        for value in odd {
            let _ = validate_web_url(value);
        }
    }

    #[test]
    fn every_error_names_its_value_type_and_an_sdk_failure() {
        let err = validate(ValueType::IntegerNegative, "5").unwrap_err();
        assert_eq!(err.value_type(), ValueType::IntegerNegative);
        assert_eq!(err.sdk_failure(), "IntegerNegativeFailure.ValueIsPositive");
        assert_eq!(err.to_string(), "not a valid value of type “Negative whole number”: must be less than zero");
    }

    #[test]
    fn every_value_error_variant_renders_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        use std::collections::BTreeSet;
        let mut samples = vec![
            ValueError::Text { value_type: ValueType::LongText, length: 50_001, max: TEXT_MAX_LENGTH },
            ValueError::Email { value_type: ValueType::Email },
            ValueError::PhoneNumber { value_type: ValueType::PhoneNumber },
            ValueError::Url { value_type: ValueType::Url },
            ValueError::Date { value_type: ValueType::Date },
            ValueError::DateTime { value_type: ValueType::DateTime },
            ValueError::Time { value_type: ValueType::Time },
            ValueError::Coordinate { value_type: ValueType::Coordinate },
        ];
        let all_booleanfailure =
            [BooleanFailure::ZeroIsNotFalse, BooleanFailure::OneIsNotTrue, BooleanFailure::Malformed];
        let all_trueonlyfailure =
            [TrueOnlyFailure::FalseIsNotAllowed, TrueOnlyFailure::OneIsNotTrue, TrueOnlyFailure::Malformed];
        let all_letterfailure = [LetterFailure::Empty, LetterFailure::MoreThanOneCharacter, LetterFailure::NotALetter];
        let all_uidfailure = [UidFailure::TooShort, UidFailure::TooLong, UidFailure::Malformed];
        let all_numberfailure =
            [NumberFailure::NotANumber, NumberFailure::LeadingZero, NumberFailure::ScientificNotation];
        let all_unitintervalfailure = [
            UnitIntervalFailure::NotANumber,
            UnitIntervalFailure::ScientificNotation,
            UnitIntervalFailure::GreaterThanOne,
            UnitIntervalFailure::SmallerThanZero,
        ];
        let all_percentagefailure =
            [PercentageFailure::NotAWholeNumber, PercentageFailure::GreaterThan100, PercentageFailure::Negative];
        let all_integerfailure = [
            IntegerFailure::NotAWholeNumber,
            IntegerFailure::LeadingZero,
            IntegerFailure::Overflow,
            IntegerFailure::Zero,
            IntegerFailure::Negative,
            IntegerFailure::Positive,
        ];
        samples.extend(
            all_booleanfailure.iter().map(|&kind| ValueError::Boolean { value_type: ValueType::Boolean, kind }),
        );
        samples.extend(
            all_trueonlyfailure.iter().map(|&kind| ValueError::TrueOnly { value_type: ValueType::TrueOnly, kind }),
        );
        samples
            .extend(all_letterfailure.iter().map(|&kind| ValueError::Letter { value_type: ValueType::Letter, kind }));
        samples.extend(
            all_uidfailure.iter().map(|&kind| ValueError::Uid { value_type: ValueType::OrganisationUnit, kind }),
        );
        samples
            .extend(all_numberfailure.iter().map(|&kind| ValueError::Number { value_type: ValueType::Number, kind }));
        samples.extend(
            all_unitintervalfailure
                .iter()
                .map(|&kind| ValueError::UnitInterval { value_type: ValueType::UnitInterval, kind }),
        );
        samples.extend(
            all_percentagefailure
                .iter()
                .map(|&kind| ValueError::Percentage { value_type: ValueType::Percentage, kind }),
        );
        samples.extend(
            all_integerfailure.iter().map(|&kind| ValueError::Integer { value_type: ValueType::IntegerPositive, kind }),
        );
        // Each kind list is complete: a match without a wildcard counts the variants.
        let count = |k: &BooleanFailure| match k {
            BooleanFailure::ZeroIsNotFalse => 0,
            BooleanFailure::OneIsNotTrue => 1,
            BooleanFailure::Malformed => 2,
        };
        assert_eq!(all_booleanfailure.iter().map(count).collect::<BTreeSet<_>>().len(), 3);
        let count = |k: &TrueOnlyFailure| match k {
            TrueOnlyFailure::FalseIsNotAllowed => 0,
            TrueOnlyFailure::OneIsNotTrue => 1,
            TrueOnlyFailure::Malformed => 2,
        };
        assert_eq!(all_trueonlyfailure.iter().map(count).collect::<BTreeSet<_>>().len(), 3);
        let count = |k: &LetterFailure| match k {
            LetterFailure::Empty => 0,
            LetterFailure::MoreThanOneCharacter => 1,
            LetterFailure::NotALetter => 2,
        };
        assert_eq!(all_letterfailure.iter().map(count).collect::<BTreeSet<_>>().len(), 3);
        let count = |k: &UidFailure| match k {
            UidFailure::TooShort => 0,
            UidFailure::TooLong => 1,
            UidFailure::Malformed => 2,
        };
        assert_eq!(all_uidfailure.iter().map(count).collect::<BTreeSet<_>>().len(), 3);
        let count = |k: &NumberFailure| match k {
            NumberFailure::NotANumber => 0,
            NumberFailure::LeadingZero => 1,
            NumberFailure::ScientificNotation => 2,
        };
        assert_eq!(all_numberfailure.iter().map(count).collect::<BTreeSet<_>>().len(), 3);
        let count = |k: &UnitIntervalFailure| match k {
            UnitIntervalFailure::NotANumber => 0,
            UnitIntervalFailure::ScientificNotation => 1,
            UnitIntervalFailure::GreaterThanOne => 2,
            UnitIntervalFailure::SmallerThanZero => 3,
        };
        assert_eq!(all_unitintervalfailure.iter().map(count).collect::<BTreeSet<_>>().len(), 4);
        let count = |k: &PercentageFailure| match k {
            PercentageFailure::NotAWholeNumber => 0,
            PercentageFailure::GreaterThan100 => 1,
            PercentageFailure::Negative => 2,
        };
        assert_eq!(all_percentagefailure.iter().map(count).collect::<BTreeSet<_>>().len(), 3);
        let count = |k: &IntegerFailure| match k {
            IntegerFailure::NotAWholeNumber => 0,
            IntegerFailure::LeadingZero => 1,
            IntegerFailure::Overflow => 2,
            IntegerFailure::Zero => 3,
            IntegerFailure::Negative => 4,
            IntegerFailure::Positive => 5,
        };
        assert_eq!(all_integerfailure.iter().map(count).collect::<BTreeSet<_>>().len(), 6);
        let name = |e: &ValueError| match e {
            ValueError::Boolean { .. } => "Boolean",
            ValueError::TrueOnly { .. } => "TrueOnly",
            ValueError::Letter { .. } => "Letter",
            ValueError::Text { .. } => "Text",
            ValueError::Uid { .. } => "Uid",
            ValueError::Email { .. } => "Email",
            ValueError::PhoneNumber { .. } => "PhoneNumber",
            ValueError::Url { .. } => "Url",
            ValueError::Date { .. } => "Date",
            ValueError::DateTime { .. } => "DateTime",
            ValueError::Time { .. } => "Time",
            ValueError::Coordinate { .. } => "Coordinate",
            ValueError::Number { .. } => "Number",
            ValueError::UnitInterval { .. } => "UnitInterval",
            ValueError::Percentage { .. } => "Percentage",
            ValueError::Integer { .. } => "Integer",
        };
        assert_eq!(samples.iter().map(name).collect::<BTreeSet<_>>().len(), 16, "one sample per variant");
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
        let khmer = samples[0].localized(crate::i18n::Locale::KHMER);
        assert!(khmer.contains("អត្ថបទវែង") && khmer.contains("50001"), "{khmer}");
    }
}
