//! The adults of the hypertension and diabetes (NCD) program and their visits, relative to today:
//! blood pressure brought under control, still raised (once very high, referred), diabetes,
//! follow-ups overdue or due today, people registered this week, and people whose screening was
//! normal (enrollment completed, no follow-up).
//!
//! Owns the plans and what the rules derive from a visit's measurements (BMI, the blood pressure
//! and fasting glucose results), computed exactly as the dataset's rules do so that a stored visit
//! is what its form would show. Visit dates follow the schedule: the first follow-up 28 days after
//! enrollment, each next one 28 days after the visit before (`schedule::generate`). Does not own
//! writing (`write`).

use chrono::NaiveDate as Date;
use rand::rngs::StdRng;
use rand::Rng;

use super::names::{Name, Registry, Sex};
use super::{days, Home};

/// Where an NCD patient stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum AdultKind {
    /// Raised at screening, below 140/90 at the latest follow-ups; next visit in 1 to 27 days.
    Controlled,
    /// Raised at every visit (very high once, referred); next visit in 1 to 27 days.
    Uncontrolled,
    /// Fasting glucose in the diabetes range at screening; next visit in 1 to 27 days.
    Diabetes,
    /// The next follow-up was due 3 to 90 days ago.
    Overdue,
    /// The next follow-up is due today.
    DueToday,
    /// Screened in the last week; first follow-up in 3 to 4 weeks.
    New,
    /// Normal screening: enrollment completed, the follow-up skipped.
    ScreenedNormal,
}

/// How many adults of each kind.
pub(crate) const MIX: [(AdultKind, usize); 7] = [
    (AdultKind::Controlled, 25),
    (AdultKind::Uncontrolled, 20),
    (AdultKind::Diabetes, 15),
    (AdultKind::Overdue, 20),
    (AdultKind::DueToday, 6),
    (AdultKind::New, 6),
    (AdultKind::ScreenedNormal, 8),
];

/// What was measured and decided at one visit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Visit {
    pub(crate) date: Date,
    /// kg, one decimal.
    pub(crate) weight: String,
    pub(crate) systolic: u32,
    pub(crate) diastolic: u32,
    /// Fasting glucose, mmol/L, one decimal: at screening, and at every visit of people with
    /// diabetes.
    pub(crate) glucose: Option<String>,
    /// Asked at screening.
    pub(crate) smoker: Option<bool>,
    pub(crate) bp_medicine: bool,
    pub(crate) diabetes_medicine: bool,
    /// Asked at follow-ups of people on medicines.
    pub(crate) as_prescribed: Option<bool>,
    /// Referral option code.
    pub(crate) referral: &'static str,
}

/// One adult.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AdultPlan {
    pub(crate) kind: AdultKind,
    pub(crate) name: Name,
    pub(crate) sex: Sex,
    pub(crate) birth: Date,
    pub(crate) home: Home,
    pub(crate) national_id: Option<String>,
    pub(crate) height_cm: u32,
    /// The enrollment date, and the screening visit.
    pub(crate) registered: Date,
    /// The screening, then the follow-ups done.
    pub(crate) visits: Vec<Visit>,
}

/// Plans every adult, in a fixed order from the seeded generator.
pub(crate) fn plan(rng: &mut StdRng, registry: &mut Registry, today: Date) -> Vec<AdultPlan> {
    let mut out = Vec::new();
    for (kind, count) in MIX {
        for i in 0..count {
            out.push(plan_one(rng, registry, today, kind, i));
        }
    }
    out
}

/// How blood pressure and glucose go for one person.
#[derive(Clone, Copy, PartialEq)]
enum Course {
    /// Raised at screening, falling below 140/90.
    Controlled,
    /// Raised throughout.
    Uncontrolled,
    /// Diabetes range at screening, glucose falling on treatment.
    Diabetes,
    Normal,
}

