//! The children of the immunization program and their histories, relative to today: some up to
//! date with their next contact still to come, some overdue (a few since birth, born at home),
//! some due today, some with every contact of the schedule done, and girls of 9 to 11 with the
//! HPV dose given, overdue, due today or coming.
//!
//! Owns the plans: who each child is, when they were registered, the date of every contact they
//! had and their weight then. Dates follow the rules of the dataset: a dose is never given before
//! its age (the stage's `minDaysFromStart`, which the dataset sets so that a dose on its due date
//! passes the age rules) and doses of a series are at least 28 days apart. Does not own writing
//! (`write`).

use chrono::{NaiveDate as Date, TimeDelta};
use rand::rngs::StdRng;
use rand::Rng;

use super::names::{Name, Registry, Sex};
use super::{days, Home};

/// Where a child stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ChildKind {
    /// Every contact due so far given; the next is due in 1 to 20 days.
    UpToDate,
    /// A contact due 3 to 75 days ago not given (birth doses: 3 to 20 days ago).
    Overdue,
    /// The next contact is due today.
    DueToday,
    /// All six contacts given.
    Complete,
    /// Girls of 9 and more: HPV given.
    HpvGiven,
    /// HPV due 5 to 120 days ago.
    HpvOverdue,
    HpvDueToday,
    /// HPV due in 3 to 25 days.
    HpvComing,
}

/// How many children of each kind.
pub(crate) const MIX: [(ChildKind, usize); 8] = [
    (ChildKind::UpToDate, 30),
    (ChildKind::Overdue, 25),
    (ChildKind::DueToday, 8),
    (ChildKind::Complete, 22),
    (ChildKind::HpvGiven, 5),
    (ChildKind::HpvOverdue, 4),
    (ChildKind::HpvDueToday, 1),
    (ChildKind::HpvComing, 2),
];

/// The schedule as the stages have it: days from birth of each contact generated at enrollment
/// (birth, 6, 10, 14 weeks, 9 and 18 months) and of the HPV dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Schedule {
    pub(crate) contacts: [i64; 6],
    pub(crate) hpv: i64,
}

/// One child.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChildPlan {
    pub(crate) kind: ChildKind,
    pub(crate) name: Name,
    pub(crate) sex: Sex,
    pub(crate) birth: Date,
    /// The mother (or another caregiver).
    pub(crate) caregiver: Name,
    pub(crate) home: Home,
    /// The enrollment date: the birth visit, or for a child born at home the day a volunteer
    /// registered them.
    pub(crate) registered: Date,
    /// The date of each contact given, in schedule order, with the child's weight then (kg).
    pub(crate) contacts: Vec<(Date, String)>,
    /// The HPV dose: scheduled on, given on (with the weight).
    pub(crate) hpv: Option<(Date, Option<(Date, String)>)>,
    /// The enrollment was completed that day (children past two with every contact done).
    pub(crate) completed_on: Option<Date>,
}

/// Plans every child, in a fixed order from the seeded generator.
pub(crate) fn plan(rng: &mut StdRng, registry: &mut Registry, today: Date, schedule: &Schedule) -> Vec<ChildPlan> {
    let mut out = Vec::new();
    for (kind, count) in MIX {
        for i in 0..count {
            out.push(plan_one(rng, registry, today, schedule, kind, i));
        }
    }
    out
}

fn plan_one(
    rng: &mut StdRng,
    registry: &mut Registry,
    today: Date,
    schedule: &Schedule,
    kind: ChildKind,
    i: usize,
) -> ChildPlan {
    let c = &schedule.contacts;
    let hpv_kind =
        matches!(kind, ChildKind::HpvGiven | ChildKind::HpvOverdue | ChildKind::HpvDueToday | ChildKind::HpvComing);
    let sex = if hpv_kind || rng.random_bool(0.5) { Sex::Female } else { Sex::Male };
    // `next`: the first contact not given; `birth`: from its due date.
    let (next, birth) = match kind {
        ChildKind::UpToDate => {
            let next = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5][i % 10];
            (next, today + days(rng.random_range(1..=20)) - days(c[next]))
        }
        ChildKind::Overdue => {
            // The first three were born at home and have had nothing yet.
            let next = if i < 3 { 0 } else { 1 + i % 5 };
            let late = if next == 0 { rng.random_range(3..=20) } else { rng.random_range(3..=75) };
            (next, today - days(late) - days(c[next]))
        }
        ChildKind::DueToday => {
            let next = [1, 1, 2, 3, 4, 4, 5, 5][i % 8];
            (next, today - days(c[next]))
        }
        ChildKind::Complete => (6, today - days(rng.random_range(c[5] + 60..=3 * 365))),
        ChildKind::HpvGiven => (6, today - days(schedule.hpv + rng.random_range(10..=700))),
        ChildKind::HpvOverdue => (6, today - days(schedule.hpv + rng.random_range(5..=120))),
        ChildKind::HpvDueToday => (6, today - days(schedule.hpv)),
        ChildKind::HpvComing => (6, today - days(schedule.hpv - rng.random_range(3..=25))),
    };
    let growth = rng.random_range(0.88..1.12);
    let contacts: Vec<(Date, String)> = contact_dates(rng, birth, c, next)
        .into_iter()
        .map(|d| (d, weight(sex, (d - birth).num_days(), growth)))
        .collect();
    let registered = match contacts.first() {
        Some((birth_visit, _)) => *birth_visit,
        // Registered by a volunteer some days after a home birth, before today.
        None => birth + days(rng.random_range(1..(today - birth).num_days())),
    };
    let hpv = hpv_kind.then(|| {
        let due = birth + days(schedule.hpv);
        let given = (kind == ChildKind::HpvGiven).then(|| {
            let room = (today - due).num_days() - 1;
            let day = due + days(rng.random_range(0..=room.min(60)));
            (day, weight(sex, (day - birth).num_days(), growth))
        });
        (due - days(30), given)
    });
    let completed_on = match (kind, contacts.last()) {
        (ChildKind::Complete, Some((last, _))) if (today - birth).num_days() > 730 => Some(*last),
        _ => None,
    };
    ChildPlan {
        kind,
        name: registry.name(rng, sex),
        sex,
        birth,
        caregiver: registry.name(rng, Sex::Female),
        home: Home::draw(rng, registry, 0.85),
        registered,
        contacts,
        hpv,
        completed_on,
    }
}

