//! DHIS2 periods: the ISO period identifiers (`20251120`, `2025W47`, `2025NovQ1`, `2025April`, …)
//! of every DHIS2 period type, and the date ranges they stand for.
//!
//! This module owns parsing and formatting of the identifiers, their first and last days, the
//! period of a type that contains a date, and stepping to the next or previous period. It does
//! **not** decide which periods are open for data entry (open future periods, expiry days, input
//! periods): that is data-set logic and lives elsewhere, built on top of this.
//!
//! Only the ISO 8601 (Gregorian) calendar is supported, which is what DHIS2 uses for identifiers
//! in the API whatever the display calendar.
//!
//! # Supported years
//!
//! Periods are labelled with years [`MIN_YEAR`]`..=`[`MAX_YEAR`] (1900..=2200). Parsing a label
//! outside that range fails with [`PeriodError::YearOutOfRange`]; [`Period::containing`] clamps a
//! date outside the range to the first or last supported period; [`Period::next`] and
//! [`Period::previous`] stay on the last or first supported period (use
//! [`Period::checked_next`] / [`Period::checked_previous`] to notice the edge). Nothing in this
//! module panics on any input.
//!
//! # Rules, and where they come from
//!
//! Checked against dhis2-core (`org.hisp.dhis.period.*PeriodType`,
//! `org.hisp.dhis.calendar.DateUnitPeriodTypeParser`, the ClickHouse analytics period-bucket SQL)
//! and the dhis2-android-sdk (`PeriodType.kt`, `generator/internal/*PeriodGenerator.kt`):
//!
//! * **Weekly** `2025W47`: ISO 8601 weeks, Monday start, week 1 holds the year's first Thursday,
//!   so `2026W1` is 2025-12-29..2026-01-04. DHIS2 writes no leading zero; `2025W05` is accepted
//!   on parse (the DHIS2 regex is `(\d{4})W(\d[\d]?)`) and written back as `2025W5`.
//! * **WeeklyWednesday / WeeklyThursday / WeeklySaturday / WeeklySunday** `2025WedW5`,
//!   `2025ThuW5`, `2025SatW5`, `2025SunW5`: weeks starting on that weekday. A week belongs to the
//!   year that holds its fourth day (start + 3 days), and week 1 is the first such week. This is
//!   `java.time.temporal.WeekFields.of(firstDay, 4)` as used by dhis2-core
//!   `WeeklyAbstractPeriodType.getIsoDate`, and the "start date + 3 days" rule of dhis2-core
//!   PR #5745/#5798 (DHIS2-5990). A year has 52 or 53 such weeks depending on the type.
//! * **BiWeekly** `2025BiW1`: pairs of ISO weeks, `BiW n` = ISO weeks 2n-1 and 2n of the ISO
//!   week-year, so `2025BiW1` starts on 2024-12-30. In a 53-week year there is a `BiW27`. DHIS2
//!   (core `BiWeeklyAbstractPeriodType`, Android `BiWeeklyPeriodGenerator`) starts it on the
//!   Monday of week 53 and gives it 14 days, so it overlaps `BiW1` of the next year; yet both
//!   map a date in the next year's week 1 to that year's `BiW1`. **Here `BiW27` covers ISO week
//!   53 only (7 days)**, so bi-weeks never overlap and `next`/`previous` stay contiguous. The
//!   identifier and the start date match DHIS2, and so does the period that contains any date;
//!   only the end date of `BiW27` differs (DHIS2 says start + 13 days). `BiW27` of a 52-week
//!   year and `BiW28` are rejected.
//! * **Monthly** `202511` (`2025-11` is also accepted, as by the DHIS2 regex `(\d{4})[-]?(\d{2})`).
//! * **BiMonthly** `202501B`: the two digits are the bi-month index 1..=6, not a month:
//!   `202501B` = Jan-Feb, `202506B` = Nov-Dec (core `DateUnitPeriodTypeParser`).
//! * **Quarterly** `2025Q4`; **SixMonthly** `2025S2`; **Yearly** `2025`.
//! * **QuarterlyNov** `2025NovQ1`: quarters of a November-to-October year, labelled with the year
//!   in which that year ends: `2025NovQ1` = 2024-11-01..2025-01-31, `Q2` Feb-Apr, `Q3` May-Jul,
//!   `Q4` Aug-Oct 2025 (core `QuarterlyNovemberPeriodType.getIsoDate`: November start → year + 1).
//! * **SixMonthlyApril** `2025AprilS1` = Apr-Sep 2025, `2025AprilS2` = Oct 2025-Mar 2026.
//! * **SixMonthlyNov** `2025NovS1` = Nov 2024-Apr 2025, `2025NovS2` = May-Oct 2025 (core
//!   `SixMonthlyNovemberPeriodType`).
//! * **Financial years** `2025Feb`, `2025April`, `2025July`, `2025Aug`, `2025Sep`, `2025Oct` start
//!   on the first of that month in the labelled year: `2025April` = 2025-04-01..2026-03-31.
//! * **FinancialNov** `2025Nov` is the exception, like the other November types it is labelled
//!   with the year in which it **ends**: `2025Nov` = 2024-11-01..2025-10-31. Sources: dhis2-core
//!   `FinancialNovemberPeriodType.getIsoDate` (`year + 1` of the start date) and
//!   `DateUnitPeriodTypeParser` (start = November of `year - 1`), Android SDK
//!   `YearlyPeriodGenerator.generateId` (`startDate.year + 1` for `FinancialNov`).
//!
//! Identifiers are case-sensitive and must not carry spaces, as in DHIS2.
//!
//! dhis2-core also defines `TwoYearly` and, in recent versions, `WeeklyFriday` (`2025FriW5`).
//! The Android SDK's `PeriodType` has neither, and neither does this module.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate as Date, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::{Localize, Message};
use crate::msg;

/// The first year that a period label may carry.
pub const MIN_YEAR: i32 = 1900;
/// The last year that a period label may carry.
pub const MAX_YEAR: i32 = 2200;

/// Dates given to [`Period::containing`] are first clamped into this span (wider than the
/// supported years), so that every computation below stays far inside `chrono::NaiveDate`'s range.
const SPAN_FLOOR: Date = const_date(1800, 1, 1);
const SPAN_CEIL: Date = const_date(2300, 12, 31);

/// A date known at compile time (a bad one does not compile).
const fn const_date(year: i32, month: u32, day: u32) -> Date {
    match Date::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("not a date"),
    }
}

/// Longest piece of offending text copied into an error.
const MAX_SHOWN_CHARS: usize = 40;

/// A DHIS2 period type, named exactly as DHIS2 writes it in metadata (`periodType` fields).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
pub enum PeriodType {
    Daily,
    Weekly,
    WeeklyWednesday,
    WeeklyThursday,
    WeeklySaturday,
    WeeklySunday,
    BiWeekly,
    Monthly,
    BiMonthly,
    Quarterly,
    QuarterlyNov,
    SixMonthly,
    SixMonthlyApril,
    SixMonthlyNov,
    Yearly,
    FinancialFeb,
    FinancialApril,
    FinancialJuly,
    FinancialAug,
    FinancialSep,
    FinancialOct,
    FinancialNov,
}

/// How a type's periods are laid out on the calendar.
#[derive(Clone, Copy)]
enum Shape {
    Day,
    /// Seven days from `first`; labelled `{year}{tag}{week}`.
    Week {
        first: Weekday,
        tag: &'static str,
    },
    /// Two ISO weeks; labelled `{year}BiW{n}`.
    BiWeek,
    /// `len` months; a cycle of 12 months starts in month `base` (1..=12) and its periods carry
    /// the label year `cycle start year + label_offset`.
    Months {
        len: u8,
        base: u8,
        label_offset: i32,
        label: MonthLabel,
    },
}