fn plan_one(rng: &mut StdRng, registry: &mut Registry, today: Date, kind: AdultKind, i: usize) -> AdultPlan {
    let sex = if rng.random_bool(0.58) { Sex::Female } else { Sex::Male };
    let birth = today - days(365 * rng.random_range(40..=78) + rng.random_range(0..365));
    let height_cm = match sex {
        Sex::Male => rng.random_range(155..=172),
        Sex::Female => rng.random_range(146..=160),
    };
    let (course, follow_ups, next_due) = match kind {
        AdultKind::Controlled => {
            (Course::Controlled, rng.random_range(3..=10), Some(today + days(rng.random_range(1..=27))))
        }
        AdultKind::Uncontrolled => {
            (Course::Uncontrolled, rng.random_range(3..=8), Some(today + days(rng.random_range(1..=27))))
        }
        AdultKind::Diabetes => {
            (Course::Diabetes, rng.random_range(2..=9), Some(today + days(rng.random_range(1..=27))))
        }
        AdultKind::Overdue => {
            let course = [Course::Controlled, Course::Uncontrolled, Course::Diabetes][i % 3];
            (course, rng.random_range(1..=6), Some(today - days(rng.random_range(3..=90))))
        }
        AdultKind::DueToday => {
            ([Course::Controlled, Course::Uncontrolled][i % 2], rng.random_range(1..=6), Some(today))
        }
        AdultKind::New => ([Course::Uncontrolled, Course::Diabetes][i % 2], 0, None),
        AdultKind::ScreenedNormal => (Course::Normal, 0, None),
    };
    let jitters: Vec<i64> = (0..follow_ups).map(|_| rng.random_range(0..=3)).collect();
    let registered = match (kind, next_due) {
        (AdultKind::New, _) => today - days(rng.random_range(0..=6)),
        (AdultKind::ScreenedNormal, _) => today - days(rng.random_range(20..=300)),
        (_, Some(due)) => due - days(28 * (follow_ups as i64 + 1) + jitters.iter().sum::<i64>()),
        (_, None) => today,
    };
    let mut dates = vec![registered];
    let mut due = registered + days(28);
    for j in &jitters {
        let day = due + days(*j);
        dates.push(day);
        due = day + days(28);
    }
    let bmi_target: f64 = rng.random_range(19.0..30.0);
    let base_weight = bmi_target * f64::from(height_cm * height_cm) / 10_000.0;
    let smoker = rng.random_bool(if sex == Sex::Male { 0.3 } else { 0.03 });
    let count = dates.len();
    let visits = dates
        .into_iter()
        .enumerate()
        .map(|(j, date)| visit(rng, course, j, count, date, base_weight, smoker))
        .collect();
    AdultPlan {
        kind,
        name: registry.name(rng, sex),
        sex,
        birth,
        home: Home::draw(rng, registry, 0.85),
        national_id: rng.random_bool(0.65).then(|| registry.national_id(rng)),
        height_cm,
        registered,
        visits,
    }
}

/// Visit `j` of `count` (0 is the screening).
fn visit(
    rng: &mut StdRng,
    course: Course,
    j: usize,
    count: usize,
    date: Date,
    base_weight: f64,
    smoker: bool,
) -> Visit {
    let screening = j == 0;
    let last = j + 1 == count;
    let (mut systolic, mut diastolic) = match course {
        Course::Normal => (rng.random_range(108..=134), rng.random_range(68..=86)),
        Course::Diabetes if !screening => (rng.random_range(122..=142), rng.random_range(74..=90)),
        Course::Controlled if !screening => {
            // Falling towards a controlled reading by the latest visit.
            let share = j as f64 / (count - 1).max(1) as f64;
            let s = 156.0 - 30.0 * share + rng.random_range(-4.0..4.0);
            let d = 95.0 - 14.0 * share + rng.random_range(-3.0..3.0);
            (s.round() as u32, d.round() as u32)
        }
        Course::Diabetes => (rng.random_range(128..=150), rng.random_range(78..=94)),
        _ => (rng.random_range(142..=172), rng.random_range(88..=104)),
    };
    if last && course == Course::Controlled && !screening {
        systolic = systolic.min(136);
        diastolic = diastolic.min(86);
    }
    // One very high reading on the third visit of those never controlled.
    let very_high = course == Course::Uncontrolled && j == 2;
    if very_high {
        systolic = rng.random_range(182..=196);
        diastolic = rng.random_range(110..=116);
    }
    let glucose_tenths = match course {
        Course::Diabetes if screening => Some(rng.random_range(74..=118)),
        Course::Diabetes => Some(rng.random_range(62..=95)),
        _ if screening => Some(rng.random_range(45..=60)),
        _ => None,
    };
    let hypertension = course != Course::Normal && course != Course::Diabetes;
    let referral = if very_high {
        "HOSPITAL"
    } else if (course == Course::Diabetes && screening) || (course == Course::Uncontrolled && !screening && j % 2 == 1)
    {
        "HC_DOCTOR"
    } else {
        "NONE"
    };
    let on_medicine = !screening && course != Course::Normal;
    let weight = base_weight + if screening { 0.0 } else { rng.random_range(-1.5..1.5) };
    Visit {
        date,
        weight: format!("{weight:.1}"),
        systolic,
        diastolic,
        glucose: glucose_tenths.map(|t| format!("{}.{}", t / 10, t % 10)),
        smoker: screening.then_some(smoker),
        bp_medicine: on_medicine && hypertension,
        diabetes_medicine: on_medicine && course == Course::Diabetes,
        as_prescribed: on_medicine.then(|| course != Course::Uncontrolled || rng.random_bool(0.7)),
        referral,
    }
}

