//! An immunization-like tracker program (child immunization in Cambodia): BCG, HepB birth dose,
//! OPV/Penta/PCV 1-3, IPV, MR 1-2 and JE on one visit stage; the child's age from a
//! date-of-birth attribute (d2:daysBetween, d2:monthsBetween), doses counted over the visits,
//! fields of doses not yet due hidden, overdue warnings, next-dose date and dose count assigned
//! through calculated values, and errors on impossible dates or doses given too early.
//!
//! Owns the program's shape. Does not own timing (`bench_rules`) or the answer (`answer`).

use chrono::{NaiveDate as Date, TimeDelta};

use super::case::*;
use super::vocab;
use crate::rng::Rng;

const VISIT: &str = "ImmVisit001";

/// Antigen dose: variable stem, schedule age in days, the previous dose in the series.
const DOSES: [(&str, i64, Option<&str>); 16] = [
    ("bcg", 0, None),
    ("hepb0", 0, None),
    ("opv1", 42, None),
    ("opv2", 70, Some("opv1")),
    ("opv3", 98, Some("opv2")),
    ("penta1", 42, None),
    ("penta2", 70, Some("penta1")),
    ("penta3", 98, Some("penta2")),
    ("pcv1", 42, None),
    ("pcv2", 70, Some("pcv1")),
    ("pcv3", 98, Some("pcv2")),
    ("ipv", 98, None),
    ("mr1", 270, None),
    ("mr2", 540, Some("mr1")),
    ("je", 270, None),
    ("je2", 720, Some("je")),
];

