//! The VHSG monthly village reports already filled: the six villages of the trainee's health
//! centre for the six months before the current one, all sent and completed except last month's,
//! where one village's report is filled but not completed and two villages have not reported
//! (the trainee's exercise). The current month is empty.
//!
//! Owns the plans: which reports, their values (each village keeps about the same number of
//! children and pregnant women from month to month; every value passes the data set's validation
//! rules) and when they were entered. Does not own writing (`write`).

use chrono::NaiveDate as Date;
use rand::rngs::StdRng;
use rand::Rng;

use super::days;
use crate::demo::dataset::{org_units, vhsg};
use crate::model::{Period, PeriodType, Uid};

/// One village's report for one month.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportPlan {
    pub(crate) village: Uid,
    pub(crate) period: Period,
    /// Data element, category option combo, value.
    pub(crate) values: Vec<(Uid, Uid, String)>,
    pub(crate) entered: Date,
    pub(crate) completed: bool,
}

/// Months reported before the current one.
pub(crate) const MONTHS: usize = 6;

/// Plans every report, village by village, oldest month first.
pub(crate) fn plan(rng: &mut StdRng, today: Date) -> Vec<ReportPlan> {
    let this_month = Period::containing(PeriodType::Monthly, today);
    let mut months = vec![this_month.previous()];
    while months.len() < MONTHS {
        let earlier = months[months.len() - 1].previous();
        months.push(earlier);
    }
    months.reverse();
    let mut out = Vec::new();
    for (v, (village, _)) in org_units::TRAINEE_VILLAGES.iter().enumerate() {
        let under_two = [rng.random_range(15..=35), rng.random_range(15..=35)];
        let pregnant = rng.random_range(4..=12);
        for (m, period) in months.iter().enumerate() {
            let last_month = m + 1 == MONTHS;
            if last_month && v >= 4 {
                continue;
            }
            let entered = (period.end() + days(rng.random_range(1..=4))).min(today);
            out.push(ReportPlan {
                village: *village,
                period: *period,
                values: values(rng, under_two, pregnant),
                entered,
                completed: !(last_month && v == 3),
            });
        }
    }
    out
}

fn values(rng: &mut StdRng, under_two: [u32; 2], pregnant: u32) -> Vec<(Uid, Uid, String)> {
    let mut out = Vec::new();
    let mut put = |de: Uid, coc: Uid, n: u32| out.push((de, coc, n.to_string()));
    for (s, coc) in [vhsg::MALE, vhsg::FEMALE].into_iter().enumerate() {
        let living = (under_two[s] + rng.random_range(0..=2)).saturating_sub(1);
        put(vhsg::LIVE_BIRTHS, coc, rng.random_range(0..=2));
        put(vhsg::CHILDREN_UNDER_2, coc, living);
        put(vhsg::CHILDREN_VACCINATED, coc, rng.random_range(1..=living.min(8)));
        put(vhsg::REFERRED_NCD, coc, rng.random_range(0..=3));
    }
    for coc in vhsg::SEX_AGE {
        put(vhsg::DEATHS, coc, u32::from(rng.random_range(0..12) == 0));
        put(vhsg::SICK_REFERRED, coc, rng.random_range(0..=2));
    }
    let pregnant = (pregnant + rng.random_range(0..=2)).saturating_sub(1).max(1);
    put(vhsg::PREGNANT_WOMEN, vhsg::DEFAULT_COMBO, pregnant);
    put(vhsg::REFERRED_ANTENATAL, vhsg::DEFAULT_COMBO, rng.random_range(0..=pregnant.min(4)));
    put(vhsg::HOUSEHOLDS_VISITED, vhsg::DEFAULT_COMBO, rng.random_range(20..=60));
    put(vhsg::EDUCATION_SESSIONS, vhsg::DEFAULT_COMBO, rng.random_range(1..=4));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::ymd;
    use rand::SeedableRng;

    #[test]
    fn six_past_months_are_reported_except_last_months_exercise() {
        let today = ymd(2026, 12, 1);
        let plans = plan(&mut StdRng::seed_from_u64(5), today);
        assert_eq!(plans.len(), 6 * MONTHS - 2);
        let last = Period::containing(PeriodType::Monthly, today).previous();
        let last_month: Vec<&ReportPlan> = plans.iter().filter(|p| p.period == last).collect();
        assert_eq!(last_month.len(), 4);
        assert_eq!(last_month.iter().filter(|p| !p.completed).count(), 1);
        assert!(plans.iter().all(|p| p.entered <= today && p.entered > p.period.end()));
        assert_eq!(plans[0].period.iso(), "202606");
        for p in &plans {
            let value = |de: Uid, coc: Uid| -> u32 {
                p.values.iter().find(|(d, c, _)| *d == de && *c == coc).unwrap().2.parse().unwrap()
            };
            for coc in [vhsg::MALE, vhsg::FEMALE] {
                assert!(value(vhsg::CHILDREN_VACCINATED, coc) <= value(vhsg::CHILDREN_UNDER_2, coc));
            }
            assert!(
                value(vhsg::REFERRED_ANTENATAL, vhsg::DEFAULT_COMBO)
                    <= value(vhsg::PREGNANT_WOMEN, vhsg::DEFAULT_COMBO)
            );
        }
    }
}