#[derive(Clone, Copy)]
enum MonthLabel {
    /// `{year}{index:02}` (Monthly).
    Padded,
    /// `{year}{index:02}B` (BiMonthly).
    PaddedB,
    /// `{year}{tag}{index}` (Quarterly `Q`, SixMonthlyApril `AprilS`, …).
    Numbered(&'static str),
    /// `{year}{suffix}`, one period per year (Yearly with an empty suffix, financial years).
    Annual(&'static str),
}

const BIWEEK_TAG: &str = "BiW";

impl PeriodType {
    /// Every period type, in DHIS2's order from shortest to longest.
    pub const ALL: &'static [PeriodType] = &[
        PeriodType::Daily,
        PeriodType::Weekly,
        PeriodType::WeeklyWednesday,
        PeriodType::WeeklyThursday,
        PeriodType::WeeklySaturday,
        PeriodType::WeeklySunday,
        PeriodType::BiWeekly,
        PeriodType::Monthly,
        PeriodType::BiMonthly,
        PeriodType::Quarterly,
        PeriodType::QuarterlyNov,
        PeriodType::SixMonthly,
        PeriodType::SixMonthlyApril,
        PeriodType::SixMonthlyNov,
        PeriodType::Yearly,
        PeriodType::FinancialFeb,
        PeriodType::FinancialApril,
        PeriodType::FinancialJuly,
        PeriodType::FinancialAug,
        PeriodType::FinancialSep,
        PeriodType::FinancialOct,
        PeriodType::FinancialNov,
    ];

    /// The DHIS2 name, e.g. `"QuarterlyNov"`.
    pub fn name(self) -> &'static str {
        match self {
            PeriodType::Daily => "Daily",
            PeriodType::Weekly => "Weekly",
            PeriodType::WeeklyWednesday => "WeeklyWednesday",
            PeriodType::WeeklyThursday => "WeeklyThursday",
            PeriodType::WeeklySaturday => "WeeklySaturday",
            PeriodType::WeeklySunday => "WeeklySunday",
            PeriodType::BiWeekly => "BiWeekly",
            PeriodType::Monthly => "Monthly",
            PeriodType::BiMonthly => "BiMonthly",
            PeriodType::Quarterly => "Quarterly",
            PeriodType::QuarterlyNov => "QuarterlyNov",
            PeriodType::SixMonthly => "SixMonthly",
            PeriodType::SixMonthlyApril => "SixMonthlyApril",
            PeriodType::SixMonthlyNov => "SixMonthlyNov",
            PeriodType::Yearly => "Yearly",
            PeriodType::FinancialFeb => "FinancialFeb",
            PeriodType::FinancialApril => "FinancialApril",
            PeriodType::FinancialJuly => "FinancialJuly",
            PeriodType::FinancialAug => "FinancialAug",
            PeriodType::FinancialSep => "FinancialSep",
            PeriodType::FinancialOct => "FinancialOct",
            PeriodType::FinancialNov => "FinancialNov",
        }
    }

    fn shape(self) -> Shape {
        use MonthLabel::{Annual, Numbered, Padded, PaddedB};
        let months =
            |len: u8, base: u8, label_offset: i32, label: MonthLabel| Shape::Months { len, base, label_offset, label };
        match self {
            PeriodType::Daily => Shape::Day,
            PeriodType::Weekly => Shape::Week { first: Weekday::Mon, tag: "W" },
            PeriodType::WeeklyWednesday => Shape::Week { first: Weekday::Wed, tag: "WedW" },
            PeriodType::WeeklyThursday => Shape::Week { first: Weekday::Thu, tag: "ThuW" },
            PeriodType::WeeklySaturday => Shape::Week { first: Weekday::Sat, tag: "SatW" },
            PeriodType::WeeklySunday => Shape::Week { first: Weekday::Sun, tag: "SunW" },
            PeriodType::BiWeekly => Shape::BiWeek,
            PeriodType::Monthly => months(1, 1, 0, Padded),
            PeriodType::BiMonthly => months(2, 1, 0, PaddedB),
            PeriodType::Quarterly => months(3, 1, 0, Numbered("Q")),
            PeriodType::QuarterlyNov => months(3, 11, 1, Numbered("NovQ")),
            PeriodType::SixMonthly => months(6, 1, 0, Numbered("S")),
            PeriodType::SixMonthlyApril => months(6, 4, 0, Numbered("AprilS")),
            PeriodType::SixMonthlyNov => months(6, 11, 1, Numbered("NovS")),
            PeriodType::Yearly => months(12, 1, 0, Annual("")),
            PeriodType::FinancialFeb => months(12, 2, 0, Annual("Feb")),
            PeriodType::FinancialApril => months(12, 4, 0, Annual("April")),
            PeriodType::FinancialJuly => months(12, 7, 0, Annual("July")),
            PeriodType::FinancialAug => months(12, 8, 0, Annual("Aug")),
            PeriodType::FinancialSep => months(12, 9, 0, Annual("Sep")),
            PeriodType::FinancialOct => months(12, 10, 0, Annual("Oct")),
            PeriodType::FinancialNov => months(12, 11, 1, Annual("Nov")),
        }
    }

    /// What one numbered period of this type is called, for error messages.
    fn unit(self) -> PeriodUnit {
        match self {
            PeriodType::Daily => PeriodUnit::Day,
            PeriodType::Weekly
            | PeriodType::WeeklyWednesday
            | PeriodType::WeeklyThursday
            | PeriodType::WeeklySaturday
            | PeriodType::WeeklySunday => PeriodUnit::Week,
            PeriodType::BiWeekly => PeriodUnit::BiWeek,
            PeriodType::Monthly => PeriodUnit::Month,
            PeriodType::BiMonthly => PeriodUnit::BiMonth,
            PeriodType::Quarterly | PeriodType::QuarterlyNov => PeriodUnit::Quarter,
            PeriodType::SixMonthly | PeriodType::SixMonthlyApril | PeriodType::SixMonthlyNov => PeriodUnit::SixMonths,
            _ => PeriodUnit::Year,
        }
    }
}

/// The name a person reads for a period type ("Quarterly (starting November)"); the DHIS2 name
/// ([`PeriodType::name`]) stays for metadata and logs.
impl Localize for PeriodType {
    fn message(&self) -> Message {
        match self {
            PeriodType::Daily => Message::new("model-period-type-daily"),
            PeriodType::Weekly => Message::new("model-period-type-weekly"),
            PeriodType::WeeklyWednesday => Message::new("model-period-type-weekly-wednesday"),
            PeriodType::WeeklyThursday => Message::new("model-period-type-weekly-thursday"),
            PeriodType::WeeklySaturday => Message::new("model-period-type-weekly-saturday"),
            PeriodType::WeeklySunday => Message::new("model-period-type-weekly-sunday"),
            PeriodType::BiWeekly => Message::new("model-period-type-bi-weekly"),
            PeriodType::Monthly => Message::new("model-period-type-monthly"),
            PeriodType::BiMonthly => Message::new("model-period-type-bi-monthly"),
            PeriodType::Quarterly => Message::new("model-period-type-quarterly"),
            PeriodType::QuarterlyNov => Message::new("model-period-type-quarterly-nov"),
            PeriodType::SixMonthly => Message::new("model-period-type-six-monthly"),
            PeriodType::SixMonthlyApril => Message::new("model-period-type-six-monthly-april"),
            PeriodType::SixMonthlyNov => Message::new("model-period-type-six-monthly-nov"),
            PeriodType::Yearly => Message::new("model-period-type-yearly"),
            PeriodType::FinancialFeb => Message::new("model-period-type-financial-feb"),
            PeriodType::FinancialApril => Message::new("model-period-type-financial-april"),
            PeriodType::FinancialJuly => Message::new("model-period-type-financial-july"),
            PeriodType::FinancialAug => Message::new("model-period-type-financial-aug"),
            PeriodType::FinancialSep => Message::new("model-period-type-financial-sep"),
            PeriodType::FinancialOct => Message::new("model-period-type-financial-oct"),
            PeriodType::FinancialNov => Message::new("model-period-type-financial-nov"),
        }
    }
}