pub fn case(seed: u64, today: Date) -> RuleSetCase {
    let rng = &mut Rng::new(seed ^ 0x5DEE_CE66_D1CE_4E5B);
    let de: Vec<String> = DOSES.iter().map(|_| vocab::uid(rng)).collect();
    let (weight, next_date, dose_count, next_dose) =
        (vocab::uid(rng), vocab::uid(rng), vocab::uid(rng), vocab::uid(rng));
    let (dob_attr, sex_attr) = (vocab::uid(rng), vocab::uid(rng));

    let mut variables = vec![
        vocab::variable("dob", "TEI_ATTRIBUTE", &dob_attr, None, "TEXT"),
        vocab::variable("sex", "TEI_ATTRIBUTE", &sex_attr, None, "TEXT"),
        vocab::variable("weight", "DATAELEMENT_CURRENT_EVENT", &weight, None, "NUMERIC"),
        vocab::variable("prev_weight", "DATAELEMENT_PREVIOUS_EVENT", &weight, None, "NUMERIC"),
    ];
    for ((stem, _, _), uid) in DOSES.iter().zip(&de) {
        variables.push(vocab::variable(&format!("{stem}_now"), "DATAELEMENT_CURRENT_EVENT", uid, None, "BOOLEAN"));
        variables.push(vocab::variable(
            &format!("{stem}_all"),
            "DATAELEMENT_NEWEST_EVENT_PROGRAM",
            uid,
            None,
            "BOOLEAN",
        ));
    }
    for calc in ["age_days", "age_months", "doses_given", "overdue", "next_due"] {
        variables.push(vocab::variable(calc, "CALCULATED_VALUE", "", None, "TEXT"));
    }

    let mut rules: Vec<CaseRule> = Vec::new();
    let mut add = |condition: String, priority: Option<i64>, actions: Vec<CaseAction>| {
        let r = rules.len();
        rules.push(CaseRule {
            uid: format!("ImmRule{r:04}"),
            name: format!("immunization rule {r}"),
            condition,
            priority,
            program_stage: Some(VISIT.to_string()),
            actions,
        });
    };
    let calc = |name: &str, data: &str| {
        let mut a = vocab::action("ASSIGN", Some(data));
        a.content = Some(format!("#{{{name}}}"));
        a
    };
    let assign = |field: &str, data: &str| {
        let mut a = vocab::action("ASSIGN", Some(data));
        a.field = field.to_string();
        a
    };
    add(
        "d2:hasValue(#{dob})".into(),
        Some(1),
        vec![
            calc("age_days", "d2:daysBetween(#{dob}, V{event_date})"),
            calc("age_months", "d2:monthsBetween(#{dob}, V{event_date})"),
            calc("doses_given", "0"),
            calc("overdue", "0"),
        ],
    );
    add(
        "d2:hasValue(#{dob}) && d2:daysBetween(#{dob}, V{event_date}) < 0".into(),
        Some(2),
        vec![vocab::typed_action("SHOWERROR", "'Visit date is before the date of birth'", &weight, "dates")],
    );
    add(
        "d2:daysBetween(V{current_date}, #{dob}) > 0".into(),
        Some(2),
        vec![vocab::typed_action("ERRORONCOMPLETE", "#{dob}", "", "Date of birth is in the future")],
    );
    add(
        "d2:daysBetween(V{current_date}, V{event_date}) > 0".into(),
        Some(2),
        vec![vocab::typed_action("SHOWERROR", "V{event_date}", "", "Visit date is in the future")],
    );
    for (((stem, due, prev), uid), k) in DOSES.iter().zip(&de).zip(0i64..) {
        add(
            format!("#{{{stem}_now}} || d2:count(#{{{stem}_all}}) > 0"),
            Some(5),
            vec![calc("doses_given", "#{doses_given} + 1")],
        );
        add(
            format!("#{{age_days}} < {} && !#{{{stem}_now}}", due - 14),
            Some(6),
            vec![vocab::typed_action("HIDEFIELD", "", uid, "not due")],
        );
        add(
            format!("#{{age_days}} > {} && d2:count(#{{{stem}_all}}) == 0", due + 28),
            Some(7),
            vec![
                vocab::typed_action(
                    "SHOWWARNING",
                    &format!("d2:concatenate('{stem} overdue by ', #{{age_days}} - {due}, ' days')"),
                    uid,
                    "overdue",
                ),
                calc("overdue", "#{overdue} + 1"),
            ],
        );
        add(
            format!("#{{{stem}_now}} && #{{age_days}} < {}", due - 4),
            Some(8),
            vec![vocab::typed_action(
                "SHOWERROR",
                &format!("d2:concatenate('{stem} given ', {due} - #{{age_days}}, ' days too early')"),
                uid,
                "too early",
            )],
        );
        if let Some(p) = prev {
            add(
                format!("#{{{stem}_now}} && d2:count(#{{{p}_all}}) == 0"),
                Some(8),
                vec![vocab::typed_action("SHOWERROR", &format!("'{p} must come before {stem}'"), uid, "order")],
            );
        }
        // The first dose not yet given sets the next due date (rules of equal priority keep
        // their order, and later ones only fire while next_due is still empty).
        add(
            format!("d2:count(#{{{stem}_all}}) == 0 && !d2:hasValue(#{{next_due}}) && d2:hasValue(#{{dob}})"),
            Some(9 + k % 2),
            vec![calc("next_due", &format!("d2:addDays(#{{dob}}, {due})")), calc("age_days", "#{age_days}")],
        );
    }
    add(
        "#{hepb0_now} && #{age_days} > 1".into(),
        Some(10),
        vec![vocab::typed_action("SHOWWARNING", "'HepB birth dose should be given within 24 hours'", &de[1], "hepb0")],
    );
    add(
        "#{mr1_now} && #{age_months} < 9".into(),
        Some(10),
        vec![vocab::typed_action("SHOWERROR", "#{age_months}", &de[12], "MR1 before 9 months")],
    );
    add(
        "d2:hasValue(#{weight}) && d2:hasValue(#{prev_weight}) && #{weight} < #{prev_weight}".into(),
        Some(11),
        vec![vocab::typed_action("SHOWWARNING", "#{prev_weight} - #{weight}", &weight, "weight loss")],
    );
    add(
        "d2:hasValue(#{weight}) && (#{weight} < 1.5 || #{weight} > 30)".into(),
        Some(11),
        vec![vocab::typed_action("SHOWERROR", "#{weight}", &weight, "weight out of range")],
    );
    add("true".into(), Some(20), vec![assign(&dose_count, "#{doses_given}"), assign(&next_date, "#{next_due}")]);
    add(
        "#{overdue} > 0".into(),
        Some(21),
        vec![
            vocab::typed_action("DISPLAYKEYVALUEPAIR", "#{overdue}", "", "Overdue doses"),
            assign(&next_dose, "'catch-up'"),
        ],
    );
    add(
        "#{overdue} == 0".into(),
        None,
        vec![vocab::typed_action(
            "DISPLAYTEXT",
            "d2:concatenate('Up to date at ', #{age_months}, ' months')",
            "",
            "status",
        )],
    );
    add(
        "#{sex} == 'F' && #{age_months} >= 9".into(),
        None,
        vec![vocab::typed_action("DISPLAYKEYVALUEPAIR", "'girl, MR eligible'", "", "MR")],
    );

    let age = rng.range(300, 700);
    let dob = today - TimeDelta::days(age);
    let mut events = Vec::new();
    let visit_ages: Vec<i64> = [0i64, 45, 74, 101, 275, 545].iter().copied().filter(|a| *a < age - 2).collect();
    for (v, visit_age) in visit_ages.iter().enumerate() {
        let mut values: Vec<(String, String)> = DOSES
            .iter()
            .zip(&de)
            .filter(|((_, due, _), _)| (*due - visit_age).abs() < 20 && rng.chance(80))
            .map(|(_, uid)| (uid.clone(), "true".to_string()))
            .collect();
        values.push((weight.clone(), format!("{}.{}", 3 + visit_age / 60, rng.range(0, 9))));
        events.push(vocab::event(
            &format!("ImmVisit{v:03}"),
            VISIT,
            dob + TimeDelta::days(*visit_age),
            540 + v as i64,
            values,
        ));
    }
    let target_values = vec![(weight.clone(), "9.4".to_string()), (de[12].clone(), "true".to_string())];
    events.push(vocab::event("ImmTarget01", VISIT, today, 600, target_values));
    RuleSetCase {
        id: format!("immunization-{seed}"),
        kind: "immunization".into(),
        today: vocab::day(today),
        rule_set: CaseRuleSet { rules, variables, constants: Vec::new() },
        enrollment: Some(CaseEnrollment {
            uid: "EnrollImm01".into(),
            program_name: "Child immunization".into(),
            incident_date: vocab::day(dob),
            enrollment_date: vocab::day(dob),
            status: "ACTIVE".into(),
            org_unit: "OrgUnitAAA1".into(),
            org_unit_code: Some("KH0101".into()),
            attributes: vec![(dob_attr, vocab::day(dob)), (sex_attr, rng.pick(&["M", "F"]).to_string())],
        }),
        events,
        supplementary: CaseSupplementary::default(),
        bench: Some(BenchSpec {
            event: "ImmTarget01".into(),
            field: weight,
            values: ["9.4", "8.1", "12.0", "0.9", "10.5"].iter().map(|s| s.to_string()).collect(),
        }),
        phum: None,
        sites: Vec::new(),
        templates: Vec::new(),
    }
}