/// BMI as the dataset's rule assigns it: `d2:round((weight * 10000) / (height * height), 1)`,
/// written as Android writes an assigned NUMBER (`24.3`, `25.0`). Computed on whole tenths of a
/// kilogram and centimetres, rounding half away from zero as the engine does.
pub(crate) fn bmi(weight: &str, height_cm: u32) -> Option<String> {
    let (whole, tenth) = weight.split_once('.').unwrap_or((weight, "0"));
    let tenths: u64 = whole.parse::<u64>().ok()? * 10 + tenth.parse::<u64>().ok()?;
    let square = u64::from(height_cm) * u64::from(height_cm);
    if square == 0 || tenth.len() != 1 {
        return None;
    }
    // BMI x 10 = tenths x 10000 / height², rounded half up (all values are positive).
    let times_ten = (2 * tenths * 10_000 + square) / (2 * square);
    Some(format!("{}.{}", times_ten / 10, times_ten % 10))
}

/// The blood pressure result the rules assign.
pub(crate) fn bp_result(systolic: u32, diastolic: u32) -> &'static str {
    if systolic >= 180 || diastolic >= 110 {
        "VERY_HIGH"
    } else if systolic >= 140 || diastolic >= 90 {
        "RAISED"
    } else {
        "NORMAL"
    }
}

/// The fasting glucose result the rules assign (mmol/L with one decimal).
pub(crate) fn glucose_result(glucose: &str) -> &'static str {
    let value: f64 = glucose.parse().unwrap_or(0.0);
    if value >= 7.0 {
        "DIABETES"
    } else if value >= 6.1 {
        "RAISED"
    } else {
        "NORMAL"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::ymd;
    use rand::SeedableRng;

    fn plans(today: Date) -> Vec<AdultPlan> {
        plan(&mut StdRng::seed_from_u64(4), &mut Registry::new(), today)
    }

    #[test]
    fn visits_follow_the_28_day_schedule_and_end_where_the_kind_says() {
        let today = ymd(2026, 12, 5);
        for p in plans(today) {
            assert_eq!(p.visits[0].date, p.registered);
            let mut due = p.registered + days(28);
            for v in &p.visits[1..] {
                assert!(v.date >= due && v.date <= due + days(3), "{p:?}");
                due = v.date + days(28);
            }
            assert!(p.visits.iter().all(|v| v.date <= today), "{p:?}");
            match p.kind {
                AdultKind::Controlled | AdultKind::Uncontrolled | AdultKind::Diabetes => {
                    assert!(due > today && due <= today + days(27), "{p:?}")
                }
                AdultKind::Overdue => assert!(due < today - days(2), "{p:?}"),
                AdultKind::DueToday => assert_eq!(due, today, "{p:?}"),
                AdultKind::New => assert!(p.visits.len() == 1 && due > today + days(20), "{p:?}"),
                AdultKind::ScreenedNormal => assert_eq!(p.visits.len(), 1),
            }
        }
    }

    #[test]
    fn readings_fit_the_kind_and_very_high_ones_are_referred() {
        for p in plans(ymd(2026, 12, 5)) {
            let results: Vec<&str> = p.visits.iter().map(|v| bp_result(v.systolic, v.diastolic)).collect();
            match p.kind {
                AdultKind::Controlled => assert_eq!(results.last(), Some(&"NORMAL"), "{p:?}"),
                AdultKind::Uncontrolled => assert!(results.iter().all(|r| *r != "NORMAL"), "{p:?}"),
                AdultKind::ScreenedNormal => assert_eq!(results, ["NORMAL"]),
                AdultKind::Diabetes => assert_eq!(glucose_result(p.visits[0].glucose.as_deref().unwrap()), "DIABETES"),
                _ => {}
            }
            for v in &p.visits {
                assert!(
                    v.diastolic < v.systolic && (60..=260).contains(&v.systolic) && (40..=160).contains(&v.diastolic)
                );
                if bp_result(v.systolic, v.diastolic) == "VERY_HIGH" {
                    assert_eq!(v.referral, "HOSPITAL");
                }
            }
        }
    }

    #[test]
    fn bmi_rounds_as_the_rule_does() {
        assert_eq!(bmi("62.4", 160).as_deref(), Some("24.4")); // 24.375
        assert_eq!(bmi("64.0", 160).as_deref(), Some("25.0"));
        assert_eq!(bmi("50.0", 158).as_deref(), Some("20.0")); // 20.028...
        assert_eq!(bmi("62.5", 160).as_deref(), Some("24.4")); // 24.4140...
        assert_eq!(bmi("61.12", 160), None);
        assert_eq!(bp_result(139, 89), "NORMAL");
        assert_eq!(bp_result(140, 70), "RAISED");
        assert_eq!(bp_result(150, 110), "VERY_HIGH");
        assert_eq!(glucose_result("6.0"), "NORMAL");
        assert_eq!(glucose_result("6.1"), "RAISED");
        assert_eq!(glucose_result("7.0"), "DIABETES");
    }
}
