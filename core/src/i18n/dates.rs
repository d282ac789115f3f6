//! Dates and DHIS2 periods in the reader's language: `14 March 2025` / `14 មីនា 2025`,
//! `March 2025` / `មីនា 2025`, `Quarter 1 2025` / `ត្រីមាសទី 1 ឆ្នាំ 2025`. Day first in both languages,
//! as Cambodian registers write dates; month and weekday names from the catalogue (CLDR's Khmer
//! names, `../shared/fixtures/cldr-km`), digits as the reader chose.
//!
//! Owns the display of dates and periods. Does not own date arithmetic (chrono, `model::period`)
//! or the stored forms (ISO dates and period ids, which never change with the language).

use chrono::{Datelike, NaiveDate, Weekday};

use super::{render, Locale, Message};
use crate::model::{Period, PeriodType};
use crate::msg;

/// `date` as a person reads it: `14 March 2025`, `14 មីនា 2025`.
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    render(&msg!("date-long", day = date.day(), month = month(date.month()), year = date.year()), locale)
}

/// The month's name (1 = January).
pub fn month_name(month_number: u32, locale: Locale) -> String {
    render(&month(month_number), locale)
}

/// The weekday's name.
pub fn weekday_name(weekday: Weekday, locale: Locale) -> String {
    let m = match weekday {
        Weekday::Mon => Message::new("weekday-mon"),
        Weekday::Tue => Message::new("weekday-tue"),
        Weekday::Wed => Message::new("weekday-wed"),
        Weekday::Thu => Message::new("weekday-thu"),
        Weekday::Fri => Message::new("weekday-fri"),
        Weekday::Sat => Message::new("weekday-sat"),
        Weekday::Sun => Message::new("weekday-sun"),
    };
    render(&m, locale)
}

fn month(number: u32) -> Message {
    match number {
        1 => Message::new("month-1"),
        2 => Message::new("month-2"),
        3 => Message::new("month-3"),
        4 => Message::new("month-4"),
        5 => Message::new("month-5"),
        6 => Message::new("month-6"),
        7 => Message::new("month-7"),
        8 => Message::new("month-8"),
        9 => Message::new("month-9"),
        10 => Message::new("month-10"),
        11 => Message::new("month-11"),
        _ => Message::new("month-12"),
    }
}

/// `period` as a person reads it. Months, quarters, years, weeks and bi-weeks by their usual
/// names; days as dates; the other types (bi-months, six-months, financial years, quarters
/// starting in November) as the range of months they cover.
pub fn format_period(period: &Period, locale: Locale) -> String {
    render(&period_message(period), locale)
}

fn period_message(period: &Period) -> Message {
    let start = period.start();
    let iso = period.iso();
    // The number after the last letter: the week of `2025W10`, `2025WedW10`, the bi-week of `2025BiW3`.
    let trailing_number = || -> u32 {
        let digits = iso.trim_start_matches(|c: char| c.is_ascii_digit());
        let tail = digits.rsplit(|c: char| !c.is_ascii_digit()).next().unwrap_or("");
        tail.parse().unwrap_or(0)
    };
    let year = iso.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(start.year());
    match period.period_type() {
        PeriodType::Daily => msg!("period-day", date = start),
        PeriodType::Weekly
        | PeriodType::WeeklyWednesday
        | PeriodType::WeeklyThursday
        | PeriodType::WeeklySaturday
        | PeriodType::WeeklySunday => msg!("period-week", week = trailing_number(), year = year),
        PeriodType::BiWeekly => msg!("period-biweek", biweek = trailing_number(), year = year),
        PeriodType::Monthly => msg!("period-month", month = month(start.month()), year = start.year()),
        PeriodType::Quarterly => msg!("period-quarter", quarter = (start.month() - 1) / 3 + 1, year = start.year()),
        PeriodType::Yearly => msg!("period-year", year = start.year()),
        _ => {
            let end = period.end();
            msg!(
                "period-range",
                start = msg!("period-month", month = month(start.month()), year = start.year()),
                end = msg!("period-month", month = month(end.month()), year = end.year())
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_dates::ymd;

    fn period(iso: &str) -> Period {
        Period::parse(iso).unwrap()
    }

    #[test]
    fn dates_are_day_month_year_in_both_languages() {
        assert_eq!(format_date(ymd(2025, 3, 14), Locale::ENGLISH), "14 March 2025");
        assert_eq!(format_date(ymd(2025, 3, 14), Locale::KHMER), "14 មីនា 2025");
        assert_eq!(format_date(ymd(2025, 3, 14), Locale::new(Lang::Km, true)), "១៤ មីនា ២០២៥");
    }

    #[test]
    fn months_and_quarters_read_as_people_say_them() {
        assert_eq!(format_period(&period("202503"), Locale::KHMER), "មីនា 2025");
        assert_eq!(format_period(&period("2025Q1"), Locale::KHMER), "ត្រីមាសទី 1 ឆ្នាំ 2025");
        assert_eq!(format_period(&period("2025Q1"), Locale::ENGLISH), "Quarter 1 2025");
        assert_eq!(format_period(&period("2025"), Locale::ENGLISH), "2025");
        assert_eq!(format_period(&period("2025"), Locale::KHMER), "ឆ្នាំ 2025");
        assert_eq!(format_period(&period("20250314"), Locale::ENGLISH), "14 March 2025");
    }

    #[test]
    fn weeks_keep_their_number_and_other_types_show_their_months() {
        assert_eq!(format_period(&period("2025W10"), Locale::ENGLISH), "Week 10 2025");
        assert_eq!(format_period(&period("2025W10"), Locale::KHMER), "សប្ដាហ៍ទី 10 ឆ្នាំ 2025");
        assert_eq!(format_period(&period("2025WedW2"), Locale::ENGLISH), "Week 2 2025");
        assert_eq!(format_period(&period("2025BiW3"), Locale::ENGLISH), "Bi-week 3 2025");
        assert_eq!(format_period(&period("2025S1"), Locale::ENGLISH), "January 2025 – June 2025");
        assert_eq!(format_period(&period("2025April"), Locale::KHMER), "មេសា 2025 – មីនា 2026");
    }

    #[test]
    fn weekday_names_come_from_the_catalogue() {
        assert_eq!(weekday_name(Weekday::Fri, Locale::KHMER), "សុក្រ");
        assert_eq!(weekday_name(Weekday::Mon, Locale::ENGLISH), "Monday");
    }
}
