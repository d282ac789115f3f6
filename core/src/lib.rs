//! phum-core: all behaviour of Phum, the offline DHIS2 capture app for Cambodia's health
//! workers. The Android shell (through UniFFI) and the `phum` command line are thin front ends
//! over this crate. See DESIGN.md at the repository root for the map of modules.
//!
//! Developer tools are behind cargo features, off by default, so that the library an app links
//! does not carry them: `vectors` (`expr::vectors`, the upstream test-vector runner), `fuzz`
//! (`expr::fuzz_body`) and `lint` (static checks of rules in metadata files).

pub mod demo;
pub mod expr;
pub mod form;
pub mod i18n;
#[cfg(feature = "lint")]
pub mod lint;
pub mod model;
pub mod rules;
pub mod schedule;
pub mod search;
pub mod store;
pub mod sync;
pub mod validate;

/// Dates and times written briefly in unit tests.
#[cfg(test)]
pub(crate) mod test_dates {
    /// The calendar date `year-month-day` (a test's constant; panics if there is no such day).
    pub fn ymd(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| panic!("{year}-{month}-{day} is no date"))
    }

    /// A moment to stamp test writes with: 09:00 in Phnom Penh on 2026-11-01.
    pub fn now() -> crate::model::Timestamp {
        crate::model::DeviceClock::default().pinned_at("2026-11-01T02:00:00Z".parse().unwrap()).now()
    }
}