/// What one numbered period of a type is called in an error ("quarter 5 does not exist").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodUnit {
    Day,
    Week,
    BiWeek,
    Month,
    BiMonth,
    Quarter,
    SixMonths,
    Year,
}

impl Localize for PeriodUnit {
    fn message(&self) -> Message {
        match self {
            PeriodUnit::Day => Message::new("model-period-unit-day"),
            PeriodUnit::Week => Message::new("model-period-unit-week"),
            PeriodUnit::BiWeek => Message::new("model-period-unit-bi-week"),
            PeriodUnit::Month => Message::new("model-period-unit-month"),
            PeriodUnit::BiMonth => Message::new("model-period-unit-bi-month"),
            PeriodUnit::Quarter => Message::new("model-period-unit-quarter"),
            PeriodUnit::SixMonths => Message::new("model-period-unit-six-months"),
            PeriodUnit::Year => Message::new("model-period-unit-year"),
        }
    }
}

impl fmt::Display for PeriodType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PeriodType {
    type Err = PeriodError;

    /// Exactly the DHIS2 name (case-sensitive), e.g. `"SixMonthlyApril"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PeriodType::ALL
            .iter()
            .copied()
            .find(|ty| ty.name() == s)
            .ok_or_else(|| PeriodError::UnknownPeriodType { text: shown(s) })
    }
}

/// Why a period identifier or period type name was refused. `text` is the offending input
/// (shortened to 40 characters).
#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone)]
pub enum PeriodError {
    UnknownFormat { text: String },
    UnknownPeriodType { text: String },
    YearOutOfRange { text: String, year: i32, min: i32, max: i32 },
    InvalidDate { text: String },
    WeekOutOfRange { text: String, week: u32, max: u32 },
    IndexOutOfRange { text: String, unit: PeriodUnit, index: u32, max: u32 },
    WrongType { text: String, expected: PeriodType, found: PeriodType },
}

impl Localize for PeriodError {
    fn message(&self) -> Message {
        match self {
            PeriodError::UnknownFormat { text } => msg!("model-period-unknown-format", text = text),
            PeriodError::UnknownPeriodType { text } => msg!("model-period-unknown-type", text = text),
            PeriodError::YearOutOfRange { text, year, min, max } => {
                msg!("model-period-year-out-of-range", text = text, year = *year, min = *min, max = *max)
            }
            PeriodError::InvalidDate { text } => msg!("model-period-invalid-date", text = text),
            PeriodError::WeekOutOfRange { text, week, max } => {
                msg!("model-period-week-out-of-range", text = text, week = week, max = max)
            }
            PeriodError::IndexOutOfRange { text, unit, index, max } => {
                msg!("model-period-index-out-of-range", text = text, unit = unit.message(), index = index, max = max)
            }
            PeriodError::WrongType { text, expected, found } => {
                msg!("model-period-wrong-type", text = text, expected = expected.message(), found = found.message())
            }
        }
    }
}
crate::english_display!(PeriodError);

/// One DHIS2 period: a period type and the first day of the period.
///
/// Ordered by start date, then by type. Serialized as its ISO identifier.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    // Field order matters: the derived `Ord` compares the start date first.
    start: Date,
    ty: PeriodType,
}