/// The days of the first `given` contacts: each on its due day or a few days after (the birth
/// doses mostly the same day), a dose of the 6-10-14-week series or MR 2 never less than 28 days
/// after the one before.
fn contact_dates(rng: &mut StdRng, birth: Date, contacts: &[i64; 6], given: usize) -> Vec<Date> {
    let mut out: Vec<Date> = Vec::with_capacity(given);
    for (i, due) in contacts.iter().enumerate().take(given) {
        let jitter = match i {
            0 => [0, 0, 0, 0, 1, 1, 2][rng.random_range(0..7)],
            1..=3 => rng.random_range(0..=5),
            4 => rng.random_range(0..=10),
            _ => rng.random_range(0..=14),
        };
        let mut day = birth + days(due + jitter);
        if matches!(i, 2 | 3 | 5) {
            day = day.max(out[i - 1] + TimeDelta::days(28));
        }
        out.push(day);
    }
    out
}

/// A plausible weight (kg, one decimal) at `age_days`: roughly the WHO median for boys, a little
/// less for girls, times the child's own `growth`.
fn weight(sex: Sex, age_days: i64, growth: f64) -> String {
    const MEDIAN: [(i64, f64); 7] = [(0, 3.3), (42, 5.0), (70, 5.9), (98, 6.6), (275, 8.9), (548, 10.9), (3650, 31.0)];
    let age = age_days.clamp(0, 3650);
    let mut kg = MEDIAN[MEDIAN.len() - 1].1;
    for pair in MEDIAN.windows(2) {
        let ((a0, w0), (a1, w1)) = (pair[0], pair[1]);
        if age <= a1 {
            kg = w0 + (w1 - w0) * (age - a0) as f64 / (a1 - a0) as f64;
            break;
        }
    }
    let sex_factor = if sex == Sex::Female { 0.94 } else { 1.0 };
    format!("{:.1}", kg * sex_factor * growth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::ymd;
    use rand::SeedableRng;

    pub(crate) const SCHEDULE: Schedule = Schedule { contacts: [0, 42, 70, 98, 275, 548], hpv: 3288 };

    fn plans(today: Date) -> Vec<ChildPlan> {
        plan(&mut StdRng::seed_from_u64(3), &mut Registry::new(), today, &SCHEDULE)
    }

    #[test]
    fn every_dose_is_in_the_past_at_or_after_its_age_and_series_are_four_weeks_apart() {
        for today in [ymd(2026, 12, 5), ymd(2028, 2, 29), ymd(2027, 1, 1)] {
            for p in plans(today) {
                assert!(p.registered <= today && p.registered >= p.birth, "{p:?}");
                for (i, (day, _)) in p.contacts.iter().enumerate() {
                    assert!(*day < today, "contact {i} of {p:?}");
                    assert!((*day - p.birth).num_days() >= SCHEDULE.contacts[i], "contact {i} of {p:?}");
                }
                for i in [2, 3, 5] {
                    if let (Some(a), Some(b)) = (p.contacts.get(i - 1), p.contacts.get(i)) {
                        assert!((b.0 - a.0).num_days() >= 28, "contact {i} of {p:?}");
                    }
                }
                if let Some((_, Some((given, _)))) = p.hpv {
                    assert!(given < today && given >= p.birth + days(SCHEDULE.hpv), "{p:?}");
                }
            }
        }
    }

    #[test]
    fn the_next_contact_falls_where_the_kind_says() {
        let today = ymd(2026, 12, 5);
        for p in plans(today) {
            let next_due = SCHEDULE.contacts.get(p.contacts.len()).map(|d| p.birth + days(*d));
            match p.kind {
                ChildKind::UpToDate => assert!(next_due.unwrap() > today, "{p:?}"),
                ChildKind::Overdue => assert!(next_due.unwrap() < today - days(2), "{p:?}"),
                ChildKind::DueToday => assert_eq!(next_due, Some(today), "{p:?}"),
                _ => assert_eq!(p.contacts.len(), 6, "{p:?}"),
            }
        }
    }

    #[test]
    fn weights_grow_with_age() {
        let w = |days| weight(Sex::Male, days, 1.0).parse::<f64>().unwrap();
        assert_eq!(weight(Sex::Male, 0, 1.0), "3.3");
        assert!(w(42) < w(98) && w(98) < w(548) && w(548) < w(3288));
        assert!(weight(Sex::Female, 275, 1.0).parse::<f64>().unwrap() < w(275));
    }
}