impl Period {
    /// Parses an ISO period identifier, detecting the type from its form.
    pub fn parse(iso: &str) -> Result<Period, PeriodError> {
        let unknown = || PeriodError::UnknownFormat { text: shown(iso) };
        let (year_text, rest) = iso.split_at_checked(4).ok_or_else(unknown)?;
        let year = ascii_number(year_text, 4, 4).ok_or_else(unknown)?;
        let form = classify(rest).ok_or_else(unknown)?;
        // Every year text is four ASCII digits, so it fits in an i32.
        let year = i32::try_from(year).map_err(|_| unknown())?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(PeriodError::YearOutOfRange { text: shown(iso), year, min: MIN_YEAR, max: MAX_YEAR });
        }
        match form {
            Form::Day { month, day } => {
                let invalid = || PeriodError::InvalidDate { text: shown(iso) };
                let start = Date::from_ymd_opt(year, month, day).ok_or_else(invalid)?;
                Ok(Period { start, ty: PeriodType::Daily })
            }
            Form::Indexed { ty, index } => {
                let start = start_of_label(ty, year, index).map_err(|max| {
                    if matches!(ty.shape(), Shape::Week { .. }) {
                        PeriodError::WeekOutOfRange { text: shown(iso), week: index, max }
                    } else {
                        PeriodError::IndexOutOfRange { text: shown(iso), unit: ty.unit(), index, max }
                    }
                })?;
                Ok(Period { start, ty })
            }
        }
    }

    /// Parses an ISO period identifier that must be of type `ty`.
    pub fn parse_as(iso: &str, ty: PeriodType) -> Result<Period, PeriodError> {
        let period = Period::parse(iso)?;
        if period.ty != ty {
            return Err(PeriodError::WrongType { text: shown(iso), expected: ty, found: period.ty });
        }
        Ok(period)
    }

    /// The period of type `ty` that contains `date`. Dates before the first or after the last
    /// supported period (see [`MIN_YEAR`], [`MAX_YEAR`]) give that first or last period.
    pub fn containing(ty: PeriodType, date: Date) -> Period {
        let date = date.clamp(SPAN_FLOOR, SPAN_CEIL);
        let period = Period::unclamped(ty, date);
        let year = period.label_year();
        if year < MIN_YEAR {
            Period::first(ty)
        } else if year > MAX_YEAR {
            Period::last(ty)
        } else {
            period
        }
    }

    /// The type of the period.
    pub fn period_type(&self) -> PeriodType {
        self.ty
    }

    /// The first day of the period.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The last day of the period (inclusive).
    pub fn end(&self) -> Date {
        end_of(self.ty, self.start)
    }

    /// Whether `date` falls within the period (both ends inclusive).
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end()
    }

    /// The period that follows directly (starts the day after this one ends); the last supported
    /// period (labelled [`MAX_YEAR`]) has none and returns itself.
    pub fn next(&self) -> Period {
        self.checked_next().unwrap_or(*self)
    }

    /// The period that directly precedes this one; the first supported period (labelled
    /// [`MIN_YEAR`]) has none and returns itself.
    pub fn previous(&self) -> Period {
        self.checked_previous().unwrap_or(*self)
    }

    /// The following period, or `None` after the last supported period.
    pub fn checked_next(&self) -> Option<Period> {
        let next = Period::unclamped(self.ty, add_days(self.end(), 1));
        (next.label_year() <= MAX_YEAR).then_some(next)
    }

    /// The preceding period, or `None` before the first supported period.
    pub fn checked_previous(&self) -> Option<Period> {
        let previous = Period::unclamped(self.ty, add_days(self.start, -1));
        (previous.label_year() >= MIN_YEAR).then_some(previous)
    }

    /// The DHIS2 ISO identifier, e.g. `2025W47`, `2025NovQ1`, `202501B`.
    pub fn iso(&self) -> String {
        match self.ty.shape() {
            Shape::Day => format!("{:04}{:02}{:02}", self.start.year(), self.start.month(), self.start.day()),
            Shape::Week { first, tag } => {
                let (year, week) = week_label(first, self.start);
                format!("{year:04}{tag}{week}")
            }
            Shape::BiWeek => {
                let (year, week) = week_label(Weekday::Mon, self.start);
                format!("{year:04}{BIWEEK_TAG}{}", week.div_ceil(2))
            }
            Shape::Months { len, base, label_offset, label } => {
                let (year, index) = months_label(len, base, label_offset, self.start);
                match label {
                    MonthLabel::Padded => format!("{year:04}{index:02}"),
                    MonthLabel::PaddedB => format!("{year:04}{index:02}B"),
                    MonthLabel::Numbered(tag) => format!("{year:04}{tag}{index}"),
                    MonthLabel::Annual(suffix) => format!("{year:04}{suffix}"),
                }
            }
        }
    }

    /// The period of type `ty` containing `date`, without range checks; `date` must lie within
    /// `SPAN_FLOOR..=SPAN_CEIL` (or close to it).
    fn unclamped(ty: PeriodType, date: Date) -> Period {
        Period { start: start_containing(ty, date), ty }
    }

    /// The first period labelled with [`MIN_YEAR`].
    fn first(ty: PeriodType) -> Period {
        Period { start: first_start_of_label_year(ty, MIN_YEAR), ty }
    }

    /// The last period labelled with [`MAX_YEAR`]: the one just before the first period labelled
    /// with the year after it.
    fn last(ty: PeriodType) -> Period {
        let after = first_start_of_label_year(ty, MAX_YEAR + 1);
        Period::unclamped(ty, add_days(after, -1))
    }

    /// The year written in the period's identifier.
    fn label_year(&self) -> i32 {
        match self.ty.shape() {
            Shape::Day => self.start.year(),
            Shape::Week { first, .. } => week_label(first, self.start).0,
            Shape::BiWeek => week_label(Weekday::Mon, self.start).0,
            Shape::Months { len, base, label_offset, .. } => months_label(len, base, label_offset, self.start).0,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Period({} {}..={})", self.iso(), self.start, self.end())
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse(s)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).map_err(|e| super::decode_error::custom(e.message()))
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing helpers
// ---------------------------------------------------------------------------------------------

/// What the text after the four year digits says.
enum Form {
    Day {
        month: u32,
        day: u32,
    },
    /// A numbered period within the label year; one-per-year types have index 1.
    Indexed {
        ty: PeriodType,
        index: u32,
    },
}

/// Classifies the text after the year, or `None` if it is no DHIS2 form.
fn classify(rest: &str) -> Option<Form> {
    let letters_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (letters, tail) = rest.split_at_checked(letters_len)?;

    if letters.is_empty() {
        // Yearly `2025`, Daily `20251120`, Monthly `202511` / `2025-11`, BiMonthly `202501B`.
        if tail.is_empty() {
            return Some(Form::Indexed { ty: PeriodType::Yearly, index: 1 });
        }
        if let Some(month) = tail.strip_prefix('-') {
            let index = ascii_number(month, 2, 2)?;
            return Some(Form::Indexed { ty: PeriodType::Monthly, index });
        }
        if let Some(index) = tail.strip_suffix('B') {
            let index = ascii_number(index, 2, 2)?;
            return Some(Form::Indexed { ty: PeriodType::BiMonthly, index });
        }
        if tail.len() == 2 {
            let index = ascii_number(tail, 2, 2)?;
            return Some(Form::Indexed { ty: PeriodType::Monthly, index });
        }
        let (month, day) = tail.split_at_checked(2)?;
        let month = ascii_number(month, 2, 2)?;
        let day = ascii_number(day, 2, 2)?;
        return Some(Form::Day { month, day });
    }

    let ty = PeriodType::ALL.iter().copied().find(|ty| match ty.shape() {
        Shape::Day => false,
        Shape::Week { tag, .. } => tag == letters,
        Shape::BiWeek => BIWEEK_TAG == letters,
        Shape::Months { label, .. } => match label {
            MonthLabel::Padded | MonthLabel::PaddedB => false,
            MonthLabel::Numbered(tag) => tag == letters,
            MonthLabel::Annual(suffix) => !suffix.is_empty() && suffix == letters,
        },
    })?;
    let index = match ty.shape() {
        // Week numbers: one or two digits, a leading zero allowed (`2025W05`).
        Shape::Week { .. } | Shape::BiWeek => ascii_number(tail, 1, 2)?,
        Shape::Months { label: MonthLabel::Annual(_), .. } => {
            if !tail.is_empty() {
                return None;
            }
            1
        }
        // Quarters and halves: DHIS2 writes one digit; two digits are read so that `2025Q10`
        // reports a range error, but a leading zero is not DHIS2's form.
        _ => {
            if tail.len() == 2 && tail.starts_with('0') {
                return None;
            }
            ascii_number(tail, 1, 2)?
        }
    };
    Some(Form::Indexed { ty, index })
}

/// The value of `text` if it is `min_len..=max_len` ASCII digits (at most 4, so no overflow).
fn ascii_number(text: &str, min_len: usize, max_len: usize) -> Option<u32> {
    if text.len() < min_len || text.len() > max_len || max_len > 4 {
        return None;
    }
    text.bytes().try_fold(0u32, |acc, b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
}

/// `text`, shortened for an error message.
fn shown(text: &str) -> String {
    if text.chars().count() <= MAX_SHOWN_CHARS {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(MAX_SHOWN_CHARS).collect();
        short.push('…');
        short
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic. All dates handled here lie within about 1799..=2302, far inside
// `chrono::NaiveDate`'s range, so the conversions below cannot fail; their fallbacks only keep
// the functions total.
// ---------------------------------------------------------------------------------------------

fn add_days(date: Date, days: i32) -> Date {
    let min = Date::MIN.num_days_from_ce();
    let max = Date::MAX.num_days_from_ce();
    let day = date.num_days_from_ce().saturating_add(days).clamp(min, max);
    Date::from_num_days_from_ce_opt(day).unwrap_or(date)
}

/// The first day of the month numbered `months` since year 0 (`year * 12 + month - 1`).
fn first_of_month(months: i32) -> Date {
    let year = months.div_euclid(12).clamp(-9999, 9999);
    // rem_euclid(12) is 0..=11, so the cast cannot truncate.
    let month = months.rem_euclid(12) as u32 + 1;
    Date::from_ymd_opt(year, month, 1).unwrap_or(SPAN_FLOOR)
}

fn month_number(date: Date) -> i32 {
    // month() is 1..=12, so the cast cannot truncate.
    date.year() * 12 + date.month() as i32 - 1
}

/// Days from `from` forward to the next `to` (0..=6).
fn weekdays_forward(from: Weekday, to: Weekday) -> i32 {
    (to.num_days_from_monday() as i32 - from.num_days_from_monday() as i32).rem_euclid(7)
}

/// The weekday three days after the first day of a week: the day whose year is the week's year.
fn anchor_weekday(first: Weekday) -> Weekday {
    first.succ().succ().succ()
}

/// The anchor day (start + 3) of week 1 of `year` for weeks starting on `first`.
fn first_anchor(first: Weekday, year: i32) -> Date {
    let jan1 = first_of_month(year * 12);
    add_days(jan1, weekdays_forward(jan1.weekday(), anchor_weekday(first)))
}

/// How many weeks starting on `first` the given year has (52 or 53).
fn weeks_in_year(first: Weekday, year: i32) -> u32 {
    let first_ordinal = first_anchor(first, year).ordinal();
    let days = if first_of_month(year * 12).leap_year() { 366 } else { 365 };
    (days - first_ordinal) / 7 + 1
}

/// (year, week) of the week starting on `start` (which must be a `first` weekday).
fn week_label(first: Weekday, start: Date) -> (i32, u32) {
    debug_assert_eq!(start.weekday(), first);
    let anchor = add_days(start, 3);
    (anchor.year(), (anchor.ordinal() - 1) / 7 + 1)
}

/// (label year, index) of the months-shaped period starting on `start`.
fn months_label(len: u8, base: u8, label_offset: i32, start: Date) -> (i32, u32) {
    let month = start.month();
    let base = u32::from(base);
    let cycle_year = if month >= base { start.year() } else { start.year() - 1 };
    // Both are 1..=12, so the casts cannot truncate.
    let since_base = (month as i32 - base as i32).rem_euclid(12);
    let index = since_base / i32::from(len) + 1;
    (cycle_year + label_offset, index.unsigned_abs())
}

/// The first day of the period of type `ty` that contains `date`.
fn start_containing(ty: PeriodType, date: Date) -> Date {
    match ty.shape() {
        Shape::Day => date,
        Shape::Week { first, .. } => add_days(date, -weekdays_forward(first, date.weekday())),
        Shape::BiWeek => {
            let monday = add_days(date, -weekdays_forward(Weekday::Mon, date.weekday()));
            let (_, week) = week_label(Weekday::Mon, monday);
            if week % 2 == 0 {
                add_days(monday, -7)
            } else {
                monday
            }
        }
        Shape::Months { len, base, .. } => {
            // month() is 1..=12, so the cast cannot truncate.
            let month = date.month() as i32;
            let base = i32::from(base);
            let cycle_year = if month >= base { date.year() } else { date.year() - 1 };
            let since_base = (month - base).rem_euclid(12);
            let offset = since_base - since_base % i32::from(len);
            first_of_month(cycle_year * 12 + base - 1 + offset)
        }
    }
}

/// The last day of the period of type `ty` that starts on `start`.
fn end_of(ty: PeriodType, start: Date) -> Date {
    match ty.shape() {
        Shape::Day => start,
        Shape::Week { .. } => add_days(start, 6),
        Shape::BiWeek => {
            let (year, week) = week_label(Weekday::Mon, start);
            if week < weeks_in_year(Weekday::Mon, year) {
                add_days(start, 13)
            } else {
                // Bi-week 27 of a 53-week year: week 53 alone (see the module documentation).
                add_days(start, 6)
            }
        }
        Shape::Months { len, .. } => add_days(first_of_month(month_number(start) + i32::from(len)), -1),
    }
}

/// The first day of the period labelled (`year`, `index`), or `Err(max index)` if that year has
/// no such period. Not for Daily.
fn start_of_label(ty: PeriodType, year: i32, index: u32) -> Result<Date, u32> {
    match ty.shape() {
        Shape::Day => Err(0),
        Shape::Week { first, .. } => {
            let max = weeks_in_year(first, year);
            if index < 1 || index > max {
                return Err(max);
            }
            let week = i32::try_from(index).map_err(|_| max)?;
            Ok(add_days(first_anchor(first, year), 7 * (week - 1) - 3))
        }
        Shape::BiWeek => {
            let max = weeks_in_year(Weekday::Mon, year).div_ceil(2);
            if index < 1 || index > max {
                return Err(max);
            }
            start_of_label(PeriodType::Weekly, year, 2 * index - 1).map_err(|_| max)
        }
        Shape::Months { len, base, label_offset, .. } => {
            let max = 12 / u32::from(len);
            if index < 1 || index > max {
                return Err(max);
            }
            let offset = i32::try_from((index - 1) * u32::from(len)).map_err(|_| max)?;
            let cycle_year = year - label_offset;
            Ok(first_of_month(cycle_year * 12 + i32::from(base) - 1 + offset))
        }
    }
}

/// The first day of the first period labelled `year`.
fn first_start_of_label_year(ty: PeriodType, year: i32) -> Date {
    match start_of_label(ty, year, 1) {
        Ok(start) => start,
        // Daily (and, unreachably, anything else): 1 January.
        Err(_) => first_of_month(year * 12),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::ymd;

    fn p(iso: &str) -> Period {
        match Period::parse(iso) {
            Ok(period) => period,
            Err(e) => panic!("{iso} should parse: {e}"),
        }
    }

    fn range(iso: &str) -> (Date, Date) {
        let period = p(iso);
        (period.start(), period.end())
    }

    // --- PeriodType -------------------------------------------------------------------------

    #[test]
    fn all_lists_each_of_the_22_types_once() {
        assert_eq!(PeriodType::ALL.len(), 22);
        let mut seen = std::collections::HashSet::new();
        for ty in PeriodType::ALL {
            assert!(seen.insert(*ty), "{ty} twice");
        }
    }

    #[test]
    fn period_type_names_round_trip_through_display_from_str_and_serde() {
        for &ty in PeriodType::ALL {
            assert_eq!(ty.to_string().parse::<PeriodType>(), Ok(ty));
            let json = serde_json::to_string(&ty).unwrap();
            assert_eq!(json, format!("\"{}\"", ty.name()));
            assert_eq!(serde_json::from_str::<PeriodType>(&json).unwrap(), ty);
        }
        assert_eq!(PeriodType::FinancialNov.to_string(), "FinancialNov");
        assert_eq!(PeriodType::SixMonthlyApril.to_string(), "SixMonthlyApril");
    }

    #[test]
    fn unknown_period_type_name_is_refused() {
        assert_eq!("weekly".parse::<PeriodType>(), Err(PeriodError::UnknownPeriodType { text: "weekly".into() }));
        assert!("WeeklyFriday".parse::<PeriodType>().is_err());
        assert!(serde_json::from_str::<PeriodType>("\"FinancialNovember\"").is_err());
    }

    // --- Daily ------------------------------------------------------------------------------

    #[test]
    fn daily_is_one_day_and_round_trips() {
        assert_eq!(range("20251120"), (ymd(2025, 11, 20), ymd(2025, 11, 20)));
        assert_eq!(p("20251120").iso(), "20251120");
        assert_eq!(p("20240229").start(), ymd(2024, 2, 29));
        assert_eq!(p("20251231").next().iso(), "20260101");
        assert_eq!(p("20260101").previous().iso(), "20251231");
    }

    #[test]
    fn daily_rejects_dates_that_do_not_exist() {
        for text in ["20250230", "20250229", "20251301", "20250001", "20250100", "20250431"] {
            assert_eq!(Period::parse(text), Err(PeriodError::InvalidDate { text: text.into() }), "{text}");
        }
    }

    // --- Weekly -----------------------------------------------------------------------------

    #[test]
    fn iso_week_one_of_2026_starts_in_december_2025() {
        assert_eq!(range("2026W1"), (ymd(2025, 12, 29), ymd(2026, 1, 4)));
        assert_eq!(Period::containing(PeriodType::Weekly, ymd(2025, 12, 31)).iso(), "2026W1");
    }

    #[test]
    fn weekly_accepts_a_zero_padded_week_and_writes_it_without() {
        assert_eq!(p("2025W05"), p("2025W5"));
        assert_eq!(p("2025W05").iso(), "2025W5");
        assert_eq!(range("2025W47"), (ymd(2025, 11, 17), ymd(2025, 11, 23)));
    }

    #[test]
    fn week_53_exists_only_in_53_week_years_and_is_followed_by_week_1() {
        let w53 = p("2020W53");
        assert_eq!((w53.start(), w53.end()), (ymd(2020, 12, 28), ymd(2021, 1, 3)));
        assert_eq!(w53.next().iso(), "2021W1");
        assert_eq!(p("2021W1").previous(), w53);
        assert_eq!(
            Period::parse("2021W53"),
            Err(PeriodError::WeekOutOfRange { text: "2021W53".into(), week: 53, max: 52 })
        );
    }

    #[test]
    fn weekly_labels_agree_with_iso_8601_for_every_day_1990_to_2040() {
        let mut day = ymd(1990, 1, 1);
        while day <= ymd(2040, 12, 31) {
            let (year, week) = (day.iso_week().year(), day.iso_week().week());
            let period = Period::containing(PeriodType::Weekly, day);
            assert_eq!(period.iso(), format!("{year}W{week}"), "{day}");
            assert_eq!(period.start().weekday(), Weekday::Mon);
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn weekly_variants_start_on_their_weekday_and_belong_to_the_year_of_their_fourth_day() {
        // The DHIS2-5990 table (dhis2-core PR #5798): the week holding 2019-12-31.
        let at = ymd(2019, 12, 31);
        let cases = [
            (PeriodType::Weekly, ymd(2019, 12, 30), "2020W1"),
            (PeriodType::WeeklySaturday, ymd(2019, 12, 28), "2019SatW53"),
            (PeriodType::WeeklySunday, ymd(2019, 12, 29), "2020SunW1"),
            (PeriodType::WeeklyThursday, ymd(2019, 12, 26), "2019ThuW52"),
            (PeriodType::WeeklyWednesday, ymd(2019, 12, 25), "2019WedW52"),
        ];
        for (ty, start, iso) in cases {
            let period = Period::containing(ty, at);
            assert_eq!((period.start(), period.iso().as_str()), (start, iso), "{ty}");
            assert_eq!(p(iso), period);
        }
        assert_eq!(range("2025WedW5"), (ymd(2025, 1, 29), ymd(2025, 2, 4)));
        assert_eq!(range("2025ThuW1"), (ymd(2025, 1, 2), ymd(2025, 1, 8)));
        // 2024-12-28..2025-01-03 has four days in 2024, so it is the last week of 2024.
        assert_eq!(range("2025SatW1"), (ymd(2025, 1, 4), ymd(2025, 1, 10)));
        assert_eq!(range("2024SatW53"), (ymd(2024, 12, 28), ymd(2025, 1, 3)));
        assert_eq!(range("2025SunW1"), (ymd(2024, 12, 29), ymd(2025, 1, 4)));
    }

    /// Independent model of `WeekFields.of(first, 4)`: week 1 is the first week (starting on
    /// `first`) with at least four days in the year; weeks count on from there.
    #[test]
    fn weekly_variants_match_the_four_day_rule_brute_force_1995_to_2035() {
        let types = [
            PeriodType::Weekly,
            PeriodType::WeeklyWednesday,
            PeriodType::WeeklyThursday,
            PeriodType::WeeklySaturday,
            PeriodType::WeeklySunday,
        ];
        for ty in types {
            let Shape::Week { first, tag } = ty.shape() else { unreachable!() };
            for year in 1995..=2035 {
                let mut start = Date::from_ymd_opt(year - 1, 12, 20).unwrap();
                while start.weekday() != first {
                    start = start.succ_opt().unwrap();
                }
                let days_in = |s: Date| (0..7).filter(|&d| add_days(s, d).year() == year).count();
                while days_in(start) < 4 {
                    start = add_days(start, 7);
                }
                let mut week = 1;
                while days_in(start) >= 4 {
                    let iso = format!("{year}{tag}{week}");
                    assert_eq!(p(&iso).start(), start, "{iso}");
                    assert_eq!(Period::containing(ty, start).iso(), iso);
                    start = add_days(start, 7);
                    week += 1;
                }
                let beyond = format!("{year}{tag}{week}");
                assert!(matches!(Period::parse(&beyond), Err(PeriodError::WeekOutOfRange { .. })), "{beyond}");
            }
        }
    }

    // --- BiWeekly ---------------------------------------------------------------------------

    #[test]
    fn bi_week_one_pairs_iso_weeks_one_and_two() {
        assert_eq!(range("2025BiW1"), (ymd(2024, 12, 30), ymd(2025, 1, 12)));
        assert_eq!(range("2025BiW26"), (ymd(2025, 12, 15), ymd(2025, 12, 28)));
        assert_eq!(p("2025BiW26").next().iso(), "2026BiW1");
        assert_eq!(p("2025BiW02"), p("2025BiW2"));
    }

    #[test]
    fn bi_week_27_of_a_53_week_year_covers_week_53_only() {
        let last = p("2026BiW27");
        assert_eq!((last.start(), last.end()), (ymd(2026, 12, 28), ymd(2027, 1, 3)));
        assert_eq!(last.next().iso(), "2027BiW1");
        assert_eq!(last.next().start(), ymd(2027, 1, 4));
        assert_eq!(p("2027BiW1").previous(), last);
        assert_eq!(p("2026BiW26").next(), last);
        assert_eq!(
            Period::parse("2025BiW27"),
            Err(PeriodError::IndexOutOfRange {
                text: "2025BiW27".into(),
                unit: PeriodUnit::BiWeek,
                index: 27,
                max: 26
            })
        );
    }

    #[test]
    fn bi_week_containing_a_day_follows_its_iso_week_1990_to_2040() {
        let mut day = ymd(1990, 1, 1);
        while day <= ymd(2040, 12, 31) {
            let (year, week) = (day.iso_week().year(), day.iso_week().week());
            let period = Period::containing(PeriodType::BiWeekly, day);
            assert_eq!(period.iso(), format!("{year}BiW{}", week.div_ceil(2)), "{day}");
            assert!(period.contains(day));
            day = day.succ_opt().unwrap();
        }
    }

    // --- Month-based types ------------------------------------------------------------------

    #[test]
    fn monthly_covers_the_calendar_month_and_accepts_a_dash() {
        assert_eq!(range("202511"), (ymd(2025, 11, 1), ymd(2025, 11, 30)));
        assert_eq!(range("202402"), (ymd(2024, 2, 1), ymd(2024, 2, 29)));
        assert_eq!(p("2025-11"), p("202511"));
        assert_eq!(p("2025-11").iso(), "202511");
        assert_eq!(p("202512").next().iso(), "202601");
        assert_eq!(p("202601").previous().iso(), "202512");
    }

    #[test]
    fn bi_monthly_index_six_is_november_december() {
        assert_eq!(range("202501B"), (ymd(2025, 1, 1), ymd(2025, 2, 28)));
        assert_eq!(range("202502B"), (ymd(2025, 3, 1), ymd(2025, 4, 30)));
        assert_eq!(range("202506B"), (ymd(2025, 11, 1), ymd(2025, 12, 31)));
        assert_eq!(p("202506B").next().iso(), "202601B");
        assert_eq!(Period::containing(PeriodType::BiMonthly, ymd(2024, 2, 29)).iso(), "202401B");
    }

    #[test]
    fn quarterly_and_six_monthly_follow_the_calendar_year() {
        assert_eq!(range("2025Q4"), (ymd(2025, 10, 1), ymd(2025, 12, 31)));
        assert_eq!(p("2025Q4").next().iso(), "2026Q1");
        assert_eq!(range("2025S2"), (ymd(2025, 7, 1), ymd(2025, 12, 31)));
        assert_eq!(p("2026S1").previous().iso(), "2025S2");
        assert_eq!(range("2025"), (ymd(2025, 1, 1), ymd(2025, 12, 31)));
        assert_eq!(p("2025").next().iso(), "2026");
    }

    #[test]
    fn quarterly_nov_q1_starts_in_november_of_the_previous_year() {
        assert_eq!(range("2025NovQ1"), (ymd(2024, 11, 1), ymd(2025, 1, 31)));
        assert_eq!(range("2025NovQ2"), (ymd(2025, 2, 1), ymd(2025, 4, 30)));
        assert_eq!(range("2025NovQ3"), (ymd(2025, 5, 1), ymd(2025, 7, 31)));
        assert_eq!(range("2025NovQ4"), (ymd(2025, 8, 1), ymd(2025, 10, 31)));
        assert_eq!(p("2025NovQ4").next().iso(), "2026NovQ1");
        let december = Period::containing(PeriodType::QuarterlyNov, ymd(2025, 12, 24));
        assert_eq!(december.iso(), "2026NovQ1");
    }

    #[test]
    fn six_monthly_april_s2_runs_october_to_march() {
        assert_eq!(range("2025AprilS1"), (ymd(2025, 4, 1), ymd(2025, 9, 30)));
        assert_eq!(range("2025AprilS2"), (ymd(2025, 10, 1), ymd(2026, 3, 31)));
        assert_eq!(p("2025AprilS2").next().iso(), "2026AprilS1");
        let march = Period::containing(PeriodType::SixMonthlyApril, ymd(2026, 3, 15));
        assert_eq!(march.iso(), "2025AprilS2");
    }

    #[test]
    fn six_monthly_nov_s1_starts_in_november_of_the_previous_year() {
        assert_eq!(range("2025NovS1"), (ymd(2024, 11, 1), ymd(2025, 4, 30)));
        assert_eq!(range("2025NovS2"), (ymd(2025, 5, 1), ymd(2025, 10, 31)));
        assert_eq!(p("2025NovS2").next().iso(), "2026NovS1");
        assert_eq!(p("2025NovS1").previous().iso(), "2024NovS2");
    }

    #[test]
    fn financial_years_start_in_their_month_of_the_labelled_year() {
        let cases = [
            ("2025Feb", ymd(2025, 2, 1), ymd(2026, 1, 31), PeriodType::FinancialFeb),
            ("2025April", ymd(2025, 4, 1), ymd(2026, 3, 31), PeriodType::FinancialApril),
            ("2025July", ymd(2025, 7, 1), ymd(2026, 6, 30), PeriodType::FinancialJuly),
            ("2025Aug", ymd(2025, 8, 1), ymd(2026, 7, 31), PeriodType::FinancialAug),
            ("2025Sep", ymd(2025, 9, 1), ymd(2026, 8, 31), PeriodType::FinancialSep),
            ("2025Oct", ymd(2025, 10, 1), ymd(2026, 9, 30), PeriodType::FinancialOct),
        ];
        for (iso, start, end, ty) in cases {
            let period = p(iso);
            assert_eq!((period.start(), period.end(), period.period_type()), (start, end, ty));
            assert_eq!(period.iso(), iso);
        }
        assert_eq!(Period::containing(PeriodType::FinancialApril, ymd(2026, 3, 31)).iso(), "2025April");
        assert_eq!(Period::containing(PeriodType::FinancialApril, ymd(2026, 4, 1)).iso(), "2026April");
    }

    #[test]
    fn financial_nov_is_labelled_with_the_year_it_ends_in() {
        assert_eq!(range("2025Nov"), (ymd(2024, 11, 1), ymd(2025, 10, 31)));
        assert_eq!(Period::containing(PeriodType::FinancialNov, ymd(2025, 11, 20)).iso(), "2026Nov");
        assert_eq!(Period::containing(PeriodType::FinancialNov, ymd(2025, 10, 31)).iso(), "2025Nov");
        assert_eq!(p("2025Nov").next().iso(), "2026Nov");
    }

    // --- Rejection --------------------------------------------------------------------------

    #[test]
    fn out_of_range_week_and_index_numbers_are_refused_with_the_valid_range() {
        let week = |text: &str, week, max| PeriodError::WeekOutOfRange { text: text.into(), week, max };
        let index = |text: &str, unit, index, max| PeriodError::IndexOutOfRange { text: text.into(), unit, index, max };
        assert_eq!(Period::parse("2025W54"), Err(week("2025W54", 54, 52)));
        assert_eq!(Period::parse("2025W0"), Err(week("2025W0", 0, 52)));
        assert_eq!(Period::parse("2025W00"), Err(week("2025W00", 0, 52)));
        assert_eq!(Period::parse("2025SunW99"), Err(week("2025SunW99", 99, 53)));
        assert_eq!(Period::parse("202513"), Err(index("202513", PeriodUnit::Month, 13, 12)));
        assert_eq!(Period::parse("202500"), Err(index("202500", PeriodUnit::Month, 0, 12)));
        assert_eq!(Period::parse("202507B"), Err(index("202507B", PeriodUnit::BiMonth, 7, 6)));
        assert_eq!(Period::parse("2025Q5"), Err(index("2025Q5", PeriodUnit::Quarter, 5, 4)));
        assert_eq!(Period::parse("2025Q0"), Err(index("2025Q0", PeriodUnit::Quarter, 0, 4)));
        assert_eq!(Period::parse("2025Q10"), Err(index("2025Q10", PeriodUnit::Quarter, 10, 4)));
        assert_eq!(Period::parse("2025NovQ5"), Err(index("2025NovQ5", PeriodUnit::Quarter, 5, 4)));
        assert_eq!(Period::parse("2025S3"), Err(index("2025S3", PeriodUnit::SixMonths, 3, 2)));
        assert_eq!(Period::parse("2025AprilS3"), Err(index("2025AprilS3", PeriodUnit::SixMonths, 3, 2)));
        assert_eq!(Period::parse("2025BiW28"), Err(index("2025BiW28", PeriodUnit::BiWeek, 28, 26)));
        assert_eq!(Period::parse("2026BiW28"), Err(index("2026BiW28", PeriodUnit::BiWeek, 28, 27)));
        assert_eq!(Period::parse("2025BiW0"), Err(index("2025BiW0", PeriodUnit::BiWeek, 0, 26)));
    }

    #[test]
    fn text_that_is_no_period_identifier_is_refused_as_unknown_format() {
        let texts = [
            "",
            "abc",
            "2025W٤",
            "٢٠٢٥W5",
            "2025W",
            "2025W123",
            "2025W99999999999999999999",
            "202",
            "20251",
            "2025111",
            "202511200",
            "2025-1",
            "2025-111",
            "2025--11",
            "2025-11-20",
            "2025B",
            "202501b",
            "2025w5",
            "2025q1",
            "2025Q",
            "2025Q01",
            "2025QQ1",
            "2025FooW1",
            "2025FriW1",
            "2025April1",
            "2025April ",
            " 2025",
            "2025 ",
            "2025Q1x",
            "2025Nov1",
            "2025NovQ",
            "-2025",
            "+2025",
            "2025\u{0}",
            "2025🙂",
            "🙂",
            "20🙂25",
        ];
        for text in texts {
            assert_eq!(Period::parse(text), Err(PeriodError::UnknownFormat { text: text.into() }), "{text:?}");
        }
    }

    #[test]
    fn years_outside_1900_to_2200_are_refused() {
        let out =
            |text: &str, year| PeriodError::YearOutOfRange { text: text.into(), year, min: MIN_YEAR, max: MAX_YEAR };
        assert_eq!(Period::parse("1899"), Err(out("1899", 1899)));
        assert_eq!(Period::parse("2201W1"), Err(out("2201W1", 2201)));
        assert_eq!(Period::parse("18991231"), Err(out("18991231", 1899)));
        assert_eq!(Period::parse("0000Q1"), Err(out("0000Q1", 0)));
        assert_eq!(Period::parse("9999Nov"), Err(out("9999Nov", 9999)));
        assert!(Period::parse("1900").is_ok());
        assert!(Period::parse("2200").is_ok());
        assert_eq!(p("1900NovQ1").start(), ymd(1899, 11, 1));
    }

    #[test]
    fn long_text_is_shortened_in_errors() {
        let text = "x".repeat(10_000);
        let Err(PeriodError::UnknownFormat { text: shown }) = Period::parse(&text) else {
            panic!("expected UnknownFormat");
        };
        assert_eq!(shown.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn no_text_makes_parse_panic() {
        // Every prefix and every single-character mutation of valid identifiers, with ASCII and
        // multi-byte characters: parse may refuse, but never panics, and what it accepts
        // formats back to a string that parses to the same period.
        let seeds = [
            "20251120",
            "2025W47",
            "2025WedW5",
            "2025ThuW5",
            "2025SatW5",
            "2025SunW5",
            "2025BiW1",
            "202511",
            "2025-11",
            "202501B",
            "2025Q4",
            "2025NovQ1",
            "2025S2",
            "2025AprilS1",
            "2025NovS1",
            "2025",
            "2025Feb",
            "2025April",
            "2025July",
            "2025Aug",
            "2025Sep",
            "2025Oct",
            "2025Nov",
        ];
        let replacements = ['0', '9', 'W', 'B', 'Q', 'S', '-', ' ', 'é', '٤', '🙂', '\u{0}'];
        let check = |text: &str| {
            if let Ok(period) = Period::parse(text) {
                assert_eq!(Period::parse(&period.iso()), Ok(period), "{text:?}");
            }
        };
        for seed in seeds {
            let chars: Vec<char> = seed.chars().collect();
            for cut in 0..=chars.len() {
                check(&chars[..cut].iter().collect::<String>());
                for &r in &replacements {
                    let mut inserted = chars.clone();
                    inserted.insert(cut, r);
                    check(&inserted.iter().collect::<String>());
                    if cut < chars.len() {
                        let mut replaced = chars.clone();
                        replaced[cut] = r;
                        check(&replaced.iter().collect::<String>());
                    }
                }
            }
        }
    }

    // --- parse_as, containing, ordering, serde ----------------------------------------------

    #[test]
    fn parse_as_refuses_another_type() {
        assert_eq!(Period::parse_as("2025W5", PeriodType::Weekly), Ok(p("2025W5")));
        assert_eq!(
            Period::parse_as("202511", PeriodType::Weekly),
            Err(PeriodError::WrongType {
                text: "202511".into(),
                expected: PeriodType::Weekly,
                found: PeriodType::Monthly,
            })
        );
        assert_eq!(
            Period::parse_as("2025Nov", PeriodType::SixMonthlyNov),
            Err(PeriodError::WrongType {
                text: "2025Nov".into(),
                expected: PeriodType::SixMonthlyNov,
                found: PeriodType::FinancialNov,
            })
        );
        assert!(matches!(Period::parse_as("2025W54", PeriodType::Weekly), Err(PeriodError::WeekOutOfRange { .. })));
    }

    #[test]
    fn containing_clamps_dates_outside_the_supported_years() {
        for &ty in PeriodType::ALL {
            let first = Period::containing(ty, Date::MIN);
            let last = Period::containing(ty, Date::MAX);
            assert_eq!(first, Period::containing(ty, ymd(1700, 6, 1)), "{ty}");
            assert_eq!(first.label_year(), MIN_YEAR, "{ty}");
            assert_eq!(last.label_year(), MAX_YEAR, "{ty}");
            assert_eq!(first.checked_previous(), None, "{ty}");
            assert_eq!(last.checked_next(), None, "{ty}");
            assert_eq!(first.previous(), first);
            assert_eq!(last.next(), last);
            assert_eq!(p(&first.iso()), first);
            assert_eq!(p(&last.iso()), last);
            assert_eq!(first.next().previous(), first, "{ty}");
            assert_eq!(last.previous().next(), last, "{ty}");
        }
        assert_eq!(Period::containing(PeriodType::Daily, Date::MIN).iso(), "19000101");
        assert_eq!(Period::containing(PeriodType::Daily, Date::MAX).iso(), "22001231");
        assert_eq!(Period::containing(PeriodType::Weekly, Date::MIN).iso(), "1900W1");
        assert_eq!(Period::containing(PeriodType::FinancialNov, Date::MAX).iso(), "2200Nov");
    }

    #[test]
    fn periods_order_by_start_date_then_type() {
        let mut periods = [p("2025Q1"), p("202502"), p("2025W1"), p("202501"), p("2025")];
        periods.sort();
        let isos: Vec<String> = periods.iter().map(Period::iso).collect();
        assert_eq!(isos, ["2025W1", "202501", "2025Q1", "2025", "202502"]);
    }

    #[test]
    fn period_serializes_as_its_iso_identifier() {
        let period = p("2025NovQ1");
        assert_eq!(serde_json::to_string(&period).unwrap(), "\"2025NovQ1\"");
        assert_eq!(serde_json::from_str::<Period>("\"2025W05\"").unwrap(), p("2025W5"));
        assert!(serde_json::from_str::<Period>("\"2025W54\"").is_err());
        assert!(serde_json::from_str::<Period>("2025").is_err());
        assert_eq!("2025AprilS2".parse::<Period>(), Ok(p("2025AprilS2")));
        assert_eq!(period.to_string(), "2025NovQ1");
        assert_eq!(format!("{period:?}"), "Period(2025NovQ1 2024-11-01..=2025-01-31)");
    }

    // --- Walk every type --------------------------------------------------------------------

    #[test]
    fn every_type_walks_500_contiguous_periods_from_december_1999_and_back() {
        // Types of six months or longer reach the last supported year (2200) before 500 steps;
        // their walk ends there.
        for &ty in PeriodType::ALL {
            let first = Period::containing(ty, ymd(1999, 12, 1));
            assert!(first.contains(ymd(1999, 12, 1)), "{ty}");
            let mut period = first;
            let mut steps = 0;
            let mut reached_last = false;
            while steps < 500 {
                let (start, end) = (period.start(), period.end());
                assert_eq!(period.period_type(), ty);
                assert!(start <= end, "{period:?}");
                let days = end.num_days_from_ce() - start.num_days_from_ce() + 1;
                let expected = match ty.shape() {
                    Shape::Day => 1..=1,
                    Shape::Week { .. } => 7..=7,
                    Shape::BiWeek => 7..=14,
                    Shape::Months { len, .. } => {
                        let len = i32::from(len);
                        (28 * len + 2 * (len / 2))..=(31 * len)
                    }
                };
                assert!(expected.contains(&days), "{period:?} has {days} days");
                if matches!(ty.shape(), Shape::BiWeek) && days == 7 {
                    assert!(period.iso().ends_with("BiW27"), "{period:?}");
                }
                assert_eq!(Period::containing(ty, start), period, "{period:?}");
                assert_eq!(Period::containing(ty, end), period, "{period:?}");
                assert!(!period.contains(add_days(start, -1)) && !period.contains(add_days(end, 1)));
                let iso = period.iso();
                assert_eq!(Period::parse(&iso), Ok(period), "{iso}");
                assert_eq!(Period::parse_as(&iso, ty), Ok(period), "{iso}");
                let Some(next) = period.checked_next() else {
                    assert_eq!(period.label_year(), MAX_YEAR, "{period:?}");
                    assert!(Period::parse(&format!("{}", MAX_YEAR + 1)).is_err());
                    assert_eq!(period.next(), period);
                    reached_last = true;
                    break;
                };
                assert_eq!(next, period.next());
                assert_eq!(next.start(), add_days(end, 1), "{period:?} -> {next:?}");
                assert!(next > period);
                assert_eq!(next.previous(), period, "{next:?}");
                period = next;
                steps += 1;
            }
            let long = matches!(ty.shape(), Shape::Months { len, .. } if len >= 6);
            assert!(steps == 500 || (reached_last && long), "{ty}: only {steps} periods");
            for _ in 0..steps {
                period = period.previous();
            }
            assert_eq!(period, first, "{ty}");
        }
    }

    #[test]
    fn every_period_error_variant_renders_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let samples = [
            PeriodError::UnknownFormat { text: "2025X1".into() },
            PeriodError::UnknownPeriodType { text: "weekly".into() },
            PeriodError::YearOutOfRange { text: "1899".into(), year: 1899, min: MIN_YEAR, max: MAX_YEAR },
            PeriodError::InvalidDate { text: "20250230".into() },
            PeriodError::WeekOutOfRange { text: "2021W53".into(), week: 53, max: 52 },
            PeriodError::IndexOutOfRange { text: "2025Q5".into(), unit: PeriodUnit::Quarter, index: 5, max: 4 },
            PeriodError::WrongType { text: "2019".into(), expected: PeriodType::Monthly, found: PeriodType::Yearly },
        ];
        let name = |e: &PeriodError| match e {
            PeriodError::UnknownFormat { .. } => "UnknownFormat",
            PeriodError::UnknownPeriodType { .. } => "UnknownPeriodType",
            PeriodError::YearOutOfRange { .. } => "YearOutOfRange",
            PeriodError::InvalidDate { .. } => "InvalidDate",
            PeriodError::WeekOutOfRange { .. } => "WeekOutOfRange",
            PeriodError::IndexOutOfRange { .. } => "IndexOutOfRange",
            PeriodError::WrongType { .. } => "WrongType",
        };
        let names: std::collections::BTreeSet<_> = samples.iter().map(name).collect();
        assert_eq!(names.len(), 7, "one sample per variant");
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
        assert_eq!(samples[6].to_string(), "`2019` is a Yearly period, expected Monthly");
        assert_eq!(samples[5].to_string(), "`2025Q5`: quarter 5 does not exist, valid values are 1..=4");
    }

    #[test]
    fn every_period_type_and_unit_has_a_name_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let mut english = std::collections::BTreeSet::new();
        for ty in PeriodType::ALL {
            assert_renders_in_both(&ty.message());
            assert_renders_in_both(&ty.unit().message());
            english.insert(ty.localized(crate::i18n::Locale::ENGLISH));
        }
        assert_eq!(english.len(), PeriodType::ALL.len(), "two period types share a name: {english:?}");
        assert_eq!(PeriodType::QuarterlyNov.localized(crate::i18n::Locale::ENGLISH), "Quarterly (starting November)");
    }
}
